package bleveindex

import (
	"errors"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// bleve writes an index on disk in the background: a batch returns once searchable, and its
// persister writes it later. When that write fails (no space left on device), the persister
// tries again at once, for ever, and nothing returns the error: it only goes to a callback.
// persistErrors takes it from there to the build that waits for that index.
const asyncErrorCallback = "readout"

var persistErrors = struct {
	mu      sync.Mutex
	watches map[string]*PersistWatch // by the index's folder
}{watches: map[string]*PersistWatch{}}

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = func(err error, path string) {
		// path is the index's store, a folder in the index's folder.
		persistErrors.mu.Lock()
		w := persistErrors.watches[filepath.Dir(path)]
		persistErrors.mu.Unlock()
		if w != nil {
			w.report(err)
		}
	}
}

// PersistWatch holds the first error writing one index on disk.
type PersistWatch struct {
	dir  string
	once sync.Once
	errc chan error
}

// WatchPersisting starts keeping the errors of writing the index in dir.
func WatchPersisting(dir string) *PersistWatch {
	w := &PersistWatch{dir: dir, errc: make(chan error, 1)}
	persistErrors.mu.Lock()
	persistErrors.watches[dir] = w
	persistErrors.mu.Unlock()
	return w
}

func (w *PersistWatch) report(err error) {
	msg := err.Error()
	var se *scorch.ScorchError
	if errors.As(err, &se) {
		msg = se.ErrMsg // without bleve's names of its parts
	}
	w.once.Do(func() { w.errc <- errors.New(msg) })
}

// Err returns the error writing the index, if there was one; it does not wait.
func (w *PersistWatch) Err() error {
	if w == nil {
		return nil
	}
	select {
	case err := <-w.errc:
		w.errc <- err // kept for the next caller
		return err
	default:
		return nil
	}
}

// Stop stops keeping errors for the index: it is closed, or it is fine.
func (w *PersistWatch) Stop() {
	if w == nil {
		return
	}
	persistErrors.mu.Lock()
	if persistErrors.watches[w.dir] == w {
		delete(persistErrors.watches, w.dir)
	}
	persistErrors.mu.Unlock()
}
