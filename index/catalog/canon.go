package catalog

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/registry"
)

// One person, one actor. Each document decides who speaks in it (index/quote), but across the
// archive one person can still arrive under several ids: a document that names only "Durbin"
// gives the speaker "durbin", another "Dick Durbin"; a misspelling ("Lindsay Graham") makes
// another id of its own. The catalog merges such ids into one canonical actor when the evidence
// says they are one person, and keeps the ids as they are in the index: searches expand a
// canonical id to its members, facets and pages show the canonical one, and the merge is
// visible ("also written Lindsay Graham").
//
// The merge is decided from the catalog alone, each time it is made (after a build, a load or an
// update), so it never needs the index rebuilt.

// mergeActors fills c.canon and c.members, and gives each canonical actor the counts and the
// names of its members. It runs after the actors are counted and before they are listed.
func (c *Catalog) mergeActors(reg *registry.Registry) {
	c.canon = map[string]string{}
	c.members = map[string][]string{}
	spans, seenIn := c.actorSpans()
	ev := &evidence{spans: spans, seenIn: seenIn, states: c.actorStates(reg), reg: reg, actors: c.actors}
	titles := misspeltTitles(reg)
	// The full names of people, who a surname or a misspelling may be, by surname and by
	// first given name (a misspelling keeps one of the two).
	keys := map[*index.ActorInfo][]string{}
	bySurname, byGiven := map[string][]*index.ActorInfo{}, map[string][]*index.ActorInfo{}
	for _, info := range c.actors {
		if info.Articles == 0 && info.Quotes == 0 || !maybePerson(info) {
			continue
		}
		words := nameKey(info.Name)
		if len(words) < 2 {
			// "M. Bindzi", "G. P. Jooste": a surname with initials is who the surname
			// alone may be.
			if len(words) == 1 && len(strings.Fields(info.Name)) > 1 {
				bySurname[words[0]] = append(bySurname[words[0]], info)
			}
			continue
		}
		if len(withoutParticles(reg, words)) < 2 && particleLed(reg, info.Name) {
			continue // "Al-Muntasser", "da Costa": a surname alone, with its particle
		}
		keys[info] = words
		bySurname[words[len(words)-1]] = append(bySurname[words[len(words)-1]], info)
		byGiven[words[0]] = append(byGiven[words[0]], info)
	}
	// In a fixed order: a name that could join two people joins neither, and the rest must
	// not depend on the order of a map.
	for _, index := range []map[string][]*index.ActorInfo{bySurname, byGiven} {
		for _, list := range index {
			slices.SortFunc(list, byQuotes)
		}
	}

	surnames := slices.Sorted(maps.Keys(bySurname))
	var merged []*index.ActorInfo
	var loose []*index.ActorInfo // unregistered people, in a fixed order
	for _, info := range c.actors {
		if !info.Registered && (info.Articles > 0 || info.Quotes > 0) && maybePerson(info) {
			loose = append(loose, info)
		}
	}
	slices.SortFunc(loose, byQuotes)
	// A surname alone misspelt or garbled by a scan, in one government's statements
	// ("Khalatbari" and "Khalatbary", "MINlC" and "Minic"), joins the one quoted more.
	for _, info := range loose {
		if into := c.surnameSpellingOf(info, loose, ev); into != nil {
			info.Canonical = into.ID
			merged = append(merged, info)
		}
	}
	// Misspellings first, so that a surname alone then weighs only the names kept.
	for _, single := range []bool{false, true} {
		for _, info := range loose {
			if info.Canonical != "" {
				continue
			}
			words := nameKey(stripTitles(reg, info.Name, titles))
			if core := withoutParticles(reg, words); len(core) == 1 && len(words) > 1 && particleLed(reg, stripTitles(reg, info.Name, titles)) {
				words = core // "Al-Muntasser" is who "Muntasser" is
			}
			var into *index.ActorInfo
			switch {
			case single && len(words) == 1:
				into = loneSurname(info, words[0], bySurname[words[0]], ev)
				if into == nil && len(bySurname[words[0]]) == 0 {
					into = misspeltSurname(info, words[0], surnames, bySurname, ev)
				}
				if into == nil && len(nameKey(stripTitles(reg, info.Name, titles))) == 1 {
					// (not "Van Johnson", a given name the registry does not know before a surname)
					into = titledSurname(reg, info, bySurname[words[0]], ev)
				}
				if into == nil && len(strings.Fields(stripTitles(reg, info.Name, titles))) == 1 && !particleLed(reg, info.Name) {
					// (not "K. Shanmugam", a surname with an initial; not "Al-Sabah")
					into = firstSurname(reg, info, words[0], byGiven[words[0]], ev)
				}
			case single && len(words) >= 2 && info.Canonical == "":
				// a name's last words alone: "Watson Coleman" is Bonnie Watson Coleman
				var longer []*index.ActorInfo
				for _, cand := range bySurname[words[len(words)-1]] {
					if k := keys[cand]; len(k) > len(words) && slices.Equal(k[len(k)-len(words):], words) {
						longer = append(longer, cand)
					}
				}
				into = loneSurname(info, strings.Join(words, " "), longer, ev)
				if into == nil {
					into = titledSurname(reg, info, longer, ev)
				}
			case !single && len(words) >= 2:
				// (the given name as a surname, the surname as a given name: the words in another order)
				into = spellingOf(reg, info, words, keys, ev, bySurname[words[len(words)-1]], byGiven[words[0]], bySurname[words[0]], byGiven[words[len(words)-1]])
				if into == nil {
					into = initialsOf(info, keys, bySurname[words[len(words)-1]], ev)
				}
				if into == nil {
					into = middleNamesOf(info, words, keys, bySurname[words[len(words)-1]], ev)
				}
			}
			if into != nil && into != info {
				info.Canonical = into.ID
				merged = append(merged, info)
			}
		}
	}
	merged = append(merged, c.mergeCutOrganisations(ev)...)
	// A chain (a surname joining a misspelling that joins a registered name) ends at the
	// registered one.
	for _, info := range merged {
		to := info.Canonical
		for seen := 0; seen < 8; seen++ {
			next := c.actors[to]
			if next == nil || next.Canonical == "" {
				break
			}
			to = next.Canonical
		}
		info.Canonical = to
		c.canon[info.ID] = to
	}
	slices.SortFunc(merged, func(a, b *index.ActorInfo) int { return cmp.Compare(a.ID, b.ID) })
	for _, info := range merged {
		to := c.actors[info.Canonical]
		if len(c.members[to.ID]) == 0 {
			c.members[to.ID] = []string{to.ID}
		}
		c.members[to.ID] = append(c.members[to.ID], info.ID)
		to.Quotes += info.Quotes
		to.Articles += info.Articles
		if !strings.EqualFold(info.Name, to.Name) && !slices.Contains(to.Also, info.Name) {
			to.Also = append(to.Also, info.Name)
		}
		if !to.Registered {
			// the titles the texts give a merged spelling: "Governor" of "GOVERNOR LITTLE"
			for _, r := range info.Roles {
				if !slices.Contains(to.Roles, r) {
					to.Roles = append(to.Roles, r)
				}
			}
		}
	}
}

