// Package unionfs serves several archives as one file system: each under a folder of its own
// name ("embedded/…", "wh-briefings/…", "ungdc/…"), so that a file's path says which archive it
// comes from and two archives' files never share a path.
package unionfs

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A Mount is one archive and the folder name it is served under.
type Mount struct {
	Name string
	FS   fs.FS
}

// FS is the union of its mounts. It implements fs.ReadDirFS and fs.StatFS.
type FS struct {
	mounts []Mount
}

// New returns the union of mounts, in their order. Names must be valid single path elements
// and distinct (Names makes them so).
func New(mounts ...Mount) (*FS, error) {
	seen := map[string]bool{}
	for _, m := range mounts {
		if !fs.ValidPath(m.Name) || m.Name == "." || strings.Contains(m.Name, "/") {
			return nil, errors.New("unionfs: " + m.Name + " is not a folder's name")
		}
		if seen[m.Name] {
			return nil, errors.New("unionfs: two archives named " + m.Name)
		}
		seen[m.Name] = true
	}
	return &FS{mounts: slices.Clone(mounts)}, nil
}

// Names makes each wanted name distinct, in order: "wh", "wh-2", "wh-3".
func Names(wanted []string) []string {
	out := make([]string, len(wanted))
	used := map[string]bool{}
	for i, w := range wanted {
		name := w
		for n := 2; used[name]; n++ {
			name = w + "-" + strconv.Itoa(n)
		}
		used[name] = true
		out[i] = name
	}
	return out
}

// split returns the mount a path is under and the path inside it.
func (u *FS) split(op, name string) (Mount, string, error) {
	if !fs.ValidPath(name) {
		return Mount{}, "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	first, rest, _ := strings.Cut(name, "/")
	if rest == "" {
		rest = "."
	}
	for _, m := range u.mounts {
		if m.Name == first {
			return m, rest, nil
		}
	}
	return Mount{}, "", &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

// Open opens a file of one of the archives, or the root, whose entries are the mounts.
func (u *FS) Open(name string) (fs.File, error) {
	if name == "." {
		return &root{u: u}, nil
	}
	m, rest, err := u.split("open", name)
	if err != nil {
		return nil, err
	}
	f, err := m.FS.Open(rest)
	if err != nil {
		return nil, rename(err, name)
	}
	if rest == "." {
		return &mountRoot{File: f, name: name}, nil
	}
	return f, nil
}

// ReadDir lists a folder of one of the archives, or the mounts.
func (u *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == "." {
		out := make([]fs.DirEntry, 0, len(u.mounts))
		for _, m := range u.mounts {
			out = append(out, fs.FileInfoToDirEntry(u.mountInfo(m)))
		}
		return out, nil
	}
	m, rest, err := u.split("readdir", name)
	if err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(m.FS, rest)
	return entries, rename(err, name)
}

// Stat describes a file of one of the archives, a mount or the root.
func (u *FS) Stat(name string) (fs.FileInfo, error) {
	if name == "." {
		return dirInfo{name: "."}, nil
	}
	m, rest, err := u.split("stat", name)
	if err != nil {
		return nil, err
	}
	if rest == "." {
		return u.mountInfo(m), nil
	}
	info, err := fs.Stat(m.FS, rest)
	return info, rename(err, name)
}

// mountInfo describes a mount as a folder of the root, with its archive's modification time
// when the archive gives one (a folder does; the embedded files do not).
func (u *FS) mountInfo(m Mount) fs.FileInfo {
	info := dirInfo{name: m.Name}
	if st, err := fs.Stat(m.FS, "."); err == nil {
		info.mod = st.ModTime()
	}
	return info
}

// rename puts the union's path in an error from a mount.
func rename(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return err
}

// root is the union's root folder: its entries are the mounts, listed once when first read.
type root struct {
	u       *FS
	entries []fs.DirEntry
	read    int
}

func (r *root) Stat() (fs.FileInfo, error) { return dirInfo{name: "."}, nil }
func (r *root) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: ".", Err: errors.New("is a directory")}
}
func (r *root) Close() error { return nil }

func (r *root) ReadDir(n int) ([]fs.DirEntry, error) {
	if r.entries == nil {
		r.entries, _ = r.u.ReadDir(".")
	}
	all := r.entries
	rest := all[r.read:]
	if n <= 0 {
		r.read = len(all)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	r.read += len(rest)
	return rest, nil
}

// mountRoot is a mount's root folder opened through the union: named as the mount.
type mountRoot struct {
	fs.File
	name string
}

func (m *mountRoot) Stat() (fs.FileInfo, error) {
	info, err := m.File.Stat()
	if err != nil {
		return nil, err
	}
	return dirInfo{name: m.name, mod: info.ModTime()}, nil
}

func (m *mountRoot) ReadDir(n int) ([]fs.DirEntry, error) {
	d, ok := m.File.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: m.name, Err: errors.New("not a directory")}
	}
	return d.ReadDir(n)
}

// dirInfo describes a folder the union makes: the root, or a mount.
type dirInfo struct {
	name string
	mod  time.Time
}

func (d dirInfo) Name() string       { return d.name }
func (d dirInfo) Size() int64        { return 0 }
func (d dirInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o555 }
func (d dirInfo) ModTime() time.Time { return d.mod }
func (d dirInfo) IsDir() bool        { return true }
func (d dirInfo) Sys() any           { return nil }
