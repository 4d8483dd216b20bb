package index

import (
	"container/list"
	"sync"
)

const defaultCacheSize = 512

// articleCache keeps the articles pages read last, analysed, so that a search page showing ten
// hits does not read and analyse ten files each time. It is a plain LRU.
type articleCache struct {
	mu    sync.Mutex
	max   int
	order *list.List // of *Article, most recent first
	byID  map[string]*list.Element
}

func newArticleCache(n int) *articleCache {
	if n <= 0 {
		n = defaultCacheSize
	}
	return &articleCache{max: n, order: list.New(), byID: map[string]*list.Element{}}
}

func (c *articleCache) get(id string) (*Article, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byID[id]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*Article), true
}

func (c *articleCache) put(a *Article) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byID[a.ID]; ok {
		e.Value = a
		c.order.MoveToFront(e)
		return
	}
	c.byID[a.ID] = c.order.PushFront(a)
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byID, last.Value.(*Article).ID)
	}
}

// clear empties the cache: the archive's files changed, and with them what an id reads.
func (c *articleCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	clear(c.byID)
}
