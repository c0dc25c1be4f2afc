package graph

import (
	"context"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"pledgegraph"
	"pledgegraph/graph/model"
	"pledgegraph/graph/search"
	"pledgegraph/graph/traverse"
)

// The relationship queries: path, neighborhood and search. Arguments are
// checked here, against the API's limits, before package traverse or search
// runs; the nodes' labels and entities and the edges' evidence documents are
// resolved through the per-request loaders, so a whole answer costs one
// batch per kind of thing, whatever its size.

// Limits of the relationship queries. More is LIMIT_EXCEEDED.
const (
	MaxPathDepth         = 6
	MaxPathFirst         = 20
	MaxNeighborhoodDepth = 3
	MaxNeighborhoodLimit = 2000
	// MaxVisited is the budget of nodes one path search may discover.
	MaxVisited = 200_000
	// labelRunes is the longest statement label, in characters.
	labelRunes = 120
)

// NewTraverser returns the traverser the API runs path and neighborhood
// queries with, over g (a store, or a traverse.Adjacency wrapping it),
// configured with the API's limits.
func NewTraverser(g traverse.Graph) *traverse.Traverser {
	return traverse.New(g, traverse.Config{
		MaxVisited: MaxVisited, MaxDepth: MaxPathDepth, MaxFirst: MaxPathFirst, MaxLimit: MaxNeighborhoodLimit,
	})
}

func findPaths(ctx context.Context, st pledgegraph.Store, t *traverse.Traverser, from, to string, maxDepth *int, predicates []string, first *int) ([]*model.Path, error) {
	depth, err := intArg("maxDepth", maxDepth, 4, 1, MaxPathDepth)
	if err != nil {
		return nil, err
	}
	n, err := intArg("first", first, 5, 1, MaxPathFirst)
	if err != nil {
		return nil, err
	}
	if err := checkPredicates(t, predicates); err != nil {
		return nil, err
	}
	src, err := resolveNode(ctx, st, "from", from)
	if err != nil {
		return nil, err
	}
	dst, err := resolveNode(ctx, st, "to", to)
	if err != nil {
		return nil, err
	}
	res, err := t.ShortestPaths(ctx, src, dst, depth, predicates, n)
	if err != nil {
		return nil, traversalError(err, "path")
	}
	out := make([]*model.Path, len(res.Paths))
	var (
		nodes []*model.GraphNode
		edges []*model.GraphEdge
	)
	for i, p := range res.Paths {
		out[i] = &model.Path{Nodes: graphNodes(p.Nodes), Edges: graphEdges(p.Edges), Length: p.Len()}
		nodes = append(nodes, out[i].Nodes...)
		edges = append(edges, out[i].Edges...)
	}
	if err := fill(ctx, st, t, nodes, edges); err != nil {
		return nil, err
	}
	return out, nil
}

func findNeighborhood(ctx context.Context, st pledgegraph.Store, t *traverse.Traverser, of string, depth *int, predicates []string, limit *int) (*model.Subgraph, error) {
	d, err := intArg("depth", depth, 1, 0, MaxNeighborhoodDepth)
	if err != nil {
		return nil, err
	}
	n, err := intArg("limit", limit, 200, 1, MaxNeighborhoodLimit)
	if err != nil {
		return nil, err
	}
	if err := checkPredicates(t, predicates); err != nil {
		return nil, err
	}
	centre, err := resolveNode(ctx, st, "of", of)
	if err != nil {
		return nil, err
	}
	sg, err := t.Neighborhood(ctx, centre, d, predicates, n)
	if err != nil {
		return nil, traversalError(err, "neighborhood")
	}
	out := &model.Subgraph{Nodes: graphNodes(sg.Nodes), Edges: graphEdges(sg.Edges), Truncated: sg.Truncated}
	if err := fill(ctx, st, t, out.Nodes, out.Edges); err != nil {
		return nil, err
	}
	return out, nil
}

