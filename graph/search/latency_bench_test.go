package search_test

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"pledgegraph"
	"pledgegraph/graph/search"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse/traversetest"
)

// BenchmarkSearchLatency measures the latency of realistic queries on a
// large on-disk index, with 1 and 8 goroutines searching at once, and
// reports its p50 and p99 (and the CPU time a query takes, a steadier
// measure on a shared machine). The index is, by default, built in a
// temporary directory from a synthetic corpus of SEARCH_BENCH_N documents
// [2000], and the queries are prefixes, names and misspellings of its
// busiest persons and words of its texts, e.g.
//
//	SEARCH_BENCH_N=10000 go test -run '^$' -bench SearchLatency -benchtime 400x ./graph/search/
//
// SEARCH_BENCH_INDEX names an index directory to use instead, e.g. a copy
// of the one beside a loaded store. It is written to: emptied if it has an
// older layout, and, if empty, filled from the Bolt store
// SEARCH_BENCH_STORE by Sync (point both at copies), or else from the
// synthetic corpus. Its queries are then, unless SEARCH_BENCH_N is set,
// those of the corpus of cmd/corpus (names of its cast). Either way
// SEARCH_BENCH_QUERIES ("|" between queries) replaces them.
//
// Searches repeat, so after the first of each query they are answered by
// the cache of results; SEARCH_BENCH_CACHE=off measures the searches
// themselves.
func BenchmarkSearchLatency(b *testing.B) {
	ctx := context.Background()
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("SEARCH_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	xs := traversetest.Corpus(1, n)
	queries := corpusQueries(xs)
	dir := os.Getenv("SEARCH_BENCH_INDEX")
	if dir != "" && os.Getenv("SEARCH_BENCH_N") == "" {
		queries = strings.Split("Étienn|Iryna|Marchett|Étienne Marchetti|Marchetty|Iryna Wisniewsky|naval support|ceasefire troops|Marchetti sanctions|security guarantees for Ukraine", "|")
	}
	if qs := os.Getenv("SEARCH_BENCH_QUERIES"); qs != "" {
		queries = strings.Split(qs, "|")
	}
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "bench.search")
	}
	ix := openBenchIndex(b, dir, os.Getenv("SEARCH_BENCH_STORE"), xs)
	search.SetResultCache(ix, os.Getenv("SEARCH_BENCH_CACHE") != "off")
	if c, err := ix.Counts(ctx); err != nil {
		b.Fatal(err)
	} else {
		b.Logf("index: %+v", c)
	}
	for _, q := range append(queries, "") { // "": all of them in turn
		for _, clients := range []int{1, 8} {
			name := q
			if name == "" {
				name = "mix"
			}
			b.Run(fmt.Sprintf("q=%s/c=%d", strings.ReplaceAll(name, " ", "_"), clients), func(b *testing.B) {
				qs := []string{q}
				if q == "" {
					qs = queries
				}
				benchLatency(b, ix, qs, clients)
			})
		}
	}
}

// benchLatency runs b.N queries (qs in turn) from clients goroutines and
// reports the latency percentiles.
func benchLatency(b *testing.B, ix *search.Index, qs []string, clients int) {
	ctx := context.Background()
	lat := make([]time.Duration, b.N)
	hits := make([]int, b.N)
	var (
		wg   sync.WaitGroup
		next = make(chan int)
		errs = make(chan error, clients)
	)
	cpu0 := cpuTime()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	alloc0 := ms.TotalAlloc
	b.ResetTimer()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				t0 := time.Now()
				res, err := ix.Find(ctx, search.Query{Text: qs[i%len(qs)], First: 20})
				lat[i] = time.Since(t0)
				if err != nil {
					errs <- err
					return
				}
				hits[i] = res.Total
			}
		}()
	}
	for i := range b.N {
		next <- i
	}
	close(next)
	wg.Wait()
	b.StopTimer()
	cpu := cpuTime() - cpu0
	runtime.ReadMemStats(&ms)
	alloc := ms.TotalAlloc - alloc0
	select {
	case err := <-errs:
		b.Fatal(err)
	default:
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / 1e6 }
	b.ReportMetric(pct(0.5), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	total := 0
	for _, h := range hits {
		total += h
	}
	b.ReportMetric(float64(total)/float64(b.N), "total/op")
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(alloc)/1024/float64(b.N), "alloc-kB/op")
	b.ReportMetric(0, "ns/op")
}

// cpuTime is the CPU time the process has used, user and system: on a
// shared machine a steadier measure of the work a query does than its
// latency.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// openBenchIndex opens the index at dir, filling it, if it holds no
// document, from the Bolt store at storePath or else from xs.
func openBenchIndex(b *testing.B, dir, storePath string, xs []*pledgegraph.Extraction) *search.Index {
	ctx := context.Background()
	ix := openIndex(b, dir)
	c, err := ix.Counts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if c.Documents > 0 {
		return ix
	}
	start := time.Now()
	if storePath == "" {
		for lo := 0; lo < len(xs); lo += 500 {
			if err := ix.IndexAll(ctx, xs[lo:min(lo+500, len(xs))]); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("indexed %d documents in %v", len(xs), time.Since(start).Round(time.Millisecond))
		return ix
	}
	s, err := store.Open(ctx, store.Config{Backend: store.BackendBolt, Path: storePath})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	st, err := ix.Sync(ctx, s)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("synced %d documents, %d actors from %s in %v", st.Documents, st.Actors, storePath, time.Since(start).Round(time.Millisecond))
	return ix
}

// corpusQueries are queries a user might type about a synthetic corpus:
// prefixes, names and misspellings of its busiest persons, words of its
// statements and commitments, a name with a word.
func corpusQueries(xs []*pledgegraph.Extraction) []string {
	busy := map[string]int{}
	names := map[string]pledgegraph.Actor{}
	for _, x := range xs {
		for _, a := range x.Actors {
			if a.Kind == pledgegraph.KindPerson {
				names[a.ID] = a
			}
		}
		for _, s := range x.Statements {
			busy[s.Speaker]++
			for _, m := range s.Mentions {
				busy[m]++
			}
		}
	}
	var persons []pledgegraph.Actor
	for _, a := range names {
		persons = append(persons, a)
	}
	slices.SortFunc(persons, func(a, b pledgegraph.Actor) int {
		return cmp.Or(busy[b.ID]-busy[a.ID], strings.Compare(a.ID, b.ID))
	})
	first, last, _ := strings.Cut(persons[0].Name, " ")
	second, last2, _ := strings.Cut(persons[1].Name, " ")
	var qs []string
	qs = append(qs,
		first[:len(first)-1],                     // prefix of a first name
		last2[:min(len(last2), 5)],               // prefix of a surname
		persons[0].Name,                          // a full name
		last[:2]+last[3:],                        // a letter dropped
		second+" "+last2[:len(last2)-1]+"x",      // full name, last letter wrong
		"ceasefire troops",                       // words of statements
		"humanitarian aid",                       // a commitment's action
		last+" sanctions",                        // a name and a word
		"security guarantees monitoring mission", // many words
	)
	return qs
}
