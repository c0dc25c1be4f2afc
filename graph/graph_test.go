package graph_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"pledgegraph"
)

func TestActorByNameOrAlias(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name, want string
	}{
		{"Volodymyr Zelenskyy", "Volodymyr Zelenskyy"},
		{"Zelenskyy", "Volodymyr Zelenskyy"},
		{"ZELENSKYY", "Volodymyr Zelenskyy"},
		{"zelénskyy", "Volodymyr Zelenskyy"},
		{"Kyiv", "Ukraine"},
		{"UK", "United Kingdom"},
		{"u.k.", "United Kingdom"},
		{"britain", "United Kingdom"},
		{"Paris", "France"},
		{"  Macron ", "Emmanuel Macron"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct{ Actor struct{ Name string } }
			e.data(`query($n: String!) { actor(name: $n) { name } }`, map[string]any{"n": tt.name}, &got)
			if got.Actor.Name != tt.want {
				t.Errorf("actor(name: %q) = %q, want %q", tt.name, got.Actor.Name, tt.want)
			}
		})
	}
}

func TestActorFields(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Actor struct {
			ID, Name, Kind string
			Title          *string
			Aliases        []string
			Country        struct{ Name string }
			Documents      []struct{ Title string }
			Statements     struct {
				TotalCount int
				Nodes      []struct{ Text string }
			}
		}
		France struct {
			Title           *string
			Country         *struct{ Name string }
			Representatives []struct{ Name string }
			Commitments     struct {
				TotalCount int
				Nodes      []struct{ Action string }
			}
			TargetedBy  struct{ TotalCount int }
			MentionedIn struct {
				Nodes []struct{ ID string }
			}
		}
		Ukraine struct {
			TargetedBy struct {
				Nodes []struct {
					Action string
					Actor  struct{ Name string }
				}
			}
		}
	}
	e.data(`{
		actor(name: "zelenskyy") { id name kind title aliases country { name } documents { title }
			statements { totalCount nodes { text } } }
		france: actor(name: "French") { title country { name } representatives { name }
			commitments { totalCount nodes { action } } targetedBy { totalCount } mentionedIn { nodes { id } } }
		ukraine: actor(name: "Ukraine") { targetedBy { nodes { action actor { name } } } }
	}`, nil, &got)

	a := got.Actor
	if a.ID != zelensk.ID || a.Kind != "PERSON" || a.Title == nil || *a.Title != "President" || a.Country.Name != "Ukraine" {
		t.Errorf("actor = %+v", a)
	}
	if !slices.Contains(a.Aliases, "Zelenskyy") {
		t.Errorf("aliases = %q, want Zelenskyy among them", a.Aliases)
	}
	if len(a.Documents) != 1 || a.Documents[0].Title != "Zelenskyy welcomes British aid" {
		t.Errorf("documents = %+v", a.Documents)
	}
	if a.Statements.TotalCount != 2 || len(a.Statements.Nodes) != 2 {
		t.Errorf("statements = %+v", a.Statements)
	}

	f := got.France
	if f.Title != nil || f.Country != nil {
		t.Errorf("a country has no title or country: %+v", f)
	}
	if len(f.Representatives) != 1 || f.Representatives[0].Name != "Emmanuel Macron" {
		t.Errorf("representatives = %+v", f.Representatives)
	}
	actions := []string{}
	for _, n := range f.Commitments.Nodes {
		actions = append(actions, n.Action)
	}
	slices.Sort(actions)
	if f.Commitments.TotalCount != 2 || !slices.Equal(actions, []string{"contribute troops", "deploy forces"}) {
		t.Errorf("commitments = %+v", f.Commitments)
	}
	if f.TargetedBy.TotalCount != 0 {
		t.Errorf("targetedBy = %+v", f.TargetedBy)
	}
	// France is mentioned by Macron's quote and by a quarter of the bulletin.
	if n := len(f.MentionedIn.Nodes); n != 20 { // the default page
		t.Errorf("mentionedIn: %d nodes, want a default page of 20", n)
	}
	for _, n := range f.MentionedIn.Nodes {
		if !strings.HasPrefix(n.ID, "stmt:") {
			t.Errorf("mentionedIn holds %s, want statements only", n.ID)
		}
	}

	var targeted []string
	for _, n := range got.Ukraine.TargetedBy.Nodes {
		targeted = append(targeted, n.Actor.Name+" "+n.Action)
	}
	slices.Sort(targeted)
	want := []string{"France deploy forces", "United Kingdom deploy forces", "United Kingdom supply equipment"}
	if !slices.Equal(targeted, want) {
		t.Errorf("Ukraine targetedBy = %q, want %q", targeted, want)
	}
}

