package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// aligner maps rune offsets of a raw article to byte offsets of its
// normalised text (package normalize drops page chrome and repairs
// characters: no-break spaces, quote marks, dashes). It walks both texts
// in step, folding characters that normalisation may change, and resyncs
// over deleted or inserted stretches by finding the next few characters of
// one text in the other.
type aligner struct {
	toNorm []int // per raw rune: byte offset in the normalised text, or -1 when dropped
	normN  int
}

// align builds the map from raw to norm.
func align(raw, norm string) *aligner {
	r := []rune(raw)
	type nr struct {
		r   rune
		off int
	}
	var n []nr
	for off, c := range norm {
		n = append(n, nr{c, off})
	}
	al := &aligner{toNorm: make([]int, len(r)+1), normN: len(norm)}
	for i := range al.toNorm {
		al.toNorm[i] = -1
	}
	fr := make([]rune, len(r))
	for i, c := range r {
		fr[i] = foldRune(c)
	}
	fn := make([]rune, len(n))
	for j, c := range n {
		fn[j] = foldRune(c.r)
	}
	const k = 12 // characters that must agree to resync
	i, j := 0, 0
	for i < len(r) && j < len(n) {
		switch {
		case fr[i] == fn[j]:
			al.toNorm[i] = n[j].off
			i++
			j++
		case i > 0 && j > 0 && (fr[i] == '"' || fr[i] == '-') && fr[i-1] == fr[i] && fn[j-1] == fr[i] && al.toNorm[i-1] == n[j-1].off:
			// a doubled mark the normaliser wrote as one: '' as ”, -- as —
			al.toNorm[i] = n[j-1].off
			i++
		case fr[i] == ' ':
			i++
		case fn[j] == ' ':
			j++
		default:
			if ni := indexRunes(fr, fn[j:min(len(fn), j+k)], i, 20000); ni >= 0 {
				i = ni // raw text the normaliser dropped
				continue
			}
			if nj := indexRunes(fn, fr[i:min(len(fr), i+k)], j, 2000); nj >= 0 {
				j = nj // text the normaliser inserted
				continue
			}
			al.toNorm[i] = n[j].off // a changed character
			i++
			j++
		}
	}
	al.toNorm[len(r)] = len(norm)
	return al
}

// indexRunes finds pat in s at or after from, within limit runes, or -1.
// Spaces are skipped on both sides, so that collapsed or added whitespace
// does not hide a match; pat must hold at least a few other characters.
func indexRunes(s, pat []rune, from, limit int) int {
	var want []rune
	for _, c := range pat {
		if c != ' ' {
			want = append(want, c)
		}
	}
	if len(want) < 4 {
		return -1
	}
	end := min(len(s), from+limit)
	for p := from; p < end; p++ {
		if s[p] != want[0] {
			continue
		}
		q, k := p, 0
		for q < len(s) && k < len(want) {
			if s[q] == ' ' {
				q++
				continue
			}
			if s[q] != want[k] {
				break
			}
			q++
			k++
		}
		if k == len(want) {
			return p
		}
	}
	return -1
}

// foldRune maps the characters normalisation may rewrite to one form.
func foldRune(c rune) rune {
	switch {
	case unicode.IsSpace(c) || c == '\u00a0':
		return ' '
	case strings.ContainsRune("\"'“”‘’„‚«»‹›`´", c):
		return '"'
	case strings.ContainsRune("-‐‑‒–—―", c):
		return '-'
	}
	return unicode.ToLower(c)
}

// span maps a raw rune span to a byte span of the normalised text: from
// the first kept rune at or after Start to the end of the last kept rune
// before End. ok is false when nothing of it was kept.
func (al *aligner) span(s span, norm string) (span, bool) {
	start, end := -1, -1
	for i := max(0, s.Start); i < s.End && i < len(al.toNorm)-1; i++ {
		if off := al.toNorm[i]; off >= 0 {
			if start < 0 {
				start = off
			}
			_, size := utf8.DecodeRuneInString(norm[off:])
			end = off + size
		}
	}
	if start < 0 || end <= start {
		return span{}, false
	}
	return span{start, end}, true
}
