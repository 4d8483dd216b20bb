package registry

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word of a text: a run of letters and digits, with its byte offsets in the text.
type Token struct {
	Text       string
	Start, End int
}

// Tokenize splits s into words. Apostrophes, hyphens and periods end a word, so "China’s"
// gives "China" and "s", and "U.S." gives "U" and "S": names are matched the same way.
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5+1)
	start := -1
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			// ASCII, most of any text: a table, no rune decoding
			if asciiWord[b] {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				toks = append(toks, Token{s[start:i], start, i})
				start = -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			toks = append(toks, Token{s[start:i], start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		toks = append(toks, Token{s[start:], start, len(s)})
	}
	return toks
}

// asciiWord marks the ASCII bytes that are a word's: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for b := range t {
		t[b] = 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
	}
	return t
}()

// caseRule says how a pattern word compares with a word of the text.
type caseRule uint8

const (
	anyCase     caseRule = iota // "the top U.S. diplomat": the, top, diplomat match any case
	capitalised                 // "Blinken": the text's word starts with a capital, "BLINKEN" too
	exactCase                   // "US", "EU", or a term the registry marks as cased
)

type patternWord struct {
	lower string
	exact string
	rule  caseRule
}

type pattern[T any] struct {
	words  []patternWord
	plural bool // the last word may take a plural "s" or "es"
	value  T
}

// Matcher finds registered phrases in tokenised text, longest first, left to right.
type Matcher[T any] struct {
	byFirst map[string][]*pattern[T] // every pattern, by its first word in lower case
	// anyFirst holds the patterns whose first word matches in any case: the only ones a word
	// written in lower case can start. Most words of a text are, so most lookups are here, in a
	// small map, without making a lower-case copy.
	anyFirst map[string][]*pattern[T]
	// split holds byFirst's big buckets again by their second word: "President" starts a
	// hundred names, and a text says "President" often.
	split map[string]*byNext[T]
	// maybe is a filter of first words, by their first and last letters and length, over
	// both maps: most words of a text start no pattern and cost no map lookup.
	maybe wordFilter
}

// wordFilter is a set of words that may answer yes for a word not in it, never no for one in
// it. It looks at an ASCII word's first and last letters, in any case, and its length; a word
// with other letters is always maybe.
type wordFilter [1 << 16 / 64]uint64

// wordShape reads a word once: whether it is all ASCII, and whether it is ASCII with no
// capital (its lower case is itself).
func wordShape(w string) (ascii, lower bool) {
	var upper, high byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		high |= c & 0x80
		if 'A' <= c && c <= 'Z' {
			upper = 1
		}
	}
	return high == 0, high == 0 && upper == 0
}

// slot is an ASCII word's place in the filter: its first and last letters in any case, and its
// length. (A word with other letters has none: its lower case may be of another length, "İ".)
func slot(w string) uint {
	h := (uint(w[0]|0x20)*131+uint(w[len(w)-1]|0x20))*67 + uint(min(len(w), 63))
	return h % (1 << 16)
}

func (f *wordFilter) add(w string) {
	if ascii, _ := wordShape(w); ascii && w != "" {
		h := slot(w)
		f[h/64] |= 1 << (h % 64)
	}
}

// mayHoldASCII reports whether an ASCII word may be in the set: no means no.
func (f *wordFilter) mayHoldASCII(w string) bool {
	if w == "" {
		return false
	}
	h := slot(w)
	return f[h/64]&(1<<(h%64)) != 0
}

// byNext is a big bucket of patterns, split by their second word.
type byNext[T any] struct {
	single []*pattern[T]            // the patterns of one word
	next   map[string][]*pattern[T] // the others, by their second word in lower case, longest first
}

// splitAbove is the size of a bucket split by second words: below it, trying each is as quick.
const splitAbove = 8

func newMatcher[T any]() *Matcher[T] {
	return &Matcher[T]{byFirst: make(map[string][]*pattern[T]), anyFirst: make(map[string][]*pattern[T])}
}

// caseMode says how a phrase's words compare with a text's.
type caseMode uint8

