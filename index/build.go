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

// build reuses the index on disk if the archive has not changed, and builds it otherwise.
func (a *Archive) build(ctx context.Context, batchSize int) (*state, error) {
	start := time.Now()
	files, problems := listFiles(a.src)
	a.progress.total.Store(int64(len(files)))
	if a.path != "" {
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
			st.idx.Close()
			if ctx.Err() != nil {
				// Stopped: the UPDATING marker stays, and the next start rebuilds.
				return nil, ctx.Err()
			}
			a.log.Warn("the index could not be updated; rebuilding it", "path", a.path, "reason", err)
		case !errors.Is(err, errNoIndex):
			a.log.Warn("the index on disk cannot be used; rebuilding it", "path", a.path, "reason", err)
		}
		a.progress.done.Store(0)
	}
	dir, err := a.newIndexDir()
	if err != nil {
		return nil, err
	}
	idx, err := newBleve(dir)
	if err != nil {
		return nil, fmt.Errorf("creating the index: %w", err)
	}
	cat, err := a.indexAll(ctx, idx, dir != "", files, problems, batchSize)
	if err != nil {
		idx.Close()
		a.removeIndexDir(dir)
		return nil, err
	}
	st := &state{idx: idx, cat: cat, dir: dir}
	if a.path != "" {
		if err := store(a.path, dir, a.reg, cat); err != nil {
			idx.Close()
			return nil, fmt.Errorf("saving the index: %w", err)
		}
	}
	a.logReady(cat, "built", start)
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
func (a *Archive) indexAll(ctx context.Context, idx bleve.Index, onDisk bool, files []fileEntry, problems []Problem, batchSize int) (*catalog, error) {
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
	if onDisk {
		if err := waitPersisted(ctx, idx); err != nil {
			return nil, err
		}
	}
	cat.Files = files
	cat.finish(a.reg)
	return cat, nil
}

// waitPersisted waits until an index on disk has written and merged everything it was given:
// batches return once searchable, and the index is made current only once it is all on disk.
func waitPersisted(ctx context.Context, idx bleve.Index) error {
	adv, err := idx.Advanced()
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
