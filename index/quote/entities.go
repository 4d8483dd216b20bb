package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/registry"
)

// The document is the first authority on who its people are. Its names are gathered into
// entities, in reading order: a full name starts an entity or joins one of the same given name
// and surname; a short form ("Clinton", "Ms. Maloney", "Secretary Bessent") joins the entity of
// that surname named most recently before it (news names people in full first), else the first
// named after it (a headline's "Trump" before the text's "Donald Trump"). Only then is each
// entity linked to a registered actor, and only when that actor fits the document's date: a
// registered name or alias while they live; a surname alone while they hold an office, or one
// held within ten years for a surname the registry lists as an alias. The registry never
// overrides a name the document gives: "Clinton" after "Hillary Clinton" is Hillary Clinton,
// though the registry knows only Bill.

// entity is a person, organisation or country the document names.
type entity struct {
	name    string   // the fullest name the text gives, without titles
	words   []string // its words, lower case
	gender  string
	person  bool
	org     bool
	actor   int // the registered actor, or -1
	nouns   []string
	descs   []string // descriptions in apposition to a name, without their article ("foreign minister")
	title   string   // the first title the text gives the person, written as a title ("Senator")
	titles  bool     // named with a title or honorific at least once
	single  bool     // named by one word only
	caps    bool     // named only in capitals ("PROMISES MADE:")
	aliasOK bool     // the one word is a registered alias of actor
	// generation is the suffix the name is given with ("jr", "sr"): Dale Hutchins Jr. is not
	// Dale Hutchins Sr.
	generation string
	// state is the registered country a ministry of the text belongs to ("Russia's Defense
	// Ministry"), which speaks for it; -1 for none.
	state int
}

// sameGeneration reports whether a mention's suffix allows the entity: the same, or either none.
func sameGeneration(en *entity, m *mention) bool {
	return en.generation == "" || m.generation == "" || en.generation == m.generation
}

func (e *entity) surname() string { return e.words[len(e.words)-1] }

// speakers returns who the entity is as a quote's speaker.
func (x *extractor) speakersOf(e int) []Speaker {
	if e < 0 {
		return nil
	}
	en := &x.ents[e]
	if en.actor >= 0 {
		return []Speaker{x.registered(en.actor)}
	}
	if en.state >= 0 {
		return []Speaker{x.registered(en.state)}
	}
	kind := registry.Kind("")
	switch {
	case en.person:
		kind = registry.Person
	case en.org:
		kind = registry.Organisation
	case en.gender != "":
		kind = registry.Person // "she" was said of them
	case len(en.nouns) > 0 || en.titles:
		kind = registry.Person // "French President Hollande"
	case len(en.words) > 1 && x.commonPhrase(en.name):
		// "Full Tweet Thread", "Protecting Medicaid", "Political Science": capitalised words
		// that the text writes in lower case elsewhere name no one.
		return nil
	case len(en.words) == 1 && !innerCapital(en.name) && !x.isGivenName(en.name) && (x.isCommon(en.name) || !x.subjectOfSpeech(e)):
		// One capitalised word the text never shows to be anyone ("Culture", "Definitions",
		// "Federal"): unsure is unidentified. A brand written with an inner capital
		// ("GasBuddy", "UCHealth") has an organisation's shape; a word written right by a verb
		// of speech ("Qwerty said") a surname's, unless the text writes it in lower case too.
		return nil
	}
	return []Speaker{{Actor: -1, Name: en.name, Kind: kind, Role: en.title}}
}

// commonPhrase reports whether a name of several words opens with one the document writes in
// lower case elsewhere, and has no given name, organisation word or inner capital to show it is
// someone's name.
func (x *extractor) commonPhrase(name string) bool {
	words := strings.Fields(name)
	if !x.isCommon(words[0]) {
		return false
	}
	for _, w := range words {
		if x.isGivenName(w) || x.reg.IsOrgWord(w) || innerCapital(w) || isUpper(w) {
			return false
		}
	}
	return true
}

// subjectOfSpeech reports whether the text writes entity e right before or after a verb of
// speech somewhere ("Qwerty said", "said Qwerty"): a surname, not a heading's word.
func (x *extractor) subjectOfSpeech(e int) bool {
	if x.speakerNames == nil {
		x.speakerNames = map[int]bool{}
		for p, ms := range x.ments {
			toks := x.toks[p]
			for _, m := range ms {
				if m.kind != mName || m.ent < 0 {
					continue
				}
				k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= m.end })
				if k < len(toks) && x.reg.IsSpeechVerb(toks[k].Text) && strings.TrimSpace(x.paras[p].Text[m.end:toks[k].Start]) == "" {
					x.speakerNames[m.ent] = true
				}
				k = sort.Search(len(toks), func(i int) bool { return toks[i].Start >= m.start }) - 1
				if k >= 0 && x.reg.IsSpeechVerb(toks[k].Text) && strings.TrimSpace(x.paras[p].Text[toks[k].End:m.start]) == "" {
					x.speakerNames[m.ent] = true
				}
			}
		}
	}
	return x.speakerNames[e]
}

// isGivenName reports whether the registry knows w as a given name ("Melanie").
func (x *extractor) isGivenName(w string) bool {
	_, ok := x.reg.GivenName(w)
	return ok
}

// innerCapital reports whether a word has a capital after its first letter and a small letter
// somewhere: "GasBuddy", "UCHealth", "HuffPost", not "NATO" or "Culture".
func innerCapital(w string) bool {
	lower, inner := false, false
	for i, r := range w {
		lower = lower || unicode.IsLower(r)
		inner = inner || i > 0 && unicode.IsUpper(r)
	}
	return lower && inner
}

