package actors

import (
	"slices"
	"strings"

	"pledgegraph"
	"pledgegraph/loader/annot"
)

// Organizations read from the text beyond the gazetteer and capitalised names
// ending in an organization noun (see orgRuns): a state's embassies, names
// introduced by a noun that describes an organization, and single names that
// speak like one.

// textOrg is an organization whose name was read from the text: every other
// occurrence of the same words is a mention of it (see linkTextOrgs).
type textOrg struct {
	words []string // the name's tokens as written
	actor int
}

// demonymOf is the adjective of gazetteer state c ("Russian"), or its name.
func (r *recognizer) demonymOf(c int) string {
	if ds := r.g.countries[c].Demonyms; len(ds) > 0 {
		return ds[0]
	}
	return r.g.countries[c].Name
}

// embassies reads a state's embassy or consulate: "the Russian embassy in
// London" → "Russian Embassy in London", "Russia’s Embassy in Washington",
// "the Chinese consulate". The city it sits in is part of the name; the state
// keeps its own mention.
func (r *recognizer) embassies() {
	type post struct {
		c    int
		head string
	}
	withCity := map[post][]int{} // a state's embassies named with their city
	without := map[post]int{}    // and the one named without
	defer func() {
		// "the Russian embassy" after "the Russian embassy in London": one
		// embassy, when the text names only one city
		for p, ai := range without {
			if l := withCity[p]; len(l) == 1 {
				r.reg.merge(ai, l[0])
			}
		}
	}()
	for h := range r.toks {
		lw := r.toks[h].lower
		if r.used[h] || lw != "embassy" && lw != "consulate" || r.headline(r.toks[h]) {
			continue
		}
		k := h - 1
		poss := false
		if k >= 1 && r.toks[k].kind == tPoss {
			k--
			poss = true
		}
		if k < 0 || r.match[k] < 0 || !r.sameUnit(k, h) {
			continue
		}
		mi := r.match[k]
		m := r.matches[mi]
		if m.e.kind != eCountry || m.t1 != k+1 || m.drop || (m.e.form == fCapital || m.e.form == fMetonym) && !poss {
			continue // "the London embassy" names a place
		}
		c := m.e.idx
		name := r.demonymOf(c) + " " + titleCase(lw)
		end := h
		// "in London", "in Kyiv": the city is part of the name
		if n := h + 1; n+1 < len(r.toks) && r.lower(n) == "in" && r.sameUnit(h, n+1) {
			e := -1
			if mj := r.match[n+1]; mj >= 0 && r.matches[mj].t0 == n+1 && r.matches[mj].e.kind != eOrg {
				e = r.matches[mj].t1 - 1
			} else if r.capWord(n+1) && !functionWords[r.lower(n+1)] {
				e = n + 1
				for e+1 < len(r.toks) && e-n < 3 && r.capWord(e+1) && r.adjacent(e, e+1) {
					e++
				}
			}
			if e > 0 {
				name += " in " + r.d.Slice(annot.Span{Start: r.toks[n+1].Start, End: r.toks[e].End})
				end = e
				for x := n + 1; x <= e; x++ {
					if mx := r.match[x]; mx >= 0 {
						r.matches[mx].drop = true
					}
				}
			}
		}
		ai := r.reg.ensure(pledgegraph.KindOrganization, name)
		r.reg.actors[ai].Country = r.g.countryID(c)
		r.orgCountry[ai] = c
		r.addGroup(ai, []string{lw})
		if p := (post{c, lw}); end > h {
			if !slices.Contains(withCity[p], ai) {
				withCity[p] = append(withCity[p], ai)
			}
		} else {
			without[p] = ai
		}
		if ci := r.gazActor(m.e); r.reg.mention(m.span, ci, kindOf(m.e), r.toks[k].sent) {
			r.reg.alias(ci, r.d.Slice(m.span))
		}
		r.matches[mi].drop = true
		first := k + 1
		if poss {
			first = k + 2
		}
		sp := annot.Span{Start: r.toks[first].Start, End: r.toks[end].End}
		r.reg.mention(sp, ai, annot.Name, r.toks[h].sent)
		r.reg.alias(ai, r.d.Slice(annot.Span{Start: m.span.Start, End: r.toks[end].End}))
		r.reg.alias(ai, r.d.Slice(annot.Span{Start: m.span.Start, End: r.toks[h].End}))
		for x := m.t0; x <= end; x++ {
			r.used[x] = true
			r.tokOrg[x] = ai
		}
	}
}

