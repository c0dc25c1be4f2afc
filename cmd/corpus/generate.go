package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Generator writes articles for one seed. Article i depends only on the seed
// and i, so the first n articles of a larger run are the articles of a run
// with -n n.
type Generator struct {
	seed uint64
	cast []person
	byC  [][]int // country index → indices into cast of its officials (head first)
	byO  [][]int // organization index → its officials (head first)
}

// person is an invented official.
type person struct {
	First, Last string
	Female      bool
	Title       string // "Defence Minister", "Secretary-General", "spokesperson"
	Country     int    // index into countries, or -1
	Org         int    // index into organizations, or -1
}

func (p person) Full() string { return p.First + " " + p.Last }

// NewGenerator draws the cast for a seed: five officials per country (the
// head of government and four ministers) and three per organization.
func NewGenerator(seed uint64) *Generator {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	g := &Generator{seed: seed, byC: make([][]int, len(countries)), byO: make([][]int, len(organizations))}
	used := map[string]bool{}
	// draw invents a person of a pool: a full name never used before, and a
	// surname of its own while the pool has some left (so that a surname
	// alone names one official in most articles).
	draw := func(poolName string) person {
		pl := pools[poolName]
		for try := 0; ; try++ {
			p := person{Female: r.IntN(2) == 0, Last: pl.Surnames[r.IntN(len(pl.Surnames))], Country: -1, Org: -1}
			if p.Female {
				p.First = pl.Female[r.IntN(len(pl.Female))]
			} else {
				p.First = pl.Male[r.IntN(len(pl.Male))]
			}
			if used[p.Full()] || (used[p.Last] && try < 50) {
				if try > 10000 {
					panic("name pool " + poolName + " exhausted") // data error, caught by the tests
				}
				continue
			}
			used[p.Full()], used[p.Last] = true, true
			return p
		}
	}
	for ci, c := range countries {
		titles := append([]string{c.Head}, pick(r, ministers, 4)...)
		for _, t := range titles {
			p := draw(c.Pool)
			p.Title, p.Country = t, ci
			g.byC[ci] = append(g.byC[ci], len(g.cast))
			g.cast = append(g.cast, p)
		}
	}
	orgPools := []string{"anglo", "romance", "germanic", "nordic", "african", "latin", "southasian", "eastasian"}
	for oi, o := range organizations {
		for _, t := range []string{o.Head, "spokesperson", "envoy"} {
			p := draw(orgPools[r.IntN(len(orgPools))])
			p.Title, p.Org = t, oi
			g.byO[oi] = append(g.byO[oi], len(g.cast))
			g.cast = append(g.cast, p)
		}
	}
	return g
}

