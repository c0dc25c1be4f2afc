package normalize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineKind is what a line of the raw article is.
type lineKind uint8

const (
	lineBody     lineKind = iota
	lineHeadline          // the first line, when it reads as a headline
	lineChrome            // page furniture: "Read more", "Advertisement", share and sign-up prompts
	lineCaption           // a photo caption or credit, or a short unpunctuated line (subhead, image text)
	lineByline            // "By Jane Doe", "Reporting by ...", "Staff and agencies"
)

func (k lineKind) String() string {
	return [...]string{"body", "headline", "chrome", "caption", "byline"}[k]
}

// chromePatterns match whole lines of page furniture (case-insensitive).
// The list is data: extend it as new outlets show new furniture. A pattern
// is tried only on the lines that show its trigger (see prefilter.go).
var chromePatterns = []string{
	`recommended stories.*`, `list of \d+ items.*`, `.*\bend of list`, `list \d+ of \d+.*`,
	`(?:read|see|watch|listen)(?: more| also| next| now)?(?:\s*[:|»>›-].*)?`,
	`(?:also read|read more|more on this(?: story)?|related(?: stories| articles| content| coverage| topics)?|more from [\w ]{1,30}|recommended|most (?:read|popular|viewed)|trending(?: now)?|top stories|editor'?s picks)\b.{0,120}`,
	`advertisement|advertising|ad|sponsored(?: content)?|promoted|scroll to (?:continue|read more).*|continue reading.*|story continues below.*`,
	`share(?: this)?(?: article| story| page| post)?(?: on \w+| via \w+)?|share(?: on)? (?:facebook|twitter|x|whatsapp|linkedin|email)\b.*|copy link|link copied.*`,
	`(?:sign up|subscribe|log ?in|sign in)\b.{0,160}`,
	`(?:follow|like) (?:us|\w+) on\b.*|follow (?:al jazeera|our|the latest|live)\b.*`,
	`(?:click|tap) here\b.*|skip (?:to|navigation)\b.*|jump to\b.*|back to top|menu|search|home|close`,
	`(?:©|\(c\)|copyright)\s.*|.*\ball rights reserved\.?`,
	`source:\s.{0,80}`,
	`(?:published|updated|last updated|posted|first published|modified)(?: on| at)?:?\s[^\d]{0,30}\d.{0,40}`,
	`\d+\s*min(?:ute)?s?\s*read|listen to (?:this|the) (?:article|story).*|\d+:\d+\s*(?:min)?`,
	`(?:tags|topics|filed under|keywords|categories)\s*:.*`,
	`share\d*|(?:comments?|save|saved|print|email|e-mail|facebook|twitter|x|whatsapp|linkedin|reddit|telegram|bluesky|threads|instagram|youtube|tiktok|flipboard|pinterest)`,
	`(?:newsletter|newsletters|podcast|video|live|breaking|exclusive|opinion|analysis|explainer|watch|gallery|photos|live updates)`,
	`(?:we|this (?:site|website)) uses? cookies.*|accept (?:all )?cookies.*`,
	`(?:image|photo|picture|video) (?:source|credit|caption)\b.*`,
	`(?:this|the) (?:article|story) (?:was|has been) (?:updated|amended|corrected)\b.*`,
	`(?:get|download) (?:the|our) (?:app|newsletter)\b.*|(?:have|got) a (?:news )?tip\b.*|contact us\b.*`,
	`(?:reporting|writing|editing|additional reporting|compiled|edited|written|produced|research|graphics|photos|video) by\b.*`,
	`.{0,160}\bcontributed (?:reporting |to this (?:report|story|article))[^.]{0,60}\.?`,
	`our standards:.*|editor[’']s note:.*|correction:.*|clarification:.*`,
	`(?:related|more|latest|top|trending)(?: news| stories| articles| coverage)?\s*[:|»›>].*`,
	`(?:click|tap) (?:here )?to (?:share|read|watch|listen|subscribe|follow|download|see|view)\b.*`,
	`(?:this|the) (?:article|story|content) (?:is|was) (?:available|produced|originally published)\b.*`,
}

// chromeLines matches a line against every pattern of chromePatterns.
var chromeLines = newLineMatcher(chromePatterns)

// listStart and listEnd bound a block of recommended stories.
var (
	listStart = guard(regexp.MustCompile(`(?i)\blist of (\d{1,2}) items\b`))
	listEnd   = guard(regexp.MustCompile(`(?i)end of list\s*$`))
)

// inlineChrome is furniture glued into prose lines by scrapers.
var inlineChrome = guard(regexp.MustCompile(`(?i)\s*recommended stories\s*list of \d+ items.*?end of list\s*|\s*list of \d+ items\s*(?:list \d+ of \d+.*?)?end of list\s*`))