// orgNounAt reports whether token k is a lower-case noun describing an
// organization ("operator", "bank", the "tank" of "think tank").
func (r *recognizer) orgNounAt(k int) bool {
	if !r.word(k) || r.toks[k].cap {
		return false
	}
	lw := r.toks[k].lower
	if lw == "tank" {
		return r.lower(k-1) == "think"
	}
	return orgNouns[lw]
}

// orgNameTok reports whether token i can be a word of an organization's
// name read beside a describing noun: capitalised, no office, date or
// gazetteer name.
func (r *recognizer) orgNameTok(i int) bool {
	if !r.capWord(i) || r.toks[i].kind != tWord {
		return false
	}
	lw := r.toks[i].lower
	if isTitleHead(lw) || calendarWords[lw] || functionWords[lw] || honorifics[lw] {
		return false
	}
	if mi := r.match[i]; mi >= 0 && !r.matches[mi].drop {
		return false
	}
	return !(r.toks[i].upper && r.allCaps(i))
}

// orgNameAfter returns the name written right after the describing noun at
// token k ("KfW", "Sinai Transport & Storage"): one to five name words,
// joined by spaces or "&".
func (r *recognizer) orgNameAfter(k int) (a, b int, ok bool) {
	a = k + 1
	if !r.orgNameTok(a) || !r.adjacent(k, a) {
		return 0, 0, false
	}
	b = a
	for b-a < 4 {
		switch {
		case r.orgNameTok(b+1) && r.adjacent(b, b+1):
			b++
			continue
		case b+2 < len(r.toks) && r.toks[b+1].text == "&" && r.adjacent(b, b+1) && r.orgNameTok(b+2) && r.adjacent(b+1, b+2):
			b += 2
			continue
		}
		break
	}
	if r.g.given[firstKey(r.toks[a].key)] && a < b {
		return 0, 0, false // a person: "the firm Anna Berg founded"
	}
	if a == b && lexiconWord(r.toks[a].lower) {
		return 0, 0, false
	}
	if r.orgNameTok(b+1) && r.adjacent(b, b+1) {
		return 0, 0, false // a longer run than a name: a heading
	}
	if b > a && !r.closesName(b+1) && !r.clauseSubject(k) {
		return 0, 0, false // "backed the party Marine Le Pen leads": a clause
	}
	return a, b, true
}

// clauseSubject reports whether the noun phrase ending at the describing noun
// at token k opens its sentence or clause ("The Lithuanian daily Vakaro
// Zinios reported…").
func (r *recognizer) clauseSubject(k int) bool {
	j := k - 1
	for n := 0; n < 5 && j >= 0 && r.sameUnit(j, k); n++ {
		t := r.toks[j]
		if t.kind == tPoss || t.kind == tWord && (!t.cap || r.match[j] >= 0) && !functionWords[t.lower] && !speechVerbs[t.lower] {
			j--
			continue
		}
		break
	}
	if j >= 0 && r.sameUnit(j, k) && (r.lower(j) == "the" || r.lower(j) == "a" || r.lower(j) == "an") {
		j--
	}
	if j < 0 || !r.sameUnit(j, k) {
		return true
	}
	t := r.toks[j]
	return t.kind == tPunct && t.text != "("
}

// closesName reports whether token n may follow a name in apposition:
// punctuation, a function word, an auxiliary or a verb of saying or acting
// ("Ukrenergo said", "KfW for heat pumps", "Apple’s"), not the verb of a
// relative clause ("the party Marine Le Pen leads").
func (r *recognizer) closesName(n int) bool {
	if n >= len(r.toks) || !r.sameUnit(n-1, n) {
		return true
	}
	t := r.toks[n]
	if t.kind != tWord {
		return true
	}
	switch t.lower {
	case "has", "had", "have", "is", "was", "are", "were", "will", "would", "could", "can", "may", "might",
		"must", "should", "also", "later", "then", "now":
		return true
	}
	return t.cap || functionWords[t.lower] || speechVerbs[t.lower] || agencyVerbs[t.lower] || npClose[t.lower]
}

