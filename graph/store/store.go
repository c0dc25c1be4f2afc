package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"

	"pledgegraph"
)

// Backend names for Config.Backend.
const (
	BackendMemory   = "memory"   // Cayley's memstore: nothing persists
	BackendBolt     = "bolt"     // a Bolt file (the default)
	BackendPostgres = "postgres" // Cayley's SQL schema in PostgreSQL, shareable by several servers
)

// Limits of one call.
const (
	DefaultPageSize = 50    // PageRequest.First == 0
	MaxPageSize     = 1000  // larger PageRequest.First is LIMIT_EXCEEDED
	MaxBatch        = 10000 // more IDs or triples in one batch call is LIMIT_EXCEEDED
)

// Config says which quad store to open.
type Config struct {
	// Backend is BackendMemory, BackendBolt or BackendPostgres; "" means
	// BackendBolt.
	Backend string
	// Path is the Bolt file (created with its directory if missing; if it
	// is a directory, the file indexes.bolt inside it, Cayley's layout), or
	// the PostgreSQL connection string, URL
	// ("postgres://postgres@127.0.0.1:5432/test?sslmode=disable") or
	// key=value form; the database is created if missing. Unused for memory.
	Path string
	// Logger receives the store's own messages and, when set, Cayley's
	// warnings and errors. Nil keeps both quiet.
	Logger *slog.Logger
}

// Store is a pledgegraph.Store over a Cayley quad store. It is safe for
// concurrent use. It keeps the nodes it decoded until a write touches them
// (see nodeCache). On PostgreSQL several Stores (in one or many processes)
// may share the database: a call that reads from the cache first reads the
// database's write generation, so that a write committed by any of them is
// seen by the next call of every other.
type Store struct {
	b       backend
	backend string
	log     *slog.Logger
	trips   atomic.Int64
	closed  atomic.Bool
	cache   *nodeCache
	// gens reads the database's write generation when other processes may
	// write (PostgreSQL); nil when the store is the only writer.
	gens generationReader
}

// generationReader is a backend shared with other writers, whose every write
// transaction advances a generation.
type generationReader interface {
	generation(ctx context.Context) (int64, error)
}

var (
	_ pledgegraph.Store       = (*Store)(nil)
	_ pledgegraph.BatchWriter = (*Store)(nil)
)

// Open opens the quad store cfg names, creating it if missing.
//
// Errors: INVALID for an unknown backend or a missing path; INTERNAL when the
// backend cannot be opened (its cause is in the error chain, not the
// message).
func Open(ctx context.Context, cfg Config) (*Store, error) {
	const op = "store.Open"
	installClog(cfg.Logger)
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	name := cfg.Backend
	if name == "" {
		name = BackendBolt
	}
	var (
		b   backend
		err error
	)
	switch name {
	case BackendMemory:
		b = &cayleyBackend{qs: memstore.New()}
	case BackendBolt:
		if cfg.Path == "" {
			return nil, &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "the bolt backend needs a file path", Op: op}
		}
		var (
			qs      graph.QuadStore
			indexes []kv.QuadIndex
		)
		if qs, indexes, err = openBolt(cfg.Path); err == nil {
			path := cfg.Path
			b = &cayleyBackend{qs: qs, indexes: indexes, reopen: func() (graph.QuadStore, []kv.QuadIndex, error) { return openBolt(path) }}
		}
	case BackendPostgres:
		if cfg.Path == "" {
			return nil, &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "the postgres backend needs a connection string", Op: op}
		}
		b, err = openPostgres(ctx, cfg.Path, log)
	default:
		return nil, &pledgegraph.Error{Code: pledgegraph.EINVALID,
			Message: "unknown store backend " + strconv.Quote(name) + " (want memory, bolt or postgres)", Op: op}
	}
	if err != nil {
		return nil, pledgegraph.Internal(op, err)
	}
	log.Debug("store opened", "backend", name)
	st := &Store{b: b, backend: name, log: log, cache: newNodeCache()}
	if pb, ok := b.(*postgresBackend); ok {
		// Other servers may write: the cache is checked against the
		// database's generation (cacheGen), and this store's own commits
		// tell it their generation.
		pb.cache = st.cache
		st.gens = pb
	}
	return st, nil
}

// Backend returns the name of the backend the store runs on.
func (s *Store) Backend() string { return s.backend }

// RoundTrips returns how many requests the store has sent to its backend
// since it was opened: one per query (every read below is one query), one
// per write transaction, and on PostgreSQL one per call that reads from the
// cache (the generation check, see cacheGen). API tests compare it before
// and after a call to check that batch calls cost a bounded number of round
// trips.
func (s *Store) RoundTrips() int64 { return s.trips.Load() }

// Close closes the backend. Calls after Close fail with INTERNAL.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	if err := s.b.close(); err != nil {
		return pledgegraph.Internal("store.Close", err)
	}
	return nil
}

var errClosed = errors.New("store is closed")

// query runs one pattern: one round trip.
func (s *Store) query(ctx context.Context, p pattern) ([]quad.Quad, error) {
	if s.closed.Load() {
		return nil, errClosed
	}
	if p.empty() {
		return nil, nil
	}
	s.trips.Add(1)
	return s.b.match(ctx, p)
}

// cacheCallKey is the context key of a *cacheCall.
type cacheCallKey struct{}

// cacheCall records that one store call has brought the cache up to date
// with the database (see cacheGen).
type cacheCall struct{ synced atomic.Bool }

// cacheCall returns ctx marked as one store call, whose cached reads check
// the database's generation once between them: a Store method with several
// cached reads calls it first. Without the mark, each cached read checks.
func (s *Store) cacheCall(ctx context.Context) context.Context {
	if s.gens == nil {
		return ctx
	}
	if _, ok := ctx.Value(cacheCallKey{}).(*cacheCall); ok {
		return ctx
	}
	return context.WithValue(ctx, cacheCallKey{}, &cacheCall{})
}

