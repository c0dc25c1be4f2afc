package commit_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute"
	"pledgegraph/loader/attribute/annottest"
	"pledgegraph/loader/commit"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenCommitment is a commitment as the golden files record it, with
// names beside IDs for reading.
type goldenCommitment struct {
	ID         string  `json:"id"`
	Actor      string  `json:"actor"`
	ActorName  string  `json:"actorName,omitempty"`
	Action     string  `json:"action"`
	Target     string  `json:"target,omitempty"`
	Polarity   string  `json:"polarity"`
	Modality   string  `json:"modality"`
	Condition  string  `json:"condition,omitempty"`
	Amount     string  `json:"amount,omitempty"`
	Statement  string  `json:"statement,omitempty"`
	Sentence   int     `json:"sentence"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Rule       string  `json:"rule"`
	Confidence float64 `json:"confidence"`
}

// TestGolden runs the real chain over the seed and dev articles and
// compares the commitments with testdata/golden (refresh with -update).
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
				var out []goldenCommitment
				for _, c := range commit.Commitments(d, d.Statements) {
					out = append(out, goldenCommitment{ID: c.ID, Actor: c.Actor, ActorName: byID[c.Actor], Action: c.Action,
						Target: c.Target, Polarity: string(c.Polarity), Modality: c.Modality, Condition: c.Condition,
						Amount: c.Amount, Statement: c.Statement, Sentence: c.Sentence, Start: c.Start, End: c.End,
						Rule: c.Rule, Confidence: c.Confidence})
				}
				got, err := json.MarshalIndent(out, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				path := filepath.Join("testdata", "golden", name+".commitments.json")
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
					t.Errorf("commitments differ from %s (run with -update after checking the change):\n%s", path, firstDiff(got, want))
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
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, x, y)
		}
	}
	return ""
}

// chain runs the real upstream stages over a raw article.
func chain(t testing.TB, raw string) *annot.Doc {
	t.Helper()
	d := annottest.Chain(t, raw)
	d.Statements = attribute.Statements(d)
	return d
}

func goldenArticles(t testing.TB) map[string]string { return annottest.GoldenArticles(t) }
