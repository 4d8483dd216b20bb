package handlers_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// rawGet sends a request as raw bytes, so that malformed addresses reach the server as they
// are, and reads the answer.
func rawGet(t *testing.T, addr, method, target string, headers ...string) (*http.Response, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Time bound: no request may hang the server. This is a deadline, not a benchmark.
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	req := method + " " + target + " HTTP/1.1\r\nHost: readout.test\r\nConnection: close\r\n"
	for _, h := range headers {
		req += h + "\r\n"
	}
	if _, err := io.WriteString(conn, req+"\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: no answer: %v", method, target, err)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	resp.Body.Close()
	return resp, string(b)
}

const usThemPath = "/articles/2021-03-24-us-will-not-ask-allies-to-choose-between-us-and-them-with-china"

// TestHostileRequests sends what strangers and robots send: every answer is deliberate (a
// status, a message in the route's format), escaped, on this site, and quick.
func TestHostileRequests(t *testing.T) {
	srv := mustSeedsServer(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	long := strings.Repeat("x", 401)
	manyWords := strings.Repeat("w+", 30)
	elevenActors := strings.Repeat("actor=a&", 11)
	tests := []struct {
		method, target string
		headers        []string
		status         int
		msg            string // in the body
		json           bool   // the answer is JSON (else HTML), when status is not 405/400 from net/http
	}{
		// Malformed query strings.
		{"GET", "/search?q=%zz", nil, 400, "two hexadecimal digits", false},
		{"GET", "/search?q=a;b", nil, 400, "semicolon", false},
		{"GET", "/api/search?q=%zz", nil, 400, "hexadecimal", true},
		{"GET", "/search?q=%FF%FE", nil, 400, "not valid UTF-8", false},
		{"GET", "/api/quotes?q=%C3%28", nil, 400, "UTF-8", true},
		{"GET", "/search?q=" + strings.Repeat("a", 5000), nil, 400, "longer than 4096 bytes", false},
		{"GET", "/search?q=a&q=b", nil, 400, "appears 2 times", false},
		// Numbers out of bounds.
		{"GET", "/search?page=-1", nil, 400, "whole number", false},
		{"GET", "/search?page=0", nil, 400, "whole number", false},
		{"GET", "/search?page=99999999999999999999", nil, 400, "whole number", false},
		{"GET", "/search?page=1e3", nil, 400, "whole number", false},
		{"GET", "/search?page=1001", nil, 400, "Page 1001 is past the last page that can be listed, 1,000", false},
		{"GET", "/api/search?per_page=101", nil, 400, "per_page", true},
		{"GET", "/api/search?per_page=-5", nil, 400, "per_page", true},
		{"GET", "/api/search?per_page=abc", nil, 400, "per_page", true},
		{"GET", "/api/articles?page=2147483648", nil, 400, "page", true},
		{"GET", "/api/articles?page=0", nil, 400, "a whole number, 1 or more", true}, // not "from 1 to 107374182"
		{"GET", "/api/search?page=101&per_page=100", nil, 400, "page", true},
		// Values outside the allowed ones.
		{"GET", "/search?sort=random", nil, 400, "must be one of", false},
		{"GET", "/search?kind=quotes&procedural=yes", nil, 400, "must be one of", false},
		{"GET", "/api/quotes?procedural=2", nil, 400, "must be one of", true},
		{"GET", "/search?kind=quotes&procedural=1&procedural=1", nil, 400, "", false},
		{"GET", "/search?kind=all", nil, 400, "must be one of", false},
		// A facet in full, downloads and the help: their own parameters.
		{"GET", "/search?all=%3Cb%3E", nil, 400, "must be one of", false},
		{"GET", "/search?all=actor&all=topic", nil, 400, "appears 2 times", false},
		{"GET", "/search/export?format=csv&format=jsonl", nil, 400, "appears 2 times", false},
		{"GET", "/search/export?format=%3Cscript%3E", nil, 400, "must be one of", false},
		{"GET", "/search/export?format=jsonl&q=" + long, nil, 400, "longer than 400", false},
		{"GET", "/search/help?q=%zz", nil, 400, "two hexadecimal digits", false},
		{"GET", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3Ezzzqq&from=&to=", nil, 200, "Nothing matches", false},
		{"GET", "/search?from=2021-13-01", nil, 400, "YYYY-MM-DD", false},
		{"GET", "/search?from=yesterday", nil, 400, "YYYY-MM-DD", false},
		{"GET", "/search?from=2021-01-01T00:00:00Z", nil, 400, "YYYY-MM-DD", false},
		{"GET", "/search?to=0000-01-01", nil, 400, "YYYY-MM-DD", false},
		{"GET", "/search?from=2022-01-01&to=2021-01-01", nil, 400, "ends", false},
		{"GET", "/search?from=1000-01-01", nil, 400, "YYYY-MM-DD", false},
		{"GET", "/api/search?q=from:1000", nil, 400, "not a date", true},
		{"GET", "/search?q=" + typedTopics(12), nil, 400, "at most 10 topic filters", false},
		{"GET", "/search?q=" + typedTopics(6) + "&topic=a&topic=b&topic=c&topic=d&topic=e", nil, 400, "at most 10 topic filters", false},
		{"GET", "/search?q=actor:" + strings.Repeat("a", 200), nil, 400, "longer than the 160", false},
		{"GET", "/api/search?q=source:" + strings.Repeat("s", 101), nil, 400, "longer than the 100", true},
		{"GET", "/search?actor=..%2F..%2Fetc%2Fpasswd", nil, 400, "lowercase letters", false},
		{"GET", "/search?" + elevenActors, nil, 400, "at most 10", false},
		{"GET", "/search?topic=%3Cb%3E", nil, 400, "lowercase letters", false},
		{"GET", "/search?source=" + strings.Repeat("s", 101), nil, 400, "longer than 100", false},
		{"GET", "/search?q=" + long, nil, 400, "longer than 400", false},
		// The government or organisation speakers speak for: ids beside the box, ids or names in it.
		{"GET", "/search?country=%3Cscript%3E", nil, 400, "lowercase letters", false},
		{"GET", "/api/quotes?country=China", nil, 400, "lowercase letters", true},
		{"GET", "/api/search?country=..%2Fetc", nil, 400, "lowercase letters", true},
		{"GET", "/search?country=" + strings.Repeat("c", 161), nil, 400, "lowercase letters", false},
		{"GET", "/search?" + strings.Repeat("country=c&", 11), nil, 400, "at most 10", false},
		{"GET", "/search?q=country:" + strings.Repeat("c", 161), nil, 400, "longer than the 160", false},
		{"GET", "/search?q=" + typedFilters("country", 11), nil, 400, "at most 10 country filters", false},
		{"GET", "/api/search?q=country:%22%3Cimg+src%3Dx+onerror%3Dalert(1)%3E%22", nil, 200, "no government or organisation called", true},
		{"GET", "/search?q=country:%22%3Cimg+src%3Dx+onerror%3Dalert(1)%3E%22", nil, 303, "", false},
		{"GET", "/search?kind=quotes&country=nowhere", nil, 200, "", false},
		{"GET", "/search?all=country&all=country", nil, 400, "appears 2 times", false},
		{"GET", "/search?q=" + manyWords, nil, 400, "more than 24", false},
		{"GET", "/api/quotes?speaker=Antony+Blinken", nil, 400, "lowercase letters", true},
		{"GET", usThemPath + "?hl=" + long, nil, 400, "longer than 200", false},
		// The list of actors and an actor's page: their own parameters.
		{"GET", "/actors?kind=people", nil, 400, "must be one of", false},
		{"GET", "/api/actors?kind=%3Cb%3E", nil, 400, "must be one of", true},
		{"GET", "/actors?letter=ab", nil, 400, "a letter from A to Z", false},
		{"GET", "/actors?letter=%C3%A9", nil, 400, "a letter from A to Z", false},
		{"GET", "/actors?letter=%3Cscript%3E", nil, 400, "a letter from A to Z", false},
		{"GET", "/actors?sort=loudest", nil, 400, "must be one of", false},
		{"GET", "/actors?sort=newest", nil, 400, "must be one of", false},
		{"GET", "/actors?page=0", nil, 400, "whole number", false},
		{"GET", "/actors?page=2147483648", nil, 400, "whole number", false},
		{"GET", "/actors?per_page=51", nil, 400, "from 1 to 50", false},
		{"GET", "/api/actors?per_page=101", nil, 400, "from 1 to 100", true},
		{"GET", "/api/actors?page=-1", nil, 400, "page", true},
		{"GET", "/actors?page=999999", nil, 404, "past the end", false},
		{"GET", "/actors?page=9", nil, 404, "Page 9 is past the end of this list: its 43 actors fill 1 page.", false},
		{"GET", "/actors/antony-blinken?page=400", nil, 404, "Page 400 is past the end of this list: its 31 quotes fill 4 pages.", false},
		{"GET", "/search?page=400", nil, 404, "Page 400 is past the end of this list:", false},
		{"GET", "/api/actors?page=21474836", nil, 200, "", true},
		{"GET", "/actors?name=" + strings.Repeat("n", 101), nil, 400, "longer than 100", false},
		{"GET", "/actors?name=a&name=b", nil, 400, "appears 2 times", false},
		{"GET", "/actors?name=%FF", nil, 400, "UTF-8", false},
		{"GET", "/actors?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E", nil, 200, "No actor named", false},
		{"GET", "/api/actors?name=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E", nil, 200, "", true},
		{"GET", "/actors?name=%25%25%25*%3F", nil, 200, "", false},
		{"GET", "/actors/antony-blinken?page=1001", nil, 400, "past the last page", false},
		{"GET", "/actors/antony-blinken?per_page=51", nil, 400, "from 1 to 50", false},
		{"GET", "/actors/antony-blinken?page=99999999999999999999", nil, 400, "whole number", false},
		{"GET", "/actors/antony-blinken?full=2", nil, 400, "1 (on) or 0 (off)", false},
		{"GET", "/actors/antony-blinken?full=1&full=0", nil, 400, "appears 2 times", false},
		{"GET", "/actors/antony-blinken?sort=name", nil, 400, "must be one of", false},
		{"GET", "/actors/antony-blinken?from=2022&to=2021", nil, 400, "ends", false},
		{"GET", "/actors/antony-blinken?from=someday", nil, 400, "YYYY-MM-DD", false},
		{"GET", "/actors/antony-blinken?topic=%3Cb%3E", nil, 400, "lowercase letters", false},
		{"GET", "/actors/antony-blinken?q=" + long, nil, 400, "longer than 400", false},
		{"GET", "/actors/antony-blinken?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", nil, 200, "", false},
		{"GET", "/actors/antony-blinken?q=from:1000", nil, 400, "not a date", false},
		{"GET", "/actors/antony-blinken?q=((((", nil, 200, "", false},
		{"GET", "/search?full=yes", nil, 400, "1 (on) or 0 (off)", false},
		{"GET", "/api/quotes?full=%00", nil, 400, "1 (on) or 0 (off)", true},
		// Syntax that is not search syntax: read as words.
		{"GET", "/search?q=*e*e*e*e*e*e", nil, 200, "not supported", false},
		{"GET", "/search?q=%2F.*.*.*%2F", nil, 200, "not supported", false},
		{"GET", "/search?q=((((((", nil, 200, "not supported", false},
		{"GET", "/search?q=china~2", nil, 200, "not supported", false},
		{"GET", "/search?q=OR+OR+OR", nil, 200, "OR needs", false},
		{"GET", "/search?q=%22unclosed", nil, 200, "unclosed quotation mark", false},
		{"GET", "/search?q=%00%01%02", nil, 200, "", false},
		{"GET", "/search?q=from:2021-99", nil, 400, "not a date", false},
		{"GET", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", nil, 200, "", false},
		{"GET", "/search?q=%0d%0aSet-Cookie:+x=1", nil, 200, "", false},
		{"GET", usThemPath + "?hl=%3Cscript%3Ealert(1)%3C%2Fscript%3E", nil, 200, "", false},
		{"GET", "/api/search?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E", nil, 200, "", true},
		// Paths: ids that cannot exist, traversal, odd slashes.
		{"GET", "/articles/..%2f..%2fetc%2fpasswd", nil, 404, "no article", false},
		{"GET", "/articles/%00", nil, 404, "no article", false},
		{"GET", "/articles/%3Cscript%3E", nil, 404, "no article", false},
		{"GET", "/articles/" + strings.Repeat("a", 200), nil, 404, "no article", false},
		{"GET", "/articles/%C3%BC", nil, 404, "no article", false},
		{"GET", "/quotes/AAAAAAAAAAAAAA", nil, 404, "no quote", false},
		{"GET", "/quotes/'%20OR%201=1", nil, 404, "no quote", false},
		{"GET", "/actors/%2e%2e", nil, 404, "", false},
		{"GET", "/topics/xinjiang%20", nil, 404, "no topic", false},
		{"GET", "/api/articles/%2e%2e%2f", nil, 404, "", true},
		{"GET", "//evil.example/", nil, 404, "", false},
		{"GET", "/search/", nil, 404, "no page", false},
		{"GET", "/static/../../etc/passwd", nil, 404, "", false},
		{"GET", "/static/", nil, 404, "", false},
		{"GET", "/static/%ff", nil, 404, "", false},
		{"GET", "/static/%C3%28.css", nil, 404, "", false},
		{"GET", "/static/a%00b", nil, 404, "", false},
		{"GET", "/static/%2e%2e/go.mod", nil, 404, "", false},
		{"GET", "/nothing/here", nil, 404, "no page", false},
		// Methods.
		{"POST", "/search", nil, 405, "Only GET and HEAD", false},
		{"PUT", "/api/articles", nil, 405, "Only GET and HEAD", true},
		{"DELETE", usThemPath, nil, 405, "Only GET and HEAD", false},
		{"OPTIONS", "/", nil, 405, "Only GET and HEAD", false},
		{"PATCH", "/api/search", nil, 405, "Only GET and HEAD", true},
		{"TRACE", "/", nil, 405, "Only GET and HEAD", false},
		// Headers that must not reach a page.
		{"GET", "/", []string{"X-Forwarded-Host: evil.example", "X-Forwarded-Proto: javascript"}, 200, "", false},
		{"GET", "/search?q=Quad", []string{"Accept: application/json"}, 200, "", false},
		{"GET", "/search?q=Quad", []string{"Cookie: " + strings.Repeat("c=1; ", 500)}, 200, "", false},
		{"GET", "/api/articles", []string{"X-Request-Id: <script>alert(1)</script>"}, 200, "", true},
		{"GET", "/search?q=Quad", []string{"Range: bytes=0-10", "If-Modified-Since: garbage"}, 200, "", false},
		{"HEAD", "/search?q=Quad", nil, 200, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+clipName(tt.target), func(t *testing.T) {
			resp, body := rawGet(t, addr, tt.method, tt.target, tt.headers...)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d\n%.300s", resp.StatusCode, tt.status, body)
			}
			ct := resp.Header.Get("Content-Type")
			switch {
			case tt.method == "HEAD":
			case tt.json && !strings.HasPrefix(ct, "application/json"):
				t.Errorf("Content-Type %q, want JSON", ct)
			case !tt.json && tt.status != 404 || !tt.json && strings.Contains(body, "<html"):
				if !strings.HasPrefix(ct, "text/html") {
					t.Errorf("Content-Type %q, want HTML", ct)
				}
			}
			if tt.msg != "" && !strings.Contains(body, tt.msg) {
				t.Errorf("body lacks %q:\n%.500s", tt.msg, body)
			}
			for _, raw := range []string{"<script>alert", "<img src=x", "<b>", "evil.example", "javascript:"} {
				if strings.Contains(body, raw) {
					t.Errorf("the answer holds %q unescaped", raw)
				}
			}
			if resp.Header.Get("Set-Cookie") != "" {
				t.Error("a header was injected")
			}
			if loc := resp.Header.Get("Location"); loc != "" {
				if u, err := url.Parse(loc); err != nil || u.Host != "" || strings.HasPrefix(loc, "//") {
					t.Errorf("redirect off the site: %q", loc)
				}
			}
			if resp.Header.Get("Content-Security-Policy") == "" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("security headers missing")
			}
		})
	}
	if len(tests) < 60 {
		t.Errorf("only %d hostile requests", len(tests))
	}
}

// typedTopics is n topic: filters as typed in the box.
func typedTopics(n int) string { return typedFilters("topic", n) }

// typedFilters types n different filters of a field in the box.
func typedFilters(field string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s:t%d+", field, i)
	}
	return b.String()
}

func clipName(s string) string {
	if len(s) > 60 {
		return s[:60]
	}
	return s
}
