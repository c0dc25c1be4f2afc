package ingest

import (
	"context"

	"pledgegraph"
	"pledgegraph/loader/triples"
)

// Applier receives the triples of each document the service stored; a
// traverse.Adjacency (the in-memory copy of the relation edges) is one.
// Applying a document twice must change nothing.
type Applier interface {
	Apply(docID string, triples []pledgegraph.Triple)
}

// Edges returns an Indexer that hands each stored document's triples (the
// ones given to Store.Write) to a. Pass it to New to keep an in-memory
// adjacency in step with this process's writes.
func Edges(a Applier) Indexer { return edges{a} }

type edges struct{ a Applier }

func (e edges) Index(_ context.Context, x *pledgegraph.Extraction) error {
	e.a.Apply(x.Document.ID, triples.Build(x))
	return nil
}
