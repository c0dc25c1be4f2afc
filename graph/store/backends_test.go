package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lib/pq"
)

// opener opens a fresh, empty store for one test and closes it (and drops
// what it created) when the test ends.
type opener func(t testing.TB) *Store

// backends are the backends every conformance test runs on.
var backends = []struct {
	name string
	open opener
}{
	{BackendMemory, openMemory},
	{BackendBolt, openBoltTemp},
	{BackendPostgres, openPostgresFresh},
}

func openMemory(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), Config{Backend: BackendMemory})
	if err != nil {
		t.Fatalf("open memory store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func openBoltTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), Config{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "graph.bolt")})
	if err != nil {
		t.Fatalf("open bolt store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// postgresAdminDSN is the maintenance database the tests create their
// databases from: $PLEDGEGRAPH_POSTGRES_DSN, or the local server.
func postgresAdminDSN() string {
	if dsn := os.Getenv("PLEDGEGRAPH_POSTGRES_DSN"); dsn != "" {
		return dsn
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=5"
}

var pgSeq atomic.Int64

// freshPostgresDSN creates a uniquely named database for one test and drops
// it when the test ends. If PostgreSQL is unreachable the test fails, unless
// PLEDGEGRAPH_SKIP_POSTGRES=1.
func freshPostgresDSN(t testing.TB) string {
	t.Helper()
	if os.Getenv("PLEDGEGRAPH_SKIP_POSTGRES") == "1" {
		t.Skip("PLEDGEGRAPH_SKIP_POSTGRES=1: PostgreSQL backend not tested")
	}
	admin := postgresAdminDSN()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := sql.Open("postgres", admin)
	if err == nil {
		err = db.PingContext(ctx)
	}
	if err != nil {
		t.Fatalf("PostgreSQL is unreachable at %s: %v\n"+
			"start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), "+
			"point PLEDGEGRAPH_POSTGRES_DSN at a server, or set PLEDGEGRAPH_SKIP_POSTGRES=1 to skip this backend", admin, err)
	}
	name := fmt.Sprintf("pledgegraph_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, pgSeq.Add(1))
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(name)); err != nil {
		db.Close()
		t.Fatalf("create test database %s: %v", name, err)
	}
	t.Cleanup(func() {
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pq.QuoteIdentifier(name)+" WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("PLEDGEGRAPH_POSTGRES_DSN must be a postgres:// URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func openPostgresFresh(t testing.TB) *Store {
	t.Helper()
	dsn := freshPostgresDSN(t)
	return openPostgresAt(t, dsn)
}

func openPostgresAt(t testing.TB, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), Config{Backend: BackendPostgres, Path: dsn})
	if err != nil {
		t.Fatalf("open postgres store: %v", err)
	}
	t.Cleanup(func() { s.Close() }) // runs before the database is dropped
	return s
}
