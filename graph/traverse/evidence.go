package traverse

import (
	"context"
	"fmt"

	"pledgegraph"
)

// EvidenceSource finds the documents triples were read in;
// pledgegraph.Store satisfies it.
type EvidenceSource interface {
	Evidence(ctx context.Context, triples []pledgegraph.Triple) (map[string][]string, error)
}

// evidenceBatch is the most triples in one EvidenceSource call (graph/store
// takes up to 10000).
const evidenceBatch = 5000

// Evidence returns, for each distinct edge, the IDs of the documents it was
// read in, with one Evidence call for all of them (per 5000). An edge the source knows
// nothing of maps to an empty (non-nil) list. Pass the edges of a Subgraph,
// or of all paths of a PathResult (see [PathResult.Edges]).
func Evidence(ctx context.Context, src EvidenceSource, edges []Edge) (map[Edge][]string, error) {
	out := make(map[Edge][]string, len(edges))
	var triples []pledgegraph.Triple
	for _, e := range edges {
		if _, ok := out[e]; ok {
			continue
		}
		out[e] = []string{}
		triples = append(triples, e.Triple())
	}
	for lo := 0; lo < len(triples); lo += evidenceBatch {
		got, err := src.Evidence(ctx, triples[lo:min(lo+evidenceBatch, len(triples))])
		if err != nil {
			return nil, err
		}
		for _, t := range triples[lo:min(lo+evidenceBatch, len(triples))] {
			e := Edge{Source: t.Subject, Predicate: t.Predicate, Target: t.Object.Str}
			if docs := got[e.Source+"|"+e.Predicate+"|"+e.Target]; docs != nil {
				out[e] = docs
			}
		}
	}
	return out, nil
}

// EdgeEvidencer is implemented by a Graph (a view of an Adjacency) that
// knows the documents of its edges without a round trip.
type EdgeEvidencer interface {
	EdgeEvidence(ctx context.Context, edges []Edge) (map[Edge][]string, error)
}

// Evidence returns the documents of each distinct edge, as [Evidence] does:
// from the in-memory copy when the traverser's graph is an Adjacency that is
// fresh, else with one Evidence call to the graph (which must then be an
// EvidenceSource, as pledgegraph.Store is; otherwise EINTERNAL).
func (t *Traverser) Evidence(ctx context.Context, edges []Edge) (map[Edge][]string, error) {
	g, err := t.view(ctx)
	if err != nil {
		return nil, err
	}
	switch g := g.(type) {
	case EdgeEvidencer:
		return g.EdgeEvidence(ctx, edges)
	case EvidenceSource:
		return Evidence(ctx, g, edges)
	}
	return nil, pledgegraph.Internal("traverse.Evidence", fmt.Errorf("%T knows no evidence", g))
}

// Edges returns the distinct edges of all paths, in order of first use.
func (r *PathResult) Edges() []Edge {
	seen := map[Edge]bool{}
	var out []Edge
	for _, p := range r.Paths {
		for _, e := range p.Edges {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	return out
}
