package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The store keeps each fact's byte span and sentence index but not the
// sentence boundaries, so Evidence.sentenceText widens the span to whole
// sentences here: back to the start of the sentence holding the span's start,
// forward to the end of the sentence holding its end. A paragraph (a line of
// the normalised text) always bounds a sentence.

// clampSpan keeps [start, end) inside text and on rune boundaries.
func clampSpan(text string, start, end int) (int, int) {
	start = min(max(start, 0), len(text))
	end = min(max(end, start), len(text))
	for start > 0 && start < len(text) && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return start, end
}

// sentenceAround widens [start, end) of text to the sentences holding it,
// without surrounding white space.
func sentenceAround(text string, start, end int) (int, int) {
	start, end = clampSpan(text, start, end)
	lineStart := strings.LastIndexByte(text[:start], '\n') + 1
	lineEnd := len(text)
	if i := strings.IndexByte(text[end:], '\n'); i >= 0 {
		lineEnd = end + i
	}
	if end > start && text[end-1] == '\n' { // a span ending with its line
		lineEnd = end - 1
	}

	// A sentence longer than maxSentence bytes each side of the span is cut
	// there, which bounds the work on pathological text.
	lineStart = max(lineStart, start-maxSentence)
	lineEnd = min(lineEnd, end+maxSentence)
	s := lineStart
	for i := start; i > lineStart; i-- {
		if sentenceStartsAt(text, lineStart, i) {
			s = i
			break
		}
	}
	e := lineEnd
	for i := max(end, s+1); i < lineEnd; i++ {
		if sentenceStartsAt(text, lineStart, i) {
			e = i
			break
		}
	}
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// sentenceStartsAt reports whether a new sentence starts at byte i of text
// (not before lo): a capital, digit or opening mark, after white space, after
// a terminal mark (and any closing quotes or brackets) that does not end an
// abbreviation or initial.
func sentenceStartsAt(text string, lo, i int) bool {
	if i <= lo || i >= len(text) || !utf8.RuneStart(text[i]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(openers, r) {
		return false
	}
	j := i
	spaces := 0
	for j > lo {
		p, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsSpace(p) {
			break
		}
		j -= n
		spaces++
	}
	if spaces == 0 {
		return false
	}
	for j > lo {
		p, n := utf8.DecodeLastRuneInString(text[:j])
		if !strings.ContainsRune(closers, p) {
			break
		}
		j -= n
	}
	if j <= lo {
		return false
	}
	p, n := utf8.DecodeLastRuneInString(text[:j])
	switch p {
	case '!', '?', '…':
		return true
	case '.':
		return !abbreviation(text[lo : j-n])
	}
	return false
}

const maxSentence = 4 << 10

const (
	openers = "\"'“‘«([„"
	closers = "\"'”’»)]"
)

// abbreviation reports whether before, the text up to a full stop, ends with
// an initial ("J."), an acronym with stops ("U.S.") or a common abbreviation
// ("Mr.", "Gen.") rather than a sentence.
func abbreviation(before string) bool {
	k := len(before)
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		k -= n
	}
	word := before[k:]
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") { // "U.S", "a.m"
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	_, ok := abbreviations[strings.ToLower(word)]
	return ok
}

// abbreviations are words commonly written with a full stop inside a
// sentence in English news text.
var abbreviations = map[string]struct{}{
	"mr": {}, "mrs": {}, "ms": {}, "dr": {}, "prof": {}, "st": {}, "sr": {}, "jr": {},
	"gen": {}, "lt": {}, "col": {}, "maj": {}, "capt": {}, "sgt": {}, "adm": {}, "cmdr": {},
	"rep": {}, "sen": {}, "gov": {}, "pres": {}, "rev": {}, "hon": {}, "amb": {},
	"no": {}, "vs": {}, "etc": {}, "inc": {}, "ltd": {}, "co": {}, "corp": {}, "approx": {},
	"jan": {}, "feb": {}, "mar": {}, "apr": {}, "jun": {}, "jul": {}, "aug": {},
	"sep": {}, "sept": {}, "oct": {}, "nov": {}, "dec": {},
}
