package catalog

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/query"
	"github.com/readout/readout/index/registry"
)

// Resolve reads a search's filters as the catalog names them, for the index to match: those
// typed in the box (p) join those chosen beside it, names become ids (mergeFilters), and on the
// quotes tab an actor's whole name typed among the words becomes the speaker (findNames: taken
// out of p's words unless q.Literal); on the articles tab such a name is offered. It adds its
// notes to res and sets res.Named and res.Offered; a filter past its bounds or a date that is
// none is an *index.QueryError.
func (c *Catalog) Resolve(q index.Query, p *query.Parsed, res *index.Results) (index.Query, error) {
	q, err := c.mergeFilters(q, p, res)
	if err != nil {
		return q, err
	}
	if q.Literal {
		return q, nil
	}
	cp := *p
	named := c.findNames(&cp)
	if q.Kind != index.KindQuotes {
		res.Offered = named
		return q, nil
	}
	actors := slices.Clone(q.Actors)
	for _, n := range named {
		actors = appendUnique(actors, n.ID)
	}
	if len(named) > 0 && len(actors) <= index.MaxFilterValues { // else the words as typed
		*p, q.Actors, res.Named = cp, actors, named
	}
	return q, nil
}

// mergeFilters adds the filters typed in the box to those chosen beside it, resolving names to
// ids ("actor:blinken" is antony-blinken), and checks the dates.
func (c *Catalog) mergeFilters(q index.Query, p *query.Parsed, res *index.Results) (index.Query, error) {
	for _, name := range p.Actors {
		if id, note, ok := c.resolveActor(name); ok {
			q.Actors = appendUnique(q.Actors, id)
			if note != "" {
				res.Notes = query.AddNote(res.Notes, fmt.Sprintf("%s: %s", name, note))
			}
		} else {
			res.Notes = query.AddNote(res.Notes, fmt.Sprintf("no actor called %q in the archive", name))
			q.Actors = appendUnique(q.Actors, document.Slug(name))
		}
	}
	resolveAll := func(ids, names []string, resolve func(string) (string, bool), missing string) []string {
		for _, name := range names {
			id, ok := resolve(name)
			if !ok {
				res.Notes = query.AddNote(res.Notes, fmt.Sprintf(missing, name))
				id = document.Slug(name)
			}
			ids = appendUnique(ids, id)
		}
		return ids
	}
	q.Topics = resolveAll(q.Topics, p.Topics, c.resolveTopic, "no topic called %q in the archive")
	q.Countries = resolveAll(q.Countries, p.Countries, c.resolveCountry, "no government or organisation called %q speaks in the archive")
	// An actor merged into another is that one (canon.go), once.
	q.Actors = c.canonicalIDs(q.Actors)
	for _, s := range p.Sources {
		if utf8.RuneCountInString(s) > index.MaxSourceLength {
			return q, &index.QueryError{Msg: fmt.Sprintf("source:%s… is longer than the %d characters a source's name may have", clipRunes(s, 20), index.MaxSourceLength)}
		}
		q.Sources = appendUnique(q.Sources, s)
	}
	// The filters typed become the search's address (the box's are moved beside it), which
	// must be one the server reads: the same bounds as for filters chosen beside the box.
	for _, ids := range []struct {
		kind string
		ids  []string
	}{{"actor", q.Actors}, {"topic", q.Topics}, {"source", q.Sources}, {"country", q.Countries}} {
		if len(ids.ids) > index.MaxFilterValues {
			return q, &index.QueryError{Msg: fmt.Sprintf("a search may have at most %d %s filters (typed as %s: or chosen beside the box), not %d", index.MaxFilterValues, ids.kind, ids.kind, len(ids.ids))}
		}
		for _, id := range ids.ids {
			if ids.kind != "source" && len(id) > index.MaxIDLength {
				return q, &index.QueryError{Msg: fmt.Sprintf("%s:%s… is longer than the %d characters an id may have", ids.kind, clipRunes(id, 20), index.MaxIDLength)}
			}
		}
	}
	if p.From != "" {
		d, err := document.ParseDate(p.From, "")
		if err != nil {
			return q, &index.QueryError{Msg: fmt.Sprintf("from:%s is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", p.From)}
		}
		q.From = d.Start()
	}
	if p.To != "" {
		d, err := document.ParseDate(p.To, "")
		if err != nil {
			return q, &index.QueryError{Msg: fmt.Sprintf("to:%s is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", p.To)}
		}
		q.To = d.End()
	}
	if err := index.CheckDates(q.From, q.To); err != nil {
		return q, &index.QueryError{Msg: err.Error()}
	}
	return q, nil
}

