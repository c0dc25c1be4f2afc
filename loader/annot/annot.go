// Package annot holds the typed layers the loader's pipeline stages add to a
// document, in the spirit of CoreNLP annotations or a spaCy Doc: each stage is
// a pure function that reads some layers and returns another.
//
//	normalize  raw text        → Text, Title, Dateline, Paragraphs
//	segment    Text+Paragraphs → Sentences, Quotes
//	actors     Text+Sentences  → Actors, Mentions
//	attribute  all of the above → Statements (speakers resolved)
//	commit     all of the above → Commitments
//
// All offsets are byte offsets into Text, half-open.
package annot

import (
	"time"

	"pledgegraph"
)

// Span is a half-open byte range [Start, End) of Text.
type Span struct{ Start, End int }

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// ParaKind is what a paragraph of the normalised text is.
type ParaKind int

const (
	Body     ParaKind = iota // article prose: the only kind later stages read statements from
	Headline                 // the headline (also Doc.Title); not read for statements
)

// Paragraph is one paragraph of Text.
type Paragraph struct {
	Span
	Kind ParaKind
}

// Sentence is one sentence of a Body paragraph.
type Sentence struct {
	Span
	Index int // position in Doc.Sentences
	Para  int // index into Doc.Paragraphs
}

// Quote is one quoted span.
type Quote struct {
	Span            // the words inside the marks, without them
	Outer     Span  // including the marks (the closing mark absent when !Closed)
	Para      int   // index into Doc.Paragraphs of the opening mark
	Sentence  int   // index of the sentence holding the opening mark
	Closed    bool  // false for a paragraph-spanning quote whose paragraph ends unclosed
	Depth     int   // 0 for an outer quote, 1 for a quote nested inside another
	Continued bool  // this quote re-opens the unclosed quote of the previous paragraph
	Joined    []int // indices of later quotes joined to this one ("A," she said, "B.") within one sentence
}

// MentionKind is how an actor is named at a mention.
type MentionKind int

const (
	Name    MentionKind = iota // full canonical or alias name ("Keir Starmer", "United Kingdom", "NATO")
	Surname                    // a person's surname alone ("Starmer")
	Demonym                    // "British", "the French"
	Capital                    // a capital used for the state ("London", "Kyiv")
	Role                       // a role or title standing alone ("the chancellor", "the ministry")
	Pronoun                    // "he", "she", "they", "it" — resolved by attribute
)

// Mention is one place an actor is named.
type Mention struct {
	Span
	Actor    int // index into Doc.Actors, -1 when unresolved (pronouns before attribution)
	Kind     MentionKind
	Sentence int
}

// Doc is a document with every layer read so far.
type Doc struct {
	ID        string // pledgegraph.DocumentID of Raw
	Raw       string
	Text      string // normalised: encoding repaired; page chrome, captions, credits and the dateline prefix removed
	Title     string
	Dateline  string
	Published time.Time // zero when unknown

	Paragraphs []Paragraph
	Sentences  []Sentence
	Quotes     []Quote

	Actors   []pledgegraph.Actor // with IDs, Aliases as read in this document
	Mentions []Mention

	Statements  []pledgegraph.Statement
	Commitments []pledgegraph.Commitment
}

// Slice returns the text of a span.
func (d *Doc) Slice(s Span) string { return d.Text[s.Start:s.End] }

// SentenceAt returns the index of the sentence containing byte offset off, or -1.
func (d *Doc) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m]; {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}
