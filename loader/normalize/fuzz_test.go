package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"pledgegraph"
	"pledgegraph/loader/annot"
)

// FuzzNormalize checks, on any input: no panic; an error only with code
// EINVALID; otherwise valid UTF-8 text made of its paragraphs joined by
// "\n\n", paragraph spans in bounds, ordered, on rune boundaries, at most
// one headline and only first; and normalising the text again gives it back.
func FuzzNormalize(f *testing.F) {
	seeds := []string{
		"",         // empty input: EINVALID
		"\n \r\n ", // whitespace only
		"Talks resume in Geneva\nGENEVA, May 2 (wire) — Talks resumed. “We are ready,” she said.",   // headline, dateline, curly quotes
		"The envoy called it âa turning pointâ and the bankâs â plan.",                              // lone-â damage
		"She said â€œnoâ€ and left. The fleetÃ¢â‚¬â„¢s chief.",                                      // cp1252 mojibake, dropped 0x9d, double encoding
		"\"They asked, 'Why now?'\" he said. It's the '90s -- again.",                               // straight ASCII quotes and dashes
		"<p>AT&amp;T&#8217;s &quot;deal&quot;</p>\r\nRead more\r\nA caption here [Photo: A B/Wire]", // HTML, CRLF, chrome, caption
		"\xff\xfeH\x00i\x00",         // UTF-16 with byte-order mark
		"Z\xfcrich \x93big\x94 deal", // invalid UTF-8 read as cp1252
		"“‘’”„«»‹›'\"`â",             // marks only
		"PARIS (Reuters) - X\n\n\n(CNN) — Y",
		"''Doubled,'' he said. ‘‘NYT’’ and ``Treebank'' '''triple''' ‘’ 5'11''", // doubled single marks as double quotes
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		d, err := Normalize(raw)
		if err != nil {
			if code := pledgegraph.ErrorCode(err); code != pledgegraph.EINVALID {
				t.Fatalf("error code %q: %v", code, err)
			}
			return
		}
		checkDoc(t, d)
		d2, err := Normalize(d.Text)
		if err != nil {
			t.Fatalf("normalising the text again: %v", err)
		}
		if d2.Text != d.Text {
			t.Fatalf("not stable:\n once  %q\n twice %q", d.Text, d2.Text)
		}
	})
}

func checkDoc(t *testing.T, d annot.Doc) {
	t.Helper()
	if !utf8.ValidString(d.Text) {
		t.Fatalf("text is not UTF-8: %q", d.Text)
	}
	if len(d.Paragraphs) == 0 {
		t.Fatal("no paragraphs")
	}
	var parts []string
	prev := 0
	for i, p := range d.Paragraphs {
		if p.Start < prev || p.End <= p.Start || p.End > len(d.Text) {
			t.Fatalf("paragraph %d span %v out of order or bounds (text %d bytes)", i, p.Span, len(d.Text))
		}
		if !utf8.RuneStart(d.Text[p.Start]) || (p.End < len(d.Text) && !utf8.RuneStart(d.Text[p.End])) {
			t.Fatalf("paragraph %d span %v not on rune boundaries", i, p.Span)
		}
		if p.Kind == annot.Headline && i != 0 {
			t.Fatalf("headline at paragraph %d", i)
		}
		s := d.Text[p.Start:p.End]
		if strings.TrimSpace(s) != s || strings.Contains(s, "\n") {
			t.Fatalf("paragraph %d not trimmed to one line: %q", i, s)
		}
		parts = append(parts, s)
		prev = p.End
	}
	if strings.Join(parts, "\n\n") != d.Text {
		t.Fatalf("text is not its paragraphs joined: %q", d.Text)
	}
}
