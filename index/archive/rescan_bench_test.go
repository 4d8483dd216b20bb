package archive

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/readout/readout/index/load"
)

// rescanFolder is the folder the rescan benchmarks read: READOUT_BENCH_DIR (the White House
// corpus unpacked), else 14,400 small files in 533 folders, the corpus's shape.
func rescanFolder(b *testing.B) fs.FS {
	dir := os.Getenv("READOUT_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
		folders := map[string]bool{}
		for i := range 14400 {
			folder := filepath.Join(dir, fmt.Sprintf("category-%d", i%9), fmt.Sprintf("%d-%02d", 2021+i/9%59/12, i/9%59%12+1))
			folders[folder] = true
			os.MkdirAll(folder, 0o755)
			if err := os.WriteFile(filepath.Join(folder, fmt.Sprintf("article-%d.md", i)), []byte("---\ntitle: T\ndate: 2024-01-01\n---\nText.\n"), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		// Folders written a moment ago are read again at every period (racyWindow).
		old := time.Now().Add(-time.Hour)
		for f := range folders {
			os.Chtimes(f, old, old)
			os.Chtimes(filepath.Dir(f), old, old)
		}
		os.Chtimes(dir, old, old)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { root.Close() })
	return root.FS()
}

// BenchmarkRescan measures what following a folder costs while nothing changes: each period's
// look at the folders' times, and the listing and comparison done when one changed (and every
// five minutes).
//
//	go test ./index -run '^$' -bench Rescan
//	READOUT_BENCH_DIR=wh go test ./index -run '^$' -bench Rescan
func BenchmarkRescan(b *testing.B) {
	fsys := rescanFolder(b)
	files, _, folders := load.ListWithFolders(fsys)
	b.Logf("%d files in %d folders", len(files), len(folders))
	a := &Archive{src: fsys}
	b.Run("folder-times", func(b *testing.B) {
		for b.Loop() {
			if folders.Changed(fsys) {
				b.Fatal("a folder changed")
			}
		}
	})
	b.Run("list-and-compare", func(b *testing.B) {
		for b.Loop() {
			now, _, _ := load.ListWithFolders(fsys)
			if !load.Compare(a.src, files, now).None() {
				b.Fatal("files changed")
			}
		}
	})
}
