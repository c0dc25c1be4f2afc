package store

import (
	"strings"
	"time"
	"unicode"

	"github.com/cayleygraph/quad"

	"pledgegraph"
)

// fact is one stored value of a node's predicate and the document it was read
// in.
type fact struct {
	v     quad.Value
	label string
}

// node holds the facts read about one node, by predicate; for inverse
// groupings (groupInverse), the subjects pointing at it.
type node map[string][]fact

func groupBySubject(qs []quad.Quad) map[string]node {
	out := make(map[string]node)
	for _, q := range qs {
		id := iriOf(q.Subject)
		if id == "" {
			continue
		}
		n := out[id]
		if n == nil {
			n = make(node)
			out[id] = n
		}
		p := iriOf(q.Predicate)
		n[p] = append(n[p], fact{q.Object, iriOf(q.Label)})
	}
	return out
}

// groupInverse maps each IRI object to the distinct subjects pointing at it,
// sorted.
func groupInverse(qs []quad.Quad) map[string][]string {
	sets := make(map[string]map[string]bool)
	for _, q := range qs {
		o, s := iriOf(q.Object), iriOf(q.Subject)
		if o == "" || s == "" {
			continue
		}
		if sets[o] == nil {
			sets[o] = make(map[string]bool)
		}
		sets[o][s] = true
	}
	out := make(map[string][]string, len(sets))
	for o, set := range sets {
		out[o] = sortedKeys(set)
	}
	return out
}

// typed reports whether the node has a type quad with the given type.
func (n node) typed(typ string) bool {
	for _, f := range n[pledgegraph.PredType] {
		if s, ok := f.v.(quad.String); ok && string(s) == typ {
			return true
		}
	}
	return false
}

// labels returns the distinct documents a predicate was read in.
func (n node) labels(pred string) map[string]bool {
	out := make(map[string]bool)
	for _, f := range n[pred] {
		if f.label != "" {
			out[f.label] = true
		}
	}
	return out
}

// one picks the value of a single-valued predicate: the value read in most
// documents, the smallest on ties (in TermString form), so that every
// backend and every reader agrees.
func (n node) one(pred string) quad.Value {
	facts := n[pred]
	switch len(facts) {
	case 0:
		return nil
	case 1:
		return facts[0].v
	}
	count := make(map[quad.Value]int)
	for _, f := range facts {
		count[f.v]++
	}
	var best quad.Value
	for v, c := range count {
		if best == nil || c > count[best] || (c == count[best] && valueString(v) < valueString(best)) {
			best = v
		}
	}
	return best
}

func (n node) str(pred string) string { return valueString(n.one(pred)) }

// iri returns the ID a single-valued IRI predicate points at, or "".
func (n node) iri(pred string) string { return iriOf(n.one(pred)) }

func (n node) int(pred string) int {
	switch v := n.one(pred).(type) {
	case quad.Int:
		return int(v)
	case quad.Float:
		return int(v)
	}
	return 0
}

func (n node) float(pred string) float64 {
	switch v := n.one(pred).(type) {
	case quad.Float:
		return float64(v)
	case quad.Int:
		return float64(v)
	}
	return 0
}

// strs returns the distinct string values of a predicate, sorted.
func (n node) strs(pred string) []string {
	set := make(map[string]bool)
	for _, f := range n[pred] {
		if s := valueString(f.v); s != "" {
			set[s] = true
		}
	}
	if len(set) == 0 {
		return nil
	}
	return sortedKeys(set)
}

// iris returns the distinct IDs a predicate points at, sorted.
func (n node) iris(pred string) []string {
	set := make(map[string]bool)
	for _, f := range n[pred] {
		if id := iriOf(f.v); id != "" {
			set[id] = true
		}
	}
	if len(set) == 0 {
		return nil
	}
	return sortedKeys(set)
}

func (n node) actor(id string) *pledgegraph.Actor {
	a := &pledgegraph.Actor{
		ID:      id,
		Name:    n.str(pledgegraph.PredName),
		Kind:    pledgegraph.ActorKind(n.str(pledgegraph.PredKind)),
		Title:   n.str(pledgegraph.PredTitle),
		Country: n.iri(pledgegraph.PredRepresents),
	}
	for _, alias := range n.strs(pledgegraph.PredAlias) {
		if alias != a.Name {
			a.Aliases = append(a.Aliases, alias)
		}
	}
	return a
}

func (n node) evidence() pledgegraph.Evidence {
	return pledgegraph.Evidence{
		Document:   n.iri(pledgegraph.PredInDocument),
		Sentence:   n.int(pledgegraph.PredSentence),
		Start:      n.int(pledgegraph.PredStart),
		End:        n.int(pledgegraph.PredEnd),
		Rule:       n.str(pledgegraph.PredRule),
		Confidence: n.float(pledgegraph.PredConfidence),
	}
}

// statement decodes a statement; speakers are the subjects of the said edges
// into it (the first, in ID order, if the documents disagree).
func (n node) statement(id string, speakers []string) *pledgegraph.Statement {
	st := &pledgegraph.Statement{
		ID:       id,
		Kind:     pledgegraph.StatementKind(n.str(pledgegraph.PredStatementKind)),
		Text:     n.str(pledgegraph.PredText),
		Cue:      n.str(pledgegraph.PredCue),
		Mentions: n.iris(pledgegraph.PredMentions),
		Evidence: n.evidence(),
	}
	if len(speakers) > 0 {
		st.Speaker = speakers[0]
	}
	return st
}

// commitment decodes a commitment; actors are the subjects of the pledged
// edges into it.
func (n node) commitment(id string, actors []string) *pledgegraph.Commitment {
	c := &pledgegraph.Commitment{
		ID:        id,
		Action:    n.str(pledgegraph.PredAction),
		Target:    n.iri(pledgegraph.PredTarget),
		Polarity:  pledgegraph.Polarity(n.str(pledgegraph.PredPolarity)),
		Modality:  n.str(pledgegraph.PredModality),
		Condition: n.str(pledgegraph.PredCondition),
		Amount:    n.str(pledgegraph.PredAmount),
		Statement: n.iri(pledgegraph.PredStatedIn),
		Evidence:  n.evidence(),
	}
	if len(actors) > 0 {
		c.Actor = actors[0]
	}
	return c
}

func (n node) document(id string) *pledgegraph.Document {
	d := &pledgegraph.Document{
		ID:          id,
		Title:       n.str(pledgegraph.PredTitle),
		Source:      n.str(pledgegraph.PredSource),
		Dateline:    n.str(pledgegraph.PredDateline),
		ContentHash: n.str(pledgegraph.PredContentHash),
		Text:        n.str(pledgegraph.PredText),
	}
	if s := n.str(pledgegraph.PredPublishedAt); s != "" {
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			d.PublishedAt = t
		}
	}
	return d
}

// foldText folds text for substring search: lower case, Latin accents
// removed. It maps rune by rune, so a match in the fold is a match in the
// text.
func foldText(s string) string {
	return strings.Map(func(r rune) rune { return pledgegraph.Unaccent(unicode.ToLower(r)) }, s)
}
