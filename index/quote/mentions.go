package quote

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index/registry"
)

// A mention is a place where the text names or points to someone: a name ("Hillary Clinton",
// "Ms. Maloney", "Tapper", "Rep. Jerry Nadler (D-N.Y.)"), a registered organisation, country
// or office ("the White House", "China", "the Secretary of State"), a description ("the
// senator", "a Treasury spokeswoman"), a group ("the two secretaries") or a pronoun. Mentions
// are read once per paragraph, left to right, outside quotations; names are then gathered into
// the document's entities (entities.go), and descriptions and pronouns are resolved against
// those entities where a quotation needs a speaker.

type mentionKind uint8

const (
	mName        mentionKind = iota // a name, or a registered organisation or country
	mRole                           // a registered office's description, held by one actor on the date
	mPronoun                        // he, she, they
	mDescription                    // the senator, a Treasury spokeswoman
	mGroup                          // the two secretaries, both nations
)

type mention struct {
	kind       mentionKind
	start, end int // the phrase in its paragraph: titles, name, suffix and party tag
	coreStart  int // the name proper, without titles and honorifics
	coreEnd    int
	words      []string // the name proper's words, lower case, without a suffix ("jr")
	honorific  string   // "mr", "ms", …, lower case
	nouns      []string // person nouns the phrase gives: titles ("senator"), a noun before the name ("host")
	gender     string
	person     bool // the words show a person: an honorific, a title, a given name, a person noun
	org        bool // the words show an organisation or a place: "Wells Fargo Bank", a registered country
	actors     []int
	explicit   bool // actors come from a registered name or alias, not from a surname
	possessive bool // followed by 's: it modifies what follows ("Obama's former strategist")
	object     bool // the object of a preposition: "of the Rand Corporation", "to Clinton"
	pronoun    string
	head       string   // a description's noun
	descs      []string // a name's descriptions in apposition after it, without their article
	definite   bool     // a description with "the", "this", "that"
	ownerEnd   int      // a description that starts with a possessive name ("Obama's aide"): where the name ends
	ent        int      // the entity a name joins, or -1
	initial    bool     // the first word of its sentence
	nick       bool     // the name holds a nickname in quotation marks
	acronym    string   // the acronym given in parentheses after an organisation's name, lower case
	modifies   bool     // the name modifies a noun for a person after it: "MSNBC host", "U.S. senator"
	caps       bool     // the name is written in capitals
	generation string   // a suffix that tells a father from a son: "jr", "sr", "iii"
	fullName   string   // the name in full when the text gives part of it elsewhere: "Kirsten Halvorsen" of "Kirsten and Per Halvorsen"
	// joint holds the speakers of each of several coordinated mentions ("Blinken and
	// Austin"), when the attributor takes them together.
	joint [][]Speaker
}

// titleAbbrev reports whether a word is a title's short form written with a period after it in
// the text ("Sen.", "Rep."): such a word is part of a name's phrase, not a sentence's end.
func (x *extractor) isTitle(w string) bool {
	lw := strings.ToLower(w)
	return x.reg.IsTitleWord(lw) || x.reg.IsHonorific(w) || x.reg.Language.TitleAbbreviations[w] != ""
}

// groupWord reports whether a capitalised word alone names a group of people by its ending:
// "Muslims", "Democrats", "Republicans", "Americans", "Christians".
func groupWord(w string) bool {
	for _, end := range []string{"icans", "ians", "lims", "ists", "crats", "ites"} {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// nickEnd reports whether a gap closes a nickname's quotation marks and goes on to the name.
func nickEnd(gap string) bool { return gap == "\" " || gap == "” " }

// nickStart reports whether the gap after word prev opens a nickname's quotation marks:
// `Robert "Bobby"`, `Robert C. "Bobby"`.
func nickStart(gap, prev string) bool {
	if utf8.RuneCountInString(prev) == 1 && strings.HasPrefix(gap, ".") {
		gap = gap[1:] // after an initial
	}
	return gap == " \"" || gap == " “"
}

// contraction are the endings of words after an apostrophe that are not part of a name.
var contraction = map[string]bool{"s": true, "t": true, "re": true, "ve": true, "ll": true, "d": true, "m": true}

// possessedThing reports whether a one-word name at token i is a thing an office owns, not a
// person: "Prime Minister's Questions", "the governor's Cabinet". After an outlet's or a
// person's name it may be a person ("CNN's Tapper"), and a given name may be anyone's.
func (x *extractor) possessedThing(text string, toks []registry.Token, i int, m mention) bool {
	if len(m.words) != 1 || m.honorific != "" || len(m.nouns) > 0 || len(m.actors) > 0 || i < 2 {
		return false
	}
	if gap := text[toks[i-1].End:toks[i].Start]; gap != " " || toks[i-1].Text != "s" {
		return false
	}
	if apo := text[toks[i-2].End:toks[i-1].Start]; apo != "'" && apo != "’" || !x.reg.IsTitleWord(toks[i-2].Text) {
		return false
	}
	_, given := x.reg.GivenName(m.words[0])
	return !given
}

// descriptionBefore returns the index of the description of a person that mention k stands in
// apposition to: the mention before it ("her running mate, Paul Dorsey"), or the one before the
// organisations it is of ("the chairwoman of the African Union Commission, Fatoumata Keïta");
// -1 when there is none.
func descriptionBefore(text string, out []mention, k int) int {
	j := k - 1
	for j > 0 && out[j].org && out[j].kind == mName && out[j-1].end <= out[j].start {
		gap := text[out[j-1].end:out[j].start]
		if gap != " of " && gap != " of the " && gap != " " {
			break
		}
		j--
	}
	if j < 0 || out[j].kind != mDescription || !out[j].person {
		return -1
	}
	return j
}

// hasUpper reports whether lower case would change w: strings.ToLower(w) != w, without the copy.
func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.ToLower(r) != r {
			return true
		}
	}
	return false
}

// isLowerWord reports whether w is a word of lower-case letters only.
func isLowerWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// nameSyllableApostrophe reports whether an apostrophe between two words of a name, beside a
// space, marks a syllable ("Shia’ Al Sudani", "Samiuela ‘Akilisi") rather than quoting or
// ending a possessive: no other quotation mark of its kind closes it in the next few words.
func (x *extractor) nameSyllableApostrophe(text string, prev, next registry.Token) bool {
	gap := text[prev.End:next.Start]
	if strings.HasPrefix(gap, " ") {
		// An opening mark: a name has no closing one after it ("‘Akilisi Pohiva"), a quoted
		// word does ("‘Akilisi’").
		return !closingMarkWithin(text, next.End, 40)
	}
	// A closing mark after a word: no opening one before the word.
	before := text[max(0, prev.Start-40):prev.Start]
	return !strings.ContainsAny(before, "‘'")
}

// closingMarkWithin reports whether a closing single quotation mark follows the byte at in the
// next n bytes of text: an apostrophe not between two letters ("Uli'Uli" holds none).
func closingMarkWithin(text string, at, n int) bool {
	end := min(len(text), at+n)
	for i := at; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '’' || r == '\'' {
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			after, _ := utf8.DecodeRuneInString(text[i+size:])
			if !unicode.IsLetter(before) || !unicode.IsLetter(after) {
				return true
			}
		}
		i += size
	}
	return false
}

// notNamePart are the lower-case ends of hyphenated words that are not names: "Clinton-era",
// "Trump-led".
var notNamePart = map[string]bool{"era": true, "led": true, "like": true, "type": true, "free": true, "wide": true, "made": true, "run": true, "born": true, "held": true, "owned": true, "style": true}

// isTitleNoun reports whether a word is a title, or a title's plural: "Secretary",
// "Secretaries", "Senators".
func (x *extractor) isTitleNoun(w string) bool {
	if len(w) > 24 || !x.reg.MayHeadDescription(strings.TrimSuffix(w, "s")) && !x.reg.MayHeadDescription(w) && !strings.HasSuffix(w, "ies") {
		return false
	}
	lw := strings.ToLower(w)
	for _, s := range []string{lw, strings.TrimSuffix(lw, "s"), strings.TrimSuffix(lw, "es"), strings.TrimSuffix(lw, "ies") + "y"} {
		if s != "" && x.reg.IsTitle(s) {
			return true
		}
	}
	return false
}

// placeName reports whether a word is the name of a registered country or organisation
// ("Israel" of "Ambassador to Israel David Friedman"), though it may be a given name too.
func (x *extractor) placeName(w string) bool {
	for _, m := range x.reg.LookupName(w, x.day) {
		for _, a := range m.Actors {
			if x.reg.ActorAt(a).Kind != registry.Person {
				return true
			}
		}
	}
	return false
}

