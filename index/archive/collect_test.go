package archive

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/bleveindex"
	"github.com/readout/readout/index/catalog"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

// TestCollectorMatchesBleve runs searches of every kind and compares what the collector gives
// (hits in order with their scores, totals, facet counts from the catalog's columns) with what
// bleve gives for the same query with its own sort and facets, read from its doc values. On the
// seeds; with READOUT_BENCH_DIR (and READOUT_BENCH_INDEX), also on a sample of searches of
// that archive:
//
//	READOUT_BENCH_DIR=wh READOUT_BENCH_INDEX=/tmp/wh-index go test ./index/archive -run CollectorMatchesBleve -v
func TestCollectorMatchesBleve(t *testing.T) {
	t.Run("seeds", func(t *testing.T) {
		a := openForTest(t, seeds.FS, "")
		st, _ := a.current()
		var qs []index.Query
		for _, text := range []string{"", "China", "Quad", "alliance", `"Hong Kong"`, "Xinjiang -Tibet", "Taiwan OR Tibet", "us them", "the", "actor:blinken", "topic:xinjiang Biden", "country:china", "AUKUS country:china", `country:"European Union"`} {
			qs = append(qs, variants(index.Query{Text: text}, 3)...)
		}
		qs = append(qs, filtered(st.cat, 6, 3)...)
		compareWithBleve(t, a, qs)
	})
	dir := os.Getenv("READOUT_BENCH_DIR")
	if dir == "" {
		return
	}
	t.Run("corpus", func(t *testing.T) {
		a := openForTest(t, os.DirFS(dir), os.Getenv("READOUT_BENCH_INDEX"))
		st, _ := a.current()
		var qs []index.Query
		for _, mix := range []string{"search", "api"} {
			for _, q := range benchQueries(t, "../../scripts/bench/"+mix+".paths") {
				qs = append(qs, variants(q, 20)...)
			}
		}
		for _, text := range []string{"sanctions", "Ukraine", `"climate crisis"`, "inflation", "Kishida", "semiconductors -China"} {
			qs = append(qs, variants(index.Query{Text: text}, 20)...)
		}
		qs = append(qs, filtered(st.cat, 40, 20)...)
		compareWithBleve(t, a, qs)
	})
}

func openForTest(t testing.TB, fsys fs.FS, path string) *Archive {
	t.Helper()
	reg, err := registry.Load(fsys, seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Open(context.Background(), Options{Source: fsys, Registry: reg, Path: path})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if err := a.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	return a
}

// variants are a search on both tabs, in the three orders, on its first and second pages.
func variants(q index.Query, perPage int) []index.Query {
	var out []index.Query
	for _, kind := range []string{index.KindArticles, index.KindQuotes} {
		for _, sort := range []string{index.SortRelevance, index.SortNewest, index.SortOldest} {
			for page := 1; page <= 2; page++ {
				v := q
				v.Kind, v.Sort, v.Page, v.PerPage = kind, sort, page, perPage
				out = append(out, v)
			}
		}
	}
	return out
}

// filtered are searches by the catalog's actors (merged ones among them), topics, sources and
// years, n of each, spread over the lists.
func filtered(c *catalog.Catalog, n, perPage int) []index.Query {
	var out []index.Query
	spread := func(total int, f func(i int)) {
		step := max(1, total/n)
		for i := 0; i < total; i += step {
			f(i)
		}
	}
	actors, topics := c.Actors(), c.Topics()
	spread(len(actors), func(i int) { out = append(out, variants(index.Query{Actors: []string{actors[i].ID}}, perPage)...) })
	for _, a := range actors {
		if len(c.Members(a.ID)) > 1 {
			out = append(out, variants(index.Query{Actors: []string{a.ID}, Full: true}, perPage)...)
			break
		}
	}
	spread(len(topics), func(i int) {
		out = append(out, variants(index.Query{Topics: []string{topics[i].ID}, Procedural: true}, perPage)...)
	})
	sources := map[string]bool{}
	for _, s := range c.Articles {
		sources[index.SourceKey(s.Source)] = true
	}
	for s := range sources {
		out = append(out, variants(index.Query{Sources: []string{s}}, perPage)...)
		if len(out) > 200*n {
			break
		}
	}
	countries := map[string]bool{}
	for _, q := range c.Quotes {
		for _, id := range q.Countries {
			countries[id] = true
		}
	}
	for id := range countries {
		out = append(out, variants(index.Query{Countries: []string{id}}, perPage)...)
		if len(countries) > n {
			break // one is enough where there are many: the corpus has 200
		}
	}
	if st := c.Stats(); !st.First.IsZero() {
		for y := st.First.Year(); y <= st.Last.Year(); y++ {
			from, to := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
			out = append(out, variants(index.Query{Text: "China", From: from, To: to}, perPage)...)
		}
		// Ranges open at one end, a month's, and without words: bounds that cut month- and
		// year-dated articles, and full quotes among them (the catalog filters them: catalog/filter.go).
		mid := st.First.Add(st.Last.Sub(st.First) / 2).UTC()
		month := time.Date(mid.Year(), mid.Month(), 1, 0, 0, 0, 0, time.UTC)
		out = append(out, variants(index.Query{From: mid}, perPage)...)
		out = append(out, variants(index.Query{To: mid}, perPage)...)
		out = append(out, variants(index.Query{From: month, To: month.AddDate(0, 1, -1)}, perPage)...)
		out = append(out, variants(index.Query{Text: "China", From: mid, Full: true}, perPage)...)
		out = append(out, variants(index.Query{Text: "China", To: mid, Procedural: true}, perPage)...)
	}
	return out
}

// benchQueries reads the searches of a file of the bench's request paths.
func benchQueries(t *testing.T, name string) []index.Query {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []index.Query
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		_, raw, ok := strings.Cut(strings.TrimSpace(line), "?")
		if !ok {
			continue
		}
		v, err := url.ParseQuery(raw)
		if err != nil {
			t.Fatal(err)
		}
		q := index.Query{Text: v.Get("q"), Actors: v["actor"], Topics: v["topic"], Sources: v["source"]}
		for _, d := range []struct {
			s   string
			end bool
			to  *time.Time
		}{{v.Get("from"), false, &q.From}, {v.Get("to"), true, &q.To}} {
			if d.s == "" {
				continue
			}
			for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
				if tm, err := time.Parse(layout, d.s); err == nil {
					if d.end {
						switch layout {
						case "2006-01":
							tm = tm.AddDate(0, 1, -1)
						case "2006":
							tm = tm.AddDate(1, 0, -1)
						}
					}
					*d.to = tm
					break
				}
			}
		}
		out = append(out, q)
	}
	return out
}

