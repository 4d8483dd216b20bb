package archive

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/bleveindex"
	"github.com/readout/readout/index/catalog"
	"github.com/readout/readout/index/load"
	"github.com/readout/readout/index/ondisk"
)

const defaultBatchSize = 400

// build reuses the index on disk if the archive has not changed, and builds it otherwise. When
// the index cannot be written on disk (a full disk), the log says why and the archive is served
// from an index in memory, until the next start tries the disk again.
func (a *Archive) build(ctx context.Context, batchSize int) (*state, error) {
	start := time.Now()
	onDisk := a.path != ""
	// A warm start's two costs, listing the folder (a stat a file) and decoding the catalog,
	// are on different cores.
	type stored struct {
		st  *state
		err error
	}
	opened := make(chan stored, 1)
	if onDisk {
		go func() {
			st, err := a.openStored()
			opened <- stored{st, err}
		}()
	}
	files, problems := load.List(a.src)
	a.progress.total.Store(int64(len(files)))
	if onDisk {
		o := <-opened
		st, err := o.st, o.err
		switch {
		case err == nil:
			ch := load.Compare(a.src, st.cat.Files, files)
			if ch.None() {
				a.progress.done.Store(int64(len(files)))
				a.logReady(st.cat, "reused", start)
				return st, nil
			}
			a.log.Info("updating the index", "changed", len(ch.Changed), "removed", len(ch.Removed), "unchanged", len(ch.Unchanged))
			a.progress.done.Store(int64(len(ch.Unchanged)))
			updated, err := a.update(ctx, st, files, problems, ch)
			if err == nil {
				a.progress.done.Store(int64(len(files)))
				a.logReady(updated.cat, "updated", start)
				return updated, nil
			}
			st.close()
			if ctx.Err() != nil {
				// Stopped: the UPDATING marker stays, and the next start rebuilds.
				return nil, ctx.Err()
			}
			var we *writeError
			if errors.As(err, &we) {
				onDisk = false
				a.log.Warn("the index cannot be written on disk: serving it from memory until the next start", "path", a.path, "reason", err)
				break
			}
			a.log.Warn("the index could not be updated; rebuilding it", "path", a.path, "reason", err)
		case !errors.Is(err, ondisk.ErrNoIndex):
			a.log.Warn("the index on disk cannot be used; rebuilding it", "path", a.path, "reason", err)
		}
		a.progress.done.Store(0)
	}
	st, err := a.buildNew(ctx, onDisk, files, problems, batchSize)
	var we *writeError
	if onDisk && errors.As(err, &we) && ctx.Err() == nil {
		a.log.Warn("the index cannot be written on disk: serving it from memory until the next start", "path", a.path, "reason", err)
		a.progress.done.Store(0)
		st, err = a.buildNew(ctx, false, files, problems, batchSize)
	}
	if err != nil {
		return nil, err
	}
	how := "built"
	if a.path != "" && st.dir == "" {
		how = "built in memory"
	}
	a.logReady(st.cat, how, start)
	return st, nil
}

// buildNew builds a new index of every file, in a new folder under the index path (onDisk) or
// in memory, and on disk makes it current once complete.
func (a *Archive) buildNew(ctx context.Context, onDisk bool, files []load.File, problems []index.Problem, batchSize int) (*state, error) {
	folder, dir := "", "" // the new index's folder and its bleve folder; "" in memory
	if onDisk {
		var err error
		if folder, err = a.folder.New(); err != nil {
			return nil, writing(err)
		}
		dir = ondisk.EngineDir(folder)
	}
	idx, err := bleveindex.Create(dir)
	if err != nil {
		if onDisk {
			err = writing(err)
		}
		ondisk.Remove(folder)
		return nil, fmt.Errorf("creating the index: %w", err)
	}
	var saved *ondisk.AnalysesWriter
	if onDisk {
		if saved, err = ondisk.CreateAnalyses(folder, index.Article{}); err != nil {
			idx.Close()
			ondisk.Remove(folder)
			return nil, fmt.Errorf("creating the index: %w", writing(err))
		}
	}
	cat, err := a.indexAll(ctx, idx, dir != "", files, problems, batchSize, saved)
	var analyses *ondisk.Analyses
	if err == nil && onDisk {
		err = saved.Close()
		saved = nil
		if err == nil {
			err = a.folder.Commit(folder, a.meta(), cat)
		}
		if err != nil {
			err = fmt.Errorf("saving the index: %w", writing(err))
		} else if analyses, err = ondisk.OpenAnalyses(folder, index.Article{}); err != nil {
			a.log.Warn("the articles' saved analyses cannot be read: articles will be analysed again when shown", "path", a.path, "reason", err)
			err = nil
		}
	}
	if err != nil {
		if saved != nil {
			saved.Abort()
		}
		idx.Close()
		ondisk.Remove(folder)
		return nil, err
	}
	return newState(idx, cat, dir, analyses), nil
}

