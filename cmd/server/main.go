// Command server serves the Readout archive.
//
//	go run ./cmd/server                      # the embedded seed archive on :8080
//	go run ./cmd/server -seeds DIR -index .readout-index
//	go run ./cmd/readout-add -seeds DIR URL… # add articles to DIR from pages or feeds
//	readout add -seeds DIR URL…              # the same, with readout-add installed beside the server (add.go)
//
// Every flag has an environment variable of the same meaning (READOUT_ADDR, READOUT_SEEDS,
// READOUT_INDEX, READOUT_PUBLIC_URL, READOUT_CACHE_MB, READOUT_RESCAN, READOUT_LOG_LEVEL,
// READOUT_LOG_FORMAT); a flag wins.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/readout/readout/conns"
	"github.com/readout/readout/handlers"
	"github.com/readout/readout/index/archive"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/load"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/index/tarfs"
	"github.com/readout/readout/index/unionfs"
	"github.com/readout/readout/seeds"
)

// version is set at build time: go build -ldflags "-X main.version=…".
var version = "dev"

// wrapSource is where the process tests slow the reading of the archive down; it changes
// nothing otherwise.
var wrapSource = func(fsys fs.FS) fs.FS { return fsys }

func main() {
	if len(os.Args) > 1 && os.Args[1] == "add" {
		self, err := os.Executable()
		if err != nil {
			fmt.Fprintln(os.Stderr, "readout add:", err)
			os.Exit(2)
		}
		os.Exit(add(self, os.Args[2:], os.Stdin, os.Stdout, os.Stderr)) // add.go
	}
	os.Exit(serve(os.Args[1:]))
}

// serve runs the server until SIGINT or SIGTERM and returns the exit code.
func serve(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, args, os.Getenv, os.Stderr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "readout:", err)
		return 1
	}
	return 0
}

// config is the server's configuration, read once from flags and the environment.
type config struct {
	addr      string
	seeds     seedList
	index     string
	publicURL string
	logLevel  string
	logFormat string
	cacheMB   int
	rescan    time.Duration
}

func readConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	env := func(key, def string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return def
	}
	var c config
	fs := flag.NewFlagSet("readout", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", env("READOUT_ADDR", ":8080"), "listen on `host:port`")
	if v := getenv("READOUT_SEEDS"); v != "" {
		c.seeds = strings.Split(v, ",")
	}
	fs.Var(&c.seeds, "seeds", "serve the archive in `DIR` (read recursively), or in a .tar.gz of it, instead of the embedded seeds; given more than once, the archives are served as one (\"embedded\" names the built-in one)")
	fs.StringVar(&c.index, "index", env("READOUT_INDEX", ""), "keep the index on disk in `PATH` and reuse it while the archive is unchanged (default: in memory)")
	fs.StringVar(&c.publicURL, "public-url", env("READOUT_PUBLIC_URL", ""), "the site's address as readers reach it, for feeds and shared links (default: http://localhost:PORT)")
	fs.IntVar(&c.cacheMB, "cache-mb", envInt(getenv, "READOUT_CACHE_MB", 64), "keep up to `MB` megabytes of answers to pages and API requests (0: no cache)")
	fs.DurationVar(&c.rescan, "rescan", envDuration(getenv, "READOUT_RESCAN", 10*time.Second), "look for files added, changed or removed in the -seeds folder every `DURATION`, and index them (0: never)")
	fs.StringVar(&c.logLevel, "log-level", env("READOUT_LOG_LEVEL", "info"), "log `level`: debug, info, warn or error")
	fs.StringVar(&c.logFormat, "log-format", env("READOUT_LOG_FORMAT", "text"), "log `format`: text or json")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	return c, c.validate()
}

