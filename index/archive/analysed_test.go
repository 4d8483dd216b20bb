package archive

import (
	"io/fs"
	"os"
	"reflect"
	"testing"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/load"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/seeds"
)

// TestSavedAnalyses: an index on disk keeps every article's analysis, and each reads back as
// load.Analyse makes it from the file, after a warm start too; a content hash that is not the
// file's finds nothing. On the archive of READOUT_BENCH_DIR (with READOUT_BENCH_INDEX) when set.
func TestSavedAnalyses(t *testing.T) {
	var fsys fs.FS = seeds.FS
	path := t.TempDir()
	if dir := os.Getenv("READOUT_BENCH_DIR"); dir != "" {
		fsys, path = os.DirFS(dir), os.Getenv("READOUT_BENCH_INDEX")
	}
	a := openForTest(t, fsys, path)
	check := func(t *testing.T, a *Archive) {
		st, err := a.current()
		if err != nil {
			t.Fatal(err)
		}
		if st.analyses == nil || st.analyses.Len() < len(st.cat.Articles) {
			t.Fatalf("analyses saved: %v for %d articles", st.analyses, len(st.cat.Articles))
		}
		for _, sum := range st.cat.Articles {
			b, err := load.ReadFile(fsys, sum.Path)
			if err != nil {
				t.Fatal(err)
			}
			want, err := load.Analyse(a.reg, sum.Path, b)
			if err != nil {
				t.Fatal(err)
			}
			got := savedAnalysis(st.analyses, sum.Path, load.Hash(b))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: saved analysis\n%+v\nwant\n%+v", sum.Path, got, want)
			}
			if got := savedAnalysis(st.analyses, sum.Path, load.Hash(b)+1); got != nil {
				t.Fatalf("%s: an analysis for another content", sum.Path)
			}
		}
	}
	t.Run("built", func(t *testing.T) { check(t, a) })
	a.Close()
	t.Run("reopened", func(t *testing.T) { check(t, openForTest(t, fsys, path)) })
}

// TestQuoteTextFromPlaces: a quote's text is cut from its places as the extractor cut it, and
// places outside the paragraphs give none.
func TestQuoteTextFromPlaces(t *testing.T) {
	paras := []index.Paragraph{{Text: "He said: “We act.”"}, {Text: "“And we stay,” he added."}}
	for _, tt := range []struct {
		s, e [2]int
		want string
		ok   bool
	}{
		{[2]int{0, 12}, [2]int{0, 19}, "We act.", true},
		{[2]int{0, 12}, [2]int{1, 15}, "We act.”\n\n“And we stay,", true},
		{[2]int{0, 5}, [2]int{0, 4}, "", false},
		{[2]int{1, 0}, [2]int{0, 4}, "", false},
		{[2]int{0, 0}, [2]int{2, 0}, "", false},
		{[2]int{0, -1}, [2]int{0, 4}, "", false},
		{[2]int{0, 0}, [2]int{1, 99}, "", false},
	} {
		got, ok := quoteText(paras, pos(tt.s), pos(tt.e))
		if got != tt.want || ok != tt.ok {
			t.Errorf("quoteText(%v, %v) = %q, %v; want %q, %v", tt.s, tt.e, got, ok, tt.want, tt.ok)
		}
	}
}

func pos(p [2]int) quote.Pos { return quote.Pos{Para: p[0], Off: p[1]} }
