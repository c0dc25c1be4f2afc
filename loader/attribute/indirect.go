package attribute

import (
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
			for lo < hi && a.Toks[lo].Kind == discourse.Punct && !a.Toks[lo].Mark {
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
			acts, unnamed, ok := speakersOf(c.subj)
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
// something of its own outside the quotes, so that it is a statement too:
//
//	Paris could contribute “several thousand” troops      yes: a verb group with its object outside
//	Russia would respect shipping “as long as …”           yes
//	the talks had produced “a good basis” for …, but …     yes
//	the agreements were “a signal of …”                    no: the quote is the predicate
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
	for i := start; i < first; i++ {
		w := a.Toks[i].Lower
		if discourse.IsModal(w) || discourse.IsHave(w) {
			for k := i + 1; k < first; k++ {
				t := a.Toks[k]
				if t.Kind == discourse.Word && !discourse.IsAdverb(t.Lower) && !discourse.IsBe(t.Lower) && t.Lower != "to" {
					return true
				}
			}
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
	}
	return false
}

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
