package commit

import (
	"strings"

	"pledgegraph"
	"pledgegraph/loader/attribute/discourse"
)

// subjectRegion returns the token range [lo, hi) of the subject of the verb
// group at token i, searched left of it inside the context's clause.
func (x *extractor) subjectRegion(i int, c ctx) (lo, hi int) {
	a := x.an
	slo, _ := a.Sentence(a.Toks[i].Sent)
	bound := max(c.lo, slo)
	e := i
	for e > bound {
		t := a.Toks[e-1]
		w := t.Lower
		if t.Mark && c.kind != "quote" || a.MentionAt(e-1) < 0 && (discourse.IsAdverb(w) || discourse.IsHave(w) ||
			discourse.IsBe(w) && w != "'s" || discourse.IsModal(w) || w == "each" || w == "both" || w == "jointly") {
			e--
			continue
		}
		break
	}
	// "China, which sent a minister, offered": jump over a relative clause
	// or apposition that ends with a comma right before the verb.
	if e > bound && a.Toks[e-1].Text == "," {
		for p := e - 2; p > bound && p >= e-20; p-- {
			if a.Toks[p].Mark || a.Toks[p].Text == "." || a.Toks[p].Text == ";" {
				break
			}
			if a.Toks[p].Text == "," {
				if n := a.Toks[p+1].Lower; n == "who" || n == "which" || n == "whose" || n == "a" || n == "an" || n == "the" {
					e = p
				}
				break
			}
		}
	}
	b := e
	for b > bound && e-b < 30 {
		t := a.Toks[b-1]
		w := t.Lower
		if t.Mark {
			if c.kind == "quote" {
				break
			}
			b--
			continue
		}
		if a.MentionAt(b-1) >= 0 {
			b--
			continue
		}
		if w == ";" || w == ":" || w == "—" || w == "–" || w == "." || w == "?" || w == "!" || w == "that" || subordinate[w] {
			break
		}
		if (w == "and" || w == "or") && b == e {
			break // "… and would buy": a coordinated predicate
		}
		if discourse.IsModal(w) || discourse.IsHave(w) || discourse.IsBe(w) && w != "'s" || verbTriggers[w].lemma != "" && x.verbal(b-1) {
			break // another verb group: the subject is not this far back
		}
		if (w == "which" || w == "who") && !(b-2 >= bound && a.Toks[b-2].Text == "," && e > bound && a.Toks[e-1].Text == ",") {
			break
		}
		if w == "," && x.hasWord(b, e) {
			if e > bound && a.Toks[e-1].Text == "," && b < e && (a.Toks[b].Lower == "who" || a.Toks[b].Lower == "which" || a.Toks[b].Lower == "whose") {
				b-- // "China, which sent …, offered": the relative clause belongs to the subject
				continue
			}
			if b-2 >= bound && a.MentionAt(b-2) >= 0 && x.nameList(b, e) {
				b-- // "France, Germany and Poland agreed": a list of names
				continue
			}
			break
		}
		if (w == "and" || w == "or") && b-2 >= bound && a.Toks[b-2].Text == "," {
			break
		}
		if w == "said" || w == "says" || w == "told" || w == "added" {
			break
		}
		b--
	}
	return b, e
}

// nameList reports whether tokens [lo, hi) are only names joined by
// commas and conjunctions ("Germany and Poland", "Spain, Italy and the
// Netherlands"), with at least one conjunction.
func (x *extractor) nameList(lo, hi int) bool {
	a := x.an
	conj := false
	for k := lo; k < hi; k++ {
		t := a.Toks[k]
		switch {
		case a.MentionAt(k) >= 0:
		case t.Lower == "and" || t.Lower == "or" || t.Lower == "nor":
			conj = true
		case t.Text == "," || t.Lower == "the" || t.Lower == "both" || t.Lower == "neither" || t.Lower == "either":
		default:
			return false
		}
	}
	return conj
}

