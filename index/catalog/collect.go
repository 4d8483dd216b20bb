package catalog

import (
	"cmp"
	"slices"
	"time"

	"github.com/readout/readout/index"
)

// Collector takes the documents a search matches one by one, as bleve's matching and scoring
// find them (in the catalog's numbers), and keeps what the page needs: the best hits in the order asked
// (dates from the catalog's columns, not bleve's doc values) and the facets' counts.
type Collector struct {
	cat   *Catalog
	cols  *columns
	order string // SortRelevance, SortNewest or SortOldest
	keep  int    // the hits of the pages up to the one asked
	top   []Hit  // a heap: the last of the hits kept first
	// filter, when not nil, passes over the documents it does not keep; total counts those it does.
	filter *Filter
	total  int

	facets                             bool
	actors, topics, sources, countries []int32 // documents by value's code
	months                             []int32 // documents by month since the archive's first year
	firstYear                          int
}

// Hit is a document matched: its catalog number (see Place) and its score.
type Hit struct {
	Doc   uint32
	Score float64
}

// Collector returns a collector for a search's matches that keeps the best keep hits in the
// order asked (index.SortRelevance, SortNewest or SortOldest), and counts the facets when
// facets is set, of the documents filter keeps (all when it is nil).
func (c *Catalog) Collector(order string, keep int, facets bool, filter *Filter) *Collector {
	return newCollector(c, order, keep, facets, filter)
}

func newCollector(cat *Catalog, order string, keep int, facets bool, filter *Filter) *Collector {
	c := &Collector{cat: cat, cols: cat.columns(), order: order, keep: keep, facets: facets, filter: filter}
	if facets {
		c.actors = make([]int32, len(c.cols.actors.values))
		c.topics = make([]int32, len(c.cols.topics.values))
		c.sources = make([]int32, len(c.cols.sources))
		c.countries = make([]int32, len(c.cols.countries.values))
		if !cat.first.IsZero() {
			c.firstYear = cat.first.UTC().Year()
			c.months = make([]int32, 12*(cat.last.UTC().Year()-c.firstYear+1))
		}
	}
	return c
}

// Add takes a document matched (bleveindex.Index.Collect hands them on).
func (c *Collector) Add(doc uint32, score float64) {
	if c.filter != nil && !c.filter.Keep(doc) {
		return
	}
	c.total++
	h := Hit{doc, score}
	if c.facets {
		c.count(h.Doc)
	}
	if c.keep <= 0 {
		return
	}
	if len(c.top) < c.keep {
		c.top = append(c.top, h)
		c.up(len(c.top) - 1)
		return
	}
	if c.compare(h, c.top[0]) < 0 {
		c.top[0] = h
		c.down(0)
	}
}

// Total is the number of documents taken (those the filter keeps).
func (c *Collector) Total() int { return c.total }

// count adds a document to the facets.
func (c *Collector) count(d uint32) {
	a := &c.cols.actors
	for _, v := range a.codes[a.start[d]:a.start[d+1]] {
		c.actors[v]++
	}
	t := &c.cols.topics
	for _, v := range t.codes[t.start[d]:t.start[d+1]] {
		c.topics[v]++
	}
	k := &c.cols.countries
	for _, v := range k.codes[k.start[d]:k.start[d+1]] {
		c.countries[v]++
	}
	c.sources[c.cols.source[d]]++
	if m := int(c.cols.month[d]) - 12*c.firstYear; m >= 0 && m < len(c.months) {
		c.months[m]++
	}
}

// compare orders hits as bleve's sort would: by score, then newest first (relevance); by date,
// then score (newest, oldest); undated last either way; then by id.
func (c *Collector) compare(x, y Hit) int {
	byScore := cmp.Compare(y.Score, x.Score)
	dx, okx := c.cols.unixDate(x.Doc)
	dy, oky := c.cols.unixDate(y.Doc)
	var byDate int
	switch {
	case okx != oky:
		byDate = b2i(!okx) - b2i(!oky)
	case c.order == index.SortOldest:
		byDate = cmp.Compare(dx, dy)
	default:
		byDate = cmp.Compare(dy, dx)
	}
	first, second := byScore, byDate
	if c.order != index.SortRelevance {
		first, second = byDate, byScore
	}
	if r := cmp.Or(first, second); r != 0 {
		return r
	}
	return c.compareIDs(x.Doc, y.Doc) // only for a tie: its arguments would all be computed
}

