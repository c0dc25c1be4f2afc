package pledgegraph

import "context"

// PageRequest asks for up to First items after the opaque cursor After
// (from a previous page; "" for the first page).
type PageRequest struct {
	First int
	After string
}

// Page is one page of IDs in a stable order, with a cursor per item.
type Page struct {
	IDs     []string
	Cursors []string // Cursors[i] resumes after IDs[i]
	Total   int      // items matching the filter, over all pages
	HasNext bool
}

// ActorFilter selects actors; zero fields match everything.
type ActorFilter struct {
	Kind   ActorKind
	Search string // case- and accent-insensitive substring of the name or an alias
}

// StatementFilter selects statements; zero fields match everything.
// Actor fields hold actor IDs (resolve names with Store.ActorByName first).
type StatementFilter struct {
	Speaker  string
	Mentions string
	Kind     StatementKind
	Search   string // case-insensitive substring of the text
	Document string
}

// CommitmentFilter selects commitments; zero fields match everything.
type CommitmentFilter struct {
	Actor    string
	Target   string
	Polarity Polarity
	Document string
	Modality string // the modal word, compared as SameModality does
}

// Direction of an edge lookup.
type Direction int

const (
	Out Direction = iota // subject → object
	In                   // object ← subject
)

// Link is an edge seen from one end: the node at the other end and the
// documents the edge was read in.
type Link struct {
	Node      string
	Documents []string
}

// Stats counts what a store holds.
type Stats struct {
	Documents, Actors, Statements, Commitments, Quads int
}

// Store is the graph: written a document at a time, read in batches.
// Implementations live in graph/store; every method is safe for concurrent use.
//
// Batch getters return a slice aligned with ids, nil where an ID is unknown.
// Errors are *Error: ENOTFOUND, EINVALID, ECONFLICT, or EINTERNAL wrapping
// the backend's error.
type Store interface {
	// Write stores the triples of one document, labelled with docID, in one
	// transaction: all or nothing. If the document is already stored it
	// changes nothing and returns created=false.
	Write(ctx context.Context, docID string, triples []Triple) (created bool, err error)
	// HasDocument reports whether the document is stored.
	HasDocument(ctx context.Context, docID string) (bool, error)

	// ActorByName finds an actor by canonical name or any alias, compared by
	// NameKey. ENOTFOUND if none; when several match, the one with most
	// evidence wins (persons before countries before organizations on ties).
	ActorByName(ctx context.Context, name string) (*Actor, error)

	Actors(ctx context.Context, ids []string) ([]*Actor, error)
	Statements(ctx context.Context, ids []string) ([]*Statement, error)
	Commitments(ctx context.Context, ids []string) ([]*Commitment, error)
	Documents(ctx context.Context, ids []string) ([]*Document, error)

	// Neighbors follows one predicate from many nodes at once: for each id,
	// the IDs at the other end (objects for Out, subjects for In), deduplicated
	// across documents, in stable order.
	Neighbors(ctx context.Context, ids []string, predicate string, dir Direction) (map[string][]string, error)
	// Links is Neighbors with evidence: for each id, the nodes at the other
	// end in the order Neighbors gives them, each with the IDs of the
	// documents the edge was read in (sorted).
	Links(ctx context.Context, ids []string, predicate string, dir Direction) (map[string][]Link, error)
	// Evidence returns, for each triple (subject, predicate, object), the IDs
	// of the documents it was read in. Keys are "subject|predicate|object".
	Evidence(ctx context.Context, triples []Triple) (map[string][]string, error)

	FindActors(ctx context.Context, f ActorFilter, p PageRequest) (Page, error)
	FindStatements(ctx context.Context, f StatementFilter, p PageRequest) (Page, error)
	FindCommitments(ctx context.Context, f CommitmentFilter, p PageRequest) (Page, error)
	FindDocuments(ctx context.Context, p PageRequest) (Page, error)

	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// DocumentTriples is one document of a batch write: what Store.Write takes.
type DocumentTriples struct {
	ID      string
	Triples []Triple
}

// WriteResult is what a batch write did with one document: Created as
// Store.Write returns it, or Err, the error Store.Write would have returned
// for it (nothing of the document is stored).
type WriteResult struct {
	Created bool
	Err     error
}

// BatchWriter is implemented by stores that write several documents in
// fewer transactions than one each (bulk loads use it when the store has
// it). WriteBatch must leave the store as Write called on each document in
// turn would, document by document: each document whole or not at all, and
// one failing document fails only itself. The error is for the call as a
// whole (too many documents); otherwise there is one result per document,
// aligned with docs.
type BatchWriter interface {
	WriteBatch(ctx context.Context, docs []DocumentTriples) ([]WriteResult, error)
}
