// Package traversetest builds deterministic synthetic extractions for the
// tests and benchmarks of graph traversal and search: many documents over a
// shared cast of actors whose popularity follows a Zipf law, so that the
// graph has the hubs (a few countries in every other article) and the long
// tail real news graphs have.
package traversetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"pledgegraph"
	"pledgegraph/loader/triples"
)

// Writer stores the triples of one document; pledgegraph.Store satisfies it.
type Writer interface {
	Write(ctx context.Context, docID string, triples []pledgegraph.Triple) (bool, error)
}

// Load writes each extraction as the loader would (loader/triples.Build) and
// calls after, if not nil, with each document written.
func Load(ctx context.Context, w Writer, xs []*pledgegraph.Extraction, after func(docID string, ts []pledgegraph.Triple)) error {
	for _, x := range xs {
		ts := triples.Build(x)
		created, err := w.Write(ctx, x.Document.ID, ts)
		if err != nil {
			return fmt.Errorf("write %s: %w", x.Document.ID, err)
		}
		if created && after != nil {
			after(x.Document.ID, ts)
		}
	}
	return nil
}

var countries = []string{
	"United States", "Ukraine", "Russia", "France", "Germany", "United Kingdom", "China", "Poland",
	"Italy", "Spain", "Belgium", "Netherlands", "Turkey", "Japan", "India", "Brazil", "Canada",
	"Norway", "Denmark", "Sweden", "Finland", "Estonia", "Latvia", "Lithuania", "Romania", "Hungary",
	"Czech Republic", "Croatia", "Greece", "Egypt", "Kenya", "Nigeria", "South Africa", "Australia",
	"New Zealand", "Mexico", "Argentina", "Saudi Arabia", "Qatar", "Haiti",
}

var organizations = []string{
	"NATO", "European Union", "United Nations", "World Food Programme", "African Union",
	"International Monetary Fund", "World Bank", "OSCE", "Red Cross", "ASEAN", "CARICOM", "G7",
}

var titles = []string{"President", "Prime Minister", "Foreign Minister", "Defence Minister",
	"Finance Minister", "Trade Minister", "Ambassador", "Chancellor", "Envoy", "Spokesperson"}

var syllables = []string{"ka", "ren", "vo", "lin", "mar", "te", "sa", "dor", "ni", "ko", "ber", "ta",
	"lu", "mi", "gar", "sen", "ha", "rik", "an", "del", "os", "va", "tor", "ell", "ru", "zen", "ski", "ova"}

var words = []string{"ceasefire", "troops", "security", "guarantees", "monitoring", "mission", "aid",
	"humanitarian", "reconstruction", "sanctions", "energy", "grain", "corridor", "talks", "summit",
	"deterrence", "air", "defence", "funding", "billion", "million", "coalition", "border", "drones",
	"refugees", "climate", "fund", "tariffs", "negotiations", "peace", "agreement", "support", "forces",
	"navy", "training", "equipment", "weapons", "protocols", "framework", "deal", "verification"}

var actions = []string{"deploy forces", "send troops", "provide humanitarian aid", "fund reconstruction",
	"lead a truce monitoring mechanism", "supply air defence systems", "train soldiers", "lift sanctions",
	"open a grain corridor", "contribute to the climate fund", "establish military hubs", "send naval escorts"}

// Corpus returns n synthetic extractions, the same for the same seed. The
// cast grows with n (about n/3 persons, at least 30, at most 4000), and
// each document names 5 to 12 actors drawn by popularity (with the
// countries of the persons), with 6 to 16 statements and 3 to 10 commitments
// among them — about what the loader reads from a news article.
func Corpus(seed uint64, n int) []*pledgegraph.Extraction {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	cast := newCast(r, min(max(n/3, 30), 4000))
	out := make([]*pledgegraph.Extraction, n)
	for i := range out {
		out[i] = cast.document(rand.New(rand.NewPCG(seed, uint64(i)+1)), seed, i)
	}
	return out
}

type cast struct {
	actors []pledgegraph.Actor // persons, countries and organizations, by popularity
	byID   map[string]int
}

