package handlers

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/readout/readout/english"
	"github.com/readout/readout/index"
	"github.com/readout/readout/web"
)

// actorsState is the list of actors' state, written back into its links: every state of the
// list is an address.
type actorsState struct {
	Name, Kind, Letter, Sort string
	Page, PerPage            int
	perPage                  int // the route's default, left out of addresses
}

func (st actorsState) url(path string) string {
	v := url.Values{}
	if st.Name != "" {
		v.Set("name", st.Name)
	}
	if st.Kind != "" {
		v.Set("kind", st.Kind)
	}
	if st.Letter != "" {
		v.Set("letter", st.Letter)
	}
	if st.Sort != "" && st.Sort != index.ActorsByQuotes {
		v.Set("sort", st.Sort)
	}
	if st.Page > 1 {
		v.Set("page", strconv.Itoa(st.Page))
	}
	if st.PerPage != st.perPage {
		v.Set("per_page", strconv.Itoa(st.PerPage))
	}
	if enc := v.Encode(); enc != "" {
		return path + "?" + enc
	}
	return path
}

// with returns a copy of the state changed by f, on its first page.
func (st actorsState) with(f func(*actorsState)) actorsState {
	c := st
	f(&c)
	c.Page = 1
	return c
}

// kindNames are the kinds of actor as the list names them: one, several.
var kindNames = map[string][2]string{
	index.ActorPerson:       {"Person", "People"},
	index.ActorOrganisation: {"Organisation", "Organisations"},
	index.ActorState:        {"State", "States"},
	index.ActorRole:         {"Role without a name", "Roles without a name"},
	index.ActorOther:        {"Kind not known", "Kind not known"},
}

// actors handles "GET /actors": the actors that speak or are named, as a table whose rows read
// in the list's order: found by a name, narrowed by kind and initial, most quoted first or by
// name, a page at a time.
func (s *Server) actors(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r)
	if err != nil {
		return err
	}
	q, err := actorsQuery(p, actorsPerPage, actorsPerPage)
	if err != nil {
		return err
	}
	list, err := s.archive.ActorList(q)
	if err != nil {
		return err
	}
	if err := pastTheEnd(q.Page, list.Total, q.PerPage, "actor", "actors"); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, web.ActorsPage(s.actorsPage(q, list)))
	return nil
}

