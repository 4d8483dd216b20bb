// Package echo finds the same statement in several texts: a quote reported by two outlets in
// different words, a sentence of a speech in the official record, a phrase of a readout quoted by
// the press. It is pure (no index, no files): it reads texts into words that outlets and editors
// do not change (contractions, hyphens, British or American spelling folded), keeps a small
// sketch of each statement, finds the texts that hold most of a sketch, and shows two wordings
// side by side with their differences marked.
package echo

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text as compared: its folded form, and the bytes of the text it comes
// from. A contraction is two tokens of one span ("won't" is "will" and "not").
type Token struct {
	Word       string
	Start, End int
}

// Tokens reads a text into the words compared. The folding only needs to be the same on both
// sides, not right: "devour" becoming "devor" harms nothing, since every text is folded alike.
func Tokens(text string) []Token {
	var out []Token
	var sc scratch
	sc.words(text, func(w []byte, start, end int) {
		out = append(out, Token{Word: string(w), Start: start, End: end})
	})
	return out
}

// scratch holds the buffers of reading a text into words, reused from text to text.
type scratch struct {
	arena []byte    // the text's words, lower-cased, one after another
	raw   []rawWord // where each is in arena and in the text
	join  []byte
}

type rawWord struct {
	lo, hi     int32 // in arena
	start, end int32 // in the text
	dot        bool  // a full stop follows at once
}

