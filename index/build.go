package index

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

const defaultBatchSize = 400

// articleDoc and quoteDoc are what bleve indexes; their json names are the mapping's fields.
type articleDoc struct {
	Type    string    `json:"type"`
	Title   string    `json:"title"`
	Content string    `json:"content"`
	Actor   []string  `json:"actor"`
	Topic   []string  `json:"topic"`
	Source  string    `json:"source"`
	Date    time.Time `json:"date"`
	DateEnd time.Time `json:"date_end"`
}

func (articleDoc) BleveType() string { return typeArticle }

type quoteDoc struct {
	Type    string    `json:"type"`
	Text    string    `json:"text"`
	Actor   []string  `json:"actor"`
	Topic   []string  `json:"topic"`
	Source  string    `json:"source"`
	Kind    string    `json:"kind"`
	Article string    `json:"article"`
	Date    time.Time `json:"date"`
	DateEnd time.Time `json:"date_end"`
}

func (quoteDoc) BleveType() string { return typeQuote }

func articleDocID(id string) string { return "a:" + id }
func quoteDocID(id string) string   { return "q:" + id }

// sourceKey is the source's value in the index; an unknown source is a value of its own, so it
// can be counted and filtered.
func sourceKey(s string) string {
	if s == "" {
		return unknownSource
	}
	return s
}

const unknownSource = "unknown"

