package handlers

import (
	"net/http"

	"github.com/readout/readout/web"
)

// searchExamples are the help page's examples: each is a search the page links to, and a test
// (TestSearchHelpExamples) runs every one and wants results.
var searchExamples = []web.Example{
	{Syntax: `alliance`, Explain: "A word. Other forms of it match too (alliances), and accents need not be typed (Fernandez finds Fernández)."},
	{Syntax: `China Taiwan`, Explain: "Several words: every one must be there. The best matches come first."},
	{Syntax: `"human rights"`, Explain: "An exact phrase, in quotation marks: the words together, in this order."},
	{Syntax: `China -Taiwan`, Explain: "A minus sign before a word or a phrase leaves out what holds it."},
	{Syntax: `Xinjiang OR Tibet`, Explain: "OR between two words or phrases: either is enough."},
	{Syntax: `actor:blinken`, Explain: "Who: on the quotes tab, who spoke; on the articles tab, who is named. A surname, a full name or an id (antony-blinken); a close spelling is read as the nearest name."},
	{Syntax: `country:"European Union"`, Explain: "Whom the speakers speak for: a government, or an organisation such as the European Union. On the quotes tab, the quotes of those who speak for it (its ministers, its envoys, its statements); on the articles tab, the articles that quote them. A name, an alias or an id (china, united-states, EU)."},
	{Syntax: `topic:xinjiang`, Explain: "A topic: everything that names one of its terms, what is most about it first. The topics are listed under Topics."},
	{Syntax: `source:ANI`, Explain: "Where the article was published, as the archive names it; quotation marks around a name of several words."},
	{Syntax: `from:2021-03 to:2021-12`, Explain: "Dates: a day (2021-03-15), a month (2021-03) or a year (2021). Either end may be left open."},
	{Syntax: `Taiwan actor:blinken from:2021`, Explain: "All of these together."},
}

// searchHelp handles "GET /search/help": the search syntax, with examples that run.
func (s *Server) searchHelp(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r); err != nil {
		return err
	}
	h := web.Help{Page: web.Page{Title: "How to search", Canonical: s.abs("/search/help"), Nav: "search"}}
	for _, e := range searchExamples {
		e.URL = searchState{Q: e.Syntax}.url("/search")
		h.Examples = append(h.Examples, e)
	}
	s.render(w, r, http.StatusOK, web.HelpPage(h))
	return nil
}
