package quote

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/registry"
)

// extractor reads one document. Its work is linear in the text: each paragraph is tokenised,
// its quotations found and its sentences bounded once; a quotation's attribution looks only at
// its own sentence and a bounded window of what was heard before it.
type extractor struct {
	mentionBuf []mention      // scratch for mentionsIn, kept from one paragraph to the next
	orgByFirst map[string]int // organisations named in full, by their first word (-1: two); made by orgStartingWith
	firstText  int            // the first paragraph that is not a heading, -1 until firstTextPara finds it
	// titleToks are the tokens of the text being read (a paragraph, or a title's phrase) that
	// are words of a registered office before a name: "and" of "Secretary of Health and Human
	// Services Robert F. Kennedy Jr." does not end the name. Set by registryMentions.
	titleToks []int
	reg       *registry.Registry
	title     string
	day       time.Time
	paras     []document.Paragraph
	toks      [][]registry.Token

	spans  []span  // every quotation of the document, in reading order
	spanAt [][]int // per paragraph, the indexes in spans of the quotations that touch it
	bounds [][]int // per paragraph, the offsets where its sentences start, outside quotations
	ments  [][]mention
	hidden [][]mention // names inside descriptions, kept out of ments
	ents   []entity
	// byInnerWord lists the entities of several words by each word but the last.
	byInnerWord map[string][]int
	// speakerEnts finds the entity of a speaker (entityOf): by "#actor" or by name, made for
	// the first speakerEntsN entities.
	speakerEnts  map[string]int
	speakerEntsN int
	// titleCase marks headlines written with a capital to every word, where a run of capitals
	// is not a name.
	titleCase []bool
	// vocab is what the document's own words say of its capitalised ones, read in one pass
	// when first asked (vocabulary).
	vocab *vocabulary
	// titleAcronyms holds the short forms the text gives titles in parentheses ("SPEC"),
	// built when first asked.
	titleAcronyms map[string]bool
	// speakerNames holds the entities written right before or after a verb of speech (built
	// when first asked).
	speakerNames map[int]bool
	// givenBefore holds, for each surname in lower case, the capitalised words the text writes
	// right before it that may be given names (built when first asked: shape.go).
	givenBefore map[string][]string
	// place holds the entities written after "in" or "at" and not shown to be people (places).
	place map[int]bool
	// headlines remembers which paragraphs are headlines: 1 yes, -1 no, 0 not asked yet.
	headlines []int8
	// labelled counts the paragraphs that open with a name and a colon before a quotation
	// ("Amazon: “…”"), -1 until first asked (roundup).
	labelledLines int

	out       []Quote
	mentioned []int
	// heard holds who was last named or heard, oldest first: pronouns and descriptions point
	// back into it.
	heard []heard
	// current is the quotation being attributed, via how its speaker was found.
	current span
	via     string
}

// vocabulary is what the document's own words say of its capitalised ones: the words it writes
// in lower case somewhere (such a word with a capital is a heading's word, not a name); the
// words it writes after a given name ("Howard Dean": such a word alone is that surname, even
// when it is also a title); and the pairs of capitalised words it writes as a name ("bobby
// scott"). All in lower case.
type vocabulary struct {
	common, surnames, pairs map[string]bool
}

// words reads the document's vocabulary, once.
func (x *extractor) words() *vocabulary {
	if x.vocab != nil {
		return x.vocab
	}
	n := 0
	for _, toks := range x.toks {
		n += len(toks)
	}
	// About one word in four is new to the document: room for them, not a map grown again and again.
	v := &vocabulary{common: make(map[string]bool, n/4), surnames: map[string]bool{}, pairs: map[string]bool{}}
	var pair []byte
	for p, toks := range x.toks {
		for k, t := range toks {
			if c, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(c) {
				v.common[t.Text] = true
				continue
			}
			if k == 0 || x.paras[p].Text[toks[k-1].End:t.Start] != " " || !nameCase(t.Text) || !nameCase(toks[k-1].Text) {
				continue
			}
			pair = registry.AppendLower(append(registry.AppendLower(pair[:0], toks[k-1].Text), ' '), t.Text)
			if !v.pairs[string(pair)] { // a pair seen before costs no new string
				v.pairs[string(pair)] = true
			}
			if _, given := x.reg.GivenName(toks[k-1].Text); given {
				v.surnames[strings.ToLower(t.Text)] = true
			}
		}
	}
	x.vocab = v
	return v
}

