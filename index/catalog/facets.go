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

// topTerms keeps the size most frequent of the values counted (counts[code] is values[code]'s),
// ties by value: bleve's order and cut for a term facet, which TestCollectorMatchesBleve
// compares with. The few kept are chosen in one pass, most values passed over on their count
// alone, rather than sorting the thousands of actors counted in a search of common words.
func topTerms(values []string, counts []int32, size int) []TermCount {
	before := func(x, y TermCount) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.Value, y.Value))
	}
	if size <= 0 || size > 64 {
		// A facet in full (its own page): every value counted, sorted.
		var all []TermCount
		for code, n := range counts {
			if n > 0 {
				all = append(all, TermCount{values[code], int(n)})
			}
		}
		slices.SortFunc(all, before)
		return all[:min(max(size, 0), len(all))]
	}
	var top []TermCount // the best so far, in order; at most size
	for code, n := range counts {
		if n <= 0 {
			continue
		}
		if len(top) == size && int(n) < top[size-1].Count {
			continue
		}
		tc := TermCount{values[code], int(n)}
		at, _ := slices.BinarySearchFunc(top, tc, before)
		if at == size {
			continue
		}
		if len(top) == size {
			top = top[:size-1]
		}
		top = slices.Insert(top, at, tc)
	}
	return top
}
