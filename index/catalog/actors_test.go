package catalog

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

// testActors is a catalog's list of actors, most quoted first, as Finish leaves it: registered
// and unregistered, of every kind, with accents, apostrophes, particles and suffixes.
func testActors() []*index.ActorInfo {
	return []*index.ActorInfo{
		{ID: "jen-psaki", Name: "Jen Psaki", Kind: "person", Registered: true, Aliases: []string{"Jennifer Psaki"}, Quotes: 900},
		{ID: "antony-blinken", Name: "Antony Blinken", Kind: "person", Registered: true, Quotes: 500},
		{ID: "senior-administration-official", Name: "Senior Administration Official", Kind: "role", Quotes: 300},
		{ID: "united-states", Name: "United States", Kind: "country", Registered: true, Quotes: 200},
		{ID: "the-white-house", Name: "The White House", Kind: "organisation", Quotes: 150},
		{ID: "lindsey-graham", Name: "Lindsey Graham", Kind: "person", Also: []string{"Lindsay Graham"}, Quotes: 90},
		{ID: "jose-garcia", Name: "José García", Kind: "person", Quotes: 40},
		{ID: "kevin-o-mara", Name: "Kevin O’Mara", Kind: "person", Quotes: 30},
		{ID: "charles-de-gaulle", Name: "Charles de Gaulle", Kind: "person", Quotes: 20},
		{ID: "martin-luther-king-jr", Name: "Martin Luther King Jr.", Kind: "person", Quotes: 10},
		{ID: "heres", Name: "Here's", Kind: "", Quotes: 5},
		{ID: "10-downing-street", Name: "10 Downing Street", Kind: "organisation", Quotes: 3},
		{ID: "psaki", Name: "Psaki", Kind: "person", Quotes: 1},
		{ID: "xi-jinping", Name: "Xi Jinping", Kind: "person", Registered: true, Quotes: 0, Articles: 4},
	}
}

func mustTestRegistry(t *testing.T) *registry.Registry {
	t.Helper()
	r, err := registry.Load(seeds.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestActorList(t *testing.T) {
	ix := newActorIndex(testActors(), mustTestRegistry(t))
	all := []string{"jen-psaki", "antony-blinken", "senior-administration-official", "united-states", "the-white-house", "lindsey-graham", "jose-garcia", "kevin-o-mara", "charles-de-gaulle", "martin-luther-king-jr", "heres", "10-downing-street", "psaki", "xi-jinping"}
	tests := []struct {
		name  string
		q     index.ActorQuery
		want  []string // ids, in order
		total int
		ranks []int // when given, the ranks of want
	}{
		{name: "all, most quoted first", q: index.ActorQuery{}, want: all, total: 14},
		{name: "a surname finds the person and the stray", q: index.ActorQuery{Name: "psaki"}, want: []string{"jen-psaki", "psaki"}, total: 2, ranks: []int{1, 13}},
		{name: "case and accents aside", q: index.ActorQuery{Name: "PSÁKI"}, want: []string{"jen-psaki", "psaki"}, total: 2},
		{name: "the start of each word", q: index.ActorQuery{Name: "jen ps"}, want: []string{"jen-psaki"}, total: 1},
		{name: "words in any order", q: index.ActorQuery{Name: "psaki jen"}, want: []string{"jen-psaki"}, total: 1},
		{name: "an alias", q: index.ActorQuery{Name: "jennifer"}, want: []string{"jen-psaki"}, total: 1},
		{name: "a spelling merged into the actor", q: index.ActorQuery{Name: "Lindsay"}, want: []string{"lindsey-graham"}, total: 1},
		{name: "an accent not typed", q: index.ActorQuery{Name: "garcia"}, want: []string{"jose-garcia"}, total: 1},
		{name: "an apostrophe typed otherwise", q: index.ActorQuery{Name: "o'mara"}, want: []string{"kevin-o-mara"}, total: 1},
		{name: "an apostrophe left out", q: index.ActorQuery{Name: "omara"}, want: []string{"kevin-o-mara"}, total: 1},
		{name: "the middle of a word is not a match", q: index.ActorQuery{Name: "saki"}, want: nil, total: 0},
		{name: "words of two names do not mix", q: index.ActorQuery{Name: "jennifer jen psaki x"}, want: nil, total: 0},
		{name: "punctuation alone matches all", q: index.ActorQuery{Name: "’ - ."}, want: all, total: 14},
		{name: "people", q: index.ActorQuery{Kind: index.ActorPerson, PerPage: 3}, want: []string{"jen-psaki", "antony-blinken", "lindsey-graham"}, total: 9},
		{name: "states and countries", q: index.ActorQuery{Kind: index.ActorState}, want: []string{"united-states"}, total: 1},
		{name: "roles without a name", q: index.ActorQuery{Kind: index.ActorRole}, want: []string{"senior-administration-official"}, total: 1},
		{name: "kind not told", q: index.ActorQuery{Kind: index.ActorOther}, want: []string{"heres"}, total: 1},
		{name: "organisations by name, without The", q: index.ActorQuery{Kind: index.ActorOrganisation, Sort: index.ActorsByName}, want: []string{"10-downing-street", "the-white-house"}, total: 2},
		{name: "by name: people by surname", q: index.ActorQuery{Sort: index.ActorsByName}, want: []string{"10-downing-street", "antony-blinken", "charles-de-gaulle", "jose-garcia", "lindsey-graham", "heres", "martin-luther-king-jr", "kevin-o-mara", "psaki", "jen-psaki", "senior-administration-official", "united-states", "the-white-house", "xi-jinping"}, total: 14},
		{name: "a letter", q: index.ActorQuery{Letter: "p", Sort: index.ActorsByName}, want: []string{"psaki", "jen-psaki"}, total: 2},
		{name: "a surname with its particle", q: index.ActorQuery{Letter: "d"}, want: []string{"charles-de-gaulle"}, total: 1},
		{name: "a suffix is not the surname", q: index.ActorQuery{Letter: "k"}, want: []string{"martin-luther-king-jr"}, total: 1},
		{name: "a registered surname first", q: index.ActorQuery{Letter: "x"}, want: []string{"xi-jinping"}, total: 1},
		{name: "names that begin otherwise", q: index.ActorQuery{Letter: index.LetterOther}, want: []string{"10-downing-street"}, total: 1},
		{name: "a letter and a name", q: index.ActorQuery{Letter: "b", Name: "psaki"}, want: nil, total: 0},
		{name: "a page", q: index.ActorQuery{Page: 2, PerPage: 3}, want: all[3:6], total: 14, ranks: []int{4, 5, 6}},
		{name: "the last page", q: index.ActorQuery{Page: 5, PerPage: 3}, want: all[12:], total: 14},
		{name: "past the last page", q: index.ActorQuery{Page: 6, PerPage: 3}, want: nil, total: 14},
		{name: "a page by name", q: index.ActorQuery{Sort: index.ActorsByName, Page: 2, PerPage: 2}, want: []string{"charles-de-gaulle", "jose-garcia"}, total: 14},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			q.Page = max(q.Page, 1)
			if q.PerPage == 0 {
				q.PerPage = 50
			}
			if err := q.Check(); err != nil {
				t.Fatal(err)
			}
			got := ix.list(q)
			var ids []string
			var ranks []int
			for _, a := range got.Actors {
				ids = append(ids, a.ID)
				ranks = append(ranks, a.Rank)
			}
			if diff := cmp.Diff(tt.want, ids); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			if got.Total != tt.total || got.All != 14 {
				t.Errorf("total %d of %d, want %d of 14", got.Total, got.All, tt.total)
			}
			if tt.ranks != nil && !slices.Equal(ranks, tt.ranks) {
				t.Errorf("ranks %v, want %v", ranks, tt.ranks)
			}
		})
	}
}

