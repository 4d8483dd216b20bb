package handlers_test

import (
	"context"
	"testing"
	"time"

	"github.com/readout/readout/crawl"
)

// TestCrawl fetches every page and API answer of the seed archive a reader or a program can
// reach, from the home page and the API's lists, through the real router: every answer must be
// UTF-8 without replaced characters, every page HTML that an HTML5 parser reads without repairs
// (crawl/check.go), every JSON and XML answer well-formed, and no internal link may answer 4xx
// or 5xx or name an anchor its page lacks. Every article, quote, actor and topic is fetched, as
// a page and from the API; searches and feeds, whose filters combine without end, are sampled.
func TestCrawl(t *testing.T) {
	srv := mustSeedsServer(t)
	ids := []string{
		"/articles/{id}", "/api/articles/{id}", "/quotes/{id}", "/api/quotes/{id}",
		"/actors/{id}", "/api/actors/{id}", "/topics/{id}", "/api/topics/{id}",
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	rep, err := crawl.Run(ctx, crawl.Options{
		Base: srv.URL, Public: "https://readout.example", Client: srv.Client(),
		PerKind: 120, Unbounded: ids,
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

	st, err := seedsArchive.Stats()
	if err != nil {
		t.Fatal(err)
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
	t.Logf("%d answers, %d links, %d anchors, %d redirects in %s", rep.Fetched, rep.Links, rep.Anchors, rep.Redirects, rep.Took.Round(time.Millisecond))
}
