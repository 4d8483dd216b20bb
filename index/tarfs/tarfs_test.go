package tarfs_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io/fs"
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
	fsys, err := tarfs.Read(buf)
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
	if _, err := tarfs.Read(strings.NewReader("not gzip at all")); err == nil {
		t.Error("read a file that is not gzip")
	}
}
