package tarfs_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/readout/readout/index/tarfs"
)

type entry struct {
	name string
	body string
	typ  byte
}

func tarball(t *testing.T, entries []entry) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Typeflag: e.typ, Mode: 0o644, Size: int64(len(e.body)), ModTime: time.Unix(1700000000, 0)}
		if e.typ != tar.TypeReg {
			h.Size = 0
			h.Linkname = "/etc/passwd"
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if e.typ == tar.TypeReg {
			tw.Write([]byte(e.body))
		}
	}
	tw.Close()
	zw.Close()
	return &buf
}

func TestRead(t *testing.T) {
	buf := tarball(t, []entry{
		{"./statements/2021-01/a.md", "A", tar.TypeReg},
		{"statements/2021-01/b.md", "BB", tar.TypeReg},
		{"briefings/c.md", "C", tar.TypeReg},
		{"LICENSE", "text", tar.TypeReg},
		{"../escape.md", "no", tar.TypeReg},
		{"/abs.md", "no", tar.TypeReg},
		{"link.md", "", tar.TypeSymlink},
	})
	fsys, err := tarfs.Read(buf, tarfs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(fsys, "statements/2021-01/a.md", "statements/2021-01/b.md", "briefings/c.md", "LICENSE"); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"escape.md", "abs.md", "link.md", "../escape.md"} {
		if _, err := fs.Stat(fsys, bad); err == nil {
			t.Errorf("%s is served", bad)
		}
	}
	b, _ := fs.ReadFile(fsys, "statements/2021-01/b.md")
	if string(b) != "BB" {
		t.Errorf("content %q", b)
	}
}

func TestRefusesNonGzip(t *testing.T) {
	if _, err := tarfs.Read(strings.NewReader("not gzip at all"), tarfs.Options{}); err == nil {
		t.Error("read a file that is not gzip")
	}
}

// TestDropped: every entry that is not served is listed with the reason, for the log; what is
// served is what unpacking the tarball would give.
func TestDropped(t *testing.T) {
	deep := strings.Repeat("d/", tarfs.MaxDepth+1) + "x.md"
	long := strings.Repeat("l", tarfs.MaxPath) + ".md"
	buf := tarball(t, []entry{
		{"a.md", "first", tar.TypeReg},
		{"a.md", "second", tar.TypeReg},
		{"f.md", "a file", tar.TypeReg},
		{"f.md/under.md", "under a file", tar.TypeReg},
		{"dir/in.md", "in a folder", tar.TypeReg},
		{"dir", "a file where a folder is", tar.TypeReg},
		{"link.md", "", tar.TypeSymlink},
		{"hard.md", "", tar.TypeLink},
		{"fifo", "", tar.TypeFifo},
		{"../up.md", "no", tar.TypeReg},
		{deep, "too deep", tar.TypeReg},
		{long, "too long", tar.TypeReg},
		{strings.Repeat("d/", tarfs.MaxDepth) + "ok.md", "deep enough", tar.TypeReg},
	})
	fsys, err := tarfs.Read(buf, tarfs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"a.md":           "a second copy of this path in the tarball: the later one is served",
		"f.md/under.md":  "under f.md, which is a file",
		"dir":            "a file where the tarball has a folder of that name",
		"link.md":        "a link, not followed",
		"hard.md":        "a link, not followed",
		"fifo":           "not a regular file",
		"../up.md":       "a path that leaves the archive folder",
		deep:             "33 folders deep, more than the 32 a file may be",
		long[:200] + "…": "a path of 1027 bytes, more than the 1024 one may have",
	}
	dropped, more := fsys.Dropped()
	got := map[string]string{}
	for _, d := range dropped {
		got[d.Path] = d.Reason
	}
	if more != 0 || len(got) != len(want) {
		t.Errorf("%d dropped (%d more), want %d: %q", len(got), more, len(want), got)
	}
	for p, why := range want {
		if got[p] != why {
			t.Errorf("%.40s: dropped for %q, want %q", p, got[p], why)
		}
	}
	for name, body := range map[string]string{"a.md": "second", "f.md": "a file", "dir/in.md": "in a folder", strings.Repeat("d/", tarfs.MaxDepth) + "ok.md": "deep enough"} {
		if b, err := fs.ReadFile(fsys, name); err != nil || string(b) != body {
			t.Errorf("%.40s: %q, %v; want %q", name, b, err, body)
		}
	}
}

