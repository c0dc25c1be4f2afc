package segment

import (
	"fmt"
	"strings"
	"testing"

	"pledgegraph/loader/annot"
)

// paras lays out paragraphs as normalize does: joined by "\n\n", all Body.
func paras(ps ...string) (string, []annot.Paragraph) {
	var b strings.Builder
	var out []annot.Paragraph
	for i, p := range ps {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		out = append(out, annot.Paragraph{Span: annot.Span{Start: start, End: b.Len()}, Kind: annot.Body})
	}
	return b.String(), out
}

func sentenceTexts(text string, ss []annot.Sentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

// TestSentences: one row per construction that may or may not end a sentence.
func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		para string
		want []string
	}{
		{"two plain sentences", "The talks ended. Both sides left.", []string{"The talks ended.", "Both sides left."}},
		{"question and exclamation", "Will it hold? Nobody knows! Time will tell.", []string{"Will it hold?", "Nobody knows!", "Time will tell."}},
		{"title abbreviations", "Mr. Lindqvist met Dr. Osei and Gen. Park in St. Gallen.", []string{"Mr. Lindqvist met Dr. Osei and Gen. Park in St. Gallen."}},
		{"middle initial", "Envoy Paula R. Mendes arrived late.", []string{"Envoy Paula R. Mendes arrived late."}},
		{"month abbreviation before a day", "The vote is set for Feb. 14 in the capital.", []string{"The vote is set for Feb. 14 in the capital."}},
		{"acronym inside a sentence", "The U.S. Navy sent two ships.", []string{"The U.S. Navy sent two ships."}},
		{"acronym ending a sentence", "Aid came from the U.S. The rest came later.", []string{"Aid came from the U.S.", "The rest came later."}},
		{"decimal", "Growth was 2.5 percent. It slowed.", []string{"Growth was 2.5 percent.", "It slowed."}},
		{"lowercase after period", "He cited art. and lit. as fields.", []string{"He cited art. and lit. as fields."}},
		{"list with letters", "The plan has two parts: a, cut debt; and b, grow trade.", []string{"The plan has two parts: a, cut debt; and b, grow trade."}},
		{"closing quote after period", "She called it “fair.” He did not.", []string{"She called it “fair.”", "He did not."}},
		{"multi-sentence quote stays with its cue", "“We came. We saw. We left,” the envoy said. Talks end today.", []string{"“We came. We saw. We left,” the envoy said.", "Talks end today."}},
		{"split quote across sentences", "“It is late,” she said. “We go now.”", []string{"“It is late,” she said.", "“We go now.”"}},
		{"unclosed quote does not swallow the paragraph", "He spoke of the “use of force. Officials left. Talks end.", []string{"He spoke of the “use of force.", "Officials left.", "Talks end."}},
		{"parenthesis after period", "The bill passed. (It was close.) Voters cheered.", []string{"The bill passed.", "(It was close.)", "Voters cheered."}},
		{"ellipsis before capital", "We waited… Then it came.", []string{"We waited…", "Then it came."}},
		{"company abbreviation mid-sentence", "Acme Inc. said profits rose.", []string{"Acme Inc. said profits rose."}},
		{"middle initials", "Campaign chairman John D. Podesta and George H.W. Bush spoke.", []string{"Campaign chairman John D. Podesta and George H.W. Bush spoke."}},
		{"plural title abbreviation", "He trails his rivals, particularly Sens. Ted Cruz and Marco Rubio.", []string{"He trails his rivals, particularly Sens. Ted Cruz and Marco Rubio."}},
		{"state after a party letter", "Sen. Tom Carper (D-Del.) said so, as did Sen. Rand Paul, R-Ky., and Rep. Kim Ash (R-Calif.) Thursday.", []string{"Sen. Tom Carper (D-Del.) said so, as did Sen. Rand Paul, R-Ky., and Rep. Kim Ash (R-Calif.) Thursday."}},
		{"state in parentheses before a name", "Earlier, Maricopa County (Ariz.) Sheriff Joe Arpaio spoke.", []string{"Earlier, Maricopa County (Ariz.) Sheriff Joe Arpaio spoke."}},
		{"state qualifying an office", "Clinton ties former Fla. Gov. Jeb Bush and Mass. Sen. Ed Markey.", []string{"Clinton ties former Fla. Gov. Jeb Bush and Mass. Sen. Ed Markey."}},
		{"delegate's title", "Another possibility is Del. Jennifer L. McClellan of Richmond.", []string{"Another possibility is Del. Jennifer L. McClellan of Richmond."}},
		{"state closing a place ends a sentence", "They met in Tamarac, Fla. Eksili donated later. In Fresno, Calif. “We won,” he said.", []string{"They met in Tamarac, Fla.", "Eksili donated later.", "In Fresno, Calif.", "“We won,” he said."}},
		{"state before a sentence opener", "He moved to Pa. The rest followed.", []string{"He moved to Pa.", "The rest followed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, ps := paras(tt.para)
			ss, _ := Split(text, ps)
			got := sentenceTexts(text, ss)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// wantQuote is a quote as the tests state it.
type wantQuote struct {
	text      string
	depth     int
	closed    bool
	continued bool
	joined    []int
	sentence  int
}

// TestQuotes: one row per quoting construction.
func TestQuotes(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  []wantQuote
	}{
		{"simple quote", []string{"“We are ready,” she said."},
			[]wantQuote{{text: "We are ready,", closed: true}}},
		{"partial quote", []string{"He called the plan “unworkable” and left."},
			[]wantQuote{{text: "unworkable", closed: true}}},
		{"nested single quote", []string{"“They told us, ‘Wait here,’ and left,” she said."},
			[]wantQuote{{text: "They told us, ‘Wait here,’ and left,", closed: true}, {text: "Wait here,", depth: 1, closed: true}}},
		{"apostrophes inside a quote", []string{"“It’s the ministers’ call, isn’t it?” he asked."},
			[]wantQuote{{text: "It’s the ministers’ call, isn’t it?", closed: true}}},
		{"plural possessive inside a nested quote", []string{"“She said ‘the farmers’ union will strike’ today,” he said."},
			[]wantQuote{{text: "She said ‘the farmers’ union will strike’ today,", closed: true}, {text: "the farmers’ union will strike", depth: 1, closed: true}}},
		{"nested closing before a function word", []string{"“The ‘allies’ and partners agreed,” he said."},
			[]wantQuote{{text: "The ‘allies’ and partners agreed,", closed: true}, {text: "allies", depth: 1, closed: true}}},
		{"joined split quote", []string{"“It was a start,” she said, “and a start is not enough.”"},
			[]wantQuote{{text: "It was a start,", closed: true, joined: []int{1}}, {text: "and a start is not enough.", closed: true}}},
		{"split quote across sentences is not joined", []string{"“It was a start,” she said. “We go on.”"},
			[]wantQuote{{text: "It was a start,", closed: true}, {text: "We go on.", closed: true, sentence: 1}}},
		{"quote over two paragraphs", []string{"“We waited a year. Nothing came.", "“Now we act,” he said."},
			[]wantQuote{{text: "We waited a year. Nothing came."}, {text: "Now we act,", closed: true, continued: true, sentence: 2}}},
		{"unclosed partial quote ends with the paragraph", []string{"The draft spoke of the “use of force in the region.", "Officials declined to comment."},
			[]wantQuote{{text: "use of force in the region."}}},
		{"stray closing mark ignored", []string{"The plan” was dropped, and she said “no” twice."},
			[]wantQuote{{text: "no", closed: true}}},
		{"second opener ends an unclosed quote", []string{"He said “we stay. Then she said “we go” and left."},
			[]wantQuote{{text: "we stay."}, {text: "we go", closed: true, sentence: 1}}},
		{"straight ascii quotes", []string{`"We will go," she said, "and soon."`},
			[]wantQuote{{text: "We will go,", closed: true, joined: []int{1}}, {text: "and soon.", closed: true}}},
		{"single-quote primary style", []string{"‘We will win,’ the coach said."},
			[]wantQuote{{text: "We will win,", closed: true}}},
		{"double quote nested in a single one", []string{"‘We were told “help is coming” last year,’ he said."},
			[]wantQuote{{text: "We were told “help is coming” last year,", closed: true}, {text: "help is coming", depth: 1, closed: true}}},
		{"question mark before lowercase cue", []string{"“Who pays?” she asked. “Not us.”"},
			[]wantQuote{{text: "Who pays?", closed: true}, {text: "Not us.", closed: true, sentence: 1}}},
		{"quote after colon", []string{"The envoy said: “We will stay. We will help.” Then she left."},
			[]wantQuote{{text: "We will stay. We will help.", closed: true}}},
		{"closed paragraph is not continued", []string{"“We stay,” he said.", "“We go,” she said."},
			[]wantQuote{{text: "We stay,", closed: true}, {text: "We go,", closed: true, sentence: 1}}},
		{"three-part joined quote", []string{"“One,” he said, “two,” he added, “three.”"},
			[]wantQuote{{text: "One,", closed: true, joined: []int{1, 2}}, {text: "two,", closed: true}, {text: "three.", closed: true}}},
		{"decade apostrophe is no opener", []string{"Prices of the ’90s returned, “sadly” for some."},
			[]wantQuote{{text: "sadly", closed: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, ps := paras(tt.paras...)
			ss, qs := Split(text, ps)
			if len(qs) != len(tt.want) {
				var got []string
				for _, q := range qs {
					got = append(got, text[q.Start:q.End])
				}
				t.Fatalf("%d quotes %q, want %d", len(qs), got, len(tt.want))
			}
			for i, w := range tt.want {
				q := qs[i]
				if got := text[q.Start:q.End]; got != w.text {
					t.Errorf("quote %d text %q, want %q", i, got, w.text)
				}
				if q.Depth != w.depth || q.Closed != w.closed || q.Continued != w.continued {
					t.Errorf("quote %d depth/closed/continued %d/%v/%v, want %d/%v/%v", i, q.Depth, q.Closed, q.Continued, w.depth, w.closed, w.continued)
				}
				if fmt.Sprint(q.Joined) != fmt.Sprint(w.joined) && len(q.Joined)+len(w.joined) > 0 {
					t.Errorf("quote %d joined %v, want %v", i, q.Joined, w.joined)
				}
				if q.Sentence != w.sentence {
					t.Errorf("quote %d sentence %d (%q), want %d", i, q.Sentence, sentenceTexts(text, ss), w.sentence)
				}
				if outer := text[q.Outer.Start:q.Outer.End]; !strings.Contains(outer, w.text) {
					t.Errorf("quote %d outer %q does not hold %q", i, outer, w.text)
				}
			}
		})
	}
}

// TestHeadlineSkipped: only Body paragraphs are read.
func TestHeadlineSkipped(t *testing.T) {
	text := "Leader says “no deal”\n\nThe leader said “no deal” again."
	ps := []annot.Paragraph{
		{Span: annot.Span{Start: 0, End: strings.Index(text, "\n")}, Kind: annot.Headline},
		{Span: annot.Span{Start: strings.Index(text, "The"), End: len(text)}, Kind: annot.Body},
	}
	ss, qs := Split(text, ps)
	if len(ss) != 1 || ss[0].Para != 1 || ss[0].Index != 0 {
		t.Errorf("sentences %+v, want one of paragraph 1", ss)
	}
	if len(qs) != 1 || qs[0].Para != 1 || qs[0].Sentence != 0 {
		t.Errorf("quotes %+v, want one in paragraph 1, sentence 0", qs)
	}
}