func TestActorsFilter(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name  string
		args  string
		total int
		want  []string // names that must be present
	}{
		{"all", ``, 8 + len(speakers), []string{"NATO", "Ana Lopez", "France"}},
		{"persons", `kind: PERSON`, 2 + len(speakers), []string{"Emmanuel Macron", "Lea Moreau"}},
		{"countries", `kind: COUNTRY`, 5, []string{"France", "United Kingdom", "Ukraine", "Russia", "Croatia"}},
		{"organizations", `kind: ORGANIZATION`, 1, []string{"NATO"}},
		{"search name", `search: "zelen"`, 1, []string{"Volodymyr Zelenskyy"}},
		{"search alias", `search: "kyiv"`, 1, []string{"Ukraine"}},
		{"search and kind", `search: "an", kind: PERSON`, -1, []string{"Ana Lopez", "Emmanuel Macron"}},
		{"no match", `search: "atlantis"`, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct {
				Actors struct {
					TotalCount int
					Nodes      []struct{ Name, Kind string }
				}
			}
			q := `{ actors(first: 100` + sep(tt.args) + `) { totalCount nodes { name kind } } }`
			e.data(q, nil, &got)
			if tt.total >= 0 && got.Actors.TotalCount != tt.total {
				t.Errorf("totalCount = %d, want %d", got.Actors.TotalCount, tt.total)
			}
			var names []string
			for _, n := range got.Actors.Nodes {
				names = append(names, n.Name)
				if strings.Contains(tt.args, "PERSON") && n.Kind != "PERSON" {
					t.Errorf("%s has kind %s", n.Name, n.Kind)
				}
			}
			for _, w := range tt.want {
				if !slices.Contains(names, w) {
					t.Errorf("%s missing from %q", w, names)
				}
			}
		})
	}
}

func sep(args string) string {
	if args == "" {
		return ""
	}
	return ", " + args
}

func TestStatementsFilter(t *testing.T) {
	e := newEnv(t)
	ids := e.ids
	bulletinUK := 0
	for i := range bulletinStatements {
		if i%4 == 1 {
			bulletinUK++
		}
	}
	tests := []struct {
		name  string
		args  string
		total int
		want  []string
	}{
		{"speaker by surname", `speaker: "Macron"`, 1, []string{ids.macronSaid}},
		{"speaker by full name, case-insensitive", `speaker: "volodymyr zelenskyy"`, 2, []string{ids.zelenskyySaid, ids.zelenskyyQuote}},
		{"speaker that is a country", `speaker: "Croatia"`, 1, []string{ids.croatiaSaid}},
		{"mentions by alias", `mentions: "UK"`, 2 + bulletinUK, []string{ids.zelenskyySaid, ids.zelenskyyQuote}},
		{"mentions by capital", `mentions: "Kyiv"`, 1 + bulletinStatements/4, []string{ids.zelenskyySaid}},
		{"direct", `kind: DIRECT`, 2, []string{ids.macronSaid, ids.zelenskyyQuote}},
		{"indirect", `kind: INDIRECT`, 3 + bulletinStatements, []string{ids.officialsSaid}},
		{"search", `search: "NOT JUST WORDS"`, 1, []string{ids.zelenskyyQuote}},
		{"document", fmt.Sprintf(`document: %q`, ids.kyivDoc), 2, []string{ids.zelenskyySaid, ids.zelenskyyQuote}},
		{"speaker and kind", `speaker: "Zelenskyy", kind: DIRECT`, 1, []string{ids.zelenskyyQuote}},
		{"speaker and mentions", `speaker: "Zelenskyy", mentions: "Ukraine"`, 1, []string{ids.zelenskyySaid}},
		{"nothing", `speaker: "Croatia", kind: DIRECT`, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct {
				Statements struct {
					TotalCount int
					Nodes      []struct{ ID string }
				}
			}
			e.data(`{ statements(first: 100, `+tt.args+`) { totalCount nodes { id } } }`, nil, &got)
			if got.Statements.TotalCount != tt.total {
				t.Errorf("totalCount = %d, want %d", got.Statements.TotalCount, tt.total)
			}
			var have []string
			for _, n := range got.Statements.Nodes {
				have = append(have, n.ID)
			}
			for _, w := range tt.want {
				if !slices.Contains(have, w) {
					t.Errorf("%s missing", w)
				}
			}
		})
	}
}

