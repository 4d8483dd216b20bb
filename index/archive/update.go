package archive

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/load"
	"github.com/readout/readout/index/ondisk"
)

// update changes an index in place, on disk at a start or in memory or on disk while serving
// (rescan.go). The ids of a plain id's documents depend on all its files (catalog/ids.go), so every
// plain id a removed, changed or added file had or has is done again whole: its old documents
// are deleted, all its files read, and its documents indexed under the ids the rule gives them
// now. Other documents are left as they are, and a new catalog is made (and saved, on disk).
func (a *Archive) update(ctx context.Context, st *state, files []load.File, problems []index.Problem, ch *load.Diff) (*state, error) {
	// On disk, the index is marked as being changed until its new catalog is saved; in memory
	// (st.dir is "") there is nothing to save.
	onDisk := st.dir != ""
	folder := filepath.Dir(st.dir)
	if onDisk {
		if err := ondisk.BeginUpdate(folder); err != nil {
			return nil, writing(err)
		}
	}
	old := st.cat
	oldPlain := make(map[string]string, len(old.Files))
	for _, f := range old.Files {
		oldPlain[f.Path] = f.Plain
	}
	for i := range files {
		if u, ok := ch.Unchanged[files[i].Path]; ok {
			files[i] = u
		}
	}

	// Read the changed files, then the unchanged ones that share a plain id with a file that
	// came, went or changed, in file order, on every core.
	cb := old.Builder(files, problems)
	fresh := map[string]*index.Article{}
	read := func(which []int) error {
		subset := make([]load.File, len(which))
		for k, i := range which {
			subset[k] = files[i]
		}
		err := load.AnalyseFiles(ctx, a.src, a.reg, subset, func(k int, l load.Loaded) error {
			// A disk that cannot take the index fails the update now.
			if err := writing(st.idx.PersistErr()); err != nil {
				return err
			}
			cb.Read(which[k], l)
			if l.Err == nil {
				fresh[files[which[k]].Path] = l.Article
			}
			return nil
		})
		return err
	}
	if err := read(ch.Changed); err != nil {
		return nil, err
	}
	affected := map[string]bool{}
	for _, f := range ch.Removed {
		affected[f.Plain] = true
	}
	for _, i := range ch.Changed {
		affected[oldPlain[files[i].Path]] = true
		affected[files[i].Plain] = true
	}
	delete(affected, "")
	var again []int
	for i, f := range files {
		if _, ok := ch.Unchanged[f.Path]; ok && affected[f.Plain] {
			again = append(again, i)
		}
	}
	if err := read(again); err != nil {
		return nil, err
	}

	batch := st.idx.NewBatch()
	articles, quotes := old.Stale(affected)
	for _, id := range articles {
		batch.DeleteArticle(id)
	}
	for _, id := range quotes {
		batch.DeleteQuote(id)
	}
	cb.AssignIDs()
	for i := range files {
		if art, ok := fresh[files[i].Path]; ok {
			id, primary := cb.Document(i)
			if !primary {
				continue
			}
			cb.Final(art, id)
			if err := batch.Add(art); err != nil {
				return nil, err
			}
		}
	}
	if err := st.idx.Apply(batch); err != nil {
		return nil, fmt.Errorf("updating the index: %w", err)
	}
	// In memory a batch is complete when it returns (and waitPersisted would wait for ever: the
	// merger of an index in memory stays active).
	if onDisk {
		if err := waitPersisted(ctx, st.idx); err != nil {
			return nil, err
		}
	}

	// The new catalog, in file order: unchanged documents as they were, the others anew.
	cat := cb.Catalog()
	// Only the documents read again, and those near them in time, are scanned for echoes.
	reread := func(path string) bool { _, ok := fresh[path]; return ok }
	if err := a.linkEchoes(ctx, cat, old, reread); err != nil {
		return nil, err
	}
	if !onDisk {
		return newState(st.idx, cat, st.dir, st.analyses), nil
	}
	if err := ondisk.EndUpdate(folder, cat); err != nil {
		return nil, writing(err)
	}
	return newState(st.idx, cat, st.dir, st.analyses), nil
}
