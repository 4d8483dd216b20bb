package catalog

import (
	"slices"
	"testing"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/document"
)

// TestNeighbours: beside a statement, other governments' statements on a subject it is about,
// dated within a week of it (a month's date, a General Debate's speech, overlaps); the most
// subjects shared first, then the nearest.
func TestNeighbours(t *testing.T) {
	day := func(s, precision string) index.Date {
		d, err := document.ParseDate(s, precision)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	arts := []index.Summary{
		{ID: "us-statement", Date: day("2021-09-21", "day"), Countries: []string{"united-states"}, About: []string{"climate-change", "covid-19"}},
		{ID: "china-speech", Date: day("2021-09", "month"), Countries: []string{"china"}, About: []string{"climate-change"}},
		{ID: "us-again", Date: day("2021-09-22", "day"), Countries: []string{"united-states"}, About: []string{"climate-change"}},
		{ID: "france-later", Date: day("2021-10-15", "day"), Countries: []string{"france"}, About: []string{"climate-change"}},
		{ID: "france-trade", Date: day("2021-09-25", "day"), Countries: []string{"france"}, About: []string{"trade"}},
		{ID: "eu-statement", Date: day("2021-09-23", "day"), Countries: []string{"european-union"}, About: []string{"covid-19", "climate-change"}},
		{ID: "nobody", Date: day("2021-09-20", "day"), About: []string{"climate-change"}},
		{ID: "undated", Countries: []string{"japan"}, About: []string{"climate-change"}},
		{ID: "un-2000", Date: day("2000", "year"), Countries: []string{"nepal"}, About: []string{"climate-change"}},
		{ID: "un-1999", Date: day("1999", "year"), Countries: []string{"finland"}, About: []string{"climate-change"}},
		{ID: "un-2000-again", Date: day("2000", "year"), Countries: []string{"france"}, About: []string{"climate-change"}},
		{ID: "un-2021-08", Date: day("2021-08", "month"), Countries: []string{"chile"}, About: []string{"climate-change"}},
	}
	c := &Catalog{Articles: arts, byID: map[string]int{}}
	for i, a := range arts {
		c.byID[a.ID] = i
	}
	tests := []struct {
		id   string
		want []string
		days []int
	}{
		{"us-statement", []string{"eu-statement", "china-speech"}, []int{2, 0}},
		{"china-speech", []string{"eu-statement", "us-again", "us-statement"}, []int{0, 0, 0}},
		{"france-trade", nil, nil},
		{"undated", nil, nil},
		// A statement of no government has no other governments'.
		{"nobody", nil, nil},
		// Periods of a year or a month apart are not the day between them apart.
		{"un-2000", []string{"un-2000-again"}, []int{0}},
	}
	for _, tt := range tests {
		ns, err := c.Neighbours(tt.id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		var days []int
		for _, n := range ns {
			got, days = append(got, n.Article.ID), append(days, n.Days)
		}
		if !slices.Equal(got, tt.want) || !slices.Equal(days, tt.days) {
			t.Errorf("%s: neighbours %v (days %v), want %v (days %v)", tt.id, got, days, tt.want, tt.days)
		}
	}
	if _, err := c.Neighbours("no-such-article"); err == nil {
		t.Error("an unknown id has neighbours")
	}
}
