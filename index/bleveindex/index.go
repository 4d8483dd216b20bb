package bleveindex

import (
	"context"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
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
func Create(dir string) (*Index, error) {
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
	idx, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, map[string]any{"unsafe_batch": true, "asyncErrorCallbackName": asyncErrorCallback})
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
