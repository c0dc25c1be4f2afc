package bench

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/lib/pq"

	"pledgegraph/graph"
	"pledgegraph/graph/search"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse"
	"pledgegraph/ingest"
	"pledgegraph/loader/pipeline"
)

// Settings, from the environment (the Makefile passes them):
//
//	BENCH_N        articles to generate and load; a comma-separated list runs
//	               each size in turn [1000,10000]
//	BENCH_BACKENDS the store backends to run, comma-separated: bolt,
//	               postgres [bolt,postgres]; postgres only when reachable
//	BENCH_DIR      keep the corpus, the Bolt store and its search index
//	               there, and the PostgreSQL database (pledgegraph_bench_<n>)
//	               with its search index (<n>/postgres.search), and reuse them
//	               on the next run instead of generating and loading again
//	               (for iterating on query speed); default: a temporary
//	               directory and a database dropped at the end, whose search
//	               index is in memory as the server's is by default
//	BENCH_CLIENTS  concurrent clients [8]
//	BENCH_REQUESTS requests per query kind [200]
//	BENCH_PROFILE  write a CPU profile of each query kind's load into this
//	               directory (<backend>-<n>-<query>.pprof; go tool pprof)
//	BENCH_PG_DSN   PostgreSQL server to load into as well
//	               [postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable];
//	               "off" skips PostgreSQL. A fresh database is created and dropped.
func sizes() []int {
	var out []int
	for _, f := range strings.Split(os.Getenv("BENCH_N"), ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		out = []int{1000, 10000}
	}
	return out
}

// backendNames returns the backends BENCH_BACKENDS names, in its order.
func backendNames(b *testing.B) []string {
	v := strings.TrimSpace(os.Getenv("BENCH_BACKENDS"))
	if v == "" {
		return []string{store.BackendBolt, store.BackendPostgres}
	}
	var out []string
	for _, f := range strings.Split(v, ",") {
		switch name := strings.TrimSpace(f); name {
		case store.BackendBolt, store.BackendPostgres:
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		case "":
		default:
			b.Fatalf("BENCH_BACKENDS: unknown backend %q (want bolt, postgres)", name)
		}
	}
	return out
}

func setting(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchmarkService prints load throughput, store size, peak RSS and query
// latencies for each size and each reachable backend. Run: make bench
// [N=1000,10000].
func BenchmarkService(b *testing.B) {
	if os.Getenv("GOGC") == "" {
		// As the server runs (server/main.go).
		defer debug.SetGCPercent(debug.SetGCPercent(graph.DefaultGCPercent))
	}
	for _, n := range sizes() {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			dir := os.Getenv("BENCH_DIR")
			if dir == "" {
				dir = b.TempDir()
			} else {
				dir = filepath.Join(dir, strconv.Itoa(n))
			}
			corpus := filepath.Join(dir, "corpus")
			if _, err := os.Stat(corpus); err != nil {
				cmd := exec.Command("go", "run", "./cmd/corpus", "-n", strconv.Itoa(n), "-seed", "1", "-out", corpus)
				cmd.Dir = ".."
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("generate corpus: %v\n%s", err, out)
				}
			}
			if real, err := filepath.EvalSymlinks(corpus); err == nil {
				corpus = real // a corpus linked from another BENCH_DIR (the loader skips links)
			}
			// ixPath is the search index's directory; "" keeps it in memory.
			type backend struct{ name, path, ixPath string }
			var backends []backend
			for _, name := range backendNames(b) {
				switch name {
				case store.BackendBolt:
					path := filepath.Join(dir, "bench.db")
					backends = append(backends, backend{name, path, search.DefaultPath(path)})
				case store.BackendPostgres:
					if dsn := pgDSN(b, n); dsn != "" {
						ixPath := ""
						if os.Getenv("BENCH_DIR") != "" {
							ixPath = filepath.Join(dir, "postgres.search")
						}
						backends = append(backends, backend{name, dsn, ixPath})
					}
				}
			}
			for _, be := range backends {
				b.Run(be.name, func(b *testing.B) {
					for b.Loop() {
						runService(b, be.name, be.path, be.ixPath, corpus, n)
					}
				})
			}
		})
	}
}

