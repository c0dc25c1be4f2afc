package search

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/blevesearch/vellum"
	"github.com/blevesearch/vellum/levenshtein"
)

// Why this file: bleve's own way to a page sorted by score then ID (sort
// ["-_score", "_id"]) reads the stored ID of every hit, and fuzzy and
// prefix queries walk every segment's dictionary (a fuzzy one after
// building a Levenshtein automaton) each time they run. A busy name has
// thousands of hits, so these dominated the cost of a search. Here a page
// is collected by score alone, reading an ID only where scores tie (and
// keeping the IDs read), and the expansions of fuzzy and prefix terms are
// kept while the index's segments stay the same. The hits, their order
// and their scores are bleve's.

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

// collector receives every hit of a search and keeps those after the
// cursor that may be among the k best; finish picks the page from them.
// It reads an ID only where a score ties with the cursor's or the page's
// last, and for the page.
type collector struct {
	r     index.IndexReader
	idOf  func(doc uint64) (string, error) // reads an ID
	cache *expansionCache                  // of IDs, or nil
	k     int                              // hits to keep
	after *sortKey                         // nil: from the first hit
	total uint64                           // hits received
	top   []float64
	hits  []rawHit // after the cursor, with a score that was among the k best when received
	// Uncertain scores (see engine.go): whether one is next to the
	// cursor's, and the highest of those dropped.
	unsure bool
	lost   float64
	prunAt int // prune the hits when there are as many
}

func newCollector(r index.IndexReader, k int, after *sortKey) *collector {
	c := &collector{r: r, k: k, after: after, top: make([]float64, 0, k), lost: math.Inf(-1), prunAt: 2*k + 256}
	var buf []byte
	c.idOf = func(doc uint64) (string, error) {
		buf = index.NewIndexInternalID(buf, doc)
		return r.ExternalID(buf)
	}
	return c
}

// rawHit is a hit: its score, its document number in the snapshot, its
// ID once read, and whether its score is uncertain (see engine.go).
type rawHit struct {
	score     float64
	doc       uint64
	id        string
	uncertain bool
}

// errUncertain says that an uncertain score could change the page: Find
// then lets bleve do it all.
var errUncertain = errors.New("search: an uncertain score could change the page")

// near reports whether two scores are within what the order of a sum of a
// few of them can change, with a wide margin.
func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// add takes one hit.
func (c *collector) add(score float64, doc uint64, uncertain bool) error {
	c.total++
	h := rawHit{score: score, doc: doc, uncertain: uncertain}
	if c.after != nil {
		if uncertain && near(score, c.after.score) {
			c.unsure = true
		}
		if score > c.after.score {
			return nil
		}
		if score == c.after.score {
			if err := c.readID(&h); err != nil {
				return err
			}
			if h.id <= c.after.id {
				return nil
			}
		}
	}
	if len(c.top) == c.k {
		if score < c.top[0] {
			c.drop(h)
			return nil
		}
		if score > c.top[0] {
			c.top[0] = score
			c.down()
		}
	} else {
		c.up(score)
	}
	c.hits = append(c.hits, h)
	if len(c.hits) >= c.prunAt {
		c.prune()
		c.prunAt = 2*len(c.hits) + 256 // ties with the k-th best are all kept
	}
	return nil
}

// floor is the lowest score a hit may have to be kept: the k-th best
// received, once there are k.
func (c *collector) floor() (float64, bool) {
	if len(c.top) < c.k {
		return 0, false
	}
	return c.top[0], true
}

// skip counts hits that score below the floor (they are not kept, and
// none is uncertain near it: see prune.go).
func (c *collector) skip(n uint64) { c.total += n }

// drop notes a hit that cannot be on the page.
func (c *collector) drop(h rawHit) {
	if h.uncertain && h.score > c.lost {
		c.lost = h.score
	}
}

// prune drops the hits that are not among the k best any more.
func (c *collector) prune() {
	if len(c.top) < c.k {
		return
	}
	kept := c.hits[:0]
	for _, h := range c.hits {
		if h.score >= c.top[0] {
			kept = append(kept, h)
		} else {
			c.drop(h)
		}
	}
	c.hits = kept
}

