package actors

import (
	"sort"
	"strings"

	"pledgegraph"
	"pledgegraph/loader/annot"
)

// roles reads role mentions — "the minister", "The cabinet secretary", "the
// prime minister", "The Kremlin spokesman", "the ministry", "this alliance",
// "the allies" — and links each to the most recently mentioned actor it
// fits, or leaves it unresolved (-1) when none fits.
func (r *recognizer) roles() {
	r.indexRoles()
	for i := 0; i+1 < len(r.toks); i++ {
		switch r.toks[i].lower {
		case "the", "this":
		default:
			continue
		}
		if r.used[i] || r.headline(r.toks[i]) {
			continue
		}
		// modifiers, then the head noun
		k := i + 1
		var mods []string
		for k < len(r.toks) && r.word(k) && !r.used[k] && len(mods) < 3 && r.sameUnit(i, k) {
			lw := r.toks[k].lower
			if roleHeads[lw] || r.groupHead(lw) || lw == "ministry" || lw == "allies" {
				// a head may also be a modifier ("the prime minister")
				if k+1 < len(r.toks) && r.word(k+1) && (roleHeads[r.toks[k+1].lower] || r.groupHead(r.toks[k+1].lower)) && !r.used[k+1] {
					mods = append(mods, lw)
					k++
					continue
				}
				break
			}
			if titleModifiers[lw] || r.match[k] >= 0 && r.matches[r.match[k]].e.kind == eOrg {
				mods = append(mods, lw)
				k++
				continue
			}
			k = -1
			break
		}
		if k < 0 || k >= len(r.toks) || !r.word(k) || r.used[k] || !r.sameUnit(i, k) {
			continue
		}
		head := r.toks[k].lower
		// "the minister Eirik Haugland", "the paramilitary Rapid Support
		// Forces": a noun before a name, not a role
		if n := k + 1; n < len(r.toks) && r.adjacent(k, n) && (r.nameTok(n, false) || r.match[n] >= 0 || r.toks[n].cap && r.word(n)) {
			continue
		}
		// A body or state named inside the phrase keeps its own mention: the
		// role is what follows it ("The Kremlin | spokesman").
		from, body := i, -1
		for m := i + 1; m < k; m++ {
			if mi := r.match[m]; mi >= 0 {
				from = m + 1
				if r.matches[mi].e.kind == eOrg && !r.matches[mi].drop {
					body = r.gazActor(r.matches[mi].e)
				}
			}
		}
		sp := annot.Span{Start: r.toks[from].Start, End: r.toks[k].End}
		sent := r.toks[i].sent
		switch {
		case roleHeads[head]:
			ai := r.rolePerson(append(mods, head), r.toks[i].Start)
			if body >= 0 && ai >= 0 && !r.worksFor(ai, body) {
				// "the State Department spokesman" is not the Kremlin's: the
				// body speaks through an unnamed holder of the office
				ai = body
			}
			if ai < 0 && !r.anyTitled(head) {
				continue // no one of that office in the text: a generic noun
			}
			if r.reg.mention(sp, ai, annot.Role, sent) {
				markRange(r.used, i, k)
			}
		case r.groupHead(head) || head == "ministry":
			ai := r.roleGroup(head, r.toks[i].Start)
			if ai < 0 {
				continue
			}
			if r.reg.mention(sp, ai, annot.Role, sent) {
				markRange(r.used, i, k)
			}
		}
		i = k
	}
}

func markRange(used []bool, a, b int) {
	for k := a; k <= b && k < len(used); k++ {
		used[k] = true
	}
}

// worksFor reports whether person actor ai holds an office of organization
// body: named before the office ("Kremlin spokesman Igor Demidov"), or, when
// no body was named, the state the body belongs to.
func (r *recognizer) worksFor(ai, body int) bool {
	if r.personOf == nil {
		r.personOf = make(map[int]int, len(r.persons))
		for i, p := range r.persons {
			if _, ok := r.personOf[p.actor]; !ok && !p.dead {
				r.personOf[p.actor] = i
			}
		}
	}
	i, ok := r.personOf[ai]
	if !ok {
		return false
	}
	p := r.persons[i]
	if p.body >= 0 {
		return r.reg.live(p.body) == r.reg.live(body)
	}
	c, ok := r.orgCountry[body]
	return ok && p.country == c
}

