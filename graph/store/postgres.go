package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
// reads are single SQL statements over the same schema (quads joined to
// nodes, = ANY($n) for sets) run on Cayley's connection pool.
//
// Several servers may share the database: every write transaction also
// increments the generation (table pledgegraph_generation), which each
// store reads before using what it cached (see nodeCache).
type postgresBackend struct {
	qs *csql.QuadStore
	db *sql.DB // our own pool on the same database, for writes: Cayley runs our queries, not transactions
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

// sql builds the statement of a pattern: the matching quads' hashes (rows
// of kind 0), then the values of every node they name, each once (rows of
// kind 1). Selecting the quads first and their nodes by hash lets
// PostgreSQL use the quad indexes and the primary key of nodes whatever the
// size of either table.
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
	sel := "SELECT q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash FROM " + from
	if len(where) > 0 {
		sel += " WHERE " + strings.Join(where, " AND ")
	}
	nulls := "NULL::bytea, NULL::text, NULL::text, NULL::text, NULL::boolean, NULL::boolean, NULL::bigint, NULL::boolean, NULL::double precision, NULL::timestamptz"
	q := "WITH m AS MATERIALIZED (" + sel + ")" +
		" SELECT 0, m.subject_hash, m.predicate_hash, m.object_hash, m.label_hash, " + nulls + " FROM m" +
		" UNION ALL SELECT 1, n.hash, NULL::bytea, NULL::bytea, NULL::bytea, " + nodeSelect("n") + " FROM nodes n" +
		" WHERE n.hash IN (SELECT subject_hash FROM m UNION SELECT predicate_hash FROM m" +
		" UNION SELECT object_hash FROM m UNION SELECT label_hash FROM m)"
	return q, args
}

func (b *postgresBackend) match(ctx context.Context, p pattern) ([]quad.Quad, error) {
	if p.empty() {
		return nil, nil
	}
	q, args := b.sql(p)
	rows, err := b.qs.Query(ctx, rawQuery{sql: q, args: args})
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		kind   int
		hashes [4][]byte
		node   nodeScan
		quads  [][4]string
		values = make(map[string]quad.Value)
	)
	dest := []any{&kind, &hashes[0], &hashes[1], &hashes[2], &hashes[3]}
	dest = append(dest, node.dest()...)
	for rows.Next() {
		hashes = [4][]byte{}
		node = nodeScan{}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if kind == 0 {
			quads = append(quads, [4]string{string(hashes[0]), string(hashes[1]), string(hashes[2]), string(hashes[3])})
			continue
		}
		v, err := node.value()
		if err != nil {
			return nil, err
		}
		values[string(hashes[0])] = v
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]quad.Quad, 0, len(quads))
	for _, hs := range quads {
		var qd quad.Quad
		for i, dir := range quad.Directions {
			if hs[i] == "" {
				continue
			}
			v, ok := values[hs[i]]
			if !ok {
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

func (b *postgresBackend) close() error { return errors.Join(b.qs.Close(), b.db.Close()) }

// openPostgres opens (creating the database and Cayley's tables if missing)
// the PostgreSQL quad store at dsn.
func openPostgres(ctx context.Context, dsn string) (*postgresBackend, error) {
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
	opts := graph.Options{}
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
	return &postgresBackend{qs: sqs, db: setup}, nil
}

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
