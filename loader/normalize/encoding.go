package normalize

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cp1252High maps the bytes 0x80–0x9F of Windows-1252 to their runes; 0 marks
// the five bytes the code page leaves undefined.
var cp1252High = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// cp1252Byte returns the Windows-1252 (or, for the undefined slots, Latin-1)
// byte a rune was decoded from when UTF-8 bytes were misread, and whether
// the rune can be such a byte at all. ASCII runes never can: they are never
// part of a multi-byte UTF-8 sequence.
func cp1252Byte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	for i, c := range cp1252High {
		if c != 0 && c == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// decodeBytes turns raw input into valid UTF-8: a UTF-16 byte-order mark is
// honoured, and every byte that is not part of a valid UTF-8 sequence is read
// as Windows-1252 (the usual encoding of legacy news feeds). It reports how
// many bytes needed that repair.
func decodeBytes(raw string) (string, int) {
	if len(raw) >= 2 && (raw[:2] == "\xff\xfe" || raw[:2] == "\xfe\xff") {
		return decodeUTF16(raw[2:], raw[0] == 0xfe), 0
	}
	if utf8.ValidString(raw) {
		return raw, 0
	}
	var b strings.Builder
	b.Grow(len(raw) + len(raw)/8)
	bad := 0
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRuneInString(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
			c := raw[i]
			switch {
			case c >= 0xA0:
				b.WriteRune(rune(c))
			case c >= 0x80:
				if cr := cp1252High[c-0x80]; cr != 0 {
					b.WriteRune(cr)
				}
			}
			i++
			continue
		}
		b.WriteString(raw[i : i+n])
		i += n
	}
	return b.String(), bad
}

func decodeUTF16(s string, bigEndian bool) string {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		if bigEndian {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		} else {
			u = append(u, uint16(s[i+1])<<8|uint16(s[i]))
		}
	}
	return string(utf16.Decode(u))
}

