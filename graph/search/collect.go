package search

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// Why this file: bleve's own way to a page sorted by score then ID (sort
// ["-_score", "_id"]) reads the stored ID of every hit, and fuzzy and
// prefix queries walk every segment's dictionary (a fuzzy one after
// building a Levenshtein automaton) each time they run. A busy name has
// thousands of hits, so these dominated the cost of a search. Here a page
// is collected by score alone, reading an ID only where scores tie, and the
// expansions of fuzzy and prefix terms are kept while the index's segments
// stay the same. The hits, their order and their scores are bleve's.

// sortKey is where a hit sorts: by descending score, then ascending ID.
type sortKey struct {
	score float64
	id    string
}

// pageHit is a hit of the page with its stored fields.
type pageHit struct {
	sortKey
	fields map[string]string // fType, fLabel, fText, fRecord as stored
}

// pageCollector receives every hit of a search (bleve's collector counts
// them) and keeps the k best after a cursor. It is installed in place of
// bleve's top-N handler through search.MakeDocumentMatchHandlerKey with a
// sort by score alone, so that bleve loads nothing per hit.
type pageCollector struct {
	k      int      // hits to keep
	load   int      // of which the first load get their stored fields
	after  *sortKey // nil: from the first hit
	reader index.IndexReader
	pool   *bsearch.DocumentMatchPool
	heap   []*candidate // the worst kept hit first
	page   []pageHit    // the result, set by the final call
}

// candidate is a kept hit; its ID is read when a tie needs it.
type candidate struct {
	score float64
	iid   index.IndexInternalID
	id    string
}

// handler is a search.MakeDocumentMatchHandler.
func (c *pageCollector) handler(sctx *bsearch.SearchContext) (bsearch.DocumentMatchHandler, bool, error) {
	c.reader, c.pool = sctx.IndexReader, sctx.DocumentMatchPool
	return c.collect, false, nil
}

// collect takes one hit, or nil at the end.
func (c *pageCollector) collect(d *bsearch.DocumentMatch) error {
	if d == nil {
		return c.finish()
	}
	defer c.pool.Put(d)
	cand := candidate{score: d.Score}
	if c.after != nil {
		if d.Score > c.after.score {
			return nil
		}
		if d.Score == c.after.score {
			id, err := c.reader.ExternalID(d.IndexInternalID)
			if err != nil {
				return err
			}
			if id <= c.after.id {
				return nil
			}
			cand.id = id
		}
	}
	if len(c.heap) < c.k {
		kept := cand
		kept.iid = slices.Clone(d.IndexInternalID)
		c.heap = append(c.heap, &kept)
		return c.up(len(c.heap) - 1)
	}
	worse, err := c.worse(&cand, c.heap[0], d.IndexInternalID)
	if err != nil || worse {
		return err
	}
	// It replaces the worst, whose memory it takes over.
	w := c.heap[0]
	w.score, w.id, w.iid = cand.score, cand.id, append(w.iid[:0], d.IndexInternalID...)
	return c.down(0)
}

// worse reports whether a sorts after b, reading their IDs if their scores
// tie (iid is a's internal ID when a.iid is not set yet).
func (c *pageCollector) worse(a, b *candidate, iid index.IndexInternalID) (bool, error) {
	if a.score != b.score {
		return a.score < b.score, nil
	}
	if iid == nil {
		iid = a.iid
	}
	if err := c.readID(a, iid); err != nil {
		return false, err
	}
	if err := c.readID(b, b.iid); err != nil {
		return false, err
	}
	return a.id > b.id, nil
}

// readID sets x.id if it is not set yet.
func (c *pageCollector) readID(x *candidate, iid index.IndexInternalID) error {
	if x.id != "" {
		return nil
	}
	id, err := c.reader.ExternalID(iid)
	x.id = id
	return err
}

