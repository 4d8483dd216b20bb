package catalog

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Facets are a search's facets as counted from the catalog, before NameFacets names them:
// each field's most frequent values, and the dates with documents. The catalog (browse.go) and
// the Collector (collect.go) count them; nothing of bleve's result types is built for them.
type Facets struct {
	Terms map[string][]TermCount // by field (FacetActor, FacetTopic, FacetSource, FacetCountry), most frequent first
	Dates []DateCount
}

// TermCount is a value of a facet and the documents that have it.
type TermCount struct {
	Value string
	Count int
}

// DateCount is a year or a month and its documents; End is the day after its last.
type DateCount struct {
	Label      string
	Start, End time.Time
	Count      int
}

// topTerms keeps the size most frequent of counts, ties by value: bleve's order and cut for a
// term facet, which TestCollectorMatchesBleve compares with.
func topTerms(counts []TermCount, size int) []TermCount {
	slices.SortFunc(counts, func(x, y TermCount) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.Value, y.Value))
	})
	return counts[:min(size, len(counts))]
}
