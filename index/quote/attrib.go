package quote

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/registry"
)

// statement reads the document as one actor's statement when its title says so ("Statement from
// President Joe Biden on …", "Joint Statement of the United States and Japan"): its text is
// one quote of those actors.
func (x *extractor) statement() bool {
	who, ok := x.reg.Language.StatementTitle(x.title)
	if !ok {
		return false
	}
	who = x.statementSpeakers(x.nameAfterOffice(x.nameEndingInSmallWord(who)))
	first, last := -1, -1
	for p, para := range x.paras {
		if para.Kind == document.Title || isEndMarker(para.Text) || (first < 0 && isDateline(para.Text)) {
			continue
		}
		if first < 0 {
			first = p
		}
		last = p
	}
	if first < 0 || !x.hasWords(first, last) {
		return false
	}
	x.analyse(0, 0) // names only: the text is one quotation, its speaker in the title
	x.out = append(x.out, Quote{
		Start: Pos{first, listNumber(x.paras[first])}, End: Pos{last, len(x.paras[last].Text)},
		Kind: Full, Speakers: x.surnamesInCapitals(x.namedIn(who)), Turn: true,
	})
	return true
}

// orgNameWithAnd reports whether the words of paragraph p from lo to at are capitalised words
// and "and" ("Oregon Health and "), the start of an organisation's name that goes on at at.
func (x *extractor) orgNameWithAnd(p, lo, at int) bool {
	toks := tokensIn(x.toks[p], lo, at)
	if len(toks) < 2 || len(toks) > 5 || toks[len(toks)-1].Text != "and" || x.paras[p].Text[toks[len(toks)-1].End:at] != " " {
		return false
	}
	for _, t := range toks[:len(toks)-1] {
		if !nameCase(t.Text) || x.reg.IsFunctionWord(t.Text) || x.isGivenName(t.Text) {
			return false
		}
	}
	return true
}

// nameEndingInSmallWord returns a statement's speaker with the capitalised small word that the
// title's pattern took for the start of what follows the name: "Statement by Lam To to the
// General Debate …" is Lam To's: a title's phrase does not start with its small word written
// twice.
func (x *extractor) nameEndingInSmallWord(who string) string {
	i := strings.Index(x.title, who)
	if i < 0 {
		return who
	}
	rest := strings.Fields(x.title[i+len(who):])
	if len(rest) < 2 || !strings.HasPrefix(x.title[i+len(who):], " ") {
		return who
	}
	w, next := rest[0], rest[1]
	if !(nameCase(w) || isUpper(w)) || !isLowerWord(next) || !strings.EqualFold(w, next) || !x.reg.IsFunctionWord(next) {
		return who
	}
	return who + " " + w
}

// nameAfterOffice returns the name a statement's title gives after an office whose words the
// title's pattern took for the end of the speaker ("Remarks by Assistant to the President for
// Homeland Security Dr. Liz Sherwood-Randall on …" gives "Assistant"): an honorific or a given
// name and the capitalised words after it; who itself when it is more than an office's word.
func (x *extractor) nameAfterOffice(who string) string {
	words := strings.Fields(who)
	if len(words) == 0 || len(words) > 4 || !x.reg.IsTitleWord(words[len(words)-1]) {
		return who
	}
	for _, w := range words[:len(words)-1] {
		// "Deputy Press Secretary": an office's words, no name
		if !nameCase(w) || x.isGivenName(w) {
			return who
		}
	}
	i := strings.Index(x.title, who)
	if i < 0 {
		return who
	}
	if rest := strings.ToLower(x.title[i+len(who):]); !strings.HasPrefix(rest, " to ") && !strings.HasPrefix(rest, " for ") {
		return who // "… Spokesperson on Meeting with Prime Minister …": not the office's words going on
	}
	toks := registry.Tokenize(x.title[i+len(who):])
	for k := 0; k+1 < len(toks); k++ {
		_, given := x.reg.GivenName(toks[k].Text)
		if !x.reg.IsHonorific(toks[k].Text) && !(given && nameCase(toks[k].Text)) || !nameCase(toks[k+1].Text) {
			continue
		}
		end := k + 1
		for end+1 < len(toks) && (nameCase(toks[end+1].Text) || isUpper(toks[end+1].Text)) && !x.reg.IsFunctionWord(toks[end+1].Text) {
			end++
		}
		off := i + len(who)
		return x.title[off+toks[k].Start : off+toks[end].End]
	}
	return who
}

// hasWords reports whether paragraphs [first, last] hold a word with a letter: a statement or
// a turn of punctuation or numbers alone is not a quote.
func (x *extractor) hasWords(first, last int) bool {
	for p := first; p <= last; p++ {
		for _, t := range x.toks[p] {
			if hasLetter(t.Text) {
				return true
			}
		}
	}
	return false
}

// listNumber returns the length of a numbered item's number ("1. "), which is not words said.
func listNumber(p document.Paragraph) int {
	if p.Kind != document.ListItem {
		return 0
	}
	i := 0
	for i < len(p.Text) && i < 4 && p.Text[i] >= '0' && p.Text[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(p.Text) || (p.Text[i] != '.' && p.Text[i] != ')') {
		return 0
	}
	return i + 1 + leadingSpaces(p.Text[i+1:])
}

// isDateline reports whether a paragraph before the text proper is only a place or a date line
// ("WASHINGTON, D.C.", "Via Teleconference", "March 3, 2023").
func isDateline(t string) bool {
	if utf8.RuneCountInString(t) > 60 || strings.ContainsAny(t, ".!?") && !strings.HasSuffix(t, "D.C.") {
		return isTimeLine(t)
	}
	lower := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			lower++
		}
	}
	words := strings.Fields(t)
	return lower == 0 || len(words) <= 4 || (len(words) <= 8 && isNameLike(t))
}

// namedIn returns who a phrase that is only names is: a statement title's "President Joe
// Biden", "the United States and Japan", "Mr. Arce", or a transcript's label "MS. PSAKI". Each
// name is read as the text's names are (entities.go): a registered organisation, country or
// office held on the date; a person named in full, registered when the registry knows the name
// and they live; a surname with a title or honorific, registered only when one person in
// office fits it. Anyone else is kept by the name the phrase gives, without titles.
func (x *extractor) namedIn(phrase string) []Speaker {
	phrase = cleanHonorific(phrase)
	toks := registry.Tokenize(phrase)
	regMs := x.registryMentions(phrase, toks)
	type found struct {
		at int
		sp Speaker
	}
	var all []found
	covered := make([]bool, len(toks))
	for _, m := range regMs {
		if len(m.Actors) != 1 {
			continue
		}
		a := x.reg.ActorAt(m.Actors[0])
		if a.Kind == registry.Person && !m.Role || x.insideName(phrase, toks, m, regMs) {
			continue
		}
		if m.Role && x.roleOfName(phrase, toks, m) {
			continue // "President Joe Biden": the name, not the office, says who
		}
		if !realmOf(phrase, toks, m, x.reg) {
			// not "Prince Albert II of Monaco": where the person is from is no second speaker
			all = append(all, found{m.Start, x.registered(m.Actors[0])})
		}
		for k := m.TokStart; k < m.TokEnd; k++ {
			covered[k] = true
		}
	}
	for i := 0; i < len(toks); i++ {
		if covered[i] {
			continue
		}
		n := x.nameRun(phrase, toks, covered, i)
		if n == 0 {
			continue
		}
		n += x.restOfName(phrase, toks, covered, i+n)
		if m, ok := x.nameMention(phrase, isUpper(phrase), toks, i, i+n, regMs); ok {
			// Letters after a name ("Scott Morrison, MP") are no one's name, nor a word alone
			// that nothing shows to be one ("Joint" of "… Joint Leaders' Statement"), nor words
			// with figures ("2nd COVID-19 Co-Host Statement").
			postNominal := n == 1 && isUpper(toks[i].Text) && len(toks[i].Text) <= 4 && strings.HasSuffix(phrase[:toks[i].Start], ", ")
			bare := len(m.words) == 1 && len(m.actors) == 0 && m.honorific == "" && len(m.nouns) == 0 && !m.person
			figures := hasFigures(phrase[m.coreStart:m.coreEnd])
			// A group's noun before a registered name: "the Governments of Australia, …".
			group := n == 2 && toks[i+1].Text == "of" && x.reg.IsGroupNoun(strings.ToLower(toks[i].Text))
			if !postNominal && !bare && !figures && !group {
				all = append(all, found{m.start, x.speakerOfName(phrase, m)})
			}
		}
		i += n - 1
	}
	slices.SortStableFunc(all, func(a, b found) int { return a.at - b.at })
	var out []Speaker
	for _, f := range all {
		if !slices.Contains(out, f.sp) {
			out = append(out, f.sp)
		}
	}
	if len(out) == 0 {
		// What it is, the phrase does not tell; words with figures are no one ("2nd COVID-19
		// Co-Host").
		name := strings.TrimPrefix(strings.TrimSpace(phrase), "the ")
		if name != "" && !hasFigures(name) {
			out = []Speaker{{Actor: -1, Name: displayName(name)}}
		}
	}
	return out
}

// restOfName returns how many of a phrase's last words, from k, go on the name a run of names
// ended before: the phrase is only names, so what would end a name in running text is a
// name's own word there. A word the text never uses for a name ("Kessai Note"), a name's word
// past a run's bound (a Brunei minister's seventeen), the lower-case syllables of a name
// written apart ("Bo wen", "Chan o cha", "Mu izzaddin Waddaulah", "Ga parovič", whose "š" a
// scan dropped) and a short small word that ends the phrase ("Moon Jae in") go on it; a
// function word before other words ("President Biden and Chancellor Scholz"), a verb's form
// ("welcoming", "elected"), a word of figures or a registered name do not.
func (x *extractor) restOfName(phrase string, toks []registry.Token, covered []bool, k int) int {
	if k == 0 || isUpper(phrase) {
		return 0
	}
	n := 0
	for ; k+n < len(toks); n++ {
		j := k + n
		t := toks[j].Text
		if covered[j] || phrase[toks[j-1].End:toks[j].Start] != " " || !hasLetter(t) || hasFigures(t) {
			return 0
		}
		last := j == len(toks)-1
		switch {
		case nameCase(t) || isUpper(t):
		case isLowerWord(t) && !x.reg.IsFunctionWord(t) && !strings.HasSuffix(t, "ing") && !strings.HasSuffix(t, "ed"):
		case isLowerWord(t) && last && utf8.RuneCountInString(t) <= 3:
		default:
			return 0
		}
	}
	if phrase[toks[len(toks)-1].End:] != "" && strings.TrimSpace(phrase[toks[len(toks)-1].End:]) != "" {
		return 0 // the phrase goes on after its words: "Scott Morrison, MP"
	}
	return n
}

// realmOf reports whether a registered name in a phrase of names follows a person's name and
// "of": "Prince Albert II of Monaco", "Mr. Kamara of Sierra Leone"; not an office's "of"
// ("President of Mexico"), which the registry reads as a role.
func realmOf(phrase string, toks []registry.Token, m registry.Mention, reg *registry.Registry) bool {
	k := m.TokStart - 1
	if k > 0 && strings.EqualFold(toks[k].Text, "the") {
		k--
	}
	if k < 1 || toks[k].Text != "of" {
		return false
	}
	prev := toks[k-1].Text
	lower := strings.ToLower(prev)
	return (nameCase(prev) || isUpper(prev)) && !reg.IsTitleWord(lower) && !reg.IsTitleWord(strings.TrimSuffix(lower, "s")) &&
		!reg.IsUtteranceWord(lower) && !reg.IsOrgWord(prev) && !reg.IsNotName(prev) && !reg.IsGroupNoun(lower) // not "the Leaders of Japan", "the Governments of Australia"
}

// garbledHonorific is an honorific at the start of a phrase with the punctuation a scan or a
// typist garbled: "Mr, KAMOUGUE", "Mr; Eric Gairy", "Mr . SEMEDO", "mr. Andreotti",
// "Ms.Ulla Tørnæs", "Mr.Mr. Mahe".
var garbledHonorific = regexp.MustCompile(`^(?:(?i:mr|mrs|ms|dr)\s*[.,;]\s*)+`)

// cleanHonorific writes a garbled honorific at the start of a phrase as "Mr. ".
func cleanHonorific(phrase string) string {
	m := garbledHonorific.FindString(phrase)
	if m == "" {
		return phrase
	}
	h := strings.TrimRight(m, " .,;")
	if i := strings.IndexAny(h, " .,;"); i >= 0 {
		h = h[:i] // the first of "Mr.Mr."
	}
	h = strings.ToUpper(h[:1]) + strings.ToLower(h[1:])
	return h + ". " + phrase[len(m):]
}

// roleOfName reports whether an office's description in a phrase of names is a title before a
// name ("President Joe Biden", "PRIME MINISTER KISHIDA").
func (x *extractor) roleOfName(text string, toks []registry.Token, m registry.Mention) bool {
	return m.TokEnd < len(toks) && strings.TrimSpace(text[m.End:toks[m.TokEnd].Start]) == "" && (nameCase(toks[m.TokEnd].Text) || isUpper(toks[m.TokEnd].Text))
}

// speakerOfName returns the speaker a name mention outside the text's entities is.
func (x *extractor) speakerOfName(text string, m mention) Speaker {
	if len(m.actors) == 1 && m.org {
		return x.registered(m.actors[0])
	}
	name := displayName(text[m.coreStart:m.coreEnd])
	kind := registry.Kind("")
	switch {
	case m.org:
		kind = registry.Organisation
	case m.person || len(m.words) >= 2:
		kind = registry.Person
	}
	if m.person && !m.org {
		name = personName(text[m.coreStart:m.coreEnd]) // "MS. MUNOZ" is Munoz, no acronym
	}
	single := len(m.words) == 1
	if m.explicit && len(m.actors) == 1 && x.fitsDate(m.actors[0], single, true) {
		return x.registered(m.actors[0])
	}
	if !single {
		if ms := x.reg.LookupName(name, x.day); len(ms) == 1 && len(ms[0].Actors) == 1 && !ms[0].Surname && !ms[0].Role && x.fitsDate(ms[0].Actors[0], false, false) {
			return x.registered(ms[0].Actors[0])
		}
		return Speaker{Actor: -1, Name: name, Kind: kind}
	}
	e := entity{words: m.words, gender: m.gender, nouns: m.nouns, single: true, state: -1}
	if a := x.surnameActor(&e); a >= 0 {
		return x.registered(a)
	}
	return Speaker{Actor: -1, Name: name, Kind: kind}
}

// registered returns a registered actor as a speaker.
func (x *extractor) registered(a int) Speaker {
	act := x.reg.ActorAt(a)
	return Speaker{Actor: a, Name: act.Name, Kind: act.Kind}
}

// quotations finds the quotations in paragraphs [from, to) and attributes each.
func (x *extractor) quotations(from, to int) {
	if to <= from {
		return
	}
	fed := Pos{from, 0} // mentions before this place are in x.heard
	var prev *Quote
	for i, sp := range x.spans {
		if sp.Start.Para < from || sp.Start.Para >= to {
			continue
		}
		x.feed(fed, Pos{sp.Start.Para, sp.open})
		fed = Pos{sp.End.Para, sp.closeEnd}
		q := x.attribute(sp, i, prev)
		if q == nil {
			continue
		}
		x.out = append(x.out, *q)
		prev = &x.out[len(x.out)-1]
		if len(q.Speakers) > 0 {
			x.hear(x.speakerHeard(q.Speakers, q.End.Para))
		}
	}
	x.feed(fed, Pos{to, 0})
}

// headline reports whether a paragraph is a headline, where single marks quote: the title
// printed with the text, a heading, or a short line without a sentence's end.
func (x *extractor) headline(p int) bool {
	if x.headlines == nil {
		x.headlines = make([]int8, len(x.paras))
	}
	if h := x.headlines[p]; h != 0 {
		return h > 0
	}
	h := x.isHeadline(p)
	x.headlines[p] = -1
	if h {
		x.headlines[p] = 1
	}
	return h
}

// isHeadline is headline, read from the paragraph.
func (x *extractor) isHeadline(p int) bool {
	para := x.paras[p]
	if para.Kind == document.Title || para.Kind == document.Heading {
		return true
	}
	t := strings.TrimSpace(para.Text)
	// No rune is longer than 4 bytes: a long paragraph is not counted for each quotation in it.
	last, _ := utf8.DecodeLastRuneInString(t)
	return len(t) <= 4*160 && utf8.RuneCountInString(t) <= 160 && !strings.ContainsRune(".!?\"”", last)
}

// feed puts the entities named between from and to, outside quotations, into x.heard. A name
// that is the subject of a verb of speech ("Russel said the agreement…") is remembered as a
// speaker, one used as a modifier ("the Biden administration") not at all.
func (x *extractor) feed(from, to Pos) {
	mainPara, mainSent := -1, -1 // the sentence whose main subject was heard last
	for p := from.Para; p <= to.Para && p < len(x.paras); p++ {
		ms := x.ments[p]
		if p == from.Para {
			// Not the whole paragraph again for each quotation in it.
			ms = ms[sort.Search(len(ms), func(i int) bool { return ms[i].start >= from.Off }):]
		}
		for _, m := range ms {
			if !(Pos{p, m.start}).Before(to) {
				break
			}
			if m.ent < 0 {
				continue
			}
			en := &x.ents[m.ent]
			if en.person && x.modifier(p, m) {
				continue
			}
			spoke := x.speaks(p, m) || x.spokenBefore(p, m)
			if spoke {
				// "Senators Charles E. Grassley and Patrick J. Leahy wrote": they speak together;
				// "the Secretaries of State and Defense wrote": a list after "of" does not.
				c := x.coordinated(p, x.mentionsBetween(p, x.sentenceStart(p, m.start), m.end))
				if len(c.joint) > 1 && (x.afterPreposition(p, c.start) || c.possessive) {
					spoke = false
				} else if len(c.joint) > 1 {
					if who := x.resolve(p, *c); len(who) > 1 {
						x.hear(heard{ent: -1, joint: who, spoke: true, subject: true, para: p})
						continue
					}
				}
			}
			subject := spoke || x.subjectLike(p, m)
			sent := x.sentenceStart(p, m.start)
			main := subject && en.person && !(mainPara == p && mainSent == sent)
			if main {
				mainPara, mainSent = p, sent
			}
			x.hear(heard{ent: m.ent, person: en.person, spoke: spoke, subject: subject, main: main || spoke, para: p, sent: sent})
		}
	}
}

// spokenBefore reports whether a verb of speech stands just before a name, perhaps with words
// that say what the person is: "…, adds psychologist Mary Alvord", "said Sen. Ben Sasse".
func (x *extractor) spokenBefore(p int, m mention) bool {
	s := x.paras[p].Text
	toks := tokensIn(x.toks[p], max(0, m.start-60), m.start)
	end := m.start
	for k, n := len(toks)-1, 0; k >= 0 && n < 4; k, n = k-1, n+1 {
		if strings.ContainsAny(s[toks[k].End:end], ".;:!?\"“”") {
			return false
		}
		end = toks[k].Start
		w := toks[k].Text
		if x.reg.IsSpeechVerb(w) {
			// Inverted: the verb follows a comma or a quotation, not its own subject
			// ("McLenney said Clinton doesn't …" is no speech of Clinton's).
			b := strings.TrimRight(s[:toks[k].Start], " ")
			return b == "" || strings.HasSuffix(b, ",") || strings.HasSuffix(b, "”") || strings.HasSuffix(b, "\"") || strings.HasSuffix(b, "''")
		}
		if _, noun := x.reg.PersonNoun(w); !noun && !x.reg.IsTitleWord(w) && !strings.EqualFold(w, "the") && !nameCase(w) {
			return false
		}
	}
	return false
}

// subjectLike reports whether a name is the subject of its clause rather than an object or a
// modifier: it is not the object of a preposition nor followed by a possessive, and it opens
// its sentence or clause (perhaps after an introductory phrase closed by a comma, or after
// titles: "On Thursday, Sen. Lindsey Graham told …").
func (x *extractor) subjectLike(p int, m mention) bool {
	if m.possessive || m.object {
		return false
	}
	s := x.paras[p].Text
	before := strings.TrimSpace(s[x.sentenceStart(p, m.start):m.start])
	if b := strings.TrimRight(before, "\"”’'"); strings.HasSuffix(b, ",") {
		return true // 'On "Face the Nation," Sen. Bernie Sanders identified …'
	}
	if b, ok := strings.CutSuffix(before, " the"); ok && strings.HasSuffix(b, ",") {
		return true // "In 2020, the Harbor Trust refused …"
	}
	if before == "" || strings.HasSuffix(before, ",") || strings.HasSuffix(before, ";") || strings.HasSuffix(before, ":") || before == "The" {
		return true // "The Pentagon released …"
	}
	if strings.HasSuffix(before, "—") || strings.HasSuffix(before, "–") || strings.HasSuffix(before, " --") {
		return true // a dateline's dash: "CONCORD, N.H. — Caroline Whitcombe has …"
	}
	// "Her friend Ilse Marchand-Obi, 55, was less impressed": a possessive and a noun for a
	// person, in apposition before the name.
	if w := strings.Fields(before); len(w) >= 2 && len(w) <= 3 && determiners[strings.ToLower(w[0])] && strings.ToLower(w[0]) != "the" && strings.ToLower(w[0]) != "a" && strings.ToLower(w[0]) != "an" {
		if _, ok := x.reg.PersonNoun(strings.ToLower(w[len(w)-1])); ok && isLowerWord(w[len(w)-1]) {
			return true
		}
	}
	// "U.S. District Judge Aaron Feinstein-Rojas then cut in": only a country or an
	// organisation that the title is of stands before the name.
	if lo := x.sentenceStart(p, m.start); lo < m.start {
		if ms := x.mentionsBetween(p, lo, m.start); len(ms) == 1 && ms[0].modifies && strings.TrimSpace(s[lo:ms[0].start]) == "" && strings.Trim(s[ms[0].end:m.start], ". ") == "" {
			return true
		}
	}
	w := strings.ToLower(before[strings.LastIndexAny(before, " \u00a0")+1:])
	return w == "and" || w == "but" || w == "while" || w == "when" || w == "as" || w == "because" || w == "that" || w == "after" || w == "before" || w == "since" || w == "if"
}

