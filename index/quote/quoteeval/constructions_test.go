package quoteeval

import (
	"os"
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
