package handlers

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/english"
	"github.com/readout/readout/index"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/highlight"
	"github.com/readout/readout/web"
)

func articleURL(id string) string { return "/articles/" + url.PathEscape(id) }
func quoteURL(id string) string   { return "/quotes/" + url.PathEscape(id) }
func actorURL(id string) string   { return "/actors/" + url.PathEscape(id) }
func topicURL(id string) string   { return "/topics/" + url.PathEscape(id) }

// quoteInArticle is the address of a quote in its article: the page, scrolled to its anchor.
func quoteInArticle(articleID, quoteID string) string {
	return articleURL(articleID) + "#q-" + quoteID
}

// sourceLabel is who published an article: the source the archive names, else the site of
// its original's address (whitehouse.gov); empty when neither is known: nothing is said rather
// than "unknown".
func sourceLabel(name, original string) string {
	if name != "" || original == "" {
		return name
	}
	u, err := url.Parse(original)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// searchState is a search page's state, written back into links: every state of the page is an
// address, so it can be shared and works without JavaScript.
type searchState struct {
	Q       string
	Kind    string
	Actors  []string
	Topics  []string
	Sources []string
	// Countries are the governments or organisations the speakers speak for.
	Countries []string
	From      time.Time
	To        time.Time
	Full      bool // full quotes only
	Sort      string
	Page      int
	// Procedural asks for the turns that carry no statement too.
	Procedural bool
	// Literal reads the box's words as words, a name among them too.
	Literal bool
	// AllOf is the facet whose values are all listed.
	AllOf string
}

func stateOf(q index.Query) searchState {
	return searchState{
		Q: q.Text, Kind: q.Kind, Actors: q.Actors, Topics: q.Topics, Sources: q.Sources, Countries: q.Countries,
		From: q.From, To: q.To, Full: q.Full, Sort: q.Sort, Page: q.Page, Procedural: q.Procedural, Literal: q.Literal,
		AllOf: q.AllOf,
	}
}

// values writes the state as query parameters, in a fixed order, leaving defaults out.
func (st searchState) values() url.Values {
	v := url.Values{}
	if st.Q != "" {
		v.Set("q", st.Q)
	}
	if st.Kind != "" && st.Kind != index.KindArticles {
		v.Set("kind", st.Kind)
	}
	for _, a := range st.Actors {
		v.Add("actor", a)
	}
	for _, t := range st.Topics {
		v.Add("topic", t)
	}
	for _, s := range st.Sources {
		v.Add("source", s)
	}
	for _, c := range st.Countries {
		v.Add("country", c)
	}
	if !st.From.IsZero() {
		v.Set("from", st.From.Format(time.DateOnly))
	}
	if !st.To.IsZero() {
		v.Set("to", st.To.Format(time.DateOnly))
	}
	if st.Full {
		v.Set("full", "1")
	}
	if st.Sort != "" && st.Sort != index.SortRelevance {
		v.Set("sort", st.Sort)
	}
	if st.Procedural {
		v.Set("procedural", "1")
	}
	if st.Literal {
		v.Set("literal", "1")
	}
	if st.AllOf != "" {
		v.Set("all", st.AllOf)
	}
	if st.Page > 1 {
		v.Set("page", strconv.Itoa(st.Page))
	}
	return v
}

func (st searchState) url(path string) string {
	if enc := st.values().Encode(); enc != "" {
		return path + "?" + enc
	}
	return path
}

// with returns a copy of the state changed by f, back on its first page.
func (st searchState) with(f func(*searchState)) searchState {
	c := st
	c.Actors = slices.Clone(st.Actors)
	c.Topics = slices.Clone(st.Topics)
	c.Sources = slices.Clone(st.Sources)
	c.Countries = slices.Clone(st.Countries)
	f(&c)
	if c.Page == st.Page {
		c.Page = 1
	}
	return c
}

func toggle(list []string, v string) []string {
	if i := slices.Index(list, v); i >= 0 {
		return slices.Delete(list, i, i+1)
	}
	return append(list, v)
}

// speakerLinks links a quote's speakers to their pages, with the office each held on the
// quote's date and the government they speak for when roles is set (cards, quote pages, transcripts' turns; not the attributions
// inside an article's sentences, which stay short).
func speakerLinks(sp []index.Speaker, roles bool) []web.Link {
	out := make([]web.Link, len(sp))
	for i, s := range sp {
		out[i] = web.Link{URL: actorURL(s.ID), Label: s.Name}
		if roles {
			out[i].Note = roleAndCountry(s)
		}
	}
	return out
}

// roleAndCountry writes a speaker's office and, where it adds something, the government or
// organisation they speak for: "Foreign Minister · China". A country speaking, or an office
// that names it already ("President of Kenya"), goes without.
func roleAndCountry(s index.Speaker) string {
	if s.Country == "" || s.CountryID == s.ID || strings.Contains(s.Role, s.Country) {
		return s.Role
	}
	if s.Role == "" {
		return s.Country
	}
	return s.Role + " · " + s.Country
}

// quoteCard builds a quote for a list; text is its words, marked where a search matched.
func quoteCard(q *index.Quote, art *index.Summary, text highlight.Fragment) web.QuoteCard {
	c := web.QuoteCard{
		ID:        q.ID,
		URL:       quoteURL(q.ID),
		InArticle: quoteInArticle(q.Article, q.ID),
		Text:      text,
		Kind:      string(q.Kind),
		Speakers:  speakerLinks(q.Speakers, true),
		Date:      q.Date.String(),
	}
	if art != nil {
		c.Article = web.Link{URL: articleURL(art.ID), Label: art.Title}
	}
	return c
}

// plainQuote is a quote's words, cut to about n bytes for a list.
func plainQuote(q *index.Quote, n int) highlight.Fragment {
	return highlight.Cut(q.Text, n)
}

func counts(quotes, words int) string {
	parts := []string{}
	if quotes > 0 {
		parts = append(parts, english.Count(quotes, "quote", "quotes"))
	}
	if words > 0 {
		parts = append(parts, english.Count(words, "word", "words"))
	}
	return strings.Join(parts, " · ")
}

// articleCard builds an article for a list. hl, when not empty, is the search, carried to the
// article's page so it highlights the same words.
func articleCard(h *index.ArticleHit, hl string) web.ArticleCard {
	u := articleURL(h.ID)
	if hl != "" {
		u += "?" + url.Values{"hl": {hl}}.Encode()
	}
	c := web.ArticleCard{
		ID: h.ID, URL: u, Title: h.Title,
		Date: h.Date.String(), DateISO: h.Date.ISO(),
		Source: sourceLabel(h.Source, h.URL), Place: h.Place,
		Counts:    counts(h.QuoteCount, h.Words),
		Fragments: h.Fragments,
	}
	for i := range h.Quotes {
		q := &h.Quotes[i]
		c.Quotes = append(c.Quotes, quoteCard(&q.Quote, &h.Summary, q.Fragment))
	}
	return c
}

func summaryCard(s *index.Summary) web.ArticleCard {
	return web.ArticleCard{
		ID: s.ID, URL: articleURL(s.ID), Title: s.Title,
		Date: s.Date.String(), DateISO: s.Date.ISO(),
		Source: sourceLabel(s.Source, s.URL), Place: s.Place,
		Counts: counts(s.QuoteCount, s.Words),
	}
}

// paras cuts an article's paragraphs [from, to) into segments: the quotes in them, marked and
// anchored, with their attribution after their last piece, and the searched words (hl).
func paras(art *index.Article, from, to int, hl *highlight.Highlighter) []web.Para {
	type bound struct {
		q          *index.Quote
		start, end int
		after      int // where the attribution goes: past the closing marks
	}
	out := make([]web.Para, 0, to-from)
	var turn *index.Quote // the turn the paragraphs are in
	for p := from; p < to; p++ {
		para := art.Paragraphs[p]
		wp := web.Para{Kind: para.Kind.String()}
		var bounds []bound
		for k := range art.Quotes {
			q := &art.Quotes[k]
			if q.Start.Para > p || q.End.Para < p {
				continue
			}
			if q.Turn {
				if q.Start.Para == p {
					wp.Turn = &web.Attribution{QuoteID: q.ID, QuoteURL: quoteURL(q.ID), Speakers: speakerLinks(q.Speakers, true)}
				}
				turn = q
				continue
			}
			b := bound{q: q, start: 0, end: len(para.Text)}
			if q.Start.Para == p {
				b.start = q.Start.Off
			}
			if q.End.Para == p {
				b.end = q.End.Off
			}
			b.after = b.end + closingMarks(para.Text[b.end:])
			if len(bounds) > 0 && b.start < bounds[len(bounds)-1].after {
				continue // overlapping quotes: the first one is marked
			}
			bounds = append(bounds, b)
		}
		wp.InTurn = turn != nil && turn.Start.Para <= p && p <= turn.End.Para
		if wp.InTurn {
			wp.TurnID = turn.ID
		}
		var marks [][2]int
		if !hl.Empty() {
			marks = hl.Marks(para.Text)
		}
		// Cut points: quote edges and highlight edges.
		cuts := []int{0, len(para.Text)}
		for _, b := range bounds {
			cuts = append(cuts, b.start, b.end, b.after)
		}
		for _, m := range marks {
			cuts = append(cuts, m[0], m[1])
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		for i := 0; i+1 < len(cuts); i++ {
			lo, hi := cuts[i], cuts[i+1]
			seg := web.Segment{Text: para.Text[lo:hi]}
			for _, m := range marks {
				if m[0] <= lo && hi <= m[1] {
					seg.Highlight = true
				}
			}
			for _, b := range bounds {
				if b.start <= lo && hi <= b.end {
					seg.Quote, seg.QuoteKind = b.q.ID, string(b.q.Kind)
					seg.Anchor = lo == b.start && b.q.Start.Para == p
				}
				if hi == b.after && b.q.End.Para == p {
					seg.After = &web.Attribution{QuoteID: b.q.ID, QuoteURL: quoteURL(b.q.ID), Speakers: speakerLinks(b.q.Speakers, false)}
				}
			}
			seg.Anchor = seg.Anchor && !anchored(wp.Segments, seg.Quote)
			wp.Segments = append(wp.Segments, seg)
		}
		out = append(out, wp)
	}
	return out
}

// closingMarks returns the length in bytes of the quotation marks that close a quote at the
// start of s.
func closingMarks(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		switch r {
		case '”', '’', '»', '"', '\'':
			n += size
		default:
			return n
		}
	}
	return n
}

// anchored reports whether a segment of the quote already carries its anchor.
func anchored(segs []web.Segment, quote string) bool {
	for _, s := range segs {
		if s.Quote == quote && s.Anchor {
			return true
		}
	}
	return false
}

// bodyParas returns an article's paragraphs, without the headline printed with the text: the
// page shows it once, as its title.
// numberMarks numbers the searched words' marks of a page, in reading order, and returns how
// many there are: a mark cut by a quote's edge is one.
func numberMarks(title []web.Segment, body []web.Para) int {
	n := 0
	number := func(segs []web.Segment) {
		for i := range segs {
			if segs[i].Highlight && (i == 0 || !segs[i-1].Highlight) {
				n++
				segs[i].MarkID = n
			}
		}
	}
	number(title)
	for _, p := range body {
		number(p.Segments)
	}
	return n
}

func bodyParas(art *index.Article, hl *highlight.Highlighter) []web.Para {
	all := paras(art, 0, len(art.Paragraphs), hl)
	return slices.DeleteFunc(all, func(p web.Para) bool { return p.Kind == document.Title.String() })
}

// titleSegments returns the title to show: the headline printed with the text, with its
// quotes marked, or the title as the archive knows it.
func titleSegments(art *index.Article, hl *highlight.Highlighter) []web.Segment {
	for p, para := range art.Paragraphs {
		if para.Kind == document.Title {
			ps := paras(art, p, p+1, hl)
			return ps[0].Segments
		}
	}
	var segs []web.Segment
	for _, s := range hl.Excerpt(art.Title, len(art.Title)+1) {
		segs = append(segs, web.Segment{Text: s.Text, Highlight: s.Mark})
	}
	return segs
}

// bars turns counts into histogram bars scaled to the largest.
func bars(n int, get func(i int) (label, title string, count int, url string, active bool)) []web.Bar {
	out := make([]web.Bar, n)
	most := 0
	for i := range n {
		_, _, c, _, _ := get(i)
		most = max(most, c)
	}
	for i := range n {
		label, title, c, u, active := get(i)
		h := 0
		if most > 0 && c > 0 {
			h = max(2, c*100/most)
		}
		out[i] = web.Bar{Label: label, Title: title, Count: c, Height: h, URL: u, Active: active}
	}
	return out
}

// monthBars draws a timeline by month; each bar searches that month.
func monthBars(months []index.MonthCount, link func(from, to time.Time) string) []web.Bar {
	return bars(len(months), func(i int) (string, string, int, string, bool) {
		m := months[i].Month
		label := ""
		if m.Month() == time.January || i == 0 {
			label = m.Format("2006")
		}
		return label, m.Format("January 2006"), months[i].Count, link(m, m.AddDate(0, 1, -1)), false
	})
}
