package query_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/readout/readout/index/query"
)

// FuzzParseQuery reads anything typed in the search box: it never panics, refuses only what is
// too long or not UTF-8, and reads the rest within the bounds.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`Quad "Hong Kong" -Tibet`, "a OR b OR", `actor:"Antony Blinken" from:2021-03`, "*e*e*", "/.*/", `"unclosed`, "NOT x NOT", "-\"\"", "((((a))))"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := query.Parse(s)
		if err != nil {
			if utf8.ValidString(s) && utf8.RuneCountInString(s) <= query.MaxLength && !errors.Is(err, query.ErrTooManyClauses) {
				t.Fatalf("refused %q: %v", s, err)
			}
			return
		}
		n := len(p.Not)
		for _, c := range p.Must {
			n += max(1, len(c.Or))
		}
		if n > query.MaxClauses {
			t.Fatalf("%d clauses from %q", n, s)
		}
		if !utf8.ValidString(p.String()) {
			t.Fatalf("reading %q is not UTF-8", p.String())
		}
		for _, c := range p.Must {
			if c.Or == nil && strings.TrimSpace(c.Text) == "" {
				t.Fatalf("an empty clause from %q", s)
			}
		}
	})
}
