package graph

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/vikstrous/dataloadgen"

	"pledgegraph"
	"pledgegraph/graph/model"
)

// The root Query fields. Each checks its arguments, asks the store for a page
// of IDs and loads the nodes through the operation's loaders, so the fields
// selected on them batch with their siblings.

// MaxNodes is the most IDs one nodes(ids:) call takes.
const MaxNodes = MaxFirst

func actorByName(ctx context.Context, st pledgegraph.Store, name string) (*pledgegraph.Actor, error) {
	if strings.TrimSpace(name) == "" {
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "an actor name must not be empty")
	}
	a, err := st.ActorByName(ctx, name)
	if err != nil {
		if pledgegraph.ErrorCode(err) == pledgegraph.ENOTFOUND {
			return nil, &pledgegraph.Error{Code: pledgegraph.ENOTFOUND, Message: notFoundActor(name), Op: "graph.actor", Err: err}
		}
		return nil, err
	}
	if a == nil {
		return nil, pledgegraph.Errorf(pledgegraph.ENOTFOUND, "%s", notFoundActor(name))
	}
	if l, err := loadersFrom(ctx); err == nil {
		l.actors.Prime(a.ID, a)
	}
	return a, nil
}

func notFoundActor(name string) string {
	return "no actor named " + quote(name) + "; try actors(search: ...) to find the name the graph uses"
}

// actorID resolves an optional actor-naming argument to an ID ("" when absent).
func actorID(ctx context.Context, st pledgegraph.Store, name *string) (string, error) {
	if name == nil {
		return "", nil
	}
	a, err := actorByName(ctx, st, *name)
	if err != nil {
		return "", err
	}
	return a.ID, nil
}

// documentID checks an optional document-ID argument: it must name a stored
// document.
func documentID(ctx context.Context, st pledgegraph.Store, id *string) (string, error) {
	if id == nil {
		return "", nil
	}
	if pledgegraph.NodeType(*id) != pledgegraph.TypeDocument {
		return "", pledgegraph.Errorf(pledgegraph.EINVALID, "document: %s is not a document ID (they start with \"doc:\")", quote(*id))
	}
	ok, err := st.HasDocument(ctx, *id)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", pledgegraph.Errorf(pledgegraph.ENOTFOUND, "no document with ID %s", quote(*id))
	}
	return *id, nil
}

func findActors(ctx context.Context, st pledgegraph.Store, kind *pledgegraph.ActorKind, search *string, first *int, after *string) (*model.ActorConnection, error) {
	p, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	f := pledgegraph.ActorFilter{Search: strings.TrimSpace(deref(search))}
	if kind != nil {
		if !kind.Valid() {
			return nil, badEnum("kind", "PERSON, COUNTRY, ORGANIZATION")
		}
		f.Kind = *kind
	}
	page, err := findPage(ctx, p, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
		return st.FindActors(ctx, f, p)
	})
	if err != nil {
		return nil, err
	}
	return actorConnection(ctx, page, p)
}

func (r *Resolver) findStatements(ctx context.Context, speaker, mentions *string, kind *pledgegraph.StatementKind, search, document *string, from, to *time.Time, orderBy *model.DateOrder, first *int, after *string) (*model.StatementConnection, error) {
	st := r.Store
	p, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	d, err := newDateFilter(from, to, orderBy)
	if err != nil {
		return nil, err
	}
	var f pledgegraph.StatementFilter
	if f.Speaker, err = actorID(ctx, st, speaker); err != nil {
		return nil, err
	}
	if f.Mentions, err = actorID(ctx, st, mentions); err != nil {
		return nil, err
	}
	if f.Document, err = documentID(ctx, st, document); err != nil {
		return nil, err
	}
	if kind != nil {
		if !kind.Valid() {
			return nil, badEnum("kind", "DIRECT, INDIRECT")
		}
		f.Kind = *kind
	}
	f.Search = strings.TrimSpace(deref(search))
	page, err := findPage(ctx, p, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
		if d.active() {
			return r.datedStatements(ctx, f, d, p)
		}
		return st.FindStatements(ctx, f, p)
	})
	if err != nil {
		return nil, err
	}
	return statementConnection(ctx, page, p)
}

