package traverse

import (
	"cmp"
	"context"
	"slices"

	"pledgegraph"
)

// The neighbourhood of a node in an Adjacency's copy, computed on node
// numbers rather than IDs: the same answer as Neighborhood's generic
// expansion (see TestNeighborhoodNativeMatchesGeneric), without
// materialising an ID, a hop or a map entry per edge of a hub: a hub's
// tens of thousands of edges cost a pass over its arcs.

// nativeNeighborhood is implemented by the views of an Adjacency.
type nativeNeighborhood interface {
	neighborhood(ctx context.Context, of string, depth int, rels []Relation, limit int) (*Subgraph, bool, error)
}

// memHop is a hop on node numbers: rel indexes the query's relations.
type memHop struct {
	from, to int32
	rel      uint16
	dir      pledgegraph.Direction
}

// scratch is per-query working memory sized to the snapshot, pooled: a
// bitmap of the kept nodes and a slot per node for candidate counting,
// both left zeroed after use.
type scratch struct {
	kept  []uint64
	slot  []int32
	hops  []memHop  // reused between levels and queries
	cands []memCand // reused by admit
}

// memCand is a node admit may keep, with the hops that reach it.
type memCand struct {
	n     int32
	links int
}

// typeCode numbers the node types a relation may accept.
var typeCodes = []string{pledgegraph.TypeActor, pledgegraph.TypeStatement, pledgegraph.TypeCommitment, pledgegraph.TypeDocument}

func typeCode(id string) uint8 {
	if i := slices.Index(typeCodes, pledgegraph.NodeType(id)); i >= 0 {
		return uint8(i + 1)
	}
	return 0
}

// accepts reports, per type code, whether a node of that type may be at
// the dir end of r.
func acceptsByCode(r Relation, dir pledgegraph.Direction) [5]bool {
	var out [5]bool
	for i, t := range typeCodes {
		out[i+1] = r.accepts(dir, t)
	}
	return out
}

func (v *snapView) neighborhood(ctx context.Context, of string, depth int, rels []Relation, limit int) (*Subgraph, bool, error) {
	keys := make([]int, len(rels)) // query relation → adjacency relation index
	for i, r := range rels {
		ri, ok := v.a.rel[r.Predicate]
		if !ok {
			return nil, false, nil // a relation the copy does not hold
		}
		keys[i] = ri
	}
	if err := ctx.Err(); err != nil {
		return nil, true, canceled(err)
	}
	sg := &Subgraph{Nodes: []Node{NewNode(of)}, Distances: []int{0}, Edges: []Edge{}}
	v.a.mu.RLock()
	defer v.a.mu.RUnlock()
	s := v.snap
	centre, ok := s.idx[of]
	if !ok {
		return sg, true, nil
	}
	sc := v.a.scratch(len(s.ids))
	defer v.a.release(sc, len(s.ids))
	mark := func(n int32) { sc.kept[n/64] |= 1 << (n % 64) }
	isKept := func(n int32) bool { return sc.kept[n/64]&(1<<(n%64)) != 0 }
	kept := []int32{centre}
	defer func() {
		for _, n := range kept {
			sc.kept[n/64] = 0
		}
	}()
	mark(centre)

	accept := make([][2][5]bool, len(rels))
	for i, r := range rels {
		accept[i] = [2][5]bool{acceptsByCode(r, pledgegraph.Out), acceptsByCode(r, pledgegraph.In)}
	}
	type edgeKey struct {
		src, dst int32
		rel      uint16
	}
	edges := map[edgeKey]struct{}{}
	frontier := []int32{centre}
	hops := sc.hops[:0]
	defer func() {
		if cap(hops) <= 1<<16 {
			sc.hops = hops[:0]
		}
	}()
	for d := 0; d <= depth && len(frontier) > 0; d++ {
		if err := ctx.Err(); err != nil {
			return nil, true, canceled(err)
		}
		only := d == depth || len(sg.Nodes) >= limit // edges among kept nodes only
		rejected := false
		hops = hops[:0]
		for qi, ri := range keys {
			for _, dir := range []pledgegraph.Direction{pledgegraph.Out, pledgegraph.In} {
				k := arcKey(ri, dir)
				for _, n := range frontier {
					if !accept[qi][dir][s.types[n]] {
						continue
					}
					arcs := s.arcs[n]
					i, _ := slices.BinarySearchFunc(arcs, k, func(a arc, k uint16) int { return cmp.Compare(a.key, k) })
					for _, a := range arcs[i:] {
						if a.key != k {
							break
						}
						if a.other == n || s.types[a.other] == 0 {
							continue
						}
						if only && !isKept(a.other) {
							rejected = true
							continue
						}
						hops = append(hops, memHop{from: n, to: a.other, rel: uint16(qi), dir: dir})
					}
				}
			}
		}
		if only && rejected && d < depth {
			sg.Truncated = true
		}
		var next []int32
		if d < depth {
			next = v.admit(sc, hops, isKept, limit-len(sg.Nodes), &sg.Truncated)
			for _, n := range next {
				mark(n)
				kept = append(kept, n)
				sg.Nodes = append(sg.Nodes, NewNode(s.ids[n]))
				sg.Distances = append(sg.Distances, d+1)
			}
		}
		for _, h := range hops {
			if isKept(h.to) {
				src, dst := h.from, h.to
				if h.dir == pledgegraph.In {
					src, dst = h.to, h.from
				}
				edges[edgeKey{src, dst, h.rel}] = struct{}{}
			}
		}
		frontier = next
	}
	sg.Edges = make([]Edge, 0, len(edges))
	for e := range edges {
		sg.Edges = append(sg.Edges, Edge{Source: s.ids[e.src], Predicate: rels[e.rel].Predicate, Target: s.ids[e.dst]})
	}
	slices.SortFunc(sg.Edges, compareEdges)
	return sg, true, nil
}

// admit is the generic admit on node numbers: among the nodes the hops
// reach that are not kept, at most room, the best connected first (most
// hops), then in order of discovery.
func (v *snapView) admit(sc *scratch, hops []memHop, isKept func(int32) bool, room int, truncated *bool) []int32 {
	cands := sc.cands[:0]
	defer func() {
		if cap(cands) <= 1<<16 {
			sc.cands = cands[:0]
		}
	}()
	for _, h := range hops {
		if isKept(h.to) {
			continue
		}
		i := sc.slot[h.to]
		if i == 0 {
			cands = append(cands, memCand{n: h.to})
			i = int32(len(cands))
			sc.slot[h.to] = i
		}
		cands[i-1].links++
	}
	for _, c := range cands {
		sc.slot[c.n] = 0
	}
	slices.SortStableFunc(cands, func(a, b memCand) int { return cmp.Compare(b.links, a.links) })
	kept := cands
	if len(kept) > room {
		*truncated = true
		kept = kept[:max(room, 0)]
	}
	out := make([]int32, len(kept))
	for i, c := range kept {
		out[i] = c.n
	}
	return out
}

// scratch takes working memory for a snapshot of n nodes from the pool.
func (a *Adjacency) scratch(n int) *scratch {
	if sc, ok := a.pool.Get().(*scratch); ok && len(sc.slot) >= n {
		return sc
	}
	return &scratch{kept: make([]uint64, (n+63)/64), slot: make([]int32, n)}
}

// release returns zeroed working memory to the pool.
func (a *Adjacency) release(sc *scratch, n int) {
	if len(sc.slot) >= n {
		a.pool.Put(sc)
	}
}