func compareWithBleve(t *testing.T, a *Archive, qs []index.Query) {
	type ran struct {
		st            *state
		run, m, other *bleveindex.Query
		order         string
		q             index.Query
		c             *catalog.Collector
		total, count  int
	}
	var last *ran
	searchCheck = func(st *state, run, m, other *bleveindex.Query, order string, q index.Query, c *catalog.Collector, total, count int) {
		last = &ran{st, run, m, other, order, q, c, total, count}
	}
	defer func() { searchCheck = nil }()
	compared := 0
	for _, q := range qs {
		name := fmt.Sprintf("%+v", q)
		last = nil
		if _, err := a.Search(context.Background(), q); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if last == nil {
			continue // answered from the catalog's browse views (TestBrowse compares those)
		}
		compared++
		terms, dates := bleveFacets(last.st, last.q)
		br, err := last.st.idx.Reference(last.m, last.st.nums, last.order, (last.q.Page-1)*last.q.PerPage, last.q.PerPage, terms, dates)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if last.total != br.Total {
			t.Errorf("%s: %d hits, bleve %d", name, last.total, br.Total)
		}
		if last.other != nil {
			// The other tab's count, its filters the catalog's (catalog/filter.go), against bleve's.
			want, err := last.st.idx.Count(context.Background(), last.other)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if last.count != want {
				t.Errorf("%s: the other tab counts %d, bleve %d", name, last.count, want)
			}
		}
		wantHits := br.Hits
		if !last.q.From.IsZero() || !last.q.To.IsZero() {
			wantHits = datedHits(t, last.st, last.run, last.m, last.order, (last.q.Page-1)*last.q.PerPage, last.q.PerPage, br.Total)
		}
		got, want := hitList(last.st.cat, last.c.Hits((last.q.Page-1)*last.q.PerPage)), bleveHitList(last.st.cat, wantHits)
		if !slices.Equal(got, want) {
			t.Errorf("%s: hits\n%q\nbleve\n%q", name, got, want)
		}
		gotF := countList(last.c.Facets(last.q, &index.Results{}))
		if wantF := facetList(br); !slices.Equal(gotF, wantF) {
			t.Errorf("%s: facets\n%q\nbleve\n%q", name, gotF, wantF)
		}
	}
	t.Logf("%d searches compared with bleve's", compared)
	if compared < len(qs)/2 {
		t.Errorf("only %d of %d searches ran through the collector", compared, len(qs))
	}
}

