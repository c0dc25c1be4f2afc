package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"pledgegraph"
)

// TestConformance runs every conformance test on every backend.
func TestConformance(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			for _, c := range conformance {
				t.Run(c.name, func(t *testing.T) {
					t.Parallel() // every test has a store of its own
					c.run(t, b.open(t))
				})
			}
		})
	}
}

var conformance = []struct {
	name string
	run  func(t *testing.T, s *Store)
}{
	{"WriteReadBack", testWriteReadBack},
	{"Idempotent", testIdempotent},
	{"SharedActor", testSharedActor},
	{"ActorByName", testActorByName},
	{"FindActors", testFindActors},
	{"FindStatements", testFindStatements},
	{"FindCommitments", testFindCommitments},
	{"Pagination", testPagination},
	{"Neighbors", testNeighbors},
	{"Links", testLinks},
	{"Evidence", testEvidence},
	{"InvalidTriples", testInvalidTriples},
	{"FailedTransaction", testFailedTransaction},
	{"WriteBatch", testWriteBatch},
	{"WriteBatchFailure", testWriteBatchFailure},
	{"WriteBatchConcurrent", testWriteBatchConcurrent},
	{"RoundTrips", testRoundTrips},
	{"CacheCoherence", testCacheCoherence},
	{"Concurrent", testConcurrent},
	{"Errors", testErrors},
}

var ctx = context.Background()

func write(t *testing.T, s *Store, fs ...docFixture) {
	t.Helper()
	for _, f := range fs {
		created, err := s.Write(ctx, f.Doc.ID, f.triples())
		if err != nil {
			t.Fatalf("Write(%s): %v", f.Doc.ID, err)
		}
		if !created {
			t.Fatalf("Write(%s): created=false for a new document", f.Doc.ID)
		}
	}
}

func stats(t *testing.T, s *Store) pledgegraph.Stats {
	t.Helper()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := pledgegraph.ErrorCode(err); got != code {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
}

// expectActor is how an actor of a fixture reads back: aliases sorted,
// without the name.
func expectActor(a pledgegraph.Actor) *pledgegraph.Actor {
	out := a
	out.Aliases = nil
	for _, al := range a.Aliases {
		if al != a.Name {
			out.Aliases = append(out.Aliases, al)
		}
	}
	sort.Strings(out.Aliases)
	return &out
}

func expectStatement(s pledgegraph.Statement) *pledgegraph.Statement {
	out := s
	out.Mentions = slices.Clone(s.Mentions)
	sort.Strings(out.Mentions)
	if len(out.Mentions) == 0 {
		out.Mentions = nil
	}
	return &out
}

func testWriteReadBack(t *testing.T, s *Store) {
	a := fixtureA()
	if ok, err := s.HasDocument(ctx, a.Doc.ID); err != nil || ok {
		t.Fatalf("HasDocument before Write = %v, %v; want false", ok, err)
	}
	write(t, s, a)
	if ok, err := s.HasDocument(ctx, a.Doc.ID); err != nil || !ok {
		t.Fatalf("HasDocument after Write = %v, %v; want true", ok, err)
	}

	docs, err := s.Documents(ctx, []string{a.Doc.ID, "doc:unknown", idUK})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 || docs[1] != nil || docs[2] != nil {
		t.Fatalf("Documents = %v; want [doc nil nil]", docs)
	}
	got, want := *docs[0], a.Doc
	if !got.PublishedAt.Equal(want.PublishedAt) {
		t.Errorf("PublishedAt = %v, want %v", got.PublishedAt, want.PublishedAt)
	}
	got.PublishedAt = want.PublishedAt
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Document =\n%#v\nwant\n%#v", got, want)
	}

	var ids []string
	for _, x := range a.Actors {
		ids = append(ids, x.ID)
	}
	actors, err := s.Actors(ctx, append(ids, "actor:person:nobody", a.Statements[0].ID))
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range a.Actors {
		if !reflect.DeepEqual(actors[i], expectActor(x)) {
			t.Errorf("Actor %s =\n%#v\nwant\n%#v", x.ID, actors[i], expectActor(x))
		}
	}
	if actors[len(ids)] != nil || actors[len(ids)+1] != nil {
		t.Errorf("Actors of an unknown ID and of a statement ID = %v, %v; want nil", actors[len(ids)], actors[len(ids)+1])
	}

	stmts, err := s.Statements(ctx, []string{a.Statements[1].ID, "stmt:unknown", a.Statements[0].ID, idUK})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []*pledgegraph.Statement{expectStatement(a.Statements[1]), nil, expectStatement(a.Statements[0]), nil} {
		if !reflect.DeepEqual(stmts[i], want) {
			t.Errorf("Statements[%d] =\n%#v\nwant\n%#v", i, stmts[i], want)
		}
	}

	cmts, err := s.Commitments(ctx, []string{a.Commitments[0].ID, a.Commitments[1].ID, "cmt:unknown"})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []*pledgegraph.Commitment{&a.Commitments[0], &a.Commitments[1], nil} {
		if !reflect.DeepEqual(cmts[i], want) {
			t.Errorf("Commitments[%d] =\n%#v\nwant\n%#v", i, cmts[i], want)
		}
	}

	st := stats(t, s)
	if want := len(dedup(a.triples())); st.Documents != 1 || st.Actors != 4 || st.Statements != 2 || st.Commitments != 2 || st.Quads != want {
		t.Errorf("Stats = %+v; want 1 document, 4 actors, 2 statements, 2 commitments, %d quads", st, want)
	}

	// Empty batches are fine and cost nothing.
	if as, err := s.Actors(ctx, nil); err != nil || len(as) != 0 {
		t.Errorf("Actors(nil) = %v, %v", as, err)
	}
}

