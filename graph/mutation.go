package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"pledgegraph"
	"pledgegraph/graph/model"
)

// MaxDocumentBytes is the largest article ingestDocument takes.
const MaxDocumentBytes = 1 << 20

// ingestDocument checks an article, hands it to the ingester and returns the
// document as stored (when the text was stored before, with the title and
// source it was first stored with).
func ingestDocument(ctx context.Context, st pledgegraph.Store, ing Ingester, in model.DocumentInput) (*pledgegraph.Document, error) {
	if ing == nil {
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "this server does not ingest documents")
	}
	switch {
	case strings.TrimSpace(in.Text) == "":
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "input.text must not be empty")
	case len(in.Text) > MaxDocumentBytes:
		return nil, pledgegraph.Errorf(pledgegraph.ELIMIT,
			"input.text is %d bytes; the most one document may hold is %d", len(in.Text), MaxDocumentBytes)
	case !utf8.ValidString(in.Text):
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "input.text is not valid UTF-8")
	}
	src := pledgegraph.Source{
		Title:  strings.TrimSpace(deref(in.Title)),
		Text:   in.Text,
		Source: strings.TrimSpace(deref(in.Source)),
	}
	src.Name = src.Source
	if in.PublishedAt != nil {
		src.PublishedAt = *in.PublishedAt
	}
	doc, _, err := ing.Ingest(ctx, src)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, pledgegraph.Internal("graph.ingestDocument", errors.New("ingester returned no document and no error"))
	}
	stored, err := st.Documents(ctx, []string{doc.ID})
	if err != nil {
		return nil, err
	}
	if len(stored) != 1 || stored[0] == nil {
		return nil, pledgegraph.Internal("graph.ingestDocument", fmt.Errorf("document %s was ingested but is not stored", doc.ID))
	}
	if l, err := loadersFrom(ctx); err == nil {
		l.documents.Clear(doc.ID)
		l.documents.Prime(doc.ID, stored[0])
	}
	return stored[0], nil
}
