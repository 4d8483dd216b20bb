package registry

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// nameRef is one way a phrase can name an actor.
type nameRef struct {
	actor   int
	role    int  // index in the actor's Roles, or -1 when the phrase is a name or alias
	surname bool // the phrase is the actor's surname alone
}

var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// SurnameOf returns the word a text uses alone for a person: the registry's surname field, or
// the last word of the name that is not a suffix such as "Jr.".
func (a *Actor) SurnameOf() string {
	if a.Surname != "" {
		return a.Surname
	}
	toks := Tokenize(a.Name)
	for i := len(toks) - 1; i > 0; i-- {
		if !nameSuffixes[strings.ToLower(toks[i].Text)] {
			return toks[i].Text
		}
	}
	return ""
}

func (r *Registry) buildLookups() {
	refs := map[string][]nameRef{}
	var order []string // phrases in registry order, so matching does not depend on map order
	addRef := func(phrase string, ref nameRef) {
		key := strings.Join(strings.Fields(phrase), " ")
		// "the Secretary of State" is matched as "Secretary of State": a leading article would
		// make every "the" in a text a place to try hundreds of descriptions.
		if lower := strings.ToLower(key); strings.HasPrefix(lower, "the ") && len(key) > 4 {
			key = key[4:]
		}
		if key == "" {
			return
		}
		if _, ok := refs[key]; !ok {
			order = append(order, key)
		}
		if !slices.Contains(refs[key], ref) {
			refs[key] = append(refs[key], ref)
		}
	}
	r.surnames = map[string][]int{}
	for i := range r.Actors {
		a := &r.Actors[i]
		addRef(a.Name, nameRef{actor: i, role: -1})
		for _, al := range a.Aliases {
			addRef(al, nameRef{actor: i, role: -1})
		}
		if a.Kind == Person {
			if s := a.SurnameOf(); s != "" {
				addRef(s, nameRef{actor: i, role: -1, surname: true})
				r.surnames[strings.ToLower(s)] = append(r.surnames[strings.ToLower(s)], i)
			}
		}
		for j, role := range a.Roles {
			for _, n := range role.Names {
				addRef(n, nameRef{actor: i, role: j})
			}
		}
	}
	// Phrases that hold a name but are not its actor ("Latin America", "The Washington Post")
	// enter the matcher with no actor: being longer, they win over the name inside them.
	for _, p := range append(slices.Clone(r.Language.NotActors), r.Language.NotSpeakers...) {
		key := strings.Join(strings.Fields(p), " ")
		if _, ok := refs[key]; !ok && key != "" {
			order = append(order, key)
			refs[key] = nil
		}
	}
	r.names = newMatcher[[]nameRef]()
	for _, k := range order {
		// A phrase that is some actor's full name or alias is never taken for a surname alone.
		rs := refs[k]
		if slices.ContainsFunc(rs, func(n nameRef) bool { return !n.surname && n.role < 0 }) {
			rs = slices.DeleteFunc(slices.Clone(rs), func(n nameRef) bool { return n.surname })
		}
		r.names.add(k, asName, false, rs)
	}
	r.names.finish()

	r.topics = newMatcher[int]()
	for i, t := range r.Topics {
		for _, term := range t.Terms {
			r.topics.add(term, anyWords, true, i)
		}
		for _, term := range t.Cased {
			r.topics.add(term, allExact, true, i)
		}
	}
	r.topics.finish()

	lowerSet := func(words []string, f func(string) string) map[string]bool {
		m := make(map[string]bool, len(words))
		for _, w := range words {
			m[f(strings.TrimSpace(w))] = true
		}
		return m
	}
	r.verbs = newWordSet(lowerSet(r.Language.SpeechVerbs, strings.ToLower))
	r.honor = newWordSet(lowerSet(r.Language.Honorifics, func(s string) string { return strings.ToLower(strings.TrimSuffix(s, ".")) }))
	r.groups = newWordSet(lowerSet(r.Language.GroupNouns, strings.ToLower))
	r.press = lowerSet(r.Language.PressLabels, strings.ToUpper)
	r.roleLabels = lowerSet(r.Language.RoleLabels, strings.ToUpper)
	seen := map[string]bool{}
	for _, a := range r.Actors {
		for _, role := range a.Roles {
			for _, n := range role.Names {
				if n = strings.TrimSpace(n); len(n) >= 8 && n == strings.ToUpper(n) && !seen[n] {
					seen[n] = true
					r.capitalRoles = append(r.capitalRoles, n)
				}
			}
		}
	}
	slices.Sort(r.capitalRoles)
	r.anonymous = lowerSet(r.Language.AnonymousLabels, strings.ToUpper)
	r.notSpeak = newWordSet(lowerSet(r.Language.NotSpeakers, strings.ToLower))
	r.titleWords = lowerSet(r.Language.Titles, func(s string) string {
		return strings.ToLower(strings.Join(strings.Fields(s), " "))
	})
	r.titleSpelling = map[string]string{}
	for _, t := range r.Language.Titles {
		for _, w := range strings.Fields(t) {
			if utf8.RuneCountInString(w) >= 2 && isUpper(w) {
				r.titleSpelling[strings.ToLower(w)] = w // "CEO", not "Ceo"
			}
		}
	}
	r.given = map[string]string{}
	for _, l := range []struct {
		names  []string
		gender string
	}{{r.Names.Male, "male"}, {r.Names.Female, "female"}, {r.Names.Neutral, ""}} {
		for _, n := range l.names {
			k := strings.ToLower(strings.TrimSpace(n))
			if g, dup := r.given[k]; dup && g != l.gender {
				r.given[k] = "" // a name of both genders marks neither
				continue
			}
			r.given[k] = l.gender
		}
	}
	// The counted names only add: the hand-written list knows the names that mislead a count.
	for _, l := range []struct {
		names  []string
		gender string
	}{{r.CountedNames.Male, "male"}, {r.CountedNames.Female, "female"}, {r.CountedNames.Neutral, ""}} {
		for _, n := range l.names {
			if k := strings.ToLower(strings.TrimSpace(n)); k != "" {
				if _, known := r.given[k]; !known {
					r.given[k] = l.gender
				}
			}
		}
	}
	r.personNoun = map[string]string{}
	for _, l := range []struct {
		nouns  []string
		gender string
	}{{r.Language.PersonNouns, ""}, {r.Language.FemaleNouns, "female"}, {r.Language.MaleNouns, "male"}} {
		for _, n := range l.nouns {
			r.personNoun[strings.ToLower(strings.TrimSpace(n))] = l.gender
		}
	}
	r.orgWords = newWordSet(lowerSet(r.Language.OrgWords, strings.ToLower))
	r.surnameOrg = newWordSet(lowerSet(r.Language.SurnameOrgWords, strings.ToLower))
	r.govBodies = newWordSet(lowerSet(r.Language.GovernmentBodies, strings.ToLower))
	r.particles = newWordSet(lowerSet(r.Language.NameParticles, strings.ToLower))
	r.familyFirst = newWordSet(lowerSet(r.Language.FamilyNameFirst, strings.ToLower))
	r.notNames = newWordSet(lowerSet(r.Language.NotNames, strings.ToLower))
	r.function = newWordSet(lowerSet(r.Language.FunctionWords, strings.ToLower))
	r.titlesIn = newWordSet(lowerSet(r.Language.TitlesInNames, strings.ToLower))
	r.documents = newWordSet(lowerSet(r.Language.DocumentWords, strings.ToLower))
	r.modifiers = newWordSet(lowerSet(r.Language.NameModifiers, strings.ToLower))
	r.works = newWordSet(lowerSet(r.Language.WorkTitles, strings.ToLower))
	r.utterances = newWordSet(lowerSet(r.Language.UtteranceWords, strings.ToLower))
	r.orgNouns = newWordSet(lowerSet(r.Language.OrganisationNouns, strings.ToLower))
	r.docNouns = newWordSet(lowerSet(r.Language.DocumentNouns, strings.ToLower))
	r.demonyms = newWordSet(lowerSet(r.Language.Demonyms, strings.ToLower))
	r.procedural = newWordSet(lowerSet(r.Language.ProceduralWords, strings.ToLower))
	titleParts := map[string]bool{}
	for t := range r.titleWords {
		for _, w := range strings.Fields(t) {
			titleParts[w] = true
		}
	}
	r.titleParts = newWordSet(titleParts)
	heads := map[string]bool{}
	for _, set := range []map[string]bool{titleParts, r.groups.words} {
		for w := range set {
			heads[w] = true
		}
	}
	for w := range r.personNoun {
		heads[w] = true
	}
	r.heads = newWordSet(heads)
}

