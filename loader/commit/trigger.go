package commit

import (
	"regexp"
	"strings"

	"pledgegraph"
	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute/discourse"
)

// trigger reads the commitments carried by the word at token i, if any.
// prev are the actors of the previous trigger of the same clause, for
// coordinated predicates ("would keep … and would buy …").
func (x *extractor) trigger(i int, c ctx, prev []string) []found {
	a := x.an
	t := a.Toks[i]
	w := t.Lower
	switch {
	case w == "no" && i+2 < c.hi && (a.Toks[i+1].Lower == "intention" || a.Toks[i+1].Lower == "plans" || a.Toks[i+1].Lower == "plan"):
		// "has no intention of walking away", "has no plans to send"
		j := i + 2
		if a.Toks[j].Lower == "of" || a.Toks[j].Lower == "to" {
			return x.build(i, j+1, c, prev, "no "+a.Toks[i+1].Lower, true, "negated-intention", 0.7)
		}
	case futureModals[w]:
		return x.modal(i, c, prev)
	case w == "going" && i+2 < c.hi && a.Toks[i+1].Lower == "to" && i > 0 && (discourse.IsBe(a.Toks[i-1].Lower) || a.Toks[i-1].Lower == "not" || a.Toks[i-1].Lower == "'t"):
		// "is (not) going to send": as "will"
		neg := a.Toks[i-1].Lower == "not" || a.Toks[i-1].Lower == "'t"
		k := i - 1
		if neg {
			k--
		}
		if k < 0 || !discourse.IsBe(a.Toks[k].Lower) || nonVolitional[a.Toks[i+2].Lower] || discourse.IsBe(a.Toks[i+2].Lower) || !x.verbLike(i+2) {
			return nil
		}
		mod := "going to"
		if neg {
			mod = "not going to"
		}
		return x.buildFrom(k, i, i+2, c, prev, mod, neg, "going-to", 0.7)
	case readiness[w]:
		if fs := x.ready(i, c, prev); fs != nil {
			return fs
		}
	}
	vt, ok := verbTriggers[w]
	if !ok || !x.verbal(i) {
		return nil
	}
	if c.kind == "quote" && !x.firstPersonBefore(i, c) {
		return nil
	}
	j := i + 1
	modality := t.Text
	if vt.lemma == "back" && j < c.hi && (a.Toks[j].Lower == "out" || a.Toks[j].Lower == "off" || a.Toks[j].Lower == "down" || a.Toks[j].Lower == "away") {
		return nil // "backed out of the deal": a withdrawal, not backing
	}
	if vt.lemma == "rule out" {
		if j >= c.hi || a.Toks[j].Lower != "out" {
			return nil
		}
		modality = t.Text + " out"
		j++
	}
	j = x.skipAdjuncts(j, c.hi)
	if j >= c.hi {
		return nil
	}
	n := a.Toks[j]
	switch {
	case vt.toInf && (n.Lower == "not" || n.Lower == "never") && j+2 < c.hi && a.Toks[j+1].Lower == "to" && x.verbLike(j+2) && !vt.negative:
		// "promised not to introduce", "pledged never to recognise": a refusal.
		return x.build(i, j+2, c, prev, modality+" "+n.Text+" to", true, "verb-"+strings.ReplaceAll(vt.lemma, " ", "-"), 0.85)
	case vt.toInf && n.Lower == "to" && j+1 < c.hi && x.verbLike(j+1):
		return x.build(i, j+1, c, prev, modality, vt.negative, "verb-"+strings.ReplaceAll(vt.lemma, " ", "-"), 0.85)
	case vt.lemma == "agree" && (t.Lower == "agree" || t.Lower == "agrees") && (n.Lower == "on" || n.Lower == "with" || n.Lower == "about"):
		return nil // "Kroll and Tkachuk agree on the diagnosis": a shared view, not an undertaking
	case vt.lemma == "agree" && (n.Lower == "on" || n.Lower == "about") && opinionNouns[x.headNoun(j+1, c.hi)]:
		return nil // "agreed on the need for …"
	case (vt.lemma == "agree" || vt.lemma == "commit") && (n.Lower == "to" || n.Lower == "on") && j+1 < c.hi:
		// "agreed to a ceasefire", "agreed on a new package": the thing agreed.
		return x.buildObject(i, j+1, c, prev, vt.lemma+" "+n.Lower, modality, vt.negative, "verb-"+vt.lemma, 0.75)
	case vt.gerund && n.Kind == discourse.Word && strings.HasSuffix(n.Lower, "ing") && !n.Cap():
		return x.build(i, j, c, prev, modality, vt.negative, "verb-"+strings.ReplaceAll(vt.lemma, " ", "-"), 0.85)
	case vt.object && !n.Mark && n.Lower != "that" && n.Lower != "to" && (n.Kind != discourse.Punct || currencySign(n.Text)):
		if vt.negative && communicative[x.headNoun(j, c.hi)] {
			return nil // "rejected any suggestion that …"
		}
		verb := "provide"
		switch vt.lemma {
		case "back", "endorse", "guarantee":
			verb = vt.lemma
		case "reject", "rule out":
			verb = "accept"
		}
		if (vt.lemma == "pledge" || vt.lemma == "promise" || vt.lemma == "vow" || vt.lemma == "offer" || vt.lemma == "commit") && !x.givable(j, c.hi) {
			return nil // "offered condolences", "promised a review": not a commitment to act
		}
		fs := x.buildObject(i, j, c, prev, verb, modality, vt.negative, "verb-"+strings.ReplaceAll(vt.lemma, " ", "-"), 0.8)
		return fs
	}
	return nil
}

