// Package discourse reads the shallow structure of an annotated news text
// that speech attribution and commitment extraction share: tokens of the
// Body sentences (with quote membership), the actors that noun phrases,
// pronouns and role nouns refer to ("he", "the minister", "the bloc",
// "German forces", "Norway and Denmark"), and the principal an actor acts
// for (a minister for her state, an EU commissioner for the EU).
//
// It is rule-based and deterministic: pronouns resolve to the nearest
// compatible actor searching the current sentence left to right and then
// earlier sentences (a Hobbs-style preference for subjects), never across
// gender (read from given names, honorifics, Slavic surname endings and the
// pronouns the text itself uses unambiguously for a person); role nouns
// resolve to the most recently mentioned holder of a matching title,
// counted groups ("the two governments", "their governments") to the
// actors named before, generic nouns ("officials", "two diplomats") to no
// one.
package discourse

import (
	"sort"
	"strings"

	"pledgegraph"
	"pledgegraph/loader/annot"
)

// Analysis is the discourse layer of one document. Build it with Analyze;
// it is read-only afterwards.
type Analysis struct {
	Doc  *annot.Doc
	Toks []Token

	sent  [][2]int       // per sentence: token range [lo, hi)
	ment  []int          // per token: index into Doc.Mentions of the longest mention covering it, or -1
	refs  map[int][]int  // head token → actors, for pronouns and role nouns resolved here
	gend  []gender       // per actor
	title []string       // per actor: lower-cased title words, space-separated
	idx   map[string]int // actor ID → index
	affil []int          // per actor: index of the organization or state the actor acts for, or -1
	group map[int][]int  // head token → actors, for plural phrases standing for several named actors ("the two governments")
}

type gender uint8

const (
	genderUnknown gender = iota
	genderMale
	genderFemale
)

// maxBack is how many sentences back pronoun and role resolution looks.
const maxBack = 8

// Analyze builds the discourse layer of d. It never fails: missing layers
// give an analysis with fewer tokens or referents.
func Analyze(d *annot.Doc) *Analysis {
	a := &Analysis{Doc: d, refs: map[int][]int{}, idx: map[string]int{}, group: map[int][]int{}}
	a.tokenize()
	a.indexMentions()
	for i, ac := range d.Actors {
		if _, ok := a.idx[ac.ID]; !ok {
			a.idx[ac.ID] = i
		}
	}
	a.gend = make([]gender, len(d.Actors))
	a.title = make([]string, len(d.Actors))
	a.affil = make([]int, len(d.Actors))
	for i := range a.affil {
		a.affil[i] = -1
	}
	a.readPersons()
	a.inferGenders()
	a.resolveAll()
	return a
}

// tokenize splits every sentence and marks quote membership.
func (a *Analysis) tokenize() {
	d := a.Doc
	a.sent = make([][2]int, len(d.Sentences))
	for si, s := range d.Sentences {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			a.sent[si] = [2]int{len(a.Toks), len(a.Toks)}
			continue
		}
		lo := len(a.Toks)
		a.Toks = tokenize(d.Text, s.Span, a.Toks)
		for i := lo; i < len(a.Toks); i++ {
			a.Toks[i].Sent = si
		}
		a.sent[si] = [2]int{lo, len(a.Toks)}
	}
	for qi, q := range d.Quotes {
		for i := a.TokenAt(q.Outer.Start); i >= 0 && i < len(a.Toks) && a.Toks[i].Start < q.Outer.End; i++ {
			t := &a.Toks[i]
			if t.Kind == Punct && (t.Start == q.Outer.Start || (q.Closed && t.End == q.Outer.End)) {
				t.Mark = true
				t.Open = t.Start == q.Outer.Start
				continue
			}
			if q.Depth == 0 && q.Span.Start <= t.Start && t.End <= q.Span.End {
				t.Quote = qi
			}
		}
	}
}

// TokenAt returns the index of the first token ending after byte offset off,
// or len(Toks).
func (a *Analysis) TokenAt(off int) int {
	return sort.Search(len(a.Toks), func(i int) bool { return a.Toks[i].End > off })
}

// Sentence returns the token range [lo, hi) of sentence s.
func (a *Analysis) Sentence(s int) (lo, hi int) {
	if s < 0 || s >= len(a.sent) {
		return 0, 0
	}
	return a.sent[s][0], a.sent[s][1]
}

// indexMentions maps each token to the longest mention covering it.
func (a *Analysis) indexMentions() {
	a.ment = make([]int, len(a.Toks))
	for i := range a.ment {
		a.ment[i] = -1
	}
	for mi, m := range a.Doc.Mentions {
		if m.Actor < 0 || m.Actor >= len(a.Doc.Actors) || m.Kind == annot.Pronoun {
			continue
		}
		for i := a.TokenAt(m.Start); i < len(a.Toks) && a.Toks[i].Start < m.End; i++ {
			if a.Toks[i].End <= m.Start {
				continue
			}
			if old := a.ment[i]; old < 0 || a.Doc.Mentions[old].Len() < m.Len() {
				a.ment[i] = mi
			}
		}
	}
}