// cacheGen is called before a cached read looks anything up: it returns the
// cache generation under which what the read loads may be kept. On a store
// shared through PostgreSQL it first reads the database's generation (one
// round trip, once per call marked by cacheCall) and syncs the cache with
// it, so that whatever the cache holds is at least as recent as the
// database when this call began: a write committed before the call is
// seen, whichever server wrote it.
func (s *Store) cacheGen(ctx context.Context) (uint64, error) {
	if s.gens == nil {
		return s.cache.generation(), nil
	}
	call, _ := ctx.Value(cacheCallKey{}).(*cacheCall)
	if call != nil && call.synced.Load() {
		// Synced earlier in this call: the cache has moved since only
		// to what was read after that.
		return s.cache.generation(), nil
	}
	if s.closed.Load() {
		return 0, errClosed
	}
	s.trips.Add(1)
	dbGen, err := s.gens.generation(ctx)
	if err != nil {
		return 0, err
	}
	gen := s.cache.sync(dbGen)
	if call != nil {
		call.synced.Store(true)
	}
	return gen, nil
}

// subjects runs a pattern and returns the distinct IRI subjects it matched.
func (s *Store) subjects(ctx context.Context, p pattern) (map[string]bool, error) {
	return s.ends(ctx, p, quad.Subject)
}

// objects runs a pattern and returns the distinct IRI objects it matched.
func (s *Store) objects(ctx context.Context, p pattern) (map[string]bool, error) {
	return s.ends(ctx, p, quad.Object)
}

// ends runs a pattern and returns the distinct IRIs at one end of the quads
// it matched. The sets are cached (see nodeCache) when the store has a
// cache: a hub's set is thousands of quads, asked again by every query
// about it.
func (s *Store) ends(ctx context.Context, p pattern, dir quad.Direction) (map[string]bool, error) {
	key, cacheable := setKey(p, dir)
	cacheable = cacheable && s.cache != nil
	var gen uint64
	if cacheable {
		var err error
		if gen, err = s.cacheGen(ctx); err != nil {
			return nil, err
		}
		if set, ok := s.cache.lookupSet(key); ok {
			return set, nil
		}
	}
	qs, err := s.query(ctx, p)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(qs))
	for _, q := range qs {
		if id := iriOf(q.Get(dir)); id != "" {
			out[id] = true
		}
	}
	if cacheable {
		s.cache.storeSet(gen, key, out)
	}
	return out, nil
}

// setKey is the cache key of the set of one end of a pattern's quads;
// false for a pattern that is not cached (a text filter, triples).
func setKey(p pattern, dir quad.Direction) (string, bool) {
	if p.ObjectContains != "" || p.Triples != nil {
		return "", false
	}
	var b strings.Builder
	b.WriteString(dir.String())
	for _, vs := range [][]quad.Value{p.Subjects, p.Predicates, p.Objects, p.Labels} {
		if vs == nil {
			b.WriteString("\x00*")
			continue
		}
		b.WriteString("\x00")
		b.WriteString(strconv.Itoa(len(vs)))
		for _, v := range vs {
			b.WriteString("\x01")
			b.WriteString(quad.ToString(v))
		}
	}
	return b.String(), true
}

// Write stores the triples of one document, each as a quad labelled with
// docID, in one transaction.
//
// Every triple is checked first (non-empty subject, a predicate of the
// vocabulary with an object of the kind it takes, non-empty IRIs, valid
// UTF-8, finite floats), and the triples must include the document's own
// (docID, type, "Document"), which is what marks a document as stored: any
// failure is INVALID and nothing is written. A document already stored
// returns created=false and changes nothing. Otherwise all quads are written
// in one transaction: a failure leaves none of them behind.
func (s *Store) Write(ctx context.Context, docID string, triples []pledgegraph.Triple) (bool, error) {
	quads, err := documentQuads(docID, triples)
	if err != nil {
		return false, err
	}
	has, err := s.HasDocument(ctx, docID)
	if err != nil {
		return false, err
	}
	if has {
		return false, nil
	}
	return s.writeNew(ctx, "store.Write", docID, quads)
}

// writeNew writes the quads of one document not found stored, in one
// transaction.
func (s *Store) writeNew(ctx context.Context, op, docID string, quads []quad.Quad) (bool, error) {
	if err := s.apply(ctx, quads); err != nil {
		if graph.IsQuadExist(err) {
			// Written meanwhile by another writer (another server sharing
			// the database): the transaction rolled back.
			if has, herr := s.HasDocument(ctx, docID); herr == nil && has {
				return false, nil
			}
		}
		return false, pledgegraph.Internal(op, err)
	}
	s.log.Debug("document written", "doc", docID, "quads", len(quads))
	return true, nil
}

// batchQuads bounds the quads of one WriteBatch transaction: enough for
// the pages many documents share (a Bolt commit rewrites every page a
// document touches; most are shared with the next documents) while bounding
// the memory of a transaction and the time readers of the memory and Bolt
// backends wait for it.
const batchQuads = 16384

