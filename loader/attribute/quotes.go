package attribute

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pledgegraph"
	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute/discourse"
)

// dq is a direct quote being attributed: one quote or several parts joined
// across an attribution inside one sentence.
type dq struct {
	parts    []int // indices into Doc.Quotes
	speakers []int
	heads    []annot.Span
	unnamed  bool
	done     bool
	cue      string
	cueSpan  annot.Span
	rule     string
	conf     float64
}

// directReports attributes every depth-0 quote of the Body.
func (x *extractor) directReports() []report {
	qs := x.groupQuotes()
	for _, q := range qs {
		x.attributeExplicit(q)
	}
	x.propagate(qs)
	var out []report
	for _, q := range qs {
		if !q.done {
			continue
		}
		r := report{Report: Report{Kind: pledgegraph.Direct, Speakers: q.speakers, Unnamed: q.unnamed, Cue: q.cue, Rule: q.rule,
			Stated: true}, heads: q.heads, cueSpan: q.cueSpan, confidence: q.conf}
		for _, p := range q.parts {
			r.Parts = append(r.Parts, x.d.Quotes[p].Span)
		}
		r.Sentence = x.sentenceOf(x.d.Quotes[q.parts[0]].Outer.Start)
		out = append(out, r)
	}
	return out
}

func (x *extractor) sentenceOf(off int) int {
	if s := x.d.SentenceAt(off); s >= 0 {
		return s
	}
	return 0
}

// groupQuotes lists the depth-0 quotes of Body paragraphs, joining the parts
// of a quote split by an attribution inside one sentence (“A,” she said,
// “B.”) — as the segmenter marked them, or when the words between the parts
// are only a cue.
func (x *extractor) groupQuotes() []*dq {
	d := x.d
	var out []*dq
	absorbed := map[int]bool{}
	for qi, q := range d.Quotes {
		if q.Depth != 0 || absorbed[qi] || !x.body(q.Para) || !validQuote(q, len(d.Text)) || q.Span.End <= q.Span.Start {
			continue
		}
		g := &dq{parts: []int{qi}}
		for _, j := range q.Joined {
			if j > qi && j < len(d.Quotes) && !absorbed[j] && validQuote(d.Quotes[j], len(d.Text)) && d.Quotes[j].Depth == 0 {
				g.parts = append(g.parts, j)
				absorbed[j] = true
			}
		}
		if len(q.Joined) == 0 {
			if j := x.splitPartner(qi); j >= 0 {
				g.parts = append(g.parts, j)
				absorbed[j] = true
			}
		}
		out = append(out, g)
	}
	return out
}

// splitPartner returns the next quote when quote qi ends with a comma and
// the next quote, in the same sentence, follows after only an attribution
// (“It was a start,” she said, “and a start …”), or -1.
func (x *extractor) splitPartner(qi int) int {
	d, a := x.d, x.an
	q := d.Quotes[qi]
	if !q.Closed || !strings.HasSuffix(strings.TrimSpace(d.Text[q.Start:q.End]), ",") {
		return -1
	}
	for j := qi + 1; j < len(d.Quotes); j++ {
		n := d.Quotes[j]
		if n.Depth != 0 || !validQuote(n, len(d.Text)) {
			continue
		}
		if n.Para != q.Para || x.sentenceOf(n.Outer.Start) != x.sentenceOf(q.Outer.Start) {
			return -1
		}
		// Between the parts: punctuation, a subject and a cue only.
		words, cueSeen := 0, false
		for i := a.TokenAt(q.Outer.End); i < len(a.Toks) && a.Toks[i].End <= n.Outer.Start; i++ {
			t := a.Toks[i]
			if t.Kind == discourse.Word {
				words++
				if quoteCues[t.Lower] || clauseCues[t.Lower] {
					cueSeen = true
				}
			}
		}
		// The second part continues the sentence: it starts lower-case.
		r, _ := utf8.DecodeRuneInString(d.Text[n.Start:])
		if cueSeen && words <= 8 && unicode.IsLower(r) {
			return j
		}
		return -1
	}
	return -1
}

