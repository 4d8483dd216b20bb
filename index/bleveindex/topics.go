package bleveindex

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// TopicQuery matches the documents that name a topic, scored by their weight for it: the square
// root of the id's frequency times its rarity, as bleve scores a term, but without the field's
// length, which would count the other topics a document names against it.
type TopicQuery struct {
	ID    string // the topic's
	Boost float64
}

func (q TopicQuery) Searcher(ctx context.Context, r bindex.IndexReader, _ mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	return searcher.NewTermSearcher(ctx, normless{r}, q.ID, FieldTopicWeight, q.Boost, o)
}

// normless reads the index as it is, but for the length of a field, which it gives as one term.
type normless struct{ bindex.IndexReader }

func (r normless) TermFieldReader(ctx context.Context, term []byte, field string, freq, norm, vectors bool) (bindex.TermFieldReader, error) {
	tfr, err := r.IndexReader.TermFieldReader(ctx, term, field, freq, norm, vectors)
	if err != nil {
		return nil, err
	}
	return normlessTerms{tfr}, nil
}

type normlessTerms struct{ bindex.TermFieldReader }

func (t normlessTerms) Next(d *bindex.TermFieldDoc) (*bindex.TermFieldDoc, error) {
	d, err := t.TermFieldReader.Next(d)
	if d != nil {
		d.Norm = 1
	}
	return d, err
}

func (t normlessTerms) Advance(id bindex.IndexInternalID, d *bindex.TermFieldDoc) (*bindex.TermFieldDoc, error) {
	d, err := t.TermFieldReader.Advance(id, d)
	if d != nil {
		d.Norm = 1
	}
	return d, err
}
