package ingest

import (
	"testing"

	"github.com/readout/readout/index/document"
)

func TestTextKey(t *testing.T) {
	p := func(texts ...string) []document.Paragraph {
		var out []document.Paragraph
		for _, s := range texts {
			out = append(out, document.Paragraph{Text: s})
		}
		return out
	}
	same := [][]document.Paragraph{
		p("The leaders met.", "They agreed."),
		p("The leaders\u00a0met. They", "agreed."), // a hard-wrapped paragraph read line by line
		p("  The  leaders met.   They agreed. "),   // spacing
		append([]document.Paragraph{{Text: "Headline", Kind: document.Title}}, p("The leaders met.", "They agreed.")...), // the headline printed
	}
	for i, paras := range same {
		if textKey(paras) != textKey(same[0]) {
			t.Errorf("text %d has another key", i)
		}
	}
	for _, other := range [][]document.Paragraph{p("The leaders met.", "They disagreed."), p("Theleaders met. They agreed.")} {
		if textKey(other) == textKey(same[0]) {
			t.Errorf("%v has the same key", other)
		}
	}
	if textKey(nil) != 0 || textKey(p(" ")) != 0 {
		t.Error("no text has a key")
	}
}

func TestNormalURL(t *testing.T) {
	want := "state.gov/statement?id=4"
	for _, u := range []string{
		"https://www.state.gov/statement/?id=4", "http://state.gov/statement?id=4#top",
		"https://STATE.gov:443/statement?utm_source=x&id=4&fbclid=y",
	} {
		if got := normalURL(u); got != want {
			t.Errorf("normalURL(%q) = %q, want %q", u, got, want)
		}
	}
	if normalURL("https://state.gov/statement?id=5") == want || normalURL("not an address") != "" {
		t.Error("different addresses are one")
	}
}
