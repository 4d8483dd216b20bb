// Command crawl crawls a running Readout server and reports, as Markdown, the answers that are
// not valid (UTF-8, HTML, JSON, XML), the internal links that are broken and the server's errors,
// by kind of page. It exits 1 when it found any. scripts/crawl.sh runs it on the corpus.
//
//	go run ./cmd/crawl -base http://127.0.0.1:8080                  # everything it can reach
//	go run ./cmd/crawl -base http://127.0.0.1:8080 -per-kind 2000   # a sample of each kind
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/readout/readout/crawl"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	code, err := run(ctx, os.Args[1:], os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crawl:", err)
	}
	os.Exit(code)
}

func run(ctx context.Context, args []string, out io.Writer) (int, error) {
	fs := flag.NewFlagSet("crawl", flag.ContinueOnError)
	var o crawl.Options
	fs.StringVar(&o.Base, "base", "http://127.0.0.1:8080", "the server's `address`")
	fs.StringVar(&o.Public, "public", "", "its public `address` (-public-url), if not the same")
	fs.IntVar(&o.PerKind, "per-kind", 0, "fetch at most `N` addresses of each kind (0: all)")
	fs.IntVar(&o.Workers, "workers", 4, "`N` requests at once")
	fs.Uint64Var(&o.Seed, "seed", 1, "which addresses a bounded crawl samples")
	show := fs.Int("show", 20, "list at most `N` findings of each sort")
	fs.Func("start", "begin from `PATH` too (repeatable), beside the home page and the API's lists", func(p string) error {
		if !strings.HasPrefix(p, "/") {
			return fmt.Errorf("%q is not a path", p)
		}
		o.Starts = append(o.Starts, p)
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return 2, err
	}
	o.Client = &http.Client{Timeout: 60 * time.Second}
	rep, err := crawl.Run(ctx, o)
	if err != nil {
		return 2, err
	}
	write(out, rep, *show)
	if !rep.OK() {
		return 1, nil
	}
	return 0, nil
}

func write(w io.Writer, r *crawl.Report, show int) {
	fmt.Fprintf(w, "| kind | found | fetched | invalid | broken links | server errors |\n|---|---|---|---|---|---|\n")
	var t crawl.Kind
	for _, k := range r.Kinds {
		fmt.Fprintf(w, "| `%s` | %d | %d | %d | %d | %d |\n", k.Kind, k.Found, k.Fetched, k.Invalid, k.Broken, k.Errors)
		t.Found += k.Found
		t.Fetched += k.Fetched
		t.Invalid += k.Invalid
		t.Broken += k.Broken
		t.Errors += k.Errors
	}
	fmt.Fprintf(w, "| **all** | %d | %d | %d | %d | %d |\n\n", t.Found, t.Fetched, t.Invalid, t.Broken, t.Errors)
	fmt.Fprintf(w, "%d answers checked in %s (%d of them pages listing the documents that share an id); %d internal links seen, to %d addresses, of which those fetched are checked; %d links to an anchor of a fetched page checked; %d redirects followed.\n",
		r.Fetched, r.Took.Round(time.Second), r.Choices, r.Links, t.Found, r.Anchors, r.Redirects)
	for _, list := range []struct {
		name string
		fs   []crawl.Finding
	}{{"Invalid answers", r.Invalid}, {"Broken links", r.Broken}, {"Server errors", r.Errors}} {
		if len(list.fs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d):\n\n", list.name, len(list.fs))
		for i, f := range list.fs {
			if i == show {
				fmt.Fprintf(w, "- … and %d more\n", len(list.fs)-show)
				break
			}
			fmt.Fprintf(w, "- %s\n", f)
		}
	}
}
