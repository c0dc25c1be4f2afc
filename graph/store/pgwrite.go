package store

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// The PostgreSQL write path. Cayley's ApplyDeltas (graph/sql/postgres.RunTx)
// sends one INSERT per distinct node and one per quad; writeQuads writes the
// same rows with two statements per transaction, whatever the number of
// quads: one INSERT of all nodes and one of all quads, each from arrays
// (unnest), so PostgreSQL's limit of 65535 bind parameters never applies.
//
// What it writes is what Cayley writes (see TestPostgresWriteMatchesCayley):
//   - nodes: one row per distinct value, keyed by csql.HashOf (the SHA-1 of
//     the value's N-Quads form); refs is the number of quad directions that
//     name the value, added to the stored refs when the node exists (ON
//     CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs); the
//     value columns are those csql.NodeValues fills for the value's type,
//     with its values (NUL bytes of strings escaped as Cayley does), the
//     others NULL.
//   - quads: the four hashes (label_hash NULL for a quad without label) and
//     ts = now(); horizon comes from its sequence. A quad already stored
//     violates the unique index spol_unique (spo_unique without label): the
//     transaction fails with an error satisfying graph.IsQuadExist, as
//     Cayley's strict writer does.
//
// Nodes are inserted in hash order, as Cayley does, so that concurrent
// writers lock shared nodes in the same order.
//
// Unlike ApplyDeltas, a write does not reset the counts csql.QuadStore.Stats
// caches in process; the store never reads them (quadCount counts in SQL).
// Beyond Cayley's rows, a write increments the database's generation
// (pledgegraph_generation), which tells the stores sharing the database
// that what they cached may be stale.

// nodeInsertSQL inserts the nodes of a write from 12 arrays, one per column
// of table nodes, in this order.
var nodeInsertSQL = func() string {
	cols := []struct{ name, typ string }{
		{"refs", "integer[]"},
		{"hash", "bytea[]"},
		{"value", "bytea[]"},
		{"value_string", "text[]"},
		{"datatype", "text[]"},
		{"language", "text[]"},
		{"iri", "boolean[]"},
		{"bnode", "boolean[]"},
		{"value_int", "bigint[]"},
		{"value_bool", "boolean[]"},
		{"value_float", "double precision[]"},
		{"value_time", "timestamptz[]"},
	}
	var names, args bytes.Buffer
	for i, c := range cols {
		if i > 0 {
			names.WriteString(", ")
			args.WriteString(", ")
		}
		names.WriteString(c.name)
		fmt.Fprintf(&args, "$%d::%s", i+1, c.typ)
	}
	return "INSERT INTO nodes (" + names.String() + ") SELECT * FROM unnest(" + args.String() +
		") ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs"
}()

// nodeValueColumn is the index, in the arrays of nodeInsertSQL, of each
// value column csql.NodeValues names.
var nodeValueColumn = map[string]int{
	"value": 2, "value_string": 3, "datatype": 4, "language": 5, "iri": 6, "bnode": 7,
	"value_int": 8, "value_bool": 9, "value_float": 10, "value_time": 11,
}

const quadInsertSQL = "INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)" +
	" SELECT s, p, o, l, now() FROM unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS u(s, p, o, l)"

// pgWrite holds the arrays of one write.
type pgWrite struct {
	nodes [12]pgArray // the columns of nodeInsertSQL
	quads [4]pgArray  // subject, predicate, object, label hashes
}

// pgNode is a distinct value of a write, with the number of quad directions
// that name it.
type pgNode struct {
	hash refs.ValueHash
	val  quad.Value
	refs int
}

