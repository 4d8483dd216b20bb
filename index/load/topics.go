package load

import (
	"math"
)

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
