package graph

//go:generate go tool gqlgen generate
//go:generate go run ./internal/listfix generated.go

import (
	"context"
	"log/slog"

	"pledgegraph"
	"pledgegraph/graph/search"
	"pledgegraph/graph/traverse"
)

// Ingester reads an article and stores what it says: the ingest service
// (package ingest) satisfies it. It returns the stored document and whether
// this call created it (false when the same text was already stored).
type Ingester interface {
	Ingest(ctx context.Context, src pledgegraph.Source) (*pledgegraph.Document, bool, error)
}

// Resolver is the root of the gqlgen resolvers. It holds dependencies only;
// the work is done in query.go, loaders.go and mutation.go.
type Resolver struct {
	Store    pledgegraph.Store
	Ingester Ingester // nil disables the ingestDocument mutation
	Logger   *slog.Logger
	// Traverser answers path and neighborhood (see NewTraverser).
	Traverser *traverse.Traverser
	// Search is the full-text index; nil makes search fail with INVALID.
	Index *search.Index

	dates *dateCache // publication times of documents, which never change
}