// pgDSN creates a fresh database for the run and drops it at cleanup, or
// returns "" when PostgreSQL is not reachable.
func pgDSN(b *testing.B, n int) string {
	admin := os.Getenv("BENCH_PG_DSN")
	if admin == "off" {
		return ""
	}
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=3"
	}
	db, err := sql.Open("postgres", admin)
	if err != nil {
		return ""
	}
	if err := db.Ping(); err != nil {
		fmt.Printf("postgres: not reachable (%v); skipped\n", err)
		_ = db.Close()
		return ""
	}
	name := fmt.Sprintf("pledgegraph_bench_%d_%d", n, time.Now().UnixNano())
	if os.Getenv("BENCH_DIR") != "" {
		// Kept, like the Bolt store, for the next run to reuse.
		name = fmt.Sprintf("pledgegraph_bench_%d", n)
		_ = db.Close()
	} else {
		b.Cleanup(func() {
			_, _ = db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			_ = db.Close()
		})
	}
	return strings.Replace(admin, "/postgres?", "/"+name+"?", 1)
}

func runService(b *testing.B, backend, path, ixPath, corpus string, n int) {
	ctx := context.Background()
	quiet := slog.New(slog.DiscardHandler)
	// Start-up as the server does it, each phase timed: open the store and
	// the search index, Sync the index with the store, build the adjacency
	// copy. On a loaded store (BENCH_DIR) these are a restart's costs.
	var phases []string
	phase := func(name string, start time.Time) {
		phases = append(phases, fmt.Sprintf("%s %s", name, time.Since(start).Round(time.Millisecond)))
	}
	t := time.Now()
	st, err := store.Open(ctx, store.Config{Backend: backend, Path: path})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	phase("open store", t)
	t = time.Now()
	idx, err := search.Open(ctx, search.Config{Path: ixPath, Logger: quiet})
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	phase("open index", t)
	t = time.Now()
	synced, err := idx.Sync(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	phase(fmt.Sprintf("index sync (%d docs, %d actors indexed)", synced.Documents, synced.Actors), t)
	check := time.Duration(-1)
	if backend == store.BackendPostgres {
		check = 2 * time.Second
	}
	adj := traverse.NewAdjacency(st, traverse.AdjacencyConfig{CheckEvery: check, Logger: quiet})
	defer adj.Close()
	t = time.Now()
	if err := adj.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	phase(fmt.Sprintf("adjacency (%d docs, %d edges)", adj.Stats().Documents, adj.Stats().Edges), t)
	p, err := pipeline.New()
	if err != nil {
		b.Fatal(err)
	}
	ing := ingest.New(st, p, nil, idx, ingest.Edges(adj))

	stats, err := st.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	reused := stats.Documents >= n // BENCH_DIR kept a loaded store
	var (
		sum  ingest.Summary
		took time.Duration
	)
	if !reused {
		start := time.Now()
		if sum, err = ing.LoadPaths(ctx, []string{corpus}, nil); err != nil {
			b.Fatal(err)
		}
		took = time.Since(start)
		if stats, err = st.Stats(ctx); err != nil {
			b.Fatal(err)
		}
	}
	size := "n/a (server-side)"
	if backend == store.BackendBolt {
		size = fmt.Sprintf("%.1f MiB store + %.1f MiB search index", mib(dirSize(path)), mib(dirSize(ixPath)))
	} else if ixPath != "" {
		size = fmt.Sprintf("n/a (server-side) + %.1f MiB search index", mib(dirSize(ixPath)))
	}
	fmt.Printf("\n== %s, %d articles ==\n", backend, n)
	fmt.Printf("start-up: %s\n", strings.Join(phases, ", "))
	if reused {
		fmt.Printf("load: reused the store in BENCH_DIR (%d docs, %d quads; %d actors, %d statements, %d commitments)\n",
			stats.Documents, stats.Quads, stats.Actors, stats.Statements, stats.Commitments)
	} else {
		fmt.Printf("load: %d docs in %s: %.1f docs/s, %.0f quads/s (%d quads; %d actors, %d statements, %d commitments; %d skipped)\n",
			sum.Documents, took.Round(time.Millisecond), float64(sum.Documents)/took.Seconds(), float64(sum.Quads)/took.Seconds(),
			stats.Quads, stats.Actors, stats.Statements, stats.Commitments, len(sum.Skipped))
		b.ReportMetric(float64(sum.Documents)/took.Seconds(), "docs/s")
	}
	fmt.Printf("size: %s\n", size)

	h := graph.NewHandler(graph.Options{Store: st, Graph: adj, Search: idx, Logger: quiet})
	srv := httptest.NewServer(h)
	defer srv.Close()

	// Query the busiest actors, so latencies are those of real hubs.
	actors := busiest(b, srv.URL, 2)
	fmt.Printf("queries: %d clients, %d requests each kind; actors %q and %q\n",
		setting("BENCH_CLIENTS", 8), setting("BENCH_REQUESTS", 200), actors[0], actors[1])
	// target is the p99 goal for 10k documents on Bolt.
	queries := []struct {
		name, query string
		target      time.Duration
	}{
		{"actor", `query($a: String!) { actor(name: $a) { id name kind aliases country { name } } }`, 20 * time.Millisecond},
		{"statements(speaker:)", `query($a: String!) { statements(speaker: $a, first: 20) { totalCount nodes { text document { title } mentions { name } } } }`, 20 * time.Millisecond},
		{"neighborhood(depth: 2)", `query($a: String!) { neighborhood(of: $a, depth: 2) { truncated nodes { id label type kind } edges { source target predicate documents { id } } } }`, 20 * time.Millisecond},
		{"path(maxDepth: 4)", `query($a: String!, $b: String!) { path(from: $a, to: $b, maxDepth: 4) { length nodes { id label } edges { predicate documents { id } } } }`, 100 * time.Millisecond},
		{"search", `query($a: String!) { search(text: $a, first: 10) { totalCount nodes { id type snippet } } }`, 20 * time.Millisecond},
	}
	// search: every request a text of its own (prefixes, names, misspelt
	// names: see searchTexts), so the index's result cache answers none;
	// then one text again and again, which it answers (informational).
	texts := searchTexts(b, srv.URL, setting("BENCH_REQUESTS", 200)+1)
	for _, q := range queries {
		vars := map[string]any{"a": actors[0], "b": actors[1]}
		varsOf := func(int) map[string]any { return vars }
		name := q.name
		if q.name == "search" {
			name = fmt.Sprintf("search (%d texts)", len(texts))
			varsOf = func(i int) map[string]any { return map[string]any{"a": texts[(i+1)%len(texts)]} }
		}
		stop := startProfile(b, fmt.Sprintf("%s-%d-%s", backend, n, q.name))
		lat, errs := hammerEach(srv.URL, q.query, varsOf)
		stop()
		verdict := "met"
		if p99(lat) > q.target {
			verdict = "MISSED"
		}
		fmt.Printf("%-24s p50 %8s  p99 %8s  (%d requests, %d errors; p99 target %s: %s)\n", name,
			pct(lat, 50), pct(lat, 99), len(lat), errs, q.target, verdict)
		if q.name == "search" {
			first := strings.Fields(actors[0])[0]
			lat, errs := hammer(srv.URL, q.query, map[string]any{"a": first[:max(3, len(first)-1)]})
			fmt.Printf("%-24s p50 %8s  p99 %8s  (%d requests, %d errors; the same text each time: the result cache)\n", "search (one text)",
				pct(lat, 50), pct(lat, 99), len(lat), errs)
		}
	}
	fmt.Printf("peak RSS: %s\n", peakRSS())
}

// busiest returns the names of the k actors with most statements.
func busiest(b *testing.B, url string, k int) []string {
	var got struct {
		Data struct {
			Actors struct {
				Nodes []struct {
					Name       string
					Statements struct{ TotalCount int }
				}
			}
		}
	}
	body := post(url, `{ actors(kind: PERSON, first: 100) { nodes { name statements(first: 0) { totalCount } } } }`, nil)
	if err := json.Unmarshal(body, &got); err != nil || len(got.Data.Actors.Nodes) < k {
		b.Fatalf("actors: %s", body)
	}
	ns := got.Data.Actors.Nodes
	slices.SortStableFunc(ns, func(x, y struct {
		Name       string
		Statements struct{ TotalCount int }
	}) int {
		return y.Statements.TotalCount - x.Statements.TotalCount
	})
	out := make([]string, k)
	for i := range k {
		out[i] = ns[i].Name
	}
	return out
}

// client keeps a connection per concurrent client alive, as a real
// client does (http.DefaultClient keeps 2 per host: the others would
// reconnect for every request).
var client = &http.Client{Transport: &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256}}

