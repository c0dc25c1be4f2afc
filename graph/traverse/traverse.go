package traverse

import (
	"context"
	"slices"
	"sync"

	"pledgegraph"
)

// Graph is what traversal reads: pledgegraph.Store satisfies it, and so does
// *Adjacency.
//
// Neighbors follows one predicate from many nodes at once and returns, for
// each id, the IDs at the other end (objects for Out, subjects for In).
// Unknown ids are absent from the map or map to an empty list. Errors should
// be *pledgegraph.Error; they are returned unchanged.
type Graph interface {
	Neighbors(ctx context.Context, ids []string, predicate string, dir pledgegraph.Direction) (map[string][]string, error)
}

// Viewer is implemented by a Graph that can pin one consistent view of
// itself for the duration of a query (see [Adjacency.View]). The traverser
// calls View once at the start of every query and reads only the view.
type Viewer interface {
	View(ctx context.Context) (Graph, error)
}

// Degreer is optionally implemented by a Graph that can tell, without a
// round trip, how many edges a node has (the views of an Adjacency can).
// ShortestPaths then grows the side of the search whose frontier has fewer
// edges, rather than fewer nodes, which keeps it away from hubs.
type Degreer interface {
	Degree(id string) int
}

// memoryGraph is implemented by the in-memory views of an Adjacency:
// answers cost no round trip, come sorted and deduplicated, and can be
// restricted to a set of nodes (when f is not nil) without materialising
// the others, e.g. the thousands of a hub.
type memoryGraph interface {
	Graph
	neighborsWithin(ids []string, predicate string, dir pledgegraph.Direction, f *within) map[string][]string
}

// within restricts an expansion to neighbours in a set.
type within struct {
	in       map[string]int // the set (Neighborhood's distances)
	rejected bool           // a neighbour outside the set was dropped
	marks    []uint64       // the set as a bitmap of an Adjacency's node numbers, built on first use
}

func (f *within) keep(id string) bool {
	_, ok := f.in[id]
	if !ok {
		f.rejected = true
	}
	return ok
}

// Node is a node of a path or subgraph.
type Node struct {
	ID   string
	Type string // pledgegraph.TypeActor, TypeStatement, TypeCommitment or TypeDocument
}

// NewNode returns the node with the given ID and the type its ID names.
func NewNode(id string) Node { return Node{ID: id, Type: pledgegraph.NodeType(id)} }

// Edge is one stored relation, as stored: Source is the subject, Target the
// object, whichever way it was traversed. Edge is comparable and is the key
// of the map [Evidence] returns.
type Edge struct {
	Source, Predicate, Target string
}

// Triple returns the edge as a pledgegraph.Triple (an IRI object).
func (e Edge) Triple() pledgegraph.Triple {
	return pledgegraph.Triple{Subject: e.Source, Predicate: e.Predicate, Object: pledgegraph.IRI(e.Target)}
}

// Relation is a predicate traversal may follow, with the node types it
// links. The types let a frontier ask a relation only of the nodes that can
// carry it; nil means any type.
type Relation struct {
	Predicate string
	Subject   []string // node types of subjects (pledgegraph.TypeActor, …), or nil
	Object    []string // node types of objects, or nil
}

// DefaultRelations returns the relation predicates of the vocabulary with
// their domains and ranges, in the order traversal asks them.
func DefaultRelations() []Relation {
	actor := []string{pledgegraph.TypeActor}
	stmt := []string{pledgegraph.TypeStatement}
	cmt := []string{pledgegraph.TypeCommitment}
	return []Relation{
		{pledgegraph.PredSaid, actor, stmt},
		{pledgegraph.PredPledged, actor, cmt},
		{pledgegraph.PredRepresents, actor, actor},
		{pledgegraph.PredMentions, []string{pledgegraph.TypeStatement, pledgegraph.TypeDocument}, actor},
		{pledgegraph.PredTarget, cmt, actor},
		{pledgegraph.PredStatedIn, cmt, stmt},
		{pledgegraph.PredInDocument, []string{pledgegraph.TypeStatement, pledgegraph.TypeCommitment}, []string{pledgegraph.TypeDocument}},
	}
}

// accepts reports whether a node of type typ may be at the given end of r.
func (r Relation) accepts(dir pledgegraph.Direction, typ string) bool {
	types := r.Subject
	if dir == pledgegraph.In {
		types = r.Object
	}
	return types == nil || slices.Contains(types, typ)
}

