package search

import (
	"context"
	"errors"
	"math"
	"slices"
	"sort"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/scorer"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"pledgegraph"
)

// Why this file: the statements and commitments of a busy name are
// thousands of hits, and bleve scores each through five or six levels of
// searchers (disjunctions of the alternatives of each word, their
// conjunction, the boolean query with its phrase and excluded types, the
// disjunction with the actors' half), at about a microsecond a hit. Here
// that half of a query is evaluated on the index's segments directly: which
// entries match is worked out on the postings' bitmaps (so the total costs
// little), and each match is scored by reading, for the terms it has, the
// term's frequency and field norm, and combining the term scores exactly as
// bleve's searchers do — each term's score is bleve's own (its
// TermQueryScorer), and sums are made in bleve's order, so the scores are
// bleve's to the bit. The actors' half still runs through bleve, beside a
// searcher standing in for this half (planSearcher) that gives bleve the
// weight and count it needs for the query norm and the order of its
// clauses, and that receives the norm.
//
// One thing bleve's order depends on cannot be known here: a disjunction
// of more than ten clauses (bleve's heap disjunction: a fuzzy word
// expanded to many terms) adds the scores of the clauses a hit matches in
// the order its heap yields them, which depends on the search's history.
// With one or two such clauses the sum is the same either way; a hit that
// matches three or more is marked uncertain, and when such a hit could be
// on the page or next to the cursor, the search is made again by bleve
// (Index.Find falls back to the bleve query).

// errUnsupported says that the engine cannot evaluate a query; Find then
// lets bleve do it all.
var errUnsupported = errors.New("search: query not supported by the segment engine")

// contentQuery is the statements', commitments' and documents' half of a
// query (see buildQuery). As a query.Query it is evaluated by the engine:
// its searcher (planSearcher) matches nothing, and contentPlan.run finds
// its hits. bleveQuery is the same query for bleve to evaluate.
type contentQuery struct {
	words     [][]altQ // every word must match one of its alternatives (with anyWord, one word will do)
	anyWord   bool
	hasPhrase bool       // the exact phrase adds to the score
	phrase    [][]string // its terms by relative position (phraseQuery.terms)
	exclude   []string   // types excluded (an unscored must-not clause), or
	include   []string   // the types kept (a filter); one of the two is set
	topN      int        // clauses of the top-level disjunction: 1, or 2 with the actors'
	ec        *expansionCache

	plan *contentPlan // made by Searcher, for one search
}

// altQ is one alternative of a word: a term, or a term expanded to the
// terms with it as a prefix (fuzziness 0) or within fuzziness edits.
type altQ struct {
	field, term string
	boost       float64
	expand      bool
	fuzziness   int
}

// bleveQuery is the query as bleve evaluates it.
func (q *contentQuery) bleveQuery() query.Query {
	words := make([]query.Query, len(q.words))
	for i, alts := range q.words {
		qs := make([]query.Query, len(alts))
		for j, a := range alts {
			if a.expand {
				qs[j] = &expandedQuery{field: a.field, term: a.term, fuzziness: a.fuzziness, boost: a.boost, cache: q.ec}
			} else {
				qs[j] = boosted(termQ(a.field, a.term), a.boost)
			}
		}
		words[i] = query.NewDisjunctionQuery(qs)
	}
	content := query.NewBooleanQuery(nil, nil, nil)
	if q.anyWord {
		content.AddShould(words...)
	} else {
		content.AddMust(words...)
	}
	if q.hasPhrase {
		content.AddShould(&phraseQuery{field: fText, terms: q.phrase, boost: 3})
	}
	if q.exclude != nil {
		content.AddMustNot(unscored{query.NewDisjunctionQuery(typeQueries(q.exclude))})
	} else {
		content.AddFilter(query.NewDisjunctionQuery(typeQueries(q.include)))
	}
	return content
}

func typeQueries(types []string) []query.Query {
	out := make([]query.Query, len(types))
	for i, t := range types {
		out[i] = termQ(fType, t)
	}
	return out
}

