package main

import (
	"archive/tar"
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a log sink safe for the server's goroutines and the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServer runs the whole program on a free port and returns its address; it stops when the
// test ends, and the test fails if it does not stop cleanly.
func startServer(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	logs := &syncBuffer{}
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), func(string) string { return "" }, logs, ready)
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("server stopped: %v\n%s", err, logs)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("server stopped with %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("server did not stop within 15 s")
		}
	})
	return "http://" + addr, logs
}

// waitReady waits for /readyz: two minutes at most, for a machine other work keeps busy (the
// process tests index 1,500 articles).
func waitReady(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("never ready")
}

func TestServesEmbeddedSeeds(t *testing.T) {
	base, logs := startServer(t)
	waitReady(t, base)
	resp, err := http.Get(base + "/search?q=Quad")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "Quad") {
		t.Errorf("GET /search?q=Quad: %d", resp.StatusCode)
	}
	if !strings.Contains(logs.String(), "archive ready") || !strings.Contains(logs.String(), "articles=5") {
		t.Errorf("no startup line with the counts in the log:\n%s", logs)
	}
}

func TestServesAFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "one.md"), []byte("---\ntitle: One\ndate: 2024-05-01\n---\n“Hello from a folder,” said Antony Blinken.\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "nested", "deeper"), 0o755)
	os.WriteFile(filepath.Join(dir, "nested", "deeper", "two.md"), []byte("---\ntitle: Two\ndate: 2024-05-02\n---\nText.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.md"), []byte("no front matter"), 0o644)
	index := filepath.Join(t.TempDir(), "idx")
	base, logs := startServer(t, "-seeds", dir, "-index", index)
	waitReady(t, base)
	resp, err := http.Get(base + "/api/articles")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `"total": 2`) {
		t.Errorf("/api/articles: %s", b)
	}
	if !strings.Contains(logs.String(), "broken.md") || !strings.Contains(logs.String(), "skipped=1") {
		t.Errorf("the broken file is not reported by name:\n%s", logs)
	}
}

// TestServesATarball serves a .tar.gz as it is, with every entry that is not served in the
// log with the reason.
func TestServesATarball(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	article := "---\ntitle: One\ndate: 2024-05-01\n---\nText about the Quad.\n"
	for _, e := range []struct {
		name, body string
		typ        byte
		size       int64
	}{
		{"wh/statements/2024-05/one.md", article, tar.TypeReg, 0},
		{"wh/LICENSE", "CC0", tar.TypeReg, 0},
		{"wh/big.md", "", tar.TypeReg, 3 << 20},
		{"wh/link.md", "", tar.TypeSymlink, 0},
		{"wh/statements/2024-05/one.md", article, tar.TypeReg, 0},
		{"wh/statements/2024-05/one.md/under.md", article, tar.TypeReg, 0},
	} {
		size := cmp.Or(e.size, int64(len(e.body)))
		if e.typ != tar.TypeReg {
			size = 0
		}
		tw.WriteHeader(&tar.Header{Name: e.name, Mode: 0o644, Size: size, ModTime: time.Unix(1700000000, 0), Typeflag: e.typ, Linkname: "/etc/passwd"})
		tw.Write([]byte(e.body))
		tw.Write(make([]byte, size-int64(len(e.body))))
	}
	tw.Close()
	zw.Close()
	file := filepath.Join(t.TempDir(), "corpus.tar.gz")
	os.WriteFile(file, buf.Bytes(), 0o644)
	base, logs := startServer(t, "-seeds", file)
	waitReady(t, base)
	resp, err := http.Get(base + "/api/search?q=Quad")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `"total": 1`) {
		t.Errorf("/api/search?q=Quad on the tarball: %s", b)
	}
	for _, want := range []string{
		`file=wh/big.md reason="3145728 bytes, more than the 2097152 an article may have"`,
		`file=wh/link.md reason="a link, not followed"`,
		`file=wh/statements/2024-05/one.md reason="a second copy of this path in the tarball: the later one is served"`,
		`file=wh/statements/2024-05/one.md/under.md reason="under wh/statements/2024-05/one.md, which is a file"`,
	} {
		if !strings.Contains(logs.String(), "msg=skipped "+want) {
			t.Errorf("the log lacks %s:\n%s", want, logs)
		}
	}
}

// TestServesSeveralArchives: -seeds given more than once serves the archives as one, the
// embedded seeds among them by name; a file named as a seed's is another article with its own
// id, and the log counts each archive.
func TestServesSeveralArchives(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "articles"), 0o755)
	// The same file name as an embedded seed's, another text.
	os.WriteFile(filepath.Join(dir, "articles", "2021-03-24-eu-and-us-agree-to-launch-a-dialogue-on-china.md"),
		[]byte("---\ntitle: Another dialogue\ndate: 2021-03-25\n---\nA dialogue on AUKUS, another one.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "articles", "ministry.md"), []byte("---\ntitle: Ministry\ndate: 2024-05-01\n---\nThe ministry spoke of AUKUS.\n"), 0o644)
	base, logs := startServer(t, "-seeds", "embedded", "-seeds", dir, "-rescan", "0")
	waitReady(t, base)
	resp, err := http.Get(base + "/api/articles?per_page=50")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Total    int
		Articles []struct{ ID string }
	}
	json.NewDecoder(resp.Body).Decode(&got)
	resp.Body.Close()
	if got.Total != 7 {
		t.Errorf("articles: %d, want the 5 seeds and the folder's 2", got.Total)
	}
	ids := map[string]bool{}
	for _, a := range got.Articles {
		if ids[a.ID] {
			t.Errorf("id %s twice", a.ID)
		}
		ids[a.ID] = true
	}
	if !ids["2021-03-24-eu-and-us-agree-to-launch-a-dialogue-on-china"] && !ids["2021-03-24-us-will-not-ask-allies-to-choose-between-us-and-them-with-china"] {
		t.Errorf("the seeds' ids are not served: %v", ids)
	}
	for _, want := range []string{"msg=archive name=embedded from=embedded article_files=5", "article_files=2", `archive="embedded + ` + dir} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %s:\n%s", want, logs)
		}
	}
	resp, err = http.Get(base + "/api/search?q=AUKUS&per_page=50")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), "Ministry") || !strings.Contains(string(b), "Another dialogue") {
		t.Errorf("/api/search?q=AUKUS does not find both archives' articles: %s", b)
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-addr", "nonsense"},
		{"-seeds", "/no/such/folder"},
		{"-public-url", "ftp://x"},
		{"-log-level", "loud"},
		{"-rescan", "10ms"},
		{"extra"},
	} {
		err := run(context.Background(), args, func(string) string { return "" }, io.Discard, nil)
		if err == nil {
			t.Errorf("%q: no error", args)
		}
	}
}

// TestIndexFolderRefused: an index folder another server uses, or one that holds other files,
// stops the start with a message that says so, at once.
func TestIndexFolderRefused(t *testing.T) {
	dir := t.TempDir()
	base, _ := startServer(t, "-index", dir)
	waitReady(t, base)
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ dir, want string }{
		{dir, "in use by another process"},
		{other, "not part of an index"},
	} {
		done := make(chan error, 1)
		go func() {
			done <- run(context.Background(), []string{"-addr", "127.0.0.1:0", "-index", tt.dir}, func(string) string { return "" }, io.Discard, nil)
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("-index %s: %v, want an error saying %q", tt.dir, err, tt.want)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("-index %s: the start did not end", tt.dir)
		}
	}
}