// mergeCutOrganisations joins an organisation's name of three words or more that is the last
// words of one other organisation's name, registered or quoted as much, named in the same article
// or within a year ("Gas Workers Association" of "Oil & Gas Workers Association", "Domestic
// Workers Alliance" of "National Domestic Workers Alliance"): a name cut short by the text. A
// name several end with joins none. It returns the actors it merged.
func (c *Catalog) mergeCutOrganisations(ev *evidence) []*index.ActorInfo {
	keys := map[*index.ActorInfo][]string{}
	byLast := map[string][]*index.ActorInfo{}
	var loose []*index.ActorInfo
	for _, info := range c.actors {
		if info.Kind != string(registry.Organisation) || info.Articles == 0 && info.Quotes == 0 || info.Canonical != "" {
			continue
		}
		k := nameKey(info.Name)
		if len(k) < 2 {
			continue
		}
		keys[info] = k
		byLast[k[len(k)-1]] = append(byLast[k[len(k)-1]], info)
		if !info.Registered {
			loose = append(loose, info)
		}
	}
	slices.SortFunc(loose, byQuotes)
	var merged []*index.ActorInfo
	for _, info := range loose {
		words := keys[info]
		if len(words) < 3 {
			continue // "Supreme Court", "Defense Fund": two words end too many names
		}
		var found *index.ActorInfo
		ambiguous := false
		for _, cand := range byLast[words[len(words)-1]] {
			k := keys[cand]
			if cand == info || len(k) <= len(words) || !slices.Equal(k[len(k)-len(words):], words) {
				continue
			}
			if !ev.near(cand.ID, info.ID) {
				continue
			}
			if found != nil {
				ambiguous = true
				break
			}
			found = cand
		}
		// The cut name is the rarer spelling: "Biden-Harris Administration", quoted forty
		// times, is no cut of "Senior Biden-Harris Administration [officials]".
		if found != nil && !ambiguous && (found.Registered || found.Quotes >= info.Quotes) {
			info.Canonical = found.ID
			merged = append(merged, info)
		}
	}
	return merged
}

func byQuotes(a, b *index.ActorInfo) int {
	return cmp.Or(cmp.Compare(b.Quotes, a.Quotes), cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.ID, b.ID))
}

// maybePerson reports whether an actor may be a person: one the text calls a person, or one it
// does not tell (a surname alone).
func maybePerson(info *index.ActorInfo) bool {
	return info.Kind == string(registry.Person) || info.Kind == ""
}

