package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/english"
	"github.com/readout/readout/index"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/highlight"
	"github.com/readout/readout/index/query"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/web"
)

// notice is shown on pages while the index is being built.
func (s *Server) notice() string {
	if s.archive.Ready() {
		return ""
	}
	p := s.archive.Progress()
	return fmt.Sprintf("Indexing under way: %d of %d articles so far. Search will be ready in a moment.", p.Done, p.Total)
}

// searchArchive runs a search within the server's time bound for one.
func (s *Server) searchArchive(ctx context.Context, q index.Query) (*index.Results, error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	return s.archive.Search(ctx, q)
}

// home handles "GET /": the search box, who speaks most, the topics, the newest quotes and
// articles, the years covered.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r); err != nil {
		return err
	}
	stats, err := s.archive.Stats()
	if err != nil {
		return err
	}
	h := web.Home{Page: web.Page{
		Canonical:   s.abs("/"),
		Description: "Readout: a searchable archive of diplomatic statements, every quotation marked and attributed.",
		Nav:         "home",
		OwnSearch:   true,
	}}
	h.Summary = fmt.Sprintf("%s articles and %s quotes", english.Number(stats.Articles), english.Number(stats.Quotes))
	if !stats.First.IsZero() {
		h.Summary += fmt.Sprintf(", %s to %s", stats.First.Format("January 2006"), stats.Last.Format("January 2006"))
	}
	h.Summary += ", every quotation marked and attributed."

	actors, err := s.archive.Actors()
	if err != nil {
		return err
	}
	for _, a := range actors {
		if a.Quotes == 0 || len(h.Actors) == 10 {
			break
		}
		h.Actors = append(h.Actors, web.Link{URL: actorURL(a.ID), Label: a.Name, Count: a.Quotes})
	}
	topics, err := s.archive.Topics()
	if err != nil {
		return err
	}
	for _, t := range topics {
		if t.Articles+t.Quotes == 0 || len(h.Topics) == 20 {
			break
		}
		h.Topics = append(h.Topics, web.Link{URL: topicURL(t.ID), Label: t.Name, Count: t.Articles})
		if len(h.Examples) < 3 {
			h.Examples = append(h.Examples, web.Link{URL: "/search?" + url.Values{"q": {t.Name}}.Encode(), Label: t.Name})
		}
	}
	if len(h.Actors) > 0 {
		h.Examples = append(h.Examples, web.Link{URL: actorURL(actors[0].ID), Label: "everything " + actors[0].Name + " said"})
	}

	// The newest quotes worth reading on their own: statements, not one-word turns.
	res, err := s.searchArchive(r.Context(), index.Query{Kind: index.KindQuotes, Sort: index.SortNewest, Page: 1, PerPage: 40})
	if err != nil {
		return err
	}
	for i := range res.QuoteHits {
		q := &res.QuoteHits[i]
		n := utf8.RuneCountInString(q.Text)
		if q.Kind != quote.Full || n < 60 || len(q.Speakers) == 0 {
			continue
		}
		h.Quotes = append(h.Quotes, quoteCard(&q.Quote, q.ArticleOf, plainQuote(&q.Quote, 320)))
		if len(h.Quotes) == 6 {
			break
		}
	}
	latest, _, err := s.archive.Articles(1, 5)
	if err != nil {
		return err
	}
	for i := range latest {
		h.Articles = append(h.Articles, summaryCard(&latest[i]))
	}
	years, err := s.searchArchive(r.Context(), index.Query{Kind: index.KindArticles, Sort: index.SortNewest, Page: 1, PerPage: 1})
	if err != nil {
		return err
	}
	h.Years = bars(len(years.Facets.Dates), func(i int) (string, string, int, string, bool) {
		d := years.Facets.Dates[i]
		st := searchState{From: d.From, To: d.To, Sort: index.SortNewest}
		return d.Label, d.Label, d.Count, st.url("/search"), false
	})
	s.render(w, r, http.StatusOK, web.HomePage(h))
	return nil
}

