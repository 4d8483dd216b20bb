package index

import (
	"bufio"
	"crypto/rand"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/readout/readout/index/registry"
)

// An index kept on disk (-index PATH) is a folder of its own:
//
//	PATH/CURRENT            the name of the complete index in use, replaced atomically
//	PATH/index-<stamp>/     one complete index: bleve/, catalog.gob, meta.json
//	PATH/LOCK               locked (flock) by the server using the folder
//
// A new index is built in a new index-<stamp> folder and becomes current only when complete,
// by renaming a new CURRENT over the old one. A crash or kill at any moment leaves the old
// index current, or none; folders that CURRENT does not name are partial and are removed at the
// next start. Nothing needs a manual step.
const (
	currentFile = "CURRENT"
	metaFile    = "meta.json"
	catalogFile = "catalog.gob"
	bleveDir    = "bleve"
	dirPrefix   = "index-"
	lockFile    = "LOCK" // held while a server uses the folder
)

// meta says what an index was built with; files are compared one by one (catalog.Files).
type meta struct {
	Version  int       `json:"version"`
	Registry uint64    `json:"registry"` // the registries' hash
	Built    time.Time `json:"built"`
}

var (
	errNoIndex     = errors.New("no index yet")
	errStale       = errors.New("the index was built by another version of Readout or with other registries")
	errInterrupted = errors.New("an update of the index was cut short")
)

// openStored opens the current index under path, if it was built by this version of Readout
// with these registries and no update of it was cut short.
func openStored(path string, reg *registry.Registry) (*state, error) {
	name, err := os.ReadFile(filepath.Join(path, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, errNoIndex
	}
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(path, strings.TrimSpace(string(name)))
	if !strings.HasPrefix(filepath.Base(dir), dirPrefix) {
		return nil, fmt.Errorf("%s names %q, not an index folder", currentFile, name)
	}
	b, err := os.ReadFile(filepath.Join(dir, metaFile))
	if err != nil {
		return nil, err
	}
	var m meta
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", metaFile, err)
	}
	if m.Version != indexVersion || m.Registry != reg.Hash {
		return nil, errStale
	}
	if _, err := os.Stat(filepath.Join(dir, updatingFile)); err == nil {
		return nil, errInterrupted
	}
	cat, err := readCatalog(filepath.Join(dir, catalogFile))
	if err != nil {
		return nil, err
	}
	idx, watch, err := openBleve(filepath.Join(dir, bleveDir))
	if err != nil {
		return nil, fmt.Errorf("opening the bleve index: %w", err)
	}
	cat.finish(reg)
	removeStale(path, filepath.Base(dir))
	return &state{idx: idx, cat: cat, dir: filepath.Join(dir, bleveDir), persist: watch}, nil
}

// newIndexDir returns the folder a new bleve index is built in: "" for one in memory, or a new
// index-<stamp>/bleve folder under the archive's index path.
func (a *Archive) newIndexDir() (string, error) {
	if a.path == "" {
		return "", nil
	}
	removeStale(a.path, currentName(a.path))
	var r [4]byte
	rand.Read(r[:])
	dir := filepath.Join(a.path, dirPrefix+time.Now().UTC().Format("20060102T150405")+"-"+hex.EncodeToString(r[:]))
	if err := os.Mkdir(dir, 0o755); err != nil {
		return "", err
	}
	return filepath.Join(dir, bleveDir), nil
}

func (a *Archive) removeIndexDir(dir string) {
	if dir != "" {
		os.RemoveAll(filepath.Dir(dir))
	}
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

func currentName(path string) string {
	b, err := os.ReadFile(filepath.Join(path, currentFile))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// removeStale removes the index folders other than keep: partial builds and replaced indexes.
func removeStale(path, keep string) {
	entries, err := os.ReadDir(path)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), dirPrefix) && e.Name() != keep {
			os.RemoveAll(filepath.Join(path, e.Name()))
		}
	}
}

// store writes the catalog and meta beside a complete bleve index and makes it current.
func store(path, bleveDirPath string, reg *registry.Registry, cat *catalog) error {
	dir := filepath.Dir(bleveDirPath)
	if err := writeCatalog(filepath.Join(dir, catalogFile), cat); err != nil {
		return err
	}
	b, err := json.Marshal(meta{Version: indexVersion, Registry: reg.Hash, Built: time.Now().UTC()})
	if err != nil {
		return err
	}
	if err := writeFileSync(filepath.Join(dir, metaFile), b); err != nil {
		return err
	}
	tmp := filepath.Join(path, currentFile+".tmp")
	if err := writeFileSync(tmp, []byte(filepath.Base(dir)+"\n")); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(path, currentFile)); err != nil {
		return err
	}
	syncDir(path)
	removeStale(path, filepath.Base(dir))
	return nil
}

func writeCatalog(name string, cat *catalog) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := gob.NewEncoder(w).Encode(cat); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readCatalog(name string) (*catalog, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cat catalog
	if err := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&cat); err != nil {
		return nil, fmt.Errorf("%s: %w", catalogFile, err)
	}
	return &cat, nil
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
