// Package commit reads commitments out of an annotated document: pledges,
// promises, offers, agreements, vows, readiness and backing, and refusals
// (would not, ruled out, refused to, rejected), each with the actor who
// commits, a base-form action, its target, polarity, modality, condition
// and amount.
//
// Commitments are read from three places:
//
//	narration        Norway and Denmark pledged to send …; Brazil ruled out sending troops
//	reported speech  Macron said that Paris could contribute several thousand troops
//	direct quotes    “… and we will not leave while the job is half done.” (first person)
//
// Who commits follows the annotation guidelines: a person speaking for a
// state commits the state (package discourse's Principal, or the one state
// an official's reports speak for when nothing else says), an official of
// an international body commits the body, a coordinated subject gives one
// commitment per actor ("neither … nor" a refusal for each, "the three
// countries" each of those named before), "we" in a quote is the speaker's
// state or body, and a person's own plans ("she would travel to …") stay
// the person's. A subject that names no actor implies one: officials of a
// body ("EU foreign ministers agreed …"), the owner of a policy instrument
// ("the bloc’s next package would target …"), or the speaker's side for
// money it gives ("€120 million will be paid", "the rest will follow",
// where an EU institution stands for the union).
//
// Modals commit only in reported speech and quotes (and "will" in
// narration); "would consider" commits to weighing an act, "promised not
// to" and "has no plans to" are refusals. Predictions ("would fail", "could
// struggle"), hedges ("would likely"), obligations ("will have to"), shared
// views ("agree on the diagnosis") and clauses under if/how/which are not
// commitments. A modal and a trigger verb it governs ("would offer") are
// one commitment; coordinated verbs ("would review … and could extend"),
// infinitives ("to cap … and to keep …") and a report continued after its
// cue ("…, she said, and would ask …") give one each.
package commit

import (
	"sort"
	"strings"

	"pledgegraph"
	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute"
	"pledgegraph/loader/attribute/discourse"
)

// Commitments returns the commitments of d in text order. Statements are
// re-read from d (package attribute) for their clauses; a commitment read
// from a statement links to it when that statement's ID is among stmts. d
// is not modified.
func Commitments(d *annot.Doc, stmts []pledgegraph.Statement) []pledgegraph.Commitment {
	res := attribute.Analyze(d)
	x := &extractor{d: d, an: res.Discourse, reports: res.Reports, known: map[string]bool{}}
	for _, s := range stmts {
		x.known[s.ID] = true
	}
	x.index()
	x.inferStates()
	for s := range d.Sentences {
		if x.body(d.Sentences[s].Para) {
			x.sentence(s)
		}
	}
	sort.SliceStable(x.out, func(i, j int) bool { return x.out[i].Start < x.out[j].Start })
	if x.out == nil {
		return []pledgegraph.Commitment{}
	}
	return x.out
}

// extractor holds the state of one Commitments call.
type extractor struct {
	d       *annot.Doc
	an      *discourse.Analysis
	reports []attribute.Report
	known   map[string]bool

	clauseOf []int        // per token: innermost indirect report whose clause holds it, or -1
	quoteOf  []int        // per token: direct report whose quote holds it, or -1
	used     map[int]bool // verb tokens a modal trigger has read, so that "would offer" is one commitment
	stateOf  map[int]int  // person → the state their reports speak for, when no title or country says (see inferStates)
	out      []pledgegraph.Commitment
	seen     map[string]bool
}

func (x *extractor) body(p int) bool {
	return p >= 0 && p < len(x.d.Paragraphs) && x.d.Paragraphs[p].Kind == annot.Body
}

// index maps tokens to the reports that hold them.
func (x *extractor) index() {
	n := len(x.an.Toks)
	x.clauseOf, x.quoteOf = make([]int, n), make([]int, n)
	x.seen, x.used = map[string]bool{}, map[int]bool{}
	for i := range x.clauseOf {
		x.clauseOf[i], x.quoteOf[i] = -1, -1
	}
	for ri, r := range x.reports {
		for _, p := range r.Parts {
			for i := x.an.TokenAt(p.Start); i < n && x.an.Toks[i].Start < p.End; i++ {
				if r.Kind == pledgegraph.Indirect {
					if old := x.clauseOf[i]; old < 0 || x.reports[old].Parts[0].Len() > p.Len() {
						x.clauseOf[i] = ri
					}
				} else {
					x.quoteOf[i] = ri
				}
			}
		}
	}
}

