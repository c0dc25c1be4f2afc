package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/vikstrous/dataloadgen"

	"pledgegraph"
	"pledgegraph/graph/model"
)

// The fields that follow an edge from a node. Every one goes through the
// operation's loaders: however many parents a query selects, each edge costs
// one batched store call per batch window.

// Actor fields.

func actorCountry(ctx context.Context, a *pledgegraph.Actor) (*pledgegraph.Actor, error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	return loadOne(ctx, l.actors, a.Country)
}

func actorRepresentatives(ctx context.Context, a *pledgegraph.Actor) ([]*pledgegraph.Actor, error) {
	return follow(ctx, a.ID, pledgegraph.TypeActor, func(l *loaders) (*dataloadgen.Loader[string, []string], *dataloadgen.Loader[string, *pledgegraph.Actor]) {
		return l.represents, l.actors
	})
}

func actorStatements(ctx context.Context, a *pledgegraph.Actor, first *int, after *string) (*model.StatementConnection, error) {
	page, p, err := edgePage(ctx, a.ID, pledgegraph.TypeStatement, first, after, func(l *loaders) *dataloadgen.Loader[string, []string] { return l.said })
	if err != nil {
		return nil, err
	}
	return statementConnection(ctx, page, p)
}

func actorMentionedIn(ctx context.Context, a *pledgegraph.Actor, first *int, after *string) (*model.StatementConnection, error) {
	page, p, err := edgePage(ctx, a.ID, pledgegraph.TypeStatement, first, after, func(l *loaders) *dataloadgen.Loader[string, []string] { return l.mentionsIn })
	if err != nil {
		return nil, err
	}
	return statementConnection(ctx, page, p)
}

func actorCommitments(ctx context.Context, a *pledgegraph.Actor, first *int, after *string) (*model.CommitmentConnection, error) {
	page, p, err := edgePage(ctx, a.ID, pledgegraph.TypeCommitment, first, after, func(l *loaders) *dataloadgen.Loader[string, []string] { return l.pledged })
	if err != nil {
		return nil, err
	}
	return commitmentConnection(ctx, page, p)
}

func actorTargetedBy(ctx context.Context, a *pledgegraph.Actor, first *int, after *string) (*model.CommitmentConnection, error) {
	page, p, err := edgePage(ctx, a.ID, pledgegraph.TypeCommitment, first, after, func(l *loaders) *dataloadgen.Loader[string, []string] { return l.targetedBy })
	if err != nil {
		return nil, err
	}
	return commitmentConnection(ctx, page, p)
}

func actorDocumentList(ctx context.Context, a *pledgegraph.Actor) ([]*pledgegraph.Document, error) {
	return follow(ctx, a.ID, pledgegraph.TypeDocument, func(l *loaders) (*dataloadgen.Loader[string, []string], *dataloadgen.Loader[string, *pledgegraph.Document]) {
		return l.mentionsIn, l.documents
	})
}

// Statement fields.

func statementSpeaker(ctx context.Context, s *pledgegraph.Statement) (*pledgegraph.Actor, error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	return loadOne(ctx, l.actors, s.Speaker)
}

func statementMentions(ctx context.Context, s *pledgegraph.Statement) ([]*pledgegraph.Actor, error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	return loadMany(ctx, l.actors, s.Mentions)
}

func statementCommitments(ctx context.Context, s *pledgegraph.Statement) ([]*pledgegraph.Commitment, error) {
	cs, err := follow(ctx, s.ID, pledgegraph.TypeCommitment, func(l *loaders) (*dataloadgen.Loader[string, []string], *dataloadgen.Loader[string, *pledgegraph.Commitment]) {
		return l.statedIn, l.commitments
	})
	slices.SortStableFunc(cs, func(a, b *pledgegraph.Commitment) int { return byPosition(a.Evidence, b.Evidence) })
	return cs, err
}

// Commitment fields.

func commitmentActor(ctx context.Context, c *pledgegraph.Commitment) (*pledgegraph.Actor, error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	a, err := loadOne(ctx, l.actors, c.Actor)
	if err == nil && a == nil {
		err = dangling("commitment", c.ID, "actor", c.Actor)
	}
	return a, err
}

func commitmentTarget(ctx context.Context, c *pledgegraph.Commitment) (*pledgegraph.Actor, error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	return loadOne(ctx, l.actors, c.Target)
}

func commitmentStatement(ctx context.Context, c *pledgegraph.Commitment) (*pledgegraph.Statement, error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	return loadOne(ctx, l.statements, c.Statement)
}

// Evidence fields (the document of a statement or commitment is its
// evidence's document).

