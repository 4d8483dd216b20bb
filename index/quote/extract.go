package quote

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/registry"
)

// extractor reads one document.
type extractor struct {
	reg   *registry.Registry
	title string
	day   time.Time
	paras []document.Paragraph
	toks  [][]registry.Token
	cands [][]cand // per paragraph, in order of offset

	out       []Quote
	mentioned []int
	// recent holds who was last named or heard, newest last: pronouns and descriptions
	// point back into it.
	recent []entity
}

// entity is a speaker or a person named outside quotations, as the text goes on.
type entity struct {
	speakers []Speaker
	person   bool
	gender   string
	spoke    bool // the entity is a quote's speaker, or the subject of a verb of speech
	para     int  // where it was last heard or named
}

type candKind uint8

const (
	candActor   candKind = iota // a registered actor, by name, alias or role
	candName                    // a proper name the registry does not know ("Daniel Russel")
	candPronoun                 // he, she, they
	candGroup                   // "the two secretaries", "both nations"
	candSurname                 // a surname alone, of one registered person, never named in full
)

// cand is a place in a paragraph that may be a quote's speaker.
type cand struct {
	start, end int
	kind       candKind
	speakers   []Speaker
	pronoun    string
	person     bool
	gender     string
	role       bool // an office's description, not a name: "the IAEA Director General"
}

func newExtractor(reg *registry.Registry, title string, day time.Time, paras []document.Paragraph) *extractor {
	x := &extractor{reg: reg, title: title, day: day, paras: paras}
	x.toks = make([][]registry.Token, len(paras))
	// Mentions are settled over the whole document, in reading order: a surname alone means the
	// person named in full before it.
	var all []registry.Mention
	counts := make([]int, len(paras))
	for i, p := range paras {
		x.toks[i] = registry.Tokenize(p.Text)
		ms := reg.Mentions(p.Text, x.toks[i], day)
		counts[i] = len(ms)
		all = append(all, ms...)
	}
	reg.ResolveMentions(all)
	seen := map[int]bool{}
	for _, m := range all {
		if len(m.Actors) == 1 && !seen[m.Actors[0]] {
			seen[m.Actors[0]] = true
			x.mentioned = append(x.mentioned, m.Actors[0])
		}
	}
	x.cands = make([][]cand, len(paras))
	for i, p := range paras {
		ms := all[:counts[i]]
		all = all[counts[i]:]
		x.cands[i] = x.candidates(p.Text, x.toks[i], ms)
	}
	return x
}

// pronoun reports whether a word is a subject pronoun that can point back to a speaker.
func pronoun(w string) (p, gender string, ok bool) {
	if len(w) < 2 || len(w) > 4 {
		return "", "", false
	}
	switch {
	case strings.EqualFold(w, "he"):
		return "he", "male", true
	case strings.EqualFold(w, "she"):
		return "she", "female", true
	case strings.EqualFold(w, "they"):
		return "they", "", true
	}
	return "", "", false
}

