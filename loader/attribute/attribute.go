// Package attribute reads statements out of an annotated document: direct
// quotes and reported speech, each attributed to the actor who said it.
//
// Speakers are found by a sequence of sieves, in the manner of CoreNLP's
// QuoteAttributionAnnotator, from the most to the least precise:
//
//	quote-trailing-cue   “…,” Kiprono said. / “…,” said Tomas Ekberg, a lawyer who …
//	quote-leading-cue    Owen Pryce said: “…” / He added, “…”
//	quote-in-report      Starmer said the meeting made “excellent progress”
//	quote-evaluative     Kushner called the meeting “a very big milestone”
//	quote-colon          He was blunt about the reason: “…” (no verb of saying)
//	quote-source-next    “…” The assessment comes from Oleh Tkachuk, …
//	quote-continued      a paragraph-spanning quote takes the speaker named in any of its paragraphs
//	quote-paragraph      a quoted sentence with no cue takes its paragraph's quoted speaker
//	quote-previous       a paragraph that is only a quote continues the previous paragraph's speaker
//	report-clause        X said (that) CLAUSE, X told reporters CLAUSE, …, saying CLAUSE, analysts say CLAUSE
//	report-trailing      CLAUSE, diplomats said. / CLAUSE, she said, and CLAUSE. / Too often, Clarke said, CLAUSE.
//	report-according     according to X, CLAUSE
//
// A reported clause holding a partial quote is a statement too when the
// unquoted part is a full clause ("said crews were working “hour by hour”
// to restore …"), not when the quote is its predicate ("said the plan was
// “a betrayal”"). Negated cues ("has not answered"), cues in reduced
// relative clauses ("the sum Gazprom claims") and adverbials after a cue
// ("said at an event this month") report nothing.
//
// Subjects of cues are resolved by package discourse: names, coordinations
// (one statement per actor, "neither … nor" too), counted groups ("the two
// governments"), pronouns (with gender learnt from the text), role nouns
// ("the minister") and generic sources ("two diplomats"), which give a
// statement with no speaker rather than a wrong one; so does a document no
// one is named as the author of ("the statement said"). Quotes no sieve
// attributes (scare quotes, titles and names in quotation marks) are not
// statements.
package attribute

import (
	"sort"
	"strings"

	"pledgegraph"
	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute/discourse"
)

// Report is one act of speech read from a document, before it is split
// into one statement per speaker. Later stages (commit) read the clauses of
// reports whose substance is quoted too, so reports exist even where no
// statement was made.
type Report struct {
	Kind       pledgegraph.StatementKind
	Speakers   []int        // indices into Doc.Actors; empty for unnamed or unresolved speakers
	Unnamed    bool         // an unnamed source ("officials said")
	Parts      []annot.Span // the quote words of each part (direct), or the reported clause (indirect)
	Sentence   int          // sentence of the first part
	Cue        string       // the reporting verb as written, or ""
	Rule       string       // the sieve that attributed it
	Stated     bool         // statements were made from it
	Statements []string     // IDs of those statements, one per speaker
}

// Result is everything attribution read from a document.
type Result struct {
	Reports    []Report
	Statements []pledgegraph.Statement
	Discourse  *discourse.Analysis
}

// Statements returns the statements of d: its direct quotes and reported
// speech with resolved speakers, in text order. d is not modified.
func Statements(d *annot.Doc) []pledgegraph.Statement {
	return Analyze(d).Statements
}

// Analyze attributes the speech in d and returns the reports, the
// statements made from them and the discourse analysis it used.
func Analyze(d *annot.Doc) *Result {
	x := &extractor{d: d, an: discourse.Analyze(d)}
	x.cues = make([][]*cue, len(d.Sentences))
	for s := range d.Sentences {
		if x.body(d.Sentences[s].Para) {
			x.cues[s] = x.findCues(s)
		}
	}
	direct := x.directReports()
	indirect := x.indirectReports()
	reports := append(direct, indirect...)
	sort.SliceStable(reports, func(i, j int) bool { return reports[i].Parts[0].Start < reports[j].Parts[0].Start })
	res := &Result{Discourse: x.an}
	for _, r := range reports {
		x.state(&r, res)
		res.Reports = append(res.Reports, r.Report)
	}
	if res.Statements == nil {
		res.Statements = []pledgegraph.Statement{}
	}
	return res
}

// extractor holds the state of one Analyze call.
type extractor struct {
	d    *annot.Doc
	an   *discourse.Analysis
	cues [][]*cue // per sentence
}

func (x *extractor) body(para int) bool {
	return para >= 0 && para < len(x.d.Paragraphs) && x.d.Paragraphs[para].Kind == annot.Body
}

// report is a Report with what is needed to make statements from it.
type report struct {
	Report
	heads      []annot.Span // per speaker: where the speaker is named (for evidence)
	cueSpan    annot.Span
	confidence float64
}

