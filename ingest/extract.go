package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/readout/readout/index/document"
)

// Article is what a page gives of an article: its text as published and what the page says of
// it. Nothing is guessed: a date, author or site the page does not give is empty.
type Article struct {
	Title      string
	Date       document.Date // zero when the page gives none
	DateFrom   string        // what the date was read from, for the reader ("the address", a meta tag's text)
	Author     string
	Site       string // the site's name, as the page gives it
	URL        string // the original's address: the page's canonical address, else where it was read
	Paragraphs []document.Paragraph
}

// ErrNotArticle is returned for a page with no main text: a list of links, a search page, a
// page of navigation.
var ErrNotArticle = errors.New("not an article: no main text was found on the page")

// savedFrom is the mark browsers leave in a page saved whole ("Save Page As…"): its address.
var savedFrom = regexp.MustCompile(`<!-- saved from url=\(\d+\)(https?://[^\s>]+) -->`)

// extractPage reads an HTML page: body as fetched or saved, charset as the server named it (""
// when unknown: the page's own <meta charset> and the bytes decide), at is where it was read
// (nil for a saved file). The text is what go-trafilatura finds as the page's main content, its
// boilerplate (navigation, advertising, related links, comments) left out; the date is what
// go-htmldate reads from the address, the page's metadata or its dated elements, kept only to the
// precision the page gives it.
func extractPage(body []byte, cs string, at *url.URL) (a *Article, err error) {
	defer func() {
		// A page is anyone's bytes: whatever the libraries make of it, it is one input that
		// failed, never the end of the run.
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("the page could not be read (internal error: %v)", r)
		}
	}()
	contentType := "text/html"
	if cs != "" {
		contentType += "; charset=" + cs
	}
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(r)
	if err != nil {
		return nil, err
	}
	if at == nil {
		head := body[:min(len(body), 2048)]
		if m := savedFrom.FindSubmatch(head); m != nil {
			at, _ = url.Parse(string(m[1]))
		}
	}
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL: at,
		// Precision: a page that is not an article (a list of links, a search page) gives no
		// text rather than its navigation.
		Focus:           trafilatura.FavorPrecision,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled, // read below, with its source
	})
	if err != nil || res.ContentNode == nil {
		return nil, ErrNotArticle
	}
	m := res.Metadata
	a = &Article{
		Title:  oneLine(m.Title),
		Author: oneLine(m.Author),
		Site:   siteName(m.Sitename),
		URL:    m.URL,
	}
	// The page's own address must be one the archive takes (http or https, nothing a page
	// could slip into a front matter); else where it was read, else none.
	if !validAddress(a.URL) {
		a.URL = ""
		if at != nil && validAddress(at.String()) {
			a.URL = at.String()
		}
	}
	a.Paragraphs = paragraphsOf(res.ContentNode)
	if len(a.Paragraphs) == 0 {
		return nil, ErrNotArticle
	}
	// The date the page was first published, read from its address, metadata, structured data
	// or dated elements; not from free text (the date of an event the article mentions) and not
	// from a copyright line.
	if found, err := htmldate.FromDocument(doc, htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true, URL: a.URL}); err == nil && !found.IsZero() {
		if found.SrcString == a.URL && a.URL != "" {
			// htmldate reads an address's date only whole: /2024/04/17/.
			a.Date, a.DateFrom = document.NewDate(found.DateTime, document.Day), "the address"
		} else if p := precisionOf(found.SrcString, found.DateTime); p != "" {
			a.Date, a.DateFrom = document.NewDate(found.DateTime, p), found.SrcString
		}
	}
	return a, nil
}

func validAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && utf8.ValidString(s) && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil &&
		!strings.ContainsAny(s, " \t\n<>\"")
}