// cluster gathers the name mentions of the document into entities and links them to the
// registry.
func (x *extractor) cluster() {
	type ref struct{ p, k int }
	var names []ref
	for p := range x.ments {
		for k := range x.ments[p] {
			if x.ments[p][k].kind == mName {
				names = append(names, ref{p, k})
			}
		}
	}
	bySurname := map[string][]int{} // surname → entities, in order of creation
	byActor := map[int]int{}
	newEntity := func(m *mention, name string) int {
		words := slices.Clone(m.words)
		if len(words) == 0 {
			words = lowerWords(registry.Tokenize(name))
		}
		if len(words) == 0 {
			words = []string{strings.ToLower(name)}
		}
		e := entity{name: name, words: words, gender: m.gender, person: m.person, org: m.org, actor: -1, state: -1, caps: m.caps, generation: m.generation}
		if len(words) == 1 {
			e.single = true
		}
		x.ents = append(x.ents, e)
		id := len(x.ents) - 1
		bySurname[e.surname()] = append(bySurname[e.surname()], id)
		return id
	}
	// named[e] is where entity e is named so far, in reading order: the passes join mentions
	// out of reading order, and "the most recent" is the last before a mention, not the last
	// of all.
	named := map[int][]Pos{}
	nameAt := func(e int, at Pos) {
		ps := named[e]
		k := sort.Search(len(ps), func(k int) bool { return at.Before(ps[k]) })
		named[e] = slices.Insert(ps, k, at)
	}
	// lastBefore returns where e was last named before here; firstAfter, first after here.
	lastBefore := func(e int, here Pos) (Pos, bool) {
		ps := named[e]
		k := sort.Search(len(ps), func(k int) bool { return !ps[k].Before(here) })
		if k == 0 {
			return Pos{}, false
		}
		return ps[k-1], true
	}
	firstAfter := func(e int, here Pos) (Pos, bool) {
		ps := named[e]
		k := sort.Search(len(ps), func(k int) bool { return here.Before(ps[k]) })
		if k == len(ps) {
			return Pos{}, false
		}
		return ps[k], true
	}
	join := func(m *mention, e int, p int) {
		m.ent = e
		en := &x.ents[e]
		if m.gender != "" && en.gender == "" {
			en.gender = m.gender
		}
		en.person = en.person || m.person
		en.org = en.org && !m.person
		en.titles = en.titles || m.honorific != "" || len(m.nouns) > 0
		en.caps = en.caps && m.caps
		if en.title == "" && len(m.nouns) > 0 && en.person {
			en.title = x.titleOf(m.nouns[0])
		}
		for _, n := range m.nouns {
			if !slices.Contains(en.nouns, n) {
				en.nouns = append(en.nouns, n)
			}
		}
		for _, d := range m.descs {
			if !slices.Contains(en.descs, d) {
				en.descs = append(en.descs, d)
			}
		}
		nameAt(e, Pos{p, m.start})
	}
	// Pass 1: registered organisations and countries, and names of two words or more, outside
	// headlines (whose capitals run names into other words: "Hillary Clinton Goes After").
	for _, r := range names {
		m := &x.ments[r.p][r.k]
		text := x.paras[r.p].Text
		if x.titleCase[r.p] && !(m.org && len(m.actors) == 1) {
			continue
		}
		if m.org && len(m.actors) == 1 {
			e, ok := byActor[m.actors[0]]
			if !ok {
				e = newEntity(m, x.reg.ActorAt(m.actors[0]).Name)
				x.ents[e].actor = m.actors[0]
				byActor[m.actors[0]] = e
			}
			join(m, e, r.p)
			continue
		}
		if len(m.words) < 2 {
			continue
		}
		name := displayName(text[m.coreStart:m.coreEnd])
		if m.fullName != "" {
			name = m.fullName
		}
		if m.nick {
			name = displayName(x.usedName(text[m.coreStart:m.coreEnd]))
		}
		e := -1
		for _, c := range slices.Backward(lastOf(bySurname[m.words[len(m.words)-1]])) {
			if sameEntityName(x.ents[c].words, m.words) && sameGeneration(&x.ents[c], m) {
				e = c
				break
			}
		}
		if e < 0 {
			e = newEntity(m, name)
		} else if len(name) > len(x.ents[e].name) && !isUpper(name) {
			x.ents[e].name, x.ents[e].words = name, slices.Clone(m.words)
		}
		if m.explicit && x.ents[e].actor < 0 && x.fitsDate(m.actors[0], false, false) {
			x.ents[e].actor = m.actors[0]
		}
		if m.acronym != "" && !slices.Contains(bySurname[m.acronym], e) {
			bySurname[m.acronym] = append(bySurname[m.acronym], e) // "PBS" is the Public Broadcasting Service
		}
		join(m, e, r.p)
	}
	// Headlines: a run of capitals holds the names the text gives in full, or a surname;
	// read once against the full names, and again below against the surnames.
	// The words of a run left over beside the name found in it are read again, as mentions of
	// their own: "Hillary Clinton Goes After Donald Trump" names two people.
	type extra struct {
		p int
		m mention
	}
	var rest, found []extra
	var readRest func(p int, ms []mention, last bool)
	readRest = func(p int, ms []mention, last bool) {
		for _, m := range ms {
			more := x.headlineName(p, &m, last)
			switch {
			case m.ent >= 0:
				found = append(found, extra{p, m})
			case !last:
				rest = append(rest, extra{p, m})
			}
			readRest(p, more, last)
		}
	}
	for _, r := range names {
		if m := &x.ments[r.p][r.k]; x.titleCase[r.p] && m.ent < 0 {
			readRest(r.p, x.headlineName(r.p, m, false), false)
		}
	}
	// Pass 2: one word, with or without a title: of the entities of that surname named before
	// it, the one named most often (the article's Clinton, not the Clinton it names once),
	// the most recent of those; else the first named after it.
	x.indexInnerWords()
	count := map[int]int{}
	for _, r := range names {
		if e := x.ments[r.p][r.k].ent; e >= 0 {
			count[e]++
		}
	}
	seen := map[int]int{} // mentions of each entity so far, in reading order
	var pending []ref
	for _, r := range names {
		m := &x.ments[r.p][r.k]
		if m.ent >= 0 {
			seen[m.ent]++
			continue
		}
		if len(m.words) != 1 || x.titleCase[r.p] {
			continue
		}
		here := Pos{r.p, m.start}
		best := -1
		var bestPos Pos
		cands := x.surnameEntities(bySurname, m.words[0])
		// "Clinton allowed her staff …" in a text naming Bill and Hillary Clinton: the pronoun
		// that follows in the sentence tells which, when it fits some of them.
		told := ""
		if len(cands) > 1 {
			if g := x.pronounAfter(r.p, m.end); g != "" && slices.ContainsFunc(cands, func(c int) bool { return x.ents[c].gender == g }) {
				told = g
			}
		}
		for _, c := range cands {
			en := &x.ents[c]
			if !compatible(en, m) || !sameGeneration(en, m) || m.explicit && en.surname() != m.words[0] && !x.familyNameFirst(en, m.words[0]) {
				continue // "Obama", a registered alias, is no one's given or middle name
			}
			if told != "" && en.gender != "" && en.gender != told {
				continue
			}
			lp, ok := lastBefore(c, here)
			if !ok {
				continue
			}
			if best < 0 || seen[c] > seen[best] || seen[c] == seen[best] && bestPos.Before(lp) {
				best, bestPos = c, lp
			}
		}
		// A round-up's section about one person ("Jill Biden makes Denver first stop …", then
		// "“…,” Biden said"): the one of them its heading names, when the section names no other.
		if sec := x.sectionHead(r.p); sec >= 0 && len(cands) > 1 {
			only, others := -1, 0
			for _, c := range cands {
				if lp, ok := lastBefore(c, here); ok && lp.Para >= sec && compatible(&x.ents[c], m) {
					if ps := named[c]; slices.ContainsFunc(ps, func(q Pos) bool { return q.Para == sec }) {
						only = c
					}
					others++
				}
			}
			if only >= 0 && others == 1 {
				best = only
			}
		}
		if best >= 0 {
			join(m, best, r.p)
			seen[best]++
			continue
		}
		pending = append(pending, r)
	}
	var slips *slipIndex
	// "the Bank" after "the Bank of England": names of the shape "X of …", by their first word,
	// indexed once (the passes below add only names of one word).
	ofNames := map[string][]int{}
	for e := range x.ents {
		if en := &x.ents[e]; len(en.words) >= 3 && en.words[1] == "of" {
			ofNames[en.words[0]] = append(ofNames[en.words[0]], e)
		}
	}
	for _, r := range pending {
		m := &x.ments[r.p][r.k]
		here := Pos{r.p, m.start}
		best, after := -1, false
		var bestPos Pos
		for _, c := range x.surnameEntities(bySurname, m.words[0]) {
			en := &x.ents[c]
			if !compatible(en, m) || !sameGeneration(en, m) {
				continue
			}
			if m.explicit && en.surname() != m.words[0] && !x.familyNameFirst(en, m.words[0]) {
				continue
			}
			if lp, ok := lastBefore(c, here); ok && (best < 0 || after || bestPos.Before(lp)) {
				// named by one word before: "Mr. King" … "Mr. King"
				best, bestPos, after = c, lp, false
			} else if lp, ok := firstAfter(c, here); ok && (best < 0 || after && lp.Before(bestPos)) {
				best, bestPos, after = c, lp, true
			}
		}
		if best < 0 && m.honorific == "" && len(m.nouns) == 0 && !m.explicit && len(m.actors) == 0 && x.reg.IsOrgWord(m.words[0]) {
			// "the Council", "the Department": the organisation of that kind named last before
			// it, else no one ("Proclamation", "Administration" alone name no speaker).
			es := append(slices.Clip(bySurname[m.words[0]]), ofNames[m.words[0]]...)
			if e := x.orgNamedBefore(es, here, lastBefore); e >= 0 {
				join(m, e, r.p)
			}
			continue
		}
		if best < 0 && m.honorific == "" && len(m.nouns) == 0 && !m.explicit && (m.initial && !x.surnameOpening(r.p, m) || x.reg.IsNameModifier(m.words[0])) {
			// A capitalised word that names no one the text knows: a sentence's first word,
			// or an adjective ("Democratic").
			continue
		}
		if best < 0 && m.honorific == "" && !m.explicit {
			// A surname the text misspells once ("McLenney" after "Tyresha McClenney").
			if slips == nil {
				slips = x.surnameSlips()
			}
			if e := slips.find(m.words[0]); e >= 0 && compatible(&x.ents[e], m) && len(x.reg.ActorsBySurname(m.words[0])) == 0 && !x.isGivenName(m.words[0]) {
				if _, ok := lastBefore(e, here); ok {
					best = e
				}
			}
		}
		if best < 0 {
			// Named by one word only: an entity of its own.
			text := x.paras[r.p].Text
			best = newEntity(m, displayName(text[m.coreStart:m.coreEnd]))
			if m.explicit {
				x.ents[best].aliasOK = true
				x.ents[best].actor = -1
				if x.fitsDate(m.actors[0], true, true) {
					x.ents[best].actor = m.actors[0]
				}
			}
		}
		join(m, best, r.p)
	}
	for _, r := range names {
		if m := &x.ments[r.p][r.k]; x.titleCase[r.p] && m.ent < 0 && m.words != nil {
			readRest(r.p, x.headlineName(r.p, m, true), true)
		}
	}
	for _, r := range rest {
		readRest(r.p, []mention{r.m}, true)
	}
	for _, f := range found {
		x.ments[f.p] = append(x.ments[f.p], f.m)
		slices.SortFunc(x.ments[f.p], func(a, b mention) int { return a.start - b.start })
	}
	// "Jordan said" in a text about Rep. Jim Jordan: a registered country or organisation of
	// one word that is the surname of a person the text names, and the subject of a verb of
	// speech, is that person.
	for _, r := range names {
		m := &x.ments[r.p][r.k]
		if !m.org || len(m.words) != 1 || m.ent < 0 || x.ents[m.ent].person || !x.speaks(r.p, *m) {
			continue
		}
		for _, c := range bySurname[m.words[0]] {
			if en := &x.ents[c]; en.person && !en.single {
				m.ent, m.org = c, false
				break
			}
		}
	}
	// Link what the registry knows: a full name that is a registered name or alias, else a
	// surname alone that one registered person in office fits.
	for e := range x.ents {
		en := &x.ents[e]
		if en.actor >= 0 || en.org && !en.person {
			continue
		}
		if !en.single {
			if ms := x.reg.LookupName(en.name, x.day); len(ms) == 1 && len(ms[0].Actors) == 1 && !ms[0].Surname && !ms[0].Role {
				if a := ms[0].Actors[0]; x.fitsDate(a, false, false) {
					en.actor = a
				}
			}
			continue
		}
		en.actor = x.surnameActor(en)
	}
	// One entity to an actor: a role's description ("the Secretary of State") and the names
	// linked to its holder are one entity, the first named.
	canon := map[int]int{}
	for e := range x.ents {
		if a := x.ents[e].actor; a >= 0 {
			if _, ok := canon[a]; !ok {
				canon[a] = e
			}
		}
	}
	for p := range x.ments {
		for k := range x.ments[p] {
			m := &x.ments[p][k]
			switch {
			case m.kind == mRole && len(m.actors) == 1:
				e, ok := canon[m.actors[0]]
				if !ok {
					e = newEntity(m, x.reg.ActorAt(m.actors[0]).Name)
					x.ents[e].actor = m.actors[0]
					canon[m.actors[0]] = e
				}
				m.ent = e
			case m.ent >= 0 && x.ents[m.ent].actor >= 0:
				m.ent = canon[x.ents[m.ent].actor]
			}
		}
	}
	for e := range x.ents {
		if en := &x.ents[e]; en.actor >= 0 {
			a := x.reg.ActorAt(en.actor)
			if en.gender == "" {
				en.gender = a.Gender
			}
			en.person = a.Kind == registry.Person
			en.org = !en.person
		}
	}
}

