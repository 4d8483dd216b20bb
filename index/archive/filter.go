package archive

import (
	"github.com/readout/readout/index"
	"github.com/readout/readout/index/quote"
)

// docFilter is what a search keeps of the documents bleve matches by the catalog's columns,
// not by bleve's index: the date range, full quotes only and the procedural turns
// (bleveindex.Build leaves them to it; BuildReference says why).
type docFilter struct {
	cat        *catalog
	cols       *columns
	from, to   int64 // Unix ns; fromSet and toSet say whether each bounds the range
	fromSet    bool
	toSet      bool
	full       bool // full quotes only
	procedural bool // the procedural turns too
}

// filterOf returns the filter of a search, nil when it keeps every document bleve matches:
// a search without dates, of articles, or of quotes with their procedural turns.
func filterOf(cat *catalog, q index.Query) *docFilter {
	f := &docFilter{cat: cat, cols: cat.columns(), full: q.Full, procedural: q.Procedural}
	if !q.From.IsZero() {
		f.from, f.fromSet = q.From.UnixNano(), true
	}
	if !q.To.IsZero() {
		f.to, f.toSet = q.To.UnixNano(), true
	}
	if !f.fromSet && !f.toSet && !f.full && f.procedural {
		return nil
	}
	return f
}

// keep reports whether document d passes the filter. A month- or year-dated document is in a
// date range its period overlaps: its first day not after the range's end, its last day not
// before the range's start; an undated one is in no range.
func (f *docFilter) keep(d uint32) bool {
	if f.toSet && (f.cols.date[d] == noDate || f.cols.date[d] > f.to) {
		return false
	}
	if f.fromSet && (f.cols.end[d] == noDate || f.cols.end[d] < f.from) {
		return false
	}
	if int(d) < f.cols.articles {
		return true
	}
	q := &f.cat.Quotes[int(d)-f.cols.articles]
	return (f.procedural || !q.Procedural) && (!f.full || q.Kind == quote.Full)
}