// up and down keep c.heap a heap with the worst hit first.
func (c *pageCollector) up(i int) error {
	for i > 0 {
		p := (i - 1) / 2
		w, err := c.worse(c.heap[i], c.heap[p], nil)
		if err != nil || !w {
			return err
		}
		c.heap[i], c.heap[p] = c.heap[p], c.heap[i]
		i = p
	}
	return nil
}

func (c *pageCollector) down(i int) error {
	for {
		worst := i
		for _, ch := range []int{2*i + 1, 2*i + 2} {
			if ch < len(c.heap) {
				w, err := c.worse(c.heap[ch], c.heap[worst], nil)
				if err != nil {
					return err
				}
				if w {
					worst = ch
				}
			}
		}
		if worst == i {
			return nil
		}
		c.heap[i], c.heap[worst] = c.heap[worst], c.heap[i]
		i = worst
	}
}

// finish orders the kept hits best first and reads the IDs and the stored
// fields of the page, from the snapshot the search ran on.
func (c *pageCollector) finish() error {
	for _, h := range c.heap {
		if err := c.readID(h, h.iid); err != nil {
			return err
		}
	}
	slices.SortFunc(c.heap, func(a, b *candidate) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return strings.Compare(a.id, b.id)
	})
	c.page = make([]pageHit, len(c.heap))
	for i, h := range c.heap {
		c.page[i].sortKey = sortKey{h.score, h.id}
		if i < c.load {
			fields, err := storedFields(c.reader, h)
			if err != nil {
				return err
			}
			c.page[i].fields = fields
		}
	}
	return nil
}

// storedFields reads the stored fields of a hit that we show. From a
// scorch snapshot, they are read at the hit's place in its segment, found
// from its internal ID (the segments' documents are numbered one after
// the other), which spares the look-up of its ID in every segment that
// reader.Document does; that place is checked against the hit's ID.
func storedFields(r index.IndexReader, h *candidate) (map[string]string, error) {
	fields := map[string]string{}
	keep := func(name string, value []byte) {
		switch name {
		case fType, fLabel, fText, fRecord:
			fields[name] = string(value)
		}
	}
	if snap, ok := r.(*scorch.IndexSnapshot); ok {
		n := h.iid.Value()
		for _, s := range snap.Segments() {
			if count := s.Segment().Count(); n >= count {
				n -= count
				continue
			}
			if id, err := s.DocID(n); err != nil || string(id) != h.id {
				break // not where expected: look it up by ID
			}
			err := s.VisitDocument(n, func(name string, _ byte, value []byte, _ []uint64) bool {
				keep(name, value)
				return true
			})
			return fields, err
		}
	}
	d, err := r.Document(h.id)
	if err != nil || d == nil {
		return fields, err
	}
	d.VisitFields(func(f index.Field) { keep(f.Name(), f.Value()) })
	return fields, nil
}

// expansionCache keeps the expansions of fuzzy and prefix query terms
// (the terms of a field's dictionary within the edit distance, or with the
// prefix) for one set of index segments: segments are immutable, and a
// write or a merge makes a new set, which empties the cache.
type expansionCache struct {
	mu   sync.Mutex
	segs []uint64 // IDs of the segments the entries were read from
	m    map[expansionKey]*expansion
}

// expansionKey names an expansion; fuzziness 0 is a prefix's.
type expansionKey struct {
	field, term string
	fuzziness   int
}

// expansion is what bleve's fuzzy or prefix searcher finds in a field's
// dictionary: the terms in dictionary order, and for a fuzzy term their
// edit distances.
type expansion struct {
	terms []string
	dists []uint8
}

// maxExpansions bounds the cache; it starts over when full.
const maxExpansions = 4096

func (ec *expansionCache) get(snap *scorch.IndexSnapshot, k expansionKey) (*expansion, bool) {
	ec.mu.Lock()
	defer ec.mu.Unlock()
	if !ec.same(snap) {
		return nil, false
	}
	e, ok := ec.m[k]
	return e, ok
}

