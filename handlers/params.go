package handlers

import (
	"errors"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/english"
	"github.com/readout/readout/index"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/query"
)

// The request contract. Every parameter a page or the API reads is listed here with its bounds;
// anything outside them is a 400 that says which parameter and why. Parameters not listed are
// ignored, so that links carrying tracking tags still work.
const (
	maxQueryString = 4096                   // bytes of the raw query string
	maxListValues  = index.MaxFilterValues  // actor=, topic=, source=, country= values
	maxSlugLength  = index.MaxIDLength      // an actor's or a topic's id, an article's plain id
	maxIDLength    = maxSlugLength + 2 + 52 // in a path: a slug, and the suffix an article's may have
	maxSourceLen   = index.MaxSourceLength
	maxHighlight   = 200
	defaultPerPage = 10
	apiPerPage     = 20
	actorsPerPage  = 50 // the page of the list of actors: a table of 50 rows
)

// knownParams are the parameters some route reads; the response cache leaves the others out
// of its keys.
var knownParams = map[string]bool{
	"q": true, "kind": true, "actor": true, "speaker": true, "topic": true, "source": true, "country": true,
	"from": true, "to": true, "sort": true, "page": true, "per_page": true, "hl": true, "procedural": true,
	"literal": true, "format": true, "all": true,
	"full": true, "name": true, "letter": true,
}

