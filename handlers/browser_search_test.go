package handlers_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/readout/readout/handlers"
)

// TestBrowserSearch drives the search page and the article page as a researcher does: dates
// typed in the form, every filter cleared at once, the order applied when chosen, the filters
// folded before the results on a phone, searched words stepped through, a transcript's turn
// landed on, and no page wider than its window.
func TestBrowserSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	browser := startBrowser(t)
	srv := mustSeedsServer(t)

	t.Run("DatesAndClearAll", func(t *testing.T) {
		ctx := newTab(t, browser, 20*time.Second)
		do(t, ctx, chromedp.Navigate(srv.URL+"/search?q=China&actor=antony-blinken"))
		eval[bool](t, ctx, `(() => { document.getElementById("from").value = "2021-03-01"; document.getElementById("to").value = "2021-12-31"; return true; })()`)
		navigateBy(t, ctx, chromedp.Click(chromedp.CSS(`form[role="search"] button[type="submit"]`)))
		u := location(t, ctx)
		if q := u.Query(); q.Get("from") != "2021-03-01" || q.Get("to") != "2021-12-31" || q.Get("actor") != "antony-blinken" || q.Get("q") != "China" {
			t.Fatalf("after the date fields: %s", u)
		}
		chips := eval[[]string](t, ctx, `[...document.querySelectorAll("ul.filters a")].map(a => a.textContent.replace(/\s+/g, " ").trim())`)
		if !containsPrefix(chips, "When: 1 Mar 2021 – 31 Dec 2021") || !containsPrefix(chips, "Clear all filters") {
			t.Fatalf("chips %q", chips)
		}
		if v := eval[string](t, ctx, `document.getElementById("from").value`); v != "2021-03-01" {
			t.Errorf("the from field reads %q on the page it chose", v)
		}
		navigateBy(t, ctx, chromedp.Click(chromedp.CSS(`[data-testid="clear-all"]`)))
		u = location(t, ctx)
		if u.RawQuery != "q=China" {
			t.Errorf("after clearing all filters: %s, want q=China alone", u)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("ul.filters a").length`); n != 0 {
			t.Errorf("%d chips left", n)
		}
	})

	t.Run("SortAtOnce", func(t *testing.T) {
		ctx := newTab(t, browser, 20*time.Second)
		do(t, ctx, chromedp.Navigate(srv.URL+"/search?q=China"))
		choose := chromedp.Evaluate[bool](`(() => { const s = document.getElementById("sort"); s.value = "newest"; s.dispatchEvent(new Event("change")); return true; })()`)
		navigateBy(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := choose(ctx, tg)
			return err
		}))
		if u := location(t, ctx); u.Query().Get("sort") != "newest" || u.Query().Get("q") != "China" {
			t.Errorf("choosing an order led to %s", u)
		}
	})

	t.Run("PhoneFilters", func(t *testing.T) {
		ctx := newTab(t, browser, 20*time.Second)
		do(t, ctx, chromedp.EmulateViewport(390, 800), chromedp.Navigate(srv.URL+"/search?q=China"))
		got := eval[struct {
			Open                    bool
			SummaryTop, FirstResult float64
			FacetVisible            bool
		}](t, ctx, `(() => {
			const d = document.querySelector('[data-testid="filters"]');
			return {Open: d.open, SummaryTop: d.querySelector("summary").getBoundingClientRect().top,
				FirstResult: document.querySelector('[data-testid="article-result"]').getBoundingClientRect().top,
				FacetVisible: document.querySelector(".facets .facet a").checkVisibility()};
		})()`)
		if got.Open || got.FacetVisible {
			t.Errorf("on a phone the filters are not folded: open %v, facet visible %v", got.Open, got.FacetVisible)
		}
		if got.SummaryTop >= got.FirstResult {
			t.Errorf("the Filters disclosure (top %.0f) comes after the first result (top %.0f)", got.SummaryTop, got.FirstResult)
		}
		do(t, ctx, chromedp.Click(chromedp.CSS(`[data-testid="filters"] summary`)))
		if !eval[bool](t, ctx, `document.querySelector(".facets .facet a").checkVisibility()`) {
			t.Error("the filters do not open")
		}
		// On a wide screen they are open beside the results.
		do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/search?q=China"))
		wide := eval[struct{ Open, Beside bool }](t, ctx, `(() => {
			const d = document.querySelector('[data-testid="filters"]');
			const r = document.querySelector('[data-testid="article-result"]').getBoundingClientRect();
			return {Open: d.open, Beside: d.getBoundingClientRect().left >= r.right};
		})()`)
		if !wide.Open || !wide.Beside {
			t.Errorf("on a wide screen the filters are open %v, beside the results %v", wide.Open, wide.Beside)
		}
	})

	t.Run("NextPreviousMatch", func(t *testing.T) {
		ctx := newTab(t, browser, 20*time.Second)
		do(t, ctx, chromedp.Navigate(srv.URL+"/articles/"+usThem+"?hl=China"))
		total := eval[int](t, ctx, `parseInt(document.querySelector('[data-testid="highlighting"]').dataset.matches, 10)`)
		if total < 3 || eval[int](t, ctx, `document.querySelectorAll('mark[id^="m-"]').length`) != total {
			t.Fatalf("%d matches counted, %d numbered", total, eval[int](t, ctx, `document.querySelectorAll('mark[id^="m-"]').length`))
		}
		state := func() (string, string, bool) {
			s := eval[struct {
				Count, Current string
				InView         bool
			}](t, ctx, `(() => {
				const c = document.querySelector("mark.current");
				const r = c ? c.getBoundingClientRect() : null;
				return {Count: document.querySelector('[data-testid="match-count"]').textContent.trim(),
					Current: c ? c.id : "", InView: !!r && r.top >= 0 && r.bottom <= innerHeight};
			})()`)
			return s.Count, s.Current, s.InView
		}
		steps := []struct {
			act         chromedp.Action[chromedp.Void]
			count, mark string
		}{
			{chromedp.KeyEvent("n"), fmt.Sprintf("1 of %d matches", total), "m-1"},
			{chromedp.Click(chromedp.CSS(`a[data-match="next"]`)), fmt.Sprintf("2 of %d matches", total), "m-2"},
			{chromedp.KeyEvent("p"), fmt.Sprintf("1 of %d matches", total), "m-1"},
			{chromedp.KeyEvent("p"), fmt.Sprintf("%d of %d matches", total, total), fmt.Sprintf("m-%d", total)},
		}
		for i, s := range steps {
			do(t, ctx, s.act)
			count, mark, inView := state()
			if count != s.count || mark != s.mark || !inView {
				t.Errorf("step %d: %q, current %q, in view %v; want %q on %s", i+1, count, mark, inView, s.count, s.mark)
			}
		}
	})

	t.Run("NoPageWiderThanItsWindow", func(t *testing.T) {
		quote := fullQuote(t, srv)
		paths := []string{
			"/", "/search?q=China", "/search?q=China&kind=quotes", "/search?q=China&all=actor", "/search/help",
			"/articles/" + usThem + "?hl=China", quote.URL, "/actors", "/actors/joe-biden", "/actors/antony-blinken",
			"/topics", "/topics/taiwan", "/topics/china",
		}
		for _, width := range []int64{390, 1280} {
			ctx := newTab(t, browser, time.Minute)
			do(t, ctx, chromedp.EmulateViewport(width, 900))
			for _, p := range paths {
				do(t, ctx, chromedp.Navigate(srv.URL+p))
				if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > int(width) {
					t.Errorf("%s is %d px wide in a window of %d", p, w, width)
				}
			}
		}
	})

	t.Run("CiteTarget", func(t *testing.T) {
		ctx := newTab(t, browser, 20*time.Second)
		do(t, ctx, chromedp.Navigate(srv.URL+"/articles/"+usThem))
		sizes := eval[[][2]float64](t, ctx, `[...document.querySelectorAll("a.cite, a.permalink, a.anchor")].map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })`)
		if len(sizes) == 0 {
			t.Fatal("no cite link")
		}
		for _, s := range sizes {
			if s[0] < 24 || s[1] < 24 {
				t.Errorf("a cite link of %.0f × %.0f px, under 24 × 24", s[0], s[1])
				break
			}
		}
	})

	// A link to a turn far down a long transcript lands on it: its own words marked, and the
	// question before it in view above.
	t.Run("TurnInTranscript", func(t *testing.T) {
		tsrv := transcriptServer(t)
		ctx := newTab(t, browser, 30*time.Second)
		do(t, ctx, chromedp.Navigate(tsrv.URL+"/articles/2021-03-25-press-briefing-by-press-secretary-jen-psaki"))
		anchors := eval[[]string](t, ctx, `[...document.querySelectorAll(".turn-by a.anchor[id]")].map(a => a.id)`)
		if len(anchors) < 20 {
			t.Fatalf("%d turns in the transcript", len(anchors))
		}
		target := anchors[len(anchors)*3/4]
		do(t, ctx, chromedp.Navigate(tsrv.URL+"/articles/2021-03-25-press-briefing-by-press-secretary-jen-psaki#"+target))
		time.Sleep(200 * time.Millisecond) // the landing animation starts; the marks are set at once
		got := eval[struct {
			Marked, Paras  int
			Top, Height    float64
			QuestionBottom float64
			ScrollY        float64
		}](t, ctx, fmt.Sprintf(`(() => {
			const id = %q.slice(2);
			const paras = [...document.querySelectorAll('.para[data-turn="' + id + '"]')];
			const first = paras[0].getBoundingClientRect();
			const before = paras[0].previousElementSibling;
			return {Marked: paras.filter(p => p.classList.contains("targeted")).length, Paras: paras.length,
				Top: first.top, Height: innerHeight, QuestionBottom: before ? before.getBoundingClientRect().bottom : -1,
				ScrollY: scrollY};
		})()`, target))
		if got.Paras == 0 || got.Marked != got.Paras {
			t.Errorf("%d of the turn's %d paragraphs are marked", got.Marked, got.Paras)
		}
		if got.ScrollY <= 0 || got.Top < 0 || got.Top > got.Height*0.6 {
			t.Errorf("the turn is at %.0f px in a window of %.0f (scrolled %.0f)", got.Top, got.Height, got.ScrollY)
		}
		if got.QuestionBottom <= 0 {
			t.Errorf("the paragraph before the turn is out of view (bottom at %.0f px)", got.QuestionBottom)
		}
	})
}

// transcriptServer serves a long briefing: forty questions, each answered by the press
// secretary.
func transcriptServer(t *testing.T) *httptest.Server {
	t.Helper()
	var b strings.Builder
	b.WriteString("---\ntitle: Press Briefing by Press Secretary Jen Psaki\ndate: 2021-03-25\nsource: The White House\n---\n")
	b.WriteString("MS. PSAKI: Good afternoon, everyone. I have a few items for you at the top.\n\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "Q Thank you, Jen. A question on item %d: what will the President do about the ports, and when will he say so?\n\n", i)
		fmt.Fprintf(&b, "MS. PSAKI: On item %d, the President has been clear. We will keep working with our partners on the ports, and we will have more to say soon.\n\n", i)
		fmt.Fprintf(&b, "He has asked his team to report to him on item %d within the week, and he expects to speak about it when the report is in.\n\n", i)
	}
	a, err := openArchive(fstest.MapFS{"2021-03-25-press-briefing-by-press-secretary-jen-psaki.md": &fstest.MapFile{Data: []byte(b.String())}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: a, PublicURL: "https://readout.example"}))
	t.Cleanup(srv.Close)
	return srv
}

func containsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