// isSuffix reports whether a word ends a name ("Jr", "II").
func isSuffix(w string) bool {
	if len(w) > 4 {
		return false // no lower-case copy of the names it is asked about
	}
	switch strings.ToLower(w) {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return isDegree(w) // a doctor's or a lawyer's letters: "Rob Davidson MD", "Jane Doe, PhD"
}

// isDegree reports whether a word is the letters of a degree or a profession written after a
// name ("MD", "PhD", "Esq"), which are no part of the name shown.
func isDegree(w string) bool {
	if len(w) > 4 {
		return false // no lower-case copy of the names it is asked about
	}
	switch strings.ToLower(w) {
	case "md", "phd", "mph", "esq", "dds":
		return true
	}
	return false
}

// mentionsIn reads the mentions of paragraph p, outside the quotations in spans.
func (x *extractor) mentionsIn(p int, regMs []registry.Mention, namesOnly bool) []mention {
	text := x.paras[p].Text
	toks := x.toks[p]
	// Mentions are gathered in a buffer kept for the next paragraph, and what is kept of them
	// copied out at the end: a paragraph's mentions grown a few at a time were a fifth of the
	// extractor's allocations.
	out := x.mentionBuf[:0]
	defer func() { x.mentionBuf = out[:0] }()
	caps := isUpper(text) // a paragraph in capitals: its words are no acronyms
	inQuote := func(off int) bool { return x.quoted(p, off) }
	covered := make([]bool, len(toks))

	// Registered offices, organisations and countries, and registered people named in full.
	for _, m := range regMs {
		if inQuote(m.Start) || len(m.Actors) == 0 {
			continue
		}
		a := x.reg.ActorAt(m.Actors[0])
		if a.Kind != registry.Person && x.insideName(text, toks, m, regMs) {
			continue
		}
		switch {
		case m.Role:
			out = append(out, mention{kind: mRole, start: m.Start, end: m.End, coreStart: m.Start, coreEnd: m.End, actors: m.Actors, person: a.Kind == registry.Person, gender: a.Gender, ent: -1})
		case a.Kind != registry.Person:
			out = append(out, mention{kind: mName, start: m.Start, end: m.End, coreStart: m.Start, coreEnd: m.End, actors: m.Actors[:1], explicit: true, org: true, ent: -1,
				words: lowerWords(toks[m.TokStart:m.TokEnd])})
		case namesOnly && !m.Surname:
			// Where nothing is attributed, registered names are all there is to read.
			out = append(out, mention{kind: mName, start: m.Start, end: m.End, coreStart: m.Start, coreEnd: m.End, actors: m.Actors, explicit: true, person: true, ent: -1,
				words: lowerWords(toks[m.TokStart:m.TokEnd])})
		default:
			continue // people are read as names below, so that the document decides who they are
		}
		for k := m.TokStart; k < m.TokEnd; k++ {
			covered[k] = true
		}
	}

	for i := 0; i < len(toks); i++ {
		if namesOnly {
			// Where nothing is attributed, only people named in full, from a given name:
			// the labels of a transcript may name them by surname ("MS. WINGER" after "Kara
			// Winger"). A word costs a lookup at most.
			if t := toks[i].Text; covered[i] || !nameCase(t) && !isUpper(t) {
				continue
			} else if _, given := x.reg.GivenName(t); !given && !initialsAt(text, toks, i) {
				continue // "D.L. Hughley" and "J. D. Vance" start with initials
			}
		}
		if covered[i] || inQuote(toks[i].Start) {
			continue
		}
		if toks[i].Start > 0 && text[toks[i].Start-1] == '#' {
			continue // a hashtag ("#SOTU2022") names no one
		}
		t := toks[i].Text
		if r := t[0]; namesOnly && 'a' <= r && r <= 'z' && (len(t) > 4 || !x.reg.IsNameParticle(t)) {
			continue // names start with a capital or a particle
		}
		if len(t) <= 4 && !namesOnly {
			if pr, g, ok := pronoun(t); ok {
				out = append(out, mention{kind: mPronoun, start: toks[i].Start, end: toks[i].End, pronoun: pr, gender: g, person: pr != "they", ent: -1})
				continue
			}
		}
		// Most words are in small letters and long: no name, pronoun or particle.
		if r := t[0]; 'a' <= r && r <= 'z' && len(t) > 4 {
			if m, ok := x.description(p, toks, i); ok {
				out = append(out, m)
			}
			continue
		}
		if n := x.nameRun(text, toks, covered, i); n > 0 {
			if namesOnly && n == 1 && !startsMention(regMs, i) {
				continue // where nothing is attributed, a word alone tells nothing of who is who
			}
			if d, ok := x.partisan(p, toks, i, n); ok && !namesOnly {
				out = append(out, d) // "the Idaho Republican": a description, not a name
				i += n - 1
				continue
			}
			if m, ok := x.nameMention(text, caps, toks, i, i+n, regMs); ok && (!namesOnly || len(m.words) >= 2) && !x.possessedThing(text, toks, i, m) {
				out = append(out, m)
				for i+n < len(toks) && toks[i+n].Start < m.end {
					n++ // a party tag: "(R-Utah)"
				}
			} else if namesOnly {
			} else if m, ok := x.description(p, toks, i+n-1); ok {
				out = append(out, m) // "the Secretaries of State and Defense", "the Senator"
			}
			i += n - 1
			continue
		}
		if namesOnly {
			continue
		}
		if m, ok := x.description(p, toks, i); ok {
			out = append(out, m)
			continue
		}
	}
	// At one start, the longer first: "An NPR editor" holds "An NPR".
	slices.SortFunc(out, func(a, b mention) int { return cmp.Or(a.start-b.start, b.end-a.end) })
	// A name inside a description modifies it: "the New York businessman", "the CNN host".
	// Mentions are in order of start, so the description that may hold a mention is the last
	// one that starts at or before it.
	kept := out[:0]
	holder := -1 // index in kept of the last description
	for _, m := range out {
		if m.kind != mDescription && m.kind != mGroup && holder >= 0 && m.start >= kept[holder].start && m.end <= kept[holder].end {
			x.hidden[p] = append(x.hidden[p], m) // for the organisation a spokesman speaks for
			continue
		}
		kept = append(kept, m)
		if m.kind == mDescription || m.kind == mGroup {
			holder = len(kept) - 1
		}
	}
	out = kept
	for k := range out {
		out[k].possessive = possessiveAfter(text, out[k].end)
		out[k].object = out[k].kind != mPronoun && x.afterPreposition(p, out[k].start)
		out[k].initial = x.sentenceStartAt(p, out[k].start)
		// "U.S. senator", "Chinese diplomat": a name before a noun for a person modifies it.
		if out[k].kind == mName && !out[k].possessive {
			if after := tokensIn(toks, out[k].end, min(len(text), out[k].end+24)); len(after) > 0 && text[out[k].end:after[0].Start] == " " && !nameCase(after[0].Text) {
				if _, noun := x.reg.PersonNoun(after[0].Text); noun {
					out[k].object, out[k].modifies = true, true
				}
			}
		}
		// "U.S. Secretary of Energy Chris Wright": a country or an organisation just before a
		// titled person is what the title is of.
		if k > 0 && out[k-1].kind == mName && out[k-1].org && !out[k-1].person && out[k].kind == mName && out[k].person && len(out[k].nouns) > 0 {
			if gapIs(text, out[k-1].end, out[k].start, " ") || gapIs(text, out[k-1].end, out[k].start, ". ") && strings.Contains(text[out[k-1].start:out[k-1].end], ".") {
				out[k-1].object, out[k-1].modifies = true, true
			}
		}
		// "Pennsylvania financial advisor Jay Foley": a place or an organisation, a person's
		// noun in lower case, and the person.
		if k > 0 && out[k-1].kind == mName && !out[k-1].person && out[k].kind == mName && out[k].person && out[k].start > out[k-1].end {
			if gap := strings.Fields(text[out[k-1].end:out[k].start]); len(gap) >= 1 && len(gap) <= 3 && x.personNounPhrase(gap) {
				out[k-1].object, out[k-1].modifies = true, true
			}
		}
		// "Thackeray's wife, Joan,": a given name alone, in apposition to a description of a
		// person, names that person; the description or the name tells the gender.
		if k > 0 && out[k-1].kind == mDescription && out[k-1].person && out[k].kind == mName && len(out[k].words) == 1 && !out[k].person && gapIs(text, out[k-1].end, out[k].start, ", ") {
			if g, given := x.reg.GivenName(out[k].words[0]); given {
				out[k].person = true
				out[k].gender = cmp.Or(out[k-1].gender, g)
			} else if out[k-1].head != "" && x.reg.IsTitleWord(out[k-1].head) && !out[k].org && len(out[k].actors) == 0 && strings.HasPrefix(text[out[k].end:], ",") && !x.isCommon(out[k].words[0]) {
				// "Indonesia's foreign minister, Sutarmo, who …": an office, then a name of
				// one word between commas.
				out[k].person = true
				out[k].gender = out[k-1].gender
				out[k].nouns = append(out[k].nouns, out[k-1].head)
			}
		}
		// "her running mate, Paul Dorsey,": a description in apposition before a person's name
		// says what the person is, for "the running mate" to point back to.
		// The name is a person's, as "The Kremlin spokesman, Ivo Saar," shows, given name or not.
		if d := descriptionBefore(text, out, k); d >= 0 && out[k].kind == mName && len(out[k].actors) == 0 && !out[k].org && len(out[k].words) >= 2 && gapIs(text, out[k-1].end, out[k].start, ", ") {
			out[k].person = true
			if h := out[d].head; h != "" && !slices.Contains(out[k].nouns, h) {
				out[k].nouns = append(out[k].nouns, h)
			}
			if out[k].gender == "" {
				out[k].gender = out[d].gender // "the chairwoman of the Commission, Fatoumata Keïta,"
			}
		}
		// "Sofia Brandt, the foreign minister, and Arvo Tamm, the defense minister,": a
		// description in apposition after a name says what the person is, in its own words, for
		// "the foreign minister" to point back to the one and not the other minister.
		if k > 0 && out[k].kind == mDescription && out[k].person && out[k-1].kind == mName && !out[k-1].org && len(out[k-1].actors) == 0 && len(out[k-1].words) >= 2 && gapIs(text, out[k-1].end, out[k].start, ", ") {
			out[k-1].person = true
			if out[k].ownerEnd < 0 {
				out[k-1].descs = append(out[k-1].descs, descPhrase(text[out[k].start:out[k].end]))
			}
			// "Fang Haoran, China's foreign minister,": a person too, whoever the owner
		}
		// In a list, every name is what the first is: "to Joe Biden and Bernie Sanders".
		if k > 0 && out[k-1].object && out[k].kind == mName {
			if gap := strings.TrimSpace(text[min(out[k-1].end, out[k].start):out[k].start]); gap == "and" || gap == ", and" || gap == "or" {
				out[k].object = true
			}
		}
		x.shareSurname(text, out, k)
	}
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// shareSurname gives the given names listed before a full name its surname: "Kirsten and Per
// Halvorsen", "Nadia, Yasmin and Leila Farouk", "Bill and Hillary Clinton" are each two or
// three people of one family name.
func (x *extractor) shareSurname(text string, out []mention, k int) {
	full := &out[k]
	if full.kind != mName || len(full.words) < 2 || len(full.words) > 3 || full.org || full.explicit || len(full.nouns) > 0 || full.honorific != "" {
		return
	}
	shown := displayName(text[full.coreStart:full.coreEnd])
	i := strings.LastIndexByte(shown, ' ')
	if i < 0 {
		return
	}
	surname, display := full.words[len(full.words)-1], shown[i+1:]
	for j := k - 1; j >= 0; j-- {
		m := &out[j]
		gap := text[min(m.end, out[j+1].start):out[j+1].start]
		if m.kind != mName || len(m.words) != 1 || m.explicit || m.org || gap != " and " && gap != ", " && gap != ", and " {
			return
		}
		g, given := x.reg.GivenName(m.words[0])
		if !given {
			return
		}
		m.gender = cmp.Or(m.gender, g)
		m.words = []string{m.words[0], surname}
		m.fullName = displayName(text[m.coreStart:m.coreEnd]) + " " + display
		m.person = true
		if gap != ", " && gap != ", and " && j < k-1 {
			return // "and" ends the list's start: "Ana and Ben, and Carla Ruiz" is not one family
		}
	}
}

// inLower reports whether the set holds w in lower case, without making a new string.
func inLower(set map[string]bool, w string) bool {
	if len(w) > 32 {
		return false
	}
	var buf [48]byte
	return set[string(registry.AppendLower(buf[:0], w))]
}

// nameWords splits a name into its words as a reader counts them: separated by spaces, in lower
// case, with hyphens and apostrophes kept inside ("holtz-eakin", "o'neill", "ki-moon") and an
// initial's period dropped.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\u00a0' }) {
		w = strings.ToLower(strings.Trim(w, ".,"))
		w = strings.ReplaceAll(w, "’", "'")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// startsMention reports whether a registered name starts at token i.
func startsMention(regMs []registry.Mention, i int) bool {
	for _, m := range regMs {
		if m.TokStart == i {
			return true
		}
	}
	return false
}

func lowerWords(toks []registry.Token) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, strings.ToLower(t.Text))
	}
	return out
}

