package archive

import (
	"context"
	"sync"

	"github.com/readout/readout/index/bleveindex"
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
		terms := a.text.Analyze(c.Text)
		if len(terms) < 2 {
			continue // a word: cheap
		}
		for _, field := range []string{bleveindex.FieldContent, bleveindex.FieldText} {
			rarest := int64(-1)
			for _, t := range terms {
				n, err := st.occurrences(ctx, field, t.Term)
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
	n, err := st.idx.Occurrences(ctx, field, term)
	if err != nil {
		return 0, err
	}
	st.costs.mu.Lock()
	if st.costs.m == nil || len(st.costs.m) >= maxTermCosts {
		st.costs.m = make(map[termKey]int64)
	}
	st.costs.m[key] = n
	st.costs.mu.Unlock()
	return n, nil
}
