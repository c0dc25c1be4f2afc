package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// pattern selects quads: each non-nil list restricts its direction to the
// values listed (a nil list matches anything; an empty non-nil list matches
// nothing). ObjectContains further keeps quads whose object is a string
// literal containing it (byte-wise, case-sensitive).
type pattern struct {
	Subjects, Predicates, Objects, Labels []quad.Value
	ObjectContains                        string
	// Triples, when set, are the (subject, predicate, object) combinations
	// of the lists above the caller wants (their labels unset): a backend
	// may look each up directly instead of scanning the combinations of the
	// lists, and may still return other quads the lists select.
	Triples []quad.Quad
}

func (p pattern) empty() bool {
	return (p.Subjects != nil && len(p.Subjects) == 0) ||
		(p.Predicates != nil && len(p.Predicates) == 0) ||
		(p.Objects != nil && len(p.Objects) == 0) ||
		(p.Labels != nil && len(p.Labels) == 0)
}

// keep applies ObjectContains to a quad the backend returned.
func (p pattern) keep(q quad.Quad) bool {
	if p.ObjectContains == "" {
		return true
	}
	s, ok := q.Object.(quad.String)
	return ok && strings.Contains(string(s), p.ObjectContains)
}

// backend is what the store needs of a Cayley quad store. Every method is one
// round trip to the backing database.
type backend interface {
	// match returns every quad the pattern selects, in no particular order.
	match(ctx context.Context, p pattern) ([]quad.Quad, error)
	// apply adds quads in one transaction, strictly: a quad already stored
	// fails the whole transaction with an error satisfying graph.IsQuadExist.
	apply(ctx context.Context, quads []quad.Quad) error
	// quadCount counts the stored quads.
	quadCount(ctx context.Context) (int64, error)
	close() error
}

// cayleyBackend runs patterns over a Cayley quad store's own indexes
// (QuadIterator, QuadDirection, batch value lookups); used for the in-memory
// and key-value stores, where a query is a local index scan.
//
// Writes hold mu alone, reads share it: memstore is not safe for concurrent
// use at all, and the key-value store caches node IDs in memory during a
// write transaction (kv.QuadStore.valueLRU) without forgetting them when the
// transaction fails, so that after a failure the next write would reuse
// rolled-back IDs. A failed write therefore reopens the key-value store
// (reopen) before anyone else can use it.
type cayleyBackend struct {
	mu      sync.RWMutex
	qs      graph.QuadStore
	indexes []kv.QuadIndex                                  // of a key-value store; nil for memstore
	reopen  func() (graph.QuadStore, []kv.QuadIndex, error) // nil for memstore
	broken  error                                           // why qs is nil
}

// read locks the backend for a read and returns the quad store.
func (b *cayleyBackend) read() (graph.QuadStore, func(), error) {
	b.mu.RLock()
	if b.qs == nil {
		b.mu.RUnlock()
		return nil, nil, b.broken
	}
	return b.qs, b.mu.RUnlock, nil
}

// refsOf resolves values to references, dropping values the store does not
// hold, without duplicates; it returns the values kept alongside.
func refsOf(ctx context.Context, qs graph.QuadStore, vals []quad.Value) ([]graph.Ref, []quad.Value, error) {
	var rs []graph.Ref
	if bn, ok := qs.(refs.BatchNamer); ok {
		var err error
		if rs, err = bn.RefsOf(ctx, vals); err != nil {
			return nil, nil, err
		}
	} else {
		rs = make([]graph.Ref, 0, len(vals))
		for _, v := range vals {
			r, err := qs.ValueOf(v)
			if err != nil {
				return nil, nil, err
			}
			rs = append(rs, r)
		}
	}
	out := make([]graph.Ref, 0, len(rs))
	kept := make([]quad.Value, 0, len(rs))
	seen := make(map[any]bool, len(rs))
	for i, r := range rs {
		if r == nil || r == kv.Int64Value(0) {
			continue
		}
		if k := r.Key(); !seen[k] {
			seen[k] = true
			out = append(out, r)
			kept = append(kept, vals[i])
		}
	}
	return out, kept, nil
}

