package actors

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"pledgegraph"
)

//go:generate go run ./internal/gen -out data/countries.json
//go:generate go run ./internal/gennames -out data/givennames.txt

//go:embed data/countries.json data/organizations.json data/givennames.txt
var dataFS embed.FS

// Country is one sovereign state of the gazetteer.
type Country struct {
	Code     string   `json:"code"`               // ISO 3166-1 alpha-3 ("UNK" for Kosovo, as in world-countries)
	Name     string   `json:"name"`               // canonical English news name ("United States")
	Official string   `json:"official,omitempty"` // official name ("United States of America")
	Aliases  []string `json:"aliases,omitempty"`  // other names and abbreviations ("US", "U.S.", "America")
	Demonyms []string `json:"demonyms,omitempty"` // adjectives ("American")
	Plurals  []string `json:"plurals,omitempty"`  // people nouns ("Americans", "the French")
	Capitals []string `json:"capitals,omitempty"` // capitals that may stand for the state ("Washington")
}

// Organization is one international body, agency, institution or group of
// the gazetteer.
type Organization struct {
	Name     string   `json:"name"`               // canonical name ("European Union")
	Aliases  []string `json:"aliases,omitempty"`  // other full names, matched with their capitalisation
	Acronyms []string `json:"acronyms,omitempty"` // matched only when written in capitals ("EU")
	Heads    []string `json:"heads,omitempty"`    // nouns that refer back to it ("bloc", "alliance")
	Metonyms []string `json:"metonyms,omitempty"` // places written for it ("Brussels")
	Country  string   `json:"country,omitempty"`  // ISO alpha-3 of the state it belongs to ("RUS" for the Kremlin)
	Minor    bool     `json:"minor,omitempty"`    // news agencies and platforms: incidental actors
}

type countryFile struct {
	Source    string    `json:"source"`
	License   string    `json:"license"`
	Countries []Country `json:"countries"`
	Regions   []string  `json:"regions"`
}

type orgFile struct {
	Organizations []Organization `json:"organizations"`
}

// entryKind tells what a gazetteer surface form names.
type entryKind uint8

const (
	eCountry entryKind = iota + 1
	eOrg
	eRegion
)

// form tells how a surface form names its entry.
type form uint8

const (
	fName    form = iota + 1 // canonical name or alias
	fAcronym                 // capitals only
	fDemonym                 // adjective
	fPlural                  // people noun
	fCapital                 // capital city (a metonym only in context)
	fMetonym                 // a place standing for an organization ("Brussels")
)

// entry is one surface form of the gazetteer.
type entry struct {
	kind    entryKind
	idx     int // into Gazetteer.countries or .orgs; -1 for regions
	form    form
	surface string
	caps    []bool // per word of the surface: must the text word be capitalised?
	acronym bool   // all letters must be capitals in the text
	nwords  int
}

// Gazetteer is the read-only list of countries, organizations and regions the
// recognizer looks names up in. It is safe for concurrent use.
type Gazetteer struct {
	countries []Country
	orgs      []Organization
	regions   []string
	byCode    map[string]int
	index     map[string][]entry // NameKey → entries
	prefixes  map[string]bool    // every word prefix of an index key
	maxWords  int
	given     map[string]bool // NameKeys of given names ("anna", "declan")
}

// DefaultGazetteer returns the built-in gazetteer: every sovereign state
// (generated from world-countries, ODbL; see data/NOTICE.md) and the
// hand-curated organizations of data/organizations.json.
func DefaultGazetteer() (*Gazetteer, error) {
	var cf countryFile
	b, err := dataFS.ReadFile("data/countries.json")
	if err != nil {
		return nil, pledgegraph.Internal("actors.DefaultGazetteer", err)
	}
	if err := json.Unmarshal(b, &cf); err != nil {
		return nil, pledgegraph.Internal("actors.DefaultGazetteer", err)
	}
	var of orgFile
	b, err = dataFS.ReadFile("data/organizations.json")
	if err != nil {
		return nil, pledgegraph.Internal("actors.DefaultGazetteer", err)
	}
	if err := json.Unmarshal(b, &of); err != nil {
		return nil, pledgegraph.Internal("actors.DefaultGazetteer", err)
	}
	g, err := NewGazetteer(cf.Countries, of.Organizations, cf.Regions)
	if err != nil {
		return nil, err
	}
	b, err = dataFS.ReadFile("data/givennames.txt")
	if err != nil {
		return nil, pledgegraph.Internal("actors.DefaultGazetteer", err)
	}
	var names []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			names = append(names, line)
		}
	}
	return g.WithGivenNames(names), nil
}

// WithGivenNames returns a copy of g that knows the given names (first
// names: "Anna", "Declan", "Oleh"). A capitalised run that starts with one
// is evidence of a person's name, and a single capitalised word that is one
// is never read as an organization. Words the recognizer reads otherwise
// (offices, function words, organization nouns, place words) are ignored.
func (g *Gazetteer) WithGivenNames(names []string) *Gazetteer {
	cp := *g
	cp.given = make(map[string]bool, len(names))
	for _, n := range names {
		k := pledgegraph.NameKey(n)
		if k == "" || strings.Contains(k, " ") || lexiconWord(k) {
			continue
		}
		cp.given[k] = true
	}
	return &cp
}

// IsGivenName reports whether name (any case, accents optional) is a given
// name of the gazetteer. A hyphenated name is judged by its first part
// ("Pieter-Jan").
func (g *Gazetteer) IsGivenName(name string) bool {
	k := pledgegraph.NameKey(name)
	if i := strings.IndexByte(k, ' '); i > 0 {
		k = k[:i]
	}
	return k != "" && g.given[k]
}

