package handlers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCuts shortens any text as the handlers do: what a reader typed quoted back in a message
// (clip: any bytes) and an article's or quote's words for titles, descriptions, feed titles and
// citations (excerptText: the archive's UTF-8 text). What comes out is always UTF-8, and at most
// about as long as asked.
func FuzzCuts(f *testing.F) {
	f.Add("…of concern.\u00a0 And Xinjiang", uint8(12))
	f.Add("\xff\xfe half \xc2", uint8(3))
	f.Add(strings.Repeat("北京\u00a0", 40), uint8(90))
	f.Fuzz(func(t *testing.T, s string, n uint8) {
		w := int(n) + 1
		c := clip(s, w)
		if !utf8.ValidString(c) || utf8.RuneCountInString(c) > w+1 {
			t.Fatalf("clip(%q, %d) = %q", s, w, c)
		}
		if !utf8.ValidString(s) {
			return
		}
		e := excerptText(s, w)
		if !utf8.ValidString(e) {
			t.Fatalf("excerptText(%q, %d) = %q, not UTF-8", s, w, e)
		}
		if len(e) > w+2*len("…")+utf8.UTFMax {
			t.Fatalf("excerptText(%q, %d) = %q, %d bytes", s, w, e, len(e))
		}
	})
}