// Mention is a place where a text names, or may name, a registered actor.
type Mention struct {
	Start, End       int // byte offsets in the text
	TokStart, TokEnd int
	// Actors are the actors the words can mean on the text's date: one when the words are
	// clear, several when they are a surname two people share or a role held by several.
	Actors  []int
	Surname bool // the words are a surname alone, without a title or honorific before them
	Role    bool // the words describe an office ("the Secretary of State")
	// Candidates are the actors the words could mean before ResolveMentions chose among them.
	Candidates []int
}

// Mentions finds the registered names, aliases, surnames and role descriptions in a text
// dated day (zero when unknown). Surnames keep every candidate; a title or honorific just
// before a surname ("Secretary Blinken", "Mrs. Biden") narrows them down.
func (r *Registry) Mentions(text string, toks []Token, day time.Time) []Mention {
	ms, _ := r.MentionsAndTitles(text, toks, day)
	return ms
}

// MentionsAndTitles is Mentions, and also returns the offices whose words are a title before
// a name ("Secretary of Health and Human Services Robert F. Kennedy Jr."): they name no one of
// their own, but tell where the name's title ends.
func (r *Registry) MentionsAndTitles(text string, toks []Token, day time.Time) (out, titles []Mention) {
	found := r.names.FindAll(text, toks)
	out = make([]Mention, 0, len(found))
	for _, f := range found {
		m := Mention{Start: f.Start, End: f.End, TokStart: f.TokStart, TokEnd: f.TokEnd}
		for _, ref := range f.Value {
			if ref.role >= 0 {
				if !r.Actors[ref.actor].Roles[ref.role].HeldOn(day) {
					continue
				}
				m.Role = true
			}
			if ref.surname {
				m.Surname = true
			}
			if !slices.Contains(m.Actors, ref.actor) {
				m.Actors = append(m.Actors, ref.actor)
			}
		}
		if len(m.Actors) == 0 {
			continue
		}
		if m.Surname {
			r.narrowByTitle(&m, text, toks)
		}
		if m.Role && r.roleOfAnother(text, toks, f.TokStart, f.TokEnd) {
			if f.TokEnd < len(toks) && startsUpper(toks[f.TokEnd].Text) {
				titles = append(titles, m)
			}
			continue
		}
		if len(m.Actors) == 0 {
			continue
		}
		out = append(out, m)
	}
	return out, titles
}

