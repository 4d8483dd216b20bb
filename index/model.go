package index

import (
	"strings"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
)

// Date is a calendar date with its precision (day, month or year).
type Date = document.Date

// Paragraph is a block of an article's text.
type Paragraph = document.Paragraph

// UnknownSource is the source of an article whose source is not known, where the source is a
// value of a facet or a filter: an unknown source is a value of its own, counted and filtered.
const UnknownSource = "unknown"

// SourceKey is a source as a facet and a filter know it: UnknownSource for none.
func SourceKey(s string) string {
	if s == "" {
		return UnknownSource
	}
	return s
}

// SourceName is how a source's key reads in a facet.
func SourceName(key string) string {
	if key == UnknownSource {
		return "Source unknown"
	}
	return key
}

// Summary is what a list shows of an article, and what the catalog keeps of it in memory.
type Summary struct {
	ID            string
	Title         string
	TitleSupplied bool
	Date          Date
	Place         string
	Source        string // empty when unknown
	URL           string // the original's address; may be empty
	Tags          []string
	Actors        []string // ids of the actors named or heard, registered or not
	Speakers      []string // ids of the actors quoted
	Countries     []string // ids of the governments and organisations its speakers speak for
	Topics        []string // ids of the topics it names, in its title or its text
	QuoteCount    int      // its quotes: an Article holds them as Quotes
	Words         int
	Path          string   // the file in the archive folder it is read from
	Also          []string // other files with the same plain id and text: the same document, filed again
	// About holds those of its topics it is about: named in its title, or often enough for
	// its length (a passing mention in a long briefing is not).
	About []string
}

// Article is an article as a reader reads it: its summary, its text and its quotes.
type Article struct {
	Summary
	Paragraphs []Paragraph
	Quotes     []Quote
	// TopicWeights says how much it is about each of its Topics, in their order (topics.go).
	TopicWeights []int `json:"-"`
}

// Quote is a quotation with its speakers and its place in the article.
type Quote struct {
	ID       string
	Article  string // the article's id
	Text     string
	Kind     quote.Kind
	Speakers []Speaker
	Topics   []string
	Start    quote.Pos // the first byte of the quoted words
	End      quote.Pos // just past the last byte
	Turn     bool      // a transcript's turn or a whole statement
	// Procedural is set on a turn that carries no statement ("Go ahead, Ashley", "Thank
	// you"): kept in the text, left out of lists unless asked for.
	Procedural bool
	Date       Date // the article's
	// TopicWeights says how much it is about each of its Topics, in their order (topics.go).
	TopicWeights []int `json:"-"`
}

// Speaker is who said a quote: an actor id and the name to show.
type Speaker struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Role is the office the speaker held on the quote's date ("Secretary of State"), when
	// known: the registry's for a registered actor, the text's title for anyone else.
	Role string `json:"role,omitempty"`
	// Kind is what the speaker is (person, organisation, country, role), for the list of
	// actors; empty when the text does not tell.
	Kind string `json:"-"`
	// Country and CountryID are the government or organisation the speaker speaks for, when
	// known: the display name and the registered actor's id (registry.SpeaksFor, load).
	Country   string `json:"country,omitempty"`
	CountryID string `json:"country_id,omitempty"`
}

// ActorInfo is an actor as pages and the API show it: registered, or a speaker the registry does
// not know, kept by the name the text gives.
type ActorInfo struct {
	ID           string
	Name         string
	Kind         string
	Registered   bool
	Country      string
	Organisation string
	Roles        []Role
	Aliases      []string
	// Also holds the other names the archive's texts give this actor, when ids were merged
	// into it ("Lindsay Graham" for Lindsey Graham).
	Also []string
	// Canonical is the actor this one was merged into, when it was: its page and its filter
	// are that actor's.
	Canonical string
	Articles  int
	Quotes    int
}

// Role is an office an actor held.
type Role struct {
	Title string `json:"title"`
	From  string `json:"from,omitempty"` // YYYY-MM-DD; empty when open
	To    string `json:"to,omitempty"`
}

// TopicInfo is a topic with its counts.
type TopicInfo struct {
	ID    string
	Name  string
	Terms []string
	// Articles counts the articles that name it; About those about it.
	Articles int
	About    int
	Quotes   int
}

// Body returns the article's text: its paragraphs separated by blank lines.
func (a *Article) Body() string {
	var b strings.Builder
	for i, p := range a.Paragraphs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// Problem is a file that could not be served, and why.
type Problem struct {
	Path   string
	Reason string
}