// orgNameAppositive returns the name set off by commas after the describing
// noun at token k: "Poland’s ruling party, Law and Justice, said". The name
// may hold "and", "of", "for" or "&" between its words, and must be closed
// by a comma or a verb of saying.
func (r *recognizer) orgNameAppositive(k int) (a, b int, ok bool) {
	if k+2 >= len(r.toks) || r.toks[k+1].text != "," || !r.sameUnit(k, k+2) {
		return 0, 0, false
	}
	a = k + 2
	if !r.orgNameTok(a) || r.g.given[firstKey(r.toks[a].key)] {
		return 0, 0, false
	}
	b = a
	for b-a < 6 {
		switch {
		case r.orgNameTok(b+1) && r.adjacent(b, b+1):
			b++
			continue
		case b+2 < len(r.toks) && (r.toks[b+1].text == "&" || smallWords[r.lower(b+1)] && !r.toks[b+1].cap) &&
			r.adjacent(b, b+1) && (r.orgNameTok(b+2) || r.capWord(b+2) && isTitleHead(r.lower(b+2))) && r.adjacent(b+1, b+2):
			b += 2 // "Law and Justice"
			continue
		}
		break
	}
	n := b + 1
	if n >= len(r.toks) || !(r.toks[n].text == "," || speechVerbs[r.lower(n)]) {
		return 0, 0, false
	}
	return a, b, true
}

// orgNameBefore returns the first token of a name written right before the
// describing noun at token k, with a determiner before it: "the opposition
// Civic Platform party", "the Lukoil company". A noun followed by a name
// ("the party Fidesz") is read by orgNameAfter instead.
func (r *recognizer) orgNameBefore(k int) (int, bool) {
	b := k - 1
	if !groupNouns[r.lower(k)] || !r.orgNameTok(b) || !r.adjacent(b, k) || r.orgNameTok(k+1) && r.adjacent(k, k+1) ||
		geoWords[r.lower(b)] {
		return 0, false
	}
	a := b
	for a > 0 && b-a < 3 && r.orgNameTok(a-1) && r.adjacent(a-1, a) {
		a--
	}
	if r.toks[a].sentStart || r.g.given[firstKey(r.toks[a].key)] || r.capWord(a-1) && r.adjacent(a-1, a) || geoWords[r.lower(a)] {
		return 0, false
	}
	// a determiner before, with at most two lower-case modifiers between
	for j, n := a-1, 0; j >= 0 && n < 3 && r.sameUnit(j, a); j, n = j-1, n+1 {
		switch r.lower(j) {
		case "the", "its", "their", "his", "her", "our":
			return a, true
		}
		if !r.word(j) || r.toks[j].cap || r.match[j] >= 0 || functionWords[r.lower(j)] || speechVerbs[r.lower(j)] {
			return 0, false
		}
	}
	return 0, false
}

// descriptorBefore reports whether the describing noun at token k opens a
// noun phrase that introduces a name: lower-case modifiers back to a
// determiner, a possessive, a state or the start of the sentence ("its
// development bank", "Ukraine’s grid operator", "Russian energy giant").
func (r *recognizer) descriptorBefore(k int) bool {
	for j, n := k-1, 0; n < 4; j, n = j-1, n+1 {
		if j < 0 || !r.sameUnit(j, k) {
			return true
		}
		t := r.toks[j]
		switch {
		case t.kind == tPoss || r.match[j] >= 0 && r.matches[r.match[j]].e.kind == eCountry:
			return true
		case t.kind != tWord:
			return t.text == "," || t.text == "(" || t.text == "\u2014" || t.text == ":"
		}
		switch t.lower {
		case "the", "a", "an", "its", "their", "his", "her", "our", "whose", "by", "with", "from", "and", "of":
			return true
		}
		if t.cap || functionWords[t.lower] || speechVerbs[t.lower] || agencyVerbs[t.lower] {
			return t.sentStart && !functionWords[t.lower]
		}
	}
	return false
}

// stateIn returns the gazetteer state named by a possessive or an adjective
// in tokens [s, e) ("Ukraine’s grid operator", "the Russian state
// corporation"), or -1.
func (r *recognizer) stateIn(s, e int) int {
	for j := max(s, 0); j < e; j++ {
		if mi := r.match[j]; mi >= 0 && r.matches[mi].e.kind == eCountry && !r.matches[mi].drop && !r.matches[mi].place {
			return r.matches[mi].e.idx
		}
	}
	return -1
}

