package graph_test

import (
	"cmp"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"pledgegraph"
	"pledgegraph/graph"
	"pledgegraph/graph/store"
)

// The dated corpus: many small documents sharing a few publication times
// (several documents per instant, so equal dates are ordered by ID across
// documents), one in seven undated, with statements and commitments varied
// enough for every filter. Its truth is kept beside the store, so that every
// dated query is checked against a brute-force answer.

var datedCountries = []pledgegraph.Actor{france, uk, ukraine, russia}

var datedModalities = []string{"pledged", "would", "could", "would not"}

// datedDays is how many distinct publication days the corpus uses.
const datedDays = 23

// datedDay is the publication time of the documents of day k.
func datedDay(k int) time.Time {
	return time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, k)
}

// truthItem is a statement or a commitment as written.
type truthItem struct {
	id, doc string
	date    time.Time

	speaker  string
	mentions []string
	kind     pledgegraph.StatementKind
	text     string

	actor, target, modality string
	polarity                pledgegraph.Polarity
}

type truthDoc struct {
	id   string
	date time.Time
}

type datedCorpus struct {
	docs        []truthDoc
	stmts, cmts []truthItem
}

// writeDatedCorpus writes documents 0..n-1 of the dated corpus into st.
func writeDatedCorpus(t testing.TB, st pledgegraph.Store, n int) *datedCorpus {
	t.Helper()
	c := &datedCorpus{}
	for i := range n {
		c.add(t, st, i)
	}
	return c
}

// add writes document i: (7i mod 17) statements and (i mod 4) commitments.
func (c *datedCorpus) add(t testing.TB, st pledgegraph.Store, i int) truthDoc {
	t.Helper()
	var date time.Time
	if i%7 != 3 {
		date = datedDay((i * 5) % datedDays)
	}
	nStmt, nCmt := (i*7)%17, i%4
	speakerOf := func(j int) string {
		if j%11 == 5 {
			return ""
		}
		return speakers[(i+j)%len(speakers)]
	}
	topic := func(j int) string {
		if (i+j)%5 == 0 {
			return "the Élysée talks"
		}
		return "border aid"
	}
	var text strings.Builder
	fmt.Fprintf(&text, "Dispatch %d.\n", i)
	for j := range nStmt {
		who := cmp.Or(speakerOf(j), "Officials")
		fmt.Fprintf(&text, "%s said remark %d-%d on %s.\n", who, i, j, topic(j))
	}
	for k := range nCmt {
		fmt.Fprintf(&text, "%s %s act %d-%d.\n", datedCountries[(i+k)%4].Name, datedModalities[(i+k)%4], i, k)
	}
	d := newDoc(t, fmt.Sprintf("Dispatch %d", i), fmt.Sprintf("dispatch-%d.txt", i), text.String(), date)
	d.actors(datedCountries...)
	for _, name := range speakers {
		d.actors(pledgegraph.Actor{ID: pledgegraph.ActorID(pledgegraph.KindPerson, name), Name: name, Kind: pledgegraph.KindPerson})
	}
	doc := truthDoc{id: d.x.Document.ID, date: date}
	for j := range nStmt {
		it := truthItem{doc: doc.id, date: date, kind: pledgegraph.Indirect, text: fmt.Sprintf("remark %d-%d on %s", i, j, topic(j))}
		if j%3 == 0 {
			it.kind = pledgegraph.Direct
		}
		if name := speakerOf(j); name != "" {
			it.speaker = pledgegraph.ActorID(pledgegraph.KindPerson, name)
		}
		it.mentions = []string{datedCountries[(i*j)%4].ID}
		if m := datedCountries[(i+j+1)%4].ID; j%4 == 1 && m != it.mentions[0] {
			it.mentions = append(it.mentions, m)
		}
		it.id = d.statement(it.kind, it.speaker, "said", it.text, it.mentions...)
		c.stmts = append(c.stmts, it)
	}
	for k := range nCmt {
		it := truthItem{doc: doc.id, date: date, actor: datedCountries[(i+k)%4].ID, modality: datedModalities[(i+k)%4],
			polarity: pledgegraph.Positive}
		if k != 2 {
			it.target = datedCountries[(i+k+1)%4].ID
		}
		if it.modality == "would not" {
			it.polarity = pledgegraph.Negative
		}
		it.id = d.commitment(pledgegraph.Commitment{Actor: it.actor, Action: fmt.Sprintf("act %d-%d", i, k), Target: it.target,
			Polarity: it.polarity, Modality: it.modality}, fmt.Sprintf("%s act %d-%d", it.modality, i, k))
		c.cmts = append(c.cmts, it)
	}
	d.write(t, st)
	c.docs = append(c.docs, doc)
	return doc
}

// datedEnv is a handler over a memory store holding the dated corpus.
type datedEnv struct {
	store  *store.Store
	calls  *countingStore
	client *client.Client
	corpus *datedCorpus
}

