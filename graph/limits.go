package graph

import (
	"context"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"pledgegraph"
)

// Default limits on one operation.
const (
	DefaultMaxComplexity = 50_000
	DefaultMaxDepth      = 15
)

// limits refuses, before anything runs, an operation nested deeper than
// maxDepth fields or costing more than maxComplexity, with a LIMIT_EXCEEDED
// error saying by how much. Introspection (__schema, __type) is free, so
// GraphiQL always works.
//
// The cost estimates how many values the response can hold: every field
// costs 1 plus what is selected under it, times how many items it returns —
// a connection its page size (first, default DefaultFirst), an unpaged list a
// typical size (listSizes). Fragments count only for the types they apply
// to, and node(id:)/nodes(ids:) are priced by the types their IDs name (the
// ID prefix), so asking for a hundred statements by ID does not cost as much
// as a hundred actors with all their connections.
type limits struct {
	maxComplexity, maxDepth int
	schema                  *ast.Schema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = (*limits)(nil)

func (l *limits) ExtensionName() string { return "PledgegraphLimits" }

func (l *limits) Validate(es graphql.ExecutableSchema) error {
	l.schema = es.Schema()
	return nil
}

func (l *limits) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Operation
	if op == nil {
		return nil
	}
	if d := depth(op.SelectionSet, 0); d > l.maxDepth {
		return limitError("the query nests fields %d deep; the limit is %d. Split it into several queries, "+
			"starting the next one from node(id:)", d, l.maxDepth)
	}
	root := l.schema.Query
	if op.Operation == ast.Mutation {
		root = l.schema.Mutation
	}
	c := costWalker{schema: l.schema, vars: opCtx.Variables}
	if n := c.selection(op.SelectionSet, root); n > l.maxComplexity {
		return limitError("the query could return about %d values; the limit is %d. Ask for fewer items "+
			"per page (first), fewer IDs or fewer nested connections, and page with after", n, l.maxComplexity)
	}
	return nil
}

func limitError(format string, args ...any) *gqlerror.Error {
	e := gqlerror.Errorf(format, args...)
	setCode(e, pledgegraph.ELIMIT)
	return e
}

// depth is the deepest field nesting of set, fragments included;
// introspection fields do not count.
func depth(set ast.SelectionSet, guard int) int {
	if guard > 200 { // fragments cannot cycle after validation; stay safe anyway
		return guard
	}
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				continue
			}
			d = 1 + depth(s.SelectionSet, guard+1)
		case *ast.InlineFragment:
			d = depth(s.SelectionSet, guard+1)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				d = depth(s.Definition.SelectionSet, guard+1)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// pagedFields are the connection fields whose size is their first argument.
var pagedFields = map[string]bool{
	"Query.actors": true, "Query.statements": true, "Query.commitments": true, "Query.documents": true,
	"Actor.statements": true, "Actor.mentionedIn": true, "Actor.commitments": true, "Actor.targetedBy": true,
	"Query.search": true, "Query.timeline": true,
}

// listSizes are typical sizes of the unpaged lists.
var listSizes = map[string]int{
	"Actor.representatives": 5,
	"Actor.documents":       10,
	"Statement.mentions":    5,
	"Statement.commitments": 3,
	"Document.actors":       30,
	"Document.statements":   50,
	"Document.commitments":  20,
	"Path.nodes":            5,
	"Path.edges":            4,
	"GraphEdge.documents":   3,
}

type costWalker struct {
	schema *ast.Schema
	vars   map[string]any
	guard  int
}

