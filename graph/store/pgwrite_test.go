package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/xsd"
)

// cayleyWrites is a PostgreSQL backend that writes through Cayley's own
// strict ApplyDeltas, the path writeQuads replaces: the reference
// TestPostgresWriteMatchesCayley compares with, and the "before" of
// BenchmarkWritePostgres.
type cayleyWrites struct{ *postgresBackend }

func (b cayleyWrites) apply(ctx context.Context, quads []quad.Quad) error {
	return b.qs.ApplyDeltas(addDeltas(quads), graph.IgnoreOpts{})
}

// openPostgresCayleyWrites opens a fresh PostgreSQL store whose writes go
// through Cayley's ApplyDeltas.
func openPostgresCayleyWrites(t testing.TB) *Store {
	t.Helper()
	s := openPostgresFresh(t)
	s.b = cayleyWrites{s.b.(*postgresBackend)}
	return s
}

// valueQuads returns quads whose objects (and some subjects and labels) are
// values of every type Cayley's SQL schema stores, with the awkward cases of
// each encoding: quotes, backslashes, braces, commas, the word NULL, NUL
// bytes, non-ASCII text, extreme numbers, times with zones, nanoseconds and
// out-of-range years; a quad without label, and one naming a value in three
// directions.
func valueQuads(label string) []quad.Quad {
	l := quad.IRI(label)
	p := quad.IRI("urn:test:p")
	s := quad.IRI("urn:test:s:" + label)
	objs := []quad.Value{
		quad.String(""), quad.String("plain"), quad.String(`quote " backslash \ braces {} comma , end`),
		quad.String("NULL"), quad.String("nul\x00byte"), quad.String("  \t\n  "),
		quad.String("Зеленський — 🇺🇦 Straße"), quad.String(`{"a","b"}`),
		quad.IRI("urn:test:o"), quad.IRI("NULL"), quad.IRI(`http://example.org/a"b\c{d}`),
		quad.BNode("b1"),
		quad.Int(0), quad.Int(-1), quad.Int(42), quad.Int(math.MaxInt64), quad.Int(math.MinInt64),
		quad.Float(0), quad.Float(math.Copysign(0, -1)), quad.Float(0.1), quad.Float(-2.5), quad.Float(1.0 / 3),
		quad.Float(1e300), quad.Float(5e-324), quad.Float(math.MaxFloat64), quad.Float(-math.SmallestNonzeroFloat64),
		quad.Float(123456789.123456789),
		quad.Bool(true), quad.Bool(false),
		quad.Time(time.Date(2024, 3, 1, 12, 30, 45, 123456000, time.UTC)),
		quad.Time(time.Date(2024, 3, 1, 18, 0, 46, 123456789, time.FixedZone("IST", 5*3600+1800))),
		quad.Time(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)),
		quad.Time(time.Date(-44, 3, 15, 12, 0, 0, 0, time.UTC)),
		quad.Time(time.Date(9999, 12, 31, 23, 59, 59, 999999000, time.UTC)),
		quad.TypedString{Value: "2024-03-01", Type: quad.IRI(xsd.Prefix + "date")},
		quad.TypedString{Value: "odd \" \\ \x00 value", Type: "urn:test:type"},
		quad.LangString{Value: "bonjour", Lang: "fr"},
		quad.LangString{Value: "nul\x00 \"q\"", Lang: "en-GB"},
	}
	out := make([]quad.Quad, 0, len(objs)+4)
	for _, o := range objs {
		out = append(out, quad.Quad{Subject: s, Predicate: p, Object: o, Label: l})
	}
	return append(out,
		quad.Quad{Subject: quad.BNode("b1"), Predicate: p, Object: quad.BNode("b2"), Label: l},
		quad.Quad{Subject: s, Predicate: p, Object: quad.String("no label " + label)},
		quad.Quad{Subject: s, Predicate: p, Object: quad.String("plain")}, // a triple stored with a label too
		quad.Quad{Subject: l, Predicate: p, Object: l, Label: l},          // one value, three directions
	)
}

