package graph

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
)

func TestCost(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	stmts := `["stmt:1", "stmt:2", "stmt:3"]`
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		want  int
	}{
		{"scalar", `{ stats { documents } }`, nil, 2},
		{"page of 10", `{ statements(first: 10) { nodes { text } } }`, nil, 1 + 10*2},
		{"default page", `{ statements { totalCount nodes { text } } }`, nil, 1 + 20*3},
		{"page size from a variable", `query($n: Int) { actors(first: $n) { nodes { name } } }`, map[string]any{"n": 5}, 1 + 5*2},
		{"unpaged list", `{ actor(name: "x") { documents { title } } }`, nil, 1 + 1 + 10*1},
		{"nested pages multiply", `{ actors(first: 10) { nodes { statements(first: 10) { nodes { text } } } } }`, nil,
			1 + 10*(1+1+10*2)},
		{"typename is free", `{ actor(name: "x") { __typename name } }`, nil, 2},
		{"node priced by its ID's type", `{ node(id: "stmt:1") { ... on Statement { text }
			... on Actor { statements(first: 100) { nodes { text } } } } }`, nil, 2},
		{"node without a known prefix costs the dearest type", `{ node(id: "x") { ... on Statement { text }
			... on Actor { statements(first: 100) { nodes { text } } } } }`, nil, 1 + 1 + 100*2},
		{"nodes by type", `{ nodes(ids: ` + stmts + `) { id ... on Statement { text } ... on Actor { name } } }`, nil, 1 + 3*2},
		{"nodes from a variable", `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Actor { name } } }`,
			map[string]any{"ids": []any{"actor:country:france", "doc:1"}}, 1 + 1 + 0},
		{"fragment on the interface applies", `{ node(id: "cmt:1") { ...N } } fragment N on Node { id }`, nil, 2},
		{"introspection is free", `{ __schema { types { name fields { name } } } }`, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, errs := gqlparser.LoadQuery(schema, tt.query)
			if errs != nil {
				t.Fatal(errs)
			}
			op := doc.Operations[0]
			c := costWalker{schema: schema, vars: tt.vars}
			if got := c.selection(op.SelectionSet, schema.Query); got != tt.want {
				t.Errorf("cost = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestDepth(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	tests := []struct {
		query string
		want  int
	}{
		{`{ stats { documents } }`, 2},
		{`{ actors { edges { node { country { name } } } } }`, 5},
		{`{ node(id: "x") { ... on Actor { country { ...C } } } } fragment C on Actor { country { name } }`, 4},
		{`{ __schema { types { fields { type { ofType { ofType { name } } } } } } }`, 0},
		{`{ actor(name: "x") { ` + strings.Repeat("country { ", 20) + "name" + strings.Repeat(" }", 20) + ` } }`, 22},
	}
	for _, tt := range tests {
		doc, errs := gqlparser.LoadQuery(schema, tt.query)
		if errs != nil {
			t.Fatal(errs)
		}
		if got := depth(doc.Operations[0].SelectionSet, 0); got != tt.want {
			t.Errorf("depth(%s) = %d, want %d", tt.query, got, tt.want)
		}
	}
}
