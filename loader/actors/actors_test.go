package actors_test

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"pledgegraph"
	"pledgegraph/loader/actors"
	"pledgegraph/loader/annot"
)

var textFile = flag.String("text", "", "print the actors and mentions read from this normalised text file (debugging aid)")

var (
	gazOnce sync.Once
	gaz     *actors.Gazetteer
	gazErr  error
)

func gazetteer(t testing.TB) *actors.Gazetteer {
	t.Helper()
	gazOnce.Do(func() { gaz, gazErr = actors.DefaultGazetteer() })
	if gazErr != nil {
		t.Fatal(gazErr)
	}
	return gaz
}

var (
	sentenceEnd = regexp.MustCompile(`[.!?][”’"]?\s+`)
	abbrev      = regexp.MustCompile(`(\b[A-Z]\.|\b(Mr|Mrs|Ms|Dr|Gen|Sens?|Reps?|Govs?|St|Lt|Col)\.)$`)
)

// doc builds a document by hand, as normalize and segment would: one
// paragraph per line, the first one a headline when it starts with "# ",
// sentences split after . ! ? and a space.
func doc(text string) *annot.Doc {
	d := &annot.Doc{}
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		kind := annot.Body
		if i == 0 && strings.HasPrefix(line, "# ") {
			kind, line = annot.Headline, strings.TrimPrefix(line, "# ")
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		start := b.Len()
		b.WriteString(line)
		d.Paragraphs = append(d.Paragraphs, annot.Paragraph{Span: annot.Span{Start: start, End: b.Len()}, Kind: kind})
	}
	d.Text = b.String()
	for pi, p := range d.Paragraphs {
		if p.Kind != annot.Body {
			continue
		}
		s := p.Start
		for _, loc := range sentenceEnd.FindAllStringIndex(d.Text[p.Start:p.End], -1) {
			if abbrev.MatchString(d.Text[max(p.Start, p.Start+loc[0]-7) : p.Start+loc[0]+1]) {
				continue // "U.S. Ambassador", "Gen. Smith", "John D. Podesta"
			}
			e := p.Start + loc[1]
			d.Sentences = append(d.Sentences, annot.Sentence{Span: annot.Span{Start: s, End: e}, Index: len(d.Sentences), Para: pi})
			s = e
		}
		if s < p.End {
			d.Sentences = append(d.Sentences, annot.Sentence{Span: annot.Span{Start: s, End: p.End}, Index: len(d.Sentences), Para: pi})
		}
	}
	return d
}

// summary renders actors as "kind:Name" plus, for persons, "[Title|Country]".
func summary(acts []pledgegraph.Actor) []string {
	var out []string
	for _, a := range acts {
		s := string(a.Kind) + ":" + a.Name
		if a.Kind == pledgegraph.KindPerson {
			s += "[" + a.Title + "|" + strings.TrimPrefix(a.Country, "actor:country:") + "]"
		}
		out = append(out, s)
	}
	return out
}

// links renders mentions as "surface→Name" (or "surface→?" unresolved).
func links(d *annot.Doc, acts []pledgegraph.Actor, ms []annot.Mention) []string {
	var out []string
	for _, m := range ms {
		who := "?"
		if m.Actor >= 0 {
			who = acts[m.Actor].Name
		}
		out = append(out, d.Slice(m.Span)+"→"+who)
	}
	return out
}

func TestDebugText(t *testing.T) {
	if *textFile == "" {
		t.Skip("no -text file")
	}
	b, err := os.ReadFile(*textFile)
	if err != nil {
		t.Fatal(err)
	}
	d := doc(string(b))
	acts, ms := actors.Recognize(d, gazetteer(t))
	t.Logf("\n%s", render(d, acts, ms))
}

// tc is one table case: the actors expected (summary form, in order of first
// mention) and mention links that must be present.
type tc struct {
	name   string
	text   string
	actors []string
	links  []string // "surface→Name" that must appear
	absent []string // "surface→Name" that must not appear
}

func run(t *testing.T, cases []tc) {
	t.Helper()
	g := gazetteer(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := doc(c.text)
			acts, ms := actors.Recognize(d, g)
			got := summary(acts)
			if c.actors != nil && !slices.Equal(got, c.actors) {
				t.Errorf("actors\n got  %q\n want %q", got, c.actors)
			}
			ls := links(d, acts, ms)
			for _, l := range c.links {
				if !slices.Contains(ls, l) {
					t.Errorf("missing mention %q; have %q", l, ls)
				}
			}
			for _, l := range c.absent {
				if slices.Contains(ls, l) {
					t.Errorf("unexpected mention %q", l)
				}
			}
		})
	}
}

