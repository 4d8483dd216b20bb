package index

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	bleveregistry "github.com/blevesearch/bleve/v2/registry"
)

// Names of the analysis parts Readout registers with bleve. They are part of the mapping stored
// with an index on disk, so they must stay registered under these names (and indexVersion must
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
		if !isWordRune(r) {
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
			if isWordRune(r) {
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

func isWordRune(r rune) bool {
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