// words calls emit with each folded word of text and the bytes of text it comes from. The word
// is only valid during the call.
func (sc *scratch) words(text string, emit func(w []byte, start, end int)) {
	sc.arena, sc.raw = sc.arena[:0], sc.raw[:0]
	start := -1
	lo := 0
	flush := func(end int, dot bool) {
		if start >= 0 {
			sc.raw = append(sc.raw, rawWord{int32(lo), int32(len(sc.arena)), int32(start), int32(end), dot})
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			if start < 0 {
				start, lo = i, len(sc.arena)
			}
			sc.arena = append(sc.arena, byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			if start < 0 {
				start, lo = i, len(sc.arena)
			}
			sc.arena = append(sc.arena, byte(r)+'a'-'A')
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			if start < 0 {
				start, lo = i, len(sc.arena)
			}
			sc.arena = utf8.AppendRune(sc.arena, unicode.ToLower(r))
		case (r == '\'' || r == '’' || r == 'ʼ') && start >= 0 && nextIsLetter(text, i+utf8.RuneLen(r)):
			sc.arena = append(sc.arena, '\'')
		default:
			flush(i, r == '.')
		}
	}
	flush(len(text), false)

	raw := sc.raw
	for i := 0; i < len(raw); i++ {
		w := sc.arena[raw[i].lo:raw[i].hi]
		start, end := int(raw[i].start), int(raw[i].end)
		// "U.S." and "U.N." are one word ("us", "un"), as "US" and "UN" are.
		if raw[i].dot && isInitial(w) {
			j := i
			for j+1 < len(raw) && raw[j].dot && raw[j+1].start == raw[j].end+1 && isInitial(sc.arena[raw[j+1].lo:raw[j+1].hi]) {
				j++
			}
			if j > i {
				sc.join = sc.join[:0]
				for k := i; k <= j; k++ {
					sc.join = append(sc.join, sc.arena[raw[k].lo:raw[k].hi]...)
				}
				w, end, i = sc.join, int(raw[j].end), j
			}
		}
		// "per cent" is "percent".
		if string(w) == "per" && i+1 < len(raw) && string(sc.arena[raw[i+1].lo:raw[i+1].hi]) == "cent" {
			emit([]byte("percent"), start, int(raw[i+1].end))
			i++
			continue
		}
		if plain(w) {
			emit(w, start, end)
			continue
		}
		for _, x := range expand(string(w)) {
			emit([]byte(x), start, end)
		}
	}
}

// plain reports whether a word is folded as it is: no apostrophe, no spelling to fold.
func plain(w []byte) bool {
	if bytes.IndexByte(w, '\'') >= 0 || string(w) == "cannot" {
		return false
	}
	if _, ok := spellings[string(w)]; ok {
		return false
	}
	if len(w) >= 5 && bytes.Contains(w[1:], []byte("our")) {
		return false
	}
	switch w[len(w)-1] {
	case 'e', 's', 'd', 'g', 'r', 'n':
	default:
		return true // no folded ending ends otherwise
	}
	for _, suf := range foldedEnds {
		if bytes.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// foldedEnds are the endings spell may change.
var foldedEnds = func() [][]byte {
	var out [][]byte
	for _, s := range []string{"ise", "ises", "ised", "ising", "iser", "isers", "isation", "isations",
		"yse", "ysed", "yses", "ysing", "tre", "tres", "bre", "fence", "fences", "cence"} {
		out = append(out, []byte(s))
	}
	return out
}()

func nextIsLetter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// isInitial reports whether a word is one letter.
func isInitial(w []byte) bool {
	r, n := utf8.DecodeRune(w)
	return n == len(w) && unicode.IsLetter(r)
}

// expand folds one word: contractions written out, possessives dropped, spellings made one.
func expand(w string) []string {
	if i := strings.IndexByte(w, '\''); i >= 0 {
		base, suffix := w[:i], w[i+1:]
		switch suffix {
		case "t":
			if strings.HasSuffix(base, "n") {
				stem := strings.TrimSuffix(base, "n")
				switch stem {
				case "wo":
					stem = "will"
				case "ca":
					stem = "can"
				case "sha":
					stem = "shall"
				case "ai":
					stem = "is"
				}
				return []string{spell(stem), "not"}
			}
		case "re":
			return []string{spell(base), "are"}
		case "ve":
			return []string{spell(base), "have"}
		case "ll":
			return []string{spell(base), "will"}
		case "d":
			return []string{spell(base), "would"}
		case "m":
			return []string{spell(base), "am"}
		case "s":
			switch base {
			case "let":
				return []string{"let", "us"}
			case "it", "that", "there", "here", "what", "who", "he", "she", "where", "how", "this":
				return []string{base, "is"}
			}
			return []string{spell(base)} // a possessive: "Russia's" is "Russia"
		}
		w = strings.ReplaceAll(w, "'", "")
	}
	if w == "cannot" {
		return []string{"can", "not"}
	}
	return []string{spell(w)}
}

// spellings are words that British and American spelling, or house styles, write otherwise
// and that the rules of spell do not reach.
var spellings = map[string]string{
	"programme": "program", "programmes": "programs", "judgement": "judgment", "judgements": "judgments",
	"ageing": "aging", "towards": "toward", "afterwards": "afterward", "amongst": "among", "whilst": "while",
	"learnt": "learned", "enrol": "enroll", "fulfil": "fulfill", "fulfilment": "fulfillment",
	"travelling": "traveling", "travelled": "traveled", "cancelled": "canceled", "labelled": "labeled",
	"modelling": "modeling", "counselling": "counseling", "jewellery": "jewelry", "grey": "gray",
	"cheque": "check", "tyre": "tire", "plough": "plow", "sceptical": "skeptical", "aluminium": "aluminum",
	"manoeuvre": "maneuver", "foetus": "fetus", "paediatric": "pediatric", "oestrogen": "estrogen",
	"coronavirus": "covid", "okay": "ok",
}

// spell folds spellings that differ by a rule: -our and -or (honour, labour), -ise and -ize,
// -yse and -yze, -tre and -ter (centre), -ence and -ense (defence).
func spell(w string) string {
	if s, ok := spellings[w]; ok {
		return s
	}
	if len(w) >= 5 {
		if i := strings.Index(w[1:], "our"); i >= 0 && !strings.HasPrefix(w, "four") {
			i++
			w = w[:i] + "o" + w[i+2:]
		}
	}
	if len(w) >= 6 {
		for _, suf := range []string{"isation", "isations", "ise", "ises", "ised", "ising", "iser", "isers"} {
			if strings.HasSuffix(w, suf) {
				i := len(w) - len(suf)
				w = w[:i] + "iz" + suf[2:]
				break
			}
		}
		for _, suf := range []string{"yse", "ysed", "yses", "ysing"} {
			if strings.HasSuffix(w, suf) {
				i := len(w) - len(suf)
				w = w[:i] + "yz" + suf[2:]
				break
			}
		}
	}
	for _, p := range [][2]string{{"tre", "ter"}, {"tres", "ters"}, {"bre", "ber"}, {"fence", "fense"}, {"fences", "fenses"}, {"cence", "cense"}} {
		if strings.HasSuffix(w, p[0]) && len(w) > len(p[0]) {
			return w[:len(w)-len(p[0])] + p[1]
		}
	}
	return w
}

// Words returns the folded words of a text.
func Words(text string) []string {
	toks := Tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Word
	}
	return out
}

// stopwords are the words that carry no statement alone: a quote made only of them and one or
// two others ("security and prosperity") is a phrase anyone may write, not a statement.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor so yet of to in on at by for with from as into onto
		about over under after before between through during without within against among upon than then
		is are was were be been being am do does did done have has had having will would shall should
		can could may might must not no yes it its this that these those there here what which who whom
		whose when where why how all any both each every some such only own same other more most very
		too also just i me my we us our you your he him his she her they them their one two s t
		if because while until up down out off again further once`) {
		m[w] = true
	}
	return m
}()

// Stopword reports whether a folded word is a stopword.
func Stopword(w string) bool { return stopwords[w] }

// commonWords are, beside the stopwords, the words of English speech too common to tell what a
// passage is about: a short statement's context (Sketch.Context) leaves them out, so that two
// briefings' "thank you", "question" and "going to" do not make them speak of the same thing.
var commonWords = strings.Fields(`say says said saying think thought know knew known going go goes
	went gone get gets got getting make makes made take takes took come comes came give gave see
	saw look want wants wanted need needs like well yeah ok right let lot thing things way ways
	really now today yesterday tomorrow time times day days week weeks year years first last next
	new good great many much sure mr ms mrs q thank thanks question questions
	answer talk talked talking tell told ask asked asking people work working continue continued
	believe mean means said important part able even still back ever never always already
	something anything nothing everything someone anyone everyone whether though although
	however around across just put keep kept call called`)

// contextSkip are the hashes of the words a context leaves out: stopwords and commonWords.
var contextSkip = func() map[uint64]bool {
	m := map[uint64]bool{}
	for w := range stopwords {
		m[hashWord(w)] = true
	}
	for _, w := range commonWords {
		m[hashWord(w)] = true
	}
	return m
}()

// stopHashes are the stopwords' hashes.
var stopHashes = func() map[uint64]bool {
	m := map[uint64]bool{}
	for w := range stopwords {
		m[hashWord(w)] = true
	}
	return m
}()
