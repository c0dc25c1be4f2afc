package traverse_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lib/pq"

	"pledgegraph"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse"
	"pledgegraph/graph/traverse/traversetest"
)

// linksOnly hides the optional interfaces of a Source (ScanLinks,
// Generation): builds ask Links, checks count documents.
type linksOnly struct{ traverse.Source }

// openPostgres opens a store on a fresh database, dropped when the test
// ends; skipped with PLEDGEGRAPH_SKIP_POSTGRES=1 (PLEDGEGRAPH_POSTGRES_DSN
// names the server, as for the store's tests).
func openPostgres(t *testing.T) *store.Store {
	t.Helper()
	if os.Getenv("PLEDGEGRAPH_SKIP_POSTGRES") == "1" {
		t.Skip("PLEDGEGRAPH_SKIP_POSTGRES=1")
	}
	admin := os.Getenv("PLEDGEGRAPH_POSTGRES_DSN")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=5"
	}
	ctx := context.Background()
	db, err := sql.Open("postgres", admin)
	if err == nil {
		err = db.PingContext(ctx)
	}
	if err != nil {
		t.Fatalf("PostgreSQL is unreachable at %s (PLEDGEGRAPH_SKIP_POSTGRES=1 skips): %v", admin, err)
	}
	name := fmt.Sprintf("pledgegraph_traverse_test_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(name)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		defer db.Close()
		if _, err := db.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+pq.QuoteIdentifier(name)+" WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	s, err := store.Open(ctx, store.Config{Backend: store.BackendPostgres, Path: u.String()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// On PostgreSQL the copy is read in one ScanLinks query; it must be the
// copy the Links batches build.
func TestAdjacencyScanMatchesLinks(t *testing.T) {
	ctx := context.Background()
	xs := traversetest.Corpus(3, 120)
	s := openPostgres(t)
	load(t, s, xs, nil)
	scanned := traverse.NewAdjacency(s, traverse.AdjacencyConfig{CheckEvery: -1, Logger: quiet})
	defer scanned.Close()
	asked := traverse.NewAdjacency(linksOnly{s}, traverse.AdjacencyConfig{CheckEvery: -1, Logger: quiet})
	defer asked.Close()
	before := s.RoundTrips()
	if err := scanned.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	scanTrips := s.RoundTrips() - before
	before = s.RoundTrips()
	if err := asked.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	linkTrips := s.RoundTrips() - before
	if scanned.Stats() != asked.Stats() || scanned.Stats().Edges == 0 {
		t.Fatalf("scanned copy %+v, Links copy %+v", scanned.Stats(), asked.Stats())
	}
	if scanTrips >= linkTrips {
		t.Errorf("the scanned build made %d round trips, the Links build %d", scanTrips, linkTrips)
	}
	g, err := scanned.View(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sameNeighbors(t, g, s, allNodes(xs))
	sameEvidence(t, g, s, allNodes(xs))

	// The generation check: nothing written, the copy is trusted without
	// counting; another store's write is noticed.
	strict := traverse.NewAdjacency(s, traverse.AdjacencyConfig{Logger: quiet})
	defer strict.Close()
	if err := strict.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	before = s.RoundTrips()
	if g, _ := strict.View(ctx); g == traverse.Graph(s) {
		t.Fatal("fresh copy not trusted")
	}
	if n := s.RoundTrips() - before; n != 1 {
		t.Errorf("a check with nothing written made %d round trips, want 1 (the generation)", n)
	}
	more := traversetest.Corpus(4, 3)
	load(t, s, more, nil)
	if g, _ := strict.View(ctx); g != traverse.Graph(s) {
		t.Fatal("copy trusted after another writer")
	}
}

// genSource is a Source with a generation the test moves, counting the
// FindDocuments calls of checks.
type genSource struct {
	traverse.Source
	gen         atomic.Int64
	unsupported bool
	finds       atomic.Int64
}

func (g *genSource) Generation(context.Context) (int64, error) {
	if g.unsupported {
		return 0, fmt.Errorf("no generation: %w", errors.ErrUnsupported)
	}
	return g.gen.Load(), nil
}

func (g *genSource) FindDocuments(ctx context.Context, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	g.finds.Add(1)
	return g.Source.FindDocuments(ctx, p)
}

func TestAdjacencyGenerationCheck(t *testing.T) {
	ctx := context.Background()
	xs := traversetest.Corpus(6, 60)
	for _, tc := range []struct {
		name        string
		unsupported bool
		// counts of FindDocuments calls of the checks: three Views with
		// nothing written, three after a write of this process
		idle, own int64
	}{
		{"generation", false, 0, 1},
		{"unsupported", true, 3, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openMemory(t)
			load(t, s, xs[:40], nil)
			src := &genSource{Source: s, unsupported: tc.unsupported}
			var now atomic.Int64 // seconds
			clock := func() time.Time { return time.Unix(now.Load(), 0) }
			a := traverse.NewAdjacency(src, traverse.AdjacencyConfig{Now: clock, Logger: quiet})
			defer a.Close()
			if err := a.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			views := func(want int64, what string) {
				t.Helper()
				src.finds.Store(0)
				for range 3 {
					if g, err := a.View(ctx); err != nil || g == traverse.Graph(src) {
						t.Fatalf("%s: copy not trusted (%v)", what, err)
					}
				}
				if n := src.finds.Load(); n != want {
					t.Errorf("%s: %d document counts, want %d", what, n, want)
				}
			}
			views(tc.idle, "nothing written")
			// This process writes and applies: the generation moves, the
			// counts agree once and the new generation is trusted.
			load(t, s, xs[40:50], a.Apply)
			src.gen.Add(10)
			views(tc.own, "own write")
			// Another process writes: the generation moves, the counts
			// differ, the store answers.
			load(t, s, xs[50:], nil)
			src.gen.Add(1)
			now.Add(3600) // past the rebuild interval
			if g, _ := a.View(ctx); g != traverse.Graph(src) {
				t.Fatal("copy trusted after another process wrote")
			}
			waitBuilt(t, a, 60)
			g, _ := a.View(ctx)
			sameNeighbors(t, g, s, allNodes(xs))
		})
	}
}
