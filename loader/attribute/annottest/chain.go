package annottest

import (
	"testing"

	"pledgegraph"
	"pledgegraph/internal/testcorpus"
	"pledgegraph/loader/actors"
	"pledgegraph/loader/annot"
	"pledgegraph/loader/normalize"
	"pledgegraph/loader/segment"
)

// Chain runs the real stages up to and including actors over a raw article,
// as the pipeline does, for tests of the stages after them.
func Chain(t testing.TB, raw string) *annot.Doc {
	t.Helper()
	d, err := normalize.Normalize(raw)
	if err != nil {
		t.Fatal(err)
	}
	d.ID = pledgegraph.DocumentID(raw)
	d.Sentences, d.Quotes = segment.Split(d.Text, d.Paragraphs)
	g, err := actors.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	d.Actors, d.Mentions = actors.Recognize(&d, g)
	return &d
}

// GoldenArticles maps golden-file names ("seed", "d01", …) to the texts of
// the seed and dev articles. Quality floors over all sets live in package
// pipeline (TestQuality).
func GoldenArticles(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, a := range testcorpus.Articles(t, testcorpus.Seed, testcorpus.Dev) {
		name := a.Name
		if a.Set == testcorpus.Seed {
			name = "seed"
		}
		out[name] = a.Text
	}
	return out
}