// WriteBatch writes several documents as Write would one after the other,
// in fewer transactions: the documents not yet stored are written in as few
// transactions as batchQuads allows, each document whole in one of them. A
// document's result is what Write would have returned for it: INVALID
// triples fail that document only; a document already stored, or written
// earlier in docs, is created=false; a transaction that fails is retried
// document by document, each in its own transaction, so that a failure
// leaves none of a document's quads behind and fails only the documents it
// is about. When WriteBatch returns, every created document is committed
// (on Bolt, synced to disk).
//
// The error is LIMIT_EXCEEDED for more than MaxBatch documents (nothing is
// written); otherwise nil, with one result per document, aligned with docs.
// Round trips: one to see which documents are stored, one per transaction.
func (s *Store) WriteBatch(ctx context.Context, docs []pledgegraph.DocumentTriples) ([]pledgegraph.WriteResult, error) {
	const op = "store.WriteBatch"
	if err := checkBatch(op, len(docs)); err != nil {
		return nil, err
	}
	out := make([]pledgegraph.WriteResult, len(docs))
	type pending struct {
		i     int
		quads []quad.Quad
	}
	var (
		todo  []pending
		first = make(map[string]int, len(docs)) // document ID → index in docs of its first valid entry
		later []int                             // indexes in docs of valid entries of an ID seen before
	)
	for i, d := range docs {
		quads, err := documentQuads(d.ID, d.Triples)
		if err != nil {
			out[i].Err = err
			continue
		}
		if _, ok := first[d.ID]; ok {
			later = append(later, i)
			continue
		}
		first[d.ID] = i
		todo = append(todo, pending{i, quads})
	}
	if len(todo) > 0 {
		ids := make([]string, len(todo))
		for j, p := range todo {
			ids[j] = docs[p.i].ID
		}
		stored, err := s.storedDocuments(ctx, ids)
		if err != nil {
			for _, p := range todo {
				out[p.i].Err = pledgegraph.Internal(op, err)
			}
			todo = nil
		}
		todo = slices.DeleteFunc(todo, func(p pending) bool { return stored[docs[p.i].ID] })
	}
	for len(todo) > 0 {
		n, size := 1, len(todo[0].quads)
		for n < len(todo) && size+len(todo[n].quads) <= batchQuads {
			size += len(todo[n].quads)
			n++
		}
		group := todo[:n]
		todo = todo[n:]
		if n == 1 {
			p := group[0]
			out[p.i].Created, out[p.i].Err = s.writeNew(ctx, op, docs[p.i].ID, p.quads)
			continue
		}
		quads := make([]quad.Quad, 0, size)
		for _, p := range group {
			quads = append(quads, p.quads...)
		}
		if err := s.apply(ctx, quads); err != nil {
			// Each document on its own, as Write would have written it.
			s.log.Debug("batch transaction failed; writing its documents one by one", "docs", n, "err", err)
			for _, p := range group {
				out[p.i].Created, out[p.i].Err = s.Write(ctx, docs[p.i].ID, docs[p.i].Triples)
			}
			continue
		}
		for _, p := range group {
			out[p.i].Created = true
			s.log.Debug("document written", "doc", docs[p.i].ID, "quads", len(p.quads))
		}
	}
	for _, i := range later {
		if j := first[docs[i].ID]; out[j].Err != nil {
			// The first entry failed: this one is tried as Write would.
			out[i].Created, out[i].Err = s.Write(ctx, docs[i].ID, docs[i].Triples)
		}
	}
	return out, nil
}

// storedDocuments returns which of the documents are stored (have their
// type Document quad). One round trip.
func (s *Store) storedDocuments(ctx context.Context, ids []string) (map[string]bool, error) {
	triples := make([]quad.Quad, len(ids))
	for i, id := range ids {
		triples[i] = quad.Quad{Subject: quad.IRI(id), Predicate: quad.IRI(pledgegraph.PredType), Object: quad.String(pledgegraph.TypeDocument)}
	}
	qs, err := s.query(ctx, pattern{
		Subjects:   iris(ids),
		Predicates: preds(pledgegraph.PredType),
		Objects:    []quad.Value{quad.String(pledgegraph.TypeDocument)},
		Triples:    triples,
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(qs))
	for _, q := range qs {
		if q.Predicate == quad.IRI(pledgegraph.PredType) && q.Object == quad.String(pledgegraph.TypeDocument) {
			out[iriOf(q.Subject)] = true
		}
	}
	return out, nil
}

// apply writes quads in one transaction: one round trip.
func (s *Store) apply(ctx context.Context, quads []quad.Quad) error {
	if s.closed.Load() {
		return errClosed
	}
	s.trips.Add(1)
	defer s.cache.invalidate(quads)
	return s.b.apply(ctx, quads)
}

// documentQuads validates the triples of a document and returns its quads,
// without duplicates.
func documentQuads(docID string, triples []pledgegraph.Triple) ([]quad.Quad, error) {
	if docID == "" {
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "empty document ID")
	}
	label := quad.IRI(docID)
	seen := make(map[quad.Quad]bool, len(triples))
	quads := make([]quad.Quad, 0, len(triples))
	typed := false
	for i, t := range triples {
		if err := validateTriple(i, t); err != nil {
			return nil, err
		}
		if t.Subject == docID && t.Predicate == pledgegraph.PredType && t.Object.Str == pledgegraph.TypeDocument {
			typed = true
		}
		q := quad.Quad{Subject: quad.IRI(t.Subject), Predicate: quad.IRI(t.Predicate), Object: termValue(t.Object), Label: label}
		if !seen[q] {
			seen[q] = true
			quads = append(quads, q)
		}
	}
	if !typed {
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID,
			"the triples of document %q must include (%s, %s, %q)", docID, docID, pledgegraph.PredType, pledgegraph.TypeDocument)
	}
	return quads, nil
}

// HasDocument reports whether the document is stored (has its type
// Document quad). One round trip.
func (s *Store) HasDocument(ctx context.Context, docID string) (bool, error) {
	if docID == "" {
		return false, nil
	}
	qs, err := s.query(ctx, pattern{
		Subjects:   []quad.Value{quad.IRI(docID)},
		Predicates: preds(pledgegraph.PredType),
		Objects:    []quad.Value{quad.String(pledgegraph.TypeDocument)},
	})
	if err != nil {
		return false, pledgegraph.Internal("store.HasDocument", err)
	}
	return len(qs) > 0, nil
}

