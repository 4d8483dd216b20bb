package quote

import (
	"slices"
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
	x.out = append(x.out, Quote{
		Start: Pos{first, listNumber(x.paras[first])}, End: Pos{last, len(x.paras[last].Text)},
		Kind: Full, Speakers: x.namedIn(who), Turn: true,
	})
	return true
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

// namedIn returns the actors a phrase names ("President Joe Biden", "the United States and
// Japan"), or the phrase itself as an unregistered speaker's name.
func (x *extractor) namedIn(phrase string) []Speaker {
	toks := registry.Tokenize(phrase)
	ms := x.reg.Mentions(phrase, toks, x.day)
	var out []Speaker
	for _, m := range ms {
		if len(m.Actors) == 1 && !slices.ContainsFunc(out, func(s Speaker) bool { return s.Actor == m.Actors[0] }) {
			out = append(out, Speaker{Actor: m.Actors[0], Name: x.reg.ActorAt(m.Actors[0]).Name})
		}
	}
	if len(out) == 0 {
		name := strings.TrimPrefix(strings.TrimSpace(phrase), "the ")
		if name != "" {
			out = []Speaker{{Actor: -1, Name: name}}
		}
	}
	return out
}

// quotations finds the quotations in paragraphs [from, to) and attributes each.
func (x *extractor) quotations(from, to int) {
	if to <= from {
		return
	}
	texts := make([]string, to-from)
	for i := range texts {
		texts[i] = x.paras[from+i].Text
	}
	spans := findSpans(texts, func(i int) bool { return x.headline(from + i) })
	for i := range spans {
		spans[i].Start.Para += from
		spans[i].End.Para += from
	}
	fed := Pos{from, 0} // mentions before this place are in x.recent
	var prev *Quote
	for i, sp := range spans {
		x.feed(fed, Pos{sp.Start.Para, sp.open}, spans)
		fed = Pos{sp.End.Para, sp.closeEnd}
		q := x.attribute(sp, spans, i, prev)
		if q == nil {
			continue
		}
		x.out = append(x.out, *q)
		prev = &x.out[len(x.out)-1]
		if len(q.Speakers) > 0 {
			e := x.speakerEntity(q.Speakers)
			e.para = q.End.Para
			x.remember(e)
		}
	}
	x.feed(fed, Pos{to, 0}, spans)
}

// headline reports whether a paragraph is a headline, where single marks quote: the title
// printed with the text, a heading, or a short line without a sentence's end.
func (x *extractor) headline(p int) bool {
	para := x.paras[p]
	if para.Kind == document.Title || para.Kind == document.Heading {
		return true
	}
	t := strings.TrimSpace(para.Text)
	return utf8.RuneCountInString(t) <= 160 && !strings.ContainsAny(t[max(0, len(t)-1):], ".!?\"”")
}

// feed puts the actors named between from and to, outside quotations, into x.recent. A name
// that is the subject of a verb of speech ("Russel said the agreement…") is remembered as a
// speaker, one used as a modifier ("the Biden administration") not at all.
func (x *extractor) feed(from, to Pos, spans []span) {
	for p := from.Para; p <= to.Para && p < len(x.paras); p++ {
		for _, c := range x.cands[p] {
			pos := Pos{p, c.start}
			if pos.Before(from) || !pos.Before(to) || insideSpan(spans, pos) {
				continue
			}
			if c.kind != candActor && c.kind != candName && !(c.kind == candSurname && x.speaks(p, c)) {
				continue
			}
			if c.person && x.modifier(p, c) {
				continue
			}
			// A name the registry does not know is remembered when it speaks, not when it is
			// only named: capitalised words are often something else ("Nuclear Weapons").
			if c.kind == candName && (!x.speaks(p, c) || x.afterPreposition(p, c.start)) {
				continue
			}
			x.remember(entity{speakers: c.speakers, person: c.person, gender: c.gender, spoke: x.speaks(p, c), para: p})
		}
	}
}

// modifier reports whether a person's name modifies a noun rather than naming them: "the Biden
// administration", "a Blinken aide".
func (x *extractor) modifier(p int, c cand) bool {
	if c.role {
		return false // "the Secretary of State" takes its article
	}
	before := tokensIn(x.toks[p], max(0, c.start-12), c.start)
	if len(before) == 0 {
		return false
	}
	w := strings.ToLower(before[len(before)-1].Text)
	return (w == "the" || w == "a" || w == "an") && !x.speaks(p, c)
}

// speaks reports whether the candidate is the subject of a verb of speech: the verb follows it,
// perhaps after an auxiliary or an adverb, an appositive between commas ("Daniel Russel, a
// former US diplomat, said"), or a prepositional phrase ("Jeffrey Hornung of the Rand
// Corporation think tank described"). Another name on the way, not inside such a phrase, is the
// subject instead ("Blinken met Wang Yi, who said").
func (x *extractor) speaks(p int, c cand) bool {
	s := x.paras[p].Text
	rest := c.end
	if strings.HasPrefix(strings.TrimLeft(s[rest:], " "), ",") {
		inner := rest + strings.Index(s[rest:], ",") + 1
		if i := strings.IndexByte(s[inner:], ','); i >= 0 && i < 160 {
			rest = inner + i + 1
		}
	}
	toks := tokensIn(x.toks[p], rest, min(len(s), rest+120))
	inPhrase := false
	prevEnd := rest
	for k, t := range toks {
		if k > 12 {
			break
		}
		// Stop at the end of the clause.
		gap := s[prevEnd:t.Start]
		prevEnd = t.End
		if k > 0 && strings.ContainsAny(gap, ".;:!?\"“”") {
			return false
		}
		w := strings.ToLower(t.Text)
		if x.reg.IsSpeechVerb(w) {
			return true
		}
		switch {
		case prepositions[w] && (w == "of" || w == "at" || w == "from" || w == "with" || w == "in"):
			inPhrase = true
		case w == "has" || w == "have" || w == "had" || w == "also" || w == "further" || w == "earlier" ||
			w == "then" || w == "later" || w == "again" || w == "once" || strings.HasSuffix(w, "ly"):
		case inPhrase:
			// Words of the phrase: "the Rand Corporation think tank".
		default:
			return false
		}
	}
	return false
}

func insideSpan(spans []span, pos Pos) bool {
	for _, s := range spans {
		if !pos.Before(Pos{s.Start.Para, s.open}) && pos.Before(Pos{s.End.Para, s.closeEnd}) {
			return true
		}
	}
	return false
}

func (x *extractor) speakerEntity(sp []Speaker) entity {
	e := entity{speakers: sp, spoke: true}
	if len(sp) == 1 {
		if sp[0].Actor < 0 {
			e.person = true
		} else {
			a := x.reg.ActorAt(sp[0].Actor)
			e.person, e.gender = a.Kind == registry.Person, a.Gender
		}
	}
	return e
}

// attribute makes a quote of a span: its kind and its speakers. It returns nil for marks that
// are not a quotation: a name or a term in quotation marks that nobody is said to have said.
func (x *extractor) attribute(sp span, spans []span, i int, prev *Quote) *Quote {
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

	beforeLo := x.sentenceStart(sp.Start.Para, sp.open, spans)
	before := first[beforeLo:sp.open]
	afterHi := x.sentenceEnd(sp.End.Para, sp.closeEnd, spans)
	after := last[sp.closeEnd:afterHi]
	multi := sp.Start.Para != sp.End.Para
	alone := strings.TrimSpace(before) == "" && strings.Trim(after, " .,;:!?") == ""

	var who []Speaker
	var cue bool
	if x.headline(sp.Start.Para) {
		who = x.headlineSpeaker(sp.Start.Para)
		cue = who != nil
	}
	if who == nil {
		who, cue = x.speakersAfter(sp.End.Para, sp.closeEnd, afterHi)
	}
	if who == nil {
		var c bool
		who, c = x.speakersBefore(sp.Start.Para, beforeLo, sp.open)
		cue = cue || c
	}
	if who == nil && alone {
		if who = x.layoutSpeaker(sp); who != nil {
			cue = true
		}
	}
	if who == nil && x.paras[sp.Start.Para].Kind == document.ListItem {
		if who = x.listIntroSpeaker(sp.Start.Para); who != nil {
			cue = true
		}
	}
	if who == nil && prev != nil && strings.TrimSpace(before) == "" && x.continuesSpeaker(prev, sp) {
		// An unattributed quotation right after another one goes on with its speaker: a
		// quotation interrupted by "he said", or a paragraph that is only a quotation.
		who, cue = prev.Speakers, true
	}
	q.Speakers = uniqueSpeakers(who)
	text = x.quoteText(q)
	q.Kind = classify(text, before, multi || alone)
	switch {
	case q.Kind == Fragment && !cue:
		return nil // a scare quote or a term: nobody is said to have said it
	case len(q.Speakers) == 0 && q.Kind == Fragment && len(strings.Fields(text)) <= 2:
		return nil // "friendshoring", "fast-track": a term, not words anyone said
	case isNameLike(text) && (len(q.Speakers) == 0 || !introducesSpeech(before)):
		return nil // a name in quotation marks: "the Inflation Reduction Act"
	}
	return q
}

func (x *extractor) quoteText(q *Quote) string { return q.Text(x.paras) }

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
// previous quote's speaker: the previous quote is in the same or the previous paragraph and
// nobody else has been heard since.
func (x *extractor) continuesSpeaker(prev *Quote, sp span) bool {
	if len(prev.Speakers) == 0 {
		return false
	}
	return sp.Start.Para == prev.End.Para || sp.Start.Para == prev.End.Para+1
}

// sentenceStart returns the offset where the sentence holding off begins in paragraph p: after
// the last sentence end before it, outside quotations.
func (x *extractor) sentenceStart(p, off int, spans []span) int {
	s := x.paras[p].Text
	lo := 0
	for i := 0; i < off; {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == '.' || r == '!' || r == '?') && !insideSpan(spans, Pos{p, i}) && x.sentenceEndsAt(s, i) {
			lo = i + n
		}
		i += n
	}
	return lo
}