// pick returns n distinct elements of xs in random order.
func pick[T any](r *rand.Rand, xs []T, n int) []T {
	idx := r.Perm(len(xs))[:min(n, len(xs))]
	out := make([]T, len(idx))
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

func one[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// Article is one generated article.
type Article struct {
	Name string // file name
	Text string
}

// article is the state of one article being written.
type article struct {
	g      *Generator
	r      *rand.Rand
	t      topic
	curly  bool
	intro  map[int]bool // officials already introduced by full name
	last   int          // the official named last (for pronouns), or -1
	vars   map[string]string
	paras  []string
	quotes []string // the topic's quotes in a random order, used in turn
}

// nextQuote returns the next quote of the topic, filled.
func (a *article) nextQuote() string {
	if len(a.quotes) == 0 {
		a.quotes = pick(a.r, a.t.Quotes, len(a.t.Quotes))
	}
	q := a.quotes[0]
	a.quotes = a.quotes[1:]
	return a.fill(q)
}

// Article writes article i.
func (g *Generator) Article(i int) Article {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)+1))
	a := &article{g: g, r: r, t: topics[weighted(r, len(topics), 1)], curly: r.IntN(10) < 7, intro: map[int]bool{}, last: -1}
	t := a.t
	target := countryIndex(one(r, t.Targets))
	adversary := -1
	if t.Adversary != "" {
		adversary = countryIndex(t.Adversary)
	}
	org := orgIndex(one(r, t.Orgs))
	// Two to four pledging countries and one that refuses, by prominence.
	var pledgers []int
	seen := map[int]bool{target: true, adversary: true}
	for n := 2 + r.IntN(3); len(pledgers) < n; {
		c := weighted(r, len(countries), 0.9)
		if !seen[c] {
			seen[c] = true
			pledgers = append(pledgers, c)
		}
	}
	refuser := -1
	for refuser < 0 {
		if c := weighted(r, len(countries), 0.6); !seen[c] {
			refuser = c
		}
	}
	city := organizations[org].Seat
	if r.IntN(3) == 0 {
		city = countries[pledgers[0]].Capital
	}
	a.vars = map[string]string{
		"target": countries[target].Name, "targetadj": countries[target].Adj, "city": countries[target].Capital,
	}
	if countries[target].The {
		a.vars["target"] = "the " + countries[target].Name
	}
	if adversary >= 0 {
		a.vars["adversary"] = countries[adversary].Name
	}
	month, day := r.IntN(12), 1+r.IntN(28)
	weekday := weekdays[r.IntN(5)]
	// Seven articles in eight carry the year in their dateline, from which
	// the loader reads the publication date; the others are undated, as
	// some scraped pages are. The year is not drawn from r, so the rest of
	// the article does not depend on it.
	date := fmt.Sprintf("%s %d", months[month], day)
	if i%8 != 7 {
		year := 2023 + int((uint64(i)*0x9E3779B97F4A7C15)>>62)%3
		date += fmt.Sprintf(", %d", year)
		weekday = time.Date(year, time.Month(month+1), day, 0, 0, 0, 0, time.UTC).Weekday().String()
	}

	// Headline and lede.
	act := one(r, t.Actions)
	a.paras = append(a.paras, a.headline(pledgers, org, act))
	dash := " — "
	if !a.curly && r.IntN(2) == 0 {
		dash = " -- "
	}
	lede := fmt.Sprintf("%s, %s (wire)%s%s %s on %s to %s, at %s in %s %s.",
		strings.ToUpper(city), date, dash,
		cap(a.countryList(pledgers[:min(2, len(pledgers))])), pastPledge(r), weekday, a.fillAction(act, pledgers[0]),
		a.meeting(), city, a.fill(one(r, t.Purpose)))
	a.paras = append(a.paras, lede)

	var body []func()
	for k, c := range pledgers {
		body = append(body, func() { a.pledgeParagraph(c, k == 0) })
	}
	body = append(body,
		func() { a.orgStatement(org) },
		func() { a.refusal(refuser) },
		func() { a.background() },
		func() { a.unnamed(pledgers) },
		func() { a.targetResponse(target) },
	)
	if adversary >= 0 {
		body = append(body, func() { a.adversaryResponse(adversary) })
	}
	if r.IntN(3) == 0 {
		body = append(body, func() { a.secondOrg(org) })
	}
	// The first pledger leads; the rest in random order.
	rest := body[1:]
	r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	caption := 1 + r.IntN(3)
	for k, f := range body {
		f()
		if k == caption {
			a.caption(city)
		}
		if k == 0 && r.IntN(4) == 0 {
			a.paras = append(a.paras, fmt.Sprintf("Recommended Stories list of %d itemsend of list", 2+r.IntN(3)))
		}
	}
	a.closing(pledgers[0])
	text := strings.Join(a.paras, "\n") + "\n"
	if !a.curly {
		text = straighten(text)
	}
	return Article{Name: fmt.Sprintf("%05d-%s.txt", i, slug(a.paras[0])), Text: text}
}

// weighted draws an index in [0, n) favouring small ones (prominence).
func weighted(r *rand.Rand, n int, skew float64) int {
	if skew <= 0 {
		return r.IntN(n)
	}
	// Inverse-rank weights 1/(i+3)^skew by rejection.
	for {
		i := r.IntN(n)
		w := 1 / math.Pow(float64(i+3)/3, skew)
		if r.Float64() < w {
			return i
		}
	}
}

func countryIndex(name string) int {
	for i, c := range countries {
		if c.Name == name {
			return i
		}
	}
	panic("unknown country " + name) // data error, caught by the tests
}

func orgIndex(name string) int {
	for i, o := range organizations {
		if o.Name == name {
			return i
		}
	}
	panic("unknown organization " + name)
}

