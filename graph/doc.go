// Package graph is pledgegraph's GraphQL API, built with gqlgen from
// ../schema.graphqls (configuration in ../gqlgen.yml).
//
// NewHandler returns the HTTP endpoint. Behind it:
//
//   - resolver.go holds the dependencies (a pledgegraph.Store, an optional
//     Ingester, a logger); schema.resolvers.go delegates each field in one line
//     to query.go (root queries), relations.go (edges between nodes) and
//     mutation.go (ingestDocument).
//   - loaders.go gives every operation fresh dataloaders over the store's
//     batch methods, so a field selected on many nodes costs one store call
//     per batch, never one per node.
//   - page.go pages connections: first defaults to DefaultFirst and may be at
//     most MaxFirst (above it the request fails with LIMIT_EXCEEDED rather
//     than being silently cut).
//   - limits.go refuses operations deeper or costlier than the configured
//     limits; errors.go is the one place errors become GraphQL errors with
//     extensions.code, and where internals are logged instead of sent.
//   - sentence.go widens an evidence span to its sentence for
//     Evidence.sentenceText.
//
// generated.go, model/models_gen.go and the resolver stubs are generated:
// run `go generate ./graph` after changing the schema.
package graph
