package archive_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/archive"
)

func doc(fm, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\n" + body), ModTime: time.Unix(1700000000, 0)}
}

// long is a file name cut at 160 characters to the same plain id as another's.
var long = strings.Repeat("letter-to-the-speaker-on-the-continuation-of-the-national-emergency-", 3)

// collisions is an archive of every way two files can meet under one plain id.
func collisions() fstest.MapFS {
	return fstest.MapFS{
		// The same name in two folders, different texts.
		"remarks/2024-07-18-gaggle.md":    doc("title: Gaggle\ndate: 2024-07-18\ntags: remarks", "“We are working on it,” John Kirby said.\n\n“Yes,” he said.\n"),
		"statements/2024-07-18-gaggle.md": doc("title: Gaggle\ndate: 2024-07-18\ntags: statements", "“We are working on it,” John Kirby said.\n\n“No,” he said.\n"),
		// The same name, the same text: one document filed twice.
		"fact-sheets/2025-01-22-fact.md":          doc("title: 'Fact Sheet: Relief'\ndate: 2025-01-22\ntags: fact-sheets\nsource_url: https://www.whitehouse.gov/fact-sheets/x/", "Relief for families.\n"),
		"briefings-statements/2025-01-22-fact.md": doc("title: 'FACT SHEET: Relief'\ndate: 2025-01-22\ntags: [briefings-statements]\nsource_url: https://www.whitehouse.gov/briefings-statements/x/", "Relief  for\nfamilies.\n"),
		// Names alike for their first 160 characters.
		"letters/" + long + "libya.md": doc("title: Libya\ndate: 2023-02-17", "The emergency with respect to Libya continues.\n"),
		"letters/" + long + "cuba.md":  doc("title: Cuba\ndate: 2023-02-17", "The emergency with respect to Cuba continues.\n"),
		// A front matter's id that is another file's name.
		"a/readout.md": doc("title: One\ndate: 2022-01-01", "One.\n"),
		"b/other.md":   doc("id: readout\ntitle: Two\ndate: 2022-01-02", "Two.\n"),
		// Alone under its id.
		"z/alone.md": doc("title: Alone\ndate: 2021-01-01", "Alone.\n"),
	}
}

// TestIDsNeverCollide: every text in the archive is served, two texts never share an id, a text
// filed twice is one document knowing both files, and nothing is skipped.
func TestIDsNeverCollide(t *testing.T) {
	a := mustArchive(t, collisions(), "")
	st, err := a.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Skipped) != 0 {
		t.Errorf("skipped: %v", st.Skipped)
	}
	list, total, err := a.Articles(1, 100)
	if err != nil {
		t.Fatal(err)
	}
	if total != 8 {
		t.Errorf("%d articles, want 8 (9 files, one text filed twice)", total)
	}
	byTitle := map[string]index.Summary{}
	for _, s := range list {
		byTitle[s.Title+" "+s.Path] = s
		if _, err := a.Article(s.ID); err != nil {
			t.Errorf("%s: %v", s.ID, err)
		}
	}
	ids := map[string]bool{}
	for _, s := range list {
		if ids[s.ID] {
			t.Errorf("id %s twice", s.ID)
		}
		ids[s.ID] = true
	}

	// Plain ids of several texts: each text under the plain id and a suffix; the plain id names
	// them all.
	for plain, n := range map[string]int{"2024-07-18-gaggle": 2, strings.TrimSuffix(long, "-")[:160]: 2, "readout": 2} {
		_, err := a.Article(plain)
		var amb *index.AmbiguousError
		if !errors.As(err, &amb) || len(amb.Choices) != n {
			t.Errorf("%s: %v, want a choice of %d", plain, err, n)
			continue
		}
		for _, c := range amb.Choices {
			if !strings.HasPrefix(c.ID, plain+"--") || len(c.ID) != len(plain)+2+6 {
				t.Errorf("%s: a choice %s", plain, c.ID)
			}
		}
	}
	// Alone, a file keeps its plain id.
	if _, ok := byTitle["Alone z/alone.md"]; !ok || !ids["alone"] {
		t.Errorf("z/alone.md is not served as alone: %v", ids)
	}

	// The same text filed twice: one document, read from its first file (by path), knowing the
	// other and both tags.
	fact, err := a.Article("2025-01-22-fact")
	if err != nil {
		t.Fatal(err)
	}
	if fact.Path != "briefings-statements/2025-01-22-fact.md" || !slices.Equal(fact.Also, []string{"fact-sheets/2025-01-22-fact.md"}) ||
		!slices.Equal(fact.Tags, []string{"briefings-statements", "fact-sheets"}) || fact.Title != "FACT SHEET: Relief" {
		t.Errorf("merged document: path %s, also %q, tags %q, title %q", fact.Path, fact.Also, fact.Tags, fact.Title)
	}

	// Quotes of two texts under one plain id: the same words in both are two quotes, each with
	// its document's suffix, and the plain quote id names both.
	seen := map[string]string{}
	for _, s := range list {
		if !strings.HasPrefix(s.ID, "2024-07-18-gaggle--") {
			continue
		}
		art, err := a.Article(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range art.Quotes {
			if other, dup := seen[q.ID]; dup {
				t.Errorf("quote %s in %s and %s", q.ID, other, s.ID)
			}
			seen[q.ID] = s.ID
			got, in, err := a.Quote(q.ID)
			if err != nil || in.ID != s.ID || got.Text != q.Text || got.Article != s.ID {
				t.Errorf("quote %s of %s: %v", q.ID, s.ID, err)
			}
			if strings.Contains(q.Text, "working on it") {
				plain, _, _ := strings.Cut(q.ID, "-")
				var amb *index.AmbiguousError
				if _, _, err := a.Quote(plain); !errors.As(err, &amb) || !amb.Quotes || len(amb.Choices) != 2 {
					t.Errorf("the plain quote id %s: %v", plain, err)
				}
			}
		}
	}
	if len(seen) != 4 {
		t.Errorf("%d quotes in the two gaggles, want 4: %v", len(seen), seen)
	}
	res, err := a.Search(context.Background(), index.Query{Text: "working", Kind: index.KindQuotes, Page: 1, PerPage: 10})
	if err != nil || res.Total != 2 {
		t.Errorf("the shared words are found in %v quotes (%v), want 2", res.Total, err)
	}
	res, err = a.Search(context.Background(), index.Query{Text: "Libya OR Cuba", Kind: index.KindArticles, Page: 1, PerPage: 10})
	if err != nil || res.Total != 2 {
		t.Errorf("Libya OR Cuba: %v articles (%v), want 2", res.Total, err)
	}
}

