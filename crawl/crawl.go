// Package crawl fetches the pages and API answers of a running Readout server, as a reader and
// a program would reach them, and checks every one: text that is UTF-8, HTML an HTML5 parser
// reads without repairing, JSON and XML that parse, and no internal link that answers 4xx or
// 5xx or names an anchor its page lacks (check.go says what exactly). The test of the handlers
// crawls the seed archive with it through the real router; cmd/crawl crawls a server on the
// corpus (scripts/crawl.sh).
//
// It starts from the home page and the API's lists (every article, actor and topic, and the
// quotes of every article it reads), and follows every internal link of what it fetches: hrefs,
// srcs and form actions in HTML, addresses and ids in JSON, hrefs in Atom. Addresses are grouped
// in kinds (/articles/{id}, /search, /api/quotes/{id}…); a bounded crawl fetches at most PerKind
// of each kind, chosen by a hash of the address, so that a run samples the archive evenly and
// two runs with the same seed fetch the same addresses.
package crawl

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options configure a crawl.
type Options struct {
	// Base is where requests go: "http://127.0.0.1:8080".
	Base string
	// Public is the site's public address (the server's -public-url), which absolute links in
	// pages and feeds carry; links to it are internal. Empty means Base.
	Public string
	// Client sends the requests; nil means one with a 30 s timeout. Redirects are not followed
	// by it: the crawler follows them itself, as links.
	Client *http.Client
	// PerKind bounds the addresses fetched of each kind; 0 fetches every one found.
	PerKind int
	// Unbounded lists kinds fetched whole whatever PerKind says.
	Unbounded []string
	// Workers is how many requests are sent at once; 0 means 4.
	Workers int
	// Seed chooses the sample of a bounded crawl.
	Seed uint64
	// AllowReplacement accepts U+FFFD in answers, for an archive whose texts hold it.
	AllowReplacement bool
	// Starts are more addresses to begin from, beside the site's own (Starts).
	Starts []string
}

// Finding is an answer or a link that fails a check.
type Finding struct {
	URL     string // the address, path and query
	From    string // the page whose link led to it; "" for a starting point
	Status  int
	Problem string
}

func (f Finding) String() string {
	s := fmt.Sprintf("%s: %d", f.URL, f.Status)
	if f.Problem != "" {
		s += " " + f.Problem
	}
	if f.From != "" {
		s += " (linked from " + f.From + ")"
	}
	return s
}

// Kind counts the addresses of one kind.
type Kind struct {
	Kind    string
	Found   int // distinct addresses found
	Fetched int
	Invalid int // answers that fail a check
	Broken  int // links that answer 4xx or name a missing anchor
	Errors  int // answers 5xx or not answered
}

// Report is what a crawl found.
type Report struct {
	Kinds     []Kind // by kind
	Fetched   int    // requests answered
	Links     int    // internal links seen in what was fetched (each time one is seen)
	Anchors   int    // links to an anchor of a fetched page, checked
	Redirects int    // answers 3xx with a Location, followed
	Choices   int    // answers 300 without one: pages listing the documents that share an id
	Invalid   []Finding
	Broken    []Finding
	Errors    []Finding // 5xx, or no answer
	Took      time.Duration
}

// OK reports whether nothing failed.
func (r *Report) OK() bool { return len(r.Invalid)+len(r.Broken)+len(r.Errors) == 0 }

// Kind returns the counts of one kind.
func (r *Report) Kind(kind string) Kind {
	for _, k := range r.Kinds {
		if k.Kind == kind {
			return k
		}
	}
	return Kind{Kind: kind}
}

// Starts are where a crawl begins: the home page, the lists of the API, the feed and the
// OpenSearch description.
var Starts = []string{
	"/", "/api/articles?per_page=100", "/api/actors?per_page=100", "/api/topics", "/api/quotes?per_page=100",
	"/feed", "/opensearch.xml", "/robots.txt",
}

// maxBody bounds an answer read.
const maxBody = 16 << 20

type target struct {
	url  string // path and query
	from string
	kind string
	rank uint64
}

// anchorLink is a link to an anchor of another page, checked once that page is fetched.
type anchorLink struct {
	from, url, fragment string
}

