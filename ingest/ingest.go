// Package ingest adds articles to an archive folder the way a reader finds them: the address of
// a page, a page saved from the browser, or an RSS or Atom feed of them. Each page's text, title,
// date, author and site are read with go-trafilatura and go-htmldate, a feed with gofeed; each
// article becomes one Markdown file with the archive's front matter, named as the archive names
// files, beside the others. An article the folder has already (the same address or the same
// text) is left alone, and no file is ever replaced.
package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/ingest/fetch"
)

// Options configure an addition.
type Options struct {
	// Archive is the archive folder the files are added to.
	Archive string
	// Into is the folder, within the archive folder, the new files go to; "" is the archive
	// folder itself.
	Into string
	// Tags are written into each new file's front matter.
	Tags []string
	// DryRun reads, extracts and checks everything, and writes nothing.
	DryRun bool
	// Rules are the archive's furniture rules (the registry), so that a text is compared with
	// the archive's texts as the archive reads them.
	Rules document.Rules
	// Fetch bounds the fetching of pages and feeds; its MaxBytes bounds a saved file too.
	Fetch fetch.Options
	// MaxItems bounds the items read from one feed; 0 means 200.
	MaxItems int
	// Now is the day an article is retrieved; nil means time.Now.
	Now func() time.Time
}

// Outcome is what became of an input.
type Outcome string

// The outcomes.
const (
	Added  Outcome = "added"
	Exists Outcome = "exists" // the archive has it already
	Failed Outcome = "failed"
)

// Result is what became of one page: an input, or an item of a feed.
type Result struct {
	Input    string // the address or file given, or a feed item's address
	Feed     string // the feed the item came from; "" for an input
	Outcome  Outcome
	File     string // the file written, or the file that has the article already (slash path)
	Title    string
	Date     string // YYYY-MM-DD, YYYY-MM, YYYY or "unknown"
	DateFrom string // what the date was read from
	Reason   string // why it failed, or how the archive has it already
	Note     string // something the reader should check in the file written
}

// Accept headers: a page; a page or a feed.
const (
	acceptPage = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
	acceptAny  = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)

// adder adds one run's inputs.
type adder struct {
	o      Options
	folder *folder
	client *fetch.Client
	report func(Result)
}

// Run adds the inputs, in order, and reports what became of each page with report. It returns
// an error only when it cannot start (no archive folder, a bad Into); a page that cannot be added
// is reported, with its reason, and the rest go on.
func Run(ctx context.Context, o Options, inputs []string, report func(Result)) error {
	if o.MaxItems <= 0 {
		o.MaxItems = 200
	}
	if o.Fetch.MaxBytes <= 0 {
		o.Fetch.MaxBytes = 10 << 20
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if info, err := os.Stat(o.Archive); err != nil {
		return fmt.Errorf("the archive folder: %w", err)
	} else if !info.IsDir() {
		return fmt.Errorf("the archive folder %s is not a folder", o.Archive)
	}
	if o.Into != "" {
		into := path.Clean(filepath.ToSlash(o.Into))
		if into == "." {
			into = ""
		} else if path.IsAbs(into) || into == ".." || strings.HasPrefix(into, "../") || strings.HasPrefix(path.Base(into), ".") {
			return fmt.Errorf("-into %s: must be a folder within the archive folder, not hidden", o.Into)
		}
		o.Into = into
	}
	f, err := openFolder(o.Archive, o.Rules)
	if err != nil {
		return fmt.Errorf("reading the archive folder: %w", err)
	}
	defer f.close()
	a := &adder{o: o, folder: f, client: fetch.New(o.Fetch), report: report}
	for _, in := range inputs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		a.input(ctx, in)
	}
	return nil
}

// input adds what one input holds: a page, or every item of a feed.
func (a *adder) input(ctx context.Context, in string) {
	fail := func(reason string) { a.report(Result{Input: in, Outcome: Failed, Reason: reason}) }
	body, ctype, charset, at, err := a.read(ctx, in)
	if err != nil {
		fail(err.Error())
		return
	}
	switch kindOf(body, ctype, in) {
	case "feed":
		a.feed(ctx, in, body, at)
	case "page":
		a.page(in, "", body, charset, at, nil)
	default:
		if ctype == "" {
			ctype = http.DetectContentType(body)
		}
		fail(fmt.Sprintf("not an HTML page or a feed (%s)", ctype))
	}
}