// newPGWrite computes the rows of a write as Cayley's graphlog.SplitDeltas
// and csql.NodeValues do.
func newPGWrite(quads []quad.Quad) (*pgWrite, error) {
	w := &pgWrite{}
	for i := range w.quads {
		w.quads[i] = make(pgArray, 0, len(quads))
	}
	byHash := make(map[refs.ValueHash]*pgNode, len(quads))
	for _, q := range quads {
		for i, dir := range quad.Directions {
			v := q.Get(dir)
			if v == nil {
				w.quads[i] = append(w.quads[i], nil)
				continue
			}
			h := refs.HashOf(v)
			n := byHash[h]
			if n == nil {
				// The first value of a hash names it, as in SplitDeltas.
				n = &pgNode{hash: h, val: v}
				byHash[h] = n
			}
			n.refs++
			w.quads[i] = append(w.quads[i], csql.NodeHash{ValueHash: h}.SQLValue())
		}
	}
	nodes := make([]*pgNode, 0, len(byHash))
	for _, n := range byHash {
		nodes = append(nodes, n)
	}
	slices.SortFunc(nodes, func(a, b *pgNode) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	for i := range w.nodes {
		w.nodes[i] = make(pgArray, len(nodes))
	}
	for r, n := range nodes {
		typ, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.hash}, n.val)
		if err != nil {
			return nil, err
		}
		cols := typ.Columns()
		if len(vals) != 1+len(cols) {
			return nil, fmt.Errorf("cayley gave %d values for the columns %v of a %T", len(vals), cols, n.val)
		}
		w.nodes[0][r] = int64(n.refs)
		w.nodes[1][r] = vals[0]
		for i, c := range cols {
			col, ok := nodeValueColumn[c]
			if !ok {
				return nil, fmt.Errorf("cayley names an unknown node column %q", c)
			}
			w.nodes[col][r] = vals[1+i]
		}
	}
	return w, nil
}

func (w *pgWrite) nodeArgs() []any {
	args := make([]any, len(w.nodes))
	for i, a := range w.nodes {
		args[i] = a
	}
	return args
}

func (w *pgWrite) quadArgs() []any {
	args := make([]any, len(w.quads))
	for i, a := range w.quads {
		args[i] = a
	}
	return args
}

// writeQuads adds quads in one transaction on db: three statements, the
// nodes, the quads, then the increment of the database's generation, which
// it returns. A quad already stored fails it with an error satisfying
// graph.IsQuadExist; nothing is left behind by a failure.
//
// The generation comes last, so that concurrent writers wait for each other
// only from there to their commit: its row lock makes the order of
// generations the order of commits.
func writeQuads(ctx context.Context, db *sql.DB, w *pgWrite) (gen int64, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, nodeInsertSQL, w.nodeArgs()...); err != nil {
		return 0, fmt.Errorf("insert nodes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, quadInsertSQL, w.quadArgs()...); err != nil {
		if pqCode(err, "23505") { // unique_violation: spol_unique or spo_unique
			return 0, fmt.Errorf("insert quads: %w (%w)", graph.ErrQuadExists, err)
		}
		return 0, fmt.Errorf("insert quads: %w", err)
	}
	if err := tx.QueryRowContext(ctx, generationNextSQL).Scan(&gen); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			err = errors.New("the generation row of " + generationTable + " is missing")
		}
		return 0, fmt.Errorf("advance the generation: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return gen, nil
}

// pgArray is a one-dimensional array parameter, sent in PostgreSQL's text
// form for a cast to the column's array type. A nil element is NULL; the
// others are the values csql.NodeValues and csql.NodeHash give ([]byte,
// string, bool, int64, float64, time.Time), each written as lib/pq writes
// the same value as a parameter of its own, so that PostgreSQL stores the
// same thing.
type pgArray []any

func (a pgArray) Value() (driver.Value, error) {
	b := make([]byte, 0, 2+len(a)*8)
	b = append(b, '{')
	for i, v := range a {
		if i > 0 {
			b = append(b, ',')
		}
		switch v := v.(type) {
		case nil:
			b = append(b, "NULL"...)
		case []byte:
			// Hex form, as lib/pq sends bytea to a server ≥ 9.0; the
			// backslash is doubled inside the quotes.
			b = append(b, `"\\x`...)
			b = hex.AppendEncode(b, v)
			b = append(b, '"')
		case string:
			b = appendQuoted(b, v)
		case bool:
			b = strconv.AppendBool(b, v)
		case int64:
			b = strconv.AppendInt(b, v, 10)
		case float64:
			b = append(b, '"')
			b = strconv.AppendFloat(b, v, 'f', -1, 64)
			b = append(b, '"')
		case time.Time:
			b = appendQuoted(b, string(pq.FormatTimestamp(v)))
		default:
			return nil, fmt.Errorf("no array form for a %T", v)
		}
	}
	return string(append(b, '}')), nil
}

// appendQuoted appends s as a quoted array element.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '"' || c == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}
