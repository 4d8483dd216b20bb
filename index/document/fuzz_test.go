package document_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/readout/readout/index/document"
)

var slug = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// FuzzParse reads any bytes as an article file: it never panics, the reason it gives for a file
// it refuses is UTF-8 (it goes to the log and the startup summary), and what it serves is UTF-8
// text in paragraphs, under a slug id, with a date.
func FuzzParse(f *testing.F) {
	f.Add([]byte("---\ntitle: T\ndate: 2021-03-24\n---\n\"We will,\" Blinken said.\n"))
	f.Add([]byte("---\ntitle: \"a\\\n  \\ b\"\ndate: '2022-01'\ntags: [x]\n---\n-   item\n    more\n\n# head\n\n*em* **strong** [l](u) <b>x</b> \\$5\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ndate: 2021\r\n---\r\nHeadline\r\n\r\nText  \r\nbreak\r\n"))
	f.Add([]byte("---\na: &a [1]\nb: *a\ndate: 2021-01-01\n---\nx"))
	f.Add([]byte("---\ntitle: T\ndate: 2021-01-01\nsource_url: \"javascript:" + strings.Repeat("\u00a0", 50) + "\"\n---\nx"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := document.Parse("f.md", b, testRules)
		if err != nil {
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("the reason %q is not UTF-8", err)
			}
			return
		}
		if !utf8.ValidString(d.Title) || !utf8.ValidString(d.Source) || !utf8.ValidString(d.Place) {
			t.Fatalf("title %q, source %q, place %q", d.Title, d.Source, d.Place)
		}
		if !slug.MatchString(d.ID) || d.Date.IsZero() || len(d.Paragraphs) == 0 {
			t.Fatalf("served with id %q, date %v, %d paragraphs", d.ID, d.Date, len(d.Paragraphs))
		}
		for _, p := range d.Paragraphs {
			if p.Text == "" || !utf8.ValidString(p.Text) {
				t.Fatalf("paragraph %q", p.Text)
			}
		}
	})
}
