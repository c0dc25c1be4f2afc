package store

import (
	"context"
	"database/sql"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// The PostgreSQL store keeps the planner's statistics of tables quads and
// nodes fresh itself. Its reads ask for rows by = ANY(hashes); without
// statistics (a table never analyzed) the planner guesses how many rows a
// hash matches and picks bad plans: on 2 000 articles just loaded (750 000
// quads), a batch read of 104 statements took 130 ms before ANALYZE and
// 12 ms after (TestPostgresAnalyzeEffect). Autovacuum would analyze the
// tables eventually, but a bulk load goes faster than it wakes up (and some
// servers run without it); so
//   - Open analyzes the tables that hold rows and were never analyzed, or
//     whose rows changed by more than analyzeFloor + analyzeFraction of what
//     they held at their last analyze (pg_stat_user_tables: one query when
//     nothing is due), before the store answers anything. "Holds rows" is
//     the size of its file, not n_live_tup: PostgreSQL's counters start at
//     zero in a database copied from a template or after a crash;
//   - every write counts, in process, the rows it added or changed, and once
//     they pass the same threshold the store analyzes the tables in the
//     background, one analysis at a time: the writer does not wait. Loading
//     2 000 articles ran 21 analyses of 50–490 ms each (2.7 s in all, 47 s
//     for the load, which took 45–46 s without them).
//
// The generation table is left alone: one row, read by its primary key, for
// which statistics change no plan.
//
// Several servers may do this at once: ANALYZE (SKIP_LOCKED) skips a table
// another session is analyzing (it conflicts with itself) rather than
// waiting for it; so does PostgreSQL, with a warning only, for a table the
// role does not own. Both are logged as skipped. A failure (a lost
// connection, a timeout) is logged, never returned: statistics are an
// optimization. SKIP_LOCKED needs PostgreSQL 12 or later.
const (
	analyzeFloor    = 10000
	analyzeFraction = 0.2
	// analyzeTimeout bounds one analysis. ANALYZE reads a sample of at most
	// 30 000 pages per table at the default statistics target, so its cost
	// stops growing with the table: 0.1–0.2 s at 750 000 quads here.
	analyzeTimeout = 2 * time.Minute
)

// analyzedTables are the tables the store keeps analyzed, in the order of
// pgAnalyzer.tables.
var analyzedTables = [2]string{"quads", "nodes"}

// analyzeStatsSQL reads, for each table in analyzedTables, what the decision
// needs. Names are resolved through the search path, as Cayley's statements
// are.
const analyzeStatsSQL = `SELECT c.relname, c.reltuples, s.n_mod_since_analyze,
	greatest(s.last_analyze, s.last_autoanalyze), pg_relation_size(c.oid)
	FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
	WHERE c.oid = ANY(ARRAY[to_regclass('quads'), to_regclass('nodes')]::oid[])`

// pgAnalyzer decides when to analyze the tables and does it.
type pgAnalyzer struct {
	db  *sql.DB
	log *slog.Logger
	// ctx ends at close, which cancels an analysis in progress: the next
	// Open analyzes what is still due.
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	tables  [len(analyzedTables)]tableChanges
	running bool
}

// tableChanges is what the analyzer knows of one table: the rows it held at
// its last analyze, and the rows added or changed since (by this process,
// and by others before Open).
type tableChanges struct {
	rows    float64
	changed int64
}

func (c tableChanges) due() bool {
	return float64(c.changed) > analyzeFloor+analyzeFraction*c.rows
}

// tableStats is one row of analyzeStatsSQL.
type tableStats struct {
	name      string
	rows      float64 // reltuples: -1 before the first analyze (PostgreSQL 14+)
	changed   int64   // n_mod_since_analyze
	analyzed  sql.NullTime
	sizeBytes int64
}

func newPGAnalyzer(db *sql.DB, log *slog.Logger) *pgAnalyzer {
	ctx, cancel := context.WithCancel(context.Background())
	return &pgAnalyzer{db: db, log: log, ctx: ctx, cancel: cancel}
}

// atOpen analyzes the tables that need it (see above), and starts counting
// from what the database says the tables hold and how much of them changed
// since their last analyze.
func (a *pgAnalyzer) atOpen(ctx context.Context) {
	before, err := a.stats(ctx)
	if err != nil {
		a.log.Warn("store: cannot read the tables' statistics; not analyzing them", "err", err)
		return
	}
	var due []string
	for _, name := range analyzedTables {
		t, ok := before[name]
		if !ok {
			continue
		}
		switch {
		case !t.analyzed.Valid && t.sizeBytes > 0:
			due = append(due, t.name)
			a.log.Info("store: table never analyzed", "table", t.name, "bytes", t.sizeBytes)
		case (tableChanges{rows: max(t.rows, 0), changed: t.changed}).due():
			due = append(due, t.name)
			a.log.Info("store: table changed since its last analyze", "table", t.name,
				"rows", int64(max(t.rows, 0)), "changed", t.changed, "analyzed", t.analyzed.Time)
		}
	}
	after := before
	if len(due) > 0 {
		if after = a.analyze(ctx, "open", due, before); after == nil {
			after = before
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for i, name := range analyzedTables {
		if t, ok := after[name]; ok {
			a.tables[i] = tableChanges{rows: max(t.rows, 0), changed: t.changed}
		}
	}
}

// wrote counts the rows a committed write added to quads and changed in
// nodes (each distinct node of the write is inserted, or has its refs
// updated), and starts an analysis in the background when a table is due
// and none is running. No query.
func (a *pgAnalyzer) wrote(quads, nodes int) {
	a.mu.Lock()
	a.tables[0].changed += int64(quads)
	a.tables[1].changed += int64(nodes)
	if a.running || a.ctx.Err() != nil {
		a.mu.Unlock()
		return
	}
	var (
		due     []string
		counted [len(analyzedTables)]int64
	)
	for i, t := range a.tables {
		if t.due() {
			due = append(due, analyzedTables[i])
			counted[i] = t.changed
		}
	}
	if len(due) == 0 {
		a.mu.Unlock()
		return
	}
	a.running = true
	a.wg.Add(1)
	a.mu.Unlock()
	go func() {
		defer a.wg.Done()
		ctx, cancel := context.WithTimeout(a.ctx, analyzeTimeout)
		defer cancel()
		after := a.analyze(ctx, "written", due, nil)
		a.mu.Lock()
		defer a.mu.Unlock()
		a.running = false
		for i, name := range analyzedTables {
			if counted[i] == 0 {
				continue
			}
			// Counted whether or not the analysis succeeded, so that a
			// table the role cannot analyze is tried again after as many
			// rows more, not after every write. Rows written meanwhile
			// stay counted.
			a.tables[i].changed -= counted[i]
			if t, ok := after[name]; ok {
				a.tables[i].rows = max(t.rows, 0)
			}
		}
	}()
}

// wait waits for the analysis in progress, if any.
func (a *pgAnalyzer) wait() { a.wg.Wait() }

// close cancels the analysis in progress and waits for it to end. Under mu,
// so that wrote starts no analysis once close has begun.
func (a *pgAnalyzer) close() {
	a.mu.Lock()
	a.cancel()
	a.mu.Unlock()
	a.wg.Wait()
}

// analyze runs ANALYZE on the tables and logs what it did and how long it
// took; it returns the tables' statistics afterwards (nil after a failure).
// before, the statistics read just before when the caller has them, tells
// which tables were skipped (another session was analyzing them, or the
// role does not own them: PostgreSQL then only warns).
func (a *pgAnalyzer) analyze(ctx context.Context, why string, tables []string, before map[string]tableStats) map[string]tableStats {
	var err error
	if before == nil {
		if before, err = a.stats(ctx); err != nil {
			a.failed(ctx, why, tables, err)
			return nil
		}
	}
	start := time.Now()
	if _, err = a.db.ExecContext(ctx, "ANALYZE (SKIP_LOCKED) "+strings.Join(tables, ", ")); err != nil {
		a.failed(ctx, why, tables, err)
		return nil
	}
	took := time.Since(start)
	after, err := a.stats(ctx)
	if err != nil {
		a.failed(ctx, why, tables, err)
		return nil
	}
	attrs := []any{"why", why, "took", took.Round(time.Millisecond)}
	var done, skipped []string
	for _, name := range tables {
		b, t := before[name], after[name]
		if !t.analyzed.Valid || (b.analyzed.Valid && !t.analyzed.Time.After(b.analyzed.Time)) {
			skipped = append(skipped, name)
			continue
		}
		done = append(done, name)
		attrs = append(attrs, slog.Int64(name+"_rows", int64(t.rows)))
	}
	if len(done) > 0 {
		a.log.Info("store: analyzed tables for the query planner", append(attrs, "tables", strings.Join(done, ","))...)
	}
	if len(skipped) > 0 {
		a.log.Info("store: tables not analyzed: another session is analyzing them, or the role does not own them",
			"why", why, "tables", strings.Join(skipped, ","))
	}
	return after
}

func (a *pgAnalyzer) failed(ctx context.Context, why string, tables []string, err error) {
	level := slog.LevelWarn
	if a.ctx.Err() != nil {
		level = slog.LevelDebug // the store is closing
	}
	a.log.Log(ctx, level, "store: analyze failed; the planner's statistics may be stale",
		"why", why, "tables", strings.Join(tables, ","), "err", err)
}

// stats reads the statistics of the tables: one query.
func (a *pgAnalyzer) stats(ctx context.Context) (map[string]tableStats, error) {
	rows, err := a.db.QueryContext(ctx, analyzeStatsSQL)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]tableStats, len(analyzedTables))
	for rows.Next() {
		var t tableStats
		if err := rows.Scan(&t.name, &t.rows, &t.changed, &t.analyzed, &t.sizeBytes); err != nil {
			return nil, err
		}
		out[t.name] = t
	}
	return out, rows.Err()
}
