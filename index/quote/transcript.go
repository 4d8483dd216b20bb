package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/registry"
)

// label is a transcript's speaker label at the start of a paragraph.
type label struct {
	name      string // as written, without the colon: "MS. PSAKI"
	body      int    // offset where the turn's words start
	press     bool   // a question, the press, the audience, the call's operator
	anonymous bool   // a speaker nobody can tell ("PARTICIPANT")
	answer    bool   // "A:", an interview's answer, whose speaker the text's introduction names
}

// maxLabel bounds a speaker label; a longer run of capitals is a heading.
const maxLabel = 64

// readLabel reads the speaker label that starts a paragraph, if any: upper-case words ending in
// a colon ("THE PRESIDENT:", "SENIOR ADMINISTRATION OFFICIAL:"), or the press's "Q".
func (x *extractor) readLabel(s string, relaxed bool) (label, bool) {
	if strings.HasPrefix(s, "Q") {
		rest := s[1:]
		switch {
		case rest == "":
			return label{name: "Q", body: 1, press: true}, true
		case strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, ".") && strings.HasPrefix(rest[1:], " "):
			return label{name: "Q", body: 2 + leadingSpaces(rest[1:]), press: true}, true
		case strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\u00a0"):
			return label{name: "Q", body: 1 + leadingSpaces(rest), press: true}, true
		}
	}
	if rest, ok := strings.CutPrefix(s, "A:"); ok && strings.HasPrefix(rest, " ") {
		return label{name: "A", body: 2 + leadingSpaces(rest), answer: true}, true
	}
	colon := strings.IndexByte(s, ':')
	if colon < 1 || colon > maxLabel {
		return label{}, false
	}
	name := strings.TrimSpace(s[:colon])
	if x.reg.IsHonorific(strings.TrimSuffix(name, ".")) {
		// "MR: ZIENTS:": a typist's colon for the honorific's full stop; the label goes on
		if next := strings.IndexByte(s[colon+1:], ':'); next > 0 && colon+1+next <= maxLabel {
			if more := strings.TrimSpace(s[colon+1 : colon+1+next]); more != "" && isUpper(more) && !strings.ContainsAny(more, ".,;") && len(strings.Fields(more)) <= 3 {
				name, colon = strings.TrimSuffix(name, ".")+". "+more, colon+1+next
			}
		}
	}
	letters := 0
	for _, r := range name {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLower(r):
			return label{}, false
		case r == ' ' || r == '.' || r == '-' || r == '\'' || r == '’' || r == '&' || unicode.IsDigit(r) || r == '\u00a0':
		default:
			return label{}, false
		}
	}
	if letters < 2 {
		return label{}, false
	}
	rest := s[colon+1:]
	if rest != "" && !strings.HasPrefix(rest, " ") && !strings.HasPrefix(rest, "\u00a0") {
		return label{}, false // "12:05" is a time, not a label
	}
	body := colon + 1 + leadingSpaces(rest)
	// An interpreter's note belongs with the label: "PRIME MINISTER KISHIDA: (As interpreted.)".
	if strings.HasPrefix(s[body:], "(") {
		if end := strings.IndexByte(s[body:], ')'); end > 0 && end < 60 && strings.Contains(strings.ToLower(s[body:body+end]), "interpret") {
			body += end + 1
			body += leadingSpaces(s[body:])
		}
	}
	norm := strings.Join(strings.Fields(strings.ReplaceAll(name, "\u00a0", " ")), " ")
	if right := x.misspeltLabel(norm); right != "" {
		norm = right
	}
	l := label{name: norm, body: body, press: x.reg.IsPressLabel(norm) || x.reg.IsNotSpeaker(norm), anonymous: x.reg.IsAnonymousLabel(norm)}
	if !l.press && !l.anonymous && !x.speakerLike(norm) && !(relaxed && len(strings.Fields(norm)) <= 3 && len(norm) <= 32) {
		// A heading in capitals ("SAFEGUARDING AMERICAN INNOVATION:"); in a transcript, a
		// short label of someone the registry does not know ("COACH KERR:") is a speaker.
		return label{}, false
	}
	return l, true
}

