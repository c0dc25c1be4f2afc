package pledgegraph

import (
	"strings"
	"time"
)

// ActorKind is what sort of actor a node is.
type ActorKind string

const (
	KindPerson       ActorKind = "person"
	KindCountry      ActorKind = "country"
	KindOrganization ActorKind = "organization"
)

// Valid reports whether k is one of the known kinds.
func (k ActorKind) Valid() bool {
	return k == KindPerson || k == KindCountry || k == KindOrganization
}

// Actor is a person, a sovereign state or an organization.
type Actor struct {
	ID      string
	Name    string    // canonical full name ("Volodymyr Zelenskyy", "United Kingdom")
	Kind    ActorKind //
	Aliases []string  // every other surface form read ("Zelenskyy", "UK", "Kyiv", "British")
	Title   string    // office as written ("President", "Chancellor"), persons only
	Country string    // ID of the state a person represents or leads, or a state body (ministry, embassy, army) belongs to; or ""
}

// StatementKind tells quoted from reported speech.
type StatementKind string

const (
	Direct   StatementKind = "direct"   // words inside quotation marks
	Indirect StatementKind = "indirect" // reported speech without quotation marks
)

// Valid reports whether k is one of the known kinds.
func (k StatementKind) Valid() bool { return k == Direct || k == Indirect }

// Evidence says where in its document a fact was read and how.
type Evidence struct {
	Document   string  // document ID
	Sentence   int     // index of the sentence in the document (0-based)
	Start, End int     // byte offsets into Document.Text, half-open
	Rule       string  // the stage/rule that produced the fact, e.g. "attribute/quote-after-verb"
	Confidence float64 // 0..1
}

// Statement is something an actor said, quoted or reported.
type Statement struct {
	ID       string
	Kind     StatementKind
	Text     string   // the quote without its marks, or the reported clause
	Speaker  string   // actor ID; "" for unnamed sources ("officials said")
	Cue      string   // the reporting verb as written ("said", "told reporters", "warned")
	Mentions []string // IDs of actors the statement mentions
	Evidence
}

// Polarity tells a pledge from a refusal.
type Polarity string

const (
	Positive Polarity = "positive"
	Negative Polarity = "negative"
)

// Valid reports whether p is one of the known polarities.
func (p Polarity) Valid() bool { return p == Positive || p == Negative }

// Commitment is an actor's stated intention, promise, pledge, agreement or
// refusal to act.
type Commitment struct {
	ID        string
	Actor     string   // ID of the actor who commits (a state when a person speaks for it)
	Action    string   // base-form verb phrase with its object ("deploy forces")
	Target    string   // ID of the beneficiary or place, or ""
	Polarity  Polarity //
	Modality  string   // the word that carries it, as written ("pledged", "would not", "could")
	Condition string   // as written ("if a ceasefire is reached with Russia"), or ""
	Amount    string   // as written ("€2 billion", "5,000 troops"), or ""
	Statement string   // ID of the statement it was read from, or "" (narration)
	Evidence
}

// SameModality reports whether a modal word as written is the word asked
// for: compared case-insensitively, spaces around either ignored. Filters
// by modality (the store's, the dated queries') all compare so.
func SameModality(word, asked string) bool {
	return strings.EqualFold(strings.TrimSpace(word), strings.TrimSpace(asked))
}

// Document is one source article.
type Document struct {
	ID          string
	Title       string
	Source      string    // where it came from: file name or URL
	PublishedAt time.Time // zero when unknown
	Dateline    string    // as written ("UNITED NATIONS, October 2 (wire)"), or ""
	ContentHash string    // hex sha256 of the raw text
	Text        string    // normalised text that all offsets point into
}

// Extraction is everything read out of one document.
type Extraction struct {
	Document    Document
	Actors      []Actor
	Statements  []Statement
	Commitments []Commitment
}

// Source is a document as it arrives, before extraction.
type Source struct {
	Name        string    // file name or caller's label; used as Document.Source when Source is empty
	Title       string    // optional; the headline is used when empty
	Text        string    // raw text (UTF-8)
	Source      string    // URL or origin, optional
	PublishedAt time.Time // optional
}