// modifier reports whether a person's name modifies a noun rather than naming them: "the Biden
// administration", "a Blinken aide".
func (x *extractor) modifier(p int, m mention) bool {
	if m.kind != mName {
		return false
	}
	before := tokensIn(x.toks[p], max(0, m.start-12), m.start)
	if len(before) == 0 {
		return false
	}
	w := strings.ToLower(before[len(before)-1].Text)
	if !(w == "the" || w == "a" || w == "an") || x.speaks(p, m) {
		return false
	}
	// "the Biden administration": a lower-case noun follows the name.
	after := tokensIn(x.toks[p], m.end, min(len(x.paras[p].Text), m.end+24))
	return len(after) > 0 && !nameCase(after[0].Text) && x.paras[p].Text[m.end:after[0].Start] == " "
}

// speaks reports whether the mention is the subject of a verb of speech: the verb follows it,
// perhaps after an auxiliary or an adverb, an appositive between commas ("Daniel Russel, a
// former US diplomat, said"), or a prepositional phrase ("Jeffrey Hornung of the Rand
// Corporation think tank described"). Another name on the way, not inside such a phrase, is the
// subject instead ("Blinken met Wang Yi, who said").
func (x *extractor) speaks(p int, m mention) bool {
	return x.verbAfter(p, m.end) >= 0
}

// verbAfter returns the offset of the verb of speech whose subject ends at off in paragraph p,
// or -1.
func (x *extractor) verbAfter(p, off int) int {
	s := x.paras[p].Text
	rest := off
	if strings.HasPrefix(strings.TrimLeft(s[rest:], " "), ",") {
		inner := rest + strings.Index(s[rest:], ",") + 1
		if i := strings.IndexByte(s[inner:], ','); i >= 0 && i < 160 && !x.quoted(p, inner+i) {
			rest = inner + i + 1
		}
	}
	// Between dashes: "Angela Alsobrooks — now a U.S. Senator — bragged".
	for _, dash := range []string{" — ", " – ", " -- "} {
		if strings.HasPrefix(s[rest:], dash) {
			inner := rest + len(dash)
			if i := strings.Index(s[inner:min(len(s), inner+160)], dash); i > 0 && !x.quoted(p, inner+i) {
				rest = inner + i + len(dash)
			}
			break
		}
	}
	toks := tokensIn(x.toks[p], rest, min(len(s), rest+120))
	inPhrase, sawPassive := false, false
	prevEnd := rest
	for k, t := range toks {
		if k > 12 {
			break
		}
		// Stop at the end of the clause.
		gap := s[prevEnd:t.Start]
		prevEnd = t.End
		if k > 0 && strings.ContainsAny(gap, ".;:!?\"“”,") {
			return -1
		}
		w := strings.ToLower(t.Text)
		if x.reg.IsSpeechVerb(w) {
			if sawPassive {
				return -1 // "stability was also emphasised": the subject is not the speaker
			}
			return t.Start
		}
		sawPassive = sawPassive || passive[w]
		switch {
		case prepositions[w] && (w == "of" || w == "at" || w == "from" || w == "with" || w == "in"):
			inPhrase = true
		case w == "has" || w == "have" || w == "had" || w == "also" || w == "further" || w == "earlier" ||
			w == "then" || w == "later" || w == "again" || w == "once" || w == "would" || w == "will" ||
			w == "did" || w == "does" || w == "is" || w == "was" || w == "went" || w == "on" ||
			w == "previously" || w == "recently" || w == "quickly" || w == "simply" || strings.HasSuffix(w, "ly"):
		case inPhrase:
			// Words of the phrase: "the Rand Corporation think tank".
		default:
			return -1
		}
	}
	return -1
}

func (x *extractor) speakerHeard(sp []Speaker, para int) heard {
	if len(sp) == 1 {
		if e := x.entityOf(sp[0]); e >= 0 {
			return heard{ent: e, person: x.ents[e].person, spoke: true, subject: true, main: true, para: para}
		}
	}
	return heard{ent: -1, joint: sp, spoke: true, subject: true, main: true, para: para}
}

// entityOf returns the entity a speaker is, or -1.
func (x *extractor) entityOf(s Speaker) int {
	is := func(e int) bool {
		en := &x.ents[e]
		return s.Actor >= 0 && en.actor == s.Actor || s.Actor < 0 && en.actor < 0 && en.name == s.Name
	}
	// A map, not a scan of every entity for every quotation; made again when entities were
	// added, and checked, since an entity may be linked to an actor after it was made.
	if x.speakerEnts == nil || x.speakerEntsN != len(x.ents) {
		x.speakerEnts = make(map[string]int, len(x.ents))
		for e := len(x.ents) - 1; e >= 0; e-- {
			x.speakerEnts[speakerKey(x.ents[e].actor, x.ents[e].name)] = e
		}
		x.speakerEntsN = len(x.ents)
	}
	if e, ok := x.speakerEnts[speakerKey(s.Actor, s.Name)]; ok && is(e) {
		return e
	}
	for e := range x.ents {
		if is(e) {
			return e
		}
	}
	return -1
}

func speakerKey(actor int, name string) string {
	if actor >= 0 {
		return "#" + strconv.Itoa(actor)
	}
	return name
}

// attribute makes a quote of a span: its kind and its speakers. It returns nil for marks that
// are not a quotation: a name or a term in quotation marks that nobody is said to have said.
func (x *extractor) attribute(sp span, i int, prev *Quote) *Quote {
	x.current = sp
	x.via = ""
	q := &Quote{Start: sp.Start, End: sp.End}
	first, last := x.paras[sp.Start.Para].Text, x.paras[sp.End.Para].Text
	text := first[sp.Start.Off:]
	if sp.Start.Para == sp.End.Para {
		text = first[sp.Start.Off:sp.End.Off]
	}
	// Trim spaces inside the marks, and drop marks around nothing.
	q.Start.Off += len(text) - len(strings.TrimLeft(text, " "))
	if trimmed := strings.TrimRight(last[:sp.End.Off], " "); sp.Start.Para != sp.End.Para || len(trimmed) > q.Start.Off {
		q.End.Off = len(trimmed)
	}
	if !q.Start.Before(q.End) || !hasLetter(x.quoteText(q)) {
		return nil
	}

	beforeLo := x.sentenceStart(sp.Start.Para, sp.open)
	before := first[beforeLo:sp.open]
	afterHi := x.sentenceEnd(sp.End.Para, sp.closeEnd)
	after := last[sp.closeEnd:afterHi]
	// “… of "fanatic recklessness." South Korean President Park Geun-hye said Kim's mental
	// state is "spiraling …"”: a sentence after words that closed their own, that goes on to a
	// quotation of its own, is that quotation's attribution, not theirs (unlike “….” Director
	// Kratsios said.).
	attribHi := afterHi
	if x.endsWithPeriod(sp) && x.runsIntoQuotation(sp.End.Para, afterHi) {
		attribHi = sp.closeEnd
	}
	multi := sp.Start.Para != sp.End.Para
	alone := strings.TrimSpace(before) == "" && strings.Trim(after, " .,;:!?") == ""
	// A paragraph that is only the quotation: the layout around it may say whose it is.
	paraAlone := alone && strings.TrimSpace(first[:sp.open]) == "" && strings.Trim(last[sp.closeEnd:], " .,;:!?") == ""

	var who []Speaker
	var cue bool
	if sp.label > 0 {
		// A turn of a transcript quoted whole: its label says who speaks.
		label := strings.TrimRight(first[sp.label:sp.Start.Off], ": ")
		q.Speakers = x.labelled(label)
		q.Kind, q.Via = Full, "label"
		return q
	}
	headline := x.headline(sp.Start.Para)
	if headline {
		who = x.headlineSpeaker(sp.Start.Para, false)
		cue = who != nil
		x.via = "headline " + x.via
	}
	if who == nil {
		// "…, including Mitt Romney -- “…” -- and Fred Goldberg": an aside between dashes
		// right after a person's name is their words.
		if m := x.dashAside(sp); m != nil {
			who, cue = x.resolve(sp.Start.Para, *m), true
			x.via = "aside"
		}
	}
	if who == nil {
		who, cue = x.speakersAfter(sp.End.Para, sp.closeEnd, attribHi)
		x.via = "after " + x.via
	}
	if who == nil {
		var c bool
		who, c = x.speakersBefore(sp.Start.Para, beforeLo, sp.open)
		cue = cue || c
		if who != nil {
			x.via = "before " + x.via
		}
	}
	if who == nil && !cue && headline {
		who = x.headlineSpeaker(sp.Start.Para, true)
		cue = who != nil
		x.via = "headline-lead"
	}
	if who == nil && !cue && strings.TrimSpace(first[:sp.open]) == "" && sp.End.Para == sp.Start.Para && !alone {
		// "“I am grateful …” First Lady Melania Trump inspired the club's members": a quotation
		// that opens a paragraph, and the person the next sentence is about.
		if who = x.nextSubject(sp); who != nil {
			cue = true
			x.via = "lead"
		}
	}
	if who == nil && !cue && paraAlone {
		if who = x.layoutSpeaker(sp); who != nil {
			cue = true
			x.via = "layout"
		}
	}
	if who == nil && !cue && paraAlone && (prev == nil || prev.End.Para < sp.Start.Para-1) {
		if who = x.introSubject(sp); who != nil {
			cue = true
			x.via = "intro"
		}
	}
	if who == nil && !cue && paraAlone && sp.End.Para+1 < len(x.paras) && x.reg.BackReference(x.paras[sp.End.Para+1].Text) {
		// "“This is a dark day for international law.”" then "With those words, Ghana's
		// ambassador, Kwame Asante-Boadu, opened the session": the person the next paragraph
		// names first, in its first sentence.
		next := sp.End.Para + 1
		for _, m := range x.mentionsBetween(next, 0, x.sentenceEnd(next, 0)) {
			if m.kind == mName && !m.possessive && (m.person || m.ent >= 0 && x.ents[m.ent].person) {
				who, cue = x.resolve(next, m), true
				x.via = "back reference"
				break
			}
		}
	}
	if who == nil && !cue && alone && !paraAlone {
		if who = x.reportedSpeaker(sp); who != nil {
			cue = true
			x.via = "reported"
		}
	}
	if who == nil && !cue && x.paras[sp.Start.Para].Kind == document.ListItem {
		// A quotation opens its item, or follows only what it is about: "On DOGE: “…”".
		opens := strings.TrimSpace(first[:sp.open]) == "" || topicLabel(first[:sp.open])
		if who = x.listIntroSpeaker(sp.Start.Para, opens); who != nil {
			cue = true
			x.via = "list"
		}
	}
	if who == nil && !cue && prev != nil && strings.TrimSpace(before) == "" && x.continuesSpeaker(prev, sp) {
		// An unattributed quotation right after another one goes on with its speaker: a
		// quotation interrupted by "he said", or a paragraph that is only a quotation.
		who, cue = prev.Speakers, true
		x.via = "continuation"
		if reply, ok := x.replyTo(prev, sp, paraAlone); ok {
			who = reply
			x.via = "reply"
		}
	}
	if who == nil && !cue && paraAlone {
		if resumed := x.resumes(q); resumed != nil {
			who, cue = resumed, true
			x.via = "resumed"
		}
	}
	if who == nil && prev != nil && len(prev.Speakers) > 0 && prev.End.Para == sp.Start.Para && x.coordinatedVerb(sp.Start.Para, prev.End.Off, sp.open) {
		// "… called the talks “candid” and said both sides had agreed to “keep channels
		// open”": a second verb of the same subject.
		who, cue = prev.Speakers, true
		x.via = "coordinated"
	}
	if len(who) == 1 && x.namesItsSpeaker(q, who[0]) {
		// "Zelenskyy was called out for campaigning. “Zelenskyy was flown to Pennsylvania …”":
		// words that open with the speaker's own name are said of them, not by them.
		switch strings.TrimSpace(x.via) {
		case "layout", "intro", "continuation", "lead", "reported", "list":
			who = nil
		}
	}
	q.Speakers = uniqueSpeakers(who)
	q.Via = strings.TrimSpace(x.via)
	text = x.quoteText(q)
	q.Kind = classify(text, before, multi || alone)
	switch {
	case q.Kind == Fragment && !cue:
		return nil // a scare quote or a term: nobody is said to have said it
	case len(q.Speakers) == 0 && q.Kind == Fragment && len(strings.Fields(text)) <= 2:
		return nil // "friendshoring", "fast-track": a term, not words anyone said
	case isNameLike(text) && (len(q.Speakers) == 0 || !introducesSpeech(before)):
		return nil // a name in quotation marks: "the Inflation Reduction Act"
	case q.Kind == Fragment && len(strings.Fields(text)) <= 4 && hasCapital(text) && modifiesNoun(before, after):
		return nil // a term before its noun: "the “one China” policy"
	case x.workTitle(before) && (isNameLike(text) || len(strings.Fields(text)) <= 8 && q.Kind == Fragment):
		return nil // a work's title: "his book “Collapse: How Societies Choose to Fail or Succeed”"
	}
	return q
}

func (x *extractor) quoteText(q *Quote) string { return q.Text(x.paras) }

// hasCapital reports whether s has a capital letter.
func hasCapital(s string) bool { return strings.IndexFunc(s, unicode.IsUpper) >= 0 }

// modifiesNoun reports whether a few quoted words stand between an article and a noun, as a
// term does: "the “one China” policy".
func modifiesNoun(before, after string) bool {
	b := strings.ToLower(strings.TrimRight(before, " "))
	if !strings.HasSuffix(b, " the") && !strings.HasSuffix(b, " a") && !strings.HasSuffix(b, " an") && b != "the" && b != "a" && b != "an" {
		return false
	}
	if !strings.HasPrefix(after, " ") {
		return false
	}
	w := strings.TrimLeft(after, " ")
	r, _ := utf8.DecodeRuneInString(w)
	end := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(w)
	}
	// a noun in lower case, not a verb of speech or a clause's word
	return unicode.IsLower(r) && end >= 3 && !nonNouns[w[:end]]
}

// nonNouns are words that follow a quotation without being the noun it modifies.
var nonNouns = map[string]bool{
	"and": true, "or": true, "but": true, "was": true, "is": true, "are": true, "were": true, "has": true,
	"had": true, "have": true, "will": true, "would": true, "said": true, "says": true, "that": true,
	"which": true, "who": true, "for": true, "from": true, "with": true, "into": true, "than": true,
	"then": true, "when": true, "because": true, "about": true, "over": true, "the": true, "not": true,
}

// workTitle reports whether the words before a quotation say it is a work's title: they end in
// a noun for a work or a verb that names one ("his book", "a song titled").
func (x *extractor) workTitle(before string) bool {
	b := strings.TrimRight(before, " ,:")
	i := strings.LastIndexAny(b, " \u00a0")
	return b != "" && x.reg.IsWorkTitle(b[i+1:])
}

