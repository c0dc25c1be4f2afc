package normalize

import (
	"strings"
	"testing"
	"time"

	"pledgegraph"
	"pledgegraph/loader/annot"
)

// body normalises raw and returns its Body paragraphs joined by " | ".
func body(t *testing.T, raw string) string {
	t.Helper()
	d, err := Normalize(raw)
	if err != nil {
		t.Fatalf("Normalize(%q): %v", raw, err)
	}
	var ps []string
	for _, p := range d.Paragraphs {
		if p.Kind == annot.Body {
			ps = append(ps, d.Text[p.Start:p.End])
		}
	}
	return strings.Join(ps, " | ")
}

// TestEncodingRepair: one row per kind of damage.
func TestEncodingRepair(t *testing.T) {
	tests := []struct{ name, raw, want string }{
		{"cp1252 mojibake quotes", "The minister said â€œwe are readyâ€\x9d and left.", "The minister said “we are ready” and left."},
		{"cp1252 mojibake, 0x9d dropped", "She called it â€œa first stepâ€.", "She called it “a first step”."},
		{"0x9d dropped before a space", "She called it â€œa first stepâ€ on Monday.", "She called it “a first step” on Monday."},
		{"mojibake apostrophe and en dash", "The bankâ€™s 2019â€“2023 plan failed.", "The bank’s 2019–2023 plan failed."},
		{"mojibake spaced en dash", "It rained â€“ then it stopped.", "It rained — then it stopped."},
		{"latin-1 mojibake accents", "The mayor of MontrÃ©al met KÃ¶nig in VilniÅ³.", "The mayor of Montréal met König in Vilnių."},
		{"mojibake with cp1252 em dash byte", "Vilnius (LietuvÄ—) hosted them.", "Vilnius (Lietuvė) hosted them."},
		{"double-encoded apostrophe", "The fleetÃ¢â‚¬â„¢s commander spoke.", "The fleet’s commander spoke."},
		{"genuine latin-1 text survives", "Il est né à Genève, près du lac.", "Il est né à Genève, près du lac."},
		{"html entities", "Rates rose 5&#37; at AT&amp;T&#8217;s &quot;core&quot; unit&rsquo;s arm &ndash; so&nbsp;far.", "Rates rose 5% at AT&T’s “core” unit’s arm — so far."},
		// decoded to the end, so that decoding again changes nothing
		{"html entities escaped twice", "He said &amp;quot;yes&amp;amp;quot; to R&amp;D; &ampquot;no&ampquot; to &amp;Co;.", "He said “yes” to R&D; “no” to &Co;."},
		{"bare ampersand survives", "R&D spending at AT&T rose.", "R&D spending at AT&T rose."},
		{"html tags", "<p>The vote passed.</p><p>It was <b>close</b>.</p>", "The vote passed. | It was close."},
		{"nbsp and zero-width", "The\u00a0post-war\u200b order\u00ad held.", "The post-war order held."},
		{"crlf line ends", "First line ends here.\r\nSecond line ends here.\r\n", "First line ends here. | Second line ends here."},
		{"invalid utf-8 read as cp1252", "The \x93big\x94 deal\x97signed in Z\xfcrich.", "The “big” deal—signed in Zürich."},
		{"utf-16 with bom", "\xff\xfeO\x00k\x00.\x00", "Ok."},
		{"decomposed accents composed", "Cafe\u0301 owners agreed.", "Café owners agreed."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := body(t, tt.raw); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestLoneMarkRepair: every reading of the lone 'â' left where a typographic
// character was lost, one construction per row.
func TestLoneMarkRepair(t *testing.T) {
	tests := []struct{ name, raw, want string }{
		{"double quote pair", "The envoy called it âa turning pointâ on Friday.", "The envoy called it “a turning point” on Friday."},
		{"closing before punctuation", "Officials said the plan was âworkableâ.", "Officials said the plan was “workable”."},
		{"apostrophe possessive", "The senatorâs aide said the billâs fate was sealed âsoonâ.", "The senator’s aide said the bill’s fate was sealed “soon”."},
		{"apostrophe contraction", "âWeâre ready and we wonât wait,â she said.", "“We’re ready and we won’t wait,” she said."},
		{"plural possessive outside quotes", "The ministersâ meeting ended early, aides âsaidâ.", "The ministers’ meeting ended early, aides “said”."},
		{"plural possessive inside a quote", "âThe farmersâ union will strike,â he said.", "“The farmers’ union will strike,” he said."},
		{"closing after s before function word", "She said the âalliesâ and partners agreed.", "She said the “allies” and partners agreed."},
		{"spaced dash", "Three things matter â money, time and trust.", "Three things matter — money, time and trust."},
		{"dash inside a quote", "He backed âall areas â trade and aidâ, aides said.", "He backed “all areas — trade and aid”, aides said."},
		{"nested single quote", "âThey told us, âWait here,â and left,â she said.", "“They told us, ‘Wait here,’ and left,” she said."},
		{"nested closing at sentence end", "âWe heard, âHelp is near.â Nothing came,â he said.", "“We heard, ‘Help is near.’ Nothing came,” he said."},
		{"stray between names", "The talks included envoys Maria Lopez and Tomas â Berg of Sweden.", "The talks included envoys Maria Lopez and Tomas Berg of Sweden."},
		{"unclosed quote kept", "The bankâs draft spoke of the âuse of force in the region.", "The bank’s draft spoke of the “use of force in the region."},
		{"stray opener around closed quotes", "Aides, who asked not to be named, âsaid the leader âfully backsâ the plan and that it was âurgentâ.", "Aides, who asked not to be named, said the leader “fully backs” the plan and that it was “urgent”."},
		{"numeric range", "The 2010â2015 program ended.", "The 2010–2015 program ended."},
		{"decade apostrophe", "Prices last seen in the 1970âs returned.", "Prices last seen in the 1970’s returned."},
		{"lost euro sign", "Brussels pledged â200 million for repairs, officials âconfirmedâ.", "Brussels pledged €200 million for repairs, officials “confirmed”."},
		{"unspaced dash", "The forceâwhich has 900 troopsâwill stay, they âsaidâ.", "The force—which has 900 troops—will stay, they “said”."},
		{"lost ellipsis before the closing mark", "âWeâve seen this beforeââ she said.", "“We’ve seen this before…” she said."},
		{"question inside quote", "âWhy now?â he asked, and the Kremlinâs aide shrugged.", "“Why now?” he asked, and the Kremlin’s aide shrugged."},
		{"elided name", "Kenya and Côte dâIvoire signed, aides âsaidâ.", "Kenya and Côte d’Ivoire signed, aides “said”."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := body(t, tt.raw); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestGenuineCircumflex: text without the damage keeps its 'â'.
func TestGenuineCircumflex(t *testing.T) {
	tests := []struct{ name, raw string }{
		{"french place name", "Leaders met at the Château de Versailles on Monday."},
		{"word with circumflex and real quotes", "The “pâté” summit in Mâcon ended."},
		{"romanian town", "Officials in Râmnicu Vâlcea declined to comment."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := body(t, tt.raw); got != tt.raw {
				t.Errorf("got %q, want it unchanged", got)
			}
		})
	}
}

// TestSmartQuotes: straight ASCII marks become directed curly ones.
func TestSmartQuotes(t *testing.T) {
	tests := []struct{ name, raw, want string }{
		{"double pair", `He said "yes" twice.`, "He said “yes” twice."},
		{"quote at line start", `"We will go," she said.`, "“We will go,” she said."},
		{"nested single", `"They asked, 'Why now?'" he said.`, "“They asked, ‘Why now?’” he said."},
		{"apostrophes", `The agency's chief said they'd stay in the '90s style.`, "The agency’s chief said they’d stay in the ’90s style."},
		{"missing space after comma", `"Stop,"he said.`, "“Stop,”he said."},
		{"single-quote primary style", `'We will win,' the coach said.`, "‘We will win,’ the coach said."},
		{"guillemets", `Il a dit «non» hier.`, "Il a dit “non” hier."},
		{"low-9 opener", `Er sagte „nein“ heute.`, "Er sagte “nein” heute."},
		{"nordic closing mark used to open", `”Vi kommer,” sa han.`, "“Vi kommer,” sa han."},
		{"ascii double dash", "The plan -- if it holds -- ends the war.", "The plan — if it holds — ends the war."},
		{"spaced hyphen dash", "The plan - if it holds - ends the war.", "The plan — if it holds — ends the war."},
		{"hyphenated words stay", "A well-known, long-term plan.", "A well-known, long-term plan."},
		{"doubled single marks (NYT style)", "‘‘She definitely has the look,’’ said Rachel Woolard. ‘‘No.’’", "“She definitely has the look,” said Rachel Woolard. “No.”"},
		{"doubled apostrophes", "''Bernie seemed more transparent,'' she said of ''total crap'' -- one quote.", "“Bernie seemed more transparent,” she said of “total crap” — one quote."},
		{"grave accents and apostrophes (Treebank style)", "He called it ``the best,'' aides said.", "He called it “the best,” aides said."},
		{"doubled marks around a nested quote", "''They said, 'Wait,' and left,'' she said.", "“They said, ‘Wait,’ and left,” she said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := body(t, tt.raw); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestLineKinds: chrome, captions and bylines are dropped; a headline-like
// first line becomes the title.
func TestLineKinds(t *testing.T) {
	tests := []struct {
		name, raw string
		title     string
		body      string
	}{
		{"headline and body", "Ministers agree on grain corridor\nMinisters agreed on Monday to open a corridor.", "Ministers agree on grain corridor", "Ministers agreed on Monday to open a corridor."},
		{"no headline when first line is a sentence", "Ministers agreed on Monday to open a corridor.\nThe deal runs a year.", "", "Ministers agreed on Monday to open a corridor. | The deal runs a year."},
		{"recommended stories line", "Title of the story here\nFirst paragraph ends.\nRecommended Stories list of 3 itemsend of list\nSecond paragraph ends.", "Title of the story here", "First paragraph ends. | Second paragraph ends."},
		{"recommended stories glued into prose", "A sentence ends here. Recommended Stories list of 2 itemsend of list Another begins.", "", "A sentence ends here. Another begins."},
		{"recommended stories one item a line", "Body text one.\nRecommended Stories\nlist of 2 items\nlist 1 of 2\nWhy the port deal matters\nlist 2 of 2\nWho pays for the ships?\nend of list\nBody text two.", "", "Body text one. | Body text two."},
		{"read more and advertisement", "Body text one.\nRead more: Why the talks failed\nAdvertisement\nBody text two.", "", "Body text one. | Body text two."},
		{"share, sign up, follow", "Body text one.\nShare this article\nSign up for our daily briefing.\nFollow us on Twitter\nBody text two.", "", "Body text one. | Body text two."},
		{"caption with bracketed credit", "Body text one.\nSoldiers stand guard at a checkpoint near the border on Monday [Anna Berg via Reuters]\nBody text two.", "", "Body text one. | Body text two."},
		{"caption with photo credit bracket", "Body text one.\nA convoy crosses the river [Photo: Ivo Marsh/City Wire]\nBody text two.", "", "Body text one. | Body text two."},
		{"caption with parenthesised agency", "Body text one.\nThe president waves to supporters in the capital (AFP)\nBody text two.", "", "Body text one. | Body text two."},
		{"photo prefix", "Body text one.\nPhoto: Ships in the harbour at dawn.\nBody text two.", "", "Body text one. | Body text two."},
		{"short unpunctuated line", "Body text one.\nA new front opens\nBody text two.", "", "Body text one. | Body text two."},
		{"byline", "Talks resume in Geneva\nBy Jane Okafor and Li Wei\nTalks resumed on Monday.", "Talks resume in Geneva", "Talks resumed on Monday."},
		{"reuters footer", "Talks resumed on Monday.\nReporting by Jane Okafor; Editing by Sam Holt", "", "Talks resumed on Monday."},
		{"bracket inside prose kept", "He said this [a new attack] will not happen again.", "", "He said this [a new attack] will not happen again."},
		{"section label before the headline", "Ukraine war\nSkip to content\nAllies agree on a plan to guard the ports\nAllies agreed on Monday.", "Allies agree on a plan to guard the ports", "Allies agreed on Monday."},
		{"short headline kept", "Talks fail\nThe talks failed on Monday.", "Talks fail", "The talks failed on Monday."},
		{"parenthesised reuters footer", "Talks resumed on Monday.\n(Reporting by Jane Okafor in Lagos; Editing by Sam Holt)", "", "Talks resumed on Monday."},
		{"copyright line", "Talks resumed on Monday.\n© 2025 Example News. All rights reserved.", "", "Talks resumed on Monday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Normalize(tt.raw)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title {
				t.Errorf("title %q, want %q", d.Title, tt.title)
			}
			if got := body(t, tt.raw); got != tt.body {
				t.Errorf("body %q\nwant %q", got, tt.body)
			}
		})
	}
}

// TestDateline: the prefix of the first body paragraph.
func TestDateline(t *testing.T) {
	tests := []struct {
		name, first    string
		dateline, rest string
		published      time.Time
	}{
		{"wire with month and day", "UNITED NATIONS, October 2 (wire) — The council voted.", "UNITED NATIONS, October 2 (wire)", "The council voted.", time.Time{}},
		{"agency and hyphen", "PARIS (Reuters) - France said it would act.", "PARIS (Reuters)", "France said it would act.", time.Time{}},
		{"city and country", "KYIV, Ukraine — Sirens sounded overnight.", "KYIV, Ukraine", "Sirens sounded overnight.", time.Time{}},
		{"abbreviated month with double hyphen", "BRUSSELS, Jan. 5 -- Ministers met.", "BRUSSELS, Jan. 5", "Ministers met.", time.Time{}},
		{"full date", "GENEVA, March 14, 2024 (AP) — Talks opened.", "GENEVA, March 14, 2024 (AP)", "Talks opened.", time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)},
		{"day month year", "LONDON, 7 May 2023 — Voters went to the polls.", "LONDON, 7 May 2023", "Voters went to the polls.", time.Date(2023, 5, 7, 0, 0, 0, 0, time.UTC)},
		{"agency only", "(CNN) — The storm weakened.", "(CNN)", "The storm weakened.", time.Time{}},
		{"region and en dash", "SUVA, Fiji, August 27 (wire) – Leaders met.", "SUVA, Fiji, August 27 (wire)", "Leaders met.", time.Time{}},
		{"dateline on its own line", "KYIV, Ukraine (AP) —\nSirens sounded overnight.", "KYIV, Ukraine (AP)", "Sirens sounded overnight.", time.Time{}},
		{"sentence with a dash is no dateline", "The minister — who spoke late — left.", "", "The minister — who spoke late — left.", time.Time{}},
		{"capitalised words need a date or agency", "Paris, Berlin — and Rome agreed.", "", "Paris, Berlin — and Rome agreed.", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Normalize("A headline about the talks\n" + tt.first + "\nSecond paragraph.")
			if err != nil {
				t.Fatal(err)
			}
			if d.Dateline != tt.dateline {
				t.Errorf("dateline %q, want %q", d.Dateline, tt.dateline)
			}
			if got := d.Text[d.Paragraphs[1].Start:d.Paragraphs[1].End]; got != tt.rest {
				t.Errorf("paragraph %q, want %q", got, tt.rest)
			}
			if !d.Published.Equal(tt.published) {
				t.Errorf("published %v, want %v", d.Published, tt.published)
			}
		})
	}
}

// TestDatelineAfterStandfirst: a dated dateline may open the second body
// paragraph, after a standfirst.
func TestDatelineAfterStandfirst(t *testing.T) {
	d, err := Normalize("Allies agree a plan\nThe plan leaves out the navy — for now.\nROME, 4 May 2025 — Allies agreed a plan.")
	if err != nil {
		t.Fatal(err)
	}
	if d.Dateline != "ROME, 4 May 2025" || !strings.HasSuffix(d.Text, "\n\nAllies agreed a plan.") {
		t.Errorf("dateline %q, text %q", d.Dateline, d.Text)
	}
	d, err = Normalize("Allies agree a plan\nThe plan leaves out the navy.\nNATO — the alliance — agreed a plan.")
	if err != nil {
		t.Fatal(err)
	}
	if d.Dateline != "" {
		t.Errorf("dateline %q read from a sentence", d.Dateline)
	}
}

// TestPublishedLine: a full date on a "Published" line dates the article.
func TestPublishedLine(t *testing.T) {
	d, err := Normalize("Talks resume\nPublished On 6 Jan 2026\nTalks resumed on Monday.")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 1, 6, 0, 0, 0, 0, time.UTC); !d.Published.Equal(want) {
		t.Errorf("published %v, want %v", d.Published, want)
	}
	if d.Text != "Talks resume\n\nTalks resumed on Monday." {
		t.Errorf("text %q", d.Text)
	}
}

// TestInvalid: only empty, furniture-only or binary input is rejected.
func TestInvalid(t *testing.T) {
	tests := []struct{ name, raw string }{
		{"empty", ""},
		{"whitespace", " \n\t\r\n "},
		{"furniture only", "Advertisement\nShare this article"},
		{"binary", "\x00\x01\x02\x03\x04\x05PNG\x00\x00\x00\x1a\x00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Normalize(tt.raw)
			if code := pledgegraph.ErrorCode(err); code != pledgegraph.EINVALID {
				t.Errorf("error %v (code %q), want %s", err, code, pledgegraph.EINVALID)
			}
		})
	}
}

// TestLayout: paragraphs are separated by a blank line, spans cover Text.
func TestLayout(t *testing.T) {
	d, err := Normalize("Headline of the piece\n\n\nFirst  paragraph   here.\n  Second paragraph here.  \n")
	if err != nil {
		t.Fatal(err)
	}
	want := "Headline of the piece\n\nFirst paragraph here.\n\nSecond paragraph here."
	if d.Text != want {
		t.Fatalf("text %q, want %q", d.Text, want)
	}
	kinds := []annot.ParaKind{annot.Headline, annot.Body, annot.Body}
	if len(d.Paragraphs) != len(kinds) {
		t.Fatalf("%d paragraphs, want %d", len(d.Paragraphs), len(kinds))
	}
	for i, p := range d.Paragraphs {
		if p.Kind != kinds[i] {
			t.Errorf("paragraph %d kind %d, want %d", i, p.Kind, kinds[i])
		}
	}
	if d.ID != pledgegraph.DocumentID(d.Raw) {
		t.Errorf("ID %q is not the document ID of Raw", d.ID)
	}
}
