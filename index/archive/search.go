package archive

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/bleveindex"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/highlight"
	qtext "github.com/readout/readout/index/query"
	"github.com/readout/readout/index/registry"
)

// Bounds on paging: bleve pages by skipping, so deep pages cost as much as all before them.
const (
	excerptSize = 300
)

// facetSizeOf is how many values of a facet a search counts.
func facetSizeOf(q index.Query, field string, size int) int {
	if q.AllOf == field {
		return index.MaxFacetValues
	}
	return size
}

// Search runs a search of articles or quotes, with facets and highlighted fragments.
func (a *Archive) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	parsed, err := qtext.Parse(q.Text)
	if err != nil {
		return nil, &index.QueryError{Msg: err.Error()}
	}
	res := &index.Results{Notes: parsed.Notes}
	q, err = a.mergeFilters(st, q, &parsed, res)
	if err != nil {
		return nil, err
	}
	if !q.Literal {
		if q.Kind == index.KindQuotes {
			cp := parsed
			named := st.cat.findNames(&cp)
			actors := slices.Clone(q.Actors)
			for _, n := range named {
				actors = appendUnique(actors, n.ID)
			}
			if len(named) > 0 && len(actors) <= index.MaxFilterValues { // else the words as typed
				parsed, q.Actors, res.Named = cp, actors, named
			}
		} else {
			cp := parsed
			res.Offered = st.cat.findNames(&cp)
		}
	}
	res.Query = q
	res.Reading = parsed.String()
	res.Words = parsed.Words()
	res.Filtered = parsed.HasFilters()
	if browsing(&parsed, q) {
		if err := a.browse(ctx, st, q, res); err != nil {
			return nil, err
		}
		res.Took = time.Since(start)
		return res, nil
	}

	// What the search costs, before it is run: refused past the bound, and a costly one runs
	// only in a place kept for costly searches, so cheap ones always have the others.
	cost, err := a.searchCost(ctx, st, &parsed)
	if err != nil {
		return nil, searchErr(err)
	}
	if cost > a.maxCost {
		return nil, &index.QueryError{Msg: "this search has too many phrases of very common words (such as \"of the\") to be run: search fewer of them, or add rarer words to them"}
	}
	if cost > a.costlyAt {
		select {
		case a.costly <- struct{}{}:
			// The place is kept for as long again once the search is done, so that costly
			// searches asked without pause take at most half of the cores their places stand
			// for, and cheap ones have the rest.
			began := time.Now()
			defer func() { time.AfterFunc(min(time.Since(began), 5*time.Second), func() { <-a.costly }) }()
		default:
			return nil, index.ErrBusy
		}
	}

	qs := a.text.Build(&parsed, q, st.cat.membersOf)
	if len(qs.Ignored) > 0 {
		res.Notes = qtext.AddNote(res.Notes, "words too common to search were left out: "+strings.Join(qs.Ignored, ", "))
	}

	// The page's hits and the facets, in one pass over the matches (collect.go); beside it, the
	// other tab's count, a search that only counts (no scores, hits or facets): a reader alone
	// waits for the longer of the two, not for both.
	if err := qs.Match.Validate(); err != nil {
		return nil, &index.QueryError{Msg: "the search cannot be run: " + err.Error()}
	}
	filter := filterOf(st.cat, q)
	order := index.SortRelevance
	switch {
	case q.Sort == index.SortNewest || (q.Sort == index.SortRelevance && parsed.Empty() && len(q.Topics) == 0):
		// Without words, newest first; with a topic, what is most about it first.
		order = index.SortNewest
	case q.Sort == index.SortOldest:
		order = index.SortOldest
	}
	coll := newCollector(st.cat, order, q.Page*q.PerPage, !q.HitsOnly, filter)
	otherTotal := 0
	if qs.Both != nil {
		// Filters alone: one pass over their matches serves both tabs (Queries.Both).
		quotes := q.Kind == index.KindQuotes
		_, err = st.idx.Collect(ctx, qs.Both, st.nums, func(doc uint32, score float64) {
			if _, article := st.cat.articleAt(doc); article != quotes {
				coll.add(doc, score)
			} else if qs.Other != nil && (filter == nil || filter.keep(doc)) {
				otherTotal++
			}
		})
	} else {
		otherErr := make(chan error, 1)
		if qs.Other != nil {
			go func() {
				var err error
				if filter != nil {
					otherTotal, err = st.idx.CountOf(ctx, qs.Other, st.nums, filter.keep)
				} else {
					otherTotal, err = st.idx.Count(ctx, qs.Other)
				}
				otherErr <- err
			}()
		} else {
			otherErr <- nil
		}
		_, err = st.idx.Collect(ctx, qs.Match, st.nums, coll.add)
		err = cmp.Or(<-otherErr, err)
	}
	if err != nil {
		return nil, searchErr(err)
	}
	res.Total = coll.total
	if searchCheck != nil {
		ref := a.text.BuildReference(&parsed, q, st.cat.membersOf)
		searchCheck(st, qs.Match, ref.Match, ref.Other, order, q, coll, res.Total, otherTotal)
	}
	if q.Kind == index.KindQuotes {
		res.QuoteCount, res.ArticleCount = res.Total, otherTotal
	} else {
		res.ArticleCount, res.QuoteCount = res.Total, otherTotal
	}
	if !q.HitsOnly {
		a.readFacets(st, coll.facetResults(q, res), q, res)
	}

	if err := a.addHits(ctx, st, res, coll.hits((q.Page-1)*q.PerPage), highlight.New(a.text, qs.Words), q); err != nil {
		return nil, err
	}
	res.Took = time.Since(start)
	return res, nil
}