// verbal reports whether a trigger word at i is a finite verb (not "the
// promised guarantees", "the offers", "was pledged", "backed by").
func (x *extractor) verbal(i int) bool {
	a := x.an
	t := a.Toks[i]
	lo, _ := a.Sentence(t.Sent)
	if i > lo {
		p := a.Toks[i-1].Lower
		if discourse.IsDeterminer(p) && p != "that" && p != "each" && p != "both" && p != "all" || p == "'s" {
			return false
		}
		if discourse.IsBe(p) && p != "'s" && t.Lower != "committed" {
			return false
		}
		if m := a.MentionAt(i - 1); m >= 0 && x.d.Mentions[m].Kind == annot.Demonym {
			return false // "Chinese offer"
		}
	}
	if i+1 < len(a.Toks) && a.Toks[i+1].Lower == "by" {
		return false
	}
	if strings.HasSuffix(t.Lower, "ing") {
		// a participle commits only after a comma or conjunction ("…, pledging to")
		return i > lo && (a.Toks[i-1].Text == "," || a.Toks[i-1].Lower == "and")
	}
	if strings.HasSuffix(t.Lower, "s") && !strings.HasSuffix(t.Lower, "ss") && i > lo {
		// "pledges", "offers", "plans": verbs only after a subject
		p := a.Toks[i-1]
		if !(discourse.IsPronoun(p.Lower) || a.MentionAt(i-1) >= 0 || len(a.ActorOf(i-1)) > 0 || discourse.IsAdverb(p.Lower) || p.Cap()) {
			return false
		}
	}
	return true
}

// skipAdjuncts skips adverbs and a short time or place phrase between a
// trigger and its complement ("pledged on Tuesday to", "each promised").
func (x *extractor) skipAdjuncts(j, hi int) int {
	a := x.an
	for j < hi && discourse.IsAdverb(a.Toks[j].Lower) && a.Toks[j].Lower != "not" && a.Toks[j].Lower != "never" {
		j++
	}
	if j < hi && (a.Toks[j].Lower == "on" || a.Toks[j].Lower == "in" || a.Toks[j].Lower == "at" || a.Toks[j].Lower == "late" || a.Toks[j].Lower == "earlier") {
		for k := j + 1; k < hi && k <= j+4; k++ {
			if a.Toks[k].Lower == "to" {
				return k
			}
			if a.Toks[k].Kind == discourse.Punct {
				break
			}
		}
	}
	return j
}

// verbLike reports whether token j can be the verb of a "to"-infinitive.
func (x *extractor) verbLike(j int) bool {
	t := x.an.Toks[j]
	if t.Mark {
		return j+1 < len(x.an.Toks) && x.verbLike(j+1)
	}
	return t.Kind == discourse.Word && !t.Cap() && !discourse.IsDeterminer(t.Lower) && x.an.MentionAt(j) < 0
}

// headNoun returns the lower-cased head of the noun phrase starting at j.
func (x *extractor) headNoun(j, hi int) string {
	a := x.an
	head := ""
	for k := j; k < hi && k < j+6; k++ {
		t := a.Toks[k]
		if t.Kind == discourse.Punct || t.Lower == "that" || t.Lower == "of" || t.Lower == "to" || t.Lower == "by" {
			break
		}
		head = t.Lower
	}
	return head
}