// constraint is one direction of a pattern, resolved to references.
type constraint struct {
	dir   quad.Direction
	refs  []graph.Ref
	keys  map[any]bool
	byVal map[quad.Value]graph.Ref
	cost  int64 // estimated number of quads a scan from this direction visits
	// prefix marks a direction a multi-direction index scan fixes, so
	// that its quads need no check.
	prefix bool
}

// indexScan is a plan for a key-value store: scan index by every
// combination of the values of its first len(cons) directions.
type indexScan struct {
	index kv.QuadIndex
	cons  []*constraint
}

// tripleIndex returns a key-value index whose first three directions are
// subject, predicate and object in some order, with their constraints in
// that order, when the pattern lists its triples and constrains all three.
func tripleIndex(indexes []kv.QuadIndex, cons []*constraint, triples []quad.Quad) (kv.QuadIndex, []*constraint, bool) {
	if len(triples) == 0 {
		return kv.QuadIndex{}, nil, false
	}
	byDir := make(map[quad.Direction]*constraint, len(cons))
	for _, c := range cons {
		byDir[c.dir] = c
	}
	for _, ind := range indexes {
		if len(ind.Dirs) < 3 {
			continue
		}
		var tcons []*constraint
		for _, d := range ind.Dirs[:3] {
			if c := byDir[d]; c != nil && d != quad.Label {
				tcons = append(tcons, c)
			}
		}
		if len(tcons) == 3 {
			return ind, tcons, true
		}
	}
	return kv.QuadIndex{}, nil, false
}

// maxSeeks bounds the number of prefix scans of one plan.
const maxSeeks = 1 << 20

// bestScan picks the cheapest prefix scan over the store's indexes, or nil
// when there are no indexes (memstore) or none starts with a constrained
// direction. The estimated cost of a plan is its number of prefix scans
// (seeks) plus the quads it visits: per seek, the smallest average scan size
// of the prefix's directions, divided by 8 for each further direction of the
// prefix (a subject has few quads of one predicate).
func bestScan(indexes []kv.QuadIndex, cons []*constraint) *indexScan {
	byDir := make(map[quad.Direction]*constraint, len(cons))
	for _, c := range cons {
		byDir[c.dir] = c
	}
	var (
		best     *indexScan
		bestCost float64
	)
	for _, ind := range indexes {
		var prefix []*constraint
		for _, d := range ind.Dirs {
			c := byDir[d]
			if c == nil {
				break
			}
			prefix = append(prefix, c)
		}
		for k := len(prefix); k >= 1; k-- {
			seeks, per := 1.0, math.Inf(1)
			for _, c := range prefix[:k] {
				seeks *= float64(len(c.refs))
				per = min(per, float64(c.cost)/float64(len(c.refs)))
			}
			if seeks > maxSeeks {
				continue
			}
			per = max(1, per/math.Pow(8, float64(k-1)))
			if cost := seeks * (1 + per); best == nil || cost < bestCost {
				best, bestCost = &indexScan{index: ind, cons: slices.Clone(prefix[:k])}, cost
			}
		}
	}
	if best != nil {
		for _, c := range best.cons {
			c.prefix = true
		}
	}
	return best
}

// each calls f with every combination of prefix values, in index order.
func (s *indexScan) each(f func(vals []uint64) error) error {
	vals := make([]uint64, len(s.cons))
	var rec func(i int) error
	rec = func(i int) error {
		if i == len(s.cons) {
			return f(slices.Clone(vals))
		}
		for _, r := range s.cons[i].refs {
			v, ok := r.(kv.Int64Value)
			if !ok {
				return fmt.Errorf("unexpected key-value reference %T", r)
			}
			vals[i] = uint64(v)
			if err := rec(i + 1); err != nil {
				return err
			}
		}
		return nil
	}
	return rec(0)
}