// loneSurname returns the one person of the archive a surname alone stands for: of the people
// with that surname, the one named in an article where the surname speaks or named within a
// year of it. Several such: none ("Sullivan" stays "Sullivan" while Jake and Dan Sullivan both
// speak).
func loneSurname(info *index.ActorInfo, surname string, candidates []*index.ActorInfo, ev *evidence) *index.ActorInfo {
	if utf8.RuneCountInString(surname) < 3 {
		return nil
	}
	// A name read once or twice beside one quoted by the hundred is a slip of the text ("Qms.
	// Psaki" beside Jen Psaki): it does not make the surname ambiguous.
	most := 0
	for _, cand := range candidates {
		most = max(most, cand.Quotes)
	}
	var found *index.ActorInfo
	for _, cand := range candidates {
		// A candidate joined to another stands for it: "Mitterrand" beside "Francois
		// Mitterrand", joined to "Francois Mitterand".
		cand = ev.joined(cand)
		if cand == info || cand == found || !cand.Registered && cand.Quotes <= 2 && most >= 50 {
			continue
		}
		if !ev.together(cand.ID, info.ID) || !ev.alive(cand.ID, info.ID) {
			continue
		}
		// Joined by a government's statements alone, years apart, the full name must be the
		// one quoted more: "Barre", Somalia's speaker of 1977 to 1989, is not Mohamed Siad
		// Barre, who spoke once in 1974.
		if !ev.near(cand.ID, info.ID) && cand.Quotes < info.Quotes {
			continue
		}
		if found != nil {
			return nil
		}
		found = cand
	}
	return found
}

// titledSurname returns the one person a surname alone with a title stands for, years from
// the full name: of the people of that surname, the one the texts or the registry give the same
// title within six years ("GOVERNOR LITTLE" in 2021 is Brad Little, "Gov." in 2026; a Mayor Dyer
// stays Dyer while two Dyers are mayors). A surname with an honorific alone ("MR. MOYNIHAN")
// says too little.
func titledSurname(reg *registry.Registry, info *index.ActorInfo, candidates []*index.ActorInfo, ev *evidence) *index.ActorInfo {
	nouns := titleNouns(reg, info.Roles)
	if len(nouns) == 0 {
		return nil
	}
	var found *index.ActorInfo
	for _, cand := range candidates {
		cand = ev.joined(cand)
		if cand == info || cand == found || !ev.spans[cand.ID].overlaps(ev.spans[info.ID], 6*366*24*time.Hour) || !ev.alive(cand.ID, info.ID) {
			continue
		}
		if !slices.ContainsFunc(titleNouns(reg, cand.Roles), func(n string) bool { return slices.Contains(nouns, n) }) {
			continue
		}
		if found != nil {
			return nil
		}
		found = cand
	}
	return found
}

// titleNouns returns the head nouns of an actor's titles, their short forms read: "Gov." is
// governor, "Governor of Idaho" governor, "Deputy Press Secretary" secretary.
func titleNouns(reg *registry.Registry, roles []index.Role) []string {
	var out []string
	for _, r := range roles {
		head := ""
		for _, w := range strings.Fields(r.Title) {
			w = strings.Trim(w, ".,")
			if w == "" {
				continue
			}
			if reg.IsFunctionWord(strings.ToLower(w)) {
				break // "of Idaho"
			}
			n := reg.TitleNoun(w)
			if n == strings.ToLower(w) {
				n = reg.TitleNoun(strings.ToUpper(w[:1]) + strings.ToLower(w[1:]))
			}
			if reg.IsTitleWord(n) {
				head = n
			}
		}
		if head != "" && !slices.Contains(out, head) {
			out = append(out, head)
		}
	}
	return out
}

// firstSurname returns the one speaker of a government whose full name starts with a lone name
// that is no given name: the first of two surnames ("Ozores" is Ozores Typaldos, "Malmierca"
// Malmierca Peoli), or a name by which its holder is known ("Mahathir" is Mahathir bin Mohamad),
// in the statements of the same state within fifteen years. Several such: none.
func firstSurname(reg *registry.Registry, info *index.ActorInfo, name string, candidates []*index.ActorInfo, ev *evidence) *index.ActorInfo {
	if utf8.RuneCountInString(name) < 4 || len(ev.states[info.ID]) == 0 {
		return nil
	}
	var found *index.ActorInfo
	for _, cand := range candidates {
		cand = ev.joined(cand)
		if cand == info || cand == found {
			continue
		}
		if first := strings.Fields(cand.Name)[0]; givenName(reg, first) || !ev.governmentOf(cand.ID, info.ID) || !ev.alive(cand.ID, info.ID) {
			continue
		}
		if found != nil {
			return nil
		}
		found = cand
	}
	return found
}

