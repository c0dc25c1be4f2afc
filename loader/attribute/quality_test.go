package attribute_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"pledgegraph"
	"pledgegraph/loader/actors"
	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute"
	"pledgegraph/loader/attribute/annottest"
	"pledgegraph/loader/normalize"
	"pledgegraph/loader/prediction"
	"pledgegraph/loader/segment"
)

var showMisses = flag.Bool("misses", false, "print the statements the quality test misses and invents")

// chain runs the real upstream stages over a raw article.
func chain(t testing.TB, raw string) *annot.Doc {
	t.Helper()
	d, err := normalize.Normalize(raw)
	if err != nil {
		t.Fatal(err)
	}
	d.ID = pledgegraph.DocumentID(raw)
	d.Sentences, d.Quotes = segment.Split(d.Text, d.Paragraphs)
	g, err := actors.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	d.Actors, d.Mentions = actors.Recognize(&d, g)
	return &d
}

// evalSets are the scored articles: the seed and the six dev articles.
var evalSets = map[string][]string{
	"seed": {"seed"},
	"dev":  {"d01", "d02", "d03", "d04", "d05", "d06"},
}

// TestQuality scores statements on the seed and dev articles with the
// scorer's matching rules and holds them above floors that only rise.
func TestQuality(t *testing.T) {
	// Floors are the F1 reached (rounded down): they only rise.
	floors := map[string][2]float64{ // direct F1, indirect F1
		"seed": {1.00, 0.86},
		"dev":  {1.00, 1.00},
	}
	for _, set := range []string{"seed", "dev"} {
		var dir, ind annottest.Count
		for _, name := range evalSets[set] {
			raw, err := os.ReadFile(filepath.Join("testdata", "eval", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			gold, err := os.ReadFile(filepath.Join("testdata", "eval", name+".gold.json"))
			if err != nil {
				t.Fatal(err)
			}
			d := chain(t, string(raw))
			x := &pledgegraph.Extraction{Actors: d.Actors, Statements: attribute.Statements(d)}
			pj, err := json.Marshal(prediction.From(x))
			if err != nil {
				t.Fatal(err)
			}
			sc, err := annottest.Score(gold, pj)
			if err != nil {
				t.Fatal(err)
			}
			dir, ind = dir.Add(sc.Direct), ind.Add(sc.Indirect)
			if *showMisses {
				fmt.Printf("# %s\n", name)
				for _, m := range sc.Missed {
					if m[0] != 'c' {
						fmt.Println("  MISS ", m)
					}
				}
				for _, m := range sc.Spurious {
					if m[0] != 'c' {
						fmt.Println("  EXTRA", m)
					}
				}
			}
		}
		_, _, fd := dir.PRF()
		_, _, fi := ind.PRF()
		t.Logf("%-4s direct   %s", set, line(dir))
		t.Logf("%-4s indirect %s", set, line(ind))
		if fd < floors[set][0] || fi < floors[set][1] {
			t.Errorf("%s: direct F1 %.3f, indirect F1 %.3f below floors %.3f, %.3f", set, fd, fi, floors[set][0], floors[set][1])
		}
	}
}

func line(c annottest.Count) string {
	p, r, f := c.PRF()
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (tp %d, predicted %d, gold %d)", p, r, f, c.TP, c.Pred, c.Gold)
}
