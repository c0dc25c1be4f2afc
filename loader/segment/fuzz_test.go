package segment

import (
	"strings"
	"testing"
	"unicode/utf8"

	"pledgegraph/loader/annot"
)

// FuzzSplit checks, on any text laid out in paragraphs as normalize does
// ("\n\n" between them): no panic; sentences in order, inside their Body
// paragraph, on rune boundaries, indexed in sequence; quotes in order of
// their opening marks, Span inside Outer inside the paragraph, on rune
// boundaries, their Sentence holding the opening mark, Joined pointing
// forward within the sentence, Continued only at a paragraph's start. It
// also splits the text with arbitrary (even broken) paragraph spans taken
// from cuts, which must not panic.
func FuzzSplit(f *testing.F) {
	seeds := []struct {
		text string
		cuts []byte
	}{
		{"“We came. We saw,” he said, “and left.”", nil},                                        // joined split quote
		{"“We waited a year.\n\n“Now we act,” he said.", []byte{0, 5}},                          // quote over two paragraphs
		{"“They said, ‘Wait here,’ and left,” she said. The allies’ bases stay.", []byte{3}},    // nesting, possessive
		{"Mr. A. Smith of the U.S. met Dr. Jones. It ended at 3.5 p.m. Then talks began.", nil}, // abbreviations
		{"He said ”no“ and ‘yes and ’90s “stray", []byte{200, 1, 7}},                            // unbalanced and misdirected marks
		{"\"ASCII 'quotes' here,\" he said. 'Single,' she said.", nil},                          // straight quotes
		{"“", []byte{0}}, // a lone opener
		{"Sens. Tom Carper (D-Del.) and Rand Paul, R-Ky. Fla. Gov. Jeb Bush. In Fresno, Calif. “Go.” Del.", nil}, // state abbreviations
		{"Headline\n\n“A” “B” ‘C’ ’D’ \"E\" 'F'\n\n\n\nText. More… ?! “Q.” “R?” he asked.", []byte{9}},           // mixed
	}
	for _, s := range seeds {
		f.Add(s.text, s.cuts)
	}
	f.Fuzz(func(t *testing.T, text string, cuts []byte) {
		// Arbitrary paragraph spans: only no panic.
		var junk []annot.Paragraph
		for i := 0; i+1 < len(cuts); i += 2 {
			junk = append(junk, annot.Paragraph{Span: annot.Span{Start: int(cuts[i]) - 8, End: int(cuts[i+1]) * 2}, Kind: annot.ParaKind(cuts[i] % 3)})
		}
		Split(text, junk)

		if !utf8.ValidString(text) {
			return
		}
		var ps []annot.Paragraph
		off := 0
		for i, p := range strings.Split(text, "\n\n") {
			kind := annot.Body
			if i == 0 && len(cuts) > 0 && cuts[0]%2 == 1 {
				kind = annot.Headline
			}
			if p != "" {
				ps = append(ps, annot.Paragraph{Span: annot.Span{Start: off, End: off + len(p)}, Kind: kind})
			}
			off += len(p) + 2
		}
		ss, qs := Split(text, ps)
		checkSplit(t, text, ps, ss, qs)
	})
}

func checkSplit(t *testing.T, text string, ps []annot.Paragraph, ss []annot.Sentence, qs []annot.Quote) {
	t.Helper()
	boundary := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
	prev := 0
	for i, s := range ss {
		if s.Index != i {
			t.Fatalf("sentence %d has Index %d", i, s.Index)
		}
		if s.Para < 0 || s.Para >= len(ps) || ps[s.Para].Kind != annot.Body {
			t.Fatalf("sentence %d in paragraph %d, not a Body paragraph", i, s.Para)
		}
		if s.Start < prev || s.End <= s.Start || !ps[s.Para].Contains(s.Span) {
			t.Fatalf("sentence %d span %v out of order or outside paragraph %v", i, s.Span, ps[s.Para].Span)
		}
		if !boundary(s.Start) || !boundary(s.End) {
			t.Fatalf("sentence %d span %v not on rune boundaries", i, s.Span)
		}
		prev = s.End
	}
	for i, q := range qs {
		if i > 0 && q.Outer.Start < qs[i-1].Outer.Start {
			t.Fatalf("quote %d opens before quote %d", i, i-1)
		}
		if q.Para < 0 || q.Para >= len(ps) || !ps[q.Para].Contains(q.Outer) || !q.Outer.Contains(q.Span) || q.Span.Len() <= 0 {
			t.Fatalf("quote %d spans %v / %v outside paragraph %d", i, q.Span, q.Outer, q.Para)
		}
		for _, b := range []int{q.Start, q.End, q.Outer.Start, q.Outer.End} {
			if !boundary(b) {
				t.Fatalf("quote %d offset %d not on a rune boundary", i, b)
			}
		}
		if q.Sentence < 0 || q.Sentence >= len(ss) || !ss[q.Sentence].Contains(annot.Span{Start: q.Outer.Start, End: q.Outer.Start + 1}) {
			t.Fatalf("quote %d sentence %d does not hold its opening mark", i, q.Sentence)
		}
		if q.Depth < 0 {
			t.Fatalf("quote %d depth %d", i, q.Depth)
		}
		for _, j := range q.Joined {
			if j <= i || j >= len(qs) || qs[j].Sentence != q.Sentence {
				t.Fatalf("quote %d joined to %d outside its sentence", i, j)
			}
		}
		if q.Continued && q.Outer.Start != ps[q.Para].Start {
			t.Fatalf("quote %d continued but not at its paragraph's start", i)
		}
	}
}