var (
	slugID = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	// An article's id is a slug, with "--" and a suffix when files of different texts share the
	// slug; a quote's is 14 letters of base32, with "-" and its article's suffix when two of
	// those articles hold the same words (index/ids.go).
	articleID = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z2-7]{6,52})?$`)
	quoteID   = regexp.MustCompile(`^[a-z2-7]{14}(?:-[a-z2-7]{6,52})?$`)
)

// params is a request's query string, read strictly.
type params struct {
	v url.Values
}

// readParams parses the query string. A malformed one (a bad escape, a stray ';') is refused
// rather than read as an empty search: the reader should know their link is broken.
func readParams(r *http.Request) (params, error) {
	raw := r.URL.RawQuery
	if len(raw) > maxQueryString {
		return params{}, badRequest("The address's query is longer than %d bytes.", maxQueryString)
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return params{}, badRequest("The address's query cannot be read: %s.", queryErrReason(err))
	}
	for k, vals := range v {
		for _, x := range vals {
			if !utf8.ValidString(k) || !utf8.ValidString(x) {
				return params{}, badRequest("The address's query is not valid UTF-8 text.")
			}
		}
	}
	return params{v}, nil
}

func queryErrReason(err error) string {
	msg := err.Error()
	if strings.Contains(msg, "semicolon") {
		return "it contains a semicolon; separate parameters with &"
	}
	if strings.Contains(msg, "invalid URL escape") {
		return "it contains a % that is not followed by two hexadecimal digits"
	}
	return "it is not a valid URL query"
}

// values returns every value of a parameter. Every parameter is read here, and only one the
// response cache keys on may be: a route reading another would share cached answers between
// requests that differ in it, so it is a programming error, caught by any test of the route.
func (p params) values(name string) []string {
	if !knownParams[name] {
		panic("handlers: the parameter " + name + " is read but not in knownParams, which the response cache keys on")
	}
	return p.v[name]
}

// one returns a parameter that may appear at most once.
func (p params) one(name string) (string, error) {
	vals := p.values(name)
	switch len(vals) {
	case 0:
		return "", nil
	case 1:
		return vals[0], nil
	}
	return "", badRequest("The parameter %q appears %d times; give it once.", name, len(vals))
}

// text reads a free-text parameter of at most max characters.
func (p params) text(name string, max int) (string, error) {
	s, err := p.one(name)
	if err != nil {
		return "", err
	}
	if utf8.RuneCountInString(s) > max {
		return "", badRequest("The parameter %q is longer than %d characters.", name, max)
	}
	return strings.TrimSpace(s), nil
}

// ids reads a repeatable parameter of ids (actor=antony-blinken&actor=…).
func (p params) ids(name string) ([]string, error) {
	vals := p.values(name)
	if len(vals) > maxListValues {
		return nil, badRequest("The parameter %q is given %d times; at most %d are allowed.", name, len(vals), maxListValues)
	}
	var out []string
	for _, v := range vals {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if len(v) > maxSlugLength || !slugID.MatchString(v) {
			return nil, badRequest("The parameter %q must be an id of lowercase letters, digits and hyphens (such as antony-blinken), not %q.", name, clip(v, 40))
		}
		out = appendUnique(out, v)
	}
	return out, nil
}

// sources reads the repeatable source= parameter: names, not ids.
func (p params) sources() ([]string, error) {
	vals := p.values("source")
	if len(vals) > maxListValues {
		return nil, badRequest("The parameter \"source\" is given %d times; at most %d are allowed.", len(vals), maxListValues)
	}
	var out []string
	for _, v := range vals {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if utf8.RuneCountInString(v) > maxSourceLen {
			return nil, badRequest("The parameter \"source\" is longer than %d characters.", maxSourceLen)
		}
		out = appendUnique(out, v)
	}
	return out, nil
}

// date reads from= or to=: YYYY-MM-DD, or YYYY-MM or YYYY for a whole month or year. A start
// is the period's first day, an end its last.
func (p params) date(name string, end bool) (time.Time, error) {
	s, err := p.one(name)
	if err != nil || s == "" {
		return time.Time{}, err
	}
	d, err := document.ParseDate(s, "")
	if err != nil || strings.ContainsAny(s, "T:") {
		return time.Time{}, badRequest("The parameter %q must be a date written YYYY-MM-DD (or YYYY-MM, or YYYY), not %q.", name, clip(s, 40))
	}
	if end {
		return d.End(), nil
	}
	return d.Start(), nil
}

// dateRange reads from= and to=: a range that does not end before it starts.
func (p params) dateRange() (from, to time.Time, err error) {
	if from, err = p.date("from", false); err != nil {
		return
	}
	if to, err = p.date("to", true); err != nil {
		return
	}
	if index.CheckDates(from, to) != nil {
		err = badRequest("The date range ends (to=) before it starts (from=).")
	}
	return
}

// flag reads a switch: 1 for on, 0 or absent for off (a checkbox sends its value only when
// ticked).
func (p params) flag(name string) (bool, error) {
	s, err := p.one(name)
	if err != nil {
		return false, err
	}
	switch s {
	case "", "0":
		return false, nil
	case "1":
		return true, nil
	}
	return false, badRequest("The parameter %q must be 1 (on) or 0 (off), not %q.", name, clip(s, 40))
}

// number reads a whole number in [lo, hi]; def when absent.
func (p params) number(name string, def, lo, hi int) (int, error) {
	s, err := p.one(name)
	if err != nil {
		return 0, err
	}
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		if hi >= 1<<20 {
			// A bound that only keeps page*per_page an int32 tells the reader nothing.
			return 0, badRequest("The parameter %q must be a whole number, %d or more, not %q.", name, lo, clip(s, 40))
		}
		return 0, badRequest("The parameter %q must be a whole number from %d to %d, not %q.", name, lo, hi, clip(s, 40))
	}
	return n, nil
}

// choice reads one of the allowed values; def when absent.
func (p params) choice(name, def string, allowed ...string) (string, error) {
	s, err := p.one(name)
	if err != nil {
		return "", err
	}
	if s == "" {
		return def, nil
	}
	for _, a := range allowed {
		if s == a {
			return s, nil
		}
	}
	return "", badRequest("The parameter %q must be one of %s, not %q.", name, strings.Join(allowed, ", "), clip(s, 40))
}

// searchQuery reads the parameters of a search: q, kind, actor, topic, source, country, from, to, sort,
// procedural, literal, page and per_page (speaker is actor's other name, as /api/quotes calls
// it).
func searchQuery(p params, perPage, maxPerPage int, kind string) (index.Query, error) {
	var q index.Query
	var err error
	if q.Text, err = p.text("q", query.MaxLength); err != nil {
		return q, err
	}
	if kind == "" {
		if q.Kind, err = p.choice("kind", index.KindArticles, index.KindArticles, index.KindQuotes); err != nil {
			return q, err
		}
	} else {
		q.Kind = kind
	}
	if q.Actors, err = p.ids("actor"); err != nil {
		return q, err
	}
	speakers, err := p.ids("speaker")
	if err != nil {
		return q, err
	}
	for _, s := range speakers {
		q.Actors = appendUnique(q.Actors, s)
	}
	if q.Topics, err = p.ids("topic"); err != nil {
		return q, err
	}
	if q.Sources, err = p.sources(); err != nil {
		return q, err
	}
	if q.Countries, err = p.ids("country"); err != nil {
		return q, err
	}
	if q.From, q.To, err = p.dateRange(); err != nil {
		return q, err
	}
	if q.Full, err = p.flag("full"); err != nil {
		return q, err
	}
	if q.Sort, err = p.choice("sort", index.SortRelevance, index.SortRelevance, index.SortNewest, index.SortOldest); err != nil {
		return q, err
	}
	// Turns that carry no statement ("Thank you", "Go ahead") are asked for by procedural=1.
	procedural, err := p.choice("procedural", "0", "0", "1")
	if err != nil {
		return q, err
	}
	q.Procedural = procedural == "1"
	// A name typed among the words is the speaker, on the quotes tab, unless literal=1.
	literal, err := p.choice("literal", "0", "0", "1")
	if err != nil {
		return q, err
	}
	q.Literal = literal == "1"
	// all= counts one facet's values in full.
	if q.AllOf, err = p.choice("all", "", index.FacetActor, index.FacetTopic, index.FacetSource, index.FacetCountry); err != nil {
		return q, err
	}

	if q.PerPage, err = p.number("per_page", perPage, 1, maxPerPage); err != nil {
		return q, err
	}
	if q.Page, err = p.page(q.PerPage, "Narrow the search (a year, a filter), or sort it the other way, to reach the others."); err != nil {
		return q, err
	}
	return q, nil
}

// Pages out of range are answered alike wherever a reader pages through a list: past the pages
// the search engine can list, a 400 that says how far they go and how to reach the rest (page);
// past the end of the list, a 404 that says how many pages it fills (pastTheEnd). The API
// answers a page past the end with an empty list and the total, which says as much.

// page reads the page of a search's results, perPage a page: the search engine lists the first
// MaxResults of a search, so the pages stop there; hint says how to reach the others.
func (p params) page(perPage int, hint string) (int, error) {
	s, err := p.one("page")
	if err != nil {
		return 0, err
	}
	n, err := p.number("page", 1, 1, math.MaxInt32)
	if err != nil {
		return 0, err
	}
	if last := index.MaxResults / perPage; n > last {
		return 0, badRequest("Page %s is past the last page that can be listed, %s: a list reaches its first %s (%d a page). %s",
			clip(s, 20), english.Number(last), english.Number(index.MaxResults), perPage, hint)
	}
	return n, nil
}

// pastTheEnd is the answer to a page past the end of a list of total things (one, many: their
// names), perPage a page; nil for a page of the list, or of an empty list.
func pastTheEnd(page, total, perPage int, one, many string) error {
	pages := (total + perPage - 1) / perPage
	if total == 0 || page <= pages {
		return nil
	}
	return notFound("Page %s is past the end of this list: its %s %s %s %s %s.", english.Number(page),
		english.Number(total), english.Plural(total, one, many), english.Plural(total, "fills", "fill"), english.Number(pages), english.Plural(pages, "page", "pages"))
}

// actorKinds are the kind= values of the list of actors; "country" is the registry's word for
// a state.
var actorKinds = append(slices.Clone(index.ActorKinds), "country")

// actorsQuery reads the parameters of the list of actors: name, kind, letter, sort, page and
// per_page. The list is paged from the catalog, so any page may be asked for (the bound only
// keeps page*per_page an int32); one past the end is empty.
func actorsQuery(p params, perPage, maxPerPage int) (index.ActorQuery, error) {
	var q index.ActorQuery
	var err error
	if q.Name, err = p.text("name", index.MaxActorName); err != nil {
		return q, err
	}
	if q.Kind, err = p.choice("kind", "", actorKinds...); err != nil {
		return q, err
	}
	if q.Kind == "country" {
		q.Kind = index.ActorState
	}
	letter, err := p.one("letter")
	if err != nil {
		return q, err
	}
	switch l := strings.ToLower(letter); {
	case l == "" || l == index.LetterOther || len(l) == 1 && 'a' <= l[0] && l[0] <= 'z':
		q.Letter = l
	default:
		return q, badRequest("The parameter \"letter\" must be a letter from A to Z, or %q, not %q.", index.LetterOther, clip(letter, 40))
	}
	if q.Sort, err = p.choice("sort", index.ActorsByQuotes, index.ActorsByQuotes, index.ActorsByName); err != nil {
		return q, err
	}
	if q.PerPage, err = p.number("per_page", perPage, 1, maxPerPage); err != nil {
		return q, err
	}
	if q.Page, err = p.number("page", 1, 1, math.MaxInt32/q.PerPage); err != nil {
		return q, err
	}
	return q, nil
}

// actorQuotesQuery reads the parameters of an actor's page, a search of their quotes: q, topic,
// from, to, full, sort (newest first without words, best match first with them), page and
// per_page. Other actors and sources are not among them: the page is one actor's.
func actorQuotesQuery(p params, id string) (index.Query, error) {
	q := index.Query{Kind: index.KindQuotes, Actors: []string{id}}
	var err error
	if q.Text, err = p.text("q", query.MaxLength); err != nil {
		return q, err
	}
	if q.Topics, err = p.ids("topic"); err != nil {
		return q, err
	}
	if q.From, q.To, err = p.dateRange(); err != nil {
		return q, err
	}
	if q.Full, err = p.flag("full"); err != nil {
		return q, err
	}
	def := index.SortNewest
	if q.Text != "" {
		def = index.SortRelevance
	}
	if q.Sort, err = p.choice("sort", def, index.SortNewest, index.SortOldest, index.SortRelevance); err != nil {
		return q, err
	}
	if q.PerPage, err = p.number("per_page", defaultPerPage, 1, 50); err != nil {
		return q, err
	}
	if q.Page, err = p.page(q.PerPage, "Choose a year on the actor's page, or list them oldest first, to reach the others."); err != nil {
		return q, err
	}
	return q, nil
}

// pathID reads an id from the path: a malformed one cannot name anything, so it is a 404 like
// an unknown one.
func pathID(r *http.Request, name string, pattern *regexp.Regexp, what string) (string, error) {
	id := r.PathValue(name)
	if len(id) > maxIDLength || !pattern.MatchString(id) {
		return "", notFound("There is no %s with the id %q.", what, clip(id, 60))
	}
	return id, nil
}

// byID reads a request for one thing by its id: a query string that parses, an id of the right
// form, and the thing itself, or a 404 that names what is missing.
func byID[T any](r *http.Request, pattern *regexp.Regexp, what string, get func(string) (T, error)) (params, T, error) {
	var zero T
	p, err := readParams(r)
	if err != nil {
		return p, zero, err
	}
	id, err := pathID(r, "id", pattern, what)
	if err != nil {
		return p, zero, err
	}
	v, err := get(id)
	if errors.Is(err, index.ErrNotFound) {
		return p, zero, notFound("There is no %s with the id %q.", what, id)
	}
	return p, v, err
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// clip shortens what a reader typed before it is quoted back in a message.
func clip(s string, n int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "�")
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
