package store

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/cayleygraph/cayley/clog"
)

// Cayley logs through clog, one logger per process, which by default writes
// every message (including failed-query noise) to the standard logger. The
// store installs, once, a bridge that drops everything unless a Config asked
// for a logger; then Cayley's warnings and errors go to the logger of the
// most recently opened store that set one, at Warn and Error (Info at Debug).
var (
	clogOnce   sync.Once
	clogTarget atomic.Pointer[slog.Logger]
)

func installClog(l *slog.Logger) {
	clogOnce.Do(func() { clog.SetLogger(clogBridge{}) })
	if l != nil {
		clogTarget.Store(l)
	}
}

type clogBridge struct{}

func (clogBridge) log(level slog.Level, format string, args []any) {
	l := clogTarget.Load()
	if l == nil || !l.Enabled(context.Background(), level) {
		return
	}
	l.Log(context.Background(), level, fmt.Sprintf(format, args...), "component", "cayley")
}

func (b clogBridge) Infof(format string, args ...any)    { b.log(slog.LevelDebug, format, args) }
func (b clogBridge) Warningf(format string, args ...any) { b.log(slog.LevelWarn, format, args) }
func (b clogBridge) Errorf(format string, args ...any)   { b.log(slog.LevelError, format, args) }

// Fatalf does not exit: a library must not end the process. Cayley calls it
// from no code path the store uses.
func (b clogBridge) Fatalf(format string, args ...any) { b.log(slog.LevelError, format, args) }
func (clogBridge) V(int) bool                          { return false }
func (clogBridge) SetV(int)                            {}
