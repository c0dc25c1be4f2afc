package store

import (
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/cayleygraph/quad"

	"pledgegraph"
)

// readout is what a server answers to the calls a page makes; two readouts
// of the same database state are equal whatever each store cached.
type readout struct {
	ByAlias          string // ActorByName("Zelensky"): the actor's ID, or the error code
	ByName           *pledgegraph.Actor
	Actors           []*pledgegraph.Actor
	Statements       []*pledgegraph.Statement
	Commitments      []*pledgegraph.Commitment
	Documents        []*pledgegraph.Document
	BySpeaker        pledgegraph.Page // FindStatements{Speaker: Zelenskyy}
	ByMention        pledgegraph.Page // FindStatements{Mentions: NATO}
	AllActors        pledgegraph.Page // FindActors{}
	CommitmentsToUkr pledgegraph.Page // FindCommitments{Target: Ukraine}
	AllDocuments     pledgegraph.Page // FindDocuments
	Evidence         map[string][]string
	Links            map[string][]pledgegraph.Link
}

// sharedFixtures are fixtureA, written first, and an update that changes
// every part of a readout: fixtureB (a new alias, statement, commitment and
// document, new actors) plus a mention added to a statement of A and a target
// to a commitment of A.
func sharedFixtures() (a docFixture, update []pledgegraph.Triple, ids readoutIDs) {
	a, b := fixtureA(), fixtureB()
	update = append(b.triples(),
		pledgegraph.Triple{Subject: a.Statements[0].ID, Predicate: pledgegraph.PredMentions, Object: pledgegraph.IRI(idNATO)},
		pledgegraph.Triple{Subject: a.Commitments[1].ID, Predicate: pledgegraph.PredTarget, Object: pledgegraph.IRI(idFrance)})
	ids.docs = []string{a.Doc.ID, b.Doc.ID}
	for _, f := range []docFixture{a, b} {
		for _, x := range f.Actors {
			ids.actors = append(ids.actors, x.ID)
		}
		for _, x := range f.Statements {
			ids.statements = append(ids.statements, x.ID)
		}
		for _, x := range f.Commitments {
			ids.commitments = append(ids.commitments, x.ID)
		}
	}
	return a, update, ids
}

type readoutIDs struct{ actors, statements, commitments, docs []string }

var zelenskyAlias = pledgegraph.Triple{Subject: idZelenskyy, Predicate: pledgegraph.PredAlias, Object: pledgegraph.Str("Zelensky")}

func readPage(t testing.TB, s *Store, ids readoutIDs) readout {
	t.Helper()
	var r readout
	check := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	if a, err := s.ActorByName(ctx, "Zelensky"); err == nil {
		r.ByAlias = a.ID
	} else {
		r.ByAlias = string(pledgegraph.ErrorCode(err))
	}
	var err error
	r.ByName, err = s.ActorByName(ctx, "Zelenskyy")
	check("ActorByName", err)
	r.Actors, err = s.Actors(ctx, ids.actors)
	check("Actors", err)
	r.Statements, err = s.Statements(ctx, ids.statements)
	check("Statements", err)
	r.Commitments, err = s.Commitments(ctx, ids.commitments)
	check("Commitments", err)
	r.Documents, err = s.Documents(ctx, ids.docs)
	check("Documents", err)
	r.BySpeaker, err = s.FindStatements(ctx, pledgegraph.StatementFilter{Speaker: idZelenskyy}, pledgegraph.PageRequest{})
	check("FindStatements{Speaker}", err)
	r.ByMention, err = s.FindStatements(ctx, pledgegraph.StatementFilter{Mentions: idNATO}, pledgegraph.PageRequest{})
	check("FindStatements{Mentions}", err)
	r.AllActors, err = s.FindActors(ctx, pledgegraph.ActorFilter{}, pledgegraph.PageRequest{})
	check("FindActors", err)
	r.CommitmentsToUkr, err = s.FindCommitments(ctx, pledgegraph.CommitmentFilter{Target: idUkraine}, pledgegraph.PageRequest{})
	check("FindCommitments", err)
	r.AllDocuments, err = s.FindDocuments(ctx, pledgegraph.PageRequest{})
	check("FindDocuments", err)
	r.Evidence, err = s.Evidence(ctx, []pledgegraph.Triple{zelenskyAlias})
	check("Evidence", err)
	r.Links, err = s.Links(ctx, []string{idZelenskyy}, pledgegraph.PredSaid, pledgegraph.Out)
	check("Links", err)
	return r
}

