package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file decides, for every quote-like character of a line, which
// canonical mark it is: an opening or closing double or single quote, an
// apostrophe, a dash, or (for the lone 'â' of damaged text) something else.
//
// Each mark is first read from its context (what touches it on the left and
// on the right, looking past adjacent marks): a mark after a space and before
// a word opens, a mark after a word or punctuation and before a space closes,
// a mark between two letters is an apostrophe. Marks the context leaves open
// (",\"The", a possessive "countries’ leaders" that may also close a quote)
// are then settled by pairing them on a stack, one paragraph at a time, with
// nesting: a quote opened inside a double quote is a single one.

// markClass is what kind of quote a character can be.
type markClass uint8

const (
	classDouble markClass = iota + 1 // " “ ” „ ‟ « » ″
	classSingle                      // ' ‘ ’ ‚ ‛ ‹ › ′ `
	classLone                        // a lone 'â' left where a typographic character was lost
)

// ctxClass is what touches a mark on one side.
type ctxClass uint8

const (
	ctxEdge   ctxClass = iota // start or end of the line
	ctxSpace                  //
	ctxLetter                 //
	ctxDigit                  //
	ctxOpenP                  // ( [ {
	ctxDash                   // — – -
	ctxCloseP                 // . , ; : ? ! ) ] } … %
	ctxOther                  // $ € / & * and the rest
)

// dir is the direction a quote mark faces.
type dir uint8

const (
	dirEither dir = iota
	dirOpen
	dirClose
)

// role is what a mark turned out to be.
type role uint8

const (
	roleQuote      role = iota // a quote mark, paired on the stack
	roleApostrophe             // ’
	roleDash                   // —
	roleEnDash                 // – (between digits: a range)
	roleEuro                   // € (a lost euro sign before an amount)
	roleLiteral                // the character is what it says (a real 'â')
	roleDrop                   // a stray: removed
)

type mark struct {
	pos, size   int
	class       markClass
	hint        dir      // the direction the glyph claims (“ opens); dirEither for ASCII and lone marks
	left, right ctxClass // context past adjacent marks
	lr, rr      rune     // the runes touching the mark, past adjacent marks (0 at an edge)
	role        role
	dir         dir
	possessive  bool   // s’ before a word: a closing quote or a plural possessive
	nextWord    string // the word after the space that follows the mark, lower case
	out         string
}

func classOf(r rune, lone bool) (markClass, dir) {
	switch r {
	case '"', '″', '〃':
		return classDouble, dirEither
	case '“', '„', '«', '‟', '〝':
		return classDouble, dirOpen
	case '”', '»', '〞':
		return classDouble, dirClose
	case '\'', '′', '`':
		return classSingle, dirEither
	case '‘', '‚', '‹', '‛':
		return classSingle, dirOpen
	case '’', '›':
		return classSingle, dirClose
	case 'â':
		if lone {
			return classLone, dirEither
		}
	}
	return 0, dirEither
}

// doubledSingle reports whether the single quote mark r at byte i doubles
// the single mark prev right before it — the same character twice, with no
// third one on either side (‘‘, ’’, two grave accents, two apostrophes) —
// so that the two are one double quote mark.
func doubledSingle(line string, prev mark, i int, r rune) bool {
	if prev.class != classSingle || prev.pos+prev.size != i {
		return false
	}
	switch r {
	case '\'', '‘', '’', '`':
	default:
		return false
	}
	if p, _ := utf8.DecodeRuneInString(line[prev.pos:]); p != r {
		return false
	}
	if prev.pos > 0 {
		if b, _ := utf8.DecodeLastRuneInString(line[:prev.pos]); b == r {
			return false
		}
	}
	if a, _ := utf8.DecodeRuneInString(line[i+utf8.RuneLen(r):]); a == r {
		return false
	}
	return true
}

// doubledHint is the direction a doubled single mark claims: ‘‘ and two
// grave accents open, ’’ closes, two apostrophes say nothing.
func doubledHint(r rune) dir {
	switch r {
	case '‘', '`':
		return dirOpen
	case '’':
		return dirClose
	}
	return dirEither
}

