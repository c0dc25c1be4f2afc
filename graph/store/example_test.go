package store_test

import (
	"context"
	"fmt"
	"log"

	"pledgegraph"
	"pledgegraph/graph/store"
)

// Open a store, write one document's triples, and find an actor by a name
// written differently.
func ExampleOpen() {
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{Backend: store.BackendMemory})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	raw := `"We need security guarantees," Zelenskyy said.`
	doc := pledgegraph.DocumentID(raw)
	zel := pledgegraph.ActorID(pledgegraph.KindPerson, "Volodymyr Zelenskyy")
	t := func(s, p string, o pledgegraph.Term) pledgegraph.Triple {
		return pledgegraph.Triple{Subject: s, Predicate: p, Object: o}
	}
	triples := []pledgegraph.Triple{
		t(doc, pledgegraph.PredType, pledgegraph.Str(pledgegraph.TypeDocument)),
		t(doc, pledgegraph.PredText, pledgegraph.Str(raw)),
		t(zel, pledgegraph.PredType, pledgegraph.Str(pledgegraph.TypeActor)),
		t(zel, pledgegraph.PredName, pledgegraph.Str("Volodymyr Zelenskyy")),
		t(zel, pledgegraph.PredKind, pledgegraph.Str(string(pledgegraph.KindPerson))),
		t(zel, pledgegraph.PredKey, pledgegraph.Str(pledgegraph.NameKey("Volodymyr Zelenskyy"))),
		t(zel, pledgegraph.PredAlias, pledgegraph.Str("Zelenskyy")),
		t(zel, pledgegraph.PredKey, pledgegraph.Str(pledgegraph.NameKey("Zelenskyy"))),
	}
	created, err := s.Write(ctx, doc, triples)
	fmt.Println("created:", created, err)
	created, err = s.Write(ctx, doc, triples)
	fmt.Println("again:", created, err)

	a, err := s.ActorByName(ctx, "ZELÉNSKYY")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.ID, a.Name, a.Aliases)

	_, err = s.ActorByName(ctx, "Nobody")
	fmt.Println(pledgegraph.ErrorCode(err))
	// Output:
	// created: true <nil>
	// again: false <nil>
	// actor:person:volodymyr-zelenskyy Volodymyr Zelenskyy [Zelenskyy]
	// NOT_FOUND
}
