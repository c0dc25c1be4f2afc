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
		case a.numberedGroup(i) > 0:
			if r := a.resolveGroup(i, ents); len(r) > 0 {
				a.refs[i], a.group[i] = r, r
				ents = append(ents, ent{tok: i, sent: t.Sent, actors: r})
			}
		case IsPersonRole(t.Lower) || IsOrgHead(t.Lower) || IsStateBody(t.Lower):
			if mods, ok := a.definiteRole(i); ok {
				if r := a.resolveRole(i, mods, ents); len(r) > 0 {
					a.refs[i] = r
					if len(r) > 1 {
						a.group[i] = r // "their governments"
					}
					ents = append(ents, ent{tok: i, sent: t.Sent, actors: r})
				}
			}
		}
	}
}

// inferGenders gives persons whose gender no name or title told the
// gender of the third-person pronouns that can refer to them alone: a
// pronoun whose candidate persons, less those of the other gender, are one
// person votes for that person's gender. Pronouns with candidates earlier
// in their own sentence are counted first, to a fixed point; then those
// whose candidates are in the nearest earlier sentence naming a person,
// with what was learnt ("Haddou arrived; he was early. She said." tells
// Haddou is a man, so "she" is someone else). A person with votes for both
// genders in one round stays unknown.
func (a *Analysis) inferGenders() {
	for _, near := range []bool{true, false} {
		for round := 0; round < 4; round++ {
			if !a.voteGenders(near) {
				break
			}
		}
	}
}

// voteGenders runs one round of inferGenders over pronouns whose
// candidates are in their own sentence (near) or in an earlier one, and
// reports whether it learnt anything.
func (a *Analysis) voteGenders(near bool) bool {
	d := a.Doc
	person := func(i int) int {
		if m := a.ment[i]; m >= 0 {
			if act := d.Mentions[m].Actor; a.Kind(act) == pledgegraph.KindPerson {
				return act
			}
		}
		return -1
	}
	votes := map[int][2]int{}
	for i, t := range a.Toks {
		if t.Quote >= 0 || t.Kind != Word {
			continue
		}
		g := genderUnknown
		switch t.Lower {
		case "he", "him", "his", "himself":
			g = genderMale
		case "she", "her", "hers", "herself":
			g = genderFemale
		default:
			continue
		}
		var cands []int
		add := func(lo, hi int) {
			for k := lo; k < hi; k++ {
				if p := person(k); p >= 0 && !contains(cands, p) {
					cands = append(cands, p)
				}
			}
		}
		s := t.Sent
		add(a.sent[s][0], i)
		if near != (len(cands) > 0) {
			continue
		}
		for back := 1; back <= 3 && s-back >= 0 && len(cands) == 0; back++ {
			add(a.sent[s-back][0], a.sent[s-back][1])
		}
		var ok []int
		for _, c := range cands {
			if a.gend[c] == genderUnknown || a.gend[c] == g {
				ok = append(ok, c)
			}
		}
		if len(ok) == 1 && a.gend[ok[0]] == genderUnknown {
			v := votes[ok[0]]
			v[g-1]++
			votes[ok[0]] = v
		}
	}
	changed := false
	for p, v := range votes {
		switch {
		case v[0] > 0 && v[1] == 0:
			a.gend[p], changed = genderMale, true
		case v[1] > 0 && v[0] == 0:
			a.gend[p], changed = genderFemale, true
		}
	}
	return changed
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
				if t.Lower == "and" || t.Lower == "or" || t.Lower == "&" || t.Lower == "nor" {
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

func connector(w string) bool {
	return w == "and" || w == "," || w == "the" || w == "or" || w == "&" || w == "nor"
}

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

// groupNouns are plural nouns that, counted and definite ("the two
// governments", "both countries", "the three ministers"), stand for as many
// actors named before: true for persons, false for states and bodies.
var groupNouns = map[string]bool{
	"countries": false, "governments": false, "states": false, "nations": false, "capitals": false,
	"allies": false, "partners": false, "neighbours": false, "neighbors": false, "members": false,
	"organisations": false, "organizations": false, "agencies": false, "institutions": false, "bodies": false,
	"ministers": true, "leaders": true, "presidents": true, "officials": true, "men": true, "women": true,
	"envoys": true, "diplomats": true, "premiers": true, "chancellors": true, "negotiators": true,
}

var countWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// numberedGroup returns how many actors the plural noun at token i stands
// for when it heads a counted definite phrase ("the two governments",
// "both countries", "these three states"), else 0.
func (a *Analysis) numberedGroup(i int) int {
	t := a.Toks[i]
	if _, ok := groupNouns[t.Lower]; !ok || a.ment[i] >= 0 || i == 0 {
		return 0
	}
	lo := a.sent[t.Sent][0]
	j := i - 1
	for j > lo && IsAdverb(a.Toks[j].Lower) && a.Toks[j].Lower != "both" && a.Toks[j].Lower != "all" {
		j--
	}
	if j < lo {
		return 0
	}
	if a.Toks[j].Lower == "both" {
		return 2
	}
	n, ok := countWords[a.Toks[j].Lower]
	if !ok || j-1 < lo {
		return 0
	}
	switch a.Toks[j-1].Lower {
	case "the", "these", "those", "all", "their", "its":
		return n
	}
	return 0
}

// resolveGroup finds the actors a counted group phrase at token i stands
// for: the last coordination of that many actors of the right kind within
// a few sentences ("France, Germany and Poland … the three countries"),
// else that many distinct actors named last in this and the previous
// sentence ("Japan will send vessels to the Philippines, the two
// governments said").
func (a *Analysis) resolveGroup(i int, ents []ent) []int {
	n := a.numberedGroup(i)
	persons := groupNouns[a.Toks[i].Lower]
	fits := func(x int) bool {
		k := a.Kind(x)
		if persons {
			return k == pledgegraph.KindPerson
		}
		if a.Toks[i].Lower == "countries" || a.Toks[i].Lower == "governments" || a.Toks[i].Lower == "states" ||
			a.Toks[i].Lower == "nations" || a.Toks[i].Lower == "capitals" {
			return k == pledgegraph.KindCountry
		}
		return k != pledgegraph.KindPerson && k != ""
	}
	s := a.Toks[i].Sent
	for k := len(ents) - 1; k >= 0; k-- {
		e := ents[k]
		if e.tok >= i || e.sent < s-3 || len(e.actors) != n {
			continue
		}
		ok := true
		for _, x := range e.actors {
			ok = ok && fits(x)
		}
		if ok {
			return e.actors
		}
	}
	var out []int
	for k := len(ents) - 1; k >= 0 && len(out) < n; k-- {
		e := ents[k]
		if e.tok >= i || e.sent < s-1 || len(e.actors) != 1 || !fits(e.actors[0]) || contains(out, e.actors[0]) {
			continue
		}
		out = append(out, e.actors[0])
	}
	if len(out) == n {
		return out
	}
	return nil
}
