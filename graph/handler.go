package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"pledgegraph"
	"pledgegraph/graph/search"
	"pledgegraph/graph/traverse"
)

// Options configure the GraphQL handler. Store is required; zero values of
// the other fields mean the defaults.
type Options struct {
	Store    pledgegraph.Store
	Ingester Ingester     // nil: ingestDocument fails with INVALID
	Logger   *slog.Logger // nil: slog.Default()
	// Graph is what path and neighborhood traverse: a traverse.Adjacency
	// wrapping Store for interactive latency; nil: Store itself.
	Graph traverse.Graph
	// Search is the full-text index behind search; nil: search fails with
	// INVALID.
	Search *search.Index

	MaxComplexity int           // default DefaultMaxComplexity
	MaxDepth      int           // default DefaultMaxDepth
	Timeout       time.Duration // per request; default DefaultTimeout
	MaxBodyBytes  int64         // largest request body; default DefaultMaxBodyBytes
	BatchWait     time.Duration // how long loaders gather keys before a store call; default 1ms

	gqlgenPOST bool // tests: serve POST with gqlgen's transport, to compare postJSON with it
}

// Defaults of Options.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBodyBytes = MaxDocumentBytes + 64<<10
)

// DefaultGCPercent is the garbage collector's target (GOGC) a server runs
// with unless GOGC is set. A server's live heap is small (60–80 MB at
// 10 000 articles, measured: the graph is in the store's file, the
// adjacency copy is int32 arrays) while answers allocate hundreds of KB each, so with Go's
// default of 100 it collects every ~100 ms under load, each cycle taking
// one of two cores for tens of milliseconds: the p99 of every query. At
// 400 it collects a quarter as often, for a heap of a few hundred MB.
const DefaultGCPercent = 400

// NewHandler returns the GraphQL endpoint: queries over GET and POST,
// mutations over POST, introspection on, depth and complexity limits, a
// per-request timeout, fresh dataloaders per operation, and one error
// presenter that never leaks internals.
func NewHandler(cfg Options) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxComplexity <= 0 {
		cfg.MaxComplexity = DefaultMaxComplexity
	}
	if cfg.MaxDepth <= 0 {
		cfg.MaxDepth = DefaultMaxDepth
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}

	if cfg.Graph == nil {
		cfg.Graph = cfg.Store
	}
	srv := handler.New(NewExecutableSchema(Config{
		Resolvers: &Resolver{Store: cfg.Store, Ingester: cfg.Ingester, Logger: cfg.Logger,
			Traverser: NewTraverser(cfg.Graph), Index: cfg.Search, dates: newDateCache()},
	}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	if cfg.gqlgenPOST {
		srv.AddTransport(transport.POST{})
	} else {
		srv.AddTransport(postJSON{})
	}
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(&limits{maxComplexity: cfg.MaxComplexity, maxDepth: cfg.MaxDepth})
	srv.SetErrorPresenter(errorPresenter(cfg.Logger))
	srv.SetRecoverFunc(recoverFunc(cfg.Logger))
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(withLoaders(ctx, newLoaders(cfg.Store, cfg.BatchWait)))
	})

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > cfg.MaxBodyBytes {
			tooLarge(w, r.ContentLength, cfg.MaxBodyBytes)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), cfg.Timeout)
		defer cancel()
		r.Body = http.MaxBytesReader(w, r.Body, cfg.MaxBodyBytes)
		srv.ServeHTTP(w, r.WithContext(ctx))
	})
}

// tooLarge answers a request whose body is over the limit, before reading it,
// with a GraphQL error response.
func tooLarge(w http.ResponseWriter, size, limit int64) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusRequestEntityTooLarge)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{
		"message":    fmt.Sprintf("the request body is %d bytes; the limit is %d", size, limit),
		"extensions": map[string]any{"code": pledgegraph.ELIMIT},
	}}})
}
