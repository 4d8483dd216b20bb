package handlers

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/echo"
	"github.com/readout/readout/web"
)

// maxCompared bounds the words of a wording shown beside another: past it, the passage that
// carries the statement is shown, not the whole text.
const maxCompared = 1500

// echoViews shows where else a quote's statement is found, each other wording beside the quote's
// own with their differences marked. A text much longer than the other (a speech beside the
// sentence a paper quoted from it, a document's text) is cut to the passage that carries the
// statement.
func (s *Server) echoViews(q *index.Quote, echoes []index.Echo) []web.Echo {
	var out []web.Echo
	for _, e := range echoes {
		art, err := s.archive.Article(e.Article.ID)
		if err != nil {
			continue // changed or gone since it was indexed
		}
		v := web.Echo{
			Title: e.Article.Title, ArticleURL: articleURL(e.Article.ID), Date: e.Article.Date.String(),
			Source: sourceLabel(e.Article.Source, e.Article.URL), Record: e.Quote == "", Repeated: e.Repeated,
			Match: "Variant", Similarity: fmt.Sprintf("%d %%", int(math.Round(e.Similarity*100))),
		}
		if e.Verbatim {
			v.Match = "Verbatim"
		}
		other := art.Body()
		if e.Quote != "" {
			found := false
			for k := range art.Quotes {
				if o := &art.Quotes[k]; o.ID == e.Quote {
					other, found = o.Text, true
					v.QuoteURL = quoteURL(o.ID)
					v.ArticleURL = quoteInArticle(art.ID, o.ID)
					if len(o.Speakers) > 0 {
						v.Speakers = speakerNames(o.Speakers)
					}
					v.Record = o.Turn
				}
			}
			if !found {
				continue
			}
		}
		this := q.Text
		this, other, v.ThisCut, v.OtherCut = passages(this, other)
		left, right := echo.Diff(this, other)
		v.This, v.Other = changes(left, v.ThisCut), changes(right, v.OtherCut)
		out = append(out, v)
	}
	return out
}

// passages cuts the longer of two wordings to the passage that carries the shorter, when it is
// much longer, and either to maxCompared words.
func passages(a, b string) (string, string, bool, bool) {
	na, nb := len(strings.Fields(a)), len(strings.Fields(b))
	cutA, cutB := false, false
	switch {
	case nb > 2*na+20:
		if s, e, ok := echo.Locate(a, b); ok {
			b, cutB = b[s:e], s > 0 || e < len(b)
		}
	case na > 2*nb+20:
		if s, e, ok := echo.Locate(b, a); ok {
			a, cutA = a[s:e], s > 0 || e < len(a)
		}
	}
	a, ca := firstWords(a, maxCompared)
	b, cb := firstWords(b, maxCompared)
	return a, b, cutA || ca, cutB || cb
}

// firstWords cuts a text after n words.
func firstWords(s string, n int) (string, bool) {
	words := 0
	in := false
	for i, r := range s {
		space := r == ' ' || r == '\n' || r == '\t'
		if !space && !in {
			words++
			if words > n {
				return strings.TrimRight(s[:i], " \n\t"), true
			}
		}
		in = !space
	}
	return s, false
}

// changes turns segments into the view's pieces. A passage cut from a longer text keeps the
// words of its sentence around the statement: those are context, not edits, and are not marked.
func changes(segs []echo.Segment, passage bool) []web.Change {
	if passage {
		segs = slices.Clone(segs)
		for i := 0; i < len(segs) && segs[i].Mark == echo.Changed; i++ {
			segs[i].Mark = echo.Same
		}
		for i := len(segs) - 1; i >= 0 && (segs[i].Mark == echo.Changed || strings.TrimSpace(segs[i].Text) == "." || strings.TrimSpace(segs[i].Text) == ""); i-- {
			segs[i].Mark = echo.Same
		}
	}
	out := make([]web.Change, len(segs))
	for i, s := range segs {
		out[i] = web.Change{Text: s.Text}
		switch s.Mark {
		case echo.Changed:
			out[i].Mark = "changed"
		case echo.Respelled:
			out[i].Mark = "respelled"
		}
	}
	return out
}

// markEchoes notes, on an article's quotes, in how many other places each is found.
func markEchoes(ps []web.Para, counts map[string]int) {
	for i := range ps {
		if t := ps[i].Turn; t != nil {
			t.Echoes = counts[t.QuoteID]
		}
		for k := range ps[i].Segments {
			if a := ps[i].Segments[k].After; a != nil {
				a.Echoes = counts[a.QuoteID]
			}
		}
	}
}