// stateBefore returns the state that owns the noun phrase ending at the
// describing noun at token k: a possessive ("Ukraine’s grid operator") or an
// adjective ("Russian energy giant") right before its lower-case modifiers;
// or -1.
func (r *recognizer) stateBefore(k int) int {
	j := k - 1
	for n := 0; n < 3 && j >= 0 && r.word(j) && !r.toks[j].cap && r.match[j] < 0 && !functionWords[r.toks[j].lower]; n++ {
		j--
	}
	if j >= 1 && r.toks[j].kind == tPoss {
		j--
	}
	if j < 0 || !r.sameUnit(j, k) {
		return -1
	}
	if mi := r.match[j]; mi >= 0 && r.matches[mi].t1 == j+1 {
		if m := r.matches[mi]; m.e.kind == eCountry && !m.drop && !m.place {
			return m.e.idx
		}
	}
	return -1
}

// descriptorOrgs reads organizations named beside a noun that describes
// them: before the name ("Ukraine’s grid operator Ukrenergo", "its
// development bank KfW", "the logistics firm Sinai Transport & Storage") or
// in an apposition after it ("Rosatom, the Russian state nuclear corporation
// that took over…", "Naftogaz, Ukraine’s state energy company, said").
func (r *recognizer) descriptorOrgs() {
	for k := 0; k < len(r.toks); k++ {
		if r.headline(r.toks[k]) {
			continue
		}
		if r.orgNounAt(k) && !r.used[k] {
			if a, b, ok := r.orgNameAfter(k); ok && r.descriptorBefore(k) {
				r.addTextOrg(a, b, r.toks[k].lower, r.stateBefore(k))
				k = b
				continue
			}
			if a, b, ok := r.orgNameAppositive(k); ok && r.descriptorBefore(k) {
				r.addTextOrg(a, b, r.toks[k].lower, r.stateBefore(k))
				k = b
				continue
			}
			if a, ok := r.orgNameBefore(k); ok {
				ai := r.addTextOrg(a, k-1, r.toks[k].lower, r.stateBefore(a))
				r.reg.alias(ai, r.d.Slice(annot.Span{Start: r.toks[a].Start, End: r.toks[k].End}))
				r.used[k] = true
				continue
			}
		}
		if r.toks[k].text == "," && k > 0 {
			r.appositiveOrg(k)
		}
	}
}

// appositiveOrg reads "Name, the … noun …" with the comma at token c: the
// name before it is an organization when the noun phrase after it is headed
// by a noun describing one.
func (r *recognizer) appositiveOrg(c int) {
	b := c - 1
	if !r.orgNameTok(b) || r.toks[b].End != r.toks[c].Start {
		return
	}
	a := b
	for a > 0 && b-a < 8 {
		if r.orgNameTok(a-1) && r.adjacent(a-1, a) {
			a--
			continue
		}
		// "Friends of the Earth", "Law and Justice"
		j := a - 1
		for j >= 0 && a-j <= 2 && r.word(j) && !r.toks[j].cap && (smallWords[r.toks[j].lower]) && r.adjacent(j, j+1) {
			j--
		}
		if j < a-1 && j >= 0 && r.orgNameTok(j) && r.adjacent(j, j+1) {
			a = j
			continue
		}
		break
	}
	if a > 0 && r.capWord(a-1) && r.adjacent(a-1, a) && !r.toks[a-1].sentStart || b-a > 6 {
		return // part of a longer capitalised run
	}
	if r.g.given[firstKey(r.toks[a].key)] {
		return // "Anna Berg, the company’s founder"
	}
	s := c + 1
	if s >= len(r.toks) || !r.sameUnit(c, s) {
		return
	}
	// the noun phrase: determiner or possessive state, modifiers, head
	j := s
	switch {
	case r.lower(j) == "the" || r.lower(j) == "a" || r.lower(j) == "an":
		j++
	case r.match[j] >= 0 && r.matches[r.match[j]].e.kind == eCountry:
		j = r.matches[r.match[j]].t1
		if j < len(r.toks) && r.toks[j].kind == tPoss {
			j++
		} else {
			return
		}
	default:
		return
	}
	head := -1
	for ; j < len(r.toks) && j-s < 8 && r.sameUnit(s, j); j++ {
		t := r.toks[j]
		if t.kind == tPoss {
			return // "the company’s founder": the head is what follows
		}
		if t.kind != tWord {
			if t.text == "-" || t.text == "\u2011" {
				continue
			}
			break
		}
		if npClose[t.lower] {
			if clauseVerbs[t.lower] {
				return // "Worse, the company said…": a clause, no apposition
			}
			break
		}
		head = j
	}
	if j >= len(r.toks) || !r.sameUnit(s, j) {
		return
	}
	if head < 0 || !r.orgNounAt(head) {
		return
	}
	if a == b && (lexiconWord(r.toks[a].lower) || sentenceAdverb(r.toks[a].lower)) {
		return // "Second, the bank…"
	}
	state := r.stateIn(s, head)
	if state < 0 {
		state = r.possessor(a) // "Germany’s Bundesbank, the central bank,"
	}
	r.addTextOrg(a, b, r.toks[head].lower, state)
}

