package document_test

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/readout/readout/index/document"
)

// rules is a small furniture rule set, so these tests do not depend on the seeds' registry.
type rules []*regexp.Regexp

func (r rules) IsFurniture(line string) bool {
	for _, re := range r {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

var testRules = rules{
	regexp.MustCompile(`^COMMERCIAL BREAK$`),
	regexp.MustCompile(`^SCROLL TO CONTINUE READING$`),
	regexp.MustCompile(`^Source: Read Full Article$`),
	regexp.MustCompile(`^.{8,200}\s\[(?:LIVE|VOTE)\]$`),
	regexp.MustCompile(`^<!-- -->$`),
	regexp.MustCompile(`^(?:\\?#){3}$`),
}

func mustParse(t *testing.T, name string) *document.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Parse(name, b, testRules)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return d
}

type para struct {
	Kind string
	Text string
}

func parasOf(d *document.Document) []para {
	var out []para
	for _, p := range d.Paragraphs {
		out = append(out, para{p.Kind.String(), p.Text})
	}
	return out
}

func TestParseWrappedMarkdown(t *testing.T) {
	d := mustParse(t, "wrapped.md")
	want := []para{
		{"text", "Over the past year, the Administration has continued to take action to fight hatred and violence against Muslim and Arab communities, and $5 million in grants was awarded."},
		{"text", "Improving Safety"},
		{"item", "The Department of Homeland Security (DHS), the Federal Bureau of Investigation (FBI) have completed an assessment."},
		{"item", "A second item."},
	}
	if diff := cmp.Diff(want, parasOf(d)); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	if d.ID != "wrapped" || d.Date.ISO() != "2024-10-14" || d.Date.Precision != document.Day {
		t.Errorf("id %q date %q %q", d.ID, d.Date.ISO(), d.Date.Precision)
	}
}

func TestParseLinesAsPublished(t *testing.T) {
	d := mustParse(t, "lines.md")
	want := []para{
		{"title", "Lines as published"},
		{"text", "A caption printed twice [File Photo]"},
		{"text", "The first paragraph is a long line of news text that goes well past eighty characters, as pages print it."},
		{"text", "The second paragraph, also longer than any wrapped line would be, ends the article here."},
	}
	if diff := cmp.Diff(want, parasOf(d)); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	if d.Dropped != 6 {
		t.Errorf("dropped %d lines, want 6 (repeat, 2 ad lines, 2 links, syndication footer)", d.Dropped)
	}
	if d.Date.String() != "January 2022" {
		t.Errorf("date %q, want January 2022", d.Date)
	}
}

// TestParseBroken lists files that cannot be served and the reason each gives.
func TestParseBroken(t *testing.T) {
	tests := []struct {
		name    string
		content string
		reason  string
	}{
		{"empty", "", "empty file"},
		{"no front matter", "Just text.\n", "no front matter"},
		{"unclosed front matter", "---\ntitle: x\ndate: 2021-01-01\nText\n", "not closed"},
		{"bad yaml", "---\ntitle: [unclosed\ndate: 2021-01-01\n---\nText\n", "not valid YAML"},
		{"front matter a list", "---\n- a\n- b\n---\nText\n", "not a mapping"},
		{"no date", "---\ntitle: x\n---\nText\n", "no date"},
		{"bad date", "---\ntitle: x\ndate: 24 March 2021\n---\nText\n", "not YYYY-MM-DD"},
		{"impossible date", "---\ntitle: x\ndate: 2021-02-30\n---\nText\n", "not YYYY-MM-DD"},
		{"precision finer than date", "---\ntitle: x\ndate: 2021-03\ndate_precision: day\n---\nText\n", "finer than"},
		{"unknown precision", "---\ntitle: x\ndate: 2021-03\ndate_precision: week\n---\nText\n", "not day, month or year"},
		{"precision of an unknown date", "---\ntitle: x\ndate: unknown\ndate_precision: day\n---\nText\n", "date that is unknown"},
		{"latin-1", "---\ntitle: x\ndate: 2021-01-01\n---\nCaf\xe9\n", "not UTF-8"},
		{"binary", "---\ntitle: x\ndate: 2021-01-01\n---\nA\x00B\n", "binary"},
		{"no text", "---\ntitle: x\ndate: 2021-01-01\n---\n\n  \n", "no text"},
		{"only furniture", "---\ntitle: x\ndate: 2021-01-01\n---\nCOMMERCIAL BREAK\n", "no text"},
		{"bad source url", "---\ntitle: x\ndate: 2021-01-01\nsource_url: javascript:alert(1)\n---\nText\n", "not an http(s) address"},
		{"no title, long first line", "---\ndate: 2021-01-01\n---\n" + strings.Repeat("word ", 60) + "\n", "no title"},
		{"tags not strings", "---\ntitle: x\ndate: 2021-01-01\ntags: {a: b}\n---\nText\n", "tags must be"},
		{"alias bomb", "---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: x\ndate: 2021-01-01\ntags: *g\n---\nText\n", "anchors or aliases"},
		{"too big", "---\ntitle: x\ndate: 2021-01-01\n---\n" + strings.Repeat("a", document.MaxSize), "more than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := document.Parse("x.md", []byte(tt.content), testRules)
			if err == nil {
				t.Fatalf("Parse succeeded; want an error containing %q", tt.reason)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("error %q does not contain %q", err, tt.reason)
			}
		})
	}
}

