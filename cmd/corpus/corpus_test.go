package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"pledgegraph"
	"pledgegraph/loader/pipeline"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The first articles of seed 1 are pinned: a change of the generator's
// output (which changes every benchmark corpus) must be deliberate
// (go test -update).
func TestGolden(t *testing.T) {
	g := NewGenerator(1)
	for i := range 3 {
		a := g.Article(i)
		path := filepath.Join("testdata", fmt.Sprintf("seed1-%d.golden", i))
		got := a.Name + "\n\n" + a.Text
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -update)", err)
		}
		if got != string(want) {
			t.Errorf("article %d differs from %s (go test -update to accept):\n%s", i, path, got)
		}
	}
}

func generate(t *testing.T, n int, seed string) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var out, errs bytes.Buffer
	if err := run([]string{"-n", strconv.Itoa(n), "-seed", seed, "-out", dir}, &out, &errs); err != nil {
		t.Fatalf("run: %v (%s)", err, errs.String())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return dir, names
}

func read(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The same seed gives byte-identical files; a smaller -n gives a prefix;
// another seed gives another corpus.
func TestDeterministic(t *testing.T) {
	d1, n1 := generate(t, 40, "7")
	d2, n2 := generate(t, 40, "7")
	d3, n3 := generate(t, 10, "7")
	d4, n4 := generate(t, 40, "8")
	if len(n1) != 40 || !slices.Equal(n1, n2) {
		t.Fatalf("file lists differ or are short: %d vs %d", len(n1), len(n2))
	}
	for _, name := range n1 {
		if !bytes.Equal(read(t, d1, name), read(t, d2, name)) {
			t.Fatalf("%s differs between two runs with the same seed", name)
		}
	}
	if !slices.Equal(n3, n1[:10]) {
		t.Fatalf("-n 10 is not a prefix of -n 40: %v", n3)
	}
	for _, name := range n3 {
		if !bytes.Equal(read(t, d1, name), read(t, d3, name)) {
			t.Fatalf("%s differs between -n 10 and -n 40", name)
		}
	}
	same := 0
	for i := range n4 {
		if bytes.Equal(read(t, d4, n4[i]), read(t, d1, n1[i])) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d articles identical across seeds 7 and 8", same)
	}
}

var dateline = regexp.MustCompile(`^[\p{Lu} .'-]+, (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}(, 20\d\d)? \(wire\) (—|--) \p{Lu}`)

// Every article is UTF-8 text in the layout the loader reads: headline,
// dateline, paragraphs, with quotes, a caption and varied quote marks.
func TestOutputParses(t *testing.T) {
	dir, names := generate(t, 200, "1")
	curly, straight, split, twoPara := 0, 0, 0, 0
	surnames := map[string]bool{}
	for _, name := range names {
		if !strings.HasSuffix(name, ".txt") || len(name) < 10 {
			t.Errorf("file name %q", name)
		}
		b := read(t, dir, name)
		if !utf8.Valid(b) || len(b) < 1000 {
			t.Fatalf("%s: %d bytes, valid UTF-8 %v", name, len(b), utf8.Valid(b))
		}
		text := string(b)
		lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
		if len(lines) < 10 {
			t.Errorf("%s: %d paragraphs", name, len(lines))
		}
		for i, l := range lines {
			if strings.TrimSpace(l) == "" || l != strings.TrimSpace(l) || strings.Contains(l, "  ") || strings.Contains(l, "{") {
				t.Errorf("%s line %d: %q", name, i+1, l)
			}
		}
		if strings.HasSuffix(lines[0], ".") {
			t.Errorf("%s: headline %q ends with a period", name, lines[0])
		}
		if !dateline.MatchString(lines[1]) {
			t.Errorf("%s: no dateline in %q", name, lines[1])
		}
		if !strings.Contains(text, "[Photo: ") {
			t.Errorf("%s: no caption", name)
		}
		switch {
		case strings.Contains(text, "“"):
			curly++
			if strings.Count(text, "“") < strings.Count(text, "”") {
				t.Errorf("%s: more closing than opening quotes", name)
			}
		case strings.Count(text, `"`) >= 4:
			straight++
		default:
			t.Errorf("%s: no direct quotes", name)
		}
		if strings.Contains(text, `,” he said, “`) || strings.Contains(text, `,” she said, “`) || strings.Contains(text, `," he said, "`) {
			split++
		}
		for _, l := range lines {
			if (strings.HasPrefix(l, "“") && !strings.Contains(l, "”")) || (strings.HasPrefix(l, `"`) && strings.Count(l, `"`) == 1) {
				twoPara++
				break
			}
		}
		for _, w := range strings.Fields(text) {
			surnames[w] = true
		}
	}
	t.Logf("%d curly, %d straight, %d with split quotes, %d with two-paragraph quotes", curly, straight, split, twoPara)
	if curly < 100 || straight < 20 || split < 10 || twoPara < 50 {
		t.Errorf("too little variety: %d curly, %d straight, %d split, %d two-paragraph", curly, straight, split, twoPara)
	}
}

// The loader finds a dense graph in the corpus: many statements and
// commitments per article, by actors shared across articles.
func TestLoaderExtractsDenseGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the loader")
	}
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	g := NewGenerator(1)
	const n = 60
	stmts, speakers, cmts, dated := 0, 0, 0, 0
	years := map[int]bool{}
	docsOf := map[string]int{}
	for i := range n {
		a := g.Article(i)
		x, err := p.Extract(pledgegraph.Source{Name: a.Name, Text: a.Text})
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		stmts += len(x.Statements)
		cmts += len(x.Commitments)
		if d := x.Document.PublishedAt; !d.IsZero() {
			dated++
			years[d.Year()] = true
			if !strings.Contains(a.Text, fmt.Sprintf("%s %d, %d (wire)", d.Month(), d.Day(), d.Year())) {
				t.Errorf("%s: published %s, not the date of its dateline", a.Name, d.Format(time.DateOnly))
			}
		}
		for _, s := range x.Statements {
			if s.Speaker != "" {
				speakers++
			}
		}
		for _, ac := range x.Actors {
			docsOf[ac.ID]++
		}
	}
	shared := 0
	for _, c := range docsOf {
		if c > 1 {
			shared++
		}
	}
	t.Logf("%d articles: %.1f statements (%.0f%% with a speaker), %.1f commitments per article; %d actors, %d in more than one article",
		n, float64(stmts)/n, 100*float64(speakers)/float64(max(stmts, 1)), float64(cmts)/n, len(docsOf), shared)
	// Seven in eight articles are dated (the loader reads the dateline's
	// year), over three years, so date filters and timelines have work.
	if dated != n-n/8 || len(years) != 3 {
		t.Errorf("%d of %d articles dated, in years %v; want %d, over 3 years", dated, n, years, n-n/8)
	}
	if stmts < 3*n || cmts < n || shared < 30 {
		t.Errorf("sparse graph: %d statements, %d commitments, %d shared actors over %d articles", stmts, cmts, shared, n)
	}
}

func TestRunErrors(t *testing.T) {
	var out, errs bytes.Buffer
	for _, args := range [][]string{{}, {"-out", t.TempDir(), "-n", "-1"}, {"-bogus"}} {
		if err := run(args, &out, &errs); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