// MentionAt returns the index into Doc.Mentions of the mention covering
// token i, or -1.
func (a *Analysis) MentionAt(i int) int {
	if i < 0 || i >= len(a.ment) {
		return -1
	}
	return a.ment[i]
}

// ActorOf returns the actor a token refers to: through a mention covering
// it, or a pronoun or role noun resolved here. Nil when none.
func (a *Analysis) ActorOf(i int) []int {
	if m := a.MentionAt(i); m >= 0 {
		return []int{a.Doc.Mentions[m].Actor}
	}
	return a.refs[i]
}

// Index returns the index of the actor with the given ID, or -1.
func (a *Analysis) Index(id string) int {
	if i, ok := a.idx[id]; ok {
		return i
	}
	return -1
}

// Kind returns the kind of actor i.
func (a *Analysis) Kind(i int) pledgegraph.ActorKind {
	if i < 0 || i >= len(a.Doc.Actors) {
		return ""
	}
	return a.Doc.Actors[i].Kind
}

// Principal returns the ID of the actor that actor i acts for: a person's
// state (or, for officials of international bodies, that body), a state
// institution's state; otherwise actor i itself.
func (a *Analysis) Principal(i int) string {
	if i < 0 || i >= len(a.Doc.Actors) {
		return ""
	}
	ac := a.Doc.Actors[i]
	if ac.Country != "" && (ac.Kind == pledgegraph.KindPerson || StateInstitution(ac.Name)) {
		return ac.Country
	}
	if ac.Kind == pledgegraph.KindPerson && a.affil[i] >= 0 {
		return a.Principal(a.affil[i])
	}
	return ac.ID
}

// Gender tells whether the pronoun p (lower case) can refer to actor i.
func (a *Analysis) compatible(p string, i int) bool {
	k := a.Kind(i)
	switch {
	case malePron[p]:
		return k == pledgegraph.KindPerson && a.gend[i] != genderFemale
	case femalePron[p]:
		return k == pledgegraph.KindPerson && a.gend[i] != genderMale
	case neuterPron[p]:
		return k != pledgegraph.KindPerson
	case pluralPron[p]:
		return k != pledgegraph.KindPerson
	}
	return false
}

