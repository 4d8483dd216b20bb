package catalog_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/query"
	"github.com/readout/readout/seeds"
)

// TestResolveNames: a whole name typed among the words of a search of quotes is the speaker
// (taken out of the words), offered on the articles tab, left as words when the search is
// literal; actor: takes a surname or a slip of spelling, and the note names whom a slip was
// read as.
func TestResolveNames(t *testing.T) {
	c := mustCatalog(t, seeds.FS)
	tests := []struct {
		name    string
		q       index.Query
		named   []string // ids of res.Named
		offered []string // ids of res.Offered
		words   string   // the words left to match
		actors  []string // the search's actor filter
		note    string   // a note that holds this, when not empty
	}{
		{name: "a name among the words of quotes", q: index.Query{Text: "Antony Blinken China", Kind: index.KindQuotes},
			named: []string{"antony-blinken"}, words: "China", actors: []string{"antony-blinken"}},
		{name: "literal", q: index.Query{Text: "Antony Blinken China", Kind: index.KindQuotes, Literal: true},
			words: "Antony Blinken China"},
		{name: "on the articles tab, offered", q: index.Query{Text: "Antony Blinken China", Kind: index.KindArticles},
			offered: []string{"antony-blinken"}, words: "Antony Blinken China"},
		{name: "a surname", q: index.Query{Text: "actor:blinken", Kind: index.KindQuotes}, actors: []string{"antony-blinken"}},
		{name: "a slip of spelling", q: index.Query{Text: "actor:Blinkin", Kind: index.KindQuotes}, actors: []string{"antony-blinken"}, note: "Antony Blinken"},
		{name: "an id", q: index.Query{Text: "speaker:antony-blinken", Kind: index.KindQuotes}, actors: []string{"antony-blinken"}},
	}
	ids := func(named []index.NamedActor) []string {
		var out []string
		for _, n := range named {
			out = append(out, n.ID)
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := query.Parse(tt.q.Text)
			if err != nil {
				t.Fatal(err)
			}
			res := &index.Results{}
			q, err := c.Resolve(tt.q, &p, res)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.named, ids(res.Named)); diff != "" {
				t.Errorf("named (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.offered, ids(res.Offered)); diff != "" {
				t.Errorf("offered (-want +got):\n%s", diff)
			}
			if got := p.Words(); got != tt.words {
				t.Errorf("words %q, want %q", got, tt.words)
			}
			if diff := cmp.Diff(tt.actors, q.Actors); diff != "" {
				t.Errorf("actors (-want +got):\n%s", diff)
			}
			if tt.note != "" && !slices.ContainsFunc(res.Notes, func(n string) bool { return strings.Contains(n, tt.note) }) {
				t.Errorf("notes %q; want one naming %s", res.Notes, tt.note)
			}
		})
	}
}
