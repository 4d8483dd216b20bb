package quoteeval

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/index/registry"
)

// A constructionCase is a text written to try ways of naming who speaks, and the speakers of its
// quotations: "" where the text does not say, "A + B" for two. A short text lists them in order
// (Want); a whole article names each quotation by its first words (Quotes), so that one term in
// marks found or missed does not shift every answer after it.
type constructionCase struct {
	Text   string        `yaml:"text"`
	Want   []string      `yaml:"want"`
	Quotes []wantedQuote `yaml:"quotes"`
}

// A wantedQuote is one quotation of an article: its first words and its speaker.
type wantedQuote struct {
	Says string `yaml:"says"`
	By   string `yaml:"by"`
}

// ConstructionReport counts, for each file of constructions, the texts whose every quotation has
// the speaker written down, and the quotations right, wrong, unidentified (no speaker where one
// is written down) and told apart otherwise (a quotation found or missed in excess).
type ConstructionReport struct {
	Files []ConstructionFile
}

// ConstructionFile is one file's count.
type ConstructionFile struct {
	Name                          string
	Texts, TextsRight             int
	Quotes, Right, Wrong, Unknown int
	Miscounted                    int
	Failures                      []string
}

// constructionDay is the date the texts are read on: a day of the 2016 campaign they imitate.
var constructionDay = time.Date(2016, 9, 20, 0, 0, 0, 0, time.UTC)

// RunConstructions reads every *.yaml file of fsys and scores each text.
func RunConstructions(fsys fs.FS, reg *registry.Registry) (*ConstructionReport, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	r := &ConstructionReport{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var cases []constructionCase
		if err := yaml.Unmarshal(b, &cases); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		f := ConstructionFile{Name: strings.TrimSuffix(path.Base(name), ".yaml")}
		for i, c := range cases {
			if c.Quotes != nil {
				f.scoreArticle(i, speakersOf(reg, c.Text), c.Quotes)
				continue
			}
			quotes := speakersOf(reg, c.Text)
			got := namesOf(quotes)
			f.Texts++
			if slices.Equal(got, c.Want) {
				f.TextsRight++
			} else {
				f.Failures = append(f.Failures, fmt.Sprintf("%s #%d: got %q, want %q (by %s)\n      %s", f.Name, i, got, c.Want, viasOf(quotes), strings.ReplaceAll(c.Text, "\n\n", " ¶ ")))
			}
			pairs := align(got, c.Want)
			for k, w := range c.Want {
				f.Quotes++
				switch g := pairs[k]; {
				case g < 0:
					f.Miscounted++
				case got[g] == w:
					f.Right++
				case got[g] == "":
					f.Unknown++
				default:
					f.Wrong++
				}
			}
			if n := len(got) - len(c.Want); n > 0 {
				f.Miscounted += n
			}
		}
		r.Files = append(r.Files, f)
	}
	return r, nil
}

// align pairs each wanted speaker with a quotation found, in order: one for one when as many
// were found as wanted; otherwise the pairing that keeps the most quotations, a pair of the same
// name counting twice, so that a term in marks that the text's writer listed and the extractor
// does not take for a quotation (or the reverse) shifts no answer after it. It returns, for each
// wanted quotation, the index of its quotation found, or -1.
func align(got, want []string) []int {
	pairs := make([]int, len(want))
	if len(got) == len(want) {
		for k := range pairs {
			pairs[k] = k
		}
		return pairs
	}
	// best[k][g] is the best score of want[k:] against got[g:].
	best := make([][]int, len(want)+1)
	for k := range best {
		best[k] = make([]int, len(got)+1)
	}
	for k := len(want) - 1; k >= 0; k-- {
		for g := len(got) - 1; g >= 0; g-- {
			best[k][g] = max(pairScore(got[g], want[k])+best[k+1][g+1], best[k+1][g], best[k][g+1])
		}
	}
	for k, g := 0, 0; k < len(want); {
		switch {
		case g < len(got) && best[k][g] == pairScore(got[g], want[k])+best[k+1][g+1]:
			pairs[k] = g
			k, g = k+1, g+1
		case g >= len(got) || best[k][g] == best[k+1][g]:
			pairs[k] = -1
			k++
		default:
			g++
		}
	}
	return pairs
}

