package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"
)

// site is a test server with a robots.txt, pages, and pages that fail in every way.
func site(t *testing.T, robots string, robotsStatus int) (*httptest.Server, *sync.Map) {
	t.Helper()
	agents := &sync.Map{}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(robotsStatus)
		w.Write([]byte(robots))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		agents.Store(r.Header.Get("User-Agent"), true)
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte("<p>Caf\xe9</p>"))
	})
	mux.HandleFunc("/private/page", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) })
	mux.HandleFunc("/forbidden", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusForbidden) })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(make([]byte, 2048)) })
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 4 {
			w.Write(make([]byte, 512))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/x", http.StatusFound)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/private/page", http.StatusFound) })
	mux.HandleFunc("/to-page", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, agents
}

// TestGet: every way a fetch can fail says which kind and why; a page that can be had is, with
// the User-Agent sent and its charset kept.
func TestGet(t *testing.T) {
	srv, agents := site(t, "User-agent: Readout\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n", 200)
	c := New(Options{AllowPrivate: true, MaxBytes: 1024, Timeout: 500 * time.Millisecond})
	tests := []struct {
		path, kind, reason string
	}{
		{"/missing", "not found", "404"},
		{"/forbidden", "refused", "403"},
		{"/private/page", "robots", "robots.txt does not allow /private/page for Readout"},
		{"/to-private", "robots", "robots.txt does not allow /private/page"},
		{"/to-ftp", "refused", "only http and https"},
		{"/loop", "refused", "more than 5 redirects"},
		{"/big", "too large", "2048 bytes, more than the 1024"},
		{"/big-chunked", "too large", "more than the 1024"},
		{"/slow", "timeout", "no complete answer within 500ms"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := c.Get(context.Background(), srv.URL+tt.path, "")
			var fe *Error
			if !errors.As(err, &fe) || fe.Kind != tt.kind || !strings.Contains(fe.Msg, tt.reason) {
				t.Errorf("%s: %v; want %s, %q", tt.path, err, tt.kind, tt.reason)
			}
		})
	}
	for _, path := range []string{"/page", "/to-page"} {
		p, err := c.Get(context.Background(), srv.URL+path, "text/html")
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if p.ContentType != "text/html" || p.Charset != "ISO-8859-1" || string(p.Body) != "<p>Caf\xe9</p>" || p.URL.Path != "/page" {
			t.Errorf("%s: %+v", path, p)
		}
	}
	if _, ok := agents.Load(UserAgent); !ok {
		t.Errorf("the page was not asked for with the User-Agent %q", UserAgent)
	}
}

// TestRefusesPrivateAddresses: without AllowPrivate, no address of this machine or a private
// network is fetched, however it is named: the check is made on the address connected to.
func TestRefusesPrivateAddresses(t *testing.T) {
	srv, _ := site(t, "", 404)
	c := New(Options{})
	port := srv.Listener.Addr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
	for _, u := range []string{srv.URL + "/page", "http://localhost:" + itoa(port) + "/page"} {
		_, err := c.Get(context.Background(), u, "")
		var fe *Error
		if !errors.As(err, &fe) || fe.Kind != "refused" || !strings.Contains(fe.Msg, "loopback") || !strings.Contains(fe.Msg, "-allow-private") {
			t.Errorf("%s: %v; want a refusal that names the loopback address and -allow-private", u, err)
		}
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://example.org/", "javascript:alert(1)", "http://user:pw@example.org/", "http:///x"} {
		_, err := c.Get(context.Background(), u, "")
		var fe *Error
		if !errors.As(err, &fe) || fe.Kind != "refused" {
			t.Errorf("%s: %v; want it refused", u, err)
		}
	}
}

func itoa(n uint16) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}

func TestPrivate(t *testing.T) {
	for addr, private_ := range map[string]bool{
		"127.0.0.1": true, "10.1.2.3": true, "172.16.0.1": true, "192.168.1.1": true,
		"169.254.169.254": true, "100.64.0.1": true, "0.0.0.0": true, "255.255.255.255": true,
		"::1": true, "fe80::1": true, "fc00::1": true, "::ffff:127.0.0.1": true, "224.0.0.1": true,
		"8.8.8.8": false, "151.101.1.1": false, "2001:4860:4860::8888": false,
	} {
		ip := netip.MustParseAddr(addr).Unmap()
		if got := private(ip) != ""; got != private_ {
			t.Errorf("private(%s) = %q", addr, private(ip))
		}
	}
}

// TestRobotsUnreadable: a site whose robots.txt answers a server error is not read at all; one
// without a robots.txt is.
func TestRobotsUnreadable(t *testing.T) {
	broken, _ := site(t, "", 503)
	_, err := New(Options{AllowPrivate: true}).Get(context.Background(), broken.URL+"/page", "")
	var fe *Error
	if !errors.As(err, &fe) || fe.Kind != "robots" {
		t.Errorf("robots.txt answering 503: %v; want the page refused", err)
	}
	moved := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.Redirect(w, r, "/robots-moved.txt", http.StatusMovedPermanently)
		case "/robots-moved.txt":
			w.Write([]byte("User-agent: *\nDisallow: /no\n"))
		default:
			w.Write([]byte("<p>page</p>"))
		}
	}))
	defer moved.Close()
	c := New(Options{AllowPrivate: true})
	if _, err := c.Get(context.Background(), moved.URL+"/yes", ""); err != nil {
		t.Errorf("robots.txt moved: %v", err)
	}
	if _, err := c.Get(context.Background(), moved.URL+"/no", ""); !errors.As(err, &fe) || fe.Kind != "robots" {
		t.Errorf("robots.txt moved, a page it disallows: %v", err)
	}
	none, _ := site(t, "", 404)
	if _, err := New(Options{AllowPrivate: true}).Get(context.Background(), none.URL+"/page", ""); err != nil {
		t.Errorf("no robots.txt: %v", err)
	}
}
