// Package highlight marks the words of a text that a search matches and cuts excerpts around
// them. It reads text through a small Analyzer, the index's own analysis behind it, and so
// knows nothing of the search engine: a text is marked as the index matches it ("alliances"
// for a search of "alliance") without an index being built.
package highlight

import (
	"html"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Span is a piece of text, marked when it matches the search. Fragments are lists of spans,
// never HTML, so that no article's text reaches a page unescaped.
type Span struct {
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

// Fragment is a piece of an article or a quote, with the searched words marked.
type Fragment []Span

// HTML writes the fragment as HTML: its text escaped, marked words in <mark>. It is the one
// writer of marks: pages (web.Marked) and the API's highlights both write through it.
func (f Fragment) HTML() string {
	var b strings.Builder
	for _, s := range f {
		if s.Mark {
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(s.Text))
			b.WriteString("</mark>")
		} else {
			b.WriteString(html.EscapeString(s.Text))
		}
	}
	return b.String()
}

// Text is the fragment's text, without its marks.
func (f Fragment) Text() string {
	var b strings.Builder
	for _, s := range f {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Marked reports whether any of the fragment is marked.
func (f Fragment) Marked() bool {
	return slices.ContainsFunc(f, func(s Span) bool { return s.Mark })
}

// Token is a word of a text as the index reads it: its term, its place in the text (bytes),
// and its position among the words.
type Token struct {
	Term       string
	Start, End int
	Position   int
}

// Analyzer reads text into the terms the index holds, as the index reads it.
type Analyzer interface {
	Analyze(text string) []Token
}

// AppendAnalyzer is an Analyzer that appends the tokens to a slice it is given: the highlighter
// then reads every paragraph of a page's hits into slices it reuses. It is told the first bytes
// of the terms the highlighter looks for (firsts): when its terms start with their word's first
// byte in lower case (as English analysis's do), it may give a word that starts with another
// ASCII byte the term "", and so not look up the terms of most words.
type AppendAnalyzer interface {
	Analyzer
	AppendTokens(dst []Token, text string, firsts *[utf8.RuneSelf]bool) []Token
}

// tokenBufs are slices of tokens for AppendAnalyzers, reused.
var tokenBufs = sync.Pool{New: func() any { return new([]Token) }}

// Highlighter marks the words of a text that a search's terms match, by analysing the text as
// the index does: "alliances" is marked for a search of "alliance". Once made it is only read,
// so a request's hits may be marked by several goroutines at once (its Analyzer must allow it).
//
// A phrase is marked only where its words come together, in order: "integrated deterrence"
// marks that phrase, not "integrity" elsewhere.
//
// A nil Highlighter marks nothing.
type Highlighter struct {
	analyzer Analyzer
	terms    map[string]bool
	phrases  [][]string          // the terms of each phrase, in order
	prefixes []string            // lower-case beginnings of the terms, to pass over text without them cheaply
	firsts   [utf8.RuneSelf]bool // the ASCII first bytes of the terms (AppendAnalyzer)
}

// New marks each of words: a word, or the words of a phrase, which must come together.
func New(an Analyzer, words []string) *Highlighter {
	h := &Highlighter{analyzer: an, terms: map[string]bool{}}
	addPrefix := func(term string) {
		// A stem is a prefix of the word in most cases ("allianc" of "alliances"); when it is
		// not, all but its last letter are, as the analysis changes only a word's end: "dai" of
		// "day", "hope" of "hoping", "countri" of "country".
		p := term
		if n := min(4, len(p)-1); n >= 1 {
			p = p[:n]
		}
		if !slices.Contains(h.prefixes, p) {
			h.prefixes = append(h.prefixes, p)
		}
	}
	addFirsts := func(terms ...string) {
		for _, t := range terms {
			if t != "" && t[0] < utf8.RuneSelf {
				h.firsts[t[0]] = true
			}
		}
	}
	for _, w := range words {
		toks := an.Analyze(w)
		if len(toks) > 1 {
			phrase := make([]string, len(toks))
			for i, t := range toks {
				phrase[i] = t.Term
			}
			h.phrases = append(h.phrases, phrase)
			addPrefix(phrase[0])
			addFirsts(phrase...)
			continue
		}
		for _, t := range toks {
			term := t.Term
			if !h.terms[term] {
				h.terms[term] = true
				addPrefix(term)
				addFirsts(term)
			}
		}
	}
	return h
}

func (h *Highlighter) empty() bool { return h == nil || len(h.terms) == 0 && len(h.phrases) == 0 }

// Empty reports whether the highlighter marks nothing.
func (h *Highlighter) Empty() bool { return h.empty() }

// HasPhrases reports whether the highlighter marks phrases: words that must come together.
func (h *Highlighter) HasPhrases() bool { return h != nil && len(h.phrases) > 0 }

// Marks returns the byte ranges of the words in text that match, in order.
func (h *Highlighter) Marks(text string) [][2]int {
	if h.empty() {
		return nil
	}
	return h.marks(text)
}

// Excerpt returns about width bytes of text around its first match, cut at word boundaries,
// with "…" where it was cut, its matches marked; the start of the text when nothing matches.
func (h *Highlighter) Excerpt(text string, width int) Fragment {
	return Excerpt(text, h.Marks(text), width)
}

// Cut returns about width bytes of the start of text, cut at a word boundary, with "…" where
// it was cut: an excerpt with nothing marked.
func Cut(text string, width int) Fragment { return Excerpt(text, nil, width) }

// mayMatch reports cheaply whether text could hold a term: it contains a term's first letters
// (case aside), or a letter that is not ASCII.
func (h *Highlighter) mayMatch(text string) bool {
	if h.empty() {
		return false
	}
	// A term's ASCII beginning is looked for in any case without a lower-case copy: found, the
	// copy would hold it too; not found, the copy could hold it only through a letter that is
	// not ASCII (no other character lower-cases to ASCII), which the look below finds.
	for _, p := range h.prefixes {
		if isASCII(p) && containsFoldASCII(text, p) {
			return true
		}
	}
	// Folded accents ("Fernández" for "fernandez") need the analyser; curly quotes and dashes,
	// in nearly every paragraph, do not.
	for i := 0; i < len(text); i++ {
		for i+8 <= len(text) && text[i]|text[i+1]|text[i+2]|text[i+3]|text[i+4]|text[i+5]|text[i+6]|text[i+7] < utf8.RuneSelf {
			i += 8 // eight ASCII bytes at a time
		}
		if i >= len(text) {
			break
		}
		if text[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			return true
		}
		i += size - 1
	}
	// Without such letters, a beginning that is not ASCII (digits of other scripts) is looked
	// for in a lower-case copy.
	var lower string
	for _, p := range h.prefixes {
		if isASCII(p) {
			continue
		}
		if lower == "" {
			lower = strings.ToLower(text)
		}
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsFoldASCII reports whether s holds lower, an ASCII lower-case string, in any case. The
// places where its first letter starts, in either case, are found with strings.IndexByte (a
// paragraph is passed over many bytes at a time), and only there is the rest compared.
func containsFoldASCII(s, lower string) bool {
	if lower == "" {
		return true
	}
	first, upper := lower[0], lower[0]
	if 'a' <= first && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	nextLower, nextUpper := -1, -1 // the next place of each case at or after i, once found
	for i := 0; i+len(lower) <= len(s); {
		if nextLower < i {
			nextLower = indexFrom(s, first, i)
		}
		if nextUpper < i && upper != first {
			nextUpper = indexFrom(s, upper, i)
		}
		at := nextLower
		if upper != first && (at < 0 || nextUpper >= 0 && nextUpper < at) {
			at = nextUpper
		}
		if at < 0 || at+len(lower) > len(s) {
			return false
		}
		if hasPrefixFoldASCII(s[at+1:], lower[1:]) {
			return true
		}
		i = at + 1
	}
	return false
}

// indexFrom is the place of the first c in s at or after i, -1 when there is none.
func indexFrom(s string, c byte, i int) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return -1
}

// hasPrefixFoldASCII reports whether s starts with lower, an ASCII lower-case string, in any case.
func hasPrefixFoldASCII(s, lower string) bool {
	if len(s) < len(lower) {
		return false
	}
	for j := 0; j < len(lower); j++ {
		if toLowerASCII(s[j]) != lower[j] {
			return false
		}
	}
	return true
}

func toLowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// marks returns the byte ranges of the words in text that match a term.
func (h *Highlighter) marks(text string) [][2]int {
	if !h.mayMatch(text) {
		return nil
	}
	var toks []Token
	if an, ok := h.analyzer.(AppendAnalyzer); ok {
		buf := tokenBufs.Get().(*[]Token)
		defer func() {
			if cap(*buf) <= 1<<16 { // a huge paragraph's slice is not kept
				tokenBufs.Put(buf)
			}
		}()
		*buf = an.AppendTokens((*buf)[:0], text, &h.firsts)
		toks = *buf
	} else {
		toks = h.analyzer.Analyze(text)
	}
	var out [][2]int
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if n := h.phraseAt(toks, i); n > 0 {
			out = append(out, [2]int{t.Start, toks[i+n-1].End})
			i += n - 1
			continue
		}
		if h.terms[t.Term] {
			out = append(out, [2]int{t.Start, t.End})
		}
	}
	return out
}

// phraseAt returns the number of tokens of the longest phrase that starts at toks[i], 0 when
// none does.
func (h *Highlighter) phraseAt(toks []Token, i int) int {
	best := 0
	for _, p := range h.phrases {
		if len(p) <= best || i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k, term := range p {
			if toks[i+k].Term != term || k > 0 && toks[i+k].Position != toks[i+k-1].Position+1 {
				ok = false
				break
			}
		}
		if ok {
			best = len(p)
		}
	}
	return best
}

// Excerpt is Highlighter.Excerpt with the text's marks already found: about width bytes of text
// around the densest run of marks.
func Excerpt(text string, ms [][2]int, width int) Fragment {
	if len(text) <= width {
		return spans(text, ms, 0, len(text))
	}
	lo := 0
	if len(ms) > 0 {
		// Centre on the densest run of matches that fits in the width.
		best, bestCount := 0, 0
		for i := range ms {
			n := 0
			for j := i; j < len(ms) && ms[j][1]-ms[i][0] <= width; j++ {
				n++
			}
			if n > bestCount {
				best, bestCount = i, n
			}
		}
		lo = max(0, ms[best][0]-width/4)
	}
	hi := min(len(text), lo+width)
	if hi == len(text) {
		lo = max(0, hi-width)
	}
	lo, hi = wordBoundary(text, lo, false), wordBoundary(text, hi, true)
	f := spans(text, ms, lo, hi)
	if lo > 0 {
		f = append(Fragment{{Text: "…"}}, f...)
	}
	if hi < len(text) {
		f = append(f, Span{Text: "…"})
	}
	return f
}

// wordBoundary moves off to the nearest space: back to the space before it for an end, on past
// the space after it for a start. It always returns the start of a character, and a space of
// more than one byte (a no-break space) is kept or dropped whole.
func wordBoundary(s string, off int, end bool) int {
	if off <= 0 || off >= len(s) {
		return max(0, min(off, len(s)))
	}
	for !utf8.RuneStart(s[off]) {
		off--
	}
	if end {
		if i := strings.LastIndexFunc(s[:off], unicode.IsSpace); i > 0 && off-i < 40 {
			return i
		}
		return off
	}
	if i := strings.IndexFunc(s[off:], unicode.IsSpace); i >= 0 && i < 40 {
		_, size := utf8.DecodeRuneInString(s[off+i:])
		return off + i + size
	}
	return off
}

// spans cuts text[lo:hi] into marked and unmarked pieces.
func spans(text string, ms [][2]int, lo, hi int) Fragment {
	var f Fragment
	at := lo
	for _, m := range ms {
		if m[1] <= lo || m[0] >= hi {
			continue
		}
		s, e := max(m[0], lo), min(m[1], hi)
		if s > at {
			f = appendSpan(f, text[at:s], false)
		}
		f = appendSpan(f, text[s:e], true)
		at = e
	}
	if at < hi {
		f = appendSpan(f, text[at:hi], false)
	}
	return f
}

// appendSpan adds a piece, joining marks separated only by a space ("Hong Kong").
func appendSpan(f Fragment, text string, mark bool) Fragment {
	if n := len(f); n > 0 && f[n-1].Mark == mark {
		f[n-1].Text += text
		return f
	}
	if n := len(f); mark && n >= 2 && f[n-2].Mark && strings.TrimSpace(f[n-1].Text) == "" {
		f[n-2].Text += f[n-1].Text + text
		return f[:n-1]
	}
	return append(f, Span{Text: text, Mark: mark})
}