// build reuses the index on disk if the archive has not changed, and builds it otherwise. When
// the index cannot be written on disk (a full disk), the log says why and the archive is served
// from an index in memory, until the next start tries the disk again.
func (a *Archive) build(ctx context.Context, batchSize int) (*state, error) {
	start := time.Now()
	files, problems := listFiles(a.src)
	a.progress.total.Store(int64(len(files)))
	onDisk := a.path != ""
	if onDisk {
		st, err := openStored(a.path, a.reg)
		switch {
		case err == nil:
			ch := a.diffFiles(st.cat.Files, files)
			if ch.none() {
				a.progress.done.Store(int64(len(files)))
				a.logReady(st.cat, "reused", start)
				return st, nil
			}
			a.log.Info("updating the index", "changed", len(ch.changed), "removed", len(ch.removed), "unchanged", len(ch.unchanged))
			a.progress.done.Store(int64(len(ch.unchanged)))
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
		case !errors.Is(err, errNoIndex):
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
func (a *Archive) buildNew(ctx context.Context, onDisk bool, files []fileEntry, problems []Problem, batchSize int) (*state, error) {
	dir := ""
	if onDisk {
		var err error
		if dir, err = a.newIndexDir(); err != nil {
			return nil, writing(err)
		}
	}
	idx, watch, err := newBleve(dir)
	if err != nil {
		a.removeIndexDir(dir)
		return nil, fmt.Errorf("creating the index: %w", err)
	}
	st := &state{idx: idx, dir: dir, persist: watch}
	st.cat, err = a.indexAll(ctx, st, files, problems, batchSize)
	if err == nil && onDisk {
		if err = store(a.path, dir, a.reg, st.cat); err != nil {
			err = fmt.Errorf("saving the index: %w", writing(err))
		}
	}
	if err != nil {
		st.close()
		a.removeIndexDir(dir)
		return nil, err
	}
	return st, nil
}

func (a *Archive) logReady(cat *catalog, how string, start time.Time) {
	for _, p := range cat.Problems {
		a.log.Warn("skipped", "file", p.Path, "reason", p.Reason)
	}
	a.log.Info("archive ready",
		"index", how,
		"articles", len(cat.Articles),
		"quotes", len(cat.Quotes),
		"actors", len(cat.actorList),
		"topics", len(cat.topicList),
		"skipped", len(cat.Problems),
		"took", time.Since(start).Round(time.Millisecond).String(),
	)
}

// indexAll analyses every file and indexes its article and quotes, in batches. Files are read
// and analysed on every core; batches go to bleve from a goroutine of their own, so reading
// goes on while bleve indexes the batch before.
func (a *Archive) indexAll(ctx context.Context, st *state, files []fileEntry, problems []Problem, batchSize int) (*catalog, error) {
	idx := st.idx
	if batchSize <= 0 {
		batchSize = defaultBatchSize
	}
	cat := &catalog{Problems: problems}
	ids := map[string]string{} // article id → the file that has it
	known := map[string]bool{}

	batches := make(chan *bleve.Batch, 1)
	indexed := make(chan error, 1)
	go func() {
		var err error
		for b := range batches {
			if err == nil {
				err = idx.Batch(b)
			}
		}
		indexed <- err
	}()
	batch := idx.NewBatch()
	send := func() {
		if batch.Size() > 0 {
			batches <- batch
			batch = idx.NewBatch()
		}
	}

	lastReport := time.Now()
	err := analyseFiles(ctx, a.src, a.reg, files, func(i int, l loaded) error {
		// A disk that cannot take the index fails the build now, not once all is analysed.
		if err := st.persist.err(); err != nil {
			return err
		}
		f := &files[i]
		f.Hash = l.hash
		a.progress.done.Add(1)
		if time.Since(lastReport) > 2*time.Second {
			lastReport = time.Now()
			p := a.Progress()
			a.log.Info("indexing", "done", p.Done, "of", p.Total,
				"per_second", int(float64(p.Done)/p.Elapsed.Seconds()),
				"remaining", p.Remaining.Round(time.Second).String())
		}
		if l.err != nil {
			cat.Problems = append(cat.Problems, Problem{f.Path, l.err.Error()})
			return nil
		}
		art := l.article
		if other, dup := ids[art.ID]; dup {
			cat.Problems = append(cat.Problems, Problem{f.Path, fmt.Sprintf("duplicate id %q, already used by %s", art.ID, other)})
			return nil
		}
		ids[art.ID] = f.Path
		f.Article = art.ID
		cat.add(art, a.reg, known)
		if err := indexArticle(batch, art); err != nil {
			return err
		}
		if batch.Size() >= batchSize {
			send()
		}
		return nil
	})
	if err == nil {
		send()
	}
	close(batches)
	if ierr := <-indexed; err == nil && ierr != nil {
		err = fmt.Errorf("indexing: %w", ierr)
	}
	if err != nil {
		return nil, err
	}
	if st.dir != "" {
		if err := waitPersisted(ctx, st); err != nil {
			return nil, err
		}
	}
	cat.Files = files
	cat.finish(a.reg)
	return cat, nil
}

// waitPersisted waits until an index on disk has written and merged everything it was given:
// batches return once searchable, and the index is made current only once it is all on disk.
// A failure to write it ends the wait (bleve would try again for ever).
func waitPersisted(ctx context.Context, st *state) error {
	adv, err := st.idx.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	for {
		m := s.StatsMap()
		if m == nil {
			return nil
		}
		if err := st.persist.err(); err != nil {
			return err
		}
		if active, ok := m["index_bgthreads_active"].(bool); !ok || !active {
			return st.persist.err()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func indexArticle(b *bleve.Batch, art *Article) error {
	src := sourceKey(art.Source)
	start, end := art.Date.Start(), art.Date.End()
	if err := b.Index(articleDocID(art.ID), articleDoc{
		Type: typeArticle, Title: art.Title, Content: art.Title + "\n\n" + art.Body(),
		Actor: art.Actors, Topic: art.Topics, Source: src, Date: start, DateEnd: end,
	}); err != nil {
		return err
	}
	for _, q := range art.Quotes {
		speakers := make([]string, len(q.Speakers))
		for i, s := range q.Speakers {
			speakers[i] = s.ID
		}
		if err := b.Index(quoteDocID(q.ID), quoteDoc{
			Type: typeQuote, Text: q.Text, Actor: speakers, Topic: q.Topics, Source: src, Kind: string(q.Kind),
			Article: art.ID, Date: start, DateEnd: end,
		}); err != nil {
			return err
		}
	}
	return nil
}
