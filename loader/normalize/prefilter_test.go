package normalize

import (
	"math/rand/v2"
	"os"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// unfilteredChrome is the furniture matcher without its prefilter: the
// whole pattern list as one regexp, tried on every line. The prefiltered
// lineMatcher must answer as it does on any line.
func unfilteredChrome(t testing.TB) *regexp.Regexp {
	t.Helper()
	return compileAll(`(?i)^(?:`, `)$`, chromePatterns)
}

// prefilterCases are lines whose reading is easy to get wrong with a cheap
// check: case, the Kelvin sign and long s that (?i) folds to k and s, \b
// against non-ASCII letters, furniture that opens with a digit or a symbol,
// and prose that opens with a furniture word.
var prefilterCases = []struct {
	line   string
	chrome bool
}{
	{"Read more", true},
	{"READ MORE: Allies meet in Paris", true},
	{"Readers wrote in", false},
	{"“Read more,” she said.", false},
	{"\u017Fhare", true},                               // long s: (?i)s matches ſ
	{"Lin\u212Aedin", true},                            // Kelvin sign for k
	{"\u212Aeywords: war, peace", true},                // a Kelvin sign opening the line
	{"Related\u212A", true},                            // \b holds before a non-ASCII letter
	{"Relatedness of the two", false},                  // \b fails inside a word
	{"Share", true},                                    // share\d*
	{"Share12", true},                                  //
	{"Sharing is caring", false},                       //
	{"x", true},                                        // a one-letter pattern
	{"X", true},                                        //
	{"e-mail", true},                                   // opening word "e"
	{"E\u2011mail", false},                             // a non-breaking hyphen is not "-"
	{"© 2025 Reuters", true},                           // opening with a symbol
	{"(c) 2025 AP", true},                              //
	{"12 min read", true},                              // opening with a digit
	{"3:45", true},                                     //
	{"1945 was a year of peace", false},                //
	{"Copyright 2025 Acme. All Rights Reserved", true}, // by its phrase
	{"Acme Ltd. All rights reserved.", true},           //
	{"Jane Doe contributed reporting from Kyiv.", true},
	{"She contributed to the fund.", false}, //
	{"They reached the end of list", true},  // .*\bend of list
	{"Theend of list", false},               //
	{"Recommended Stories list of 4 items", true},
	{"The article was updated on Monday to add a quote", true},
	{"The minister said the article was updated", false},
	{"Editor’s note: this story was amended", true},
	{"Editors’ note", false},
	{"Published On 6 Jan 2026", true},
	{"\u017Fource: AP", true},
	{"Newsletter", true},
	{"Newsletters were sent", false},
	{"", false},
	{" ", false},
	{"\xffRead more", false},
	{"Ukraine’s allies pledged 10 billion euros in aid on Tuesday.", false},
}

func TestChromeLinesCases(t *testing.T) {
	ref := unfilteredChrome(t)
	for _, c := range prefilterCases {
		if got := ref.MatchString(c.line); got != c.chrome {
			t.Errorf("unfiltered %q = %v, want %v (fix the case)", c.line, got, c.chrome)
		}
		if got := chromeLines.MatchString(c.line); got != c.chrome {
			t.Errorf("prefiltered %q = %v, want %v", c.line, got, c.chrome)
		}
	}
}

// TestChromeLinesAgreeOnArticles compares the prefiltered and unfiltered
// matchers on every line of every test article, in the forms classifyLine
// sees them, upper- and lower-cased, with k and s folded to the Kelvin sign
// and long s, and cut to their first words (which is how furniture lines
// look).
func TestChromeLinesAgreeOnArticles(t *testing.T) {
	ref := unfilteredChrome(t)
	seen := map[string]bool{}
	n, chrome := 0, 0
	check := func(s string) {
		if seen[s] {
			return
		}
		seen[s] = true
		n++
		want := ref.MatchString(s)
		if want {
			chrome++
		}
		if got := chromeLines.MatchString(s); got != want {
			t.Errorf("prefiltered %q = %v, unfiltered %v", s, got, want)
		}
	}
	for _, l := range articleLines(t) {
		words := strings.Fields(l)
		forms := []string{l, strings.TrimSpace(l), strings.Trim(strings.TrimSpace(l), "()[]* ")}
		for i := 1; i <= 6 && i < len(words); i++ {
			forms = append(forms, strings.Join(words[:i], " "))
		}
		for _, f := range forms {
			check(f)
			check(strings.ToUpper(f))
			check(strings.NewReplacer("k", "\u212A", "s", "\u017F").Replace(f))
		}
	}
	t.Logf("%d distinct lines, %d furniture", n, chrome)
	if n < 5000 || chrome < 50 {
		t.Errorf("only %d lines, %d furniture: the comparison proves little", n, chrome)
	}
}

// articleLines returns the lines of the test articles, raw and cleaned as
// normalizeOnce cleans them, with their collapsed and marked forms.
func articleLines(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, in := range goldenInputs(t) {
		raw, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := decodeBytes(string(raw))
		clean := cleanChars(repairMojibake(cleanChars(repairMojibake(unescapeHTML(s)))))
		for _, text := range []string{string(raw), clean} {
			for _, l := range strings.Split(text, "\n") {
				out = append(out, l, collapseSpaces(l))
				if l = collapseSpaces(l); l != "" {
					out = append(out, lineMarks(l, false).text, lineMarks(l, true).text)
				}
			}
		}
	}
	for _, c := range prefilterCases {
		out = append(out, c.line)
	}
	return out
}

// TestChromeLinesAgreeOnGeneratedLines draws lines from each pattern (so
// mostly furniture, in random case, with the Kelvin sign and long s, and
// sometimes with a rune added at either end) and compares the matchers.
func TestChromeLinesAgreeOnGeneratedLines(t *testing.T) {
	ref := unfilteredChrome(t)
	rng := rand.New(rand.NewPCG(1, 2))
	n, chrome := 0, 0
	for _, p := range chromePatterns {
		re, err := syntax.Parse(p, syntax.Perl|syntax.FoldCase)
		if err != nil {
			t.Fatal(err)
		}
		for range 200 {
			s := sampleLine(re, rng)
			n++
			want := ref.MatchString(s)
			if want {
				chrome++
			}
			if got := chromeLines.MatchString(s); got != want {
				t.Errorf("pattern %s: prefiltered %q = %v, unfiltered %v", p, s, got, want)
			}
		}
	}
	if chrome < n/2 {
		t.Errorf("only %d of %d generated lines are furniture: the generator is off", chrome, n)
	}
}

// sampleLine draws a string from re, sometimes with a rune added at an end.
func sampleLine(re *syntax.Regexp, rng *rand.Rand) string {
	var b strings.Builder
	if rng.IntN(8) == 0 {
		b.WriteRune(someRune(rng))
	}
	sample(re, rng, &b)
	if rng.IntN(8) == 0 {
		b.WriteRune(someRune(rng))
	}
	return b.String()
}

// someRunes are drawn for "." and stray ends: ASCII and non-ASCII letters
// (among them the Kelvin sign and long s), digits, spaces, punctuation.
var someRunes = []rune("aZkKsS \u212A\u017Fé1:.-’'“_")

func someRune(rng *rand.Rand) rune { return someRunes[rng.IntN(len(someRunes))] }

func sample(re *syntax.Regexp, rng *rand.Rand, b *strings.Builder) {
	reps := func(min, max int) int {
		if max < 0 || max > min+3 {
			max = min + 3
		}
		return min + rng.IntN(max-min+1)
	}
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				for range rng.IntN(3) {
					r = unicode.SimpleFold(r)
				}
			}
			b.WriteRune(r)
		}
	case syntax.OpCharClass:
		i := 2 * rng.IntN(len(re.Rune)/2)
		lo, hi := re.Rune[i], re.Rune[i+1]
		b.WriteRune(lo + rune(rng.IntN(int(min(hi-lo, 300))+1)))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteRune(someRune(rng))
	case syntax.OpCapture:
		sample(re.Sub[0], rng, b)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			sample(sub, rng, b)
		}
	case syntax.OpAlternate:
		sample(re.Sub[rng.IntN(len(re.Sub))], rng, b)
	case syntax.OpQuest:
		for range reps(0, 1) {
			sample(re.Sub[0], rng, b)
		}
	case syntax.OpStar:
		for range reps(0, -1) {
			sample(re.Sub[0], rng, b)
		}
	case syntax.OpPlus:
		for range reps(1, -1) {
			sample(re.Sub[0], rng, b)
		}
	case syntax.OpRepeat:
		for range reps(re.Min, re.Max) {
			sample(re.Sub[0], rng, b)
		}
	}
}