// roleOfAnother reports whether an office's description names someone other than its holder in
// the registry: followed by a name ("National Security Advisor Ajit Doval": the name is the
// mention), or qualified by a capitalised word that is no registered actor ("Michigan Secretary
// of State").
func (r *Registry) roleOfAnother(text string, toks []Token, start, end int) bool {
	if end < len(toks) && joinable(toks[end-1].Text, text[toks[end-1].End:toks[end].Start]) && startsUpper(toks[end].Text) && !isUpper(toks[end].Text) {
		return true
	}
	if start > 0 {
		prev := toks[start-1]
		gap := text[prev.End:toks[start].Start]
		if gap == " " && startsUpper(prev.Text) && !isUpper(prev.Text) && !r.titleWords[strings.ToLower(prev.Text)] && !sentenceStart(text, prev.Start) {
			if len(r.names.FindAll(prev.Text, toks[start-1:start])) == 0 {
				return true
			}
		}
	}
	return false
}

// sentenceStart reports whether the word at off begins a sentence: it is first, or follows a
// sentence's end.
func sentenceStart(text string, off int) bool {
	before := strings.TrimRight(text[:off], " \u00a0\"“‘'(")
	return before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, ":")
}

// narrowByTitle looks at the words before a surname: an honorific ("Mr", "Ms") or a title
// ("Secretary", "Prime Minister") makes it a name, and picks among people who share it.
func (r *Registry) narrowByTitle(m *Mention, text string, toks []Token) {
	i := m.TokStart
	if i == 0 {
		return
	}
	prev := toks[i-1]
	if !joinable(prev.Text, text[prev.End:toks[i].Start]) {
		return
	}
	word := strings.ToLower(prev.Text)
	switch {
	case r.honor.words[word]:
		gender := ""
		switch word {
		case "mr", "mister", "sir":
			gender = "male"
		case "ms", "mrs", "miss", "madam", "madame", "dame", "lady":
			gender = "female"
		}
		if gender != "" {
			// "Mr. Young" is not Shalanda Young: nobody left means nobody known.
			m.Actors = r.filterActors(m.Actors, func(a *Actor) bool { return a.Gender == "" || a.Gender == gender })
		}
		m.Surname = false
	default:
		title := r.TitleEndingAt(toks, i-1)
		if title == "" {
			return
		}
		m.Surname = false
		kept := r.filterActors(m.Actors, func(a *Actor) bool {
			for _, role := range a.Roles {
				if strings.Contains(strings.ToLower(role.Title), title) {
					return true
				}
			}
			return false
		})
		if len(kept) > 0 {
			m.Actors = kept
		}
	}
}

// IsTitle reports whether a lower-case phrase is a whole title ("secretary", "prime minister").
func (r *Registry) IsTitle(phrase string) bool { return r.titleWords[phrase] }