// ActorByName finds an actor by canonical name or alias compared by
// pledgegraph.NameKey (through the key quads). When several actors match, the
// one read in most documents wins; ties go to persons, then countries, then
// organizations, then the smaller ID. INVALID for a blank name, NOT_FOUND if
// none matches. Two round trips.
func (s *Store) ActorByName(ctx context.Context, name string) (*pledgegraph.Actor, error) {
	const op = "store.ActorByName"
	if strings.TrimSpace(name) == "" {
		return nil, &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "empty actor name", Op: op}
	}
	key := pledgegraph.NameKey(name)
	notFound := &pledgegraph.Error{Code: pledgegraph.ENOTFOUND, Message: "no actor named " + strconv.Quote(name), Op: op}
	if key == "" {
		return nil, notFound
	}
	ctx = s.cacheCall(ctx)
	cands, err := s.subjects(ctx, pattern{Predicates: preds(pledgegraph.PredKey), Objects: []quad.Value{quad.String(key)}})
	if err != nil {
		return nil, pledgegraph.Internal(op, err)
	}
	if len(cands) == 0 {
		return nil, notFound
	}
	actors, docs, err := s.loadActors(ctx, sortedKeys(cands))
	if err != nil {
		return nil, pledgegraph.Internal(op, err)
	}
	best := -1
	for i, a := range actors {
		if a == nil {
			continue
		}
		if best < 0 || betterActor(a, docs[i], actors[best], docs[best]) {
			best = i
		}
	}
	if best < 0 {
		return nil, notFound
	}
	return actors[best], nil
}

func kindRank(k pledgegraph.ActorKind) int {
	switch k {
	case pledgegraph.KindPerson:
		return 0
	case pledgegraph.KindCountry:
		return 1
	case pledgegraph.KindOrganization:
		return 2
	}
	return 3
}

func betterActor(a *pledgegraph.Actor, adocs int, b *pledgegraph.Actor, bdocs int) bool {
	if adocs != bdocs {
		return adocs > bdocs
	}
	if ra, rb := kindRank(a.Kind), kindRank(b.Kind); ra != rb {
		return ra < rb
	}
	return a.ID < b.ID
}

func checkBatch(op string, n int) error {
	if n > MaxBatch {
		return &pledgegraph.Error{Code: pledgegraph.ELIMIT, Message: "too many items in one batch (the limit is 10000)", Op: op}
	}
	return nil
}

// Actors returns the actors with the given IDs, aligned with ids, nil where
// an ID names no actor. One round trip.
func (s *Store) Actors(ctx context.Context, ids []string) ([]*pledgegraph.Actor, error) {
	const op = "store.Actors"
	if err := checkBatch(op, len(ids)); err != nil {
		return nil, err
	}
	out, _, err := s.loadActors(ctx, ids)
	if err != nil {
		return nil, pledgegraph.Internal(op, err)
	}
	return out, nil
}

var actorPreds = preds(pledgegraph.PredType, pledgegraph.PredName, pledgegraph.PredKind, pledgegraph.PredAlias,
	pledgegraph.PredTitle, pledgegraph.PredRepresents)

// loadActors loads actors and, for each, the number of documents it was
// read in.
func (s *Store) loadActors(ctx context.Context, ids []string) ([]*pledgegraph.Actor, []int, error) {
	entries, err := cached(ctx, s, cachedActors, cacheNodes, copyCachedActor, ids, func(ids []string) ([]cachedActor, error) {
		out := make([]cachedActor, len(ids))
		qs, err := s.query(ctx, pattern{Subjects: iris(ids), Predicates: actorPreds})
		if err != nil {
			return nil, err
		}
		nodes := groupBySubject(qs)
		for i, id := range ids {
			n := nodes[id]
			if n == nil || !n.typed(pledgegraph.TypeActor) {
				continue
			}
			out[i] = cachedActor{a: n.actor(id), docs: len(n.labels(pledgegraph.PredType))}
		}
		return out, nil
	})
	if err != nil {
		return nil, nil, err
	}
	out := make([]*pledgegraph.Actor, len(ids))
	docs := make([]int, len(ids))
	for i, e := range entries {
		out[i], docs[i] = e.a, e.docs
	}
	return out, docs, nil
}

// cached returns the values of ids (aligned with them) from the store's
// cache, and loads the others with load, keeping what it found.
func cached[V comparable](ctx context.Context, s *Store, m func(*nodeCache) map[string]V, limit int, copy func(V) V, ids []string, load func([]string) ([]V, error)) ([]V, error) {
	return cachedWith(ctx, s, m, copy, ids, load, func(gen uint64, ids []string, vals []V) {
		store(s.cache, gen, m, limit, ids, vals, copy)
	})
}

// cachedWith is cached with its own way of keeping what it loaded.
func cachedWith[V comparable](ctx context.Context, s *Store, m func(*nodeCache) map[string]V, copy func(V) V, ids []string, load func([]string) ([]V, error), keep func(gen uint64, ids []string, vals []V)) ([]V, error) {
	if s.cache == nil || len(ids) == 0 {
		return load(ids)
	}
	gen, err := s.cacheGen(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]V, len(ids))
	miss := lookup(s.cache, m, ids, out, copy)
	if len(miss) == 0 {
		return out, nil
	}
	got, err := load(miss)
	if err != nil {
		return nil, err
	}
	keep(gen, miss, got)
	byID := make(map[string]V, len(miss))
	for i, id := range miss {
		byID[id] = got[i]
	}
	var zero V
	for i, id := range ids {
		if out[i] == zero {
			out[i] = byID[id]
		}
	}
	return out, nil
}

var statementPreds = preds(pledgegraph.PredType, pledgegraph.PredText, pledgegraph.PredStatementKind,
	pledgegraph.PredCue, pledgegraph.PredMentions,
	pledgegraph.PredInDocument, pledgegraph.PredSentence, pledgegraph.PredStart, pledgegraph.PredEnd,
	pledgegraph.PredRule, pledgegraph.PredConfidence)

