package graph

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"pledgegraph/graph/model"
)

// The fields the direct list writers write must be plain struct fields in
// the generated code: were one to gain a resolver, writing it directly
// would skip it.
func TestPlainFieldsHaveNoResolver(t *testing.T) {
	ec := &executionContext{}
	type fieldContext func(context.Context, graphql.CollectedField) (*graphql.FieldContext, error)
	generated := map[string]map[string]fieldContext{
		"GraphNode": {
			"id": ec.fieldContext_GraphNode_id, "label": ec.fieldContext_GraphNode_label,
			"type": ec.fieldContext_GraphNode_type, "kind": ec.fieldContext_GraphNode_kind,
		},
		"GraphEdge": {
			"source": ec.fieldContext_GraphEdge_source, "target": ec.fieldContext_GraphEdge_target,
			"predicate": ec.fieldContext_GraphEdge_predicate,
		},
		"Document": {
			"id": ec.fieldContext_Document_id, "title": ec.fieldContext_Document_title,
			"publishedAt": ec.fieldContext_Document_publishedAt, "contentHash": ec.fieldContext_Document_contentHash,
		},
	}
	for typ, plain := range map[string][]string{
		"GraphNode": slices.Collect(maps.Keys(nodeFields)), "GraphEdge": slices.Collect(maps.Keys(edgeFields)),
		"Document": slices.Collect(maps.Keys(documentFields)),
	} {
		if len(plain) != len(generated[typ]) {
			t.Errorf("%s: plain fields %v, checked %d", typ, plain, len(generated[typ]))
		}
		for _, name := range plain {
			f, ok := generated[typ][name]
			if !ok {
				t.Errorf("%s.%s is listed as plain but not checked here", typ, name)
				continue
			}
			fc, err := f(context.Background(), graphql.CollectedField{Field: &ast.Field{Name: name}})
			if err != nil {
				t.Fatal(err)
			}
			if fc.IsResolver || fc.IsMethod {
				t.Errorf("%s.%s has a resolver or method: it is not plain", typ, name)
			}
		}
	}
}

// TestPlainSelection: which selections the list writers take (the others
// go to gqlgen's resolvers).
func TestPlainSelection(t *testing.T) {
	op := &graphql.OperationContext{Doc: &ast.QueryDocument{}, Variables: map[string]any{}}
	ctx := graphql.WithOperationContext(context.Background(), op)
	field := func(name string, sub ...ast.Selection) *ast.Field {
		return &ast.Field{Name: name, Alias: name, SelectionSet: sub}
	}
	plainGraphNodes := func(ctx context.Context, sel ast.SelectionSet) bool {
		return fastGraphNodes(ctx, sel, []*model.GraphNode{{ID: "a"}}) != nil
	}
	plainGraphEdges := func(ctx context.Context, sel ast.SelectionSet) bool {
		return fastGraphEdges(ctx, sel, []*model.GraphEdge{{Source: "a"}}) != nil
	}
	tests := []struct {
		name  string
		plain func(context.Context, ast.SelectionSet) bool
		sel   ast.SelectionSet
		want  bool
	}{
		{"node scalars", plainGraphNodes, ast.SelectionSet{field("id"), field("label"), field("type"), field("kind"), field("__typename")}, true},
		{"node entity", plainGraphNodes, ast.SelectionSet{field("id"), field("entity", field("__typename"))}, false},
		{"node scalars in an inline fragment", plainGraphNodes, ast.SelectionSet{&ast.InlineFragment{TypeCondition: "GraphNode", SelectionSet: ast.SelectionSet{field("label")}}}, true},
		{"edge with document ids", plainGraphEdges, ast.SelectionSet{field("source"), field("documents", field("id"), field("title"))}, true},
		{"edge with document actors", plainGraphEdges, ast.SelectionSet{field("source"), field("documents", field("id"), field("actors", field("name")))}, false},
		{"edge with document source", plainGraphEdges, ast.SelectionSet{field("documents", field("source"))}, false},
	}
	for _, tt := range tests {
		if got := tt.plain(ctx, tt.sel); got != tt.want {
			t.Errorf("%s: plain = %v, want %v", tt.name, got, tt.want)
		}
	}
	if plainGraphNodes(context.Background(), ast.SelectionSet{field("id")}) {
		t.Error("without an operation context the selection must not be judged plain")
	}
}