// surnameEntities returns the entities a one-word name may mean: those whose surname it is,
// then those with the word elsewhere in their name ("Ban" of "Ban Ki-moon").
func (x *extractor) surnameEntities(bySurname map[string][]int, w string) []int {
	var out []int
	for _, e := range lastOf(bySurname[w]) {
		// An organisation is not named by its last word: "House" is not the White House.
		if en := &x.ents[e]; !(en.org && !en.person && len(en.words) > 1) {
			out = append(out, e)
		}
	}
	inner := lastOf(x.byInnerWord[w])
	for _, e := range inner {
		en := &x.ents[e]
		if en.person && !en.org && !slices.Contains(out, e) {
			if _, given := x.reg.GivenName(w); !given || en.words[0] != w || x.familyNameFirst(en, w) || x.onlyOneCalled(inner, w) {
				out = append(out, e)
			}
		}
	}
	return out
}

// onlyOneCalled reports whether one person alone of the entities es, named in full, has the given
// name w: "Melanie said" after "Melanie Ortiz, 52, has driven the same bus route", as features
// call people.
func (x *extractor) onlyOneCalled(es []int, w string) bool {
	n := 0
	for _, e := range es {
		if en := &x.ents[e]; en.person && !en.org && len(en.words) >= 2 && en.words[0] == w {
			n++
		}
	}
	return n == 1
}

