package document

import (
	"fmt"
	"strings"
	"time"
)

// Precision says how much of a date is known.
type Precision string

// The precisions a date can have.
const (
	Day   Precision = "day"
	Month Precision = "month"
	Year  Precision = "year"
)

// The years a date may have: the index keeps dates as nanoseconds in 64 bits, which reach from
// 1678 to 2262.
const (
	MinYear = 1700
	MaxYear = 2199
)

// Unknown is the front matter's date of an article whose original gives none ("date: unknown").
// Such an article has the zero Date: it is served, listed after the dated ones, and matches no
// date filter.
const Unknown = "unknown"

// Date is a calendar date known to the day, the month or the year, or not known at all (the
// zero Date). The archive never invents what it does not know: an article dated "January 2022"
// keeps month precision, and one the original does not date stays undated.
type Date struct {
	t         time.Time // the first day of the period, UTC
	Precision Precision
}

// ParseDate reads YYYY-MM-DD, YYYY-MM or YYYY. A precision that is not empty must agree with the
// form or be coarser than it ("2022-01-06" with precision month is January 2022).
func ParseDate(s string, precision string) (Date, error) {
	s = strings.TrimSpace(s)
	var d Date
	var err error
	switch len(s) {
	case len("2006-01-02"):
		d.t, err = time.Parse(time.DateOnly, s)
		d.Precision = Day
	case len("2006-01"):
		d.t, err = time.Parse("2006-01", s)
		d.Precision = Month
	case len("2006"):
		d.t, err = time.Parse("2006", s)
		d.Precision = Year
	default:
		if t, terr := time.Parse(time.RFC3339, s); terr == nil {
			d.t, d.Precision = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Day
		} else {
			err = fmt.Errorf("not YYYY-MM-DD, YYYY-MM or YYYY")
		}
	}
	if err != nil {
		return Date{}, fmt.Errorf("date %q: not YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	if d.t.Year() < MinYear || d.t.Year() > MaxYear {
		return Date{}, fmt.Errorf("date %q: the year must be from %d to %d", s, MinYear, MaxYear)
	}
	switch p := Precision(strings.ToLower(strings.TrimSpace(precision))); p {
	case "":
	case Day, Month, Year:
		if rank(p) > rank(d.Precision) {
			return Date{}, fmt.Errorf("date_precision %q is finer than the date %q", precision, s)
		}
		d = d.truncate(p)
	default:
		return Date{}, fmt.Errorf("date_precision %q is not day, month or year", precision)
	}
	return d, nil
}

// NewDate returns the date with the precision, truncated to it.
func NewDate(t time.Time, p Precision) Date {
	return Date{t: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Precision: Day}.truncate(p)
}

func rank(p Precision) int {
	switch p {
	case Day:
		return 3
	case Month:
		return 2
	case Year:
		return 1
	}
	return 0
}

func (d Date) truncate(p Precision) Date {
	switch p {
	case Month:
		d.t = time.Date(d.t.Year(), d.t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case Year:
		d.t = time.Date(d.t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	d.Precision = p
	return d
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Start returns the first day of the date's period.
func (d Date) Start() time.Time { return d.t }

// End returns the last day of the date's period.
func (d Date) End() time.Time {
	switch d.Precision {
	case Month:
		return d.t.AddDate(0, 1, -1)
	case Year:
		return d.t.AddDate(1, 0, -1)
	}
	return d.t
}

// ISO returns the date in the form it was given: YYYY-MM-DD, YYYY-MM or YYYY; "" when unknown.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	switch d.Precision {
	case Month:
		return d.t.Format("2006-01")
	case Year:
		return d.t.Format("2006")
	}
	return d.t.Format(time.DateOnly)
}

// String returns the date as a reader reads it: "24 March 2021", "January 2022", "2022".
func (d Date) String() string {
	if d.IsZero() {
		return "date unknown"
	}
	switch d.Precision {
	case Month:
		return d.t.Format("January 2006")
	case Year:
		return d.t.Format("2006")
	}
	return d.t.Format("2 January 2006")
}

// Overlaps reports whether the date's period meets the range [from, to] of days; a zero bound is
// open. An unknown date meets only the range open at both ends.
func (d Date) Overlaps(from, to time.Time) bool {
	if d.IsZero() {
		return from.IsZero() && to.IsZero()
	}
	if !to.IsZero() && d.Start().After(to) {
		return false
	}
	if !from.IsZero() && d.End().Before(from) {
		return false
	}
	return true
}

// Compare orders dates by their start, then the more precise first.
func (d Date) Compare(e Date) int {
	if c := d.t.Compare(e.t); c != 0 {
		return c
	}
	return rank(e.Precision) - rank(d.Precision)
}

// MarshalText writes the date as ISO does.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return nil, nil
	}
	return []byte(d.ISO()), nil
}

// UnmarshalText reads a date written by MarshalText.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b), "")
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalBinary is MarshalText, for gob, which does not use text marshalling: a saved catalog
// keeps its dates and their precision.
func (d Date) MarshalBinary() ([]byte, error) { return d.MarshalText() }

// UnmarshalBinary reads what MarshalBinary wrote.
func (d *Date) UnmarshalBinary(b []byte) error { return d.UnmarshalText(b) }
