package actors_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pledgegraph"
	"pledgegraph/loader/actors"
	"pledgegraph/loader/annot"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var mentionKinds = map[annot.MentionKind]string{
	annot.Name: "name", annot.Surname: "surname", annot.Demonym: "demonym",
	annot.Capital: "capital", annot.Role: "role", annot.Pronoun: "pronoun",
}

// render writes actors and mentions in a stable, readable form.
func render(d *annot.Doc, acts []pledgegraph.Actor, ms []annot.Mention) string {
	var b strings.Builder
	b.WriteString("# actors\n")
	for i, a := range acts {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%q", i, a.Kind, a.ID, a.Name)
		if a.Title != "" {
			fmt.Fprintf(&b, "\ttitle=%q", a.Title)
		}
		if a.Country != "" {
			fmt.Fprintf(&b, "\tcountry=%s", a.Country)
		}
		if len(a.Aliases) > 0 {
			fmt.Fprintf(&b, "\taliases=%q", a.Aliases)
		}
		b.WriteByte('\n')
	}
	b.WriteString("# mentions\n")
	for _, m := range ms {
		who := "-"
		if m.Actor >= 0 {
			who = acts[m.Actor].Name
		}
		fmt.Fprintf(&b, "s%d\t%d-%d\t%s\t%q\t→ %s\n", m.Sentence, m.Start, m.End, mentionKinds[m.Kind], d.Slice(m.Span), who)
	}
	return b.String()
}

// TestGolden compares the actors and mentions read from the seed, dev and
// held-out articles (after normalize and segment) with testdata/NAME.golden; run with
// -update to rewrite them after a deliberate change.
func TestGolden(t *testing.T) {
	g, err := actors.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range append(goldArticles(t), heldOutArticles(t)...) {
		t.Run(a.name, func(t *testing.T) {
			raw, err := os.ReadFile(a.text)
			if err != nil {
				t.Fatal(err)
			}
			d := annotate(t, string(raw))
			acts, ms := actors.Recognize(d, g)
			got := render(d, acts, ms)
			path := filepath.Join("testdata", a.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file; run go test -update and review the diff.\ngot:\n%s", path, got)
			}
		})
	}
}
