package archive_test

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/readout/readout/index"
)

// TestUndated: an article whose original gives no date ("date: unknown") is served, found by
// its words, listed after the dated ones whichever the order, and left out by any date filter.
func TestUndated(t *testing.T) {
	fsys := seedFiles(t)
	fsys["articles/undated-statement.md"] = &fstest.MapFile{Data: []byte("---\ntitle: \"Statement on the Zanzibar archipelago\"\ndate: unknown\n---\nThe ministry said on the Zanzibar archipelago that talks with China would go on.\n")}
	a := mustArchive(t, fsys, "")
	art, err := a.Article("undated-statement")
	if err != nil {
		t.Fatal(err)
	}
	if !art.Date.IsZero() {
		t.Errorf("date %v, want none", art.Date)
	}
	st, _ := a.Stats()
	if st.First.IsZero() || st.First.Year() < 2021 {
		t.Errorf("the archive's first date is %v: an undated article counts as a date", st.First)
	}
	search := func(q index.Query) []string {
		t.Helper()
		q.Kind, q.Page, q.PerPage = index.KindArticles, 1, 100
		res, err := a.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.ArticleHits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	last := func(ids []string) string {
		if len(ids) == 0 {
			return ""
		}
		return ids[len(ids)-1]
	}
	for _, sort := range []string{index.SortNewest, index.SortOldest} {
		// With no words the catalog answers; with words, the index: both list it last.
		if ids := search(index.Query{Sort: sort}); len(ids) != 6 || last(ids) != "undated-statement" {
			t.Errorf("%s, no words: %v; want 6 with the undated article last", sort, ids)
		}
		if ids := search(index.Query{Text: "china", Sort: sort}); len(ids) < 2 || last(ids) != "undated-statement" {
			t.Errorf("%s, china: %v; want the undated article last", sort, ids)
		}
	}
	if ids := search(index.Query{Text: "zanzibar"}); len(ids) != 1 {
		t.Errorf("zanzibar: %v, want the undated article", ids)
	}
	for _, q := range []index.Query{
		{Text: "zanzibar", From: time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Text: "zanzibar", To: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Text: "zanzibar from:2021"},
	} {
		if ids := search(q); len(ids) != 0 {
			t.Errorf("%+v: %v; an undated article matches no date range", q, ids)
		}
	}
}
