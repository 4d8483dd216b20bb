package index

import "time"

// Stats describe the archive as a whole.
type Stats struct {
	Articles, Quotes, Actors, Topics int
	First, Last                      time.Time // the earliest and latest dates; zero when none
	Skipped                          []Problem
}

// MonthCount is how many statements fall in a month.
type MonthCount struct {
	Month time.Time
	Count int
}

// Progress is how far indexing has come.
type Progress struct {
	Done, Total int
	Elapsed     time.Duration
	Remaining   time.Duration // estimated; 0 when unknown
}
