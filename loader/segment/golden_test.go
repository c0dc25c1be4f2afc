package segment_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"pledgegraph/internal/testcorpus"
	"strings"
	"testing"

	"pledgegraph/loader/normalize"
	"pledgegraph/loader/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGolden normalises every article under ../normalize/testdata/input and
// every article with gold (package testcorpus),
// splits it, and compares sentences and quotes with testdata/golden/NAME.golden.
// Run with -update to rewrite the golden files.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("..", "normalize", "testdata", "input", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	for _, a := range testcorpus.Articles(t) {
		inputs = append(inputs, a.Text)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d, err := normalize.Normalize(string(raw))
			if err != nil {
				t.Fatal(err)
			}
			ss, qs := segment.Split(d.Text, d.Paragraphs)
			var b strings.Builder
			for _, s := range ss {
				fmt.Fprintf(&b, "S%d p%d %d:%d %s\n", s.Index, s.Para, s.Start, s.End, d.Text[s.Start:s.End])
			}
			for i, q := range qs {
				fmt.Fprintf(&b, "\nQ%d p%d s%d depth=%d closed=%v continued=%v joined=%v outer=%d:%d\n  %s\n",
					i, q.Para, q.Sentence, q.Depth, q.Closed, q.Continued, q.Joined, q.Outer.Start, q.Outer.End, d.Text[q.Start:q.End])
			}
			got := b.String()
			path := filepath.Join("testdata", "golden", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) && i < len(wl); i++ {
					if gl[i] != wl[i] {
						t.Fatalf("%s differs from the golden file at line %d:\n got  %q\n want %q", name, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("%s differs from the golden file in length (%d vs %d lines)", name, len(gl), len(wl))
			}
		})
	}
}
