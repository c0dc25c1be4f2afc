package discourse

import (
	"pledgegraph"
	"pledgegraph/loader/annot"
)

// Ref is what a noun phrase refers to.
type Ref struct {
	Actors  []int  // indices into Doc.Actors; several for a coordination ("Norway and Denmark")
	Generic bool   // unnamed people or bodies ("officials", "two diplomats", "a State Department official")
	Pronoun string // the lower-cased pronoun heading the phrase, or ""
	Members bool   // the phrase names the members of a group ("allies", "its members")
	Head    int    // token index of the head, or -1
	Rule    string // how it was resolved: "mention", "pronoun", "role", "state-body", "coordination", "apposition"
}

// Resolved reports whether the phrase names at least one actor.
func (r Ref) Resolved() bool { return len(r.Actors) > 0 }

// Refer resolves the noun phrase made of tokens [lo, hi): a mention, a
// coordination of mentions, an apposition ("The UN envoy, Marc-André
// Tessier"), a pronoun, a role noun ("the minister"), a state body ("German
// forces", "his government") or generic people ("officials"). Relative
// clauses, parentheses and "including …" lists are skipped.
func (a *Analysis) Refer(lo, hi int) Ref {
	if lo < 0 {
		lo = 0
	}
	if hi > len(a.Toks) {
		hi = len(a.Toks)
	}
	toks := a.npTokens(lo, hi)
	if len(toks) == 0 {
		return Ref{Head: -1}
	}
	// Top-level comma parts.
	var parts [][]int
	var cur []int
	for _, i := range toks {
		if a.Toks[i].Text == "," {
			if len(cur) > 0 {
				parts = append(parts, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, i)
	}
	if len(cur) > 0 {
		parts = append(parts, cur)
	}
	// Conjuncts: split each part on "and"/"or" that no mention covers.
	var conj [][]int
	sawAnd := false
	for _, p := range parts {
		var c []int
		for k, i := range p {
			w := a.Toks[i].Lower
			if (w == "and" || w == "or" || w == "&" || w == "nor") && a.ment[i] < 0 && k > 0 {
				sawAnd = true
				if len(c) > 0 {
					conj = append(conj, c)
				}
				c = nil
				continue
			}
			c = append(c, i)
		}
		if len(c) > 0 {
			conj = append(conj, c)
		}
	}
	if sawAnd && len(conj) > 1 {
		var acts []int
		ok := true
		for _, c := range conj {
			r := a.referSimple(c)
			if !r.Resolved() {
				ok = false
				break
			}
			for _, x := range r.Actors {
				if !contains(acts, x) {
					acts = append(acts, x)
				}
			}
		}
		if ok {
			return Ref{Actors: acts, Head: conj[len(conj)-1][len(conj[len(conj)-1])-1], Rule: "coordination"}
		}
	}
	// A leading adverbial is no part of the phrase: "Speaking alongside
	// Starmer, Chancellor Merz", "In Moscow, Kremlin spokesman …".
	for len(parts) > 1 && adverbialPart(a, parts[0]) {
		parts = parts[1:]
	}
	if len(parts) == 1 {
		return a.referSimple(parts[0])
	}
	// Apposition: prefer the part naming a person, else the first part that
	// resolves.
	var first, person Ref
	firstSet, personSet := false, false
	for _, p := range parts {
		r := a.referSimple(p)
		if r.Resolved() && len(r.Actors) == 1 && a.Kind(r.Actors[0]) == pledgegraph.KindPerson {
			if r.Rule == "mention" {
				r.Rule = "apposition"
				return r // a named person beats a role: "Ukraine’s deputy minister, Oksana Lytvyn"
			}
			if !personSet {
				person, personSet = r, true
			}
		}
		if !firstSet && (r.Resolved() || r.Generic) {
			first, firstSet = r, true
		}
	}
	if personSet {
		return person
	}
	if firstSet {
		return first
	}
	return a.referSimple(parts[0])
}

// npTokens lists the tokens of [lo, hi) that belong to the phrase proper:
// quote marks, parenthesised words, relative clauses and lists introduced by
// "including" are dropped, as are trailing punctuation and adverbs.
func (a *Analysis) npTokens(lo, hi int) []int {
	var out []int
	paren := 0
	rel := false
	for i := lo; i < hi; i++ {
		t := a.Toks[i]
		switch {
		case t.Mark:
			continue
		case t.Text == "(" || t.Text == "[":
			paren++
			continue
		case t.Text == ")" || t.Text == "]":
			if paren > 0 {
				paren--
			}
			continue
		case paren > 0:
			continue
		case t.Lower == "including" || t.Lower == "among" || (t.Lower == "such" && i+1 < hi && a.Toks[i+1].Lower == "as"):
			return trimNP(a, out)
		case (t.Lower == "who" || t.Lower == "which" || t.Lower == "whose" || t.Lower == "where") && a.ment[i] < 0:
			rel = true
			continue
		case rel && t.Text == ",":
			rel = false
			continue
		case rel:
			continue
		}
		if t.Text == "—" || t.Text == "–" || t.Text == ";" || t.Text == ":" {
			out = nil // a dash or colon starts the phrase anew
			continue
		}
		out = append(out, i)
	}
	return trimNP(a, out)
}

func trimNP(a *Analysis, out []int) []int {
	for len(out) > 0 {
		t := a.Toks[out[len(out)-1]]
		if (t.Kind == Punct && t.Text != ")") || (IsAdverb(t.Lower) && a.ment[out[len(out)-1]] < 0) || IsHave(t.Lower) || IsBe(t.Lower) && t.Lower != "'s" {
			out = out[:len(out)-1]
			continue
		}
		break
	}
	for len(out) > 0 {
		t := a.Toks[out[0]]
		if t.Kind == Punct || t.Lower == "and" || t.Lower == "but" || t.Lower == "while" || t.Lower == "as" || t.Lower == "then" {
			out = out[1:]
			continue
		}
		break
	}
	return out
}

// boundaryWord ends the core of a noun phrase: prepositions and
// participles that start its post-modifiers ("officials on both sides",
// "island leaders meeting in Suva").
var boundaryWord = set("of", "for", "at", "in", "on", "from", "with", "under", "over", "near", "present",
	"based", "to", "into", "across", "who", "which", "that", "whose", "within", "outside", "inside", "during",
	"after", "before", "around", "about", "by")

// referSimple resolves one phrase without commas or coordination.
func (a *Analysis) referSimple(toks []int) Ref {
	if len(toks) == 0 {
		return Ref{Head: -1}
	}
	core := toks
	for k, i := range toks {
		t := a.Toks[i]
		if k == 0 || a.ment[i] >= 0 {
			continue
		}
		if boundaryWord[t.Lower] || (t.Kind == Word && !t.Cap() && len(t.Lower) > 4 && t.Lower[len(t.Lower)-3:] == "ing") {
			core = toks[:k]
			break
		}
	}
	head := core[len(core)-1]
	ht := a.Toks[head]
	if m := a.ment[head]; m >= 0 {
		return Ref{Actors: []int{a.Doc.Mentions[m].Actor}, Head: head, Rule: "mention"}
	}
	if IsPronoun(ht.Lower) {
		r := Ref{Pronoun: ht.Lower, Head: head, Actors: a.refs[head], Rule: "pronoun"}
		return r
	}
	if IsMemberNoun(ht.Lower) && a.refs[head] == nil {
		// "allies", "its members": the speaker's group, left to the caller.
		r := Ref{Members: true, Head: head, Rule: "members"}
		if head > 0 {
			if own := a.refs[head-1]; len(own) > 0 && (a.Toks[head-1].Lower == "its" || a.Toks[head-1].Lower == "their") {
				r.Actors = own
			}
		}
		return r
	}
	// A state's forces or government: "German forces", "Romanian troops".
	if forceNouns[ht.Lower] {
		for _, i := range core {
			if m := a.ment[i]; m >= 0 && a.Kind(a.Doc.Mentions[m].Actor) == pledgegraph.KindCountry {
				return Ref{Actors: []int{a.Doc.Mentions[m].Actor}, Head: head, Rule: "state-body"}
			}
		}
	}
	if g := a.group[head]; len(g) > 0 {
		return Ref{Actors: g, Head: head, Rule: "group"} // "the two governments", "their governments"
	}
	if documentHeads[ht.Lower] {
		// "a statement from the ministry", "a poll by Monmouth University",
		// "a Kremlin statement", "Trump’s post": the text's author.
		if len(core) < len(toks) {
			if w := a.Toks[toks[len(core)]].Lower; w == "from" || w == "by" || w == "of" {
				if rest := a.referSimple(toks[len(core)+1:]); rest.Resolved() && (w != "of" || a.Kind(rest.Actors[0]) != pledgegraph.KindCountry) {
					rest.Rule = "document"
					return rest
				}
			}
		}
		for k := len(core) - 2; k >= 0; k-- {
			if m := a.ment[core[k]]; m >= 0 && a.Doc.Mentions[m].Kind != annot.Demonym {
				return Ref{Actors: []int{a.Doc.Mentions[m].Actor}, Head: head, Rule: "document"}
			}
		}
	}
	generic := IsGenericPeople(ht.Lower)
	for _, i := range core {
		if w := a.Toks[i].Lower; IsGenericPeople(w) && a.ment[i] < 0 && w[len(w)-1] == 's' {
			generic = true // "two officials familiar with the plans"
		}
	}
	if generic && a.ment[head] < 0 {
		// "a spokesman for the ministry" is the ministry; "officials" no one.
		return Ref{Generic: true, Head: head, Rule: "generic"}
	}
	if IsPersonRole(ht.Lower) && len(core) < len(toks) && (a.Toks[core[0]].Lower == "a" || a.Toks[core[0]].Lower == "an") {
		// "a spokesman for the ministry": the body the unnamed person speaks for.
		rest := a.referSimple(toks[len(core)+1:])
		if rest.Resolved() {
			return rest
		}
		return Ref{Generic: true, Head: head, Rule: "generic"}
	}
	// A name at the very end of the phrase: "U.S. Ambassador to the United
	// Nations Rachel Dunmore".
	last := toks[len(toks)-1]
	if m := a.ment[last]; m >= 0 && a.Kind(a.Doc.Mentions[m].Actor) == pledgegraph.KindPerson {
		return Ref{Actors: []int{a.Doc.Mentions[m].Actor}, Head: last, Rule: "mention"}
	}
	if r := a.refs[head]; len(r) > 0 {
		return Ref{Actors: r, Head: head, Rule: "role"}
	}
	if IsStateBody(ht.Lower) || (len(core) >= 2 && IsStateBody(a.Toks[core[len(core)-2]].Lower+" "+ht.Lower)) {
		for _, i := range core {
			if m := a.ment[i]; m >= 0 && a.Kind(a.Doc.Mentions[m].Actor) == pledgegraph.KindCountry {
				return Ref{Actors: []int{a.Doc.Mentions[m].Actor}, Head: head, Rule: "state-body"}
			}
		}
	}
	if IsPersonRole(ht.Lower) && ht.Kind == Word {
		// "Germany’s development minister", "a Chinese foreign ministry
		// spokesman": an official of a named state, left unnamed.
		for _, i := range core {
			if m := a.ment[i]; m >= 0 && a.Kind(a.Doc.Mentions[m].Actor) != pledgegraph.KindPerson {
				return Ref{Generic: true, Head: head, Rule: "generic"}
			}
		}
	}
	if (IsPersonRole(ht.Lower) || IsOrgHead(ht.Lower)) && ht.Kind == Word {
		return Ref{Head: head} // an unresolved role
	}
	// Otherwise the last mention of the core, when the head is a name-like
	// word; not a name in a post-modifier ("his business ties with Russia").
	if m := a.ment[last]; m >= 0 && len(core) == len(toks) {
		return Ref{Actors: []int{a.Doc.Mentions[m].Actor}, Head: last, Rule: "mention"}
	}
	return Ref{Head: head}
}

// adverbialStarts open a phrase that modifies the clause, not the subject.
var adverbialStarts = set("in", "on", "at", "after", "before", "during", "from", "with", "without", "under",
	"following", "asked", "according", "amid", "despite", "for", "by", "earlier", "later", "meanwhile",
	"separately", "also", "however", "but", "and", "elsewhere", "instead", "since", "when", "while", "as", "if",
	"once", "unless", "until", "although", "though", "because", "over", "across", "through", "throughout",
	"within", "outside", "inside", "last", "next", "upon", "alongside", "beside", "near", "behind", "ahead")

// adverbialPart reports whether a comma part is a leading adverbial: a
// preposition or participle phrase ("Speaking alongside Starmer").
func adverbialPart(a *Analysis, p []int) bool {
	if len(p) == 0 {
		return false
	}
	t := a.Toks[p[0]]
	if a.ment[p[0]] >= 0 || t.Kind != Word {
		return false
	}
	w := t.Lower
	return adverbialStarts[w] || len(w) > 5 && w[len(w)-3:] == "ing" && !IsPersonRole(w)
}

// forceNouns, modified by a state, are the state acting ("Romanian troops",
// "the Egyptian authorities"), unlike its officials or diplomats, who are
// unnamed sources.
var forceNouns = set("troops", "forces", "soldiers", "army", "military", "navy", "police", "personnel",
	"government", "authorities", "delegation", "administration", "cabinet", "warships", "jets")
