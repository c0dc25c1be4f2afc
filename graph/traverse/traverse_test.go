package traverse_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"pledgegraph"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse"
	"pledgegraph/graph/traverse/traversetest"
	"pledgegraph/loader/triples"
)

// counting counts the Neighbors round trips made through it.
type counting struct {
	traverse.Graph
	calls atomic.Int64
}

func (c *counting) Neighbors(ctx context.Context, ids []string, p string, d pledgegraph.Direction) (map[string][]string, error) {
	c.calls.Add(1)
	return c.Graph.Neighbors(ctx, ids, p, d)
}

func openMemory(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), store.Config{Backend: store.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func load(t testing.TB, s *store.Store, xs []*pledgegraph.Extraction, after func(string, []pledgegraph.Triple)) {
	t.Helper()
	if err := traversetest.Load(context.Background(), s, xs, after); err != nil {
		t.Fatal(err)
	}
}

// The coalition scenario: Merz said something about Ukraine; the coalition
// pledged a monitoring mission for Ukraine, stated in a statement of
// Macron's; Belgium pledged navy support in another document.
const (
	docA = "doc:aaaaaaaaaaaaaaaa"
	docB = "doc:bbbbbbbbbbbbbbbb"
)

var (
	merz      = pledgegraph.ActorID(pledgegraph.KindPerson, "Friedrich Merz")
	macron    = pledgegraph.ActorID(pledgegraph.KindPerson, "Emmanuel Macron")
	germany   = pledgegraph.ActorID(pledgegraph.KindCountry, "Germany")
	france    = pledgegraph.ActorID(pledgegraph.KindCountry, "France")
	ukraine   = pledgegraph.ActorID(pledgegraph.KindCountry, "Ukraine")
	belgium   = pledgegraph.ActorID(pledgegraph.KindCountry, "Belgium")
	coalition = pledgegraph.ActorID(pledgegraph.KindOrganization, "Coalition of the willing")
	sMerz     = pledgegraph.StatementID(docA, pledgegraph.Direct, 0, 10)
	sMacron   = pledgegraph.StatementID(docA, pledgegraph.Indirect, 20, 40)
	cMonitor  = pledgegraph.CommitmentID(docA, coalition, "lead a monitoring mission", 20, 40)
	cNavy     = pledgegraph.CommitmentID(docB, belgium, "support the effort with its navy", 0, 30)
)

func scenario() []*pledgegraph.Extraction {
	ev := func(doc string, s, e int) pledgegraph.Evidence {
		return pledgegraph.Evidence{Document: doc, Start: s, End: e, Rule: "test", Confidence: 1}
	}
	return []*pledgegraph.Extraction{{
		Document: pledgegraph.Document{ID: docA, Title: "Coalition summit", Text: "text A"},
		Actors: []pledgegraph.Actor{
			{ID: merz, Name: "Friedrich Merz", Kind: pledgegraph.KindPerson, Aliases: []string{"Merz"}, Title: "Chancellor", Country: germany},
			{ID: macron, Name: "Emmanuel Macron", Kind: pledgegraph.KindPerson, Country: france},
			{ID: germany, Name: "Germany", Kind: pledgegraph.KindCountry},
			{ID: france, Name: "France", Kind: pledgegraph.KindCountry},
			{ID: ukraine, Name: "Ukraine", Kind: pledgegraph.KindCountry},
			{ID: coalition, Name: "Coalition of the willing", Kind: pledgegraph.KindOrganization},
		},
		Statements: []pledgegraph.Statement{
			{ID: sMerz, Kind: pledgegraph.Direct, Text: "We will certainly have to make compromises", Speaker: merz, Cue: "said",
				Mentions: []string{ukraine}, Evidence: ev(docA, 0, 10)},
			{ID: sMacron, Kind: pledgegraph.Indirect, Text: "the coalition would lead a monitoring mission", Speaker: macron, Cue: "said",
				Mentions: []string{coalition}, Evidence: ev(docA, 20, 40)},
		},
		Commitments: []pledgegraph.Commitment{
			{ID: cMonitor, Actor: coalition, Action: "lead a monitoring mission", Target: ukraine, Polarity: pledgegraph.Positive,
				Modality: "would", Statement: sMacron, Evidence: ev(docA, 20, 40)},
		},
	}, {
		Document: pledgegraph.Document{ID: docB, Title: "Belgium joins", Text: "text B"},
		Actors: []pledgegraph.Actor{
			{ID: belgium, Name: "Belgium", Kind: pledgegraph.KindCountry},
			{ID: ukraine, Name: "Ukraine", Kind: pledgegraph.KindCountry},
		},
		Commitments: []pledgegraph.Commitment{
			{ID: cNavy, Actor: belgium, Action: "support the effort with its navy", Target: ukraine, Polarity: pledgegraph.Positive,
				Modality: "would", Evidence: ev(docB, 0, 30)},
		},
	}}
}

// short abbreviates IDs in printed paths.
func short(id string) string {
	switch id {
	case sMerz:
		return "stmt:merz"
	case sMacron:
		return "stmt:macron"
	case cMonitor:
		return "cmt:monitor"
	case cNavy:
		return "cmt:navy"
	case docA:
		return "doc:A"
	case docB:
		return "doc:B"
	}
	return strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(id, "actor:person:"), "actor:country:"), "actor:organization:")
}

