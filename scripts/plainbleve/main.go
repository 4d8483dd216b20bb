// Command plainbleve is the baseline that scripts/bench.sh compares Readout's uncached searches
// and cold index with: the same archive folder indexed by bleve alone, one document an article
// (title, text, date, and three keywords of its front matter: tags, folder, site), with the
// analyzer Readout uses, and a search server that does what a plain bleve application does for
// a page of results: the best 10 (or newest, oldest), highlighted, with three term facets and
// a date facet by year. It reads the searches of Readout's addresses (/search?q=…&actor=…),
// taking the box's words (words, "phrases", -excluded, OR) and the names of actors and topics
// as words, and the dates as a range.
//
//	go run ./scripts/plainbleve -dir wh -index /tmp/plain-index -addr 127.0.0.1:18083
//
// It answers /readyz with 200 once the folder is indexed.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	"go.yaml.in/yaml/v3"

	// Readout's tokenizer and filters, registered with bleve under the names below.
	_ "github.com/readout/readout/index/bleveindex"
)

// The analysis Readout's index uses for text (index/bleveindex/mapping.go).
const (
	wordTokenizer = "readout_words"
	foldFilter    = "readout_fold"
	stemFilter    = "readout_stem"
)

// years is the span of the articles' dates, for the date facet.
var years struct {
	sync.Mutex
	first, last int
}

type article struct {
	Title   string    `json:"title"`
	Content string    `json:"content"`
	Date    time.Time `json:"date"`
	Tags    []string  `json:"tags"`
	Folder  string    `json:"folder"`
	Site    string    `json:"site"`
}

func main() {
	dir := flag.String("dir", "", "the archive `folder` of Markdown articles")
	path := flag.String("index", "", "an empty `folder` for the index (removed first)")
	addr := flag.String("addr", "127.0.0.1:18083", "listen on `host:port`")
	workers := flag.Int("workers", 2, "indexing goroutines")
	flag.Parse()
	if *dir == "" || *path == "" {
		log.Fatal("plainbleve: -dir and -index are needed")
	}
	os.RemoveAll(*path)
	m, err := newMapping()
	if err != nil {
		log.Fatal(err)
	}
	idx, err := bleve.NewUsing(*path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		log.Fatal(err)
	}
	var ready atomic.Bool
	http.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !ready.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { serveSearch(w, r, idx) })
	go func() { log.Fatal(http.ListenAndServe(*addr, nil)) }()

	start := time.Now()
	n, err := indexFolder(idx, *dir, *workers)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("indexed %d articles in %s", n, time.Since(start).Round(time.Millisecond))
	ready.Store(true)
	select {}
}

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := mapping.NewIndexMapping()
	if err := m.AddCustomAnalyzer("readout_en", map[string]any{
		"type":          custom.Name,
		"tokenizer":     wordTokenizer,
		"token_filters": []any{en.PossessiveName, lowercase.Name, foldFilter, stemFilter},
	}); err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = "readout_en"
	doc := mapping.NewDocumentStaticMapping()
	text := func(store bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = "readout_en"
		f.Store = store // the highlighter reads the stored text
		f.IncludeTermVectors = true
		f.IncludeInAll = false
		return f
	}
	kw := func() *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = true
		return f
	}
	doc.AddFieldMappingsAt("title", text(true))
	doc.AddFieldMappingsAt("content", text(true))
	date := mapping.NewDateTimeFieldMapping()
	date.Store = false
	doc.AddFieldMappingsAt("date", date)
	doc.AddFieldMappingsAt("tags", kw())
	doc.AddFieldMappingsAt("folder", kw())
	doc.AddFieldMappingsAt("site", kw())
	m.DefaultMapping = doc
	return m, m.Validate()
}