// openStored opens the current index on disk, if it was built by this version of Readout with
// these registries and no update of it was cut short.
func (a *Archive) openStored() (*state, error) {
	var cat catalog.Catalog
	folder, err := a.folder.Current(a.meta(), &cat)
	if err != nil {
		return nil, err
	}
	dir := ondisk.EngineDir(folder)
	idx, err := bleveindex.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("opening the bleve index: %w", err)
	}
	// Without its analyses (an index saved before they were), articles are analysed again when
	// shown: slower, the same pages.
	analyses, err := ondisk.OpenAnalyses(folder, index.Article{})
	if err != nil {
		a.log.Warn("the articles' saved analyses cannot be read: articles will be analysed again when shown", "path", a.path, "reason", err)
	}
	cat.Finish(a.reg)
	return newState(idx, &cat, dir, analyses), nil
}

// meta is what an index is built with: one built otherwise is rebuilt.
func (a *Archive) meta() ondisk.Meta {
	return ondisk.Meta{Version: bleveindex.Version, Registry: a.reg.Hash, Built: time.Now().UTC()}
}

// logReady tells what became of every file: one line of counts (files served, merged into the
// document of another file of the same text, skipped, and why); a line for each skipped file;
// at debug level, a line for each other file too.
func (a *Archive) logReady(cat *catalog.Catalog, how string, start time.Time) {
	first := make(map[string]string, len(cat.Articles)) // article id → the file it is read from
	suffixed := 0
	for _, s := range cat.Articles {
		first[s.ID] = s.Path
		if _, suffix := catalog.SplitID(s.ID); suffix != "" {
			suffixed++
		}
	}
	served := 0
	debug := a.log.Enabled(context.Background(), slog.LevelDebug)
	for _, f := range cat.Files {
		if f.Article == "" {
			continue
		}
		served++
		if !debug {
			continue
		}
		switch plain, suffix := catalog.SplitID(f.Article); {
		case first[f.Article] != f.Path:
			a.log.Debug("merged", "file", f.Path, "into", f.Article, "read_from", first[f.Article], "reason", "the same date and text as the file it is read from")
		case suffix != "":
			a.log.Debug("served", "file", f.Path, "id", f.Article, "reason", "files of another text have the plain id "+plain)
		default:
			a.log.Debug("served", "file", f.Path, "id", f.Article)
		}
	}
	for _, p := range cat.Problems {
		a.log.Warn("skipped", "file", p.Path, "reason", p.Reason)
	}
	attrs := []any{
		"index", how,
		"files", served + len(cat.Problems),
		"served", served,
		"merged", served - len(cat.Articles),
		"skipped", len(cat.Problems),
		"articles", len(cat.Articles),
		"quotes", len(cat.Quotes),
		"suffixed", suffixed,
		"actors", cat.Stats().Actors,
		"topics", cat.Stats().Topics,
	}
	if len(cat.Problems) > 0 {
		attrs = append(attrs, "skipped_for", skipReasons(cat.Problems))
	}
	attrs = append(attrs, "took", time.Since(start).Round(time.Millisecond).String())
	a.log.Info("archive ready", attrs...)
}

// skipReasons counts the reasons files were skipped, the particulars of each (sizes, offsets,
// what a parser said) left out: "no text after the front matter ×3; not UTF-8 text ×1".
func skipReasons(problems []index.Problem) string {
	counts := map[string]int{}
	for _, p := range problems {
		counts[reasonClass(p.Reason)]++
	}
	reasons := make([]string, 0, len(counts))
	for r := range counts {
		reasons = append(reasons, r)
	}
	slices.SortFunc(reasons, func(x, y string) int { return cmp.Or(cmp.Compare(counts[y], counts[x]), cmp.Compare(x, y)) })
	for i, r := range reasons {
		reasons[i] = fmt.Sprintf("%s ×%d", r, counts[r])
	}
	return strings.Join(reasons, "; ")
}

var (
	quotedPart = regexp.MustCompile(`"[^"]*"`)
	numberPart = regexp.MustCompile(`[0-9]+`)
)

// reasonClass is a reason without its particulars.
func reasonClass(r string) string {
	for _, sep := range []string{": ", " ("} {
		if i := strings.Index(r, sep); i > 0 {
			r = r[:i]
		}
	}
	r = quotedPart.ReplaceAllString(r, "…")
	return numberPart.ReplaceAllString(r, "N")
}