func (c *config) validate() error {
	host, port, err := net.SplitHostPort(c.addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %v", c.addr, err)
	}
	if c.publicURL == "" {
		if host == "" || host == "0.0.0.0" || host == "::" {
			host = "localhost"
		}
		c.publicURL = "http://" + net.JoinHostPort(host, port)
	}
	if !strings.HasPrefix(c.publicURL, "http://") && !strings.HasPrefix(c.publicURL, "https://") {
		return fmt.Errorf("-public-url %q: must start with http:// or https://", c.publicURL)
	}
	switch c.logLevel {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("-log-level %q: must be debug, info, warn or error", c.logLevel)
	}
	if c.cacheMB < 0 || c.cacheMB > 16<<10 {
		return fmt.Errorf("-cache-mb %d: must be from 0 to 16384", c.cacheMB)
	}
	if c.rescan != 0 && (c.rescan < time.Second || c.rescan > 24*time.Hour) {
		return fmt.Errorf("-rescan %s: must be 0 (never) or from 1s to 24h", c.rescan)
	}
	if c.logFormat != "text" && c.logFormat != "json" {
		return fmt.Errorf("-log-format %q: must be text or json", c.logFormat)
	}
	return nil
}

func envInt(getenv func(string) string, key string, def int) int {
	if v := getenv(key); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return def
}

func envDuration(getenv func(string) string, key string, def time.Duration) time.Duration {
	if v := getenv(key); v != "" {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	}
	return def
}