// render prints a path as a -pred-> b <-pred- c.
func render(p traverse.Path) string {
	var b strings.Builder
	b.WriteString(short(p.Nodes[0].ID))
	for i, e := range p.Edges {
		if e.Source == p.Nodes[i].ID {
			fmt.Fprintf(&b, " -%s-> %s", e.Predicate, short(p.Nodes[i+1].ID))
		} else {
			fmt.Fprintf(&b, " <-%s- %s", e.Predicate, short(p.Nodes[i+1].ID))
		}
	}
	return b.String()
}

func TestShortestPathsScenario(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	load(t, s, scenario(), nil)
	tests := []struct {
		name     string
		from, to string
		maxDepth int
		preds    []string
		first    int
		want     []string
		more     bool
	}{
		{"same node", merz, merz, 4, nil, 5, []string{"friedrich-merz"}, false},
		{"one hop", merz, sMerz, 4, nil, 5, []string{"friedrich-merz -said-> stmt:merz"}, false},
		{"merz to the monitoring mission", merz, cMonitor, 4, nil, 10, []string{
			"friedrich-merz <-mentions- doc:A <-inDocument- cmt:monitor",
		}, false},
		{"restricted predicates take the long way, ties included", merz, cMonitor, 4,
			[]string{pledgegraph.PredTarget, pledgegraph.PredSaid, pledgegraph.PredMentions}, 5, []string{
				"friedrich-merz -said-> stmt:merz -mentions-> ukraine <-target- cmt:monitor",
				"friedrich-merz <-mentions- doc:A -mentions-> ukraine <-target- cmt:monitor",
			}, false},
		{"first cuts ties, keeps the path through fewer documents and says so", merz, cMonitor, 4,
			[]string{pledgegraph.PredSaid, pledgegraph.PredMentions, pledgegraph.PredTarget}, 1, []string{
				"friedrich-merz -said-> stmt:merz -mentions-> ukraine <-target- cmt:monitor",
			}, true},
		{"across documents through a shared actor", merz, belgium, 6, nil, 5, []string{
			"friedrich-merz -said-> stmt:merz -mentions-> ukraine <-mentions- doc:B -mentions-> belgium",
			"friedrich-merz -said-> stmt:merz -mentions-> ukraine <-target- cmt:navy <-pledged- belgium",
			"friedrich-merz <-mentions- doc:A -mentions-> ukraine <-mentions- doc:B -mentions-> belgium",
			"friedrich-merz <-mentions- doc:A -mentions-> ukraine <-target- cmt:navy <-pledged- belgium",
		}, false},
		{"not within maxDepth", merz, belgium, 3, nil, 5, nil, false},
		{"no such node", merz, "actor:person:nobody", 4, nil, 5, nil, false},
	}
	tr := traverse.New(s, traverse.Config{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := tr.ShortestPaths(ctx, tc.from, tc.to, tc.maxDepth, tc.preds, tc.first)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range res.Paths {
				got = append(got, render(p))
				if p.Nodes[0].ID != tc.from || p.Nodes[len(p.Nodes)-1].ID != tc.to || len(p.Nodes) != p.Len()+1 {
					t.Errorf("malformed path %s", render(p))
				}
				for _, n := range p.Nodes {
					if n.Type != pledgegraph.NodeType(n.ID) || n.Type == "" {
						t.Errorf("node %s has type %q", n.ID, n.Type)
					}
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("paths:\n got %q\nwant %q", got, tc.want)
			}
			if res.More != tc.more {
				t.Errorf("More = %v, want %v", res.More, tc.more)
			}
		})
	}
}

