package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"pledgegraph"
	"pledgegraph/graph"
	"pledgegraph/graph/search"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse"
	"pledgegraph/ingest"
	"pledgegraph/loader/pipeline"
)

// The corpus environment: a memory store loaded with ../data through the
// production pipeline, kept in step with a search index and an adjacency
// copy as the server does, plus two dated articles ingested through the
// ingestDocument mutation.

var dated = []struct{ title, date, text string }{
	{"Berlin promises air defence", "2025-03-01T09:00:00Z",
		"German Chancellor Friedrich Merz said Germany would send more air defence systems to Ukraine.\n" +
			"\"We will not abandon Ukraine,\" Merz told reporters in Berlin on Saturday.\n"},
	{"Patriots for Kyiv", "2025-06-15T12:00:00Z",
		"Chancellor Friedrich Merz said Berlin would deliver two Patriot batteries to Ukraine by the autumn.\n" +
			"Ukrainian President Volodymyr Zelenskyy said the batteries would protect Kyiv from Russian missiles.\n"},
}

type corpusEnv struct {
	*env
	adj *traverse.Adjacency
	idx *search.Index
}

var (
	corpusOnce sync.Once
	corpus     *corpusEnv
	corpusErr  error
)

// newCorpusEnv builds the environment once per test binary; tests only read.
func newCorpusEnv(t *testing.T) *corpusEnv {
	t.Helper()
	corpusOnce.Do(func() { corpus, corpusErr = buildCorpusEnv(t) })
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	corpus.env.t = t
	return corpus
}

func buildCorpusEnv(t *testing.T) (*corpusEnv, error) {
	ctx := context.Background()
	st, err := store.Open(ctx, store.Config{Backend: store.BackendMemory})
	if err != nil {
		return nil, err
	}
	idx, err := search.Open(ctx, search.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return nil, err
	}
	adj := traverse.NewAdjacency(st, traverse.AdjacencyConfig{CheckEvery: -1, Logger: slog.New(slog.DiscardHandler)})
	if err := adj.Refresh(ctx); err != nil {
		return nil, err
	}
	p, err := pipeline.New()
	if err != nil {
		return nil, err
	}
	ing := ingest.New(st, p, nil, idx, ingest.Edges(adj))
	sum, err := ing.LoadPaths(ctx, []string{"../data"}, nil)
	if err != nil || sum.Documents == 0 {
		return nil, fmt.Errorf("load ../data: %d documents, %v", sum.Documents, err)
	}
	e := &env{t: t, store: st, calls: newCounting(st), logs: &syncBuffer{}}
	e.handler = graph.NewHandler(graph.Options{Store: e.calls, Graph: adj, Search: idx,
		Ingester: ingester{ing}, Logger: newLogger(e.logs)})
	const m = `mutation($in: DocumentInput!) { ingestDocument(input: $in) { id } }`
	for _, d := range dated {
		r := e.post(m, map[string]any{"in": map[string]any{"title": d.title, "text": d.text, "publishedAt": d.date}})
		if len(r.Errors) > 0 {
			return nil, fmt.Errorf("ingest %q: %s", d.title, r.Body)
		}
	}
	return &corpusEnv{env: e, adj: adj, idx: idx}, nil
}

type gNode struct {
	ID, Label, Type string
	Kind            *string
}
type gEdge struct {
	Source, Target, Predicate string
	Documents                 []struct{ ID, Title string }
}

const pathQuery = `query($from: String!, $to: String!, $maxDepth: Int, $predicates: [String!], $first: Int) {
  path(from: $from, to: $to, maxDepth: $maxDepth, predicates: $predicates, first: $first) {
    length nodes { id label type kind entity { __typename ... on Actor { name } } }
    edges { source target predicate documents { id title } } } }`

type pathData struct {
	Path []struct {
		Length int
		Nodes  []struct {
			gNode
			Entity map[string]any
		}
		Edges []gEdge
	}
}

