package traverse

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"pledgegraph"
)

// Path is one path between two nodes: Nodes[0] is the start, Nodes[len-1]
// the end, and Edges[i] links Nodes[i] and Nodes[i+1] (in either direction;
// an Edge is always reported as stored, subject → object).
type Path struct {
	Nodes []Node
	Edges []Edge
}

// Len is the number of edges of the path.
func (p Path) Len() int { return len(p.Edges) }

// PathResult is the answer of ShortestPaths.
type PathResult struct {
	// Paths are shortest paths, all of the same length, in a deterministic
	// order; empty when the nodes are not connected within maxDepth.
	Paths []Path
	// More is true when more shortest paths exist than were returned.
	More bool
	// Visited is the number of nodes discovered, both sides together, and
	// Calls the number of Neighbors round trips made.
	Visited, Calls int
}

// side is one half of the bidirectional search.
type side struct {
	level    int            // depth of the frontier
	depth    map[string]int // every node discovered, with its distance
	frontier []string
	levels   [][]string // levels[d]: the nodes at distance d
	// parents, kept when the graph is a store (where a round trip costs
	// more than remembering): for a node at distance d > 0, the hops
	// reaching it from distance d-1.
	parents map[string][]hop
}

func newSide(root string, parents bool) *side {
	s := &side{depth: map[string]int{root: 0}, frontier: []string{root}, levels: [][]string{{root}}}
	if parents {
		s.parents = map[string][]hop{}
	}
	return s
}

// ShortestPaths returns up to first shortest paths between from and to, of
// at most maxDepth edges, following the relations named in predicates (nil:
// all configured relations) in both directions.
//
// All shortest paths are candidates, ties included, in a canonical order
// that does not depend on the Graph behind (store or Adjacency): paths
// through fewer documents first (a path through a document only says that
// two things were read in the same article; one through statements and
// commitments says more), then by the IDs along the path. The ranking by
// documents is exact among the first max(first+1, min(10*first, 1000)) paths
// of a depth-first walk that tries the steps through fewest documents first.
// PathResult.More tells whether some were left out. from == to yields one
// path of length 0. Nodes that are not connected within maxDepth (or that
// do not exist) yield no paths and no error.
//
// Errors: EINVALID for an argument that is not a node ID, an unknown
// predicate, maxDepth < 1 or first < 1; ELIMIT for maxDepth >
// Config.MaxDepth or first > Config.MaxFirst, when the search discovers more
// than Config.MaxVisited nodes (the answer would be partial, so none is
// given) or when ctx ends; the Graph's errors unchanged.
func (t *Traverser) ShortestPaths(ctx context.Context, from, to string, maxDepth int, predicates []string, first int) (*PathResult, error) {
	if err := checkNode("from", from); err != nil {
		return nil, err
	}
	if err := checkNode("to", to); err != nil {
		return nil, err
	}
	if err := bounded("maxDepth", maxDepth, 1, t.cfg.MaxDepth); err != nil {
		return nil, err
	}
	if err := bounded("first", first, 1, t.cfg.MaxFirst); err != nil {
		return nil, err
	}
	rels, err := t.relations(predicates)
	if err != nil {
		return nil, err
	}
	if from == to {
		return &PathResult{Paths: []Path{{Nodes: []Node{NewNode(from)}}}, Visited: 1}, nil
	}
	g, err := t.view(ctx)
	if err != nil {
		return nil, err
	}
	x := &expander{g: g, rels: rels, parallel: t.cfg.Parallel, batch: t.cfg.BatchSize}
	_, inMemory := g.(memoryGraph)
	src, dst := newSide(from, !inMemory), newSide(to, !inMemory)
	for src.level+dst.level < maxDepth {
		if len(src.frontier) == 0 || len(dst.frontier) == 0 {
			break // one side is exhausted: no path
		}
		// Expand the smaller frontier (by edges when the graph can tell,
		// else by nodes): the search grows from both ends at the pace of
		// the thinner one.
		grow, other := src, dst
		if cost(g, dst.frontier) < cost(g, src.frontier) {
			grow, other = dst, src
		}
		hops, err := x.expand(ctx, grow.frontier, nil)
		if err != nil {
			return nil, err
		}
		var next []string
		for _, h := range hops {
			d, seen := grow.depth[h.To]
			if !seen {
				d = grow.level + 1
				grow.depth[h.To] = d
				next = append(next, h.To)
			}
			if grow.parents != nil && d == grow.level+1 {
				grow.parents[h.To] = append(grow.parents[h.To], h)
			}
		}
		grow.level++
		grow.frontier = next
		grow.levels = append(grow.levels, next)
		visited := len(src.depth) + len(dst.depth)
		if visited > t.cfg.MaxVisited {
			return nil, &pledgegraph.Error{Code: pledgegraph.ELIMIT, Op: "traverse.ShortestPaths",
				Message: "path search gave up after visiting more than " + strconv.Itoa(t.cfg.MaxVisited) +
					" nodes; lower maxDepth or restrict predicates"}
		}
		// Before this level the two searched regions were disjoint, so a
		// node just reached that the other side has seen lies on its
		// frontier, and every shortest path crosses exactly one of them.
		var meet []string
		for _, n := range next {
			if d, ok := other.depth[n]; ok && d == other.level {
				meet = append(meet, n)
			}
		}
		if len(meet) > 0 {
			fwd, err := shortestDAG(ctx, x, src, dst, meet)
			if err != nil {
				return nil, err
			}
			// Rank among the first few hundred candidates: paths through
			// fewer documents (co-occurrence) before those through
			// statements and commitments.
			paths, more := enumerate(fwd, from, to, max(first+1, min(10*first, 1000)))
			slices.SortStableFunc(paths, func(a, b Path) int { return cmp.Compare(documents(a), documents(b)) })
			if len(paths) > first {
				paths, more = paths[:first], true
			}
			return &PathResult{Paths: paths, More: more, Visited: visited, Calls: x.calls}, nil
		}
	}
	return &PathResult{Paths: []Path{}, Visited: len(src.depth) + len(dst.depth), Calls: x.calls}, nil
}