// neitherSubject reports whether the subject of the verb group at token i
// is a "neither … nor" coordination, which negates what it does: "Neither
// Austria nor Ireland will send troops".
func (x *extractor) neitherSubject(i int, c ctx) bool {
	lo, hi := x.subjectRegion(i, c)
	for k := lo; k < hi && k < lo+3; k++ {
		if x.an.Toks[k].Lower == "neither" {
			for j := k + 1; j < hi; j++ {
				if x.an.Toks[j].Lower == "nor" {
					return true
				}
			}
		}
	}
	return false
}

// subordinate words end a subject region and, when they head the clause
// of a trigger, make it no commitment ("how the army would be supported").
var subordinate = set("but", "while", "whereas", "although", "though", "because", "as", "when", "if", "unless",
	"after", "before", "once", "since", "until", "whether", "how", "what", "why", "where", "so", "than", "whom", "whose")

// nonCommittal subordinators make a clause hypothetical or a question.
var nonCommittal = set("if", "unless", "whether", "how", "what", "why", "which", "where", "than", "whom", "whose", "when", "until", "once", "before", "after", "since", "because")

func (x *extractor) hasWord(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if x.an.Toks[k].Kind == discourse.Word && !x.an.Toks[k].Mark {
			return true
		}
	}
	return false
}

// subjectActors returns the IDs of the actors who commit with the verb group
// at token i, and whether a person commits for themselves.
func (x *extractor) subjectActors(i int, c ctx, prev []string) ([]string, bool) {
	a := x.an
	lo, hi := x.subjectRegion(i, c)
	slo, _ := a.Sentence(a.Toks[i].Sent)
	boundary := ""
	if lo > max(c.lo, slo) {
		boundary = a.Toks[lo-1].Lower
	}
	if !x.hasWord(lo, hi) {
		switch {
		case boundary == "and" || boundary == "but" || boundary == "or" || boundary == "," || lo == hi && hi > 0 && (a.Toks[hi-1].Lower == "and" || a.Toks[hi-1].Lower == "but"):
			if prev != nil {
				return prev, false
			}
			return x.clauseSubject(c, i)
		case boundary == "that" || boundary == "which" || boundary == "who":
			return x.antecedent(lo-1, c)
		}
		return nil, false
	}
	if nonCommittal[boundary] {
		return nil, false
	}
	if boundary == "that" && c.kind == "reported" && lo-1 > c.lo {
		// "the vote showed that the council could …": a clause embedded
		// under another verb reports no commitment of the speaker's.
		if p := lo - 2; p >= c.lo && embedding[a.Toks[p].Lower] {
			return nil, false
		}
	}
	r := a.Refer(lo, hi)
	if ids, self := x.actorsOf(r, c); len(ids) > 0 {
		return ids, self
	}
	return x.impliedActors(r, lo, hi, c), false
}

// impliedActors finds who acts when the subject names no actor itself:
//
//	EU foreign ministers agreed to add …          the body the unnamed officials belong to
//	the bloc’s next package would also target …   the owner of a policy instrument
//	the rest will follow once …, the Commission said   the speaker's side, for money and aid it gives
func (x *extractor) impliedActors(r discourse.Ref, lo, hi int, c ctx) []string {
	a := x.an
	if r.Head < 0 || r.Head >= len(a.Toks) || r.Pronoun != "" || r.Resolved() {
		return nil
	}
	head := a.Toks[r.Head].Lower
	if r.Generic && officialNouns[head] || r.Members {
		// "EU foreign ministers", "NATO allies": one body or state named
		// before the head.
		body := -1
		for k := lo; k < r.Head; k++ {
			if m := a.MentionAt(k); m >= 0 {
				act := x.d.Mentions[m].Actor
				if a.Kind(act) == pledgegraph.KindPerson || body >= 0 && body != act {
					return nil
				}
				body = act
			}
		}
		if body >= 0 {
			return x.principals([]int{body})
		}
		return nil
	}
	if r.Generic || !instrumentNouns[head] && !x.amountAt(lo, hi) {
		return nil
	}
	// The owner of the instrument: "the bloc’s next package", "its aid".
	for k := lo; k < r.Head; k++ {
		w := a.Toks[k].Lower
		if w == "'s" && k > lo {
			if acts := a.ActorOf(k - 1); len(acts) > 0 {
				return x.principals(acts)
			}
			return nil
		}
		if w == "its" || w == "their" {
			if acts := a.ActorOf(k); len(acts) > 0 {
				return x.principals(acts)
			}
			return nil
		}
	}
	// Money or aid in the words of a state or body: theirs to give.
	if c.kind != "reported" {
		return nil
	}
	return x.givers(c)
}

