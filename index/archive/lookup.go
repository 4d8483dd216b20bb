package archive

import (
	"fmt"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/catalog"
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
	return st.cat.Stats(), nil
}

// Summary returns what the catalog knows of an article. An old id of it is a *MovedError, a
// plain id that several articles share an *AmbiguousError.
func (a *Archive) Summary(id string) (*index.Summary, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	return st.cat.Summary(id)
}

// Article returns an article with its text and quotes, read from the archive folder (or the
// cache of recent ones). An old id of it is a *MovedError, a plain id that several articles
// share an *AmbiguousError.
func (a *Archive) Article(id string) (*index.Article, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	i, err := st.cat.ResolveArticle(id)
	if err != nil {
		return nil, err
	}
	return a.article(st, i)
}

func (a *Archive) article(st *state, i int) (*index.Article, error) {
	art, _, err := a.articleAgain(st, i)
	return art, err
}

// articleAgain is article, and whether the article was read before (it came from the cache).
func (a *Archive) articleAgain(st *state, i int) (*index.Article, bool, error) {
	sum := &st.cat.Articles[i]
	if art, ok := a.cache.Get(sum.ID); ok {
		return st.cat.Canonical(art), true, nil
	}
	// The file is read again and must be what was indexed: a file removed, emptied, grown
	// past the bound, made unreadable or edited since is gone until a restart indexes it (its
	// quotes' ids and places would no longer match the index).
	l := load.AnalyseFileOr(a.src, a.reg, sum.Path, func(path string, hash uint64) *index.Article {
		return savedAnalysis(st.analyses, path, hash)
	})
	if l.Err != nil {
		return nil, false, fmt.Errorf("%w: %s: %v", index.ErrGone, sum.Path, l.Err)
	}
	// The ids the catalog gave it, and what it knows of the document's other files.
	if err := st.cat.Identify(i, l.Article, l.Hash); err != nil {
		return nil, false, err
	}
	a.cache.put(l.Article)
	return st.cat.Canonical(l.Article), false, nil
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
	qi, err := st.cat.ResolveQuote(id)
	if err != nil {
		return nil, nil, err
	}
	return a.quoteAt(st, qi)
}

// quoteAt returns the quote of the catalog's Quotes[qi] with the article it is in.
func (a *Archive) quoteAt(st *state, qi int) (*index.Quote, *index.Article, error) {
	ref := &st.cat.Quotes[qi]
	art, err := a.article(st, ref.Article)
	if err != nil {
		return nil, nil, err
	}
	qu, err := quoteIn(art, ref)
	return qu, art, err
}

// quoteIn finds a quote of the catalog in its article as read now.
func quoteIn(art *index.Article, ref *catalog.QuoteRef) (*index.Quote, error) {
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
	list, total := st.cat.Newest(page, perPage)
	return list, total, nil
}

// Actors returns every actor that speaks or is named, most quoted first.
func (a *Archive) Actors() ([]index.ActorInfo, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	return st.cat.Actors(), nil
}

// Actor returns an actor that speaks or is named in the archive, registered or not. An actor
// merged into another is a *MovedError naming that one.
func (a *Archive) Actor(id string) (*index.ActorInfo, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	return st.cat.Actor(id)
}

// ActorList returns a page of the list of actors that speak or are named.
func (a *Archive) ActorList(q index.ActorQuery) (*index.ActorList, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	return st.cat.ActorList(q)
}

// Topics returns the topics, those with most articles and quotes first.
func (a *Archive) Topics() ([]index.TopicInfo, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	return st.cat.Topics(), nil
}

// Topic returns a topic.
func (a *Archive) Topic(id string) (*index.TopicInfo, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	return st.cat.Topic(id)
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
	return st.cat.Monthly(actor, topic), nil
}