// state makes the statements of r and records their IDs.
func (x *extractor) state(r *report, res *Result) {
	if !r.Stated {
		return
	}
	text := x.partsText(r.Parts)
	if strings.TrimSpace(text) == "" {
		r.Stated = false
		return
	}
	speakers := r.Speakers
	if len(speakers) == 0 {
		speakers = []int{-1}
	}
	span := annot.Span{Start: r.Parts[0].Start, End: r.Parts[len(r.Parts)-1].End}
	if r.Kind == pledgegraph.Direct {
		for _, q := range x.d.Quotes {
			if !validQuote(q, len(x.d.Text)) {
				continue
			}
			if q.Span == r.Parts[0] {
				span.Start = q.Outer.Start
			}
			if q.Span == r.Parts[len(r.Parts)-1] {
				span.End = q.Outer.End
			}
		}
	}
	for k, sp := range speakers {
		ev := span
		if r.Kind == pledgegraph.Indirect || k > 0 {
			// Reported speech is read with its attribution: the evidence
			// runs from the speaker's name to the end of the clause, which
			// also keeps the statements of coordinated speakers apart.
			if k < len(r.heads) && r.heads[k].End > r.heads[k].Start {
				ev.Start = min(ev.Start, r.heads[k].Start)
				ev.End = max(ev.End, r.heads[k].End)
			}
			if r.cueSpan.End > r.cueSpan.Start {
				ev.Start = min(ev.Start, r.cueSpan.Start)
				ev.End = max(ev.End, r.cueSpan.End)
			}
		}
		st := pledgegraph.Statement{
			ID:   pledgegraph.StatementID(x.d.ID, r.Kind, ev.Start, ev.End),
			Kind: r.Kind,
			Text: text,
			Cue:  r.Cue,
			Evidence: pledgegraph.Evidence{Document: x.d.ID, Sentence: r.Sentence, Start: ev.Start, End: ev.End,
				Rule: "attribute/" + r.Rule, Confidence: r.confidence},
		}
		if sp >= 0 {
			st.Speaker = x.d.Actors[sp].ID
		}
		st.Mentions = x.mentions(r.Parts)
		r.Statements = append(r.Statements, st.ID)
		res.Statements = append(res.Statements, st)
	}
}

// partsText is the words of the parts without quotation marks, joined by a
// space.
func (x *extractor) partsText(parts []annot.Span) string {
	var b strings.Builder
	for _, p := range parts {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x.unmarked(p))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// unmarked returns the text of span with quotation marks removed.
func (x *extractor) unmarked(sp annot.Span) string {
	var b strings.Builder
	pos := sp.Start
	for i := x.an.TokenAt(sp.Start); i < len(x.an.Toks) && x.an.Toks[i].Start < sp.End; i++ {
		t := x.an.Toks[i]
		if !t.Mark {
			continue
		}
		if t.Start > pos {
			b.WriteString(x.d.Text[pos:t.Start])
		}
		pos = t.End
	}
	if pos < sp.End {
		b.WriteString(x.d.Text[pos:sp.End])
	}
	s := strings.TrimSpace(b.String())
	return s
}

// mentions lists the IDs of actors referred to inside the parts.
func (x *extractor) mentions(parts []annot.Span) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range parts {
		for i := x.an.TokenAt(p.Start); i < len(x.an.Toks) && x.an.Toks[i].Start < p.End; i++ {
			for _, act := range x.an.ActorOf(i) {
				if id := x.d.Actors[act].ID; !seen[id] {
					seen[id] = true
					out = append(out, id)
				}
			}
		}
	}
	return out
}

// speakersOf turns a cue's subject into speakers: actors, or unnamed.
func speakersOf(r discourse.Ref) (acts []int, unnamed, ok bool) {
	switch {
	case r.Resolved():
		return r.Actors, false, true
	case r.Generic, r.Members:
		return nil, true, true
	}
	return nil, false, false
}

// cueSpeakers is speakersOf for the subject of a cue, where a document no
// one is named as the author of ("the statement said", "the communique
// said") is an unnamed source: its words are kept with no speaker.
func (x *extractor) cueSpeakers(c *cue) (acts []int, unnamed, ok bool) {
	acts, unnamed, ok = speakersOf(c.subj)
	if !ok && !c.according && c.subj.Head >= 0 && c.subj.Head < len(x.an.Toks) && documentNouns[x.an.Toks[c.subj.Head].Lower] {
		return nil, true, true
	}
	return acts, unnamed, ok
}

// documentNouns are texts that say things ("the statement said").
var documentNouns = set("statement", "communique", "communiqué", "declaration", "letter", "document", "memo",
	"memorandum", "filing", "notice", "release", "text", "draft", "resolution", "readout", "transcript", "post",
	"bulletin", "guidance", "note", "report", "study", "survey", "assessment", "review", "analysis", "order", "decree")

// heads returns, for each speaker, the span of the token that names it in
// the cue's subject (or the cue verb when the subject is borrowed).
func (x *extractor) heads(c *cue, acts []int) []annot.Span {
	a := x.an
	out := make([]annot.Span, len(acts))
	for k, act := range acts {
		out[k] = a.Toks[c.tok].Span
		for i := c.subjLo; i < c.subjHi; i++ {
			if containsInt(a.ActorOf(i), act) {
				out[k] = a.Toks[i].Span
				break
			}
		}
	}
	return out
}

func containsInt(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}
