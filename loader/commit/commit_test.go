package commit_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"pledgegraph"
	"pledgegraph/loader/attribute"
	"pledgegraph/loader/attribute/annottest"
	"pledgegraph/loader/commit"
)

func person(name, title, country string, aliases ...string) pledgegraph.Actor {
	return pledgegraph.Actor{Name: name, Kind: pledgegraph.KindPerson, Title: title, Country: country, Aliases: aliases}
}

func country(name string, aliases ...string) pledgegraph.Actor {
	return pledgegraph.Actor{Name: name, Kind: pledgegraph.KindCountry, Aliases: aliases}
}

func org(name string, aliases ...string) pledgegraph.Actor {
	return pledgegraph.Actor{Name: name, Kind: pledgegraph.KindOrganization, Aliases: aliases}
}

// cast is the actors of the test sentences (all people fictional).
var cast = []pledgegraph.Actor{
	person("Ana Ortiz", "Defence Minister", "Spain", "Ortiz"),
	person("Mirela Dascalu", "interior minister", "Romania", "Dascalu"),
	person("Ivo Brandt", "Foreign Minister", "Germany", "Brandt"),
	person("Kemal Sahin", "Foreign Minister", "Turkey", "Sahin"),
	person("Marc Dubois", "envoy", "", "Dubois"),
	country("Spain", "Madrid", "Spanish"),
	country("Romania", "Bucharest", "Romanian"),
	country("Germany", "Berlin", "German"),
	country("Turkey", "Ankara", "Turkish"),
	country("Latvia"),
	country("Lithuania"),
	country("Moldova"),
	country("Poland", "Warsaw", "Polish"),
	country("Ukraine", "Kyiv", "Ukrainian"),
	country("Russia", "Moscow", "Russian"),
	country("Haiti", "Haitian"),
	org("United Nations", "UN"),
	org("NATO", "the alliance"),
	org("World Bank"),
	org("European Union", "EU"),
	org("European Commission"),
	person("Nora Quist", "Deputy Finance Secretary", "", "Quist"),
	{Name: "Polish Foreign Ministry", Kind: pledgegraph.KindOrganization, Country: "Poland",
		Aliases: []string{"Poland’s foreign ministry", "the ministry", "The ministry"}},
}

// cm is an expected commitment: actor name, polarity, action, and the
// modality, condition, amount and target name when set.
type cm struct{ actor, pol, action, modality, condition, amount, target string }

func (c cm) String() string {
	return fmt.Sprintf("{%s %s %q mod=%q cond=%q amt=%q tgt=%q}", c.actor, c.pol, c.action, c.modality, c.condition, c.amount, c.target)
}

func extract(t *testing.T, text string) []cm {
	t.Helper()
	d := annottest.Build(text, cast...)
	names := map[string]string{}
	for _, a := range d.Actors {
		names[a.ID] = a.Name
	}
	stmts := attribute.Statements(d)
	ids := map[string]bool{}
	for _, s := range stmts {
		ids[s.ID] = true
	}
	var out []cm
	for _, c := range commit.Commitments(d, stmts) {
		if c.Start < 0 || c.End > len(d.Text) || c.Start > c.End {
			t.Errorf("commitment %q: evidence [%d,%d) out of bounds", c.Action, c.Start, c.End)
		}
		if c.Statement != "" && !ids[c.Statement] {
			t.Errorf("commitment %q links to unknown statement %s", c.Action, c.Statement)
		}
		out = append(out, cm{names[c.Actor], string(c.Polarity), c.Action, c.Modality, c.Condition, c.Amount, names[c.Target]})
	}
	return out
}

