package normalize

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// months maps month names and their abbreviations (without the dot) to months.
func monthOf(s string) time.Month {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		if s == full || (len(s) >= 3 && strings.HasPrefix(full, s)) || (s == "sept" && m == time.September) {
			return m
		}
	}
	return 0
}

const monthRE = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	dateMD   = regexp.MustCompile(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(` + monthRE + `)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`)
	dateDM   = regexp.MustCompile(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRE + `)(?:,?\s+(\d{4}))?$`)
	yearOnly = regexp.MustCompile(`^\d{4}$`)
	agencyRE = regexp.MustCompile(`^(.*?)\s*\(([^()]{1,40})\)$`)

	fullDate = regexp.MustCompile(`\b(?:(` + monthRE + `)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRE + `),?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2}))\b`)
)

// dateline is a dateline prefix read off the first body paragraph.
type dateline struct {
	text string    // "UNITED NATIONS, October 2 (wire)"
	date time.Time // zero unless a full date (with year) is given
	rest string    // the paragraph without the prefix
	sure bool      // it names a date or an agency, not just a place
}

// parseDateline reads a dateline prefix — "PARIS (Reuters) —", "KYIV,
// Ukraine —", "BRUSSELS, Jan. 5 —", "UNITED NATIONS, October 2 (wire) —",
// "(CNN) —" — off the start of a line whose dashes are canonical. ok is
// false when the line does not start with one.
func parseDateline(line string) (dateline, bool) {
	idx := strings.Index(line, "—")
	if idx <= 0 || idx > 160 {
		return dateline{}, false
	}
	prefix := strings.TrimSpace(line[:idx])
	rest := strings.TrimSpace(line[idx+len("—"):])
	if rest == "" || wordCount(prefix) > 14 {
		return dateline{}, false
	}
	body, agency := prefix, ""
	if m := agencyRE.FindStringSubmatch(prefix); m != nil {
		body, agency = m[1], m[2]
	}
	var d dateline
	d.text, d.rest = prefix, rest
	if body == "" {
		d.sure = agency != ""
		return d, d.sure
	}
	parts := strings.Split(body, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	var month time.Month
	day, year := 0, 0
	for i, p := range parts {
		switch {
		case i == 0:
			if !allCapsPlace(p) && !(capPlace(p) && (agency != "" || len(parts) > 1)) {
				return dateline{}, false
			}
		case dateMD.MatchString(p):
			m := dateMD.FindStringSubmatch(p)
			month, day, year = monthOf(m[1]), atoi(m[2]), atoi(m[3])
		case dateDM.MatchString(p):
			m := dateDM.FindStringSubmatch(p)
			month, day, year = monthOf(m[2]), atoi(m[1]), atoi(m[3])
		case yearOnly.MatchString(p) && month != 0:
			year = atoi(p)
		case capPlace(p):
		default:
			return dateline{}, false
		}
	}
	if !allCapsPlace(parts[0]) && month == 0 && agency == "" {
		return dateline{}, false // "Paris, France —" needs a date or an agency to be sure
	}
	d.sure = month != 0 || agency != ""
	if month != 0 && day >= 1 && day <= 31 && year >= 1900 && year <= 2200 {
		d.date = time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	}
	return d, true
}

// allCapsPlace reports an all-capitals place name ("UNITED NATIONS", "ST.
// PETERSBURG", "N'DJAMENA").
func allCapsPlace(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == ' ' || r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return letters >= 2
}

// capPlace reports a short run of capitalised words ("Ukraine", "New
// York", "D.C.").
func capPlace(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) && w != "of" && w != "de" && w != "el" && w != "al" {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// findFullDate returns the first full date (day, month and year) in s.
func findFullDate(s string) (time.Time, bool) {
	m := fullDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	var y, d int
	var mo time.Month
	switch {
	case m[1] != "":
		mo, d, y = monthOf(m[1]), atoi(m[2]), atoi(m[3])
	case m[5] != "":
		mo, d, y = monthOf(m[5]), atoi(m[4]), atoi(m[6])
	default:
		y, mo, d = atoi(m[7]), time.Month(atoi(m[8])), atoi(m[9])
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 {
		return time.Time{}, false
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // 31 February
	}
	return t, true
}