// familyNameFirst reports whether w is the family name that opens the entity's name, as
// Chinese and Korean names put it: "Wang" of "Wang Yi", "Kim" of "Kim Seo-yeon" (Kim is a
// given name elsewhere, and a registered leader's surname: the text's own Kim comes first).
func (x *extractor) familyNameFirst(en *entity, w string) bool {
	return en.person && len(en.words) >= 2 && len(en.words) <= 3 && en.words[0] == w && x.reg.IsFamilyNameFirst(w)
}

// orgNamedBefore returns, of the organisations es whose name ends with a word, the one named last
// before here; -1 when none is.
func (x *extractor) orgNamedBefore(es []int, here Pos, lastBefore func(int, Pos) (Pos, bool)) int {
	best := -1
	var bestPos Pos
	for _, e := range lastOf(es) {
		if en := &x.ents[e]; !en.org || en.person || len(en.words) < 2 {
			continue
		}
		if at, ok := lastBefore(e, here); ok && (best < 0 || bestPos.Before(at)) {
			best, bestPos = e, at
		}
	}
	return best
}

// sectionHead returns the heading that opens the section paragraph p is in, a line set apart
// inside the text (not its title or first line), when one is at most maxSection paragraphs
// before; -1 otherwise.
func (x *extractor) sectionHead(p int) int {
	for q := p; q > 0 && q >= p-maxSection; q-- {
		if x.paras[q].Kind != document.Title && x.headline(q) && q < p {
			return q
		}
	}
	return -1
}