// possessiveAfter reports whether the text at off goes on with a possessive ’s.
func possessiveAfter(text string, off int) bool {
	rest := text[off:]
	for _, p := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasPrefix(rest, p) {
			r, _ := utf8.DecodeRuneInString(rest[len(p):])
			return !unicode.IsLetter(r)
		}
	}
	// A plural's: "the United States’ economy", "the Democrats' plan".
	if off > 0 && (text[off-1] == 's' || text[off-1] == 'S') {
		for _, p := range []string{"' ", "’ "} {
			if strings.HasPrefix(rest, p) {
				return true
			}
		}
	}
	return false
}

// nameRun returns how many tokens from i form a run of capitalised words that may hold a name:
// "Rep. Jerry Nadler", "Vann R. Newkirk II", "Ursula von der Leyen", "Holtz-Eakin", "O’Neill".
// It returns 0 when the word at i starts no run.
func (x *extractor) nameRun(text string, toks []registry.Token, covered []bool, i int) int {
	n := 0
	for k := i; k < len(toks) && n < 10; k++ {
		t := toks[k].Text
		if k > i {
			prev := toks[k-1]
			gap := text[prev.End:toks[k].Start]
			switch {
			case gap == " " || gap == "\u00a0" || gap == "-" || gap == "‑":
			case (gap == "’" || gap == "'") && (nameCase(t) || isUpper(t) || len(t) <= 3 && !contraction[t]):
				// "O’Neill", "N'JIE", "Rifa'i"; not "Clinton’s" nor "don't"
			case (gap == "’" || gap == "'") && isLowerWord(t) && !contraction[t]:
				// "Mu’izzaddin", "N’tungamulongo", "Tu’i’onetoa": an apostrophe inside a name
			case (gap == "’ " || gap == "' " || gap == " ‘" || gap == " '" || gap == " ’") && nameCase(prev.Text) && nameCase(t) && !contraction[strings.ToLower(t)] &&
				!x.reg.IsHonorific(prev.Text) && x.nameSyllableApostrophe(text, prev, toks[k]):
				// "Shia’ Al Sudani", "Samiuela ‘Akilisi Pohiva": an apostrophe at a name's edge
			case (gap == "’ " || gap == "' ") && x.reg.IsHonorific(prev.Text) && (nameCase(t) || isUpper(t)):
				// "Dato’ Seri Mahathir", "Dato' KAMIL": the Malay honorific's apostrophe
			case gap == "- " && nameCase(prev.Text) && nameCase(t):
				// "Al- Jaber", "Tsaty- Boungou": a hyphen a line break left a space after
			case gap == "-" && isLowerWord(prev.Text) && isLowerWord(t) && len(t) <= 4 && k > 1 && text[toks[k-2].End:prev.Start] == "-" && (nameCase(toks[k-2].Text) || isLowerWord(toks[k-2].Text)):
				// "Chan-o-cha": lower-case syllables of a hyphenated name
			case gap == ". " && (strings.EqualFold(prev.Text, "St") || strings.EqualFold(prev.Text, "Ste")) && (nameCase(t) || isUpper(t)) && k > i:
				// "de St. Jorre", "Donatus Keith St. Aimee": Saint abbreviated in a name
			case (gap == ". " || gap == "." || gap == ".\u00a0") && (utf8.RuneCountInString(prev.Text) == 1 && unicode.IsUpper(rune(prev.Text[0])) || x.isTitle(prev.Text) && (len(prev.Text) <= 4 || x.reg.IsHonorific(prev.Text) || x.reg.Language.TitleAbbreviations[prev.Text] != "") || isSuffix(prev.Text)):
				// an initial, a title's short form: "R. Newkirk", "Sen. Ben", "D.L." (not a word
				// of a title that ends a sentence: "in Tallahatchie County. Moses Wright")
			case gap == " & " && nameCase(prev.Text) && nameCase(t) && x.orgWordWithin(toks, k, 4):
				// an organisation's name: "American Exploration & Production Council"
			case gap == ", " && isSuffix(t):
				// "Joseph R. Biden, Jr."
			case nickStart(gap, prev.Text) && nameCase(t) && k+1 < len(toks) && nickEnd(text[toks[k].End:toks[k+1].Start]) && nameCase(toks[k+1].Text):
				// a nickname in quotation marks: Robert C. "Bobby" Scott
			case nickEnd(gap) && k > 1 && nickStart(text[toks[k-2].End:toks[k-1].Start], toks[k-2].Text):
				// the name after the nickname
			default:
				return n
			}
		}
		if covered[k] {
			return n
		}
		switch {
		case nameCase(t) || isSuffix(t) && n > 0:
		case n > 0 && isLowerWord(t) && !contraction[t] && (text[toks[k-1].End:toks[k].Start] == "'" || text[toks[k-1].End:toks[k].Start] == "’"):
			// the end of "Rifa'i", "Mu’izzaddin", "Tu’i’onetoa"
		case n > 0 && (t == "of" || t == "to") && k+1 < len(toks) && !covered[k+1] && (nameCase(toks[k+1].Text) || toks[k+1].Text == "the") && x.reg.TitleEndingAt(toks[:k], k-1) != "":
			// "Secretary of State Antony Blinken", "Ambassador to Israel David Friedman": a
			// title's "of" or "to" does not end the run
		case n > 1 && t == "the" && (toks[k-1].Text == "of" || toks[k-1].Text == "to") && k+1 < len(toks) && !covered[k+1] && nameCase(toks[k+1].Text):
			// "Secretary of the Treasury Scott Bessent
		case n > 0 && (t == "of" || t == "for") && k+1 < len(toks) && !covered[k+1] && (nameCase(toks[k+1].Text) || x.reg.IsOrgWord(toks[k-1].Text) && x.theThenName(toks, covered, k+1, toks[k-1].Text)) && !x.reg.IsUtteranceWord(toks[k-1].Text) &&
			(x.reg.IsOrgWord(strings.TrimSuffix(toks[k-1].Text, "s")) || x.reg.Language.TitleAbbreviations[toks[k-1].Text] != ""),
			n > 0 && t == "on" && k+2 < len(toks) && nameCase(toks[k+1].Text) && nameCase(toks[k+2].Text) && !inLower(sentenceWords, toks[k+1].Text) &&
				x.reg.IsOrgWord(toks[k-1].Text) && !x.reg.IsDocumentWord(toks[k-1].Text) && text[toks[k].End:toks[k+1].Start] == " " && text[toks[k+1].End:toks[k+2].Start] == " ":
			// and through "on" before two capitalised words: "Intergovernmental Panel on Climate
			// Change", "Council on Foreign Relations" (not "the Senate on Tuesday", nor a
			// document's "Boe Declaration on Regional Security", which speaks for no one)
			// an organisation's name runs on: "Alliance for Retired Americans", "International
			// Council of Museums", "National Institutes of Health", "National Museum of the
			// American Latino"; so does a title's office: "CarMax VP of Regional Sales Corey Haire"
		case n > 0 && (t == "and" || t == "for") && slices.Contains(x.titleToks, k):
			// "and" of "Secretary of Health and Human Services Robert F. Kennedy Jr."
		case len(t) <= 4 && x.reg.IsNameParticle(t) && x.particlesThenName(text, toks, k) && (n > 0 || k == 0 || !unicode.IsLetter(rune(text[toks[k-1].End]))):
			// "von der Leyen", "van der Stoel" (a particle may open a name that opens its text)
		case len(t) == 1 && k+1 < len(toks) && (text[toks[k].End:toks[k+1].Start] == "'" || text[toks[k].End:toks[k+1].Start] == "’") && (nameCase(toks[k+1].Text) || isUpper(toks[k+1].Text)):
			// "d'Espiney", "l'Anglais"
			// "von der Leyen": particles only between capitalised words
		case isUpper(t) && utf8.RuneCountInString(t) > 1 && unicode.IsLetter([]rune(t)[0]):
			// an acronym ("NBC News", "FBI"), or a name in capitals ("Mr. SPENDER")
		case n > 0 && text[toks[k-1].End:toks[k].Start] == "-" && len(t) <= 8 && !notNamePart[t] && (nameCase(toks[k-1].Text) || isUpper(toks[k-1].Text) ||
			len(t) <= 4 && k > 1 && isLowerWord(toks[k-1].Text) && text[toks[k-2].End:toks[k-1].Start] == "-"):
			// the lower-case end of a hyphenated name: "Ban Ki-moon", "Shih-chieh"
		case len(t) <= 4 && x.reg.IsNameParticle(t) && k+1 < len(toks) && text[toks[k].End:toks[k+1].Start] == "-" && (nameCase(toks[k+1].Text) || isUpper(toks[k+1].Text)):
			// an Arabic article joined to the name: "el-Khouri", "al-Assad"
		default:
			return n
		}
		if n == 0 && (x.reg.IsNotName(t) || inLower(sentenceWords, t) || isAdverb(t)) && !x.titleStartsAt(toks, k) {
			return 0
		}
		if n == 0 && x.reg.IsSpeechVerb(t) && (k+1 == len(toks) || text[toks[k].End:toks[k+1].Start] != "-") {
			return 0 // "Said Ellis: …" opens with a verb, not a name
		}
		if n > 0 && x.reg.IsNotName(t) && !x.isTitle(t) && !x.reg.IsOrgWord(t) && !strings.ContainsAny(text[toks[k-1].End:toks[k].Start], "-'’") && !hyphenated(text, toks[k]) &&
			!(isUpper(t) && (isUpper(toks[k-1].Text) || x.reg.IsHonorific(toks[k-1].Text))) &&
			!(k+1 < len(toks) && text[toks[k].End:toks[k+1].Start] == " " && nameCase(toks[k+1].Text)) {
			return n // "Mr. SHARE", "Metropolitan Police" and "Chicago Police Department" run on; "Clinton Yesterday" does not
		}
		n++
	}
	return n
}

