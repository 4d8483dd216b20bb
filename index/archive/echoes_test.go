package archive

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/readout/readout/seeds"
)

// TestEchoesInTheSeeds: seeds 000 and 001 report one press conference and quote one sentence of
// Blinken's in two wordings; they are linked, both ways, as variants, and nothing in the seeds
// is linked to a mere phrase.
func TestEchoesInTheSeeds(t *testing.T) {
	a := openForTest(t, seeds.FS, "")
	st, _ := a.current()
	find := func(article, words string) string {
		t.Helper()
		for _, q := range st.cat.Quotes {
			if strings.HasPrefix(st.cat.Articles[q.Article].ID, article) {
				_, art, err := a.Quote(q.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, x := range art.Quotes {
					if x.ID == q.ID && strings.Contains(x.Text, words) {
						return q.ID
					}
				}
			}
		}
		t.Fatalf("no quote of %s says %q", article, words)
		return ""
	}
	q0 := find("2021-03-24-eu-and-us", "\"us or them\" choice")
	q1 := find("2021-03-24-us-will-not", "us-or-them")
	for _, c := range [][2]string{{q0, q1}, {q1, q0}} {
		echoes, err := a.Echoes(c[0])
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range echoes {
			if e.Quote == c[1] {
				found = true
				if e.Verbatim || e.Similarity < 0.75 || e.Similarity > 1 {
					t.Errorf("%s → %s: verbatim %v, similarity %.2f; want a variant", c[0], c[1], e.Verbatim, e.Similarity)
				}
			}
		}
		if !found {
			t.Errorf("%s is not linked to %s: %+v", c[0], c[1], echoes)
		}
	}
	for _, l := range st.cat.EchoLinks() {
		q := st.cat.Quotes[l.Quote]
		_, art, _ := a.Quote(q.ID)
		t.Logf("%s %q → article %s quote %d share %.2f verbatim %v", q.ID, art.Quotes[q.Index].Text, st.cat.Articles[l.Article].ID, l.Other, l.Share, l.Verbatim)
	}
}

// BenchmarkEchoes links the same statements across the archive (echoes.go), on an index built
// once: READOUT_BENCH_DIR with READOUT_BENCH_INDEX, or the seeds.
func BenchmarkEchoes(b *testing.B) {
	var fsys fs.FS = seeds.FS
	if dir := os.Getenv("READOUT_BENCH_DIR"); dir != "" {
		fsys = os.DirFS(dir)
	}
	a := openForTest(b, fsys, os.Getenv("READOUT_BENCH_INDEX"))
	st, _ := a.current()
	b.ResetTimer()
	for b.Loop() {
		if err := a.linkEchoes(context.Background(), st.cat, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(st.cat.EchoLinks())), "links")
}

// TestEchoesUpdated: an index on disk updated in place (files added, changed, removed) links
// what a fresh build links, and a start with the archive unchanged keeps the links.
func TestEchoesUpdated(t *testing.T) {
	fixtures := fstest.MapFS{}
	entries, err := os.ReadDir("testdata/echoes")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".md") && e.Name() != "README.md" {
			b, err := os.ReadFile("testdata/echoes/" + e.Name())
			if err != nil {
				t.Fatal(err)
			}
			fixtures[e.Name()] = &fstest.MapFile{Data: b, ModTime: time.Unix(1700000000, 0)}
		}
	}
	files := fstest.MapFS{"2021-09-21-remarks.md": fixtures["2021-09-21-remarks.md"]}
	dir := filepath.Join(t.TempDir(), "index")
	steps := []struct {
		name   string
		change func()
		want   []string // "article → article" links of quotes, sorted
	}{
		{"the transcript alone", func() {}, nil},
		{"the record added", func() { files["2021-09-record.md"] = fixtures["2021-09-record.md"] }, []string{
			"2021-09-21-remarks → 2021-09-record", "2021-09-record → 2021-09-21-remarks"}},
		{"a report and an old column added", func() {
			files["2021-09-23-news.md"] = fixtures["2021-09-23-news.md"]
			files["2019-03-01-old.md"] = fixtures["2019-03-01-old.md"]
		}, []string{
			"2021-09-21-remarks → 2021-09-23-news", "2021-09-21-remarks → 2021-09-record",
			"2021-09-23-news → 2021-09-21-remarks", "2021-09-23-news → 2021-09-record",
			"2021-09-record → 2021-09-21-remarks", "2021-09-record → 2021-09-23-news"}},
		{"the record removed", func() { delete(files, "2021-09-record.md") }, []string{
			"2021-09-21-remarks → 2021-09-23-news", "2021-09-23-news → 2021-09-21-remarks"}},
		{"the report changed to say something else", func() {
			files["2021-09-23-news.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Biden at the UN\ndate: 2021-09-23\n---\nThe president said \"we must work together on climate and on health\".\n"), ModTime: time.Unix(1700000100, 0)}
		}, nil},
		{"unchanged", func() {}, nil},
	}
	links := func(a *Archive) []string {
		t.Helper()
		st, err := a.current()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, id := range mustEchoed(t, a) {
			echoes, err := a.Echoes(id)
			if err != nil {
				t.Fatal(err)
			}
			qi, _ := st.cat.ResolveQuote(id)
			for _, e := range echoes {
				if e.Quote != "" {
					out = append(out, st.cat.Articles[st.cat.Quotes[qi].Article].ID+" → "+e.Article.ID)
				}
			}
		}
		slices.Sort(out)
		return out
	}
	for _, step := range steps {
		step.change()
		a := openForTest(t, files, dir)
		fresh := openForTest(t, files, "")
		got, built := links(a), links(fresh)
		if !slices.Equal(got, step.want) {
			t.Errorf("%s: linked %q, want %q", step.name, got, step.want)
		}
		if !slices.Equal(got, built) {
			t.Errorf("%s: the index on disk links %q, a fresh build %q", step.name, got, built)
		}
		a.Close()
	}
}

