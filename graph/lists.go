package graph

import (
	"context"
	"io"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"pledgegraph"
	"pledgegraph/graph/model"
)

// The nodes and edges of path and neighbourhood answers are filled before
// gqlgen walks them (see fill). gqlgen would then still marshal every
// element in a goroutine of its own (so that resolvers of sibling elements
// can join one loader batch) and every field through its resolver
// machinery (a field context, a middleware chain, a recover): for the few
// hundred nodes and edges of a neighbourhood that was most of the request's
// CPU, and garbage. Unless the query reaches into an entity or a document's
// resolved fields there is nothing to resolve, so these two lists are then
// written straight to JSON, byte for byte as gqlgen writes them (tested
// against it). go generate runs internal/listfix to route the generated
// list marshallers through fastGraphNodes and fastGraphEdges first.

// Fields written without a resolver (plain struct fields), by type: a
// selection of only these (and __typename) is written directly.
// TestPlainFieldsHaveNoResolver keeps these tables honest against the
// generated code.
var (
	nodeFields = map[string]func(w io.Writer, n *model.GraphNode){
		"id":    func(w io.Writer, n *model.GraphNode) { writeString(w, n.ID) },
		"label": func(w io.Writer, n *model.GraphNode) { writeString(w, n.Label) },
		"type":  func(w io.Writer, n *model.GraphNode) { writeString(w, n.Type) },
		"kind": func(w io.Writer, n *model.GraphNode) {
			if n.Kind == nil {
				graphql.Null.MarshalGQL(w)
				return
			}
			writeString(w, *n.Kind)
		},
	}
	edgeFields = map[string]func(w io.Writer, e *model.GraphEdge){
		"source":    func(w io.Writer, e *model.GraphEdge) { writeString(w, e.Source) },
		"target":    func(w io.Writer, e *model.GraphEdge) { writeString(w, e.Target) },
		"predicate": func(w io.Writer, e *model.GraphEdge) { writeString(w, e.Predicate) },
	}
	documentFields = map[string]func(w io.Writer, d *pledgegraph.Document){
		"id":          func(w io.Writer, d *pledgegraph.Document) { writeString(w, d.ID) },
		"title":       func(w io.Writer, d *pledgegraph.Document) { writeString(w, d.Title) },
		"contentHash": func(w io.Writer, d *pledgegraph.Document) { writeString(w, d.ContentHash) },
		"publishedAt": func(w io.Writer, d *pledgegraph.Document) { model.MarshalTime(d.PublishedAt).MarshalGQL(w) },
	}
)

// directLists turns the direct writers on; only tests turn them off, to
// compare their output with gqlgen's (SetDirectLists).
var directLists = true

// field is one selected field of a directly written object: its response
// key and how to write its value.
type field[T any] struct {
	key   string
	write func(w io.Writer, v T)
}

// plainFields returns the fields sel selects on typ, in response order,
// when every one is in table (or __typename, or a nested selection that
// nested accepts); ok is false otherwise, and without an operation context.
func plainFields[T any](ctx context.Context, sel ast.SelectionSet, typ string, table map[string]func(io.Writer, T),
	nested func(f graphql.CollectedField) (func(io.Writer, T), bool)) (fields []field[T], ok bool) {
	if !directLists || !graphql.HasOperationContext(ctx) {
		return nil, false
	}
	op := graphql.GetOperationContext(ctx)
	for _, f := range graphql.CollectFields(op, sel, []string{typ}) {
		if slices.ContainsFunc(fields, func(g field[T]) bool { return g.key == f.Alias }) {
			continue // as gqlgen: a response key is written once
		}
		var write func(io.Writer, T)
		switch w, ok := table[f.Name]; {
		case f.Name == "__typename":
			write = func(w io.Writer, _ T) { writeString(w, typ) }
		case ok:
			write = w
		case nested != nil:
			if write, ok = nested(f); !ok {
				return nil, false
			}
		default:
			return nil, false
		}
		fields = append(fields, field[T]{f.Alias, write})
	}
	return fields, true
}

// fastGraphNodes returns the nodes written straight to JSON when sel
// reads only plain fields of them, else nil (gqlgen marshals them).
func fastGraphNodes(ctx context.Context, sel ast.SelectionSet, v []*model.GraphNode) graphql.Marshaler {
	fields, ok := plainFields(ctx, sel, "GraphNode", nodeFields, nil)
	if !ok || slices.Contains(v, nil) {
		return nil
	}
	return writeList(v, fields)
}

// fastGraphEdges is fastGraphNodes for edges, their evidence documents
// included.
func fastGraphEdges(ctx context.Context, sel ast.SelectionSet, v []*model.GraphEdge) graphql.Marshaler {
	fields, ok := plainFields(ctx, sel, "GraphEdge", edgeFields, func(f graphql.CollectedField) (func(io.Writer, *model.GraphEdge), bool) {
		if f.Name != "documents" {
			return nil, false
		}
		docFields, ok := plainFields(ctx, f.Selections, "Document", documentFields, nil)
		return func(w io.Writer, e *model.GraphEdge) { writeList(e.Documents, docFields).MarshalGQL(w) }, ok
	})
	if !ok || slices.ContainsFunc(v, func(e *model.GraphEdge) bool { return e == nil || slices.Contains(e.Documents, nil) }) {
		return nil
	}
	return writeList(v, fields)
}

// writeList writes objects as a JSON array, each with the fields given.
func writeList[T any](v []T, fields []field[T]) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, "[")
		for i, x := range v {
			if i > 0 {
				_, _ = io.WriteString(w, ",")
			}
			_, _ = io.WriteString(w, "{")
			for j, f := range fields {
				if j > 0 {
					_, _ = io.WriteString(w, ",")
				}
				writeString(w, f.key)
				_, _ = io.WriteString(w, ":")
				f.write(w, x)
			}
			_, _ = io.WriteString(w, "}")
		}
		_, _ = io.WriteString(w, "]")
	})
}

// writeString writes s as a JSON string exactly as gqlgen's MarshalString
// does (control characters, quotes and backslashes escaped; nothing else).
func writeString(w io.Writer, s string) {
	const hex = "0123456789abcdef"
	start := 0
	_, _ = io.WriteString(w, `"`)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '\\' && c != '"' {
			continue
		}
		_, _ = io.WriteString(w, s[start:i])
		switch c {
		case '\t':
			_, _ = io.WriteString(w, `\t`)
		case '\r':
			_, _ = io.WriteString(w, `\r`)
		case '\n':
			_, _ = io.WriteString(w, `\n`)
		case '\\':
			_, _ = io.WriteString(w, `\\`)
		case '"':
			_, _ = io.WriteString(w, `\"`)
		default:
			_, _ = w.Write([]byte{'\\', 'u', '0', '0', hex[c>>4], hex[c&0xf]})
		}
		start = i + 1
	}
	_, _ = io.WriteString(w, s[start:])
	_, _ = io.WriteString(w, `"`)
}
