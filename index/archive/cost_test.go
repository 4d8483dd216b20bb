package archive

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/query"
)

// commonWords is an archive whose articles are long runs of common words, with one rare word
// in a few of them: phrases of the common words are what costs.
func commonWords(t *testing.T, articles int, o Options) *Archive {
	t.Helper()
	files := fstest.MapFS{}
	for i := range articles {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Briefing %d\ndate: 2024-01-%02d\n---\n", i, i%28+1)
		for p := range 20 {
			fmt.Fprintf(&b, "The state of the union and the role of the press in the life of the nation, part %d.", p)
			if i%40 == 0 {
				b.WriteString(" The Quad met.")
			}
			b.WriteString("\n\n")
		}
		files[fmt.Sprintf("b%03d.md", i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	o.Source = files
	return openSeedsRegistry(t, o)
}

func TestSearchCost(t *testing.T) {
	a := commonWords(t, 120, Options{CostlySearch: 2000, MaxSearchCost: 20000, CostlySearches: 1})
	st, err := a.current()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q          string
		cost       int64 // the least it may be
		costly     bool
		refused    bool
		maxCostSay int64 // the most it may be, when not 0
	}{
		{q: "Quad", cost: 0, maxCostSay: 0},
		{q: "the of press union", cost: 0, maxCostSay: 0}, // words: cheap
		{q: `"the Quad"`, cost: 3, maxCostSay: 100},       // as rare as its rarest word
		{q: `"of the"`, cost: 2400, costly: true},         // 120 articles × 20 paragraphs × 3 "of"…
		{q: `-"of the" Quad`, cost: 2400, costly: true},   // an excluded phrase is searched too
		{q: `Quad OR "in the"`, cost: 2400, costly: true},
		{q: `"of the" "in the" "the state" "the role" "the press" "the union" "the life" "the nation"`, cost: 20001, refused: true},
	}
	for _, tt := range tests {
		p, err := query.Parse(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		cost, err := a.searchCost(context.Background(), st, &p)
		if err != nil {
			t.Fatal(err)
		}
		if cost < tt.cost || (tt.maxCostSay > 0 && cost > tt.maxCostSay) || (tt.cost == 0 && tt.maxCostSay == 0 && cost != 0) {
			t.Errorf("%s: cost %d, want at least %d (at most %d)", tt.q, cost, tt.cost, tt.maxCostSay)
		}
		_, err = a.Search(context.Background(), index.Query{Text: tt.q, Kind: index.KindArticles, Sort: index.SortRelevance, Page: 1, PerPage: 10})
		var qe *index.QueryError
		switch {
		case tt.refused:
			if !errors.As(err, &qe) || !strings.Contains(qe.Msg, "too many phrases of very common words") {
				t.Errorf("%s: %v, want it refused for its cost", tt.q, err)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.q, err)
		}

		// With the place for costly searches taken, a costly search is refused at once and a
		// cheap one is run.
		a.costly <- struct{}{}
		_, err = a.Search(context.Background(), index.Query{Text: tt.q, Kind: index.KindQuotes, Sort: index.SortRelevance, Page: 1, PerPage: 10})
		<-a.costly
		switch {
		case tt.refused:
		case tt.costly && !errors.Is(err, index.ErrBusy):
			t.Errorf("%s, the costly place taken: %v, want ErrBusy", tt.q, err)
		case !tt.costly && err != nil:
			t.Errorf("%s, the costly place taken: %v, want it run", tt.q, err)
		}
	}
}

// expiring is a context that is never done for those who wait on Done, and whose Err says its
// time is over from the n-th time it is asked: only a search that asks Err as it goes, not only
// its collector between matches, stops.
type expiring struct {
	context.Context
	asked atomic.Int64
	n     int64
}

func (e *expiring) Done() <-chan struct{} { return nil }
func (e *expiring) Err() error {
	if e.asked.Add(1) >= e.n {
		return context.DeadlineExceeded
	}
	return nil
}

// TestSearchStopsInside: a phrase of common words that matches nothing reads every position of
// its words without a match for bleve's collector to look at the time; the search stops inside,
// as it reads.
func TestSearchStopsInside(t *testing.T) {
	a := commonWords(t, 1000, Options{})
	ctx := &expiring{Context: context.Background(), n: 3}
	start := time.Now()
	_, err := a.Search(ctx, index.Query{Text: `"nation the"`, Kind: index.KindArticles, Sort: index.SortRelevance, Page: 1, PerPage: 10})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("%v after %v, want the deadline", err, time.Since(start))
	}
	if ctx.asked.Load() < 3 {
		t.Errorf("the context was asked %d times", ctx.asked.Load())
	}
}
