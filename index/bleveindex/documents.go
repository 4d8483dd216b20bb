package bleveindex

import (
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/readout/readout/index"
)

// articleDoc and quoteDoc are what bleve indexes; their json names are the mapping's fields.
type articleDoc struct {
	Type    string     `json:"type"`
	Title   string     `json:"title"`
	Content string     `json:"content"`
	Actor   []string   `json:"actor"`
	Topic   []string   `json:"topic"`
	Source  string     `json:"source"`
	Country []string   `json:"country,omitempty"` // its quotes' speakers' governments
	Date    *time.Time `json:"date"`              // nil when the article is undated: it has no date to match
	DateEnd *time.Time `json:"date_end"`
	// TopicWeight is how much it is about each topic it names (topicWeightText).
	TopicWeight string `json:"topic_weight,omitempty"`
}

func (articleDoc) BleveType() string { return TypeArticle }

type quoteDoc struct {
	Type   string   `json:"type"`
	Text   string   `json:"text"`
	Actor  []string `json:"actor"`
	Topic  []string `json:"topic"`
	Source string   `json:"source"`
	// Country holds the governments or organisations its speakers speak for.
	Country []string `json:"country,omitempty"`
	Kind    string   `json:"kind"`
	// Procedural is "yes" on a turn that carries no statement, empty otherwise.
	Procedural string     `json:"procedural,omitempty"`
	Article    string     `json:"article"`
	Date       *time.Time `json:"date"`
	DateEnd    *time.Time `json:"date_end"`
	// TopicWeight is how much it is about each topic it names (topicWeightText).
	TopicWeight string `json:"topic_weight,omitempty"`
}

func (quoteDoc) BleveType() string { return TypeQuote }

// Articles and quotes share the index; a document's id in it is its archive id behind its
// kind's prefix. The prefixes are written and read here alone.
const (
	articlePrefix = "a:"
	quotePrefix   = "q:"
)

func articleDocID(id string) string { return articlePrefix + id }
func quoteDocID(id string) string   { return quotePrefix + id }

// Batch is a set of changes to the index, applied at once by Apply.
type Batch struct{ b *bleve.Batch }

// NewBatch returns an empty batch.
func (x *Index) NewBatch() *Batch { return &Batch{x.b.NewBatch()} }

// Apply applies a batch to the index: once it returns, its documents are searchable.
func (x *Index) Apply(b *Batch) error { return x.b.Batch(b.b) }

// Size is the number of changes in the batch.
func (b *Batch) Size() int { return b.b.Size() }

// DeleteArticle and DeleteQuote delete a document by its archive id.
func (b *Batch) DeleteArticle(id string) { b.b.Delete(articleDocID(id)) }
func (b *Batch) DeleteQuote(id string)   { b.b.Delete(quoteDocID(id)) }

// Add indexes an article and its quotes, under their ids.
func (b *Batch) Add(art *index.Article) error {
	src := index.SourceKey(art.Source)
	var start, end *time.Time
	if !art.Date.IsZero() {
		s, e := art.Date.Start(), art.Date.End()
		start, end = &s, &e
	}
	if err := b.b.Index(articleDocID(art.ID), articleDoc{
		Type: TypeArticle, Title: art.Title, Content: art.Title + "\n\n" + art.Body(),
		Actor: art.Actors, Topic: art.Topics, Source: src, Country: art.Countries, Date: start, DateEnd: end,
		TopicWeight: topicWeightText(art.Topics, art.TopicWeights),
	}); err != nil {
		return err
	}
	for _, q := range art.Quotes {
		speakers := make([]string, len(q.Speakers))
		var countries []string
		for i, s := range q.Speakers {
			speakers[i] = s.ID
			if s.CountryID != "" && !slices.Contains(countries, s.CountryID) {
				countries = append(countries, s.CountryID)
			}
		}
		doc := quoteDoc{
			Type: TypeQuote, Text: q.Text, Actor: speakers, Topic: q.Topics, Source: src, Country: countries, Kind: string(q.Kind),
			Article: art.ID, Date: start, DateEnd: end, TopicWeight: topicWeightText(q.Topics, q.TopicWeights),
		}
		if q.Procedural {
			doc.Procedural = "yes"
		}
		if err := b.b.Index(quoteDocID(q.ID), doc); err != nil {
			return err
		}
	}
	return nil
}

// A topic filter is a search for the topic's terms: it finds every article and quote that names
// one, as the registry's matcher reads them (whole words, a plural, the cased terms' case), and
// ranks them by how much each is about the topic. An article is tagged with every topic it
// names (Summary.Topics); it is *about* those it names in its title, or often enough for its
// length (Summary.About), which pages show beside the mere mentions.
//
// How much a document is about a topic is a whole number, its weight, indexed as the term
// frequency of the topic's id in FieldTopicWeight. A search filtered by topics and with no
// words ranks by it (TopicQuery); a search with words ranks by the words, the topic then only a
// filter.

// topicWeightText is FieldTopicWeight's text for a document: each topic's id repeated as many
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