// candidates lists the possible speakers in a paragraph: registered actors, pronouns, group
// descriptions and proper names the registry does not know.
func (x *extractor) candidates(text string, toks []registry.Token, ms []registry.Mention) []cand {
	var out []cand
	covered := make([]bool, len(toks))
	for _, m := range ms {
		for k := m.TokStart; k < m.TokEnd; k++ {
			covered[k] = true
		}
		if len(m.Actors) == 0 && m.Surname && len(m.Candidates) == 1 {
			// "Blinken said": a surname alone is a speaker when it is the subject of a verb
			// of speech; it is not remembered as a person named.
			a := x.reg.ActorAt(m.Candidates[0])
			out = append(out, cand{
				start: m.Start, end: m.End, kind: candSurname,
				speakers: []Speaker{{Actor: m.Candidates[0], Name: a.Name}},
				person:   true, gender: a.Gender,
			})
			continue
		}
		if len(m.Actors) != 1 {
			continue
		}
		a := x.reg.ActorAt(m.Actors[0])
		out = append(out, cand{
			start: m.Start, end: m.End, kind: candActor,
			speakers: []Speaker{{Actor: m.Actors[0], Name: a.Name}},
			person:   a.Kind == registry.Person, gender: a.Gender, role: m.Role,
		})
	}
	for i := 0; i < len(toks); i++ {
		if covered[i] {
			continue
		}
		t := toks[i].Text
		if len(t) <= 4 {
			if p, g, ok := pronoun(t); ok {
				out = append(out, cand{start: toks[i].Start, end: toks[i].End, kind: candPronoun, pronoun: p, gender: g})
				continue
			}
		}
		if len(t) > 3 && len(t) < 16 && (t[len(t)-1] == 's' || t[len(t)-1] == 'S') && x.reg.IsGroupNoun(strings.ToLower(t)) && groupDeterminer(toks, i) {
			out = append(out, cand{start: toks[max(0, i-2)].Start, end: toks[i].End, kind: candGroup})
			continue
		}
		if n := x.properName(text, toks, covered, i); n > 0 {
			name := x.personName(text, toks[i:i+n])
			if !x.reg.IsNotSpeaker(name) {
				out = append(out, cand{
					start: toks[i].Start, end: toks[i+n-1].End, kind: candName,
					speakers: []Speaker{{Actor: -1, Name: name}}, person: true,
				})
			}
			i += n - 1
		}
	}
	slices.SortFunc(out, func(a, b cand) int { return a.start - b.start })
	return out
}

// groupDeterminer reports whether the group noun at i is preceded, within two words, by "the",
// "both", "two" or the like: "the two secretaries", "both nations".
func groupDeterminer(toks []registry.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch strings.ToLower(toks[k].Text) {
		case "the", "both", "two", "three", "four", "all", "these", "those":
			return true
		}
	}
	return false
}

// sentenceWords are capitalised words that begin sentences and clauses, not names.
var sentenceWords = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"in": true, "on": true, "at": true, "for": true, "and": true, "but": true, "or": true,
	"as": true, "if": true, "when": true, "while": true, "meanwhile": true, "however": true,
	"after": true, "before": true, "during": true, "since": true, "with": true, "without": true,
	"he": true, "she": true, "they": true, "we": true, "i": true, "it": true, "his": true, "her": true,
	"their": true, "our": true, "my": true, "its": true, "by": true, "from": true, "to": true,
	"of": true, "mr": true, "mrs": true, "ms": true, "dr": true, "global": true, "former": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "according": true, "citing": true,
	"secretary": true, "president": true, "minister": true, "prime": true, "state": true,
}

// properName returns how many tokens from i form a personal name the registry does not know:
// two to four capitalised words in a row ("Daniel Russel", "Jeffrey Hornung"), separated by
// single spaces, after any titles and the words before them ("Domestic Policy Council Director
// Chris Smith"; personName keeps the name). It returns 0 when there is none.
func (x *extractor) properName(text string, toks []registry.Token, covered []bool, i int) int {
	n, titles, since := 0, 0, 0 // since: words after the last title
	for k := i; k < len(toks) && since < 4 && n < 10; k++ {
		t := toks[k].Text
		if k > i {
			gap := text[toks[k-1].End:toks[k].Start]
			// An apostrophe inside a name joins what follows it: "Sha’ath", "O’Brien".
			if (gap == "’" || gap == "'") && n > 0 && !covered[k] {
				n++
				continue
			}
			if gap != " " && !(gap == ". " && utf8.RuneCountInString(toks[k-1].Text) == 1) && gap != "-" {
				break
			}
		}
		if covered[k] || !nameCase(t) || sentenceWords[strings.ToLower(t)] || x.reg.IsHonorific(t) {
			break
		}
		if x.titleWord(strings.ToLower(t)) {
			titles++
			since = 0
		} else {
			since++
		}
		n++
	}
	if n < 2 || titles == n {
		return 0 // "Director General" is an office, not a name
	}
	return n
}