// search handles "GET /search": results, as articles or quotes, with facets and pages.
func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r)
	if err != nil {
		return err
	}
	q, err := searchQuery(p, defaultPerPage, 50, "")
	if err != nil {
		return err
	}
	res, err := s.searchArchive(r.Context(), q)
	if err != nil {
		return err
	}
	if res.Filtered {
		// Filters typed in the box become the page's filters: the address says what is shown,
		// and each filter's chip can remove it.
		st := stateOf(res.Query)
		st.Q = res.Words
		http.Redirect(w, r, st.url("/search"), http.StatusSeeOther)
		return nil
	}
	if err := pastTheEnd(q.Page, res.Total, q.PerPage, strings.TrimSuffix(q.Kind, "s"), q.Kind); err != nil {
		return err
	}
	page := s.searchPage(res)
	if res.ArticleCount+res.QuoteCount == 0 && q.Text != "" {
		// A slip of spelling: the words and names the archive has.
		respelt, err := s.archive.DidYouMean(r.Context(), q.Text)
		if err != nil {
			return err
		}
		if respelt != nil {
			st := stateOf(res.Query)
			st.Q, st.Page = respelt.Text, 0
			page.DidYouMean = &web.Link{Label: respelt.Text, URL: st.url("/search")}
		}
	}
	s.render(w, r, http.StatusOK, web.SearchPage(page))
	return nil
}

