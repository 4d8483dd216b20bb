package crawl

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// What an answer is checked for. A browser accepts any bytes and repairs any markup; these are
// the faults a reader, a screen reader or a program reading the page would meet:
//
//   - text that is not UTF-8, or that holds U+FFFD, the mark left where invalid bytes were
//     replaced (encoding/json does that silently: a JSON answer is always UTF-8, but a cut
//     character still shows as "�");
//   - in HTML: no <!DOCTYPE html> first; not exactly one <html>, <head>, <body> and <title>; an
//     element closed out of order, never closed, or an end tag with nothing to close (a browser
//     guesses what was meant, and browsers guess differently); content an HTML5 parser moves or
//     splits (a <div> inside a <p>, a link inside a link, a form inside a form), found as a tree
//     whose elements differ from the markup's; a self-closing slash on an element that is not
//     void; a table holding what belongs in a cell (a parser moves it out, before the table); an
//     id given twice in a page, or empty; JSON-LD that is not JSON;
//   - JSON that does not parse; XML (Atom, OpenSearch) that is not well-formed.
//
// Not checked: the same attribute twice on an element (the tokenizer keeps the first, as a
// parser does, and templ writes attributes from the template), attribute values, the full content models of HTML (what may hold what beyond the
// cases above), ARIA and contrast: the browser tests run axe-core for those.

// voidElements have no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// closesP are the elements whose start tag closes an open <p> in an HTML5 parser.
var closesP = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "details": true,
	"dialog": true, "div": true, "dl": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "header": true, "hgroup": true, "hr": true, "main": true, "menu": true, "nav": true,
	"ol": true, "p": true, "pre": true, "section": true, "table": true, "ul": true, "search": true,
}

// tableParts lists what each part of a table may hold directly; anything else is moved out of
// the table by a parser ("foster parenting").
var tableParts = map[string][]string{
	"table":    {"caption", "colgroup", "thead", "tbody", "tfoot", "tr", "script", "template", "style"},
	"thead":    {"tr", "script", "template"},
	"tbody":    {"tr", "script", "template"},
	"tfoot":    {"tr", "script", "template"},
	"tr":       {"td", "th", "script", "template"},
	"colgroup": {"col", "template"},
}

func inTable(parent, child string) bool {
	allowed, ok := tableParts[parent]
	return !ok || slices.Contains(allowed, child)
}

// page is what checking an HTML answer finds: its faults, the ids it defines and its links.
type page struct {
	problems []string
	ids      map[string]bool
	links    []string
}

func (p *page) fault(format string, args ...any) {
	if len(p.problems) < 20 {
		p.problems = append(p.problems, fmt.Sprintf(format, args...))
	}
}

// checkText reports text that is not UTF-8 or holds the replacement character.
func checkText(b []byte, allowReplacement bool) []string {
	if !utf8.Valid(b) {
		return []string{"not valid UTF-8 " + invalidAt(b)}
	}
	if !allowReplacement {
		if i := bytes.IndexRune(b, utf8.RuneError); i >= 0 {
			return []string{"holds U+FFFD (a replaced character) " + around(b, i)}
		}
	}
	return nil
}

func invalidAt(b []byte) string {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Sprintf("(byte 0x%02x at offset %d) %s", b[i], i, around(b, i))
		}
		i += n
	}
	return ""
}

// around quotes the bytes around offset i, invalid ones escaped.
func around(b []byte, i int) string {
	lo, hi := max(0, i-40), min(len(b), i+20)
	return fmt.Sprintf("near %q", strings.ToValidUTF8(string(b[lo:hi]), "\\x??"))
}