// givable reports whether the object of "pledged"/"offered" is something
// given or sent: an amount, a count of units, aid, support, or a noun phrase
// naming equipment or forces.
func (x *extractor) givable(j, hi int) bool {
	a := x.an
	end := j
	for end < hi && end < j+8 && (a.Toks[end].Kind != discourse.Punct || currencySign(a.Toks[end].Text)) && a.Toks[end].Lower != "to" && a.Toks[end].Lower != "for" {
		end++
	}
	text := x.textOf(j, end)
	if amountRE.MatchString(text) || strings.ContainsAny(text, "0123456789") {
		return true
	}
	for k := j; k < end; k++ {
		if givableNouns[a.Toks[k].Lower] || units[a.Toks[k].Lower] {
			return true
		}
	}
	return false
}

var givableNouns = set("aid", "support", "money", "funds", "funding", "assistance", "help", "loans", "loan", "grants",
	"grant", "weapons", "arms", "equipment", "ammunition", "troops", "forces", "contribution", "contributions",
	"backing", "protection", "guarantees", "guarantee", "cooperation", "access", "training", "supplies", "vaccines",
	"food", "wheat", "grain", "fuel", "oil", "gas", "shelter", "asylum", "sanctuary", "package", "investment",
	"investments", "credit", "relief", "debt", "tanks", "jets", "missiles", "units", "battalion", "brigade", "ships", "resources")

// firstPersonBefore reports whether, inside a quote, the subject of the
// trigger at i is "we"/"I" or the speaker's own state or body.
func (x *extractor) firstPersonBefore(i int, c ctx) bool {
	acts, _ := x.subjectActors(i, c, nil)
	return len(acts) > 0
}

// modal reads "X will/would/could (not) VERB …".
func (x *extractor) modal(i int, c ctx, prev []string) []found {
	a := x.an
	if c.kind == "narration" && a.Toks[i].Lower != "will" && a.Toks[i].Lower != "'ll" && a.Toks[i].Lower != "wo" && a.Toks[i].Lower != "shall" {
		return nil // "would" and "could" commit only when someone says so
	}
	j := i + 1
	neg := false
	for j < c.hi {
		w := a.Toks[j].Lower
		if a.Toks[j].Mark {
			j++
			continue
		}
		if w == "not" || w == "'t" || w == "never" {
			neg = true
			j++
			continue
		}
		if w == "," || w == "however" || w == "though" || w == "therefore" || w == "in" && j+1 < c.hi && a.Toks[j+1].Lower == "turn" {
			j++ // "would not, however, send"
			continue
		}
		if hedges[w] {
			return nil
		}
		if discourse.IsAdverb(w) {
			j++
			continue
		}
		break
	}
	if j >= c.hi {
		return nil
	}
	// The modality as written: the modal and its negation ("would not",
	// "won’t"), without adverbs or asides.
	modality := a.Toks[i].Text
	for k := i + 1; k < j; k++ {
		switch w := a.Toks[k].Lower; {
		case w == "'t":
			modality += a.Toks[k].Text
		case w == "not" || w == "never":
			modality += " " + a.Toks[k].Text
		}
	}
	v := a.Toks[j].Lower
	switch {
	case v == "be" && j+2 < c.hi && readiness[a.Toks[j+1].Lower] && a.Toks[j+2].Lower == "to":
		return x.build(i, j+3, c, prev, modality+" be "+a.Toks[j+1].Text, neg, "readiness", 0.8)
	case v == "be" && j+1 < c.hi && participle(a.Toks[j+1].Lower) && !neg:
		return x.passive(i, j+1, c, modality)
	case v == "have" && j+1 < c.hi && a.Toks[j+1].Lower == "to":
		return nil // an obligation: "will have to make compromises"
	case deliberative[v] && j+1 < c.hi && x.gerundAt(j+1):
		// "would consider sanctioning …": the act considered.
		x.used[j] = true
		return x.build(i, j+1, c, prev, modality+" "+a.Toks[j].Text, neg, "modal-consider", 0.65)
	case x.nonVolitionalAt(j, c.hi) || discourse.IsBe(v) || discourse.IsModal(v) || v == "rule" && neg:
		return nil
	}
	if !x.verbLike(j) {
		return nil
	}
	rule := "modal-" + c.kind
	conf := 0.75
	if c.kind == "quote" {
		conf = 0.7
	}
	if deliberative[v] {
		modality += " " + a.Toks[j].Text // "would consider additional funding"
	}
	fs := x.build(i, j, c, prev, modality, neg, rule, conf)
	if len(fs) > 0 {
		x.used[j] = true
	}
	return fs
}

// participle reports whether w is a past participle: "-ed" or irregular
// ("paid", "sent", "given").
func participle(w string) bool {
	if strings.HasSuffix(w, "ed") && len(w) > 3 {
		return true
	}
	b, ok := irregular[w]
	return ok && b != w && !strings.HasSuffix(w, "ing")
}