func TestCommitmentsFilter(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name string
		args string
		want []string // "actor|action|target|polarity|modality|condition|amount"
	}{
		{"target", `target: "Ukraine"`, []string{
			"France|deploy forces|Ukraine|POSITIVE|pledged|if a ceasefire is reached with Russia|",
			"United Kingdom|deploy forces|Ukraine|POSITIVE|pledged|if a ceasefire is reached with Russia|",
			"United Kingdom|supply equipment|Ukraine|POSITIVE|would||€2 billion",
		}},
		{"target by alias", `target: "kyiv"`, nil}, // same as above, checked below
		{"actor by alias", `actor: "Britain"`, []string{
			"United Kingdom|deploy forces|Ukraine|POSITIVE|pledged|if a ceasefire is reached with Russia|",
			"United Kingdom|supply equipment|Ukraine|POSITIVE|would||€2 billion",
		}},
		{"refusals", `polarity: NEGATIVE`, []string{"Croatia|deploy troops||NEGATIVE|would not||"}},
		{"pledges of France", `actor: "France", polarity: POSITIVE`, []string{
			"France|contribute troops||POSITIVE|could||several thousand troops",
			"France|deploy forces|Ukraine|POSITIVE|pledged|if a ceasefire is reached with Russia|",
		}},
		{"document", fmt.Sprintf(`document: %q`, e.ids.kyivDoc), []string{
			"United Kingdom|supply equipment|Ukraine|POSITIVE|would||€2 billion",
		}},
		{"none", `actor: "Russia"`, []string{}},
	}
	byTarget := map[string][]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct {
				Commitments struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							Actor                      struct{ Name string }
							Target                     *struct{ Name string }
							Action, Polarity, Modality string
							Condition, Amount          *string
						}
					}
				}
			}
			e.data(`{ commitments(`+tt.args+`) { totalCount edges { node {
				actor { name } action target { name } polarity modality condition amount } } } }`, nil, &got)
			var have []string
			for _, edge := range got.Commitments.Edges {
				n := edge.Node
				target := ""
				if n.Target != nil {
					target = n.Target.Name
				}
				have = append(have, strings.Join([]string{n.Actor.Name, n.Action, target, n.Polarity, n.Modality,
					deref(n.Condition), deref(n.Amount)}, "|"))
			}
			slices.Sort(have)
			if got.Commitments.TotalCount != len(have) {
				t.Errorf("totalCount %d, %d edges", got.Commitments.TotalCount, len(have))
			}
			byTarget[tt.name] = have
			if tt.want != nil && !slices.Equal(have, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(have, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	if !slices.Equal(byTarget["target"], byTarget["target by alias"]) {
		t.Errorf("target: \"kyiv\" = %q, want as target: \"Ukraine\"", byTarget["target by alias"])
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

type pageOf struct {
	TotalCount int
	Edges      []struct {
		Cursor string
		Node   struct{ ID string }
	}
	PageInfo struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
}

// walk pages through a connection with pages of size first and returns every ID.
func walk(t *testing.T, e *env, first int, query string, get func(data json.RawMessage) pageOf) (ids []string, total int) {
	t.Helper()
	var after *string
	for page := 0; ; page++ {
		if page > 1000 {
			t.Fatal("paging does not end")
		}
		r := e.post(query, map[string]any{"first": first, "after": after})
		if len(r.Errors) > 0 {
			t.Fatalf("page %d: %s", page, r.Body)
		}
		p := get(r.Data)
		if page == 0 {
			total = p.TotalCount
		} else if p.TotalCount != total {
			t.Errorf("page %d: totalCount %d, first page said %d", page, p.TotalCount, total)
		}
		if p.PageInfo.HasPreviousPage != (after != nil) {
			t.Errorf("page %d: hasPreviousPage = %v", page, p.PageInfo.HasPreviousPage)
		}
		if len(p.Edges) > first {
			t.Fatalf("page %d has %d edges, asked for %d", page, len(p.Edges), first)
		}
		for _, edge := range p.Edges {
			ids = append(ids, edge.Node.ID)
		}
		if n := len(p.Edges); n > 0 && (p.PageInfo.EndCursor == nil || *p.PageInfo.EndCursor != p.Edges[n-1].Cursor ||
			*p.PageInfo.StartCursor != p.Edges[0].Cursor) {
			t.Errorf("page %d: start/end cursors do not match the edges", page)
		}
		if !p.PageInfo.HasNextPage {
			return ids, total
		}
		if len(p.Edges) != first {
			t.Errorf("page %d: %d edges but hasNextPage", page, len(p.Edges))
		}
		after = p.PageInfo.EndCursor
	}
}

func TestPagination(t *testing.T) {
	e := newEnv(t)
	const pageFields = `totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`
	tests := []struct {
		name  string
		first int
		query string
		get   func(json.RawMessage) pageOf
		total int
	}{
		{"statements", 40, `query($first: Int, $after: String) { statements(first: $first, after: $after) { ` + pageFields + ` } }`,
			func(d json.RawMessage) pageOf {
				var v struct{ Statements pageOf }
				mustJSON(t, d, &v)
				return v.Statements
			},
			bulletinStatements + 5},
		{"statements by speaker", 4, `query($first: Int, $after: String) { statements(speaker: "Ana Lopez", first: $first, after: $after) { ` + pageFields + ` } }`,
			func(d json.RawMessage) pageOf {
				var v struct{ Statements pageOf }
				mustJSON(t, d, &v)
				return v.Statements
			},
			(bulletinStatements + len(speakers) - 1) / len(speakers)},
		{"actors", 3, `query($first: Int, $after: String) { actors(first: $first, after: $after) { ` + pageFields + ` } }`,
			func(d json.RawMessage) pageOf { var v struct{ Actors pageOf }; mustJSON(t, d, &v); return v.Actors },
			8 + len(speakers)},
		{"commitments", 2, `query($first: Int, $after: String) { commitments(first: $first, after: $after) { ` + pageFields + ` } }`,
			func(d json.RawMessage) pageOf {
				var v struct{ Commitments pageOf }
				mustJSON(t, d, &v)
				return v.Commitments
			},
			5},
		{"documents", 1, `query($first: Int, $after: String) { documents(first: $first, after: $after) { ` + pageFields + ` } }`,
			func(d json.RawMessage) pageOf {
				var v struct{ Documents pageOf }
				mustJSON(t, d, &v)
				return v.Documents
			},
			3},
		{"an actor's statements (paged in memory)", 4, `query($first: Int, $after: String) { actor(name: "Ana Lopez") { statements(first: $first, after: $after) { ` + pageFields + ` } } }`,
			func(d json.RawMessage) pageOf {
				var v struct{ Actor struct{ Statements pageOf } }
				mustJSON(t, d, &v)
				return v.Actor.Statements
			},
			(bulletinStatements + len(speakers) - 1) / len(speakers)},
		{"an actor's mentions", 30, `query($first: Int, $after: String) { actor(name: "Russia") { mentionedIn(first: $first, after: $after) { ` + pageFields + ` } } }`,
			func(d json.RawMessage) pageOf {
				var v struct{ Actor struct{ MentionedIn pageOf } }
				mustJSON(t, d, &v)
				return v.Actor.MentionedIn
			},
			bulletinStatements / 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids, total := walk(t, e, tt.first, tt.query, tt.get)
			if total != tt.total {
				t.Errorf("totalCount = %d, want %d", total, tt.total)
			}
			if len(ids) != total {
				t.Errorf("paged through %d items, totalCount %d", len(ids), total)
			}
			seen := map[string]bool{}
			for _, id := range ids {
				if seen[id] {
					t.Errorf("%s served twice", id)
				}
				seen[id] = true
			}
		})
	}
}

func TestPageSizes(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Default, Zero, Max struct {
			TotalCount int
			Edges      []struct{ Cursor string }
			PageInfo   struct{ HasNextPage bool }
		}
	}
	e.data(`{ default: statements { totalCount edges { cursor } pageInfo { hasNextPage } }
		zero: statements(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } }
		max: statements(first: 100) { totalCount edges { cursor } pageInfo { hasNextPage } } }`, nil, &got)
	if n := len(got.Default.Edges); n != 20 || !got.Default.PageInfo.HasNextPage {
		t.Errorf("default page: %d edges, hasNextPage %v; want 20, true", n, got.Default.PageInfo.HasNextPage)
	}
	if n := len(got.Zero.Edges); n != 0 || got.Zero.TotalCount != bulletinStatements+5 || !got.Zero.PageInfo.HasNextPage {
		t.Errorf("first: 0 = %+v; want no edges, the total and hasNextPage", got.Zero)
	}
	if n := len(got.Max.Edges); n != 100 {
		t.Errorf("first: 100 gave %d edges", n)
	}
}

func TestNode(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		id, typename string
	}{
		{uk.ID, "Actor"},
		{e.ids.macronSaid, "Statement"},
		{e.ids.ukSupplies, "Commitment"},
		{e.ids.kyivDoc, "Document"},
	}
	for _, tt := range tests {
		t.Run(tt.typename, func(t *testing.T) {
			var got struct {
				Node struct {
					Typename string `json:"__typename"`
					ID       string
					Name     string // Actor
					Text     string // Statement
					Action   string // Commitment
					Title    string // Document
				}
			}
			e.data(`query($id: ID!) { node(id: $id) { __typename id
				... on Actor { name } ... on Statement { text } ... on Commitment { action } ... on Document { title } } }`,
				map[string]any{"id": tt.id}, &got)
			n := got.Node
			if n.Typename != tt.typename || n.ID != tt.id || n.Name+n.Text+n.Action+n.Title == "" {
				t.Errorf("node(%s) = %+v", tt.id, n)
			}
		})
	}

	t.Run("not stored", func(t *testing.T) {
		for _, id := range []string{"actor:person:nobody", "stmt:0000000000000000", "cmt:0000000000000000", "doc:0000000000000000"} {
			r := e.post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
			if len(r.Errors) > 0 || string(r.Data) != `{"node":null}` {
				t.Errorf("node(%s) = %s, want null without errors", id, r.Body)
			}
		}
	})
	t.Run("nodes", func(t *testing.T) {
		var got struct {
			Nodes []*struct {
				Typename string `json:"__typename"`
				ID       string
			}
		}
		ids := []string{e.ids.kyivDoc, "doc:0000000000000000", uk.ID, e.ids.croatiaRefuses, e.ids.officialsSaid, france.ID}
		e.data(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, map[string]any{"ids": ids}, &got)
		if len(got.Nodes) != len(ids) || got.Nodes[1] != nil {
			t.Fatalf("nodes = %+v", got.Nodes)
		}
		for i, n := range got.Nodes {
			if i != 1 && n.ID != ids[i] {
				t.Errorf("nodes[%d] = %s, want %s", i, n.ID, ids[i])
			}
		}
	})
}

