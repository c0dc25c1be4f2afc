package search

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Why this file: a word that many entries have (a country's name, a
// prefix of one) matches tens of thousands of statements, and scoring each
// of them exactly, to keep twenty, cost milliseconds. A term's score for
// an entry depends only on the term's frequency there and the field's
// length (its norm), and entries share few of those pairs: grouped by
// them (a term's impacts in a segment, kept while the segment lives), the
// entries of a term can be taken best first, and entries in the same
// group of every term they have score the same.
//
// In a segment with many candidates, they are split into such cells (see
// cells): each cell is scored once, with eval's own sums, and the cells
// are taken best first; once the collector's k-th best score (its floor)
// is above a cell, that cell and all after it are counted, not scored. An
// entry of a cell where the query's phrase may be found (it has every word
// of it) is scored one by one, as only its text can tell; its cell's score
// with the phrase found bounds it. A part of a cell already below the
// floor is dropped while splitting, before its other terms are looked at.
// When a term has too many groups or the terms are too many, the
// candidates are scored in tiers instead (see tiered): those in the best
// groups of every term first, then the next ones; before each tier, the
// best score an entry left could have, for each set of terms it may have,
// is compared with the floor.
//
// The hits kept and their scores are those of scoring every candidate:
// bounds and cell scores are made with eval's sums in eval's order, and
// floating-point addition and multiplication are monotone, so a bound is
// never below a score it bounds (boundMargin covers the sums bleve makes
// in an order unknown here).

// hitSink receives the hits of a search.
type hitSink interface {
	// add takes a hit (see collector.add).
	add(score float64, doc uint64, uncertain bool) error
	// floor is the lowest score a hit may have to be kept, when hits
	// below it are not (ties with it are kept).
	floor() (float64, bool)
	// skip counts n hits that score below the floor, not handed to add.
	skip(n uint64)
}

// emitAll is a hitSink that takes every hit.
type emitAll func(score float64, doc uint64, uncertain bool) error

func (f emitAll) add(score float64, doc uint64, uncertain bool) error {
	return f(score, doc, uncertain)
}
func (emitAll) floor() (float64, bool) { return 0, false }
func (emitAll) skip(uint64)            {}

// pruning is how the engine prunes: from how many candidates in a segment
// (0: never), and whether by tiers of entries only (tests compare the two
// ways; cells are always taken when they can be).
type pruning struct {
	min     uint64
	noCells bool
}

// defaultPruneMin is the number of candidates in a segment from which
// they are scored in tiers: below, scoring them all costs less than
// grouping them.
const defaultPruneMin = 256

// boundMargin keeps the bound above any score it bounds, with room to
// spare: a sum of a heap disjunction's clauses is made by bleve in an
// order unknown here (see engine.go), which can change its last bits.
const boundMargin = 1e-6

// impacts are the entries of one term in one segment grouped by their
// frequency and norm (deleted entries included; candidates exclude them).
type impacts struct {
	groups []impactGroup
	all    *roaring.Bitmap // the entries of every group
	// Each entry's group (1 + its index), for cells: dense[d] for entry d
	// of the segment (0 if it has not the term), or, for a term that few
	// entries have, gs[i] for entry docs[i]. Neither with more than 255
	// groups (byEntry is false).
	byEntry bool
	dense   []uint8
	docs    []uint32
	gs      []uint8
	size    uint64 // bytes, roughly
}

// groupsOf sets out[j] to 1 + the group of entry docs[j], or 0 if it has
// not the term; docs are in ascending order.
func (im *impacts) groupsOf(docs []uint32, out []uint8) {
	if im.dense != nil {
		for j, d := range docs {
			out[j] = im.dense[d]
		}
		return
	}
	i := 0 // im.docs[:i] are below the entry looked for
	for j, d := range docs {
		if i < len(im.docs) && im.docs[i] < d { // gallop, then search
			lo, step := i, 1
			for lo+step < len(im.docs) && im.docs[lo+step] < d {
				lo, step = lo+step, step*2
			}
			hi := min(lo+step, len(im.docs))
			k, _ := slices.BinarySearch(im.docs[lo+1:hi], d)
			i = lo + 1 + k
		}
		out[j] = 0
		if i < len(im.docs) && im.docs[i] == d {
			out[j] = im.gs[i]
		}
	}
}

type impactGroup struct {
	freq uint64
	norm float64
	docs *roaring.Bitmap
}

// readImpacts groups the entries of a postings list of a segment of n
// entries.
func readImpacts(pl segment.PostingsList, n uint64) (*impacts, error) {
	it := pl.Iterator(true, true, false, nil)
	type groupKey struct {
		freq uint64
		norm uint64
	}
	byKey := map[groupKey]int{}
	var (
		groupDocs [][]uint32
		all       []uint32
		gs        []int
		last      groupKey
		lastG     = -1
	)
	im := &impacts{}
	for {
		ps, err := it.Next()
		if err != nil {
			return nil, err
		}
		if ps == nil {
			break
		}
		k := groupKey{ps.Frequency(), math.Float64bits(ps.Norm())}
		g := lastG
		if g < 0 || k != last {
			var ok bool
			if g, ok = byKey[k]; !ok {
				g = len(im.groups)
				byKey[k] = g
				im.groups = append(im.groups, impactGroup{freq: k.freq, norm: ps.Norm()})
				groupDocs = append(groupDocs, nil)
			}
			last, lastG = k, g
		}
		d := uint32(ps.Number())
		groupDocs[g] = append(groupDocs[g], d)
		all, gs = append(all, d), append(gs, g)
	}
	im.all = roaring.BitmapOf(all...)
	im.all.RunOptimize()
	im.size = im.all.GetSizeInBytes()
	for i := range im.groups {
		bm := roaring.BitmapOf(groupDocs[i]...)
		bm.RunOptimize()
		im.groups[i].docs = bm
		im.size += bm.GetSizeInBytes() + 48
	}
	if im.byEntry = len(im.groups) < 256; im.byEntry {
		// Dense unless it would take much more room than the entries.
		if n <= 16*uint64(len(all)) {
			im.dense = make([]uint8, n)
			for i, d := range all {
				im.dense[d] = uint8(gs[i] + 1)
			}
			im.size += n
		} else {
			im.docs, im.gs = all, make([]uint8, len(all))
			for i, g := range gs {
				im.gs[i] = uint8(g + 1)
			}
			im.size += 5 * uint64(len(all))
		}
	}
	return im, nil
}

// impactCache keeps the impacts of terms by segment: segments are
// immutable, so an entry stays true while its segment lives (segment IDs
// are unique within an index; Rebuild empties the cache).
type impactCache struct {
	mu   sync.Mutex
	m    map[impactKey]*impacts
	size uint64
}

type impactKey struct {
	seg         uint64
	field, term string
}

// maxImpactBytes bounds the cache; when full, about half of it is
// dropped (map order: at random).
const maxImpactBytes = 128 << 20

func (c *impactCache) get(k impactKey) *impacts {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[k]
}

func (c *impactCache) put(k impactKey, im *impacts) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[impactKey]*impacts{}
	}
	if c.size+im.size > maxImpactBytes {
		for k, old := range c.m {
			if c.size+im.size <= maxImpactBytes/2 {
				break
			}
			delete(c.m, k)
			c.size -= old.size
		}
	}
	if old, ok := c.m[k]; ok {
		c.size -= old.size
	}
	c.m[k] = im
	c.size += im.size
}