// misspeltSurname returns the one person a surname alone that no full name of the archive has
// misspells: a surname of six letters or more a slip away (slipOf), with the same first
// letter, of a person named in the same article (a transcript's slip: "MR. SULLVIAN:" in a
// gaggle with Jake Sullivan), or speaking for the same registered state within fifteen years
// ("Mitterrand" and "Francois Mitterand", "Svodoba" and "Cyril Svoboda"). Several such: none.
func misspeltSurname(info *index.ActorInfo, surname string, surnames []string, bySurname map[string][]*index.ActorInfo, ev *evidence) *index.ActorInfo {
	n := len(surname)
	if utf8.RuneCountInString(surname) < 6 {
		return nil
	}
	var found *index.ActorInfo
	for _, s := range surnames {
		if s[0] != surname[0] || len(s) < n-1 || len(s) > n+1 || !slipOf(s, surname) {
			continue
		}
		for _, cand := range bySurname[s] {
			if cand == info || cand.Canonical != "" || !meet(ev.seenIn[cand.ID], ev.seenIn[info.ID]) && !ev.governmentOf(cand.ID, info.ID) || !ev.alive(cand.ID, info.ID) {
				continue
			}
			if found != nil && found != cand {
				return nil
			}
			found = cand
		}
	}
	return found
}

// spellingOf returns the person a full name misspells: one with the same surname and a given
// name a letter or two away ("Lindsay Graham", "Diane Feinstein"), or the same given name and a
// surname one letter away ("Gina Raimonodo"), quoted more or registered, and speaking within
// four years; or, for one government's speaker, a name likeName finds alike. Several such: none.
func spellingOf(reg *registry.Registry, info *index.ActorInfo, words []string, keys map[*index.ActorInfo][]string, ev *evidence, lists ...[]*index.ActorInfo) *index.ActorInfo {
	var found *index.ActorInfo
	for _, list := range lists {
		for _, cand := range list {
			if cand == info || cand == found || cand.Canonical != "" || keys[cand] == nil {
				continue
			}
			if !keptOver(cand, info) {
				continue // the more quoted spelling is the one kept (of two alike, the first id)
			}
			// A slip of the same name, named within four years ("Julianna" and "Juliana
			// Stratton", 18 months apart); one government's speaker, a looser likeness
			// ("Macky Sail", "Eriya" and "Iriya Kategaya", "Donald Charles McKinnon").
			slip := misspelt(words, keys[cand])
			if !slip && !(ev.sameState(cand.ID, info.ID) && (likeName(words, keys[cand]) || likeName(withoutParticles(reg, words), withoutParticles(reg, keys[cand])))) {
				continue
			}
			if !ev.together(cand.ID, info.ID) && !(slip && ev.spans[cand.ID].overlaps(ev.spans[info.ID], 4*366*24*time.Hour)) || !ev.alive(cand.ID, info.ID) {
				continue
			}
			if found != nil {
				return nil
			}
			found = cand
		}
	}
	return found
}

// initialsOf returns the person a name of initials run together and a surname stands for ("GT
// Thompson" is Glenn Thompson): the one of that surname whose given name starts with the first
// initial, named in the same article or within a year. Several such: none.
func initialsOf(info *index.ActorInfo, keys map[*index.ActorInfo][]string, candidates []*index.ActorInfo, ev *evidence) *index.ActorInfo {
	fields := strings.Fields(info.Name)
	if len(fields) != 2 || len(fields[0]) < 2 || len(fields[0]) > 3 || !isUpperASCII(fields[0]) {
		return nil
	}
	initial := strings.ToLower(fields[0][:1])
	var found *index.ActorInfo
	for _, cand := range candidates {
		k := keys[cand]
		if cand == info || cand.Canonical != "" || len(k) < 2 || len(k[0]) < 3 || !strings.HasPrefix(k[0], initial) {
			continue
		}
		if !ev.near(cand.ID, info.ID) || !ev.alive(cand.ID, info.ID) {
			continue
		}
		if found != nil {
			return nil
		}
		found = cand
	}
	return found
}

// middleNamesOf returns the one person whose name is info's with middle names more or fewer
// ("Maria Salazar" and "Maria Elvira Salazar", "Andrea Campbell" and "Andrea Joy Campbell"): the
// same first and last words, the shorter name's others in the longer one in the same order,
// named in the same article or within a year, both alive then, the more quoted name kept. A
// name two people fit joins neither.
func middleNamesOf(info *index.ActorInfo, words []string, keys map[*index.ActorInfo][]string, candidates []*index.ActorInfo, ev *evidence) *index.ActorInfo {
	var found *index.ActorInfo
	for _, cand := range candidates {
		k := keys[cand] // none for a surname with initials ("M. Bindzi"), listed by its surname
		if cand == info || cand.Canonical != "" || len(k) < 2 || len(k) == len(words) || k[0] != words[0] || k[len(k)-1] != words[len(words)-1] {
			continue
		}
		short, long := words, k
		if len(short) > len(long) {
			short, long = long, short
		}
		if !subsequence(short, long) {
			continue
		}
		if !keptOver(cand, info) {
			continue // the more quoted name is the one kept, as of spellings
		}
		if !ev.near(cand.ID, info.ID) || !ev.alive(cand.ID, info.ID) {
			continue
		}
		if found != nil {
			return nil
		}
		found = cand
	}
	return found
}