// maxSection bounds how far back a section's heading is looked for: round-ups give each item a
// few paragraphs.
const maxSection = 8

// maxNamesakes bounds how many entities of one name are weighed for a mention: the most
// recent ones. A text names a handful of Clintons; one that names thousands of Smiths (a
// hostile file) would otherwise weigh them all for each mention.
const maxNamesakes = 32

// lastOf returns the last maxNamesakes of es.
func lastOf(es []int) []int {
	return es[max(0, len(es)-maxNamesakes):]
}

// indexInnerWords lists the entities of two words or more by each word but the last: "Ban" of
// "Ban Ki-moon" may name him alone.
func (x *extractor) indexInnerWords() {
	x.byInnerWord = map[string][]int{}
	for e := range x.ents {
		en := &x.ents[e]
		for _, w := range en.words[:len(en.words)-1] {
			if w != en.surname() && !slices.Contains(x.byInnerWord[w], e) {
				x.byInnerWord[w] = append(x.byInnerWord[w], e)
			}
		}
	}
}

// compatible reports whether a one-word mention may mean the entity: not a person of the other
// gender, not an organisation for a person's honorific.
func compatible(en *entity, m *mention) bool {
	if m.gender != "" && en.gender != "" && m.gender != en.gender {
		return false
	}
	if m.person && en.org && !en.person {
		return false
	}
	return true
}

// sameEntityName reports whether two names of two words or more name one person: the same
// words, or the same surname and given name (middle names and initials may differ, and a
// given name may be an initial of the other).
func sameEntityName(a, b []string) bool {
	if slices.Equal(a, b) {
		return true
	}
	// "Guajardo Villarreal" is the end of "Ildefonso Guajardo Villarreal".
	if len(a) != len(b) && min(len(a), len(b)) >= 2 {
		short, long := a, b
		if len(short) > len(long) {
			short, long = long, short
		}
		if slices.Equal(short, long[len(long)-len(short):]) {
			return true
		}
	}
	if len(a) < 2 || len(b) < 2 || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	if len(a) == len(b) && len(a) >= 3 {
		// "Mary Ann Smith" is not "Mary Jo Smith"; "Joseph R. Biden" is "Joseph Robinette Biden"
		for k := 1; k < len(a)-1; k++ {
			if !sameOrInitial(a[k], b[k]) {
				return false
			}
		}
	}
	return sameOrInitial(a[0], b[0])
}

// sameOrInitial reports whether two words of names are one, or one is the other's initial.
func sameOrInitial(a, b string) bool {
	return a == b || len(a) == 1 && strings.HasPrefix(b, a) || len(b) == 1 && strings.HasPrefix(a, b)
}

// fitsDate reports whether a registered actor may be the one a text dated x.day means. A
// person named in full must be alive (as far as the registry knows); one named by a single word
// must also be in office then, or within ten years of an office when the word is a registered
// alias, as "Obama" is: a surname alone is not enough to mean a registered person who holds no
// office ("Mr. Cooper" at the UN in 1948 is not Anderson Cooper).
func (x *extractor) fitsDate(actor int, single, alias bool) bool {
	a := x.reg.ActorAt(actor)
	if a.Kind != registry.Person {
		return true
	}
	if !a.AliveOn(x.day) {
		return false
	}
	if !single {
		return true
	}
	return a.InOfficeOn(x.day) || alias && a.NearOfficeOn(x.day)
}

// surnameActor returns the registered person a one-word entity means: the one person of that
// surname who fits the date, its gender and its titles; -1 when none or several do.
func (x *extractor) surnameActor(en *entity) int {
	found := -1
	for _, a := range x.reg.ActorsBySurname(en.surname()) {
		act := x.reg.ActorAt(a)
		if act.Kind != registry.Person || !x.fitsDate(a, true, false) {
			continue
		}
		if en.gender != "" && act.Gender != "" && en.gender != act.Gender {
			continue
		}
		if len(en.nouns) > 0 && !x.holdsTitle(act, en.nouns) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = a
	}
	return found
}

// holdsTitle reports whether the actor holds, on the document's date, an office named by one of
// the nouns ("senator", "secretary").
func (x *extractor) holdsTitle(a *registry.Actor, nouns []string) bool {
	for _, r := range a.Roles {
		if !r.HeldOn(x.day) {
			continue
		}
		title := strings.ToLower(r.Title)
		for _, n := range nouns {
			if strings.Contains(title, n) {
				return true
			}
		}
	}
	return false
}

// displayName writes a name as people write it: as the text has it, with a word the text
// writes in capitals ("Mr. SPENDER", "VAN ZEELAND", "WANG Shih-chieh") given a capital to each
// of its parts ("Spender", "Van Zeeland", "Wang Shih-chieh"). A short word in capitals inside a
// name in small letters is kept ("JD Vance").
func displayName(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
	all := isUpper(s)
	if all && !strings.Contains(s, " ") && utf8.RuneCountInString(s) <= 5 {
		return s // an acronym: "PBS", "NATO"
	}
	words := strings.Split(s, " ")
	for i, w := range words {
		// An acronym of up to four letters in a name of small letters stays: "NBC News".
		if isUpper(w) && (all || utf8.RuneCountInString(w) > 4) && utf8.RuneCountInString(w) > 1 {
			words[i] = capitalise(w)
		}
	}
	if last := words[len(words)-1]; len(words) > 1 && (last == "Jr" || last == "Sr") {
		words[len(words)-1] += "." // the period a name's end shares with its sentence's
	}
	return strings.Join(words, " ")
}

