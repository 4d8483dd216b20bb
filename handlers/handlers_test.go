package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/readout/readout/handlers"
	"github.com/readout/readout/index"
	"github.com/readout/readout/index/archive"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

var (
	seedsOnce    sync.Once
	seedsArchive *archive.Archive
	seedsErr     error
)

// mustSeedsArchive returns the seed archive, built once for all tests.
func mustSeedsArchive(t *testing.T) *archive.Archive {
	t.Helper()
	seedsOnce.Do(func() {
		seedsArchive, seedsErr = openArchive(seeds.FS)
	})
	if seedsErr != nil {
		t.Fatal(seedsErr)
	}
	return seedsArchive
}

// mustSeedsServer serves the seed archive over real HTTP.
func mustSeedsServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: mustSeedsArchive(t), PublicURL: "https://readout.example"}))
	t.Cleanup(srv.Close)
	return srv
}

func openArchive(fsys fs.FS) (*archive.Archive, error) {
	reg, err := registry.Load(fsys, seeds.FS)
	if err != nil {
		return nil, err
	}
	a, err := archive.Open(context.Background(), archive.Options{Source: fsys, Registry: reg})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return a, a.Wait(ctx)
}

type response struct {
	status int
	header http.Header
	body   string
}

func get(t *testing.T, srv *httptest.Server, path string) response {
	t.Helper()
	req, err := http.NewRequest("GET", srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

func mustDoc(t *testing.T, body string) *goquery.Document {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

const (
	usThem  = "2021-03-24-us-will-not-ask-allies-to-choose-between-us-and-them-with-china"
	defence = "2022-01-joe-biden-unveils-major-new-defence-pact-to-combat-china"
)

func TestPages(t *testing.T) {
	srv := mustSeedsServer(t)
	tests := []struct {
		path     string
		status   int
		selector string // must match at least once
		text     string // must appear in the page's text
	}{
		{"/", 200, `form[role="search"] input[name="q"]`, "Who said what"},
		{"/search?q=Quad", 200, `[data-testid="article-result"] h3 a[href^="/articles/` + usThem + `"]`, "the group of countries we call the Quad"},
		{"/search?q=Quad&kind=quotes", 200, `[data-testid="quote-card"] mark`, "Antony Blinken"},
		{"/search?actor=lloyd-austin", 200, `ul.filters a`, "Mentioned: Lloyd Austin"},
		{"/search", 200, `[data-testid="article-result"]`, "5 articles"},
		{"/search?q=zzzqqq", 200, `.empty`, "Nothing matches"},
		{"/search?q=Xinjang", 200, `[data-testid="did-you-mean"] a[href="/search?q=Xinjiang"]`, "Did you mean Xinjiang?"},
		{"/search?q=Blinkin+Taiwan&kind=quotes", 200, `[data-testid="did-you-mean"] a[href="/search?kind=quotes&q=Blinken+Taiwan"]`, "Did you mean Blinken Taiwan?"},
		{"/search?q=Xinjiang+China&kind=quotes&from=2022-01-01&to=2022-12-31", 200, `[data-testid="why-none"]`, "though 1 article does"},
		{"/search?q=China&actor=lloyd-austin&topic=taiwan&from=2021", 200, `[data-testid="clear-all"][href="/search?q=China"]`, "Clear all filters"},
		{"/search?q=China&from=2021-03-01&to=2021-12-31", 200, `input#from[type="date"][value="2021-03-01"]`, "Download"},
		{"/search?q=China&kind=quotes", 200, `a[data-testid="export-jsonl"][href="/search/export?kind=quotes&q=China&format=jsonl"]`, "the first 5,000 quotes"},
		{"/search/help", 200, `[data-testid="help-examples"] a[href^="/search?q="]`, "How to search"},
		{"/search/export", 400, `.error-page`, "format"},
		{"/search/export?format=xml", 400, `.error-page`, "must be one of"},
		{"/search/export?format=csv&from=2021-13", 400, `.error-page`, "YYYY-MM-DD"},
		{"/articles/" + usThem, 200, `span.quote[id^="q-"]`, "Antony Blinken"},
		{"/articles/" + usThem + "?hl=alliance", 200, `.body mark`, "Highlighting"},
		{"/articles/" + defence, 200, `time[datetime="2022-01"]`, "January 2022"},
		{"/actors", 200, `a[href="/actors/antony-blinken"]`, "Who speaks"},
		{"/actors/antony-blinken", 200, `[data-testid="quote-card"]`, "Secretary of State"},
		{"/topics", 200, `a[href="/topics/xinjiang"]`, "Topics"},
		{"/topics/xinjiang", 200, `[data-testid="quote-card"]`, "Who speaks on it most"},
		// Every article that names the topic, those about it first; each quote's passage that names it.
		{"/topics/taiwan", 200, `[data-testid="quote-card"] .quote-text mark`, "3 articles name it; 2 are about it"},
		{"/topics/taiwan", 200, `[data-testid="article-result"]:last-of-type [data-testid="article-tag"]`, "Mentions Taiwan"},
		{"/no/such/page", 404, `.error-page`, "Not found"},
		{"/articles/no-such-article", 404, `.error-page`, "no article with the id"},
		{"/quotes/notaquoteid", 404, `.error-page`, "no quote"},
		{"/actors/nobody-at-all", 404, `.error-page`, "no actor"},
		{"/search?q=%zz", 400, `.error-page`, "two hexadecimal digits"},
		{"/search?page=99999999999999999999", 400, `.error-page`, "whole number"},
		{"/search?sort=loudest", 400, `.error-page`, "must be one of"},
		{"/search?from=2021-02-30", 400, `.error-page`, "YYYY-MM-DD"},
		{"/search?from=2022-01-01&to=2021-01-01", 400, `.error-page`, "ends"},
		{"/search?actor=Not+An+Id", 400, `.error-page`, "lowercase letters"},
		{"/search?q=a&q=b", 400, `.error-page`, "appears 2 times"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, srv, tt.path)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d\n%.400s", r.status, tt.status, r.body)
			}
			if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			d := mustDoc(t, r.body)
			if d.Find(tt.selector).Length() == 0 {
				t.Errorf("no element matches %s", tt.selector)
			}
			if !strings.Contains(d.Text(), tt.text) {
				t.Errorf("page text lacks %q", tt.text)
			}
			if d.Find(`link[rel="search"][href="/opensearch.xml"]`).Length() != 1 {
				t.Error("no OpenSearch link")
			}
		})
	}
}

