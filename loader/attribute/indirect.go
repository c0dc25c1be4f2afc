package attribute

import (
	"strings"

	"pledgegraph"
	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute/discourse"
)

// indirectReports makes a report of every reported clause. A clause that
// is all quote is the quote's attribution only; a clause whose substance
// sits inside a partial quote ("the agreements were “a signal …”") is kept
// for later stages but not stated (see substance).
func (x *extractor) indirectReports() []report {
	a := x.an
	var out []report
	for s, cs := range x.cues {
		for _, c := range cs {
			if !c.clause || x.continues(c, cs) {
				continue
			}
			lo, hi := c.clLo, c.clHi
			for hi > lo && a.Toks[hi-1].Kind == discourse.Punct && !a.Toks[hi-1].Mark {
				hi--
			}
			for lo < hi && a.Toks[lo].Kind == discourse.Punct && !a.Toks[lo].Mark && !strings.ContainsAny(a.Toks[lo].Text, "$€£¥₹₽") {
				lo++
			}
			if x.words(lo, hi) < 2 {
				continue
			}
			allQuote := true
			for i := lo; i < hi; i++ {
				if t := a.Toks[i]; t.Kind == discourse.Word && t.Quote < 0 {
					allQuote = false
					break
				}
			}
			if allQuote {
				continue
			}
			acts, unnamed, ok := x.cueSpeakers(c)
			rule := "report-clause"
			switch {
			case c.according:
				rule = "report-according"
			case c.trailing:
				rule = "report-trailing"
			}
			conf := 0.85
			if c.subj.Pronoun != "" || c.subj.Rule == "role" || c.borrowed {
				conf = 0.75
			}
			if unnamed {
				conf = 0.7
			}
			r := report{Report: Report{Kind: pledgegraph.Indirect, Speakers: acts, Unnamed: unnamed,
				Parts: []annot.Span{{Start: a.Toks[lo].Start, End: a.Toks[hi-1].End}}, Sentence: s,
				Cue: c.text, Rule: rule, Stated: ok && x.substance(lo, hi)}, confidence: conf}
			if c.contHi > c.contLo {
				// "…, she said, and would ask …": the report goes on after its cue.
				clo, chi := c.contLo, c.contHi
				for chi > clo && a.Toks[chi-1].Kind == discourse.Punct && !a.Toks[chi-1].Mark {
					chi--
				}
				if x.words(clo, chi) >= 2 {
					r.Parts = append(r.Parts, annot.Span{Start: a.Toks[clo].Start, End: a.Toks[chi-1].End})
				}
			}
			r.cueSpan = annot.Span{Start: a.Toks[c.tok].Start, End: a.Toks[max(c.tok, c.end-1)].End}
			if c.trailing || c.according {
				r.cueSpan = annot.Span{Start: a.Toks[c.tok].Start, End: a.Toks[c.tok].End}
			}
			r.heads = x.heads(c, acts)
			out = append(out, r)
		}
	}
	return out
}

func (x *extractor) words(lo, hi int) int {
	n := 0
	for i := lo; i < hi; i++ {
		if x.an.Toks[i].Kind == discourse.Word {
			n++
		}
	}
	return n
}

