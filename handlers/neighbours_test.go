package handlers_test

import (
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/readout/readout/handlers"
)

// TestNeighbours: beside a statement, other governments' statements on its subject within a
// week, on the article page, the quote page and in the API; not a government's own, nor one
// weeks away.
func TestNeighbours(t *testing.T) {
	doc := func(title, date, text string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: " + date + "\n---\n" + text + "\n")}
	}
	fsys := fstest.MapFS{
		"2022-08-02-us.md":      doc("Statement on Taiwan", "2022-08-02", "“We will keep the peace across the Taiwan Strait,” Secretary Blinken said."),
		"2022-08-03-china.md":   doc("Remarks on Taiwan", "2022-08-03", "“Taiwan is an inalienable part of China,” Xi Jinping said."),
		"2022-08-04-us.md":      doc("Another statement on Taiwan", "2022-08-04", "“Our policy on Taiwan has not changed,” Secretary Blinken said."),
		"2022-08-30-china.md":   doc("Later remarks on Taiwan", "2022-08-30", "“Taiwan will be reunified,” Xi Jinping said."),
		"2022-08-03-weather.md": doc("Rain in Washington", "2022-08-03", "“It will rain all week,” Secretary Blinken said."),
	}
	a, err := openArchive(fsys)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: a}))
	t.Cleanup(srv.Close)

	var api struct {
		Quotes     []struct{ ID string }
		Neighbours []struct {
			Article struct{ ID string }
			Topics  []string
			Days    int
		}
	}
	decode(t, get(t, srv, "/api/articles/2022-08-02-us"), &api)
	if len(api.Neighbours) != 1 || api.Neighbours[0].Article.ID != "2022-08-03-china" || api.Neighbours[0].Days != 1 || !slices.Contains(api.Neighbours[0].Topics, "taiwan") {
		t.Fatalf("neighbours %+v, want China's remarks of the next day on Taiwan alone", api.Neighbours)
	}
	for _, path := range []string{"/articles/2022-08-02-us", "/quotes/" + api.Quotes[0].ID} {
		d := mustDoc(t, get(t, srv, path).body)
		links := d.Find("[data-testid=neighbours] a")
		if links.Length() != 1 || links.AttrOr("href", "") != "/articles/2022-08-03-china" {
			t.Errorf("%s: %d neighbours shown, want the one", path, links.Length())
		}
		if meta := d.Find("[data-testid=neighbours] .meta").Text(); !strings.Contains(meta, "1 day apart") || !strings.Contains(meta, "Taiwan") {
			t.Errorf("%s: the neighbour's line %q does not say when and on what", path, meta)
		}
	}
	decode(t, get(t, srv, "/api/articles/2022-08-03-weather"), &api)
	if len(api.Neighbours) != 0 {
		t.Errorf("a statement about no topic has neighbours: %+v", api.Neighbours)
	}
}
