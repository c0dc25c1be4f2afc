package normalize

import (
	"strings"
	"time"
	"unicode/utf8"

	"pledgegraph"
	"pledgegraph/loader/annot"
)

// Normalize reads a raw article into a Doc with ID, Raw, Text, Title,
// Dateline, Published and Paragraphs filled (see the package doc for the
// form of Text). It fails with pledgegraph.EINVALID only when raw is empty,
// holds nothing but whitespace or page furniture, or is binary rather than
// text; any other input, however damaged, is read.
func Normalize(raw string) (annot.Doc, error) {
	doc, err := normalizeOnce(raw)
	if err != nil {
		return doc, err
	}
	// The readings above are heuristic and document-wide (is this text
	// damaged? is this line a caption?), so reading the output again can, on
	// odd input, read it differently. Read it again until it is stable, so
	// that normalised text is a fixed point: normalising it changes nothing.
	for range 3 {
		again, err := normalizeOnce(doc.Text)
		if err != nil || again.Text == doc.Text {
			break
		}
		doc.Text, doc.Paragraphs, doc.Title = again.Text, again.Paragraphs, again.Title
		if doc.Dateline == "" {
			doc.Dateline = again.Dateline
		}
		if doc.Published.IsZero() {
			doc.Published = again.Published
		}
	}
	return doc, nil
}

// normalizeOnce reads raw once (see Normalize).
func normalizeOnce(raw string) (annot.Doc, error) {
	doc := annot.Doc{ID: pledgegraph.DocumentID(raw), Raw: raw}
	if strings.TrimSpace(raw) == "" {
		return doc, invalid("the document is empty")
	}
	s, _ := decodeBytes(raw)
	if controlShare(s) > 0.01 {
		return doc, invalid("the document is not text")
	}
	// Cleaning can bring mojibake together ("Ã\u200b©"), so repair twice.
	s = cleanChars(repairMojibake(cleanChars(repairMojibake(unescapeHTML(s)))))
	// Whether the text has lone-'â' damage is read from its prose only: a
	// caption or furniture line (with its own quote marks) must not decide.
	var prose []string
	for _, l := range strings.Split(s, "\n") {
		if l = collapseSpaces(l); l != "" {
			if k := classifyLine(l, false); k == lineBody || k == lineCaption && headlineLike(l) {
				prose = append(prose, l)
			}
		}
	}
	lone := loneDamage(strings.Join(prose, "\n"))

	var lines []line
	first := true // no headline or body line read yet
	kicker := -1  // the line of a short headline, while it may be a kicker
	inList := 0   // lines left in a list of recommended stories
	for _, l := range strings.Split(s, "\n") {
		l = collapseSpaces(inlineChrome.ReplaceAllString(l, " "))
		if l == "" {
			continue
		}
		cl := lineMarks(l, lone)
		if inList > 0 {
			// Inside a "Recommended Stories" block whose items a scraper
			// kept one per line: furniture up to "end of list".
			inList--
			if listEnd.MatchString(l) {
				inList = 0
			}
			lines = append(lines, line{kind: lineChrome, cl: cl})
			continue
		}
		k := classifyLine(cl.text, first || kicker >= 0)
		if m := listStart.FindStringSubmatch(l); m != nil && k == lineChrome && !listEnd.MatchString(l) {
			inList = 2*atoi(m[1]) + 2
		}
		switch {
		case kicker >= 0 && (k == lineHeadline || k == lineBody):
			// A short headline-like line followed by a longer one was a
			// section label or kicker ("Russia-Ukraine war"), not the headline.
			if k == lineHeadline && wordCount(cl.text) > wordCount(lines[kicker].cl.text) {
				lines[kicker].kind = lineChrome
			} else if k == lineHeadline {
				k = lineCaption
			}
			kicker = -1
		case k == lineHeadline && wordCount(cl.text) <= 4:
			kicker = len(lines)
		}
		if k == lineBody || k == lineHeadline {
			first = false
		}
		lines = append(lines, line{kind: k, cl: cl})
	}

	var published time.Time
	var kept []string // paragraph texts, the headline (if any) first
	headline := false
	for i, l := range lines {
		switch l.kind {
		case lineChrome, lineByline, lineCaption:
			if len(kept) == boolInt(headline) && doc.Dateline == "" && strings.HasSuffix(l.cl.text, "—") {
				// A dateline on a line of its own ("KYIV, Ukraine (AP) —").
				if d, ok := parseDateline(l.cl.text + " X"); ok {
					doc.Dateline = d.text
					if !d.date.IsZero() {
						published = d.date
					}
					continue
				}
			}
			// A dated furniture line ("Published On 6 Jan 2026", "By Jane Doe |
			// March 3, 2025", a bare date) dates the article.
			if l.kind != lineCaption || wordCount(l.cl.text) <= 12 {
				if t, ok := findFullDate(l.cl.text); ok && published.IsZero() {
					published = t
				}
			}
			continue
		case lineHeadline:
			headline = true
			doc.Title = l.cl.text
			kept = append(kept, l.cl.text)
			continue
		}
		text := l.cl.text
		if l.cl.alt != "" && !nextOpensQuote(lines[i+1:]) {
			text = l.cl.alt
		}
		if body := len(kept) - boolInt(headline); body <= 1 && doc.Dateline == "" {
			// The dateline opens the first body paragraph, or the second
			// after a standfirst when it names a date or an agency. The prefix
			// goes only when what remains reads as prose on its own.
			if d, ok := parseDateline(text); ok && (body == 0 || d.sure) &&
				classifyLine(d.rest, false) == lineBody && !hasDateline(d.rest) {
				doc.Dateline, text = d.text, d.rest
				if !d.date.IsZero() {
					published = d.date
				}
			}
		}
		kept = append(kept, text)
	}
	if len(kept) == 0 {
		return doc, invalid("the document holds no article text")
	}
	doc.Published = published

	var b strings.Builder
	for i, p := range kept {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		kind := annot.Body
		if i == 0 && headline {
			kind = annot.Headline
		}
		doc.Paragraphs = append(doc.Paragraphs, annot.Paragraph{Span: annot.Span{Start: start, End: b.Len()}, Kind: kind})
	}
	doc.Text = b.String()
	return doc, nil
}

