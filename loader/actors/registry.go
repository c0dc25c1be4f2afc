package actors

import (
	"sort"

	"pledgegraph"
	"pledgegraph/loader/annot"
)

// registry collects the actors of one document and their mentions while the
// recognizer runs, then renders them in order of first mention.
type registry struct {
	actors   []pledgegraph.Actor
	byKey    map[string]int
	aliases  []map[string]bool
	mentions []annot.Mention
	covered  []bool      // per byte of the text: taken by a mention
	ends     [][]int     // per actor: end offsets of its mentions
	merged   []int       // per actor: the actor it was merged into, or -1
	byStart  map[int]int // mention start offset → index into mentions
	byEnd    map[int]int // mention end offset → index into mentions
}

func newRegistry(textLen int) *registry {
	return &registry{byKey: map[string]int{}, covered: make([]bool, textLen), byStart: map[int]int{}, byEnd: map[int]int{}}
}

// at returns the actor of the mention starting at start (or, when start < 0,
// ending at end) and ending at end (any end when end < 0), or -1.
func (r *registry) at(start, end int) int {
	var i int
	var ok bool
	if start >= 0 {
		i, ok = r.byStart[start]
	} else {
		i, ok = r.byEnd[end]
	}
	if !ok || end >= 0 && r.mentions[i].End != end {
		return -1
	}
	return r.mentions[i].Actor
}

func actorKey(kind pledgegraph.ActorKind, name string) string {
	return string(kind) + "|" + pledgegraph.NameKey(name)
}

// ensure returns the index of the actor of that kind and name, adding it.
func (r *registry) ensure(kind pledgegraph.ActorKind, name string) int {
	k := actorKey(kind, name)
	if i, ok := r.byKey[k]; ok {
		return i
	}
	r.actors = append(r.actors, pledgegraph.Actor{ID: pledgegraph.ActorID(kind, name), Name: name, Kind: kind})
	r.aliases = append(r.aliases, map[string]bool{})
	r.ends = append(r.ends, nil)
	r.merged = append(r.merged, -1)
	r.byKey[k] = len(r.actors) - 1
	return len(r.actors) - 1
}

// merge makes actor from one with actor to: its mentions and names become
// to's, and from is dropped from the result.
func (r *registry) merge(from, to int) {
	if from == to || from < 0 || to < 0 {
		return
	}
	for i := range r.mentions {
		if r.mentions[i].Actor == from {
			r.mentions[i].Actor = to
		}
	}
	r.ends[to] = append(r.ends[to], r.ends[from]...)
	r.ends[from] = nil
	r.alias(to, r.actors[from].Name)
	for _, a := range r.actors[from].Aliases {
		r.alias(to, a)
	}
	for k, i := range r.byKey {
		if i == from {
			r.byKey[k] = to
		}
	}
	r.merged[from] = to
}

// live returns the actor that actor i was merged into, or i.
func (r *registry) live(i int) int {
	for n := 0; i >= 0 && i < len(r.merged) && r.merged[i] >= 0 && n < len(r.merged); n++ {
		i = r.merged[i]
	}
	return i
}

// alias records a surface form of actor i.
func (r *registry) alias(i int, s string) {
	i = r.live(i)
	if i < 0 || s == "" || s == r.actors[i].Name || r.aliases[i][s] {
		return
	}
	r.aliases[i][s] = true
	r.actors[i].Aliases = append(r.actors[i].Aliases, s)
}

// taken reports whether sp overlaps a mention already recorded.
func (r *registry) taken(sp annot.Span) bool {
	if sp.Start < 0 || sp.End > len(r.covered) {
		return true
	}
	for _, c := range r.covered[sp.Start:sp.End] {
		if c {
			return true
		}
	}
	return false
}

// mention records a mention of actor i (or -1) unless it overlaps another.
func (r *registry) mention(sp annot.Span, i int, kind annot.MentionKind, sent int) bool {
	if sp.Len() <= 0 || r.taken(sp) {
		return false
	}
	i = r.live(i)
	for k := sp.Start; k < sp.End; k++ {
		r.covered[k] = true
	}
	r.mentions = append(r.mentions, annot.Mention{Span: sp, Actor: i, Kind: kind, Sentence: sent})
	r.byStart[sp.Start] = len(r.mentions) - 1
	r.byEnd[sp.End] = len(r.mentions) - 1
	if i >= 0 {
		r.ends[i] = append(r.ends[i], sp.End)
	}
	return true
}

// lastMentionBefore returns the end offset of the last mention of actor i
// that ends at or before off, or -1.
func (r *registry) lastMentionBefore(i, off int) int {
	best := -1
	if i < 0 || i >= len(r.ends) {
		return best
	}
	for _, e := range r.ends[i] {
		if e <= off && e > best {
			best = e
		}
	}
	return best
}

// result renders the actors in order of first mention (actors without a
// mention last, in order of discovery) and remaps the mentions.
func (r *registry) result() ([]pledgegraph.Actor, []annot.Mention) {
	first := make([]int, len(r.actors))
	for i := range first {
		first[i] = int(^uint(0) >> 1)
	}
	for _, m := range r.mentions {
		if m.Actor >= 0 && m.Start < first[m.Actor] {
			first[m.Actor] = m.Start
		}
	}
	var order []int
	for i := range r.actors {
		if r.merged[i] < 0 {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return first[order[a]] < first[order[b]] })
	remap := make([]int, len(r.actors))
	actors := make([]pledgegraph.Actor, 0, len(r.actors))
	for newI, old := range order {
		remap[old] = newI
		a := r.actors[old]
		if a.Aliases == nil {
			a.Aliases = []string{}
		}
		actors = append(actors, a)
	}
	ms := make([]annot.Mention, len(r.mentions))
	copy(ms, r.mentions)
	for i := range ms {
		if ms[i].Actor >= 0 {
			ms[i].Actor = remap[ms[i].Actor]
		}
	}
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	return actors, ms
}