// dedup returns the distinct triples.
func dedup(ts []pledgegraph.Triple) []pledgegraph.Triple {
	seen := map[pledgegraph.Triple]bool{}
	var out []pledgegraph.Triple
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

func testIdempotent(t *testing.T, s *Store) {
	a := fixtureA()
	write(t, s, a)
	before := stats(t, s)
	for i := 0; i < 2; i++ {
		created, err := s.Write(ctx, a.Doc.ID, a.triples())
		if err != nil || created {
			t.Fatalf("re-Write = %v, %v; want created=false, no error", created, err)
		}
	}
	// Same ID, other triples: the stored document is left alone.
	other := fixtureB().triples()
	other = append(other, pledgegraph.Triple{Subject: a.Doc.ID, Predicate: pledgegraph.PredType, Object: pledgegraph.Str(pledgegraph.TypeDocument)})
	if created, err := s.Write(ctx, a.Doc.ID, other); err != nil || created {
		t.Fatalf("Write of other triples under a stored ID = %v, %v; want created=false", created, err)
	}
	if after := stats(t, s); after != before {
		t.Errorf("Stats after re-Write = %+v, want unchanged %+v", after, before)
	}
}

func testSharedActor(t *testing.T, s *Store) {
	a, b := fixtureA(), fixtureB()
	write(t, s, a, b)
	st := stats(t, s)
	if st.Documents != 2 || st.Actors != 7 || st.Statements != 3 || st.Commitments != 3 {
		t.Errorf("Stats = %+v; want 2 documents, 7 actors (Zelenskyy and Ukraine once), 3 statements, 3 commitments", st)
	}
	actors, err := s.Actors(ctx, []string{idZelenskyy, idUkraine})
	if err != nil {
		t.Fatal(err)
	}
	z := actors[0]
	want := &pledgegraph.Actor{ID: idZelenskyy, Name: "Volodymyr Zelenskyy", Kind: pledgegraph.KindPerson,
		Aliases: []string{"Zelensky", "Zelenskyy", "Zelénskyy"}, Title: "President", Country: idUkraine}
	if !reflect.DeepEqual(z, want) {
		t.Errorf("Zelenskyy across two documents =\n%#v\nwant\n%#v", z, want)
	}
	if u := actors[1]; u == nil || !reflect.DeepEqual(u.Aliases, []string{"Kyiv"}) {
		t.Errorf("Ukraine = %#v; want the alias read in one document kept", u)
	}
	ev, err := s.Evidence(ctx, []pledgegraph.Triple{
		{Subject: idZelenskyy, Predicate: pledgegraph.PredType, Object: pledgegraph.Str(pledgegraph.TypeActor)},
		{Subject: idZelenskyy, Predicate: pledgegraph.PredAlias, Object: pledgegraph.Str("Zelensky")},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantEv := map[string][]string{
		idZelenskyy + "|type|Actor":     sortedCopy(a.Doc.ID, b.Doc.ID),
		idZelenskyy + "|alias|Zelensky": {b.Doc.ID},
	}
	if !reflect.DeepEqual(ev, wantEv) {
		t.Errorf("Evidence = %v, want %v", ev, wantEv)
	}
	page, err := s.FindActors(ctx, pledgegraph.ActorFilter{Search: "zelensk"}, pledgegraph.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(page.IDs, []string{idZelenskyy}) || page.Total != 1 {
		t.Errorf("FindActors(zelensk) = %+v; want one node", page)
	}
}

func sortedCopy(xs ...string) []string {
	out := slices.Clone(xs)
	sort.Strings(out)
	return out
}

func testActorByName(t *testing.T, s *Store) {
	write(t, s, fixtureA(), fixtureB(), fixtureGeorgiaPerson())
	for _, c := range []struct{ name, want string }{
		{"Volodymyr Zelenskyy", idZelenskyy},
		{"ZELENSKYY", idZelenskyy},
		{"zelénskyy", idZelenskyy}, // accent folded
		{"Zelensky", idZelenskyy},  // alias read in the second document only
		{"  Keir   Starmer ", idStarmer},
		{"U.K.", idUK},    // "U.K." and "UK" share a key
		{"britain", idUK}, // alias
		{"Harper", idGeorgiaP},
		// "Georgia" is the country's name (one document) and the person's
		// alias (one document): the tie goes to the person.
		{"Georgia", idGeorgiaP},
	} {
		a, err := s.ActorByName(ctx, c.name)
		if err != nil {
			t.Errorf("ActorByName(%q): %v", c.name, err)
			continue
		}
		if a.ID != c.want {
			t.Errorf("ActorByName(%q) = %s, want %s", c.name, a.ID, c.want)
		}
	}
	// A second document naming the country Georgia gives it more evidence.
	more := fixtureMany(1)
	more.Actors = append(more.Actors, pledgegraph.Actor{ID: idGeorgia, Name: "Georgia", Kind: pledgegraph.KindCountry})
	write(t, s, more)
	if a, err := s.ActorByName(ctx, "georgia"); err != nil || a.ID != idGeorgia {
		t.Errorf("ActorByName(georgia) after a second document = %v, %v; want %s (most evidence)", a, err, idGeorgia)
	}

	_, err := s.ActorByName(ctx, "Vladimir Nobody")
	wantCode(t, "ActorByName(unknown)", err, pledgegraph.ENOTFOUND)
	_, err = s.ActorByName(ctx, "Zelensk")
	wantCode(t, "ActorByName(prefix only)", err, pledgegraph.ENOTFOUND)
	_, err = s.ActorByName(ctx, "  ")
	wantCode(t, "ActorByName(blank)", err, pledgegraph.EINVALID)
}

func findAll[F any](t *testing.T, find func(context.Context, F, pledgegraph.PageRequest) (pledgegraph.Page, error), f F) []string {
	t.Helper()
	p, err := find(ctx, f, pledgegraph.PageRequest{First: MaxPageSize})
	if err != nil {
		t.Fatalf("find %+v: %v", f, err)
	}
	if p.Total != len(p.IDs) || p.HasNext {
		t.Fatalf("find %+v: one page of %d with Total %d, HasNext %v", f, len(p.IDs), p.Total, p.HasNext)
	}
	return p.IDs
}

func testFindActors(t *testing.T, s *Store) {
	write(t, s, fixtureA(), fixtureB())
	for _, c := range []struct {
		f    pledgegraph.ActorFilter
		want []string
	}{
		{pledgegraph.ActorFilter{}, []string{idFrance, idUkraine, idUK, idGeorgia, idNATO, idStarmer, idZelenskyy}},
		{pledgegraph.ActorFilter{Kind: pledgegraph.KindPerson}, []string{idStarmer, idZelenskyy}},
		{pledgegraph.ActorFilter{Kind: pledgegraph.KindOrganization}, []string{idNATO}},
		{pledgegraph.ActorFilter{Search: "KINGDOM"}, []string{idUK}},
		{pledgegraph.ActorFilter{Search: "brit"}, []string{idUK}},                                                      // alias
		{pledgegraph.ActorFilter{Search: "zelén"}, []string{idZelenskyy}},                                              // accent folded
		{pledgegraph.ActorFilter{Search: "r"}, []string{idFrance, idUkraine, idUK, idGeorgia, idStarmer, idZelenskyy}}, // Volodymyr
		{pledgegraph.ActorFilter{Search: "r", Kind: pledgegraph.KindCountry}, []string{idFrance, idUkraine, idUK, idGeorgia}},
		{pledgegraph.ActorFilter{Search: "the alliance"}, []string{idNATO}},
		{pledgegraph.ActorFilter{Search: "nowhere"}, nil},
		{pledgegraph.ActorFilter{Search: "Zelensky", Kind: pledgegraph.KindCountry}, nil},
	} {
		got := findAll(t, s.FindActors, c.f)
		want := sortedCopy(c.want...)
		if !slices.Equal(got, want) {
			t.Errorf("FindActors(%+v) = %v, want %v", c.f, got, want)
		}
	}
}

func testFindStatements(t *testing.T, s *Store) {
	a, b := fixtureA(), fixtureB()
	write(t, s, a, b)
	sa1, sa2, sb1 := a.Statements[0].ID, a.Statements[1].ID, b.Statements[0].ID
	for _, c := range []struct {
		f    pledgegraph.StatementFilter
		want []string
	}{
		{pledgegraph.StatementFilter{}, []string{sa1, sa2, sb1}},
		{pledgegraph.StatementFilter{Speaker: idZelenskyy}, []string{sa1, sb1}},
		{pledgegraph.StatementFilter{Speaker: idStarmer}, []string{sa2}},
		{pledgegraph.StatementFilter{Speaker: idUK}, nil},
		{pledgegraph.StatementFilter{Mentions: idUK}, []string{sa2}},
		{pledgegraph.StatementFilter{Mentions: idNATO}, []string{sb1}},
		{pledgegraph.StatementFilter{Kind: pledgegraph.Direct}, []string{sa1, sb1}},
		{pledgegraph.StatementFilter{Kind: pledgegraph.Indirect}, []string{sa2}},
		{pledgegraph.StatementFilter{Document: a.Doc.ID}, []string{sa1, sa2}},
		{pledgegraph.StatementFilter{Document: b.Doc.ID}, []string{sb1}},
		{pledgegraph.StatementFilter{Document: "doc:unknown"}, nil},
		{pledgegraph.StatementFilter{Search: "EUROPE"}, []string{sb1}},
		{pledgegraph.StatementFilter{Search: "no-fly"}, []string{sa2}},
		{pledgegraph.StatementFilter{Search: "e"}, []string{sa1, sa2, sb1}},
		{pledgegraph.StatementFilter{Search: "e", Speaker: idZelenskyy, Kind: pledgegraph.Direct, Document: b.Doc.ID}, []string{sb1}},
		{pledgegraph.StatementFilter{Speaker: idZelenskyy, Mentions: idUK}, nil},
		{pledgegraph.StatementFilter{Search: "not in any text"}, nil},
	} {
		got := findAll(t, s.FindStatements, c.f)
		want := sortedCopy(c.want...)
		if !slices.Equal(got, want) {
			t.Errorf("FindStatements(%+v) = %v, want %v", c.f, got, want)
		}
	}
}

func testFindCommitments(t *testing.T, s *Store) {
	a, b := fixtureA(), fixtureB()
	write(t, s, a, b)
	ca1, ca2, cb1 := a.Commitments[0].ID, a.Commitments[1].ID, b.Commitments[0].ID
	for _, c := range []struct {
		f    pledgegraph.CommitmentFilter
		want []string
	}{
		{pledgegraph.CommitmentFilter{}, []string{ca1, ca2, cb1}},
		{pledgegraph.CommitmentFilter{Actor: idUK}, []string{ca1, ca2}},
		{pledgegraph.CommitmentFilter{Actor: idFrance}, []string{cb1}},
		{pledgegraph.CommitmentFilter{Actor: idZelenskyy}, nil},
		{pledgegraph.CommitmentFilter{Target: idUkraine}, []string{ca1, cb1}},
		{pledgegraph.CommitmentFilter{Polarity: pledgegraph.Negative}, []string{ca2}},
		{pledgegraph.CommitmentFilter{Polarity: pledgegraph.Positive}, []string{ca1, cb1}},
		{pledgegraph.CommitmentFilter{Document: b.Doc.ID}, []string{cb1}},
		{pledgegraph.CommitmentFilter{Actor: idUK, Target: idUkraine, Polarity: pledgegraph.Positive, Document: a.Doc.ID}, []string{ca1}},
		{pledgegraph.CommitmentFilter{Actor: idFrance, Document: a.Doc.ID}, nil},
		{pledgegraph.CommitmentFilter{Modality: "would"}, []string{ca1}}, // not "would not"
		{pledgegraph.CommitmentFilter{Modality: " WOULD not "}, []string{ca2}},
		{pledgegraph.CommitmentFilter{Modality: "Pledged"}, []string{cb1}},
		{pledgegraph.CommitmentFilter{Modality: "pledged", Actor: idUK}, nil},
		{pledgegraph.CommitmentFilter{Modality: "shall"}, nil},
	} {
		got := findAll(t, s.FindCommitments, c.f)
		want := sortedCopy(c.want...)
		if !slices.Equal(got, want) {
			t.Errorf("FindCommitments(%+v) = %v, want %v", c.f, got, want)
		}
	}
	// The modal words read are kept until a write: a new word is found.
	many := fixtureMany(8)
	write(t, s, many)
	var wills []string
	for _, c := range many.Commitments {
		wills = append(wills, c.ID)
	}
	if got, want := findAll(t, s.FindCommitments, pledgegraph.CommitmentFilter{Modality: "Will"}), sortedCopy(wills...); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("after a write, modality Will = %v, want %v", got, want)
	}
	if got := findAll(t, s.FindCommitments, pledgegraph.CommitmentFilter{Modality: "would"}); !slices.Equal(got, []string{ca1}) {
		t.Errorf("after a write, modality would = %v, want %v", got, []string{ca1})
	}
}

// pages walks every page of a find and checks the page invariants.
func pages(t *testing.T, size int, find func(pledgegraph.PageRequest) (pledgegraph.Page, error)) (ids []string, n int) {
	t.Helper()
	after := ""
	total := -1
	for {
		p, err := find(pledgegraph.PageRequest{First: size, After: after})
		if err != nil {
			t.Fatalf("page %d: %v", n, err)
		}
		n++
		if total >= 0 && p.Total != total {
			t.Fatalf("page %d: Total %d, was %d", n, p.Total, total)
		}
		total = p.Total
		if len(p.Cursors) != len(p.IDs) {
			t.Fatalf("page %d: %d cursors for %d IDs", n, len(p.Cursors), len(p.IDs))
		}
		if len(p.IDs) > size || (p.HasNext && len(p.IDs) != size) {
			t.Fatalf("page %d: %d IDs (size %d), HasNext %v", n, len(p.IDs), size, p.HasNext)
		}
		ids = append(ids, p.IDs...)
		if !p.HasNext {
			if len(ids) != total {
				t.Fatalf("pages hold %d IDs, Total says %d", len(ids), total)
			}
			return ids, n
		}
		// Resuming from a middle cursor gives the rest of the page.
		if len(p.IDs) > 1 {
			q, err := find(pledgegraph.PageRequest{First: size, After: p.Cursors[0]})
			if err != nil || !slices.Equal(q.IDs[:len(p.IDs)-1], p.IDs[1:]) {
				t.Fatalf("resume after the first item: %v, %v; want %v first", q.IDs, err, p.IDs[1:])
			}
		}
		after = p.Cursors[len(p.Cursors)-1]
		if n > 1000 {
			t.Fatal("no end of pages")
		}
	}
}

func testPagination(t *testing.T, s *Store) {
	many := fixtureMany(25)
	write(t, s, many, fixtureA())
	all := findAll(t, s.FindStatements, pledgegraph.StatementFilter{})
	if len(all) != 27 || !slices.IsSorted(all) {
		t.Fatalf("FindStatements() = %d IDs (sorted: %v), want 27 in ID order", len(all), slices.IsSorted(all))
	}
	ids, n := pages(t, 10, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
		return s.FindStatements(ctx, pledgegraph.StatementFilter{}, p)
	})
	if n != 3 || !slices.Equal(ids, all) {
		t.Errorf("3 pages of 10 = %d pages, %v; want %v", n, ids, all)
	}
	// A filter: Starmer's indirect statements in the briefing (every third).
	f := pledgegraph.StatementFilter{Speaker: idStarmer, Kind: pledgegraph.Indirect, Document: many.Doc.ID}
	want := findAll(t, s.FindStatements, f)
	if len(want) != 9 {
		t.Fatalf("FindStatements(%+v) = %d, want 9", f, len(want))
	}
	ids, n = pages(t, 4, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) { return s.FindStatements(ctx, f, p) })
	if n != 3 || !slices.Equal(ids, want) {
		t.Errorf("filtered pages of 4 = %d pages, %v; want 3 pages of %v", n, ids, want)
	}
	ids, n = pages(t, 5, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
		return s.FindCommitments(ctx, pledgegraph.CommitmentFilter{Actor: idUK}, p)
	})
	if len(ids) != 15 || n != 3 {
		t.Errorf("commitment pages of 5 = %d IDs in %d pages, want 15 in 3", len(ids), n)
	}
	ids, _ = pages(t, 2, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
		return s.FindActors(ctx, pledgegraph.ActorFilter{Kind: pledgegraph.KindCountry}, p)
	})
	if !slices.Equal(ids, sortedCopy(idFrance, idUkraine, idUK)) {
		t.Errorf("actor pages = %v", ids)
	}
	ids, _ = pages(t, 1, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) { return s.FindDocuments(ctx, p) })
	if !slices.Equal(ids, sortedCopy(many.Doc.ID, fixtureA().Doc.ID)) {
		t.Errorf("document pages = %v", ids)
	}

	// First 0 is the default size; the last cursor gives an empty page.
	p, err := s.FindStatements(ctx, pledgegraph.StatementFilter{}, pledgegraph.PageRequest{})
	if err != nil || len(p.IDs) != 27 || p.HasNext {
		t.Errorf("default page = %d IDs, HasNext %v, %v", len(p.IDs), p.HasNext, err)
	}
	p, err = s.FindStatements(ctx, pledgegraph.StatementFilter{}, pledgegraph.PageRequest{First: 5, After: p.Cursors[26]})
	if err != nil || len(p.IDs) != 0 || p.HasNext || p.Total != 27 {
		t.Errorf("page after the last = %+v, %v", p, err)
	}
	// A document added between pages: the walk neither repeats nor skips
	// what was there.
	p1, _ := s.FindDocuments(ctx, pledgegraph.PageRequest{First: 1})
	write(t, s, fixtureB())
	p2, err := s.FindDocuments(ctx, pledgegraph.PageRequest{First: 10, After: p1.Cursors[0]})
	if err != nil || slices.Contains(p2.IDs, p1.IDs[0]) || p2.Total != 3 {
		t.Errorf("page after a write = %+v, %v", p2, err)
	}

	for _, c := range []struct {
		p    pledgegraph.PageRequest
		code string
	}{
		{pledgegraph.PageRequest{First: -1}, pledgegraph.EINVALID},
		{pledgegraph.PageRequest{First: MaxPageSize + 1}, pledgegraph.ELIMIT},
		{pledgegraph.PageRequest{After: "not a cursor"}, pledgegraph.EINVALID},
		{pledgegraph.PageRequest{After: "c1:stmt:x"}, pledgegraph.EINVALID}, // not encoded
	} {
		_, err := s.FindStatements(ctx, pledgegraph.StatementFilter{}, c.p)
		wantCode(t, fmt.Sprintf("FindStatements(%+v)", c.p), err, c.code)
		_, err = s.FindDocuments(ctx, c.p)
		wantCode(t, fmt.Sprintf("FindDocuments(%+v)", c.p), err, c.code)
	}
}

