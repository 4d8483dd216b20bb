package index

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/seeds"
)

// TestHighlighterAnalysesOnce checks that marking words one by one, each analysed once a
// request, marks what analysing every text whole marks: on every paragraph of the seeds and on
// texts of letters that change or fold with their case.
func TestHighlighterAnalysesOnce(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	an := m.AnalyzerNamed(textAnalyzer)
	texts := []string{
		"Fernández met FERNANDEZ and Fernandez’s aides", "The \u212Aelvin sign: \u212Ailo, KILO, kilo",
		"İstanbul and ISTANBUL", "ab×cd and ABÉ", "China’s and China's and CHINAS", "dying and die",
		"Alliances, ALLIANCE, allied; the alliance’s", "Ⓐlliance Ⅻ", "us or them, US OR THEM",
		"a\xffchina\xfe", "",
	}
	err = fs.WalkDir(seeds.FS, "articles", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(seeds.FS, p)
		if err != nil {
			return err
		}
		doc, err := document.Parse(p, data, nil)
		if err != nil {
			return nil
		}
		for _, para := range doc.Paragraphs {
			texts = append(texts, para.Text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) < 50 {
		t.Fatalf("only %d texts", len(texts))
	}
	for _, words := range [][]string{{"China"}, {"alliance"}, {"Fernandez"}, {"kilo"}, {"istanbul"}, {"abé"}, {"die"}, {"us or them"}, {"Hong Kong", "Xinjiang"}, {"the"}, {"alliance", "Quad", "Biden"}} {
		h := newHighlighter(an, words)
		if h.words == nil {
			t.Fatal("the archive's analyser is not taken word by word")
		}
		for _, text := range texts {
			got, want := h.marks(text), wholeMarks(h, text)
			if !slices.Equal(got, want) {
				t.Errorf("%q in %q: marks %v, analysed whole %v", words, text, got, want)
			}
		}
	}
}

// wholeMarks is how the highlighter marked text before: a lower-case copy searched for the
// terms' beginnings, then the whole text analysed (phrases marked where their words come
// together).
func wholeMarks(h *Highlighter, text string) [][2]int {
	lower := strings.ToLower(text)
	may := slices.ContainsFunc(h.prefixes, func(p string) bool { return strings.Contains(lower, p) })
	if !may {
		for _, r := range text {
			if r >= 0x80 && unicode.IsLetter(r) {
				may = true
				break
			}
		}
	}
	if !may {
		return nil
	}
	whole := *h
	whole.words = nil // the whole text analysed at once
	toks := whole.tokens(text)
	var out [][2]int
	for i := 0; i < len(toks); i++ {
		if n := whole.phraseAt(toks, i); n > 0 {
			out = append(out, [2]int{toks[i].start, toks[i+n-1].end})
			i += n - 1
			continue
		}
		if h.terms[toks[i].term] {
			out = append(out, [2]int{toks[i].start, toks[i].end})
		}
	}
	return out
}
