package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"pledgegraph"
	"pledgegraph/web"
)

// routes is the whole HTTP surface of the server, in one list.
func routes(logger *slog.Logger, api http.Handler, healthz http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /graphql", api)    // queries and mutations
	mux.Handle("GET /graphql", api)     // queries only (cacheable links from notebooks)
	mux.Handle("OPTIONS /graphql", api) // CORS pre-flight answers from gqlgen
	mux.Handle("GET /healthz", healthz) // liveness and store reachability
	mux.Handle("GET /", web.Handler())  // the explorer at "/", GraphiQL at "/graphiql", their assets
	if !web.Built() {
		logger.Info("the web UI is not built into this binary; run `make web` and rebuild for the explorer and GraphiQL")
	}
	return logRequests(logger, mux)
}

// health answers 200 {"status":"ok"} when the store answers a read within
// two seconds, else 503.
func health(st pledgegraph.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		status, code := "ok", http.StatusOK
		if _, err := st.HasDocument(ctx, "doc:0000000000000000"); err != nil {
			status, code = "store unavailable", http.StatusServiceUnavailable
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(code)
		_ = json.NewEncoder(w).Encode(map[string]string{"status": status})
	})
}

// logRequests logs one line per request: method, path, status, size and
// duration; server errors at warn level.
func logRequests(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		level := slog.LevelInfo
		switch {
		case rec.status >= 500:
			level = slog.LevelWarn
		case r.URL.Path == "/healthz" || len(r.URL.Path) > 8 && r.URL.Path[:8] == "/assets/":
			level = slog.LevelDebug
		}
		logger.LogAttrs(r.Context(), level, "http",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", rec.status),
			slog.Int64("bytes", rec.bytes), slog.Duration("took", time.Since(start)),
			slog.String("remote", r.RemoteAddr))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status      int
	bytes       int64
	wroteHeader bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wroteHeader {
		r.status, r.wroteHeader = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wroteHeader = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
