package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pledgegraph"
	"pledgegraph/graph"
	"pledgegraph/ingest"
	"pledgegraph/loader/pipeline"
)

// ingester adapts the ingest service to graph.Ingester, as the server does.
type ingester struct{ s *ingest.Service }

func (i ingester) Ingest(ctx context.Context, src pledgegraph.Source) (*pledgegraph.Document, bool, error) {
	r, err := i.s.Ingest(ctx, src)
	if err != nil {
		return nil, false, err
	}
	return &r.Extraction.Document, r.Created, nil
}

func withIngest(t testing.TB) func(*graph.Options) {
	return func(o *graph.Options) {
		p, err := pipeline.New()
		if err != nil {
			t.Fatal(err)
		}
		o.Ingester = ingester{ingest.New(o.Store, p, nil)}
	}
}

func TestIngestDocument(t *testing.T) {
	e := newEnv(t, withIngest(t))
	raw, err := os.ReadFile(filepath.Join("..", "data", "000_87af0ff4f4581aa7.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const m = `mutation($in: DocumentInput!) { ingestDocument(input: $in) {
		id title source publishedAt statements { id } commitments { id } } }`
	in := map[string]any{"text": string(raw), "title": "Coalition of the willing", "source": "https://example.org/seed",
		"publishedAt": "2026-01-06T18:00:00Z"}
	var got struct {
		IngestDocument struct {
			ID, Title, Source, PublishedAt string
			Statements, Commitments        []struct{ ID string }
		}
	}
	e.data(m, map[string]any{"in": in}, &got)
	d := got.IngestDocument
	if d.ID != pledgegraph.DocumentID(string(raw)) || d.Title != "Coalition of the willing" ||
		d.Source != "https://example.org/seed" || d.PublishedAt != "2026-01-06T18:00:00Z" {
		t.Errorf("ingested = %+v", d)
	}
	if len(d.Statements) == 0 || len(d.Commitments) == 0 {
		t.Errorf("ingested document has %d statements and %d commitments", len(d.Statements), len(d.Commitments))
	}

	// Every evidence span lies inside the sentence shown for it.
	var ev struct {
		Document struct {
			Statements []struct {
				Evidence struct{ Text, SentenceText string }
			}
		}
	}
	e.data(`query($id: ID!) { document(id: $id) { statements { evidence { text sentenceText } } } }`, map[string]any{"id": d.ID}, &ev)
	for _, s := range ev.Document.Statements {
		if !strings.Contains(s.Evidence.SentenceText, s.Evidence.Text) || len(s.Evidence.SentenceText) > 2000 {
			t.Errorf("sentence %q does not hold evidence %q", s.Evidence.SentenceText, s.Evidence.Text)
		}
	}

	// The same text again stores nothing new and returns the stored document,
	// with the title it was first stored under.
	in["title"] = "Another title"
	var again struct{ IngestDocument struct{ ID, Title string } }
	e.data(m, map[string]any{"in": in}, &again)
	if again.IngestDocument.ID != d.ID || again.IngestDocument.Title != "Coalition of the willing" {
		t.Errorf("second ingest = %+v", again.IngestDocument)
	}

	// The new document is queryable at once, through aliases.
	var q struct {
		Commitments struct {
			Edges []struct {
				Node struct {
					Actor    struct{ Name string }
					Document struct{ ID string }
				}
			}
		}
	}
	e.data(`{ commitments(target: "Kyiv", first: 100) { edges { node { actor { name } document { id } } } } }`, nil, &q)
	var fromSeed []string
	for _, edge := range q.Commitments.Edges {
		if edge.Node.Document.ID == d.ID {
			fromSeed = append(fromSeed, edge.Node.Actor.Name)
		}
	}
	if len(fromSeed) == 0 {
		t.Errorf("no commitment toward Ukraine read from the ingested document")
	}
}

func TestIngestDocumentErrors(t *testing.T) {
	e := newEnv(t, withIngest(t))
	const m = `mutation($in: DocumentInput!) { ingestDocument(input: $in) { id } }`
	tests := []struct {
		name string
		in   map[string]any
		code string
		msg  string
	}{
		{"empty", map[string]any{"text": "  \n "}, pledgegraph.EINVALID, "must not be empty"},
		{"too long", map[string]any{"text": strings.Repeat("Words. ", graph.MaxDocumentBytes/7+1)}, pledgegraph.ELIMIT, "the most one document may hold is 1048576"},
		{"bad date", map[string]any{"text": "Text.", "publishedAt": "last Tuesday"}, pledgegraph.EINVALID, "RFC 3339"},
		{"missing text", map[string]any{"title": "x"}, "GRAPHQL_VALIDATION_FAILED", "must be defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.post(m, map[string]any{"in": tt.in})
			if len(r.Errors) == 0 || r.Errors[0].code() != tt.code || !strings.Contains(r.Errors[0].Message, tt.msg) {
				t.Errorf("errors = %+v, want %s containing %q", r.Errors, tt.code, tt.msg)
			}
		})
	}

	r := e.post(m, map[string]any{"in": map[string]any{"text": strings.Repeat("x", graph.DefaultMaxBodyBytes)}})
	if r.Status != 413 || len(r.Errors) != 1 || r.Errors[0].code() != pledgegraph.ELIMIT {
		t.Errorf("oversized body: HTTP %d %.200s", r.Status, r.Body)
	}

	e = newEnv(t) // no ingester
	r = e.post(m, map[string]any{"in": map[string]any{"text": "Some text."}})
	if len(r.Errors) == 0 || r.Errors[0].code() != pledgegraph.EINVALID {
		t.Errorf("without an ingester: %s", r.Body)
	}
}