func (s *Server) searchPage(res *index.Results) web.Search {
	q := res.Query
	// A name read from the words is no filter of the address: it is read from the words again.
	named := func(id string) (index.NamedActor, bool) {
		for _, n := range res.Named {
			if n.ID == id {
				return n, true
			}
		}
		return index.NamedActor{}, false
	}
	q.Actors = slices.DeleteFunc(slices.Clone(q.Actors), func(id string) bool { _, ok := named(id); return ok })
	st := stateOf(q)
	title := "Search"
	if q.Text != "" {
		title = "Search: " + q.Text
	}
	sp := web.Search{
		Page: web.Page{
			Title: title, Query: q.Text, Canonical: s.abs(st.url("/search")),
			FeedURL: st.with(func(c *searchState) { c.Sort = ""; c.Page = 0 }).url("/feed"),
			Notice:  s.notice(), Nav: "search", OwnSearch: true,
		},
		Reading: res.Reading, Notes: res.Notes, QuotesTab: q.Kind == index.KindQuotes, Total: res.Total, Sort: q.Sort,
		ByMonth: res.Facets.DateLevel == index.ByMonth,
	}
	if q.Kind == index.KindQuotes {
		sp.Nav = "quotes"
	}
	if res.Reading == q.Text {
		sp.Reading = "" // read as typed: nothing to say
	}
	kindName := "articles"
	if q.Kind == index.KindQuotes {
		kindName = "quotes"
	}
	first := (q.Page-1)*q.PerPage + 1
	switch {
	case res.Total == 0:
		sp.TotalLabel = "No " + kindName
	case res.Total <= q.PerPage && q.Page == 1:
		sp.TotalLabel = fmt.Sprintf("%s %s", english.Number(res.Total), english.Plural(res.Total, strings.TrimSuffix(kindName, "s"), kindName))
	default:
		sp.TotalLabel = fmt.Sprintf("%s %d–%d of %s", strings.ToUpper(kindName[:1])+kindName[1:], first, min(first+q.PerPage-1, res.Total), english.Number(res.Total))
	}
	sp.Tabs = []web.Link{
		{URL: st.with(func(c *searchState) { c.Kind = index.KindArticles }).url("/search"), Label: "Articles", Count: res.ArticleCount, Active: q.Kind != index.KindQuotes, Hint: "articles"},
		{URL: st.with(func(c *searchState) { c.Kind = index.KindQuotes }).url("/search"), Label: "Quotes", Count: res.QuoteCount, Active: q.Kind == index.KindQuotes, Hint: "quotes"},
	}
	for _, o := range []struct{ v, label string }{{index.SortRelevance, "Best match"}, {index.SortNewest, "Newest first"}, {index.SortOldest, "Oldest first"}} {
		sp.Sorts = append(sp.Sorts, web.Link{URL: o.v, Label: o.label, Active: q.Sort == o.v})
	}
	// Hidden fields keep the filters when the box is searched again.
	if q.Kind == index.KindQuotes {
		sp.Hidden = append(sp.Hidden, web.Hidden{Name: "kind", Value: q.Kind})
	}
	for _, a := range q.Actors {
		sp.Hidden = append(sp.Hidden, web.Hidden{Name: "actor", Value: a})
	}
	for _, t := range q.Topics {
		sp.Hidden = append(sp.Hidden, web.Hidden{Name: "topic", Value: t})
	}
	for _, src := range q.Sources {
		sp.Hidden = append(sp.Hidden, web.Hidden{Name: "source", Value: src})
	}
	for _, c := range q.Countries {
		sp.Hidden = append(sp.Hidden, web.Hidden{Name: "country", Value: c})
	}
	// The dates are fields of the form: a range typed, or the one a bar of the timeline chose.
	if !q.From.IsZero() {
		sp.From = q.From.Format(time.DateOnly)
	}
	if !q.To.IsZero() {
		sp.To = q.To.Format(time.DateOnly)
	}
	if q.Full {
		sp.Hidden = append(sp.Hidden, web.Hidden{Name: "full", Value: "1"})
	}
	if q.Procedural {
		sp.Hidden = append(sp.Hidden, web.Hidden{Name: "procedural", Value: "1"})
	}
	if q.Kind == index.KindQuotes {
		// One switch for the turns that carry no statement, left out unless asked for.
		sp.Procedural = &web.Link{
			URL:    st.with(func(c *searchState) { c.Procedural = !c.Procedural }).url("/search"),
			Label:  "Include turns that say nothing of substance (“Thank you”, “Go ahead”)",
			Active: q.Procedural,
		}
	}

	// Chips: each active filter, linking to the search without it.
	name := func(vals []index.FacetValue, id string) string {
		for _, v := range vals {
			if v.ID == id {
				return v.Name
			}
		}
		return id
	}
	// Who a quote's filter names is who spoke; an article's, who it names.
	who := "Mentioned"
	if q.Kind == index.KindQuotes {
		who = "Speaker"
	}
	sp.WhoLabel = who
	for _, n := range res.Named {
		sp.Chips = append(sp.Chips, web.Link{
			Label: who + ": " + n.Name, URL: st.with(func(c *searchState) { c.Literal = true }).url("/search"),
			Hint: "Read “" + n.Words + "” as words, not as who speaks",
		})
	}
	for _, a := range q.Actors {
		sp.Chips = append(sp.Chips, web.Link{Label: who + ": " + name(res.Facets.Actors, a), URL: st.with(func(c *searchState) { c.Actors = toggle(c.Actors, a) }).url("/search"), Hint: "Remove this filter"})
	}
	// On the articles tab, a name typed among the words is offered as a search of its quotes.
	for _, n := range res.Offered {
		about := ""
		if w := strings.TrimSpace(strings.Replace(" "+q.Text+" ", " "+n.Words+" ", " ", 1)); w != "" {
			about = " about “" + w + "”"
		}
		sp.Offers = append(sp.Offers, web.Link{Label: "Quotes by " + n.Name + about, URL: st.with(func(c *searchState) { c.Kind = index.KindQuotes }).url("/search")})
	}
	for _, t := range q.Topics {
		sp.Chips = append(sp.Chips, web.Link{Label: "Topic: " + name(res.Facets.Topics, t), URL: st.with(func(c *searchState) { c.Topics = toggle(c.Topics, t) }).url("/search"), Hint: "Remove this filter"})
	}
	for _, src := range q.Sources {
		sp.Chips = append(sp.Chips, web.Link{Label: "Source: " + name(res.Facets.Sources, src), URL: st.with(func(c *searchState) { c.Sources = toggle(c.Sources, src) }).url("/search"), Hint: "Remove this filter"})
	}
	for _, k := range q.Countries {
		sp.Chips = append(sp.Chips, web.Link{Label: "Speaking for: " + name(res.Facets.Countries, k), URL: st.with(func(c *searchState) { c.Countries = toggle(c.Countries, k) }).url("/search"), Hint: "Remove this filter"})
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		sp.Chips = append(sp.Chips, web.Link{Label: "When: " + rangeLabel(q.From, q.To), URL: st.with(func(c *searchState) { c.From, c.To = time.Time{}, time.Time{} }).url("/search"), Hint: "Remove this filter"})
	}
	if q.Full {
		sp.Chips = append(sp.Chips, web.Link{Label: "Full quotes only", URL: st.with(func(c *searchState) { c.Full = false }).url("/search"), Hint: "Remove this filter"})
	}

	if len(sp.Chips) > 0 {
		sp.ClearAll = searchState{Q: q.Text, Kind: q.Kind, Sort: q.Sort}.url("/search")
	}

	facet := func(vals []index.FacetValue, toggleIn func(*searchState, string)) []web.Link {
		var out []web.Link
		for _, v := range vals {
			out = append(out, web.Link{
				Label: v.Name, Count: v.Count, Active: v.Active,
				URL: st.with(func(c *searchState) { toggleIn(c, v.ID) }).url("/search"),
			})
		}
		return out
	}
	sp.Actors = facet(res.Facets.Actors, func(c *searchState, id string) { c.Actors = toggle(c.Actors, id) })
	sp.Topics = facet(res.Facets.Topics, func(c *searchState, id string) { c.Topics = toggle(c.Topics, id) })
	sp.Sources = facet(res.Facets.Sources, func(c *searchState, id string) { c.Sources = toggle(c.Sources, id) })
	sp.Countries = facet(res.Facets.Countries, func(c *searchState, id string) { c.Countries = toggle(c.Countries, id) })
	// A facet shows its most frequent values; all of them (up to a bound) are a link away.
	sp.AllOf = map[string]*web.Link{}
	for field, n := range map[string]int{index.FacetActor: len(sp.Actors), index.FacetTopic: len(sp.Topics), index.FacetSource: len(sp.Sources), index.FacetCountry: len(sp.Countries)} {
		switch {
		case q.AllOf == field:
			label := "Fewer"
			if n >= index.MaxFacetValues {
				label = fmt.Sprintf("The %s most frequent are listed · fewer", english.Number(index.MaxFacetValues))
			}
			sp.AllOf[field] = &web.Link{Label: label, URL: st.with(func(c *searchState) { c.AllOf = "" }).url("/search")}
		case n >= index.FacetShown(field):
			sp.AllOf[field] = &web.Link{Label: "See all", URL: st.with(func(c *searchState) { c.AllOf = field }).url("/search") + "#" + facetAnchor(field)}
		}
	}
	sp.Dates = bars(len(res.Facets.Dates), func(i int) (string, string, int, string, bool) {
		d := res.Facets.Dates[i]
		label, title := d.Label, d.Label
		if res.Facets.DateLevel == index.ByMonth {
			label, title = d.From.Format("Jan")[:1], d.From.Format("January 2006")
		}
		u := st.with(func(c *searchState) {
			if d.Active {
				c.From, c.To = time.Time{}, time.Time{}
			} else {
				c.From, c.To = d.From, d.To
			}
		}).url("/search")
		return label, title, d.Count, u, d.Active
	})
	if res.Facets.DateLevel == index.ByMonth {
		sp.DateUp = &web.Link{Label: "All years", URL: st.with(func(c *searchState) { c.From, c.To = time.Time{}, time.Time{} }).url("/search")}
	}

	for i := range res.ArticleHits {
		sp.Articles = append(sp.Articles, articleCard(&res.ArticleHits[i], q.Text))
	}
	for i := range res.QuoteHits {
		h := &res.QuoteHits[i]
		sp.Quotes = append(sp.Quotes, quoteCard(&h.Quote, h.ArticleOf, h.Fragment))
	}
	sp.Pager = pager(st, q.Page, q.PerPage, res.Total, "/search")
	if res.Total > 0 { // nothing to take away from a search that finds nothing (its feed may, later)
		exported := st.with(func(c *searchState) { c.Page = 0 })
		sp.Export = []web.Link{
			{Label: "CSV", Hint: "csv", URL: exported.url("/search/export") + sepFor(exported) + "format=csv"},
			{Label: "JSON Lines", Hint: "jsonl", URL: exported.url("/search/export") + sepFor(exported) + "format=jsonl"},
		}
		sp.ExportBound = fmt.Sprintf("the first %s %s, best first or in the order chosen", english.Number(maxExportRows), kindName)
	}
	sp.Took = res.Took.Round(time.Millisecond).String()
	if res.Total == 0 {
		sp.Why = whyNone(q, res, len(sp.Chips) > 0)
		if len(sp.Chips) > 0 {
			sp.Suggest = append(sp.Suggest, web.Link{Label: "without the filters", URL: searchState{Q: q.Text, Kind: q.Kind}.url("/search")})
		}
		other := index.KindQuotes
		if q.Kind == index.KindQuotes {
			other = index.KindArticles
		}
		if (other == index.KindQuotes && res.QuoteCount > 0) || (other == index.KindArticles && res.ArticleCount > 0) {
			sp.Suggest = append(sp.Suggest, web.Link{Label: "the " + other + " tab", URL: st.with(func(c *searchState) { c.Kind = other }).url("/search")})
		}
	}
	return sp
}