func TestCountries(t *testing.T) {
	run(t, []tc{
		{name: "abbreviations",
			text:   "The U.S. and the UAE signed a minerals deal with the DRC, while the UK watched.",
			actors: []string{"country:United States", "country:United Arab Emirates", "country:Democratic Republic of the Congo", "country:United Kingdom"},
			links:  []string{"U.S.→United States", "UAE→United Arab Emirates", "DRC→Democratic Republic of the Congo", "UK→United Kingdom"}},
		{name: "official and alternative names",
			text:   "Officials from the Russian Federation, Czechia and Türkiye met envoys of the Republic of Korea.",
			actors: []string{"country:Russia", "country:Czech Republic", "country:Turkey", "country:South Korea"}},
		{name: "capitalisation decides",
			text:   "They flew us to Turkey for a turkey dinner, and Chad Ellis stayed in snowy Oslo.",
			actors: []string{"country:Turkey"},
			absent: []string{"us→United States"}},
		{name: "demonyms adjective and plural",
			text:   "Ukrainians and the French welcomed Polish support, and the Americans agreed.",
			actors: []string{"country:Ukraine", "country:France", "country:Poland", "country:United States"},
			links:  []string{"Ukrainians→Ukraine", "French→France", "Polish→Poland", "Americans→United States"}},
		{name: "compound names win over their parts",
			text:   "South Sudan and Sudan traded accusations; Guinea-Bissau and Papua New Guinea abstained.",
			actors: []string{"country:South Sudan", "country:Sudan", "country:Guinea-Bissau", "country:Papua New Guinea"}},
		{name: "hyphenated compounds",
			text:   "The Kenyan-led mission discussed US-Ukraine ties.",
			actors: []string{"country:Kenya", "country:United States", "country:Ukraine"},
			links:  []string{"Kenyan→Kenya", "US→United States", "Ukraine→Ukraine"}},
		{name: "regions are never states",
			text:   "Ships crossed the Indian Ocean and the South China Sea to reach Greenland and Crimea.",
			actors: nil},
		{name: "a state inside a place name",
			text:   "Aid reached Port Sudan and El Fasher on Monday.",
			actors: nil},
		{name: "calendar words and chrome",
			text:   "On Tuesday, March 3, Recommended Stories appeared. In May the talks resumed.",
			actors: nil},
	})
	// "actors: nil" above means no actor at all
}

func TestCapitals(t *testing.T) {
	run(t, []tc{
		{name: "metonym vs place",
			text:   "Ministers gathered in Paris on Monday. Paris could contribute troops, and Washington’s top general agreed.",
			actors: []string{"country:France", "country:United States"},
			links:  []string{"Paris→France", "Washington→United States"}},
		{name: "place only makes no actor",
			text:   "Delegates met in Canberra and Wellington, then flew to Ottawa.",
			actors: nil},
		{name: "modifier is a place",
			text:   "The Beijing talks ended without a deal.",
			actors: nil},
		{name: "object of a verb of telling is the state",
			text:   "The envoy told Kyiv that Moscow had rejected the plan.",
			actors: []string{"country:Ukraine", "country:Russia"}},
		{name: "Brussels stands for the EU",
			text:   "Brussels said it would respond, as NATO ministers met in Brussels.",
			actors: []string{"organization:European Union", "organization:NATO"},
			links:  []string{"Brussels→European Union"}},
		{name: "hyphenated place",
			text:   "A Paris-based think tank and a Moscow-backed militia clashed.",
			actors: []string{"country:Russia"}},
		{name: "capital inside a longer name",
			text:   "The Washington Post reported that George Washington University closed.",
			actors: nil},
	})
}

