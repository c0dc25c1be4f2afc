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
	level    int              // depth of the frontier
	depth    map[string]int   // every node discovered, with its distance
	parents  map[string][]hop // for a node at depth d > 0: the hops reaching it from depth d-1
	frontier []string
}

func newSide(root string) *side {
	return &side{depth: map[string]int{root: 0}, parents: map[string][]hop{}, frontier: []string{root}}
}

// ShortestPaths returns up to first shortest paths between from and to, of
// at most maxDepth edges, following the relations named in predicates (nil:
// all configured relations) in both directions.
//
// All shortest paths are candidates, ties included. Paths through fewer
// documents come first (a path through a document only says that two things
// were read in the same article; one through statements and commitments says
// more), ranked among the first max(first+1, min(10*first, 1000)) found;
// otherwise the order is deterministic (by the IDs along the path).
// PathResult.More tells whether some were left out. from == to yields one
// path of length 0. Nodes that are not connected within maxDepth (or that
// do not exist) yield no paths and no error.
//
// Errors: EINVALID for an argument that is not a node ID, an unknown
// predicate, maxDepth < 1 or > Config.MaxDepth, first < 1 or >
// Config.MaxFirst; ELIMIT when the search discovers more than
// Config.MaxVisited nodes (the answer would be partial, so none is given) or
// ctx ends; the Graph's errors unchanged.
func (t *Traverser) ShortestPaths(ctx context.Context, from, to string, maxDepth int, predicates []string, first int) (*PathResult, error) {
	if err := checkNode("from", from); err != nil {
		return nil, err
	}
	if err := checkNode("to", to); err != nil {
		return nil, err
	}
	if maxDepth < 1 || maxDepth > t.cfg.MaxDepth {
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "maxDepth must be between 1 and %d", t.cfg.MaxDepth)
	}
	if first < 1 || first > t.cfg.MaxFirst {
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "first must be between 1 and %d", t.cfg.MaxFirst)
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
	src, dst := newSide(from), newSide(to)
	for src.level+dst.level < maxDepth {
		if len(src.frontier) == 0 || len(dst.frontier) == 0 {
			break // one side is exhausted: no path
		}
		// Expand the smaller frontier: the search grows from both ends at
		// the pace of the thinner one.
		grow, other := src, dst
		if len(dst.frontier) < len(src.frontier) {
			grow, other = dst, src
		}
		hops, err := x.expand(ctx, grow.frontier, nil)
		if err != nil {
			return nil, err
		}
		var next []string
		for _, h := range hops {
			d, seen := grow.depth[h.To]
			switch {
			case !seen:
				grow.depth[h.To] = grow.level + 1
				grow.parents[h.To] = []hop{h}
				next = append(next, h.To)
			case d == grow.level+1:
				grow.parents[h.To] = append(grow.parents[h.To], h)
			}
		}
		grow.level++
		grow.frontier = next
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
			slices.SortFunc(meet, compareNodes)
			// Rank among the first few hundred candidates: paths through
			// fewer documents (co-occurrence) before those through
			// statements and commitments.
			paths, more := enumerate(src, dst, meet, max(first+1, min(10*first, 1000)))
			slices.SortStableFunc(paths, func(a, b Path) int { return cmp.Compare(documents(a), documents(b)) })
			if len(paths) > first {
				paths, more = paths[:first], true
			}
			return &PathResult{Paths: paths, More: more, Visited: visited, Calls: x.calls}, nil
		}
	}
	return &PathResult{Paths: []Path{}, Visited: len(src.depth) + len(dst.depth), Calls: x.calls}, nil
}

// enumerate lists up to first paths src → meet → dst, and whether there
// were more. Parent links through documents are tried last.
func enumerate(src, dst *side, meet []string, first int) ([]Path, bool) {
	for _, s := range []*side{src, dst} {
		for _, hs := range s.parents {
			slices.SortFunc(hs, compareHops)
		}
	}
	var paths []Path
	more := false
	// halves walks the parent links of s from n back to its root, calling
	// yield with the nodes and edges from n to the root; it stops when
	// yield returns false.
	var halves func(s *side, n string, nodes []string, edges []Edge, yield func([]string, []Edge) bool) bool
	halves = func(s *side, n string, nodes []string, edges []Edge, yield func([]string, []Edge) bool) bool {
		nodes = append(nodes, n)
		hs := s.parents[n]
		if len(hs) == 0 {
			return yield(nodes, edges)
		}
		for _, h := range hs {
			if !halves(s, h.From, nodes, append(edges, h.Edge), yield) {
				return false
			}
		}
		return true
	}
	for _, m := range meet {
		ok := halves(src, m, nil, nil, func(srcNodes []string, srcEdges []Edge) bool {
			return halves(dst, m, nil, nil, func(dstNodes []string, dstEdges []Edge) bool {
				if len(paths) == first {
					more = true
					return false
				}
				paths = append(paths, joinPath(srcNodes, srcEdges, dstNodes, dstEdges))
				return true
			})
		})
		if !ok {
			break
		}
	}
	return paths, more
}

// joinPath builds the path from the source half (meeting node back to the
// source) and the destination half (meeting node on to the destination).
func joinPath(srcNodes []string, srcEdges []Edge, dstNodes []string, dstEdges []Edge) Path {
	p := Path{
		Nodes: make([]Node, 0, len(srcNodes)+len(dstNodes)-1),
		Edges: make([]Edge, 0, len(srcEdges)+len(dstEdges)),
	}
	for i := len(srcNodes) - 1; i >= 0; i-- {
		p.Nodes = append(p.Nodes, NewNode(srcNodes[i]))
	}
	for i := len(srcEdges) - 1; i >= 0; i-- {
		p.Edges = append(p.Edges, srcEdges[i])
	}
	for _, n := range dstNodes[1:] {
		p.Nodes = append(p.Nodes, NewNode(n))
	}
	p.Edges = append(p.Edges, dstEdges...)
	return p
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

func compareHops(a, b hop) int {
	if c := compareNodes(a.From, b.From); c != 0 {
		return c
	}
	if c := strings.Compare(a.Edge.Predicate, b.Edge.Predicate); c != 0 {
		return c
	}
	return strings.Compare(a.Edge.Source, b.Edge.Source)
}
