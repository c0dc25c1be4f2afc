package graph_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"pledgegraph"
	"pledgegraph/graph"
	"pledgegraph/graph/store"
	"pledgegraph/loader/triples"
)

// A handler over a store holding one document, asked who pledged what to
// Ukraine, naming the actor by an alias.
func ExampleNewHandler() {
	ctx := context.Background()
	st, err := store.Open(ctx, store.Config{Backend: store.BackendMemory})
	if err != nil {
		panic(err)
	}
	defer st.Close()

	text := "Britain pledged to send aid to Ukraine."
	doc := pledgegraph.Document{ID: pledgegraph.DocumentID(text), Title: "Aid", Text: text, ContentHash: pledgegraph.ContentHash(text)}
	uk := pledgegraph.Actor{ID: pledgegraph.ActorID(pledgegraph.KindCountry, "United Kingdom"), Name: "United Kingdom",
		Kind: pledgegraph.KindCountry, Aliases: []string{"Britain"}}
	ua := pledgegraph.Actor{ID: pledgegraph.ActorID(pledgegraph.KindCountry, "Ukraine"), Name: "Ukraine", Kind: pledgegraph.KindCountry}
	start := strings.Index(text, "pledged")
	pledge := pledgegraph.Commitment{
		ID:    pledgegraph.CommitmentID(doc.ID, uk.ID, "send aid", start, len(text)-1),
		Actor: uk.ID, Action: "send aid", Target: ua.ID, Polarity: pledgegraph.Positive, Modality: "pledged",
		Evidence: pledgegraph.Evidence{Document: doc.ID, Start: start, End: len(text) - 1, Rule: "example", Confidence: 1},
	}
	x := &pledgegraph.Extraction{Document: doc, Actors: []pledgegraph.Actor{uk, ua}, Commitments: []pledgegraph.Commitment{pledge}}
	if _, err := st.Write(ctx, doc.ID, triples.Build(x)); err != nil {
		panic(err)
	}

	h := graph.NewHandler(graph.Options{Store: st})
	query := `{"query": "{ commitments(actor: \"britain\") { totalCount edges { node { actor { name } action target { name } polarity evidence { text } } } } }"}`
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(query))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	fmt.Println(w.Code, w.Body.String())
	// Output:
	// 200 {"data":{"commitments":{"totalCount":1,"edges":[{"node":{"actor":{"name":"United Kingdom"},"action":"send aid","target":{"name":"Ukraine"},"polarity":"POSITIVE","evidence":{"text":"pledged to send aid to Ukraine"}}}]}}}
}
