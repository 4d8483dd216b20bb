package load

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/readout/readout/index/document"
)

// TestListFiles: which files of a folder are articles, which are passed over and why, without
// building an index.
func TestListFiles(t *testing.T) {
	deep := strings.Repeat("d/", maxFolderDepth+1) + "x.md"
	fsys := fstest.MapFS{
		"a.md":              {Data: []byte("a")},
		"sub/b.markdown":    {Data: []byte("b")},
		"README.md":         {Data: []byte("the folder's documentation")},
		"notes.txt":         {Data: []byte("not an article")},
		".hidden.md":        {Data: []byte("h")},
		"c.md~":             {Data: []byte("c")},
		"#d.md#":            {Data: []byte("d")},
		".git/config.md":    {Data: []byte("g")},
		"big.md":            {Data: make([]byte, document.MaxSize+1)},
		deep:                {Data: []byte("deep")},
		"sub/e.md":          {Data: []byte("e")},
		"sub/deeper/f.md":   {Data: []byte("f")},
		"sub/deeper/g.swp":  {Data: []byte("g")},
		"sub/deeper/h.MD":   {Data: []byte("h")},
		"sub/deeper/i.tmp":  {Data: []byte("i")},
		"sub/deeper/j.bak":  {Data: []byte("j")},
		"sub/deeper/k.swo":  {Data: []byte("k")},
		"sub/deeper/.#l.md": {Data: []byte("l")},
	}
	files, problems := List(fsys)
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	if want := []string{"a.md", "sub/b.markdown", "sub/deeper/f.md", "sub/deeper/h.MD", "sub/e.md"}; !slices.Equal(paths, want) {
		t.Errorf("articles %q, want %q", paths, want)
	}
	why := map[string]string{}
	for _, p := range problems {
		why[p.Path] = p.Reason
	}
	for path, want := range map[string]string{
		".hidden.md":        "hidden file, skipped",
		"c.md~":             "editor's working file, skipped",
		"#d.md#":            "editor's working file, skipped",
		".git/":             "hidden folder, not read",
		"big.md":            fmt.Sprintf("%d bytes, more than the %d an article may have", document.MaxSize+1, document.MaxSize),
		"sub/deeper/g.swp":  "editor's working file, skipped",
		"sub/deeper/.#l.md": "hidden file, skipped",
	} {
		if why[path] != want {
			t.Errorf("%s: %q, want %q", path, why[path], want)
		}
	}
	if !strings.Contains(why[strings.Repeat("d/", maxFolderDepth+1)], "folders deep, not read") {
		t.Errorf("a folder too deep: %q", why)
	}
	for _, p := range []string{"README.md", "notes.txt"} {
		if _, ok := why[p]; ok {
			t.Errorf("%s is reported as a problem: documentation and other files are passed over in silence", p)
		}
	}
	if n := CountArticleFiles(fsys); n != len(files) {
		t.Errorf("CountArticleFiles = %d, the list has %d", n, len(files))
	}
}
