package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"pledgegraph"
)

// errorPresenter turns every error a resolver returns into the GraphQL error
// a client sees: the pledgegraph.Error code goes to extensions.code with its
// client-safe message; anything else — a raw Go, Cayley or SQL error, a
// broken invariant — is logged in full and shown only as INTERNAL "internal
// error". Parse and validation errors from gqlgen itself pass through with
// their own codes.
func errorPresenter(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		cause := gqlErr.Err
		if cause == nil {
			if gqlErr.Extensions["code"] == nil {
				setCode(gqlErr, pledgegraph.EINVALID)
			}
			return gqlErr
		}
		out := &gqlerror.Error{Path: gqlErr.Path, Locations: gqlErr.Locations, Rule: gqlErr.Rule}
		var pe *pledgegraph.Error
		switch {
		case errors.As(cause, &pe) && pe.Code != pledgegraph.EINTERNAL:
			out.Message = pledgegraph.ErrorMessage(cause)
			setCode(out, pe.Code)
		case errors.Is(cause, context.DeadlineExceeded):
			out.Message = "the request took too long and was stopped; ask for fewer items or a simpler selection"
			setCode(out, pledgegraph.ELIMIT)
		case errors.Is(cause, context.Canceled):
			out.Message = "the request was canceled"
			setCode(out, pledgegraph.EINTERNAL)
		default:
			logger.ErrorContext(ctx, "graphql: internal error",
				"path", gqlErr.Path.String(), "op", opOf(cause), "err", cause.Error())
			out.Message = "internal error"
			setCode(out, pledgegraph.EINTERNAL)
		}
		return out
	}
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

func opOf(err error) string {
	var pe *pledgegraph.Error
	if errors.As(err, &pe) {
		return pe.Op
	}
	return ""
}

// recoverFunc turns a panic in a resolver into an INTERNAL error, logging the
// value and the stack.
func recoverFunc(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, v any) error {
		path := ""
		if fc := graphql.GetFieldContext(ctx); fc != nil {
			path = fc.Path().String()
		}
		logger.ErrorContext(ctx, "graphql: panic", "path", path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		return pledgegraph.Internal("graph.recover", fmt.Errorf("panic: %v", v))
	}
}
