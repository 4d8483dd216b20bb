package ondisk

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestAnalysesRoundTrip: each value is read back as it was saved, by its path and content hash;
// another hash, another path, another type or a file closed find nothing.
func TestAnalysesRoundTrip(t *testing.T) {
	dir := t.TempDir()
	w, err := CreateAnalyses(dir, kinds{})
	if err != nil {
		t.Fatal(err)
	}
	first, second := sample(), sample()
	second.S, second.Strings = "the second", nil
	for _, e := range []struct {
		path string
		hash uint64
		v    kinds
	}{{"a/one.md", 1, first}, {"b/two.md", 2, second}, {"b/two.md", 3, first}} {
		if err := w.Add(e.path, e.hash, &e.v); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Add("c.md", 4, struct{ S string }{"x"}); err == nil {
		t.Error("a value of another type was added")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	a, err := OpenAnalyses(dir, kinds{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for _, tt := range []struct {
		path string
		hash uint64
		want *kinds
	}{
		{"a/one.md", 1, &first},
		{"b/two.md", 2, &second},
		{"b/two.md", 3, &first},
		{"a/one.md", 2, nil},
		{"c.md", 1, nil},
	} {
		var got kinds
		ok := a.Read(tt.path, tt.hash, &got)
		if ok != (tt.want != nil) || ok && !reflect.DeepEqual(got, *tt.want) {
			t.Errorf("Read(%s, %d) = %v, %+v; want %+v", tt.path, tt.hash, ok, got, tt.want)
		}
	}
	var other struct{ S string }
	if a.Read("a/one.md", 1, &other) {
		t.Error("read into another type")
	}
	if _, err := OpenAnalyses(dir, struct{ S string }{}); !errors.Is(err, ErrLayout) {
		t.Errorf("opened for another type: %v, want ErrLayout", err)
	}
	a.Close()
	var got kinds
	if a.Read("a/one.md", 1, &got) {
		t.Error("read after Close")
	}
}

// TestAnalysesDamaged: a file cut short is refused when opened; a value with a byte changed is
// not read (its caller analyses the file again); nothing panics.
func TestAnalysesDamaged(t *testing.T) {
	dir := t.TempDir()
	w, err := CreateAnalyses(dir, kinds{})
	if err != nil {
		t.Fatal(err)
	}
	v := sample()
	if err := w.Add("a.md", 1, v); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, analysesFile)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(data); n += max(1, len(data)/200) {
		if err := os.WriteFile(name, data[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if a, err := OpenAnalyses(dir, kinds{}); err == nil {
			a.Close()
			t.Fatalf("the file cut to %d of %d bytes was opened", n, len(data))
		}
	}
	for i := analysesHead; i < len(data)-analysesFoot; i++ {
		bad := append([]byte(nil), data...)
		bad[i] ^= 0x80
		if err := os.WriteFile(name, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := OpenAnalyses(dir, kinds{})
		if err != nil {
			continue // the table's checksum
		}
		var got kinds
		if a.Read("a.md", 1, &got) {
			t.Errorf("the value with byte %d changed was read", i)
		}
		a.Close()
	}
}