// TestQuoteLinks: every quote of an article has an anchor on its page and a page of its own
// that links back to the anchor.
func TestQuoteLinks(t *testing.T) {
	srv := mustSeedsServer(t)
	var art struct {
		Quotes []struct {
			ID       string `json:"id"`
			URL      string `json:"url"`
			Text     string `json:"text"`
			Speakers []struct{ ID, Name string }
		} `json:"quotes"`
	}
	r := get(t, srv, "/api/articles/"+usThem)
	if err := json.Unmarshal([]byte(r.body), &art); err != nil {
		t.Fatal(err)
	}
	if len(art.Quotes) < 5 {
		t.Fatalf("%d quotes", len(art.Quotes))
	}
	page := mustDoc(t, get(t, srv, "/articles/"+usThem).body)
	for _, q := range art.Quotes {
		if page.Find("#q-"+q.ID).Length() != 1 {
			t.Errorf("quote %s has no anchor on the article page", q.ID)
		}
		qr := get(t, srv, q.URL)
		if qr.status != 200 {
			t.Errorf("%s: %d", q.URL, qr.status)
			continue
		}
		d := mustDoc(t, qr.body)
		if d.Find(`a[href="/articles/`+usThem+`#q-`+q.ID+`"]`).Length() == 0 {
			t.Errorf("%s does not link to its place in the article", q.URL)
		}
		if v, _ := d.Find(`#permalink`).Attr("value"); v != "https://readout.example/quotes/"+q.ID {
			t.Errorf("%s: permalink %q", q.URL, v)
		}
		if !strings.Contains(d.Find(`#bibtex`).Text(), "@misc{readout:"+q.ID) {
			t.Errorf("%s: no BibTeX", q.URL)
		}
		if d.Find(`meta[property="og:title"]`).Length() != 1 || d.Find(`script[type="application/ld+json"]`).Length() != 1 {
			t.Errorf("%s: no Open Graph or JSON-LD", q.URL)
		}
	}
}

