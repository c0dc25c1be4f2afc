package actors

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"pledgegraph"
	"pledgegraph/loader/annot"
)

// nameTok reports whether token i can be part of a person's name: a
// capitalised word that is no gazetteer name, office, function word or date.
func (r *recognizer) nameTok(i int, first bool) bool {
	if !r.capWord(i) || r.toks[i].kind != tWord {
		return false
	}
	// a gazetteer word is no name unless it was read as part of one ("Ann
	// Wagner" is not the Wagner Group); a region never is
	if mi := r.match[i]; mi >= 0 && (!r.matches[mi].drop || r.matches[mi].e.kind == eRegion || r.matches[mi].region || r.matches[mi].t1-r.matches[mi].t0 > 1) {
		return false
	}
	t := r.toks[i]
	lw := t.lower
	if isTitleHead(lw) || titleModifiers[lw] || functionWords[lw] || orgHeads[lw] {
		return false
	}
	if t.upper && !r.allCaps(i) && !r.initials(i) {
		return false // an acronym: "IRGC", "COVID"
	}
	if first && calendarWords[lw] {
		return false
	}
	if t.sentStart && sentenceAdverb(lw) {
		return false // "Separately Smith said", "Speaking in Ankara"
	}
	return true
}

// initials reports capital initials that open a name after an office
// ("Vice President JD Vance", "Senator J.D. Vance").
func (r *recognizer) initials(i int) bool {
	letters := 0
	for _, c := range r.toks[i].text {
		if c != '.' {
			letters++
		}
	}
	n := i + 1
	return letters <= 3 && i > 0 && isTitleHead(r.lower(i-1)) && r.adjacent(i-1, i) && r.adjacent(i, n) &&
		r.word(n) && r.toks[n].cap && !r.toks[n].upper && r.match[n] < 0
}

// sentenceAdverb reports words that open sentences but never names:
// adverbs in -ly ("Separately", "Initially") and gerunds ("Responding").
func sentenceAdverb(lw string) bool {
	switch lw {
	case "kelly", "emily", "holly", "sally", "beverly", "shelly", "molly", "lily", "billy", "willy", "wally",
		"ally", "polly", "dolly", "nelly", "kelley", "stanley", "bradley", "dudley", "hadley", "oakley":
		return false
	}
	n := utf8.RuneCountInString(lw)
	return n > 4 && strings.HasSuffix(lw, "ly") || n > 5 && strings.HasSuffix(lw, "ing")
}

// allCaps reports whether the sentence (or paragraph) of token i is written
// in capitals, where an all-capitals word says nothing.
func (r *recognizer) allCaps(i int) bool {
	words, upper := 0, 0
	for k := i - 6; k <= i+6; k++ {
		if k >= 0 && k < len(r.toks) && r.word(k) && r.sameUnit(k, i) {
			words++
			if r.toks[k].upper || len(r.toks[k].key) <= 1 {
				upper++
			}
		}
	}
	return words >= 3 && upper*10 >= words*8
}

// nameRuns returns the maximal runs [a, b] of name tokens, with particles
// ("von der") inside.
func (r *recognizer) nameRuns() [][2]int {
	var runs [][2]int
	for i := 0; i < len(r.toks); i++ {
		if !r.nameTok(i, true) {
			continue
		}
		b := i
		for {
			n := b + 1
			// middle initials, read before a single capital can end the
			// name at its dot: "Mark A. Milley", "George H.W. Bush"
			if e := r.middleInitial(b, n); e > 0 {
				b = e
				continue
			}
			if r.nameTok(n, false) && r.adjacent(b, n) {
				b = n
				continue
			}
			// honorifics inside a name: "Hassan Sheikh Mohamud"
			if n+1 < len(r.toks) && r.word(n) && r.toks[n].cap && nameInnerTitles[r.toks[n].lower] && r.adjacent(b, n) &&
				r.nameTok(n+1, false) && r.adjacent(n, n+1) {
				b = n + 1
				continue
			}
			// particles: "Ursula von der Leyen"
			p := n
			for p < len(r.toks) && r.word(p) && nameParticles[r.toks[p].lower] && !r.toks[p].cap && r.adjacent(p-1, p) {
				p++
			}
			if p > n && r.nameTok(p, false) && r.adjacent(p-1, p) {
				b = p
				continue
			}
			break
		}
		runs = append(runs, [2]int{i, b})
		i = b
	}
	return runs
}

// middleInitial reads a middle initial at token n after the name token b
// — a capital letter and its dot ("John D. Podesta") or dotted capitals
// ("George H.W. Bush") — followed by another name word, and returns that
// word's token, or -1.
func (r *recognizer) middleInitial(b, n int) int {
	if n >= len(r.toks) || !r.adjacent(b, n) || !r.word(n) || !r.toks[n].cap || r.match[n] >= 0 || r.used[n] {
		return -1
	}
	next := n + 1 // the name word after the initial
	if isInitial(r.toks[n].text) {
		if next >= len(r.toks) || r.toks[next].text != "." || r.toks[next].Start != r.toks[n].End {
			return -1
		}
		next++
	} else if !isDottedInitials(r.toks[n].text) {
		return -1
	}
	if next >= len(r.toks) || !r.adjacent(next-1, next) || !r.nameTok(next, false) {
		return -1
	}
	return next
}

// isInitial reports a single capital letter ("D" of "John D. Podesta").
func isInitial(s string) bool {
	c, w := utf8.DecodeRuneInString(s)
	return w == len(s) && unicode.IsUpper(c)
}

