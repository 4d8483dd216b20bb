package archive_test

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/archive"
	"github.com/readout/readout/index/query"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

func mustRegistry(t testing.TB) *registry.Registry {
	t.Helper()
	r, err := registry.Load(seeds.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// mustArchive opens an archive of fsys and waits for its index.
func mustArchive(t testing.TB, fsys fs.FS, path string) *archive.Archive {
	t.Helper()
	return mustOpen(t, archive.Options{Source: fsys, Registry: mustRegistry(t), Path: path})
}

// mustOpen opens an archive with o, closed when the test ends, and waits for its index.
func mustOpen(t testing.TB, o archive.Options) *archive.Archive {
	t.Helper()
	a, err := archive.Open(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := a.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	return a
}

// seedFiles copies the seed articles into a map file system, to be changed by a test.
func seedFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(seeds.FS, "articles", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(seeds.FS, p)
		m[p] = &fstest.MapFile{Data: b, ModTime: time.Unix(1700000000, 0)}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSeeds(t *testing.T) {
	a := mustArchive(t, seeds.FS, "")
	st, err := a.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 5 || len(st.Skipped) != 0 {
		t.Fatalf("%d articles, %d skipped (%v); want 5 and 0", st.Articles, len(st.Skipped), st.Skipped)
	}
	if st.Quotes < 40 {
		t.Errorf("%d quotes; the seeds hold more than 40", st.Quotes)
	}
	art, err := a.Article("2021-03-24-eu-and-us-agree-to-launch-a-dialogue-on-china")
	if err != nil {
		t.Fatal(err)
	}
	body := art.Body()
	for _, furniture := range []string{"COMMERCIAL BREAK", "SCROLL TO CONTINUE READING", "Live TV"} {
		if strings.Contains(body, furniture) {
			t.Errorf("body keeps page furniture %q", furniture)
		}
	}
	if art.Date.ISO() != "2021-03-24" || art.Place != "Brussels" || art.Source != "" || !art.TitleSupplied {
		t.Errorf("metadata: date %s place %q source %q supplied %v", art.Date.ISO(), art.Place, art.Source, art.TitleSupplied)
	}
	// Every quote can be found by its id, and is the text between its offsets.
	for _, q := range art.Quotes {
		got, in, err := a.Quote(q.ID)
		if err != nil || in.ID != art.ID || got.Text != q.Text {
			t.Errorf("quote %s: %v", q.ID, err)
		}
	}
	if _, err := a.Article("no-such-article"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("unknown article: %v, want ErrNotFound", err)
	}
	if _, _, err := a.Quote("aaaaaaaaaaaaaa"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("unknown quote: %v, want ErrNotFound", err)
	}
}

type searchCase struct {
	Name            string   `json:"name"`
	Q               string   `json:"q"`
	Kind            string   `json:"kind"`
	Actor           []string `json:"actor"`
	Topic           []string `json:"topic"`
	Source          []string `json:"source"`
	From            string   `json:"from"`
	To              string   `json:"to"`
	Sort            string   `json:"sort"`
	Articles        []string `json:"articles"`         // exactly these
	Order           *bool    `json:"order"`            // in this order (default true)
	ArticlesInclude []string `json:"articles_include"` // at least these
	QuotesMin       int      `json:"quotes_min"`
}

// TestSearches replays the relevance table in testdata/searches.json.
func TestSearches(t *testing.T) {
	b, err := os.ReadFile("testdata/searches.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []searchCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	a := mustArchive(t, seeds.FS, "")
	day := func(s string, end bool) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			q := index.Query{
				Text: c.Q, Kind: c.Kind, Actors: c.Actor, Topics: c.Topic, Sources: c.Source,
				From: day(c.From, false), To: day(c.To, true), Sort: c.Sort, Page: 1, PerPage: 20,
			}
			if q.Kind == "" {
				q.Kind = index.KindArticles
			}
			if q.Sort == "" {
				q.Sort = index.SortRelevance
			}
			res, err := a.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.ArticleHits {
				got = append(got, h.ID)
			}
			if c.Articles != nil {
				want := slices.Clone(c.Articles)
				g := slices.Clone(got)
				if c.Order != nil && !*c.Order {
					slices.Sort(want)
					slices.Sort(g)
				}
				if !slices.Equal(g, want) && !(len(g) == 0 && len(want) == 0) {
					t.Errorf("articles %q, want %q", got, c.Articles)
				}
			}
			for _, id := range c.ArticlesInclude {
				if !slices.Contains(got, id) {
					t.Errorf("articles %q do not include %s", got, id)
				}
			}
			if res.QuoteCount < c.QuotesMin {
				t.Errorf("%d quotes, want at least %d", res.QuoteCount, c.QuotesMin)
			}
		})
	}
}

func TestSearchHighlights(t *testing.T) {
	a := mustArchive(t, seeds.FS, "")
	res, err := a.Search(context.Background(), index.Query{Text: "alliance", Kind: index.KindArticles, Sort: index.SortRelevance, Page: 1, PerPage: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.ArticleHits) == 0 || len(res.ArticleHits[0].Fragments) == 0 {
		t.Fatal("no fragments")
	}
	html := res.ArticleHits[0].Fragments[0].HTML()
	if !strings.Contains(html, "<mark>alliances</mark>") {
		t.Errorf("fragment %q does not mark alliances", html)
	}
	if len(res.Facets.Actors) == 0 || len(res.Facets.Dates) == 0 || len(res.Facets.Topics) == 0 {
		t.Errorf("facets missing: %+v", res.Facets)
	}
}

// TestSearchHitsOnly: a search asked for its hits only finds the same hits in the same order,
// and counts no facets and cuts no fragments.
func TestSearchHitsOnly(t *testing.T) {
	a := mustArchive(t, seeds.FS, "")
	for _, q := range []index.Query{
		{Text: "alliance", Kind: index.KindArticles, Sort: index.SortRelevance, Page: 1, PerPage: 10},
		{Text: "China", Kind: index.KindQuotes, Sort: index.SortNewest, Page: 1, PerPage: 5},
		{Kind: index.KindQuotes, Sort: index.SortNewest, Page: 2, PerPage: 5},
	} {
		full, err := a.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		q.HitsOnly = true
		bare, err := a.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		ids := func(r *index.Results) (out []string) {
			for _, h := range r.ArticleHits {
				out = append(out, h.ID)
			}
			for _, h := range r.QuoteHits {
				out = append(out, h.ID)
			}
			return out
		}
		if bare.Total != full.Total || !slices.Equal(ids(bare), ids(full)) || len(ids(bare)) == 0 {
			t.Errorf("%+v: hits only %d %v, full %d %v", q, bare.Total, ids(bare), full.Total, ids(full))
		}
		// (A search with no words reads the catalog's views, whose facets are counted once,
		// ahead: they cost it nothing.)
		if q.Text != "" && len(bare.Facets.Actors)+len(bare.Facets.Topics)+len(bare.Facets.Dates) != 0 {
			t.Errorf("%+v: hits only counted facets %+v", q, bare.Facets)
		}
		for _, h := range bare.ArticleHits {
			if len(h.Fragments) != 0 {
				t.Errorf("%+v: hits only cut fragments of %s", q, h.ID)
			}
		}
	}
}

// TestHighlighterMarks: the words a search marks in a text, as the index matches them (stems,
// folded accents, possessives), whatever punctuation surrounds them.
func TestHighlighterMarks(t *testing.T) {
	a := mustArchive(t, seeds.FS, "")
	tests := []struct {
		search, text string
		want         []string
	}{
		{"alliance", "Our alliances are vital.", []string{"alliances"}},
		{"fernandez", "President Alberto Fernández said so.", []string{"Fernández"}},
		{"Fernández", "Fernandez and FERNÁNDEZ", []string{"Fernandez", "FERNÁNDEZ"}},
		{"china", "China’s “red lines” — and China's.", []string{"China’s", "China's"}},
		{"quad", "The “Quad” met — again — in Tokyo.", []string{"Quad"}},
		{`"Hong Kong" -Macau`, "In Hong Kong, not Macau.", []string{"Hong Kong"}},
		// A phrase is marked where its words come together, never a word of it alone.
		{`"integrated deterrence"`, "Integrated deterrence respects territorial integrity and deters.", []string{"Integrated deterrence"}},
		{`"human rights" China`, "Human rights in China; rights of humans.", []string{"Human rights", "China"}},
		{"russia", "Nothing here — “none” at all.", nil},
		{"", "Anything at all.", nil},
	}
	for _, tt := range tests {
		text := tt.text
		var got []string
		for _, m := range a.Highlighter(tt.search).Marks(text) {
			got = append(got, text[m[0]:m[1]])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q in %q: %q, want %q", tt.search, tt.text, got, tt.want)
		}
	}
}

func TestSearchRefuses(t *testing.T) {
	a := mustArchive(t, seeds.FS, "")
	for _, text := range []string{strings.Repeat("a", query.MaxLength+1), "caf\xe9", strings.Repeat("w ", query.MaxClauses+1), "from:yesterday"} {
		_, err := a.Search(context.Background(), index.Query{Text: text, Kind: index.KindArticles, Page: 1, PerPage: 10})
		var qe *index.QueryError
		if !errors.As(err, &qe) {
			t.Errorf("%.20q: error %v, want a QueryError", text, err)
		}
	}
	// Syntax that cannot be read is read as words, never an error.
	for _, text := range []string{`"unclosed`, "*e*e*", "/.*.*/", "OR", "a OR", "-", "((((", "actor:", "~~~", "\x00\x01"} {
		if _, err := a.Search(context.Background(), index.Query{Text: text, Kind: index.KindQuotes, Page: 1, PerPage: 10}); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
}

// TestSkipsBrokenFiles serves the good files and names each broken one with its reason.
func TestSkipsBrokenFiles(t *testing.T) {
	files := seedFiles(t)
	files["articles/empty.md"] = &fstest.MapFile{Data: nil}
	files["articles/latin1.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\ndate: 2021-01-01\n---\nCaf\xe9\n")}
	files["articles/nodate.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\n---\nText\n")}
	files["articles/.hidden.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\ndate: 2021-01-01\n---\nText\n")}
	files["articles/draft.md~"] = &fstest.MapFile{Data: []byte("x")}
	files["README.md"] = &fstest.MapFile{Data: []byte("# not an article")}
	a := mustArchive(t, files, "")
	st, err := a.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 5 {
		t.Errorf("%d articles served, want the 5 good ones", st.Articles)
	}
	want := map[string]string{
		"articles/empty.md":   "empty",
		"articles/latin1.md":  "not UTF-8",
		"articles/nodate.md":  "no date",
		"articles/.hidden.md": "hidden",
		"articles/draft.md~":  "editor",
	}
	got := map[string]string{}
	for _, p := range st.Skipped {
		got[p.Path] = p.Reason
	}
	for path, reason := range want {
		if !strings.Contains(got[path], reason) {
			t.Errorf("%s: skipped with %q, want a reason containing %q", path, got[path], reason)
		}
	}
	if _, ok := got["README.md"]; ok {
		t.Error("a folder's README is documentation, not a broken article")
	}
}

// TestQuoteIDsStable: ids depend on the article and the words, not on positions or other files.
func TestQuoteIDsStable(t *testing.T) {
	ids := func(a *archive.Archive, id string) []string {
		art, err := a.Article(id)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, q := range art.Quotes {
			out = append(out, q.ID)
		}
		return out
	}
	const id = "2021-03-24-us-will-not-ask-allies-to-choose-between-us-and-them-with-china"
	before := ids(mustArchive(t, seeds.FS, ""), id)

	files := seedFiles(t)
	files["articles/2024-01-01-another.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Another\ndate: 2024-01-01\n---\n“A new quote,” Antony Blinken said.\n")}
	p := "articles/" + id + ".md"
	// A paragraph added before the quotes moves them, but does not change their ids.
	files[p].Data = []byte(strings.Replace(string(files[p].Data), "March 24, 2021\n", "March 24, 2021\n\nAn editor's note added later.\n", 1))
	after := ids(mustArchive(t, files, ""), id)
	if !slices.Equal(before, after) || len(before) == 0 {
		t.Errorf("ids changed:\n%q\n%q", before, after)
	}
}