// NewGazetteer builds a gazetteer. Regions are places that are never actors
// (continents, seas, territories); listing them keeps "Indian Ocean" from
// reading as India. It returns an INVALID error for an entry without a name
// or a duplicate country code.
func NewGazetteer(countries []Country, orgs []Organization, regions []string) (*Gazetteer, error) {
	g := &Gazetteer{
		countries: append([]Country(nil), countries...),
		orgs:      append([]Organization(nil), orgs...),
		regions:   append([]string(nil), regions...),
		byCode:    make(map[string]int, len(countries)),
		index:     make(map[string][]entry, 4096),
		prefixes:  make(map[string]bool, 8192),
	}
	for i, c := range g.countries {
		if strings.TrimSpace(c.Name) == "" {
			return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "country %d has no name", i)
		}
		if _, dup := g.byCode[c.Code]; dup && c.Code != "" {
			return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "duplicate country code %q", c.Code)
		}
		g.byCode[c.Code] = i
		g.add(eCountry, i, fName, c.Name)
		for _, a := range c.Aliases {
			g.add(eCountry, i, fName, a)
		}
		for _, a := range c.Demonyms {
			g.add(eCountry, i, fDemonym, a)
		}
		for _, a := range c.Plurals {
			g.add(eCountry, i, fPlural, a)
		}
		for _, a := range c.Capitals {
			g.add(eCountry, i, fCapital, a)
		}
	}
	for i, o := range g.orgs {
		if strings.TrimSpace(o.Name) == "" {
			return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "organization %d has no name", i)
		}
		g.add(eOrg, i, fName, o.Name)
		for _, a := range o.Aliases {
			g.add(eOrg, i, fName, a)
		}
		for _, a := range o.Acronyms {
			g.add(eOrg, i, fAcronym, a)
		}
		for _, a := range o.Metonyms {
			g.add(eOrg, i, fMetonym, a)
		}
	}
	for _, r := range g.regions {
		g.add(eRegion, -1, fName, r)
	}
	for k, es := range g.index {
		g.index[k] = resolve(es)
	}
	return g, nil
}

// add indexes one surface form.
func (g *Gazetteer) add(kind entryKind, idx int, f form, surface string) {
	key := pledgegraph.NameKey(surface)
	if key == "" {
		return
	}
	words := capWords(surface)
	e := entry{kind: kind, idx: idx, form: f, surface: surface, caps: words, nwords: len(words)}
	if f == fAcronym || isAcronym(surface) {
		e.acronym = true
		if f == fName {
			e.form = fAcronym
		}
	}
	if e.nwords > g.maxWords {
		g.maxWords = e.nwords
	}
	g.index[key] = append(g.index[key], e)
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			g.prefixes[key[:i]] = true
		}
	}
	g.prefixes[key] = true
}

// resolve orders the entries of one key by precedence — regions first (so
// that "Indian Ocean" is never India), then names and acronyms of states,
// then of organizations, then metonyms, capitals and demonyms — and drops
// repeated forms of one entry.
func resolve(es []entry) []entry {
	rank := func(e entry) int {
		switch {
		case e.kind == eRegion:
			return 0
		case e.form == fName || e.form == fAcronym:
			if e.kind == eCountry {
				return 1
			}
			return 2
		case e.form == fMetonym:
			return 3
		case e.form == fCapital:
			return 4
		}
		return 5
	}
	sort.SliceStable(es, func(i, j int) bool { return rank(es[i]) < rank(es[j]) })
	out := es[:0]
	for _, e := range es {
		dup := false
		for _, o := range out {
			if o.kind == e.kind && o.idx == e.idx {
				if o.acronym == e.acronym {
					dup = true
				}
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// Countries returns the states of the gazetteer (a copy).
func (g *Gazetteer) Countries() []Country { return append([]Country(nil), g.countries...) }

// Organizations returns the organizations of the gazetteer (a copy).
func (g *Gazetteer) Organizations() []Organization {
	return append([]Organization(nil), g.orgs...)
}

// Country returns the state with the given ISO alpha-3 code.
func (g *Gazetteer) Country(code string) (Country, bool) {
	i, ok := g.byCode[code]
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// LookupCountry returns the state a name, alias, demonym or capital names
// ("Kyiv", "Britons", "U.S."), case-insensitively, or false.
func (g *Gazetteer) LookupCountry(name string) (Country, bool) {
	for _, e := range g.index[pledgegraph.NameKey(name)] {
		if e.kind == eRegion {
			return Country{}, false
		}
		if e.kind == eCountry {
			return g.countries[e.idx], true
		}
	}
	return Country{}, false
}

// capWords splits s into words exactly as pledgegraph.NameKey does and
// reports for each whether it starts with a capital letter.
func capWords(s string) []bool {
	var out []bool
	in := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '\u2019' || r == '\u2018' || r == '.':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				out = append(out, unicode.IsUpper(r))
				in = true
			}
		default:
			in = false
		}
	}
	return out
}

// isAcronym reports whether s is written in capitals only ("NATO", "U.S.",
// "G7"), with at least two letters.
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// countryID is the actor ID of a state of the gazetteer.
func (g *Gazetteer) countryID(i int) string {
	return pledgegraph.ActorID(pledgegraph.KindCountry, g.countries[i].Name)
}

func (g *Gazetteer) String() string {
	return fmt.Sprintf("Gazetteer(%d countries, %d organizations, %d regions)", len(g.countries), len(g.orgs), len(g.regions))
}