// insideName reports whether the words of a registered organisation or country are part of a
// person's name: "Chuck Jordan" (a given name before), "Santiago Peña Palacios", "Israel Katz"
// (one word, with a name after it that is no title).
func (x *extractor) insideName(text string, toks []registry.Token, m registry.Mention, regMs []registry.Mention) bool {
	// After an honorific and the words of a name: "Mr. Shams-ud DOHA" is a person, not Qatar.
	for k := m.TokStart - 1; k >= 0 && k >= m.TokStart-4; k-- {
		if x.reg.IsHonorific(toks[k].Text) {
			return true
		}
		gap := text[toks[k].End:toks[k+1].Start]
		// "ud" of "Shams-ud DOHA": the lower-case end of a hyphenated name is a name's.
		hyphened := k > 0 && text[toks[k-1].End:toks[k].Start] == "-" && (nameCase(toks[k-1].Text) || isUpper(toks[k-1].Text))
		if gap != " " && gap != "-" {
			break
		}
		if hyphened && !nameCase(toks[k].Text) && !isUpper(toks[k].Text) {
			return true
		}
		if !nameCase(toks[k].Text) && !isUpper(toks[k].Text) {
			break
		}
	}
	// A capitalised word before an organisation's name that opens with an organisation's word
	// starts another organisation's name: "the Iowa Department of Education" is not the
	// federal department, "New Hampshire Department of Education" neither.
	if m.TokStart > 0 && len(m.Actors) > 0 && x.reg.ActorAt(m.Actors[0]).Kind == registry.Organisation && x.reg.IsOrgWord(toks[m.TokStart].Text) {
		prev := toks[m.TokStart-1]
		lp := strings.ToLower(prev.Text)
		if text[prev.End:m.Start] == " " && (nameCase(prev.Text) || isUpper(prev.Text)) && utf8.RuneCountInString(prev.Text) > 1 &&
			!x.reg.IsFunctionWord(lp) && !sentenceWords[lp] && !x.reg.IsTitleWord(lp) && !x.reg.IsHonorific(prev.Text) {
			return true
		}
	}
	// After a name's particles: "Miguel de la MADRID", "Alois von und zu Liechtenstein".
	k := m.TokStart - 1
	for k >= 0 && isLowerWord(toks[k].Text) && x.reg.IsNameParticle(toks[k].Text) && text[toks[k].End:toks[k+1].Start] == " " {
		k--
	}
	if k >= 0 && k < m.TokStart-1 && (nameCase(toks[k].Text) || isUpper(toks[k].Text)) && text[toks[k].End:toks[k+1].Start] == " " && !x.reg.IsTitleWord(toks[k].Text) {
		return true
	}
	if m.TokStart > 0 {
		prev := toks[m.TokStart-1]
		if _, given := x.reg.GivenName(prev.Text); given && nameCase(prev.Text) && text[prev.End:m.Start] == " " {
			return true
		}
	}
	// "Madhav Kumar Nepal": a country's one word ending a run of two names or more that nothing
	// registers, titles or shows to be an organisation's is a person's surname.
	if m.TokEnd-m.TokStart == 1 && (m.TokEnd == len(toks) || text[m.End:toks[m.TokEnd].Start] != " " || !nameCase(toks[m.TokEnd].Text)) {
		words := 0
		for k := m.TokStart - 1; k >= 0 && k >= m.TokStart-3; k-- {
			w := toks[k].Text
			if text[toks[k].End:toks[k+1].Start] != " " || !nameCase(w) || isUpper(w) || x.reg.IsTitleWord(w) || x.reg.IsOrgWord(w) || x.reg.IsNotName(w) ||
				x.reg.IsNameModifier(w) || slices.ContainsFunc(regMs, func(o registry.Mention) bool { return o.TokStart <= k && k < o.TokEnd && !o.Surname }) {
				break
			}
			words++
		}
		if words >= 2 {
			return true
		}
	}
	if m.TokEnd >= len(toks) {
		return false
	}
	next := toks[m.TokEnd]
	if text[m.End:next.Start] == " " && nameCase(next.Text) && !x.reg.IsOrgWord(next.Text) && x.orgWordWithin(toks, m.TokEnd+1, 3) &&
		!slices.ContainsFunc(regMs, func(o registry.Mention) bool { return o.TokStart == m.TokEnd }) {
		// "America First Policy Institute", "New Mexico Recovery Providers Network": the words
		// after it run on to an organisation's word.
		return true
	}
	if m.TokEnd-m.TokStart != 1 {
		return false
	}
	if text[m.End:next.Start] != " " || !nameCase(next.Text) || x.reg.IsTitleWord(next.Text) || x.reg.IsOrgWord(next.Text) || x.reg.IsNotName(next.Text) {
		return false
	}
	for _, o := range regMs {
		if o.TokStart == m.TokEnd {
			return false // "Russia Ukraine": two registered names side by side
		}
	}
	_, given := x.reg.GivenName(toks[m.TokStart].Text)
	return given
}

