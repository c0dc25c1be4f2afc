package graph

import (
	"cmp"
	"context"
	"encoding/base64"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"pledgegraph"
	"pledgegraph/graph/model"
)

// Date filters and ordering: statements and commitments by the publication
// time of their document, and actors' timelines. The store has no date
// index; the date index (dateindex.go) stands in for one. Each
// dated query takes one of these paths, with a bounded number of round trips:
//
//   - a date range and no other filter: the documents in range come from the
//     index, their items from one Neighbors call per dateDocsPerCall
//     documents; no record is loaded.
//   - a date range and other filters: the cheaper side is narrowed first.
//     The first page of the store's find says how many items the filters
//     match; if that is all of them (a speaker, say), their documents come
//     from one Neighbors call and their dates from the index (the filter
//     side). Otherwise the items in range are gathered as above and, when
//     they are fewer to load than the rest of the find, their records are
//     loaded (one call per scanBatch) and every filter is tested on them
//     (the range side); else the find is paged on and intersected with them.
//   - ordering only: the documents are walked in date order and their items
//     gathered, a few documents at first and four times more each time,
//     until the page is full; the total is one more find.
//   - ordering with other filters: the filter side.
//
// MaxDatedScan caps the candidates a request may consider after narrowing:
// the items in range, the items the filters match, or those a walk gathers.
// Results do not depend on the path: items in range, ordered by date (undated
// last, equal dates by ID) or, without orderBy, by ID as the store orders.

// MaxDatedScan is the most items a date-filtered or date-ordered query may
// consider; more is LIMIT_EXCEEDED, asking for narrower filters.
const MaxDatedScan = 50_000

const (
	scanPage  = 1000  // the store's largest page
	scanBatch = 10000 // the store's largest batch
	docBatch  = 500   // documents carry their text: fetch fewer at once
)

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

// compareDates orders publication times as f does: by date, ascending or
// descending, undated last.
func (f dateFilter) compareDates(a, b time.Time) int {
	switch {
	case a.IsZero() != b.IsZero():
		if a.IsZero() {
			return 1
		}
		return -1
	case f.order == model.DateOrderDateDesc:
		return b.Compare(a)
	}
	return a.Compare(b)
}

// compare orders items as f does: by date (compareDates), then by ID.
func (f dateFilter) compare(a, b dated) int {
	if c := f.compareDates(a.date, b.date); c != 0 {
		return c
	}
	return cmp.Compare(a.id, b.id)
}

// arrange filters items by f and orders them (undated last, then by ID for
// equal dates); without an order it keeps theirs.
func (f dateFilter) arrange(items []dated) []dated {
	items = slices.DeleteFunc(items, func(d dated) bool { return !f.keep(d.date) })
	if f.order != "" {
		slices.SortFunc(items, f.compare)
	}
	return items
}

func idsOf(items []dated) []string {
	ids := make([]string, len(items))
	for i, d := range items {
		ids[i] = d.id
	}
	return ids
}

// Cursors of date-ordered connections hold the position of the item they
// resume after, (date, ID), and the direction: "d1|a|<RFC 3339 date or
// empty when undated>|<ID>", base64url. A page resumes at the first item
// after that position, so no path needs the whole list to find it. The
// connections served before these cursors used pageOf's ("c1:" and the ID);
// those are still taken, found by ID.
const datedCursorPrefix = "d1|"

func (f dateFilter) direction() string {
	if f.order == model.DateOrderDateDesc {
		return "d"
	}
	return "a"
}

func (f dateFilter) cursor(d dated) string {
	date := ""
	if !d.date.IsZero() {
		date = d.date.UTC().Format(time.RFC3339Nano)
	}
	return base64.RawURLEncoding.EncodeToString([]byte(datedCursorPrefix + f.direction() + "|" + date + "|" + d.id))
}

