package triples_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pledgegraph"
	"pledgegraph/loader/triples"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixture is a small extraction covering every kind of fact.
func fixture() *pledgegraph.Extraction {
	const doc = "doc:0123456789abcdef"
	fr := pledgegraph.ActorID(pledgegraph.KindCountry, "France")
	ua := pledgegraph.ActorID(pledgegraph.KindCountry, "Ukraine")
	em := pledgegraph.ActorID(pledgegraph.KindPerson, "Emmanuel Macron")
	st := pledgegraph.StatementID(doc, pledgegraph.Indirect, 10, 40)
	return &pledgegraph.Extraction{
		Document: pledgegraph.Document{ID: doc, Title: "France pledges troops", Source: "a.txt",
			PublishedAt: time.Date(2026, 1, 6, 0, 0, 0, 0, time.UTC), Dateline: "PARIS, Jan 6 (wire)",
			ContentHash: "0123456789abcdef0123", Text: "Macron said Paris could contribute troops."},
		Actors: []pledgegraph.Actor{
			{ID: em, Name: "Emmanuel Macron", Kind: pledgegraph.KindPerson, Aliases: []string{"Macron", "Emmanuel Macron"}, Title: "President", Country: fr},
			{ID: fr, Name: "France", Kind: pledgegraph.KindCountry, Aliases: []string{"Paris", "French"}},
			{ID: ua, Name: "Ukraine", Kind: pledgegraph.KindCountry},
		},
		Statements: []pledgegraph.Statement{{ID: st, Kind: pledgegraph.Indirect, Text: "Paris could contribute troops",
			Speaker: em, Cue: "said", Mentions: []string{fr, fr},
			Evidence: pledgegraph.Evidence{Document: doc, Sentence: 0, Start: 10, End: 40, Rule: "attribute/said-that", Confidence: 0.9}}},
		Commitments: []pledgegraph.Commitment{{ID: pledgegraph.CommitmentID(doc, fr, "contribute troops", 10, 40), Actor: fr,
			Action: "contribute troops", Target: ua, Polarity: pledgegraph.Positive, Modality: "could", Statement: st,
			Evidence: pledgegraph.Evidence{Document: doc, Sentence: 0, Start: 10, End: 40, Rule: "commit/modal", Confidence: 0.8}}},
	}
}

func render(ts []pledgegraph.Triple) string {
	var b strings.Builder
	for _, t := range ts {
		var o string
		switch t.Object.Kind {
		case pledgegraph.TermIRI:
			o = "<" + t.Object.Str + ">"
		case pledgegraph.TermString:
			o = fmt.Sprintf("%q", t.Object.Str)
		case pledgegraph.TermInt:
			o = fmt.Sprint(t.Object.Int)
		case pledgegraph.TermFloat:
			o = fmt.Sprintf("%g", t.Object.Float)
		}
		fmt.Fprintf(&b, "<%s> <%s> %s\n", t.Subject, t.Predicate, o)
	}
	return b.String()
}

func TestBuildGolden(t *testing.T) {
	got := render(triples.Build(fixture()))
	path := filepath.Join("testdata", "fixture.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("triples differ from %s (go test -update to accept):\n%s", path, got)
	}
}

func TestBuildInvariants(t *testing.T) {
	x := fixture()
	ts := triples.Build(x)
	seen := map[pledgegraph.Triple]bool{}
	has := func(s, p string, o pledgegraph.Term) bool {
		return seen[pledgegraph.Triple{Subject: s, Predicate: p, Object: o}]
	}
	for _, tr := range ts {
		if seen[tr] {
			t.Errorf("duplicate triple %v", tr)
		}
		seen[tr] = true
		if tr.Subject == "" || tr.Predicate == "" {
			t.Errorf("empty subject or predicate: %v", tr)
		}
	}
	fr, em := x.Actors[1].ID, x.Actors[0].ID
	st, cm := x.Statements[0].ID, x.Commitments[0].ID
	for _, c := range []struct {
		name string
		s, p string
		o    pledgegraph.Term
	}{
		{"speaker said statement", em, pledgegraph.PredSaid, pledgegraph.IRI(st)},
		{"state pledged commitment", fr, pledgegraph.PredPledged, pledgegraph.IRI(cm)},
		{"person represents state", em, pledgegraph.PredRepresents, pledgegraph.IRI(fr)},
		{"statement mentions actor", st, pledgegraph.PredMentions, pledgegraph.IRI(fr)},
		{"commitment target", cm, pledgegraph.PredTarget, pledgegraph.IRI(x.Actors[2].ID)},
		{"commitment from statement", cm, pledgegraph.PredStatedIn, pledgegraph.IRI(st)},
		{"statement in document", st, pledgegraph.PredInDocument, pledgegraph.IRI(x.Document.ID)},
		{"document mentions actor", x.Document.ID, pledgegraph.PredMentions, pledgegraph.IRI(fr)},
		{"alias lookup key", fr, pledgegraph.PredKey, pledgegraph.Str("paris")},
		{"publication date", x.Document.ID, pledgegraph.PredPublishedAt, pledgegraph.Str("2026-01-06T00:00:00Z")},
	} {
		if !has(c.s, c.p, c.o) {
			t.Errorf("%s: missing <%s> <%s> %v", c.name, c.s, c.p, c.o)
		}
	}
	// Deterministic.
	if a, b := render(ts), render(triples.Build(fixture())); a != b {
		t.Error("Build is not deterministic")
	}
}

func ExampleBuild() {
	x := &pledgegraph.Extraction{Document: pledgegraph.Document{ID: "doc:1", Text: "Belgium will help."},
		Actors: []pledgegraph.Actor{{ID: "actor:country:belgium", Name: "Belgium", Kind: pledgegraph.KindCountry}}}
	for _, t := range triples.Build(x) {
		fmt.Println(t.Subject, t.Predicate, t.Object.Str)
	}
	// Output:
	// doc:1 type Document
	// doc:1 text Belgium will help.
	// doc:1 mentions actor:country:belgium
	// actor:country:belgium type Actor
	// actor:country:belgium name Belgium
	// actor:country:belgium kind country
	// actor:country:belgium key belgium
}

func TestSurname(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Friedrich Merz", "Merz"},
		{"Ursula von der Leyen", "von der Leyen"},
		{"Marc-André Tessier", "Tessier"},
		{"Madonna", ""},
		{"", ""},
	} {
		if got := triples.Surname(c.in); got != c.want {
			t.Errorf("Surname(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
