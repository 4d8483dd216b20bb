package catalog

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// facetCounts are a search's facets as counted from the catalog, before readFacets names them:
// each field's most frequent values, and the dates with documents. The catalog (browse.go) and
// the collector (collect.go) count them; nothing of bleve's result types is built for them.
type facetCounts struct {
	terms map[string][]termCount // by field (FieldActor, FieldTopic, FieldSource), most frequent first
	dates []dateCount
}

// termCount is a value of a facet and the documents that have it.
type termCount struct {
	value string
	count int
}

// dateCount is a year or a month and its documents; end is the day after its last.
type dateCount struct {
	label      string
	start, end time.Time
	count      int
}

// topTerms keeps the size most frequent of counts, ties by value: bleve's order and cut for a
// term facet, which TestCollectorMatchesBleve compares with.
func topTerms(counts []termCount, size int) []termCount {
	slices.SortFunc(counts, func(x, y termCount) int {
		return cmp.Or(cmp.Compare(y.count, x.count), strings.Compare(x.value, y.value))
	})
	return counts[:min(size, len(counts))]
}
