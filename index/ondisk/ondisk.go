// Package ondisk keeps an index in a folder of its own (-index PATH) so that a crash or a kill
// at any moment leaves either a usable index or one the next start notices and rebuilds:
//
//	PATH/CURRENT                  the name of the complete index in use, replaced atomically
//	PATH/index-<stamp>/           one index: bleve/ (the engine's files), catalog, analyses, meta.json
//	PATH/index-<stamp>/UPDATING   present while the index is changed in place
//	PATH/LOCK                     locked (flock) by the server using the folder
//
// A new index is built in a new index-<stamp> folder and becomes current only when complete,
// by renaming a new CURRENT over the old one. Folders that CURRENT does not name are partial
// or replaced, and are removed. Nothing needs a manual step. The package knows files, not what
// is in them: the catalog is any value of exported fields (codec.go), the engine's folder is
// the engine's.
package ondisk

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

const (
	currentFile  = "CURRENT"
	metaFile     = "meta.json"
	catalogFile  = "catalog"
	engineDir    = "bleve"
	dirPrefix    = "index-"
	lockFile     = "LOCK"     // held while a server uses the folder
	updatingFile = "UPDATING" // written before an index is changed in place, removed once its catalog is saved
)

// Meta says what an index was built with: an index built otherwise is stale. Files are compared
// one by one by the catalog's owner.
type Meta struct {
	Version  int       `json:"version"`
	Registry uint64    `json:"registry"` // the registries' hash
	Built    time.Time `json:"built"`
}

// Why the current index cannot be used.
var (
	ErrNoIndex     = errors.New("no index yet")
	ErrStale       = errors.New("the index was built by another version of Readout or with other registries")
	ErrInterrupted = errors.New("an update of the index was cut short")
)

// Folder is an index folder, held by this process until it is closed.
type Folder struct {
	path string
	lock *os.File
}

// Open takes the index folder at path, creating it if need be. It refuses a folder that holds
// files that are not an index's (the folder's stale indexes are removed, and someone's
// documents must not be) and one another process holds.
func Open(path string) (*Folder, error) {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, err
	}
	if err := checkOwned(path); err != nil {
		return nil, err
	}
	lock, err := lockFolder(path)
	if err != nil {
		return nil, err
	}
	return &Folder{path: path, lock: lock}, nil
}

// Path is the folder's path.
func (f *Folder) Path() string { return f.path }

// Close lets the folder go, for another process to take.
func (f *Folder) Close() error {
	if f.lock == nil {
		return nil
	}
	err := f.lock.Close()
	f.lock = nil
	return err
}