func TestPath(t *testing.T) {
	e := newCorpusEnv(t)
	var got pathData
	e.data(pathQuery, map[string]any{"from": "Merz", "to": "Ukraine"}, &got)
	if len(got.Path) == 0 {
		t.Fatal("no path from Merz to Ukraine")
	}
	length := got.Path[0].Length
	for i, p := range got.Path {
		if p.Length != length || len(p.Edges) != length || len(p.Nodes) != length+1 {
			t.Errorf("path %d: length %d, %d edges, %d nodes; want all shortest (%d)", i, p.Length, len(p.Edges), len(p.Nodes), length)
		}
		if p.Nodes[0].Label != "Friedrich Merz" || p.Nodes[0].Type != "ACTOR" || p.Nodes[0].Entity["name"] != "Friedrich Merz" {
			t.Errorf("path %d starts at %+v", i, p.Nodes[0])
		}
		if last := p.Nodes[len(p.Nodes)-1]; last.Label != "Ukraine" || deref(last.Kind) != "COUNTRY" {
			t.Errorf("path %d ends at %+v", i, last)
		}
		for j, ed := range p.Edges {
			a, b := p.Nodes[j].ID, p.Nodes[j+1].ID
			if !(ed.Source == a && ed.Target == b || ed.Source == b && ed.Target == a) {
				t.Errorf("path %d edge %d %+v does not link %s and %s", i, j, ed, a, b)
			}
			if len(ed.Documents) == 0 {
				t.Errorf("path %d edge %d %s has no evidence documents", i, j, ed.Predicate)
			}
		}
	}
	// Only through statements: said + mentions.
	var only pathData
	e.data(pathQuery, map[string]any{"from": "Friedrich Merz", "to": "Ukraine", "predicates": []string{"said", "mentions"}}, &only)
	if len(only.Path) == 0 {
		t.Fatal("no said/mentions path from Merz to Ukraine")
	}
	for _, p := range only.Path {
		for _, ed := range p.Edges {
			if ed.Predicate != "said" && ed.Predicate != "mentions" {
				t.Errorf("predicates [said mentions]: path uses %s", ed.Predicate)
			}
		}
	}
	// A predicate that cannot reach: represents alone links persons to states only.
	var none pathData
	e.data(pathQuery, map[string]any{"from": "Merz", "to": "Zelenskyy", "predicates": []string{"represents"}}, &none)
	if len(none.Path) != 0 {
		t.Errorf("represents-only path Merz→Zelenskyy = %+v, want none", none.Path)
	}
}

func TestRelationErrors(t *testing.T) {
	e := newCorpusEnv(t)
	tests := []struct {
		name, query string
		vars        map[string]any
		code        string
	}{
		{"unknown actor", pathQuery, map[string]any{"from": "Nobody Atall", "to": "Ukraine"}, pledgegraph.ENOTFOUND},
		{"unknown predicate", pathQuery, map[string]any{"from": "Merz", "to": "Ukraine", "predicates": []string{"likes"}}, pledgegraph.EINVALID},
		{"maxDepth over", pathQuery, map[string]any{"from": "Merz", "to": "Ukraine", "maxDepth": 7}, pledgegraph.ELIMIT},
		{"maxDepth zero", pathQuery, map[string]any{"from": "Merz", "to": "Ukraine", "maxDepth": 0}, pledgegraph.EINVALID},
		{"first over", pathQuery, map[string]any{"from": "Merz", "to": "Ukraine", "first": 21}, pledgegraph.ELIMIT},
		{"depth over", `{ neighborhood(of: "Merz", depth: 4) { truncated } }`, nil, pledgegraph.ELIMIT},
		{"limit over", `{ neighborhood(of: "Merz", limit: 2001) { truncated } }`, nil, pledgegraph.ELIMIT},
		{"neighborhood unknown", `{ neighborhood(of: "Nobody Atall") { truncated } }`, nil, pledgegraph.ENOTFOUND},
		{"timeline unknown", `{ timeline(actor: "Nobody Atall") { totalCount } }`, nil, pledgegraph.ENOTFOUND},
		{"search empty", `{ search(text: "  ") { totalCount } }`, nil, pledgegraph.EINVALID},
		{"search first over", `{ search(text: "Merz", first: 101) { totalCount } }`, nil, pledgegraph.ELIMIT},
		{"bad date range", `{ statements(from: "2025-06-01", to: "2025-01-01") { totalCount } }`, nil, pledgegraph.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.post(tt.query, tt.vars)
			if len(r.Errors) == 0 || r.Errors[0].code() != tt.code {
				t.Fatalf("got %s, want code %s", r.Body, tt.code)
			}
			if strings.Contains(r.Errors[0].Message, "internal") {
				t.Errorf("message %q", r.Errors[0].Message)
			}
		})
	}
}

