package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/readout/readout/handlers"
	"github.com/readout/readout/index"
)

// rowsOf returns the list of actors' rows as the page shows them: rank, name, kind.
func rowsOf(d *goquery.Document) (ranks []int, names, kinds []string) {
	d.Find(`[data-testid="actor-table"] tbody tr`).Each(func(_ int, tr *goquery.Selection) {
		n, _ := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(tr.Find("td").First().Text()), ",", ""))
		ranks = append(ranks, n)
		names = append(names, strings.TrimSpace(tr.Find("th a").Text()))
		kinds = append(kinds, strings.TrimSpace(tr.Find("td").Eq(1).Text()))
	})
	return
}

// TestActorsPage: the list of actors found by name, narrowed by kind and initial, sorted and
// paged; its rows read in rank order.
func TestActorsPage(t *testing.T) {
	srv := mustSeedsServer(t)
	tests := []struct {
		path    string
		names   []string // the rows' names, in order, when given
		first   string   // the first row's name, when given
		kind    string   // every row's kind, when given
		caption string   // in the table's caption
		empty   string   // the message of an empty list, when the list is empty
	}{
		{path: "/actors", first: "Antony Blinken", caption: "43 actors, most quoted first"},
		{path: "/actors?name=blinken", names: []string{"Antony Blinken"}, caption: "1 actor named “blinken”"},
		{path: "/actors?name=BL%C3%8DNKEN", names: []string{"Antony Blinken"}},
		{path: "/actors?name=antony+bl", names: []string{"Antony Blinken"}},
		{path: "/actors?name=wang", names: []string{"Wang Junzheng", "Wang Mingshan", "Wang Yi"}},
		{path: "/actors?kind=state", first: "United States", kind: "State", caption: "15 states, most quoted first"},
		{path: "/actors?kind=country", first: "United States", kind: "State"},
		{path: "/actors?kind=person&sort=name", first: "Lloyd Austin", kind: "Person", caption: "by name"},
		{path: "/actors?letter=W&sort=name", names: []string{"Wang Junzheng", "Wang Mingshan", "Wang Yi", "White House"}, caption: "listed under W, by name"},
		{path: "/actors?letter=x", names: []string{"Xi Jinping"}},
		{path: "/actors?per_page=2&page=2", names: []string{"United States", "Japan"}, caption: "Actors 3–4 of 43"},
		{path: "/actors?name=zzzq", empty: "No actor named “zzzq”."},
		{path: "/actors?name=blinken&letter=w", empty: "No actor named “blinken”, listed under W."},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, srv, tt.path)
			if r.status != 200 {
				t.Fatalf("status %d\n%.400s", r.status, r.body)
			}
			d := mustDoc(t, r.body)
			ranks, names, kinds := rowsOf(d)
			if tt.empty != "" {
				if len(names) != 0 {
					t.Errorf("rows %q, want none", names)
				}
				if got := strings.Join(strings.Fields(d.Find(`[data-testid="empty"]`).Text()), " "); !strings.Contains(got, tt.empty) {
					t.Errorf("empty list says %q, want %q", got, tt.empty)
				}
				return
			}
			if len(names) == 0 {
				t.Fatal("no rows")
			}
			if tt.names != nil && !slices.Equal(names, tt.names) {
				t.Errorf("rows %q, want %q", names, tt.names)
			}
			if tt.first != "" && names[0] != tt.first {
				t.Errorf("first row %q, want %q", names[0], tt.first)
			}
			for i, k := range kinds {
				if tt.kind != "" && k != tt.kind {
					t.Errorf("%s is a %q, want %q", names[i], k, tt.kind)
				}
			}
			// Most quoted first, the ranks read down the table in order.
			if !strings.Contains(tt.path, "sort=name") && !slices.IsSorted(ranks) {
				t.Errorf("ranks %v do not read in order", ranks)
			}
			if got := d.Find("caption").Text(); !strings.Contains(got, tt.caption) {
				t.Errorf("caption %q lacks %q", got, tt.caption)
			}
		})
	}
}

