package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" quad store
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"
)

// postgresBackend keeps its quads in Cayley's SQL schema (tables nodes and
// quads). Writes are our own (writeQuads, pgwrite.go): the rows Cayley's
// ApplyDeltas writes, in two statements per transaction instead of one or
// more per quad. Cayley's SQL optimizer turns
// a lookup of one value into SQL but falls back to one query per value for a
// set of values, and resolves each result value with a query of its own; so
// a read is two SQL statements over the same schema (the quads, = ANY($n)
// for sets, then the values of their nodes; see match) run on Cayley's
// connection pool.
//
// Several servers may share the database: every write transaction also
// increments the generation (table pledgegraph_generation), which each
// store reads before using what it cached (see nodeCache).
//
// The store keeps the planner's statistics of its tables fresh (field an;
// see pganalyze.go).
type postgresBackend struct {
	qs *csql.QuadStore
	db *sql.DB // our own pool on the same database, for writes: Cayley runs our queries, not transactions
	an *pgAnalyzer
	// cache, when set, hears of every transaction this backend commits,
	// with its generation.
	cache *nodeCache
}

// rawQuery is a SQL statement run through csql.QuadStore.Query.
type rawQuery struct {
	sql  string
	args []csql.Value
}

func (q rawQuery) SQL(*csql.Builder) string { return q.sql }
func (q rawQuery) Args() []csql.Value       { return q.args }
func (q rawQuery) Columns() []string        { return nil }

// sqlArg is a driver value passed through as is.
type sqlArg struct{ v any }

func (a sqlArg) SQLValue() any { return a.v }

// nodeColumns are the columns of table nodes that hold a value, in the order
// scanNode reads them.
var nodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

func nodeSelect(alias string) string {
	cols := make([]string, len(nodeColumns))
	for i, c := range nodeColumns {
		cols[i] = alias + "." + c
	}
	return strings.Join(cols, ", ")
}

// nodeScan holds one node's columns while scanning.
type nodeScan struct {
	data   []byte
	str    sql.NullString
	typ    sql.NullString
	lang   sql.NullString
	iri    sql.NullBool
	bnode  sql.NullBool
	vint   sql.NullInt64
	vbool  sql.NullBool
	vfloat sql.NullFloat64
	vtime  sql.NullTime
}

func (n *nodeScan) dest() []any {
	return []any{&n.data, &n.str, &n.typ, &n.lang, &n.iri, &n.bnode, &n.vint, &n.vbool, &n.vfloat, &n.vtime}
}

// value decodes the node as Cayley's SQL quad store does (NameOf); nil for a
// missing node (a quad without label).
func (n *nodeScan) value() (quad.Value, error) {
	unescape := func(s string) string { return strings.ReplaceAll(s, `\x00`, "\x00") }
	switch {
	case n.str.Valid:
		switch {
		case n.iri.Bool:
			return quad.IRI(n.str.String), nil
		case n.bnode.Bool:
			return quad.BNode(n.str.String), nil
		case n.lang.Valid:
			return quad.LangString{Value: quad.String(unescape(n.str.String)), Lang: n.lang.String}, nil
		case n.typ.Valid:
			return quad.TypedString{Value: quad.String(unescape(n.str.String)), Type: quad.IRI(n.typ.String)}, nil
		}
		return quad.String(unescape(n.str.String)), nil
	case n.vint.Valid:
		return quad.Int(n.vint.Int64), nil
	case n.vbool.Valid:
		return quad.Bool(n.vbool.Bool), nil
	case n.vfloat.Valid:
		return quad.Float(n.vfloat.Float64), nil
	case n.vtime.Valid:
		return quad.Time(n.vtime.Time.UTC()), nil
	case n.data != nil:
		return pquads.UnmarshalValue(n.data)
	}
	return nil, nil
}

