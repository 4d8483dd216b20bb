// Package tarfs serves a .tar.gz archive of articles as a read-only file system held in memory,
// so a corpus can be served as it is distributed (`-seeds corpus.tar.gz`). Only regular files
// with clean relative paths are kept; everything is bounded: a tarball of endless or enormous
// files, of endless entries or paths, or one that unpacks to more than it may, is refused, and
// the content of a file that cannot be served is never held. Every entry left out is listed
// with the reason (Dropped), for the log.
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

// Bounds on what is read and held.
const (
	MaxTotal    = 1 << 30 // bytes of file content held in all
	MaxFile     = 2 << 20 // bytes of one file held, by default; bigger ones are listed with their size but no content
	MaxEntries  = 1 << 20 // entries of any kind
	MaxUnpacked = 4 << 30 // bytes of the tar stream, unpacked: headers, contents and padding
	MaxPath     = 1024    // bytes of one entry's path
	MaxDepth    = 32      // folders above one entry
	maxDropped  = 1000    // entries dropped that are listed; the others are counted
)

// Options say what is held in memory.
type Options struct {
	// MaxFile bounds one file's content held; a bigger file is listed with its size, and its
	// content is passed over as the stream is read. 0 means MaxFile.
	MaxFile int64
	// Hold reports whether a file's content is wanted (articles and registries, say); the
	// others are listed with their size only, and cannot be opened. nil holds every file.
	Hold func(name string) bool
	// MaxUnpacked bounds the tar stream, unpacked; 0 means MaxUnpacked.
	MaxUnpacked int64
}

// Dropped is an entry of the tarball that is not served, and why.
type Dropped struct {
	Path   string
	Reason string
}

// FS is a file system read from a tarball.
type FS struct {
	files   map[string]*file
	dirs    map[string][]string // folder → names of its entries, sorted
	dropped []Dropped
	more    int // entries dropped past maxDropped
}

type file struct {
	name    string
	data    []byte
	size    int64
	modTime time.Time
	tooBig  bool
	notHeld bool
	dir     bool
}

// Open reads a .tar.gz file into memory.
func Open(name string, o Options) (*FS, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, o)
}

// countingReader fails once more than max bytes have been read through it.
type countingReader struct {
	r   io.Reader
	n   int64
	max int64
}

var errUnpacksTooBig = errors.New("the tarball unpacks to more than it may")

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	if c.n += int64(n); c.n > c.max {
		return n, errUnpacksTooBig
	}
	return n, err
}

// Read reads a gzip-compressed tar stream into memory.
func Read(r io.Reader, o Options) (*FS, error) {
	if o.MaxFile <= 0 {
		o.MaxFile = MaxFile
	}
	if o.MaxUnpacked <= 0 {
		o.MaxUnpacked = MaxUnpacked
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a gzip file: %w", err)
	}
	defer zr.Close()
	t := &FS{files: map[string]*file{}, dirs: map[string][]string{".": nil}}
	tr := tar.NewReader(&countingReader{r: zr, max: o.MaxUnpacked})
	var total int64
	for entries := 1; ; entries++ {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if errors.Is(err, errUnpacksTooBig) {
				return nil, fmt.Errorf("the tarball unpacks to more than %d bytes", o.MaxUnpacked)
			}
			return nil, fmt.Errorf("reading the tarball: %w", err)
		}
		if entries > MaxEntries {
			return nil, fmt.Errorf("the tarball holds more than %d entries", MaxEntries)
		}
		p, why := t.place(h)
		if why != "" {
			t.drop(p, why)
			continue
		}
		if p == "" {
			continue // a folder (they come from the files' paths) or a header of the format
		}
		fl := &file{name: path.Base(p), size: h.Size, modTime: h.ModTime}
		switch {
		case h.Size > o.MaxFile:
			// Passed over as the stream is read: never held.
			fl.tooBig = true
		case o.Hold != nil && !o.Hold(p):
			fl.notHeld = true
		default:
			if total += h.Size; total > MaxTotal {
				return nil, fmt.Errorf("the tarball's files hold more than %d bytes", MaxTotal)
			}
			fl.data, err = io.ReadAll(io.LimitReader(tr, h.Size))
			if err != nil {
				if errors.Is(err, errUnpacksTooBig) {
					return nil, fmt.Errorf("the tarball unpacks to more than %d bytes", o.MaxUnpacked)
				}
				return nil, fmt.Errorf("reading %s from the tarball: %w", p, err)
			}
		}
		if old, ok := t.files[p]; ok {
			// As when the tarball is unpacked, the later copy is the one served.
			total -= int64(len(old.data))
			t.drop(p, "a second copy of this path in the tarball: the later one is served")
		} else {
			t.addToDirs(p)
		}
		t.files[p] = fl
	}
	for d := range t.dirs {
		slices.Sort(t.dirs[d])
		t.dirs[d] = slices.Compact(t.dirs[d])
	}
	return t, nil
}

// place returns where an entry goes: the path of a regular file to keep, "" for an entry that
// is nothing to serve and nothing to report (a folder, a format's header), or a reason to drop
// it. Every step is linear in the path's length, bounded by MaxPath and MaxDepth.
func (t *FS) place(h *tar.Header) (p, why string) {
	name := h.Name
	switch h.Typeflag {
	case tar.TypeDir, tar.TypeXGlobalHeader, tar.TypeXHeader, tar.TypeGNULongName, tar.TypeGNULongLink:
		if len(name) > MaxPath {
			return clip(name), fmt.Sprintf("a folder's path of %d bytes, more than the %d one may have", len(name), MaxPath)
		}
		return "", ""
	case tar.TypeReg:
	case tar.TypeSymlink, tar.TypeLink:
		return clip(name), "a link, not followed"
	default:
		return clip(name), "not a regular file"
	}
	if len(name) > MaxPath {
		return clip(name), fmt.Sprintf("a path of %d bytes, more than the %d one may have", len(name), MaxPath)
	}
	p = path.Clean(strings.TrimPrefix(name, "./"))
	if !fs.ValidPath(p) || p == "." {
		return clip(name), "a path that leaves the archive folder"
	}
	if depth := strings.Count(p, "/"); depth > MaxDepth {
		return clip(p), fmt.Sprintf("%d folders deep, more than the %d a file may be", depth, MaxDepth)
	}
	if _, isDir := t.dirs[p]; isDir {
		return p, "a file where the tarball has a folder of that name"
	}
	// Up the folders above it: none may be a file. A folder known already was checked when it
	// was added, and so were those above it.
	for dir := p; ; {
		i := strings.LastIndexByte(dir, '/')
		if i < 0 {
			break
		}
		dir = dir[:i]
		if _, known := t.dirs[dir]; known {
			break
		}
		if _, isFile := t.files[dir]; isFile {
			return p, fmt.Sprintf("under %s, which is a file", dir)
		}
	}
	return p, ""
}

func (t *FS) drop(p, why string) {
	if len(t.dropped) < maxDropped {
		t.dropped = append(t.dropped, Dropped{p, why})
	} else {
		t.more++
	}
}

// Dropped lists the entries that are not served, and why: the first thousand, in the tarball's
// order, and how many more there were.
func (t *FS) Dropped() (list []Dropped, more int) { return t.dropped, t.more }

// clip shortens a path for the log.
func clip(p string) string {
	if len(p) <= 200 {
		return p
	}
	return strings.ToValidUTF8(p[:200], "") + "…"
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
			return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%d bytes, more than a file may have here", f.size)}
		}
		if f.notHeld {
			return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("not read from the tarball: not an article or a registry")}
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