func (s *Server) actorsPage(q index.ActorQuery, list *index.ActorList) web.Actors {
	st := actorsState{Name: q.Name, Kind: q.Kind, Letter: q.Letter, Sort: q.Sort, Page: q.Page, PerPage: q.PerPage, perPage: actorsPerPage}
	title := "Actors"
	if q.Name != "" {
		title = "Actors: " + q.Name
	}
	l := web.Actors{
		Page: web.Page{
			Title: title, Canonical: s.abs(st.url("/actors")), Nav: "actors", Notice: s.notice(),
			Description: fmt.Sprintf("The %s people, organisations, states and roles that speak or are named in the Readout archive.", english.Number(list.All)),
		},
		Intro: fmt.Sprintf("%s people, organisations, states and roles that speak or are named in the archive. Rank is each one's place by the number of their quotes.",
			english.Number(list.All)),
		Name:       q.Name,
		APIURL:     st.url("/api/actors"),
		RankByName: q.Sort == index.ActorsByName,
	}
	// The form keeps the kind and the order; a name typed anew is looked for under every
	// initial.
	if q.Kind != "" {
		l.Hidden = append(l.Hidden, web.Hidden{Name: "kind", Value: q.Kind})
	}
	if q.Sort != index.ActorsByQuotes {
		l.Hidden = append(l.Hidden, web.Hidden{Name: "sort", Value: q.Sort})
	}
	if q.PerPage != actorsPerPage {
		l.Hidden = append(l.Hidden, web.Hidden{Name: "per_page", Value: strconv.Itoa(q.PerPage)})
	}

	all := 0
	for _, n := range list.Kinds {
		all += n
	}
	l.Kinds = append(l.Kinds, web.Link{Label: "All", Count: all, Active: q.Kind == "", URL: st.with(func(c *actorsState) { c.Kind = "" }).url("/actors")})
	for _, k := range index.ActorKinds {
		if list.Kinds[k] == 0 && q.Kind != k {
			continue
		}
		l.Kinds = append(l.Kinds, web.Link{Label: kindNames[k][1], Count: list.Kinds[k], Active: q.Kind == k, URL: st.with(func(c *actorsState) { c.Kind = k }).url("/actors")})
	}

	l.Letters = append(l.Letters, web.Link{Label: "All", Active: q.Letter == "", URL: st.with(func(c *actorsState) { c.Letter = "" }).url("/actors"), Hint: "Every initial"})
	for c := 'a'; c <= 'z'; c++ {
		l.Letters = append(l.Letters, letterLink(st, string(c), strings.ToUpper(string(c)), list.Letters[string(c)]))
	}
	if list.Letters[index.LetterOther] > 0 || q.Letter == index.LetterOther {
		l.Letters = append(l.Letters, letterLink(st, index.LetterOther, "Other", list.Letters[index.LetterOther]))
	}

	for _, o := range []struct{ v, label string }{{index.ActorsByQuotes, "Most quoted"}, {index.ActorsByName, "A–Z (people by surname)"}} {
		l.Sorts = append(l.Sorts, web.Link{Label: o.label, Active: q.Sort == o.v, URL: st.with(func(c *actorsState) { c.Sort = o.v }).url("/actors")})
	}
	if q.Name != "" || q.Kind != "" || q.Letter != "" {
		l.ClearURL = actorsState{Sort: q.Sort, PerPage: q.PerPage, perPage: actorsPerPage}.url("/actors")
	}

	for _, a := range list.Actors {
		row := web.ActorRow{Rank: a.Rank, URL: actorURL(a.ID), Name: a.Name, Kind: kindNames[index.ActorKindOf(a.Kind)][0], Quotes: a.Quotes, Articles: a.Articles}
		if len(a.Roles) > 0 {
			row.Role = a.Roles[len(a.Roles)-1].Title
		}
		l.Rows = append(l.Rows, row)
	}
	l.Caption = actorsCaption(q, list)
	pages := (list.Total + q.PerPage - 1) / q.PerPage
	l.Pager = pagesOf(q.Page, pages, func(n int) string { c := st; c.Page = n; return c.url("/actors") })

	switch {
	case list.Total == 0:
		l.Empty = "No actor " + actorsFilterText(q, "matches all of that") + "."
		if q.Letter != "" {
			l.Suggest = append(l.Suggest, web.Link{Label: "every initial", URL: st.with(func(c *actorsState) { c.Letter = "" }).url("/actors")})
		}
		if q.Kind != "" {
			l.Suggest = append(l.Suggest, web.Link{Label: "every kind", URL: st.with(func(c *actorsState) { c.Kind = "" }).url("/actors")})
		}
		if q.Name != "" {
			l.Suggest = append(l.Suggest, web.Link{Label: "the statements that mention “" + q.Name + "”", URL: searchState{Q: q.Name}.url("/search")})
		}
	}
	return l
}

func letterLink(st actorsState, letter, label string, n int) web.Link {
	l := web.Link{Label: label, Active: st.Letter == letter, Hint: fmt.Sprintf("%s listed under %s", english.Number(n), label)}
	if letter == index.LetterOther {
		l.Hint = fmt.Sprintf("%s whose names do not begin with a letter from A to Z", english.Number(n))
	}
	if n > 0 || l.Active {
		l.URL = st.with(func(c *actorsState) { c.Letter = letter }).url("/actors")
	}
	return l
}

// actorsCaption says what the table lists: "Actors 1–50 of 4,177, most quoted first".
func actorsCaption(q index.ActorQuery, list *index.ActorList) string {
	if len(list.Actors) == 0 {
		return ""
	}
	what, one := "actors", "actor"
	if q.Kind != "" && q.Kind != index.ActorOther {
		what, one = strings.ToLower(kindNames[q.Kind][1]), strings.ToLower(kindNames[q.Kind][0])
	}
	first := (q.Page-1)*q.PerPage + 1
	var c string
	switch {
	case list.Total == 1:
		c = "1 " + one
	case list.Total <= q.PerPage && q.Page == 1:
		c = english.Number(list.Total) + " " + what
	default:
		c = fmt.Sprintf("%s %s–%s of %s", what, english.Number(first), english.Number(first+len(list.Actors)-1), english.Number(list.Total))
	}
	c = strings.ToUpper(c[:1]) + c[1:]
	if f := actorsFilterText(q, ""); f != "" {
		c += " " + f
	}
	if q.Sort == index.ActorsByName {
		return c + ", by name"
	}
	return c + ", most quoted first"
}