// attributeExplicit applies the sieves that read a cue in the quote's own
// sentence.
func (x *extractor) attributeExplicit(g *dq) {
	d := x.d
	first := d.Quotes[g.parts[0]]
	if x.scare(g) {
		return
	}
	// 1. A cue right after a part.
	for _, p := range g.parts {
		if c := x.trailingCue(d.Quotes[p]); c != nil && x.take(g, c, "quote-trailing-cue", 0.95) {
			return
		}
	}
	s := x.sentenceOf(first.Outer.Start)
	// 2. A cue that introduces the quote.
	for _, c := range x.cues[s] {
		if c.leadQuote == g.parts[0] && x.take(g, c, "quote-leading-cue", 0.9) {
			return
		}
	}
	// 3. A reported clause that holds the quote.
	open := x.an.TokenAt(first.Outer.Start)
	for _, c := range x.cues[s] {
		if c.clause && !c.trailing && c.clLo <= open && open < c.clHi && x.take(g, c, "quote-in-report", 0.9) {
			return
		}
	}
	// 4. The nearest cue before the quote in its sentence ("called the
	// meeting “…”", "thanked the US “…”").
	var best *cue
	for _, c := range x.cues[s] {
		if c.tok < open && !c.according && (!c.evaluative || x.hasObject(c, open)) {
			best = c
		}
	}
	if best != nil && x.take(g, best, "quote-evaluative", 0.75) {
		return
	}
	if x.sentenceHasCue(g) {
		return
	}
	// 5. A quote introduced by a colon at the end of a sentence that names
	// its speaker without a verb of saying: "He was blunt about the
	// reason: “…”".
	lo, _ := x.an.Sentence(s)
	if open > lo && x.an.Toks[open-1].Text == ":" && x.quoteReachesEnd(g.parts[0], x.sentEnd(s)) {
		if r := x.subjectAtStart(lo, open-1); x.speakerRef(r) {
			x.takeRef(g, r, "quote-colon", 0.7)
			return
		}
	}
	// 6. A quote whose source the next sentence names: "“…” The
	// assessment comes from Oleh Tkachuk, who …".
	if r, ok := x.sourceNext(g); ok {
		x.takeRef(g, r, "quote-source-next", 0.75)
	}
}

func (x *extractor) sentEnd(s int) int {
	_, hi := x.an.Sentence(s)
	return hi
}

// speakerRef reports whether a subject read without a cue names a speaker
// plainly enough to attribute a quote: a name, a resolved pronoun or role.
func (x *extractor) speakerRef(r discourse.Ref) bool {
	if !r.Resolved() {
		return false
	}
	switch r.Rule {
	case "mention", "apposition", "pronoun", "role", "coordination", "group":
		return true
	}
	return false
}

// takeRef attributes g to the actors of r, read without a cue.
func (x *extractor) takeRef(g *dq, r discourse.Ref, rule string, conf float64) {
	g.speakers, g.unnamed, g.done, g.rule, g.conf = r.Actors, false, true, rule, conf
	if r.Pronoun != "" || r.Rule == "role" {
		g.conf -= 0.1
	}
	g.cue, g.cueSpan, g.heads = "", annot.Span{}, nil
}

// sourceNouns name what a speaker said ("the assessment comes from …").
var sourceNouns = set("assessment", "warning", "words", "remark", "remarks", "comment", "comments", "verdict", "view",
	"account", "description", "estimate", "prediction", "claim", "criticism", "admission", "judgement", "judgment",
	"quote", "observation", "message", "appeal", "plea", "analysis", "diagnosis", "complaint", "admonition", "promise",
	"pledge", "vow", "threat", "assurance", "reminder", "question", "answer", "reply", "response", "explanation")