// compareIDs orders documents by their ids in the index: articles before quotes.
func (c *Collector) compareIDs(x, y uint32) int {
	ax, ay := int(x) < c.cols.articles, int(y) < c.cols.articles
	if ax != ay {
		return b2i(ay) - b2i(ax)
	}
	if ax {
		return cmp.Compare(c.cat.Articles[x].ID, c.cat.Articles[y].ID)
	}
	return cmp.Compare(c.cat.Quotes[int(x)-c.cols.articles].ID, c.cat.Quotes[int(y)-c.cols.articles].ID)
}

// up and down keep c.top a heap with its last hit first.
func (c *Collector) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if c.compare(c.top[i], c.top[p]) <= 0 {
			return
		}
		c.top[i], c.top[p] = c.top[p], c.top[i]
		i = p
	}
}

func (c *Collector) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(c.top) {
			return
		}
		worst := l
		if r := l + 1; r < len(c.top) && c.compare(c.top[r], c.top[l]) > 0 {
			worst = r
		}
		if c.compare(c.top[worst], c.top[i]) <= 0 {
			return
		}
		c.top[i], c.top[worst] = c.top[worst], c.top[i]
		i = worst
	}
}

// Hits returns the hits kept from skip on, in order, as bleve would return them.
func (c *Collector) Hits(skip int) []Hit {
	slices.SortFunc(c.top, c.compare)
	return c.top[min(max(skip, 0), len(c.top)):]
}

// Facets are the facets counted: each field's most frequent values (bleve's order and
// cut), and the years, or the months of one year, with documents. It sets the date facet's
// level on res.
func (c *Collector) Facets(q index.Query, res *index.Results) Facets {
	out := Facets{Terms: map[string][]TermCount{}}
	terms := func(field string, values []string, counts []int32, size int) {
		out.Terms[field] = topTerms(values, counts, size)
	}
	terms(index.FacetActor, c.cols.actors.values, c.actors, facetSizeOf(q, index.FacetActor, index.FacetShown(index.FacetActor)+len(q.Actors)))
	terms(index.FacetTopic, c.cols.topics.values, c.topics, facetSizeOf(q, index.FacetTopic, index.FacetShown(index.FacetTopic)+len(q.Topics)))
	terms(index.FacetSource, c.cols.sources, c.sources, facetSizeOf(q, index.FacetSource, index.FacetShown(index.FacetSource)+len(q.Sources)))
	terms(index.FacetCountry, c.cols.countries.values, c.countries, facetSizeOf(q, index.FacetCountry, index.FacetShown(index.FacetCountry)+len(q.Countries)))
	if c.months == nil {
		return out
	}
	bucket := func(label string, lo, hi time.Time, n int32) {
		if n > 0 {
			out.Dates = append(out.Dates, DateCount{label, lo, hi, int(n)})
		}
	}
	if y, ok := oneYear(q); ok {
		res.Facets.DateLevel = index.ByMonth
		for m := range 12 {
			var n int32
			if k := 12*(y-c.firstYear) + m; k >= 0 && k < len(c.months) {
				n = c.months[k]
			}
			lo := time.Date(y, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
			bucket(lo.Format("2006-01"), lo, lo.AddDate(0, 1, 0), n)
		}
	} else {
		res.Facets.DateLevel = index.ByYear
		for k := 0; k < len(c.months); k += 12 {
			var n int32
			for _, v := range c.months[k : k+12] {
				n += v
			}
			label, lo, hi := yearRange(c.firstYear + k/12)
			bucket(label, lo, hi, n)
		}
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
