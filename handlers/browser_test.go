package handlers_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser tests drive a real headless Chromium (Debian's chromium) over the DevTools
// protocol against the seed archive served over HTTP. Without Chromium they are skipped, unless
// READOUT_REQUIRE_BROWSER=1 (as in CI) makes that a failure; the same holds for axe-core, which
// `npm ci --prefix handlers/testdata/axe` installs.

const (
	chromiumPath = "/usr/bin/chromium"
	axePath      = "testdata/axe/node_modules/axe-core/axe.min.js"
	// usThemTitle is the title of the article usThem.
	usThemTitle = "U.S. will not ask allies to choose between ‘us and them’ with China: Blinken"
)

// missing skips the test, or fails it when the environment requires the browser tests to run.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("READOUT_REQUIRE_BROWSER") == "1" {
		t.Fatalf("%s (READOUT_REQUIRE_BROWSER=1: the browser tests must run; .ci/run installs what they need)", msg)
	}
	t.Skipf("%s: skipped (set READOUT_REQUIRE_BROWSER=1 to make this a failure)", msg)
}

// findChromium returns Debian's chromium, or the one on PATH.
func findChromium(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err == nil {
		return chromiumPath
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	missing(t, "Chromium is not installed (no %s, no chromium on PATH; apt-get install chromium)", chromiumPath)
	return ""
}

// startBrowser starts one headless Chromium for the test and its subtests, stopped at cleanup.
// The machine has no network: without these flags Chromium waits on refused connections.
// The allocator gives the browser a fresh temporary user-data-dir and removes it afterwards.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	path := findChromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first Run starts the browser; its context must have no deadline, or the deadline
	// would stop the browser. Bound the start with a timer instead.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			t.Fatalf("starting %s: %v", path, err)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("%s did not start within 30 s", path)
	}
	return ctx
}

