package traverse

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"pledgegraph"
)

// Source is what an Adjacency is built from and checked against;
// pledgegraph.Store satisfies it.
type Source interface {
	Graph
	EvidenceSource
	// Links is Neighbors with the documents of each edge (see
	// pledgegraph.Store).
	Links(ctx context.Context, ids []string, predicate string, dir pledgegraph.Direction) (map[string][]pledgegraph.Link, error)
	FindActors(ctx context.Context, f pledgegraph.ActorFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error)
	FindDocuments(ctx context.Context, p pledgegraph.PageRequest) (pledgegraph.Page, error)
}

// LinkScanner is an optional interface of a Source (the PostgreSQL store
// has it): every edge of some predicates, with the document it was read in,
// in one streaming pass. A build then reads the relation edges in one query
// instead of a few dozen batches of Links, and never holds more than the
// copy itself in memory. A ScanLinks error satisfying
// errors.Is(err, errors.ErrUnsupported) (a store whose backend cannot)
// means it has not: the build asks Links.
type LinkScanner interface {
	// ScanLinks calls fn once per stored (subject, predicate, object,
	// document) whose subject and object are node IDs, in any order; an
	// error from fn stops the scan and is returned.
	ScanLinks(ctx context.Context, predicates []string, fn func(subject, predicate, object, document string) error) error
}

// GenerationSource is an optional interface of a Source that other
// processes may write (the PostgreSQL store has it): a counter that every
// write transaction advances, cheap to read. The staleness check then reads
// it (one tiny query) and counts the store's documents only when it moved
// since the copy was last found current; a Generation error satisfying
// errors.Is(err, errors.ErrUnsupported) means it has not.
type GenerationSource interface {
	Generation(ctx context.Context) (int64, error)
}

// AdjacencyConfig tunes an Adjacency. Zero fields take the defaults in
// brackets.
type AdjacencyConfig struct {
	// Relations to keep in memory [DefaultRelations()]; use the same as the
	// Traverser's. Neighbors of any other predicate go to the Source.
	Relations []Relation
	// CheckEvery says how often the copy is compared with the store before
	// it is trusted. 0 [default]: before every query (one FindDocuments
	// call for the store's document count, which costs a scan of the
	// document type quads; with a GenerationSource, one read of the
	// generation, and the count only when it moved), so that a write by
	// another process sharing the database is never missed.
	// > 0: at most once per interval, so another process's write may go
	// unseen for that long. < 0: never; only for a store no other process
	// writes (memory, bolt), where Apply sees every write.
	CheckEvery time.Duration
	// MinRebuildInterval is the least time between the starts of two
	// background builds, and after a failed one [5s]; meanwhile a stale copy
	// is not used and queries go to the store.
	MinRebuildInterval time.Duration
	// PageSize is the page size used to list actors and documents [1000],
	// BatchSize the number of IDs per Neighbors call while building [5000].
	PageSize, BatchSize int
	// Now tells the time [time.Now].
	Now func() time.Time
	// Logger receives rebuild events [slog.Default()].
	Logger *slog.Logger
}

