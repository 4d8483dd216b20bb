// Package tarfs serves a .tar.gz archive of articles as a read-only file system held in memory,
// so a corpus can be served as it is distributed (`-seeds corpus.tar.gz`). Only regular files
// with clean relative paths are kept; everything is bounded: a tarball of endless or enormous
// files, or one that unpacks to more than MaxTotal bytes, is refused.
package tarfs

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"time"
)

// Bounds on what is unpacked into memory.
const (
	MaxTotal = 1 << 30 // bytes of file content in all
	MaxFile  = 8 << 20 // bytes of one file; bigger ones are listed with their size but no content
	MaxFiles = 1 << 20
)

// FS is a file system read from a tarball.
type FS struct {
	files map[string]*file
	dirs  map[string][]string // folder → names of its entries, sorted
}

type file struct {
	name    string
	data    []byte
	size    int64
	modTime time.Time
	tooBig  bool
	dir     bool
}

// Open reads a .tar.gz file into memory.
func Open(name string) (*FS, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f)
}

// Read reads a gzip-compressed tar stream into memory.
func Read(r io.Reader) (*FS, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a gzip file: %w", err)
	}
	defer zr.Close()
	t := &FS{files: map[string]*file{}, dirs: map[string][]string{".": nil}}
	tr := tar.NewReader(zr)
	var total int64
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading the tarball: %w", err)
		}
		if h.Typeflag != tar.TypeReg {
			continue // folders come from the files' paths; links and devices are not served
		}
		p := path.Clean(strings.TrimPrefix(h.Name, "./"))
		if !fs.ValidPath(p) || p == "." || strings.HasPrefix(p, "../") {
			continue
		}
		if len(t.files) >= MaxFiles {
			return nil, fmt.Errorf("the tarball holds more than %d files", MaxFiles)
		}
		fl := &file{name: path.Base(p), size: h.Size, modTime: h.ModTime}
		if h.Size > MaxFile {
			fl.tooBig = true
		} else {
			if total += h.Size; total > MaxTotal {
				return nil, fmt.Errorf("the tarball unpacks to more than %d bytes", MaxTotal)
			}
			fl.data, err = io.ReadAll(io.LimitReader(tr, h.Size))
			if err != nil {
				return nil, fmt.Errorf("reading %s from the tarball: %w", p, err)
			}
		}
		t.files[p] = fl
		t.addToDirs(p)
	}
	for d := range t.dirs {
		slices.Sort(t.dirs[d])
		t.dirs[d] = slices.Compact(t.dirs[d])
	}
	return t, nil
}

func (t *FS) addToDirs(p string) {
	for {
		dir, name := path.Split(p)
		dir = strings.TrimSuffix(dir, "/")
		if dir == "" {
			dir = "."
		}
		t.dirs[dir] = append(t.dirs[dir], name)
		if dir == "." {
			return
		}
		if _, seen := t.dirs[dir]; seen && len(t.dirs[dir]) > 1 {
			return
		}
		p = dir
	}
}

// Open opens a file or a folder.
func (t *FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f, ok := t.files[name]; ok {
		if f.tooBig {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("more than the %d bytes a file may have here", MaxFile)}
		}
		return &openFile{f: f}, nil
	}
	if entries, ok := t.dirs[name]; ok {
		return &openDir{t: t, name: name, entries: entries}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Stat describes a file or a folder without opening it.
func (t *FS) Stat(name string) (fs.FileInfo, error) {
	if f, ok := t.files[name]; ok {
		return info{f}, nil
	}
	if _, ok := t.dirs[name]; ok {
		return info{&file{name: path.Base(name), dir: true}}, nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

// ReadDir lists a folder, sorted by name.
func (t *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, ok := t.dirs[name]
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, 0, len(entries))
	for _, e := range entries {
		full := path.Join(name, e)
		if f, ok := t.files[full]; ok {
			out = append(out, fs.FileInfoToDirEntry(info{f}))
		} else {
			out = append(out, fs.FileInfoToDirEntry(info{&file{name: e, dir: true}}))
		}
	}
	return out, nil
}

// info describes a file or a folder.
type info struct{ f *file }

func (i info) Name() string       { return i.f.name }
func (i info) Size() int64        { return i.f.size }
func (i info) ModTime() time.Time { return i.f.modTime }
func (i info) IsDir() bool        { return i.f.dir }
func (i info) Sys() any           { return nil }
func (i info) Mode() fs.FileMode {
	if i.IsDir() {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

type openFile struct {
	f   *file
	off int
}

func (o *openFile) Stat() (fs.FileInfo, error) { return info{o.f}, nil }
func (o *openFile) Close() error               { return nil }
func (o *openFile) Read(b []byte) (int, error) {
	if o.off >= len(o.f.data) {
		return 0, io.EOF
	}
	n := copy(b, o.f.data[o.off:])
	o.off += n
	return n, nil
}

type openDir struct {
	t       *FS
	name    string
	entries []string
	read    int
}

func (d *openDir) Stat() (fs.FileInfo, error) {
	return info{&file{name: path.Base(d.name), dir: true}}, nil
}
func (d *openDir) Close() error { return nil }
func (d *openDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errors.New("is a folder")}
}

func (d *openDir) ReadDir(n int) ([]fs.DirEntry, error) {
	all, err := d.t.ReadDir(d.name)
	if err != nil {
		return nil, err
	}
	rest := all[d.read:]
	if n > 0 && len(rest) > n {
		rest = rest[:n]
	}
	d.read += len(rest)
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	return rest, nil
}