func (c *impactCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m, c.size = nil, 0
}

// impactsOf returns the impacts of iterator spec i's term in segment si.
func (p *contentPlan) impactsOf(si, i int) (*impacts, error) {
	key := p.keys[p.iters[i].key]
	k := impactKey{p.snap.Segments()[si].Id(), key.field, key.term}
	var c *impactCache
	if p.ec != nil {
		c = &p.ec.impacts
		if im := c.get(k); im != nil {
			return im, nil
		}
	}
	im, err := readImpacts(p.lists[si][p.iters[i].key], p.snap.Segments()[si].Segment().Count())
	if err != nil {
		return nil, err
	}
	if c != nil {
		c.put(k, im)
	}
	return im, nil
}

// tierIter is an iterator's term in a segment, its groups best first.
type tierIter struct {
	groups []impactGroup
	next   int // the first group not taken yet
	im     *impacts
	pos    []int // the place in groups of each group of impacts.groups
}

// maxSplit is the most terms whose presence splits the entries left into
// classes (as many as 2^maxSplit), each bounded apart.
const maxSplit = 6

// tiered scores the candidates of segment si in tiers (see the top of this
// file) and hands those that may be kept to sink.
func (e *evaluator) tiered(ctx context.Context, si int, base uint64, cands *roaring.Bitmap, sink hitSink, noCells bool) error {
	p := e.p
	// Each iterator's groups, ordered by the score of a leaf reading it
	// (its leaves' scores differ by a factor: their order is the same but
	// for rounding, which the bounds below do not depend on).
	tiers := make([]tierIter, len(p.iters))
	e.tiers = tiers
	for i := range p.iters {
		im, err := p.impactsOf(si, i)
		if err != nil {
			return err
		}
		l := slices.IndexFunc(p.leaves, func(l leaf) bool { return l.iter == i })
		order := make([]int, len(im.groups))
		score := make([]float64, len(im.groups))
		for g, grp := range im.groups {
			order[g], score[g] = g, e.scoreOf(&p.leaves[l], grp.freq, grp.norm)
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(score[b], score[a]) })
		t := &tiers[i]
		t.im = im
		t.groups, t.pos = make([]impactGroup, len(order)), make([]int, len(order))
		for at, g := range order {
			t.groups[at], t.pos[g] = im.groups[g], at
		}
	}
	// bestLeft[l][g]: leaf l's best score over its iterator's groups from g on.
	bestLeft := make([][]float64, len(p.leaves))
	for l := range p.leaves {
		gs := tiers[p.leaves[l].iter].groups
		best := make([]float64, len(gs)+1)
		best[len(gs)] = -1 // none left: absent
		for g := len(gs) - 1; g >= 0; g-- {
			best[g] = max(best[g+1], e.scoreOf(&p.leaves[l], gs[g].freq, gs[g].norm))
		}
		bestLeft[l] = best
	}
	if !noCells {
		if done, err := e.cells(ctx, si, base, cands, bestLeft, sink); done || err != nil {
			return err
		}
	}
	// Else by tiers of entries, each scored.
	ub := make([]float64, len(p.leaves))
	left := cands.Clone()
	step := uint64(256)
	for !left.IsEmpty() {
		if err := ctx.Err(); err != nil {
			return err
		}
		floor, ok := sink.floor()
		for l := range p.leaves {
			ub[l] = bestLeft[l][tiers[p.leaves[l].iter].next]
		}
		if !ok {
			floor = math.Inf(-1) // every entry may be kept
		} else if !e.reaches(ub, floor) {
			e.skip(sink, left.GetCardinality())
			return nil
		}
		// The entries left by the terms they have: a term an entry lacks
		// adds nothing to its bound, and those with one term are scored by
		// group.
		keep, err := e.splitBound(tiers, ub, left, floor, sink)
		if err != nil {
			return err
		}
		if keep != nil {
			if left = keep; left.IsEmpty() {
				return nil
			}
		}
		// The next tier: from every term, its best groups not taken yet,
		// at least step entries.
		tier := roaring.New()
		for i := range tiers {
			t := &tiers[i]
			for n := uint64(0); t.next < len(t.groups) && n < step; t.next++ {
				tier.Or(t.groups[t.next].docs)
				n += t.groups[t.next].docs.GetCardinality()
			}
		}
		tier.And(left)
		left.AndNot(tier)
		if !tier.IsEmpty() {
			if err := e.segment(ctx, si, base, tier, sink.add); err != nil {
				return err
			}
		}
		if step < 1<<20 {
			step *= 4
		}
	}
	return nil
}