func newLogger(c config, w io.Writer) *slog.Logger {
	var level slog.Level
	level.UnmarshalText([]byte(c.logLevel))
	opts := &slog.HandlerOptions{Level: level}
	if c.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// run serves until ctx is done. ready, when not nil, receives the address listened on.
func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, ready chan<- string) error {
	c, err := readConfig(args, getenv, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	log := newLogger(c, stderr)

	src, closeSrc, err := openSources(c.seeds, log)
	if err != nil {
		return err
	}
	src = wrapSource(src)
	defer closeSrc()
	reg, err := registry.Load(src, seeds.FS)
	if err != nil {
		return fmt.Errorf("registry: %w", err)
	}
	restoreGC := buildGC(getenv)
	arc, err := archive.Open(ctx, archive.Options{Source: src, Registry: reg, Path: c.index, Logger: log, Rescan: c.rescanFolder()})
	if err != nil {
		restoreGC()
		return err
	}
	defer arc.Close()
	go func() {
		arc.Wait(ctx)
		restoreGC()
	}()

	srv := &http.Server{
		Handler:           handlers.New(handlers.Config{Archive: arc, Logger: log, PublicURL: c.publicURL, CacheBytes: c.cacheMB << 20}),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	tcp, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	// Connections are bounded below the files the process may open, with a reserve for the
	// index and the archive, so that idle keep-alive connections cannot take them all.
	limits := conns.ForOpenFiles(openFilesLimit())
	limits.IdleTimeout = srv.IdleTimeout
	ln := conns.New(tcp, limits, log)
	srv.ConnState = ln.ConnState
	source := "embedded seeds"
	if len(c.seeds) > 0 {
		source = strings.Join(c.seeds, " + ")
	}
	log.Info("listening", "version", version, "addr", ln.Addr().String(), "url", c.publicURL, "archive", source, "index", indexLabel(c.index),
		"max_connections", limits.Max, "per_client", limits.PerClient, "idle_per_client", limits.IdlePerClient)
	if ready != nil {
		ready <- ln.Addr().String()
	}
	// Serve, not ListenAndServe: the listener is open before indexing ends, so /healthz and
	// /readyz answer while the archive is indexed.
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// An index being built is abandoned at once, not waited for: one article's analysis may
	// take long, and the server has 10 s to stop. An index on disk is left as a kill would
	// leave it, and the next start repairs it.
	arc.StopIndexing()
	log.Info("shutting down: finishing requests under way")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	log.Info("stopped")
	return nil
}

// buildGC lets the heap grow while the index is built, under a soft limit, so the collector
// runs less often (a cold build of the White House corpus: 36 s with the defaults, 30 s so, at a
// peak of 840 MB against 375 MB). It returns what puts the defaults back once the index is
// ready. A GOGC or GOMEMLIMIT given in the environment is left alone.
func buildGC(getenv func(string) string) (restore func()) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	percent := debug.SetGCPercent(400)
	limit := debug.SetMemoryLimit(700 << 20)
	var once sync.Once
	return func() {
		once.Do(func() {
			debug.SetGCPercent(percent)
			debug.SetMemoryLimit(limit)
		})
	}
}

// rescanFolder is how often the archive folders are rescanned: a folder's files may change, the
// embedded seeds' and a tarball's cannot.
func (c *config) rescanFolder() time.Duration {
	for _, s := range c.seeds {
		if !isEmbedded(s) && !isTarball(s) {
			return c.rescan
		}
	}
	return 0
}

// seedList is the -seeds flag: the archives to serve, in order.
type seedList []string

func (s *seedList) String() string { return strings.Join(*s, ",") }

func (s *seedList) Set(v string) error {
	if v == "" {
		return errors.New("an archive's folder, .tar.gz or \"embedded\" is wanted")
	}
	*s = append(*s, v)
	return nil
}

func isEmbedded(s string) bool { return s == "embedded" }

func isTarball(s string) bool { return strings.HasSuffix(s, ".tar.gz") || strings.HasSuffix(s, ".tgz") }

// openSources opens the archives of -seeds: one is served as it is; several are served as one,
// each under a folder of its name ("embedded", a folder's or a tarball's base name), so that ids
// stay distinct across them. The log says how many article files each holds.
func openSources(list []string, log *slog.Logger) (fs.FS, func(), error) {
	if len(list) <= 1 {
		dir := ""
		if len(list) == 1 && !isEmbedded(list[0]) {
			dir = list[0]
		}
		return openSource(dir, log)
	}
	var mounts []unionfs.Mount
	var closers []func()
	closeAll := func() {
		for _, c := range closers {
			c()
		}
	}
	wanted := make([]string, len(list))
	for i, s := range list {
		wanted[i] = sourceName(s)
	}
	names := unionfs.Names(wanted)
	for i, s := range list {
		dir := s
		if isEmbedded(s) {
			dir = ""
		}
		src, closeSrc, err := openSource(dir, log)
		if err != nil {
			closeAll()
			return nil, nil, err
		}
		closers = append(closers, closeSrc)
		mounts = append(mounts, unionfs.Mount{Name: names[i], FS: src})
		log.Info("archive", "name", names[i], "from", s, "article_files", load.CountArticleFiles(src))
	}
	u, err := unionfs.New(mounts...)
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	return u, closeAll, nil
}

// sourceName is the folder an archive is served under among several: "embedded", or the base
// name of its folder or tarball ("wh-briefings" of ../wh-briefings.tar.gz).
func sourceName(s string) string {
	if isEmbedded(s) {
		return "embedded"
	}
	name := filepath.Base(filepath.Clean(s))
	name = strings.TrimSuffix(strings.TrimSuffix(name, ".tar.gz"), ".tgz")
	if name == "" || name == "." || name == ".." || name == string(filepath.Separator) {
		name = "archive"
	}
	return name
}

func indexLabel(path string) string {
	if path == "" {
		return "in memory"
	}
	return path
}

// openSource returns the archive folder: the embedded seeds, a .tar.gz of articles read into
// memory, or dir opened as a root that no link can lead out of.
func openSource(dir string, log *slog.Logger) (fs.FS, func(), error) {
	if dir == "" {
		return seeds.FS, func() {}, nil
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("-seeds: %w", err)
	}
	if !info.IsDir() {
		if isTarball(dir) {
			// Only what can be served is held: articles up to the size an article may have,
			// and the registries. Bigger files are listed, for the log, with their size.
			t, err := tarfs.Open(dir, tarfs.Options{MaxFile: document.MaxSize, Hold: heldFromTarball})
			if err != nil {
				return nil, nil, fmt.Errorf("-seeds %s: %w", dir, err)
			}
			dropped, more := t.Dropped()
			for _, d := range dropped {
				log.Warn("skipped", "file", d.Path, "reason", d.Reason)
			}
			if more > 0 {
				log.Warn("skipped", "file", dir, "reason", fmt.Sprintf("%d more entries of the tarball, not served", more))
			}
			return t, func() {}, nil
		}
		return nil, nil, fmt.Errorf("-seeds %s: not a folder or a .tar.gz", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("-seeds: %w", err)
	}
	return root.FS(), func() { root.Close() }, nil
}

// heldFromTarball reports whether a file of a tarball is read into memory: articles and
// registries, the only files the archive reads.
func heldFromTarball(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown" || ext == ".yaml" || ext == ".yml"
}