// line is one line of the article with its marks read and its kind.
type line struct {
	kind lineKind
	cl   canonicalLine
}

// nextOpensQuote reports whether the next body line starts with an opening
// quote mark: the convention for a quote that runs on into it.
func nextOpensQuote(rest []line) bool {
	for _, l := range rest {
		if l.kind == lineBody {
			return l.cl.opensWith
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func invalid(msg string) error {
	e := pledgegraph.Errorf(pledgegraph.EINVALID, "%s", msg)
	e.Op = "normalize.Normalize"
	return e
}

// loneDamage reports text in which typographic characters (curly quotes,
// apostrophes, dashes) were each replaced by a lone 'â'. A genuine 'â' sits
// inside a word ("Château", "Mâcon"); the damage leaves it at word edges
// ("âcoalition of the willingâ"), standing alone ("areas â security"),
// beside digits ("2010â2015") or before a contraction ("Trumpâs",
// "theyâre"). One of the last three, or two word-edge marks, decide; a
// document with genuine double quotes (curly or straight) is never damaged
// this way.
func loneDamage(s string) bool {
	if strings.ContainsAny(s, "“”\"") || !strings.ContainsRune(s, 'â') {
		return false
	}
	edge := 0
	for i, r := range s {
		if r != 'â' {
			continue
		}
		pl, _ := utf8.DecodeLastRuneInString(s[:i])
		nr, _ := utf8.DecodeRuneInString(s[i+len("â"):])
		lc, rc := ctxOf(pl), ctxOf(nr)
		if i == 0 {
			lc = ctxEdge
		}
		if i+len("â") == len(s) {
			rc = ctxEdge
		}
		switch {
		case lc == ctxLetter && rc == ctxLetter:
			if isContraction(wordAfter(s, i+len("â"))) {
				return true
			}
		case lc == ctxDigit || rc == ctxDigit, lc == ctxSpace && rc == ctxSpace:
			return true
		case lc == ctxLetter || rc == ctxLetter:
			edge++
		}
	}
	return edge >= 2
}

func hasDateline(s string) bool {
	_, ok := parseDateline(s)
	return ok
}
