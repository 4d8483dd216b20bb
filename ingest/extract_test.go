package ingest

import (
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

var update = flag.Bool("update", false, "rewrite the expected texts in testdata/*.txt")

func mustRegistry(t testing.TB) *registry.Registry {
	t.Helper()
	r, err := registry.Load(seeds.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// archiveText is an article file's text as the archive reads it, one paragraph to a block, a
// heading or headline marked with "# " and an item with "- ".
func archiveText(t *testing.T, file []byte, rules document.Rules) string {
	t.Helper()
	doc, err := document.Parse("x.md", file, rules)
	if err != nil {
		t.Fatalf("the archive cannot read the file: %v\n%s", err, file)
	}
	var b strings.Builder
	for i, p := range doc.Paragraphs {
		if i > 0 {
			b.WriteString("\n")
		}
		switch p.Kind {
		case document.Title, document.Heading:
			b.WriteString("# ")
		case document.ListItem:
			b.WriteString("- ")
		}
		b.WriteString(p.Text + "\n")
	}
	return b.String()
}

// TestExtractPages reads the saved pages of testdata (written for these tests: a White House
// statement and readout with their text from the White House's public-domain archive, a UN press
// release, a news page with advertising, navigation, a newsletter box, comments and related
// links around its article, a ministry's page that dates nothing): the text the archive reads
// from each file is the article's paragraphs as published, nothing around them (testdata/*.txt),
// and the title, date, source, author and address are the page's.
func TestExtractPages(t *testing.T) {
	reg := mustRegistry(t)
	tests := []struct {
		page                   string
		title, date, precision string
		from                   string
		site, author, url      string
		name                   string
	}{
		{
			page:  "wh-statement.html",
			title: "Statement by National Security Advisor Jake Sullivan on the Upcoming Vote on Reauthorization and Reform of FISA Section 702",
			date:  "2024-04-17", precision: "day", from: "the address",
			site: "The White House",
			url:  "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2024/04/17/statement-by-national-security-advisor-jake-sullivan-on-the-upcoming-vote-on-reauthorization-and-reform-of-fisa-section-702/",
			name: "2024-04-17-statement-by-national-security-advisor-jake-sullivan-on-the-upcoming-vote-on-reauthorization-and",
		},
		{
			page:  "wh-readout.html",
			title: "Readout of President Biden’s Meeting with President Iohannis of Romania",
			date:  "2024-05-07", precision: "day", from: "the address",
			site: "The White House",
			url:  "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2024/05/07/readout-of-president-bidens-meeting-with-president-iohannis-of-romania/",
			name: "2024-05-07-readout-of-president-biden-s-meeting-with-president-iohannis-of-romania",
		},
		{
			page:  "un-press-release.html",
			title: "Deputy Secretary-General Urges Shared Stewardship of Transboundary Rivers at Launch of Regional Water Report",
			date:  "2024-05-07", precision: "day", from: "7 May 2024",
			site: "UN Press", url: "https://press.un.org/en/2024/dsgsm9999.doc.htm",
			name: "2024-05-07-deputy-secretary-general-urges-shared-stewardship-of-transboundary-rivers-at-launch-of-regional",
		},
		{
			page:  "news-with-ads.html",
			title: "US pledges help for Brazil as flood toll rises",
			date:  "2024-05-12", precision: "day", from: "2024-05-12T08:30:00+01:00",
			site: "The Daily Meridian", author: "Maria Alvarez",
			url:  "https://www.dailymeridian.example/world/2024/us-pledges-help-for-brazil-as-flood-toll-rises",
			name: "2024-05-12-us-pledges-help-for-brazil-as-flood-toll-rises",
		},
		{
			// No date anywhere but a copyright line: none is invented.
			page:  "undated.html",
			title: "Joint Statement on the Northern Fisheries Dialogue",
			name:  "joint-statement-on-the-northern-fisheries-dialogue",
		},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", tt.page))
			if err != nil {
				t.Fatal(err)
			}
			a, err := extractPage(body, "", nil)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{a.Title, a.Date.ISO(), string(a.Date.Precision), a.DateFrom, a.Site, a.Author, a.URL, fileName(a)}
			want := []string{tt.title, tt.date, tt.precision, tt.from, tt.site, tt.author, tt.url, tt.name}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("title, date, precision, date from, site, author, address, name (-want +got):\n%s", diff)
			}
			file, err := markdown(a, tt.name, nil, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
			if err != nil {
				t.Fatal(err)
			}
			if diff, err := readBack(file, a); err != nil || diff != "" {
				t.Errorf("the file does not read back as extracted: %v %s", err, diff)
			}
			text := archiveText(t, file, reg)
			golden := filepath.Join("testdata", strings.TrimSuffix(tt.page, ".html")+".txt")
			if *update {
				os.WriteFile(golden, []byte(text), 0o644)
			}
			wantText, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(wantText), text); diff != "" {
				t.Errorf("the text as the archive reads it (-%s +got):\n%s", golden, diff)
			}
		})
	}
}