// read gets an input's bytes: fetched for an address, read for a file.
func (a *adder) read(ctx context.Context, in string) (body []byte, ctype, charset string, at *url.URL, err error) {
	if strings.Contains(in, "://") || strings.HasPrefix(strings.ToLower(in), "http:") || strings.HasPrefix(strings.ToLower(in), "https:") {
		p, err := a.client.Get(ctx, in, acceptAny)
		if err != nil {
			return nil, "", "", nil, err
		}
		return p.Body, p.ContentType, p.Charset, p.URL, nil
	}
	f, err := os.Open(in)
	if err != nil {
		return nil, "", "", nil, errors.New(cleanPathError(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, "", "", nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, "", "", nil, errors.New("not a file")
	}
	if info.Size() > a.o.Fetch.MaxBytes {
		return nil, "", "", nil, fmt.Errorf("too large: %d bytes, more than the %d a page may have", info.Size(), a.o.Fetch.MaxBytes)
	}
	body, err = io.ReadAll(io.LimitReader(f, a.o.Fetch.MaxBytes+1))
	if err != nil {
		return nil, "", "", nil, err
	}
	return body, "", "", nil, nil
}

func cleanPathError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, os.ErrNotExist) {
			return "no such file"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

// kindOf says whether a body is a feed, an HTML page, or neither.
func kindOf(body []byte, ctype, name string) string {
	if gofeed.DetectFeedType(bytes.NewReader(body)) != gofeed.FeedTypeUnknown {
		return "feed"
	}
	if ctype == "" {
		lower := strings.ToLower(name)
		if strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") || strings.HasSuffix(lower, ".xhtml") {
			return "page"
		}
		ctype = http.DetectContentType(body)
	}
	if strings.HasPrefix(ctype, "text/html") || ctype == "application/xhtml+xml" {
		return "page"
	}
	return ""
}

// feedItem is what a feed says of an item: used where its page says nothing.
type feedItem struct {
	title string
	date  document.Date
}

// feed adds each item of a feed, from its page.
func (a *adder) feed(ctx context.Context, in string, body []byte, at *url.URL) {
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		a.report(Result{Input: in, Outcome: Failed, Reason: "not a feed that can be read: " + err.Error()})
		return
	}
	if len(parsed.Items) == 0 {
		a.report(Result{Input: in, Outcome: Failed, Reason: "the feed has no items"})
		return
	}
	for i, it := range parsed.Items {
		if ctx.Err() != nil {
			return
		}
		if i == a.o.MaxItems {
			a.report(Result{Input: in, Outcome: Failed, Reason: fmt.Sprintf("%d more items not read: a feed is read to its first %d", len(parsed.Items)-i, a.o.MaxItems)})
			return
		}
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		if link == "" {
			a.report(Result{Input: fmt.Sprintf("item %d (%s)", i+1, clip(oneLine(it.Title), 60)), Feed: in, Outcome: Failed, Reason: "the item has no link to its page"})
			continue
		}
		if u, err := url.Parse(link); err == nil && at != nil {
			link = at.ResolveReference(u).String()
		}
		hint := &feedItem{title: oneLine(it.Title)}
		if it.PublishedParsed != nil {
			hint.date = document.NewDate(*it.PublishedParsed, document.Day)
		}
		p, err := a.client.Get(ctx, link, acceptPage)
		if err != nil {
			a.report(Result{Input: link, Feed: in, Outcome: Failed, Reason: err.Error()})
			continue
		}
		if kindOf(p.Body, p.ContentType, link) != "page" {
			a.report(Result{Input: link, Feed: in, Outcome: Failed, Reason: fmt.Sprintf("not an HTML page (%s)", p.ContentType)})
			continue
		}
		a.page(link, in, p.Body, p.Charset, p.URL, hint)
	}
}

// page adds one page's article.
func (a *adder) page(in, feed string, body []byte, charset string, at *url.URL, hint *feedItem) {
	res := Result{Input: in, Feed: feed, Outcome: Failed}
	art, err := extractPage(body, charset, at)
	if err != nil {
		res.Reason = err.Error()
		a.report(res)
		return
	}
	if hint != nil {
		if art.Title == "" {
			art.Title = hint.title
		}
		if art.Date.IsZero() && !hint.date.IsZero() {
			art.Date, art.DateFrom = hint.date, "the feed"
		}
	}
	res.Title, res.Date, res.DateFrom = art.Title, dateLabel(art.Date), art.DateFrom
	now := a.o.Now()

	// The text as the archive will read it, for the same text under another address or none.
	file, err := markdown(art, "x", a.o.Tags, now)
	if err != nil {
		res.Reason = err.Error()
		a.report(res)
		return
	}
	doc, err := document.Parse("x.md", file, a.o.Rules)
	if err != nil {
		res.Reason = "the archive could not serve it: " + err.Error()
		a.report(res)
		return
	}
	text := textKey(doc.Paragraphs)
	addresses := []string{art.URL}
	if at != nil {
		addresses = append(addresses, at.String())
	}
	if strings.Contains(in, "://") {
		addresses = append(addresses, in)
	}
	if have, why := a.folder.has(addresses, text); have != "" {
		res.Outcome, res.File, res.Reason = Exists, have, "the archive has it already ("+why+")"
		a.report(res)
		return
	}

	name := fileName(art)
	var written []byte
	render := func(id string) ([]byte, error) {
		b, err := markdown(art, id, a.o.Tags, now)
		written = b
		return b, err
	}
	if a.o.DryRun {
		res.File = path.Join(a.o.Into, name+".md")
		_, err = render(name)
	} else {
		res.File, err = a.folder.write(a.o.Into, name, render)
	}
	if err != nil {
		res.Reason = "could not be written: " + err.Error()
		a.report(res)
		return
	}
	if diff, err := readBack(written, art); err == nil && diff != "" {
		res.Note = "check the text: " + diff
	}
	a.folder.note(res.File, strings.TrimSuffix(path.Base(res.File), ".md"), normalURL(art.URL), text)
	res.Outcome = Added
	a.report(res)
}

func dateLabel(d document.Date) string {
	if d.IsZero() {
		return document.Unknown
	}
	return d.ISO()
}