func uniqueSpeakers(sp []Speaker) []Speaker {
	var out []Speaker
	for _, s := range sp {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// introducesSpeech reports whether the text before a quotation leads into words someone says:
// a colon, a comma, or a verb of speech right before the mark.
func introducesSpeech(before string) bool {
	b := strings.TrimRight(before, " ")
	return b == "" || strings.HasSuffix(b, ":") || strings.HasSuffix(b, ",") || endsWithVerb(b)
}

// continuesSpeaker reports whether a quotation with no attribution of its own goes on with the
// previous quote's speaker: the previous quote is in the same or the previous paragraph, and no
// one else has been named as the subject of a sentence since.
func (x *extractor) continuesSpeaker(prev *Quote, sp span) bool {
	if len(prev.Speakers) == 0 {
		return false
	}
	if sp.Start.Para != prev.End.Para && sp.Start.Para != prev.End.Para+1 {
		return false
	}
	for p := prev.End.Para; p <= sp.Start.Para; p++ {
		lo, hi := 0, len(x.paras[p].Text)
		if p == prev.End.Para {
			lo = prev.End.Off
		}
		if p == sp.Start.Para {
			hi = sp.open
		}
		for _, m := range x.mentionsBetween(p, lo, hi) {
			if m.kind == mName && m.ent >= 0 && x.ents[m.ent].person && x.subjectLike(p, m) && !slices.Equal(x.speakersOf(m.ent), prev.Speakers) {
				return false
			}
		}
	}
	return true
}

// endsWithPeriod reports whether a quotation's words end with a period that ends the writer's
// sentence too: a sentence opens after the closing mark.
func (x *extractor) endsWithPeriod(sp span) bool {
	s := x.paras[sp.End.Para].Text
	if sp.End.Off == 0 || sp.closeEnd >= len(s) || !strings.HasSuffix(strings.TrimRight(s[:sp.End.Off], " "), ".") {
		return false
	}
	b := x.bounds[sp.End.Para]
	i := sort.SearchInts(b, sp.closeEnd)
	return i < len(b) && b[i] == sp.closeEnd
}

// runsIntoQuotation reports whether offset end of paragraph p, where a sentence was cut, is
// the opening of a quotation rather than the sentence's end.
func (x *extractor) runsIntoQuotation(p, end int) bool {
	at := x.spanAt[p][x.spanFrom(p, end):]
	return len(at) > 0 && x.spans[at[0]].Start.Para == p && x.spans[at[0]].open == end
}

// replyTo tells a paragraph that is only a quotation and answers the one before from one that
// goes on with it: when the quotation before ends by handing the word over (a question, words
// broken off with a dash, a name called at its end: "…, Governor."), the answer is the other
// side's of an exchange under way, the speaker of the quotation before that one when it is in the
// paragraph just before and is someone else; with no exchange under way, broken-off words leave
// the answer unidentified and a question leaves it to the one who asked, who often answers
// themselves. ok is false when the quotation does not answer.
func (x *extractor) replyTo(prev *Quote, sp span, paraAlone bool) (who []Speaker, ok bool) {
	if !paraAlone || sp.Start.Para != prev.End.Para+1 || len(x.out) == 0 || &x.out[len(x.out)-1] != prev {
		return nil, false
	}
	if x.paras[sp.Start.Para].Kind == document.ListItem || x.paras[prev.End.Para].Kind == document.ListItem {
		return nil, false // a round-up's items under a headline quoted: the same source's
	}
	// Only what follows the quotation in its paragraph may stand between them: "he asked".
	tail := strings.TrimLeft(x.paras[prev.End.Para].Text[prev.End.Off:], "?!.,—–-\"”’' ")
	if strings.ContainsAny(tail, "\"“”") {
		return nil, false
	}
	words := strings.TrimRight(x.quoteText(prev), " ,\"“”'’")
	broken := strings.HasSuffix(words, "—") || strings.HasSuffix(words, "–") || strings.HasSuffix(words, "--")
	if !broken && !strings.HasSuffix(words, "?") && !endsCallingName(words) {
		return nil, false
	}
	if len(x.out) >= 2 {
		if pp := x.out[len(x.out)-2]; len(pp.Speakers) > 0 && pp.End.Para+1 >= prev.Start.Para && !slices.Equal(pp.Speakers, prev.Speakers) {
			return pp.Speakers, true
		}
	}
	if broken {
		return nil, true
	}
	return nil, false
}

// resumes gives words that open with a dash ("“—and you call that freedom.”") to whoever was cut
// off with a dash in one of the two paragraphs before.
func (x *extractor) resumes(q *Quote) []Speaker {
	words := strings.TrimLeft(x.quoteText(q), " ")
	if !strings.HasPrefix(words, "—") && !strings.HasPrefix(words, "–") && !strings.HasPrefix(words, "--") {
		return nil
	}
	for i := len(x.out) - 1; i >= 0 && x.out[i].End.Para+2 >= q.Start.Para; i-- {
		cut := strings.TrimRight(x.quoteText(&x.out[i]), " ,\"“”'’")
		if strings.HasSuffix(cut, "—") || strings.HasSuffix(cut, "–") || strings.HasSuffix(cut, "--") {
			return x.out[i].Speakers
		}
	}
	return nil
}

// endsCallingName reports whether words end by calling someone by name or title: "…, Governor."
// "…, Glenn?" (one or two capitalised words after a comma, closing the sentence).
func endsCallingName(words string) bool {
	w := strings.TrimRight(words, ".?!")
	if len(w) == len(words) {
		return false
	}
	i := strings.LastIndex(w, ", ")
	if i < 0 {
		return false
	}
	called := strings.Fields(w[i+2:])
	if len(called) == 0 || len(called) > 2 {
		return false
	}
	for _, c := range called {
		r, _ := utf8.DecodeRuneInString(c)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// sentenceEndsAt reports whether the mark at s[i] ends a sentence: a space and a capital or a
// quotation mark follow, and the word before is not an abbreviation ("Mr.", "U.S.").
func (x *extractor) sentenceEndsAt(s string, i int) bool {
	rest := s[i+1:]
	if rest == "" {
		return true
	}
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	if !unicode.IsUpper(next) && !strings.ContainsRune("\"“‘'(", next) {
		return false
	}
	if s[i] != '.' {
		return true
	}
	// The word before the period.
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	word := s[j:i]
	if word == "" {
		return true
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return false // an initial or "U.S."
	}
	return !x.reg.IsHonorific(word) && !abbreviations[word] && x.reg.Language.TitleAbbreviations[word] == ""
}

var abbreviations = map[string]bool{
	"St": true, "Gen": true, "Sen": true, "Rep": true, "Gov": true, "Lt": true, "Col": true,
	"Adm": true, "No": true, "Jr": true, "Sr": true, "Inc": true, "Co": true, "vs": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Aug": true, "Sept": true, "Sep": true,
	"Oct": true, "Nov": true, "Dec": true, "Amb": true, "Capt": true, "Cmdr": true,
}

// speakersAfter reads the attribution that follows a quotation in the same sentence:
// `," said Blinken`, `,” he added`, `,” the Secretaries of State and Defense wrote`, `” by the
// White House`, `…, according to X`, `" ― Sonya Herridge`. cue reports a verb of speech even
// when no speaker is found.
func (x *extractor) speakersAfter(p, lo, hi int) (who []Speaker, cue bool) {
	s := x.paras[p].Text
	toks := tokensIn(x.toks[p], lo, hi)
	if len(toks) == 0 {
		return nil, false
	}
	// "… that Marchetti had “lost the room,” and accused ABC News of …": a verb joined to the
	// sentence's own subject, or a clause of its own; never an inverted attribution.
	if t := strings.ToLower(toks[0].Text); (t == "and" || t == "but") && strings.TrimLeft(s[lo:toks[0].Start], " ,") == "" {
		return nil, false
	}
	// "… ― Sonya Herridge": a signature after a dash.
	if gap := strings.TrimSpace(s[lo:toks[0].Start]); gap == "―" || gap == "—" || gap == "–" || gap == "-" || gap == "--" {
		if ms := x.mentionsBetween(p, toks[0].Start, hi); len(ms) > 0 && ms[0].start == toks[0].Start && ms[0].kind == mName {
			return x.resolve(p, ms[0]), true
		}
	}
	// "… by the White House": the passive's agent ("by Trump's tariffs" has none).
	if strings.EqualFold(toks[0].Text, "by") {
		if m := x.firstMentionAfter(p, toks[0].End, hi); m != nil && !m.possessive && x.adjacent(s, toks[0].End, x.leadStart(p, *m)) {
			return x.resolve(p, *m), true
		}
	}
	// "… told Keane: “You lied to us.” Keane disagreed.": a quotation that a colon brings in
	// and that ends its sentence has its speaker before it, not in the sentence after.
	if q := x.current; endsSentence(s[:lo]) && q.Start.Para == p && q.open <= lo && strings.HasSuffix(strings.TrimRight(s[:q.open], " "), ":") {
		return nil, false
	}
	// The verb comes within a few words; the names and descriptions between count as one word
	// each ("…,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said").
	words := 0
	skipTo := -1 // the comma that closes an appositive after a name
	for k, t := range toks {
		if k > 40 {
			break
		}
		if t.Start < skipTo {
			continue
		}
		// "…,” Robert Lane, director of the Tax Center and a professor at the university,
		// said": an appositive after a name counts as none of the words before the verb.
		if k > 0 && s[toks[k-1].End:t.Start] == ", " && x.inMention(p, toks[k-1].Start) && x.opensAppositive(t.Text) {
			// Only where the verb follows the appositive's closing comma: not "… in the South
			// China Sea, a day after …, according to Manila", where no one was named.
			if c := strings.IndexByte(s[t.Start:min(hi, t.Start+200)], ','); c > 0 && !strings.ContainsAny(s[t.Start:t.Start+c], "\"“”;:") && x.verbAfterComma(p, t.Start+c+1, hi) {
				skipTo = t.Start + c
				continue
			}
		}
		if !x.inMention(p, t.Start) || k == 0 || !x.inMention(p, toks[k-1].Start) {
			words++
		}
		if words > 9 {
			break
		}
		if strings.EqualFold(t.Text, "according") && k+1 < len(toks) && strings.EqualFold(toks[k+1].Text, "to") {
			if who := x.possessive(p, toks[k+1].End, hi); who != nil {
				return who, true
			}
			if m := x.firstMentionAfter(p, toks[k+1].End, hi); m != nil {
				return x.resolve(p, *m), true
			}
			return nil, true
		}
		if strings.EqualFold(t.Text, "as") {
			// "“…,” as Dorsey put it.": the clause says whose words they are.
			for v := k + 1; v < len(toks) && v <= k+8; v++ {
				if strings.EqualFold(toks[v].Text, "put") && v+1 < len(toks) && strings.EqualFold(toks[v+1].Text, "it") {
					if m := x.subjectBefore(p, t.End, toks[v].Start); m != nil {
						return x.resolve(p, *m), true
					}
					break
				}
			}
		}
		if subordinators[strings.ToLower(t.Text)] {
			return nil, false // "…,” when Clinton blasted him": another clause, another speaker
		}
		if !x.reg.IsSpeechVerb(t.Text) || x.inMention(p, t.Start) {
			continue // "the Secretaries of State": a verb's word in a name is no verb
		}
		if k > 0 && determiners[strings.ToLower(toks[k-1].Text)] {
			continue // "to change my answer": a noun
		}
		if endsSentence(s[:lo]) && (introducesNext(s[t.End:]) || strings.HasSuffix(strings.TrimRight(s[t.End:hi], " "), ":")) {
			// "“… devil.” To which she said, “…”": a new sentence whose verb is the next
			// quotation's; not "“We will win,” she said, “and …”", one quotation in two.
			return nil, false
		}
		if k > 0 && passiveListener(toks[k-1].Text, strings.ToLower(t.Text)) {
			return x.passiveAgent(p, t.End, hi), true // "“…,” Halvorsen was told."
		}
		if endsSentence(s[:lo]) && (opensClause(s[t.End:]) || k > 0 && opensNounClause(s[t.End:])) {
			// "“The strike goes on.” Paul Dorsey said he would meet her.", "“…” But
			// Republicans said the early figures meant little.": a new sentence that reports
			// other words, not the quotation's (where "“Why?” asked the senator." has its
			// speaker after the verb)
			return nil, false
		}
		if endsSentence(s[:lo]) && tells(t.Text) && k+2 < len(toks) && (opensClause(s[toks[k+1].End:]) || opensNounClause(s[toks[k+1].End:])) {
			// "“…risk.” The IMF's chief economist told reporters the world economy was …": a
			// new sentence that reports other words to its listeners.
			return nil, false
		}
		if endsSentence(s[:lo]) && !tells(t.Text) && k+1 < len(toks) && s[t.End:toks[k+1].Start] == " " && takesObject(toks[k+1].Text) && x.subjectBefore(p, lo, t.Start) != nil {
			// "“I can no longer serve.” Governor Peter Lasko thanked her …": a new sentence
			// whose verb has an object of its own says nothing of the quotation before it.
			return nil, false
		}
		if m := x.subjectBefore(p, lo, t.Start); m != nil {
			return x.resolve(p, *m), true
		}
		if who, ok := x.nounSpeaker(p, lo, t.Start, t.End, hi); ok {
			return who, true
		}
		// "said U.S. Chamber of Commerce Executive Vice President, Chief Policy Officer, and
		// Head of Strategic Advocacy, Neil L. Bradley.": titles in capitals, and the person's
		// name that closes the sentence.
		if m := x.nameClosingTitles(p, t.End, hi); m != nil {
			return x.resolve(p, *m), true
		}
		if m := x.namedAfterDescription(p, t.End, hi); m != nil {
			return x.resolve(p, *m), true
		}
		if k > 0 && (strings.EqualFold(toks[k-1].Text, "and") || strings.EqualFold(toks[k-1].Text, "but")) {
			// "… remained “fully committed” to holding the seat and called Ms. Okonkwo-Lewis
			// …": a verb joined by "and" to a clause before has that clause's subject, and
			// the name after it is its object, not an inverted speaker.
			return nil, false
		}
		// "…,” said CNN.": a medium the registry lists as a listener ("told CNN") speaks
		// when it is the subject of the inverted verb.
		if m := x.firstMentionAfter(p, t.End, min(hi, t.End+80)); m != nil && !m.possessive && x.adjacent(s, t.End, x.leadStart(p, *m)) && (!x.listener(*m) || !tells(t.Text)) {
			return x.resolve(p, *m), true
		}
		return nil, true
	}
	return nil, false
}

// coordinatedVerb reports whether the words between two quotations of one sentence, from lo
// to hi in paragraph p, join a verb of speech to the first one's with "and", naming no one else.
func (x *extractor) coordinatedVerb(p, lo, hi int) bool {
	if lo >= hi || x.sentenceStart(p, hi) > lo {
		return false
	}
	toks := tokensIn(x.toks[p], lo, hi)
	and := slices.IndexFunc(toks, func(t registry.Token) bool { return t.Text == "and" })
	if and < 0 || and+1 >= len(toks) || !x.reg.IsSpeechVerb(toks[and+1].Text) {
		return false
	}
	for _, m := range x.mentionsBetween(p, lo, toks[and+1].Start) {
		if m.kind == mName || m.kind == mPronoun || m.kind == mDescription && m.person {
			return false
		}
	}
	return true
}

// orgStartingWith returns the organisation the text names in full whose name opens with the one
// word w and goes on ("Halvern Foods" for "Halvern"); -1 when none, or more than one, does.
func (x *extractor) orgStartingWith(w string) int {
	if x.orgByFirst == nil {
		// Indexed once an analysis: descriptions are resolved after the entities are made.
		x.orgByFirst = map[string]int{}
		for e := range x.ents {
			if en := &x.ents[e]; en.org && !en.person && len(en.words) >= 2 {
				if _, seen := x.orgByFirst[en.words[0]]; seen {
					x.orgByFirst[en.words[0]] = -1 // two organisations of that first word
				} else {
					x.orgByFirst[en.words[0]] = e
				}
			}
		}
	}
	if e, ok := x.orgByFirst[w]; ok {
		return e
	}
	return -1
}

// objectAfterAdjectives reports whether the name at offset off is the object of a preposition
// with an article and one or two words in small letters between: "at a large New York bank".
func (x *extractor) objectAfterAdjectives(p, off int) bool {
	s := x.paras[p].Text
	toks := tokensIn(x.toks[p], max(0, off-60), off)
	k := len(toks) - 1
	for n := 0; n < 2 && k >= 0 && isLowerWord(toks[k].Text) && !x.reg.IsFunctionWord(toks[k].Text) && !isArticle(toks[k].Text); n++ {
		k--
	}
	if k < 1 || k == len(toks)-1 || !isArticle(toks[k].Text) || !prepositions[strings.ToLower(toks[k-1].Text)] {
		return false
	}
	return !strings.ContainsAny(s[toks[k-1].Start:off], ".!?,;:\"“”()")
}

// isArticle reports whether a word is an article, in any case.
func isArticle(w string) bool {
	switch strings.ToLower(w) {
	case "a", "an", "the":
		return true
	}
	return false
}

// documentFromColon reads "… a text from her son, Pfc. Eli Kowalczyk, who had been deployed for
// seven months: “…”": a written text from a person named just after "from", in a clause that
// ends with a colon before the quotation, is that person's.
func (x *extractor) documentFromColon(p, lo, hi int) []Speaker {
	s := x.paras[p].Text
	if !strings.HasSuffix(strings.TrimRight(s[lo:hi], " "), ":") {
		return nil
	}
	toks := tokensIn(x.toks[p], lo, hi)
	for k := 0; k+1 < len(toks); k++ {
		if toks[k+1].Text != "from" || !x.reg.IsDocumentNoun(strings.ToLower(toks[k].Text)) {
			continue
		}
		// The first person named after "from", past a description in apposition ("her son,").
		for _, m := range x.mentionsBetween(p, toks[k+1].End, min(hi, toks[k+1].End+60)) {
			if m.kind == mName && m.ent >= 0 && x.ents[m.ent].person && !m.possessive {
				return x.resolve(p, m)
			}
			if m.kind != mDescription {
				break
			}
		}
		return nil
	}
	return nil
}

// maxOrgLookBack bounds the mentions orgEndingWith reads back: the organisation a description
// calls back is named within a few paragraphs, and a quotation's attribution costs no more than
// a constant.
const maxOrgLookBack = 200

// orgEndingWith returns the organisation named last before offset off of paragraph p whose name
// ends with words (in lower case) and is longer than them, within a few paragraphs; -1 when none.
func (x *extractor) orgEndingWith(p, off int, words []string) int {
	seen := 0 // mentions looked at: a paragraph dense with names is not read again for each
	for q := p; q >= 0 && q > p-8; q-- {
		ms := x.ments[q]
		if q == p {
			ms = ms[:sort.Search(len(ms), func(i int) bool { return ms[i].start >= off })]
		}
		for k := len(ms) - 1; k >= 0 && seen < maxOrgLookBack; k-- {
			seen++
			m := ms[k]
			if m.ent < 0 {
				continue
			}
			en := &x.ents[m.ent]
			if en.org && !en.person && len(en.words) > len(words) && slices.Equal(en.words[len(en.words)-len(words):], words) {
				return m.ent
			}
		}
	}
	return -1
}

// tells reports whether a verb of speech takes its listener after it: "told CNN".
func tells(verb string) bool {
	switch strings.ToLower(verb) {
	case "told", "tells", "tell", "telling":
		return true
	}
	return false
}

// nounSpeaker reads a verb of speech whose subject stands for an organisation or a text: "“…,”
// it said", "“…,” the group said", "“…,” the statement said", "“…,” read the letter". Who
// speaks is the organisation (or, for a text, the author) the sentence before the quotation is
// about; ok is false when the subject is none of these.
func (x *extractor) nounSpeaker(p, lo, v, vEnd, hi int) (who []Speaker, ok bool) {
	s := x.paras[p].Text
	noun := ""
	// "Later, the company said": an opening adverb and its comma aside.
	if toks := tokensIn(x.toks[p], lo, v); len(toks) >= 2 && strings.HasPrefix(s[toks[0].End:], ",") && (isAdverb(toks[0].Text) || x.reg.IsNotName(toks[0].Text)) {
		lo = toks[1].Start
	}
	if toks := tokensIn(x.toks[p], lo, v); len(toks) == 1 && strings.EqualFold(toks[0].Text, "it") {
		noun = "it"
	} else if len(toks) == 2 && strings.EqualFold(toks[0].Text, "the") {
		noun = strings.ToLower(toks[1].Text)
	} else if len(toks) == 0 {
		after := tokensIn(x.toks[p], vEnd, hi)
		// Inverted: "“…,” read the statement."
		if len(after) == 2 && strings.EqualFold(after[0].Text, "the") && strings.Trim(s[after[1].End:hi], " .") == "" {
			noun = strings.ToLower(after[1].Text)
		}
		// "“…,” read a statement from Sen. Tamsin Hale.": the text's author after "from" or "by".
		if len(after) > 3 && (strings.EqualFold(after[0].Text, "a") || strings.EqualFold(after[0].Text, "the")) && x.reg.IsDocumentNoun(strings.ToLower(after[1].Text)) &&
			(after[2].Text == "from" || after[2].Text == "by") {
			if m := x.firstMentionAfter(p, after[2].End, hi); m != nil && !m.possessive && x.adjacent(s, after[2].End, x.leadStart(p, *m)) {
				return x.resolve(p, *m), true
			}
			return nil, true
		}
	}
	// "the coast guard said", "the ministry said": the last words of an organisation's name
	// the text gave before ("the Philippine Coast Guard", "Russia's Foreign Ministry").
	if toks := tokensIn(x.toks[p], lo, v); len(toks) >= 2 && len(toks) <= 4 && strings.EqualFold(toks[0].Text, "the") {
		if e := x.orgEndingWith(p, lo, lowerWords(toks[1:])); e >= 0 {
			return x.speakersOf(e), true
		}
	}
	doc := x.reg.IsDocumentNoun(noun)
	if noun != "it" && !doc && !x.reg.IsOrganisationNoun(noun) {
		return nil, false
	}
	if doc {
		if who := x.authorOf(p, noun); who != nil {
			return who, true
		}
	}
	before := x.sentenceBefore()
	if before.p < 0 && v <= x.current.open && x.current.Start.Para == p {
		before = x.sentenceBeforeOff(p, lo) // "It read, in part: “…”": the sentence before its verb's
	} else if before.p < 0 && x.current.Start.Para == p && v > x.current.open && !doc {
		// "The recall is “a precautionary measure,” the company said": the sentence before
		// the quotation's.
		before = x.sentenceBeforeOff(p, x.current.open)
	}
	if before.p < 0 {
		return nil, true
	}
	if toks := tokensIn(x.toks[before.p], before.lo, before.hi); doc && len(toks) > 2 && officeNoun(toks[1].Text) {
		// "His office later issued a statement.": the person's own.
		if g := map[string]string{"his": "male", "her": "female"}[strings.ToLower(toks[0].Text)]; g != "" {
			if e := x.lastPerson(g); e >= 0 {
				return x.speakersOf(e), true
			}
			return nil, true
		}
	}
	for _, m := range x.mentionsBetween(before.p, before.lo, before.hi) {
		if m.possessive && doc && strings.TrimSpace(x.paras[before.p].Text[before.lo:m.start]) == "" {
			// "His office later issued a statement.": the person's own.
			if toks := tokensIn(x.toks[before.p], m.end, before.hi); len(toks) > 1 {
				k := 0
				if toks[0].Text == "s" || toks[0].Text == "'s" || toks[0].Text == "’s" {
					k = 1
				}
				if x.ownOffice(before.p, m, toks[k].End) {
					m.possessive = false
					return x.resolve(before.p, m), true
				}
			}
		}
		if m.kind != mName && m.kind != mRole || m.ent < 0 && len(m.actors) == 0 || m.possessive {
			continue
		}
		person := m.ent >= 0 && x.ents[m.ent].person || m.ent < 0 && m.person
		org := !person && (m.org || m.ent >= 0 && x.ents[m.ent].org)
		agent := m.object && x.afterWord(before.p, m.start, "by") // "released by Human Rights Watch"
		if !x.subjectLike(before.p, m) && !agent {
			continue
		}
		if who, ok := x.organisationNamedFor(before.p, m); ok && who != nil {
			return who, true // "The Crane campaign put out a statement. It read: “…”"
		}
		if org || doc && person {
			return x.resolve(before.p, m), true
		}
		return nil, true // the sentence is about someone else
	}
	return nil, true
}

// authorOf returns who the text says wrote a document of the noun's kind ("Mariano wrote a
// memoir of her time at the White House", then "“…,” the book said"): the subject of the last
// sentence before paragraph p's quotation, within maxAuthorBack paragraphs, that says they
// wrote, published or released one.
func (x *extractor) authorOf(p int, noun string) []Speaker {
	kind := func(w string) string {
		w = strings.ToLower(w)
		if w == "memoir" || w == "memoirs" || w == "books" {
			return "book"
		}
		return w
	}
	noun = kind(noun)
	for q := p; q >= 0 && q >= p-maxAuthorBack; q-- {
		hi := len(x.paras[q].Text)
		if q == p {
			hi = x.current.open
		}
		toks := tokensIn(x.toks[q], 0, hi)
		for k := len(toks) - 1; k >= 2; k-- {
			if kind(toks[k].Text) != noun {
				continue
			}
			if k+2 < len(toks) && (toks[k+1].Text == "by" || toks[k+1].Text == "from") {
				// "a web video by the Republican National Committee", "a statement from the
				// mayor's office": the author named after it.
				if m := x.firstMentionAfter(q, toks[k+1].End, len(x.paras[q].Text)); m != nil && !m.possessive && m.kind == mName && m.ent >= 0 && x.adjacent(x.paras[q].Text, toks[k+1].End, x.leadStart(q, *m)) {
					return x.resolve(q, *m)
				}
			}
			// "said in a statement", "wrote in his letter": the one who speaks in it wrote it.
			spokeIn := k >= 3 && strings.EqualFold(toks[k-2].Text, "in") && inDeterminers[strings.ToLower(toks[k-1].Text)] && x.reg.IsSpeechVerb(strings.ToLower(toks[k-3].Text))
			if !spokeIn && !authorVerbs[strings.ToLower(toks[k-2].Text)] && !authorVerbs[strings.ToLower(toks[k-1].Text)] {
				continue
			}
			lo := x.sentenceStart(q, toks[k].Start)
			ms := x.mentionsBetween(q, lo, toks[k].Start)
			if len(ms) == 0 {
				return nil
			}
			m := ms[0]
			if m.kind != mName || m.ent < 0 || m.possessive || !x.subjectLike(q, m) || !x.ents[m.ent].person && !x.ents[m.ent].org {
				return nil
			}
			return x.resolve(q, m)
		}
	}
	return nil
}

// inDeterminers are the words between "in" and a document that a speaker speaks in: "said in a
// statement", "wrote in her letter".
var inDeterminers = map[string]bool{"a": true, "an": true, "the": true, "his": true, "her": true, "its": true, "their": true}

// maxAuthorBack bounds how far back the writing of a document is looked for.
const maxAuthorBack = 6

// authorVerbs are the verbs that make their subject a document's author.
var authorVerbs = map[string]bool{"wrote": true, "writes": true, "published": true, "publishes": true, "released": true, "issued": true, "authored": true, "penned": true}

// afterWord reports whether the word just before offset off of paragraph p, an article aside,
// is w.
func (x *extractor) afterWord(p, off int, w string) bool {
	toks := tokensIn(x.toks[p], max(0, off-24), off)
	if len(toks) > 1 && strings.EqualFold(toks[len(toks)-1].Text, "the") {
		toks = toks[:len(toks)-1] // "by the Harbor Trust"
	}
	return len(toks) > 0 && strings.EqualFold(toks[len(toks)-1].Text, w)
}

// namedAfterDescription returns the person named after a description that follows a verb of
// speech, between a comma and the clause's end: "said a spokesman for the union, Paul
// Dorsey." and "said Clinton's running mate, Tim Kaine."; nil when the verb is followed by
// anything else.
func (x *extractor) namedAfterDescription(p, from, hi int) *mention {
	s := x.paras[p].Text
	end := min(hi, from+100)
	c := strings.IndexByte(s[from:end], ',')
	if c < 0 {
		return nil
	}
	head := strings.Fields(s[from : from+c])
	if len(head) < 2 || len(head) > 8 || strings.ContainsAny(s[from:from+c], "\"“”;:()") {
		return nil
	}
	// The description opens with an article or an owner, and ends with a noun for a person.
	first, last := head[0], strings.ToLower(head[len(head)-1])
	owner := strings.HasSuffix(first, "'s") || strings.HasSuffix(first, "’s")
	if !owner && first != "a" && first != "an" && first != "the" && first != "his" && first != "her" && first != "their" {
		return nil
	}
	if _, noun := x.reg.PersonNoun(last); !noun && !x.reg.IsTitleWord(last) && !x.describesPerson(p, from, from+c) {
		return nil
	}
	ms := x.ments[p]
	k := sort.Search(len(ms), func(i int) bool { return ms[i].start > from+c })
	if k == len(ms) || ms[k].start >= hi || ms[k].kind != mName || ms[k].possessive {
		return nil
	}
	if lead := x.leadStart(p, ms[k]); lead <= from+c || !x.adjacent(s, from+c+1, lead) {
		return nil
	}
	m := ms[k]
	if m.ent < 0 || !x.ents[m.ent].person || x.listener(m) {
		return nil
	}
	// The name closes the clause: "…, Tim Kaine." or "…, Paul Dorsey, who …".
	if rest := strings.TrimLeft(s[m.end:hi], " "); rest != "" && rest[0] != '.' && rest[0] != ',' {
		return nil
	}
	return &m
}

// describesPerson reports whether a description mention of a person lies in s[lo:hi].
func (x *extractor) describesPerson(p, lo, hi int) bool {
	for _, m := range x.ments[p] {
		if m.start >= lo && m.end <= hi && m.kind == mDescription && m.person {
			return true
		}
	}
	return false
}

// listener reports whether a name after a verb of speech is who was told, not who spoke:
// "…,” told Reuters".
func (x *extractor) listener(m mention) bool {
	return m.ent >= 0 && x.reg.IsNotSpeaker(x.ents[m.ent].name)
}

// subordinators open a clause of their own after a quotation.
var subordinators = map[string]bool{
	"when": true, "as": true, "after": true, "before": true, "because": true, "while": true, "if": true,
	"since": true, "although": true, "though": true, "unless": true, "until": true, "where": true, "whereas": true,
}

// speakersBefore reads the attribution that comes before a quotation in its sentence: the last
// verb of speech and its subject ("He told Reuters: “", "Human Rights Watch has alleged “",
// "Blinken said such actions … are part of “"), or "according to X".
func (x *extractor) speakersBefore(p, lo, hi int) (who []Speaker, cue bool) {
	s := x.paras[p].Text
	// "President Trump: “We will …”": the clause is a name and a colon, and the quotation.
	if b := strings.TrimRight(s[lo:hi], " "); strings.HasSuffix(b, ":") {
		if i := strings.LastIndex(b, " ("); i > 0 && strings.HasSuffix(b, "):") && !strings.ContainsAny(b[i+2:len(b)-2], "()“”\"") {
			// "AP (9/28/25):", "PBS (2018):", "WFTV (Orlando, Florida):": the name ends
			// before the parenthesis, unless the name holds it ("Sen. Jim Banks (R-IN):").
			if ms := x.mentionsBetween(p, lo, hi); !slices.ContainsFunc(ms, func(m mention) bool { return m.end == lo+len(b)-1 }) {
				b = b[:i] + ":"
			}
		}
		// "Howard Kurtz, Fox News: “…”", "Varshini Prakash, Executive Director, Sunrise
		// Movement: “…”": a name and what the person is, in capitals between commas; the
		// person speaks, not the outlet or the organisation.
		// "Lockheed Martin Chairman, President, and CEO Jim Taiclet:": the titles come first,
		// and the label ends with the person's name in full.
		if x.titleWords(p, lo, lo+len(b)-1, 24) && strings.Contains(b, ",") {
			ms := x.mentionsBetween(p, lo, hi)
			if k := len(ms) - 1; k > 0 && ms[k].kind == mName && ms[k].end == lo+len(b)-1 && ms[k].ent >= 0 && x.ents[ms[k].ent].person && len(ms[k].words) >= 2 && !(len(ms[0].words) > 0 && x.isGivenName(ms[0].words[0])) && len(ms[0].actors) == 0 {
				return x.resolve(p, ms[k]), true
			}
			for _, m := range ms {
				if m.kind == mName && m.ent >= 0 && x.ents[m.ent].person {
					return x.resolve(p, m), true
				}
			}
		}
		// "Elon Musk on waste, fraud, and abuse: “…”", "Secretary Rubio on Venezuela: “…”": a
		// name, what the words are about, and a colon.
		if ms := x.mentionsBetween(p, lo, hi); len(ms) > 0 && (ms[0].kind == mName || ms[0].kind == mRole) && !ms[0].possessive &&
			strings.HasPrefix(s[ms[0].end:], " on ") && x.onlyTitleWords(p, lo, ms[0].start) && x.knownShape(p, ms[0]) && len(b) < 200 {
			if who := x.resolve(p, ms[0]); who != nil {
				return who, true
			}
		}
		for _, m := range x.mentionsBetween(p, lo, hi) {
			if pre := tokensIn(x.toks[p], lo, max(m.start, m.coreStart)); m.end == lo+len(b)-1 && len(pre) > 0 && len(pre) <= 3 && prepositions[strings.ToLower(pre[0].Text)] &&
				(len(pre) == 1 || strings.EqualFold(pre[1].Text, "the") || nameCase(pre[1].Text)) {
				return nil, false // "On the One Big Beautiful Bill: “…”": what the words are about, not who says them
			}
			if m.end == lo+len(b)-1 && (m.kind == mName || m.kind == mRole) && !(m.kind == mName && m.person && len(m.words) >= 2) && x.onlyTitleWords(p, lo, m.start) && x.afterWord(p, m.start, "of") && m.start > lo {
				// "United Association of Journeymen … of the United States:": a country that
				// ends an organisation's name is not the speaker; the organisation is.
				name := strings.TrimPrefix(strings.TrimSpace(b[:len(b)-1]), "The ")
				x.via = "name"
				return []Speaker{{Actor: -1, Name: displayName(name), Kind: registry.Organisation}}, true
			}
			if m.end == lo+len(b)-1 && m.kind == mName && m.ent >= 0 && x.ents[m.ent].org && x.ents[m.ent].actor < 0 && x.orgNameWithAnd(p, lo, m.start) {
				// "Oregon Health and Science University:": one organisation's name holds "and".
				x.via = "name"
				return []Speaker{{Actor: -1, Name: strings.TrimSpace(s[lo:m.end]), Kind: registry.Organisation}}, true
			}
			if m.end == lo+len(b)-1 && m.kind == mName && m.coreStart > m.start && strings.HasSuffix(s[m.start:m.coreStart], " of ") {
				return nil, true // "Former Co-Counsel of Todd Blanche:": someone of the person named, unnamed
			}
			if m.end == lo+len(b)-1 && (m.kind == mName || m.kind == mRole) && x.onlyTitleWords(p, lo, m.start) && x.knownShape(p, m) {
				return x.resolve(p, m), true
			}
			// A round-up of reactions, each line a name and a colon: a name the text does not
			// otherwise show to be anyone's ("Amazon: “…”", "Gecko Robotics: “…”") is the
			// speaker, as the others on their lines are.
			if m.end == lo+len(b)-1 && m.kind == mName && m.ent >= 0 && lo == 0 && strings.TrimSpace(s[:m.start]) == "" && x.roundup() && x.plainName(m) {
				x.via = "name"
				return x.speakersOf(m.ent), true
			}
		}
		// The same in a round-up, for a label the text gives no name of its own ("Axios
		// (9/10/25):", "Moms for Liberty:", "Indivisible:"): its words, when they have a
		// name's shape.
		if lo == 0 && x.roundup() {
			if name := x.labelName(p, b[:len(b)-1]); name != "" {
				x.via = "name"
				return []Speaker{{Actor: -1, Name: name}}, true
			}
		}
	}
	if who := x.ownUtteranceColon(p, lo, hi); who != nil {
		return who, true
	}
	if who := x.documentFromColon(p, lo, hi); who != nil {
		return who, true
	}
	if who, ok := x.nameVerbColon(p, lo, hi); ok {
		return who, true
	}
	if who, ok := x.ownWordsColon(p, lo, hi); ok {
		return who, true
	}
	toks := tokensIn(x.toks[p], lo, hi)
	for k := len(toks) - 1; k >= 0; k-- {
		t := toks[k]
		w := strings.ToLower(t.Text)
		if w == "according" && k+1 < len(toks) && strings.EqualFold(toks[k+1].Text, "to") {
			if who := x.possessive(p, toks[k+1].End, hi); who != nil {
				return who, true
			}
			if m := x.firstMentionAfter(p, toks[k+1].End, hi); m != nil {
				return x.resolve(p, *m), true
			}
		}
		// "In the words of Paul Dorsey, …, “…”", "To quote Paul Dorsey: “…”".
		if w == "words" && k+1 < len(toks) && toks[k+1].Text == "of" || w == "quote" && k > 0 && strings.EqualFold(toks[k-1].Text, "to") {
			from := t.End
			if w == "words" {
				from = toks[k+1].End
			}
			if m := x.firstMentionAfter(p, from, hi); m != nil && !m.possessive && x.adjacent(s, from, x.leadStart(p, *m)) {
				return x.resolve(p, *m), true
			}
		}
		// "It read, in part:", "The letter reads:": a text's verb, when a text is its subject.
		textVerb := (w == "read" || w == "reads") && x.textSubject(toks[:k])
		if !textVerb && (!x.reg.IsSpeechVerb(w) || x.inMention(p, t.Start) || k > 0 && determiners[strings.ToLower(toks[k-1].Text)]) {
			continue
		}
		if strings.HasSuffix(w, "ing") {
			// "footage of Paul Dorsey saying during a debate, “…”": the person just before the
			// participle says it, object of a preposition or not.
			if ms := x.mentionsBetween(p, lo, t.Start); len(ms) > 0 {
				if m := ms[len(ms)-1]; m.kind == mName && m.ent >= 0 && x.ents[m.ent].person && !m.possessive && strings.TrimSpace(s[m.end:t.Start]) == "" {
					return x.resolve(p, m), true
				}
			}
		}
		if strings.HasSuffix(w, "ing") && strings.TrimSpace(s[lo:t.Start]) == "" {
			// "Calling democracy “an ongoing struggle,” President Biden recognized …": a
			// participle that opens the sentence has the subject of the clause after it.
			if q := x.current; q.End.Para == p {
				after := x.paras[p].Text
				if ms := x.mentionsBetween(p, q.closeEnd, x.sentenceEnd(p, q.closeEnd)); len(ms) > 0 && strings.Trim(after[q.closeEnd:ms[0].start], " ,") == "" {
					if m := ms[0]; (m.kind == mName || m.kind == mRole || m.kind == mPronoun) && !m.possessive && !m.object {
						return x.resolve(p, m), true
					}
				}
			}
		}
		if strings.HasSuffix(w, "ing") && strings.HasSuffix(withoutAdverb(s[lo:t.Start]), ",") {
			if m := x.clauseSubject(p, lo, t.Start); m != nil {
				return x.resolve(p, *m), true
			}
			// "Sanders said, suggesting a few questions, including, “…”": the verb before it
			// has the subject.
			continue
		}
		if x.firstPersonBefore(p, lo, t.Start) {
			return nil, true // "I laughed and said, “…”": the writer, whom the text does not name
		}
		if k > 0 && passiveListener(toks[k-1].Text, w) {
			return x.passiveAgent(p, t.End, hi), true
		}
		if x.anonymousSubject(p, lo, t.Start) {
			// "One of them, who spoke on the condition of anonymity because he was not
			// authorized to discuss the data, described …": someone the text does not name.
			return nil, true
		}
		if m := x.subjectBefore(p, lo, t.Start); m != nil {
			return x.resolve(p, *m), true
		}
		if who, ok := x.nounSpeaker(p, lo, t.Start, t.End, hi); ok {
			return who, true // "It read, in part: “…”", "The statement said: “…”"
		}
		// "said Secretary Blinken: “…”", not the heading "PROMISE MADE: “…”".
		// Not "Two aides said Keane “knew …”" nor "said he was “furious”": a name that runs on
		// into the quotation, or into a verb of its own, is the subject of what is reported.
		if m := x.firstMentionAfter(p, t.End, hi); m != nil && !m.possessive && x.adjacent(s, t.End, x.leadStart(p, *m)) && !isUpper(t.Text) && invertedEnd(s[m.end:hi]) {
			return x.resolve(p, *m), true
		}
		return nil, true
	}
	return nil, false
}

// textSubject reports whether the words before a verb are a text's: "It", "The statement",
// "Her letter".
func (x *extractor) textSubject(toks []registry.Token) bool {
	switch {
	case len(toks) == 1:
		return strings.EqualFold(toks[0].Text, "it")
	case len(toks) == 2:
		return determiners[strings.ToLower(toks[0].Text)] && x.reg.IsDocumentNoun(strings.ToLower(toks[1].Text))
	}
	return false
}

// withoutAdverb returns the text before a verb without the adverb just before it and the
// spaces: ", baselessly claiming" is after a comma as ", claiming" is.
func withoutAdverb(before string) string {
	b := strings.TrimRight(before, " ")
	if i := strings.LastIndexByte(b, ' '); i >= 0 && len(b)-i > 4 && strings.HasSuffix(b, "ly") && strings.IndexFunc(b[i+1:], func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
		b = strings.TrimRight(b[:i], " ")
	}
	return b
}

// invertedEnd reports whether what follows a name after a verb of speech, up to the quotation,
// ends an inverted attribution: a colon, a comma, a sentence's end, perhaps an appositive
// ("said Secretary Blinken: “…”", "said Blinken, the top U.S. diplomat: “…”", "…,” said
// Burgum. “…”").
func invertedEnd(rest string) bool {
	rest = strings.TrimSpace(rest)
	return rest != "" && strings.ContainsRune(":,.;(—–", []rune(rest)[0])
}

// knownShape reports whether a name has the shape of someone who speaks: a person, an
// organisation or a country, registered or told by the text. Capitals that open a line ("PROMISE
// MADE: “…”") name no one.
func (x *extractor) knownShape(p int, m mention) bool {
	if m.kind == mRole || m.ent < 0 {
		return m.kind == mRole
	}
	en := &x.ents[m.ent]
	if en.caps && !en.person && en.actor < 0 && x.capsBefore(p, m) {
		// Capitals the registry does not know name an organisation ("NPR:", "FOX NEWS:") only
		// where they stand alone; after other capitals they end a heading ("PROMISE MADE:").
		return false
	}
	return en.actor >= 0 || en.person || en.org
}

// capsBefore reports whether the word before mention m in its paragraph is in capitals.
func (x *extractor) capsBefore(p int, m mention) bool {
	toks := x.toks[p]
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].End <= m.start {
			return isUpper(toks[k].Text) && hasLetter(toks[k].Text)
		}
	}
	return false
}

// ownUtteranceColon returns whose words a quotation after a colon is when the colon follows
// what someone said or wrote, named as theirs: "a line from Keane's 2014 speech: “…”", "his
// statement: “…”", "Whitlock's tweet:"; nil otherwise.
func (x *extractor) ownUtteranceColon(p, lo, hi int) []Speaker {
	s := x.paras[p].Text
	b := strings.TrimRight(s[lo:hi], " ")
	if !strings.HasSuffix(b, ":") {
		return nil
	}
	toks := tokensIn(x.toks[p], lo, lo+len(b)-1)
	k := len(toks) - 1
	if k < 1 {
		return nil
	}
	if w := strings.ToLower(toks[k].Text); !x.reg.IsUtteranceWord(w) && w != "tweet" && w != "post" {
		return nil
	}
	// Up to two words that say which ("2014", "inaugural", "first") between the owner and the noun.
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		t := toks[j]
		switch w := strings.ToLower(t.Text); {
		case w == "his" || w == "her" || w == "their":
			for _, m := range x.mentionsBetween(p, t.Start, t.End) {
				if m.kind == mPronoun {
					return x.resolve(p, m)
				}
			}
			return nil
		case w == "s" && j > 0 && (s[toks[j-1].End:t.Start] == "’" || s[toks[j-1].End:t.Start] == "'"):
			for _, m := range x.mentionsBetween(p, lo, t.Start) {
				if m.end == toks[j-1].End && m.kind == mName && m.ent >= 0 && x.ents[m.ent].person {
					return x.speakersOf(m.ent)
				}
			}
			return nil
		case startsLower(t.Text) || unicode.IsDigit(rune(t.Text[0])):
		default:
			return nil
		}
	}
	return nil
}

// nameVerbColon reads a sentence that is only a name and a verb before a quotation: "Trump
// boasted, “…”", "Mook agreed: “…”", "Clinton fired back: “…”". The verb need not be one of
// speech: the layout says the quotation is what the subject said.
func (x *extractor) nameVerbColon(p, lo, hi int) ([]Speaker, bool) {
	s := x.paras[p].Text
	b := strings.TrimRight(s[lo:hi], " ")
	if !strings.HasSuffix(b, ",") && !strings.HasSuffix(b, ":") {
		return nil, false
	}
	ms := x.mentionsBetween(p, lo, hi)
	if len(ms) == 0 {
		return nil, false
	}
	m := ms[0]
	if lead := strings.TrimSpace(s[lo:m.start]); m.kind == mGroup || m.object || m.possessive || lead != "" && !strings.EqualFold(lead, "the") {
		return nil, false
	}
	from := m.end
	// "Marta Kellerman, the union's president, was defiant:": an appositive between commas.
	if strings.HasPrefix(s[from:], ", ") && m.kind == mName && m.ent >= 0 && x.ents[m.ent].person && x.appositiveAfter(p, from) {
		c := strings.IndexByte(s[from+2:hi], ',')
		if c < 0 || c > 100 || strings.ContainsAny(s[from+2:from+2+c], ";:()\"“”") {
			return nil, false
		}
		from += 2 + c + 1
	}
	words := tokensIn(x.toks[p], from, hi)
	if len(words) == 0 || strings.ContainsAny(s[from:words[0].Start], ",;:") {
		return nil, false
	}
	if len(words) > 2 {
		// "Emma Lindqvist took to Twitter:", "Kellerman had a message for the mayor:": a short
		// clause about a person, ending in a colon, introduces what they said.
		if !strings.HasSuffix(b, ":") || len(words) > 30 || m.kind != mName || m.ent < 0 || !x.ents[m.ent].person || !x.onlySubject(p, m, ms) {
			return nil, false
		}
		if len(words) > 8 {
			// A longer clause ("President Trump roasted the media for covering up Biden's
			// decline:") only when it names no one else and quotes no one.
			for _, o := range ms[1:] {
				if o.kind == mPronoun || o.kind == mDescription || o.kind == mGroup || o.ent >= 0 && x.ents[o.ent].person {
					return nil, false
				}
			}
			for _, t := range words {
				switch strings.ToLower(t.Text) {
				case "quoted", "quoting", "cited", "citing", "read", "reading", "recalled", "recalling", "repeated", "echoed":
					return nil, false
				}
			}
		}
		for k, t := range words {
			if subordinators[strings.ToLower(t.Text)] || t.Text == "and" || t.Text == "but" || k > 0 && passiveListener(words[k-1].Text, strings.ToLower(t.Text)) {
				return nil, false // not "Halvorsen was told by Dorsey:"
			}
		}
		return x.resolve(p, m), true
	}
	for _, t := range words {
		w := t.Text
		if nameCase(w) || prepositions[strings.ToLower(w)] || w == "and" || w == "the" || w == "a" || w == "that" {
			return nil, false
		}
	}
	// "Kellerman was defiant:": a state of mind shown by what follows, only before a colon.
	copula := len(words) == 2 && strings.HasSuffix(b, ":") && (words[0].Text == "was" || words[0].Text == "is" || words[0].Text == "were" || words[0].Text == "are")
	v := strings.ToLower(words[len(words)-1].Text)
	switch v {
	case "back", "out", "in", "up", "off":
		if len(words) == 2 {
			v = strings.ToLower(words[0].Text) // "pushed back:", "lashed out:", "weighed in:"
		}
	}
	if !copula && !strings.HasSuffix(v, "ed") && !strings.HasSuffix(v, "s") && !x.reg.IsSpeechVerb(v) && v != "shot" {
		return nil, false
	}
	return x.resolve(p, m), true
}

// ownWordsColon reads "His message was simple: “…”", "Her answer: “…”" and "Okafor's response
// was blunt: “…”": a short clause about what someone said, ending in a colon, introduces their
// words.
func (x *extractor) ownWordsColon(p, lo, hi int) ([]Speaker, bool) {
	s := x.paras[p].Text
	b := strings.TrimRight(s[lo:hi], " ")
	if !strings.HasSuffix(b, ":") {
		return nil, false
	}
	toks := tokensIn(x.toks[p], lo, hi)
	if len(toks) < 2 || len(toks) > 7 || strings.TrimSpace(s[lo:toks[0].Start]) != "" {
		return nil, false
	}
	gender, noun := "", 1
	var owner *mention
	switch toks[0].Text {
	case "His":
		gender = "male"
	case "Her":
		gender = "female"
	default:
		// "Okafor's response was blunt:"
		ms := x.mentionsBetween(p, lo, hi)
		if len(ms) == 0 || ms[0].start != toks[0].Start || !ms[0].possessive || ms[0].kind != mName || ms[0].ent < 0 || !x.ents[ms[0].ent].person {
			return nil, false
		}
		owner = &ms[0]
		noun = sort.Search(len(toks), func(i int) bool { return toks[i].Start >= owner.end })
		if noun < len(toks) && toks[noun].Text == "s" {
			noun++ // the tokens of "Okafor's" are "Okafor" and "s"
		}
		if noun >= len(toks) {
			return nil, false
		}
	}
	switch strings.ToLower(toks[noun].Text) {
	case "message", "answer", "reply", "response", "retort", "reaction", "advice", "verdict", "view", "words", "point", "argument", "explanation", "warning", "pitch", "plea", "promise", "vow", "conclusion", "assessment", "take",
		"speech", "remarks", "statement", "tweet", "post", "letter", "closing", "opening":
	default:
		return nil, false
	}
	if owner != nil {
		return x.resolve(p, *owner), true
	}
	if e := x.lastPerson(gender); e >= 0 {
		return x.speakersOf(e), true
	}
	return nil, true
}

// onlySubject reports whether m is the only person or pronoun of the clause ms that is not
// the object of a preposition.
func (x *extractor) onlySubject(p int, m mention, ms []mention) bool {
	for _, o := range ms {
		if o.start == m.start || o.object || o.start < m.end {
			continue
		}
		if o.kind == mPronoun || o.kind == mDescription || o.kind == mName && (o.ent < 0 || x.ents[o.ent].person) {
			return false
		}
	}
	return true
}

// onlyTitleWords reports whether the words in [lo, hi) of paragraph p can be a title before a
// name: capitalised, joined by "of", "the" or "and", or hyphenated to the word before them
// ("Director of National Intelligence", "UN Ambassador-designate"), not "He told".
func (x *extractor) onlyTitleWords(p, lo, hi int) bool { return x.titleWords(p, lo, hi, 14) }

// lowerTitleWord reports whether a word in lower case may stand among the words of what someone
// is before their name: a noun for a person ("host", "columnist", "founder", "judge") or a word
// that qualifies one ("former", "senior", "chief").
func (x *extractor) lowerTitleWord(w string) bool {
	if w != strings.ToLower(w) {
		return false
	}
	switch w {
	case "former", "senior", "chief", "deputy", "acting", "executive", "vice", "co", "immigration", "political", "economic":
		return true
	}
	if _, ok := x.reg.PersonNoun(w); ok {
		return true
	}
	return x.reg.IsTitleWord(w)
}

// titleWords is onlyTitleWords with at most n words.
func (x *extractor) titleWords(p, lo, hi, n int) bool {
	s := x.paras[p].Text
	toks := tokensIn(x.toks[p], lo, hi)
	for k, t := range toks {
		switch w := t.Text; {
		case nameCase(w) || isUpper(w):
		case w == "of" || w == "the" || w == "and" || w == "for" || w == "to": // "Ambassador to Russia"
		case w == "on" && x.inMention(p, t.Start): // "American Council on Renewable Energy"
		case x.lowerTitleWord(w):
			// "CBS News host Tony Dokoupil", "Former immigration judge Andrew Arthur"
		case k > 0 && s[toks[k-1].End:t.Start] == "-":
		case k > 0 && strings.TrimSpace(s[toks[k-1].End:t.Start]) == "," && nameCase(w):
			// "Howard Kurtz, Fox News"
		case k > 0 && (w == "s") && (s[toks[k-1].End:t.Start] == "’" || s[toks[k-1].End:t.Start] == "'"):
			// an outlet's possessive: "ABC News’s Alexis Christoforous:"
		default:
			return false
		}
	}
	return len(toks) <= n
}

func isUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}