func TestParseNormalises(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []para
		title   string
		id      string
	}{
		{
			name:    "BOM and CRLF",
			content: "\xef\xbb\xbf---\r\ntitle: T\r\ndate: 2021-01-01\r\n---\r\nFirst line.\r\n",
			want:    []para{{"text", "First line."}}, title: "T", id: "x",
		},
		{
			name:    "title from first line",
			content: "---\ndate: 2021-01-01\n---\nThe headline\n\nThe text.\n",
			want:    []para{{"title", "The headline"}, {"text", "The text."}}, title: "The headline", id: "x",
		},
		{
			name:    "id from front matter, YAML-folded title with escapes",
			content: "---\nid: Chosen ID\ntitle: \"White\\_House Press Call\\\n  \\ on Trade\"\ndate: '2021-01-01'\ntags: statements\n---\nText \\* with a star.\n",
			want:    []para{{"text", "Text * with a star."}}, title: "White House Press Call on Trade", id: "chosen-id",
		},
		{
			name:    "emphasis and links",
			content: "---\ntitle: T\ndate: 2021\n---\nA **bold** and *italic* claim, 5 * 3, see [the pact](https://x.example/a_(b)) and <https://y.example>.\n",
			want:    []para{{"text", "A bold and italic claim, 5 * 3, see the pact and https://y.example."}}, title: "T", id: "x",
		},
		{
			name:    "a converter's notes of links' addresses",
			content: "---\ntitle: T\ndate: 2021\n---\nThe Quad [welcomes](https://q.example/a) \\[LINK: <https://q.example/a>\\]\nthe QUIN and the\n[inaugural](https://s3.example/a%20b.pdf) \\[LINK: [Quad\nForum (example.com)](https://s3.example/a%20b.pdf)\\] forum; the [Quad\nPrinciples](https://p.example/c) **\\[LINK: **<https://p.example/c>\\]\nprovide [LINK: https://x.example] a baseline.\n",
			want:    []para{{"text", "The Quad welcomes the QUIN and the inaugural forum; the Quad Principles provide a baseline."}}, title: "T", id: "x",
		},
		{
			name:    "strong emphasis opened inside a word",
			content: "---\ntitle: T\ndate: 2021\n---\n“It is my honor,” s**aid First Lady Jill Biden**. Then 2**3 stays.\n",
			want:    []para{{"text", "“It is my honor,” said First Lady Jill Biden. Then 2**3 stays."}}, title: "T", id: "x",
		},
		{
			name:    "no-break spaces, written or as entities, are spaces",
			content: "---\ntitle: T\ndate: 2021\n---\n**Maryland Senator Chris Van Hollen:**\u00a0“This is a big deal.”&nbsp;It is.\n",
			want:    []para{{"text", "Maryland Senator Chris Van Hollen: “This is a big deal.” It is."}}, title: "T", id: "x",
		},
		{
			name:    "accents in pieces: decomposed, or UTF-8 read as Windows-1252 once or twice",
			content: "---\ntitle: T\ndate: 2021\n---\nFrancÌ§ois, Franc\u0327ois, FranÃ§ois, FranÃ\u0083Â§ois and FranA\u0303\u0083A\u0302§ois said itâ€™s â€œfineâ€\u009d; protegÃ©s.\n",
			want:    []para{{"text", "François, François, François, François and François said it’s “fine”; protegés."}}, title: "T", id: "x",
		},
		{
			name:    "text that only looks like pieces is kept",
			content: "---\ntitle: T\ndate: 2021\n---\nSÃO PAULO — “Olá,” São Tomé’s Ç» and 5 °C; naïve café, Zürich, Łódź.\n",
			want:    []para{{"text", "SÃO PAULO — “Olá,” São Tomé’s Ç» and 5 °C; naïve café, Zürich, Łódź."}}, title: "T", id: "x",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := document.Parse("x.md", []byte(tt.content), testRules)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, parasOf(d)); diff != "" {
				t.Errorf("paragraphs (-want +got):\n%s", diff)
			}
			if d.Title != tt.title || d.ID != tt.id {
				t.Errorf("title %q id %q, want %q %q", d.Title, d.ID, tt.title, tt.id)
			}
		})
	}
}

