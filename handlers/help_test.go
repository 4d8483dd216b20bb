package handlers_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestSearchHelpExamples runs every example of the help page: each finds something, on one tab
// or the other, and reads as typed.
func TestSearchHelpExamples(t *testing.T) {
	srv := mustSeedsServer(t)
	d := mustDoc(t, get(t, srv, "/search/help").body)
	links := d.Find(`[data-testid="help-examples"] dt a`)
	if links.Length() < 8 {
		t.Fatalf("%d examples on the help page", links.Length())
	}
	for i := range links.Length() {
		a := links.Eq(i)
		href, _ := a.Attr("href")
		typed := strings.TrimSpace(a.Text())
		t.Run(typed, func(t *testing.T) {
			u, err := url.Parse(href)
			if err != nil || u.Query().Get("q") != typed {
				t.Fatalf("the example %q links to %q", typed, href)
			}
			r := get(t, srv, href) // the client follows the redirect of filters typed in the box
			if r.status != 200 {
				t.Fatalf("status %d", r.status)
			}
			page := mustDoc(t, r.body)
			if n := page.Find(`[data-testid="article-result"], [data-testid="quote-card"]`).Length(); n == 0 {
				t.Errorf("%q finds nothing: %s", typed, strings.Join(strings.Fields(page.Find(".results").Text()), " "))
			}
			if page.Find(".reading .note").Length() > 0 {
				t.Errorf("%q is read with a note: %s", typed, page.Find(".reading .note").Text())
			}
		})
	}
}