// TestPostgresSharedCache runs two stores, as two servers would, on one
// database: server B caches everything a page reads, server A writes, and
// B's next calls answer exactly what a store with nothing cached answers.
func TestPostgresSharedCache(t *testing.T) {
	dsn := freshPostgresDSN(t)
	srvA, srvB := openPostgresAt(t, dsn), openPostgresAt(t, dsn)
	a, update, ids := sharedFixtures()
	write(t, srvA, a)

	before := readPage(t, srvB, ids)
	if again := readPage(t, srvB, ids); !reflect.DeepEqual(again, before) {
		t.Fatalf("B read the same state twice differently:\n%+v\n%+v", before, again)
	}
	// B answers from its cache: a cached call costs only its generation
	// check (actors not stored yet are asked again: absence is not kept).
	if n := trips(srvB, func() { srvB.Actors(ctx, ids.actors[:len(a.Actors)]) }); n != 1 {
		t.Fatalf("B's cached Actors cost %d round trips, want 1 (the generation check)", n)
	}
	if n := trips(srvB, func() { srvB.ActorByName(ctx, "Zelenskyy") }); n != 1 {
		t.Fatalf("B's cached ActorByName cost %d round trips, want 1 (one generation check for its two cached reads)", n)
	}

	if created, err := srvA.Write(ctx, fixtureB().Doc.ID, update); err != nil || !created {
		t.Fatalf("A writes the update: %v, %v", created, err)
	}
	afterB := readPage(t, srvB, ids)
	fresh := readPage(t, openPostgresAt(t, dsn), ids) // nothing cached
	afterA := readPage(t, srvA, ids)
	bv, fv, av, pv := reflect.ValueOf(afterB), reflect.ValueOf(fresh), reflect.ValueOf(afterA), reflect.ValueOf(before)
	for i := 0; i < bv.NumField(); i++ {
		name := bv.Type().Field(i).Name
		b, f := bv.Field(i).Interface(), fv.Field(i).Interface()
		if !reflect.DeepEqual(b, f) {
			t.Errorf("%s: B after A's write = %+v\nuncached read  = %+v", name, b, f)
		}
		if a := av.Field(i).Interface(); !reflect.DeepEqual(a, f) {
			t.Errorf("%s: A after its own write = %+v\nuncached read = %+v", name, a, f)
		}
		if reflect.DeepEqual(pv.Field(i).Interface(), f) {
			t.Errorf("%s: the update did not change it (%+v); the test proves nothing", name, f)
		}
	}
	if afterB.ByAlias != idZelenskyy || afterB.AllDocuments.Total != 2 {
		t.Errorf("B after the write: ActorByName(Zelensky) = %q, %d documents", afterB.ByAlias, afterB.AllDocuments.Total)
	}
}

