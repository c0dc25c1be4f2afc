package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vikstrous/dataloadgen"

	"pledgegraph"
)

// loaders batch and cache, for one GraphQL operation, every store read a
// field resolver makes: sibling fields asking for the speaker of 100
// statements cost one Store.Actors call, not 100. A fresh set is installed per
// operation (see NewHandler), so nothing is cached across requests.
type loaders struct {
	actors      *dataloadgen.Loader[string, *pledgegraph.Actor]
	statements  *dataloadgen.Loader[string, *pledgegraph.Statement]
	commitments *dataloadgen.Loader[string, *pledgegraph.Commitment]
	documents   *dataloadgen.Loader[string, *pledgegraph.Document]

	// One neighbour loader per edge the schema follows: key a node ID, value
	// the IDs at the other end.
	said       *dataloadgen.Loader[string, []string] // actor → statements it said
	mentions   *dataloadgen.Loader[string, []string] // document → actors read in it
	mentionsIn *dataloadgen.Loader[string, []string] // actor ← statements and documents mentioning it
	pledged    *dataloadgen.Loader[string, []string] // actor → commitments
	targetedBy *dataloadgen.Loader[string, []string] // actor ← commitments targeting it
	represents *dataloadgen.Loader[string, []string] // country ← persons representing it
	statedIn   *dataloadgen.Loader[string, []string] // statement ← commitments read from it
	inDocument *dataloadgen.Loader[string, []string] // document ← statements and commitments
}

// defaultBatchWait is how long a loader collects keys before it calls the
// store: long enough for the sibling resolvers gqlgen starts concurrently to
// join the batch, short against a request.
const defaultBatchWait = time.Millisecond

// storeBatch is the most IDs in one store batch call made outside the
// loaders (the store takes up to 10000).
const storeBatch = 5000

func newLoaders(st pledgegraph.Store, wait time.Duration) *loaders {
	if wait <= 0 {
		wait = defaultBatchWait
	}
	opt := dataloadgen.WithWait(wait)
	neighbors := func(pred string, dir pledgegraph.Direction) *dataloadgen.Loader[string, []string] {
		return dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([][]string, []error) {
			m, err := st.Neighbors(ctx, ids, pred, dir)
			if err != nil {
				return nil, []error{err}
			}
			out := make([][]string, len(ids))
			for i, id := range ids {
				out[i] = m[id]
			}
			return out, nil
		}, opt)
	}
	return &loaders{
		actors:      dataloadgen.NewLoader(batch(st.Actors), opt),
		statements:  dataloadgen.NewLoader(batch(st.Statements), opt),
		commitments: dataloadgen.NewLoader(batch(st.Commitments), opt),
		documents:   dataloadgen.NewLoader(batch(st.Documents), opt),

		said:       neighbors(pledgegraph.PredSaid, pledgegraph.Out),
		mentions:   neighbors(pledgegraph.PredMentions, pledgegraph.Out),
		mentionsIn: neighbors(pledgegraph.PredMentions, pledgegraph.In),
		pledged:    neighbors(pledgegraph.PredPledged, pledgegraph.Out),
		targetedBy: neighbors(pledgegraph.PredTarget, pledgegraph.In),
		represents: neighbors(pledgegraph.PredRepresents, pledgegraph.In),
		statedIn:   neighbors(pledgegraph.PredStatedIn, pledgegraph.In),
		inDocument: neighbors(pledgegraph.PredInDocument, pledgegraph.In),
	}
}

// batch adapts a Store batch getter (aligned with ids, nil where unknown) to
// a dataloadgen fetch function.
func batch[T any](get func(context.Context, []string) ([]*T, error)) func(context.Context, []string) ([]*T, []error) {
	return func(ctx context.Context, ids []string) ([]*T, []error) {
		v, err := get(ctx, ids)
		if err != nil {
			return nil, []error{err}
		}
		if len(v) != len(ids) {
			return nil, []error{pledgegraph.Internal("graph.load",
				fmt.Errorf("store batch getter returned %d values for %d ids", len(v), len(ids)))}
		}
		return v, nil
	}
}

type loadersKey struct{}

func withLoaders(ctx context.Context, l *loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loadersFrom returns the operation's loaders. NewHandler installs them for
// every operation; their absence is a wiring bug, reported as INTERNAL.
func loadersFrom(ctx context.Context) (*loaders, error) {
	l, ok := ctx.Value(loadersKey{}).(*loaders)
	if !ok {
		return nil, pledgegraph.Internal("graph.loaders",
			errors.New("no per-request loaders in context (serve through graph.NewHandler)"))
	}
	return l, nil
}

// loadOne loads id with l; "" yields nil. A missing node yields nil too.
func loadOne[T any](ctx context.Context, l *dataloadgen.Loader[string, *T], id string) (*T, error) {
	if id == "" {
		return nil, nil
	}
	return l.Load(ctx, id)
}

// loadMany loads ids with l in one batch, dropping the ones not stored.
func loadMany[T any](ctx context.Context, l *dataloadgen.Loader[string, *T], ids []string) ([]*T, error) {
	if len(ids) == 0 {
		return []*T{}, nil
	}
	vs, err := l.LoadAll(ctx, ids)
	if err != nil {
		return nil, firstError(err)
	}
	out := make([]*T, 0, len(vs))
	for _, v := range vs {
		if v != nil {
			out = append(out, v)
		}
	}
	return out, nil
}

// firstError unwraps dataloadgen's per-key ErrorSlice (one store error
// repeated for every key) into its first error.
func firstError(err error) error {
	var es dataloadgen.ErrorSlice
	if errors.As(err, &es) {
		for _, e := range es {
			if e != nil {
				return e
			}
		}
	}
	return err
}

func dedupe(ids []string) []string {
	if len(ids) < 2 {
		return ids
	}
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