// cost estimates the work of expanding a frontier: its edges when the graph
// knows degrees, else its nodes.
func cost(g Graph, frontier []string) int {
	d, ok := g.(Degreer)
	if !ok {
		return len(frontier)
	}
	n := 0
	for _, id := range frontier {
		n += d.Degree(id)
	}
	return n
}

// step is an edge of the shortest-path DAG, from the source's side.
type step struct {
	to   string
	edge Edge
}

// shortestDAG returns, from the meeting nodes, the DAG of all shortest
// paths: the edges from each node on one to its successors. A node at
// distance d from the source on a shortest path has as predecessors exactly
// its neighbours at distance d-1, all of which the search found (and
// likewise toward the destination). On a store the search kept these
// parent links; on an Adjacency it kept only distances (most nodes it
// reaches lie on no shortest path) and the links are found again, one
// level per edge of the path, over the nodes on shortest paths only.
func shortestDAG(ctx context.Context, x *expander, src, dst *side, meet []string) (map[string][]step, error) {
	if src.parents != nil {
		return parentDAG(src, dst, meet), nil
	}
	fwd := map[string][]step{}
	for _, toward := range []*side{src, dst} {
		layer := meet
		for d := toward.depth[meet[0]]; d > 0; d-- {
			// Only the neighbours one step nearer count: on an Adjacency,
			// a hub on a path is then scanned, not copied.
			prev := make(map[string]int, len(toward.levels[d-1]))
			for _, n := range toward.levels[d-1] {
				prev[n] = d - 1
			}
			hops, err := x.expand(ctx, layer, &within{in: prev})
			if err != nil {
				return nil, err
			}
			seen := map[string]bool{}
			var next []string
			for _, h := range hops {
				if toward == src {
					fwd[h.To] = append(fwd[h.To], step{h.From, h.Edge})
				} else {
					fwd[h.From] = append(fwd[h.From], step{h.To, h.Edge})
				}
				if !seen[h.To] {
					seen[h.To] = true
					next = append(next, h.To)
				}
			}
			layer = next
		}
	}
	return fwd, nil
}

