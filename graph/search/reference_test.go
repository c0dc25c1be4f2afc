package search

// The reference: Find as it was before pageCollector and fuzzyQuery, with
// bleve's sort by score then _id, its fuzzy queries and the locations it
// reports for every hit. TestFindMatchesReference holds Find to it.

import (
	"context"
	"encoding/base64"
	"log/slog"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"pledgegraph"
	"pledgegraph/graph/traverse/traversetest"
)

// refFind is Find before: same validation aside (the callers pass valid
// queries).
func (ix *Index) refFind(ctx context.Context, q Query) (*Result, error) {
	text := strings.TrimSpace(q.Text)
	types := q.Types
	if len(types) == 0 {
		types = []string{pledgegraph.TypeActor, pledgegraph.TypeStatement, pledgegraph.TypeCommitment}
	}
	first := q.First
	if first == 0 {
		first = DefaultFirst
	}
	var after []string
	if q.After != "" {
		b, _ := decodeCursorRaw(q.After)
		score, id, _ := strings.Cut(b, "|")
		after = []string{score, id}
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	analyzer := ix.idx.Mapping().AnalyzerNamed("text")
	var res *bleve.SearchResult
	for _, anyWord := range []bool{false, true} {
		bq := refBuildQuery(text, types, analyzer, anyWord)
		if bq == nil {
			return &Result{Hits: []Hit{}}, nil
		}
		req := bleve.NewSearchRequestOptions(bq, first+1, 0, false)
		req.SortBy([]string{"-_score", "_id"})
		req.Fields = []string{fType, fLabel, fText}
		req.IncludeLocations = true
		if after != nil {
			req.SetSearchAfter(after)
		}
		var err error
		if res, err = ix.idx.SearchInContext(ctx, req); err != nil {
			return nil, err
		}
		if res.Total > 0 || len(rawWords(text)) < 2 {
			break
		}
	}
	out := &Result{Hits: make([]Hit, 0, min(len(res.Hits), first)), Total: int(res.Total)}
	for i, h := range res.Hits {
		if i == first {
			out.HasNext = true
			break
		}
		out.Hits = append(out.Hits, refMakeHit(h, text))
	}
	return out, nil
}

func refBuildQuery(text string, types []string, textAnalyzer analysis.Analyzer, anyWord bool) query.Query {
	keys := strings.Fields(pledgegraph.NameKey(text))
	if len(keys) > 32 {
		keys = keys[:32]
	}
	var should []query.Query

	// Actors: every word must match a word of a name, alias or title:
	// exactly, as a prefix, or within an edit distance growing with its
	// length. The whole phrase adds to the score.
	if slices.Contains(types, pledgegraph.TypeActor) && len(keys) > 0 {
		var words []query.Query
		for i, k := range keys {
			alts := []query.Query{boosted(termQ(fNames, k), 4)}
			if i == len(keys)-1 || utf8.RuneCountInString(k) >= 3 {
				p := query.NewPrefixQuery(k)
				p.SetField(fNames)
				p.SetBoost(2)
				alts = append(alts, p)
			}
			if d := fuzziness(k); d > 0 {
				f := query.NewFuzzyQuery(k)
				f.SetField(fNames)
				f.SetFuzziness(d)
				f.SetBoost(1)
				alts = append(alts, f)
			}
			words = append(words, query.NewDisjunctionQuery(alts))
		}
		actor := query.NewBooleanQuery(nil, nil, nil)
		actor.AddMust(words...)
		if len(keys) > 1 {
			ph := query.NewMatchPhraseQuery(strings.Join(keys, " "))
			ph.SetField(fNames)
			ph.Analyzer = "key"
			ph.SetBoost(4)
			actor.AddShould(ph)
		}
		actor.AddFilter(termQ(fType, pledgegraph.TypeActor))
		should = append(should, actor)
	}

	// Statements, commitments, documents: every word must match a word of
	// the text (stemmed, stop words ignored) or of the names of their actors
	// (as typed or misspelt); with anyWord, one word is enough. The exact
	// phrase ranks higher.
	var words []query.Query
	for _, w := range rawWords(text) {
		var alts []query.Query
		for _, tok := range textAnalyzer.Analyze([]byte(w)) {
			alts = append(alts, termQ(fText, string(tok.Term)))
		}
		if len(alts) == 0 {
			continue // a stop word
		}
		for _, k := range strings.Fields(pledgegraph.NameKey(w)) {
			alts = append(alts, boosted(termQ(fPeople, k), 1.5))
			if d := fuzziness(k); d > 0 {
				f := query.NewFuzzyQuery(k)
				f.SetField(fPeople)
				f.SetFuzziness(d)
				f.SetBoost(0.5)
				alts = append(alts, f)
			}
		}
		words = append(words, query.NewDisjunctionQuery(alts))
	}
	var content *query.BooleanQuery
	if len(words) > 0 {
		content = query.NewBooleanQuery(nil, nil, nil)
		if anyWord {
			content.AddShould(words...)
		} else {
			content.AddMust(words...)
		}
		if len(words) > 1 {
			phrase := query.NewMatchPhraseQuery(text)
			phrase.SetField(fText)
			phrase.SetBoost(3)
			content.AddShould(phrase)
		}
	}
	var others []query.Query
	for _, t := range types {
		if t != pledgegraph.TypeActor {
			others = append(others, termQ(fType, t))
		}
	}
	if len(others) > 0 && content != nil {
		content.AddFilter(query.NewDisjunctionQuery(others))
		should = append(should, content)
	}
	if len(should) == 0 {
		return nil
	}
	return query.NewDisjunctionQuery(should)
}

func refMakeHit(h *bsearch.DocumentMatch, text string) Hit {
	str := func(f string) string {
		if v, ok := h.Fields[f].(string); ok {
			return v
		}
		return ""
	}
	hit := Hit{ID: h.ID, Type: str(fType), Score: h.Score, Cursor: encodeCursor(h.Score, h.ID)}
	switch hit.Type {
	case pledgegraph.TypeActor:
		hit.Snippet = str(fLabel)
		hit.Highlights = refNameHighlights(hit.Snippet, h.Locations[fNames], text)
	default:
		var spans []Span
		for _, locs := range h.Locations[fText] {
			for _, l := range locs {
				spans = append(spans, Span{int(l.Start), int(l.End)})
			}
		}
		hit.Snippet, hit.Highlights = snippet(str(fText), spans, 200)
	}
	if hit.Highlights == nil {
		hit.Highlights = []Span{}
	}
	return hit
}

// nameHighlights marks the words of a display name whose fold matched: one
// of the terms the index matched, or a query word it starts with.
func refNameHighlights(name string, terms map[string]bsearch.Locations, text string) []Span {
	keys := strings.Fields(pledgegraph.NameKey(text))
	var out []Span
	for _, w := range words(name) {
		k := pledgegraph.NameKey(name[w.Start:w.End])
		if k == "" {
			continue
		}
		_, matched := terms[k]
		for _, q := range keys {
			if strings.HasPrefix(k, q) {
				matched = true
			}
		}
		if matched {
			out = append(out, w)
		}
	}
	return out
}

func decodeCursorRaw(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	return string(b), err
}

// referenceCorpus is a synthetic corpus with, besides, names and texts
// that exercise the highlights: accents, hyphens, apostrophes, numbers,
// abbreviations, possessives, stop words and repeated phrases.
func referenceCorpus() []*pledgegraph.Extraction {
	xs := traversetest.Corpus(7, 120)
	doc := "doc:ffffffffffffffff"
	actors := []pledgegraph.Actor{
		{ID: pledgegraph.ActorID(pledgegraph.KindPerson, "Marc-André Dupont"), Name: "Marc-André Dupont", Kind: pledgegraph.KindPerson, Aliases: []string{"Dupont"}, Title: "Foreign Minister"},
		{ID: pledgegraph.ActorID(pledgegraph.KindCountry, "Côte d'Ivoire"), Name: "Côte d'Ivoire", Kind: pledgegraph.KindCountry, Aliases: []string{"Ivory Coast"}},
		{ID: pledgegraph.ActorID(pledgegraph.KindPerson, "Seán O'Neill"), Name: "Seán O'Neill", Kind: pledgegraph.KindPerson, Aliases: []string{"O'Neill"}, Title: "Envoy"},
		{ID: pledgegraph.ActorID(pledgegraph.KindPerson, "Étienne Marchetti"), Name: "Étienne Marchetti", Kind: pledgegraph.KindPerson, Aliases: []string{"Marchetti"}, Title: "President"},
		{ID: pledgegraph.ActorID(pledgegraph.KindCountry, "United States"), Name: "United States", Kind: pledgegraph.KindCountry, Aliases: []string{"U.S.", "US"}},
	}
	texts := []string{
		"The U.S. will send 5,000 troops to Côte d'Ivoire if a ceasefire holds, Marchetti's office said.",
		"security guarantees for Ukraine and security guarantees to Europe: the guarantees are security for all",
		"Marc-André Dupont's plan: de-escalation first, then talks on the ceasefire; the ceasefire's terms later.",
		"Étienne Marchetti pledged €120 million in aid — humanitarian aid, not military aid.",
		"O'Neill said the Ivory Coast deal was \"not just words\" and that the deal would hold.",
		strings.Repeat("ceasefire troops security guarantees ", 12) + "end",
	}
	x := &pledgegraph.Extraction{Document: pledgegraph.Document{ID: doc, Title: "U.S. and Côte d'Ivoire agree on security guarantees"}, Actors: actors}
	for i, t := range texts {
		x.Statements = append(x.Statements, pledgegraph.Statement{
			ID: pledgegraph.StatementID(doc, pledgegraph.Direct, i*100, i*100+90), Kind: pledgegraph.Direct, Text: t,
			Speaker: actors[i%len(actors)].ID, Mentions: []string{actors[(i+1)%len(actors)].ID}, Cue: "said"})
	}
	x.Commitments = []pledgegraph.Commitment{{ID: pledgegraph.CommitmentID(doc, actors[4].ID, "send 5,000 troops", 0, 90),
		Actor: actors[4].ID, Action: "send 5,000 troops", Amount: "5,000 troops", Target: actors[1].ID,
		Polarity: pledgegraph.Positive, Modality: "will", Condition: "if a ceasefire holds"}}
	return append(xs, x)
}

// Find gives what the reference gives: the same hits in the same order
// with the same scores, totals, snippets, highlights and cursors, page
// after page, on an index of several segments with deleted entries.
func TestFindMatchesReference(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	xs := referenceCorpus()
	for lo := 0; lo < len(xs); lo += 17 { // several segments; actors merged across them (deleted entries)
		if err := ix.IndexAll(ctx, xs[lo:min(lo+17, len(xs))]); err != nil {
			t.Fatal(err)
		}
	}
	queries := []string{
		"Étienn", "Marchett", "Marchetty", "Marchetti's", "Étienne Marchetti", "etienne marchetti sanctions",
		"Marc-André", "marc andre", "Dupont", "Dupond", "Côte d'Ivoire", "Ivoire", "ivory", "O'Neill", "Oneil",
		"U.S.", "US troops", "5,000 troops", "5,000", "€120 million", "security guarantees for Ukraine",
		"security guarantees", "guarantees security", "the ceasefire", "ceasefire troops", "ceasefire's terms",
		"not just words", "deal would hold", "humanitarian aid", "aid", "a", "xylophone", "xylophone troops",
		"President", "Foreign Minister", "Envoy Seán", "United", "Unitd Staes", "textbook diplomatic solutions",
	}
	// Words and names of the synthetic corpus: as typed, cut short,
	// misspelt, and in pairs.
	r := rand.New(rand.NewPCG(1, 2))
	var vocab []string
	for _, x := range xs[:30] {
		for _, a := range x.Actors {
			vocab = append(vocab, strings.Fields(a.Name)...)
		}
		for _, s := range x.Statements[:2] {
			vocab = append(vocab, strings.Fields(s.Text)...)
		}
	}
	queries = append(queries, variants(r, vocab, 30, false)...)
	typeSets := [][]string{{pledgegraph.TypeActor}, {pledgegraph.TypeStatement, pledgegraph.TypeDocument}, {pledgegraph.TypeCommitment}}
	pages := 0
	for i, text := range queries {
		for _, types := range [][]string{nil, typeSets[i%len(typeSets)]} {
			// The first pages one hit at a time, all of them seven at a
			// time (up to 10 pages), and one page of 100.
			for _, first := range []struct{ n, pages int }{{1, 3}, {7, 10}, {100, 1}} {
				q := Query{Text: text, Types: types, First: first.n}
				for range first.pages {
					got := findAsReference(t, ix, q)
					pages++
					if !got.HasNext {
						break
					}
					q.After = got.Hits[len(got.Hits)-1].Cursor
				}
			}
		}
	}
	t.Logf("%d queries, %d pages compared; %d searches by the engine, %d by bleve", len(queries), pages, ix.engineRuns.Load(), ix.bleveRuns.Load())
}

// variants draws n queries from vocab: a word as typed, cut short by up to
// two letters, with a letter dropped, or followed by another word; with
// phrases, also followed by "the" and two more words.
func variants(r *rand.Rand, vocab []string, n int, phrases bool) []string {
	kinds := 4
	if phrases {
		kinds = 5
	}
	out := make([]string, 0, n)
	for range n {
		w := vocab[r.IntN(len(vocab))]
		switch r.IntN(kinds) {
		case 0:
			w = w[:max(1, len(w)-r.IntN(3))]
		case 1:
			if len(w) > 3 {
				i := 1 + r.IntN(len(w)-2)
				w = w[:i] + w[i+1:]
			}
		case 2:
			w += " " + vocab[r.IntN(len(vocab))]
		case 3:
			w += " the " + vocab[r.IntN(len(vocab))] + " " + vocab[r.IntN(len(vocab))]
		}
		out = append(out, w)
	}
	return out
}

// findAsReference runs q with Find and refFind, fails the test unless they
// give the same result, and returns it.
func findAsReference(t *testing.T, ix *Index, q Query) *Result {
	t.Helper()
	ctx := context.Background()
	got, err := ix.Find(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ix.refFind(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%+v:\n got %+v\nwant %+v", q, got, want)
	}
	return got
}
