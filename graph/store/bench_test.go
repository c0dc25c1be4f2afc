package store

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"pledgegraph"
)

// benchDoc is document i of a synthetic corpus: 20 statements by one of 50
// speakers mentioning two of them, 10 commitments; about 660 distinct quads.
func benchDoc(i int) docFixture {
	raw := fmt.Sprintf("synthetic article %d", i)
	d := newDoc(raw, fmt.Sprintf("Article %d", i), benchTime)
	f := docFixture{Doc: d}
	actor := func(j int) string {
		return pledgegraph.ActorID(pledgegraph.KindPerson, fmt.Sprintf("Speaker %d", j%50))
	}
	seen := map[string]bool{}
	addActor := func(j int) string {
		id := actor(j)
		if !seen[id] {
			seen[id] = true
			name := fmt.Sprintf("Speaker %d", j%50)
			f.Actors = append(f.Actors, pledgegraph.Actor{ID: id, Name: name, Kind: pledgegraph.KindPerson,
				Aliases: []string{fmt.Sprintf("S%d", j%50)}, Title: "Minister"})
		}
		return id
	}
	for k := 0; k < 20; k++ {
		start := k * 50
		sp, m1, m2 := addActor(i+k), addActor(i+k+7), addActor(i+k+13)
		id := pledgegraph.StatementID(d.ID, pledgegraph.Direct, start, start+40)
		f.Statements = append(f.Statements, pledgegraph.Statement{ID: id, Kind: pledgegraph.Direct,
			Text: fmt.Sprintf("statement %d of article %d", k, i), Speaker: sp, Cue: "said",
			Mentions: []string{m1, m2}, Evidence: ev(d.ID, k, start, start+40, "bench", 0.8)})
		if k%2 == 0 {
			f.Commitments = append(f.Commitments, pledgegraph.Commitment{ID: pledgegraph.CommitmentID(d.ID, sp, "act", start, start+40),
				Actor: sp, Action: "act", Target: m1, Polarity: pledgegraph.Positive, Modality: "will", Statement: id,
				Evidence: ev(d.ID, k, start, start+40, "bench", 0.7)})
		}
	}
	return f
}

var benchTime = fixtureA().Doc.PublishedAt

// benchBackends runs f on every backend, each with one store holding the
// first docs documents of the synthetic corpus, opened once for all the runs
// the benchmark framework makes.
func benchBackends(b *testing.B, docs int, f func(b *testing.B, s *Store, sids []string)) {
	for _, be := range backends {
		if os.Getenv("BENCH_ONLY") != "" && be.name != os.Getenv("BENCH_ONLY") {
			continue
		}
		s, sids := benchStore(b, be.open, docs)
		b.Run(be.name, func(b *testing.B) { f(b, s, sids) })
	}
}

var benchSeq = 1000000 // documents written by BenchmarkWrite, numbered apart from benchStore's

// BenchmarkWrite writes one new document (~660 quads) per op.
func BenchmarkWrite(b *testing.B) {
	benchBackends(b, 0, func(b *testing.B, s *Store, _ []string) {
		docs := make([]docFixture, b.N)
		triples := make([][]pledgegraph.Triple, b.N)
		for i := range docs {
			benchSeq++
			docs[i] = benchDoc(benchSeq)
			triples[i] = docs[i].triples()
		}
		b.ResetTimer()
		quads := 0
		for i := 0; i < b.N; i++ {
			if created, err := s.Write(ctx, docs[i].Doc.ID, triples[i]); err != nil || !created {
				b.Fatal(created, err)
			}
			quads += len(triples[i])
		}
		b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
	})
}