// after decodes the cursor a date-ordered page of items of type typ resumes
// after: a position, or (byID) only the ID of an item for an ID cursor.
// INVALID for a cursor of another connection (another order or item type).
func (f dateFilter) after(c, typ string) (pos dated, byID bool, err error) {
	bad := pledgegraph.Errorf(pledgegraph.EINVALID,
		"after: %q is not a cursor of this connection; pass a pageInfo.endCursor or edges.cursor from it", c)
	b, derr := base64.RawURLEncoding.Strict().DecodeString(c)
	if rest, ok := strings.CutPrefix(string(b), datedCursorPrefix); derr == nil && ok {
		parts := strings.SplitN(rest, "|", 3)
		if len(parts) != 3 || parts[0] != f.direction() || pledgegraph.NodeType(parts[2]) != typ {
			return pos, false, bad
		}
		if parts[1] != "" {
			t, err := time.Parse(time.RFC3339Nano, parts[1])
			if err != nil || t.IsZero() {
				return pos, false, bad
			}
			pos.date = t
		}
		pos.id = parts[2]
		return pos, false, nil
	}
	id, err := decodeCursor(c)
	if err != nil {
		return pos, false, err
	}
	if pledgegraph.NodeType(id) != typ {
		return pos, false, bad
	}
	return dated{id: id}, true, nil
}

// page pages items, arranged by f: without an order as pageOf does, else
// with dated cursors.
func (f dateFilter) page(items []dated, typ string, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	if f.order == "" {
		return pageOf(idsOf(items), p)
	}
	start := 0
	if p.After != "" {
		pos, byID, err := f.after(p.After, typ)
		if err != nil {
			return pledgegraph.Page{}, err
		}
		if byID {
			start = slices.IndexFunc(items, func(d dated) bool { return d.id == pos.id }) + 1
			if start == 0 {
				return pledgegraph.Page{}, pledgegraph.Errorf(pledgegraph.EINVALID,
					"after: cursor %q points at %s, which is not in this connection", p.After, pos.id)
			}
		} else {
			start = sort.Search(len(items), func(i int) bool { return f.compare(items[i], pos) > 0 })
		}
	}
	end := min(start+p.First, len(items))
	return f.pageFrom(items[start:end], len(items), end < len(items)), nil
}

func (f dateFilter) pageFrom(items []dated, total int, hasNext bool) pledgegraph.Page {
	page := pledgegraph.Page{IDs: idsOf(items), Cursors: make([]string, len(items)), Total: total, HasNext: hasNext}
	for i, d := range items {
		page.Cursors[i] = f.cursor(d)
	}
	return page
}