// Searcher prepares the plan of the query on r and returns the searcher
// standing in for it in bleve's tree.
func (q *contentQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, _ bsearch.SearcherOptions) (bsearch.Searcher, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, errUnsupported
	}
	p, err := q.prepare(snap)
	if err != nil {
		return nil, err
	}
	q.plan = p
	return &planSearcher{p}, nil
}

// planSearcher stands in for a contentQuery in bleve's tree: it has the
// weight and count bleve's searcher of the query would have, takes the
// query norm, and matches nothing (contentPlan.run finds the hits).
type planSearcher struct{ p *contentPlan }

func (s *planSearcher) Next(*bsearch.SearchContext) (*bsearch.DocumentMatch, error) { return nil, nil }
func (s *planSearcher) Advance(*bsearch.SearchContext, index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	return nil, nil
}
func (s *planSearcher) Close() error               { return nil }
func (s *planSearcher) Weight() float64            { return s.p.root.weight }
func (s *planSearcher) SetQueryNorm(n float64)     { s.p.setQueryNorm(n) }
func (s *planSearcher) Count() uint64              { return s.p.root.count }
func (s *planSearcher) Min() int                   { return 0 }
func (s *planSearcher) Size() int                  { return 0 }
func (s *planSearcher) DocumentMatchPoolSize() int { return 0 }

// The plan of a contentQuery on one snapshot: its searchers' tree as
// nodes, the postings lists of its terms in every segment, the scorers of
// its term clauses.
type contentPlan struct {
	snap      *scorch.IndexSnapshot
	docTotal  uint64
	avgLen    map[string]float64 // BM25 average field length, by field
	keys      []postingsKey      // the distinct (field, term) read
	counts    []uint64           // their entries (deleted ones aside)
	keyOf     map[postingsKey]int
	lists     [][]segment.PostingsList            // by segment, then key
	dicts     map[string][]segment.TermDictionary // by field, then segment
	iters     []iterSpec                          // iterators over the postings: a key, with or without locations
	leaves    []leaf
	words     []*node // the words' disjunctions
	phrase    *node   // the phrase clause, or nil
	root      *node   // the boolean query
	types     []int   // keys of the types excluded or kept
	typeNames []string
	// Every candidate has a word among the people of a statement or
	// commitment (only they have people): with the types excluded being
	// actors and documents, there is nothing to exclude.
	peopleOnly bool
	ec         *expansionCache
	exclude    bool    // types are excluded (else kept)
	topCoord   float64 // the top-level disjunction's coordination factor for a hit of this half
	pool       *bsearch.DocumentMatchPool
	sctx       *bsearch.SearchContext
	skipped    uint64 // candidates counted, not scored (prune.go)
}

type postingsKey struct{ field, term string }

type iterSpec struct {
	key  int
	locs bool
}

// leaf is a term clause: bleve's TermSearcher, whose scores (which depend
// on the term's frequency and the field's norm only) are kept as they are
// computed.
type leaf struct {
	iter   int
	scorer *scorer.TermQueryScorer
	seen   []freqNorm // the frequencies and norms scored, and their scores
	scores []float64
}

type freqNorm struct{ freq, norm uint64 }

type nodeKind uint8

const (
	nLeaf   nodeKind = iota
	nDisj            // searcher.DisjunctionSliceSearcher or DisjunctionHeapSearcher
	nConj            // searcher.ConjunctionSearcher
	nPhrase          // phraseSearcher: a conjunction and the phrase test
	nBool            // searcher.BooleanSearcher (must and should; must-not and filter are on the bitmaps)
)

// node is a searcher of the tree bleve would build, with what its score
// depends on.
type node struct {
	kind     nodeKind
	children []*node // in the order bleve adds their scores
	live     []*node // a disjunction's children that have entries
	heap     bool    // a heap disjunction: its order is unknown
	total    int     // a disjunction's clauses
	leaf     int     // nLeaf: index in contentPlan.leaves
	must     *node   // nBool
	should   *node   // nBool
	terms    [][]string
	iters    []int // the iterators of the leaves under the node
	weight   float64
	count    uint64
}

