package crawl

import (
	"strings"
	"testing"
)

func TestCheckHTML(t *testing.T) {
	const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body>`
	const foot = `</body></html>`
	tests := []struct {
		name string
		html string
		want string // "" for a page without faults
	}{
		{"valid", head + `<main id="main"><p>a <a href="/x">b</a><br>c</p><ul><li>x</li></ul><svg viewBox="0 0 1 1"><title>icon</title><path d="M0 0"/></svg></main>` + foot, ""},
		{"table without tbody", head + `<table><tr><td>x</td></tr></table>` + foot, ""},
		{"json-ld", head + `<script type="application/ld+json">{"a": 1}</script>` + foot, ""},
		{"no doctype", strings.TrimPrefix(head, "<!DOCTYPE html>") + foot, "no <!DOCTYPE html>"},
		{"misnested", head + `<p><em><strong>x</em></strong></p>` + foot, "out of order"},
		{"unclosed", head + `<div><span>x</div>` + foot, "out of order"},
		{"never closed", head + `<div>x` + foot[:len(foot)-len("</html>")], "never closed"},
		{"stray end tag", head + `x</span>` + foot, "no <span> open"},
		{"div in p", head + `<p>a<div>b</div></p>` + foot, "inside a <p>"},
		{"link in link", head + `<a href="/a">a<a href="/b">b</a></a>` + foot, "inside a <a>"},
		{"self-closing div", head + `<div/>` + foot, "the slash does not close"},
		{"end tag of void", head + `<br></br>` + foot, "void element"},
		{"duplicate id", head + `<p id="x">a</p><p id="x">b</p>` + foot, `the id "x" is given twice`},
		{"empty id", head + `<p id="">a</p>` + foot, "empty or with spaces"},
		{"two titles", head + `<title>U</title>` + foot, "2 <title> elements"},
		{"no body", `<!DOCTYPE html><html><head><title>T</title></head></html>`, "0 <body> elements"},
		{"bad json-ld", head + `<script type="application/ld+json">{"a": }</script>` + foot, "JSON-LD"},
		{"div in a table", head + `<table><div>x</div><tr><td>y</td></tr></table>` + foot, "moves it out of the table"},
		{"text in a row", head + `<table><tr>x<td>y</td></tr></table>` + foot, "text directly in a <tr>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := checkHTML([]byte(tt.html))
			got := strings.Join(p.problems, "; ")
			if tt.want == "" && got != "" {
				t.Errorf("faults in a valid page: %s", got)
			}
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("faults %q, want one containing %q", got, tt.want)
			}
		})
	}
}

func TestCheckHTMLLinksAndIDs(t *testing.T) {
	p := checkHTML([]byte(`<!DOCTYPE html><html><head><title>T</title><link rel="stylesheet" href="/static/a.css"><meta property="og:url" content="https://x.example/quotes/q"></head><body><a href="/articles/a#q-1" id="top">x</a><form action="/search"><img src="/static/i.png" alt=""></form></body></html>`))
	want := []string{"/static/a.css", "https://x.example/quotes/q", "/articles/a#q-1", "/search", "/static/i.png"}
	if strings.Join(p.links, " ") != strings.Join(want, " ") {
		t.Errorf("links %q, want %q", p.links, want)
	}
	if !p.ids["top"] || len(p.ids) != 1 {
		t.Errorf("ids %v", p.ids)
	}
}

func TestCheckText(t *testing.T) {
	for _, tt := range []struct {
		text string
		want string
	}{
		{"plain – and no-break\u00a0spaces", ""},
		{"half a no-break space: …\xa0 And", "not valid UTF-8"},
		{"a replaced �", "U+FFFD"},
	} {
		got := strings.Join(checkText([]byte(tt.text), false), "; ")
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestKindOf(t *testing.T) {
	for u, want := range map[string]string{
		"/":                                "/",
		"/search?q=x":                      "/search",
		"/search?q=x&kind=quotes":          "/search?kind=quotes",
		"/articles/a-b":                    "/articles/{id}",
		"/articles/a-b?hl=x":               "/articles/{id}?hl",
		"/api/quotes/abc":                  "/api/quotes/{id}",
		"/api/quotes?per_page=100&page=2":  "/api/quotes",
		"/static/style.1234.css":           "/static/*",
		"/actors":                          "/actors",
		"/actors/a-b":                      "/actors/{id}",
		"/actors/a-b?topic=c&page=2":       "/actors/{id}?filtered",
		"/feed?q=x&kind=quotes&actor=a-b":  "/feed?kind=quotes",
		"/api/articles?page=3&per_page=20": "/api/articles",
	} {
		if got := KindOf(u); got != want {
			t.Errorf("KindOf(%q) = %q, want %q", u, got, want)
		}
	}
}

func TestJSONLinks(t *testing.T) {
	got := jsonLinks([]byte(`{"total": 250, "page": 1, "per_page": 100, "articles": [{"id": "a", "permalink": "/articles/a", "url": "https://elsewhere.example/x", "actors": ["p-q"], "topics": []}]}`))
	want := []string{"/articles/a", "/api/articles/a", "/actors/p-q", "/api/actors/p-q", "/articles/a", "/api/articles?per_page=100&page=2", "/api/articles?per_page=100&page=3"}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("no %s in %q", w, got)
		}
	}
	for _, g := range got {
		if strings.Contains(g, "elsewhere") {
			t.Errorf("an external address taken as a link: %s", g)
		}
	}
}