// TestCommitments checks one construction per row, on original sentences.
// Empty modality, condition, amount or target in a row are not checked.
func TestCommitments(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []cm
	}{
		{"pledged to", "Spain pledged on Monday to send 500 troops to Latvia.",
			[]cm{{"Spain", "positive", "send 500 troops to Latvia", "pledged", "", "500 troops", "Latvia"}}},
		{"coordinated subject with each and an amount", "Latvia and Lithuania each pledged €50 million.",
			[]cm{{"Latvia", "positive", "provide €50 million", "pledged", "", "€50 million", ""},
				{"Lithuania", "positive", "provide €50 million", "pledged", "", "€50 million", ""}}},
		{"reported refusal", "Moldova said it would not send troops to the mission.",
			[]cm{{"Moldova", "negative", "send troops to the mission", "would not", "", "", ""}}},
		{"ruled out with a gerund", "Germany ruled out sending tanks to Ukraine, citing its own stocks.",
			[]cm{{"Germany", "negative", "send tanks to Ukraine", "ruled out", "", "", "Ukraine"}}},
		{"ruled out a thing", "Turkey ruled out a new round of talks.",
			[]cm{{"Turkey", "negative", "accept a new round of talks", "ruled out", "", "", ""}}},
		{"refused to", "Poland refused to sign the declaration.",
			[]cm{{"Poland", "negative", "sign the declaration", "refused", "", "", ""}}},
		{"rejected a proposal", "Russia rejected the ceasefire proposal.",
			[]cm{{"Russia", "negative", "accept the ceasefire proposal", "rejected", "", "", ""}}},
		{"rejected a claim is no refusal", "Russia rejected suggestions that its drones had crossed the border.",
			nil},
		{"ready to", "Turkey is ready to host the next round.",
			[]cm{{"Turkey", "positive", "host the next round", "ready", "", "", ""}}},
		{"a person speaking commits the state, with a condition", "Ortiz said Madrid could send two frigates if the ceasefire holds.",
			[]cm{{"Spain", "positive", "send two frigates", "could", "if the ceasefire holds", "", ""}}},
		{"leading condition", "If the ceasefire holds, Germany will send monitors to Ukraine.",
			[]cm{{"Germany", "positive", "send monitors to Ukraine", "will", "If the ceasefire holds", "", "Ukraine"}}},
		{"narration by a minister commits the state", "Dascalu pledged to reopen the crossing.",
			[]cm{{"Romania", "positive", "reopen the crossing", "pledged", "", "", ""}}},
		{"an envoy of an international body commits the body", "UN envoy Marc Dubois said the UN would open an office in Haiti.",
			[]cm{{"United Nations", "positive", "open an office in Haiti", "would", "", "", "Haiti"}}},
		{"first person in a quote commits the speaker's state", "“We will not leave while the work is unfinished,” Ortiz said.",
			[]cm{{"Spain", "negative", "leave", "will not", "", "", ""}}},
		{"third person in a quote commits no one", "“They will pay for this,” Ortiz said.",
			nil},
		{"predictions and hedges are not commitments", "Brandt said the plan would fail. Sahin said prices would likely rise.",
			nil},
		{"obligation is not a commitment", "Brandt said Germany would have to cut spending.",
			nil},
		{"past fact is not a commitment", "Spain signed a treaty with Poland in 2019.",
			nil},
		{"wh-clause is not a commitment", "Brandt said it was unclear whether Poland would join.",
			nil},
		{"passive in a state's statement", "Poland’s foreign ministry said the visas would be issued within ten days.",
			[]cm{{"Poland", "positive", "issue the visas within ten days", "would", "", "", ""}}},
		{"coordinated predicates", "Turkey said it would open a centre in Ankara and would train 200 officers.",
			[]cm{{"Turkey", "positive", "open a centre in Ankara", "would", "", "", ""},
				{"Turkey", "positive", "train 200 officers", "would", "", "200 officers", ""}}},
		{"agreed to a list", "NATO agreed to extend the mission, and to fund a new base in Poland.",
			[]cm{{"NATO", "positive", "extend the mission", "agreed", "", "", ""},
				{"NATO", "positive", "fund a new base in Poland", "agreed", "", "", "Poland"}}},
		{"backing with an including clause", "Germany has backed the plan, including sending observers to Moldova.",
			[]cm{{"Germany", "positive", "back the plan", "backed", "", "", ""},
				{"Germany", "positive", "send observers to Moldova", "backed", "", "", "Moldova"}}},
		{"unless condition", "The World Bank said it would suspend the loan unless reforms were passed.",
			[]cm{{"World Bank", "positive", "suspend the loan", "would", "unless reforms were passed", "", ""}}},
		{"a person's own travel plan", "Dascalu said she would travel to Kyiv next week.",
			[]cm{{"Mirela Dascalu", "positive", "travel to Kyiv next week", "would", "", "", "Ukraine"}}},
		{"no plans to", "Spain has no plans to send troops.",
			[]cm{{"Spain", "negative", "send troops", "no plans", "", "", ""}}},
		{"members of an organization", "NATO said allies would increase air patrols over Poland.",
			[]cm{{"NATO", "positive", "increase air patrols over Poland", "would", "", "", ""}}},
		{"vowed that", "Sahin vowed that Ankara would keep the strait open.",
			[]cm{{"Turkey", "positive", "keep the strait open", "would", "", "", ""}}},
		{"as long as condition", "Ortiz said Spain would keep its troops in Latvia as long as the allies asked for them.",
			[]cm{{"Spain", "positive", "keep its troops in Latvia", "would", "as long as the allies asked for them", "", "Latvia"}}},
		{"nouns are not triggers", "The pledges came after the offers were made. The promised aid never arrived.",
			nil},
		{"headline is not read", "# Spain pledges troops\nOrtiz met the troops.",
			nil},
		{"going to", "Ortiz said Spain was not going to send soldiers but would fund training.",
			[]cm{{"Spain", "negative", "send soldiers", "not going to", "", "", ""},
				{"Spain", "positive", "fund training", "would", "", "", ""}}},
		{"committed an amount", "Poland has committed A$1.5 billion in military aid.",
			[]cm{{"Poland", "positive", "provide A$1.5 billion in military aid", "committed", "", "A$1.5 billion", ""}}},
		{"announced it would", "Latvia announced it would contribute 200 million euros to the fund.",
			[]cm{{"Latvia", "positive", "contribute 200 million euros to the fund", "would", "", "200 million euros", ""}}},
		{"passive with a state's forces as subject", "Dascalu said Romanian troops could be deployed within weeks.",
			[]cm{{"Romania", "positive", "deploy Romanian troops within weeks", "could", "", "", ""}}},
		{"a new clause ends the object", "Spain pledged 1,000 officers and Polish donors promised new money.",
			[]cm{{"Spain", "positive", "provide 1,000 officers", "pledged", "", "1,000 officers", ""}}},
		{"support names its beneficiary", "NATO pledged to support Ukraine against aggression.",
			[]cm{{"NATO", "positive", "support Ukraine against aggression", "pledged", "", "", "Ukraine"}}},
		{"a list of three names", "Latvia, Lithuania and Poland agreed to share radar data.",
			[]cm{{"Latvia", "positive", "share radar data", "agreed", "", "", ""},
				{"Lithuania", "positive", "share radar data", "agreed", "", "", ""},
				{"Poland", "positive", "share radar data", "agreed", "", "", ""}}},
		{"a counted group stands for the names before", "Latvia, Lithuania and Poland met in Riga. Brandt said the three countries would each send a liaison officer.",
			[]cm{{"Latvia", "positive", "send a liaison officer", "would", "", "", ""},
				{"Lithuania", "positive", "send a liaison officer", "would", "", "", ""},
				{"Poland", "positive", "send a liaison officer", "would", "", "", ""}}},
		{"neither nor negates for each", "Neither Spain nor Turkey will join the blockade, and Russia objected to the plan.",
			[]cm{{"Spain", "negative", "join the blockade", "will", "", "", ""},
				{"Turkey", "negative", "join the blockade", "will", "", "", ""}}},
		{"a named subject with a finite verb ends the object", "Latvia will send engineers and Russia blocks the corridor.",
			[]cm{{"Latvia", "positive", "send engineers", "will", "", "", ""}}},
		{"coordinated modals, the first with a deliberative verb", "Ortiz said Madrid would review the deployment in May and could expand it if attacks continued.",
			[]cm{{"Spain", "positive", "review the deployment in May", "would", "", "", ""},
				{"Spain", "positive", "expand it", "could", "if attacks continued", "", ""}}},
		{"a report continued after its cue", "Berlin would freeze the accounts, Brandt said, and would expel two diplomats.",
			[]cm{{"Germany", "positive", "freeze the accounts", "would", "", "", ""},
				{"Germany", "positive", "expel two diplomats", "would", "", "", ""}}},
		{"a report continued with a new subject after its cue", "Spain has no plans to close its embassy, Ortiz said, but Madrid would reduce its staff.",
			[]cm{{"Spain", "negative", "close its embassy", "no plans", "", "", ""},
				{"Spain", "positive", "reduce its staff", "would", "", "", ""}}},
		{"a concessive clause still commits", "Turkey said it would not send ships, although Ankara would open its ports to the convoys.",
			[]cm{{"Turkey", "negative", "send ships", "would not", "", "", ""},
				{"Turkey", "positive", "open its ports to the convoys", "would", "", "", ""}}},
		{"until a month is a time, and a second infinitive", "Dascalu said the government would use the loan to freeze rents until June and to repair damaged schools.",
			[]cm{{"Romania", "positive", "use the loan to freeze rents until June", "would", "", "", ""},
				{"Romania", "positive", "repair damaged schools", "would", "", "", ""}}},
		{"would consider a gerund", "Brandt said Berlin would consider leasing two submarines to Poland.",
			[]cm{{"Germany", "positive", "lease two submarines to Poland", "would consider", "", "", "Poland"}}},
		{"would consider a noun", "Sahin said Ankara would consider new credit lines if the talks succeed.",
			[]cm{{"Turkey", "positive", "consider new credit lines", "would consider", "if the talks succeed", "", ""}}},
		{"promised not to", "Moldova promised not to raise gas tariffs this winter.",
			[]cm{{"Moldova", "negative", "raise gas tariffs this winter", "promised not to", "", "", ""}}},
		{"pledged never to", "Latvia pledged never to recognise the annexation.",
			[]cm{{"Latvia", "negative", "recognise the annexation", "pledged never to", "", "", ""}}},
		{"respond with measures inside a partial quote", "Sahin said Turkey would respond “with all necessary means”.",
			[]cm{{"Turkey", "positive", "respond with all necessary means", "would", "", "", ""}}},
		{"respond to questions is no commitment", "Brandt said he would not respond to questions.",
			nil},
		{"a passive in an EU institution's words commits the union", "€80 million will be disbursed in March, the European Commission said.",
			[]cm{{"European Union", "positive", "disburse €80 million in March", "will", "", "€80 million", ""}}},
		{"money that will follow is given by the speaker's side", "The rest will follow once the audit is complete, the European Commission said.",
			[]cm{{"European Union", "positive", "provide the rest", "will", "once the audit is complete", "", ""}}},
		{"the owner of a policy instrument acts", "The EU met on Monday. Dubois said the bloc’s next package would also target shipping insurers.",
			[]cm{{"European Union", "positive", "target shipping insurers", "would", "", "", ""}}},
		{"officials of a body commit the body", "EU foreign ministers agreed to freeze the assets of three banks.",
			[]cm{{"European Union", "positive", "freeze the assets of three banks", "agreed", "", "", ""}}},
		{"a modal and its trigger verb are one commitment", "Ortiz said Madrid would offer two field hospitals.",
			[]cm{{"Spain", "positive", "offer two field hospitals", "would", "", "", ""}}},
		{"agreeing on a view is no undertaking", "Brandt and Sahin agree on the risks but not on the remedy.",
			nil},
		{"an official's state read from their reports", "Deputy Finance Secretary Nora Quist said Poland would lend Moldova $200 million. She said the administration would seek approval next week. “We will keep the pressure on,” Quist said.",
			[]cm{{"Poland", "positive", "lend Moldova $200 million", "would", "", "$200 million", "Moldova"},
				{"Poland", "positive", "seek approval next week", "would", "", "", ""},
				{"Poland", "positive", "keep the pressure on", "will", "", "", ""}}},
		{"it of an unknown speaker is no one named before", "Moldova closed its ports. Sovcomflot said it would not resume the voyages.",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := extract(t, tc.text)
			if !sameCms(g, tc.want) {
				t.Errorf("\n got %v\nwant %v", g, tc.want)
			}
		})
	}
}

func sameCms(got, want []cm) bool {
	if len(got) != len(want) {
		return false
	}
	sort.Slice(got, func(i, j int) bool { return got[i].actor+got[i].action < got[j].actor+got[j].action })
	sort.Slice(want, func(i, j int) bool { return want[i].actor+want[i].action < want[j].actor+want[j].action })
	for i := range got {
		g, w := got[i], want[i]
		if g.actor != w.actor || g.pol != w.pol || strings.TrimRight(g.action, ".") != w.action {
			return false
		}
		if w.modality != "" && g.modality != w.modality || w.condition != "" && g.condition != w.condition ||
			w.amount != "" && g.amount != w.amount || w.target != "" && g.target != w.target {
			return false
		}
	}
	return true
}