// prepare makes the plan of q on snap: opens the postings lists of its
// terms in every segment and builds its nodes as bleve builds its
// searchers, with their weights and counts.
func (q *contentQuery) prepare(snap *scorch.IndexSnapshot) (*contentPlan, error) {
	if q.hasPhrase && len(q.phrase) == 0 || len(q.words) == 0 || q.exclude == nil && q.include == nil {
		return nil, errUnsupported // bleve's odd cases: a phrase that matches nothing, …
	}
	docTotal, err := snap.DocCount()
	if err != nil {
		return nil, err
	}
	p := &contentPlan{snap: snap, docTotal: docTotal, avgLen: map[string]float64{}, keyOf: map[postingsKey]int{},
		dicts:    map[string][]segment.TermDictionary{},
		lists:    make([][]segment.PostingsList, len(snap.Segments())),
		topCoord: float64(1) / float64(q.topN)}
	p.pool = bsearch.NewDocumentMatchPool(1, 0)
	p.sctx = &bsearch.SearchContext{DocumentMatchPool: p.pool}

	for _, alts := range q.words {
		var cs []*node
		for _, a := range alts {
			c, err := p.alternative(q.ec, a)
			if err != nil {
				return nil, err
			}
			cs = append(cs, c)
		}
		p.words = append(p.words, p.disjunction(cs))
	}
	if q.hasPhrase {
		if p.phrase, err = p.phraseNode(q.phrase); err != nil {
			return nil, err
		}
	}
	b := &node{kind: nBool}
	if q.anyWord {
		should := p.words
		if p.phrase != nil {
			should = append(should[:len(should):len(should)], p.phrase)
		}
		b.should = p.disjunction(should)
	} else {
		b.must = p.conjunction(p.words)
		if p.phrase != nil {
			b.should = p.disjunction([]*node{p.phrase})
		}
	}
	// As BooleanSearcher.Weight and Count.
	for _, c := range []*node{b.must, b.should} {
		if c != nil {
			b.weight += c.weight
			b.count += c.count
			b.iters = append(b.iters, c.iters...)
		}
	}
	p.root = b
	p.ec = q.ec
	types := q.exclude
	p.exclude = types != nil
	if types == nil {
		types = q.include
	}
	for _, t := range types {
		k, err := p.key(fType, t)
		if err != nil {
			return nil, err
		}
		p.types = append(p.types, k)
	}
	p.typeNames = types
	if !q.anyWord && p.exclude && !slices.ContainsFunc(q.exclude, func(t string) bool {
		return t != pledgegraph.TypeActor && t != pledgegraph.TypeDocument
	}) {
		for _, w := range p.words {
			p.peopleOnly = p.peopleOnly || !slices.ContainsFunc(w.iters, func(it int) bool {
				k := p.iters[it].key
				return p.keys[k].field != fPeople && p.counts[k] > 0
			})
		}
	}
	return p, nil
}

// alternative is the node of a word's alternative: a term searcher, or
// what expandedQuery.Searcher makes.
func (p *contentPlan) alternative(ec *expansionCache, a altQ) (*node, error) {
	if !a.expand {
		return p.leafNode(a.field, a.term, a.boost, false)
	}
	e, err := ec.lookup(p.snap, expansionKey{a.field, a.term, a.fuzziness})
	if err != nil {
		return nil, err
	}
	if len(e.terms) == 0 || (len(e.terms) == 1 && e.terms[0] == a.term) {
		return p.leafNode(a.field, a.term, a.boost, false)
	}
	cs := make([]*node, len(e.terms))
	for i, t := range e.terms {
		boost := a.boost
		if a.fuzziness > 0 { // as searcher.makeBatchSearchersBoosted
			var editMultiplier float64
			editMultiplier = 1 / float64(e.dists[i]+1)
			boost = a.boost * editMultiplier
		}
		if cs[i], err = p.leafNode(a.field, t, boost, false); err != nil {
			return nil, err
		}
	}
	return p.disjunction(cs), nil
}

