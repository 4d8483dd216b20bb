// Package lru keeps values by key within a bound in bytes, dropping the least recently used
// first. It is the one such cache of the server: the analysed articles pages read
// (index/archive) and whole answers to requests (handlers) are both kept in one. A bound in
// bytes, not in entries, because an entry may be anything from a few bytes to megabytes.
package lru

import (
	"container/list"
	"sync"
)

// Cache is safe for use by several goroutines.
type Cache[V any] struct {
	mu    sync.Mutex
	max   int // bytes
	bytes int
	order *list.List // of *entry[V], most recent first
	byKey map[string]*list.Element
}

type entry[V any] struct {
	key   string
	value V
	size  int
}

// New returns a cache of at most maxBytes, as its entries' sizes count them.
func New[V any](maxBytes int) *Cache[V] {
	return &Cache[V]{max: maxBytes, order: list.New(), byKey: map[string]*list.Element{}}
}

// Get returns the value kept under key, and makes it the most recently used.
func (c *Cache[V]) Get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*entry[V]).value, true
}

// Put keeps value under key, counted as size bytes, in place of any value kept under it, then
// drops the least recently used values until the cache is within its bound.
func (c *Cache[V]) Put(key string, value V, size int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		old := e.Value.(*entry[V])
		c.bytes += size - old.size
		old.value, old.size = value, size
		c.order.MoveToFront(e)
	} else {
		c.byKey[key] = c.order.PushFront(&entry[V]{key, value, size})
		c.bytes += size
	}
	for c.bytes > c.max && c.order.Len() > 0 {
		last := c.order.Back()
		old := last.Value.(*entry[V])
		c.order.Remove(last)
		delete(c.byKey, old.key)
		c.bytes -= old.size
	}
}

// Clear drops every value.
func (c *Cache[V]) Clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	clear(c.byKey)
	c.bytes = 0
}

// Len is how many values are kept; Bytes what they count.
func (c *Cache[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// Bytes is the sum of the sizes of the values kept.
func (c *Cache[V]) Bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}
