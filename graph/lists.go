package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// gqlgen marshals every element of a list of objects in a goroutine of its
// own, so that resolvers of sibling elements can join one loader batch. The
// nodes and edges of path and neighbourhood answers are filled before
// gqlgen walks them (see fill): unless the query reaches into an entity or
// a document's resolved fields, there is nothing to batch, and a goroutine
// per node and edge of a large subgraph was a third of the request's CPU.
// go generate runs internal/listfix to route those two lists here.

// marshalList marshals n list elements with elem: one after another when
// sequential, else concurrently as gqlgen does. A panic in an element is
// recovered as gqlgen does: the element is null and the error reported.
func marshalList(ctx context.Context, n int, sequential bool, elem func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	if !sequential || n < 2 {
		return graphql.MarshalSliceConcurrently(ctx, n, 0, false, elem)
	}
	ret := make(graphql.Array, n)
	for i := range n {
		ctx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
		func() {
			defer func() {
				if r := recover(); r != nil {
					graphql.AddError(ctx, graphql.Recover(ctx, r))
					ret[i] = graphql.Null
				}
			}()
			ret[i] = elem(ctx, i)
		}()
	}
	return ret
}

// Fields resolved without a resolver (plain struct fields): selecting only
// these under a list element leaves nothing to run concurrently.
// TestPlainFieldsHaveNoResolver keeps these lists honest.
var (
	plainNodeFields     = []string{"id", "label", "type", "kind"}
	plainEdgeFields     = []string{"source", "target", "predicate"}
	plainDocumentFields = []string{"id", "title", "publishedAt", "contentHash"}
)

// plainGraphNodes reports whether a selection on GraphNode reads only
// plain fields.
func plainGraphNodes(ctx context.Context, sel ast.SelectionSet) bool {
	return plainSelection(ctx, sel, "GraphNode", plainNodeFields, nil)
}

// plainGraphEdges reports whether a selection on GraphEdge reads only plain
// fields, its documents included.
func plainGraphEdges(ctx context.Context, sel ast.SelectionSet) bool {
	return plainSelection(ctx, sel, "GraphEdge", plainEdgeFields, map[string]func(ast.SelectionSet) bool{
		"documents": func(sub ast.SelectionSet) bool {
			return plainSelection(ctx, sub, "Document", plainDocumentFields, nil)
		},
	})
}

func plainSelection(ctx context.Context, sel ast.SelectionSet, typ string, plain []string, nested map[string]func(ast.SelectionSet) bool) bool {
	if !graphql.HasOperationContext(ctx) {
		return false
	}
	op := graphql.GetOperationContext(ctx)
next:
	for _, f := range graphql.CollectFields(op, sel, []string{typ}) {
		if f.Name == "__typename" {
			continue
		}
		for _, p := range plain {
			if f.Name == p {
				continue next
			}
		}
		if ok := nested[f.Name]; ok != nil && ok(f.Selections) {
			continue
		}
		return false
	}
	return true
}