func TestShortestPathsErrors(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	load(t, s, scenario(), nil)
	tr := traverse.New(s, traverse.Config{MaxVisited: 3})
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	tests := []struct {
		name     string
		ctx      context.Context
		from, to string
		depth    int
		preds    []string
		first    int
		code     string
	}{
		{"from not an ID", ctx, "Merz", cMonitor, 4, nil, 5, pledgegraph.EINVALID},
		{"to not an ID", ctx, merz, "", 4, nil, 5, pledgegraph.EINVALID},
		{"literal predicate", ctx, merz, cMonitor, 4, []string{pledgegraph.PredName}, 5, pledgegraph.EINVALID},
		{"depth 0", ctx, merz, cMonitor, 0, nil, 5, pledgegraph.EINVALID},
		{"depth too large", ctx, merz, cMonitor, 9, nil, 5, pledgegraph.ELIMIT},
		{"first too large", ctx, merz, cMonitor, 4, nil, 1001, pledgegraph.ELIMIT},
		{"first 0", ctx, merz, cMonitor, 4, nil, 0, pledgegraph.EINVALID},
		{"node budget", ctx, merz, belgium, 6, nil, 5, pledgegraph.ELIMIT},
		{"canceled", canceled, merz, belgium, 6, nil, 5, pledgegraph.ELIMIT},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tr.ShortestPaths(tc.ctx, tc.from, tc.to, tc.depth, tc.preds, tc.first)
			if got := pledgegraph.ErrorCode(err); got != tc.code {
				t.Fatalf("code %q (%v), want %q", got, err, tc.code)
			}
			if tc.code == pledgegraph.ELIMIT && tc.name == "canceled" && !errors.Is(err, context.Canceled) {
				t.Errorf("error %v does not wrap context.Canceled", err)
			}
		})
	}
}

