package search_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"pledgegraph"
	"pledgegraph/graph/search"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse/traversetest"
	"pledgegraph/loader/triples"
)

var quiet = slog.New(slog.DiscardHandler)

const (
	docA = "doc:aaaaaaaaaaaaaaaa"
	docB = "doc:bbbbbbbbbbbbbbbb"
)

var (
	zelenskyy = pledgegraph.ActorID(pledgegraph.KindPerson, "Volodymyr Zelenskyy")
	merz      = pledgegraph.ActorID(pledgegraph.KindPerson, "Friedrich Merz")
	macron    = pledgegraph.ActorID(pledgegraph.KindPerson, "Emmanuel Macron")
	us        = pledgegraph.ActorID(pledgegraph.KindCountry, "United States")
	uk        = pledgegraph.ActorID(pledgegraph.KindCountry, "United Kingdom")
	ukraine   = pledgegraph.ActorID(pledgegraph.KindCountry, "Ukraine")
	germany   = pledgegraph.ActorID(pledgegraph.KindCountry, "Germany")
	france    = pledgegraph.ActorID(pledgegraph.KindCountry, "France")
	coalition = pledgegraph.ActorID(pledgegraph.KindOrganization, "Coalition of the willing")
)

type stmt struct {
	speaker  string
	text     string
	mentions []string
}

func ev(doc string, i int) pledgegraph.Evidence {
	return pledgegraph.Evidence{Document: doc, Sentence: i, Start: i * 100, End: i*100 + 90, Rule: "test", Confidence: 1}
}

// corpus is two documents after the seed article.
func corpus() []*pledgegraph.Extraction {
	a := &pledgegraph.Extraction{
		Document: pledgegraph.Document{ID: docA, Title: "US backs security guarantees for Ukraine at Paris summit", Text: "…"},
		Actors: []pledgegraph.Actor{
			{ID: zelenskyy, Name: "Volodymyr Zelenskyy", Kind: pledgegraph.KindPerson, Aliases: []string{"Zelenskyy"}, Title: "President", Country: ukraine},
			{ID: merz, Name: "Friedrich Merz", Kind: pledgegraph.KindPerson, Aliases: []string{"Merz"}, Title: "Chancellor", Country: germany},
			{ID: macron, Name: "Emmanuel Macron", Kind: pledgegraph.KindPerson, Aliases: []string{"Macron"}, Title: "President", Country: france},
			{ID: us, Name: "United States", Kind: pledgegraph.KindCountry, Aliases: []string{"US", "Washington"}},
			{ID: uk, Name: "United Kingdom", Kind: pledgegraph.KindCountry, Aliases: []string{"UK", "Britain"}},
			{ID: ukraine, Name: "Ukraine", Kind: pledgegraph.KindCountry, Aliases: []string{"Kyiv", "Ukrainian"}},
			{ID: germany, Name: "Germany", Kind: pledgegraph.KindCountry, Aliases: []string{"German"}},
			{ID: france, Name: "France", Kind: pledgegraph.KindCountry, Aliases: []string{"Paris", "French"}},
			{ID: coalition, Name: "Coalition of the willing", Kind: pledgegraph.KindOrganization},
		},
	}
	for i, s := range []stmt{
		{zelenskyy, "It's important that today the coalition has substantive documents. These are not just words.", []string{coalition}},
		{zelenskyy, "a signal of how seriously Europe and the entire coalition of the willing are ready to work for real security", []string{coalition}},
		{zelenskyy, "for its readiness to be a backstop in all areas — security guarantees, monitoring a ceasefire and rebuilding", []string{us}},
		{merz, "We will certainly have to make compromises", nil},
		{merz, "we will not achieve textbook diplomatic solutions", nil},
		{macron, "the robust guarantees would see the US lead a truce monitoring mechanism with European participation", []string{us}},
	} {
		a.Statements = append(a.Statements, pledgegraph.Statement{
			ID: pledgegraph.StatementID(docA, pledgegraph.Direct, i*100, i*100+90), Kind: pledgegraph.Direct,
			Text: s.text, Speaker: s.speaker, Cue: "said", Mentions: s.mentions, Evidence: ev(docA, i)})
	}
	a.Commitments = []pledgegraph.Commitment{
		{ID: pledgegraph.CommitmentID(docA, us, "lead a truce monitoring mechanism", 500, 590), Actor: us,
			Action: "lead a truce monitoring mechanism", Target: ukraine, Polarity: pledgegraph.Positive, Modality: "would",
			Statement: a.Statements[5].ID, Evidence: ev(docA, 5)},
		{ID: pledgegraph.CommitmentID(docA, france, "deploy forces to Ukrainian territory", 700, 790), Actor: france,
			Action: "deploy forces to Ukrainian territory", Target: ukraine, Polarity: pledgegraph.Positive, Modality: "pledged",
			Condition: "if a ceasefire is reached with Russia", Evidence: ev(docA, 7)},
		{ID: pledgegraph.CommitmentID(docA, germany, "join to monitor a ceasefire", 300, 390), Actor: germany,
			Action: "join to monitor a ceasefire", Polarity: pledgegraph.Positive, Modality: "could",
			Statement: a.Statements[3].ID, Evidence: ev(docA, 3)},
	}
	b := &pledgegraph.Extraction{
		Document: pledgegraph.Document{ID: docB, Title: "Zelenskyy thanks allies", Text: "…"},
		Actors: []pledgegraph.Actor{
			{ID: zelenskyy, Name: "Volodymyr Zelenskyy", Kind: pledgegraph.KindPerson, Aliases: []string{"Zelensky", "Ukrainian president"}, Country: ukraine},
			{ID: ukraine, Name: "Ukraine", Kind: pledgegraph.KindCountry},
		},
		Statements: []pledgegraph.Statement{{ID: pledgegraph.StatementID(docB, pledgegraph.Indirect, 0, 90), Kind: pledgegraph.Indirect,
			Text: "the talks had determined which countries would take the lead on ensuring security", Speaker: zelenskyy,
			Cue: "said", Evidence: ev(docB, 0)}},
	}
	return []*pledgegraph.Extraction{a, b}
}