// deepTarball is a small .tar.gz of one file under depth folders, its path in a PAX header.
func deepTarball(t testing.TB, depth int) *bytes.Buffer {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	name := strings.Repeat("a/", depth) + "x.md"
	if err := tw.WriteHeader(&tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644, Size: 1, Format: tar.FormatPAX}); err != nil {
		t.Fatal(err)
	}
	tw.Write([]byte("x"))
	tw.Close()
	zw.Close()
	return &buf
}

// TestDeepPath: one file 40,000 folders deep (an 80 KB path, a 9 KB tarball) is dropped, in
// time linear in its path: every level's path was rebuilt and hashed (50,000 levels took 95 s
// and 2.8 GB; BenchmarkDeepPath measures it now).
func TestDeepPath(t *testing.T) {
	fsys, err := tarfs.Read(deepTarball(t, 40000), tarfs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dropped, _ := fsys.Dropped()
	if len(dropped) != 1 || !strings.Contains(dropped[0].Reason, "more than the 1024") {
		t.Errorf("dropped %q", dropped)
	}
	if entries, _ := fs.ReadDir(fsys, "."); len(entries) != 0 {
		t.Errorf("the tarball's root holds %d entries", len(entries))
	}
}

func BenchmarkDeepPath(b *testing.B) {
	buf := deepTarball(b, 50000)
	for b.Loop() {
		if _, err := tarfs.Read(bytes.NewReader(buf.Bytes()), tarfs.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// bigFiles is a .tar.gz of n files of size bytes each (zeros: it is small), and one article.
func bigFiles(t testing.TB, n int, size int64) *bytes.Buffer {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	tw := tar.NewWriter(zw)
	zeros := make([]byte, 1<<20)
	for i := range n {
		if err := tw.WriteHeader(&tar.Header{Name: fmt.Sprintf("big/%03d.md", i), Typeflag: tar.TypeReg, Mode: 0o644, Size: size}); err != nil {
			t.Fatal(err)
		}
		for w := int64(0); w < size; w += int64(len(zeros)) {
			tw.Write(zeros[:min(int64(len(zeros)), size-w)])
		}
	}
	tw.WriteHeader(&tar.Header{Name: "small.md", Typeflag: tar.TypeReg, Mode: 0o644, Size: 5})
	tw.Write([]byte("small"))
	tw.Close()
	zw.Close()
	return &buf
}

// TestBigFilesNotHeld: files bigger than a file may be are listed with their size, for the log,
// and their content is passed over as the stream is read, never held: 120 files of 8 MB were
// 960 MB kept for the server's life.
func TestBigFilesNotHeld(t *testing.T) {
	buf := bigFiles(t, 40, 8<<20)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fsys, err := tarfs.Read(buf, tarfs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Errorf("reading 320 MB of files too big to serve allocated %d MB", alloc>>20)
	}
	info, err := fs.Stat(fsys, "big/007.md")
	if err != nil || info.Size() != 8<<20 {
		t.Fatalf("%v, %v", info, err)
	}
	if _, err := fsys.Open("big/007.md"); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("a file too big opens: %v", err)
	}
	if b, err := fs.ReadFile(fsys, "small.md"); err != nil || string(b) != "small" {
		t.Errorf("small.md: %q %v", b, err)
	}
}

// TestHold: only the files asked for are held; the others are listed and cannot be opened.
func TestHold(t *testing.T) {
	buf := tarball(t, []entry{{"a.md", "article", tar.TypeReg}, {"photo.jpg", "jpeg", tar.TypeReg}})
	fsys, err := tarfs.Read(buf, tarfs.Options{Hold: func(p string) bool { return strings.HasSuffix(p, ".md") }})
	if err != nil {
		t.Fatal(err)
	}
	if b, err := fs.ReadFile(fsys, "a.md"); err != nil || string(b) != "article" {
		t.Errorf("a.md: %q %v", b, err)
	}
	if info, err := fs.Stat(fsys, "photo.jpg"); err != nil || info.Size() != 4 {
		t.Errorf("photo.jpg is not listed: %v", err)
	}
	if _, err := fsys.Open("photo.jpg"); err == nil {
		t.Error("a file not held opens")
	}
}

// TestRefusesHuge: a tarball of more entries, or more bytes unpacked, than the bounds is refused.
func TestRefusesHuge(t *testing.T) {
	buf := bigFiles(t, 3, 16<<20)
	if _, err := tarfs.Read(buf, tarfs.Options{MaxUnpacked: 40 << 20}); err == nil || !strings.Contains(err.Error(), "unpacks to more than") {
		t.Errorf("%v, want it refused", err)
	}
}
