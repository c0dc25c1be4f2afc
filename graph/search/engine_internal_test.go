package search

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	index "github.com/blevesearch/bleve_index_api"

	"pledgegraph"
	"pledgegraph/graph/traverse/traversetest"
)

// engineCorpus is the reference corpus with, besides, names close enough
// to one another that a misspelt one expands to more than ten terms
// (bleve's heap disjunction), and statements naming several of them.
func engineCorpus(seed uint64) []*pledgegraph.Extraction {
	xs := referenceCorpus()
	xs = append(xs, traversetest.Corpus(seed, 60)...)
	doc := pledgegraph.DocumentID(fmt.Sprintf("kalin-%d", seed))
	var actors []pledgegraph.Actor
	for i, n := range []string{"Kalin", "Kalan", "Kolin", "Karin", "Kalik", "Kalim", "Kalix", "Kalen", "Kelin", "Kilin", "Kalina", "Kaldin", "Alin"} {
		name := n + " " + string(rune('A'+i)) + "rlov"
		actors = append(actors, pledgegraph.Actor{ID: pledgegraph.ActorID(pledgegraph.KindPerson, name), Name: name, Kind: pledgegraph.KindPerson})
	}
	x := &pledgegraph.Extraction{Document: pledgegraph.Document{ID: doc, Title: "Kalin and the others"}, Actors: actors}
	r := rand.New(rand.NewPCG(seed, 7))
	for i := range 40 {
		var mentions []string
		for range 1 + r.IntN(5) {
			mentions = append(mentions, actors[r.IntN(len(actors))].ID)
		}
		x.Statements = append(x.Statements, pledgegraph.Statement{
			ID: pledgegraph.StatementID(doc, pledgegraph.Direct, i*100, i*100+90), Kind: pledgegraph.Direct,
			Text:    fmt.Sprintf("statement %d on ceasefire talks and security guarantees", i),
			Speaker: actors[r.IntN(len(actors))].ID, Mentions: mentions, Cue: "said"})
	}
	return append(xs, x)
}

// The segment engine finds bleve's hits with bleve's scores, all of them,
// for every shape of query (words, names as typed, cut short or misspelt,
// phrases, any word, every set of types), on an index of several segments
// with deleted entries of every type.
func TestEngineMatchesBleve(t *testing.T) {
	ctx := context.Background()
	for _, seed := range []uint64{3, 11} {
		ix, cases := engineIndex(t, seed)
		r0, err := ix.reader()
		if err != nil {
			t.Fatal(err)
		}
		compared, hits, uncertain := 0, 0, 0
		for _, c := range cases {
			pq := c.pq
			wantTotal, want, err := ix.run(ctx, r0, pq.query(false), nil, 100000, nil)
			if err != nil {
				t.Fatal(err)
			}
			gotTotal, got, err := ix.run(ctx, r0, pq.query(true), pq.content, 100000, nil)
			where := fmt.Sprintf("seed %d, %s", seed, c.where)
			if err == errUncertain {
				// Every hit still matches, with a score within rounding.
				uncertain++
				gotTotal, got = engineHits(t, ix, r0, pq)
				compareHits(t, where, want, got, 1e-12)
			} else if err != nil {
				t.Fatalf("%s: %v", where, err)
			} else {
				compareHits(t, where, want, got, 0)
			}
			if gotTotal != wantTotal {
				t.Fatalf("%s: total %d, want %d", where, gotTotal, wantTotal)
			}
			compared++
			hits += len(want)
			// A page after a cursor half-way.
			if len(want) > 2 {
				after := &want[len(want)/2].sortKey
				_, wantPage, err := ix.run(ctx, r0, pq.query(false), nil, 3, after)
				if err != nil {
					t.Fatal(err)
				}
				_, gotPage, err := ix.run(ctx, r0, pq.query(true), pq.content, 3, after)
				if err == nil {
					compareHits(t, where+" after "+after.id, wantPage, gotPage, 0)
				} else if err != errUncertain {
					t.Fatalf("%s: %v", where, err)
				}
			}
		}
		r0.Close()
		if uncertain == 0 {
			t.Errorf("seed %d: no query had an uncertain score", seed)
		}
		t.Logf("seed %d: %d queries compared, %d hits, %d with uncertain scores", seed, compared, hits, uncertain)
	}
}

// engineCase is a query to compare on the engine's index, planned: every
// text, set of types and all-words-or-any with a statements' half.
type engineCase struct {
	where string
	pq    *plannedQuery
}