// speakerLike reports whether a label in capitals names a speaker: a role label, a registered
// name, or words that start with a title or an honorific ("SECRETARY", "MS.", "THE").
func (x *extractor) speakerLike(label string) bool {
	if x.reg.IsRoleLabel(label) {
		return true
	}
	words := strings.Fields(label)
	first := strings.ToLower(strings.TrimSuffix(words[0], "."))
	if first == "the" || x.reg.IsHonorific(first) || x.titleWord(first) {
		return true
	}
	if len(words) == 1 {
		// "DORSEY:" in an interview with Paul Dorsey: the surname of someone the text names
		// in full.
		if _, ok := x.fullNameInText(label); ok {
			return true
		}
	}
	toks := registry.Tokenize(label)
	for _, m := range x.reg.Mentions(label, toks, x.day) {
		if m.TokStart == 0 && m.TokEnd == len(toks) && len(m.Actors) > 0 {
			return true
		}
	}
	return false
}

func leadingSpaces(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if r != ' ' && r != '\u00a0' && r != '\t' && r != '\u202f' {
			break
		}
		n += size
	}
	return n
}

// transcript reads the document as a transcript, if it is one: each official's turn becomes a
// quote, from the first word after the label to the last paragraph before the next label.
// Paragraphs before the first label are read for quotation marks.
func (x *extractor) transcript() bool {
	labels := make([]*label, len(x.paras))
	official, first, questions := 0, -1, 0
	for p, para := range x.paras {
		if para.Kind == document.Title || para.Kind == document.Heading {
			continue
		}
		if l, ok := x.readLabel(para.Text, false); ok {
			labels[p] = &l
			switch {
			case l.name == "Q":
				questions++
			case !l.press:
				official++
			}
			if first < 0 {
				first = p
			}
		}
	}
	// An interview of questions and answers ("Q: …", "A: …") is a transcript when its
	// introduction says whom the answers are by; answers alone, or a list of questions a
	// document answers itself, are not.
	var interviewee []Speaker
	analysed := -1 // the first label the paragraphs before were analysed up to
	if slices.ContainsFunc(labels, func(l *label) bool { return l != nil && l.answer }) {
		if questions > 0 && first > 0 {
			x.analyse(0, first)
			analysed, interviewee = first, x.interviewee(first)
		}
		for p, l := range labels {
			if l != nil && l.answer && interviewee == nil {
				labels[p] = nil
				official--
			}
		}
		if first = slices.IndexFunc(labels, func(l *label) bool { return l != nil }); first < 0 {
			return false
		}
	}
	if official < 2 && !(official == 1 && (x.reg.Language.TranscriptTitle(x.title) || interviewee != nil)) {
		return false
	}
	for p, para := range x.paras {
		if labels[p] == nil && p > first && para.Kind != document.Title && para.Kind != document.Heading {
			if l, ok := x.readLabel(para.Text, true); ok {
				labels[p] = &l
			}
		}
	}
	x.mendHonorifics(labels)
	if analysed != first {
		x.analyse(0, first) // the paragraphs before the first label are read for quotation marks
	}
	x.quotations(0, first)
	speakers := map[string][]Speaker{}
	for p := first; p < len(x.paras); {
		l := labels[p]
		if l == nil {
			p++
			continue
		}
		// The turn runs to the next label or to the transcript's end marker.
		last, next := p, p+1
		for ; next < len(x.paras) && labels[next] == nil; next++ {
			if isEndMarker(x.paras[next].Text) {
				break
			}
			last = next
		}
		start := Pos{p, l.body}
		if l.body >= len(x.paras[p].Text) {
			start = Pos{p + 1, 0}
		}
		if end := (Pos{last, len(x.paras[last].Text)}); !l.press && start.Before(end) && x.turnHasWords(start, end) {
			who, ok := speakers[l.name]
			if !ok && !l.anonymous {
				if who = interviewee; !l.answer {
					who = x.labelSpeakers(l.name)
				}
				speakers[l.name] = who
			}
			x.out = append(x.out, Quote{
				Start: start, End: end,
				Kind: Full, Speakers: who, Turn: true,
			})
		}
		for next < len(x.paras) && labels[next] == nil {
			next++ // skip an end marker and what follows it up to another label
		}
		p = next
	}
	return true
}