// BenchmarkWritePostgres writes 200 new documents (~660 distinct quads
// each) per op, one Write after the other, to a PostgreSQL store: the rate a
// loader filling the shared database gets; through our writes (pgwrite) and,
// for comparison, Cayley's ApplyDeltas (cayley), the path pgwrite replaced.
// Run with -benchtime=1x (the cayley case takes about half a minute per op).
func BenchmarkWritePostgres(b *testing.B) {
	const docs = 200
	for _, c := range []struct {
		name string
		open opener
	}{
		{"pgwrite", openPostgresFresh},
		{"cayley", openPostgresCayleyWrites},
	} {
		b.Run(c.name, func(b *testing.B) {
			s := c.open(b)
			quads := 0
			var elapsed time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				batch := make([]docFixture, docs)
				triples := make([][]pledgegraph.Triple, docs)
				for j := range batch {
					benchSeq++
					batch[j] = benchDoc(benchSeq)
					triples[j] = batch[j].triples()
					qs, err := documentQuads(batch[j].Doc.ID, triples[j])
					if err != nil {
						b.Fatal(err)
					}
					quads += len(qs) // distinct quads: what is stored
				}
				b.StartTimer()
				start := time.Now()
				for j := range batch {
					if created, err := s.Write(ctx, batch[j].Doc.ID, triples[j]); err != nil || !created {
						b.Fatal(created, err)
					}
				}
				elapsed += time.Since(start)
			}
			b.ReportMetric(float64(quads)/elapsed.Seconds(), "quads/s")
			b.ReportMetric(float64(b.N*docs)/elapsed.Seconds(), "docs/s")
		})
	}
}

// BenchmarkWriteBolt loads synthetic documents (benchDoc, ~660 distinct
// quads each) into a fresh Bolt store per op: one Write per document
// ("Write"), or WriteBatch calls of that many documents ("WriteBatch-N").
// It reports documents and quads per second over the whole load and over
// its first and second halves (a Bolt commit rewrites every page the
// document touches; the file grows, and fewer of them are shared). Run with
// -benchtime=1x; BENCH_WRITE_DOCS sets the documents per op (default 600).
func BenchmarkWriteBolt(b *testing.B) {
	docs := 600
	if n, err := strconv.Atoi(os.Getenv("BENCH_WRITE_DOCS")); err == nil && n > 1 {
		docs = n
	}
	fixtures := make([]pledgegraph.DocumentTriples, docs)
	quads := make([]int, docs)
	for i := range fixtures {
		f := benchDoc(2000000 + i)
		fixtures[i] = pledgegraph.DocumentTriples{ID: f.Doc.ID, Triples: f.triples()}
		qs, err := documentQuads(f.Doc.ID, fixtures[i].Triples)
		if err != nil {
			b.Fatal(err)
		}
		quads[i] = len(qs)
	}
	for _, batch := range []int{1, 8, 32} {
		name := "Write"
		if batch > 1 {
			name = fmt.Sprintf("WriteBatch-%d", batch)
		}
		b.Run(name, func(b *testing.B) {
			var half [2]struct {
				docs, quads int
				took        time.Duration
			}
			for range b.N {
				b.StopTimer()
				s := openBoltTemp(b)
				b.StartTimer()
				for i := 0; i < docs; {
					j := min(i+batch, docs)
					start := time.Now()
					if batch == 1 {
						if created, err := s.Write(ctx, fixtures[i].ID, fixtures[i].Triples); err != nil || !created {
							b.Fatal(created, err)
						}
					} else {
						res, err := s.WriteBatch(ctx, fixtures[i:j])
						if err != nil {
							b.Fatal(err)
						}
						for _, r := range res {
							if r.Err != nil || !r.Created {
								b.Fatal(r)
							}
						}
					}
					h := &half[min(1, 2*i/docs)]
					h.took += time.Since(start)
					for _, q := range quads[i:j] {
						h.docs++
						h.quads += q
					}
					i = j
				}
			}
			all := half[0].took + half[1].took
			b.ReportMetric(float64(half[0].docs+half[1].docs)/all.Seconds(), "docs/s")
			b.ReportMetric(float64(half[0].quads+half[1].quads)/all.Seconds(), "quads/s")
			b.ReportMetric(float64(half[0].docs)/half[0].took.Seconds(), "docs/s-1st-half")
			b.ReportMetric(float64(half[1].docs)/half[1].took.Seconds(), "docs/s-2nd-half")
		})
	}
}

