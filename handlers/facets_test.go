package handlers_test

import (
	"testing"
)

// TestFacetAll: a facet lists its most frequent values and links to all of them; all=actor
// lists more, the chosen filters kept, and links back to fewer.
func TestFacetAll(t *testing.T) {
	srv := mustSeedsServer(t)
	short := mustDoc(t, get(t, srv, "/search?q=China").body)
	link, ok := short.Find(`[data-testid="all-facet-actors"]`).Attr("href")
	if !ok {
		t.Fatal("no link to all the actors")
	}
	if link != "/search?all=actor&q=China#facet-actors" {
		t.Errorf("link to all the actors: %q", link)
	}
	n := short.Find(`section[aria-labelledby="facet-actors"] li`).Length()
	all := mustDoc(t, get(t, srv, "/search?q=China&all=actor").body)
	m := all.Find(`section[aria-labelledby="facet-actors"] li`).Length()
	if m <= n {
		t.Errorf("all the actors: %d values, no more than the %d shown first", m, n)
	}
	if back, _ := all.Find(`[data-testid="all-facet-actors"]`).Attr("href"); back != "/search?q=China" {
		t.Errorf("back to fewer: %q", back)
	}
	if r := get(t, srv, "/search?all=speakers"); r.status != 400 {
		t.Errorf("all=speakers: status %d, want 400", r.status)
	}
}
