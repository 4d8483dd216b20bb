package registry

import (
	"strings"
	"testing"
)

// TestWordFilter checks that the filter never says no for a word of its set, in any case, and
// that it says no for most words that are not.
func TestWordFilter(t *testing.T) {
	words := map[string]bool{"senator": true, "von": true, "mr": true, "said": true, "istanbul": true, "x": true}
	s := newWordSet(words)
	for _, w := range []string{"senator", "Senator", "SENATOR", "von", "Von", "mr", "MR", "said", "Said", "x", "X"} {
		if !s.has(w) {
			t.Errorf("has(%q) = false, want true", w)
		}
	}
	// A capital whose lower case is shorter: the filter cannot tell its length, so it looks.
	if !s.has("İSTANBUL") {
		t.Errorf("has(%q) = false, want true", "İSTANBUL")
	}
	out := 0
	others := strings.Fields("the of and to in that for is on with as by at from this be are was have has it an they we will their our")
	for _, w := range others {
		if s.has(w) {
			t.Errorf("has(%q) = true, want false", w)
		}
		if !s.maybe.mayHoldASCII(w) {
			out++
		}
	}
	if out < len(others)*3/4 {
		t.Errorf("the filter ruled out %d of %d words not in the set, want most", out, len(others))
	}
}

// TestSplitBucket checks that a first word of many phrases, split by the second word, finds
// the same phrases, longest first, as trying each phrase in turn.
func TestSplitBucket(t *testing.T) {
	m := newMatcher[string]()
	phrases := []string{"President", "President of France", "President Lula", "President Lula da Silva",
		"President Biden", "President Xi", "President Xi Jinping", "President Macron", "President Zelenskyy",
		"President Erdogan", "President Ruto", "President Yoon"}
	for _, p := range phrases {
		m.add(p, asName, false, p)
	}
	m.add("president", anyWords, true, "presidents")
	m.finish()
	if m.split["president"] == nil {
		t.Fatalf("a first word of %d phrases is not split", len(phrases)+1)
	}
	tests := []struct{ text, want string }{
		{"President Lula da Silva spoke.", "President Lula da Silva"},
		{"President Lula spoke.", "President Lula"},
		{"PRESIDENT XI JINPING spoke.", "President Xi Jinping"},
		{"the President of France spoke.", "President of France"},
		{"President Smith spoke.", "President"},
		{"said the President.", "President"},
		{"two presidents met.", "presidents"},
		{"President. Biden spoke.", "President"},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range m.FindAll(tt.text, Tokenize(tt.text)) {
			got = append(got, f.Value)
		}
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("FindAll(%q) = %q, want %q first", tt.text, got, tt.want)
		}
	}
}