func evidenceDocument(ctx context.Context, e *pledgegraph.Evidence) (*pledgegraph.Document, error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	d, err := loadOne(ctx, l.documents, e.Document)
	if err == nil && d == nil {
		err = dangling("evidence", e.Rule, "document", e.Document)
	}
	return d, err
}

func evidenceText(ctx context.Context, e *pledgegraph.Evidence) (string, error) {
	d, err := evidenceDocument(ctx, e)
	if err != nil {
		return "", err
	}
	start, end := clampSpan(d.Text, e.Start, e.End)
	return d.Text[start:end], nil
}

func evidenceSentenceText(ctx context.Context, e *pledgegraph.Evidence) (string, error) {
	d, err := evidenceDocument(ctx, e)
	if err != nil {
		return "", err
	}
	start, end := sentenceAround(d.Text, e.Start, e.End)
	return d.Text[start:end], nil
}

// Document fields.

func documentStatements(ctx context.Context, d *pledgegraph.Document) ([]*pledgegraph.Statement, error) {
	ids, err := documentFacts(ctx, d.ID, pledgegraph.TypeStatement)
	if err != nil {
		return nil, err
	}
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	ss, err := loadMany(ctx, l.statements, ids)
	slices.SortStableFunc(ss, func(a, b *pledgegraph.Statement) int { return byPosition(a.Evidence, b.Evidence) })
	return ss, err
}

func documentCommitments(ctx context.Context, d *pledgegraph.Document) ([]*pledgegraph.Commitment, error) {
	ids, err := documentFacts(ctx, d.ID, pledgegraph.TypeCommitment)
	if err != nil {
		return nil, err
	}
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	cs, err := loadMany(ctx, l.commitments, ids)
	slices.SortStableFunc(cs, func(a, b *pledgegraph.Commitment) int { return byPosition(a.Evidence, b.Evidence) })
	return cs, err
}

// documentActors lists the actors read in a document.
func documentActors(ctx context.Context, d *pledgegraph.Document) ([]*pledgegraph.Actor, error) {
	return follow(ctx, d.ID, pledgegraph.TypeActor, func(l *loaders) (*dataloadgen.Loader[string, []string], *dataloadgen.Loader[string, *pledgegraph.Actor]) {
		return l.mentions, l.actors
	})
}

// documentFacts lists the IDs of one type (statement or commitment) read in a
// document.
func documentFacts(ctx context.Context, docID, typ string) ([]string, error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	return related(ctx, l.inDocument, docID, typ)
}

// related loads the IDs at the other end of one edge from id, keeping those
// of type typ: some edges reach several types (mentions: statements and
// documents mention actors).
func related(ctx context.Context, edges *dataloadgen.Loader[string, []string], id, typ string) ([]string, error) {
	all, err := edges.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(all))
	for _, id := range all {
		if pledgegraph.NodeType(id) == typ {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// follow loads the nodes of type typ at the other end of one edge from id.
func follow[T any](ctx context.Context, id, typ string, pick func(*loaders) (*dataloadgen.Loader[string, []string], *dataloadgen.Loader[string, *T])) ([]*T, error) {
	l, err := loadersFrom(ctx)
	if err != nil {
		return nil, err
	}
	edges, nodes := pick(l)
	ids, err := related(ctx, edges, id, typ)
	if err != nil {
		return nil, err
	}
	return loadMany(ctx, nodes, ids)
}

// edgePage pages, in memory, the IDs at the other end of one edge from id.
func edgePage(ctx context.Context, id, typ string, first *int, after *string, pick func(*loaders) *dataloadgen.Loader[string, []string]) (pledgegraph.Page, pledgegraph.PageRequest, error) {
	p, err := pageRequest(first, after)
	if err != nil {
		return pledgegraph.Page{}, p, err
	}
	l, err := loadersFrom(ctx)
	if err != nil {
		return pledgegraph.Page{}, p, err
	}
	ids, err := related(ctx, pick(l), id, typ)
	if err != nil {
		return pledgegraph.Page{}, p, err
	}
	page, err := pageOf(ids, p)
	return page, p, err
}

// byPosition orders facts by document, then position in it.
func byPosition(a, b pledgegraph.Evidence) int {
	return cmp.Or(cmp.Compare(a.Document, b.Document), cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
}

// dangling reports a stored edge to a node that is not stored: a broken
// invariant of the store, logged and shown as INTERNAL.
func dangling(kind, id, field, target string) error {
	return pledgegraph.Internal("graph."+kind+"."+field, fmt.Errorf("%s %s names %s %q, which is not stored", kind, id, field, target))
}