// Config tunes a Traverser. Zero fields take the defaults in brackets.
type Config struct {
	// Relations that may be followed [DefaultRelations()]. A query's
	// predicates argument selects among these.
	Relations []Relation
	// MaxVisited is the budget of nodes ShortestPaths may discover, both
	// sides together, before it gives up with ELIMIT [200000].
	MaxVisited int
	// MaxDepth caps the maxDepth and depth arguments; more is ELIMIT [8].
	MaxDepth int
	// MaxFirst caps ShortestPaths' first argument; more is ELIMIT [1000].
	MaxFirst int
	// MaxLimit caps Neighborhood's limit argument; more is ELIMIT [10000].
	MaxLimit int
	// Parallel is how many Neighbors calls of one level run at once [4].
	Parallel int
	// BatchSize is the most IDs passed to one Neighbors call; a larger
	// frontier is split [5000] (graph/store accepts up to 10000).
	BatchSize int
}

func (c Config) withDefaults() Config {
	if len(c.Relations) == 0 {
		c.Relations = DefaultRelations()
	}
	if c.MaxVisited <= 0 {
		c.MaxVisited = 200_000
	}
	if c.MaxDepth <= 0 {
		c.MaxDepth = 8
	}
	if c.MaxFirst <= 0 {
		c.MaxFirst = 1000
	}
	if c.MaxLimit <= 0 {
		c.MaxLimit = 10_000
	}
	if c.Parallel <= 0 {
		c.Parallel = 4
	}
	if c.BatchSize <= 0 {
		c.BatchSize = 5000
	}
	return c
}

// Traverser runs path and neighbourhood queries on a Graph. It holds no
// per-query state and is safe for concurrent use.
type Traverser struct {
	g   Graph
	cfg Config
}

// New returns a traverser over g.
func New(g Graph, cfg Config) *Traverser {
	return &Traverser{g: g, cfg: cfg.withDefaults()}
}

// Relations returns the relations the traverser may follow.
func (t *Traverser) Relations() []Relation { return slices.Clone(t.cfg.Relations) }

// view pins the graph for one query.
func (t *Traverser) view(ctx context.Context) (Graph, error) {
	if v, ok := t.g.(Viewer); ok {
		return v.View(ctx)
	}
	return t.g, nil
}

// relations resolves a query's predicates argument: nil or empty means all
// configured relations; a predicate that is not configured is EINVALID.
func (t *Traverser) relations(predicates []string) ([]Relation, error) {
	if len(predicates) == 0 {
		return t.cfg.Relations, nil
	}
	var out []Relation
	for _, p := range predicates {
		i := slices.IndexFunc(t.cfg.Relations, func(r Relation) bool { return r.Predicate == p })
		if i < 0 {
			return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "predicate %q cannot be traversed; use one of %v", p, predicateNames(t.cfg.Relations))
		}
		if !slices.ContainsFunc(out, func(r Relation) bool { return r.Predicate == p }) {
			out = append(out, t.cfg.Relations[i])
		}
	}
	// Keep the configured order whatever order the caller named them in,
	// so that results do not depend on it.
	slices.SortFunc(out, func(a, b Relation) int {
		return slices.IndexFunc(t.cfg.Relations, func(r Relation) bool { return r.Predicate == a.Predicate }) -
			slices.IndexFunc(t.cfg.Relations, func(r Relation) bool { return r.Predicate == b.Predicate })
	})
	return out, nil
}

func predicateNames(rs []Relation) []string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Predicate
	}
	return names
}

// bounded checks a numeric argument: below lo is EINVALID, above hi ELIMIT.
func bounded(arg string, v, lo, hi int) error {
	switch {
	case v < lo:
		return pledgegraph.Errorf(pledgegraph.EINVALID, "%s must be at least %d", arg, lo)
	case v > hi:
		return pledgegraph.Errorf(pledgegraph.ELIMIT, "%s must be at most %d", arg, hi)
	}
	return nil
}

// checkNode validates a node ID argument.
func checkNode(arg, id string) error {
	if pledgegraph.NodeType(id) == "" {
		return pledgegraph.Errorf(pledgegraph.EINVALID, "%s: %q is not a node ID (actor:…, stmt:…, cmt:… or doc:…)", arg, id)
	}
	return nil
}

// hop is one edge reached from a frontier node: From is the frontier node,
// To the node at the other end.
type hop struct {
	From, To string
	Edge     Edge
}

