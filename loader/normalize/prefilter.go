package normalize

import (
	"bytes"
	"maps"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file keeps the furniture patterns from costing a regexp run on every
// line. Most lines cannot match a pattern, and a cheap look tells so: a
// pattern anchored at the line's start can only match a line opening with
// one of a few words ("read", "share", "published"), and a pattern that can
// open with anything needs a phrase somewhere in the line ("all rights
// reserved"). These triggers are read from the patterns themselves (package
// regexp/syntax), so the pattern lists stay plain data; a pattern whose
// trigger cannot be read is simply always tried. Matching is unchanged: a
// pattern is skipped only when the line lacks what every match of it has.
//
// Case folding follows the regexp package's (?i), simple Unicode folding,
// under which an ASCII letter also matches the Kelvin sign (K, for k) and
// the long s (ſ, for s). An opening word is made of ASCII letters only (as
// \b sees words), so a pattern letter k or s may also end it; phrases are
// compared under the full folding (foldLetter).

// foldLetter returns the lower-case ASCII letter r is a case variant of, and
// whether there is one.
func foldLetter(r rune) (byte, bool) {
	switch {
	case 'a' <= r && r <= 'z':
		return byte(r), true
	case 'A' <= r && r <= 'Z':
		return byte(r - 'A' + 'a'), true
	case r == '\u212A': // Kelvin sign
		return 'k', true
	case r == '\u017F': // long s
		return 's', true
	}
	return 0, false
}

// asciiLetter returns r in lower case if it is an ASCII letter.
func asciiLetter(r rune) (byte, bool) {
	if isASCIILetter(r) {
		return byte(r) | 0x20, true
	}
	return 0, false
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// lineMatcher answers whether a whole line matches one of a list of
// case-insensitive patterns, as compileAll(`(?i)^(?:`, `)$`, alts) does,
// trying only the patterns whose trigger the line shows.
type lineMatcher struct {
	byLead  map[string]*regexp.Regexp // the patterns a line may match, by its lead (see leadState)
	maxLead int                       // the longest key of byLead
	phrases []phraseRE                // patterns tried when the line holds the phrase
	always  *regexp.Regexp            // patterns with no trigger; nil if none
}

type phraseRE struct {
	phrase []byte // folded (see foldCase)
	re     *regexp.Regexp
}

// newLineMatcher compiles alts (see lineMatcher). It panics on a bad
// pattern, as regexp.MustCompile does.
func newLineMatcher(alts []string) *lineMatcher {
	byLead := map[string][]string{}
	byPhrase := map[string][]string{}
	var always []string
	for _, alt := range alts {
		t := triggerOf(alt)
		if t.always {
			always = append(always, alt)
			continue
		}
		for _, w := range t.leads {
			byLead[w] = append(byLead[w], alt)
		}
		for _, p := range t.phrases {
			byPhrase[p] = append(byPhrase[p], alt)
		}
	}
	compiled := map[string]*regexp.Regexp{} // one regexp per set of patterns
	compile := func(alts []string) *regexp.Regexp {
		key := strings.Join(alts, "\x00")
		if re, ok := compiled[key]; ok {
			return re
		}
		re := compileAll(`(?i)^(?:`, `)$`, alts)
		compiled[key] = re
		return re
	}
	m := &lineMatcher{byLead: map[string]*regexp.Regexp{}}
	for w, as := range byLead {
		m.byLead[w] = compile(as)
		m.maxLead = max(m.maxLead, len(w))
	}
	for _, p := range slices.Sorted(maps.Keys(byPhrase)) {
		m.phrases = append(m.phrases, phraseRE{[]byte(p), compile(byPhrase[p])})
	}
	if len(always) > 0 {
		m.always = compile(always)
	}
	return m
}

// MatchString reports whether s matches one of the patterns.
func (m *lineMatcher) MatchString(s string) bool {
	if r, n := utf8.DecodeRuneInString(s); s != "" && !isASCIILetter(r) {
		// Opening with no letter: the patterns that may open with this
		// rune, then those that may open with anything.
		first := s[:n]
		if r == utf8.RuneError {
			first = string(r) // as the regexp reads an invalid byte
		}
		if re := m.byLead[first]; re != nil && re.MatchString(s) {
			return true
		}
		if re := m.byLead[""]; re != nil && re.MatchString(s) {
			return true
		}
	} else {
		var buf [32]byte
		if w, ok := leadWord(s, buf[:0], m.maxLead); ok {
			if re := m.byLead[string(w)]; re != nil && re.MatchString(s) {
				return true
			}
		}
	}
	if len(m.phrases) > 0 {
		var buf [256]byte
		folded := foldCase(buf[:0], s)
		for _, p := range m.phrases {
			if bytes.Contains(folded, p.phrase) && p.re.MatchString(s) {
				return true
			}
		}
	}
	return m.always != nil && m.always.MatchString(s)
}

// leadWord appends to buf the word s opens with: its leading ASCII letters
// in lower case, empty when s opens with anything else. ok is false when the
// word is longer than maxLen.
func leadWord(s string, buf []byte, maxLen int) (w []byte, ok bool) {
	for i := 0; i < len(s); i++ {
		l, isLetter := asciiLetter(rune(s[i]))
		if !isLetter {
			break
		}
		if len(buf) == maxLen {
			return nil, false
		}
		buf = append(buf, l)
	}
	return buf, true
}

// foldCase appends s to dst with every rune foldLetter maps replaced by
// its letter; other bytes are copied. A phrase of requiredPhrases matched
// under (?i) in s is a plain substring of the result.
func foldCase(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xC5 && strings.HasPrefix(s[i:], "\u017F"): // long s
			c = 's'
			i++
		case c == 0xE2 && strings.HasPrefix(s[i:], "\u212A"): // Kelvin sign
			c = 'k'
			i += 2
		}
		dst = append(dst, c)
	}
	return dst
}