// up and down keep c.top a min-heap of the k best scores received.
func (c *collector) up(score float64) {
	c.top = append(c.top, score)
	for i := len(c.top) - 1; i > 0 && c.top[(i-1)/2] > c.top[i]; i = (i - 1) / 2 {
		c.top[i], c.top[(i-1)/2] = c.top[(i-1)/2], c.top[i]
	}
}

func (c *collector) down() {
	for i := 0; ; {
		m := i
		if l := 2*i + 1; l < len(c.top) && c.top[l] < c.top[m] {
			m = l
		}
		if r := 2*i + 2; r < len(c.top) && c.top[r] < c.top[m] {
			m = r
		}
		if m == i {
			return
		}
		c.top[i], c.top[m] = c.top[m], c.top[i]
		i = m
	}
}

// readID sets h.id if it is not set yet.
func (c *collector) readID(h *rawHit) error {
	if h.id != "" {
		return nil
	}
	id, err := c.idOf(h.doc)
	h.id = id
	return err
}

// finish returns the k best hits (by descending score, then ID), the
// first load of them with their stored fields, from the snapshot the
// search ran on.
func (c *collector) finish(load int) ([]pageHit, error) {
	c.prune()
	if c.unsure || len(c.top) == c.k && !math.IsInf(c.lost, -1) && near(c.lost, c.top[0]) {
		return nil, errUncertain
	}
	hits := c.hits
	for _, h := range hits {
		if h.uncertain {
			return nil, errUncertain
		}
	}
	// IDs: ties with the k-th best score are often many, and the same
	// from one search to the next.
	snap, cached := c.r.(*scorch.IndexSnapshot)
	cached = cached && c.cache != nil
	if !cached || !c.cache.knownIDs(snap, hits) {
		for i := range hits {
			if err := c.readID(&hits[i]); err != nil {
				return nil, err
			}
		}
		if cached {
			c.cache.putIDs(snap, hits)
		}
	}
	hits = best(hits, c.k)
	page := make([]pageHit, len(hits))
	for i, h := range hits {
		page[i].sortKey = sortKey{h.score, h.id}
		if i < load {
			fields, err := storedFields(c.r, h.doc, h.id)
			if err != nil {
				return nil, err
			}
			page[i].fields = fields
		}
	}
	return page, nil
}