// isDottedInitials reports one to three capitals each followed by a dot
// ("H.W.", "J.D.").
func isDottedInitials(s string) bool {
	n := 0
	for s != "" {
		c, w := utf8.DecodeRuneInString(s)
		if !unicode.IsUpper(c) || w >= len(s) || s[w] != '.' {
			return false
		}
		s = s[w+1:]
		n++
	}
	return n >= 1 && n <= 3
}

// isMiddleInitial reports whether token k of a person's name [a, b] is a
// middle initial ("D", "H.W.").
func (r *recognizer) isMiddleInitial(k, a, b int) bool {
	return k > a && k < b && r.toks[k].kind == tWord && (isInitial(r.toks[k].text) || isDottedInitials(r.toks[k].text))
}

// adjacent reports whether tokens i and j (j = i+1) are separated by plain
// spaces only, in the same sentence.
func (r *recognizer) adjacent(i, j int) bool {
	if i < 0 || j >= len(r.toks) || r.toks[j].nlBefore || r.toks[j].sent != r.toks[i].sent {
		return false
	}
	gap := r.d.Text[r.toks[i].End:r.toks[j].Start]
	return len(gap) > 0 && strings.TrimSpace(gap) == "" && !strings.ContainsAny(gap, "\n\r")
}

// titleInfo is an office read beside a name.
type titleInfo struct {
	title   string
	country int  // gazetteer country, -1
	cmatch  int  // the gazetteer match naming that country, -1
	org     bool // the office belongs to an organization named before it ("European Commission President")
	t0, t1  int  // tokens of the office and its state prefix [t0, t1)
	plural  bool
}

// titleBefore reads an office written before a name ("French President",
// "UK Prime Minister", "UN relief chief", "U.S. Ambassador to the United
// Nations", "Tuvalu’s Prime Minister"). a is the first token of the name.
func (r *recognizer) titleBefore(a int) (titleInfo, bool) {
	ti := titleInfo{country: -1, cmatch: -1}
	j := a - 1
	end := a // exclusive
	// an office with a complement: "Ambassador to the United Nations",
	// "Secretary of State", "Minister for Europe"
	k, n := a-1, 0
	for k >= 0 && n < 4 && r.sameUnit(k, a) && r.word(k) && (r.match[k] >= 0 || r.toks[k].cap) && !r.used[k] {
		k--
		n++
	}
	if n > 0 {
		if k >= 0 && r.lower(k) == "the" {
			k--
		}
		if k >= 1 && (r.lower(k) == "to" || r.lower(k) == "of" || r.lower(k) == "for" || r.lower(k) == "on") && titleHeads[r.lower(k-1)] && r.sameUnit(k-1, a) {
			j = k - 1
		}
	}
	// an abbreviated office: "Sen. Lindsey Graham"
	if j == a-1 && j >= 1 && r.toks[j].text == "." && titleAbbrevs[r.lower(j-1)] && r.sameUnit(j-1, a) {
		j = a - 2
	}
	if j < 0 || !r.word(j) || !isTitleHead(r.lower(j)) || r.used[j] || !r.sameUnit(j, a) {
		return ti, false
	}
	ti.plural = strings.HasSuffix(r.lower(j), "s") && r.lower(j) != "sultans"
	unknownCaps, lowerUnknown := 0, 0
	for j >= 0 && r.sameUnit(j, a) && r.word(j) && r.match[j] < 0 && !r.used[j] {
		t := r.toks[j]
		switch {
		case isTitleHead(t.lower) || titleModifiers[t.lower]:
		case t.cap && !functionWords[t.lower] && unknownCaps < 3:
			unknownCaps++ // "Crisis Management Commissioner"
		case !t.cap && lowerUnknown == 0 && j > 0 && (r.match[j-1] >= 0 || r.toks[j-1].kind == tPoss):
			lowerUnknown++ // "UN relief chief"
		default:
			goto done
		}
		j--
	}
done:
	ti.t0 = j + 1
	// drop leading lower-case words that are not offices ("opposition"
	// stays). An office with a prefix ("then-president", "ex-minister") is
	// an office too, and the last word of the title is never dropped: the
	// title is never empty.
	for ti.t0 < end-1 && !r.toks[ti.t0].cap && !isTitleHead(r.toks[ti.t0].lower) && !titleModifiers[r.toks[ti.t0].lower] &&
		!(ti.t0 > 0 && (r.match[ti.t0-1] >= 0 || r.toks[ti.t0-1].kind == tPoss)) {
		ti.t0++
	}
	ti.title = r.d.Slice(annot.Span{Start: r.toks[ti.t0].Start, End: r.toks[end-1].End})
	if strings.HasPrefix(r.lower(end-1), "counterpart") {
		// "his Turkish counterpart Mevlut Cavusoglu": the office of the
		// person last named before
		ti.title = r.lastTitleBefore(r.toks[a].Start)
	}
	// the state or body before the office
	p := ti.t0 - 1
	if p >= 0 && r.toks[p].kind == tPoss {
		p--
	}
	if p >= 0 && r.match[p] >= 0 && r.sameUnit(p, a) {
		ti.country = r.countryOf(r.match[p])
		ti.cmatch = r.match[p]
		ti.t0 = r.matches[r.match[p]].t0
		ti.org = r.matches[r.match[p]].e.kind != eCountry // a body or a region ("Greenland Premier")
	} else if p >= 0 && r.tokOrg[p] >= 0 && r.sameUnit(p, a) {
		ti.org = true
		// "Russian Foreign Ministry spokeswoman Maria Zakharova"
		if c, ok := r.orgCountry[r.tokOrg[p]]; ok {
			ti.country = c
		}
	}
	ti.t1 = end
	return ti, true
}

// lastTitleBefore returns the office of the person mentioned last before
// offset off, or "".
func (r *recognizer) lastTitleBefore(off int) string {
	best, title := -1, ""
	for _, p := range r.persons {
		if e := r.reg.lastMentionBefore(p.actor, off); e > best && p.title != "" {
			best, title = e, p.title
		}
	}
	return title
}