func TestOrganizations(t *testing.T) {
	run(t, []tc{
		{name: "gazetteer names and acronyms",
			text:   "NATO, the EU and the African Union met the IMF and the World Food Programme.",
			actors: []string{"organization:NATO", "organization:European Union", "organization:African Union", "organization:International Monetary Fund", "organization:World Food Programme"}},
		{name: "acronym only in capitals",
			text:   "Who said the Eu was late?",
			actors: nil},
		{name: "UN organ is its own actor",
			text:   "The UN Security Council voted. The council’s vote surprised the UN.",
			actors: []string{"organization:United Nations Security Council", "organization:United Nations"},
			links:  []string{"The council→United Nations Security Council"}},
		{name: "acronym defined in parentheses",
			text:   "The Sahel Water Partnership (SWP) opened an office. SWP officials said the Sahel Water Partnership would grow.",
			actors: []string{"organization:Sahel Water Partnership"},
			links:  []string{"SWP→Sahel Water Partnership"}},
		{name: "capitalised name with organization noun",
			text:   "The Arctic Fisheries Alliance and the Kenya Defence Forces signed a deal.",
			actors: []string{"organization:Arctic Fisheries Alliance", "organization:Kenya Defence Forces"}},
		{name: "quoted group and its anaphors",
			text:   "Donors formed a so-called “club of lenders” in March. The club said the allies would meet again.",
			actors: []string{"organization:Club of Lenders"},
			links:  []string{"club of lenders→Club of Lenders", "The club→Club of Lenders"}},
		{name: "ministry of a state",
			text:   "Peru’s foreign ministry said talks would resume. The ministry said Lima was ready.",
			actors: []string{"country:Peru", "organization:Peruvian Foreign Ministry"},
			links:  []string{"foreign ministry→Peruvian Foreign Ministry", "The ministry→Peruvian Foreign Ministry", "Lima→Peru"}},
		{name: "ministry written as a name",
			text:   "Japan’s Ministry of Foreign Affairs protested.",
			actors: []string{"country:Japan", "organization:Japanese Foreign Ministry"}},
		{name: "ministry with its state after it",
			text:   "The Ministry of Foreign Affairs of Ukraine said Kyiv was ready, and Ukraine’s foreign ministry agreed.",
			actors: []string{"organization:Ukrainian Foreign Ministry", "country:Ukraine"},
			links:  []string{"Ministry of Foreign Affairs→Ukrainian Foreign Ministry", "Ukraine→Ukraine", "foreign ministry→Ukrainian Foreign Ministry"}},
		{name: "one foreign ministry however it is written",
			text:   "Japan’s foreign ministry protested, and Japan’s Ministry of Foreign Affairs later summoned the envoy.",
			actors: []string{"country:Japan", "organization:Japanese Foreign Ministry"}},
		{name: "armed forces acting",
			text:   "The Malian army, which controls the north, said it would hold talks.",
			actors: []string{"country:Mali", "organization:Malian Army"},
			links:  []string{"Malian→Mali", "army→Malian Army"}},
		{name: "armed forces as object only",
			text:   "Donors asked how the Malian army would be financed.",
			actors: []string{"country:Mali"}},
		{name: "armed forces in the gazetteer",
			text:   "The Sudanese army did not respond.",
			actors: []string{"country:Sudan", "organization:Sudanese Armed Forces"},
			links:  []string{"Sudanese→Sudan", "army→Sudanese Armed Forces"}},
		{name: "a state body's short name inside a longer name",
			text:   "The African Union’s Peace and Security Council met, and Russia’s Security Council replied.",
			actors: []string{"organization:African Union", "country:Russia"}},
		{name: "another state's office",
			text:   "The German Foreign Office said the Indian National Congress had called.",
			actors: []string{"organization:German Foreign Office", "organization:Indian National Congress"}},
		{name: "a state's generic body",
			text:   "China’s Coast Guard fired water cannon, the National Security Council said.",
			actors: []string{"country:China", "organization:Chinese Coast Guard"}},
		{name: "an acronym of a place is no organization",
			text:   "Ships sailed into the West Philippine Sea (WPS) as WPS patrols grew.",
			actors: nil},
		{name: "ministry of a territory",
			text:   "The Gaza Health Ministry said 30 people died. The Foreign Ministry said nothing.",
			actors: []string{"organization:Gaza Health Ministry"}},
		{name: "demonym inside a name",
			text:   "The French Open and Chinese New Year drew crowds; Turkish Airlines added flights.",
			actors: []string{"organization:Turkish Airlines"}},
		{name: "agencies and platforms",
			text:   "Writing on Telegram, the minister cited Reuters and the Associated Press.",
			actors: []string{"organization:Telegram", "organization:Reuters", "organization:Associated Press"}},
	})
}

