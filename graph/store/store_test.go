package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
	bbolt "go.etcd.io/bbolt"

	"pledgegraph"
)

func TestBoltReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "dir", "graph.bolt") // directories created
	s, err := Open(ctx, Config{Backend: BackendBolt, Path: path})
	if err != nil {
		t.Fatal(err)
	}
	a, b := fixtureA(), fixtureB()
	write(t, s, a, b)
	before := stats(t, s)
	wantActors, err := s.Actors(ctx, []string{idZelenskyy, idUK, idFrance})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// The label index was created with the store and is stored in it.
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	var indexes []kv.QuadIndex
	err = db.View(func(tx *bbolt.Tx) error {
		meta := tx.Bucket([]byte("meta"))
		if meta == nil {
			return fmt.Errorf("no meta bucket")
		}
		return json.Unmarshal(meta.Get([]byte("indexes")), &indexes)
	})
	db.Close()
	if err != nil {
		t.Fatalf("read the stored index list: %v", err)
	}
	if !slices.ContainsFunc(indexes, func(i kv.QuadIndex) bool { return reflect.DeepEqual(i.Dirs, []quad.Direction{quad.Label}) }) {
		t.Errorf("stored indexes %+v have no label index", indexes)
	}
	if len(kv.DefaultQuadIndexes) != 2 {
		t.Errorf("kv.DefaultQuadIndexes left changed: %+v", kv.DefaultQuadIndexes)
	}

	s, err = Open(ctx, Config{Backend: BackendBolt, Path: path})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if after := stats(t, s); after != before {
		t.Errorf("Stats after reopen = %+v, want %+v", after, before)
	}
	gotActors, err := s.Actors(ctx, []string{idZelenskyy, idUK, idFrance})
	if err != nil || !reflect.DeepEqual(gotActors, wantActors) {
		t.Errorf("Actors after reopen = %v, %v; want %v", gotActors, err, wantActors)
	}
	if created, err := s.Write(ctx, a.Doc.ID, a.triples()); err != nil || created {
		t.Errorf("Write of a stored document after reopen = %v, %v", created, err)
	}
	write(t, s, fixtureGeorgiaPerson())
	if st := stats(t, s); st.Documents != 3 {
		t.Errorf("Stats after a write on the reopened store = %+v", st)
	}
}

func TestBoltDirectoryPath(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(ctx, Config{Path: dir}) // bolt is the default backend
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Backend() != BackendBolt {
		t.Errorf("default backend = %q", s.Backend())
	}
	write(t, s, fixtureA())
	if _, err := os.Stat(filepath.Join(dir, "indexes.bolt")); err != nil {
		t.Errorf("a directory path should hold indexes.bolt: %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	for _, c := range []struct {
		cfg  Config
		code string
	}{
		{Config{Backend: "leveldb", Path: "x"}, pledgegraph.EINVALID},
		{Config{Backend: BackendBolt}, pledgegraph.EINVALID},
		{Config{Backend: BackendPostgres}, pledgegraph.EINVALID},
		{Config{Backend: BackendBolt, Path: "/proc/version/graph.bolt"}, pledgegraph.EINTERNAL},
		{Config{Backend: BackendPostgres, Path: "postgres://postgres:secret@127.0.0.1:1/x?sslmode=disable&connect_timeout=2"}, pledgegraph.EINTERNAL},
	} {
		s, err := Open(ctx, c.cfg)
		if err == nil {
			s.Close()
		}
		wantCode(t, fmt.Sprintf("Open(%+v)", c.cfg), err, c.code)
		if msg := pledgegraph.ErrorMessage(err); strings.Contains(msg, "secret") || strings.Contains(msg, "127.0.0.1") {
			t.Errorf("Open(%+v) message %q leaks the connection string", c.cfg, msg)
		}
	}
}

// TestPostgresShared runs two stores, as two servers would, on one database:
// each sees what the other writes at once (nothing stale is kept in
// process), and a document written by both at the same time is created once.
func TestPostgresShared(t *testing.T) {
	dsn := freshPostgresDSN(t)
	s1, s2 := openPostgresAt(t, dsn), openPostgresAt(t, dsn)
	a, b := fixtureA(), fixtureB()
	for i := 0; i < 3; i++ {
		// Read on s2 first, so a cache would have something to go stale.
		stats(t, s2)
		s2.FindDocuments(ctx, pledgegraph.PageRequest{})
	}
	write(t, s1, a)
	if st := stats(t, s2); st.Documents != 1 || st.Actors != 4 {
		t.Errorf("s2 Stats after s1 wrote = %+v", st)
	}
	if ok, err := s2.HasDocument(ctx, a.Doc.ID); err != nil || !ok {
		t.Errorf("s2 HasDocument = %v, %v", ok, err)
	}
	if created, err := s2.Write(ctx, a.Doc.ID, a.triples()); err != nil || created {
		t.Errorf("s2 Write of what s1 wrote = %v, %v", created, err)
	}

	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		created int
	)
	for round := 0; round < 3; round++ {
		f := fixtureMany(5 + round)
		if round == 0 {
			f = b
		}
		created = 0
		for _, s := range []*Store{s1, s2, s1, s2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ok, err := s.Write(ctx, f.Doc.ID, f.triples())
				if err != nil {
					t.Errorf("concurrent Write: %v", err)
				}
				if ok {
					mu.Lock()
					created++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if created != 1 {
			t.Errorf("round %d: %d concurrent Writes reported created, want exactly 1", round, created)
		}
	}
	st1, st2 := stats(t, s1), stats(t, s2)
	if st1 != st2 || st1.Documents != 4 {
		t.Errorf("Stats s1 %+v, s2 %+v; want equal, 4 documents", st1, st2)
	}
}

// TestPostgresCreatesDatabase opens a DSN naming a database that does not
// exist yet.
func TestPostgresCreatesDatabase(t *testing.T) {
	dsn := freshPostgresDSN(t) // checks reachability and registers cleanup of its own database
	u, _ := url.Parse(dsn)
	name := strings.TrimPrefix(u.Path, "/") + "_auto"
	u.Path = "/" + name
	admin, err := sql.Open("postgres", postgresAdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + pq.QuoteIdentifier(name) + " WITH (FORCE)")
		admin.Close()
	})
	s := openPostgresAt(t, u.String())
	write(t, s, fixtureA())
	// and opening it again finds the schema in place
	s2 := openPostgresAt(t, u.String())
	if st := stats(t, s2); st.Documents != 1 {
		t.Errorf("Stats on the reopened database = %+v", st)
	}
}