var (
	bylineRE = regexp.MustCompile(`^(?i:by|words by|written by|story by)\s+\p{Lu}[\p{L}.’'-]*(?:\s+\S+){0,10}$`)
	staffRE  = regexp.MustCompile(`(?i)^(?:[\p{L} ]{0,30} )?(?:staff|staff and agencies|news agencies|agencies|staff writer|correspondent|staff reporter)$`)

	bracketEnd   = regexp.MustCompile(`\[([^\[\]]{1,160})\]\s*$`)
	parenEnd     = regexp.MustCompile(`\(([^()]{1,100})\)\s*$`)
	creditWord   = regexp.MustCompile(`(?i)/|\||\bvia\b|\bphotos?\b|\bimages?\b|\bpictures?\b|\bcredit\b|\bgetty\b|\breuters\b|\bafp\b|\bap\b|\bepa\b|\bfile\b|\bpool\b|\bhandout\b|\bcourtesy\b|\bxinhua\b|\banadolu\b|\bsputnik\b|\btass\b|\bbloomberg\b|\bshutterstock\b|\bfile photo\b`)
	captionStart = regexp.MustCompile(`(?i)^(?:file photo|photo|photograph|image|picture|caption|credit|pictured|above|top|main image)s?\b\s*[:|/—–-]`)
	creditEnd    = regexp.MustCompile(`(?i)(?:\b(?:photo|photograph|image|picture)s?\s*(?::|by)\s*\p{Lu}[^.!?]{0,80}|\bvia getty images|\b(?:getty images|afp|reuters|ap photo|epa(?:-efe)?|bloomberg|shutterstock|xinhua|anadolu agency)(?:\s*/\s*[\p{L} .]+)?)\s*$`)
)

func compileAll(prefix, suffix string, alts []string) *regexp.Regexp {
	return regexp.MustCompile(prefix + strings.Join(alts, "|") + suffix)
}

// maxChromeLine bounds the lines tested against the furniture patterns:
// furniture is short, and the patterns cost time linear in a line's length
// times their number, which dominated extraction on long paragraphs.
const maxChromeLine = 400

// classifyLine tells page furniture, captions and bylines from prose. first
// is true for the first line of the article, which may be the headline.
func classifyLine(line string, first bool) lineKind {
	l := strings.TrimSpace(line)
	switch {
	case len(l) <= maxChromeLine && (chromeLines.MatchString(l) || chromeLines.MatchString(strings.Trim(l, "()[]* "))):
		return lineChrome
	case bylineRE.MatchString(l) && !endsSentence(l), staffRE.MatchString(l):
		return lineByline
	case isCaption(l):
		return lineCaption
	case first && headlineLike(l):
		return lineHeadline
	case !strings.ContainsFunc(l, unicode.IsLetter):
		return lineChrome // rules, dates, counters: "___", "* * *", "12:30"
	case !endsSentence(l) && wordCount(l) <= 30 && !strings.ContainsAny(l, quoteish):
		return lineCaption // a subhead or a caption without a credit
	}
	return lineBody
}

// isCaption reports a photo caption or credit: a line ending in a bracketed
// or parenthesised credit ("[Ludovic Marin via AP]", "(Reuters)"), opening
// with "Photo:", or ending in a credit phrase.
func isCaption(l string) bool {
	if m := bracketEnd.FindStringSubmatch(l); m != nil {
		inner := m[1]
		if creditWord.MatchString(inner) || isNameList(inner) {
			return true
		}
	}
	if m := parenEnd.FindStringSubmatch(l); m != nil && creditWord.MatchString(m[1]) && wordCount(m[1]) <= 8 {
		return true
	}
	if captionStart.MatchString(l) {
		return true
	}
	return !endsSentence(l) && creditEnd.MatchString(l)
}

// isNameList reports a short run of capitalised words: a photographer's name.
func isNameList(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "and" && w != "&" {
			return false
		}
	}
	return true
}

// headlineLike reports a short line without a final period.
func headlineLike(l string) bool {
	n := wordCount(l)
	if n < 2 || n > 30 || len(l) > 300 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(l, "”’\"' "))
	return last != '.' && last != ':' && last != ';' && last != ','
}

// quoteish are the characters that may be read as quote marks, in any
// form (a line holding one is speech, not a caption).
const quoteish = "\"'“”‘’„«»‹›‚‛‟″′`â"

// endsSentence reports a line ending as prose does.
func endsSentence(l string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(l))
	return strings.ContainsRune(".!?:;)…,", last) || strings.ContainsRune(quoteish, last)
}

func wordCount(s string) int { return len(strings.Fields(s)) }