// personName is the name an unknown speaker is kept under, without the title and the words
// before it: "California Senator Alex Padilla" is Alex Padilla, "Domestic Policy Council
// Director Chris Smith" is Chris Smith, so that each person is one actor however the text
// introduced them. Only a whole title followed by at least two words is taken off: a surname
// alone keeps its title ("Mayor Nirenberg"), and a word of a title inside an organisation's
// name ("Environmental Defense Fund") or a person's ("Angus King") is no title. The span in the
// text, for telling who is next to a verb of speech, stays the whole phrase.
func (x *extractor) personName(text string, toks []registry.Token) string {
	end := toks[len(toks)-1].End
	for k := len(toks) - 3; k >= 0; k-- {
		if x.reg.TitleEndingAt(toks, k) != "" {
			return text[toks[k+1].Start:end]
		}
	}
	return text[toks[0].Start:end]
}

// nameCase reports whether a word is written like part of a name: a capital, then small letters
// ("Russel", "McCarthy"), or a single initial.
func nameCase(t string) bool {
	r, size := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		return false
	}
	if size == len(t) {
		return true
	}
	for _, r := range t[size:] {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// remember puts who spoke or was named at the end of the recent list.
func (x *extractor) remember(e entity) {
	if len(e.speakers) == 0 {
		return
	}
	x.recent = append(x.recent, e)
	if len(x.recent) > 64 {
		x.recent = x.recent[len(x.recent)-32:]
	}
}

// lastPerson returns the person "he" or "she" points back to: the most recent speaker of the
// gender (any when gender is "") among the last few actors named, or else the most recent
// person named.
func (x *extractor) lastPerson(gender string) []Speaker {
	match := func(e entity) bool {
		return e.person && len(e.speakers) == 1 && (gender == "" || e.gender == "" || e.gender == gender)
	}
	for i := len(x.recent) - 1; i >= 0 && i >= len(x.recent)-8; i-- {
		if e := x.recent[i]; e.spoke && match(e) {
			return e.speakers
		}
	}
	for i := len(x.recent) - 1; i >= 0; i-- {
		if match(x.recent[i]) {
			return x.recent[i].speakers
		}
	}
	return nil
}

// lastGroup returns what "they" or "the two secretaries" point back to in paragraph p: the
// most recent speaker that is several actors; or an organisation or country that spoke in this
// paragraph or the one before ("Human Rights Watch has alleged … They claim"). A plural pronoun
// prefers a plural antecedent, so an organisation heard two paragraphs ago gives way to a group.
func (x *extractor) lastGroup(p int, groupOnly bool) []Speaker {
	for i := len(x.recent) - 1; i >= 0; i-- {
		e := x.recent[i]
		if !e.spoke {
			continue
		}
		if len(e.speakers) > 1 {
			return e.speakers
		}
		if !groupOnly && !e.person && e.para >= p-1 {
			return e.speakers
		}
	}
	return nil
}

// isEndMarker reports whether a paragraph closes a transcript or release: "END", "END 11:34
// A.M. CEST", a time alone.
func isEndMarker(t string) bool {
	if len(t) > 80 || len(t) < 3 || !(strings.HasPrefix(t, "END") || t[0] >= '0' && t[0] <= '9') {
		return false
	}
	t = strings.Join(strings.Fields(strings.ReplaceAll(t, "\u00a0", " ")), " ")
	if t == "END" || strings.HasPrefix(t, "END ") && (len(t) < 12 || isTimeLine(t[len("END "):])) {
		return true
	}
	return isTimeLine(t)
}

// isTimeLine reports whether a paragraph is only a clock time: "11:34 A.M. EDT".
func isTimeLine(t string) bool {
	if len(t) > 24 || len(t) < 4 {
		return false
	}
	colon := strings.IndexByte(t, ':')
	if colon < 1 || colon > 2 {
		return false
	}
	rest := strings.ToUpper(t[colon+1:])
	return len(rest) >= 2 && rest[0] >= '0' && rest[0] <= '9' && (strings.Contains(rest, "A.M") || strings.Contains(rest, "P.M") || strings.Contains(rest, "AM") || strings.Contains(rest, "PM"))
}