// BenchmarkNeighbors follows said backwards from 100 statements (one call)
// in a store of 100 documents (~46k quads).
func BenchmarkNeighbors(b *testing.B) {
	benchBackends(b, 100, func(b *testing.B, s *Store, sids []string) {
		ids := sids[:100]
		before := s.RoundTrips()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			m, err := s.Neighbors(ctx, ids, pledgegraph.PredSaid, pledgegraph.In)
			if err != nil || len(m) != len(ids) {
				b.Fatalf("Neighbors: %d, %v", len(m), err)
			}
		}
		b.ReportMetric(float64(s.RoundTrips()-before)/float64(b.N), "trips/op")
	})
}

// BenchmarkStatements loads 100 statements (one batch call) in a store of
// 100 documents.
func BenchmarkStatements(b *testing.B) {
	benchBackends(b, 100, func(b *testing.B, s *Store, sids []string) {
		ids := sids[:100]
		before := s.RoundTrips()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			st, err := s.Statements(ctx, ids)
			if err != nil || st[99] == nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(s.RoundTrips()-before)/float64(b.N), "trips/op")
	})
}

// BenchmarkFindStatements finds one speaker's statements with a text
// search, first page, in a store of 100 documents.
func BenchmarkFindStatements(b *testing.B) {
	benchBackends(b, 100, func(b *testing.B, s *Store, _ []string) {
		speaker := pledgegraph.ActorID(pledgegraph.KindPerson, "Speaker 3")
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			p, err := s.FindStatements(ctx, pledgegraph.StatementFilter{Speaker: speaker, Search: "STATEMENT 1"}, pledgegraph.PageRequest{First: 10})
			if err != nil || p.Total == 0 {
				b.Fatal(p.Total, err)
			}
		}
	})
}

func benchStore(b *testing.B, open opener, docs int) (*Store, []string) {
	b.Helper()
	s := open(b)
	var sids []string
	for i := 0; i < docs; i++ {
		f := benchDoc(i)
		if _, err := s.Write(ctx, f.Doc.ID, f.triples()); err != nil {
			b.Fatal(err)
		}
		for _, st := range f.Statements {
			sids = append(sids, st.ID)
		}
	}
	return s, sids
}

// BenchmarkFind runs the filters the API uses most, each a first page, in a
// store of 100 documents: an actor search (a scan of the key quads), a
// document's statements (the label index), a kind (a shared literal).
func BenchmarkFind(b *testing.B) {
	benchBackends(b, 100, func(b *testing.B, s *Store, _ []string) {
		doc := benchDoc(42).Doc.ID
		for _, c := range []struct {
			name string
			find func() (pledgegraph.Page, error)
		}{
			{"ActorSearch", func() (pledgegraph.Page, error) {
				return s.FindActors(ctx, pledgegraph.ActorFilter{Search: "speaker 4"}, pledgegraph.PageRequest{First: 10})
			}},
			{"StatementsOfDocument", func() (pledgegraph.Page, error) {
				return s.FindStatements(ctx, pledgegraph.StatementFilter{Document: doc}, pledgegraph.PageRequest{First: 10})
			}},
			{"CommitmentsPositive", func() (pledgegraph.Page, error) {
				return s.FindCommitments(ctx, pledgegraph.CommitmentFilter{Polarity: pledgegraph.Positive}, pledgegraph.PageRequest{First: 10})
			}},
			{"ActorByName", func() (pledgegraph.Page, error) {
				a, err := s.ActorByName(ctx, "S7")
				if err != nil || a == nil {
					return pledgegraph.Page{}, err
				}
				return pledgegraph.Page{Total: 1}, nil
			}},
		} {
			b.Run(c.name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if p, err := c.find(); err != nil || p.Total == 0 {
						b.Fatal(p.Total, err)
					}
				}
			})
		}
	})
}