func TestNeighborhoodScenario(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	load(t, s, scenario(), nil)
	tr := traverse.New(s, traverse.Config{})
	tests := []struct {
		name      string
		of        string
		depth     int
		preds     []string
		limit     int
		nodes     []string // in order
		edges     []string
		truncated bool
	}{
		{"depth 0", belgium, 0, nil, 10, []string{"belgium"}, nil, false},
		{"belgium, one step", belgium, 1, nil, 10, []string{"belgium", "cmt:navy", "doc:B"}, []string{
			"cmt:navy -inDocument-> doc:B", "belgium -pledged-> cmt:navy", "doc:B -mentions-> belgium",
		}, false},
		{"belgium, two steps", belgium, 2, nil, 10, []string{"belgium", "cmt:navy", "doc:B", "ukraine"}, []string{
			"cmt:navy -inDocument-> doc:B", "cmt:navy -target-> ukraine", "belgium -pledged-> cmt:navy",
			"doc:B -mentions-> belgium", "doc:B -mentions-> ukraine",
		}, false},
		{"limit cuts the farthest level", belgium, 2, nil, 3, []string{"belgium", "cmt:navy", "doc:B"}, []string{
			"belgium -pledged-> cmt:navy", "cmt:navy -inDocument-> doc:B", "doc:B -mentions-> belgium",
		}, true},
		{"limit cuts within a level", belgium, 2, nil, 2, []string{"belgium", "cmt:navy"}, []string{
			"belgium -pledged-> cmt:navy",
		}, true},
		{"best connected first", cMonitor, 2, nil, 7, []string{
			"cmt:monitor", "coalition-of-the-willing", "ukraine", "stmt:macron", "doc:A", // distance 1
			"emmanuel-macron", "stmt:merz", // two edges each to distance 1; merz, doc:B, … have one
		}, []string{
			"coalition-of-the-willing -pledged-> cmt:monitor", "cmt:monitor -target-> ukraine",
			"cmt:monitor -statedIn-> stmt:macron", "cmt:monitor -inDocument-> doc:A",
			"stmt:macron -mentions-> coalition-of-the-willing", "stmt:macron -inDocument-> doc:A",
			"doc:A -mentions-> coalition-of-the-willing", "doc:A -mentions-> ukraine", "doc:A -mentions-> emmanuel-macron",
			"emmanuel-macron -said-> stmt:macron", "stmt:merz -mentions-> ukraine", "stmt:merz -inDocument-> doc:A",
		}, true},
		{"restricted to pledges and targets", ukraine, 1, []string{pledgegraph.PredTarget}, 10,
			[]string{"ukraine", "cmt:monitor", "cmt:navy"}, []string{"cmt:monitor -target-> ukraine", "cmt:navy -target-> ukraine"}, false},
		{"unknown node", "actor:person:nobody", 2, nil, 10, []string{"nobody"}, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sg, err := tr.Neighborhood(ctx, tc.of, tc.depth, tc.preds, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			var nodes, edges []string
			for _, n := range sg.Nodes {
				nodes = append(nodes, short(n.ID))
			}
			for _, e := range sg.Edges {
				edges = append(edges, fmt.Sprintf("%s -%s-> %s", short(e.Source), e.Predicate, short(e.Target)))
			}
			if !slices.Equal(nodes, tc.nodes) {
				t.Errorf("nodes %q, want %q", nodes, tc.nodes)
			}
			slices.Sort(edges)
			slices.Sort(tc.edges)
			if !slices.Equal(edges, tc.edges) {
				t.Errorf("edges %q, want %q", edges, tc.edges)
			}
			if sg.Truncated != tc.truncated {
				t.Errorf("Truncated = %v, want %v", sg.Truncated, tc.truncated)
			}
		})
	}
	t.Run("errors", func(t *testing.T) {
		for _, c := range []struct {
			of           string
			depth, limit int
			preds        []string
			code         string
		}{
			{"Belgium", 1, 10, nil, pledgegraph.EINVALID},
			{belgium, -1, 10, nil, pledgegraph.EINVALID},
			{belgium, 9, 10, nil, pledgegraph.ELIMIT},
			{belgium, 1, 0, nil, pledgegraph.EINVALID},
			{belgium, 1, 10001, nil, pledgegraph.ELIMIT},
			{belgium, 1, 10, []string{"alias"}, pledgegraph.EINVALID},
		} {
			if _, err := tr.Neighborhood(ctx, c.of, c.depth, c.preds, c.limit); pledgegraph.ErrorCode(err) != c.code {
				t.Errorf("Neighborhood(%q, %d, %v, %d): %v, want %s", c.of, c.depth, c.preds, c.limit, err, c.code)
			}
		}
	})
}