// mendHonorifics gives a label whose honorific a typist garbled ("S. PSAKI:", "QMS. PSAKI:")
// the label it is elsewhere in the transcript ("MS. PSAKI:"): the same words after an honorific
// a letter away.
func (x *extractor) mendHonorifics(labels []*label) {
	right := map[string]string{} // the words after an honorific → the label
	for _, l := range labels {
		if l == nil {
			continue
		}
		if first, rest, ok := strings.Cut(l.name, " "); ok && x.reg.IsHonorific(strings.TrimSuffix(first, ".")) {
			right[rest] = l.name
		}
	}
	if len(right) == 0 {
		return
	}
	for _, l := range labels {
		if l == nil {
			continue
		}
		first, rest, ok := strings.Cut(l.name, " ")
		hon := strings.TrimSuffix(first, ".")
		if !ok || x.reg.IsHonorific(hon) || len(hon) > 4 || right[rest] == "" {
			continue
		}
		if want := strings.TrimSuffix(strings.Fields(right[rest])[0], "."); registry.EditDistance(hon, want) == 1 {
			l.name = right[rest]
		}
	}
}

// interviewWords are the words of an introduction that say the text is an interview.
var interviewWords = map[string]bool{
	"interview": true, "interviewed": true, "conversation": true, "spoke": true, "talked": true,
	"sat": true, "asked": true, "q&a": true,
}

// interviewee returns whom an interview's answers are by: the one person the paragraphs before
// its first label name in a sentence that speaks of an interview, as its object ("Marta
// Kellerman interviewed Rob Keane", "… sat down with Rob Keane"); nil when none or several.
func (x *extractor) interviewee(first int) []Speaker {
	found := -1
	for p := range first {
		text := x.paras[p].Text
		for _, m := range x.ments[p] {
			if m.kind != mName || m.ent < 0 || !x.ents[m.ent].person || m.possessive {
				continue
			}
			lo := x.sentenceStart(p, m.start)
			interview := false
			for _, t := range tokensIn(x.toks[p], lo, m.start) {
				interview = interview || interviewWords[strings.ToLower(t.Text)]
			}
			before := strings.TrimSpace(text[lo:m.start])
			if !interview || before == "" || x.subjectLike(p, m) && !strings.HasSuffix(before, "with") {
				continue // the interviewer, or someone else the sentence names
			}
			if found >= 0 && found != m.ent {
				return nil
			}
			found = m.ent
		}
	}
	return x.speakersOf(found)
}

// turnHasWords reports whether a turn holds a letter or a digit after its label.
func (x *extractor) turnHasWords(start, end Pos) bool {
	for _, t := range x.toks[start.Para] {
		if t.Start >= start.Off && hasLetter(t.Text) {
			return true
		}
	}
	return end.Para > start.Para && x.hasWords(start.Para+1, end.Para)
}

