package bleveindex

import (
	"context"
	"math"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/scorer"
	bindex "github.com/blevesearch/bleve_index_api"
)

// kindQuery matches what the words of a search match, scored as the conjunction of the kind's
// type term and the words would score it, without reading the type term's documents. A
// search's words are in a field only its kind has (content an article's, text a quote's), so
// the type term matches every document they match; but bleve advanced it beside them for every
// match, a third of the page's matching. Its part of the score is the same for every document
// of the kind (a keyword of one term: a frequency and a field length of one), so it is worked
// out once, by bleve's own scorer, and added to the words' score; its weight is added to
// theirs, so the query's norm is bleve's. TestCollectorMatchesBleve compares the scores with
// those of the conjunction.
//
// alone says the query is the search's whole query (it has no filters): it then sets its norm
// itself, as the conjunction would.
type kindQuery struct {
	typ   string
	words query.Query
	alone bool
}

func (q kindQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	words, err := q.words.Searcher(ctx, r, m, o)
	if err != nil {
		return nil, err
	}
	kind, err := typeScorer(ctx, r, q.typ, o)
	if err != nil {
		_ = words.Close()
		return nil, err
	}
	ks := &kindSearcher{Searcher: words, kind: kind}
	if q.alone {
		ks.SetQueryNorm(1.0 / math.Sqrt(ks.Weight()))
	}
	return ks, nil
}

// kindSearcher is the words' searcher with the type term's score added to each match.
type kindSearcher struct {
	search.Searcher
	kind   *scorer.TermQueryScorer
	score  float64 // the type term's score under the query's norm; scored says it is worked out
	scored bool
}

func (s *kindSearcher) Weight() float64 { return s.Searcher.Weight() + s.kind.Weight() }

func (s *kindSearcher) SetQueryNorm(norm float64) {
	s.Searcher.SetQueryNorm(norm)
	s.kind.SetQueryNorm(norm)
	s.scored = false
}

func (s *kindSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	return s.add(ctx, d), err
}

func (s *kindSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	return s.add(ctx, d), err
}

func (s *kindSearcher) add(ctx *search.SearchContext, d *search.DocumentMatch) *search.DocumentMatch {
	if d == nil {
		return nil
	}
	if !s.scored {
		m := s.kind.Score(ctx, &bindex.TermFieldDoc{Freq: 1, Norm: 1})
		s.score, s.scored = m.Score, true
		ctx.DocumentMatchPool.Put(m)
	}
	d.Score += s.score
	return d
}

// filtersQuery matches the documents of both kinds that a search's filters match, unscored,
// and gives each the score the conjunction of the kind's type term and the filters gives a
// document of that kind: for a search without words that ranks by nothing, the type term's
// score (the filters score nothing), one value for the kind. One pass over the filters then
// serves the page and the other tab's count.
type filtersQuery struct {
	typ     string
	filters query.Query // nil: every document
}

func (q filtersQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	inner := q.filters
	if inner == nil {
		inner = query.NewMatchAllQuery()
	}
	unscored := o
	unscored.Score = "none" // bleve then intersects the filters' terms' lists of documents at once
	s, err := inner.Searcher(ctx, r, m, unscored)
	if err != nil {
		return nil, err
	}
	kind, err := typeScorer(ctx, r, q.typ, o)
	if err != nil {
		_ = s.Close()
		return nil, err
	}
	// The conjunction's norm: the filters weigh nothing beside the type term.
	kind.SetQueryNorm(1.0 / math.Sqrt(kind.Weight()))
	pool := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(1, 0)}
	return &scoredAs{Searcher: s, score: kind.Score(pool, &bindex.TermFieldDoc{Freq: 1, Norm: 1}).Score}, nil
}

// scoredAs gives every match of its searcher one score.
type scoredAs struct {
	search.Searcher
	score float64
}

func (s *scoredAs) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	if d != nil {
		d.Score = s.score
	}
	return d, err
}

func (s *scoredAs) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	if d != nil {
		d.Score = s.score
	}
	return d, err
}

// typeScorer is the scorer bleve's term searcher gives the type term of a kind (tf-idf): from
// the documents of the index and those of the term.
func typeScorer(ctx context.Context, r bindex.IndexReader, typ string, o search.SearcherOptions) (*scorer.TermQueryScorer, error) {
	docs, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	tfr, err := r.TermFieldReader(ctx, []byte(typ), FieldType, false, false, false)
	if err != nil {
		return nil, err
	}
	n := tfr.Count()
	if err := tfr.Close(); err != nil {
		return nil, err
	}
	return scorer.NewTermQueryScorer([]byte(typ), FieldType, 1, docs, n, 0, o), nil
}
