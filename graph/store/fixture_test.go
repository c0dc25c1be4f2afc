package store

import (
	"fmt"
	"time"

	"pledgegraph"
)

// docFixture is one document's extraction, turned into triples by hand from
// the vocabulary (the loader's triples stage is not a dependency of the
// store).
type docFixture struct {
	Doc         pledgegraph.Document
	Actors      []pledgegraph.Actor
	Statements  []pledgegraph.Statement
	Commitments []pledgegraph.Commitment
}

type tripleBuilder []pledgegraph.Triple

func (b *tripleBuilder) add(s, p string, o pledgegraph.Term) {
	*b = append(*b, pledgegraph.Triple{Subject: s, Predicate: p, Object: o})
}

func (b *tripleBuilder) str(s, p, o string) {
	if o != "" {
		b.add(s, p, pledgegraph.Str(o))
	}
}

func (b *tripleBuilder) iri(s, p, o string) {
	if o != "" {
		b.add(s, p, pledgegraph.IRI(o))
	}
}

func (b *tripleBuilder) evidence(id string, e pledgegraph.Evidence) {
	b.iri(id, pledgegraph.PredInDocument, e.Document)
	b.add(id, pledgegraph.PredSentence, pledgegraph.Int(e.Sentence))
	b.add(id, pledgegraph.PredStart, pledgegraph.Int(e.Start))
	b.add(id, pledgegraph.PredEnd, pledgegraph.Int(e.End))
	b.str(id, pledgegraph.PredRule, e.Rule)
	b.add(id, pledgegraph.PredConfidence, pledgegraph.Float(e.Confidence))
}

// triples lays the fixture out as the vocabulary says.
func (f docFixture) triples() []pledgegraph.Triple {
	var b tripleBuilder
	d := f.Doc
	b.str(d.ID, pledgegraph.PredType, pledgegraph.TypeDocument)
	b.str(d.ID, pledgegraph.PredTitle, d.Title)
	b.str(d.ID, pledgegraph.PredSource, d.Source)
	if !d.PublishedAt.IsZero() {
		b.str(d.ID, pledgegraph.PredPublishedAt, d.PublishedAt.Format(time.RFC3339Nano))
	}
	b.str(d.ID, pledgegraph.PredDateline, d.Dateline)
	b.str(d.ID, pledgegraph.PredContentHash, d.ContentHash)
	b.str(d.ID, pledgegraph.PredText, d.Text)
	for _, a := range f.Actors {
		b.iri(d.ID, pledgegraph.PredMentions, a.ID) // as the loader's triples stage does
		b.str(a.ID, pledgegraph.PredType, pledgegraph.TypeActor)
		b.str(a.ID, pledgegraph.PredName, a.Name)
		b.str(a.ID, pledgegraph.PredKind, string(a.Kind))
		b.str(a.ID, pledgegraph.PredKey, pledgegraph.NameKey(a.Name))
		for _, al := range a.Aliases {
			b.str(a.ID, pledgegraph.PredAlias, al)
			b.str(a.ID, pledgegraph.PredKey, pledgegraph.NameKey(al)) // may repeat a key: the store dedups
		}
		b.str(a.ID, pledgegraph.PredTitle, a.Title)
		b.iri(a.ID, pledgegraph.PredRepresents, a.Country)
	}
	for _, s := range f.Statements {
		b.str(s.ID, pledgegraph.PredType, pledgegraph.TypeStatement)
		b.str(s.ID, pledgegraph.PredStatementKind, string(s.Kind))
		b.str(s.ID, pledgegraph.PredText, s.Text)
		b.str(s.ID, pledgegraph.PredCue, s.Cue)
		b.iri(s.Speaker, pledgegraph.PredSaid, s.ID)
		for _, m := range s.Mentions {
			b.iri(s.ID, pledgegraph.PredMentions, m)
		}
		b.evidence(s.ID, s.Evidence)
	}
	for _, c := range f.Commitments {
		b.str(c.ID, pledgegraph.PredType, pledgegraph.TypeCommitment)
		b.iri(c.Actor, pledgegraph.PredPledged, c.ID)
		b.str(c.ID, pledgegraph.PredAction, c.Action)
		b.iri(c.ID, pledgegraph.PredTarget, c.Target)
		b.str(c.ID, pledgegraph.PredPolarity, string(c.Polarity))
		b.str(c.ID, pledgegraph.PredModality, c.Modality)
		b.str(c.ID, pledgegraph.PredCondition, c.Condition)
		b.str(c.ID, pledgegraph.PredAmount, c.Amount)
		b.iri(c.ID, pledgegraph.PredStatedIn, c.Statement)
		b.evidence(c.ID, c.Evidence)
	}
	return b
}

