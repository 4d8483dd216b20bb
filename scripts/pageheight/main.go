// Command pageheight loads pages in headless Chromium at a desktop width (or a phone's, with
// -width 390) and prints each page's height and width in CSS pixels: how far a reader scrolls,
// and whether the page is wider than its window (it then scrolls sideways). It measures; it
// asserts nothing.
//
//	go run ./scripts/pageheight http://127.0.0.1:8080/actors http://127.0.0.1:8080/actors/jen-psaki
//	go run ./scripts/pageheight -width 390 http://127.0.0.1:8080/topics/taiwan
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	width := flag.Int("width", 1280, "the window's width in CSS `pixels`")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: pageheight [-width N] URL...")
		os.Exit(2)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("chromium"), chromedp.WindowSize(*width, 1000), chromedp.NoSandbox,
		// No network here: without these, Chromium waits on refused connections.
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true))
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	// The first action starts the browser: its context must have no deadline, or the browser
	// goes with it.
	if err := chromedp.Do(ctx); err != nil {
		log.Fatal(err)
	}
	// The window's width is the page's: a phone's layout viewport, without a desktop's minimum.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(*width), 1000)); err != nil {
		log.Fatal(err)
	}
	for _, u := range flag.Args() {
		tctx, tcancel := context.WithTimeout(ctx, time.Minute)
		err := chromedp.Do(tctx, chromedp.Navigate(u))
		var height, wide, links int
		if err == nil {
			height, err = chromedp.Run(tctx, chromedp.Evaluate[int](`document.documentElement.scrollHeight`))
		}
		if err == nil {
			wide, err = chromedp.Run(tctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		}
		if err == nil {
			links, err = chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll('main a').length`))
		}
		tcancel()
		if err != nil {
			log.Fatalf("%s: %v", u, err)
		}
		fmt.Printf("%s\theight %d px\twidth %d px in a window of %d\tlinks in main %d\n", u, height, wide, *width, links)
	}
}
