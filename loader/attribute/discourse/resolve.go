package discourse

import (
	"strings"

	"pledgegraph"
)

// ent is a place an actor (or a group of actors) is referred to outside
// quotes, in document order.
type ent struct {
	tok    int
	sent   int
	actors []int
}

// resolveAll resolves, in document order, every third-person pronoun and
// every definite role noun phrase outside quotes that no mention covers.
// Resolved references become candidates for later ones.
func (a *Analysis) resolveAll() {
	var ents []ent
	groups := a.groups()
	for i := 0; i < len(a.Toks); i++ {
		t := a.Toks[i]
		if t.Quote >= 0 || t.Kind != Word {
			continue
		}
		if m := a.ment[i]; m >= 0 {
			if i == 0 || a.ment[i-1] != m {
				ents = append(ents, ent{tok: i, sent: t.Sent, actors: []int{a.Doc.Mentions[m].Actor}})
				if g, ok := groups[i]; ok {
					ents = append(ents, ent{tok: i, sent: t.Sent, actors: g})
				}
			}
			continue
		}
		switch {
		case malePron[t.Lower] || femalePron[t.Lower] || neuterPron[t.Lower] || pluralPron[t.Lower]:
			if r := a.resolvePronoun(i, ents); len(r) > 0 {
				a.refs[i] = r
				ents = append(ents, ent{tok: i, sent: t.Sent, actors: r})
				a.learnGender(t.Lower, r, i, ents)
			}
		case IsPersonRole(t.Lower) || IsOrgHead(t.Lower) || IsStateBody(t.Lower):
			if mods, ok := a.definiteRole(i); ok {
				if r := a.resolveRole(i, mods, ents); len(r) > 0 {
					a.refs[i] = r
					ents = append(ents, ent{tok: i, sent: t.Sent, actors: r})
				}
			}
		}
	}
}

// groups finds coordinated mentions ("Norway and Denmark", "France, Britain
// and Ukraine") and returns, keyed by the first token of the first mention,
// the actors of the group.
func (a *Analysis) groups() map[int][]int {
	out := map[int][]int{}
	for s := range a.sent {
		lo, hi := a.sent[s][0], a.sent[s][1]
		var cur []int
		start, sawAnd := -1, false
		flush := func() {
			if len(cur) > 1 && sawAnd {
				out[start] = cur
			}
			cur, start, sawAnd = nil, -1, false
		}
		for i := lo; i < hi; {
			t := a.Toks[i]
			if t.Quote >= 0 {
				flush()
				i++
				continue
			}
			if m := a.ment[i]; m >= 0 {
				j := i
				for j < hi && a.ment[j] == m {
					j++
				}
				if start < 0 {
					start = i
				}
				if act := a.Doc.Mentions[m].Actor; !contains(cur, act) {
					cur = append(cur, act)
				}
				i = j
				continue
			}
			if start >= 0 && connector(t.Lower) {
				if t.Lower == "and" || t.Lower == "or" || t.Lower == "&" {
					sawAnd = true
				}
				i++
				continue
			}
			flush()
			i++
		}
		flush()
	}
	return out
}

func connector(w string) bool { return w == "and" || w == "," || w == "the" || w == "or" || w == "&" }

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// resolvePronoun finds the referent of the pronoun at token i among the
// references before it: the current sentence left to right, then earlier
// sentences, each left to right.
func (a *Analysis) resolvePronoun(i int, ents []ent) []int {
	p := a.Toks[i].Lower
	s := a.Toks[i].Sent
	for back := 0; back <= maxBack && s-back >= 0; back++ {
		ss := s - back
		var cands []ent
		for _, e := range ents {
			if e.sent == ss && e.tok < i {
				cands = append(cands, e)
			}
		}
		if pluralPron[p] {
			for _, e := range cands {
				if len(e.actors) > 1 && a.allCompatibleGroup(e.actors) {
					return e.actors
				}
			}
		}
		for _, e := range cands {
			if len(e.actors) == 1 && a.compatible(p, e.actors[0]) {
				return e.actors
			}
		}
	}
	return nil
}

func (a *Analysis) allCompatibleGroup(acts []int) bool {
	for _, x := range acts {
		if a.Kind(x) == "" {
			return false
		}
	}
	return true
}

// learnGender gives a person the gender of a pronoun that could refer to no
// one else among the recent candidates.
func (a *Analysis) learnGender(p string, r []int, i int, ents []ent) {
	if len(r) != 1 || a.Kind(r[0]) != pledgegraph.KindPerson || a.gend[r[0]] != genderUnknown {
		return
	}
	g := genderUnknown
	switch {
	case malePron[p]:
		g = genderMale
	case femalePron[p]:
		g = genderFemale
	default:
		return
	}
	s := a.Toks[i].Sent
	for _, e := range ents {
		if e.sent >= s-2 && e.tok < i && len(e.actors) == 1 && e.actors[0] != r[0] && a.Kind(e.actors[0]) == pledgegraph.KindPerson && a.gend[e.actors[0]] != g {
			return // another person was a candidate
		}
	}
	a.gend[r[0]] = g
}

