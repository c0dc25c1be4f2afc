// Package search is the full-text index beside the graph: it finds actors by
// name or alias (as typed, by prefix, or misspelt), and statements and
// commitments by the words of their text, ranked, with a snippet showing
// why each matched.
//
// The index is a bleve v2 (scorch) index in a directory: beside the
// store's Bolt file ([DefaultPath]: "<db>.search"), or, for the memory store
// and tests, a temporary one that Close removes. It holds one entry per
// actor, statement and commitment, and one per document (the record of what
// has been indexed, searchable by headline when asked for).
//
// # Keeping it in step with the store
//
// The ingest service calls [Index.Index] with the extraction right after a
// successful Store.Write; indexing a document twice changes nothing. When the
// index may have missed writes — a new index beside an existing store, an
// index directory deleted or from an older mapping, or several servers
// sharing one PostgreSQL store, each with its own index — [Index.Sync] reads
// from the store what the index lacks, document by document. It is cheap when
// nothing is missing (one count on each side); call it at start-up and, with
// a shared database, periodically.
//
// # Matching and ranking
//
// Names are compared as pledgegraph.NameKey folds them (case, accents and
// punctuation ignored). For actors each query word may match a word of the
// canonical name, an alias or the title exactly, as a prefix ("Zelen"), or
// within one or two edits ("Zelensky", "Merts"); every query word must match.
// A statement or commitment matches when every query word (stop words
// aside) is a word of its text (an English analyzer: stems compared, "pledges"
// finds "pledged") or of the names of its speaker, mentioned actors,
// committing actor or target (as typed or misspelt): "Zelenskyy United
// States" finds what Zelenskyy said mentioning the United States, "Merz
// compromises" his words on compromise. When nothing matches every word, any
// word will do. The exact phrase ranks higher. Scores are BM25; results are
// ordered by score, then ID, and paged with opaque cursors.
//
// # Speed
//
// The queries are bleve queries, and bleve's results are what Find
// returns, but not all of the work is bleve's: the half of a query on
// statements and commitments (thousands of hits for a busy name) is
// evaluated on the index's segments by engine.go, which finds bleve's hits
// with bleve's scores at a fraction of the cost (and leaves the search to
// bleve in the rare cases it cannot be sure of the order of a sum); where
// the candidates are many, it scores them by groups of entries that score
// alike, best first, and counts without scoring those that cannot reach
// the page (prune.go); pages are collected reading few IDs (collect.go);
// expansions of fuzzy and prefix words, IDs read, and the results of
// recent searches are kept until a write or a merge changes the index
// (cache.go). Bleve is told to keep the index in few segments (at most 3
// per size tier), since every search reads every segment.
package search