// actorsFilterText says what the name and the initial keep: `whose name begins with “psa”,
// listed under P`; def when they keep all.
func actorsFilterText(q index.ActorQuery, def string) string {
	var parts []string
	if q.Name != "" {
		parts = append(parts, "named “"+q.Name+"”")
	}
	if q.Letter == index.LetterOther {
		parts = append(parts, "listed under no letter from A to Z")
	} else if q.Letter != "" {
		parts = append(parts, "listed under "+strings.ToUpper(q.Letter))
	}
	switch {
	case q.Kind == index.ActorOther:
		parts = append(parts, "whose kind is not known")
	case q.Kind != "" && def != "":
		parts = append(parts, "of the kind “"+strings.ToLower(kindNames[q.Kind][1])+"”")
	}
	if len(parts) == 0 {
		return def
	}
	return strings.Join(parts, ", ")
}

// apiActors handles "GET /api/actors": a page of the actors that speak or are named, with their
// counts and ranks, found, narrowed and sorted as on /actors (name, kind, letter, sort, page,
// per_page), and the counts of each kind and initial.
func (s *Server) apiActors(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r)
	if err != nil {
		return err
	}
	q, err := actorsQuery(p, apiPerPage, index.MaxPerPage)
	if err != nil {
		return err
	}
	list, err := s.archive.ActorList(q)
	if err != nil {
		return err
	}
	out := struct {
		Total   int        `json:"total"`
		All     int        `json:"all"`
		Page    int        `json:"page"`
		PerPage int        `json:"per_page"`
		Pages   int        `json:"pages"`
		Sort    string     `json:"sort"`
		Actors  []apiActor `json:"actors"`
		Kinds   []apiFacet `json:"kinds"`
		Letters []apiFacet `json:"letters"`
	}{
		Total: list.Total, All: list.All, Page: q.Page, PerPage: q.PerPage, Pages: (list.Total + q.PerPage - 1) / q.PerPage,
		Sort: q.Sort, Actors: []apiActor{}, Kinds: []apiFacet{}, Letters: []apiFacet{},
	}
	for i := range list.Actors {
		a := actorJSON(&list.Actors[i].ActorInfo, false)
		a.Rank = list.Actors[i].Rank
		out.Actors = append(out.Actors, a)
	}
	for _, k := range index.ActorKinds {
		if n := list.Kinds[k]; n > 0 {
			out.Kinds = append(out.Kinds, apiFacet{ID: k, Name: kindNames[k][1], Count: n})
		}
	}
	for c := 'a'; c <= 'z'; c++ {
		if n := list.Letters[string(c)]; n > 0 {
			out.Letters = append(out.Letters, apiFacet{ID: string(c), Name: strings.ToUpper(string(c)), Count: n})
		}
	}
	if n := list.Letters[index.LetterOther]; n > 0 {
		out.Letters = append(out.Letters, apiFacet{ID: index.LetterOther, Name: "Other", Count: n})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// actorState is an actor page's state, a search of their quotes, written back into its links.
type actorState struct {
	ID       string
	Q        string
	Topics   []string
	From, To time.Time
	Full     bool
	Sort     string
	Page     int
	PerPage  int
}

func actorStateOf(id string, q index.Query) actorState {
	return actorState{ID: id, Q: q.Text, Topics: q.Topics, From: q.From, To: q.To, Full: q.Full, Sort: q.Sort, Page: q.Page, PerPage: q.PerPage}
}

func (st actorState) url() string {
	v := url.Values{}
	if st.Q != "" {
		v.Set("q", st.Q)
	}
	for _, t := range st.Topics {
		v.Add("topic", t)
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
	// The order by default: best match first for words, else newest first (the best match
	// when nothing is searched for).
	if st.Q != "" && st.Sort != index.SortRelevance || st.Q == "" && st.Sort == index.SortOldest {
		v.Set("sort", st.Sort)
	}
	if st.Page > 1 {
		v.Set("page", strconv.Itoa(st.Page))
	}
	if st.PerPage != 0 && st.PerPage != defaultPerPage {
		v.Set("per_page", strconv.Itoa(st.PerPage))
	}
	if enc := v.Encode(); enc != "" {
		return actorURL(st.ID) + "?" + enc
	}
	return actorURL(st.ID)
}

// with returns a copy of the state changed by f, on its first page.
func (st actorState) with(f func(*actorState)) actorState {
	c := st
	c.Topics = slices.Clone(st.Topics)
	f(&c)
	c.Page = 1
	return c
}

// actor handles "GET /actors/{id}": who they are (kind, roles with their dates, other
// spellings), and their quotes: searched within (q), full quotes only (full), on a topic, in a
// date range, newest or oldest first, a page at a time. Where the search engine's bound on
// paging cuts the list short, the page says so and offers the years, or months, that list the
// rest: every quote can be reached.
func (s *Server) actor(w http.ResponseWriter, r *http.Request) error {
	p, info, err := byID(r, slugID, "actor", s.archive.Actor)
	if err != nil {
		return err
	}
	id := info.ID
	q, err := actorQuotesQuery(p, id)
	if err != nil {
		return err
	}
	if q.Text == "" && q.Sort == index.SortRelevance {
		q.Sort = index.SortNewest // without words, the best match is the newest
	}
	res, err := s.searchArchive(r.Context(), q)
	if err != nil {
		return err
	}
	if res.Filtered {
		// Filters typed in the box: topics and dates stay on this page, as its filters; another
		// actor, a source or a country makes it a search of everyone's quotes.
		if len(res.Query.Sources) == 0 && len(res.Query.Countries) == 0 && slices.Equal(res.Query.Actors, []string{id}) {
			st := actorStateOf(id, res.Query)
			st.Q, st.Page = res.Words, 0
			http.Redirect(w, r, st.url(), http.StatusSeeOther)
			return nil
		}
		st := stateOf(res.Query)
		st.Q, st.Kind, st.Page = res.Words, index.KindQuotes, 0
		http.Redirect(w, r, st.url("/search"), http.StatusSeeOther)
		return nil
	}
	if err := pastTheEnd(q.Page, res.Total, q.PerPage, "quote", "quotes"); err != nil {
		return err
	}
	page := s.actorPage(info, res)
	months, err := s.archive.Monthly(id, "")
	if err != nil {
		return err
	}
	st := actorStateOf(id, res.Query)
	page.Timeline = monthBars(months, func(from, to time.Time) string {
		return st.with(func(c *actorState) { c.From, c.To = from, to }).url()
	})
	s.render(w, r, http.StatusOK, web.ActorPage(page))
	return nil
}

func (s *Server) actorPage(info *index.ActorInfo, res *index.Results) web.Actor {
	q := res.Query
	id := info.ID
	st := actorStateOf(id, q)
	title := info.Name
	if q.Text != "" {
		title = info.Name + ": " + q.Text
	}
	a := web.Actor{
		Page: web.Page{
			Title: title, Canonical: s.abs(st.url()), Nav: "actors", Notice: s.notice(), Query: q.Text,
			Description: fmt.Sprintf("%s: %s quotes in the Readout archive.", info.Name, english.Number(info.Quotes)),
			OwnSearch:   true,
		},
		Name: info.Name, Kind: kindNames[index.ActorKindOf(info.Kind)][0], Registered: info.Registered,
		Articles:    info.Articles,
		Action:      actorURL(id),
		SearchLabel: "Search " + possessive(info.Name) + " statements",
		Full:        q.Full,
		Notes:       res.Notes,
	}
	if res.Reading != q.Text {
		a.Reading = res.Reading
	}
	if info.Country != "" {
		a.Facts = append(a.Facts, web.Fact{Label: "Country", Value: info.Country})
	}
	if info.Organisation != "" {
		a.Facts = append(a.Facts, web.Fact{Label: "Organisation", Value: info.Organisation})
	}
	if also := alsoWritten(info); len(also) > 0 {
		a.Facts = append(a.Facts, web.Fact{Label: "Also written", Value: strings.Join(also, ", ")})
	}
	for _, role := range slices.Backward(info.Roles) {
		a.Roles = append(a.Roles, web.Fact{Label: role.Title, Value: roleDates(role)})
	}

	// The form keeps the topics and the dates; its box, its switch and its order are its own.
	for _, t := range q.Topics {
		a.Hidden = append(a.Hidden, web.Hidden{Name: "topic", Value: t})
	}
	if !q.From.IsZero() {
		a.Hidden = append(a.Hidden, web.Hidden{Name: "from", Value: q.From.Format(time.DateOnly)})
	}
	if !q.To.IsZero() {
		a.Hidden = append(a.Hidden, web.Hidden{Name: "to", Value: q.To.Format(time.DateOnly)})
	}
	if q.PerPage != defaultPerPage {
		a.Hidden = append(a.Hidden, web.Hidden{Name: "per_page", Value: strconv.Itoa(q.PerPage)})
	}
	for _, o := range []struct{ v, label string }{{index.SortNewest, "Newest first"}, {index.SortOldest, "Oldest first"}, {index.SortRelevance, "Best match"}} {
		a.Sorts = append(a.Sorts, web.Link{URL: o.v, Label: o.label, Active: q.Sort == o.v})
	}

	topicName := func(tid string) string {
		for _, v := range res.Facets.Topics {
			if v.ID == tid {
				return v.Name
			}
		}
		return tid
	}
	if q.Text != "" {
		a.Chips = append(a.Chips, web.Link{Label: "Words: " + q.Text, URL: st.with(func(c *actorState) { c.Q = "" }).url(), Hint: "Remove this filter"})
	}
	for _, t := range q.Topics {
		a.Chips = append(a.Chips, web.Link{Label: "Topic: " + topicName(t), URL: st.with(func(c *actorState) { c.Topics = toggle(c.Topics, t) }).url(), Hint: "Remove this filter"})
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		a.Chips = append(a.Chips, web.Link{Label: "When: " + rangeLabel(q.From, q.To), URL: st.with(func(c *actorState) { c.From, c.To = time.Time{}, time.Time{} }).url(), Hint: "Remove this filter"})
	}
	if q.Full {
		a.Chips = append(a.Chips, web.Link{Label: "Full quotes only", URL: st.with(func(c *actorState) { c.Full = false }).url(), Hint: "Remove this filter"})
	}

	order := map[string]string{index.SortNewest: "newest first", index.SortOldest: "oldest first", index.SortRelevance: "best match first"}[q.Sort]
	if q.Sort == index.SortRelevance && res.Words == "" {
		order = "newest first" // nothing left to match: the search sorts by date
	}
	first := (q.Page-1)*q.PerPage + 1
	switch {
	case res.Total == 0:
		a.Heading = "No quotes"
	case res.Total <= q.PerPage && q.Page == 1:
		a.Heading = fmt.Sprintf("%s %s, %s", english.Number(res.Total), english.Plural(res.Total, "quote", "quotes"), order)
	case len(res.QuoteHits) == 0:
		a.Heading = fmt.Sprintf("%s quotes", english.Number(res.Total))
	default:
		a.Heading = fmt.Sprintf("Quotes %s–%s of %s, %s", english.Number(first), english.Number(first+len(res.QuoteHits)-1), english.Number(res.Total), order)
	}
	for i := range res.QuoteHits {
		h := &res.QuoteHits[i]
		text := h.Fragment // the searched words marked
		if q.Text == "" {
			text = plainQuote(&h.Quote, 400)
		}
		a.Quotes = append(a.Quotes, quoteCard(&h.Quote, h.ArticleOf, text))
	}

	// Pages: as many as the search engine reaches, and the page says how far that is.
	pages := (res.Total + q.PerPage - 1) / q.PerPage
	reach := min(pages, index.MaxResults/q.PerPage)
	a.Pager = pagesOf(q.Page, reach, func(n int) string { c := st; c.Page = n; return c.url() })
	if reach > 1 {
		a.Pager.Summary = fmt.Sprintf("Page %s of %s", english.Number(q.Page), english.Number(reach))
	}
	switch {
	case res.Total == 0:
		a.Empty = "None of " + possessive(info.Name) + " quotes match all of that."
		if info.Quotes == 0 {
			a.Empty = info.Name + " is named in the archive, but not quoted."
		}
		if len(a.Chips) > 0 {
			a.Suggest = append(a.Suggest, web.Link{Label: "all of their quotes", URL: actorURL(id)})
		}
		if q.Text != "" {
			a.Suggest = append(a.Suggest, web.Link{Label: "these words in everyone's quotes", URL: searchState{Q: q.Text, Kind: index.KindQuotes}.url("/search")})
		}
	}
	if q.Text != "" && res.Total > 0 {
		a.AllQuotes = searchState{Q: q.Text, Kind: index.KindQuotes}.url("/search")
	}

	// The date facet: the years (or, within a year, its months) with their counts, each a link
	// that narrows the list to it.
	a.PeriodsByMonth = res.Facets.DateLevel == index.ByMonth
	for _, d := range res.Facets.Dates {
		if d.Count == 0 && !d.Active {
			continue
		}
		label := d.Label
		if res.Facets.DateLevel == index.ByMonth {
			label = d.From.Format("January 2006")
		}
		u := st.with(func(c *actorState) {
			if d.Active {
				c.From, c.To = time.Time{}, time.Time{}
			} else {
				c.From, c.To = d.From, d.To
			}
		}).url()
		a.Periods = append(a.Periods, web.Link{Label: label, Count: d.Count, Active: d.Active, URL: u})
	}
	if res.Facets.DateLevel == index.ByMonth && len(res.Facets.Dates) > 0 {
		a.PeriodUp = &web.Link{Label: "All years", URL: st.with(func(c *actorState) { c.From, c.To = time.Time{}, time.Time{} }).url()}
	}
	if res.Total > index.MaxResults {
		end := map[string]string{index.SortNewest: "newest", index.SortOldest: "oldest", index.SortRelevance: "best matching"}[q.Sort]
		period := cmp.Or(res.Facets.DateLevel, index.ByYear)
		a.Reach = fmt.Sprintf("The pages reach the %s %s of these %s quotes: a list goes no further than %s. To reach the other %s, choose a %s",
			end, english.Number(index.MaxResults), english.Number(res.Total), english.Number(index.MaxResults), english.Number(res.Total-index.MaxResults), period)
		for _, p := range a.Periods {
			if !p.Active {
				a.ReachBy = append(a.ReachBy, p)
			}
		}
		switch q.Sort {
		case index.SortNewest:
			a.Reach += ", or list them oldest first:"
			a.ReachBy = append(a.ReachBy, web.Link{Label: "oldest first", URL: st.with(func(c *actorState) { c.Sort = index.SortOldest }).url()})
		case index.SortOldest:
			a.Reach += ", or list them newest first:"
			a.ReachBy = append(a.ReachBy, web.Link{Label: "newest first", URL: st.with(func(c *actorState) { c.Sort = index.SortNewest }).url()})
		default:
			a.Reach += ":"
		}
	}

	for _, t := range res.Facets.Topics {
		a.Topics = append(a.Topics, web.Link{Label: t.Name, Count: t.Count, Active: t.Active, URL: st.with(func(c *actorState) { c.Topics = toggle(c.Topics, t.ID) }).url()})
	}
	return a
}

// alsoWritten returns the other ways an actor's name is written, once each: the registry's
// aliases and the names merged into it.
func alsoWritten(info *index.ActorInfo) []string {
	var out []string
	for _, n := range append(slices.Clone(info.Aliases), info.Also...) {
		if !strings.EqualFold(n, info.Name) && !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, n) }) {
			out = append(out, n)
		}
	}
	return out
}

// possessive writes a name's possessive: "Jen Psaki's", "Chris Coons'".
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "’"
	}
	return name + "’s"
}

func roleDates(r index.Role) string {
	d := func(s string) string {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return s
		}
		return t.Format("2 January 2006")
	}
	switch {
	case r.From != "" && r.To != "":
		return d(r.From) + " – " + d(r.To)
	case r.From != "":
		return "since " + d(r.From)
	case r.To != "":
		return "until " + d(r.To)
	}
	return ""
}
