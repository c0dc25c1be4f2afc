package traverse_test

import (
	"context"
	"fmt"
	"log/slog"

	"pledgegraph"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse"
	"pledgegraph/loader/triples"
)

// How is Merz connected to the coalition's monitoring mission? Paths are
// found on an in-memory copy of the store's edges, then the evidence of
// their edges is fetched from the store in one call.
func ExampleTraverser_ShortestPaths() {
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{Backend: store.BackendMemory})
	if err != nil {
		panic(err)
	}
	defer s.Close()
	adj := traverse.NewAdjacency(s, traverse.AdjacencyConfig{CheckEvery: -1, Logger: slog.New(slog.DiscardHandler)})
	defer adj.Close()
	for _, x := range scenario() {
		ts := triples.Build(x)
		if created, err := s.Write(ctx, x.Document.ID, ts); err != nil {
			panic(err)
		} else if created {
			adj.Apply(x.Document.ID, ts) // keep the copy in step
		}
	}
	if err := adj.Refresh(ctx); err != nil { // or let the first query start it
		panic(err)
	}

	tr := traverse.New(adj, traverse.Config{})
	res, err := tr.ShortestPaths(ctx, merz, cMonitor, 4,
		[]string{pledgegraph.PredSaid, pledgegraph.PredMentions, pledgegraph.PredTarget}, 5)
	if err != nil {
		panic(err)
	}
	evidence, err := traverse.Evidence(ctx, s, res.Edges())
	if err != nil {
		panic(err)
	}
	for _, p := range res.Paths {
		fmt.Println(p.Len(), render(p))
		for _, e := range p.Edges {
			fmt.Printf("  %s %s %s in %v\n", short(e.Source), e.Predicate, short(e.Target), shortAll(evidence[e]))
		}
	}
	// Output:
	// 3 friedrich-merz -said-> stmt:merz -mentions-> ukraine <-target- cmt:monitor
	//   friedrich-merz said stmt:merz in [doc:A]
	//   stmt:merz mentions ukraine in [doc:A]
	//   cmt:monitor target ukraine in [doc:A]
	// 3 friedrich-merz <-mentions- doc:A -mentions-> ukraine <-target- cmt:monitor
	//   doc:A mentions friedrich-merz in [doc:A]
	//   doc:A mentions ukraine in [doc:A]
	//   cmt:monitor target ukraine in [doc:A]
}

// Everyone within two steps of Belgium.
func ExampleTraverser_Neighborhood() {
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{Backend: store.BackendMemory})
	if err != nil {
		panic(err)
	}
	defer s.Close()
	for _, x := range scenario() {
		if _, err := s.Write(ctx, x.Document.ID, triples.Build(x)); err != nil {
			panic(err)
		}
	}
	tr := traverse.New(s, traverse.Config{})
	sg, err := tr.Neighborhood(ctx, belgium, 2, nil, 200)
	if err != nil {
		panic(err)
	}
	for i, n := range sg.Nodes {
		fmt.Println(sg.Distances[i], n.Type, short(n.ID))
	}
	fmt.Println(len(sg.Edges), "edges, truncated:", sg.Truncated)
	// Output:
	// 0 Actor belgium
	// 1 Commitment cmt:navy
	// 1 Document doc:B
	// 2 Actor ukraine
	// 5 edges, truncated: false
}

func shortAll(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = short(id)
	}
	return out
}
