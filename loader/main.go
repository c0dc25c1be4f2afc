// Command loader reads news articles into the pledgegraph store.
//
//	go run ./loader [--store bolt|memory|postgres] [--db PATH|DSN] PATH...
//	go run ./loader --json FILE
//
// PATHs are files or directories (walked recursively); UTF-8 .txt files are
// loaded, anything else is reported and skipped while the rest still loads.
// Loading the same document twice changes nothing. It ends with counts.
//
// With --json it stores nothing and prints the extraction of FILE as one JSON
// object in the prediction format of shared/eval/score.py.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"pledgegraph"
	"pledgegraph/graph/store"
	"pledgegraph/ingest"
	"pledgegraph/loader/pipeline"
	"pledgegraph/loader/prediction"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "loader:", err)
		}
		os.Exit(exitCode(err))
	}
}

// errSkipped reports a load that finished but skipped some input.
var errSkipped = errors.New("some input was skipped")

func exitCode(err error) int {
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errSkipped):
		return 1
	}
	return 2
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("loader", flag.ContinueOnError)
	fl.SetOutput(stderr)
	backend := fl.String("store", "bolt", "store backend: bolt, memory or postgres")
	db := fl.String("db", "", "bolt file (default ./pledgegraph.db) or PostgreSQL DSN (postgres://…)")
	asJSON := fl.Bool("json", false, "store nothing; print the extraction of one FILE as JSON (score.py prediction format)")
	verbose := fl.Bool("v", false, "log each document")
	fl.Usage = func() {
		fmt.Fprintf(stderr, "usage: loader [--store bolt|memory|postgres] [--db PATH|DSN] PATH...\n       loader --json FILE\n\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return err
	}
	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	p, err := pipeline.New()
	if err != nil {
		return err
	}
	if *asJSON {
		if fl.NArg() != 1 {
			fl.Usage()
			return fmt.Errorf("--json takes exactly one FILE")
		}
		return printJSON(fl.Arg(0), p, stdout)
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return fmt.Errorf("no PATH given")
	}
	if *db == "" && *backend == "bolt" {
		*db = "pledgegraph.db"
	}
	st, err := store.Open(ctx, store.Config{Backend: *backend, Path: *db, Logger: log})
	if err != nil {
		return err
	}
	defer st.Close()

	svc := ingest.New(st, p, log)
	start := time.Now()
	last := start
	sum, err := svc.LoadPaths(ctx, fl.Args(), func(done, total int, path string) {
		if now := time.Now(); now.Sub(last) >= 2*time.Second || done == total && total >= 50 {
			last = now
			fmt.Fprintf(stderr, "loaded %d/%d files (%.1f docs/s)\n", done, total, float64(done)/now.Sub(start).Seconds())
		}
	})
	printSummary(stdout, sum, time.Since(start))
	if err != nil {
		return err
	}
	if len(sum.Skipped) > 0 {
		return errSkipped
	}
	return nil
}

func printJSON(path string, p *pipeline.Pipeline, stdout io.Writer) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := ingest.Validate(string(b)); err != nil {
		return fmt.Errorf("%s: %s", path, pledgegraph.ErrorMessage(err))
	}
	x, err := p.Extract(pledgegraph.Source{Name: path, Text: string(b)})
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(prediction.From(x))
}

func printSummary(w io.Writer, s ingest.Summary, took time.Duration) {
	fmt.Fprintf(w, "documents    %d loaded, %d unchanged (%s)\n", s.Documents, s.Unchanged, took.Round(time.Millisecond))
	fmt.Fprintf(w, "actors       %d\n", s.Actors)
	fmt.Fprintf(w, "statements   %d\n", s.Statements)
	fmt.Fprintf(w, "commitments  %d\n", s.Commitments)
	fmt.Fprintf(w, "quads        %d\n", s.Quads)
	fmt.Fprintf(w, "skipped      %d\n", len(s.Skipped))
	for _, sk := range s.Skipped {
		fmt.Fprintf(w, "  %s: %s\n", sk.Path, sk.Reason)
	}
}