// keptOver reports whether cand's name is the one kept when info's joins it: a registered
// actor's, or the more quoted (of two as quoted, the first id).
func keptOver(cand, info *index.ActorInfo) bool {
	return cand.Registered || cand.Quotes > info.Quotes || cand.Quotes == info.Quotes && cand.ID < info.ID
}

func isUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// misspelt reports whether name a is name b written with a slip or a short form: the same number
// of words, the same surname and first given names a short edit apart with the same first
// letter or one the start of the other ("Doug", "Douglas"), or the same given names and
// surnames one edit apart.
func misspelt(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	if slices.Equal(a, b) {
		return true // the same name but for its punctuation or an initial: "Robert F. Kennedy Jr." and "Robert F. Kennedy, Jr"
	}
	n := len(a) - 1
	if a[n] == b[n] {
		if !slices.Equal(a[1:n], b[1:n]) || a[0][0] != b[0][0] {
			return false
		}
		// a short form of the given name: "Doug McCarron" is Douglas McCarron
		short, long := a[0], b[0]
		if len(short) > len(long) {
			short, long = long, short
		}
		if len(short) >= 3 && len(short) < len(long) && strings.HasPrefix(long, short) {
			return true
		}
		if len(a[0]) < 4 {
			return false
		}
		return registry.EditDistance(a[0], b[0]) <= min(2, len(a[0])/3)
	}
	return slices.Equal(a[:n], b[:n]) && len(a[n]) >= 5 && a[n][0] == b[n][0] && registry.EditDistance(a[n], b[n]) == 1
}

// nameKey returns a name's words as compared: lower case, accents folded, initials and suffixes
// left out ("Joseph R. Biden, Jr." is joseph biden).
func nameKey(name string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ReplaceAll(document.Slug(foldLetters.Replace(name)), "-", " ")) {
		if utf8.RuneCountInString(w) == 1 || w == "jr" || w == "sr" || w == "ii" || w == "iii" {
			continue
		}
		out = append(out, w)
	}
	return out
}

// foldLetters writes the letters that are not an accented Latin letter, which a slug leaves out,
// as they are written in ASCII: "Skarphéðinsson" is the "Skarpheoinsson" of a scan, not
// "Skarphe Insson"; "Wakił" is "Wakil".
var foldLetters = strings.NewReplacer("ð", "d", "Ð", "D", "đ", "d", "Đ", "D", "þ", "th", "Þ", "Th", "ł", "l", "Ł", "L",
	"ø", "o", "Ø", "O", "æ", "ae", "Æ", "Ae", "œ", "oe", "Œ", "Oe", "ß", "ss", "ı", "i")

// stripTitles takes titles and honorifics off the front of a name the text glued them to
// ("Governor Grisham", "Secretary Raimonodo"), misspelt titles too ("Adminstrator Criswell",
// "Secreatry Mayorkas").
func stripTitles(reg *registry.Registry, name string, misspelt []string) string {
	words := strings.Fields(name)
	for len(words) > 1 {
		w := strings.TrimSuffix(words[0], ".")
		lower := strings.ToLower(w)
		if !reg.IsHonorific(w) && !reg.IsTitle(lower) && !(nearOneOf(lower, misspelt) && !givenName(reg, w)) {
			break
		}
		words = words[1:]
	}
	return strings.Join(words, " ")
}

func givenName(reg *registry.Registry, w string) bool {
	_, ok := reg.GivenName(w)
	return ok
}

// misspeltTitles returns the one-word titles long enough to be told when misspelt (seven
// letters or more: "Administrator", "Secretary", "Commissioner").
func misspeltTitles(reg *registry.Registry) []string {
	var out []string
	for _, t := range reg.Language.Titles {
		if !strings.Contains(t, " ") && utf8.RuneCountInString(t) >= 7 {
			out = append(out, strings.ToLower(t))
		}
	}
	return out
}

// nearOneOf reports whether w is one of words written with a slip: a letter or two wrong,
// missing, added or swapped ("adminstrator", "adminsitrator", "secreatry", "presiden").
func nearOneOf(w string, words []string) bool {
	for _, t := range words {
		if w != t && w[0] == t[0] && registry.EditDistance(w, t) <= 2 {
			return true
		}
	}
	return false
}

