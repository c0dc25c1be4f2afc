// Package pledgegraph holds the domain of the pledgegraph service: the actors,
// statements, commitments and documents that the loader reads out of news
// articles, the predicate vocabulary they are stored under, the error
// vocabulary every layer speaks, and the small interfaces the API consumes.
//
// The package imports nothing but the standard library. The loader stages,
// the store (the only importer of Cayley) and the GraphQL resolvers all speak
// these types.
//
// Identity: every node has a stable, type-prefixed ID.
//
//	doc:<16 hex of sha256(raw text)>        a document (identity by content hash)
//	actor:<kind>:<slug of canonical name>   an actor, one node across documents
//	stmt:<16 hex>                           a statement (document, kind, offsets)
//	cmt:<16 hex>                            a commitment (document, actor, action, offsets)
//
// Offsets (Start, End) are byte offsets into Document.Text, the normalised
// UTF-8 text, half-open.
package pledgegraph
