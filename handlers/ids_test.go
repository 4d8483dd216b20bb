package handlers_test

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/readout/readout/handlers"
)

// suffixOf is the suffix index/ids.go cuts from a file's path.
func suffixOf(path string) string {
	sum := sha256.Sum256([]byte(path))
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:]))[:6]
}

// TestSharedIDs: an id that files of different texts share answers 300 with a link to each,
// as a page and in the API; an old id of a document answers a redirect to its id of the day.
func TestSharedIDs(t *testing.T) {
	a, err := openArchive(os.DirFS("testdata/hard"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: a, PublicURL: "https://readout.example"}))
	t.Cleanup(srv.Close)
	srv.Client().CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	const kirby = "2024-07-18-on-the-record-press-gaggle-by-john-kirby"
	remarks := kirby + "--" + suffixOf("speeches-remarks/2024-07/"+kirby+".md")
	statements := kirby + "--" + suffixOf("statements-releases/2024-07/"+kirby+".md")

	r := get(t, srv, "/articles/"+kirby)
	if r.status != http.StatusMultipleChoices {
		t.Fatalf("/articles/%s: %d, want 300", kirby, r.status)
	}
	d := mustDoc(t, r.body)
	for _, id := range []string{remarks, statements} {
		if d.Find(`.choices a[href="/articles/`+id+`"]`).Length() != 1 {
			t.Errorf("the page of choices has no link to %s", id)
		}
		if got := get(t, srv, "/articles/"+id); got.status != http.StatusOK {
			t.Errorf("/articles/%s: %d", id, got.status)
		}
	}
	if !strings.Contains(d.Text(), "speeches-remarks/2024-07/"+kirby+".md") {
		t.Error("the choices do not say which file each is")
	}

	r = get(t, srv, "/api/articles/"+kirby)
	var body struct {
		Error   struct{ Status int }
		Choices []struct{ ID, Title, Date, File, URL string }
	}
	if err := json.Unmarshal([]byte(r.body), &body); err != nil || r.status != 300 || body.Error.Status != 300 || len(body.Choices) != 2 {
		t.Fatalf("/api/articles/%s: %d %s", kirby, r.status, r.body)
	}
	for _, c := range body.Choices {
		if c.URL != "/api/articles/"+c.ID || c.File == "" || c.Date != "2024-07-18" {
			t.Errorf("a choice %+v", c)
		}
	}

	// The quotes the two versions share: each version's under its own id, the plain id a choice.
	var art struct {
		Quotes []struct{ ID, Text string }
	}
	if err := json.Unmarshal([]byte(get(t, srv, "/api/articles/"+remarks).body), &art); err != nil {
		t.Fatal(err)
	}
	shared := 0
	for _, q := range art.Quotes {
		plain, suffix, ok := strings.Cut(q.ID, "-")
		if !ok {
			continue
		}
		shared++
		if suffix != remarks[len(kirby)+2:] {
			t.Errorf("quote %s of %s has another suffix", q.ID, remarks)
		}
		if r := get(t, srv, "/quotes/"+plain); r.status != 300 || mustDoc(t, r.body).Find(`.choices a[href^="/quotes/`+plain+`-"]`).Length() != 2 {
			t.Errorf("/quotes/%s: %d", plain, r.status)
		}
		if r := get(t, srv, "/quotes/"+q.ID); r.status != 200 || !strings.Contains(r.body, "Good morning") && !strings.Contains(r.body, "State Department") {
			t.Errorf("/quotes/%s: %d", q.ID, r.status)
		}
	}
	if shared == 0 {
		t.Error("no quote of the two versions is shared")
	}

	// A document filed twice is one, under its plain id; the suffix of either of its files leads
	// to it, keeping the query.
	const fact = "2025-01-22-fact-sheet-emergency-price-relief"
	for _, p := range []string{"briefings-statements/2025-01/" + fact + ".md", "fact-sheets/2025-01/" + fact + ".md"} {
		for _, route := range []string{"/articles/", "/api/articles/"} {
			r := get(t, srv, route+fact+"--"+suffixOf(p)+"?hl=relief")
			if r.status != http.StatusFound || r.header.Get("Location") != route+fact+"?hl=relief" {
				t.Errorf("%s%s--%s: %d to %q", route, fact, suffixOf(p), r.status, r.header.Get("Location"))
			}
		}
	}
	var sum struct{ Tags []string }
	if err := json.Unmarshal([]byte(get(t, srv, "/api/articles/"+fact).body), &sum); err != nil || strings.Join(sum.Tags, " ") != "briefings-statements fact-sheets" {
		t.Errorf("the tags of a document filed twice: %q (%v)", sum.Tags, err)
	}
	if r := get(t, srv, "/articles/"+fact+"--zzzzzz"); r.status != 404 {
		t.Errorf("a suffix of no file: %d", r.status)
	}
}
