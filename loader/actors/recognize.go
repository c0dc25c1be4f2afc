package actors

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"pledgegraph"
	"pledgegraph/loader/annot"
)

// Recognize finds the actors of a document — persons, sovereign states and
// organizations — and every place they are named. It reads d.Text,
// d.Paragraphs (the Headline paragraph is read for gazetteer names and known
// persons only) and d.Sentences, and changes nothing in d.
//
// Actors come in order of first mention, each with its stable ID, canonical
// Name and the Aliases read in this document (names, short names, demonyms,
// capitals standing for a state, acronyms, unaccented spellings; role forms
// such as "the minister" are mentions, not aliases). Persons carry Title and
// Country (the actor ID of the state they represent) when the text gives or
// plainly implies them.
//
// Mentions are sorted by offset and never overlap. Kind tells how the actor
// is named (Name, Surname, Demonym, Capital, Role); Sentence is the index of
// the sentence, -1 in the headline. A role mention ("the prime minister",
// "the ministry", "the alliance") is linked to the most recently mentioned
// actor it fits; with no such actor its Actor is -1, for the attribution
// stage. When two actors fit (two prime ministers), the one mentioned last
// before it wins, and RoleAmbiguous reports the mention so that a later
// stage can trust the link less.
//
// Organizations that belong to a state (ministries, embassies, armed forces,
// the Kremlin, "Ukraine’s grid operator Ukrenergo") carry that state's actor
// ID in Country too.
//
// Recognize is pure and safe for concurrent use. A nil document or gazetteer
// yields no actors.
func Recognize(d *annot.Doc, g *Gazetteer) ([]pledgegraph.Actor, []annot.Mention) {
	if d == nil || g == nil || d.Text == "" {
		return []pledgegraph.Actor{}, []annot.Mention{}
	}
	r := &recognizer{d: d, g: g, reg: newRegistry(len(d.Text))}
	r.toks = tokenize(d.Text)
	layer(r.toks, d)
	r.match = make([]int, len(r.toks))
	r.used = make([]bool, len(r.toks))
	r.tokOrg = make([]int, len(r.toks))
	for i := range r.match {
		r.match[i] = -1
		r.tokOrg[i] = -1
	}
	r.orgCountry = map[int]int{}
	r.pindex = map[string][]int{}
	r.hogPrefix = map[int]bool{}
	r.headsOf = map[int][]string{}
	r.byNoun = map[string][]int{}
	r.gazetteer()
	r.quotedGroups()
	r.ministries()
	r.embassies()
	r.orgRuns()
	r.armedForces()
	r.acronymDefinitions()
	r.descriptorOrgs()
	r.linkTextOrgs()
	r.readPersons()
	r.speakerOrgs()
	r.linkTextOrgs()
	r.gazetteerMentions()
	r.roles()
	return r.reg.result()
}

// recognizer holds the state of one Recognize call.
type recognizer struct {
	d           *annot.Doc
	g           *Gazetteer
	toks        []token
	matches     []gmatch
	match       []int        // per token: index into matches, or -1
	used        []bool       // per token: part of an org, person or title already read
	tokOrg      []int        // per token: the organization read from the text that covers it, or -1
	orgCountry  map[int]int  // organization actor → gazetteer country it belongs to
	hogPrefix   map[int]bool // gazetteer matches naming the state of a head of state or government
	reg         *registry
	persons     []person
	acros       map[string]int             // acronyms defined in the text → actor
	headsOf     map[int][]string           // organization actor → nouns that refer back to it
	byNoun      map[string][]int           // noun → organizations it refers back to, in order of discovery
	byHead      map[string][]personMention // office head → mentions of its holders, in text order
	pindex      map[string][]int           // "full:", "last:", "strip:", "first:" + name key → persons
	textOrgs    []textOrg                  // organizations named in the text, for linking their other occurrences
	personOf    map[int]int                // person actor → index into persons, built by worksFor
	textOrgSeen map[int]bool               // actors in textOrgs
}

// gmatch is one gazetteer match over tokens [t0, t1), or a part of one
// hyphenated token ("Kenyan" in "Kenyan-led") when span is narrower.
type gmatch struct {
	t0, t1 int
	span   annot.Span
	e      entry
	place  bool // a capital used as a place ("in Paris")
	drop   bool // not a mention (inside a longer name)
	region bool // a demonym naming a region ("the Palestinian territories"): no mention, and no name
}

// person is one person of this document.
type person struct {
	actor   int
	body    int      // the organization named before the office ("Kremlin spokesman"), -1
	keys    []string // NameKeys of the name's words
	title   string
	country int  // country index in the gazetteer, -1
	weak    bool // the state is to be inferred from the context
	at      int  // token where the name was introduced
	dead    bool // merged into another person
}

