package pledgegraph

// The predicate vocabulary. Every fact is a quad (subject, predicate, object,
// label) whose label is the ID of the document it was read from. Node IDs
// (see package doc) are IRIs; everything else is a literal.
const (
	// Every node.
	PredType = "type" // node → TypeActor | TypeStatement | TypeCommitment | TypeDocument

	// Actors.
	PredName       = "name"       // actor → canonical name
	PredKind       = "kind"       // actor → "person" | "country" | "organization"
	PredAlias      = "alias"      // actor → surface form read in the document
	PredKey        = "key"        // actor → folded lookup key of the name and each alias (see NameKey)
	PredTitle      = "title"      // actor → office; document → headline
	PredRepresents = "represents" // person → country

	// Statements.
	PredSaid          = "said"          // actor → statement
	PredText          = "text"          // statement/document → text
	PredStatementKind = "statementKind" // statement → "direct" | "indirect"
	PredCue           = "cue"           // statement → reporting verb
	PredMentions      = "mentions"      // statement → actor

	// Commitments.
	PredPledged   = "pledged"   // actor → commitment (both polarities; see PredPolarity)
	PredAction    = "action"    // commitment → verb phrase
	PredTarget    = "target"    // commitment → actor
	PredPolarity  = "polarity"  // commitment → "positive" | "negative"
	PredModality  = "modality"  // commitment → modal word as written
	PredCondition = "condition" // commitment → condition as written
	PredAmount    = "amount"    // commitment → amount as written
	PredStatedIn  = "statedIn"  // commitment → statement

	// Evidence, on statements and commitments.
	PredInDocument = "inDocument" // statement/commitment → document
	PredSentence   = "sentence"   // → int, sentence index
	PredStart      = "start"      // → int, byte offset into the document text
	PredEnd        = "end"        // → int
	PredRule       = "rule"       // → stage/rule name
	PredConfidence = "confidence" // → float 0..1

	// Documents.
	PredSource      = "source"      // document → file name or URL
	PredPublishedAt = "publishedAt" // document → RFC 3339 time
	PredDateline    = "dateline"    // document → dateline as written
	PredContentHash = "contentHash" // document → hex sha256 of the raw text
)

// Node types, the objects of PredType.
const (
	TypeActor      = "Actor"
	TypeStatement  = "Statement"
	TypeCommitment = "Commitment"
	TypeDocument   = "Document"
)

// TermKind says how a triple's object is stored.
type TermKind int

const (
	TermIRI    TermKind = iota // a node ID
	TermString                 // a string literal
	TermInt                    // an integer literal
	TermFloat                  // a float literal
)

// Term is the object of a triple.
type Term struct {
	Kind  TermKind
	Str   string // TermIRI, TermString
	Int   int64
	Float float64
}

// IRI, Str, Int and Float build terms.
func IRI(id string) Term   { return Term{Kind: TermIRI, Str: id} }
func Str(s string) Term    { return Term{Kind: TermString, Str: s} }
func Int(i int) Term       { return Term{Kind: TermInt, Int: int64(i)} }
func Float(f float64) Term { return Term{Kind: TermFloat, Float: f} }

// Triple is one fact; the store writes it with the document ID as label.
type Triple struct {
	Subject   string // node ID
	Predicate string // one of the Pred constants
	Object    Term
}
