package archive

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/highlight"
	"github.com/readout/readout/index/load"
	"github.com/readout/readout/index/query"
)

// Stats returns the archive's counts.
func (a *Archive) Stats() (index.Stats, error) {
	st, err := a.current()
	if err != nil {
		return index.Stats{}, err
	}
	c := st.cat
	return index.Stats{
		Articles: len(c.Articles), Quotes: len(c.Quotes), Actors: len(c.actorList), Topics: len(c.topicList),
		First: c.first, Last: c.last, Skipped: c.Problems,
	}, nil
}

// Summary returns what the catalog knows of an article. An old id of it is a *MovedError, a
// plain id that several articles share an *AmbiguousError (ids.go).
func (a *Archive) Summary(id string) (*index.Summary, error) {
	st, i, err := a.resolveArticle(id)
	if err != nil {
		return nil, err
	}
	sum := st.cat.canonicalSummary(st.cat.Articles[i])
	return &sum, nil
}

// Article returns an article with its text and quotes, read from the archive folder (or the
// cache of recent ones). An old id of it is a *MovedError, a plain id that several articles
// share an *AmbiguousError.
func (a *Archive) Article(id string) (*index.Article, error) {
	st, i, err := a.resolveArticle(id)
	if err != nil {
		return nil, err
	}
	return a.article(st, i)
}

// resolveArticle finds an article by id, or an old id of it, in the archive as it stands.
func (a *Archive) resolveArticle(id string) (*state, int, error) {
	st, err := a.current()
	if err != nil {
		return nil, 0, err
	}
	i, err := st.cat.resolveArticle(id)
	return st, i, err
}

func (a *Archive) article(st *state, i int) (*index.Article, error) {
	sum := &st.cat.Articles[i]
	if art, ok := a.cache.Get(sum.ID); ok {
		return st.cat.canonicalArticle(art), nil
	}
	// The file is read again and must be what was indexed: a file removed, emptied, grown
	// past the bound, made unreadable or edited since is gone until a restart indexes it (its
	// quotes' ids and places would no longer match the index).
	l := load.AnalyseFile(a.src, a.reg, sum.Path)
	if l.Err != nil {
		return nil, fmt.Errorf("%w: %s: %v", index.ErrGone, sum.Path, l.Err)
	}
	if h, ok := st.cat.indexedHash(sum.Path); ok && h != l.Hash {
		return nil, fmt.Errorf("%w: %s has changed", index.ErrGone, sum.Path)
	}
	art := l.Article
	if plain, _ := splitID(sum.ID); art.ID != plain {
		return nil, fmt.Errorf("%w: %s: its id is now %q, not %q", index.ErrGone, sum.Path, art.ID, plain)
	}
	// The ids the catalog gave it, and what it knows of the document's other files.
	finalise(art, sum.ID, func(q string) bool { _, ok := st.cat.plainQuotes[q]; return ok })
	art.Tags, art.Also = sum.Tags, sum.Also
	a.cache.put(art)
	return st.cat.canonicalArticle(art), nil
}

// Quote returns a quote with the article it is in. An old id of it is a *MovedError, a plain id
// that several quotes share an *AmbiguousError.
func (a *Archive) Quote(id string) (*index.Quote, *index.Article, error) {
	st, err := a.current()
	if err != nil {
		return nil, nil, err
	}
	return a.quote(st, id)
}

func (a *Archive) quote(st *state, id string) (*index.Quote, *index.Article, error) {
	qi, err := st.cat.resolveQuote(id)
	if err != nil {
		return nil, nil, err
	}
	return a.quoteAt(st, qi)
}

// quoteAt returns the quote of the catalog's Quotes[qi] with the article it is in.
func (a *Archive) quoteAt(st *state, qi int) (*index.Quote, *index.Article, error) {
	ref := st.cat.Quotes[qi]
	art, err := a.article(st, ref.Article)
	if err != nil {
		return nil, nil, err
	}
	qu, err := quoteIn(art, ref)
	return qu, art, err
}

// quoteIn finds a quote of the catalog in its article as read now.
func quoteIn(art *index.Article, ref quoteRef) (*index.Quote, error) {
	// The file may have changed since it was indexed; find the quote by id, not by position.
	if ref.Index < len(art.Quotes) && art.Quotes[ref.Index].ID == ref.ID {
		return &art.Quotes[ref.Index], nil
	}
	for k := range art.Quotes {
		if art.Quotes[k].ID == ref.ID {
			return &art.Quotes[k], nil
		}
	}
	return nil, index.ErrNotFound
}

// Articles returns a page of article summaries, newest first, and how many there are.
func (a *Archive) Articles(page, perPage int) ([]index.Summary, int, error) {
	st, err := a.current()
	if err != nil {
		return nil, 0, err
	}
	order := st.cat.browseView(index.KindArticles, false).newest // the one newest-first order (browse.go)
	lo := min((page-1)*perPage, len(order))
	hi := min(lo+perPage, len(order))
	out := make([]index.Summary, 0, hi-lo)
	for _, i := range order[lo:hi] {
		out = append(out, st.cat.canonicalSummary(st.cat.Articles[i]))
	}
	return out, len(order), nil
}

// Actors returns every actor that speaks or is named, most quoted first.
func (a *Archive) Actors() ([]index.ActorInfo, error) {
	return copyList(a, func(c *catalog) []*index.ActorInfo { return c.actorList })
}