// scanAll lists every ID a store find matches, refusing more than limit. A
// first page already read may be passed on.
func scanAll(find func(pledgegraph.PageRequest) (pledgegraph.Page, error), first *pledgegraph.Page, limit int) ([]string, error) {
	var ids []string
	p := pledgegraph.PageRequest{First: scanPage}
	page := first
	for {
		if page == nil {
			pg, err := find(p)
			if err != nil {
				return nil, err
			}
			page = &pg
		}
		if page.Total > limit {
			return nil, pledgegraph.Errorf(pledgegraph.ELIMIT,
				"filtering or ordering by date would scan %d items; the limit is %d. Narrow the query first (a date range, speaker, actor, mentions, target, kind, polarity, document)",
				page.Total, limit)
		}
		ids = append(ids, page.IDs...)
		if !page.HasNext || len(page.IDs) == 0 {
			return ids, nil
		}
		p.After = page.Cursors[len(page.Cursors)-1]
		page = nil
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

// datedQuery is one dated connection: its item type and its filters.
type datedQuery[T any] struct {
	noun          string // "statements"
	typ           string // pledgegraph.TypeStatement
	find          func(pledgegraph.PageRequest) (pledgegraph.Page, error)
	storeFiltered bool   // find has filters (else it lists every item)
	document      string // the document filter, or ""
	// test checks every filter but document on a record; nil: none.
	test    func(*T) bool
	records func(context.Context, []string) ([]*T, error)
	prime   func(*loaders, *T)
}

// datedRun is one dated query being answered.
type datedRun[T any] struct {
	datedQuery[T]
	ctx   context.Context
	st    pledgegraph.Store
	c     *dateCache
	ix    *dateIndex
	d     dateFilter
	limit int
}

func datedPage[T any](ctx context.Context, r *Resolver, q datedQuery[T], d dateFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	ix, err := r.dates.index(ctx, r.Store)
	if err != nil {
		return pledgegraph.Page{}, err
	}
	run := &datedRun[T]{datedQuery: q, ctx: ctx, st: r.Store, c: r.dates, ix: ix, d: d, limit: r.dates.limit}
	switch {
	case !d.ranged && !q.storeFiltered:
		return run.walk(p)
	case !d.ranged:
		ids, err := scanAll(q.find, nil, run.limit)
		if err != nil {
			return pledgegraph.Page{}, err
		}
		return run.filterSide(ids, nil, p)
	case q.document != "" || !q.storeFiltered:
		return run.rangeSide(nil, p)
	}
	return run.choose(p)
}

// rangeDocs returns the documents in range (and the document filter).
func (run *datedRun[T]) rangeDocs() []string {
	docs := run.ix.inRange(run.d)
	if run.document != "" {
		if !slices.Contains(docs, run.document) {
			return nil
		}
		return []string{run.document}
	}
	return docs
}

// choose answers a range with store-side filters from the cheaper side.
func (run *datedRun[T]) choose(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	first, err := run.find(pledgegraph.PageRequest{First: scanPage})
	if err != nil {
		return pledgegraph.Page{}, err
	}
	if !first.HasNext && first.Total <= run.limit {
		return run.filterSide(first.IDs, nil, p) // every match in hand
	}
	items, n, over, err := run.c.itemsOf(run.ctx, run.st, run.rangeDocs(), run.typ, run.limit)
	if err != nil {
		return pledgegraph.Page{}, err
	}
	rangeOK, filterOK := !over, first.Total <= run.limit
	switch {
	case rangeOK && (!filterOK || run.rangeCheaper(n, first.Total)):
		return run.rangeSide(items, p)
	case filterOK:
		ids, err := scanAll(run.find, &first, run.limit)
		if err != nil {
			return pledgegraph.Page{}, err
		}
		var docOf map[string]string
		if rangeOK {
			docOf = make(map[string]string, n)
			for doc, ids := range items {
				for _, id := range ids {
					docOf[id] = doc
				}
			}
		}
		return run.filterSide(ids, docOf, p)
	}
	return pledgegraph.Page{}, pledgegraph.Errorf(pledgegraph.ELIMIT,
		"the date range holds more than %d %s and the other filters match %d; the limit is %d. Narrow the range or the filters",
		run.limit, run.noun, first.Total, run.limit)
}

// rangeCheaper reports whether testing the n items in range on their records
// costs fewer round trips than paging on through the total items the
// filters match (fewer items on a tie).
func (run *datedRun[T]) rangeCheaper(n, total int) bool {
	ceil := func(a, b int) int { return (a + b - 1) / b }
	rt, ft := ceil(n, scanBatch), ceil(total, scanPage)-1
	return rt < ft || rt == ft && n <= total
}

// rangeSide answers from the items in range (gathered unless given, doc →
// items): their records are loaded only to test other filters.
func (run *datedRun[T]) rangeSide(items map[string][]string, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	n := 0
	if items == nil {
		var over bool
		var err error
		items, n, over, err = run.c.itemsOf(run.ctx, run.st, run.rangeDocs(), run.typ, run.limit)
		if err != nil {
			return pledgegraph.Page{}, err
		}
		if over {
			return pledgegraph.Page{}, pledgegraph.Errorf(pledgegraph.ELIMIT,
				"the date range holds more than %d %s; the limit is %d. Narrow the range or add filters",
				run.limit, run.noun, run.limit)
		}
	}
	list := make([]dated, 0, n)
	for doc, ids := range items {
		t := run.ix.dates[doc]
		for _, id := range ids {
			list = append(list, dated{id: id, date: t})
		}
	}
	slices.SortFunc(list, func(a, b dated) int { return cmp.Compare(a.id, b.id) })
	list = slices.CompactFunc(list, func(a, b dated) bool { return a.id == b.id })
	if run.test != nil {
		var err error
		if list, err = run.tested(list, run.test); err != nil {
			return pledgegraph.Page{}, err
		}
	}
	return run.d.page(run.d.arrange(list), run.typ, p)
}

// filterSide answers from every item the store-side filters match (ids, by
// ID), dating them through docOf (item → document; looked up when nil).
func (run *datedRun[T]) filterSide(ids []string, docOf map[string]string, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	var err error
	if docOf == nil {
		if docOf, err = run.c.documentsOf(run.ctx, run.st, ids); err != nil {
			return pledgegraph.Page{}, err
		}
	}
	docs := make([]string, 0, len(ids))
	for _, id := range ids {
		docs = append(docs, docOf[id])
	}
	dates, err := run.c.datesOf(run.ctx, run.st, run.ix, docs)
	if err != nil {
		return pledgegraph.Page{}, err
	}
	list := make([]dated, 0, len(ids))
	for _, id := range ids {
		// An item not in docOf is undated: out of any range.
		if t := dates[docOf[id]]; run.d.keep(t) {
			list = append(list, dated{id: id, date: t})
		}
	}
	return run.d.page(run.d.arrange(list), run.typ, p)
}

// tested keeps the items whose record passes test, priming the operation's
// loaders with the records.
func (run *datedRun[T]) tested(list []dated, test func(*T) bool) ([]dated, error) {
	recs, err := records(run.ctx, idsOf(list), run.records)
	if err != nil {
		return nil, err
	}
	l, _ := loadersFrom(run.ctx)
	out := list[:0]
	for i, rec := range recs {
		if rec == nil {
			continue
		}
		if l != nil {
			run.prime(l, rec)
		}
		if test(rec) {
			out = append(out, list[i])
		}
	}
	return out, nil
}

// walk pages every item in date order by walking the documents in that
// order, gathering the items of whole date groups (their order among equal
// dates is by ID, across documents) until the page and one more are found.
func (run *datedRun[T]) walk(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	d := run.d
	groups := run.ix.walkOrder(d.order == model.DateOrderDateDesc)
	gi, skip := 0, ""
	if p.After != "" {
		pos, byID, err := d.after(p.After, run.typ)
		if err != nil {
			return pledgegraph.Page{}, err
		}
		if byID { // an ID cursor: find the item's date
			docOf, err := run.c.documentsOf(run.ctx, run.st, []string{pos.id})
			if err != nil {
				return pledgegraph.Page{}, err
			}
			doc, ok := docOf[pos.id]
			if !ok {
				return pledgegraph.Page{}, pledgegraph.Errorf(pledgegraph.EINVALID,
					"after: cursor %q points at %s, which is not in this connection", p.After, pos.id)
			}
			dates, err := run.c.datesOf(run.ctx, run.st, run.ix, []string{doc})
			if err != nil {
				return pledgegraph.Page{}, err
			}
			pos.date = dates[doc]
		}
		gi = sort.Search(len(groups), func(i int) bool { return d.compareDates(groups[i].date, pos.date) >= 0 })
		if gi < len(groups) && d.compareDates(groups[gi].date, pos.date) == 0 {
			skip = pos.id
		}
	}
	count, err := run.find(pledgegraph.PageRequest{First: 1})
	if err != nil {
		return pledgegraph.Page{}, err
	}
	// Documents to ask about first: twice what the page needs on average;
	// then four times more each time, up to what the limit holds on
	// average (a batch is at least one whole group).
	need := p.First + 1
	chunk, most := len(groups), len(groups)
	if count.Total > 0 {
		most = max(1, run.limit*run.ix.count/count.Total)
		chunk = min(most, 2*need*run.ix.count/count.Total+1)
	}
	var out []dated
	considered := 0 // items of the groups the page needs
	for gi < len(groups) && len(out) < need {
		var batch []docGroup
		var docs []string
		for gi < len(groups) && (len(batch) == 0 || len(docs) < chunk) {
			batch = append(batch, groups[gi])
			docs = append(docs, groups[gi].docs...)
			gi++
		}
		items, _, _, err := run.c.itemsOf(run.ctx, run.st, docs, run.typ, -1)
		if err != nil {
			return pledgegraph.Page{}, err
		}
		for _, g := range batch {
			var ids []string
			for _, doc := range g.docs {
				ids = append(ids, items[doc]...)
			}
			slices.Sort(ids)
			ids = slices.Compact(ids)
			if considered += len(ids); considered > run.limit {
				return pledgegraph.Page{}, pledgegraph.Errorf(pledgegraph.ELIMIT,
					"this page in date order would consider more than %d %s; the limit is %d. Add a date range or other filters",
					run.limit, run.noun, run.limit)
			}
			if skip != "" {
				i, found := slices.BinarySearch(ids, skip)
				if found {
					i++
				}
				ids, skip = ids[i:], ""
			}
			for _, id := range ids {
				out = append(out, dated{id: id, date: g.date})
			}
			if len(out) >= need {
				break
			}
		}
		chunk = min(most, 4*chunk)
	}
	n := min(p.First, len(out))
	return d.pageFrom(out[:n], count.Total, len(out) > p.First), nil
}

// datedStatements pages the statements matching f and d.
func (r *Resolver) datedStatements(ctx context.Context, f pledgegraph.StatementFilter, d dateFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	return datedPage(ctx, r, datedQuery[pledgegraph.Statement]{
		noun: "statements", typ: pledgegraph.TypeStatement,
		find: func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
			return r.Store.FindStatements(ctx, f, p)
		},
		storeFiltered: f != pledgegraph.StatementFilter{},
		document:      f.Document,
		test:          statementTest(f),
		records:       r.Store.Statements,
		prime:         func(l *loaders, s *pledgegraph.Statement) { l.statements.Prime(s.ID, s) },
	}, d, p)
}

// statementTest checks a statement record against every filter of f but
// Document, as the store's find does; nil when there is none.
func statementTest(f pledgegraph.StatementFilter) func(*pledgegraph.Statement) bool {
	if f.Speaker == "" && f.Mentions == "" && f.Kind == "" && f.Search == "" {
		return nil
	}
	needle := foldSearch(f.Search)
	return func(s *pledgegraph.Statement) bool {
		return (f.Speaker == "" || s.Speaker == f.Speaker) &&
			(f.Mentions == "" || slices.Contains(s.Mentions, f.Mentions)) &&
			(f.Kind == "" || s.Kind == f.Kind) &&
			(f.Search == "" || strings.Contains(foldSearch(s.Text), needle))
	}
}

// foldSearch folds text for the search filter as the store does (see
// foldText in graph/store): lower case, Latin accents removed, rune by rune.
func foldSearch(s string) string {
	return strings.Map(func(r rune) rune { return pledgegraph.Unaccent(unicode.ToLower(r)) }, s)
}

// datedCommitments pages the commitments matching f and d.
func (r *Resolver) datedCommitments(ctx context.Context, f pledgegraph.CommitmentFilter, d dateFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	q := datedQuery[pledgegraph.Commitment]{
		noun: "commitments", typ: pledgegraph.TypeCommitment,
		find: func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
			return r.Store.FindCommitments(ctx, f, p)
		},
		storeFiltered: f != pledgegraph.CommitmentFilter{},
		document:      f.Document,
		records:       r.Store.Commitments,
		prime:         func(l *loaders, c *pledgegraph.Commitment) { l.commitments.Prime(c.ID, c) },
	}
	if f.Actor != "" || f.Target != "" || f.Polarity != "" || f.Modality != "" {
		q.test = func(c *pledgegraph.Commitment) bool {
			return (f.Actor == "" || c.Actor == f.Actor) &&
				(f.Target == "" || c.Target == f.Target) &&
				(f.Polarity == "" || c.Polarity == f.Polarity) &&
				(f.Modality == "" || pledgegraph.SameModality(c.Modality, f.Modality))
		}
	}
	return datedPage(ctx, r, q, d, p)
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
	page, err := pageOf(idsOf(d.arrange(all)), p)
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
