package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// span is a half-open range [Start, End) of runes of an article (PolNeAR
// offsets count Unicode code points), or of bytes once mapped.
type span struct{ Start, End int }

func (s span) len() int { return s.End - s.Start }

// attribution is one annotated attribution relation: who (Source), the
// word or phrase that signals it (Cue) and what is attributed (Content).
// Each may be several discontinuous spans; Source is empty for an
// attribution with no source.
type attribution struct {
	Source  []span
	Cue     []span
	Content []span
	CueText string
}

// parseAnn reads a brat standoff file of PolNeAR annotations: text-bound
// lines ("T3\tContent 115 290;300 310\ttext") and relation lines
// ("E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1"). Attributions without
// content are dropped. Lines of other kinds (notes, Discard, Discuss) are
// skipped.
func parseAnn(r io.Reader) ([]attribution, error) {
	type tb struct {
		typ   string
		spans []span
		text  string
	}
	tbs := map[string]tb{}
	var rels [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 || f[0] == "" {
			continue
		}
		switch f[0][0] {
		case 'T':
			head := strings.SplitN(f[1], " ", 2)
			if len(head) != 2 {
				return nil, fmt.Errorf("line %d: text-bound annotation without spans", line)
			}
			var spans []span
			for _, part := range strings.Split(head[1], ";") {
				se := strings.Fields(part)
				if len(se) != 2 {
					return nil, fmt.Errorf("line %d: bad span %q", line, part)
				}
				s, err1 := strconv.Atoi(se[0])
				e, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil || s < 0 || e < s {
					return nil, fmt.Errorf("line %d: bad span %q", line, part)
				}
				spans = append(spans, span{s, e})
			}
			text := ""
			if len(f) > 2 {
				text = f[2]
			}
			tbs[f[0]] = tb{typ: head[0], spans: spans, text: text}
		case 'E':
			rels = append(rels, strings.Fields(f[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []attribution
	for _, rel := range rels {
		var a attribution
		for _, arg := range rel {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			t, ok := tbs[id]
			if !ok {
				continue
			}
			switch role {
			case "Source":
				a.Source = append(a.Source, t.spans...)
			case "Cue":
				a.Cue = append(a.Cue, t.spans...)
				if a.CueText != "" {
					a.CueText += " "
				}
				a.CueText += t.text
			case "Content":
				a.Content = append(a.Content, t.spans...)
			}
		}
		if len(a.Content) > 0 {
			sort.Slice(a.Content, func(i, j int) bool { return a.Content[i].Start < a.Content[j].Start })
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Content[0].Start < out[j].Content[0].Start })
	return out, nil
}

// cueHead returns the word that carries a cue, lower-cased: the first word
// that is not an auxiliary, adverb or particle ("has repeatedly said" →
// "said"), "according to" whole, or the punctuation of a punctuation cue
// (":").
func cueHead(cue string) string {
	c := strings.ToLower(strings.TrimSpace(cue))
	if strings.HasPrefix(c, "according to") {
		return "according to"
	}
	words := strings.FieldsFunc(c, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '"' || r == '“' || r == '”' })
	for _, w := range words {
		w = strings.Trim(w, "'’:;()")
		if w == "" || w == "s" || auxiliary[w] || strings.HasSuffix(w, "ly") && len(w) > 4 {
			continue
		}
		return w
	}
	if c == "" {
		return "(none)"
	}
	return "(punct " + c + ")"
}

var auxiliary = map[string]bool{
	"has": true, "have": true, "had": true, "was": true, "were": true, "is": true, "are": true, "be": true, "been": true,
	"will": true, "would": true, "could": true, "can": true, "may": true, "might": true, "should": true, "must": true,
	"did": true, "does": true, "do": true, "not": true, "also": true, "then": true, "later": true, "again": true,
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "the": true, "a": true, "an": true,
	"and": true, "to": true, "that": true, "still": true, "even": true, "just": true, "repeatedly": true,
}

// sayVerbs and the other cue groups classify gold cues for the report.
var (
	sayVerbs = set("said", "says", "say", "saying", "told", "tell", "tells", "telling", "added", "adds", "adding",
		"asked", "asks", "asking", "stated", "states", "declared", "announced", "announces", "wrote", "writes", "tweeted")
	cognitive = set("believe", "believes", "believed", "think", "thinks", "thought", "want", "wants", "wanted", "hope",
		"hopes", "hoped", "fear", "fears", "feared", "know", "knows", "knew", "expect", "expects", "expected", "feel",
		"feels", "felt", "worry", "worried", "worries", "see", "sees", "saw", "consider", "considers", "considered",
		"plan", "plans", "planned", "intend", "intends", "seems", "seemed", "appears", "appeared", "frustrated",
		"concerned", "convinced", "sure", "confident", "skeptical", "aware", "support", "supports", "supported",
		"oppose", "opposes", "opposed", "favor", "favors", "prefer", "prefers", "agree", "agrees", "disagree")
	evidential = set("found", "finds", "find", "show", "shows", "showed", "shown", "suggests", "suggested", "indicates",
		"indicated", "reveals", "revealed", "according", "poll", "polls", "survey", "data", "report", "reports", "reported")
)

func set(ws ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// cueGroup names the group of a gold cue head.
func cueGroup(head string) string {
	switch {
	case head == "according to":
		return "according-to"
	case strings.HasPrefix(head, "(punct"):
		return "punctuation"
	case sayVerbs[head]:
		return "say/tell/add/ask"
	case cognitive[head]:
		return "cognitive/stance"
	case evidential[head]:
		return "evidential/report"
	case isVerbForm(head):
		return "other speech verb"
	}
	return "noun/other"
}

func isVerbForm(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}
