package graph_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"pledgegraph/graph"
)

// TestPOSTAnswersAsGqlgen sends the same requests to the handler and to one
// serving POST with gqlgen's own transport, and compares status, content
// type and body byte for byte: answers with characters encoding/json
// escapes (<, >, &, U+2028), errors of every stage, other content types,
// bodies that are not JSON or too large.
func TestPOSTAnswersAsGqlgen(t *testing.T) {
	e := newEnv(t, func(o *graph.Options) { o.MaxBodyBytes = 4096 })
	text := "Officials said <b>R&D</b> funds would rise.\u2028A line\u2029 \"quoted\" \\ \t end."
	id := newDoc(t, "R&D <funds> & more", "https://example.org/?a=1&b=2", text, time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)).
		actors(uk).write(t, e.store)
	refOpts := graph.Options{Store: e.store, Logger: newLogger(e.logs), MaxBodyBytes: 4096}
	graph.WithGqlgenPOST(&refOpts)
	ref := graph.NewHandler(refOpts)

	requests := []struct {
		name, accept, contentType, body string
	}{
		{"escaped characters", "", "application/json", `{"query":"query($id: ID!) { document(id: $id) { title source text } }","variables":{"id":"` + id + `"}}`},
		{"a list", "application/json", "application/json", `{"query":"{ statements(first: 5) { totalCount nodes { text speaker { name } document { title } } } }"}`},
		{"any type", "text/html, */*;q=0.8", "application/json", `{"query":"{ stats { documents quads } }"}`},
		{"neighbourhood", "", "application/json", `{"query":"{ neighborhood(of: \"Zelenskyy\", depth: 2) { nodes { id label } edges { source documents { title } } } }"}`},
		{"not found", "", "application/json", `{"query":"{ actor(name: \"No <one> & nobody\") { name } }"}`},
		{"partial data", "", "application/json", `{"query":"{ a: actor(name: \"Zelenskyy\") { name } b: actor(name: \"Nobody\") { name } }"}`},
		{"syntax error", "", "application/json", `{"query":"{ actor(name: "}`},
		{"validation error", "", "application/json", `{"query":"{ nosuchfield }"}`},
		{"bad variables", "", "application/json", `{"query":"query($n: Int!) { statements(first: $n) { totalCount } }","variables":{"n":"x"}}`},
		{"not JSON", "", "application/json", `query { stats { documents } }`},
		{"operation name", "", "application/json", `{"query":"query A { stats { documents } } query B { stats { actors } }","operationName":"B"}`},
		{"graphql-response+json", "application/graphql-response+json", "application/json", `{"query":"{ stats { documents } }"}`},
		{"too large", "", "application/json", `{"query":"{ stats { documents } }","variables":{"x":"` + strings.Repeat("a", 5000) + `"}}`},
	}
	for _, rq := range requests {
		t.Run(rq.name, func(t *testing.T) {
			serve := func(h http.Handler) *httptest.ResponseRecorder {
				req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(rq.body))
				req.Header.Set("Content-Type", rq.contentType)
				if rq.accept != "" {
					req.Header.Set("Accept", rq.accept)
				}
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				return w
			}
			got, want := serve(e.handler), serve(ref)
			if got.Code != want.Code || got.Header().Get("Content-Type") != want.Header().Get("Content-Type") || got.Body.String() != want.Body.String() {
				t.Errorf("got HTTP %d %q\n%s\nwant HTTP %d %q\n%s", got.Code, got.Header().Get("Content-Type"), got.Body,
					want.Code, want.Header().Get("Content-Type"), want.Body)
			}
			if rq.name == "escaped characters" && (!strings.Contains(got.Body.String(), `R\u0026D \u003cfunds\u003e`) || !strings.Contains(got.Body.String(), `\u2028`)) {
				t.Errorf("the answer does not escape as encoding/json does: %s", got.Body)
			}
		})
	}
}
