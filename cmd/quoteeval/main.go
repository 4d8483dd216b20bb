// Command quoteeval scores the quote extractor against the hand-labelled evaluation set:
//
//	go run ./cmd/quoteeval [-v] [-dir index/quote/testdata/eval] [-registry seeds]
//	go run ./cmd/quoteeval -doc seeds/articles/2022-01-….md   # the quotes found in one article
//	go run ./cmd/quoteeval -corpus wh                          # extraction time per MB over a folder
//	go run ./cmd/quoteeval -constructions index/quote/testdata/constructions   # texts written per construction
//
// It prints precision, recall and F1 for quote spans (exact and overlapping), the share of found
// quotes with the right speakers, the extraction time per MB, and the errors.
package main

import (
	"flag"
	"fmt"
	iofs "io/fs"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/readout/readout/index/quote/quoteeval"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/index/tarfs"
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
	doc := fs.String("doc", "", "print the quotes found in one article `file` instead of scoring")
	corpus := fs.String("corpus", "", "time the extractor over every article in `dir` instead of scoring")
	polnear := fs.String("polnear", "", "score the PolNeAR news set in `dir` (gold.json, archive/) instead")
	split := fs.String("split", "dev", "the part of the PolNeAR set to score: dev, heldout or all")
	ungdc := fs.String("ungdc", "", "count the UN General Debate speeches (a folder or .tar.gz with manifest.jsonl) credited to anyone but their speaker")
	transcripts := fs.String("transcripts", "", "check the turns of press briefings drawn from `corpus` (a folder or .tar.gz) against their labels")
	sample := fs.Int("sample", 10, "with -transcripts: how many briefings to draw")
	seed := fs.Uint64("seed", 1, "with -transcripts: the draw's seed")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to `file`")
	outcomes := fs.Bool("outcomes", false, "with -polnear: print every labelled quote's outcome, one to a line, for diff")
	constructions := fs.String("constructions", "", "score the texts written to try each way of naming a speaker, the *.yaml files of `dir`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	r, err := registry.Load(os.DirFS(*reg), nil)
	if err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *doc != "" {
		return quoteeval.Show(os.Stdout, *doc, r)
	}
	if *corpus != "" {
		return quoteeval.Speed(os.Stdout, os.DirFS(*corpus), r)
	}
	if *constructions != "" {
		report, err := quoteeval.RunConstructions(os.DirFS(*constructions), r)
		if err != nil {
			return err
		}
		report.Print(os.Stdout, *verbose)
		return nil
	}
	if *ungdc != "" {
		fsys, err := openCorpus(*ungdc)
		if err != nil {
			return err
		}
		report, err := quoteeval.RunUNGDC(fsys, r)
		if err != nil {
			return err
		}
		report.Print(os.Stdout)
		return nil
	}
	if *transcripts != "" {
		fsys, err := openCorpus(*transcripts)
		if err != nil {
			return err
		}
		report, err := quoteeval.RunTranscripts(fsys, *sample, *seed, r)
		if err != nil {
			return err
		}
		report.Print(os.Stdout)
		return nil
	}
	if *polnear != "" {
		sp := quoteeval.Split(*split)
		if sp != quoteeval.Dev && sp != quoteeval.Heldout && sp != quoteeval.All {
			return fmt.Errorf("-split %q: want dev, heldout or all", *split)
		}
		report, err := quoteeval.RunPolnear(os.DirFS(*polnear), sp, r)
		if err != nil {
			return err
		}
		if *outcomes {
			report.PrintOutcomes(os.Stdout)
			return nil
		}
		report.Print(os.Stdout, *verbose)
		return nil
	}
	report, err := quoteeval.Run(os.DirFS(*dir), os.DirFS(*root), r)
	if err != nil {
		return err
	}
	report.Print(os.Stdout, *verbose)
	return nil
}

// openCorpus opens a folder, or a .tar.gz read into memory.
func openCorpus(name string) (iofs.FS, error) {
	if strings.HasSuffix(name, ".tar.gz") || strings.HasSuffix(name, ".tgz") {
		// A research corpus, not an archive served to readers: its manifest may be bigger
		// than an article may be.
		return tarfs.Open(name, tarfs.Options{MaxFile: 64 << 20})
	}
	return os.DirFS(name), nil
}
