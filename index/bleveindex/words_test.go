package bleveindex

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/highlight"
	"github.com/readout/readout/seeds"
)

// TestHighlighterAnalysesOnce checks that marking words one by one, each analysed once a
// request, marks what analysing every text whole marks: on every paragraph of the seeds and on
// texts of letters that change or fold with their case.
func TestHighlighterAnalysesOnce(t *testing.T) {
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	an := m.AnalyzerNamed(TextAnalyzer)
	texts := analysisTexts(t)
	ta := NewTermAnalyzer(an)
	if ta.words == nil {
		t.Fatal("the archive's analyser is not taken word by word")
	}
	for _, words := range [][]string{{"China"}, {"alliance"}, {"Fernandez"}, {"kilo"}, {"istanbul"}, {"abé"}, {"die"}, {"us or them"}, {"Hong Kong", "Xinjiang"}, {"the"}, {"alliance", "Quad", "Biden"}, {"2021", "G7"}, {"Élysée"}, {"Secretary of State"}} {
		h := highlight.New(ta, words)
		for _, text := range texts {
			got, want := h.Marks(text), wholeMarks(an, words, text)
			if !slices.Equal(got, want) {
				t.Errorf("%q in %q: marks %v, analysed whole %v", words, text, got, want)
			}
		}
	}
}

// wholeMarks is how the highlighter marked text before: the words' terms and phrases analysed,
// a lower-case copy of the text searched for the terms' beginnings, then the whole text
// analysed (phrases marked where their words come together).
func wholeMarks(an analysis.Analyzer, words []string, text string) [][2]int {
	terms := map[string]bool{}
	var phrases [][]string
	var prefixes []string
	addPrefix := func(term string) {
		prefixes = append(prefixes, term[:min(len(term), 4)])
	}
	for _, w := range words {
		toks := an.Analyze([]byte(w))
		if len(toks) > 1 {
			var phrase []string
			for _, t := range toks {
				phrase = append(phrase, string(t.Term))
			}
			phrases = append(phrases, phrase)
			addPrefix(phrase[0])
			continue
		}
		for _, t := range toks {
			terms[string(t.Term)] = true
			addPrefix(string(t.Term))
		}
	}
	if len(terms) == 0 && len(phrases) == 0 {
		return nil
	}
	lower := strings.ToLower(text)
	may := slices.ContainsFunc(prefixes, func(p string) bool { return strings.Contains(lower, p) })
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
	toks := an.Analyze([]byte(text)) // the whole text analysed at once
	phraseAt := func(i int) int {
		best := 0
		for _, p := range phrases {
			if len(p) <= best || i+len(p) > len(toks) {
				continue
			}
			ok := true
			for k, term := range p {
				if string(toks[i+k].Term) != term || k > 0 && toks[i+k].Position != toks[i+k-1].Position+1 {
					ok = false
					break
				}
			}
			if ok {
				best = len(p)
			}
		}
		return best
	}
	var out [][2]int
	for i := 0; i < len(toks); i++ {
		if n := phraseAt(i); n > 0 {
			out = append(out, [2]int{toks[i].Start, toks[i+n-1].End})
			i += n - 1
			continue
		}
		if terms[string(toks[i].Term)] {
			out = append(out, [2]int{toks[i].Start, toks[i].End})
		}
	}
	return out
}

// analysisTexts are every paragraph of the seeds and texts of letters that change or fold with
// their case, apostrophes, marks and bytes that are not UTF-8.
func analysisTexts(t *testing.T) []string {
	t.Helper()
	texts := []string{
		"Fernández met FERNANDEZ and Fernandez’s aides", "The \u212Aelvin sign: \u212Ailo, KILO, kilo",
		"İstanbul and ISTANBUL", "ab×cd and ABÉ", "China’s and China's and CHINAS", "dying and die",
		"Alliances, ALLIANCE, allied; the alliance’s", "Ⓐlliance Ⅻ", "us or them, US OR THEM",
		"a\xffchina\xfe", "", "the Elysée and the ÉLYSÉE, élysées; G7 in 2021, g7",
	}
	err := fs.WalkDir(seeds.FS, "articles", func(p string, d fs.DirEntry, err error) error {
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
	return texts
}

// TestNextWordIsTokenize checks that the highlighter's reading of words from a string finds the
// words the tokenizer finds, at the same places.
func TestNextWordIsTokenize(t *testing.T) {
	texts := append(analysisTexts(t), "don't", "end'", "’tis", "l’État", "a’", "e\u0301te\u0301", "٣٤ and ２０", "\xe2\x80", "x\u2019\xff")
	for _, text := range texts {
		var want [][2]int
		for _, tok := range (words{}).Tokenize([]byte(text)) {
			want = append(want, [2]int{tok.Start, tok.End})
		}
		var got [][2]int
		for i := 0; ; {
			start, end, ok := nextWord(text, i)
			if !ok {
				break
			}
			got = append(got, [2]int{start, end})
			i = end
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: nextWord reads %v, Tokenize %v", text, got, want)
		}
	}
}