// sepFor is what joins another parameter to the state's address.
func sepFor(st searchState) string {
	if len(st.values()) == 0 {
		return "?"
	}
	return "&"
}

// whyNone says why a tab lists nothing while the other lists something.
func whyNone(q index.Query, res *index.Results, filtered bool) string {
	switch {
	case q.Kind == index.KindQuotes && res.ArticleCount > 0:
		s := fmt.Sprintf("No quotation holds all of that, though %s %s: the words are in their text outside the quotation marks, or spread over several quotes.",
			english.Number(res.ArticleCount), english.Plural(res.ArticleCount, "article does", "articles do"))
		if filtered {
			s += " A quote's topics are those its own words name, and its speaker filter is who spoke it."
		}
		return s
	case q.Kind != index.KindQuotes && res.QuoteCount > 0:
		return "No article matches all of that, though quotes do."
	}
	return ""
}

func rangeLabel(from, to time.Time) string {
	switch {
	case from.IsZero():
		return "until " + to.Format("2 January 2006")
	case to.IsZero():
		return "from " + from.Format("2 January 2006")
	case from.Day() == 1 && to.AddDate(0, 0, 1).Day() == 1 && from.Year() == to.Year() && from.Month() == to.Month():
		return from.Format("January 2006")
	case from.YearDay() == 1 && to.Month() == time.December && to.Day() == 31 && from.Year() == to.Year():
		return from.Format("2006")
	}
	return from.Format("2 Jan 2006") + " – " + to.Format("2 Jan 2006")
}