// Statements returns the statements with the given IDs, aligned with ids,
// nil where an ID names no statement. Two round trips: the statements'
// properties, and their speakers (the said edges into them).
func (s *Store) Statements(ctx context.Context, ids []string) ([]*pledgegraph.Statement, error) {
	const op = "store.Statements"
	if err := checkBatch(op, len(ids)); err != nil {
		return nil, err
	}
	out, err := cached(ctx, s, cachedStatements, cacheNodes, copyStatement, ids, func(ids []string) ([]*pledgegraph.Statement, error) {
		return loadWithSubjects(ctx, s, ids, statementPreds, pledgegraph.TypeStatement, pledgegraph.PredSaid, node.statement)
	})
	if err != nil {
		return nil, pledgegraph.Internal(op, err)
	}
	return out, nil
}

// loadWithSubjects reads nodes of type typ (aligned with ids, nil where an
// ID names none) with their properties and, in a second round trip, the
// subjects of their incoming inverse edges (a statement's speakers, a
// commitment's actors), and decodes each with decode.
func loadWithSubjects[T any](ctx context.Context, s *Store, ids []string, props []quad.Value, typ, inverse string, decode func(n node, id string, subjects []string) *T) ([]*T, error) {
	out := make([]*T, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	qs, err := s.query(ctx, pattern{Subjects: iris(ids), Predicates: props})
	if err != nil {
		return nil, err
	}
	nodes := groupBySubject(qs)
	in, err := s.query(ctx, pattern{Objects: iris(foundIDs(ids, nodes, typ)), Predicates: preds(inverse)})
	if err != nil {
		return nil, err
	}
	subjects := groupInverse(in)
	for i, id := range ids {
		if n := nodes[id]; n != nil && n.typed(typ) {
			out[i] = decode(n, id, subjects[id])
		}
	}
	return out, nil
}

var commitmentPreds = preds(pledgegraph.PredType, pledgegraph.PredAction, pledgegraph.PredTarget,
	pledgegraph.PredPolarity, pledgegraph.PredModality, pledgegraph.PredCondition, pledgegraph.PredAmount,
	pledgegraph.PredStatedIn,
	pledgegraph.PredInDocument, pledgegraph.PredSentence, pledgegraph.PredStart, pledgegraph.PredEnd,
	pledgegraph.PredRule, pledgegraph.PredConfidence)

// Commitments returns the commitments with the given IDs, aligned with ids,
// nil where an ID names no commitment. Two round trips: the commitments'
// properties, and their actors (the pledged edges into them).
func (s *Store) Commitments(ctx context.Context, ids []string) ([]*pledgegraph.Commitment, error) {
	const op = "store.Commitments"
	if err := checkBatch(op, len(ids)); err != nil {
		return nil, err
	}
	out, err := cached(ctx, s, cachedCommitments, cacheNodes, copyCommitment, ids, func(ids []string) ([]*pledgegraph.Commitment, error) {
		return loadWithSubjects(ctx, s, ids, commitmentPreds, pledgegraph.TypeCommitment, pledgegraph.PredPledged, node.commitment)
	})
	if err != nil {
		return nil, pledgegraph.Internal(op, err)
	}
	return out, nil
}

var documentPreds = preds(pledgegraph.PredType, pledgegraph.PredTitle, pledgegraph.PredSource,
	pledgegraph.PredPublishedAt, pledgegraph.PredDateline, pledgegraph.PredContentHash, pledgegraph.PredText)

// Documents returns the documents with the given IDs, aligned with ids, nil
// where an ID names no document. One round trip.
func (s *Store) Documents(ctx context.Context, ids []string) ([]*pledgegraph.Document, error) {
	const op = "store.Documents"
	if err := checkBatch(op, len(ids)); err != nil {
		return nil, err
	}
	out, err := cachedWith(ctx, s, cachedDocuments, copyDocument, ids, func(ids []string) ([]*pledgegraph.Document, error) {
		out := make([]*pledgegraph.Document, len(ids))
		if len(ids) == 0 {
			return out, nil
		}
		qs, err := s.query(ctx, pattern{Subjects: iris(ids), Predicates: documentPreds})
		if err != nil {
			return nil, err
		}
		nodes := groupBySubject(qs)
		for i, id := range ids {
			n := nodes[id]
			if n == nil || !n.typed(pledgegraph.TypeDocument) {
				continue
			}
			out[i] = n.document(id)
		}
		return out, nil
	}, func(gen uint64, ids []string, docs []*pledgegraph.Document) {
		storeDocuments(s.cache, gen, ids, docs)
	})
	if err != nil {
		return nil, pledgegraph.Internal(op, err)
	}
	return out, nil
}

// Neighbors follows one predicate from many nodes at once: for each id, the
// values at the other end (objects for Out, subjects for In), deduplicated
// across documents and sorted. Node IDs come as IDs, literals (Out along a
// literal predicate such as alias) in the text form of TermString. IDs with
// no neighbour have no entry. INVALID for a predicate outside the vocabulary
// or an unknown direction. One round trip.
func (s *Store) Neighbors(ctx context.Context, ids []string, predicate string, dir pledgegraph.Direction) (map[string][]string, error) {
	links, err := s.links(ctx, "store.Neighbors", ids, predicate, dir)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(links))
	for from, set := range links {
		out[from] = sortedMapKeys(set)
	}
	return out, nil
}

// Links is Neighbors with evidence: for each id, the nodes at the other end
// in ID order, each with the sorted IDs of the documents the edge was read
// in. One round trip.
func (s *Store) Links(ctx context.Context, ids []string, predicate string, dir pledgegraph.Direction) (map[string][]pledgegraph.Link, error) {
	links, err := s.links(ctx, "store.Links", ids, predicate, dir)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]pledgegraph.Link, len(links))
	for from, set := range links {
		ls := make([]pledgegraph.Link, 0, len(set))
		for _, to := range sortedMapKeys(set) {
			ls = append(ls, pledgegraph.Link{Node: to, Documents: sortedKeys(set[to])})
		}
		out[from] = ls
	}
	return out, nil
}

