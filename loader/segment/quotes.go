package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pledgegraph/loader/annot"
)

// quoteMark is one quote-like character of a paragraph.
type quoteMark struct {
	start, end int  // byte offsets in the text
	double     bool // “ ” " (else ‘ ’ ')
	dir        dir
	pl, nr     rune // the runes touching the mark (0 at the paragraph's edges)
}

type dir uint8

const (
	dirEither dir = iota
	dirOpen
	dirClose
	dirApostrophe // ’ inside a word, or after a digit
)

// maxDepth bounds quote nesting: prose never nests deeper than three
// levels, and the bound keeps hostile input linear.
const maxDepth = 16

func push(st []open, o open) []open {
	if len(st) >= maxDepth {
		return st
	}
	return append(st, o)
}

// open is a quote whose opening mark has been read.
type open struct {
	mark   quoteMark
	double bool
}

// paraQuotes pairs the quote marks of the paragraph text[p.Start:p.End]. It
// returns the quotes it found (Sentence and Joined unset) and whether an
// outer quote is still open at the paragraph's end.
func paraQuotes(text string, p annot.Span, para int) (qs []annot.Quote, openAtEnd bool) {
	marks := findQuoteMarks(text, p)
	var st []open
	emit := func(o open, depth int, closeMark *quoteMark, end int) {
		q := annot.Quote{Para: para, Depth: depth, Closed: closeMark != nil}
		q.Outer = annot.Span{Start: o.mark.start, End: end}
		inEnd := end
		if closeMark != nil {
			q.Outer.End = closeMark.end
			inEnd = closeMark.start
		}
		q.Span = trimSpan(text, annot.Span{Start: o.mark.end, End: inEnd})
		if q.Span.Len() > 0 {
			qs = append(qs, q)
		}
	}
	findDouble := func() int {
		for k := len(st) - 1; k >= 0; k-- {
			if st[k].double {
				return k
			}
		}
		return -1
	}
	singlesOpen := func() int {
		n := 0
		for k := len(st) - 1; k >= 0 && !st[k].double; k-- {
			n++
		}
		return n
	}
	for i, m := range marks {
		d := m.dir
		if m.double {
			k := findDouble()
			if d == dirEither {
				d = dirOpen
				if k >= 0 {
					d = dirClose
				}
			}
			switch {
			case d == dirOpen && k >= 0:
				// A second opener while a double quote is open: the first was
				// never closed. Keep it, ending before this mark, unclosed.
				emit(st[k], k, nil, trimRight(text, m.start))
				st = st[:k]
				st = push(st, open{m, true})
			case d == dirOpen:
				st = push(st, open{m, true})
			case k >= 0:
				// Close it; single quotes left open inside it were apostrophes.
				emit(st[k], k, &marks[i], 0)
				st = st[:k]
			}
			continue
		}
		// Single marks.
		top := len(st) > 0 && !st[len(st)-1].double
		switch d {
		case dirApostrophe:
			continue
		case dirEither:
			d = dirOpen
			if top {
				d = dirClose
			}
		}
		if d == dirOpen {
			st = push(st, open{m, false})
			continue
		}
		if !top {
			continue // an apostrophe: the allies’ bases
		}
		if isPossessive(text, m) && !possessiveCloses(text, marks[i+1:], m, singlesOpen()) {
			continue
		}
		emit(st[len(st)-1], len(st)-1, &marks[i], 0)
		st = st[:len(st)-1]
	}
	// The paragraph ends: the outermost quote runs on (Closed=false); quotes
	// nested in it that never closed were misread apostrophes.
	if len(st) > 0 {
		emit(st[0], 0, nil, trimRight(text, p.End))
		openAtEnd = true
	}
	return qs, openAtEnd
}

