package attribute_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"pledgegraph"
	"pledgegraph/loader/attribute"
	"pledgegraph/loader/attribute/annottest"
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

// cast is the actors of the test articles (all fictional people).
var cast = []pledgegraph.Actor{
	person("Ana Ortiz", "Defence Minister", "Spain", "Ortiz"),
	person("Tomas Reyes", "Finance Minister", "Spain", "Reyes"),
	person("Mirela Dascalu", "interior minister", "Romania", "Dascalu"),
	person("Ivo Brandt", "Foreign Minister", "Germany", "Brandt"),
	person("Lena Forsberg", "Defence Minister", "Sweden", "Forsberg"),
	person("Kemal Sahin", "Foreign Minister", "Turkey", "Sahin"),
	person("Marc Dubois", "envoy", "", "Dubois"),
	person("Anders Lind", "Prime Minister", "Denmark", "Lind"),
	person("Maria Costa", "President", "Portugal", "Costa"),
	person("Ilse Varga", "agency director", "", "Varga"),
	person("Tarek Haddou", "engineer", "", "Haddou"),
	person("Pavel Novak", "Finance Minister", "", "Pavel J. Novak", "Novak"),
	country("Spain", "Madrid", "Spanish"),
	country("Romania", "Bucharest", "Romanian"),
	country("Germany", "Berlin", "German"),
	country("Sweden", "Stockholm", "Swedish"),
	country("Turkey", "Ankara", "Turkish"),
	country("Denmark", "Copenhagen", "Danish"),
	country("Portugal", "Lisbon"),
	country("Latvia"),
	country("Lithuania"),
	country("Moldova"),
	country("China", "Beijing", "Chinese"),
	country("Russia", "Moscow", "Russian"),
	country("Ukraine", "Kyiv", "Ukrainian"),
	org("United Nations", "UN"),
	org("NATO"),
	org("World Bank"),
	org("Kremlin"),
	org("Polish Foreign Ministry", "Poland’s foreign ministry"),
}

// stmt is an expected statement: kind, speaker name ("" for none) and text.
type stmt struct{ kind, speaker, text string }

func (s stmt) String() string { return fmt.Sprintf("%s %q: %q", s.kind, s.speaker, s.text) }

func got(t *testing.T, text string) []stmt {
	t.Helper()
	d := annottest.Build(text, cast...)
	names := map[string]string{}
	for _, a := range d.Actors {
		names[a.ID] = a.Name
	}
	var out []stmt
	for _, s := range attribute.Statements(d) {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			t.Errorf("statement %q: evidence [%d,%d) out of bounds", s.Text, s.Start, s.End)
		}
		out = append(out, stmt{string(s.Kind), names[s.Speaker], s.Text})
	}
	return out
}