type result struct {
	t         target
	status    int
	problems  []string
	ids       map[string]bool
	links     []string
	linkBase  *url.URL // what relative links are resolved against
	fetchFail error
	location  string
}

type crawler struct {
	o       Options
	base    *url.URL
	public  *url.URL
	client  *http.Client
	seen    map[string]bool
	kinds   map[string]*Kind
	budget  map[string]int
	ids     map[string]map[string]bool // ids of each HTML page fetched
	anchors []anchorLink
	report  Report
}

// Run crawls the server at o.Base.
func Run(ctx context.Context, o Options) (*Report, error) {
	start := time.Now()
	base, err := url.Parse(strings.TrimRight(o.Base, "/"))
	if err != nil || base.Host == "" {
		return nil, fmt.Errorf("crawl: base %q is not an address", o.Base)
	}
	public := base
	if o.Public != "" {
		if public, err = url.Parse(strings.TrimRight(o.Public, "/")); err != nil || public.Host == "" {
			return nil, fmt.Errorf("crawl: public address %q is not an address", o.Public)
		}
	}
	c := &crawler{
		o: o, base: base, public: public, client: o.Client,
		seen: map[string]bool{}, kinds: map[string]*Kind{}, budget: map[string]int{},
		ids: map[string]map[string]bool{},
	}
	if c.client == nil {
		c.client = &http.Client{Timeout: 30 * time.Second}
	}
	// Redirects are links to follow and count, not something to hide.
	cl := *c.client
	cl.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.client = &cl
	if c.o.Workers <= 0 {
		c.o.Workers = 4
	}

	var level []target
	for _, s := range append(slices.Clone(Starts), o.Starts...) {
		level = c.add(level, s, "")
	}
	for len(level) > 0 {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		chosen := c.choose(level)
		results := c.fetchAll(ctx, chosen)
		var next []target
		for _, r := range results {
			next = c.record(next, r)
		}
		level = next
	}
	c.checkAnchors()
	for _, k := range c.kinds {
		c.report.Kinds = append(c.report.Kinds, *k)
	}
	slices.SortFunc(c.report.Kinds, func(a, b Kind) int { return strings.Compare(a.Kind, b.Kind) })
	c.report.Took = time.Since(start)
	return &c.report, nil
}

// add puts an address found on from in the next level, unless it was found before.
func (c *crawler) add(level []target, u, from string) []target {
	if c.seen[u] {
		return level
	}
	c.seen[u] = true
	kind := KindOf(u)
	k := c.kinds[kind]
	if k == nil {
		k = &Kind{Kind: kind}
		c.kinds[kind] = k
	}
	k.Found++
	h := fnv.New64a()
	fmt.Fprintf(h, "%d\x00%s", c.o.Seed, u)
	return append(level, target{url: u, from: from, kind: kind, rank: h.Sum64()})
}

// choose takes the addresses of a level that their kinds' bounds leave room for, by rank.
func (c *crawler) choose(level []target) []target {
	slices.SortFunc(level, func(a, b target) int {
		if a.rank != b.rank {
			if a.rank < b.rank {
				return -1
			}
			return 1
		}
		return strings.Compare(a.url, b.url)
	})
	var out []target
	for _, t := range level {
		if c.o.PerKind > 0 && !slices.Contains(c.o.Unbounded, t.kind) {
			if c.budget[t.kind] >= c.o.PerKind {
				continue
			}
		}
		c.budget[t.kind]++
		out = append(out, t)
	}
	return out
}