// best returns the k best hits (by descending score, then ID) in order;
// it reorders hits.
func best(hits []rawHit, k int) []rawHit {
	if len(hits) > k {
		// A heap of the k best so far, the worst first.
		h := hits[:0]
		for _, x := range hits {
			switch {
			case len(h) < k:
				h = append(h, x)
				for i := len(h) - 1; i > 0 && better(h[(i-1)/2], h[i]); i = (i - 1) / 2 {
					h[i], h[(i-1)/2] = h[(i-1)/2], h[i]
				}
			case better(x, h[0]):
				h[0] = x
				for i := 0; ; {
					w := i
					if l := 2*i + 1; l < len(h) && better(h[w], h[l]) {
						w = l
					}
					if r := 2*i + 2; r < len(h) && better(h[w], h[r]) {
						w = r
					}
					if w == i {
						break
					}
					h[i], h[w] = h[w], h[i]
					i = w
				}
			}
		}
		hits = h
	}
	slices.SortFunc(hits, func(a, b rawHit) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	return hits
}

// better reports whether a sorts before b: a higher score, or the same
// and a lower ID.
func better(a, b rawHit) bool {
	return a.score > b.score || a.score == b.score && a.id < b.id
}

// storedFields reads the stored fields of a hit that we show. From a
// scorch snapshot, they are read at the hit's place in its segment, found
// from its document number (the segments' documents are numbered one
// after the other), which spares the look-up of its ID in every segment
// that reader.Document does; that place is checked against the hit's ID.
func storedFields(r index.IndexReader, doc uint64, id string) (map[string]string, error) {
	fields := map[string]string{}
	keep := func(name string, value []byte) {
		switch name {
		case fType, fLabel, fText, fRecord:
			fields[name] = string(value)
		}
	}
	if snap, ok := r.(*scorch.IndexSnapshot); ok {
		n := doc
		for _, s := range snap.Segments() {
			if count := s.Segment().Count(); n >= count {
				n -= count
				continue
			}
			if got, err := s.DocID(n); err != nil || string(got) != id {
				break // not where expected: look it up by ID
			}
			err := s.VisitDocument(n, func(name string, _ byte, value []byte, _ []uint64) bool {
				keep(name, value)
				return true
			})
			return fields, err
		}
	}
	d, err := r.Document(id)
	if err != nil || d == nil {
		return fields, err
	}
	d.VisitFields(func(f index.Field) { keep(f.Name(), f.Value()) })
	return fields, nil
}

// expansionCache keeps the expansions of fuzzy and prefix query terms
// (the terms of a field's dictionary within the edit distance, or with the
// prefix), and the IDs of hits read, for one set of index segments:
// segments are immutable, and a write or a merge makes a new set, which
// empties the cache.
type expansionCache struct {
	mu    sync.Mutex
	segs  []uint64 // IDs of the segments the entries were read from
	valid bool     // segs is set
	m     map[expansionKey]*expansion
	ids   map[uint64]string // by document number in the snapshot
	types map[typesKey]*roaring.Bitmap
	// Impacts of terms by segment (prune.go): they stay true while their
	// segment lives, so they are kept across sets of segments.
	impacts impactCache
	// Levenshtein automata by term and distance (see expandFuzzy): they
	// depend on the term alone, so they are kept across sets of segments.
	dfas dfaCache
}

// typesKey names the entries of some types in a segment.
type typesKey struct {
	seg   uint64
	types string
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

// The cache starts over when it holds as many expansions, or IDs.
const (
	maxExpansions = 4096
	maxIDs        = 1 << 16
)

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
	ec.follow(snap)
	if len(ec.m) >= maxExpansions {
		ec.m = map[expansionKey]*expansion{}
	}
	ec.m[k] = e
}

// knownIDs sets the IDs of the hits that the cache has, and reports
// whether it had them all.
func (ec *expansionCache) knownIDs(snap *scorch.IndexSnapshot, hits []rawHit) bool {
	ec.mu.Lock()
	defer ec.mu.Unlock()
	all := true
	same := ec.same(snap)
	for i := range hits {
		if hits[i].id == "" && same {
			hits[i].id = ec.ids[hits[i].doc]
		}
		all = all && hits[i].id != ""
	}
	return all
}

// putIDs keeps the IDs of hits.
func (ec *expansionCache) putIDs(snap *scorch.IndexSnapshot, hits []rawHit) {
	ec.mu.Lock()
	defer ec.mu.Unlock()
	ec.follow(snap)
	if len(ec.ids)+len(hits) > maxIDs {
		ec.ids = map[uint64]string{}
	}
	for _, h := range hits {
		if h.id != "" {
			ec.ids[h.doc] = h.id
		}
	}
}

// follow empties the cache unless it is for the segments of snap.
func (ec *expansionCache) follow(snap *scorch.IndexSnapshot) {
	if ec.same(snap) {
		return
	}
	ec.segs, ec.valid = ec.segs[:0], true
	for _, s := range snap.Segments() {
		ec.segs = append(ec.segs, s.Id())
	}
	ec.m, ec.ids, ec.types = map[expansionKey]*expansion{}, map[uint64]string{}, map[typesKey]*roaring.Bitmap{}
}

// typeEntries returns the entries of the given types (their postings in
// the type field, deleted ones included) in segment si of snap, from the
// cache or else by make, and kept. The bitmap must not be modified.
func (ec *expansionCache) typeEntries(snap *scorch.IndexSnapshot, si int, types []string, build func() *roaring.Bitmap) *roaring.Bitmap {
	if ec == nil {
		return build()
	}
	k := typesKey{snap.Segments()[si].Id(), strings.Join(types, " ")}
	ec.mu.Lock()
	bm, ok := ec.types[k]
	same := ec.same(snap)
	ec.mu.Unlock()
	if ok && same {
		return bm
	}
	bm = build()
	bm.RunOptimize()
	ec.mu.Lock()
	defer ec.mu.Unlock()
	ec.follow(snap)
	ec.types[k] = bm
	return bm
}

// same reports whether snap has the segments the entries were read from.
func (ec *expansionCache) same(snap *scorch.IndexSnapshot) bool {
	segs := snap.Segments()
	if !ec.valid || len(segs) != len(ec.segs) {
		return false
	}
	for i, s := range segs {
		if s.Id() != ec.segs[i] {
			return false
		}
	}
	return true
}

// lookup returns the expansion k in r, from the cache when r is a scorch
// snapshot (a nil cache reads it every time).
func (ec *expansionCache) lookup(r index.IndexReader, k expansionKey) (*expansion, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if ok && ec != nil {
		if e, ok := ec.get(snap, k); ok {
			return e, nil
		}
	}
	var e *expansion
	var err error
	if ok && ec != nil && k.fuzziness > 0 {
		e, err = ec.expandFuzzy(snap, k)
	} else {
		e, err = expand(r, k)
	}
	if err != nil {
		return nil, err
	}
	if ok && ec != nil {
		ec.put(snap, k, e)
	}
	return e, nil
}

// reset empties the cache (segment IDs restart in a new index).
func (ec *expansionCache) reset() {
	ec.mu.Lock()
	defer ec.mu.Unlock()
	ec.segs, ec.valid, ec.m, ec.ids, ec.types = nil, false, nil, nil, nil
	ec.impacts.reset()
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
	e, err := q.cache.lookup(r, expansionKey{q.field, q.term, q.fuzziness})
	if err != nil {
		return nil, err
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

// dfaCache builds and keeps Levenshtein automata. A word of a query is
// expanded in two fields (actors' names and statements' people): building
// its automaton, as bleve's FieldDictFuzzyAutomaton does for each, was a
// tenth of the cost of searching a new text.
type dfaCache struct {
	once     sync.Once
	err      error
	builders [3]*levenshtein.LevenshteinAutomatonBuilder // by distance 1, 2
	mu       sync.Mutex
	m        map[dfaKey]vellum.Automaton
}

type dfaKey struct {
	term      string
	fuzziness int
}

// maxDFAs is the most automata kept; the cache starts over when full.
const maxDFAs = 4096

// automaton returns the automaton of the terms within fuzziness edits of
// term (a transposition is one edit), as bleve's scorch builds it.
func (c *dfaCache) automaton(term string, fuzziness int) (vellum.Automaton, error) {
	if fuzziness < 1 || fuzziness > 2 {
		return nil, fmt.Errorf("search: fuzziness %d is not 1 or 2", fuzziness)
	}
	c.once.Do(func() {
		for d := 1; d <= 2 && c.err == nil; d++ {
			c.builders[d], c.err = levenshtein.NewLevenshteinAutomatonBuilder(uint8(d), true)
		}
	})
	if c.err != nil {
		return nil, c.err
	}
	k := dfaKey{term, fuzziness}
	c.mu.Lock()
	a, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return a, nil
	}
	a, err := c.builders[fuzziness].BuildDfa(term, uint8(fuzziness))
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxDFAs {
		c.m = map[dfaKey]vellum.Automaton{}
	}
	c.m[k] = a
	return a, nil
}

// expandFuzzy is expand for a fuzzy term on a scorch snapshot: the terms of
// the field's dictionary in every segment that the term's automaton
// accepts, with their edit distances, in dictionary order, as bleve's
// FieldDictFuzzyAutomaton lists them, with an automaton built once per
// term (dfaCache).
func (ec *expansionCache) expandFuzzy(snap *scorch.IndexSnapshot, k expansionKey) (*expansion, error) {
	a, err := ec.dfas.automaton(k.term, k.fuzziness)
	if err != nil {
		return nil, err
	}
	dists := map[string]uint8{}
	for _, s := range snap.Segments() {
		d, err := s.Segment().Dictionary(k.field)
		if err != nil {
			return nil, err
		}
		it := d.AutomatonIterator(a, nil, nil)
		for {
			t, err := it.Next()
			if err != nil {
				return nil, err
			}
			if t == nil {
				break
			}
			dists[t.Term] = uint8(t.EditDistance)
		}
	}
	e := &expansion{terms: make([]string, 0, len(dists))}
	for t := range dists {
		e.terms = append(e.terms, t)
	}
	slices.Sort(e.terms)
	e.dists = make([]uint8, len(e.terms))
	for i, t := range e.terms {
		e.dists[i] = dists[t]
	}
	return e, nil
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
