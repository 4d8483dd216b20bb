package archive

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/bleveindex"
	"github.com/readout/readout/index/catalog"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/highlight"
	qtext "github.com/readout/readout/index/query"
)

// Bounds on paging: bleve pages by skipping, so deep pages cost as much as all before them.
const (
	excerptSize = 300
)

// searchCheck, when a test sets it, is given every search the collector ran, to compare it with
// what bleve's own sorting and facets give.
var searchCheck func(st *state, m *bleveindex.Query, order string, q index.Query, c *catalog.Collector, total int)

// Search runs a search of articles or quotes, with facets and highlighted fragments.
func (a *Archive) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	parsed, err := qtext.Parse(q.Text)
	if err != nil {
		return nil, &index.QueryError{Msg: err.Error()}
	}
	res := &index.Results{Notes: parsed.Notes}
	q, err = st.cat.Resolve(q, &parsed, res)
	if err != nil {
		return nil, err
	}
	res.Query = q
	res.Reading = parsed.String()
	res.Words = parsed.Words()
	res.Filtered = parsed.HasFilters()
	// With nothing to match or filter, a page of the whole archive of the kind, from the catalog.
	if hits, ok := st.cat.Browse(&parsed, q, res); ok {
		if err := a.addHits(ctx, st, res, hits, highlight.New(a.text, nil), q); err != nil {
			return nil, err
		}
		res.Took = time.Since(start)
		return res, nil
	}

	// What the search costs, before it is run: refused past the bound, and a costly one runs
	// only in a place kept for costly searches, so cheap ones always have the others.
	cost, err := a.searchCost(ctx, st, &parsed)
	if err != nil {
		return nil, searchErr(err)
	}
	if cost > a.maxCost {
		return nil, &index.QueryError{Msg: "this search has too many phrases of very common words (such as \"of the\") to be run: search fewer of them, or add rarer words to them"}
	}
	if cost > a.costlyAt {
		select {
		case a.costly <- struct{}{}:
			// The place is kept for as long again once the search is done, so that costly
			// searches asked without pause take at most half of the cores their places stand
			// for, and cheap ones have the rest.
			began := time.Now()
			defer func() { time.AfterFunc(min(time.Since(began), 5*time.Second), func() { <-a.costly }) }()
		default:
			return nil, index.ErrBusy
		}
	}

	qs := a.text.Build(&parsed, q, st.cat.Members)
	if len(qs.Ignored) > 0 {
		res.Notes = qtext.AddNote(res.Notes, "words too common to search were left out: "+strings.Join(qs.Ignored, ", "))
	}

	// The page's hits and the facets, in one pass over the matches (catalog/collect.go); beside it, the
	// other tab's count, a search that only counts (no scores, hits or facets): a reader alone
	// waits for the longer of the two, not for both.
	if err := qs.Match.Validate(); err != nil {
		return nil, &index.QueryError{Msg: "the search cannot be run: " + err.Error()}
	}
	otherTotal, otherErr := 0, make(chan error, 1)
	if qs.Other != nil {
		go func() {
			var err error
			otherTotal, err = st.idx.Count(ctx, qs.Other)
			otherErr <- err
		}()
	} else {
		otherErr <- nil
	}
	order := index.SortRelevance
	switch {
	case q.Sort == index.SortNewest || (q.Sort == index.SortRelevance && parsed.Empty() && len(q.Topics) == 0):
		// Without words, newest first; with a topic, what is most about it first.
		order = index.SortNewest
	case q.Sort == index.SortOldest:
		order = index.SortOldest
	}
	coll := st.cat.Collector(order, q.Page*q.PerPage, !q.HitsOnly)
	res.Total, err = st.idx.Collect(ctx, qs.Match, st.nums, coll.Add)
	if err := cmp.Or(<-otherErr, err); err != nil {
		return nil, searchErr(err)
	}
	if searchCheck != nil {
		searchCheck(st, qs.Match, order, q, coll, res.Total)
	}
	if q.Kind == index.KindQuotes {
		res.QuoteCount, res.ArticleCount = res.Total, otherTotal
	} else {
		res.ArticleCount, res.QuoteCount = res.Total, otherTotal
	}
	if !q.HitsOnly {
		st.cat.NameFacets(coll.Facets(q, res), q, res)
	}

	if err := a.addHits(ctx, st, res, coll.Hits((q.Page-1)*q.PerPage), highlight.New(a.text, qs.Words), q); err != nil {
		return nil, err
	}
	res.Took = time.Since(start)
	return res, nil
}