// adjacent reports whether only titles, articles and spaces stand between a verb and a name.
func (x *extractor) adjacent(s string, from, to int) bool {
	if to < from {
		return false // a mention whose modifier runs back over the verb
	}
	between := strings.TrimSpace(s[from:to])
	if between == "" {
		return true
	}
	words := strings.Fields(between)
	if len(words) == 1 && strings.EqualFold(between, "the") {
		return true
	}
	// "said 9/11 widow Terry Strada", "said MSNBC host Chris Matthews": words that describe
	// the person, ending with a noun for one.
	if len(words) > 5 || strings.ContainsAny(between, ",;:\"“”") {
		return false
	}
	for _, w := range words {
		if lw := strings.ToLower(w); prepositions[lw] || lw == "and" || lw == "that" || x.reg.IsSpeechVerb(lw) {
			return false
		}
	}
	last := strings.ToLower(words[len(words)-1])
	_, noun := x.reg.PersonNoun(last)
	return noun || x.reg.IsTitleWord(last)
}

func tokensIn(toks []registry.Token, lo, hi int) []registry.Token {
	// Called for every few words read: a search written out, not one through a closure.
	i, j := 0, len(toks)
	for i < j {
		h := int(uint(i+j) >> 1)
		if toks[h].Start < lo {
			i = h + 1
		} else {
			j = h
		}
	}
	// Most windows are a few words wide: step through them; a wide one is searched.
	end := i
	for end < len(toks) && end-i < 16 && toks[end].End <= hi {
		end++
	}
	if end-i == 16 {
		for k := len(toks); end < k; {
			h := int(uint(end+k) >> 1)
			if toks[h].End <= hi {
				end = h + 1
			} else {
				k = h
			}
		}
	}
	return toks[i:end]
}