func TestAPIContract(t *testing.T) {
	srv := mustSeedsServer(t)
	var list struct {
		Total    int              `json:"total"`
		Articles []map[string]any `json:"articles"`
	}
	decode(t, get(t, srv, "/api/articles?per_page=2&page=1"), &list)
	if list.Total != 5 || len(list.Articles) != 2 {
		t.Fatalf("total %d, %d articles", list.Total, len(list.Articles))
	}
	for _, k := range []string{"id", "title", "date", "date_precision", "source", "url", "actors", "topics"} {
		if _, ok := list.Articles[0][k]; !ok {
			t.Errorf("article summary lacks %q", k)
		}
	}

	var art map[string]any
	decode(t, get(t, srv, "/api/articles/"+defence), &art)
	if art["date"] != "2022-01" || art["date_precision"] != "month" {
		t.Errorf("date %v %v: a month stays a month", art["date"], art["date_precision"])
	}
	if !strings.Contains(art["body"].(string), "\n\n") {
		t.Error("body paragraphs are not separated by blank lines")
	}
	quotes := art["quotes"].([]any)
	q := quotes[0].(map[string]any)
	for _, k := range []string{"id", "text", "kind", "speakers", "article", "url"} {
		if _, ok := q[k]; !ok {
			t.Errorf("quote lacks %q", k)
		}
	}
	if a := q["article"].(map[string]any); a["id"] != defence || a["title"] == "" || a["date"] != "2022-01" {
		t.Errorf("quote article %v", a)
	}

	var search struct {
		Total int `json:"total"`
		Hits  []struct {
			Article   map[string]any   `json:"article"`
			Score     float64          `json:"score"`
			Fragments []string         `json:"fragments"`
			Quotes    []map[string]any `json:"quotes"`
		} `json:"hits"`
		Facets struct {
			Actors []struct {
				ID, Name string
				Count    int
			} `json:"actors"`
			Topics []map[string]any `json:"topics"`
			Dates  []map[string]any `json:"dates"`
		} `json:"facets"`
	}
	decode(t, get(t, srv, "/api/search?q=Quad"), &search)
	if search.Total != 1 || search.Hits[0].Article["id"] != usThem || search.Hits[0].Score <= 0 {
		t.Fatalf("search Quad: %+v", search)
	}
	if !strings.Contains(strings.Join(search.Hits[0].Fragments, ""), "<mark>Quad</mark>") || len(search.Hits[0].Quotes) == 0 {
		t.Errorf("fragments %q, %d quotes", search.Hits[0].Fragments, len(search.Hits[0].Quotes))
	}
	if len(search.Facets.Actors) == 0 || search.Facets.Actors[0].Name == "" || len(search.Facets.Dates) == 0 {
		t.Errorf("facets %+v", search.Facets)
	}

	var qs struct {
		Total  int              `json:"total"`
		Quotes []map[string]any `json:"quotes"`
	}
	decode(t, get(t, srv, "/api/quotes?speaker=antony-blinken&per_page=100"), &qs)
	if qs.Total < 10 || len(qs.Quotes) != qs.Total {
		t.Errorf("Blinken's quotes: total %d, %d listed", qs.Total, len(qs.Quotes))
	}
	decode(t, get(t, srv, "/api/quotes?from=2022-01-01&to=2022-12-31"), &qs)
	for _, q := range qs.Quotes {
		if q["article"].(map[string]any)["id"] != defence {
			t.Errorf("a quote outside 2022: %v", q["article"])
		}
	}

	var actors struct {
		Actors []struct {
			ID, Name         string
			Articles, Quotes int
			Registered       bool
		} `json:"actors"`
	}
	decode(t, get(t, srv, "/api/actors"), &actors)
	found := false
	for _, a := range actors.Actors {
		if a.ID == "antony-blinken" && a.Quotes > 10 && a.Articles == 5 {
			found = true
		}
	}
	if !found {
		t.Errorf("Blinken is not listed with his counts: %+v", actors.Actors[:3])
	}
	var topics struct {
		Topics []struct {
			ID, Name         string
			Articles, Quotes int
		} `json:"topics"`
	}
	decode(t, get(t, srv, "/api/topics"), &topics)
	if len(topics.Topics) == 0 || topics.Topics[0].Articles == 0 {
		t.Errorf("topics %+v", topics.Topics)
	}
}

func decode(t *testing.T, r response, v any) {
	t.Helper()
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		t.Fatalf("%v: %.300s", err, r.body)
	}
}

func TestAPIErrors(t *testing.T) {
	srv := mustSeedsServer(t)
	tests := []struct {
		path   string
		status int
		msg    string
	}{
		{"/api/articles?per_page=101", 400, "per_page"},
		{"/api/articles?page=0", 400, "page"},
		{"/api/articles/nope", 404, "no article"},
		{"/api/search?q=" + strings.Repeat("x", 401), 400, "longer than"},
		{"/api/quotes?speaker=%ZZ", 400, "hexadecimal"},
		{"/api/nothing", 404, "no API endpoint"},
	}
	for _, tt := range tests {
		r := get(t, srv, tt.path)
		var body struct {
			Error struct {
				Status  int    `json:"status"`
				Message string `json:"message"`
			} `json:"error"`
		}
		if r.status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, r.status, tt.status)
		}
		if err := json.Unmarshal([]byte(r.body), &body); err != nil || !strings.Contains(body.Error.Message, tt.msg) {
			t.Errorf("%s: body %s, want a message containing %q", tt.path, r.body, tt.msg)
		}
	}
}