// labelSpeakers resolves a transcript label to its speaker as a phrase of names is resolved
// (namedIn): "SECRETARY BLINKEN" and "MS. PSAKI" are the registered people in office of those
// surnames, "THE PRESIDENT" the President on the date; an unknown label is kept by its words
// ("Senior Administration Official").
func (x *extractor) labelSpeakers(name string) []Speaker {
	if first, rest, ok := strings.Cut(name, " "); ok && x.reg.IsHonorific(strings.ToLower(strings.TrimSuffix(first, "."))) && x.titleWord(strings.ToLower(rest)) {
		name = "THE " + rest // "MR. PRESIDENT:", "MADAM SECRETARY:": the office's holder, as "THE PRESIDENT:"
	}
	if ms := x.reg.LookupName(name, x.day); len(ms) == 1 && len(ms[0].Actors) == 1 && ms[0].Role {
		a := ms[0].Actors[0]
		return []Speaker{x.registered(a)}
	}
	// "CUSTOMER:", "STEELWORKER:": a person the label names by a noun for what they are, no name.
	if !strings.Contains(name, " ") {
		if _, noun := x.reg.PersonNoun(name); noun && !x.reg.IsTitleWord(name) {
			return []Speaker{{Actor: -1, Name: titleCase(name), Kind: registry.Unnamed}}
		}
	}
	// "WHITE HOUSE AIDE", "PENTAGON OFFICIAL": a role of an organisation, not the organisation.
	if ws := strings.Fields(name); len(ws) > 1 && x.reg.IsRoleLabel(ws[len(ws)-1]) {
		for i, w := range ws {
			// "DHS OFFICIAL" is a DHS official: a short word the text never writes small is
			// an acronym
			if i < len(ws)-1 && len(w) >= 2 && len(w) <= 3 && !x.isCommon(w) && !x.reg.IsFunctionWord(w) {
				continue
			}
			ws[i] = titleCase(w)
		}
		return []Speaker{{Actor: -1, Name: strings.Join(ws, " "), Kind: registry.Unnamed}}
	}
	who := x.namedIn(name)
	if len(who) == 1 && who[0].Actor < 0 {
		// Someone the text names in full: "MR. CURRY" after "Steph Curry".
		if ws := nameWords(who[0].Name); len(ws) > 1 {
			// "MAYOR LEVINE CAVA:" under "… Mayor Daniella Levine Cava …"
			if full := x.givenNameInTitle(ws); full != "" {
				return []Speaker{{Actor: -1, Name: full, Kind: registry.Person, Role: x.labelTitle(name, who[0].Name)}}
			}
		} else if len(ws) == 1 {
			if e := x.personBySurname(ws[0]); e >= 0 {
				return x.speakersOf(e)
			}
			// "HUGHLEY:" under the title "… a Conversation with D.L. Hughley": a title in
			// capitals to every word is not read for names, but a given name or initials
			// before the surname are one.
			if full := x.fullNameInTitle(ws[0]); full != "" {
				return []Speaker{{Actor: -1, Name: full, Kind: registry.Person}}
			}
			if sp, ok := x.fullNameInText(ws[0]); ok {
				return []Speaker{sp} // "MS. CHAIKEN:" after "… executive producer, Ilene Chaiken."
			}
		}
		// Unknown: a role keeps its words ("Senior Administration Official"), a person their
		// name without a title or honorific ("COACH KERR" is Kerr), the title as their role.
		if x.reg.IsRoleLabel(name) {
			return []Speaker{{Actor: -1, Name: titleCase(name), Kind: registry.Unnamed}}
		}
		return []Speaker{{Actor: -1, Name: who[0].Name, Kind: registry.Person, Role: x.labelTitle(name, who[0].Name)}}
	}
	return who
}

// labelTitle returns the title a label gives before a name ("GOVERNOR LITTLE" is a Governor,
// "REPRESENTATIVE WATSON COLEMAN" a Representative), written as a title; "" when the words before
// the name are not all a title's ("MS. KRAUSS", "THE VICE PRESIDENT").
func (x *extractor) labelTitle(label, name string) string {
	words, n := strings.Fields(label), len(strings.Fields(name))
	if len(words) <= n || !strings.EqualFold(strings.Join(words[len(words)-n:], " "), name) {
		return ""
	}
	title := words[:len(words)-n]
	for _, w := range title {
		lower := strings.ToLower(strings.TrimSuffix(w, "."))
		if x.reg.IsHonorific(lower) || !x.titleWord(lower) || lower == "the" {
			return ""
		}
	}
	return titleCase(strings.ToLower(strings.Join(title, " ")))
}