// sourceNext reads the speaker of an unattributed quote from the sentence
// right after it in its paragraph, when that sentence names where the words
// came from: "The assessment comes from Oleh Tkachuk, …", "The warning came
// from the minister".
func (x *extractor) sourceNext(g *dq) (discourse.Ref, bool) {
	d, a := x.d, x.an
	last := d.Quotes[g.parts[len(g.parts)-1]]
	if !last.Closed {
		return discourse.Ref{}, false
	}
	k := a.TokenAt(last.Outer.End)
	if k >= len(a.Toks) {
		return discourse.Ref{}, false
	}
	s := a.Toks[k].Sent
	if a.Toks[k-1].Sent == s {
		// The quote's sentence goes on after it: only punctuation may.
		for ; k < len(a.Toks) && a.Toks[k].Sent == s; k++ {
			if a.Toks[k].Kind != discourse.Punct {
				return discourse.Ref{}, false
			}
		}
		if k >= len(a.Toks) {
			return discourse.Ref{}, false
		}
		s = a.Toks[k].Sent
	}
	if s >= len(d.Sentences) || d.Sentences[s].Para != last.Para {
		return discourse.Ref{}, false
	}
	lo, hi := a.Sentence(s)
	for i := lo; i < hi && i < lo+5; i++ {
		t := a.Toks[i]
		if t.Quote >= 0 || t.Mark {
			return discourse.Ref{}, false
		}
		if !sourceNouns[t.Lower] || i+2 >= hi {
			continue
		}
		v, p := a.Toks[i+1].Lower, a.Toks[i+2].Lower
		if (v == "comes" || v == "came" || v == "come") && p == "from" {
			end := i + 3
			for end < hi && a.Toks[end].Text != "," && a.Toks[end].Text != "." && a.Toks[end].Text != ";" && !a.Toks[end].Mark {
				end++
			}
			r := a.Refer(i+3, end)
			return r, x.speakerRef(r)
		}
	}
	return discourse.Ref{}, false
}

// scare reports whether the quote is a name or term in quotation marks
// rather than speech: title-cased words ("Gang Suppression Force"), or
// after "so-called", "known as", "dubbed".
func (x *extractor) scare(g *dq) bool {
	d, a := x.d, x.an
	q := d.Quotes[g.parts[0]]
	if len(g.parts) > 1 {
		return false
	}
	i := a.TokenAt(q.Outer.Start)
	if i > 0 && i < len(a.Toks) {
		p := a.Toks[i-1]
		if p.Lower == "so-called" || p.Lower == "as" && i > 1 && a.Toks[i-2].Lower == "known" || p.Lower == "named" || p.Lower == "titled" || p.Lower == "entitled" {
			return true
		}
	}
	// A title keeps the punctuation of its sentence inside the marks in
	// American style ("‘60 Minutes.’", "“Trainwreck,”").
	inner := strings.TrimRight(strings.TrimSpace(d.Text[q.Start:q.End]), ",.;:")
	words := strings.Fields(inner)
	if len(words) == 0 || len(words) > 7 || strings.ContainsAny(inner, ".?!") {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		} else if !smallWord[strings.ToLower(w)] {
			return false
		}
	}
	// One capitalised word is a name only inside a sentence ("starred in
	// “Trainwreck.”"), not “Never,” answering a question.
	midSentence := i > 0 && i < len(a.Toks) && a.Toks[i-1].Sent == a.Toks[i].Sent && a.Toks[i-1].Kind == discourse.Word
	return (caps >= 2 || caps == 1 && midSentence) && x.trailingCue(q) == nil
}

var smallWord = set("of", "the", "and", "for", "in", "on", "to", "a", "an", "de", "la", "al")

// hasObject reports whether an evaluative cue has words between it and the
// quote ("called the meeting “…”", not "a group called “…”").
func (x *extractor) hasObject(c *cue, open int) bool {
	for i := c.tok + 1; i < open; i++ {
		if x.an.Toks[i].Kind == discourse.Word {
			return true
		}
	}
	return false
}

