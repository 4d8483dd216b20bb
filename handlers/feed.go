package handlers

import (
	"cmp"
	"encoding/xml"
	"net/http"
	"strings"
	"time"

	"github.com/readout/readout/index"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string       `xml:"title"`
	ID        string       `xml:"id"`
	Updated   string       `xml:"updated"`
	Published string       `xml:"published,omitempty"`
	Links     []atomLink   `xml:"link"`
	Authors   []atomPerson `xml:"author"`
	Summary   atomText     `xml:"summary"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// feed handles "GET /feed": an Atom feed of any search, newest first. It takes the search
// page's parameters.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r)
	if err != nil {
		return err
	}
	q, err := searchQuery(p, 20, 50, "")
	if err != nil {
		return err
	}
	q.Sort, q.Page = index.SortNewest, 1
	res, err := s.searchArchive(r.Context(), q)
	if err != nil {
		return err
	}
	st := stateOf(q)
	st.Sort, st.Page = "", 0
	page := s.abs(st.url("/search"))
	title := "Readout"
	if q.Text != "" {
		title += ": " + q.Text
	}
	if q.Kind == index.KindQuotes {
		title += " (quotes)"
	}
	f := atomFeed{
		Title:  title,
		ID:     s.abs(st.url("/feed")),
		Links:  []atomLink{{Rel: "self", Type: "application/atom+xml", Href: s.abs(st.url("/feed"))}, {Rel: "alternate", Type: "text/html", Href: page}},
		Author: atomPerson{Name: "Readout"},
	}
	var newest time.Time
	// An entry's published date is its article's; an undated article has none, and Atom's
	// required updated is then the moment the feed is written.
	stamp := func(d index.Date) (updated, published string) {
		if d.IsZero() {
			return s.now().UTC().Format(time.RFC3339), ""
		}
		t := d.Start()
		if t.After(newest) {
			newest = t
		}
		return t.Format(time.RFC3339), t.Format(time.RFC3339)
	}
	for i := range res.ArticleHits {
		h := &res.ArticleHits[i]
		var summary []string
		for _, fr := range h.Fragments {
			summary = append(summary, fr.Text())
		}
		u := s.abs(articleURL(h.ID))
		updated, published := stamp(h.Date)
		f.Entries = append(f.Entries, atomEntry{
			Title: h.Title, ID: u, Updated: updated, Published: published,
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: u}},
			Authors: []atomPerson{{Name: cmp.Or(sourceLabel(h.Source, h.URL), "Readout")}},
			Summary: atomText{Type: "text", Body: strings.Join(summary, " … ")},
		})
	}
	for i := range res.QuoteHits {
		h := &res.QuoteHits[i]
		u := s.abs(quoteURL(h.ID))
		updated, published := stamp(h.Date)
		who := speakerNames(h.Speakers)
		e := atomEntry{
			Title: who + ": “" + excerptText(h.Text, 100) + "”", ID: u, Updated: updated, Published: published,
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: u}},
			Summary: atomText{Type: "text", Body: h.Fragment.Text()},
		}
		for _, sp := range h.Speakers {
			e.Authors = append(e.Authors, atomPerson{Name: sp.Name})
		}
		f.Entries = append(f.Entries, e)
	}
	if newest.IsZero() {
		newest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.Updated = newest.Format(time.RFC3339)
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	w.Write(b)
	return nil
}

type openSearch struct {
	XMLName       xml.Name `xml:"http://a9.com/-/spec/opensearch/1.1/ OpenSearchDescription"`
	ShortName     string   `xml:"ShortName"`
	Description   string   `xml:"Description"`
	InputEncoding string   `xml:"InputEncoding"`
	Image         osImage  `xml:"Image"`
	URLs          []osURL  `xml:"Url"`
}

type osImage struct {
	Type   string `xml:"type,attr"`
	Width  int    `xml:"width,attr"`
	Height int    `xml:"height,attr"`
	URL    string `xml:",chardata"`
}

type osURL struct {
	Type     string `xml:"type,attr"`
	Method   string `xml:"method,attr,omitempty"`
	Template string `xml:"template,attr"`
}

// openSearch handles "GET /opensearch.xml": the description that lets a browser add Readout as
// a search engine.
func (s *Server) openSearch(w http.ResponseWriter, r *http.Request) error {
	d := openSearch{
		ShortName:     "Readout",
		Description:   "Search diplomatic statements: who said what, when.",
		InputEncoding: "UTF-8",
		Image:         osImage{Type: "image/svg+xml", Width: 64, Height: 64, URL: s.abs("/static/favicon.svg")},
		URLs: []osURL{
			{Type: "text/html", Method: "get", Template: s.abs("/search?q={searchTerms}")},
			{Type: "application/atom+xml", Template: s.abs("/feed?q={searchTerms}")},
			{Type: "application/opensearchdescription+xml", Template: s.abs("/opensearch.xml")},
		},
	}
	d.URLs[2].Method = ""
	b, err := xml.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/opensearchdescription+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	w.Write(b)
	return nil
}
