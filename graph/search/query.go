package search

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"pledgegraph"
)

// Page sizes.
const (
	DefaultFirst = 20  // Query.First == 0
	MaxFirst     = 100 // more is ELIMIT
	MaxQueryLen  = 500 // bytes of query text; more is EINVALID
)

// Query is a search request.
type Query struct {
	Text  string   // what the user typed
	Types []string // node types to return (pledgegraph.TypeActor, …); nil: actors, statements and commitments
	First int      // page size; 0 means DefaultFirst
	After string   // cursor of the last hit of the previous page, or ""
}

// Hit is one search result.
type Hit struct {
	ID    string
	Type  string // pledgegraph.TypeActor, TypeStatement, TypeCommitment (or TypeDocument when asked for)
	Score float64
	// Snippet is plain text to show: an actor's name, or the part of a
	// statement's or commitment's text around the words that matched,
	// with "…" where it was cut.
	Snippet string
	// Highlights are the byte ranges of Snippet that matched the query.
	Highlights []Span
	Cursor     string // pass as Query.After to get the hits after this one
}

// Span is a half-open byte range [Start, End).
type Span struct{ Start, End int }

// Result is one page of hits.
type Result struct {
	Hits    []Hit
	Total   int  // hits over all pages
	HasNext bool // more hits follow the last one
}

// Search is Find with the default types.
func (ix *Index) Search(ctx context.Context, text string, first int, after string) (*Result, error) {
	return ix.Find(ctx, Query{Text: text, First: first, After: after})
}

// Find runs a query: hits by descending score, then ID, one page at a time.
//
// Errors: EINVALID for empty or over-long text, an unknown type, a negative
// First or a malformed cursor; ELIMIT for First > MaxFirst or when ctx ends;
// EINTERNAL.
func (ix *Index) Find(ctx context.Context, q Query) (*Result, error) {
	const op = "search.Find"
	text := strings.TrimSpace(q.Text)
	switch {
	case text == "" || !utf8.ValidString(text):
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "search text must be non-empty UTF-8")
	case len(text) > MaxQueryLen:
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "search text must be at most %d bytes", MaxQueryLen)
	case q.First < 0:
		return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "first must not be negative")
	case q.First > MaxFirst:
		return nil, pledgegraph.Errorf(pledgegraph.ELIMIT, "first must be at most %d", MaxFirst)
	}
	types := q.Types
	if len(types) == 0 {
		types = []string{pledgegraph.TypeActor, pledgegraph.TypeStatement, pledgegraph.TypeCommitment}
	}
	for _, t := range types {
		if !slices.Contains([]string{pledgegraph.TypeActor, pledgegraph.TypeStatement, pledgegraph.TypeCommitment, pledgegraph.TypeDocument}, t) {
			return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "unknown type %q", t)
		}
	}
	first := q.First
	if first == 0 {
		first = DefaultFirst
	}
	var after *sortKey
	if q.After != "" {
		score, id, ok := decodeCursor(q.After)
		if !ok {
			return nil, pledgegraph.Errorf(pledgegraph.EINVALID, "invalid cursor")
		}
		after = &sortKey{score, id}
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.idx == nil {
		return nil, errClosed(op)
	}
	// One snapshot of the index for the whole search.
	gen := ix.gen.Load()
	r, err := ix.reader()
	if err != nil {
		return nil, pledgegraph.Internal(op, err)
	}
	defer r.Close()
	key := resultKey{text: text, types: typeBits(types), first: first, after: q.After}
	snap, cacheable := r.(*scorch.IndexSnapshot)
	cacheable = cacheable && !ix.noCache
	if cacheable {
		if res, ok := ix.results.get(snap, gen, key); ok {
			return res, nil
		}
	}
	analyzer := ix.idx.Mapping().AnalyzerNamed("text")
	var (
		total uint64
		page  []pageHit
		m     *marks
	)
	// Every word first; when nothing has them all, any word. The choice
	// depends on the total only, so every page of a query makes the same.
	for _, anyWord := range []bool{false, true} {
		var pq *plannedQuery
		pq, m = buildQuery(text, types, analyzer, anyWord, ix.expansions)
		if pq == nil {
			return &Result{Hits: []Hit{}}, nil
		}
		if total, page, err = ix.collect(ctx, r, pq, first, after); err != nil {
			if ctx.Err() != nil {
				return nil, &pledgegraph.Error{Code: pledgegraph.ELIMIT, Message: "search canceled or timed out", Op: op, Err: err}
			}
			return nil, pledgegraph.Internal(op, err)
		}
		if total > 0 || len(rawWords(text)) < 2 {
			break
		}
	}
	out := &Result{Hits: make([]Hit, 0, min(len(page), first)), Total: int(total)}
	keyAnalyzer := ix.idx.Mapping().AnalyzerNamed("key")
	snippets := ix.snippetAnalyzer(analyzer)
	for i, h := range page {
		if i == first {
			out.HasNext = true
			break
		}
		out.Hits = append(out.Hits, makeHit(h, text, m, snippets, keyAnalyzer))
	}
	if cacheable {
		ix.results.put(snap, gen, key, out)
	}
	return out, nil
}

