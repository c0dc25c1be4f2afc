package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// Scored by cells or in tiers, with the candidates that cannot reach the
// page counted but not scored, searches give what scoring every candidate
// gives: the same pages (hits, order, scores) and totals, page after page,
// for every shape of query, on an index of several segments with deleted
// entries.
func TestPrunedSearchMatchesBleve(t *testing.T) {
	for _, noCells := range []bool{false, true} {
		t.Run(fmt.Sprintf("cells=%v", !noCells), func(t *testing.T) {
			testPrunedSearch(t, pruning{min: 1, noCells: noCells}) // every segment pruned
		})
	}
}

func testPrunedSearch(t *testing.T, prune pruning) {
	ctx := context.Background()
	var pages, skipped, candidates uint64
	for _, seed := range []uint64{3, 11} {
		ix, cases := engineIndex(t, seed)
		ix.prune = prune
		r, err := ix.reader()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for _, c := range cases {
			pq := c.pq
			wantTotal, all, err := ix.run(ctx, r, pq.query(false), nil, 100000, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range []int{1, 3, 10} {
				var after *sortKey
				for from := 0; from < len(all) && from < 5*k; from += k {
					where := fmt.Sprintf("seed %d, %s, %d from %d", seed, c.where, k, from)
					want := all[from:min(from+k+1, len(all))] // run keeps one more
					gotTotal, got, err := ix.run(ctx, r, pq.query(true), pq.content, k, after)
					if err == errUncertain {
						break // Find lets bleve search (TestFindFallsBackOnUncertainScores)
					}
					if err != nil {
						t.Fatalf("%s: %v", where, err)
					}
					compareHits(t, where, want, got, 0)
					if gotTotal != wantTotal {
						t.Fatalf("%s: total %d, want %d", where, gotTotal, wantTotal)
					}
					pages++
					skipped += pq.content.plan.skipped
					candidates += wantTotal
					if from+k >= len(all) {
						break
					}
					after = &all[from+k-1].sortKey
				}
			}
		}
	}
	t.Logf("%d pages compared; %d of %d candidates counted without scoring", pages, skipped, candidates)
	if skipped == 0 {
		t.Error("no candidate was left unscored: the tiers never pruned")
	}
}

// groupsOf finds each entry's group alike whether the groups are kept for
// every entry of the segment or, for a term few entries have, for those
// entries only.
func TestImpactsGroupsOf(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 7, 100, 5000} {
		for _, density := range []float64{0.001, 0.05, 0.5, 1} {
			dense := &impacts{dense: make([]uint8, n)}
			sparse := &impacts{}
			for d := range n {
				if r.Float64() < density {
					g := uint8(1 + r.IntN(200))
					dense.dense[d] = g
					sparse.docs, sparse.gs = append(sparse.docs, uint32(d)), append(sparse.gs, g)
				}
			}
			// Ascending subsets of the entries, as cells are: all of them,
			// every other, a random few, runs.
			subsets := [][]uint32{nil, {0}, {uint32(n - 1)}}
			var all, half, few []uint32
			for d := range n {
				all = append(all, uint32(d))
				if d%2 == 1 {
					half = append(half, uint32(d))
				}
				if r.IntN(17) == 0 {
					few = append(few, uint32(d))
				}
			}
			subsets = append(subsets, all, half, few, sparse.docs)
			for _, docs := range subsets {
				want, got := make([]uint8, len(docs)), make([]uint8, len(docs))
				dense.groupsOf(docs, want)
				sparse.groupsOf(docs, got)
				if !slices.Equal(got, want) {
					t.Fatalf("n %d, density %v, %d entries: sparse %v, dense %v", n, density, len(docs), got, want)
				}
				for j, d := range docs {
					if want[j] != dense.dense[d] {
						t.Fatalf("dense: entry %d in group %d, want %d", d, want[j], dense.dense[d])
					}
				}
			}
		}
	}
}
