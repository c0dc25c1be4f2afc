package search

import (
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2"

	"pledgegraph"
)

// Source is the store Sync reads; pledgegraph.Store satisfies it.
type Source interface {
	FindDocuments(ctx context.Context, p pledgegraph.PageRequest) (pledgegraph.Page, error)
	FindActors(ctx context.Context, f pledgegraph.ActorFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error)
	FindStatements(ctx context.Context, f pledgegraph.StatementFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error)
	FindCommitments(ctx context.Context, f pledgegraph.CommitmentFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error)
	Documents(ctx context.Context, ids []string) ([]*pledgegraph.Document, error)
	Actors(ctx context.Context, ids []string) ([]*pledgegraph.Actor, error)
	Statements(ctx context.Context, ids []string) ([]*pledgegraph.Statement, error)
	Commitments(ctx context.Context, ids []string) ([]*pledgegraph.Commitment, error)
}

// SyncStats says what Sync did.
type SyncStats struct {
	Documents int // documents indexed from the store
	Actors    int // actors indexed that no indexed document had brought
}

// Counts are the entries of each type in the index.
type Counts struct {
	Documents, Actors, Statements, Commitments int
}

// Counts counts the entries of each type.
func (ix *Index) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	for _, t := range []struct {
		typ string
		n   *int
	}{{pledgegraph.TypeDocument, &c.Documents}, {pledgegraph.TypeActor, &c.Actors},
		{pledgegraph.TypeStatement, &c.Statements}, {pledgegraph.TypeCommitment, &c.Commitments}} {
		n, err := ix.count(ctx, t.typ)
		if err != nil {
			return Counts{}, err
		}
		*t.n = n
	}
	return c, nil
}

func (ix *Index) count(ctx context.Context, typ string) (int, error) {
	req := bleve.NewSearchRequestOptions(termQ(fType, typ), 0, 0, false)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.idx == nil {
		return 0, errClosed("search.Counts")
	}
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return 0, pledgegraph.Internal("search.Counts", err)
	}
	return int(res.Total), nil
}

// ids lists the IDs of every entry of a type, in ID order.
func (ix *Index) ids(ctx context.Context, typ string) (map[string]bool, error) {
	out := map[string]bool{}
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(termQ(fType, typ), 1000, 0, false)
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		ix.mu.RLock()
		if ix.idx == nil {
			ix.mu.RUnlock()
			return nil, errClosed("search.Sync")
		}
		res, err := ix.idx.SearchInContext(ctx, req)
		ix.mu.RUnlock()
		if err != nil {
			return nil, pledgegraph.Internal("search.Sync", err)
		}
		for _, h := range res.Hits {
			out[h.ID] = true
		}
		if len(res.Hits) < 1000 {
			return out, nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// Sync indexes whatever the store holds that the index lacks: every
// document not indexed yet (with its statements, commitments and their
// actors, read from the store), then every actor not indexed yet. When the
// store and the index count the same documents and actors it returns after
// two cheap counts. It is safe to run beside Index and searches; run it at
// start-up and, when other processes write to the store, periodically.
//
// Errors: the Source's; ELIMIT when ctx ends; EINTERNAL.
func (ix *Index) Sync(ctx context.Context, src Source) (SyncStats, error) {
	var st SyncStats
	docPage, err := src.FindDocuments(ctx, pledgegraph.PageRequest{First: 1})
	if err != nil {
		return st, err
	}
	actorPage, err := src.FindActors(ctx, pledgegraph.ActorFilter{}, pledgegraph.PageRequest{First: 1})
	if err != nil {
		return st, err
	}
	have, err := ix.Counts(ctx)
	if err != nil {
		return st, err
	}
	if have.Documents == docPage.Total && have.Actors == actorPage.Total {
		return st, nil
	}
	indexed, err := ix.ids(ctx, pledgegraph.TypeDocument)
	if err != nil {
		return st, err
	}
	docs, err := all(ctx, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) { return src.FindDocuments(ctx, p) })
	if err != nil {
		return st, err
	}
	docs = slices.DeleteFunc(docs, func(id string) bool { return indexed[id] })
	const chunk = 50
	for lo := 0; lo < len(docs); lo += chunk {
		n, err := ix.syncDocuments(ctx, src, docs[lo:min(lo+chunk, len(docs))])
		st.Documents += n
		if err != nil {
			return st, err
		}
	}
	// Actors no document brought (named in no statement or commitment of a
	// document indexed through Sync, or indexed before this index existed).
	actors, err := all(ctx, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
		return src.FindActors(ctx, pledgegraph.ActorFilter{}, p)
	})
	if err != nil {
		return st, err
	}
	haveActors, err := ix.ids(ctx, pledgegraph.TypeActor)
	if err != nil {
		return st, err
	}
	actors = slices.DeleteFunc(actors, func(id string) bool { return haveActors[id] })
	for lo := 0; lo < len(actors); lo += 1000 {
		batch := actors[lo:min(lo+1000, len(actors))]
		as, err := src.Actors(ctx, batch)
		if err != nil {
			return st, err
		}
		x := &pledgegraph.Extraction{}
		for _, a := range as {
			if a != nil {
				x.Actors = append(x.Actors, *a)
			}
		}
		if err := ix.indexActors(ctx, x.Actors); err != nil {
			return st, err
		}
		st.Actors += len(x.Actors)
	}
	ix.log.Info("search index synced", "documents", st.Documents, "actors", st.Actors)
	return st, nil
}