// hasGivenName reports whether one of the words is a given name: "Charlie King" is a name,
// "The American First Lady" is not.
func (x *extractor) hasGivenName(toks []registry.Token) bool {
	for _, t := range toks {
		if _, ok := x.reg.GivenName(t.Text); ok {
			return true
		}
	}
	return false
}

// titleStartsAt reports whether a title of one to four words starts at token k ("First Lady").
func (x *extractor) titleStartsAt(toks []registry.Token, k int) bool {
	for l := 1; l <= 4 && k+l <= len(toks); l++ {
		if x.reg.TitleEndingAt(toks[k:k+l], l-1) != "" {
			return true
		}
	}
	return false
}

// particlesThenName reports whether the particles from token k on ("von der") are followed by
// a capitalised word, each one space from the next.
func (x *extractor) particlesThenName(text string, toks []registry.Token, k int) bool {
	for ; k+1 < len(toks) && text[toks[k].End:toks[k+1].Start] == " "; k++ {
		if nameCase(toks[k+1].Text) || isUpper(toks[k+1].Text) {
			return true
		}
		if !x.reg.IsNameParticle(toks[k+1].Text) {
			return false
		}
	}
	return false
}

// singular returns a plural noun's singular, roughly: "Secretaries" → "Secretary", "Senators"
// → "Senator", "Reps." → "Rep".
func singular(w string) string {
	w = strings.TrimSuffix(w, ".")
	switch {
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// initialsAt reports whether token i is an initial or two ("D.L.", "J.") followed by a name.
func initialsAt(text string, toks []registry.Token, i int) bool {
	t := toks[i].Text
	if len(t) > 3 || !isUpper(t) || i+1 == len(toks) {
		return false
	}
	rest := text[toks[i].End:toks[i+1].Start]
	return strings.HasPrefix(rest, ".") && (nameCase(toks[i+1].Text) || len(toks[i+1].Text) <= 2 && isUpper(toks[i+1].Text))
}

// personNounPhrase reports whether words are lower-case words that end in a noun for a person:
// "financial advisor", "host".
func (x *extractor) personNounPhrase(words []string) bool {
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
			return false
		}
	}
	last := words[len(words)-1]
	if prepositions[last] || last == "and" || last == "the" {
		return false // "said of Hillary Clinton": a title's small word is no noun
	}
	for _, w := range words {
		if x.reg.IsSpeechVerb(w) {
			return false
		}
	}
	_, noun := x.reg.PersonNoun(last)
	return noun || x.reg.IsTitleWord(last)
}

// orgWordWithin reports whether one of the n capitalised words from toks[k] is an
// organisation's word ("Council"), as in a name joined by "&" that is an organisation's.
func (x *extractor) orgWordWithin(toks []registry.Token, k, n int) bool {
	for l := k; l < len(toks) && l < k+n && nameCase(toks[l].Text); l++ {
		if x.reg.IsOrgWord(toks[l].Text) {
			return true
		}
	}
	return false
}

// titleInName reports whether the title at toks[k] is part of the name it is in: one that names
// carry ("Sheikh", "Haji"), after a name's given name or particle, over titles of the same kind
// ("Mohd Najib bin Tun Haji Abdul Razak").
func (x *extractor) titleInName(toks []registry.Token, i, k int) bool {
	if !x.reg.IsTitleInName(toks[k].Text) {
		return false
	}
	l := k - 1
	for l >= i && x.reg.IsTitleInName(toks[l].Text) {
		l--
	}
	if l < i {
		return false
	}
	w := toks[l].Text
	if x.reg.IsNameParticle(w) && l > i {
		return true
	}
	// A word of the name before it: a given name, or a capitalised word that is no title,
	// honorific, organisation's word or place ("Pekerma Jaya Haji Mohd Yusof").
	_, given := x.reg.GivenName(w)
	return (given || nameCase(w)) && !x.reg.IsHonorific(w) && !x.reg.IsTitleWord(w) && !x.reg.IsOrgWord(w) && !x.reg.IsNotName(w) && !x.placeName(w)
}

// theThenName reports whether token k is "the" before a capitalised word that is no
// registered name's (not "Supreme Court of the United States", which leaves "of the" hanging),
// after an organisation's word (not a title's: "CEO of the Autism Society") that a state's speech
// does not share ("State of the Union").
func (x *extractor) theThenName(toks []registry.Token, covered []bool, k int, org string) bool {
	return toks[k].Text == "the" && k+1 < len(toks) && nameCase(toks[k+1].Text) && !covered[k+1] && org != "State"
}

// particleNotTitle reports whether token k of a name's run from token i, a title's short form
// ("Del." for Delegate), is a name's particle instead: after a given name, with no period after
// it ("Elizabeth Del Buono").
func (x *extractor) particleNotTitle(text string, toks []registry.Token, i, k int) bool {
	return k > i && x.reg.Language.TitleAbbreviations[toks[k].Text] != "" && !strings.HasPrefix(text[toks[k].End:], ".") &&
		x.isGivenName(toks[k-1].Text) && x.reg.IsNameParticle(strings.ToLower(toks[k].Text))
}

// lettersAfter returns where a name's run [core, j) ends without the letters of a degree or a
// profession after it ("MD", "PhD", "Esq"); a generation's suffix ("Jr.", "III") stays.
func lettersAfter(toks []registry.Token, core, j int) int {
	for j > core+1 && isDegree(toks[j-1].Text) {
		j--
	}
	return j
}

// gapIs reports whether text between offsets from and to is gap: mentions may overlap ("An
// NPR editor" holds "An NPR"), and then nothing stands between them.
func gapIs(text string, from, to int, gap string) bool {
	return from <= to && text[from:to] == gap
}

// descPhrase returns a description's words in lower case without its article: "the foreign
// minister" is "foreign minister".
func descPhrase(d string) string {
	d = strings.ToLower(d)
	for _, a := range []string{"the ", "a ", "an ", "this ", "that "} {
		if rest, ok := strings.CutPrefix(d, a); ok {
			return rest
		}
	}
	return d
}

// fieldWord reports whether a capitalised word has the ending of a field of work or a plural
// noun, which no surname before a given name has: "Engineering", "Oceans", "Affairs".
func fieldWord(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= 6 && strings.HasSuffix(w, "ing") || n >= 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}

// isAdverb reports whether a word has an adverb's ending that no name has: "Additionally",
// "Separately", "Importantly" (not "Kelly", "Connolly").
func isAdverb(w string) bool {
	if len(w) < 7 {
		return false
	}
	for _, suffix := range []string{"ally", "ately", "ively", "ently", "antly", "ingly", "arly", "ously", "fully", "edly"} {
		if strings.HasSuffix(w, suffix) {
			return true
		}
	}
	return false
}