func newDatedEnv(t testing.TB, docs int) *datedEnv {
	t.Helper()
	st, err := store.Open(context.Background(), store.Config{Backend: store.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	e := &datedEnv{store: st, calls: newCounting(st), corpus: writeDatedCorpus(t, st, docs)}
	e.client = client.New(graph.NewHandler(graph.Options{Store: e.calls, Logger: newLogger(&syncBuffer{})}))
	return e
}

// post runs a query in process through gqlgen's client and returns its data
// and errors.
func (e *datedEnv) post(t testing.TB, query string, vars map[string]any) (json.RawMessage, []gqlError) {
	t.Helper()
	var opts []client.Option
	for k, v := range vars {
		opts = append(opts, client.Var(k, v))
	}
	r, err := e.client.RawPost(query, opts...)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	var errs []gqlError
	if len(r.Errors) > 0 {
		if err := json.Unmarshal(r.Errors, &errs); err != nil {
			t.Fatalf("decode errors %s: %v", r.Errors, err)
		}
	}
	data, err := json.Marshal(r.Data)
	if err != nil {
		t.Fatal(err)
	}
	return data, errs
}

// datedArgs are the arguments of one statements or commitments query.
type datedArgs struct {
	name     string
	filters  map[string]any // GraphQL arguments besides dates and paging
	from, to *time.Time
	order    string // "", DATE_ASC, DATE_DESC
}

func (a datedArgs) vars() map[string]any {
	v := map[string]any{}
	for k, x := range a.filters {
		v[k] = x
	}
	if a.from != nil {
		v["from"] = a.from.Format(time.RFC3339)
	}
	if a.to != nil {
		v["to"] = a.to.Format(time.RFC3339)
	}
	if a.order != "" {
		v["orderBy"] = a.order
	}
	return v
}

const (
	datedStatementsQuery = `query($speaker: String, $mentions: String, $kind: StatementKind, $search: String, $document: ID,
	  $from: Time, $to: Time, $orderBy: DateOrder, $first: Int, $after: String) {
	  conn: statements(speaker: $speaker, mentions: $mentions, kind: $kind, search: $search, document: $document,
	    from: $from, to: $to, orderBy: $orderBy, first: $first, after: $after) {
	    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`
	datedCommitmentsQuery = `query($actor: String, $target: String, $polarity: Polarity, $document: ID, $modality: String,
	  $from: Time, $to: Time, $orderBy: DateOrder, $first: Int, $after: String) {
	  conn: commitments(actor: $actor, target: $target, polarity: $polarity, document: $document, modality: $modality,
	    from: $from, to: $to, orderBy: $orderBy, first: $first, after: $after) {
	    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`
)

type datedConn struct {
	Conn struct {
		TotalCount int
		Edges      []struct {
			Cursor string
			Node   struct{ ID string }
		}
		PageInfo struct {
			HasNextPage bool
			EndCursor   *string
		}
	}
}

// walkDated pages through a query with pages of size first, checking every
// page against want (the whole expected list), and returns the calls made.
func (e *datedEnv) walkDated(t *testing.T, query string, vars map[string]any, first int, want []string) {
	t.Helper()
	var after any
	var got []string
	for page := 0; ; page++ {
		if page > len(want)/max(first, 1)+2 {
			t.Fatalf("paging does not end after %d pages (%d items, want %d)", page, len(got), len(want))
		}
		v := map[string]any{"first": first, "after": after}
		for k, x := range vars {
			v[k] = x
		}
		data, errs := e.post(t, query, v)
		if len(errs) > 0 {
			t.Fatalf("page %d: %+v", page, errs)
		}
		var c datedConn
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatal(err)
		}
		if c.Conn.TotalCount != len(want) {
			t.Fatalf("page %d: totalCount %d, want %d", page, c.Conn.TotalCount, len(want))
		}
		for _, ed := range c.Conn.Edges {
			got = append(got, ed.Node.ID)
		}
		if !slices.Equal(got, want[:min(len(got), len(want))]) || len(got) > len(want) {
			t.Fatalf("page %d (first %d): items diverge from the expected order at %d:\n got %v\nwant %v",
				page, first, firstDiff(got, want), clip(got, first), clip(want, first))
		}
		if c.Conn.PageInfo.HasNextPage != (len(got) < len(want)) {
			t.Fatalf("page %d: hasNextPage %v with %d of %d items", page, c.Conn.PageInfo.HasNextPage, len(got), len(want))
		}
		if !c.Conn.PageInfo.HasNextPage {
			return
		}
		if len(c.Conn.Edges) != first {
			t.Fatalf("page %d: %d edges but hasNextPage", page, len(c.Conn.Edges))
		}
		after = *c.Conn.PageInfo.EndCursor
	}
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func clip(s []string, n int) []string {
	if len(s) > 3*n {
		return s[len(s)-3*n:]
	}
	return s
}

// expect is the brute-force answer: the items passing keep and the range,
// in the order asked (undated last, equal dates by ID; by ID without order).
func expect(items []truthItem, keep func(truthItem) bool, a datedArgs) []string {
	var out []truthItem
	for _, it := range items {
		if !keep(it) {
			continue
		}
		if a.from != nil || a.to != nil {
			if it.date.IsZero() || a.from != nil && it.date.Before(*a.from) || a.to != nil && it.date.After(*a.to) {
				continue
			}
		}
		out = append(out, it)
	}
	slices.SortFunc(out, func(x, y truthItem) int {
		if a.order != "" {
			switch {
			case x.date.IsZero() != y.date.IsZero():
				if x.date.IsZero() {
					return 1
				}
				return -1
			case !x.date.Equal(y.date):
				if a.order == "DATE_DESC" {
					return y.date.Compare(x.date)
				}
				return x.date.Compare(y.date)
			}
		}
		return cmp.Compare(x.id, y.id)
	})
	ids := make([]string, len(out))
	for i, it := range out {
		ids[i] = it.id
	}
	return ids
}

func ptime(t time.Time) *time.Time { return &t }

// datedRanges are the ranges every filter is tried with.
func datedRanges() []struct {
	name     string
	from, to *time.Time
} {
	return []struct {
		name     string
		from, to *time.Time
	}{
		{"no range", nil, nil},
		{"days 3-9", ptime(datedDay(3)), ptime(datedDay(9))},
		{"one instant", ptime(datedDay(5)), ptime(datedDay(5))},
		{"from day 20", ptime(datedDay(20)), nil},
		{"to day 4, in +02:00", nil, ptime(datedDay(4).In(time.FixedZone("CEST", 2*3600)))},
		{"between instants", ptime(datedDay(6).Add(time.Hour)), ptime(datedDay(7).Add(-time.Hour))},
		{"all dated", ptime(datedDay(0)), ptime(datedDay(datedDays))},
		{"after everything", ptime(datedDay(datedDays + 1)), nil},
	}
}

func contains(ids []string, id string) bool { return slices.Contains(ids, id) }

func TestDatedStatementsMatchBruteForce(t *testing.T) {
	e := newDatedEnv(t, 240)
	c := e.corpus
	t.Logf("corpus: %d documents, %d statements, %d commitments", len(c.docs), len(c.stmts), len(c.cmts))
	anaID := pledgegraph.ActorID(pledgegraph.KindPerson, "Ana Lopez")
	doc := c.docs[12] // dated, with statements
	if doc.date.IsZero() {
		t.Fatal("fixture: document 12 is undated")
	}
	filters := []struct {
		name string
		args map[string]any
		keep func(truthItem) bool
	}{
		{"none", nil, func(truthItem) bool { return true }},
		{"speaker", map[string]any{"speaker": "Ana Lopez"}, func(it truthItem) bool { return it.speaker == anaID }},
		{"mentions", map[string]any{"mentions": "Kyiv"}, func(it truthItem) bool { return contains(it.mentions, ukraine.ID) }},
		{"kind indirect", map[string]any{"kind": "INDIRECT"}, func(it truthItem) bool { return it.kind == pledgegraph.Indirect }},
		{"kind direct", map[string]any{"kind": "DIRECT"}, func(it truthItem) bool { return it.kind == pledgegraph.Direct }},
		{"search folded", map[string]any{"search": "ÉLYSÉE"}, func(it truthItem) bool { return strings.Contains(it.text, "Élysée") }},
		{"search wide", map[string]any{"search": "Border AID"}, func(it truthItem) bool { return strings.Contains(it.text, "border aid") }},
		{"document", map[string]any{"document": doc.id}, func(it truthItem) bool { return it.doc == doc.id }},
		{"speaker and kind", map[string]any{"speaker": "Ana Lopez", "kind": "DIRECT"},
			func(it truthItem) bool { return it.speaker == anaID && it.kind == pledgegraph.Direct }},
		{"mentions and search", map[string]any{"mentions": "Russia", "search": "border"},
			func(it truthItem) bool {
				return contains(it.mentions, russia.ID) && strings.Contains(it.text, "border")
			}},
		{"kind and document", map[string]any{"kind": "INDIRECT", "document": doc.id},
			func(it truthItem) bool { return it.kind == pledgegraph.Indirect && it.doc == doc.id }},
	}
	for _, f := range filters {
		for _, r := range datedRanges() {
			for _, order := range []string{"", "DATE_ASC", "DATE_DESC"} {
				a := datedArgs{filters: f.args, from: r.from, to: r.to, order: order}
				if a.from == nil && a.to == nil && order == "" {
					continue // not a dated query
				}
				want := expect(c.stmts, f.keep, a)
				t.Run(f.name+"/"+r.name+"/"+cmp.Or(order, "unordered"), func(t *testing.T) {
					t.Parallel()
					e.walkDated(t, datedStatementsQuery, a.vars(), 100, want)
				})
			}
		}
	}
}

func TestDatedCommitmentsMatchBruteForce(t *testing.T) {
	e := newDatedEnv(t, 240)
	c := e.corpus
	doc := c.docs[13]
	filters := []struct {
		name string
		args map[string]any
		keep func(truthItem) bool
	}{
		{"none", nil, func(truthItem) bool { return true }},
		{"actor", map[string]any{"actor": "France"}, func(it truthItem) bool { return it.actor == france.ID }},
		{"target", map[string]any{"target": "Ukraine"}, func(it truthItem) bool { return it.target == ukraine.ID }},
		{"polarity", map[string]any{"polarity": "NEGATIVE"}, func(it truthItem) bool { return it.polarity == pledgegraph.Negative }},
		{"modality", map[string]any{"modality": " Would "}, func(it truthItem) bool { return it.modality == "would" }},
		{"modality and actor", map[string]any{"modality": "PLEDGED", "actor": "UK"},
			func(it truthItem) bool { return it.modality == "pledged" && it.actor == uk.ID }},
		{"document", map[string]any{"document": doc.id}, func(it truthItem) bool { return it.doc == doc.id }},
		{"polarity and target", map[string]any{"polarity": "POSITIVE", "target": "Russia"},
			func(it truthItem) bool { return it.polarity == pledgegraph.Positive && it.target == russia.ID }},
	}
	for _, f := range filters {
		for _, r := range datedRanges() {
			for _, order := range []string{"", "DATE_ASC", "DATE_DESC"} {
				a := datedArgs{filters: f.args, from: r.from, to: r.to, order: order}
				if a.from == nil && a.to == nil && order == "" && f.args["modality"] == nil {
					continue // the store's own find (modality too: TestDatedLimit)
				}
				want := expect(c.cmts, f.keep, a)
				t.Run(f.name+"/"+r.name+"/"+cmp.Or(order, "unordered"), func(t *testing.T) {
					t.Parallel()
					e.walkDated(t, datedCommitmentsQuery, a.vars(), 100, want)
				})
			}
		}
	}
}

// TestDatedSmallPages walks dated connections a few items at a time, so that
// pages end inside date groups and cursors resume within them.
func TestDatedSmallPages(t *testing.T) {
	e := newDatedEnv(t, 60)
	c := e.corpus
	all := func(truthItem) bool { return true }
	tests := []struct {
		name  string
		query string
		items []truthItem
		a     datedArgs
		keep  func(truthItem) bool
	}{
		{"statements ascending", datedStatementsQuery, c.stmts, datedArgs{order: "DATE_ASC"}, all},
		{"statements descending", datedStatementsQuery, c.stmts, datedArgs{order: "DATE_DESC"}, all},
		{"statements in range descending", datedStatementsQuery, c.stmts,
			datedArgs{from: ptime(datedDay(2)), to: ptime(datedDay(12)), order: "DATE_DESC"}, all},
		{"indirect statements ascending", datedStatementsQuery, c.stmts, datedArgs{filters: map[string]any{"kind": "INDIRECT"}, order: "DATE_ASC"},
			func(it truthItem) bool { return it.kind == pledgegraph.Indirect }},
		{"commitments descending", datedCommitmentsQuery, c.cmts, datedArgs{order: "DATE_DESC"}, all},
		{"commitments in range", datedCommitmentsQuery, c.cmts, datedArgs{from: ptime(datedDay(10))}, all},
	}
	for _, tt := range tests {
		want := expect(tt.items, tt.keep, tt.a)
		for _, first := range []int{1, 3, 17} {
			if first == 1 && len(want) > 150 {
				continue // the slowest walk adds nothing the others do not check
			}
			t.Run(fmt.Sprintf("%s/first=%d", tt.name, first), func(t *testing.T) {
				e.walkDated(t, tt.query, tt.a.vars(), first, want)
			})
		}
	}
}

// TestDatedCursors checks cursors that do not belong to the connection, and
// the ID cursors dated connections served before they had their own.
func TestDatedCursors(t *testing.T) {
	e := newDatedEnv(t, 60)
	c := e.corpus
	asc := expect(c.stmts, func(truthItem) bool { return true }, datedArgs{order: "DATE_ASC"})
	ranged := datedArgs{from: ptime(datedDay(2)), to: ptime(datedDay(12)), order: "DATE_DESC"}
	rangedWant := expect(c.stmts, func(truthItem) bool { return true }, ranged)
	idCursor := func(id string) string { return base64.RawURLEncoding.EncodeToString([]byte("c1:" + id)) }

	page := func(t *testing.T, query string, vars map[string]any) (datedConn, []gqlError) {
		t.Helper()
		data, errs := e.post(t, query, vars)
		var c datedConn
		if len(errs) == 0 {
			if err := json.Unmarshal(data, &c); err != nil {
				t.Fatal(err)
			}
		}
		return c, errs
	}
	ids := func(c datedConn) []string {
		var out []string
		for _, ed := range c.Conn.Edges {
			out = append(out, ed.Node.ID)
		}
		return out
	}

	// An old ID cursor resumes after its item, on the walk and on a range.
	for _, tt := range []struct {
		name string
		a    datedArgs
		want []string
		at   int
	}{
		{"walk", datedArgs{order: "DATE_ASC"}, asc, 40},
		{"walk into the undated", datedArgs{order: "DATE_ASC"}, asc, len(asc) - 3},
		{"range", ranged, rangedWant, 7},
	} {
		t.Run("id cursor/"+tt.name, func(t *testing.T) {
			v := tt.a.vars()
			v["first"], v["after"] = 5, idCursor(tt.want[tt.at])
			got, errs := page(t, datedStatementsQuery, v)
			if len(errs) > 0 {
				t.Fatalf("%+v", errs)
			}
			if w := tt.want[tt.at+1 : min(tt.at+6, len(tt.want))]; !slices.Equal(ids(got), w) {
				t.Errorf("after %s: %v, want %v", tt.want[tt.at], ids(got), w)
			}
		})
	}

	first, _ := page(t, datedStatementsQuery, map[string]any{"orderBy": "DATE_ASC", "first": 3})
	ascCursor := *first.Conn.PageInfo.EndCursor
	cmts, _ := page(t, datedCommitmentsQuery, map[string]any{"orderBy": "DATE_ASC", "first": 3})
	bad := []struct {
		name  string
		query string
		vars  map[string]any
	}{
		{"ascending cursor, descending order", datedStatementsQuery, map[string]any{"orderBy": "DATE_DESC", "after": ascCursor}},
		{"statement cursor on commitments", datedCommitmentsQuery, map[string]any{"orderBy": "DATE_ASC", "after": ascCursor}},
		{"commitment cursor on statements", datedStatementsQuery, map[string]any{"orderBy": "DATE_ASC", "after": *cmts.Conn.PageInfo.EndCursor}},
		{"dated cursor, unordered range", datedStatementsQuery, map[string]any{"from": datedDay(0).Format(time.RFC3339), "after": ascCursor}},
		{"garbage", datedStatementsQuery, map[string]any{"orderBy": "DATE_ASC", "after": "not a cursor"}},
		{"forged date", datedStatementsQuery, map[string]any{"orderBy": "DATE_ASC",
			"after": base64.RawURLEncoding.EncodeToString([]byte("d1|a|yesterday|" + asc[0]))}},
		{"id cursor of an unknown statement", datedStatementsQuery, map[string]any{"orderBy": "DATE_ASC", "after": idCursor("stmt:0000000000000000")}},
		{"id cursor of an unknown statement, range", datedStatementsQuery, map[string]any{"orderBy": "DATE_ASC",
			"from": datedDay(0).Format(time.RFC3339), "after": idCursor("stmt:0000000000000000")}},
	}
	for _, tt := range bad {
		t.Run("refused/"+tt.name, func(t *testing.T) {
			_, errs := page(t, tt.query, tt.vars)
			if len(errs) != 1 || errs[0].code() != pledgegraph.EINVALID || !strings.Contains(errs[0].Message, "after") {
				t.Errorf("errors = %+v, want one INVALID about after", errs)
			}
		})
	}
}

// datedCallCase is a query whose store calls are counted.
type datedCallCase struct {
	name  string
	query string
	vars  map[string]any
	max   map[string]int // most calls per method; methods not listed: none
}

func datedCallCases(c *datedCorpus) []datedCallCase {
	narrow := map[string]any{"from": datedDay(3).Format(time.RFC3339), "to": datedDay(5).Format(time.RFC3339)}
	with := func(m map[string]any, kv ...any) map[string]any {
		out := map[string]any{"first": 20}
		for k, v := range m {
			out[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			out[kv[i].(string)] = kv[i+1]
		}
		return out
	}
	return []datedCallCase{
		{"range", datedStatementsQuery, with(narrow),
			map[string]int{"FindDocuments": 1, "Neighbors": 1, "Statements": 1}},
		{"range, ordered", datedStatementsQuery, with(narrow, "orderBy", "DATE_DESC"),
			map[string]int{"FindDocuments": 1, "Neighbors": 1, "Statements": 1}},
		{"range and kind", datedStatementsQuery, with(narrow, "kind", "INDIRECT", "orderBy", "DATE_ASC"),
			map[string]int{"FindDocuments": 1, "FindStatements": 1, "Neighbors": 1, "Statements": 1}},
		{"range and speaker (filter side)", datedStatementsQuery, with(narrow, "speaker", "Ana Lopez"),
			map[string]int{"FindDocuments": 1, "ActorByName": 1, "FindStatements": 1, "Neighbors": 1, "Statements": 1}},
		{"range and modality", datedCommitmentsQuery, with(narrow, "modality", "pledged"),
			map[string]int{"FindDocuments": 1, "FindCommitments": 1, "Neighbors": 1, "Commitments": 1}},
		{"ordered only", datedStatementsQuery, with(nil, "orderBy", "DATE_ASC"),
			map[string]int{"FindDocuments": 1, "FindStatements": 1, "Neighbors": 2, "Statements": 1}},
		{"ordered only, descending", datedCommitmentsQuery, with(nil, "orderBy", "DATE_DESC", "first", 100),
			map[string]int{"FindDocuments": 1, "FindCommitments": 1, "Neighbors": 2, "Commitments": 1}},
	}
}

// TestDatedStoreCalls counts the store calls of dated queries on corpora of
// two sizes: they are bounded, the same for both, and read no document once
// the date index is built.
func TestDatedStoreCalls(t *testing.T) {
	var prev map[string]map[string]int
	for _, docs := range []int{60, 480} {
		e := newDatedEnv(t, docs)
		counts := map[string]map[string]int{}
		for i, tt := range datedCallCases(e.corpus) {
			if i == 0 { // build the index first
				if _, errs := e.post(t, tt.query, tt.vars); len(errs) > 0 {
					t.Fatalf("%+v", errs)
				}
				calls, _ := e.calls.snapshot()
				if want := 1 + (docs+999)/1000; calls["FindDocuments"] != want {
					t.Errorf("%d documents: building the index made %d FindDocuments calls, want %d", docs, calls["FindDocuments"], want)
				}
			}
			e.calls.reset()
			data, errs := e.post(t, tt.query, tt.vars)
			if len(errs) > 0 {
				t.Fatalf("%s: %+v", tt.name, errs)
			}
			var c datedConn
			if err := json.Unmarshal(data, &c); err != nil || len(c.Conn.Edges) == 0 {
				t.Fatalf("%s: no items (%v): %s", tt.name, err, data)
			}
			calls, total := e.calls.snapshot()
			t.Logf("%d documents, %s: %d calls %v", docs, tt.name, total, calls)
			for m, n := range calls {
				// Records are loaded through the per-request loaders, which
				// gather keys for a time window: a slow run (-race) may
				// split one batch in two.
				if loaderBatched[m] && n == tt.max[m]+1 {
					delete(calls, m)
					continue
				}
				if n > tt.max[m] {
					t.Errorf("%d documents, %s: %d %s calls, want at most %d", docs, tt.name, n, m, tt.max[m])
				}
			}
			counts[tt.name] = calls
		}
		if prev != nil {
			for name, calls := range counts {
				calls, before := withoutRecords(calls), withoutRecords(prev[name])
				// The items of documents read once are kept (documents never
				// change): which query of the sequence reads them first
				// depends on the path each size takes.
				delete(calls, "Neighbors")
				delete(before, "Neighbors")
				if !mapsEqual(calls, before) {
					t.Errorf("%s: %v calls on %d documents, %v on fewer", name, calls, docs, before)
				}
			}
		}
		prev = counts
	}
}

// loaderBatched are the store methods the loaders call.
var loaderBatched = map[string]bool{"Actors": true, "Statements": true, "Commitments": true, "Documents": true}

// withoutRecords drops the loader-batched methods, whose count may vary
// with timing (each is bounded separately).
func withoutRecords(calls map[string]int) map[string]int {
	out := map[string]int{}
	for m, n := range calls {
		if !loaderBatched[m] {
			out[m] = n
		}
	}
	return out
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestDateIndexRefresh checks that documents written after the index was
// built (by this server or another sharing the database) are seen by the next
// request, which reads only the new documents, and that an operation checks
// the document count once whatever its dated fields.
func TestDateIndexRefresh(t *testing.T) {
	e := newDatedEnv(t, 30)
	const q = `query($from: Time, $to: Time) {
	  s: statements(from: $from, to: $to, orderBy: DATE_ASC, first: 100) { totalCount edges { node { id } } }
	  c: commitments(from: $from, to: $to, first: 100) { totalCount }
	  d: statements(from: $from, orderBy: DATE_DESC, first: 1) { totalCount } }`
	day := datedDay(5)
	vars := map[string]any{"from": day.Format(time.RFC3339), "to": day.Format(time.RFC3339)}
	type result struct {
		S struct {
			TotalCount int
			Edges      []struct{ Node struct{ ID string } }
		}
		C struct{ TotalCount int }
	}
	run := func() result {
		data, errs := e.post(t, q, vars)
		if len(errs) > 0 {
			t.Fatalf("%+v", errs)
		}
		var r result
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	before := run()
	e.calls.reset()
	again := run()
	if calls, _ := e.calls.snapshot(); calls["FindDocuments"] != 1 || calls["Documents"] != 0 || calls["Neighbors"] != 0 {
		t.Errorf("unchanged store: %v, want one FindDocuments (the count) for three dated fields, no Documents and "+
			"no Neighbors (the items of the documents in range are kept)", calls)
	}
	if again.S.TotalCount != before.S.TotalCount {
		t.Fatalf("unchanged store, different answers: %d, %d", before.S.TotalCount, again.S.TotalCount)
	}

	// Another process writes documents 30..49 into the same store; some are
	// published on day 5.
	var added []truthDoc
	for i := 30; i < 50; i++ {
		added = append(added, e.corpus.add(t, e.store, i))
	}
	e.calls.reset()
	after := run()
	want := expect(e.corpus.stmts, func(truthItem) bool { return true }, datedArgs{from: &day, to: &day, order: "DATE_ASC"})
	var got []string
	for _, ed := range after.S.Edges {
		got = append(got, ed.Node.ID)
	}
	if !slices.Equal(got, want) || after.S.TotalCount != len(want) || len(want) <= before.S.TotalCount {
		t.Errorf("after writing: %d statements %v, want %d %v (before: %d)", after.S.TotalCount, got, len(want), want, before.S.TotalCount)
	}
	if w := len(expect(e.corpus.cmts, func(truthItem) bool { return true }, datedArgs{from: &day, to: &day})); after.C.TotalCount != w {
		t.Errorf("after writing: %d commitments, want %d", after.C.TotalCount, w)
	}
	calls, _ := e.calls.snapshot()
	e.calls.mu.Lock()
	docIDs := e.calls.ids["Documents"]
	e.calls.mu.Unlock()
	if calls["FindDocuments"] != 2 || docIDs != len(added) {
		t.Errorf("refresh: %v, %d documents read; want the count, one listing page and the %d new documents", calls, docIDs, len(added))
	}
}

// TestDatedLimit lowers the cap below the corpus: ranges, narrowed filters
// and date-ordered pages still work where the old scan of every statement
// would have been refused, and what would consider too much is refused.
func TestDatedLimit(t *testing.T) {
	const limit = 200
	defer graph.SetDatedScanLimit(limit)()
	e := newDatedEnv(t, 120)
	c := e.corpus
	if len(c.stmts) <= 4*limit {
		t.Fatalf("fixture: %d statements, want far more than the limit %d", len(c.stmts), limit)
	}
	all := func(truthItem) bool { return true }
	indirect := func(it truthItem) bool { return it.kind == pledgegraph.Indirect }
	narrow := datedArgs{from: ptime(datedDay(3)), to: ptime(datedDay(4))}
	wide := datedArgs{from: ptime(datedDay(0))}
	with := func(a datedArgs, order string, filters map[string]any) datedArgs {
		a.order, a.filters = order, filters
		return a
	}
	ok := []struct {
		name string
		a    datedArgs
		keep func(truthItem) bool
	}{
		{"narrow range", narrow, all},
		{"narrow range, descending", with(narrow, "DATE_DESC", nil), all},
		{"narrow range and kind (range side)", with(narrow, "DATE_ASC", map[string]any{"kind": "INDIRECT"}), indirect},
		{"wide range and speaker (filter side)", with(wide, "DATE_DESC", map[string]any{"speaker": "Ben Okafor"}),
			func(it truthItem) bool {
				return it.speaker == pledgegraph.ActorID(pledgegraph.KindPerson, "Ben Okafor")
			}},
		{"ordered only", datedArgs{order: "DATE_ASC"}, all},
	}
	for _, tt := range ok {
		t.Run(tt.name, func(t *testing.T) {
			want := expect(c.stmts, tt.keep, tt.a)
			if len(want) == 0 {
				t.Fatal("fixture: nothing expected")
			}
			e.walkDated(t, datedStatementsQuery, tt.a.vars(), 20, want)
		})
	}
	refused := []struct {
		name string
		a    datedArgs
	}{
		{"wide range", wide},
		{"wide range and kind", with(wide, "DATE_ASC", map[string]any{"kind": "INDIRECT"})},
		{"ordered with a wide filter", datedArgs{order: "DATE_ASC", filters: map[string]any{"kind": "INDIRECT"}}},
	}
	for _, tt := range refused {
		t.Run("refused/"+tt.name, func(t *testing.T) {
			v := tt.a.vars()
			v["first"] = 10
			_, errs := e.post(t, datedStatementsQuery, v)
			if len(errs) != 1 || errs[0].code() != pledgegraph.ELIMIT {
				t.Errorf("errors = %+v, want LIMIT_EXCEEDED", errs)
			}
		})
	}
}

// TestModalityBeyondDatedLimit: modality is the store's filter, so that
// alone, or with a range, it does not consider every commitment; with the
// cap far below the commitments of the corpus, both still answer.
func TestModalityBeyondDatedLimit(t *testing.T) {
	const limit = 70
	defer graph.SetDatedScanLimit(limit)()
	e := newDatedEnv(t, 120)
	c := e.corpus
	if len(c.cmts) <= 2*limit {
		t.Fatalf("fixture: %d commitments, want far more than the limit %d", len(c.cmts), limit)
	}
	would := func(it truthItem) bool { return it.modality == "would" }
	for _, a := range []datedArgs{
		{filters: map[string]any{"modality": " WOULD "}},
		{filters: map[string]any{"modality": "would"}, order: "DATE_DESC"},
		{filters: map[string]any{"modality": "would"}, from: ptime(datedDay(2)), to: ptime(datedDay(6))},
	} {
		t.Run(fmt.Sprintf("%v", a.vars()), func(t *testing.T) {
			want := expect(c.cmts, would, a)
			if len(want) == 0 || len(want) > limit {
				t.Fatalf("fixture: %d expected, want some, at most the limit", len(want))
			}
			e.walkDated(t, datedCommitmentsQuery, a.vars(), 20, want)
		})
	}
}

// TestDatedWalkLimit lowers the cap below the undated group of the corpus:
// a walk in date order pages through every dated group and is refused only
// where the page needs the whole undated group.
func TestDatedWalkLimit(t *testing.T) {
	e := newDatedEnv(t, 120)
	c := e.corpus
	undated := 0
	for _, it := range c.stmts {
		if it.date.IsZero() {
			undated++
		}
	}
	limit := undated - 1
	defer graph.SetDatedScanLimit(limit)()
	e.client = client.New(graph.NewHandler(graph.Options{Store: e.calls, Logger: newLogger(&syncBuffer{})}))
	want := expect(c.stmts, func(truthItem) bool { return true }, datedArgs{order: "DATE_DESC"})
	var after any
	var got []string
	for page := 0; page < len(want); page++ {
		data, errs := e.post(t, datedStatementsQuery, map[string]any{"orderBy": "DATE_DESC", "first": 10, "after": after})
		if len(errs) > 0 {
			if errs[0].code() != pledgegraph.ELIMIT {
				t.Fatalf("page %d: %+v", page, errs)
			}
			break
		}
		var conn datedConn
		if err := json.Unmarshal(data, &conn); err != nil {
			t.Fatal(err)
		}
		for _, ed := range conn.Conn.Edges {
			got = append(got, ed.Node.ID)
		}
		if !conn.Conn.PageInfo.HasNextPage {
			t.Fatalf("the walk reached the end though the undated group (%d) is over the limit %d", undated, limit)
		}
		after = *conn.Conn.PageInfo.EndCursor
	}
	dated := len(want) - undated
	if !slices.Equal(got, want[:len(got)]) || len(got) < dated-10 || len(got) > dated {
		t.Errorf("walked %d items before the limit, want the %d dated ones (to within a page) in order", len(got), dated)
	}
}

// writingStore writes a document on its first FindStatements call: another
// server writing between this request's date index check and its find.
type writingStore struct {
	*countingStore
	once  sync.Once
	write func()
}

func (w *writingStore) FindStatements(ctx context.Context, f pledgegraph.StatementFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	w.once.Do(w.write)
	return w.countingStore.FindStatements(ctx, f, p)
}

// TestDatedDocumentWrittenMidRequest checks that an item of a document the
// date index does not hold yet is dated from the store.
func TestDatedDocumentWrittenMidRequest(t *testing.T) {
	e := newDatedEnv(t, 20)
	ws := &writingStore{countingStore: e.calls}
	e.client = client.New(graph.NewHandler(graph.Options{Store: ws, Logger: newLogger(&syncBuffer{})}))
	// The next document of day 0 with a statement by Ana Lopez (speakers[0]).
	day := datedDay(0)
	hasAna := func(i int) bool {
		for j := range (i * 7) % 17 {
			if (i+j)%len(speakers) == 0 && j%11 != 5 {
				return true
			}
		}
		return false
	}
	next := 20
	for (next*5)%datedDays != 0 || next%7 == 3 || !hasAna(next) {
		next++
	}
	var doc truthDoc
	ws.write = func() { doc = e.corpus.add(t, e.store, next) }
	a := datedArgs{filters: map[string]any{"speaker": "Ana Lopez"}, from: &day, to: &day, order: "DATE_ASC"}
	data, errs := e.post(t, datedStatementsQuery, map[string]any{"speaker": "Ana Lopez", "from": day.Format(time.RFC3339),
		"to": day.Format(time.RFC3339), "orderBy": "DATE_ASC", "first": 100})
	if len(errs) > 0 {
		t.Fatalf("%+v", errs)
	}
	var conn datedConn
	if err := json.Unmarshal(data, &conn); err != nil {
		t.Fatal(err)
	}
	anaID := pledgegraph.ActorID(pledgegraph.KindPerson, "Ana Lopez")
	want := expect(e.corpus.stmts, func(it truthItem) bool { return it.speaker == anaID }, a)
	var got []string
	newItems := 0
	for _, ed := range conn.Conn.Edges {
		got = append(got, ed.Node.ID)
	}
	for _, it := range e.corpus.stmts {
		if it.doc == doc.id && it.speaker == anaID {
			newItems++
		}
	}
	if doc.id == "" || newItems == 0 || !slices.Equal(got, want) || conn.Conn.TotalCount != len(want) {
		t.Errorf("got %d %v, want %d %v (%d of them from the new document %s)", conn.Conn.TotalCount, got, len(want), want, newItems, doc.id)
	}
}

// pagingStore lists documents a few at a time, as a store may.
type pagingStore struct{ *countingStore }

func (p pagingStore) FindDocuments(ctx context.Context, r pledgegraph.PageRequest) (pledgegraph.Page, error) {
	r.First = min(r.First, 7)
	return p.countingStore.FindDocuments(ctx, r)
}

// TestDateIndexPagesDocuments checks that the index lists every document
// whatever the store's page size.
func TestDateIndexPagesDocuments(t *testing.T) {
	e := newDatedEnv(t, 60)
	e.client = client.New(graph.NewHandler(graph.Options{Store: pagingStore{e.calls}, Logger: newLogger(&syncBuffer{})}))
	a := datedArgs{from: ptime(datedDay(0)), order: "DATE_DESC"}
	e.calls.reset()
	e.walkDated(t, datedStatementsQuery, a.vars(), 100, expect(e.corpus.stmts, func(truthItem) bool { return true }, a))
	if calls, _ := e.calls.snapshot(); calls["FindDocuments"] < 1+60/7 {
		t.Errorf("FindDocuments called %d times, want the listing in pages of 7", calls["FindDocuments"])
	}
}

// BenchmarkDated measures dated queries over a corpus of 2000 documents
// (about 16000 statements; PLEDGEGRAPH_BENCH_DOCS sets another size) once
// the date index is built.
func BenchmarkDated(b *testing.B) {
	docs := 2000
	if n, err := strconv.Atoi(os.Getenv("PLEDGEGRAPH_BENCH_DOCS")); err == nil && n > 0 {
		docs = n
	}
	start := time.Now()
	e := newDatedEnv(b, docs)
	b.Logf("%d documents, %d statements written in %v", docs, len(e.corpus.stmts), time.Since(start))
	narrow := map[string]any{"from": datedDay(3).Format(time.RFC3339), "to": datedDay(4).Format(time.RFC3339)}
	queries := []struct {
		name string
		vars map[string]any
	}{
		{"range", narrow},
		{"range and kind", map[string]any{"from": narrow["from"], "to": narrow["to"], "kind": "INDIRECT", "orderBy": "DATE_ASC"}},
		{"range and speaker", map[string]any{"from": narrow["from"], "to": narrow["to"], "speaker": "Ana Lopez"}},
		{"ordered only", map[string]any{"orderBy": "DATE_DESC"}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			q.vars["first"] = 20
			if _, errs := e.post(b, datedStatementsQuery, q.vars); len(errs) > 0 {
				b.Fatal(errs)
			}
			e.calls.reset()
			for b.Loop() {
				if _, errs := e.post(b, datedStatementsQuery, q.vars); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
			_, calls := e.calls.snapshot()
			b.ReportMetric(float64(calls)/float64(b.N), "storecalls/op")
		})
	}
}