// isCommon reports whether the document writes w in lower case somewhere.
func (x *extractor) isCommon(w string) bool { return inLower(x.words().common, w) }

// isSurname reports whether the document writes w after a given name somewhere.
func (x *extractor) isSurname(w string) bool { return inLower(x.words().surnames, w) }

// heard is an entity named or heard as the text goes on.
type heard struct {
	ent     int // an entity, or -1 for a joint speaker
	joint   []Speaker
	person  bool
	spoke   bool // a quote's speaker, or the subject of a verb of speech
	subject bool // the subject of its sentence, not an object or a modifier
	main    bool // the first subject of its sentence, or a quote's speaker
	para    int
	sent    int // where its sentence starts
}

// maxHeard bounds the history pronouns look back into.
const maxHeard = 64

func newExtractor(reg *registry.Registry, title string, day time.Time, paras []document.Paragraph) *extractor {
	x := &extractor{reg: reg, title: title, day: day, paras: paras, labelledLines: -1, firstText: -1}
	x.toks = make([][]registry.Token, len(paras))
	texts := make([]string, len(paras))
	for i, p := range paras {
		x.toks[i] = registry.Tokenize(p.Text)
		texts[i] = p.Text
	}
	x.spans = findSpans(texts, x.headline)
	x.spanAt = make([][]int, len(paras))
	for i, s := range x.spans {
		for p := s.Start.Para; p <= s.End.Para; p++ {
			x.spanAt[p] = append(x.spanAt[p], i)
		}
	}
	x.bounds = make([][]int, len(paras))
	for p := range paras {
		x.bounds[p] = x.sentenceBounds(p)
	}
	x.titleCase = make([]bool, len(paras))
	for p := range paras {
		x.titleCase[p] = x.isTitleCase(p)
	}
	return x
}

// registryMentions returns the registry's mentions in a text about to be read for names, and notes
// the tokens of the offices it reads as titles before a name (titleToks), which nameRun reads
// for this text only.
func (x *extractor) registryMentions(text string, toks []registry.Token) []registry.Mention {
	ms, titles := x.reg.MentionsAndTitles(text, toks, x.day)
	x.titleToks = x.titleToks[:0]
	for _, t := range titles {
		for k := t.TokStart; k < t.TokEnd; k++ {
			x.titleToks = append(x.titleToks, k)
		}
	}
	return ms
}

// analyse reads the mentions of every paragraph, and gathers the names into entities.
// Paragraphs [from, to) are read for quotation marks and need everything: names, pronouns,
// descriptions and how each stands in its sentence. Elsewhere (a transcript's turns, the text
// of a statement) only the names are read: they tell who the document's people are, and which
// actors it names.
func (x *extractor) analyse(from, to int) {
	x.ents, x.mentioned = x.ents[:0], x.mentioned[:0] // read again from the start, if read before
	x.orgByFirst = nil
	x.ments = make([][]mention, len(x.paras))
	x.hidden = make([][]mention, len(x.paras))
	for p := range x.paras {
		ms := x.registryMentions(x.paras[p].Text, x.toks[p])
		x.ments[p] = x.mentionsIn(p, ms, p < from || p >= to)
	}
	x.cluster()
	x.appositives()
	x.place = x.places()
	x.givenNamesAlone()
	x.pronounGenders()
	x.statesBodies()
	for e := range x.place {
		if x.ents[e].person {
			delete(x.place, e) // shown to be a person since: "in Chelsea", then "Chelsea said she …"
		}
	}
	seen := map[int]bool{}
	for p := range x.ments {
		for _, m := range x.ments[p] {
			for _, a := range x.mentionActors(m) {
				if !seen[a] {
					seen[a] = true
					x.mentioned = append(x.mentioned, a)
				}
			}
		}
	}
}

