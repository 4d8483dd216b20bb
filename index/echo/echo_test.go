package echo

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"won't force", "will not force"},
		{"We’ve lost; it's ours, Russia's war", "we have lost it is ours russia war"},
		{"us-or-them choice", "us or them choice"},
		{"the U.S. and the U.N.", "the us and the un"},
		{"It is my honour; the centre; defence; organisation; analyse", "it is my honor the center defense organization analyze"},
		{"cannot, can't, shan't", "can not can not shall not"},
		{"4.5 million — COVID-19", "4 5 million covid 19"},
		{"four hours", "four hors"},
	} {
		if got := strings.Join(Words(tc.in), " "); got != tc.want {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

type pair struct {
	Name     string `json:"name"`
	A        string `json:"a"`
	B        string `json:"b"`
	Same     bool   `json:"same"`
	Verbatim bool   `json:"verbatim"`
}

func readPairs(t *testing.T) []pair {
	t.Helper()
	b, err := os.ReadFile("testdata/pairs.json")
	if err != nil {
		t.Fatal(err)
	}
	var pairs []pair
	if err := json.Unmarshal(b, &pairs); err != nil {
		t.Fatal(err)
	}
	return pairs
}

// same finds a in b through an index, as the archive does.
func same(a, b string) (share float64, ok, verbatim bool) {
	s := NewSketch(a)
	if !s.Linkable() {
		return 0, false, false
	}
	ix := NewIndex([]Sketch{s}, nil)
	var r Reader
	r.Read(b)
	found := ix.NewScanner().Scan(r.PairSeq())
	if len(found) == 0 {
		return 0, false, false
	}
	f := found[0]
	_, rare := Share(s, f.Rare, ix.Sample(0))
	share, ok = Share(s, f.All, len(s.Sample))
	return share, ok && rare, f.All == len(s.Sample)
}

func TestSameStatement(t *testing.T) {
	for _, p := range readPairs(t) {
		t.Run(p.Name, func(t *testing.T) {
			share, ok, verbatim := same(p.A, p.B)
			if ok != p.Same {
				t.Fatalf("same = %v (share %.2f), want %v", ok, share, p.Same)
			}
			if ok && verbatim != p.Verbatim {
				t.Errorf("verbatim = %v (share %.2f), want %v", verbatim, share, p.Verbatim)
			}
		})
	}
}

func TestSpeechInTheRecord(t *testing.T) {
	wh, err := os.ReadFile("testdata/unga76-whitehouse.txt")
	if err != nil {
		t.Fatal(err)
	}
	un, err := os.ReadFile("testdata/unga76-un-record.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range [][2]string{{string(wh), string(un)}, {string(un), string(wh)}} {
		share, ok, _ := same(dir[0], dir[1])
		if !ok || share < 0.6 {
			t.Errorf("share %.2f, same %v: want the same statement", share, ok)
		}
	}
	left, right := Diff(string(wh), string(un))
	if got := join(left); got != string(wh) {
		t.Fatalf("the left segments do not make the text again")
	}
	if got := join(right); got != string(un) {
		t.Fatalf("the right segments do not make the text again")
	}
	want := []struct {
		side []Segment
		text string
		mark Mark
	}{
		{left, "It’s", Respelled},
		{right, "It is", Respelled},
		{right, "honour", Respelled},
		{left, "honor", Respelled},
		{right, "the General Assembly", Changed},
		{left, "you", Changed},
		{left, "this devastating", Changed},
	}
	for _, w := range want {
		if !slices.ContainsFunc(w.side, func(s Segment) bool { return s.Mark == w.mark && strings.Contains(s.Text, w.text) }) {
			t.Errorf("no segment marked %d holds %q", w.mark, w.text)
		}
	}
}

func join(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

func TestDiff(t *testing.T) {
	for _, tc := range []struct {
		a, b        string
		left, right string // marked as [changed] and {respelled}
	}{
		{"will not force our allies into \"us or them\" choice", "won't force our allies into an us-or-them choice",
			"{will not} force our allies into \"us or them\" choice", "{won't} force our allies into [an] us-or-them choice"},
		{"It's my honor to speak", "It is my honour to speak", "{It's} my {honor} to speak", "{It is} my {honour} to speak"},
		{"a b c", "a b c", "a b c", "a b c"},
		{"", "something", "", "[something]"},
	} {
		l, r := Diff(tc.a, tc.b)
		if got := show(l); got != tc.left {
			t.Errorf("Diff(%q, %q) left = %q, want %q", tc.a, tc.b, got, tc.left)
		}
		if got := show(r); got != tc.right {
			t.Errorf("Diff(%q, %q) right = %q, want %q", tc.a, tc.b, got, tc.right)
		}
	}
}

func show(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		switch s.Mark {
		case Changed:
			b.WriteString("[" + s.Text + "]")
		case Respelled:
			b.WriteString("{" + s.Text + "}")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestDiffLongIsBounded(t *testing.T) {
	a := strings.Repeat("the same words again and again ", 3000)
	b := strings.Repeat("the same words again and once more ", 3000)
	l, r := Diff(a, b)
	if join(l) != a || join(r) != b {
		t.Fatal("segments do not make the texts again")
	}
}

func TestLocate(t *testing.T) {
	text := "National Security Advisor Jake Sullivan met Wang Yi in Vienna.  The two sides had candid, substantive, and constructive discussions on key issues. This meeting was part of ongoing efforts."
	s, e, ok := Locate("candid, substantive, and constructive", text)
	if !ok {
		t.Fatal("not found")
	}
	if got, want := text[s:e], "The two sides had candid, substantive, and constructive discussions on key issues."; got != want {
		t.Errorf("Locate = %q, want %q", got, want)
	}
	if _, _, ok := Locate("nothing like it at all", text); ok {
		t.Error("found a statement the text does not hold")
	}
	// A chant repeats a few of a statement's words many times: the passage that carries the
	// statement holds more of its words, each once.
	rally := "THE VICE PRESIDENT: Instead, it was the same old show, that same tired playbook that we've heard for years, with no plans for how he would address the needs of the American people. Well, folks, it's time to turn the page. " +
		"And we will protect Social Security and Medicare. " + strings.Repeat("AUDIENCE: We're not going back! We're not going back! THE VICE PRESIDENT: Well, we are not going back. ", 6)
	stump := "Instead, it was the same old show, the same tired playbook we've heard for years with no plan on how he would address the needs of the American people. Well, folks, it's time to turn the page. We're not going back. We're not going back."
	s, e, ok = Locate(stump, rally)
	if !ok || !strings.Contains(rally[s:e], "same tired playbook") {
		t.Errorf("Locate = %q, want the passage of the same old show", rally[s:e])
	}
}

func TestChoose(t *testing.T) {
	s := NewSketch("candid, substantive, and constructive")
	s.Context = make([]uint32, 16) // a short statement's context: 4 words to share
	links := []Link{
		{Statement: 0, Other: -1, Document: 3, Share: 1, Verbatim: true, GapDays: 20, Context: 6},
		{Statement: 0, Other: 7, Document: 3, Share: 1, Verbatim: true, GapDays: 20, Context: 6},
		{Statement: 0, Other: 9, Document: 4, Share: 1, Verbatim: true, GapDays: 1, SameSpeaker: true, Context: 1},     // one event, reported twice
		{Statement: 0, Other: 10, Document: 10, Share: 1, Verbatim: true, GapDays: 100, SameSpeaker: true, Context: 9}, // its words months later
		{Statement: 0, Other: -1, Document: 5, Share: 1, Verbatim: true, GapDays: 0, Context: 5},
		{Statement: 0, Other: -1, Document: 6, Share: 1, Verbatim: true, GapDays: 2, Context: 2}, // spoken of other things
		{Statement: 0, Other: 8, Document: 7, Share: 1, Verbatim: true, GapDays: 2, Context: 9, OtherSpeaker: true},
		{Statement: 0, Other: -1, Document: 8, Share: 1, Verbatim: true, GapDays: 40, Context: 9}, // too far
		{Statement: 0, Other: -1, Document: 9, Share: 1, Verbatim: true, GapDays: -1, Context: 9}, // undated
	}
	documents := func(links []Link) []int32 {
		var out []int32
		for _, l := range links {
			out = append(out, l.Document)
		}
		return out
	}
	got := Choose(s, slices.Clone(links), 3, 2)
	if want := []int32{4, 5, 3}; !slices.Equal(documents(got), want) {
		t.Errorf("documents %v, want %v", documents(got), want)
	}
	if len(got) == 3 && got[2].Other != 7 {
		t.Errorf("document 3 by %d, want its quote 7", got[2].Other)
	}
	if got := Choose(s, slices.Clone(links), FormulaTexts+1, 1); len(got) != 0 {
		t.Errorf("a formula found in %d documents linked: %v", FormulaTexts+1, got)
	}
	// A phrase many texts hold: linked only where the words around it single one out.
	if got := Choose(s, slices.Clone(links), MaxPhraseTexts+1, 2); len(got) != 0 {
		t.Errorf("a phrase in %d documents, 2 of them agreeing, linked: %v", MaxPhraseTexts+1, documents(got))
	}
	if got := Choose(s, slices.Clone(links), MaxPhraseTexts+1, 1); len(got) == 0 {
		t.Errorf("a phrase in %d documents, 1 of them agreeing, not linked", MaxPhraseTexts+1)
	}
	variant := links[4]
	variant.Verbatim, variant.Share = false, 0.9
	if Accept(s, variant, 1, 1) {
		t.Error("a short statement linked to a text that does not hold it word for word")
	}
	long := NewSketch("It is my honor to speak to you for the first time as President of the United States. We are mourning more than 4.5 million people, people of every nation and from every background, and we are not seeking a new Cold War or a world divided into rigid blocs.")
	if Accept(long, Link{Other: -1, GapDays: 3, Share: 1, Verbatim: true}, MaxPhraseTexts+1, 0) {
		t.Error("a long statement many texts hold linked")
	}
	if !Accept(long, Link{Other: -1, GapDays: 3, Share: 1, Verbatim: true}, 2, 0) {
		t.Error("a long statement two texts hold not linked")
	}
	// Two speeches of one speaker share half their pairs (openings, stump lines); the record
	// of the same speech far more.
	if Accept(long, Link{Other: -1, GapDays: 3, Share: 0.6}, 1, 0) {
		t.Error("a long statement linked to a text that holds 60 % of it")
	}
	if !Accept(long, Link{Other: -1, GapDays: 3, Share: 0.88}, 1, 0) {
		t.Error("a long statement not linked to a text that holds 88 % of it")
	}
}

// TestContext: a short statement's context is the particular words around it, and a text that
// uses it of the same thing shares more of them than one that uses it of something else.
func TestContext(t *testing.T) {
	report := "Last month the national security adviser and the foreign minister met in Vienna for talks on the bilateral relationship. Described as candid, substantive, and constructive by the White House, the discussions covered security, Ukraine and Taiwan."
	same := "The national security adviser met the foreign minister in Vienna. The two sides had candid, substantive, and constructive discussions on the bilateral relationship, security issues, Ukraine and Taiwan."
	other := "The trade representative met the commerce minister in Geneva. The two sides had candid, substantive, and constructive discussions on tariffs, supply chains and farm exports."
	const stmt = "candid, substantive, and constructive"
	sketch := func(text string) (Sketch, *Reader) {
		var r Reader
		r.Read(text)
		k := strings.Index(text, stmt)
		i, j := r.Span(k, k+len(stmt))
		return r.Sketch(i, j), &r
	}
	s, _ := sketch(report)
	if len(s.Context) == 0 || s.Pairs != 3 {
		t.Fatalf("sketch %+v: want 3 pairs and a context", s)
	}
	shared := func(text string) int {
		_, r := sketch(text)
		k := strings.Index(text, stmt)
		i, j := r.Span(k, k+len(stmt))
		return r.ContextShared(s.Context, i, j)
	}
	if n, need := shared(same), ContextNeed(s); n < need {
		t.Errorf("the readout of the same meeting shares %d context words, want %d at least", n, need)
	}
	if n, need := shared(other), ContextNeed(s); n >= need {
		t.Errorf("the readout of another meeting shares %d context words, want fewer than %d", n, need)
	}
	if long := NewSketch(strings.Repeat("many words of a long statement ", 10)); long.Context != nil {
		t.Error("a long statement kept a context")
	}
}

// TestCommonPairs: a pair sampled by more statements than MaxPosting points to none, yet counts
// for a statement its particular pairs find, where they are found together; a text that holds
// only the common pairs finds nothing.
func TestCommonPairs(t *testing.T) {
	var sketches []Sketch
	for i := range MaxPosting + 1 {
		sketches = append(sketches, NewSketch(fmt.Sprintf("of the people number%d rally today", i)))
	}
	target := NewSketch("of the people will decide the future of Taiwan peacefully")
	sketches = append(sketches, target)
	ix := NewIndex(sketches, nil)
	last := len(sketches) - 1
	if got, want := ix.Sample(last), len(target.Sample)-2; got != want { // "of the", "the people" are common
		t.Fatalf("particular pairs %d, want %d", got, want)
	}
	var r Reader
	r.Read("He said the will of the people will decide the future of Taiwan peacefully, and left.")
	found := ix.NewScanner().Scan(r.PairSeq())
	if len(found) != 1 || found[0].Statement != last || found[0].All != len(target.Sample) {
		t.Fatalf("found %+v, want statement %d with all %d of its pairs", found, last, len(target.Sample))
	}
	// Its particular pairs here, its common ones far away: not together.
	r.Read("Of the people, " + strings.Repeat("nothing to see here at all, ", 20) + "will decide the future of Taiwan peacefully.")
	found = ix.NewScanner().Scan(r.PairSeq())
	if len(found) != 1 || found[0].All != found[0].Rare {
		t.Errorf("found %+v, want its particular pairs only", found)
	}
	r.Read("of the people of the people")
	if found := ix.NewScanner().Scan(r.PairSeq()); len(found) != 0 {
		t.Errorf("common pairs alone found %+v", found)
	}
}

// TestParticular: a text holds enough of a statement's particular pairs when, counted with its
// common ones, the whole would reach the share asked; a few particular pairs alone never do.
func TestParticular(t *testing.T) {
	s := NewSketch("In return, the United States won’t force our allies into an us-or-them choice with China,")
	if s.Pairs != 17 || len(s.Sample) != 17 {
		t.Fatalf("sketch of %d pairs, %d sampled; the cases below count 17", s.Pairs, len(s.Sample))
	}
	for _, c := range []struct {
		name          string
		found, sample int
		want          bool
	}{
		// Four of its pairs common in a large archive ("united states", "will not", "our
		// allies", "with china"); the other wording lacks four particular ones ("in return",
		// "return the", "into an", "an us"): 9 of 13 particular, 13 of 17 in all.
		{"the other wording, in a large archive", 9, 13, true},
		{"the other wording, every pair particular", 13, 17, true},
		{"half its particular pairs", 6, 13, false},
		{"two particular pairs of three", 2, 3, false},
		{"nothing particular", 0, 0, false},
	} {
		if got := Particular(s, c.found, c.sample); got != c.want {
			t.Errorf("%s: Particular(%d of %d) = %v, want %v", c.name, c.found, c.sample, got, c.want)
		}
	}
}