// readPersons reads each person's gender, title words and affiliation from
// the words around their mentions.
func (a *Analysis) readPersons() {
	d := a.Doc
	for i, ac := range d.Actors {
		if ac.Kind != pledgegraph.KindPerson {
			continue
		}
		a.title[i] = strings.ToLower(ac.Title)
		first := strings.ToLower(strings.Fields(ac.Name + " x")[0])
		first = strings.NewReplacer("é", "e", "è", "e", "ë", "e", "á", "a", "ó", "o", "í", "i", "ü", "u", "ö", "o").Replace(first)
		switch m, f := maleNames[first], femaleNames[first]; {
		case m && !f:
			a.gend[i] = genderMale
		case f && !m:
			a.gend[i] = genderFemale
		default:
			a.gend[i] = surnameGender(ac.Name)
		}
	}
	seen := make([]bool, len(d.Actors))
	for mi, m := range d.Mentions {
		if m.Actor < 0 || m.Actor >= len(d.Actors) || d.Actors[m.Actor].Kind != pledgegraph.KindPerson {
			continue
		}
		lo := a.TokenAt(m.Start)
		if lo >= len(a.Toks) || a.Toks[lo].Quote >= 0 {
			continue
		}
		// Title words before the mention inside the same noun phrase, and the
		// mention's own words (a mention may include its title).
		var words []string
		var orgs []int
		for i := lo; i < len(a.Toks) && a.Toks[i].Start < m.End; i++ {
			words = append(words, a.Toks[i].Lower)
		}
		start := a.sent[a.Toks[lo].Sent][0]
		commas := 0
		sawRole := false
		for i := lo - 1; i >= start && i >= lo-12; i-- {
			t := a.Toks[i]
			if t.Kind == Punct {
				if t.Text == "," && commas == 0 && i == lo-1 {
					commas++
					continue
				}
				if t.Text == "." && i-1 >= start && (maleHonor[a.Toks[i-1].Lower] || femaleHonor[a.Toks[i-1].Lower]) {
					continue // "Ms. Kroll"
				}
				if t.Text == "-" || t.Text == "(" || t.Text == ")" {
					continue
				}
				break
			}
			// A lower-case word inside a title: a title word, or any plain
			// word before a role noun already read ("foreign policy chief").
			inTitle := IsPersonRole(t.Lower) || roleModifier(t.Lower) || t.Lower == "'s" || IsDeterminer(t.Lower) ||
				t.Lower == "of" || t.Lower == "for" || t.Lower == "to" ||
				sawRole && t.Kind == Word && !IsAdverb(t.Lower) && !IsModal(t.Lower) && !IsBe(t.Lower) && !IsHave(t.Lower) && !IsPronoun(t.Lower)
			if stopWord[t.Lower] || !t.Cap() && !inTitle {
				break
			}
			if IsPersonRole(t.Lower) {
				sawRole = true
			}
			words = append(words, t.Lower)
			if mm := a.ment[i]; mm >= 0 && mm != mi {
				if act := d.Mentions[mm].Actor; d.Actors[act].Kind != pledgegraph.KindPerson {
					orgs = append(orgs, act)
				}
			}
			if maleHonor[t.Lower] {
				a.gend[m.Actor] = genderMale
			}
			if femaleHonor[t.Lower] {
				a.gend[m.Actor] = genderFemale
			}
			if t.Lower == "the" || t.Lower == "a" || t.Lower == "an" {
				break
			}
		}
		// An appositive after the name: "Tomas Ekberg, the agency’s country director".
		hi := a.TokenAt(m.End)
		if hi < len(a.Toks) && a.Toks[hi].Text == "," && a.Toks[hi].Sent == a.Toks[lo].Sent {
			for i := hi + 1; i < a.sent[a.Toks[lo].Sent][1] && i <= hi+10; i++ {
				t := a.Toks[i]
				if t.Kind == Punct && t.Text != "’" && t.Text != "'" {
					break
				}
				if i == hi+1 && !IsDeterminer(t.Lower) && !t.Cap() {
					break
				}
				words = append(words, t.Lower)
				if mm := a.ment[i]; mm >= 0 {
					if act := d.Mentions[mm].Actor; d.Actors[act].Kind != pledgegraph.KindPerson {
						orgs = append(orgs, act)
					}
				}
			}
		}
		for _, w := range words {
			if w == "spokeswoman" || w == "chairwoman" || w == "congresswoman" {
				a.gend[m.Actor] = genderFemale
			}
		}
		a.title[m.Actor] += " " + strings.Join(words, " ")
		if !seen[m.Actor] && len(orgs) > 0 {
			seen[m.Actor] = true
			// The nearest body in the title: "UN relief chief" → UN,
			// "EU Crisis Management Commissioner" → EU.
			best := orgs[0]
			for _, o := range orgs {
				if d.Actors[o].Kind == pledgegraph.KindOrganization {
					best = o
					break
				}
			}
			a.affil[m.Actor] = best
		}
	}
}

// stopWord ends a title scan.
var stopWord = set("said", "says", "told", "and", "but", "or", "while", "as", "that", "when", "after", "before",
	"with", "by", "in", "on", "at", "from", "met", "between", "including", "like", "than", "said.")

// roleModifier are lower-case words that appear inside titles.
func roleModifier(w string) bool {
	return titleWords[w]
}

var titleWords = set("foreign", "defence", "defense", "prime", "deputy", "vice", "interior", "finance", "trade",
	"economy", "economic", "health", "justice", "energy", "climate", "environment", "development", "relief",
	"humanitarian", "affairs", "cabinet", "state", "country", "infrastructure", "commerce", "security",
	"national", "top", "senior", "chief", "general", "special", "high", "acting", "former", "crisis", "management",
	"agriculture", "education", "transport", "labour", "labor", "culture", "immigration", "home", "industry",
	"communications", "information", "veterans", "treasury", "war", "navy", "army", "air", "force", "intelligence",
	"military", "armed", "forces", "emergency", "emergencies", "refugee", "refugees", "human", "rights", "regional",
	"assistant", "under", "secretary", "minister", "president", "spokesman", "spokeswoman", "spokesperson", "envoy",
	"ambassador", "commissioner", "director", "head", "leader", "representative", "official", "adviser", "advisor",
	"coordinator", "negotiator", "chair", "chairman", "chairwoman", "governor", "mayor", "commander", "premier", "chancellor")

// institutionWords name the organs of a state, which act for it ("Egypt's
// foreign ministry", "the State Department"); armed groups, parties and
// companies tied to a state do not.
var institutionWords = []string{"ministry", "ministries", "department", "government", "office", "cabinet",
	"presidency", "embassy", "parliament", "kremlin", "white house", "treasury", "chancellery", "armed forces",
	"army", "navy", "air force", "military", "coast guard", "defense forces", "defence forces", "foreign service", "state council", "senate",
	"congress", "duma", "assembly", "administration", "pentagon", "secretariat of state", "élysée", "elysee", "downing street"}

// StateInstitution reports whether an organization's name names an organ of
// a state.
func StateInstitution(name string) bool {
	n := " " + strings.ToLower(name) + " "
	for _, w := range institutionWords {
		if strings.Contains(n, " "+w+" ") {
			return true
		}
	}
	return false
}