func post(url, query string, vars map[string]any) []byte {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return []byte(err.Error())
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return out
}

// hammer sends the query from BENCH_CLIENTS clients, BENCH_REQUESTS in all,
// and returns the latencies and the number of failed responses.
func hammer(url, query string, vars map[string]any) ([]time.Duration, int) {
	return hammerEach(url, query, func(int) map[string]any { return vars })
}

// hammerEach is hammer with the variables of request i given by varsOf.
func hammerEach(url, query string, varsOf func(i int) map[string]any) ([]time.Duration, int) {
	clients, total := setting("BENCH_CLIENTS", 8), setting("BENCH_REQUESTS", 200)
	post(url, query, varsOf(-1)) // warm the query cache
	var (
		mu   sync.Mutex
		lat  []time.Duration
		errs int
		wg   sync.WaitGroup
	)
	jobs := make(chan int, total)
	for i := range total {
		jobs <- i
	}
	close(jobs)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				vars := varsOf(i)
				t := time.Now()
				body := post(url, query, vars)
				d := time.Since(t)
				// A response with errors starts with them (gqlgen writes
				// "errors" before "data"): the clients share the server's
				// two cores, so they do not parse the whole answer.
				bad := !bytes.HasPrefix(body, []byte(`{"data":`))
				mu.Lock()
				lat = append(lat, d)
				if bad {
					errs++
					if errs == 1 {
						fmt.Printf("  error: %.300s\n", body)
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(lat)
	return lat, errs
}

// startProfile starts a CPU profile into BENCH_PROFILE when it is set.
func startProfile(b *testing.B, name string) (stop func()) {
	dir := os.Getenv("BENCH_PROFILE")
	if dir == "" {
		return func() {}
	}
	name = strings.Map(func(r rune) rune {
		if r == '(' || r == ')' || r == ':' || r == ' ' {
			return '_'
		}
		return r
	}, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name+".pprof"))
	if err != nil {
		b.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		b.Fatal(err)
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}
}

func p99(sorted []time.Duration) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[max(min(len(sorted)-1, (len(sorted)*99+99)/100-1), 0)]
}

func pct(sorted []time.Duration, p int) string {
	if len(sorted) == 0 {
		return "-"
	}
	i := min(len(sorted)-1, (len(sorted)*p+99)/100-1)
	return sorted[max(i, 0)].Round(10 * time.Microsecond).String()
}

func dirSize(path string) int64 {
	var n int64
	_ = filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }

// peakRSS reads the process's high-water resident set (Linux), or the Go
// heap's system memory elsewhere.
func peakRSS() string {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				return strings.TrimSpace(v) + " (whole benchmark process)"
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return fmt.Sprintf("%.0f MiB (Go runtime)", mib(int64(m.Sys)))
}
