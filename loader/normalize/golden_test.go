package normalize

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"pledgegraph/internal/testcorpus"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGolden normalises every article under testdata/input and every article
// with gold (package testcorpus), and compares
// title, dateline, date and the kind and text of every paragraph with
// testdata/golden/NAME.golden. Run with -update to rewrite the golden files.
func TestGolden(t *testing.T) {
	inputs := goldenInputs(t)
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Normalize(string(raw))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			pub := "none"
			if !d.Published.IsZero() {
				pub = d.Published.Format("2006-01-02")
			}
			fmt.Fprintf(&b, "title: %s\ndateline: %s\npublished: %s\n", d.Title, d.Dateline, pub)
			for i, p := range d.Paragraphs {
				kind := "body"
				if p.Kind != 0 {
					kind = "headline"
				}
				fmt.Fprintf(&b, "\n[%d %s %d:%d]\n%s\n", i, kind, p.Start, p.End, d.Text[p.Start:p.End])
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
				t.Errorf("%s differs from the golden file; diff it after go test -update:\n%s", name, firstDiff(got, string(want)))
			}
		})
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got  %q\n want %q", i+1, gl, wl)
		}
	}
	return ""
}

// goldenInputs lists this package's own articles (testdata/input) and every
// article with gold annotations.
func goldenInputs(t *testing.T) []string {
	t.Helper()
	inputs, err := filepath.Glob("testdata/input/*.txt")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	for _, a := range testcorpus.Articles(t) {
		inputs = append(inputs, a.Text)
	}
	return inputs
}
