package quoteeval

import (
	"os"
	"slices"
	"testing"

	"github.com/readout/readout/index/registry"
)

// An article's quotations are matched by their first words: the title in marks between them
// shifts nothing, and a quotation the text does not hold is counted missed, not wrong.
func TestRunConstructionsArticle(t *testing.T) {
	reg, err := registry.Load(os.DirFS("../../../seeds"), nil)
	if err != nil {
		t.Fatal(err)
	}
	report, err := RunConstructions(os.DirFS("testdata/articles"), reg)
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Files) != 1 {
		t.Fatalf("%d files, want 1", len(report.Files))
	}
	f := report.Files[0]
	got := [6]int{f.Texts, f.Quotes, f.Right, f.Wrong, f.Unknown, f.Miscounted}
	want := [6]int{1, 4, 3, 0, 0, 1}
	if got != want {
		t.Errorf("texts, quotes, right, wrong, unidentified, miscounted = %v, want %v\n%v", got, want, f.Failures)
	}
}

func TestAlign(t *testing.T) {
	tests := []struct {
		got, want []string
		pairs     []int
	}{
		{[]string{"A", "B"}, []string{"B", "A"}, []int{0, 1}},
		{[]string{"Roy"}, []string{"", "Roy"}, []int{-1, 0}},
		{[]string{"Roy", ""}, []string{"Roy"}, []int{0}},
		{[]string{"", "A", "B"}, []string{"A", "B"}, []int{1, 2}},
		{[]string{"X", "B"}, []string{"A", "", "B"}, []int{0, -1, 1}},
		{nil, []string{"A"}, []int{-1}},
	}
	for _, tt := range tests {
		if got := align(tt.got, tt.want); !slices.Equal(got, tt.pairs) {
			t.Errorf("align(%q, %q) = %v, want %v", tt.got, tt.want, got, tt.pairs)
		}
	}
}