func ctxOf(r rune) ctxClass {
	switch {
	case r == 0:
		return ctxEdge
	case unicode.IsSpace(r):
		return ctxSpace
	case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
		return ctxLetter
	case unicode.IsDigit(r):
		return ctxDigit
	}
	switch r {
	case '(', '[', '{':
		return ctxOpenP
	case '—', '–', '-':
		return ctxDash
	case '.', ',', ';', ':', '?', '!', ')', ']', '}', '…', '%':
		return ctxCloseP
	}
	return ctxOther
}

// findMarks lists the quote-like characters of line with their context.
func findMarks(line string, lone bool) []mark {
	var ms []mark
	for i, r := range line {
		c, h := classOf(r, lone)
		if c == 0 {
			continue
		}
		if n := len(ms); n > 0 && doubledSingle(line, ms[n-1], i, r) {
			// two single marks written for a double one (‘‘ ’’ in New
			// York Times style, two grave accents or apostrophes in Penn
			// Treebank style): one double mark
			ms[n-1] = mark{pos: ms[n-1].pos, size: ms[n-1].size + utf8.RuneLen(r), class: classDouble, hint: doubledHint(r)}
			continue
		}
		ms = append(ms, mark{pos: i, size: utf8.RuneLen(r), class: c, hint: h})
	}
	isMark := func(r rune) bool { c, _ := classOf(r, lone); return c != 0 }
	// Context past adjacent marks: a run of marks shares it (computed in one
	// pass each way, so long runs stay linear).
	for k := range ms {
		m := &ms[k]
		if k > 0 && ms[k-1].pos+ms[k-1].size == m.pos {
			m.lr = ms[k-1].lr
		} else if m.pos > 0 {
			m.lr, _ = utf8.DecodeLastRuneInString(line[:m.pos])
		}
	}
	for k := len(ms) - 1; k >= 0; k-- {
		m := &ms[k]
		if k+1 < len(ms) && m.pos+m.size == ms[k+1].pos {
			m.rr = ms[k+1].rr
		} else if m.pos+m.size < len(line) {
			m.rr, _ = utf8.DecodeRuneInString(line[m.pos+m.size:])
		}
	}
	for k := range ms {
		m := &ms[k]
		m.left, m.right = ctxOf(m.lr), ctxOf(m.rr)
		m.dir = contextDir(m.left, m.right)
		if m.dir == dirEither {
			m.dir = m.hint
		}
		// Immediate neighbours decide word-internal marks (don't, O’Brien).
		pl, _ := utf8.DecodeLastRuneInString(line[:m.pos])
		nr, _ := utf8.DecodeRuneInString(line[m.pos+m.size:])
		if m.pos == 0 {
			pl = 0
		}
		if m.pos+m.size == len(line) {
			nr = 0
		}
		if isMark(pl) {
			pl = '"' // a neighbouring mark is no letter: “’s is not a contraction
		}
		if isMark(nr) {
			nr = '"'
		}
		m.role = roleQuote
		switch m.class {
		case classLone:
			m.role = loneRole(line, m, pl, nr)
		case classSingle:
			m.role = singleRole(line, m, pl, nr)
		case classDouble:
			if ctxOf(pl) == ctxLetter && ctxOf(nr) == ctxLetter {
				m.dir = dirEither
			}
		}
		if m.role == roleQuote && (m.class == classSingle || m.class == classLone) &&
			(m.lr == 's' || m.lr == 'S') && ctxOf(pl) == ctxLetter && m.right == ctxSpace {
			m.nextWord = strings.ToLower(wordAfter(line, m.pos+m.size))
			m.possessive = m.nextWord != ""
		}
	}
	// A lone mark before a number that no later mark of the line could
	// close was a lost euro sign ("pledged â5,000 per family").
	for k := range ms {
		m := &ms[k]
		if m.class != classLone || m.role != roleQuote || m.dir != dirOpen || ctxOf(m.rr) != ctxDigit || m.pos+m.size >= len(line) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(line[m.pos+m.size:]); ctxOf(r) != ctxDigit {
			continue
		}
		closer := false
		for _, l := range ms[k+1:] {
			if l.class == classLone && l.role == roleQuote && l.dir != dirOpen {
				closer = true
				break
			}
		}
		if !closer {
			m.role = roleEuro
		}
	}
	return ms
}