func (r *recognizer) headline(t token) bool {
	return t.para >= 0 && t.para < len(r.d.Paragraphs) && r.d.Paragraphs[t.para].Kind == annot.Headline
}

func (r *recognizer) word(i int) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].kind == tWord
}

func (r *recognizer) lower(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return r.toks[i].lower
}

// sameUnit reports whether tokens i and j lie in the same sentence (or the
// same paragraph outside sentences) with no line break between them.
func (r *recognizer) sameUnit(i, j int) bool {
	if i < 0 || j < 0 || i >= len(r.toks) || j >= len(r.toks) {
		return false
	}
	return r.toks[i].unit == r.toks[j].unit
}

// ---- gazetteer ----

// gazetteer finds the longest gazetteer match at each token.
func (r *recognizer) gazetteer() {
	for i := 0; i < len(r.toks); {
		if r.toks[i].kind != tWord {
			i++
			continue
		}
		if n := r.matchAt(i); n > 0 {
			i += n
			continue
		}
		r.hyphenParts(i)
		i++
	}
	for mi := range r.matches {
		r.classify(mi)
	}
}

// matchAt tries the longest gazetteer entry starting at token i and returns
// the number of tokens it covers.
func (r *recognizer) matchAt(i int) int {
	maxN := r.g.maxWords
	var keys []string // keys[n-1] is the key of tokens [i, i+n)
	prefix := ""
	for n := 0; n < maxN && i+n < len(r.toks); n++ {
		t := r.toks[i+n]
		if t.kind != tWord && t.kind != tNum || n > 0 && (t.nlBefore || t.para != r.toks[i].para) {
			break
		}
		if n > 0 {
			prefix += " "
		}
		prefix += t.key
		if !r.g.prefixes[prefix] {
			break
		}
		keys = append(keys, prefix)
	}
	for n := len(keys); n >= 1; n-- {
		key := keys[n-1]
		for _, e := range r.g.index[key] {
			if r.caseOK(e, i, i+n) {
				sp := annot.Span{Start: r.toks[i].Start, End: r.toks[i+n-1].End}
				r.matches = append(r.matches, gmatch{t0: i, t1: i + n, span: sp, e: e})
				for k := i; k < i+n; k++ {
					r.match[k] = len(r.matches) - 1
				}
				return n
			}
		}
	}
	return 0
}

// caseOK checks the capitalisation of tokens [t0,t1) against an entry.
func (r *recognizer) caseOK(e entry, t0, t1 int) bool {
	var text []bool
	allUpper := true
	for k := t0; k < t1; k++ {
		text = append(text, capWords(r.toks[k].text)...)
		if !r.toks[k].upper {
			allUpper = false
		}
	}
	if e.acronym {
		return allUpper
	}
	if len(text) != len(e.caps) {
		return false
	}
	for k := range text {
		if e.caps[k] && !text[k] {
			return false
		}
	}
	// A one-word name in capitals ("CHAD") is accepted only when the entry is
	// long enough not to be an acronym of something else.
	if allUpper && t1-t0 == 1 && len(r.toks[t0].key) <= 3 {
		return false
	}
	return true
}

// hyphenParts matches the parts of a hyphenated word: "Kenyan-led",
// "US-Ukraine", "EU-China".
func (r *recognizer) hyphenParts(i int) {
	t := r.toks[i]
	if !strings.ContainsAny(t.text, "-\u2011\u2010") {
		return
	}
	off := t.Start
	for _, part := range strings.FieldsFunc(t.text, func(r rune) bool { return isHyphen(r) }) {
		start := strings.Index(r.d.Text[off:t.End], part)
		if start < 0 {
			break
		}
		sp := annot.Span{Start: off + start, End: off + start + len(part)}
		off = sp.End
		for _, e := range r.g.index[pledgegraph.NameKey(part)] {
			pt := newToken(r.d.Text, sp.Start, sp.End, false)
			ok := false
			if e.acronym {
				ok = pt.upper
			} else {
				ok = pt.cap && len(e.caps) == 1
			}
			if ok {
				r.matches = append(r.matches, gmatch{t0: i, t1: i + 1, span: sp, e: e})
				r.match[i] = len(r.matches) - 1
				break
			}
		}
	}
}

// givenNameCountries are states whose name is also a common given name
// ("Jordan Bardella", "Chad Smith"): followed by a capitalised word they are
// a person's name.
var givenNameCountries = setOf("jordan", "chad", "georgia", "india", "israel", "kenya", "sudan")