func (c *crawler) fetchAll(ctx context.Context, ts []target) []result {
	results := make([]result, len(ts))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range c.o.Workers {
		wg.Go(func() {
			for i := range jobs {
				results[i] = c.fetch(ctx, ts[i])
			}
		})
	}
	for i := range ts {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// fetch asks for one address and checks the answer.
func (c *crawler) fetch(ctx context.Context, t target) result {
	r := result{t: t}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base.String()+t.url, nil)
	if err != nil {
		r.fetchFail = err
		return r
	}
	resp, err := c.client.Do(req)
	if err != nil {
		r.fetchFail = err
		return r
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		r.fetchFail = err
		return r
	}
	r.status = resp.StatusCode
	r.linkBase = c.base.ResolveReference(&url.URL{Path: pathOf(t.url)})
	if r.location = resp.Header.Get("Location"); resp.StatusCode >= 400 || (resp.StatusCode >= 300 && r.location != "") {
		// A redirect's body is a note for old browsers, an error's is checked by the handlers'
		// own tests: the address it leads to, or the status, is what matters here. (A 300
		// without a Location is a page of choices, checked as a page.)
		return r
	}
	ctype, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch {
	case ctype == "text/html":
		if r.problems = checkText(body, c.o.AllowReplacement); r.problems != nil {
			return r
		}
		p := checkHTML(body)
		r.problems, r.ids, r.links = p.problems, p.ids, p.links
	case ctype == "application/json":
		if r.problems = checkText(body, c.o.AllowReplacement); r.problems != nil {
			return r
		}
		if r.problems = checkJSON(body); r.problems == nil {
			r.links = jsonLinks(body)
		}
	case strings.HasSuffix(ctype, "xml"):
		if r.problems = checkText(body, c.o.AllowReplacement); r.problems != nil {
			return r
		}
		r.problems, r.links = checkXML(body)
	case strings.HasPrefix(ctype, "text/") || ctype == "application/javascript":
		r.problems = checkText(body, c.o.AllowReplacement)
	}
	return r
}

// record counts an answer, and puts the links it holds in the next level.
func (c *crawler) record(next []target, r result) []target {
	k := c.kinds[r.t.kind]
	finding := Finding{URL: r.t.url, From: r.t.from, Status: r.status}
	switch {
	case r.fetchFail != nil:
		finding.Problem = "no answer: " + r.fetchFail.Error()
		c.report.Errors = append(c.report.Errors, finding)
		k.Errors++
		return next
	case r.status >= 500:
		c.report.Errors = append(c.report.Errors, finding)
		k.Errors++
		return next
	case r.status >= 400:
		finding.Problem = "a link to an address that answers " + http.StatusText(r.status)
		c.report.Broken = append(c.report.Broken, finding)
		k.Broken++
		return next
	}
	c.report.Fetched++
	k.Fetched++
	if len(r.problems) > 0 {
		finding.Problem = strings.Join(r.problems, "; ")
		c.report.Invalid = append(c.report.Invalid, finding)
		k.Invalid++
	}
	if r.ids != nil {
		c.ids[r.t.url] = r.ids
	}
	links := r.links
	if r.location != "" {
		c.report.Redirects++
		links = append(links, r.location)
	} else if r.status == http.StatusMultipleChoices {
		c.report.Choices++
	}
	for _, l := range links {
		u, frag, ok := c.internal(r.linkBase, l)
		if !ok {
			continue
		}
		c.report.Links++
		if frag != "" {
			c.anchors = append(c.anchors, anchorLink{from: r.t.url, url: u, fragment: frag})
		}
		next = c.add(next, u, r.t.url)
	}
	return next
}

// internal returns the path and query, and the fragment, of a link to the site itself.
func (c *crawler) internal(base *url.URL, link string) (u, fragment string, ok bool) {
	link = strings.TrimSpace(link)
	if link == "" || strings.Contains(link, "{") { // an OpenSearch template
		return "", "", false
	}
	ref, err := url.Parse(link)
	if err != nil {
		return "", "", false
	}
	abs := base.ResolveReference(ref)
	if abs.Scheme != "http" && abs.Scheme != "https" {
		return "", "", false
	}
	if abs.Host != c.base.Host && abs.Host != c.public.Host {
		return "", "", false
	}
	u = abs.EscapedPath()
	if u == "" {
		u = "/"
	}
	if abs.RawQuery != "" {
		u += "?" + abs.RawQuery
	}
	return u, abs.Fragment, true
}

// checkAnchors reports links to anchors that their fetched page does not have.
func (c *crawler) checkAnchors() {
	for _, a := range c.anchors {
		ids, ok := c.ids[a.url]
		if !ok {
			continue // not fetched (a bounded crawl), or not HTML
		}
		c.report.Anchors++
		if !ids[a.fragment] {
			c.report.Broken = append(c.report.Broken, Finding{URL: a.url + "#" + a.fragment, From: a.from, Status: http.StatusOK, Problem: "a link to an anchor the page does not have"})
			c.kinds[KindOf(a.url)].Broken++
		}
	}
}

func pathOf(u string) string {
	p, _, _ := strings.Cut(u, "?")
	return p
}

// KindOf names the kind of an address: its route, with ids as {id}, and the query parameters
// that make another page of it (the quotes tab of a search, an article with highlighting, an
// actor's quotes searched or filtered: their combinations are searches, not more actors).
func KindOf(u string) string {
	p, q, _ := strings.Cut(u, "?")
	segs := strings.Split(strings.Trim(p, "/"), "/")
	kind := p
	switch {
	case len(segs) >= 1 && segs[0] == "static":
		kind = "/static/*"
	case len(segs) == 2 && segs[0] != "api":
		kind = "/" + segs[0] + "/{id}"
	case len(segs) == 3 && segs[0] == "api":
		kind = "/api/" + segs[1] + "/{id}"
	}
	v, _ := url.ParseQuery(q)
	switch {
	case v.Get("kind") == "quotes":
		kind += "?kind=quotes"
	case v.Has("hl"):
		kind += "?hl"
	case kind == "/actors/{id}" && len(v) > 0:
		kind += "?filtered"
	}
	return kind
}

// jsonLinks finds the addresses a JSON answer leads to: its "url" and "permalink" fields that
// are paths, and the ids of the lists of articles, quotes, actors and topics it holds (each
// becomes its page and its API address). A list that is paged ("total", "page", "per_page")
// leads to all its pages, up to the API's bound of 10,000 results.
func jsonLinks(b []byte) []string {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return nil
	}
	var links []string
	ids := func(kind string, x any) {
		add := func(id string) {
			if id == "" {
				return
			}
			links = append(links, "/"+kind+"/"+url.PathEscape(id), "/api/"+kind+"/"+url.PathEscape(id))
			// An id with a suffix shares its plain id with another document's (index/ids.go):
			// the plain id's page lists them.
			sep := "-"
			if kind == "articles" {
				sep = "--"
			}
			if plain, _, ok := strings.Cut(id, sep); ok && (kind == "articles" || kind == "quotes") {
				links = append(links, "/"+kind+"/"+url.PathEscape(plain), "/api/"+kind+"/"+url.PathEscape(plain))
			}
		}
		switch x := x.(type) {
		case []any:
			for _, e := range x {
				switch e := e.(type) {
				case string:
					add(e)
				case map[string]any:
					if id, ok := e["id"].(string); ok {
						add(id)
					}
				}
			}
		case map[string]any:
			if id, ok := x["id"].(string); ok {
				add(id)
			}
		}
	}
	var walk func(x any)
	walk = func(x any) {
		switch x := x.(type) {
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for key, val := range x {
				switch key {
				case "url", "permalink":
					if s, ok := val.(string); ok && strings.HasPrefix(s, "/") {
						links = append(links, s)
					}
				case "articles", "quotes", "actors", "topics":
					ids(key, val)
				case "speakers":
					ids("actors", val)
				case "article":
					ids("articles", val)
				}
				walk(val)
			}
		}
	}
	walk(v)
	if m, ok := v.(map[string]any); ok {
		links = append(links, pages(m)...)
	}
	return links
}

// pages returns the other pages of a paged API list.
func pages(m map[string]any) []string {
	total, ok1 := m["total"].(float64)
	page, ok2 := m["page"].(float64)
	per, ok3 := m["per_page"].(float64)
	if !ok1 || !ok2 || !ok3 || page != 1 || per <= 0 {
		return nil
	}
	list := ""
	for _, k := range []string{"articles", "quotes", "actors"} {
		if _, ok := m[k]; ok {
			list = k
		}
	}
	if list == "" {
		return nil
	}
	last := int(min(total, 10000) / per)
	if int(min(total, 10000))%int(per) != 0 {
		last++
	}
	var out []string
	for n := 2; n <= last; n++ {
		out = append(out, "/api/"+list+"?per_page="+strconv.Itoa(int(per))+"&page="+strconv.Itoa(n))
	}
	return out
}
