package archive

import (
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