// expander runs level expansions for one query and counts its round trips.
type expander struct {
	g        Graph
	rels     []Relation
	parallel int
	batch    int
	calls    int
}

// call is one Neighbors round trip of a level.
type call struct {
	rel Relation
	dir pledgegraph.Direction
	ids []string
	res map[string][]string
	err error
}

// expand returns every hop from the frontier through the relations, in
// both directions, with one Neighbors call per relation and direction (per
// batch of ids) whose end accepts some frontier node, in a deterministic order: by relation, then Out before
// In, then frontier order, then neighbour ID. Self-loops, neighbours that
// are not node IDs and, when f is not nil, neighbours outside its set are
// dropped.
func (x *expander) expand(ctx context.Context, frontier []string, f *within) ([]hop, error) {
	if err := ctx.Err(); err != nil {
		return nil, canceled(err)
	}
	var calls []*call
	for _, r := range x.rels {
		for _, dir := range []pledgegraph.Direction{pledgegraph.Out, pledgegraph.In} {
			var ids []string
			for _, id := range frontier {
				if r.accepts(dir, pledgegraph.NodeType(id)) {
					ids = append(ids, id)
				}
			}
			for lo := 0; lo < len(ids); lo += x.batch {
				calls = append(calls, &call{rel: r, dir: dir, ids: ids[lo:min(lo+x.batch, len(ids))]})
			}
		}
	}
	x.calls += len(calls)
	mem, inMemory := x.g.(memoryGraph)
	run := func(c *call) { c.res, c.err = x.g.Neighbors(ctx, c.ids, c.rel.Predicate, c.dir) }
	if inMemory {
		// No round trips to overlap: one after another, filtered at the
		// source.
		for _, c := range calls {
			c.res = mem.neighborsWithin(c.ids, c.rel.Predicate, c.dir, f)
		}
	} else if x.parallel <= 1 || len(calls) == 1 {
		for _, c := range calls {
			run(c)
		}
	} else {
		sem := make(chan struct{}, x.parallel)
		var wg sync.WaitGroup
		for _, c := range calls {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				run(c)
			}()
		}
		wg.Wait()
	}
	var hops []hop
	if f == nil {
		n := 0
		for _, c := range calls {
			for _, nbs := range c.res {
				n += len(nbs)
			}
		}
		hops = make([]hop, 0, n)
	}
	for _, c := range calls {
		if c.err != nil {
			if ctx.Err() != nil {
				return nil, canceled(ctx.Err())
			}
			return nil, c.err
		}
		for _, id := range c.ids {
			nbs := c.res[id]
			if len(nbs) == 0 {
				continue
			}
			if !inMemory && !slices.IsSorted(nbs) {
				nbs = slices.Sorted(slices.Values(nbs))
			}
			for i, nb := range nbs {
				if nb == id || (i > 0 && nbs[i-1] == nb) || (f != nil && !inMemory && !f.keep(nb)) || pledgegraph.NodeType(nb) == "" {
					continue
				}
				e := Edge{Source: id, Predicate: c.rel.Predicate, Target: nb}
				if c.dir == pledgegraph.In {
					e = Edge{Source: nb, Predicate: c.rel.Predicate, Target: id}
				}
				hops = append(hops, hop{From: id, To: nb, Edge: e})
			}
		}
	}
	return hops, nil
}

// canceled turns a context error into an application error.
func canceled(err error) error {
	return &pledgegraph.Error{Code: pledgegraph.ELIMIT, Message: "query canceled or timed out", Op: "traverse", Err: err}
}

// ActorFinder finds an actor by name; pledgegraph.Store satisfies it.
type ActorFinder interface {
	ActorByName(ctx context.Context, name string) (*pledgegraph.Actor, error)
}

// Resolve returns the node a query argument names: a node ID (actor:…,
// stmt:…, cmt:…, doc:…) as it is, else the actor whose canonical name or
// alias it is ("Merz", "the UK"), by Store.ActorByName. Errors: EINVALID
// for an empty argument; ENOTFOUND when no actor has that name; the
// finder's other errors unchanged.
func Resolve(ctx context.Context, f ActorFinder, arg string) (string, error) {
	if pledgegraph.NodeType(arg) != "" {
		return arg, nil
	}
	if pledgegraph.NameKey(arg) == "" {
		return "", pledgegraph.Errorf(pledgegraph.EINVALID, "empty node name")
	}
	a, err := f.ActorByName(ctx, arg)
	if err != nil {
		return "", err
	}
	return a.ID, nil
}
