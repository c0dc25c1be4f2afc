package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"pledgegraph"
	"pledgegraph/graph"
)

// TestNoNPlusOne checks that the store calls a query costs do not grow with
// the number of nodes it returns: every relation goes through batched loaders.
// The loaders here gather keys for 100ms instead of the default millisecond, so
// that a busy test machine does not split batches and the counts are those
// of the design; the bounds (twice the ideal) allow a batch to split when the
// machine stalls, and stay far below one call per node.
func TestNoNPlusOne(t *testing.T) {
	e := newEnv(t, func(o *graph.Options) { o.BatchWait = 100 * time.Millisecond })
	tests := []struct {
		name     string
		query    string
		nodes    int // nodes the query must return, to be sure it did the work
		maxCalls int
	}{
		{
			name: "100 statements with speaker, document and mentions",
			query: `{ statements(first: 100) { edges { node { text
				speaker { name country { name } } document { title } mentions { name kind } } } } }`,
			nodes:    100,
			maxCalls: 8, // ideally 4: find, statements, actors (speakers, countries, mentions), documents
		},
		{
			name: "100 statements with evidence and commitments",
			query: `{ statements(first: 100) { nodes { evidence { text sentenceText document { id } }
				commitments { action actor { name } target { name } statement { id } } } } }`,
			nodes:    100,
			maxCalls: 12, // ideally 6: find, statements, documents, statedIn, commitments, actors
		},
		{
			name: "20 actors with nested connections",
			query: `{ actors(first: 20) { nodes { name country { name } representatives { name } documents { title }
				statements(first: 5) { totalCount nodes { text document { title } mentions { name } } }
				mentionedIn(first: 5) { totalCount nodes { speaker { name } } }
				commitments(first: 5) { nodes { action target { name } } }
				targetedBy(first: 5) { nodes { actor { name } } } } } }`,
			nodes:    20,
			maxCalls: 20, // ideally 10: find, 5 edges, statements, commitments, documents, actors
		},
		{
			name: "documents with all their facts",
			query: `{ documents(first: 10) { nodes { title actors { name }
				statements { text speaker { name } mentions { name } }
				commitments { action actor { name } target { name } statement { text } } } } }`,
			nodes:    3,
			maxCalls: 14, // ideally 7: find, documents, 2 edges, statements, commitments, actors
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.calls.reset()
			r := e.post(tt.query, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("query failed: %s", r.Body)
			}
			if n := strings.Count(string(r.Data), `"name"`) + strings.Count(string(r.Data), `"text"`) + strings.Count(string(r.Data), `"title"`); n < tt.nodes {
				t.Fatalf("the query returned too little to test: %s", r.Data)
			}
			calls, total := e.calls.snapshot()
			t.Logf("%d store calls: %v", total, calls)
			if total > tt.maxCalls {
				t.Errorf("%d store calls, want at most %d: %v", total, tt.maxCalls, calls)
			}
		})
	}
}

// failingStore fails one method the way a broken backend does: an INTERNAL
// error wrapping the driver's message, which must never reach a client.
type failingStore struct {
	pledgegraph.Store
}

var errDriver = errors.New("pq: password authentication failed for user \"secret\" at /srv/db/cayley.go:42")

func (failingStore) Actors(context.Context, []string) ([]*pledgegraph.Actor, error) {
	return nil, pledgegraph.Internal("store.Actors", errDriver)
}

func (failingStore) Documents(context.Context, []string) ([]*pledgegraph.Document, error) {
	return nil, errDriver // not even a pledgegraph.Error
}

func (failingStore) Stats(context.Context) (pledgegraph.Stats, error) {
	panic("runtime error: index out of range [3] with length 3")
}

func TestInternalErrorsAreLoggedNotLeaked(t *testing.T) {
	e := newEnv(t)
	e.handler = graph.NewHandler(graph.Options{Store: failingStore{e.store}, Logger: newLogger(e.logs)})
	tests := []struct{ name, query string }{
		{"wrapped internal error", `{ statements(first: 3) { nodes { speaker { name } } } }`},
		{"raw error", `{ documents { nodes { title } } }`},
		{"panic", `{ stats { documents } }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.post(tt.query, nil)
			if len(r.Errors) == 0 {
				t.Fatalf("no error: %s", r.Body)
			}
			for _, err := range r.Errors {
				if err.code() != pledgegraph.EINTERNAL || err.Message != "internal error" {
					t.Errorf("error = %s %q, want INTERNAL \"internal error\"", err.code(), err.Message)
				}
			}
			for _, l := range leaks {
				if strings.Contains(strings.ToLower(r.Body), l) {
					t.Errorf("response leaks %q: %s", l, r.Body)
				}
			}
		})
	}
	logs := e.logs.String()
	for _, want := range []string{"pq: password authentication failed", "op=store.Actors", "graphql: panic", "index out of range"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
}

// slowStore answers Statements only when the request gives up, as a backend
// stuck on a lock would.
type slowStore struct{ pledgegraph.Store }

func (slowStore) Statements(ctx context.Context, _ []string) ([]*pledgegraph.Statement, error) {
	<-ctx.Done()
	return nil, pledgegraph.Internal("store.Statements", ctx.Err())
}

func TestTimeout(t *testing.T) {
	e := newEnv(t)
	e.handler = graph.NewHandler(graph.Options{Store: slowStore{e.store}, Logger: newLogger(e.logs), Timeout: 50 * time.Millisecond})
	start := time.Now()
	r := e.post(`{ statements(first: 100) { nodes { speaker { name } } } }`, nil)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the request took %v with a 50ms timeout", took)
	}
	if len(r.Errors) == 0 {
		t.Fatalf("no error: %.300s", r.Body)
	}
	if err := r.Errors[0]; err.code() != pledgegraph.ELIMIT || !strings.Contains(err.Message, "took too long") {
		t.Errorf("error = %s %q, want LIMIT_EXCEEDED about time", err.code(), err.Message)
	}
}