// Adjacency is an in-memory copy of the relation edges of a store: a Graph
// that answers Neighbors without a round trip.
//
// Keeping it in step:
//   - writes of this process: call Apply after each successful Store.Write
//     that created the document;
//   - writes of other processes (several servers on one PostgreSQL
//     database): before a query trusts the copy, View compares the number of
//     documents the store holds (the Total of FindDocuments) with the
//     number the copy holds, every query or at most once per
//     AdjacencyConfig.CheckEvery. Documents are only ever added and each is
//     written atomically, so equal counts mean the same documents, hence
//     the same edges. A GenerationSource spares the count while its
//     generation stays where it was when the counts last agreed.
//
// When the copy is stale or not built yet, View returns the Source itself
// (answers stay correct, one round trip per relation and direction per
// level) and a rebuild starts in the background; writes applied while it
// runs are replayed onto the new copy. Refresh builds synchronously, e.g. at
// start-up.
//
// Building lists documents and actors (FindDocuments, FindActors), then
// reads the relation edges: from a LinkScanner in one streaming query, else
// by asking each relation of the actors and documents in batches of Links
// (statements and commitments are found as the other ends), a few dozen
// round trips for 10k documents. Memory: about 120 bytes per node plus 16
// per edge (an edge is kept at both ends).
//
// All methods are safe for concurrent use. Close stops a running rebuild.
type Adjacency struct {
	src Source
	cfg AdjacencyConfig
	rel map[string]int // predicate → index into cfg.Relations

	stop     chan struct{} // closed by Close: background builds end
	stopOnce sync.Once
	wg       sync.WaitGroup

	buildMu sync.Mutex // one build at a time

	mu        sync.RWMutex
	snap      *snapshot // nil until built
	building  bool      // a build is running: Apply also logs to pending
	pending   []applied // applies since the running build started
	lastCheck time.Time // last time Stats agreed with the copy
	// gen is the GenerationSource's generation when the store was last
	// known to hold what the copy holds, if genKnown.
	gen       int64
	genKnown  bool
	failedAt  time.Time // last failed background build
	lastBuild time.Time // start of the last build

	pool sync.Pool // *scratch of the neighbourhood queries
}

type applied struct {
	doc   string
	edges []Edge
}