// links reads the predicate edges of ids in direction dir: from → to → the
// documents (labels) the edge has.
func (s *Store) links(ctx context.Context, op string, ids []string, predicate string, dir pledgegraph.Direction) (map[string]map[string]map[string]bool, error) {
	if !KnownPredicate(predicate) {
		return nil, &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "unknown predicate " + strconv.Quote(predicate), Op: op}
	}
	if err := checkBatch(op, len(ids)); err != nil {
		return nil, err
	}
	p := pattern{Predicates: preds(predicate)}
	switch dir {
	case pledgegraph.Out:
		p.Subjects = iris(ids)
	case pledgegraph.In:
		p.Objects = iris(ids)
	default:
		return nil, &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "unknown direction", Op: op}
	}
	sets := make(map[string]map[string]map[string]bool)
	if len(ids) == 0 {
		return sets, nil
	}
	qs, err := s.query(ctx, p)
	if err != nil {
		return nil, pledgegraph.Internal(op, err)
	}
	for _, q := range qs {
		from, to := iriOf(q.Subject), valueString(q.Object)
		if dir == pledgegraph.In {
			from, to = iriOf(q.Object), iriOf(q.Subject)
		}
		if from == "" || to == "" {
			continue
		}
		if sets[from] == nil {
			sets[from] = make(map[string]map[string]bool)
		}
		docs := sets[from][to]
		if docs == nil {
			docs = make(map[string]bool, 1)
			sets[from][to] = docs
		}
		if doc := iriOf(q.Label); doc != "" {
			docs[doc] = true
		}
	}
	return sets, nil
}

// evidenceKey is a triple as Evidence matches quads.
type evidenceKey struct {
	s, p string
	o    quad.Value
}

// Evidence returns, for each triple, the sorted IDs of the documents it was
// read in, keyed by EvidenceKey; triples stored in no document have no
// entry. INVALID for a predicate outside the vocabulary. One round trip.
func (s *Store) Evidence(ctx context.Context, triples []pledgegraph.Triple) (map[string][]string, error) {
	const op = "store.Evidence"
	if err := checkBatch(op, len(triples)); err != nil {
		return nil, err
	}
	want := make(map[evidenceKey]string, len(triples))
	var (
		keys  []evidenceKey
		names []string
	)
	for _, t := range triples {
		if !KnownPredicate(t.Predicate) {
			return nil, &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "unknown predicate " + strconv.Quote(t.Predicate), Op: op}
		}
		k := evidenceKey{t.Subject, t.Predicate, termValue(t.Object)}
		if _, ok := want[k]; !ok {
			want[k] = EvidenceKey(t)
			keys, names = append(keys, k), append(names, want[k])
		}
	}
	out := make(map[string][]string)
	if len(keys) == 0 {
		return out, nil
	}
	subj, pred, obj := map[string]bool{}, map[string]bool{}, map[quad.Value]bool{}
	for _, k := range keys {
		subj[k.s], pred[k.p], obj[k.o] = true, true, true
	}
	objs := make([]quad.Value, 0, len(obj))
	for o := range obj {
		objs = append(objs, o)
	}
	wanted := make([]quad.Quad, len(keys))
	for i, k := range keys {
		wanted[i] = quad.Quad{Subject: quad.IRI(k.s), Predicate: quad.IRI(k.p), Object: k.o}
	}
	qs, err := s.query(ctx, pattern{Subjects: iris(sortedKeys(subj)), Predicates: preds(sortedKeys(pred)...), Objects: objs, Triples: wanted})
	if err != nil {
		return nil, pledgegraph.Internal(op, err)
	}
	docs := make(map[evidenceKey]map[string]bool)
	for _, q := range qs {
		k := evidenceKey{iriOf(q.Subject), iriOf(q.Predicate), q.Object}
		if _, ok := want[k]; !ok || iriOf(q.Label) == "" {
			continue
		}
		if docs[k] == nil {
			docs[k] = make(map[string]bool)
		}
		docs[k][iriOf(q.Label)] = true
	}
	for i, k := range keys {
		if set := docs[k]; len(set) > 0 {
			out[names[i]] = sortedKeys(set)
		}
	}
	return out, nil
}

// typeQuads is the pattern of the type quads of all nodes of one type.
func typeQuads(typ string) pattern {
	return pattern{Predicates: preds(pledgegraph.PredType), Objects: []quad.Value{quad.String(typ)}}
}

// FindActors lists actors, by ID, matching the filter: Kind, and Search, a
// case- and accent-insensitive substring of the name or an alias (of their
// NameKey folds, through the key quads). INVALID for an unknown kind or a bad
// page request. One round trip per filter set (one with no filter).
func (s *Store) FindActors(ctx context.Context, f pledgegraph.ActorFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	const op = "store.FindActors"
	if f.Kind != "" && !f.Kind.Valid() {
		return pledgegraph.Page{}, &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "unknown actor kind " + strconv.Quote(string(f.Kind)), Op: op}
	}
	if err := checkPage(op, p); err != nil {
		return pledgegraph.Page{}, err
	}
	key := listKey(op, f)
	ctx = s.cacheCall(ctx)
	gen, err := s.cacheGen(ctx)
	if err != nil {
		return pledgegraph.Page{}, pledgegraph.Internal(op, err)
	}
	if ids, ok := s.cache.lookupList(key); ok {
		return page(op, ids, p)
	}
	var sets []map[string]bool
	add := func(set map[string]bool, e error) {
		if err == nil {
			sets, err = append(sets, set), e
		}
	}
	if f.Kind != "" {
		add(s.subjects(ctx, pattern{Predicates: preds(pledgegraph.PredKind), Objects: []quad.Value{quad.String(string(f.Kind))}}))
	}
	if key := pledgegraph.NameKey(f.Search); key != "" {
		add(s.subjects(ctx, pattern{Predicates: preds(pledgegraph.PredKey), ObjectContains: key}))
	}
	if len(sets) == 0 {
		add(s.subjects(ctx, typeQuads(pledgegraph.TypeActor)))
	}
	if err != nil {
		return pledgegraph.Page{}, pledgegraph.Internal(op, err)
	}
	ids := intersect(pledgegraph.TypeActor, sets)
	s.cache.storeList(gen, key, ids)
	return page(op, ids, p)
}

