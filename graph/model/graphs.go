package model

import "pledgegraph"

// Hand-written models of the relationship queries (path, neighborhood,
// search): they hold what the query computed, and the fields that need the
// store (labels, entities, evidence documents) are resolved through the
// per-request loaders.

// Entity is any value the GraphQL Entity union resolves to: *pledgegraph.Actor,
// *pledgegraph.Statement, *pledgegraph.Commitment or *pledgegraph.Document.
type Entity interface{}

// TimelineItem is *pledgegraph.Statement or *pledgegraph.Commitment.
type TimelineItem interface{}

// GraphNode is a node of a path or subgraph. Label, Kind and Entity are
// filled in one batch for the whole answer when the query selects them.
type GraphNode struct {
	ID     string
	Type   string // the NodeType enum value: ACTOR, STATEMENT, COMMITMENT or DOCUMENT
	Label  string
	Kind   *string
	Entity Entity // nil when the node is no longer stored
}

// GraphEdge is a stored relation. Documents, its evidence, are filled in
// one batch for the whole answer when the query selects them.
type GraphEdge struct {
	Source, Predicate, Target string
	Documents                 []*pledgegraph.Document
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