// pager links the pages of a search's results: as many as the search engine reaches.
func pager(st searchState, page, perPage, total int, path string) web.Pager {
	pages := (total + perPage - 1) / perPage
	pages = min(pages, index.MaxResults/perPage)
	return pagesOf(page, pages, func(n int) string { c := st; c.Page = n; return c.url(path) })
}

// pagesOf links the pages of a list: the first, the last, and those near the current one.
func pagesOf(page, pages int, at func(n int) string) web.Pager {
	var p web.Pager
	if pages <= 1 {
		return p
	}
	if page > 1 {
		p.Prev = at(min(page-1, pages))
	}
	if page < pages {
		p.Next = at(page + 1)
	}
	last := 0
	for n := 1; n <= pages; n++ {
		if n != 1 && n != pages && (n < page-2 || n > page+2) {
			continue
		}
		if last > 0 && n > last+1 {
			p.Pages = append(p.Pages, web.Link{Label: "…"})
		}
		p.Pages = append(p.Pages, web.Link{Label: english.Number(n), URL: at(n), Active: n == page})
		last = n
	}
	return p
}

// article handles "GET /articles/{id}": the article, its quotes marked and attributed, each
// with an anchor; ?hl= highlights a search's words.
func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	p, art, err := byID(r, articleID, "article", s.archive.Article)
	if err != nil {
		return err
	}
	hlText, err := p.text("hl", maxHighlight)
	if err != nil {
		return err
	}
	hl := s.archive.Highlighter(hlText)
	a := web.Article{
		Page: web.Page{
			Title: art.Title, Canonical: s.abs(articleURL(art.ID)), Query: hlText,
			Description: description(art),
			JSONLD:      newsArticleLD(s, art),
		},
		ID: art.ID, Title: titleSegments(art, hl), TitleSupplied: art.TitleSupplied,
		Date: art.Date.String(), DateISO: art.Date.ISO(), Place: art.Place,
		Source: sourceLabel(art.Source, art.URL), SourceURL: art.URL,
		Paras:  bodyParas(art, hl),
		Counts: counts(len(art.Quotes), art.Words),
	}
	if !hl.Empty() {
		a.Highlight, a.ClearURL = hlText, articleURL(art.ID)
		a.Matches = numberMarks(a.Title, a.Paras)
		a.Here = articleURL(art.ID) + "?" + url.Values{"hl": {hlText}}.Encode()
	}
	for _, id := range art.Actors {
		if info, err := s.archive.Actor(id); err == nil {
			a.Actors = append(a.Actors, web.Link{URL: actorURL(id), Label: info.Name})
		}
	}
	for _, id := range art.Topics {
		if info, err := s.archive.Topic(id); err == nil {
			a.Topics = append(a.Topics, web.Link{URL: topicURL(id), Label: info.Name})
		}
	}
	for i := range art.Quotes {
		q := &art.Quotes[i]
		a.Quotes = append(a.Quotes, quoteCard(q, &art.Summary, plainQuote(q, 200)))
	}
	if counts, err := s.archive.EchoCounts(art.ID); err == nil {
		markEchoes(a.Paras, counts)
	}
	a.Neighbours = s.neighbourViews(&art.Summary)
	s.render(w, r, http.StatusOK, web.ArticlePage(a))
	return nil
}