// gerundAt reports whether token j (past quote marks) is a lower-case -ing
// verb.
func (x *extractor) gerundAt(j int) bool {
	a := x.an
	for j < len(a.Toks) && a.Toks[j].Mark {
		j++
	}
	return j < len(a.Toks) && a.Toks[j].Kind == discourse.Word && !a.Toks[j].Cap() && strings.HasSuffix(a.Toks[j].Lower, "ing") &&
		len(a.Toks[j].Lower) > 5 && a.MentionAt(j) < 0
}

// nonVolitionalAt reports whether the verb at token j describes an outcome
// rather than an act (see nonVolitional), reading what follows where that
// decides it: "would respond with …" is an act, "would respond to
// questions" is not; "will find the money" is, "would find it hard" is not.
func (x *extractor) nonVolitionalAt(j, hi int) bool {
	a := x.an
	v := lemma(a.Toks[j].Lower)
	if !nonVolitional[v] {
		return false
	}
	n := j + 1
	for n < hi && a.Toks[n].Mark {
		n++
	}
	next := ""
	if n < hi {
		next = a.Toks[n].Lower
	}
	switch v {
	case "respond", "answer", "react", "retaliate":
		// "would respond with …", "would respond in kind", "would react
		// accordingly": an act; "would not respond to questions" is not.
		return !(next == "with" || next == "in" || next == "by" || next == "accordingly" ||
			len(next) > 4 && strings.HasSuffix(next, "ly") && next != "likely")
	case "find":
		return !(next == "the" || next == "a" || next == "new" || next == "more" || next == "other" || next == "alternative" ||
			next == "money" || next == "funds" || next == "funding" || next == "ways" || next == "solutions")
	}
	return true
}

// ready reads "X is/was ready (prepared, willing) to VERB".
func (x *extractor) ready(i int, c ctx, prev []string) []found {
	a := x.an
	lo, _ := a.Sentence(a.Toks[i].Sent)
	k := i - 1
	for k >= lo && discourse.IsAdverb(a.Toks[k].Lower) {
		k--
	}
	if k < lo {
		return nil
	}
	p := a.Toks[k].Lower
	if !(discourse.IsBe(p) || p == "stands" || p == "stood" || p == "stand" || p == "remains" || p == "remained" || p == "said") {
		return nil
	}
	if discourse.IsModal(a.Toks[max(lo, k-1)].Lower) {
		return nil // handled with the modal ("would be ready to")
	}
	j := i + 1
	if j+1 >= c.hi || a.Toks[j].Lower != "to" || !x.verbLike(j+1) {
		return nil
	}
	if c.kind == "quote" && !x.firstPersonBefore(k, c) {
		return nil
	}
	neg := false
	for m := k; m < i; m++ {
		if a.Toks[m].Lower == "not" || a.Toks[m].Lower == "'t" {
			neg = true
		}
	}
	return x.buildFrom(k, i, j+1, c, prev, a.Toks[i].Text, neg, "readiness", 0.8)
}

// build reads a commitment whose verb phrase starts at token v, with the
// trigger at i (its subject is left of i).
func (x *extractor) build(i, v int, c ctx, prev []string, modality string, neg bool, rule string, conf float64) []found {
	return x.buildFrom(i, i, v, c, prev, modality, neg, rule, conf)
}

// buildFrom is build with the subject searched left of token s (the
// auxiliary of "was ready to").
func (x *extractor) buildFrom(s, i, v int, c ctx, prev []string, modality string, neg bool, rule string, conf float64) []found {
	acts, self := x.subjectActors(s, c, prev)
	if len(acts) == 0 {
		return nil
	}
	if x.neitherSubject(s, c) {
		neg = true
	}
	var out []found
	for _, vp := range x.verbPhrases(v, c) {
		acts := acts
		if self && personalVerbs[strings.Fields(vp.action)[0]] {
			acts = x.personal(s, c) // "she would travel to …": her own plan
		}
		if verb := strings.Fields(vp.action)[0]; deliveryVerbs[verb] {
			// "the rest will follow": its giver provides it.
			lo, hi := x.subjectRegion(s, c)
			r := x.an.Refer(lo, hi)
			if r.Resolved() || r.Pronoun != "" || !x.hasWord(lo, hi) {
				continue
			}
			subj := x.textOf(lo, hi)
			if x.an.MentionAt(lo) < 0 {
				subj = strings.ToLower(subj[:1]) + subj[1:]
			}
			vp.action = strings.Join(strings.Fields("provide "+subj+" "+strings.TrimPrefix(vp.action, verb)), " ")
		}
		f := found{actors: acts, self: self, action: vp.action, negative: neg, modality: modality, condition: vp.condition,
			lo: x.evidenceStart(s, c), hi: vp.end, rule: rule, conf: conf, ctx: c}
		if f.action == "" {
			continue
		}
		f.amount = findAmount(vp.action)
		f.target = x.target(vp.lo, vp.actEnd, acts)
		out = append(out, f)
	}
	return out
}