func TestFeedsAndHeaders(t *testing.T) {
	srv := mustSeedsServer(t)
	r := get(t, srv, "/feed?q=China")
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/atom+xml") || !strings.Contains(r.body, "<entry>") {
		t.Errorf("feed: %d %s %.200s", r.status, r.header.Get("Content-Type"), r.body)
	}
	r = get(t, srv, "/opensearch.xml")
	if !strings.Contains(r.body, `template="https://readout.example/search?q={searchTerms}"`) {
		t.Errorf("opensearch: %s", r.body)
	}
	r = get(t, srv, "/search?q=Quad")
	if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q", csp)
	}
	if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("Referrer-Policy") == "" {
		t.Errorf("headers %v", r.header)
	}
	if d := mustDoc(t, r.body); d.Find(`link[rel="alternate"][type="application/atom+xml"]`).Length() != 1 {
		t.Error("search page does not link its feed")
	}
	for _, p := range []string{"/healthz", "/readyz"} {
		if r := get(t, srv, p); r.status != 200 {
			t.Errorf("%s: %d", p, r.status)
		}
	}
	req, _ := http.NewRequest("HEAD", srv.URL+"/", nil)
	resp, err := srv.Client().Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("HEAD /: %v %v", resp, err)
	}
	req, _ = http.NewRequest("POST", srv.URL+"/search", nil)
	resp, err = srv.Client().Do(req)
	if err != nil || resp.StatusCode != 405 || resp.Header.Get("Allow") == "" {
		t.Errorf("POST /search: %v %v", resp, err)
	}
}

// TestEscapes serves an article whose text is markup: it must reach the page as text.
func TestEscapes(t *testing.T) {
	files := fstest.MapFS{
		"a.md": &fstest.MapFile{Data: []byte("---\ntitle: \"<script>alert(1)</script> title\"\ndate: 2021-01-01\nsource: \"<b>Source</b>\"\n---\n" +
			"“<img src=x onerror=alert(1)> is <b>bold</b>,” said Antony Blinken.\n\nText with <script>alert(2)</script> & more.\n")},
	}
	a, err := openArchive(files)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: a, PublicURL: "http://x"}))
	defer srv.Close()
	for _, p := range []string{"/articles/a", "/search?q=bold", "/search?q=bold&kind=quotes", "/api/search?q=bold", "/search?q=%3Cscript%3Ealert(3)%3C%2Fscript%3E"} {
		r := get(t, srv, p)
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>bold</b>", "<b>Source"} {
			if strings.Contains(r.body, bad) {
				t.Errorf("%s: unescaped %q in the answer", p, bad)
			}
		}
	}
}

// notReady is an archive still being indexed.
type notReady struct{ handlers.Archive }

func (notReady) Ready() bool              { return false }
func (notReady) Progress() index.Progress { return index.Progress{Done: 3, Total: 10} }
func (notReady) Stats() (index.Stats, error) {
	return index.Stats{}, index.ErrNotReady
}
func (notReady) Search(context.Context, index.Query) (*index.Results, error) {
	return nil, index.ErrNotReady
}
func (notReady) Articles(int, int) ([]index.Summary, int, error) { return nil, 0, index.ErrNotReady }

func TestIndexing(t *testing.T) {
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: notReady{}}))
	defer srv.Close()
	if r := get(t, srv, "/healthz"); r.status != 200 {
		t.Errorf("/healthz: %d", r.status)
	}
	if r := get(t, srv, "/readyz"); r.status != 503 || !strings.Contains(r.body, `"ready": false`) {
		t.Errorf("/readyz: %d %s", r.status, r.body)
	}
	r := get(t, srv, "/search?q=x")
	if r.status != 503 || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "3 of 10") {
		t.Errorf("/search while indexing: %d %q %.300s", r.status, r.header.Get("Retry-After"), r.body)
	}
	if r := get(t, srv, "/api/articles"); r.status != 503 || !strings.Contains(r.body, "indexed") {
		t.Errorf("/api/articles while indexing: %d %s", r.status, r.body)
	}
}