// fill completes the nodes and edges of an answer with what the query
// selects of them, before gqlgen walks it: the nodes' entities (label, kind,
// entity) with one store batch per node type, and the edges' evidence
// documents from the traverser's in-memory copy (one store call when it has
// none) plus one batch of documents. gqlgen then reads plain fields: a
// subgraph of thousands of edges costs no resolver call per edge.
func fill(ctx context.Context, st pledgegraph.Store, t *traverse.Traverser, nodes []*model.GraphNode, edges []*model.GraphEdge) error {
	needNodes, needEvidence := selected(ctx)
	needEvidence = needEvidence && len(edges) > 0
	l, err := loadersFrom(ctx)
	if err != nil {
		return err
	}
	var (
		ids  []string
		keys []traverse.Edge
		ev   map[traverse.Edge][]string
	)
	if needNodes {
		for _, n := range nodes {
			ids = append(ids, n.ID)
		}
	}
	if needEvidence {
		keys = make([]traverse.Edge, len(edges))
		for i, e := range edges {
			keys[i] = traverse.Edge{Source: e.Source, Predicate: e.Predicate, Target: e.Target}
		}
		if ev, err = t.Evidence(ctx, keys); err != nil {
			return err
		}
		for _, docs := range ev {
			ids = append(ids, docs...)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	// One batch per type for the nodes and the evidence documents together.
	got, err := entities(ctx, st, l, ids)
	if err != nil {
		return err
	}
	if needNodes {
		for _, n := range nodes {
			n.Entity = got[n.ID]
			n.Label, n.Kind = nodeLabel(n.ID, n.Entity), nodeKind(n.Entity)
		}
	}
	for i, e := range edges[:len(keys)] {
		e.Documents = make([]*pledgegraph.Document, 0, len(ev[keys[i]]))
		for _, id := range ev[keys[i]] {
			if d, ok := got[id].(*pledgegraph.Document); ok {
				e.Documents = append(e.Documents, d)
			}
		}
	}
	return nil
}

// selected tells what the current path or subgraph field selects: fields
// of nodes that need the entity, and the edges' documents.
func selected(ctx context.Context) (needNodes, needEvidence bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return true, true
	}
	op := graphql.GetOperationContext(ctx)
	for _, f := range graphql.CollectFields(op, fc.Field.Selections, nil) {
		for _, sub := range graphql.CollectFields(op, f.Selections, nil) {
			switch {
			case f.Name == "nodes" && (sub.Name == "label" || sub.Name == "kind" || sub.Name == "entity"):
				needNodes = true
			case f.Name == "edges" && sub.Name == "documents":
				needEvidence = true
			}
		}
	}
	return needNodes, needEvidence
}

// entities loads the nodes ids name, one store batch per type, run at
// once; the per-request loaders are primed with them. Nodes no longer
// stored are absent.
func entities(ctx context.Context, st pledgegraph.Store, l *loaders, ids []string) (map[string]model.Entity, error) {
	byType := map[string][]string{}
	for _, id := range dedupe(ids) {
		typ := pledgegraph.NodeType(id)
		byType[typ] = append(byType[typ], id)
	}
	var (
		mu   sync.Mutex
		out  = make(map[string]model.Entity, len(ids))
		wg   sync.WaitGroup
		errs = make([]error, 4)
	)
	run := func(i int, f func() error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = f()
		}()
	}
	collect := func(m map[string]model.Entity) {
		mu.Lock()
		defer mu.Unlock()
		maps.Copy(out, m)
	}
	run(0, func() error { return loadInto(ctx, st.Actors, l.actors, byType[pledgegraph.TypeActor], collect) })
	run(1, func() error {
		return loadInto(ctx, st.Statements, l.statements, byType[pledgegraph.TypeStatement], collect)
	})
	run(2, func() error {
		return loadInto(ctx, st.Commitments, l.commitments, byType[pledgegraph.TypeCommitment], collect)
	})
	run(3, func() error {
		return loadInto(ctx, st.Documents, l.documents, byType[pledgegraph.TypeDocument], collect)
	})
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func loadInto[T any](ctx context.Context, get func(context.Context, []string) ([]*T, error), l *dataloadgen.Loader[string, *T], ids []string, collect func(map[string]model.Entity)) error {
	got, err := loadBatch(ctx, get, l, ids)
	if err != nil {
		return err
	}
	m := make(map[string]model.Entity, len(got))
	for id, v := range got {
		m[id] = v
	}
	collect(m)
	return nil
}

// loadBatch reads ids with get, in batches the store accepts, and primes the
// loader l with what it found; unknown IDs are absent from the map.
func loadBatch[T any](ctx context.Context, get func(context.Context, []string) ([]*T, error), l *dataloadgen.Loader[string, *T], ids []string) (map[string]*T, error) {
	out := make(map[string]*T, len(ids))
	for lo := 0; lo < len(ids); lo += storeBatch {
		batch := ids[lo:min(lo+storeBatch, len(ids))]
		vs, err := get(ctx, batch)
		if err != nil {
			return nil, err
		}
		if len(vs) != len(batch) {
			return nil, pledgegraph.Internal("graph.load",
				fmt.Errorf("store batch getter returned %d values for %d ids", len(vs), len(batch)))
		}
		for i, v := range vs {
			if v != nil {
				out[batch[i]] = v
				l.Prime(batch[i], v)
			}
		}
	}
	return out, nil
}

// intArg checks an integer argument with a default: below lo is INVALID,
// above hi LIMIT_EXCEEDED.
func intArg(name string, v *int, def, lo, hi int) (int, error) {
	n := def
	if v != nil {
		n = *v
	}
	switch {
	case n < lo:
		return 0, pledgegraph.Errorf(pledgegraph.EINVALID, "%s must be at least %d (got %d)", name, lo, n)
	case n > hi:
		return 0, pledgegraph.Errorf(pledgegraph.ELIMIT, "%s is %d; the limit is %d", name, n, hi)
	}
	return n, nil
}

// checkPredicates refuses a predicate that is not a traversable relation of
// the vocabulary, naming the ones that are.
func checkPredicates(t *traverse.Traverser, predicates []string) error {
	rels := t.Relations()
	names := make([]string, len(rels))
	for i, r := range rels {
		names[i] = r.Predicate
	}
	for _, p := range predicates {
		ok := false
		for _, n := range names {
			ok = ok || n == p
		}
		if !ok {
			return pledgegraph.Errorf(pledgegraph.EINVALID, "predicates: %s is not a relation; use any of %s",
				quote(p), strings.Join(names, ", "))
		}
	}
	return nil
}

// resolveNode reads a node argument: a node ID as it is, else an actor name
// or alias (NOT_FOUND when no actor has it).
func resolveNode(ctx context.Context, st pledgegraph.Store, arg, v string) (string, error) {
	if pledgegraph.NodeType(v) != "" {
		return v, nil
	}
	if strings.TrimSpace(v) == "" {
		return "", pledgegraph.Errorf(pledgegraph.EINVALID, "%s must name an actor or give a node ID", arg)
	}
	a, err := actorByName(ctx, st, v)
	if err != nil {
		return "", err
	}
	return a.ID, nil
}

// traversalError gives the traverser's errors the API's wording: the node
// budget and the timeout are LIMIT_EXCEEDED with advice.
func traversalError(err error, field string) error {
	if pledgegraph.ErrorCode(err) != pledgegraph.ELIMIT {
		return err
	}
	return &pledgegraph.Error{Code: pledgegraph.ELIMIT, Op: "graph." + field, Err: err,
		Message: field + " would visit too many nodes (more than " + strconv.Itoa(MaxVisited) + ") or ran out of time; " +
			"lower maxDepth or depth, or name predicates to follow fewer relations"}
}

func graphNodes(ns []traverse.Node) []*model.GraphNode {
	out := make([]*model.GraphNode, len(ns))
	for i, n := range ns {
		out[i] = &model.GraphNode{ID: n.ID, Type: nodeType(n.Type), Label: n.ID}
	}
	return out
}

func graphEdges(es []traverse.Edge) []*model.GraphEdge {
	out := make([]*model.GraphEdge, len(es))
	for i, e := range es {
		out[i] = &model.GraphEdge{Source: e.Source, Predicate: e.Predicate, Target: e.Target}
	}
	return out
}

// nodeType is the NodeType enum value of a pledgegraph node type.
func nodeType(typ string) string { return strings.ToUpper(typ) }

// entity loads the node id names through the loaders: one batch per type
// for all the nodes of an answer.
func entity(ctx context.Context, id string) (model.Entity, error) {
	thunk, err := nodeThunk(ctx, id)
	if err != nil {
		return nil, err
	}
	return thunk()
}

// nodeLabel is a node's label: an actor's name, a statement's text (cut), a
// commitment's action, a document's title or source; the ID when the node
// is no longer stored or has none of these.
func nodeLabel(id string, v model.Entity) string {
	switch v := v.(type) {
	case *pledgegraph.Actor:
		return v.Name
	case *pledgegraph.Statement:
		return cut(v.Text, labelRunes)
	case *pledgegraph.Commitment:
		return v.Action
	case *pledgegraph.Document:
		if v.Title != "" {
			return v.Title
		}
		if v.Source != "" {
			return v.Source
		}
	}
	return id
}

// nodeKind is an actor's kind, a statement's kind or a commitment's
// polarity, upper-cased; nil for documents and missing nodes.
func nodeKind(v model.Entity) *string {
	var k string
	switch v := v.(type) {
	case *pledgegraph.Actor:
		k = string(v.Kind)
	case *pledgegraph.Statement:
		k = string(v.Kind)
	case *pledgegraph.Commitment:
		k = string(v.Polarity)
	}
	return optional(strings.ToUpper(k))
}

// cut shortens s to at most n characters, marking the cut with "…".
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

func searchNodes(ctx context.Context, ix *search.Index, text string, first *int, after *string) (*model.SearchResultConnection, error) {
	if ix == nil {
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "full-text search is not configured on this server")
	}
	p, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	c := &model.SearchResultConnection{Edges: []*model.SearchResultEdge{}, Nodes: []*model.SearchResult{}}
	n := p.First
	if n == 0 {
		n = 1 // first: 0 asks only for totalCount
	}
	res, err := ix.Search(ctx, text, n, p.After)
	if err != nil {
		return nil, err
	}
	c.TotalCount = res.Total
	c.PageInfo = &model.PageInfo{HasNextPage: res.HasNext || (p.First == 0 && len(res.Hits) > 0), HasPreviousPage: p.After != ""}
	if p.First == 0 {
		return c, nil
	}
	for _, h := range res.Hits {
		r := &model.SearchResult{ID: h.ID, Type: h.Type, Score: h.Score, Snippet: h.Snippet, Highlights: make([]*model.TextSpan, len(h.Highlights))}
		for i, s := range h.Highlights {
			r.Highlights[i] = &model.TextSpan{Start: s.Start, End: s.End}
		}
		// Start loading every hit's node now, so that entity fields batch.
		if _, err := nodeThunk(ctx, h.ID); err != nil {
			return nil, err
		}
		c.Nodes = append(c.Nodes, r)
		c.Edges = append(c.Edges, &model.SearchResultEdge{Cursor: h.Cursor, Node: r})
	}
	if k := len(c.Edges); k > 0 {
		c.PageInfo.StartCursor, c.PageInfo.EndCursor = &c.Edges[0].Cursor, &c.Edges[k-1].Cursor
	}
	return c, nil
}