// snippetAnalyzer is the text analyzer a with a cache of its stems.
func (ix *Index) snippetAnalyzer(a analysis.Analyzer) analysis.Analyzer {
	ix.stemsOnce.Do(func() { ix.stems = withStemCache(a) })
	return ix.stems
}

// reader opens a snapshot of the index; close it after use.
func (ix *Index) reader() (index.IndexReader, error) {
	adv, err := ix.idx.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}

// collect runs a query and returns its number of hits and the first+1
// best after the cursor (by descending score, then ID), the first of them
// with their stored fields. Its statements' and commitments' half is
// evaluated by the segment engine (engine.go) unless it cannot be, or an
// uncertain score could change the page; bleve then evaluates it all.
func (ix *Index) collect(ctx context.Context, r index.IndexReader, pq *plannedQuery, first int, after *sortKey) (uint64, []pageHit, error) {
	if pq.content != nil {
		total, page, err := ix.run(ctx, r, pq.query(true), pq.content, first, after)
		switch {
		case err == nil:
			ix.engineRuns.Add(1)
			return total, page, nil
		case errors.Is(err, errInconsistent):
			ix.log.Warn("search engine and bleve disagree; searched with bleve", "err", err)
		case !errors.Is(err, errUnsupported) && !errors.Is(err, errUncertain):
			return 0, nil, err
		}
	}
	if pq.content != nil {
		ix.bleveRuns.Add(1)
	}
	return ix.run(ctx, r, pq.query(false), nil, first, after)
}

// run runs q on the snapshot r, and the plan of content (the engine's half
// of q) if not nil, and collects their hits.
func (ix *Index) run(ctx context.Context, r index.IndexReader, q query.Query, content *contentQuery, first int, after *sortKey) (uint64, []pageHit, error) {
	c := newCollector(r, first+1, after)
	c.cache = ix.expansions
	if buf, ok := ix.hitBufs.Get().(*[]rawHit); ok {
		c.hits = (*buf)[:0]
	}
	defer func() {
		if cap(c.hits) <= 1<<16 {
			buf := c.hits[:0]
			ix.hitBufs.Put(&buf)
		}
	}()
	if err := ix.search(ctx, r, q, content, c); err != nil {
		return 0, nil, err
	}
	page, err := c.finish(first)
	if err != nil {
		return 0, nil, err
	}
	return c.total, page, nil
}

// search runs q on the snapshot r, and the plan of content if not nil,
// and hands their hits to sink (the content's only those that may reach
// its floor; the others it counts).
func (ix *Index) search(ctx context.Context, r index.IndexReader, q query.Query, content *contentQuery, sink hitSink) error {
	m := ix.idx.Mapping()
	model := index.DefaultScoringModel // as bleve's SearchInContext
	if im, ok := m.(*mapping.IndexMappingImpl); ok && im.ScoringModel == index.BM25Scoring {
		model = index.BM25Scoring
	}
	sctx := context.WithValue(ctx, bsearch.GetScoringModelCallbackKey, bsearch.GetScoringModelCallbackFn(func() string { return model }))
	s, err := q.Searcher(sctx, r, m, bsearch.SearcherOptions{})
	if err != nil {
		return err
	}
	defer s.Close()
	pool := bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0)
	bctx := &bsearch.SearchContext{DocumentMatchPool: pool, IndexReader: r}
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		d, err := s.Next(bctx)
		if err != nil {
			return err
		}
		if d == nil {
			break
		}
		err = sink.add(d.Score, d.IndexInternalID.Value(), false)
		pool.Put(d)
		if err != nil {
			return err
		}
	}
	if content == nil {
		return nil
	}
	if content.plan == nil {
		return errUnsupported
	}
	return content.plan.run(ctx, sink, ix.prune)
}

// plannedQuery is a query in its two halves.
type plannedQuery struct {
	actor   query.Query   // actors by name, or nil
	content *contentQuery // statements, commitments, documents by their words and people, or nil
}