func testNeighbors(t *testing.T, s *Store) {
	a, b := fixtureA(), fixtureB()
	write(t, s, a, b)
	sa1, sa2, sb1 := a.Statements[0].ID, a.Statements[1].ID, b.Statements[0].ID
	for _, c := range []struct {
		ids  []string
		pred string
		dir  pledgegraph.Direction
		want map[string][]string
	}{
		{[]string{idZelenskyy, idStarmer, idNATO}, pledgegraph.PredSaid, pledgegraph.Out, map[string][]string{
			idZelenskyy: sortedCopy(sa1, sb1), idStarmer: {sa2}}},
		{[]string{sa1, sa2, sb1}, pledgegraph.PredSaid, pledgegraph.In, map[string][]string{
			sa1: {idZelenskyy}, sa2: {idStarmer}, sb1: {idZelenskyy}}},
		// Documents mention every actor read in them, statements theirs.
		{[]string{idFrance, idNATO, idUK}, pledgegraph.PredMentions, pledgegraph.In, map[string][]string{
			idFrance: sortedCopy(b.Doc.ID, sb1), idNATO: sortedCopy(b.Doc.ID, sb1), idUK: sortedCopy(a.Doc.ID, sa2)}},
		// Zelenskyy represents Ukraine in both documents: one neighbour.
		{[]string{idZelenskyy, idStarmer}, pledgegraph.PredRepresents, pledgegraph.Out, map[string][]string{
			idZelenskyy: {idUkraine}, idStarmer: {idUK}}},
		{[]string{idUkraine}, pledgegraph.PredRepresents, pledgegraph.In, map[string][]string{idUkraine: {idZelenskyy}}},
		// Literal objects come as text.
		{[]string{idUK}, pledgegraph.PredAlias, pledgegraph.Out, map[string][]string{idUK: {"Britain", "UK"}}},
		{[]string{sa1}, pledgegraph.PredStart, pledgegraph.Out, map[string][]string{sa1: {"23"}}},
		{[]string{"actor:person:nobody"}, pledgegraph.PredSaid, pledgegraph.Out, map[string][]string{}},
		{nil, pledgegraph.PredSaid, pledgegraph.Out, map[string][]string{}},
	} {
		got, err := s.Neighbors(ctx, c.ids, c.pred, c.dir)
		if err != nil {
			t.Errorf("Neighbors(%v, %s, %v): %v", c.ids, c.pred, c.dir, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Neighbors(%v, %s, %v) = %v, want %v", c.ids, c.pred, c.dir, got, c.want)
		}
	}
	_, err := s.Neighbors(ctx, []string{idUK}, "likes", pledgegraph.Out)
	wantCode(t, "Neighbors(unknown predicate)", err, pledgegraph.EINVALID)
	_, err = s.Neighbors(ctx, []string{idUK}, pledgegraph.PredSaid, pledgegraph.Direction(7))
	wantCode(t, "Neighbors(bad direction)", err, pledgegraph.EINVALID)
}

// Links answers as Neighbors does, with each edge's documents.
func testLinks(t *testing.T, s *Store) {
	a, b := fixtureA(), fixtureB()
	write(t, s, a, b)
	both := sortedCopy(a.Doc.ID, b.Doc.ID)
	got, err := s.Links(ctx, []string{idZelenskyy, idUK, "actor:person:nobody"}, pledgegraph.PredRepresents, pledgegraph.Out)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]pledgegraph.Link{idZelenskyy: {{Node: idUkraine, Documents: both}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Links(represents, Out) = %v, want %v", got, want)
	}
	got, err = s.Links(ctx, []string{idUkraine}, pledgegraph.PredRepresents, pledgegraph.In)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, map[string][]pledgegraph.Link{idUkraine: {{Node: idZelenskyy, Documents: both}}}) {
		t.Errorf("Links(represents, In) = %v", got)
	}
	// Every relation, both directions: the same nodes as Neighbors, and the
	// documents Evidence gives for the same triples.
	ids := []string{idZelenskyy, idUK, idUkraine, idFrance, a.Doc.ID, b.Doc.ID, a.Statements[0].ID, a.Commitments[0].ID}
	for _, pred := range []string{pledgegraph.PredSaid, pledgegraph.PredPledged, pledgegraph.PredMentions, pledgegraph.PredTarget, pledgegraph.PredInDocument, pledgegraph.PredStatedIn} {
		for _, dir := range []pledgegraph.Direction{pledgegraph.Out, pledgegraph.In} {
			links, err := s.Links(ctx, ids, pred, dir)
			if err != nil {
				t.Fatal(err)
			}
			nbs, err := s.Neighbors(ctx, ids, pred, dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range ids {
				var nodes []string
				var triples []pledgegraph.Triple
				for _, l := range links[id] {
					nodes = append(nodes, l.Node)
					tr := pledgegraph.Triple{Subject: id, Predicate: pred, Object: pledgegraph.IRI(l.Node)}
					if dir == pledgegraph.In {
						tr = pledgegraph.Triple{Subject: l.Node, Predicate: pred, Object: pledgegraph.IRI(id)}
					}
					triples = append(triples, tr)
				}
				if !reflect.DeepEqual(nodes, nbs[id]) {
					t.Errorf("Links(%s, %s, %d) nodes %v, Neighbors %v", id, pred, dir, nodes, nbs[id])
				}
				if len(triples) == 0 {
					continue
				}
				ev, err := s.Evidence(ctx, triples)
				if err != nil {
					t.Fatal(err)
				}
				for i, l := range links[id] {
					if w := ev[EvidenceKey(triples[i])]; len(l.Documents) == 0 || !reflect.DeepEqual(l.Documents, w) {
						t.Errorf("Links(%s, %s, %d): %s has documents %v, Evidence %v", id, pred, dir, l.Node, l.Documents, w)
					}
				}
			}
		}
	}
	_, err = s.Links(ctx, []string{idUK}, "likes", pledgegraph.Out)
	wantCode(t, "Links(unknown predicate)", err, pledgegraph.EINVALID)
}

func testEvidence(t *testing.T, s *Store) {
	a, b := fixtureA(), fixtureB()
	write(t, s, a, b)
	sa1 := a.Statements[0].ID
	triples := []pledgegraph.Triple{
		{Subject: idZelenskyy, Predicate: pledgegraph.PredSaid, Object: pledgegraph.IRI(sa1)},
		{Subject: idZelenskyy, Predicate: pledgegraph.PredRepresents, Object: pledgegraph.IRI(idUkraine)},
		{Subject: idUkraine, Predicate: pledgegraph.PredName, Object: pledgegraph.Str("Ukraine")},
		{Subject: sa1, Predicate: pledgegraph.PredStart, Object: pledgegraph.Int(23)},
		{Subject: sa1, Predicate: pledgegraph.PredStart, Object: pledgegraph.Str("23")}, // same key, other kind: not stored
		{Subject: sa1, Predicate: pledgegraph.PredConfidence, Object: pledgegraph.Float(0.9)},
		{Subject: sa1, Predicate: pledgegraph.PredEnd, Object: pledgegraph.Int(99)}, // not stored
		{Subject: idUK, Predicate: pledgegraph.PredPledged, Object: pledgegraph.IRI(a.Commitments[1].ID)},
	}
	got, err := s.Evidence(ctx, triples)
	if err != nil {
		t.Fatal(err)
	}
	both := sortedCopy(a.Doc.ID, b.Doc.ID)
	want := map[string][]string{
		EvidenceKey(triples[0]): {a.Doc.ID},
		EvidenceKey(triples[1]): both,
		EvidenceKey(triples[2]): both,
		EvidenceKey(triples[3]): {a.Doc.ID},
		EvidenceKey(triples[5]): {a.Doc.ID},
		EvidenceKey(triples[7]): {a.Doc.ID},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Evidence =\n%v\nwant\n%v", got, want)
	}
	if k := EvidenceKey(triples[5]); k != sa1+"|confidence|0.9" {
		t.Errorf("EvidenceKey = %q", k)
	}
	_, err = s.Evidence(ctx, []pledgegraph.Triple{{Subject: idUK, Predicate: "likes", Object: pledgegraph.IRI(idFrance)}})
	wantCode(t, "Evidence(unknown predicate)", err, pledgegraph.EINVALID)
}

func testInvalidTriples(t *testing.T, s *Store) {
	a := fixtureA()
	docType := pledgegraph.Triple{Subject: a.Doc.ID, Predicate: pledgegraph.PredType, Object: pledgegraph.Str(pledgegraph.TypeDocument)}
	for _, c := range []struct {
		name string
		bad  pledgegraph.Triple
		msg  string
	}{
		{"empty subject", pledgegraph.Triple{Predicate: pledgegraph.PredName, Object: pledgegraph.Str("x")}, "empty subject"},
		{"empty predicate", pledgegraph.Triple{Subject: idUK, Object: pledgegraph.Str("x")}, "empty predicate"},
		{"unknown predicate", pledgegraph.Triple{Subject: idUK, Predicate: "likes", Object: pledgegraph.IRI(idFrance)}, "unknown predicate"},
		{"empty IRI", pledgegraph.Triple{Subject: idUK, Predicate: pledgegraph.PredSaid, Object: pledgegraph.IRI("")}, "empty IRI"},
		{"literal for an edge", pledgegraph.Triple{Subject: idUK, Predicate: pledgegraph.PredSaid, Object: pledgegraph.Str("stmt:1")}, "want a IRI"},
		{"IRI for a literal", pledgegraph.Triple{Subject: idUK, Predicate: pledgegraph.PredName, Object: pledgegraph.IRI("x")}, "want a string"},
		{"string for an int", pledgegraph.Triple{Subject: idUK, Predicate: pledgegraph.PredStart, Object: pledgegraph.Str("3")}, "want a int"},
		{"unknown kind", pledgegraph.Triple{Subject: idUK, Predicate: pledgegraph.PredName, Object: pledgegraph.Term{Kind: 9}}, "unknown object kind"},
		{"NaN", pledgegraph.Triple{Subject: idUK, Predicate: pledgegraph.PredConfidence, Object: pledgegraph.Float(math.NaN())}, "finite"},
		{"bad UTF-8", pledgegraph.Triple{Subject: idUK, Predicate: pledgegraph.PredName, Object: pledgegraph.Str("\xff")}, "UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			triples := a.triples()
			// The bad triple goes last: nothing before it may be written.
			triples = append(triples, c.bad)
			created, err := s.Write(ctx, a.Doc.ID, triples)
			wantCode(t, "Write", err, pledgegraph.EINVALID)
			if created || !strings.Contains(pledgegraph.ErrorMessage(err), c.msg) {
				t.Errorf("Write = %v, %q; want created=false and a message with %q", created, pledgegraph.ErrorMessage(err), c.msg)
			}
		})
	}
	_, err := s.Write(ctx, a.Doc.ID, slices.DeleteFunc(a.triples(), func(t pledgegraph.Triple) bool { return t == docType }))
	wantCode(t, "Write without the document's type", err, pledgegraph.EINVALID)
	_, err = s.Write(ctx, "", a.triples())
	wantCode(t, "Write with no document ID", err, pledgegraph.EINVALID)

	if st := stats(t, s); st != (pledgegraph.Stats{}) {
		t.Errorf("Stats after invalid writes = %+v, want empty", st)
	}
	write(t, s, a) // and the store still takes the valid document
}

