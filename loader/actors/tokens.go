package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pledgegraph"
	"pledgegraph/loader/annot"
)

// tokKind is what a token is.
type tokKind uint8

const (
	tWord  tokKind = iota // letters (and digits), with inner hyphens and apostrophes: "Marc-André", "d’Ivoire", "U.S."
	tNum                  // digits: "2022", "1,000"
	tPunct                // one punctuation rune
	tPoss                 // a possessive ending: "’s", "'s", or "’" after a plural
)

// token is one word, number or punctuation mark of the text.
type token struct {
	annot.Span
	text      string
	kind      tokKind
	cap       bool // first letter is upper case
	upper     bool // every letter upper case, at least two letters ("NATO", "U.S.")
	key       string
	lower     string
	sent      int  // index into Doc.Sentences, -1 outside any sentence (the headline)
	para      int  // index into Doc.Paragraphs, -1 outside any
	sentStart bool // first word of its sentence (after opening quotes and brackets)
	nlBefore  bool // a line break lies between this token and the previous one
	unit      int  // tokens of one sentence (or one line outside sentences) share it
}

func isApos(r rune) bool { return r == '\'' || r == '\u2019' }

func isHyphen(r rune) bool { return r == '-' || r == '\u2011' || r == '\u2010' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// tokenize splits text into tokens. It never fails; invalid UTF-8 bytes
// become punctuation tokens of one byte.
func tokenize(text string) []token {
	var toks []token
	nl := false
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			nl = true
			i += w
			continue
		case unicode.IsSpace(r):
			i += w
			continue
		case isWordRune(r):
			end := scanWord(text, i)
			toks = append(toks, newToken(text, i, end, nl))
			nl = false
			i = end
			// possessive: ’s / 's not followed by a letter; ’ after a plural s.
			if i < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[i:])
				if isApos(r2) {
					j := i + w2
					if j < len(text) && (text[j] == 's' || text[j] == 'S') {
						r3, _ := utf8.DecodeRuneInString(text[j+1:])
						if j+1 >= len(text) || !isWordRune(r3) {
							toks = append(toks, token{Span: annot.Span{Start: i, End: j + 1}, text: text[i : j+1], kind: tPoss})
							i = j + 1
						}
					} else if strings.HasSuffix(text[toks[len(toks)-1].Start:toks[len(toks)-1].End], "s") {
						r3, _ := utf8.DecodeRuneInString(text[j:])
						if j >= len(text) || !isWordRune(r3) {
							toks = append(toks, token{Span: annot.Span{Start: i, End: j}, text: text[i:j], kind: tPoss})
							i = j
						}
					}
				}
			}
		default:
			toks = append(toks, token{Span: annot.Span{Start: i, End: i + w}, text: text[i : i+w], kind: tPunct, nlBefore: nl})
			nl = false
			i += w
		}
	}
	return toks
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	// Dotted capitals: "U.S.", "U.N.", "D.R.".
	if j := scanDotted(text, i); j > i {
		return j
	}
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += w
			continue
		}
		if isHyphen(r) || isApos(r) {
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			next, w2 := utf8.DecodeRuneInString(text[j+w:])
			if j+w >= len(text) || !isWordRune(next) || !isWordRune(prev) {
				break
			}
			if isApos(r) {
				if !unicode.IsLetter(next) || !unicode.IsLetter(prev) {
					break
				}
				// "’s" ending the word is a possessive, not part of it.
				if next == 's' || next == 'S' {
					after, _ := utf8.DecodeRuneInString(text[j+w+w2:])
					if j+w+w2 >= len(text) || !isWordRune(after) {
						break
					}
				}
			}
			j += w
			continue
		}
		// "G-7", "OPEC+" stay as they are; a dot ends the word.
		break
	}
	return j
}

// scanDotted recognises dotted capitals ("U.S.", "U.K.", "D.R.") at i and
// returns their end, or i.
func scanDotted(text string, i int) int {
	j, n := i, 0
	for j+1 < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsUpper(r) || j+w >= len(text) || text[j+w] != '.' {
			break
		}
		j += w + 1
		n++
	}
	if n >= 2 {
		return j
	}
	return i
}

func newToken(text string, start, end int, nl bool) token {
	s := text[start:end]
	t := token{Span: annot.Span{Start: start, End: end}, text: s, kind: tWord, nlBefore: nl}
	letters, uppers := 0, 0
	first := true
	digitsOnly := true
	for _, r := range s {
		if unicode.IsLetter(r) {
			digitsOnly = false
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
			if first {
				t.cap = unicode.IsUpper(r) || unicode.IsTitle(r)
				first = false
			}
		} else if unicode.IsDigit(r) && first {
			first = false
		}
	}
	if digitsOnly {
		t.kind = tNum
	}
	// Arabic and other particles joined to a capitalised name: "al-Hayya",
	// "el-Sisi", "bin-Zayed" are capitalised names.
	if !t.cap {
		if h := strings.IndexAny(s, "-\u2011"); h > 0 && h <= 4 && nameParticles[strings.ToLower(s[:h])] {
			if r, _ := utf8.DecodeRuneInString(s[h+1:]); unicode.IsUpper(r) {
				t.cap = true
			}
		}
	}
	t.upper = letters >= 2 && letters == uppers
	t.key = pledgegraph.NameKey(s)
	t.lower = strings.ToLower(s)
	return t
}

// layer assigns sentence and paragraph indices to tokens and marks sentence
// starts. Without sentences, a paragraph start or a token after . ! ? starts
// a sentence.
func layer(toks []token, d *annot.Doc) {
	si, pi := 0, 0
	prevSent, prevPara := -2, -2
	afterStop := true
	for k := range toks {
		t := &toks[k]
		for si < len(d.Sentences) && d.Sentences[si].End <= t.Start {
			si++
		}
		for pi < len(d.Paragraphs) && d.Paragraphs[pi].End <= t.Start {
			pi++
		}
		t.sent, t.para = -1, -1
		if si < len(d.Sentences) && d.Sentences[si].Start <= t.Start {
			t.sent = si
		}
		if pi < len(d.Paragraphs) && d.Paragraphs[pi].Start <= t.Start {
			t.para = pi
		}
		newUnit := false
		switch {
		case t.sent >= 0:
			newUnit = t.sent != prevSent
		case t.para >= 0:
			newUnit = t.para != prevPara || afterStop
		default:
			newUnit = afterStop || t.nlBefore
		}
		if newUnit {
			afterStop = true
		}
		if k > 0 {
			t.unit = toks[k-1].unit
			if t.nlBefore || t.sent != prevSent || t.para != prevPara || t.sent < 0 && newUnit && (t.kind == tWord || t.kind == tNum) {
				t.unit++
			}
		}
		prevSent, prevPara = t.sent, t.para
		if t.kind == tWord || t.kind == tNum {
			if afterStop {
				t.sentStart = true
			}
			afterStop = false
			continue
		}
		if t.kind == tPunct && (t.text == "." || t.text == "!" || t.text == "?") && len(d.Sentences) == 0 {
			afterStop = true
		}
	}
}
