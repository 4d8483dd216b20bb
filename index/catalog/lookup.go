package catalog

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/readout/readout/index"
)

// Stats returns the catalog's counts.
func (c *Catalog) Stats() index.Stats {
	return index.Stats{
		Articles: len(c.Articles), Quotes: len(c.Quotes), Actors: len(c.actorList), Topics: len(c.topicList),
		First: c.first, Last: c.last, Skipped: c.Problems,
	}
}

// Summary returns what the catalog knows of an article, its actors canonical. An old id of it is
// a *MovedError, a plain id that several articles share an *AmbiguousError (ids.go).
func (c *Catalog) Summary(id string) (*index.Summary, error) {
	i, err := c.ResolveArticle(id)
	if err != nil {
		return nil, err
	}
	sum := c.canonicalSummary(c.Articles[i])
	return &sum, nil
}

// Newest returns a page of article summaries, newest first, and how many there are.
func (c *Catalog) Newest(page, perPage int) ([]index.Summary, int) {
	order := c.browseView(index.KindArticles, false).newest // the one newest-first order (browse.go)
	lo := min((page-1)*perPage, len(order))
	hi := min(lo+perPage, len(order))
	out := make([]index.Summary, 0, hi-lo)
	for _, i := range order[lo:hi] {
		out = append(out, c.canonicalSummary(c.Articles[i]))
	}
	return out, len(order)
}

// Identify gives an article read again from the file of Articles[i] the ids the catalog gave it,
// and what it knows of the document's other files. The file must be what was indexed: one
// changed since (hash is its content's), or whose id is now another, is index.ErrGone until the
// archive indexes it again (its quotes' ids and places would no longer match the index).
func (c *Catalog) Identify(i int, art *index.Article, hash uint64) error {
	sum := &c.Articles[i]
	if h, ok := c.indexedHash(sum.Path); ok && h != hash {
		return fmt.Errorf("%w: %s has changed", index.ErrGone, sum.Path)
	}
	if plain, _ := SplitID(sum.ID); art.ID != plain {
		return fmt.Errorf("%w: %s: its id is now %q, not %q", index.ErrGone, sum.Path, art.ID, plain)
	}
	finalise(art, sum.ID, func(q string) bool { _, ok := c.plainQuotes[q]; return ok })
	art.Tags, art.Also = sum.Tags, sum.Also
	return nil
}

// Actors returns every actor that speaks or is named, most quoted first: copies, which callers
// may change.
func (c *Catalog) Actors() []index.ActorInfo { return copyList(c.actorList) }

// Actor returns an actor that speaks or is named in the archive, registered or not. An actor
// merged into another (canon.go) is a *MovedError naming that one.
func (c *Catalog) Actor(id string) (*index.ActorInfo, error) {
	info, err := copyOne(c.actors, id)
	if err == nil && info.Canonical != "" {
		return nil, &index.MovedError{ID: info.Canonical}
	}
	return info, err
}

// Topics returns the topics, those with most articles and quotes first.
func (c *Catalog) Topics() []index.TopicInfo { return copyList(c.topicList) }

// Topic returns a topic.
func (c *Catalog) Topic(id string) (*index.TopicInfo, error) { return copyOne(c.topics, id) }

// copyList and copyOne hand out copies of the catalog's entries, which callers may change
// without changing the catalog.
func copyList[T any](l []*T) []T {
	out := make([]T, len(l))
	for i, v := range l {
		out[i] = *v
	}
	return out
}

func copyOne[T any](byID map[string]*T, id string) (*T, error) {
	v, ok := byID[id]
	if !ok {
		return nil, index.ErrNotFound
	}
	c := *v
	return &c, nil
}

// Monthly counts, by month of their articles' dates, the quotes of an actor (when actor is not
// empty) or the articles on a topic. Months without any between the first and the last are
// included, with zero.
func (c *Catalog) Monthly(actor, topic string) []index.MonthCount {
	counts := map[time.Time]int{}
	add := func(d index.Date) {
		if d.IsZero() {
			return
		}
		t := d.Start()
		counts[time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)]++
	}
	if actor != "" {
		members := c.Members(c.canonical(actor))
		for _, q := range c.Quotes {
			if !q.Procedural && slices.ContainsFunc(q.Speakers, func(id string) bool { return slices.Contains(members, id) }) {
				add(c.Articles[q.Article].Date)
			}
		}
	} else {
		for _, art := range c.Articles {
			if slices.Contains(art.Topics, topic) {
				add(art.Date)
			}
		}
	}
	if len(counts) == 0 {
		return nil
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
	return out
}

// ResolveArticle finds the article an id names (its index in Articles): by its id, by an old
// id (a *MovedError), or, for a plain id several share, none but a choice (an *AmbiguousError).
func (c *Catalog) ResolveArticle(id string) (int, error) {
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
	plain, suffix := SplitID(id)
	if len(suffix) >= minSuffix {
		for _, i := range c.documentsOf(plain) {
			if c.filedAt(i, suffix) {
				return -1, &index.MovedError{ID: c.Articles[i].ID}
			}
		}
	}
	return -1, index.ErrNotFound
}

// ResolveQuote finds the quote an id names (its index in Quotes), as ResolveArticle does an
// article.
func (c *Catalog) ResolveQuote(id string) (int, error) {
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
func (c *Catalog) documentsOf(plain string) []int {
	if i, ok := c.byID[plain]; ok {
		return []int{i}
	}
	return c.plainArticles[plain]
}

// filedAt reports whether one of an article's files has a path whose suffix begins so.
func (c *Catalog) filedAt(i int, suffix string) bool {
	s := &c.Articles[i]
	for _, p := range append([]string{s.Path}, s.Also...) {
		if strings.HasPrefix(pathSuffix(p), suffix) {
			return true
		}
	}
	return false
}