// testFailedTransaction makes the backend fail a transaction after it has
// applied part of it: the new document's quads, then one quad already stored
// (a strict writer refuses a duplicate). Nothing may be left behind.
func testFailedTransaction(t *testing.T, s *Store) {
	a, b := fixtureA(), fixtureB()
	write(t, s, a)
	before := stats(t, s)
	quads, err := documentQuads(b.Doc.ID, b.triples())
	if err != nil {
		t.Fatal(err)
	}
	stored, err := documentQuads(a.Doc.ID, a.triples())
	if err != nil {
		t.Fatal(err)
	}
	failures := map[string][]quad.Quad{
		"duplicate": append(slices.Clone(quads), stored[len(stored)-1]),
	}
	if s.Backend() == BackendPostgres {
		// PostgreSQL also refuses text that is not UTF-8.
		failures["invalid text"] = append(slices.Clone(quads),
			quad.Quad{Subject: quad.IRI(idFrance), Predicate: quad.IRI(pledgegraph.PredAlias), Object: quad.String("Fran\xe7e"), Label: quad.IRI(b.Doc.ID)})
	}
	for name, qs := range failures {
		err := s.apply(ctx, qs)
		if err == nil {
			t.Fatalf("%s: apply succeeded", name)
		}
		if name == "duplicate" && !graph.IsQuadExist(err) {
			t.Errorf("%s: error %v, want a quad-exists error", name, err)
		}
		if after := stats(t, s); after != before {
			t.Errorf("%s: Stats after the failed transaction = %+v, want %+v", name, after, before)
		}
		if ok, _ := s.HasDocument(ctx, b.Doc.ID); ok {
			t.Errorf("%s: HasDocument(b) after the failed transaction", name)
		}
		if as, _ := s.Actors(ctx, []string{idFrance}); as[0] != nil {
			t.Errorf("%s: France (only in b) readable after the failed transaction: %+v", name, as[0])
		}
		if ev, _ := s.Evidence(ctx, []pledgegraph.Triple{{Subject: idZelenskyy, Predicate: pledgegraph.PredAlias, Object: pledgegraph.Str("Zelensky")}}); len(ev) != 0 {
			t.Errorf("%s: quads of b left behind: %v", name, ev)
		}
	}
	// The store still works: a document with other new nodes first (a
	// store that remembered the rolled-back node IDs would hand them out
	// again and mix nodes up), then the document that failed.
	g := fixtureGeorgiaPerson()
	write(t, s, g, b)
	as, err := s.Actors(ctx, []string{idFrance, idGeorgiaP, idNATO, idZelenskyy})
	if err != nil {
		t.Fatal(err)
	}
	z := b.Actors[0]
	z.Aliases, z.Title = append(z.Aliases, "Zelenskyy"), "President"
	for i, want := range []pledgegraph.Actor{b.Actors[2], g.Actors[0], b.Actors[3], z} {
		if !reflect.DeepEqual(as[i], expectActor(want)) {
			t.Errorf("after the failed transaction, Actor %s =\n%#v\nwant\n%#v", want.ID, as[i], expectActor(want))
		}
	}
	if st := stats(t, s); st.Documents != 3 || st.Actors != 8 || st.Statements != 3 || st.Commitments != 3 {
		t.Errorf("Stats after writing g and b = %+v; want 3 documents, 8 actors, 3 statements, 3 commitments", st)
	}
	// Write itself maps a duplicate (a concurrent writer won) to created=false.
	if created, err := s.Write(ctx, b.Doc.ID, b.triples()); err != nil || created {
		t.Errorf("re-Write(b) = %v, %v", created, err)
	}
}

