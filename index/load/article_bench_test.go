package load

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

// BenchmarkAnalyse reads articles whole: parsing, quotes, tagging, ids. On the seeds, or on the
// folder named by READOUT_BENCH_DIR.
func BenchmarkAnalyse(b *testing.B) {
	reg, err := registry.Load(seeds.FS, nil)
	if err != nil {
		b.Fatal(err)
	}
	var fsys fs.FS = seeds.FS
	if dir := os.Getenv("READOUT_BENCH_DIR"); dir != "" {
		fsys = os.DirFS(dir)
	}
	files := map[string][]byte{}
	var size int64
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			data, _ := fs.ReadFile(fsys, p)
			files[p] = data
			size += int64(len(data))
		}
		return nil
	})
	b.SetBytes(size)
	for b.Loop() {
		for p, data := range files {
			Analyse(reg, p, data)
		}
	}
}
