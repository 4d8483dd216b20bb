package registry

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRuneByRune is Tokenize as first written, a rune at a time: the reference the fast
// one must agree with.
func tokenizeRuneByRune(s string) []Token {
	var toks []Token
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			toks = append(toks, Token{s[start:i], start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		toks = append(toks, Token{s[start:], start, len(s)})
	}
	return toks
}

func TestTokenize(t *testing.T) {
	texts := []string{
		"", " ", "China’s U.S.-led talks", "Señora Nuñez said: «Très bien» — 2024!", "naïve café",
		"Berm˙dez Qla|layangi Corlă\"ean", "\xff\xfeinvalid \xc3 bytes", "İSTANBUL", "a\u0301b", "end.",
	}
	pieces := []string{"a", "Z", "9", " ", ".", "’", "é", "İ", "\u0301", "—", "\xff", "中", "-", "\u00a0"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := Tokenize(s), tokenizeRuneByRune(s); !slices.Equal(got, want) {
			t.Fatalf("Tokenize(%q) = %v, want %v", s, got, want)
		}
	}
}