// trips returns the round trips f costs.
func trips(s *Store, f func()) int64 {
	before := s.RoundTrips()
	f()
	return s.RoundTrips() - before
}

// tripsOK reports whether a call that costs want round trips when nothing
// is cached made got: at most want (what the store decoded before costs
// none), plus the generation check on a store shared through PostgreSQL.
func tripsOK(s *Store, got, want int64) bool {
	if s.gens != nil {
		return got <= want+1
	}
	return got <= want
}

// genChecks is the round trips the generation checks of that many store
// calls reading from the cache cost: one each on PostgreSQL, none elsewhere.
func genChecks(s *Store, calls int64) int64 {
	if s.gens != nil {
		return calls
	}
	return 0
}

func testRoundTrips(t *testing.T, s *Store) {
	many := fixtureMany(40)
	write(t, s, fixtureA(), fixtureB(), many)
	var sids, cids []string
	for _, x := range many.Statements {
		sids = append(sids, x.ID)
	}
	for _, x := range many.Commitments {
		cids = append(cids, x.ID)
	}
	aids := []string{idZelenskyy, idStarmer, idUK, idUkraine, idFrance, idNATO, idGeorgia}
	docs := []string{many.Doc.ID, fixtureA().Doc.ID, fixtureB().Doc.ID}
	for _, c := range []struct {
		name string
		want int64
		call func(ids []string) error
		ids  []string
	}{
		{"Actors", 1, func(ids []string) error { _, err := s.Actors(ctx, ids); return err }, aids},
		{"Statements", 2, func(ids []string) error { _, err := s.Statements(ctx, ids); return err }, sids},
		{"Commitments", 2, func(ids []string) error { _, err := s.Commitments(ctx, ids); return err }, cids},
		{"Documents", 1, func(ids []string) error { _, err := s.Documents(ctx, ids); return err }, docs},
		{"Neighbors", 1, func(ids []string) error {
			_, err := s.Neighbors(ctx, ids, pledgegraph.PredSaid, pledgegraph.In)
			return err
		}, sids},
		{"Evidence", 1, func(ids []string) error {
			var ts []pledgegraph.Triple
			for _, id := range ids {
				ts = append(ts, pledgegraph.Triple{Subject: idStarmer, Predicate: pledgegraph.PredSaid, Object: pledgegraph.IRI(id)})
			}
			_, err := s.Evidence(ctx, ts)
			return err
		}, sids},
	} {
		// The same cost for one ID as for all of them.
		for _, ids := range [][]string{c.ids[:1], c.ids} {
			var err error
			if got := trips(s, func() { err = c.call(ids) }); err != nil || !tripsOK(s, got, c.want) {
				t.Errorf("%s of %d IDs: %d round trips (err %v), want %d", c.name, len(ids), got, err, c.want)
			}
		}
	}
	for _, c := range []struct {
		name string
		want int64
		call func() error
	}{
		{"ActorByName", 2, func() error { _, err := s.ActorByName(ctx, "Starmer"); return err }},
		{"FindStatements{}", 1, func() error {
			_, err := s.FindStatements(ctx, pledgegraph.StatementFilter{}, pledgegraph.PageRequest{})
			return err
		}},
		{"FindStatements{all filters}", 5, func() error {
			_, err := s.FindStatements(ctx, pledgegraph.StatementFilter{Speaker: idStarmer, Mentions: idFrance,
				Kind: pledgegraph.Indirect, Document: many.Doc.ID, Search: "remark"}, pledgegraph.PageRequest{})
			return err
		}},
		{"FindCommitments{all filters}", 4, func() error {
			_, err := s.FindCommitments(ctx, pledgegraph.CommitmentFilter{Actor: idUK, Target: idFrance,
				Polarity: pledgegraph.Negative, Document: many.Doc.ID}, pledgegraph.PageRequest{})
			return err
		}},
		{"FindActors{Kind,Search}", 2, func() error {
			_, err := s.FindActors(ctx, pledgegraph.ActorFilter{Kind: pledgegraph.KindCountry, Search: "an"}, pledgegraph.PageRequest{})
			return err
		}},
		{"FindDocuments", 1, func() error { _, err := s.FindDocuments(ctx, pledgegraph.PageRequest{}); return err }},
		{"HasDocument", 1, func() error { _, err := s.HasDocument(ctx, many.Doc.ID); return err }},
		{"Stats", 2, func() error { _, err := s.Stats(ctx); return err }},
		{"Write (new)", 2, func() error {
			_, err := s.Write(ctx, fixtureGeorgiaPerson().Doc.ID, fixtureGeorgiaPerson().triples())
			return err
		}},
		{"Write (stored)", 1, func() error { _, err := s.Write(ctx, many.Doc.ID, many.triples()); return err }},
	} {
		var err error
		if got := trips(s, func() { err = c.call() }); err != nil || !tripsOK(s, got, c.want) {
			t.Errorf("%s: %d round trips (err %v), want %d", c.name, got, err, c.want)
		}
	}
}