func description(art *index.Article) string {
	for _, p := range art.Paragraphs {
		if p.Kind == document.Text {
			return excerptText(p.Text, 200)
		}
	}
	return art.Title
}

// excerptText is about n bytes of the start of s, cut at a word, as plain text.
func excerptText(s string, n int) string { return highlight.Cut(s, n).Text() }

// quoteWithArticle is a quote with the article it is in, as one value for byID.
type quoteWithArticle struct {
	Quote   *index.Quote
	Article *index.Article
}

func (s *Server) quoteWithArticle(id string) (quoteWithArticle, error) {
	q, art, err := s.archive.Quote(id)
	return quoteWithArticle{q, art}, err
}

// quote handles "GET /quotes/{id}": one quote, who said it, when and where, in context, with
// a link and a citation to copy.
func (s *Server) quote(w http.ResponseWriter, r *http.Request) error {
	_, qa, err := byID(r, quoteID, "quote", s.quoteWithArticle)
	if err != nil {
		return err
	}
	q, art := qa.Quote, qa.Article
	permalink := s.abs(quoteURL(q.ID))
	who := speakerNames(q.Speakers)
	text := excerptText(q.Text, 280)
	page := web.Quote{
		Page: web.Page{
			Title:       who + ": “" + excerptText(q.Text, 90) + "”",
			Description: text,
			Canonical:   permalink,
			OpenGraph:   &web.OpenGraph{Type: "article", Title: who + " · " + q.Date.String(), Description: "“" + text + "”", URL: permalink},
			JSONLD:      quotationLD(s, q, art),
		},
		Card:        quoteCard(q, &art.Summary, plainQuote(q, len(q.Text)+1)),
		Permalink:   permalink,
		Citation:    citation(s, q, art),
		BibTeX:      bibtex(s, q, art),
		ArticleDate: q.Date.String(),
		Source:      sourceLabel(art.Source, art.URL),
		SourceURL:   art.URL,
		Turn:        q.Turn,
	}
	for _, t := range q.Topics {
		if info, err := s.archive.Topic(t); err == nil {
			page.Topics = append(page.Topics, web.Link{URL: topicURL(t), Label: info.Name})
		}
	}
	// The paragraphs around it: the one before, the quote's own (at most six), the one after.
	from := max(0, q.Start.Para-1)
	to := min(len(art.Paragraphs), q.End.Para+2, from+8)
	page.Context = paras(art, from, to, nil)
	echoes, err := s.archive.Echoes(q.ID)
	if err != nil {
		return err
	}
	page.Echoes = s.echoViews(q, echoes)
	page.Neighbours = s.neighbourViews(&art.Summary)
	s.render(w, r, http.StatusOK, web.QuotePage(page))
	return nil
}

func speakerNames(sp []index.Speaker) string {
	return joinSpeakers(sp, false)
}

// speakerRoles writes who said a quote with the office each held on its date, as a citation
// names them: "Antony Blinken, Secretary of State"; "Antony Blinken (Secretary of State) and
// Lloyd Austin (Secretary of Defense)".
func speakerRoles(sp []index.Speaker) string {
	return joinSpeakers(sp, true)
}

func joinSpeakers(sp []index.Speaker, roles bool) string {
	if len(sp) == 0 {
		return web.UnidentifiedSpeaker
	}
	names := make([]string, len(sp))
	for i, x := range sp {
		names[i] = x.Name
		if roles && x.Role != "" {
			names[i] += web.RoleAfter(x.Role, len(sp))
		}
	}
	return english.List(names)
}