// addHits adds the page's hits to res, in order. Each hit reads its article from the archive (or
// the cache of recent ones) and marks it: the hits are worked on by as many goroutines as there
// are cores, and an article several hits are in (a briefing's quotes) is read once.
func (a *Archive) addHits(ctx context.Context, st *state, res *index.Results, hits []hit, hl *highlight.Highlighter, q index.Query) error {
	type read struct {
		once sync.Once
		art  *index.Article
		err  error
	}
	reads := map[int]*read{}
	articleOf := func(h hit) int {
		if i, ok := st.cat.articleAt(h.doc); ok {
			return i
		}
		return st.cat.Quotes[st.cat.quoteAt(h.doc)].Article
	}
	for _, h := range hits {
		if i := articleOf(h); reads[i] == nil {
			reads[i] = &read{}
		}
	}
	article := func(i int) (*index.Article, error) { // reads is only read from here on
		r := reads[i]
		r.once.Do(func() { r.art, r.err = a.article(st, i) })
		return r.art, r.err
	}
	done := make([]func(), len(hits)) // each adds its hit to res, or nothing
	var next atomic.Int64
	work := func() error {
		for {
			k := int(next.Add(1)) - 1
			if k >= len(hits) {
				return nil
			}
			// Each hit may read and analyse its article: the time bound holds here too.
			if err := ctx.Err(); err != nil {
				return err
			}
			done[k] = a.hitOf(st, res, hits[k], article, hl, q)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(hits))
	errs := make(chan error, workers)
	for range workers - 1 {
		go func() { errs <- work() }()
	}
	err := work()
	for range workers - 1 {
		err = cmp.Or(err, <-errs)
	}
	if err != nil {
		return err
	}
	for _, add := range done {
		add()
	}
	return nil
}

// hitOf makes the article or quote of a document found, read from the catalog and the archive,
// and returns what adds it to res; one whose file has gone since it was indexed is left out.
func (a *Archive) hitOf(st *state, res *index.Results, h hit, article func(int) (*index.Article, error), hl *highlight.Highlighter, q index.Query) func() {
	if i, ok := st.cat.articleAt(h.doc); ok {
		ah := a.articleHit(st, i, article, h.score, hl, q)
		return func() { res.ArticleHits = append(res.ArticleHits, ah) }
	}
	ref := st.cat.Quotes[st.cat.quoteAt(h.doc)]
	art, err := article(ref.Article)
	if err != nil {
		return func() {}
	}
	qu, err := quoteIn(art, ref)
	if err != nil {
		return func() {}
	}
	qh := index.QuoteHit{Quote: *qu, Score: h.score, Fragment: hl.Excerpt(qu.Text, 2*excerptSize), ArticleOf: &art.Summary}
	return func() { res.QuoteHits = append(res.QuoteHits, qh) }
}

func searchErr(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("search: %w", err)
}

// mergeFilters adds the filters typed in the box to those chosen beside it, resolving names to
// ids ("actor:blinken" is antony-blinken), and checks the dates.
func (a *Archive) mergeFilters(st *state, q index.Query, p *qtext.Parsed, res *index.Results) (index.Query, error) {
	for _, name := range p.Actors {
		if id, note, ok := a.resolveActor(st, name); ok {
			q.Actors = appendUnique(q.Actors, id)
			if note != "" {
				res.Notes = qtext.AddNote(res.Notes, fmt.Sprintf("%s: %s", name, note))
			}
		} else {
			res.Notes = qtext.AddNote(res.Notes, fmt.Sprintf("no actor called %q in the archive", name))
			q.Actors = appendUnique(q.Actors, document.Slug(name))
		}
	}
	resolveAll := func(ids, names []string, resolve func(*state, string) (string, bool), missing string) []string {
		for _, name := range names {
			id, ok := resolve(st, name)
			if !ok {
				res.Notes = qtext.AddNote(res.Notes, fmt.Sprintf(missing, name))
				id = document.Slug(name)
			}
			ids = appendUnique(ids, id)
		}
		return ids
	}
	q.Topics = resolveAll(q.Topics, p.Topics, a.resolveTopic, "no topic called %q in the archive")
	q.Countries = resolveAll(q.Countries, p.Countries, a.resolveCountry, "no government or organisation called %q speaks in the archive")
	// An actor merged into another is that one (canon.go), once.
	q.Actors = st.cat.canonicalIDs(q.Actors)
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
func (a *Archive) resolveActor(st *state, name string) (string, string, bool) {
	slug := document.Slug(name)
	if _, ok := st.cat.actors[name]; ok && strings.Contains(name, "-") {
		return st.cat.canonical(name), "", true
	}
	if _, ok := st.cat.actors[slug]; ok && strings.Contains(slug, "-") {
		return st.cat.canonical(slug), "", true
	}
	// One word is a surname first: "actor:psaki" is Jen Psaki, not a stray "Psaki" of one
	// quote; the others of that surname are named.
	single := !strings.ContainsAny(strings.TrimSpace(name), " -")
	var byName struct {
		id, note string
		ok, done bool
	}
	if single {
		byName.id, byName.note, byName.ok = st.cat.resolveName(name)
		byName.done = true
		if byName.ok && !strings.HasPrefix(byName.note, "no actor") {
			return byName.id, byName.note, true
		}
	}
	words := strings.ReplaceAll(name, "-", " ")
	if ms := a.reg.LookupName(titleWords(words), time.Time{}); len(ms) == 1 && len(ms[0].Actors) == 1 && (single || !ms[0].Surname) {
		id := a.reg.ActorAt(ms[0].Actors[0]).ID
		if _, ok := st.cat.actors[id]; ok {
			return st.cat.canonical(id), "", true
		}
	}
	if byName.done {
		return byName.id, byName.note, byName.ok // read once: the closest spelling is a scan of every surname
	}
	return st.cat.resolveName(name)
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
func (a *Archive) resolveCountry(st *state, name string) (string, bool) {
	slug := document.Slug(name)
	if info, ok := st.cat.actors[slug]; ok && info.Registered && (info.Kind == "country" || info.Kind == "organisation") {
		return slug, true
	}
	for _, kind := range []registry.Kind{registry.Country, registry.Organisation} {
		if c := a.reg.Named(name, kind); c != nil {
			return c.ID, true
		}
	}
	return "", false
}

func (a *Archive) resolveTopic(st *state, name string) (string, bool) {
	slug := document.Slug(name)
	if _, ok := st.cat.topics[slug]; ok {
		return slug, true
	}
	for _, t := range st.cat.topicList {
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

func (a *Archive) readFacets(st *state, fc facetCounts, q index.Query, res *index.Results) {
	terms := func(name string, active []string, label func(string) string) []index.FacetValue {
		var out []index.FacetValue
		// Actors are counted as their canonical ids already (the columns and the browse views
		// fold merged ones in), so the values come cut and ordered.
		for _, t := range fc.terms[name] {
			out = append(out, index.FacetValue{ID: t.value, Name: label(t.value), Count: t.count, Active: slices.Contains(active, t.value)})
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
		if info := st.cat.actors[id]; info != nil {
			return info.Name
		}
		return id
	})
	res.Facets.Topics = terms(index.FacetTopic, q.Topics, func(id string) string {
		if info := st.cat.topics[id]; info != nil {
			return info.Name
		}
		return id
	})
	res.Facets.Countries = terms(index.FacetCountry, q.Countries, func(id string) string {
		if info := st.cat.actors[id]; info != nil {
			return info.Name
		}
		return id
	})
	res.Facets.Sources = terms(index.FacetSource, q.Sources, index.SourceName)
	for _, d := range fc.dates {
		b := index.DateBucket{Label: d.label, Count: d.count, From: d.start, To: d.end.AddDate(0, 0, -1)}
		b.Active = !q.From.IsZero() && !q.To.IsZero() && b.From.Equal(q.From) && b.To.Equal(q.To)
		res.Facets.Dates = append(res.Facets.Dates, b)
	}
	slices.SortFunc(res.Facets.Dates, func(x, y index.DateBucket) int { return x.From.Compare(y.From) })
}

// articleHit reads a hit's article for its fragments and matching quotes.
func (a *Archive) articleHit(st *state, i int, article func(int) (*index.Article, error), score float64, hl *highlight.Highlighter, q index.Query) index.ArticleHit {
	hit := index.ArticleHit{Summary: st.cat.Articles[i], Score: score}
	if q.HitsOnly {
		return hit
	}
	art, err := article(i)
	if err != nil {
		return hit // listed without fragments: better than not at all
	}
	var paras *paraMarks
	hit.Fragments, paras = fragments(art, hl, 2)
	for k := range art.Quotes {
		qu := &art.Quotes[k]
		if qu.Procedural && !q.Procedural {
			continue
		}
		if len(q.Actors) > 0 && !slices.ContainsFunc(qu.Speakers, func(s index.Speaker) bool { return slices.Contains(q.Actors, s.ID) }) {
			continue
		}
		if len(q.Countries) > 0 && !slices.ContainsFunc(qu.Speakers, func(s index.Speaker) bool { return slices.Contains(q.Countries, s.CountryID) }) {
			continue
		}
		ms := paras.quoteMarks(art, qu, hl)
		if !hl.Empty() && len(ms) == 0 {
			continue // no excerpt to make
		}
		f := highlight.Excerpt(qu.Text, ms, excerptSize)
		if !hl.Empty() && !f.Marked() {
			continue
		}
		if hl.Empty() && len(q.Actors) == 0 && len(q.Countries) == 0 {
			break // nothing to match: the article's quotes are on its page
		}
		hit.Quotes = append(hit.Quotes, index.QuoteHit{Quote: *qu, Fragment: f, ArticleOf: &hit.Summary})
		if len(hit.Quotes) == 3 {
			break
		}
	}
	return hit
}

// fragments returns up to n excerpts of an article's paragraphs with the most matches, in the
// article's order; the opening of its text when nothing matches; and the paragraphs' matches
// (nil when the highlighter marks nothing).
func fragments(art *index.Article, hl *highlight.Highlighter, n int) ([]highlight.Fragment, *paraMarks) {
	var pm *paraMarks
	var best []int // paragraphs with matches
	if !hl.Empty() {
		pm = &paraMarks{marks: make([][][2]int, len(art.Paragraphs)), read: make([]bool, len(art.Paragraphs)), phrases: hl.HasPhrases()}
		for p, para := range art.Paragraphs {
			if para.Kind == document.Title {
				continue
			}
			pm.read[p] = true
			if ms := hl.Marks(para.Text); len(ms) > 0 {
				pm.marks[p] = ms
				best = append(best, p)
			}
		}
	}
	slices.SortStableFunc(best, func(x, y int) int { return cmp.Compare(len(pm.marks[y]), len(pm.marks[x])) })
	best = best[:min(n, len(best))]
	slices.Sort(best)
	var out []highlight.Fragment
	for _, p := range best {
		out = append(out, highlight.Excerpt(art.Paragraphs[p].Text, pm.marks[p], excerptSize))
	}
	if len(out) == 0 {
		for _, para := range art.Paragraphs {
			if para.Kind != document.Title {
				out = append(out, hl.Excerpt(para.Text, excerptSize))
				break
			}
		}
	}
	return out, pm
}

// paraMarks are the matches of an article's paragraphs, by paragraph, read once for its
// fragments; a quote's are then cut from them rather than read again, where that gives what
// reading it would.
type paraMarks struct {
	marks   [][][2]int
	read    []bool // the paragraphs read (titles are not)
	phrases bool   // the search has phrases
}

// quoteMarks returns the matches of a quote of the article. A quote's words are some of its
// paragraphs' in the same order when its ends are between words, and read alone they match as
// in its paragraphs: its matches are theirs within it, unless one goes on over either end (a
// phrase cut by the quote, whose words alone may match otherwise). A quote over several
// paragraphs joins their parts with a blank line (quote.Quote.Text), which may bring a phrase's
// words together: it is cut so only when the search has no phrases. Otherwise it is read.
func (pm *paraMarks) quoteMarks(art *index.Article, qu *index.Quote, hl *highlight.Highlighter) [][2]int {
	if pm == nil {
		return hl.Marks(qu.Text)
	}
	first, last := qu.Start.Para, qu.End.Para
	if first < 0 || last >= len(pm.marks) || first > last || first < last && pm.phrases ||
		!betweenWords(art.Paragraphs[first].Text, qu.Start.Off) || !betweenWords(art.Paragraphs[last].Text, qu.End.Off) {
		return hl.Marks(qu.Text)
	}
	var out [][2]int
	at := 0 // where the paragraph's part starts in the quote's text
	for p := first; p <= last; p++ {
		if !pm.read[p] {
			return hl.Marks(qu.Text)
		}
		lo, hi := 0, len(art.Paragraphs[p].Text)
		if p == first {
			lo = qu.Start.Off
		}
		if p == last {
			hi = qu.End.Off
		}
		for _, m := range pm.marks[p] {
			switch {
			case m[1] <= lo || m[0] >= hi:
				continue // outside the quote
			case m[0] < lo || m[1] > hi:
				return hl.Marks(qu.Text) // over one of its ends
			}
			out = append(out, [2]int{at + m[0] - lo, at + m[1] - lo})
		}
		at += hi - lo + len("\n\n")
	}
	return out
}

// betweenWords reports whether no word of text, as the index reads words, goes on over byte i:
// the characters either side of it cannot both be in one word (a letter, a digit, or an
// apostrophe a word may hold).
func betweenWords(text string, i int) bool {
	if i <= 0 || i >= len(text) {
		return i == 0 || i == len(text)
	}
	inWord := func(r rune) bool { return bleveindex.IsWordRune(r) || r == '\'' || r == '’' }
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i:])
	return !inWord(before) || !inWord(after)
}