// TestTypedFilters: filters typed in the box become the page's filters, by a redirect within the
// site, so each has a chip that removes it.
func TestTypedFilters(t *testing.T) {
	srv := mustSeedsServer(t)
	client := *srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Get(srv.URL + "/search?q=allies+actor:borrell+from:2021-03")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || loc != "/search?actor=josep-borrell&from=2021-03-01&q=allies" {
		t.Fatalf("%d %q", resp.StatusCode, loc)
	}
	d := mustDoc(t, get(t, srv, loc).body)
	if v, _ := d.Find(`#q`).Attr("value"); v != "allies" {
		t.Errorf("the box holds %q, want the words only", v)
	}
	chip := d.Find(`ul.filters a`).First()
	if !strings.Contains(chip.Text(), "Josep Borrell") {
		t.Fatalf("chips: %q", d.Find(`ul.filters`).Text())
	}
	href, _ := chip.Attr("href")
	if strings.Contains(href, "actor=") || !strings.Contains(href, "q=allies") {
		t.Errorf("the chip's link %q does not remove the filter alone", href)
	}

	// Filters typed up to the bounds redirect to an address the server answers; past them, the
	// box's search is refused with a message, never redirected to an address refused.
	var tenTopics, tenActors strings.Builder
	for i := range 10 {
		fmt.Fprintf(&tenTopics, "topic:t%d ", i)
		fmt.Fprintf(&tenActors, "actor:someone-%d ", i)
	}
	for _, q := range []string{
		tenTopics.String() + "allies",
		tenActors.String(),
		"actor:" + strings.Repeat("a", 160),
		"source:" + strings.Repeat("s", 100),
		"actor:" + strings.Repeat("a", 161),
		tenTopics.String() + "topic:more",
		"source:" + strings.Repeat("s", 101),
	} {
		resp, err := client.Get(srv.URL + "/search?" + url.Values{"q": {q}}.Encode())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		switch resp.StatusCode {
		case http.StatusSeeOther:
			if r := get(t, srv, resp.Header.Get("Location")); r.status != 200 {
				t.Errorf("%.40s…: redirected to an address answered %d: %.200s", q, r.status, r.body)
			}
		case http.StatusBadRequest:
		default:
			t.Errorf("%.40s…: %d, want a redirect or a 400", q, resp.StatusCode)
		}
	}
}

// TestOneSearchBox: a page with a search box of its own leaves out the masthead's, so that no
// page has two boxes (the masthead's would drop the page's filters and sort).
func TestOneSearchBox(t *testing.T) {
	srv := mustSeedsServer(t)
	for _, c := range []struct{ path, box string }{
		{"/", "q-home"},
		{"/search?q=allies&actor=josep-borrell", "q"},
		{"/search?kind=quotes", "q"},
		{"/articles/" + usThem + "?hl=China", "q-top"},
		{"/actors", "q-top"},
		{"/actors/antony-blinken?topic=xinjiang", "q-actor"},
		{"/topics", "q-top"},
		{"/search?page=0", "q-top"}, // an error page: the masthead's box, to try again
	} {
		d := mustDoc(t, get(t, srv, c.path).body)
		boxes := d.Find(`input[name="q"]`)
		if id, _ := boxes.Attr("id"); boxes.Length() != 1 || id != c.box {
			t.Errorf("%s: %d search boxes, the first #%s; want one, #%s", c.path, boxes.Length(), id, c.box)
		}
	}
}

// bigCatalog is a ready archive of n articles, listed from its catalog.
type bigCatalog struct {
	handlers.Archive
	n int
}

func (bigCatalog) Ready() bool { return true }
func (b bigCatalog) Articles(page, perPage int) ([]index.Summary, int, error) {
	var out []index.Summary
	for i := (page - 1) * perPage; i < min(page*perPage, b.n); i++ {
		out = append(out, index.Summary{ID: fmt.Sprintf("a-%05d", i)})
	}
	return out, b.n, nil
}

// TestArticlesListedWhole: /api/articles pages the catalog, so an archive of more than 10,000
// articles (the bound on searches' pages) can be listed to its end.
func TestArticlesListedWhole(t *testing.T) {
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: bigCatalog{n: 10050}}))
	defer srv.Close()
	var seen int
	for page := 1; ; page++ {
		r := get(t, srv, fmt.Sprintf("/api/articles?per_page=100&page=%d", page))
		if r.status != 200 {
			t.Fatalf("page %d: %d %s", page, r.status, r.body)
		}
		var v struct {
			Total    int
			Articles []struct{ ID string }
		}
		decode(t, r, &v)
		if len(v.Articles) == 0 {
			break
		}
		if want := fmt.Sprintf("a-%05d", seen); v.Articles[0].ID != want {
			t.Fatalf("page %d starts with %s, want %s", page, v.Articles[0].ID, want)
		}
		seen += len(v.Articles)
	}
	if seen != 10050 {
		t.Errorf("listed %d of 10050 articles", seen)
	}
}

