package archive

import (
	"context"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/readout/readout/index"
)

// A search counts its facets and sorts by date from the catalog, not from bleve's doc values:
// bleve decodes (snappy) a chunk of doc values for every match and every field, which was
// a third of an uncached search's time. The catalog holds the same values in memory; columns
// lays them out as compact arrays by document, so a search fills its counts in one pass over
// the numbers of the documents it matches.

// A catalog document's number: its article's index in Articles, or len(Articles) plus its
// quote's index in Quotes.
const noDoc = ^uint32(0)

// columns are the facets' values and the dates of every document of a catalog.
type columns struct {
	articles  int
	actors    multiColumn
	topics    multiColumn
	countries multiColumn
	sources   []string // code → source key
	source    []int32  // by document
	date      []int64  // the first day of the date's period (Unix ns), by document; undated: noDate
	month     []int32  // year*12 + month-1, by document; undated: -1

	segMu sync.Mutex
	segs  map[any][]uint32 // a segment of the index → its documents' catalog numbers
}

const noDate = int64(-1 << 63)

// multiColumn holds a field of several values a document, each counted once: the values of
// document d are codes[start[d]:start[d+1]].
type multiColumn struct {
	values []string // code → value
	start  []int32
	codes  []int32
}

// columns returns the catalog's columns, built on first use.
func (c *catalog) columns() *columns {
	c.colsOnce.Do(func() { c.cols = buildColumns(c) })
	return c.cols
}

func buildColumns(c *catalog) *columns {
	n := len(c.Articles) + len(c.Quotes)
	cols := &columns{articles: len(c.Articles), source: make([]int32, 0, n), date: make([]int64, 0, n), month: make([]int32, 0, n), segs: map[any][]uint32{}}
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
		cols.source = append(cols.source, sources.code(sourceKey(s.Source)))
		d := s.Date.Start()
		if d.IsZero() {
			cols.date = append(cols.date, noDate)
			cols.month = append(cols.month, -1)
		} else {
			cols.date = append(cols.date, d.UnixNano())
			cols.month = append(cols.month, int32(d.Year()*12+int(d.Month())-1))
		}
	}
	for i := range c.Articles {
		add(&c.Articles[i], c.Articles[i].Actors, c.Articles[i].Topics, c.Articles[i].Countries)
	}
	for i := range c.Quotes {
		q := &c.Quotes[i]
		add(&c.Articles[q.Article], q.Speakers, q.Topics, q.Countries)
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

// docOf is the catalog number of a bleve document id, noDoc for one the catalog does not have
// (a document indexed in the instant before its catalog replaces the old one).
func (c *catalog) docOf(id string) uint32 {
	if rest, ok := strings.CutPrefix(id, "a:"); ok {
		if i, ok := c.byID[rest]; ok {
			return uint32(i)
		}
	} else if rest, ok := strings.CutPrefix(id, "q:"); ok {
		if i, ok := c.quoteByID[rest]; ok {
			return uint32(len(c.Articles) + i)
		}
	}
	return noDoc
}

// docID is the bleve id of a catalog document.
func (c *catalog) docID(d uint32) string {
	if int(d) < len(c.Articles) {
		return articleDocID(c.Articles[d].ID)
	}
	return quoteDocID(c.Quotes[int(d)-len(c.Articles)].ID)
}

// docMap turns the numbers bleve gives the documents of one snapshot of the index into catalog
// numbers. A snapshot numbers its segments' documents one segment after the other; segments
// never change once written, so what each holds is worked out once, by the ids it stores.
type docMap struct {
	offsets []uint64 // the first number of each segment
	docs    [][]uint32
	reader  bindex.IndexReader // for an index of another kind: ids read one by one
	cat     *catalog
	seg     int // the segment of the last number asked: matches come in order
}

func (c *catalog) docMap(r bindex.IndexReader) *docMap {
	m := &docMap{cat: c, reader: r}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return m
	}
	cols := c.columns()
	segs := snap.Segments()
	cols.segMu.Lock()
	defer cols.segMu.Unlock()
	var running uint64
	for _, ss := range segs {
		seg := ss.Segment()
		docs, ok := cols.segs[seg]
		if !ok {
			docs = make([]uint32, seg.Count())
			for n := range docs {
				docs[n] = noDoc
				if id, err := seg.DocID(uint64(n)); err == nil && id != nil {
					docs[n] = c.docOf(string(id))
				}
			}
			cols.segs[seg] = docs
		}
		m.offsets = append(m.offsets, running)
		m.docs = append(m.docs, docs)
		running += seg.Count()
	}
	// Segments merged away are forgotten.
	if len(cols.segs) > 2*len(segs)+8 {
		keep := make(map[any][]uint32, len(segs))
		for _, ss := range segs {
			keep[ss.Segment()] = cols.segs[ss.Segment()]
		}
		cols.segs = keep
	}
	return m
}

// doc returns the catalog number of a document matched.
func (m *docMap) doc(id bindex.IndexInternalID) uint32 {
	if m.offsets == nil {
		ext, err := m.reader.ExternalID(id)
		if err != nil {
			return noDoc
		}
		return m.cat.docOf(ext)
	}
	n := id.Value()
	if !m.in(m.seg, n) {
		lo, hi := 0, len(m.offsets)
		for lo < hi { // the last segment starting at or before n
			mid := (lo + hi) / 2
			if m.offsets[mid] <= n {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		m.seg = lo - 1
		if m.seg < 0 {
			return noDoc
		}
	}
	local := n - m.offsets[m.seg]
	if local >= uint64(len(m.docs[m.seg])) {
		return noDoc
	}
	return m.docs[m.seg][local]
}

func (m *docMap) in(seg int, n uint64) bool {
	return n >= m.offsets[seg] && n-m.offsets[seg] < uint64(len(m.docs[seg]))
}

// unixDate is a document's date for sorting, and whether it has one.
func (cols *columns) unixDate(d uint32) (int64, bool) {
	v := cols.date[d]
	return v, v != noDate
}

// warm builds the catalog's columns and maps the index's segments in the background, once a
// state is served, so that its first search does not wait for them. It maps them through a
// search that matches nothing: bleve holds the index open for it.
func (st *state) warm() {
	go func() {
		c := newCollector(st.cat, index.SortRelevance, 0, false)
		_, _ = c.search(context.Background(), st, bleve.NewSearchRequest(bleve.NewMatchNoneQuery())) // a closed index maps nothing
	}()
}
