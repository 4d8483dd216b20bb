package load

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

// TestSpeakerCountries: whom each quote's speakers speak for, with the seeds' registry: a
// registered person by the registry's rule, an unregistered one who makes a document's own
// statement by the state its source names, anyone else not at all.
func TestSpeakerCountries(t *testing.T) {
	reg, err := registry.Load(seeds.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		want map[string]string // a speaker's name → the id of whom they speak for ("" for none)
	}{
		{"un-statement.md", map[string]string{"Ebrahim Raisi": "iran"}},
		// A state's own document quoting someone: not its statement, so not its government's.
		{"state-report.md", map[string]string{"Li Unknown": ""}},
		{"briefing.md", map[string]string{"Antony Blinken": "united-states", "Josep Borrell": "european-union", "Maria Unknown": ""}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", "countries", tc.file)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Analyse(reg, path, b)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, q := range a.Quotes {
				for _, s := range q.Speakers {
					if s.CountryID != "" && s.Country == "" {
						t.Errorf("%s: country id %q without its name", s.Name, s.CountryID)
					}
					got[s.Name] = s.CountryID
				}
			}
			for name, want := range tc.want {
				c, ok := got[name]
				if !ok {
					t.Errorf("%s is not among the speakers %v", name, got)
				} else if c != want {
					t.Errorf("%s speaks for %q, want %q", name, c, want)
				}
			}
			for _, id := range a.Countries {
				if id == "" {
					t.Error("an empty country among the article's")
				}
			}
		})
	}
}