func TestEvidence(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	load(t, s, scenario(), nil)
	edges := []traverse.Edge{
		{Source: merz, Predicate: pledgegraph.PredSaid, Target: sMerz},
		{Source: docB, Predicate: pledgegraph.PredMentions, Target: ukraine},
		{Source: merz, Predicate: pledgegraph.PredSaid, Target: sMerz},   // duplicate
		{Source: merz, Predicate: pledgegraph.PredSaid, Target: sMacron}, // not stored
	}
	ev, err := traverse.Evidence(ctx, s, edges)
	if err != nil {
		t.Fatal(err)
	}
	want := map[traverse.Edge][]string{edges[0]: {docA}, edges[1]: {docB}, edges[3]: {}}
	if len(ev) != len(want) {
		t.Fatalf("got %d edges, want %d: %v", len(ev), len(want), ev)
	}
	for e, docs := range want {
		if got, ok := ev[e]; !ok || !slices.Equal(got, docs) {
			t.Errorf("%v: %q, want %q", e, got, docs)
		}
	}
	calls := s.RoundTrips()
	if _, err := traverse.Evidence(ctx, s, edges); err != nil {
		t.Fatal(err)
	}
	if n := s.RoundTrips() - calls; n != 1 {
		t.Errorf("Evidence made %d round trips, want 1", n)
	}
}

// reference computes every shortest path between two nodes with a plain
// one-sided BFS over all stored relation edges: the oracle the
// bidirectional search is checked against.
type reference struct {
	adj map[string][]traverse.Edge // node → incident edges
}

func newReference(xs []*pledgegraph.Extraction) *reference {
	r := &reference{adj: map[string][]traverse.Edge{}}
	rel := map[string]bool{}
	for _, x := range traverse.DefaultRelations() {
		rel[x.Predicate] = true
	}
	seen := map[traverse.Edge]bool{}
	for _, x := range xs {
		for _, t := range triples.Build(x) {
			if !rel[t.Predicate] || t.Object.Kind != pledgegraph.TermIRI || t.Subject == t.Object.Str {
				continue
			}
			e := traverse.Edge{Source: t.Subject, Predicate: t.Predicate, Target: t.Object.Str}
			if seen[e] {
				continue
			}
			seen[e] = true
			r.adj[e.Source] = append(r.adj[e.Source], e)
			r.adj[e.Target] = append(r.adj[e.Target], e)
		}
	}
	return r
}

func other(e traverse.Edge, n string) string {
	if e.Source == n {
		return e.Target
	}
	return e.Source
}

func (r *reference) dist(from string, max int) map[string]int {
	d := map[string]int{from: 0}
	q := []string{from}
	for len(q) > 0 {
		n := q[0]
		q = q[1:]
		if d[n] == max {
			continue
		}
		for _, e := range r.adj[n] {
			if o := other(e, n); o != n {
				if _, ok := d[o]; !ok {
					d[o] = d[n] + 1
					q = append(q, o)
				}
			}
		}
	}
	return d
}

// paths returns the rendered shortest paths (up to limit+1 of them).
func (r *reference) paths(from, to string, maxDepth, limit int) []string {
	ds, dt := r.dist(from, maxDepth), r.dist(to, maxDepth)
	l, ok := ds[to]
	if !ok {
		return nil
	}
	var out []string
	var walk func(n string, p traverse.Path)
	walk = func(n string, p traverse.Path) {
		if len(out) > limit {
			return
		}
		if n == to {
			out = append(out, render(p))
			return
		}
		for _, e := range r.adj[n] {
			o := other(e, n)
			if d, ok := ds[o]; ok && d == ds[n]+1 {
				if dd, ok := dt[o]; ok && dd == l-d {
					walk(o, traverse.Path{Nodes: append(slices.Clip(p.Nodes), traverse.NewNode(o)), Edges: append(slices.Clip(p.Edges), e)})
				}
			}
		}
	}
	walk(from, traverse.Path{Nodes: []traverse.Node{traverse.NewNode(from)}})
	return out
}