// skip counts n candidates that are not scored.
func (e *evaluator) skip(sink hitSink, n uint64) {
	e.p.skipped += n
	sink.skip(n)
}

// reaches reports whether an entry whose leaves score at most ub may
// score floor.
func (e *evaluator) reaches(ub []float64, floor float64) bool {
	s, match := e.bound(e.p.root, ub)
	return match && float64(s*e.p.topCoord)*(1+boundMargin) >= floor
}

// splitBound splits the entries left into classes by the terms they have
// (the terms with entries left, when they are at most maxSplit), bounds
// each class with the leaves of the terms it lacks absent, counts the
// entries of the classes that cannot reach floor and returns the others,
// or nil when it did not split.
func (e *evaluator) splitBound(tiers []tierIter, ub []float64, left *roaring.Bitmap, floor float64, sink hitSink) (*roaring.Bitmap, error) {
	var live []int
	for i := range tiers {
		if tiers[i].next < len(tiers[i].groups) && tiers[i].im.all.Intersects(left) {
			live = append(live, i)
		}
	}
	if len(live) > maxSplit {
		return nil, nil
	}
	type class struct {
		docs *roaring.Bitmap
		has  uint // bit j: has the term live[j]
	}
	classes := []class{{docs: left}}
	for j, i := range live {
		next := classes[:0:0]
		for _, c := range classes {
			with := roaring.And(c.docs, tiers[i].im.all)
			without := roaring.AndNot(c.docs, tiers[i].im.all)
			if !with.IsEmpty() {
				next = append(next, class{with, c.has | 1<<j})
			}
			if !without.IsEmpty() {
				next = append(next, class{without, c.has})
			}
		}
		classes = next
	}
	keep := roaring.New()
	cub := make([]float64, len(ub))
	for _, c := range classes {
		copy(cub, ub)
		for l := range e.p.leaves {
			// A term that is not live has no entry left.
			if j := slices.Index(live, e.p.leaves[l].iter); j < 0 || c.has&(1<<j) == 0 {
				cub[l] = -1
			}
		}
		if e.reaches(cub, floor) {
			keep.Or(c.docs)
		} else {
			e.skip(sink, c.docs.GetCardinality())
		}
	}
	return keep, nil
}

