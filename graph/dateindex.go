package graph

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
	"weak"

	"github.com/99designs/gqlgen/graphql"

	"pledgegraph"
)

// The date index: every stored document with its publication time, sorted,
// so that a date range names its documents without a store call and the
// statements and commitments of those documents come from one Neighbors call
// per dateDocsPerCall documents (their inDocument edges), item → document
// included, with no record load.
//
// Stored documents never change and are only ever added, so the index is
// kept for the life of the handler and refreshed when the store's document
// count (FindDocuments(...).Total) differs from the count it was built from.
// Several servers may share one PostgreSQL database, so the count is asked
// once per GraphQL operation that needs the index: every dated field of the
// operation shares that check and the snapshot it returned.

// dateDocsPerCall is the most documents one Neighbors call asks about.
const dateDocsPerCall = 5000

// datedScanLimit is MaxDatedScan, read by each new handler; tests lower it.
var datedScanLimit = MaxDatedScan

// dateCache remembers when documents were published (zero: undated) and
// holds the date index built from them.
type dateCache struct {
	mu sync.RWMutex
	m  map[string]time.Time

	limit int // the most items one request may consider: MaxDatedScan

	build sync.Mutex                // one rebuild at a time
	cur   atomic.Pointer[dateIndex] // the latest snapshot, nil before the first

	opsMu sync.Mutex
	ops   map[weak.Pointer[graphql.OperationContext]]*opIndex

	// The statements and commitments read in each document, as itemsOf
	// found them. A document is stored whole, in one transaction, and never
	// changes after, so what was read stays true; up to maxCachedItems IDs.
	itemsMu sync.RWMutex
	items   map[string][]string // document → its items
	docOf   map[string]string   // item → its document
	nItems  int                 // entries of both
}

// maxCachedItems bounds the entries of the date cache's item maps (an item
// of a document, a document of an item; ≈ 100 bytes each): 4.5M, ten times
// those of 10 000 articles.
const maxCachedItems = 4_500_000

func newDateCache() *dateCache {
	return &dateCache{m: map[string]time.Time{}, limit: datedScanLimit,
		ops: map[weak.Pointer[graphql.OperationContext]]*opIndex{}, items: map[string][]string{}, docOf: map[string]string{}}
}

// dates returns the publication time of each document, asking the store
// only for those not cached (batches of docBatch).
func (c *dateCache) dates(ctx context.Context, st pledgegraph.Store, docs []string) (map[string]time.Time, error) {
	out := make(map[string]time.Time, len(docs))
	var missing []string
	asked := make(map[string]bool, len(docs))
	c.mu.RLock()
	for _, d := range docs {
		if d == "" || asked[d] {
			continue
		}
		asked[d] = true
		if t, ok := c.m[d]; ok {
			out[d] = t
		} else {
			missing = append(missing, d)
		}
	}
	c.mu.RUnlock()
	for lo := 0; lo < len(missing); lo += docBatch {
		ids := missing[lo:min(lo+docBatch, len(missing))]
		ds, err := st.Documents(ctx, ids)
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		for i, d := range ds {
			if d != nil {
				c.m[ids[i]] = d.PublishedAt
				out[ids[i]] = d.PublishedAt
			}
		}
		c.mu.Unlock()
	}
	return out, nil
}

// docDate is a document and its publication time (zero: undated).
type docDate struct {
	date time.Time
	id   string
}

// docGroup is the documents published at one instant (or every undated
// document), by ID. Items of one group are ordered by ID, whichever document
// holds them, so a walk in date order takes groups whole.
type docGroup struct {
	date time.Time // zero for the undated group
	docs []string
}

// dateIndex is one immutable snapshot of the publication dates.
type dateIndex struct {
	count   int                  // documents the store listed when it was built
	dated   []docDate            // dated documents by (date, ID)
	groups  []docGroup           // dated groups by date; then the undated group, if any
	undated int                  // 1 if the last group is the undated one, else 0
	dates   map[string]time.Time // every listed document, zero when undated
}