func testConcurrent(t *testing.T, s *Store) {
	var fs []docFixture
	for i := 0; i < 6; i++ {
		f := fixtureMany(3 + i)
		fs = append(fs, f)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for _, f := range fs {
		for w := 0; w < 2; w++ { // every document written twice at once
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := s.Write(ctx, f.Doc.ID, f.triples()); err != nil {
					errs <- err
				}
			}()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.FindStatements(ctx, pledgegraph.StatementFilter{Speaker: idStarmer}, pledgegraph.PageRequest{}); err != nil {
				errs <- err
			}
			if _, err := s.Actors(ctx, []string{idStarmer, idUK}); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent call: %v", err)
	}
	st := stats(t, s)
	if st.Documents != 6 || st.Actors != 3 || st.Statements != 3+4+5+6+7+8 {
		t.Errorf("Stats after concurrent writes = %+v", st)
	}
}

func testErrors(t *testing.T, s *Store) {
	_, err := s.FindActors(ctx, pledgegraph.ActorFilter{Kind: "planet"}, pledgegraph.PageRequest{})
	wantCode(t, "FindActors(bad kind)", err, pledgegraph.EINVALID)
	_, err = s.FindStatements(ctx, pledgegraph.StatementFilter{Kind: "shouted"}, pledgegraph.PageRequest{})
	wantCode(t, "FindStatements(bad kind)", err, pledgegraph.EINVALID)
	_, err = s.FindCommitments(ctx, pledgegraph.CommitmentFilter{Polarity: "maybe"}, pledgegraph.PageRequest{})
	wantCode(t, "FindCommitments(bad polarity)", err, pledgegraph.EINVALID)
	_, err = s.Actors(ctx, make([]string, MaxBatch+1))
	wantCode(t, "Actors(too many)", err, pledgegraph.ELIMIT)

	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	_, err = s.HasDocument(ctx, "doc:x")
	wantCode(t, "HasDocument after Close", err, pledgegraph.EINTERNAL)
	if msg := pledgegraph.ErrorMessage(err); msg != "internal error" {
		t.Errorf("message after Close = %q, want the internal details hidden", msg)
	}
	var pe *pledgegraph.Error
	if !errors.As(err, &pe) || pe.Err == nil {
		t.Errorf("error after Close keeps no cause: %#v", err)
	}
}

// testCacheCoherence reads nodes and evidence, writes a document that
// changes them, and reads again: what a store keeps between calls must never
// hide a write, nor be changed through the values it returned.
func testCacheCoherence(t *testing.T, s *Store) {
	a, b := fixtureA(), fixtureB()
	write(t, s, a)
	alias := pledgegraph.Triple{Subject: idZelenskyy, Predicate: pledgegraph.PredAlias, Object: pledgegraph.Str("Zelensky")}
	read := func() (*pledgegraph.Actor, map[string][]string) {
		t.Helper()
		as, err := s.Actors(ctx, []string{idZelenskyy})
		if err != nil || as[0] == nil {
			t.Fatalf("Actors = %v, %v", as, err)
		}
		ev, err := s.Evidence(ctx, []pledgegraph.Triple{alias})
		if err != nil {
			t.Fatal(err)
		}
		return as[0], ev
	}
	z, ev := read()
	if slices.Contains(z.Aliases, "Zelensky") || len(ev) != 0 {
		t.Fatalf("before b: aliases %q, evidence %v; want no Zelensky", z.Aliases, ev)
	}
	// Modifying returned values changes nothing stored.
	z.Aliases[0], z.Name = "mangled", "mangled"
	ds, err := s.Documents(ctx, []string{a.Doc.ID})
	if err != nil || ds[0] == nil {
		t.Fatalf("Documents = %v, %v", ds, err)
	}
	title := ds[0].Title
	ds[0].Title = "mangled"
	sid := ""
	for _, x := range a.Statements {
		if len(x.Mentions) > 0 {
			sid = x.ID
		}
	}
	sts, err := s.Statements(ctx, []string{sid})
	if err != nil || sts[0] == nil || len(sts[0].Mentions) == 0 {
		t.Fatalf("Statements = %v, %v", sts, err)
	}
	mention := sts[0].Mentions[0]
	sts[0].Mentions[0] = "mangled"
	var again *pledgegraph.Actor
	n := trips(s, func() {
		as, _ := s.Actors(ctx, []string{idZelenskyy})
		again = as[0]
		ds, _ = s.Documents(ctx, []string{a.Doc.ID})
		sts, _ = s.Statements(ctx, []string{sid})
	})
	if again.Name != "Volodymyr Zelenskyy" || slices.Contains(again.Aliases, "mangled") || ds[0].Title != title || sts[0].Mentions[0] != mention {
		t.Errorf("a returned value changed what the store keeps: %+v, %q, %q", again, ds[0].Title, sts[0].Mentions)
	}
	// Nothing but, on PostgreSQL, one generation check per call.
	if want := genChecks(s, 3); n != want {
		t.Errorf("reading the same nodes again cost %d round trips, want %d (cached)", n, want)
	}
	// Sets (actors by name, statements by speaker, all documents) are
	// cached too, and a write that adds to them is seen.
	sets := func() (string, int, int) {
		t.Helper()
		z, err := s.ActorByName(ctx, "Zelensky")
		id := ""
		if err == nil {
			id = z.ID
		} else if pledgegraph.ErrorCode(err) != pledgegraph.ENOTFOUND {
			t.Fatal(err)
		}
		st, err := s.FindStatements(ctx, pledgegraph.StatementFilter{Speaker: idZelenskyy}, pledgegraph.PageRequest{First: 1})
		if err != nil {
			t.Fatal(err)
		}
		ds, err := s.FindDocuments(ctx, pledgegraph.PageRequest{First: 1})
		if err != nil {
			t.Fatal(err)
		}
		return id, st.Total, ds.Total
	}
	byAlias, said, docs := sets()
	if n := trips(s, func() { sets() }); n > 2+genChecks(s, 3) {
		t.Errorf("asking the same sets again cost %d round trips, want at most %d", n, 2+genChecks(s, 3))
	}
	write(t, s, b)
	z, ev = read()
	if !slices.Contains(z.Aliases, "Zelensky") || !slices.Equal(ev[EvidenceKey(alias)], []string{b.Doc.ID}) {
		t.Errorf("after b: aliases %q, evidence %v; want Zelensky read in %s", z.Aliases, ev, b.Doc.ID)
	}
	byAlias2, said2, docs2 := sets()
	if byAlias != "" || byAlias2 != idZelenskyy || said2 <= said || docs2 != docs+1 {
		t.Errorf("sets before b (%q, %d statements, %d documents), after b (%q, %d, %d): the write was not seen",
			byAlias, said, docs, byAlias2, said2, docs2)
	}
}

func batchOf(fs ...docFixture) []pledgegraph.DocumentTriples {
	out := make([]pledgegraph.DocumentTriples, len(fs))
	for i, f := range fs {
		out[i] = pledgegraph.DocumentTriples{ID: f.Doc.ID, Triples: f.triples()}
	}
	return out
}

// checkDocumentQuads checks that the quads labelled with a document are
// exactly the quads Write makes of its triples.
func checkDocumentQuads(t *testing.T, s *Store, docID string, triples []pledgegraph.Triple) {
	t.Helper()
	want, err := documentQuads(docID, triples)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.query(ctx, pattern{Labels: []quad.Value{quad.IRI(docID)}})
	if err != nil {
		t.Fatal(err)
	}
	key := func(q quad.Quad) string { return q.String() }
	gotKeys, wantKeys := make([]string, len(got)), make([]string, len(want))
	for i, q := range got {
		gotKeys[i] = key(q)
	}
	for i, q := range want {
		wantKeys[i] = key(q)
	}
	slices.Sort(gotKeys)
	slices.Sort(wantKeys)
	if !slices.Equal(gotKeys, wantKeys) {
		t.Errorf("quads of %s: %d stored, want the %d of its triples", docID, len(gotKeys), len(wantKeys))
	}
}

func testWriteBatch(t *testing.T, s *Store) {
	a, b, g, many := fixtureA(), fixtureB(), fixtureGeorgiaPerson(), fixtureMany(5)
	write(t, s, a)
	bad := pledgegraph.DocumentTriples{ID: "doc:bad", Triples: []pledgegraph.Triple{{Subject: "doc:bad", Predicate: pledgegraph.PredTitle, Object: pledgegraph.Str("no type")}}}
	docs := batchOf(a, b, g)
	docs = append(docs, bad)
	docs = append(docs, batchOf(b, many)...)
	docs = append(docs, pledgegraph.DocumentTriples{ID: ""})
	var (
		res []pledgegraph.WriteResult
		err error
	)
	// One round trip to see what is stored, one transaction.
	if got := trips(s, func() { res, err = s.WriteBatch(ctx, docs) }); err != nil || !tripsOK(s, got, 2) {
		t.Fatalf("WriteBatch: %d round trips, err %v; want 2", got, err)
	}
	if len(res) != len(docs) {
		t.Fatalf("WriteBatch: %d results for %d documents", len(res), len(docs))
	}
	for i, want := range []struct {
		created bool
		code    string
	}{
		{false, ""}, // a, stored before
		{true, ""},  // b
		{true, ""},  // g
		{false, pledgegraph.EINVALID},
		{false, ""}, // b again
		{true, ""},  // many
		{false, pledgegraph.EINVALID},
	} {
		if res[i].Created != want.created || pledgegraph.ErrorCode(res[i].Err) != want.code {
			t.Errorf("result %d (%s) = %+v, want created=%v code %q", i, docs[i].ID, res[i], want.created, want.code)
		}
	}
	for _, f := range []docFixture{a, b, g, many} {
		checkDocumentQuads(t, s, f.Doc.ID, f.triples())
	}
	if ok, _ := s.HasDocument(ctx, bad.ID); ok {
		t.Errorf("the invalid document was stored")
	}
	if st := stats(t, s); st.Documents != 4 || st.Statements != 3+5 {
		t.Errorf("Stats after WriteBatch = %+v; want 4 documents, 8 statements", st)
	}
	// A stored document is not written twice.
	before := stats(t, s)
	res, err = s.WriteBatch(ctx, batchOf(g, a, many))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Created || r.Err != nil {
			t.Errorf("re-WriteBatch result %d = %+v, want created=false", i, r)
		}
	}
	if after := stats(t, s); after != before {
		t.Errorf("Stats after writing stored documents again = %+v, want %+v", after, before)
	}

	// More quads than one transaction takes: several transactions, each
	// document whole in one.
	var big []docFixture
	quads := 0
	for i := 0; quads <= batchQuads; i++ {
		f := benchDoc(500000 + i)
		big = append(big, f)
		quads += len(f.triples())
	}
	if got := trips(s, func() { res, err = s.WriteBatch(ctx, batchOf(big...)) }); err != nil || got < 3 {
		t.Fatalf("WriteBatch of %d quads: %d round trips, err %v; want at least 3", quads, got, err)
	}
	for i, r := range res {
		if !r.Created || r.Err != nil {
			t.Errorf("big batch result %d = %+v", i, r)
		}
	}
	for _, f := range big {
		checkDocumentQuads(t, s, f.Doc.ID, f.triples())
	}
	if st := stats(t, s); st.Documents != 4+len(big) {
		t.Errorf("Stats after a batch of %d = %+v", len(big), st)
	}

	_, err = s.WriteBatch(ctx, make([]pledgegraph.DocumentTriples, MaxBatch+1))
	wantCode(t, "WriteBatch(too many)", err, pledgegraph.ELIMIT)
}