// TestActorsSwitches: the kinds, the letters and the orders are links that keep the other
// choices, and the name form keeps the kind and the order but not the letter.
func TestActorsSwitches(t *testing.T) {
	srv := mustSeedsServer(t)
	d := mustDoc(t, get(t, srv, "/actors?name=w&kind=person&letter=w&sort=name").body)
	links := map[string]url.Values{}
	d.Find(`nav.kinds a, nav.letters a, p.sorts a`).Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := url.Parse(href)
		if err != nil || u.Path != "/actors" {
			t.Errorf("link %q", href)
			return
		}
		links[strings.Join(strings.Fields(a.Text()), " ")] = u.Query()
	})
	for label, want := range map[string]string{
		"All 4":             "letter=w&name=w&sort=name",
		"People 3":          "kind=person&letter=w&name=w&sort=name",
		"Organisations 1":   "kind=organisation&letter=w&name=w&sort=name",
		"W":                 "kind=person&letter=w&name=w&sort=name",
		"Most quoted":       "kind=person&letter=w&name=w",
		"Clear the filters": "sort=name",
	} {
		if got, ok := links[label]; !ok || got.Encode() != want {
			t.Errorf("%q links to %q, want %q (links: %v)", label, got.Encode(), want, links)
		}
	}
	if d.Find(`nav.letters span.none`).Length() < 20 {
		t.Error("letters with no actor are links")
	}
	var hidden []string
	d.Find(`form.actor-filter input[type="hidden"]`).Each(func(_ int, in *goquery.Selection) {
		n, _ := in.Attr("name")
		v, _ := in.Attr("value")
		hidden = append(hidden, n+"="+v)
	})
	if !slices.Equal(hidden, []string{"kind=person", "sort=name"}) {
		t.Errorf("the name form keeps %q", hidden)
	}
	if v, _ := d.Find(`#actor-name`).Attr("value"); v != "w" {
		t.Errorf("the name box holds %q", v)
	}
}

// TestAPIActors: /api/actors takes the page's parameters and says how many match, in how many
// pages, with the counts of each kind and initial.
func TestAPIActors(t *testing.T) {
	srv := mustSeedsServer(t)
	type actor struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		Kind   string `json:"kind"`
		Quotes int    `json:"quotes"`
		Rank   int    `json:"rank"`
	}
	type facet struct {
		ID    string `json:"id"`
		Count int    `json:"count"`
	}
	type list struct {
		Total   int     `json:"total"`
		All     int     `json:"all"`
		Page    int     `json:"page"`
		PerPage int     `json:"per_page"`
		Pages   int     `json:"pages"`
		Actors  []actor `json:"actors"`
		Kinds   []facet `json:"kinds"`
		Letters []facet `json:"letters"`
	}
	var all list
	decode(t, get(t, srv, "/api/actors?per_page=100"), &all)
	if all.Total != 43 || all.All != 43 || len(all.Actors) != 43 || all.Pages != 1 {
		t.Fatalf("%d of %d in %d pages, %d listed", all.Total, all.All, all.Pages, len(all.Actors))
	}
	for i, a := range all.Actors {
		if a.Rank != i+1 || i > 0 && a.Quotes > all.Actors[i-1].Quotes {
			t.Errorf("%s: rank %d at %d with %d quotes", a.ID, a.Rank, i+1, a.Quotes)
		}
	}
	sum := 0
	for _, k := range all.Kinds {
		sum += k.Count
	}
	if sum != 43 {
		t.Errorf("kinds count %d actors: %+v", sum, all.Kinds)
	}

	var page list
	decode(t, get(t, srv, "/api/actors"), &page)
	if page.PerPage != 20 || page.Pages != 3 || len(page.Actors) != 20 || page.Total != 43 {
		t.Errorf("the first page: %d a page, %d pages, %d listed of %d", page.PerPage, page.Pages, len(page.Actors), page.Total)
	}
	decode(t, get(t, srv, "/api/actors?page=3"), &page)
	if page.Page != 3 || len(page.Actors) != 3 || page.Actors[0].Rank != 41 {
		t.Errorf("the last page: page %d, %d listed from rank %d", page.Page, len(page.Actors), page.Actors[0].Rank)
	}
	decode(t, get(t, srv, "/api/actors?page=4"), &page)
	if page.Total != 43 || len(page.Actors) != 0 {
		t.Errorf("past the end: %d listed of %d", len(page.Actors), page.Total)
	}

	var found list
	decode(t, get(t, srv, "/api/actors?name=psaki"), &found)
	if found.Total != 0 || found.Actors == nil || found.Kinds == nil || found.Letters == nil {
		t.Errorf("nobody found: %+v (lists must be [], not null)", found)
	}
	decode(t, get(t, srv, "/api/actors?name=yi&kind=person"), &found)
	if found.Total != 1 || found.Actors[0].ID != "wang-yi" || found.Actors[0].Rank == 0 {
		t.Errorf("yi: %+v", found)
	}
	decode(t, get(t, srv, "/api/actors?kind=country&sort=name&per_page=3"), &found)
	var ids []string
	for _, a := range found.Actors {
		ids = append(ids, a.ID)
	}
	if !slices.Equal(ids, []string{"australia", "belgium", "canada"}) || found.Total != 15 {
		t.Errorf("states by name: %q of %d", ids, found.Total)
	}
	for _, a := range found.Actors {
		if a.Kind != "state" {
			t.Errorf("%s: kind %q, want state, as the contract names it", a.ID, a.Kind)
		}
	}
}

