package archive

import (
	"math"
	"strings"
)

// A topic filter is a search for the topic's terms: it finds every article and quote that names
// one, as the registry's matcher reads them (whole words, a plural, the cased terms' case), and
// ranks them by how much each is about the topic. An article is tagged with every topic it
// names (Summary.Topics); it is *about* those it names in its title, or often enough for its
// length (Summary.About), which pages show beside the mere mentions.
//
// How much a document is about a topic is a whole number, its weight, indexed as the term
// frequency of the topic's id in fieldTopicWeight. A search filtered by topics and with no
// words ranks by it; a search with words ranks by the words, the topic then only a filter.

// Parts of a topic's weight: an article about the topic (Summary.About) outweighs any that only
// names it, and one that names it in its title most; the mentions count, and their density (per
// thousand words), so that a short statement on the topic outranks a long briefing that names
// it twice; and each quote of an article that names it adds to the article's.
const (
	weightAbout      = 10 // more than an article that names the topic once can reach otherwise
	weightTitle      = 20
	maxWeightCount   = 10 // mentions counted
	maxWeightDensity = 20 // mentions per thousand words, counted
	weightQuote      = 2
	maxWeightQuotes  = 5 // quotes counted
	minWeightWords   = 50
)

// topicWeight is how much a text of words words that names a topic mentions times is about it,
// from 1: about says the text is about it, inTitle that its title names it, quotes how many of
// its quotes do.
func topicWeight(mentions, words int, about, inTitle bool, quotes int) int {
	w := 1 + min(mentions, maxWeightCount)
	w += min(int(math.Round(float64(mentions)*1000/float64(max(words, minWeightWords)))), maxWeightDensity)
	if about {
		w += weightAbout
	}
	if inTitle {
		w += weightTitle
	}
	return w + weightQuote*min(quotes, maxWeightQuotes)
}

// topicWeightText is fieldTopicWeight's text for a document: each topic's id repeated as many
// times as its weight, so that the index counts the weight as the id's frequency.
func topicWeightText(ids []string, weights []int) string {
	var b strings.Builder
	for i, id := range ids {
		for range weights[i] {
			b.WriteString(id)
			b.WriteByte(' ')
		}
	}
	return b.String()
}
