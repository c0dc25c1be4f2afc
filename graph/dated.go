package graph

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"pledgegraph"
	"pledgegraph/graph/model"
)

// Date filters and ordering (statements and commitments by the publication
// time of their document, and actors' timelines). The store has no date or
// modality index, so these pages are assembled here from the store's batch
// methods with a bounded number of round trips: the IDs matching the
// store-side filters (pages of store.MaxPageSize), their records (one batch
// call per 10000), and the publication times of their documents, which are
// cached for the life of the handler because stored documents never change.

// MaxDatedScan is the most items a date-filtered or date-ordered query may
// consider; more is LIMIT_EXCEEDED, asking for narrower filters.
const MaxDatedScan = 50_000

const (
	scanPage  = 1000  // the store's largest page
	scanBatch = 10000 // the store's largest batch
	docBatch  = 500   // documents carry their text: fetch fewer at once
)

// dateCache remembers when documents were published (zero: undated).
type dateCache struct {
	mu sync.RWMutex
	m  map[string]time.Time
}

func newDateCache() *dateCache { return &dateCache{m: map[string]time.Time{}} }

// dates returns the publication time of each document, asking the store
// only for those not cached.
func (c *dateCache) dates(ctx context.Context, st pledgegraph.Store, docs []string) (map[string]time.Time, error) {
	out := make(map[string]time.Time, len(docs))
	var missing []string
	c.mu.RLock()
	for _, d := range dedupe(docs) {
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

// dateFilter is the from/to/orderBy arguments.
type dateFilter struct {
	from, to time.Time
	ranged   bool
	order    model.DateOrder // "" keeps the store's order
}

func newDateFilter(from, to *time.Time, order *model.DateOrder) (dateFilter, error) {
	var f dateFilter
	if from != nil {
		f.from, f.ranged = *from, true
	}
	if to != nil {
		f.to, f.ranged = *to, true
	}
	if from != nil && to != nil && f.to.Before(f.from) {
		return f, pledgegraph.Errorf(pledgegraph.EINVALID, "to (%s) is before from (%s)", f.to.Format(time.RFC3339), f.from.Format(time.RFC3339))
	}
	if order != nil {
		if !order.IsValid() {
			return f, badEnum("orderBy", "DATE_ASC, DATE_DESC")
		}
		f.order = *order
	}
	return f, nil
}

// active reports whether the filter needs the dated path.
func (f dateFilter) active() bool { return f.ranged || f.order != "" }

func (f dateFilter) keep(t time.Time) bool {
	if !f.ranged {
		return true
	}
	if t.IsZero() {
		return false
	}
	return (f.from.IsZero() || !t.Before(f.from)) && (f.to.IsZero() || !t.After(f.to))
}

// dated is an item with the publication time of its document.
type dated struct {
	id   string
	date time.Time
}

// arrange filters items by f and orders them (undated last, then by ID for
// equal dates); without an order it keeps theirs.
func (f dateFilter) arrange(items []dated) []string {
	items = slices.DeleteFunc(items, func(d dated) bool { return !f.keep(d.date) })
	if f.order != "" {
		desc := f.order == model.DateOrderDateDesc
		slices.SortStableFunc(items, func(a, b dated) int {
			switch {
			case a.date.IsZero() != b.date.IsZero():
				if a.date.IsZero() {
					return 1
				}
				return -1
			case !a.date.Equal(b.date):
				if desc {
					return b.date.Compare(a.date)
				}
				return a.date.Compare(b.date)
			}
			return cmp.Compare(a.id, b.id)
		})
	}
	ids := make([]string, len(items))
	for i, d := range items {
		ids[i] = d.id
	}
	return ids
}

// scanAll lists every ID a store find matches, refusing more than MaxDatedScan.
func scanAll(ctx context.Context, find func(pledgegraph.PageRequest) (pledgegraph.Page, error)) ([]string, error) {
	var ids []string
	p := pledgegraph.PageRequest{First: scanPage}
	for {
		page, err := find(p)
		if err != nil {
			return nil, err
		}
		if page.Total > MaxDatedScan {
			return nil, pledgegraph.Errorf(pledgegraph.ELIMIT,
				"filtering or ordering by date would scan %d items; the limit is %d. Narrow the query first (speaker, actor, mentions, target, kind, polarity, document)",
				page.Total, MaxDatedScan)
		}
		ids = append(ids, page.IDs...)
		if !page.HasNext || len(page.IDs) == 0 {
			return ids, nil
		}
		p.After = page.Cursors[len(page.Cursors)-1]
	}
}

// records loads ids with a store batch getter, scanBatch at a time.
func records[T any](ctx context.Context, ids []string, get func(context.Context, []string) ([]*T, error)) ([]*T, error) {
	out := make([]*T, 0, len(ids))
	for lo := 0; lo < len(ids); lo += scanBatch {
		vs, err := get(ctx, ids[lo:min(lo+scanBatch, len(ids))])
		if err != nil {
			return nil, err
		}
		out = append(out, vs...)
	}
	return out, nil
}

// datedStatements pages the statements matching f and d.
func (r *Resolver) datedStatements(ctx context.Context, f pledgegraph.StatementFilter, d dateFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	ids, err := scanAll(ctx, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) { return r.Store.FindStatements(ctx, f, p) })
	if err != nil {
		return pledgegraph.Page{}, err
	}
	ss, err := records(ctx, ids, r.Store.Statements)
	if err != nil {
		return pledgegraph.Page{}, err
	}
	items := make([]dated, 0, len(ss))
	var docs []string
	for _, s := range ss {
		if s != nil {
			docs = append(docs, s.Evidence.Document)
		}
	}
	dates, err := r.dates.dates(ctx, r.Store, docs)
	if err != nil {
		return pledgegraph.Page{}, err
	}
	l, _ := loadersFrom(ctx)
	for _, s := range ss {
		if s != nil {
			items = append(items, dated{id: s.ID, date: dates[s.Evidence.Document]})
			if l != nil {
				l.statements.Prime(s.ID, s)
			}
		}
	}
	return pageOf(d.arrange(items), p)
}

// datedCommitments pages the commitments matching f, modality and d.
func (r *Resolver) datedCommitments(ctx context.Context, f pledgegraph.CommitmentFilter, modality string, d dateFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	ids, err := scanAll(ctx, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) { return r.Store.FindCommitments(ctx, f, p) })
	if err != nil {
		return pledgegraph.Page{}, err
	}
	cs, err := records(ctx, ids, r.Store.Commitments)
	if err != nil {
		return pledgegraph.Page{}, err
	}
	cs = slices.DeleteFunc(cs, func(c *pledgegraph.Commitment) bool {
		return c == nil || (modality != "" && !strings.EqualFold(strings.TrimSpace(c.Modality), modality))
	})
	docs := make([]string, len(cs))
	for i, c := range cs {
		docs[i] = c.Evidence.Document
	}
	dates, err := r.dates.dates(ctx, r.Store, docs)
	if err != nil {
		return pledgegraph.Page{}, err
	}
	l, _ := loadersFrom(ctx)
	items := make([]dated, len(cs))
	for i, c := range cs {
		items[i] = dated{id: c.ID, date: dates[c.Evidence.Document]}
		if l != nil {
			l.commitments.Prime(c.ID, c)
		}
	}
	return pageOf(d.arrange(items), p)
}

