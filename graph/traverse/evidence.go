package traverse

import (
	"context"

	"pledgegraph"
)

// EvidenceSource finds the documents triples were read in;
// pledgegraph.Store satisfies it.
type EvidenceSource interface {
	Evidence(ctx context.Context, triples []pledgegraph.Triple) (map[string][]string, error)
}

// Evidence returns, for each distinct edge, the IDs of the documents it was
// read in, with one Evidence call for all of them. An edge the source knows
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
	if len(triples) == 0 {
		return out, nil
	}
	got, err := src.Evidence(ctx, triples)
	if err != nil {
		return nil, err
	}
	for e := range out {
		if docs := got[e.Source+"|"+e.Predicate+"|"+e.Target]; docs != nil {
			out[e] = docs
		}
	}
	return out, nil
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