// sentenceEnd returns the offset where the sentence holding off ends in paragraph p: the next
// sentence end outside quotations, or the next quotation.
func (x *extractor) sentenceEnd(p, off int, spans []span) int {
	s := x.paras[p].Text
	for _, sp := range spans {
		if sp.Start.Para == p && sp.open >= off {
			s = s[:sp.open]
			break
		}
	}
	for i := off; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == '.' || r == '!' || r == '?') && x.sentenceEndsAt(s, i) {
			return i + n
		}
		i += n
	}
	return len(s)
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
	return !x.reg.IsHonorific(word) && !abbreviations[word]
}

var abbreviations = map[string]bool{
	"St": true, "Gen": true, "Sen": true, "Rep": true, "Gov": true, "Lt": true, "Col": true,
	"Adm": true, "No": true, "Jr": true, "Sr": true, "Inc": true, "Co": true, "vs": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Aug": true, "Sept": true, "Sep": true,
	"Oct": true, "Nov": true, "Dec": true, "Amb": true, "Capt": true, "Cmdr": true,
}

// speakersAfter reads the attribution that follows a quotation in the same sentence:
// `," said Blinken`, `,” he added`, `,” the Secretaries of State and Defense wrote`, `” by the
// White House`, `…, according to X`. cue reports a verb of speech even when no speaker is found.
func (x *extractor) speakersAfter(p, lo, hi int) (who []Speaker, cue bool) {
	s := x.paras[p].Text
	toks := tokensIn(x.toks[p], lo, hi)
	if len(toks) == 0 {
		return nil, false
	}
	// "… by the White House": the passive's agent.
	if strings.EqualFold(toks[0].Text, "by") {
		if c := x.firstCandAfter(p, toks[0].End, hi); c != nil {
			return x.resolve(p, *c), true
		}
	}
	for k, t := range toks {
		if k > 8 {
			break
		}
		if strings.EqualFold(t.Text, "according") && k+1 < len(toks) && strings.EqualFold(toks[k+1].Text, "to") {
			if who := x.possessive(p, toks[k+1].End, hi); who != nil {
				return who, true
			}
			if c := x.firstCandAfter(p, toks[k+1].End, hi); c != nil {
				return x.resolve(p, *c), true
			}
			return nil, true
		}
		if !x.reg.IsSpeechVerb(strings.ToLower(t.Text)) {
			continue
		}
		if c := x.subjectBefore(p, lo, t.Start); c != nil {
			return x.resolve(p, *c), true
		}
		if c := x.firstCandAfter(p, t.End, min(hi, t.End+80)); c != nil && x.adjacent(s, t.End, c.start) {
			return x.resolve(p, *c), true
		}
		return nil, true
	}
	return nil, false
}