func TestNotAnArticle(t *testing.T) {
	body, err := os.ReadFile("testdata/not-article.html")
	if err != nil {
		t.Fatal(err)
	}
	if a, err := extractPage(body, "", nil); err != ErrNotArticle {
		t.Errorf("a page of links gave %+v, %v; want ErrNotArticle", a, err)
	}
}

// TestPrecisionOf: a date is kept to what its source gives of it, never finer.
func TestPrecisionOf(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		src  string
		date string
		want document.Precision
	}{
		{"2024-04-17T09:13:40-04:00", "2024-04-17", document.Day},
		{"7 May 2024", "2024-05-07", document.Day},
		{"May 7th, 2024", "2024-05-07", document.Day},
		{"Sun 12 May 2024 08.30 BST", "2024-05-12", document.Day},
		{"20240417", "2024-04-17", document.Day},
		{"2024-04-04", "2024-04-04", document.Day},
		{"May 2024", "2024-05-01", document.Month},
		{"2024-05", "2024-05-01", document.Month},
		{"2024/01", "2024-01-01", document.Month}, // the month's 01 is not the day's
		{"© 2024 Ministry", "2024-01-01", document.Year},
		{"Updated yesterday", "2024-05-06", ""},
	}
	for _, tt := range tests {
		if got := precisionOf(tt.src, day(tt.date)); got != tt.want {
			t.Errorf("precisionOf(%q, %s) = %q, want %q", tt.src, tt.date, got, tt.want)
		}
	}
}

// TestMarkdownReadsBack: text that Markdown or HTML would read as marks is written so that the
// archive reads it as published.
func TestMarkdownReadsBack(t *testing.T) {
	paras := []document.Paragraph{
		{Text: "A headline", Kind: document.Heading},
		{Text: "# 1 is not a heading"},
		{Text: "- 5 degrees is not an item"},
		{Text: "1. Not a list, a sentence that starts with a number."},
		{Text: "2024. The year began."},
		{Text: "> not a quotation mark"},
		{Text: "---"},
		{Text: "Tags <b>bold</b> and entities &amp; stay as printed, & so do ampersands."},
		{Text: "A link-like [text](here) and a path C:\\Users\\x and \\* an escape."},
		{Text: "A section", Kind: document.Heading},
		{Text: "An item", Kind: document.ListItem},
		{Text: "3. A numbered item", Kind: document.ListItem},
	}
	a := &Article{Title: "A headline", Paragraphs: paras}
	file, err := markdown(a, "x", []string{"news"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := document.Parse("x.md", file, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []document.Paragraph
	for _, p := range doc.Paragraphs {
		if p.Kind == document.Title {
			p.Kind = document.Heading
		}
		got = append(got, p)
	}
	if diff := cmp.Diff(paras, got); diff != "" {
		t.Errorf("read back (-written +read):\n%s\n%s", diff, file)
	}
	if doc.Date.IsZero() == false || len(doc.Tags) != 1 {
		t.Errorf("date %v tags %v: want unknown and one tag", doc.Date, doc.Tags)
	}
}

// TestMangledPages: pages cut, spliced and garbled at random (seeded) give an article or a
// reason, never a panic, and the article's file reads back as extracted, but for what only
// Markdown emphasis can mean (asterisks and underscores).
func TestMangledPages(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.html")
	r := rand.New(rand.NewPCG(17, 4))
	for range 300 {
		b, err := os.ReadFile(files[r.IntN(len(files))])
		if err != nil {
			t.Fatal(err)
		}
		for range 1 + r.IntN(20) {
			switch i, j := r.IntN(len(b)), r.IntN(len(b)); r.IntN(4) {
			case 0:
				b[i] = byte(r.IntN(256))
			case 1:
				b = append(b[:i], b[min(len(b), i+r.IntN(200)):]...)
			case 2:
				b = append(b[:max(i, j):max(i, j)], b[min(i, j):]...)
			case 3:
				b = append(b, "<div><p>*x* # 1</p><table><tr><td><ol start='99999999999'><li>a"...)
			}
			if len(b) < 16 {
				break
			}
		}
		a, err := extractPage(b, "", nil)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("%v\n%s", err, b)
			}
			continue
		}
		file, err := markdown(a, "x", nil, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		emphasis := slices.ContainsFunc(a.Paragraphs, func(p document.Paragraph) bool { return strings.ContainsAny(p.Text, "*_") })
		if diff, err := readBack(file, a); err != nil || (diff != "" && !emphasis) {
			t.Errorf("%v %s\n%s", err, diff, file)
		}
	}
}
