// Package document reads one article file: its YAML front matter, its text as published, the
// page furniture dropped by the registry's rules, and the paragraphs a reader sees. It is pure:
// bytes in, a Document or a reason out.
package document

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxSize bounds an article file. The largest real document seen is 252 KB; highlighting and
// quote finding grow faster than linearly in an article's length, so a much bigger file is
// refused rather than allowed to stall indexing.
const MaxSize = 2 << 20

// maxFrontMatter bounds the YAML block; front matter is a handful of short fields.
const maxFrontMatter = 64 << 10

// Kind says what a paragraph is.
type Kind uint8

// The kinds of paragraph.
const (
	Text     Kind = iota
	Title         // the headline, printed at the top of the text as published
	Heading       // a section heading
	ListItem      // one item of a list
)

func (k Kind) String() string {
	switch k {
	case Title:
		return "title"
	case Heading:
		return "heading"
	case ListItem:
		return "item"
	}
	return "text"
}

// Paragraph is a block of text as a reader sees it, without Markdown or line breaks.
type Paragraph struct {
	Text string
	Kind Kind
}

// Document is an article file read and cleaned.
type Document struct {
	ID            string
	Title         string
	TitleSupplied bool // the archive gave the title; the text as published has none
	Date          Date
	Place         string
	Source        string
	URL           string
	Tags          []string
	Paragraphs    []Paragraph
	Dropped       int // lines of page furniture dropped
}

// Error is why a file cannot be served. Its text is meant for the log line that names the file.
type Error struct{ Reason string }

func (e *Error) Error() string { return e.Reason }

func fail(format string, args ...any) error { return &Error{Reason: fmt.Sprintf(format, args...)} }

// Rules drops page furniture; the registry implements it.
type Rules interface {
	IsFurniture(line string) bool
}

type frontMatter struct {
	ID            string     `yaml:"id"`
	Title         string     `yaml:"title"`
	TitleSupplied bool       `yaml:"title_supplied"`
	Date          string     `yaml:"date"`
	DatePrecision string     `yaml:"date_precision"`
	Place         string     `yaml:"place"`
	Source        string     `yaml:"source"`
	SourceURL     string     `yaml:"source_url"`
	Tags          stringList `yaml:"tags"`
}

// stringList reads a YAML list of strings or a single string (the corpus writes "tags: blog").
type stringList []string

func (l *stringList) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Value != "" {
			*l = []string{n.Value}
		}
		return nil
	case yaml.SequenceNode:
		var s []string
		if err := n.Decode(&s); err != nil {
			return err
		}
		*l = s
		return nil
	}
	return fmt.Errorf("line %d: tags must be a string or a list of strings", n.Line)
}

var idUnsafe = regexp.MustCompile(`[^a-z0-9]+`)

// Slug turns text into a lowercase id of letters, digits and hyphens.
func Slug(s string) string {
	s = strings.ToLower(foldAccents(s))
	s = idUnsafe.ReplaceAllString(s, "-")
	return strings.Trim(s, "-")
}

// maxIDLength bounds an id, which appears in every link to the article and its quotes.
const maxIDLength = 160