func mustEchoed(t *testing.T, a *Archive) []string {
	t.Helper()
	ids, err := a.EchoedQuotes()
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestNotStatements: what is not a statement is never linked, however many texts hold it: a
// call on a reporter, a moderator's opening, words in a law that no one says, a phrase in scare
// quotes; the statement the same briefings share is (testdata/notstatements).
func TestNotStatements(t *testing.T) {
	a := openForTest(t, os.DirFS("testdata/notstatements"), "")
	st, _ := a.current()
	var linked []string
	for _, id := range mustEchoed(t, a) {
		q, _, err := a.Quote(id)
		if err != nil {
			t.Fatal(err)
		}
		linked = append(linked, q.Text)
	}
	want := func(words string) bool {
		return slices.ContainsFunc(linked, func(s string) bool { return strings.Contains(s, words) })
	}
	if !want("will travel to Brussels on Wednesday") {
		t.Errorf("the statement read again the next day is not linked; linked: %q", linked)
	}
	for _, words := range []string{"Zeke Miller", "a few words here at the top", "Articles the product", "rules-based"} {
		if want(words) {
			t.Errorf("%q is linked; it is not a statement (linked: %q)", words, linked)
		}
	}
	if len(st.cat.EchoLinks()) == 0 {
		t.Error("nothing linked")
	}
}

// TestBoilerplate: words a speaker says at every call of a year, a little differently each
// time, are boilerplate and never linked, though two of the calls are a fortnight apart; an
// answer those two share is (testdata/boilerplate).
func TestBoilerplate(t *testing.T) {
	a := openForTest(t, os.DirFS("testdata/boilerplate"), "")
	var linked []string
	for _, id := range mustEchoed(t, a) {
		q, _, err := a.Quote(id)
		if err != nil {
			t.Fatal(err)
		}
		linked = append(linked, q.Text)
	}
	has := func(words string) bool {
		return slices.ContainsFunc(linked, func(s string) bool { return strings.Contains(s, words) })
	}
	if !has("fully paid for over fifteen years") {
		t.Errorf("the answer two calls share is not linked; linked: %q", linked)
	}
	if has("One more reminder") {
		t.Errorf("a call's closing words are linked; linked: %q", linked)
	}
}

// TestRepeated: a stump passage said at two rallies is said again (Repeated), not one statement
// reported; a news report quoting it is not; one briefing filed under two dates, and a speech as
// prepared and as delivered, are copies of one occasion, whose wordings are the same statement;
// a term in quotation marks that the text gives no one is linked to nothing; and no quote lists
// a document twice (testdata/repeated).
func TestRepeated(t *testing.T) {
	a := openForTest(t, os.DirFS("testdata/repeated"), "")
	type link struct {
		article  string
		quote    bool
		repeated bool
	}
	linksOf := func(article, words string) []link {
		t.Helper()
		art, err := a.Article(article)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range art.Quotes {
			if !strings.Contains(q.Text, words) {
				continue
			}
			echoes, err := a.Echoes(q.ID)
			if err != nil {
				t.Fatal(err)
			}
			var out []link
			seen := map[string]bool{}
			for _, e := range echoes {
				if seen[e.Article.ID] {
					t.Errorf("%s: %s is listed twice: %+v", q.ID, e.Article.ID, echoes)
				}
				seen[e.Article.ID] = true
				out = append(out, link{e.Article.ID, e.Quote != "", e.Repeated})
			}
			return out
		}
		t.Fatalf("%s has no quote with %q", article, words)
		return nil
	}
	cases := []struct {
		article, words string
		want           []link
	}{
		{"2024-10-10-rally-lansing", "capped the cost of insulin", []link{
			{"2024-10-12-rally-flint", true, true},
			{"2024-10-13-news", true, false},
		}},
		{"2024-10-12-rally-flint", "capped the cost of insulin", []link{
			{"2024-10-10-rally-lansing", true, true},
			{"2024-10-13-news", true, false},
		}},
		{"2022-03-01-briefing", "travel to Brussels on Wednesday", []link{
			{"2022-03-02-briefing-filed-again", true, false},
		}},
		{"2022-03-02-briefing-filed-again", "pipeline", []link{
			{"2022-03-01-briefing", true, false},
		}},
		{"2023-05-10-summit-as-prepared", "twelve nations", []link{
			{"2023-05-10-summit-as-delivered", true, false},
		}},
		{"2023-05-10-summit-as-delivered", "clean fuel for every port", []link{
			{"2023-05-10-summit-as-prepared", true, false},
		}},
		{"2022-03-01-fact-sheet", "tactics, techniques", nil},
		// The briefing's words are the press secretary's, not the union's statement.
		{"2022-03-02-round-up", "proven track record", nil},
	}
	for _, c := range cases {
		got := linksOf(c.article, c.words)
		slices.SortFunc(got, func(x, y link) int { return strings.Compare(x.article, y.article) })
		if !slices.Equal(got, c.want) {
			t.Errorf("%s, %q: links %+v, want %+v", c.article, c.words, got, c.want)
		}
	}
}