// countingArchive counts the searches that reach the archive.
type countingArchive struct {
	*archive.Archive
	searches *atomic.Int64
}

func (c countingArchive) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	c.searches.Add(1)
	return c.Archive.Search(ctx, q)
}

func TestResponseCache(t *testing.T) {
	seedsOnce.Do(func() { seedsArchive, seedsErr = openArchive(seeds.FS) })
	if seedsErr != nil {
		t.Fatal(seedsErr)
	}
	var searches atomic.Int64
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: countingArchive{seedsArchive, &searches}, PublicURL: "http://x", CacheBytes: 1 << 20}))
	defer srv.Close()
	tests := []struct {
		path   string
		status int
		cached bool // answered without searching: asked before
	}{
		{"/search?q=Quad&kind=quotes", 200, false},
		{"/search?kind=quotes&q=Quad", 200, true},              // the same search, another order
		{"/search?kind=quotes&q=Quad&utm_source=x", 200, true}, // a parameter nothing reads
		{"/search?kind=quotes&q=Quad&sort=oldest", 200, false}, // another order: another answer
		{"/search?kind=quotes&q=Quad&x=%ff", 400, true},        // refused each time, as without the cache
		{"/search?kind=quotes&q=Quad&q=Quad", 400, true},
		{"/search?sort=loudest", 400, true},
		{"/search?sort=loudest", 400, true}, // a 400 is not kept
		{"/healthz", 200, true},
	}
	var first response
	for i, tt := range tests {
		before := searches.Load()
		r := get(t, srv, tt.path)
		if r.status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, r.status, tt.status)
		}
		if searched := searches.Load() > before; searched == tt.cached {
			t.Errorf("%s: searched %v, want %v", tt.path, searched, !tt.cached)
		}
		if h := r.header.Get("X-Cache"); h != "" {
			t.Errorf("%s: X-Cache %q tells whether someone asked it before", tt.path, h)
		}
		if i == 0 {
			first = r
		}
		if i == 1 && (first.body != r.body || r.header.Get("Content-Security-Policy") == "" || r.header.Get("Content-Type") != first.header.Get("Content-Type")) {
			t.Error("the cached answer differs from the first")
		}
	}
}

// slowArchive is a ready archive whose searches wait until released.
type slowArchive struct {
	handlers.Archive
	release chan struct{}
	started chan struct{}
}

func (s slowArchive) Ready() bool { return true }
func (s slowArchive) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	s.started <- struct{}{}
	select {
	case <-s.release:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return nil, index.ErrNotFound
}

// TestOverload: past the bound on searches a request waits its turn if the queue has room, and
// gets a 503 with Retry-After when the queue is full or its wait is over; the health check and
// static files answer at once throughout.
func TestOverload(t *testing.T) {
	cases := []struct {
		name     string
		queued   int
		wait     time.Duration
		waiting  int // requests sent while the first holds the only place, and left waiting
		release  bool
		want     int  // status of the last request
		wantFast bool // the last request is answered without waiting its time out
	}{
		{"the queue is full", 1, 10 * time.Second, 1, false, 503, true},
		{"the wait is over", 1, 50 * time.Millisecond, 0, false, 503, false},
		{"no queue", -1, 10 * time.Second, 0, false, 503, true},
		{"the place comes free", 2, 10 * time.Second, 1, true, 404, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			slow := slowArchive{release: make(chan struct{}), started: make(chan struct{}, 8)}
			srv := httptest.NewServer(handlers.New(handlers.Config{Archive: slow, MaxSearches: 1, MaxQueued: c.queued, QueueWait: c.wait}))
			defer srv.Close()
			answers := make(chan int, 8)
			send := func(q string) {
				resp, err := http.Get(srv.URL + "/api/search?q=" + q)
				if err != nil {
					answers <- 0
					return
				}
				resp.Body.Close()
				answers <- resp.StatusCode
			}
			go send("first")
			<-slow.started // the first search holds the only place
			for range c.waiting {
				go send("waiting")
			}
			time.Sleep(50 * time.Millisecond) // the waiting ones are in the queue
			if c.release {
				go func() {
					time.Sleep(100 * time.Millisecond)
					close(slow.release)
				}()
			}
			start := time.Now()
			r := get(t, srv, "/api/search?q=last")
			took := time.Since(start)
			if r.status != c.want {
				t.Errorf("last request: %d, want %d (%s)", r.status, c.want, r.body)
			}
			if r.status == 503 && (r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "Too many searches")) {
				t.Errorf("a 503 without Retry-After or its message: %q %s", r.header.Get("Retry-After"), r.body)
			}
			if c.wantFast && took >= c.wait/2 {
				t.Errorf("the last request waited %s with no room in the queue", took)
			}
			if !c.wantFast && !c.release && took < c.wait {
				t.Errorf("the last request was refused after %s, before its wait of %s", took, c.wait)
			}
			if r := get(t, srv, "/healthz"); r.status != 200 {
				t.Errorf("/healthz under load: %d", r.status)
			}
			if r := get(t, srv, "/static/style.css"); r.status != 200 {
				t.Errorf("static file under load: %d", r.status)
			}
			if !c.release {
				close(slow.release)
			}
			for range 1 + c.waiting {
				if status := <-answers; status != 404 {
					t.Errorf("an earlier request ended with %d, not the archive's answer", status)
				}
			}
		})
	}
}