func (r *Resolver) findCommitments(ctx context.Context, actor, target *string, polarity *pledgegraph.Polarity, document, modality *string, from, to *time.Time, orderBy *model.DateOrder, first *int, after *string) (*model.CommitmentConnection, error) {
	st := r.Store
	p, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	d, err := newDateFilter(from, to, orderBy)
	if err != nil {
		return nil, err
	}
	mod := strings.TrimSpace(deref(modality))
	if modality != nil && mod == "" {
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "modality must not be empty")
	}
	var f pledgegraph.CommitmentFilter
	if f.Actor, err = actorID(ctx, st, actor); err != nil {
		return nil, err
	}
	if f.Target, err = actorID(ctx, st, target); err != nil {
		return nil, err
	}
	if f.Document, err = documentID(ctx, st, document); err != nil {
		return nil, err
	}
	if polarity != nil {
		if !polarity.Valid() {
			return nil, badEnum("polarity", "POSITIVE, NEGATIVE")
		}
		f.Polarity = *polarity
	}
	f.Modality = mod
	page, err := findPage(ctx, p, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
		if d.active() {
			return r.datedCommitments(ctx, f, d, p)
		}
		return st.FindCommitments(ctx, f, p)
	})
	if err != nil {
		return nil, err
	}
	return commitmentConnection(ctx, page, p)
}

func findDocuments(ctx context.Context, st pledgegraph.Store, first *int, after *string) (*model.DocumentConnection, error) {
	p, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	page, err := findPage(ctx, p, func(p pledgegraph.PageRequest) (pledgegraph.Page, error) {
		return st.FindDocuments(ctx, p)
	})
	if err != nil {
		return nil, err
	}
	return documentConnection(ctx, page, p)
}

// findPage runs a store find. first: 0 asks only for totalCount and
// hasNextPage: the store is asked for one item, which is dropped.
func findPage(ctx context.Context, p pledgegraph.PageRequest, find func(pledgegraph.PageRequest) (pledgegraph.Page, error)) (pledgegraph.Page, error) {
	if p.First > 0 {
		return find(p)
	}
	p.First = 1
	page, err := find(p)
	if err != nil {
		return page, err
	}
	page.HasNext = page.HasNext || len(page.IDs) > 0
	page.IDs, page.Cursors = nil, nil
	return page, nil
}

func documentByID(ctx context.Context, id string) (*pledgegraph.Document, error) {
	if pledgegraph.NodeType(id) != pledgegraph.TypeDocument {
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "id: %s is not a document ID (they start with \"doc:\")", quote(id))
	}
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	return l.documents.Load(ctx, id)
}

// node fetches any node by ID. It returns an untyped nil, never a typed nil
// pointer, when nothing is stored under id.
func node(ctx context.Context, id string) (model.Node, error) {
	thunk, err := nodeThunk(ctx, id)
	if err != nil {
		return nil, err
	}
	return thunk()
}