// TestLogger: Cayley's messages reach a configured logger, tagged.
func TestLogger(t *testing.T) {
	dsn := freshPostgresDSN(t)
	openPostgresAt(t, dsn) // creates the schema
	var buf bytes.Buffer
	var mu sync.Mutex
	l := slog.New(slog.NewTextHandler(&lockedWriter{w: &buf, mu: &mu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s, err := Open(context.Background(), Config{Backend: BackendPostgres, Path: dsn, Logger: l})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mu.Lock()
	out := buf.String()
	mu.Unlock()
	// Cayley's init logs its failed CREATE TABLE on an existing schema.
	if !strings.Contains(out, "component=cayley") || !strings.Contains(out, "store opened") {
		t.Errorf("log output %q lacks Cayley's message or the store's", out)
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}

func TestMaintenanceDSN(t *testing.T) {
	for _, c := range []struct{ dsn, admin, name string }{
		{"postgres://postgres@127.0.0.1:5432/test?sslmode=disable", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "test"},
		{"postgresql://u:p@h/db%20x", "postgresql://u:p@h/postgres", "db x"},
		{"host=127.0.0.1 dbname=graph user=postgres", "host=127.0.0.1 dbname=postgres user=postgres", "graph"},
		{"dbname='my db' sslmode=disable", "dbname=postgres sslmode=disable", "my db"},
	} {
		admin, name, err := maintenanceDSN(c.dsn)
		if err != nil || admin != c.admin || name != c.name {
			t.Errorf("maintenanceDSN(%q) = %q, %q, %v; want %q, %q", c.dsn, admin, name, err, c.admin, c.name)
		}
	}
	if _, _, err := maintenanceDSN("host=x user=y"); err == nil {
		t.Error("maintenanceDSN without dbname: no error")
	}
}

// FuzzCursor: any string is either a cursor that decodes to the ID it was
// made from, or rejected; never a panic.
func FuzzCursor(f *testing.F) {
	f.Add("stmt:0123456789abcdef")    // a statement ID
	f.Add("")                         // the empty ID
	f.Add("actor:person:zelénskyy|x") // non-ASCII and a separator
	f.Add(encodeCursor("doc:1"))      // a cursor passed where an ID goes
	f.Add("YzE6c3RtdDp4")             // base64 of c1:stmt:x
	f.Add("====")                     // padding only
	f.Fuzz(func(t *testing.T, s string) {
		if id, ok := decodeCursor(encodeCursor(s)); !ok || id != s {
			t.Fatalf("cursor of %q decodes to %q, %v", s, id, ok)
		}
		if id, ok := decodeCursor(s); ok && encodeCursor(id) != s {
			t.Fatalf("%q decodes to %q, which encodes to %q", s, id, encodeCursor(id))
		}
		err := checkPage("fuzz", pledgegraph.PageRequest{After: s})
		if _, ok := decodeCursor(s); ok != (err == nil) && s != "" {
			t.Fatalf("checkPage(%q) = %v, decode ok %v", s, err, ok)
		}
	})
}

// TestPostgresConcurrentOpen: servers starting together on a new database
// all get a working store (one creates the schema, the others find it).
func TestPostgresConcurrentOpen(t *testing.T) {
	dsn := freshPostgresDSN(t)
	stores := make([]*Store, 4)
	errs := make([]error, 4)
	var wg sync.WaitGroup
	for i := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stores[i], errs[i] = Open(ctx, Config{Backend: BackendPostgres, Path: dsn})
		}()
	}
	wg.Wait()
	for i, s := range stores {
		if errs[i] != nil {
			t.Errorf("Open %d: %v", i, errs[i])
			continue
		}
		t.Cleanup(func() { s.Close() })
	}
	if t.Failed() {
		return
	}
	write(t, stores[0], fixtureA())
	for i, s := range stores {
		if st := stats(t, s); st.Documents != 1 {
			t.Errorf("store %d Stats = %+v", i, st)
		}
	}
}
