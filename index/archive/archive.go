package archive

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/bleveindex"
	"github.com/readout/readout/index/catalog"
	"github.com/readout/readout/index/ondisk"
	"github.com/readout/readout/index/registry"
)

// Options configure an archive.
type Options struct {
	// Source is the archive folder: article files, read recursively.
	Source fs.FS
	// Registry holds the actors, topics, boilerplate rules and words of speech.
	Registry *registry.Registry
	// Path keeps the index on disk, reused when the archive has not changed. Empty keeps it
	// in memory.
	Path string
	// Logger receives progress and the files skipped; nil discards.
	Logger *slog.Logger
	// BatchSize is how many documents (articles and quotes) go to the index at once; 0 means
	// the default.
	BatchSize int
	// CacheBytes bounds the analysed articles kept for pages, in bytes (estimated); 0 means
	// the default, 64 MiB.
	CacheBytes int
	// CostlySearches is how many costly searches (see CostlySearch) may run at once; past
	// it, one gets ErrBusy at once. 0 means one for every two cores, at least one.
	CostlySearches int
	// CostlySearch and MaxSearchCost change the bounds of the same names; 0 keeps them.
	CostlySearch, MaxSearchCost int64
	// Rescan, when not 0, follows the folder while the archive serves: every Rescan, files
	// added, changed or removed are indexed (rescan.go).
	Rescan time.Duration
}

// Archive is the searchable archive: the catalog in memory, the bleve index, and the articles,
// read from the archive folder when a page needs them.
type Archive struct {
	src  fs.FS
	reg  *registry.Registry
	log  *slog.Logger
	path string
	text *bleveindex.TermAnalyzer // the text's analysis, as the index reads it

	state    atomic.Pointer[state]
	progress progress
	done     chan struct{}
	merged   chan struct{} // closed once the index is ready and merged (compact), or failed
	buildErr error
	cache    *articleCache
	costly   chan struct{} // a place for each costly search under way
	costlyAt int64         // the cost from which a search is costly
	maxCost  int64
	closing  context.CancelFunc
	closeMu  sync.Mutex
	folder   *ondisk.Folder // the index folder on disk (-index); nil in memory

	rescanMu   sync.Mutex     // one rescan at a time
	following  sync.WaitGroup // the periodic rescans, waited for by Close
	generation atomic.Uint64  // changes applied while serving
}

// state is an index and its catalog, swapped as one when ready.
type state struct {
	idx   *bleveindex.Index
	cat   *catalog.Catalog
	nums  *bleveindex.Numbering // the index's documents in the catalog's numbers
	dir   string                // the index's folder on disk, "" in memory
	costs termCosts             // how often terms occur, for the cost of searches
	// analyses are the articles' analyses saved with an index on disk (analysed.go); nil in
	// memory. An update in place leaves them as they were.
	analyses *ondisk.Analyses
}

func newState(idx *bleveindex.Index, cat *catalog.Catalog, dir string, analyses *ondisk.Analyses) *state {
	return &state{idx: idx, cat: cat, nums: bleveindex.NewNumbering(cat.Number), dir: dir, analyses: analyses}
}

// close closes the index.
func (st *state) close() error { return errors.Join(st.idx.Close(), st.analyses.Close()) }

// warm builds the catalog's columns and maps the index's segments in the background, once a
// state is served, so that its first search does not wait for them.
func (st *state) warm() {
	go st.cat.Warm()
	st.idx.Warm(st.nums)
}

// compact merges an index on disk into one segment once it is served (bleveindex.Index.Compact:
// a fifth less CPU for an uncached search on the White House corpus), so that neither a cold
// start nor a warm one waits for it; searches go on meanwhile on the segments they started
// with. A merge that cannot be written is given up (its context cancelled: bleve would try it
// again for ever) and logged; the index stays as it was.
func (a *Archive) compact(ctx context.Context, st *state) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	start, before := time.Now(), st.idx.Segments()
	if before > 1 {
		if err := st.idx.Compact(ctx); err != nil {
			if ctx.Err() == nil {
				a.log.Warn("the index could not be merged into one segment; searches read its segments", "path", a.path, "segments", before, "reason", err)
			}
			return
		}
		st.idx.Warm(st.nums) // the merged segment numbered before a search needs it
	}
	// Told even when there was nothing to merge: scripts/bench.sh and uncached.sh wait for it.
	a.log.Info("index in one segment", "segments_before", before, "took", time.Since(start).Round(time.Millisecond).String())
}

