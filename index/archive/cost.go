package archive

import (
	"context"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	qtext "github.com/readout/readout/index/query"
)

// What a search costs. Words alone are cheap, whatever they are: the dearest search of plain
// words the box allows (24 of the commonest, joined by OR) takes under a second on the White
// House corpus. A phrase is another matter: bleve checks the positions of its words in every
// document that has them all, so a phrase of common words ("of the") reads every occurrence of
// them: 1.3 million in the corpus's articles, 2 to 3 s. A search's cost is therefore counted in
// the occurrences its phrases must check: for each phrase (to match, to exclude, or one of an
// OR), those of its rarest word, in articles and in quotes (a search counts both, for its tabs).
const (
	// CostlySearch is the cost past which a search is costly: it needs one of the few places
	// kept for costly searches (Options.CostlySearches), so that the rest are kept for cheap
	// ones; a place is kept as long again after its search. "United States" costs 71,000, "we will not" 136,000, "of the" 854,000.
	CostlySearch = 100_000
	// MaxSearchCost is the most a search may cost: about two phrases of the commonest words
	// ("of the" "in the": 1.4 million, 1.5 to 3.3 s of a core), under the 5 s a search may take.
	MaxSearchCost = 1_500_000
)

// termCosts remembers how often a term occurs in a field: the archive does not change while
// it is served, and the phrases typed are mostly of the same few common words. It is bounded.
type termCosts struct {
	mu sync.Mutex
	m  map[termKey]int64
}

type termKey struct{ field, term string }

const maxTermCosts = 50_000

// searchCost returns what the phrases of a parsed search cost (see MaxSearchCost).
func (a *Archive) searchCost(ctx context.Context, st *state, p *qtext.Parsed) (int64, error) {
	var phrases []qtext.Clause
	for _, group := range [][]qtext.Clause{p.Must, p.Not} {
		for _, c := range group {
			if c.Or != nil {
				phrases = append(phrases, c.Or...)
				continue
			}
			phrases = append(phrases, c)
		}
	}
	var cost int64
	for _, c := range phrases {
		terms := a.analyzer.Analyze([]byte(c.Text))
		if len(terms) < 2 {
			continue // a word: cheap
		}
		for _, field := range []string{fieldContent, fieldText} {
			rarest := int64(-1)
			for _, t := range terms {
				n, err := st.occurrences(ctx, field, string(t.Term))
				if err != nil {
					return 0, err
				}
				if rarest < 0 || n < rarest {
					rarest = n
				}
			}
			cost += rarest
		}
	}
	return cost, nil
}

// occurrences counts the term in the field over the whole index: the sum of its frequency in
// every document that has it. Reading the postings costs a few milliseconds for the commonest
// words; the counts are remembered.
func (st *state) occurrences(ctx context.Context, field, term string) (int64, error) {
	key := termKey{field, term}
	st.costs.mu.Lock()
	n, ok := st.costs.m[key]
	st.costs.mu.Unlock()
	if ok {
		return n, nil
	}
	adv, err := st.idx.Advanced()
	if err != nil {
		return 0, err
	}
	r, err := adv.Reader()
	if err != nil {
		return 0, err
	}
	defer r.Close()
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, true, false, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	var d bleveindex.TermFieldDoc
	for {
		doc, err := tfr.Next(&d)
		if err != nil {
			return 0, err
		}
		if doc == nil {
			break
		}
		n += int64(doc.Freq)
	}
	st.costs.mu.Lock()
	if st.costs.m == nil || len(st.costs.m) >= maxTermCosts {
		st.costs.m = make(map[termKey]int64)
	}
	st.costs.m[key] = n
	st.costs.mu.Unlock()
	return n, nil
}

// deadlineQuery runs a query whose searchers read the index through a reader that stops once
// the search's context is done. bleve's collector looks at the context only every 1,024
// matches, and a phrase of common words that matches little ("the of") reads millions of
// positions between two matches: without this, it ran for seconds past its time.
type deadlineQuery struct{ query.Query }

func (q deadlineQuery) Searcher(ctx context.Context, r bleveindex.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	return q.Query.Searcher(ctx, deadlineReader{r, ctx}, m, o)
}

type deadlineReader struct {
	bleveindex.IndexReader
	ctx context.Context
}

func (r deadlineReader) TermFieldReader(ctx context.Context, term []byte, field string, freq, norm, vectors bool) (bleveindex.TermFieldReader, error) {
	tfr, err := r.IndexReader.TermFieldReader(ctx, term, field, freq, norm, vectors)
	if err != nil {
		return nil, err
	}
	return &deadlineTermReader{TermFieldReader: tfr, ctx: r.ctx}, nil
}

// deadlineTermReader checks its context every checkEvery documents read.
type deadlineTermReader struct {
	bleveindex.TermFieldReader
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

func (t *deadlineTermReader) Next(d *bleveindex.TermFieldDoc) (*bleveindex.TermFieldDoc, error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	return t.TermFieldReader.Next(d)
}

func (t *deadlineTermReader) Advance(id bleveindex.IndexInternalID, d *bleveindex.TermFieldDoc) (*bleveindex.TermFieldDoc, error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	return t.TermFieldReader.Advance(id, d)
}
