package store

import (
	"os"
	"slices"
	"testing"
	"time"

	"pledgegraph"
)

// TestPostgresLargeTimings times the calls a hub actor's page makes against
// a large PostgreSQL database: $PLEDGEGRAPH_LARGE_PG_DSN (for example the
// 10,000-document bench database), read only apart from the generation
// table Open creates. Each call is made 50 times on a store opened for it,
// without the cache (as before it) and with it; the log gives the first
// call and the median of the others. Skipped when the variable is unset.
//
//	PLEDGEGRAPH_LARGE_PG_DSN='postgres://postgres@127.0.0.1:5432/pledgegraph_bench_10000?sslmode=disable' \
//	  go test -run TestPostgresLargeTimings -v ./graph/store/
func TestPostgresLargeTimings(t *testing.T) {
	dsn := os.Getenv("PLEDGEGRAPH_LARGE_PG_DSN")
	if dsn == "" {
		t.Skip("PLEDGEGRAPH_LARGE_PG_DSN unset")
	}
	name := os.Getenv("PLEDGEGRAPH_LARGE_ACTOR")
	if name == "" {
		name = "Étienne Marchetti"
	}
	s := openPostgresAt(t, dsn)
	a, err := s.ActorByName(ctx, name)
	if err != nil {
		t.Fatalf("ActorByName(%q): %v", name, err)
	}
	s.Close()
	// Each call is timed on a store of its own, opened afresh, so that the
	// first call finds nothing another call cached.
	for _, c := range []struct {
		name string
		call func(s *Store) error
	}{
		{"ActorByName", func(s *Store) error {
			got, err := s.ActorByName(ctx, name)
			if err == nil && got.ID != a.ID {
				t.Errorf("ActorByName = %s, want %s", got.ID, a.ID)
			}
			return err
		}},
		{"Actors", func(s *Store) error {
			got, err := s.Actors(ctx, []string{a.ID})
			if err == nil && (got[0] == nil || got[0].ID != a.ID) {
				t.Errorf("Actors = %v", got)
			}
			return err
		}},
		{"FindStatements{Speaker} First 20", func(s *Store) error {
			p, err := s.FindStatements(ctx, pledgegraph.StatementFilter{Speaker: a.ID}, pledgegraph.PageRequest{First: 20})
			if err == nil && p.Total == 0 {
				t.Errorf("FindStatements: no statements")
			}
			return err
		}},
		{"FindDocuments First 1", func(s *Store) error {
			p, err := s.FindDocuments(ctx, pledgegraph.PageRequest{First: 1})
			if err == nil && p.Total == 0 {
				t.Errorf("FindDocuments: no documents")
			}
			return err
		}},
	} {
		for _, cached := range []bool{false, true} {
			s := openPostgresAt(t, dsn)
			mode := "cached"
			if !cached {
				// As before the cache: nothing kept, no generation check.
				s.cache, s.gens, s.b.(*postgresBackend).cache = nil, nil, nil
				mode = "uncached"
			}
			var times []time.Duration
			trips := s.RoundTrips()
			for i := 0; i < 50; i++ {
				start := time.Now()
				if err := c.call(s); err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
				times = append(times, time.Since(start))
			}
			trips = s.RoundTrips() - trips
			rest := slices.Clone(times[1:])
			slices.Sort(rest)
			t.Logf("%-34s %-8s first %9v  p50 of the other 49 %9v  (round trips: %d in 50 calls)",
				c.name, mode, times[0].Round(time.Microsecond), rest[len(rest)/2].Round(time.Microsecond), trips)
			s.Close()
		}
	}
}