// TestShortestPathsMatchReference checks the bidirectional search against
// the oracle on many pairs of a synthetic corpus, and that it costs a
// bounded number of round trips per level.
func TestShortestPathsMatchReference(t *testing.T) {
	ctx := context.Background()
	xs := traversetest.Corpus(7, 100)
	s := openMemory(t)
	load(t, s, xs, nil)
	ref := newReference(xs)
	var nodes []string
	for n := range ref.adj {
		nodes = append(nodes, n)
	}
	slices.Sort(nodes)
	g := &counting{Graph: s}
	tr := traverse.New(g, traverse.Config{})
	// The in-memory copy knows degrees, so its searches grow differently;
	// the answers must not differ.
	adj := traverse.NewAdjacency(s, traverse.AdjacencyConfig{CheckEvery: -1, Logger: quiet})
	defer adj.Close()
	if err := adj.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	cached := traverse.New(adj, traverse.Config{})
	const first = 50
	checked, found := 0, 0
	for i := 0; i < 120; i++ {
		from, to := nodes[(i*7919)%len(nodes)], nodes[(i*104729+13)%len(nodes)]
		for _, maxDepth := range []int{2 + i%2, 5 + i%2} {
			want := ref.paths(from, to, maxDepth, first)
			before := g.calls.Load()
			res, err := tr.ShortestPaths(ctx, from, to, maxDepth, nil, first)
			if err != nil {
				t.Fatalf("%s → %s: %v", from, to, err)
			}
			calls := int(g.calls.Load() - before)
			if calls != res.Calls {
				t.Errorf("Calls = %d, counted %d", res.Calls, calls)
			}
			res2, err := cached.ShortestPaths(ctx, from, to, maxDepth, nil, first)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(res.Paths, res2.Paths, func(a, b traverse.Path) bool { return render(a) == render(b) }) || res.More != res2.More {
				t.Fatalf("%s → %s depth %d: store and copy answer differently", from, to, maxDepth)
			}
			// Each level asks at most every relation in both directions;
			// there are at most maxDepth levels of search and fewer than
			// maxDepth more to rebuild the paths.
			if limit := 2 * maxDepth * 2 * len(traverse.DefaultRelations()); calls > limit {
				t.Errorf("%s → %s depth %d: %d round trips, more than %d", from, to, maxDepth, calls, limit)
			}
			var got []string
			for _, p := range res.Paths {
				got = append(got, render(p))
			}
			wantMore := len(want) > first
			if wantMore {
				want = want[:first]
			}
			if res.More != wantMore {
				t.Errorf("%s → %s depth %d: More = %v, want %v", from, to, maxDepth, res.More, wantMore)
			}
			if wantMore {
				// Only the count and the length can be compared when cut.
				l := ref.dist(from, maxDepth)[to]
				for _, p := range res.Paths {
					if p.Len() != l {
						t.Errorf("%s → %s depth %d: path of length %d, want %d", from, to, maxDepth, p.Len(), l)
					}
				}
				if len(got) != first {
					t.Errorf("%s → %s depth %d: %d paths, want %d", from, to, maxDepth, len(got), first)
				}
			} else {
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Fatalf("%s → %s depth %d:\n got %q\nwant %q", from, to, maxDepth, got, want)
				}
			}
			checked++
			if len(got) > 0 {
				found++
			}
		}
	}
	t.Logf("%d queries checked, %d with paths", checked, found)
	if found < checked/3 {
		t.Errorf("only %d of %d queries found paths: the corpus is too sparse to test anything", found, checked)
	}
}

