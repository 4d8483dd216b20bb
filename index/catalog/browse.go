package catalog

import (
	"cmp"
	"slices"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/query"
)

// A search with no words and no filters (the home page, the quotes tab's first view, "/api/quotes")
// lists the newest or oldest of every article or quote. Bleve would sort and facet every
// document of the kind for it on every request: about 170 ms for the 100,000 quotes of the
// White House corpus. Its order, totals and facet counts depend on the index alone, so the
// catalog works them out once and pages through them.

// browseView is the whole archive of one kind, in both orders, with its facets.
type browseView struct {
	newest, oldest []int // indexes in catalog.Articles or catalog.Quotes
	facets         Facets
}

// browsing reports whether a search is one the catalog answers: nothing to match or filter,
// no facet counted in full, sorted by date (or by relevance, which is by date when there are no words).
func browsing(p *query.Parsed, q index.Query) bool {
	return len(p.Must) == 0 && len(p.Not) == 0 &&
		len(q.Actors) == 0 && len(q.Topics) == 0 && len(q.Sources) == 0 && len(q.Countries) == 0 &&
		q.From.IsZero() && q.To.IsZero() && !q.Full && q.AllOf == "" &&
		(q.Sort == index.SortNewest || q.Sort == index.SortOldest || q.Sort == index.SortRelevance)
}

// Browse answers a search with nothing to match or filter (p and q as Resolve leaves them): it
// fills res's totals and facets and returns the page's hits, newest or oldest first, for the
// caller to read. It returns false for any other search, which the index must match.
func (c *Catalog) Browse(p *query.Parsed, q index.Query, res *index.Results) ([]Hit, bool) {
	if !browsing(p, q) {
		return nil, false
	}
	articles, quotes := c.browseView(index.KindArticles, false), c.browseView(index.KindQuotes, q.Procedural)
	res.ArticleCount, res.QuoteCount = len(articles.newest), len(quotes.newest)
	view := articles
	if q.Kind == index.KindQuotes {
		view = quotes
	}
	res.Total = len(view.newest)
	res.Facets.DateLevel = index.ByYear
	c.NameFacets(view.facets, q, res)

	order := view.newest
	if q.Sort == index.SortOldest {
		order = view.oldest
	}
	lo := min((q.Page-1)*q.PerPage, len(order))
	hi := min(lo+q.PerPage, len(order))
	first := 0 // the catalog number of the first document of the kind (columns.go)
	if q.Kind == index.KindQuotes {
		first = len(c.Articles)
	}
	hits := make([]Hit, 0, hi-lo)
	for _, i := range order[lo:hi] {
		hits = append(hits, Hit{Doc: uint32(first + i)})
	}
	return hits, true
}

// browseView returns the catalog's view of one kind, worked out on first use; the quotes with
// or without the procedural turns.
func (c *Catalog) browseView(kind string, procedural bool) *browseView {
	k := 0
	if kind == index.KindQuotes {
		k = 1
		if procedural {
			k = 2
		}
	}
	c.browseOnce[k].Do(func() {
		if kind == index.KindQuotes {
			c.browse[k] = c.quotesView(procedural)
		} else {
			c.browse[k] = c.articlesView()
		}
	})
	return &c.browse[k]
}

func (c *Catalog) articlesView() browseView {
	order := make([]int, len(c.Articles))
	for i := range c.Articles {
		order[i] = i
	}
	dateOf := func(x int) time.Time { return c.Articles[x].Date.Start() }
	byID := func(x, y int) int { return cmp.Compare(c.Articles[x].ID, c.Articles[y].ID) }
	return c.view(order, 0, dateOf, byID)
}

func (c *Catalog) quotesView(procedural bool) browseView {
	order := make([]int, 0, len(c.Quotes))
	for i := range c.Quotes {
		ref := &c.Quotes[i]
		if c.quoteByID[ref.ID] != i {
			continue // the same words twice in one article are one quote, the later, as in the index
		}
		if ref.Procedural && !procedural {
			continue
		}
		order = append(order, i)
	}
	dateOf := func(x int) time.Time { return c.Articles[c.Quotes[x].Article].Date.Start() }
	// Within a day, an article's quotes come together, in reading order.
	byPlace := func(x, y int) int {
		qx, qy := &c.Quotes[x], &c.Quotes[y]
		return cmp.Or(cmp.Compare(c.Articles[qx.Article].ID, c.Articles[qy.Article].ID), cmp.Compare(qx.Index, qy.Index))
	}
	return c.view(order, len(c.Articles), dateOf, byPlace)
}

// view sorts order newest first and oldest first; ties are broken by tie in both, so that a
// day's documents read the same way whichever end the list starts from. Undated documents come
// last in both orders, as the index sorts a document without a date. Its facets are counted
// from the columns as a search's are (collect.go); first is the catalog number of the kind's
// first document.
func (c *Catalog) view(order []int, first int, dateOf func(x int) time.Time, tie func(x, y int) int) browseView {
	counts := newCollector(c, index.SortNewest, 0, true, nil)
	for _, i := range order {
		counts.count(uint32(first + i))
	}
	undated := func(x, y int) int { return cmp.Compare(b2i(dateOf(x).IsZero()), b2i(dateOf(y).IsZero())) }
	newest := slices.Clone(order)
	slices.SortFunc(newest, func(x, y int) int { return cmp.Or(undated(x, y), dateOf(y).Compare(dateOf(x)), tie(x, y)) })
	slices.SortFunc(order, func(x, y int) int { return cmp.Or(undated(x, y), dateOf(x).Compare(dateOf(y)), tie(x, y)) })
	return browseView{newest: newest, oldest: order, facets: counts.Facets(index.Query{}, &index.Results{})}
}