// npHead finds an office inside the noun phrase [s, e] (inclusive) of an
// apposition and returns it with the state named there. The phrase must not
// contain another name.
func (r *recognizer) npHead(s, e int) (titleInfo, bool) {
	ti := titleInfo{country: -1, cmatch: -1}
	head := -1
	for k := s; k <= e; k++ {
		t := r.toks[k]
		if r.nameTok(k, false) && k != s {
			return ti, false // another name inside: "President Donald Trump’s son-in-law"
		}
		if t.kind == tWord && roleHeads[t.lower] || t.kind == tWord && titleHeads[t.lower] && !strings.HasSuffix(t.lower, "s") {
			head = k
		}
	}
	if head < 0 {
		return ti, false
	}
	// The state the person represents is named before the office ("Ukraine’s
	// deputy minister", "Washington’s top general"), not in a complement
	// after it ("country director for Sudan").
	for k := s; k < head; k++ {
		if mi := r.match[k]; mi >= 0 && ti.country < 0 {
			if m := r.matches[mi]; m.e.kind == eCountry && !m.drop || m.e.kind == eOrg {
				ti.country = r.countryOf(mi)
				ti.cmatch = mi
			}
		} else if ti.country < 0 && r.tokOrg[k] >= 0 {
			if c, ok := r.orgCountry[r.tokOrg[k]]; ok {
				ti.country = c
			}
		}
	}
	// the office: from after the determiner / possessive / state to the head,
	// with a complement naming a place ("top general in Europe")
	from := s
	for k := s; k < head; k++ {
		if r.toks[k].kind == tPoss || functionWords[r.toks[k].lower] && !titleModifiers[r.toks[k].lower] || r.match[k] >= 0 {
			from = k + 1
		}
	}
	to := head
	if head+2 <= e && (r.lower(head+1) == "in" || r.lower(head+1) == "to" || r.lower(head+1) == "of") && r.match[head+2] >= 0 {
		to = r.matches[r.match[head+2]].t1 - 1
	}
	// a complement of lower-case words belongs to the office: "director of
	// nuclear safety", "minister of state for international cooperation"
	for k := to + 1; k+1 <= e && (r.lower(k) == "of" || r.lower(k) == "for") && r.plainWord(k+1); {
		k++
		for k+1 <= e && r.plainWord(k+1) {
			k++
		}
		to = k
		k++
	}
	// "a spokesman for the Kremlin": the body the spokesperson speaks for
	if ti.country < 0 && strings.HasPrefix(r.lower(head), "spokes") && head+1 <= e && r.lower(head+1) == "for" {
		k := head + 2
		if k <= e && r.lower(k) == "the" {
			k++
		}
		if k <= e && r.match[k] >= 0 {
			ti.country = r.countryOf(r.match[k])
			to = r.matches[r.match[k]].t1 - 1
		}
	}
	// "a minister of state at Germany’s Federal Foreign Office": the state of
	// the body the person works at
	if ti.country < 0 {
		for k := head + 1; k < e; k++ {
			if r.lower(k) != "at" {
				continue
			}
			x := k + 1
			if r.lower(x) == "the" {
				x++
			}
			if x <= e && r.match[x] >= 0 && r.matches[r.match[x]].e.kind == eCountry && r.matches[r.match[x]].t1 <= e &&
				r.toks[r.matches[r.match[x]].t1].kind == tPoss {
				ti.country = r.matches[r.match[x]].e.idx
			} else if x <= e && r.tokOrg[x] >= 0 {
				if c, ok := r.orgCountry[r.tokOrg[x]]; ok {
					ti.country = c
				}
			}
			break
		}
	}
	if from > to {
		from = head
	}
	// a body named before the office ("The UN envoy") stays in the title
	if from > s && r.match[from-1] >= 0 && r.matches[r.match[from-1]].e.kind == eOrg {
		from = r.matches[r.match[from-1]].t0
	}
	ti.title = r.d.Slice(annot.Span{Start: r.toks[from].Start, End: r.toks[to].End})
	if strings.HasPrefix(r.lower(head), "counterpart") {
		ti.title = r.lastTitleBefore(r.toks[s].Start) // "his French counterpart, Jean-Yves Le Drian"
	}
	ti.t0, ti.t1 = from, to+1
	return ti, true
}

// plainWord reports a lower-case word that is no function word, verb of
// saying or gazetteer name: a word of an office's complement.
func (r *recognizer) plainWord(k int) bool {
	return r.word(k) && !r.toks[k].cap && r.match[k] < 0 && !functionWords[r.toks[k].lower] &&
		!speechVerbs[r.toks[k].lower] && !agencyVerbs[r.toks[k].lower]
}

