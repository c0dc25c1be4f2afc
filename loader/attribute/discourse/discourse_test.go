package discourse_test

import (
	"sort"
	"strings"
	"testing"

	"pledgegraph"
	"pledgegraph/loader/attribute/annottest"
	"pledgegraph/loader/attribute/discourse"
)

var cast = []pledgegraph.Actor{
	{Name: "Ana Ortiz", Kind: pledgegraph.KindPerson, Title: "Defence Minister", Country: "Spain", Aliases: []string{"Ortiz"}},
	{Name: "Tomas Reyes", Kind: pledgegraph.KindPerson, Title: "Finance Minister", Country: "Spain", Aliases: []string{"Reyes"}},
	{Name: "Maria Costa", Kind: pledgegraph.KindPerson, Title: "President", Country: "Portugal", Aliases: []string{"Costa"}},
	{Name: "Anders Lind", Kind: pledgegraph.KindPerson, Title: "Prime Minister", Country: "Denmark", Aliases: []string{"Lind"}},
	{Name: "Lotte Maas", Kind: pledgegraph.KindPerson, Title: "Commissioner", Aliases: []string{"Maas"}},
	{Name: "Spain", Kind: pledgegraph.KindCountry, Aliases: []string{"Madrid", "Spanish"}},
	{Name: "Portugal", Kind: pledgegraph.KindCountry, Aliases: []string{"Lisbon"}},
	{Name: "Denmark", Kind: pledgegraph.KindCountry},
	{Name: "Germany", Kind: pledgegraph.KindCountry, Aliases: []string{"German"}},
	{Name: "European Union", Kind: pledgegraph.KindOrganization, Aliases: []string{"EU"}},
	{Name: "NATO", Kind: pledgegraph.KindOrganization},
	{Name: "Ilse Varga", Kind: pledgegraph.KindPerson, Aliases: []string{"Varga"}},
	{Name: "Tarek Haddou", Kind: pledgegraph.KindPerson, Aliases: []string{"Haddou"}},
	{Name: "Sasha Petrova", Kind: pledgegraph.KindPerson, Aliases: []string{"Petrova"}},
	{Name: "Sasha Ivanov", Kind: pledgegraph.KindPerson, Aliases: []string{"Ivanov"}},
}

// TestRefer resolves the subject before the last "said" of each text.
func TestRefer(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    string // actor names joined by "+", "generic", or ""
		members bool
	}{
		{"name", "Ortiz said.", "Ana Ortiz", false},
		{"coordination", "Spain and Portugal said.", "Portugal+Spain", false},
		{"list with titles", "Ortiz, President Maria Costa and Prime Minister Anders Lind said.", "Ana Ortiz+Anders Lind+Maria Costa", false},
		{"apposition prefers the named person", "Spain’s defence minister, Ana Ortiz, said.", "Ana Ortiz", false},
		{"relative clause skipped", "Costa, who met Lind in Lisbon, said.", "Maria Costa", false},
		{"leading adverbial skipped", "Speaking alongside Lind, Costa said.", "Maria Costa", false},
		{"he to the nearest male person", "Lind met Costa. He said.", "Anders Lind", false},
		{"she to the nearest female person", "Lind met Costa. She said.", "Maria Costa", false},
		{"it to an organization, not a person", "Ortiz praised NATO. It said.", "NATO", false},
		{"role with a title modifier", "Finance Minister Tomas Reyes spoke. Defence Minister Ana Ortiz spoke. The finance minister said.", "Tomas Reyes", false},
		{"role by recency", "Finance Minister Tomas Reyes spoke. Defence Minister Ana Ortiz spoke. The minister said.", "Ana Ortiz", false},
		{"generic people", "Two senior diplomats said.", "generic", false},
		{"generic with an organization modifier", "NATO officials said.", "generic", false},
		{"generic with a post-modifier", "Officials familiar with the talks said.", "generic", false},
		{"state body", "German forces said.", "Germany", false},
		{"possessive state body", "Reyes spoke. His country said.", "Spain", false},
		{"back-reference to an organization", "The EU met. The bloc said.", "European Union", false},
		{"members", "Allies said.", "", true},
		{"unresolved noun", "The plan said.", "", false},
		{"a document is an unnamed source", "The report said.", "generic", false},
		{"a counted group names the states before", "Spain met Portugal in Lisbon. The two countries said.", "Portugal+Spain", false},
		{"a counted group prefers a coordination of its size", "Spain, Portugal and Denmark met Germany. The three governments said.", "Denmark+Portugal+Spain", false},
		{"neither nor is a group for their", "Neither Spain nor Portugal will go, their governments said.", "Portugal+Spain", false},
		{"gender learnt from an unambiguous pronoun", "Varga and Haddou met. Haddou arrived first; he was early. She said.", "Ilse Varga", false},
		{"gender from a Slavic surname", "Ivanov met Petrova. She said.", "Sasha Petrova", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := annottest.Build(tc.text, cast...)
			a := discourse.Analyze(d)
			said := -1
			for i, tk := range a.Toks {
				if tk.Lower == "said" {
					said = i
				}
			}
			if said < 0 {
				t.Fatal("no said")
			}
			lo, _ := a.Sentence(a.Toks[said].Sent)
			r := a.Refer(lo, said)
			var names []string
			for _, x := range r.Actors {
				names = append(names, d.Actors[x].Name)
			}
			sort.Strings(names)
			got := strings.Join(names, "+")
			if r.Generic {
				got = "generic"
			}
			if got != tc.want || r.Members != tc.members {
				t.Errorf("Refer = %q (members %v, rule %q), want %q (members %v)", got, r.Members, r.Rule, tc.want, tc.members)
			}
		})
	}
}

