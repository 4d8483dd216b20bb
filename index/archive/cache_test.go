package archive

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/load"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

// bigArticle is an article file of about size bytes: paragraphs of a statement's prose, each
// with a quotation in it.
func bigArticle(i, size int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: Statement %d\ndate: 2024-02-%02d\n---\n", i, i%28+1)
	for k := 0; b.Len() < size-2000; k++ {
		for range 12 {
			fmt.Fprintf(&b, "The ministers met in Brussels on day %d of statement %d to discuss the work of the alliance with partners in the region. ", k, i)
		}
		fmt.Fprintf(&b, "“We will keep working with our allies on point %d,” the Secretary of State said.\n\n", k)
	}
	return []byte(b.String())
}

// bigArticles is an archive of n articles of about size bytes each.
func bigArticles(t testing.TB, n, size int, o Options) *Archive {
	t.Helper()
	files := fstest.MapFS{}
	for i := range n {
		files[fmt.Sprintf("big-%02d.md", i)] = &fstest.MapFile{Data: bigArticle(i, size)}
	}
	o.Source = files
	return openSeedsRegistry(t, o)
}

// openSeedsRegistry opens an archive with o and the seeds' registry, closed when the test
// ends, and waits for its index.
func openSeedsRegistry(t testing.TB, o Options) *Archive {
	t.Helper()
	reg, err := registry.Load(seeds.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	o.Registry = reg
	a, err := Open(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if err := a.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestArticleCacheBytes: the cache of analysed articles is bounded in bytes, and an article
// bigger than a quarter of it is not kept.
func TestArticleCacheBytes(t *testing.T) {
	const max = 1 << 20
	a := bigArticles(t, 12, 150<<10, Options{CacheBytes: max})
	var one int
	for i := range 12 {
		art, err := a.Article(fmt.Sprintf("big-%02d", i))
		if err != nil {
			t.Fatal(err)
		}
		one = memSize(art)
	}
	if one < 150<<10 {
		t.Fatalf("an article of 150 KB is estimated at %d bytes", one)
	}
	c := a.cache // that the bytes counted are the sizes kept: lru's TestBound
	if c.Bytes() > max || c.Len() != max/one {
		t.Errorf("%d articles of %d bytes kept, counted as %d bytes, bound %d", c.Len(), one, c.Bytes(), max)
	}
	if _, ok := c.Get("big-11"); !ok {
		t.Error("the article read last is not kept")
	}

	small := newArticleCache(4 * one)
	small.put(&index.Article{Summary: index.Summary{ID: "big"}, Paragraphs: []index.Paragraph{{Text: strings.Repeat("x", one+1)}}})
	if small.Len() != 0 {
		t.Error("an article bigger than a quarter of the cache was kept")
	}
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkArticleCacheMemory puts 40 analysed articles of 1.9 MB in the cache, as a reader
// walking through them does, and reports the heap they leave behind (in all and per article)
// and what the cache counts of them. With a bound of 512 articles, all 40 stayed.
func BenchmarkArticleCacheMemory(b *testing.B) {
	const n = 40
	reg, err := registry.Load(seeds.FS, nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c := newArticleCache(0)
		before := heapInUse()
		for i := range n {
			art, err := load.Analyse(reg, fmt.Sprintf("big-%02d.md", i), bigArticle(i, 1900<<10))
			if err != nil {
				b.Fatal(err)
			}
			c.put(art)
		}
		after := heapInUse()
		b.ReportMetric(float64(after-before)/(1<<20), "MiB-kept")
		b.ReportMetric(float64(after-before)/(1<<20)/n, "MiB-kept/article")
		b.ReportMetric(float64(c.Bytes())/(1<<20), "MiB-counted")
		b.ReportMetric(float64(c.Len()), "articles-kept")
		runtime.KeepAlive(c)
	}
}
