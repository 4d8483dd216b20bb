package bleveindex

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	bleveregistry "github.com/blevesearch/bleve/v2/registry"

	"github.com/readout/readout/index/highlight"
)

// Names of the analysis parts Readout registers with bleve. They are part of the mapping stored
// with an index on disk, so they must stay registered under these names (and Version must
// change when what they do changes).
const (
	wordTokenizer = "readout_words"
	stemFilter    = "readout_stem"
)

func init() {
	if err := bleveregistry.RegisterTokenizer(wordTokenizer, func(map[string]any, *bleveregistry.Cache) (analysis.Tokenizer, error) {
		return words{}, nil
	}); err != nil {
		panic(err)
	}
	if err := bleveregistry.RegisterTokenFilter(stemFilter, func(map[string]any, *bleveregistry.Cache) (analysis.TokenFilter, error) {
		return sharedStems, nil
	}); err != nil {
		panic(err)
	}
}

// words is the tokenizer: runs of letters and digits, with an apostrophe inside a word kept
// ("China’s", "don't"). It does what bleve's Unicode tokenizer does for the archive's text at a
// fraction of its cost: the Unicode word-boundary rules were a third of indexing time.
type words struct{}

func (words) Tokenize(input []byte) analysis.TokenStream {
	// Tokens are allocated in blocks, not one by one.
	var block []analysis.Token
	out := make(analysis.TokenStream, 0, len(input)/6+1)
	pos := 1
	for i := 0; i < len(input); {
		r, size := rune(input[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(input[i:])
		}
		if !IsWordRune(r) {
			i += size
			continue
		}
		start := i
		i += size
		for i < len(input) {
			r, size = rune(input[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRune(input[i:])
			}
			if IsWordRune(r) {
				i += size
				continue
			}
			if (r == '\'' || r == '’') && i+size < len(input) {
				if next, _ := utf8.DecodeRune(input[i+size:]); unicode.IsLetter(next) {
					i += size
					continue
				}
			}
			break
		}
		if len(block) == 0 {
			block = make([]analysis.Token, 64)
		}
		t := &block[0]
		block = block[1:]
		*t = analysis.Token{Term: input[start:i], Start: start, End: i, Position: pos, Type: analysis.AlphaNumeric}
		out = append(out, t)
		pos++
	}
	return out
}

// nextWord finds the first word of text at or after byte i, as Tokenize reads words: its start
// and end, and ok false when there is none. The highlighter reads a hit's text with it, without
// the tokens, copies and allocations of Tokenize (TestNextWordIsTokenize holds them to the same
// words).
func nextWord(text string, i int) (start, end int, ok bool) {
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if IsWordRune(r) {
			break
		}
		i += size
	}
	if i >= len(text) {
		return 0, 0, false
	}
	start = i
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if IsWordRune(r) {
			i += size
			continue
		}
		if (r == '\'' || r == '’') && i+size < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[i+size:]); unicode.IsLetter(next) {
				i += size
				continue
			}
		}
		break
	}
	return start, i, true
}

// IsWordRune reports whether r is part of a word, as the tokenizer reads words.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// stems is the Porter stemmer with a cache: the archive's 25 million words are about 100,000
// distinct ones, and stemming each occurrence again was a fifth of indexing time. The cache is
// bounded, so text of endless distinct words cannot grow it without end.
type stems struct {
	porter analysis.TokenFilter
	shards [16]stemShard
}

type stemShard struct {
	mu sync.RWMutex
	m  map[string][]byte
}

const maxStemsPerShard = 20000

var sharedStems = newStems()

func newStems() *stems {
	s := &stems{porter: porter.NewPorterStemmer()}
	for i := range s.shards {
		s.shards[i].m = make(map[string][]byte)
	}
	return s
}