// guessCost estimates the quads a scan from one value visits when the store
// cannot tell (kv knows sizes only for single-direction indexes, here the
// label one): a node ID is the subject of a few dozen quads per document and
// the object of a few; a literal object (a type, kind or polarity) may be
// shared by most nodes; predicates have no index at all.
func guessCost(dir quad.Direction, val quad.Value) int64 {
	switch dir {
	case quad.Subject:
		return 30
	case quad.Object:
		if _, ok := val.(quad.IRI); ok {
			return 30
		}
		return 1 << 20
	case quad.Label:
		return 1000
	}
	return 1 << 40
}

// match runs a pattern as one read: it scans the quad index of the most
// selective constrained direction, value by value, checks the other
// directions on each quad, then resolves the values of the matching quads in
// one batch. Cayley's generic planner (shape.Quads over sets) falls back to a
// scan of all quads on the kv stores.
func (b *cayleyBackend) match(ctx context.Context, p pattern) ([]quad.Quad, error) {
	if p.empty() {
		return nil, nil
	}
	qs, unlock, err := b.read()
	if err != nil {
		return nil, err
	}
	defer unlock()
	var cons []*constraint
	for _, f := range []struct {
		dir  quad.Direction
		vals []quad.Value
	}{
		{quad.Subject, p.Subjects},
		{quad.Predicate, p.Predicates},
		{quad.Object, p.Objects},
		{quad.Label, p.Labels},
	} {
		if f.vals == nil {
			continue
		}
		rs, vals, err := refsOf(ctx, qs, f.vals)
		if err != nil {
			return nil, err
		}
		if len(rs) == 0 {
			return nil, nil // a value no quad holds
		}
		c := &constraint{dir: f.dir, refs: rs, keys: make(map[any]bool, len(rs)), byVal: make(map[quad.Value]graph.Ref, len(rs))}
		// A key-value store knows exact sizes only for a single-direction
		// index (the label one); asking for others reads its quad count
		// once per value.
		sized := b.indexes == nil || slices.ContainsFunc(b.indexes, func(ind kv.QuadIndex) bool {
			return len(ind.Dirs) == 1 && ind.Dirs[0] == f.dir
		})
		for i, r := range rs {
			c.keys[r.Key()] = true
			c.byVal[vals[i]] = r
			if !sized {
				c.cost += guessCost(f.dir, vals[i])
			} else if sz, err := qs.QuadIteratorSize(ctx, f.dir, r); err == nil && sz.Exact {
				c.cost += sz.Value
			} else {
				c.cost += guessCost(f.dir, vals[i])
			}
		}
		cons = append(cons, c)
	}
	var quadRefs []graph.Ref
	keep := func(r graph.Ref, skip *constraint) error {
		for _, c := range cons {
			if c == skip || c.prefix {
				continue
			}
			v, err := qs.QuadDirection(r, c.dir)
			if err != nil {
				return err
			}
			if v == nil || !c.keys[v.Key()] {
				return nil
			}
		}
		quadRefs = append(quadRefs, r)
		return nil
	}
	scan := func(it iterator.Shape, skip *constraint) error {
		sc := it.Iterate()
		defer sc.Close()
		for sc.Next(ctx) {
			if err := keep(sc.Result(), skip); err != nil {
				return err
			}
		}
		if err := sc.Err(); err != nil {
			return err
		}
		return ctx.Err()
	}
	if len(cons) == 0 {
		if err := scan(qs.QuadsAllIterator(), nil); err != nil {
			return nil, err
		}
	} else if ind, tcons, ok := tripleIndex(b.indexes, cons, p.Triples); ok {
		// Look each wanted triple up by the full key of an index over
		// subject, predicate and object.
		for _, c := range tcons {
			c.prefix = true
		}
		vals := make([]uint64, len(tcons))
	triples:
		for _, t := range p.Triples {
			for i, c := range tcons {
				r, ok := c.byVal[t.Get(c.dir)].(kv.Int64Value)
				if !ok {
					continue triples // a value no quad holds
				}
				vals[i] = uint64(r)
			}
			if err := scan(kv.IndexScan{Index: ind, Values: slices.Clone(vals)}.BuildIterator(qs), nil); err != nil {
				return nil, err
			}
		}
	} else if plan := bestScan(b.indexes, cons); plan != nil {
		// Scan a multi-direction index by a prefix of several values
		// (subject and predicate, object and predicate, …): only the
		// quads that can match are read from the log.
		if err := plan.each(func(vals []uint64) error {
			return scan(kv.IndexScan{Index: plan.index, Values: vals}.BuildIterator(qs), nil)
		}); err != nil {
			return nil, err
		}
	} else {
		best := cons[0]
		for _, c := range cons[1:] {
			if c.cost < best.cost {
				best = c
			}
		}
		for _, r := range best.refs {
			if err := scan(qs.QuadIterator(best.dir, r), best); err != nil {
				return nil, err
			}
		}
	}
	return b.quads(ctx, qs, quadRefs, p)
}

