// Package store is the graph of pledgegraph: it implements
// pledgegraph.Store over a Cayley quad store, and is the only package of the
// module that imports Cayley.
//
// # Quad layout
//
// Every fact is one quad (subject, predicate, object, label):
//
//	subject    quad.IRI(node ID)              "actor:person:volodymyr-zelenskyy"
//	predicate  quad.IRI(pledgegraph.Pred*)    "said", "name", "start", …
//	object     by the term's kind:            quad.IRI(ID) for edges to nodes,
//	                                          quad.String, quad.Int, quad.Float for literals
//	label      quad.IRI(document ID)          "doc:87af0ff4f4581aa7"
//
// The label is the provenance: the same triple read in two documents is two
// quads, so Evidence lists both documents, and a node (an actor) read in
// several documents is one subject whose facts carry several labels.
// Readers merge them: an actor's aliases are the union over its documents;
// single-valued properties take the value read in most documents (the
// smallest on ties). A document is stored once it has its own
// (doc, type, "Document") quad; Write writes the whole document in one
// transaction, so a document is either entirely there or not at all.
//
// Edges point the way the vocabulary reads: the speaker of a statement is the
// subject of (actor, said, statement), the actor of a commitment the subject
// of (actor, pledged, commitment); mentions, target, represents, statedIn and
// inDocument point from the statement, commitment or person.
//
// # Backends
//
// Config.Backend chooses Cayley's memstore ("memory", for tests), a Bolt file
// ("bolt", the service default) or PostgreSQL ("postgres", Cayley's SQL
// schema, shareable by several stateless servers). Key-value stores are opened
// without bloom filters (~300 MiB each otherwise) and created with two
// indexes beside Cayley's subject-predicate and object-predicate-subject
// ones: a label index, so the quads of one document are an index scan, and a
// predicate-object-subject index, so are the quads of one predicate (the key
// quads an actor search reads). PostgreSQL gets a label index too (CREATE
// INDEX IF NOT EXISTS); Cayley's schema already indexes predicates.
//
// Writes use Cayley's ApplyDeltas with a strict writer: a quad already stored
// fails the transaction, which rolls back entirely. A key-value store is
// reopened after a failed write, because Cayley's kv store keeps node IDs of a
// rolled-back transaction in an in-memory cache and would otherwise reuse
// them for other nodes.
//
// On Bolt a commit costs far more than the quads it adds: every page a
// document touches is rewritten and synced, and a document touches hundreds
// of pages spread over the file (Cayley increments a reference count, kept in
// one of 65536 small buckets by value hash, for every node a quad names, and
// inserts each quad into four indexes and the log). WriteBatch writes several
// documents in one transaction (bounded by batchQuads), where they share most
// of those pages: each document is still whole in one transaction, a stored
// document is still skipped, and a failed transaction is retried document by
// document. The loader (ingest.LoadPaths) uses it through
// pledgegraph.BatchWriter: a group commit of the documents extracted ahead.
//
// # Round trips
//
// Every read is a bounded number of backend queries whatever the number of
// IDs: a batch getter loads all properties of all its nodes with one query
// (subject ∈ ids, predicate ∈ the properties it decodes), Neighbors and
// Evidence are one query each, a Find* call one query per filter.
// On memory and Bolt a query is one read of Cayley's quad indexes: a scan
// from each value of the most selective direction, the other directions
// checked on each quad, the values of the result resolved in one batch
// (Cayley's generic planner scans every quad of a kv store for such a set
// query). On PostgreSQL it is two SQL statements over Cayley's schema (the
// matching quads, then the values of the nodes they name, by hash), because
// Cayley's SQL layer would issue one statement per value of a set and one
// per result value. Store.RoundTrips counts queries (those two as one), one
// per write transaction and the generation checks of PostgreSQL (below), so
// tests above the store can assert "no N+1".
//
// Key-value stores are scanned by the longest useful prefix of their
// indexes: a batch getter reads the subject-predicate index by (node,
// property), the speakers of statements the object-predicate-subject index by
// (statement, said), so a hub actor's hundreds of said quads are not read to
// find its name. The store keeps the actors, statements, commitments and
// documents it decoded, and the sets and sorted lists Find* calls compute
// (bounded, and forgotten when a write names them): a node read in many
// documents is many quads, and the same hub actors are read by almost every
// request. On memory and Bolt the store is the only writer, and a call
// answered from the cache makes no round trip; the counts above are maxima
// there. PostgreSQL may be written by other servers: every write transaction
// increments a generation (table pledgegraph_generation, in the same
// transaction), and a call that reads from the cache first reads it (one
// more round trip, once per call) and empties the cache when it moved, so
// that a write committed by any server is seen by the next call of every
// other, as if nothing were cached.
//
// Find* calls compute every matching ID (Page.Total needs them), sort them,
// and cut the page after the cursor, which is the last ID of the previous
// page: pages stay consistent while documents are added.
//
// Cayley's own logging (clog) is silenced unless Config.Logger is set.
package store