const neighborhoodQuery = `query($of: String!, $depth: Int, $limit: Int, $predicates: [String!]) {
  neighborhood(of: $of, depth: $depth, limit: $limit, predicates: $predicates) {
    truncated nodes { id label type kind } edges { source target predicate documents { id } } } }`

type subgraphData struct {
	Neighborhood struct {
		Truncated bool
		Nodes     []gNode
		Edges     []gEdge
	}
}

func TestNeighborhood(t *testing.T) {
	e := newCorpusEnv(t)
	var d1, d2, small subgraphData
	e.data(neighborhoodQuery, map[string]any{"of": "Merz", "depth": 1}, &d1)
	e.data(neighborhoodQuery, map[string]any{"of": "Merz", "depth": 2}, &d2)
	n1, n2 := d1.Neighborhood, d2.Neighborhood
	if len(n1.Nodes) < 2 || n1.Nodes[0].Label != "Friedrich Merz" || n1.Truncated {
		t.Fatalf("depth 1 = %d nodes, truncated %v, centre %+v", len(n1.Nodes), n1.Truncated, n1.Nodes[0])
	}
	if len(n2.Nodes) <= len(n1.Nodes) {
		t.Errorf("depth 2 has %d nodes, depth 1 %d: want more", len(n2.Nodes), len(n1.Nodes))
	}
	in := map[string]bool{}
	for _, n := range n2.Nodes {
		in[n.ID] = true
		if n.Label == "" || !slices.Contains([]string{"ACTOR", "STATEMENT", "COMMITMENT", "DOCUMENT"}, n.Type) {
			t.Errorf("node %+v", n)
		}
	}
	for _, n := range n1.Nodes {
		if !in[n.ID] {
			t.Errorf("depth-1 node %s missing at depth 2", n.ID)
		}
	}
	for _, ed := range n2.Edges {
		if !in[ed.Source] || !in[ed.Target] || len(ed.Documents) == 0 {
			t.Errorf("edge %+v: ends not in the subgraph or no evidence", ed)
		}
	}
	e.data(neighborhoodQuery, map[string]any{"of": "Merz", "depth": 2, "limit": 3}, &small)
	if s := small.Neighborhood; !s.Truncated || len(s.Nodes) != 3 {
		t.Errorf("limit 3: %d nodes, truncated %v; want 3, true", len(s.Nodes), s.Truncated)
	}
	var said subgraphData
	e.data(neighborhoodQuery, map[string]any{"of": "Merz", "depth": 1, "predicates": []string{"said"}}, &said)
	for _, n := range said.Neighborhood.Nodes[1:] {
		if n.Type != "STATEMENT" {
			t.Errorf("said-only neighbourhood holds %+v", n)
		}
	}
}