// TestPostgresSharedCacheRace: writers on server A and readers on server B
// at once. Every call of B sees at least every write A finished before the
// call began (counted by documents and by one speaker's statements), and
// once the writers are done B answers what an uncached store answers.
func TestPostgresSharedCacheRace(t *testing.T) {
	dsn := freshPostgresDSN(t)
	srvA, srvB := openPostgresAt(t, dsn), openPostgresAt(t, dsn)
	const (
		docs    = 24
		writers = 3
		readers = 3
	)
	speaker := pledgegraph.ActorID(pledgegraph.KindPerson, "Speaker 3")
	var (
		written, spoken atomic.Int64 // documents A has finished writing, and their statements by speaker
		finished        = make([]atomic.Bool, docs)
		byDoc           = make([]int64, docs)
		sids            []string
		sidDoc          []int // the document of sids[i]
	)
	for i := range docs {
		for _, st := range benchDoc(i).Statements {
			if st.Speaker == speaker {
				byDoc[i]++
			}
			if i%4 == 0 {
				sids = append(sids, st.ID)
				sidDoc = append(sidDoc, i)
			}
		}
	}
	done := make(chan struct{})
	var wg, rg sync.WaitGroup
	next := atomic.Int64{}
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= docs {
					return
				}
				f := benchDoc(i)
				if created, err := srvA.Write(ctx, f.Doc.ID, f.triples()); err != nil || !created {
					t.Errorf("A Write(%d): %v, %v", i, created, err)
					return
				}
				finished[i].Store(true)
				spoken.Add(byDoc[i])
				written.Add(1)
			}
		}()
	}
	for r := range readers {
		rg.Add(1)
		go func() {
			defer rg.Done()
			for round := 0; ; round++ {
				select {
				case <-done:
					return
				default:
				}
				minDocs, minSpoken := written.Load(), spoken.Load()
				var done []bool
				for i := range finished {
					done = append(done, finished[i].Load())
				}
				var err error
				switch (round + r) % 4 {
				case 0:
					var p pledgegraph.Page
					if p, err = srvB.FindDocuments(ctx, pledgegraph.PageRequest{First: 1}); err == nil && int64(p.Total) < minDocs {
						t.Errorf("B FindDocuments: %d documents, but A had written %d before the call", p.Total, minDocs)
					}
				case 1:
					var p pledgegraph.Page
					if p, err = srvB.FindStatements(ctx, pledgegraph.StatementFilter{Speaker: speaker}, pledgegraph.PageRequest{First: 20}); err == nil && int64(p.Total) < minSpoken {
						t.Errorf("B FindStatements{Speaker}: %d statements, but A had written %d before the call", p.Total, minSpoken)
					}
				case 2:
					var a *pledgegraph.Actor
					a, err = srvB.ActorByName(ctx, "Speaker 3")
					if minSpoken > 0 && (err != nil || a.ID != speaker) {
						t.Errorf("B ActorByName(Speaker 3) = %v, %v after A wrote its statements", a, err)
						err = nil
					} else if err != nil && pledgegraph.ErrorCode(err) == pledgegraph.ENOTFOUND {
						err = nil
					}
				case 3:
					var sts []*pledgegraph.Statement
					if sts, err = srvB.Statements(ctx, sids); err == nil {
						for i, st := range sts {
							if st == nil && done[sidDoc[i]] {
								t.Errorf("B Statements: %s not found, but A had written its document before the call", sids[i])
							}
						}
					}
				}
				if err != nil {
					t.Errorf("B read: %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(done)
	rg.Wait()
	if t.Failed() {
		return
	}

	// Final state: B (whatever it cached during the race) and A answer
	// what a store with nothing cached answers.
	fresh := openPostgresAt(t, dsn)
	final := func(s *Store) string {
		t.Helper()
		var out []any
		add := func(v any, err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
		add(s.FindDocuments(ctx, pledgegraph.PageRequest{First: MaxPageSize}))
		add(s.FindStatements(ctx, pledgegraph.StatementFilter{Speaker: speaker}, pledgegraph.PageRequest{First: MaxPageSize}))
		add(s.FindActors(ctx, pledgegraph.ActorFilter{}, pledgegraph.PageRequest{}))
		add(s.ActorByName(ctx, "Speaker 3"))
		add(s.Actors(ctx, []string{speaker}))
		add(s.Statements(ctx, sids))
		add(s.Links(ctx, []string{speaker}, pledgegraph.PredSaid, pledgegraph.Out))
		var out2 []string
		for _, v := range out {
			out2 = append(out2, fmt.Sprintf("%+v", deref(v)))
		}
		return fmt.Sprint(out2)
	}
	want := final(fresh)
	if got := final(srvB); got != want {
		t.Errorf("B after the race:\n%s\nuncached:\n%s", got, want)
	}
	if got := final(srvA); got != want {
		t.Errorf("A after the race:\n%s\nuncached:\n%s", got, want)
	}
	if st := stats(t, srvB); st.Documents != docs {
		t.Errorf("Stats on B = %+v, want %d documents", st, docs)
	}
}

// deref prints pointers (alone or in slices) by what they point to.
func deref(v any) any {
	switch v := v.(type) {
	case *pledgegraph.Actor:
		return *v
	case []*pledgegraph.Actor:
		out := make([]pledgegraph.Actor, len(v))
		for i, a := range v {
			out[i] = *a
		}
		return out
	case []*pledgegraph.Statement:
		out := make([]string, len(v))
		for i, s := range v {
			out[i] = fmt.Sprintf("%+v", s)
			if s != nil {
				out[i] = fmt.Sprintf("%+v", *s)
			}
		}
		return out
	}
	return v
}

// TestNodeCacheSync: a value read under one database generation is kept
// only while the cache is at that generation; a reader that took the
// generation before another reader saw a newer database keeps nothing.
func TestNodeCacheSync(t *testing.T) {
	st := func(id string) *pledgegraph.Statement { return &pledgegraph.Statement{ID: id} }
	keep := func(c *nodeCache, gen uint64, id string) {
		store(c, gen, cachedStatements, cacheNodes, []string{id}, []*pledgegraph.Statement{st(id)}, copyStatement)
	}
	has := func(c *nodeCache, id string) bool {
		out := make([]*pledgegraph.Statement, 1)
		return len(lookup(c, cachedStatements, []string{id}, out, copyStatement)) == 0
	}
	q := func(id string) []quad.Quad {
		return []quad.Quad{{Subject: quad.IRI(id), Predicate: quad.IRI(pledgegraph.PredType), Object: quad.String("x")}}
	}
	for _, c := range []struct {
		name string
		want bool                    // whether "s1" is still cached at the end
		run  func(c *nodeCache) bool // and whether it is
	}{
		{"same generation keeps", true, func(c *nodeCache) bool {
			keep(c, c.sync(1), "s1")
			c.sync(1)
			return has(c, "s1")
		}},
		{"new generation empties", false, func(c *nodeCache) bool {
			keep(c, c.sync(1), "s1")
			c.sync(2)
			return has(c, "s1")
		}},
		{"older generation empties too", false, func(c *nodeCache) bool {
			keep(c, c.sync(2), "s1")
			c.sync(1)
			return has(c, "s1")
		}},
		{"reader overtaken by a newer sync keeps nothing", false, func(c *nodeCache) bool {
			gen := c.sync(1) // reader 1 saw generation 1, then queries…
			c.sync(2)        // …meanwhile reader 2 saw a write
			keep(c, gen, "s1")
			return has(c, "s1")
		}},
		{"own commit right after keeps what it does not touch", true, func(c *nodeCache) bool {
			keep(c, c.sync(1), "s1")
			c.committed(2, q("s2"))
			c.sync(2)
			return has(c, "s1")
		}},
		{"own commit forgets what it touches", false, func(c *nodeCache) bool {
			keep(c, c.sync(1), "s1")
			c.committed(2, q("s1"))
			return has(c, "s1")
		}},
		{"own commit after another server's empties", false, func(c *nodeCache) bool {
			keep(c, c.sync(1), "s1")
			c.committed(3, q("s2")) // generation 2 was another server's
			c.sync(3)
			return has(c, "s1")
		}},
		{"reader overtaken by an own commit keeps nothing", false, func(c *nodeCache) bool {
			gen := c.sync(1)
			c.committed(2, q("s1"))
			keep(c, gen, "s1")
			return has(c, "s1")
		}},
	} {
		if got := c.run(newNodeCache()); got != c.want {
			t.Errorf("%s: s1 cached = %v, want %v", c.name, got, c.want)
		}
	}
}