func newCast(r *rand.Rand, persons int) *cast {
	c := &cast{byID: map[string]int{}}
	var all []pledgegraph.Actor
	for _, name := range countries {
		all = append(all, pledgegraph.Actor{ID: pledgegraph.ActorID(pledgegraph.KindCountry, name), Name: name, Kind: pledgegraph.KindCountry})
	}
	for _, name := range organizations {
		all = append(all, pledgegraph.Actor{ID: pledgegraph.ActorID(pledgegraph.KindOrganization, name), Name: name, Kind: pledgegraph.KindOrganization})
	}
	seen := map[string]bool{}
	for len(all) < len(countries)+len(organizations)+persons {
		first, last := name(r, 2), name(r, 2+r.IntN(2))
		full := first + " " + last
		if seen[full] {
			continue
		}
		seen[full] = true
		country := all[min(r.IntN(len(countries)), r.IntN(len(countries)))] // lower-ranked countries more often
		all = append(all, pledgegraph.Actor{
			ID: pledgegraph.ActorID(pledgegraph.KindPerson, full), Name: full, Kind: pledgegraph.KindPerson,
			Aliases: []string{last}, Title: titles[r.IntN(len(titles))], Country: country.ID,
		})
	}
	// Popularity: a random order, countries and organizations favoured.
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	for i := range all {
		if all[i].Kind != pledgegraph.KindPerson && i > 0 && r.IntN(3) > 0 {
			j := r.IntN(i)
			all[i], all[j] = all[j], all[i]
		}
	}
	c.actors = all
	for i, a := range all {
		c.byID[a.ID] = i
	}
	return c
}

func name(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func phrase(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.IntN(len(words))]
	}
	return strings.Join(ws, " ")
}

func (c *cast) document(r *rand.Rand, seed uint64, i int) *pledgegraph.Extraction {
	zipf := rand.NewZipf(r, 1.2, 4, uint64(len(c.actors)-1))
	raw := fmt.Sprintf("synthetic article %d of corpus %d", i, seed)
	id := pledgegraph.DocumentID(raw)
	x := &pledgegraph.Extraction{Document: pledgegraph.Document{
		ID: id, Title: strings.ToUpper(phrase(r, 1)[:1]) + phrase(r, 6), Source: fmt.Sprintf("synthetic/%05d.txt", i),
		PublishedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365),
		ContentHash: pledgegraph.ContentHash(raw),
	}}
	in := map[string]bool{}
	add := func(a pledgegraph.Actor) {
		if in[a.ID] {
			return
		}
		in[a.ID] = true
		x.Actors = append(x.Actors, a)
		if a.Country != "" && !in[a.Country] {
			in[a.Country] = true
			x.Actors = append(x.Actors, c.actors[c.byID[a.Country]])
		}
	}
	for k := 5 + r.IntN(8); len(x.Actors) < k; {
		add(c.actors[zipf.Uint64()])
	}
	pick := func(kinds ...pledgegraph.ActorKind) string {
		var ids []string
		for _, a := range x.Actors {
			for _, k := range kinds {
				if a.Kind == k {
					ids = append(ids, a.ID)
				}
			}
		}
		if len(ids) == 0 {
			return ""
		}
		return ids[r.IntN(len(ids))]
	}
	var text strings.Builder
	text.WriteString(x.Document.Title + "\n")
	ev := func(rule string) pledgegraph.Evidence {
		start := text.Len()
		text.WriteString(phrase(r, 8) + ". ")
		return pledgegraph.Evidence{Document: id, Sentence: strings.Count(text.String(), ". ") - 1,
			Start: start, End: text.Len(), Rule: rule, Confidence: 0.9}
	}
	for range 6 + r.IntN(11) {
		kind := pledgegraph.Direct
		if r.IntN(2) == 0 {
			kind = pledgegraph.Indirect
		}
		e := ev("synthetic/statement")
		s := pledgegraph.Statement{
			ID: pledgegraph.StatementID(id, kind, e.Start, e.End), Kind: kind,
			Text: phrase(r, 6+r.IntN(10)), Cue: "said", Evidence: e,
		}
		if r.IntN(10) > 0 {
			s.Speaker = pick(pledgegraph.KindPerson, pledgegraph.KindOrganization)
		}
		for range r.IntN(3) {
			if m := pick(pledgegraph.KindCountry, pledgegraph.KindPerson, pledgegraph.KindOrganization); m != "" && m != s.Speaker {
				s.Mentions = append(s.Mentions, m)
			}
		}
		x.Statements = append(x.Statements, s)
	}
	for range 3 + r.IntN(8) {
		actor := pick(pledgegraph.KindCountry, pledgegraph.KindOrganization)
		if actor == "" {
			continue
		}
		e := ev("synthetic/commitment")
		action := actions[r.IntN(len(actions))]
		cm := pledgegraph.Commitment{
			ID: pledgegraph.CommitmentID(id, actor, action, e.Start, e.End), Actor: actor, Action: action,
			Polarity: pledgegraph.Positive, Modality: "pledged", Evidence: e,
		}
		if r.IntN(6) == 0 {
			cm.Polarity, cm.Modality = pledgegraph.Negative, "would not"
		}
		if t := pick(pledgegraph.KindCountry); t != actor && r.IntN(2) == 0 {
			cm.Target = t
		}
		if r.IntN(3) == 0 {
			cm.Condition = "if a ceasefire is reached"
		}
		if len(x.Statements) > 0 && r.IntN(2) == 0 {
			cm.Statement = x.Statements[r.IntN(len(x.Statements))].ID
		}
		x.Commitments = append(x.Commitments, cm)
	}
	x.Document.Text = text.String()
	return x
}