// repairMojibake reverses UTF-8 text that was decoded as Windows-1252 or
// Latin-1 and encoded again ("â€™" → "’", "Ã©" → "é", "Ä—" → "ė"), as many
// times as it was done (double encoding), at most four. A run of such
// characters is replaced only where its bytes form valid multi-byte UTF-8,
// so genuine Latin-1 text ("né à Paris") is left alone. The variant whose
// third byte 0x9D (undefined in Windows-1252) was dropped — "â€" before a
// non-continuation — is read as "”", the only common character it can be.
func repairMojibake(s string) string {
	for range 4 {
		t := repairMojibakeOnce(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

func repairMojibakeOnce(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xC2 && r <= 0xF4 }) {
		return s // no rune that can stand for a UTF-8 lead byte
	}
	var out strings.Builder
	out.Grow(len(s))
	runes := []rune(s)
	for i := 0; i < len(runes); {
		// Collect a run of runes that can each stand for a non-ASCII byte.
		j := i
		var bs []byte
		for j < len(runes) {
			c, ok := cp1252Byte(runes[j])
			if !ok {
				break
			}
			bs = append(bs, c)
			j++
		}
		if j == i {
			out.WriteRune(runes[i])
			i++
			continue
		}
		out.WriteString(decodeRun(runes[i:j], bs))
		i = j
	}
	return out.String()
}

// decodeRun decodes the bytes bs that the runes rs stand for, keeping the
// runes wherever the bytes are not a valid multi-byte sequence.
func decodeRun(rs []rune, bs []byte) string {
	var out strings.Builder
	for k := 0; k < len(bs); {
		c := bs[k]
		if n := seqLen(c); n > 1 && k+n <= len(bs) {
			if r, size := utf8.DecodeRune(bs[k : k+n]); r != utf8.RuneError && size == n {
				out.WriteRune(r)
				k += n
				continue
			}
		}
		if c == 0xE2 && k+2 == len(bs) && bs[k+1] == 0x80 {
			out.WriteRune('”') // "â€" with 0x9D dropped
			k += 2
			continue
		}
		out.WriteRune(rs[k])
		k++
	}
	return out.String()
}

// seqLen is the length of the UTF-8 sequence a lead byte starts, 0 if c is
// not a lead byte of a multi-byte sequence.
func seqLen(c byte) int {
	switch {
	case c >= 0xC2 && c <= 0xDF:
		return 2
	case c >= 0xE0 && c <= 0xEF:
		return 3
	case c >= 0xF0 && c <= 0xF4:
		return 4
	}
	return 0
}

var (
	entityRE  = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
	refTail   = regexp.MustCompile(`^(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
	blockTag  = regexp.MustCompile(`(?i)<\s*(?:br|/?p|/?div|/?li|/?h[1-6]|/?blockquote|/?tr)\b[^<>]{0,200}>`)
	inlineTag = regexp.MustCompile(`(?i)<\s*/?\s*(?:a|b|i|u|em|strong|span|font|small|sup|sub|abbr|cite|q|mark|time|img|figure|figcaption|ul|ol|table|tbody|td|th|section|article|header|footer|aside|nav)\b[^<>]{0,500}>`)
)

// unescapeHTML drops HTML tags (block tags become line breaks) and decodes
// character references. Only well-formed references ending in ';' are
// decoded, so "AT&T" or "R&D" survive.
func unescapeHTML(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = blockTag.ReplaceAllString(s, "\n")
		s = inlineTag.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = decodeRefs(s)
	}
	return s
}

// decodeRefs decodes the character references of s, escaped twice or more
// too ("&amp;quot;" is a quote): what it writes holds no reference left, so
// that decoding again changes nothing. A reference whose name only starts
// with a known one ("&ampquot;", which html reads as "&amp" and "quot;") is
// decoded to the end as well.
func decodeRefs(s string) string {
	var b strings.Builder
	last := 0
	for _, loc := range entityRE.FindAllStringIndex(s, -1) {
		if loc[0] < last {
			continue // read as part of the reference before
		}
		b.WriteString(s[last:loc[0]])
		out, end := html.UnescapeString(s[loc[0]:loc[1]]), loc[1]
		for strings.HasPrefix(out, "&") {
			if out == "&" {
				// "&amp;" before another reference's name: escaped twice
				m := refTail.FindStringIndex(s[end:])
				if m == nil {
					break
				}
				out, end = html.UnescapeString("&"+s[end:end+m[1]]), end+m[1]
				continue
			}
			next := html.UnescapeString(out)
			if next == out {
				break
			}
			out = next
		}
		b.WriteString(out)
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

// cleanChars folds line breaks to '\n', every kind of space to ' ', drops
// zero-width characters, soft hyphens and control characters, folds the
// non-ASCII hyphens to '-' and composes the text (NFC).
func cleanChars(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\r', '\u2028', '\u2029', '\u0085', '\v', '\f':
			return '\n'
		case '\t', '\u00A0', '\u1680', '\u202F', '\u205F', '\u3000':
			return ' '
		case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E', utf8.RuneError:
			return -1
		case '\u2010', '\u2011', '\u2212':
			return '-'
		case '\u2015':
			return '—'
		}
		switch {
		case r >= '\u2000' && r <= '\u200A':
			return ' '
		case r == '\n':
			return r
		case unicode.IsControl(r):
			return -1
		case unicode.Is(unicode.Cf, r):
			return -1 // bidi marks and other invisible format characters
		}
		return r
	}, s)
	return norm.NFC.String(s)
}

// controlShare is the share of runes of s that are C0 control characters
// other than line breaks and tabs: high for binary input, zero for text (C1
// controls are left out: mojibake legitimately holds them).
func controlShare(s string) float64 {
	n, bad := 0, 0
	for _, r := range s {
		n++
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t') || r == 0x7F {
			bad++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(bad) / float64(n)
}