func TestStatementFields(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Croatia, Macron, Officials struct {
			Kind, Text  string
			Speaker     *struct{ Name string }
			Cue         *string
			Mentions    []struct{ Name string }
			Commitments []struct{ Action, Polarity string }
			Document    struct{ ID, Title string }
			Sentence    int
			Start, End  int
			Rule        string
			Confidence  float64
			Evidence    struct {
				Document                 struct{ ID string }
				Sentence, Start, End     int
				Text, SentenceText, Rule string
				Confidence               float64
			}
		}
	}
	const fields = `kind text speaker { name } cue mentions { name } commitments { action polarity }
		document { id title } sentence start end rule confidence
		evidence { document { id } sentence start end text sentenceText rule confidence }`
	e.data(fmt.Sprintf(`{ croatia: node(id: %q) { ... on Statement { %s } }
		macron: node(id: %q) { ... on Statement { %s } }
		officials: node(id: %q) { ... on Statement { %s } } }`,
		e.ids.croatiaSaid, fields, e.ids.macronSaid, fields, e.ids.officialsSaid, fields), nil, &got)

	c := got.Croatia
	if c.Kind != "INDIRECT" || c.Text != "it would not deploy troops" || c.Speaker == nil || c.Speaker.Name != "Croatia" ||
		c.Cue == nil || *c.Cue != "said" || c.Document.ID != e.ids.parisDoc || c.Sentence != 2 {
		t.Errorf("croatia statement = %+v", c)
	}
	if len(c.Commitments) != 1 || c.Commitments[0].Action != "deploy troops" || c.Commitments[0].Polarity != "NEGATIVE" {
		t.Errorf("croatia commitments = %+v", c.Commitments)
	}
	ev := c.Evidence
	if ev.Text != "it would not deploy troops" || ev.Start != c.Start || ev.End != c.End || ev.Document.ID != e.ids.parisDoc ||
		ev.Rule != c.Rule || ev.Confidence != c.Confidence || ev.Sentence != c.Sentence {
		t.Errorf("croatia evidence = %+v", ev)
	}
	if want := "Croatia said it would not deploy troops."; ev.SentenceText != want {
		t.Errorf("sentenceText = %q, want %q (one sentence of a two-sentence line)", ev.SentenceText, want)
	}

	m := got.Macron
	if m.Kind != "DIRECT" || len(m.Mentions) != 1 || m.Mentions[0].Name != "France" {
		t.Errorf("macron statement = %+v", m)
	}
	if want := `"Paris could contribute several thousand troops," French President Emmanuel Macron said.`; m.Evidence.SentenceText != want {
		t.Errorf("sentenceText = %q, want %q", m.Evidence.SentenceText, want)
	}
	if o := got.Officials; o.Speaker != nil || len(o.Mentions) != 0 || len(o.Commitments) != 0 {
		t.Errorf("unattributed statement = %+v, want a null speaker", o)
	}
}