const (
	asName   caseMode = iota // capitalised words need a capital; short upper-case ones exact case
	anyWords                 // any case: topic terms
	allExact                 // exact case: a topic's cased terms
)

// add registers a phrase.
func (m *Matcher[T]) add(phrase string, mode caseMode, plural bool, v T) {
	toks := Tokenize(phrase)
	if len(toks) == 0 {
		return
	}
	p := &pattern[T]{plural: plural, value: v}
	for _, t := range toks {
		w := patternWord{lower: strings.ToLower(t.Text), exact: t.Text}
		switch {
		case mode == allExact || (mode == asName && utf8.RuneCountInString(t.Text) <= 3 && isUpper(t.Text) && len(toks) == 1):
			w.rule = exactCase
		case mode == anyWords:
			w.rule = anyCase
		case startsUpper(t.Text):
			w.rule = capitalised
		default:
			w.rule = anyCase
		}
		p.words = append(p.words, w)
	}
	keys := []string{p.words[0].lower}
	if plural && len(p.words) == 1 {
		keys = append(keys, p.words[0].lower+"s", p.words[0].lower+"es")
	}
	for _, k := range keys {
		m.byFirst[k] = append(m.byFirst[k], p)
		if p.words[0].rule == anyCase {
			m.anyFirst[k] = append(m.anyFirst[k], p)
		}
	}
}

// finish orders each bucket longest first, so the longest phrase wins at a position.
func (m *Matcher[T]) finish() {
	for _, index := range []map[string][]*pattern[T]{m.byFirst, m.anyFirst} {
		for _, ps := range index {
			sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
		}
	}
	m.maybe = wordFilter{}
	for k := range m.byFirst { // anyFirst's keys are byFirst's too
		m.maybe.add(k)
	}
	m.split = make(map[string]*byNext[T])
	for k, ps := range m.byFirst {
		if len(ps) <= splitAbove {
			continue
		}
		b := &byNext[T]{next: make(map[string][]*pattern[T])}
		for _, p := range ps { // longest first, and so is each part
			if len(p.words) == 1 {
				b.single = append(b.single, p)
				continue
			}
			second := p.words[1].lower
			keys := []string{second}
			if p.plural && len(p.words) == 2 {
				keys = append(keys, second+"s", second+"es")
			}
			for _, k := range keys {
				b.next[k] = append(b.next[k], p)
			}
		}
		m.split[k] = b
	}
}

// Match is one phrase found in a text.
type Match[T any] struct {
	Start, End       int // byte offsets in the text
	TokStart, TokEnd int // token indexes, end exclusive
	Value            T
}

// startingWith returns the patterns whose first word is t, longest first; buf is scratch
// space for t's lower case, returned for reuse.
func (m *Matcher[T]) startingWith(t string, buf []byte) ([]*pattern[T], []byte) {
	ascii, lower := wordShape(t)
	if ascii && !m.maybe.mayHoldASCII(t) {
		return nil, buf
	}
	if lower {
		return m.anyFirst[t], buf
	}
	buf = AppendLower(buf[:0], t)
	return m.byFirst[string(buf)], buf
}

// FindAll returns the phrases found in the tokens of text, not overlapping, longest first.
// Words of a phrase must be separated by nothing but spaces and light punctuation, so a phrase
// does not run across a sentence's end.
func (m *Matcher[T]) FindAll(text string, toks []Token) []Match[T] {
	var out []Match[T]
	var lowerBuf, nextBuf []byte
	for i := 0; i < len(toks); {
		var candidates, singles []*pattern[T]
		candidates, lowerBuf = m.startingWith(toks[i].Text, lowerBuf)
		if len(candidates) > splitAbove && !isLowerASCII(toks[i].Text) {
			// lowerBuf holds the word in lower case: the bucket's patterns of two words or
			// more are those whose second word is the next one, then those of one word.
			if b := m.split[string(lowerBuf)]; b != nil {
				candidates, singles = nil, b.single
				if i+1 < len(toks) {
					nextBuf = AppendLower(nextBuf[:0], toks[i+1].Text)
					candidates = b.next[string(nextBuf)]
				}
			}
		}
		best, bestLen := (*pattern[T])(nil), 0
		for _, ps := range [2][]*pattern[T]{candidates, singles} {
			for _, p := range ps {
				if i+len(p.words) > len(toks) {
					continue
				}
				if p.matchAt(text, toks, i) {
					best, bestLen = p, len(p.words)
					break // the bucket is longest first
				}
			}
			if best != nil {
				break
			}
		}
		if best == nil {
			i++
			continue
		}
		out = append(out, Match[T]{
			Start: toks[i].Start, End: toks[i+bestLen-1].End,
			TokStart: i, TokEnd: i + bestLen, Value: best.value,
		})
		i += bestLen
	}
	return out
}