// containsFold reports whether s contains phrase (see requiredPhrases)
// under case folding.
func containsFold(s, phrase string) bool {
	var buf [256]byte
	return bytes.Contains(foldCase(buf[:0], s), []byte(phrase))
}

// trigger is what a line must show for a pattern to be tried on it.
type trigger struct {
	leads   []string // a matching line has one of these leads (see leadState)
	phrases []string // or holds one of these phrases
	always  bool     // no trigger known: always try the pattern
}

// triggerOf reads the trigger of a pattern matched against whole lines,
// case-insensitively. Each top-level alternative gives its opening words
// or, failing that, its required phrases; an alternative giving neither
// makes the pattern always tried.
func triggerOf(alt string) trigger {
	re, err := syntax.Parse(alt, syntax.Perl|syntax.FoldCase)
	if err != nil {
		panic("normalize: bad pattern " + alt + ": " + err.Error())
	}
	branches := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		branches = re.Sub
	}
	var t trigger
	for _, b := range branches {
		if ls, ok := leadsOf(b, []leadState{{}}); ok {
			for _, l := range ls {
				t.leads = append(t.leads, l.lead)
			}
			continue
		}
		if ps, ok := requiredPhrases(b); ok {
			t.phrases = append(t.phrases, ps...)
			continue
		}
		return trigger{always: true}
	}
	slices.Sort(t.leads)
	t.leads = slices.Compact(t.leads)
	slices.Sort(t.phrases)
	t.phrases = slices.Compact(t.phrases)
	return t
}

// leadState is a way a match can begin: its lead so far, and whether the
// lead is complete. The lead of a line is the word it opens with (its
// leading ASCII letters in lower case) or, for a line opening with
// anything else, its first rune; "" for the empty line and, in a pattern, a
// first rune that could be almost anything.
type leadState struct {
	lead string
	done bool
}

// maxLeadStates bounds the ways of opening a pattern may have before its
// leads are given up (a class of letters repeated, "\w+", ".*").
const maxLeadStates = 256

// maxFirstRunes bounds the runes a pattern opening with a character class
// lists as leads; beyond it, the lead is "".
const maxFirstRunes = 64

// end completes s with r, which is not an ASCII letter: as the first rune
// when nothing was read.
func (s leadState) end(r rune) leadState {
	if s.lead == "" {
		return leadState{lead: string(r), done: true}
	}
	return leadState{lead: s.lead, done: true}
}

