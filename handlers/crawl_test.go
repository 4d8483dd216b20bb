package handlers_test

import (
	"context"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/readout/readout/crawl"
	"github.com/readout/readout/handlers"
	"github.com/readout/readout/index"
)

// TestCrawl fetches every page and API answer of the seed archive a reader or a program can
// reach, from the home page and the API's lists, through the real router: every answer must be
// UTF-8 without replaced characters, every page HTML that an HTML5 parser reads without repairs
// (crawl/check.go), every JSON and XML answer well-formed, and no internal link may answer 4xx
// or 5xx or name an anchor its page lacks. Every article, quote, actor and topic is fetched, as
// a page and from the API; searches and feeds, whose filters combine without end, are sampled.
//
// It crawls the seeds, and testdata/hard: texts that are hard to cut (a no-break space after
// every sentence, other scripts, combining marks, emoji) and to name (files of different texts
// under one id, the same text filed twice, names alike for their first 160 characters).
func TestCrawl(t *testing.T) {
	t.Run("seeds", func(t *testing.T) {
		srv := mustSeedsServer(t)
		st, err := seedsArchive.Stats()
		if err != nil {
			t.Fatal(err)
		}
		crawlAll(t, srv, st)
	})
	t.Run("hard", func(t *testing.T) {
		a, err := openArchive(os.DirFS("testdata/hard"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { a.Close() })
		st, err := a.Stats()
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Skipped) > 0 || st.Articles != 6 {
			t.Fatalf("%d articles of 7 files, skipped %v; want 6 and none", st.Articles, st.Skipped)
		}
		srv := httptest.NewServer(handlers.New(handlers.Config{Archive: a, PublicURL: "https://readout.example"}))
		t.Cleanup(srv.Close)
		rep := crawlAll(t, srv, st,
			"/search?q=Xinjiang&kind=quotes&sort=newest", "/search?q=Xinjiang", "/search?q=%E6%96%B0%E7%96%86",
			"/feed?q=Xinjiang", "/feed?q=Xinjiang&kind=quotes", "/search?q=review&kind=quotes",
			"/articles/2024-07-18-on-the-record-press-gaggle-by-john-kirby",
			"/api/articles/2024-07-18-on-the-record-press-gaggle-by-john-kirby",
		)
		// The pages listing the documents (two plain ids) and the quotes (at least one) that
		// share an id, as pages and from the API.
		if rep.Choices < 6 {
			t.Errorf("%d lists of choices checked, want 6 or more", rep.Choices)
		}
	})
}

func crawlAll(t *testing.T, srv *httptest.Server, st index.Stats, starts ...string) *crawl.Report {
	ids := []string{
		"/articles/{id}", "/api/articles/{id}", "/quotes/{id}", "/api/quotes/{id}",
		"/actors/{id}", "/api/actors/{id}", "/topics/{id}", "/api/topics/{id}",
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	rep, err := crawl.Run(ctx, crawl.Options{
		Base: srv.URL, Public: "https://readout.example", Client: srv.Client(),
		PerKind: 120, Unbounded: ids, Starts: starts,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Invalid {
		t.Errorf("invalid: %s", f)
	}
	for _, f := range rep.Broken {
		t.Errorf("broken: %s", f)
	}
	for _, f := range rep.Errors {
		t.Errorf("server error: %s", f)
	}

	want := map[string]int{
		"/articles/{id}": st.Articles, "/api/articles/{id}": st.Articles,
		"/quotes/{id}": st.Quotes, "/api/quotes/{id}": st.Quotes,
		"/actors/{id}": st.Actors, "/api/actors/{id}": st.Actors,
		"/topics/{id}": st.Topics, "/api/topics/{id}": st.Topics,
	}
	for kind, n := range want {
		if k := rep.Kind(kind); k.Fetched < n || k.Fetched != k.Found {
			t.Errorf("%s: %d fetched of %d found; the archive has %d", kind, k.Fetched, k.Found, n)
		}
	}
	for _, kind := range []string{"/", "/search", "/search?kind=quotes", "/feed", "/articles/{id}?hl", "/opensearch.xml", "/static/*"} {
		if rep.Kind(kind).Fetched == 0 {
			t.Errorf("no %s fetched", kind)
		}
	}
	t.Logf("%d answers (%d lists of choices), %d links, %d anchors, %d redirects in %s", rep.Fetched, rep.Choices, rep.Links, rep.Anchors, rep.Redirects, rep.Took.Round(time.Millisecond))
	return rep
}