// quads resolves quad references to quads, their node values in one batch.
func (b *cayleyBackend) quads(ctx context.Context, qs graph.QuadStore, quadRefs []graph.Ref, p pattern) ([]quad.Quad, error) {
	if len(quadRefs) == 0 {
		return nil, nil
	}
	var (
		nodes []graph.Ref
		index = make(map[any]int)
		dirs  = make([][4]int, len(quadRefs))
	)
	for i, r := range quadRefs {
		for j, d := range quad.Directions {
			v, err := qs.QuadDirection(r, d)
			if err != nil {
				return nil, err
			}
			dirs[i][j] = -1
			if v == nil || v == kv.Int64Value(0) {
				continue
			}
			k := v.Key()
			n, ok := index[k]
			if !ok {
				n = len(nodes)
				index[k] = n
				nodes = append(nodes, v)
			}
			dirs[i][j] = n
		}
	}
	vals, err := refs.ValuesOf(ctx, qs, nodes)
	if err != nil {
		return nil, err
	}
	out := make([]quad.Quad, 0, len(quadRefs))
	for i := range quadRefs {
		var q quad.Quad
		for j, d := range quad.Directions {
			if n := dirs[i][j]; n >= 0 {
				q.Set(d, vals[n])
			}
		}
		if p.keep(q) {
			out = append(out, q)
		}
	}
	return out, nil
}

func (b *cayleyBackend) apply(ctx context.Context, quads []quad.Quad) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.qs == nil {
		return b.broken
	}
	err := b.qs.ApplyDeltas(addDeltas(quads), graph.IgnoreOpts{})
	if err != nil && b.reopen != nil {
		// Forget what the failed transaction left in the store's memory.
		cerr := b.qs.Close()
		qs, indexes, rerr := b.reopen()
		if rerr != nil {
			b.qs, b.broken = nil, fmt.Errorf("reopen after a failed write: %w", errors.Join(cerr, rerr))
			return errors.Join(err, b.broken)
		}
		b.qs, b.indexes = qs, indexes
	}
	return err
}

func (b *cayleyBackend) quadCount(ctx context.Context) (int64, error) {
	qs, unlock, err := b.read()
	if err != nil {
		return 0, err
	}
	defer unlock()
	st, err := qs.Stats(ctx, true)
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil // a key-value store never written to has no size yet
	}
	if err != nil {
		return 0, err
	}
	if !st.Quads.Exact {
		return 0, errors.New("quad store gave an inexact quad count")
	}
	return st.Quads.Value, nil
}

func (b *cayleyBackend) close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.qs == nil {
		return nil
	}
	err := b.qs.Close()
	b.qs, b.broken = nil, errors.New("closed")
	return err
}

func addDeltas(quads []quad.Quad) []graph.Delta {
	ds := make([]graph.Delta, len(quads))
	for i, q := range quads {
		ds[i] = graph.Delta{Quad: q, Action: graph.Add}
	}
	return ds
}