// ctx is where a trigger was read.
type ctx struct {
	kind   string // "narration", "reported", "quote"
	report int    // index into reports, or -1
	lo, hi int    // token range of the clause or quote (the sentence for narration)
	first  int    // first token of the report's first part (a clause split by its cue: "…, she said, and would ask …")
}

func (x *extractor) context(i, slo, shi int) ctx {
	if r := x.clauseOf[i]; r >= 0 {
		parts := x.reports[r].Parts
		first, _ := x.span(parts[0])
		lo, hi := first, first
		for _, p := range parts {
			if l, h := x.span(p); l <= i && i < h {
				lo, hi = l, h
			}
		}
		return ctx{kind: "reported", report: r, lo: max(lo, slo), hi: min(hi, shi), first: max(first, slo)}
	}
	if r := x.quoteOf[i]; r >= 0 {
		t := x.an.Toks[i]
		q := x.d.Quotes[t.Quote]
		lo, hi := x.span(q.Span)
		return ctx{kind: "quote", report: r, lo: max(lo, slo), hi: min(hi, shi), first: max(lo, slo)}
	}
	if x.an.Toks[i].Quote >= 0 {
		return ctx{kind: "unattributed", report: -1}
	}
	return ctx{kind: "narration", report: -1, lo: slo, hi: shi, first: slo}
}

// span returns the token range of a byte span.
func (x *extractor) span(s annot.Span) (lo, hi int) {
	lo = x.an.TokenAt(s.Start)
	hi = lo
	for hi < len(x.an.Toks) && x.an.Toks[hi].Start < s.End {
		hi++
	}
	return lo, hi
}

// found is one commitment before its actors are split out.
type found struct {
	actors    []string
	self      bool // a person's own plan: keep the person
	action    string
	target    string
	negative  bool
	modality  string
	condition string
	amount    string
	lo, hi    int // token range of the evidence
	rule      string
	conf      float64
	ctx       ctx
}

// sentence reads the commitments of sentence s.
func (x *extractor) sentence(s int) {
	a := x.an
	lo, hi := a.Sentence(s)
	lead := x.leadingCondition(lo, hi)
	last := map[int][]string{} // per context start: the actors of the last trigger (for coordinated predicates)
	for i := lo; i < hi; i++ {
		t := a.Toks[i]
		if t.Kind != discourse.Word || t.Mark {
			continue
		}
		c := x.context(i, lo, hi)
		if c.kind == "unattributed" {
			continue
		}
		if x.used[i] {
			continue // the verb of a modal already read ("would offer")
		}
		fs := x.trigger(i, c, last[c.first])
		for _, f := range fs {
			if len(f.actors) > 0 {
				last[c.first] = f.actors
			}
			if f.condition == "" && lead.text != "" && i > lead.hi {
				f.condition = lead.text
			}
			if f.condition == "" && c.kind != "narration" {
				if lc := x.leadingCondition(c.lo, c.hi); lc.text != "" && i > lc.hi {
					f.condition = lc.text
				}
			}
			x.emit(f, s)
		}
	}
}

// emit turns a found commitment into one Commitment per actor.
func (x *extractor) emit(f found, s int) {
	if f.action == "" || len(f.actors) == 0 {
		return
	}
	a := x.an
	start, end := a.Toks[f.lo].Start, a.Toks[max(f.lo, f.hi-1)].End
	pol := pledgegraph.Positive
	if f.negative {
		pol = pledgegraph.Negative
	}
	for _, act := range f.actors {
		key := act + "|" + f.action + "|" + string(pol)
		if x.seen[key] {
			continue
		}
		x.seen[key] = true
		c := pledgegraph.Commitment{
			ID:        pledgegraph.CommitmentID(x.d.ID, act, f.action, start, end),
			Actor:     act,
			Action:    f.action,
			Target:    f.target,
			Polarity:  pol,
			Modality:  f.modality,
			Condition: f.condition,
			Amount:    f.amount,
			Statement: x.statementFor(f, act),
			Evidence: pledgegraph.Evidence{Document: x.d.ID, Sentence: s, Start: start, End: end,
				Rule: "commit/" + f.rule, Confidence: f.conf},
		}
		if c.Target == act {
			c.Target = ""
		}
		x.out = append(x.out, c)
	}
}

