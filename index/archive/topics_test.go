package archive_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/index"
	"github.com/readout/readout/seeds"
)

// namesTerm is a matcher written apart from the registry's, for checking it: a topic's term as
// a whole word or phrase, in any case (a cased term in its own), a plural on its last word, and
// any spacing or hyphen between its words.
func namesTerm(term string, cased bool) *regexp.Regexp {
	words := strings.FieldsFunc(term, func(r rune) bool { return r == ' ' || r == '-' })
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	flags := "(?i)"
	if cased {
		flags = ""
	}
	return regexp.MustCompile(flags + `(?:^|[^\pL\pN])` + strings.Join(words, `[\s\x{00a0}-]+`) + `(?:s|es)?(?:[^\pL\pN]|$)`)
}

// TestTopicFindsEveryMention: a topic's filter finds every seed article and quote whose text
// names one of its terms, however often.
func TestTopicFindsEveryMention(t *testing.T) {
	a := mustArchive(t, seeds.FS, "")
	reg := mustRegistry(t)
	list, _, err := a.Articles(1, 100)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, topic := range reg.Topics {
		var matchers []*regexp.Regexp
		for _, term := range topic.Terms {
			matchers = append(matchers, namesTerm(term, false))
		}
		for _, term := range topic.Cased {
			matchers = append(matchers, namesTerm(term, true))
		}
		names := func(text string) bool {
			return slices.ContainsFunc(matchers, func(m *regexp.Regexp) bool { return m.MatchString(text) })
		}
		res, err := a.Search(context.Background(), index.Query{Kind: index.KindArticles, Topics: []string{topic.ID}, Sort: index.SortRelevance, Page: 1, PerPage: 100})
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]bool{}
		for _, h := range res.ArticleHits {
			found[h.ID] = true
		}
		quotes, err := a.Search(context.Background(), index.Query{Kind: index.KindQuotes, Topics: []string{topic.ID}, Procedural: true, Sort: index.SortRelevance, Page: 1, PerPage: 100})
		if err != nil {
			t.Fatal(err)
		}
		foundQuotes := map[string]bool{}
		for _, h := range quotes.QuoteHits {
			foundQuotes[h.ID] = true
		}
		for _, s := range list {
			art, err := a.Article(s.ID)
			if err != nil {
				t.Fatal(err)
			}
			named := names(art.Title) || slices.ContainsFunc(art.Paragraphs, func(p index.Paragraph) bool { return names(p.Text) })
			if named != found[art.ID] {
				t.Errorf("topic %s: article %s names it: %v; found under the topic: %v", topic.ID, art.ID, named, found[art.ID])
			}
			if named {
				checked++
			}
			for _, q := range art.Quotes {
				if names(q.Text) && !foundQuotes[q.ID] {
					t.Errorf("topic %s: quote %s names it, not found under the topic: %.80q", topic.ID, q.ID, q.Text)
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d articles name a topic: the check checks little", checked)
	}
}

// TestTopicRanksByWeight: without words, a topic's filter lists first what is most about it; an
// article that names it in its title comes before one that names it in passing, and the page
// says which articles are about it.
func TestTopicRanksByWeight(t *testing.T) {
	a := mustArchive(t, seeds.FS, "")
	for _, topic := range []string{"china", "taiwan", "xinjiang", "quad", "alliances"} {
		res, err := a.Search(context.Background(), index.Query{Kind: index.KindArticles, Topics: []string{topic}, Sort: index.SortRelevance, Page: 1, PerPage: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.ArticleHits) == 0 {
			t.Errorf("topic %s: nothing found", topic)
			continue
		}
		var scores []float64
		for _, h := range res.ArticleHits {
			scores = append(scores, h.Score)
		}
		if !slices.IsSortedFunc(scores, func(x, y float64) int { return cmpFloat(y, x) }) {
			t.Errorf("topic %s: scores not best first: %v", topic, scores)
		}
		// What is about the topic comes before what only names it.
		seenMention := false
		for _, h := range res.ArticleHits {
			about := slices.Contains(h.About, topic)
			if about && seenMention {
				t.Errorf("topic %s: %s is about it, listed after one that only names it", topic, h.ID)
			}
			seenMention = seenMention || !about
		}
	}
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
