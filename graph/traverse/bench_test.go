package traverse_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"pledgegraph"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse"
	"pledgegraph/graph/traverse/traversetest"
)

// Benchmarks run on a synthetic corpus of PLEDGEGRAPH_BENCH_DOCS documents
// [1000] loaded once per backend, e.g.
//
//	PLEDGEGRAPH_BENCH_DOCS=10000 go test -run '^$' -bench . -benchtime 200x ./graph/traverse/
//
// Each reports the median and 99th percentile latency of its queries
// (p50-ms, p99-ms) and the round trips per query.

type benchGraph struct {
	s      *store.Store
	adj    *traverse.Adjacency
	xs     []*pledgegraph.Extraction
	byType map[string][]string
	load   time.Duration
}

var (
	benchMu     sync.Mutex
	benchGraphs = map[string]*benchGraph{}
	benchDir    string
)

func benchDocs() int {
	if n, err := strconv.Atoi(os.Getenv("PLEDGEGRAPH_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 1000
}

func TestMain(m *testing.M) {
	code := m.Run()
	benchMu.Lock()
	for _, g := range benchGraphs {
		g.adj.Close()
		g.s.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	benchMu.Unlock()
	os.Exit(code)
}

// graphFor loads (once) the corpus into a store of the backend.
func graphFor(b *testing.B, backend string) *benchGraph {
	benchMu.Lock()
	defer benchMu.Unlock()
	if g := benchGraphs[backend]; g != nil {
		return g
	}
	ctx := context.Background()
	cfg := store.Config{Backend: backend}
	if backend == store.BackendBolt {
		if benchDir == "" {
			d, err := os.MkdirTemp("", "traverse-bench-")
			if err != nil {
				b.Fatal(err)
			}
			benchDir = d
		}
		cfg.Path = filepath.Join(benchDir, "bench.db")
	}
	s, err := store.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	g := &benchGraph{s: s, xs: traversetest.Corpus(1, benchDocs()), byType: map[string][]string{}}
	start := time.Now()
	if err := traversetest.Load(ctx, s, g.xs, nil); err != nil {
		b.Fatal(err)
	}
	g.load = time.Since(start)
	g.adj = traverse.NewAdjacency(s, traverse.AdjacencyConfig{CheckEvery: -1, Logger: quiet})
	start = time.Now()
	if err := g.adj.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	st := g.adj.Stats()
	b.Logf("%s: %d documents loaded in %v; adjacency of %d nodes, %d edges built in %v",
		backend, len(g.xs), g.load.Round(time.Millisecond), st.Nodes, st.Edges, time.Since(start).Round(time.Millisecond))
	seen := map[string]bool{}
	for _, x := range g.xs {
		for _, a := range x.Actors {
			if !seen[a.ID] {
				seen[a.ID] = true
				g.byType[pledgegraph.TypeActor] = append(g.byType[pledgegraph.TypeActor], a.ID)
			}
		}
		for _, st := range x.Statements {
			g.byType[pledgegraph.TypeStatement] = append(g.byType[pledgegraph.TypeStatement], st.ID)
		}
		for _, c := range x.Commitments {
			g.byType[pledgegraph.TypeCommitment] = append(g.byType[pledgegraph.TypeCommitment], c.ID)
		}
	}
	benchGraphs[backend] = g
	return g
}

// pick returns the i-th query node of a type, spread over the corpus.
func (g *benchGraph) pick(typ string, i int) string {
	ids := g.byType[typ]
	return ids[(i*7919+i*i)%len(ids)]
}

// latencies collects per-query durations and reports percentiles.
type latencies []time.Duration

func (l latencies) report(b *testing.B, calls int) {
	if len(l) == 0 {
		return
	}
	slices.Sort(l)
	ms := func(q float64) float64 { return float64(l[int(q*float64(len(l)-1))]) / 1e6 }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(float64(calls)/float64(len(l)), "trips/op")
}

func benchBoth(b *testing.B, run func(b *testing.B, g *benchGraph, tr *traverse.Traverser)) {
	for _, backend := range []string{store.BackendMemory, store.BackendBolt} {
		for _, via := range []string{"store", "adjacency"} {
			b.Run(fmt.Sprintf("%s/%s", backend, via), func(b *testing.B) {
				g := graphFor(b, backend)
				var gr traverse.Graph = g.s
				if via == "adjacency" {
					gr = g.adj
				}
				run(b, g, traverse.New(gr, traverse.Config{}))
			})
		}
	}
}

// BenchmarkShortestPaths: person → commitment, actor → actor and
// statement → actor, maxDepth 4, first 5.
func BenchmarkShortestPaths(b *testing.B) {
	benchBoth(b, func(b *testing.B, g *benchGraph, tr *traverse.Traverser) {
		ctx := context.Background()
		var lat latencies
		calls, found := 0, 0
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			var from, to string
			switch i % 3 {
			case 0:
				from, to = g.pick(pledgegraph.TypeActor, i), g.pick(pledgegraph.TypeCommitment, i)
			case 1:
				from, to = g.pick(pledgegraph.TypeActor, i), g.pick(pledgegraph.TypeActor, i+1)
			case 2:
				from, to = g.pick(pledgegraph.TypeStatement, i), g.pick(pledgegraph.TypeActor, i)
			}
			start := time.Now()
			res, err := tr.ShortestPaths(ctx, from, to, 4, nil, 5)
			lat = append(lat, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
			calls += res.Calls
			if len(res.Paths) > 0 {
				found++
			}
		}
		b.StopTimer()
		lat.report(b, calls)
		b.ReportMetric(float64(found)/float64(b.N), "found/op")
	})
}

// BenchmarkNeighborhood2: the 2-hop neighbourhood of an actor, limit 200.
func BenchmarkNeighborhood2(b *testing.B) {
	benchBoth(b, func(b *testing.B, g *benchGraph, tr *traverse.Traverser) {
		ctx := context.Background()
		var lat latencies
		calls, nodes := 0, 0
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			start := time.Now()
			sg, err := tr.Neighborhood(ctx, g.pick(pledgegraph.TypeActor, i), 2, nil, 200)
			lat = append(lat, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
			calls += sg.Calls
			nodes += len(sg.Nodes)
		}
		b.StopTimer()
		lat.report(b, calls)
		b.ReportMetric(float64(nodes)/float64(b.N), "nodes/op")
	})
}

// BenchmarkAdjacencyRefresh: building the in-memory copy from the store.
func BenchmarkAdjacencyRefresh(b *testing.B) {
	for _, backend := range []string{store.BackendMemory, store.BackendBolt} {
		b.Run(backend, func(b *testing.B) {
			g := graphFor(b, backend)
			a := traverse.NewAdjacency(g.s, traverse.AdjacencyConfig{Logger: quiet})
			defer a.Close()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := a.Refresh(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
