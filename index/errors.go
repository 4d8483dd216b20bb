package index

import (
	"errors"
	"fmt"
	"time"
)

// ErrNotFound is returned for an id the archive does not have.
var ErrNotFound = errors.New("not found")

// ErrGone is returned for an article whose file was removed, or changed, since the archive
// was indexed: what the index holds of it can no longer be shown. A restart indexes the change.
var ErrGone = errors.New("the article's file changed or was removed since the archive was indexed")

// ErrNotReady is returned while the index is being built.
var ErrNotReady = errors.New("the archive is being indexed")

// ErrBusy is returned for a costly search while the places for costly searches are all taken.
var ErrBusy = errors.New("too many costly searches at once")

// MovedError is the answer to an old id of an article or a quote (ids.go), or to an actor merged
// into another (canon.go): ID is its id now.
type MovedError struct{ ID string }

func (e *MovedError) Error() string { return "now at " + e.ID }

// AmbiguousError is the answer to a plain id that several articles (or quotes) share since
// files of different texts came under it: Choices are what it names.
type AmbiguousError struct {
	Quotes  bool // the choices are quotes, not articles
	Choices []Choice
}

// Choice is one of the things a shared id names.
type Choice struct {
	ID      string // the article's or the quote's own id
	Article Summary
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%d documents share this id", len(e.Choices))
}

// QueryError is a search the archive cannot run as asked: its message says why, for the reader.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return e.Msg }

// ErrDatesReversed is a date range that ends before it starts.
var ErrDatesReversed = errors.New("the date range ends before it starts")

// CheckDates refuses a range of dates, from its first day to its last, that ends before it
// starts (ErrDatesReversed); an open end (a zero time) never does. Filters chosen beside the
// box and typed in it are checked by this one rule.
func CheckDates(from, to time.Time) error {
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return ErrDatesReversed
	}
	return nil
}