// phraseNode is what phraseQuery.Searcher makes.
func (p *contentPlan) phraseNode(terms [][]string) (*node, error) {
	var positions []*node
	for _, alts := range terms {
		var ss []*node
		for _, t := range alts {
			if t == "" {
				continue
			}
			s, err := p.leafNode(fText, t, 3, true)
			if err != nil {
				return nil, err
			}
			ss = append(ss, s)
		}
		switch {
		case len(alts) == 1 && len(ss) == 1:
			positions = append(positions, ss[0])
		case len(alts) > 1:
			if len(ss) == 0 {
				return nil, errUnsupported
			}
			positions = append(positions, p.disjunction(ss))
		}
	}
	if len(positions) == 0 {
		return nil, errUnsupported
	}
	c := p.conjunction(positions)
	c.kind, c.terms = nPhrase, terms
	return c, nil
}

// leafNode is a term searcher: bleve's TermQueryScorer with the BM25
// statistics NewTermSearcher gives it.
func (p *contentPlan) leafNode(field, term string, boost float64, locs bool) (*node, error) {
	k, err := p.key(field, term)
	if err != nil {
		return nil, err
	}
	docTerm := p.counts[k]
	avg, err := p.avgLength(field)
	if err != nil {
		return nil, err
	}
	it := p.iter(k, locs)
	sc := scorer.NewTermQueryScorer([]byte(term), field, boost, p.docTotal, docTerm, avg, bsearch.SearcherOptions{IncludeTermVectors: locs})
	p.leaves = append(p.leaves, leaf{iter: it, scorer: sc})
	return &node{kind: nLeaf, leaf: len(p.leaves) - 1, iters: []int{it}, weight: sc.Weight(), count: docTerm}, nil
}

// avgLength is the average field length of bleve's bm25ScoreMetrics.
func (p *contentPlan) avgLength(field string) (float64, error) {
	if avg, ok := p.avgLen[field]; ok {
		return avg, nil
	}
	card, err := p.snap.FieldCardinality(field)
	if err != nil {
		return 0, err
	}
	var avg float64
	if p.docTotal != 0 || card != 0 {
		avg = math.Ceil(float64(card) / float64(p.docTotal))
	}
	p.avgLen[field] = avg
	return avg, nil
}

// key opens the postings lists of a term in every segment.
func (p *contentPlan) key(field, term string) (int, error) {
	pk := postingsKey{field, term}
	if k, ok := p.keyOf[pk]; ok {
		return k, nil
	}
	k := len(p.keys)
	p.keys = append(p.keys, pk)
	p.keyOf[pk] = k
	dicts := p.dicts[field]
	if dicts == nil {
		dicts = make([]segment.TermDictionary, len(p.lists))
		p.dicts[field] = dicts
	}
	for i, s := range p.snap.Segments() {
		if dicts[i] == nil {
			d, err := s.Segment().Dictionary(field)
			if err != nil {
				return 0, err
			}
			dicts[i] = d
		}
		pl, err := dicts[i].PostingsList([]byte(term), s.Deleted(), nil)
		if err != nil {
			return 0, err
		}
		p.lists[i] = append(p.lists[i], pl)
	}
	var n uint64
	for _, lists := range p.lists {
		n += lists[k].Count()
	}
	p.counts = append(p.counts, n)
	return k, nil
}

// iter is the iterator over key k's postings, with locations if locs (one
// iterator per key: locations are read only where it stops, at
// candidates).
func (p *contentPlan) iter(k int, locs bool) int {
	for i, it := range p.iters {
		if it.key == k {
			p.iters[i].locs = it.locs || locs
			return i
		}
	}
	p.iters = append(p.iters, iterSpec{k, locs})
	return len(p.iters) - 1
}

