// Package model holds the GraphQL-only types of the pledgegraph API: the
// connection and input types gqlgen generates (models_gen.go), the Node
// interface and the Time scalar. Domain types live in package pledgegraph.
package model

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"pledgegraph"
)

// Node is any value the GraphQL Node interface resolves to: *pledgegraph.Actor,
// *pledgegraph.Statement, *pledgegraph.Commitment or *pledgegraph.Document.
// It is empty because the domain types are not ours to decorate; the
// generated code dispatches on the concrete type.
type Node interface{}

// MarshalTime and UnmarshalTime bind the GraphQL Time scalar to time.Time.
//
// MarshalTime writes t as an RFC 3339 string, and the zero time (unknown) as null.
func MarshalTime(t time.Time) graphql.Marshaler {
	if t.IsZero() {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.Format(time.RFC3339)))
	})
}

// UnmarshalTime reads an RFC 3339 time or a plain date (YYYY-MM-DD, midnight
// UTC). Anything else is an INVALID error naming the expected format.
func UnmarshalTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, pledgegraph.Errorf(pledgegraph.EINVALID,
			"Time must be a string such as \"2025-01-06T15:04:05Z\" or \"2025-01-06\", not %s", describe(v))
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, pledgegraph.Errorf(pledgegraph.EINVALID,
		"Time %q is neither RFC 3339 (\"2025-01-06T15:04:05Z\") nor a date (\"2025-01-06\")", s)
}

func describe(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case int, int32, int64, float32, float64:
		return "a number"
	default:
		return fmt.Sprintf("a %T", v)
	}
}