// TestIDsStable: ids do not depend on the order files are listed in or on other files; a file of
// another text coming under an id takes nothing from the document that had it, whose id keeps
// leading to it; and a suffixed id keeps leading to its document when the other text goes.
func TestIDsStable(t *testing.T) {
	idsOf := func(a *archive.Archive) map[string]string { // path → id
		t.Helper()
		list, _, err := a.Articles(1, 100)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, s := range list {
			out[s.Path] = s.ID
			for _, p := range s.Also {
				out[p] = s.ID
			}
		}
		return out
	}
	files := collisions()
	before := idsOf(mustArchive(t, files, ""))

	// Other files come and go: no id changes.
	files["c/new.md"] = doc("title: New\ndate: 2026-01-01", "New.\n")
	delete(files, "z/alone.md")
	after := idsOf(mustArchive(t, files, ""))
	for p, id := range before {
		if p != "z/alone.md" && after[p] != id {
			t.Errorf("%s: %s, then %s", p, id, after[p])
		}
	}

	// A file of another text under an id that one document had.
	files["y/alone.md"] = doc("title: Alone\ndate: 2021-01-01", "Alone.\n")
	a := mustArchive(t, files, "")
	if _, err := a.Article("alone"); err != nil {
		t.Fatalf("alone: %v", err)
	}
	files["x/alone.md"] = doc("title: Another\ndate: 2021-01-02", "Another text.\n")
	a = mustArchive(t, files, "")
	var amb *index.AmbiguousError
	if _, err := a.Article("alone"); !errors.As(err, &amb) || len(amb.Choices) != 2 {
		t.Fatalf("alone with a newcomer: %v, want a choice of both", err)
	}
	ids := idsOf(a)
	old, newer := ids["y/alone.md"], ids["x/alone.md"]
	if old == newer || !strings.HasPrefix(old, "alone--") || !strings.HasPrefix(newer, "alone--") {
		t.Fatalf("ids %s and %s", old, newer)
	}
	// It goes again: the first document is "alone" again, and its suffixed id leads to it.
	delete(files, "x/alone.md")
	a = mustArchive(t, files, "")
	var moved *index.MovedError
	if _, err := a.Article(old); !errors.As(err, &moved) || moved.ID != "alone" {
		t.Errorf("%s once the other text has gone: %v, want a move to alone", old, err)
	}
	if _, err := a.Article(newer); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("%s, whose file has gone: %v", newer, err)
	}
	if _, err := a.Article("alone--zzzzzz"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("a suffix of no file: %v", err)
	}
}

