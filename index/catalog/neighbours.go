package catalog

import (
	"cmp"
	"slices"
	"time"

	"github.com/readout/readout/index"
)

// Diplomacy is governments answering each other: beside a statement, a reader wants the other
// governments' statements on the same subject in the days around it (the replies in a General
// Debate, a ministry's answer to a readout). Neighbours finds them in the catalog alone: the
// articles dated within a few days, about a topic the statement is about, whose speakers speak
// for a government or organisation the statement's do not.

// NeighbourDays is how far apart two statements may be dated to be neighbours.
const NeighbourDays = 7

// maxNeighbours bounds the neighbours shown beside one statement.
const maxNeighbours = 6

// Neighbours returns, for the article an id names, other governments' statements on a topic it
// is about, dated within NeighbourDays of it: the most topics shared first, then the nearest in
// date. An article about no topic, undated, or of no government has none.
func (c *Catalog) Neighbours(articleID string) ([]index.Neighbour, error) {
	ai, err := c.ResolveArticle(articleID)
	if err != nil {
		return nil, err
	}
	a := &c.Articles[ai]
	// A statement of no government has no other governments' (a readout, a bill signed or a
	// nomination no one is quoted in: every document of the archive's own government would be
	// another's, since none is its).
	if len(a.About) == 0 || a.Date.IsZero() || len(a.Countries) == 0 {
		return nil, nil
	}
	order := c.byDate()
	from, to := a.Date.Start().AddDate(0, 0, -NeighbourDays), a.Date.End().AddDate(0, 0, NeighbourDays)
	// A date may be a month or a year ("2021-09", a General Debate's speech): the periods are
	// compared, from a year before the window's start, when a year's period may begin.
	lo, _ := slices.BinarySearchFunc(order, from.AddDate(-1, 0, 0), func(i int32, t time.Time) int { return c.Articles[i].Date.Start().Compare(t) })
	var out []index.Neighbour
	for _, i := range order[lo:] {
		b := &c.Articles[i]
		if b.Date.Start().After(to) {
			break
		}
		if int(i) == ai || b.Date.End().Before(from) || len(b.Countries) == 0 || overlaps(a.Countries, b.Countries) {
			continue
		}
		days := daysBetween(a.Date, b.Date)
		if days > NeighbourDays {
			continue // two periods apart: the General Debates of two years are no neighbours
		}
		shared := sharedTopics(a.About, b.About)
		if len(shared) == 0 {
			continue
		}
		out = append(out, index.Neighbour{Article: *b, Topics: shared, Days: days})
	}
	slices.SortFunc(out, func(x, y index.Neighbour) int {
		return cmp.Or(cmp.Compare(len(y.Topics), len(x.Topics)), cmp.Compare(x.Days, y.Days), cmp.Compare(x.Article.ID, y.Article.ID))
	})
	return out[:min(len(out), maxNeighbours)], nil
}

// byDate returns the articles' indexes oldest first, undated ones left out.
func (c *Catalog) byDate() []int32 {
	c.byDateOnce.Do(func() {
		for i := range c.Articles {
			if !c.Articles[i].Date.IsZero() {
				c.dated = append(c.dated, int32(i))
			}
		}
		slices.SortStableFunc(c.dated, func(x, y int32) int { return c.Articles[x].Date.Start().Compare(c.Articles[y].Date.Start()) })
	})
	return c.dated
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// sharedTopics returns the topics of a that b holds too, in a's order.
func sharedTopics(a, b []string) []string {
	var out []string
	for _, t := range a {
		if slices.Contains(b, t) {
			out = append(out, t)
		}
	}
	return out
}

// daysBetween returns the days between two dates' periods, 0 when they overlap. A period
// longer than a day (a month, a year: the General Debate's speeches are dated so) that does not
// overlap the other is taken at its middle, its day unknown: the speeches of 1999 and of 2000
// are a year apart, not the day between 31 December and 1 January.
func daysBetween(a, b index.Date) int {
	if b.Start().After(a.End()) || a.Start().After(b.End()) {
		x, y := a.Start(), b.Start()
		if longerThanADay(a) {
			x = a.Start().Add(a.End().Sub(a.Start()) / 2)
		}
		if longerThanADay(b) {
			y = b.Start().Add(b.End().Sub(b.Start()) / 2)
		}
		if longerThanADay(a) || longerThanADay(b) {
			return int(max(x.Sub(y), y.Sub(x)).Hours() / 24)
		}
	}
	switch {
	case b.Start().After(a.End()):
		return int(b.Start().Sub(a.End()).Hours() / 24)
	case a.Start().After(b.End()):
		return int(a.Start().Sub(b.End()).Hours() / 24)
	}
	return 0
}

func longerThanADay(d index.Date) bool { return d.End().Sub(d.Start()) > 24*time.Hour }
