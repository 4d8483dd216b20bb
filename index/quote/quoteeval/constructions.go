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

// A constructionCase is a short text written to try one way of naming who speaks, and the speakers
// of its quotations in order: "" where the text does not say, "A + B" for two.
type constructionCase struct {
	Text string   `yaml:"text"`
	Want []string `yaml:"want"`
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
			got := speakersOf(reg, c.Text)
			f.Texts++
			if slices.Equal(got, c.Want) {
				f.TextsRight++
			} else {
				f.Failures = append(f.Failures, fmt.Sprintf("%s #%d: got %q, want %q\n      %s", f.Name, i, got, c.Want, strings.ReplaceAll(c.Text, "\n\n", " ¶ ")))
			}
			for k, w := range c.Want {
				f.Quotes++
				switch {
				case k >= len(got):
					f.Miscounted++
				case got[k] == w:
					f.Right++
				case got[k] == "":
					f.Unknown++
				default:
					f.Wrong++
				}
			}
			if len(got) > len(c.Want) {
				f.Miscounted += len(got) - len(c.Want)
			}
		}
		r.Files = append(r.Files, f)
	}
	return r, nil
}

// speakersOf extracts the quotations of a text and names each one's speakers.
func speakersOf(reg *registry.Registry, text string) []string {
	var paras []document.Paragraph
	for _, p := range strings.Split(text, "\n\n") {
		paras = append(paras, document.Paragraph{Text: p})
	}
	out := []string{}
	for _, q := range quote.Extract(reg, "", constructionDay, paras).Quotes {
		names := make([]string, len(q.Speakers))
		for i, s := range q.Speakers {
			names[i] = s.Name
		}
		out = append(out, strings.Join(names, " + "))
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