// parentDAG is shortestDAG from the parent links the search kept.
func parentDAG(src, dst *side, meet []string) map[string][]step {
	fwd := map[string][]step{}
	for _, toward := range []*side{src, dst} {
		seen := map[string]bool{}
		layer := meet
		for len(layer) > 0 {
			var next []string
			for _, n := range layer {
				for _, h := range toward.parents[n] {
					if toward == src {
						fwd[h.From] = append(fwd[h.From], step{n, h.Edge})
					} else {
						fwd[n] = append(fwd[n], step{h.From, h.Edge})
					}
					if !seen[h.From] {
						seen[h.From] = true
						next = append(next, h.From)
					}
				}
			}
			layer = next
		}
	}
	return fwd
}

// enumerate lists up to limit paths of the shortest-path DAG fwd, in a
// canonical order that does not depend on where the two searches met:
// depth first from the source, trying at each node the next steps through
// the fewest documents to the end first, then by node ID. It reports
// whether there were more.
func enumerate(fwd map[string][]step, from, to string, limit int) ([]Path, bool) {
	// docs[n] is the fewest documents on a path from n on to the end.
	docs := map[string]int{to: 0}
	var least func(n string) int
	least = func(n string) int {
		if d, ok := docs[n]; ok {
			return d
		}
		best := -1
		for _, st := range fwd[n] {
			if d := least(st.to) + isDoc(st.to, to); best < 0 || d < best {
				best = d
			}
		}
		docs[n] = best
		return best
	}
	for n, steps := range fwd {
		least(n)
		slices.SortFunc(steps, func(a, b step) int {
			return cmp.Or(
				cmp.Compare(docs[a.to]+isDoc(a.to, to), docs[b.to]+isDoc(b.to, to)),
				compareNodes(a.to, b.to),
				strings.Compare(a.edge.Predicate, b.edge.Predicate),
				strings.Compare(a.edge.Source, b.edge.Source))
		})
	}
	var paths []Path
	more := false
	nodes, edges := []string{from}, []Edge{}
	var walk func(n string) bool
	walk = func(n string) bool {
		if n == to {
			if len(paths) == limit {
				more = true
				return false
			}
			p := Path{Nodes: make([]Node, len(nodes)), Edges: slices.Clone(edges)}
			for i, id := range nodes {
				p.Nodes[i] = NewNode(id)
			}
			paths = append(paths, p)
			return true
		}
		for _, st := range fwd[n] {
			nodes, edges = append(nodes, st.to), append(edges, st.edge)
			ok := walk(st.to)
			nodes, edges = nodes[:len(nodes)-1], edges[:len(edges)-1]
			if !ok {
				return false
			}
		}
		return true
	}
	walk(from)
	return paths, more
}

// isDoc is 1 for a document node other than end, else 0.
func isDoc(id, end string) int {
	if id != end && pledgegraph.NodeType(id) == pledgegraph.TypeDocument {
		return 1
	}
	return 0
}

// documents counts the document nodes inside a path.
func documents(p Path) int {
	n := 0
	for _, x := range p.Nodes[1 : len(p.Nodes)-1] {
		if x.Type == pledgegraph.TypeDocument {
			n++
		}
	}
	return n
}

// compareNodes orders node IDs, documents last.
func compareNodes(a, b string) int {
	da, db := pledgegraph.NodeType(a) == pledgegraph.TypeDocument, pledgegraph.NodeType(b) == pledgegraph.TypeDocument
	switch {
	case da && !db:
		return 1
	case db && !da:
		return -1
	}
	return strings.Compare(a, b)
}
