package bleveindex

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Create creates an empty scorch index in dir, or in memory when dir is "". Scorch, not
// bleve.NewMemOnly: that builds the older upside_down index, several times slower here. On
// disk, the errors of writing it are kept by the watch returned.
func Create(dir string) (bleve.Index, *PersistWatch, error) {
	m, err := NewMapping()
	if err != nil {
		return nil, nil, err
	}
	if dir == "" {
		idx, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
		return idx, nil, err
	}
	// On disk, a batch returns once it is searchable; the index is written in the background
	// and is made current only when all of it is written (waitPersisted).
	watch := WatchPersisting(dir)
	idx, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, map[string]any{"unsafe_batch": true, "asyncErrorCallbackName": asyncErrorCallback})
	if err != nil {
		watch.Stop()
		return nil, nil, err
	}
	return idx, watch, nil
}

// Open opens the index on disk in dir, its errors of writing kept by the watch returned.
func Open(dir string) (bleve.Index, *PersistWatch, error) {
	watch := WatchPersisting(dir)
	idx, err := bleve.OpenUsing(dir, map[string]any{"asyncErrorCallbackName": asyncErrorCallback})
	if err != nil {
		watch.Stop()
		return nil, nil, err
	}
	return idx, watch, nil
}
