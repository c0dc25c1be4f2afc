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

// articlesDir holds the project's held-out articles (a01–a08), scored by
// TestQuality too but not part of the golden files.
var articlesDir = filepath.Join("..", "..", "testdata", "articles")

// TestQuality scores statements on the seed and dev articles with the
// scorer's matching rules and holds them above floors that only rise.
func TestQuality(t *testing.T) {
	// Floors are the F1 reached (rounded down): they only rise.
	floors := map[string][2]float64{ // direct F1, indirect F1
		"seed": {1.00, 0.86},
		"dev":  {1.00, 1.00},
		// Held out: a little below the score reached, as it also moves
		// with the actors stage upstream.
		"articles": {0.97, 0.97},
	}
	sets := map[string][]string{"articles": {"a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08"}}
	for k, v := range evalSets {
		sets[k] = v
	}
	for _, set := range []string{"seed", "dev", "articles"} {
		var dir, ind annottest.Count
		src := filepath.Join("testdata", "eval")
		if set == "articles" {
			src = articlesDir
		}
		for _, name := range sets[set] {
			raw, err := os.ReadFile(filepath.Join(src, name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			gold, err := os.ReadFile(filepath.Join(src, name+".gold.json"))
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
		t.Logf("%-8s direct   %s", set, line(dir))
		t.Logf("%-8s indirect %s", set, line(ind))
		if fd < floors[set][0] || fi < floors[set][1] {
			t.Errorf("%s: direct F1 %.3f, indirect F1 %.3f below floors %.3f, %.3f", set, fd, fi, floors[set][0], floors[set][1])
		}
	}
}

func line(c annottest.Count) string {
	p, r, f := c.PRF()
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (tp %d, predicted %d, gold %d)", p, r, f, c.TP, c.Pred, c.Gold)
}