// FuzzChromeLines checks that the prefiltered matcher answers as the
// unfiltered regexp on any line.
func FuzzChromeLines(f *testing.F) {
	for _, c := range prefilterCases {
		f.Add(c.line)
	}
	ref := unfilteredChrome(f)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := chromeLines.MatchString(s), ref.MatchString(s); got != want {
			t.Errorf("prefiltered %q = %v, unfiltered %v", s, got, want)
		}
	})
}

// TestGuardedAgree compares the guarded list and inline-furniture patterns
// with their plain regexps on the article lines and lines drawn from them.
func TestGuardedAgree(t *testing.T) {
	lines := articleLines(t)
	rng := rand.New(rand.NewPCG(3, 4))
	for _, g := range []guardedRE{listStart, listEnd, inlineChrome} {
		if g.phrases == nil {
			t.Errorf("%s: no required phrase read: it is never skipped", g)
		}
		re, err := syntax.Parse(g.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		ls := slices.Clone(lines)
		for range 500 {
			ls = append(ls, "Text before "+sampleLine(re, rng)+" and after")
		}
		for _, l := range ls {
			if got, want := g.MatchString(l), g.Regexp.MatchString(l); got != want {
				t.Errorf("%s: MatchString(%q) = %v, want %v", g, l, got, want)
			}
			if got, want := g.FindStringSubmatch(l), g.Regexp.FindStringSubmatch(l); !slices.Equal(got, want) {
				t.Errorf("%s: FindStringSubmatch(%q) = %q, want %q", g, l, got, want)
			}
			if got, want := g.ReplaceAllString(l, " "), g.Regexp.ReplaceAllString(l, " "); got != want {
				t.Errorf("%s: ReplaceAllString(%q) = %q, want %q", g, l, got, want)
			}
		}
	}
}

// TestTriggerOf pins how triggers are read from patterns.
func TestTriggerOf(t *testing.T) {
	tests := []struct {
		pattern string
		want    trigger
	}{
		{`read(?: more)?`, trigger{leads: []string{"read"}}},
		{`(?:a|b)\d`, trigger{leads: []string{"a", "b"}}},
		{`editor'?s`, trigger{leads: []string{"editor", "editors"}}},
		{`log ?in\b.*`, trigger{leads: []string{"log", "login"}}},
		{`kit`, trigger{leads: []string{"kit", "\u212A"}}},      // a Kelvin sign ends the ASCII word
		{`desk`, trigger{leads: []string{"de", "des", "desk"}}}, // a long s or Kelvin sign ends it early
		{`é`, trigger{leads: []string{"É", "é"}}},
		{`\d+`, trigger{leads: strings.Split("0123456789", "")}},
		{`the\b.*`, trigger{leads: []string{"the"}}},
		{`the.*`, trigger{phrases: []string{"the"}}}, // the word may run on
		{`.*\bend of list`, trigger{phrases: []string{"end of list"}}},
		{`x|.*all rights`, trigger{leads: []string{"x"}, phrases: []string{"all rights"}}},
		{`\w+`, trigger{always: true}},
		{`(?:x|\w)+ y`, trigger{phrases: []string{" y"}}},
		{`.*É`, trigger{always: true}}, // É is no plain phrase under (?i)
	}
	for _, tt := range tests {
		got := triggerOf(tt.pattern)
		if !slices.Equal(got.leads, tt.want.leads) || !slices.Equal(got.phrases, tt.want.phrases) || got.always != tt.want.always {
			t.Errorf("triggerOf(%s) = %q %q %v, want %q %q %v", tt.pattern, got.leads, got.phrases, got.always, tt.want.leads, tt.want.phrases, tt.want.always)
		}
	}
}

// TestEveryChromePatternHasATrigger keeps the prefilter effective: a new
// pattern whose trigger cannot be read is tried on every line.
func TestEveryChromePatternHasATrigger(t *testing.T) {
	for _, p := range chromePatterns {
		if triggerOf(p).always {
			t.Errorf("no trigger read from %s: start it with words or give it a fixed phrase", p)
		}
	}
	if chromeLines.always != nil {
		t.Error("the matcher tries some patterns on every line")
	}
}

// TestFoldLetter checks the premise of the prefilter: under simple case
// folding the only runes beyond ASCII that match ASCII letters are the
// Kelvin sign and the long s, and foldLetter maps every one of them.
func TestFoldLetter(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		var want byte
		for f := unicode.SimpleFold(r); ; f = unicode.SimpleFold(f) {
			if l, ok := asciiLetter(f); ok {
				want = l
			}
			if f == r {
				break
			}
		}
		if got, ok := foldLetter(r); got != want || ok != (want != 0) {
			t.Fatalf("foldLetter(%U) = %q, %v; want %q", r, got, ok, want)
		}
	}
}

func TestContainsFold(t *testing.T) {
	tests := []struct {
		s, phrase string
		want      bool
	}{
		{"ALL RIGHTS RESERVED", "all rights reserved", true},
		{"a\u017Fk", "ask", true},
		{"end of li\u017Ft", "end of list", true},
		{"©2025", "©", true},
		{"end of lis", "end of list", false},
		{"", "x", false},
		{"abc", "", true},
	}
	for _, tt := range tests {
		if got := containsFold(tt.s, tt.phrase); got != tt.want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tt.s, tt.phrase, got, tt.want)
		}
	}
}
