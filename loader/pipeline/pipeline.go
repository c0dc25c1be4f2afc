// Package pipeline composes the loader's stages in order:
//
//	normalize → segment → actors → attribute → commit
//
// Each stage is a pure function over the typed layers of package annot; the
// pipeline only runs them in order and assembles the result into a
// pledgegraph.Extraction. The triples stage (package triples) and the store
// write happen after it, in package ingest.
package pipeline

import (
	"fmt"
	"runtime/debug"
	"strings"
	"unicode/utf8"

	"pledgegraph"
	"pledgegraph/loader/actors"
	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute"
	"pledgegraph/loader/commit"
	"pledgegraph/loader/normalize"
	"pledgegraph/loader/segment"
)

// Pipeline runs the extraction stages. It is safe for concurrent use.
type Pipeline struct {
	gaz *actors.Gazetteer
}

// New returns a pipeline using the built-in gazetteer of countries and
// organizations.
func New() (*Pipeline, error) {
	g, err := actors.DefaultGazetteer()
	if err != nil {
		return nil, pledgegraph.Internal("pipeline.New", err)
	}
	return &Pipeline{gaz: g}, nil
}

// Annotate runs every stage over raw text and returns the annotated document
// with all its layers (for debugging and stage tests).
//
// The stages are written never to panic; should one still do so on some
// input, the panic is contained here and returned as an EINTERNAL error
// naming the stage, so that one bad article is reported and skipped instead
// of bringing down a load or the server.
func (p *Pipeline) Annotate(raw string) (d *annot.Doc, err error) {
	stage := "normalize"
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, &pledgegraph.Error{Code: pledgegraph.EINTERNAL, Message: "internal error",
				Op: "pipeline." + stage, Err: fmt.Errorf("panic: %v\n%s", r, debug.Stack())}
		}
	}()
	return p.annotate(raw, &stage)
}

func (p *Pipeline) annotate(raw string, stage *string) (*annot.Doc, error) {
	d, err := normalize.Normalize(raw)
	if err != nil {
		return nil, err
	}
	d.ID = pledgegraph.DocumentID(raw)
	*stage = "segment"
	d.Sentences, d.Quotes = segment.Split(d.Text, d.Paragraphs)
	*stage = "actors"
	d.Actors, d.Mentions = actors.Recognize(&d, p.gaz)
	*stage = "attribute"
	d.Statements = attribute.Statements(&d)
	*stage = "commit"
	d.Commitments = commit.Commitments(&d, d.Statements)
	return &d, nil
}

// Extract reads the facts of one document.
func (p *Pipeline) Extract(src pledgegraph.Source) (*pledgegraph.Extraction, error) {
	d, err := p.Annotate(src.Text)
	if err != nil {
		return nil, err
	}
	doc := pledgegraph.Document{
		ID:          d.ID,
		Title:       firstNonEmpty(src.Title, d.Title, openingTitle(d)),
		Source:      firstNonEmpty(src.Source, src.Name),
		PublishedAt: src.PublishedAt,
		Dateline:    d.Dateline,
		ContentHash: pledgegraph.ContentHash(src.Text),
		Text:        d.Text,
	}
	if doc.PublishedAt.IsZero() {
		doc.PublishedAt = d.Published
	}
	x := &pledgegraph.Extraction{Document: doc, Actors: d.Actors, Statements: d.Statements, Commitments: d.Commitments}
	for i := range x.Statements {
		x.Statements[i].Document = d.ID
	}
	for i := range x.Commitments {
		x.Commitments[i].Document = d.ID
	}
	return x, nil
}

// openingTitle stands in for a missing headline: the first body sentence,
// cut at a word boundary to at most maxTitle bytes.
func openingTitle(d *annot.Doc) string {
	if len(d.Sentences) == 0 {
		return ""
	}
	t := strings.TrimSpace(d.Slice(d.Sentences[0].Span))
	if len(t) <= maxTitle {
		return t
	}
	cut := strings.LastIndexByte(t[:maxTitle], ' ')
	if cut <= 0 {
		cut = maxTitle
		for !utf8.RuneStart(t[cut]) {
			cut--
		}
	}
	return strings.TrimRight(t[:cut], " ,;:—-") + "…"
}

const maxTitle = 120

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