// possTitle reads an office the lexicon does not know, written after a
// state's possessive in an apposition: "Ireland’s Tánaiste, Declan Fahy,",
// "Oleh Tkachuk, Ukraine’s chief engineer,". The words after the possessive
// (one to four, up to the first function word) are the title.
func (r *recognizer) possTitle(s, e int) (titleInfo, bool) {
	ti := titleInfo{country: -1, cmatch: -1}
	p := -1
	for k := s + 1; k <= e; k++ {
		if r.toks[k].kind == tPoss {
			p = k
		}
	}
	if p < 0 || p+1 > e {
		return ti, false
	}
	mi := r.match[p-1]
	if mi < 0 || r.matches[mi].e.kind != eCountry || r.matches[mi].drop || r.matches[mi].t1 != p {
		return ti, false
	}
	// only a determiner may stand before the state
	for k := s; k < r.matches[mi].t0; k++ {
		if lw := r.toks[k].lower; lw != "the" {
			return ti, false
		}
	}
	to := p
	for k := p + 1; k <= e && k-p <= 4; k++ {
		t := r.toks[k]
		region := r.match[k] >= 0 && r.matches[r.match[k]].e.kind == eRegion // "Arctic envoy"
		if t.kind != tWord || r.match[k] >= 0 && !region || functionWords[t.lower] || speechVerbs[t.lower] || agencyVerbs[t.lower] || r.used[k] {
			break
		}
		to = k
	}
	if to == p || to < e && r.toks[to+1].kind == tWord && !functionWords[r.toks[to+1].lower] {
		return ti, false
	}
	ti.country, ti.cmatch = r.matches[mi].e.idx, mi
	ti.title = r.d.Slice(annot.Span{Start: r.toks[p+1].Start, End: r.toks[to].End})
	ti.t0, ti.t1 = p+1, to+1
	return ti, true
}

// npStop reports whether token k ends an apposition's noun phrase.
func (r *recognizer) npStop(k int) bool {
	t := r.toks[k]
	if t.kind == tPunct {
		return t.text != "-" && t.text != "\u2011"
	}
	switch t.lower {
	case "and", "as", "including", "with", "by", "said", "says", "told", "who", "which", "while", "but":
		return true
	}
	return false
}

// appositionBefore reads "Ukraine’s deputy infrastructure minister, Oksana
// Lytvyn," — an office in the phrase ending in a comma before the name.
func (r *recognizer) appositionBefore(a, b int) (titleInfo, bool) {
	c := a - 1
	if c < 1 || r.toks[c].text != "," || !r.sameUnit(c, a) {
		return titleInfo{}, false
	}
	// the name must close the apposition: a comma, a verb of saying, or the end
	n := b + 1
	if n < len(r.toks) && !(r.toks[n].text == "," || r.toks[n].text == "." || speechVerbs[r.toks[n].lower] || !r.sameUnit(b, n)) {
		return titleInfo{}, false
	}
	e := c - 1
	s := e
	for s-1 >= 0 && r.sameUnit(s-1, e) && !r.npStop(s-1) && e-s < 10 {
		s--
	}
	if r.npStop(e) {
		return titleInfo{}, false
	}
	if ti, ok := r.npHead(s, e); ok {
		return ti, true
	}
	if b > a {
		return r.possTitle(s, e)
	}
	return titleInfo{}, false
}

// appositionAfter reads "Tomas Ekberg, the agency’s country director".
func (r *recognizer) appositionAfter(b int) (titleInfo, bool) {
	c := b + 1
	if c+1 >= len(r.toks) || r.toks[c].text != "," || !r.sameUnit(b, c+1) {
		return titleInfo{}, false
	}
	s := c + 1
	switch r.toks[s].lower {
	case "the", "a", "an", "his", "her", "its", "their":
	default:
		if !(r.match[s] >= 0 || titleHeads[r.toks[s].lower] || titleModifiers[r.toks[s].lower]) {
			return titleInfo{}, false
		}
	}
	e := s
	for e+1 < len(r.toks) && r.sameUnit(s, e+1) && !r.npStop(e+1) && e-s < 10 {
		e++
	}
	if ti, ok := r.npHead(s, e); ok {
		return ti, true
	}
	if b > 0 && r.word(b-1) && r.toks[b-1].cap && r.adjacent(b-1, b) {
		return r.possTitle(s, e)
	}
	return titleInfo{}, false
}