// trailingCue returns the cue that follows quote q with nothing but
// punctuation and its subject in between: “…,” Kiprono said / “…,” said
// Ekberg / “…”, he told reporters.
func (x *extractor) trailingCue(q annot.Quote) *cue {
	if !q.Closed {
		return nil
	}
	a := x.an
	k := a.TokenAt(q.Outer.End)
	if k >= len(a.Toks) {
		return nil
	}
	// The cue is in the sentence of the closing mark, or opens the next
	// sentence in lower case ("…?” he said.").
	closing := a.Toks[max(0, k-1)].Sent
	if s := a.Toks[k].Sent; s != closing && a.Toks[k].Cap() {
		// A capitalised next sentence is the attribution only when it is
		// nothing else: "…?” Costa asked."
		lo, hi := a.Sentence(s)
		for i := lo; i < hi; i++ {
			if a.Toks[i].Mark || a.Toks[i].Quote >= 0 || hi-lo > 14 {
				return nil
			}
		}
	}
	for s := a.Toks[k].Sent; s <= a.Toks[k].Sent && s < len(x.cues); s++ {
		for _, c := range x.cues[s] {
			if c.tok < k || c.evaluative || c.according {
				continue
			}
			first := c.subjLo
			if c.inverted || c.borrowed || c.subjHi <= c.subjLo {
				first = c.tok
			}
			if first > k+14 {
				continue
			}
			ok := first >= k
			for i := k; ok && i < first; i++ {
				t := a.Toks[i]
				if t.Kind != discourse.Punct || t.Mark && t.Open {
					ok = false
				}
			}
			if ok {
				return c
			}
			return nil
		}
	}
	return nil
}

// take attributes g to the subject of c when it names someone (or an
// unnamed source).
func (x *extractor) take(g *dq, c *cue, rule string, conf float64) bool {
	acts, unnamed, ok := x.cueSpeakers(c)
	if !ok {
		return false
	}
	if c.subj.Pronoun != "" || c.subj.Rule == "role" {
		conf -= 0.1
	}
	g.speakers, g.unnamed, g.done, g.rule, g.conf = acts, unnamed, true, rule, conf
	g.cue = x.d.Text[x.an.Toks[c.tok].Start:x.an.Toks[c.tok].End]
	g.cueSpan = x.an.Toks[c.tok].Span
	g.heads = x.heads(c, acts)
	return true
}

// propagate attributes the quotes no cue of their own sentence names:
// through paragraph-spanning chains, to the quoted speaker of the same
// paragraph, and to the previous paragraph's speaker.
func (x *extractor) propagate(qs []*dq) {
	d := x.d
	byQuote := map[int]*dq{}
	for _, g := range qs {
		for _, p := range g.parts {
			byQuote[p] = g
		}
	}
	// Chains of paragraph-spanning quotes.
	chainOf := map[*dq][]*dq{}
	var prevOpen *dq
	for _, g := range qs {
		q := d.Quotes[g.parts[0]]
		if q.Continued && prevOpen != nil {
			ch := append(chainOf[prevOpen], g)
			for _, m := range ch {
				chainOf[m] = ch
			}
		} else if _, ok := chainOf[g]; !ok {
			chainOf[g] = []*dq{g}
		}
		last := d.Quotes[g.parts[len(g.parts)-1]]
		prevOpen = nil
		if !last.Closed {
			prevOpen = g
		}
	}
	chains := func() {
		for _, g := range qs {
			if g.done {
				continue
			}
			ch := chainOf[g]
			for k := len(ch) - 1; k >= 0; k-- {
				if src := ch[k]; src.done && src != g {
					x.copyFrom(g, src, "quote-continued", 0.85)
					break
				}
			}
		}
	}
	chains()
	// A quote whose sentence has no cue takes the quoted speaker of its
	// paragraph: the previous one, else the next.
	for k, g := range qs {
		if g.done || x.sentenceHasCue(g) {
			continue
		}
		para := d.Quotes[g.parts[0]].Para
		for j := k - 1; j >= 0; j-- {
			if d.Quotes[qs[j].parts[0]].Para != para {
				break
			}
			if qs[j].done {
				x.copyFrom(g, qs[j], "quote-paragraph", 0.8)
				break
			}
		}
		for j := k + 1; !g.done && j < len(qs); j++ {
			if d.Quotes[qs[j].parts[0]].Para != para {
				break
			}
			if qs[j].done {
				x.copyFrom(g, qs[j], "quote-paragraph", 0.75)
			}
		}
	}
	chains()
	// A paragraph that opens with a quote and has no cue continues the
	// speaker of the previous paragraph.
	for _, g := range qs {
		if g.done {
			continue
		}
		q := d.Quotes[g.parts[0]]
		if q.Outer.Start != d.Paragraphs[q.Para].Start || x.paragraphHasCue(q.Para) {
			continue
		}
		x.previousSpeaker(g, q.Para, qs)
	}
	chains()
}

