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
// (rescan.go). The ids of a plain id's documents depend on all its files (ids.go), so every
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
	quotesOf := make(map[int][]quoteRef, len(old.Articles))
	for _, q := range old.Quotes {
		quotesOf[q.Article] = append(quotesOf[q.Article], q)
	}
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
	fresh := map[string]*index.Article{}
	newProblems := map[string]string{}
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
			f := &files[which[k]]
			f.Hash, f.Plain, f.Text = l.Hash, "", 0
			if l.Err != nil {
				newProblems[f.Path] = l.Err.Error()
				return nil
			}
			f.Plain, f.Text = l.Article.ID, textKey(l.Article)
			fresh[f.Path] = l.Article
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
	for oi, s := range old.Articles {
		if plain, _ := splitID(s.ID); affected[plain] {
			batch.DeleteArticle(s.ID)
			for _, q := range quotesOf[oi] {
				batch.DeleteQuote(q.ID)
			}
		}
	}
	asg := assignIDs(files)
	ents := make([]*entry, len(files))
	for i, f := range files {
		switch art, ok := fresh[f.Path]; {
		case ok:
			ents[i] = entryOf(art)
		case asg[i].primary == i && f.Article != "":
			oi := old.byID[f.Article]
			ents[i] = &entry{sum: old.Articles[oi], quotes: quotesOf[oi], final: true}
		}
	}
	shared := sharedOf(asg, ents)
	for i, d := range asg {
		if art, ok := fresh[files[i].Path]; ok && d.primary == i {
			finalise(art, d.id, func(q string) bool { return shared[q] })
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
	oldProblems := map[string]string{}
	for _, p := range old.Problems {
		oldProblems[p.Path] = p.Reason
	}
	cat := &catalog{Problems: problems}
	known := map[string]bool{}
	for _, e := range old.Extra {
		cat.Extra = append(cat.Extra, e)
		known[e.ID] = true
	}
	for _, f := range files {
		if art, ok := fresh[f.Path]; ok {
			cat.noteSpeakers(art, a.reg, known)
		}
		if f.Plain != "" {
			continue
		}
		if reason, bad := newProblems[f.Path]; bad {
			cat.Problems = append(cat.Problems, index.Problem{Path: f.Path, Reason: reason})
		} else {
			cat.Problems = append(cat.Problems, index.Problem{Path: f.Path, Reason: oldProblems[f.Path]})
		}
	}
	cat.assemble(files, asg, ents, shared)
	cat.Files = files
	cat.finish(a.reg)
	if !onDisk {
		return newState(st.idx, cat, st.dir), nil
	}
	if err := ondisk.EndUpdate(folder, cat); err != nil {
		return nil, writing(err)
	}
	return newState(st.idx, cat, st.dir), nil
}
