package catalog

import (
	"math"

	"github.com/readout/readout/index"
)

// Filter is what a search keeps of the documents bleve matches by the catalog's columns, not
// by bleve's index: the date range, full quotes only and the procedural turns
// (bleveindex.Build leaves them to it; BuildReference says why).
type Filter struct {
	cols     *columns
	from, to int64 // Unix ns, the range's first and last day: math.MinInt64 and MaxInt64 when open
	dated    bool  // a range is asked for: undated documents are in none
	drop     uint8 // the quotes with any of these flags (columns.quote) are left out
	keepOnly uint8 // only the quotes with all of these are kept
}

// Filter returns the filter of a search, nil when it keeps every document bleve matches: a
// search without dates, of articles, or of quotes with their procedural turns.
func (c *Catalog) Filter(q index.Query) *Filter {
	f := &Filter{cols: c.columns(), from: math.MinInt64, to: math.MaxInt64}
	if !q.From.IsZero() {
		f.from, f.dated = q.From.UnixNano(), true
	}
	if !q.To.IsZero() {
		f.to, f.dated = q.To.UnixNano(), true
	}
	if !q.Procedural {
		f.drop = isProcedural
	}
	if q.Full {
		f.keepOnly = isFull
	}
	if !f.dated && f.drop == 0 && f.keepOnly == 0 {
		return nil
	}
	return f
}

// Keep reports whether document d passes the filter. A month- or year-dated document is in a
// date range its period overlaps: its first day not after the range's end, its last day not
// before the range's start; an undated one is in no range.
func (f *Filter) Keep(d uint32) bool {
	if f.dated && (f.cols.date[d] == noDate || f.cols.date[d] > f.to || f.cols.end[d] < f.from) {
		return false
	}
	if int(d) < f.cols.articles {
		return true
	}
	flags := f.cols.quote[int(d)-f.cols.articles]
	return flags&f.drop == 0 && flags&f.keepOnly == f.keepOnly
}