func TestCommitmentFields(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Node struct {
			ID, Action, Polarity, Modality string
			Actor                          struct{ Name string }
			Target                         struct{ Name string }
			Amount, Condition              *string
			Statement                      struct {
				Text    string
				Speaker struct{ Name string }
			}
			Document struct{ Title string }
			Evidence struct{ Text, SentenceText string }
		}
	}
	e.data(`query($id: ID!) { node(id: $id) { ... on Commitment { id action polarity modality amount condition
		actor { name } target { name } statement { text speaker { name } } document { title }
		evidence { text sentenceText } } } }`, map[string]any{"id": e.ids.ukSupplies}, &got)
	n := got.Node
	if n.Actor.Name != "United Kingdom" || n.Target.Name != "Ukraine" || n.Action != "supply equipment" ||
		n.Polarity != "POSITIVE" || n.Modality != "would" || deref(n.Amount) != "€2 billion" || n.Condition != nil {
		t.Errorf("commitment = %+v", n)
	}
	if n.Statement.Speaker.Name != "Volodymyr Zelenskyy" || n.Document.Title != "Zelenskyy welcomes British aid" {
		t.Errorf("commitment statement/document = %+v", n)
	}
	if n.Evidence.Text != "would supply €2 billion in equipment to Kyiv" ||
		n.Evidence.SentenceText != "Ukrainian President Volodymyr Zelenskyy said Britain would supply €2 billion in equipment to Kyiv." {
		t.Errorf("evidence = %+v", n.Evidence)
	}
}