// timeline pages what an actor said and committed to, by date.
func (r *Resolver) timeline(ctx context.Context, actor string, order *model.DateOrder, first *int, after *string) (*model.TimelineConnection, error) {
	p, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	if order == nil {
		asc := model.DateOrderDateAsc
		order = &asc
	}
	d, err := newDateFilter(nil, nil, order)
	if err != nil {
		return nil, err
	}
	a, err := actorByName(ctx, r.Store, actor)
	if err != nil {
		return nil, err
	}
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	// Both neighbour lists, then both record batches, concurrently through
	// the loaders.
	saidT, pledgedT := l.said.LoadThunk(ctx, a.ID), l.pledged.LoadThunk(ctx, a.ID)
	said, err := saidT()
	if err != nil {
		return nil, err
	}
	pledged, err := pledgedT()
	if err != nil {
		return nil, err
	}
	if n := len(said) + len(pledged); n > MaxDatedScan {
		return nil, pledgegraph.Errorf(pledgegraph.ELIMIT, "the timeline of %s holds %d items; the limit is %d", quote(a.Name), n, MaxDatedScan)
	}
	ssT, csT := l.statements.LoadAllThunk(ctx, said), l.commitments.LoadAllThunk(ctx, pledged)
	ss, err := ssT()
	if err != nil {
		return nil, firstError(err)
	}
	cs, err := csT()
	if err != nil {
		return nil, firstError(err)
	}
	items := map[string]model.TimelineItem{}
	docOf := map[string]string{}
	var docs []string
	for _, s := range ss {
		if s != nil {
			items[s.ID], docOf[s.ID] = s, s.Evidence.Document
			docs = append(docs, s.Evidence.Document)
		}
	}
	for _, c := range cs {
		if c != nil {
			items[c.ID], docOf[c.ID] = c, c.Evidence.Document
			docs = append(docs, c.Evidence.Document)
		}
	}
	dates, err := r.dates.dates(ctx, r.Store, docs)
	if err != nil {
		return nil, err
	}
	all := make([]dated, 0, len(items))
	for id, doc := range docOf {
		all = append(all, dated{id: id, date: dates[doc]})
	}
	page, err := pageOf(d.arrange(all), p)
	if err != nil {
		return nil, err
	}
	c := &model.TimelineConnection{Edges: make([]*model.TimelineEdge, len(page.IDs)), Nodes: make([]model.TimelineItem, len(page.IDs)),
		PageInfo: pageInfo(page, page.Cursors, p), TotalCount: page.Total}
	for i, id := range page.IDs {
		e := &model.TimelineEdge{Cursor: page.Cursors[i], Node: items[id]}
		if t := dates[docOf[id]]; !t.IsZero() {
			e.Date = &t
		}
		c.Edges[i], c.Nodes[i] = e, items[id]
	}
	return c, nil
}
