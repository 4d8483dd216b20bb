package catalog

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/registry"
)

// The list of actors is worked out from the catalog, not from bleve: a few thousand actors are
// filtered and sorted in memory in well under a millisecond, while bleve would need a document
// for each actor and would page no better.

// actorRow is what the list of actors keeps of an actor to filter and sort it.
type actorRow struct {
	info    *index.ActorInfo
	rank    int
	kind    string     // one of ActorKinds
	sortKey string     // folded: the surname first for a person
	initial string     // of sortKey
	names   [][]string // folded words of each of its names
}

// actorIndex is the catalog's actors, ready to be filtered: in the catalog's order (most quoted
// first), and by name.
type actorIndex struct {
	rows   []actorRow
	byName []int // indexes in rows
}

// ActorList returns a page of the list of actors that speak or are named.
func (c *Catalog) ActorList(q index.ActorQuery) (*index.ActorList, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	return c.actorIndex().list(q), nil
}

// list returns the page of the list a checked query asks for.
func (ix *actorIndex) list(q index.ActorQuery) *index.ActorList {
	words := nameWords(q.Name)
	out := &index.ActorList{All: len(ix.rows), Kinds: map[string]int{}, Letters: map[string]int{}}
	var keep []int
	for i := range ix.rows {
		r := &ix.rows[i]
		if !r.matches(words) {
			continue
		}
		kindOK := q.Kind == "" || r.kind == q.Kind
		letterOK := q.Letter == "" || r.initial == q.Letter
		if letterOK {
			out.Kinds[r.kind]++
		}
		if kindOK {
			out.Letters[r.initial]++
		}
		if kindOK && letterOK {
			keep = append(keep, i)
		}
	}
	out.Total = len(keep)
	if q.Sort == index.ActorsByName {
		// byName holds every row once: keep's rows, in its order.
		kept := make(map[int]bool, len(keep))
		for _, i := range keep {
			kept[i] = true
		}
		keep = keep[:0]
		for _, i := range ix.byName {
			if kept[i] {
				keep = append(keep, i)
			}
		}
	}
	lo := min((q.Page-1)*q.PerPage, len(keep))
	hi := min(lo+q.PerPage, len(keep))
	out.Actors = make([]index.RankedActor, 0, hi-lo)
	for _, i := range keep[lo:hi] {
		r := &ix.rows[i]
		out.Actors = append(out.Actors, index.RankedActor{ActorInfo: *r.info, Rank: r.rank, Initial: r.initial})
	}
	return out
}

// matches reports whether one of the actor's names has every word as the start of one of its
// words.
func (r *actorRow) matches(words []string) bool {
	if len(words) == 0 {
		return true
	}
	for _, name := range r.names {
		if allPrefixes(words, name) {
			return true
		}
	}
	return false
}

func allPrefixes(words, of []string) bool {
	for _, w := range words {
		if !slices.ContainsFunc(of, func(x string) bool { return strings.HasPrefix(x, w) }) {
			return false
		}
	}
	return true
}

// actorIndex returns the catalog's actors ready to be filtered, worked out on first use.
func (c *Catalog) actorIndex() *actorIndex {
	c.actorsOnce.Do(func() { c.actorRows = newActorIndex(c.actorList, c.reg) })
	return c.actorRows
}

func newActorIndex(list []*index.ActorInfo, reg *registry.Registry) *actorIndex {
	ix := &actorIndex{rows: make([]actorRow, len(list)), byName: make([]int, len(list))}
	for i, info := range list {
		r := actorRow{info: info, rank: i + 1, kind: index.ActorKindOf(info.Kind)}
		r.sortKey = sortKey(info, reg)
		r.initial = initialOf(r.sortKey)
		surname := ""
		if r.kind == index.ActorPerson {
			surname = surnameOf(info, reg)
		}
		for _, n := range append(append([]string{info.Name, surname}, info.Aliases...), info.Also...) {
			if ws := nameWords(n); len(ws) > 0 {
				r.names = append(r.names, joinedWords(n, ws))
			}
		}
		ix.rows[i] = r
		ix.byName[i] = i
	}
	slices.SortStableFunc(ix.byName, func(x, y int) int {
		rx, ry := &ix.rows[x], &ix.rows[y]
		return cmp.Or(cmp.Compare(rx.sortKey, ry.sortKey), cmp.Compare(rx.rank, ry.rank))
	})
	return ix
}

// sortKey is the folded name an actor is sorted by: a person's surname and then the rest of the
// name ("psaki jen psaki"), anything else's name without a leading "The".
func sortKey(info *index.ActorInfo, reg *registry.Registry) string {
	name := info.Name
	if index.ActorKindOf(info.Kind) == index.ActorPerson {
		if s := surnameOf(info, reg); s != "" {
			name = s + " " + name
		}
	} else if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		name = name[4:]
	}
	return strings.Join(nameWords(name), " ")
}

// surnameOf returns a person's surname: the registry's, or for a speaker it does not know the
// last word of the name that is not a suffix ("Jr."), with the particles before it ("von der
// Leyen"); "" for a name of one word.
func surnameOf(info *index.ActorInfo, reg *registry.Registry) string {
	if reg != nil {
		if act, ok := reg.Actor(info.ID); ok {
			return act.SurnameOf()
		}
	}
	ws := strings.Fields(info.Name)
	for len(ws) > 1 && nameSuffixes[strings.Trim(strings.ToLower(ws[len(ws)-1]), ".,")] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) < 2 {
		return ""
	}
	at := len(ws) - 1
	for at > 1 && reg != nil && reg.IsNameParticle(ws[at-1]) && ws[at-1] == strings.ToLower(ws[at-1]) {
		at--
	}
	return strings.Join(ws[at:], " ")
}

var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// initialOf returns the letter a folded sorting name is listed under.
func initialOf(key string) string {
	if key != "" && key[0] >= 'a' && key[0] <= 'z' {
		return key[:1]
	}
	return index.LetterOther
}

// nameWords returns the words of a name, folded: lower case, accents taken off, split at
// anything that is not a letter or a digit ("O’Mara" is "o", "mara").
func nameWords(s string) []string {
	return strings.FieldsFunc(foldName(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// joinedWords adds to a name's words those it writes joined by an apostrophe or a hyphen, run
// together ("omara", "jeanpierre"), so that a name typed without the mark finds it too.
func joinedWords(name string, words []string) []string {
	for _, f := range strings.Fields(foldName(name)) {
		if ws := nameWords(f); len(ws) > 1 {
			words = append(words, strings.Join(ws, ""))
		}
	}
	return words
}

// letterFolds are letters that lose nothing but their mark and that Unicode does not decompose.
var letterFolds = strings.NewReplacer("ø", "o", "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ß", "ss", "æ", "ae", "œ", "oe", "ı", "i")

// foldName lowers a name's case and takes its accents off.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return letterFolds.Replace(b.String())
}
