// Command listfix edits the code gqlgen generates (go generate runs it
// right after gqlgen): the lists of path and neighbourhood answers
// ([GraphNode!]! and [GraphEdge!]!) are first offered to graph's direct
// JSON writers (fastGraphNodes, fastGraphEdges), which write them when the
// selection reaches no resolver, instead of gqlgen's goroutine per element
// and resolver machinery per field. It fails when the generated code no
// longer has the expected shape.
//
// Usage: go run ./internal/listfix generated.go
package main

import (
	"bytes"
	"fmt"
	"os"
)

// lists names the list marshallers to edit and the function that writes
// the list directly or returns nil.
var lists = []struct{ marshaller, fast string }{
	{"marshalNGraphNode2ᚕᚖpledgegraphᚋgraphᚋmodelᚐGraphNodeᚄ", "fastGraphNodes"},
	{"marshalNGraphEdge2ᚕᚖpledgegraphᚋgraphᚋmodelᚐGraphEdgeᚄ", "fastGraphEdges"},
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
		open := bytes.IndexByte(body, '\n') + 1
		fast := []byte("\tif m := " + l.fast + "(ctx, sel, v); m != nil {\n\t\treturn m\n\t}\n")
		fixed := append(append(append([]byte{}, body[:open]...), fast...), body[open:]...)
		src = append(append(append([]byte{}, src[:i]...), fixed...), src[i+end:]...)
	}
	return src, nil
}