// classify decides whether a match is a mention: a capital is the state only
// in a metonym context; a name inside a longer capitalised name is not.
func (r *recognizer) classify(mi int) {
	m := &r.matches[mi]
	if m.e.kind == eRegion {
		m.drop = true
		return
	}
	if m.span.Start != r.toks[m.t0].Start || m.span.End != r.toks[m.t1-1].End {
		// part of a hyphenated word: a mention ("Kenyan-led", "US-Ukraine"),
		// but "Paris-based" names a place
		rest := strings.ToLower(r.d.Text[m.span.End:r.toks[m.t0].End])
		if m.e.form == fCapital || m.e.form == fMetonym {
			for _, suf := range []string{"-based", "-born", "-bound", "\u2011based"} {
				if strings.HasPrefix(rest, suf) {
					m.place = true
				}
			}
		}
		return
	}
	prev, next := m.t0-1, m.t1
	// "the Palestinian territories", "the Kurdish region": a region named
	// after a people, not the state ("the Russian region of Kursk" is)
	if m.e.form == fDemonym && r.word(next) && regionNouns[r.toks[next].lower] && r.sameUnit(m.t0, next) &&
		r.lower(next+1) != "of" && (r.toks[next].lower == "territories" || r.lower(prev) == "the") {
		m.drop, m.region = true, true
		return
	}
	prevCap := r.word(prev) && r.toks[prev].cap && r.match[prev] < 0 && !r.toks[m.t0].sentStart &&
		!functionWords[r.toks[prev].lower] &&
		!titleHeads[r.toks[prev].lower] && !titleModifiers[r.toks[prev].lower] && !r.toks[m.t0].nlBefore
	nextCap := r.word(next) && r.toks[next].cap && r.match[next] < 0 && !r.toks[next].nlBefore &&
		!titleHeads[r.toks[next].lower] && !titleModifiers[r.toks[next].lower] && !orgHeads[r.toks[next].lower]
	switch m.e.form {
	case fCapital, fMetonym:
		if prevCap || nextCap {
			m.drop = true // "George Washington", "Washington Post"
			return
		}
		m.place = r.placeContext(m.t0)
	case fName:
		// An organization's short alias inside a longer name ("Peace and
		// Security Council") or after another state ("Russia’s Security
		// Council", "Indian National Congress") is not that organization.
		if m.e.kind == eOrg && !m.e.acronym {
			alias := m.e.surface != r.g.orgs[m.e.idx].Name
			anyCap := r.word(prev) && r.toks[prev].cap && !functionWords[r.toks[prev].lower] && !r.toks[m.t0].sentStart && r.sameUnit(prev, m.t0)
			possState := prev >= 1 && r.toks[prev].kind == tPoss && r.match[prev-1] >= 0 && r.matches[r.match[prev-1]].e.kind == eCountry
			coord := prev >= 1 && (r.lower(prev) == "and" || r.lower(prev) == "of") && r.word(prev-1) && r.toks[prev-1].cap && r.match[prev-1] < 0 && !r.toks[prev-1].sentStart
			if alias && (anyCap || possState || coord) {
				m.drop = true
				return
			}
		}
		if m.e.kind == eCountry && m.t1-m.t0 == 1 && nextCap && givenNameCountries[r.toks[m.t0].key] {
			m.drop = true // "Jordan Bardella"
			r.match[m.t0] = -1
		}
		if prevCap && m.e.kind == eCountry && m.t1-m.t0 == 1 &&
			(geoWords[r.toks[prev].lower] || m.e.surface != r.g.countries[m.e.idx].Name || givenNameCountries[r.toks[m.t0].key]) {
			m.drop = true // "Port Sudan", "Tom Holland"
		}
	}
}

// placeContext reports whether the capital at token i is used as a place:
// after a locative preposition, or coordinated with a capital that is.
func (r *recognizer) placeContext(i int) bool {
	p := i - 1
	if p < 0 || !r.sameUnit(p, i) {
		return false
	}
	if r.toks[p].kind == tWord && placePrepositions[r.toks[p].lower] {
		return true
	}
	// "in snowy Oslo", "in central Kyiv"
	if q := p - 1; q >= 0 && r.word(p) && !r.toks[p].cap && r.word(q) && placePrepositions[r.toks[q].lower] &&
		!speechVerbs[r.toks[p].lower] && !agencyVerbs[r.toks[p].lower] && r.sameUnit(q, i) {
		return true
	}
	// "the Paris meeting", "a Beijing plant": a modifier naming a place
	if placeDeterminers[r.toks[p].lower] && r.word(i+1) && !r.toks[i+1].cap &&
		!agencyVerbs[r.toks[i+1].lower] && !speechVerbs[r.toks[i+1].lower] {
		return true
	}
	// "in Paris and Berlin": inherit from the coordinated capital.
	if r.toks[p].lower == "and" || r.toks[p].lower == "or" || r.toks[p].text == "," {
		if q := p - 1; q >= 0 && r.match[q] >= 0 {
			pm := r.matches[r.match[q]]
			if pm.e.form == fCapital || pm.e.form == fMetonym {
				return r.placeContext(pm.t0)
			}
		}
	}
	return false
}

