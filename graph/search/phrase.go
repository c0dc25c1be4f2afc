package search

import (
	"context"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// phraseQuery is query.MatchPhraseQuery on one field, from terms already
// analysed (as bleve's match-phrase query analyses them: phraseTerms),
// with no slop and no fuzziness. Its searcher is bleve's phrase searcher
// (searcher.NewMultiPhraseSearcher: the same term searchers, conjunction,
// query norm and scores) but for the test of the phrase, made on the term
// locations of each candidate as they come instead of bleve's maps of
// them: bleve's test allocated more than the rest of a search.
type phraseQuery struct {
	field string
	terms [][]string // by relative position; empty where any word will do
	boost float64
}

func (q *phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if len(q.terms) == 0 {
		return searcher.NewMatchNoneSearcher(r) // as MatchPhraseQuery with no token
	}
	options.IncludeTermVectors = true
	var positions []bsearch.Searcher
	closeAll := func() {
		for _, s := range positions {
			_ = s.Close()
		}
	}
	for _, alts := range q.terms {
		var ss []bsearch.Searcher
		for _, t := range alts {
			if t == "" {
				continue
			}
			s, err := searcher.NewTermSearcher(ctx, r, t, q.field, q.boost, options)
			if err != nil {
				closeAll()
				for _, s := range ss {
					_ = s.Close()
				}
				return nil, err
			}
			ss = append(ss, s)
		}
		switch {
		case len(alts) == 1 && len(ss) == 1:
			positions = append(positions, ss[0])
		case len(alts) > 1:
			d, err := searcher.NewDisjunctionSearcher(ctx, r, ss, 1, options)
			if err != nil {
				closeAll()
				return nil, err
			}
			positions = append(positions, d)
		}
	}
	must, err := searcher.NewConjunctionSearcher(ctx, r, positions, options)
	if err != nil {
		closeAll()
		return nil, err
	}
	s := &phraseSearcher{must: must, field: q.field, terms: q.terms}
	must.SetQueryNorm(1 / math.Sqrt(must.Weight()))
	return s, nil
}

// phraseSearcher is searcher.PhraseSearcher with the phrase test of
// phraseMatches.
type phraseSearcher struct {
	must        bsearch.Searcher
	field       string
	terms       [][]string
	curr        *bsearch.DocumentMatch
	initialized bool
}

func (s *phraseSearcher) Size() int                  { return s.must.Size() }
func (s *phraseSearcher) Weight() float64            { return s.must.Weight() }
func (s *phraseSearcher) SetQueryNorm(n float64)     { s.must.SetQueryNorm(n) }
func (s *phraseSearcher) Count() uint64              { return s.must.Count() }
func (s *phraseSearcher) Min() int                   { return 0 }
func (s *phraseSearcher) DocumentMatchPoolSize() int { return s.must.DocumentMatchPoolSize() + 1 }
func (s *phraseSearcher) Close() error               { return s.must.Close() }

func (s *phraseSearcher) advance(ctx *bsearch.SearchContext) error {
	if s.curr != nil {
		ctx.DocumentMatchPool.Put(s.curr)
	}
	var err error
	s.curr, err = s.must.Next(ctx)
	return err
}

func (s *phraseSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if !s.initialized {
		if err := s.advance(ctx); err != nil {
			return nil, err
		}
		s.initialized = true
	}
	for s.curr != nil {
		var rv *bsearch.DocumentMatch
		if phraseMatches(s.curr.FieldTermLocations, s.field, s.terms) {
			// Its score is the conjunction's; its locations are not
			// reported (the request asks for none).
			rv, s.curr = s.curr, nil
			rv.FieldTermLocations = rv.FieldTermLocations[:0]
		}
		if err := s.advance(ctx); err != nil {
			return nil, err
		}
		if rv != nil {
			return rv, nil
		}
	}
	return nil, nil
}

func (s *phraseSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	if !s.initialized {
		if err := s.advance(ctx); err != nil {
			return nil, err
		}
		s.initialized = true
	}
	if s.curr != nil {
		if s.curr.IndexInternalID.Compare(id) >= 0 {
			return s.Next(ctx)
		}
		ctx.DocumentMatchPool.Put(s.curr)
	}
	if s.curr == nil {
		return nil, nil
	}
	var err error
	if s.curr, err = s.must.Advance(ctx, id); err != nil {
		return nil, err
	}
	return s.Next(ctx)
}

// phraseMatches reports whether the locations of a document's terms have
// the phrase: a word of its first position's terms followed, position by
// position, by a word of each next position's terms (any word where it
// has none), in the same array element — bleve's findPhrasePaths with no
// slop.
func phraseMatches(ftls []bsearch.FieldTermLocation, field string, terms [][]string) bool {
	for _, a := range ftls {
		if a.Field != field || !slices.Contains(terms[0], a.Term) {
			continue
		}
		ok := true
		for i := 1; i < len(terms) && ok; i++ {
			if len(terms[i]) == 0 || len(terms[i]) == 1 && terms[i][0] == "" {
				continue
			}
			ok = false
			for _, b := range ftls {
				if b.Field == field && b.Location.Pos == a.Location.Pos+uint64(i) &&
					b.Location.ArrayPositions.Equals(a.Location.ArrayPositions) && slices.Contains(terms[i], b.Term) {
					ok = true
					break
				}
			}
		}
		if ok {
			return true
		}
	}
	return false
}