// isTitleAcronym reports whether the text gives w in parentheses after a title, as its short
// form: "Special Presidential Envoy for Climate (SPEC) John Kerry", then "SPEC Kerry".
func (x *extractor) isTitleAcronym(w string) bool {
	if len(w) < 2 || !isUpper(w) {
		return false
	}
	if x.titleAcronyms == nil {
		x.titleAcronyms = map[string]bool{}
		for p, toks := range x.toks {
			s := x.paras[p].Text
			for k := 1; k < len(toks); k++ {
				t := toks[k]
				if t.Start == 0 || t.End >= len(s) || s[t.Start-1] != '(' || s[t.End] != ')' || !isUpper(t.Text) {
					continue
				}
				for l := k - 1; l >= 0 && l >= k-6; l-- {
					if x.isTitle(toks[l].Text) {
						x.titleAcronyms[t.Text] = true
						break
					}
				}
			}
		}
	}
	return x.titleAcronyms[w]
}

// nameMention reads the run of tokens [i, j) as a name mention: the titles and honorifics
// before the name proper, the name, a suffix, and a party tag in parentheses after it.
func (x *extractor) nameMention(text string, caps bool, toks []registry.Token, i, j int, regMs []registry.Mention) (mention, bool) {
	m := mention{kind: mName, start: toks[i].Start, end: toks[j-1].End, ent: -1}
	if j-i == 1 && isSuffix(toks[i].Text) {
		return mention{}, false // "III" of "Annex III" names no one
	}
	// The name proper starts after the last title or honorific that has a word after it
	// ("Democratic Sen. Claire McCaskill", "Wells Fargo CEO John Stumpf").
	core := i
	// An organisation's name keeps the titles in it: "Major Cities Chiefs Association",
	// "Democratic Lieutenant Governors Association", "African American Mayors Association".
	orgName := j-i > 2 && x.reg.IsOrgWord(toks[j-1].Text)
	if orgName && j-i > 3 && toks[i+1].Text == "of" && (x.reg.Language.TitleAbbreviations[toks[i].Text] != "" || x.reg.IsTitleWord(toks[i].Text)) {
		// "CEO of the Autism Society": an office of the organisation, then its name.
		k := i + 2
		if toks[k].Text == "the" {
			k++
		}
		if k < j-1 {
			m.start, i, core = toks[k].Start, k, k
		}
	}
	for k := j - 2; k >= i && !orgName; k-- {
		if !hasUpper(toks[k].Text) {
			continue // a particle ("del", "van") is no title
		}
		if x.titleInName(toks, i, k) {
			continue // "Hassan Sheikh Mohamud"
		}
		if x.particleNotTitle(text, toks, i, k) {
			continue // "Elizabeth Del Buono": no Delegate
		}
		if x.reg.IsHonorific(toks[k].Text) || x.reg.Language.TitleAbbreviations[toks[k].Text] != "" || x.reg.TitleEndingAt(toks[i:k+1], k-i) != "" ||
			k == j-2 && x.isTitleAcronym(toks[k].Text) || strings.HasSuffix(toks[k].Text, "s") && x.reg.IsTitle(x.reg.TitleNoun(singular(toks[k].Text))) {
			core = k + 1 // "Secretaries Raimondo and Clouthier"
			break
		}
	}
	// "Chief of Staff", "Director of Communications": an office's last word after its "of" is
	// no one's name.
	// "Leader of the Opposition" too.
	if last := j - 1; last > i && core <= last && x.reg.IsTitleWord(toks[last].Text) && x.reg.TitleEndingAt(toks[i:j], last-i) != "" {
		of := last - 1
		if toks[of].Text == "the" && of-1 > i {
			of--
		}
		if toks[of].Text == "of" && core >= of && core <= last {
			return mention{}, false
		}
	}
	for k := i; k < core; k++ {
		w := toks[k].Text
		if x.reg.IsHonorific(w) {
			m.honorific = strings.ToLower(strings.TrimSuffix(w, "."))
			continue
		}
		if t := x.reg.TitleEndingAt(toks[i:k+1], k-i); t != "" {
			m.nouns = append(m.nouns, t)
		} else if n := x.reg.Language.TitleAbbreviations[w]; n != "" {
			m.nouns = append(m.nouns, n)
		}
	}
	// Words that describe the person are not their name: "Democrat Hillary Clinton", "French
	// President François Hollande" (after the title), "Republican nominee" does not reach here.
	// An organisation keeps them: "American Wildlife Conservation Partners".
	// ("Democratic Party of Wisconsin" too: an organisation's word inside the name, before "of").
	for core < j-2 && x.reg.IsNameModifier(toks[core].Text) && !x.reg.IsOrgWord(toks[j-1].Text) && !x.orgWordBeforeOf(toks[core+1:j]) {
		core++
	}
	// What is left of an office's long name before a person's ("Technology Policy Michael
	// Kratsios", "County Council Member Deni Taveras", "CarMax VP Corey Haire"): the name
	// starts at a given name that follows a word of a title, an organisation or a role.
	for k := j - 2; k > core; k-- {
		if text[toks[k-1].End:toks[k].Start] != " " {
			continue
		}
		if _, given := x.reg.GivenName(toks[k].Text); !given || isUpper(toks[k].Text) {
			continue
		}
		prev := toks[k-1].Text
		// A field's last word before a given name and a surname: "… for Research and
		// Engineering Emil Michael", "… for Lands, Wildlife, and Oceans Drew Caputo".
		field := k == j-2 && fieldWord(prev) && !x.isGivenName(prev) && !x.hasGivenName(toks[core:k-1]) // not "Francisco Guterres Lu-Olo"
		if _, noun := x.reg.PersonNoun(prev); noun || x.reg.IsTitleWord(prev) || x.reg.IsOrgWord(prev) || isUpper(prev) && len(prev) > 1 || field {
			if m.nouns = m.nouns[:0]; x.reg.IsTitleWord(toks[i].Text) {
				// "Secretary of Commerce John Doe": the office's name is the title
				m.nouns = append(m.nouns, strings.ToLower(text[toks[i].Start:toks[k-1].End]))
			} else {
				for l := i; l < k; l++ {
					if n := x.reg.TitleNoun(toks[l].Text); nameCase(toks[l].Text) && (x.reg.IsTitleWord(n) || func() bool { _, ok := x.reg.PersonNoun(n); return ok }()) {
						m.nouns = append(m.nouns, n)
					}
				}
			}
			core = k
			break
		}
	}
	// A title's "of" or "to" phrase is not the name: "US Secretary of State Antony Blinken"
	// leaves "of State Antony Blinken", whose name starts at its first given name, or else holds the
	// last two words.
	if core < j && (toks[core].Text == "of" || toks[core].Text == "to") {
		if core+2 == j && core > i {
			// One word after the title's "of" is its domain, no one's name: "Governor of
			// Pennsylvania", "Minister of Defence".
			return mention{}, false
		}
		next, given := max(core+1, j-2), false
		for k := core + 1; k < j-1; k++ {
			if _, ok := x.reg.GivenName(toks[k].Text); ok && !isUpper(toks[k].Text) && text[toks[k-1].End:toks[k].Start] == " " && !x.placeName(toks[k].Text) {
				next, given = k, true
				break
			}
		}
		if last := toks[j-1].Text; !given && core > i && (fieldWord(last) || x.isCommon(last)) && !strings.HasPrefix(text[toks[j-1].End:], " ") {
			// No given name, and a last word no surname has before a comma or a colon: the
			// office's domain ("Vice President of Digital Equity,", "Assistant Secretary of the
			// Army for Civil Works,"); not "Chairman of the Joint Chiefs of Staff General …".
			return mention{}, false
		}
		core = next
	}
	end := j
	for end > core+1 && isSuffix(toks[end-1].Text) {
		if !isDegree(toks[end-1].Text) {
			m.generation = strings.ToLower(toks[end-1].Text) // "Jr.": his father is someone else
		}
		end--
	}
	if core >= end || core == i && j-i == 1 && (x.isTitleNoun(toks[i].Text) && !x.isSurname(toks[i].Text) || x.reg.IsHonorific(toks[i].Text)) || core == i && x.reg.TitleEndingAt(toks[i:j], j-1-i) != "" && !x.hasGivenName(toks[i:j-1]) && (j-i > 1 || !x.isSurname(toks[i].Text)) {
		return mention{}, false // a title alone is no name: "the Secretary said"
	}
	m.coreStart, m.coreEnd = toks[core].Start, toks[j-1].End
	if shown := lettersAfter(toks, core, j); shown < j {
		m.coreEnd = toks[shown-1].End // "Rob Davidson MD", "Jane Doe, PhD": the letters are no part of the name shown
	}
	m.caps = isUpper(text[m.coreStart:m.coreEnd])
	// Particles written in lower case stay out of the words that identify a person ("von der
	// Leyen" is "leyen"'s); "Al Sharpton" keeps his "Al".
	var written []string
	k := -1
	for w := range strings.FieldsFuncSeq(x.usedName(text[toks[core].Start:toks[end-1].End]), func(r rune) bool { return r == ' ' || r == '\u00a0' }) {
		k++
		// A particle is not one of them either, even in capitals at a sentence's start ("De
		// Blasio"), unless it is a given name too ("Al Sharpton").
		if x.reg.IsNameParticle(w) {
			if _, given := x.reg.GivenName(w); !hasUpper(w) || k == 0 && !given {
				continue
			}
		}
		written = append(written, w)
	}
	m.words = make([]string, 0, len(written))
	for _, w := range written {
		w = strings.Trim(w, ".,")
		if strings.Contains(w, "’") {
			w = strings.ReplaceAll(w, "’", "'")
		}
		if w != "" {
			m.words = append(m.words, strings.ToLower(w))
		}
	}
	if span := text[toks[core].Start:toks[end-1].End]; strings.IndexByte(span, '"') >= 0 || strings.Contains(span, "“") {
		m.nick = true
	}
	if len(m.words) == 0 {
		return mention{}, false
	}

	switch m.honorific {
	case "mr", "mister", "sir", "lord":
		m.gender = "male"
	case "ms", "mrs", "miss", "madam", "madame", "dame", "lady":
		m.gender = "female"
	}
	if m.honorific != "" || len(m.nouns) > 0 {
		m.person = true
	}
	first := toks[core].Text
	// Not the first half of a double-barrelled surname standing alone: "Brennan-Osei" (but
	// "Anna-Marie Laura").
	if end-core >= 2 && !(end-core == 2 && text[toks[core].End:toks[core+1].Start] == "-") {
		if g, ok := x.reg.GivenName(first); ok {
			m.person = true
			if m.gender == "" {
				m.gender = g
			}
		}
		for k := core + 1; k < end-1; k++ {
			if utf8.RuneCountInString(toks[k].Text) == 1 {
				m.person = true // a middle initial
			}
		}
		if utf8.RuneCountInString(first) == 1 && end-core >= 3 && x.isGivenName(toks[core+1].Text) {
			m.person = true // an initial before a given name: "D. Lee Forsgren"
		}
		if x.reg.IsFamilyNameFirst(first) && text[toks[core].End:toks[core+1].Start] == " " && syllablesJoined(text[toks[core+1].Start:toks[end-1].End]) {
			m.person = true // a family name and a given name of joined syllables: "Seo Yu-na", "Tseng Wen-hsiang"
		}
	}
	last := toks[end-1].Text
	orgOf := x.orgWordBeforeOf(toks[core:end]) // "Council of Museums", "Alliance for Retired Americans"
	// Not the second half of a given name's hyphenated surname: "Inés Villanueva-Park", not
	// "Scranton Times-Tribune"; nor a surname that is an organisation's word after a given
	// name: "Jim Justice".
	surname := end-core >= 2 && text[toks[end-2].End:toks[end-1].Start] == " " && x.reg.IsSurnameOrgWord(last) && x.isGivenName(toks[end-2].Text)
	if x.reg.IsOrgWord(last) && !(end-1 > core && text[toks[end-2].End:toks[end-1].Start] == "-" && x.isGivenName(toks[core].Text)) && !surname || orgOf || end-core == 1 && isUpper(last) && utf8.RuneCountInString(last) > 1 && m.honorific == "" && len(m.nouns) == 0 && !caps {
		m.org, m.person = true, false
	}
	// A person noun just before the name: "MSNBC host Chris Matthews", "9/11 widow Terry Strada".
	if i > 0 {
		prev := toks[i-1]
		if g, ok := x.reg.PersonNoun(prev.Text); ok && !nameCase(prev.Text) && text[prev.End:toks[i].Start] == " " {
			m.nouns = append(m.nouns, strings.ToLower(prev.Text))
			if !m.org {
				m.person = true
				if m.gender == "" {
					m.gender = g
				}
			}
		}
	}
	// A registered person's full name that the run goes on past, in words that name no one
	// ("Statement from President Joe Biden Ahead of …", "Jake Sullivan Welcoming"): the name
	// ends with it.
	for _, r := range regMs {
		if r.Start > m.coreStart || r.End <= m.coreStart || r.TokEnd >= end || len(r.Actors) != 1 || r.Role || r.Surname || r.TokEnd-core < 2 {
			continue
		}
		if x.reg.ActorAt(r.Actors[0]).Kind != registry.Person {
			continue
		}
		w := toks[r.TokEnd].Text
		if _, given := x.reg.GivenName(w); given || x.reg.IsOrgWord(w) || isSuffix(w) || x.reg.IsNameParticle(w) || text[toks[r.TokEnd-1].End:toks[r.TokEnd].Start] != " " {
			continue
		}
		// Only a word known to be common ends it: one the document writes in lower case, or a
		// verb's "-ing"; an unknown one may be a second surname ("Alejandro Giammattei Falla").
		if !x.isCommon(w) && !(len(w) > 5 && strings.HasSuffix(w, "ing")) {
			continue
		}
		end = r.TokEnd
		m.coreEnd, m.end = r.End, r.End
		m.words = lowerWords(toks[core:r.TokEnd])
		break
	}
	// A registered name or alias that is exactly the name proper.
	for _, r := range regMs {
		if r.Start == m.coreStart && r.End == toks[end-1].End && len(r.Actors) > 0 && !r.Role {
			a := x.reg.ActorAt(r.Actors[0])
			if a.Kind != registry.Person {
				m.org, m.person = true, false
				m.actors, m.explicit = r.Actors[:1], true
			} else if !r.Surname {
				m.actors, m.explicit = r.Actors, true
			}
			break
		}
	}
	// A party tag or an age in parentheses belongs to the name: "Rep. Jim Jordan (R-Ohio)";
	// an organisation's acronym is another name for it: "Public Broadcasting Service (PBS)".
	rest := text[m.end:]
	if strings.HasPrefix(rest, " (") {
		if k := strings.IndexByte(rest, ')'); k > 2 && k < 32 && !strings.ContainsAny(rest[2:k], "(\"“”") {
			m.end += k + 1
			if inner := rest[2:k]; isUpper(inner) && len(inner) >= 2 && !strings.ContainsAny(inner, " -.,") {
				// an acronym: of an organisation's name, or of a title ("Special Presidential
				// Envoy for Climate (SPEC)"); no party tag or age
				if len(m.words) > 1 {
					m.acronym = strings.ToLower(inner)
				}
			} else {
				m.person = m.person || !m.org
			}
		}
	}
	// Between commas too: "House Speaker Paul Ryan, R-Wis., said".
	if n := partyTag(rest); n > 0 && len(m.words) > 1 {
		m.end += n
		m.person = m.person || !m.org
	}
	if len(m.words) == 1 && (x.reg.IsNotName(m.words[0]) || groupWord(m.words[0])) && m.honorific == "" && len(m.nouns) == 0 {
		return mention{}, false // "Democrats", "Muslims": a group, not a name
	}
	return m, true
}