// query is the bleve query: with the engine's half as the engine's, or as
// bleve's own.
func (pq *plannedQuery) query(engine bool) query.Query {
	var should []query.Query
	if pq.actor != nil {
		should = append(should, pq.actor)
	}
	if pq.content != nil {
		pq.content.plan = nil
		if engine {
			should = append(should, pq.content)
		} else {
			should = append(should, pq.content.bleveQuery())
		}
	}
	return query.NewDisjunctionQuery(should)
}

// marks is what the highlights of a query are computed from: bleve would
// report the locations of the terms that matched, for every hit; they are
// found again in the page's stored text instead.
type marks struct {
	names  []*expandedQuery // the fuzzy queries on actors' names
	terms  map[string]bool  // the analysed words of the query (text field)
	phrase [][]string       // the phrase query's terms by position, or nil
}

// buildQuery turns what the user typed into a query, or nil when nothing
// in it can match, and what its highlights are computed from.
// textAnalyzer is the analyzer of the text field; fuzzy and prefix
// expansions are cached in ec.
func buildQuery(text string, types []string, textAnalyzer analysis.Analyzer, anyWord bool, ec *expansionCache) (*plannedQuery, *marks) {
	m := &marks{terms: map[string]bool{}}
	keys := strings.Fields(pledgegraph.NameKey(text))
	if len(keys) > 32 {
		keys = keys[:32]
	}
	pq := &plannedQuery{}

	// Actors: every word must match a word of a name, alias or title:
	// exactly, as a prefix, or within an edit distance growing with its
	// length. The whole phrase adds to the score.
	if slices.Contains(types, pledgegraph.TypeActor) && len(keys) > 0 {
		var words []query.Query
		for i, k := range keys {
			alts := []query.Query{boosted(termQ(fNames, k), 4)}
			if i == len(keys)-1 || utf8.RuneCountInString(k) >= 3 {
				alts = append(alts, &expandedQuery{field: fNames, term: k, boost: 2, cache: ec})
			}
			if d := fuzziness(k); d > 0 {
				f := &expandedQuery{field: fNames, term: k, fuzziness: d, boost: 1, cache: ec}
				m.names = append(m.names, f)
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
		// Only actors have names: no filter by type (scores are unaffected).
		pq.actor = actor
	}

	// Statements, commitments, documents: every word must match a word of
	// the text (stemmed, stop words ignored) or of the names of their actors
	// (as typed or misspelt); with anyWord, one word is enough. The exact
	// phrase ranks higher.
	content := &contentQuery{anyWord: anyWord, ec: ec}
	for _, w := range rawWords(text) {
		var alts []altQ
		for _, tok := range textAnalyzer.Analyze([]byte(w)) {
			alts = append(alts, altQ{field: fText, term: string(tok.Term), boost: 1})
			m.terms[string(tok.Term)] = true
		}
		if len(alts) == 0 {
			continue // a stop word
		}
		for _, k := range strings.Fields(pledgegraph.NameKey(w)) {
			alts = append(alts, altQ{field: fPeople, term: k, boost: 1.5})
			if d := fuzziness(k); d > 0 {
				alts = append(alts, altQ{field: fPeople, term: k, boost: 0.5, expand: true, fuzziness: d})
			}
		}
		content.words = append(content.words, alts)
	}
	if len(content.words) > 1 {
		m.phrase = phraseTerms(textAnalyzer.Analyze([]byte(text)))
		content.hasPhrase, content.phrase = true, m.phrase
	}
	// The types asked for: a filter, or, when it excludes only actors and
	// documents (their words are few), the entries of those excluded,
	// which reads far fewer postings; neither changes the scores.
	var others, excluded []string
	for _, t := range []string{pledgegraph.TypeActor, pledgegraph.TypeDocument, pledgegraph.TypeStatement, pledgegraph.TypeCommitment} {
		switch {
		case t == pledgegraph.TypeActor || !slices.Contains(types, t):
			excluded = append(excluded, t)
		default:
			others = append(others, t)
		}
	}
	if len(others) > 0 && len(content.words) > 0 {
		if len(excluded) <= 2 && slices.Contains(types, pledgegraph.TypeStatement) && slices.Contains(types, pledgegraph.TypeCommitment) {
			content.exclude = excluded
		} else {
			content.include = others
		}
		pq.content = content
	}
	if pq.actor == nil && pq.content == nil {
		return nil, m
	}
	if pq.content != nil {
		content.topN = 1
		if pq.actor != nil {
			content.topN = 2
		}
	}
	return pq, m
}

// unscored is a query whose searcher does not score: for a must-not
// clause, whose matches are dropped, that lets bleve join its terms'
// postings into one.
type unscored struct{ query.Query }

func (q unscored) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, _ bsearch.SearcherOptions) (bsearch.Searcher, error) {
	return q.Query.Searcher(ctx, r, m, bsearch.SearcherOptions{Score: "none"})
}

// phraseTerms are the terms of a match-phrase query by relative position
// (none where a stop word was), as bleve's match-phrase query makes them.
func phraseTerms(tokens analysis.TokenStream) [][]string {
	if len(tokens) == 0 {
		return nil
	}
	lo, hi := tokens[0].Position, tokens[0].Position
	for _, t := range tokens {
		lo, hi = min(lo, t.Position), max(hi, t.Position)
	}
	out := make([][]string, hi-lo+1)
	for _, t := range tokens {
		out[t.Position-lo] = append(out[t.Position-lo], string(t.Term))
	}
	return out
}

// rawWords splits what the user typed into words: runs of letters and
// digits, with the apostrophes, dots and hyphens inside them ("U.S.",
// "Marc-André", "Côte d'Ivoire"'s parts).
func rawWords(text string) []string {
	var out []string
	start := -1
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i, r := range text {
		switch {
		case inWord(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && (r == '\'' || r == '’' || r == '.' || r == '-'):
			// inside a word if a letter follows; decided at the next rune
		case start >= 0:
			out = append(out, strings.TrimRight(text[start:i], "'’.-"))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.TrimRight(text[start:], "'’.-"))
	}
	return out
}

// fuzziness is the edit distance a misspelt query word may be at: none for
// short words, where anything would match, one from 4 letters, two from 5.
func fuzziness(k string) int {
	switch n := utf8.RuneCountInString(k); {
	case n >= 5:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

func termQ(field, term string) *query.TermQuery {
	t := query.NewTermQuery(term)
	t.SetField(field)
	return t
}

func boosted(q *query.TermQuery, b float64) query.Query {
	q.SetBoost(b)
	return q
}

// makeHit builds a hit with its snippet and highlights: for an actor the
// words of its name that match a query word (see nameHighlights), else
// the words of its text that match one (stems compared) and the phrase.
func makeHit(h pageHit, text string, m *marks, textAnalyzer, keyAnalyzer analysis.Analyzer) Hit {
	hit := Hit{ID: h.id, Type: h.fields[fType], Score: h.score, Cursor: encodeCursor(h.score, h.id)}
	switch hit.Type {
	case pledgegraph.TypeActor:
		hit.Snippet = h.fields[fLabel]
		hit.Highlights = nameHighlights(hit.Snippet, m.nameTerms(h.fields[fRecord], keyAnalyzer), text)
	default:
		hit.Snippet, hit.Highlights = snippet(h.fields[fText], m.textSpans(h.fields[fText], textAnalyzer), 200)
	}
	if hit.Highlights == nil {
		hit.Highlights = []Span{}
	}
	return hit
}

// nameTerms are the terms of an actor's names field (read from its
// record, as addActor indexed them) that the fuzzy queries matched: with
// the query words' prefixes (nameHighlights checks those itself), the
// terms bleve reports as matched.
func (m *marks) nameTerms(record string, keyAnalyzer analysis.Analyzer) map[string]bool {
	out := map[string]bool{}
	var a pledgegraph.Actor
	if len(m.names) == 0 || json.Unmarshal([]byte(record), &a) != nil {
		return out
	}
	expanded := map[string]bool{}
	for _, f := range m.names {
		for _, t := range f.expanded {
			expanded[t] = true
		}
	}
	// The terms of the names field: each key's words (whitespace-separated),
	// lower-cased. NameKey folds are lower case already: the analyzer is
	// left the words it would change.
	for _, key := range nameKeys(append([]string{a.Name, a.Title}, a.Aliases...)) {
		for _, w := range strings.Fields(key) {
			if !lowerStable(w) {
				for _, tok := range keyAnalyzer.Analyze([]byte(w)) {
					if expanded[string(tok.Term)] {
						out[string(tok.Term)] = true
					}
				}
			} else if expanded[w] {
				out[w] = true
			}
		}
	}
	return out
}

// lowerStable reports whether lower-casing leaves s as it is.
func lowerStable(s string) bool {
	for _, r := range s {
		if unicode.ToLower(r) != r || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// textSpans are the locations bleve reports for a text that matched: the
// words whose term is one of the query's, and the words of each
// occurrence of the query's phrase.
func (m *marks) textSpans(text string, textAnalyzer analysis.Analyzer) []Span {
	tokens := textAnalyzer.Analyze([]byte(text))
	var spans []Span
	at := map[int]*analysis.Token{} // by position
	for _, t := range tokens {
		if m.terms[string(t.Term)] {
			spans = append(spans, Span{t.Start, t.End})
		}
		at[t.Position] = t
	}
	if len(m.phrase) == 0 {
		return spans
	}
	for _, t := range tokens {
		var path []Span
		for i, alts := range m.phrase {
			if len(alts) == 0 {
				continue // a stop word: any word, or none, will do
			}
			u := at[t.Position+i]
			if u == nil || !slices.Contains(alts, string(u.Term)) {
				path = nil
				break
			}
			path = append(path, Span{u.Start, u.End})
		}
		spans = append(spans, path...)
	}
	return spans
}

// nameHighlights marks the words of a display name whose fold matched: one
// of the terms the index matched, or a query word it starts with.
func nameHighlights(name string, terms map[string]bool, text string) []Span {
	keys := strings.Fields(pledgegraph.NameKey(text))
	var out []Span
	for _, w := range words(name) {
		k := pledgegraph.NameKey(name[w.Start:w.End])
		if k == "" {
			continue
		}
		matched := terms[k]
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

// words returns the spans of the words (letters, digits, apostrophes,
// dots and hyphens inside) of s.
func words(s string) []Span {
	var out []Span
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, Span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(s)})
	}
	return out
}

// snippet cuts a window of at most width bytes out of text around the
// densest run of matches (centred on it), on word boundaries where it can,
// with "…" where it cut, and returns the matches inside it relative to the
// snippet.
func snippet(text string, spans []Span, width int) (string, []Span) {
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	spans = slices.Compact(spans)
	if len(text) <= width {
		return text, clip(spans, 0, len(text), 0)
	}
	lo := 0
	if len(spans) > 0 {
		best, bestN, bestEnd := 0, 0, 0
		for i := range spans {
			n, end := 0, 0
			for _, t := range spans[i:] {
				if t.End-spans[i].Start > width {
					break
				}
				n, end = n+1, t.End
			}
			if n > bestN {
				best, bestN, bestEnd = i, n, end
			}
		}
		if bestN == 0 { // a single match wider than the window
			lo = spans[0].Start
		} else {
			lo = spans[best].Start - (width-(bestEnd-spans[best].Start))/2
		}
	}
	lo = min(max(lo, 0), len(text)-width)
	hi := lo + width
	// Word boundaries: look up to a quarter of the window inwards for a
	// space; else cut between runes.
	if lo > 0 && !isSpaceAt(text, lo-1) {
		cut := -1
		for i := lo; i < lo+width/4 && i < hi; i++ {
			if isSpaceAt(text, i) {
				cut = i + 1
				break
			}
		}
		if cut < 0 {
			cut = lo
			for cut < hi && !utf8.RuneStart(text[cut]) {
				cut++
			}
		}
		lo = cut
	}
	if hi < len(text) && !isSpaceAt(text, hi) {
		cut := -1
		for i := hi - 1; i > hi-width/4 && i > lo; i-- {
			if isSpaceAt(text, i) {
				cut = i
				break
			}
		}
		if cut < 0 {
			cut = hi
			for cut > lo && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		hi = cut
	}
	window := text[lo:hi]
	body := strings.TrimSpace(window)
	shift := lo + strings.Index(window, body)
	prefix, suffix := "", ""
	if lo > 0 {
		prefix = "…"
	}
	if hi < len(text) {
		suffix = "…"
	}
	return prefix + body + suffix, clip(spans, shift, shift+len(body), len(prefix)-shift)
}

// isSpaceAt reports whether text has an ASCII or Unicode space at byte i.
func isSpaceAt(text string, i int) bool {
	if !utf8.RuneStart(text[i]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

// clip keeps the spans inside [lo, hi) and shifts them by delta.
func clip(spans []Span, lo, hi, delta int) []Span {
	var out []Span
	for _, s := range spans {
		if s.Start >= lo && s.End <= hi {
			out = append(out, Span{s.Start + delta, s.End + delta})
		}
	}
	return out
}

// A cursor is the sort key of a hit: its score and ID.
func encodeCursor(score float64, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatFloat(score, 'g', -1, 64) + "|" + id))
}

func decodeCursor(c string) (score float64, id string, ok bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, "", false
	}
	s, id, ok := strings.Cut(string(b), "|")
	if !ok || id == "" {
		return 0, "", false
	}
	if score, err = strconv.ParseFloat(s, 64); err != nil {
		return 0, "", false
	}
	return score, id, true
}
