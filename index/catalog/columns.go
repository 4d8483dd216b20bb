package catalog

import (
	"github.com/readout/readout/index"
	"github.com/readout/readout/index/quote"
)

// A search counts its facets and sorts by date from the catalog, not from bleve's doc values:
// bleve decodes (snappy) a chunk of doc values for every match and every field, which was
// a third of an uncached search's time. The catalog holds the same values in memory; columns
// lays them out as compact arrays by document, so a search fills its counts in one pass over
// the numbers of the documents it matches.

// A catalog document's number is its article's index in Articles, or len(Articles) plus its
// quote's index in Quotes.

// columns are the facets' values and the dates of every document of a catalog.
type columns struct {
	articles  int
	actors    multiColumn
	topics    multiColumn
	countries multiColumn
	sources   []string // code → source key
	source    []int32  // by document
	date      []int64  // the first day of the date's period (Unix ns), by document; undated: noDate
	end       []int64  // the last day of the date's period (Unix ns), by document; undated: noDate
	month     []int32  // year*12 + month-1, by document; undated: -1
	quote     []uint8  // by quote's index in Quotes: isProcedural, isFull
}

// A quote's flags in columns.quote.
const (
	isProcedural uint8 = 1 << iota
	isFull
)

const noDate = int64(-1 << 63)

// multiColumn holds a field of several values a document, each counted once: the values of
// document d are codes[start[d]:start[d+1]].
type multiColumn struct {
	values []string // code → value
	start  []int32
	codes  []int32
}

// Warm builds the catalog's columns ahead of the first search, which would otherwise wait for
// them.
func (c *Catalog) Warm() { c.columns() }

// columns returns the catalog's columns, built on first use.
func (c *Catalog) columns() *columns {
	c.colsOnce.Do(func() { c.cols = buildColumns(c) })
	return c.cols
}

func buildColumns(c *Catalog) *columns {
	n := len(c.Articles) + len(c.Quotes)
	cols := &columns{articles: len(c.Articles), source: make([]int32, 0, n), date: make([]int64, 0, n), end: make([]int64, 0, n), month: make([]int32, 0, n)}
	actors, topics, sources, countries := newInterner(), newInterner(), newInterner(), newInterner()
	cols.actors.start = make([]int32, 1, n+1)
	cols.topics.start = make([]int32, 1, n+1)
	cols.countries.start = make([]int32, 1, n+1)
	add := func(s *index.Summary, actorIDs, topicIDs, countryIDs []string) {
		// A merged actor counts as the one it was merged into (canon.go), here once, so that a
		// facet's top values are cut from the merged counts, not from each spelling's.
		cols.actors.add(actors, c.canonicalIDs(actorIDs))
		cols.topics.add(topics, topicIDs)
		cols.countries.add(countries, countryIDs)
		cols.source = append(cols.source, sources.code(index.SourceKey(s.Source)))
		d := s.Date.Start()
		if d.IsZero() {
			cols.date = append(cols.date, noDate)
			cols.end = append(cols.end, noDate)
			cols.month = append(cols.month, -1)
		} else {
			cols.date = append(cols.date, d.UnixNano())
			cols.end = append(cols.end, s.Date.End().UnixNano())
			cols.month = append(cols.month, int32(d.Year()*12+int(d.Month())-1))
		}
	}
	for i := range c.Articles {
		add(&c.Articles[i], c.Articles[i].Actors, c.Articles[i].Topics, c.Articles[i].Countries)
	}
	cols.quote = make([]uint8, len(c.Quotes))
	for i := range c.Quotes {
		q := &c.Quotes[i]
		add(&c.Articles[q.Article], q.Speakers, q.Topics, q.Countries)
		if q.Procedural {
			cols.quote[i] |= isProcedural
		}
		if q.Kind == quote.Full {
			cols.quote[i] |= isFull
		}
	}
	cols.actors.values, cols.topics.values, cols.sources = actors.values, topics.values, sources.values
	cols.countries.values = countries.values
	return cols
}

func (m *multiColumn) add(in *interner, values []string) {
	first := len(m.codes)
	for _, v := range values {
		code := in.code(v)
		dup := false
		for _, c := range m.codes[first:] {
			dup = dup || c == code
		}
		if !dup { // a value repeated in a document counts once, as in the index
			m.codes = append(m.codes, code)
		}
	}
	m.start = append(m.start, int32(len(m.codes)))
}

type interner struct {
	codes  map[string]int32
	values []string
}

func newInterner() *interner { return &interner{codes: map[string]int32{}} }

func (in *interner) code(v string) int32 {
	c, ok := in.codes[v]
	if !ok {
		c = int32(len(in.values))
		in.codes[v] = c
		in.values = append(in.values, v)
	}
	return c
}

// Number is the catalog number of an article's or a quote's id (bleveindex.Numbering).
func (c *Catalog) Number(id string, quote bool) (uint32, bool) {
	if quote {
		i, ok := c.quoteByID[id]
		return uint32(len(c.Articles) + i), ok
	}
	i, ok := c.byID[id]
	return uint32(i), ok
}

// IsArticle reports whether document d is an article (not a quote), without reading Quotes.
func (c *Catalog) IsArticle(d uint32) bool { return int(d) < len(c.Articles) }

// Place is where a catalog document is: its article's index in Articles, and for a quote its
// QuoteRef (nil for an article).
func (c *Catalog) Place(d uint32) (article int, quote *QuoteRef) {
	if int(d) < len(c.Articles) {
		return int(d), nil
	}
	q := &c.Quotes[int(d)-len(c.Articles)]
	return q.Article, q
}

// unixDate is a document's date for sorting, and whether it has one.
func (cols *columns) unixDate(d uint32) (int64, bool) {
	v := cols.date[d]
	return v, v != noDate
}
