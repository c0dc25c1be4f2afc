package annottest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// This file ports the matching rules of the project's scorer
// (shared/eval/score.py) so quality tests can score in Go: statements match
// on speaker (through gold aliases) and quote word-overlap F1 ≥ 0.5, per
// kind; commitments on actor, polarity and one shared content-word stem.

// Gold is a gold annotation file.
type Gold struct {
	Actors []struct {
		Name     string   `json:"name"`
		Kind     string   `json:"kind"`
		Aliases  []string `json:"aliases"`
		Optional bool     `json:"optional"`
	} `json:"actors"`
	Statements []struct {
		Speaker  *string `json:"speaker"`
		Kind     string  `json:"kind"`
		Quote    string  `json:"quote"`
		Optional bool    `json:"optional"`
	} `json:"statements"`
	Commitments []struct {
		Actor    string `json:"actor"`
		Action   string `json:"action"`
		Polarity string `json:"polarity"`
		Optional bool   `json:"optional"`
	} `json:"commitments"`
}

// Pred is a prediction file (the loader's --json output).
type Pred struct {
	Actors []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"actors"`
	Statements []struct {
		Speaker        *string  `json:"speaker"`
		SpeakerAliases []string `json:"speakerAliases"`
		Kind           string   `json:"kind"`
		Quote          string   `json:"quote"`
	} `json:"statements"`
	Commitments []struct {
		Actor        string   `json:"actor"`
		ActorAliases []string `json:"actorAliases"`
		Action       string   `json:"action"`
		Polarity     string   `json:"polarity"`
	} `json:"commitments"`
}

// Count is true positives, predictions and gold items of one category.
type Count struct{ TP, Pred, Gold int }

// Add sums counts.
func (c Count) Add(o Count) Count { return Count{c.TP + o.TP, c.Pred + o.Pred, c.Gold + o.Gold} }

// PRF returns precision, recall and F1 as score.py computes them.
func (c Count) PRF() (p, r, f float64) {
	switch {
	case c.Pred > 0:
		p = float64(c.TP) / float64(c.Pred)
	case c.Gold == 0:
		p = 1
	}
	r = 1
	if c.Gold > 0 {
		r = float64(c.TP) / float64(c.Gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Scores are the counts per category, with the items that did not match.
type Scores struct {
	Direct, Indirect, Commitments Count
	Missed, Spurious              []string // "kind: speaker | text" lines
}

var nonWord = regexp.MustCompile(`[^\p{L}\p{N}_\s]`)

// Fold lower-cases s, strips accents and folds punctuation to spaces, as
// score.py's fold does.
func Fold(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(b.String())
	s = nonWord.ReplaceAllString(strings.ToLower(s), " ")
	return strings.Join(strings.Fields(s), " ")
}

var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the of to in on for and or but with by at from as that this these those it its their they
		he she his her we our us you i is are was were be been being will would could should can may might
		must shall do does did have has had not no so if than then there here which who whom what when how`) {
		m[w] = true
	}
	return m
}()

var syn = map[string]string{"troop": "force", "forces": "force", "troops": "force", "soldier": "force", "soldiers": "force"}

func stem(w string) string {
	if s, ok := syn[w]; ok {
		w = s
	}
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			b := w[:len(w)-len(suf)]
			if s, ok := syn[b]; ok {
				return s
			}
			return b
		}
	}
	return w
}

func content(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(Fold(s)) {
		if !stop[w] {
			m[stem(w)] = true
		}
	}
	return m
}