// checkHTML tokenizes a page as an HTML5 parser does and checks it for the faults above.
func checkHTML(b []byte) *page {
	p := &page{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(b))
	var stack []string
	open := func(name string) bool { return slices.Contains(stack, name) }
	counts := map[string]int{}
	sawDoctype, sawContent := false, false
	inJSONLD := false
	var jsonld bytes.Buffer
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) {
				p.fault("cannot be tokenized: %v", err)
			}
			for i := len(stack) - 1; i >= 0; i-- {
				p.fault("<%s> is never closed", stack[i])
			}
			for _, name := range []string{"html", "head", "body", "title"} {
				if counts[name] != 1 {
					p.fault("%d <%s> elements, not one", counts[name], name)
				}
			}
			if !sawDoctype {
				p.fault("no <!DOCTYPE html> before the content")
			}
			compareTree(p, b, counts)
			return p
		case html.DoctypeToken:
			if sawContent || sawDoctype || !strings.EqualFold(string(z.Text()), "html") {
				p.fault("a doctype that is not one <!DOCTYPE html> at the start")
			}
			sawDoctype = true
		case html.TextToken:
			if inJSONLD {
				jsonld.Write(z.Text())
			} else if len(bytes.TrimSpace(z.Raw())) > 0 {
				sawContent = true
				if len(stack) > 0 && tableParts[stack[len(stack)-1]] != nil {
					p.fault("text directly in a <%s>: a parser moves it out of the table", stack[len(stack)-1])
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			sawContent = true
			tok := z.Token()
			name := tok.Data
			attrs(p, tok)
			if name == "svg" || name == "math" || open("svg") || open("math") {
				// Foreign content (icons): its elements may close themselves, and a parser puts
				// them in another namespace, so they are not counted with the page's.
				if tt == html.StartTagToken {
					stack = append(stack, name)
				}
				continue
			}
			counts[name]++
			if tt == html.SelfClosingTagToken && !voidElements[name] {
				p.fault("<%s/>: the slash does not close a <%s>", name, name)
			}
			if closesP[name] && open("p") {
				p.fault("<%s> inside a <p>: a parser closes the <p> before it", name)
			}
			if len(stack) > 0 && !inTable(stack[len(stack)-1], name) {
				p.fault("<%s> directly in a <%s>: a parser moves it out of the table", name, stack[len(stack)-1])
			}
			if (name == "a" || name == "form") && open(name) {
				p.fault("<%s> inside a <%s>: a parser closes the outer one", name, name)
			}
			if name == "script" && attr(tok, "type") == "application/ld+json" {
				inJSONLD = true
				jsonld.Reset()
			}
			if !voidElements[name] && tt == html.StartTagToken {
				stack = append(stack, name)
			}
		case html.EndTagToken:
			name := z.Token().Data
			if name == "script" && inJSONLD {
				inJSONLD = false
				if !json.Valid(jsonld.Bytes()) {
					p.fault("JSON-LD that is not JSON")
				}
			}
			switch {
			case voidElements[name]:
				p.fault("</%s>: a void element has no end tag", name)
			case len(stack) > 0 && stack[len(stack)-1] == name:
				stack = stack[:len(stack)-1]
			case open(name):
				p.fault("</%s> closes <%s> out of order", name, stack[len(stack)-1])
				for len(stack) > 0 {
					top := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if top == name {
						break
					}
				}
			default:
				p.fault("</%s> with no <%s> open", name, name)
			}
		}
	}
}

// attrs checks a tag's attributes and keeps its ids and links.
func attrs(p *page, tok html.Token) {
	for _, a := range tok.Attr {
		switch a.Key {
		case "id":
			switch {
			case strings.TrimSpace(a.Val) == "" || strings.ContainsAny(a.Val, " \t\n\r\f"):
				p.fault("<%s> has the id %q, empty or with spaces", tok.Data, a.Val)
			case p.ids[a.Val]:
				p.fault("the id %q is given twice", a.Val)
			}
			p.ids[a.Val] = true
		case "href", "src", "action":
			p.links = append(p.links, a.Val)
		case "content":
			// og:url and its kind carry absolute addresses, which links() sorts out.
			if strings.HasPrefix(a.Val, "http://") || strings.HasPrefix(a.Val, "https://") || strings.HasPrefix(a.Val, "/") {
				p.links = append(p.links, a.Val)
			}
		}
	}
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// compareTree parses the page with an HTML5 parser and compares the elements of its tree with
// the start tags of the markup: a parser that had to split, move or add elements to make a tree
// (a <p> closed early leaves an empty <p> for its end tag; a link in a link is split in two) has
// repaired something the markup got wrong.
func compareTree(p *page, b []byte, tags map[string]int) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		p.fault("an HTML5 parser cannot read it: %v", err)
		return
	}
	tree := map[string]int{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Namespace == "" {
			tree[n.Data]++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var names []string
	for name := range tree {
		names = append(names, name)
	}
	for name := range tags {
		if _, ok := tree[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		// Elements inside <svg> and <math> are in another namespace and not counted in the tree.
		// A <tbody> is implied by a <tr> in a <table>: valid HTML, and not a repair.
		if tree[name] != tags[name] && atom.Lookup([]byte(name)) != atom.Tbody {
			p.fault("an HTML5 parser makes %d <%s> of the %d in the markup", tree[name], name, tags[name])
		}
	}
}

// checkJSON reports JSON that does not parse.
func checkJSON(b []byte) []string {
	if !json.Valid(b) {
		return []string{"not valid JSON"}
	}
	return nil
}

// checkXML reads an XML answer to its end; it returns its faults and the addresses it holds
// (href attributes).
func checkXML(b []byte) (problems []string, links []string) {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return problems, links
		}
		if err != nil {
			return append(problems, "not well-formed XML: "+err.Error()), links
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "href" {
					links = append(links, a.Value)
				}
			}
		}
	}
}
