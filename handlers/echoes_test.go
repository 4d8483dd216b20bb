package handlers_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/readout/readout/handlers"
)

type alsoIn struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	AlsoIn []struct {
		Quote *struct {
			ID  string `json:"id"`
			URL string `json:"url"`
		} `json:"quote"`
		Article struct {
			ID     string `json:"id"`
			Title  string `json:"title"`
			Date   string `json:"date"`
			Source string `json:"source"`
		} `json:"article"`
		Match      string  `json:"match"`
		Similarity float64 `json:"similarity"`
	} `json:"also_in"`
}

// TestSameStatementElsewhere: the seeds quote one sentence of Blinken's in two wordings (seeds
// "EU and US agree to launch a dialogue on China" and "US will not ask allies to choose"): each
// quote's API answer lists the other as a variant, its page shows both wordings with the
// differences marked, and the article page marks the quote as found elsewhere.
func TestSameStatementElsewhere(t *testing.T) {
	srv := mustSeedsServer(t)
	const dialogue = "2021-03-24-eu-and-us-agree-to-launch-a-dialogue-on-china"
	quoteOf := func(article, words string) alsoIn {
		t.Helper()
		r := get(t, srv, "/api/articles/"+article)
		var art struct {
			Quotes []alsoIn `json:"quotes"`
		}
		if err := json.Unmarshal([]byte(r.body), &art); err != nil {
			t.Fatal(err)
		}
		for _, q := range art.Quotes {
			if strings.Contains(q.Text, words) {
				r := get(t, srv, "/api/quotes/"+q.ID)
				if r.status != http.StatusOK {
					t.Fatalf("/api/quotes/%s: %d", q.ID, r.status)
				}
				var full alsoIn
				if err := json.Unmarshal([]byte(r.body), &full); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(r.body, `"also_in": [`) {
					t.Errorf("/api/quotes/%s has no also_in list: %s", q.ID, r.body)
				}
				return full
			}
		}
		t.Fatalf("no quote of %s says %q", article, words)
		return alsoIn{}
	}
	a := quoteOf(dialogue, `"us or them" choice`)
	b := quoteOf(usThem, "us-or-them choice")
	for _, c := range []struct {
		from, to alsoIn
		article  string
	}{{a, b, usThem}, {b, a, dialogue}} {
		found := false
		for _, e := range c.from.AlsoIn {
			if e.Quote == nil || e.Quote.ID != c.to.ID {
				continue
			}
			found = true
			if e.Match != "variant" || e.Similarity < 0.7 || e.Similarity > 1 {
				t.Errorf("%s → %s: %s, %.2f; want a variant", c.from.ID, c.to.ID, e.Match, e.Similarity)
			}
			if e.Quote.URL != "/quotes/"+c.to.ID || e.Article.ID != c.article || e.Article.Date != "2021-03-24" || e.Article.Title == "" {
				t.Errorf("%s → %s: %+v", c.from.ID, c.to.ID, e)
			}
		}
		if !found {
			t.Errorf("%s does not list %s: %+v", c.from.ID, c.to.ID, c.from.AlsoIn)
		}
	}

	// The page: the other wording beside this one, "an" marked as added there, "won’t"
	// written otherwise.
	d := mustDoc(t, get(t, srv, "/quotes/"+b.ID).body)
	echo := d.Find(`[data-testid="echoes"] [data-testid="echo"]`)
	if echo.Length() == 0 {
		t.Fatal("the quote page lists no other wording")
	}
	if got := echo.Find(`a[href="/quotes/` + a.ID + `"]`).Length(); got != 1 {
		t.Errorf("the other wording's quote is linked %d times", got)
	}
	if got := echo.Find("figure").First().Find("del").Text(); !strings.Contains(got, "In return") {
		t.Errorf("left out there: %q, want “In return”", got)
	}
	if got := echo.Find(".respelled").First().Text(); !strings.Contains(got, "won’t") {
		t.Errorf("written otherwise: %q, want “won’t”", got)
	}

	// The article page marks both quotes as found elsewhere, linking to the list.
	for _, c := range []struct{ article, quote string }{{usThem, b.ID}, {dialogue, a.ID}} {
		d := mustDoc(t, get(t, srv, "/articles/"+c.article).body)
		if d.Find(`a.echo-mark[href="/quotes/`+url.PathEscape(c.quote)+`#h-echoes"]`).Length() != 1 {
			t.Errorf("/articles/%s does not mark quote %s as found elsewhere", c.article, c.quote)
		}
	}
}

// TestSaidAgain: on a quote's page, the speaker's own words at another rally are listed apart
// ("Said again on another occasion"), a report of them under "Also reported as"; the API tells
// them by "repeated" (index/archive/testdata/repeated).
func TestSaidAgain(t *testing.T) {
	a, err := openArchive(os.DirFS("../index/archive/testdata/repeated"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: a}))
	t.Cleanup(srv.Close)
	var art struct {
		Quotes []struct{ ID, Text string }
	}
	decode(t, get(t, srv, "/api/articles/2024-10-10-rally-lansing"), &art)
	id := ""
	for _, q := range art.Quotes {
		if strings.Contains(q.Text, "capped the cost of insulin") {
			id = q.ID
		}
	}
	if id == "" {
		t.Fatalf("no stump passage among %+v", art.Quotes)
	}
	var q struct {
		AlsoIn []struct {
			Article  struct{ ID string }
			Match    string
			Repeated bool
		} `json:"also_in"`
	}
	decode(t, get(t, srv, "/api/quotes/"+id), &q)
	repeated := map[string]bool{}
	for _, e := range q.AlsoIn {
		repeated[e.Article.ID] = e.Repeated
	}
	if len(repeated) != 2 || !repeated["2024-10-12-rally-flint"] || repeated["2024-10-13-news"] {
		t.Errorf("also_in %+v: want the other rally repeated, the report not", q.AlsoIn)
	}
	d := mustDoc(t, get(t, srv, "/quotes/"+id).body)
	for _, c := range []struct{ heading, article string }{
		{"h-repeated", "Flint"},
		{"h-reported", "In Flint, the President makes his case"},
	} {
		list := d.Find("#" + c.heading).Next()
		if !strings.Contains(list.Find(".echo-where a").Text(), c.article) || list.Find("li").Length() != 1 {
			t.Errorf("the list under #%s holds %q, want %q alone", c.heading, list.Find(".echo-where a").Text(), c.article)
		}
	}
}
