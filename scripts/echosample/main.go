// Command echosample draws a random sample of the links between a statement and its other
// wordings (index/echo) and writes a sheet for judging each by reading: both wordings, their
// differences marked, their dates, sources and the share of words in common. With -judged, it
// counts a verdicts file.
//
//	go run ./scripts/echosample -index /tmp/all-index -seeds embedded -seeds wh.tar.gz -seeds ungdc.tar.gz -n 50 -seed 16 > sheet.md
//	go run ./scripts/echosample -judged scripts/echo/verdicts/combined-seed-16.tsv
//
// It opens the archive as the server does (the same -seeds, in the same order, and the server's
// -index folder, reused as it is: stop the server first, one process holds a folder). A link
// between two quotes is drawn once, whichever side lists it. A verdicts file has one line per
// link: its number in the sheet, a tab, "same" (the same statement: verbatim or a variant) or
// "false" (not the same statement), a tab and a note.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/archive"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/echo"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/index/tarfs"
	"github.com/readout/readout/index/unionfs"
	"github.com/readout/readout/seeds"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	var sources list
	flag.Var(&sources, "seeds", "an archive, as the server's -seeds (again for several; embedded: the seeds)")
	indexPath := flag.String("index", "", "the server's -index folder")
	n := flag.Int("n", 50, "how many links to draw")
	seed := flag.Uint64("seed", 16, "the draw's seed")
	judged := flag.String("judged", "", "a verdicts file to count instead of drawing")
	flag.Parse()
	if *judged != "" {
		if err := count(*judged); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if err := draw(sources, *indexPath, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func open(sources []string) (fs.FS, error) {
	one := func(s string) (fs.FS, error) {
		switch {
		case s == "embedded":
			return seeds.FS, nil
		case strings.HasSuffix(s, ".tar.gz"):
			return tarfs.Open(s, tarfs.Options{MaxFile: document.MaxSize, Hold: func(p string) bool {
				return strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".markdown") || strings.HasSuffix(p, ".yaml")
			}})
		}
		return os.DirFS(s), nil
	}
	if len(sources) == 0 {
		return seeds.FS, nil
	}
	if len(sources) == 1 {
		return one(sources[0])
	}
	names := make([]string, len(sources))
	for i, s := range sources {
		names[i] = strings.TrimSuffix(filepath.Base(s), ".tar.gz")
	}
	names = unionfs.Names(names)
	var mounts []unionfs.Mount
	for i, s := range sources {
		f, err := one(s)
		if err != nil {
			return nil, err
		}
		mounts = append(mounts, unionfs.Mount{Name: names[i], FS: f})
	}
	return unionfs.New(mounts...)
}

type link struct {
	from string
	echo index.Echo
}

func draw(sources []string, indexPath string, n int, seed uint64) error {
	src, err := open(sources)
	if err != nil {
		return err
	}
	reg, err := registry.Load(src, seeds.FS)
	if err != nil {
		return err
	}
	a, err := archive.Open(context.Background(), archive.Options{Source: src, Registry: reg, Path: indexPath, Logger: slog.New(slog.NewTextHandler(os.Stderr, nil))})
	if err != nil {
		return err
	}
	defer a.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	if err := a.Wait(ctx); err != nil {
		return err
	}
	ids, err := a.EchoedQuotes()
	if err != nil {
		return err
	}
	var links []link
	seen := map[[2]string]bool{}
	for _, id := range ids {
		echoes, err := a.Echoes(id)
		if err != nil {
			return err
		}
		for _, e := range echoes {
			if e.Quote != "" {
				key := [2]string{min(id, e.Quote), max(id, e.Quote)}
				if seen[key] {
					continue
				}
				seen[key] = true
			}
			links = append(links, link{id, e})
		}
	}
	fmt.Printf("# A sample of %d of %d links (seed %d), from %d quotes found elsewhere\n\n", min(n, len(links)), len(links), seed, len(ids))
	r := rand.New(rand.NewPCG(seed, 16))
	r.Shuffle(len(links), func(i, j int) { links[i], links[j] = links[j], links[i] })
	links = links[:min(n, len(links))]
	for k, l := range links {
		q, art, err := a.Quote(l.from)
		if err != nil {
			return err
		}
		other, err := a.Article(l.echo.Article.ID)
		if err != nil {
			return err
		}
		otherText := other.Body()
		for _, o := range other.Quotes {
			if o.ID == l.echo.Quote {
				otherText = o.Text
			}
		}
		this := q.Text
		if s, e, ok := echo.Locate(this, otherText); ok && len(otherText) > 2*len(this)+200 {
			otherText = otherText[s:e]
		}
		if s, e, ok := echo.Locate(otherText, this); ok && len(this) > 2*len(otherText)+200 {
			this = this[s:e]
		}
		left, right := echo.Diff(cut(this), cut(otherText))
		match := "variant"
		if l.echo.Verbatim {
			match = "verbatim"
		}
		if l.echo.Repeated {
			match += ", said again"
		}
		fmt.Printf("## %d. %s, %.2f\n\n", k+1, match, l.echo.Similarity)
		fmt.Printf("- quote %s in %s (%s, %s): %s; %s\n", q.ID, art.ID, art.Date, art.Source, art.Title, who(q))
		where := "its text"
		if l.echo.Quote != "" {
			where = "quote " + l.echo.Quote
			for i := range other.Quotes {
				if o := &other.Quotes[i]; o.ID == l.echo.Quote {
					where += " (" + who(o) + ")"
				}
			}
		}
		fmt.Printf("- %s in %s (%s, %s): %s\n\n", where, other.ID, other.Date, other.Source, other.Title)
		fmt.Printf("> %s\n\n> %s\n\n", show(left), show(right))
		// A short quote is judged by what it is said of: its paragraph, and the other's.
		if len(strings.Fields(q.Text)) <= 40 && q.Start.Para >= 0 && q.Start.Para < len(art.Paragraphs) {
			fmt.Printf("Around the quote: %s\n\n", cut(art.Paragraphs[q.Start.Para].Text))
			if s, e, ok := echo.Locate(q.Text, other.Body()); ok {
				body := other.Body()
				s, e = max(0, s-400), min(len(body), e+400)
				for s > 0 && !utf8.RuneStart(body[s]) {
					s--
				}
				for e < len(body) && !utf8.RuneStart(body[e]) {
					e++
				}
				fmt.Printf("Around it there: %s\n\n", cut(body[s:e]))
			}
		}
	}
	return nil
}

// who names a quote's speakers, and whether it is a turn or whole statement (the record) or
// words quoted in a text.
func who(q *index.Quote) string {
	var names []string
	for _, s := range q.Speakers {
		names = append(names, s.Name)
	}
	how := "quoted"
	if q.Turn {
		how = "a turn or whole statement"
	}
	if len(names) == 0 {
		return "no speaker, " + how
	}
	return strings.Join(names, ", ") + ", " + how
}

// cut bounds a wording shown in the sheet to its first 120 words.
func cut(s string) string {
	f := strings.Fields(s)
	if len(f) > 120 {
		return strings.Join(f[:120], " ") + " …"
	}
	return strings.Join(f, " ")
}

func show(segs []echo.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		switch s.Mark {
		case echo.Changed:
			b.WriteString("[" + s.Text + "]")
		case echo.Respelled:
			b.WriteString("{" + s.Text + "}")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func count(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	counts := map[string]int{}
	total := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 {
			return fmt.Errorf("%s: %q: want a number, a tab and a verdict", path, line)
		}
		counts[fields[1]]++
		total++
	}
	if err := sc.Err(); err != nil {
		return err
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Printf("%s\t%d\t%.1f %%\n", k, counts[k], 100*float64(counts[k])/float64(total))
	}
	return nil
}