// testWriteBatchFailure makes a batch transaction fail on one document:
// the others are written, the failing one leaves nothing of its own behind.
func testWriteBatchFailure(t *testing.T, s *Store) {
	a, b, g := fixtureA(), fixtureB(), fixtureGeorgiaPerson()
	// One quad of b (not its type Document quad) is stored already, as if
	// by a writer that does not go through Write: b's transaction fails.
	bq, err := documentQuads(b.Doc.ID, b.triples())
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(bq, func(q quad.Quad) bool { return q.Object != quad.String(pledgegraph.TypeDocument) })
	if err := s.apply(ctx, bq[i:i+1]); err != nil {
		t.Fatal(err)
	}
	// An invalid document first, b twice: results by position in docs.
	docs := append([]pledgegraph.DocumentTriples{{ID: "doc:bad"}}, batchOf(a, b, g, b)...)
	res, err := s.WriteBatch(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	if pledgegraph.ErrorCode(res[0].Err) != pledgegraph.EINVALID {
		t.Errorf("result of the invalid document = %+v", res[0])
	}
	if !res[1].Created || res[1].Err != nil || !res[3].Created || res[3].Err != nil {
		t.Errorf("results of the documents that can be written = %+v, %+v", res[1], res[3])
	}
	for _, i := range []int{2, 4} { // b is tried again as Write would
		if res[i].Created || pledgegraph.ErrorCode(res[i].Err) != pledgegraph.EINTERNAL {
			t.Errorf("result %d, of the failing document = %+v, want an internal error", i, res[i])
		}
	}
	checkDocumentQuads(t, s, a.Doc.ID, a.triples())
	checkDocumentQuads(t, s, g.Doc.ID, g.triples())
	got, err := s.query(ctx, pattern{Labels: []quad.Value{quad.IRI(b.Doc.ID)}})
	if err != nil || len(got) != 1 {
		t.Errorf("quads of the failing document: %d (err %v), want only the one stored before", len(got), err)
	}
	if ok, _ := s.HasDocument(ctx, b.Doc.ID); ok {
		t.Errorf("HasDocument(b) after its failed write")
	}
	if st := stats(t, s); st.Documents != 2 {
		t.Errorf("Stats = %+v, want 2 documents", st)
	}
	// The store still works after the failure.
	res, err = s.WriteBatch(ctx, batchOf(fixtureMany(4), a))
	if err != nil || !res[0].Created || res[0].Err != nil || res[1].Created || res[1].Err != nil {
		t.Errorf("WriteBatch after the failure = %+v, %v", res, err)
	}
}

// testWriteBatchConcurrent writes the same documents from several batches
// at once, with readers: each document is created by exactly one of them.
func testWriteBatchConcurrent(t *testing.T, s *Store) {
	var fs []docFixture
	for i := 0; i < 6; i++ {
		fs = append(fs, fixtureMany(3+i))
	}
	const writers = 3
	results := make([][]pledgegraph.WriteResult, writers)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for w := 0; w < writers; w++ {
		order := slices.Clone(fs)
		if w%2 == 1 {
			slices.Reverse(order)
		}
		wg.Go(func() {
			res, err := s.WriteBatch(ctx, batchOf(order...))
			if err != nil {
				errs <- err
			}
			if w%2 == 1 {
				slices.Reverse(res)
			}
			results[w] = res
		})
		wg.Go(func() {
			if _, err := s.FindStatements(ctx, pledgegraph.StatementFilter{Speaker: idStarmer}, pledgegraph.PageRequest{}); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent call: %v", err)
	}
	for i, f := range fs {
		created := 0
		for w := range writers {
			if r := results[w][i]; r.Err != nil {
				t.Errorf("writer %d, %s: %v", w, f.Doc.ID, r.Err)
			} else if r.Created {
				created++
			}
		}
		if created != 1 {
			t.Errorf("%s created by %d writers, want 1", f.Doc.ID, created)
		}
		checkDocumentQuads(t, s, f.Doc.ID, f.triples())
	}
	if st := stats(t, s); st.Documents != 6 || st.Statements != 3+4+5+6+7+8 {
		t.Errorf("Stats after concurrent batches = %+v", st)
	}
}
