package handlers

import (
	"fmt"
	"strings"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/web"
)

// citation writes a quote's reference in the Chicago notes style, the speaker with the office
// held on the quote's date when known, the publisher and the original's address when known
// (nothing is said of what is not):
//
//	Antony Blinken, Secretary of State, quoted in “Title,” The White House, 24 March 2021,
//	https://www.whitehouse.gov/…. Readout, https://…/quotes/id (accessed 23 November 2026).
func citation(s *Server, q *index.Quote, art *index.Article) string {
	var b strings.Builder
	b.WriteString(speakerRoles(q.Speakers))
	if q.Turn {
		b.WriteString(", in “")
	} else {
		b.WriteString(", quoted in “")
	}
	b.WriteString(strings.TrimRight(art.Title, "."))
	b.WriteString(",” ")
	if src := sourceLabel(art.Source, art.URL); src != "" {
		b.WriteString(src)
		b.WriteString(", ")
	}
	if art.Date.IsZero() {
		b.WriteString("n.d.") // Chicago's mark of a work without a date
	} else {
		b.WriteString(art.Date.String())
	}
	if art.URL != "" {
		b.WriteString(", ")
		b.WriteString(art.URL)
	}
	b.WriteString(". Readout, ")
	b.WriteString(s.abs(quoteURL(q.ID)))
	b.WriteString(" (accessed ")
	b.WriteString(s.now().UTC().Format("2 January 2006"))
	b.WriteString(").")
	return b.String()
}

var bibEscaper = strings.NewReplacer(
	`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`, `%`, `\%`, `&`, `\&`, `#`, `\#`,
	`_`, `\_`, `$`, `\$`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`,
)

// bibtex writes a quote's reference as a BibTeX @misc entry.
func bibtex(s *Server, q *index.Quote, art *index.Article) string {
	var authors []string
	for _, sp := range q.Speakers {
		authors = append(authors, "{"+bibEscaper.Replace(sp.Name)+"}")
	}
	if len(authors) == 0 {
		authors = []string{"{" + web.UnidentifiedSpeaker + "}"}
	}
	published := "{Quoted in ``" + bibEscaper.Replace(art.Title) + "''"
	if src := sourceLabel(art.Source, art.URL); src != "" {
		published += ", " + bibEscaper.Replace(src)
	}
	if art.URL != "" {
		published += ", \\url{" + bibEscaper.Replace(art.URL) + "}"
	}
	fields := [][2]string{
		{"author", strings.Join(authors, " and ")},
		{"title", "{" + bibEscaper.Replace(excerptText(q.Text, 160)) + "}"},
		{"howpublished", published + "}"},
	}
	if !art.Date.IsZero() {
		fields = append(fields, [2]string{"year", art.Date.Start().Format("2006")})
	}
	if art.Date.Precision == document.Month || art.Date.Precision == document.Day {
		fields = append(fields, [2]string{"month", strings.ToLower(art.Date.Start().Format("Jan"))})
	}
	if art.Date.Precision == document.Day {
		fields = append(fields, [2]string{"day", art.Date.Start().Format("2")})
	}
	fields = append(fields,
		[2]string{"url", "{" + s.abs(quoteURL(q.ID)) + "}"},
		[2]string{"note", "{Readout archive, accessed " + s.now().UTC().Format(time.DateOnly) + "}"},
	)
	var b strings.Builder
	fmt.Fprintf(&b, "@misc{readout:%s,\n", q.ID)
	for i, f := range fields {
		fmt.Fprintf(&b, "  %s = %s", f[0], f[1])
		if i < len(fields)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("}")
	return b.String()
}

// newsArticleLD is an article's schema.org NewsArticle.
func newsArticleLD(s *Server, art *index.Article) map[string]any {
	ld := map[string]any{
		"@context":  "https://schema.org",
		"@type":     "NewsArticle",
		"headline":  art.Title,
		"url":       s.abs(articleURL(art.ID)),
		"wordCount": art.Words,
	}
	if d := art.Date.ISO(); d != "" {
		ld["datePublished"] = d
	}
	if art.Source != "" {
		ld["publisher"] = map[string]any{"@type": "Organization", "name": art.Source}
	}
	if art.URL != "" {
		ld["isBasedOn"] = art.URL
	}
	if art.Place != "" {
		ld["contentLocation"] = map[string]any{"@type": "Place", "name": art.Place}
	}
	return ld
}

// quotationLD is a quote's schema.org Quotation.
func quotationLD(s *Server, q *index.Quote, art *index.Article) map[string]any {
	ld := map[string]any{
		"@context": "https://schema.org",
		"@type":    "Quotation",
		"text":     q.Text,
		"url":      s.abs(quoteURL(q.ID)),
		"isPartOf": map[string]any{"@type": "NewsArticle", "headline": art.Title, "url": s.abs(articleURL(art.ID))},
	}
	if d := art.Date.ISO(); d != "" {
		ld["dateCreated"] = d
	}
	var who []map[string]any
	for _, sp := range q.Speakers {
		who = append(who, map[string]any{"@type": "Thing", "name": sp.Name, "url": s.abs(actorURL(sp.ID))})
	}
	if len(who) == 1 {
		ld["spokenByCharacter"] = who[0]
	} else if len(who) > 1 {
		ld["spokenByCharacter"] = who
	}
	return ld
}