// resolveActor finds an actor by id, name, alias or surname: the registry's reading of the
// name first (an office's holder, a registered alias), then the archive's (names.go). The note
// names the others a surname fits, or says how a misspelt name was read.
func (c *Catalog) resolveActor(name string) (string, string, bool) {
	slug := document.Slug(name)
	if _, ok := c.actors[name]; ok && strings.Contains(name, "-") {
		return c.canonical(name), "", true
	}
	if _, ok := c.actors[slug]; ok && strings.Contains(slug, "-") {
		return c.canonical(slug), "", true
	}
	// One word is a surname first: "actor:psaki" is Jen Psaki, not a stray "Psaki" of one
	// quote; the others of that surname are named.
	single := !strings.ContainsAny(strings.TrimSpace(name), " -")
	var byName struct {
		id, note string
		ok, done bool
	}
	if single {
		byName.id, byName.note, byName.ok = c.resolveName(name)
		byName.done = true
		if byName.ok && !strings.HasPrefix(byName.note, "no actor") {
			return byName.id, byName.note, true
		}
	}
	words := strings.ReplaceAll(name, "-", " ")
	if ms := c.reg.LookupName(titleWords(words), time.Time{}); len(ms) == 1 && len(ms[0].Actors) == 1 && (single || !ms[0].Surname) {
		id := c.reg.ActorAt(ms[0].Actors[0]).ID
		if _, ok := c.actors[id]; ok {
			return c.canonical(id), "", true
		}
	}
	if byName.done {
		return byName.id, byName.note, byName.ok // read once: the closest spelling is a scan of every surname
	}
	return c.resolveName(name)
}

// titleWords capitalises each word, so a typed "blinken" matches the registry's "Blinken".
func titleWords(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		switch w {
		case "of", "the", "and", "for", "de", "del", "der", "van", "von", "al", "bin":
			if i > 0 {
				continue // "Secretary of State", "von der Leyen"
			}
		}
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

// resolveCountry finds a government or organisation speakers may speak for: a registered
// country's or organisation's id, else a country's name or alias, else an organisation's
// ("china", "European Union", "EU", "PRC"), in any case.
func (c *Catalog) resolveCountry(name string) (string, bool) {
	slug := document.Slug(name)
	if info, ok := c.actors[slug]; ok && info.Registered && (info.Kind == "country" || info.Kind == "organisation") {
		return slug, true
	}
	for _, kind := range []registry.Kind{registry.Country, registry.Organisation} {
		if c := c.reg.Named(name, kind); c != nil {
			return c.ID, true
		}
	}
	return "", false
}

func (c *Catalog) resolveTopic(name string) (string, bool) {
	slug := document.Slug(name)
	if _, ok := c.topics[slug]; ok {
		return slug, true
	}
	for _, t := range c.topicList {
		if document.Slug(t.Name) == slug {
			return t.ID, true
		}
	}
	return "", false
}

// clipRunes shortens what a reader typed before a message quotes it back.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

func appendUnique(s []string, v string) []string {
	if v == "" || slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// facetSizeOf is how many values of a facet a search counts.
func facetSizeOf(q index.Query, field string, size int) int {
	if q.AllOf == field {
		return index.MaxFacetValues
	}
	return size
}

// yearRange is the date facet's bucket for year y: its label and its first and next year's
// first day.
func yearRange(y int) (label string, lo, hi time.Time) {
	lo = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	return lo.Format("2006"), lo, lo.AddDate(1, 0, 0)
}

// oneYear reports whether the query's range is exactly one calendar year.
func oneYear(q index.Query) (int, bool) {
	if q.From.IsZero() || q.To.IsZero() {
		return 0, false
	}
	y := q.From.Year()
	return y, q.From.Equal(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)) && q.To.Equal(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
}

// NameFacets sets res's facets from those counted (Collector.Facets, or a browse view's):
// each value named, the values chosen in q shown even without hits, dates in order.
func (c *Catalog) NameFacets(fc Facets, q index.Query, res *index.Results) {
	terms := func(name string, active []string, label func(string) string) []index.FacetValue {
		var out []index.FacetValue
		// Actors are counted as their canonical ids already (the columns and the browse views
		// fold merged ones in), so the values come cut and ordered.
		for _, t := range fc.Terms[name] {
			out = append(out, index.FacetValue{ID: t.Value, Name: label(t.Value), Count: t.Count, Active: slices.Contains(active, t.Value)})
		}
		// A chosen value always shows, even with no hits left.
		for _, id := range active {
			if !slices.ContainsFunc(out, func(v index.FacetValue) bool { return v.ID == id }) {
				out = append(out, index.FacetValue{ID: id, Name: label(id), Active: true})
			}
		}
		return out
	}
	res.Facets.Actors = terms(index.FacetActor, q.Actors, func(id string) string {
		if info := c.actors[id]; info != nil {
			return info.Name
		}
		return id
	})
	res.Facets.Topics = terms(index.FacetTopic, q.Topics, func(id string) string {
		if info := c.topics[id]; info != nil {
			return info.Name
		}
		return id
	})
	res.Facets.Countries = terms(index.FacetCountry, q.Countries, func(id string) string {
		if info := c.actors[id]; info != nil {
			return info.Name
		}
		return id
	})
	res.Facets.Sources = terms(index.FacetSource, q.Sources, index.SourceName)
	for _, d := range fc.Dates {
		b := index.DateBucket{Label: d.Label, Count: d.Count, From: d.Start, To: d.End.AddDate(0, 0, -1)}
		b.Active = !q.From.IsZero() && !q.To.IsZero() && b.From.Equal(q.From) && b.To.Equal(q.To)
		res.Facets.Dates = append(res.Facets.Dates, b)
	}
	slices.SortFunc(res.Facets.Dates, func(x, y index.DateBucket) int { return x.From.Compare(y.From) })
}
