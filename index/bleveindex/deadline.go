package bleveindex

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// DeadlineQuery runs a query whose searchers read the index through a reader that stops once
// the search's context is done. bleve's collector looks at the context only every 1,024
// matches, and a phrase of common words that matches little ("the of") reads millions of
// positions between two matches: without this, it ran for seconds past its time.
type DeadlineQuery struct{ query.Query }

func (q DeadlineQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	return q.Query.Searcher(ctx, deadlineReader{r, ctx}, m, o)
}

type deadlineReader struct {
	bindex.IndexReader
	ctx context.Context
}

func (r deadlineReader) TermFieldReader(ctx context.Context, term []byte, field string, freq, norm, vectors bool) (bindex.TermFieldReader, error) {
	tfr, err := r.IndexReader.TermFieldReader(ctx, term, field, freq, norm, vectors)
	if err != nil {
		return nil, err
	}
	return &deadlineTermReader{TermFieldReader: tfr, ctx: r.ctx}, nil
}

// deadlineTermReader checks its context every checkEvery documents read.
type deadlineTermReader struct {
	bindex.TermFieldReader
	ctx  context.Context
	read int
}

const checkEvery = 64

func (t *deadlineTermReader) check() error {
	if t.read++; t.read%checkEvery == 0 {
		return t.ctx.Err()
	}
	return nil
}

func (t *deadlineTermReader) Next(d *bindex.TermFieldDoc) (*bindex.TermFieldDoc, error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	return t.TermFieldReader.Next(d)
}

func (t *deadlineTermReader) Advance(id bindex.IndexInternalID, d *bindex.TermFieldDoc) (*bindex.TermFieldDoc, error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	return t.TermFieldReader.Advance(id, d)
}
