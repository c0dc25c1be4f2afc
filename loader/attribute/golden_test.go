package attribute_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute"
	"pledgegraph/loader/attribute/annottest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenStatement is a statement as the golden files record it, with the
// speaker's name beside its ID for reading.
type goldenStatement struct {
	ID          string   `json:"id"`
	Kind        string   `json:"kind"`
	Speaker     string   `json:"speaker"`
	SpeakerName string   `json:"speakerName,omitempty"`
	Cue         string   `json:"cue"`
	Text        string   `json:"text"`
	Mentions    []string `json:"mentions,omitempty"`
	Sentence    int      `json:"sentence"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Rule        string   `json:"rule"`
	Confidence  float64  `json:"confidence"`
}

// TestGolden runs the real chain over the seed and dev articles and
// compares the statements with testdata/golden (refresh with -update).
func TestGolden(t *testing.T) {
	for name, path := range goldenArticles(t) {
		{
			t.Run(name, func(t *testing.T) {
				raw, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				d := chain(t, string(raw))
				byID := map[string]string{}
				for _, a := range d.Actors {
					byID[a.ID] = a.Name
				}
				var out []goldenStatement
				for _, s := range attribute.Statements(d) {
					out = append(out, goldenStatement{ID: s.ID, Kind: string(s.Kind), Speaker: s.Speaker, SpeakerName: byID[s.Speaker],
						Cue: s.Cue, Text: s.Text, Mentions: s.Mentions, Sentence: s.Sentence, Start: s.Start, End: s.End,
						Rule: s.Rule, Confidence: s.Confidence})
				}
				got, err := json.MarshalIndent(out, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				path := filepath.Join("testdata", "golden", name+".statements.json")
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("statements differ from %s (run with -update after checking the change):\n%s", path, firstDiff(got, want))
				}
			})
		}
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y []byte
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if !bytes.Equal(x, y) {
			return "line " + itoa(i+1) + ":\n got  " + string(x) + "\n want " + string(y)
		}
	}
	return ""
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// chain runs the real upstream stages over a raw article.
func chain(t testing.TB, raw string) *annot.Doc {
	t.Helper()
	d := annottest.Chain(t, raw)

	return d
}

func goldenArticles(t testing.TB) map[string]string { return annottest.GoldenArticles(t) }
