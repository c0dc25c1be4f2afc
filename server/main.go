// Command server serves the pledgegraph GraphQL API, the graph explorer and
// GraphiQL from one binary.
//
//	server [--addr 127.0.0.1:8080] [--store bolt|memory|postgres] [--db PATH|DSN] [--data DIR] [--search-index DIR]
//
// On start it opens the store and, when the store holds no document yet,
// loads the articles under --data (default ./data; "" disables) through the
// same ingest service as the loader and the ingestDocument mutation. It then
// brings the search index and the in-memory adjacency copy up to date with
// the store (each phase's duration is logged, "start-up"), serves until
// SIGINT or SIGTERM and shuts down gracefully.
//
// The search index lives beside a Bolt file (<db>.search) and in memory for
// the other stores, unless --search-index names a directory. With
// PostgreSQL, give each server a directory of its own: the index then
// outlives restarts, and a start indexes only the documents written since
// (two counts when there are none) instead of the whole database.
//
// Every flag may also be set in the environment: PLEDGEGRAPH_ADDR,
// PLEDGEGRAPH_STORE, PLEDGEGRAPH_DB, PLEDGEGRAPH_DATA, PLEDGEGRAPH_SEARCH_INDEX,
// PLEDGEGRAPH_LOG_LEVEL; flags win. The garbage collector runs at
// GOGC=graph.DefaultGCPercent (400) unless GOGC is set.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"pledgegraph"
	"pledgegraph/graph"
	"pledgegraph/graph/search"
	"pledgegraph/graph/store"
	"pledgegraph/graph/traverse"
	"pledgegraph/ingest"
	"pledgegraph/loader/pipeline"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if os.Getenv("GOGC") == "" {
		// See graph.DefaultGCPercent: a small live heap and answers that
		// allocate make Go's default collect too often for the p99.
		debug.SetGCPercent(graph.DefaultGCPercent)
	}
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return // usage was printed; asking for help is not a failure
		}
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// config is what the flags and environment say.
type config struct {
	addr, backend, db, data, logLevel string
	searchIndex                       string // search index directory; "" for the default (indexPath)
	timeout                           time.Duration
	maxComplexity                     int
}