func (ec *expansionCache) put(snap *scorch.IndexSnapshot, k expansionKey, e *expansion) {
	ec.mu.Lock()
	defer ec.mu.Unlock()
	if !ec.same(snap) || len(ec.m) >= maxExpansions {
		ec.segs = ec.segs[:0]
		for _, s := range snap.Segments() {
			ec.segs = append(ec.segs, s.Id())
		}
		ec.m = map[expansionKey]*expansion{}
	}
	ec.m[k] = e
}

// same reports whether snap has the segments the entries were read from.
func (ec *expansionCache) same(snap *scorch.IndexSnapshot) bool {
	segs := snap.Segments()
	if ec.m == nil || len(segs) != len(ec.segs) {
		return false
	}
	for i, s := range segs {
		if s.Id() != ec.segs[i] {
			return false
		}
	}
	return true
}

// reset empties the cache (segment IDs restart in a new index).
func (ec *expansionCache) reset() {
	ec.mu.Lock()
	defer ec.mu.Unlock()
	ec.segs, ec.m = nil, nil
}

// expandedQuery is query.FuzzyQuery (without a prefix length) or, with
// fuzziness 0, query.PrefixQuery, with the expansion of its term cached.
// It builds the searcher bleve's fuzzy or prefix searcher builds from the
// same expansion, and records the expansion for the highlights.
type expandedQuery struct {
	field, term string
	fuzziness   int // 0: the terms with the prefix term
	boost       float64
	cache       *expansionCache // nil: not cached
	expanded    []string        // the dictionary terms it matches, after Searcher
}

func (q *expandedQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	k := expansionKey{q.field, q.term, q.fuzziness}
	snap, cached := r.(*scorch.IndexSnapshot)
	cached = cached && q.cache != nil
	var e *expansion
	if cached {
		e, cached = q.cache.get(snap, k)
	}
	if !cached {
		var err error
		if e, err = expand(r, k); err != nil {
			return nil, err
		}
		if snap, ok := r.(*scorch.IndexSnapshot); ok && q.cache != nil {
			q.cache.put(snap, k, e)
		}
	}
	q.expanded = e.terms
	// As searcher.NewFuzzySearcher and NewTermPrefixSearcher: a term
	// searcher when the term alone matches (or nothing does), else a
	// disjunction of the terms; a fuzzy one boosts each by 1/(1+its edit
	// distance).
	if len(e.terms) == 0 || (len(e.terms) == 1 && e.terms[0] == q.term) {
		return searcher.NewTermSearcher(ctx, r, q.term, q.field, q.boost, options)
	}
	if q.fuzziness == 0 {
		return searcher.NewMultiTermSearcher(ctx, r, e.terms, q.field, q.boost, options, true)
	}
	return searcher.NewMultiTermSearcherBoosted(ctx, r, e.terms, q.field, q.boost, e.dists, options, true)
}

// expand reads an expansion from the dictionaries of r, as bleve's fuzzy
// and prefix searchers do.
func expand(r index.IndexReader, k expansionKey) (e *expansion, err error) {
	var d index.FieldDict
	fr, automaton := r.(index.IndexReaderFuzzy)
	switch {
	case k.fuzziness == 0:
		d, err = r.FieldDictPrefix(k.field, []byte(k.term))
	case automaton:
		d, _, err = fr.FieldDictFuzzyAutomaton(k.field, k.term, k.fuzziness, "")
	default: // every term, its distance computed here
		d, err = r.FieldDict(k.field)
	}
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := d.Close(); err == nil {
			err = cerr
		}
	}()
	e = &expansion{}
	var reuse []int
	for {
		t, err := d.Next()
		if err != nil {
			return nil, err
		}
		if t == nil {
			return e, nil
		}
		dist := t.EditDistance
		if k.fuzziness > 0 && !automaton {
			var ld int
			var over bool
			if ld, over, reuse = bsearch.LevenshteinDistanceMaxReuseSlice(k.term, t.Term, k.fuzziness, reuse); over || ld > k.fuzziness {
				continue
			}
			dist = uint8(ld)
		}
		e.terms = append(e.terms, t.Term)
		e.dists = append(e.dists, dist)
	}
}
