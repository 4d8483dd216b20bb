package handlers

import (
	"math"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/index"
)

// The API's shapes: the contract in DESIGN.md. Fields beyond it are additions, never renames.

type apiSummary struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	TitleSupplied bool     `json:"title_supplied"`
	Date          string   `json:"date"` // YYYY-MM-DD, YYYY-MM or YYYY, as precise as known
	DatePrecision string   `json:"date_precision"`
	Place         string   `json:"place"`
	Source        string   `json:"source"` // "" when unknown
	URL           string   `json:"url"`
	Actors        []string `json:"actors"`
	Topics        []string `json:"topics"`
	QuoteCount    int      `json:"quote_count"`
	Words         int      `json:"words"`
	Permalink     string   `json:"permalink"`
	Tags          []string `json:"tags"` // of all its files, when it was filed more than once
}

type apiArticle struct {
	apiSummary
	Body   string     `json:"body"`
	Quotes []apiQuote `json:"quotes"`
	// Neighbours are other governments' statements on the subjects it is about, dated near it.
	Neighbours []apiNeighbour `json:"neighbours"`
}

type apiNeighbour struct {
	Article apiSummary `json:"article"`
	Topics  []string   `json:"topics"` // the topics both are about, ids
	Days    int        `json:"days"`   // days between their dates
}

type apiQuote struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Kind string `json:"kind"`
	// Procedural is true on a turn that carries no statement ("Thank you", "Go ahead"):
	// searches leave those out unless asked (procedural=1).
	Procedural bool            `json:"procedural"`
	Speakers   []index.Speaker `json:"speakers"`
	Article    apiQuoteArticle `json:"article"`
	URL        string          `json:"url"`
	Topics     []string        `json:"topics"`
	Paragraph  int             `json:"paragraph"`     // index of the paragraph the quote starts in
	Start      int             `json:"start"`         // character offset in that paragraph
	EndPara    int             `json:"end_paragraph"` // the paragraph it ends in
	End        int             `json:"end"`           // character offset in that paragraph, exclusive
	Highlight  string          `json:"highlight,omitempty"`
}

type apiQuoteArticle struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"`
}

