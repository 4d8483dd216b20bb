// Package fetch gets a web page the way a polite, careful reader's tool should: http and https
// only, a User-Agent that says who asks, the site's robots.txt obeyed, a bound on time and size,
// redirects checked again, and no address of this machine or its private network unless asked
// for (a page must not make Readout read what only the machine can reach).
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/temoto/robotstxt"
)

// Agent is the name robots.txt rules are read for, and the User-Agent's first word.
const Agent = "Readout"

// UserAgent says who fetches and why.
const UserAgent = Agent + "/1.0 (readout add: fetches the pages a reader names, one at a time, and obeys robots.txt)"

// Options bound the fetching.
type Options struct {
	// MaxBytes bounds a page, after decompression; 0 means 10 MB.
	MaxBytes int64
	// Timeout bounds one fetch, redirects and body included; 0 means 30 s.
	Timeout time.Duration
	// AllowPrivate lets loopback, private and link-local addresses be fetched (a server on this
	// machine or its network, as tests run one).
	AllowPrivate bool
	// MaxRedirects bounds the redirects followed; 0 means 5.
	MaxRedirects int
}

// Error is why a page could not be had, in words for the reader, with its kind.
type Error struct {
	Kind string // "refused", "robots", "too large", "timeout", "not found", "failed"
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

func fail(kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// Page is what a fetch returns.
type Page struct {
	URL         *url.URL // after redirects
	ContentType string   // the media type, lower case, without parameters
	Charset     string   // from the Content-Type header; "" when it names none
	Body        []byte
}

// Client fetches pages. It keeps each site's robots.txt for its life; it is safe for concurrent
// use.
type Client struct {
	o      Options
	http   *http.Client
	mu     sync.Mutex
	robots map[string]robots // by scheme://host
}

// New returns a client.
func New(o Options) *Client {
	if o.MaxBytes <= 0 {
		o.MaxBytes = 10 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	c := &Client{o: o, robots: map[string]robots{}}
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: c.checkAddress}
	transport := &http.Transport{
		// No proxy from the environment: the address connected to is the one checked.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       30 * time.Second,
	}
	c.http = &http.Client{Transport: transport, Timeout: o.Timeout, CheckRedirect: c.checkRedirect}
	return c
}

// checkAddress refuses a connection to an address of this machine or a private network, after
// the name is resolved: a name that resolves to 127.0.0.1 is refused as 127.0.0.1 is.
func (c *Client) checkAddress(network, address string, _ syscall.RawConn) error {
	if c.o.AllowPrivate {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return err
	}
	if why := private(ip.Unmap()); why != "" {
		return &privateError{addr: ip.Unmap().String(), why: why}
	}
	return nil
}

type privateError struct{ addr, why string }

func (e *privateError) Error() string {
	return e.addr + " is " + e.why
}

// reserved are ranges no public site is at, beside those netip names.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and the broadcast address
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use translation
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("fec0::/10"),       // site-local, deprecated
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
}

// private says why an address is not a public site's, or "" when it may be one.
func private(ip netip.Addr) string {
	switch {
	case ip.IsLoopback():
		return "a loopback address (this machine)"
	case ip.IsPrivate():
		return "a private network address"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "a link-local address"
	case ip.IsUnspecified():
		return "the unspecified address"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return "a multicast address"
	}
	for _, p := range reserved {
		if p.Contains(ip) {
			return "a reserved address"
		}
	}
	return ""
}

// checkRedirect follows a redirect only to http(s), a bounded number of times, and only where
// robots.txt lets it; the address is checked again when the connection is made.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.o.MaxRedirects {
		return fail("refused", "more than %d redirects", c.o.MaxRedirects)
	}
	if err := checkScheme(req.URL); err != nil {
		return fail("refused", "redirected to %s: %v", req.URL.Redacted(), err)
	}
	if req.Context().Value(readingRobots{}) != nil {
		return nil // robots.txt itself, moved: its rules are what is being read
	}
	return c.allowed(req.Context(), req.URL)
}

// readingRobots marks the context of a robots.txt's fetch.
type readingRobots struct{}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("only http and https addresses are fetched, not %q", u.Scheme+":")
	}
	if u.Host == "" {
		return errors.New("the address has no host")
	}
	if u.User != nil {
		return errors.New("an address with a user name or password is not fetched")
	}
	return nil
}