func pairScore(got, want string) int {
	if got == want {
		return 2
	}
	return 1
}

// scoreArticle matches each wanted quotation to the first quotation found after the last one
// matched that holds its first words, and scores its speaker; a wanted quotation not found, and a
// quotation found with a speaker that nobody wanted, are miscounted.
func (f *ConstructionFile) scoreArticle(i int, got []extracted, want []wantedQuote) {
	f.Texts++
	used := make([]bool, len(got))
	next, failed := 0, false
	for k, w := range want {
		f.Quotes++
		says := strings.Join(strings.Fields(w.Says), " ")
		at := -1
		for j := next; j < len(got) && at < 0; j++ {
			if !used[j] && strings.Contains(got[j].text, says) {
				at = j
			}
		}
		if at < 0 {
			f.Miscounted++
			failed = true
			f.Failures = append(f.Failures, fmt.Sprintf("%s #%d q%d: not found, want %q: %q", f.Name, i, k, w.By, w.Says))
			continue
		}
		used[at], next = true, at+1
		switch name := got[at].name; {
		case name == w.By:
			f.Right++
			continue
		case name == "":
			f.Unknown++
		default:
			f.Wrong++
		}
		failed = true
		f.Failures = append(f.Failures, fmt.Sprintf("%s #%d q%d: got %q (%s), want %q: %q", f.Name, i, k, got[at].name, got[at].via, w.By, w.Says))
	}
	for j, g := range got {
		if !used[j] && g.name != "" {
			f.Miscounted++
			failed = true
			f.Failures = append(f.Failures, fmt.Sprintf("%s #%d: found in excess, %q: %q", f.Name, i, g.name, g.text))
		}
	}
	if !failed {
		f.TextsRight++
	}
}

// extracted is a quotation found: its words (spaces collapsed) and its speakers' names.
type extracted struct {
	text, name, via string
}

// speakersOf extracts the quotations of a text and names each one's speakers.
func speakersOf(reg *registry.Registry, text string) []extracted {
	var paras []document.Paragraph
	for _, p := range strings.Split(text, "\n\n") {
		paras = append(paras, document.Paragraph{Text: p})
	}
	out := []extracted{}
	for _, q := range quote.Extract(reg, "", constructionDay, paras).Quotes {
		names := make([]string, len(q.Speakers))
		for i, s := range q.Speakers {
			names[i] = s.Name
		}
		out = append(out, extracted{text: strings.Join(strings.Fields(q.Text(paras)), " "), name: strings.Join(names, " + "), via: q.Via})
	}
	return out
}

func viasOf(got []extracted) string {
	vias := make([]string, len(got))
	for i, g := range got {
		vias[i] = g.via
	}
	return strings.Join(vias, ", ")
}

func namesOf(got []extracted) []string {
	out := make([]string, len(got))
	for i, g := range got {
		out[i] = g.name
	}
	return out
}

// Print writes one line a file, a total and, with verbose, every text that fails.
func (r *ConstructionReport) Print(w io.Writer, verbose bool) {
	var t ConstructionFile
	fmt.Fprintf(w, "%-10s %6s %8s %7s %7s %7s %7s\n", "file", "texts", "all right", "quotes", "right", "wrong", "unident")
	for _, f := range r.Files {
		fmt.Fprintf(w, "%-10s %6d %8d %7d %7d %7d %7d\n", f.Name, f.Texts, f.TextsRight, f.Quotes, f.Right, f.Wrong, f.Unknown)
		t.Texts += f.Texts
		t.TextsRight += f.TextsRight
		t.Quotes += f.Quotes
		t.Right += f.Right
		t.Wrong += f.Wrong
		t.Unknown += f.Unknown
		t.Miscounted += f.Miscounted
	}
	fmt.Fprintf(w, "%-10s %6d %8d %7d %7d %7d %7d   (%d quotations found or missed in excess)\n", "all", t.Texts, t.TextsRight, t.Quotes, t.Right, t.Wrong, t.Unknown, t.Miscounted)
	if verbose {
		for _, f := range r.Files {
			for _, e := range f.Failures {
				fmt.Fprintln(w, " ", e)
			}
		}
	}
}
