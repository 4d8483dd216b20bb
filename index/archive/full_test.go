package archive_test

import (
	"context"
	"testing"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/seeds"
)

// TestFullQuotes: Full keeps the full quotes, every one of them, and leaves the articles' count
// as it was.
func TestFullQuotes(t *testing.T) {
	a := mustArchive(t, seeds.FS, "")
	for _, q := range []index.Query{
		{Kind: index.KindQuotes, Sort: index.SortNewest},
		{Kind: index.KindQuotes, Text: "China", Sort: index.SortRelevance},
		{Kind: index.KindQuotes, Actors: []string{"antony-blinken"}, Sort: index.SortOldest},
	} {
		t.Run(q.Text+q.Sort, func(t *testing.T) {
			q.Page, q.PerPage = 1, index.MaxPerPage
			all, err := a.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			q.Full = true
			full, err := a.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if all.Total > index.MaxPerPage {
				t.Fatalf("%d quotes: more than a page", all.Total)
			}
			want := 0
			for _, h := range all.QuoteHits {
				if h.Kind == quote.Full {
					want++
				}
			}
			if want == 0 || want == all.Total {
				t.Fatalf("%d full quotes of %d: the case tells nothing", want, all.Total)
			}
			if full.Total != want || len(full.QuoteHits) != want {
				t.Errorf("%d full quotes (%d listed), want %d", full.Total, len(full.QuoteHits), want)
			}
			for _, h := range full.QuoteHits {
				if h.Kind != quote.Full {
					t.Errorf("%s is a %s", h.ID, h.Kind)
				}
			}
			if full.ArticleCount != all.ArticleCount {
				t.Errorf("articles %d, want %d as without the filter", full.ArticleCount, all.ArticleCount)
			}
		})
	}
}