// readPersons reads the persons of the document and links every later mention.
func (r *recognizer) readPersons() {
	runs := r.nameRuns()
	done := make([]bool, len(runs))
	// words that stand alone as a name somewhere: the surname of a full name
	// written elsewhere ("Vladimir Putin" … "Putin said")
	singles := map[string]bool{}
	for _, run := range runs {
		if run[0] == run[1] {
			singles[r.toks[run[0]].key] = true
		}
	}
	// Pass 1: full names with evidence (an office, an apposition, a verb of
	// saying, coordination with a person).
	prevTitle := map[int]titleInfo{} // run index → title, for coordination
	for ri, run := range runs {
		a, b := run[0], run[1]
		if r.headline(r.toks[a]) {
			continue
		}
		// "Minister for Information Fawad Chaudhry": the run begins with the
		// office's complement; the name is its last two words
		if b-a >= 2 && a >= 2 && (r.lower(a-1) == "for" || r.lower(a-1) == "of" || r.lower(a-1) == "on") && titleHeads[r.lower(a-2)] {
			a = b - 1
			runs[ri][0] = a
		}
		ti, hasTitle := r.titleBefore(a)
		if !hasTitle {
			ti, hasTitle = r.appositionBefore(a, b)
		}
		if !hasTitle {
			ti, hasTitle = r.appositionAfter(b)
		}
		if !hasTitle && ri > 0 && a >= 2 && r.lower(a-1) == "and" && runs[ri-1][1] == a-2 && done[ri-1] {
			if pt, ok := prevTitle[ri-1]; ok && pt.plural {
				ti, hasTitle = pt, true // "US envoys Steve Witkoff and Jared Kushner"
				ti.t0, ti.t1 = a, a
			}
		}
		possName := false
		// "Russia’s Vladimir Putin", "Ukraine’s Zelenskyy said": a state's
		// possessive before a name gives the state
		if !hasTitle && a >= 2 && r.toks[a-1].kind == tPoss && r.match[a-2] >= 0 && r.sameUnit(a-2, a) {
			if m := r.matches[r.match[a-2]]; m.e.kind == eCountry && !m.drop && (b > a || r.speechNear(a, b)) && !r.geoRun(a, b) {
				ti, hasTitle = titleInfo{country: m.e.idx, cmatch: r.match[a-2], t0: a, t1: a}, true
				possName = true
			}
		}
		evidence := hasTitle
		if !evidence {
			evidence = r.speechNear(a, b) || r.relativeWho(b) || r.afterPerson(a) || r.personObject(a, b) ||
				b > a && b-a <= 3 && singles[r.toks[b].key] && !r.toks[a].sentStart || r.givenRun(a, b)
		}
		if !evidence {
			continue
		}
		if b == a && !hasTitle {
			continue // a lone word needs an office before it
		}
		// "Real Madrid said it would…": speech alone, of something called
		// "it", is an organization's (see speakerOrgs)
		if !hasTitle && !r.g.given[firstKey(r.toks[a].key)] && b+1 < len(r.toks) && speechVerbs[r.lower(b+1)] &&
			!r.relativeWho(b) && !r.afterPerson(a) && r.impersonalRun(a, b) && r.orgSpeech(b+1) {
			continue
		}
		if b == a && (!possName || r.knownPersonAt(a)) {
			continue // single names are linked in pass 2
		}
		if r.geoRun(a, b) {
			continue
		}
		pi := r.suffixPerson(a, b)
		if pi < 0 {
			pi = r.addPerson(a, b, ti, hasTitle)
		}
		r.personMention(pi, a, b, annot.Name)
		if hasTitle {
			prevTitle[ri] = ti
			for k := ti.t0; k < ti.t1; k++ {
				if r.match[k] < 0 {
					r.used[k] = true
				}
			}
		}
		done[ri] = true
	}
	// Pass 1b: a full name coordinated with a person read after it
	// ("Donald Trump and Vladimir Putin spoke").
	for ri, run := range runs {
		a, b := run[0], run[1]
		if done[ri] || b == a || r.headline(r.toks[a]) || b+2 >= len(r.toks) || r.geoRun(a, b) {
			continue
		}
		if c := b + 1; (r.lower(c) != "and" && r.toks[c].text != ",") || !r.sameUnit(b, c+1) {
			continue
		}
		if ai := r.reg.at(r.toks[b+2].Start, -1); ai < 0 || r.reg.actors[ai].Kind != pledgegraph.KindPerson {
			continue
		}
		pi := r.suffixPerson(a, b)
		if pi < 0 {
			pi = r.addPerson(a, b, titleInfo{country: -1, cmatch: -1}, false)
		}
		r.personMention(pi, a, b, annot.Name)
		done[ri] = true
	}
	// Pass 2: surnames, known names, single names after an office.
	for ri, run := range runs {
		if done[ri] {
			continue
		}
		a, b := run[0], run[1]
		if pi, kind := r.knownPerson(a, b); pi >= 0 {
			r.personMention(pi, a, b, kind)
			done[ri] = true
			continue
		}
		// "Defiant Netanyahu": link the last word alone
		if b > a {
			if pi, _ := r.knownPerson(b, b); pi >= 0 {
				r.personMention(pi, b, b, annot.Surname)
				done[ri] = true
				continue
			}
		}
		if b == a && !r.headline(r.toks[a]) {
			if ti, ok := r.titleBefore(a); ok && !ti.plural {
				pi := r.addPerson(a, b, ti, true)
				r.personMention(pi, a, b, annot.Name)
				for k := ti.t0; k < ti.t1; k++ {
					if r.match[k] < 0 {
						r.used[k] = true
					}
				}
				done[ri] = true
			}
		}
	}
	r.mergeSuffixes()
	r.inferCountries()
	for i := range r.persons {
		p := &r.persons[i]
		if p.country >= 0 && !p.dead {
			r.reg.actors[p.actor].Country = r.g.countryID(p.country)
		}
	}
}

// mergeSuffixes makes one person of a name and a longer name it ends
// ("Von der Leyen" read before or apart from "Ursula von der Leyen").
func (r *recognizer) mergeSuffixes() {
	for i := range r.persons {
		p := &r.persons[i]
		if p.dead {
			continue
		}
		into := -1
		if len(p.keys) == 0 {
			continue
		}
		for _, j := range r.pindex["last:"+p.keys[len(p.keys)-1]] {
			q := r.persons[j]
			if j == i || q.dead || len(q.keys) <= len(p.keys) || !slicesHasSuffix(q.keys, p.keys) {
				continue
			}
			if into >= 0 && r.persons[into].actor != q.actor {
				into = -2 // two candidates: leave it
				break
			}
			into = j
		}
		if into < 0 {
			continue
		}
		q := &r.persons[into]
		if q.title == "" && p.title != "" {
			q.title = p.title
			r.reg.actors[q.actor].Title = p.title
		}
		if q.country < 0 && p.country >= 0 {
			q.country, q.weak = p.country, false
		}
		r.reg.merge(p.actor, q.actor)
		p.dead = true
		p.actor = q.actor
	}
}

func slicesHasSuffix(s, suf []string) bool {
	if len(suf) > len(s) {
		return false
	}
	off := len(s) - len(suf)
	for i := range suf {
		if s[off+i] != suf[i] {
			return false
		}
	}
	return true
}