// TestIDsOnDisk: an index updated in place gives the ids a fresh build gives, as files of one
// plain id come and go.
func TestIDsOnDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	files := collisions()
	view := func(a *archive.Archive) []index.Summary {
		t.Helper()
		list, _, err := a.Articles(1, 100)
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	steps := []struct {
		name   string
		change func()
	}{
		{"built", func() {}},
		{"a third text under the gaggle's id", func() {
			files["s/2024-07-18-gaggle.md"] = doc("title: Gaggle\ndate: 2024-07-18", "“Maybe,” Kirby said.\n")
		}},
		{"a copy of a merged document", func() {
			files["zz/2025-01-22-fact.md"] = doc("title: Fact\ndate: 2025-01-22\ntags: zz", "Relief for families.\n")
		}},
		{"one of two texts gone", func() { delete(files, "letters/"+long+"cuba.md") }},
		{"a text changed to another's", func() {
			files["statements/2024-07-18-gaggle.md"] = files["remarks/2024-07-18-gaggle.md"]
		}},
		{"the first file of a merged document gone", func() { delete(files, "briefings-statements/2025-01-22-fact.md") }},
	}
	current := func() string {
		b, _ := os.ReadFile(filepath.Join(dir, "CURRENT"))
		return string(b)
	}
	var first string
	for _, step := range steps {
		step.change()
		for p, f := range files {
			f.ModTime = f.ModTime.Add(time.Second) // every file looks touched; only contents tell
			files[p] = f
		}
		a, err := archive.Open(context.Background(), archive.Options{Source: files, Registry: mustRegistry(t), Path: dir})
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		if first == "" {
			first = current()
		} else if current() != first {
			t.Errorf("%s: the index was built again, not updated in place", step.name)
		}
		fresh := mustArchive(t, files, "")
		if got, want := view(a), view(fresh); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the index on disk shows\n%v\na fresh build\n%v", step.name, got, want)
		}
		for _, q := range []string{"Maybe", "Relief", "Libya", "working"} {
			r1, _ := a.Search(context.Background(), index.Query{Text: q, Kind: index.KindQuotes, Page: 1, PerPage: 10})
			r2, _ := fresh.Search(context.Background(), index.Query{Text: q, Kind: index.KindQuotes, Page: 1, PerPage: 10})
			r3, _ := a.Search(context.Background(), index.Query{Text: q, Kind: index.KindArticles, Page: 1, PerPage: 10})
			r4, _ := fresh.Search(context.Background(), index.Query{Text: q, Kind: index.KindArticles, Page: 1, PerPage: 10})
			if r1.Total != r2.Total || r3.Total != r4.Total {
				t.Errorf("%s: %q finds %d quotes and %d articles on disk, %d and %d fresh", step.name, q, r1.Total, r3.Total, r2.Total, r4.Total)
			}
		}
		a.Close()
	}
}

// TestStartupSummary: the log tells what became of every file: one line of counts (served,
// merged into a document of the same text, skipped and why), a warning for each file skipped,
// and at debug level a line for each other file.
func TestStartupSummary(t *testing.T) {
	files := collisions()
	files["broken/empty.md"] = &fstest.MapFile{}
	files["broken/no-date.md"] = doc("title: x", "Text.\n")
	files["broken/no-date-either.md"] = doc("title: y", "Text.\n")
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	a, err := archive.Open(context.Background(), archive.Options{Source: files, Registry: mustRegistry(t), Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if err := a.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	find := func(msg string) []string {
		var out []string
		for _, l := range lines {
			if strings.Contains(l, "msg="+msg+" ") || strings.Contains(l, `msg="`+msg+`"`) {
				out = append(out, l)
			}
		}
		return out
	}
	ready := find("archive ready")
	if len(ready) != 1 {
		t.Fatalf("%d summary lines:\n%s", len(ready), buf.String())
	}
	for _, want := range []string{"files=12", "served=9", "merged=1", "skipped=3", "articles=8", "suffixed=6",
		`skipped_for="no date in the front matter ×2; empty file ×1"`} {
		if !strings.Contains(ready[0], want) {
			t.Errorf("the summary has no %s: %s", want, ready[0])
		}
	}
	if got := find("skipped"); len(got) != 3 {
		t.Errorf("%d lines for skipped files, want 3:\n%s", len(got), strings.Join(got, "\n"))
	}
	merged := find("merged")
	if len(merged) != 1 || !strings.Contains(merged[0], "file=fact-sheets/2025-01-22-fact.md into=2025-01-22-fact read_from=briefings-statements/2025-01-22-fact.md") {
		t.Errorf("merged: %q", merged)
	}
	if got := find("served"); len(got) != 8 {
		t.Errorf("%d lines for files served, want 8:\n%s", len(got), strings.Join(got, "\n"))
	}
}
