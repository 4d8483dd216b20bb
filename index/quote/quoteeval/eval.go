// Package quoteeval scores the quote extractor against the hand-labelled documents in
// index/quote/testdata/eval (see the README there): precision, recall and F1 of quote spans,
// exact and overlapping, the share of found quotes with the right speakers, and the errors.
package quoteeval

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/index/registry"
)

// Label is one labelled quotation.
type Label struct {
	Text     string   `json:"text"`
	Start    string   `json:"start"`
	End      string   `json:"end"`
	Speakers []string `json:"speakers"`
	Kind     string   `json:"kind"`
}

// File is one document's labels.
type File struct {
	Document string  `json:"document"`
	Notes    string  `json:"notes"`
	Quotes   []Label `json:"quotes"`
}

// Counts are the tallies behind the scores.
type Counts struct {
	Gold, Found               int
	Overlap, Exact            int // found quotes matched to a label, by overlap and exactly
	SpeakersRight, KindsRight int // among overlap matches
	Documents                 int
	Bytes                     int
	Elapsed                   time.Duration // extraction only
}

// Precision and the others are the scores; they are 0 when nothing was counted.
func (c Counts) Precision(exact bool) float64 { return ratio(c.matched(exact), c.Found) }
func (c Counts) Recall(exact bool) float64    { return ratio(c.matched(exact), c.Gold) }
func (c Counts) F1(exact bool) float64 {
	p, r := c.Precision(exact), c.Recall(exact)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
func (c Counts) SpeakerAccuracy() float64 { return ratio(c.SpeakersRight, c.Overlap) }
func (c Counts) KindAccuracy() float64    { return ratio(c.KindsRight, c.Overlap) }

func (c Counts) matched(exact bool) int {
	if exact {
		return c.Exact
	}
	return c.Overlap
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Problem is one error of the extractor, or of a label that could not be placed.
type Problem struct {
	Document string
	What     string // "missed", "spurious", "speaker", "kind", "span", "label"
	Detail   string
}

// Report is the result of a run.
type Report struct {
	Counts   Counts
	Problems []Problem
}

// Run scores the extractor on every labels/*.json file under evalDir in labelsFS, reading the
// documents they name from repoFS (the repository's root) and the registry reg.
func Run(labelsFS fs.FS, repoFS fs.FS, reg *registry.Registry) (*Report, error) {
	names, err := fs.Glob(labelsFS, "labels/*.json")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no labels/*.json files")
	}
	sort.Strings(names)
	r := &Report{}
	for _, name := range names {
		b, err := fs.ReadFile(labelsFS, name)
		if err != nil {
			return nil, err
		}
		var f File
		if err := json.Unmarshal(b, &f); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		src, err := fs.ReadFile(repoFS, f.Document)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		doc, err := document.Parse(path.Base(f.Document), src, reg)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", name, f.Document, err)
		}
		start := time.Now()
		found := quote.Extract(reg, doc.Title, doc.Date.Start(), doc.Paragraphs).Quotes
		r.Counts.Elapsed += time.Since(start)
		r.Counts.Bytes += len(src)
		r.Counts.Documents++
		scoreDocument(r, path.Base(f.Document), doc, found, f.Quotes, reg)
	}
	return r, nil
}

// text is a document's paragraphs joined, normalised for comparison: quotation marks and
// apostrophes straight, spaces single, with a map back to the joined text.
type text struct {
	norm   []rune
	orig   []int // orig[i] is the offset in the joined text of norm[i]
	starts []int // offset of each paragraph in the joined text
}

func newText(paras []document.Paragraph) *text {
	t := &text{}
	var joined strings.Builder
	for i, p := range paras {
		if i > 0 {
			joined.WriteString("\n\n")
		}
		t.starts = append(t.starts, joined.Len())
		joined.WriteString(p.Text)
	}
	s := joined.String()
	space := false
	for i, r := range s {
		r = normRune(r)
		if unicode.IsSpace(r) {
			if space {
				continue
			}
			space = true
			r = ' '
		} else {
			space = false
		}
		t.norm = append(t.norm, r)
		t.orig = append(t.orig, i)
	}
	t.orig = append(t.orig, len(s))
	return t
}

func normRune(r rune) rune {
	switch r {
	case '“', '”', '„', '«', '»', '″':
		return '"'
	case '‘', '’', '‛', '′', '`':
		return '\''
	case '\u00a0', '\u2009', '\u202f':
		return ' '
	case '–', '—', '‑':
		return '-'
	}
	return r
}

var htmlTag = regexp.MustCompile(`</?[a-zA-Z][^<>]*>`)

func normString(s string) []rune {
	s = htmlTag.ReplaceAllString(s, "")
	s = strings.NewReplacer("\\", "", "*", "").Replace(s)
	var out []rune
	space := true
	for _, r := range s {
		r = normRune(r)
		if unicode.IsSpace(r) {
			if space {
				continue
			}
			space = true
			r = ' '
		} else {
			space = false
		}
		out = append(out, r)
	}
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	return out
}

// find returns the normalised index of needle at or after from, or -1.
func (t *text) find(needle []rune, from int) int {
	if len(needle) == 0 {
		return -1
	}
	for i := max(from, 0); i+len(needle) <= len(t.norm); i++ {
		if t.norm[i] == needle[0] && slices.Equal(t.norm[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

// normIndex maps an offset of the joined text to the normalised index at or after it.
func (t *text) normIndex(off int) int {
	i, _ := slices.BinarySearch(t.orig, off)
	return i
}

type interval struct{ lo, hi int } // normalised, hi exclusive

func (a interval) overlap(b interval) int { return max(0, min(a.hi, b.hi)-max(a.lo, b.lo)) }

// trimmed returns the interval without spaces and punctuation at its ends, for exact matching:
// a comma inside the closing mark is not a difference.
func (t *text) trimmed(a interval) interval {
	for a.lo < a.hi && trimRune(t.norm[a.lo]) {
		a.lo++
	}
	for a.hi > a.lo && trimRune(t.norm[a.hi-1]) {
		a.hi--
	}
	return a
}

func trimRune(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }

func (t *text) snippet(a interval) string {
	s := string(t.norm[a.lo:a.hi])
	if utf8.RuneCountInString(s) > 90 {
		r := []rune(s)
		s = string(r[:60]) + " … " + string(r[len(r)-25:])
	}
	return s
}

type gold struct {
	iv       interval
	speakers []string // keys: a registered actor's id, else the name's slug
	names    []string // as labelled
	kind     string
}

type found struct {
	iv       interval
	speakers []string
	kind     string
	q        quote.Quote
}

func scoreDocument(r *Report, name string, doc *document.Document, quotes []quote.Quote, labels []Label, reg *registry.Registry) {
	t := newText(doc.Paragraphs)
	var golds []gold
	from := 0
	for _, l := range labels {
		var iv interval
		switch {
		case l.Text != "":
			n := normString(l.Text)
			lo := t.find(n, from)
			if lo < 0 {
				lo = t.find(n, 0)
			}
			if lo < 0 {
				r.Problems = append(r.Problems, Problem{name, "label", fmt.Sprintf("text not found: %q", l.Text)})
				continue
			}
			iv = interval{lo, lo + len(n)}
		default:
			s, e := normString(l.Start), normString(l.End)
			lo := t.find(s, from)
			if lo < 0 {
				r.Problems = append(r.Problems, Problem{name, "label", fmt.Sprintf("start not found: %q", l.Start)})
				continue
			}
			hi := t.find(e, lo)
			if hi < 0 {
				r.Problems = append(r.Problems, Problem{name, "label", fmt.Sprintf("end not found: %q", l.End)})
				continue
			}
			iv = interval{lo, hi + len(e)}
		}
		from = iv.hi // labels are in order and do not overlap
		golds = append(golds, gold{iv: iv, speakers: goldSpeakers(l.Speakers, doc, reg), names: l.Speakers, kind: l.Kind})
	}
	var founds []found
	for _, q := range quotes {
		lo := t.normIndex(t.starts[q.Start.Para] + q.Start.Off)
		hi := t.normIndex(t.starts[q.End.Para] + q.End.Off)
		var sp []string
		for _, s := range q.Speakers {
			sp = append(sp, speakerKey(s.Actor, s.Name, reg))
		}
		slices.Sort(sp)
		founds = append(founds, found{iv: interval{lo, hi}, speakers: sp, kind: string(q.Kind), q: q})
	}
	r.Counts.Gold += len(golds)
	r.Counts.Found += len(founds)

	// Match each label to the found quote that overlaps it most, one to one.
	used := make([]bool, len(founds))
	for _, g := range golds {
		best, bestOverlap := -1, 0
		for i, f := range founds {
			if !used[i] {
				if o := g.iv.overlap(f.iv); o > bestOverlap {
					best, bestOverlap = i, o
				}
			}
		}
		if best < 0 {
			r.Problems = append(r.Problems, Problem{name, "missed", fmt.Sprintf("%q by %v", t.snippet(g.iv), g.speakers)})
			continue
		}
		used[best] = true
		f := founds[best]
		r.Counts.Overlap++
		if t.trimmed(g.iv) == t.trimmed(f.iv) {
			r.Counts.Exact++
		} else {
			r.Problems = append(r.Problems, Problem{name, "span", fmt.Sprintf("want %q\n      got  %q", t.snippet(g.iv), t.snippet(f.iv))})
		}
		// The same actors, or the same people by name: middle initials and case do not count.
		if slices.Equal(g.speakers, f.speakers) || len(g.names) > 0 && sameSpeakers(g.names, f.q.Speakers, reg) {
			r.Counts.SpeakersRight++
		} else {
			r.Problems = append(r.Problems, Problem{name, "speaker", fmt.Sprintf("%q: want %v, got %v", t.snippet(g.iv), g.speakers, f.speakers)})
		}
		if g.kind == "" || g.kind == f.kind {
			r.Counts.KindsRight++
		} else {
			r.Problems = append(r.Problems, Problem{name, "kind", fmt.Sprintf("%q: want %s, got %s", t.snippet(g.iv), g.kind, f.kind)})
		}
	}
	for i, f := range founds {
		if !used[i] {
			r.Problems = append(r.Problems, Problem{name, "spurious", fmt.Sprintf("%q by %v", t.snippet(f.iv), f.speakers)})
		}
	}
}

// goldSpeakers turns labelled names into the keys found speakers have: a registered actor's id,
// or the name's slug.
func goldSpeakers(names []string, doc *document.Document, reg *registry.Registry) []string {
	var out []string
	for _, n := range names {
		actor := -1
		if ms := reg.LookupName(n, doc.Date.Start()); len(ms) == 1 && len(ms[0].Actors) == 1 {
			actor = ms[0].Actors[0]
		}
		out = append(out, speakerKey(actor, n, reg))
	}
	slices.Sort(out)
	return out
}

func speakerKey(actor int, name string, reg *registry.Registry) string {
	if actor >= 0 {
		return reg.ActorAt(actor).ID
	}
	return document.Slug(name)
}

// Print writes the report: the scores, then the errors (all of them when verbose).
func (r *Report) Print(w io.Writer, verbose bool) {
	c := r.Counts
	fmt.Fprintf(w, "documents %d, labelled quotes %d, found %d\n", c.Documents, c.Gold, c.Found)
	fmt.Fprintf(w, "span (overlap)  precision %.3f  recall %.3f  F1 %.3f\n", c.Precision(false), c.Recall(false), c.F1(false))
	fmt.Fprintf(w, "span (exact)    precision %.3f  recall %.3f  F1 %.3f\n", c.Precision(true), c.Recall(true), c.F1(true))
	fmt.Fprintf(w, "speakers right  %.3f (%d of %d found quotes that match a label)\n", c.SpeakerAccuracy(), c.SpeakersRight, c.Overlap)
	fmt.Fprintf(w, "kind right      %.3f\n", c.KindAccuracy())
	if c.Elapsed > 0 && c.Bytes > 0 {
		fmt.Fprintf(w, "extraction      %.1f ms for %.2f MB (%.1f ms/MB)\n", ms(c.Elapsed), float64(c.Bytes)/1e6, ms(c.Elapsed)/(float64(c.Bytes)/1e6))
	}
	if len(r.Problems) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%d errors:\n", len(r.Problems))
	for i, p := range r.Problems {
		if !verbose && i >= 80 {
			fmt.Fprintf(w, "… %d more (-v shows all)\n", len(r.Problems)-i)
			break
		}
		fmt.Fprintf(w, "%-8s %s\n      %s\n", p.What, p.Document, p.Detail)
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// Show prints the quotes the extractor finds in one article file, with their speakers.
func Show(w io.Writer, name string, reg *registry.Registry) error {
	src, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	doc, err := document.Parse(path.Base(name), src, reg)
	if err != nil {
		return err
	}
	for i, q := range quote.Extract(reg, doc.Title, doc.Date.Start(), doc.Paragraphs).Quotes {
		var who []string
		for _, s := range q.Speakers {
			who = append(who, speakerKey(s.Actor, s.Name, reg))
		}
		text := strings.Join(strings.Fields(q.Text(doc.Paragraphs)), " ")
		if utf8.RuneCountInString(text) > 140 {
			r := []rune(text)
			text = string(r[:100]) + " … " + string(r[len(r)-30:])
		}
		fmt.Fprintf(w, "%2d ¶%d-%d %-8s %v (%s)\n   %q\n", i, q.Start.Para, q.End.Para, q.Kind, who, q.Via, text)
	}
	return nil
}

// Speed reads every article file in fsys, then times the extractor alone over all of them, on one
// core, and prints the time per MB of article files.
func Speed(w io.Writer, fsys fs.FS, reg *registry.Registry) error {
	var docs []*document.Document
	size := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if doc, err := document.Parse(p, b, reg); err == nil {
			docs = append(docs, doc)
			size += len(b)
		}
		return nil
	})
	if err != nil {
		return err
	}
	runtime.GC() // parsing's garbage is not the extractor's to collect
	quotes := 0
	start := time.Now()
	for _, d := range docs {
		quotes += len(quote.Extract(reg, d.Title, d.Date.Start(), d.Paragraphs).Quotes)
	}
	took := time.Since(start)
	mb := float64(size) / 1e6
	fmt.Fprintf(w, "%d documents, %.1f MB, %d quotes: extraction took %.2f s on one core, %.1f ms/MB\n",
		len(docs), mb, quotes, took.Seconds(), ms(took)/mb)
	return nil
}
