package handlers_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/readout/readout/handlers"
)

// TestCacheFollowsArchive: an answer kept by the response cache is dropped when the archive's
// files change while it serves: a search asked before a file came finds it after.
func TestCacheFollowsArchive(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: A statement\ndate: 2024-05-07\n---\n"+text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("first.md", "The ministers met in Lisbon.")
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	a, err := openArchive(root.FS())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	srv := httptest.NewServer(handlers.New(handlers.Config{Archive: a, PublicURL: "https://readout.example", CacheBytes: 1 << 20}))
	t.Cleanup(srv.Close)
	count := func() int {
		var res struct{ Total int }
		if err := json.Unmarshal([]byte(get(t, srv, "/api/search?q=Zanzibar").body), &res); err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	if n := count(); n != 0 {
		t.Fatalf("%d hits before the file came", n)
	}
	count() // answered from the cache
	write("second.md", "The ministers met in Zanzibar.")
	if _, err := a.Rescan(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Errorf("%d hits after the file came and the archive was rescanned, want 1", n)
	}
}