// FindStatements lists statements, by ID, matching the filter: Speaker (an
// actor ID, through said), Mentions (an actor ID), Kind, Document, and
// Search, a case- and accent-insensitive substring of the text. INVALID for
// an unknown kind or a bad page request. One round trip per filter set (one
// with no filter), one more for Search.
func (s *Store) FindStatements(ctx context.Context, f pledgegraph.StatementFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	const op = "store.FindStatements"
	if f.Kind != "" && !f.Kind.Valid() {
		return pledgegraph.Page{}, &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "unknown statement kind " + strconv.Quote(string(f.Kind)), Op: op}
	}
	if err := checkPage(op, p); err != nil {
		return pledgegraph.Page{}, err
	}
	key := listKey(op, f)
	ctx = s.cacheCall(ctx)
	gen, err := s.cacheGen(ctx)
	if err != nil {
		return pledgegraph.Page{}, pledgegraph.Internal(op, err)
	}
	if ids, ok := s.cache.lookupList(key); ok {
		return page(op, ids, p)
	}
	var sets []map[string]bool
	add := func(set map[string]bool, e error) {
		if err == nil {
			sets, err = append(sets, set), e
		}
	}
	if f.Speaker != "" {
		add(s.objects(ctx, pattern{Subjects: iris([]string{f.Speaker}), Predicates: preds(pledgegraph.PredSaid)}))
	}
	if f.Mentions != "" {
		add(s.subjects(ctx, pattern{Predicates: preds(pledgegraph.PredMentions), Objects: iris([]string{f.Mentions})}))
	}
	if f.Kind != "" {
		add(s.subjects(ctx, pattern{Predicates: preds(pledgegraph.PredStatementKind), Objects: []quad.Value{quad.String(string(f.Kind))}}))
	}
	if f.Document != "" {
		q := typeQuads(pledgegraph.TypeStatement)
		q.Labels = iris([]string{f.Document})
		add(s.subjects(ctx, q))
	}
	if len(sets) == 0 {
		add(s.subjects(ctx, typeQuads(pledgegraph.TypeStatement)))
	}
	if err != nil {
		return pledgegraph.Page{}, pledgegraph.Internal(op, err)
	}
	ids := intersect(pledgegraph.TypeStatement, sets)
	if f.Search != "" && len(ids) > 0 {
		if ids, err = s.searchText(ctx, ids, f.Search); err != nil {
			return pledgegraph.Page{}, pledgegraph.Internal(op, err)
		}
	}
	s.cache.storeList(gen, key, ids)
	return page(op, ids, p)
}

// searchText keeps the nodes whose text contains needle, compared by
// foldText. One round trip.
func (s *Store) searchText(ctx context.Context, ids []string, needle string) ([]string, error) {
	needle = foldText(needle)
	qs, err := s.query(ctx, pattern{Subjects: iris(ids), Predicates: preds(pledgegraph.PredText)})
	if err != nil {
		return nil, err
	}
	keep := make(map[string]bool)
	for _, q := range qs {
		if str, ok := q.Object.(quad.String); ok && strings.Contains(foldText(string(str)), needle) {
			keep[iriOf(q.Subject)] = true
		}
	}
	return sortedKeys(keep), nil
}

// FindCommitments lists commitments, by ID, matching the filter: Actor (an
// actor ID, through pledged), Target (an actor ID), Polarity, Document.
// INVALID for an unknown polarity or a bad page request. One round trip per
// filter set (one with no filter).
func (s *Store) FindCommitments(ctx context.Context, f pledgegraph.CommitmentFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	const op = "store.FindCommitments"
	if f.Polarity != "" && !f.Polarity.Valid() {
		return pledgegraph.Page{}, &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "unknown polarity " + strconv.Quote(string(f.Polarity)), Op: op}
	}
	if err := checkPage(op, p); err != nil {
		return pledgegraph.Page{}, err
	}
	key := listKey(op, f)
	ctx = s.cacheCall(ctx)
	gen, err := s.cacheGen(ctx)
	if err != nil {
		return pledgegraph.Page{}, pledgegraph.Internal(op, err)
	}
	if ids, ok := s.cache.lookupList(key); ok {
		return page(op, ids, p)
	}
	var sets []map[string]bool
	add := func(set map[string]bool, e error) {
		if err == nil {
			sets, err = append(sets, set), e
		}
	}
	if f.Actor != "" {
		add(s.objects(ctx, pattern{Subjects: iris([]string{f.Actor}), Predicates: preds(pledgegraph.PredPledged)}))
	}
	if f.Target != "" {
		add(s.subjects(ctx, pattern{Predicates: preds(pledgegraph.PredTarget), Objects: iris([]string{f.Target})}))
	}
	if f.Polarity != "" {
		add(s.subjects(ctx, pattern{Predicates: preds(pledgegraph.PredPolarity), Objects: []quad.Value{quad.String(string(f.Polarity))}}))
	}
	if f.Document != "" {
		q := typeQuads(pledgegraph.TypeCommitment)
		q.Labels = iris([]string{f.Document})
		add(s.subjects(ctx, q))
	}
	if mod := strings.TrimSpace(f.Modality); mod != "" {
		add(s.withModality(ctx, mod))
	}
	if len(sets) == 0 {
		add(s.subjects(ctx, typeQuads(pledgegraph.TypeCommitment)))
	}
	if err != nil {
		return pledgegraph.Page{}, pledgegraph.Internal(op, err)
	}
	ids := intersect(pledgegraph.TypeCommitment, sets)
	s.cache.storeList(gen, key, ids)
	return page(op, ids, p)
}