// capitalise writes a word in capitals with a capital to each part: "O'NEILL" is "O'Neill",
// "RIFA'I" is "Rifa'i", "JEAN-MARC" is "Jean-Marc".
func capitalise(w string) string {
	var b strings.Builder
	up, part := true, 0
	for _, r := range w {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		part++
		switch r {
		case '-', '.':
			up, part = true, 0
		case '\'', '’':
			up = part == 2 // "O'", "D'": a capital after a one-letter prefix
			part = 0
		case 'c', 'C':
			// "MCGILL" is "McGill": a capital after "Mc" that opens a name of five letters
			// or more (not "Mack", "Mcat").
			up = part == 2 && b.Len() >= 2 && strings.HasSuffix(b.String(), "Mc") && utf8.RuneCountInString(w) >= 5
		default:
			up = false
		}
	}
	return b.String()
}

// personName writes a person's name given in capitals as people write it, short words too:
// "MUNOZ" is "Munoz", "RICE" is "Rice" (displayName would keep them as acronyms).
func personName(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		// A word in capitals is a name's, but for a numeral: "Haji Abdullah Ahmad BADAWI",
		// "Hans-Adam II".
		if isUpper(w) && utf8.RuneCountInString(w) > 1 && strings.Trim(w, "IVX.") != "" {
			words[i] = capitalise(w)
		}
	}
	return strings.Join(words, " ")
}

// headlineName reads a run of capitalised words in a headline against the entities the text
// names: the longest stretch of its words that is an entity's full name, else a word that is
// one's surname. The mention is narrowed to those words, or dropped when none fits. It returns
// the words of the run on either side of the name, as mentions to read in turn.
func (x *extractor) headlineName(p int, m *mention, last bool) (rest []mention) {
	text := x.paras[p].Text
	spans := wordSpans(text, m.coreStart, m.coreEnd)
	if len(spans) != len(m.words) {
		return nil
	}
	part := func(i, j int) mention {
		r := mention{kind: mName, words: slices.Clone(m.words[i:j]), ent: -1, ownerEnd: -1}
		r.coreStart, r.coreEnd = spans[i][0], spans[j-1][1]
		r.start, r.end = r.coreStart, r.coreEnd
		return r
	}
	for n := len(m.words); n >= 1; n-- {
		for i := 0; i+n <= len(m.words); i++ {
			if n == 1 && !last {
				break // surnames once the text's one-word names are known
			}
			words := m.words[i : i+n]
			for e := range x.ents {
				en := &x.ents[e]
				// A word the text uses alone, after a given name in the headline, is a person's
				// surname though the text never said so ("When Clinton noted").
				givenBefore := false
				if n == 1 && i > 0 && !en.org {
					_, givenBefore = x.reg.GivenName(m.words[i-1])
				}
				if n >= 2 && slices.Equal(en.words, words) || n == 1 && (en.person || givenBefore) && en.surname() == words[0] {
					// "Hillary Clinton Goes After …" over a text that says only "Clinton": the
					// headline gives the given name the text leaves out.
					if n == 1 && en.single && i > 0 && en.actor < 0 {
						if g, ok := x.reg.GivenName(m.words[i-1]); ok && (g == "" || en.gender == "" || g == en.gender) {
							i, n = i-1, 2
							en.words = slices.Clone(m.words[i : i+n])
							en.name = displayName(text[spans[i][0]:spans[i+1][1]])
							en.single = false
							en.person = true
						}
					}
					if i > 0 {
						rest = append(rest, part(0, i))
					}
					if i+n < len(m.words) {
						rest = append(rest, part(i+n, len(m.words)))
					}
					m.words = slices.Clone(m.words[i : i+n])
					m.coreStart, m.coreEnd = spans[i][0], spans[i+n-1][1]
					m.start, m.end = m.coreStart, m.coreEnd
					m.ent = e
					x.ents[e].person = x.ents[e].person || m.person
					return rest
				}
			}
		}
	}
	if last && m.honorific == "" && len(m.nouns) == 0 {
		m.words = nil // no name the text gives: not a mention
	}
	return nil
}

// wordSpans returns the offsets of the words of text[lo:hi], split at spaces.
func wordSpans(text string, lo, hi int) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text[lo:hi] {
		if r == ' ' || r == '\u00a0' {
			if start >= 0 {
				out = append(out, [2]int{lo + start, lo + i})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, [2]int{lo + start, hi})
	}
	return out
}

// usedName returns the name a person goes by: a nickname in quotation marks and the words after
// it when the text calls the person so elsewhere (Robert C. "Bobby" Scott, and later "Bobby
// Scott"), else the name without the nickname (Marcia "Cia" Price is Marcia Price).
func (x *extractor) usedName(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if strings.HasPrefix(w, "\"") || strings.HasPrefix(w, "“") {
			nick := strings.Trim(w, "\"“”")
			if i+1 < len(words) && x.writesPair(nick, words[len(words)-1]) {
				words[i] = nick
				return strings.Join(words[i:], " ")
			}
			return strings.Join(slices.Delete(words, i, i+1), " ")
		}
	}
	return s
}

// writesPair reports whether the text writes the two words one after the other, as a name:
// "Bobby Scott".
func (x *extractor) writesPair(a, b string) bool {
	return x.words().pairs[strings.ToLower(a+" "+b)]
}

