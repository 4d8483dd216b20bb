package catalog

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestTopTerms: the values kept for a facet are those sorting every value counted gives (most
// frequent first, ties by value), cut to the facet's size: counts with many ties, few values,
// none, and a facet in full.
func TestTopTerms(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tt := range []struct{ values, maxCount int }{{0, 1}, {3, 1}, {50, 3}, {4000, 2}, {4000, 500}} {
		values := make([]string, tt.values)
		counts := make([]int32, tt.values)
		for i := range values {
			values[i] = fmt.Sprintf("v%05d", r.IntN(100000))
			if r.IntN(3) > 0 {
				counts[i] = int32(r.IntN(tt.maxCount + 1))
			}
		}
		var all []TermCount
		for i, n := range counts {
			if n > 0 {
				all = append(all, TermCount{values[i], int(n)})
			}
		}
		slices.SortStableFunc(all, func(x, y TermCount) int {
			return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.Value, y.Value))
		})
		for _, size := range []int{1, 2, 10, 20, 64, 65, 1000} {
			want := all[:min(size, len(all))]
			if got := topTerms(values, counts, size); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
				t.Errorf("%d values counted up to %d, size %d: %v, want %v", tt.values, tt.maxCount, size, got, want)
			}
		}
	}
}
