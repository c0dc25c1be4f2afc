// Package triples is the last pipeline stage: it turns an extraction into the
// facts the store writes, in the predicate vocabulary of package pledgegraph.
// Every triple is later labelled with the document ID, so each fact can be
// traced to where it was read.
//
// Layout (→ is an IRI edge, = a literal):
//
//	doc   type=Document  title= source= publishedAt= dateline= contentHash= text=
//	doc   mentions→actor                      (every actor read in the document)
//	actor type=Actor name= kind= alias=… key=… title= represents→country
//	actor said→stmt
//	stmt  type=Statement statementKind= text= cue= mentions→actor inDocument→doc
//	      sentence= start= end= rule= confidence=
//	actor pledged→cmt
//	cmt   type=Commitment action= target→actor polarity= modality= condition= amount=
//	      statedIn→stmt inDocument→doc sentence= start= end= rule= confidence=
package triples

import (
	"strings"
	"time"

	"pledgegraph"
)

// Build returns the triples of one extraction, in a deterministic order,
// without duplicates. It is pure.
func Build(x *pledgegraph.Extraction) []pledgegraph.Triple {
	b := builder{seen: map[pledgegraph.Triple]bool{}}
	d := &x.Document
	b.add(d.ID, pledgegraph.PredType, pledgegraph.Str(pledgegraph.TypeDocument))
	b.str(d.ID, pledgegraph.PredTitle, d.Title)
	b.str(d.ID, pledgegraph.PredSource, d.Source)
	if !d.PublishedAt.IsZero() {
		b.add(d.ID, pledgegraph.PredPublishedAt, pledgegraph.Str(d.PublishedAt.UTC().Format(time.RFC3339)))
	}
	b.str(d.ID, pledgegraph.PredDateline, d.Dateline)
	b.str(d.ID, pledgegraph.PredContentHash, d.ContentHash)
	b.add(d.ID, pledgegraph.PredText, pledgegraph.Str(d.Text))

	for _, a := range x.Actors {
		b.add(d.ID, pledgegraph.PredMentions, pledgegraph.IRI(a.ID))
		b.add(a.ID, pledgegraph.PredType, pledgegraph.Str(pledgegraph.TypeActor))
		b.add(a.ID, pledgegraph.PredName, pledgegraph.Str(a.Name))
		b.add(a.ID, pledgegraph.PredKind, pledgegraph.Str(string(a.Kind)))
		b.key(a.ID, a.Name)
		if a.Kind == pledgegraph.KindPerson {
			// A person is looked up by surname too ("Merz"), even in a
			// document that only ever names them in full.
			b.key(a.ID, Surname(a.Name))
		}
		for _, al := range a.Aliases {
			if al == a.Name {
				continue
			}
			b.str(a.ID, pledgegraph.PredAlias, al)
			b.key(a.ID, al)
		}
		b.str(a.ID, pledgegraph.PredTitle, a.Title)
		if a.Country != "" && a.Country != a.ID {
			b.add(a.ID, pledgegraph.PredRepresents, pledgegraph.IRI(a.Country))
		}
	}

	for _, s := range x.Statements {
		b.add(s.ID, pledgegraph.PredType, pledgegraph.Str(pledgegraph.TypeStatement))
		b.add(s.ID, pledgegraph.PredStatementKind, pledgegraph.Str(string(s.Kind)))
		b.add(s.ID, pledgegraph.PredText, pledgegraph.Str(s.Text))
		b.str(s.ID, pledgegraph.PredCue, s.Cue)
		if s.Speaker != "" {
			b.add(s.Speaker, pledgegraph.PredSaid, pledgegraph.IRI(s.ID))
		}
		for _, m := range s.Mentions {
			b.add(s.ID, pledgegraph.PredMentions, pledgegraph.IRI(m))
		}
		b.evidence(s.ID, d.ID, s.Evidence)
	}

	for _, c := range x.Commitments {
		b.add(c.ID, pledgegraph.PredType, pledgegraph.Str(pledgegraph.TypeCommitment))
		b.add(c.Actor, pledgegraph.PredPledged, pledgegraph.IRI(c.ID))
		b.add(c.ID, pledgegraph.PredAction, pledgegraph.Str(c.Action))
		if c.Target != "" {
			b.add(c.ID, pledgegraph.PredTarget, pledgegraph.IRI(c.Target))
		}
		b.add(c.ID, pledgegraph.PredPolarity, pledgegraph.Str(string(c.Polarity)))
		b.str(c.ID, pledgegraph.PredModality, c.Modality)
		b.str(c.ID, pledgegraph.PredCondition, c.Condition)
		b.str(c.ID, pledgegraph.PredAmount, c.Amount)
		if c.Statement != "" {
			b.add(c.ID, pledgegraph.PredStatedIn, pledgegraph.IRI(c.Statement))
		}
		b.evidence(c.ID, d.ID, c.Evidence)
	}
	return b.out
}

// Surname is the last word of a person's name, or "" for a one-word name.
// Particles stay with it: "Ursula von der Leyen" → "von der Leyen".
func Surname(name string) string {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return ""
	}
	i := len(ws) - 1
	for i > 1 && particles[strings.ToLower(ws[i-1])] {
		i--
	}
	return strings.Join(ws[i:], " ")
}

var particles = map[string]bool{"von": true, "van": true, "der": true, "den": true, "de": true, "da": true,
	"di": true, "del": true, "della": true, "la": true, "le": true, "bin": true, "al": true, "ter": true}

type builder struct {
	out  []pledgegraph.Triple
	seen map[pledgegraph.Triple]bool
}

func (b *builder) add(s, p string, o pledgegraph.Term) {
	t := pledgegraph.Triple{Subject: s, Predicate: p, Object: o}
	if b.seen[t] {
		return
	}
	b.seen[t] = true
	b.out = append(b.out, t)
}

// str adds a string literal unless it is empty.
func (b *builder) str(s, p, v string) {
	if v != "" {
		b.add(s, p, pledgegraph.Str(v))
	}
}

func (b *builder) key(id, name string) {
	if k := pledgegraph.NameKey(name); k != "" {
		b.add(id, pledgegraph.PredKey, pledgegraph.Str(k))
	}
}

func (b *builder) evidence(id, doc string, e pledgegraph.Evidence) {
	b.add(id, pledgegraph.PredInDocument, pledgegraph.IRI(doc))
	b.add(id, pledgegraph.PredSentence, pledgegraph.Int(e.Sentence))
	b.add(id, pledgegraph.PredStart, pledgegraph.Int(e.Start))
	b.add(id, pledgegraph.PredEnd, pledgegraph.Int(e.End))
	b.str(id, pledgegraph.PredRule, e.Rule)
	b.add(id, pledgegraph.PredConfidence, pledgegraph.Float(e.Confidence))
}