// TestNeighborhoodMatchesReference checks nodes and edges against the oracle
// when the limit is not reached, and the cut when it is.
func TestNeighborhoodMatchesReference(t *testing.T) {
	ctx := context.Background()
	xs := traversetest.Corpus(11, 80)
	s := openMemory(t)
	load(t, s, xs, nil)
	ref := newReference(xs)
	g := &counting{Graph: s}
	tr := traverse.New(g, traverse.Config{})
	var nodes []string
	for n := range ref.adj {
		nodes = append(nodes, n)
	}
	slices.Sort(nodes)
	for i := 0; i < 40; i++ {
		of := nodes[(i*7919)%len(nodes)]
		for _, depth := range []int{1 + i%3} {
			dist := ref.dist(of, depth)
			before := g.calls.Load()
			sg, err := tr.Neighborhood(ctx, of, depth, nil, 10000)
			if err != nil {
				t.Fatal(err)
			}
			if calls := int(g.calls.Load() - before); calls > (depth+1)*2*len(traverse.DefaultRelations()) {
				t.Errorf("%s depth %d: %d round trips", of, depth, calls)
			}
			if sg.Truncated || len(sg.Nodes) != len(dist) {
				t.Fatalf("%s depth %d: %d nodes (truncated %v), want %d", of, depth, len(sg.Nodes), sg.Truncated, len(dist))
			}
			for j, n := range sg.Nodes {
				if d, ok := dist[n.ID]; !ok || d != sg.Distances[j] {
					t.Fatalf("%s depth %d: node %s at distance %d, want %d (%v)", of, depth, n.ID, sg.Distances[j], d, ok)
				}
				if j > 0 && sg.Distances[j] < sg.Distances[j-1] {
					t.Fatalf("nodes not ordered by distance")
				}
			}
			var want []traverse.Edge
			seen := map[traverse.Edge]bool{}
			for n := range dist {
				for _, e := range ref.adj[n] {
					_, a := dist[e.Source]
					_, b := dist[e.Target]
					if a && b && !seen[e] {
						seen[e] = true
						want = append(want, e)
					}
				}
			}
			if len(want) != len(sg.Edges) {
				t.Fatalf("%s depth %d: %d edges, want %d", of, depth, len(sg.Edges), len(want))
			}
			for _, e := range sg.Edges {
				if !seen[e] {
					t.Fatalf("%s depth %d: unexpected edge %v", of, depth, e)
				}
			}
			// Cut to a third: nearer nodes first, the flag set.
			if lim := len(dist) / 3; lim >= 1 {
				cut, err := tr.Neighborhood(ctx, of, depth, nil, lim)
				if err != nil {
					t.Fatal(err)
				}
				if !cut.Truncated || len(cut.Nodes) != lim {
					t.Fatalf("%s depth %d limit %d: %d nodes, truncated %v", of, depth, lim, len(cut.Nodes), cut.Truncated)
				}
				for j := range cut.Nodes {
					if cut.Nodes[j] != sg.Nodes[j] && cut.Distances[j] != sg.Distances[j] {
						t.Fatalf("%s depth %d limit %d: node %d at distance %d, uncut has %d", of, depth, lim, j, cut.Distances[j], sg.Distances[j])
					}
				}
				in := map[string]bool{}
				for _, n := range cut.Nodes {
					in[n.ID] = true
				}
				for _, e := range cut.Edges {
					if !in[e.Source] || !in[e.Target] {
						t.Fatalf("edge %v leaves the cut subgraph", e)
					}
				}
			}
		}
	}
}

func TestResolve(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	load(t, s, scenario(), nil)
	for _, tc := range []struct{ arg, want, code string }{
		{merz, merz, ""},
		{cMonitor, cMonitor, ""},
		{"Merz", merz, ""},
		{"friedrich MERZ", merz, ""},
		{"Nobody Atall", "", pledgegraph.ENOTFOUND},
		{" .. ", "", pledgegraph.EINVALID},
	} {
		got, err := traverse.Resolve(ctx, s, tc.arg)
		if got != tc.want || pledgegraph.ErrorCode(err) != tc.code {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %s", tc.arg, got, err, tc.want, tc.code)
		}
	}
}