// speakersBefore reads the attribution that comes before a quotation in its sentence: the last
// verb of speech and its subject ("He told Reuters: “", "Human Rights Watch has alleged “",
// "Blinken said such actions … are part of “"), or "according to X".
func (x *extractor) speakersBefore(p, lo, hi int) (who []Speaker, cue bool) {
	// "President Trump: “We will …”": the clause is a name and a colon, and the quotation.
	if b := strings.TrimRight(x.paras[p].Text[lo:hi], " "); strings.HasSuffix(b, ":") {
		for _, c := range x.cands[p] {
			if c.start >= lo && c.end == lo+len(b)-1 && (c.kind == candActor || c.kind == candName || c.kind == candSurname) &&
				x.onlyTitleWords(p, lo, c.start) && !x.reg.IsNotSpeaker(x.paras[p].Text[c.start:c.end]) {
				return c.speakers, true
			}
		}
	}
	toks := tokensIn(x.toks[p], lo, hi)
	for k := len(toks) - 1; k >= 0; k-- {
		t := toks[k]
		w := strings.ToLower(t.Text)
		if w == "according" && k+1 < len(toks) && strings.EqualFold(toks[k+1].Text, "to") {
			if who := x.possessive(p, toks[k+1].End, hi); who != nil {
				return who, true
			}
			if c := x.firstCandAfter(p, toks[k+1].End, hi); c != nil {
				return x.resolve(p, *c), true
			}
		}
		if !x.reg.IsSpeechVerb(w) {
			continue
		}
		if c := x.subjectBefore(p, lo, t.Start); c != nil {
			return x.resolve(p, *c), true
		}
		// "said Secretary Blinken: “…”"
		if c := x.firstCandAfter(p, t.End, hi); c != nil && x.adjacent(x.paras[p].Text, t.End, c.start) {
			return x.resolve(p, *c), true
		}
		return nil, true
	}
	return nil, false
}