// F1Words is the word-overlap F1 of two strings.
func F1Words(a, b string) float64 {
	wa, wb := strings.Fields(Fold(a)), strings.Fields(Fold(b))
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	ca := map[string]int{}
	for _, w := range wa {
		ca[w]++
	}
	common := 0
	for _, w := range wb {
		if ca[w] > 0 {
			ca[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(wa)), float64(common)/float64(len(wb))
	return 2 * p * r / (p + r)
}

// Score scores a prediction against a gold annotation, both as JSON.
func Score(goldJSON, predJSON []byte) (Scores, error) {
	var g Gold
	var p Pred
	if err := json.Unmarshal(goldJSON, &g); err != nil {
		return Scores{}, fmt.Errorf("gold: %w", err)
	}
	if err := json.Unmarshal(predJSON, &p); err != nil {
		return Scores{}, fmt.Errorf("prediction: %w", err)
	}
	names := map[string]string{}
	for _, a := range g.Actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if _, ok := names[Fold(n)]; !ok {
				names[Fold(n)] = a.Name
			}
		}
	}
	resolve := func(name string, aliases []string) string {
		for _, n := range append([]string{name}, aliases...) {
			if n == "" {
				continue
			}
			if g, ok := names[Fold(n)]; ok {
				return g
			}
		}
		return ""
	}
	var sc Scores
	for _, kind := range []string{"direct", "indirect"} {
		var c Count
		used := map[int]bool{}
		optHits := 0
		npred := 0
		for _, s := range p.Statements {
			if strings.ToLower(s.Kind) != kind {
				continue
			}
			npred++
			sp := ""
			if s.Speaker != nil && *s.Speaker != "" {
				sp = resolve(*s.Speaker, s.SpeakerAliases)
			}
			best, bi := 0.0, -1
			for i, gs := range g.Statements {
				if gs.Kind != kind || used[i] {
					continue
				}
				if gs.Speaker != nil && sp != *gs.Speaker {
					continue
				}
				if gs.Speaker == nil && !gs.Optional {
					continue
				}
				if f := F1Words(s.Quote, gs.Quote); f > best {
					best, bi = f, i
				}
			}
			if bi >= 0 && best >= 0.5 {
				used[bi] = true
				if g.Statements[bi].Optional {
					optHits++
				} else {
					c.TP++
				}
			} else {
				who := "null"
				if s.Speaker != nil {
					who = *s.Speaker
				}
				sc.Spurious = append(sc.Spurious, fmt.Sprintf("%s: %s | %.80s", kind, who, s.Quote))
			}
		}
		for i, gs := range g.Statements {
			if gs.Kind == kind && !gs.Optional {
				c.Gold++
				if !used[i] {
					who := "null"
					if gs.Speaker != nil {
						who = *gs.Speaker
					}
					sc.Missed = append(sc.Missed, fmt.Sprintf("%s: %s | %.80s", kind, who, gs.Quote))
				}
			}
		}
		c.Pred = npred - optHits
		if kind == "direct" {
			sc.Direct = c
		} else {
			sc.Indirect = c
		}
	}
	used := map[int]bool{}
	optHits := 0
	for _, pc := range p.Commitments {
		actor := resolve(pc.Actor, pc.ActorAliases)
		pol := strings.ToLower(pc.Polarity)
		if pol == "" {
			pol = "positive"
		}
		ct := content(pc.Action)
		best, bi := 0, -1
		for i, gc := range g.Commitments {
			if used[i] || gc.Actor != actor || gc.Polarity != pol {
				continue
			}
			ov := 0
			for w := range content(gc.Action) {
				if ct[w] {
					ov++
				}
			}
			if ov > best {
				best, bi = ov, i
			}
		}
		if bi >= 0 {
			used[bi] = true
			if g.Commitments[bi].Optional {
				optHits++
			} else {
				sc.Commitments.TP++
			}
		} else {
			sc.Spurious = append(sc.Spurious, fmt.Sprintf("commitment: %s %s | %s", pc.Actor, pol, pc.Action))
		}
	}
	for i, gc := range g.Commitments {
		if !gc.Optional {
			sc.Commitments.Gold++
			if !used[i] {
				sc.Missed = append(sc.Missed, fmt.Sprintf("commitment: %s %s | %s", gc.Actor, gc.Polarity, gc.Action))
			}
		}
	}
	sc.Commitments.Pred = len(p.Commitments) - optHits
	return sc, nil
}