// possessor returns the state whose possessive stands right before token a
// ("Germany’s Bundesbank"), or -1.
func (r *recognizer) possessor(a int) int {
	if a < 2 || r.toks[a-1].kind != tPoss || !r.sameUnit(a-2, a) {
		return -1
	}
	if mi := r.match[a-2]; mi >= 0 && r.matches[mi].t1 == a-1 {
		if m := r.matches[mi]; m.e.kind == eCountry && !m.drop {
			return m.e.idx
		}
	}
	return -1
}

// clauseVerbs right after a noun phrase make it a clause's subject, not an
// apposition.
var clauseVerbs = setOf("said", "says", "has", "had", "is", "was", "will", "would")

// groupNouns follow the name of a political or armed group ("the Civic
// Platform party", "the Azov brigade"); a company noun after a capitalised
// word is more often a place ("the Texas company").
var groupNouns = setOf(
	"party", "group", "movement", "militia", "faction", "coalition", "alliance", "bloc", "brigade", "battalion",
	"regiment", "network", "gang", "cartel", "union",
)

// npClose are the words that end an appositive noun phrase before its
// complements and relative clauses.
var npClose = setOf(
	"that", "which", "who", "whose", "with", "in", "of", "for", "at", "on", "based", "and", "to", "from",
	"by", "since", "owned", "run", "controlled", "said", "says", "has", "had", "is", "was", "will", "would",
	"or", "but", "as", "where", "when", "whom",
)

// addTextOrg records the organization named by tokens [a, b], described by
// noun, belonging to gazetteer state (or -1), and returns its actor.
func (r *recognizer) addTextOrg(a, b int, noun string, state int) int {
	sp := annot.Span{Start: r.toks[a].Start, End: r.toks[b].End}
	name := r.d.Slice(sp)
	ai := r.reg.ensure(pledgegraph.KindOrganization, name)
	if noun != "" {
		r.addHead(ai, noun)
	}
	if state >= 0 && r.reg.actors[ai].Country == "" {
		r.orgCountry[ai] = state
		r.reg.actors[ai].Country = r.g.countryID(state)
	}
	if r.reg.mention(sp, ai, annot.Name, r.toks[a].sent) {
		r.reg.alias(ai, name)
	}
	words := make([]string, 0, b-a+1)
	for k := a; k <= b; k++ {
		words = append(words, r.toks[k].text)
		r.used[k] = true
		r.tokOrg[k] = ai
	}
	if r.textOrgSeen == nil {
		r.textOrgSeen = map[int]bool{}
	}
	if !r.textOrgSeen[ai] {
		r.textOrgSeen[ai] = true
		r.textOrgs = append(r.textOrgs, textOrg{words: words, actor: ai})
	}
	return ai
}

// addHead adds a noun that refers back to organization ai.
func (r *recognizer) addHead(ai int, noun string) {
	for _, h := range r.headsOf[ai] {
		if h == noun {
			return
		}
	}
	r.headsOf[ai] = append(r.headsOf[ai], noun)
	r.byNoun[noun] = append(r.byNoun[noun], ai)
}