func newDateIndex(count int, dates map[string]time.Time) *dateIndex {
	ix := &dateIndex{count: count, dates: dates}
	var undated []string
	for id, t := range dates {
		if t.IsZero() {
			undated = append(undated, id)
		} else {
			ix.dated = append(ix.dated, docDate{t, id})
		}
	}
	slices.SortFunc(ix.dated, func(a, b docDate) int {
		if c := a.date.Compare(b.date); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	for i, d := range ix.dated {
		if i == 0 || !d.date.Equal(ix.dated[i-1].date) {
			ix.groups = append(ix.groups, docGroup{date: d.date})
		}
		g := &ix.groups[len(ix.groups)-1]
		g.docs = append(g.docs, d.id)
	}
	if len(undated) > 0 {
		slices.Sort(undated)
		ix.groups = append(ix.groups, docGroup{docs: undated})
		ix.undated = 1
	}
	return ix
}

// inRange returns the dated documents published within f's bounds
// (inclusive), in (date, ID) order.
func (ix *dateIndex) inRange(f dateFilter) []string {
	lo, hi := 0, len(ix.dated)
	if !f.from.IsZero() {
		lo, _ = slices.BinarySearchFunc(ix.dated, f.from, func(d docDate, t time.Time) int {
			if d.date.Before(t) {
				return -1
			}
			return 1
		})
	}
	if !f.to.IsZero() {
		hi, _ = slices.BinarySearchFunc(ix.dated, f.to, func(d docDate, t time.Time) int {
			if d.date.After(t) {
				return 1
			}
			return -1
		})
	}
	if lo >= hi {
		return nil
	}
	out := make([]string, hi-lo)
	for i, d := range ix.dated[lo:hi] {
		out[i] = d.id
	}
	return out
}

// walkOrder returns the groups in the order a walk visits them: dated groups
// ascending (or descending), then the undated group.
func (ix *dateIndex) walkOrder(desc bool) []docGroup {
	if !desc {
		return ix.groups
	}
	n := len(ix.groups) - ix.undated
	out := make([]docGroup, 0, len(ix.groups))
	for i := n - 1; i >= 0; i-- {
		out = append(out, ix.groups[i])
	}
	return append(out, ix.groups[n:]...)
}

// opIndex is the index one GraphQL operation uses, checked once.
type opIndex struct {
	once sync.Once
	ix   *dateIndex
	err  error
}

// index returns the date index, first asking the store whether documents
// were added since it was built (once per operation) and reading the new
// ones if so.
func (c *dateCache) index(ctx context.Context, st pledgegraph.Store) (*dateIndex, error) {
	o := c.perOperation(ctx)
	if o == nil {
		return c.check(ctx, st)
	}
	o.once.Do(func() { o.ix, o.err = c.check(ctx, st) })
	return o.ix, o.err
}

// perOperation returns the operation's opIndex, nil outside an operation.
// Entries are keyed weakly and dropped when the operation is collected.
func (c *dateCache) perOperation(ctx context.Context) *opIndex {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	oc := graphql.GetOperationContext(ctx)
	k := weak.Make(oc)
	c.opsMu.Lock()
	defer c.opsMu.Unlock()
	if o := c.ops[k]; o != nil {
		return o
	}
	o := &opIndex{}
	c.ops[k] = o
	runtime.AddCleanup(oc, c.forget, k)
	return o
}

func (c *dateCache) forget(k weak.Pointer[graphql.OperationContext]) {
	c.opsMu.Lock()
	delete(c.ops, k)
	c.opsMu.Unlock()
}

// check compares the store's document count with the index's, rebuilding
// the index when they differ. One round trip when nothing changed.
func (c *dateCache) check(ctx context.Context, st pledgegraph.Store) (*dateIndex, error) {
	page, err := st.FindDocuments(ctx, pledgegraph.PageRequest{First: 1})
	if err != nil {
		return nil, err
	}
	if ix := c.cur.Load(); ix != nil && ix.count == page.Total {
		return ix, nil
	}
	c.build.Lock()
	defer c.build.Unlock()
	if ix := c.cur.Load(); ix != nil && ix.count >= page.Total {
		return ix, nil // rebuilt by another request meanwhile
	}
	ix, err := c.rebuild(ctx, st)
	if err != nil {
		return nil, err
	}
	c.cur.Store(ix)
	return ix, nil
}

// rebuild lists every document (pages of scanPage) and reads the dates of
// those not yet known (batches of docBatch).
func (c *dateCache) rebuild(ctx context.Context, st pledgegraph.Store) (*dateIndex, error) {
	var ids []string
	p := pledgegraph.PageRequest{First: scanPage}
	for {
		page, err := st.FindDocuments(ctx, p)
		if err != nil {
			return nil, err
		}
		ids = append(ids, page.IDs...)
		if !page.HasNext || len(page.IDs) == 0 {
			break
		}
		p.After = page.Cursors[len(page.Cursors)-1]
	}
	known, err := c.dates(ctx, st, ids)
	if err != nil {
		return nil, err
	}
	dates := make(map[string]time.Time, len(ids))
	for _, id := range ids {
		dates[id] = known[id] // a document the store could not read counts as undated
	}
	return newDateIndex(len(ids), dates), nil
}

// itemsOf returns the items of type typ (pledgegraph.TypeStatement or
// TypeCommitment) read in each of docs, by ID: those of documents read
// before from the cache, the others from one Neighbors call per
// dateDocsPerCall documents. It stops early, returning over, once more than
// limit items were gathered (limit < 0: no limit).
func (c *dateCache) itemsOf(ctx context.Context, st pledgegraph.Store, docs []string, typ string, limit int) (items map[string][]string, n int, over bool, err error) {
	items = make(map[string][]string, len(docs))
	keep := func(doc string, ids []string) {
		var kept []string
		for _, id := range ids {
			if pledgegraph.NodeType(id) == typ {
				kept = append(kept, id)
			}
		}
		if len(kept) > 0 {
			items[doc] = append(items[doc], kept...)
			n += len(kept)
		}
	}
	var missing []string
	c.itemsMu.RLock()
	for _, doc := range docs {
		if ids, ok := c.items[doc]; ok {
			keep(doc, ids)
		} else {
			missing = append(missing, doc)
		}
	}
	c.itemsMu.RUnlock()
	if limit >= 0 && n > limit {
		return items, n, true, nil
	}
	for lo := 0; lo < len(missing); lo += dateDocsPerCall {
		batch := missing[lo:min(lo+dateDocsPerCall, len(missing))]
		m, err := st.Neighbors(ctx, batch, pledgegraph.PredInDocument, pledgegraph.In)
		if err != nil {
			return nil, 0, false, err
		}
		// docs are stored documents (from the date index or a filter), so
		// one with no items has none, now and later.
		c.itemsMu.Lock()
		for _, doc := range batch {
			ids := m[doc]
			if _, ok := c.items[doc]; !ok && c.nItems+2*len(ids)+1 <= maxCachedItems {
				c.items[doc] = ids
				for _, id := range ids {
					c.docOf[id] = doc
				}
				c.nItems += 2*len(ids) + 1
			}
		}
		c.itemsMu.Unlock()
		for doc, ids := range m {
			keep(doc, ids)
		}
		if limit >= 0 && n > limit {
			return items, n, true, nil
		}
	}
	return items, n, false, nil
}

// documentsOf returns the document each item was read in (its inDocument
// edge): those known from the cache, the others from one Neighbors call per
// scanBatch items, and kept (an item never moves). Items without one have
// no entry.
func (c *dateCache) documentsOf(ctx context.Context, st pledgegraph.Store, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	var missing []string
	c.itemsMu.RLock()
	for _, id := range ids {
		if d, ok := c.docOf[id]; ok {
			out[id] = d
		} else {
			missing = append(missing, id)
		}
	}
	c.itemsMu.RUnlock()
	for lo := 0; lo < len(missing); lo += scanBatch {
		m, err := st.Neighbors(ctx, missing[lo:min(lo+scanBatch, len(missing))], pledgegraph.PredInDocument, pledgegraph.Out)
		if err != nil {
			return nil, err
		}
		c.itemsMu.Lock()
		for id, docs := range m {
			for _, d := range docs {
				if pledgegraph.NodeType(d) == pledgegraph.TypeDocument {
					out[id] = d
					if _, ok := c.docOf[id]; !ok && c.nItems < maxCachedItems {
						c.docOf[id] = d
						c.nItems++
					}
					break
				}
			}
		}
		c.itemsMu.Unlock()
	}
	return out, nil
}

// datesOf returns the publication time of each document from the index,
// asking the store only for documents added after it was built.
func (c *dateCache) datesOf(ctx context.Context, st pledgegraph.Store, ix *dateIndex, docs []string) (map[string]time.Time, error) {
	out := make(map[string]time.Time, len(docs))
	var missing []string
	for _, d := range docs {
		if d == "" {
			continue
		}
		if t, ok := ix.dates[d]; ok {
			out[d] = t
		} else {
			missing = append(missing, d)
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	more, err := c.dates(ctx, st, missing)
	if err != nil {
		return nil, err
	}
	for d, t := range more {
		out[d] = t
	}
	return out, nil
}