type positioned struct {
	ID    string
	Start int
}

func TestDocument(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Paris, Kyiv struct {
			ID, Title, ContentHash, Text  string
			Source, PublishedAt, Dateline *string
			Actors                        []struct{ Name string }
			Statements                    []positioned
			Commitments                   []positioned
		}
	}
	const fields = `id title source publishedAt dateline contentHash text actors { name } statements { id start } commitments { id start }`
	e.data(fmt.Sprintf(`{ paris: document(id: %q) { %s } kyiv: document(id: %q) { %s } }`,
		e.ids.parisDoc, fields, e.ids.kyivDoc, fields), nil, &got)
	p := got.Paris
	if p.Title != "Allies pledge forces for Ukraine" || deref(p.Source) != "https://example.org/paris" ||
		deref(p.PublishedAt) != "2026-01-06T18:30:00Z" || p.Dateline != nil || p.Text != paris ||
		p.ContentHash != pledgegraph.ContentHash(paris) {
		t.Errorf("paris = %+v", p)
	}
	if len(p.Actors) != 6 || len(p.Statements) != 3 || len(p.Commitments) != 4 {
		t.Errorf("paris has %d actors, %d statements, %d commitments; want 6, 3, 4", len(p.Actors), len(p.Statements), len(p.Commitments))
	}
	byStart := func(a, b positioned) int { return a.Start - b.Start }
	if !slices.IsSortedFunc(p.Statements, byStart) || !slices.IsSortedFunc(p.Commitments, byStart) {
		t.Errorf("statements and commitments are not in reading order: %+v %+v", p.Statements, p.Commitments)
	}
	if k := got.Kyiv; k.PublishedAt != nil || deref(k.Source) != "kyiv.txt" || len(k.Actors) != 3 {
		t.Errorf("kyiv = %+v", k)
	}

	r := e.post(`{ document(id: "doc:0000000000000000") { id } }`, nil)
	if len(r.Errors) > 0 || string(r.Data) != `{"document":null}` {
		t.Errorf("unknown document = %s, want null", r.Body)
	}
}