// TestIndexOnDisk: the index is reused while the archive is unchanged; an added, changed or
// removed file changes only its own documents; an update cut short, or a partial build, is
// repaired by itself at the next start.
func TestIndexOnDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	files := seedFiles(t)
	open := func() *archive.Archive {
		t.Helper()
		a, err := archive.Open(context.Background(), archive.Options{Source: files, Registry: mustRegistry(t), Path: dir})
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		return a
	}
	current := func() string {
		b, _ := os.ReadFile(filepath.Join(dir, "CURRENT"))
		return strings.TrimSpace(string(b))
	}
	hits := func(a *archive.Archive, q string) []string {
		t.Helper()
		res, err := a.Search(context.Background(), index.Query{Text: q, Kind: index.KindArticles, Sort: index.SortNewest, Page: 1, PerPage: 20})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.ArticleHits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	// What a reader sees of the archive: every summary (dates included), the actors and topics,
	// the facets of a search. A reused or updated index must show the same as a fresh build.
	type view struct {
		Articles []index.Summary
		Actors   []index.ActorInfo
		Topics   []index.TopicInfo
		Facets   index.Facets
		Quotes   []index.QuoteHit
	}
	look := func(a *archive.Archive) view {
		t.Helper()
		var v view
		var err error
		if v.Articles, _, err = a.Articles(1, 100); err != nil {
			t.Fatal(err)
		}
		if v.Actors, err = a.Actors(); err != nil {
			t.Fatal(err)
		}
		if v.Topics, err = a.Topics(); err != nil {
			t.Fatal(err)
		}
		res, err := a.Search(context.Background(), index.Query{Kind: index.KindArticles, Page: 1, PerPage: 1})
		if err != nil {
			t.Fatal(err)
		}
		v.Facets = res.Facets
		if len(v.Facets.Dates) == 0 {
			t.Error("no date facet")
		}
		if res, err = a.Search(context.Background(), index.Query{Kind: index.KindQuotes, Sort: index.SortNewest, Page: 1, PerPage: 100}); err != nil {
			t.Fatal(err)
		}
		v.Quotes = res.QuoteHits
		return v
	}
	a := open()
	first := current()
	built := look(a)
	a.Close()
	if first == "" {
		t.Fatal("no CURRENT after the first build")
	}

	// Unchanged: reused as it is. A partial folder left by a crash is removed.
	if err := os.MkdirAll(filepath.Join(dir, "index-partial", "bleve"), 0o755); err != nil {
		t.Fatal(err)
	}
	a = open()
	if current() != first {
		t.Errorf("an unchanged archive was re-indexed: %s, then %s", first, current())
	}
	if _, err := os.Stat(filepath.Join(dir, "index-partial")); !os.IsNotExist(err) {
		t.Error("the partial index folder was not removed")
	}
	if got := hits(a, "Quad"); len(got) != 1 {
		t.Errorf("Quad on the reused index: %q", got)
	}
	if reused := look(a); !reflect.DeepEqual(reused, built) {
		t.Errorf("the reused index shows another archive than the one built:\nbuilt  %+v\nreused %+v", built.Articles[0], reused.Articles[0])
	}
	a.Close()

	// Added, changed and removed files, in place.
	files["articles/2024-01-01-added.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Added\ndate: 2024-01-01\n---\nA zebra crossed the Quad.\n"), ModTime: time.Unix(1700000100, 0)}
	const changed = "articles/2023-06-us-and-china-pursue-talks-to-reduce-the-risks-in-their-relationship.md"
	files[changed] = &fstest.MapFile{Data: []byte("---\ntitle: Changed\ndate: 2023-06\n---\nNow about a giraffe.\n"), ModTime: time.Unix(1700000200, 0)}
	delete(files, "articles/2021-03-15-working-with-allies-critical-to-push-back-chinese-aggression.md")
	a = open()
	if current() != first {
		t.Error("a change of three files rebuilt the whole index")
	}
	if st, _ := a.Stats(); st.Articles != 5 {
		t.Errorf("%d articles after adding one and removing one, want 5", st.Articles)
	}
	for q, want := range map[string]int{"zebra": 1, "giraffe": 1, "Sullivan": 0, "Tibet": 0, "Borrell": 1} {
		if got := hits(a, q); len(got) != want {
			t.Errorf("%s: %q, want %d hits", q, got, want)
		}
	}
	if res, _ := a.Search(context.Background(), index.Query{Text: "\"Wang Yi\"", Kind: index.KindQuotes, Page: 1, PerPage: 5}); res.Total != 0 {
		t.Errorf("a changed file's old quotes are still found: %d", res.Total)
	}
	fresh, err := archive.Open(context.Background(), archive.Options{Source: files, Registry: mustRegistry(t)})
	if err != nil {
		t.Fatal(err)
	}
	if err := fresh.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if updated, want := look(a), look(fresh); !reflect.DeepEqual(updated, want) {
		t.Errorf("the index updated in place shows another archive than a fresh build of the same files:\nupdated %+v\nfresh   %+v", updated, want)
	}
	fresh.Close()
	a.Close()

	// An update cut short: the marker is left behind, and the next start rebuilds.
	if err := os.WriteFile(filepath.Join(dir, first, "UPDATING"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	a = open()
	if current() == first {
		t.Error("an index whose update was cut short was used again")
	}
	if got := hits(a, "zebra"); len(got) != 1 {
		t.Errorf("zebra after the rebuild: %q", got)
	}
	a.Close()

	// A folder that is not an index is never touched.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o644)
	if b, err := archive.Open(context.Background(), archive.Options{Source: files, Registry: mustRegistry(t), Path: other}); err == nil || !strings.Contains(err.Error(), "not part of an index") {
		t.Errorf("indexing into a folder of other files: %v", err)
		if b != nil {
			b.Close()
		}
	}
	if entries, _ := os.ReadDir(other); len(entries) != 1 {
		t.Errorf("the folder of other files was written to: %d entries", len(entries))
	}
	if data, _ := os.ReadFile(filepath.Join(other, "notes.txt")); string(data) != "mine" {
		t.Error("a file in the folder was touched")
	}

	// One server to an index folder: a second is refused at once, not left waiting (where
	// flock exists: everywhere Readout is built for but Windows).
	if runtime.GOOS == "windows" {
		return
	}
	a = open()
	if b, err := archive.Open(context.Background(), archive.Options{Source: files, Registry: mustRegistry(t), Path: dir}); err == nil || !strings.Contains(err.Error(), "in use by another process") {
		t.Errorf("a second archive on the index folder in use: %v", err)
		if b != nil {
			b.Close()
		}
	}
	a.Close()
	a = open() // and the folder is free again once the first is closed
	a.Close()
}

// TestBrowse: a search with nothing to match or filter is answered from the catalog; it must say
// what bleve says for the same archive (here asked with a filter every article passes): the same
// totals and facets, the same order of dates, and for articles the same order.
func TestBrowse(t *testing.T) {
	a := mustArchive(t, seeds.FS, "")
	everything := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, kind := range []string{index.KindArticles, index.KindQuotes} {
		for _, sort := range []string{index.SortNewest, index.SortOldest, index.SortRelevance} {
			t.Run(kind+"/"+sort, func(t *testing.T) {
				q := index.Query{Kind: kind, Sort: sort, Page: 1, PerPage: 100}
				got, err := a.Search(context.Background(), q)
				if err != nil {
					t.Fatal(err)
				}
				q.From = everything
				if sort == index.SortRelevance {
					q.Sort = index.SortNewest // what relevance means with no words
				}
				want, err := a.Search(context.Background(), q)
				if err != nil {
					t.Fatal(err)
				}
				if got.Total == 0 || got.Total != want.Total || got.ArticleCount != want.ArticleCount || got.QuoteCount != want.QuoteCount {
					t.Errorf("totals %d (%d articles, %d quotes), want %d (%d, %d)", got.Total, got.ArticleCount, got.QuoteCount, want.Total, want.ArticleCount, want.QuoteCount)
				}
				if !reflect.DeepEqual(got.Facets, want.Facets) {
					t.Errorf("facets\n%+v\nwant\n%+v", got.Facets, want.Facets)
				}
				dates := func(r *index.Results) (out []string) {
					for _, h := range r.ArticleHits {
						out = append(out, h.ID+" "+h.Date.ISO())
					}
					for _, h := range r.QuoteHits {
						out = append(out, h.ArticleOf.Date.ISO())
					}
					return out
				}
				if g, w := dates(got), dates(want); len(g) != got.Total || !slices.Equal(g, w) {
					t.Errorf("order\n%q\nwant\n%q", g, w)
				}
			})
		}
	}
}
