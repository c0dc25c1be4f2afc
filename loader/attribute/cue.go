package attribute

import (
	"strings"

	"pledgegraph"
	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute/discourse"
)

// cue is one reporting verb outside quotes with its subject and what it
// reports.
type cue struct {
	tok        int // the verb
	end        int // first token after the cue phrase (verb, object, adverbial, "that")
	sent       int
	subj       discourse.Ref
	subjLo     int // token range of the subject; subjLo == subjHi when it is borrowed
	subjHi     int
	borrowed   bool // the subject was taken from the clause's start or an earlier cue (coordinated predicate, participle)
	inverted   bool // "said Hartigan"
	clause     bool // the verb takes a reported clause [clLo, clHi)
	clLo, clHi int
	leadQuote  int  // index into Doc.Quotes of a quote the cue introduces ("said: “…”"), or -1
	trailing   bool // "…, diplomats said." after an unquoted clause [clLo, clHi)
	contLo     int  // a continuation of the trailing report after the cue ("…, she said, and would ask …"), or 0
	contHi     int
	according  bool // "according to X"
	evaluative bool // takes an object and a quoted characterisation only
	text       string
}

// isParticiple reports whether w is an -ing form.
func isParticiple(w string) bool { return strings.HasSuffix(w, "ing") }

// ambiguousNoun are -s forms that are more often plural nouns ("member
// states", "the reports").
var ambiguousNoun = set("states", "reports", "claims", "fears", "hopes", "notes", "signals", "demands",
	"estimates", "forecasts", "promises", "threatens", "calls", "thanks", "counters", "answers", "urges",
	"pledges", "vows", "indicates", "proposes", "recommends", "concludes", "projects", "expects", "thinks")

// findCues finds the reporting verbs of sentence s.
func (x *extractor) findCues(s int) []*cue {
	a := x.an
	lo, hi := a.Sentence(s)
	var out []*cue
	for i := lo; i < hi; i++ {
		t := a.Toks[i]
		if t.Kind != discourse.Word || t.Quote >= 0 || t.Mark || a.MentionAt(i) >= 0 {
			continue // "United States" is no cue
		}
		w := t.Lower
		if w == "according" && i+1 < hi && a.Toks[i+1].Lower == "to" {
			if c := x.according(i, lo, hi); c != nil {
				out = append(out, c)
			}
			continue
		}
		isClause, isQuote, isEval := clauseCues[w], quoteCues[w], evaluativeCues[w]
		if !isClause && !isQuote && !isEval {
			continue
		}
		if !x.verbal(i, lo) {
			continue
		}
		c := &cue{tok: i, end: i + 1, sent: s, leadQuote: -1, text: t.Text}
		c.evaluative = isEval && !isClause && !isQuote
		x.subject(c, lo, hi, out)
		if x.reducedRelative(c) {
			continue // "the sum Gazprom claims", "an offer Moscow rejected": no report
		}
		if isClause {
			x.complement(c, lo, hi)
		} else if isQuote {
			x.leadingQuote(c, hi)
		}
		out = append(out, c)
	}
	x.cutClauses(out)
	x.trailingClauses(out, lo)
	return sourceNotes(out)
}

