package archive

import (
	"unsafe"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/highlight"
	"github.com/readout/readout/lru"
)

// defaultCacheBytes bounds the articles kept analysed: about 1,500 of the White House corpus's
// (40 KB each, analysed), or 16 of the largest an article may be (about 4 MB analysed).
const defaultCacheBytes = 64 << 20

// articleCache keeps the articles pages read last, analysed, so that a search page showing ten
// hits does not read and analyse ten files each time. It is bounded in bytes, not in articles
// (lru): an article may be anything up to 2 MB, and 512 of the largest were 2 GB.
//
// Beside each article read again from the cache it keeps its paragraphs' words
// (highlight.Words), in a cache of half its bytes: a hit shown again is marked from them,
// without reading its paragraphs. An article read for the first time is marked from its text,
// as cheaply as reading its words would be, so a search of new articles pays nothing for them.
// Reading the words costs about two markings of the text, and marking from them next to
// nothing, so they are read at the third showing of the article as read (kept in the cache),
// not the second: readers' new searches show most articles once or twice before the cache lets
// them go (under the soak, words read at the second showing were a fifth of the server's CPU).
type articleCache struct {
	*lru.Cache[*index.Article]
	maxEntry int // bytes of the largest article kept
	words    *lru.Cache[articleWords]
	// shown holds the articles shown a second time, by the address of their paragraphs (a
	// number, so as not to keep them), whose words are not read yet.
	shown *lru.Cache[uintptr]
}

// shownBytes bounds shown, counting 64 bytes an article: 4,096 of them.
const shownBytes = 4096 * 64

// articleWords are the words of an article's paragraphs, and the paragraphs they were read
// from (an article read again is another).
type articleWords struct {
	paras *index.Paragraph
	words *highlight.Words
}

func newArticleCache(maxBytes int) *articleCache {
	if maxBytes <= 0 {
		maxBytes = defaultCacheBytes
	}
	// One article may take at most a quarter of the cache, so that a few huge ones cannot
	// push out everything else; a bigger one is analysed each time it is read.
	return &articleCache{Cache: lru.New[*index.Article](maxBytes), maxEntry: maxBytes / 4, words: lru.New[articleWords](maxBytes / 2), shown: lru.New[uintptr](shownBytes)}
}

// Clear drops every article and its words.
func (c *articleCache) Clear() {
	c.Cache.Clear()
	c.words.Clear()
	c.shown.Clear()
}

// wordMarks returns what marks an article's paragraphs for hl from their words, read when the
// article is shown a third time as read (again: it came from the cache; see shown) and kept;
// nil to read them.
func (c *articleCache) wordMarks(art *index.Article, again bool, an highlight.Analyzer, hl *highlight.Highlighter) *highlight.WordMarks {
	if hl.Empty() || len(art.Paragraphs) == 0 {
		return nil
	}
	paras := unsafe.SliceData(art.Paragraphs)
	if w, ok := c.words.Get(art.ID); ok && w.paras == paras {
		return hl.WordMarks(w.words)
	}
	if !again {
		return nil
	}
	if p, ok := c.shown.Get(art.ID); !ok || p != uintptr(unsafe.Pointer(paras)) {
		c.shown.Put(art.ID, uintptr(unsafe.Pointer(paras)), 64)
		return nil
	}
	texts := make([]string, len(art.Paragraphs))
	for i, p := range art.Paragraphs {
		texts[i] = p.Text
	}
	words := highlight.ReadWords(an, texts)
	if words == nil {
		return nil
	}
	if size := words.Bytes(); size <= c.maxEntry/2 {
		c.words.Put(art.ID, articleWords{paras, words}, size)
	}
	return hl.WordMarks(words)
}

func (c *articleCache) put(a *index.Article) {
	if size := memSize(a); size <= c.maxEntry {
		c.Put(a.ID, a, size)
	}
}

// memSize estimates the memory an analysed article holds: its text, its paragraphs and quotes
// and what they point to, plus an eighth for the allocator's rounding of each string up to its
// size class. A quote's text is counted whole, though one within a paragraph shares the
// paragraph's bytes. BenchmarkArticleCacheMemory compares the estimate with the heap kept.
func memSize(a *index.Article) int {
	n := articleBytes(a)
	return n + n/8
}

func articleBytes(a *index.Article) int {
	const (
		str   = int(unsafe.Sizeof(""))
		slice = int(unsafe.Sizeof([]string(nil)))
	)
	n := int(unsafe.Sizeof(*a)) + len(a.Title) + len(a.Place) + len(a.Source) + len(a.URL) + len(a.Path)
	for _, l := range [][]string{a.Tags, a.Actors, a.Speakers, a.Countries, a.Topics} {
		n += slice + len(l)*str
		for _, s := range l {
			n += len(s)
		}
	}
	n += cap(a.Paragraphs) * int(unsafe.Sizeof(index.Paragraph{}))
	for _, p := range a.Paragraphs {
		n += len(p.Text)
	}
	n += cap(a.Quotes) * int(unsafe.Sizeof(index.Quote{}))
	for _, q := range a.Quotes {
		n += len(q.ID) + len(q.Text) + cap(q.Speakers)*int(unsafe.Sizeof(index.Speaker{})) + cap(q.Topics)*str
		for _, s := range q.Speakers {
			n += len(s.ID) + len(s.Name)
		}
	}
	return n
}