// newTab opens a tab of the browser for one subtest, with a deadline for all its actions.
func newTab(t *testing.T, browser context.Context, deadline time.Duration) context.Context {
	t.Helper()
	tab, cancelTab := chromedp.NewContext(browser)
	if err := chromedp.Do(tab); err != nil { // opens the tab, with no deadline
		cancelTab()
		t.Fatalf("opening a tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tab, deadline)
	t.Cleanup(func() {
		cancel()
		cancelTab()
	})
	return ctx
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return run(t, ctx, chromedp.Evaluate[T](expr))
}

// navigateBy runs an action that makes the page navigate (a click, a key) and waits for the
// new page to load.
func navigateBy(t *testing.T, ctx context.Context, a chromedp.Action[chromedp.Void]) {
	t.Helper()
	if _, err := chromedp.RunResponse(ctx, a); err != nil {
		t.Fatal(err)
	}
}

// location returns the page's address.
func location(t *testing.T, ctx context.Context) *url.URL {
	t.Helper()
	u, err := url.Parse(run(t, ctx, chromedp.Location()))
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// pressTab presses Tab until the focused element matches the CSS selector, at most max times,
// and returns how many presses it took.
func pressTab(t *testing.T, ctx context.Context, selector string, max int) int {
	t.Helper()
	test := fmt.Sprintf(`document.activeElement !== null && document.activeElement.matches(%q)`, selector)
	for i := 1; i <= max; i++ {
		do(t, ctx, chromedp.KeyEvent(kb.Tab))
		if eval[bool](t, ctx, test) {
			return i
		}
	}
	t.Fatalf("%d presses of Tab never focused %s; focus is on %s", max, selector,
		eval[string](t, ctx, `document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : "nothing"`))
	return 0
}

// focusRing describes the focused element's outline: its style and width, "none" when it has none.
func focusRing(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `(() => {
		const s = getComputedStyle(document.activeElement);
		return s.outlineStyle === "none" || parseFloat(s.outlineWidth) === 0 ? "none" : s.outlineStyle + " " + s.outlineWidth;
	})()`)
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	browser := startBrowser(t)
	srv := mustSeedsServer(t)
	start := time.Now()
	t.Cleanup(func() { t.Logf("browser tests took %s", time.Since(start).Round(10*time.Millisecond)) })

	// Search "Quad" from the home page's search box.
	t.Run("SearchQuad", func(t *testing.T) {
		ctx := newTab(t, browser, 20*time.Second)
		do(t, ctx,
			chromedp.Navigate(srv.URL+"/"),
			chromedp.SendKeys(chromedp.ID("q-home"), "Quad"),
		)
		navigateBy(t, ctx, chromedp.Click(chromedp.CSS(`.hero form[role="search"] button[type="submit"]`)))
		if u := location(t, ctx); u.Path != "/search" || u.RawQuery != "q=Quad" {
			t.Fatalf("landed on %s, want /search?q=Quad", u)
		}
		titles := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-testid="article-result"] h3 a')].map(a => a.textContent.trim())`)
		if !slices.Contains(titles, usThemTitle) {
			t.Errorf("results %q lack %q", titles, usThemTitle)
		}
		href := eval[string](t, ctx, `document.querySelector('[data-testid="article-result"] h3 a').getAttribute("href")`)
		if !strings.HasPrefix(href, "/articles/"+usThem) {
			t.Errorf("the first result links to %q", href)
		}
		marks := eval[[]string](t, ctx, `[...document.querySelectorAll("main mark")].map(m => m.textContent)`)
		if !slices.Contains(marks, "Quad") {
			t.Errorf("no <mark>Quad</mark> on the page; marks: %q", marks)
		}
	})

	// Narrow a search by an actor with the "Mentioned" facet, then remove the filter with its chip.
	t.Run("FilterByActor", func(t *testing.T) {
		ctx := newTab(t, browser, 20*time.Second)
		do(t, ctx, chromedp.Navigate(srv.URL+"/search?q=China"))
		facet := `//section[@aria-labelledby="facet-actors"]//a[.//span[@class="facet-label" and normalize-space()="Antony Blinken"]]`
		navigateBy(t, ctx, chromedp.Click(facet))
		u := location(t, ctx)
		if u.Path != "/search" || u.Query().Get("actor") != "antony-blinken" || u.Query().Get("q") != "China" {
			t.Fatalf("after the facet: %s, want q=China and actor=antony-blinken", u)
		}
		chips := eval[[]string](t, ctx, `[...document.querySelectorAll("ul.filters li:not(.clear-all) a")].map(a => a.textContent.replace(/\s+/g, " ").trim())`)
		if len(chips) != 1 || !strings.HasPrefix(chips[0], "Mentioned: Antony Blinken") {
			t.Fatalf("filter chips %q, want one \"Mentioned: Antony Blinken\"", chips)
		}
		if eval[int](t, ctx, `document.querySelectorAll('section[aria-labelledby="facet-actors"] a.active').length`) != 1 {
			t.Error("the chosen actor is not marked active in the facet")
		}
		navigateBy(t, ctx, chromedp.Click(chromedp.CSS("ul.filters a")))
		u = location(t, ctx)
		if u.Query().Has("actor") || u.Query().Get("q") != "China" {
			t.Errorf("after removing the chip: %s, want q=China and no actor", u)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("ul.filters a").length`); n != 0 {
			t.Errorf("%d filter chips left", n)
		}
	})

	// Follow a quote's link from the quotes tab: land on the quote in its article.
	t.Run("QuoteLinkLands", func(t *testing.T) {
		ctx := newTab(t, browser, 20*time.Second)
		do(t, ctx, chromedp.Navigate(srv.URL+"/search?q=China&kind=quotes"))
		// The last card's link: its quote is far down its article, so landing means scrolling.
		links := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-testid="quote-card"] a.in-article')].map(a => a.getAttribute("href"))`)
		if len(links) == 0 {
			t.Fatal("no quote card links to its place in an article")
		}
		href := links[len(links)-1]
		navigateBy(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-testid="quote-card"] a.in-article[href=%q]`, href))))
		u := location(t, ctx)
		if !strings.HasPrefix(u.Path, "/articles/") || !strings.HasPrefix(u.Fragment, "q-") || u.Path+"#"+u.Fragment != href {
			t.Fatalf("landed on %s, want %s", u, href)
		}
		landed := eval[struct {
			Exists, Target bool
			Top, Height    float64
			Outline        string
		}](t, ctx, fmt.Sprintf(`(() => {
			const el = document.getElementById(%q);
			if (!el) return {Exists: false, Target: false, Top: 0, Height: innerHeight, Outline: ""};
			return {Exists: true, Target: el.matches(":target"), Top: el.getBoundingClientRect().top,
				Height: window.innerHeight, Outline: getComputedStyle(el).outlineStyle};
		})()`, u.Fragment))
		if !landed.Exists {
			t.Fatalf("no element with the id %q", u.Fragment)
		}
		if landed.Top < 0 || landed.Top >= landed.Height {
			t.Errorf("the quote is not in the viewport: top %.0f, viewport height %.0f", landed.Top, landed.Height)
		}
		if !landed.Target || landed.Outline == "none" {
			t.Errorf("the quote is not marked as the target: :target %v, outline-style %q", landed.Target, landed.Outline)
		}
		if y := eval[float64](t, ctx, `window.scrollY`); y <= 0 {
			t.Errorf("the page did not scroll to the quote (scrollY %.0f)", y)
		}
	})

	// Find an actor by name with the list's form, then choose a kind and an initial: every step
	// an address, with no script needed.
	t.Run("FindActor", func(t *testing.T) {
		ctx := newTab(t, browser, 20*time.Second)
		do(t, ctx,
			chromedp.Navigate(srv.URL+"/actors"),
			chromedp.SendKeys(chromedp.ID("actor-name"), "blínken"),
		)
		navigateBy(t, ctx, chromedp.KeyEvent(kb.Enter))
		if u := location(t, ctx); u.Path != "/actors" || u.Query().Get("name") != "blínken" {
			t.Fatalf("Enter in the name box led to %s", u)
		}
		names := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-testid="actor-table"] tbody th a')].map(a => a.textContent.trim())`)
		if !slices.Equal(names, []string{"Antony Blinken"}) {
			t.Fatalf("found %q, want Antony Blinken", names)
		}
		navigateBy(t, ctx, chromedp.Click(`//p[@class="sorts"]/a[normalize-space()="Clear the filters"]`))
		navigateBy(t, ctx, chromedp.Click(`//nav[contains(@class,"kinds")]/a[starts-with(normalize-space(),"States")]`))
		navigateBy(t, ctx, chromedp.Click(`//nav[@class="letters"]//a[normalize-space()="J"]`))
		u := location(t, ctx)
		if u.Query().Get("kind") != "state" || u.Query().Get("letter") != "j" {
			t.Fatalf("after the kind and the initial: %s", u)
		}
		names = eval[[]string](t, ctx, `[...document.querySelectorAll('[data-testid="actor-table"] tbody th a')].map(a => a.textContent.trim())`)
		if !slices.Equal(names, []string{"Japan"}) {
			t.Errorf("states under J: %q", names)
		}
		// Back to everyone: the table's rows read in rank order.
		navigateBy(t, ctx, chromedp.Click(`//nav[contains(@class,"kinds")]/a[starts-with(normalize-space(),"All")]`))
		navigateBy(t, ctx, chromedp.Click(`//nav[@class="letters"]//a[normalize-space()="All"]`))
		ranks := eval[[]int](t, ctx, `[...document.querySelectorAll('[data-testid="actor-table"] tbody tr td:first-child')].map(td => parseInt(td.textContent.replace(/,/g, ""), 10))`)
		if len(ranks) < 2 || !slices.IsSorted(ranks) {
			t.Errorf("ranks in reading order: %v", ranks)
		}
	})

	// Keyboard only: Tab to the search box, type, Enter; Tab to a facet, Enter.
	t.Run("KeyboardOnly", func(t *testing.T) {
		ctx := newTab(t, browser, 20*time.Second)
		do(t, ctx, chromedp.Navigate(srv.URL+"/"))

		// The first Tab reaches the skip link, which shows itself.
		do(t, ctx, chromedp.KeyEvent(kb.Tab))
		skip := eval[struct {
			Text string
			Top  float64
		}](t, ctx, `({Text: document.activeElement.textContent, Top: document.activeElement.getBoundingClientRect().top})`)
		if skip.Text != "Skip to content" || skip.Top < 0 {
			t.Errorf("first Tab: %q at top %.0f, want a visible \"Skip to content\"", skip.Text, skip.Top)
		}

		pressTab(t, ctx, `input[type="search"][name="q"]`, 10)
		if ring := focusRing(t, ctx); ring == "none" {
			t.Error("the focused search box shows no focus outline")
		}
		do(t, ctx, chromedp.KeyEvent("Xinjiang"))
		navigateBy(t, ctx, chromedp.KeyEvent(kb.Enter))
		u := location(t, ctx)
		if u.Path != "/search" || u.Query().Get("q") != "Xinjiang" {
			t.Fatalf("Enter in the search box led to %s, want /search?q=Xinjiang", u)
		}

		n := pressTab(t, ctx, `.facets a`, 300)
		t.Logf("%d presses of Tab from the search box to the first facet link", n)
		focused := eval[struct{ Href, Text string }](t, ctx, `({Href: document.activeElement.href, Text: document.activeElement.textContent.replace(/\s+/g, " ").trim()})`)
		ring := focusRing(t, ctx)
		if ring == "none" {
			t.Errorf("the focused facet link %q shows no focus outline", focused.Text)
		}
		navigateBy(t, ctx, chromedp.KeyEvent(kb.Enter))
		if got := location(t, ctx).String(); got != focused.Href {
			t.Errorf("Enter on the facet link %q led to %s, want %s", focused.Text, got, focused.Href)
		}
		u = location(t, ctx)
		if u.Query().Get("q") != "Xinjiang" || len(u.Query()) < 2 {
			t.Errorf("the facet did not narrow the search: %s", u)
		}
	})

	// axe-core finds no serious or critical WCAG 2.2 AA violation on any kind of page, in the
	// light and the dark colour scheme.
	t.Run("Axe", func(t *testing.T) {
		src, err := os.ReadFile(axePath)
		if errors.Is(err, os.ErrNotExist) {
			missing(t, "axe-core is not installed (no %s; run npm ci --prefix handlers/testdata/axe)", axePath)
		} else if err != nil {
			t.Fatal(err)
		}
		quote := fullQuote(t, srv)
		pages := []struct{ name, path string }{
			{"home", "/"},
			{"search", "/search?q=China"},
			{"search-quotes", "/search?q=China&kind=quotes"},
			// Filters chosen (chips, clear all, dates), a facet in full, a slip of spelling, the help.
			{"search-filtered", "/search?q=China&actor=antony-blinken&from=2021-03-01&to=2021-12-31&all=actor"},
			{"search-did-you-mean", "/search?q=Xinjang"},
			{"search-help", "/search/help"},
			{"article", "/articles/" + usThem},
			// An article with searched words highlighted, landed on a quote (:target styles).
			{"article-landed", "/articles/" + usThem + "?hl=China#q-" + quote.ID},
			{"quote", quote.URL},
			{"actor", "/actors/antony-blinken"},
			{"topic", "/topics/xinjiang"},
			{"actors", "/actors"},
			{"actors-found", "/actors?name=wang&kind=person&sort=name"},
			{"actors-none", "/actors?name=zzzq&letter=q"},
			{"actor-searched", "/actors/antony-blinken?q=China&full=1&from=2021&to=2021"},
			{"topics", "/topics"},
			{"not-found", "/articles/no-such-article"},
		}
		for _, scheme := range []string{"light", "dark"} {
			t.Run(scheme, func(t *testing.T) {
				ctx := newTab(t, browser, time.Minute)
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
				})
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range pages {
					t.Run(p.name, func(t *testing.T) {
						do(t, ctx, chromedp.Navigate(srv.URL+p.path))
						if got := eval[bool](t, ctx, fmt.Sprintf(`matchMedia("(prefers-color-scheme: %s)").matches`, scheme)); !got {
							t.Fatalf("the page is not in the %s scheme", scheme)
						}
						checkAxe(t, ctx, string(src))
					})
				}
			})
		}
	})
}