// sourceNotes drops a trailing "according to X" whose clause holds a
// report of its own ("Romania said it was ready …, according to a statement
// from the defence ministry"): it names where the report was read, and the
// report's clause ends before it.
func sourceNotes(cs []*cue) []*cue {
	out := cs[:0]
	for _, c := range cs {
		if c.according && c.trailing {
			note := false
			for _, o := range cs {
				if o != c && !o.according && o.tok >= c.clLo && o.tok < c.clHi && (o.clause && !o.trailing || o.leadQuote >= 0) {
					note = true
					if o.clause && o.clHi > c.tok-1 {
						o.clHi = max(o.clLo, c.tok-1)
					}
				}
			}
			if note {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// verbal reports whether the cue word at i is used as a finite or
// participial verb rather than a noun or passive participle.
func (x *extractor) verbal(i, lo int) bool {
	a := x.an
	t := a.Toks[i]
	prev := ""
	if i > lo {
		prev = a.Toks[i-1].Lower
	}
	if discourse.IsDeterminer(prev) && prev != "that" {
		return false // "the said", "the reports"
	}
	if baseCues[t.Lower] && !x.presentPlural(i, lo) {
		return false // "to say", "did not say", "would tell": not a speech act
	}
	if discourse.IsBe(prev) && prev != "'s" && !isParticiple(t.Lower) {
		return false // passive: "was told", "is expected"
	}
	if i+1 < len(a.Toks) && a.Toks[i+1].Lower == "by" && a.Toks[i+1].Sent == t.Sent {
		return false // "as reported by"
	}
	for k := i - 1; k >= lo && k >= i-4; k-- {
		w := a.Toks[k].Lower
		if w == "not" || w == "n't" || w == "'t" || w == "never" {
			return false // "has not answered", "never said": no speech act
		}
		if !discourse.IsAdverb(w) && !discourse.IsHave(w) && w != "did" && w != "does" && w != "do" {
			break
		}
	}
	if ambiguousNoun[t.Lower] {
		if i == lo {
			return false
		}
		p := a.Toks[i-1]
		if !(discourse.IsPronoun(p.Lower) || a.MentionAt(i-1) >= 0 || discourse.IsAdverb(p.Lower) || len(a.ActorOf(i-1)) > 0) {
			return false
		}
		if m := a.MentionAt(i - 1); m >= 0 && x.d.Mentions[m].Kind == annot.Demonym {
			return false // "Russian demands"
		}
	}
	if isParticiple(t.Lower) {
		// A participle cue follows a comma or "and": ", saying …", "and adding".
		if i == lo {
			return false
		}
		p := a.Toks[i-1].Lower
		return p == "," || p == "and" || p == "—" || p == "by" || p == "while" || p == "before" || p == "after" || p == "in"
	}
	return true
}

// subject finds who speaks: before the verb, after it ("said Hartigan"),
// or, for a coordinated predicate or participle with no subject of its own,
// the subject of an earlier cue or of the clause.
func (x *extractor) subject(c *cue, lo, hi int, earlier []*cue) {
	a := x.an
	i := c.tok
	// Skip adverbs and auxiliaries back from the verb.
	e := i
	for e > lo {
		t := a.Toks[e-1]
		w := t.Lower
		if t.Quote < 0 && !t.Mark && a.MentionAt(e-1) < 0 && (discourse.IsAdverb(w) || discourse.IsHave(w) || discourse.IsModal(w) ||
			w == "did" || w == "does" || w == "do") {
			e--
			continue
		}
		break
	}
	if isParticiple(a.Toks[i].Lower) {
		c.borrowed = true // ", saying …": the subject is the main clause's
	}
	if e > lo && (a.Toks[e-1].Lower == "to" || a.Toks[e-1].Lower == "and" || a.Toks[e-1].Lower == "but" || a.Toks[e-1].Lower == "or" || a.Toks[e-1].Lower == "then") && a.MentionAt(e-1) < 0 {
		// "went on to thank", "… and accused": the subject is the clause's.
		c.borrowed = true
	}
	// Inverted: "…,” said Tomas Ekberg, the agency’s country director" or
	// "…, said Hartigan."
	if !c.borrowed && (e == lo || a.Toks[e-1].Text == "," || a.Toks[e-1].Mark && !a.Toks[e-1].Open) && x.inverted(c, hi) {
		return
	}
	// Walk to the start of the subject region, over a relative clause
	// between the subject and the verb ("Romania, which has also reported
	// debris on its territory, said …").
	b := e
	if !c.borrowed {
		b = x.skipRelative(lo, e)
	}
	for b > lo && e-b < 40 && !c.borrowed {
		t := a.Toks[b-1]
		if t.Quote >= 0 || t.Mark || t.Text == ";" || t.Text == ":" || t.Text == "—" || t.Text == "–" || t.Text == "." || t.Text == "?" || t.Text == "!" {
			break
		}
		if a.MentionAt(b-1) < 0 && (subordinators[t.Lower] || t.Lower == "that" || t.Lower == "which" || t.Lower == "who" ||
			clauseCues[t.Lower] && x.verbal(b-1, lo)) {
			if (t.Lower == "who" || t.Lower == "which") && b-2 >= lo && a.Toks[b-2].Text == "," && a.Toks[e-1].Text == "," {
				b-- // "Witkoff, who has led talks, said": a relative clause inside the subject
				continue
			}
			break
		}
		if t.Text == "," && b < e && (subordinators[a.Toks[b].Lower] || a.Toks[b].Lower == "and" || a.Toks[b].Lower == "or") {
			break
		}
		b--
	}
	b = x.cutClause(b, e)
	for k := b; k < e; k++ {
		if a.Toks[k].Kind == discourse.Word {
			c.subj, c.subjLo, c.subjHi = a.Refer(b, e), b, e
			return
		}
	}
	// Borrowed subject: the nearest earlier cue of the sentence, else the
	// subject at the start of the clause.
	c.borrowed = true
	c.subjLo, c.subjHi = e, e
	for k := len(earlier) - 1; k >= 0; k-- {
		if earlier[k].subj.Resolved() || earlier[k].subj.Generic {
			c.subj = earlier[k].subj
			return
		}
	}
	c.subj = x.subjectAtStart(lo, i)
}

// reducedRelative reports whether the cue's subject is a name right after
// a common noun with a determiner, so that the cue verb sits in a relative
// clause without "that" modifying that noun ("refused to pay the sum
// Gazprom claims", "an offer Moscow has not answered"), unlike an
// apposition ("the group Hamas said", "his counterpart Sahin said").
func (x *extractor) reducedRelative(c *cue) bool {
	a := x.an
	if c.inverted || c.borrowed || c.subjHi <= c.subjLo {
		return false
	}
	m := a.MentionAt(c.subjHi - 1)
	if m < 0 {
		return false
	}
	k := c.subjHi - 1
	for k > c.subjLo && a.MentionAt(k-1) == m {
		k--
	}
	if k-2 < 0 {
		return false
	}
	n := a.Toks[k-1]
	if n.Kind != discourse.Word || n.Cap() || a.MentionAt(k-1) >= 0 || len(a.ActorOf(k-1)) > 0 || discourse.IsPersonRole(n.Lower) ||
		discourse.IsOrgHead(n.Lower) || discourse.IsGenericPeople(n.Lower) || roleWord(n.Lower) || appositionNouns[n.Lower] ||
		discourse.IsDeterminer(n.Lower) || discourse.IsAdverb(n.Lower) || n.Lower == "and" || n.Lower == "or" || n.Lower == "'s" {
		return false
	}
	for j := k - 2; j >= 0 && j >= k-4; j-- {
		w := a.Toks[j].Lower
		if discourse.IsDeterminer(w) || w == "'s" {
			return true
		}
		if a.Toks[j].Kind != discourse.Word {
			return false
		}
	}
	return false
}

// appositionNouns precede a name they describe ("his counterpart Sahin").
var appositionNouns = set("counterpart", "counterparts", "colleague", "colleagues", "successor", "predecessor", "rival",
	"ally", "partner", "neighbour", "neighbor", "friend", "host", "guest", "opponent", "deputy", "boss", "son", "daughter",
	"wife", "husband", "brother", "sister", "father", "mother", "lawyer", "aide", "adviser", "advisor", "country", "nation",
	"state", "capital", "city", "firm", "company", "group", "giant", "operator", "producer", "regulator", "broadcaster",
	"newspaper", "agency", "carrier", "lender", "insurer", "bank", "militia", "movement", "party", "network", "outlet")

// presentPlural reports whether the base-form verb at i is a finite
// present with a plural or first- or second-person subject ("the two
// senators say", "they argue", "…, say analysts"), not an infinitive or
// the verb of a modal or "do".
func (x *extractor) presentPlural(i, lo int) bool {
	a := x.an
	k := i - 1
	for k >= lo && discourse.IsAdverb(a.Toks[k].Lower) && a.Toks[k].Lower != "not" && a.Toks[k].Lower != "n't" && a.Toks[k].Lower != "never" {
		k--
	}
	if k < lo {
		return false
	}
	p := a.Toks[k]
	switch {
	case p.Text == "," || p.Mark && !p.Open:
		return true // "…, say analysts"
	case discourse.IsModal(p.Lower) || p.Lower == "to" || p.Lower == "did" || p.Lower == "do" || p.Lower == "does" ||
		p.Lower == "not" || p.Lower == "n't" || p.Lower == "never" || p.Lower == "let" || p.Lower == "cannot":
		return false
	case p.Lower == "i" || p.Lower == "we" || p.Lower == "you" || p.Lower == "they":
		return true
	case a.MentionAt(k) >= 0 || len(a.ActorOf(k)) > 0:
		return true
	case p.Kind == discourse.Word && !p.Cap() && len(p.Lower) > 3 && strings.HasSuffix(p.Lower, "s") && !strings.HasSuffix(p.Lower, "ss"):
		return true // "analysts say"
	}
	return false
}

// skipRelative returns where the walk back to a subject should start when
// the region before the verb at e ends with a comma-delimited relative
// clause ("Norway, which is not a member but mirrors the bloc’s sanctions,
// said"): the comma that opens the clause. Otherwise e.
func (x *extractor) skipRelative(lo, e int) int {
	a := x.an
	if e-1 <= lo || a.Toks[e-1].Text != "," {
		return e
	}
	for p := e - 2; p > lo && p >= e-45; p-- {
		t := a.Toks[p]
		if t.Quote >= 0 || t.Mark || t.Text == ";" || t.Text == ":" || t.Text == "." || t.Text == "?" || t.Text == "!" {
			return e
		}
		if t.Text == "," && p+1 < e-1 {
			switch a.Toks[p+1].Lower {
			case "who", "which", "whose":
				if a.MentionAt(p+1) < 0 && p-1 >= lo && a.Toks[p-1].Kind == discourse.Word {
					return p
				}
			}
		}
	}
	return e
}

// inverted reads a subject after the verb ("said Hartigan").
func (x *extractor) inverted(c *cue, hi int) bool {
	a := x.an
	i := c.tok
	if i+1 >= hi {
		return false
	}
	n := a.Toks[i+1]
	if n.Quote >= 0 || n.Mark || n.Kind != discourse.Word {
		return false
	}
	if n.Lower == "that" || !(n.Cap() || discourse.IsDeterminer(n.Lower) || a.MentionAt(i+1) >= 0 || n.Lower == "he" || n.Lower == "she" ||
		n.Kind == discourse.Number || numberWords[n.Lower] || discourse.IsGenericPeople(n.Lower)) {
		return false
	}
	// The subject: a noun phrase after the verb, up to a comma or the end
	// of the sentence, holding no verb ("said Hartigan", "said
	// Representative Charles Rangel of New York").
	end := i + 1
	for end < hi && !a.Toks[end].Mark && a.Toks[end].Quote < 0 {
		t := a.Toks[end]
		if t.Text == "." || t.Text == ";" || t.Text == "?" || t.Text == "!" || t.Text == "," || t.Text == "—" || t.Text == "(" {
			break
		}
		if discourse.IsModal(t.Lower) || discourse.IsBe(t.Lower) && t.Lower != "'s" || discourse.IsHave(t.Lower) || clauseCues[t.Lower] ||
			t.Lower == "that" || subordinators[t.Lower] && a.MentionAt(end) < 0 {
			return false
		}
		if end-i > 12 {
			return false
		}
		end++
	}
	// An appositive may follow ("said Patrick Ekberg, a law professor at
	// the university who has advised the ministry"): a noun phrase up to
	// the next comma or the end of the sentence.
	apEnd := end
	if end+1 < hi && a.Toks[end].Text == "," {
		n := a.Toks[end+1]
		if n.Kind == discourse.Word && n.Quote < 0 && !n.Mark && !isParticiple(n.Lower) && !subordinators[n.Lower] && !cuePreps[n.Lower] &&
			n.Lower != "who" && n.Lower != "which" && n.Lower != "and" && n.Lower != "but" && n.Lower != "according" {
			apEnd = end + 1
			for apEnd < hi && !a.Toks[apEnd].Mark && a.Toks[apEnd].Quote < 0 {
				if t := a.Toks[apEnd].Text; t == "," || t == "." || t == ";" || t == "?" || t == "!" {
					break
				}
				apEnd++
			}
		}
	}
	r := a.Refer(i+1, end)
	if !r.Resolved() && !r.Generic && apEnd > end {
		r = a.Refer(i+1, apEnd) // "said a spokesman, Tom Baker"
	}
	if !r.Resolved() && !r.Generic {
		return false
	}
	c.subj, c.subjLo, c.subjHi, c.inverted = r, i+1, end, true
	c.end = apEnd
	return true
}

// subjectAtStart reads the subject noun phrase at the start of a clause,
// after any leading adverbial ("In Moscow, …", "Writing on Telegram, …").
func (x *extractor) subjectAtStart(lo, hi int) discourse.Ref {
	a := x.an
	i := lo
	for guard := 0; guard < 4 && i < hi; guard++ {
		t := a.Toks[i]
		if !(adverbialStarts[t.Lower] || t.Kind == discourse.Word && !t.Cap() && isParticiple(t.Lower)) || a.MentionAt(i) >= 0 {
			break
		}
		j := i
		for j < hi && j-i < 20 && a.Toks[j].Text != "," {
			j++
		}
		if j >= hi || a.Toks[j].Text != "," {
			break
		}
		i = j + 1
	}
	j := i
	for j < hi {
		t := a.Toks[j]
		if t.Quote >= 0 || t.Mark {
			break
		}
		ok := t.Kind != discourse.Word || t.Cap() || a.MentionAt(j) >= 0 || len(a.ActorOf(j)) > 0 || discourse.IsDeterminer(t.Lower) ||
			t.Lower == "'s" || discourse.IsPersonRole(t.Lower) || discourse.IsOrgHead(t.Lower) || discourse.IsGenericPeople(t.Lower) ||
			t.Lower == "of" || t.Lower == "and" || discourse.IsPronoun(t.Lower) || roleWord(t.Lower)
		if t.Text == "," || t.Text == "." || !ok {
			break
		}
		j++
	}
	return a.Refer(i, j)
}

func roleWord(w string) bool {
	switch w {
	case "foreign", "defence", "defense", "prime", "deputy", "vice", "trade", "finance", "interior", "top", "senior":
		return true
	}
	return false
}

// complement finds the reported clause of a clause cue.
func (x *extractor) complement(c *cue, lo, hi int) {
	a := x.an
	j := c.end
	if j < hi && (a.Toks[j].Lower == "out" || a.Toks[j].Lower == "up") {
		j++ // "pointed out that"
	}
	w := a.Toks[c.tok].Lower
	sawThat := false
	thatAhead := func(from, limit int) int {
		for k := from; k < hi && k < from+limit; k++ {
			t := a.Toks[k]
			if t.Mark || t.Quote >= 0 || t.Text == "," || t.Text == "." || t.Text == ";" || t.Text == ":" {
				return -1
			}
			if t.Lower == "that" {
				return k
			}
			if clauseCues[t.Lower] || discourse.IsModal(t.Lower) {
				return -1
			}
		}
		return -1
	}
	if w == "told" || w == "tells" || w == "telling" || w == "informed" || w == "informs" || w == "briefed" ||
		w == "assured" || w == "assures" || w == "assuring" || w == "warned" || w == "warns" || w == "warning" ||
		w == "urged" || w == "urges" || w == "reminded" {
		if k := thatAhead(j, 10); k >= 0 {
			j, sawThat = k+1, true
		} else if w == "told" || w == "tells" || w == "telling" {
			j = x.skipObject(j, hi)
		}
	}
	if !sawThat && j < hi && cuePreps[a.Toks[j].Lower] && !x.infinitiveAt(j, hi) {
		if k := thatAhead(j, 12); k >= 0 {
			j, sawThat = k+1, true
		} else {
			j = x.skipAdverbial(j, hi)
		}
	}
	if !sawThat && j < hi && a.Toks[j].Lower == "that" && a.MentionAt(j) < 0 {
		j++
		sawThat = true
	}
	c.end = j
	c.text = x.cueText(c.tok, j, sawThat)
	if j >= hi {
		return
	}
	n := a.Toks[j]
	switch {
	case n.Text == ":" || n.Text == "," && j+1 < hi && a.Toks[j+1].Mark && a.Toks[j+1].Open:
		if q := x.quoteAfter(j, hi); q >= 0 {
			c.leadQuote = q
		}
		return
	case n.Mark && n.Open:
		q := x.quoteAt(j)
		if q >= 0 && x.quoteReachesEnd(q, hi) {
			c.leadQuote = q
			return
		}
	case n.Kind == discourse.Punct && !n.Mark:
		return
	case !sawThat && (subordinators[n.Lower] || n.Lower == "to" || n.Lower == "whether" || n.Lower == "how" ||
		n.Lower == "what" || n.Lower == "why" || n.Lower == "adding" || n.Lower == "and" || n.Lower == "of" || n.Lower == "for"):
		return
	}
	if narrowClause[w] && !sawThat && !(j == c.tok+1 && x.finiteClauseAt(j, hi)) {
		return
	}
	if w == "thought" || w == "believed" || w == "expected" || w == "feared" || w == "hoped" {
		// cognitive verbs report attitudes, not speech, unless past-tense with "that" after a speaker
		if !sawThat {
			return
		}
	}
	if !sawThat && !x.predicateIn(j, hi) {
		return // "said at a Washington event this month": an adverbial, no clause
	}
	c.clause, c.clLo, c.clHi = true, j, hi
	// A clause that is only a quote is the quote's attribution, not a
	// report of its own.
}

// infinitiveAt reports whether a "to"-infinitive starts at j ("agreed to
// sanction banks that …"): its "that" is no complementiser of the cue.
func (x *extractor) infinitiveAt(j, hi int) bool {
	a := x.an
	if j+1 >= hi || a.Toks[j].Lower != "to" {
		return false
	}
	n := a.Toks[j+1]
	return n.Kind == discourse.Word && !n.Cap() && !n.Mark && a.MentionAt(j+1) < 0 && !discourse.IsDeterminer(n.Lower) &&
		!discourse.IsPronoun(n.Lower) && !numberWords[n.Lower]
}

// skipObject skips the audience of "told": a pronoun, an audience noun, a
// capitalised name or a short determiner phrase.
func (x *extractor) skipObject(j, hi int) int {
	a := x.an
	if j >= hi {
		return j
	}
	t := a.Toks[j]
	switch {
	case audiences[t.Lower]:
		return j + 1
	case t.Cap() && t.Kind == discourse.Word || a.MentionAt(j) >= 0:
		for j < hi && (a.Toks[j].Cap() || a.MentionAt(j) >= 0) && a.Toks[j].Kind == discourse.Word {
			j++
		}
		return j
	case discourse.IsDeterminer(t.Lower):
		k := j + 1
		for k < hi && k < j+5 && a.Toks[k].Kind == discourse.Word && !a.Toks[k].Mark && !discourse.IsModal(a.Toks[k].Lower) &&
			!discourse.IsBe(a.Toks[k].Lower) && !discourse.IsHave(a.Toks[k].Lower) && !cuePreps[a.Toks[k].Lower] && a.Toks[k].Lower != "that" {
			k++
		}
		return k
	}
	return j
}

// skipAdverbial skips a short prepositional phrase after a cue ("said on
// Tuesday", "said in a statement") up to the clause's likely subject.
func (x *extractor) skipAdverbial(j, hi int) int {
	a := x.an
	start := j
	for j < hi && cuePreps[a.Toks[j].Lower] && j-start < 12 {
		if j+1 < hi && isParticiple(a.Toks[j+1].Lower) && !a.Toks[j+1].Cap() && a.MentionAt(j+1) < 0 {
			// "told reporters after meeting her counterparts": a gerund
			// clause, after which only a new sentence part can follow.
			k := j + 2
			for k < hi && a.Toks[k].Text != "," && a.Toks[k].Text != ";" && !a.Toks[k].Mark {
				k++
			}
			if k >= hi || a.Toks[k].Text != "," {
				return hi
			}
			j = k + 1
			continue
		}
		k := j + 1
		if k < hi && discourse.IsDeterminer(a.Toks[k].Lower) {
			k++
		}
		if k < hi && a.Toks[k].Kind != discourse.Punct {
			k++ // the head of the phrase, whatever it is
		}
		for k < hi && a.Toks[k].Kind != discourse.Punct && !a.Toks[k].Mark && !discourse.IsDeterminer(a.Toks[k].Lower) &&
			!discourse.IsPronoun(a.Toks[k].Lower) && !cuePreps[a.Toks[k].Lower] && a.Toks[k].Lower != "that" &&
			!(a.Toks[k].Cap() && a.MentionAt(k) >= 0) && !discourse.IsModal(a.Toks[k].Lower) && !discourse.IsBe(a.Toks[k].Lower) {
			k++
		}
		if k < hi && a.Toks[k].Text == "," {
			return hi // "insisted on the checks, diplomats said": no clause follows
		}
		j = k
	}
	if j < hi && a.Toks[j].Lower == "that" {
		j++
	}
	return j
}

func (x *extractor) cueText(from, to int, sawThat bool) string {
	a := x.an
	end := to
	if sawThat && end > from+1 && a.Toks[end-1].Lower == "that" {
		end--
	}
	if end-from > 6 {
		end = from + 1
	}
	for end > from+1 && a.Toks[end-1].Kind == discourse.Punct {
		end--
	}
	if end <= from {
		end = from + 1
	}
	return x.d.Text[a.Toks[from].Start:a.Toks[end-1].End]
}

// leadingQuote sets the quote a non-clause cue introduces ("He added, “…”").
func (x *extractor) leadingQuote(c *cue, hi int) {
	a := x.an
	j := c.tok + 1
	if j < hi && (a.Toks[j].Text == ":" || a.Toks[j].Text == ",") {
		if q := x.quoteAfter(j, hi); q >= 0 {
			c.leadQuote = q
		}
	}
}

// quoteAfter returns the quote whose opening mark is the token after j, or -1.
func (x *extractor) quoteAfter(j, hi int) int {
	if j+1 < len(x.an.Toks) && x.an.Toks[j+1].Mark && x.an.Toks[j+1].Open {
		return x.quoteAt(j + 1)
	}
	return -1
}

// quoteAt returns the depth-0 quote opened by the mark token j, or -1.
func (x *extractor) quoteAt(j int) int {
	t := x.an.Toks[j]
	for qi, q := range x.d.Quotes {
		if q.Outer.Start == t.Start && q.Depth == 0 {
			return qi
		}
	}
	return -1
}

// quoteReachesEnd reports whether quote q runs to the end of the sentence
// (only punctuation after it).
func (x *extractor) quoteReachesEnd(q, hi int) bool {
	a := x.an
	end := x.d.Quotes[q].Outer.End
	for k := a.TokenAt(end); k < hi; k++ {
		if a.Toks[k].Kind != discourse.Punct {
			return false
		}
		if a.Toks[k].Mark && a.Toks[k].Open {
			return false
		}
	}
	return true
}

// according reads "according to X, CLAUSE" and "CLAUSE, according to X".
func (x *extractor) according(i, lo, hi int) *cue {
	a := x.an
	j := i + 2
	end := j
	for end < hi && a.Toks[end].Text != "," && a.Toks[end].Text != "." && !a.Toks[end].Mark {
		end++
	}
	r := a.Refer(j, end)
	if !r.Resolved() && !r.Generic {
		return nil // "according to the statement": no speaker to name
	}
	c := &cue{tok: i, end: end, sent: a.Toks[i].Sent, subj: r, subjLo: j, subjHi: end, leadQuote: -1, according: true,
		text: "according to"}
	if i == lo || (i == lo+1 && a.Toks[lo].Kind == discourse.Punct) {
		if end < hi && a.Toks[end].Text == "," {
			c.clause, c.clLo, c.clHi = true, end+1, hi
		}
		return c
	}
	if i > lo && a.Toks[i-1].Text == "," {
		c.clause, c.clLo, c.clHi = true, lo, i-1
		c.trailing = true
		return c
	}
	return nil
}

// cutClauses ends each clause where a later cue's own subject begins
// ("Beijing said …, and Moscow said …"; "…, which officials said …") and at
// a contrastive clause with a new subject (", while Brazil …").
func (x *extractor) cutClauses(cs []*cue) {
	a := x.an
	for k, c := range cs {
		if !c.clause || c.trailing {
			continue
		}
		for _, m := range cs[k+1:] {
			if m.tok <= c.clLo || m.tok >= c.clHi {
				continue
			}
			if m.borrowed && m.evaluative && !m.clause {
				// "said the drones were not Russian and accused …": a new
				// speech act of the same speaker ends the clause.
				cut := m.tok
				for cut > c.clLo && (a.Toks[cut-1].Text == "," || a.Toks[cut-1].Lower == "and" || a.Toks[cut-1].Lower == "but" || discourse.IsAdverb(a.Toks[cut-1].Lower)) {
					cut--
				}
				c.clHi = cut
				break
			}
			if m.borrowed || m.according || m.evaluative || !m.clause && m.leadQuote < 0 {
				continue // "…, adding that …", "but warned that …" continue the same report
			}
			cut := m.subjLo
			if m.inverted {
				cut = m.tok
			}
			for cut > c.clLo {
				p := a.Toks[cut-1]
				if p.Text == "," || p.Lower == "and" || p.Lower == "but" || p.Lower == "which" || p.Lower == "who" ||
					p.Lower == "that" || p.Lower == "while" || p.Lower == "whereas" || p.Lower == "as" {
					cut--
					continue
				}
				break
			}
			c.clHi = cut
			break
		}
		for k := c.clLo; k+1 < c.clHi; k++ {
			t := a.Toks[k]
			if t.Quote >= 0 || t.Mark {
				continue
			}
			if t.Text == ";" || t.Text == "," && (a.Toks[k+1].Lower == "while" || a.Toks[k+1].Lower == "whereas") || x.newSubjectClause(k, c.clHi) ||
				t.Text == "," && k+2 < c.clHi && a.Toks[k+1].Lower == "according" && a.Toks[k+2].Lower == "to" {
				c.clHi = k
				break
			}
		}
	}
}

// trailingClauses gives a clause to cues that end an unquoted sentence:
// "France and Italy had insisted on the checks, diplomats said." The clause
// may hold partial quotes ("The plant was operating “in full compliance”,
// it said"). A coordinated continuation after the cue that goes on
// reporting ("…, she said, and would ask …", "…, he said, but Tokyo would
// lend …") is a second part of the same report.
func (x *extractor) trailingClauses(cs []*cue, lo int) {
	a := x.an
	for _, c := range cs {
		if c.clause || c.leadQuote >= 0 || c.according || c.evaluative || c.borrowed {
			continue // ", adding to her run of victories": a participle reports what follows it
		}
		if _, shi := a.Sentence(c.sent); c.end < shi && !x.adverbialStart(c.end) {
			continue // "…, Holder announced his resignation": the verb has an object, no report before it
		}
		start := c.subjLo
		if c.inverted || c.borrowed {
			start = c.tok
		}
		if start-1 <= lo || a.Toks[start-1].Text != "," {
			continue
		}
		// The rest of the sentence after the cue must be empty, an
		// adverbial, or a continuation of the report.
		_, hi := a.Sentence(c.sent)
		rest, cont := 0, -1
		for k := c.end; k < hi; k++ {
			if a.Toks[k].Text == "," && k+1 < hi && (subordinators[a.Toks[k+1].Lower] || a.Toks[k+1].Lower == "and") {
				cont = k + 1 // "…, a spokesman said, but Hamas accused it …"
				break
			}
			if a.Toks[k].Text == "," && x.adverbialAfter(k+1, hi) {
				break // "…, the two governments said on Tuesday, days after …"
			}
			if a.Toks[k].Kind == discourse.Word {
				rest++
			}
		}
		clLo := lo
		for _, o := range cs {
			if o != c && o.tok < start && o.clause {
				clLo = -1 // an earlier cue owns this stretch
			}
		}
		if clLo < 0 {
			continue
		}
		inter := x.interposed(c, clLo, start-1, hi)
		if !inter && (rest > 6 || !x.predicateIn(clLo, start-1)) {
			continue // "Shortly after my sentence, Holder said …": an adverbial is no report
		}
		c.clause, c.trailing, c.clLo, c.clHi = true, true, clLo, start-1
		switch {
		case inter:
			// "Too often, Mr. Clarke said, the debate is …", "The latest
			// test, North Korea said, was its biggest yet": the cue sits
			// inside the clause it reports.
			c.contLo, c.contHi = c.end+1, hi
		case cont >= 0 && x.continuesReport(cont, hi, cs):
			c.contLo, c.contHi = cont, hi
		}
	}
}

// interposed reports whether a cue set off by commas splits its own clause:
// what comes before it [lo, hi) is no clause by itself (a subject or an
// adverbial, with no verb), and a predicate follows it.
func (x *extractor) interposed(c *cue, lo, hi, end int) bool {
	a := x.an
	if c.end >= end || a.Toks[c.end].Text != "," || x.words(lo, hi) > 10 || x.predicateIn(lo, hi) {
		return false
	}
	for k := lo; k < hi; k++ {
		if a.Toks[k].Quote >= 0 || a.Toks[k].Mark {
			return false
		}
	}
	rest := c.end + 1
	n := x.words(rest, end)
	return n >= 3 || n == 2 && x.predicateIn(rest, end)
}

// adverbialStart reports whether what follows a trailing cue at k can be
// an adverbial, not the verb's object: punctuation, a preposition, an
// adverb, a time or a number ("said on Tuesday", "told reporters", "said
// late Friday").
func (x *extractor) adverbialStart(k int) bool {
	a := x.an
	t := a.Toks[k]
	w := t.Lower
	return t.Kind != discourse.Word || t.Mark || cuePreps[w] || discourse.IsAdverb(w) || timeWords[w] || subordinators[w] ||
		w == "and" || w == "but" || w == "according" || isParticiple(w)
}

// timeWords can open a time adverbial after a cue ("said Tuesday").
var timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
	"tonight", "this", "last", "next", "early", "late", "recently", "again", "previously", "publicly", "privately")

// adverbialAfter reports whether an adverbial phrase, not a clause, starts
// at k: "days after …", "citing …", "amid …".
func (x *extractor) adverbialAfter(k, hi int) bool {
	a := x.an
	for j := k; j < hi && j < k+3; j++ {
		t := a.Toks[j]
		if t.Kind == discourse.Punct || a.MentionAt(j) >= 0 {
			return false
		}
		w := t.Lower
		if subordinators[w] || w == "amid" || w == "despite" || w == "following" || w == "ahead" || w == "without" ||
			!t.Cap() && isParticiple(w) && len(w) > 4 {
			return true
		}
	}
	return false
}

// continuesReport reports whether the coordinated clause at k (starting
// with its conjunction) after a trailing cue goes on with the speaker's
// report ("…, she said, and would ask …", "…, he said, but Tokyo would
// lend …", "…, she said, but only together with its partners"): a
// coordination, not a contrast ("while …"), with no speech act of its own
// ("…, a spokesman said, but Hamas accused it …").
func (x *extractor) continuesReport(k, hi int, cs []*cue) bool {
	a := x.an
	switch a.Toks[k].Lower {
	case "and", "but", "although", "though", "yet":
	default:
		return false
	}
	for _, o := range cs {
		if o.tok > k && o.tok < hi {
			return false
		}
	}
	return x.words(k+1, hi) >= 2
}

// cutClause narrows a subject region [b, e) that holds commas to the part
// after its last comma when that part names someone: "The deal is dead,
// Brandt told reporters", "In Moscow, Kremlin spokesman Peskov said". A
// region ending in a comma ("Witkoff, who …, said") and a list ("Germany,
// France and Italy said") are kept whole.
func (x *extractor) cutClause(b, e int) int {
	a := x.an
	if e <= b || a.Toks[e-1].Text == "," {
		return b
	}
	last := -1
	rel := false
	for k := b; k < e; k++ {
		w := a.Toks[k].Lower
		switch {
		case w == "who" || w == "which" || w == "whose" || w == "where":
			rel = true
		case a.Toks[k].Text == ",":
			if !rel {
				last = k
			}
			rel = false
		}
	}
	if last < 0 || last+1 >= e {
		return b
	}
	tail := a.Refer(last+1, e)
	if !tail.Resolved() && !tail.Generic {
		return b
	}
	if a.MentionAt(last-1) >= 0 {
		for k := last + 1; k < e; k++ {
			if w := a.Toks[k].Lower; (w == "and" || w == "or") && a.MentionAt(k) < 0 {
				return b // a list of names
			}
		}
		if a.Kind(a.Doc.Mentions[a.MentionAt(last-1)].Actor) == pledgegraph.KindPerson && len(tail.Actors) == 1 &&
			a.Kind(tail.Actors[0]) != pledgegraph.KindPerson {
			return b // "Ortiz, Spain’s minister": the name is the subject
		}
	}
	return last + 1
}

// newSubjectClause reports whether the comma at k starts a coordinated
// clause with a subject of its own, outside the report: "…, and Hungary has
// refused to join".
func (x *extractor) newSubjectClause(k, hi int) bool {
	a := x.an
	if a.Toks[k].Text != "," || k+3 >= hi {
		return false
	}
	if w := a.Toks[k+1].Lower; w != "and" && w != "but" {
		return false
	}
	j := k + 2
	if j < hi && a.Toks[j].Lower == "the" {
		j++
	}
	m := a.MentionAt(j)
	if m < 0 || !a.Toks[j].Cap() {
		return false
	}
	for j < hi && a.MentionAt(j) == m {
		j++
	}
	for ; j < hi && j < k+10; j++ {
		w := a.Toks[j].Lower
		if discourse.IsAdverb(w) {
			continue
		}
		return discourse.IsHave(w) || discourse.IsBe(w) && w != "'s" || discourse.IsModal(w) || clauseCues[w] ||
			strings.HasSuffix(w, "ed") && !a.Toks[j].Cap()
	}
	return false
}

// predicateIn reports whether tokens [lo, hi) outside quotes could hold a
// clause: they have a verb form (an auxiliary, a modal, an -ed or irregular
// past, an -s form after a noun), or are long enough that one is likely.
func (x *extractor) predicateIn(lo, hi int) bool {
	a := x.an
	words := 0
	for k := lo; k < hi; k++ {
		t := a.Toks[k]
		if t.Kind != discourse.Word || t.Mark {
			continue
		}
		words++
		w := t.Lower
		if discourse.IsModal(w) || discourse.IsBe(w) || discourse.IsHave(w) || w == "did" || w == "does" || w == "do" ||
			x.pastVerb(k, lo) || !t.Cap() && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && k > lo && !discourse.IsDeterminer(a.Toks[k-1].Lower) {
			return true
		}
	}
	return words > 4
}

// finiteClauseAt reports whether a clause with a subject and a modal or
// auxiliary starts at j: "announced it would contribute", "confirmed Berlin
// would send" (but not "denied the report").
func (x *extractor) finiteClauseAt(j, hi int) bool {
	a := x.an
	if j >= hi {
		return false
	}
	t := a.Toks[j]
	if !(discourse.IsPronoun(t.Lower) || a.MentionAt(j) >= 0 || discourse.IsDeterminer(t.Lower)) || t.Lower == "its" || t.Lower == "their" || t.Lower == "his" || t.Lower == "her" {
		return false
	}
	for k := j + 1; k < hi && k <= j+4; k++ {
		w := a.Toks[k].Lower
		if discourse.IsModal(w) || w == "was" || w == "were" || w == "is" || w == "are" || w == "had" || w == "has" || w == "have" {
			return true
		}
		if a.Toks[k].Kind == discourse.Punct {
			return false
		}
	}
	return false
}

var numberWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "many", "most")