// buildObject reads "pledged €650 million", "backed security guarantees",
// "ruled out a moratorium": the verb is supplied.
func (x *extractor) buildObject(i, j int, c ctx, prev []string, verb, modality string, neg bool, rule string, conf float64) []found {
	acts, self := x.subjectActors(i, c, prev)
	if len(acts) == 0 {
		return nil
	}
	if x.neitherSubject(i, c) {
		neg = true
	}
	end, cond, condEnd := x.phraseEnd(j, c, false)
	obj := x.textOf(j, end)
	if obj == "" {
		return nil
	}
	f := found{actors: acts, self: self, action: verb + " " + obj, negative: neg, modality: modality, condition: cond,
		lo: x.evidenceStart(i, c), hi: max(end, condEnd), rule: rule, conf: conf, ctx: c}
	f.amount = findAmount(obj)
	f.target = x.target(j, end, acts)
	out := []found{f}
	// "backed security guarantees, including leading a truce monitoring mechanism"
	a := x.an
	if end+2 < c.hi && a.Toks[end].Text == "," && a.Toks[end+1].Lower == "including" && strings.HasSuffix(a.Toks[end+2].Lower, "ing") {
		for _, vp := range x.verbPhrases(end+2, c) {
			g := f
			g.action, g.condition, g.hi = vp.action, vp.condition, vp.end
			g.amount, g.target = findAmount(vp.action), x.target(vp.lo, vp.actEnd, acts)
			if g.target == "" {
				g.target = f.target
			}
			out = append(out, g)
		}
	}
	return out
}

// evidenceStart is where a commitment's evidence begins: its subject's
// start when near, else the trigger.
func (x *extractor) evidenceStart(i int, c ctx) int {
	lo, _ := x.subjectRegion(i, c)
	if lo < i && i-lo < 25 {
		return lo
	}
	return i
}

// passive reads "X would be processed …" in reported speech from a state or
// a body: the speaker's principal commits to process X.
func (x *extractor) passive(i, part int, c ctx, modality string) []found {
	if c.kind != "reported" || (modality != "would" && modality != "will" && modality != "could") {
		return nil
	}
	a := x.an
	lo, hi := x.subjectRegion(i, c)
	if hi <= lo {
		return nil
	}
	if lo > 0 && nonCommittal[a.Toks[lo-1].Lower] {
		return nil // "how the army would be supported"
	}
	if r := a.Refer(lo, hi); r.Rule == "state-body" && len(r.Actors) == 1 {
		// "British troops could be deployed": the state deploys its own
		// forces. Other passives ("the army would be supported") have
		// another agent.
		verb := Base(a.Toks[part].Lower)
		if !ownForces[verb] {
			return nil
		}
		end, cond, condEnd := x.phraseEnd(part+1, c, false)
		action := verb + " " + x.textOf(lo, hi)
		if rest := x.textOf(part+1, end); rest != "" {
			action += " " + rest
		}
		f := found{actors: x.principals(r.Actors), action: action, modality: modality, condition: cond, lo: lo,
			hi: max(end, condEnd), rule: "passive-state", conf: 0.6, ctx: c}
		f.amount = findAmount(action)
		return []found{f}
	} else if r.Resolved() || r.Pronoun != "" || r.Generic {
		return nil
	}
	acts := x.givers(c)
	if len(acts) == 0 || modality == "could" {
		return nil // "could be diverted": a possibility, not an undertaking
	}
	verb := Base(a.Toks[part].Lower)
	if nonVolitional[verb] || verb == "base" || verb == "expect" || verb == "see" || verb == "need" {
		return nil
	}
	end, cond, condEnd := x.phraseEnd(part+1, c, false)
	action := verb + " " + x.textOf(lo, hi)
	if rest := x.textOf(part+1, end); rest != "" {
		action += " " + rest
	}
	f := found{actors: acts, action: action, modality: modality, condition: cond, lo: lo, hi: max(end, condEnd),
		rule: "passive-reported", conf: 0.6, ctx: c}
	f.amount = findAmount(action)
	return []found{f}
}

// vp is one verb phrase read from a trigger's complement.
type vp struct {
	action     string
	condition  string
	lo, actEnd int // token range of the action
	end        int // end of the action and its condition
}

