package search_test

import (
	"context"
	"fmt"
	"log/slog"

	"pledgegraph"
	"pledgegraph/graph/search"
)

// Index the extraction of an article, then search for a misspelt name and
// for the words of a quote.
func ExampleIndex_Search() {
	ctx := context.Background()
	ix, err := search.Open(ctx, search.Config{Logger: slog.New(slog.DiscardHandler)}) // in memory
	if err != nil {
		panic(err)
	}
	defer ix.Close()

	const doc = "doc:0123456789abcdef"
	merz := pledgegraph.ActorID(pledgegraph.KindPerson, "Friedrich Merz")
	x := &pledgegraph.Extraction{
		Document: pledgegraph.Document{ID: doc, Title: "Germany signals a more cautious stance"},
		Actors: []pledgegraph.Actor{{ID: merz, Name: "Friedrich Merz", Kind: pledgegraph.KindPerson,
			Aliases: []string{"Merz"}, Title: "Chancellor"}},
		Statements: []pledgegraph.Statement{{ID: pledgegraph.StatementID(doc, pledgegraph.Direct, 120, 160),
			Kind: pledgegraph.Direct, Text: "we will not achieve textbook diplomatic solutions", Speaker: merz, Cue: "adding"}},
	}
	if err := ix.Index(ctx, x); err != nil { // right after a successful Store.Write
		panic(err)
	}

	for _, q := range []string{"Merts", "diplomatic solution"} {
		res, err := ix.Search(ctx, q, 5, "")
		if err != nil {
			panic(err)
		}
		fmt.Printf("%q: %d hit(s)\n", q, res.Total)
		for _, h := range res.Hits {
			fmt.Printf("  %s %s %q highlights %v\n", h.Type, h.ID, h.Snippet, h.Highlights)
		}
	}
	// Output:
	// "Merts": 2 hit(s)
	//   Actor actor:person:friedrich-merz "Friedrich Merz" highlights [{10 14}]
	//   Statement stmt:e1f6ce1098ef641a "we will not achieve textbook diplomatic solutions" highlights []
	// "diplomatic solution": 1 hit(s)
	//   Statement stmt:e1f6ce1098ef641a "we will not achieve textbook diplomatic solutions" highlights [{29 39} {40 49}]
}