func nodes(ctx context.Context, ids []string) ([]model.Node, error) {
	if len(ids) > MaxNodes {
		return nil, pledgegraph.Errorf(pledgegraph.ELIMIT, "nodes takes at most %d IDs (got %d)", MaxNodes, len(ids))
	}
	thunks := make([]func() (model.Node, error), len(ids))
	for i, id := range ids {
		t, err := nodeThunk(ctx, id)
		if err != nil {
			return nil, err
		}
		thunks[i] = t
	}
	out := make([]model.Node, len(ids))
	for i, t := range thunks {
		n, err := t()
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

// nodeThunk starts loading id (so that many IDs load in one batch per type)
// and returns the function that waits for it.
func nodeThunk(ctx context.Context, id string) (func() (model.Node, error), error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	switch pledgegraph.NodeType(id) {
	case pledgegraph.TypeActor:
		return nodeOf(l.actors.LoadThunk(ctx, id)), nil
	case pledgegraph.TypeStatement:
		return nodeOf(l.statements.LoadThunk(ctx, id)), nil
	case pledgegraph.TypeCommitment:
		return nodeOf(l.commitments.LoadThunk(ctx, id)), nil
	case pledgegraph.TypeDocument:
		return nodeOf(l.documents.LoadThunk(ctx, id)), nil
	}
	return nil, pledgegraph.Errorf(pledgegraph.EINVALID,
		"%s is not a pledgegraph ID: IDs start with \"actor:\", \"stmt:\", \"cmt:\" or \"doc:\"", quote(id))
}

func nodeOf[T any](thunk func() (*T, error)) func() (model.Node, error) {
	return func() (model.Node, error) {
		v, err := thunk()
		if err != nil || v == nil {
			return nil, err
		}
		return v, nil
	}
}

func stats(ctx context.Context, st pledgegraph.Store) (*pledgegraph.Stats, error) {
	s, err := st.Stats(ctx)
	if err != nil {
		return nil, err
	}
	return &s, nil
}

// Connections: the nodes of a page are loaded in one batch, which also primes
// the loader cache for the fields selected on them.

func actorConnection(ctx context.Context, page pledgegraph.Page, p pledgegraph.PageRequest) (*model.ActorConnection, error) {
	nodes, cursors, err := loadConnection(ctx, page, func(l *loaders) *dataloadgen.Loader[string, *pledgegraph.Actor] { return l.actors })
	if err != nil {
		return nil, err
	}
	c := &model.ActorConnection{Nodes: nodes, PageInfo: pageInfo(page, cursors, p), TotalCount: page.Total,
		Edges: make([]*model.ActorEdge, len(nodes))}
	for i, n := range nodes {
		c.Edges[i] = &model.ActorEdge{Cursor: cursors[i], Node: n}
	}
	return c, nil
}

func statementConnection(ctx context.Context, page pledgegraph.Page, p pledgegraph.PageRequest) (*model.StatementConnection, error) {
	nodes, cursors, err := loadConnection(ctx, page, func(l *loaders) *dataloadgen.Loader[string, *pledgegraph.Statement] { return l.statements })
	if err != nil {
		return nil, err
	}
	c := &model.StatementConnection{Nodes: nodes, PageInfo: pageInfo(page, cursors, p), TotalCount: page.Total,
		Edges: make([]*model.StatementEdge, len(nodes))}
	for i, n := range nodes {
		c.Edges[i] = &model.StatementEdge{Cursor: cursors[i], Node: n}
	}
	return c, nil
}

func commitmentConnection(ctx context.Context, page pledgegraph.Page, p pledgegraph.PageRequest) (*model.CommitmentConnection, error) {
	nodes, cursors, err := loadConnection(ctx, page, func(l *loaders) *dataloadgen.Loader[string, *pledgegraph.Commitment] { return l.commitments })
	if err != nil {
		return nil, err
	}
	c := &model.CommitmentConnection{Nodes: nodes, PageInfo: pageInfo(page, cursors, p), TotalCount: page.Total,
		Edges: make([]*model.CommitmentEdge, len(nodes))}
	for i, n := range nodes {
		c.Edges[i] = &model.CommitmentEdge{Cursor: cursors[i], Node: n}
	}
	return c, nil
}

func documentConnection(ctx context.Context, page pledgegraph.Page, p pledgegraph.PageRequest) (*model.DocumentConnection, error) {
	nodes, cursors, err := loadConnection(ctx, page, func(l *loaders) *dataloadgen.Loader[string, *pledgegraph.Document] { return l.documents })
	if err != nil {
		return nil, err
	}
	c := &model.DocumentConnection{Nodes: nodes, PageInfo: pageInfo(page, cursors, p), TotalCount: page.Total,
		Edges: make([]*model.DocumentEdge, len(nodes))}
	for i, n := range nodes {
		c.Edges[i] = &model.DocumentEdge{Cursor: cursors[i], Node: n}
	}
	return c, nil
}

func loadConnection[T any](ctx context.Context, page pledgegraph.Page, pick func(*loaders) *dataloadgen.Loader[string, *T]) ([]*T, []string, error) {
	if len(page.Cursors) != len(page.IDs) {
		return nil, nil, pledgegraph.Internal("graph.page", errors.New("store page has a cursor count unlike its ID count"))
	}
	if len(page.IDs) == 0 {
		return []*T{}, []string{}, nil
	}
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, nil, err
	}
	vs, err := pick(l).LoadAll(ctx, page.IDs)
	if err != nil {
		return nil, nil, firstError(err)
	}
	nodes, cursors := loadPage(page, vs)
	return nodes, cursors, nil
}

// badEnum reports an enum argument gqlgen could not map. GraphQL enum values
// are case-sensitive, but variables pass validation case-insensitively and
// then map to the zero value, which would silently drop the filter.
func badEnum(arg, values string) error {
	return pledgegraph.Errorf(pledgegraph.EINVALID, "%s must be one of %s, written in upper case", arg, values)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// optional turns "" (absent) into null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// quote quotes a client-supplied string for a message, cut to a readable length.
func quote(s string) string {
	const max = 80
	r := []rune(s)
	if len(r) > max {
		s = string(r[:max]) + "…"
	}
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}