// maxCellTerms is the most terms by whose groups candidates are split into
// cells (the cost is the candidates times the terms).
const maxCellTerms = 16

// exact reports whether bound computes eval's score for an entry with the
// leaves present in ub: unless the entry may have the phrase, which only
// its text can tell (an entry that lacks a term of it has not).
func (e *evaluator) exact(ub []float64) bool {
	if e.p.phrase == nil {
		return true
	}
	_, may := e.bound(e.p.phrase, ub)
	return !may
}

// cell is candidates in the same group of every term they have (or all
// without it): their leaves score the same, and so do they, unless the
// phrase may be found in some.
type cell struct {
	docs   []uint32
	ub     []float64 // the leaves' scores, -1 if absent (their best while not split)
	score  float64   // the score of its entries or, if not exact, their bound
	exact  bool
	unsure bool // the score is uncertain (see engine.go)
}

// cells scores the candidates of segment si by cells: split by the group
// they are in of every term in turn (a part that cannot reach the sink's
// floor, with the terms not split by yet at their best, is counted there),
// the cells are taken by descending score until the floor is above them.
// The entries of an exact cell all get its score, those of the others are
// scored one by one. It reports false, having done nothing, when a term
// has too many groups (impacts.byEntry) or there are too many terms.
func (e *evaluator) cells(ctx context.Context, si int, base uint64, cands *roaring.Bitmap, bestLeft [][]float64, sink hitSink) (bool, error) {
	p := e.p
	var live []int
	for i := range e.tiers {
		if len(e.tiers[i].groups) == 0 || !e.tiers[i].im.all.Intersects(cands) {
			continue
		}
		if !e.tiers[i].im.byEntry {
			return false, nil
		}
		live = append(live, i)
	}
	if len(live) > maxCellTerms {
		return false, nil
	}
	ub := make([]float64, len(p.leaves))
	best := make(map[int]float64, len(live)) // by term: its leaves' best score
	for l := range p.leaves {
		ub[l] = -1 // a term that is not live has no candidate
		if i := p.leaves[l].iter; slices.Contains(live, i) {
			ub[l] = bestLeft[l][0]
			best[i] = max(best[i], ub[l])
		}
	}
	// The terms that weigh most first: the cells their groups make are
	// the first that may fall below the floor.
	slices.SortStableFunc(live, func(a, b int) int { return cmp.Compare(best[b], best[a]) })
	// Without a floor yet, the entries in the best groups of every term
	// are scored first, to have one.
	if _, ok := sink.floor(); !ok {
		seed := roaring.New()
		for _, i := range live[:min(len(live), 3)] {
			t := &e.tiers[i]
			for g, n := 0, uint64(0); g < len(t.groups) && n < seedEntries; g++ {
				seed.Or(t.groups[g].docs)
				n += t.groups[g].docs.GetCardinality()
			}
		}
		if seed.And(cands); !seed.IsEmpty() {
			if err := e.segment(ctx, si, base, seed, sink.add); err != nil {
				return true, err
			}
			cands = roaring.AndNot(cands, seed)
		}
	}
	cells := []cell{{docs: cands.ToArray(), ub: ub}}
	var counts, at []int
	var gs []uint8
	for _, i := range live {
		t := &e.tiers[i]
		var leaves []int
		for l := range p.leaves {
			if p.leaves[l].iter == i {
				leaves = append(leaves, l)
			}
		}
		var next []cell
		for _, c := range cells {
			// Bucket 0: without the term; 1+g: in its group g (best first);
			// counted, then filled in place of c.docs (a cell's entries
			// stay in order).
			counts = slices.Grow(counts[:0], len(t.groups)+2)[:len(t.groups)+2]
			clear(counts)
			at = slices.Grow(at[:0], len(c.docs))[:len(c.docs)]
			gs = slices.Grow(gs[:0], len(c.docs))[:len(c.docs)]
			t.im.groupsOf(c.docs, gs)
			for j, g := range gs {
				b := 0
				if g > 0 {
					b = t.pos[g-1] + 1
				}
				at[j] = b
				counts[b+1]++
			}
			for b := 1; b < len(counts); b++ {
				counts[b] += counts[b-1] // counts[b]: where bucket b starts
			}
			sorted := make([]uint32, len(c.docs))
			for j, d := range c.docs {
				sorted[counts[at[j]]] = d
				counts[at[j]]++
			}
			for b, lo := 0, 0; b < len(counts)-1; b++ {
				sub := sorted[lo:counts[b]:counts[b]]
				lo = counts[b]
				if len(sub) == 0 {
					continue
				}
				sc := cell{docs: sub, ub: slices.Clone(c.ub)}
				for _, l := range leaves {
					sc.ub[l] = -1
					if b > 0 {
						sc.ub[l] = e.scoreOf(&p.leaves[l], t.groups[b-1].freq, t.groups[b-1].norm)
					}
				}
				if floor, ok := sink.floor(); ok && !e.reaches(sc.ub, floor) {
					e.skip(sink, uint64(len(sub)))
					continue
				}
				next = append(next, sc)
			}
		}
		cells = next
	}
	for i := range cells {
		c := &cells[i]
		e.uncertain = false
		s, ok := e.bound(p.root, c.ub)
		if !ok {
			return true, errInconsistent // a candidate that cannot match
		}
		c.score, c.exact, c.unsure = float64(s*p.topCoord), e.exact(c.ub), e.uncertain
	}
	slices.SortStableFunc(cells, func(a, b cell) int { return cmp.Compare(b.score, a.score) })
	// Entries of cells that are not exact are scored in batches.
	var batch []uint32
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		err := e.segment(ctx, si, base, roaring.BitmapOf(batch...), sink.add)
		batch = batch[:0]
		return err
	}
	below := func(c *cell) bool {
		floor, ok := sink.floor()
		return ok && c.score*(1+boundMargin) < floor
	}
	for i := range cells {
		c := &cells[i]
		if below(c) {
			if err := flush(); err != nil {
				return true, err
			}
			if below(c) {
				for _, c := range cells[i:] {
					e.skip(sink, uint64(len(c.docs)))
				}
				return true, nil
			}
		}
		if !c.exact {
			if batch = append(batch, c.docs...); len(batch) >= cellBatch {
				if err := flush(); err != nil {
					return true, err
				}
			}
			continue
		}
		for _, d := range c.docs {
			if err := sink.add(c.score, base+uint64(d), c.unsure); err != nil {
				return true, err
			}
		}
	}
	return true, flush()
}

// seedEntries is the entries of each of the three terms that weigh most
// scored first, when there is no floor yet (at least that many: a group
// is taken whole).
const seedEntries = 64

// cellBatch is the entries scored one by one at a time, before the floor
// is looked at again.
const cellBatch = 256

// bound is what eval computes for node n when each leaf l scores ub[l], or
// does not match when ub[l] < 0 (the phrase assumed found), with the same
// sums in the same order (the same code: evaluator.score): with every leaf
// at its best, the best score an entry can have; with every leaf at an
// entry's score, its score (as uncertain as eval finds it).
func (e *evaluator) bound(n *node, ub []float64) (float64, bool) { return e.score(n, ub) }
