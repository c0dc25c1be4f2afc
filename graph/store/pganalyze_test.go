package store

import (
	"bytes"
	"context"
	"database/sql"
	"log/slog"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lib/pq"

	"pledgegraph"
)

// logBuffer is a logger whose output a test reads.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(&lockedWriter{w: &l.buf, mu: &l.mu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// tableState is what PostgreSQL says of one of the analyzed tables.
type tableState struct {
	analyzed bool    // last_analyze or last_autoanalyze set
	rows     float64 // reltuples: -1 before the first analyze
	changed  int64   // n_mod_since_analyze
}

// pgTables reads the state of tables quads and nodes of the database dsn, on
// a connection of its own.
func pgTables(t *testing.T, dsn string) map[string]tableState {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT c.relname, s.last_analyze IS NOT NULL OR s.last_autoanalyze IS NOT NULL, c.reltuples, s.n_mod_since_analyze
		FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname IN ('quads', 'nodes')`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]tableState{}
	for rows.Next() {
		var (
			name string
			st   tableState
		)
		if err := rows.Scan(&name, &st.analyzed, &st.rows, &st.changed); err != nil {
			t.Fatal(err)
		}
		out[name] = st
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 {
		t.Fatalf("pg_stat_user_tables lists %v, want quads and nodes", out)
	}
	return out
}

// benchBatch is documents [from, to) of the synthetic corpus (benchDoc:
// about 660 quads each).
func benchBatch(from, to int) []pledgegraph.DocumentTriples {
	fs := make([]docFixture, 0, to-from)
	for i := from; i < to; i++ {
		fs = append(fs, benchDoc(i))
	}
	return batchOf(fs...)
}

func writeBatchOK(t *testing.T, s *Store, docs []pledgegraph.DocumentTriples) {
	t.Helper()
	res, err := s.WriteBatch(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Err != nil || !r.Created {
			t.Fatalf("WriteBatch: document %d: created %v, err %v", i, r.Created, r.Err)
		}
	}
}

// loadUnanalyzed writes documents [0, n) of the synthetic corpus into the
// database dsn with the store's analysis stopped, as an older version of
// the store (or a bulk load before autovacuum wakes up) leaves it, and
// waits until PostgreSQL's statistics count the rows (its backends report
// them at most once a second, and at exit).
func loadUnanalyzed(t *testing.T, dsn string, n int) {
	t.Helper()
	s := openPostgresAt(t, dsn)
	s.b.(*postgresBackend).an.close()
	writeBatchOK(t, s, benchBatch(0, n))
	s.Close()
	waitChanged(t, dsn, "quads", int64(n)*600)
}

// waitChanged waits until n_mod_since_analyze of table reaches at least n.
func waitChanged(t *testing.T, dsn, table string, n int64) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		st := pgTables(t, dsn)[table]
		if st.changed >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: n_mod_since_analyze %d after 20 s, want ≥ %d", table, st.changed, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestPostgresAnalyzeAfterWrites: writes that add more than analyzeFloor
// rows to an unanalyzed table (in one batch, or in many small writes)
// analyze the tables they grew, in the background; fewer rows analyze
// nothing.
func TestPostgresAnalyzeAfterWrites(t *testing.T) {
	for _, c := range []struct {
		name   string
		writes [][]pledgegraph.DocumentTriples
		want   map[string]bool // table → analyzed
	}{
		{"one document", [][]pledgegraph.DocumentTriples{batchOf(fixtureA())},
			map[string]bool{"quads": false, "nodes": false}},
		{"a batch of 5 documents (3 300 quads)", [][]pledgegraph.DocumentTriples{benchBatch(0, 5)},
			map[string]bool{"quads": false, "nodes": false}},
		// 26 000 quads over 2 transactions; about 3 000 distinct
		// nodes: quads only.
		{"a batch of 40 documents", [][]pledgegraph.DocumentTriples{benchBatch(0, 40)},
			map[string]bool{"quads": true, "nodes": false}},
		{"20 writes of one document", func() (ws [][]pledgegraph.DocumentTriples) {
			for i := range 20 {
				ws = append(ws, benchBatch(i, i+1))
			}
			return ws
		}(), map[string]bool{"quads": true, "nodes": false}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dsn := freshPostgresDSN(t)
			var logs logBuffer
			s, err := Open(ctx, Config{Backend: BackendPostgres, Path: dsn, Logger: logs.logger()})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for _, w := range c.writes {
				writeBatchOK(t, s, w)
			}
			s.b.(*postgresBackend).an.wait()
			got := pgTables(t, dsn)
			var want []string
			for _, table := range analyzedTables {
				if got[table].analyzed != c.want[table] {
					t.Errorf("%s analyzed = %v, want %v (%+v)\nlog:\n%s", table, got[table].analyzed, c.want[table], got[table], logs.String())
				}
				if c.want[table] {
					want = append(want, table)
					if got[table].rows <= 0 {
						t.Errorf("%s reltuples = %v after its analysis", table, got[table].rows)
					}
				}
			}
			checkAnalyzedLog(t, logs.String(), want)
		})
	}
}

// checkAnalyzedLog checks that log says, in one line with its duration,
// that the tables were analyzed; or, for none, that it mentions no
// analysis.
func checkAnalyzedLog(t *testing.T, log string, tables []string) {
	t.Helper()
	line := logLine(log, "analyzed tables")
	if len(tables) == 0 && line != "" {
		t.Errorf("log mentions an analysis:\n%s", log)
	}
	if len(tables) > 0 && (!strings.Contains(line, "tables="+strings.Join(tables, ",")) || !strings.Contains(line, "took=")) {
		t.Errorf("log line %q does not say that %v were analyzed and how long it took; log:\n%s", line, tables, log)
	}
}

// logLine returns the first line of log that contains s, or "".
func logLine(log, s string) string {
	for line := range strings.Lines(log) {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}

// TestPostgresAnalyzeAtOpen: Open analyzes tables that hold rows and were
// never analyzed, or that changed by more than the threshold since their
// last analysis, and logs it; it leaves an empty database and freshly
// analyzed tables alone.
func TestPostgresAnalyzeAtOpen(t *testing.T) {
	for _, c := range []struct {
		name    string
		prepare func(t *testing.T, dsn string)
		want    map[string]bool // table → analyzed at Open
	}{
		{"empty database", func(t *testing.T, dsn string) { openPostgresAt(t, dsn).Close() },
			map[string]bool{"quads": false, "nodes": false}},
		{"loaded, never analyzed", func(t *testing.T, dsn string) { loadUnanalyzed(t, dsn, 40) },
			map[string]bool{"quads": true, "nodes": true}},
		{"analyzed, then a few documents", func(t *testing.T, dsn string) {
			loadUnanalyzed(t, dsn, 40)
			analyzeAll(t, dsn)
			s := openPostgresAt(t, dsn)
			writeBatchOK(t, s, benchBatch(40, 45)) // 3 300 quads, under the floor
			s.Close()
			waitChanged(t, dsn, "quads", 3000)
		}, map[string]bool{"quads": false, "nodes": false}},
		{"analyzed, then twice as many", func(t *testing.T, dsn string) {
			loadUnanalyzed(t, dsn, 30)
			analyzeAll(t, dsn)
			s := openPostgresAt(t, dsn)
			s.b.(*postgresBackend).an.close()
			writeBatchOK(t, s, benchBatch(30, 60)) // 20 000 quads
			s.Close()
			waitChanged(t, dsn, "quads", 19000)
			// nodes: a few thousand rows added or changed, under the
			// floor.
		}, map[string]bool{"quads": true, "nodes": false}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dsn := freshPostgresDSN(t)
			c.prepare(t, dsn)
			before := pgTables(t, dsn)
			var logs logBuffer
			s, err := Open(ctx, Config{Backend: BackendPostgres, Path: dsn, Logger: logs.logger()})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			after := pgTables(t, dsn)
			var want []string
			for _, table := range analyzedTables {
				b, a := before[table], after[table]
				analyzed := a.analyzed && (!b.analyzed || a.changed < b.changed)
				if analyzed != c.want[table] {
					t.Errorf("%s: analyzed at Open = %v, want %v (before %+v, after %+v)\nlog:\n%s", table, analyzed, c.want[table], b, a, logs.String())
				}
				if c.want[table] {
					want = append(want, table)
					if a.rows <= 0 {
						t.Errorf("%s: reltuples %v after Open", table, a.rows)
					}
				}
			}
			checkAnalyzedLog(t, logs.String(), want)
		})
	}
}

func analyzeAll(t *testing.T, dsn string) {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("ANALYZE quads, nodes"); err != nil {
		t.Fatal(err)
	}
}

// TestPostgresAnalyzeConcurrentOpens: servers starting together on a loaded,
// never analyzed database all open; the tables end up analyzed; a table
// another session is analyzing (here: holds the lock ANALYZE takes) is
// skipped and logged, not waited for and not an error, and analyzed at the
// next Open.
func TestPostgresAnalyzeConcurrentOpens(t *testing.T) {
	dsn := freshPostgresDSN(t)
	loadUnanalyzed(t, dsn, 40)

	// The lock ANALYZE takes on nodes, held meanwhile by another session.
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("LOCK TABLE nodes IN SHARE UPDATE EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	var (
		wg   sync.WaitGroup
		logs [4]logBuffer
	)
	for i := range logs {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			s, err := Open(ctx, Config{Backend: BackendPostgres, Path: dsn, Logger: logs[i].logger()})
			if err != nil {
				t.Errorf("Open %d: %v", i, err)
				return
			}
			s.Close()
		})
	}
	wg.Wait()
	if got := pgTables(t, dsn); !got["quads"].analyzed || got["nodes"].analyzed {
		t.Errorf("after the opens: %+v, want quads analyzed and nodes not", got)
	}
	skipped := 0
	for i := range logs {
		out := logs[i].String()
		if strings.Contains(out, "analyze failed") || strings.Contains(out, "cannot read the tables' statistics") {
			t.Errorf("Open %d logged a failure:\n%s", i, out)
		}
		if strings.Contains(logLine(out, "tables not analyzed"), "nodes") {
			skipped++
		}
	}
	if skipped == 0 {
		t.Errorf("no Open logged that it skipped nodes")
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	openPostgresAt(t, dsn).Close()
	if got := pgTables(t, dsn); !got["nodes"].analyzed {
		t.Errorf("nodes not analyzed by the Open after the lock: %+v", got)
	}
}

// TestPostgresAnalyzeFailureIsLogged: an analysis that fails (here: its
// connections are closed) is a warning in the log, never an error of Open
// or of the write; and the rows that triggered it are not counted again, so
// the next small write does not try again.
func TestPostgresAnalyzeFailureIsLogged(t *testing.T) {
	db, err := sql.Open("postgres", freshPostgresDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	var logs logBuffer
	a := newPGAnalyzer(db, logs.logger())
	defer a.close()

	a.atOpen(ctx)
	if out := logs.String(); !strings.Contains(out, "level=WARN") || !strings.Contains(out, "cannot read the tables' statistics") {
		t.Errorf("atOpen on a closed pool logged:\n%s", out)
	}
	for _, w := range []struct{ quads, nodes, wantFailures int }{
		{analyzeFloor + 1, 0, 1}, // due: tried, fails
		{100, 100, 1},            // counted from zero again: not due
		{analyzeFloor, 0, 2},     // due again
	} {
		a.wrote(w.quads, w.nodes)
		a.wait()
		if got := strings.Count(logs.String(), "analyze failed"); got != w.wantFailures {
			t.Errorf("after wrote(%d, %d): %d failures logged, want %d:\n%s", w.quads, w.nodes, got, w.wantFailures, logs.String())
		}
	}
	if !strings.Contains(logs.String(), "level=WARN msg=\"store: analyze failed") {
		t.Errorf("the failure is not a warning:\n%s", logs.String())
	}
}

// TestPostgresAnalyzeEffect measures what the analysis at Open does for a
// batch read on a database loaded without analysis: a copy of the database
// $PLEDGEGRAPH_ANALYZE_TEMPLATE (for example 2 000 articles of cmd/corpus
// loaded with a loader that does not analyze), read first as is, then after
// the analysis Open makes. Skipped when the variable is unset.
//
//	go run ./cmd/corpus -n 2000 -seed 1 -out /tmp/c2000
//	createdb -h 127.0.0.1 -U postgres anz_tpl
//	(loader without this change) --store postgres --db 'postgres://postgres@127.0.0.1:5432/anz_tpl?sslmode=disable' /tmp/c2000
//	PLEDGEGRAPH_ANALYZE_TEMPLATE=anz_tpl go test -run TestPostgresAnalyzeEffect -v ./graph/store/
func TestPostgresAnalyzeEffect(t *testing.T) {
	tpl := os.Getenv("PLEDGEGRAPH_ANALYZE_TEMPLATE")
	if tpl == "" {
		t.Skip("PLEDGEGRAPH_ANALYZE_TEMPLATE unset")
	}
	dsn := freshPostgresDSN(t)
	admin, err := sql.Open("postgres", postgresAdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := dsn[strings.LastIndex(dsn, "/")+1:]
	name = name[:strings.IndexByte(name+"?", '?')]
	if _, err := admin.Exec("DROP DATABASE " + pq.QuoteIdentifier(name)); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec("CREATE DATABASE " + pq.QuoteIdentifier(name) + " TEMPLATE " + pq.QuoteIdentifier(tpl)); err != nil {
		t.Fatal(err)
	}
	installClog(nil) // Cayley's messages dropped, as Open does
	var logs logBuffer
	pb, err := connectPostgres(ctx, dsn, logs.logger())
	if err != nil {
		t.Fatal(err)
	}
	// Uncached, as pglarge_test: every call reads the database.
	s := &Store{b: pb, backend: BackendPostgres, log: logs.logger()}
	defer s.Close()

	// 20 batches of 104 statement IDs and of 100 document IDs, the same
	// before and after.
	var stmts, docs []string
	for _, q := range []struct {
		prefix string
		ids    *[]string
	}{{"stmt:", &stmts}, {"doc:", &docs}} {
		rows, err := pb.db.Query("SELECT value_string FROM nodes WHERE iri AND value_string LIKE $1 ORDER BY hash", q.prefix+"%")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			*q.ids = append(*q.ids, id)
		}
		rows.Close()
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(ids []string, n int) [][]string {
		var out [][]string
		for range 20 {
			var b []string
			for _, i := range rng.Perm(len(ids))[:n] {
				b = append(b, ids[i])
			}
			out = append(out, b)
		}
		return out
	}
	stmtBatches, docBatches := pick(stmts, 104), pick(docs, 100)
	t.Logf("%d statements, %d documents in %s", len(stmts), len(docs), tpl)
	measure := func(when string) {
		for _, c := range []struct {
			name string
			call func(ids []string) error
			ids  [][]string
		}{
			{"Statements(104 IDs)", func(ids []string) error { _, err := s.Statements(ctx, ids); return err }, stmtBatches},
			{"Documents(100 IDs)", func(ids []string) error { _, err := s.Documents(ctx, ids); return err }, docBatches},
		} {
			var times []time.Duration
			for _, ids := range c.ids {
				start := time.Now()
				if err := c.call(ids); err != nil {
					t.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			first := times[0]
			slices.Sort(times)
			t.Logf("%-6s %-30s first %9v  p50 %9v  max %9v  (20 batches)", when, c.name,
				first.Round(time.Microsecond), times[len(times)/2].Round(time.Microsecond), times[len(times)-1].Round(time.Microsecond))
		}
	}
	measure("before")
	measure("before") // again, the pages read once now cached
	start := time.Now()
	pb.an.atOpen(ctx)
	t.Logf("analysis at Open: %v\n%s", time.Since(start).Round(time.Millisecond), logs.String())
	measure("after")
}