// FindEach returns, for each value, the phrases of that value found in the tokens of text, as
// FindAll does; but phrases of different values may overlap, so that a phrase inside another's
// is found too ("China" in "South China Sea", "hypersonic" in "hypersonic missile"). Values must
// be comparable: a topic's index.
func FindEach[T comparable](m *Matcher[T], text string, toks []Token) []Match[T] {
	var out []Match[T]
	var lowerBuf []byte
	covered := map[T]int{} // the token past each value's last match
	for i := range toks {
		var candidates []*pattern[T]
		candidates, lowerBuf = m.startingWith(toks[i].Text, lowerBuf)
		for _, p := range candidates { // longest first: each value's longest phrase here
			if i+len(p.words) > len(toks) || covered[p.value] > i || !p.matchAt(text, toks, i) {
				continue
			}
			end := i + len(p.words)
			out = append(out, Match[T]{Start: toks[i].Start, End: toks[end-1].End, TokStart: i, TokEnd: end, Value: p.value})
			covered[p.value] = end
		}
	}
	return out
}

func (p *pattern[T]) matchAt(text string, toks []Token, i int) bool {
	last := len(p.words) - 1
	for k, w := range p.words {
		t := toks[i+k].Text
		if k > 0 && !joinable(toks[i+k-1].Text, text[toks[i+k-1].End:toks[i+k].Start]) {
			return false
		}
		if !w.matches(t, p.plural && k == last) {
			return false
		}
	}
	return true
}

func (w patternWord) matches(t string, plural bool) bool {
	if !w.sameWord(t) {
		if !plural {
			return false
		}
		switch {
		case len(t) >= len(w.lower)+2 && strings.EqualFold(t[len(t)-2:], "es") && w.sameWord(t[:len(t)-2]):
		case len(t) >= len(w.lower)+1 && strings.EqualFold(t[len(t)-1:], "s") && w.sameWord(t[:len(t)-1]):
		default:
			return false
		}
	}
	return true
}

func (w patternWord) sameWord(t string) bool {
	switch w.rule {
	case exactCase:
		return t == w.exact
	case capitalised:
		return startsUpper(t) && strings.EqualFold(t, w.lower)
	default:
		return strings.EqualFold(t, w.lower)
	}
}

// joinable reports whether the gap after a word keeps it and the next word in one phrase.
func joinable(word, gap string) bool {
	if len(gap) > 4 {
		return false
	}
	for _, r := range gap {
		switch r {
		case ' ', '\u00a0', '.', '-', '\'', '’', '‑':
		default:
			return false
		}
	}
	// "Japan. Prime" ends a sentence; "U.S. Secretary" and "Mr. Blinken" do not: a period
	// after a word of three letters or fewer is taken for an abbreviation's.
	return !strings.Contains(gap, ". ") || utf8.RuneCountInString(word) <= 3
}

// isLowerASCII reports whether s is ASCII with no capital letter: its lower case is itself.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// AppendLower appends s in lower case to dst: a map key for a word without a new string.
func AppendLower(dst []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii { // most words: a byte at a time, no rune decoding
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	for _, r := range s {
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// EditDistance is the number of letters to change, add or take away to make one word another
// (Levenshtein's): how far a slip or a scan is from the name meant, for the texts' names, the
// catalog's actors and the index's words in "did you mean".
func EditDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}
