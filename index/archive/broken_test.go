package archive_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/readout/readout/index/document"
)

// TestBrokenFiles serves a real folder of good, broken, hostile and odd files, opened as the
// server opens one: every good file is served, every other one is skipped with its name and a
// reason, or normalised and served.
func TestBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	article := func(fm, body string) []byte { return []byte("---\n" + fm + "\n---\n" + body) }
	good := "title: Good\ndate: 2024-01-01"

	// Served, perhaps after normalising.
	served := map[string][]byte{
		"good.md":          article(good, "A good article.\n"),
		"bom.md":           append([]byte("\xef\xbb\xbf"), article("title: BOM\ndate: 2024-01-02", "With a byte order mark.\n")...),
		"crlf.md":          []byte("---\r\ntitle: CRLF\r\ndate: 2024-01-03\r\n---\r\nWindows line ends.\r\n"),
		"nested/deep/x.md": article("title: Deep\ndate: 2024-01-04", "In a nested folder.\n"),
		"no-title.md":      article("date: 2024-01-05", "The Headline Line\n\nThe text.\n"),
		"odd-id.md":        article("id: '!!!'\ntitle: Odd id\ndate: 2024-01-06", "An id of punctuation falls back to the file name.\n"),
		"extra-fields.md":  article("title: Extra\ndate: 2024-01-07\npublished_time: 2024-01-07 10:00:00-04:00\nunknown: {a: 1}", "Fields it does not know are ignored.\n"),
	}
	for name, data := range served {
		write(name, data)
	}

	// Skipped, with the reason the log gives.
	skipped := map[string]string{}
	skip := func(name string, data []byte, reason string) {
		write(name, data)
		skipped[name] = reason
	}
	skip("empty.md", nil, "empty")
	skip("blank.md", []byte("   \n\n\t\n"), "no front matter")
	skip("binary.md", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "not UTF-8")
	skip("latin1.md", article(good, "Caf\xe9 \x93quoted\x94\n"), "not UTF-8")
	skip("utf16.md", []byte("\xff\xfe-\x00-\x00-\x00"), "not UTF-8")
	skip("nul.md", article(good, "A\x00B\n"), "binary")
	skip("no-front-matter.md", []byte("Just text.\n"), "no front matter")
	skip("unclosed.md", []byte("---\ntitle: x\ndate: 2024-01-01\nText\n"), "not closed")
	skip("list.md", []byte("---\n- a\n- b\n---\nText\n"), "not a mapping")
	skip("bad-yaml.md", []byte("---\ntitle: [unclosed\ndate: 2024-01-01\n---\nText\n"), "not valid YAML")
	skip("bomb.md", []byte("---\na: &a [x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\ntitle: x\ndate: 2024-01-01\n---\nText\n"), "aliases")
	skip("no-date.md", article("title: x", "Text\n"), "no date")
	skip("bad-date.md", article("title: x\ndate: March 2021", "Text\n"), "not YYYY-MM-DD")
	skip("impossible-date.md", article("title: x\ndate: 2021-02-30", "Text\n"), "not YYYY-MM-DD")
	skip("fine-precision.md", article("title: x\ndate: 2021\ndate_precision: day", "Text\n"), "finer than")
	skip("too-big.md", article(good, strings.Repeat("word ", document.MaxSize/5+1)), "more than")
	skip("big-front-matter.md", article("title: x\ndate: 2024-01-01\nnote: "+strings.Repeat("y", 70<<10), "Text\n"), "front matter is")
	// Files of other texts under good.md's id are served too, each under the id and a suffix
	// (ids_test.go).
	write("z-dup/good.md", article("title: Dup\ndate: 2024-02-01", "Same id as good.md.\n"))
	write("z-dup-by-id.md", article("id: good\ntitle: Dup\ndate: 2024-02-02", "Its front matter takes good.md's id.\n"))
	served["z-dup/good.md"], served["z-dup-by-id.md"] = nil, nil
	skip("no-text.md", article(good, "\n  \n"), "no text")
	skip("only-furniture.md", article(good, "COMMERCIAL BREAK\nSCROLL TO CONTINUE READING\n"), "no text")
	skip("script-url.md", article(good+"\nsource_url: javascript:alert(1)", "Text\n"), "not an http(s) address")
	skip("tags-map.md", article(good+"\ntags: {a: b}", "Text\n"), "tags must be")
	skip("no-title-long.md", article("date: 2024-01-01", strings.Repeat("long ", 60)+"\n"), "no title")
	skip(".hidden.md", article(good, "Hidden.\n"), "hidden")
	skip("draft.md~", article(good, "Backup.\n"), "editor")
	skip("#autosave.md#", article(good, "Autosave.\n"), "editor")
	skip(".draft.md.swp", []byte("swap"), "hidden")

	// Links and special files.
	os.WriteFile(filepath.Join(outside, "secret.md"), article(good, "Outside the folder.\n"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "escape.md")); err != nil {
		t.Fatal(err)
	}
	skipped["escape.md"] = "leaves the archive folder"
	os.Symlink("loop-b.md", filepath.Join(dir, "loop-a.md"))
	os.Symlink("loop-a.md", filepath.Join(dir, "loop-b.md"))
	skipped["loop-a.md"], skipped["loop-b.md"] = "cannot be read", "cannot be read"
	os.MkdirAll(filepath.Join(dir, "real-folder"), 0o755)
	os.Symlink("real-folder", filepath.Join(dir, "folder-link.md"))
	skipped["folder-link.md"] = "a link to a folder"
	// A link to a file inside the folder is a file of the folder, served under its own name.
	os.Symlink("good.md", filepath.Join(dir, "inside-link.md"))
	served["inside-link.md"] = nil
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err == nil {
		skipped["pipe.md"] = "named pipe" // reading it would block the start for ever
	}
	write(".git/HEAD.md", article(good, "In a hidden folder.\n"))
	skipped[".git/"] = "hidden folder"
	// Folders are read 32 deep; below, a folder is skipped, not walked level by level.
	deep := strings.Repeat("d/", 32)
	served[deep+"deep-enough.md"] = article("title: Deep enough\ndate: 2024-01-08", "32 folders deep.\n")
	write(deep+"deep-enough.md", served[deep+"deep-enough.md"])
	write(deep+strings.Repeat("e/", 200)+"too-deep.md", article("title: Too deep\ndate: 2024-01-09", "232 folders deep.\n"))
	skipped[deep+"e/"] = "more than 32 folders deep"

	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	a := mustArchive(t, root.FS(), "")
	st, err := a.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != len(served) {
		t.Errorf("%d articles served, want %d", st.Articles, len(served))
	}
	got := map[string]string{}
	for _, p := range st.Skipped {
		got[p.Path] = p.Reason
	}
	for name, reason := range skipped {
		r, ok := got[name]
		if !ok {
			t.Errorf("%s was not reported", name)
			continue
		}
		if !strings.Contains(r, reason) {
			t.Errorf("%s: reason %q, want one containing %q", name, r, reason)
		}
	}
	if len(skipped) < 24 {
		t.Errorf("only %d broken files", len(skipped))
	}
	for name := range got {
		if _, ok := skipped[name]; !ok {
			t.Errorf("%s was skipped (%s) but should be served", name, got[name])
		}
	}
	if _, err := a.Article("secret"); err == nil {
		t.Error("a file outside the folder is served")
	}
}