// partyTag returns the length of a party tag between commas at the start of rest (", R-Wis.,",
// ", D-N.Y."), without the comma that closes it; 0 when there is none.
func partyTag(rest string) int {
	if len(rest) < 6 || rest[0] != ',' || rest[1] != ' ' || !strings.ContainsRune("RDI", rune(rest[2])) || rest[3] != '-' {
		return 0
	}
	k := 4
	// A place of two words is a district's: ", D-Las Cruces,", ", R-Grand Rapids,".
	for k < len(rest) && k < 26 && (rest[k] >= 'A' && rest[k] <= 'Z' || rest[k] >= 'a' && rest[k] <= 'z' || rest[k] == '.' ||
		rest[k] == ' ' && k+1 < len(rest) && rest[k+1] >= 'A' && rest[k+1] <= 'Z' && strings.IndexByte(rest[k+1:], ',') > 0) {
		k++
	}
	if k == 4 || rest[4] < 'A' || rest[4] > 'Z' || k < len(rest) && rest[k] != ',' && rest[k] != ' ' && rest[k] != ')' {
		return 0
	}
	return k
}

// description reads a description of a person at token i, when i is its noun: "the senator",
// "the Indiana governor", "a Treasury spokeswoman", "Obama's former campaign strategist", or a
// group: "the two secretaries", "both nations".
func (x *extractor) description(p int, toks []registry.Token, i int) (mention, bool) {
	t := toks[i].Text
	// "the welder said": a noun of an agent's ending heads a description before a verb of speech.
	agent := !x.reg.MayHeadDescription(t)
	if agent && (!agentNoun(t) || i+1 == len(toks) || !x.reg.IsSpeechVerb(toks[i+1].Text)) {
		return mention{}, false
	}
	lw := strings.ToLower(t)
	text := x.paras[p].Text
	if len(lw) > 3 && len(lw) < 16 && lw[len(lw)-1] == 's' && x.reg.IsGroupNoun(lw) && groupDeterminer(toks, i) {
		// "the two secretaries", "the Secretaries of State and Defense": the offices after
		// the noun are part of the group, no one of their own.
		end := toks[i].End
		if i+2 < len(toks) && toks[i+1].Text == "of" && nameCase(toks[i+2].Text) {
			j := i + 2
			for j+2 < len(toks) && (toks[j+1].Text == "and" || toks[j+1].Text == "of") && nameCase(toks[j+2].Text) ||
				j+1 < len(toks) && nameCase(toks[j+1].Text) && text[toks[j].End:toks[j+1].Start] == " " {
				if nameCase(toks[j+1].Text) {
					j++
				} else {
					j += 2
				}
			}
			end = toks[j].End
		}
		return mention{kind: mGroup, start: toks[groupStart(toks, i)].Start, end: end, ent: -1}, true
	}
	if nameCase(t) && i > 0 && !x.sentenceStartAt(p, toks[i].Start) && x.reg.TitleEndingAt(toks[:i+1], i) == "" && !x.reg.IsTitleWord(strings.TrimSuffix(lw, "s")) {
		return mention{}, false // a capitalised noun inside a sentence is part of a name
	}
	head := lw
	g, ok := x.reg.PersonNoun(head)
	if !ok && x.reg.IsTitleWord(lw) {
		if title := x.reg.TitleEndingAt(toks[:i+1], i); title != "" {
			head, ok = title, true // "the Secretary", "the American First Lady"
		}
	}
	if !ok && strings.HasSuffix(head, "s") {
		return mention{}, false // plural people: "officials", not one speaker
	}
	if !ok && agent && !x.reg.IsOrganisationNoun(lw) && !x.reg.IsDocumentNoun(lw) {
		ok = true // "the welder said": a noun for one who does something, as subject of speech
	}
	if !ok {
		return mention{}, false
	}
	// Look back over at most four modifiers to a determiner.
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		gap := text[toks[k].End:toks[k+1].Start]
		if gap != " " && gap != "-" && gap != "\u00a0" && !(gap == "’s " || gap == "'s ") {
			return mention{}, false
		}
		w := strings.ToLower(toks[k].Text)
		m := mention{kind: mDescription, start: toks[k].Start, end: toks[i].End, head: head, gender: g, person: true, ent: -1, ownerEnd: -1}
		if w == "s" && k > 0 && nameCase(toks[k-1].Text) {
			// "Obama's former strategist": the tokens are "Obama", "s".
			if g := text[toks[k-1].End:toks[k].Start]; g == "'" || g == "’" {
				k--
				gap = g + "s "
			}
		}
		switch {
		case w == "the" || w == "this" || w == "that":
			m.definite = true
			return m, true
		case w == "a" || w == "an" || w == "one" || w == "another":
			return m, true
		case w == "his" || w == "her" || w == "their" || w == "its":
			m.ownerEnd = toks[k].End
			return m, true
		case gap == "’s " || gap == "'s ":
			// "Obama's former campaign strategist": the owner is a name ending at toks[k].
			m.ownerEnd = toks[k].End
			for k > 0 && nameCase(toks[k-1].Text) && text[toks[k-1].End:toks[k].Start] == " " {
				k--
			}
			m.start = toks[k].Start
			return m, true
		case (x.reg.IsSpeechVerb(w) || prepositions[w]) && !hyphenated(text, toks[k]) || w == "and" || w == "or":
			return mention{}, false // "the first-term senator" is one, "said the senator" no
		}
	}
	return mention{}, false
}