// Get fetches a page: accept says which media types are wanted, in an Accept header.
func (c *Client) Get(ctx context.Context, raw, accept string) (*Page, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fail("refused", "not an address: %v", err)
	}
	if err := checkScheme(u); err != nil {
		return nil, fail("refused", "%v", err)
	}
	ctx, cancel := context.WithTimeout(ctx, c.o.Timeout)
	defer cancel()
	if err := c.allowed(ctx, u); err != nil {
		return nil, err
	}
	resp, err := c.do(ctx, u, accept)
	if err != nil {
		return nil, describe(err, c.o.Timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		kind := "failed"
		switch resp.StatusCode {
		case http.StatusNotFound, http.StatusGone:
			kind = "not found"
		case http.StatusUnauthorized, http.StatusForbidden, 451:
			kind = "refused"
		}
		return nil, fail(kind, "the server answered %s", resp.Status)
	}
	if resp.ContentLength > c.o.MaxBytes {
		return nil, fail("too large", "too large: %d bytes, more than the %d a page may have", resp.ContentLength, c.o.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.o.MaxBytes+1))
	if err != nil {
		return nil, describe(err, c.o.Timeout)
	}
	if int64(len(body)) > c.o.MaxBytes {
		return nil, fail("too large", "too large: more than the %d bytes a page may have", c.o.MaxBytes)
	}
	p := &Page{URL: resp.Request.URL, Body: body}
	if mt, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err == nil {
		p.ContentType, p.Charset = strings.ToLower(mt), params["charset"]
	}
	return p, nil
}

func (c *Client) do(ctx context.Context, u *url.URL, accept string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", UserAgent)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return c.http.Do(req)
}

// describe turns a transport error into the reason a reader needs.
func describe(err error, timeout time.Duration) error {
	var fe *Error
	if errors.As(err, &fe) {
		return fe
	}
	var pe *privateError
	if errors.As(err, &pe) {
		return fail("refused", "refused: %v (add -allow-private to fetch from it)", pe)
	}
	if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
		return fail("timeout", "no complete answer within %s", timeout)
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return fail("failed", "the name %s could not be resolved", dns.Name)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fail("failed", "%v", err)
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// allowed fetches the site's robots.txt once and says whether it lets Readout read u.
func (c *Client) allowed(ctx context.Context, u *url.URL) error {
	site := u.Scheme + "://" + u.Host
	c.mu.Lock()
	r, ok := c.robots[site]
	c.mu.Unlock()
	if !ok {
		r = c.fetchRobots(ctx, site)
		c.mu.Lock()
		c.robots[site] = r
		c.mu.Unlock()
	}
	if r.err != nil {
		return r.err
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !r.rules.TestAgent(path, Agent) {
		return fail("robots", "refused by robots.txt: %s/robots.txt does not allow %s for %s", site, path, Agent)
	}
	return nil
}

// robots is a site's robots.txt as read, or why it could not be.
type robots struct {
	rules *robotstxt.RobotsData
	err   error
}

// maxRobots bounds a robots.txt; Google reads the first 500 KiB.
const maxRobots = 500 << 10

// fetchRobots reads a site's robots.txt: missing (4xx), everything is allowed; a server error
// or no answer, nothing is (RFC 9309 §2.3.1).
func (c *Client) fetchRobots(ctx context.Context, site string) robots {
	u, _ := url.Parse(site + "/robots.txt")
	unreadable := func(why error) robots {
		var fe *Error
		if errors.As(why, &fe) && fe.Kind == "refused" {
			return robots{err: fe} // the site's address itself is refused: say that
		}
		return robots{err: fail("robots", "refused: %s could not be read (%v), and a site that cannot say what it allows is not read", u, why)}
	}
	resp, err := c.do(context.WithValue(ctx, readingRobots{}, true), u, "text/plain")
	if err != nil {
		return unreadable(describe(err, c.o.Timeout))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobots))
	if err != nil {
		return unreadable(describe(err, c.o.Timeout))
	}
	if resp.StatusCode >= 500 {
		return robots{err: fail("robots", "refused: %s answered %s, and a site that cannot say what it allows is not read", u, resp.Status)}
	}
	rules, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		return unreadable(err)
	}
	return robots{rules: rules}
}