// Actor returns an actor that speaks or is named in the archive, registered or not. An actor
// merged into another (canon.go) is a *MovedError naming that one.
func (a *Archive) Actor(id string) (*index.ActorInfo, error) {
	info, err := copyOne(a, func(c *catalog) map[string]*index.ActorInfo { return c.actors }, id)
	if err == nil && info.Canonical != "" {
		return nil, &index.MovedError{ID: info.Canonical}
	}
	return info, err
}

// Topics returns the topics, those with most articles and quotes first.
func (a *Archive) Topics() ([]index.TopicInfo, error) {
	return copyList(a, func(c *catalog) []*index.TopicInfo { return c.topicList })
}

// Topic returns a topic.
func (a *Archive) Topic(id string) (*index.TopicInfo, error) {
	return copyOne(a, func(c *catalog) map[string]*index.TopicInfo { return c.topics }, id)
}

// copyList and copyOne hand out copies of the current catalog's entries, which callers may
// change without changing the catalog.
func copyList[T any](a *Archive, list func(*catalog) []*T) ([]T, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	l := list(st.cat)
	out := make([]T, len(l))
	for i, v := range l {
		out[i] = *v
	}
	return out, nil
}

func copyOne[T any](a *Archive, byID func(*catalog) map[string]*T, id string) (*T, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	v, ok := byID(st.cat)[id]
	if !ok {
		return nil, index.ErrNotFound
	}
	c := *v
	return &c, nil
}

// Highlighter returns what marks the words of a search in a text: the words and phrases it must
// match, analysed as the index analyses text. Excluded words and filters mark nothing.
func (a *Archive) Highlighter(search string) *highlight.Highlighter {
	p, err := query.Parse(search)
	if err != nil {
		return highlight.New(a.text, nil)
	}
	var words []string
	for _, c := range p.Must {
		if c.Or != nil {
			for _, alt := range c.Or {
				words = append(words, alt.Text)
			}
			continue
		}
		words = append(words, c.Text)
	}
	return highlight.New(a.text, words)
}

// Monthly counts, by month of their articles' dates, the quotes of an actor (when actor is not
// empty) or the articles on a topic. Months without any between the first and the last are
// included, with zero.
func (a *Archive) Monthly(actor, topic string) ([]index.MonthCount, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	counts := map[time.Time]int{}
	add := func(d index.Date) {
		if d.IsZero() {
			return
		}
		t := d.Start()
		counts[time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)]++
	}
	if actor != "" {
		members := st.cat.membersOf(st.cat.canonical(actor))
		for _, q := range st.cat.Quotes {
			if !q.Procedural && slices.ContainsFunc(q.Speakers, func(id string) bool { return slices.Contains(members, id) }) {
				add(st.cat.Articles[q.Article].Date)
			}
		}
	} else {
		for _, art := range st.cat.Articles {
			if slices.Contains(art.Topics, topic) {
				add(art.Date)
			}
		}
	}
	if len(counts) == 0 {
		return nil, nil
	}
	var first, last time.Time
	for m := range counts {
		if first.IsZero() || m.Before(first) {
			first = m
		}
		if m.After(last) {
			last = m
		}
	}
	var out []index.MonthCount
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		out = append(out, index.MonthCount{Month: m, Count: counts[m]})
	}
	return out, nil
}

// resolveArticle finds the article an id names: by its id, by an old id, or, for a plain id
// several share, none but a choice.
func (c *catalog) resolveArticle(id string) (int, error) {
	if i, ok := c.byID[id]; ok {
		return i, nil
	}
	if docs, ok := c.plainArticles[id]; ok {
		e := &index.AmbiguousError{}
		for _, i := range docs {
			e.Choices = append(e.Choices, index.Choice{ID: c.Articles[i].ID, Article: c.Articles[i]})
		}
		return -1, e
	}
	plain, suffix := splitID(id)
	if len(suffix) >= minSuffix {
		for _, i := range c.documentsOf(plain) {
			if c.filedAt(i, suffix) {
				return -1, &index.MovedError{ID: c.Articles[i].ID}
			}
		}
	}
	return -1, index.ErrNotFound
}

// resolveQuote finds the quote an id names, as resolveArticle does an article.
func (c *catalog) resolveQuote(id string) (int, error) {
	if qi, ok := c.quoteByID[id]; ok {
		return qi, nil
	}
	if qs, ok := c.plainQuotes[id]; ok {
		e := &index.AmbiguousError{Quotes: true}
		for _, qi := range qs {
			e.Choices = append(e.Choices, index.Choice{ID: c.Quotes[qi].ID, Article: c.Articles[c.Quotes[qi].Article]})
		}
		return -1, e
	}
	plain, suffix, ok := strings.Cut(id, quoteSuffixSep)
	if ok && len(suffix) >= minSuffix {
		candidates := c.plainQuotes[plain]
		if qi, ok := c.quoteByID[plain]; ok {
			candidates = []int{qi}
		}
		for _, qi := range candidates {
			if c.filedAt(c.Quotes[qi].Article, suffix) {
				return -1, &index.MovedError{ID: c.Quotes[qi].ID}
			}
		}
	}
	return -1, index.ErrNotFound
}

// documentsOf returns the articles of a plain id.
func (c *catalog) documentsOf(plain string) []int {
	if i, ok := c.byID[plain]; ok {
		return []int{i}
	}
	return c.plainArticles[plain]
}

// filedAt reports whether one of an article's files has a path whose suffix begins so.
func (c *catalog) filedAt(i int, suffix string) bool {
	s := &c.Articles[i]
	for _, p := range append([]string{s.Path}, s.Also...) {
		if strings.HasPrefix(pathSuffix(p), suffix) {
			return true
		}
	}
	return false
}