func openIndex(t testing.TB, path string) *search.Index {
	t.Helper()
	ix, err := search.Open(context.Background(), search.Config{Path: path, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func indexAll(t testing.TB, ix *search.Index, xs []*pledgegraph.Extraction) {
	t.Helper()
	for _, x := range xs {
		if err := ix.Index(context.Background(), x); err != nil {
			t.Fatal(err)
		}
	}
}

func stmtID(doc string, i int) string {
	return pledgegraph.StatementID(doc, pledgegraph.Direct, i*100, i*100+90)
}

// marked renders a hit's snippet with its highlights in [brackets].
func marked(h search.Hit) string {
	var b strings.Builder
	last := 0
	for _, s := range h.Highlights {
		b.WriteString(h.Snippet[last:s.Start] + "[" + h.Snippet[s.Start:s.End] + "]")
		last = s.End
	}
	b.WriteString(h.Snippet[last:])
	return b.String()
}

func TestSearch(t *testing.T) {
	ix := openIndex(t, "")
	indexAll(t, ix, corpus())
	tests := []struct {
		name    string
		text    string
		types   []string
		top     string // ID of the first hit
		snippet string // its marked snippet, when set
		has     []string
		not     []string // IDs that must not be hits
	}{
		{"exact name", "Volodymyr Zelenskyy", nil, zelenskyy, "[Volodymyr] [Zelenskyy]", nil, nil},
		{"surname alias", "zelenskyy", nil, zelenskyy, "Volodymyr [Zelenskyy]", []string{stmtID(docA, 0)}, nil},
		{"prefix", "Zelen", nil, zelenskyy, "Volodymyr [Zelenskyy]", nil, nil},
		{"short prefix", "Mer", nil, merz, "Friedrich [Merz]", nil, nil},
		{"typo, one edit", "Zelenskky", nil, zelenskyy, "", nil, nil},
		{"typo, two edits", "Merts", nil, merz, "", nil, []string{macron}},
		{"accents and case", "ZELÉNSKYY", nil, zelenskyy, "", nil, nil},
		{"alias from another document", "Zelensky", nil, zelenskyy, "", nil, nil},
		{"title and name", "Chancellor Merz", nil, merz, "", nil, nil},
		{"abbreviation", "U.K.", nil, uk, "", nil, nil},
		{"words of a statement", "textbook diplomatic solutions", nil, stmtID(docA, 4),
			"we will not achieve [textbook] [diplomatic] [solutions]", nil, nil},
		{"stems", "compromise", nil, stmtID(docA, 3), "We will certainly have to make [compromises]", nil, nil},
		{"commitment action and condition", "deploy forces ceasefire", nil,
			pledgegraph.CommitmentID(docA, france, "deploy forces to Ukrainian territory", 700, 790),
			"[deploy] [forces] to Ukrainian territory if a [ceasefire] is reached with Russia", nil, nil},
		{"words of a name and of the text", "Merz compromises", nil, stmtID(docA, 3), "We will certainly have to make [compromises]", nil, nil},
		{"possessive", "Zelenskyy's backstop", nil, stmtID(docA, 2), "", nil, nil},
		{"no hit has every word: any word", "textbook xylophone", nil, stmtID(docA, 4), "we will not achieve [textbook] diplomatic solutions", nil, nil},
		{"speaker and mention", "Zelenskyy United States", []string{pledgegraph.TypeStatement}, stmtID(docA, 2), "", nil, []string{zelenskyy, us}},
		{"only actors", "monitoring", []string{pledgegraph.TypeActor}, "", "", nil, []string{stmtID(docA, 5)}},
		{"documents when asked", "Paris summit", []string{pledgegraph.TypeDocument}, docA, "", nil, nil},
		{"no document by default", "Paris summit", nil, "", "", nil, []string{docA}},
		{"nothing", "xylophone", nil, "", "", nil, nil},
	}
	ctx := context.Background()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ix.Find(ctx, search.Query{Text: tc.text, Types: tc.types, First: 50})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, h := range res.Hits {
				ids = append(ids, h.ID)
				if h.Type != pledgegraph.NodeType(h.ID) {
					t.Errorf("hit %s has type %q", h.ID, h.Type)
				}
				for _, s := range h.Highlights {
					if s.Start < 0 || s.End > len(h.Snippet) || s.Start >= s.End {
						t.Errorf("highlight %v out of snippet %q", s, h.Snippet)
					}
				}
			}
			if res.Total != len(res.Hits) || res.HasNext {
				t.Errorf("Total %d, HasNext %v for %d hits", res.Total, res.HasNext, len(res.Hits))
			}
			if tc.top == "" {
				if tc.has == nil && tc.not == nil && len(ids) > 0 {
					t.Errorf("hits %v, want none", ids)
				}
			} else if len(ids) == 0 || ids[0] != tc.top {
				t.Fatalf("hits %v, want %s first", ids, tc.top)
			}
			if tc.snippet != "" {
				if got := marked(res.Hits[0]); got != tc.snippet {
					t.Errorf("snippet %q, want %q", got, tc.snippet)
				}
			}
			for _, id := range tc.has {
				if !slices.Contains(ids, id) {
					t.Errorf("%s not among the hits %v", id, ids)
				}
			}
			for _, id := range tc.not {
				if slices.Contains(ids, id) {
					t.Errorf("%s among the hits %v", id, ids)
				}
			}
		})
	}
}