// TitleEndingAt returns the title, in lower case, that ends with token k: titles may be up to
// four words ("Prime Minister", "National Security Advisor"), and the shortest that fits is
// taken. It returns "" when no title ends there.
func (r *Registry) TitleEndingAt(toks []Token, k int) string {
	// Most words end no title: only a word of some title is looked at further.
	if len(toks[k].Text) > 32 || !r.titleParts.has(toks[k].Text) {
		return ""
	}
	var buf [128]byte
	title := buf[:0]
	for j := k; j >= 0 && j > k-4; j-- {
		w := strings.ToLower(toks[j].Text)
		if !r.titleParts.words[w] {
			return ""
		}
		// Prepend w: titles are short, so the copy is cheap.
		next := append(append(make([]byte, 0, len(w)+1+len(title)), w...), title...)
		if j < k {
			next = append(append(append(make([]byte, 0, len(w)+1+len(title)), w...), ' '), title...)
		}
		title = next
		if r.titleWords[string(title)] {
			return string(title)
		}
	}
	return ""
}

func (r *Registry) filterActors(ids []int, keep func(*Actor) bool) []int {
	var out []int
	for _, id := range ids {
		if keep(&r.Actors[id]) {
			out = append(out, id)
		}
	}
	return out
}

// ResolveMentions settles each mention to one actor where the text allows, in reading order:
// a full name or alias is clear; a surname alone means the person of that surname already
// named in the text (news names a person in full first), and nobody otherwise ("Price" at the
// start of a sentence is not Ned Price). A role or a shared name with several candidates
// keeps the one already named, if any. Mentions left unresolved have no Actors.
func (r *Registry) ResolveMentions(ms []Mention) {
	named := map[int]bool{}
	for i := range ms {
		m := &ms[i]
		m.Candidates = m.Actors
		if len(m.Actors) > 1 || m.Surname {
			var seen []int
			for _, a := range m.Actors {
				if named[a] {
					seen = append(seen, a)
				}
			}
			switch {
			case len(seen) >= 1:
				m.Actors = seen[:1]
			case m.Surname || len(m.Actors) > 1:
				m.Actors = nil
			}
		}
		if len(m.Actors) == 1 {
			named[m.Actors[0]] = true
		}
	}
}

// ActorAt returns the registered actor at index i of Actors.
func (r *Registry) ActorAt(i int) *Actor { return &r.Actors[i] }

// TopicMatches returns the topics named in the tokens of text, as indexes in Topics, with the
// number of times each is named.
func (r *Registry) TopicMatches(text string, toks []Token) map[int]int {
	found := FindEach(r.topics, text, toks)
	if len(found) == 0 {
		return nil
	}
	counts := make(map[int]int, len(found))
	for _, f := range found {
		counts[f.Value]++
	}
	return counts
}

// TopicMention is where a text names a topic.
type TopicMention struct {
	Topic      int // index in Topics
	Start, End int // byte offsets in the text
}

// TopicMentions returns where the tokens of text name topics, in order. A term inside another
// topic's longer term names both topics ("China" in "South China Sea"); a topic's own shorter
// term inside its longer one is not counted again.
func (r *Registry) TopicMentions(text string, toks []Token) []TopicMention {
	found := FindEach(r.topics, text, toks)
	out := make([]TopicMention, len(found))
	for i, f := range found {
		out[i] = TopicMention{Topic: f.Value, Start: f.Start, End: f.End}
	}
	return out
}

// TitleWordSpelling returns how a word of a title, given in lower case, is written when that
// is not with one capital ("ceo" is "CEO"); "" otherwise.
func (r *Registry) TitleWordSpelling(w string) string { return r.titleSpelling[w] }

// IsTitleWord reports whether the word, in any case, is part of some title ("prime" of "Prime
// Minister").
func (r *Registry) IsTitleWord(w string) bool { return r.titleParts.has(w) }

// ActorsBySurname returns the registered people with the lowercase surname.
func (r *Registry) ActorsBySurname(s string) []int {
	var buf [64]byte
	if len(s) > 48 {
		return r.surnames[strings.ToLower(s)]
	}
	return r.surnames[string(AppendLower(buf[:0], s))]
}

// LookupName returns the actors a whole phrase names (a name, alias, role description or
// surname), on day. It is for text that is nothing but a name, such as a transcript label.
func (r *Registry) LookupName(phrase string, day time.Time) []Mention {
	toks := Tokenize(phrase)
	ms := r.Mentions(phrase, toks, day)
	first := 0
	if len(toks) > 1 && strings.EqualFold(toks[0].Text, "the") {
		first = 1
	}
	if len(ms) != 1 || ms[0].TokStart != first || ms[0].TokEnd != len(toks) {
		return nil
	}
	return ms
}