// leadsOf advances the states in over re; false when the opening words
// cannot be told. Once the pattern ends (the line's end: matches are
// anchored), every word is complete.
func leadsOf(re *syntax.Regexp, in []leadState) ([]leadState, bool) {
	out, ok := advance(re, in)
	if !ok {
		return nil, false
	}
	for i := range out {
		out[i].done = true
	}
	return dedupe(out), true
}

func advance(re *syntax.Regexp, in []leadState) ([]leadState, bool) {
	if !slices.ContainsFunc(in, func(s leadState) bool { return !s.done }) {
		return in, true // every opening word is complete: the rest cannot change it
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return nil, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpNoWordBoundary:
		return in, true // zero width
	case syntax.OpWordBoundary:
		// After a letter, \b ends the word: what follows is no ASCII letter.
		out := slices.Clone(in)
		for i := range out {
			if out[i].lead != "" {
				out[i].done = true
			}
		}
		return dedupe(out), true
	case syntax.OpLiteral:
		out := in
		for _, r := range re.Rune {
			// The runes r matches: under (?i) its case variants, among them
			// the Kelvin sign for k and the long s for s, which are no ASCII
			// letters.
			variants := []rune{r}
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					variants = append(variants, f)
				}
			}
			var next []leadState
			for _, s := range out {
				if s.done {
					next = append(next, s)
					continue
				}
				for _, v := range variants {
					if l, ok := asciiLetter(v); ok {
						next = append(next, leadState{lead: s.lead + string(rune(l))})
					} else {
						next = append(next, s.end(v))
					}
				}
			}
			var ok bool
			if out, ok = bounded(dedupe(next)); !ok {
				return nil, false
			}
		}
		return out, true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		letters, others := classRunes(re)
		var out []leadState
		for _, s := range in {
			if s.done {
				out = append(out, s)
				continue
			}
			for _, l := range letters {
				out = append(out, leadState{lead: s.lead + string(rune(l))})
			}
			switch {
			case s.lead != "" && others != 0:
				out = append(out, leadState{lead: s.lead, done: true})
			case others < 0:
				out = append(out, leadState{done: true}) // any first rune
			default:
				forEachRune(re, func(r rune) {
					if !isASCIILetter(r) {
						out = append(out, s.end(r))
					}
				})
			}
		}
		return bounded(dedupe(out))
	case syntax.OpCapture:
		return advance(re.Sub[0], in)
	case syntax.OpConcat:
		cur := in
		for _, sub := range re.Sub {
			var ok bool
			if cur, ok = advance(sub, cur); !ok {
				return nil, false
			}
		}
		return cur, true
	case syntax.OpAlternate:
		var out []leadState
		for _, sub := range re.Sub {
			o, ok := advance(sub, in)
			if !ok {
				return nil, false
			}
			out = append(out, o...)
		}
		return bounded(dedupe(out))
	case syntax.OpQuest:
		return repeat(re.Sub[0], in, 0, 1)
	case syntax.OpStar:
		return repeat(re.Sub[0], in, 0, -1)
	case syntax.OpPlus:
		return repeat(re.Sub[0], in, 1, -1)
	case syntax.OpRepeat:
		return repeat(re.Sub[0], in, re.Min, re.Max)
	}
	return nil, false
}

// repeat advances in over min to max (-1: any number of) repetitions of sub.
func repeat(sub *syntax.Regexp, in []leadState, min, max int) ([]leadState, bool) {
	cur := in
	for range min {
		var ok bool
		if cur, ok = advance(sub, cur); !ok {
			return nil, false
		}
	}
	all := slices.Clone(cur)
	for n := min; max < 0 || n < max; n++ {
		next, ok := advance(sub, cur)
		if !ok {
			return nil, false
		}
		var fresh []leadState
		for _, s := range next {
			if !slices.Contains(all, s) && !slices.Contains(fresh, s) {
				fresh = append(fresh, s)
			}
		}
		if len(fresh) == 0 {
			break // a fixed point: more repetitions add nothing
		}
		all = append(all, fresh...)
		if len(all) > maxLeadStates {
			return nil, false
		}
		cur = fresh
	}
	return all, true
}

