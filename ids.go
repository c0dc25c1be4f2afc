package pledgegraph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
)

// ContentHash is the hex sha256 of a document's raw text.
func ContentHash(raw string) string {
	h := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(h[:])
}

// DocumentID is the stable ID of a document with the given raw text: loading
// the same text twice yields the same node.
func DocumentID(raw string) string { return "doc:" + ContentHash(raw)[:16] }

// ActorID is the stable ID of an actor: one node per kind and canonical name,
// across documents.
func ActorID(kind ActorKind, name string) string {
	return "actor:" + string(kind) + ":" + strings.ReplaceAll(NameKey(name), " ", "-")
}

// StatementID is the stable ID of a statement read at [start,end) of a document.
func StatementID(doc string, kind StatementKind, start, end int) string {
	return "stmt:" + shortHash(fmt.Sprintf("%s|%s|%d|%d", doc, kind, start, end))
}

// CommitmentID is the stable ID of a commitment read at [start,end) of a document.
func CommitmentID(doc, actor, action string, start, end int) string {
	return "cmt:" + shortHash(fmt.Sprintf("%s|%s|%s|%d|%d", doc, actor, action, start, end))
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:8])
}

// NodeType tells from an ID which type of node it names, or "".
func NodeType(id string) string {
	switch {
	case strings.HasPrefix(id, "actor:"):
		return TypeActor
	case strings.HasPrefix(id, "stmt:"):
		return TypeStatement
	case strings.HasPrefix(id, "cmt:"):
		return TypeCommitment
	case strings.HasPrefix(id, "doc:"):
		return TypeDocument
	}
	return ""
}

// NameKey folds a name for lookup: lower case, accents removed, typographic
// quotes and punctuation folded to spaces (apostrophes dropped), spaces
// collapsed. "Zelenskyy", "ZELENSKYY" and "Zelénskyy" share a key; so do
// "U.S." and "US".
func NameKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		r = Unaccent(unicode.ToLower(r))
		switch {
		case r == '\'' || r == '\u2019' || r == '\u2018' || r == '.':
			continue // "U.S." → "us", "Côte d'Ivoire" → "cote divoire"
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// Unaccent maps a Latin letter with a diacritic to its base letter
// ("é" → "e", "ı" → "i", "ß" stays). Other runes are returned unchanged.
func Unaccent(r rune) rune {
	if r < 0xC0 || r > 0x24F {
		return r
	}
	if b, ok := unaccent[r]; ok {
		return b
	}
	return r
}

var unaccent = func() map[rune]rune {
	groups := map[rune]string{
		'a': "àáâãäåāăąǎ", 'A': "ÀÁÂÃÄÅĀĂĄǍ",
		'c': "çćĉċč", 'C': "ÇĆĈĊČ",
		'd': "ďđ", 'D': "ĎĐ",
		'e': "èéêëēĕėęě", 'E': "ÈÉÊËĒĔĖĘĚ",
		'g': "ĝğġģ", 'G': "ĜĞĠĢ",
		'h': "ĥħ", 'H': "ĤĦ",
		'i': "ìíîïĩīĭįı", 'I': "ÌÍÎÏĨĪĬĮİ",
		'j': "ĵ", 'J': "Ĵ",
		'k': "ķ", 'K': "Ķ",
		'l': "ĺļľŀł", 'L': "ĹĻĽĿŁ",
		'n': "ñńņňŉ", 'N': "ÑŃŅŇ",
		'o': "òóôõöøōŏőǒ", 'O': "ÒÓÔÕÖØŌŎŐǑ",
		'r': "ŕŗř", 'R': "ŔŖŘ",
		's': "śŝşšș", 'S': "ŚŜŞŠȘ",
		't': "ţťŧț", 'T': "ŢŤŦȚ",
		'u': "ùúûüũūŭůűųǔ", 'U': "ÙÚÛÜŨŪŬŮŰŲǓ",
		'w': "ŵ", 'W': "Ŵ",
		'y': "ýÿŷ", 'Y': "ÝŶŸ",
		'z': "źżž", 'Z': "ŹŻŽ",
	}
	m := make(map[rune]rune, 256)
	for base, rs := range groups {
		for _, r := range rs {
			m[r] = base
		}
	}
	return m
}()
