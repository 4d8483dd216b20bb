package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/registry"
)

// A speaker the registry does not know keeps the name the text gives, and the text does not
// always give a name's edges: a headline in capitals to every word runs a name into the words
// around it ("Statement by President Biden Four Years After …", "… NSC Spokesperson Adam Hodge
// Welcoming the Visit …", "Special Envoy for Peace Missions Steve Witkoff"), and a heading
// written as a headline ("Medal Of Honor", "Trump Keeps His Promises") reads as a name of
// capitalised words. Nothing becomes an actor without the shape of a name: shapeSpeakers cuts
// an unregistered speaker's name to the name inside it, gives it to the registered person it
// then names, or leaves the quote without that speaker when no name is left.

// shapeSpeakers gives each quote's unregistered speakers the shape of a name.
func (x *extractor) shapeSpeakers() {
	type shaped struct {
		sp Speaker
		ok bool
	}
	memo := map[Speaker]shaped{}
	for i := range x.out {
		q := &x.out[i]
		var out []Speaker
		changed := false
		for _, sp := range q.Speakers {
			if sp.Actor < 0 && sp.Kind != registry.Unnamed {
				s, seen := memo[sp]
				if !seen {
					s.sp, s.ok = x.shape(sp)
					memo[sp] = s
				}
				if s.sp != sp || !s.ok {
					changed = true
				}
				if !s.ok {
					continue
				}
				sp = s.sp
			}
			if !containsSpeaker(out, sp) {
				out = append(out, sp)
			}
		}
		if changed {
			q.Speakers = out
		}
	}
}

func containsSpeaker(list []Speaker, sp Speaker) bool {
	for _, s := range list {
		if s.Actor == sp.Actor && (sp.Actor >= 0 || s.Name == sp.Name) {
			return true
		}
	}
	return false
}

