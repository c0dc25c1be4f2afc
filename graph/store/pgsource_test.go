package store

import (
	"errors"
	"slices"
	"testing"

	"pledgegraph"
)

type scanRow [4]string // subject, predicate, object, document

func TestScanLinks(t *testing.T) {
	s := openPostgresFresh(t)
	a, b := fixtureA(), fixtureB()
	var nodes []string
	for _, f := range []docFixture{a, b} {
		if _, err := s.Write(ctx, f.Doc.ID, f.triples()); err != nil {
			t.Fatal(err)
		}
		nodes = append(nodes, f.Doc.ID)
		for _, x := range f.Actors {
			nodes = append(nodes, x.ID)
		}
		for _, x := range f.Statements {
			nodes = append(nodes, x.ID)
		}
		for _, x := range f.Commitments {
			nodes = append(nodes, x.ID)
		}
	}
	slices.Sort(nodes)
	nodes = slices.Compact(nodes)
	// The same edges as Links gives of every node, one row per document;
	// alias has literal objects only, so no row.
	preds := []string{pledgegraph.PredSaid, pledgegraph.PredPledged, pledgegraph.PredRepresents, pledgegraph.PredMentions,
		pledgegraph.PredTarget, pledgegraph.PredStatedIn, pledgegraph.PredInDocument, pledgegraph.PredAlias}
	var want []scanRow
	multi := false
	for _, p := range preds {
		links, err := s.Links(ctx, nodes, p, pledgegraph.Out)
		if err != nil {
			t.Fatal(err)
		}
		for from, ls := range links {
			for _, l := range ls {
				if pledgegraph.NodeType(l.Node) == "" {
					continue // a literal
				}
				multi = multi || len(l.Documents) > 1
				for _, d := range l.Documents {
					want = append(want, scanRow{from, p, l.Node, d})
				}
			}
		}
	}
	slices.SortFunc(want, compareRows)
	if len(want) < 20 || !multi {
		t.Fatalf("%d expected rows (an edge in several documents: %v): the fixtures do not exercise the scan", len(want), multi)
	}
	before := s.RoundTrips()
	var got []scanRow
	err := s.ScanLinks(ctx, preds, func(sub, pred, obj, doc string) error {
		got = append(got, scanRow{sub, pred, obj, doc})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := s.RoundTrips() - before; n != 2 {
		t.Errorf("ScanLinks made %d round trips, want 2", n)
	}
	slices.SortFunc(got, compareRows)
	if !slices.Equal(got, want) {
		t.Fatalf("ScanLinks gave %d rows, Links %d:\n got %q\nwant %q", len(got), len(want), got, want)
	}

	// A subset of predicates gives their rows only.
	got = got[:0]
	if err := s.ScanLinks(ctx, []string{pledgegraph.PredSaid}, func(sub, pred, obj, doc string) error {
		got = append(got, scanRow{sub, pred, obj, doc})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(got, compareRows)
	saidOnly := slices.DeleteFunc(slices.Clone(want), func(r scanRow) bool { return r[1] != pledgegraph.PredSaid })
	if len(saidOnly) == 0 || !slices.Equal(got, saidOnly) {
		t.Fatalf("said only: got %q, want %q", got, saidOnly)
	}

	// An error from fn stops the scan and comes back as is.
	stop := errors.New("stop")
	calls := 0
	if err := s.ScanLinks(ctx, preds, func(string, string, string, string) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Fatalf("fn error: got %v after %d calls, want %v after 1", err, calls, stop)
	}
	if err := s.ScanLinks(ctx, []string{"nope"}, func(string, string, string, string) error { return nil }); pledgegraph.ErrorCode(err) != pledgegraph.EINVALID {
		t.Fatalf("unknown predicate: %v, want INVALID", err)
	}
}

func compareRows(a, b scanRow) int {
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

func TestGeneration(t *testing.T) {
	dsn := freshPostgresDSN(t)
	s1, s2 := openPostgresAt(t, dsn), openPostgresAt(t, dsn)
	g0, err := s1.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if g, err := s1.Generation(ctx); err != nil || g != g0 {
		t.Fatalf("generation moved without a write: %d then %d (%v)", g0, g, err)
	}
	// A write by the other store advances it; so does a write of this one.
	a, b := fixtureA(), fixtureB()
	if _, err := s2.Write(ctx, a.Doc.ID, a.triples()); err != nil {
		t.Fatal(err)
	}
	g1, err := s1.Generation(ctx)
	if err != nil || g1 <= g0 {
		t.Fatalf("after another store's write: generation %d (%v), want > %d", g1, err, g0)
	}
	if _, err := s1.Write(ctx, b.Doc.ID, b.triples()); err != nil {
		t.Fatal(err)
	}
	if g2, err := s2.Generation(ctx); err != nil || g2 <= g1 {
		t.Fatalf("after this store's write: generation %d (%v), want > %d", g2, err, g1)
	}
}

// The other backends have no generation and no scan: callers fall back.
func TestPostgresOnlyReads(t *testing.T) {
	for _, open := range []opener{openMemory, openBoltTemp} {
		s := open(t)
		if _, err := s.Generation(ctx); !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("%s: Generation error %v, want ErrUnsupported", s.Backend(), err)
		}
		err := s.ScanLinks(ctx, []string{pledgegraph.PredSaid}, func(string, string, string, string) error { return nil })
		if !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("%s: ScanLinks error %v, want ErrUnsupported", s.Backend(), err)
		}
	}
}
