package search

import (
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"pledgegraph"
)

// resultCache keeps the results of recent searches, for one state of the
// index: a write (which bumps Index.gen) or a merge (which changes the
// segments, and may change the scores, which depend on statistics of the
// whole index) empties it. The index is read far more often than it is
// written, and the same words are searched again and again (a name typed
// by many users, the pages of a search).
type resultCache struct {
	mu   sync.Mutex
	gen  uint64   // Index.gen the entries are for
	segs []uint64 // IDs of the segments the entries were read from
	m    map[resultKey]*Result
}

// resultKey is what a result depends on besides the index.
type resultKey struct {
	text  string // trimmed
	types uint8  // a bit per type asked for (see typeBits)
	first int    // after DefaultFirst applied
	after string // cursor
}

// maxResults bounds the cache; it starts over when full.
const maxResults = 1024

// typeBits is the set of types asked for, as a key.
func typeBits(types []string) uint8 {
	var b uint8
	for i, t := range []string{pledgegraph.TypeActor, pledgegraph.TypeStatement, pledgegraph.TypeCommitment, pledgegraph.TypeDocument} {
		if slices.Contains(types, t) {
			b |= 1 << i
		}
	}
	return b
}

// get returns a copy of the result kept for k, if it was found in the
// index as it is: generation gen, read through snap.
func (c *resultCache) get(snap *scorch.IndexSnapshot, gen uint64, k resultKey) (*Result, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen || !sameSegments(c.segs, snap) {
		return nil, false
	}
	r, ok := c.m[k]
	if !ok {
		return nil, false
	}
	return r.clone(), true
}

// put keeps a copy of the result found for k in generation gen through
// snap, unless the cache holds a later generation's.
func (c *resultCache) put(snap *scorch.IndexSnapshot, gen uint64, k resultKey, r *Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case gen < c.gen:
		return // found before a write
	case gen > c.gen || c.m == nil || !sameSegments(c.segs, snap) || len(c.m) >= maxResults:
		c.gen, c.m = gen, map[resultKey]*Result{}
		c.segs = c.segs[:0]
		for _, s := range snap.Segments() {
			c.segs = append(c.segs, s.Id())
		}
	}
	c.m[k] = r.clone()
}

// reset empties the cache.
func (c *resultCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.segs, c.m = nil, nil
}

// sameSegments reports whether snap has the segments segs.
func sameSegments(segs []uint64, snap *scorch.IndexSnapshot) bool {
	ss := snap.Segments()
	if len(ss) != len(segs) {
		return false
	}
	for i, s := range ss {
		if s.Id() != segs[i] {
			return false
		}
	}
	return true
}

// clone is a deep copy of r.
func (r *Result) clone() *Result {
	out := *r
	out.Hits = slices.Clone(r.Hits)
	for i := range out.Hits {
		out.Hits[i].Highlights = slices.Clone(out.Hits[i].Highlights)
	}
	return &out
}

// stemCache is the text analyzer's stemmer with its stems kept: the
// snippets of a page analyse its texts again (marks.textSpans), and most
// of that time went to stemming the same words.
type stemCache struct {
	stem analysis.TokenFilter // the stemmer
	mu   sync.Mutex
	m    map[string][]byte
}

// maxStems bounds the cache; it starts over when full.
const maxStems = 1 << 16

// withStemCache returns analyzer a with its stemmer, if it ends with
// bleve's English one, caching its stems; else a.
func withStemCache(a analysis.Analyzer) analysis.Analyzer {
	d, ok := a.(*analysis.DefaultAnalyzer)
	if !ok || len(d.TokenFilters) == 0 {
		return a
	}
	last := d.TokenFilters[len(d.TokenFilters)-1]
	if _, ok := last.(*en.EnglishStemmerFilter); !ok {
		return a
	}
	out := *d
	out.TokenFilters = append(slices.Clone(d.TokenFilters[:len(d.TokenFilters)-1]), &stemCache{stem: last, m: map[string][]byte{}})
	return &out
}

// Filter stems the tokens, as the stemmer does (a function of the term
// alone).
func (c *stemCache) Filter(input analysis.TokenStream) analysis.TokenStream {
	var missed []*analysis.Token
	c.mu.Lock()
	for _, t := range input {
		if s, ok := c.m[string(t.Term)]; ok {
			t.Term = s
		} else {
			missed = append(missed, t)
		}
	}
	c.mu.Unlock()
	if len(missed) == 0 {
		return input
	}
	terms := make([]string, len(missed))
	for i, t := range missed {
		terms[i] = string(t.Term)
	}
	c.stem.Filter(missed)
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m)+len(missed) > maxStems {
		c.m = map[string][]byte{}
	}
	for i, t := range missed {
		c.m[terms[i]] = t.Term
	}
	return input
}
