package model

// Hand-written models of the relationship queries (path, neighborhood,
// search): they hold what the query computed, and the fields that need the
// store (labels, entities, evidence documents) are resolved through the
// per-request loaders.

// Entity is any value the GraphQL Entity union resolves to: *pledgegraph.Actor,
// *pledgegraph.Statement, *pledgegraph.Commitment or *pledgegraph.Document.
type Entity interface{}

// TimelineItem is *pledgegraph.Statement or *pledgegraph.Commitment.
type TimelineItem interface{}

// GraphNode is a node of a path or subgraph; label, kind and entity are
// loaded on demand.
type GraphNode struct {
	ID   string
	Type string // pledgegraph.TypeActor, TypeStatement, TypeCommitment or TypeDocument
}

// GraphEdge is a stored relation; its evidence documents are loaded on demand.
type GraphEdge struct {
	Source, Predicate, Target string
}

// Path is one path of a path query.
type Path struct {
	Nodes  []*GraphNode
	Edges  []*GraphEdge
	Length int
}

// Subgraph is the answer of a neighborhood query.
type Subgraph struct {
	Nodes     []*GraphNode
	Edges     []*GraphEdge
	Truncated bool
}

// SearchResult is one search hit; its entity is loaded on demand.
type SearchResult struct {
	ID         string
	Type       string // pledgegraph.TypeActor, TypeStatement or TypeCommitment
	Score      float64
	Snippet    string
	Highlights []*TextSpan
}