func (x *extractor) copyFrom(g, src *dq, rule string, conf float64) {
	g.speakers, g.unnamed, g.done, g.rule = src.speakers, src.unnamed, true, rule
	g.conf = min(conf, src.conf)
	g.cue, g.cueSpan, g.heads = src.cue, annot.Span{}, nil
}

// sentenceHasCue reports whether any sentence the quote opens in has a cue.
func (x *extractor) sentenceHasCue(g *dq) bool {
	s := x.sentenceOf(x.d.Quotes[g.parts[0]].Outer.Start)
	for _, c := range x.cues[s] {
		if !c.according {
			return true
		}
	}
	return false
}

func (x *extractor) paragraphHasCue(p int) bool {
	for s, cs := range x.cues {
		if x.d.Sentences[s].Para == p && len(cs) > 0 {
			return true
		}
	}
	return false
}

// previousSpeaker gives g the speaker of the last statement of the
// paragraph before (a quote or a reported clause), else the person the
// paragraph's last sentence is about.
func (x *extractor) previousSpeaker(g *dq, para int, qs []*dq) {
	d := x.d
	prev := para - 1
	for prev >= 0 && !x.body(prev) {
		prev--
	}
	if prev < 0 {
		return
	}
	// The last cue of the previous paragraph, or its last attributed quote.
	var lastCue *cue
	for s, cs := range x.cues {
		if d.Sentences[s].Para == prev {
			for _, c := range cs {
				if c.subj.Resolved() {
					lastCue = c
				}
			}
		}
	}
	var lastQ *dq
	for _, o := range qs {
		if o.done && d.Quotes[o.parts[0]].Para == prev {
			lastQ = o
		}
	}
	switch {
	case lastQ != nil && (lastCue == nil || d.Quotes[lastQ.parts[0]].Outer.Start > x.an.Toks[lastCue.tok].Start):
		if lastQ.unnamed || len(lastQ.speakers) == 0 {
			return
		}
		x.copyFrom(g, lastQ, "quote-previous", 0.6)
	case lastCue != nil:
		acts, unnamed, _ := speakersOf(lastCue.subj)
		if unnamed {
			return
		}
		g.speakers, g.done, g.rule, g.conf = acts, true, "quote-previous", 0.6
		g.cue = x.an.Toks[lastCue.tok].Text
	default:
		// The person the previous paragraph's last sentence opens with:
		// "Kask welcomed the offers." then a bare quote.
		var last = -1
		for s := range d.Sentences {
			if d.Sentences[s].Para == prev {
				last = s
			}
		}
		if last < 0 {
			return
		}
		lo, hi := x.an.Sentence(last)
		r := x.subjectAtStart(lo, hi)
		if len(r.Actors) == 1 && x.an.Kind(r.Actors[0]) == pledgegraph.KindPerson {
			g.speakers, g.done, g.rule, g.conf = r.Actors, true, "quote-previous", 0.55
		}
	}
}

// validQuote reports whether a quote's spans lie inside a text of length n
// and nest properly.
func validQuote(q annot.Quote, n int) bool {
	return 0 <= q.Outer.Start && q.Outer.Start <= q.Start && q.Start <= q.End && q.End <= q.Outer.End && q.Outer.End <= n
}