// addHits adds the page's hits to res, in order. Each hit reads its article from the archive (or
// the cache of recent ones) and marks it: the hits are worked on by as many goroutines as there
// are cores, and an article several hits are in (a briefing's quotes) is read once.
func (a *Archive) addHits(ctx context.Context, st *state, res *index.Results, hits []catalog.Hit, hl *highlight.Highlighter, q index.Query) error {
	type read struct {
		once sync.Once
		art  *index.Article
		err  error
	}
	reads := map[int]*read{}
	for _, h := range hits {
		if i, _ := st.cat.Place(h.Doc); reads[i] == nil {
			reads[i] = &read{}
		}
	}
	article := func(i int) (*index.Article, error) { // reads is only read from here on
		r := reads[i]
		r.once.Do(func() { r.art, r.err = a.article(st, i) })
		return r.art, r.err
	}
	done := make([]func(), len(hits)) // each adds its hit to res, or nothing
	var next atomic.Int64
	work := func() error {
		for {
			k := int(next.Add(1)) - 1
			if k >= len(hits) {
				return nil
			}
			// Each hit may read and analyse its article: the time bound holds here too.
			if err := ctx.Err(); err != nil {
				return err
			}
			done[k] = a.hitOf(st, res, hits[k], article, hl, q)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(hits))
	errs := make(chan error, workers)
	for range workers - 1 {
		go func() { errs <- work() }()
	}
	err := work()
	for range workers - 1 {
		err = cmp.Or(err, <-errs)
	}
	if err != nil {
		return err
	}
	for _, add := range done {
		add()
	}
	return nil
}

// hitOf makes the article or quote of a document found, read from the catalog and the archive,
// and returns what adds it to res; one whose file has gone since it was indexed is left out.
func (a *Archive) hitOf(st *state, res *index.Results, h catalog.Hit, article func(int) (*index.Article, error), hl *highlight.Highlighter, q index.Query) func() {
	i, ref := st.cat.Place(h.Doc)
	if ref == nil {
		ah := a.articleHit(st, i, article, h.Score, hl, q)
		return func() { res.ArticleHits = append(res.ArticleHits, ah) }
	}
	art, err := article(i)
	if err != nil {
		return func() {}
	}
	qu, err := quoteIn(art, ref)
	if err != nil {
		return func() {}
	}
	qh := index.QuoteHit{Quote: *qu, Score: h.Score, Fragment: hl.Excerpt(qu.Text, 2*excerptSize), ArticleOf: &art.Summary}
	return func() { res.QuoteHits = append(res.QuoteHits, qh) }
}

func searchErr(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("search: %w", err)
}

// articleHit reads a hit's article for its fragments and matching quotes.
func (a *Archive) articleHit(st *state, i int, article func(int) (*index.Article, error), score float64, hl *highlight.Highlighter, q index.Query) index.ArticleHit {
	hit := index.ArticleHit{Summary: st.cat.Articles[i], Score: score}
	if q.HitsOnly {
		return hit
	}
	art, err := article(i)
	if err != nil {
		return hit // listed without fragments: better than not at all
	}
	hit.Fragments = fragments(art, hl, 2)
	for k := range art.Quotes {
		qu := &art.Quotes[k]
		if qu.Procedural && !q.Procedural {
			continue
		}
		if len(q.Actors) > 0 && !slices.ContainsFunc(qu.Speakers, func(s index.Speaker) bool { return slices.Contains(q.Actors, s.ID) }) {
			continue
		}
		if len(q.Countries) > 0 && !slices.ContainsFunc(qu.Speakers, func(s index.Speaker) bool { return slices.Contains(q.Countries, s.CountryID) }) {
			continue
		}
		ms := hl.Marks(qu.Text)
		if !hl.Empty() && len(ms) == 0 {
			continue // no excerpt to make
		}
		f := highlight.Excerpt(qu.Text, ms, excerptSize)
		if !hl.Empty() && !f.Marked() {
			continue
		}
		if hl.Empty() && len(q.Actors) == 0 && len(q.Countries) == 0 {
			break // nothing to match: the article's quotes are on its page
		}
		hit.Quotes = append(hit.Quotes, index.QuoteHit{Quote: *qu, Fragment: f, ArticleOf: &hit.Summary})
		if len(hit.Quotes) == 3 {
			break
		}
	}
	return hit
}

// fragments returns up to n excerpts of an article's paragraphs with the most matches, in the
// article's order; the opening of its text when nothing matches.
func fragments(art *index.Article, hl *highlight.Highlighter, n int) []highlight.Fragment {
	type scored struct {
		para  int
		marks [][2]int
	}
	var best []scored
	if !hl.Empty() {
		for p, para := range art.Paragraphs {
			if para.Kind == document.Title {
				continue
			}
			if ms := hl.Marks(para.Text); len(ms) > 0 {
				best = append(best, scored{p, ms})
			}
		}
	}
	slices.SortStableFunc(best, func(x, y scored) int { return cmp.Compare(len(y.marks), len(x.marks)) })
	best = best[:min(n, len(best))]
	slices.SortFunc(best, func(x, y scored) int { return cmp.Compare(x.para, y.para) })
	var out []highlight.Fragment
	for _, b := range best {
		out = append(out, highlight.Excerpt(art.Paragraphs[b.para].Text, b.marks, excerptSize))
	}
	if len(out) == 0 {
		for _, para := range art.Paragraphs {
			if para.Kind != document.Title {
				out = append(out, hl.Excerpt(para.Text, excerptSize))
				break
			}
		}
	}
	return out
}