// siteName is the site's name once: trafilatura joins the names a page gives in several places
// ("The White House; The White House").
func siteName(s string) string {
	var names []string
	for _, n := range strings.Split(s, ";") {
		if n = oneLine(n); n != "" && !containsFold(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, "; ")
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// oneLine is s with its runs of spaces (a no-break space too) made one space, soft hyphens
// taken out, in Unicode's composed form.
func oneLine(s string) string {
	// A page that says it is UTF-8 and is not: what cannot be read is shown as such (U+FFFD).
	s = strings.ToValidUTF8(s, "\ufffd")
	s = strings.ReplaceAll(s, "\u00ad", "")
	// Accents in pieces mended as the archive mends them when it reads the file back.
	return document.Mend(strings.Join(strings.Fields(s), " "))
}

// paragraphsOf turns the main content go-trafilatura found (HTML: headings, paragraphs, lists,
// quotations, tables) into the archive's paragraphs: one for each block, a line break ending one,
// a list item kept as an item with its number, a table row as its cells between " | ".
func paragraphsOf(n *html.Node) []document.Paragraph {
	w := &walker{}
	w.walk(n)
	w.flush()
	return w.out
}

type walker struct {
	out  []document.Paragraph
	cur  strings.Builder
	kind document.Kind
}

func (w *walker) flush() {
	if t := oneLine(w.cur.String()); t != "" {
		w.out = append(w.out, document.Paragraph{Text: t, Kind: w.kind})
	}
	w.cur.Reset()
	w.kind = document.Text
}

func (w *walker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Img, atom.Svg, atom.Button, atom.Input, atom.Select, atom.Textarea:
		return
	case atom.Br, atom.Hr:
		kind := w.kind
		w.flush()
		if n.DataAtom == atom.Br && kind != document.Heading {
			w.kind = kind // the line after a break in an item is still the item's
		}
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.flush()
		w.kind = document.Heading
		w.children(n)
		w.flush()
		return
	case atom.Li:
		w.flush()
		w.kind = document.ListItem
		if n.Parent != nil && n.Parent.DataAtom == atom.Ol {
			w.cur.WriteString(strconv.Itoa(itemNumber(n)) + ". ")
		}
		w.children(n)
		w.flush()
		return
	case atom.Tr:
		w.flush()
		first := true
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			if !first {
				w.cur.WriteString(" | ")
			}
			first = false
			cell := &walker{}
			cell.children(c)
			cell.flush()
			for i, p := range cell.out {
				if i > 0 {
					w.cur.WriteString(" ")
				}
				w.cur.WriteString(p.Text)
			}
		}
		w.flush()
		return
	}
	if isBlock(n.DataAtom) {
		w.flush()
		w.children(n)
		w.flush()
		return
	}
	w.children(n)
}

func (w *walker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Blockquote, atom.Pre, atom.Section, atom.Article, atom.Main, atom.Header,
		atom.Footer, atom.Aside, atom.Figure, atom.Figcaption, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.Table, atom.Caption, atom.Details, atom.Summary, atom.Address, atom.Body:
		return true
	}
	return false
}

// itemNumber is a numbered list item's number, as a browser shows it.
func itemNumber(li *html.Node) int {
	n := 1
	for _, a := range li.Parent.Attr {
		if a.Key == "start" {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil {
				n = v
			}
		}
	}
	for c := li.Parent.FirstChild; c != nil && c != li; c = c.NextSibling {
		if c.DataAtom == atom.Li {
			n++
		}
	}
	return n
}

// months are the month names and abbreviations htmldate reads in English.
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// precisionOf is how much of the date t its source text gives: htmldate returns a whole date
// even when it read only a month ("May 2024" is 1 May 2024) or a year. The source must give the
// year in figures; the month in figures or by name; the day in figures. "" when the source does
// not give even the year: the date is not kept.
func precisionOf(src string, t time.Time) document.Precision {
	type tok struct {
		s     string
		digit bool
	}
	var toks []tok
	for _, f := range strings.FieldsFunc(src, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		// Split "17th" and "2024T09" into their figures and letters.
		start := 0
		for i, r := range f {
			if i > start && unicode.IsDigit(r) != unicode.IsDigit(rune(f[start])) {
				toks = append(toks, tok{f[start:i], unicode.IsDigit(rune(f[start]))})
				start = i
			}
		}
		toks = append(toks, tok{f[start:], unicode.IsDigit(rune(f[start]))})
	}
	year, day := t.Year(), t.Day()
	month := int(t.Month())
	used := make([]bool, len(toks))
	take := func(match func(tok) bool) bool {
		for i, k := range toks {
			if !used[i] && match(k) {
				used[i] = true
				return true
			}
		}
		return false
	}
	number := func(k tok) int {
		if !k.digit || len(k.s) > 4 {
			return -1
		}
		v, _ := strconv.Atoi(k.s)
		return v
	}
	// A date in one run of figures: 20240417.
	compact := strconv.Itoa(year) + twoDigits(month) + twoDigits(day)
	if take(func(k tok) bool { return k.digit && k.s == compact }) {
		return document.Day
	}
	if !take(func(k tok) bool { return k.digit && len(k.s) == 4 && number(k) == year }) {
		return ""
	}
	hasMonth := take(func(k tok) bool { return !k.digit && months[strings.ToLower(k.s)] == month }) ||
		take(func(k tok) bool { return k.digit && len(k.s) <= 2 && number(k) == month })
	if !hasMonth {
		return document.Year
	}
	if take(func(k tok) bool { return k.digit && len(k.s) <= 2 && number(k) == day }) {
		return document.Day
	}
	return document.Month
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