func TestPersons(t *testing.T) {
	run(t, []tc{
		{name: "office with nationality, then surname",
			text:   "Brazilian Foreign Minister Ana Souza said the deal was fair. Souza’s deputy agreed, and Souza left.",
			actors: []string{"country:Brazil", "person:Ana Souza[Foreign Minister|brazil]"},
			links:  []string{"Ana Souza→Ana Souza", "Souza→Ana Souza"}},
		{name: "office with a state and possessive",
			text:   "Tuvalu’s Prime Minister Semi Tafua spoke first.",
			actors: []string{"country:Tuvalu", "person:Semi Tafua[Prime Minister|tuvalu]"}},
		{name: "office with a complement",
			text:   "U.S. Ambassador to the United Nations Rachel Hume said the vote mattered.",
			actors: []string{"country:United States", "organization:United Nations", "person:Rachel Hume[Ambassador to the United Nations|united-states]"}},
		{name: "lower-case office after a body",
			text:   "UN relief chief Omar Said warned of famine. Kremlin spokesman Ivan Orlov declined to comment.",
			actors: []string{"organization:United Nations", "person:Omar Said[relief chief|]", "organization:Kremlin", "person:Ivan Orlov[spokesman|russia]"}},
		{name: "apposition before the name",
			text:   "Chile’s deputy trade minister, Pablo Rojas, said exports would rise.",
			actors: []string{"country:Chile", "person:Pablo Rojas[deputy trade minister|chile]"}},
		{name: "apposition after the name",
			text:   "“We need access,” said Mira Lind, the agency’s regional director.",
			actors: []string{"person:Mira Lind[regional director|]"}},
		{name: "capital's possessive gives the state",
			text:   "The talks were attended by Washington’s top general in Europe, Alexus Brand.",
			actors: []string{"country:United States", "person:Alexus Brand[top general in Europe|united-states]"}},
		{name: "coordinated names share the office",
			text:   "Japanese envoys Kenji Sato and Yuki Mori arrived on Monday.",
			actors: []string{"country:Japan", "person:Kenji Sato[envoys|japan]", "person:Yuki Mori[envoys|japan]"}},
		{name: "sentence-initial words stay out of names",
			text:   "German Chancellor Anna Vogt spoke. But Vogt said little. Writing on Telegram, Vogt thanked Kyiv.",
			actors: []string{"country:Germany", "person:Anna Vogt[Chancellor|germany]", "organization:Telegram", "country:Ukraine"},
			links:  []string{"Vogt→Anna Vogt"}},
		{name: "head of government takes the nearby state",
			text:   "Germany signalled caution. Chancellor Anna Vogt said German forces could help.",
			actors: []string{"country:Germany", "person:Anna Vogt[Chancellor|germany]"}},
		{name: "accents kept, unaccented alias",
			text:   "Hungarian Foreign Minister Péter Szőke met Marc-André Roy, who leads the mission.",
			actors: []string{"country:Hungary", "person:Péter Szőke[Foreign Minister|hungary]", "person:Marc-André Roy[|]"}},
		{name: "family name first",
			text:  "Chinese Commerce Minister Zhao Mingli arrived. Zhao said trade would grow.",
			links: []string{"Zhao→Zhao Mingli"}},
		{name: "single name after an office",
			text:   "President Lula said Brazil would help.",
			actors: []string{"person:Lula[President|brazil]", "country:Brazil"}},
		{name: "given name that is a state",
			text:   "Jordan Bardella said the vote was close.",
			actors: []string{"person:Jordan Bardella[|]"}},
		{name: "no evidence, no person",
			text:   "Aid convoys left Kalma Camp and Nyala Town.",
			actors: nil},
		{name: "office with a capitalised complement",
			text:   "US Secretary of State Marco Ruiz, speaking in Rome, said talks would go on.",
			actors: []string{"country:United States", "person:Marco Ruiz[Secretary of State|united-states]"}},
		{name: "abbreviated office",
			text:   "Sen. Lindsey Grant, a Republican, praised the move.",
			actors: []string{"person:Lindsey Grant[Sen.|]"}},
		{name: "joined particles and later surname",
			text:   "Egypt’s President Abdel Fattah el-Sami met Khalil al-Hadi, who leads the group. Sami’s office confirmed it.",
			actors: []string{"country:Egypt", "person:Abdel Fattah el-Sami[President|egypt]", "person:Khalil al-Hadi[|]"},
			links:  []string{"Sami→Abdel Fattah el-Sami"}},
		{name: "a name ending another name is that person",
			text:   "European Commission President Ursula von der Heide spoke. Von der Heide said aid would rise.",
			actors: []string{"organization:European Commission", "person:Ursula von der Heide[President|]"},
			links:  []string{"Von der Heide→Ursula von der Heide"}},
		{name: "surname read alone elsewhere",
			text:   "The talks involved Vladimir Petrov on Tuesday. Petrov later left.",
			actors: []string{"person:Vladimir Petrov[|]"}},
		{name: "coordination with a person",
			text:   "Donald Grey and Vladimir Petrov spoke by phone, said Vladimir Petrov’s aide.",
			actors: []string{"person:Donald Grey[|]", "person:Vladimir Petrov[|]"}},
		{name: "head of state takes the state of an institution, not another leader's",
			text:   "Indian Prime Minister Narendra Rao spoke with President Dan Cole by phone, the White House said.",
			actors: []string{"country:India", "person:Narendra Rao[Prime Minister|india]", "person:Dan Cole[President|united-states]", "organization:White House"}},
		{name: "possessive state before a name",
			text:   "President Joe Biden met Russia’s Vladimir Putin in Geneva. Ukraine’s Zelenskyy said the talks failed, as Ukraine’s Kharkiv region was shelled.",
			actors: []string{"person:Joe Biden[President|]", "country:Russia", "person:Vladimir Putin[|russia]", "country:Ukraine", "person:Zelenskyy[|ukraine]"}},
		{name: "hyphenated office",
			text:   "Then-President Joe Biden spoke.",
			actors: []string{"person:Joe Biden[Then-President|]"}},
		// PolNeAR politico_2016-06-13: a lower-case office with a prefix
		// ("then-President") after a word that is no office was dropped
		// from its own title, and the empty title's slice panicked.
		{name: "lower-case prefixed office after a complement",
			text:   "Juan Zarate, a top terrorism adviser to then-President George W. Bush, also questioned Trump’s logic.",
			actors: []string{"person:Juan Zarate[|]", "person:George W. Bush[then-President|]"}},
		{name: "middle initials stay in the name",
			text:   "Campaign chairman John D. Podesta said the emails were stolen. Secretary of State John F. Kerry met House Speaker Paul D. Ryan and George H.W. Bush. Podesta left; John Podesta and George Bush stayed.",
			actors: []string{"person:John D. Podesta[Campaign chairman|]", "person:John F. Kerry[Secretary of State|]", "person:Paul D. Ryan[House Speaker|]", "person:George H.W. Bush[|]"},
			links:  []string{"Podesta→John D. Podesta", "John Podesta→John D. Podesta", "George Bush→George H.W. Bush"}},
		{name: "plural abbreviated office",
			text:   "Sens. Tim Kaine and Mark Warner spoke.",
			actors: []string{"person:Tim Kaine[Sens.|]", "person:Mark Warner[Sens.|]"}},
		{name: "lower-case prefixed office at the start of the text",
			text:   "then-president Bill Clinton left. Clinton’s aide stayed.",
			actors: []string{"person:Bill Clinton[then-president|]"}},
		{name: "a state owning a thing is no leader's state",
			text:   "China’s statement answered President Ferdinand Marco’s concern over rules set by China’s coast guard.",
			actors: []string{"country:China", "person:Ferdinand Marco[President|]"}},
		{name: "honorific is no office",
			text:   "Mr Tomas Berg said the talks were over.",
			actors: []string{"person:Tomas Berg[|]"}},
		{name: "verb of saying before the name",
			text:   "“It is late,” said Tomas Berg.",
			actors: []string{"person:Tomas Berg[|]"}},
	})
}