// passive are the auxiliaries of a passive voice: a verb of speech after them has no speaker
// for a subject.
var passive = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "be": true, "being": true}

var prepositions = map[string]bool{
	"of": true, "at": true, "from": true, "with": true, "in": true, "for": true, "to": true,
	"on": true, "about": true, "against": true, "over": true, "between": true, "among": true,
	"into": true, "towards": true, "toward": true, "than": true, "under": true, "via": true,
	"like": true, "after": true, "before": true, "during": true, "since": true, "by": true,
}

// subjectBefore finds the subject of a verb of speech at offset v in paragraph p, looking back
// to lo: the nearest mention, skipping one that is the object of a preposition ("of the Rand
// Corporation") or a possessive, and, when an appositive stands before the verb ("Daniel
// Russel, former US diplomat…, said"), taking the name before the appositive. Coordinated names
// ("Blinken and Austin", "Japan and the US") are taken together.
func (x *extractor) subjectBefore(p, lo, v int) *mention {
	s := x.paras[p].Text
	// "Florida Times-Union: HUD secretary calls …": what a colon ends labels the line; the
	// subject is after it.
	if i := strings.LastIndex(s[lo:v], ": "); i > 0 && unicode.IsLetter(rune(s[lo+i-1])) {
		lo += i + 2
	}
	in := x.mentionsBetween(p, lo, v)
	if len(in) == 0 {
		return nil
	}
	// "Clinton … stressed her support … and said": the verb shares the clause's subject.
	if b := strings.TrimRight(s[lo:v], " "); strings.HasSuffix(b, " and") && !strings.HasSuffix(strings.TrimRight(b[:len(b)-4], " "), ",") {
		if m := x.clauseSubject(p, lo, v); m != nil {
			return m
		}
	}
	// Between dashes: "Angela Alsobrooks — now a U.S. Senator — bragged": the subject is
	// before the first.
	b := strings.TrimRight(s[lo:v], " ")
	for _, dash := range []string{"—", "–", "--"} {
		if !strings.HasSuffix(b, dash) {
			continue
		}
		if open := strings.LastIndex(b[:len(b)-len(dash)], dash); open > 0 && len(b)-open < 160 {
			if k := len(in) - 1 - countFrom(in, lo+open); k >= 0 {
				if m := in[k]; !m.object && !m.possessive && m.kind != mPronoun && m.end <= lo+open && strings.TrimSpace(s[m.end:lo+open]) == "" {
					return x.coordinated(p, in[:k+1])
				}
			}
		}
		break
	}
	// "Stewart D. McLaurin, President of the White House Historical Association said:": a
	// person's name opens the clause and an appositive runs to the verb, its closing comma
	// left out; the organisation in it does not speak.
	if first := in[0]; first.kind == mName && first.ent >= 0 && x.ents[first.ent].person && !first.object && !first.possessive &&
		first.start >= lo && first.end+2 <= v && opensWith(s[lo:first.start]) && strings.HasPrefix(s[first.end:], ", ") && x.appositiveAfter(p, first.end) &&
		!strings.ContainsAny(closedAppositive(s[first.end+2:v]), ",;:()\"“”") && v-first.end < 120 {
		other := false
		for _, m := range in[1:] {
			other = other || m.kind == mPronoun || m.kind == mName && m.ent >= 0 && x.ents[m.ent].person && len(m.words) > 1 && x.isGivenName(m.words[0])
		}
		if !other {
			return &first
		}
	}
	// "Ruth Baines, whose son Tyrell Baines, 22, was shot …, said": a relative clause about
	// the person runs to the verb, whatever names and commas it holds.
	if first := in[0]; first.kind == mName && first.ent >= 0 && x.ents[first.ent].person && !first.object && !first.possessive &&
		first.start >= lo && opensWith(s[lo:first.start]) && (strings.HasPrefix(s[first.end:], ", who ") || strings.HasPrefix(s[first.end:], ", whose ")) &&
		strings.HasSuffix(b, ",") && v-first.end < 250 && !strings.ContainsAny(s[first.end:v], ";:()\"“”") {
		return &first
	}
	// "But a former member of the charity's board, who spoke on condition of anonymity
	// because he feared retaliation, said": the same for a description, its complement
	// before the clause; "he" in the clause is the one described.
	if first := in[0]; first.kind == mDescription && first.person && !first.definite && !first.object && !first.possessive && first.start >= lo && (opensWith(s[lo:first.start]) || x.openingConjunction(s[lo:first.start])) &&
		strings.HasSuffix(b, ",") && v-first.end < 250 && !strings.ContainsAny(s[first.end:v], ";:()\"“”") {
		rest := s[first.end:v]
		if i := strings.Index(rest, ", who "); i >= 0 && !strings.Contains(rest[:i], ",") {
			return &first
		}
	}
	// "Sen. Walter Grigsby of North Carolina, the top Republican on the Senate Health,
	// Education, Labor and Pensions Committee, said": a person at the clause's start, the
	// place or affiliation "of" or "from" brings in, and an appositive to the verb.
	if len(in) > 1 && strings.HasSuffix(b, ",") {
		if o, m := in[0], in[1]; o.kind == mName && o.ent >= 0 && x.ents[o.ent].person && !o.object && !o.possessive && o.start >= lo && opensWith(s[lo:o.start]) &&
			m.kind == mName && strings.HasPrefix(s[m.end:], ", ") && x.appositiveAfter(p, m.end) {
			if g := s[o.end:max(o.end, m.start)]; g == " of " || g == " from " || g == " of the " {
				return &o
			}
		}
	}
	// "The Fairmont Health Department's inspection report, obtained by the Ledger, describes":
	// the document speaks for whose it is.
	if first := in[0]; first.possessive && first.kind == mName && first.ent >= 0 && first.start >= lo && (opensWith(s[lo:first.start]) || strings.TrimSpace(s[lo:first.start]) == "The") && x.ownDocument(p, first, v) {
		first.possessive = false
		return &first
	}
	// "… joined by Senator Tim Kaine of Virginia, Mrs. Clinton's running mate, who told": the
	// subject of "who" is the person it follows, past a description in apposition and a place.
	if strings.HasSuffix(b, ", who") {
		for k := len(in) - 1; k >= 0; k-- {
			m := in[k]
			if m.kind == mName && strings.HasSuffix(s[:m.start], " of ") {
				continue // "Tim Kaine of Virginia": a place or an affiliation
			}
			if m.kind == mName && m.ent >= 0 && x.ents[m.ent].person && !m.possessive {
				return &m
			}
			c := strings.LastIndex(s[:m.start], ", ")
			apposed := m.kind == mDescription && c >= 0 && m.start-c <= 8 // ", Mrs. Clinton's running mate"
			if !apposed && !m.possessive {
				break
			}
		}
	}
	// Only a subject joined to the verb: nothing but adverbs, auxiliaries and an appositive
	// between them.
	if strings.HasSuffix(b, ",") {
		// An appositive: the subject is followed directly by a comma.
		for k := len(in) - 1; k >= 0; k-- {
			m := in[k]
			if strings.HasPrefix(strings.TrimLeft(s[m.end:], " "), ",") && !m.object && !m.possessive && k < len(in)-1 && m.kind != mPronoun {
				// "His niece, state Del. Marcia Lowe (D-Norfolk), shouted": the name that
				// follows a description says who it is.
				if n := in[k+1]; (m.kind == mDescription || x.titleLike(m)) && n.kind == mName && n.ent >= 0 && x.ents[n.ent].person && n.start >= m.end {
					// between them, the comma and a title's lower-case words at most ("state")
					if g := strings.TrimSpace(s[m.end:n.start]); strings.HasPrefix(g, ",") && !strings.ContainsAny(g[1:], ",;:.()\"“”") && len(strings.Fields(g[1:])) <= 2 {
						return &n
					}
				}
				return x.coordinated(p, in[:k+1])
			}
		}
	}
	for k := len(in) - 1; k >= 0; k-- {
		m := in[k]
		if m.possessive && k == len(in)-1 && x.ownOffice(p, m, v) {
			m.possessive = false // "Hale's office said": the office speaks for her
			return &m
		}
		if m.object || m.possessive || x.opener(p, m) || x.objectAfterAdjectives(p, m.start) {
			continue
		}
		c := x.coordinated(p, in[:k+1])
		if c.start < m.start && x.afterPreposition(p, c.start) {
			// "in Iraq and Libya": the first of the list is an object, so the list is.
			k -= len(c.joint) - 1
			continue
		}
		return c
	}
	return nil
}

// ownOffice reports whether a person's possessive is followed, up to offset v, only by the
// people who speak for them in their name: "Hale's office", "her campaign", "Keane's press
// office". An adverb may follow ("his office later").
func (x *extractor) ownOffice(p int, m mention, v int) bool {
	if m.kind != mName && m.kind != mPronoun || m.kind == mName && (m.ent < 0 || !x.ents[m.ent].person) || m.kind == mPronoun && m.pronoun == "they" {
		return false
	}
	toks := x.possessed(p, m, v)
	if len(toks) == 0 {
		return false
	}
	if len(toks) > 1 && strings.HasSuffix(toks[len(toks)-1].Text, "ly") {
		toks = toks[:len(toks)-1]
	}
	return officeNoun(toks[len(toks)-1].Text) && (len(toks) == 1 || len(toks) == 2 && strings.EqualFold(toks[0].Text, "press"))
}

// possessed returns the one to three words a possessive mention owns up to offset end ("Hale's
// press office" gives "press office"), or nil.
func (x *extractor) possessed(p int, m mention, end int) []registry.Token {
	toks := tokensIn(x.toks[p], m.end, end)
	if len(toks) > 0 && (toks[0].Text == "s" || toks[0].Text == "'s" || toks[0].Text == "’s") {
		toks = toks[1:]
	}
	if len(toks) == 0 || len(toks) > 3 {
		return nil
	}
	return toks
}

// ownDocument reports whether a possessive name is followed, up to offset v, by a document of
// theirs in a few words and, at most, an appositive about it between commas: "Hale's letter",
// "the department's inspection report, obtained by the Ledger,".
func (x *extractor) ownDocument(p int, m mention, v int) bool {
	s := x.paras[p].Text
	end := v
	if c := strings.IndexByte(s[m.end:v], ','); c >= 0 {
		if !strings.HasSuffix(strings.TrimRight(s[:v], " "), ",") || strings.ContainsAny(s[m.end+c+1:v], "\"“”;:") {
			return false
		}
		end = m.end + c
	}
	toks := x.possessed(p, m, end)
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		if !isLowerWord(t.Text) {
			return false
		}
	}
	return x.reg.IsDocumentNoun(strings.ToLower(toks[len(toks)-1].Text))
}

// officeNoun reports whether a noun names those who speak in a person's name: "office",
// "campaign", "staff", "spokeswoman".
func officeNoun(w string) bool {
	n := strings.ToLower(w)
	return n == "office" || n == "campaign" || n == "staff" || strings.HasPrefix(n, "spokes")
}

// dashAside returns the person named just before a quotation set between dashes, or nil.
func (x *extractor) dashAside(sp span) *mention {
	p := sp.Start.Para
	s := x.paras[p].Text
	b := strings.TrimRight(s[:sp.open], " ")
	after := strings.TrimLeft(x.paras[sp.End.Para].Text[sp.closeEnd:], " ")
	for _, dash := range []string{"--", "—", "–"} {
		nb, ok := strings.CutSuffix(b, dash)
		if !ok {
			continue
		}
		if !strings.HasPrefix(after, dash) {
			return nil
		}
		end := len(strings.TrimRight(nb, " "))
		ms := x.mentionsBetween(p, max(0, end-120), end)
		if len(ms) == 0 {
			return nil
		}
		if m := ms[len(ms)-1]; m.end == end && m.kind == mName && m.ent >= 0 && x.ents[m.ent].person && !m.possessive {
			return &m
		}
		return nil
	}
	return nil
}

// opensWith reports whether the words before a clause's subject leave it the subject: nothing,
// or "As" ("As Paul Dorsey, a tax lawyer, put it").
func opensWith(before string) bool {
	b := strings.TrimSpace(before)
	return b == "" || b == "As" || b == "as"
}

// unnamedBefore reports whether the last one the text gave a definite description's noun before
// it, in its paragraph or the two before, is a person it did not name: an indefinite
// description with that noun ("One Border Patrol agent", "a senior official") and no name in
// apposition, after any person named with it.
func (x *extractor) unnamedBefore(p int, m mention) bool {
	if m.head == "" {
		return false
	}
	for q := p; q >= 0 && q >= p-2; q-- {
		ms := x.ments[q]
		for k := len(ms) - 1; k >= 0; k-- {
			o := ms[k]
			if q == p && o.start >= m.start {
				continue
			}
			switch {
			case o.kind == mName && o.ent >= 0 && x.ents[o.ent].person && slices.Contains(x.ents[o.ent].nouns, m.head):
				return false
			case o.kind == mDescription && o.head == m.head && !o.definite && o.ownerEnd < 0:
				next := k + 1
				named := next < len(ms) && ms[next].kind == mName && ms[next].start <= o.end+2
				return !named
			}
		}
	}
	return false
}

// verbAfterComma reports whether a verb of speech is the first word from off, an adverb aside:
// "…, director of the Tax Center, said", "…, a professor, later wrote".
func (x *extractor) verbAfterComma(p, off, hi int) bool {
	toks := tokensIn(x.toks[p], off, hi)
	if len(toks) > 1 && isAdverb(toks[0].Text) {
		toks = toks[1:]
	}
	return len(toks) > 0 && x.reg.IsSpeechVerb(strings.ToLower(toks[0].Text))
}

// namedInLede returns the person a news article's lede describes without a name and its next
// paragraph names with the description's noun: "A Texas sheriff told a House subcommittee that
// his deputies are “overwhelmed”" then "Sheriff Ramiro Quintanilla, who has run …"; "A lawyer
// for Black voters told …" then "Adaora Nwachukwu, the lead lawyer for the plaintiffs, said".
// Only in the article's first paragraph, only the next paragraph's first person, and only
// when no one else in the lede has that noun; else -1.
func (x *extractor) namedInLede(p int, m mention) int {
	if p != x.firstTextPara() || m.head == "" || p+1 >= len(x.ments) {
		return -1
	}
	for _, o := range x.ments[p] {
		if o.kind == mName && o.ent >= 0 && slices.Contains(x.ents[o.ent].nouns, m.head) {
			return -1
		}
	}
	for _, o := range x.ments[p+1] {
		if o.kind != mName || o.ent < 0 || !x.ents[o.ent].person {
			continue
		}
		if slices.Contains(x.ents[o.ent].nouns, m.head) && (m.gender == "" || x.ents[o.ent].gender == "" || x.ents[o.ent].gender == m.gender) {
			return o.ent
		}
		return -1 // the first person the paragraph names is someone else
	}
	return -1
}

// firstTextPara returns the index of the first paragraph that is not a heading, found once: a
// document of headings only would otherwise be read again for each description in it.
func (x *extractor) firstTextPara() int {
	if x.firstText < 0 {
		x.firstText = 0
		for p := range x.paras {
			if !x.headline(p) {
				x.firstText = p
				break
			}
		}
	}
	return x.firstText
}

// anonymousSubject reports whether the clause before a verb, from lo to v, is about someone who
// spoke on condition of anonymity and whom it does not open by naming.
func (x *extractor) anonymousSubject(p, lo, v int) bool {
	s := x.paras[p].Text
	if !strings.Contains(s[lo:v], "condition of anonymity") && !strings.Contains(s[lo:v], "condition of not being named") {
		return false
	}
	ms := x.mentionsBetween(p, lo, v)
	return len(ms) == 0 || ms[0].kind != mName || strings.Contains(s[lo:ms[0].start], "who")
}

// openingConjunction reports whether the words before a sentence's subject are only one to
// three conjunctions or sentence adverbs, words that never name anyone (`not_names`): "But",
// "Yet", "Still,", "Privately, though,".
func (x *extractor) openingConjunction(before string) bool {
	words := strings.Fields(before)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if !x.reg.IsNotName(strings.TrimSuffix(w, ",")) {
			return false
		}
	}
	return true
}

// closedAppositive returns an appositive without the comma that closes it and the adverb after
// that comma: "a tax lawyer at the Urban Institute, recently " is "a tax lawyer at the Urban
// Institute".
func closedAppositive(s string) string {
	i := strings.LastIndexByte(s, ',')
	if i < 0 {
		return s
	}
	rest := strings.TrimSpace(s[i+1:])
	if rest == "" || !strings.Contains(rest, " ") && strings.HasSuffix(rest, "ly") {
		return s[:i]
	}
	return s
}

// titleLike reports whether a capitalised name is what someone is rather than who: its last
// word a noun for a person and no person's name in it ("Take It Down Act Advocate, Francesca
// Mani, said").
func (x *extractor) titleLike(m mention) bool {
	if m.kind != mName || len(m.words) < 2 || m.ent >= 0 && x.ents[m.ent].person {
		return false
	}
	_, noun := x.reg.PersonNoun(m.words[len(m.words)-1])
	return noun
}

// introducesNext reports whether the text after a verb of speech opens a quotation at once:
// "said, “…", "said: “…".
func introducesNext(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, ":") {
		return false
	}
	rest = strings.TrimLeft(rest[1:], " ")
	return strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "\"")
}

// passiveListener reports whether a verb of speech in the passive makes its subject the one
// spoken to ("was told", "were asked", "was warned"); not "was quoted", whose subject speaks.
func passiveListener(aux, verb string) bool {
	switch strings.ToLower(aux) {
	case "was", "were", "is", "are", "been", "being", "be", "get", "got":
	default:
		return false
	}
	switch verb {
	case "told", "asked", "informed", "warned", "advised", "reminded", "assured", "instructed", "urged", "questioned", "pressed":
		return true
	}
	return false
}

// passiveAgent returns who spoke to the subject of a passive verb of speech, the agent after
// "by" ("was told by Dorsey"), or no one.
func (x *extractor) passiveAgent(p, from, hi int) []Speaker {
	s := x.paras[p].Text
	toks := tokensIn(x.toks[p], from, hi)
	if len(toks) < 2 || !strings.EqualFold(toks[0].Text, "by") {
		return nil
	}
	if m := x.firstMentionAfter(p, toks[0].End, hi); m != nil && !m.possessive && x.adjacent(s, toks[0].End, x.leadStart(p, *m)) {
		return x.resolve(p, *m)
	}
	return nil
}

// opensClause reports whether the words after a verb of speech open a clause of their own
// ("… said he would", "… said that"), the words it reports.
func opensClause(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	// "said in a statement that …", "said on Tuesday that …": a short phrase before the clause.
	if words := strings.Fields(rest); len(words) > 2 && prepositions[strings.ToLower(words[0])] {
		for k, w := range words[1:min(len(words), 5)] {
			if strings.ContainsAny(w, ",.;:!?“”\"") {
				break
			}
			if w == "that" && k > 0 {
				return true
			}
		}
	}
	w, _, _ := strings.Cut(rest, " ")
	switch strings.ToLower(w) {
	case "he", "she", "they", "we", "i", "it", "that", "you":
		return true
	}
	return false
}