// orgSpeechVerbs after a single name make it a speaker ("Gazprom said").
var orgSpeechVerbs = setOf(
	"said", "says", "announced", "stated", "confirmed", "denied", "warned", "insisted", "rejected", "rejects",
	"declined", "responded", "replied", "claimed", "argued", "noted", "reported", "reports", "added",
)

// speakerOrgs reads single capitalised names that speak as organizations do:
// "Gazprom said in a statement that it would…". The word must be no given
// name, no known person's name nor part of a longer name anywhere in the
// text, never written in lower case (no common noun opening a sentence), and
// the speech must show an organization: "in a statement", or "it"/"its" as
// the first pronoun after the name.
func (r *recognizer) speakerOrgs() {
	lowerSeen := map[string]bool{}
	inRun := map[string]bool{}
	capMid := map[string]bool{}
	for i, t := range r.toks {
		if t.kind != tWord {
			continue
		}
		if !t.cap {
			lowerSeen[t.lower] = true
			continue
		}
		if !t.sentStart {
			capMid[t.lower] = true
		}
		// beside another capitalised word that is no gazetteer name: part of a
		// longer name ("Lula da Silva" is not; "Saudi Aramco" is not either)
		if i > 0 && r.toks[i-1].kind == tWord && r.toks[i-1].cap && r.adjacent(i-1, i) && !r.toks[i-1].sentStart && r.match[i-1] < 0 ||
			i+1 < len(r.toks) && r.toks[i+1].kind == tWord && r.toks[i+1].cap && r.adjacent(i, i+1) && r.match[i+1] < 0 {
			inRun[t.lower] = true
		}
	}
	surnames := map[string]bool{}
	for _, p := range r.persons {
		if p.dead {
			continue
		}
		for _, k := range p.keys {
			inRun[k] = true
		}
		if len(p.keys) > 0 {
			surnames[p.keys[len(p.keys)-1]] = true
		}
	}
	for i := 0; i < len(r.toks); i++ {
		if !r.capWord(i) || r.toks[i].kind != tWord || r.headline(r.toks[i]) {
			continue
		}
		// the capitalised run from i
		j := i
		for j+1 < len(r.toks) && r.capWord(j+1) && r.adjacent(j, j+1) && r.toks[j+1].kind == tWord {
			j++
		}
		if j-i > 3 {
			i = j
			continue
		}
		a, b := i, j
		i = j
		n := b + 1
		if n >= len(r.toks) || !r.adjacent(b, n) || !orgSpeechVerbs[r.toks[n].lower] {
			continue
		}
		if !r.speakerName(a, b, lowerSeen, inRun, capMid, surnames) || !r.orgSpeech(n) {
			continue
		}
		// "Saudi Aramco said": a demonym opening the name belongs to it
		state := r.possessor(a)
		if mi := r.match[a]; mi >= 0 {
			if m := r.matches[mi]; m.e.kind == eCountry && m.e.form == fDemonym && m.t0 == a && m.t1 == a+1 && b > a {
				state = m.e.idx
				r.matches[mi].drop = true
			}
		}
		r.addTextOrg(a, b, "", state)
	}
}

// speakerName reports whether tokens [a, b] may name an organization that
// speaks (see speakerOrgs).
func (r *recognizer) speakerName(a, b int, lowerSeen, inRun, capMid, surnames map[string]bool) bool {
	t := r.toks[a]
	lw := t.lower
	if r.g.given[firstKey(t.key)] || t.sentStart && sentenceAdverb(lw) || isTitleHead(lw) || functionWords[lw] || honorifics[lw] {
		return false
	}
	for k := a; k <= b; k++ {
		if r.used[k] || inRun[r.toks[k].key] && a == b || r.toks[k].upper && r.allCaps(k) {
			return false
		}
		if mi := r.match[k]; mi >= 0 {
			m := r.matches[mi]
			// only a demonym opening the name, or a name read as part of a
			// longer one ("Real Madrid")
			if !(k == a && b > a && m.e.kind == eCountry && m.e.form == fDemonym) && !(m.drop && m.e.kind != eRegion && b > a) {
				return false
			}
		}
	}
	if a < b {
		// a run of several words speaks as a person unless one of its words
		// is no person's ("Real Madrid", "Chatham House")
		return !surnames[r.toks[b].key] && r.impersonalRun(a, b)
	}
	if r.match[a] >= 0 || lexiconWord(lw) || commonSpeakers[lw] || lowerSeen[lw] || inRun[lw] {
		return false
	}
	if strings.HasSuffix(lw, "s") && (!capMid[lw] || r.lower(a-1) == "the") {
		return false // "Witnesses said", "the Bakers said"
	}
	pi, _ := r.knownPerson(a, a)
	return pi < 0
}