// gazetteerMentions records the countries and organizations matched in the
// gazetteer that are mentions, creating their actors.
func (r *recognizer) gazetteerMentions() {
	for _, m := range r.matches {
		if m.drop || m.place || m.e.kind == eRegion {
			continue
		}
		if r.reg.taken(m.span) {
			continue
		}
		// "French Open", "Chinese New Year": a demonym inside a name
		if m.e.form == fDemonym && m.span.End == r.toks[m.t1-1].End && r.inName(m.t1) {
			continue
		}
		ai := r.gazActor(m.e)
		kind := annot.Name
		switch m.e.form {
		case fDemonym, fPlural:
			kind = annot.Demonym
		case fCapital, fMetonym:
			kind = annot.Capital
		}
		surface := r.d.Slice(m.span)
		if r.reg.mention(m.span, ai, kind, r.toks[m.t0].sent) {
			r.reg.alias(ai, surface)
		}
	}
}

// inName reports whether a demonym ending before token n is the first word
// of a longer name ("French Open", "Chinese New Year") rather than of an
// office ("French Foreign Minister") or a name read already.
func (r *recognizer) inName(n int) bool {
	for k := n; k < len(r.toks) && k < n+4; k++ {
		if !r.adjacent(k-1, k) || !r.word(k) || !r.toks[k].cap || r.used[k] || r.match[k] >= 0 {
			return false
		}
		lw := r.toks[k].lower
		if titleHeads[lw] || orgHeads[lw] {
			return false
		}
		if !titleModifiers[lw] {
			return true
		}
	}
	return false
}

// gazActor returns the actor of a gazetteer entry, adding it.
func (r *recognizer) gazActor(e entry) int {
	switch e.kind {
	case eCountry:
		return r.reg.ensure(pledgegraph.KindCountry, r.g.countries[e.idx].Name)
	case eOrg:
		o := r.g.orgs[e.idx]
		ai := r.reg.ensure(pledgegraph.KindOrganization, o.Name)
		r.addGroup(ai, o.Heads)
		if c, ok := r.g.byCode[o.Country]; ok && o.Country != "" {
			r.reg.actors[ai].Country = r.g.countryID(c)
			r.orgCountry[ai] = c
		}
		return ai
	}
	return -1
}

// addGroup records the nouns that refer back to organization ai ("the
// alliance"), unless some were recorded already.
func (r *recognizer) addGroup(ai int, heads []string) {
	if _, ok := r.headsOf[ai]; ok {
		return
	}
	r.headsOf[ai] = nil
	for _, h := range heads {
		r.addHead(ai, h)
	}
}

// countryOf returns the gazetteer country a match names (by name, demonym,
// capital, or an organization's state), or -1.
func (r *recognizer) countryOf(mi int) int {
	if mi < 0 {
		return -1
	}
	e := r.matches[mi].e
	switch e.kind {
	case eCountry:
		return e.idx
	case eOrg:
		if c, ok := r.g.byCode[r.g.orgs[e.idx].Country]; ok {
			return c
		}
	}
	return -1
}

// ---- organizations read from the text ----

// quotedGroups reads named groups written in quotes or after "so-called"
// ("the so-called “coalition of the willing”") and links every later
// occurrence of the same words.
func (r *recognizer) quotedGroups() {
	text := r.d.Text
	var names []string
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "\u201c")
		if j < 0 {
			break
		}
		open := i + j
		i = open + len("\u201c")
		window := text[open:min(len(text), open+160)]
		k := strings.Index(window, "\u201d")
		if k < 0 {
			continue
		}
		close := open + k
		inner := strings.TrimSpace(text[open+len("\u201c") : close])
		if inner == "" || strings.ContainsAny(inner, "\n.,;:!?\u201c") {
			continue
		}
		words := strings.Fields(inner)
		if len(words) < 2 || len(words) > 6 {
			continue
		}
		first, last := strings.ToLower(words[0]), strings.ToLower(words[len(words)-1])
		// "coalition of the willing", "Gang Suppression Force"
		if !(groupHeads[first] && len(words) > 2 && strings.ToLower(words[1]) == "of") && !groupHeads[last] {
			continue
		}
		// Lower-case phrases need the quotes to name something: "so-called" or
		// a determiner before them.
		if !unicode.IsUpper(firstRune(inner)) {
			before := strings.ToLower(strings.TrimSpace(text[max(0, open-12):open]))
			if !strings.HasSuffix(before, "so-called") && !strings.HasSuffix(before, "the") && !strings.HasSuffix(before, "a") {
				continue
			}
		}
		names = append(names, inner)
	}
	low := strings.ToLower(text)
	for _, inner := range names {
		name := titleCase(inner)
		ai := r.reg.ensure(pledgegraph.KindOrganization, name)
		heads := []string{headNoun(inner)}
		if h := heads[0]; h == "coalition" || h == "alliance" {
			heads = append(heads, "allies")
		}
		r.addGroup(ai, heads)
		// every occurrence, quoted or not, case-insensitively
		pat := strings.ToLower(inner)
		for off := 0; ; {
			j := strings.Index(low[off:], pat)
			if j < 0 {
				break
			}
			s := off + j
			e := s + len(pat)
			off = e
			if len(low) != len(text) || !boundary(text, s, e) {
				continue
			}
			sp := annot.Span{Start: s, End: e}
			if r.reg.mention(sp, ai, annot.Name, r.d.SentenceAt(s)) {
				r.reg.alias(ai, text[s:e])
				r.markUsed(sp)
			}
		}
	}
}