// opensNounClause reports whether the words after a verb open a clause whose subject is a
// noun with its determiner: "said the early figures meant little". A verb's object alone ("told
// the crowd.") does not: a verb must follow the noun within a few words.
func opensNounClause(rest string) bool {
	words := strings.Fields(rest)
	if len(words) >= 3 && nameCase(words[0]) && !strings.ContainsAny(words[0], ",.;:!?") {
		// "He said Kenya was “ready …”", "she said North Korea would": a name, then its verb.
		for _, w := range words[1:3] {
			if clauseVerbs[strings.ToLower(w)] {
				return true
			}
			if !nameCase(w) || strings.ContainsAny(w, ",.;:!?") {
				break
			}
		}
		return false
	}
	if len(words) < 3 || !determiners[strings.ToLower(words[0])] || words[0] == "that" {
		return false
	}
	for _, w := range words[1:min(len(words), 5)] {
		if strings.ContainsAny(w, ",.;:!?") {
			return false
		}
		if clauseVerbs[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// clauseVerbs are the verbs and auxiliaries that show a clause after a verb of speech: "the
// figures meant", "the plan would".
var clauseVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "will": true, "would": true, "could": true, "should": true,
	"had": true, "has": true, "have": true, "did": true, "does": true, "meant": true, "means": true, "might": true,
	"may": true, "must": true, "can": true,
}

// endsSentence reports whether a quotation whose text runs to the end of s, closing marks
// included, ends with a full stop, a question or an exclamation mark.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ”\"’'")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// takesObject reports whether a word after a verb is its object, or opens one: "thanked her",
// "praised the plan", "welcomed his decision".
func takesObject(w string) bool {
	switch strings.ToLower(w) {
	case "him", "her", "them", "us", "me", "his", "their", "its", "our", "my", "your", "the", "a", "an", "this", "these", "those":
		return true
	}
	return false
}

// determiners make the word after them a noun: "my answer", "the statement", "a reply".
var determiners = map[string]bool{"my": true, "his": true, "her": true, "its": true, "our": true, "their": true, "your": true, "the": true, "a": true, "an": true, "this": true, "that": true}

// firstPersonBefore reports whether the subject of the verb at v is "I" or "we" outside
// quotation marks: "I laughed and said", "we told them".
func (x *extractor) firstPersonBefore(p, lo, v int) bool {
	s := x.paras[p].Text
	toks := tokensIn(x.toks[p], max(lo, v-48), v)
	for k := len(toks) - 1; k >= 0 && k >= len(toks)-4; k-- {
		if strings.ContainsAny(s[toks[k].End:v], ",;:.!?\"“”") || x.quoted(p, toks[k].Start) || x.inMention(p, toks[k].Start) {
			return false
		}
		if w := toks[k].Text; w == "I" || w == "we" || w == "We" {
			return true
		}
	}
	return false
}

// countFrom returns how many of the mentions ms, in order, start at or after off.
func countFrom(ms []mention, off int) int {
	return len(ms) - sort.Search(len(ms), func(i int) bool { return ms[i].start >= off })
}

// opener reports whether a mention is only a capitalised word that opens its sentence, which the
// text never shows to be anyone: "Any product described … as “domestic status”".
func (x *extractor) opener(p int, m mention) bool {
	if m.kind != mName || len(m.words) != 1 || m.honorific != "" || len(m.nouns) > 0 {
		return false
	}
	// The first word of its sentence, after a list's number at most: "(9)  Any product".
	if !m.initial && hasLetter(x.paras[p].Text[x.sentenceStart(p, m.start):m.start]) {
		return false
	}
	if m.ent < 0 {
		return len(m.actors) == 0
	}
	en := &x.ents[m.ent]
	return !en.person && !en.org && en.actor < 0 && len(m.actors) == 0
}

// clauseSubject returns the subject of the sentence's main clause, for a participle of speech
// after a comma ("Trump attacked Clinton …, saying, “…”"): the first name or pronoun of the
// sentence that is its clause's subject.
func (x *extractor) clauseSubject(p, lo, v int) *mention {
	ms := x.mentionsBetween(p, lo, v)
	// "At a rally in Council Bluffs, Iowa, on Monday, he called …": places the clause opens
	// with, after a preposition and in apposition to one another, are not its subject.
	k := 0
	for k < len(ms) && x.openingPlace(p, ms, k) {
		k++
	}
	if k < len(ms) && (ms[k].kind == mPronoun || x.subjectLike(p, ms[k]) && ms[k].kind != mGroup) {
		return x.firstMentionAfter(p, ms[k].start, v) // with the names listed after it
	}
	return nil
}

// openingPlace reports whether name ms[k] is the object of a preposition, or in apposition to
// one ("in Council Bluffs, Iowa,").
func (x *extractor) openingPlace(p int, ms []mention, k int) bool {
	m := ms[k]
	if m.kind != mName || m.possessive {
		return false
	}
	if x.afterPreposition(p, m.start) {
		return true
	}
	return k > 0 && ms[k-1].end+2 == m.start && x.paras[p].Text[ms[k-1].end:m.start] == ", " && x.afterPreposition(p, ms[k-1].start)
}

// afterPreposition reports whether the mention at off is the object of a preposition: "of",
// "with the", "to its".
func (x *extractor) afterPreposition(p, off int) bool {
	s := x.paras[p].Text
	toks := tokensIn(x.toks[p], max(0, off-80), off)
	end := off
	for k, n := len(toks)-1, 0; k >= 0 && n < 6; k, n = k-1, n+1 {
		// Only words of the same phrase: a comma or a quotation mark ends the look, and so does
		// a sentence's end ("agreed with her. Rep. Harlan Betancourt"), not an abbreviation's
		// period ("U.N. secretary general").
		if gap := s[toks[k].End:end]; strings.ContainsAny(gap, ",;:\"“”()") || strings.HasPrefix(gap, ". ") && !isUpper(toks[k].Text) && utf8.RuneCountInString(toks[k].Text) > 2 {
			return false
		}
		end = toks[k].Start
		w := strings.ToLower(toks[k].Text)
		if prepositions[w] {
			return true
		}
		// Articles, and the words of a title written before a name in lower case: "by former
		// U.N. secretary general Kofi Annan".
		if w != "the" && w != "its" && w != "their" && w != "his" && w != "her" && w != "a" && w != "an" && w != "former" && w != "global" &&
			!x.reg.IsTitleWord(w) && !isUpper(toks[k].Text) {
			return false
		}
	}
	return false
}

// coordinated returns the last mention of ms joined with those before it by "and" or commas:
// "The United States, Canada and the United Kingdom".
func (x *extractor) coordinated(p int, ms []mention) *mention {
	if len(ms) == 0 {
		return &mention{ent: -1, kind: mGroup}
	}
	m := ms[len(ms)-1]
	if m.kind != mName && m.kind != mRole {
		return &m
	}
	joint := m
	joint.joint = [][]Speaker{x.resolve(p, m)}
	for k := len(ms) - 2; k >= 0; k-- {
		d := ms[k]
		if d.kind != mName && d.kind != mRole {
			break
		}
		gap, ok := x.gap(p, d.end, joint.start)
		gap = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(gap, " the"), "the"))
		if !ok || (gap != "and" && gap != "," && gap != ", and" && gap != "&") {
			break
		}
		if gap == "," && len(joint.joint) == 1 {
			break // a list ends with "and": "the Summit for Democracy, President Biden urged" is none
		}
		joint.joint = append([][]Speaker{x.resolve(p, d)}, joint.joint...)
		joint.start = d.start
	}
	if len(joint.joint) == 1 {
		joint.joint = nil
	}
	return &joint
}

// gap returns the trimmed text between two mentions of paragraph p; not ok when they overlap.
func (x *extractor) gap(p, end, start int) (string, bool) {
	if start < end {
		return "", false
	}
	return strings.TrimSpace(x.paras[p].Text[end:start]), true
}

// firstMentionAfter returns the first mention that starts in [lo, hi) of paragraph p, with the
// names coordinated after it ("said Blinken and Austin").
// leadStart returns where mention m begins with the names that modify it: "U.S." of "U.S.
// Secretary of Energy Chris Wright", "MSNBC" of "MSNBC host Chris Matthews".
func (x *extractor) leadStart(p int, m mention) int {
	ms := x.ments[p]
	start := m.start
	for i := sort.Search(len(ms), func(i int) bool { return ms[i].start >= m.start }) - 1; i >= 0 && ms[i].modifies && ms[i].end <= start && start-ms[i].end <= 24; i-- {
		start = ms[i].start
	}
	return start
}

func (x *extractor) firstMentionAfter(p, lo, hi int) *mention {
	ms := x.ments[p]
	i := sort.Search(len(ms), func(i int) bool { return ms[i].start >= lo })
	// "said MSNBC host Chris Matthews": the outlet describes the person after it.
	for i+1 < len(ms) && ms[i].modifies && ms[i+1].start < hi {
		i++
	}
	if i == len(ms) || ms[i].start >= hi || ms[i].end > hi {
		return nil // none, or a name that runs past hi: 'said Dolores "Dee" Kaminski' read up to "Dee"
	}
	// "said the Association's Senior Vice President for Government Relations Louis Finkel": the
	// person's name closes their description.
	if ms[i].kind == mDescription {
		for k := i + 1; k < len(ms) && ms[k].start < hi && ms[k].start-ms[i].end < 48; k++ {
			if ms[k].start < ms[i].end {
				continue // a mention inside the description
			}
			if strings.ContainsAny(x.paras[p].Text[ms[i].end:ms[k].start], ",;:.()\"“”") {
				break
			}
			if ms[k].kind == mName && ms[k].ent >= 0 && x.ents[ms[k].ent].person {
				i = k
				break
			}
		}
	}
	// A list of names ends with "and": "said Blinken, Austin and Sullivan"; a comma alone
	// opens an appositive ("said David Wasserman, House editor …").
	j, and := i+1, i+1
	for j < len(ms) && ms[j].start < hi {
		gap, ok := x.gap(p, ms[j-1].end, ms[j].start)
		if !ok || (gap != "and" && gap != "," && gap != ", and" && gap != "&") || ms[j].kind != mName && ms[j].kind != mRole {
			break
		}
		if gap == "," && ms[j].kind == mRole && ms[j-1].kind == mName {
			break // "said Tom Mangan, President and CEO of …": what the person is, not another speaker
		}
		j++
		if gap != "," {
			and = j
		}
	}
	if and-i == 1 {
		m := ms[i]
		return &m
	}
	return x.coordinated(p, ms[i:and])
}

// nameClosingTitles returns the person named at the end of a sentence that, from lo, holds
// only titles and the names of organisations before the name and its comma; nil when there is
// none.
func (x *extractor) nameClosingTitles(p, lo, hi int) *mention {
	s := x.paras[p].Text
	end := x.sentenceEnd(p, lo)
	if end-lo > 240 || x.quoted(p, end-1) {
		return nil
	}
	ms := x.mentionsBetween(p, lo, end)
	if len(ms) == 0 {
		return nil
	}
	if first := ms[0]; first.kind == mName && len(first.words) > 1 && x.isGivenName(first.words[0]) || first.kind == mPronoun {
		return nil // a name first is the speaker: "said Jane Doe, Chief Executive, Acme Corp."
	}
	last := ms[len(ms)-1]
	if last.end > end || last.start < lo || last.kind != mName || last.ent < 0 || !x.ents[last.ent].person || x.ents[last.ent].single || strings.Trim(s[last.end:end], " .") != "" {
		return nil
	}
	// The name follows a comma ("…, Neil L. Bradley"), or opens with a given name right after
	// the titles ("Ambassador to the United Nations Linda Thomas-Greenfield").
	if !strings.HasSuffix(strings.TrimRight(s[lo:last.start], " "), ",") && !(len(last.words) > 1 && x.isGivenName(last.words[0])) {
		return nil
	}
	for _, m := range ms[:len(ms)-1] {
		if m.kind == mPronoun || m.kind == mName && len(m.words) > 1 && x.isGivenName(m.words[0]) {
			return nil // another person: "said Rep. John Smith, Jane Doe"; not "Chief Policy Officer"
		}
	}
	toks := tokensIn(x.toks[p], lo, last.start)
	if len(toks) < 2 || len(toks) > 24 {
		return nil
	}
	for _, t := range toks {
		if !nameCase(t.Text) && !isUpper(t.Text) && t.Text != "and" && t.Text != "of" && t.Text != "for" && t.Text != "to" && t.Text != "the" && t.Text != "S" {
			return nil
		}
	}
	if strings.ContainsAny(s[lo:last.start], "\"“”;:()") {
		return nil
	}
	return &last
}

// resolve turns a mention into speakers: a name is its entity, a pronoun or a description
// points back to who spoke or was named last; an indefinite description speaks for the
// organisation named with it, or for nobody the text names.
func (x *extractor) resolve(p int, m mention) []Speaker {
	x.via = [...]string{"name", "role", "pronoun", "description", "group"}[m.kind]
	if len(m.joint) > 0 {
		x.via = "joint"
	}
	if len(m.joint) > 0 {
		var out []Speaker
		for _, j := range m.joint {
			if len(j) == 0 {
				return nil // one of several speakers unknown: the quote's speakers are not known
			}
			out = append(out, j...)
		}
		return out
	}
	switch m.kind {
	case mName:
		if org, ok := x.organisationNamedFor(p, m); ok {
			return org
		}
		if m.ent < 0 {
			return nil
		}
		return x.speakersOf(m.ent)
	case mRole:
		if m.ent >= 0 {
			return x.speakersOf(m.ent)
		}
		if len(m.actors) == 1 {
			return []Speaker{x.registered(m.actors[0])}
		}
	case mPronoun:
		if m.pronoun == "they" {
			if g := x.sentenceGroup(p, m.start); g != nil {
				return g
			}
			if g := x.jointSubject(); g != nil {
				return g
			}
			return x.lastGroup(p, false)
		}
		if e := x.sentencePerson(p, m.start, m.gender); e >= 0 {
			if x.ents[e].gender == "" {
				x.ents[e].gender = m.gender // "Ban Ki-moon condemned what he called"
			}
			return x.speakersOf(e)
		}
		if who := x.describedSubjectBefore(m.gender); who != nil {
			return who // "The chairwoman was not satisfied. “…?” she asked."
		}
		if e := x.lastPerson(m.gender); e >= 0 {
			if x.ents[e].gender == "" {
				x.ents[e].gender = m.gender // "Figueroa said … she added": Figueroa is a woman
			}
			return x.speakersOf(e)
		}
	case mDescription:
		return x.described(p, m)
	case mGroup:
		if g := x.jointSubject(); g != nil {
			return g // "Keane and Whitlock spoke. “…,” the two said."
		}
		if g := x.jointSubjectOf(x.sentenceBeforeOff(p, m.start)); g != nil {
			return g // "Keane and Whitlock met. The two said in a statement that “…”"
		}
		return x.lastGroup(p, true)
	}
	return nil
}

// organisationNamedFor returns the organisation a name and a noun after it stand for: "the
// Brant campaign said" is the Brant campaign's, not Brant's; "the Ortiz family", "the Obama
// administration" the same. A noun for a person after it ("the Brant campaign manager") makes
// it that person's description, whom the name does not name: no speaker.
func (x *extractor) organisationNamedFor(p int, m mention) ([]Speaker, bool) {
	text := x.paras[p].Text
	if m.possessive || m.org || !strings.HasSuffix(text[:m.start], "the ") && !strings.HasSuffix(text[:m.start], "The ") {
		return nil, false
	}
	if len(m.actors) > 0 && x.reg.ActorAt(m.actors[0]).Kind != registry.Person || m.ent >= 0 && (x.ents[m.ent].actor >= 0 && x.reg.ActorAt(x.ents[m.ent].actor).Kind != registry.Person || x.place[m.ent]) {
		return nil, false // "the South Carolina organization": a place's, which the sentence may not be about
	}
	toks := tokensIn(x.toks[p], m.end, min(len(text), m.end+40))
	if len(toks) == 0 || text[m.end:toks[0].Start] != " " || !isLowerWord(toks[0].Text) || !x.reg.IsOrganisationNoun(toks[0].Text) {
		return nil, false
	}
	if len(toks) > 1 && text[toks[0].End:toks[1].Start] == " " && isLowerWord(toks[1].Text) {
		if _, noun := x.reg.PersonNoun(toks[1].Text); noun || x.isTitleNoun(toks[1].Text) || x.reg.IsOrganisationNoun(toks[1].Text) {
			return nil, true
		}
	}
	name := displayName(text[m.coreStart:m.coreEnd] + " " + toks[0].Text)
	return []Speaker{{Actor: -1, Name: name, Kind: registry.Organisation}}, true
}

// described resolves a description: "the senator" is the person last named with that noun
// ("Sen. Ben Sasse", "Ben Sasse, a senator"); "a Treasury spokeswoman" speaks for the
// organisation named in it or just after it ("a spokesman for the Clinton campaign"); anything
// else is not known.
func (x *extractor) described(p int, m mention) []Speaker {
	if who := x.officerOf(p, m); who != nil {
		return who
	}
	// "Thorsby Paper's chief executive, Martin Achebe-Lund, said": the person named in
	// apposition right after the description.
	text := x.paras[p].Text
	if strings.HasPrefix(text[m.end:], ", ") {
		// (only the first mention after the comma)
		if ns := x.mentionsBetween(p, m.end, min(len(text), m.end+80)); len(ns) > 0 {
			if n := ns[0]; n.kind == mName && n.start == m.end+2 && n.ent >= 0 && x.ents[n.ent].person && !n.possessive && strings.HasPrefix(text[n.end:], ",") {
				return x.speakersOf(n.ent)
			}
		}
	}
	if m.ownerEnd >= 0 && !x.ownedByPerson(p, m) || !m.definite && m.ownerEnd < 0 {
		for _, o := range x.hiddenIn(p, m) {
			// "a Whitcomb campaign spokeswoman": the campaign, not Whitcomb.
			if o.kind == mName && !o.org && !o.possessive && speaksForOthers(m.head) {
				text := x.paras[p].Text
				if toks := tokensIn(x.toks[p], o.end, m.end); len(toks) >= 2 && text[o.end:toks[0].Start] == " " && isLowerWord(toks[0].Text) && x.reg.IsOrganisationNoun(toks[0].Text) {
					return []Speaker{{Actor: -1, Name: displayName(text[o.coreStart:o.coreEnd] + " " + toks[0].Text), Kind: registry.Organisation}}
				}
			}
			// "a Treasury Department spokeswoman": the organisation inside the description (not
			// "one GOP consultant", who speaks for themself).
			if o.kind == mName && o.org && len(o.actors) == 1 && speaksForOthers(m.head) {
				return []Speaker{x.registered(o.actors[0])}
			}
			if o.kind == mName && isArticle(x.paras[p].Text[o.coreStart:o.coreEnd]) {
				continue // "An" of "An FDA spokeswoman" opening a sentence
			}
			if o.kind == mName && (o.org && speaksForOthers(m.head) || strings.HasPrefix(m.head, "spokes") && x.organisationLike(o)) {
				name := x.paras[p].Text[o.coreStart:o.coreEnd]
				for _, article := range []string{"A ", "An ", "The "} {
					name = strings.TrimPrefix(name, article) // "A Treasury spokeswoman" opening a sentence
				}
				if e := x.orgStartingWith(strings.ToLower(name)); e >= 0 {
					return x.speakersOf(e) // "a Halvern spokeswoman" after "Halvern Foods is recalling"
				}
				return []Speaker{{Actor: -1, Name: displayName(name), Kind: registry.Organisation}}
			}
		}
		for _, o := range x.mentionsBetween(p, m.end, min(len(x.paras[p].Text), m.end+40)) {
			// "a spokesman for the Clinton campaign"; not "a tax lawyer at the Urban Institute",
			// who speaks for themself.
			if !speaksForOthers(m.head) {
				break
			}
			if o.kind == mName && o.ent >= 0 && x.ents[o.ent].org && !x.ents[o.ent].person && x.afterPreposition(p, o.start) {
				return x.speakersOf(o.ent)
			}
		}
		if e := x.namedInLede(p, m); e >= 0 {
			return x.speakersOf(e)
		}
		return nil
	}
	// The person the text described in these words ("Sofia Brandt, the foreign minister"), else
	// the last one it gave the noun.
	if phrase := descPhrase(x.paras[p].Text[m.start:m.end]); m.ownerEnd < 0 && strings.Contains(phrase, " ") {
		for i := len(x.heard) - 1; i >= 0 && i >= len(x.heard)-maxHeard; i-- {
			if h := x.heard[i]; h.ent >= 0 && h.person && slices.Contains(x.ents[h.ent].descs, phrase) {
				return x.speakersOf(h.ent)
			}
		}
	}
	if x.unnamedBefore(p, m) {
		// "One Border Patrol agent, who spoke on condition of anonymity, said … “…,” the
		// agent said.": the last one the text called so is someone it does not name.
		return nil
	}
	for i := len(x.heard) - 1; i >= 0 && i >= len(x.heard)-maxHeard; i-- {
		h := x.heard[i]
		if h.ent < 0 || !h.person {
			continue
		}
		en := &x.ents[h.ent]
		if slices.Contains(en.nouns, m.head) && (m.gender == "" || en.gender == "" || en.gender == m.gender) {
			return x.speakersOf(h.ent)
		}
	}
	if x.ownedByPronoun(p, m) {
		return nil // "his lawyer said": someone the text has not named, never the one "his" is
	}
	// A description the text gave no one ("the New York businessman said", "Obama's former
	// strategist said") is, by the habit of news writing, the one person the sentence before is
	// about, when its gender fits; never the owner of "Obama's".
	var owner []string
	if o, ok := x.owner(p, m); ok {
		owner = o.words
	}
	level := func(e int) int {
		g := x.ents[e].gender
		switch {
		case len(owner) > 0 && slices.Contains(x.ents[e].words, owner[len(owner)-1]):
			return 0
		case m.gender == "" || g == m.gender:
			return 2
		case g == "":
			return 1
		}
		return 0
	}
	// "She said …, and when pressed, the 34-year-old mother of three replied, “…”": the person
	// the description's own sentence opens with, when the gender fits.
	if q := x.current; p == q.Start.Para && m.start < q.open && len(owner) == 0 {
		if ms := x.mentionsBetween(p, x.sentenceStart(p, m.start), m.start); len(ms) > 0 {
			f := ms[0]
			if f.kind == mPronoun && f.pronoun != "they" && m.gender != "" && f.gender == m.gender && x.subjectLike(p, f) {
				return x.resolve(p, f)
			}
			if f.kind == mName && f.ent >= 0 && x.ents[f.ent].person && x.subjectLike(p, f) && level(f.ent) == 2 && m.gender != "" {
				return x.speakersOf(f.ent)
			}
		}
	}
	before := x.sentenceBefore()
	if len(owner) > 0 && x.personWordIn(before, owner[len(owner)-1]) {
		// "Ibsen faces Thackeray. “…,” Thackeray's campaign manager said": someone besides the
		// two the sentence is about.
		return nil
	}
	if q := x.current; before.p < 0 && p == q.Start.Para && m.start < q.open && strings.TrimSpace(x.paras[p].Text[x.sentenceStart(p, m.start):m.start]) == "" {
		// "The Republican nominee told the crowd: “…”": the sentence before the description's.
		before = x.sentenceBeforeOff(p, m.start)
	}
	for _, lv := range []int{2, 1} {
		if e := x.onlyPersonIn(before, lv, level); e >= 0 {
			return x.speakersOf(e)
		}
	}
	return nil
}

