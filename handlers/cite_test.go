package handlers_test

import (
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/readout/readout/handlers"
)

// TestCitationNamesTheOriginal: a quote's citation gives its original's address, and the site
// it is on when the archive names no source; it never prints "unknown".
func TestCitationNamesTheOriginal(t *testing.T) {
	const original = "https://www.whitehouse.gov/briefing-room/statements-releases/2022/05/23/remarks/"
	fsys := fstest.MapFS{"2022-05-23-remarks.md": &fstest.MapFile{Data: []byte("---\ntitle: Remarks on the Quad\ndate: 2022-05-23\nsource_url: " + original + "\n---\n" +
		"“We will keep working with every partner in the region,” Secretary Blinken said.\n")}}
	a, err := openArchive(fsys)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: a, PublicURL: "https://readout.example"}))
	t.Cleanup(srv.Close)

	var api struct {
		Quotes []struct{ ID string }
	}
	decode(t, get(t, srv, "/api/articles/2022-05-23-remarks"), &api)
	if len(api.Quotes) == 0 {
		t.Fatal("no quote")
	}
	d := mustDoc(t, get(t, srv, "/quotes/"+api.Quotes[0].ID).body)
	cite := d.Find("#citation").Text()
	if !strings.Contains(cite, "“Remarks on the Quad,” whitehouse.gov, 23 May 2022, "+original+". Readout, ") {
		t.Errorf("citation %q lacks the original's site and address", cite)
	}
	if bib := d.Find("#bibtex").Text(); !strings.Contains(bib, "whitehouse.gov") || !strings.Contains(bib, `\url{`) {
		t.Errorf("BibTeX %q lacks the original", bib)
	}
	for _, path := range []string{"/quotes/" + api.Quotes[0].ID, "/articles/2022-05-23-remarks", "/search?q=Quad"} {
		if body := get(t, srv, path).body; strings.Contains(strings.ToLower(body), "unknown") {
			t.Errorf("%s says \"unknown\"", path)
		}
	}
}