// TestActorListCounts: the counts beside the kinds and the letters are what choosing each would
// show, the other filters kept.
func TestActorListCounts(t *testing.T) {
	ix := newActorIndex(testActors(), mustTestRegistry(t))
	got := ix.list(index.ActorQuery{Name: "s", Kind: index.ActorState, Page: 1, PerPage: 10})
	// Names with a word that starts with s: Senior Administration Official (a role), United
	// States (a state), 10 Downing Street (an organisation), Here's (kind not told).
	wantKinds := map[string]int{index.ActorRole: 1, index.ActorState: 1, index.ActorOrganisation: 1, index.ActorOther: 1}
	if diff := cmp.Diff(wantKinds, got.Kinds); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"u": 1}, got.Letters); diff != "" {
		t.Errorf("letters (-want +got):\n%s", diff)
	}
	for kind, n := range got.Kinds {
		if l := ix.list(index.ActorQuery{Name: "s", Kind: kind, Page: 1, PerPage: 10}); l.Total != n {
			t.Errorf("%s: counted %d, listed %d", kind, n, l.Total)
		}
	}
}

func TestActorQueryCheck(t *testing.T) {
	for _, q := range []index.ActorQuery{
		{Kind: "country", Page: 1, PerPage: 1},
		{Kind: "people", Page: 1, PerPage: 1},
		{Letter: "ab", Page: 1, PerPage: 1},
		{Letter: "A", Page: 1, PerPage: 1},
		{Letter: "é", Page: 1, PerPage: 1},
		{Sort: "random", Page: 1, PerPage: 1},
		{Name: "\xff", Page: 1, PerPage: 1},
		{Name: string(make([]byte, index.MaxActorName+1)), Page: 1, PerPage: 1},
		{Page: 0, PerPage: 1},
		{Page: 1, PerPage: 0},
	} {
		if err := q.Check(); err == nil {
			t.Errorf("%+v: no error", q)
		}
	}
}
