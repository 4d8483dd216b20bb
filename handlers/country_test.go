package handlers_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestCountries: whom speakers speak for, on the seeds: the API's fields on every quote, the
// filter typed or chosen, and the facet, on both tabs.
func TestCountries(t *testing.T) {
	srv := mustSeedsServer(t)
	type speaker struct {
		ID        string `json:"id"`
		Country   string `json:"country"`
		CountryID string `json:"country_id"`
	}
	type facet struct {
		ID, Name string
		Count    int
	}
	type answer struct {
		Total  int `json:"total"`
		Quotes []struct {
			ID       string    `json:"id"`
			Speakers []speaker `json:"speakers"`
		} `json:"quotes"`
		Hits []struct {
			Quotes []struct{ Speakers []speaker }
		} `json:"hits"`
		Facets struct {
			Countries []facet `json:"countries"`
		} `json:"facets"`
	}
	for _, tc := range []struct {
		name, path string
		total      int    // -1: some
		country    string // every quote listed has a speaker who speaks for it
		facetFirst string // the facet's first value
	}{
		{"typed, by name", "/api/quotes?q=" + url.QueryEscape(`country:"European Union"`), 4, "european-union", "european-union"},
		{"typed, by alias", "/api/quotes?q=country:EU", 4, "european-union", "european-union"},
		{"typed, by id", "/api/quotes?q=country:european-union", 4, "european-union", "european-union"},
		{"beside the box", "/api/quotes?country=european-union", 4, "european-union", "european-union"},
		{"with words", "/api/quotes?q=dialogue+country:EU", -1, "european-union", "european-union"},
		{"a person's country", "/api/quotes?speaker=antony-blinken&per_page=100", -1, "united-states", "united-states"},
		{"two that must both match", "/api/quotes?country=european-union&country=canada", 2, "european-union", ""},
		{"a country no one here speaks for", "/api/quotes?q=country:china", 0, "", ""},
		{"an unknown one", "/api/quotes?country=atlantis", 0, "", ""},
		{"articles that quote them", "/api/search?country=european-union", 1, "", ""},
		{"every quote, browsed", "/api/quotes?per_page=100", -1, "", "united-states"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a answer
			decode(t, get(t, srv, tc.path), &a)
			if tc.total >= 0 && a.Total != tc.total || tc.total < 0 && a.Total == 0 {
				t.Errorf("total %d, want %d", a.Total, tc.total)
			}
			if tc.country != "" {
				for _, q := range a.Quotes {
					found := false
					for _, s := range q.Speakers {
						found = found || s.CountryID == tc.country && s.Country != ""
					}
					if !found {
						t.Errorf("quote %s: no speaker speaks for %s: %+v", q.ID, tc.country, q.Speakers)
					}
				}
			}
			if tc.facetFirst != "" && (len(a.Facets.Countries) == 0 || a.Facets.Countries[0].ID != tc.facetFirst || a.Facets.Countries[0].Name == "" || a.Facets.Countries[0].Count == 0) {
				t.Errorf("facet %+v, want %s first", a.Facets.Countries, tc.facetFirst)
			}
			if tc.total == 1 && len(a.Facets.Countries) == 0 {
				t.Errorf("no countries facet on the articles tab")
			}
		})
	}

	// One quote's page in the API: its speaker carries both fields.
	var borrell answer
	decode(t, get(t, srv, "/api/quotes?speaker=josep-borrell"), &borrell)
	if len(borrell.Quotes) == 0 {
		t.Fatal("no quote of Borrell's")
	}
	var one struct{ Speakers []speaker }
	decode(t, get(t, srv, "/api/quotes/"+borrell.Quotes[0].ID), &one)
	if len(one.Speakers) != 1 || one.Speakers[0].Country != "European Union" || one.Speakers[0].CountryID != "european-union" {
		t.Errorf("/api/quotes/%s: speakers %+v", borrell.Quotes[0].ID, one.Speakers)
	}
}

// TestCountryExport: a download of quotes names whom their speakers speak for.
func TestCountryExport(t *testing.T) {
	srv := mustSeedsServer(t)
	r := get(t, srv, "/search/export?kind=quotes&country=european-union&format=jsonl")
	if r.status != 200 {
		t.Fatalf("%d: %.200s", r.status, r.body)
	}
	lines := strings.Split(strings.TrimSpace(r.body), "\n")
	if len(lines) != 4 {
		t.Errorf("%d rows, want 4", len(lines))
	}
	for _, l := range lines {
		var row struct{ Country string }
		if err := json.Unmarshal([]byte(l), &row); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(row.Country, "European Union") {
			t.Errorf("country %q in %.120s", row.Country, l)
		}
	}
}

// TestCountryPages: the facet and the chip beside the results, the typed filter moved beside
// the box, and the country after the speaker's office on a card.
func TestCountryPages(t *testing.T) {
	srv := mustSeedsServer(t)
	client := *srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Get(srv.URL + "/search?kind=quotes&q=" + url.QueryEscape(`country:"European Union"`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || loc != "/search?country=european-union&kind=quotes" {
		t.Fatalf("%d %q", resp.StatusCode, loc)
	}
	d := mustDoc(t, get(t, srv, loc).body)
	facet := d.Find(`section[aria-labelledby="facet-countries"]`)
	if facet.Length() != 1 || !strings.Contains(facet.Find("a.active").Text(), "European Union") {
		t.Errorf("the facet: %q", facet.Text())
	}
	if chips := d.Find(`ul.filters`).Text(); !strings.Contains(chips, "Speaking for: European Union") {
		t.Errorf("chips: %q", chips)
	}
	if roles := d.Find(".role").Text(); !strings.Contains(roles, "High Representative of the Union for Foreign Affairs and Security Policy · European Union") {
		t.Errorf("the cards' offices: %q", roles)
	}
	// The facet's links toggle the filter, and the articles tab has the facet too.
	d = mustDoc(t, get(t, srv, "/search?q=allies").body)
	link := d.Find(`section[aria-labelledby="facet-countries"] a`).First()
	href, _ := link.Attr("href")
	if !strings.Contains(href, "country=") {
		t.Fatalf("the articles tab's facet: %q → %q", link.Text(), href)
	}
	if r := get(t, srv, href); r.status != 200 {
		t.Errorf("%s: %d", href, r.status)
	}
}
