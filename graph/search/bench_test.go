package search_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"pledgegraph/graph/search"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse/traversetest"
)

// Benchmarks index a synthetic corpus of PLEDGEGRAPH_BENCH_DOCS documents
// [1000], in memory and on disk, e.g.
//
//	PLEDGEGRAPH_BENCH_DOCS=10000 go test -run '^$' -bench . -benchtime 300x ./graph/search/
func benchDocs() int {
	if n, err := strconv.Atoi(os.Getenv("PLEDGEGRAPH_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 1000
}

func BenchmarkSearch(b *testing.B) {
	xs := traversetest.Corpus(1, benchDocs())
	// Queries: actor names as typed, by prefix and misspelt, and words of
	// statements and commitments.
	var queries []string
	for i, x := range xs[:50] {
		a := x.Actors[i%len(x.Actors)]
		last := a.Name[strings.LastIndex(a.Name, " ")+1:]
		queries = append(queries, a.Name, last[:min(4, len(last))])
		if len(last) > 5 {
			queries = append(queries, last[:2]+last[3:]) // one letter dropped
		}
		if len(x.Statements) > 0 {
			w := strings.Fields(x.Statements[0].Text)
			queries = append(queries, strings.Join(w[:min(3, len(w))], " "))
		}
		if len(x.Commitments) > 0 {
			queries = append(queries, x.Commitments[0].Action)
		}
	}
	built := map[string]*search.Index{}
	defer func() {
		for _, ix := range built {
			ix.Close()
		}
	}()
	dir := b.TempDir()
	for _, where := range []string{"temporary", "disk"} {
		b.Run(where, func(b *testing.B) {
			ix := built[where]
			if ix == nil {
				path := ""
				if where == "disk" {
					path = filepath.Join(dir, "bench.db.search")
				}
				var err error
				if ix, err = search.Open(context.Background(), search.Config{Path: path, Logger: quiet}); err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				for lo := 0; lo < len(xs); lo += 500 {
					if err := ix.IndexAll(context.Background(), xs[lo:min(lo+500, len(xs))]); err != nil {
						b.Fatal(err)
					}
				}
				took := time.Since(start)
				c, _ := ix.Counts(context.Background())
				b.Logf("%s: indexed %d documents (%d actors, %d statements, %d commitments) in batches of 500 in %v, %.0f docs/s",
					where, c.Documents, c.Actors, c.Statements, c.Commitments, took.Round(time.Millisecond), float64(len(xs))/took.Seconds())
				built[where] = ix
			}
			ctx := context.Background()
			var lat []time.Duration
			hits := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				q := queries[i%len(queries)]
				t0 := time.Now()
				res, err := ix.Find(ctx, search.Query{Text: q, First: 20})
				lat = append(lat, time.Since(t0))
				if err != nil {
					b.Fatal(err)
				}
				hits += len(res.Hits)
			}
			b.StopTimer()
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2])/1e6, "p50-ms")
			b.ReportMetric(float64(lat[int(0.99*float64(len(lat)-1))])/1e6, "p99-ms")
			b.ReportMetric(float64(hits)/float64(b.N), "hits/op")
		})
	}
}

// BenchmarkIndex: indexing throughput, one extraction per call (as the
// ingest service calls it).
func BenchmarkIndex(b *testing.B) {
	xs := traversetest.Corpus(2, max(b.N, 1))
	ix := openIndex(b, "")
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := ix.Index(ctx, xs[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkSync: filling an empty index from a memory store, per document.
func BenchmarkSync(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{Backend: store.BackendMemory})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	xs := traversetest.Corpus(3, max(b.N, 1))
	if err := traversetest.Load(ctx, s, xs, nil); err != nil {
		b.Fatal(err)
	}
	ix := openIndex(b, "")
	b.ResetTimer()
	st, err := ix.Sync(ctx, s)
	if err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if st.Documents != len(xs) {
		b.Fatalf("synced %d documents, want %d", st.Documents, len(xs))
	}
	b.ReportMetric(float64(len(xs))/b.Elapsed().Seconds(), "docs/s")
}
