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
	"unicode/utf8"

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
// what bleve's own sorting and facets give: run is the query bleve ran; match and other are the
// search's and the other tab's queries with every filter bleve's.
var searchCheck func(st *state, run, match, other *bleveindex.Query, order string, q index.Query, c *catalog.Collector, total, otherTotal int)

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
	filter := st.cat.Filter(q)
	order := index.SortRelevance
	switch {
	case q.Sort == index.SortNewest || (q.Sort == index.SortRelevance && parsed.Empty() && len(q.Topics) == 0):
		// Without words, newest first; with a topic, what is most about it first.
		order = index.SortNewest
	case q.Sort == index.SortOldest:
		order = index.SortOldest
	}
	coll := st.cat.Collector(order, q.Page*q.PerPage, !q.HitsOnly, filter)
	otherTotal := 0
	if qs.Both != nil {
		// Filters alone: one pass over their matches serves both tabs (Queries.Both).
		quotes := q.Kind == index.KindQuotes
		_, err = st.idx.Collect(ctx, qs.Both, st.nums, func(doc uint32, score float64) {
			if st.cat.IsArticle(doc) != quotes {
				coll.Add(doc, score)
			} else if qs.Other != nil && (filter == nil || filter.Keep(doc)) {
				otherTotal++
			}
		})
	} else {
		otherErr := make(chan error, 1)
		if qs.Other != nil {
			go func() {
				var err error
				if filter != nil {
					otherTotal, err = st.idx.CountOf(ctx, qs.Other, st.nums, filter.Keep)
				} else {
					otherTotal, err = st.idx.Count(ctx, qs.Other)
				}
				otherErr <- err
			}()
		} else {
			otherErr <- nil
		}
		_, err = st.idx.Collect(ctx, qs.Match, st.nums, coll.Add)
		err = cmp.Or(<-otherErr, err)
	}
	if err != nil {
		return nil, searchErr(err)
	}
	res.Total = coll.Total()
	if searchCheck != nil {
		ref := a.text.BuildReference(&parsed, q, st.cat.Members)
		searchCheck(st, qs.Match, ref.Match, ref.Other, order, q, coll, res.Total, otherTotal)
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
		once  sync.Once
		art   *index.Article
		again bool // read before this search: from the cache
		err   error
	}
	reads := map[int]*read{}
	for _, h := range hits {
		if i, _ := st.cat.Place(h.Doc); reads[i] == nil {
			reads[i] = &read{}
		}
	}
	article := func(i int) (*index.Article, bool, error) { // reads is only read from here on
		r := reads[i]
		r.once.Do(func() { r.art, r.again, r.err = a.articleAgain(st, i) })
		return r.art, r.again, r.err
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
func (a *Archive) hitOf(st *state, res *index.Results, h catalog.Hit, article func(int) (*index.Article, bool, error), hl *highlight.Highlighter, q index.Query) func() {
	i, ref := st.cat.Place(h.Doc)
	if ref == nil {
		ah := a.articleHit(st, i, article, h.Score, hl, q)
		return func() { res.ArticleHits = append(res.ArticleHits, ah) }
	}
	art, _, err := article(i)
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
func (a *Archive) articleHit(st *state, i int, article func(int) (*index.Article, bool, error), score float64, hl *highlight.Highlighter, q index.Query) index.ArticleHit {
	hit := index.ArticleHit{Summary: st.cat.Articles[i], Score: score}
	if q.HitsOnly {
		return hit
	}
	art, again, err := article(i)
	if err != nil {
		return hit // listed without fragments: better than not at all
	}
	var paras *paraMarks
	hit.Fragments, paras = fragments(art, hl, a.cache.wordMarks(art, again, a.text, hl), 2)
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
		ms := paras.quoteMarks(art, qu, hl)
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
// article's order; the opening of its text when nothing matches; and the paragraphs' matches
// (nil when the highlighter marks nothing). The matches are read from the paragraphs' words
// with wm, else from their text.
func fragments(art *index.Article, hl *highlight.Highlighter, wm *highlight.WordMarks, n int) ([]highlight.Fragment, *paraMarks) {
	var pm *paraMarks
	var best []int // paragraphs with matches
	if !hl.Empty() {
		pm = &paraMarks{marks: make([][][2]int, len(art.Paragraphs)), read: make([]bool, len(art.Paragraphs)), phrases: hl.HasPhrases()}
		for p, para := range art.Paragraphs {
			if para.Kind == document.Title {
				continue
			}
			pm.read[p] = true
			var ms [][2]int
			if wm != nil {
				ms = wm.Marks(p)
			} else {
				ms = hl.Marks(para.Text)
			}
			if len(ms) > 0 {
				pm.marks[p] = ms
				best = append(best, p)
			}
		}
	}
	slices.SortStableFunc(best, func(x, y int) int { return cmp.Compare(len(pm.marks[y]), len(pm.marks[x])) })
	best = best[:min(n, len(best))]
	slices.Sort(best)
	var out []highlight.Fragment
	for _, p := range best {
		out = append(out, highlight.Excerpt(art.Paragraphs[p].Text, pm.marks[p], excerptSize))
	}
	if len(out) == 0 {
		for _, para := range art.Paragraphs {
			if para.Kind != document.Title {
				out = append(out, hl.Excerpt(para.Text, excerptSize))
				break
			}
		}
	}
	return out, pm
}

// paraMarks are the matches of an article's paragraphs, by paragraph, read once for its
// fragments; a quote's are then cut from them rather than read again, where that gives what
// reading it would.
type paraMarks struct {
	marks   [][][2]int
	read    []bool // the paragraphs read (titles are not)
	phrases bool   // the search has phrases
}

// quoteMarks returns the matches of a quote of the article. A quote's words are some of its
// paragraphs' in the same order when its ends are between words, and read alone they match as
// in its paragraphs: its matches are theirs within it, unless one goes on over either end (a
// phrase cut by the quote, whose words alone may match otherwise). A quote over several
// paragraphs joins their parts with a blank line (quote.Quote.Text), which may bring a phrase's
// words together: it is cut so only when the search has no phrases. Otherwise it is read.
func (pm *paraMarks) quoteMarks(art *index.Article, qu *index.Quote, hl *highlight.Highlighter) [][2]int {
	if pm == nil {
		return hl.Marks(qu.Text)
	}
	first, last := qu.Start.Para, qu.End.Para
	if first < 0 || last >= len(pm.marks) || first > last || first < last && pm.phrases ||
		!betweenWords(art.Paragraphs[first].Text, qu.Start.Off) || !betweenWords(art.Paragraphs[last].Text, qu.End.Off) {
		return hl.Marks(qu.Text)
	}
	var out [][2]int
	at := 0 // where the paragraph's part starts in the quote's text
	for p := first; p <= last; p++ {
		if !pm.read[p] {
			return hl.Marks(qu.Text)
		}
		lo, hi := 0, len(art.Paragraphs[p].Text)
		if p == first {
			lo = qu.Start.Off
		}
		if p == last {
			hi = qu.End.Off
		}
		for _, m := range pm.marks[p] {
			switch {
			case m[1] <= lo || m[0] >= hi:
				continue // outside the quote
			case m[0] < lo || m[1] > hi:
				return hl.Marks(qu.Text) // over one of its ends
			}
			out = append(out, [2]int{at + m[0] - lo, at + m[1] - lo})
		}
		at += hi - lo + len("\n\n")
	}
	return out
}

// betweenWords reports whether no word of text, as the index reads words, goes on over byte i:
// the characters either side of it cannot both be in one word (a letter, a digit, or an
// apostrophe a word may hold).
func betweenWords(text string, i int) bool {
	if i <= 0 || i >= len(text) {
		return i == 0 || i == len(text)
	}
	inWord := func(r rune) bool { return bleveindex.IsWordRune(r) || r == '\'' || r == '’' }
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i:])
	return !inWord(before) || !inWord(after)
}