// indexFolder reads and indexes every .md file under dir, in batches, with n goroutines.
func indexFolder(idx bleve.Index, dir string, n int) (int, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	var wg sync.WaitGroup
	var count atomic.Int64
	errs := make(chan error, n)
	for w := range n {
		wg.Go(func() {
			b := idx.NewBatch()
			for i := w; i < len(paths); i += n {
				art, ok := read(dir, paths[i])
				if !ok {
					continue
				}
				rel, _ := filepath.Rel(dir, paths[i])
				if err := b.Index(rel, art); err != nil {
					errs <- err
					return
				}
				count.Add(1)
				if b.Size() >= 200 {
					if err := idx.Batch(b); err != nil {
						errs <- err
						return
					}
					b.Reset()
				}
			}
			if err := idx.Batch(b); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	return int(count.Load()), <-errs
}

// read parses an article file: its front matter and the text after it.
func read(dir, p string) (article, bool) {
	data, err := os.ReadFile(p)
	if err != nil || !bytes.HasPrefix(data, []byte("---\n")) {
		return article{}, false
	}
	front, body, ok := bytes.Cut(data[4:], []byte("\n---\n"))
	if !ok {
		return article{}, false
	}
	var fm struct {
		Title     string `yaml:"title"`
		Date      string `yaml:"date"`
		SourceURL string `yaml:"source_url"`
		Tags      any    `yaml:"tags"`
	}
	if yaml.Unmarshal(front, &fm) != nil {
		return article{}, false
	}
	art := article{Title: fm.Title, Content: fm.Title + "\n\n" + string(body)}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if d, err := time.Parse(layout, fm.Date); err == nil {
			art.Date = d
			years.Lock()
			if years.first == 0 || d.Year() < years.first {
				years.first = d.Year()
			}
			years.last = max(years.last, d.Year())
			years.Unlock()
			break
		}
	}
	switch t := fm.Tags.(type) {
	case string:
		art.Tags = []string{t}
	case []any:
		for _, v := range t {
			art.Tags = append(art.Tags, fmt.Sprint(v))
		}
	}
	if rel, err := filepath.Rel(dir, p); err == nil {
		art.Folder, _, _ = strings.Cut(filepath.ToSlash(rel), "/")
	}
	if u, err := url.Parse(fm.SourceURL); err == nil {
		art.Site = u.Host
	}
	return art, true
}

// serveSearch answers a search of Readout's address with bleve's own JSON result.
func serveSearch(w http.ResponseWriter, r *http.Request, idx bleve.Index) {
	v := r.URL.Query()
	var must, not []query.Query
	words := parseBox(v.Get("q"), &must, &not)
	for _, name := range append(v["actor"], v["topic"]...) {
		mq := bleve.NewMatchQuery(strings.ReplaceAll(name, "-", " "))
		mq.SetField("content")
		mq.SetOperator(query.MatchQueryOperatorAnd)
		must = append(must, mq)
	}
	from, to := dateParam(v.Get("from"), false), dateParam(v.Get("to"), true)
	if !from.IsZero() || !to.IsZero() {
		yes := true
		dr := bleve.NewDateRangeInclusiveQuery(from, to, &yes, &yes)
		dr.SetField("date")
		must = append(must, dr)
	}
	var q query.Query = bleve.NewMatchAllQuery()
	if len(must) > 0 || len(not) > 0 {
		bq := bleve.NewBooleanQuery()
		if len(must) == 0 {
			must = append(must, bleve.NewMatchAllQuery())
		}
		bq.AddMust(must...)
		bq.AddMustNot(not...)
		q = bq
	}
	size := 10
	if n, err := strconv.Atoi(v.Get("per_page")); err == nil && n > 0 && n <= 100 {
		size = n
	}
	page := 1
	if n, err := strconv.Atoi(v.Get("page")); err == nil && n > 0 && n <= 1000 {
		page = n
	}
	req := bleve.NewSearchRequestOptions(q, size, (page-1)*size, false)
	switch v.Get("sort") {
	case "newest":
		req.SortBy([]string{"-date", "-_score"})
	case "oldest":
		req.SortBy([]string{"date", "-_score"})
	}
	if words {
		req.Highlight = bleve.NewHighlightWithStyle("html")
		req.Highlight.AddField("content")
	}
	req.AddFacet("tags", bleve.NewFacetRequest("tags", 12))
	req.AddFacet("folder", bleve.NewFacetRequest("folder", 12))
	req.AddFacet("site", bleve.NewFacetRequest("site", 6))
	dates := bleve.NewFacetRequest("date", 400)
	years.Lock()
	for y := years.first; y <= years.last; y++ {
		lo := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		dates.AddDateTimeRange(strconv.Itoa(y), lo, lo.AddDate(1, 0, 0))
	}
	years.Unlock()
	if len(dates.DateTimeRanges) > 0 {
		req.AddFacet("date", dates)
	}
	res, err := idx.SearchInContext(r.Context(), req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(res)
}

// parseBox reads the search box as Readout does, roughly: words and "phrases" must match,
// -excluded ones must not, OR joins two alternatives. It reports whether there were words.
func parseBox(s string, must, not *[]query.Query) bool {
	var toks []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		neg := strings.HasPrefix(s, "-")
		rest := strings.TrimPrefix(s, "-")
		var tok string
		if strings.HasPrefix(rest, `"`) {
			end := strings.Index(rest[1:], `"`)
			if end < 0 {
				end = len(rest) - 1
			}
			tok, s = rest[:end+1]+`"`, rest[min(end+2, len(rest)):]
		} else {
			i := strings.IndexAny(rest, " \t")
			if i < 0 {
				i = len(rest)
			}
			tok, s = rest[:i], rest[i:]
		}
		if neg {
			tok = "-" + tok
		}
		toks = append(toks, tok)
	}
	clause := func(t string) query.Query {
		t = strings.Trim(t, `"`)
		if strings.Contains(t, " ") {
			p := bleve.NewMatchPhraseQuery(t)
			p.SetField("content")
			return p
		}
		m := bleve.NewMatchQuery(t)
		m.SetField("content")
		return m
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case strings.HasPrefix(t, "-") && len(t) > 1:
			*not = append(*not, clause(t[1:]))
		case i+2 < len(toks) && toks[i+1] == "OR":
			*must = append(*must, bleve.NewDisjunctionQuery(clause(t), clause(toks[i+2])))
			i += 2
		default:
			*must = append(*must, clause(t))
		}
	}
	return len(toks) > 0
}

func dateParam(s string, end bool) time.Time {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			if end {
				switch layout {
				case "2006-01":
					d = d.AddDate(0, 1, -1)
				case "2006":
					d = d.AddDate(1, 0, -1)
				}
			}
			return d
		}
	}
	return time.Time{}
}