// verbPhrases reads the verb phrase at v, and the further phrases a list
// coordinates with it ("to establish …, and to continue supplying …, as
// well as back them up …").
func (x *extractor) verbPhrases(v int, c ctx) []vp {
	a := x.an
	var out []vp
	for guard := 0; guard < 4 && v < c.hi; guard++ {
		for v < c.hi && a.Toks[v].Mark {
			v++
		}
		if v >= c.hi || !x.verbLike(v) {
			break
		}
		verb := lemma(a.Toks[v].Lower)
		if discourse.IsBe(a.Toks[v].Lower) || x.nonVolitionalAt(v, c.hi) {
			break
		}
		end, cond, condEnd := x.phraseEnd(v+1, c, true)
		words := x.textOf(v+1, end)
		if aspectual[verb] && !hasContent(words) {
			break // "we will not stop now"
		}
		action := verb
		if words != "" {
			action += " " + words
		}
		out = append(out, vp{action: action, condition: cond, lo: v, actEnd: end, end: max(end, condEnd)})
		// A coordinated infinitive or "as well as" continues the list.
		k := end
		if k < c.hi && a.Toks[k].Text == "," {
			k++
		}
		switch {
		case k+1 < c.hi && a.Toks[k].Lower == "and" && a.Toks[k+1].Lower == "to":
			v = k + 2
		case k+2 < c.hi && a.Toks[k].Lower == "as" && a.Toks[k+1].Lower == "well" && a.Toks[k+2].Lower == "as":
			v = k + 3
		default:
			return out
		}
	}
	return out
}

func hasContent(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if !discourse.IsAdverb(w) && len(w) > 2 {
			return true
		}
	}
	return false
}

// phraseEnd finds where a verb phrase or object starting at j ends, and the
// condition that follows it. list reports whether list coordination ends
// the phrase ("…, and to continue …").
func (x *extractor) phraseEnd(j int, c ctx, list bool) (end int, cond string, condEnd int) {
	a := x.an
	limit := min(c.hi, j+24)
	k := j
	for ; k < limit; k++ {
		t := a.Toks[k]
		w := t.Lower
		if m := x.conditionAt(k, c.hi); m > 0 {
			ce := x.conditionEnd(k+m, c)
			return k, x.textOf(k, ce), ce
		}
		if t.Mark && !t.Open && c.kind == "quote" {
			return k, "", k
		}
		switch {
		case w == ";" || w == ":" || w == "—" || w == "–" || w == "." || w == "?" || w == "!":
			return k, "", k
		case w == ",":
			if k+1 < c.hi && a.Toks[k+1].Lower == "but" && k+3 < c.hi && a.Toks[k+2].Lower == "only" {
				if m := x.conditionAt(k+3, c.hi); m > 0 {
					ce := x.conditionEnd(k+3+m, c)
					return k, x.textOf(k+2, ce), ce
				}
			}
			if !x.listComma(k, c.hi) {
				return k, "", k
			}
		case w == "but" || w == "while" || w == "whereas" || w == "although" || w == "though" || w == "because" || w == "which" || w == "who" ||
			(w == "after" || w == "when" || w == "since") && k > j:
			return k, "", k
		case w == "as" && k+1 < c.hi && a.Toks[k+1].Lower != "well" && a.Toks[k+1].Lower != "part" && a.Toks[k+1].Lower != "a" && a.Toks[k+1].Lower != "many" && a.Toks[k+1].Lower != "much":
			if k > j && a.Toks[k-1].Lower == "such" {
				continue
			}
			return k, "", k
		case w == "and" && k+1 < c.hi && (x.predicateStart(k+1) || x.newClauseAfter(k+1, c.hi)):
			return k, "", k
		case w == "and" && list && k+1 < c.hi && a.Toks[k+1].Lower == "to":
			return k, "", k
		case w == "and" && k+1 < c.hi && a.Toks[k+1].Lower == "that":
			return k, "", k // "… for ammunition and that the first deliveries would …": a second reported clause
		case isParticipleAfterComma(a, k, j):
			return k, "", k
		}
	}
	return k, "", k
}

func isParticipleAfterComma(a *discourse.Analysis, k, j int) bool {
	return k > j && a.Toks[k-1].Text == "," && strings.HasSuffix(a.Toks[k].Lower, "ing") && !a.Toks[k].Cap()
}

