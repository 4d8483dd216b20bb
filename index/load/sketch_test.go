package load

import (
	"testing"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

// TestStatement: which quotes are statements that the archive looks for elsewhere.
func TestStatement(t *testing.T) {
	reg, err := registry.Load(seeds.FS, seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text       string
		procedural bool
		want       bool
	}{
		{"The United States will not force our allies into an us-or-them choice with China.", false, true},
		{"candid, substantive, and constructive", false, true},
		{"We will not do that.", false, false}, // no word that could tell it from any other
		{"rules-based international order", false, false},
		{"us-or-them choice", false, false},
		{"Let's go to Zeke Miller at the AP.", false, false},
		{"Our next question will go to Kayla with CNN.", false, false},
		{"[Thanks. Next] question, let's go to Cheyenne Haslett at ABC News.", false, false},
		{"Go ahead, Ashley. Thank you so much.", true, false},
		{"Let's go to the war in Ukraine: Zeke Miller asked about it.", false, true},
		{"Putin is a war criminal, and the world knows it.", false, true},
	} {
		q := index.Quote{Text: c.text, Kind: quote.Full, Procedural: c.procedural}
		if got := Statement(q, reg); got != c.want {
			t.Errorf("Statement(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	// A few words in quotation marks inside a sentence: a name is not a statement.
	for _, c := range []struct {
		text string
		want bool
	}{
		{"candid, substantive, and constructive", true},
		{"a clear message about the human rights violations and abuses in Xinjiang", true},
		{"Bio-Circular Green Economy model,", false},
		{"the Freedom to Vote Act", false},
	} {
		q := index.Quote{Text: c.text, Kind: quote.Fragment, Speakers: []index.Speaker{{ID: "x"}}}
		if got := Statement(q, reg); got != c.want {
			t.Errorf("Statement(fragment %q) = %v, want %v", c.text, got, c.want)
		}
	}
}
