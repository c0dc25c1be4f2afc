// Package bench holds the service benchmark behind `make bench`: it
// generates a synthetic corpus with cmd/corpus, loads it through the ingest
// service (store, search index and adjacency copy together) into Bolt, and
// PostgreSQL when one is reachable, then serves the GraphQL API in process
// and measures latencies under concurrent clients. It has no non-test code;
// nothing in it runs under `go test ./...` without -bench.
package bench
