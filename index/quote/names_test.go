package quote

import "testing"

// TestNamesInCapitals: names a text gives in capitals (transcript labels, statement titles) are
// written as people write them.
func TestNamesInCapitals(t *testing.T) {
	tests := []struct {
		in, display, person string
	}{
		{"O'NEILL", "O'Neill", "O'Neill"},
		{"JEAN-MARC AYRAULT", "Jean-Marc Ayrault", "Jean-Marc Ayrault"},
		{"MCGILL JOHNSON", "McGill Johnson", "McGill Johnson"},
		{"MACK", "MACK", "Mack"},
		{"MUNOZ", "MUNOZ", "Munoz"}, // alone, an acronym unless the text says it is a person
		{"NATO", "NATO", "Nato"},
		{"Rachel McGill", "Rachel McGill", "Rachel McGill"},
		{"Denis SASSOU-NGUESSO", "Denis Sassou-Nguesso", "Denis Sassou-Nguesso"},
		{"Prince HANS-ADAM II", "Prince Hans-Adam II", "Prince Hans-Adam II"},
	}
	for _, tt := range tests {
		if got := displayName(tt.in); got != tt.display {
			t.Errorf("displayName(%q) = %q, want %q", tt.in, got, tt.display)
		}
		if got := personName(tt.in); got != tt.person {
			t.Errorf("personName(%q) = %q, want %q", tt.in, got, tt.person)
		}
	}
}
