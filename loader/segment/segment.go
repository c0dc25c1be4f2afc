package segment

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"pledgegraph/loader/annot"
)

// Split reads the sentences and quoted spans of the Body paragraphs of text
// (normalised text, see package normalize). Paragraphs whose spans fall
// outside text are skipped. Sentences are in text order with Index set;
// quotes are in order of their opening marks.
func Split(text string, paras []annot.Paragraph) (sentences []annot.Sentence, quotes []annot.Quote) {
	openAtEnd := make([]bool, len(paras))
	for pi, p := range paras {
		if p.Kind != annot.Body || p.Start < 0 || p.End > len(text) || p.Start >= p.End {
			continue
		}
		qs, open := paraQuotes(text, p.Span, pi)
		openAtEnd[pi] = open
		sort.SliceStable(qs, func(a, b int) bool { return qs[a].Outer.Start < qs[b].Outer.Start })

		// Continued: the previous paragraph ended inside a quote and this one
		// opens with a quote mark.
		if pi > 0 && openAtEnd[pi-1] && len(qs) > 0 && qs[0].Depth == 0 && qs[0].Outer.Start == p.Start {
			qs[0].Continued = true
		}

		var protected []annot.Span
		for _, q := range qs {
			if q.Closed && q.Depth == 0 {
				protected = append(protected, q.Outer)
			}
		}
		start := p.Start
		first := len(sentences)
		for _, end := range sentenceEnds(text, p.Span, protected) {
			s := trimSpan(text, annot.Span{Start: start, End: end})
			if s.Len() > 0 {
				sentences = append(sentences, annot.Sentence{Span: s, Index: len(sentences), Para: pi})
			}
			start = end
		}
		paraEnd := trimRight(text, p.End)
		for i := range qs {
			q := &qs[i]
			q.Sentence = sentenceOf(sentences[first:], q.Outer.Start, first)
			if !q.Closed && q.Outer.End < paraEnd && q.Sentence >= 0 {
				// A quote cut short by a second opener: it ends at the latest
				// with the sentence that holds its opening mark.
				if e := sentences[q.Sentence].End; e < q.Outer.End {
					q.Outer.End = e
					q.Span = trimSpan(text, annot.Span{Start: q.Span.Start, End: max(e, q.Span.Start)})
				}
			}
		}
		joinQuotes(text, qs, len(quotes))
		quotes = append(quotes, qs...)
	}
	return sentences, quotes
}

// sentenceOf returns the index of the sentence holding byte off (the last
// one starting at or before it).
func sentenceOf(ss []annot.Sentence, off, base int) int {
	k := sort.Search(len(ss), func(i int) bool { return ss[i].Start > off })
	if k == 0 {
		if len(ss) == 0 {
			return -1
		}
		return base
	}
	return base + k - 1
}

// joinQuotes links the parts of a quote split by its attribution inside one
// sentence — “A,” she said, “B.” — recording the later parts in the first
// part's Joined (indices are offset by base, the position of qs[0] in the
// document's quotes). Parts join when they are outer quotes of one
// sentence, the first is closed, and what lies between them is a short
// clause without a sentence end that closes with a comma (or colon), while
// the first part ends with a comma or dash or the next starts in lower case.
func joinQuotes(text string, qs []annot.Quote, base int) {
	head, prev := -1, -1
	for i := range qs {
		if qs[i].Depth != 0 {
			continue
		}
		if prev < 0 || !joins(text, qs[prev], qs[i]) {
			head = i
		} else {
			qs[head].Joined = append(qs[head].Joined, base+i)
		}
		prev = i
	}
}

func joins(text string, a, b annot.Quote) bool {
	if !a.Closed || a.Sentence != b.Sentence || a.Para != b.Para || a.Outer.End > b.Outer.Start {
		return false
	}
	gap := strings.TrimSpace(text[a.Outer.End:b.Outer.Start])
	if gap == "" || len(strings.Fields(gap)) > 12 || strings.ContainsAny(gap, ".!?“”\"") {
		return false
	}
	if !strings.HasSuffix(gap, ",") && !strings.HasSuffix(gap, ":") && !strings.HasSuffix(gap, "—") {
		return false
	}
	inA := strings.TrimRight(text[a.Start:a.End], " ")
	first, _ := utf8.DecodeRuneInString(text[b.Start:b.End])
	return strings.HasSuffix(inA, ",") || strings.HasSuffix(inA, "—") || strings.HasSuffix(inA, "–") ||
		unicode.IsLower(first)
}