func (s *stems) Filter(in analysis.TokenStream) analysis.TokenStream {
	var miss analysis.TokenStream
	for _, t := range in {
		if len(t.Term) < 3 {
			continue // the stemmer leaves short words alone
		}
		sh := &s.shards[int(t.Term[0]+t.Term[len(t.Term)-1])%len(s.shards)]
		sh.mu.RLock()
		stem, ok := sh.m[string(t.Term)]
		sh.mu.RUnlock()
		if ok {
			t.Term = stem
			continue
		}
		miss = append(miss, t)
	}
	if len(miss) == 0 {
		return in
	}
	keys := make([]string, len(miss))
	for i, t := range miss {
		keys[i] = string(t.Term)
	}
	s.porter.Filter(miss)
	for i, t := range miss {
		sh := &s.shards[int(keys[i][0]+keys[i][len(keys[i])-1])%len(s.shards)]
		sh.mu.Lock()
		if len(sh.m) < maxStemsPerShard {
			// A copy: the token's bytes belong to the text being analysed.
			sh.m[keys[i]] = append([]byte(nil), t.Term...)
		}
		sh.mu.Unlock()
	}
	return in
}

// TermAnalyzer reads text for the highlighter as the index reads it (highlight.Analyzer). When
// the analyser's filters take each token on its own, a word is analysed once and the term it
// gives remembered for every request (words): a page of hits was every paragraph of every hit
// analysed again.
type TermAnalyzer struct {
	analyzer  analysis.Analyzer
	tokenizer analysis.Tokenizer
	filters   []analysis.TokenFilter
	words     *wordTerms // nil: every text analysed whole
	// lowerFirst: a term starts with its word's first byte in lower case, when that is ASCII
	// (the filters lower-case, and change nothing else of a word's start).
	lowerFirst bool
}

// NewTextAnalyzer returns the analysis of the archive's text (the mapping's TextAnalyzer).
func NewTextAnalyzer() (*TermAnalyzer, error) {
	m, err := NewMapping()
	if err != nil {
		return nil, err
	}
	an := m.AnalyzerNamed(TextAnalyzer)
	if an == nil {
		return nil, errors.New("index: the text analyzer is missing")
	}
	return NewTermAnalyzer(an), nil
}

// NewTermAnalyzer reads text as an analyzer of bleve's does.
func NewTermAnalyzer(an analysis.Analyzer) *TermAnalyzer {
	t := &TermAnalyzer{analyzer: an}
	if d, ok := an.(*analysis.DefaultAnalyzer); ok && d.CharFilters == nil && tokenWise(d.TokenFilters) {
		t.tokenizer, t.filters, t.words = d.Tokenizer, d.TokenFilters, wordTermsOf(d.TokenFilters)
		t.lowerFirst = slices.ContainsFunc(d.TokenFilters, func(f analysis.TokenFilter) bool {
			_, ok := f.(*lowercase.LowerCaseFilter)
			return ok
		})
	}
	return t
}

func toLowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Analyze returns text's words with their terms.
func (t *TermAnalyzer) Analyze(text string) []highlight.Token {
	return t.AppendTokens(nil, text, nil)
}

