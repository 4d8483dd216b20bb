package bleveindex

import (
	"context"
	"maps"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// Index is a bleve index of the archive's articles and quotes, in memory or on disk. Callers
// speak to it in the types of package index and this package's own: no bleve type crosses it.
type Index struct {
	b     bleve.Index
	watch *PersistWatch // the errors of writing it on disk; nil in memory
}

// Create creates an empty scorch index in dir, or in memory when dir is "". Scorch, not
// bleve.NewMemOnly: that builds the older upside_down index, several times slower here. On
// disk, the errors of writing it are kept (PersistErr).
func Create(dir string) (*Index, error) { return create(dir, nil) }

// create is Create with more of scorch's settings (tests: a merge plan).
func create(dir string, settings map[string]any) (*Index, error) {
	m, err := NewMapping()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		idx, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
		if err != nil {
			return nil, err
		}
		return &Index{b: idx}, nil
	}
	// On disk, a batch returns once it is searchable; the index is written in the background
	// and is made current only when all of it is written (WaitPersisted).
	watch := WatchPersisting(dir)
	config := map[string]any{"unsafe_batch": true, "asyncErrorCallbackName": asyncErrorCallback}
	maps.Copy(config, settings)
	idx, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, config)
	if err != nil {
		watch.Stop()
		return nil, err
	}
	return &Index{b: idx, watch: watch}, nil
}

// Open opens the index on disk in dir, its errors of writing kept (PersistErr).
func Open(dir string) (*Index, error) {
	watch := WatchPersisting(dir)
	idx, err := bleve.OpenUsing(dir, map[string]any{"asyncErrorCallbackName": asyncErrorCallback})
	if err != nil {
		watch.Stop()
		return nil, err
	}
	return &Index{b: idx, watch: watch}, nil
}

// Close closes the index.
func (x *Index) Close() error {
	x.watch.Stop()
	return x.b.Close()
}

// PersistErr returns the error writing the index on disk, if there was one; it does not wait.
func (x *Index) PersistErr() error { return x.watch.Err() }

// WaitPersisted waits until an index on disk has written and merged everything it was given:
// batches return once searchable, and the index is made current only once it is all on disk.
// A failure to write it ends the wait (bleve would try again for ever): the caller reads it
// from PersistErr. In memory it returns at once (the merger of an index in memory stays active).
func (x *Index) WaitPersisted(ctx context.Context) error {
	if x.watch == nil {
		return nil
	}
	adv, err := x.b.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	for {
		m := s.StatsMap()
		if m == nil || x.watch.Err() != nil {
			return nil
		}
		if active, ok := m["index_bgthreads_active"].(bool); !ok || !active {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// Compact merges an index on disk into one segment. A search looks each of its terms up, and
// walks their postings, segment by segment, and a built index is a dozen segments of batches
// merged as they came: one segment was a fifth less CPU for an uncached search on the White
// House corpus, for about 8 s more of building it. An index in memory is left as it is (bleve
// merges only indexes on disk). It returns when the index is one segment, or when writing it
// fails (PersistErr: the caller then closes the index, which stops bleve trying the merge
// again), or when ctx is done.
func (x *Index) Compact(ctx context.Context) error {
	if x.watch == nil {
		return nil
	}
	adv, err := x.b.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	segments := func() uint64 {
		m := s.StatsMap()
		files, _ := m["num_root_filesegments"].(uint64)
		mem, _ := m["num_root_memorysegments"].(uint64)
		return files + mem
	}
	opts := mergeplan.SingleSegmentMergePlanOptions
	opts.SegmentsPerMergeTask = 1 << 10 // all at once, not ten at a time
	// A merge plan may leave more than one segment: asked again, it merges those.
	for range 4 {
		if segments() <= 1 {
			return nil
		}
		merged := make(chan error, 1)
		go func() { merged <- s.ForceMerge(ctx, &opts) }()
	wait:
		for {
			select {
			case err := <-merged:
				if err != nil {
					return err
				}
				break wait
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(20 * time.Millisecond):
				// A merge that cannot be written is tried again for ever, and ForceMerge
				// waits for it: the failure is told only to the watch.
				if err := x.watch.Err(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// Segments is the number of segments the index is in now.
func (x *Index) Segments() int {
	r, err := x.Reader()
	if err != nil {
		return 0
	}
	defer r.Close()
	if snap, ok := r.r.(*scorch.IndexSnapshot); ok {
		return len(snap.Segments())
	}
	return 0
}