func TestRoles(t *testing.T) {
	run(t, []tc{
		{name: "role links to the holder",
			text:  "German Defence Minister Katrin Wolf spoke. The minister said jets were ready.",
			links: []string{"The minister→Katrin Wolf"}},
		{name: "two prime ministers: the last mentioned",
			text:  "Fijian Prime Minister Josefa Ravu spoke. Samoan Prime Minister Ana Tui replied. The prime minister said more.",
			links: []string{"The prime minister→Ana Tui"}},
		{name: "a prime minister is not any minister",
			text:   "Climate Minister Dan Hart spoke. The prime minister said nothing.",
			absent: []string{"The prime minister→Dan Hart"}},
		{name: "unresolved role stays open",
			text:  "Kenyan Cabinet Secretary Joseph Kip spoke, and the cabinet secretary later said more.",
			links: []string{"the cabinet secretary→Joseph Kip"}},
		{name: "organization anaphors",
			text:  "NATO met in Brussels. The alliance said this alliance would act, and the EU said the bloc agreed.",
			links: []string{"The alliance→NATO", "this alliance→NATO", "the bloc→European Union"}},
		{name: "a body's role links to that body's holder",
			text:  "Kremlin spokesman Pavel Orlov spoke first. The Kremlin spokesman said talks were over.",
			links: []string{"spokesman→Pavel Orlov"}},
		{name: "another body's role is not that holder's",
			text:   "Kremlin spokesman Pavel Orlov spoke first. The State Department spokesman said talks would go on.",
			links:  []string{"spokesman→State Department"},
			absent: []string{"spokesman→Pavel Orlov"}},
		{name: "generic nouns without an antecedent",
			text:   "The president of the club said the minister was late.",
			actors: nil},
	})
}

// TestSpans checks the mention invariants on the real articles: spans in
// bounds, sorted, non-overlapping; sentence indices right; every actor
// mentioned and every Actor index valid.
func TestSpans(t *testing.T) {
	g := gazetteer(t)
	for _, a := range append(goldArticles(t), heldOutArticles(t)...) {
		raw, err := os.ReadFile(a.text)
		if err != nil {
			t.Fatal(err)
		}
		d := annotate(t, string(raw))
		acts, ms := actors.Recognize(d, g)
		checkInvariants(t, d, acts, ms)
	}
}

func checkInvariants(t *testing.T, d *annot.Doc, acts []pledgegraph.Actor, ms []annot.Mention) {
	t.Helper()
	seen := make([]bool, len(acts))
	for i, m := range ms {
		if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
			t.Fatalf("mention %d span %v out of bounds (text %d bytes)", i, m.Span, len(d.Text))
		}
		if i > 0 && ms[i-1].End > m.Start {
			t.Errorf("mentions %d and %d overlap or are unsorted: %v %v", i-1, i, ms[i-1].Span, m.Span)
		}
		if m.Actor < -1 || m.Actor >= len(acts) {
			t.Fatalf("mention %d links actor %d of %d", i, m.Actor, len(acts))
		}
		if m.Actor >= 0 {
			seen[m.Actor] = true
		}
		if want := d.SentenceAt(m.Start); m.Sentence != want {
			t.Errorf("mention %q: sentence %d, want %d", d.Slice(m.Span), m.Sentence, want)
		}
	}
	ids := map[string]bool{}
	for i, a := range acts {
		if !a.Kind.Valid() || a.Name == "" || a.ID != pledgegraph.ActorID(a.Kind, a.Name) {
			t.Errorf("actor %d malformed: %+v", i, a)
		}
		if ids[a.ID] {
			t.Errorf("duplicate actor ID %s", a.ID)
		}
		ids[a.ID] = true
		if !seen[i] {
			t.Errorf("actor %q has no mention", a.Name)
		}
	}
}