// AppendTokens appends text's words with their terms to dst (highlight.AppendAnalyzer): a
// highlighter reuses one slice for the paragraphs of many hits. With firsts, a word that starts
// with an ASCII byte whose lower case is not among them is given the term "": the archive's
// analysis lower-cases a word and then changes only its end (the possessive, the stem), so its
// term starts with that byte's lower case, and is not one the highlighter looks for.
func (t *TermAnalyzer) AppendTokens(dst []highlight.Token, text string, firsts *[utf8.RuneSelf]bool) []highlight.Token {
	if t.words == nil {
		for _, tok := range t.analyzer.Analyze([]byte(text)) {
			dst = append(dst, highlight.Token{Term: string(tok.Term), Start: tok.Start, End: tok.End, Position: tok.Position})
		}
		return dst
	}
	if _, ok := t.tokenizer.(words); ok {
		// The archive's tokenizer, read straight from the text: no copy of it, no tokens.
		if !t.lowerFirst {
			firsts = nil
		}
		pos := 1
		for i := 0; ; pos++ {
			start, end, ok := nextWord(text, i)
			if !ok {
				return dst
			}
			word := text[start:end]
			if c := word[0]; firsts != nil && c < utf8.RuneSelf && !firsts[toLowerASCII(c)] {
				dst = append(dst, highlight.Token{Start: start, End: end, Position: pos})
				i = end
				continue
			}
			term, ok := t.words.getString(word)
			if !ok {
				term = t.analyse(&analysis.Token{Term: []byte(word), Start: start, End: end, Position: pos, Type: analysis.AlphaNumeric})
				t.words.put([]byte(word), term)
			}
			dst = append(dst, highlight.Token{Term: term, Start: start, End: end, Position: pos})
			i = end
		}
	}
	for _, tok := range t.tokenizer.Tokenize([]byte(text)) {
		term, ok := t.words.get(tok.Term)
		if !ok {
			term = t.analyse(tok)
			t.words.put(tok.Term, term)
		}
		dst = append(dst, highlight.Token{Term: term, Start: tok.Start, End: tok.End, Position: tok.Position})
	}
	return dst
}

// analyse runs the analyser's filters on one token, as they run on it among the others.
func (t *TermAnalyzer) analyse(tok *analysis.Token) string {
	c := *tok
	c.Term = append([]byte(nil), tok.Term...)
	ts := analysis.TokenStream{&c}
	for _, f := range t.filters {
		ts = f.Filter(ts)
	}
	return string(ts[0].Term)
}

// wordTerms remembers the term each word as written gives, for one chain of filters: the
// archive's texts have about 100,000 distinct words. It is bounded, like the stems' cache.
type wordTerms struct {
	shards [16]struct {
		mu sync.RWMutex
		m  map[string]string
	}
}

var wordTermsByChain sync.Map

func wordTermsOf(filters []analysis.TokenFilter) *wordTerms {
	var key strings.Builder
	for _, f := range filters {
		fmt.Fprintf(&key, "%T;", f)
	}
	if w, ok := wordTermsByChain.Load(key.String()); ok {
		return w.(*wordTerms)
	}
	w := &wordTerms{}
	for i := range w.shards {
		w.shards[i].m = map[string]string{}
	}
	actual, _ := wordTermsByChain.LoadOrStore(key.String(), w)
	return actual.(*wordTerms)
}

func (w *wordTerms) shard(word []byte) int { return int(word[0]+word[len(word)-1]) % len(w.shards) }

func (w *wordTerms) get(word []byte) (string, bool) {
	sh := &w.shards[w.shard(word)]
	sh.mu.RLock()
	term, ok := sh.m[string(word)]
	sh.mu.RUnlock()
	return term, ok
}

// getString is get for a word read from a string: no copy of it is made.
func (w *wordTerms) getString(word string) (string, bool) {
	sh := &w.shards[int(word[0]+word[len(word)-1])%len(w.shards)]
	sh.mu.RLock()
	term, ok := sh.m[word]
	sh.mu.RUnlock()
	return term, ok
}

func (w *wordTerms) put(word []byte, term string) {
	sh := &w.shards[w.shard(word)]
	sh.mu.Lock()
	if len(sh.m) < maxStemsPerShard {
		sh.m[string(word)] = term
	}
	sh.mu.Unlock()
}

// tokenWise reports whether each filter takes each token on its own, one token out for one in,
// and gives the same term for the same word wherever it is:
// those of the archive's analyser (mapping.go) do.
func tokenWise(filters []analysis.TokenFilter) bool {
	for _, f := range filters {
		switch f.(type) {
		case *en.PossessiveFilter, *lowercase.LowerCaseFilter, foldAccents, *stems:
		default:
			return false
		}
	}
	return true
}