// TestRelationCostBounded: the store calls of path and neighborhood answers,
// with every node's entity and every edge's evidence documents, do not grow
// with the number of nodes returned.
func TestRelationCostBounded(t *testing.T) {
	e := newCorpusEnv(t)
	// Without the adjacency copy, traversal reads the store; count that too.
	h := graph.NewHandler(graph.Options{Store: e.calls, Graph: e.calls, Search: e.idx, Logger: newLogger(e.logs)})
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		max   int // store calls, whatever the size of the answer
	}{
		// neighbourhood: per level at most one Neighbors call per relation and
		// direction (7×2), depth+1 levels, and then one batch per node type
		// plus one Evidence and one Documents call.
		{"neighborhood depth 1", neighborhoodQuery + "", map[string]any{"of": "Merz", "depth": 1}, 1 + 2*14 + 6},
		{"neighborhood depth 2", neighborhoodQuery, map[string]any{"of": "Merz", "depth": 2, "limit": 2000}, 1 + 3*14 + 6},
		{"path", pathQuery, map[string]any{"from": "Merz", "to": "Ukraine", "maxDepth": 4, "first": 20}, 2 + 4*14 + 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.calls.reset()
			body, _ := json.Marshal(map[string]any{"query": tt.query, "variables": tt.vars})
			r := postTo(t, h, body)
			calls, total := e.calls.snapshot()
			t.Logf("%d store calls for %d bytes of answer: %v", total, len(r), calls)
			if total > tt.max {
				t.Errorf("%d store calls, want at most %d: %v", total, tt.max, calls)
			}
			for _, m := range []string{"Actors", "Statements", "Commitments", "Documents", "Evidence"} {
				if calls[m] > 1 {
					t.Errorf("%s called %d times, want one batch", m, calls[m])
				}
			}
		})
	}
	// Selecting resolved fields under the nodes and the evidence documents
	// (the speaker and commitments of each statement, each document's
	// source) keeps them batched: one call per kind of thing, not one per
	// node or edge.
	e.calls.reset()
	var rich struct {
		Neighborhood struct {
			Nodes []struct {
				Entity struct {
					Speaker     *struct{ Name string }
					Commitments []struct{ Action string }
				}
			}
			Edges []struct{ Documents []struct{ Source *string } }
		}
	}
	e.data(`query($of: String!) { neighborhood(of: $of, depth: 2, limit: 300) {
		nodes { id entity { ... on Statement { speaker { name } commitments { action } } } }
		edges { documents { id source } } } }`, map[string]any{"of": "Merz"}, &rich)
	speakers := 0
	for _, n := range rich.Neighborhood.Nodes {
		if n.Entity.Speaker != nil && n.Entity.Speaker.Name != "" {
			speakers++
		}
	}
	calls, total := e.calls.snapshot()
	// Loaders gather keys for a time window, so a slow run (-race) may
	// split a batch in a few; one call per statement would be over 30.
	if speakers < 10 || calls["Actors"] > 3 || calls["Documents"] > 3 || calls["Neighbors"] > 5 || calls["Commitments"] > 5 || total > 20 {
		t.Errorf("rich neighbourhood: %d speakers named; %d store calls: %v (want the speakers and sources batched)", speakers, total, calls)
	}

	// With the adjacency copy, traversal makes no Neighbors call at all.
	e.calls.reset()
	var d subgraphData
	e.data(neighborhoodQuery, map[string]any{"of": "Merz", "depth": 2}, &d)
	if calls, _ := e.calls.snapshot(); calls["Neighbors"] != 0 || calls["Evidence"] != 0 || calls["Links"] != 0 {
		t.Errorf("neighborhood over the adjacency copy made %d Neighbors, %d Evidence, %d Links calls: the copy answers them",
			calls["Neighbors"], calls["Evidence"], calls["Links"])
	}
	// And the evidence it gives is the store's.
	for _, edge := range d.Neighborhood.Edges {
		if len(edge.Documents) == 0 {
			t.Fatalf("edge %+v has no documents over the copy", edge)
		}
	}
}

func postTo(t *testing.T, h http.Handler, body []byte) string {
	t.Helper()
	e := &env{t: t, handler: h}
	var q struct {
		Query     string         `json:"query"`
		Variables map[string]any `json:"variables"`
	}
	_ = json.Unmarshal(body, &q)
	r := e.post(q.Query, q.Variables)
	if len(r.Errors) > 0 {
		t.Fatalf("query failed: %s", r.Body)
	}
	return string(r.Data)
}

