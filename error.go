package pledgegraph

import (
	"errors"
	"fmt"
)

// Error codes: the whole vocabulary clients ever see.
const (
	ENOTFOUND = "NOT_FOUND"      // the named thing does not exist
	EINVALID  = "INVALID"        // the request or input is malformed
	ECONFLICT = "CONFLICT"       // the write conflicts with what is stored
	ELIMIT    = "LIMIT_EXCEEDED" // the request is too large or too slow
	EINTERNAL = "INTERNAL"       // anything else; details are logged, never sent
)

// Error is an application error: a code and a message safe to show a client.
// Op and Err keep the cause for logs.
type Error struct {
	Code    string
	Message string
	Op      string // operation, e.g. "store.Write"
	Err     error  // underlying cause, never shown to clients
}

func (e *Error) Error() string {
	s := e.Code + ": " + e.Message
	if e.Op != "" {
		s = e.Op + ": " + s
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Internal wraps an unexpected error: clients see only "internal error".
func Internal(op string, err error) *Error {
	return &Error{Code: EINTERNAL, Message: "internal error", Op: op, Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other error, "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the client-safe message of err: the message of the
// first *Error in its chain unless that is internal, else "internal error".
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.Message
	}
	return "internal error"
}
