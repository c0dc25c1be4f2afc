// Command corpus writes a deterministic corpus of news-style articles for
// loading and benchmarking pledgegraph: headlines, datelines, direct quotes
// with varied attribution, reported speech, pledges and refusals with
// amounts and conditions, photo captions, by a shared cast of invented
// officials of real countries and international bodies, so that the loader
// extracts a dense graph. The same seed gives byte-identical files.
//
//	go run ./cmd/corpus -n 1000 -seed 1 -out DIR
//
// Article i depends only on the seed and i: the first n articles of a
// larger corpus are the corpus of -n n. Files are DIR/NNNNN-<slug>.txt,
// UTF-8, one paragraph per line, the headline first.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of articles")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
	out := fs.String("out", "", "output directory (created if missing)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("-out is required")
	}
	if *n < 0 {
		return errors.New("-n must not be negative")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	g := NewGenerator(*seed)
	bytes := 0
	for i := range *n {
		a := g.Article(i)
		if err := os.WriteFile(filepath.Join(*out, a.Name), []byte(a.Text), 0o644); err != nil {
			return err
		}
		bytes += len(a.Text)
	}
	fmt.Fprintf(stdout, "wrote %d articles (%d bytes) to %s\n", *n, bytes, *out)
	return nil
}