// contextDir reads a mark's direction from what touches it.
func contextDir(l, r ctxClass) dir {
	openish := l == ctxEdge || l == ctxSpace || l == ctxOpenP || l == ctxDash
	closeish := r == ctxEdge || r == ctxSpace || r == ctxCloseP || r == ctxDash
	switch {
	case openish && !closeish:
		return dirOpen
	case closeish && !openish:
		return dirClose
	}
	return dirEither
}

// isContraction reports what follows the apostrophe of an English
// contraction or possessive (’s, n’t, ’re, ’ve, ’ll, ’d, ’m).
func isContraction(w string) bool {
	switch strings.ToLower(w) {
	case "s", "t", "re", "ve", "ll", "d", "m":
		return true
	}
	return false
}

// isElision reports short words written with a leading apostrophe.
func isElision(w string) bool {
	switch strings.ToLower(w) {
	case "em", "til", "tis", "twas", "n", "cause":
		return true
	}
	return false
}

// singleRole tells an apostrophe from a single quote mark.
func singleRole(line string, m *mark, pl, nr rune) role {
	lc, rc := ctxOf(pl), ctxOf(nr)
	switch {
	case lc == ctxLetter && rc == ctxLetter, lc == ctxDigit && rc == ctxDigit:
		return roleApostrophe // don't, O’Brien, 5'10
	case lc == ctxDigit && (nr == 's' || nr == 'S'):
		return roleApostrophe // 1990's
	case (lc == ctxSpace || lc == ctxEdge) && rc == ctxDigit:
		if w := digitsAfter(line, m.pos+m.size); strings.HasSuffix(w, "s") {
			return roleApostrophe // the '90s
		}
	case (lc == ctxSpace || lc == ctxEdge) && rc == ctxLetter:
		if isElision(wordAfter(line, m.pos+m.size)) {
			return roleApostrophe // rock 'n' roll, 'em
		}
	}
	return roleQuote
}

// loneRole reads a lone 'â' of damaged text from its neighbours: between
// letters an apostrophe (Trumpâs, theyâre, dâIvoire), an unspaced dash
// (forceâwhich) or a real letter (Château); between spaces a dash, or a stray
// between two capitalised words of one name (Jared â Kushner); between digits
// a range; before an amount a euro sign; else a quote mark.
func loneRole(line string, m *mark, pl, nr rune) role {
	lc, rc := ctxOf(pl), ctxOf(nr)
	switch {
	case lc == ctxLetter && rc == ctxLetter:
		lw, rw := wordBefore(line, m.pos), wordAfter(line, m.pos+m.size)
		switch {
		case isContraction(rw):
			return roleApostrophe
		case utf8.RuneCountInString(lw) == 1 && isUpper(rw):
			return roleApostrophe // O’Brien, d’Ivoire
		case isUpper(lw):
			if utf8.RuneCountInString(lw) <= 2 {
				return roleLiteral // Mâcon, Château, Brâncuși
			}
			return roleApostrophe // Shi’ite, Qur’an
		case utf8.RuneCountInString(lw) >= 3 && utf8.RuneCountInString(rw) >= 2:
			return roleDash // force—which
		}
		return roleLiteral // château, âge
	case lc == ctxDigit && rc == ctxDigit:
		return roleEnDash // 2014–2022
	case lc == ctxDigit && (nr == 's' || nr == 'S'):
		return roleApostrophe // 1990’s
	case lc == ctxLetter && rc == ctxDigit, lc == ctxDigit && rc == ctxLetter:
		return roleEnDash // COVID–19
	case (lc == ctxSpace || lc == ctxEdge) && (rc == ctxSpace || rc == ctxEdge):
		if strayBetweenNames(line, m) {
			return roleDrop
		}
		return roleDash
	case (lc == ctxSpace || lc == ctxEdge || lc == ctxOpenP) && rc == ctxDigit:
		if isAmount(line[m.pos+m.size:]) {
			return roleEuro
		}
		if d := digitsAfter(line, m.pos+m.size); len(d) == 3 && strings.HasSuffix(d, "s") {
			return roleApostrophe // the ’90s
		}
	}
	return roleQuote
}