// inferCountries gives a state official whose state the text does not write
// beside the office ("Chancellor Anna Vogt", "President Xi") the one state
// that the sentence introducing them presents as a party that speaks or acts:
// a state opening a clause ("Britain would…", "said German forces could…"),
// coordinated with one, or owning an office ("Washington’s top general").
// States named as objects or places ("threatened Russia", "talks with
// Ukraine", "in Kyiv"), states already the written state of another person
// holding the same office, and states written before another leader's
// office are no candidates. When the introducing sentence has none, the
// sentences where the person speaks ("Vogt said Berlin would…") are read the
// same way. Two different candidates leave the state empty: no guess.
func (r *recognizer) inferCountries() {
	var weak []int
	for i := range r.persons {
		if p := r.persons[i]; p.weak && !p.dead && p.country < 0 {
			weak = append(weak, i)
		}
	}
	if len(weak) == 0 {
		return
	}
	// offices whose holder's state is written: "president" of Russia
	led := map[string]bool{}
	for _, p := range r.persons {
		if !p.dead && !p.weak && p.country >= 0 && p.title != "" {
			led[officeKey(p.country, p.title)] = true
		}
	}
	// candidate states per sentence, in text order
	ok := make(map[int]bool, len(r.matches))
	bySent := map[int][]int{} // sentence → matches naming a party state
	for mi := range r.matches {
		if r.partyState(mi, ok) {
			ok[mi] = true
			s := r.toks[r.matches[mi].t0].sent
			bySent[s] = append(bySent[s], mi)
		}
	}
	// sole returns the one party state of the sentence for a person named at
	// token at, -1 for none, -2 for two.
	sole := func(sent, at int, p person) int {
		c := -1
		for _, mi := range bySent[sent] {
			x := r.countryOf(mi)
			if led[officeKey(x, p.title)] || r.otherParty(at, mi) {
				continue
			}
			if c >= 0 && x != c {
				return -2
			}
			c = x
		}
		return c
	}
	byActor := map[int][]annot.Mention{}
	for _, m := range r.reg.mentions {
		if m.Actor >= 0 && m.Kind != annot.Role && m.Sentence >= 0 {
			byActor[m.Actor] = append(byActor[m.Actor], m)
		}
	}
	for _, i := range weak {
		p := &r.persons[i]
		c := sole(r.toks[p.at].sent, p.at, *p)
		if c == -1 {
			// the sentences where the person speaks: "Vogt said Berlin would…"
			for _, m := range byActor[p.actor] {
				if m.Sentence == r.toks[p.at].sent {
					continue
				}
				k := r.tokenAt(m.End)
				if k < 0 || !speechVerbs[r.lower(k)] || !r.sameUnit(k-1, k) {
					continue
				}
				x := sole(m.Sentence, r.tokenAt(m.Start), *p)
				if x == -2 || x >= 0 && c >= 0 && x != c {
					c = -2
					break
				}
				if x >= 0 {
					c = x
				}
			}
		}
		if c >= 0 {
			p.country = c
		}
	}
}

// otherParty reports whether the state of match mi, after a person named at
// token at, is presented as the other party: a directive verb or a
// preposition stands between them ("Trump threatened Russia", "talks with
// Kyiv"), or a modal of demand follows it ("said Ukraine must negotiate").
func (r *recognizer) otherParty(at, mi int) bool {
	m := r.matches[mi]
	if m.t0 < at {
		return false
	}
	for k := at + 1; k < m.t0; k++ {
		if directiveVerbs[r.lower(k)] {
			return true
		}
	}
	n := m.t1
	if n < len(r.toks) && r.toks[n].kind == tWord && r.lower(n) == "also" {
		n++
	}
	return demandModals[r.lower(n)] && !(r.lower(n) == "has" || r.lower(n) == "have") ||
		(r.lower(n) == "has" || r.lower(n) == "have") && r.lower(n+1) == "to"
}

// officeKey keys a state's office: "142|president".
func officeKey(c int, title string) string {
	return strconv.Itoa(c) + "|" + strings.ToLower(strings.TrimSpace(title))
}

// tokenAt returns the index of the first token starting at or after byte
// offset off, or -1.
func (r *recognizer) tokenAt(off int) int {
	k := sort.Search(len(r.toks), func(k int) bool { return r.toks[k].Start >= off })
	if k >= len(r.toks) {
		return -1
	}
	return k
}

// partyState reports whether gazetteer match mi names a state that its
// sentence presents as a party speaking or acting, not as an object or a
// place (see inferCountries). ok holds the verdicts on earlier matches, for
// coordination ("Germany and France said").
func (r *recognizer) partyState(mi int, ok map[int]bool) bool {
	m := r.matches[mi]
	if m.drop || m.place || r.hogPrefix[mi] || r.countryOf(mi) < 0 {
		return false
	}
	// "China’s statement" says nothing of whom a leader speaks for, unlike
	// "Washington’s top general"
	if n := m.t1; n+1 < len(r.toks) && r.toks[n].kind == tPoss {
		return isTitleHead(r.lower(n+1)) || titleModifiers[r.lower(n+1)]
	}
	p := m.t0 - 1
	if p >= 0 && r.lower(p) == "the" {
		p--
	}
	if p < 0 || !r.sameUnit(p, m.t0) {
		return true // opens the sentence
	}
	t := r.toks[p]
	switch {
	case t.text == "," || t.lower == "and" || t.lower == "or" || t.lower == "nor":
		q := p - 1
		if q >= 0 && r.lower(q) == "the" {
			q--
		}
		if q >= 0 && r.match[q] >= 0 && r.matches[r.match[q]].t1 == q+1 {
			return ok[r.match[q]] // coordinated: as the state before
		}
		return true
	case t.kind == tPunct:
		return strings.ContainsAny(t.text, "\u201c\"(:;\u2014")
	}
	switch t.lower {
	case "that", "said", "says", "added", "but", "while", "whereas", "although", "though", "because", "so":
		return true
	}
	return false
}