func hashArray(vals []quad.Value) sqlArg {
	a := make(pq.ByteaArray, len(vals))
	for i, v := range vals {
		h := csql.HashOf(v)
		a[i] = h.ValueHash[:]
	}
	return sqlArg{a}
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// sql builds the statement of a pattern: the hashes of the matching
// quads, by the quad indexes.
func (b *postgresBackend) sql(p pattern) (string, []csql.Value) {
	var (
		where []string
		args  []csql.Value
	)
	arg := func(v csql.Value) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	for _, f := range []struct {
		col  string
		vals []quad.Value
	}{
		{"q.subject_hash", p.Subjects},
		{"q.predicate_hash", p.Predicates},
		{"q.object_hash", p.Objects},
		{"q.label_hash", p.Labels},
	} {
		if f.vals != nil {
			where = append(where, f.col+" = ANY("+arg(hashArray(f.vals))+")")
		}
	}
	from := "quads q"
	if p.ObjectContains != "" {
		from += " JOIN nodes o ON o.hash = q.object_hash"
		where = append(where, "o.value_string LIKE "+arg(sqlArg{"%" + likeEscaper.Replace(p.ObjectContains) + "%"})+
			` ESCAPE '\' AND o.iri IS NULL AND o.bnode IS NULL`)
	}
	q := "SELECT q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash FROM " + from
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	return q, args
}

// nodesSQL selects the values of the nodes whose hashes are listed.
var nodesSQL = "SELECT n.hash, " + nodeSelect("n") + " FROM nodes n WHERE n.hash = ANY($1)"

// match runs a pattern as two statements: the matching quads' hashes, then
// the values of the nodes they name, each once, by their hashes. Asking
// for the nodes by a list the planner can count keeps its choice right
// whatever the size of either table: a few hashes are probed through the
// primary key, hundreds of thousands hashed against a scan of the nodes.
// (In one statement, the nodes of a subquery, PostgreSQL must guess their
// number; on a table it has no statistics of, or for a few subjects of
// many predicates, it guessed thousands and scanned all nodes for a dozen.)
// Quads and nodes are never deleted and a quad's nodes are written with it,
// so the nodes read second are there.
func (b *postgresBackend) match(ctx context.Context, p pattern) ([]quad.Quad, error) {
	if p.empty() {
		return nil, nil
	}
	q, args := b.sql(p)
	rows, err := b.qs.Query(ctx, rawQuery{sql: q, args: args})
	if err != nil {
		return nil, err
	}
	var (
		hashes [4][]byte
		quads  [][4]string
		values = make(map[string]quad.Value)
	)
	for rows.Next() {
		hashes = [4][]byte{}
		if err := rows.Scan(&hashes[0], &hashes[1], &hashes[2], &hashes[3]); err != nil {
			rows.Close()
			return nil, err
		}
		var hs [4]string
		for i, h := range hashes {
			if h == nil {
				continue // no label
			}
			hs[i] = string(h)
			values[hs[i]] = nil
		}
		quads = append(quads, hs)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(quads) == 0 {
		return nil, nil
	}
	if err := b.nodeValues(ctx, values); err != nil {
		return nil, err
	}
	out := make([]quad.Quad, 0, len(quads))
	for _, hs := range quads {
		var qd quad.Quad
		for i, dir := range quad.Directions {
			if hs[i] == "" {
				continue
			}
			v := values[hs[i]]
			if v == nil {
				return nil, fmt.Errorf("quad names a node that is not stored (hash %x)", hs[i])
			}
			qd.Set(dir, v)
		}
		if p.keep(qd) {
			out = append(out, qd)
		}
	}
	return out, nil
}

// nodeValues fills values, keyed by node hash, with the nodes' values: one
// statement.
func (b *postgresBackend) nodeValues(ctx context.Context, values map[string]quad.Value) error {
	list := make(pq.ByteaArray, 0, len(values))
	for h := range values {
		list = append(list, []byte(h))
	}
	rows, err := b.qs.Query(ctx, rawQuery{sql: nodesSQL, args: []csql.Value{sqlArg{list}}})
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		hash []byte
		node nodeScan
	)
	dest := append([]any{&hash}, node.dest()...)
	for rows.Next() {
		node = nodeScan{}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		v, err := node.value()
		if err != nil {
			return err
		}
		values[string(hash)] = v
	}
	return rows.Err()
}

func (b *postgresBackend) apply(ctx context.Context, quads []quad.Quad) error {
	if len(quads) == 0 {
		return ctx.Err()
	}
	w, err := newPGWrite(quads)
	if err != nil {
		return err
	}
	for attempt := 0; attempt < 4; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var gen int64
		gen, err = writeQuads(ctx, b.db, w)
		if err == nil {
			b.cache.committed(gen, quads)
			b.an.wrote(len(quads), len(w.nodes[0]))
		}
		if !retryable(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(10<<attempt) * time.Millisecond):
		}
	}
	return err
}

