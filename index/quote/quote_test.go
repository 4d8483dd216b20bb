package quote_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/index/quote/quoteeval"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/index/tarfs"
)

func mustRegistry(t testing.TB) *registry.Registry {
	t.Helper()
	r, err := registry.Load(os.DirFS("../../seeds"), nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

type found struct {
	Text     string
	Speakers string // names joined by " + "
	Kind     quote.Kind
}

func extract(r *registry.Registry, title string, text string) []found {
	return extractOn(r, time.Date(2022, 1, 7, 0, 0, 0, 0, time.UTC), title, text)
}

// extractOn is extract for a text dated day: who holds an office depends on it.
func extractOn(r *registry.Registry, day time.Time, title string, text string) []found {
	var paras []document.Paragraph
	for _, p := range strings.Split(text, "\n\n") {
		if item, ok := strings.CutPrefix(p, "- "); ok {
			paras = append(paras, document.Paragraph{Text: item, Kind: document.ListItem}) // a list's item, as Markdown's "- "
			continue
		}
		paras = append(paras, document.Paragraph{Text: p})
	}
	var out []found
	for _, q := range quote.Extract(r, title, day, paras).Quotes {
		var names []string
		for _, s := range q.Speakers {
			names = append(names, s.Name)
		}
		out = append(out, found{q.Text(paras), strings.Join(names, " + "), q.Kind})
	}
	return out
}

func TestExtract(t *testing.T) {
	r := mustRegistry(t)
	tests := []struct {
		name  string
		title string
		text  string
		want  []found
	}{
		{
			name: "said after, curly",
			text: "“We will stand together,” Blinken said on Friday.",
			want: []found{{"We will stand together,", "Antony Blinken", quote.Full}},
		},
		{
			name: "inverted, straight, nested kept inside",
			text: `"We will not force our allies into "us or them" choices," said Antony Blinken.`,
			want: []found{{`We will not force our allies into "us or them" choices,`, "Antony Blinken", quote.Full}},
		},
		{
			name: "closed by two apostrophes, next paragraph continues the speaker",
			text: "\"We agree to launch a dialogue,\" Josep Borrell said.\n\n\"We equally agreed to support the fullest possible involvement''.",
			want: []found{
				{"We agree to launch a dialogue,", "Josep Borrell", quote.Full},
				{"We equally agreed to support the fullest possible involvement", "Josep Borrell", quote.Full},
			},
		},
		{
			name: "interrupted by the attribution",
			text: "Antony Blinken spoke in Brussels. “But that does not mean we cannot work with China,” he said. “We know our allies have complex relationships.”",
			want: []found{
				{"But that does not mean we cannot work with China,", "Antony Blinken", quote.Full},
				{"We know our allies have complex relationships.", "Antony Blinken", quote.Full},
			},
		},
		{
			name: "over two paragraphs",
			text: "Jeffrey Hornung of the Rand Corporation think tank described the issue.\n\nHe said: “There is no coded messaging here.\n\n“China is the challenge.”",
			want: []found{{"There is no coded messaging here.\n\n“China is the challenge.", "Jeffrey Hornung", quote.Full}},
		},
		{
			name: "fragments in reported speech, joint subject",
			text: "Antony Blinken and Lloyd Austin called alliances “force multipliers” and said working with allies is “critical”.",
			want: []found{
				{"force multipliers", "Antony Blinken + Lloyd Austin", quote.Fragment},
				{"critical", "Antony Blinken + Lloyd Austin", quote.Fragment},
			},
		},
		{
			name: "told, with a colon",
			text: "Daniel Russel, a former US diplomat, said the pact had substance.\n\nHe told Reuters: “This is clearly a combined message.”",
			want: []found{{"This is clearly a combined message.", "Daniel Russel", quote.Full}},
		},
		{
			name: "organisation, passive agent",
			text: "The talks were described as “candid and constructive” by the White House.",
			want: []found{{"candid and constructive", "White House", quote.Fragment}},
		},
		{
			name: "a name in quotation marks is not a quote",
			text: "The law, known as the “Inflation Reduction Act”, passed.",
			want: nil,
		},
		{
			name:  "single marks in a headline",
			title: "U.S. will not ask allies to choose between ‘us and them’ with China: Blinken",
			text:  "U.S. will not ask allies to choose between ‘us and them’ with China: Blinken",
			want:  []found{{"us and them", "", quote.Fragment}},
		},
		{
			name: "transcript turns; the press is not quoted",
			text: "MS. PSAKI:  Good morning.\n\nLet me start with Ukraine.\n\nQ    Thank you, Jen.\n\nMS. PSAKI:  Go ahead.\n\nEND",
			want: []found{
				{"Good morning.\n\nLet me start with Ukraine.", "Jen Psaki", quote.Full},
				{"Go ahead.", "Jen Psaki", quote.Full},
			},
		},
		{
			name: "a medium's name as a label in a transcript's coverage is a headline's source, not a speaker",
			text: "TUR:  What is behind this?\n\nBRAINARD:  We see inflation at 3%.\n\nCNN: The US economy is defying expectations, says an adviser\n\nBRAINARD:  It is solid.",
			want: []found{
				{"We see inflation at 3%.", "Brainard", quote.Full},
				{"It is solid.", "Brainard", quote.Full},
			},
		},
		{
			name: "a press label a typist misspelt is the press",
			text: "MS. PSAKI:  Good morning.\n\nAUDIENE MEMBER:  Thank you.\n\nMS. PSAKI:  Go ahead.\n\nAUDIENE:  We love you!\n\nEND",
			want: []found{
				{"Good morning.", "Jen Psaki", quote.Full},
				{"Go ahead.", "Jen Psaki", quote.Full},
			},
		},
		{
			name: "an unknown speaker is named without the title and place before the name",
			text: "“We need the money now,” said California Senator Alex Padilla.\n\n“It is overdue,” Domestic Policy Council Director Chris Smith said.",
			want: []found{
				{"We need the money now,", "Alex Padilla", quote.Full},
				{"It is overdue,", "Chris Smith", quote.Full},
			},
		},
		{
			name: "a surname alone is named without its title; a title word inside a name is no title",
			text: "“The city is ready,” Texas Mayor Nirenberg said.\n\n“Maine is ready,” Senator Angus King said.\n\n“We have sued the agency over the rule,” said the Environmental Defense Fund Action Network.",
			want: []found{
				{"The city is ready,", "Nirenberg", quote.Full},
				{"Maine is ready,", "Angus King", quote.Full},
				{"We have sued the agency over the rule,", "Environmental Defense Fund Action Network", quote.Full},
			},
		},
		{
			name:  "a statement of one actor",
			title: "Statement from President Joe Biden on the Quad",
			text:  "Today the Quad met.\n\nWe will keep working together.",
			want:  []found{{"Today the Quad met.\n\nWe will keep working together.", "Joe Biden", quote.Full}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extract(r, tt.title, tt.text)
			if tt.want == nil && len(got) == 0 {
				return
			}
			// Speakers of the headline quote depend on attribution the test does not fix.
			if tt.title != "" && len(tt.want) == 1 && tt.want[0].Speakers == "" && len(got) == 1 {
				got[0].Speakers = ""
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestQuoteEvaluation guards the extractor's quality on the hand-labelled sets: it fails when a
// change makes it worse than the floors below. `go run ./cmd/quoteeval` prints the figures.
func TestQuoteEvaluation(t *testing.T) {
	r := mustRegistry(t)
	report, err := quoteeval.Run(os.DirFS("testdata/eval"), os.DirFS("../.."), r)
	if err != nil {
		t.Fatal(err)
	}
	c := report.Counts
	if c.Documents < 40 {
		t.Errorf("only %d labelled documents", c.Documents)
	}
	for _, p := range report.Problems {
		if p.What == "label" {
			t.Errorf("%s: a label cannot be placed: %s", p.Document, p.Detail)
		}
	}
	if f1 := c.F1(false); f1 < 0.95 {
		t.Errorf("span F1 (overlapping) %.3f, below 0.95", f1)
	}
	if acc := c.SpeakerAccuracy(); acc < 0.97 {
		t.Errorf("speaker accuracy %.3f, below 0.97", acc)
	}
	// The seeds are what a new reader sees first: every one of their quotes is right.
	seeds, err := os.ReadDir("../../seeds/articles")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range report.Problems {
		if slices.ContainsFunc(seeds, func(e os.DirEntry) bool { return e.Name() == p.Document }) {
			t.Errorf("seed %s: %s %s", p.Document, p.What, p.Detail)
		}
	}
}

// TestWhiteHouseProse guards the scores on the White House documents that are not transcripts
// (testdata/whnews: round-ups, fact sheets, readouts, statements that quote others).
func TestWhiteHouseProse(t *testing.T) {
	r := mustRegistry(t)
	report, err := quoteeval.Run(os.DirFS("testdata/whnews"), os.DirFS("../.."), r)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range report.Problems {
		if p.What == "label" {
			t.Errorf("%s: a label cannot be placed: %s", p.Document, p.Detail)
		}
	}
	if f1 := report.Counts.F1(false); f1 < 0.80 {
		t.Errorf("span F1 (overlapping) %.3f, below 0.80", f1)
	}
	if acc := report.Counts.SpeakerAccuracy(); acc < 0.85 {
		t.Errorf("speaker accuracy %.3f, below 0.85", acc)
	}
}

// TestNewsEvaluation guards the scores on the development part of the PolNeAR news set, read in
// place from ../shared/corpora/polnear-dev (its texts carry no licence to copy them here). It is
// skipped where that folder is not beside the repository.
func TestNewsEvaluation(t *testing.T) {
	dir := "../../../shared/corpora/polnear-dev"
	if _, err := os.Stat(dir + "/gold.json"); err != nil {
		t.Skipf("the PolNeAR development set is not at %s", dir)
	}
	report, err := quoteeval.RunPolnear(os.DirFS(dir), quoteeval.Dev, mustRegistry(t))
	if err != nil {
		t.Fatal(err)
	}
	full := report.Full
	if right := full.Share(quoteeval.Right); right < 0.93 {
		t.Errorf("full quotes with the right speaker %.3f, below 0.93", right)
	}
	if wrong := full.Share(quoteeval.Wrong); wrong > 0.04 {
		t.Errorf("full quotes with a wrong speaker %.3f, above 0.04", wrong)
	}
	if recall := float64(report.FullFound) / float64(report.FullGold); recall < 0.97 {
		t.Errorf("full-quote recall %.3f, below 0.97", recall)
	}
}

// TestUNGeneralDebate: of the UN General Debate's 10,952 speeches, each naming its speaker in
// its title, none is credited to a registered person of the same surname who was not that
// speaker ("Mr. Austin" at the UN in 1946 is not Lloyd Austin). It reads the corpus's tarball
// in place, and is skipped where ../shared is not beside the repository.
func TestUNGeneralDebate(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 10,952 speeches")
	}
	name := "../../../shared/corpora/ungdc/ungdc.tar.gz"
	if _, err := os.Stat(name); err != nil {
		t.Skipf("the UN General Debate corpus is not at %s", name)
	}
	fsys, err := tarfs.Open(name, tarfs.Options{MaxFile: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	report, err := quoteeval.RunUNGDC(fsys, mustRegistry(t))
	if err != nil {
		t.Fatal(err)
	}
	if report.Namesake != 0 {
		t.Errorf("%d speeches credited to a registered namesake: %q", report.Namesake, report.Examples[:min(5, len(report.Examples))])
	}
	// Those left are names a scan garbled ("Roberto Flores Berm˙dez", "Mr. Qla|layangi").
	if report.Else > 10 {
		t.Errorf("%d speeches credited to someone else, more than 10: %q", report.Else, report.Examples[:min(5, len(report.Examples))])
	}
	if right := float64(report.Right) / float64(report.Speeches); right < 0.97 {
		t.Errorf("%.3f of the speeches credited to the speaker the corpus names, below 0.97", right)
	}
}

func TestProcedural(t *testing.T) {
	r := mustRegistry(t)
	text := "MS. PSAKI: Good afternoon, everybody.\n\nQ Thank you.\n\nMS. PSAKI: Go ahead, Ashley.\n\nQ Will the President go to Kyiv?\n\nMS. PSAKI: He has no plans to travel to Kyiv this week. Thank you.\n\nMS. PSAKI: Thank you so much. (Laughter.)\n\nEND"
	var paras []document.Paragraph
	for _, p := range strings.Split(text, "\n\n") {
		paras = append(paras, document.Paragraph{Text: p})
	}
	var got []bool
	for _, q := range quote.Extract(r, "Press Briefing by Press Secretary Jen Psaki", time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC), paras).Quotes {
		got = append(got, q.Procedural)
	}
	if want := []bool{true, true, false, true}; !slices.Equal(got, want) {
		t.Errorf("procedural turns %v, want %v", got, want)
	}
}

// TestConstructionBatteries guards the scores on the texts written to try each way news and
// statements name who speaks (testdata/constructions, each file written before any rule for it):
// few quotations given a wrong name, most the right one.
func TestConstructionBatteries(t *testing.T) {
	report, err := quoteeval.RunConstructions(os.DirFS("testdata/constructions"), mustRegistry(t))
	if err != nil {
		t.Fatal(err)
	}
	// Batteries 1 to 18 were written by the developers and the rules were made for them;
	// 19 to 24 by helper sessions that had not read the rules, and the rules have only begun on
	// them; 25 to 31 are whole news articles, written the same way (27 to 31 held out when
	// written). Each group has its own floor.
	groups := []struct {
		name            string
		from, to        int
		right, wrong    float64
		quotes, minimum int
	}{
		{name: "batteries 1-18", from: 1, to: 18, right: 0.95, wrong: 0.02, minimum: 700},
		{name: "batteries 19-24", from: 19, to: 24, right: 0.72, wrong: 0.09, minimum: 390},
		{name: "batteries 25-31", from: 25, to: 31, right: 0.88, wrong: 0.05, minimum: 995},
	}
	for _, g := range groups {
		var quotes, right, wrong int
		for _, f := range report.Files {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(f.Name, "battery"), ".yaml"))
			if err != nil || n < g.from || n > g.to {
				continue
			}
			quotes += f.Quotes
			right += f.Right
			wrong += f.Wrong
		}
		if quotes < g.minimum {
			t.Fatalf("%s: %d quotations, fewer than the %d written", g.name, quotes, g.minimum)
		}
		if share := float64(right) / float64(quotes); share < g.right {
			t.Errorf("%s: right speaker for %.3f of the quotations, below %.2f", g.name, share, g.right)
		}
		if share := float64(wrong) / float64(quotes); share > g.wrong {
			t.Errorf("%s: wrong speaker for %.3f of the quotations, above %.2f", g.name, share, g.wrong)
		}
	}
}
