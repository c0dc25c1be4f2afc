package search

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"pledgegraph"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse/traversetest"
)

func openTestIndex(t *testing.T, path string) *Index {
	t.Helper()
	ix, err := Open(context.Background(), Config{Path: path, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// updates counts the entries the index has been given to index.
func updates(t *testing.T, ix *Index) uint64 {
	t.Helper()
	a, err := ix.idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	n, ok := a.(*scorch.Scorch).StatsMap()["TotUpdates"].(uint64)
	if !ok {
		t.Fatal("no TotUpdates in the index stats")
	}
	return n
}

// An actor named again as the index has it is not indexed again: that
// would only leave a deleted entry behind for every search to skip.
func TestIndexKeepsUnchangedActors(t *testing.T) {
	ctx := context.Background()
	ix := openTestIndex(t, "")
	person := pledgegraph.Actor{ID: pledgegraph.ActorID(pledgegraph.KindPerson, "Iryna Wiśniewski"), Name: "Iryna Wiśniewski",
		Kind: pledgegraph.KindPerson, Aliases: []string{"Wiśniewski", "Iryna W."}, Title: "Foreign Minister"}
	doc := func(i int, a pledgegraph.Actor) *pledgegraph.Extraction {
		id := pledgegraph.DocumentID(string(rune('a' + i)))
		return &pledgegraph.Extraction{Document: pledgegraph.Document{ID: id, Title: "talks"}, Actors: []pledgegraph.Actor{a},
			Statements: []pledgegraph.Statement{{ID: pledgegraph.StatementID(id, pledgegraph.Direct, 0, 10), Kind: pledgegraph.Direct,
				Text: "we will talk", Speaker: a.ID}}}
	}
	steps := []struct {
		name    string
		actor   func(pledgegraph.Actor) pledgegraph.Actor
		indexed uint64 // actor entries written
	}{
		{"first", func(a pledgegraph.Actor) pledgegraph.Actor { return a }, 1},
		{"aliases in another order", func(a pledgegraph.Actor) pledgegraph.Actor { // merged, the record is the sorted one: one update
			a.Aliases = []string{"Iryna W.", "Wiśniewski"}
			return a
		}, 1},
		{"the same again", func(a pledgegraph.Actor) pledgegraph.Actor { return a }, 0},
		{"no title, fewer aliases", func(a pledgegraph.Actor) pledgegraph.Actor { // what the index knows stays
			a.Title, a.Aliases = "", nil
			return a
		}, 0},
		{"a new alias", func(a pledgegraph.Actor) pledgegraph.Actor {
			a.Aliases = append(a.Aliases, "Wisniewski")
			return a
		}, 1},
	}
	for i, st := range steps {
		before := updates(t, ix)
		if err := ix.Index(ctx, doc(i, st.actor(person))); err != nil {
			t.Fatal(err)
		}
		if got := updates(t, ix) - before - 2; got != st.indexed { // 2: the document and its statement
			t.Errorf("%s: %d actor entries written, want %d", st.name, got, st.indexed)
		}
	}
	a, _, ok, err := ix.storedActor(person.ID)
	if err != nil || !ok {
		t.Fatalf("stored actor: %v %v", ok, err)
	}
	if want := []string{"Iryna W.", "Wisniewski", "Wiśniewski"}; a.Title != "Foreign Minister" || !equal(a.Aliases, want) {
		t.Errorf("stored actor %+v, want title Foreign Minister and aliases %q", a, want)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The cached expansions of fuzzy and prefix words follow the index: a name
// indexed after a search is found by the same search, and so after Rebuild.
func TestExpansionsFollowWrites(t *testing.T) {
	ctx := context.Background()
	ix := openTestIndex(t, filepath.Join(t.TempDir(), "ix"))
	xs := traversetest.Corpus(5, 30)
	if err := ix.IndexAll(ctx, xs); err != nil {
		t.Fatal(err)
	}
	newcomer := pledgegraph.Actor{ID: pledgegraph.ActorID(pledgegraph.KindPerson, "Quillon Zabrowski"), Name: "Quillon Zabrowski", Kind: pledgegraph.KindPerson}
	x := &pledgegraph.Extraction{Document: pledgegraph.Document{ID: pledgegraph.DocumentID("newcomer"), Title: "newcomer"},
		Actors: []pledgegraph.Actor{newcomer}}
	find := func(text string) bool {
		t.Helper()
		res, err := ix.Find(ctx, Query{Text: text, Types: []string{pledgegraph.TypeActor}})
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Hits) > 0 && res.Hits[0].ID == newcomer.ID
	}
	queries := []string{"Zabrowsky", "Zabr", "Quillon Zabrowsky"} // fuzzy, prefix, both
	for _, q := range queries {
		if find(q) {
			t.Fatalf("%q found the newcomer before it was indexed", q)
		}
	}
	if err := ix.Index(ctx, x); err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		if !find(q) {
			t.Errorf("%q does not find the newcomer once indexed", q)
		}
	}
	if err := ix.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		if find(q) {
			t.Errorf("%q finds the newcomer after Rebuild", q)
		}
	}
	if err := ix.Index(ctx, x); err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		if !find(q) {
			t.Errorf("%q does not find the newcomer indexed after Rebuild", q)
		}
	}
}

// An index written with another layout is dropped when opened, and Sync
// refills it from the store: the graph is the source of truth.
func TestOpenDropsAnotherLayout(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{Backend: store.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	xs := traversetest.Corpus(6, 12)
	if err := traversetest.Load(ctx, s, xs, nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(ctx, Config{Path: path, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Sync(ctx, s); err != nil {
		t.Fatal(err)
	}
	want, err := ix.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	q := Query{Text: xs[0].Actors[0].Name}
	before, err := ix.Find(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	// Reopened as it is: kept.
	ix.Close()
	ix = openTestIndex(t, path)
	if c, _ := ix.Counts(ctx); c != want {
		t.Fatalf("reopened: counts %+v, want %+v", c, want)
	}
	// Marked with an older layout: dropped, then refilled.
	if err := ix.idx.SetInternal(versionKey, []byte("pledgegraph-search-0")); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix = openTestIndex(t, path)
	if c, _ := ix.Counts(ctx); c != (Counts{}) {
		t.Fatalf("older layout kept: counts %+v", c)
	}
	if st, err := ix.Sync(ctx, s); err != nil || st.Documents != len(xs) {
		t.Fatalf("Sync: %+v, %v", st, err)
	}
	if c, _ := ix.Counts(ctx); c != want {
		t.Fatalf("after Sync: counts %+v, want %+v", c, want)
	}
	after, err := ix.Find(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if after.Total != before.Total || len(after.Hits) == 0 || after.Hits[0].ID != before.Hits[0].ID {
		t.Errorf("after the rebuild %q finds %d hits, first %v; before %d, first %v", q.Text, after.Total, after.Hits, before.Total, before.Hits)
	}
}

// Searches run beside writes (which change the segments the expansion
// cache is keyed by) and each other; every page is in order.
func TestConcurrentSearchAndIndex(t *testing.T) {
	ctx := context.Background()
	ix := openTestIndex(t, "")
	xs := traversetest.Corpus(8, 45)
	if err := ix.IndexAll(ctx, xs[:20]); err != nil {
		t.Fatal(err)
	}
	var queries []string
	for _, x := range xs[:10] {
		name := x.Actors[0].Name
		queries = append(queries, name, name[:min(4, len(name))], name+"x", x.Statements[0].Text[:20])
	}
	errs := make(chan error, 5)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 25 {
				res, err := ix.Find(ctx, Query{Text: queries[(g*7+i)%len(queries)], First: 5})
				if err != nil {
					errs <- err
					return
				}
				for j := 1; j < len(res.Hits); j++ {
					if a, b := res.Hits[j-1], res.Hits[j]; a.Score < b.Score || a.Score == b.Score && a.ID >= b.ID {
						errs <- fmt.Errorf("%q: hits %d and %d out of order", queries[(g*7+i)%len(queries)], j-1, j)
						return
					}
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, x := range xs[20:] {
			if err := ix.Index(ctx, x); err != nil {
				errs <- err
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestOpenEachIndexItsOwn: an index created in a process must not make a
// later open of another, existing index open the created one (bleve writes
// into the configuration map it is given).
func TestOpenEachIndexItsOwn(t *testing.T) {
	ctx := context.Background()
	dirA, dirB := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	b := openTestIndex(t, dirB)
	if err := b.Index(ctx, reportOn("platypus", 0)); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	a := openTestIndex(t, dirA) // created after b
	if err := a.Index(ctx, reportOn("wombat", 0)); err != nil {
		t.Fatal(err)
	}
	again := openTestIndex(t, dirB) // existing: must be b
	got, err := again.Find(ctx, Query{Text: "platypus", First: 5})
	if err != nil || got.Total != 1 {
		t.Fatalf("reopened index b: %+v, %v; want its one platypus", got, err)
	}
	if got, err := again.Find(ctx, Query{Text: "wombat", First: 5}); err != nil || got.Total != 0 {
		t.Fatalf("reopened index b finds a's wombat: %+v, %v", got, err)
	}
}
