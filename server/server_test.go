package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lib/pq"

	"pledgegraph"
	"pledgegraph/graph/store"
	"pledgegraph/ingest"
	"pledgegraph/loader/pipeline"
)

// startServer runs run() on a free port over a memory store (unless extra
// flags say otherwise) loaded from dataDir and returns its base URL; the
// server stops when the test ends.
func startServer(t *testing.T, dataDir string, extra ...string) (base string, logs *syncBuffer) {
	t.Helper()
	base, logs, stop := startServerStop(t, dataDir, extra...)
	t.Cleanup(stop)
	return base, logs
}

// startServerStop is startServer returning the function that stops it (and
// checks that run returned nil).
func startServerStop(t *testing.T, dataDir string, extra ...string) (base string, logs *syncBuffer, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	args := append([]string{"--addr", "127.0.0.1:0", "--store", "memory", "--data", dataDir}, extra...)
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, func(string) string { return "" }, stdout, stderr) }()
	stop = func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run returned %v after shutdown", err)
			}
		case <-time.After(20 * time.Second):
			t.Error("server did not shut down")
		}
	}
	defer func() {
		if base == "" {
			stop()
		}
	}()

	listening := regexp.MustCompile(`listening on (http://\S+)`)
	deadline := time.Now().Add(60 * time.Second)
	url := ""
	for url == "" {
		if m := listening.FindStringSubmatch(stdout.String()); m != nil {
			url = m[1]
			break
		}
		select {
		case err := <-done:
			t.Fatalf("run ended before serving: %v\n%s", err, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not start:\n%s", stderr.String())
		}
	}
	for {
		resp, err := http.Get(url + "/healthz")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && strings.Contains(string(body), `"ok"`) {
				base = url
				return base, stderr, stop
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz never answered ok (%v)", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func post(t *testing.T, base, query string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return r
}

func TestServerWithSeedData(t *testing.T) {
	base, logs := startServer(t, filepath.Join("..", "data"))

	t.Run("pledges to Ukraine", func(t *testing.T) {
		r := post(t, base, `{ commitments(target: "Ukraine") { edges { node {
			actor { name } action polarity modality condition } } } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("errors: %+v", r.Errors)
		}
		var got struct {
			Commitments struct {
				Edges []struct {
					Node struct {
						Actor                      struct{ Name string }
						Action, Polarity, Modality string
						Condition                  *string
					}
				}
			}
		}
		if err := json.Unmarshal(r.Data, &got); err != nil {
			t.Fatal(err)
		}
		var pledgers []string
		for _, e := range got.Commitments.Edges {
			n := e.Node
			if n.Polarity == "POSITIVE" && strings.Contains(n.Action, "deploy forces") &&
				n.Condition != nil && strings.Contains(*n.Condition, "ceasefire") {
				pledgers = append(pledgers, n.Actor.Name)
			}
		}
		slices.Sort(pledgers)
		if !slices.Contains(pledgers, "France") || !slices.Contains(pledgers, "United Kingdom") {
			t.Errorf("conditional pledges to deploy forces to Ukraine by %q, want France and United Kingdom; data: %s",
				pledgers, r.Data)
		}
	})

	t.Run("actor by alias", func(t *testing.T) {
		r := post(t, base, `query($n: String!) { actor(name: $n) { name kind country { name } } }`, map[string]any{"n": "zelenskyy"})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"name":"Volodymyr Zelenskyy"`) ||
			!strings.Contains(string(r.Data), `"country":{"name":"Ukraine"}`) {
			t.Errorf("actor(name: zelenskyy) = %s %+v", r.Data, r.Errors)
		}
	})

	t.Run("unknown actor", func(t *testing.T) {
		r := post(t, base, `{ statements(speaker: "Atlantis") { totalCount } }`, nil)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "NOT_FOUND" ||
			!strings.Contains(r.Errors[0].Message, `no actor named "Atlantis"`) {
			t.Errorf("errors = %+v", r.Errors)
		}
	})

	t.Run("ingest", func(t *testing.T) {
		const text = "Norway pledges aid\n\nNorway said on Monday it would send 500 million kroner to Ukraine.\n"
		const m = `mutation($in: DocumentInput!) { ingestDocument(input: $in) { id title source publishedAt } }`
		in := map[string]any{"text": text, "source": "https://example.org/norway", "publishedAt": "2026-02-02"}
		r := post(t, base, m, map[string]any{"in": in})
		if len(r.Errors) > 0 {
			t.Fatalf("ingest: %+v", r.Errors)
		}
		var got struct {
			IngestDocument struct {
				ID, Title, Source, PublishedAt string
			}
		}
		if err := json.Unmarshal(r.Data, &got); err != nil {
			t.Fatal(err)
		}
		d := got.IngestDocument
		if !strings.HasPrefix(d.ID, "doc:") || d.Source != "https://example.org/norway" || d.PublishedAt != "2026-02-02T00:00:00Z" {
			t.Errorf("ingested document = %+v", d)
		}
		again := post(t, base, m, map[string]any{"in": in})
		if len(again.Errors) > 0 || !strings.Contains(string(again.Data), d.ID) {
			t.Errorf("ingesting the same text again = %s %+v, want the same document", again.Data, again.Errors)
		}
		r = post(t, base, `{ documents { totalCount } }`, nil)
		if !strings.Contains(string(r.Data), `"totalCount":2`) {
			t.Errorf("documents after ingest = %s", r.Data)
		}
	})

	t.Run("GET query", func(t *testing.T) {
		resp, err := http.Get(base + "/graphql?query=" + "%7B%20stats%20%7B%20documents%20%7D%20%7D")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"documents"`) {
			t.Errorf("GET /graphql: %d %s", resp.StatusCode, body)
		}
	})

	t.Run("web UI routes", func(t *testing.T) {
		for _, path := range []string{"/", "/graphiql"} {
			resp, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			// 200 with the UI built, 503 with a page saying how to build it.
			if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusServiceUnavailable {
				t.Errorf("GET %s: %d", path, resp.StatusCode)
			}
		}
	})

	if l := logs.String(); !strings.Contains(l, "msg=loaded") || !strings.Contains(l, "path=/graphql status=200") {
		t.Errorf("logs lack the load summary or request lines:\n%s", l)
	}
}

func TestServerFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string // error substring
	}{
		{"postgres needs a DSN", []string{"--store", "postgres"}, nil, "needs --db"},
		{"unknown backend", []string{"--store", "redis", "--addr", "127.0.0.1:0", "--data", ""}, nil, "unknown store backend"},
		{"bad log level", []string{"--log-level", "loud"}, nil, "--log-level"},
		{"stray argument", []string{"data"}, nil, "unexpected arguments"},
		{"environment", nil, map[string]string{"PLEDGEGRAPH_STORE": "postgres"}, "needs --db"},
		{"search index of a memory store", []string{"--store", "memory", "--search-index", "ix"}, nil, "--search-index is for a store that persists"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr syncBuffer
			err := run(context.Background(), tt.args, func(k string) string { return tt.env[k] }, io.Discard, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v, want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}

// TestServerBoltRestart checks that data persists in the bolt file and is
// loaded only into an empty store.
func TestServerBoltRestart(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pg.db")
	count := func(base string) string {
		r := post(t, base, `{ stats { documents statements } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("stats: %+v", r.Errors)
		}
		return string(r.Data)
	}
	base, logs, stop := startServerStop(t, filepath.Join("..", "data"), "--store", "bolt", "--db", db)
	first := count(base)
	if strings.Contains(first, `"documents":0`) || !strings.Contains(logs.String(), "msg=loaded") {
		t.Fatalf("first start: %s\n%s", first, logs.String())
	}
	stop()

	base, logs, stop = startServerStop(t, filepath.Join("..", "data"), "--store", "bolt", "--db", db)
	defer stop()
	if again := count(base); again != first {
		t.Errorf("after restart %s, before %s", again, first)
	}
	if !strings.Contains(logs.String(), "not loading") {
		t.Errorf("restart did not skip loading:\n%s", logs.String())
	}
}

// freshPostgres creates a database for one test and drops it when the test
// ends; skipped with PLEDGEGRAPH_SKIP_POSTGRES=1 (PLEDGEGRAPH_POSTGRES_DSN
// names the server, as for the store's tests).
func freshPostgres(t *testing.T) string {
	t.Helper()
	if os.Getenv("PLEDGEGRAPH_SKIP_POSTGRES") == "1" {
		t.Skip("PLEDGEGRAPH_SKIP_POSTGRES=1")
	}
	admin := os.Getenv("PLEDGEGRAPH_POSTGRES_DSN")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=5"
	}
	db, err := sql.Open("postgres", admin)
	if err == nil {
		err = db.Ping()
	}
	if err != nil {
		t.Fatalf("PostgreSQL is unreachable at %s (PLEDGEGRAPH_SKIP_POSTGRES=1 skips): %v", admin, err)
	}
	name := fmt.Sprintf("pledgegraph_server_test_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := db.Exec("CREATE DATABASE " + pq.QuoteIdentifier(name)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		defer db.Close()
		if _, err := db.Exec("DROP DATABASE IF EXISTS " + pq.QuoteIdentifier(name) + " WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// With --search-index, a PostgreSQL server's index outlives a restart: a
// document another writer added meanwhile is indexed at the next start,
// and only it.
func TestServerPostgresSearchIndex(t *testing.T) {
	dsn := freshPostgres(t)
	ix := filepath.Join(t.TempDir(), "search")
	flags := []string{"--store", "postgres", "--db", dsn, "--search-index", ix}
	find := func(base, text string) string {
		t.Helper()
		r := post(t, base, `query($q: String!) { search(text: $q, first: 5) { totalCount } }`, map[string]any{"q": text})
		if len(r.Errors) > 0 {
			t.Fatalf("search %q: %+v", text, r.Errors)
		}
		return string(r.Data)
	}
	base, logs, stop := startServerStop(t, filepath.Join("..", "data"), flags...)
	first := find(base, "Zelenskyy")
	if strings.Contains(first, `"totalCount":0`) || !strings.Contains(logs.String(), "msg=loaded") ||
		!strings.Contains(logs.String(), "msg=start-up") {
		t.Fatalf("first start: search %s\n%s", first, logs.String())
	}
	stop()
	if _, err := os.Stat(ix); err != nil {
		t.Fatalf("no index directory after the first run: %v", err)
	}

	// Another writer (a loader, or a server) adds a document while this
	// one is down. (Not a server in this process: opening a second bleve
	// index here would change the options graph/search passes to the next
	// open.)
	st, err := store.Open(context.Background(), store.Config{Backend: store.BackendPostgres, Path: dsn})
	if err != nil {
		t.Fatal(err)
	}
	ex, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Norway pledges aid\n\nNorway said on Monday it would send 500 million kroner to Ukraine.\n"
	if _, err := ingest.New(st, ex, nil).Ingest(context.Background(), pledgegraph.Source{Name: "norway.txt", Text: text}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	base, logs, stop = startServerStop(t, filepath.Join("..", "data"), flags...)
	defer stop()
	l := logs.String()
	if !strings.Contains(l, "msg=\"search index caught up\" documents=1 ") {
		t.Errorf("restart did not index exactly the one new document:\n%s", l)
	}
	if again := find(base, "Zelenskyy"); again != first {
		t.Errorf("after restart search gives %s, before %s", again, first)
	}
	if got := find(base, "kroner"); strings.Contains(got, `"totalCount":0`) {
		t.Errorf("the document written meanwhile is not found: %s", got)
	}
}

func TestServerEmptyDataDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte("not an article"), 0o644); err != nil {
		t.Fatal(err)
	}
	base, _ := startServer(t, dir)
	r := post(t, base, `{ stats { documents } }`, nil)
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"documents":0`) {
		t.Errorf("stats = %s %+v", r.Data, r.Errors)
	}
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