// substance reports whether a reported clause with partial quotes says
// something of its own outside the quotes, so that it is a statement too
// (the unquoted part is a full clause):
//
//	Paris could contribute “several thousand” troops      yes: a verb group with its object outside
//	Russia would respect shipping “as long as …”           yes
//	the talks had produced “a good basis” for …, but …     yes
//	crews were working “hour by hour” to restore …          yes: a progressive verb outside
//	the boat had “intruded” into Chinese waters             yes: the clause goes on after the quote
//	the plant met “the bare minimum” of … and warned that … yes: most of it is outside
//	the agreements were “a signal of …”                    no: the quote is the predicate
//	the meeting made “excellent progress”                  no
//	the UK and France “will establish …”                   no
//	European industry “cannot plan …”                      no
//
// A clause without quotes always is.
func (x *extractor) substance(lo, hi int) bool {
	a := x.an
	first := -1
	for i := lo; i < hi; i++ {
		if a.Toks[i].Mark || a.Toks[i].Quote >= 0 {
			first = i
			break
		}
	}
	if first < 0 {
		return true
	}
	// Before the first quote, past a leading subordinate clause ("if …, “…”").
	start := lo
	if subordinators[a.Toks[lo].Lower] {
		for i := lo; i < first; i++ {
			if a.Toks[i].Text == "," {
				start = i + 1
			}
		}
		if start == lo {
			start = first
		}
	}
	verbOutside := false
	for i := start; i < first; i++ {
		w := a.Toks[i].Lower
		if discourse.IsModal(w) || discourse.IsHave(w) {
			verbOutside = true
			for k := i + 1; k < first; k++ {
				t := a.Toks[k]
				if t.Kind == discourse.Word && !discourse.IsAdverb(t.Lower) && !discourse.IsBe(t.Lower) && t.Lower != "to" {
					return true
				}
			}
		}
		if discourse.IsBe(w) && w != "'s" {
			verbOutside = true
			// "were working “hour by hour”": a progressive verb outside.
			for k := i + 1; k < first; k++ {
				t := a.Toks[k]
				if t.Kind == discourse.Word && isParticiple(t.Lower) && len(t.Lower) > 4 && !t.Cap() {
					return true
				}
				if !discourse.IsAdverb(t.Lower) {
					break
				}
			}
		}
		if x.pastVerb(i, start) {
			verbOutside = true
		}
	}
	// After it: another verb group outside the quotes.
	for i := first; i < hi; i++ {
		t := a.Toks[i]
		if t.Quote >= 0 || t.Mark || t.Kind != discourse.Word {
			continue
		}
		if discourse.IsModal(t.Lower) || discourse.IsHave(t.Lower) {
			return true
		}
		if x.pastVerb(i, start) {
			verbOutside = true
		}
	}
	if !verbOutside {
		return false
	}
	// The core of the clause: up to a comma, semicolon or another cue after
	// the first quote.
	seg := hi
	for i := first + 1; i < hi; i++ {
		t := a.Toks[i]
		if t.Quote >= 0 || t.Mark {
			continue
		}
		if t.Text == "," || t.Text == ";" || clauseCues[t.Lower] {
			seg = i
			break
		}
	}
	// The clause goes on after its last quote ("had “intruded” into
	// Chinese waters").
	lastQ := first
	for i := first; i < seg; i++ {
		if a.Toks[i].Mark || a.Toks[i].Quote >= 0 {
			lastQ = i
		}
	}
	after := 0
	for i := lastQ + 1; i < seg && a.Toks[i].Kind == discourse.Word; i++ {
		after++
	}
	if after >= 2 {
		return true
	}
	// A copula or "have" right before the quote makes the quote the
	// predicate ("were “a signal of …”", "had “no intention …”").
	p := first - 1
	for p >= start && discourse.IsAdverb(a.Toks[p].Lower) {
		p--
	}
	if p >= start && (discourse.IsBe(a.Toks[p].Lower) || discourse.IsHave(a.Toks[p].Lower)) {
		return false
	}
	// Otherwise most of what the clause says is outside the quotes.
	in, out := 0, 0
	for i := lo; i < seg; i++ {
		t := a.Toks[i]
		switch {
		case t.Kind != discourse.Word || functionWord(t.Lower):
		case t.Quote >= 0:
			in++
		default:
			out++
		}
	}
	return out >= 4 && out > in
}

// functionWord reports whether w carries no content of its own.
func functionWord(w string) bool {
	return discourse.IsDeterminer(w) || discourse.IsPronoun(w) || discourse.IsBe(w) || discourse.IsHave(w) ||
		discourse.IsModal(w) || subordinators[w] || cuePreps[w] || w == "and" || w == "or" || w == "of" || w == "that" ||
		w == "'s" || w == "not" || w == "to"
}

// pastVerb reports whether token i, inside a clause starting at lo, is a
// past-tense lexical verb: a lower-case -ed word or a common irregular past
// form, not after a determiner ("the armed forces").
func (x *extractor) pastVerb(i, lo int) bool {
	a := x.an
	t := a.Toks[i]
	if t.Kind != discourse.Word || t.Cap() || t.Quote >= 0 || a.MentionAt(i) >= 0 {
		return false
	}
	if i > lo && (discourse.IsDeterminer(a.Toks[i-1].Lower) || a.Toks[i-1].Lower == "'s") {
		return false
	}
	return len(t.Lower) > 4 && strings.HasSuffix(t.Lower, "ed") || irregularPast[t.Lower]
}

// irregularPast are common irregular past-tense forms.
var irregularPast = set("met", "made", "took", "gave", "sent", "held", "kept", "left", "brought", "bought", "won", "lost",
	"saw", "found", "got", "ran", "began", "came", "went", "became", "felt", "knew", "thought", "led", "paid", "spent",
	"built", "sold", "struck", "fought", "rose", "fell", "grew", "threw", "drew", "wrote", "spoke", "broke", "chose",
	"stood", "sought", "meant", "told", "said", "did", "hit", "shot", "flew", "drove", "withdrew", "overtook", "undertook")

// continues reports whether c continues the report of an earlier cue of its
// sentence (", adding that …", "but warned that …"), whose clause already
// holds it.
func (x *extractor) continues(c *cue, cs []*cue) bool {
	if !c.borrowed {
		return false
	}
	for _, o := range cs {
		if o != c && o.clause && !o.trailing && o.clLo <= c.tok && c.tok < o.clHi {
			return true
		}
	}
	return false
}