// BenchmarkRecognize measures one pass over a dev article.
func BenchmarkRecognize(b *testing.B) {
	arts := goldArticles(b)
	raw, err := os.ReadFile(arts[1].text)
	if err != nil {
		b.Fatal(err)
	}
	d := annotate(b, string(raw))
	g := gazetteer(b)
	b.ResetTimer()
	for range b.N {
		actors.Recognize(d, g)
	}
}

// TestLargeInput guards against super-linear passes: a long article made of
// many copies of the dev articles must be read quickly.
func TestLargeInput(t *testing.T) {
	var b strings.Builder
	for b.Len() < 150_000 {
		for _, a := range goldArticles(t) {
			raw, err := os.ReadFile(a.text)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(raw)
			b.WriteString("\n")
		}
	}
	d := doc(b.String())
	start := time.Now()
	acts, ms := actors.Recognize(d, gazetteer(t))
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("Recognize took %v over %d bytes", el, len(d.Text))
	}
	t.Logf("%d bytes: %d actors, %d mentions in %v", len(d.Text), len(acts), len(ms), time.Since(start))
}

// TestPathologicalInput guards against super-linear behaviour on inputs no
// article has: thousands of distinct persons and roles, one endless
// sentence of offices, many parentheses and quotes.
func TestPathologicalInput(t *testing.T) {
	var b strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&b, "Defence Minister Ab%c%d Cd%c%d said the minister left. ", 'a'+i%26, i, 'a'+i%7, i)
	}
	b.WriteString("\n")
	for range 2000 {
		b.WriteString("Minister Secretary General ")
	}
	b.WriteString("Xavier Yu said.\n")
	for range 1000 {
		b.WriteString("The Long Name (LN) “club of lenders” (")
	}
	b.WriteString("\n")
	// many organizations read from the text, each linked everywhere
	for i := range 1000 {
		fmt.Fprintf(&b, "Orgco%d said it would act, the firm Corpo%d agreed, and Bodyco%d, the state company, and the Russian embassy in Town%d. ", i, i, i, i)
	}
	g := gazetteer(t)
	for _, d := range []*annot.Doc{doc(b.String()), {Text: b.String()}} {
		start := time.Now()
		acts, ms := actors.Recognize(d, g)
		if el := time.Since(start); el > 10*time.Second {
			t.Errorf("Recognize took %v over %d bytes", el, len(d.Text))
		}
		t.Logf("%d bytes: %d actors, %d mentions in %v", len(d.Text), len(acts), len(ms), time.Since(start))
	}
}

func TestRoleAmbiguous(t *testing.T) {
	g := gazetteer(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Fijian Prime Minister Josefa Ravu spoke. Samoan Prime Minister Ana Tui replied. The prime minister said more.", true},
		{"Fijian Prime Minister Josefa Ravu spoke. The prime minister said more.", false},
		{"Peru’s foreign ministry and Chile’s foreign ministry met. The ministry said no.", true},
	} {
		d := doc(tc.text)
		d.Actors, d.Mentions = actors.Recognize(d, g)
		got, roles := false, 0
		for _, m := range d.Mentions {
			if m.Kind == annot.Role {
				roles++
				got = got || actors.RoleAmbiguous(d, m)
			}
		}
		if roles == 0 || got != tc.want {
			t.Errorf("%q: %d roles, ambiguous %v, want %v", tc.text, roles, got, tc.want)
		}
	}
}