func TestStats(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Stats struct{ Documents, Actors, Statements, Commitments, Quads int }
	}
	e.data(`{ stats { documents actors statements commitments quads } }`, nil, &got)
	s := got.Stats
	if s.Documents != 3 || s.Actors != 8+len(speakers) || s.Statements != bulletinStatements+5 || s.Commitments != 5 || s.Quads == 0 {
		t.Errorf("stats = %+v", s)
	}
}

// leaks are fragments that must never reach a client.
var leaks = []string{"store.", "cayley", "quad", "sql", "pq:", "goroutine", "runtime", "panic", ".go:", "secret"}

func TestErrors(t *testing.T) {
	e := newEnv(t)
	deep := "{ actor(name: \"UK\") { " + strings.Repeat("country { ", 20) + "name" + strings.Repeat(" }", 20) + " } }"
	tests := []struct {
		name, query string
		vars        map[string]any
		code, msg   string
		status      int
	}{
		{"unknown actor", `{ actor(name: "Atlantis") { name } }`, nil, "NOT_FOUND", `no actor named "Atlantis"`, 200},
		{"unknown speaker", `{ statements(speaker: "Atlantis") { totalCount } }`, nil, "NOT_FOUND", `no actor named "Atlantis"`, 200},
		{"unknown mention", `{ statements(mentions: "Atlantis") { totalCount } }`, nil, "NOT_FOUND", `no actor named "Atlantis"`, 200},
		{"unknown commitment actor", `{ commitments(actor: "Atlantis") { totalCount } }`, nil, "NOT_FOUND", `no actor named "Atlantis"`, 200},
		{"unknown target", `{ commitments(target: "Atlantis") { totalCount } }`, nil, "NOT_FOUND", `no actor named "Atlantis"`, 200},
		{"empty name", `{ actor(name: " ") { name } }`, nil, "INVALID", "must not be empty", 200},
		{"unknown document", `{ statements(document: "doc:0000000000000000") { totalCount } }`, nil, "NOT_FOUND", "no document", 200},
		{"not a document id", `{ commitments(document: "actor:country:france") { totalCount } }`, nil, "INVALID", "not a document ID", 200},
		{"bad cursor", `{ statements(after: "bogus") { totalCount } }`, nil, "INVALID", "cursor", 200},
		{"bad nested cursor", `{ actor(name: "UK") { statements(after: "bogus") { totalCount } } }`, nil, "INVALID", "cursor", 200},
		{"over the page limit", `{ statements(first: 101) { totalCount } }`, nil, "LIMIT_EXCEEDED", "at most 100", 200},
		{"over the nested page limit", `{ actor(name: "UK") { commitments(first: 1000) { totalCount } } }`, nil, "LIMIT_EXCEEDED", "at most 100", 200},
		{"negative first", `{ actors(first: -1) { totalCount } }`, nil, "INVALID", "negative", 200},
		{"malformed id", `{ node(id: "france") { id } }`, nil, "INVALID", "not a pledgegraph ID", 200},
		{"malformed document id", `{ document(id: "france") { id } }`, nil, "INVALID", "not a document ID", 200},
		{"too many nodes", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": make([]string, 101)}, "LIMIT_EXCEEDED", "at most 100", 200},
		{"complexity", `{ actors(first: 100) { edges { node { statements(first: 100) { edges { node { text mentions { name } } } } } } } }`,
			nil, "LIMIT_EXCEEDED", "the limit is 50000", 200},
		{"depth", deep, nil, "LIMIT_EXCEEDED", "deep; the limit is 15", 200},
		{"syntax", `{ actors(first: 1) { `, nil, "GRAPHQL_PARSE_FAILED", "Expected", 422},
		{"unknown field", `{ actors { edges { node { age } } } }`, nil, "GRAPHQL_VALIDATION_FAILED", "age", 422},
		{"bad enum", `{ actors(kind: ROBOT) { totalCount } }`, nil, "GRAPHQL_VALIDATION_FAILED", "ROBOT", 422},
		{"bad enum variable", `query($k: ActorKind) { actors(kind: $k) { totalCount } }`, map[string]any{"k": "person"}, "INVALID", "kind must be one of PERSON", 200},
		{"bad polarity variable", `query($p: Polarity) { commitments(polarity: $p) { totalCount } }`, map[string]any{"p": "negative"}, "INVALID", "polarity must be one of POSITIVE, NEGATIVE", 200},
		{"bad statement kind variable", `query($k: StatementKind) { statements(kind: $k) { totalCount } }`, map[string]any{"k": "Direct"}, "INVALID", "kind must be one of DIRECT, INDIRECT", 200},
		{"bad time variable", `mutation($t: Time) { ingestDocument(input: {text: "x", publishedAt: $t}) { id } }`, map[string]any{"t": "yesterday"}, "INVALID", "neither RFC 3339", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.post(tt.query, tt.vars)
			if r.Status != tt.status {
				t.Errorf("HTTP %d, want %d", r.Status, tt.status)
			}
			if len(r.Errors) == 0 {
				t.Fatalf("no error: %s", r.Body)
			}
			got := r.Errors[0]
			if got.code() != tt.code || !strings.Contains(got.Message, tt.msg) {
				t.Errorf("error = %s %q, want %s containing %q", got.code(), got.Message, tt.code, tt.msg)
			}
			for _, l := range leaks {
				if strings.Contains(strings.ToLower(r.Body), l) {
					t.Errorf("response leaks %q: %s", l, r.Body)
				}
			}
		})
	}
}

