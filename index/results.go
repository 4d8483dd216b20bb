package index

import (
	"time"

	"github.com/readout/readout/index/highlight"
)

// Bounds on paging: bleve pages by skipping, so deep pages cost as much as all before them.
const (
	MaxPerPage = 100
	MaxResults = 10000 // page * per_page may not pass it
	facetSize  = 12
)

// Bounds on filters, typed in the box or chosen beside it: a search's address must hold them
// all, so both ways are bounded alike.
const (
	MaxFilterValues = 10  // actors, topics, sources or countries, each
	MaxIDLength     = 160 // characters of an actor's or a topic's id
	MaxSourceLength = 100 // characters of a source's name
)

// Sort orders.
const (
	SortRelevance = "relevance"
	SortNewest    = "newest"
	SortOldest    = "oldest"
)

// What a search returns.
const (
	KindArticles = "articles"
	KindQuotes   = "quotes"
)

// Query is a search: what is typed in the box, and the filters chosen beside it. Filters of
// one kind must all match (actor=a&actor=b finds articles with both).
type Query struct {
	Text    string
	Actors  []string
	Topics  []string
	Sources []string
	// Countries are the governments or organisations a quote's speakers speak for (ids); an
	// article matches when one of its quotes does.
	Countries []string
	From      time.Time // the first day of the range; zero when open
	To        time.Time // the last day, included; zero when open
	Sort      string
	Page      int // from 1
	PerPage   int
	Kind      string // KindArticles or KindQuotes
	// Procedural asks for the quotes that carry no statement ("Thank you", "Go ahead") too;
	// they are left out otherwise.
	Procedural bool
	// Literal reads the box's words as words only: a person's name typed among them is not
	// taken for the speaker (names.go).
	Literal bool
	// Full keeps only full quotes, not fragments of reported speech; it filters quotes only
	// (the articles' tab counts articles as without it).
	Full bool
	// AllOf names a facet (FacetActor, FacetTopic, FacetSource or FacetCountry) to count in full, up to
	// MaxFacetValues values, rather than its most frequent few.
	AllOf string
	// HitsOnly asks for the page's hits and the total only: no facets, no count of the other
	// tab, no fragments (an article hit is its summary; its file is not read). A download of a
	// whole search reads it page by page so.
	HitsOnly bool
}

// The facets AllOf may name, and how many of a facet's values it counts at most.
const (
	FacetActor     = "actor"
	FacetTopic     = "topic"
	FacetSource    = "source"
	FacetCountry   = "country"
	MaxFacetValues = 500
)

// FacetShown is how many values of a facet a search counts unless AllOf names it: a list
// that long may have more.
func FacetShown(field string) int {
	if field == FacetSource {
		return facetSize / 2
	}
	return facetSize
}

// Results are a page of a search.
type Results struct {
	Query    Query  // with the box's filters merged in
	Reading  string // how the box was read
	Words    string // the box's words and phrases, without the filters typed in it
	Filtered bool   // filters were typed in the box
	// Named are the actors whose whole names were typed among the words of a search of quotes,
	// taken out of the words and made the speaker filter; Offered, on the articles tab, the
	// same names, offered as such a search.
	Named, Offered []NamedActor
	Notes          []string
	Total          int // hits of the kind asked for
	ArticleCount   int // hits of each kind, for the tabs
	QuoteCount     int
	ArticleHits    []ArticleHit
	QuoteHits      []QuoteHit
	Facets         Facets
	Took           time.Duration
}

// ArticleHit is an article found, with the pieces of its text that match and its quotes that do.
type ArticleHit struct {
	Summary
	Score     float64
	Fragments []highlight.Fragment
	Quotes    []QuoteHit
}

// QuoteHit is a quote found, its words marked.
type QuoteHit struct {
	Quote
	Score     float64
	Fragment  highlight.Fragment
	ArticleOf *Summary
}

// Facets count the hits by actor, topic, source, country and date.
type Facets struct {
	Actors    []FacetValue
	Topics    []FacetValue
	Sources   []FacetValue
	Countries []FacetValue
	Dates     []DateBucket
	DateLevel string // ByYear or ByMonth
}

// The date facet's levels: years, or the months of the one year a search's range covers.
const (
	ByYear  = "year"
	ByMonth = "month"
)

// FacetValue is one value of a facet with its count.
type FacetValue struct {
	ID     string
	Name   string
	Count  int
	Active bool
}

// DateBucket is a year or a month with its count.
type DateBucket struct {
	Label  string
	From   time.Time
	To     time.Time // last day, included
	Count  int
	Active bool
}

// NamedActor is an actor a search read from the words typed: Words are the words as typed.
type NamedActor struct {
	ID, Name, Words string
}

// Respelling is a search written again with the archive's words.
type Respelling struct {
	Text    string   // the search, the words replaced
	Changes []Change // in the order typed
}

// Change is one word replaced.
type Change struct{ From, To string }

// Echo is a quote's statement found elsewhere: in another quote, or in a document's own text.
type Echo struct {
	Quote      string // the other quote's id; empty when the statement is in a document's text without being one of its quotes
	Article    Summary
	Verbatim   bool    // word for word (the shorter wording in the longer), spelling and contractions aside
	Repeated   bool    // the speaker's own words said again on another occasion, not a report or a copy of this one
	Similarity float64 // the share of the shorter wording found in the longer, 0 to 1
}

// Neighbour is another government's statement on a topic an article is about, dated near it.
type Neighbour struct {
	Article Summary
	Topics  []string // the topics both are about, ids
	Days    int      // days between their dates
}