// impersonalRun reports whether a capitalised run holds a word that is no
// person's: a place or state's name read inside it, a word of places or
// things, or a noun of organizations.
func (r *recognizer) impersonalRun(a, b int) bool {
	for k := a; k <= b; k++ {
		lw := r.toks[k].lower
		if r.match[k] >= 0 || geoWords[lw] || thingWords[lw] || orgHeads[lw] || orgNouns[lw] || companyHeads[lw] {
			return true
		}
	}
	return false
}

// orgSpeech reports whether the speech verb at token v shows an
// organization speaking: "said in a statement", or a first pronoun "it" or
// "its" within this sentence and the next.
func (r *recognizer) orgSpeech(v int) bool {
	sent := r.toks[v].sent
	for k := v + 1; k < len(r.toks) && k < v+60; k++ {
		t := r.toks[k]
		if sent < 0 || t.sent != sent && !(t.sent == sent+1 && t.sentStart) {
			break // this sentence, and the first word of the next ("It said…")
		}
		switch t.lower {
		case "statement", "communique", "communiqué", "release":
			if k-v <= 4 {
				return true
			}
		case "its":
			return true
		case "it":
			// "it would", "it had", not "it was" or "it would be"
			n := r.lower(k + 1)
			return itVerbs[n] && r.lower(k+2) != "be" && r.lower(k+2) != "been"
		case "he", "she", "his", "her", "him", "hers":
			return false
		}
	}
	return false
}

// itVerbs after "it" show "it" acting, as an organization does.
var itVerbs = setOf(
	"would", "will", "could", "can", "had", "has", "have", "plans", "planned", "intends", "intended",
	"expects", "expected", "said", "says", "added", "did", "does", "may", "might", "aims", "wants", "hopes",
	"continues", "continued", "remains", "remained", "rejects", "rejected", "denies", "denied", "declined",
	"refused", "agreed", "pledged", "promised", "welcomed", "reported", "recorded", "posted",
)

// linkTextOrgs records every other occurrence of an organization name read
// from the text ("staffing with Rosatom" before "Rosatom, the Russian state
// nuclear corporation").
func (r *recognizer) linkTextOrgs() {
	if len(r.textOrgs) == 0 {
		return
	}
	byFirst := map[string][]int{}
	for oi, o := range r.textOrgs {
		byFirst[o.words[0]] = append(byFirst[o.words[0]], oi)
	}
	for i := 0; i < len(r.toks); i++ {
		cands := byFirst[r.toks[i].text]
		if len(cands) == 0 || r.used[i] || r.headline(r.toks[i]) {
			continue
		}
		if i > 0 && r.capWord(i-1) && r.adjacent(i-1, i) && !r.toks[i-1].sentStart {
			continue // inside a longer name
		}
	next:
		for _, oi := range cands {
			o := r.textOrgs[oi]
			end := i + len(o.words) - 1
			if end >= len(r.toks) {
				continue
			}
			for x, w := range o.words {
				if r.toks[i+x].text != w || r.used[i+x] || x > 0 && !r.adjacent(i+x-1, i+x) {
					continue next
				}
			}
			if r.capWord(end+1) && r.adjacent(end, end+1) {
				continue // "Gazprom Neft" is another name
			}
			sp := annot.Span{Start: r.toks[i].Start, End: r.toks[end].End}
			if r.reg.mention(sp, o.actor, annot.Name, r.toks[i].sent) {
				for x := i; x <= end; x++ {
					r.used[x] = true
					r.tokOrg[x] = o.actor
					if mi := r.match[x]; mi >= 0 {
						r.matches[mi].drop = true
					}
				}
			}
			i = end
			break
		}
	}
}

// firstKey is the first word of a name key ("pieter" of "pieter jan").
func firstKey(key string) string {
	if i := strings.IndexByte(key, ' '); i > 0 {
		return key[:i]
	}
	return key
}