// listComma reports whether the comma at k separates items of a list
// ("air, land and sea support") rather than clauses.
func (x *extractor) listComma(k, hi int) bool {
	a := x.an
	if k+1 >= hi {
		return false
	}
	n := a.Toks[k+1]
	if n.Kind != discourse.Word || subordinatorOrConj[n.Lower] || strings.HasSuffix(n.Lower, "ing") || n.Lower == "to" {
		return false
	}
	for m := k + 2; m < hi && m <= k+4; m++ {
		if a.Toks[m].Text == "," {
			return x.listComma(m, hi)
		}
		if a.Toks[m].Lower == "and" || a.Toks[m].Lower == "or" {
			return m+1 < hi && !x.predicateStart(m+1) && a.Toks[m+1].Lower != "to"
		}
	}
	return false
}

var subordinatorOrConj = set("and", "but", "or", "while", "whereas", "as", "which", "who", "whose", "where", "when",
	"if", "unless", "once", "including", "a", "an", "the", "although", "though", "because", "so", "then", "not")

// predicateStart reports whether token k starts a coordinated predicate
// ("… and would buy", "… and was prepared to", "… but ruled out").
func (x *extractor) predicateStart(k int) bool {
	a := x.an
	w := a.Toks[k].Lower
	if futureModals[w] || discourse.IsModal(w) || discourse.IsBe(w) && w != "'s" || discourse.IsHave(w) {
		return true
	}
	if vt, ok := verbTriggers[w]; ok && !strings.HasSuffix(w, "ing") {
		_ = vt
		return true
	}
	if w == "said" || w == "says" || w == "called" || w == "warned" || w == "added" || w == "urged" {
		return true
	}
	return false
}

// conditionAt returns the length in tokens of a condition marker at k, or 0.
func (x *extractor) conditionAt(k, hi int) int {
	a := x.an
	for _, m := range conditionMarkers {
		ws := strings.Fields(m)
		if k+len(ws) > hi {
			continue
		}
		ok := true
		for n, w := range ws {
			if a.Toks[k+n].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			if m == "once" && k+1 < hi && (a.Toks[k+1].Lower == "again" || a.Toks[k+1].Lower == "more") {
				continue
			}
			if m == "until" && k+1 < hi && (a.Toks[k+1].Kind == discourse.Number || timeWords[a.Toks[k+1].Lower] ||
				k+2 < hi && (a.Toks[k+1].Lower == "the" || a.Toks[k+1].Lower == "at") && timeWords[a.Toks[k+2].Lower]) {
				continue // "until 2027", "until April", "until the end of …": a time, not a condition
			}
			return len(ws)
		}
	}
	return 0
}

// conditionEnd finds where a condition starting at k (after its marker) ends.
func (x *extractor) conditionEnd(k int, c ctx) int {
	a := x.an
	inQuote := k < len(a.Toks) && a.Toks[k].Quote >= 0
	for ; k < c.hi; k++ {
		t := a.Toks[k]
		if t.Mark && !t.Open && (inQuote || c.kind == "quote") {
			return k
		}
		switch t.Lower {
		case ";", ".", "—", "?", "!":
			return k
		case "and":
			if k+2 < c.hi && a.Toks[k+1].Lower == "to" && x.verbLike(k+2) {
				return k // "… until April and to keep schools heated"
			}
		case ",":
			if k+1 < c.hi {
				n := a.Toks[k+1].Lower
				if n == "but" || n == "while" || n == "whereas" || n == "as" || n == "and" || n == "which" ||
					strings.HasSuffix(n, "ing") || x.predicateStart(k+1) || a.Toks[k+1].Cap() {
					return k
				}
			}
		}
	}
	return k
}

// cond is a condition read at the start of a sentence or clause.
type cond struct {
	text   string
	lo, hi int
}

// leadingCondition reads a condition that opens tokens [lo, hi) and ends at
// its comma: "If the European side removes the obstacles, …", "In the event
// of a ceasefire, …".
func (x *extractor) leadingCondition(lo, hi int) cond {
	a := x.an
	k := lo
	for k < hi && (a.Toks[k].Mark || a.Toks[k].Lower == "but" || a.Toks[k].Lower == "and" || a.Toks[k].Lower == "that") {
		k++
	}
	m := x.conditionAt(k, hi)
	if m == 0 {
		return cond{}
	}
	for e := k + m; e < hi && e < k+30; e++ {
		if a.Toks[e].Text == "," {
			return cond{text: x.textOf(k, e), lo: k, hi: e}
		}
	}
	return cond{}
}