// headNoun is the noun a group name is referred back by: "coalition" of
// "coalition of the willing", "force" of "Gang Suppression Force".
func headNoun(name string) string {
	words := strings.Fields(strings.ToLower(name))
	for i, w := range words {
		if w == "of" || w == "for" || w == "on" {
			if i > 0 {
				return words[i-1]
			}
		}
	}
	return words[len(words)-1]
}

// titleCase capitalises the words of a name except small words inside it.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && smallWords[strings.ToLower(w)] {
			words[i] = strings.ToLower(w)
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// boundary reports whether text[s:e] stands as whole words.
func boundary(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if isWordRune(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

func (r *recognizer) markUsed(sp annot.Span) {
	k := sort.Search(len(r.toks), func(k int) bool { return r.toks[k].End > sp.Start })
	for ; k < len(r.toks) && r.toks[k].Start < sp.End; k++ {
		r.used[k] = true
	}
}

// capWord reports whether token i is a capitalised word usable in a name.
func (r *recognizer) capWord(i int) bool {
	if !r.word(i) || !r.toks[i].cap || r.used[i] {
		return false
	}
	t := r.toks[i]
	// Function words start sentences; inside one, capitalised, they belong to
	// a name ("Air Force One"), except the pronoun "I".
	if functionWords[t.lower] && (t.sentStart || t.lower == "i" || r.headline(t)) {
		return false
	}
	return true
}

// orgRuns reads capitalised names that end in an organization noun ("Pacific
// Climate Action Network", "Kenya Defence Forces", "Bank of England"), with
// their "of …" complements.
func (r *recognizer) orgRuns() {
	for i := 0; i < len(r.toks); i++ {
		if !r.capWord(i) || r.headline(r.toks[i]) {
			continue
		}
		// the maximal capitalised run from i
		j := i
		for j+1 < len(r.toks) && r.capWord(j+1) && !r.toks[j+1].nlBefore && r.toks[j+1].Start-r.toks[j].End <= 1 {
			j++
		}
		// the last org head inside the run, then "of/for [the] Cap…" complements
		h := -1
		for k := j; k >= i; k-- {
			if r.orgHeadAt(k, i) && (r.match[k] < 0 || r.matches[r.match[k]].drop) {
				h = k
				break
			}
		}
		if h >= 0 && r.match[h] >= 0 && r.matches[r.match[h]].e.kind == eRegion {
			i = j
			continue // "West Bank": a place
		}
		if h < 0 || h != j {
			// an org noun inside a longer run is an office ("Cabinet
			// Secretary Joseph Kiprono") or part of another name
			i = j
			continue
		}
		end := h
		for {
			k := end + 1
			if k < len(r.toks) && (r.toks[k].lower == "of" || r.toks[k].lower == "for" || r.toks[k].lower == "on") {
				k++
				if k < len(r.toks) && r.toks[k].lower == "the" {
					k++
				}
				if r.capWord(k) && !titleHeads[r.toks[k].lower] {
					end = k
					for end+1 < len(r.toks) && r.capWord(end+1) && !r.toks[end+1].nlBefore && !titleHeads[r.toks[end+1].lower] {
						end++
					}
					continue
				}
			}
			break
		}
		start := i
		// Country prefixes belong to the name ("Kenya Defence Forces") unless
		// the whole run is that prefix plus a gazetteer name.
		// A state written before a generic name makes it that state's
		// body ("China’s Coast Guard" → "Chinese Coast Guard"); a generic
		// name alone ("National Security Council", "Foreign Ministry") names
		// no one across documents and is left to roles; "Gaza Health
		// Ministry" is named by its place.
		state := -1
		if p := start - 1; p >= 1 && r.toks[p].kind == tPoss && r.match[p-1] >= 0 && r.sameUnit(p-1, start) {
			if m := r.matches[r.match[p-1]]; m.e.kind == eCountry && !m.drop && m.e.form != fCapital {
				state = m.e.idx
			}
		}
		named := false
		for k := start; k <= end; k++ {
			lw := r.toks[k].lower
			if k == h || k > h && (lw == "of" || lw == "for" || lw == "on" || lw == "the") {
				continue
			}
			// the complement counts too: "Centre for Maritime Security
			// Studies" is named, "Ministry of Foreign Affairs" is not
			generic := titleModifiers[lw] || genericOrgWords[lw]
			if mi := r.match[k]; mi >= 0 {
				generic = r.matches[mi].e.kind == eOrg && r.matches[mi].drop
			}
			if !generic {
				named = true
			}
		}
		if companyHeads[r.toks[h].lower] && h > start {
			named = true // "General Motors"
		}
		if !named && state < 0 {
			i = end
			continue
		}
		if nonActorOrgHeads[r.toks[h].lower] {
			i = end
			continue
		}
		if h == start && end == h {
			i = end
			continue // a lone "Army" or "Council" names nothing
		}
		// all tokens before the head are gazetteer matches of the same entry → skip
		allGaz := true
		for k := start; k < h; k++ {
			if r.match[k] < 0 {
				allGaz = false
			}
		}
		if allGaz && end == h && h-start >= 1 && r.matches[r.match[start]].e.kind == eOrg {
			i = end
			continue
		}
		sp := annot.Span{Start: r.toks[start].Start, End: r.toks[end].End}
		name := r.d.Slice(sp)
		if state >= 0 && !named {
			dem := r.g.countries[state].Name
			if len(r.g.countries[state].Demonyms) > 0 {
				dem = r.g.countries[state].Demonyms[0]
			}
			name = dem + " " + name
		}
		ai := r.reg.ensure(pledgegraph.KindOrganization, name)
		if state >= 0 {
			r.orgCountry[ai] = state
			r.reg.actors[ai].Country = r.g.countryID(state)
		}
		heads := []string{strings.ToLower(r.toks[h].text)}
		r.addGroup(ai, heads)
		if r.reg.mention(sp, ai, annot.Name, r.toks[start].sent) {
			r.reg.alias(ai, r.d.Slice(sp))
			if state >= 0 {
				r.reg.alias(ai, r.d.Slice(annot.Span{Start: r.toks[start-2].Start, End: sp.End}))
			}
		}
		for k := start; k <= end; k++ {
			r.used[k] = true
			r.tokOrg[k] = ai
			if mi := r.match[k]; mi >= 0 {
				r.matches[mi].drop = true
				if c := r.countryOf(mi); c >= 0 && r.matches[mi].e.kind == eCountry {
					r.orgCountry[ai] = c // "Kenya Defence Forces"
					r.reg.actors[ai].Country = r.g.countryID(c)
				}
			}
		}
		i = end
	}
}

// orgHeadAt reports whether token k, in a capitalised run starting at token
// i, is a noun that ends an organization's name ("Forces", "Bank", the
// "Crescent" of "Red Crescent").
func (r *recognizer) orgHeadAt(k, i int) bool {
	lw := r.toks[k].lower
	if orgHeads[lw] {
		return true
	}
	return redHeads[lw] && k > i && r.toks[k-1].lower == "red"
}

// ministries reads a state's ministry: "Egypt’s foreign ministry", "The
// French trade ministry", "China’s Ministry of Commerce". Without a state it
// is left to roles().
func (r *recognizer) ministries() {
	for h := range r.toks {
		if r.used[h] || r.toks[h].lower != "ministry" && r.toks[h].lower != "ministries" {
			continue
		}
		if r.toks[h].lower == "ministries" {
			continue
		}
		// modifiers to the left, then a state (name, demonym, possessive)
		k := h - 1
		var mods []string
		for k >= 0 && r.word(k) && r.match[k] < 0 && !r.used[k] && len(mods) < 3 && r.sameUnit(k, h) &&
			(titleModifiers[r.toks[k].lower] || r.toks[k].cap && !functionWords[r.toks[k].lower]) {
			mods = append([]string{r.toks[k].text}, mods...)
			k--
		}
		if k >= 0 && r.toks[k].kind == tPoss {
			k--
		}
		end := h
		// "Ministry of Foreign Affairs"
		if h+2 < len(r.toks) && r.toks[h+1].lower == "of" && r.capWord(h+2) {
			end = h + 2
			for end+1 < len(r.toks) && (r.capWord(end+1) || r.toks[end+1].lower == "and" && r.capWord(end+2)) {
				end++
			}
			for m := h + 2; m <= end; m++ {
				if r.toks[m].lower != "and" {
					mods = append(mods, r.toks[m].text)
				}
			}
		}
		c := -1
		start := k + 1
		if k >= 0 && r.match[k] >= 0 && r.sameUnit(k, h) {
			if ci := r.countryOf(r.match[k]); ci >= 0 && r.matches[r.match[k]].e.kind == eCountry {
				c = ci
				start = r.matches[r.match[k]].t0
			}
		}
		stateK, last := k, end // the state's token, and the phrase's last token
		// "Ministry of Foreign Affairs of Ukraine": the state after it
		if n := end + 1; c < 0 && end > h && r.lower(n) == "of" {
			n++
			if r.lower(n) == "the" {
				n++
			}
			if mi := r.matchAt0(n); mi >= 0 && r.matches[mi].e.kind == eCountry && r.matches[mi].e.form == fName && r.sameUnit(h, n) {
				c, stateK, last = r.matches[mi].e.idx, n, r.matches[mi].t1-1
			}
		}
		if c < 0 || len(mods) == 0 {
			continue
		}
		dem := r.g.countries[c].Name
		if len(r.g.countries[c].Demonyms) > 0 {
			dem = r.g.countries[c].Demonyms[0]
		}
		for i := range mods {
			mods[i] = titleCase(strings.ToLower(mods[i]))
		}
		// "Ministry of Foreign Affairs" is the foreign ministry: one actor
		if n := len(mods); n == 2 && mods[0] == "Foreign" && mods[1] == "Affairs" {
			mods = mods[:1]
		}
		name := dem + " " + strings.Join(mods, " ") + " Ministry"
		ai := r.reg.ensure(pledgegraph.KindOrganization, name)
		r.reg.actors[ai].Country = r.g.countryID(c)
		r.addGroup(ai, []string{"ministry"})
		// The state named in the phrase is its own mention.
		if mi := r.match[stateK]; mi >= 0 {
			m := r.matches[mi]
			if ci := r.gazActor(m.e); !m.drop && r.reg.mention(m.span, ci, kindOf(m.e), r.toks[stateK].sent) {
				r.reg.alias(ci, r.d.Slice(m.span))
			}
			r.matches[mi].drop = true
		}
		first := h
		for first > 0 && first-1 > k && r.toks[first-1].kind == tWord {
			first--
		}
		sp := annot.Span{Start: r.toks[first].Start, End: r.toks[end].End}
		r.reg.mention(sp, ai, annot.Name, r.toks[h].sent)
		r.reg.alias(ai, r.d.Slice(annot.Span{Start: r.toks[start].Start, End: r.toks[last].End}))
		r.orgCountry[ai] = c
		for m := start; m <= last; m++ {
			r.used[m] = true
			r.tokOrg[m] = ai
		}
	}
}

// matchAt0 returns the gazetteer match starting at token n, or -1.
func (r *recognizer) matchAt0(n int) int {
	if n < 0 || n >= len(r.toks) || r.match[n] < 0 || r.matches[r.match[n]].t0 != n {
		return -1
	}
	return r.match[n]
}

func kindOf(e entry) annot.MentionKind {
	switch e.form {
	case fDemonym, fPlural:
		return annot.Demonym
	case fCapital, fMetonym:
		return annot.Capital
	}
	return annot.Name
}

// armedForces links "the Sudanese army" to the state's armed forces in the
// gazetteer, or reads a new organization when the phrase acts in the text
// ("the Sudanese army, which runs…", "…army said").
func (r *recognizer) armedForces() {
	for k := range r.toks {
		mi := r.match[k]
		if mi < 0 || r.matches[mi].t1-1 != k || r.matches[mi].e.kind != eCountry || r.matches[mi].e.form != fDemonym {
			continue
		}
		h := k + 1
		if !r.word(h) || !armedForces[r.toks[h].lower] && !(r.toks[h].lower == "armed" && r.lower(h+1) == "forces") {
			continue
		}
		end := h
		if r.toks[h].lower == "armed" {
			end = h + 1
		}
		c := r.matches[mi].e.idx
		head := strings.ToLower(r.d.Slice(annot.Span{Start: r.toks[h].Start, End: r.toks[end].End}))
		ai := -1
		for _, o := range r.g.orgs {
			if o.Country != r.g.countries[c].Code {
				continue
			}
			for _, hd := range o.Heads {
				if hd == head || hd == "army" && head == "armed forces" {
					ai = r.reg.ensure(pledgegraph.KindOrganization, o.Name)
					r.addGroup(ai, o.Heads)
				}
			}
			if ai >= 0 {
				break
			}
		}
		if ai < 0 {
			// only when the phrase acts: followed by an agency verb or ", which"
			n := end + 1
			if n < len(r.toks) && r.toks[n].text == "," {
				n++
			}
			if n >= len(r.toks) || !agencyVerbs[r.toks[n].lower] {
				continue
			}
			ai = r.reg.ensure(pledgegraph.KindOrganization, r.toks[k].text+" "+titleCase(head))
			r.addGroup(ai, []string{head})
		}
		r.reg.actors[ai].Country = r.g.countryID(c)
		// "Sudanese" stays the state's demonym; the noun is a role mention of
		// the armed forces, and the phrase their alias.
		m := r.matches[mi]
		noun := annot.Span{Start: r.toks[h].Start, End: r.toks[end].End}
		if r.reg.mention(noun, ai, annot.Role, r.toks[h].sent) {
			r.reg.alias(ai, r.d.Slice(annot.Span{Start: m.span.Start, End: noun.End}))
		}
		for x := h; x <= end; x++ {
			r.used[x] = true
		}
	}
}

// acronymDefinitions reads "Long Name (ACR)": ACR then names the same
// actor. The long name is found by the acronym's initials ("Tehreek-i-Taliban
// Pakistan (TTP)" names a new organization, not Pakistan); an acronym that is
// no initialism ("Caribbean Community (CARICOM)") binds to the organization
// named just before it.
func (r *recognizer) acronymDefinitions() {
	r.acros = map[string]int{}
	for i := 1; i+2 < len(r.toks); i++ {
		if r.toks[i].text != "(" || r.toks[i+2].text != ")" || !r.toks[i+1].upper || !r.word(i-1) {
			continue
		}
		acr := r.toks[i+1].text
		p := i - 1
		ai := -1
		if s := r.initialism(acr, p); s >= 0 {
			sp := annot.Span{Start: r.toks[s].Start, End: r.toks[p].End}
			ai = r.actorAt(sp)
			if ai < 0 && r.match[s] >= 0 && r.matches[r.match[s]].t0 == s && r.matches[r.match[s]].t1 == p+1 && !r.matches[r.match[s]].drop {
				ai = r.gazActor(r.matches[r.match[s]].e)
			}
			if ai < 0 && !r.reg.taken(sp) && !geoWords[r.toks[p].lower] && !geoWords[r.toks[s].lower] {
				ai = r.reg.ensure(pledgegraph.KindOrganization, r.d.Slice(sp))
				r.addGroup(ai, []string{strings.ToLower(r.toks[p].text)})
				r.reg.mention(sp, ai, annot.Name, r.toks[s].sent)
				for k := s; k <= p; k++ {
					r.used[k] = true
					r.tokOrg[k] = ai
					if mi := r.match[k]; mi >= 0 {
						r.matches[mi].drop = true
					}
				}
			}
		} else {
			ai = r.actorAt(annot.Span{Start: -1, End: r.toks[p].End})
			if ai < 0 && r.match[p] >= 0 && !r.matches[r.match[p]].drop && r.matches[r.match[p]].e.kind == eOrg {
				ai = r.gazActor(r.matches[r.match[p]].e)
			}
			if ai >= 0 && r.reg.actors[ai].Kind != pledgegraph.KindOrganization {
				ai = -1
			}
		}
		if ai >= 0 {
			r.acros[acr] = ai
		}
	}
	if len(r.acros) == 0 {
		return
	}
	for k, t := range r.toks {
		ai, ok := r.acros[t.text]
		if !ok || r.used[k] {
			continue
		}
		if mi := r.match[k]; mi >= 0 {
			r.matches[mi].drop = true
		}
		if r.reg.mention(t.Span, ai, annot.Name, t.sent) {
			r.reg.alias(ai, t.text)
		}
		r.used[k] = true
	}
}

// actorAt returns the actor of the mention ending where sp ends (and
// starting where it starts, unless sp.Start < 0), or -1.
func (r *recognizer) actorAt(sp annot.Span) int {
	return r.reg.at(sp.Start, sp.End)
}

// initialism returns the first token of the words ending at token p whose
// capital initials spell acr ("Rapid Support Forces" for RSF), or -1.
func (r *recognizer) initialism(acr string, p int) int {
	var want []rune
	for _, c := range acr {
		if unicode.IsLetter(c) {
			want = append(want, unicode.ToUpper(c))
		}
	}
	if len(want) < 2 {
		return -1
	}
	var got []rune // initials from p backwards
	for s := p; s >= 0 && s > p-10 && r.word(s) && r.sameUnit(s, p); s-- {
		t := r.toks[s]
		var ini []rune
		for _, part := range strings.FieldsFunc(t.text, isHyphen) {
			c, _ := utf8.DecodeRuneInString(part)
			if unicode.IsUpper(c) {
				ini = append(ini, c)
			}
		}
		if len(ini) == 0 && !smallWords[t.lower] && !nameParticles[t.lower] {
			return -1
		}
		got = append(append([]rune{}, ini...), got...)
		if len(got) == len(want) && string(got) == string(want) && t.cap {
			return s
		}
		if len(got) >= len(want) {
			return -1
		}
	}
	return -1
}