// fill replaces {target}, {adversary}, {city}, {targetadj} and {amount}.
func (a *article) fill(s string) string {
	for k, v := range a.vars {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// fillAction fills an action, drawing its amount for country c.
func (a *article) fillAction(act action, c int) string {
	s := a.fill(act.Verb)
	if strings.Contains(s, "{amount}") {
		s = strings.ReplaceAll(s, "{amount}", a.amount(act.Amount, c))
	}
	return s
}

func (a *article) amount(kind string, c int) string {
	r := a.r
	switch kind {
	case "money":
		cur := "$"
		switch countries[c].Name {
		case "United Kingdom":
			cur = "£"
		case "France", "Germany", "Italy", "Spain", "Belgium", "Netherlands", "Finland", "Estonia", "Latvia", "Lithuania", "Croatia", "Greece":
			cur = "€"
		case "Australia":
			cur = "A$"
		case "New Zealand":
			cur = "NZ$"
		case "Norway", "Denmark", "Sweden":
			return fmt.Sprintf("%d million kroner", one(r, []int{150, 400, 650, 900}))
		}
		if r.IntN(3) == 0 {
			return cur + one(r, []string{"1.2", "2", "3.5", "1"}) + " billion"
		}
		return fmt.Sprintf("%s%d million", cur, one(r, []int{25, 50, 120, 180, 250, 400, 650}))
	case "troops":
		return one(r, []string{"200 soldiers", "500 troops", "1,000 troops", "2,500 troops", "5,000 troops", "several thousand troops", "a battalion of about 800 soldiers"})
	case "units":
		return one(r, []string{"two", "three", "four", "six"})
	case "people":
		return one(r, []string{"300", "1,000", "1,500", "5,500"})
	case "ships":
		return one(r, []string{"two", "three", "four"})
	case "tonnes":
		return one(r, []string{"20,000 tonnes", "50,000 tonnes", "120,000 tonnes"})
	}
	return ""
}

// countryName is how a country is named mid-sentence.
func countryName(c int) string {
	if countries[c].The {
		return "the " + countries[c].Name
	}
	return countries[c].Name
}

// countryRef names a country again: name, capital or abbreviation.
func (a *article) countryRef(c int) string {
	switch n := a.r.IntN(6); {
	case n < 3:
		return countryName(c)
	case n < 5:
		return countries[c].Capital
	default:
		if countries[c].Short != "" {
			return "the " + countries[c].Short
		}
		return countryName(c)
	}
}

func (a *article) countryList(cs []int) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = countryName(c)
	}
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func orgName(o int) string {
	if organizations[o].The {
		return "the " + organizations[o].Name
	}
	return organizations[o].Name
}

// orgShortThe names an organization again, with its article.
func orgShortThe(o int) string {
	if s := organizations[o].Short; s != "" {
		if organizations[o].The {
			return "the " + s
		}
		return s
	}
	return orgName(o)
}

func orgShort(o int) string {
	if s := organizations[o].Short; s != "" {
		return s
	}
	return organizations[o].Name
}

// official picks an official of country c (the head more often).
func (a *article) official(c int) int {
	ids := a.g.byC[c]
	if a.r.IntN(3) == 0 {
		return ids[0]
	}
	return ids[weighted(a.r, len(ids), 0.5)]
}

// name refers to official p: introduced in full with title and nationality
// the first time, by surname (or a pronoun or role when atStart allows)
// after.
func (a *article) name(p int) string {
	x := a.g.cast[p]
	defer func() { a.last = p }()
	if !a.intro[p] {
		a.intro[p] = true
		if x.Country >= 0 {
			c := countries[x.Country]
			switch a.r.IntN(3) {
			case 0:
				if c.The {
					return fmt.Sprintf("%s, the %s %s,", x.Full(), c.Adj, lowerTitle(x.Title))
				}
				return fmt.Sprintf("%s, %s’s %s,", x.Full(), c.Name, lowerTitle(x.Title))
			default:
				return fmt.Sprintf("%s %s %s", c.Adj, x.Title, x.Full())
			}
		}
		o := organizations[x.Org]
		if x.Title == "spokesperson" || x.Title == "envoy" {
			return fmt.Sprintf("%s %s %s", orgShort(x.Org), x.Title, x.Full())
		}
		return fmt.Sprintf("%s %s %s", o.Name, capTitle(x.Title), x.Full())
	}
	if a.last == p && a.r.IntN(3) == 0 {
		if x.Female {
			return "she"
		}
		return "he"
	}
	if a.r.IntN(8) == 0 {
		return "the " + lowerTitle(x.Title)
	}
	return x.Last
}

// lowerTitle is a title used as a common noun ("the defence minister").
func lowerTitle(t string) string { return strings.ToLower(t) }

func capTitle(t string) string { return cap(t) }

func cap(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func (a *article) pronoun(p int) string {
	if a.g.cast[p].Female {
		return "she"
	}
	return "he"
}

func pastPledge(r *rand.Rand) string {
	return one(r, []string{"pledged", "promised", "agreed", "offered", "vowed"})
}

// quote wraps speech in double quotes; nested in single ones.
func (a *article) quote(s string) string { return "“" + s + "”" }

func (a *article) headline(pledgers []int, org int, act action) string {
	r := a.r
	verb, obj, _ := strings.Cut(a.fillAction(act, pledgers[0]), " ")
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s and %s pledge to %s %s as %s meets", cap(countryName(pledgers[0])), countryName(pledgers[1]), verb, obj, orgShort(org))
	case 1:
		return fmt.Sprintf("%s %s to %s %s %s", cap(countryName(pledgers[0])), one(r, []string{"pledges", "vows", "promises"}), verb, obj, one(r, []string{"if truce holds", "amid talks", "as allies meet"}))
	case 2:
		p := a.g.cast[a.g.byC[pledgers[0]][0]]
		return fmt.Sprintf("%s says %s government ready to %s %s", p.Last, countries[pledgers[0]].Adj, verb, obj)
	}
	return fmt.Sprintf("%s allies agree to %s %s", orgShort(org), verb, obj)
}

func (a *article) meeting() string { return one(a.r, a.t.Event) }

// pledgeParagraph: an official reports the country's pledge, often followed
// by a direct quote.
func (a *article) pledgeParagraph(c int, first bool) {
	r := a.r
	p := a.official(c)
	act := one(r, a.t.Actions)
	modal := one(r, []string{"would", "was ready to", "could", "will", "had agreed to", "is prepared to"})
	cond := ""
	if r.IntN(3) == 0 {
		cond = " " + a.fill(one(r, a.t.Conditions))
	}
	var s string
	switch r.IntN(4) {
	case 0, 1:
		s = fmt.Sprintf("%s said %s %s %s%s.", cap(a.name(p)), a.countryRef(c), modal, a.fillAction(act, c), cond)
	case 2:
		s = fmt.Sprintf("%s %s to %s%s, %s said.", cap(countryName(c)), pastPledge(r), a.fillAction(act, c), cond, a.name(p))
	default:
		s = fmt.Sprintf("%s told reporters that %s %s %s%s.", cap(a.name(p)), a.countryRef(c), modal, a.fillAction(act, c), cond)
	}
	if act2 := one(r, a.t.Actions); act2 != act && r.IntN(2) == 0 {
		s += fmt.Sprintf(" %s also %s to %s.", cap(a.pronoun(p)), one(r, []string{"offered", "promised", "pledged"}), a.fillAction(act2, c))
	}
	a.paras = append(a.paras, s)
	if first || r.IntN(2) == 0 {
		a.directQuote(p)
	}
}

// directQuote: one of several quotation constructions.
func (a *article) directQuote(p int) {
	r := a.r
	q1, q2 := a.nextQuote(), a.nextQuote()
	cue := one(r, []string{"said", "told reporters", "said in an interview", "added", "told a news conference"})
	var s string
	switch r.IntN(5) {
	case 0: // quote, attribution
		s = fmt.Sprintf("%s %s %s.", a.quote(q1+","), a.name(p), cue)
	case 1: // attribution: quote
		s = fmt.Sprintf("%s said: %s", cap(a.name(p)), a.quote(q1+"."))
	case 2: // split quote in one sentence
		s = fmt.Sprintf("%s %s said, %s", a.quote(q1+","), a.name(p), a.quote(lowerFirst(q2)+"."))
	case 3: // two sentences
		s = fmt.Sprintf("%s %s %s. %s", a.quote(q1+","), a.name(p), cue, a.quote(q2+"."))
	default: // a quoted clause inside reported speech
		s = fmt.Sprintf("%s said the talks had been %s and that %s", cap(a.name(p)), one(r, []string{"difficult", "constructive", "frank", "productive"}), a.quote(lowerFirst(q1))+".")
	}
	a.paras = append(a.paras, s)
}

func (a *article) orgStatement(o int) {
	r := a.r
	act := one(r, a.t.Actions)
	s := fmt.Sprintf("%s said in a statement that %s had agreed to %s.", cap(orgName(o)), organizations[o].Member, a.fillAction(act, 0))
	if r.IntN(2) == 0 {
		p := a.g.byO[o][r.IntN(len(a.g.byO[o]))]
		s += fmt.Sprintf(" %s %s", a.quote(a.nextQuote()+","), fmt.Sprintf("%s said.", a.name(p)))
	}
	a.paras = append(a.paras, s)
}

func (a *article) refusal(c int) {
	r := a.r
	ref := a.fill(one(r, a.t.Refusals))
	reason := one(r, a.t.Reasons)
	var s string
	switch r.IntN(3) {
	case 0:
		s = fmt.Sprintf("%s said it would not %s, arguing that %s.", cap(countryName(c)), ref, a.fill(reason))
	case 1:
		p := a.official(c)
		s = fmt.Sprintf("%s said %s would not %s. %s", cap(a.name(p)), a.countryRef(c), ref,
			a.quote("We will not "+ref+" "+one(r, []string{"under these conditions", "at this stage", "without a clear mandate"})+",")) + " " + a.pronoun(p) + " said."
	default:
		s = fmt.Sprintf("%s ruled out plans to %s, saying %s.", cap(countryName(c)), ref, a.fill(reason))
	}
	a.paras = append(a.paras, s)
}

func (a *article) background() {
	a.paras = append(a.paras, a.fill(one(a.r, a.t.Background)))
}

func (a *article) unnamed(cs []int) {
	r := a.r
	c := cs[len(cs)-1]
	s := fmt.Sprintf("%s said %s was also considering %s but had asked for more time to consult its parliament.",
		one(r, []string{"Two diplomats", "Officials", "A senior European official", "People familiar with the talks"}),
		countryName(c), one(r, []string{"a contribution", "sending additional equipment", "a larger role"}))
	a.paras = append(a.paras, cap(s))
}

func (a *article) targetResponse(c int) {
	r := a.r
	p := a.official(c)
	s := fmt.Sprintf("%s welcomed the pledges. %s", cap(a.name(p)),
		a.quote(one(r, []string{"Today we have substantive commitments, not just words,", "This is a signal of how seriously our partners take our security,", "We are grateful, and we will hold everyone to their word,"})))
	s += " " + a.pronoun(p) + " said."
	a.paras = append(a.paras, s)
}

func (a *article) adversaryResponse(c int) {
	r := a.r
	p := a.official(c)
	s := fmt.Sprintf("In %s, %s said %s would %s %s, but %s.", countries[c].Capital, a.name(p),
		countries[c].Name, one(r, []string{"study the proposals", "respect the safety of civilian shipping", "not accept foreign troops"}),
		one(r, []string{"as long as its interests were respected", "once sanctions were lifted", "if the talks continued"}),
		one(r, []string{"warned against any deployment", "gave no indication it would compromise", "rejected any outside monitoring"}))
	a.paras = append(a.paras, s)
}

func (a *article) secondOrg(org int) {
	r := a.r
	o := r.IntN(len(organizations))
	if o == org {
		o = (o + 1) % len(organizations)
	}
	p := a.g.byO[o][0]
	s := fmt.Sprintf("%s said %s was ready to %s.", cap(a.name(p)), orgShortThe(o),
		one(r, []string{"support the effort", "coordinate the response", "send observers", "release emergency funds"}))
	a.paras = append(a.paras, s)
}

func (a *article) caption(city string) {
	r := a.r
	a.paras = append(a.paras, fmt.Sprintf("%s%s in %s on %s [Photo: %s/Wire Pool]",
		one(r, []string{"Leaders arrive for the meeting", "Delegates listen to a speech", "Soldiers unload equipment", "A convoy waits at a checkpoint"}),
		one(r, []string{"", " during the talks"}), city, weekdays[r.IntN(7)], one(r, photographers)))
}

// closing: a quote spanning two paragraphs, or a final reported line.
func (a *article) closing(c int) {
	r := a.r
	p := a.official(c)
	if r.IntN(2) == 0 {
		q1, q2 := a.nextQuote(), a.nextQuote()
		a.paras = append(a.paras, "“"+q1+".", a.quote(q2+",")+" "+a.name(p)+" said.")
		return
	}
	a.paras = append(a.paras, fmt.Sprintf("%s said talks would continue %s.", cap(a.name(p)),
		one(r, []string{"next week", "in the coming days", "at the next meeting", "on Wednesday"})))
}

func lowerFirst(s string) string {
	if s == "" || (len(s) > 1 && unicode.IsUpper(rune(s[1]))) || strings.HasPrefix(s, "I ") {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// straighten turns typographic quotes into ASCII ones.
func straighten(s string) string {
	return strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'").Replace(s)
}

// slug is a short file-name form of a headline.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if b.Len() >= 48 {
			break
		}
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}