// TestCancelled: a request whose client has gone is not answered with an empty 200.
func TestCancelled(t *testing.T) {
	seedsOnce.Do(func() { seedsArchive, seedsErr = openArchive(seeds.FS) })
	if seedsErr != nil {
		t.Fatal(seedsErr)
	}
	var logs bytes.Buffer
	h := handlers.New(handlers.Config{Archive: seedsArchive, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	for _, path := range []string{"/search?q=China", "/api/search?q=China"} {
		logs.Reset()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		req := httptest.NewRequestWithContext(ctx, "GET", path, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code == 200 && rec.Body.Len() == 0 {
			t.Errorf("%s: an empty 200", path)
		}
		// The log tells a client that left from a failure of ours.
		if !strings.Contains(logs.String(), "client_gone=true") || strings.Contains(logs.String(), "level=ERROR") {
			t.Errorf("%s: the log does not say the client had gone, or logs an error:\n%s", path, logs.String())
		}
	}
}

// TestChangedFiles changes, removes and replaces article files while the server runs: each
// page of one gives its indexed copy, a 404 or a 410, never a 5xx, and pages that list it
// (searches, feeds, actors) still answer.
func TestChangedFiles(t *testing.T) {
	dir := t.TempDir()
	article := func(id, extra string) string {
		return "---\ntitle: Article " + id + "\ndate: 2024-01-0" + id[len(id)-1:] + "\n" + extra + "---\n" +
			"“The alliance is strong,” Antony Blinken said of the " + id + " talks.\n\n“We stand together,” he added.\n"
	}
	names := []string{"a1", "a2", "a3", "a4", "a5", "a6", "a7"}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n+".md"), []byte(article(n, "")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	// The quotes' ids, from an archive of its own: the served one has read no article yet,
	// so none is in its cache of articles (a copy there would be served, as indexed).
	quoteOf := map[string]string{}
	{
		a, err := openArchive(root.FS())
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			art, err := a.Article(n)
			if err != nil || len(art.Quotes) == 0 {
				t.Fatalf("%s: %v", n, err)
			}
			quoteOf[n] = art.Quotes[0].ID
		}
		a.Close()
	}
	a, err := openArchive(root.FS())
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: a, PublicURL: "http://x"}))
	defer srv.Close()

	p := func(n string) string { return filepath.Join(dir, n+".md") }
	changes := []struct {
		name   string
		change func(path string) error
		want   int
	}{
		{"a1", func(string) error { return nil }, 200},
		{"a2", os.Remove, 410},
		{"a3", func(p string) error { return os.WriteFile(p, nil, 0o644) }, 410},
		{"a4", func(p string) error { return os.WriteFile(p, []byte(article("a4", "")+"A new paragraph.\n"), 0o644) }, 410},
		{"a5", func(p string) error { return os.WriteFile(p, []byte(article("a5", "id: another\n")), 0o644) }, 410},
		{"a6", func(p string) error { return os.WriteFile(p, bytes.Repeat([]byte("x"), 3<<20), 0o644) }, 410},
		{"a7", func(p string) error { os.Remove(p); return syscall.Mkfifo(p, 0o644) }, 410},
	}
	for _, c := range changes {
		if err := c.change(p(c.name)); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range changes {
		for _, path := range []string{"/articles/" + c.name, "/api/articles/" + c.name, "/quotes/" + quoteOf[c.name], "/api/quotes/" + quoteOf[c.name]} {
			if r := get(t, srv, path); r.status != c.want {
				t.Errorf("%s: %d, want %d\n%.300s", path, r.status, c.want, r.body)
			}
		}
	}
	for _, path := range []string{"/search?q=alliance", "/search?q=alliance&kind=quotes", "/api/search?q=talks", "/api/quotes?q=together", "/feed?q=alliance", "/actors/antony-blinken", "/", "/api/articles"} {
		if r := get(t, srv, path); r.status != 200 {
			t.Errorf("%s: %d, want 200\n%.300s", path, r.status, r.body)
		}
	}
}