// stored is what reading q back gives: Cayley unescapes the text "\x00" to
// a NUL byte whether it wrote it for a NUL or not, and PostgreSQL keeps times
// to the microsecond, read back in UTC.
func stored(q quad.Quad) quad.Quad {
	for _, d := range quad.Directions {
		switch v := q.Get(d).(type) {
		case quad.String:
			q.Set(d, quad.String(strings.ReplaceAll(string(v), `\x00`, "\x00")))
		case quad.TypedString:
			v.Value = quad.String(strings.ReplaceAll(string(v.Value), `\x00`, "\x00"))
			q.Set(d, v)
		case quad.LangString:
			v.Value = quad.String(strings.ReplaceAll(string(v.Value), `\x00`, "\x00"))
			q.Set(d, v)
		case quad.Time:
			q.Set(d, quad.Time(time.Time(v).Round(time.Microsecond).UTC()))
		}
	}
	return q
}

// quadKeys returns the N-Quads form of quads (it tells 0 from -0 and keeps
// the time zone), sorted.
func quadKeys(qs []quad.Quad) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.String()
	}
	slices.Sort(out)
	return out
}

// tableRows returns the rows of nodes (every column) and of quads (the four
// hashes and whether ts is set; horizon is a sequence number) in a
// deterministic order, as text.
func tableRows(t *testing.T, db *sql.DB) (nodes, quads []string) {
	t.Helper()
	read := func(q string) []string {
		rows, err := db.QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	nodes = read("SELECT n::text FROM nodes n ORDER BY hash")
	quads = read("SELECT concat_ws(' ', encode(subject_hash, 'hex'), encode(predicate_hash, 'hex')," +
		" encode(object_hash, 'hex'), coalesce(encode(label_hash, 'hex'), 'NULL'), ts IS NOT NULL)" +
		" FROM quads ORDER BY 1")
	return nodes, quads
}

// cayleyQuads reads every quad back through Cayley's own SQL quad store
// (QuadsAllIterator, Quad: Cayley's NameOf decodes each node), or the quads
// of one label (QuadIterator) when label is set.
func cayleyQuads(t *testing.T, b *postgresBackend, label quad.Value) []quad.Quad {
	t.Helper()
	it := b.qs.QuadsAllIterator()
	if label != nil {
		ref, err := b.qs.ValueOf(label)
		if err != nil {
			t.Fatal(err)
		}
		it = b.qs.QuadIterator(quad.Label, ref)
	}
	sc := it.Iterate()
	defer sc.Close()
	var out []quad.Quad
	for sc.Next(ctx) {
		q, err := b.qs.Quad(sc.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPostgresWriteMatchesCayley writes the same documents and values to two
// databases, one through writeQuads and one through Cayley's ApplyDeltas,
// and checks that both hold the very same rows (nodes with their refs, every
// value column; quads) after each step, failed writes included; then that
// Cayley's own quad store and our reads give back every quad written.
func TestPostgresWriteMatchesCayley(t *testing.T) {
	ours, theirs := openPostgresFresh(t), openPostgresCayleyWrites(t)
	ob, tb := ours.b.(*postgresBackend), theirs.b.(cayleyWrites)
	if _, ok := backend(tb).(*postgresBackend); ok {
		t.Fatal("the reference must write through Cayley")
	}
	same := func(step string) {
		t.Helper()
		on, oq := tableRows(t, ob.db)
		tn, tq := tableRows(t, tb.db)
		if len(on) == 0 || len(oq) == 0 {
			t.Fatalf("%s: nothing written (%d nodes, %d quads)", step, len(on), len(oq))
		}
		for _, c := range []struct {
			table     string
			got, want []string
		}{{"nodes", on, tn}, {"quads", oq, tq}} {
			if !slices.Equal(c.got, c.want) {
				extra, missing := diff(c.got, c.want)
				t.Errorf("%s: table %s differs from Cayley's (%d rows, want %d)\nonly ours: %q\nonly Cayley's: %q",
					step, c.table, len(c.got), len(c.want), extra, missing)
			}
		}
	}

	// Documents through Store.Write: the values our codec writes (termValue:
	// IRIs, strings, ints, floats), nodes shared between documents.
	docs := []docFixture{fixtureA(), fixtureB(), fixtureGeorgiaPerson(), fixtureMany(12), benchDoc(1), benchDoc(2)}
	var written []quad.Quad
	for _, f := range docs {
		for _, s := range []*Store{ours, theirs} {
			if created, err := s.Write(ctx, f.Doc.ID, f.triples()); err != nil || !created {
				t.Fatalf("Write(%s) on %T = %v, %v", f.Doc.ID, s.b, created, err)
			}
		}
		qs, err := documentQuads(f.Doc.ID, f.triples())
		if err != nil {
			t.Fatal(err)
		}
		written = append(written, qs...)
	}
	same("documents")

	// Every value type of the schema, twice (nodes already stored get
	// their refs raised), straight through the backends.
	for _, label := range []string{"urn:test:doc1", "urn:test:doc2"} {
		qs := valueQuads(label)
		for _, b := range []backend{ob, tb} {
			if err := b.apply(ctx, qs); err != nil {
				t.Fatalf("apply %s: %v", label, err)
			}
		}
		written = append(written, qs...)
	}
	same("values")

	// Read back through Cayley's quad store, all and per document, and
	// through ours.
	want := make([]quad.Quad, len(written))
	for i, q := range written {
		want[i] = stored(q)
	}
	if got := quadKeys(cayleyQuads(t, ob, nil)); !slices.Equal(got, quadKeys(want)) {
		extra, missing := diff(got, quadKeys(want))
		t.Errorf("Cayley reads back %d quads, want %d\nunexpected: %q\nmissing: %q", len(got), len(want), extra, missing)
	}
	for _, f := range docs {
		qs, _ := documentQuads(f.Doc.ID, f.triples())
		if got := quadKeys(cayleyQuads(t, ob, quad.IRI(f.Doc.ID))); !slices.Equal(got, quadKeys(qs)) {
			t.Errorf("Cayley reads back %d quads of %s, want %d", len(got), f.Doc.ID, len(qs))
		}
	}
	got, err := ob.match(ctx, pattern{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(quadKeys(got), quadKeys(want)) {
		extra, missing := diff(quadKeys(got), quadKeys(want))
		t.Errorf("match reads back %d quads, want %d\nunexpected: %q\nmissing: %q", len(got), len(want), extra, missing)
	}

	// Failed writes change nothing, on either side: a quad already stored
	// (strict), one without label already stored, text PostgreSQL refuses.
	fresh := quad.Quad{Subject: quad.IRI("urn:test:new"), Predicate: quad.IRI("urn:test:p"), Object: quad.String("new node"), Label: quad.IRI("urn:test:doc3")}
	vq := valueQuads("urn:test:doc1")
	for name, qs := range map[string][]quad.Quad{
		"duplicate":          {fresh, written[len(written)-1]},
		"duplicate no label": {fresh, vq[len(vq)-3]},
		"invalid text":       {fresh, {Subject: fresh.Subject, Predicate: fresh.Predicate, Object: quad.String("Fran\xe7e"), Label: fresh.Label}},
	} {
		for _, b := range []backend{ob, tb} {
			err := b.apply(ctx, qs)
			if err == nil {
				t.Fatalf("%s: apply succeeded", name)
			}
			if isDup := strings.HasPrefix(name, "duplicate"); isDup != graph.IsQuadExist(err) {
				t.Errorf("%s: %T error %v: IsQuadExist = %v", name, b, err, !isDup)
			}
		}
		same("failed " + name)
	}

	// Two values with one hash (an int and the typed string of its N-Quads
	// form): the first one of a write names the node, as in Cayley.
	collide := []quad.Quad{
		{Subject: quad.IRI("urn:test:c"), Predicate: quad.IRI("urn:test:p"), Object: quad.Int(77), Label: quad.IRI("urn:test:doc4")},
		{Subject: quad.IRI("urn:test:c"), Predicate: quad.IRI("urn:test:q"), Object: quad.Int(77).TypedString(), Label: quad.IRI("urn:test:doc4")},
	}
	for _, b := range []backend{ob, tb} {
		if err := b.apply(ctx, collide); err != nil {
			t.Fatal(err)
		}
	}
	same("hash collision")
}

// diff returns the elements of got not in want and of want not in got.
func diff(got, want []string) (extra, missing []string) {
	count := make(map[string]int)
	for _, s := range want {
		count[s]++
	}
	for _, s := range got {
		if count[s] > 0 {
			count[s]--
		} else {
			extra = append(extra, s)
		}
	}
	for s, n := range count {
		for ; n > 0; n-- {
			missing = append(missing, s)
		}
	}
	slices.Sort(missing)
	return extra, missing
}

// TestPGArrayElements checks that each element of a pgArray reaches
// PostgreSQL as the same value as the element sent as a parameter of its
// own, the way Cayley sends it.
func TestPGArrayElements(t *testing.T) {
	b := openPostgresFresh(t).b.(*postgresBackend)
	db := b.db
	for _, c := range []struct {
		typ string
		v   any
	}{
		{"bytea", []byte{}}, {"bytea", []byte{0, 1, '"', '\\', '{', ',', 0xff}},
		{"text", ""}, {"text", "NULL"}, {"text", `a"b\c{d},e`}, {"text", `\x00`}, {"text", " spaced\t"}, {"text", "Straße 🇺🇦"},
		{"boolean", true}, {"boolean", false},
		{"integer", int64(-3)}, {"bigint", int64(math.MinInt64)}, {"bigint", int64(math.MaxInt64)},
		{"double precision", 0.1}, {"double precision", math.Copysign(0, -1)}, {"double precision", 5e-324},
		{"double precision", math.MaxFloat64}, {"double precision", -1.0 / 3},
		{"timestamptz", time.Date(2024, 3, 1, 18, 0, 45, 123456789, time.FixedZone("X", 5*3600+1800))},
		{"timestamptz", time.Date(-44, 3, 15, 12, 0, 0, 0, time.UTC)},
		{"timestamptz", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		// Compare the stored bytes (binary send form): 0 and -0 differ.
		q := fmt.Sprintf("SELECT (($1::%[1]s[])[2])::text, ($2::%[1]s)::text, ($1::%[1]s[])[1] IS NULL,"+
			" %[2]ssend(($1::%[1]s[])[2]) = %[2]ssend($2::%[1]s), array_length($1::%[1]s[], 1)",
			c.typ, map[string]string{"bytea": "bytea", "text": "text", "boolean": "bool", "integer": "int4",
				"bigint": "int8", "double precision": "float8", "timestamptz": "timestamptz_"}[c.typ])
		var (
			got, want   string
			null, equal bool
			n           int
		)
		if err := db.QueryRowContext(ctx, q, pgArray{nil, c.v, c.v}, c.v).Scan(&got, &want, &null, &equal, &n); err != nil {
			t.Errorf("%s %#v: %v", c.typ, c.v, err)
			continue
		}
		if !equal || got != want || !null || n != 3 {
			t.Errorf("%s %#v: array element %q, parameter %q (same bytes %v; NULL first %v; length %d)", c.typ, c.v, got, want, equal, null, n)
		}
	}
	// A large write is still two statements: far more values than
	// PostgreSQL's 65535 bind parameters would allow in multi-row VALUES.
	f := fixtureMany(3000)
	qs, err := documentQuads(f.Doc.ID, f.triples())
	if err != nil {
		t.Fatal(err)
	}
	if len(qs)*4 <= 65535 {
		t.Fatalf("fixture too small: %d quads", len(qs))
	}
	if err := b.apply(ctx, qs); err != nil {
		t.Fatalf("apply %d quads: %v", len(qs), err)
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM quads").Scan(&n); err != nil || n != len(qs) {
		t.Errorf("%d quads stored, want %d (%v)", n, len(qs), err)
	}
}

// TestPostgresWriteContext: a write whose context is cancelled before it
// starts or ends while it runs fails and leaves nothing behind.
func TestPostgresWriteContext(t *testing.T) {
	b := openPostgresFresh(t).b.(*postgresBackend)
	f := fixtureMany(2000)
	qs, err := documentQuads(f.Doc.ID, f.triples())
	if err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := b.apply(cancelled, qs); !errors.Is(err, context.Canceled) {
		t.Errorf("apply with a cancelled context = %v, want context.Canceled", err)
	}
	short, cancel := context.WithTimeout(ctx, 5*time.Millisecond)
	defer cancel()
	if err := b.apply(short, qs); err == nil {
		t.Logf("the write of %d quads finished within 5ms", len(qs))
	}
	var n int
	if err := b.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM quads) + (SELECT count(*) FROM nodes)").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d rows after cancelled writes, want 0 (%v)", n, err)
	}
}