// onlyTitleWords reports whether the words in [lo, hi) of paragraph p can be a title before a
// name: capitalised, joined by "of", "the" or "and", or hyphenated to the word before them
// ("Director of National Intelligence", "UN Ambassador-designate"), not "He told".
func (x *extractor) onlyTitleWords(p, lo, hi int) bool {
	s := x.paras[p].Text
	toks := tokensIn(x.toks[p], lo, hi)
	for k, t := range toks {
		switch w := t.Text; {
		case nameCase(w) || isUpper(w):
		case w == "of" || w == "the" || w == "and" || w == "for":
		case k > 0 && s[toks[k-1].End:t.Start] == "-":
		default:
			return false
		}
	}
	return len(toks) <= 14
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
	between := strings.TrimSpace(s[from:to])
	if between == "" {
		return true
	}
	return len(strings.Fields(between)) <= 1 && strings.EqualFold(between, "the")
}

func tokensIn(toks []registry.Token, lo, hi int) []registry.Token {
	i, _ := slices.BinarySearchFunc(toks, lo, func(t registry.Token, off int) int { return t.Start - off })
	j := i
	for j < len(toks) && toks[j].End <= hi {
		j++
	}
	return toks[i:j]
}

var prepositions = map[string]bool{
	"of": true, "at": true, "from": true, "with": true, "in": true, "for": true, "to": true,
	"on": true, "about": true, "against": true, "over": true, "between": true, "among": true,
	"into": true, "towards": true, "toward": true, "than": true, "under": true, "via": true,
	"like": true, "after": true, "before": true, "during": true, "since": true, "by": true,
}

// subjectBefore finds the subject of a verb of speech at offset v in paragraph p, looking back
// to lo: the nearest candidate, skipping one that is the object of a preposition ("of the Rand
// Corporation") and, when an appositive stands before the verb ("Daniel Russel, former US
// diplomat…, said"), taking the name before the appositive. Coordinated candidates ("Blinken and
// Austin", "Japan and the US") are taken together.
func (x *extractor) subjectBefore(p, lo, v int) *cand {
	s := x.paras[p].Text
	cs := x.cands[p]
	var in []int
	for i, c := range cs {
		if c.start >= lo && c.end <= v {
			in = append(in, i)
		}
	}
	if len(in) == 0 {
		return nil
	}
	if strings.HasSuffix(strings.TrimRight(s[lo:v], " "), ",") {
		// An appositive: the subject is followed directly by a comma.
		for k := len(in) - 1; k >= 0; k-- {
			c := cs[in[k]]
			if strings.HasPrefix(strings.TrimLeft(s[c.end:], " "), ",") && !x.afterPreposition(p, c.start) && k < len(in)-1 {
				return x.coordinated(p, in[:k+1])
			}
		}
	}
	for k := len(in) - 1; k >= 0; k-- {
		c := cs[in[k]]
		if x.afterPreposition(p, c.start) || c.kind == candName && x.reg.IsNotSpeaker(s[c.start:c.end]) {
			continue
		}
		return x.coordinated(p, in[:k+1])
	}
	return nil
}