// Parse reads the article file at name (a slash path, used for its id and in errors) with
// content b, dropping the lines rules calls furniture.
func Parse(name string, b []byte, rules Rules) (*Document, error) {
	if len(b) == 0 {
		return nil, fail("empty file")
	}
	if len(b) > MaxSize {
		return nil, fail("%d bytes, more than the %d an article may have", len(b), MaxSize)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark
	if !utf8.Valid(b) {
		return nil, fail("not UTF-8 text (%s)", firstInvalid(b))
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return nil, fail("binary file: contains NUL bytes")
	}
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")

	fmText, body, err := splitFrontMatter(text)
	if err != nil {
		return nil, err
	}
	var fm frontMatter
	if err := decodeFrontMatter(fmText, &fm); err != nil {
		return nil, err
	}
	d := &Document{
		Title:         cleanLine(fm.Title),
		TitleSupplied: fm.TitleSupplied,
		Place:         cleanLine(fm.Place),
		Source:        cleanLine(fm.Source),
		URL:           strings.TrimSpace(fm.SourceURL),
		Tags:          fm.Tags,
	}
	switch date := strings.TrimSpace(fm.Date); {
	case date == "":
		// A date left out by mistake is caught; one the original does not give is said so.
		return nil, fail("no date in the front matter (write \"date: %s\" when the original gives none)", Unknown)
	case strings.EqualFold(date, Unknown):
		if strings.TrimSpace(fm.DatePrecision) != "" {
			return nil, fail("date_precision %q is given for a date that is unknown", fm.DatePrecision)
		}
	default:
		if d.Date, err = ParseDate(date, fm.DatePrecision); err != nil {
			return nil, fail("%v", err)
		}
	}
	if d.URL != "" && !safeURL(d.URL) {
		return nil, fail("source_url %q is not an http(s) address", truncate(d.URL, 80))
	}
	if d.Source == "" && d.URL != "" {
		// The address says who published it: that much is known, not invented.
		d.Source = publisher(d.URL)
	}
	d.ID = Slug(fm.ID)
	if d.ID == "" {
		d.ID = Slug(strings.TrimSuffix(path.Base(name), path.Ext(name)))
	}
	if d.ID == "" {
		return nil, fail("no id: the file name has no letters or digits and the front matter gives no id")
	}
	if len(d.ID) > maxIDLength {
		d.ID = strings.TrimRight(d.ID[:maxIDLength], "-")
	}

	d.Paragraphs, d.Dropped = paragraphs(body, rules)
	if len(d.Paragraphs) == 0 {
		return nil, fail("no text after the front matter")
	}
	if d.Title == "" {
		// The headline as published is the first line, when it is short enough to be one.
		first := d.Paragraphs[0].Text
		if utf8.RuneCountInString(first) > 200 || strings.Contains(first, "\n") {
			return nil, fail("no title in the front matter, and the first line is too long to be one")
		}
		d.Title = first
	}
	// The headline printed with the text (after a photo caption, perhaps) is marked, so a page
	// shows it once.
	for i := range min(3, len(d.Paragraphs)) {
		if sameLine(d.Paragraphs[i].Text, d.Title) {
			d.Paragraphs[i].Kind = Title
			break
		}
	}
	return d, nil
}

func firstInvalid(b []byte) string {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Sprintf("invalid byte 0x%02x at offset %d", b[i], i)
		}
		i += n
	}
	return "invalid encoding"
}

func splitFrontMatter(text string) (fm, body string, err error) {
	if !strings.HasPrefix(text, "---\n") {
		return "", "", fail("no front matter: the file must start with a line \"---\"")
	}
	rest := text[len("---\n"):]
	end := strings.Index(rest, "\n---\n")
	switch {
	case end >= 0:
		fm, body = rest[:end], rest[end+len("\n---\n"):]
	case strings.HasSuffix(rest, "\n---"):
		fm, body = strings.TrimSuffix(rest, "\n---"), ""
	case strings.HasPrefix(rest, "---\n"):
		fm, body = "", rest[len("---\n"):]
	default:
		return "", "", fail("front matter is not closed by a line \"---\"")
	}
	if len(fm) > maxFrontMatter {
		return "", "", fail("front matter is %d bytes, more than %d", len(fm), maxFrontMatter)
	}
	return fm, body, nil
}

func decodeFrontMatter(s string, fm *frontMatter) error {
	if strings.TrimSpace(s) == "" {
		return fail("front matter is empty")
	}
	// yaml.v3 refuses documents whose aliases expand out of proportion ("billion laughs").
	dec := yaml.NewDecoder(strings.NewReader(s))
	var node yaml.Node
	if err := dec.Decode(&node); err != nil {
		return fail("front matter is not valid YAML: %v", yamlReason(err))
	}
	if len(node.Content) != 1 || node.Content[0].Kind != yaml.MappingNode {
		return fail("front matter is not a mapping of fields")
	}
	// Front matter is a few plain fields; aliases have no use in it, and expanding them is how a
	// few bytes of YAML become gigabytes.
	if hasAlias(&node, 0) {
		return fail("front matter uses YAML anchors or aliases, which an article has no need of")
	}
	if err := node.Decode(fm); err != nil {
		return fail("front matter: %v", yamlReason(err))
	}
	return nil
}

func hasAlias(n *yaml.Node, depth int) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" || depth > 32 {
		return true
	}
	for _, c := range n.Content {
		if hasAlias(c, depth+1) {
			return true
		}
	}
	return false
}

func yamlReason(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		return te.Errors[0]
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

func safeURL(u string) bool {
	lower := strings.ToLower(u)
	return (strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://")) &&
		!strings.ContainsAny(u, " \t\n<>\"")
}

// publisher returns the host of an address without "www.": "whitehouse.gov".
func publisher(u string) string {
	parsed, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(parsed.Hostname()), "www.")
}

func cleanLine(s string) string { return strings.Join(strings.Fields(Mend(s)), " ") }

func sameLine(a, b string) bool {
	return strings.EqualFold(cleanLine(a), cleanLine(b))
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