// strayBetweenNames reports a spaced 'â' between two capitalised words inside
// a sentence ("envoys Steve Witkoff and Jared â Kushner"): a dash never sits
// inside a name, so the mark is a stray.
func strayBetweenNames(line string, m *mark) bool {
	before := strings.TrimRight(line[:m.pos], " ")
	after := strings.TrimLeft(line[m.pos+m.size:], " ")
	lw, rw := wordBefore(before, len(before)), wordAfter(after, 0)
	if !isCapWord(lw) || !isCapWord(rw) {
		return false
	}
	rest := strings.TrimRight(before[:len(before)-len(lw)], " ")
	if rest == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(rest)
	return unicode.IsLetter(last) // inside a sentence, after a word
}

func isCapWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for i, r := range w {
		if (i == 0) != unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isAmount reports whether s starts with a number followed by a scale word
// ("200 million", "60m", "1.5bn").
func isAmount(s string) bool {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == ',') {
		i++
	}
	rest := strings.TrimLeft(s[i:], " ")
	w := wordAfter(rest, 0)
	switch strings.ToLower(w) {
	case "million", "billion", "trillion", "bn", "mn", "m", "k", "tn", "mln", "bln":
		return true
	}
	return false
}

// wordBefore is the run of letters ending at byte i of s.
func wordBefore(s string, i int) string {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		j -= n
	}
	return s[j:i]
}

// wordAfter is the run of letters starting at byte i of s, after one space.
func wordAfter(s string, i int) string {
	if i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		j += n
	}
	return s[i:j]
}