// givers are the principals of a report's speakers when all of them are
// states or bodies, with the institutions of a union standing for the union
// ("the European Commission said" → the European Union), or nil.
func (x *extractor) givers(c ctx) []string {
	a := x.an
	var out []string
	for _, id := range x.speakers(c) {
		k := a.Index(id)
		if k < 0 || a.Kind(k) == pledgegraph.KindPerson {
			return nil
		}
		if u := x.union(k); u != "" {
			id = u
		}
		if !containsStr(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// union returns the ID of the union whose institution actor k is ("European
// Commission" → European Union) when that union is an actor of the
// document, else "".
func (x *extractor) union(k int) string {
	name := strings.ToLower(x.d.Actors[k].Name)
	if !euInstitutions[name] {
		return ""
	}
	for _, ac := range x.d.Actors {
		if ac.Kind == pledgegraph.KindOrganization && (ac.Name == "European Union" || containsStr(ac.Aliases, "EU")) {
			return ac.ID
		}
	}
	return ""
}

// amountAt reports whether tokens [lo, hi) hold a sum of money or a count
// of units ("€120 million", "half of the 5,000 tonnes").
func (x *extractor) amountAt(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		t := x.an.Toks[k]
		if t.Kind == discourse.Number || currencySign(t.Text) {
			return true
		}
	}
	return false
}

// clauseSubject reads the subject at the start of the trigger's clause for
// a coordinated predicate with no earlier trigger ("… welcomed the funding
// but pledged …").
func (x *extractor) clauseSubject(c ctx, i int) ([]string, bool) {
	a := x.an
	slo, _ := a.Sentence(a.Toks[i].Sent)
	k := max(c.first, slo)
	j := k
	for j < i {
		t := a.Toks[j]
		if !(t.Cap() || a.MentionAt(j) >= 0 || len(a.ActorOf(j)) > 0 || discourse.IsDeterminer(t.Lower) || t.Lower == "'s" ||
			discourse.IsPersonRole(t.Lower) || discourse.IsOrgHead(t.Lower) || discourse.IsPronoun(t.Lower) || t.Mark) {
			break
		}
		j++
	}
	if j == k {
		return nil, false
	}
	return x.actorsOf(a.Refer(k, j), c)
}

// antecedent resolves a relative pronoun at token k to the actor just
// before it: "a group of 35 countries that have pledged" → the group named
// before.
func (x *extractor) antecedent(k int, c ctx) ([]string, bool) {
	a := x.an
	slo, _ := a.Sentence(a.Toks[k].Sent)
	for j := k - 1; j >= slo && j >= k-10; j-- {
		t := a.Toks[j]
		if acts := a.ActorOf(j); len(acts) > 0 {
			if m := a.MentionAt(j); m >= 0 && a.Kind(acts[0]) != pledgegraph.KindPerson {
				return x.principals(acts), false
			}
			return nil, false
		}
		if t.Kind == discourse.Word && (discourse.IsModal(t.Lower) || discourse.IsBe(t.Lower) || discourse.IsHave(t.Lower) || verbTriggers[t.Lower].lemma != "") {
			return nil, false
		}
	}
	return nil, false
}

// actorsOf maps the subject of a trigger to the actors who commit.
func (x *extractor) actorsOf(r discourse.Ref, c ctx) ([]string, bool) {
	a := x.an
	speakers := x.speakers(c)
	var ids []string
	self := false
	switch {
	case r.Pronoun != "" && discourse.IsFirstPlural(r.Pronoun):
		if c.kind != "quote" {
			return nil, false
		}
		return speakers, false
	case r.Pronoun != "" && discourse.IsFirstSingular(r.Pronoun):
		if c.kind != "quote" || c.report < 0 {
			return nil, false
		}
		for _, sp := range x.reports[c.report].Speakers {
			ids = append(ids, x.d.Actors[sp].ID)
		}
		return ids, true
	case r.Pronoun == "he" || r.Pronoun == "she" || r.Pronoun == "him" || r.Pronoun == "his" || r.Pronoun == "her":
		if c.kind == "quote" {
			return nil, false
		}
		for _, act := range r.Actors {
			if c.kind == "reported" && c.report >= 0 && containsInt(x.reports[c.report].Speakers, act) {
				self = true // the speaker about themselves: maybe a personal plan (see personal)
			}
			if p := x.principal(act); p != "" && !containsStr(ids, p) {
				ids = append(ids, p)
			}
		}
		return ids, self
	case r.Pronoun != "":
		if c.kind == "quote" {
			return nil, false
		}
		if c.kind == "reported" && c.report >= 0 && len(x.reports[c.report].Speakers) == 0 && x.clauseInitial(r.Head, c) {
			// "Gazprom said it would …" with Gazprom unknown: "it" is the
			// unnamed speaker, not whoever was named before.
			return nil, false
		}
		if c.kind == "reported" && len(speakers) > 0 && x.nonPersons(c) {
			return speakers, false // "Belgium said it would …", "Croatia and … said they would not …"
		}
		return x.principals(r.Actors), false
	case r.Members:
		if len(r.Actors) > 0 {
			return x.principals(r.Actors), false
		}
		if c.kind != "narration" {
			return speakers, false // "NATO said allies had agreed …"
		}
		return nil, false
	case r.Generic:
		return nil, false
	case r.Head >= 0 && stateHeads[a.Toks[r.Head].Lower] && a.MentionAt(r.Head) < 0 && c.kind == "reported" && len(x.sides(speakers)) > 0:
		return x.sides(speakers), false // "the government would meet its targets": the speaker's
	case r.Resolved():
		ids = x.principals(r.Actors)
		if c.kind == "quote" {
			for _, id := range ids {
				if !containsStr(speakers, id) {
					return nil, false // a quote commits only its speaker's side
				}
			}
		}
		return ids, false
	}
	return nil, false
}

// nonPersons reports whether every speaker of the context's report is a
// state or an organization.
func (x *extractor) nonPersons(c ctx) bool {
	if c.report < 0 || len(x.reports[c.report].Speakers) == 0 {
		return false
	}
	for _, sp := range x.reports[c.report].Speakers {
		if x.an.Kind(sp) == pledgegraph.KindPerson {
			return false
		}
	}
	return true
}

func (x *extractor) principals(acts []int) []string {
	var ids []string
	for _, act := range acts {
		if p := x.principal(act); p != "" && !containsStr(ids, p) {
			ids = append(ids, p)
		}
	}
	return ids
}

func containsInt(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

// clauseInitial reports whether token k opens the clause of context c (past
// a complementiser).
func (x *extractor) clauseInitial(k int, c ctx) bool {
	a := x.an
	j := c.lo
	for j < k && (a.Toks[j].Lower == "that" || a.Toks[j].Kind == discourse.Punct) {
		j++
	}
	return j == k
}

// sides keeps the states and bodies among principal IDs.
func (x *extractor) sides(ids []string) []string {
	var out []string
	for _, id := range ids {
		if k := x.an.Index(id); k >= 0 && x.an.Kind(k) != pledgegraph.KindPerson {
			out = append(out, id)
		}
	}
	return out
}