func parseFlags(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	env := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	var c config
	fl := flag.NewFlagSet("server", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&c.addr, "addr", env("PLEDGEGRAPH_ADDR", "127.0.0.1:8080"), "address to listen on (port 0 picks a free one)")
	fl.StringVar(&c.backend, "store", env("PLEDGEGRAPH_STORE", store.BackendBolt), "store backend: bolt, memory or postgres")
	fl.StringVar(&c.db, "db", env("PLEDGEGRAPH_DB", ""), "bolt file (default ./pledgegraph.db) or PostgreSQL connection string")
	fl.StringVar(&c.data, "data", env("PLEDGEGRAPH_DATA", "./data"), "articles to load when the store is empty (\"\" disables)")
	fl.StringVar(&c.searchIndex, "search-index", env("PLEDGEGRAPH_SEARCH_INDEX", ""),
		"search index directory, one per server (default: <db>.search for bolt, in memory for memory and postgres);\n"+
			"with postgres it makes the index outlive restarts, so that a start indexes only what is new")
	fl.StringVar(&c.logLevel, "log-level", env("PLEDGEGRAPH_LOG_LEVEL", "info"), "log level: debug, info, warn or error")
	fl.DurationVar(&c.timeout, "timeout", graph.DefaultTimeout, "longest a GraphQL request may run")
	fl.IntVar(&c.maxComplexity, "max-complexity", graph.DefaultMaxComplexity, "largest estimated number of values one GraphQL operation may return")
	fl.Usage = func() {
		fmt.Fprintf(stderr, "usage: server [--addr HOST:PORT] [--store bolt|memory|postgres] [--db PATH|DSN] [--data DIR] [--search-index DIR]\n\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return c, err
	}
	if fl.NArg() > 0 {
		fl.Usage()
		return c, fmt.Errorf("unexpected arguments: %s", strings.Join(fl.Args(), " "))
	}
	switch {
	case c.db == "" && c.backend == store.BackendBolt:
		c.db = "./pledgegraph.db"
	case c.db == "" && c.backend == store.BackendPostgres:
		return c, errors.New("--store postgres needs --db with a connection string, e.g. postgres://postgres@127.0.0.1:5432/pledgegraph?sslmode=disable")
	}
	if c.searchIndex != "" && c.backend == store.BackendMemory {
		// The store starts empty; a kept index would answer with what the
		// last run held.
		return c, errors.New("--search-index is for a store that persists (bolt, postgres), not memory")
	}
	return c, nil
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, getenv, stderr)
	if err != nil {
		return err
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.logLevel)); err != nil {
		return fmt.Errorf("--log-level: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	// Start-up phases and their durations, logged once serving.
	var phases []any
	phase := func(name string, start time.Time) {
		phases = append(phases, slog.Duration(name, time.Since(start).Round(time.Millisecond)))
	}
	t := time.Now()
	st, err := store.Open(ctx, store.Config{Backend: cfg.backend, Path: cfg.db, Logger: logger})
	if err != nil {
		return fmt.Errorf("open %s store: %s", cfg.backend, pledgegraph.ErrorMessage(err))
	}
	defer func() {
		if err := st.Close(); err != nil {
			logger.Error("close store", "err", err)
		}
	}()
	phase("open_store", t)
	ex, err := pipeline.New()
	if err != nil {
		return err
	}
	t = time.Now()
	idx, err := search.Open(ctx, search.Config{Path: indexPath(cfg), Logger: logger})
	if err != nil {
		logger.Error("open search index", "path", indexPath(cfg), "err", err)
		return fmt.Errorf("open search index: %s", pledgegraph.ErrorMessage(err))
	}
	defer func() {
		if err := idx.Close(); err != nil {
			logger.Error("close search index", "err", err)
		}
	}()
	phase("open_search_index", t)
	adj := traverse.NewAdjacency(st, traverse.AdjacencyConfig{CheckEvery: adjacencyCheck(cfg.backend), Logger: logger})
	defer adj.Close()
	// Every write of this process updates the index and the adjacency copy
	// in the same ingest as its quads.
	ing := ingest.New(st, ex, logger, idx, ingest.Edges(adj))

	t = time.Now()
	if err := loadIfEmpty(ctx, st, ing, cfg.data, logger); err != nil {
		return err
	}
	phase("load", t)
	// Writes this process did not see (the loader CLI, other servers on a
	// shared database): the index and the adjacency copy catch up now.
	t = time.Now()
	syncIndex(ctx, idx, st, logger)
	phase("sync_search_index", t)
	t = time.Now()
	if err := adj.Refresh(ctx); err != nil {
		logger.Warn("adjacency copy not built; path and neighborhood read the store until it is", "err", err)
	} else {
		s := adj.Stats()
		logger.Info("adjacency copy built", "documents", s.Documents, "nodes", s.Nodes, "edges", s.Edges)
	}
	phase("build_adjacency", t)
	logger.Info("start-up", phases...)
	if cfg.backend == store.BackendPostgres {
		syncCtx, stopSync := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); syncEvery(syncCtx, postgresSyncInterval, idx, st, logger) }()
		defer func() { stopSync(); <-done }() // before the index closes
	}

	api := graph.NewHandler(graph.Options{Store: st, Ingester: ingester{ing}, Logger: logger,
		Graph: adj, Search: idx, Timeout: cfg.timeout, MaxComplexity: cfg.maxComplexity})
	srv := &http.Server{
		Handler:           routes(logger, api, health(st)),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      cfg.timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	logger.Info("serving", "graphql", url+"/graphql", "explorer", url+"/", "graphiql", url+"/graphiql",
		"store", cfg.backend)
	fmt.Fprintf(stdout, "pledgegraph listening on %s\n", url)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// loadIfEmpty loads the articles under dir when the store holds no document.
func loadIfEmpty(ctx context.Context, st pledgegraph.Store, ing *ingest.Service, dir string, logger *slog.Logger) error {
	if dir == "" {
		return nil
	}
	// The documents only (Stats counts every kind of node and every quad:
	// tens of seconds on a large, cold Bolt file).
	docs, err := st.FindDocuments(ctx, pledgegraph.PageRequest{First: 1})
	if err != nil {
		return fmt.Errorf("read store: %s", pledgegraph.ErrorMessage(err))
	}
	if docs.Total > 0 {
		logger.Info("store holds documents; not loading", "documents", docs.Total, "data", dir)
		return nil
	}
	if _, err := os.Stat(dir); err != nil {
		logger.Warn("store is empty and the data directory is missing; serving an empty graph", "data", dir)
		return nil
	}
	start := time.Now()
	last := start
	sum, err := ing.LoadPaths(ctx, []string{dir}, func(done, total int, path string) {
		if now := time.Now(); now.Sub(last) >= 2*time.Second {
			last = now
			logger.Info("loading", "done", done, "total", total)
		}
	})
	if err != nil {
		return fmt.Errorf("load %s: %w", dir, err)
	}
	for _, sk := range sum.Skipped {
		logger.Warn("skipped", "path", sk.Path, "reason", sk.Reason)
	}
	logger.Info("loaded", "data", dir, "documents", sum.Documents, "actors", sum.Actors, "statements", sum.Statements,
		"commitments", sum.Commitments, "quads", sum.Quads, "skipped", len(sum.Skipped),
		"took", time.Since(start).Round(time.Millisecond))
	return nil
}

// postgresSyncInterval is how often a server on a shared PostgreSQL database
// indexes what other servers wrote.
const postgresSyncInterval = 30 * time.Second

// indexPath is where the search index lives: --search-index when given,
// else beside the Bolt file, or in memory for the memory store and for
// PostgreSQL (where several servers share the graph and each keeps its own
// index, synced from the store).
func indexPath(cfg config) string {
	if cfg.searchIndex != "" {
		return cfg.searchIndex
	}
	if cfg.backend == store.BackendBolt {
		return search.DefaultPath(cfg.db)
	}
	return ""
}

// adjacencyCheck is how often the adjacency copy is compared with the store:
// never for stores only this process writes (memory, bolt: Apply sees every
// write), every two seconds for PostgreSQL, which other servers may write.
func adjacencyCheck(backend string) time.Duration {
	if backend == store.BackendPostgres {
		return 2 * time.Second
	}
	return -1
}

// syncIndex indexes what the store holds and the index lacks; a failure
// leaves search stale, not the server down.
func syncIndex(ctx context.Context, idx *search.Index, st pledgegraph.Store, logger *slog.Logger) {
	start := time.Now()
	s, err := idx.Sync(ctx, st)
	if err != nil {
		logger.Error("search index sync failed; search may miss documents", "err", err)
		return
	}
	if s.Documents > 0 || s.Actors > 0 {
		logger.Info("search index caught up", "documents", s.Documents, "actors", s.Actors, "took", time.Since(start).Round(time.Millisecond))
	}
}

func syncEvery(ctx context.Context, every time.Duration, idx *search.Index, st pledgegraph.Store, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			syncIndex(ctx, idx, st, logger)
		}
	}
}

// ingester adapts the ingest service to the API's Ingester.
type ingester struct{ s *ingest.Service }

func (i ingester) Ingest(ctx context.Context, src pledgegraph.Source) (*pledgegraph.Document, bool, error) {
	r, err := i.s.Ingest(ctx, src)
	if err != nil {
		return nil, false, err
	}
	return &r.Extraction.Document, r.Created, nil
}