// TestActorPage: an actor's page lists their roles with their dates, searches within their
// quotes and narrows them, each filter with a chip that removes it.
func TestActorPage(t *testing.T) {
	srv := mustSeedsServer(t)
	tests := []struct {
		path    string
		heading string   // the list's heading
		chips   []string // the active filters
		check   func(t *testing.T, d *goquery.Document)
	}{
		{path: "/actors/antony-blinken", heading: "Quotes 1–10 of 31, newest first", check: func(t *testing.T, d *goquery.Document) {
			if got := strings.Join(strings.Fields(d.Find(`[data-testid="roles"]`).Text()), " "); !strings.Contains(got, "Secretary of State 26 January 2021") {
				t.Errorf("roles: %q", got)
			}
			if action, _ := d.Find(`form.actor-search`).Attr("action"); action != "/actors/antony-blinken" {
				t.Errorf("the search box sends to %q", action)
			}
			if got := d.Find(`[data-testid="quote-card"] figcaption`).First().Text(); !strings.Contains(got, "Antony Blinken, U.S. Secretary of State") {
				t.Errorf("a card's speaker: %q", got)
			}
			if n := d.Find(`.pager a`).Length(); n < 3 {
				t.Errorf("%d links to pages", n)
			}
		}},
		{path: "/actors/antony-blinken?q=China", heading: "best match first", chips: []string{"Words: China"}, check: func(t *testing.T, d *goquery.Document) {
			d.Find(`[data-testid="quote-card"]`).Each(func(_ int, c *goquery.Selection) {
				if c.Find("mark").Length() == 0 {
					t.Errorf("a card without China marked: %q", c.Find("blockquote").Text())
				}
			})
			if v, _ := d.Find(`#q-actor`).Attr("value"); v != "China" {
				t.Errorf("the box holds %q", v)
			}
			if href, _ := d.Find(`a[href^="/search"]:contains("everyone")`).Attr("href"); href != "/search?kind=quotes&q=China" {
				t.Errorf("the link to everyone's quotes: %q", href)
			}
		}},
		{path: "/actors/antony-blinken?full=1&sort=oldest", heading: "oldest first", chips: []string{"Full quotes only"}, check: func(t *testing.T, d *goquery.Document) {
			if d.Find(`[data-testid="quote-card"].kind-fragment`).Length() > 0 {
				t.Error("a fragment is listed")
			}
			if _, ok := d.Find(`#full-actor`).Attr("checked"); !ok {
				t.Error("the switch is not ticked")
			}
		}},
		{path: "/actors/antony-blinken?from=2021&to=2021", chips: []string{"When: 2021"}, check: func(t *testing.T, d *goquery.Document) {
			if got := d.Find(`#h-when ~ ul.chips a`).First().Text(); !strings.Contains(got, "2021") || !strings.Contains(d.Find(`#h-when ~ .up`).Text(), "All years") {
				t.Errorf("within a year, its months: %q", got)
			}
		}},
		{path: "/actors/antony-blinken?topic=xinjiang", chips: []string{"Topic: Xinjiang"}},
		{path: "/actors/antony-blinken?q=zzzqqq", heading: "No quotes", chips: []string{"Words: zzzqqq"}, check: func(t *testing.T, d *goquery.Document) {
			if got := d.Find(`[data-testid="empty"]`).Text(); !strings.Contains(got, "None of Antony Blinken’s quotes match all of that.") || !strings.Contains(got, "all of their quotes") {
				t.Errorf("empty: %q", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, srv, tt.path)
			if r.status != 200 {
				t.Fatalf("status %d\n%.400s", r.status, r.body)
			}
			d := mustDoc(t, r.body)
			if got := d.Find(`#h-their-quotes`).Text(); !strings.Contains(got, tt.heading) {
				t.Errorf("heading %q, want %q", got, tt.heading)
			}
			var chips []string
			d.Find(`ul.filters a`).Each(func(_ int, a *goquery.Selection) {
				label, _, _ := strings.Cut(strings.Join(strings.Fields(a.Text()), " "), " ×")
				chips = append(chips, label)
				// The only filter's chip leads to the page without filters, in the same order.
				if href, _ := a.Attr("href"); len(tt.chips) == 1 && strings.ContainsAny(strings.TrimPrefix(href, "/actors/antony-blinken?sort=oldest"), "?&") {
					t.Errorf("the only chip leads to %q", href)
				}
			})
			if !slices.Equal(chips, tt.chips) {
				t.Errorf("chips %q, want %q", chips, tt.chips)
			}
			if tt.check != nil {
				tt.check(t, d)
			}
		})
	}
}

// TestActorPageTypedFilters: filters typed in an actor's box stay on the page when they are
// topics or dates, and make a search of everyone's quotes when they name another actor.
func TestActorPageTypedFilters(t *testing.T) {
	srv := mustSeedsServer(t)
	client := *srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for _, c := range []struct{ q, want string }{
		{"China+topic:xinjiang", "/actors/antony-blinken?q=China&topic=xinjiang"},
		{"from:2021-03+allies", "/actors/antony-blinken?from=2021-03-01&q=allies"},
		{"actor:blinken+allies", "/actors/antony-blinken?q=allies"},
		{"actor:austin+allies", "/search?actor=antony-blinken&actor=lloyd-austin&kind=quotes&q=allies"},
	} {
		resp, err := client.Get(srv.URL + "/actors/antony-blinken?q=" + c.q)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != c.want {
			t.Errorf("q=%s: %d %q, want 303 %q", c.q, resp.StatusCode, loc, c.want)
		}
	}
}

// manyQuotes is an archive whose one actor has more quotes than a list reaches: 18,222, 12,907
// of them in 2021. Its other answers are the seeds'.
type manyQuotes struct {
	handlers.Archive
	asked []index.Query
}

func (m *manyQuotes) Actor(id string) (*index.ActorInfo, error) {
	if id != "jen-psaki" {
		return nil, index.ErrNotFound
	}
	return &index.ActorInfo{ID: id, Name: "Jen Psaki", Kind: "person", Registered: true, Quotes: 18222, Articles: 395}, nil
}

func (m *manyQuotes) Search(_ context.Context, q index.Query) (*index.Results, error) {
	m.asked = append(m.asked, q)
	res := &index.Results{Query: q, Total: 18222, QuoteCount: 18222, Facets: index.Facets{DateLevel: "year"}}
	year := func(y, n int) index.DateBucket {
		from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return index.DateBucket{Label: strconv.Itoa(y), From: from, To: from.AddDate(1, 0, -1), Count: n}
	}
	res.Facets.Dates = []index.DateBucket{year(2020, 0), year(2021, 12907), year(2022, 5315)}
	for i := range min(q.PerPage, 3) {
		res.QuoteHits = append(res.QuoteHits, index.QuoteHit{Quote: index.Quote{
			ID: fmt.Sprintf("aaaaaaaaaaaaa%c", 'a'+i), Article: "a", Text: "Words.", Kind: "full",
			Speakers: []index.Speaker{{ID: "jen-psaki", Name: "Jen Psaki", Role: "White House Press Secretary"}},
		}})
	}
	return res, nil
}

func (m *manyQuotes) Monthly(string, string) ([]index.MonthCount, error) { return nil, nil }

// TestEveryQuoteReachable: where the search engine's bound cuts an actor's list short, the page
// says how far its pages go and offers the years that list the rest, and oldest first; the page
// past the bound is a 400 that says how to reach the others.
func TestEveryQuoteReachable(t *testing.T) {
	arch := &manyQuotes{Archive: mustSeedsArchive(t)}
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: arch}))
	defer srv.Close()
	d := mustDoc(t, get(t, srv, "/actors/jen-psaki").body)
	reach := strings.Join(strings.Fields(d.Find(`[data-testid="reach"] p`).Text()), " ")
	if want := "The pages reach the newest 10,000 of these 18,222 quotes: a list goes no further than 10,000. To reach the other 8,222, choose a year, or list them oldest first:"; reach != want {
		t.Errorf("reach: %q\nwant %q", reach, want)
	}
	var offered []string
	d.Find(`[data-testid="reach"] a`).Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		offered = append(offered, strings.Join(strings.Fields(a.Text()), " ")+" "+href)
	})
	want := []string{
		"2021 12,907 /actors/jen-psaki?from=2021-01-01&to=2021-12-31",
		"2022 5,315 /actors/jen-psaki?from=2022-01-01&to=2022-12-31",
		"oldest first /actors/jen-psaki?sort=oldest",
	}
	if !slices.Equal(offered, want) {
		t.Errorf("offered %q\nwant %q", offered, want)
	}
	if got := d.Find(`.pager-summary`).Text(); got != "Page 1 of 1,000" {
		t.Errorf("pager: %q", got)
	}
	if last := d.Find(`.pager ol li`).Last().Text(); strings.TrimSpace(last) != "1,000" {
		t.Errorf("the last page linked: %q", last)
	}
	if r := get(t, srv, "/actors/jen-psaki?page=1000"); r.status != 200 {
		t.Errorf("page 1,000: %d", r.status)
	}
	r := get(t, srv, "/actors/jen-psaki?page=1001")
	if r.status != 400 || !strings.Contains(r.body, "Page 1001 is past the last page that can be listed, 1,000") || !strings.Contains(r.body, "Choose a year") {
		t.Errorf("page 1,001: %d %.300s", r.status, r.body)
	}
	if r := get(t, srv, "/actors/jen-psaki?per_page=50&page=201"); r.status != 400 || !strings.Contains(r.body, "200") {
		t.Errorf("page 201 of 50: %d", r.status)
	}
	if q := arch.asked[len(arch.asked)-1]; len(q.Actors) != 1 || q.Actors[0] != "jen-psaki" || q.Kind != index.KindQuotes {
		t.Errorf("asked %+v", q)
	}
}

