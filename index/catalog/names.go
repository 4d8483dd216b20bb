package catalog

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/readout/readout/english"
	"github.com/readout/readout/index"
	"github.com/readout/readout/index/query"
	"github.com/readout/readout/index/registry"
)

// Names in the search box. A reader who types "Jen Psaki Taiwan" on the quotes tab means her
// quotes about Taiwan, not quotes that hold the words "Jen" and "Psaki": a run of words that is
// the whole name of an actor who is quoted becomes the speaker filter (the page shows it as a
// chip, and the words read plainly are one click away). A name typed after actor: or speaker:
// may be a surname, an alias or a slip of spelling: it is the most quoted actor it fits, and the
// others are named.

// nameTable finds actors by the words of their names: each name and alias of two words or more
// of a quoted actor, as nameKey writes it, and each actor's surname.
type nameTable struct {
	full    map[string]string   // "jen psaki" → jen-psaki (the most quoted of that name)
	surname map[string][]string // "psaki" → ids, most quoted first
	longest int                 // words in the longest name
}

// names returns the catalog's table of names, made on first use.
func (c *Catalog) names() *nameTable {
	c.namesOnce.Do(func() {
		t := &nameTable{full: map[string]string{}, surname: map[string][]string{}}
		for _, info := range c.actorList { // most quoted first: a name two share is the first's
			if info.Quotes == 0 {
				continue
			}
			for _, n := range append([]string{info.Name}, append(slices.Clone(info.Aliases), info.Also...)...) {
				words := nameKey(n)
				if len(words) < 2 {
					continue
				}
				key := strings.Join(words, " ")
				if _, ok := t.full[key]; !ok {
					t.full[key] = info.ID
				}
				t.longest = max(t.longest, len(words))
			}
			if words := nameKey(info.Name); len(words) > 0 && info.Kind != "organisation" && info.Kind != "country" {
				s := words[len(words)-1]
				t.surname[s] = append(t.surname[s], info.ID)
			}
		}
		c.nameTab = t
	})
	return c.nameTab
}

// findNames takes out of p's words the runs that are an actor's whole name ("Jen Psaki",
// "Antony Blinken"), in the order typed, and returns those actors. Phrases in quotation marks,
// alternatives and excluded words are left as typed: they ask for the words.
func (c *Catalog) findNames(p *query.Parsed) []index.NamedActor {
	t := c.names()
	var out []index.NamedActor
	var kept []query.Clause
	for i := 0; i < len(p.Must); {
		found := false
		for n := min(t.longest, len(p.Must)-i); n >= 2 && !found; n-- {
			run := p.Must[i : i+n]
			if slices.ContainsFunc(run, func(c query.Clause) bool { return c.Phrase || c.Or != nil }) {
				continue
			}
			var typed []string
			for _, c := range run {
				typed = append(typed, c.Text)
			}
			words := nameKey(strings.Join(typed, " "))
			id, ok := t.full[strings.Join(words, " ")]
			if !ok || len(words) < 2 || slices.ContainsFunc(out, func(a index.NamedActor) bool { return a.ID == id }) {
				continue
			}
			out = append(out, index.NamedActor{ID: id, Name: c.actors[id].Name, Words: strings.Join(typed, " ")})
			i += n
			found = true
		}
		if !found {
			kept = append(kept, p.Must[i])
			i++
		}
	}
	if len(out) > 0 {
		p.Must = kept
	}
	return out
}

// resolveName finds the actor a name typed after actor: or speaker: means: an id, a whole name
// or alias, a surname (the most quoted of that surname), or a close spelling of one of those.
// note says what else the name could have been, or how it was read; it is empty when the name
// is the actor's id or whole name and no one else's.
func (c *Catalog) resolveName(name string) (id, note string, ok bool) {
	t := c.names()
	words := nameKey(strings.ReplaceAll(name, "-", " "))
	if len(words) == 0 {
		return "", "", false
	}
	if id, found := t.full[strings.Join(words, " ")]; found {
		return id, "", true
	}
	if len(words) == 1 {
		if ids := t.surname[words[0]]; len(ids) > 0 {
			return ids[0], c.alsoNote(ids[1:]), true
		}
	}
	if _, found := c.actors[name]; found {
		return c.canonical(name), "", true
	}
	// A slip of spelling: the closest surname or whole name, one or two letters away.
	if id, ok := c.closest(words); ok {
		return id, fmt.Sprintf("no actor called %q: showing %s", name, c.actors[id].Name), true
	}
	return "", "", false
}

// alsoNote names the other actors a surname fits: "also: Psaki (1 quote)".
func (c *Catalog) alsoNote(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	var parts []string
	for _, id := range ids[:min(len(ids), 3)] {
		info := c.actors[id]
		parts = append(parts, fmt.Sprintf("%s (%s)", info.Name, english.Count(info.Quotes, "quote", "quotes")))
	}
	if len(ids) > 3 {
		parts = append(parts, fmt.Sprintf("%d more", len(ids)-3))
	}
	return "also: " + strings.Join(parts, ", ")
}

// closest returns the most quoted actor whose surname (for one word typed) or whole name is
// within a small edit of the words typed: one letter for names of up to five letters, two for
// longer ones, with the same first letter. Of those equally close, the most quoted.
func (c *Catalog) closest(words []string) (string, bool) {
	t := c.names()
	typed := strings.Join(words, " ")
	allowed := EditAllowance(typed)
	if allowed == 0 {
		return "", false
	}
	best, bestDist := "", allowed+1
	consider := func(key, id string) {
		if key[0] != typed[0] || abs(len(key)-len(typed)) > allowed {
			return
		}
		d := registry.EditDistance(key, typed)
		if d > allowed || d > bestDist {
			return
		}
		if d < bestDist || byQuotes(c.actors[id], c.actors[best]) < 0 {
			best, bestDist = id, d
		}
	}
	if len(words) == 1 {
		for s, ids := range t.surname {
			consider(s, ids[0])
		}
	} else {
		for key, id := range t.full {
			consider(key, id)
		}
	}
	return best, best != ""
}

// Surname returns the surname of the actor a word typed is a slip of, spelt as the registry
// spells it ("Blinkin" is Blinken): did you mean offers names before the index's words.
func (c *Catalog) Surname(typed string) (string, bool) {
	key := nameKey(typed)
	if len(key) != 1 {
		return "", false
	}
	id, ok := c.closest(key)
	if !ok {
		return "", false
	}
	name := strings.Fields(c.actors[id].Name)
	return name[len(name)-1], true
}

// EditAllowance is how many letters a word typed may be away from a word of the archive to be
// read as a slip of it (did you mean, a name typed): none under four letters ("xi" is no slip of
// "xiv"), one up to five, two for longer words.
func EditAllowance(typed string) int {
	switch n := utf8.RuneCountInString(typed); {
	case n < 4:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