// groupHead reports whether some organization of the document is referred
// back to by the noun.
func (r *recognizer) groupHead(noun string) bool {
	return len(r.byNoun[noun]) > 0
}

// roleGroup returns the organization with that head noun mentioned last
// before off, or -1.
func (r *recognizer) roleGroup(noun string, off int) int {
	best, bestEnd := -1, -1
	for _, ai := range r.byNoun[noun] {
		if e := r.reg.lastMentionBefore(ai, off); e > bestEnd {
			best, bestEnd = ai, e
		}
	}
	return best
}

// anyTitled reports whether some person of the document holds an office with
// that head.
func (r *recognizer) anyTitled(head string) bool {
	for _, p := range r.persons {
		ws := strings.Fields(strings.ToLower(p.title))
		if len(ws) > 0 && ws[len(ws)-1] == head {
			return true
		}
	}
	return false
}

// personMention is one mention of a titled person, for role lookup.
type personMention struct {
	end   int
	title []string // the person's office, lower case, word by word
	actor int
}

// indexRoles lists, per office head ("minister"), the mentions of the
// persons holding such an office in text order.
func (r *recognizer) indexRoles() {
	r.byHead = map[string][]personMention{}
	titles := map[int][]string{}
	for _, p := range r.persons {
		if p.dead || p.title == "" {
			continue
		}
		titles[p.actor] = strings.Fields(strings.ToLower(strings.NewReplacer("\u2019s", "", "'s", "").Replace(p.title)))
	}
	for _, m := range r.reg.mentions {
		tw, ok := titles[m.Actor]
		if !ok || m.Actor < 0 || len(tw) == 0 {
			continue
		}
		h := tw[len(tw)-1]
		r.byHead[h] = append(r.byHead[h], personMention{end: m.End, title: tw, actor: m.Actor})
	}
	for _, l := range r.byHead {
		sort.Slice(l, func(a, b int) bool { return l[a].end < l[b].end })
	}
}

// rolePerson returns the actor of the person whose office ends with the role
// words and who was mentioned last before off, or -1. Words naming a body
// ("kremlin" in "the Kremlin spokesman") must appear in the office or its
// holder's prefix; they are matched loosely.
func (r *recognizer) rolePerson(words []string, off int) int {
	l := r.byHead[words[len(words)-1]]
	i := sort.Search(len(l), func(i int) bool { return l[i].end > off })
	for i--; i >= 0; i-- {
		if suffixMatch(l[i].title, words) {
			return l[i].actor
		}
	}
	return -1
}

// suffixMatch reports whether the office words end with the role's office
// words; role words that are not offices (bodies, modifiers absent from the
// office) are skipped.
func suffixMatch(title, role []string) bool {
	if len(title) == 0 || len(role) == 0 || title[len(title)-1] != role[len(role)-1] {
		return false
	}
	ti := len(title) - 2
	for ri := len(role) - 2; ri >= 0; ri-- {
		w := role[ri]
		found := false
		for k := ti; k >= 0; k-- {
			if title[k] == w {
				found, ti = true, k-1
				break
			}
		}
		if !found && (titleHeads[w] || w == "prime" || w == "cabinet" || w == "vice" || w == "deputy") {
			return false // "the prime minister" is not any minister
		}
	}
	return true
}

// RoleAmbiguous reports whether a Role mention of d could name more than one
// actor of d: another person holds an office with the same head noun ("the
// prime minister" when two prime ministers are named), or another
// organization ends in it ("the ministry" with two ministries). Recognize
// links such a mention to the actor mentioned last before it; a later stage
// may trust that link less. It is false for other mentions.
func RoleAmbiguous(d *annot.Doc, m annot.Mention) bool {
	if m.Kind != annot.Role || m.Actor < 0 || m.Actor >= len(d.Actors) || m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
		return false
	}
	ws := strings.Fields(strings.ToLower(d.Text[m.Start:m.End]))
	if len(ws) == 0 {
		return false
	}
	head := ws[len(ws)-1]
	linked := d.Actors[m.Actor]
	n := 0
	for _, a := range d.Actors {
		if a.Kind != linked.Kind {
			continue
		}
		s := a.Title
		if a.Kind != pledgegraph.KindPerson {
			s = a.Name
		}
		if fs := strings.Fields(strings.ToLower(s)); len(fs) > 0 && fs[len(fs)-1] == head {
			n++
		}
	}
	return n > 1
}
