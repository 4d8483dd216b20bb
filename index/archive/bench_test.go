package archive_test

import (
	"context"
	"io/fs"
	"os"
	"testing"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/archive"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

// The benchmarks run on the seed archive, or on the archive folder named by READOUT_BENCH_DIR
// (the unpacked White House corpus, say):
//
//	go test ./index -run '^$' -bench . -benchmem
//	READOUT_BENCH_DIR=wh go test ./index -run '^$' -bench . -benchtime 1x

func benchFS(b *testing.B) fs.FS {
	if dir := os.Getenv("READOUT_BENCH_DIR"); dir != "" {
		return os.DirFS(dir)
	}
	return seeds.FS
}

// benchFiles reads every article file of the bench archive into memory.
func benchFiles(b *testing.B) map[string][]byte {
	files := map[string][]byte{}
	err := fs.WalkDir(benchFS(b), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || len(p) < 3 || p[len(p)-3:] != ".md" {
			return err
		}
		data, err := fs.ReadFile(benchFS(b), p)
		files[p] = data
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

func totalBytes(files map[string][]byte) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f))
	}
	return n
}

// BenchmarkParse reads articles: front matter, furniture, paragraphs.
func BenchmarkParse(b *testing.B) {
	reg := mustRegistry(b)
	files := benchFiles(b)
	b.SetBytes(totalBytes(files))
	for b.Loop() {
		for p, data := range files {
			document.Parse(p, data, reg)
		}
	}
}

// BenchmarkExtract finds the quotes and speakers of parsed articles.
func BenchmarkExtract(b *testing.B) {
	reg := mustRegistry(b)
	files := benchFiles(b)
	var docs []*document.Document
	for p, data := range files {
		if d, err := document.Parse(p, data, reg); err == nil {
			docs = append(docs, d)
		}
	}
	b.SetBytes(totalBytes(files))
	for b.Loop() {
		for _, d := range docs {
			quote.Extract(reg, d.Title, d.Date.Start(), d.Paragraphs)
		}
	}
}

// BenchmarkIndex builds the whole index in memory: read, analyse, index.
func BenchmarkIndex(b *testing.B) {
	reg := mustRegistry(b)
	fsys := benchFS(b)
	for b.Loop() {
		a, err := archive.Open(context.Background(), archive.Options{Source: fsys, Registry: reg})
		if err != nil {
			b.Fatal(err)
		}
		if err := a.Wait(context.Background()); err != nil {
			b.Fatal(err)
		}
		a.Close()
	}
}

// BenchmarkSearch runs a mix of searches with facets and highlights. READOUT_BENCH_INDEX keeps
// the index of the bench archive on disk between runs.
func BenchmarkSearch(b *testing.B) {
	a := mustArchive(b, benchFS(b), os.Getenv("READOUT_BENCH_INDEX"))
	queries := []index.Query{
		{Text: "China", Kind: index.KindArticles},
		{Text: `"South China Sea"`, Kind: index.KindArticles},
		{Text: "alliance -Russia", Kind: index.KindQuotes},
		{Text: "Taiwan", Kind: index.KindQuotes, Topics: []string{"taiwan"}},
		{Kind: index.KindArticles, Sort: index.SortNewest},
	}
	for i := range queries {
		queries[i].Page, queries[i].PerPage = 1, 10
		if queries[i].Sort == "" {
			queries[i].Sort = index.SortRelevance
		}
	}
	ctx := context.Background()
	i := 0
	for b.Loop() {
		if _, err := a.Search(ctx, queries[i%len(queries)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkWarmStart opens the archive on its index on disk, unchanged since it was built, and
// waits until it is ready: a warm start without the process's own. READOUT_BENCH_INDEX names the
// index folder (built by the first open when missing), READOUT_BENCH_DIR the archive:
//
//	READOUT_BENCH_DIR=wh READOUT_BENCH_INDEX=/tmp/wh-index go test ./index/archive -run '^$' -bench WarmStart -benchtime 6x
func BenchmarkWarmStart(b *testing.B) {
	path := os.Getenv("READOUT_BENCH_INDEX")
	if path == "" {
		b.Skip("READOUT_BENCH_INDEX names no index folder")
	}
	fsys := benchFS(b)
	reg, err := registry.Load(fsys, seeds.FS) // as the server loads it
	if err != nil {
		b.Fatal(err)
	}
	open := func() *archive.Archive {
		a, err := archive.Open(context.Background(), archive.Options{Source: fsys, Registry: reg, Path: path})
		if err != nil {
			b.Fatal(err)
		}
		if err := a.Wait(context.Background()); err != nil {
			b.Fatal(err)
		}
		return a
	}
	a := open() // built when missing, and merged into one segment
	a.WaitMerged(context.Background())
	a.Close()
	for b.Loop() {
		open().Close()
	}
}