type apiFacet struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Count int    `json:"count"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

type apiHit struct {
	Article   apiSummary `json:"article"`
	Score     float64    `json:"score"`
	Fragments []string   `json:"fragments"`
	Quotes    []apiQuote `json:"quotes"`
}

func summaryJSON(s *index.Summary) apiSummary {
	return apiSummary{
		ID: s.ID, Title: s.Title, TitleSupplied: s.TitleSupplied,
		Date: s.Date.ISO(), DatePrecision: string(s.Date.Precision),
		Place: s.Place, Source: s.Source, URL: s.URL,
		Actors: nonNil(s.Actors), Topics: nonNil(s.Topics),
		QuoteCount: s.QuoteCount, Words: s.Words, Permalink: articleURL(s.ID), Tags: nonNil(s.Tags),
	}
}

func quoteJSON(q *index.Quote, paras []index.Paragraph, title string) apiQuote {
	out := apiQuote{
		ID: q.ID, Text: q.Text, Kind: string(q.Kind), Procedural: q.Procedural, Speakers: q.Speakers,
		Article: apiQuoteArticle{ID: q.Article, Title: title, Date: q.Date.ISO()},
		URL:     quoteURL(q.ID), Topics: nonNil(q.Topics),
		Paragraph: q.Start.Para, EndPara: q.End.Para,
	}
	if out.Speakers == nil {
		out.Speakers = []index.Speaker{}
	}
	// Offsets in characters, as a reader of the text counts them, not bytes.
	if paras != nil {
		out.Start = utf8.RuneCountInString(paras[q.Start.Para].Text[:q.Start.Off])
		out.End = utf8.RuneCountInString(paras[q.End.Para].Text[:q.End.Off])
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// apiFacets are a search's facets: by actor (the speakers, on quotes), topic, source, the
// government or organisation the speakers speak for, and date.
type apiFacets struct {
	Actors    []apiFacet `json:"actors"`
	Topics    []apiFacet `json:"topics"`
	Sources   []apiFacet `json:"sources"`
	Countries []apiFacet `json:"countries"`
	Dates     []apiFacet `json:"dates"`
}

func facetsOf(res *index.Results) apiFacets {
	out := apiFacets{
		Actors: facetsJSON(res.Facets.Actors), Topics: facetsJSON(res.Facets.Topics),
		Sources: facetsJSON(res.Facets.Sources), Countries: facetsJSON(res.Facets.Countries), Dates: []apiFacet{},
	}
	for _, d := range res.Facets.Dates {
		out.Dates = append(out.Dates, apiFacet{ID: d.Label, Name: d.Label, Count: d.Count, From: d.From.Format(time.DateOnly), To: d.To.Format(time.DateOnly)})
	}
	return out
}

func facetsJSON(vals []index.FacetValue) []apiFacet {
	out := []apiFacet{}
	for _, v := range vals {
		out = append(out, apiFacet{ID: v.ID, Name: v.Name, Count: v.Count})
	}
	return out
}

// apiArticles handles "GET /api/articles": article summaries, newest first.
func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r)
	if err != nil {
		return err
	}
	perPage, err := p.number("per_page", apiPerPage, 1, index.MaxPerPage)
	if err != nil {
		return err
	}
	// Paged from the catalog, not by bleve: a deep page costs no more than the first, so the
	// whole archive can be listed, however big (the bound only keeps page*per_page an int32).
	page, err := p.number("page", 1, 1, math.MaxInt32/perPage)
	if err != nil {
		return err
	}
	list, total, err := s.archive.Articles(page, perPage)
	if err != nil {
		return err
	}
	out := struct {
		Total    int          `json:"total"`
		Page     int          `json:"page"`
		PerPage  int          `json:"per_page"`
		Articles []apiSummary `json:"articles"`
	}{Total: total, Page: page, PerPage: perPage, Articles: []apiSummary{}}
	for i := range list {
		out.Articles = append(out.Articles, summaryJSON(&list[i]))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiArticle handles "GET /api/articles/{id}": an article with its text and quotes.
func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) error {
	_, art, err := byID(r, articleID, "article", s.archive.Article)
	if err != nil {
		return err
	}
	out := apiArticle{apiSummary: summaryJSON(&art.Summary), Body: art.Body(), Quotes: []apiQuote{}, Neighbours: []apiNeighbour{}}
	for i := range art.Quotes {
		out.Quotes = append(out.Quotes, quoteJSON(&art.Quotes[i], art.Paragraphs, art.Title))
	}
	if ns, err := s.archive.Neighbours(art.ID); err == nil {
		for i := range ns {
			out.Neighbours = append(out.Neighbours, apiNeighbour{Article: summaryJSON(&ns[i].Article), Topics: ns[i].Topics, Days: ns[i].Days})
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiSearch handles "GET /api/search": article hits with fragments and matching quotes, facets.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r)
	if err != nil {
		return err
	}
	q, err := searchQuery(p, apiPerPage, index.MaxPerPage, index.KindArticles)
	if err != nil {
		return err
	}
	res, err := s.searchArchive(r.Context(), q)
	if err != nil {
		return err
	}
	out := struct {
		Total   int       `json:"total"`
		Quotes  int       `json:"quotes_total"`
		Page    int       `json:"page"`
		PerPage int       `json:"per_page"`
		Query   string    `json:"query"`
		Notes   []string  `json:"notes"`
		Hits    []apiHit  `json:"hits"`
		Facets  apiFacets `json:"facets"`
	}{
		Total: res.Total, Quotes: res.QuoteCount, Page: q.Page, PerPage: q.PerPage, Query: res.Reading,
		Notes: nonNil(res.Notes), Hits: []apiHit{}, Facets: facetsOf(res),
	}
	for i := range res.ArticleHits {
		h := &res.ArticleHits[i]
		hit := apiHit{Article: summaryJSON(&h.Summary), Score: h.Score, Fragments: []string{}, Quotes: []apiQuote{}}
		for _, f := range h.Fragments {
			hit.Fragments = append(hit.Fragments, f.HTML())
		}
		for k := range h.Quotes {
			qj := quoteJSON(&h.Quotes[k].Quote, nil, h.Title)
			qj.Highlight = h.Quotes[k].Fragment.HTML()
			s.quoteOffsets(&qj, &h.Quotes[k].Quote)
			hit.Quotes = append(hit.Quotes, qj)
		}
		out.Hits = append(out.Hits, hit)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// quoteOffsets fills a quote's character offsets from its article (cached by the archive).
func (s *Server) quoteOffsets(out *apiQuote, q *index.Quote) {
	if art, err := s.archive.Article(q.Article); err == nil {
		out.Start = utf8.RuneCountInString(art.Paragraphs[q.Start.Para].Text[:q.Start.Off])
		out.End = utf8.RuneCountInString(art.Paragraphs[q.End.Para].Text[:q.End.Off])
	}
}

// apiQuotes handles "GET /api/quotes": quotes matching words, speakers, topics and dates.
func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r)
	if err != nil {
		return err
	}
	q, err := searchQuery(p, apiPerPage, index.MaxPerPage, index.KindQuotes)
	if err != nil {
		return err
	}
	if q.Text == "" && q.Sort == index.SortRelevance {
		q.Sort = index.SortNewest
	}
	res, err := s.searchArchive(r.Context(), q)
	if err != nil {
		return err
	}
	out := struct {
		Total   int        `json:"total"`
		Page    int        `json:"page"`
		PerPage int        `json:"per_page"`
		Quotes  []apiQuote `json:"quotes"`
		Facets  apiFacets  `json:"facets"`
	}{Total: res.Total, Page: q.Page, PerPage: q.PerPage, Quotes: []apiQuote{}, Facets: facetsOf(res)}
	for i := range res.QuoteHits {
		h := &res.QuoteHits[i]
		title := ""
		if h.ArticleOf != nil {
			title = h.ArticleOf.Title
		}
		qj := quoteJSON(&h.Quote, nil, title)
		s.quoteOffsets(&qj, &h.Quote)
		if q.Text != "" {
			qj.Highlight = h.Fragment.HTML()
		}
		out.Quotes = append(out.Quotes, qj)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiQuoteFull is one quote with where else its statement is found.
type apiQuoteFull struct {
	apiQuote
	AlsoIn []apiEcho `json:"also_in"`
}

// apiEcho is a quote's statement found in another quote, or in a document's text (Quote nil).
type apiEcho struct {
	Quote      *apiEchoQuote  `json:"quote,omitempty"`
	Article    apiEchoArticle `json:"article"`
	Match      string         `json:"match"` // "verbatim" or "variant"
	Similarity float64        `json:"similarity"`
	// Repeated: the speaker's own words said again on another occasion (a stump line at
	// another rally), not a report or a copy of the quote's occasion.
	Repeated bool `json:"repeated"`
}

type apiEchoQuote struct {
	ID  string `json:"id"`
	URL string `json:"url"`
}

type apiEchoArticle struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
}

func echoesJSON(echoes []index.Echo) []apiEcho {
	out := []apiEcho{}
	for _, e := range echoes {
		j := apiEcho{
			Article:    apiEchoArticle{ID: e.Article.ID, Title: e.Article.Title, Date: e.Article.Date.ISO(), Source: sourceLabel(e.Article.Source, e.Article.URL)},
			Match:      matchName(e.Verbatim),
			Similarity: math.Round(e.Similarity*100) / 100,
			Repeated:   e.Repeated,
		}
		if e.Quote != "" {
			j.Quote = &apiEchoQuote{ID: e.Quote, URL: quoteURL(e.Quote)}
		}
		out = append(out, j)
	}
	return out
}

func matchName(verbatim bool) string {
	if verbatim {
		return "verbatim"
	}
	return "variant"
}

// apiQuote handles "GET /api/quotes/{id}": one quote, with where else its statement is found.
func (s *Server) apiQuote(w http.ResponseWriter, r *http.Request) error {
	_, q, err := byID(r, quoteID, "quote", s.quoteWithArticle)
	if err != nil {
		return err
	}
	echoes, err := s.archive.Echoes(q.Quote.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, apiQuoteFull{quoteJSON(q.Quote, q.Article.Paragraphs, q.Article.Title), echoesJSON(echoes)})
	return nil
}

type apiActor struct {
	ID           string       `json:"id"`
	Name         string       `json:"name"`
	Kind         string       `json:"kind"`
	Registered   bool         `json:"registered"`
	Articles     int          `json:"articles"`
	Quotes       int          `json:"quotes"`
	Country      string       `json:"country,omitempty"`
	Organisation string       `json:"organisation,omitempty"`
	Aliases      []string     `json:"aliases,omitempty"`
	Also         []string     `json:"also,omitempty"` // names merged into this actor
	Roles        []index.Role `json:"roles,omitempty"`
	Rank         int          `json:"rank,omitempty"` // in a list: the place by quotes, from 1
}

func actorJSON(a *index.ActorInfo, full bool) apiActor {
	out := apiActor{ID: a.ID, Name: a.Name, Kind: kindJSON(a.Kind), Registered: a.Registered, Articles: a.Articles, Quotes: a.Quotes}
	if full {
		out.Country, out.Organisation, out.Aliases, out.Also, out.Roles = a.Country, a.Organisation, a.Aliases, a.Also, a.Roles
	}
	return out
}

// kindJSON is an actor's kind as the API contract names it: person, organisation, state (a
// country or a government: "country" in the registry's files) or role.
func kindJSON(kind string) string {
	if kind == "country" {
		return "state"
	}
	return kind
}

// apiActor handles "GET /api/actors/{id}": one actor, with roles.
func (s *Server) apiActor(w http.ResponseWriter, r *http.Request) error {
	_, a, err := byID(r, slugID, "actor", s.archive.Actor)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, actorJSON(a, true))
	return nil
}

type apiTopic struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Articles int      `json:"articles"`
	Quotes   int      `json:"quotes"`
	Terms    []string `json:"terms,omitempty"`
}

// apiTopics handles "GET /api/topics": the topics with counts.
func (s *Server) apiTopics(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r); err != nil {
		return err
	}
	list, err := s.archive.Topics()
	if err != nil {
		return err
	}
	out := struct {
		Topics []apiTopic `json:"topics"`
	}{Topics: []apiTopic{}}
	for _, t := range list {
		out.Topics = append(out.Topics, apiTopic{ID: t.ID, Name: t.Name, Articles: t.Articles, Quotes: t.Quotes})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiTopic handles "GET /api/topics/{id}": one topic and the words that tag it.
func (s *Server) apiTopic(w http.ResponseWriter, r *http.Request) error {
	_, t, err := byID(r, slugID, "topic", s.archive.Topic)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, apiTopic{ID: t.ID, Name: t.Name, Articles: t.Articles, Quotes: t.Quotes, Terms: t.Terms})
	return nil
}