// classRunes returns the ASCII letters (in lower case) a character class
// matches and how many other runes it matches: -1 for more than
// maxFirstRunes.
func classRunes(re *syntax.Regexp) (letters []byte, others int) {
	if re.Op != syntax.OpCharClass { // any character
		for l := byte('a'); l <= 'z'; l++ {
			letters = append(letters, l)
		}
		return letters, -1
	}
	size, n := 0, 0
	for i := 0; i+1 < len(re.Rune); i += 2 {
		size += int(re.Rune[i+1]-re.Rune[i]) + 1
	}
	for l := byte('a'); l <= 'z'; l++ {
		for _, r := range []rune{rune(l), rune(l - 'a' + 'A')} {
			if inClass(re, r) {
				n++
				if !slices.Contains(letters, l) {
					letters = append(letters, l)
				}
			}
		}
	}
	if others = size - n; others > maxFirstRunes {
		others = -1
	}
	return letters, others
}

func inClass(re *syntax.Regexp, r rune) bool {
	for i := 0; i+1 < len(re.Rune); i += 2 {
		if re.Rune[i] <= r && r <= re.Rune[i+1] {
			return true
		}
	}
	return false
}

// forEachRune calls f on every rune of a character class.
func forEachRune(re *syntax.Regexp, f func(rune)) {
	for i := 0; i+1 < len(re.Rune); i += 2 {
		for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
			f(r)
		}
	}
}

func dedupe(ss []leadState) []leadState {
	var out []leadState
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func bounded(ss []leadState) ([]leadState, bool) {
	if len(ss) > maxLeadStates {
		return nil, false
	}
	return ss, true
}

// requiredPhrases returns phrases, in lower case, one of which every match
// of re contains (as containsFold tells); false when none is known.
func requiredPhrases(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			if l, ok := foldLetter(r); ok {
				b.WriteByte(l)
			} else if re.Flags&syntax.FoldCase != 0 && foldsToOther(r) {
				return nil, false // "É" also matches "é": not a plain phrase
			} else {
				b.WriteRune(r)
			}
		}
		return []string{b.String()}, true
	case syntax.OpCapture, syntax.OpPlus:
		return requiredPhrases(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredPhrases(re.Sub[0])
		}
	case syntax.OpConcat:
		// Any part's phrases will do; take the part whose shortest phrase is
		// longest.
		var best []string
		for _, sub := range re.Sub {
			if ps, ok := requiredPhrases(sub); ok && shortest(ps) > shortest(best) {
				best = ps
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			ps, ok := requiredPhrases(sub)
			if !ok {
				return nil, false
			}
			all = append(all, ps...)
		}
		return all, true
	}
	return nil, false
}

// foldsToOther reports whether r has a case variant.
func foldsToOther(r rune) bool {
	return unicode.SimpleFold(r) != r
}

func shortest(ps []string) int {
	if len(ps) == 0 {
		return -1
	}
	n := len(ps[0])
	for _, p := range ps[1:] {
		n = min(n, len(p))
	}
	return n
}

// guardedRE is a regexp that is run only on strings holding one of the
// phrases every match of it contains (none known: always run).
type guardedRE struct {
	*regexp.Regexp
	phrases [][]byte // folded (see foldCase)
}

// guard reads the required phrases of re.
func guard(re *regexp.Regexp) guardedRE {
	g := guardedRE{Regexp: re}
	if sre, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		if ps, ok := requiredPhrases(sre); ok {
			for _, p := range ps {
				g.phrases = append(g.phrases, []byte(p))
			}
		}
	}
	return g
}

// may reports whether re may match in s.
func (g guardedRE) may(s string) bool {
	if g.phrases == nil {
		return true
	}
	var buf [256]byte
	folded := foldCase(buf[:0], s)
	for _, p := range g.phrases {
		if bytes.Contains(folded, p) {
			return true
		}
	}
	return false
}

func (g guardedRE) MatchString(s string) bool {
	return g.may(s) && g.Regexp.MatchString(s)
}

func (g guardedRE) FindStringSubmatch(s string) []string {
	if !g.may(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatch(s)
}

func (g guardedRE) ReplaceAllString(src, repl string) string {
	if !g.may(src) {
		return src
	}
	return g.Regexp.ReplaceAllString(src, repl)
}
