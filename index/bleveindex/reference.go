package bleveindex

import (
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/readout/readout/index"
)

// Reference is what bleve's own sort and facets, read from its doc values, give for a query:
// what the tests compare a catalog's collecting and counting with (Collect does neither).
type Reference struct {
	Total int
	Hits  []Hit                  // the page asked for, in order
	Terms map[string][]TermCount // by field, bleve's order and cut
	Dates []DateCount
}

// Hit is a document matched: its catalog number and its score.
type Hit struct {
	Doc   uint32
	Score float64
}

// DateRange is a bucket of the date facet; End is the day after its last.
type DateRange struct {
	Name       string
	Start, End time.Time
}

// DateCount is a bucket of the date facet and its documents, its bounds as bleve writes them.
type DateCount struct {
	Name, Start, End string
	Count            int
}

// Reference runs a query with bleve's sort in the order asked (index.SortRelevance,
// SortNewest or SortOldest: then by score, date, id), the page of size hits from from, the
// term facets of the sizes given by field and the date facet's ranges.
func (x *Index) Reference(q *Query, n *Numbering, order string, from, size int, terms map[string]int, dates []DateRange) (*Reference, error) {
	req := bleve.NewSearchRequestOptions(q.q, size, from, false)
	switch order {
	case index.SortNewest:
		req.SortBy([]string{"-" + FieldDate, "-_score", "_id"})
	case index.SortOldest:
		req.SortBy([]string{FieldDate, "-_score", "_id"})
	default:
		req.SortBy([]string{"-_score", "-" + FieldDate, "_id"})
	}
	for field, size := range terms {
		req.AddFacet(field, bleve.NewFacetRequest(field, size))
	}
	if len(dates) > 0 {
		f := bleve.NewFacetRequest(FieldDate, 400)
		for _, d := range dates {
			f.AddDateTimeRange(d.Name, d.Start, d.End)
		}
		req.AddFacet(FieldDate, f)
	}
	res, err := x.b.Search(req)
	if err != nil {
		return nil, err
	}
	out := &Reference{Total: int(res.Total), Terms: map[string][]TermCount{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, Hit{n.docOf(h.ID), h.Score})
	}
	for field, f := range res.Facets {
		if field == FieldDate {
			for _, d := range f.DateRanges {
				out.Dates = append(out.Dates, DateCount{d.Name, *d.Start, *d.End, d.Count})
			}
			continue
		}
		for _, t := range f.Terms.Terms() {
			out.Terms[field] = append(out.Terms[field], TermCount{t.Term, uint64(t.Count)})
		}
	}
	return out, nil
}
