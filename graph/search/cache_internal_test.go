package search

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"pledgegraph"
	"pledgegraph/graph/traverse/traversetest"
)

// reportOn is an extraction of one document whose statement has a word
// of its own.
func reportOn(word string, i int) *pledgegraph.Extraction {
	doc := pledgegraph.DocumentID(fmt.Sprintf("%s-%d", word, i))
	a := pledgegraph.Actor{ID: pledgegraph.ActorID(pledgegraph.KindPerson, "Ola Nordmann"), Name: "Ola Nordmann", Kind: pledgegraph.KindPerson}
	return &pledgegraph.Extraction{
		Document: pledgegraph.Document{ID: doc, Title: fmt.Sprintf("report %d", i)},
		Actors:   []pledgegraph.Actor{a},
		Statements: []pledgegraph.Statement{{ID: pledgegraph.StatementID(doc, pledgegraph.Direct, 0, 50), Kind: pledgegraph.Direct,
			Text: fmt.Sprintf("the %s report number %d", word, i), Speaker: a.ID, Cue: "said"}},
	}
}

// searches is the number of searches that were not answered from the
// cache.
func searches(ix *Index) uint64 { return ix.engineRuns.Load() + ix.bleveRuns.Load() }

// A repeated search is answered from the cache, with a copy of the result,
// until a write or a Rebuild; what it answers is what the index holds.
func TestResultCacheFollowsWrites(t *testing.T) {
	ctx := context.Background()
	ix := openTestIndex(t, "")
	xs := traversetest.Corpus(4, 30)
	if err := ix.IndexAll(ctx, xs); err != nil {
		t.Fatal(err)
	}
	if err := ix.Index(ctx, reportOn("quokka", 0)); err != nil {
		t.Fatal(err)
	}
	check := func(q Query, wantTotal int, cached bool) *Result {
		t.Helper()
		n := searches(ix)
		got := findAsReference(t, ix, q)
		if got.Total != wantTotal {
			t.Fatalf("%+v: total %d, want %d", q, got.Total, wantTotal)
		}
		hit := searches(ix) == n
		// A background merge between two searches changes the segments,
		// which empties the cache: the search after it stores its result
		// again, so a few tries must see a hit.
		for try := 0; cached && !hit && try < 5; try++ {
			n = searches(ix)
			if _, err := ix.Find(ctx, q); err != nil {
				t.Fatal(err)
			}
			hit = searches(ix) == n
		}
		if hit != cached {
			t.Fatalf("%+v: answered from the cache %v, want %v", q, hit, cached)
		}
		return got
	}
	q := Query{Text: "quokka", First: 5}
	first := check(q, 1, false)
	check(q, 1, true)
	// The caller owns what it is given.
	first.Hits[0].Snippet, first.Hits[0].Highlights[0] = "changed", Span{0, 1}
	check(q, 1, true)
	// Other pages, sizes and types are other searches.
	check(Query{Text: "quokka", First: 1}, 1, false)
	check(Query{Text: "quokka", First: 5, Types: []string{pledgegraph.TypeStatement, pledgegraph.TypeDocument}}, 1, false)
	check(Query{Text: "quokka", First: 5, Types: []string{pledgegraph.TypeDocument, pledgegraph.TypeStatement}}, 1, true)
	// Writes.
	if err := ix.Index(ctx, reportOn("quokka", 1)); err != nil {
		t.Fatal(err)
	}
	check(q, 2, false)
	check(q, 2, true)
	if err := ix.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	check(q, 0, false)
	if err := ix.IndexAll(ctx, []*pledgegraph.Extraction{reportOn("quokka", 2), reportOn("quokka", 3), reportOn("quokka", 4)}); err != nil {
		t.Fatal(err)
	}
	check(q, 3, false)
	check(q, 3, true)
}

