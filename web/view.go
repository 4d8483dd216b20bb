// Package web holds Readout's pages: templ components that are pure functions of the typed view
// models in this file, and the static assets (CSS, a few lines of JavaScript, icons), embedded.
// Text from articles and requests reaches a page only through templ's escaping: highlights and
// quotation marks come as segments of plain text, never as HTML.
package web

import (
	"github.com/readout/readout/index/highlight"
)

//go:generate go tool templ generate

// Page is what every page's frame needs.
type Page struct {
	Title       string // the <title>, without the site's name
	Description string
	Canonical   string // absolute address of this page
	Query       string // the search box's text
	FeedURL     string // an Atom feed of this page's search
	OpenGraph   *OpenGraph
	JSONLD      any    // structured data for search engines
	Notice      string // a line shown above the content (indexing under way)
	Nav         string // which top link is current: "home", "search", "actors", "topics"
	// OwnSearch says the page has a search box of its own (home, search), so the masthead's
	// is left out: one box to a page, the one that keeps the page's filters and sort.
	OwnSearch bool
}

// OpenGraph is the preview a shared link shows.
type OpenGraph struct {
	Type, Title, Description, URL string
}

// Link is a link with its label and, in lists, a count.
type Link struct {
	URL    string
	Label  string
	Count  int
	Active bool
	Hint   string // a title attribute
	// Note follows the label, outside the link: a speaker's office on the quote's date.
	Note string
}

// Segment is a piece of a paragraph: plain, a searched word, or within a quote.
type Segment struct {
	Text      string
	Highlight bool
	Quote     string // the id of the quote it is part of, "" when outside quotes
	QuoteKind string
	Anchor    bool         // the quote starts here: its anchor goes on this segment
	After     *Attribution // the quote ends here: who said it follows
	// MarkID numbers a searched word's first piece on an article's page (m-1, m-2…), for
	// moving from one match to the next.
	MarkID int
}

// Attribution follows a quote's last segment: who said it, and a link to it.
type Attribution struct {
	QuoteID  string
	QuoteURL string
	Speakers []Link
	Echoes   int // other places its statement is found (its page lists them)
}

// Para is an article's paragraph, cut into segments.
type Para struct {
	Kind     string // "text", "heading", "item", "title"
	Segments []Segment
	Turn     *Attribution // a transcript turn or statement that starts here
	InTurn   bool         // part of a turn (shown with a rule at its side)
	TurnID   string       // the turn's quote id, when InTurn: its words are marked when its link is followed
}

// QuoteCard is a quote in a list.
type QuoteCard struct {
	ID        string
	URL       string // the quote's page
	InArticle string // the quote in its article
	Text      highlight.Fragment
	Kind      string
	Speakers  []Link
	Date      string
	Article   Link
}

// ArticleCard is an article in a list.
type ArticleCard struct {
	ID        string
	URL       string
	Title     string
	Date      string
	DateISO   string
	Source    string
	Place     string
	Fragments []highlight.Fragment
	Quotes    []QuoteCard
	Actors    []Link
	Topics    []Link
	Counts    string // "12 quotes · 800 words"
	Tag       string // how it stands to the list it is in: "About Taiwan", "Mentions Taiwan"
}

// Bar is one bar of a histogram.
type Bar struct {
	Label  string
	Title  string // the full label, for the tooltip
	Count  int
	Height int // 0–100
	URL    string
	Active bool
}

// Home is the home page.
type Home struct {
	Page
	Summary   string // "5 articles and 49 quotes, March 2021 – June 2023"
	Actors    []Link
	Topics    []Link
	Quotes    []QuoteCard
	Articles  []ArticleCard
	Years     []Bar
	Examples  []Link
	Skipped   int
	SkippedOK bool
}

// Search is the search page.
type Search struct {
	Page
	Reading    string
	Notes      []string
	QuotesTab  bool // the quotes tab, not the articles'
	Tabs       []Link
	Chips      []Link // active filters; each links to the search without it
	Sorts      []Link
	Sort       string
	Procedural *Link    // the switch for procedural turns, on the quotes tab; Active when they are shown
	Offers     []Link   // searches of quotes the words suggest ("Quotes by Jen Psaki about …")
	Hidden     []Hidden // filters kept when the box is submitted again
	Total      int
	TotalLabel string
	Articles   []ArticleCard
	Quotes     []QuoteCard
	Actors     []Link
	Topics     []Link
	Sources    []Link
	Countries  []Link // the governments or organisations the speakers speak for
	Dates      []Bar
	ByMonth    bool  // the date facet counts a year's months, not years
	DateUp     *Link // back from months to years
	Pager      Pager
	Took       string
	Suggest    []Link // when nothing is found
	// DidYouMean is the search with its misspelt words respelt, when nothing is found.
	DidYouMean *Link
	Why        string // why this tab lists nothing while the other lists something
	WhoLabel   string // the actor facet's name: "Speaker" of quotes, "Mentioned" in articles
	From, To   string // the date fields, YYYY-MM-DD
	ClearAll   string // the search without any filter, when filtered
	Export     []Link // the search to download: CSV, JSON Lines
	// ExportBound says how much a download holds.
	ExportBound string
	// AllOf links each facet to all its values, or back to its most frequent: by facet
	// ("actor", "topic", "source").
	AllOf map[string]*Link
}

// Hidden is a hidden form field.
type Hidden struct{ Name, Value string }

// Pager links the pages of a result list.
type Pager struct {
	Prev, Next string
	Pages      []Link
	Summary    string // "Results 11–20 of 48"
}

