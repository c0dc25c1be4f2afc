package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/cayleygraph/quad"

	"pledgegraph"
)

// Two reads for helpers that copy the graph (the adjacency copy of package
// traverse) from a PostgreSQL database that other servers may write. Both
// are PostgreSQL-only: on the other backends they return an error
// satisfying errors.Is(err, errors.ErrUnsupported), and callers use the
// general reads (Links, FindDocuments) instead.

// ScanLinks calls fn once for every quad of the given predicates whose
// subject and object are both node IDs (IRIs), with the ID of the document
// it was read in ("" for a quad without label): every edge of those
// predicates with its evidence, in no particular order, in one streaming
// pass whatever the size of the graph: the values of the IRI nodes are read
// first (held while scanning), then the quads, streamed (not held). An edge
// read in several documents comes once per document. Both reads see one
// snapshot of the database. An error from fn stops the scan and is
// returned as is.
//
// Errors: INVALID for a predicate outside the vocabulary; ELIMIT when ctx
// ends; errors.ErrUnsupported on a backend other than PostgreSQL; INTERNAL.
// Two round trips (queries), in one read-only transaction.
func (s *Store) ScanLinks(ctx context.Context, predicates []string, fn func(subject, predicate, object, document string) error) error {
	const op = "store.ScanLinks"
	pb, ok := s.b.(*postgresBackend)
	if !ok {
		return fmt.Errorf("%s on the %s backend: %w", op, s.backend, errors.ErrUnsupported)
	}
	for _, p := range predicates {
		if !KnownPredicate(p) {
			return &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "unknown predicate " + strconv.Quote(p), Op: op}
		}
	}
	if len(predicates) == 0 {
		return nil
	}
	if s.closed.Load() {
		return pledgegraph.Internal(op, errClosed)
	}
	s.trips.Add(2)
	err := pb.scanLinks(ctx, predicates, fn)
	var pe *pledgegraph.Error
	switch {
	case err == nil || errors.As(err, &pe):
		return err
	case ctx.Err() != nil:
		return &pledgegraph.Error{Code: pledgegraph.ELIMIT, Message: "canceled", Op: op, Err: err}
	}
	return pledgegraph.Internal(op, err)
}

// Generation returns the database's write generation, which every write
// transaction of every server sharing the database advances (see
// nodeCache): two equal readings mean that nothing was written in between.
// One tiny query.
//
// Errors: errors.ErrUnsupported on a backend other than PostgreSQL (a store
// no other process writes: its own writes are all there is); INTERNAL.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	const op = "store.Generation"
	if s.gens == nil {
		return 0, fmt.Errorf("%s on the %s backend: %w", op, s.backend, errors.ErrUnsupported)
	}
	if s.closed.Load() {
		return 0, pledgegraph.Internal(op, errClosed)
	}
	s.trips.Add(1)
	gen, err := s.gens.generation(ctx)
	if err != nil {
		return 0, pledgegraph.Internal(op, err)
	}
	return gen, nil
}

// The two statements of scanLinks, run in one read-only snapshot: the value
// of every IRI node by hash, then the hashes of the quads of the
// predicates. Joining them in the database costs more (the planner expects
// a few thousand quads and probes the nodes' primary key per quad), and
// the node values, a few hundred thousand, are smaller than the quads
// joined to them, several times as many.
const (
	scanNodesSQL = "SELECT hash, value_string FROM nodes WHERE iri"
	scanQuadsSQL = "SELECT subject_hash, predicate_hash, object_hash, label_hash FROM quads WHERE predicate_hash = ANY($1)"
)

func (b *postgresBackend) scanLinks(ctx context.Context, predicates []string, fn func(subject, predicate, object, document string) error) error {
	vals := make([]quad.Value, len(predicates))
	for i, p := range predicates {
		vals[i] = quad.IRI(p)
	}
	tx, err := b.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to keep
	names, err := iriNodes(ctx, tx)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, scanQuadsSQL, hashArray(vals).v)
	if err != nil {
		return err
	}
	defer rows.Close()
	var sh, ph, oh, lh sql.RawBytes
	for n := 0; rows.Next(); n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := rows.Scan(&sh, &ph, &oh, &lh); err != nil {
			return err
		}
		sub, ok := names[string(sh)]
		if !ok {
			continue // a literal subject: cannot be, but is no edge
		}
		obj, ok := names[string(oh)]
		if !ok {
			continue // a literal object
		}
		pred, ok := names[string(ph)]
		if !ok {
			return fmt.Errorf("scan links: predicate node %x missing", []byte(ph))
		}
		doc := ""
		if lh != nil {
			doc = names[string(lh)] // "" for a label that is not an IRI
		}
		if err := fn(sub, pred, obj, doc); err != nil {
			return err
		}
	}
	return rows.Err()
}

// iriNodes reads the value of every IRI node, by hash.
func iriNodes(ctx context.Context, tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, scanNodesSQL)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := make(map[string]string)
	var (
		h sql.RawBytes
		v string
	)
	for rows.Next() {
		if err := rows.Scan(&h, &v); err != nil {
			return nil, err
		}
		names[string(h)] = v
	}
	return names, rows.Err()
}
