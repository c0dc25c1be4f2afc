// Command listfix edits the code gqlgen generates (go generate runs it
// right after gqlgen): the lists of path and neighbourhood answers
// ([GraphNode!]! and [GraphEdge!]!) are marshalled by graph.marshalList,
// which runs the elements one after another when the selection reaches no
// resolver, instead of gqlgen's goroutine per element. It fails when the
// generated code no longer has the expected shape.
//
// Usage: go run ./internal/listfix generated.go
package main

import (
	"bytes"
	"fmt"
	"os"
)

// lists names the list marshallers to edit and the function that tells,
// from the selection, whether its elements may be marshalled in sequence.
var lists = []struct{ marshaller, plain string }{
	{"marshalNGraphNode2ᚕᚖpledgegraphᚋgraphᚋmodelᚐGraphNodeᚄ", "plainGraphNodes"},
	{"marshalNGraphEdge2ᚕᚖpledgegraphᚋgraphᚋmodelᚐGraphEdgeᚄ", "plainGraphEdges"},
}

const concurrent = "ret := graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {"

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "listfix:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: listfix generated.go")
	}
	src, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	out, err := fix(src)
	if err != nil {
		return err
	}
	return os.WriteFile(args[0], out, 0o644)
}

func fix(src []byte) ([]byte, error) {
	for _, l := range lists {
		head := []byte("func (ec *executionContext) " + l.marshaller + "(")
		i := bytes.Index(src, head)
		if i < 0 {
			return nil, fmt.Errorf("%s not found in the generated code", l.marshaller)
		}
		end := bytes.Index(src[i:], []byte("\n}\n"))
		if end < 0 {
			return nil, fmt.Errorf("%s has no end", l.marshaller)
		}
		body := src[i : i+end]
		j := bytes.Index(body, []byte(concurrent))
		if j < 0 {
			return nil, fmt.Errorf("%s does not marshal its elements with MarshalSliceConcurrently as expected", l.marshaller)
		}
		repl := []byte("ret := marshalList(ctx, len(v), " + l.plain + "(ctx, sel), func(ctx context.Context, i int) graphql.Marshaler {")
		fixed := append(append(append([]byte{}, body[:j]...), repl...), body[j+len(concurrent):]...)
		src = append(append(append([]byte{}, src[:i]...), fixed...), src[i+end:]...)
	}
	return src, nil
}
