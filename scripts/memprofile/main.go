// Command memprofile opens an archive as the server does (the same -seeds, tarballs held in
// memory as the server holds them, the server's collector settings while the index is built)
// and writes heap profiles of it: when it is ready, and once the index on disk is merged into
// one segment. With each it prints the Go heap's figures and the process's peak RSS
// (VmHWM) and its split between the process's own memory (RssAnon) and the files it maps
// (RssFile: the index's segments), so that what the server's memory holds can be read with go
// tool pprof:
//
//	go run ./scripts/memprofile -seeds embedded -seeds wh.tar.gz -seeds ungdc.tar.gz -index /tmp/all-index -out /tmp/prof
//	go tool pprof -sample_index=inuse_space -top /tmp/prof/ready.heap
//
// The index folder is the server's (-index): an empty folder is a cold build, a folder of the
// same archives a warm start. One process holds a folder: stop the server first.
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"time"

	"github.com/readout/readout/index/archive"
	"github.com/readout/readout/index/document"
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
	indexPath := flag.String("index", "", "the server's -index folder (empty: in memory)")
	out := flag.String("out", ".", "the folder the profiles are written to")
	until := flag.String("build-gc-until", "ready", "keep the server's collector settings for a build until the index is ready (as the server does) or merged")
	flag.Parse()
	if *until != "ready" && *until != "merged" {
		fmt.Fprintln(os.Stderr, "-build-gc-until: ready or merged")
		os.Exit(2)
	}
	if err := run(sources, *indexPath, *out, *until == "merged"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(sources []string, indexPath, out string, untilMerged bool) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	start := time.Now()
	go sample()
	src, err := open(sources)
	if err != nil {
		return err
	}
	report("sources held", start)
	reg, err := registry.Load(src, seeds.FS)
	if err != nil {
		return err
	}
	// The server's settings while it builds (cmd/server's buildGC), the defaults once ready.
	percent := debug.SetGCPercent(400)
	limit := debug.SetMemoryLimit(700 << 20)
	ctx := context.Background()
	a, err := archive.Open(ctx, archive.Options{Source: src, Registry: reg, Path: indexPath, Logger: slog.New(slog.NewTextHandler(os.Stderr, nil))})
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.Wait(ctx); err != nil {
		return err
	}
	restore := func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
	if !untilMerged {
		restore()
	}
	report("ready", start)
	if err := profile(filepath.Join(out, "ready.heap")); err != nil {
		return err
	}
	if err := a.WaitMerged(ctx); err != nil {
		return err
	}
	restore()
	report("merged", start)
	return profile(filepath.Join(out, "merged.heap"))
}

// report prints the heap's figures and the peak RSS so far.
func report(when string, start time.Time) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%s after %s: heap in use %d MiB, heap held from the OS %d MiB, released %d MiB, all Go memory %d MiB, peak RSS %s, RSS %s (anonymous %s, files %s); peaks so far: anonymous %d MiB, files %d MiB\n",
		when, time.Since(start).Round(time.Second), m.HeapInuse>>20, (m.HeapSys-m.HeapReleased)>>20, m.HeapReleased>>20, m.Sys>>20, status("VmHWM"), status("VmRSS"), status("RssAnon"), status("RssFile"), peakAnon.Load()>>10, peakFile.Load()>>10)
}

// peakAnon and peakFile are the largest RssAnon and RssFile seen (kB), sampled every 200 ms:
// the kernel keeps the peak of their sum only (VmHWM).
var peakAnon, peakFile atomic.Int64

func sample() {
	for {
		for _, p := range []struct {
			field string
			peak  *atomic.Int64
		}{{"RssAnon", &peakAnon}, {"RssFile", &peakFile}} {
			var kb int64
			fmt.Sscan(strings.TrimSuffix(status(p.field), " kB"), &kb)
			if kb > p.peak.Load() {
				p.peak.Store(kb)
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// profile writes a heap profile after a collection, so that it counts what is live.
func profile(path string) error {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	fmt.Printf("wrote %s\n", path)
	return f.Close()
}

func status(field string) string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

// open mounts the archives as cmd/server does: each under its base name, tarballs held in
// memory (articles and registries only).
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
