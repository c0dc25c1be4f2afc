package graph

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSentenceAround(t *testing.T) {
	tests := []struct {
		name, text, span, want string
	}{
		{"one sentence on its line", "First line.\nCroatia said it would not deploy troops.\nLast.",
			"would not", "Croatia said it would not deploy troops."},
		{"first of two sentences", "Croatia said it would not deploy troops. Officials said talks would continue.",
			"would not", "Croatia said it would not deploy troops."},
		{"second of two sentences", "Croatia said it would not deploy troops. Officials said talks would continue.",
			"talks", "Officials said talks would continue."},
		{"span across two sentences", "A b. C d. E f.", "b. C", "A b. C d."},
		{"quote closing the sentence", `He said: "We will stay." Then he left.`, "We will", `He said: "We will stay."`},
		{"quote opening the sentence", `It rained. "Paris could help," Macron said. Done.`, "Paris", `"Paris could help," Macron said.`},
		{"abbreviation is no boundary", "The U.S. envoy Mr. Witkoff said Gen. Grynkewich would attend.", "would attend",
			"The U.S. envoy Mr. Witkoff said Gen. Grynkewich would attend."},
		{"initial is no boundary", "Jared C. Kushner said so. Next.", "said so", "Jared C. Kushner said so."},
		{"question and exclamation", "Why? Because! It works.", "Because", "Because!"},
		{"lower case after a stop is no boundary", "It cost 2.5 billion. ok then.", "billion", "It cost 2.5 billion. ok then."},
		{"whole text", "no stops at all", "stops", "no stops at all"},
		{"non-ASCII", "Zelenskyy welcomed it. «Ce n’est pas fini», a-t-il dit. Fin.", "pas fini", "«Ce n’est pas fini», a-t-il dit."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(tt.text, tt.span)
			if start < 0 {
				t.Fatalf("%q not in %q", tt.span, tt.text)
			}
			s, e := sentenceAround(tt.text, start, start+len(tt.span))
			if got := tt.text[s:e]; got != tt.want {
				t.Errorf("sentenceAround = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestClampSpan(t *testing.T) {
	text := "a€b" // € is 3 bytes: 1..4
	tests := []struct{ start, end, ws, we int }{
		{-5, 100, 0, 5},
		{2, 3, 1, 4}, // inside the euro sign: widened to it
		{4, 2, 4, 4}, // end before start
		{9, 9, 5, 5},
	}
	for _, tt := range tests {
		if s, e := clampSpan(text, tt.start, tt.end); s != tt.ws || e != tt.we {
			t.Errorf("clampSpan(%d, %d) = %d, %d; want %d, %d", tt.start, tt.end, s, e, tt.ws, tt.we)
		}
	}
}

// FuzzSentenceAround checks that, whatever the text and offsets (stored
// offsets may be stale or wrong), the sentence is a valid slice on rune
// boundaries that holds the clamped span, less surrounding white space.
func FuzzSentenceAround(f *testing.F) {
	f.Add("Croatia said it would not deploy troops. Officials said talks would continue.", 8, 20) // two sentences
	f.Add("He said: \"We will stay.\" Then he left.", 10, 17)                                     // closing quote
	f.Add("The U.S. envoy Mr. Witkoff said so.", 0, 3)                                            // abbreviations
	f.Add("line one.\nline two. Three\n", 12, 27)                                                 // span ending with its line
	f.Add("«Ce n’est pas fini», a-t-il dit.", 3, 9)                                               // non-ASCII marks, offsets inside runes
	f.Add("", 0, 0)                                                                               // empty text
	f.Add("x", -3, 99)                                                                            // offsets outside the text
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		cs, ce := clampSpan(text, start, end)
		s, e := sentenceAround(text, start, end)
		if s < 0 || e > len(text) || s > e {
			t.Fatalf("sentenceAround(%q, %d, %d) = %d, %d: out of range", text, start, end, s, e)
		}
		if utf8.ValidString(text) && !utf8.ValidString(text[s:e]) {
			t.Fatalf("sentence %q is not valid UTF-8", text[s:e])
		}
		span := text[cs:ce]
		lead := len(span) - len(strings.TrimLeftFunc(span, unicode.IsSpace))
		trail := len(span) - len(strings.TrimRightFunc(span, unicode.IsSpace))
		if lead < len(span) && (s > cs+lead || e < ce-trail) {
			t.Fatalf("sentence [%d,%d) %q does not hold the span [%d,%d) %q", s, e, text[s:e], cs, ce, span)
		}
	})
}