func TestTextOrganizations(t *testing.T) {
	run(t, []tc{
		{name: "describing noun before the name, with the state's possessive",
			text:   "Moldova’s gas operator Moldovagaz said it would buy fuel from Romania.",
			actors: []string{"country:Moldova", "organization:Moldovagaz", "country:Romania"},
			links:  []string{"Moldova→Moldova", "Moldovagaz→Moldovagaz"}},
		{name: "describing noun after a determiner, name joined by &",
			text:   "Grain moved through its export agency Agrotrade and the shipping firm Black & Coastal Lines.",
			actors: []string{"organization:Agrotrade", "organization:Black & Coastal Lines"}},
		{name: "state adjective before the describing noun",
			text:   "Turkish defence contractor Kalevo Systems offered drones.",
			actors: []string{"country:Turkey", "organization:Kalevo Systems"}},
		{name: "apposition after the name gives the organization and its state",
			text:   "Energoatom, the Ukrainian state nuclear operator that runs four plants, said it had cut output. Later Energoatom said the line was repaired.",
			actors: []string{"organization:Energoatom", "country:Ukraine"},
			links:  []string{"Energoatom→Energoatom", "Ukrainian→Ukraine"}},
		{name: "apposition headed by an office is no organization",
			text:   "Halvard Moe, the company’s chief executive, said sales fell.",
			actors: []string{"person:Halvard Moe[chief executive|]"}},
		{name: "named set off by commas after the describing noun",
			text:   "Hungary’s governing party, Union of Civic Renewal, said it would abstain.",
			actors: []string{"country:Hungary", "organization:Union of Civic Renewal"}},
		{name: "name before a lower-case describing noun",
			text:   "Deputies of the opposition Green Horizon party walked out.",
			actors: []string{"organization:Green Horizon"},
			links:  []string{"Green Horizon→Green Horizon"}},
		{name: "a person in a relative clause after the describing noun",
			text:   "Voters deserted the party Marta Lindqvist founded, and the movement Zbyszko Orlik leads.",
			actors: []string{"person:Marta Lindqvist[|]"}},
		{name: "a state adjective before an outlet",
			text:   "The Lithuanian daily Vakaro Zinios reported the leak.",
			actors: []string{"country:Lithuania", "organization:Vakaro Zinios"}},
		{name: "a place before a company noun is no name",
			text:   "The Ohio company and a Wall Street firm said nothing.",
			actors: nil},
		{name: "a sentence adverb before a clause is no apposition",
			text:   "Worse, the company said it would close. Second, the bank said it was worried. Regardless, the party will meet.",
			actors: nil},
		{name: "an apposition of a place or a person",
			text:   "Kherson, a port city, was shelled. “We wait,” Pavlenko, a company director, said.",
			actors: nil},
		{name: "a name with connectors before an apposition",
			text:   "Keepers of the Delta, a campaign group, sued the ministry.",
			actors: []string{"organization:Keepers of the Delta"}},
		{name: "a name set off by commas after a state's company",
			text:   "The Czech carmaker, Brnovia Auto, recalled cars.",
			actors: []string{"country:Czech Republic", "organization:Brnovia Auto"}},
		{name: "a noun that describes no organization",
			text:   "The tank Leopard rolled past the museum Arsenal.",
			actors: nil},
		{name: "earlier mentions of a name introduced later",
			text:   "Talks with Transgaz stalled. Transgaz, the Romanian pipeline company, blamed the weather.",
			links:  []string{"Transgaz→Transgaz"},
			absent: []string{}},
		{name: "single name speaking like an organization",
			text:   "Petrovia said in a statement that it would halt exports. Petrovia later resumed them.",
			actors: []string{"organization:Petrovia"},
			links:  []string{"Petrovia→Petrovia"}},
		{name: "single name speaking about something called it",
			text:   "Kovalenko said it was a disgrace.",
			actors: nil},
		{name: "speakers that are common nouns or persons",
			text:   "Witnesses said it was loud. Investigators said it would take weeks. Anneke said it was late.",
			actors: nil},
		{name: "a person's surname is no organization",
			text:   "Economy Minister Lotta Rahm spoke first. Rahm said it would take a year.",
			actors: []string{"person:Lotta Rahm[Economy Minister|]"}},
		{name: "demonym opening a speaking name belongs to it",
			text:   "Qatari Diar said its fund would grow.",
			actors: []string{"organization:Qatari Diar"}},
		{name: "multi-word name holding a place that speaks as it",
			text:   "Vilnius Energija said it would raise prices.",
			actors: []string{"organization:Vilnius Energija"}},
		{name: "multi-word name of a person speaking about it",
			text:   "Wopke Brandsma said it would take years.",
			actors: []string{"person:Wopke Brandsma[|]"}},
		{name: "embassy of a state, with its city",
			text:   "The Serbian embassy in Vienna said visas were suspended. The embassy said more later.",
			actors: []string{"country:Serbia", "organization:Serbian Embassy in Vienna"},
			links:  []string{"Serbian→Serbia", "embassy in Vienna→Serbian Embassy in Vienna", "The embassy→Serbian Embassy in Vienna"}},
		{name: "one embassy named with and without its city",
			text:   "The Chilean Embassy in Rome said visas were ready. Later the Chilean embassy said nothing more.",
			actors: []string{"country:Chile", "organization:Chilean Embassy in Rome"}},
		{name: "embassy after a possessive",
			text:   "Peru’s consulate said nothing.",
			actors: []string{"country:Peru", "organization:Peruvian Consulate"}},
		{name: "a capital before embassy is a place",
			text:   "The Paris embassy closed.",
			actors: nil},
		{name: "red cross and crescent societies",
			text:   "The Kenyan Red Cross and the Syrian Arab Red Crescent sent teams.",
			actors: []string{"organization:Kenyan Red Cross", "organization:Syrian Arab Red Crescent"}},
		{name: "a complement names the body",
			text:   "A fellow at the Institute for Arctic Policy Research said the ice was thin.",
			actors: []string{"organization:Institute for Arctic Policy Research"}},
		{name: "generic complement names no one",
			text:   "The Ministry of Foreign Affairs said it was ready.",
			actors: nil},
		{name: "company names with generic first words",
			text:   "General Dynamics and National Electric said they would bid.",
			actors: []string{"organization:General Dynamics", "organization:National Electric"}},
		{name: "a place ending in an organization noun",
			text:   "Settlers moved into the West Bank.",
			actors: nil},
	})
}

