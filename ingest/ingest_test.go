package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/index/archive"
	"github.com/readout/readout/ingest/fetch"
)

// testSite serves the saved pages of testdata as a web site would, with a robots.txt, a feed
// of three of them, and pages that cannot be added.
func testSite(t *testing.T) *httptest.Server {
	t.Helper()
	page := func(name string, edit ...string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			b, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Error(err)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(strings.NewReplacer(edit...).Replace(string(b))))
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
	})
	mux.HandleFunc("/statements/sullivan", page("wh-statement.html"))
	// The same statement at another address, under another canonical address.
	mux.HandleFunc("/mirror/sullivan", page("wh-statement.html", "https://bidenwhitehouse.archives.gov/briefing-room/", "https://mirror.example/"))
	mux.HandleFunc("/briefing-room/flooding-in-brazil/", page("wh-short.html"))
	mux.HandleFunc("/statements/northern-fisheries", page("undated.html"))
	mux.HandleFunc("/briefing-room/statements-releases/2024/05/07/readout-of-president-bidens-meeting-with-president-iohannis-of-romania/", page("wh-readout.html"))
	mux.HandleFunc("/private/draft", page("wh-statement.html"))
	mux.HandleFunc("/statements", page("not-article.html"))
	mux.HandleFunc("/logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	var srv *httptest.Server
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		b, err := os.ReadFile("testdata/feed.xml")
		if err != nil {
			t.Error(err)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(strings.ReplaceAll(string(b), "{{BASE}}", srv.URL)))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func run(t *testing.T, dir string, inputs ...string) map[string]Result {
	t.Helper()
	got := map[string]Result{}
	err := Run(context.Background(), Options{
		Archive: dir, Into: "added", Tags: []string{"web"}, Rules: mustRegistry(t),
		Fetch: fetch.Options{AllowPrivate: true, Timeout: 10 * time.Second},
		Now:   func() time.Time { return time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC) },
	}, inputs, func(r Result) {
		if _, dup := got[r.Input]; dup {
			t.Errorf("%s reported twice", r.Input)
		}
		got[r.Input] = r
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestRun adds pages by address, a saved page and a feed of three items to an archive folder:
// one file each, named as the archive names files, read by the archive as they were written;
// each page that cannot be added says why, and the rest go on; a page added again is left alone,
// by its address or by its text, and no file is ever written over.
func TestRun(t *testing.T) {
	srv := testSite(t)
	dir := t.TempDir()
	// A file of another article under the name the statement will want.
	taken := filepath.Join(dir, "added", "2024-04-17-statement-by-national-security-advisor-jake-sullivan-on-the-upcoming-vote-on-reauthorization-and.md")
	os.MkdirAll(filepath.Dir(taken), 0o755)
	other := []byte("---\ntitle: Another statement\ndate: 2024-04-17\n---\nA different text.\n")
	os.WriteFile(taken, other, 0o644)

	got := run(t, dir,
		srv.URL+"/statements/sullivan",
		"testdata/news-with-ads.html",
		srv.URL+"/feed.xml",
		srv.URL+"/private/draft",
		srv.URL+"/logo.png",
		srv.URL+"/statements",
		srv.URL+"/no-such-page",
		"testdata/no-such-file.html",
		"ftp://example.org/statement.html",
	)
	want := map[string]struct {
		outcome Outcome
		file    string
		date    string
		from    string
	}{
		srv.URL + "/statements/sullivan":               {Added, "added/2024-04-17-statement-by-national-security-advisor-jake-sullivan-on-the-upcoming-vote-on-reauthorization-and-2.md", "2024-04-17", "the address"},
		"testdata/news-with-ads.html":                  {Added, "added/2024-05-12-us-pledges-help-for-brazil-as-flood-toll-rises.md", "2024-05-12", "2024-05-12T08:30:00+01:00"},
		srv.URL + "/briefing-room/flooding-in-brazil/": {Added, "added/2024-05-11-statement-from-president-joe-biden-on-the-flooding-in-brazil.md", "2024-05-11", "2024-05-11T20:47:51-04:00"},
		srv.URL + "/statements/northern-fisheries":     {Added, "added/2024-05-10-joint-statement-on-the-northern-fisheries-dialogue.md", "2024-05-10", "the feed"},
		srv.URL + "/briefing-room/statements-releases/2024/05/07/readout-of-president-bidens-meeting-with-president-iohannis-of-romania/": {Added, "added/2024-05-07-readout-of-president-biden-s-meeting-with-president-iohannis-of-romania.md", "2024-05-07", "the address"},
	}
	failures := map[string]string{
		srv.URL + "/private/draft":         "refused by robots.txt",
		srv.URL + "/logo.png":              "not an HTML page or a feed (image/png)",
		srv.URL + "/statements":            "not an article",
		srv.URL + "/no-such-page":          "404",
		"testdata/no-such-file.html":       "no such file",
		"ftp://example.org/statement.html": "only http and https",
	}
	for in, w := range want {
		r := got[in]
		if r.Outcome != w.outcome || r.File != w.file || r.Date != w.date || r.DateFrom != w.from || r.Note != "" {
			t.Errorf("%s: %+v\nwant %+v", in, r, w)
		}
	}
	for in, reason := range failures {
		if r := got[in]; r.Outcome != Failed || !strings.Contains(r.Reason, reason) {
			t.Errorf("%s: %+v; want it failed for %q", in, r, reason)
		}
	}
	if len(got) != len(want)+len(failures) {
		t.Errorf("%d results, want %d: %v", len(got), len(want)+len(failures), got)
	}
	// The feed of three items gave three files, each said to come from it.
	fromFeed := 0
	for in, r := range got {
		if r.Feed == srv.URL+"/feed.xml" && r.Outcome == Added {
			fromFeed++
		} else if r.Feed != "" {
			t.Errorf("%s: from the feed %q", in, r.Feed)
		}
	}
	if fromFeed != 3 {
		t.Errorf("%d articles added from the feed of three items", fromFeed)
	}
	if b, _ := os.ReadFile(taken); string(b) != string(other) {
		t.Error("the file that had the name was written over")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "added", "*"))
	if len(files) != 6 {
		t.Errorf("%d files in the folder, want the one there and 5 added (no temporary file left): %v", len(files), files)
	}

	// The archive serves every file as written: six articles, none skipped, ids the names.
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	a, err := archive.Open(context.Background(), archive.Options{Source: root.FS(), Registry: mustRegistry(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	st, _ := a.Stats()
	if st.Articles != 6 || len(st.Skipped) != 0 {
		t.Fatalf("the archive serves %d articles, skips %v; want 6 and none", st.Articles, st.Skipped)
	}
	art, err := a.Article("2024-05-12-us-pledges-help-for-brazil-as-flood-toll-rises")
	if err != nil {
		t.Fatal(err)
	}
	if art.Source != "The Daily Meridian" || art.URL != "https://www.dailymeridian.example/world/2024/us-pledges-help-for-brazil-as-flood-toll-rises" ||
		!slices.Equal(art.Tags, []string{"web"}) || len(art.Quotes) < 2 {
		t.Errorf("the news article: source %q, url %q, tags %v, %d quotes", art.Source, art.URL, art.Tags, len(art.Quotes))
	}

	// Again: each page is in the archive already, by its address; the mirror's copy by its text.
	again := run(t, dir, srv.URL+"/statements/sullivan", srv.URL+"/mirror/sullivan", "testdata/news-with-ads.html", srv.URL+"/feed.xml")
	for in, r := range again {
		if r.Outcome != Exists || r.File == "" {
			t.Errorf("again, %s: %+v; want it in the archive already", in, r)
		}
	}
	if r := again[srv.URL+"/mirror/sullivan"]; !strings.Contains(r.Reason, "the same text") || !strings.HasSuffix(r.File, "-and-2.md") {
		t.Errorf("the mirror's copy: %+v; want the same text as the statement", r)
	}
	if r := again[srv.URL+"/statements/sullivan"]; !strings.Contains(r.Reason, "the same address") {
		t.Errorf("the statement again: %+v; want the same address", r)
	}
	if files2, _ := filepath.Glob(filepath.Join(dir, "added", "*")); len(files2) != len(files) {
		t.Errorf("adding again wrote files: %v", files2)
	}
}

// TestRunRefusesPrivate: without the flag, an address of this machine is not fetched, and says
// how to allow it.
func TestRunRefusesPrivate(t *testing.T) {
	srv := testSite(t)
	var got []Result
	err := Run(context.Background(), Options{Archive: t.TempDir(), Rules: mustRegistry(t)}, []string{srv.URL + "/statements/sullivan"}, func(r Result) { got = append(got, r) })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Outcome != Failed || !strings.Contains(got[0].Reason, "loopback") {
		t.Errorf("%+v; want the loopback address refused", got)
	}
}

func TestRunBadOptions(t *testing.T) {
	for _, o := range []Options{
		{Archive: "/no/such/folder"},
		{Archive: t.TempDir(), Into: "../outside"},
		{Archive: t.TempDir(), Into: ".hidden"},
	} {
		if err := Run(context.Background(), o, []string{"x.html"}, func(Result) {}); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}