// disjunction is searcher.NewDisjunctionSearcher's: up to ten clauses
// ordered by count (a slice disjunction), more as given (a heap one).
func (p *contentPlan) disjunction(cs []*node) *node {
	n := &node{kind: nDisj, total: len(cs), heap: len(cs) > 10}
	n.children = cs
	if !n.heap {
		n.children = byCount(cs)
	}
	n.sum()
	for _, c := range n.children {
		if c.count > 0 { // a clause without entries matches nothing
			n.live = append(n.live, c)
		}
	}
	return n
}

// conjunction is searcher.NewConjunctionSearcher's: clauses ordered by
// count.
func (p *contentPlan) conjunction(cs []*node) *node {
	n := &node{kind: nConj, children: byCount(cs)}
	n.sum()
	return n
}

// sum sets the weight and count of a disjunction or conjunction, as their
// Weight and Count compute them.
func (n *node) sum() {
	for _, c := range n.children {
		n.weight += c.weight
		n.count += c.count
		n.iters = append(n.iters, c.iters...)
	}
}

// byCount orders clauses as bleve's sort.Sort(OrderedSearcherList) does.
func byCount(cs []*node) []*node {
	out := append([]*node(nil), cs...)
	sort.Sort(countOrder(out))
	return out
}

type countOrder []*node

func (o countOrder) Len() int           { return len(o) }
func (o countOrder) Less(i, j int) bool { return o[i].count < o[j].count }
func (o countOrder) Swap(i, j int)      { o[i], o[j] = o[j], o[i] }

// setQueryNorm takes the query norm bleve computed, as every term
// searcher's SetQueryNorm does.
func (p *contentPlan) setQueryNorm(n float64) {
	for i := range p.leaves {
		p.leaves[i].scorer.SetQueryNorm(n)
		p.leaves[i].seen, p.leaves[i].scores = nil, nil
	}
}

// errInconsistent says that a hit found on the bitmaps did not match when
// scored: a bug, for which Find falls back to bleve.
var errInconsistent = errors.New("search: segment engine found a hit its scoring does not match")