// geoRun reports whether a run names a place ("North Darfur", "El Fasher").
func (r *recognizer) geoRun(a, b int) bool {
	if geoWords[r.lower(a)] || geoWords[r.lower(b)] || b > a && (thingWords[r.lower(b)] || groupPlurals[r.lower(b)]) {
		return true // also a thing or a group: "Nobel Prize", "Scottish Greens"
	}
	if a > 0 && placePrepositions[r.lower(a-1)] && r.lower(a-1) != "of" && r.lower(a-1) != "from" {
		// "to El Fasher": a place unless a verb of saying follows
		return !(b+1 < len(r.toks) && speechVerbs[r.lower(b+1)])
	}
	return false
}

// speechNear reports a verb of saying right after the name ("Rahal added") or
// right before it ("said Tomas Ekberg"), or "according to" before it.
func (r *recognizer) speechNear(a, b int) bool {
	n := b + 1
	if n < len(r.toks) && r.toks[n].kind == tWord && speechVerbs[r.toks[n].lower] && r.sameUnit(b, n) {
		return true
	}
	p := a - 1
	if p >= 0 && r.sameUnit(p, a) {
		switch r.lower(p) {
		case "said", "says", "added", "asked", "wrote", "told":
			return true
		case "to":
			return r.lower(p-1) == "according"
		}
	}
	return false
}

// afterPerson reports a name coordinated with a person read just before it
// ("Donald Trump and Vladimir Putin", "Macron, Vladimir Putin").
func (r *recognizer) afterPerson(a int) bool {
	c := a - 1
	if c < 1 || !r.sameUnit(c, a) || r.lower(c) != "and" && r.toks[c].text != "," {
		return false
	}
	ai := r.reg.at(-1, r.toks[c-1].End)
	return ai >= 0 && r.reg.actors[ai].Kind == pledgegraph.KindPerson
}

// personObject reports a full name after a verb or preposition that takes a
// person ("met Mark Rutte", "talks with Mark Rutte", "chaired by Ismail Omar
// Guelleh").
func (r *recognizer) personObject(a, b int) bool {
	p := a - 1
	return b > a && b-a <= 2 && p >= 0 && r.sameUnit(p, a) && personVerbs[r.lower(p)] && !r.toks[a].sentStart
}

// givenRun reports a run of two to four name words whose first is a given
// name ("Anna Berg", "Declan Fahy"): a person unless a determiner stands
// before it ("the Victoria Line") or it ends in a group noun ("Christian
// Democrats").
func (r *recognizer) givenRun(a, b int) bool {
	if b == a || b-a > 3 || !r.g.given[firstKey(r.toks[a].key)] || groupPlurals[r.toks[b].lower] {
		return false
	}
	if p := a - 1; p >= 0 && r.sameUnit(p, a) && r.word(p) {
		switch r.toks[p].lower {
		case "the", "a", "an", "this", "that", "its", "their":
			return false
		}
		if r.toks[p].cap && r.adjacent(p, a) && !r.toks[p].sentStart && !isTitleHead(r.toks[p].lower) {
			return false // the end of a longer name: "Second Thomas Shoal"
		}
	}
	return true
}

// relativeWho reports "Name, who …".
func (r *recognizer) relativeWho(b int) bool {
	return b+2 < len(r.toks) && r.toks[b+1].text == "," && r.lower(b+2) == "who"
}

// addPerson creates (or finds) the person named by tokens [a, b].
func (r *recognizer) addPerson(a, b int, ti titleInfo, hasTitle bool) int {
	var keys []string
	for k := a; k <= b; k++ {
		if r.toks[k].kind == tWord {
			keys = append(keys, r.toks[k].key)
		}
	}
	name := r.d.Slice(annot.Span{Start: r.toks[a].Start, End: r.toks[b].End})
	// the name without its middle initials: "John Podesta" for "John D.
	// Podesta", "George Bush" for "George H.W. Bush"
	var shortKeys, shortWords []string
	for k := a; k <= b; k++ {
		if r.toks[k].kind == tWord && !r.isMiddleInitial(k, a, b) {
			shortKeys = append(shortKeys, r.toks[k].key)
			shortWords = append(shortWords, r.toks[k].text)
		}
	}
	if len(shortKeys) == len(keys) {
		shortKeys, shortWords = nil, nil
	}
	// a single name after an office may be the surname of a known person
	if a == b {
		if pi, _ := r.knownPerson(a, b); pi >= 0 {
			return pi
		}
	}
	l := r.pindex["full:"+strings.Join(keys, " ")]
	if len(l) == 0 && len(shortKeys) > 0 {
		l = r.pindex["full:"+strings.Join(shortKeys, " ")] // "John Podesta" read before "John D. Podesta"
	}
	if len(l) > 0 {
		i := l[0]
		p := r.persons[i]
		{
			// a later office fills what the first mention did not say
			if hasTitle && p.title == "" && !honorifics[strings.Trim(strings.ToLower(ti.title), ".")] {
				r.persons[i].title = ti.title
				r.reg.actors[p.actor].Title = ti.title
			}
			if hasTitle && p.country < 0 && ti.country >= 0 {
				r.persons[i].country, r.persons[i].weak = ti.country, false
			}
			return i
		}
	}
	ai := r.reg.ensure(pledgegraph.KindPerson, name)
	p := person{actor: ai, keys: keys, country: -1, body: -1}
	if hasTitle {
		if ti.org && ti.cmatch >= 0 && r.matches[ti.cmatch].e.kind == eOrg {
			p.body = r.gazActor(r.matches[ti.cmatch].e)
		} else if ti.t0 > 0 && r.tokOrg[ti.t0-1] >= 0 {
			p.body = r.tokOrg[ti.t0-1] // "Chinese foreign ministry spokeswoman"
		}
		p.title = ti.title
		if honorifics[strings.Trim(strings.ToLower(ti.title), ".")] {
			p.title = "" // "Mr Modi": no office
		}
		p.country = ti.country
		// the state written before a leader's office, or before a bare name
		// ("Russia’s Vladimir Putin"), is theirs: no other leader in the
		// sentence takes it by inference
		if p.country >= 0 && ti.cmatch >= 0 && (r.speaksForState(p.title) || p.title == "") {
			r.hogPrefix[ti.cmatch] = true
		}
		// a head of state or government whose state is not written beside
		// the office: read later from the sentence (see inferCountries)
		p.weak = p.country < 0 && !ti.org && r.speaksForState(p.title)
		p.at = a
		r.reg.actors[ai].Title = p.title
	}
	r.persons = append(r.persons, p)
	pi := len(r.persons) - 1
	if len(keys) > 0 {
		last := keys[len(keys)-1]
		r.pindex["full:"+strings.Join(keys, " ")] = append(r.pindex["full:"+strings.Join(keys, " ")], pi)
		if len(shortKeys) > 0 {
			r.pindex["full:"+strings.Join(shortKeys, " ")] = append(r.pindex["full:"+strings.Join(shortKeys, " ")], pi)
			r.reg.alias(ai, strings.Join(shortWords, " "))
		}
		r.pindex["last:"+last] = append(r.pindex["last:"+last], pi)
		if st := stripParticle(last); st != last {
			r.pindex["strip:"+st] = append(r.pindex["strip:"+st], pi)
		}
		r.pindex["first:"+keys[0]] = append(r.pindex["first:"+keys[0]], pi)
	}
	if u := unaccent(name); u != name {
		r.reg.alias(ai, u)
	}
	return pi
}