// partisan reads a run of n capitalised words at token i that ends with a party's or a
// creed's noun, a nationality or a demonym, after an article, as a description of a person:
// "the Idaho Republican", "a New York Democrat", "the Texan", "the Israeli".
func (x *extractor) partisan(p int, toks []registry.Token, i, n int) (mention, bool) {
	if i == 0 {
		return mention{}, false
	}
	text := x.paras[p].Text
	art := toks[i-1].Text
	if !strings.EqualFold(art, "the") && !strings.EqualFold(art, "a") && !strings.EqualFold(art, "an") || text[toks[i-1].End:toks[i].Start] != " " {
		return mention{}, false // most name runs: cheap to pass over, nothing lower-cased
	}
	last := strings.ToLower(toks[i+n-1].Text)
	switch {
	case last == "republican" || last == "democrat" || last == "independent" || last == "conservative" || last == "liberal" || last == "progressive" || last == "libertarian":
	case x.reg.IsDemonym(last) || n >= 2 && x.reg.IsDemonym(strings.ToLower(text[toks[i+n-2].Start:toks[i+n-1].End])):
	case n == 1 && x.reg.IsNameModifier(last) && i+1 < len(toks) && x.reg.IsSpeechVerb(toks[i+1].Text):
		// "the Israeli said"; not "the Israeli government"
	default:
		return mention{}, false
	}
	if k := i + n; k < len(toks) && text[toks[k-1].End:toks[k].Start] == " " && isLowerWord(toks[k].Text) {
		if _, noun := x.reg.PersonNoun(toks[k].Text); noun || x.isTitleNoun(toks[k].Text) {
			return mention{}, false // "the Republican nominee": the noun's description, not the party's
		}
	}
	return mention{kind: mDescription, start: toks[i-1].Start, end: toks[i+n-1].End, head: last, person: true, definite: strings.EqualFold(art, "the"), ent: -1, ownerEnd: -1}, true
}

// agentNoun reports whether a word in lower case has the ending of a noun for one who does
// something ("welder", "organizer", "novelist", "librarian"), and is none of the adverbs and
// comparatives of those endings ("further", "later").
func agentNoun(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, end := range []string{"er", "or", "ist", "ian"} {
		if strings.HasSuffix(w, end) {
			return !notAgents[w] // the ending first: most words have none, and cost no lookup
		}
	}
	return false
}

var notAgents = map[string]bool{
	"further": true, "later": true, "never": true, "rather": true, "either": true, "neither": true,
	"together": true, "however": true, "whether": true, "another": true, "other": true, "after": true,
	"over": true, "under": true, "earlier": true, "former": true, "latter": true, "longer": true,
	"farther": true, "sooner": true, "better": true, "faster": true, "closer": true, "higher": true,
	"lower": true, "greater": true, "louder": true, "clearer": true, "bigger": true, "smaller": true,
	"matter": true, "number": true, "letter": true, "paper": true, "order": true, "error": true,
	"factor": true, "sector": true, "floor": true, "door": true, "water": true, "power": true,
	"center": true, "corner": true, "manner": true, "summer": true, "winter": true, "october": true,
	"november": true, "december": true, "september": true, "asian": true, "christian": true,
}

// orgWordBeforeOf reports whether a name holds an organisation's word (or its plural) followed
// by "of", "for" or "on": "Party of Wisconsin", "Alliance for Retired Americans", "Council on
// Foreign Relations".
func (x *extractor) orgWordBeforeOf(toks []registry.Token) bool {
	for k := 0; k+1 < len(toks); k++ {
		if n := toks[k+1].Text; (n == "of" || n == "for" || n == "on") && x.reg.IsOrgWord(strings.TrimSuffix(toks[k].Text, "s")) {
			return true
		}
	}
	return false
}

// syllablesJoined reports whether a word is two syllables joined by a hyphen, the second in
// lower case, as Korean and Taiwanese given names are written: "Yu-na", "Wen-hsiang".
func syllablesJoined(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	if !ok || a == "" || b == "" || strings.Contains(b, "-") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(a)
	second, _ := utf8.DecodeRuneInString(b)
	return unicode.IsUpper(first) && unicode.IsLower(second)
}

// hyphenated reports whether a word is joined to the one before or after it by a hyphen, as in
// a compound modifier ("first-term", "well-known").
func hyphenated(text string, t registry.Token) bool {
	return t.Start > 0 && text[t.Start-1] == '-' || t.End < len(text) && text[t.End] == '-'
}

// sentenceStartAt reports whether the word at off in paragraph p begins a sentence.
func (x *extractor) sentenceStartAt(p, off int) bool {
	return x.sentenceStart(p, off) == off || strings.TrimSpace(x.paras[p].Text[x.sentenceStart(p, off):off]) == ""
}
