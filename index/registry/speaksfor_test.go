package registry_test

import (
	"os"
	"testing"
	"time"

	"github.com/readout/readout/index/registry"
)

func TestSpeaksFor(t *testing.T) {
	r, err := registry.Load(os.DirFS("testdata/speaksfor"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		actor, day, want string // want "" for no one
	}{
		{"estonia", "2023-01-01", "estonia"},                    // a country is itself
		{"european-union", "2023-01-01", "european-union"},      // a body without a country is itself
		{"european-commission", "2023-01-01", "european-union"}, // … or the body it belongs to
		{"white-house", "2023-01-01", "united-states"},          // a body of a country speaks for it
		{"think-tank", "2023-01-01", "think-tank"},
		{"loop-a", "2023-01-01", "loop-a"},                       // a loop in the data ends
		{"joe-biden", "2023-01-01", "united-states"},             // a person's country
		{"kaja-kallas", "2023-01-01", "estonia"},                 // an office that names the country
		{"kaja-kallas", "2025-01-01", "european-union"},          // an office that does not
		{"kaja-kallas", "2024-09-01", "european-union"},          // between offices: the body
		{"ursula-von-der-leyen", "2023-01-01", "european-union"}, // Commission → Union
		{"ursula-von-der-leyen", "", "european-union"},           // date unknown
		{"analyst", "2015-01-01", "united-states"},               // "U.S. Assistant Secretary"
		{"analyst", "2020-01-01", "think-tank"},                  // after office: the body served
		{"nobody-abroad", "2023-01-01", ""},                      // a country not registered
		{"envoy", "2023-01-01", "european-union"},                // no country: the body
	} {
		a, ok := r.Actor(tc.actor)
		if !ok {
			t.Fatalf("%s: not in the fixture", tc.actor)
		}
		var d time.Time
		if tc.day != "" {
			d = day(tc.day)
		}
		got := ""
		if c := r.SpeaksFor(a, d); c != nil {
			got = c.ID
		}
		if got != tc.want {
			t.Errorf("SpeaksFor(%s, %q) = %q, want %q", tc.actor, tc.day, got, tc.want)
		}
	}
}

func TestStateNamed(t *testing.T) {
	r, err := registry.Load(os.DirFS("testdata/speaksfor"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ source, want string }{
		{"Estonia", "estonia"},
		{"  estonia ", "estonia"},
		{"Iran (Islamic Republic of)", "iran"},
		{"Islamic Republic of Iran", "iran"},
		{"Federal Republic of Germany", "germany"},
		{"European Union", ""}, // a body is not a state
		{"White House", ""},
		{"Reuters", ""},
		{"", ""},
		{"(", ""},
		{"Iran (", ""},
		{"()", ""},
		{"Atlantis (Lost Kingdom of)", ""},
	} {
		got := ""
		if c := r.StateNamed(tc.source); c != nil {
			got = c.ID
		}
		if got != tc.want {
			t.Errorf("StateNamed(%q) = %q, want %q", tc.source, got, tc.want)
		}
	}
}