func TestQueryOverGET(t *testing.T) {
	e := newEnv(t)
	q := url.Values{"query": {`{ actor(name: "UK") { name } }`}}
	w := httptest.NewRecorder()
	e.handler.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/graphql?"+q.Encode(), nil))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"name":"United Kingdom"`) {
		t.Errorf("GET query: HTTP %d %s", w.Code, w.Body)
	}

	q = url.Values{"query": {`mutation { ingestDocument(input: {text: "x"}) { id } }`}}
	w = httptest.NewRecorder()
	e.handler.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/graphql?"+q.Encode(), nil))
	if w.Code == http.StatusOK || !strings.Contains(w.Body.String(), "GET") {
		t.Errorf("GET mutation: HTTP %d %s, want refused", w.Code, w.Body)
	}
}

func TestIntrospection(t *testing.T) {
	e := newEnv(t)
	c := client.New(e.handler)
	var got struct {
		Type struct {
			Description string
			Fields      []struct{ Name, Description string }
		} `json:"__type"`
	}
	c.MustPost(`{ __type(name: "Commitment") { description fields { name description } } }`, &got)
	if got.Type.Description == "" || len(got.Type.Fields) < 10 {
		t.Fatalf("Commitment type = %+v", got.Type)
	}
	for _, f := range got.Type.Fields {
		if f.Description == "" {
			t.Errorf("Commitment.%s has no description", f.Name)
		}
	}
	// The full introspection query GraphiQL sends is not refused by the depth
	// or complexity limits, and shows documentation for everything.
	r := e.post(introspectionQuery, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("introspection: %s", r.Errors[0].Message)
	}
	var schema struct {
		Schema struct {
			Types []struct {
				Name, Description string
				Fields            []struct {
					Name, Description string
					Args              []struct{ Name, Description string }
				}
				InputFields []struct{ Name, Description string }
				EnumValues  []struct{ Name, Description string }
			}
		} `json:"__schema"`
	}
	mustJSON(t, r.Data, &schema)
	builtin := map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}
	for _, typ := range schema.Schema.Types {
		if strings.HasPrefix(typ.Name, "__") || builtin[typ.Name] {
			continue
		}
		if typ.Description == "" {
			t.Errorf("type %s has no description", typ.Name)
		}
		for _, f := range typ.Fields {
			if f.Description == "" {
				t.Errorf("%s.%s has no description", typ.Name, f.Name)
			}
			for _, a := range f.Args {
				if a.Description == "" {
					t.Errorf("argument %s.%s(%s) has no description", typ.Name, f.Name, a.Name)
				}
			}
		}
		for _, f := range typ.InputFields {
			if f.Description == "" {
				t.Errorf("input field %s.%s has no description", typ.Name, f.Name)
			}
		}
		for _, v := range typ.EnumValues {
			if v.Description == "" {
				t.Errorf("enum value %s.%s has no description", typ.Name, v.Name)
			}
		}
	}
}

const introspectionQuery = `query IntrospectionQuery { __schema { queryType { name } mutationType { name }
  types { ...FullType } directives { name description locations args { ...InputValue } } } }
fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description
  args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }`

func mustJSON(t *testing.T, data json.RawMessage, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decode %s: %v", data, err)
	}
}
