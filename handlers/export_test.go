package handlers_test

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestExport: a search downloads whole, as CSV and as JSON Lines, with every result of the
// search's tab, in its order, and the quotes' fields named by the contract.
func TestExport(t *testing.T) {
	srv := mustSeedsServer(t)

	r := get(t, srv, "/search/export?q=China&kind=quotes&format=jsonl")
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/jsonl") {
		t.Fatalf("status %d, Content-Type %q", r.status, r.header.Get("Content-Type"))
	}
	if cd := r.header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, ".jsonl") {
		t.Errorf("Content-Disposition %q", cd)
	}
	var api struct {
		Total int `json:"quotes_total"`
	}
	decode(t, get(t, srv, "/api/search?q=China&kind=quotes"), &api)
	var lines []map[string]any
	sc := bufio.NewScanner(strings.NewReader(r.body))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", len(lines)+1, err)
		}
		lines = append(lines, m)
	}
	if len(lines) == 0 || len(lines) != api.Total {
		t.Fatalf("%d lines, want the search's %d quotes", len(lines), api.Total)
	}
	for _, k := range []string{"id", "text", "kind", "speakers", "role", "country", "date", "article", "source", "permalink"} {
		if _, ok := lines[0][k]; !ok {
			t.Errorf("a quote's line lacks %q: %v", k, lines[0])
		}
	}
	if p, _ := lines[0]["permalink"].(string); !strings.HasPrefix(p, "https://readout.example/quotes/") {
		t.Errorf("permalink %q", p)
	}

	r = get(t, srv, "/search/export?q=China&format=csv")
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("status %d, Content-Type %q", r.status, r.header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var arts struct {
		Total int `json:"total"`
	}
	decode(t, get(t, srv, "/api/search?q=China"), &arts)
	if len(rows) != arts.Total+1 || !slices.Contains(rows[0], "original") || rows[0][0] != "id" {
		t.Errorf("%d rows (header %q), want a header and %d articles", len(rows), rows[0], arts.Total)
	}

	// A results page's link carries its page and per_page: the download is still the whole
	// search, not refused for a per_page the search page would not take.
	if r2 := get(t, srv, "/search/export?q=China&format=csv&page=2&per_page=100"); r2.status != 200 || r2.body != r.body {
		t.Errorf("with page=2&per_page=100: status %d, same file %v", r2.status, r2.body == r.body)
	}
}