// The cache keeps the results of one generation of writes and one set of
// segments (a merge changes the segments, and can change the scores).
func TestResultCacheKeys(t *testing.T) {
	ctx := context.Background()
	ix := openTestIndex(t, "")
	if err := ix.Index(ctx, reportOn("wombat", 0)); err != nil {
		t.Fatal(err)
	}
	r1, err := ix.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	if err := ix.Index(ctx, reportOn("wombat", 1)); err != nil {
		t.Fatal(err)
	}
	r2, err := ix.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	s1, s2 := r1.(*scorch.IndexSnapshot), r2.(*scorch.IndexSnapshot)
	if sameSegments([]uint64{}, s1) || reflect.DeepEqual(s1.Segments(), s2.Segments()) {
		t.Fatal("want two snapshots of different segments")
	}
	k := resultKey{text: "wombat", types: 3, first: 5}
	res := &Result{Hits: []Hit{{ID: "a", Highlights: []Span{{0, 1}}}}, Total: 1}
	var c resultCache
	c.put(s1, 7, k, res)
	res.Hits[0].ID = "changed" // the cache has its own copy
	for _, tc := range []struct {
		name string
		snap *scorch.IndexSnapshot
		gen  uint64
		k    resultKey
		hit  bool
	}{
		{"same", s1, 7, k, true},
		{"other segments", s2, 7, k, false},
		{"later generation", s1, 8, k, false},
		{"other text", s1, 7, resultKey{text: "Wombat", types: 3, first: 5}, false},
		{"other types", s1, 7, resultKey{text: "wombat", types: 1, first: 5}, false},
		{"other size", s1, 7, resultKey{text: "wombat", types: 3, first: 4}, false},
		{"other page", s1, 7, resultKey{text: "wombat", types: 3, first: 5, after: "x"}, false},
	} {
		got, ok := c.get(tc.snap, tc.gen, tc.k)
		if ok != tc.hit || ok && got.Hits[0].ID != "a" {
			t.Errorf("%s: got %+v, %v; want a hit %v", tc.name, got, ok, tc.hit)
		}
	}
	// A result found before a write is not kept once a later one is.
	c.put(s2, 8, k, res)
	c.put(s1, 7, resultKey{text: "late"}, res)
	if _, ok := c.get(s1, 7, resultKey{text: "late"}); ok {
		t.Error("kept a result of an earlier generation")
	}
	if got, ok := c.get(s2, 8, k); !ok || got.Hits[0].ID != "changed" {
		t.Errorf("got %+v, %v; want the later result", got, ok)
	}
}

// Searches beside writes never see less than what was written before they
// started: no result of an earlier state is kept past a write.
func TestResultCacheBesideWrites(t *testing.T) {
	ctx := context.Background()
	ix := openTestIndex(t, "")
	var written atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 40 {
			if err := ix.Index(ctx, reportOn("numbat", i)); err != nil {
				errs <- err
				return
			}
			written.Add(1)
		}
	}()
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for written.Load() < 40 {
				before := written.Load()
				res, err := ix.Find(ctx, Query{Text: "numbat", First: 3})
				if err != nil {
					errs <- err
					return
				}
				if after := written.Load(); int64(res.Total) < before || int64(res.Total) > after+1 {
					errs <- fmt.Errorf("%d hits with %d to %d documents written", res.Total, before, after)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// The text analyzer with its stems cached analyses as the analyzer does,
// the first time and the next.
func TestStemCache(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := m.AnalyzerNamed("text")
	cached := withStemCache(a)
	if cached == a {
		t.Fatal("the text analyzer has no stemmer to cache")
	}
	texts := []string{"Pledges pledged pledging; the ceasefire's terms", "Zelenskyy's guarantees GUARANTEED",
		"Étienne Marchetti pledged €120 million", "running runs ran runner", ""}
	for _, x := range traversetest.Corpus(2, 20) {
		for _, s := range x.Statements {
			texts = append(texts, s.Text)
		}
	}
	for round := range 2 {
		for _, text := range texts {
			want, got := a.Analyze([]byte(text)), cached.Analyze([]byte(text))
			if len(got) != len(want) {
				t.Fatalf("round %d, %q: %d tokens, want %d", round, text, len(got), len(want))
			}
			for i := range want {
				if string(got[i].Term) != string(want[i].Term) || got[i].Start != want[i].Start || got[i].Position != want[i].Position {
					t.Fatalf("round %d, %q: token %d is %v, want %v", round, text, i, got[i], want[i])
				}
			}
		}
	}
}

// The terms of an actor's names, as nameTerms finds them, are those the
// key analyzer makes of its keys.
func TestNameTermsAsAnalysed(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	key := m.AnalyzerNamed("key")
	for _, names := range [][]string{
		{"Étienne Marchetti", "President", "Marchetti"},
		{"ΣΩΚΡΑΤΗΣ Παπαδόπουλος", "Σ"},
		{"İlham Əliyev", "Ⱥlex Ⱦom"},
		{"Seán O'Neill", "U.S. envoy", "  "},
	} {
		var all []string
		for _, tok := range key.Analyze([]byte(strings.Join(nameKeys(names), " "))) {
			all = append(all, string(tok.Term))
		}
		// Every term as expanded: nameTerms keeps those the record has.
		marks := &marks{names: []*expandedQuery{{expanded: all}}}
		rec, err := json.Marshal(pledgegraph.Actor{Name: names[0], Title: names[1], Aliases: names[2:]})
		if err != nil {
			t.Fatal(err)
		}
		got := marks.nameTerms(string(rec), key)
		want := map[string]bool{}
		for _, term := range all {
			want[term] = true
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: terms %v, want %v", names, got, want)
		}
	}
}