// axeViolation is one rule that axe found broken, with the elements that break it.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	Targets []any  `json:"targets"`
	Nodes   int    `json:"nodes"`
	Summary string `json:"summary"`
}

// axeRun runs axe on the document for WCAG 2.0, 2.1 and 2.2 A and AA rules, and keeps only
// what the test reports: each violation's rule, impact, help, and its first few targets.
const axeRun = `axe.run(document, {
	runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
	resultTypes: ["violations"],
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.length,
	targets: v.nodes.slice(0, 5).map(n => n.target),
	summary: v.nodes.length ? (v.nodes[0].failureSummary || "") : "",
})))`

// checkAxe injects axe-core into the page and fails on each serious or critical violation.
// The script goes in through the DevTools protocol (Runtime.evaluate), which the page's
// Content-Security-Policy does not govern.
func checkAxe(t *testing.T, ctx context.Context, src string) {
	t.Helper()
	do(t, ctx, chromedp.Evaluate[chromedp.Void](src))
	if !eval[bool](t, ctx, `typeof axe === "object" && typeof axe.run === "function"`) {
		t.Fatal("axe-core did not load in the page")
	}
	raw := run(t, ctx, chromedp.Evaluate[[]byte](axeRun, chromedp.EvalAwaitPromise))
	var vs []axeViolation
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatalf("axe's answer: %v: %.300s", err, raw)
	}
	counts := map[string]int{}
	for _, v := range vs {
		counts[v.Impact] += v.Nodes
		msg := fmt.Sprintf("%s %s (%d elements): %s; %s", v.Impact, v.ID, v.Nodes, v.Help, targets(v.Targets))
		switch v.Impact {
		case "serious", "critical":
			t.Errorf("%s\n\t%s", msg, strings.ReplaceAll(v.Summary, "\n", "\n\t"))
		default:
			t.Log(msg)
		}
	}
	t.Logf("axe: %d rules violated; elements by impact %v", len(vs), counts)
}

// targets formats the first few selectors of a violation.
func targets(ts []any) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		b, _ := json.Marshal(t)
		parts = append(parts, string(b))
	}
	return "at " + strings.Join(parts, ", ")
}

type apiQuote struct {
	ID       string `json:"id"`
	URL      string `json:"url"`
	Kind     string `json:"kind"`
	Speakers []struct {
		ID string `json:"id"`
	} `json:"speakers"`
}

// fullQuote returns the article usThem's first whole quote with a speaker, from the API.
func fullQuote(t *testing.T, srv *httptest.Server) apiQuote {
	t.Helper()
	var art struct {
		Quotes []apiQuote `json:"quotes"`
	}
	decode(t, get(t, srv, "/api/articles/"+usThem), &art)
	for _, q := range art.Quotes {
		if q.Kind == "full" && len(q.Speakers) > 0 {
			return q
		}
	}
	t.Fatalf("the article has no whole quote with a speaker among %d", len(art.Quotes))
	return apiQuote{}
}