// findQuoteMarks lists the quote marks of a paragraph with the direction
// their glyph and context give them.
func findQuoteMarks(text string, p annot.Span) []quoteMark {
	var ms []quoteMark
	seg := text[p.Start:p.End]
	for i, r := range seg {
		var m quoteMark
		switch r {
		case '“':
			m = quoteMark{double: true, dir: dirOpen}
		case '”':
			m = quoteMark{double: true, dir: dirClose}
		case '"':
			m = quoteMark{double: true}
		case '‘':
			m = quoteMark{dir: dirOpen}
		case '’':
			m = quoteMark{dir: dirClose}
		case '\'':
			m = quoteMark{}
		default:
			continue
		}
		m.start, m.end = p.Start+i, p.Start+i+utf8.RuneLen(r)
		if i > 0 {
			m.pl, _ = utf8.DecodeLastRuneInString(seg[:i])
		}
		if m.end < p.End {
			m.nr, _ = utf8.DecodeRuneInString(text[m.end:p.End])
		}
		wordL := unicode.IsLetter(m.pl) || unicode.IsDigit(m.pl)
		wordR := unicode.IsLetter(m.nr)
		switch {
		case !m.double && wordL && (wordR || unicode.IsDigit(m.nr)):
			m.dir = dirApostrophe // don’t, O’Brien, 5'10
		case !m.double && unicode.IsDigit(m.pl) && (m.nr == 's' || m.nr == 'S'):
			m.dir = dirApostrophe // 1990’s
		case m.dir == dirEither:
			m.dir = contextDir(m.pl, m.nr)
		case m.double:
			// A curly double mark facing the wrong way (”Hello,” in Nordic
			// style, or a stray typo) follows its context when that is clear.
			if c := contextDir(m.pl, m.nr); c != dirEither {
				m.dir = c
			}
		}
		if r == '’' && !wordL && m.pl != 0 && unicode.IsSpace(m.pl) && (unicode.IsDigit(m.nr) || unicode.IsLetter(m.nr)) {
			m.dir = dirApostrophe // the ’90s, ’em
		}
		ms = append(ms, m)
	}
	return ms
}

// contextDir reads a mark's direction from what touches it: after a space or
// an opening bracket and before a word it opens; after a word or punctuation
// and before a space or punctuation it closes.
func contextDir(l, r rune) dir {
	openish := l == 0 || unicode.IsSpace(l) || strings.ContainsRune("([{—–-", l)
	closeish := r == 0 || unicode.IsSpace(r) || strings.ContainsRune(".,;:?!)]}…—–-", r)
	switch {
	case openish && !closeish:
		return dirOpen
	case closeish && !openish:
		return dirClose
	}
	return dirEither
}

// isPossessive reports an s-final mark before a word: "the countries’
// representatives" — a plural possessive, or a closing quote.
func isPossessive(text string, m quoteMark) bool {
	return (m.pl == 's' || m.pl == 'S') && m.nr == ' ' && nextWord(text, m.end) != ""
}

// possessiveCloses decides whether an s-final ’ before a word closes the
// innermost single quote (open single quotes are open): it closes when a
// closer-like word follows, or when fewer closing marks follow before the
// next opening one than there are quotes to close.
func possessiveCloses(text string, later []quoteMark, m quoteMark, open int) bool {
	if isCloserFollower(strings.ToLower(nextWord(text, m.end))) {
		return true
	}
	n := 0
	for _, l := range later {
		if l.double {
			break // the double quote closes first: the single must close before it
		}
		if l.dir == dirOpen {
			break
		}
		if l.dir == dirClose || l.dir == dirEither {
			n++
			if n >= open {
				return false
			}
		}
	}
	return n < open
}

// nextWord is the run of letters after the space at byte i of text.
func nextWord(text string, i int) string {
	if i < len(text) && text[i] == ' ' {
		i++
	}
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return text[i:j]
}

// isCloserFollower reports words that follow a closing quote far more often
// than a plural possessive: "the ‘allies’ and partners" vs "the allies’ bases".
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

// trimSpan shrinks s to exclude surrounding white space.
func trimSpan(text string, s annot.Span) annot.Span {
	for s.Start < s.End && isSpaceByte(text[s.Start]) {
		s.Start++
	}
	s.End = max(trimRight(text[:s.End], s.End), s.Start)
	return s
}

// trimRight moves end left past white space.
func trimRight(text string, end int) int {
	for end > 0 && isSpaceByte(text[end-1]) {
		end--
	}
	return end
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
