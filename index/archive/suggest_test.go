package archive_test

import (
	"context"
	"testing"

	"github.com/readout/readout/seeds"
)

// TestDidYouMean: a misspelt word is offered the archive's own spelling, a name the registry's;
// words the archive holds are left as typed, and nothing is offered for a search without slips.
func TestDidYouMean(t *testing.T) {
	a := mustArchive(t, seeds.FS, "")
	tests := []struct{ typed, want string }{
		{"Xinjang", "Xinjiang"},
		{"Blinkin", "Blinken"},
		{"xinjang human rights", "xinjiang human rights"},
		{`"Blinkin said" Taiwan`, `"Blinken said" Taiwan`},
		{"alliences", "alliances"},
		{"Xinjiang", ""},
		{"zzzzqqq", ""},
		{"", ""},
	}
	for _, tt := range tests {
		r, err := a.DidYouMean(context.Background(), tt.typed)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if r != nil {
			got = r.Text
		}
		if got != tt.want {
			t.Errorf("DidYouMean(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}
