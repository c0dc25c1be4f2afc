package segment_test

import (
	"encoding/json"
	"os"
	"pledgegraph/internal/testcorpus"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"pledgegraph/loader/annot"
	"pledgegraph/loader/normalize"
	"pledgegraph/loader/segment"
)

// fold folds text as the scorer (eval/score.py) does before comparing
// words: accents removed, typographic quotes to ASCII, punctuation to
// spaces, lower case, spaces collapsed.
func fold(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

type goldStatement struct {
	Speaker  *string `json:"speaker"`
	Kind     string  `json:"kind"`
	Quote    string  `json:"quote"`
	Optional bool    `json:"optional"`
}

// quoteTexts returns the folded text of every quote, and of every joined
// chain of quotes, of a document.
func quoteTexts(text string, qs []annot.Quote) []string {
	var out []string
	for _, q := range qs {
		out = append(out, fold(text[q.Start:q.End]))
		if len(q.Joined) > 0 {
			parts := []string{text[q.Start:q.End]}
			for _, j := range q.Joined {
				parts = append(parts, text[qs[j].Start:qs[j].End])
			}
			out = append(out, fold(strings.Join(parts, " ")))
		}
	}
	return out
}

// TestGoldQuoteCoverage checks that every direct quote of the gold
// annotations of the seed and dev articles lies inside one quote span (or
// joined chain) that normalize and segment read from the article.
func TestGoldQuoteCoverage(t *testing.T) {
	var req, reqHit, opt, optHit, exact, scored, missed int
	for _, a := range testcorpus.Articles(t) {
		g := a.Gold
		raw, err := os.ReadFile(a.Text)
		if err != nil {
			t.Fatal(err)
		}
		var gold struct{ Statements []goldStatement }
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatal(err)
		}
		doc, err := normalize.Normalize(string(raw))
		if err != nil {
			t.Fatal(err)
		}
		_, qs := segment.Split(doc.Text, doc.Paragraphs)
		spans := quoteTexts(doc.Text, qs)
		for _, s := range gold.Statements {
			if s.Kind != "direct" {
				continue
			}
			want := " " + fold(s.Quote) + " "
			found := false
			best := 0.0
			for _, sp := range spans {
				if strings.Contains(" "+sp+" ", want) {
					found = true
				}
				best = max(best, wordF1(sp, fold(s.Quote)))
			}
			if best == 1 {
				exact++
			}
			if best >= 0.5 {
				scored++
			} else if !s.Optional {
				missed++
				t.Errorf("%s: best quote span for %q has word F1 %.2f", a.Name, s.Quote, best)
			}
			if s.Optional {
				opt++
				if found {
					optHit++
				}
			} else {
				req++
				if found {
					reqHit++
				}
			}
			if !found && !s.Optional {
				t.Errorf("%s: gold quote not inside any quote span: %q", a.Name, s.Quote)
			}
		}
	}
	t.Logf("gold direct quotes covered: required %d/%d, optional %d/%d", reqHit, req, optHit, opt)
	t.Logf("gold direct quotes matched by one quote span (or joined chain): word F1 = 1: %d/%d, F1 >= 0.5 (the scorer's bar): %d/%d",
		exact, req+opt, scored, req+opt)
	if missed > 0 {
		t.Errorf("%d required gold quotes have no quote span with word F1 >= 0.5", missed)
	}
}

// wordF1 is the word-overlap F1 of two folded strings (as the scorer computes it).
func wordF1(a, b string) float64 {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range wa {
		count[w]++
	}
	common := 0
	for _, w := range wb {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(wa)), float64(common)/float64(len(wb))
	return 2 * p * r / (p + r)
}