// afterPreposition reports whether the candidate at off is the object of a preposition: "of",
// "with the", "to its".
func (x *extractor) afterPreposition(p, off int) bool {
	toks := tokensIn(x.toks[p], 0, off)
	for k, n := len(toks)-1, 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		w := strings.ToLower(toks[k].Text)
		if prepositions[w] {
			return true
		}
		if w != "the" && w != "its" && w != "their" && w != "his" && w != "her" && w != "a" && w != "an" && w != "former" && w != "global" {
			return false
		}
	}
	return false
}

// coordinated returns the last candidate of idx joined with those before it by "and" or commas:
// "The United States, Canada and the United Kingdom".
func (x *extractor) coordinated(p int, idx []int) *cand {
	cs := x.cands[p]
	c := cs[idx[len(idx)-1]]
	if c.kind != candActor && c.kind != candName && c.kind != candSurname {
		return &c
	}
	joint := c
	joint.speakers = slices.Clone(c.speakers)
	for k := len(idx) - 2; k >= 0; k-- {
		d := cs[idx[k]]
		if d.kind != candActor && d.kind != candName && d.kind != candSurname {
			break
		}
		gap, ok := x.gap(p, d.end, joint.start)
		gap = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(gap, " the"), "the"))
		if !ok || (gap != "and" && gap != "," && gap != ", and" && gap != "&") {
			break
		}
		joint.speakers = append(slices.Clone(d.speakers), joint.speakers...)
		joint.start = d.start
	}
	if len(joint.speakers) > 1 {
		joint.person = false
	}
	return &joint
}

// gap returns the trimmed text between two candidates of paragraph p; not ok when they overlap
// (a description can reach back over a name).
func (x *extractor) gap(p, end, start int) (string, bool) {
	if start < end {
		return "", false
	}
	return strings.TrimSpace(x.paras[p].Text[end:start]), true
}

// firstCandAfter returns the first candidate that starts in [lo, hi) of paragraph p.
func (x *extractor) firstCandAfter(p, lo, hi int) *cand {
	for i, c := range x.cands[p] {
		if c.start >= lo && c.start < hi {
			var idx []int
			// Take coordinated names after it too: "said Blinken and Austin".
			idx = append(idx, i)
			for j := i + 1; j < len(x.cands[p]) && x.cands[p][j].start < hi; j++ {
				idx = append(idx, j)
				gap, ok := x.gap(p, x.cands[p][j-1].end, x.cands[p][j].start)
				if !ok || (gap != "and" && gap != "," && gap != ", and") {
					idx = idx[:len(idx)-1]
					break
				}
			}
			return x.coordinated(p, idx)
		}
	}
	return nil
}

// resolve turns a candidate into speakers: a name is itself, a pronoun or a group description
// points back to who spoke or was named last.
func (x *extractor) resolve(p int, c cand) []Speaker {
	switch c.kind {
	case candActor, candName, candSurname:
		return c.speakers
	case candPronoun:
		if c.pronoun == "they" {
			if g := x.sentenceGroup(p, c.start); g != nil {
				return g
			}
			return x.lastGroup(p, false)
		}
		if who := x.sentencePerson(p, c.start, c.gender); who != nil {
			return who
		}
		return x.lastPerson(c.gender)
	case candGroup:
		return x.lastGroup(p, true)
	}
	return nil
}