// likeName reports whether two names of one government's speaker are one person's: a name and
// the same with more given or family names ("Donald McKinnon", "Donald Charles McKinnon";
// "José Miguel Alemán", "José Miguel Alemán Healy"), the same words in another order ("Kim
// Song", "Song Kim"), or names a letter or two apart in one word ("Macky Sail", "Eriya
// Kategaya" and "Iriya Kategaya", "Borgonovo Poh").
func likeName(a, b []string) bool {
	if len(a) < 2 || len(b) < 2 {
		return false
	}
	if strings.Join(a, "") == strings.Join(b, "") {
		return true // "Al Zayani" and "Alzayani", "Mata'afa" and "Mataafa"
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < len(b) {
		// a name and the same with more names, its first or last word a letter apart at most
		// ("Luis Felipe Palmeira Lampreia", "Luiz Felipe Lampreia")
		if slices.Equal(a, b[:len(a)]) && a[0] == b[0] {
			return true
		}
		return nearWord(a[0], b[0]) && nearWord(a[len(a)-1], b[len(b)-1]) && subsequence(a[1:len(a)-1], b[1:len(b)-1])
	}
	if sa, sb := slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)); slices.Equal(sa, sb) {
		return true
	}
	if len(a) == 2 && (a[0] == b[1] && prefixWord(a[1], b[0]) || a[1] == b[0] && prefixWord(a[0], b[1])) {
		return true // "Khurelsukh Ukhnaa", "Ukhnaagiin Khurelsukh": in the other order, a patronymic cut short
	}
	if sameSkeletons(a, b) {
		return true // "Sadyr Japarov", "Sadyr Zhaparov"; "Abdel Elah Khatib", "Abdul Ilah Khatib"
	}
	diff := -1
	for i := range a {
		if a[i] != b[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	if diff < 0 {
		return true
	}
	x, y := ocrFold(a[diff]), ocrFold(b[diff])
	return min(len(x), len(y)) >= 3 && registry.EditDistance(x, y) <= 1
}

// prefixWord reports whether one word of a name is the other cut short (four letters or more).
func prefixWord(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 4 && strings.HasPrefix(b, a)
}

// sameSkeletons reports whether two names of as many words are one written in two
// transliterations: each word's consonants alike once the usual variants are read as one
// (skeleton), and six consonants or more in all, so that short names never match by chance.
func sameSkeletons(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	n := 0
	for i := range a {
		x, y := skeleton(a[i]), skeleton(b[i])
		if x != y {
			return false
		}
		n += len(strings.TrimPrefix(x, "_"))
	}
	return n >= 6
}

// transliterations are the spellings of one sound that romanisations tell apart.
var transliterations = strings.NewReplacer("dzh", "j", "zh", "j", "dj", "j", "kh", "h", "ph", "f", "ck", "k", "q", "k", "w", "v", "y", "i")

// skeleton returns a word's consonants once the spellings of one sound are one, and doubled
// letters single, after "_" for a word that starts with a vowel: "mohammed" and "muhamad" are
// mhmd, "zhaparov" and "japarov" jprv, "elah" and "ilah" _lh ("abdel" is not "badel").
func skeleton(w string) string {
	w = transliterations.Replace(w)
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if strings.IndexByte("aeiou", c) >= 0 {
			if i == 0 {
				b = append(b, '_')
			}
			continue
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// slipOf reports whether two surnames are one written with a slip: a letter wrong, missing or
// added, or two letters swapped ("Sullvian"); not a longer name ("Harrison" is not "Harris").
func slipOf(a, b string) bool {
	switch d := registry.EditDistance(a, b); {
	case d <= 1:
		return a != b
	case d == 2 && len(a) == len(b):
		for i := 0; i+1 < len(a); i++ {
			if a[i] != b[i] {
				return a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
			}
		}
	}
	return false
}

// nearWord reports whether two words of a name are one, or one written a letter apart (four
// letters or more: "luis" and "luiz").
func nearWord(a, b string) bool {
	return a == b || min(len(a), len(b)) >= 4 && a[0] == b[0] && registry.EditDistance(ocrFold(a), ocrFold(b)) <= 1
}

// subsequence reports whether the words of a appear in b in order.
func subsequence(a, b []string) bool {
	i := 0
	for _, w := range b {
		if i < len(a) && a[i] == w {
			i++
		}
	}
	return i == len(a)
}

// withoutParticles returns a name's words without its particles ("Maria de Fatima Lima da
// Veiga" is compared as maria fatima lima veiga).
func withoutParticles(reg *registry.Registry, words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if !reg.IsNameParticle(w) {
			out = append(out, w)
		}
	}
	return out
}

// particleLed reports whether a name starts with a particle of a surname, not a given name: one
// joined to the surname by a hyphen ("Al-Muntasser") or that is no given name ("da Costa", "De
// Moura"); "Al Green" starts with a given name.
func particleLed(reg *registry.Registry, name string) bool {
	words := strings.Fields(strings.TrimPrefix(name, "the "))
	if len(words) == 0 {
		return false
	}
	first, _, hyphen := strings.Cut(words[0], "-")
	return reg.IsNameParticle(strings.ToLower(first)) && (hyphen || !givenName(reg, first))
}

// ocrFold writes a word as a scan may read it either way: "l" and "i" are one letter
// ("MINlC", "AI-Thani").
func ocrFold(w string) string { return strings.ReplaceAll(w, "l", "i") }

// surnameSpellingOf returns the speaker a surname alone misspells or a scan garbled, among the
// loose actors: another surname alone a letter apart (two in a long one), with the same first
// letter, speaking for the same registered state within fifteen years and quoted more (of two
// alike, the first id); with its particle or without ("al-Jamali" and "Jamali", "Talhi" and
// "El-Talhy"). Several such: none. A surname alone in the statements of no state is left as it
// is: in a press room, two reporters' names a letter apart are two people.
func (c *Catalog) surnameSpellingOf(info *index.ActorInfo, loose []*index.ActorInfo, ev *evidence) *index.ActorInfo {
	if len(strings.Fields(info.Name)) != 1 || len(ev.states[info.ID]) == 0 {
		return nil
	}
	forms := surnameForms(ev.reg, info.Name)
	if len(forms) == 0 || utf8.RuneCountInString(forms[0]) < 5 {
		return nil
	}
	var found *index.ActorInfo
	for _, cand := range loose {
		if cand == info || cand.Canonical != "" || len(strings.Fields(cand.Name)) != 1 {
			continue
		}
		if cand.Quotes < info.Quotes || cand.Quotes == info.Quotes && cand.ID > info.ID {
			continue
		}
		if !slipOfForms(forms, surnameForms(ev.reg, cand.Name)) || !ev.governmentOf(cand.ID, info.ID) {
			continue
		}
		if found != nil {
			return nil
		}
		found = cand
	}
	return found
}

// surnameForms returns the ways a surname alone is compared: its words run together ("Al-Zayani"
// as alzayani), and without a particle before it (zayani), as a scan may read them (ocrFold).
func surnameForms(reg *registry.Registry, name string) []string {
	words := nameKey(name)
	if len(words) == 0 {
		return nil
	}
	forms := []string{ocrFold(strings.Join(words, ""))}
	if core := withoutParticles(reg, words); len(core) == 1 && len(words) > 1 {
		forms = append(forms, ocrFold(core[0]))
	}
	return forms
}

// slipOfForms reports whether two surnames alone are one written with a slip: a form of each a
// letter apart (two in a long one), with the same first letter.
func slipOfForms(a, b []string) bool {
	for _, w := range a {
		for _, v := range b {
			if v == "" || w == "" || v[0] != w[0] {
				continue
			}
			limit := 1
			if min(len(v), len(w)) >= 8 {
				limit = 2
			}
			if registry.EditDistance(v, w) <= limit {
				return true
			}
		}
	}
	return false
}

// evidence is what says two actors of one name may be one person: they are named in one
// article or within a year of each other, or in the statements of one government the registry
// knows as a state (a UN delegation's speaker from year to year: "Kishida" and Fumio Kishida in
// Japan's speeches).
type evidence struct {
	spans  map[string]span
	seenIn map[string][]int
	states map[string][]string // actor → the registered states whose statements name it, sorted
	reg    *registry.Registry
	actors map[string]*index.ActorInfo
}

// joined returns the actor a merged actor joined ("Francois Mitterrand" joined "Francois
// Mitterand"), or a itself.
func (e *evidence) joined(a *index.ActorInfo) *index.ActorInfo {
	for seen := 0; a.Canonical != "" && seen < 8; seen++ {
		next := e.actors[a.Canonical]
		if next == nil {
			break
		}
		a = next
	}
	return a
}

// alive reports whether a registered person lived, an adult, through the dates another actor
// speaks: "Cooper" at the UN in 1957 is not Anderson Cooper, born in 1967, though his
// registered alias "Mr. Cooper" is written in the same speech.
func (e *evidence) alive(registered, other string) bool {
	a, ok := e.reg.Actor(registered)
	if !ok {
		return true
	}
	s := e.spans[other]
	return s.first.IsZero() || a.AliveOn(s.first) && a.AliveOn(s.last)
}

// governmentOf reports whether two actors speak for one registered state within fifteen years:
// one government's speaker from session to session.
func (e *evidence) governmentOf(a, b string) bool {
	return e.sameState(a, b) && e.spans[a].overlaps(e.spans[b], 15*366*24*time.Hour)
}

// sameState reports whether two actors speak in the statements of one registered state.
func (e *evidence) sameState(a, b string) bool {
	for _, s := range e.states[a] {
		if _, ok := slices.BinarySearch(e.states[b], s); ok {
			return true
		}
	}
	return false
}

// near reports whether two actors are named in one article or within a year of each other.
func (e *evidence) near(a, b string) bool {
	return meet(e.seenIn[a], e.seenIn[b]) || e.spans[a].overlaps(e.spans[b], 366*24*time.Hour)
}

// together reports whether two actors are named in one article, within a year of each other, or
// as one government's speakers within fifteen years: "Fahmy" in Egypt's statements of 1974 is not
// Nabil Fahmy of 2013.
func (e *evidence) together(a, b string) bool {
	return e.near(a, b) || e.governmentOf(a, b)
}

// actorStates returns, for each actor, the registered states whose statements name it: the
// articles whose source is a state ("Djibouti" for a UN General Debate speech).
func (c *Catalog) actorStates(reg *registry.Registry) map[string][]string {
	stateOf := map[string]string{} // source → the registered state it names, "" for none
	out := map[string][]string{}
	for _, a := range c.Articles {
		if a.Source == "" {
			continue
		}
		state, ok := stateOf[a.Source]
		if !ok {
			// The whole source, or without its parenthesis: "Iran (Islamic Republic of)".
			if st := reg.StateNamed(a.Source); st != nil {
				state = st.ID
			}
			stateOf[a.Source] = state
		}
		if state == "" {
			continue
		}
		for _, id := range a.Actors {
			if list := out[id]; !slices.Contains(list, state) {
				out[id] = append(list, state)
			}
		}
	}
	for _, list := range out {
		slices.Sort(list)
	}
	return out
}

// span is the dates an actor is quoted or named between.
type span struct{ first, last time.Time }

func (s span) overlaps(t span, slack time.Duration) bool {
	if s.first.IsZero() || t.first.IsZero() {
		return true // an undated article says nothing against it
	}
	return !s.first.After(t.last.Add(slack)) && !t.first.After(s.last.Add(slack))
}

// meet reports whether two sorted lists of articles share one.
func meet(a, b []int) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// actorSpans returns the dates each actor is named between, and the articles each is named in
// (in order).
func (c *Catalog) actorSpans() (map[string]span, map[string][]int) {
	out := map[string]span{}
	in := map[string][]int{}
	for i, a := range c.Articles {
		for _, id := range a.Actors {
			in[id] = append(in[id], i)
		}
		d := a.Date.Start()
		if d.IsZero() {
			continue
		}
		for _, id := range a.Actors {
			s, ok := out[id]
			if !ok || d.Before(s.first) {
				s.first = d
			}
			if !ok || d.After(s.last) {
				s.last = d
			}
			out[id] = s
		}
	}
	return out, in
}

// canonical returns the actor an id stands for: itself, or the one it was merged into.
func (c *Catalog) canonical(id string) string {
	if to, ok := c.canon[id]; ok {
		return to
	}
	return id
}

// Members returns the ids a canonical actor stands for, itself first: a search for the actor
// matches them all.
func (c *Catalog) Members(id string) []string {
	if m := c.members[id]; len(m) > 0 {
		return m
	}
	return []string{id}
}

// canonicalIDs returns ids with each merged one replaced by its canonical actor, once each. It
// returns ids itself when none is merged.
func (c *Catalog) canonicalIDs(ids []string) []string {
	if !slices.ContainsFunc(ids, func(id string) bool { _, ok := c.canon[id]; return ok }) {
		return ids
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if to := c.canonical(id); !slices.Contains(out, to) {
			out = append(out, to)
		}
	}
	return out
}

// canonicalSummary returns s with its actors and speakers canonical (a copy when any changes).
func (c *Catalog) canonicalSummary(s index.Summary) index.Summary {
	s.Actors, s.Speakers = c.canonicalIDs(s.Actors), c.canonicalIDs(s.Speakers)
	return s
}

// Canonical returns art with the speakers of its quotes canonical: art itself when none is
// merged, else a copy (art may be shared through the cache of articles).
func (c *Catalog) Canonical(art *index.Article) *index.Article {
	changed := false
	for _, q := range art.Quotes {
		for _, s := range q.Speakers {
			if _, ok := c.canon[s.ID]; ok {
				changed = true
			}
		}
	}
	if !changed {
		return art
	}
	cp := *art
	cp.Summary = c.canonicalSummary(art.Summary)
	cp.Quotes = slices.Clone(art.Quotes)
	for k := range cp.Quotes {
		q := &cp.Quotes[k]
		var speakers []index.Speaker
		for _, s := range q.Speakers {
			if to, ok := c.canon[s.ID]; ok {
				s.ID = to
				if info := c.actors[to]; info != nil {
					s.Name = info.Name
				}
			}
			if !slices.ContainsFunc(speakers, func(o index.Speaker) bool { return o.ID == s.ID }) {
				speakers = append(speakers, s)
			}
		}
		q.Speakers = speakers
	}
	return &cp
}
