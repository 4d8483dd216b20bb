package index

import (
	"context"
	"fmt"
	"hash/crc64"
	"os"
	"path/filepath"
	"time"
)

// updatingFile marks an index being changed in place. It is written before the first change
// and removed after the catalog that describes the changes is saved: found at a start, it means
// an update was cut short, and the index is rebuilt.
const updatingFile = "UPDATING"

// fileChanges is how the archive folder differs from what an index was built from.
type fileChanges struct {
	unchanged map[string]fileEntry // by path: the indexed entry, with the current time
	changed   []int                // indexes in the current file list: changed or added
	removed   []fileEntry
}

func (c *fileChanges) none() bool { return len(c.changed) == 0 && len(c.removed) == 0 }

// diffFiles compares the files now in the archive folder with those the catalog was built from.
// A file with the same size and time is unchanged; one with another time but the same content
// (its hash) is unchanged too. Files that were skipped are read again whenever anything
// changed, since the file that made one a duplicate may have gone.
func (a *Archive) diffFiles(old []fileEntry, now []fileEntry) *fileChanges {
	c := &fileChanges{unchanged: map[string]fileEntry{}}
	before := make(map[string]fileEntry, len(old))
	for _, f := range old {
		before[f.Path] = f
	}
	seen := make(map[string]bool, len(now))
	var skipped []int
	for i, f := range now {
		seen[f.Path] = true
		o, ok := before[f.Path]
		switch {
		case !ok:
			c.changed = append(c.changed, i)
			continue
		case o.Size == f.Size && o.ModTime == f.ModTime && f.ModTime != 0:
		default:
			b, err := readArticleFile(a.src, f.Path)
			if err != nil || crc64.Checksum(b, crcTable) != o.Hash {
				c.changed = append(c.changed, i)
				continue
			}
		}
		o.ModTime = f.ModTime
		if o.Article == "" {
			skipped = append(skipped, i)
		}
		c.unchanged[f.Path] = o
	}
	for _, f := range old {
		if !seen[f.Path] {
			c.removed = append(c.removed, f)
		}
	}
	if !c.none() {
		for _, i := range skipped {
			delete(c.unchanged, now[i].Path)
			c.changed = append(c.changed, i)
		}
	}
	return c
}

// update changes an index on disk in place: the documents of removed and changed files are
// deleted, changed and added files are indexed, and a new catalog is saved.
func (a *Archive) update(ctx context.Context, st *state, files []fileEntry, problems []Problem, ch *fileChanges) (*state, error) {
	dir := filepath.Dir(st.dir)
	marker := filepath.Join(dir, updatingFile)
	if err := writeFileSync(marker, []byte(time.Now().UTC().Format(time.RFC3339)+"\n")); err != nil {
		return nil, writing(err)
	}
	old := st.cat
	quotesOf := make(map[int][]quoteRef, len(old.Articles))
	for _, q := range old.Quotes {
		quotesOf[q.Article] = append(quotesOf[q.Article], q)
	}
	batch := st.idx.NewBatch()
	drop := func(id string) {
		i, ok := old.byID[id]
		if !ok {
			return
		}
		batch.Delete(articleDocID(id))
		for _, q := range quotesOf[i] {
			batch.Delete(quoteDocID(q.ID))
		}
	}
	for _, f := range ch.removed {
		drop(f.Article)
	}
	byPath := make(map[string]fileEntry, len(old.Files))
	for _, f := range old.Files {
		byPath[f.Path] = f
	}
	for _, i := range ch.changed {
		drop(byPath[files[i].Path].Article)
	}

	// Analyse the changed files, in file order, on every core.
	subset := make([]fileEntry, len(ch.changed))
	for k, i := range ch.changed {
		subset[k] = files[i]
	}
	// Ids already taken by unchanged articles keep their file; a changed file cannot take one.
	ids := map[string]string{}
	for path, f := range ch.unchanged {
		if f.Article != "" {
			ids[f.Article] = path
		}
	}
	fresh := map[string]*Article{}
	newProblems := map[string]string{}
	err := analyseFiles(ctx, a.src, a.reg, subset, func(k int, l loaded) error {
		if err := st.persist.err(); err != nil {
			return err
		}
		f := &subset[k]
		f.Hash = l.hash
		if l.err != nil {
			newProblems[f.Path] = l.err.Error()
			return nil
		}
		if other, dup := ids[l.article.ID]; dup {
			newProblems[f.Path] = fmt.Sprintf("duplicate id %q, already used by %s", l.article.ID, other)
			return nil
		}
		ids[l.article.ID] = f.Path
		f.Article = l.article.ID
		fresh[f.Path] = l.article
		return indexArticle(batch, l.article)
	})
	if err != nil {
		return nil, err
	}
	if err := st.idx.Batch(batch); err != nil {
		return nil, fmt.Errorf("updating the index: %w", err)
	}
	if err := waitPersisted(ctx, st); err != nil {
		return nil, err
	}

	// The new catalog, in file order: unchanged articles as they were, changed ones anew.
	oldProblems := map[string]string{}
	for _, p := range old.Problems {
		oldProblems[p.Path] = p.Reason
	}
	for k, i := range ch.changed {
		files[i] = subset[k]
	}
	cat := &catalog{Problems: problems}
	known := map[string]bool{}
	for _, e := range old.Extra {
		cat.Extra = append(cat.Extra, e)
		known[e.ID] = true
	}
	for i := range files {
		f := &files[i]
		if u, ok := ch.unchanged[f.Path]; ok {
			*f = u
			if f.Article == "" {
				cat.Problems = append(cat.Problems, Problem{f.Path, oldProblems[f.Path]})
				continue
			}
			oi := old.byID[f.Article]
			n := len(cat.Articles)
			cat.Articles = append(cat.Articles, old.Articles[oi])
			for _, q := range quotesOf[oi] {
				q.Article = n
				cat.Quotes = append(cat.Quotes, q)
			}
			continue
		}
		if reason, bad := newProblems[f.Path]; bad {
			cat.Problems = append(cat.Problems, Problem{f.Path, reason})
			continue
		}
		cat.add(fresh[f.Path], a.reg, known)
	}
	cat.Files = files
	cat.finish(a.reg)
	if err := writeCatalog(filepath.Join(dir, catalogFile)+".tmp", cat); err != nil {
		os.Remove(filepath.Join(dir, catalogFile) + ".tmp")
		return nil, writing(err)
	}
	if err := os.Rename(filepath.Join(dir, catalogFile)+".tmp", filepath.Join(dir, catalogFile)); err != nil {
		return nil, writing(err)
	}
	if err := os.Remove(marker); err != nil {
		return nil, writing(err)
	}
	syncDir(dir)
	return &state{idx: st.idx, cat: cat, dir: st.dir, persist: st.persist}, nil
}