func TestSearchErrors(t *testing.T) {
	ix := openIndex(t, "")
	indexAll(t, ix, corpus())
	ctx := context.Background()
	for _, tc := range []struct {
		q    search.Query
		code string
	}{
		{search.Query{Text: "  "}, pledgegraph.EINVALID},
		{search.Query{Text: "\xff"}, pledgegraph.EINVALID},
		{search.Query{Text: strings.Repeat("a ", 300)}, pledgegraph.EINVALID},
		{search.Query{Text: "a", First: -1}, pledgegraph.EINVALID},
		{search.Query{Text: "a", First: 101}, pledgegraph.ELIMIT},
		{search.Query{Text: "a", After: "!!"}, pledgegraph.EINVALID},
		{search.Query{Text: "a", Types: []string{"Thing"}}, pledgegraph.EINVALID},
	} {
		if _, err := ix.Find(ctx, tc.q); pledgegraph.ErrorCode(err) != tc.code {
			t.Errorf("Find(%+v): %v, want %s", tc.q, err, tc.code)
		}
	}
}

// Paging through a query gives the single-page answer, in order, with
// stable cursors.
func TestSearchPaging(t *testing.T) {
	ix := openIndex(t, "")
	indexAll(t, ix, corpus())
	indexAll(t, ix, traversetest.Corpus(2, 40))
	ctx := context.Background()
	for _, text := range []string{"security", "ceasefire troops", "Zelenskyy", "minister"} {
		whole, err := ix.Search(ctx, text, 100, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(whole.Hits) < 5 {
			t.Fatalf("%q: %d hits, too few to page", text, len(whole.Hits))
		}
		var paged []search.Hit
		after := ""
		for pages := 0; ; pages++ {
			res, err := ix.Search(ctx, text, 3, after)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != whole.Total {
				t.Fatalf("%q: page total %d, whole %d", text, res.Total, whole.Total)
			}
			paged = append(paged, res.Hits...)
			if !res.HasNext {
				break
			}
			after = res.Hits[len(res.Hits)-1].Cursor
			if pages > 100 {
				t.Fatal("paging does not end")
			}
		}
		n := min(len(whole.Hits), 100)
		if len(paged) < n {
			t.Fatalf("%q: %d hits paged, %d whole", text, len(paged), n)
		}
		for i := range n {
			if paged[i].ID != whole.Hits[i].ID {
				t.Fatalf("%q: hit %d is %s paged, %s whole", text, i, paged[i].ID, whole.Hits[i].ID)
			}
			if i > 0 && paged[i].Score > paged[i-1].Score {
				t.Fatalf("%q: scores not descending at %d", text, i)
			}
		}
	}
}

func TestIndexIdempotentAndMergesAliases(t *testing.T) {
	ctx := context.Background()
	ix := openIndex(t, "")
	xs := corpus()
	indexAll(t, ix, xs[:1])
	c1, err := ix.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	indexAll(t, ix, xs[:1])
	if c2, _ := ix.Counts(ctx); c2 != c1 {
		t.Fatalf("counts %+v after indexing again, were %+v", c2, c1)
	}
	if want := (search.Counts{Documents: 1, Actors: 9, Statements: 6, Commitments: 3}); c1 != want {
		t.Fatalf("counts %+v, want %+v", c1, want)
	}
	// Document B brings the alias "Zelensky" and no title: both names and
	// the title still find the one actor entry.
	indexAll(t, ix, xs[1:])
	for _, q := range []string{"Zelensky", "Zelenskyy", "President Volodymyr", "Ukrainian president"} {
		res, err := ix.Find(ctx, search.Query{Text: q, Types: []string{pledgegraph.TypeActor}})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID != zelenskyy {
			t.Errorf("%q: hits %v", q, res.Hits)
		}
	}
	if c, _ := ix.Counts(ctx); c.Actors != 9 || c.Documents != 2 {
		t.Errorf("counts %+v", c)
	}

	// The same in one batch: the actor of both documents is merged within it.
	batch := openIndex(t, "")
	if err := batch.IndexAll(ctx, append(corpus(), corpus()...)); err != nil {
		t.Fatal(err)
	}
	if c, _ := batch.Counts(ctx); c != (search.Counts{Documents: 2, Actors: 9, Statements: 7, Commitments: 3}) {
		t.Errorf("counts after IndexAll %+v", c)
	}
	for _, q := range []string{"Zelensky", "President Volodymyr", "Ukrainian president"} {
		res, err := batch.Find(ctx, search.Query{Text: q, Types: []string{pledgegraph.TypeActor}})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID != zelenskyy {
			t.Errorf("IndexAll, %q: hits %v", q, res.Hits)
		}
	}
}

func TestOnDisk(t *testing.T) {
	ctx := context.Background()
	path := search.DefaultPath(filepath.Join(t.TempDir(), "pledgegraph.db"))
	ix, err := search.Open(ctx, search.Config{Path: path, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	indexAll(t, ix, corpus())
	// A second opener of the same directory fails instead of hanging.
	if _, err := search.Open(ctx, search.Config{Path: path, Logger: quiet}); err == nil {
		t.Error("a second Open of a directory in use succeeded")
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix = openIndex(t, path)
	res, err := ix.Search(ctx, "Merts", 5, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != merz {
		t.Fatalf("after reopening: hits %v", res.Hits)
	}
	if err := ix.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if c, _ := ix.Counts(ctx); c != (search.Counts{}) {
		t.Fatalf("after Rebuild: %+v", c)
	}
	if ix.Dir() != path {
		t.Errorf("Dir() = %q, want %q", ix.Dir(), path)
	}

	// Without a path the index lives in a temporary directory until Close.
	tmp, err := search.Open(ctx, search.Config{Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	indexAll(t, tmp, corpus())
	if _, err := os.Stat(tmp.Dir()); err != nil {
		t.Fatalf("temporary index: %v", err)
	}
	if err := tmp.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp.Dir()); !os.IsNotExist(err) {
		t.Errorf("temporary index %s left behind (%v)", tmp.Dir(), err)
	}
}

// Sync brings an index in step with a store another process wrote to.
func TestSync(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{Backend: store.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	xs := append(corpus(), traversetest.Corpus(4, 20)...)
	for _, x := range xs {
		if _, err := s.Write(ctx, x.Document.ID, triples.Build(x)); err != nil {
			t.Fatal(err)
		}
	}
	ix := openIndex(t, "")
	indexAll(t, ix, xs[:1]) // this process indexed the first one only
	st, err := ix.Sync(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != len(xs)-1 {
		t.Errorf("Sync indexed %d documents, want %d", st.Documents, len(xs)-1)
	}
	want, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ix.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Documents != want.Documents || got.Actors != want.Actors || got.Statements != want.Statements || got.Commitments != want.Commitments {
		t.Fatalf("index counts %+v, store %+v", got, want)
	}
	// What Sync read from the store is searchable like what Index got.
	res, err := ix.Find(ctx, search.Query{Text: "determined lead ensuring security Zelenskyy", Types: []string{pledgegraph.TypeStatement}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != pledgegraph.StatementID(docB, pledgegraph.Indirect, 0, 90) {
		t.Fatalf("hits %v", res.Hits)
	}
	if st, err := ix.Sync(ctx, s); err != nil || st != (search.SyncStats{}) {
		t.Fatalf("second Sync: %+v, %v", st, err)
	}
}