// Actor IDs used across fixtures.
var (
	idZelenskyy = pledgegraph.ActorID(pledgegraph.KindPerson, "Volodymyr Zelenskyy")
	idStarmer   = pledgegraph.ActorID(pledgegraph.KindPerson, "Keir Starmer")
	idUkraine   = pledgegraph.ActorID(pledgegraph.KindCountry, "Ukraine")
	idUK        = pledgegraph.ActorID(pledgegraph.KindCountry, "United Kingdom")
	idFrance    = pledgegraph.ActorID(pledgegraph.KindCountry, "France")
	idNATO      = pledgegraph.ActorID(pledgegraph.KindOrganization, "NATO")
	idGeorgia   = pledgegraph.ActorID(pledgegraph.KindCountry, "Georgia")
	idGeorgiaP  = pledgegraph.ActorID(pledgegraph.KindPerson, "Georgia Harper")
)

func newDoc(raw, title string, published time.Time) pledgegraph.Document {
	return pledgegraph.Document{
		ID:          pledgegraph.DocumentID(raw),
		Title:       title,
		Source:      "https://example.org/" + pledgegraph.ContentHash(raw)[:8],
		PublishedAt: published,
		Dateline:    "KYIV, March 2 (wire)",
		ContentHash: pledgegraph.ContentHash(raw),
		Text:        raw,
	}
}

func ev(doc string, sentence, start, end int, rule string, conf float64) pledgegraph.Evidence {
	return pledgegraph.Evidence{Document: doc, Sentence: sentence, Start: start, End: end, Rule: rule, Confidence: conf}
}

// fixtureA: Zelenskyy and Starmer; the UK pledges forces to Ukraine and
// refuses a no-fly zone.
func fixtureA() docFixture {
	raw := "KYIV, March 2 (wire) - \"We need security guarantees,\" Zelenskyy said. Starmer said Britain would deploy forces if a ceasefire is reached, but would not impose a no-fly zone."
	d := newDoc(raw, "UK ready to deploy forces", time.Date(2025, 3, 2, 9, 30, 0, 0, time.UTC))
	s1 := pledgegraph.StatementID(d.ID, pledgegraph.Direct, 23, 53)
	s2 := pledgegraph.StatementID(d.ID, pledgegraph.Indirect, 79, 175)
	c1 := pledgegraph.CommitmentID(d.ID, idUK, "deploy forces", 95, 143)
	c2 := pledgegraph.CommitmentID(d.ID, idUK, "impose a no-fly zone", 149, 174)
	return docFixture{
		Doc: d,
		Actors: []pledgegraph.Actor{
			{ID: idZelenskyy, Name: "Volodymyr Zelenskyy", Kind: pledgegraph.KindPerson, Aliases: []string{"Zelenskyy"}, Title: "President", Country: idUkraine},
			{ID: idStarmer, Name: "Keir Starmer", Kind: pledgegraph.KindPerson, Aliases: []string{"Starmer"}, Title: "Prime Minister", Country: idUK},
			{ID: idUkraine, Name: "Ukraine", Kind: pledgegraph.KindCountry, Aliases: []string{"Kyiv"}},
			{ID: idUK, Name: "United Kingdom", Kind: pledgegraph.KindCountry, Aliases: []string{"Britain", "UK"}},
		},
		Statements: []pledgegraph.Statement{
			{ID: s1, Kind: pledgegraph.Direct, Text: "We need security guarantees,", Speaker: idZelenskyy, Cue: "said",
				Evidence: ev(d.ID, 0, 23, 53, "attribute/quote-before-verb", 0.9)},
			{ID: s2, Kind: pledgegraph.Indirect, Text: "Britain would deploy forces if a ceasefire is reached, but would not impose a no-fly zone",
				Speaker: idStarmer, Cue: "said", Mentions: []string{idUK}, Evidence: ev(d.ID, 1, 79, 175, "attribute/reported", 0.75)},
		},
		Commitments: []pledgegraph.Commitment{
			{ID: c1, Actor: idUK, Action: "deploy forces", Target: idUkraine, Polarity: pledgegraph.Positive, Modality: "would",
				Condition: "if a ceasefire is reached", Statement: s2, Evidence: ev(d.ID, 1, 95, 143, "commit/modal", 0.8)},
			{ID: c2, Actor: idUK, Action: "impose a no-fly zone", Polarity: pledgegraph.Negative, Modality: "would not",
				Statement: s2, Evidence: ev(d.ID, 1, 149, 174, "commit/negated-modal", 0.7)},
		},
	}
}

