package handlers_test

import (
	"bufio"
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/handlers"
	"github.com/readout/readout/index/archive"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

// BenchmarkUncached replays the request mixes of scripts/bench.sh through the router with the
// response cache off: what a search nobody has asked before costs, from parsing the address to
// the last byte rendered. On the seeds; READOUT_BENCH_DIR serves another archive folder (the
// unpacked corpus) and READOUT_BENCH_INDEX keeps its index on disk, as in ./index. Besides the
// time of a request it reports the process's CPU time per request (cpu-ms/op).
func BenchmarkUncached(b *testing.B) {
	h := uncachedHandler(b)
	for _, mix := range []string{"search", "api"} {
		paths := benchPaths(b, "../scripts/bench/"+mix+".paths")
		b.Run(mix, func(b *testing.B) {
			i := 0
			cpu0, cpuOK := processCPU()
			for b.Loop() {
				path := paths[i%len(paths)]
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
				if rec.Code != 200 {
					b.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
				}
				i++
			}
			// The CPU of a request, on every core it used: steadier than its time on a machine
			// shared with other work, and the measure of a request worked on by several cores.
			if cpu1, ok := processCPU(); ok && cpuOK && b.N > 0 {
				b.ReportMetric(float64(cpu1-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			}
		})
	}
}

// BenchmarkUncachedPaths is BenchmarkUncached a request path at a time, each asked once before
// it is timed (its articles then in the article cache): what each search of the mixes costs.
//
//	READOUT_BENCH_DIR=wh READOUT_BENCH_INDEX=/tmp/wh-index go test ./handlers -run '^$' -bench UncachedPaths/search -benchtime 60x
func BenchmarkUncachedPaths(b *testing.B) {
	h := uncachedHandler(b)
	for _, mix := range []string{"search", "api"} {
		for _, path := range benchPaths(b, "../scripts/bench/"+mix+".paths") {
			b.Run(path[1:], func(b *testing.B) {
				h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
				cpu0, cpuOK := processCPU()
				for b.Loop() {
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
					if rec.Code != 200 {
						b.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
					}
				}
				if cpu1, ok := processCPU(); ok && cpuOK && b.N > 0 {
					b.ReportMetric(float64(cpu1-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
				}
			})
		}
	}
}

// uncachedHandler is the router with the response cache off, over the seeds or the archive
// folder READOUT_BENCH_DIR names (its index kept in READOUT_BENCH_INDEX).
func uncachedHandler(b *testing.B) http.Handler {
	b.Helper()
	var fsys fs.FS = seeds.FS
	if dir := os.Getenv("READOUT_BENCH_DIR"); dir != "" {
		root, err := os.OpenRoot(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { root.Close() })
		fsys = root.FS()
	}
	reg, err := registry.Load(fsys, seeds.FS)
	if err != nil {
		b.Fatal(err)
	}
	a, err := archive.Open(context.Background(), archive.Options{Source: fsys, Registry: reg, Path: os.Getenv("READOUT_BENCH_INDEX")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { a.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	// Ready, and its index on disk merged into one segment in the background: not measured.
	if err := a.WaitMerged(ctx); err != nil {
		b.Fatal(err)
	}
	return handlers.New(handlers.Config{Archive: a})
}

// benchPaths reads a file of request paths, one a line, '#' starting a comment.
func benchPaths(b *testing.B, name string) []string {
	f, err := os.Open(name)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var paths []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line, _, _ := strings.Cut(sc.Text(), "#"); strings.TrimSpace(line) != "" {
			paths = append(paths, strings.TrimSpace(line))
		}
	}
	if err := sc.Err(); err != nil || len(paths) == 0 {
		b.Fatalf("%s: %v, %d paths", name, err, len(paths))
	}
	return paths
}