// officerOf returns the organisation that a description of its unnamed officer names just after
// it: "The president of the Aluminum Association said", "the chairman of the Steel Council".
// A state's officer is a person the text or the registry must name ("the president of France").
func (x *extractor) officerOf(p int, m mention) []Speaker {
	if !leads(m.head) && !speaksForOthers(m.head) {
		return nil
	}
	s := x.paras[p].Text
	ms := x.mentionsBetween(p, m.end, min(len(s), m.end+60))
	if len(ms) == 0 {
		return nil
	}
	o := ms[0] // the first name after the description, and only "of" or "at" before it
	if gap := strings.TrimSpace(s[m.end:o.start]); gap != "of" && gap != "of the" && gap != "at" && gap != "at the" {
		return nil
	}
	if o.kind != mName || o.ent < 0 || !x.ents[o.ent].org || x.ents[o.ent].person || o.possessive {
		return nil
	}
	if a := x.ents[o.ent].actor; a >= 0 && x.reg.ActorAt(a).Kind != registry.Organisation {
		return nil
	}
	return x.speakersOf(o.ent)
}

// leads reports whether a person's noun is for the one who leads an organisation.
func leads(head string) bool {
	switch head {
	case "president", "chairman", "chairwoman", "chair", "chairperson", "director", "head", "leader", "chief", "founder", "ceo":
		return true
	}
	return false
}

// owner returns the name that owns a description ("Obama" of "Obama's former strategist"), a
// mention the description hides.
func (x *extractor) owner(p int, d mention) (mention, bool) {
	for _, o := range x.hiddenIn(p, d) {
		if o.kind == mName && o.end <= d.ownerEnd {
			return o, true
		}
	}
	return mention{}, false
}

// ownedByPerson reports whether a description starts with a person's name ("Obama's former
// strategist"): another person, not someone speaking for an organisation.
func (x *extractor) ownedByPerson(p int, d mention) bool {
	if x.ownedByPronoun(p, d) {
		return true // "her husband": someone's kin or colleague, a person
	}
	o, ok := x.owner(p, d)
	return ok && !o.org
}

// ownedByPronoun reports whether a description opens with a person's possessive pronoun: "her
// husband", "his lawyer".
func (x *extractor) ownedByPronoun(p int, d mention) bool {
	if d.ownerEnd <= d.start {
		return false
	}
	switch strings.ToLower(x.paras[p].Text[d.start:d.ownerEnd]) {
	case "his", "her", "their", "my", "our", "your":
		return true
	}
	return false
}

// hiddenIn returns the names inside a description ("a Treasury Department spokeswoman").
// speaksForOthers reports whether a person's noun is for one who speaks for an organisation.
func speaksForOthers(head string) bool {
	return strings.HasPrefix(head, "spokes") || head == "representative" || head == "official" || head == "officer" || head == "aide"
}

// organisationLike reports whether a capitalised name inside a description of a spokesperson
// can only be what they speak for ("a Pentagon spokesman"): no person's name of the text, no
// given name, no registered person's surname.
func (x *extractor) organisationLike(o mention) bool {
	if o.person || o.possessive || o.ent >= 0 && x.ents[o.ent].person || len(o.words) == 0 {
		return false
	}
	if _, given := x.reg.GivenName(o.words[0]); given {
		return false
	}
	return len(x.reg.ActorsBySurname(o.words[len(o.words)-1])) == 0
}

func (x *extractor) hiddenIn(p int, d mention) []mention {
	var out []mention
	for _, m := range x.hidden[p] {
		if m.start >= d.start && m.end <= d.end {
			out = append(out, m)
		}
	}
	return out
}

// lastPerson returns the entity "he" or "she" points back to. A person of that gender named in
// the sentence just before the quotation, when there is one such person, is it ("… concerns
// Henry Crespo, president of …. “…,” he said"). Else the people last heard are read from the
// most recent: the main subject of a sentence or a quotation's speaker first, then any subject,
// then anyone; at each step a person whose gender the text told before one whose gender is not
// known. It returns -1 when there is none.
func (x *extractor) lastPerson(gender string) int {
	level := func(e int) int { // 2: the gender is told and fits, 1: not told, 0: does not fit
		g := x.ents[e].gender
		switch {
		case gender == "" || g == gender:
			return 2
		case g == "":
			return 1
		}
		return 0
	}
	if x.unnamedSubject(gender) {
		return -1 // "A man in the crowd was less sure. “…,” he said": no one the text names
	}
	prev := x.sentenceBefore()
	if asker := x.askerOf(prev, gender); asker >= 0 {
		// "Ms. Bhattacharya asked her what she expected. “…,” she replied.": the one asked
		// answers, the last person heard of that gender but the asker.
		for _, lv := range []int{2, 1} {
			for i := len(x.heard) - 1; i >= 0 && i >= len(x.heard)-maxHeard; i-- {
				if h := x.heard[i]; h.ent >= 0 && h.ent != asker && h.person && level(h.ent) == lv {
					return h.ent
				}
			}
		}
		return -1
	}
	for _, lv := range []int{2, 1} {
		if e := x.onlyPersonIn(prev, lv, level); e >= 0 {
			return e
		}
	}
	if x.severalPeopleIn(prev, level) {
		return -1 // "Ibsen and Brandt both spoke. “…,” she said": either may be meant
	}
	if e := x.nameOpening(prev); e >= 0 {
		return e
	}
	// The main subject heard last, whose gender fits or is not known; the last quotation's
	// speaker counts when the text has not shown it to be a person or anything else ("“…,”
	// Crane said. … Brant, she added, “…”": Crane is a person), not any subject of a verb that
	// may be of speech ("Report on Manufactures—offered a vision").
	for i := len(x.heard) - 1; i >= 0 && i >= len(x.heard)-12; i-- {
		if h := x.heard[i]; h.ent >= 0 && (h.person || h.spoke && x.lastQuoteBy(h.ent) && x.unknownKind(h.ent)) && h.main && level(h.ent) >= 1 {
			return h.ent
		}
	}
	for _, lv := range []int{2, 1} {
		for _, subject := range []bool{true, false} {
			for i := len(x.heard) - 1; i >= 0 && i >= len(x.heard)-maxHeard; i-- {
				h := x.heard[i]
				if h.ent >= 0 && h.person && (h.subject || !subject) && level(h.ent) == lv {
					return h.ent
				}
			}
		}
	}
	return -1
}

// askerOf returns the person a sentence says asked or pressed someone of the given gender, by
// a pronoun ("Ms. Bhattacharya asked her what she expected"), or -1.
func (x *extractor) askerOf(s struct{ p, lo, hi int }, gender string) int {
	object := map[string]string{"female": "her", "male": "him"}[gender]
	if s.p < 0 || object == "" {
		return -1
	}
	for _, m := range x.mentionsBetween(s.p, s.lo, s.hi) {
		if m.kind != mName && m.kind != mRole || m.ent < 0 || !x.ents[m.ent].person || m.possessive || !x.subjectLike(s.p, m) {
			continue
		}
		after := tokensIn(x.toks[s.p], m.end, s.hi)
		if len(after) >= 2 && askVerbs[strings.ToLower(after[0].Text)] && strings.EqualFold(after[1].Text, object) {
			return m.ent
		}
	}
	return -1
}

// askVerbs are the verbs whose object is the one who answers next.
var askVerbs = map[string]bool{"asked": true, "asks": true, "pressed": true, "presses": true, "questioned": true, "challenged": true, "quizzed": true}

// lastQuoteBy reports whether the last quotation attributed so far is entity e's alone.
func (x *extractor) lastQuoteBy(e int) bool {
	if len(x.out) == 0 {
		return false
	}
	sp := x.out[len(x.out)-1].Speakers
	return len(sp) == 1 && sp[0].Actor < 0 && sp[0].Name == x.ents[e].name
}

// unknownKind reports whether entity e is a name of one word that nothing shows to be a person,
// an organisation, a registered actor or a place.
func (x *extractor) unknownKind(e int) bool {
	en := &x.ents[e]
	return !en.person && !en.org && en.actor < 0 && len(en.words) == 1 && !x.place[e] && !x.isCommon(en.name)
}

// nameOpening returns the entity of a name that opens sentence s as its subject, when the text
// has not yet shown it to be a person and nothing shows it to be anything else: "Brant,
// speaking later in Ohio, disagreed. “…,” he said." A pronoun of a person that follows says
// what the name is. Not an organisation, a registered place or organisation, a place written
// after "in" or "at", nor a word the text writes in lower case too.
func (x *extractor) nameOpening(s struct{ p, lo, hi int }) int {
	if s.p < 0 || s.lo >= s.hi {
		return -1
	}
	ms := x.mentionsBetween(s.p, s.lo, s.hi)
	if len(ms) == 0 {
		return -1
	}
	m := ms[0]
	text := x.paras[s.p].Text
	if m.kind != mName || m.ent < 0 || m.possessive || strings.TrimLeft(text[s.lo:m.start], " “\"‘'") != "" {
		return -1
	}
	en := &x.ents[m.ent]
	if en.person || en.org || en.actor >= 0 || len(m.words) != 1 || x.isCommon(en.name) || x.place[m.ent] {
		return -1
	}
	// Its verb, or the commas of a clause before it: "Brant disagreed", "Brant, speaking …,"
	rest := text[m.end:s.hi]
	if !strings.HasPrefix(rest, ", ") && !strings.HasPrefix(rest, " ") {
		return -1
	}
	for _, o := range ms[1:] {
		if o.ent >= 0 && o.ent != m.ent && (x.ents[o.ent].person || o.kind == mPronoun) {
			return -1 // another person in the sentence may be meant
		}
	}
	return m.ent
}

// describedSubjectBefore returns the person a pronoun after a sentence points back to when that
// sentence opens with a definite description of a person the text named before, and names no
// one else: "The chairwoman was not satisfied. “…?” she asked." is the chairwoman named
// before.
func (x *extractor) describedSubjectBefore(gender string) []Speaker {
	r := x.sentenceBefore()
	if r.p < 0 || r.lo >= r.hi {
		return nil
	}
	ms := x.mentionsBetween(r.p, r.lo, r.hi)
	if len(ms) == 0 {
		return nil
	}
	m := ms[0]
	if m.kind != mDescription || !m.definite || m.ownerEnd >= 0 || strings.TrimSpace(x.paras[r.p].Text[r.lo:m.start]) != "" || m.gender != "" && gender != "" && m.gender != gender {
		return nil
	}
	for _, o := range ms[1:] {
		if o.kind == mName || o.kind == mPronoun && !o.possessive {
			return nil // "The chairwoman told Ms. Vuković …": another person in the sentence
		}
	}
	saved := x.via
	who := x.described(r.p, m)
	x.via = saved
	if len(who) != 1 || who[0].Kind != registry.Person {
		return nil
	}
	return who
}

// unnamedSubject reports whether the quotation being attributed follows a sentence about a
// person the text does not name: its subject a description that fits the pronoun's gender and
// that no name of the text is tied to ("A man in the crowd was less sure.", "The woman's
// enthusiasm is recorded in detail: “…,” she said"). The quotation's own words before its
// mark are read first, then the sentence before.
func (x *extractor) unnamedSubject(gender string) bool {
	q := x.current
	own := struct{ p, lo, hi int }{q.Start.Para, x.sentenceStart(q.Start.Para, q.open), q.open}
	for _, r := range []struct{ p, lo, hi int }{own, x.sentenceBefore()} {
		if r.p < 0 || r.lo >= r.hi {
			continue
		}
		ms := x.mentionsBetween(r.p, r.lo, r.hi)
		if len(ms) == 0 {
			continue
		}
		m := ms[0]
		if m.kind != mDescription || strings.TrimSpace(x.paras[r.p].Text[r.lo:m.start]) != "" {
			return false
		}
		if m.gender != "" && gender != "" && m.gender != gender || m.ownerEnd >= 0 {
			return false
		}
		saved := x.via
		who := x.described(r.p, m)
		x.via = saved
		return who == nil
	}
	return false
}

// sentenceBefore returns the sentence of narration just before the quotation being attributed,
// as a paragraph and a range of offsets; p is -1 when there is none (the quotation opens the
// text, or the sentence before quotes someone itself).
func (x *extractor) sentenceBefore() (r struct{ p, lo, hi int }) {
	q := x.current
	p, hi := q.Start.Para, q.open
	if strings.TrimSpace(x.paras[p].Text[x.sentenceStart(p, hi):hi]) != "" {
		r.p = -1
		return r // the quotation is inside a sentence: its own words say who
	}
	return x.sentenceBeforeOff(p, hi)
}

// sentenceBeforeOff returns the sentence of narration before the one holding offset off of
// paragraph p, as sentenceBefore does.
func (x *extractor) sentenceBeforeOff(p, off int) (r struct{ p, lo, hi int }) {
	r.p = -1
	hi := off
	lo := x.sentenceStart(p, hi)
	if lo == 0 {
		p--
		if p < 0 {
			return r
		}
		hi = len(x.paras[p].Text)
		lo = x.sentenceStart(p, max(0, hi-1))
	} else {
		hi = lo
		lo = x.sentenceStart(p, max(0, lo-1))
	}
	// The first quotation that ends after lo is the only one that may be in [lo, hi); a title
	// or a term in marks that was not taken for a quotation ("defended her record on “Meet
	// the Press.”") leaves the sentence one of narration.
	if k := x.spanFrom(p, lo); k < len(x.spanAt[p]) {
		if sp := x.spans[x.spanAt[p][k]]; sp.Start.Para < p || sp.open < hi && x.extractedFrom(Pos{p, lo}, Pos{p, hi}) {
			return r
		}
	}
	r.p, r.lo, r.hi = p, lo, hi
	return r
}

// extractedFrom reports whether a quotation already extracted starts in [from, to).
func (x *extractor) extractedFrom(from, to Pos) bool {
	for i := len(x.out) - 1; i >= 0; i-- {
		q := x.out[i].Start
		if q.Before(from) {
			return false
		}
		if q.Before(to) {
			return true
		}
	}
	return false
}

// onlyPersonIn returns the one person of the level named in a sentence, or -1 when none or
// several are.
func (x *extractor) onlyPersonIn(s struct{ p, lo, hi int }, lv int, level func(int) int) int {
	if s.p < 0 {
		return -1
	}
	found := -1
	text := x.paras[s.p].Text
	// A person the sentence introduces with an appositive ("Henry Crespo, president of …") is
	// who the quotation after it is by.
	introduced := -1
	for _, m := range x.mentionsBetween(s.p, s.lo, s.hi) {
		if m.ent >= 0 && !m.possessive && x.ents[m.ent].person && (m.kind == mName || m.kind == mRole) &&
			(strings.HasPrefix(text[m.end:], ", ") || strings.HasPrefix(text[m.end:], " — ") || strings.HasPrefix(text[m.end:], " – ")) && level(m.ent) == lv &&
			x.appositiveAfter(s.p, m.end) {
			if introduced >= 0 && introduced != m.ent {
				introduced = -1
				break
			}
			introduced = m.ent
		}
	}
	if introduced >= 0 {
		return introduced
	}
	for _, m := range x.mentionsBetween(s.p, s.lo, s.hi) {
		if m.ent < 0 || m.possessive || !x.ents[m.ent].person || m.kind != mName && m.kind != mRole {
			continue
		}
		// Only a person the sentence is about: its subject, or who it says speaks.
		if !x.subjectLike(s.p, m) && !x.spokenBefore(s.p, m) {
			continue
		}
		switch l := level(m.ent); {
		case l > lv:
			return -1 // a better fit is named too
		case l == lv && found >= 0 && found != m.ent:
			return -1
		case l == lv:
			found = m.ent
		}
	}
	return found
}

// personWordIn reports whether a person whose name holds the word w is named in a sentence.
func (x *extractor) personWordIn(s struct{ p, lo, hi int }, w string) bool {
	if s.p < 0 {
		return false
	}
	for _, m := range x.mentionsBetween(s.p, s.lo, s.hi) {
		if m.ent >= 0 && x.ents[m.ent].person && slices.Contains(x.ents[m.ent].words, w) {
			return true
		}
	}
	return false
}

// severalPeopleIn reports whether a sentence's subject is several people joined by "and" of
// whom more than one has a gender that fits (level 2).
func (x *extractor) severalPeopleIn(s struct{ p, lo, hi int }, level func(int) int) bool {
	if s.p < 0 {
		return false
	}
	ms := x.mentionsBetween(s.p, s.lo, s.hi)
	for k := 1; k < len(ms); k++ {
		a, b := ms[k-1], ms[k]
		if a.ent < 0 || b.ent < 0 || a.ent == b.ent || a.possessive || b.possessive || !x.ents[a.ent].person || !x.ents[b.ent].person || level(a.ent) < 2 || level(b.ent) < 2 {
			continue
		}
		if gap, ok := x.gap(s.p, a.end, b.start); ok && (gap == "and" || gap == ", and") && x.subjectLike(s.p, a) {
			return true
		}
	}
	return false
}

// appositiveAfter reports whether the words after the comma or dash at off of paragraph p open
// an appositive.
func (x *extractor) appositiveAfter(p, off int) bool {
	toks := tokensIn(x.toks[p], off, min(len(x.paras[p].Text), off+40))
	return len(toks) > 0 && x.opensAppositive(toks[0].Text)
}

// lastGroup returns what "they" or "the two secretaries" point back to in paragraph p: the
// most recent speaker that is several actors; or an organisation or country that spoke in this
// paragraph or the one before ("Human Rights Watch has alleged … They claim"). A plural pronoun
// prefers a plural antecedent, so an organisation heard two paragraphs ago gives way to a group.
func (x *extractor) lastGroup(p int, groupOnly bool) []Speaker {
	for i := len(x.heard) - 1; i >= 0 && i >= len(x.heard)-maxHeard; i-- {
		h := x.heard[i]
		if !h.spoke {
			continue
		}
		if len(h.joint) > 1 {
			return h.joint
		}
		if !groupOnly && h.ent >= 0 && !h.person && h.para >= p-1 {
			return x.speakersOf(h.ent)
		}
	}
	return nil
}

// jointSubject returns the actors the sentence before the quotation opens with, when they are
// several named together: "Rachel Ibsen and Linnea Brandt both spoke at the rally. “…,” they
// said."
func (x *extractor) jointSubject() []Speaker { return x.jointSubjectOf(x.sentenceBefore()) }

