package load

import (
	"slices"
	"testing"
	"testing/fstest"
	"time"
)

// TestCompare: a file of the same size and time is unchanged without being read; one touched
// but with the same content is unchanged; one whose content changed, one added and one removed
// are told apart.
func TestCompare(t *testing.T) {
	t0 := time.Unix(1700000000, 0)
	fsys := fstest.MapFS{
		"same.md":    {Data: []byte("same"), ModTime: t0},
		"touched.md": {Data: []byte("touched"), ModTime: t0.Add(time.Hour)},
		"edited.md":  {Data: []byte("edited!"), ModTime: t0.Add(time.Hour)},
		"added.md":   {Data: []byte("added"), ModTime: t0},
	}
	old := []File{
		{Path: "edited.md", Size: 7, ModTime: t0.UnixNano(), Hash: Hash([]byte("edited."))},
		{Path: "gone.md", Size: 4, ModTime: t0.UnixNano(), Hash: Hash([]byte("gone"))},
		// Not the content it has: the size and time say unchanged, so it is not read.
		{Path: "same.md", Size: 4, ModTime: t0.UnixNano(), Hash: 1},
		{Path: "touched.md", Size: 7, ModTime: t0.UnixNano(), Hash: Hash([]byte("touched"))},
	}
	now, _ := List(fsys)
	d := Compare(fsys, old, now)
	var changed []string
	for _, i := range d.Changed {
		changed = append(changed, now[i].Path)
	}
	if want := []string{"added.md", "edited.md"}; !slices.Equal(changed, want) {
		t.Errorf("changed %q, want %q", changed, want)
	}
	if len(d.Removed) != 1 || d.Removed[0].Path != "gone.md" {
		t.Errorf("removed %+v, want gone.md", d.Removed)
	}
	if len(d.Unchanged) != 2 || d.Unchanged["touched.md"].ModTime != t0.Add(time.Hour).UnixNano() {
		t.Errorf("unchanged %+v: want same.md and touched.md, with its new time", d.Unchanged)
	}
	if d.None() || !Compare(fsys, now, now).None() {
		t.Error("None is wrong")
	}
}