// TestParseUnknownDate: "date: unknown" is an article the original does not date: served with the
// zero date, which prints as unknown, has no ISO form and meets no date range.
func TestParseUnknownDate(t *testing.T) {
	for _, v := range []string{"unknown", "Unknown", "'unknown'"} {
		d, err := document.Parse("x.md", []byte("---\ntitle: T\ndate: "+v+"\n---\nText.\n"), testRules)
		if err != nil {
			t.Fatalf("date: %s: %v", v, err)
		}
		if !d.Date.IsZero() || d.Date.ISO() != "" || d.Date.String() != "date unknown" || d.Date.Precision != "" {
			t.Errorf("date: %s: got %+v (ISO %q, %q)", v, d.Date, d.Date.ISO(), d.Date.String())
		}
		day := func(s string) document.Date { d, _ := document.ParseDate(s, ""); return d }
		if d.Date.Overlaps(day("2021-01-01").Start(), time.Time{}) || d.Date.Overlaps(time.Time{}, day("2021-01-01").Start()) {
			t.Errorf("an unknown date meets a range")
		}
		if !d.Date.Overlaps(time.Time{}, time.Time{}) {
			t.Errorf("an unknown date does not meet the open range")
		}
	}
}

func TestDateOverlaps(t *testing.T) {
	month, _ := document.ParseDate("2022-01", "")
	day := func(s string) document.Date { d, _ := document.ParseDate(s, ""); return d }
	tests := []struct {
		from, to string
		want     bool
	}{
		{"2022-01-06", "2022-01-06", true},
		{"2021-12-01", "2022-01-01", true},
		{"2022-01-31", "2022-03-01", true},
		{"2022-02-01", "2022-03-01", false},
		{"2021-01-01", "2021-12-31", false},
	}
	for _, tt := range tests {
		if got := month.Overlaps(day(tt.from).Start(), day(tt.to).Start()); got != tt.want {
			t.Errorf("January 2022 overlaps [%s, %s] = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}

// TestDateKept: a date survives the catalog's encoding (gob) and text, with its precision.
func TestDateKept(t *testing.T) {
	for _, s := range []string{"2022-01-06", "2022-01", "2022", "1700-01-01", ""} {
		var d document.Date
		if s != "" {
			var err error
			if d, err = document.ParseDate(s, ""); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(struct{ D document.Date }{d}); err != nil {
			t.Fatal(err)
		}
		var back struct{ D document.Date }
		if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
			t.Fatal(err)
		}
		same := func(a, b document.Date) bool { return a.Start().Equal(b.Start()) && a.Precision == b.Precision }
		if !same(back.D, d) {
			t.Errorf("%q through gob: %v (%s), want %v (%s)", s, back.D, back.D.Precision, d, d.Precision)
		}
		text, _ := d.MarshalText()
		var again document.Date
		if err := again.UnmarshalText(text); err != nil || !same(again, d) {
			t.Errorf("%q through text %q: %v, %v", s, text, again, err)
		}
	}
}