// run finds the hits of the plan, segment by segment, and hands each to
// sink with its score (the top-level disjunction's), its document number
// in the snapshot, and whether its score is uncertain (see the top of
// this file); in a segment with at least prune.min candidates (0: never),
// those that cannot reach the sink's floor are counted, not scored (see
// prune.go).
func (p *contentPlan) run(ctx context.Context, sink hitSink, prune pruning) error {
	var offset uint64
	ev := &evaluator{p: p, its: make([]segment.PostingsIterator, len(p.iters)), cur: make([]uint64, len(p.iters)),
		post: make([]segment.Posting, len(p.iters)), present: make([]bool, len(p.iters))}
	for si, s := range p.snap.Segments() {
		if err := ctx.Err(); err != nil {
			return err
		}
		base := offset
		offset += s.Segment().Count()
		cands := p.candidates(si, s.Deleted())
		if cands.IsEmpty() {
			continue
		}
		var err error
		if prune.min > 0 && cands.GetCardinality() >= prune.min {
			err = ev.tiered(ctx, si, base, cands, sink, prune.noCells)
		} else {
			err = ev.segment(ctx, si, base, cands, sink.add)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// candidates are the entries of segment si the query matches: every word
// (or one, or the phrase), minus the deleted, minus the types excluded or
// within those kept.
func (p *contentPlan) candidates(si int, deleted *roaring.Bitmap) *roaring.Bitmap {
	var cands *roaring.Bitmap
	for _, w := range p.words {
		u := p.union(si, w.iters)
		switch {
		case cands == nil:
			cands = u
		case p.root.must == nil:
			cands.Or(u)
		default:
			cands.And(u)
		}
	}
	if p.phrase != nil && p.root.must == nil { // the phrase alone is enough
		var phrase *roaring.Bitmap
		for _, c := range p.phrase.children {
			if u := p.union(si, c.iters); phrase == nil {
				phrase = u
			} else {
				phrase.And(u)
			}
		}
		cands.Or(phrase)
	}
	if deleted != nil {
		cands.AndNot(deleted)
	}
	if p.exclude && p.peopleOnly {
		return cands // only statements and commitments have people
	}
	types := p.ec.typeEntries(p.snap, si, p.typeNames, func() *roaring.Bitmap { return p.union(si, nil, p.types...) })
	if p.exclude {
		cands.AndNot(types)
	} else {
		cands.And(types)
	}
	return cands
}

// union is the union of the postings (deleted entries included) of the
// keys of the given iterators, and of the given keys, in segment si.
func (p *contentPlan) union(si int, iters []int, keys ...int) *roaring.Bitmap {
	bm := roaring.New()
	for _, it := range iters {
		orInto(bm, p.lists[si][p.iters[it].key])
	}
	for _, k := range keys {
		orInto(bm, p.lists[si][k])
	}
	return bm
}

// orInto adds the entries of a postings list to bm.
func orInto(bm *roaring.Bitmap, pl segment.PostingsList) {
	if o, ok := pl.(interface{ OrInto(*roaring.Bitmap) }); ok {
		o.OrInto(bm)
		return
	}
	it := pl.Iterator(false, false, false, nil)
	for {
		ps, err := it.Next()
		if err != nil || ps == nil {
			return
		}
		bm.Add(uint32(ps.Number()))
	}
}

// evaluator scores the candidates of a segment, one after the other.
type evaluator struct {
	p         *contentPlan
	its       []segment.PostingsIterator // by iterSpec
	cur       []uint64                   // the document each is at (noDoc: none left)
	post      []segment.Posting          // its posting there
	present   []bool                     // whether it is at the candidate being scored
	active    []int                      // the iterators with postings among the candidates
	uncertain bool                       // the candidate's score is uncertain
	ftls      []bsearch.FieldTermLocation
	tiers     []tierIter // the terms' groups in the segment scored in tiers (prune.go)
}

const noDoc = math.MaxUint64

// segment scores the candidates of segment si (its documents numbered
// from base in the snapshot) and hands them to emit.
func (e *evaluator) segment(ctx context.Context, si int, base uint64, cands *roaring.Bitmap,
	emit func(score float64, doc uint64, uncertain bool) error) error {
	p := e.p
	e.active = e.active[:0]
	for i, spec := range p.iters {
		e.cur[i], e.post[i], e.present[i] = noDoc, nil, false
		it := p.lists[si][spec.key].Iterator(true, true, spec.locs, e.its[i])
		if o, ok := it.(segment.OptimizablePostingsIterator); ok {
			if bm := o.ActualBitmap(); bm != nil {
				r := roaring.And(bm, cands)
				if r.IsEmpty() {
					continue
				}
				o.ReplaceActual(r) // only the candidates' postings are read
			}
		}
		e.its[i] = it
		if err := e.next(i, 0); err != nil {
			return err
		}
		if e.cur[i] != noDoc {
			e.active = append(e.active, i)
		}
	}
	docs := cands.Iterator()
	for n := 0; docs.HasNext(); n++ {
		if n%4096 == 4095 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		d := uint64(docs.Next())
		for _, i := range e.active {
			if e.cur[i] < d {
				if err := e.next(i, d); err != nil {
					return err
				}
			}
			e.present[i] = e.cur[i] == d
		}
		e.uncertain = false
		s, ok := e.eval(p.root)
		if !ok {
			return errInconsistent
		}
		if err := emit(float64(s*p.topCoord), base+d, e.uncertain); err != nil {
			return err
		}
		for _, i := range e.active {
			if e.present[i] {
				e.present[i] = false
				if err := e.next(i, 0); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// next moves iterator i to its next posting, or to its first at or after
// doc when doc > 0.
func (e *evaluator) next(i int, doc uint64) error {
	var ps segment.Posting
	var err error
	if doc > 0 {
		ps, err = e.its[i].Advance(doc)
	} else {
		ps, err = e.its[i].Next()
	}
	if err != nil {
		return err
	}
	e.post[i], e.cur[i] = ps, noDoc
	if ps != nil {
		e.cur[i] = ps.Number()
	}
	return nil
}

// eval is the score of node n for the candidate, as bleve's searcher of
// it computes it, and whether the candidate matches it.
func (e *evaluator) eval(n *node) (float64, bool) { return e.score(n, nil) }

// score combines the scores of node n's leaves as bleve's searchers do,
// with the same sums in the same order. With ub nil, the leaves are the
// candidate's (its postings) and a phrase must be found in its text; else
// leaf l scores ub[l], or does not match when ub[l] < 0, and a phrase is
// taken as found (see bound in prune.go).
func (e *evaluator) score(n *node, ub []float64) (float64, bool) {
	switch n.kind {
	case nLeaf:
		if ub != nil {
			return ub[n.leaf], ub[n.leaf] >= 0
		}
		l := &e.p.leaves[n.leaf]
		if !e.present[l.iter] {
			return 0, false
		}
		return e.leafScore(l), true
	case nDisj: // DisjunctionQueryScorer
		var sum float64
		m := 0
		for _, c := range n.live {
			if s, ok := e.score(c, ub); ok {
				sum += s
				m++
			}
		}
		if m == 0 {
			return 0, false
		}
		if n.heap && m > 2 {
			e.uncertain = true
		}
		coord := float64(m) / float64(n.total)
		return float64(sum * coord), true
	case nConj, nPhrase: // ConjunctionQueryScorer
		var sum float64
		for _, c := range n.children {
			s, ok := e.score(c, ub)
			if !ok {
				return 0, false
			}
			sum += s
		}
		if n.kind == nPhrase && ub == nil && !e.phraseAt(n) {
			return 0, false
		}
		return sum, true
	case nBool: // BooleanSearcher: must, and should if it matches
		var sum float64
		if n.must != nil {
			s, ok := e.score(n.must, ub)
			if !ok {
				return 0, false
			}
			sum += s
		}
		if n.should != nil {
			if s, ok := e.score(n.should, ub); ok {
				sum += s
			} else if n.must == nil {
				return 0, false
			}
		}
		return sum, true
	}
	return 0, false
}

// leafScore is the score of a term clause for the candidate: its
// scorer's, for the posting's frequency and norm.
func (e *evaluator) leafScore(l *leaf) float64 {
	ps := e.post[l.iter]
	return e.scoreOf(l, ps.Frequency(), ps.Norm())
}

// scoreOf is the score of a term clause for an entry with the term's
// frequency and the field's norm there.
func (e *evaluator) scoreOf(l *leaf, freq uint64, norm float64) float64 {
	k := freqNorm{freq, math.Float64bits(norm)}
	// Few field lengths are common: the last ones scored are kept.
	for i, s := range l.seen {
		if s == k {
			return l.scores[i]
		}
	}
	p := e.p
	d := l.scorer.Score(p.sctx, &index.TermFieldDoc{Freq: freq, Norm: norm})
	s := d.Score
	p.pool.Put(d)
	if len(l.seen) == 64 {
		l.seen, l.scores = l.seen[:0], l.scores[:0]
	}
	l.seen, l.scores = append(l.seen, k), append(l.scores, s)
	return s
}

// phraseAt reports whether the candidate has the phrase of node n, from
// the locations of its terms as bleve's term searchers report them.
func (e *evaluator) phraseAt(n *node) bool {
	e.ftls = e.ftls[:0]
	for j, i := range n.iters {
		if !e.present[i] || slices.Contains(n.iters[:j], i) {
			continue
		}
		term := e.p.keys[e.p.iters[i].key].term
		for _, l := range e.post[i].Locations() {
			e.ftls = append(e.ftls, bsearch.FieldTermLocation{Field: l.Field(), Term: term, Location: bsearch.Location{
				Pos: l.Pos(), Start: l.Start(), End: l.End(), ArrayPositions: l.ArrayPositions()}})
		}
	}
	return phraseMatches(e.ftls, fText, n.terms)
}