// jointSubjectOf returns the actors sentence r opens with, as jointSubject does.
func (x *extractor) jointSubjectOf(r struct{ p, lo, hi int }) []Speaker {
	if r.p < 0 {
		return nil
	}
	ms := x.mentionsBetween(r.p, r.lo, r.hi)
	if len(ms) < 2 || !x.subjectLike(r.p, ms[0]) || strings.TrimSpace(x.paras[r.p].Text[r.lo:x.leadStart(r.p, ms[0])]) != "" {
		return nil
	}
	var out []Speaker
	for k, m := range ms {
		if m.kind != mName && m.kind != mRole || m.ent < 0 || m.possessive {
			break
		}
		if k > 0 {
			gap, ok := x.gap(r.p, ms[k-1].end, m.start)
			if !ok || gap != "and" && gap != "," && gap != ", and" {
				break
			}
		}
		who := x.resolve(r.p, m)
		if len(who) == 0 {
			return nil
		}
		out = append(out, who...)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// sentenceGroup returns the actors named together earlier in the sentence before off, when
// there are several: "The United States, Canada and the United Kingdom joined the European Union
// to take what they described as …". Possessives ("China's") and objects of prepositions do not
// count.
func (x *extractor) sentenceGroup(p, off int) []Speaker {
	lo := x.sentenceStart(p, off)
	var out []Speaker
	for _, m := range x.mentionsBetween(p, lo, off) {
		if m.kind != mName && m.kind != mRole || m.ent < 0 || m.object || m.possessive {
			continue
		}
		if x.ents[m.ent].actor < 0 {
			continue
		}
		for _, sp := range x.speakersOf(m.ent) {
			if !slices.Contains(out, sp) {
				out = append(out, sp)
			}
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// sentencePerson returns the person of the gender named last in the sentence before off, as
// the subject of a clause: "the IAEA Director General … in which he expressed". It returns -1
// when there is none.
func (x *extractor) sentencePerson(p, off int, gender string) int {
	lo := x.sentenceStart(p, off)
	found := -1
	for _, m := range x.mentionsBetween(p, lo, off) {
		if (m.kind != mName && m.kind != mRole) || m.ent < 0 || m.possessive || m.object {
			continue
		}
		en := &x.ents[m.ent]
		if en.person && (gender == "" || en.gender == "" || en.gender == gender) && !x.modifier(p, m) {
			found = m.ent
		}
	}
	return found
}

// headlineSpeaker returns who a headline attributes its words to, by the convention of ending it
// with a colon and a name ("… ‘us and them’ with China: Blinken"), or of opening it with a name
// and a colon ("Pat Caddell: Democrat Voters Worried … It’s ‘in Their Heads’").
func (x *extractor) headlineSpeaker(p int, leading bool) []Speaker {
	s := strings.TrimRight(x.paras[p].Text, " .")
	ms := x.ments[p]
	if len(ms) == 0 {
		return nil
	}
	if !leading {
		m := ms[len(ms)-1]
		if m.end == len(s) && (m.kind == mName || m.kind == mRole) && strings.HasSuffix(strings.TrimRight(s[:m.start], " "), ":") {
			return x.resolve(p, m)
		}
		return nil
	}
	// A person's name and a colon open the headline; an organisation or a place there is the
	// headline's subject ("South China Sea: US will …").
	m := ms[0]
	if m.start == 0 && m.kind == mName && m.ent >= 0 && x.ents[m.ent].person && strings.HasPrefix(s[m.end:], ":") {
		return x.resolve(p, m)
	}
	return nil
}

// layoutSpeaker returns who a quotation standing alone in its paragraph is attributed to by the
// paragraphs around it: the line before ending in a colon and naming someone ("Statement from
// National Security Advisor Jake Sullivan:"), or the line after starting with a dash and a name
// (an epigraph's "— President Joe Biden").
func (x *extractor) layoutSpeaker(sp span) []Speaker {
	if p := sp.Start.Para - 1; p >= 0 && len(x.paras[p].Text) < 200 && x.headline(p) && !strings.HasSuffix(strings.TrimSpace(x.paras[p].Text), ":") {
		// "MustReadAlaska.com: Big Beautiful Icebreakers are Alaska wins, as Russia and China
		// …", then a passage of its article: the source the line names before its colon, never
		// a name of its headline.
		if who, ok := x.sourceLine(p); ok {
			return who
		}
	}
	if p := sp.Start.Para - 1; p >= 0 && len(x.paras[p].Text) < 200 && (strings.HasSuffix(strings.TrimSpace(x.paras[p].Text), ":") || x.headline(p)) {
		// The sentence that ends in the colon introduces the quotation, not the paragraph's
		// first: "Keane defended his budget. Senator Whitlock replied on Twitter:".
		lo := x.sentenceStart(p, len(strings.TrimRight(x.paras[p].Text, " :"))-1)
		if who := x.introduced(p, lo); who != nil {
			return who
		}
	}
	if p := sp.End.Para + 1; p < len(x.paras) {
		t := strings.TrimSpace(x.paras[p].Text)
		dash := strings.HasPrefix(t, "—") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "―")
		if len(t) < 120 {
			for _, m := range x.ments[p] {
				if (m.kind == mName || m.kind == mRole) && (dash || x.onlyName(p, m)) {
					return x.resolve(p, m)
				}
			}
		}
	}
	return nil
}

// namesItsSpeaker reports whether a quotation opens with its speaker's surname, a title and
// the surname, or the full name.
func (x *extractor) namesItsSpeaker(q *Quote, sp Speaker) bool {
	if sp.Kind != registry.Person || sp.Name == "" {
		return false
	}
	words := strings.Fields(sp.Name)
	surname := strings.ToLower(words[len(words)-1])
	toks := x.toks[q.Start.Para]
	k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= q.Start.Off })
	for n := 0; k < len(toks) && n < 4 && (q.Start.Para < q.End.Para || toks[k].Start < q.End.Off); k, n = k+1, n+1 {
		w := toks[k].Text
		if strings.EqualFold(w, surname) {
			return true
		}
		if !nameCase(w) && !isUpper(w) {
			return false // the quotation's own words, not a name
		}
	}
	return false
}

// labelled returns who a speaker label in capitals inside a quotation is ("WALLACE"): the
// person of that surname the text names most, else the label's words as a name.
func (x *extractor) labelled(label string) []Speaker {
	words := nameWords(label)
	for len(words) > 1 && x.reg.IsHonorific(words[0]) {
		words = words[1:]
	}
	if len(words) == 0 {
		return nil
	}
	if e := x.personBySurname(words[len(words)-1]); e >= 0 {
		return x.speakersOf(e)
	}
	name := strings.Fields(label)
	for i, w := range name {
		if isUpper(w) {
			name[i] = capitalise(w) // a label is a name, not an acronym: "KEANE:" is Keane
		}
	}
	return []Speaker{{Actor: -1, Name: displayName(strings.Join(name, " ")), Kind: registry.Person}}
}

// personBySurname returns the person of two or more names the text gives with that surname,
// when there is one; -1 otherwise.
func (x *extractor) personBySurname(surname string) int {
	found := -1
	for e := range x.ents {
		if en := &x.ents[e]; en.person && !en.single && en.surname() == surname && !x.reg.IsHonorific(en.words[0]) {
			if found >= 0 && found != e {
				if shortForm(x.ents[found].words[0], en.words[0]) {
					continue // "Kent Masters", then "Ken Masters": one person, a slip of the text
				}
				if en.actor >= 0 && en.actor == x.ents[found].actor {
					continue // two names of one registered person
				}
				return -1
			}
			found = e
		}
	}
	return found
}

// shortForm reports whether two given names are one and its short form or a slip of it: "ken"
// and "kent", "doug" and "douglas".
func shortForm(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 3 && len(a) < len(b) && strings.HasPrefix(b, a)
}

// introduced returns who a line that introduces a quotation names ("Statement from President
// Biden:", "Statement of Julie Cerqueira, Executive Director, U.S. Climate Alliance:", "Joint
// Statement of Ford, GM, and Stellantis:"): the first person it names, else the organisations
// it lists, else the last actor it names.
func (x *extractor) introduced(p, lo int) []Speaker {
	// "Water and Sewer Distributors of America", a line of its own: a country that ends an
	// organisation's name is not the speaker; the organisation is.
	if t := strings.TrimRight(strings.TrimSpace(x.paras[p].Text), ":"); lo == 0 && len(t) < 120 {
		if ms := x.mentionsBetween(p, 0, len(t)); len(ms) > 0 {
			if m := ms[len(ms)-1]; m.end == len(t) && m.start > 0 && x.afterWord(p, m.start, "of") && len(m.actors) > 0 && x.reg.ActorAt(m.actors[0]).Kind != registry.Person {
				if name := x.labelName(p, t); name != "" {
					x.via = "name"
					return []Speaker{{Actor: -1, Name: displayName(name), Kind: registry.Organisation}}
				}
			}
		}
	}
	var names, all []mention
	for _, m := range x.ments[p] {
		if m.start < lo {
			continue
		}
		if (m.kind == mName || m.kind == mRole) && !m.possessive && m.ent >= 0 {
			all = append(all, m)
			if !x.knownShape(p, m) {
				continue
			}
			if x.ents[m.ent].person {
				return x.resolve(p, m)
			}
			names = append(names, m)
		}
	}
	if len(names) == 0 {
		return nil
	}
	// "Ford, GM, and Stellantis": the list that ends the line, with the names in it that the
	// text does not otherwise show to be anyone's, when one of the list is.
	if list := x.coordinated(p, all); len(list.joint) > 1 && slices.ContainsFunc(names, func(m mention) bool { return m.start >= list.start }) {
		var out []Speaker
		for _, m := range all {
			if m.start < list.start {
				continue
			}
			sp := x.resolve(p, m)
			if sp == nil {
				// Beside the companies the text shows to be organisations, one of their kind.
				sp = []Speaker{{Actor: -1, Name: x.ents[m.ent].name, Kind: registry.Organisation}}
			}
			out = append(out, sp...)
		}
		x.via = "joint"
		return out
	}
	return x.resolve(p, *x.coordinated(p, names))
}

// nextSubject returns the person that the sentence after a quotation opens with, when the
// quotation ends its own sentence: "“…better.” First Lady Melania Trump inspired …".
func (x *extractor) nextSubject(sp span) []Speaker {
	p := sp.End.Para
	s := x.paras[p].Text
	words := strings.TrimRight(s[sp.Start.Off:sp.End.Off], " ")
	if !strings.HasSuffix(words, ".") && !strings.HasSuffix(words, "!") && !strings.HasSuffix(words, "?") {
		return nil
	}
	ms := x.mentionsBetween(p, sp.closeEnd, len(s))
	if len(ms) == 0 || strings.TrimSpace(s[sp.closeEnd:ms[0].start]) != "" {
		return nil
	}
	m := ms[0]
	if m.kind != mName && m.kind != mRole || m.ent < 0 || !x.ents[m.ent].person || m.possessive {
		return nil
	}
	return x.resolve(p, m)
}

// introSubject returns who a quotation standing alone after a paragraph of narration is by: the
// person its last sentence is about ("Secretary of State Marco Rubio outlined decisive steps
// …", then the quotation), when that paragraph quotes nobody itself.
func (x *extractor) introSubject(sp span) []Speaker {
	p := sp.Start.Para - 1
	if p < 0 || len(x.spanAt[p]) > 0 || x.paras[p].Kind == document.Title || len(x.paras[p].Text) > 400 {
		return nil
	}
	lo := x.sentenceStart(p, len(x.paras[p].Text)-1)
	if ms := x.mentionsBetween(p, lo, len(x.paras[p].Text)); len(ms) > 0 {
		if m := ms[0]; (m.kind == mName || m.kind == mRole) && m.ent >= 0 && x.ents[m.ent].person && x.subjectLike(p, m) {
			return x.resolve(p, m)
		}
		// "He said:" on a line of its own, before the quotation.
		s := x.paras[p].Text
		if m := ms[0]; m.kind == mPronoun && m.pronoun != "they" && strings.HasSuffix(strings.TrimSpace(s), ":") && strings.TrimSpace(s[lo:m.start]) == "" {
			if toks := tokensIn(x.toks[p], m.end, len(s)); len(toks) > 0 && len(toks) <= 3 && x.reg.IsSpeechVerb(toks[len(toks)-1].Text) {
				return x.resolve(p, m)
			}
		}
	}
	return nil
}

// reportedSpeaker returns who a quotation standing alone is by when the sentence before it, in
// the same paragraph, reports one person's speech: "Thackeray said he was disappointed. “It
// will cost jobs.”" The first verb of speech of that sentence decides.
func (x *extractor) reportedSpeaker(sp span) []Speaker {
	r := x.sentenceBefore()
	if r.p != sp.Start.Para {
		return nil
	}
	toks := tokensIn(x.toks[r.p], r.lo, r.hi)
	if who := x.nameLine(r.p, r.lo, toks); who != nil {
		return who
	}
	for k, t := range toks {
		if !x.reg.IsSpeechVerb(t.Text) || x.inMention(r.p, t.Start) || k > 0 && determiners[strings.ToLower(toks[k-1].Text)] || k == 0 && participle(t.Text) {
			continue // not "Asked …, Keane shook his head.": the one asked is the subject after it
		}
		m := x.subjectBefore(r.p, r.lo, t.Start)
		if m == nil || m.kind == mGroup || m.possessive || m.object {
			return nil
		}
		if m.kind == mName && (m.ent < 0 || !x.ents[m.ent].person) {
			return nil // "The union said …": an organisation's statement is not a person's quotation
		}
		if who := x.resolve(r.p, *m); len(who) == 1 {
			return who
		}
		return nil
	}
	// No verb of speech: the person the sentence is about, as for a quotation standing alone
	// after a paragraph of narration ("Sanders identified exhaustion with bigotry as a reason.
	// “The younger people are …”").
	lo := r.lo
	if len(toks) > 0 && participle(toks[0].Text) {
		// "Asked whether he regretted it, Keane shook his head.": the clause before the comma
		// is the subject's.
		if i := strings.Index(x.paras[r.p].Text[r.lo:r.hi], ", "); i > 0 {
			lo = r.lo + i + 2
		}
	}
	if ms := x.mentionsBetween(r.p, lo, r.hi); len(ms) > 0 {
		if m := ms[0]; m.kind == mName && m.ent >= 0 && x.ents[m.ent].person && x.subjectLike(r.p, m) {
			return x.resolve(r.p, m)
		}
		// "Her husband shook his head. ‘Next month never comes.’": a description the text
		// has tied to one person.
		if m := ms[0]; m.kind == mDescription && m.person && m.start == lo+leadingSpace(x.paras[r.p].Text[lo:r.hi]) && x.subjectLike(r.p, m) {
			if who := x.resolve(r.p, m); len(who) == 1 && who[0].Kind == registry.Person {
				return who
			}
		}
	}
	return nil
}

// leadingSpace counts the spaces that open s.
func leadingSpace(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// participle reports whether a capitalised word opening a sentence is a verb's participle
// ("Asked", "Speaking", "Pressed"), which opens a clause before the subject.
func participle(w string) bool {
	return gerund(w) || nameCase(w) && utf8.RuneCountInString(w) >= 5 && strings.HasSuffix(w, "ed")
}

// nameLine returns the person a sentence of only a name and what they are names ("Katherine
// Scarlett, Chief of Staff at the White House Council on Environmental Quality." before a
// quotation, as round-ups set them), or nil.
func (x *extractor) nameLine(p, lo int, toks []registry.Token) []Speaker {
	if len(toks) < 2 {
		return nil
	}
	ms := x.ments[p]
	i := sort.Search(len(ms), func(i int) bool { return ms[i].start >= toks[0].Start })
	if i == len(ms) || ms[i].start != toks[0].Start {
		return nil
	}
	m := ms[i]
	if m.kind != mName || m.ent < 0 || !x.ents[m.ent].person || m.possessive || !strings.HasPrefix(x.paras[p].Text[m.end:], ", ") {
		return nil
	}
	for _, t := range toks {
		if t.Start < m.end {
			continue
		}
		if r := t.Text[0]; 'a' <= r && r <= 'z' && !smallWords[t.Text] && !x.reg.IsNameParticle(t.Text) {
			return nil // a verb, or a noun in lower case: a sentence about them
		}
	}
	return x.resolve(p, m)
}

// listIntroSpeaker returns who a list of quotations is by when the line that introduces it
// names them and ends in a colon ("Secretary Bessent then made the rounds on television …:"), or
// is a short sentence about them; opens tells whether the quotation opens its item.
func (x *extractor) listIntroSpeaker(p int, opens bool) []Speaker {
	for p > 0 && x.paras[p].Kind == document.ListItem {
		p--
	}
	if x.paras[p].Kind == document.ListItem || x.paras[p].Kind == document.Title {
		return nil
	}
	if !strings.HasSuffix(strings.TrimSpace(x.paras[p].Text), ":") {
		// "President Trump opened the meeting by highlighting some of his achievements." and
		// a list of quotations: a short line whose subject is a person, for the quotations
		// that open their item (not a term in quotation marks inside one).
		if !opens || len(x.paras[p].Text) > 300 || len(x.spanAt[p]) > 0 {
			return nil
		}
		ms := x.ments[p]
		if len(ms) > 0 && (ms[0].kind == mName || ms[0].kind == mRole) && ms[0].ent >= 0 && x.ents[ms[0].ent].person && !ms[0].possessive && !ms[0].object &&
			x.onlyTitleWords(p, 0, ms[0].start) && x.subjectLike(p, ms[0]) {
			return x.resolve(p, ms[0])
		}
		return nil
	}
	for _, m := range x.ments[p] {
		if (m.kind == mName || m.kind == mRole) && !m.object && !m.possessive && x.knownShape(p, m) {
			return x.resolve(p, m)
		}
	}
	return nil
}

// onlyName reports whether paragraph p is nothing but the mention with its titles: a line
// that signs what comes before it ("President Joseph R. Biden, Jr.").
func (x *extractor) onlyName(p int, m mention) bool {
	s := x.paras[p].Text
	for _, t := range x.toks[p] {
		if t.Start >= m.start && t.End <= m.end {
			continue
		}
		w := strings.ToLower(t.Text)
		if !x.titleWord(w) && !x.reg.IsHonorific(w) && w != "jr" && w != "sr" && w != "the" {
			return false
		}
	}
	return strings.TrimSpace(s) != ""
}

// appositives gives each named person the nouns an appositive says they are: "Ryan Ellis, a
// Republican tax consultant," is a consultant, and "the consultant" points back to him.
func (x *extractor) appositives() {
	for p := range x.ments {
		s := x.paras[p].Text
		for _, m := range x.ments[p] {
			x.nounBefore(p, m)
			if m.kind != mName || m.ent < 0 || !strings.HasPrefix(s[m.end:], ", ") {
				continue
			}
			lo := m.end + 2
			hi := min(len(s), lo+80)
			if i := strings.IndexAny(s[lo:hi], ",.;:"); i >= 0 {
				hi = lo + i
			}
			en := &x.ents[m.ent]
			toks := tokensIn(x.toks[p], lo, hi)
			if en.org || len(toks) == 0 {
				continue
			}
			// "Sen. Walter Grigsby of North Carolina, the top Republican on …": a name after
			// "of" or "from" is a place or an affiliation, and the appositive is the person's.
			if before := strings.TrimRight(s[:m.start], " "); strings.HasSuffix(before, " of") || strings.HasSuffix(before, " from") || strings.HasSuffix(before, " of the") {
				continue
			}
			// "Ryan Ellis, a Republican tax consultant", "Henry Crespo, president of …": the
			// appositive opens with an article or its noun, and its noun comes before any
			// preposition.
			if !x.opensAppositive(toks[0].Text) {
				continue
			}
			// "At a press conference in Chelsea, the mayor also said": a description followed by
			// its verb is a clause's subject, not what the name before it is.
			if slices.ContainsFunc(toks, func(t registry.Token) bool { return x.reg.IsSpeechVerb(t.Text) }) {
				continue
			}
			for _, t := range toks {
				w := strings.ToLower(t.Text)
				if prepositions[w] {
					break
				}
				if g, ok := x.reg.PersonNoun(w); ok {
					if !slices.Contains(en.nouns, w) {
						en.nouns = append(en.nouns, w)
					}
					if en.gender == "" && g != "" && !en.org {
						en.gender = g
					}
					en.person = en.person || !en.org
				}
			}
		}
	}
}

// nounBefore gives a person named right after a description and a comma the description's noun:
// "The committee's chairwoman, Senator Rosalind Achterberg," is the one "the chairwoman" means
// later. The description runs from the sentence's start or a comma, in a few lower-case words
// (an article and a possessive aside).
func (x *extractor) nounBefore(p int, m mention) {
	s := x.paras[p].Text
	if m.kind != mName || m.ent < 0 || !x.ents[m.ent].person || m.start < 2 || s[m.start-2:m.start] != ", " {
		return
	}
	lo := max(x.sentenceStart(p, m.start), m.start-80)
	if c := strings.LastIndexAny(s[lo:m.start-2], ",;:"); c >= 0 {
		lo += c + 1
	}
	toks := tokensIn(x.toks[p], lo, m.start-2)
	if len(toks) < 2 || len(toks) > 6 {
		return
	}
	for i, t := range toks {
		if i > 0 && !isLowerWord(t.Text) && t.Text != "s" {
			return
		}
	}
	w := strings.ToLower(toks[len(toks)-1].Text)
	if _, ok := x.reg.PersonNoun(w); !ok || !determiners[strings.ToLower(toks[0].Text)] && !strings.HasSuffix(toks[0].Text, "'s") && !strings.HasSuffix(toks[0].Text, "’s") {
		return
	}
	if en := &x.ents[m.ent]; !slices.Contains(en.nouns, w) {
		en.nouns = append(en.nouns, w)
	}
}

// opensAppositive reports whether a word can open an appositive after a name and a comma: an
// article or a noun for a person ("Ryan Ellis, a Republican tax consultant", "Henry Crespo,
// president of …"), not "Kofi Annan, to make recommendations".
func (x *extractor) opensAppositive(w string) bool {
	switch w = strings.ToLower(w); w {
	case "a", "an", "the", "now", "former", "then", "who", "whose":
		return true
	}
	_, ok := x.reg.PersonNoun(w)
	return ok || x.reg.IsTitleWord(w)
}

// classify tells a full statement from a fragment inside reported speech. A quotation that
// stands alone, runs over paragraphs, follows a colon or a verb of speech, or starts with a
// capital and has a few words is a statement; a few words inside a sentence are a fragment.
func classify(text, before string, alone bool) Kind {
	if alone {
		return Full
	}
	words := len(strings.Fields(text))
	b := strings.TrimRight(before, " ")
	r, _ := utf8.DecodeRuneInString(text)
	upper := unicode.IsUpper(r)
	switch {
	case strings.HasSuffix(b, ":") || strings.HasSuffix(b, ","):
		if upper || words >= 6 {
			return Full
		}
	case upper && words >= 3 && !isNameLike(text):
		return Full
	case words >= 6 && (endsWithVerb(b) || strings.HasSuffix(b, " that")):
		return Full // a clause of its own: "reiterated that “any use of a nuclear weapon would be …”"
	}
	return Fragment
}

// endsWithVerb reports whether text ends in a verb of speech ("has alleged"), so that what
// follows is what was said.
func endsWithVerb(text string) bool {
	i := strings.LastIndexByte(text, ' ')
	w := strings.ToLower(text[i+1:])
	return w == "said" || w == "says" || w == "alleged" || w == "added" || w == "wrote" || w == "stated" || w == "declared" || w == "warned" || w == "insisted" || w == "argued" || w == "claimed"
}

var smallWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "to": true, "a": true, "an": true, "at": true, "by": true, "with": true}

// isNameLike reports whether a quotation reads like a name or title: every word but small ones
// capitalised ("Inflation Reduction Act", "Made in America").
func isNameLike(text string) bool {
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ".,;:!?\"'“”‘’()")
		if w == "" || smallWords[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// possessive resolves a description that starts at off with "its" or "their" through the
// registered organisation or country named last before it in the paragraph: "its state news
// agency", after North Korea, is the registry's "North Korea's state news agency".
func (x *extractor) possessive(p, off, hi int) []Speaker {
	toks := tokensIn(x.toks[p], off, hi)
	if len(toks) < 2 {
		return nil
	}
	if w := strings.ToLower(toks[0].Text); w != "its" && w != "their" {
		return nil
	}
	owner := -1
	for _, m := range x.mentionsBetween(p, 0, toks[0].Start) {
		if m.kind == mName && m.ent >= 0 && x.ents[m.ent].actor >= 0 && !x.ents[m.ent].person {
			owner = x.ents[m.ent].actor
		}
	}
	if owner < 0 {
		return nil
	}
	name := x.reg.ActorAt(owner).Name
	s := x.paras[p].Text
	for n := min(len(toks)-1, 6); n >= 1; n-- {
		desc := s[toks[1].Start:toks[n].End]
		if ms := x.reg.LookupName(name+"'s "+desc, x.day); len(ms) == 1 && len(ms[0].Actors) == 1 {
			return []Speaker{x.registered(ms[0].Actors[0])}
		}
	}
	return nil
}

// hasFigures reports whether words are figures or hold them as a name never does: "2nd",
// "COVID-19". A digit read for a letter ("ALARC6N") is a name's.
func hasFigures(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsDigit(r) {
			return true
		}
		if i := strings.LastIndexByte(w, '-'); i >= 0 && i+1 < len(w) && strings.IndexFunc(w[i+1:], func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
			return true
		}
	}
	return false
}