// datedHits is the page of a dated search as bleve would give it if its scores were those of
// the same search undated: the documents the query with every filter bleve's (m) matches, in
// the order and with the scores of the query bleve ran (run), which leaves the dates to the
// catalog. With a date range beside them, bleve's searchers lose the title's bonus of some
// documents (BooleanSearcher.Advance moves the title's searcher past the document it is on
// when the words' searcher is advanced to it), where the same search undated keeps it.
func datedHits(t *testing.T, st *state, run, m *bleveindex.Query, order string, from, size, total int) []bleveindex.Hit {
	t.Helper()
	all, err := st.idx.Reference(m, st.nums, order, 0, total, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	in := map[uint32]bool{}
	for _, h := range all.Hits {
		in[h.Doc] = true
	}
	n, err := st.idx.Count(context.Background(), run)
	if err != nil {
		t.Fatal(err)
	}
	undated, err := st.idx.Reference(run, st.nums, order, 0, n, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []bleveindex.Hit
	for _, h := range undated.Hits {
		if in[h.Doc] {
			out = append(out, h)
		}
	}
	return out[min(from, len(out)):min(from+size, len(out))]
}

// hitList and bleveHitList write hits as lines: the document's id and its score.
func hitList(c *catalog.Catalog, hits []catalog.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, docName(c, h.Doc)+" "+strconv.FormatFloat(h.Score, 'g', -1, 64))
	}
	return out
}

func bleveHitList(c *catalog.Catalog, hits []bleveindex.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, docName(c, h.Doc)+" "+strconv.FormatFloat(h.Score, 'g', -1, 64))
	}
	return out
}

func docName(c *catalog.Catalog, d uint32) string {
	i, q := c.Place(d)
	if q == nil {
		return "article " + c.Articles[i].ID
	}
	return "quote " + q.ID
}

// facetList writes facets as lines: the terms in bleve's order, the date ranges by name.
func facetList(r *bleveindex.Reference) []string {
	var out []string
	for _, field := range []string{bleveindex.FieldActor, bleveindex.FieldTopic, bleveindex.FieldSource, bleveindex.FieldCountry} {
		for _, tf := range r.Terms[field] {
			out = append(out, fmt.Sprintf("%s %s %d", field, tf.Term, tf.Count))
		}
	}
	var dates []string
	for _, d := range r.Dates {
		dates = append(dates, fmt.Sprintf("date %s %s %s %d", d.Name, d.Start, d.End, d.Count))
	}
	slices.Sort(dates)
	return append(out, dates...)
}

// countList writes the collector's counts as facetList writes bleve's facets.
func countList(fc catalog.Facets) []string {
	var out []string
	for _, field := range []string{bleveindex.FieldActor, bleveindex.FieldTopic, bleveindex.FieldSource, bleveindex.FieldCountry} {
		for _, t := range fc.Terms[field] {
			out = append(out, fmt.Sprintf("%s %s %d", field, t.Value, t.Count))
		}
	}
	var dates []string
	for _, d := range fc.Dates {
		dates = append(dates, fmt.Sprintf("date %s %s %s %d", d.Label, d.Start.Format(time.RFC3339Nano), d.End.Format(time.RFC3339Nano), d.Count))
	}
	slices.Sort(dates)
	return append(out, dates...)
}

// bleveFacets are the facets the collector counts, to ask bleve for: by actor, topic, source
// and date, by year over the archive's span or by month when the range is one calendar year.
func bleveFacets(st *state, q index.Query) (map[string]int, []bleveindex.DateRange) {
	terms := map[string]int{
		bleveindex.FieldActor:   index.FacetShown(bleveindex.FieldActor) + len(q.Actors),
		bleveindex.FieldTopic:   index.FacetShown(bleveindex.FieldTopic) + len(q.Topics),
		bleveindex.FieldSource:  index.FacetShown(bleveindex.FieldSource) + len(q.Sources),
		bleveindex.FieldCountry: index.FacetShown(bleveindex.FieldCountry) + len(q.Countries),
	}
	first, last := st.cat.Stats().First, st.cat.Stats().Last
	if first.IsZero() {
		return terms, nil
	}
	var dates []bleveindex.DateRange
	y := q.From.Year()
	if !q.From.IsZero() && q.From.Equal(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)) && q.To.Equal(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)) {
		for m := time.January; m <= time.December; m++ {
			lo := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
			dates = append(dates, bleveindex.DateRange{Name: lo.Format("2006-01"), Start: lo, End: lo.AddDate(0, 1, 0)})
		}
	} else {
		for y := first.Year(); y <= last.Year(); y++ {
			lo := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			dates = append(dates, bleveindex.DateRange{Name: lo.Format("2006"), Start: lo, End: lo.AddDate(1, 0, 0)})
		}
	}
	return terms, dates
}