// failingArchive is a ready archive whose searches fail with err.
type failingArchive struct {
	handlers.Archive
	err error
}

func (failingArchive) Ready() bool { return true }
func (f failingArchive) Search(context.Context, index.Query) (*index.Results, error) {
	return nil, f.err
}

// TestSearchFailures: how the archive's refusals reach the reader, as a page and as JSON.
func TestSearchFailures(t *testing.T) {
	tests := []struct {
		err    error
		status int
		msg    string
	}{
		{index.ErrBusy, 503, "a few at a time"},
		{&index.QueryError{Msg: "this search has too many phrases of very common words"}, 400, "too many phrases"},
		{fmt.Errorf("search: %w", context.DeadlineExceeded), 503, "took too long"},
		{index.ErrGone, 410, "changed or removed"},
	}
	for _, tt := range tests {
		var logs bytes.Buffer
		srv := httptest.NewServer(handlers.New(handlers.Config{Archive: failingArchive{err: tt.err}, Logger: slog.New(slog.NewTextHandler(&logs, nil))}))
		for _, path := range []string{"/search?q=%22of+the%22", "/api/search?q=%22of+the%22"} {
			r := get(t, srv, path)
			if r.status != tt.status || !strings.Contains(r.body, tt.msg) {
				t.Errorf("%v: %s: %d, want %d with %q\n%.300s", tt.err, path, r.status, tt.status, tt.msg, r.body)
			}
			if r.status == 503 && r.header.Get("Retry-After") == "" {
				t.Errorf("%v: %s: a 503 without Retry-After", tt.err, path)
			}
		}
		if strings.Contains(logs.String(), "level=ERROR") {
			t.Errorf("%v: logged as an error of ours:\n%s", tt.err, logs.String())
		}
		srv.Close()
	}
}

// TestNamesAndProcedural: a name typed among the words of a search of quotes is a chip that
// leads to the words read plainly; the articles tab offers the quotes; the switch for
// procedural turns keeps the search.
func TestNamesAndProcedural(t *testing.T) {
	srv := mustSeedsServer(t)
	r := get(t, srv, "/search?kind=quotes&q=Antony+Blinken+China")
	if r.status != 200 {
		t.Fatalf("status %d", r.status)
	}
	d := mustDoc(t, r.body)
	chip := d.Find(`ul.filters a`).FilterFunction(func(_ int, s *goquery.Selection) bool { return strings.Contains(s.Text(), "Speaker: Antony Blinken") })
	if chip.Length() != 1 {
		t.Fatalf("no chip for Antony Blinken:\n%s", d.Find("ul.filters").Text())
	}
	if href, _ := chip.Attr("href"); !strings.Contains(href, "literal=1") || strings.Contains(href, "actor=") {
		t.Errorf("the chip leads to %q, want the words read plainly", href)
	}
	if sw := d.Find(`[data-testid="procedural"]`); sw.Length() != 1 || sw.AttrOr("aria-checked", "") != "false" || !strings.Contains(sw.AttrOr("href", ""), "procedural=1") {
		t.Errorf("procedural switch: %d, %q", sw.Length(), sw.AttrOr("href", ""))
	}
	lit := mustDoc(t, get(t, srv, "/search?kind=quotes&q=Antony+Blinken+China&literal=1").body)
	if strings.Contains(lit.Find("ul.filters").Text(), "Antony Blinken") {
		t.Error("literal=1 still reads the name as who speaks")
	}
	art := mustDoc(t, get(t, srv, "/search?q=Antony+Blinken+China").body)
	if offer := art.Find(`[data-testid="offer"]`); offer.Length() != 1 || !strings.Contains(offer.Text(), "Quotes by Antony Blinken about “China”") {
		t.Errorf("articles tab offers %q", offer.Text())
	}
}