// retryable reports a transaction PostgreSQL aborted for a deadlock or a
// serialization failure: running it again may succeed.
func retryable(err error) bool { return pqCode(err, "40P01", "40001") }

func (b *postgresBackend) quadCount(ctx context.Context) (int64, error) {
	// Not csql.QuadStore.Stats: it caches the count until this process
	// writes, which goes stale when other servers write.
	rows, err := b.qs.Query(ctx, rawQuery{sql: "SELECT COUNT(*) FROM quads"})
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int64
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, rows.Err()
}

// generation reads the database's write generation: one round trip.
func (b *postgresBackend) generation(ctx context.Context) (int64, error) {
	var gen int64
	err := b.db.QueryRowContext(ctx, generationReadSQL).Scan(&gen)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errors.New("the generation row of " + generationTable + " is missing")
	}
	return gen, err
}

func (b *postgresBackend) close() error {
	b.an.close() // before its connections go
	return errors.Join(b.qs.Close(), b.db.Close())
}

// openPostgres opens (creating the database and Cayley's tables if missing)
// the PostgreSQL quad store at dsn, and analyzes its tables if they need it
// (pgAnalyzer.atOpen), logging to log.
func openPostgres(ctx context.Context, dsn string, log *slog.Logger) (*postgresBackend, error) {
	b, err := connectPostgres(ctx, dsn, log)
	if err != nil {
		return nil, err
	}
	b.an.atOpen(ctx)
	return b, nil
}

// connectPostgres is openPostgres without the analysis at open.
func connectPostgres(ctx context.Context, dsn string, log *slog.Logger) (*postgresBackend, error) {
	setup, err := setupDB(ctx, dsn)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			setup.Close()
		}
	}()
	setup.SetMaxOpenConns(writeConns)
	setup.SetMaxIdleConns(writeConns)
	setup.SetConnMaxIdleTime(idleConnTime)
	opts := graph.Options{"maxopenconnections": readConns, "maxidleconnections": readConns}
	if err := graph.InitQuadStore("postgres", dsn, opts); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
		// Another server may be creating the tables at the same time; the
		// index below fails if the schema is not usable. A table created
		// and committed between PostgreSQL's check of the relation name
		// and its check of the row type name is "type already exists"
		// (42710).
		if !pqCode(err, "42P07", "23505", "42710") {
			return nil, fmt.Errorf("init postgres quad store: %w", err)
		}
	}
	// Cayley indexes no label: add an index, as for the key-value stores,
	// so that "the quads of a document" is an index scan. This also checks
	// the schema, since Cayley's init ignores a failed commit.
	if _, err := setup.ExecContext(ctx, labelIndexSQL); err != nil && !pqCode(err, "42P07", "23505") {
		return nil, fmt.Errorf("postgres quad store schema: %w", err)
	}
	if err := createGeneration(ctx, setup); err != nil {
		return nil, fmt.Errorf("postgres generation table: %w", err)
	}
	qs, err := graph.NewQuadStore("postgres", dsn, opts)
	if err != nil {
		return nil, fmt.Errorf("open postgres quad store: %w", err)
	}
	sqs, isSQL := qs.(*csql.QuadStore)
	if !isSQL {
		qs.Close()
		return nil, fmt.Errorf("postgres quad store is a %T", qs)
	}
	ok = true // setup stays open: the write pool
	return &postgresBackend{qs: sqs, db: setup, an: newPGAnalyzer(setup, log)}, nil
}

