package handlers_test

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/readout/readout/handlers"
)

// TestUndatedArticle: an article whose original gives no date is served on every page and in
// the API without one: no invented date in its page, citation, BibTeX, JSON-LD or feed entry.
func TestUndatedArticle(t *testing.T) {
	fsys := fstest.MapFS{"undated-remarks.md": &fstest.MapFile{Data: []byte("---\ntitle: Remarks on the Mekong\ndate: unknown\nsource: Example Ministry\n---\n" +
		"“We will keep working with every partner on the river,” Secretary Blinken said.\n\nThe meeting ended at noon.\n")}}
	a, err := openArchive(fsys)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: a, PublicURL: "https://readout.example"}))
	t.Cleanup(srv.Close)

	page := get(t, srv, "/articles/undated-remarks")
	if page.status != http.StatusOK {
		t.Fatalf("/articles/undated-remarks: %d", page.status)
	}
	d := mustDoc(t, page.body)
	if got := d.Find(".meta .date").First().Text(); got != "date unknown" {
		t.Errorf("the page's date reads %q, want \"date unknown\"", got)
	}
	if d.Find(`time[datetime=""]`).Length() > 0 {
		t.Error("the page has a <time> element without a date")
	}
	if strings.Contains(page.body, `"datePublished"`) {
		t.Error("the page's JSON-LD has a datePublished")
	}

	var api struct {
		Date   string
		Quotes []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(get(t, srv, "/api/articles/undated-remarks").body), &api); err != nil {
		t.Fatal(err)
	}
	if api.Date != "" || len(api.Quotes) == 0 {
		t.Fatalf("the API gives date %q and %d quotes; want no date and a quote", api.Date, len(api.Quotes))
	}
	quote := get(t, srv, "/quotes/"+api.Quotes[0].ID)
	if quote.status != http.StatusOK || !strings.Contains(quote.body, "Example Ministry, n.d.") {
		t.Errorf("the quote's page (%d) does not cite it as undated (n.d.)", quote.status)
	}
	if strings.Contains(quote.body, "year = ") || strings.Contains(quote.body, `"dateCreated"`) {
		t.Error("the quote's BibTeX or JSON-LD gives a date")
	}

	var feed struct {
		Entries []struct {
			Updated   string `xml:"updated"`
			Published string `xml:"published"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(get(t, srv, "/feed?q=Mekong").body), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != 1 || feed.Entries[0].Published != "" || feed.Entries[0].Updated == "" {
		t.Errorf("feed entries %+v; want one, updated and not published", feed.Entries)
	}
	st, err := a.Stats()
	if err != nil {
		t.Fatal(err)
	}
	crawlAll(t, srv, st, "/search?q=Mekong", "/feed?q=Mekong")
}