// givenNameInTitle returns the name the document's title gives a person of a surname of several
// words (in lower case), with a known given name before it: "Daniella Levine Cava"; "" when it
// gives none, or more than one.
func (x *extractor) givenNameInTitle(surname []string) string {
	toks := registry.Tokenize(x.title)
	found := ""
	for k := 1; k+len(surname) <= len(toks); k++ {
		match := true
		for i, w := range surname {
			t := toks[k+i]
			match = match && strings.EqualFold(t.Text, w) && nameCase(t.Text) && (i == 0 || x.title[toks[k+i-1].End:t.Start] == " ")
		}
		if !match || x.title[toks[k-1].End:toks[k].Start] != " " || !nameCase(toks[k-1].Text) || !x.isGivenName(toks[k-1].Text) {
			continue
		}
		name := displayName(x.title[toks[k-1].Start:toks[k+len(surname)-1].End])
		if found != "" && found != name {
			return ""
		}
		found = name
	}
	return found
}

// fullNameInTitle returns the name the document's title gives a person of that surname (in lower
// case), with a given name or initials before it: "D.L. Hughley", "Stanley Rother"; "" when it
// gives none, or more than one.
func (x *extractor) fullNameInTitle(surname string) string {
	toks := registry.Tokenize(x.title)
	found := ""
	for k := 1; k < len(toks); k++ {
		if !strings.EqualFold(toks[k].Text, surname) || !nameCase(toks[k].Text) && !isUpper(toks[k].Text) {
			continue
		}
		start := -1
		switch gap := x.title[toks[k-1].End:toks[k].Start]; {
		case gap == " ":
			if _, given := x.reg.GivenName(toks[k-1].Text); given && nameCase(toks[k-1].Text) {
				start = toks[k-1].Start
			}
		default:
			// initials: "D.L. Hughley", "J. Smith"
			for l := k - 1; l >= 0 && initialsAt(x.title, toks, l); l-- {
				start = toks[l].Start
			}
		}
		if start < 0 {
			continue
		}
		name := displayName(x.title[start:toks[k].End])
		if found != "" && found != name {
			return ""
		}
		found = name
	}
	return found
}

// titleWord reports whether w, in lower case, is a word of some title.
func (x *extractor) titleWord(w string) bool { return x.reg.IsTitleWord(w) }

// titleCase writes an upper-case label as a name: "SENIOR ADMINISTRATION OFFICIAL" is
// "Senior Administration Official", "MR. FERNÁNDEZ HERNÁNDEZ" is "Mr. Fernández Hernández".
func titleCase(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == ' ' || r == '-' || r == '.'
	}
	return b.String()
}

// misspeltLabel returns the press, role or anonymous label, or the registered office's label, that
// a label of six letters or more is with a typist's slip ("AUDIENE:", "AUDIECE MEMBER:",
// "ADUIENCE:", "MODERTOR:", "THE PRESIDEN:"): a letter
// wrong, missing or added, or two side by side swapped; "" when it is none. The first letter is
// right, and no distance is worked out for most labels.
func (x *extractor) misspeltLabel(label string) string {
	if len(label) < 6 || len(label) > 40 || x.reg.IsPressLabel(label) || x.reg.IsRoleLabel(label) || x.reg.IsAnonymousLabel(label) ||
		x.reg.IsCapitalRole(label) {
		return ""
	}
	for _, list := range [][]string{x.reg.Language.PressLabels, x.reg.Language.RoleLabels, x.reg.Language.AnonymousLabels, x.reg.CapitalRoles()} {
		for _, p := range list {
			if len(p) >= 6 && p[0] == label[0] && len(p)-len(label) <= 1 && len(label)-len(p) <= 1 && (registry.EditDistance(p, label) == 1 || swapped(p, label)) {
				return p
			}
		}
	}
	return ""
}

// swapped reports whether b is a with two letters side by side swapped.
func swapped(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}
