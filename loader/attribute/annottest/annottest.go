// Package annottest builds small annotated documents by hand for the tests
// of the attribution and commitment stages, so that those tests depend on
// no upstream stage: paragraphs are lines, sentences end at . ? ! before a
// capital or an opening quote, quotes pair “ ” (and ‘ ’ inside them), and
// actors are found by exact match of their name and aliases.
//
// It is a test fixture in the manner of net/http/httptest, not a pipeline
// stage: its segmentation is deliberately simple.
package annottest

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"pledgegraph"
	"pledgegraph/loader/annot"
)

// Build returns a document over text with the given actors. A first line
// starting with "# " is the headline (the marker is dropped). An actor's ID
// defaults to pledgegraph.ActorID of its kind and name; a person's Country
// may be given as the country's name. Aliases that start with a lower-case
// "the " are matched as Role mentions, other single-word aliases of persons
// as Surname mentions.
func Build(text string, actors ...pledgegraph.Actor) *annot.Doc {
	d := &annot.Doc{ID: pledgegraph.DocumentID(text), Raw: text}
	headline := false
	if strings.HasPrefix(text, "# ") {
		text = text[2:]
		headline = true
	}
	d.Text = text
	off := 0
	for i, line := range strings.Split(text, "\n") {
		p := annot.Paragraph{Span: annot.Span{Start: off, End: off + len(line)}}
		if i == 0 && headline {
			p.Kind = annot.Headline
			d.Title = line
		}
		off += len(line) + 1
		if strings.TrimSpace(line) == "" {
			continue
		}
		d.Paragraphs = append(d.Paragraphs, p)
	}
	for pi, p := range d.Paragraphs {
		if p.Kind != annot.Body {
			continue
		}
		for _, s := range sentences(text, p.Span) {
			d.Sentences = append(d.Sentences, annot.Sentence{Span: s, Index: len(d.Sentences), Para: pi})
		}
	}
	d.Quotes = quotes(d)
	d.Actors, d.Mentions = mentions(d, actors)
	return d
}

func sentences(text string, p annot.Span) []annot.Span {
	var out []annot.Span
	start := p.Start
	for start < p.End && text[start] == ' ' {
		start++
	}
	for i := start; i < p.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '.' || r == '?' || r == '!' {
			j := i + n
			for j < p.End {
				c, m := utf8.DecodeRuneInString(text[j:])
				if c != '”' && c != '’' && c != '"' && c != ')' {
					break
				}
				j += m
			}
			if j < p.End && text[j] == ' ' && r == '.' && abbrev(text[start:i]) {
				i = j
				continue
			}
			if j >= p.End {
				break
			}
			if text[j] == ' ' {
				k := j + 1
				c, _ := utf8.DecodeRuneInString(text[k:])
				if unicode.IsUpper(c) || c == '“' || c == '"' || unicode.IsDigit(c) {
					out = append(out, annot.Span{Start: start, End: j})
					start = k
					i = k
					continue
				}
			}
			i = j
			continue
		}
		i += n
	}
	if start < p.End {
		out = append(out, annot.Span{Start: start, End: p.End})
	}
	return out
}

// abbrev reports whether the text before a period ends with an
// abbreviation ("U.S", "Mr", "Dr").
func abbrev(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Prof":
		return true
	}
	return len(w) >= 3 && w[len(w)-2] == '.' || len(w) == 1 && unicode.IsUpper(rune(w[0]))
}

func quotes(d *annot.Doc) []annot.Quote {
	var out []annot.Quote
	prevOpen := false
	for pi, p := range d.Paragraphs {
		if p.Kind != annot.Body {
			continue
		}
		outer, inner := -1, -1
		for i := p.Start; i < p.End; {
			r, n := utf8.DecodeRuneInString(d.Text[i:])
			switch {
			case r == '“' && outer < 0:
				out = append(out, annot.Quote{Span: annot.Span{Start: i + n}, Outer: annot.Span{Start: i}, Para: pi,
					Sentence: d.SentenceAt(i), Continued: i == p.Start && prevOpen})
				outer = len(out) - 1
			case r == '”' && outer >= 0:
				q := &out[outer]
				q.End, q.Outer.End, q.Closed = i, i+n, true
				outer = -1
			case r == '‘' && outer >= 0 && inner < 0:
				out = append(out, annot.Quote{Span: annot.Span{Start: i + n}, Outer: annot.Span{Start: i}, Para: pi,
					Sentence: d.SentenceAt(i), Depth: 1})
				inner = len(out) - 1
			case r == '’' && inner >= 0 && !letterAt(d.Text, i+n, p.End):
				q := &out[inner]
				q.End, q.Outer.End, q.Closed = i, i+n, true
				inner = -1
			}
			i += n
		}
		prevOpen = outer >= 0
		if outer >= 0 {
			q := &out[outer]
			q.End, q.Outer.End = p.End, p.End
		}
	}
	// Join quotes split by an attribution inside one sentence.
	for i := range out {
		if out[i].Depth != 0 || !out[i].Closed {
			continue
		}
		for j := i + 1; j < len(out); j++ {
			if out[j].Depth != 0 {
				continue
			}
			if out[j].Para == out[i].Para && d.SentenceAt(out[j].Outer.Start) == d.SentenceAt(out[i].Outer.Start) {
				out[i].Joined = append(out[i].Joined, j)
			}
			break
		}
	}
	return out
}

func letterAt(s string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func mentions(d *annot.Doc, actors []pledgegraph.Actor) ([]pledgegraph.Actor, []annot.Mention) {
	acts := make([]pledgegraph.Actor, len(actors))
	copy(acts, actors)
	ids := map[string]string{}
	for i := range acts {
		if acts[i].ID == "" {
			acts[i].ID = pledgegraph.ActorID(acts[i].Kind, acts[i].Name)
		}
		ids[acts[i].Name] = acts[i].ID
	}
	for i := range acts {
		if id, ok := ids[acts[i].Country]; ok {
			acts[i].Country = id
		}
	}
	type form struct {
		s     string
		actor int
		kind  annot.MentionKind
	}
	var forms []form
	for i, a := range acts {
		forms = append(forms, form{a.Name, i, annot.Name})
		for _, al := range a.Aliases {
			k := annot.Name
			switch {
			case strings.HasPrefix(al, "the ") || strings.HasPrefix(al, "The "):
				k = annot.Role
			case a.Kind == pledgegraph.KindPerson && !strings.Contains(al, " "):
				k = annot.Surname
			}
			forms = append(forms, form{al, i, k})
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].s) > len(forms[j].s) })
	taken := make([]bool, len(d.Text))
	var ms []annot.Mention
	for _, f := range forms {
		if f.s == "" {
			continue
		}
		for from := 0; ; {
			k := strings.Index(d.Text[from:], f.s)
			if k < 0 {
				break
			}
			s, e := from+k, from+k+len(f.s)
			from = e
			if !boundary(d.Text, s, e) || anyTaken(taken, s, e) || d.SentenceAt(s) < 0 {
				continue
			}
			for x := s; x < e; x++ {
				taken[x] = true
			}
			ms = append(ms, annot.Mention{Span: annot.Span{Start: s, End: e}, Actor: f.actor, Kind: f.kind, Sentence: d.SentenceAt(s)})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return acts, ms
}

func boundary(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func anyTaken(t []bool, s, e int) bool {
	for i := s; i < e; i++ {
		if t[i] {
			return true
		}
	}
	return false
}