// TestStatements checks one construction per row, on original sentences.
func TestStatements(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []stmt
	}{
		{"trailing cue, name", "“We will rebuild every bridge,” Ortiz said.",
			[]stmt{{"direct", "Ana Ortiz", "We will rebuild every bridge,"}}},
		{"trailing cue, inverted with apposition", "“The border stays open,” said Mirela Dascalu, the country’s interior minister.",
			[]stmt{{"direct", "Mirela Dascalu", "The border stays open,"}}},
		{"pronoun to the previous subject", "Mirela Dascalu visited the camp on Monday. “Nobody will be sent back,” she said.",
			[]stmt{{"direct", "Mirela Dascalu", "Nobody will be sent back,"}}},
		{"pronoun gender from the given name", "Prime Minister Anders Lind met President Maria Costa in Lisbon. “The talks were frank,” she said.",
			[]stmt{{"direct", "Maria Costa", "The talks were frank,"}}},
		{"leading cue with colon", "Foreign Minister Ivo Brandt said: “The sanctions stay until the last soldier leaves.”",
			[]stmt{{"direct", "Ivo Brandt", "The sanctions stay until the last soldier leaves."}}},
		{"leading cue with comma, pronoun", "Brandt spoke in Vienna. He added, “Nobody in Berlin wants a longer war.”",
			[]stmt{{"direct", "Ivo Brandt", "Nobody in Berlin wants a longer war."}}},
		{"role cue", "Defence Minister Lena Forsberg arrived in Riga on Friday. “The brigade is ready,” the minister said.",
			[]stmt{{"direct", "Lena Forsberg", "The brigade is ready,"}}},
		{"role cue chooses the matching title", "Finance Minister Tomas Reyes presented the budget. Defence Minister Ana Ortiz spoke next. “The money is there,” the finance minister said.",
			[]stmt{{"direct", "Tomas Reyes", "The money is there,"}}},
		{"organization with a statement", "The Kremlin said in a statement that the talks had been useful.",
			[]stmt{{"indirect", "Kremlin", "the talks had been useful"}}},
		{"organization by role noun", "Poland’s foreign ministry summoned the envoy. The ministry said the flights would stop.",
			[]stmt{{"indirect", "Polish Foreign Ministry", "the flights would stop"}}},
		{"unnamed plural source", "Two European diplomats said the summit would be postponed.",
			[]stmt{{"indirect", "", "the summit would be postponed"}}},
		{"unnamed singular source", "A senior NATO official said the alliance was ready.",
			[]stmt{{"indirect", "", "the alliance was ready"}}},
		{"according to", "According to Ivo Brandt, the border will remain closed.",
			[]stmt{{"indirect", "Ivo Brandt", "the border will remain closed"}}},
		{"reported clause before the cue", "The deal is dead, Brandt told reporters.",
			[]stmt{{"indirect", "Ivo Brandt", "The deal is dead"}}},
		{"split quote in one sentence is one statement", "“We came to listen,” Ortiz said, “and we will come back.”",
			[]stmt{{"direct", "Ana Ortiz", "We came to listen, and we will come back."}}},
		{"split quote across sentences is two", "“We came to listen,” Ortiz said. “We will come back.”",
			[]stmt{{"direct", "Ana Ortiz", "We came to listen,"}, {"direct", "Ana Ortiz", "We will come back."}}},
		{"paragraph-spanning quote attributed forward", "“The first convoy leaves tomorrow.\n“More will follow next week,” Ortiz said.",
			[]stmt{{"direct", "Ana Ortiz", "The first convoy leaves tomorrow."}, {"direct", "Ana Ortiz", "More will follow next week,"}}},
		{"partial quote with a clause of its own", "Ortiz said the army would hold the line “for as long as it takes”.",
			[]stmt{{"indirect", "Ana Ortiz", "the army would hold the line for as long as it takes"}, {"direct", "Ana Ortiz", "for as long as it takes"}}},
		{"partial quote that is the predicate", "Ortiz said the plan was “a betrayal of everything we agreed”.",
			[]stmt{{"direct", "Ana Ortiz", "a betrayal of everything we agreed"}}},
		{"scare-quoted name is no statement", "The so-called “Peace Shield” mission starts in May. Troops joined the “Northern Guard Force” in June.",
			nil},
		{"coordinated speakers", "Latvia and Lithuania said they would close their borders.",
			[]stmt{{"indirect", "Latvia", "they would close their borders"}, {"indirect", "Lithuania", "they would close their borders"}}},
		{"it said", "The World Bank said it would double its lending.",
			[]stmt{{"indirect", "World Bank", "it would double its lending"}}},
		{"participle cue", "Moldova closed its airspace, saying the drones posed a threat.",
			[]stmt{{"indirect", "Moldova", "the drones posed a threat"}}},
		{"told an audience that", "Sahin told the parliament that Turkey would not accept the plan.",
			[]stmt{{"indirect", "Kemal Sahin", "Turkey would not accept the plan"}}},
		{"two speakers in one sentence", "Beijing said the vote was unfair, and Moscow said it would veto the text.",
			[]stmt{{"indirect", "China", "the vote was unfair"}, {"indirect", "Russia", "it would veto the text"}}},
		{"headline is not read", "# “We will win,” says Ortiz\nOrtiz met the troops.",
			nil},
		{"adverbial after the cue", "Ortiz said on Monday the troops would stay.",
			[]stmt{{"indirect", "Ana Ortiz", "the troops would stay"}}},
		{"question mark inside the quote", "“Who will pay for it?” Costa asked.",
			[]stmt{{"direct", "Maria Costa", "Who will pay for it?"}}},
		{"evaluative verb", "Ortiz called the proposal “dead on arrival”.",
			[]stmt{{"direct", "Ana Ortiz", "dead on arrival"}}},
		{"quote-only paragraph continues the previous speaker", "Ortiz spoke after the vote.\n“This is a good day for Europe, and for Madrid.”",
			[]stmt{{"direct", "Ana Ortiz", "This is a good day for Europe, and for Madrid."}}},
		{"unnamed source with an organization modifier", "UN officials said the aid had stopped.",
			[]stmt{{"indirect", "", "the aid had stopped"}}},
		{"relative clause inside the subject", "Sahin, who met Ortiz in Ankara, said the corridor would reopen.",
			[]stmt{{"indirect", "Kemal Sahin", "the corridor would reopen"}}},
		{"apposition names the speaker", "Spain’s defence minister, Ana Ortiz, said the frigate would sail.",
			[]stmt{{"indirect", "Ana Ortiz", "the frigate would sail"}}},
		{"coordinated predicate", "Dascalu welcomed the offer but said Bucharest needed more time.",
			[]stmt{{"indirect", "Mirela Dascalu", "Bucharest needed more time"}}},
		{"passive cue is not a speech act", "Ortiz was told the convoy had left.",
			nil},
		{"announced with a finite clause and no that", "Moldova announced it would close the crossing.",
			[]stmt{{"indirect", "Moldova", "it would close the crossing"}}},
		{"a name ending in a cue word is no cue", "The plan was sent to the United Nations.",
			nil},
		{"inverted unnamed source with a relative clause", "“We have a plan,” said one senior European official, who asked not to be named.",
			[]stmt{{"direct", "", "We have a plan,"}}},
		{"told an audience when asked: no clause", "“No,” Brandt told reporters when asked whether Germany would send troops.",
			[]stmt{{"direct", "Ivo Brandt", "No,"}}},
		{"leading participle phrase is not the subject", "Speaking alongside Costa, Brandt said the talks would resume.",
			[]stmt{{"indirect", "Ivo Brandt", "the talks would resume"}}},
		{"possessive owner of an office", "Costa’s office said the visit would go ahead.",
			[]stmt{{"indirect", "Maria Costa", "the visit would go ahead"}}},
		{"partial quote after a progressive verb is a clause too", "Dascalu said rescuers were digging “around the clock” to reach the village.",
			[]stmt{{"indirect", "Mirela Dascalu", "rescuers were digging around the clock to reach the village"}, {"direct", "Mirela Dascalu", "around the clock"}}},
		{"partial quote inside a clause that goes on", "Sahin said the patrol boat had “strayed” into Turkish waters.",
			[]stmt{{"indirect", "Kemal Sahin", "the patrol boat had strayed into Turkish waters"}, {"direct", "Kemal Sahin", "strayed"}}},
		{"partial quote that is the object stays a quote", "Brandt said the talks made “real headway”.",
			[]stmt{{"direct", "Ivo Brandt", "real headway"}}},
		{"trailing cue after a clause with a partial quote", "The convoy was moving “as fast as the roads allow”, Ortiz said.",
			[]stmt{{"indirect", "Ana Ortiz", "The convoy was moving as fast as the roads allow"}, {"direct", "Ana Ortiz", "as fast as the roads allow"}}},
		{"report continues after a mid-sentence cue", "Madrid would study the request, Ortiz said, and would answer within a week.",
			[]stmt{{"indirect", "Ana Ortiz", "Madrid would study the request and would answer within a week"}}},
		{"report continues with a new subject after the cue", "Spain has no plans to close the embassy, Reyes said, but Madrid would recall its ambassador.",
			[]stmt{{"indirect", "Tomas Reyes", "Spain has no plans to close the embassy but Madrid would recall its ambassador"}}},
		{"another speech act after the cue is no continuation", "The border stays shut, Dascalu said, but Moldova accused her of stalling.",
			[]stmt{{"indirect", "Mirela Dascalu", "The border stays shut"}}},
		{"long relative clause between subject and cue", "Moldova, which has also complained about the flights but kept its airspace open, said it would ask for radar support.",
			[]stmt{{"indirect", "Moldova", "it would ask for radar support"}}},
		{"according to after a report names its source", "Latvia said it would extend the border fence, according to a statement from the Latvian interior ministry.",
			[]stmt{{"indirect", "Latvia", "it would extend the border fence"}}},
		{"a negated cue is no speech act", "Kyiv has offered to swap prisoners, a proposal Moscow has not answered.",
			nil},
		{"gerund phrase after the audience is no clause", "“The line will hold,” Brandt told reporters after visiting the front.",
			[]stmt{{"direct", "Ivo Brandt", "The line will hold,"}}},
		{"that after an infinitive is no complementiser", "Latvia and Lithuania agreed to fine shipping firms that ignore the ban.",
			nil},
		{"colon quote with no verb of saying", "Forsberg gave a short answer: “Sweden stays.”",
			[]stmt{{"direct", "Lena Forsberg", "Sweden stays."}}},
		{"speaker named in the next sentence", "“The water is rising faster than anyone planned.” The warning came from Mirela Dascalu, who runs the flood office.",
			[]stmt{{"direct", "Mirela Dascalu", "The water is rising faster than anyone planned."}}},
		{"pronoun gender learnt elsewhere in the text", "Varga and Haddou disagree on the cause. “We lost power twice,” she said. Haddou inspected the cables on Monday. “They are old,” he said.",
			[]stmt{{"direct", "Ilse Varga", "We lost power twice,"}, {"direct", "Tarek Haddou", "They are old,"}}},
		{"counted group of states", "Moldova will open two new crossings with Romania, the two governments said.",
			[]stmt{{"indirect", "Moldova", "Moldova will open two new crossings with Romania"}, {"indirect", "Romania", "Moldova will open two new crossings with Romania"}}},
		{"neither nor and their governments", "Neither Latvia nor Lithuania will host the drills, their governments said.",
			[]stmt{{"indirect", "Latvia", "Neither Latvia nor Lithuania will host the drills"}, {"indirect", "Lithuania", "Neither Latvia nor Lithuania will host the drills"}}},
		{"a trailing time adverbial after the cue", "Germany will lease two frigates to Sweden, the two governments said on Friday, hours after a drone was sighted near the port.",
			[]stmt{{"indirect", "Germany", "Germany will lease two frigates to Sweden"}, {"indirect", "Sweden", "Germany will lease two frigates to Sweden"}}},
		{"a statement with no author keeps its words", "“Aid must reach every district,” the statement said.",
			[]stmt{{"direct", "", "Aid must reach every district,"}}},
		{"honorific with a period before the name", "“The dam will hold,” Mr. Haddou said.",
			[]stmt{{"direct", "Tarek Haddou", "The dam will hold,"}}},
		{"inverted subject with a long appositive", "“The dam will hold,” said Tarek Haddou, an engineer who has inspected the site twice since May.",
			[]stmt{{"direct", "Tarek Haddou", "The dam will hold,"}}},
		{"a party abbreviation inside the subject", "“The budget is late,” Ortiz, R-Vt., said on Monday.",
			[]stmt{{"direct", "Ana Ortiz", "The budget is late,"}}},
		{"a middle initial inside the subject", "Finance Minister Pavel J. Novak said the budget would pass.",
			[]stmt{{"indirect", "Pavel Novak", "the budget would pass"}}},
		{"present plural base form is a cue", "Latvia and Lithuania say the fence will be finished by May.",
			[]stmt{{"indirect", "Latvia", "the fence will be finished by May"}, {"indirect", "Lithuania", "the fence will be finished by May"}}},
		{"an infinitive base form is no cue", "Brandt declined to say whether the talks would resume.",
			nil},
		{"a cue interposed in its clause", "Too often, Ortiz said, the convoys arrive late.",
			[]stmt{{"indirect", "Ana Ortiz", "Too often the convoys arrive late"}}},
		{"a cue interposed after the subject", "The first shipment, Moldova said, was smaller than promised.",
			[]stmt{{"indirect", "Moldova", "The first shipment was smaller than promised"}}},
		{"an adverbial after the cue is no clause", "“We are ready,” Brandt said at a press event this morning.",
			[]stmt{{"direct", "Ivo Brandt", "We are ready,"}}},
		{"a title with its sentence's punctuation inside the marks", "Ortiz spoke on “Morning Report,” the state broadcaster’s flagship show. Dascalu reviewed the novel “Homecoming.”",
			nil},
		{"a cue with an object after a leading adverbial is no trailing report", "Shortly after the vote, Brandt announced his resignation.",
			nil},
		{"a participle after a comma reports nothing before it", "Moldova won the vote in the council, adding to its list of victories.",
			nil},
		{"a document speaks for its author", "According to a survey by the World Bank, most farms lost power. A Kremlin statement said the talks would continue.",
			[]stmt{{"indirect", "World Bank", "most farms lost power"}, {"indirect", "Kremlin", "the talks would continue"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := got(t, tc.text)
			if !sameStmts(g, tc.want) {
				t.Errorf("\n got %v\nwant %v", g, tc.want)
			}
		})
	}
}

func sameStmts(a, b []stmt) bool {
	if len(a) != len(b) {
		return false
	}
	key := func(xs []stmt) []string {
		var out []string
		for _, x := range xs {
			out = append(out, x.kind+"|"+x.speaker+"|"+strings.TrimRight(x.text, ".,"))
		}
		sort.Strings(out)
		return out
	}
	ka, kb := key(a), key(b)
	for i := range ka {
		if ka[i] != kb[i] {
			return false
		}
	}
	return true
}
