package archive

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/catalog"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/echo"
	"github.com/readout/readout/index/load"
)

// The same statement elsewhere (index/echo): every quote is sketched while its article is
// analysed (a bounded sample of its pairs of words and of the words around it, kept in the
// catalog), and once the catalog is made, documents are read again (parsed, not analysed: their
// quotes' places are in the catalog), each text's pairs looked up once in an index of the
// sketches, and what each text and each of its quotes holds recorded in the catalog
// (catalog.EchoFound), which chooses the links. A build scans every document; an update scans
// the documents it read again with every sketch, and the documents dated within echo.Reach of
// them with the sketches of those it read again, and keeps the other records: the links are
// those a build would make.

// linkEchoes finds every quote's statement in the archive's other texts and keeps the records
// and the links in the catalog. With old, the catalog an update replaces, only the documents
// whose files it read again (reread, by path) and those near them in time are scanned.
func (a *Archive) linkEchoes(ctx context.Context, cat *catalog.Catalog, old *catalog.Catalog, reread func(path string) bool) error {
	start := time.Now()
	sketches := make([]echo.Sketch, len(cat.Quotes))
	for i, q := range cat.Quotes {
		if !q.Procedural {
			sketches[i] = q.Sketch
		}
	}
	firstQuote := cat.FirstQuotes()

	var found []echo.Link
	scanned := 0
	if old == nil {
		all := make([]int, len(cat.Articles))
		for i := range all {
			all[i] = i
		}
		var err error
		if found, err = a.scanEchoes(ctx, cat, all, firstQuote, echo.NewIndex(sketches, nil), sketches); err != nil {
			return err
		}
		scanned = len(all)
	} else {
		kept, fresh := cat.KeptEchoes(old, firstQuote, reread)
		found = kept
		if len(fresh) > 0 {
			freshQuote := make([]bool, len(cat.Quotes))
			isFresh := make([]bool, len(cat.Articles))
			for _, ai := range fresh {
				isFresh[ai] = true
				for qi := firstQuote[ai]; qi < firstQuote[ai+1]; qi++ {
					freshQuote[qi] = true
				}
			}
			// The documents read again may hold anyone's statements; those near them, theirs.
			more, err := a.scanEchoes(ctx, cat, fresh, firstQuote, echo.NewIndex(sketches, nil), sketches)
			if err != nil {
				return err
			}
			found = append(found, more...)
			near := cat.NearDocuments(fresh, isFresh)
			ix := echo.NewIndex(sketches, func(q int) bool { return freshQuote[q] })
			if more, err = a.scanEchoes(ctx, cat, near, firstQuote, ix, sketches); err != nil {
				return err
			}
			found = append(found, more...)
			scanned = len(fresh) + len(near)
		}
	}
	cat.SetEchoFound(found)
	links := cat.EchoLinks()
	linked := 0
	for i, l := range links {
		if i == 0 || links[i-1].Quote != l.Quote {
			linked++
		}
	}
	a.log.Info("echoes linked", "links", len(links), "quotes", linked, "found", len(found),
		"documents_scanned", scanned, "took", time.Since(start).Round(time.Millisecond).String())
	return nil
}

