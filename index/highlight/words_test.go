package highlight

import (
	"slices"
	"testing"
)

// gapped is an analyzer for tests that leaves a word out and keeps the positions (a stop
// filter): its phrases cannot be told from numbered words alone.
type gapped struct{}

func (gapped) Analyze(text string) []Token {
	var out []Token
	for _, t := range (lowerWords{}).Analyze(text) {
		if t.Term != "the" {
			out = append(out, t)
		}
	}
	return out
}

// TestWordMarks: texts marked from their words read once are marked as Marks marks their text:
// words, stems, phrases only where their words come together (and not over two texts), the
// longest phrase first; nothing for an empty highlighter or terms no text has.
func TestWordMarks(t *testing.T) {
	texts := []string{
		"Hong Kong and Taiwan: the allies of Hong.",
		"Kong Hong Kong Kong, alliances and allies.",
		"",
		"Hong",
		"Kong is not in this one with Hong",
		"The human rights of human rights defenders",
	}
	words := ReadWords(lowerWords{}, texts)
	if words.Len() != len(texts) {
		t.Fatalf("%d texts read, want %d", words.Len(), len(texts))
	}
	for _, search := range [][]string{
		{"Hong Kong"},
		{"Hong Kong", "Taiwan"},
		{"allies"},
		{"Hong", "Hong Kong"},
		{"human rights defenders", "human rights"},
		{"Tibet"},
		{"Tibet Hong"},
		nil,
	} {
		h := New(lowerWords{}, search)
		wm := h.WordMarks(words)
		for i, text := range texts {
			if got, want := wm.Marks(i), h.Marks(text); !slices.Equal(got, want) {
				t.Errorf("%q in %q: %v from its words, %v read", search, text, got, want)
			}
		}
	}
	if w := ReadWords(gapped{}, texts); w != nil {
		t.Error("words with gaps in their positions were read")
	}
}