// sentenceGroup returns the actors named together earlier in the sentence before off, when
// there are several: "The United States, Canada and the United Kingdom joined the European Union
// to take what they described as …". Possessives ("China's") and objects of prepositions do not
// count.
func (x *extractor) sentenceGroup(p, off int) []Speaker {
	s := x.paras[p].Text
	lo := x.sentenceStart(p, off, nil)
	var out []Speaker
	for _, c := range x.cands[p] {
		if c.start < lo || c.end > off || c.kind != candActor {
			continue
		}
		if x.afterPreposition(p, c.start) || strings.HasPrefix(s[c.end:], "’s") || strings.HasPrefix(s[c.end:], "'s") {
			continue
		}
		for _, sp := range c.speakers {
			if !slices.ContainsFunc(out, func(o Speaker) bool { return o.Actor == sp.Actor && o.Name == sp.Name }) {
				out = append(out, sp)
			}
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// sentencePerson returns the registered person of the gender named last in the sentence before
// off: "the IAEA Director General … in which he expressed".
func (x *extractor) sentencePerson(p, off int, gender string) []Speaker {
	lo := x.sentenceStart(p, off, nil)
	var found []Speaker
	for _, c := range x.cands[p] {
		if c.start >= lo && c.end <= off && c.kind == candActor && c.person &&
			(gender == "" || c.gender == "" || c.gender == gender) && !x.modifier(p, c) {
			found = c.speakers
		}
	}
	return found
}

// possessive resolves a description that starts at off with "its" or "their" through the actor
// named last before it: "its state news agency", after North Korea, is the registry's "North
// Korea's state news agency".
func (x *extractor) possessive(p, off, hi int) []Speaker {
	toks := tokensIn(x.toks[p], off, hi)
	if len(toks) < 2 {
		return nil
	}
	if w := strings.ToLower(toks[0].Text); w != "its" && w != "their" {
		return nil
	}
	var owner *cand
	for i := range x.cands[p] {
		c := &x.cands[p][i]
		if c.end <= toks[0].Start && c.kind == candActor && !c.person {
			owner = c
		}
	}
	if owner == nil {
		return nil
	}
	name := x.reg.ActorAt(owner.speakers[0].Actor).Name
	s := x.paras[p].Text
	for n := min(len(toks)-1, 6); n >= 1; n-- {
		desc := s[toks[1].Start:toks[n].End]
		if ms := x.reg.LookupName(name+"'s "+desc, x.day); len(ms) == 1 && len(ms[0].Actors) == 1 {
			a := ms[0].Actors[0]
			return []Speaker{{Actor: a, Name: x.reg.ActorAt(a).Name}}
		}
	}
	return nil
}

// headlineSpeaker returns who a headline attributes its words to, by the convention of ending it
// with a colon and a name: "… ‘us and them’ with China: Blinken".
func (x *extractor) headlineSpeaker(p int) []Speaker {
	s := strings.TrimRight(x.paras[p].Text, " .")
	cs := x.cands[p]
	if len(cs) == 0 {
		return nil
	}
	c := cs[len(cs)-1]
	if c.end != len(s) || (c.kind != candActor && c.kind != candName && c.kind != candSurname) {
		return nil
	}
	if !strings.HasSuffix(strings.TrimRight(s[:c.start], " "), ":") {
		return nil
	}
	return c.speakers
}

// layoutSpeaker returns who a quotation standing alone in its paragraph is attributed to by the
// paragraphs around it: the line before ending in a colon and naming someone ("Statement from
// National Security Advisor Jake Sullivan:"), or the line after starting with a dash and a name
// (an epigraph's "— President Joe Biden").
func (x *extractor) layoutSpeaker(sp span) []Speaker {
	if p := sp.Start.Para - 1; p >= 0 && strings.HasSuffix(strings.TrimSpace(x.paras[p].Text), ":") && len(x.paras[p].Text) < 200 {
		for _, c := range slices.Backward(x.cands[p]) {
			if c.kind == candActor || c.kind == candName || c.kind == candSurname {
				return c.speakers
			}
		}
	}
	if p := sp.End.Para + 1; p < len(x.paras) {
		t := strings.TrimSpace(x.paras[p].Text)
		dash := strings.HasPrefix(t, "—") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "-")
		if len(t) < 120 {
			for _, c := range x.cands[p] {
				if (c.kind == candActor || c.kind == candName) && (dash || x.onlyName(p, c)) {
					return c.speakers
				}
			}
		}
	}
	return nil
}

// listIntroSpeaker returns who a list of quotations is by when the line that introduces it
// names them and ends in a colon ("Secretary Bessent then made the rounds on television …:").
func (x *extractor) listIntroSpeaker(p int) []Speaker {
	for p > 0 && x.paras[p].Kind == document.ListItem {
		p--
	}
	if x.paras[p].Kind == document.ListItem || !strings.HasSuffix(strings.TrimSpace(x.paras[p].Text), ":") {
		return nil
	}
	for _, c := range x.cands[p] {
		if c.kind == candActor || c.kind == candName || c.kind == candSurname {
			return c.speakers
		}
	}
	return nil
}

// onlyName reports whether paragraph p is nothing but the candidate with its titles: a line
// that signs what comes before it ("President Joseph R. Biden, Jr.").
func (x *extractor) onlyName(p int, c cand) bool {
	s := x.paras[p].Text
	for _, t := range x.toks[p] {
		if t.Start >= c.start && t.End <= c.end {
			continue
		}
		w := strings.ToLower(t.Text)
		if !x.titleWord(w) && !x.reg.IsHonorific(w) && w != "jr" && w != "sr" && w != "the" {
			return false
		}
	}
	return strings.TrimSpace(s) != ""
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