// syncDocuments indexes documents from the store, one extraction each.
func (ix *Index) syncDocuments(ctx context.Context, src Source, ids []string) (int, error) {
	ds, err := src.Documents(ctx, ids)
	if err != nil {
		return 0, err
	}
	var xs []*pledgegraph.Extraction
	for i, d := range ds {
		if d == nil {
			continue // gone meanwhile; cannot happen with documents never deleted
		}
		stmtIDs, err := all(ctx, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
			return src.FindStatements(ctx, pledgegraph.StatementFilter{Document: ids[i]}, p)
		})
		if err != nil {
			return 0, err
		}
		cmtIDs, err := all(ctx, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
			return src.FindCommitments(ctx, pledgegraph.CommitmentFilter{Document: ids[i]}, p)
		})
		if err != nil {
			return 0, err
		}
		x := &pledgegraph.Extraction{Document: *d}
		stmts, err := src.Statements(ctx, stmtIDs)
		if err != nil {
			return 0, err
		}
		cmts, err := src.Commitments(ctx, cmtIDs)
		if err != nil {
			return 0, err
		}
		var actorIDs []string
		for _, s := range stmts {
			if s != nil {
				x.Statements = append(x.Statements, *s)
				actorIDs = append(actorIDs, s.Speaker)
				actorIDs = append(actorIDs, s.Mentions...)
			}
		}
		for _, c := range cmts {
			if c != nil {
				x.Commitments = append(x.Commitments, *c)
				actorIDs = append(actorIDs, c.Actor, c.Target)
			}
		}
		slices.Sort(actorIDs)
		actorIDs = slices.Compact(slices.DeleteFunc(actorIDs, func(s string) bool { return s == "" }))
		if len(actorIDs) > 0 {
			as, err := src.Actors(ctx, actorIDs)
			if err != nil {
				return 0, err
			}
			for _, a := range as {
				if a != nil {
					x.Actors = append(x.Actors, *a)
				}
			}
		}
		xs = append(xs, x)
	}
	if err := ix.IndexAll(ctx, xs); err != nil {
		return 0, err
	}
	return len(xs), nil
}

// indexActors indexes actors alone (merged with what is indexed).
func (ix *Index) indexActors(ctx context.Context, actors []pledgegraph.Actor) error {
	const op = "search.Sync"
	if err := ctx.Err(); err != nil {
		return &pledgegraph.Error{Code: pledgegraph.ELIMIT, Message: "canceled", Op: op, Err: err}
	}
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.idx == nil {
		return errClosed(op)
	}
	b := ix.idx.NewBatch()
	for _, a := range actors {
		old, stored, ok, err := ix.storedActor(a.ID)
		if err != nil {
			return pledgegraph.Internal(op, err)
		}
		if ok {
			a = mergeActors(a, old)
		}
		if err := addActor(b, a, stored); err != nil {
			return pledgegraph.Internal(op, err)
		}
	}
	if b.Size() == 0 {
		return nil
	}
	if err := ix.batch(b); err != nil {
		return pledgegraph.Internal(op, err)
	}
	return nil
}

// all lists every ID of a paged finder.
func all(ctx context.Context, find func(pledgegraph.PageRequest) (pledgegraph.Page, error)) ([]string, error) {
	var ids []string
	p := pledgegraph.PageRequest{First: 1000}
	for {
		if err := ctx.Err(); err != nil {
			return nil, &pledgegraph.Error{Code: pledgegraph.ELIMIT, Message: "canceled", Op: "search.Sync", Err: err}
		}
		page, err := find(p)
		if err != nil {
			return nil, err
		}
		ids = append(ids, page.IDs...)
		if !page.HasNext || len(page.IDs) == 0 {
			return ids, nil
		}
		p.After = page.Cursors[len(page.Cursors)-1]
	}
}
