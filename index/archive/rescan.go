package archive

import (
	"context"
	"slices"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/catalog"
	"github.com/readout/readout/index/load"
)

// A running archive follows its folder: files added, changed or removed while it serves are
// indexed as they would be at a start with an index on disk (update.go), only the plain ids they
// touch done again, and the new index and catalog served from then on. Rescan does it once;
// Options.Rescan does it periodically.
//
// Listing the White House corpus (14,396 files in 533 folders) takes 0.1 to 0.3 s of a core, too
// much to do every few seconds for nothing. So each period only the folders' modification times
// are read (a file created, removed or renamed into a folder changes its folder's time: how
// `readout add`, cp, rsync and most editors write), and the folder is listed again when one has
// changed, and in any case every fullRescan, for files rewritten in place.

// fullRescan is the longest a file changed in place (its folder's time unchanged) waits to be
// seen.
const fullRescan = 5 * time.Minute

// Changes is what a rescan found and did.
type Changes struct {
	Added, Changed, Removed []string // paths of article files
	// Served are the added and changed files now served: their path and their article's id.
	Served map[string]string
	// Skipped are the added and changed files that cannot be served, and why.
	Skipped []index.Problem
}

// None reports whether nothing changed.
func (c *Changes) None() bool { return len(c.Added)+len(c.Changed)+len(c.Removed) == 0 }

// Generation counts the changes of the archive while it serves: 0 as indexed at the start, one
// more after each rescan that changed something. Answers kept from an earlier generation may no
// longer be true.
func (a *Archive) Generation() uint64 { return a.generation.Load() }

// Rescan lists the archive folder and indexes what changed since the index was built or last
// rescanned, and logs it. It returns ErrNotReady while the index is being built.
func (a *Archive) Rescan(ctx context.Context) (*Changes, error) {
	ch, _, err := a.rescan(ctx)
	return ch, err
}

func (a *Archive) rescan(ctx context.Context) (*Changes, load.FolderTimes, error) {
	a.rescanMu.Lock()
	defer a.rescanMu.Unlock()
	st, err := a.current()
	if err != nil {
		return nil, nil, err
	}
	start := time.Now()
	files, problems, folders := load.ListWithFolders(a.src)
	diff := load.Compare(a.src, st.cat.Files, files)
	out := &Changes{Served: map[string]string{}}
	if diff.None() {
		return out, folders, nil
	}
	before := make(map[string]bool, len(st.cat.Files))
	for _, f := range st.cat.Files {
		before[f.Path] = true
	}
	for _, i := range diff.Changed {
		if p := files[i].Path; before[p] {
			out.Changed = append(out.Changed, p)
		} else {
			out.Added = append(out.Added, p)
		}
	}
	for _, f := range diff.Removed {
		out.Removed = append(out.Removed, f.Path)
	}
	updated, err := a.update(ctx, st, files, problems, diff)
	if err != nil {
		// The index may hold some of the changes: the next rescan applies them all again,
		// and an index on disk left marked as being updated is rebuilt at the next start.
		return nil, nil, err
	}
	a.state.Store(updated)
	updated.warm()
	a.cache.Clear() // the archive's files changed, and with them what an id reads
	a.generation.Add(1)

	reasons := map[string]string{}
	for _, p := range updated.cat.Problems {
		reasons[p.Path] = p.Reason
	}
	ids := map[string]string{}
	for _, f := range updated.cat.Files {
		ids[f.Path] = f.Article
	}
	for _, p := range slices.Concat(out.Added, out.Changed) {
		if id := ids[p]; id != "" {
			out.Served[p] = id
		} else {
			out.Skipped = append(out.Skipped, index.Problem{Path: p, Reason: reasons[p]})
		}
	}
	a.logChanges(out, updated.cat, start)
	return out, folders, nil
}

func (a *Archive) logChanges(ch *Changes, cat *catalog.Catalog, start time.Time) {
	for _, p := range ch.Added {
		if id, ok := ch.Served[p]; ok {
			a.log.Info("added", "file", p, "id", id)
		}
	}
	for _, p := range ch.Changed {
		if id, ok := ch.Served[p]; ok {
			a.log.Info("changed", "file", p, "id", id)
		}
	}
	for _, p := range ch.Removed {
		a.log.Info("removed", "file", p)
	}
	for _, p := range ch.Skipped {
		a.log.Warn("skipped", "file", p.Path, "reason", p.Reason)
	}
	a.log.Info("archive updated", "added", len(ch.Added), "changed", len(ch.Changed), "removed", len(ch.Removed),
		"skipped", len(ch.Skipped), "articles", len(cat.Articles), "quotes", len(cat.Quotes),
		"took", time.Since(start).Round(time.Millisecond).String())
}

// follow rescans the folder every period until ctx is done: at once, for the files that came
// while the index was built, then whenever a folder's time has changed, and every fullRescan.
func (a *Archive) follow(ctx context.Context, every time.Duration) {
	var folders load.FolderTimes
	var last time.Time
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if folders == nil || time.Since(last) >= max(fullRescan, every) || folders.Changed(a.src) {
			_, f, err := a.rescan(ctx)
			switch {
			case err == nil:
				folders, last = f, time.Now()
			case ctx.Err() != nil:
				return
			default:
				a.log.Error("the archive could not be updated; tried again at the next scan", "err", err)
				folders = nil
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
