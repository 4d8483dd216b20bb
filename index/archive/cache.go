package archive

import (
	"container/list"
	"sync"
	"unsafe"

	"github.com/readout/readout/index"
)

// defaultCacheBytes bounds the articles kept analysed: about 1,500 of the White House corpus's
// (40 KB each, analysed), or 16 of the largest an article may be (about 4 MB analysed).
const defaultCacheBytes = 64 << 20

// articleCache keeps the articles pages read last, analysed, so that a search page showing ten
// hits does not read and analyse ten files each time. It is an LRU bounded in bytes, not in
// articles: an article may be anything up to 2 MB, and 512 of the largest were 2 GB.
type articleCache struct {
	mu       sync.Mutex
	max      int // bytes
	bytes    int
	order    *list.List // of *cachedArticle, most recent first
	byID     map[string]*list.Element
	maxEntry int // bytes of the largest article kept
}

type cachedArticle struct {
	art  *index.Article
	size int
}

func newArticleCache(maxBytes int) *articleCache {
	if maxBytes <= 0 {
		maxBytes = defaultCacheBytes
	}
	// One article may take at most a quarter of the cache, so that a few huge ones cannot
	// push out everything else; a bigger one is analysed each time it is read.
	return &articleCache{max: maxBytes, maxEntry: maxBytes / 4, order: list.New(), byID: map[string]*list.Element{}}
}

func (c *articleCache) get(id string) (*index.Article, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byID[id]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cachedArticle).art, true
}

func (c *articleCache) put(a *index.Article) {
	size := memSize(a)
	if size > c.maxEntry {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byID[a.ID]; ok {
		c.bytes += size - e.Value.(*cachedArticle).size
		e.Value = &cachedArticle{a, size}
		c.order.MoveToFront(e)
	} else {
		c.byID[a.ID] = c.order.PushFront(&cachedArticle{a, size})
		c.bytes += size
	}
	for c.bytes > c.max {
		last := c.order.Back()
		v := last.Value.(*cachedArticle)
		c.order.Remove(last)
		delete(c.byID, v.art.ID)
		c.bytes -= v.size
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
	for _, l := range [][]string{a.Tags, a.Actors, a.Speakers, a.Topics} {
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

// clear empties the cache: the archive's files changed, and with them what an id reads.
func (c *articleCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	clear(c.byID)
	c.bytes = 0
}