// scanEchoes reads the documents docs on every core and returns what each holds of the
// statements of the index.
func (a *Archive) scanEchoes(ctx context.Context, cat *catalog.Catalog, docs []int, firstQuote []int, ix *echo.Index, sketches []echo.Sketch) ([]echo.Link, error) {
	jobs := make(chan int)
	results := make(chan []echo.Link)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			sc, rd := ix.NewScanner(), new(echo.Reader)
			for ai := range jobs {
				results <- a.echoesIn(cat, ai, firstQuote[ai], firstQuote[ai+1], ix, sc, rd, sketches)
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, ai := range docs {
			select {
			case jobs <- ai:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	var out []echo.Link
	for links := range results {
		out = append(out, links...)
	}
	return out, ctx.Err()
}

// echoesIn reads one document again and returns what its text and its quotes hold of the
// statements of other documents near enough in time to be linked or to count for a formula.
func (a *Archive) echoesIn(cat *catalog.Catalog, ai, from, to int, ix *echo.Index, sc *echo.Scanner, rd *echo.Reader, sketches []echo.Sketch) []echo.Link {
	sum := &cat.Articles[ai]
	if sum.Date.IsZero() {
		return nil // nothing tells what is near an undated text
	}
	b, err := load.ReadFile(a.src, sum.Path)
	if err != nil {
		return nil // gone since it was listed: linked again at the next change
	}
	doc, err := document.Parse(sum.Path, b, a.reg)
	if err != nil {
		return nil
	}
	body, at := load.Text(doc.Paragraphs)
	rd.Read(body)
	// The text's quotes, by their words.
	type span struct{ qi, i, j int }
	var quotes []span
	for qi := from; qi < to; qi++ {
		q := cat.Quotes[qi]
		if q.Procedural || !load.ValidSpan(doc.Paragraphs, q.Start, q.End) {
			continue
		}
		i, j := rd.Span(at[q.Start.Para]+q.Start.Off, at[q.End.Para]+q.End.Off)
		quotes = append(quotes, span{qi, i, j})
	}
	slices.SortFunc(quotes, func(x, y span) int { return cmp.Compare(x.i, y.i) })
	// A statement is held when the text holds enough of its sample both among the particular
	// pairs and among all its pairs, common ones too ("You're talking about the Sudanese Armed
	// Forces?" is not held by a text that only names the forces), together.
	holds := func(f echo.Found) (share float64, ok, verbatim bool) {
		s := sketches[f.Statement]
		r := echo.Particular(s, f.Rare, ix.Sample(f.Statement))
		share, all := echo.Share(s, f.All, len(s.Sample))
		return share, r && all, f.All == len(s.Sample)
	}
	var links []echo.Link
	for _, f := range sc.Scan(rd.PairSeq()) {
		pa := cat.Quotes[f.Statement].Article
		if pa == ai {
			continue
		}
		gap := catalog.DayGap(cat.Articles[pa].Date, sum.Date)
		if gap < 0 || gap > echo.Reach {
			continue
		}
		share, ok, verbatim := holds(f)
		if !ok {
			continue
		}
		s := sketches[f.Statement]
		l := echo.Link{Statement: int32(f.Statement), Other: -1, Document: int32(ai), GapDays: int32(gap), Share: float32(share), Verbatim: verbatim, Context: -1}
		if len(s.Context) > 0 {
			l.Context = int16(rd.ContextShared(s.Context, f.Lo-1, f.Hi+1))
		}
		// Beyond a month, what is held is recorded too: it counts for a formula or boilerplate
		// (a call's closing words, said at every call a little differently), never for a link.
		links = append(links, l)
		// The quotes of the text over the words where it is found, if they hold it.
		k, _ := slices.BinarySearchFunc(quotes, f.Hi+1, func(x span, v int) int { return cmp.Compare(x.i, v) })
		for k--; k >= 0 && quotes[k].j > f.Lo-1; k-- {
			qf := sc.Within(f, quotes[k].i, quotes[k].j)
			share, ok, verbatim := holds(qf)
			if !ok {
				continue
			}
			q := l
			q.Other, q.Share, q.Verbatim = int32(quotes[k].qi), float32(share), verbatim
			if len(s.Context) > 0 {
				q.Context = int16(rd.ContextShared(s.Context, qf.Lo-1, qf.Hi+1))
			}
			mine, theirs := cat.Quotes[f.Statement].Speakers, cat.Quotes[quotes[k].qi].Speakers
			q.SameSpeaker = slices.ContainsFunc(mine, func(x string) bool { return slices.Contains(theirs, x) })
			q.OtherSpeaker = !q.SameSpeaker && len(mine) > 0 && len(theirs) > 0
			if q.GapDays <= echo.NearDays || q.SameSpeaker {
				links = append(links, q)
			}
		}
	}
	return links
}

// Echoes returns where else a quote's statement is found: other quotes, and documents' texts
// that hold it without quoting it, the closest first.
func (a *Archive) Echoes(id string) ([]index.Echo, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	return st.cat.Echoes(id)
}

// EchoCounts returns, for each quote of an article that is found elsewhere, in how many places.
func (a *Archive) EchoCounts(articleID string) (map[string]int, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	return st.cat.EchoCounts(articleID)
}

// EchoedQuotes returns the ids of the quotes found elsewhere, in the catalog's order: a frame to
// draw samples of links from (scripts/echosample).
func (a *Archive) EchoedQuotes() ([]string, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	return st.cat.EchoedQuotes(), nil
}
