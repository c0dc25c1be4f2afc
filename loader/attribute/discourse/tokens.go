package discourse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pledgegraph/loader/annot"
)

// Kind is what sort of token a Token is.
type Kind uint8

const (
	Word   Kind = iota // letters, with inner hyphens, apostrophe clitics split off ("Ukraine", "’s")
	Number             // digits with inner separators ("1,000", "3.5")
	Punct              // one punctuation or symbol rune, quote marks included
)

// Token is one token of a Body sentence.
type Token struct {
	annot.Span
	Text  string
	Lower string // lower-cased, typographic apostrophes folded to '
	Kind  Kind
	Sent  int  // index into Doc.Sentences
	Quote int  // index into Doc.Quotes of the depth-0 quote whose words hold the token, or -1
	Mark  bool // the token is the opening or closing mark of a quote
	Open  bool // Mark and the mark opens
}

// IsWord reports whether t is a word or number.
func (t Token) IsWord() bool { return t.Kind != Punct }

// Cap reports whether the token starts with an upper-case letter.
func (t Token) Cap() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// tokenize splits text[span] into tokens (without Sent/Quote set).
func tokenize(text string, span annot.Span, out []Token) []Token {
	i := span.Start
	for i < span.End {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsMark(r):
			j := scanWord(text, i, span.End)
			out = append(out, mk(text, i, j, Word))
			i = j
		case unicode.IsDigit(r):
			j := scanNumber(text, i, span.End)
			out = append(out, mk(text, i, j, Number))
			i = j
		case isApostrophe(r) && i+n < span.End && clitic(text[i+n:span.End]) > 0 && i > span.Start && isWordRuneBefore(text, i):
			// a clitic glued to the previous word: ’s, ’re, ’ll, ’ve, ’d, ’t, ’m
			j := i + n + clitic(text[i+n:span.End])
			out = append(out, mk(text, i, j, Word))
			i = j
		default:
			out = append(out, mk(text, i, i+n, Punct))
			i += n
		}
	}
	return out
}

func mk(text string, s, e int, k Kind) Token {
	t := Token{Span: annot.Span{Start: s, End: e}, Text: text[s:e], Kind: k, Sent: -1, Quote: -1}
	t.Lower = fold(t.Text)
	return t
}

// fold lower-cases s and folds typographic apostrophes to '.
func fold(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‘") {
		s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	}
	return s
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isWordRuneBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// clitic returns the byte length of an English clitic at the start of s
// (after an apostrophe) when it ends a word, else 0.
func clitic(s string) int {
	for _, c := range []string{"s", "re", "ll", "ve", "d", "t", "m", "S", "RE", "LL", "VE", "D", "T", "M"} {
		if strings.HasPrefix(s, c) {
			rest := s[len(c):]
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return len(c)
			}
		}
	}
	return 0
}

// scanWord scans letters with inner hyphens, periods of abbreviations
// ("U.S."), and inner apostrophes that are not clitics ("O’Brien").
func scanWord(text string, i, end int) int {
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r):
			j += n
		case (r == '-' || r == '‑') && j+n < end && isLetterOrDigitAt(text, j+n):
			j += n
		case r == '.' && j+n < end && isLetterAt(text, j+n) && isAbbrev(text[i:j]) && nextIsDotAfterLetter(text, j+n, end):
			// "U.S." / "U.N." : single letters joined by periods
			j += n
		case r == '.' && isAbbrev(text[i:j]) && strings.Count(text[i:j], ".") > 0:
			return j + n // final period of "U.S."
		case r == '.' && (titleAbbrev[strings.ToLower(text[i:j])] || j+n < end && (text[j+n] == ')' || text[j+n] == ',') || initialAt(text, i, j, end)):
			return j + n // "Mr.", "Sen.", "(D-Wis.)", "R-Ky.,": the period is the word's"
		case isApostrophe(r) && j+n < end && isLetterAt(text, j+n) && clitic(text[j+n:end]) == 0:
			j += n
		default:
			return j
		}
	}
	return j
}

// titleAbbrev are abbreviations written with a period that never ends a
// sentence before a name ("Mr. Obama", "Sen. Graham", "Gov. Abbott").
var titleAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true, "reps": true, "sens": true,
	"gov": true, "gen": true, "lt": true, "col": true, "maj": true, "capt": true, "sgt": true, "adm": true, "cmdr": true,
	"st": true, "rev": true, "hon": true, "pres": true, "amb": true, "supt": true, "insp": true, "fr": true, "mme": true,
	"mlle": true, "messrs": true, "jr": true, "sr": true,
}

// initialAt reports whether text[i:j] is a single capital letter whose
// period is followed by a space and a capitalised word: a middle initial
// ("John F. Kerry"), not a sentence end.
func initialAt(text string, i, j, end int) bool {
	if r, n := utf8.DecodeRuneInString(text[i:j]); n != j-i || !unicode.IsUpper(r) {
		return false
	}
	k := j + 1
	if k+1 >= end || text[k] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[k+1:])
	return unicode.IsUpper(r)
}

// isAbbrev reports whether w is a run of single letters joined by periods
// ("U", "U.S") so far.
func isAbbrev(w string) bool {
	parts := strings.Split(w, ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

func nextIsDotAfterLetter(text string, j, end int) bool {
	_, n := utf8.DecodeRuneInString(text[j:])
	return j+n < end && text[j+n] == '.'
}

func isLetterAt(text string, j int) bool {
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsLetter(r)
}

func isLetterOrDigitAt(text string, j int) bool {
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// scanNumber scans digits with inner , . separators ("1,000", "3.5") and a
// glued suffix of letters ("2027s", "15th").
func scanNumber(text string, i, end int) int {
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case unicode.IsDigit(r) || unicode.IsLetter(r):
			j += n
		case (r == ',' || r == '.') && j+n < end && isDigitAt(text, j+n) && j > i && isDigitAt(text, j-1):
			j += n
		default:
			return j
		}
	}
	return j
}

func isDigitAt(text string, j int) bool {
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsDigit(r)
}
