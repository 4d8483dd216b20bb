package english

import "testing"

func TestEnglish(t *testing.T) {
	tests := []struct{ got, want string }{
		{Number(0), "0"},
		{Number(999), "999"},
		{Number(1000), "1,000"},
		{Number(14396), "14,396"},
		{Number(1234567), "1,234,567"},
		{Number(-123456), "-123,456"},
		{Count(1, "quote", "quotes"), "1 quote"},
		{Count(0, "quote", "quotes"), "0 quotes"},
		{Count(10000, "quote", "quotes"), "10,000 quotes"},
		{Plural(2, "article does", "articles do"), "articles do"},
		{List(nil), ""},
		{List([]string{"A"}), "A"},
		{List([]string{"A", "B"}), "A and B"},
		{List([]string{"A", "B", "C"}), "A, B and C"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%q, want %q", tt.got, tt.want)
		}
	}
}