func TestSearch(t *testing.T) {
	e := newCorpusEnv(t)
	const q = `query($text: String!, $first: Int, $after: String) { search(text: $text, first: $first, after: $after) {
	  totalCount pageInfo { hasNextPage endCursor }
	  edges { cursor node { id type score snippet highlights { start end }
	    entity { __typename ... on Actor { name } ... on Statement { text } ... on Commitment { action } } } } } }`
	type result struct {
		Search struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   *string
			}
			Edges []struct {
				Cursor string
				Node   struct {
					ID, Type, Snippet string
					Score             float64
					Highlights        []struct{ Start, End int }
					Entity            map[string]any
				}
			}
		}
	}
	for _, text := range []string{"Zelen", "Zelensky", "zelenskyy"} {
		var got result
		e.data(q, map[string]any{"text": text, "first": 5}, &got)
		if len(got.Search.Edges) == 0 {
			t.Fatalf("search %q found nothing", text)
		}
		top := got.Search.Edges[0].Node
		if top.Type != "ACTOR" || top.Entity["name"] != "Volodymyr Zelenskyy" {
			t.Errorf("search %q: top hit %+v", text, top)
		}
	}
	var words result
	e.data(q, map[string]any{"text": "Patriot batteries", "first": 1}, &words)
	if len(words.Search.Edges) != 1 {
		t.Fatalf("search words: %+v", words)
	}
	hit := words.Search.Edges[0].Node
	if hit.Type == "ACTOR" || hit.Entity == nil || len(hit.Highlights) == 0 {
		t.Errorf("search words: hit %+v", hit)
	}
	for _, h := range hit.Highlights {
		if h.Start < 0 || h.End > len(hit.Snippet) || h.Start >= h.End {
			t.Errorf("highlight %+v outside snippet %q", h, hit.Snippet)
		}
	}
	// Paging: the second page starts after the first.
	var p1, p2 result
	e.data(q, map[string]any{"text": "Ukraine", "first": 2}, &p1)
	if !p1.Search.PageInfo.HasNextPage || p1.Search.PageInfo.EndCursor == nil {
		t.Fatalf("page 1: %+v", p1.Search.PageInfo)
	}
	e.data(q, map[string]any{"text": "Ukraine", "first": 2, "after": *p1.Search.PageInfo.EndCursor}, &p2)
	if len(p2.Search.Edges) == 0 || p2.Search.Edges[0].Node.ID == p1.Search.Edges[0].Node.ID || p2.Search.Edges[0].Node.ID == p1.Search.Edges[1].Node.ID {
		t.Errorf("page 2 repeats page 1: %+v / %+v", p1.Search.Edges, p2.Search.Edges)
	}
	if p1.Search.TotalCount != p2.Search.TotalCount {
		t.Errorf("totalCount %d then %d", p1.Search.TotalCount, p2.Search.TotalCount)
	}
}

type datedItems struct {
	TotalCount int
	Nodes      []struct {
		ID       string
		Modality string
		Document struct{ Title, PublishedAt *string }
	}
}

func TestDateFilters(t *testing.T) {
	e := newCorpusEnv(t)
	const q = `query($speaker: String, $from: Time, $to: Time, $orderBy: DateOrder) {
	  statements(speaker: $speaker, from: $from, to: $to, orderBy: $orderBy, first: 100) {
	    totalCount nodes { id document { title publishedAt } } } }`
	var all, asc, desc, ranged, open struct{ Statements datedItems }
	e.data(q, map[string]any{"speaker": "Merz"}, &all)
	e.data(q, map[string]any{"speaker": "Merz", "orderBy": "DATE_ASC"}, &asc)
	e.data(q, map[string]any{"speaker": "Merz", "orderBy": "DATE_DESC"}, &desc)
	e.data(q, map[string]any{"speaker": "Merz", "from": "2025-01-01", "to": "2025-04-01"}, &ranged)
	e.data(q, map[string]any{"speaker": "Merz", "from": "2025-01-01"}, &open)
	if asc.Statements.TotalCount != all.Statements.TotalCount || desc.Statements.TotalCount != all.Statements.TotalCount {
		t.Errorf("ordering changed the count: %d %d %d", all.Statements.TotalCount, asc.Statements.TotalCount, desc.Statements.TotalCount)
	}
	dates := func(items datedItems) []string {
		var out []string
		for _, n := range items.Nodes {
			out = append(out, deref(n.Document.PublishedAt))
		}
		return out
	}
	a, d := dates(asc.Statements), dates(desc.Statements)
	t.Logf("asc %v; desc %v", a, d)
	if !slices.Contains(a, "2025-03-01T09:00:00Z") || !slices.Contains(a, "2025-06-15T12:00:00Z") {
		t.Fatalf("Merz's statements lack the dated articles: %v", a)
	}
	if !datesOrdered(a, false) || !datesOrdered(d, true) {
		t.Errorf("not ordered: asc %v, desc %v", a, d)
	}
	if len(ranged.Statements.Nodes) == 0 || ranged.Statements.TotalCount != len(ranged.Statements.Nodes) {
		t.Fatalf("range: %+v", ranged.Statements)
	}
	for _, p := range dates(ranged.Statements) {
		if p != "2025-03-01T09:00:00Z" {
			t.Errorf("range 2025-01-01..2025-04-01 returned a statement of %q", p)
		}
	}
	for _, p := range dates(open.Statements) {
		if p == "" {
			t.Errorf("from given: an undated statement was returned")
		}
	}
	if open.Statements.TotalCount <= ranged.Statements.TotalCount {
		t.Errorf("from 2025-01-01: %d, narrower range: %d", open.Statements.TotalCount, ranged.Statements.TotalCount)
	}

	const cq = `query($modality: String, $from: Time, $orderBy: DateOrder) {
	  commitments(modality: $modality, from: $from, orderBy: $orderBy, first: 100) {
	    totalCount nodes { id modality document { title publishedAt } } } }`
	var pledged, dcs struct{ Commitments datedItems }
	e.data(cq, map[string]any{"modality": "PLEDGED"}, &pledged)
	if pledged.Commitments.TotalCount == 0 {
		t.Error("no commitments with modality pledged")
	}
	for _, n := range pledged.Commitments.Nodes {
		if !strings.EqualFold(n.Modality, "pledged") {
			t.Errorf("modality filter returned %q", n.Modality)
		}
	}
	e.data(cq, map[string]any{"from": "2025-01-01", "orderBy": "DATE_DESC"}, &dcs)
	if cd := dates(dcs.Commitments); len(cd) == 0 || !datesOrdered(cd, true) || slices.Contains(cd, "") {
		t.Errorf("dated commitments: %v", cd)
	}
}