// definiteRole reports whether the role noun at token i heads a definite noun
// phrase ("the minister", "The Kremlin spokesman", "Egypt’s foreign
// ministry", "its members") and returns the modifier words between the
// determiner and the head.
func (a *Analysis) definiteRole(i int) ([]string, bool) {
	lo := a.sent[a.Toks[i].Sent][0]
	if i+1 < len(a.Toks) && a.Toks[i+1].Sent == a.Toks[i].Sent {
		n := a.Toks[i+1]
		if n.Cap() && n.Kind == Word && a.ment[i+1] >= 0 {
			return nil, false // "the minister Eirik Haugland": the name is the mention
		}
		if n.Lower == "of" || n.Lower == "for" {
			return nil, false // "the head of …": the head is the complement's
		}
		if n.Text == "," && i+2 < len(a.Toks) && a.ment[i+2] >= 0 && a.Kind(a.Doc.Mentions[a.ment[i+2]].Actor) == pledgegraph.KindPerson {
			return nil, false // "Ukraine’s deputy minister, Oksana Lytvyn": named in apposition
		}
	}
	var mods []string
	for j := i - 1; j >= lo && j >= i-5; j-- {
		t := a.Toks[j]
		switch {
		case t.Lower == "the" || t.Lower == "this" || t.Lower == "that":
			return mods, true
		case t.Lower == "his" || t.Lower == "her" || t.Lower == "its" || t.Lower == "their":
			return mods, true
		case t.Lower == "'s":
			return mods, true
		case t.Kind == Word && (t.Cap() || titleWords[t.Lower] || a.ment[j] >= 0):
			mods = append(mods, t.Lower)
		default:
			return nil, false
		}
	}
	return nil, false
}

// resolveRole resolves a definite role noun phrase with head token i.
func (a *Analysis) resolveRole(i int, mods []string, ents []ent) []int {
	head := a.Toks[i].Lower
	d := a.Doc
	s := a.Toks[i].Sent
	// A possessive pronoun owner: "his government", "its members".
	if i > 0 {
		if pw := a.Toks[i-1].Lower; pw == "his" || pw == "her" || pw == "its" || pw == "their" {
			if own := a.refs[i-1]; len(own) > 0 {
				if IsStateBody(head) && a.Kind(own[0]) == pledgegraph.KindPerson {
					if c := a.Index(a.Principal(own[0])); c >= 0 {
						return []int{c}
					}
				}
				return own
			}
		}
	}
	// A named owner: "Starmer’s office", "Britain’s government", "Russia’s
	// foreign minister".
	if own := a.possessor(i, len(mods)); own >= 0 {
		if IsPersonRole(head) && a.Kind(own) != pledgegraph.KindPerson {
			for k := len(ents) - 1; k >= 0; k-- {
				e := ents[k]
				if e.tok < i && len(e.actors) == 1 && a.Kind(e.actors[0]) == pledgegraph.KindPerson && hasWord(a.title[e.actors[0]], head) &&
					a.Principal(e.actors[0]) == d.Actors[own].ID {
					return e.actors
				}
			}
			return nil
		}
		if !IsPersonRole(head) {
			if a.Kind(own) == pledgegraph.KindPerson && IsStateBody(head) {
				if c := a.Index(a.Principal(own)); c >= 0 {
					return []int{c}
				}
			}
			return []int{own}
		}
	}
	if IsPersonRole(head) {
		best, bestScore := -1, -1
		for k := len(ents) - 1; k >= 0; k-- {
			e := ents[k]
			if e.tok >= i || e.sent < s-3*maxBack || len(e.actors) != 1 {
				continue
			}
			x := e.actors[0]
			if a.Kind(x) != pledgegraph.KindPerson || !hasWord(a.title[x], head) {
				continue
			}
			score := 0
			for _, m := range mods {
				if hasWord(a.title[x], m) {
					score++
				}
			}
			if score > bestScore {
				best, bestScore = x, score
			}
		}
		if best >= 0 {
			return []int{best}
		}
		return nil
	}
	// Organization heads: an organization named with the head word, else
	// the most recent organization for generic heads, else — for bodies of
	// a state ("the government") — the most recent state.
	byName := func(x int) bool {
		ac := d.Actors[x]
		if hasWord(strings.ToLower(ac.Name), head) {
			return true
		}
		for _, al := range ac.Aliases {
			if hasWord(strings.ToLower(al), head) {
				return true
			}
		}
		return false
	}
	for k := len(ents) - 1; k >= 0; k-- {
		e := ents[k]
		if e.tok < i && e.sent >= s-3*maxBack && len(e.actors) == 1 && a.Kind(e.actors[0]) == pledgegraph.KindOrganization && byName(e.actors[0]) {
			return e.actors
		}
	}
	if IsStateBody(head) {
		for k := len(ents) - 1; k >= 0; k-- {
			e := ents[k]
			if e.tok < i && e.sent >= s-maxBack && len(e.actors) == 1 && a.Kind(e.actors[0]) == pledgegraph.KindCountry {
				return e.actors
			}
		}
		return nil
	}
	if !backHeads[head] {
		return nil
	}
	for k := len(ents) - 1; k >= 0; k-- {
		e := ents[k]
		if e.tok < i && e.sent >= s-3 && len(e.actors) == 1 && a.Kind(e.actors[0]) == pledgegraph.KindOrganization {
			return e.actors
		}
	}
	return nil
}

// backHeads are generic nouns that refer back to the last organization
// named ("the bloc", "the alliance"); others ("the fund", "the office")
// must match an organization's name.
var backHeads = set("bloc", "alliance", "union", "coalition", "organisation", "organization", "agency", "body",
	"group", "allies", "forum", "grouping", "club", "partnership", "community")

// possessor returns the actor named right before a role noun phrase with a
// possessive ("Starmer’s office": the mention before "’s"), or -1.
func (a *Analysis) possessor(i, nmods int) int {
	j := i - nmods - 1
	if j < 1 || a.Toks[j].Lower != "'s" {
		return -1
	}
	if m := a.ment[j-1]; m >= 0 {
		return a.Doc.Mentions[m].Actor
	}
	return -1
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w || strings.TrimSuffix(f, "s") == w {
			return true
		}
	}
	return false
}