// Connection pools of a store: Cayley's, which runs the reads, and ours, for
// the writes and the generation reads. Each keeps as many idle connections
// as it may open: database/sql keeps 2 by default, and with more concurrent
// calls than that every call beyond them opened a connection (a new
// PostgreSQL backend process, milliseconds) and closed it after one query,
// which serialized a loaded server on connection set-up. A server holds at
// most readConns+writeConns connections; PostgreSQL's default
// max_connections (100) allows four such servers. Ours are closed after
// idleConnTime unused (Cayley's pool has no such setting).
const (
	readConns    = 16
	writeConns   = 8
	idleConnTime = 5 * time.Minute
)

// The generation of the database: one row (id 1) whose gen every write
// transaction increments (writeQuads). The row lock orders writers, so that
// a reader that sees generation N sees every write up to N and nothing of a
// later one.
const (
	generationTable    = "pledgegraph_generation"
	generationTableSQL = "CREATE TABLE IF NOT EXISTS " + generationTable + " (id integer PRIMARY KEY, gen bigint NOT NULL)"
	generationRowSQL   = "INSERT INTO " + generationTable + " (id, gen) VALUES (1, 0) ON CONFLICT (id) DO NOTHING"
	generationReadSQL  = "SELECT gen FROM " + generationTable + " WHERE id = 1"
	generationNextSQL  = "UPDATE " + generationTable + " SET gen = gen + 1 WHERE id = 1 RETURNING gen"
)

// createGeneration creates the generation table and its row if missing.
// Servers starting together may race to create the table: the losers get
// "relation exists" (42P07) or a unique violation of the catalog (23505,
// 42710) once the winner has committed, and go on to the row.
func createGeneration(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, generationTableSQL); err != nil && !pqCode(err, "42P07", "23505", "42710") {
		return err
	}
	_, err := db.ExecContext(ctx, generationRowSQL)
	return err
}

const labelIndexSQL = "CREATE INDEX IF NOT EXISTS pledgegraph_lpo_index ON quads (label_hash, predicate_hash, object_hash)"

// pqCode reports whether err is a PostgreSQL error with one of the codes.
func pqCode(err error, codes ...string) bool {
	var pe *pq.Error
	if !errors.As(err, &pe) {
		return false
	}
	for _, c := range codes {
		if string(pe.Code) == c {
			return true
		}
	}
	return false
}

// setupDB connects to the database dsn names, creating it when it does not
// exist (through the maintenance database "postgres" of the same server).
func setupDB(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	err = db.PingContext(ctx)
	if err == nil {
		return db, nil
	}
	db.Close()
	if !pqCode(err, "3D000") { // invalid_catalog_name
		return nil, err
	}
	admin, name, merr := maintenanceDSN(dsn)
	if merr != nil || name == "" {
		return nil, err
	}
	adb, err := sql.Open("postgres", admin)
	if err != nil {
		return nil, err
	}
	_, err = adb.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(name))
	adb.Close()
	if err != nil && !pqCode(err, "42P04") { // duplicate_database: created meanwhile
		return nil, err
	}
	if db, err = sql.Open("postgres", dsn); err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

var dbnameRE = regexp.MustCompile(`(^|\s)dbname\s*=\s*('(?:[^'\\]|\\.)*'|\S+)`)

// maintenanceDSN returns dsn pointed at the database "postgres", and the name
// of the database dsn names.
func maintenanceDSN(dsn string) (admin, name string, err error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return "", "", err
		}
		name = strings.TrimPrefix(u.Path, "/")
		u.Path = "/postgres"
		u.RawPath = ""
		return u.String(), name, nil
	}
	m := dbnameRE.FindStringSubmatch(dsn)
	if m == nil {
		return "", "", errors.New("no dbname in postgres connection string")
	}
	name = strings.Trim(m[2], "'")
	return dbnameRE.ReplaceAllString(dsn, "${1}dbname=postgres"), name, nil
}
