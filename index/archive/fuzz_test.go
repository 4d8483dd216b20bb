package archive_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/highlight"
)

// FuzzSearch runs anything typed in the box against a small archive: never a panic, and an
// error only of the kind that becomes a 400.
func FuzzSearch(f *testing.F) {
	files := fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: A\ndate: 2021-03-24\n---\n“We will not force our allies into an us-or-them choice,” Antony Blinken said.\n")},
		"b.md": {Data: []byte("---\ntitle: B\ndate: 2022-01\n---\nJapan and the US said they held “serious concerns” about Hong Kong.\n")},
	}
	a := mustArchive(f, files, "")
	for _, s := range []string{"Quad", `"Hong Kong" -Tibet`, "allies OR Japan", "actor:blinken from:2021", "*", "from:2022-13"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, kind uint8) {
		q := index.Query{Text: s, Kind: index.KindArticles, Sort: index.SortRelevance, Page: 1, PerPage: 10}
		if kind%2 == 1 {
			q.Kind = index.KindQuotes
		}
		_, err := a.Search(context.Background(), q)
		var qe *index.QueryError
		if err != nil && !errors.As(err, &qe) {
			t.Fatalf("%q: %v", s, err)
		}
	})
}

// FuzzExcerpt cuts any text to any width around any search's words: every piece it returns is
// UTF-8 (a cut never falls inside a character, a no-break space is kept or dropped whole), the
// pieces are the text's own, in order, and a text that fits is returned whole.
func FuzzExcerpt(f *testing.F) {
	a := mustArchive(f, fstest.MapFS{"a.md": {Data: []byte("---\ntitle: A\ndate: 2021-03-24\n---\nText.\n")}}, "")
	// The cut that sent half a no-break space on the corpus's /search?q=Xinjiang&kind=quotes.
	f.Add(strings.Repeat("word ", 20)+"of concern.\u00a0 And Xinjiang is"+strings.Repeat(" more", 20), "Xinjiang", uint16(40))
	f.Add("Détente\u00a0\u00a0entre 北京 et Washington, “dit-il” — 🇺🇸 Fernández.", "fernandez", uint16(12))
	f.Add(strings.Repeat("word\u2009", 100), "", uint16(33))
	f.Add("e\u0301e\u0301e\u0301 \u3000x", "e", uint16(1))
	f.Fuzz(func(t *testing.T, text, search string, width uint16) {
		if !utf8.ValidString(text) {
			return // articles are checked for UTF-8 before they are read
		}
		w := int(width%600) + 1
		for _, frag := range []highlight.Fragment{highlight.Cut(text, w), a.Highlighter(search).Excerpt(text, w)} {
			var all strings.Builder
			for i, s := range frag {
				if !utf8.ValidString(s.Text) {
					t.Fatalf("piece %d of %q cut at %d is not UTF-8: %q", i, text, w, s.Text)
				}
				if s.Mark && s.Text == "" {
					t.Fatalf("an empty mark in %v", frag)
				}
				if !s.Mark && s.Text == "…" && (i == 0 || i == len(frag)-1) && len(text) > w {
					continue // the mark of a cut (a text that fits has none, though it may be "…")
				}
				all.WriteString(s.Text)
			}
			if !strings.Contains(text, all.String()) {
				t.Fatalf("the excerpt %q is not a piece of %q", all.String(), text)
			}
			if len(text) <= w && all.String() != text {
				t.Fatalf("%q fits in %d but became %q", text, w, all.String())
			}
		}
	})
}
