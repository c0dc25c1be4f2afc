// Package traverse answers relationship questions over the pledgegraph graph:
// the shortest paths between two nodes ("how is Merz connected to the
// coalition's monitoring mission?") and the k-hop neighbourhood of a node
// ("everyone within two steps of Belgium").
//
// # Model
//
// The graph traversed is the one spanned by the relation predicates (see
// [DefaultRelations]): said, pledged, represents, mentions, target, statedIn
// and inDocument. Every edge is followed in both directions, but is always
// reported as stored, subject → object ([Edge.Source] → [Edge.Target]).
// Literal-valued predicates (name, text, …) are never followed.
//
// # Cost
//
// Traversal never issues a query per node. It expands a whole frontier per
// round trip: at most one [Graph.Neighbors] call per relation per direction
// per level, and fewer, because a relation is only asked of the frontier
// nodes whose type can carry it (only statements and commitments have
// inDocument edges, only actors say things, …). The calls of one level run
// concurrently ([Config.Parallel]).
//
// [Traverser.ShortestPaths] is a bidirectional breadth-first search that
// grows the side whose frontier is smaller (in edges when the Graph knows
// degrees, as an Adjacency does; else in nodes), so it touches roughly the
// square root of the nodes a one-sided search would. It keeps only
// distances while searching; once the sides meet, the DAG of all shortest
// paths is rebuilt over the nodes on them (fewer than L more levels for
// paths of length L). It is bounded by maxDepth, by a budget of visited
// nodes ([Config.MaxVisited]; exceeding it is an ELIMIT error, never a
// partial answer) and by ctx. [Traverser.Neighborhood] is bounded by depth
// and by its limit on returned nodes; reaching the limit is not an error:
// the answer is cut and flagged [Subgraph.Truncated].
//
// # Adjacency cache
//
// The traverser runs on any [Graph]; a pledgegraph.Store is one, and answers
// a level in one backend query per relation and direction. For interactive
// latency on persistent backends, wrap the store in an [Adjacency]: an
// in-memory copy of the relation edges, kept in step with the writes of this
// process by [Adjacency.Apply], and with the writes of other processes
// sharing a PostgreSQL database by comparing the store's document count
// (FindDocuments' Total) with its own before the copy is trusted. When the
// copy is stale or not built yet, queries go to the store (correct, slower)
// while the copy is rebuilt in the background.
//
// # Evidence
//
// Paths and subgraphs carry no evidence; [Evidence] fetches, in one batched
// Store.Evidence call, the documents each edge was read in.
package traverse
