package web

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/readout/readout/index/highlight"
)

// FuzzQuotePreview cuts any quote to any length for a card's title: UTF-8 always, never longer
// than asked (and the "…"), no space left at either end.
func FuzzQuotePreview(f *testing.F) {
	f.Add("We will not\u00a0 force our allies", uint8(11))
	f.Add("北京\u00a0北京 e\u0301 🇺🇸🇺🇸", uint8(3))
	f.Fuzz(func(t *testing.T, s string, n uint8) {
		if !utf8.ValidString(s) {
			return
		}
		w := int(n) + 1
		got := excerpt(highlight.Fragment{{Text: s}, {Text: s, Mark: true}}, w)
		if !utf8.ValidString(got) || utf8.RuneCountInString(strings.TrimSuffix(got, "…")) > w {
			t.Fatalf("excerpt(%q, %d) = %q", s, w, got)
		}
		if strings.TrimSpace(got) != got {
			t.Fatalf("excerpt(%q, %d) = %q, with spaces at an end", s, w, got)
		}
	})
}