// shape returns the speaker an unregistered name stands for once cut to the name inside it, and
// false when it holds no name.
func (x *extractor) shape(sp Speaker) (Speaker, bool) {
	words := strings.Fields(sp.Name)
	orig := len(words)
	scanned := sp.Kind != registry.Organisation && !x.hasOrgWord(words) && readScanDigits(words)
	scanned = sp.Kind != registry.Organisation && !x.hasOrgWord(words) && x.recase(words) || scanned
	if len(words) > 1 && x.reg.IsDocumentWord(words[len(words)-1]) && !(len(words) == 2 && x.isGivenName(words[0])) && !x.namedFor(words) {
		// "Bipartisan Safer Communities Act": a law is quoted, it does not speak ("Nathan Law"
		// and the "Bazelon Center for Mental Health Law" do)
		return sp, false
	}
	if len(words) > 2 && words[1] == "of" && x.reg.IsDocumentWord(words[0]) && !strings.HasPrefix(words[0], "Order") {
		return sp, false // "Plan of Action", "Declaration of Independence"; not "Order of Malta"
	}
	if len(words) == 1 && sp.Role != "" && x.reg.IsTitleWord(words[0]) && !x.isGivenName(words[0]) {
		// "Emeritus" of "Speaker Emeritus, … Nancy Pelosi": a title's word after a title, no
		// name ("Statement by Mr. KING", "by Major" are surnames)
		return sp, false
	}
	// A title misspelt before a name: "Commisioner McGonigle".
	// Not an organisation's first word: "Economic Community of West African States".
	if len(words) > 1 && sp.Kind != registry.Organisation && !x.isGivenName(words[0]) && !startsLower(words[1]) && x.misspeltTitle(words[0]) {
		// not "Commission on Federal Election Reform": an organisation's word and its phrase
		words = words[1:]
	}
	// Lower-case words before a name are a title's end or a phrase's ("for Peace Missions
	// Steve Witkoff", "elect Biden", "at-Large Josh Hammer", "of Science").
	cut := false
	for len(words) > 0 && !x.reg.IsNameParticle(words[0]) && startsLower(words[0]) && !hasCapital(words[0]) {
		words, cut = words[1:], true // not "el-Khouri", "d'Alva": a name whose particle is joined to it
	}
	if len(words) == 0 {
		return sp, false
	}
	// A given name after a title, an organisation or cut words starts the name: "Pacific
	// Islander Senior Liaison Erika Moritsugu", "California Assemblymember Mike Fong".
	if k := x.givenNameAt(words, cut); k > 0 {
		words = words[k:]
	}
	// A title run into a surname: "State Blinken" (of "Secretary of State Blinken").
	for len(words) > 1 && sp.Kind != registry.Organisation && !x.hasOrgWord(words) && x.reg.IsTitleWord(strings.TrimSuffix(words[0], ".")) {
		words = words[1:]
	}
	if len(words) > 1 && x.reg.IsNotName(words[0]) && !x.hasOrgWord(words) {
		return sp, false // "Three Years": no name starts with a word that is never one
	}
	if x.headlineWords(words) {
		return sp, false // "Medal Of Honor", "Trump Keeps His Promises"
	}
	if len(words) >= 3 && gerund(words[0]) && !x.isGivenName(words[0]) && sp.Kind != registry.Organisation && !x.hasOrgWord(words) {
		return sp, false // a heading that opens with its verb: "Addressing A Crypto Management Gap"
	}
	// A registered person's name, then words that name no one: "Biden Four Years",
	// "Biden Welcoming", "Kamala Harris Three Years".
	if sp.Kind != registry.Organisation {
		for k := len(words) - 1; k >= 1; k-- {
			if !x.notNameWords(words[k:]) {
				break
			}
			if k == 1 && x.isGivenName(words[0]) {
				break // "Warren Browning" is no Senator Warren
			}
			if a := x.registeredPerson(words[:k]); a >= 0 {
				return x.registered(a), true
			}
		}
	}
	// A verb of a headline after a given name and a surname: "Adam Hodge Welcoming".
	if len(words) >= 3 && x.isGivenName(words[0]) {
		for k := 2; k < len(words); k++ {
			if gerund(words[k]) && !x.isGivenName(words[k]) && (k < len(words)-1 || x.isCommon(words[k])) {
				words = words[:k] // not "Delmer Urbizo Panting", whose last word the text never writes small
				break
			}
		}
	}
	if len(words) == orig && !scanned {
		return sp, true
	}
	if len(words) == 1 && gerund(words[0]) {
		return sp, false // "Press Credentialing" is no one
	}
	name := strings.Join(words, " ")
	if a := x.registeredPerson(words); a >= 0 {
		return x.registered(a), true
	}
	sp.Name = name
	if len(words) >= 2 && sp.Kind == "" {
		sp.Kind = registry.Person
	}
	return sp, true
}

