package traverse_test

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"pledgegraph"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse"
	"pledgegraph/graph/traverse/traversetest"
)

var quiet = slog.New(slog.DiscardHandler)

// sameNeighbors checks that g answers every relation in both directions
// exactly as the store does, for all the given nodes at once.
func sameNeighbors(t *testing.T, g traverse.Graph, s *store.Store, nodes []string) {
	t.Helper()
	ctx := context.Background()
	for _, r := range traverse.DefaultRelations() {
		for _, dir := range []pledgegraph.Direction{pledgegraph.Out, pledgegraph.In} {
			want, err := s.Neighbors(ctx, nodes, r.Predicate, dir)
			if err != nil {
				t.Fatal(err)
			}
			got, err := g.Neighbors(ctx, nodes, r.Predicate, dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range nodes {
				w, gt := want[n], slices.Clone(got[n])
				slices.Sort(gt)
				if !slices.Equal(w, gt) {
					t.Fatalf("%s %s dir %d: copy has %q, store %q", n, r.Predicate, dir, gt, w)
				}
			}
		}
	}
}

// sameEvidence checks that the view g knows the documents of every
// relation edge of the nodes exactly as the store does, and that some edge
// was read in more than one document (so that merging is exercised).
func sameEvidence(t *testing.T, g traverse.Graph, s *store.Store, nodes []string) {
	t.Helper()
	ctx := context.Background()
	ev, ok := g.(traverse.EdgeEvidencer)
	if !ok {
		t.Fatalf("view %T knows no evidence", g)
	}
	var edges []traverse.Edge
	for _, r := range traverse.DefaultRelations() {
		out, err := s.Neighbors(ctx, nodes, r.Predicate, pledgegraph.Out)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range nodes {
			for _, o := range out[n] {
				if pledgegraph.NodeType(o) != "" && o != n {
					edges = append(edges, traverse.Edge{Source: n, Predicate: r.Predicate, Target: o})
				}
			}
		}
	}
	// An edge no document has, and a predicate the copy does not hold.
	edges = append(edges, traverse.Edge{Source: nodes[0], Predicate: pledgegraph.PredSaid, Target: "stmt:nowhere"},
		traverse.Edge{Source: nodes[0], Predicate: pledgegraph.PredCue, Target: "actor:person:nobody"})
	want, err := traverse.Evidence(ctx, s, edges)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ev.EdgeEvidence(ctx, edges)
	if err != nil {
		t.Fatal(err)
	}
	multi := 0
	for _, e := range edges {
		if !slices.Equal(got[e], want[e]) || got[e] == nil {
			t.Fatalf("evidence of %v: copy has %q, store %q", e, got[e], want[e])
		}
		if len(want[e]) > 1 {
			multi++
		}
	}
	if len(edges) < 100 || multi == 0 {
		t.Fatalf("%d edges, %d with several documents: the corpus does not exercise evidence", len(edges), multi)
	}
}

func allNodes(xs []*pledgegraph.Extraction) []string {
	var out []string
	for n := range newReference(xs).adj {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// waitBuilt waits until the copy holds n documents.
func waitBuilt(t *testing.T, a *traverse.Adjacency, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for a.Stats().Documents != n {
		if time.Now().After(deadline) {
			t.Fatalf("copy holds %d documents after 10s, want %d", a.Stats().Documents, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestAdjacencyBuildAndApply(t *testing.T) {
	ctx := context.Background()
	xs := traversetest.Corpus(3, 120)
	s := openMemory(t)
	load(t, s, xs[:80], nil)
	a := traverse.NewAdjacency(s, traverse.AdjacencyConfig{Logger: quiet})
	defer a.Close()

	// Not built: queries go to the store and a build starts.
	g, err := a.View(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if g != traverse.Graph(s) {
		t.Fatalf("View before the build returned %T, want the store", g)
	}
	waitBuilt(t, a, 80)
	if g, _ = a.View(ctx); g == traverse.Graph(s) {
		t.Fatal("View after the build still returns the store")
	}
	sameNeighbors(t, g, s, allNodes(xs[:80]))
	sameEvidence(t, g, s, allNodes(xs[:80]))

	// Writes of this process, applied: the copy stays trusted and exact.
	load(t, s, xs[80:], a.Apply)
	g, err = a.View(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if g == traverse.Graph(s) {
		t.Fatal("View after Apply returns the store: the copy was judged stale")
	}
	sameNeighbors(t, g, s, allNodes(xs))
	sameEvidence(t, g, s, allNodes(xs))
	st := a.Stats()
	if st.Documents != 120 || st.Nodes < 120 || st.Edges == 0 {
		t.Errorf("Stats = %+v", st)
	}
	// Applying again changes nothing.
	load(t, s, xs[80:81], nil)
	a.Apply(xs[80].Document.ID, nil)
	if a.Stats() != st {
		t.Errorf("Stats after re-apply = %+v, want %+v", a.Stats(), st)
	}

	// Traversal answers are the same through the copy and the store.
	direct := traverse.New(s, traverse.Config{})
	cached := traverse.New(a, traverse.Config{})
	nodes := allNodes(xs)
	for i := 0; i < 20; i++ {
		from, to := nodes[(i*31)%len(nodes)], nodes[(i*7+3)%len(nodes)]
		p1, err := direct.ShortestPaths(ctx, from, to, 5, nil, 20)
		if err != nil {
			t.Fatal(err)
		}
		p2, err := cached.ShortestPaths(ctx, from, to, 5, nil, 20)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(p1.Paths, p2.Paths, func(a, b traverse.Path) bool { return render(a) == render(b) }) || p1.More != p2.More {
			t.Fatalf("%s → %s: store gives %d paths, copy %d", from, to, len(p1.Paths), len(p2.Paths))
		}
		n1, err := direct.Neighborhood(ctx, from, 2, nil, 50)
		if err != nil {
			t.Fatal(err)
		}
		n2, err := cached.Neighborhood(ctx, from, 2, nil, 50)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(n1.Nodes, n2.Nodes) || !slices.Equal(n1.Edges, n2.Edges) || n1.Truncated != n2.Truncated {
			t.Fatalf("neighbourhood of %s differs between store and copy", from)
		}
	}
}

// Two servers on one database: A writes and applies; B never sees the
// writes but must not answer from its stale copy.
func TestAdjacencyOtherWriter(t *testing.T) {
	ctx := context.Background()
	xs := traversetest.Corpus(5, 60)
	s := openMemory(t)
	load(t, s, xs[:40], nil)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }

	a := traverse.NewAdjacency(s, traverse.AdjacencyConfig{Logger: quiet})
	defer a.Close()
	strict := traverse.NewAdjacency(s, traverse.AdjacencyConfig{Now: clock, Logger: quiet})
	defer strict.Close()
	lazy := traverse.NewAdjacency(s, traverse.AdjacencyConfig{CheckEvery: time.Minute, Now: clock, Logger: quiet})
	defer lazy.Close()
	for _, b := range []*traverse.Adjacency{a, strict, lazy} {
		if err := b.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
	}
	advance(time.Hour) // past the rebuild interval
	for _, b := range []*traverse.Adjacency{a, strict, lazy} {
		if g, _ := b.View(ctx); g == traverse.Graph(s) {
			t.Fatal("fresh copy not trusted")
		}
	}

	load(t, s, xs[40:], a.Apply) // "server A" writes

	if g, _ := strict.View(ctx); g != traverse.Graph(s) {
		t.Fatal("strict copy answered although another process wrote")
	}
	waitBuilt(t, strict, 60)
	g, _ := strict.View(ctx)
	if g == traverse.Graph(s) {
		t.Fatal("rebuilt copy not trusted")
	}
	sameNeighbors(t, g, s, allNodes(xs))

	// The lazy copy trusts itself for CheckEvery, then notices.
	if g, _ := lazy.View(ctx); g == traverse.Graph(s) {
		t.Fatal("lazy copy checked before its interval")
	}
	advance(2 * time.Minute)
	if g, _ := lazy.View(ctx); g != traverse.Graph(s) {
		t.Fatal("lazy copy answered after its interval although stale")
	}
	waitBuilt(t, lazy, 60)
}

// blockingSource holds a build inside FindActors until released.
type blockingSource struct {
	traverse.Source
	entered, release chan struct{}
	once             sync.Once
}

func (b *blockingSource) FindActors(ctx context.Context, f pledgegraph.ActorFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	b.once.Do(func() {
		close(b.entered)
		<-b.release
	})
	return b.Source.FindActors(ctx, f, p)
}

// A write applied while a build runs, after it listed the documents, is
// replayed onto the new copy.
func TestAdjacencyApplyDuringBuild(t *testing.T) {
	ctx := context.Background()
	xs := traversetest.Corpus(9, 30)
	s := openMemory(t)
	load(t, s, xs[:29], nil)
	src := &blockingSource{Source: s, entered: make(chan struct{}), release: make(chan struct{})}
	a := traverse.NewAdjacency(src, traverse.AdjacencyConfig{Logger: quiet})
	defer a.Close()
	done := make(chan error)
	go func() { done <- a.Refresh(ctx) }()
	<-src.entered
	load(t, s, xs[29:], a.Apply)
	close(src.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := a.Stats().Documents; n != 30 {
		t.Fatalf("copy holds %d documents, want 30", n)
	}
	g, _ := a.View(ctx)
	if g == traverse.Graph(s) {
		t.Fatal("copy not trusted after the build")
	}
	sameNeighbors(t, g, s, allNodes(xs))
}

func TestAdjacencyRefreshCanceled(t *testing.T) {
	s := openMemory(t)
	load(t, s, traversetest.Corpus(1, 5), nil)
	a := traverse.NewAdjacency(s, traverse.AdjacencyConfig{Logger: quiet})
	defer a.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.Refresh(ctx); err == nil {
		t.Fatal("Refresh with a canceled context succeeded")
	}
	if a.Stats().Built {
		t.Fatal("a failed build left a copy")
	}
}

// The copy computes neighbourhoods on node numbers; the answers must be
// those of the generic expansion over the store, for every depth, limit
// (truncation included) and choice of predicates.
func TestNeighborhoodNativeMatchesGeneric(t *testing.T) {
	ctx := context.Background()
	xs := traversetest.Corpus(5, 150)
	s := openMemory(t)
	load(t, s, xs, nil)
	a := traverse.NewAdjacency(s, traverse.AdjacencyConfig{CheckEvery: -1, Logger: quiet})
	defer a.Close()
	if err := a.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	direct := traverse.New(s, traverse.Config{})
	cached := traverse.New(a, traverse.Config{})
	nodes := allNodes(xs)
	preds := [][]string{nil, {pledgegraph.PredSaid, pledgegraph.PredMentions}, {pledgegraph.PredRepresents}, {pledgegraph.PredPledged, pledgegraph.PredTarget, pledgegraph.PredInDocument}}
	truncated, compared := 0, 0
	for i := 0; i < 60; i++ {
		of := nodes[(i*37)%len(nodes)]
		for _, depth := range []int{1, 2, 3} {
			for _, limit := range []int{1, 3, 40, 1000} {
				p := preds[(i+depth+limit)%len(preds)]
				want, err := direct.Neighborhood(ctx, of, depth, p, limit)
				if err != nil {
					t.Fatal(err)
				}
				got, err := cached.Neighborhood(ctx, of, depth, p, limit)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got.Nodes, want.Nodes) || !slices.Equal(got.Distances, want.Distances) ||
					!slices.Equal(got.Edges, want.Edges) || got.Truncated != want.Truncated {
					t.Fatalf("neighborhood(%s, %d, %v, %d): copy gives %d nodes %d edges truncated=%v, store %d nodes %d edges truncated=%v",
						of, depth, p, limit, len(got.Nodes), len(got.Edges), got.Truncated, len(want.Nodes), len(want.Edges), want.Truncated)
				}
				if got.Calls != 0 {
					t.Errorf("the copy made %d round trips", got.Calls)
				}
				compared++
				if want.Truncated {
					truncated++
				}
			}
		}
	}
	if truncated == 0 || truncated == compared {
		t.Fatalf("%d of %d neighbourhoods truncated: the cases do not exercise the limit both ways", truncated, compared)
	}
	// A node the copy does not know is alone.
	sg, err := cached.Neighborhood(ctx, "actor:person:nobody", 2, nil, 10)
	if err != nil || len(sg.Nodes) != 1 || len(sg.Edges) != 0 {
		t.Fatalf("unknown node: %+v, %v", sg, err)
	}
}
