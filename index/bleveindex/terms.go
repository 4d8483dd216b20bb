package bleveindex

import (
	"context"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/readout/readout/index"
)

// What the index's dictionary and postings tell: how often a term occurs (what a phrase costs),
// whether the articles hold a word, and the terms close to a misspelt one (did you mean).

// Occurrences counts a term in a field over the whole index: the sum of its frequency in every
// document that has it. Reading the postings costs a few milliseconds for the commonest words.
func (x *Index) Occurrences(ctx context.Context, field, term string) (int64, error) {
	r, err := x.Reader()
	if err != nil {
		return 0, err
	}
	defer r.Close()
	tfr, err := r.r.TermFieldReader(ctx, []byte(term), field, true, false, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	var n int64
	var d bindex.TermFieldDoc
	for {
		doc, err := tfr.Next(&d)
		if err != nil {
			return 0, err
		}
		if doc == nil {
			return n, nil
		}
		n += int64(doc.Freq)
	}
}

// Reader reads one snapshot of the index's dictionary and postings, until closed.
type Reader struct{ r bindex.IndexReader }

// Reader opens a reader of the index as it is now.
func (x *Index) Reader() (*Reader, error) {
	adv, err := x.b.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	return &Reader{r}, nil
}

// Close closes the reader.
func (r *Reader) Close() error { return r.r.Close() }

// InArticles reports whether an article's text holds the term.
func (r *Reader) InArticles(ctx context.Context, term string) (bool, error) {
	tfr, err := r.r.TermFieldReader(ctx, []byte(term), FieldContent, false, false, false)
	if err != nil {
		return false, err
	}
	n := tfr.Count()
	tfr.Close()
	return n > 0, nil
}

// TermCount is a term of the index and the documents that have it.
type TermCount struct {
	Term  string
	Count uint64
}

// Near calls f with each term of the articles' texts at most fuzziness edits from term that
// begins with prefix, and how many documents have it; nothing when the index cannot tell.
func (r *Reader) Near(term string, fuzziness int, prefix string, f func(TermCount)) error {
	fr, ok := r.r.(bindex.IndexReaderFuzzy)
	if !ok {
		return nil
	}
	dict, err := fr.FieldDictFuzzy(FieldContent, term, fuzziness, prefix)
	if err != nil {
		return err
	}
	defer dict.Close()
	for {
		e, err := dict.Next()
		if err != nil {
			return err
		}
		if e == nil {
			return nil
		}
		f(TermCount{e.Term, e.Count})
	}
}

// ArticleWith returns the id of an article whose text holds the term, the best scored; "" when
// none does.
func (x *Index) ArticleWith(ctx context.Context, term string) (string, error) {
	tq := bleve.NewTermQuery(term)
	tq.SetField(FieldContent)
	req := bleve.NewSearchRequestOptions(withFilters(typeOf(index.KindArticles), tq, nil, true), 1, 0, false)
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil || len(res.Hits) == 0 {
		return "", err
	}
	return strings.TrimPrefix(res.Hits[0].ID, articlePrefix), nil
}
