package search

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// testCollector is a collector whose hit n has the ID "id<n>".
func testCollector(k int, after *sortKey) *collector {
	c := newCollector(nil, k, after)
	c.idOf = func(doc uint64) (string, error) { return fmt.Sprintf("id%03d", doc), nil }
	return c
}

// The collector keeps the k best hits after the cursor, by descending
// score then ID, and refuses a page an uncertain score could change.
func TestCollector(t *testing.T) {
	type hit struct {
		score     float64
		doc       uint64
		uncertain bool
	}
	certain := func(scores ...float64) []hit {
		var out []hit
		for i, s := range scores {
			out = append(out, hit{s, uint64(i), false})
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		k     int
		after *sortKey
		hits  []hit
		want  []string // IDs of the page, or nil with errUncertain
		total uint64
	}{
		{"fewer than k", 3, nil, certain(1, 3), []string{"id001", "id000"}, 2},
		{"by score", 3, nil, certain(1, 5, 2, 4, 3), []string{"id001", "id003", "id004"}, 5},
		{"ties by ID", 3, nil, certain(4, 5, 4, 4, 4, 3), []string{"id001", "id000", "id002"}, 6},
		{"after a score", 2, &sortKey{4, "id000"}, certain(4, 5, 4, 3, 4), []string{"id002", "id004"}, 5},
		{"after a tie", 2, &sortKey{4, "id002"}, certain(4, 5, 4, 3, 4), []string{"id004", "id003"}, 5},
		{"none after", 2, &sortKey{1, "id009"}, certain(4, 5), []string{}, 2},
		{"uncertain far below", 2, nil, []hit{{5, 0, false}, {4, 1, false}, {1, 2, true}}, []string{"id000", "id001"}, 3},
		{"uncertain on the page", 2, nil, []hit{{5, 0, false}, {4, 1, true}, {1, 2, false}}, nil, 3},
		{"uncertain next to the last", 2, nil, []hit{{5, 0, false}, {4, 1, false}, {4 - 1e-13, 2, true}}, nil, 3},
		{"uncertain next to the cursor", 2, &sortKey{4, "id001"}, []hit{{5, 0, false}, {4 + 1e-13, 1, true}, {1, 2, false}}, nil, 3},
		{"uncertain before the cursor", 2, &sortKey{4, "id001"}, []hit{{5, 0, true}, {3, 1, false}, {1, 2, false}}, []string{"id001", "id002"}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := testCollector(tc.k, tc.after)
			for _, h := range tc.hits {
				if err := c.add(h.score, h.doc, h.uncertain); err != nil {
					t.Fatal(err)
				}
			}
			page, err := c.finish(0)
			if tc.want == nil {
				if !errors.Is(err, errUncertain) {
					t.Fatalf("got %v, %v; want errUncertain", page, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, h := range page {
				got = append(got, h.id)
			}
			if !slices.Equal(got, tc.want) || c.total != tc.total {
				t.Errorf("got %v (total %d), want %v (total %d)", got, c.total, tc.want, tc.total)
			}
		})
	}
}

// With many hits and many ties, the collector's page is the first of all
// the hits sorted, after any cursor.
func TestCollectorManyTies(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	type hit struct {
		score float64
		id    string
		doc   uint64
	}
	var all []hit
	for i := range 5000 {
		all = append(all, hit{float64(r.IntN(12)), fmt.Sprintf("id%03d", i), uint64(i)})
	}
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, func(a, b hit) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.id, b.id)) })
	for _, k := range []int{1, 11, 300} {
		for _, from := range []int{-1, 0, 10, 2500, 4990} {
			var after *sortKey
			if from >= 0 {
				after = &sortKey{sorted[from].score, sorted[from].id}
			}
			c := testCollector(k, after)
			for _, h := range all {
				if err := c.add(h.score, h.doc, false); err != nil {
					t.Fatal(err)
				}
			}
			page, err := c.finish(0)
			if err != nil {
				t.Fatal(err)
			}
			want := sorted[from+1 : min(from+1+k, len(sorted))]
			if len(page) != len(want) {
				t.Fatalf("k %d after %d: %d hits, want %d", k, from, len(page), len(want))
			}
			for i := range want {
				if page[i].id != want[i].id || page[i].score != want[i].score {
					t.Fatalf("k %d after %d: hit %d is %v, want %v", k, from, i, page[i].sortKey, want[i])
				}
			}
		}
	}
}

// expandFuzzy, which builds a term's automaton once for every field, lists
// what bleve's FieldDictFuzzyAutomaton lists: the same terms in the same
// order with the same edit distances, for words as typed, misspelt and cut
// short, in both fields words are expanded in, at both distances.
func TestExpandFuzzyMatchesBleve(t *testing.T) {
	ix, _ := engineIndex(t, 3)
	r, err := ix.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	snap := r.(*scorch.IndexSnapshot)
	words := []string{"kalin", "kalni", "kali", "marchetti", "marchety", "dupont", "ukraine", "ukrain", "xylophone", "us", "o"}
	compared := 0
	for _, w := range words {
		for _, field := range []string{fNames, fPeople} {
			for _, d := range []int{1, 2} {
				k := expansionKey{field, w, d}
				want, err := expand(r, k)
				if err != nil {
					t.Fatal(err)
				}
				got, err := ix.expansions.expandFuzzy(snap, k)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got.terms, want.terms) || !slices.Equal(got.dists, want.dists) {
					t.Fatalf("%+v: got %v %v, want %v %v", k, got.terms, got.dists, want.terms, want.dists)
				}
				compared += len(want.terms)
			}
		}
	}
	if compared == 0 {
		t.Fatal("no term was expanded")
	}
}