// topics handles "GET /topics": the topics with their counts.
func (s *Server) topics(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r); err != nil {
		return err
	}
	list, err := s.archive.Topics()
	if err != nil {
		return err
	}
	l := web.List{
		Page:    web.Page{Title: "Topics", Canonical: s.abs("/topics"), Nav: "topics", Notice: s.notice()},
		Heading: "Topics",
		Intro:   "What the articles and quotes are about. The number is the articles on each.",
	}
	for _, t := range list {
		l.Items = append(l.Items, web.Link{URL: topicURL(t.ID), Label: t.Name, Count: t.Articles, Hint: fmt.Sprintf("%d articles, %d quotes", t.Articles, t.Quotes)})
	}
	s.render(w, r, http.StatusOK, web.ListPage(l))
	return nil
}

// topic handles "GET /topics/{id}": the quotes and articles on it, who speaks on it most, and a
// timeline.
func (s *Server) topic(w http.ResponseWriter, r *http.Request) error {
	_, info, err := byID(r, slugID, "topic", s.archive.Topic)
	if err != nil {
		return err
	}
	id := info.ID
	// What is most about the topic first: a topic without words ranks by it (index/topics.go).
	quotes, err := s.searchArchive(r.Context(), index.Query{Kind: index.KindQuotes, Topics: []string{id}, Sort: index.SortRelevance, Page: 1, PerPage: 8})
	if err != nil {
		return err
	}
	articles, err := s.searchArchive(r.Context(), index.Query{Kind: index.KindArticles, Topics: []string{id}, Sort: index.SortRelevance, Page: 1, PerPage: 6})
	if err != nil {
		return err
	}
	t := web.Topic{
		Page: web.Page{
			Title: info.Name, Canonical: s.abs(topicURL(id)), Nav: "topics", Notice: s.notice(),
			Description: fmt.Sprintf("%s: %d articles and %d quotes in the Readout archive.", info.Name, info.Articles, info.Quotes),
		},
		Name: info.Name, Terms: strings.Join(quoteEach(info.Terms), ", "),
		About: fmt.Sprintf("%s %s name it; %s %s about it: named in the title, or often for their length.",
			english.Number(info.Articles), english.Plural(info.Articles, "article", "articles"), english.Number(info.About), english.Plural(info.About, "is", "are")),
		QuoteTotal: quotes.Total, ArticleNum: articles.Total,
		SearchURL: searchState{Topics: []string{id}}.url("/search"),
		QuotesURL: searchState{Kind: index.KindQuotes, Topics: []string{id}}.url("/search"),
	}
	for _, a := range quotes.Facets.Actors {
		t.Speakers = append(t.Speakers, web.Link{URL: searchState{Kind: index.KindQuotes, Topics: []string{id}, Actors: []string{a.ID}}.url("/search"), Label: a.Name, Count: a.Count})
	}
	// Each quote shows the passage that names the topic, not the start of a long turn.
	terms := s.archive.Highlighter(topicSearch(info.Terms))
	for i := range quotes.QuoteHits {
		h := &quotes.QuoteHits[i]
		t.Quotes = append(t.Quotes, quoteCard(&h.Quote, h.ArticleOf, terms.Excerpt(h.Quote.Text, 320)))
	}
	for i := range articles.ArticleHits {
		c := articleCard(&articles.ArticleHits[i], "")
		c.Tag = "Mentions " + info.Name
		if slices.Contains(articles.ArticleHits[i].About, id) {
			c.Tag = "About " + info.Name
		}
		t.Articles = append(t.Articles, c)
	}
	months, err := s.archive.Monthly("", id)
	if err != nil {
		return err
	}
	t.Timeline = monthBars(months, func(from, to time.Time) string {
		return searchState{Topics: []string{id}, From: from, To: to, Sort: index.SortNewest}.url("/search")
	})
	s.render(w, r, http.StatusOK, web.TopicPage(t))
	return nil
}

// topicSearch is a search for any of a topic's terms, each as a phrase.
func topicSearch(terms []string) string {
	var parts []string
	for _, t := range terms[:min(len(terms), query.MaxClauses)] {
		parts = append(parts, `"`+strings.ReplaceAll(t, `"`, "")+`"`)
	}
	return strings.Join(parts, " OR ")
}

func quoteEach(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = "“" + w + "”"
	}
	return out
}

// facetAnchor is the id of a facet's heading on the search page, where "See all" leads.
func facetAnchor(field string) string {
	if field == index.FacetCountry {
		return "facet-countries"
	}
	return "facet-" + field + "s"
}