// titleOf writes a title's noun as a title: "press secretary" is "Press Secretary", "ceo" is
// "CEO".
func (x *extractor) titleOf(noun string) string {
	if r, n := utf8.DecodeRuneInString(noun); n > 0 && !strings.Contains(noun, " ") {
		if long := x.reg.Language.TitleAbbreviations[string(unicode.ToUpper(r))+noun[n:]]; long != "" {
			noun = long // "Sen." is a Senator, "Pfc." a Private
		}
	}
	words := strings.Fields(noun)
	for i, w := range words {
		if i > 0 && (w == "of" || w == "the" || w == "and" || w == "for") {
			continue // "Secretary of Commerce"
		}
		if spelt := x.reg.TitleWordSpelling(w); spelt != "" {
			words[i] = spelt
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// locative prepositions come before places, rarely before people.
var locative = map[string]bool{"in": true, "at": true, "across": true, "near": true, "outside": true, "inside": true, "throughout": true, "within": true}

// pronounAfter returns the gender told by the first pronoun after off in its sentence, outside
// quotations and before any other name; "" when there is none.
func (x *extractor) pronounAfter(p, off int) string {
	end := x.sentenceEnd(p, off)
	toks := x.toks[p]
	ms := x.ments[p]
	k := sort.Search(len(ms), func(i int) bool { return ms[i].start >= off })
	first := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off })
	// Within a few words: a sentence with no full stop (a hostile file) is not read to its end
	// for each name.
	for i := first; i < len(toks) && i < first+24 && toks[i].Start < end; i++ {
		for ; k < len(ms) && ms[k].start <= toks[i].Start; k++ {
			if ms[k].kind == mName {
				return ""
			}
		}
		if g := pronounGender(toks[i].Text); g != "" {
			if x.quoted(p, toks[i].Start) {
				return ""
			}
			return g
		}
	}
	return ""
}

// pronounGender gives the gender a pronoun of the third person tells, for the forms that point
// back to someone already named: he, his, himself; she, her, herself. Most words are told apart
// by their length and first letter, without a lower-case copy.
func pronounGender(w string) string {
	if len(w) < 2 || len(w) > 7 || w[0] != 'h' && w[0] != 'H' && w[0] != 's' && w[0] != 'S' {
		return ""
	}
	for _, p := range [...]struct{ word, gender string }{
		{"he", "male"}, {"his", "male"}, {"himself", "male"},
		{"she", "female"}, {"her", "female"}, {"herself", "female"},
	} {
		if len(p.word) == len(w) && strings.EqualFold(p.word, w) {
			return p.gender
		}
	}
	return ""
}

// pronounGenders learns the gender of people the text names without telling it (no honorific,
// a given name the registry does not know): "Aung San Suu Kyi visited … after she was
// released". A pronoun after exactly one person named in its sentence, outside quotations, is a
// vote for that person; a name gets the gender voted for only when no vote says otherwise.
// givenNamesAlone makes a person of a name the text gives only as one given name of a known
// gender ("“…,” Melanie said"), as news does with people it does not name in full; not when the
// word is part of another name in the text or a registered person's surname ("Clinton").
func (x *extractor) givenNamesAlone() {
	place := x.place
	inOther := map[string]bool{}
	for _, en := range x.ents {
		if len(en.words) > 1 {
			for _, w := range en.words {
				inOther[w] = true
			}
		}
	}
	for e := range x.ents {
		en := &x.ents[e]
		if !en.single || en.person || en.org || en.actor >= 0 || inOther[en.words[0]] || place[e] {
			// not "a rally in Dayton"
			continue
		}
		if g, given := x.reg.GivenName(en.words[0]); given && g != "" && len(x.reg.ActorsBySurname(en.words[0])) == 0 {
			en.person, en.gender = true, g
		}
	}
}

// slipIndex finds the person whose surname a word misspells by one letter, through the
// surnames with one letter deleted: a lookup costs the word's length, not the text's names.
type slipIndex struct {
	byDeletion map[string][]int // a surname, and each with one letter deleted → entities
	surname    map[int]string
}

// surnameSlips indexes the surnames of six letters or more of the people the text names in
// full.
func (x *extractor) surnameSlips() *slipIndex {
	ix := &slipIndex{byDeletion: map[string][]int{}, surname: map[int]string{}}
	for e := range x.ents {
		en := &x.ents[e]
		if !en.person || en.org || len(en.words) < 2 {
			continue
		}
		sur := en.surname()
		if utf8.RuneCountInString(sur) < 6 {
			continue
		}
		ix.surname[e] = sur
		for _, v := range deletions(sur) {
			if !slices.Contains(ix.byDeletion[v], e) {
				ix.byDeletion[v] = append(ix.byDeletion[v], e)
			}
		}
	}
	return ix
}

// find returns the one entity whose surname w misspells by one letter (added, dropped or
// changed), -1 when none or several.
func (ix *slipIndex) find(w string) int {
	if utf8.RuneCountInString(w) < 6 {
		return -1
	}
	found := -1
	for _, v := range deletions(w) {
		for _, e := range ix.byDeletion[v] {
			if sur := ix.surname[e]; sur != w && registry.EditDistance(sur, w) == 1 {
				if found >= 0 && found != e {
					return -1
				}
				found = e
			}
		}
	}
	return found
}

// deletions returns w and w with each of its letters deleted in turn.
func deletions(w string) []string {
	rs := []rune(w)
	out := []string{w}
	for i := range rs {
		out = append(out, string(rs[:i])+string(rs[i+1:]))
	}
	return out
}

// surnameOpening reports whether a capitalised word that opens a sentence has a surname's
// shape there: the document never writes it in small letters, and a verb in small letters
// or a clause between commas follows it ("Brant disagreed.", "Brant, speaking later, …"), as
// a name's does and an opening adverb's or a headline's does not.
func (x *extractor) surnameOpening(p int, m *mention) bool {
	w := m.words[0]
	if x.isCommon(w) || x.reg.IsNotName(w) || x.reg.IsOrgWord(w) || x.reg.IsFunctionWord(w) || isAdverb(w) {
		return false
	}
	text := x.paras[p].Text
	toks := tokensIn(x.toks[p], m.end, min(len(text), m.end+24))
	if m.possessive && len(toks) > 1 && toks[0].Text == "s" {
		toks = toks[1:] // "Brant's tweet read:"
	}
	if len(toks) == 0 || !isLowerWord(toks[0].Text) || x.reg.IsFunctionWord(toks[0].Text) && !auxiliaries[toks[0].Text] {
		return false // not "Dayton, Ohio:", a place and its state
	}
	gap := text[m.end:toks[0].Start]
	return gap == " " || gap == ", " || m.possessive && (gap == "’s " || gap == "'s ")
}

// auxiliaries are the function words that are verbs after a subject: "Brant has called".
var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true, "will": true, "would": true, "can": true}

