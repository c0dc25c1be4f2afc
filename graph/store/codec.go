package store

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"pledgegraph"
)

// predicateKinds is the vocabulary with the kind of object each predicate
// takes. Write rejects any other predicate, and any object of another kind.
var predicateKinds = map[string]pledgegraph.TermKind{
	pledgegraph.PredType: pledgegraph.TermString,

	pledgegraph.PredName:       pledgegraph.TermString,
	pledgegraph.PredKind:       pledgegraph.TermString,
	pledgegraph.PredAlias:      pledgegraph.TermString,
	pledgegraph.PredKey:        pledgegraph.TermString,
	pledgegraph.PredTitle:      pledgegraph.TermString,
	pledgegraph.PredRepresents: pledgegraph.TermIRI,

	pledgegraph.PredSaid:          pledgegraph.TermIRI,
	pledgegraph.PredText:          pledgegraph.TermString,
	pledgegraph.PredStatementKind: pledgegraph.TermString,
	pledgegraph.PredCue:           pledgegraph.TermString,
	pledgegraph.PredMentions:      pledgegraph.TermIRI,

	pledgegraph.PredPledged:   pledgegraph.TermIRI,
	pledgegraph.PredAction:    pledgegraph.TermString,
	pledgegraph.PredTarget:    pledgegraph.TermIRI,
	pledgegraph.PredPolarity:  pledgegraph.TermString,
	pledgegraph.PredModality:  pledgegraph.TermString,
	pledgegraph.PredCondition: pledgegraph.TermString,
	pledgegraph.PredAmount:    pledgegraph.TermString,
	pledgegraph.PredStatedIn:  pledgegraph.TermIRI,

	pledgegraph.PredInDocument: pledgegraph.TermIRI,
	pledgegraph.PredSentence:   pledgegraph.TermInt,
	pledgegraph.PredStart:      pledgegraph.TermInt,
	pledgegraph.PredEnd:        pledgegraph.TermInt,
	pledgegraph.PredRule:       pledgegraph.TermString,
	pledgegraph.PredConfidence: pledgegraph.TermFloat,

	pledgegraph.PredSource:      pledgegraph.TermString,
	pledgegraph.PredPublishedAt: pledgegraph.TermString,
	pledgegraph.PredDateline:    pledgegraph.TermString,
	pledgegraph.PredContentHash: pledgegraph.TermString,
}

var kindNames = map[pledgegraph.TermKind]string{
	pledgegraph.TermIRI:    "IRI",
	pledgegraph.TermString: "string",
	pledgegraph.TermInt:    "int",
	pledgegraph.TermFloat:  "float",
}

// KnownPredicate reports whether p is in the vocabulary of vocab.go.
func KnownPredicate(p string) bool {
	_, ok := predicateKinds[p]
	return ok
}

// validateTriple checks one triple against the vocabulary; i is its index,
// used in the message.
func validateTriple(i int, t pledgegraph.Triple) error {
	bad := func(format string, args ...any) error {
		return pledgegraph.Errorf(pledgegraph.EINVALID, "triple %d (%q %q): %s", i, t.Subject, t.Predicate, fmt.Sprintf(format, args...))
	}
	if t.Subject == "" {
		return bad("empty subject")
	}
	if !utf8.ValidString(t.Subject) {
		return bad("subject is not valid UTF-8")
	}
	if t.Predicate == "" {
		return bad("empty predicate")
	}
	want, ok := predicateKinds[t.Predicate]
	if !ok {
		return bad("unknown predicate")
	}
	if t.Object.Kind != want {
		got, ok := kindNames[t.Object.Kind]
		if !ok {
			return bad("unknown object kind %d", t.Object.Kind)
		}
		return bad("object is a %s, want a %s", got, kindNames[want])
	}
	switch t.Object.Kind {
	case pledgegraph.TermIRI:
		if t.Object.Str == "" {
			return bad("empty IRI object")
		}
		if !utf8.ValidString(t.Object.Str) {
			return bad("IRI object is not valid UTF-8")
		}
	case pledgegraph.TermString:
		if !utf8.ValidString(t.Object.Str) {
			return bad("string object is not valid UTF-8")
		}
	case pledgegraph.TermFloat:
		if math.IsNaN(t.Object.Float) || math.IsInf(t.Object.Float, 0) {
			return bad("float object is not a finite number")
		}
	}
	return nil
}

// termValue is the quad value that stores a term.
func termValue(t pledgegraph.Term) quad.Value {
	switch t.Kind {
	case pledgegraph.TermIRI:
		return quad.IRI(t.Str)
	case pledgegraph.TermInt:
		return quad.Int(t.Int)
	case pledgegraph.TermFloat:
		return quad.Float(t.Float)
	default:
		return quad.String(t.Str)
	}
}

// TermString is the text form of a term used in Evidence keys: the ID of an
// IRI, a string as is, an int in decimal, a float in the shortest form that
// round-trips ('g' format).
func TermString(t pledgegraph.Term) string {
	switch t.Kind {
	case pledgegraph.TermInt:
		return strconv.FormatInt(t.Int, 10)
	case pledgegraph.TermFloat:
		return strconv.FormatFloat(t.Float, 'g', -1, 64)
	default:
		return t.Str
	}
}

// EvidenceKey is the key of a triple in the map Store.Evidence returns:
// "subject|predicate|object" with the object as TermString gives it.
func EvidenceKey(t pledgegraph.Triple) string {
	return t.Subject + "|" + t.Predicate + "|" + TermString(t.Object)
}

// valueString is the text form of a stored value, as TermString gives it for
// the term that stored it.
func valueString(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.Int:
		return strconv.FormatInt(int64(v), 10)
	case quad.Float:
		return strconv.FormatFloat(float64(v), 'g', -1, 64)
	case nil:
		return ""
	default:
		return quad.StringOf(v)
	}
}

// iriOf returns the ID an IRI value names, or "" for any other value.
func iriOf(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return string(iri)
	}
	return ""
}

// iris returns the IRI values of ids, skipping empty ones.
func iris(ids []string) []quad.Value {
	out := make([]quad.Value, 0, len(ids))
	for _, id := range ids {
		if id != "" {
			out = append(out, quad.IRI(id))
		}
	}
	return out
}

// preds returns the IRI values of predicates.
func preds(ps ...string) []quad.Value {
	out := make([]quad.Value, len(ps))
	for i, p := range ps {
		out[i] = quad.IRI(p)
	}
	return out
}