// selection is the cost of set selected on a value of type def (an object
// type, or an interface when the concrete type is unknown: then the dearest
// implementation counts).
func (c *costWalker) selection(set ast.SelectionSet, def *ast.Definition) int {
	if def == nil || len(set) == 0 {
		return 0
	}
	if def.Kind == ast.Interface || def.Kind == ast.Union {
		worst := 0
		for _, t := range c.schema.GetPossibleTypes(def) {
			worst = max(worst, c.selection(set, t))
		}
		return worst
	}
	c.guard++
	defer func() { c.guard-- }()
	if c.guard > 200 {
		return 0
	}
	total := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			total = addCost(total, c.field(s, def))
		case *ast.InlineFragment:
			if c.applies(s.TypeCondition, def) {
				total = addCost(total, c.selection(s.SelectionSet, def))
			}
		case *ast.FragmentSpread:
			if s.Definition != nil && c.applies(s.Definition.TypeCondition, def) {
				total = addCost(total, c.selection(s.Definition.SelectionSet, def))
			}
		}
	}
	return total
}

// applies reports whether a fragment on condition applies to object type def.
func (c *costWalker) applies(condition string, def *ast.Definition) bool {
	if condition == "" || condition == def.Name {
		return true
	}
	for _, iface := range c.schema.GetImplements(def) {
		if iface.Name == condition {
			return true
		}
	}
	return false
}

func (c *costWalker) field(f *ast.Field, parent *ast.Definition) int {
	if f.Name == "__schema" || f.Name == "__type" || f.Name == "__typename" {
		return 0
	}
	if f.Definition == nil {
		return 1
	}
	typ := c.schema.Types[f.Definition.Type.Name()]
	key := parent.Name + "." + f.Name
	args := f.ArgumentMap(c.vars)
	switch {
	case key == "Query.node":
		id, _ := args["id"].(string)
		return addCost(1, c.selection(f.SelectionSet, c.typeOfID(id, typ)))
	case key == "Query.nodes":
		ids, _ := args["ids"].([]any)
		total := 1
		for _, id := range ids {
			s, _ := id.(string)
			total = addCost(total, c.selection(f.SelectionSet, c.typeOfID(s, typ)))
		}
		return total
	case key == "Query.path":
		n := 5
		if first, ok := toInt(args["first"]); ok {
			n = min(max(first, 1), MaxPathFirst)
		}
		return addCost(1, mulCost(n, c.selection(f.SelectionSet, typ)))
	case key == "Query.neighborhood":
		// A subgraph holds up to limit nodes and, typically, as many edges.
		n := 200
		if limit, ok := toInt(args["limit"]); ok {
			n = min(max(limit, 1), MaxNeighborhoodLimit)
		}
		return addCost(1, mulCost(n, c.selection(f.SelectionSet, typ)))
	case pagedFields[key]:
		n := DefaultFirst
		if first, ok := toInt(args["first"]); ok {
			n = min(max(first, 1), MaxFirst) // beyond MaxFirst the field fails anyway
		}
		return addCost(1, mulCost(n, c.selection(f.SelectionSet, typ)))
	case listSizes[key] > 0:
		return addCost(1, mulCost(listSizes[key], c.selection(f.SelectionSet, typ)))
	}
	return addCost(1, c.selection(f.SelectionSet, typ))
}

// typeOfID is the object type an ID names by its prefix, or iface when the
// ID names none (the node then resolves to null or an error).
func (c *costWalker) typeOfID(id string, iface *ast.Definition) *ast.Definition {
	if t := pledgegraph.NodeType(id); t != "" {
		if def := c.schema.Types[t]; def != nil {
			return def
		}
	}
	return iface
}

func toInt(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case int32:
		return int(v), true
	case int64:
		return int(max(min(v, 1<<31), -1<<31)), true
	case float64:
		return int(max(min(v, 1<<31), -1<<31)), true
	case json.Number:
		n, err := v.Int64()
		return int(max(min(n, 1<<31), -1<<31)), err == nil
	}
	return 0, false
}

const maxCost = int(^uint(0)>>1) / 2

func addCost(a, b int) int { return min(a+b, maxCost) }

func mulCost(n, c int) int {
	if n > 0 && c > maxCost/n {
		return maxCost
	}
	return n * c
}