// statementFor links a commitment to the statement it was read from: the
// reported clause's statement (the committing actor's own, if several), else
// the quote that holds its words.
func (x *extractor) statementFor(f found, actor string) string {
	if f.ctx.report < 0 {
		return ""
	}
	pick := func(r attribute.Report) string {
		for k, id := range r.Statements {
			if k < len(r.Speakers) && x.principal(r.Speakers[k]) == actor && x.known[id] {
				return id
			}
		}
		for _, id := range r.Statements {
			if x.known[id] {
				return id
			}
		}
		return ""
	}
	r := x.reports[f.ctx.report]
	if r.Stated {
		if id := pick(r); id != "" {
			return id
		}
	}
	for i := f.lo; i < f.hi; i++ {
		if q := x.quoteOf[i]; q >= 0 {
			if id := pick(x.reports[q]); id != "" {
				return id
			}
		}
	}
	return ""
}

// speakers returns the principals of a report's speakers.
func (x *extractor) speakers(c ctx) []string {
	if c.report < 0 {
		return nil
	}
	var out []string
	for _, sp := range x.reports[c.report].Speakers {
		if p := x.principal(sp); p != "" && !containsStr(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// textOf returns the words of tokens [lo, hi) as written, without quotation
// marks and parenthesised asides, on one line.
func (x *extractor) textOf(lo, hi int) string {
	a := x.an
	var b strings.Builder
	paren := 0
	prevEnd := -1
	for i := lo; i < hi; i++ {
		t := a.Toks[i]
		if t.Mark {
			continue
		}
		if t.Text == "(" || t.Text == "[" {
			paren++
			continue
		}
		if t.Text == ")" || t.Text == "]" {
			if paren > 0 {
				paren--
			}
			prevEnd = t.End
			continue
		}
		if paren > 0 {
			continue
		}
		if b.Len() > 0 && t.Start > prevEnd {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
		prevEnd = t.End
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// principal is the actor that actor i commits for (package discourse's
// Principal), or, for an official whose state no title or country names,
// the state their reports speak for (see inferStates).
func (x *extractor) principal(i int) string {
	p := x.an.Principal(i)
	if i >= 0 && i < len(x.d.Actors) && p == x.d.Actors[i].ID {
		if st, ok := x.stateOf[i]; ok {
			return x.d.Actors[st].ID
		}
	}
	return p
}

// inferStates finds the state an official speaks for when nothing in the
// text ties them to one ("The foreign secretary, Eleanor Marsh, said
// Britain would …"): the one state that opens the clauses they report, when
// they hold an office. "The administration" and "we" in their words then
// stand for that state.
func (x *extractor) inferStates() {
	a := x.an
	x.stateOf = map[int]int{}
	votes := map[int]map[int]bool{}
	for _, r := range x.reports {
		if r.Kind != pledgegraph.Indirect || len(r.Speakers) != 1 {
			continue
		}
		sp := r.Speakers[0]
		if a.Kind(sp) != pledgegraph.KindPerson || a.Principal(sp) != x.d.Actors[sp].ID || !holdsOffice(x.d.Actors[sp].Title) {
			continue
		}
		lo, hi := x.span(r.Parts[0])
		for i := lo; i < hi && i < lo+4; i++ {
			if m := a.MentionAt(i); m >= 0 {
				if act := x.d.Mentions[m].Actor; a.Kind(act) == pledgegraph.KindCountry {
					if votes[sp] == nil {
						votes[sp] = map[int]bool{}
					}
					votes[sp][act] = true
				}
				break
			}
			if a.Toks[i].Kind == discourse.Word && !discourse.IsDeterminer(a.Toks[i].Lower) {
				break
			}
		}
	}
	for sp, vs := range votes {
		if len(vs) == 1 {
			for st := range vs {
				x.stateOf[sp] = st
			}
		}
	}
}

// holdsOffice reports whether a title names a public office ("foreign
// secretary", "Deputy Treasury Secretary"), not a profession.
func holdsOffice(title string) bool {
	for _, w := range strings.Fields(strings.ToLower(title)) {
		if officeWords[w] {
			return true
		}
	}
	return false
}
