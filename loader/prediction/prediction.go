// Package prediction renders an extraction in the prediction format of the
// project's scorer (shared/eval/score.py): one JSON object per document with
// actors, statements and commitments, names given canonically plus aliases so
// the scorer can match them. Typographic quotes, apostrophes and dashes are
// folded to ASCII as in the gold files.
package prediction

import (
	"strings"

	"pledgegraph"
)

// Prediction is one document's extraction in the scorer's format.
type Prediction struct {
	Actors      []Actor      `json:"actors"`
	Statements  []Statement  `json:"statements"`
	Commitments []Commitment `json:"commitments"`
}

// Actor is a predicted actor.
type Actor struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Aliases []string `json:"aliases"`
}

// Statement is a predicted statement; Speaker is nil for unnamed sources.
type Statement struct {
	Speaker        *string  `json:"speaker"`
	SpeakerAliases []string `json:"speakerAliases"`
	Kind           string   `json:"kind"`
	Quote          string   `json:"quote"`
}

// Commitment is a predicted commitment; Target and Condition are nil when absent.
type Commitment struct {
	Actor        string   `json:"actor"`
	ActorAliases []string `json:"actorAliases"`
	Action       string   `json:"action"`
	Target       *string  `json:"target"`
	Polarity     string   `json:"polarity"`
	Modality     string   `json:"modality"`
	Condition    *string  `json:"condition"`
}

// From converts an extraction. Actors referred to by ID but missing from
// x.Actors are rendered by ID.
func From(x *pledgegraph.Extraction) Prediction {
	byID := make(map[string]*pledgegraph.Actor, len(x.Actors))
	p := Prediction{Actors: []Actor{}, Statements: []Statement{}, Commitments: []Commitment{}}
	for i := range x.Actors {
		a := &x.Actors[i]
		byID[a.ID] = a
		p.Actors = append(p.Actors, Actor{Name: ASCII(a.Name), Kind: string(a.Kind), Aliases: asciiAll(a.Aliases)})
	}
	name := func(id string) (string, []string) {
		if a, ok := byID[id]; ok {
			return ASCII(a.Name), asciiAll(a.Aliases)
		}
		return id, []string{}
	}
	for _, s := range x.Statements {
		st := Statement{Kind: string(s.Kind), Quote: ASCII(s.Text), SpeakerAliases: []string{}}
		if s.Speaker != "" {
			n, al := name(s.Speaker)
			st.Speaker, st.SpeakerAliases = &n, al
		}
		p.Statements = append(p.Statements, st)
	}
	for _, c := range x.Commitments {
		n, al := name(c.Actor)
		ct := Commitment{Actor: n, ActorAliases: al, Action: ASCII(c.Action), Polarity: string(c.Polarity), Modality: ASCII(c.Modality)}
		if c.Target != "" {
			t, _ := name(c.Target)
			ct.Target = &t
		}
		if c.Condition != "" {
			cond := ASCII(c.Condition)
			ct.Condition = &cond
		}
		p.Commitments = append(p.Commitments, ct)
	}
	return p
}

var asciiFold = strings.NewReplacer(
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u00ab", `"`, "\u00bb", `"`,
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u2032", "'",
	"\u2014", "-", "\u2013", "-", "\u2012", "-", "\u2212", "-",
	"\u2026", "...", "\u00a0", " ",
)

// ASCII folds typographic quotes, apostrophes, dashes and ellipses to ASCII,
// as the gold files write them; letters (accents, currency signs) are kept.
func ASCII(s string) string { return asciiFold.Replace(s) }

func asciiAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, ASCII(s))
	}
	return out
}