// fixtureB: Zelenskyy again (other aliases, no title), France pledges money
// in narration; Georgia the country.
func fixtureB() docFixture {
	raw := "PARIS (wire) - France pledged €2 billion to Ukraine, Zelensky told reporters that \"Europe must act now\". NATO and Georgia were mentioned."
	d := newDoc(raw, "France pledges €2 billion", time.Time{})
	d.Dateline = ""
	s1 := pledgegraph.StatementID(d.ID, pledgegraph.Direct, 85, 102)
	c1 := pledgegraph.CommitmentID(d.ID, idFrance, "give €2 billion", 14, 48)
	return docFixture{
		Doc: d,
		Actors: []pledgegraph.Actor{
			{ID: idZelenskyy, Name: "Volodymyr Zelenskyy", Kind: pledgegraph.KindPerson, Aliases: []string{"Zelensky", "Zelénskyy"}, Country: idUkraine},
			{ID: idUkraine, Name: "Ukraine", Kind: pledgegraph.KindCountry},
			{ID: idFrance, Name: "France", Kind: pledgegraph.KindCountry, Aliases: []string{"Paris"}},
			{ID: idNATO, Name: "NATO", Kind: pledgegraph.KindOrganization, Aliases: []string{"the alliance"}},
			{ID: idGeorgia, Name: "Georgia", Kind: pledgegraph.KindCountry},
		},
		Statements: []pledgegraph.Statement{
			{ID: s1, Kind: pledgegraph.Direct, Text: "Europe must act now", Speaker: idZelenskyy, Cue: "told reporters",
				Mentions: []string{idFrance, idNATO}, Evidence: ev(d.ID, 0, 85, 102, "attribute/quote-after-verb", 1)},
		},
		Commitments: []pledgegraph.Commitment{
			{ID: c1, Actor: idFrance, Action: "give €2 billion", Target: idUkraine, Polarity: pledgegraph.Positive, Modality: "pledged",
				Amount: "€2 billion", Evidence: ev(d.ID, 0, 14, 48, "commit/pledge-verb", 0.95)},
		},
	}
}

// fixtureGeorgiaPerson: a person whose alias is "Georgia", read in one
// document (the country Georgia is in fixtureB).
func fixtureGeorgiaPerson() docFixture {
	raw := "Georgia Harper, a spokeswoman, spoke. Georgia said nothing."
	d := newDoc(raw, "Harper", time.Time{})
	return docFixture{
		Doc: d,
		Actors: []pledgegraph.Actor{
			{ID: idGeorgiaP, Name: "Georgia Harper", Kind: pledgegraph.KindPerson, Aliases: []string{"Georgia", "Harper"}},
		},
	}
}

// fixtureMany: one document with n statements by Starmer (every third one
// indirect and mentioning France) and n/2 commitments by the UK.
func fixtureMany(n int) docFixture {
	raw := fmt.Sprintf("A long briefing with %d remarks.", n)
	d := newDoc(raw, "Briefing", time.Time{})
	f := docFixture{Doc: d, Actors: []pledgegraph.Actor{
		{ID: idStarmer, Name: "Keir Starmer", Kind: pledgegraph.KindPerson, Aliases: []string{"Sir Keir"}, Title: "Prime Minister", Country: idUK},
		{ID: idUK, Name: "United Kingdom", Kind: pledgegraph.KindCountry},
		{ID: idFrance, Name: "France", Kind: pledgegraph.KindCountry},
	}}
	for i := 0; i < n; i++ {
		kind := pledgegraph.Direct
		var mentions []string
		if i%3 == 0 {
			kind = pledgegraph.Indirect
			mentions = []string{idFrance}
		}
		start := i * 10
		id := pledgegraph.StatementID(d.ID, kind, start, start+9)
		f.Statements = append(f.Statements, pledgegraph.Statement{ID: id, Kind: kind, Text: fmt.Sprintf("remark number %d", i),
			Speaker: idStarmer, Cue: "said", Mentions: mentions, Evidence: ev(d.ID, i, start, start+9, "attribute/test", 0.5)})
		if i%2 == 0 {
			pol := pledgegraph.Positive
			if i%4 == 0 {
				pol = pledgegraph.Negative
			}
			f.Commitments = append(f.Commitments, pledgegraph.Commitment{
				ID: pledgegraph.CommitmentID(d.ID, idUK, "act", start, start+9), Actor: idUK, Action: fmt.Sprintf("act %d", i),
				Target: idFrance, Polarity: pol, Modality: "will", Statement: id, Evidence: ev(d.ID, i, start, start+9, "commit/test", 0.5)})
		}
	}
	return f
}
