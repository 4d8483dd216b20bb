package unionfs_test

import (
	"errors"
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/readout/readout/index/unionfs"
)

func TestUnion(t *testing.T) {
	a := fstest.MapFS{"articles/one.md": {Data: []byte("one")}, "actors.yaml": {Data: []byte("a")}}
	b := fstest.MapFS{"2024/one.md": {Data: []byte("b-one")}}
	u, err := unionfs.New(unionfs.Mount{Name: "embedded", FS: a}, unionfs.Mount{Name: "wh", FS: b})
	if err != nil {
		t.Fatal(err)
	}
	// The standard checks of a file system: every file opened, read, listed and stated.
	if err := fstest.TestFS(u, "embedded/articles/one.md", "embedded/actors.yaml", "wh/2024/one.md"); err != nil {
		t.Fatal(err)
	}
	if got, err := fs.ReadFile(u, "wh/2024/one.md"); err != nil || string(got) != "b-one" {
		t.Errorf("wh/2024/one.md: %q, %v", got, err)
	}
	var walked []string
	fs.WalkDir(u, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			walked = append(walked, p)
		}
		return nil
	})
	if want := []string{"embedded/actors.yaml", "embedded/articles/one.md", "wh/2024/one.md"}; !slices.Equal(walked, want) {
		t.Errorf("walked %q, want %q", walked, want)
	}
	for _, bad := range []string{"nope/one.md", "../x", "/etc/passwd", "wh/../embedded/actors.yaml"} {
		if _, err := u.Open(bad); err == nil {
			t.Errorf("Open(%q) succeeded", bad)
		} else if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q): %v, want not found or invalid", bad, err)
		}
	}
}

func TestNewRefuses(t *testing.T) {
	for _, names := range [][]string{{"a", "a"}, {"a/b"}, {"."}, {".."}, {""}} {
		var mounts []unionfs.Mount
		for _, n := range names {
			mounts = append(mounts, unionfs.Mount{Name: n, FS: fstest.MapFS{}})
		}
		if _, err := unionfs.New(mounts...); err == nil {
			t.Errorf("New(%q) accepted", names)
		}
	}
}

func TestNames(t *testing.T) {
	got := unionfs.Names([]string{"wh", "ungdc", "wh", "wh"})
	if want := []string{"wh", "ungdc", "wh-2", "wh-3"}; !slices.Equal(got, want) {
		t.Errorf("Names: %q, want %q", got, want)
	}
}