func TestUnfamiliarTitles(t *testing.T) {
	run(t, []tc{
		{name: "state's possessive and an office the lexicon does not know",
			text:   "Iceland’s Althing speaker, Sigrun Jonsdottir, said Reykjavik would vote.",
			actors: []string{"country:Iceland", "person:Sigrun Jonsdottir[Althing speaker|iceland]"}},
		{name: "capitalised unknown office",
			text:   "Malta’s Ombudsman, Carmel Vella, said the report was late.",
			actors: []string{"country:Malta", "person:Carmel Vella[Ombudsman|malta]"}},
		{name: "unknown office after the name",
			text:   "Tuomas Lehto, Finland’s Arctic envoy-at-large, said Helsinki was ready.",
			actors: []string{"person:Tuomas Lehto[Arctic envoy-at-large|finland]", "country:Finland"}},
		{name: "an office's lower-case complement",
			text:   "“We are ready,” said Ilse Brandt, the agency’s head of field operations.",
			actors: []string{"person:Ilse Brandt[head of field operations|]"}},
		{name: "the state of the body a person works at",
			text:   "Kai Ohlsen, a secretary of state at Norway’s Ministry of Trade, said Oslo agreed.",
			actors: []string{"person:Kai Ohlsen[secretary of state|norway]", "country:Norway", "organization:Norwegian Trade Ministry"}},
		{name: "initials after an office",
			text:   "Senator J.R. Calloway said the bill would pass.",
			actors: []string{"person:J.R. Calloway[Senator|]"}},
	})
}

func TestGivenNames(t *testing.T) {
	run(t, []tc{
		{name: "names in a list",
			text:   "Guests included Marta Kowalczyk, Henrik Aas and Leila Haddad.",
			actors: []string{"person:Marta Kowalczyk[|]", "person:Henrik Aas[|]", "person:Leila Haddad[|]"}},
		{name: "names that are places, things or groups",
			text:   "Pilgrims reached Victoria Falls before the Nobel Prize ceremony, and the Christian Democrats met at the Victoria Line.",
			actors: nil},
		{name: "a given name inside a longer name",
			text:   "Boats neared Second Thomas Reef.",
			actors: nil},
		{name: "given name and surname, later surname alone",
			text:   "Paolo Ferri met the mayor. Ferri said the road would reopen.",
			actors: []string{"person:Paolo Ferri[|]"},
			links:  []string{"Ferri→Paolo Ferri"}},
	})
}

func TestRegionDemonyms(t *testing.T) {
	run(t, []tc{
		{name: "demonym naming a region",
			text:   "Aid reached the Palestinian territories and the Kurdish region.",
			actors: nil},
		{name: "demonym naming the state's region",
			text:   "Drones hit the Russian region of Belgorod and Ukrainian cities.",
			actors: []string{"country:Russia", "country:Ukraine"}},
		{name: "a region demonym does not break an office",
			text:   "Ola Berg, the UN coordinator for the Palestinian territories, said trucks waited.",
			actors: []string{"person:Ola Berg[UN coordinator|]", "organization:United Nations"}},
	})
}

func TestLeaderCountry(t *testing.T) {
	run(t, []tc{
		{name: "the state opening the reported clause",
			text:   "President Ilves said Estonia would send engineers.",
			actors: []string{"person:Ilves[President|estonia]", "country:Estonia"}},
		{name: "the other party is never the leader's state",
			text:   "President Marlow threatened Venezuela with sanctions and said Cuba must also act.",
			actors: []string{"person:Marlow[President|]", "country:Venezuela", "country:Cuba"}},
		{name: "a state already led by another president",
			text:   "Chilean President Rosa Vidal met President Tomas Lind. Lind said Chile would get help.",
			actors: []string{"country:Chile", "person:Rosa Vidal[President|chile]", "person:Tomas Lind[President|]"}},
		{name: "two candidate states leave it empty",
			text:   "Prime Minister Aino Salo said Finland and Sweden would apply.",
			actors: []string{"person:Aino Salo[Prime Minister|]", "country:Finland", "country:Sweden"}},
		{name: "a later sentence where the person speaks",
			text:   "Treasury Secretary Dana Pike arrived on Monday. Pike said Washington would not pay.",
			actors: []string{"person:Dana Pike[Treasury Secretary|united-states]", "country:United States"}},
		{name: "a secretary general speaks for no state",
			text:   "Secretary General Omar Haddad said Norway would host the talks.",
			actors: []string{"person:Omar Haddad[Secretary General|]", "country:Norway"}},
	})
}
