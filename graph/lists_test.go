package graph_test

import (
	"strings"
	"testing"

	"pledgegraph/graph"
)

// TestDirectListsWriteWhatGqlgenWrites runs path and neighbourhood queries
// with the direct list writers and with gqlgen marshalling every element,
// and compares the responses byte for byte: field order, aliases,
// fragments, directives, __typename, nullable kinds, undated documents,
// and selections the writers leave to gqlgen (entities, resolved document
// fields).
func TestDirectListsWriteWhatGqlgenWrites(t *testing.T) {
	e := newEnv(t)
	queries := []struct {
		name, query string
		vars        map[string]any
	}{
		{"neighbourhood as the explorer asks", `query($of: String!) { neighborhood(of: $of, depth: 2) {
			truncated nodes { id label type kind } edges { source target predicate documents { id } } } }`,
			map[string]any{"of": "Zelenskyy"}},
		{"every plain field, aliases, typename", `{ neighborhood(of: "Ukraine", depth: 2, limit: 50) {
			nodes { __typename kind k2: kind id label type l: label }
			edges { t: __typename predicate source target documents { __typename contentHash publishedAt title id } } } }`, nil},
		{"fragments and directives", `query($yes: Boolean!, $no: Boolean!) { neighborhood(of: "Macron", depth: 3) {
			nodes { ...N ... on GraphNode { type } label @include(if: $yes) kind @skip(if: $yes) id @include(if: $no) }
			edges { ...E documents @include(if: $yes) { ...D } } } }
			fragment N on GraphNode { id label }
			fragment E on GraphEdge { predicate target }
			fragment D on Document { title id }`, map[string]any{"yes": true, "no": false}},
		{"paths", `{ path(from: "Macron", to: "Zelenskyy", maxDepth: 6, first: 5) {
			length nodes { id label type kind } edges { source predicate target documents { id title publishedAt } } } }`, nil},
		{"an entity: left to gqlgen", `{ neighborhood(of: "Zelenskyy", depth: 1) {
			nodes { id entity { __typename ... on Actor { name } } } edges { predicate documents { id } } } }`, nil},
		{"a resolved document field: left to gqlgen", `{ neighborhood(of: "Zelenskyy", depth: 1) {
			nodes { id } edges { predicate documents { id source } } } }`, nil},
	}
	for _, q := range queries {
		t.Run(q.name, func(t *testing.T) {
			direct := e.post(q.query, q.vars)
			if len(direct.Errors) > 0 || !strings.Contains(direct.Body, `"nodes":[{`) {
				t.Fatalf("query failed or found nothing: %s", direct.Body)
			}
			restore := graph.SetDirectLists(false)
			defer restore()
			viaGqlgen := e.post(q.query, q.vars)
			if direct.Body != viaGqlgen.Body {
				t.Errorf("direct writers:\n%s\ngqlgen:\n%s", direct.Body, viaGqlgen.Body)
			}
		})
	}
}
