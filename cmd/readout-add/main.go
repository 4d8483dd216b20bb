// Command readout-add adds articles to an archive folder from web pages, saved pages or feeds:
//
//	go run ./cmd/readout-add -seeds DIR URL…
//	readout add -seeds DIR URL…   # the server's binary runs readout-add when it is installed beside it
//
// It is a command of its own, not a part of the server's binary, so that the server does not
// start by initialising what reading web pages needs (go-dateparser's tables alone take 0.3 s
// and 78 MB before main runs).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/ingest"
	"github.com/readout/readout/ingest/fetch"
	"github.com/readout/readout/seeds"
)

const addUsage = `readout add: add articles to an archive folder from web pages, saved pages or feeds.

Usage:
  readout-add -seeds DIR [flags] INPUT...
  readout add -seeds DIR [flags] INPUT...   (the server's binary, with readout-add beside it)

Each INPUT is the address of a page (https://…), a page saved from the browser (a .html file),
or an RSS or Atom feed (an address or a file), every item of which is added from its page. Each
article becomes one Markdown file in DIR (or -into a folder of it), named by its date and title.
A page the archive has already (the same address or the same text) is reported and left alone.
A running server on DIR picks the new files up at its next -rescan.

Flags:
`

func main() {
	os.Exit(add(context.Background(), os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// add runs "readout add": it returns the exit status, 0 when every page was added or was in the
// archive already, 1 when one failed, 2 when nothing could start.
func add(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("readout add", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, addUsage)
		fs.PrintDefaults()
	}
	dir := fs.String("seeds", getenv("READOUT_SEEDS"), "the archive `DIR` to add to (a folder)")
	into := fs.String("into", "", "write the new files into `FOLDER` of the archive folder (default: the archive folder itself)")
	tags := fs.String("tags", "", "comma-separated `TAGS` for the new files' front matter")
	allowPrivate := fs.Bool("allow-private", false, "fetch from loopback, private and link-local addresses too (a server on this machine or its network)")
	timeout := fs.Duration("timeout", 30*time.Second, "give up a page or feed not fetched within `DURATION`")
	maxMB := fs.Int("max-mb", 10, "refuse a page, feed or saved file bigger than `MB` megabytes")
	dryRun := fs.Bool("dry-run", false, "read and check everything, write nothing")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	switch {
	case *dir == "":
		fmt.Fprintln(stderr, "readout add: -seeds DIR is needed: the archive folder to add to")
		return 2
	case strings.HasSuffix(*dir, ".tar.gz") || strings.HasSuffix(*dir, ".tgz"):
		fmt.Fprintln(stderr, "readout add: -seeds must be a folder: a tarball cannot be added to")
		return 2
	case fs.NArg() == 0:
		fmt.Fprintln(stderr, "readout add: give at least one address, saved page or feed")
		fs.Usage()
		return 2
	case *maxMB < 1 || *maxMB > 100:
		fmt.Fprintln(stderr, "readout add: -max-mb must be from 1 to 100")
		return 2
	case *timeout < time.Second || *timeout > 10*time.Minute:
		fmt.Fprintln(stderr, "readout add: -timeout must be from 1s to 10m")
		return 2
	}
	root, err := os.OpenRoot(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "readout add: -seeds:", err)
		return 2
	}
	reg, err := registry.Load(root.FS(), seeds.FS)
	root.Close()
	if err != nil {
		fmt.Fprintln(stderr, "readout add: registry:", err)
		return 2
	}
	var tagList []string
	for t := range strings.SplitSeq(*tags, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tagList = append(tagList, t)
		}
	}
	counts := map[ingest.Outcome]int{}
	err = ingest.Run(ctx, ingest.Options{
		Archive: *dir, Into: *into, Tags: tagList, DryRun: *dryRun, Rules: reg,
		Fetch: fetch.Options{MaxBytes: int64(*maxMB) << 20, Timeout: *timeout, AllowPrivate: *allowPrivate},
	}, fs.Args(), func(r ingest.Result) {
		counts[r.Outcome]++
		printResult(stdout, r)
	})
	if err != nil {
		fmt.Fprintln(stderr, "readout add:", err)
		return 2
	}
	verb := "added"
	if *dryRun {
		verb = "would be added (dry run)"
	}
	fmt.Fprintf(stderr, "%d %s, %d in the archive already, %d failed\n", counts[ingest.Added], verb, counts[ingest.Exists], counts[ingest.Failed])
	if counts[ingest.Failed] > 0 {
		return 1
	}
	return 0
}

// printResult writes one line for a page, and a second for a note:
//
//	added   statements/2024-04-17-statement-by-….md  “Statement by …” 2024-04-17 (from the address)
//	exists  https://…  the archive has it already (the same address): statements/….md
//	failed  https://…  refused by robots.txt: …
func printResult(w io.Writer, r ingest.Result) {
	from := ""
	if r.Feed != "" {
		from = "  [feed " + r.Feed + "]"
	}
	switch r.Outcome {
	case ingest.Added:
		date := r.Date
		if r.DateFrom != "" {
			date += " (from " + clipText(r.DateFrom, 60) + ")"
		} else if date == "unknown" {
			date = "date unknown: the page gives none"
		}
		fmt.Fprintf(w, "added   %s  “%s”  %s  ← %s%s\n", r.File, r.Title, date, r.Input, from)
		if r.Note != "" {
			fmt.Fprintf(w, "        note: %s\n", r.Note)
		}
	case ingest.Exists:
		fmt.Fprintf(w, "exists  %s  %s: %s%s\n", r.Input, r.Reason, r.File, from)
	default:
		fmt.Fprintf(w, "failed  %s  %s%s\n", r.Input, r.Reason, from)
	}
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