// datesOrdered reports whether RFC 3339 UTC dates are in order, undated ("") last.
func datesOrdered(ds []string, desc bool) bool {
	for i := 1; i < len(ds); i++ {
		a, b := ds[i-1], ds[i]
		switch {
		case a == "" && b != "":
			return false
		case a == "" || b == "":
		case !desc && a > b, desc && a < b:
			return false
		}
	}
	return true
}

func TestTimeline(t *testing.T) {
	e := newCorpusEnv(t)
	const q = `query($after: String, $orderBy: DateOrder) { timeline(actor: "Friedrich Merz", first: 2, after: $after, orderBy: $orderBy) {
	  totalCount pageInfo { hasNextPage endCursor }
	  edges { cursor date node { __typename ... on Statement { id text } ... on Commitment { id action } } } } }`
	type page struct {
		Timeline struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   *string
			}
			Edges []struct {
				Date *string
				Node struct {
					Typename string `json:"__typename"`
					ID       string
				}
			}
		}
	}
	var ds []string
	seen := map[string]bool{}
	types := map[string]bool{}
	var after any
	total := -1
	for range 50 {
		var p page
		e.data(q, map[string]any{"after": after}, &p)
		total = p.Timeline.TotalCount
		for _, ed := range p.Timeline.Edges {
			if seen[ed.Node.ID] {
				t.Fatalf("item %s repeated", ed.Node.ID)
			}
			seen[ed.Node.ID] = true
			types[ed.Node.Typename] = true
			ds = append(ds, deref(ed.Date))
		}
		if !p.Timeline.PageInfo.HasNextPage {
			break
		}
		after = *p.Timeline.PageInfo.EndCursor
	}
	t.Logf("timeline: %d items %v, dates %v", total, types, ds)
	if total < 3 || len(ds) != total || !types["Statement"] {
		t.Fatalf("timeline: %d items of %d, types %v", len(ds), total, types)
	}
	if !datesOrdered(ds, false) || ds[0] != "2025-03-01T09:00:00Z" {
		t.Errorf("timeline not oldest first: %v", ds)
	}
	var desc page
	e.data(q, map[string]any{"orderBy": "DATE_DESC"}, &desc)
	if d := desc.Timeline.Edges; len(d) == 0 || deref(d[0].Date) != "2025-06-15T12:00:00Z" {
		t.Errorf("timeline newest first starts with %+v", d)
	}
}
