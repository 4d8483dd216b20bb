package quoteeval

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/index/registry"
)

// The PolNeAR development set (../shared/corpora/polnear-dev) labels every span between
// quotation marks in 84 news articles with its kind and the full names of its speakers. Its
// texts carry no data licence: it is read in place, never copied into the repository.

// PolnearQuote is one label of gold.json.
type PolnearQuote struct {
	Doc      string   `json:"doc"`
	Text     string   `json:"text"`
	Speakers []string `json:"speakers"`
	Kind     string   `json:"kind"` // full, fragment, ambiguous, none
}

// Split says which part of a labelled set is scored: the part rules may be developed against,
// the part kept out of sight until a change is scored before and after, or both.
type Split string

// The splits.
const (
	Dev     Split = "dev"
	Heldout Split = "heldout"
	All     Split = "all"
)

// InSplit reports whether a document belongs to the split. A third of the documents, chosen
// by a hash of the file name (so the choice does not depend on their order or on what they
// say), is held out.
func InSplit(name string, s Split) bool {
	if s == All {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	held := h.Sum32()%3 == 0
	return held == (s == Heldout)
}

// Outcome is what became of one labelled quotation's speaker.
type Outcome uint8

// The outcomes.
const (
	Right        Outcome = iota
	Wrong                // a speaker that is not the labelled one, or only some of them
	Unidentified         // found without a speaker
	Missed               // not found at all
)

// Tally counts outcomes.
type Tally [4]int

// Total is the number of quotations counted.
func (t Tally) Total() int { return t[0] + t[1] + t[2] + t[3] }

// Share is the fraction of the total with outcome o.
func (t Tally) Share(o Outcome) float64 { return ratio(t[o], t.Total()) }

// NewsReport is the score of a labelled news set.
type NewsReport struct {
	Documents, Bytes int
	Elapsed          time.Duration
	// Full and Fragments count the labelled quotations of each kind whose speaker the text
	// names.
	Full, Fragments Tally
	// FullGold and FullFound are the labelled full quotations and those a found quote overlaps.
	FullGold, FullFound int
	// Found is every quote the extractor reported; FoundReal those that overlap a labelled full
	// or fragment quotation (or an ambiguous one); FoundNone those that overlap a title, a name
	// or a term (labelled none); the rest overlap nothing labelled.
	Found, FoundReal, FoundNone int
	// Errors holds the wrong, unidentified and missed speakers of full quotations, and the
	// spurious quotes, by construction.
	Errors map[string][]string
	// ByVia counts the outcomes of full quotations by how their speaker was found.
	ByVia map[string]*Tally
	// Outcomes has one line for every labelled quotation whose speaker the text names: its
	// outcome, document, text and speakers, for comparing two runs with diff.
	Outcomes []string
}

// RunPolnear scores the extractor on the documents of split in the PolNeAR folder (gold.json
// and archive/).
func RunPolnear(dir fs.FS, split Split, reg *registry.Registry) (*NewsReport, error) {
	b, err := fs.ReadFile(dir, "gold.json")
	if err != nil {
		return nil, err
	}
	var gold struct {
		Quotes []PolnearQuote `json:"quotes"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		return nil, fmt.Errorf("gold.json: %w", err)
	}
	byDoc := map[string][]PolnearQuote{}
	for _, q := range gold.Quotes {
		byDoc[q.Doc] = append(byDoc[q.Doc], q)
	}
	names, err := fs.Glob(dir, "archive/*.md")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	r := &NewsReport{Errors: map[string][]string{}, ByVia: map[string]*Tally{}}
	for _, name := range names {
		base := name[len("archive/"):]
		if !InSplit(base, split) {
			continue
		}
		src, err := fs.ReadFile(dir, name)
		if err != nil {
			return nil, err
		}
		doc, err := document.Parse(base, src, reg)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		start := time.Now()
		found := quote.Extract(reg, doc.Title, doc.Date.Start(), doc.Paragraphs).Quotes
		r.Elapsed += time.Since(start)
		r.Bytes += len(src)
		r.Documents++
		r.score(base, doc, found, byDoc[base], reg)
	}
	return r, nil
}

type newsGold struct {
	iv       interval
	speakers []string
	kind     string
}

func (r *NewsReport) score(name string, doc *document.Document, quotes []quote.Quote, labels []PolnearQuote, reg *registry.Registry) {
	t := newText(doc.Paragraphs)
	var golds []newsGold
	from := 0
	for _, l := range labels {
		n := normString(l.Text)
		lo := t.find(n, from)
		if lo < 0 {
			lo = t.find(n, 0)
		}
		if lo < 0 {
			r.Errors["label not found"] = append(r.Errors["label not found"], fmt.Sprintf("%s: %q", name, l.Text))
			continue
		}
		from = lo + len(n)
		golds = append(golds, newsGold{iv: interval{lo, lo + len(n)}, speakers: l.Speakers, kind: l.Kind})
	}
	type foundQuote struct {
		iv interval
		q  quote.Quote
	}
	var founds []foundQuote
	for _, q := range quotes {
		lo := t.normIndex(t.starts[q.Start.Para] + q.Start.Off)
		hi := t.normIndex(t.starts[q.End.Para] + q.End.Off)
		founds = append(founds, foundQuote{interval{lo, hi}, q})
	}
	r.Found += len(founds)
	// Each found quote is matched to the labelled span it overlaps most, one to one.
	match := make([]int, len(golds))
	for i := range match {
		match[i] = -1
	}
	used := make([]bool, len(founds))
	for gi, g := range golds {
		best, bestOverlap := -1, 0
		for i, f := range founds {
			if o := g.iv.overlap(f.iv); !used[i] && o > bestOverlap {
				best, bestOverlap = i, o
			}
		}
		if best >= 0 {
			used[best] = true
			match[gi] = best
		}
	}
	for i, f := range founds {
		if used[i] {
			continue
		}
		what := "spurious: overlaps nothing labelled"
		for _, g := range golds {
			if g.iv.overlap(f.iv) > 0 {
				what = "spurious: overlaps a labelled " + g.kind + " span"
				break
			}
		}
		r.Errors[what] = append(r.Errors[what], fmt.Sprintf("%s: %q", name, t.snippet(f.iv)))
	}
	for gi, g := range golds {
		fi := match[gi]
		if fi >= 0 {
			switch g.kind {
			case "none":
				r.FoundNone++
				r.Errors["spurious: a title, name or term"] = append(r.Errors["spurious: a title, name or term"], fmt.Sprintf("%s: %q", name, t.snippet(g.iv)))
			default:
				r.FoundReal++
			}
		}
		if g.kind == "full" {
			r.FullGold++
			if fi >= 0 {
				r.FullFound++
			}
		}
		if (g.kind != "full" && g.kind != "fragment") || len(g.speakers) == 0 {
			continue
		}
		var o Outcome
		var got []quote.Speaker
		switch {
		case fi < 0:
			o = Missed
		case len(founds[fi].q.Speakers) == 0:
			o = Unidentified
		default:
			got = founds[fi].q.Speakers
			o = Wrong
			if sameSpeakers(g.speakers, got, reg) {
				o = Right
			}
		}
		var gotNames []string
		for _, s := range got {
			gotNames = append(gotNames, s.Name)
		}
		via := ""
		if fi >= 0 {
			via = founds[fi].q.Via
		}
		r.Outcomes = append(r.Outcomes, fmt.Sprintf("%-12s %-8s %s: %q want %v got %v (%s)", [...]string{"right", "wrong", "unidentified", "missed"}[o], g.kind, name, t.snippet(g.iv), g.speakers, gotNames, via))
		if g.kind == "fragment" {
			r.Fragments[o]++
			continue
		}
		r.Full[o]++
		if fi >= 0 {
			via := founds[fi].q.Via
			if via == "" {
				via = "(none)"
			}
			if r.ByVia[via] == nil {
				r.ByVia[via] = &Tally{}
			}
			r.ByVia[via][o]++
		}
		if o == Right {
			continue
		}
		var names []string
		for _, s := range got {
			names = append(names, s.Name)
		}
		key := [...]string{"", "wrong", "unidentified", "missed"}[o] + ": " + construction(t, g.iv)
		r.Errors[key] = append(r.Errors[key], fmt.Sprintf("%s: %q want %v, got %v\n        %s", name, t.snippet(g.iv), g.speakers, names, t.context(g.iv)))
	}
}

// sameSpeakers reports whether the speakers found are the labelled people, each by a name that
// compares equal (sameName) to the label, or, for a registered actor, by one of its aliases.
func sameSpeakers(want []string, got []quote.Speaker, reg *registry.Registry) bool {
	if len(want) != len(got) {
		return false
	}
	used := make([]bool, len(got))
	for _, w := range want {
		ok := false
		for i, g := range got {
			if used[i] {
				continue
			}
			names := []string{g.Name}
			if g.Actor >= 0 {
				a := reg.ActorAt(g.Actor)
				names = append(append(names, a.Name), a.Aliases...)
				// "Pope Francis" is Francis: the registry's name may hold a title.
				if ws := strings.Fields(a.Name); len(ws) > 1 && reg.IsTitleWord(strings.ToLower(ws[0])) {
					names = append(names, strings.Join(ws[1:], " "))
				}
			}
			if slices.ContainsFunc(names, func(n string) bool { return sameName(w, n) }) {
				used[i], ok = true, true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// sameName compares two names as the labels' README asks: case, accents, punctuation, a
// leading "the", middle initials and suffixes such as "Jr." do not count.
func sameName(a, b string) bool {
	x, y := nameWords(a), nameWords(b)
	if slices.Equal(x, y) {
		return true
	}
	strip := func(ws []string) []string {
		var out []string
		for i, w := range ws {
			if len([]rune(w)) == 1 && i > 0 && i < len(ws)-1 {
				continue // a middle initial
			}
			out = append(out, w)
		}
		return out
	}
	return len(x) > 0 && slices.Equal(strip(x), strip(y))
}

var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

func nameWords(s string) []string {
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case r == '\'' || r == '’':
		default:
			b.WriteByte(' ')
		}
	}
	ws := strings.Fields(b.String())
	if len(ws) > 1 && ws[0] == "the" {
		ws = ws[1:]
	}
	for len(ws) > 1 && nameSuffixes[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	return ws
}

// construction names how a quotation is attributed in its text, to group the errors: the
// words after the closing mark ("quote, NAME said", "quote, he said", "quote, said NAME"),
// before the opening mark ("NAME said: quote", "NAME: quote"), or neither (a paragraph that
// is only a quotation, a headline).
func construction(t *text, iv interval) string {
	after := strings.TrimLeft(string(t.norm[iv.hi:min(len(t.norm), iv.hi+60)]), "\"'")
	before := string(t.norm[max(0, iv.lo-80):iv.lo])
	before = strings.TrimRight(before, "\"'")
	if i := strings.LastIndex(before, "\n"); i >= 0 {
		before = before[i+1:]
	}
	if i := strings.Index(after, "\n"); i >= 0 {
		after = after[:i]
	}
	words := strings.Fields(strings.Trim(after, " ,.;"))
	if len(words) > 4 {
		words = words[:4]
	}
	first := func(n int) string {
		if len(words) < n {
			return ""
		}
		return strings.ToLower(strings.Trim(words[n-1], ",.;:"))
	}
	isVerb := func(w string) bool {
		return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || w == "said" || w == "told" || w == "wrote"
	}
	switch {
	case strings.TrimSpace(after) != "" && (strings.HasPrefix(strings.TrimSpace(after), ",") || strings.HasPrefix(after, " ")) && len(words) > 0:
		w1 := first(1)
		switch {
		case w1 == "he" || w1 == "she" || w1 == "they":
			return "after: quote, PRONOUN said"
		case w1 == "said" || w1 == "says" || w1 == "added" || w1 == "wrote" || w1 == "told":
			return "after: quote, said NAME"
		case w1 == "according":
			return "after: according to"
		case w1 == "the" || w1 == "a" || w1 == "an":
			return "after: quote, the DESCRIPTION said"
		case len(words) > 1 && isVerb(first(2)) || len(words) > 2 && isVerb(first(3)):
			return "after: quote, NAME said"
		}
	}
	b := strings.TrimSpace(before)
	switch {
	case b == "":
		return "alone: a paragraph or sentence that is only a quotation"
	case strings.HasSuffix(b, ":"):
		return "before: ... : quote"
	case strings.HasSuffix(b, ","):
		return "before: ..., quote"
	}
	return "before: inside a sentence"
}

// context is the sentence around a span, for reading an error.
func (t *text) context(iv interval) string {
	lo, hi := max(0, iv.lo-100), min(len(t.norm), iv.hi+80)
	s := string(t.norm[lo:iv.lo]) + "⟦…⟧" + string(t.norm[iv.hi:hi])
	return strings.ReplaceAll(s, "\n", " ¶ ")
}

// PrintOutcomes writes one line for every labelled quotation whose speaker the text names.
func (r *NewsReport) PrintOutcomes(w io.Writer) {
	for _, o := range r.Outcomes {
		fmt.Fprintln(w, o)
	}
}

// Print writes the report's table and its errors, grouped, the commonest first.
func (r *NewsReport) Print(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "documents %d\n", r.Documents)
	row := func(label string, t Tally) {
		fmt.Fprintf(w, "%-34s %4d   right %.3f  wrong %.3f  unidentified %.3f  missed %.3f\n",
			label, t.Total(), t.Share(Right), t.Share(Wrong), t.Share(Unidentified), t.Share(Missed))
	}
	row("full quotes, speaker named", r.Full)
	row("fragments, speaker named", r.Fragments)
	fmt.Fprintf(w, "full-quote recall                  %.3f (%d of %d)\n", ratio(r.FullFound, r.FullGold), r.FullFound, r.FullGold)
	fmt.Fprintf(w, "precision                          %.3f (%d of %d found are labelled quotes; %d a title, name or term)\n",
		ratio(r.FoundReal, r.Found), r.FoundReal, r.Found, r.FoundNone)
	if r.Elapsed > 0 && r.Bytes > 0 {
		fmt.Fprintf(w, "extraction                         %.1f ms/MB\n", ms(r.Elapsed)/(float64(r.Bytes)/1e6))
	}
	fmt.Fprintf(w, "\nfull quotes by how the speaker was found:\n")
	vias := make([]string, 0, len(r.ByVia))
	for v := range r.ByVia {
		vias = append(vias, v)
	}
	sort.Slice(vias, func(i, j int) bool { return r.ByVia[vias[i]].Total() > r.ByVia[vias[j]].Total() })
	for _, v := range vias {
		t := r.ByVia[v]
		fmt.Fprintf(w, "%4d  right %3d  wrong %3d  unidentified %3d  %s\n", t.Total(), t[Right], t[Wrong], t[Unidentified], v)
	}
	keys := make([]string, 0, len(r.Errors))
	for k := range r.Errors {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if a, b := len(r.Errors[keys[i]]), len(r.Errors[keys[j]]); a != b {
			return a > b
		}
		return keys[i] < keys[j]
	})
	fmt.Fprintf(w, "\nerrors by construction:\n")
	for _, k := range keys {
		fmt.Fprintf(w, "%4d  %s\n", len(r.Errors[k]), k)
	}
	if !verbose {
		return
	}
	for _, k := range keys {
		fmt.Fprintf(w, "\n== %s\n", k)
		for _, e := range r.Errors[k] {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
}
