package traverse

import (
	"cmp"
	"context"
	"slices"
	"strings"
)

// Subgraph is the answer of Neighborhood.
type Subgraph struct {
	// Nodes are the centre first, then the nodes at distance 1, 2, …;
	// within a distance, the best connected to the nodes before them first.
	Nodes []Node
	// Distances[i] is the number of edges between the centre and Nodes[i].
	Distances []int
	// Edges are every edge of the followed relations between two returned
	// nodes (the induced subgraph), sorted by source, predicate, target.
	Edges []Edge
	// Truncated is true when more nodes lay within depth than limit allowed.
	Truncated bool
	// Calls is the number of Neighbors round trips made.
	Calls int
}

// Neighborhood returns the nodes within depth edges of the node of,
// following the relations named in predicates (nil: all configured
// relations) in both directions, and every such edge between them.
//
// At most limit nodes are returned, the centre included; when more lie
// within depth, nearer nodes are kept before farther ones, and among nodes
// at the same distance those with more edges to the nodes already kept come
// first (ties in a deterministic order); Subgraph.Truncated is then true.
// A node with no edges, or one that does not exist, yields a subgraph of that
// node alone. depth 0 returns the centre without a round trip.
//
// It makes depth+1 levels of round trips: the last level finds the edges
// between nodes at distance depth.
//
// Errors: EINVALID for an argument that is not a node ID, an unknown
// predicate, depth < 0 or limit < 1; ELIMIT for depth > Config.MaxDepth,
// limit > Config.MaxLimit or when ctx ends; the Graph's errors unchanged.
func (t *Traverser) Neighborhood(ctx context.Context, of string, depth int, predicates []string, limit int) (*Subgraph, error) {
	if err := checkNode("of", of); err != nil {
		return nil, err
	}
	if err := bounded("depth", depth, 0, t.cfg.MaxDepth); err != nil {
		return nil, err
	}
	if err := bounded("limit", limit, 1, t.cfg.MaxLimit); err != nil {
		return nil, err
	}
	rels, err := t.relations(predicates)
	if err != nil {
		return nil, err
	}
	sg := &Subgraph{Nodes: []Node{NewNode(of)}, Distances: []int{0}, Edges: []Edge{}}
	if depth == 0 {
		return sg, nil
	}
	g, err := t.view(ctx)
	if err != nil {
		return nil, err
	}
	if ng, ok := g.(nativeNeighborhood); ok {
		if sg, ok, err := ng.neighborhood(ctx, of, depth, rels, limit); ok {
			return sg, err
		}
	}
	x := &expander{g: g, rels: rels, parallel: t.cfg.Parallel, batch: t.cfg.BatchSize}
	dist := map[string]int{of: 0}
	edges := map[Edge]struct{}{}
	frontier := []string{of}
	for d := 0; d <= depth && len(frontier) > 0; d++ {
		// The last level, and any level once the limit is reached, only
		// looks for edges between nodes already kept (and, before the
		// last, notes whether it had to leave others out).
		var f *within
		if d == depth || len(sg.Nodes) >= limit {
			f = &within{in: dist}
		}
		hops, err := x.expand(ctx, frontier, f)
		if err != nil {
			return nil, err
		}
		if f != nil && f.rejected && d < depth {
			sg.Truncated = true
		}
		var next []string
		if d < depth {
			next = admit(hops, dist, limit-len(sg.Nodes), &sg.Truncated)
			for _, n := range next {
				dist[n] = d + 1
				sg.Nodes = append(sg.Nodes, NewNode(n))
				sg.Distances = append(sg.Distances, d+1)
			}
		}
		for _, h := range hops {
			if _, ok := dist[h.To]; ok {
				edges[h.Edge] = struct{}{}
			}
		}
		frontier = next
	}
	for e := range edges {
		sg.Edges = append(sg.Edges, e)
	}
	slices.SortFunc(sg.Edges, compareEdges)
	sg.Calls = x.calls
	return sg, nil
}

// admit picks, among the nodes the hops reach that are not in dist yet, at
// most room to add: the best connected first (most distinct edges from the
// frontier), then in order of discovery. It sets *truncated when some are
// left out.
func admit(hops []hop, dist map[string]int, room int, truncated *bool) []string {
	type cand struct {
		id    string
		links int
	}
	idx := make(map[string]int, len(hops))
	var cands []cand
	for _, h := range hops {
		if _, ok := dist[h.To]; ok {
			continue
		}
		i, ok := idx[h.To]
		if !ok {
			i = len(cands)
			idx[h.To] = i
			cands = append(cands, cand{id: h.To})
		}
		cands[i].links++
	}
	if len(cands) > room {
		*truncated = true
		// The best connected first, in order of discovery among equals: a
		// stable bucket sort on the (small) link counts.
		most := 0
		for _, c := range cands {
			most = max(most, c.links)
		}
		if most > 32 {
			slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.links, a.links) })
			cands = cands[:max(room, 0)]
		} else {
			kept := make([]cand, 0, max(room, 0))
			for l := most; l > 0 && len(kept) < room; l-- {
				for _, c := range cands {
					if c.links == l && len(kept) < room {
						kept = append(kept, c)
					}
				}
			}
			cands = kept
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.links, a.links) })
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = c.id
	}
	return out
}

func compareEdges(a, b Edge) int {
	return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Predicate, b.Predicate), strings.Compare(a.Target, b.Target))
}