// speaksForState reports whether an office speaks for a state even when the
// text names none beside it (president, chancellor, minister…), as opposed to
// officials of international bodies.
func (r *recognizer) speaksForState(title string) bool {
	ws := strings.Fields(strings.ToLower(title))
	if len(ws) == 0 {
		return false
	}
	// "Treasury Secretary", "Secretary of State", "Minister of Foreign
	// Affairs" — not "Secretary General"
	for _, w := range ws {
		if w == "general" || w == "secretary-general" {
			return false
		}
	}
	for _, w := range ws {
		if headOfGovernment[w] || w == "secretary" {
			return true
		}
	}
	return false
}

// suffixPerson returns the one person whose name ends with the words of
// tokens [a, b] ("Von der Leyen" for "Ursula von der Leyen"), or -1.
func (r *recognizer) suffixPerson(a, b int) int {
	var keys []string
	for k := a; k <= b; k++ {
		if r.toks[k].kind == tWord {
			keys = append(keys, r.toks[k].key)
		}
	}
	found := -1
	if len(keys) == 0 {
		return found
	}
	for _, i := range r.pindex["last:"+keys[len(keys)-1]] {
		p := r.persons[i]
		if p.dead || len(p.keys) <= len(keys) || !slicesHasSuffix(p.keys, keys) {
			continue
		}
		if found >= 0 && r.persons[found].actor != p.actor {
			return -1
		}
		found = i
	}
	return found
}

// knownPerson returns the person tokens [a, b] name — the full name, the
// surname, or (for names written family name first) the first word — and the
// kind of mention, or -1.
func (r *recognizer) knownPerson(a, b int) (int, annot.MentionKind) {
	var keys []string
	for k := a; k <= b; k++ {
		if r.toks[k].kind == tWord {
			keys = append(keys, r.toks[k].key)
		}
	}
	key := strings.Join(keys, " ")
	if l := r.pindex["full:"+key]; len(l) > 0 {
		return l[0], annot.Name
	}
	if a != b {
		return -1, annot.Name
	}
	match := func(index string) int {
		found := -1
		for _, i := range r.pindex[index+key] {
			if p := r.persons[i]; len(p.keys) > 1 {
				if found >= 0 && r.persons[found].actor != p.actor {
					// two persons share it: the one mentioned last
					if r.reg.lastMentionBefore(p.actor, r.toks[a].Start) > r.reg.lastMentionBefore(r.persons[found].actor, r.toks[a].Start) {
						found = i
					}
					continue
				}
				found = i
			}
		}
		return found
	}
	if i := match("last:"); i >= 0 {
		return i, annot.Surname
	}
	// "Sisi" for "Abdel Fattah el-Sisi"
	if i := match("strip:"); i >= 0 {
		return i, annot.Surname
	}
	if i := match("first:"); i >= 0 {
		// "Zhao" for "Zhao Mingyuan", "Kim" for "Kim Jong Un" — only when no
		// surname claims the word
		return i, annot.Surname
	}
	return -1, annot.Name
}

// knownPersonAt reports whether token a alone names a person read already.
func (r *recognizer) knownPersonAt(a int) bool {
	pi, _ := r.knownPerson(a, a)
	return pi >= 0
}

// stripParticle drops a joined particle from a name key: "el sisi" → "sisi".
func stripParticle(key string) string {
	if i := strings.IndexByte(key, ' '); i > 0 && nameParticles[key[:i]] {
		return key[i+1:]
	}
	return key
}

// personMention records a mention of person pi at tokens [a, b].
func (r *recognizer) personMention(pi, a, b int, kind annot.MentionKind) {
	p := r.persons[pi]
	sp := annot.Span{Start: r.toks[a].Start, End: r.toks[b].End}
	if r.reg.mention(sp, p.actor, kind, r.toks[a].sent) {
		s := r.d.Slice(sp)
		r.reg.alias(p.actor, s)
		if u := unaccent(s); u != s {
			r.reg.alias(p.actor, u)
		}
	}
	for k := a; k <= b; k++ {
		r.used[k] = true
	}
}

// unaccent folds Latin diacritics ("Aydın" → "Aydin").
func unaccent(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(pledgegraph.Unaccent(r))
	}
	return b.String()
}
