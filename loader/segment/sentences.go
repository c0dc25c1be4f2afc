package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pledgegraph/loader/annot"
)

// sentenceEnds returns the end offsets of the sentences of the paragraph
// text[p.Start:p.End], the last one being the paragraph's (trimmed) end. A
// sentence ends after '.', '!', '?' or '…' (and any closing marks or
// brackets right after it) when white space and a sentence start follow,
// unless the period ends an abbreviation or an initial, or the end falls
// inside one of the protected spans (closed quotes, in order, not
// overlapping).
func sentenceEnds(text string, p annot.Span, protected []annot.Span) []int {
	var ends []int
	i := p.Start
	for i < p.End {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		term := i
		j := i + n
		// Further terminal marks, closing quotes and brackets belong to the sentence.
		for j < p.End {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(".!?…”’\"')]", r2) {
				break
			}
			j += n2
		}
		i = j
		k := j
		for k < p.End && isSpaceByte(text[k]) {
			k++
		}
		if k == j || k >= p.End {
			continue // no space after it, or the paragraph ends anyway
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !startsSentence(next) {
			continue
		}
		if r == '.' && !periodEnds(text, p.Start, term, k) {
			continue
		}
		for len(protected) > 0 && protected[0].End <= j {
			protected = protected[1:] // ends only grow: spans behind them no longer matter
		}
		if len(protected) > 0 && protected[0].Start < j {
			continue // inside a closed quote
		}
		ends = append(ends, j)
	}
	end := trimRight(text, p.End)
	if len(ends) == 0 || ends[len(ends)-1] < end {
		ends = append(ends, end)
	}
	return ends
}

// startsSentence reports a rune a sentence can start with.
func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“‘\"'([¿¡", r) ||
		(unicode.IsLetter(r) && !unicode.IsLower(r)) // scripts without case
}

// periodEnds decides whether the period at byte dot ends a sentence, given
// that the next sentence would start at byte next. Titles and other
// abbreviations that precede a name or number (Mr., Dr., Jan., St., No.)
// never end one; initials (Jared C. Kushner) don't either; dotted acronyms
// (U.S., a.m.) and abbreviations that often close a sentence (Inc., etc.) end
// one only before a word that usually starts a sentence.
func periodEnds(text string, paraStart, dot, next int) bool {
	w := tokenBefore(text, paraStart, dot)
	if w == "" {
		return true // "3." or ")."
	}
	lw := strings.ToLower(w)
	switch {
	case isTitleAbbrev(lw):
		return false
	case isStateAbbrev(w):
		return stateAbbrevEnds(text, paraStart, dot-len(w), next)
	case utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]):
		return false // an initial
	case strings.Contains(w, ".") || isClosingAbbrev(lw):
		return isSentenceStarter(nextWord(text, next))
	}
	return true
}

// tokenBefore is the word (letters and inner periods) ending at byte dot.
func tokenBefore(text string, start, dot int) string {
	j := dot
	for j > start {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= n
	}
	return strings.TrimLeft(text[j:dot], ".")
}

// isTitleAbbrev reports abbreviations that stand before a name, a number or
// a date and so never end a sentence.
func isTitleAbbrev(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "brig", "sgt", "cpl", "pvt",
		"capt", "cmdr", "cdr", "adm", "sen", "rep", "gov", "pres", "amb", "sec", "supt", "insp", "det",
		"atty", "rev", "hon", "messrs", "mme", "mlle", "st", "ste", "mt", "ft", "fr", "sr", "jr", "no",
		"nos", "vol", "vols", "pp", "ch", "art", "fig", "vs", "v", "cf", "approx", "est", "ca", "dept",
		"univ", "gov't", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
		"dec", "e.g", "i.e", "op", "al", "sens", "reps", "govs", "gens", "lts", "drs", "profs",
		"ambs", "adms", "cmdt", "msgr", "rt", "assemb", "asst", "assoc":
		return true
	}
	return false
}

// isStateAbbrev reports the abbreviations of US states used in news style
// ("Calif.", "Del.", "Ky."), as written, before their period. Dotted ones
// ("N.Y.", "W.Va.") are dotted acronyms.
func isStateAbbrev(w string) bool {
	switch w {
	case "Ala", "Ariz", "Ark", "Calif", "Cal", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
		"Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev",
		"Okla", "Ore", "Oreg", "Pa", "Penn", "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wisc", "Wyo":
		return true
	}
	return false
}

// stateAbbrevEnds decides whether a state abbreviation starting at byte
// start, whose period is followed by the capital at byte next, ends its
// sentence. After a comma it closes a place ("in Tamarac, Fla. While…") and
// ends the sentence as any word would. Inside parentheses or after a party
// letter ("Sen. John McCain (Ariz.) said", "(D-Del.)", "R-Ky.") and when it
// qualifies what follows ("former Fla. Gov. Jeb Bush", "state Del. Marcia
// Price", the delegate's title) it ends one only before a word that
// usually starts a sentence, an opening quote or a number.
func stateAbbrevEnds(text string, paraStart, start, next int) bool {
	if prev := text[paraStart:start]; strings.HasSuffix(prev, ", ") {
		return true // a place: "Tamarac, Fla."
	}
	if r, _ := utf8.DecodeRuneInString(text[next:]); !unicode.IsLetter(r) {
		return true // an opening quote or a number follows
	}
	return isSentenceStarter(nextWord(text, next))
}

// isClosingAbbrev reports abbreviations that may also end a sentence.
func isClosingAbbrev(w string) bool {
	switch w {
	case "inc", "corp", "ltd", "co", "plc", "llc", "etc", "bros", "jr.", "ave", "rd", "blvd":
		return true
	}
	return false
}

// isSentenceStarter reports words that usually begin a sentence, used after
// an abbreviation that may or may not end one ("in the U.S. The ...").
func isSentenceStarter(w string) bool {
	switch w {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On", "At",
		"This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "As", "After",
		"Before", "When", "While", "If", "Although", "However", "Meanwhile", "Some", "Many", "Most",
		"According", "Asked", "Officials", "For", "So", "Yet", "Still", "Earlier", "Later", "Last",
		"Since", "During", "Under", "Despite", "Both", "Such", "One", "No", "Not", "What", "Who":
		return true
	}
	return false
}