// withModality returns the commitments whose modal word is mod, compared
// as CommitmentFilter says. The modality quads are read (one round trip,
// the values only, not the records), and, when the store has a cache, the
// commitments of every modal word are kept (a corpus has a few hundred
// words), so that the next modality asked costs no round trip until a write.
func (s *Store) withModality(ctx context.Context, mod string) (map[string]bool, error) {
	const wordsKey = "modality\x00words" // the modal words as written
	wordKey := func(w string) string { return "modality\x00=" + w }
	var gen uint64
	if s.cache != nil {
		var err error
		if gen, err = s.cacheGen(ctx); err != nil {
			return nil, err
		}
		if words, ok := s.cache.lookupSet(wordsKey); ok {
			out, complete := map[string]bool{}, true
			for w := range words {
				if !pledgegraph.SameModality(w, mod) {
					continue
				}
				set, ok := s.cache.lookupSet(wordKey(w))
				if complete = complete && ok; !complete {
					break // too large to be kept: read again
				}
				maps.Copy(out, set)
			}
			if complete {
				return out, nil
			}
		}
	}
	qs, err := s.query(ctx, pattern{Predicates: preds(pledgegraph.PredModality)})
	if err != nil {
		return nil, err
	}
	byWord := map[string]map[string]bool{}
	out := map[string]bool{}
	for _, q := range qs {
		v, ok := q.Object.(quad.String)
		id := iriOf(q.Subject)
		if !ok || id == "" {
			continue
		}
		w := strings.TrimSpace(string(v))
		if byWord[w] == nil {
			byWord[w] = map[string]bool{}
		}
		byWord[w][id] = true
		if pledgegraph.SameModality(w, mod) {
			out[id] = true
		}
	}
	if s.cache != nil {
		words := make(map[string]bool, len(byWord))
		for w, set := range byWord {
			s.cache.storeSet(gen, wordKey(w), set)
			words[w] = true
		}
		s.cache.storeSet(gen, wordsKey, words)
	}
	return out, nil
}

// FindDocuments lists the documents by ID. One round trip.
func (s *Store) FindDocuments(ctx context.Context, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	const op = "store.FindDocuments"
	if err := checkPage(op, p); err != nil {
		return pledgegraph.Page{}, err
	}
	key := listKey(op, nil)
	ctx = s.cacheCall(ctx)
	gen, err := s.cacheGen(ctx)
	if err != nil {
		return pledgegraph.Page{}, pledgegraph.Internal(op, err)
	}
	if ids, ok := s.cache.lookupList(key); ok {
		return page(op, ids, p)
	}
	set, err := s.subjects(ctx, typeQuads(pledgegraph.TypeDocument))
	if err != nil {
		return pledgegraph.Page{}, pledgegraph.Internal(op, err)
	}
	ids := intersect(pledgegraph.TypeDocument, []map[string]bool{set})
	s.cache.storeList(gen, key, ids)
	return page(op, ids, p)
}

// Stats counts the nodes of each type and the quads. Two round trips.
func (s *Store) Stats(ctx context.Context) (pledgegraph.Stats, error) {
	const op = "store.Stats"
	qs, err := s.query(ctx, pattern{Predicates: preds(pledgegraph.PredType), Objects: []quad.Value{
		quad.String(pledgegraph.TypeDocument), quad.String(pledgegraph.TypeActor),
		quad.String(pledgegraph.TypeStatement), quad.String(pledgegraph.TypeCommitment)}})
	if err != nil {
		return pledgegraph.Stats{}, pledgegraph.Internal(op, err)
	}
	types := make(map[string]map[string]bool)
	for _, q := range qs {
		t := valueString(q.Object)
		if types[t] == nil {
			types[t] = make(map[string]bool)
		}
		types[t][iriOf(q.Subject)] = true
	}
	if s.closed.Load() {
		return pledgegraph.Stats{}, pledgegraph.Internal(op, errClosed)
	}
	s.trips.Add(1)
	n, err := s.b.quadCount(ctx)
	if err != nil {
		return pledgegraph.Stats{}, pledgegraph.Internal(op, err)
	}
	return pledgegraph.Stats{
		Documents:   len(types[pledgegraph.TypeDocument]),
		Actors:      len(types[pledgegraph.TypeActor]),
		Statements:  len(types[pledgegraph.TypeStatement]),
		Commitments: len(types[pledgegraph.TypeCommitment]),
		Quads:       int(n),
	}, nil
}

// intersect returns the sorted IDs of the given node type (by the type
// prefix of IDs, see pledgegraph.NodeType) in every set: an edge a filter
// follows may also join other nodes (documents mention actors, as statements
// do).
// listKey is the cache key of the sorted IDs a finder matches.
func listKey(op string, filter any) string {
	return "list\x00" + op + "\x00" + fmt.Sprintf("%#v", filter)
}

func intersect(typ string, sets []map[string]bool) []string {
	if len(sets) == 0 {
		return nil
	}
	sort.Slice(sets, func(i, j int) bool { return len(sets[i]) < len(sets[j]) })
	var out []string
next:
	for id := range sets[0] {
		if pledgegraph.NodeType(id) != typ {
			continue
		}
		for _, set := range sets[1:] {
			if !set[id] {
				continue next
			}
		}
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// sortedMapKeys returns the keys of m in order.
func sortedMapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sortedKeys[K interface{ ~string }](m map[K]bool) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// foundIDs returns the ids whose node has the given type.
func foundIDs(ids []string, nodes map[string]node, typ string) []string {
	var out []string
	for _, id := range ids {
		if n := nodes[id]; n != nil && n.typed(typ) {
			out = append(out, id)
		}
	}
	return out
}
