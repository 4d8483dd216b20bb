package index

import (
	"crypto/sha256"
	"encoding/base32"
	"hash/fnv"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
)

// Date is a calendar date with its precision (day, month or year).
type Date = document.Date

// Paragraph is a block of an article's text.
type Paragraph = document.Paragraph

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
	Topics        []string // ids of the topics it names, in its title or its text
	Quotes        int
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
	// topicWeight is fieldTopicWeight's text: how much it is about each topic it names.
	topicWeight string
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
	Date       Date     // the article's
	ArticleOf  *Summary `json:"-"` // set on quotes handed out with their article
	// topicWeight is fieldTopicWeight's text: how much it is about each topic it names.
	topicWeight string
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

// quoteID returns the stable id of a quote, a hash of its article's id and its normalised text
// (case, spacing, the shape of quotation marks and dashes folded), and a short key of the
// normalised text for telling repeats apart. The id does not depend on the quote's position, so
// editing other parts of the article, or adding other articles, keeps it.
func quoteID(articleID, text string) (id string, key uint64) {
	h := sha256.New()
	h.Write([]byte(articleID))
	h.Write([]byte{0})
	f := fnv.New64a()
	writeNormalised(io.MultiWriter(h, f), text)
	return encodeID(h.Sum(nil)), f.Sum64()
}

// repeatedQuoteID is the id of the n-th repeat (from 1) of the same words in an article: a
// transcript's "Yeah." can be said three times.
func repeatedQuoteID(articleID, text string, n int) string {
	h := sha256.New()
	h.Write([]byte(articleID))
	h.Write([]byte{0})
	writeNormalised(h, text)
	h.Write([]byte{0, byte(n), byte(n >> 8), byte(n >> 16)})
	return encodeID(h.Sum(nil))
}

func encodeID(sum []byte) string {
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:10]))[:14]
}

// writeNormalised writes the text with what does not change its words folded: case, spacing,
// the shape of quotation marks and apostrophes, dashes. It writes in small pieces, so no copy of
// a long quote is made.
func writeNormalised(w io.Writer, s string) {
	var buf [512]byte
	b := buf[:0]
	space := false
	started := false
	for _, r := range s {
		switch r {
		case '“', '”', '„', '«', '»':
			r = '"'
		case '‘', '’':
			r = '\''
		case '–', '—':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		started = true
		b = utf8.AppendRune(b, unicode.ToLower(r))
		if len(b) > len(buf)-8 {
			w.Write(b)
			b = b[:0]
		}
	}
	w.Write(b)
}