// progress counts the files indexed, for the log and for pages shown while indexing.
type progress struct {
	total, done atomic.Int64
	started     time.Time
}

// Open starts opening the archive: it reuses the index at o.Path when the archive has not
// changed, and builds it otherwise, in the background. The archive answers ErrNotReady until
// then; Wait waits for it.
func Open(ctx context.Context, o Options) (*Archive, error) {
	if o.Source == nil || o.Registry == nil {
		return nil, errors.New("index: Open needs a source and a registry")
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	text, err := bleveindex.NewTextAnalyzer()
	if err != nil {
		return nil, err
	}
	a := &Archive{
		src: o.Source, reg: o.Registry, log: log, path: o.Path, text: text,
		done:     make(chan struct{}),
		merged:   make(chan struct{}),
		cache:    newArticleCache(o.CacheBytes),
		costly:   make(chan struct{}, cmp.Or(o.CostlySearches, max(1, runtime.GOMAXPROCS(0)/2))),
		costlyAt: cmp.Or(o.CostlySearch, CostlySearch),
		maxCost:  cmp.Or(o.MaxSearchCost, MaxSearchCost),
	}
	if o.Path != "" {
		// Refused at once, before the server says it listens: a folder of someone's files
		// (Readout removes what it does not know there) or one another server is using.
		if a.folder, err = ondisk.Open(o.Path); err != nil {
			return nil, err
		}
	}
	a.progress.started = time.Now()
	bctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	a.closing = cancel
	go func() {
		defer close(a.done)
		merging := false
		defer func() {
			if !merging {
				close(a.merged)
			}
		}()
		st, err := a.build(bctx, o.BatchSize)
		if err != nil {
			a.buildErr = err
			if bctx.Err() != nil {
				a.buildErr = fmt.Errorf("%w: indexing was stopped", index.ErrNotReady)
				log.Info("indexing stopped", "done", a.progress.done.Load(), "of", a.progress.total.Load())
				return
			}
			log.Error("indexing failed", "err", err)
			return
		}
		a.state.Store(st)
		st.warm()
		if st.dir != "" {
			merging = true
			a.following.Go(func() {
				defer close(a.merged)
				a.compact(bctx, st)
			})
		}
		if o.Rescan > 0 {
			a.following.Go(func() { a.follow(bctx, o.Rescan) })
		}
	}()
	return a, nil
}

// Wait blocks until the index is ready, or has failed, or ctx is done.
func (a *Archive) Wait(ctx context.Context) error {
	select {
	case <-a.done:
		return a.buildErr
	case <-ctx.Done():
		return ctx.Err()
	}
}

// WaitMerged blocks until the index is ready and, on disk, merged into one segment (or the merge
// was given up), or ctx is done: what a benchmark measures after.
func (a *Archive) WaitMerged(ctx context.Context) error {
	select {
	case <-a.merged:
		return a.buildErr
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Ready reports whether the index is complete and searchable.
func (a *Archive) Ready() bool { return a.state.Load() != nil }

// Progress reports how far indexing has come.
func (a *Archive) Progress() index.Progress {
	p := index.Progress{
		Done:    int(a.progress.done.Load()),
		Total:   int(a.progress.total.Load()),
		Elapsed: time.Since(a.progress.started),
	}
	if p.Done > 0 && p.Total > p.Done {
		p.Remaining = time.Duration(float64(p.Elapsed) / float64(p.Done) * float64(p.Total-p.Done))
	}
	return p
}

// StopIndexing abandons a build or an update of the index under way, at once: the archive then
// answers ErrNotReady until it is closed. An index on disk is left as a crash would leave it,
// and the next start repairs or rebuilds it. A complete index is left alone.
func (a *Archive) StopIndexing() { a.closing() }

// Close stops indexing and closes the index. An in-memory or temporary index is gone after it.
func (a *Archive) Close() error {
	a.closeMu.Lock()
	defer a.closeMu.Unlock()
	a.closing()
	<-a.done
	a.following.Wait()
	if a.folder != nil {
		defer a.folder.Close()
	}
	st := a.state.Swap(nil)
	if st == nil {
		return nil
	}
	err := st.close()
	if a.path == "" && st.dir != "" {
		err = errors.Join(err, os.RemoveAll(st.dir))
	}
	return err
}

func (a *Archive) current() (*state, error) {
	st := a.state.Load()
	if st == nil {
		select {
		case <-a.done:
			if a.buildErr != nil {
				return nil, fmt.Errorf("the index could not be built: %w", a.buildErr)
			}
		default:
		}
		return nil, index.ErrNotReady
	}
	return st, nil
}