// Article is an article's page.
type Article struct {
	Page
	ID            string
	Title         []Segment
	TitleSupplied bool
	Date          string
	DateISO       string
	Place         string
	Source        string
	SourceURL     string
	Paras         []Para
	Actors        []Link
	Topics        []Link
	Quotes        []QuoteCard
	Neighbours    []Neighbour // other governments on its subjects in the days around it
	Highlight     string      // the searched words, when reached from a result
	Matches       int         // how many places they are marked in
	Here          string      // this page's address, with its hl=, for links to its matches
	ClearURL      string
	Counts        string
}

// Quote is a quote's page.
type Quote struct {
	Page
	Card        QuoteCard
	Context     []Para // the paragraphs around it, the quote marked
	Permalink   string // absolute
	Citation    string
	BibTeX      string
	ArticleDate string
	Source      string
	SourceURL   string
	Topics      []Link
	Turn        bool
	Echoes      []Echo      // where else its statement is found
	Neighbours  []Neighbour // other governments on its subjects in the days around it
}

// Neighbour is another government's statement on a subject a statement is about, dated near it.
type Neighbour struct {
	Title  string
	URL    string
	Who    string // the governments and organisations its speakers speak for
	Date   string
	Days   string // "the same day", "2 days before", "3 days after"
	Topics string // the subjects both are about
	Source string
}

// Echo is a quote's statement found elsewhere: another quote of it, or a document's text.
type Echo struct {
	Record     bool // in the official record: a transcript's turn, a whole statement, a document's own text
	Repeated   bool // the speaker's own words said again on another occasion (a stump line at another rally)
	Title      string
	ArticleURL string
	QuoteURL   string // "" when the statement is in the document's text, not one of its quotes
	Speakers   string
	Date       string
	Source     string
	Match      string // "Verbatim" or "Variant"
	Similarity string // "92 %"
	// The two wordings, their differences marked; a side is cut to the passage that carries the
	// statement when it is much longer.
	This, Other       []Change
	ThisCut, OtherCut bool
}

// The lists of a quote's page that an Echo is shown in (Echo.Group).
const (
	EchoRecord   = "record"   // the same statement in the official record
	EchoReported = "reported" // the same statement reported elsewhere
	EchoRepeated = "repeated" // the same words said again on another occasion
)

// Group is the list an echo is shown in: said again, in the record, or reported.
func (e Echo) Group() string {
	switch {
	case e.Repeated:
		return EchoRepeated
	case e.Record:
		return EchoRecord
	}
	return EchoReported
}

// Change is a piece of a wording beside another: Mark is "" (the same words), "changed" (words
// the other lacks or has otherwise) or "respelled" (the same words written otherwise).
type Change struct {
	Text string
	Mark string
}

// Actor is an actor's page: who they are, and their quotes, searched and filtered.
type Actor struct {
	Page
	Name       string
	Kind       string
	Registered bool
	Facts      []Fact
	Roles      []Fact
	// The search of their quotes: the form's address, its label, the fields it keeps, the
	// switch for full quotes and the orders.
	Action      string
	SearchLabel string
	Hidden      []Hidden
	Full        bool
	Reading     string   // how the box was read, when not as typed
	Notes       []string // what the search left out, and why
	Sorts       []Link   // URL holds the sort's value
	Chips       []Link   // active filters; each links to the page without it
	Heading     string   // "18,222 quotes, newest first"
	Quotes      []QuoteCard
	Empty       string // why the list is empty
	Suggest     []Link // what to try then
	Pager       Pager
	// Reach says how far the pages go when the search engine's bound cuts the list short, and
	// ReachBy offers the periods (years, or a year's months) that each list the rest.
	Reach          string
	ReachBy        []Link
	Periods        []Link // the date facet: years, or a year's months, with counts
	PeriodsByMonth bool   // the periods are a year's months, not years
	PeriodUp       *Link  // from months back to years
	Topics         []Link
	Timeline       []Bar
	Articles       int
	AllQuotes      string // these words in every actor's quotes
}

// Actors is the list of actors: a table, filtered and paged.
type Actors struct {
	Page
	Intro      string
	Name       string   // the name filter as typed
	Hidden     []Hidden // what the name filter's form keeps
	Kinds      []Link
	Letters    []Link // URL empty when no actor is listed under the letter
	Sorts      []Link
	Caption    string // "Actors 1–50 of 4,177, most quoted first"
	Rows       []ActorRow
	Empty      string
	Suggest    []Link
	Pager      Pager
	ClearURL   string // the list without filters, when filtered
	APIURL     string // the same list as JSON
	RankByName bool   // the list is by name: the rank column is the rank by quotes
}

// ActorRow is one actor in the list.
type ActorRow struct {
	Rank     int
	URL      string
	Name     string
	Role     string // the latest office, for a registered person
	Kind     string
	Quotes   int
	Articles int
}

// Fact is a labelled value.
type Fact struct{ Label, Value string }

// Topic is a topic's page.
type Topic struct {
	Page
	Name       string
	Terms      string
	About      string // how many articles name it, and are about it
	Speakers   []Link
	Timeline   []Bar
	Quotes     []QuoteCard
	QuoteTotal int
	Articles   []ArticleCard
	ArticleNum int
	SearchURL  string
	QuotesURL  string
}

// List is a page listing actors or topics.
type List struct {
	Page
	Heading string
	Intro   string
	Items   []Link
}

// Error is an error page.
type Error struct {
	Page
	Status  int
	Heading string
	Message string
	Retry   bool
	Done    int
	Total   int
	Choices []Link // what an address that names several documents names (300)
}

// Help is the page that explains the search box.
type Help struct {
	Page
	Examples []Example
}

// Example is a search as typed, what it does, and its results' address.
type Example struct {
	Syntax, Explain, URL string
}
