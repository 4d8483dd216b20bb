package index

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/readout/readout/index/registry"
)

// Kinds of actor, as the list of actors filters them.
const (
	ActorPerson       = "person"
	ActorOrganisation = "organisation"
	// ActorState is a state or a country: the registry's kind "country".
	ActorState = "state"
	// ActorRole is a speaker known only by an office or a part ("Senior Administration
	// Official", "Moderator").
	ActorRole = "role"
	// ActorOther is a speaker whose kind the text does not tell.
	ActorOther = "other"
)

// ActorKinds are the kinds of actor in the order lists show them.
var ActorKinds = []string{ActorPerson, ActorOrganisation, ActorState, ActorRole, ActorOther}

// Orders of the list of actors.
const (
	ActorsByQuotes = "quotes" // most quoted first
	ActorsByName   = "name"   // A to Z: people by surname, others by name
)

// LetterOther is the initial of the names that do not begin with a letter from A to Z once
// their accents are folded (a digit, another script).
const LetterOther = "other"

// MaxActorName bounds the name a list of actors is filtered by, in characters.
const MaxActorName = 100

// ActorQuery asks for a page of the list of actors.
type ActorQuery struct {
	// Name keeps the actors one of whose names (the name, an alias, another spelling merged
	// into it, the surname) has every word of it as the start of one of its words, case and
	// accents aside: "psaki", "jen ps" and "Psáki" find Jen Psaki. Empty keeps all.
	Name string
	// Kind keeps one kind (ActorPerson, ActorOrganisation, …); empty keeps all.
	Kind string
	// Letter keeps the actors whose sorting name begins with it ("a" to "z", or LetterOther);
	// empty keeps all.
	Letter string
	Sort   string // ActorsByQuotes (the default) or ActorsByName
	Page   int    // from 1
	// PerPage is the page's size; at least 1.
	PerPage int
}

// ActorList is a page of the list of actors.
type ActorList struct {
	Actors []RankedActor
	Total  int // actors that match the query
	All    int // actors in the archive
	// Kinds counts the actors of each kind among those that match the name and the letter,
	// and Letters those of each initial among those that match the name and the kind: what
	// choosing one would show.
	Kinds   map[string]int
	Letters map[string]int
}

// RankedActor is an actor in a list, with its place among all the archive's actors.
type RankedActor struct {
	ActorInfo
	// Rank is the actor's place in the archive's list, most quoted first (from 1), whatever
	// the list is filtered or sorted by.
	Rank int
	// Initial is the letter the actor is listed under by name ("a" to "z", or LetterOther).
	Initial string
}

// Check tells what is wrong with a query, for a caller that did not check it; it sets the
// default order.
func (q *ActorQuery) Check() error {
	if q.Kind != "" && !slices.Contains(ActorKinds, q.Kind) {
		return &QueryError{fmt.Sprintf("there is no kind of actor %q", q.Kind)}
	}
	if q.Letter != "" && q.Letter != LetterOther && (len(q.Letter) != 1 || q.Letter[0] < 'a' || q.Letter[0] > 'z') {
		return &QueryError{fmt.Sprintf("actors are listed under the letters a to z or %q, not %q", LetterOther, q.Letter)}
	}
	if q.Sort == "" {
		q.Sort = ActorsByQuotes
	}
	if q.Sort != ActorsByQuotes && q.Sort != ActorsByName {
		return &QueryError{fmt.Sprintf("actors are sorted by %q or %q, not %q", ActorsByQuotes, ActorsByName, q.Sort)}
	}
	if !utf8.ValidString(q.Name) || utf8.RuneCountInString(q.Name) > MaxActorName {
		return &QueryError{fmt.Sprintf("a name to find is at most %d characters of text", MaxActorName)}
	}
	if q.Page < 1 || q.PerPage < 1 {
		return &QueryError{"pages and their sizes are counted from 1"}
	}
	return nil
}

// ActorKindOf returns the kind an actor of ActorInfo.Kind k is listed under.
func ActorKindOf(k string) string {
	switch k {
	case string(registry.Person):
		return ActorPerson
	case string(registry.Organisation):
		return ActorOrganisation
	case string(registry.Country), ActorState:
		return ActorState
	case string(registry.Unnamed):
		return ActorRole
	}
	return ActorOther
}