// isTitleCase reports whether paragraph p is a headline with a capital to most of its words
// ("Hillary Clinton Goes After Donald Trump As The New Mitt Romney").
func (x *extractor) isTitleCase(p int) bool {
	// Only the headline printed with the text: a heading or a line in capitals that introduces
	// a quotation ("Statement of UAW President Ray Curry:") names people as text does.
	if x.paras[p].Kind != document.Title && !(p <= 1 && strings.TrimSpace(x.paras[p].Text) == strings.TrimSpace(x.title)) {
		return false
	}
	caps, words := 0, 0
	for _, t := range x.toks[p] {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsLetter(r) || len(t.Text) <= 3 && !unicode.IsUpper(r) {
			continue // small words: "of", "the", "a"
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*8
}

// mentionActors returns the registered actors a mention names for the article's list of actors.
func (x *extractor) mentionActors(m mention) []int {
	switch m.kind {
	case mName:
		if m.ent >= 0 && x.ents[m.ent].actor >= 0 {
			return []int{x.ents[m.ent].actor}
		}
	case mRole:
		if len(m.actors) == 1 {
			return m.actors
		}
	}
	return nil
}

// quoted reports whether the offset of paragraph p lies between a quotation's marks.
func (x *extractor) quoted(p, off int) bool {
	at := x.spanAt[p]
	k := x.spanFrom(p, off)
	return k < len(at) && x.spans[at[k]].covers(Pos{p, off})
}

// spanFrom returns the first of x.spanAt[p] that ends after offset off of paragraph p. Spans
// are in reading order and do not overlap, so a search finds it: a paragraph of many
// quotations is read in time linear in its length, not quadratic.
func (x *extractor) spanFrom(p, off int) int {
	at := x.spanAt[p]
	pos := Pos{p, off}
	return sort.Search(len(at), func(k int) bool {
		sp := x.spans[at[k]]
		return pos.Before(Pos{sp.End.Para, sp.closeEnd})
	})
}

// covers reports whether pos lies between the span's marks, the marks included.
func (s span) covers(pos Pos) bool {
	return !pos.Before(Pos{s.Start.Para, s.open}) && pos.Before(Pos{s.End.Para, s.closeEnd})
}

// sentenceBounds returns the offsets where the sentences of paragraph p start: 0, and after each
// sentence end outside quotations.
func (x *extractor) sentenceBounds(p int) []int {
	s := x.paras[p].Text
	out := []int{0}
	spans := x.spanAt[p]
	// A quotation that ends its sentence inside its marks ("… human rights.”  Calling …")
	// ends the writer's sentence too.
	var ends []int
	for _, i := range spans {
		sp := x.spans[i]
		if sp.End.Para != p || sp.closeEnd >= len(s) || sp.End.Off == 0 {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s[:sp.End.Off], " "))
		if (last == '.' || last == '!' || last == '?') && x.sentenceEndsAt(s, sp.closeEnd-1) {
			ends = append(ends, sp.closeEnd)
		}
	}
	k := 0
	for i := 0; i < len(s); i++ {
		// From one stop to the next: the ends of quotations (in order) on the way.
		next := len(s)
		if j := strings.IndexAny(s[i:], ".!?"); j >= 0 {
			next = i + j
		}
		for len(ends) > 0 && ends[0] <= next && ends[0] < len(s) {
			out = append(out, ends[0])
			ends = ends[1:]
		}
		if i = next; i == len(s) {
			break
		}
		for k < len(spans) && x.spans[spans[k]].End.Para == p && x.spans[spans[k]].closeEnd <= i {
			k++
		}
		inside := k < len(spans) && x.spans[spans[k]].covers(Pos{p, i})
		if !inside && x.sentenceEndsAt(s, i) {
			out = append(out, i+1)
		}
	}
	return x.splitLong(p, out)
}

// maxSentence bounds what is read as one sentence. Rules read a quotation's sentence back to
// its start; a "sentence" of a megabyte with a quotation every few words (a hostile or broken
// file) would be read again for each of them. No sentence people write is this long.
const maxSentence = 2000

// splitLong adds bounds to the sentences of paragraph p longer than maxSentence bytes, at the
// first space after each maxSentence bytes that is not inside a quotation.
func (x *extractor) splitLong(p int, bounds []int) []int {
	s := x.paras[p].Text
	var out []int
	for k, b := range bounds {
		out = append(out, b)
		end := len(s)
		if k+1 < len(bounds) {
			end = bounds[k+1]
		}
		for b+maxSentence < end {
			i := b + maxSentence
			if at := x.spanAt[p]; x.quoted(p, i) {
				if sp := x.spans[at[x.spanFrom(p, i)]]; sp.End.Para == p {
					i = sp.closeEnd
				} else {
					i = end
				}
			}
			sp := strings.IndexByte(s[min(i, end):end], ' ')
			if sp < 0 {
				break
			}
			b = i + sp + 1
			if b < end {
				out = append(out, b)
			}
		}
	}
	return out
}

// sentenceStart returns where the sentence holding off begins in paragraph p.
func (x *extractor) sentenceStart(p, off int) int {
	b := x.bounds[p]
	i := sort.SearchInts(b, off+1) - 1
	return b[max(i, 0)]
}

// sentenceEnd returns where the sentence holding off ends in paragraph p: the next sentence
// start, or the next quotation's opening mark, whichever comes first.
func (x *extractor) sentenceEnd(p, off int) int {
	s := x.paras[p].Text
	end := len(s)
	b := x.bounds[p]
	if i := sort.SearchInts(b, off+1); i < len(b) {
		end = b[i]
	}
	for _, i := range x.spanAt[p][x.spanFrom(p, off):] {
		sp := x.spans[i]
		if sp.Start.Para != p || sp.open < off {
			continue // the quotation off is in
		}
		if x.ments != nil && x.inMention(p, sp.open) {
			continue // a nickname inside a name: Marcia "Tia" Lowe
		}
		if sp.open < end {
			end = sp.open
		}
		break
	}
	return end
}

// mentionsBetween returns the mentions of paragraph p that lie in [lo, hi).
// inMention reports whether offset off of paragraph p is inside one of its mentions.
func (x *extractor) inMention(p, off int) bool {
	ms := x.ments[p]
	i := sort.Search(len(ms), func(i int) bool { return ms[i].end > off })
	return i < len(ms) && ms[i].start <= off
}

func (x *extractor) mentionsBetween(p, lo, hi int) []mention {
	ms := x.ments[p]
	i := sort.Search(len(ms), func(i int) bool { return ms[i].start >= lo })
	j := i
	for j < len(ms) && ms[j].start < hi {
		if ms[j].end > hi {
			// A mention that runs past hi: leave it out, keep the ones after it that fit.
			var out []mention
			for _, m := range ms[i:] {
				if m.start >= hi {
					break
				}
				if m.end <= hi {
					out = append(out, m)
				}
			}
			return out
		}
		j++
	}
	return ms[i:j]
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

// groupDeterminer reports whether the group noun at i is preceded, within two words, by "the",
// "both", "two" or the like: "the two secretaries", "both nations".
func groupDeterminer(toks []registry.Token, i int) bool {
	return groupStart(toks, i) < i
}

// groupStart returns where the group whose noun is at token i begins: at the first of its
// determiners in the three words before it, or at i when it has none.
func groupStart(toks []registry.Token, i int) int {
	start := i
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch strings.ToLower(toks[k].Text) {
		case "the", "both", "two", "three", "four", "all", "these", "those":
			start = k
		}
	}
	return start
}

// sentenceWords are capitalised words that begin sentences and clauses, not names.
var sentenceWords = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"in": true, "on": true, "at": true, "for": true, "and": true, "but": true, "or": true,
	"as": true, "if": true, "when": true, "while": true, "meanwhile": true, "however": true,
	"after": true, "before": true, "during": true, "since": true, "with": true, "without": true,
	"he": true, "she": true, "they": true, "we": true, "i": true, "it": true, "his": true, "her": true,
	"their": true, "our": true, "my": true, "its": true, "by": true, "from": true, "to": true,
	"of": true, "global": true, "former": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "according": true, "citing": true,
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

// hear puts who spoke or was named at the end of the history.
func (x *extractor) hear(h heard) {
	if h.ent < 0 && len(h.joint) == 0 {
		return
	}
	x.heard = append(x.heard, h)
	if len(x.heard) > 2*maxHeard {
		x.heard = slices.Clone(x.heard[len(x.heard)-maxHeard:])
	}
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