func digitsAfter(s string, i int) string {
	j := i
	for j < len(s) && (s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j < len(s) && (s[j] == 's' || s[j] == 'S') {
		j++
	}
	return s[i:j]
}

// isCloserFollower reports words that follow a closing quote far more often
// than a plural possessive: "the “allies” and partners" vs "the allies’ bases".
func isCloserFollower(w string) bool {
	switch w {
	case "and", "or", "but", "nor", "as", "at", "in", "on", "for", "to", "of", "that", "which", "who",
		"whom", "when", "while", "after", "before", "because", "if", "than", "then", "with", "by", "from",
		"into", "onto", "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will",
		"would", "could", "should", "can", "may", "might", "must", "he", "she", "they", "it", "we", "i",
		"you", "said", "says", "say", "added", "told", "according", "not", "so", "since", "until", "over",
		"under", "about", "during", "without", "amid", "despite", "against", "whether", "though",
		"although", "where":
		return true
	}
	return false
}

// maxDepth bounds quote nesting: prose never nests deeper than three
// levels, and the bound keeps hostile input linear.
const maxDepth = 16

func push(st []opened, o opened) []opened {
	if len(st) >= maxDepth {
		return st
	}
	return append(st, o)
}

type opened struct {
	idx int
	typ markClass // classDouble or classSingle
}

// pairing is the result of pairing the marks of one line.
type pairing struct {
	unclosed []opened // quotes still open at the end of the line, outermost first
	nested   bool     // a lone-mark quote was opened and closed inside the outermost unclosed one
}

// pair settles the direction of every quote mark of a line on a stack and
// sets each mark's out. Marks whose index is in stray are dropped.
func pair(ms []mark, stray map[int]bool) pairing {
	var st []opened
	var res pairing
	top := func() markClass {
		if len(st) == 0 {
			return 0
		}
		return st[len(st)-1].typ
	}
	find := func(t markClass) int {
		for k := len(st) - 1; k >= 0; k-- {
			if st[k].typ == t {
				return k
			}
		}
		return -1
	}
	for i := range ms {
		m := &ms[i]
		if m.role != roleQuote {
			continue
		}
		m.out = ""
		if stray[i] {
			m.role = roleDrop
			continue
		}
		d := m.dir
		if m.possessive {
			depth := len(st) // quotes this mark may close
			if m.class == classSingle {
				depth = 0
				for k := len(st) - 1; k >= 0 && st[k].typ == classSingle; k-- {
					depth++
				}
			}
			if depth == 0 || !possessiveCloses(ms, i, depth) {
				m.out = "’"
				continue
			}
			d = dirClose
		}
		switch m.class {
		case classDouble:
			k := find(classDouble)
			if d == dirEither {
				d = dirOpen
				if k >= 0 {
					d = dirClose
				}
			}
			if k >= 0 {
				st = st[:k] // a second opener abandons the unclosed quote; a closer closes it and what it holds
			}
			if d == dirOpen {
				st = push(st, opened{i, classDouble})
				m.out = "“"
			} else {
				m.out = "”"
			}
		case classSingle:
			if d == dirEither {
				d = dirOpen
				if top() == classSingle {
					d = dirClose
				}
			}
			if d == dirOpen {
				st = push(st, opened{i, classSingle})
				m.out = "‘"
			} else {
				if top() == classSingle {
					st = st[:len(st)-1]
				}
				m.out = "’"
			}
		case classLone:
			if d == dirEither {
				d = dirOpen
				if len(st) > 0 {
					d = dirClose
				}
			}
			if d == dirOpen {
				t := classDouble
				if top() == classDouble {
					t = classSingle
				}
				st = push(st, opened{i, t})
				m.out = "“"
				if t == classSingle {
					m.out = "‘"
				}
				continue
			}
			if len(st) == 0 {
				if i > 0 && ms[i-1].class == classLone && ms[i-1].pos+ms[i-1].size == m.pos &&
					(ms[i-1].out == "”" || ms[i-1].out == "’") {
					// More closers than open quotes ("beforeââ"): the first
					// was a lost ellipsis, and this one closes.
					m.out, ms[i-1].out = ms[i-1].out, "…"
					continue
				}
				m.out = "”"
				if m.lr == 's' || m.lr == 'S' {
					m.out = "’" // a possessive at the end of a clause
				}
				continue
			}
			t := top()
			st = st[:len(st)-1]
			m.out = "”"
			if t == classSingle {
				m.out = "’"
			}
			if len(st) == 1 && ms[st[0].idx].class == classLone {
				res.nested = true
			}
		}
	}
	res.unclosed = st
	return res
}

// possessiveCloses decides whether an s-final mark before a word closes the
// innermost open quote (depth quotes are open) or is a plural possessive: it
// closes when a closer-like word follows, or when fewer closing marks follow
// before the next opening one than there are quotes to close.
func possessiveCloses(ms []mark, i, depth int) bool {
	if isCloserFollower(ms[i].nextWord) {
		return true
	}
	later := 0
	for j := i + 1; j < len(ms); j++ {
		m := ms[j]
		if m.role != roleQuote || (m.class == classDouble) != (ms[i].class == classDouble) && m.class != classLone {
			continue
		}
		if m.dir == dirOpen && !m.possessive {
			break
		}
		later++
		if later >= depth {
			return false
		}
	}
	return later < depth
}

// render writes line with every mark replaced by its canonical form.
func render(line string, ms []mark) string {
	var b strings.Builder
	b.Grow(len(line) + 2*len(ms))
	last := 0
	for _, m := range ms {
		b.WriteString(line[last:m.pos])
		last = m.pos + m.size
		switch m.role {
		case roleApostrophe:
			b.WriteString("’")
		case roleDash:
			b.WriteString("—")
		case roleEnDash:
			b.WriteString("–")
		case roleEuro:
			b.WriteString("€")
		case roleLiteral:
			b.WriteString(line[m.pos : m.pos+m.size])
		case roleDrop:
			// removed; the doubled space is collapsed below
		default:
			b.WriteString(m.out)
		}
	}
	b.WriteString(line[last:])
	return collapseSpaces(b.String())
}

// canonicalLine is one line with its marks read, and the alternative reading
// in which the outermost unclosed lone-mark quote is a stray (see lineMarks).
type canonicalLine struct {
	text      string
	alt       string // "" when there is no alternative
	opensWith bool   // the line starts with an opening quote mark
	unclosed  bool   // a quote is still open at the end of the line
}

// lineMarks reads the marks of one line. For damaged text (lone marks) whose
// outermost quote stays open while quotes nested inside it are closed, it
// also renders the reading where that opener is a stray and the nested
// quotes are the outer ones: the caller picks it unless the next paragraph
// re-opens the quote (the convention for a quote running on).
func lineMarks(line string, lone bool) canonicalLine {
	ms := findMarks(line, lone)
	p := pair(ms, nil)
	cl := canonicalLine{text: guardMarks(dashes(render(line, ms))), unclosed: len(p.unclosed) > 0}
	if len(ms) > 0 && ms[0].pos == 0 && ms[0].role == roleQuote && ms[0].out != "" {
		cl.opensWith = ms[0].out == "“" || ms[0].out == "‘"
	}
	if len(p.unclosed) > 0 && p.nested && ms[p.unclosed[0].idx].class == classLone {
		alt := make([]mark, len(ms))
		copy(alt, ms)
		pair(alt, map[int]bool{p.unclosed[0].idx: true})
		cl.alt = guardMarks(dashes(render(line, alt)))
	}
	return cl
}

// dashes writes ASCII and spaced dashes canonically: "--" and a spaced
// hyphen or en dash become an em dash "—"; an en dash between words or
// numbers (a range, "EU–China") stays.
func dashes(s string) string {
	if !strings.Contains(s, "-") && !strings.Contains(s, "–") {
		return s
	}
	s = strings.ReplaceAll(s, "---", "—")
	s = strings.ReplaceAll(s, "--", "—")
	s = strings.ReplaceAll(s, " - ", " — ")
	s = strings.ReplaceAll(s, " – ", " — ")
	if strings.HasSuffix(s, " -") || strings.HasSuffix(s, " –") {
		s = s[:strings.LastIndexByte(s, ' ')] + " —"
	}
	return s
}

// collapseSpaces folds runs of spaces to one and trims the ends.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// guardMarks writes a quote mark or dash as its ASCII form where it would
// complete a mojibake sequence with the letters before it ("Ã" + "“" reads
// as the mojibake of "Ó"): otherwise the text would not survive being
// normalised again.
func guardMarks(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xC2 && r <= 0xF4 }) {
		return s
	}
	for range 4 {
		runes := []rune(s)
		var b strings.Builder
		changed := false
		for i := 0; i < len(runes); {
			j := i
			var bs []byte
			for j < len(runes) {
				c, ok := cp1252Byte(runes[j])
				if !ok {
					break
				}
				bs = append(bs, c)
				j++
			}
			if j == i {
				b.WriteRune(runes[i])
				i++
				continue
			}
			run := runes[i:j]
			if decodeRun(run, bs) != string(run) {
				for _, r := range run {
					switch r {
					case '“', '”':
						r, changed = '"', true
					case '‘', '’':
						r, changed = '\'', true
					case '—', '–':
						r, changed = '-', true
					case '…':
						b.WriteString("..")
						r, changed = '.', true
					}
					b.WriteRune(r)
				}
			} else {
				b.WriteString(string(run))
			}
			i = j
		}
		if !changed {
			break
		}
		s = b.String()
	}
	return s
}
