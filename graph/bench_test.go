package graph_test

import (
	"testing"
	"time"

	"pledgegraph/graph"
)

// BenchmarkQuery measures whole GraphQL requests over the fixture in a
// memory store, in process: parse (cached), validate, limits, resolve through
// the loaders, encode.
func BenchmarkQuery(b *testing.B) {
	queries := []struct{ name, query string }{
		{"actor by alias", `{ actor(name: "Kyiv") { name kind } }`},
		{"2-hop: actor's statements and their mentions", `{ actor(name: "Ana Lopez") { statements(first: 20) { nodes { text mentions { name } } } } }`},
		{"100 statements with speaker, document, mentions", `{ statements(first: 100) { edges { node { text speaker { name } document { title } mentions { name } } } } }`},
		{"commitments to Ukraine", `{ commitments(target: "Ukraine") { edges { node { actor { name } action polarity modality condition } } } }`},
	}
	for _, wait := range []time.Duration{0, 250 * time.Microsecond} {
		e := newEnv(b, func(o *graph.Options) { o.BatchWait = wait })
		for _, q := range queries {
			name := q.name
			if wait > 0 {
				name += "/wait=" + wait.String()
			}
			b.Run(name, func(b *testing.B) {
				e.calls.reset()
				for b.Loop() {
					if r := e.post(q.query, nil); len(r.Errors) > 0 {
						b.Fatal(r.Body)
					}
				}
				_, calls := e.calls.snapshot()
				b.ReportMetric(float64(calls)/float64(b.N), "storecalls/op")
			})
		}
	}
}