// TestQuoteRoles: a quote's speaker carries the office held on its date, in the API, on cards,
// on the quote's page and in its citation.
func TestQuoteRoles(t *testing.T) {
	srv := mustSeedsServer(t)
	var v struct {
		Quotes []struct {
			URL      string `json:"url"`
			Speakers []struct{ ID, Name, Role string }
		}
	}
	decode(t, get(t, srv, "/api/quotes?speaker=antony-blinken&per_page=1"), &v)
	if len(v.Quotes) != 1 || len(v.Quotes[0].Speakers) != 1 || v.Quotes[0].Speakers[0].Role != "U.S. Secretary of State" {
		t.Fatalf("the API's speaker: %+v", v)
	}
	d := mustDoc(t, get(t, srv, v.Quotes[0].URL).body)
	if got := strings.Join(strings.Fields(d.Find(".big-quote figcaption").Text()), " "); !strings.HasPrefix(got, "Antony Blinken, U.S. Secretary of State") {
		t.Errorf("the quote's page: %q", got)
	}
	if got := d.Find("#citation").Text(); !strings.HasPrefix(got, "Antony Blinken, U.S. Secretary of State, quoted in “") && !strings.HasPrefix(got, "Antony Blinken, U.S. Secretary of State, in “") {
		t.Errorf("citation: %q", got)
	}
	if got := d.Find("#bibtex").Text(); strings.Contains(got, "Secretary") {
		t.Errorf("BibTeX's author holds the office: %q", got)
	}
}
