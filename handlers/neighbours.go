package handlers

import (
	"time"

	"github.com/readout/readout/english"
	"github.com/readout/readout/index"
	"github.com/readout/readout/web"
)

// neighbourViews shows other governments' statements on the subjects of the article an id names,
// dated near it: who speaks, the title, when, and what both are about.
func (s *Server) neighbourViews(art *index.Summary) []web.Neighbour {
	ns, err := s.archive.Neighbours(art.ID)
	if err != nil {
		return nil
	}
	out := make([]web.Neighbour, 0, len(ns))
	for _, n := range ns {
		v := web.Neighbour{
			Title: n.Article.Title, URL: articleURL(n.Article.ID), Date: n.Article.Date.String(),
			Source: sourceLabel(n.Article.Source, n.Article.URL), Days: daysApart(n.Days, art.Date, n.Article.Date),
		}
		var who, topics []string
		for _, id := range n.Article.Countries {
			if info, err := s.archive.Actor(id); err == nil {
				who = append(who, info.Name)
			}
		}
		for _, id := range n.Topics {
			if info, err := s.archive.Topic(id); err == nil {
				topics = append(topics, info.Name)
			}
		}
		v.Who, v.Topics = english.List(who), english.List(topics)
		out = append(out, v)
	}
	return out
}

// daysApart says how far apart two statements' dates are: days, or, when the periods of their
// dates overlap, the same day, month or year (a General Debate's speech is dated to its month).
func daysApart(days int, a, b index.Date) string {
	if days > 0 {
		return english.Count(days, "day", "days") + " apart"
	}
	switch longest := max(a.End().Sub(a.Start()), b.End().Sub(b.Start())); {
	case longest > 31*24*time.Hour:
		return "the same year"
	case longest > 24*time.Hour:
		return "the same month"
	}
	return "the same day"
}
