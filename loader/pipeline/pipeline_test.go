package pipeline_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"pledgegraph"
	"pledgegraph/internal/testcorpus"
	"pledgegraph/loader/pipeline"
)

func newPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func read(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExtractSeedFacts checks the facts the foundation issue names, read from
// the seed article end to end.
func TestExtractSeedFacts(t *testing.T) {
	p := newPipeline(t)
	x, err := p.Extract(pledgegraph.Source{Name: "seed.txt", Text: read(t, "../../data/000_87af0ff4f4581aa7.txt")})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, a := range x.Actors {
		names[a.ID] = a.Name
	}
	has := func(actor, verb string, pol pledgegraph.Polarity, target string) bool {
		for _, c := range x.Commitments {
			if names[c.Actor] == actor && c.Polarity == pol && strings.Contains(c.Action, verb) &&
				(target == "" || names[c.Target] == target) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		actor, verb string
		pol         pledgegraph.Polarity
		target      string
	}{
		{"France", "deploy", pledgegraph.Positive, "Ukraine"},
		{"United Kingdom", "deploy", pledgegraph.Positive, "Ukraine"},
		{"Croatia", "deploy", pledgegraph.Negative, ""},
		{"Czech Republic", "deploy", pledgegraph.Negative, ""},
		{"Belgium", "navy and air force", pledgegraph.Positive, ""},
	} {
		if !has(c.actor, c.verb, c.pol, c.target) {
			t.Errorf("missing commitment: %s %s %q → %s", c.actor, c.pol, c.verb, c.target)
		}
	}
	quotes := map[string]string{ // speaker → a fragment of one of their direct quotes
		"Emmanuel Macron":     "robust",
		"Steve Witkoff":       "strongly stands behind security protocols",
		"Jared Kushner":       "big milestone",
		"Keir Starmer":        "excellent progress",
		"Volodymyr Zelenskyy": "substantive documents",
		"Friedrich Merz":      "make compromises",
	}
	for who, frag := range quotes {
		found := false
		for _, s := range x.Statements {
			if s.Kind == pledgegraph.Direct && names[s.Speaker] == who && strings.Contains(s.Text, frag) {
				found = true
			}
		}
		if !found {
			t.Errorf("no direct quote of %s containing %q", who, frag)
		}
	}
	for _, s := range x.Statements {
		if s.Document != x.Document.ID || s.Start < 0 || s.End > len(x.Document.Text) || s.Start >= s.End {
			t.Errorf("statement %q has bad evidence %+v", s.Text, s.Evidence)
		}
	}
}

func TestExtractIsDeterministic(t *testing.T) {
	p := newPipeline(t)
	for _, a := range testcorpus.Articles(t) {
		raw := read(t, a.Text)
		x1, err1 := p.Extract(pledgegraph.Source{Text: raw})
		x2, err2 := p.Extract(pledgegraph.Source{Text: raw})
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", a.Name, err1, err2)
		}
		if fmt.Sprint(x1) != fmt.Sprint(x2) {
			t.Errorf("%s: two extractions differ", a.Name)
		}
	}
}

// BenchmarkExtract prints extraction throughput over every article with gold
// (MB/s, documents/s on one core, allocations).
func BenchmarkExtract(b *testing.B) {
	p := newPipeline(b)
	var docs []string
	var size int64
	for _, a := range testcorpus.Articles(b) {
		d := read(b, a.Text)
		docs = append(docs, d)
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		for _, d := range docs {
			if _, err := p.Extract(pledgegraph.Source{Text: d}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/time.Since(start).Seconds(), "docs/s")
}

// BenchmarkExtractScaling extracts the seed article repeated 1, 4 and 16
// times: ns/byte should stay flat if the pipeline is linear in document size.
func BenchmarkExtractScaling(b *testing.B) {
	p := newPipeline(b)
	seed := read(b, "../../data/000_87af0ff4f4581aa7.txt")
	for _, n := range []int{1, 4, 16} {
		doc := strings.Repeat(seed+"\n", n)
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			start := time.Now()
			for b.Loop() {
				if _, err := p.Extract(pledgegraph.Source{Text: doc}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/float64(len(doc)), "ns/byte")
		})
	}
}

func TestTitleFallsBackToOpeningSentence(t *testing.T) {
	p := newPipeline(t)
	seed := read(t, "../../data/000_87af0ff4f4581aa7.txt") // no headline line
	x, err := p.Extract(pledgegraph.Source{Text: seed})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(x.Document.Title, "The United States has backed security guarantees for Ukraine") ||
		!strings.HasSuffix(x.Document.Title, "…") || len(x.Document.Title) > 125 {
		t.Errorf("title = %q", x.Document.Title)
	}
	x, _ = p.Extract(pledgegraph.Source{Text: seed, Title: "Given title"})
	if x.Document.Title != "Given title" {
		t.Errorf("given title not kept: %q", x.Document.Title)
	}
	dev := read(t, "../../testdata/eval/dev/d06.txt")
	x, _ = p.Extract(pledgegraph.Source{Text: dev})
	if x.Document.Title != "UN backs larger Haiti force as Kenya pledges 1,000 more police" {
		t.Errorf("headline not used: %q", x.Document.Title)
	}
}