// NewAdjacency returns an empty copy of src's relation edges; it is built on
// the first View (in the background) or by Refresh.
func NewAdjacency(src Source, cfg AdjacencyConfig) *Adjacency {
	if len(cfg.Relations) == 0 {
		cfg.Relations = DefaultRelations()
	}
	if cfg.MinRebuildInterval <= 0 {
		cfg.MinRebuildInterval = 5 * time.Second
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = 1000
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 5000
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	a := &Adjacency{src: src, cfg: cfg, rel: map[string]int{}, stop: make(chan struct{})}
	for i, r := range cfg.Relations {
		a.rel[r.Predicate] = i
	}
	return a
}

// Close stops a background rebuild and waits for it.
func (a *Adjacency) Close() error {
	a.stopOnce.Do(func() { close(a.stop) })
	a.wg.Wait()
	return nil
}

func (a *Adjacency) stopped() bool {
	select {
	case <-a.stop:
		return true
	default:
		return false
	}
}

// AdjacencyStats describes the copy.
type AdjacencyStats struct {
	Built            bool
	Documents, Nodes int
	Edges            int // relation edges (each counted once)
}

// Stats describes the copy.
func (a *Adjacency) Stats() AdjacencyStats {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.snap == nil {
		return AdjacencyStats{}
	}
	return AdjacencyStats{Built: true, Documents: len(a.snap.docs), Nodes: len(a.snap.ids), Edges: a.snap.edges}
}

// Apply records the relation edges of a document just written to the store
// (the triples given to a Store.Write that returned created=true). Triples
// of other predicates and literal objects are ignored. A document the copy
// already holds is skipped whole: applying twice changes nothing, and the
// triples of a re-read document (created=false, perhaps extracted
// differently since) cannot add edges the store does not have.
func (a *Adjacency) Apply(docID string, triples []pledgegraph.Triple) {
	var edges []Edge
	for _, t := range triples {
		if _, ok := a.rel[t.Predicate]; ok && t.Object.Kind == pledgegraph.TermIRI {
			edges = append(edges, Edge{Source: t.Subject, Predicate: t.Predicate, Target: t.Object.Str})
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.building {
		a.pending = append(a.pending, applied{doc: docID, edges: edges})
	}
	if a.snap != nil {
		a.snap.apply(a.rel, docID, edges)
	}
}

// View returns the Graph a query should read: the in-memory copy when it
// is known to hold everything the store holds, else the Source (and a
// rebuild is started in the background). Errors are the Source's Stats
// errors.
func (a *Adjacency) View(ctx context.Context) (Graph, error) {
	if snap, ok, err := a.fresh(ctx); err != nil {
		return nil, err
	} else if ok {
		return &snapView{a: a, snap: snap}, nil
	}
	a.startBuild()
	return a.src, nil
}

// Neighbors answers from View: Adjacency is itself a Graph.
func (a *Adjacency) Neighbors(ctx context.Context, ids []string, predicate string, dir pledgegraph.Direction) (map[string][]string, error) {
	g, err := a.View(ctx)
	if err != nil {
		return nil, err
	}
	return g.Neighbors(ctx, ids, predicate, dir)
}

// fresh returns the copy if it may be trusted now.
func (a *Adjacency) fresh(ctx context.Context) (*snapshot, bool, error) {
	a.mu.RLock()
	snap, last := a.snap, a.lastCheck
	a.mu.RUnlock()
	if snap == nil {
		return nil, false, nil
	}
	if a.cfg.CheckEvery < 0 {
		return snap, true, nil
	}
	now := a.cfg.Now()
	if a.cfg.CheckEvery > 0 && !last.IsZero() && now.Sub(last) < a.cfg.CheckEvery {
		return snap, true, nil
	}
	// Read before the count: if the counts agree, the store held at this
	// generation no document the copy lacks.
	gen, genOK, err := a.generation(ctx)
	if err != nil {
		return nil, false, err
	}
	if genOK {
		a.mu.Lock()
		same := a.snap == snap && a.genKnown && a.gen == gen
		if same {
			a.lastCheck = now
		}
		a.mu.Unlock()
		if same {
			return snap, true, nil
		}
	}
	count, err := a.src.FindDocuments(ctx, pledgegraph.PageRequest{First: 1})
	if err != nil {
		return nil, false, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.snap != snap { // swapped meanwhile: judge the new one next time
		return snap, false, nil
	}
	if count.Total != len(snap.docs) {
		a.lastCheck = time.Time{}
		return snap, false, nil
	}
	a.lastCheck = now
	if genOK {
		a.gen, a.genKnown = gen, true
	}
	return snap, true, nil
}

// generation reads the Source's write generation; ok is false when it has
// none.
func (a *Adjacency) generation(ctx context.Context) (gen int64, ok bool, err error) {
	gs, isGS := a.src.(GenerationSource)
	if !isGS {
		return 0, false, nil
	}
	gen, err = gs.Generation(ctx)
	if errors.Is(err, errors.ErrUnsupported) {
		return 0, false, nil
	}
	return gen, err == nil, err
}

// startBuild starts a background build unless one is running or the last
// one failed recently.
func (a *Adjacency) startBuild() {
	a.mu.Lock()
	now := a.cfg.Now()
	if a.building || a.stopped() ||
		(!a.failedAt.IsZero() && now.Sub(a.failedAt) < a.cfg.MinRebuildInterval) ||
		(!a.lastBuild.IsZero() && now.Sub(a.lastBuild) < a.cfg.MinRebuildInterval) {
		a.mu.Unlock()
		return
	}
	a.building = true // claimed here so that concurrent Views start one build
	a.mu.Unlock()
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go func() {
			select {
			case <-a.stop:
				cancel()
			case <-ctx.Done():
			}
		}()
		if err := a.build(ctx); err != nil {
			a.mu.Lock()
			a.failedAt = a.cfg.Now()
			a.mu.Unlock()
			if !a.stopped() {
				a.cfg.Logger.Error("adjacency rebuild failed", "err", err)
			}
		}
	}()
}

// Refresh rebuilds the copy from the store now and returns when it is in
// place. Errors are the Source's, or ELIMIT when ctx ends.
func (a *Adjacency) Refresh(ctx context.Context) error {
	return a.build(ctx)
}

// build enumerates the store into a new snapshot and swaps it in.
func (a *Adjacency) build(ctx context.Context) (err error) {
	a.buildMu.Lock()
	defer a.buildMu.Unlock()
	a.mu.Lock()
	a.building = true
	a.pending = nil
	a.mu.Unlock()
	defer func() {
		if err != nil {
			a.mu.Lock()
			a.building = false
			a.pending = nil
			a.mu.Unlock()
		}
	}()
	start := a.cfg.Now()
	a.mu.Lock()
	a.lastBuild = start
	a.mu.Unlock()
	s := newSnapshot()
	// The generation first: the copy holds at least what the store held
	// then.
	gen, genOK, err := a.generation(ctx)
	if err != nil {
		return err
	}
	// Documents first: every edge of a document listed here was committed
	// before the edges below are read.
	docs, err := a.all(ctx, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) { return a.src.FindDocuments(ctx, p) })
	if err != nil {
		return err
	}
	actors, err := a.all(ctx, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
		return a.src.FindActors(ctx, pledgegraph.ActorFilter{}, p)
	})
	if err != nil {
		return err
	}
	for _, d := range docs {
		s.docs[d] = struct{}{}
	}
	scanned, err := a.scan(ctx, s, docs, actors)
	if err != nil {
		return err
	}
	if !scanned {
		if err := a.collectAll(ctx, s, docs, actors); err != nil {
			return err
		}
	}
	for _, id := range actors {
		s.node(id)
	}
	for _, id := range docs {
		s.node(id)
	}
	s.finish()
	a.mu.Lock()
	for _, p := range a.pending {
		s.apply(a.rel, p.doc, p.edges)
	}
	a.snap, a.building, a.pending, a.lastCheck, a.failedAt = s, false, nil, time.Time{}, time.Time{}
	a.gen, a.genKnown = gen, genOK
	a.mu.Unlock()
	a.cfg.Logger.Info("adjacency built", "documents", len(s.docs), "nodes", len(s.ids), "edges", s.edges,
		"scanned", scanned, "took", a.cfg.Now().Sub(start).Round(time.Millisecond))
	return nil
}

// anchor says which end of a relation's edges a build starts from: the
// subjects (dir Out) or the objects (In), and whether the nodes of that end
// are all listed (actors and documents) or found as the other ends of the
// relations asked before (statements and commitments; later).
type anchor struct {
	dir   pledgegraph.Direction
	later bool
}

// anchors chooses, for each relation, the end whose node types are listed
// whole (actors, documents), else the subjects, asked later.
func (a *Adjacency) anchors() []anchor {
	complete := []string{pledgegraph.TypeActor, pledgegraph.TypeDocument}
	out := make([]anchor, len(a.cfg.Relations))
	for ri, r := range a.cfg.Relations {
		switch {
		case r.Subject != nil && subset(r.Subject, complete):
			out[ri] = anchor{dir: pledgegraph.Out}
		case r.Object != nil && subset(r.Object, complete):
			out[ri] = anchor{dir: pledgegraph.In}
		default:
			out[ri] = anchor{dir: pledgegraph.Out, later: true}
		}
	}
	return out
}

// scan reads every relation edge from a LinkScanner into s, keeping those
// collectAll would: the anchor end (see anchors) a listed actor or document
// or a statement or commitment the relation accepts, the other end a typed
// node, distinct from the anchor. (collectAll asks a later relation only of
// the statements and commitments found at the other end of another
// relation; in a store written by ingest every one is, by inDocument.) It
// reports false when the Source cannot scan.
func (a *Adjacency) scan(ctx context.Context, s *snapshot, docs, actors []string) (bool, error) {
	sc, ok := a.src.(LinkScanner)
	if !ok {
		return false, nil
	}
	listed := make(map[string]bool, len(docs)+len(actors))
	for _, ids := range [][]string{docs, actors} {
		for _, id := range ids {
			listed[id] = true
		}
	}
	anchors := a.anchors()
	preds := make([]string, len(a.cfg.Relations))
	for ri, r := range a.cfg.Relations {
		preds[ri] = r.Predicate
	}
	err := sc.ScanLinks(ctx, preds, func(sub, pred, obj, doc string) error {
		ri, ok := a.rel[pred]
		if !ok {
			return nil
		}
		an, r := anchors[ri], a.cfg.Relations[ri]
		from, other := sub, obj
		if an.dir == pledgegraph.In {
			from, other = obj, sub
		}
		if from == other || pledgegraph.NodeType(other) == "" {
			return nil
		}
		switch typ := pledgegraph.NodeType(from); {
		case !r.accepts(an.dir, typ):
			return nil
		case typ == pledgegraph.TypeActor || typ == pledgegraph.TypeDocument:
			if !listed[from] {
				return nil
			}
		case typ == "" || !an.later:
			return nil
		}
		s.addOne(ri, sub, obj, doc)
		return nil
	})
	if errors.Is(err, errors.ErrUnsupported) {
		return false, nil
	}
	if err != nil {
		if ctx.Err() != nil {
			return false, canceled(ctx.Err())
		}
		return false, err
	}
	return true, nil
}

// collectAll reads the relation edges through Links: each relation asked
// of its anchor end (see anchors) in batches.
func (a *Adjacency) collectAll(ctx context.Context, s *snapshot, docs, actors []string) error {
	// Actors and documents are listed whole. Statements and commitments are
	// too many to page through (a page costs a scan of all of them), so
	// they are found as the other ends of relations asked of the actors and
	// documents; a relation with neither end among those is then asked of
	// the statements and commitments found.
	known := map[string][]string{pledgegraph.TypeDocument: docs, pledgegraph.TypeActor: actors}
	found := map[string]map[string]bool{}
	from := func(r Relation, dir pledgegraph.Direction, types []string) []string {
		var ids []string
		for _, typ := range []string{pledgegraph.TypeActor, pledgegraph.TypeDocument, pledgegraph.TypeStatement, pledgegraph.TypeCommitment} {
			if !r.accepts(dir, typ) || !slices.Contains(types, typ) {
				continue
			}
			if ids0, ok := known[typ]; ok {
				ids = append(ids, ids0...)
			} else {
				ids = append(ids, sortedSet(found[typ])...)
			}
		}
		return ids
	}
	complete := []string{pledgegraph.TypeActor, pledgegraph.TypeDocument}
	anchors := a.anchors()
	for ri, r := range a.cfg.Relations {
		if an := anchors[ri]; !an.later {
			if err := a.collect(ctx, s, ri, from(r, an.dir, complete), an.dir, found); err != nil {
				return err
			}
		}
	}
	for ri, r := range a.cfg.Relations {
		if anchors[ri].later {
			ids := from(r, pledgegraph.Out, []string{pledgegraph.TypeActor, pledgegraph.TypeDocument, pledgegraph.TypeStatement, pledgegraph.TypeCommitment})
			if err := a.collect(ctx, s, ri, ids, pledgegraph.Out, found); err != nil {
				return err
			}
		}
	}
	return nil
}

// collect asks relation ri of ids in direction dir, in batches, adds the
// edges to s and records the nodes found at the other end by type.
func (a *Adjacency) collect(ctx context.Context, s *snapshot, ri int, ids []string, dir pledgegraph.Direction, found map[string]map[string]bool) error {
	r := a.cfg.Relations[ri]
	for lo := 0; lo < len(ids); lo += a.cfg.BatchSize {
		batch := ids[lo:min(lo+a.cfg.BatchSize, len(ids))]
		res, err := a.src.Links(ctx, batch, r.Predicate, dir)
		if err != nil {
			return err
		}
		for _, id := range batch {
			for _, l := range res[id] {
				other := l.Node
				typ := pledgegraph.NodeType(other)
				if typ == "" || other == id {
					continue
				}
				if found[typ] == nil {
					found[typ] = map[string]bool{}
				}
				found[typ][other] = true
				if dir == pledgegraph.Out {
					s.add(ri, id, other, l.Documents)
				} else {
					s.add(ri, other, id, l.Documents)
				}
			}
		}
	}
	return nil
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// subset reports whether every element of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// all lists every ID of a paged finder.
func (a *Adjacency) all(ctx context.Context, find func(pledgegraph.PageRequest) (pledgegraph.Page, error)) ([]string, error) {
	var ids []string
	p := pledgegraph.PageRequest{First: a.cfg.PageSize}
	for {
		if err := ctx.Err(); err != nil {
			return nil, canceled(err)
		}
		page, err := find(p)
		if err != nil {
			return nil, err
		}
		ids = append(ids, page.IDs...)
		if !page.HasNext || len(page.IDs) == 0 {
			return ids, nil
		}
		p.After = page.Cursors[len(page.Cursors)-1]
	}
}

// snapView is one query's view of a snapshot.
type snapView struct {
	a    *Adjacency
	snap *snapshot
}

func (v *snapView) Neighbors(ctx context.Context, ids []string, predicate string, dir pledgegraph.Direction) (map[string][]string, error) {
	if _, ok := v.a.rel[predicate]; !ok {
		return v.a.src.Neighbors(ctx, ids, predicate, dir)
	}
	if err := ctx.Err(); err != nil {
		return nil, canceled(err)
	}
	return v.neighborsWithin(ids, predicate, dir, nil), nil
}

// neighborsWithin answers Neighbors for a relation of the copy, in ID
// order, keeping only the neighbours in f's set when f is not nil (and
// noting in f whether it dropped any).
func (v *snapView) neighborsWithin(ids []string, predicate string, dir pledgegraph.Direction, f *within) map[string][]string {
	ri, ok := v.a.rel[predicate]
	if !ok {
		return map[string][]string{}
	}
	k := arcKey(ri, dir)
	byKey := func(a arc, k uint16) int { return cmp.Compare(a.key, k) }
	v.a.mu.RLock()
	defer v.a.mu.RUnlock()
	if f != nil && f.marks == nil {
		f.marks = make([]uint64, (len(v.snap.ids)+63)/64)
		for id := range f.in {
			if n, ok := v.snap.idx[id]; ok {
				f.marks[n/64] |= 1 << (n % 64)
			}
		}
	}
	out := make(map[string][]string, len(ids))
	for _, id := range ids {
		n, ok := v.snap.idx[id]
		if !ok {
			continue
		}
		arcs := v.snap.arcs[n]
		i, _ := slices.BinarySearchFunc(arcs, k, byKey)
		j, _ := slices.BinarySearchFunc(arcs, k+1, byKey)
		if j <= i {
			continue
		}
		var nbs []string
		if f == nil {
			nbs = make([]string, j-i)
			for n, a := range arcs[i:j] {
				nbs[n] = v.snap.ids[a.other]
			}
		} else {
			for _, a := range arcs[i:j] {
				if int(a.other)/64 < len(f.marks) && f.marks[a.other/64]&(1<<(a.other%64)) != 0 {
					nbs = append(nbs, v.snap.ids[a.other])
				} else {
					f.rejected = true
				}
			}
		}
		if len(nbs) > 0 {
			out[id] = nbs
		}
	}
	return out
}

// EdgeEvidence returns the documents of each distinct edge: from the copy
// for its relations (an edge it does not hold has none), from the Source in
// one Evidence call for any other predicate.
func (v *snapView) EdgeEvidence(ctx context.Context, edges []Edge) (map[Edge][]string, error) {
	out := make(map[Edge][]string, len(edges))
	var rest []Edge
	v.a.mu.RLock()
	for _, e := range edges {
		if _, ok := out[e]; ok {
			continue
		}
		ri, ok := v.a.rel[e.Predicate]
		if !ok {
			rest = append(rest, e)
			continue
		}
		docs, _ := v.snap.edgeEvidence(ri, e)
		if docs == nil {
			docs = []string{}
		}
		out[e] = docs
	}
	v.a.mu.RUnlock()
	if len(rest) > 0 {
		more, err := Evidence(ctx, v.a.src, rest)
		if err != nil {
			return nil, err
		}
		maps.Copy(out, more)
	}
	return out, nil
}

// Degree is the number of edges of a node, all relations and directions.
func (v *snapView) Degree(id string) int {
	v.a.mu.RLock()
	defer v.a.mu.RUnlock()
	if n, ok := v.snap.idx[id]; ok {
		return len(v.snap.arcs[n])
	}
	return 0
}

// snapshot is the adjacency itself: nodes interned to int32, each with its
// arcs sorted by relation and direction, then by the ID of the other end (so
// that Neighbors answers in ID order, as the store does). The out-arc of an
// edge (at its subject) also holds its evidence: the documents it was read
// in, interned too.
type snapshot struct {
	idx   map[string]int32
	ids   []string
	types []uint8 // typeCode of each node
	arcs  [][]arc
	docs  map[string]struct{} // the documents the copy holds whole
	edges int

	docIdx map[string]int32 // evidence documents, interned
	docIDs []string
	evs    [][]int32 // evidence of edges read in several documents
}

type arc struct {
	key   uint16 // relation index*2 + direction
	other int32
	// ev is an out-arc's evidence: ≥ 0 the one document (index into
	// docIDs), < 0 the list evs[-ev-1]. Unused on in-arcs.
	ev int32
}

// noEvidence marks an in-arc, and an out-arc whose documents are unknown.
const noEvidence = math.MinInt32

func arcKey(rel int, dir pledgegraph.Direction) uint16 { return uint16(rel*2 + int(dir)) }

func (s *snapshot) compareArcs(a, b arc) int {
	return cmp.Or(cmp.Compare(a.key, b.key), strings.Compare(s.ids[a.other], s.ids[b.other]))
}

func newSnapshot() *snapshot {
	return &snapshot{idx: map[string]int32{}, docs: map[string]struct{}{}, docIdx: map[string]int32{}}
}

func (s *snapshot) node(id string) int32 {
	if n, ok := s.idx[id]; ok {
		return n
	}
	n := int32(len(s.ids))
	s.idx[id] = n
	s.ids = append(s.ids, id)
	s.types = append(s.types, typeCode(id))
	s.arcs = append(s.arcs, nil)
	return n
}

func (s *snapshot) doc(id string) int32 {
	if n, ok := s.docIdx[id]; ok {
		return n
	}
	n := int32(len(s.docIDs))
	s.docIdx[id] = n
	s.docIDs = append(s.docIDs, id)
	return n
}

// evidence interns a list of documents as an arc's ev.
func (s *snapshot) evidence(docs []string) int32 {
	switch len(docs) {
	case 0:
		return noEvidence
	case 1:
		return s.doc(docs[0])
	}
	l := make([]int32, 0, len(docs))
	for _, d := range docs {
		n := s.doc(d)
		if !slices.Contains(l, n) {
			l = append(l, n)
		}
	}
	s.evs = append(s.evs, l)
	return -int32(len(s.evs))
}

// addEvidence adds document d to the evidence ev and returns the new ev.
func (s *snapshot) addEvidence(ev, d int32) int32 {
	switch {
	case ev == noEvidence:
		return d
	case ev >= 0:
		if ev == d {
			return ev
		}
		s.evs = append(s.evs, []int32{ev, d})
		return -int32(len(s.evs))
	}
	l := s.evs[-ev-1]
	if !slices.Contains(l, d) {
		s.evs[-ev-1] = append(l, d)
	}
	return ev
}

// documents returns the document IDs of an evidence, sorted.
func (s *snapshot) documents(ev int32) []string {
	switch {
	case ev == noEvidence:
		return []string{}
	case ev >= 0:
		return []string{s.docIDs[ev]}
	}
	l := s.evs[-ev-1]
	out := make([]string, len(l))
	for i, d := range l {
		out[i] = s.docIDs[d]
	}
	slices.Sort(out)
	return out
}

// add appends an edge read in docs without keeping order; finish sorts.
func (s *snapshot) add(rel int, sub, obj string, docs []string) {
	a, b := s.node(sub), s.node(obj)
	s.arcs[a] = append(s.arcs[a], arc{arcKey(rel, pledgegraph.Out), b, s.evidence(docs)})
	s.arcs[b] = append(s.arcs[b], arc{arcKey(rel, pledgegraph.In), a, noEvidence})
	s.edges++
}

// addOne is add for an edge read in one document ("": none known).
func (s *snapshot) addOne(rel int, sub, obj, doc string) {
	a, b := s.node(sub), s.node(obj)
	ev := int32(noEvidence)
	if doc != "" {
		ev = s.doc(doc)
	}
	s.arcs[a] = append(s.arcs[a], arc{arcKey(rel, pledgegraph.Out), b, ev})
	s.arcs[b] = append(s.arcs[b], arc{arcKey(rel, pledgegraph.In), a, noEvidence})
	s.edges++
}

// finish sorts every node's arcs and merges duplicates (with their
// evidence).
func (s *snapshot) finish() {
	s.edges = 0
	for n, arcs := range s.arcs {
		slices.SortFunc(arcs, s.compareArcs)
		out := arcs[:0]
		for _, a := range arcs {
			if k := len(out); k > 0 && out[k-1].key == a.key && out[k-1].other == a.other {
				if a.key%2 == uint16(pledgegraph.Out) {
					for _, d := range s.documentIndexes(a.ev) {
						out[k-1].ev = s.addEvidence(out[k-1].ev, d)
					}
				}
				continue
			}
			out = append(out, a)
		}
		s.arcs[n] = slices.Clip(out)
		for _, a := range out {
			if a.key%2 == uint16(pledgegraph.Out) {
				s.edges++
			}
		}
	}
}

func (s *snapshot) documentIndexes(ev int32) []int32 {
	switch {
	case ev == noEvidence:
		return nil
	case ev >= 0:
		return []int32{ev}
	}
	return slices.Clone(s.evs[-ev-1])
}

// apply inserts a document's edges in order, skipping those already there
// but for their evidence, which gains the document.
func (s *snapshot) apply(rel map[string]int, doc string, edges []Edge) {
	if _, ok := s.docs[doc]; ok {
		return // its edges came with it
	}
	s.docs[doc] = struct{}{}
	s.node(doc)
	d := s.doc(doc)
	for _, e := range edges {
		ri, ok := rel[e.Predicate]
		if !ok || e.Source == e.Target || pledgegraph.NodeType(e.Target) == "" {
			continue
		}
		a, b := s.node(e.Source), s.node(e.Target)
		out := arc{arcKey(ri, pledgegraph.Out), b, d}
		i, found := slices.BinarySearchFunc(s.arcs[a], out, s.compareArcs)
		if found {
			s.arcs[a][i].ev = s.addEvidence(s.arcs[a][i].ev, d)
			continue
		}
		s.arcs[a] = slices.Insert(s.arcs[a], i, out)
		s.insert(b, arc{arcKey(ri, pledgegraph.In), a, noEvidence})
		s.edges++
	}
}

func (s *snapshot) insert(n int32, x arc) bool {
	i, found := slices.BinarySearchFunc(s.arcs[n], x, s.compareArcs)
	if found {
		return false
	}
	s.arcs[n] = slices.Insert(s.arcs[n], i, x)
	return true
}

// edgeEvidence looks up the evidence of an edge of relation ri; ok is
// false when the copy does not hold the edge.
func (s *snapshot) edgeEvidence(ri int, e Edge) ([]string, bool) {
	a, ok := s.idx[e.Source]
	if !ok {
		return nil, false
	}
	b, ok := s.idx[e.Target]
	if !ok {
		return nil, false
	}
	i, found := slices.BinarySearchFunc(s.arcs[a], arc{key: arcKey(ri, pledgegraph.Out), other: b}, s.compareArcs)
	if !found {
		return nil, false
	}
	return s.documents(s.arcs[a][i].ev), true
}
