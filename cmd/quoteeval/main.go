// Command quoteeval scores the quote extractor against the hand-labelled evaluation set:
//
//	go run ./cmd/quoteeval [-v] [-dir index/quote/testdata/eval] [-registry seeds]
//
// It prints precision, recall and F1 for quote spans (exact and overlapping), the share of found
// quotes with the right speakers, the extraction time per MB, and the errors.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/readout/readout/index/quote/quoteeval"
	"github.com/readout/readout/index/registry"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "quoteeval:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("quoteeval", flag.ContinueOnError)
	dir := fs.String("dir", "index/quote/testdata/eval", "the evaluation set: labels/*.json")
	root := fs.String("root", ".", "the repository root, where the labels' document paths start")
	reg := fs.String("registry", "seeds", "the folder holding actors.yaml, topics.yaml, language.yaml")
	verbose := fs.Bool("v", false, "list every error")
	if err := fs.Parse(args); err != nil {
		return err
	}
	r, err := registry.Load(os.DirFS(*reg), nil)
	if err != nil {
		return err
	}
	report, err := quoteeval.Run(os.DirFS(*dir), os.DirFS(*root), r)
	if err != nil {
		return err
	}
	report.Print(os.Stdout, *verbose)
	return nil
}