// engineIndex is an index of engineCorpus(seed) in several segments,
// with deleted entries of every type, and the queries to compare on it.
func engineIndex(t *testing.T, seed uint64) (*Index, []engineCase) {
	t.Helper()
	ctx := context.Background()
	ix := openTestIndex(t, "")
	xs := engineCorpus(seed)
	for lo := 0; lo < len(xs); lo += 23 {
		if err := ix.IndexAll(ctx, xs[lo:min(lo+23, len(xs))]); err != nil {
			t.Fatal(err)
		}
	}
	// Deleted entries: some statements, commitments and documents.
	b := ix.idx.NewBatch()
	for _, x := range xs[5:25:25] {
		b.Delete(x.Document.ID)
		if len(x.Statements) > 0 {
			b.Delete(x.Statements[0].ID)
		}
		if len(x.Commitments) > 0 {
			b.Delete(x.Commitments[0].ID)
		}
	}
	if err := ix.idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	queries := []string{"Kalin", "kalin ceasefire", "Kalni", "Kali", "Étienn", "Marchetti's", "etienne marchetti sanctions",
		"5,000", "5,000 troops", "security guarantees for Ukraine", "guarantees security", "the ceasefire", "not just words",
		"xylophone troops", "humanitarian aid", "US troops", "Ivoire", "a", "statement 12", "talks Kalan Kolin"}
	r := rand.New(rand.NewPCG(seed, 1))
	var vocab []string
	for _, x := range xs[len(xs)-40:] {
		for _, a := range x.Actors {
			vocab = append(vocab, strings.Fields(a.Name)...)
		}
		for _, s := range x.Statements[:min(2, len(x.Statements))] {
			vocab = append(vocab, strings.Fields(s.Text)...)
		}
		for _, c := range x.Commitments[:min(1, len(x.Commitments))] {
			vocab = append(vocab, strings.Fields(c.Action)...)
		}
	}
	queries = append(queries, variants(r, vocab, 60, true)...)
	typeSets := [][]string{
		{pledgegraph.TypeActor, pledgegraph.TypeStatement, pledgegraph.TypeCommitment},
		{pledgegraph.TypeStatement, pledgegraph.TypeCommitment},
		{pledgegraph.TypeStatement, pledgegraph.TypeCommitment, pledgegraph.TypeDocument},
		{pledgegraph.TypeCommitment},
		{pledgegraph.TypeActor, pledgegraph.TypeDocument},
	}
	analyzer := ix.idx.Mapping().AnalyzerNamed("text")
	var cases []engineCase
	for _, text := range queries {
		for _, types := range typeSets {
			for _, anyWord := range []bool{false, true} {
				if pq, _ := buildQuery(text, types, analyzer, anyWord, ix.expansions); pq != nil && pq.content != nil {
					cases = append(cases, engineCase{fmt.Sprintf("%q, %v, any word %v", text, types, anyWord), pq})
				}
			}
		}
	}
	return ix, cases
}

// engineHits are all the hits the engine finds for pq, uncertain scores
// included, by descending score then ID.
func engineHits(t *testing.T, ix *Index, r index.IndexReader, pq *plannedQuery) (uint64, []pageHit) {
	t.Helper()
	c := newCollector(r, 100000, nil)
	err := ix.search(context.Background(), r, pq.query(true), pq.content, emitAll(func(score float64, doc uint64, _ bool) error {
		return c.add(score, doc, false)
	}))
	if err != nil {
		t.Fatal(err)
	}
	page, err := c.finish(0)
	if err != nil {
		t.Fatal(err)
	}
	return c.total, page
}

// compareHits fails unless got has the hits of want, in the same order
// with the same scores, or, with a tolerance, the same hits with scores
// within tol of want's.
func compareHits(t *testing.T, where string, want, got []pageHit, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d hits, want %d", where, len(got), len(want))
	}
	if tol == 0 {
		for i := range want {
			if got[i].sortKey != want[i].sortKey {
				t.Fatalf("%s: hit %d is %v, want %v", where, i, got[i].sortKey, want[i].sortKey)
			}
		}
		return
	}
	scores := map[string]float64{}
	for _, h := range want {
		scores[h.id] = h.score
	}
	for _, h := range got {
		if w, ok := scores[h.id]; !ok || math.Abs(h.score-w) > tol*w {
			t.Fatalf("%s: hit %v, want score %v", where, h.sortKey, w)
		}
	}
}

// When an uncertain score could change a page, Find lets bleve search:
// its pages are the reference's, page after page.
func TestFindFallsBackOnUncertainScores(t *testing.T) {
	ctx := context.Background()
	ix := openTestIndex(t, "")
	SetResultCache(ix, false)
	xs := engineCorpus(5)
	for lo := 0; lo < len(xs); lo += 40 {
		if err := ix.IndexAll(ctx, xs[lo:min(lo+40, len(xs))]); err != nil {
			t.Fatal(err)
		}
	}
	for _, text := range []string{"Kalin", "Kalni", "Kalin statement", "Kilan"} {
		for _, first := range []int{1, 4, 100} {
			q := Query{Text: text, First: first}
			for range 20 {
				got := findAsReference(t, ix, q)
				if !got.HasNext {
					break
				}
				q.After = got.Hits[len(got.Hits)-1].Cursor
			}
		}
	}
	if ix.bleveRuns.Load() == 0 || ix.engineRuns.Load() == 0 {
		t.Errorf("%d searches by the engine, %d by bleve: want both", ix.engineRuns.Load(), ix.bleveRuns.Load())
	}
}