// readScanDigits writes as letters the digits a scan read in the words of a name ("Ricard0
// Garcia" is Ricardo Garcia, "Reem A1 Hashimy" Reem Al Hashimy): one 0 or 1 in a word of
// letters, in a name with another word of letters ("H1N1", "G10" are not read). It reports
// whether it changed a word.
func readScanDigits(words []string) bool {
	if len(words) < 2 {
		return false
	}
	changed := false
	for i, w := range words {
		if strings.Count(w, "0")+strings.Count(w, "1") != 1 || strings.IndexFunc(w, unicode.IsLetter) < 0 ||
			strings.IndexFunc(w, func(r rune) bool { return unicode.IsDigit(r) && r != '0' && r != '1' }) >= 0 {
			continue
		}
		other := false
		for j, o := range words {
			other = other || j != i && utf8.RuneCountInString(o) > 1 && strings.IndexFunc(o, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' }) < 0
		}
		if !other {
			continue
		}
		upper := isUpper(w)
		b := []rune(w)
		for k, r := range b {
			switch {
			case r == '0' && (upper || k == 0):
				b[k] = 'O'
			case r == '0':
				b[k] = 'o'
			case r == '1' && (upper && k > 0 && len(b) > 2 || k == 0):
				b[k] = 'I'
			case r == '1':
				b[k] = 'l'
			}
		}
		words[i], changed = string(b), true
	}
	return changed
}

// namedFor reports whether a name is an organisation's named for what it does: an
// organisation's word, then "for" or "of" ("Center for Mental Health Law", "School of Law").
func (x *extractor) namedFor(words []string) bool {
	for k := 0; k+1 < len(words); k++ {
		if x.reg.IsOrgWord(words[k]) && (words[k+1] == "for" || words[k+1] == "of") {
			return true
		}
	}
	return false
}

// recase writes as a name the words of a name in capitals beside words that are not ("SM da
// LUZ" is SM da Luz, "QIAN Qichen" Qian Qichen): a word of three letters or more with a vowel,
// not a numeral ("Letsie III") nor initials ("SM", "K.P."). It reports whether it changed one.
func (x *extractor) recase(words []string) bool {
	mixed := false
	for _, w := range words {
		mixed = mixed || !isUpper(w)
	}
	if !mixed || len(words) < 2 {
		return false
	}
	changed := false
	for i, w := range words {
		if isUpper(w) && utf8.RuneCountInString(w) >= 3 && strings.ContainsAny(w, "AEIOUY") && !strings.Contains(w, ".") && strings.Trim(w, "IVXL") != "" {
			words[i], changed = capitalise(w), true
		}
	}
	return changed
}

// misspeltTitle reports whether a word is a title of seven letters or more written with a slip
// ("Commisioner", "Adminstrator"): a letter or two wrong, missing, added or swapped, with the
// same first letter; not a title's plural ("Directors Guild").
func (x *extractor) misspeltTitle(w string) bool {
	lower := strings.ToLower(strings.TrimSuffix(w, "."))
	if utf8.RuneCountInString(lower) < 7 || x.reg.IsTitleWord(lower) || x.reg.IsTitleWord(strings.TrimSuffix(lower, "s")) || !nameCase(w) {
		return false
	}
	for _, t := range x.reg.Language.Titles {
		t = strings.ToLower(t)
		if len(t) >= 7 && !strings.Contains(t, " ") && t[0] == lower[0] && registry.EditDistance(lower, t) <= 2 {
			return true
		}
	}
	return false
}

// hasOrgWord reports whether a name has an organisation's word ("Association").
func (x *extractor) hasOrgWord(words []string) bool {
	for _, w := range words {
		if x.reg.IsOrgWord(w) {
			return true
		}
	}
	return false
}

// givenNameAt returns where a name starts after words that are not a name's: the first known
// given name after a title, an organisation's word or words cut before it, with a surname after
// it; 0 when none.
func (x *extractor) givenNameAt(words []string, cut bool) int {
	evidence := cut
	for k := 0; k+1 < len(words); k++ {
		w := strings.TrimSuffix(words[k], ",")
		if k > 0 && evidence && x.isGivenName(w) && nameCase(words[k+1]) {
			return k
		}
		if x.reg.IsTitleWord(strings.TrimSuffix(w, ".")) || x.reg.IsOrgWord(w) {
			evidence = true
		}
	}
	return 0
}

// headlineWords reports whether a name of several words has a capitalised word of grammar after
// its first ("Medal Of Honor", "Members Of Bts"), and no organisation's word to show it is an
// organisation's name written in capitals ("National Association Of Chain Drug Stores") unless
// it starts with a verb's -ing form.
func (x *extractor) headlineWords(words []string) bool {
	if len(words) < 2 {
		return false
	}
	grammar := false
	// A headline's verb first ("Making Our Nation’s Capital Safe Again") is no organisation's
	// name, whatever its words.
	verb := strings.HasSuffix(words[0], "ing") && !x.isGivenName(words[0])
	for k, w := range words {
		if x.reg.IsOrgWord(w) && !verb {
			return false
		}
		if k > 0 && k < len(words)-1 && nameCase(w) && x.reg.IsFunctionWord(w) {
			// between words: a name may end with one ("Lam To")
			grammar = true
		}
	}
	return grammar
}

// notNameWords reports whether words after a name are no one's: each written in lower case
// elsewhere in the document, never a name ("Four") or a verb's -ing form; none a given name, a
// particle or a suffix.
func (x *extractor) notNameWords(words []string) bool {
	for _, w := range words {
		if x.isGivenName(w) || x.reg.IsNameParticle(w) || isSuffix(strings.TrimSuffix(w, ".")) || x.reg.IsOrgWord(w) {
			return false
		}
		if !x.isCommon(w) && !x.reg.IsNotName(w) && !gerund(w) {
			return false
		}
	}
	return true
}

// registeredPerson returns the registered person a name means on the document's date, or -1:
// a name or alias of one living person, or a surname of one person in office.
func (x *extractor) registeredPerson(words []string) int {
	ms := x.reg.LookupName(strings.Join(words, " "), x.day)
	if len(ms) != 1 || len(ms[0].Actors) != 1 || ms[0].Role {
		return -1
	}
	a := ms[0].Actors[0]
	if x.reg.ActorAt(a).Kind != registry.Person || !x.fitsDate(a, len(words) == 1, !ms[0].Surname) {
		return -1
	}
	return a
}

// gerund reports whether a capitalised word is a verb's -ing form of seven letters or more
// ("Welcoming", "Thanking", "Congratulating").
func gerund(w string) bool {
	return nameCase(w) && strings.HasSuffix(w, "ing") && utf8.RuneCountInString(w) >= 7
}

// startsLower reports whether a word starts with a small letter.
func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// statementSpeakers cuts a statement title's phrase of speakers where the title goes on to say
// what the statement is about: at a colon or a dash before a subtitle ("the Leaders of the
// United States and the Republic of Indonesia: Elevating Relations to …", "President Joe Biden —
// State of the Union Address"), at a word that is never a name after a name ("President Biden
// Four Years After …"), and at a verb's -ing form after a name ("NSC Spokesperson Adam Hodge
// Welcoming the Visit of …", "President Biden Congratulating President To Lam").
func (x *extractor) statementSpeakers(who string) string {
	for _, sep := range []string{": ", " — ", " – ", " | "} {
		if i := strings.Index(who, sep); i > 0 {
			who = who[:i]
		}
	}
	toks := registry.Tokenize(who)
	for k := 1; k < len(toks); k++ {
		prev := toks[k-1].Text
		// Not a name's own word: "Hong Soon-young", "Roza I. Otunbayeva", "Kessai Note" (last,
		// and never in small letters in the text).
		ownWord := hyphenated(who, toks[k]) || len(toks[k].Text) == 1 || k == len(toks)-1 && !x.isCommon(toks[k].Text)
		if !ownWord && nameCase(toks[k].Text) && x.reg.IsNotName(toks[k].Text) && nameCase(prev) && !isUpper(prev) &&
			!x.reg.IsTitleWord(prev) && !x.reg.IsFunctionWord(prev) && !x.reg.IsNotName(prev) {
			return strings.TrimSpace(who[:toks[k].Start])
		}
	}
	for k := 2; k+1 < len(toks); k++ {
		next := toks[k+1].Text
		if gerund(toks[k].Text) && !x.isGivenName(toks[k].Text) && nameCase(toks[k-1].Text) && nameCase(toks[k-2].Text) &&
			(startsLower(next) || x.reg.IsTitleWord(next) || x.isGivenName(toks[k-2].Text) || x.reg.IsTitleWord(toks[k-2].Text)) {
			return strings.TrimSpace(who[:toks[k].Start])
		}
	}
	return who
}

// fullNameInText returns the person a transcript's label of a surname alone ("MS. CHAIKEN:")
// stands for when the text or its title writes that surname after one capitalised word that may
// be a given name, and after no other: "Ilene Chaiken", "Morris Barron", though neither given name is one
// the registry knows. A title ("Governor Little"), an honorific, an organisation's word or a
// word that is never a name before the surname is not a given name.
func (x *extractor) fullNameInText(surname string) (Speaker, bool) {
	if x.givenBefore == nil {
		x.givenBefore = x.namesBeforeSurnames()
	}
	names := x.givenBefore[strings.ToLower(surname)]
	if len(names) != 1 {
		return Speaker{}, false // none, or two people of that surname
	}
	if a := x.registeredPerson(strings.Fields(names[0])); a >= 0 {
		return x.registered(a), true
	}
	return Speaker{Actor: -1, Name: names[0], Kind: registry.Person}, true
}

// namesBeforeSurnames reads the text once for the pairs of capitalised words that may be a
// given name and a surname, and returns the names by surname, in lower case (the names as
// written, once for each given name).
func (x *extractor) namesBeforeSurnames() map[string][]string {
	out := map[string][]string{}
	given := map[string]bool{} // surname + " " + given name, in lower case
	texts := make([]string, 0, len(x.paras)+1)
	toksOf := make([][]registry.Token, 0, len(x.paras)+1)
	for p := range x.paras {
		texts, toksOf = append(texts, x.paras[p].Text), append(toksOf, x.toks[p])
	}
	// The title too: "… a Moderated Conversation with Oprah Winfrey" for "MS. WINFREY:".
	texts, toksOf = append(texts, x.title), append(toksOf, registry.Tokenize(x.title))
	for p, toks := range toksOf {
		text := texts[p]
		for k := 1; k < len(toks); k++ {
			w, prev := toks[k].Text, toks[k-1].Text
			if !nameCase(w) || text[toks[k-1].End:toks[k].Start] != " " || len(w) > 48 {
				continue
			}
			lower := strings.ToLower(strings.TrimSuffix(prev, "."))
			start := k - 1
			if k >= 2 && apostrophed(text, toks[k-2], toks[k-1]) {
				// "A’ja Wilson": a given name of a capital, an apostrophe and small letters
				start, lower = k-2, strings.ToLower(text[toks[k-2].Start:toks[k-1].End])
			} else if !x.mayBeGivenName(prev) || strings.EqualFold(prev, w) {
				continue
			}
			// Up to two more names before it: "Tracee Ellis Ross".
			for start > 0 && k-start < 3 && text[toks[start-1].End:toks[start].Start] == " " && x.mayBeGivenName(toks[start-1].Text) {
				start--
			}
			surname := strings.ToLower(w)
			if key := surname + " " + lower; !given[key] {
				given[key] = true
				out[surname] = append(out[surname], displayName(text[toks[start].Start:toks[k].End]))
			}
		}
	}
	return out
}

// apostrophed reports whether two tokens are one given name written with an apostrophe after
// its capital: "A’ja"; not "D'Andre" (its second part is a name of its own), nor "I’ll".
func apostrophed(text string, a, b registry.Token) bool {
	gap := text[a.End:b.Start]
	n := utf8.RuneCountInString(b.Text)
	return (gap == "’" || gap == "'") && utf8.RuneCountInString(a.Text) == 1 && nameCase(a.Text) && a.Text != "I" &&
		startsLower(b.Text) && !hasCapital(b.Text) && n >= 2 && n <= 8
}

// mayBeGivenName reports whether a capitalised word before a surname may be a given name: not a
// title ("Governor Little"), an honorific, an organisation's word, a word that is never a name,
// a word of grammar or a description ("Democrat").
func (x *extractor) mayBeGivenName(w string) bool {
	if !nameCase(w) || isUpper(w) || len(w) > 48 {
		return false
	}
	lower := strings.ToLower(strings.TrimSuffix(w, "."))
	return !x.reg.IsHonorific(lower) && !x.reg.IsTitleWord(lower) && !x.reg.IsOrgWord(w) && !x.reg.IsNotName(w) &&
		!x.reg.IsFunctionWord(w) && !x.reg.IsNameModifier(w)
}

// surnamesInCapitals writes as a name a statement title's speaker given as one word in capitals
// that the registry does not know and the text never writes: "Statement by DINKA to the General
// Debate …" is Dinka's, where an acronym ("Statement by NATO") is an organisation's that its
// statement names again.
func (x *extractor) surnamesInCapitals(sps []Speaker) []Speaker {
	for i, sp := range sps {
		if sp.Actor >= 0 || strings.Contains(sp.Name, " ") || !isUpper(sp.Name) || utf8.RuneCountInString(sp.Name) < 4 ||
			!strings.ContainsAny(sp.Name, "AEIOUY") || x.writesWord(sp.Name) {
			continue
		}
		sps[i].Name, sps[i].Kind = personName(sp.Name), registry.Person
	}
	return sps
}

// writesWord reports whether the text under the title writes a word.
func (x *extractor) writesWord(w string) bool {
	for p, toks := range x.toks {
		if x.paras[p].Kind == document.Title {
			continue
		}
		for _, t := range toks {
			if strings.EqualFold(t.Text, w) {
				return true
			}
		}
	}
	return false
}
