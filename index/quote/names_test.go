package quote

import (
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/index/registry"
)

// TestNamesInCapitals: names a text gives in capitals (transcript labels, statement titles) are
// written as people write them.
func TestNamesInCapitals(t *testing.T) {
	tests := []struct {
		in, display, person string
	}{
		{"O'NEILL", "O'Neill", "O'Neill"},
		{"JEAN-MARC AYRAULT", "Jean-Marc Ayrault", "Jean-Marc Ayrault"},
		{"MCGILL JOHNSON", "McGill Johnson", "McGill Johnson"},
		{"MACK", "MACK", "Mack"},
		{"MUNOZ", "MUNOZ", "Munoz"}, // alone, an acronym unless the text says it is a person
		{"NATO", "NATO", "Nato"},
		{"Rachel McGill", "Rachel McGill", "Rachel McGill"},
		{"Denis SASSOU-NGUESSO", "Denis Sassou-Nguesso", "Denis Sassou-Nguesso"},
		{"Prince HANS-ADAM II", "Prince Hans-Adam II", "Prince Hans-Adam II"},
	}
	for _, tt := range tests {
		if got := displayName(tt.in); got != tt.display {
			t.Errorf("displayName(%q) = %q, want %q", tt.in, got, tt.display)
		}
		if got := personName(tt.in); got != tt.person {
			t.Errorf("personName(%q) = %q, want %q", tt.in, got, tt.person)
		}
	}
}

// TestTokensIn checks the window search against reading every token, for windows narrow and
// wide, at and between words.
func TestTokensIn(t *testing.T) {
	text := strings.Repeat("Secretary Blinken said on Tuesday that the talks, held in Brussels, were candid. ", 8)
	toks := registry.Tokenize(text)
	for lo := 0; lo <= len(text); lo += 3 {
		for _, width := range []int{0, 1, 7, 24, 80, 120, 400, len(text)} {
			hi := min(len(text), lo+width)
			var want []registry.Token
			for _, tok := range toks {
				if tok.Start >= lo && tok.End <= hi {
					want = append(want, tok)
				}
			}
			if got := tokensIn(toks, lo, hi); !slices.Equal(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("tokensIn(%d, %d) = %d tokens, want %d", lo, hi, len(got), len(want))
			}
		}
	}
}