// indexAll analyses every file and indexes its article and quotes, in batches. Files are read
// and analysed on every core; batches go to bleve from a goroutine of their own, so reading
// goes on while bleve indexes the batch before. Each document is indexed under its plain ids
// as it comes; the few plain ids that turn out to name documents of different texts are indexed
// again under their final ids once every file has been read (catalog/ids.go). Each article's
// analysis is saved to saved, when not nil (an index on disk).
func (a *Archive) indexAll(ctx context.Context, idx *bleveindex.Index, onDisk bool, files []load.File, problems []index.Problem, batchSize int, saved *ondisk.AnalysesWriter) (*catalog.Catalog, error) {
	if batchSize <= 0 {
		batchSize = defaultBatchSize
	}
	cb := catalog.NewBuilder(a.reg, files, problems)
	indexed := map[string]int{} // plain id → the file indexed under it

	batches := make(chan *bleveindex.Batch, 1)
	done := make(chan error, 1)
	go func() {
		var err error
		for b := range batches {
			if err == nil {
				err = idx.Apply(b)
			}
		}
		done <- err
	}()
	batch := idx.NewBatch()
	send := func() {
		if batch.Size() > 0 {
			batches <- batch
			batch = idx.NewBatch()
		}
	}

	lastReport := time.Now()
	err := load.AnalyseFiles(ctx, a.src, a.reg, files, func(i int, l load.Loaded) error {
		// A disk that cannot take the index fails the build now, not once all is analysed.
		if err := writing(idx.PersistErr()); err != nil {
			return err
		}
		if saved != nil && l.Err == nil {
			// Before the catalog's builder reads it: saved as load.Analyse made it.
			if err := saveAnalysis(saved, l.Article, l.Hash); err != nil {
				return writing(err)
			}
		}
		cb.Read(i, l)
		a.progress.done.Add(1)
		if time.Since(lastReport) > 2*time.Second {
			lastReport = time.Now()
			p := a.Progress()
			a.log.Info("indexing", "done", p.Done, "of", p.Total,
				"per_second", int(float64(p.Done)/p.Elapsed.Seconds()),
				"remaining", p.Remaining.Round(time.Second).String())
		}
		if l.Err != nil {
			return nil // skipped, and why, in the catalog
		}
		art := l.Article
		if _, ok := indexed[art.ID]; ok {
			return nil // the same document filed again, or another one under its id: see below
		}
		indexed[art.ID] = i
		if err := batch.Add(art); err != nil {
			return err
		}
		if batch.Size() >= batchSize {
			send()
		}
		return nil
	})
	if err == nil {
		cb.AssignIDs()
		// Plain ids of documents of different texts: out with the plain documents, in with each
		// document under its own id. A document whose first file (by path) was not the first
		// read of its files is indexed again from its first file.
		for i := range files {
			id, primary := cb.Document(i)
			_, suffix := catalog.SplitID(id)
			first, ok := indexed[files[i].Plain]
			if !primary || (suffix == "" && (!ok || first == i)) {
				continue
			}
			if ok {
				// Its quotes may differ from the first file's (a title can make a statement one
				// quote), so the first file's documents go before the document comes in again.
				delete(indexed, files[i].Plain)
				batch.DeleteArticle(files[i].Plain)
				for _, q := range cb.QuoteIDs(first) {
					batch.DeleteQuote(q)
				}
			}
			if err = a.indexAgain(batch, cb, files[i].Path, id); err != nil {
				break
			}
		}
	}
	if err == nil {
		send()
	}
	close(batches)
	if ierr := <-done; err == nil && ierr != nil {
		err = fmt.Errorf("indexing: %w", ierr)
	}
	if err != nil {
		return nil, err
	}
	cat := cb.Catalog()
	// The same statements are linked while bleve writes the index on disk and merges it.
	linked := make(chan error, 1)
	go func() { linked <- a.linkEchoes(ctx, cat, nil, nil) }()
	if onDisk {
		if err := waitPersisted(ctx, idx); err != nil {
			<-linked
			return nil, err
		}
	}
	if err := <-linked; err != nil {
		return nil, err
	}
	return cat, nil
}

// indexAgain reads a document's first file again and indexes it under its final ids. A file
// that cannot be read now has changed since it was listed: it is left out of the index, and the
// next start, seeing the change, reads it again.
func (a *Archive) indexAgain(b *bleveindex.Batch, cb *catalog.Builder, path, id string) error {
	l := load.AnalyseFile(a.src, a.reg, path)
	if l.Err != nil {
		a.log.Warn("a file changed while it was indexed; it is read again at the next start", "file", path, "reason", l.Err)
		return nil
	}
	cb.Final(l.Article, id)
	return b.Add(l.Article)
}

// waitPersisted waits until an index on disk has written and merged everything it was given
// (bleveindex.Index.WaitPersisted), and returns the failure to write it, if any.
func waitPersisted(ctx context.Context, idx *bleveindex.Index) error {
	if err := idx.WaitPersisted(ctx); err != nil {
		return err
	}
	return writing(idx.PersistErr())
}