// Current returns the folder of the index in use, if it was built as want says (the version
// and the registries) and no update of it was cut short; it reads its catalog into catalog (a
// pointer) and removes the other index folders.
func (f *Folder) Current(want Meta, catalog any) (dir string, err error) {
	name, err := os.ReadFile(filepath.Join(f.path, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", ErrNoIndex
	}
	if err != nil {
		return "", err
	}
	dir = filepath.Join(f.path, strings.TrimSpace(string(name)))
	if !strings.HasPrefix(filepath.Base(dir), dirPrefix) {
		return "", fmt.Errorf("%s names %q, not an index folder", currentFile, name)
	}
	b, err := os.ReadFile(filepath.Join(dir, metaFile))
	if err != nil {
		return "", err
	}
	var m Meta
	if err := json.Unmarshal(b, &m); err != nil {
		return "", fmt.Errorf("%s: %w", metaFile, err)
	}
	if m.Version != want.Version || m.Registry != want.Registry {
		return "", ErrStale
	}
	if _, err := os.Stat(filepath.Join(dir, updatingFile)); err == nil {
		return "", ErrInterrupted
	}
	if err := readCatalog(filepath.Join(dir, catalogFile), catalog); err != nil {
		return "", err
	}
	f.removeStale(filepath.Base(dir))
	return dir, nil
}

// EngineDir is where the search engine keeps its files in the index folder dir.
func EngineDir(dir string) string { return filepath.Join(dir, engineDir) }

// New makes the folder of a new index, beside the current one (other folders are removed, and
// the current one too when an update of it was cut short: it can never be used again, and a
// disk that filled up needs its room for the new one).
func (f *Folder) New() (string, error) {
	keep := f.currentName()
	if _, err := os.Stat(filepath.Join(f.path, keep, updatingFile)); keep != "" && err == nil {
		keep = ""
	}
	f.removeStale(keep)
	var r [4]byte
	rand.Read(r[:])
	dir := filepath.Join(f.path, dirPrefix+time.Now().UTC().Format("20060102T150405")+"-"+hex.EncodeToString(r[:]))
	if err := os.Mkdir(dir, 0o755); err != nil {
		return "", err
	}
	return dir, nil
}

// Remove removes an index folder that will not become current (a build that failed).
func Remove(dir string) {
	if dir != "" {
		os.RemoveAll(dir)
	}
}

// Commit saves the catalog and meta beside a complete index in dir and makes it current.
func (f *Folder) Commit(dir string, m Meta, catalog any) error {
	if err := writeCatalog(filepath.Join(dir, catalogFile), catalog); err != nil {
		return err
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if err := writeFileSync(filepath.Join(dir, metaFile), b); err != nil {
		return err
	}
	tmp := filepath.Join(f.path, currentFile+".tmp")
	if err := writeFileSync(tmp, []byte(filepath.Base(dir)+"\n")); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(f.path, currentFile)); err != nil {
		return err
	}
	syncDir(f.path)
	f.removeStale(filepath.Base(dir))
	return nil
}

// BeginUpdate marks the index in dir as being changed in place: until EndUpdate, Current
// refuses it (ErrInterrupted), so an update cut short is rebuilt at the next start.
func BeginUpdate(dir string) error {
	return writeFileSync(filepath.Join(dir, updatingFile), []byte(time.Now().UTC().Format(time.RFC3339)+"\n"))
}

// EndUpdate saves the catalog of the index changed in place in dir, then removes its mark.
func EndUpdate(dir string, catalog any) error {
	name := filepath.Join(dir, catalogFile)
	if err := writeCatalog(name+".tmp", catalog); err != nil {
		os.Remove(name + ".tmp")
		return err
	}
	if err := os.Rename(name+".tmp", name); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(dir, updatingFile)); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// checkOwned refuses an index path that holds files that are not an index's: Readout removes
// what it finds there, and must not remove someone's documents.
func checkOwned(path string) error {
	entries, err := os.ReadDir(path)
	if err != nil {
		return err
	}
	for _, e := range entries {
		n := e.Name()
		if n == currentFile || n == currentFile+".tmp" || n == lockFile || strings.HasPrefix(n, dirPrefix) {
			continue
		}
		return fmt.Errorf("the index folder %s holds %q, which is not part of an index: choose an empty or new folder", path, n)
	}
	return nil
}

func (f *Folder) currentName() string {
	b, err := os.ReadFile(filepath.Join(f.path, currentFile))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// removeStale removes the index folders other than keep: partial builds and replaced indexes.
func (f *Folder) removeStale(keep string) {
	entries, err := os.ReadDir(f.path)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), dirPrefix) && e.Name() != keep {
			os.RemoveAll(filepath.Join(f.path, e.Name()))
		}
	}
}

func writeCatalog(name string, catalog any) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := encodeCatalog(f, catalog); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readCatalog(name string, catalog any) error {
	data, release, err := mapFile(name)
	if err != nil {
		return err
	}
	// Nothing decoded refers to data: strings and slices are copies.
	defer release()
	if err := decodeCatalog(data, catalog); err != nil {
		return fmt.Errorf("%s: %w", catalogFile, err)
	}
	return nil
}

func writeFileSync(name string, b []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func syncDir(path string) {
	if d, err := os.Open(path); err == nil {
		d.Sync()
		d.Close()
	}
}