// TestPrincipal checks who an actor acts for.
func TestPrincipal(t *testing.T) {
	d := annottest.Build("EU Commissioner Lotte Maas met Ortiz.", cast...)
	a := discourse.Analyze(d)
	for _, tc := range []struct{ actor, want string }{
		{"Ana Ortiz", "Spain"},           // a minister acts for her state
		{"Lotte Maas", "European Union"}, // an official of a body, named in her title, for the body
		{"Spain", "Spain"},
		{"NATO", "NATO"},
	} {
		id := pledgegraph.ActorID(kindOf(tc.actor), tc.actor)
		want := pledgegraph.ActorID(kindOf(tc.want), tc.want)
		if got := a.Principal(a.Index(id)); got != want {
			t.Errorf("Principal(%s) = %s, want %s", tc.actor, got, want)
		}
	}
	if !discourse.StateInstitution("Egyptian Foreign Ministry") || discourse.StateInstitution("Rapid Support Forces") {
		t.Error("StateInstitution: a ministry is a state organ, a paramilitary is not")
	}
}

func kindOf(name string) pledgegraph.ActorKind {
	for _, c := range cast {
		if c.Name == name {
			return c.Kind
		}
	}
	return ""
}

// FuzzAnalyze checks that the discourse layer never panics and that tokens
// lie inside the text.
func FuzzAnalyze(f *testing.F) {
	f.Add("Ortiz said. He said. The minister said.") // pronoun and role chains
	f.Add("U.S. A$500 1,000 3.5 ’s won’t O’Brien")   // abbreviations, numbers, clitics
	f.Add("“‘’” — – , ; : ( ) [ ]")                  // punctuation only
	f.Add("Spain and and , , the the Portugal")      // broken coordination
	f.Add("the two countries the three the both")    // counted groups with nothing to count
	f.Add("Mr. Ms. J. R-Ky., (D-Wis.) F.")           // abbreviations that keep their period
	f.Fuzz(func(t *testing.T, text string) {
		d := annottest.Build(text, cast...)
		a := discourse.Analyze(d)
		for _, tk := range a.Toks {
			if tk.Start < 0 || tk.End > len(d.Text) || tk.Start >= tk.End {
				t.Fatalf("token %q at [%d,%d) outside text", tk.Text, tk.Start, tk.End)
			}
		}
		for s := range d.Sentences {
			lo, hi := a.Sentence(s)
			_ = a.Refer(lo, hi)
		}
	})
}
