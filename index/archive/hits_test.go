package archive

import (
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/readout/readout/index/highlight"
	"github.com/readout/readout/seeds"
)

// TestQuoteMarksFromParagraphs: the matches of an article hit's quotes cut from its
// paragraphs' (paraMarks.quoteMarks) are those that reading each quote gives: every quote of
// the seeds, under searches of words, phrases, alternatives and very common words; with
// READOUT_BENCH_DIR (and READOUT_BENCH_INDEX), also of every 20th article of that archive.
// A quote's end cuts a word where the letters or digits either side of it could be one word.
func TestQuoteMarksFromParagraphs(t *testing.T) {
	t.Run("seeds", func(t *testing.T) { quoteMarksFromParagraphs(t, openForTest(t, seeds.FS, ""), 1) })
	if dir := os.Getenv("READOUT_BENCH_DIR"); dir != "" {
		t.Run("corpus", func(t *testing.T) {
			quoteMarksFromParagraphs(t, openForTest(t, os.DirFS(dir), os.Getenv("READOUT_BENCH_INDEX")), 20)
		})
	}
	for _, tt := range []struct {
		text string
		at   int
		want bool
	}{
		{"“Taiwan”", len("“"), true},
		{"“Taiwan”", len("“Taiwan"), true},
		{"alliances", 3, false},
		{"Biden’s", len("Biden"), false},
		{"Biden's", len("Biden'"), false},
		{"a b", 1, true},
		{"ab", 0, true},
		{"ab", 2, true},
	} {
		if got := betweenWords(tt.text, tt.at); got != tt.want {
			t.Errorf("betweenWords(%q, %d) = %v, want %v", tt.text, tt.at, got, tt.want)
		}
	}
}

func quoteMarksFromParagraphs(t *testing.T, a *Archive, every int) {
	st, err := a.current()
	if err != nil {
		t.Fatal(err)
	}
	cut, marked := 0, 0
	for i := 0; i < len(st.cat.Articles); i += every {
		art, err := a.article(st, i)
		if err != nil {
			t.Fatal(err)
		}
		for _, search := range []string{"alliance", "China", `"Hong Kong"`, `"human rights"`, "Taiwan OR Tibet", "said", "the", `"we will"`, `"of the"`, "Blinken", "us them", `"United States" president`} {
			hl := a.Highlighter(search)
			_, paras := fragments(art, hl, nil, 2)
			for k := range art.Quotes {
				qu := &art.Quotes[k]
				got, want := paras.quoteMarks(art, qu, hl), hl.Marks(qu.Text)
				if !slices.Equal(got, want) {
					t.Errorf("%s, %q: quote %s: %v from its paragraphs, %v read", art.ID, search, qu.ID, got, want)
				}
				cut++
				if len(want) > 0 {
					marked++
				}
			}
		}
	}
	if marked == 0 {
		t.Error("no quote has matches")
	}
	t.Logf("%d quotes' matches, %d with some", cut, marked)
}

// TestWordMarks: an article hit's paragraphs marked from their words read once
// (highlight.Words, kept beside an article shown again) are marked as reading their text marks
// them, and its fragments and its quotes' marks are the same: every paragraph of the seeds'
// articles, under the searches of TestQuoteMarksFromParagraphs; with READOUT_BENCH_DIR, every
// 20th article of that archive.
func TestWordMarks(t *testing.T) {
	t.Run("seeds", func(t *testing.T) { wordMarks(t, openForTest(t, seeds.FS, ""), 1) })
	if dir := os.Getenv("READOUT_BENCH_DIR"); dir != "" {
		t.Run("corpus", func(t *testing.T) {
			wordMarks(t, openForTest(t, os.DirFS(dir), os.Getenv("READOUT_BENCH_INDEX")), 20)
		})
	}
}

func wordMarks(t *testing.T, a *Archive, every int) {
	st, err := a.current()
	if err != nil {
		t.Fatal(err)
	}
	paras, marked := 0, 0
	for i := 0; i < len(st.cat.Articles); i += every {
		art, err := a.article(st, i)
		if err != nil {
			t.Fatal(err)
		}
		texts := make([]string, len(art.Paragraphs))
		for k, p := range art.Paragraphs {
			texts[k] = p.Text
		}
		words := highlight.ReadWords(a.text, texts)
		if words == nil || words.Len() != len(texts) {
			t.Fatalf("%s: words of %d paragraphs read as %d", art.ID, len(texts), words.Len())
		}
		for _, search := range []string{"alliance", "China", `"Hong Kong"`, `"human rights"`, "Taiwan OR Tibet", "said", "the", `"we will"`, `"of the"`, "Blinken", "us them", `"United States" president`, "Fernández", "día"} {
			hl := a.Highlighter(search)
			wm := hl.WordMarks(words)
			for k, text := range texts {
				got, want := wm.Marks(k), hl.Marks(text)
				if !slices.Equal(got, want) {
					t.Errorf("%s, %q: paragraph %d: %v from its words, %v read", art.ID, search, k, got, want)
				}
				paras++
				if len(want) > 0 {
					marked++
				}
			}
			fromWords, pw := fragments(art, hl, wm, 2)
			fromText, pt := fragments(art, hl, nil, 2)
			if !reflect.DeepEqual(fromWords, fromText) {
				t.Errorf("%s, %q: fragments %v from its words, %v read", art.ID, search, fromWords, fromText)
			}
			for k := range art.Quotes {
				qu := &art.Quotes[k]
				if got, want := pw.quoteMarks(art, qu, hl), pt.quoteMarks(art, qu, hl); !slices.Equal(got, want) {
					t.Errorf("%s, %q: quote %s: %v from its words, %v read", art.ID, search, qu.ID, got, want)
				}
			}
		}
	}
	if marked == 0 {
		t.Error("no paragraph has matches")
	}
	t.Logf("%d paragraphs' matches, %d with some", paras, marked)
}
