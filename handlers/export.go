package handlers

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/readout/readout/index"
)

// Export. Any search, of articles or of quotes, can be taken away as CSV or as JSON Lines: the
// rows are written as the search engine's pages are read, so that a download starts at once and
// holds at most a page in memory. It is bounded: maxExportRows rows, which the search page says.
const (
	maxExportRows  = 5000
	exportPageSize = 250
)

// exportQuote is a quote's row: the contract of the quotes' download.
type exportQuote struct {
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	Kind      string   `json:"kind"`
	Speakers  []string `json:"speakers"`
	Role      string   `json:"role"`
	Country   string   `json:"country"` // whom the speakers speak for
	Date      string   `json:"date"`
	Article   string   `json:"article"`
	Title     string   `json:"article_title"`
	Source    string   `json:"source"`
	Original  string   `json:"original"`
	Permalink string   `json:"permalink"`
}

var exportQuoteHeader = []string{"id", "text", "kind", "speakers", "role", "country", "date", "article", "article_title", "source", "original", "permalink"}

func (e exportQuote) row() []string {
	return []string{e.ID, e.Text, e.Kind, strings.Join(e.Speakers, "; "), e.Role, e.Country, e.Date, e.Article, e.Title, e.Source, e.Original, e.Permalink}
}

// exportArticle is an article's row.
type exportArticle struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Date      string   `json:"date"`
	Source    string   `json:"source"`
	Original  string   `json:"original"`
	Permalink string   `json:"permalink"`
	Quotes    int      `json:"quotes"`
	Words     int      `json:"words"`
	Topics    []string `json:"topics"`
	About     []string `json:"about"`
}

var exportArticleHeader = []string{"id", "title", "date", "source", "original", "permalink", "quotes", "words", "topics", "about"}

func (e exportArticle) row() []string {
	return []string{e.ID, e.Title, e.Date, e.Source, e.Original, e.Permalink, strconv.Itoa(e.Quotes), strconv.Itoa(e.Words), strings.Join(e.Topics, "; "), strings.Join(e.About, "; ")}
}

// export handles "GET /search/export": the search page's parameters, and format=csv or
// format=jsonl; page and per_page are not read: the download is the search from its start.
func (s *Server) export(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r)
	if err != nil {
		return err
	}
	format, err := p.choice("format", "", "csv", "jsonl")
	if err != nil {
		return err
	}
	if format == "" {
		return badRequest("The parameter \"format\" is needed: csv or jsonl.")
	}
	// A link from a results page carries its page and per_page; the download ignores both,
	// so it does not refuse them either.
	delete(p.v, "page")
	delete(p.v, "per_page")
	q, err := searchQuery(p, exportPageSize, 50, "")
	if err != nil {
		return err
	}
	q.Page, q.PerPage = 1, exportPageSize
	// The rows need the hits only: no facets, other tab or fragments for each page (a download
	// of 5,000 articles took 5 to 8 s with them on the White House corpus).
	q.HitsOnly = true
	// The first page is read before anything is written, so that a search that fails is an
	// error page, not a broken file.
	res, err := s.searchArchive(r.Context(), q)
	if err != nil {
		return err
	}
	name := "readout-" + q.Kind
	var write func(row []string, v any) error
	var flush func()
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		cw := csv.NewWriter(w)
		write = func(row []string, _ any) error { return cw.Write(row) }
		flush = cw.Flush
	} else {
		w.Header().Set("Content-Type", "application/jsonl; charset=utf-8")
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		write = func(_ []string, v any) error { return enc.Encode(v) }
		flush = func() {}
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+"."+format+`"`)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if format == "csv" {
		header := exportArticleHeader
		if q.Kind == index.KindQuotes {
			header = exportQuoteHeader
		}
		if err := write(header, nil); err != nil {
			return nil
		}
	}
	written := 0
	for {
		n, err := s.exportPage(res, q.Kind, write)
		written += n
		flush()
		if err != nil || n == 0 || written >= min(res.Total, maxExportRows) {
			return nil // a reader gone away: nothing more to say
		}
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		q.Page++
		if res, err = s.searchArchive(r.Context(), q); err != nil {
			// The file is under way: the error can only be logged, and the file ends short.
			s.log.Warn("export stopped", "err", err, "rows", written)
			return nil
		}
	}
}

// exportPage writes a page of results and returns the rows written.
func (s *Server) exportPage(res *index.Results, kind string, write func([]string, any) error) (int, error) {
	n := 0
	if kind == index.KindQuotes {
		for i := range res.QuoteHits {
			h := &res.QuoteHits[i]
			e := exportQuote{
				ID: h.ID, Text: h.Text, Kind: string(h.Kind), Date: h.Date.ISO(), Role: speakerRolesOnly(h.Speakers),
				Country:   speakerCountries(h.Speakers),
				Permalink: s.abs(quoteURL(h.ID)), Speakers: []string{},
			}
			for _, sp := range h.Speakers {
				e.Speakers = append(e.Speakers, sp.Name)
			}
			if a := h.ArticleOf; a != nil {
				e.Article, e.Title, e.Source, e.Original = a.ID, a.Title, a.Source, a.URL
			}
			if err := write(e.row(), e); err != nil {
				return n, err
			}
			n++
		}
		return n, nil
	}
	for i := range res.ArticleHits {
		h := &res.ArticleHits[i]
		e := exportArticle{
			ID: h.ID, Title: h.Title, Date: h.Date.ISO(), Source: h.Source, Original: h.URL,
			Permalink: s.abs(articleURL(h.ID)), Quotes: h.QuoteCount, Words: h.Words,
			Topics: orEmpty(h.Topics), About: orEmpty(h.About),
		}
		if err := write(e.row(), e); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// speakerRolesOnly lists the offices the speakers held, in their order ("Secretary of State;
// Secretary of Defense"), empty where none is known.
func speakerRolesOnly(sp []index.Speaker) string {
	var roles []string
	for _, x := range sp {
		if x.Role != "" {
			roles = append(roles, x.Role)
		}
	}
	return strings.Join(roles, "; ")
}

// speakerCountries lists the governments or organisations the speakers speak for, each once
// ("United States; European Union"), empty where none is known.
func speakerCountries(sp []index.Speaker) string {
	var out []string
	for _, x := range sp {
		if x.Country != "" && !slices.Contains(out, x.Country) {
			out = append(out, x.Country)
		}
	}
	return strings.Join(out, "; ")
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