// amountRE matches money and counted units as written.
var amountRE = regexp.MustCompile(`(?i)(?:(?:[A-Z]{1,3})?[$€£¥₹₽]|US\$|(?:USD|EUR|GBP)\s?)\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|mn|m|k)\b)?` +
	`|\d[\d,.]*(?:\s(?:million|billion|trillion))?\s(?:` + wordsAlt(currencyWords) + `)\b` +
	`|(?:about |some |another |up to |more than |at least |nearly |around |over |roughly )?\d[\d,.]*(?:\s(?:million|billion|thousand))?(?:\s[\w-]+){0,3}\s(?:` + wordsAlt(units) + `)\b`)

func wordsAlt(m map[string]bool) string {
	var ws []string
	for w := range m {
		ws = append(ws, regexp.QuoteMeta(w))
	}
	// longest first so "police officers" wins over "police"
	for i := range ws {
		for j := i + 1; j < len(ws); j++ {
			if len(ws[j]) > len(ws[i]) || len(ws[j]) == len(ws[i]) && ws[j] < ws[i] {
				ws[i], ws[j] = ws[j], ws[i]
			}
		}
	}
	return strings.Join(ws, "|")
}

// findAmount returns the first amount written in s, or "".
func findAmount(s string) string {
	return strings.TrimSpace(amountRE.FindString(s))
}

// target returns the ID of the first actor the action is aimed at: named
// within three words after to/for/in/into/across/towards, or as the verb's
// object or its modifier ("support Ukraine", "deploy forces to Ukrainian
// territory", "train Haitian police"), other than the committing actors. Names inside
// compounds ("US-led", "Chinese-made") and after "against" are not targets.
func (x *extractor) target(lo, hi int, acts []string) string {
	a := x.an
	for k := lo; k < hi; k++ {
		ids := a.ActorOf(k)
		if len(ids) == 0 || a.Toks[k].Mark || a.Kind(ids[0]) == pledgegraph.KindPerson {
			continue
		}
		if m := a.MentionAt(k); m >= 0 && x.d.Mentions[m].End < a.Toks[k].End && strings.Contains(a.Toks[k].Text, "-") {
			continue // a compound: "US-led"
		}
		id := x.d.Actors[ids[0]].ID
		if containsStr(acts, id) {
			continue
		}
		prep, against := false, false
		for p := k - 1; p >= lo && p >= k-3; p-- {
			switch a.Toks[p].Lower {
			case "to", "for", "in", "into", "across", "towards", "toward", "inside", "on", "with":
				prep = true
			case "against", "from", "by", "than", "without":
				against = true
			}
		}
		// The verb's object or its modifier: "support Ukraine", "train
		// Haitian police".
		object := k-lo <= 2
		if !against && (prep || object) {
			return id
		}
	}
	return ""
}

func currencySign(s string) bool { return strings.ContainsAny(s, "$€£¥₹₽") }

// personal returns the IDs of the persons a pronoun subject left of token s
// refers to.
func (x *extractor) personal(s int, c ctx) []string {
	lo, hi := x.subjectRegion(s, c)
	var ids []string
	for _, act := range x.an.Refer(lo, hi).Actors {
		ids = append(ids, x.d.Actors[act].ID)
	}
	return ids
}

// lemma is the base of a verb read after "to" or a modal (already base) or
// as a gerund ("sending" → "send").
func lemma(w string) string {
	if strings.HasSuffix(w, "ing") && len(w) > 5 {
		return Base(w)
	}
	return w
}

// newClauseAfter reports whether a coordinated clause with its own subject
// starts at k: "… and Western donors promised new money".
func (x *extractor) newClauseAfter(k, hi int) bool {
	a := x.an
	// "… and Hungary blocks EU funding": a named subject and a finite verb,
	// not the last item of a list of names ("Turkish, Russian and UN
	// officers").
	if m := a.MentionAt(k); m >= 0 && a.Toks[k].Cap() && !(k >= 2 && a.MentionAt(k-2) >= 0) {
		j := k
		for j < hi && a.MentionAt(j) == m {
			j++
		}
		if j < hi {
			n := a.Toks[j]
			if n.Kind == discourse.Word && !n.Cap() && a.MentionAt(j) < 0 && n.Lower != "'s" &&
				(strings.HasSuffix(n.Lower, "ed") || strings.HasSuffix(n.Lower, "s") && !strings.HasSuffix(n.Lower, "ss") && !nounLike[n.Lower]) {
				return true
			}
		}
	}
	for j := k; j < hi && j < k+5; j++ {
		t := a.Toks[j]
		w := t.Lower
		if t.Kind == discourse.Punct || w == "that" || w == "which" || w == "who" || w == "to" || w == "but" || w == "and" || w == "or" {
			return false
		}
		if j > k && (x.predicateStart(j) && !(discourse.IsBe(w) || discourse.IsHave(w)) || w == "said" || w == "says") {
			return true
		}
	}
	return false
}
