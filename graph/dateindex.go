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
}

func newDateCache() *dateCache {
	return &dateCache{m: map[string]time.Time{}, limit: datedScanLimit,
		ops: map[weak.Pointer[graphql.OperationContext]]*opIndex{}}
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
// TypeCommitment) read in each of docs, by ID, from one Neighbors call per
// dateDocsPerCall documents. It stops early, returning over, once more than
// limit items were gathered (limit < 0: no limit).
func itemsOf(ctx context.Context, st pledgegraph.Store, docs []string, typ string, limit int) (items map[string][]string, n int, over bool, err error) {
	items = make(map[string][]string, len(docs))
	for lo := 0; lo < len(docs); lo += dateDocsPerCall {
		m, err := st.Neighbors(ctx, docs[lo:min(lo+dateDocsPerCall, len(docs))], pledgegraph.PredInDocument, pledgegraph.In)
		if err != nil {
			return nil, 0, false, err
		}
		for doc, ids := range m {
			var keep []string
			for _, id := range ids {
				if pledgegraph.NodeType(id) == typ {
					keep = append(keep, id)
				}
			}
			if len(keep) > 0 {
				items[doc] = append(items[doc], keep...)
				n += len(keep)
			}
		}
		if limit >= 0 && n > limit {
			return items, n, true, nil
		}
	}
	return items, n, false, nil
}

// documentsOf returns the document each item was read in (its inDocument
// edge), from one Neighbors call per scanBatch items; items without one have
// no entry.
func documentsOf(ctx context.Context, st pledgegraph.Store, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	for lo := 0; lo < len(ids); lo += scanBatch {
		m, err := st.Neighbors(ctx, ids[lo:min(lo+scanBatch, len(ids))], pledgegraph.PredInDocument, pledgegraph.Out)
		if err != nil {
			return nil, err
		}
		for id, docs := range m {
			for _, d := range docs {
				if pledgegraph.NodeType(d) == pledgegraph.TypeDocument {
					out[id] = d
					break
				}
			}
		}
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
