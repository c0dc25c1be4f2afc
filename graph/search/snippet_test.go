package search

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"pledgegraph"
)

func render(s string, spans []Span) string {
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp.Start] + "[" + s[sp.Start:sp.End] + "]")
		last = sp.End
	}
	return b.String() + s[last:]
}

// find returns the span of the first occurrence of each word w in text.
func find(text string, ws ...string) []Span {
	var out []Span
	letter := func(s string, last bool) bool {
		r, _ := utf8.DecodeRuneInString(s)
		if last {
			r, _ = utf8.DecodeLastRuneInString(s)
		}
		return unicode.IsLetter(r)
	}
	for _, w := range ws {
		for off := 0; ; {
			i := strings.Index(text[off:], w) + off
			if i < off {
				panic(w + " not in text")
			}
			if !letter(text[:i], true) && !letter(text[i+len(w):], false) {
				out = append(out, Span{i, i + len(w)})
				break
			}
			off = i + 1
		}
	}
	return out
}

func TestSnippet(t *testing.T) {
	long := "Belgium said it would support the effort through its navy and air force, while Croatia and the " +
		"Czech Republic said they would not deploy troops. European leaders present at the meeting stressed " +
		"that the statement showed renewed unity between Europe and the US on helping Ukraine after the summit."
	tests := []struct {
		name  string
		text  string
		words []string
		width int
		want  string
	}{
		{"short text whole", "We will make compromises", []string{"compromises"}, 200, "We will make [compromises]"},
		{"no match: the start", long, nil, 60, "Belgium said it would support the effort through its navy…"},
		{"match at the end", long, []string{"Ukraine"}, 60, "…Europe and the US on helping [Ukraine] after the summit."},
		{"densest cluster", long, []string{"navy", "unity", "Europe", "US"}, 70, "…showed renewed [unity] between [Europe] and the [US] on helping Ukraine…"},
		{"accented text", "Le président Zelénskyy a déclaré que la sécurité était essentielle pour l’Ukraine.", []string{"sécurité"}, 40,
			"…que la [sécurité] était…"},
		{"one long word", strings.Repeat("é", 50), nil, 11, "ééééé…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, spans := snippet(tc.text, find(tc.text, tc.words...), tc.width)
			if got := render(s, spans); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// FuzzSnippet: any text and any match spans give valid UTF-8 with
// highlights inside the snippet, never a panic.
func FuzzSnippet(f *testing.F) {
	f.Add("We will certainly have to make compromises", 20, 3, 10)            // plain ASCII
	f.Add("«Sécurité» — the coalition’s guarantees, “robust” ones", 12, 0, 9) // multi-byte punctuation
	f.Add(strings.Repeat("word ", 100), 30, 250, 4)                           // long text, match late
	f.Add("", 10, 0, 0)                                                       // empty
	f.Add("\xff\xfe broken bytes", 5, 1, 3)                                   // invalid UTF-8
	f.Fuzz(func(t *testing.T, text string, width, start, n int) {
		if width < 1 || width > 1000 || start < 0 || n < 0 || start+n > len(text) {
			return
		}
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "?")
			if start+n > len(text) {
				return
			}
		}
		// Matches come from the analyzer, on rune boundaries.
		for start < len(text) && !utf8.RuneStart(text[start]) {
			start++
		}
		end := start + n
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		if end > len(text) {
			return
		}
		s, spans := snippet(text, []Span{{start, end}}, width)
		if !utf8.ValidString(s) {
			t.Fatalf("snippet %q is not UTF-8", s)
		}
		for _, sp := range spans {
			if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
				t.Fatalf("span %v outside %q", sp, s)
			}
			if s[sp.Start:sp.End] != text[start:end] {
				t.Fatalf("span %v of %q is %q, want %q", sp, s, s[sp.Start:sp.End], text[start:end])
			}
		}
	})
}

// FuzzBuildQuery: whatever a user types builds a query (or none) without
// a panic, and the name words it looks for are NameKey folds.
func FuzzBuildQuery(f *testing.F) {
	f.Add("Zelenskyy")                              // a name
	f.Add("Zelen")                                  // a prefix
	f.Add("U.S. \"security guarantees\" -troops")   // punctuation and operators, taken literally
	f.Add("+ - && || ! ( ) { } [ ] ^ ~ * ? : \\ /") // query-string syntax is not interpreted
	f.Add("Zelénskyy ZELENSKYY zelenskyy")          // case and accents
	f.Add("\u200b\u00a0\t")                         // only invisible characters
	m, err := newMapping()
	if err != nil {
		f.Fatal(err)
	}
	analyzer := m.AnalyzerNamed("text")
	f.Fuzz(func(t *testing.T, text string) {
		for _, types := range [][]string{nil, {pledgegraph.TypeActor}, {pledgegraph.TypeStatement, pledgegraph.TypeDocument}} {
			if len(types) == 0 {
				types = []string{pledgegraph.TypeActor, pledgegraph.TypeStatement, pledgegraph.TypeCommitment}
			}
			_, _ = buildQuery(text, types, analyzer, false, &expansionCache{})
			_, _ = buildQuery(text, types, analyzer, true, nil)
		}
		for _, w := range rawWords(text) {
			if w == "" || !utf8.ValidString(w) && utf8.ValidString(text) {
				t.Fatalf("rawWords(%q) gave %q", text, w)
			}
		}
	})
}
