package ondisk_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/readout/readout/index/ondisk"
)

type catalog struct {
	Files []string
}

// TestProtocol walks an index folder through its life without an index: none yet, a build made
// current, a reader of another version refused, an update cut short and one completed, a build
// replaced by the next, a partial build removed.
func TestProtocol(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	f, err := ondisk.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := ondisk.Meta{Version: 7, Registry: 42}
	var got catalog
	if _, err := f.Current(want, &got); !errors.Is(err, ondisk.ErrNoIndex) {
		t.Fatalf("an empty folder: %v, want ErrNoIndex", err)
	}

	first, err := f.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(ondisk.EngineDir(first), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Current(want, &got); !errors.Is(err, ondisk.ErrNoIndex) {
		t.Fatalf("a build under way is not current: %v", err)
	}
	if err := f.Commit(first, want, catalog{Files: []string{"a.md"}}); err != nil {
		t.Fatal(err)
	}
	dir, err := f.Current(want, &got)
	if err != nil || dir != first || len(got.Files) != 1 {
		t.Fatalf("after a commit: %q, %v, %+v", dir, err, got)
	}
	if _, err := f.Current(ondisk.Meta{Version: 8, Registry: 42}, &got); !errors.Is(err, ondisk.ErrStale) {
		t.Errorf("another version: %v, want ErrStale", err)
	}
	if _, err := f.Current(ondisk.Meta{Version: 7, Registry: 43}, &got); !errors.Is(err, ondisk.ErrStale) {
		t.Errorf("other registries: %v, want ErrStale", err)
	}

	// An update cut short is refused; one completed is read.
	if err := ondisk.BeginUpdate(first); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Current(want, &got); !errors.Is(err, ondisk.ErrInterrupted) {
		t.Fatalf("an update cut short: %v, want ErrInterrupted", err)
	}
	if err := ondisk.EndUpdate(first, catalog{Files: []string{"a.md", "b.md"}}); err != nil {
		t.Fatal(err)
	}
	got = catalog{}
	if dir, err := f.Current(want, &got); err != nil || dir != first || len(got.Files) != 2 {
		t.Fatalf("after an update: %q, %v, %+v", dir, err, got)
	}

	// A partial build left by a crash is removed by the next; the old index, once replaced.
	partial, err := f.New()
	if err != nil {
		t.Fatal(err)
	}
	second, err := f.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(partial); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the partial build %s is still there: %v", partial, err)
	}
	if _, err := os.Stat(first); err != nil {
		t.Errorf("the current index was removed by a new build: %v", err)
	}
	if err := f.Commit(second, want, catalog{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(first); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the replaced index %s is still there: %v", first, err)
	}
	if dir, err := f.Current(want, &got); err != nil || dir != second {
		t.Errorf("after a second build: %q, %v", dir, err)
	}

	// An index whose update was cut short can never be used: a new build removes it at once,
	// for the room a full disk needs.
	if err := ondisk.BeginUpdate(second); err != nil {
		t.Fatal(err)
	}
	third, err := f.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(second); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the index whose update was cut short %s is still there: %v", second, err)
	}
	if _, err := f.Current(want, &got); err == nil {
		t.Error("an index removed is still current")
	}
	if err := f.Commit(third, want, catalog{}); err != nil {
		t.Fatal(err)
	}
	if dir, err := f.Current(want, &got); err != nil || dir != third {
		t.Errorf("after a build over an update cut short: %q, %v", dir, err)
	}
}

// TestOpenRefuses: a folder of someone's files, and one another server holds.
func TestOpenRefuses(t *testing.T) {
	docs := t.TempDir()
	if err := os.WriteFile(filepath.Join(docs, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if f, err := ondisk.Open(docs); err == nil {
		f.Close()
		t.Error("a folder of someone's files was taken")
	}
	if _, err := os.Stat(filepath.Join(docs, "notes.txt")); err != nil {
		t.Errorf("their file: %v", err)
	}

	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		return // no flock: one server to a folder is the operator's rule
	}
	path := t.TempDir()
	f, err := ondisk.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if g, err := ondisk.Open(path); err == nil {
		g.Close()
		t.Error("a second process took a folder in use")
	}
	f.Close()
	g, err := ondisk.Open(path)
	if err != nil {
		t.Fatalf("the folder, let go, is refused: %v", err)
	}
	g.Close()
}