// places returns the entities not shown to be people that the text writes after "in" or "at"
// somewhere: a place's names ("in New York", "a rally in Dayton").
func (x *extractor) places() map[int]bool {
	place := map[int]bool{}
	for p, ms := range x.ments {
		toks := x.toks[p]
		for _, m := range ms {
			if m.kind != mName || m.ent < 0 || x.ents[m.ent].person {
				continue
			}
			k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= m.start }) - 1
			if k >= 0 && locative[strings.ToLower(toks[k].Text)] && x.paras[p].Text[toks[k].End:m.start] == " " {
				place[m.ent] = true
			}
		}
	}
	return place
}

func (x *extractor) pronounGenders() {
	votes := map[int][2]int{} // entity: male, female
	place := x.place
	for p, toks := range x.toks {
		ms := x.ments[p]
		if !slices.ContainsFunc(ms, func(m mention) bool { return m.kind == mName && m.ent >= 0 }) {
			continue // no name to vote for
		}
		k := 0
		bounds, b := x.bounds[p], 0 // the sentences' starts, and the next one to pass
		only := -1                  // the sentence's one person (-2: several)
		for _, t := range toks {
			if b < len(bounds) && bounds[b] <= t.Start {
				for b < len(bounds) && bounds[b] <= t.Start {
					b++
				}
				only = -1 // a new sentence
			}
			for k < len(ms) && ms[k].start <= t.Start {
				m := ms[k]
				k++
				if m.kind != mName || m.ent < 0 || x.ents[m.ent].org {
					continue
				}
				// A name the text has not shown to be a person's counts when it is a subject of
				// two words or more ("Aung San Suu Kyi visited …"), not "in Chelsea".
				if en := &x.ents[m.ent]; !en.person && (m.object || m.possessive || len(en.words) < 2 || place[m.ent]) {
					continue
				}
				switch only {
				case -1:
					only = m.ent
				case m.ent:
				default:
					only = -2
				}
			}
			if only == -2 {
				continue
			}
			g := pronounGender(t.Text)
			if g == "" || x.quoted(p, t.Start) {
				continue
			}
			if only == -1 {
				only = -2 // "He also bought land in upstate New York, with his …": the pronouns are someone else's
				continue
			}
			v := votes[only]
			if g == "male" {
				v[0]++
			} else {
				v[1]++
			}
			votes[only] = v
		}
	}
	for e, v := range votes {
		if en := &x.ents[e]; en.gender == "" {
			switch {
			case v[0] > 0 && v[1] == 0:
				en.gender, en.person = "male", true
			case v[1] > 0 && v[0] == 0:
				en.gender, en.person = "female", true
			}
		}
	}
}

// statesBodies ties a ministry the text names to the country it belongs to, written just before
// it ("Russia's Defense Ministry", "Britain's Foreign Office") or as "its" after the country
// ("Russia … Its Foreign Ministry said"): a government's ministry speaks for its state, as
// "the Kremlin" does.
func (x *extractor) statesBodies() {
	lastCountry := -1
	for p := range x.ments {
		text := x.paras[p].Text
		for k, m := range x.ments[p] {
			if a := x.mentionActors(m); len(a) > 0 && x.reg.ActorAt(a[0]).Kind == registry.Country {
				lastCountry = a[0]
				continue
			}
			if m.kind != mName || m.ent < 0 || x.ents[m.ent].actor >= 0 || !x.reg.IsGovernmentBody(text[m.coreStart:m.coreEnd]) {
				continue
			}
			state := -1
			before := strings.TrimRight(text[:m.start], " ")
			switch {
			case k > 0 && x.ments[p][k-1].possessive && strings.Trim(text[x.ments[p][k-1].end:m.start], " 's’") == "":
				if a := x.mentionActors(x.ments[p][k-1]); len(a) > 0 && x.reg.ActorAt(a[0]).Kind == registry.Country {
					state = a[0]
				}
			case strings.HasSuffix(before, " its") || strings.HasSuffix(before, " Its") || before == "Its" || before == "its",
				strings.HasSuffix(before, "the country's") || strings.HasSuffix(before, "the country’s") || strings.HasSuffix(before, "The country's") || strings.HasSuffix(before, "The country’s"):
				state = lastCountry
			}
			if state >= 0 && x.ents[m.ent].state < 0 {
				x.ents[m.ent].state = state
			}
		}
	}
}
