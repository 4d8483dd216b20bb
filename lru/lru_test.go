package lru

import (
	"fmt"
	"testing"
)

// TestBound: the least recently used go first, the bytes counted are the entries' sizes, a
// value put again replaces the old one and its size, and one bigger than the bound is not kept.
func TestBound(t *testing.T) {
	c := New[string](100)
	for i := range 5 {
		c.Put(fmt.Sprint(i), "v", 30)
	}
	if c.Len() != 3 || c.Bytes() != 90 {
		t.Fatalf("%d values, %d bytes; want 3, 90", c.Len(), c.Bytes())
	}
	if _, ok := c.Get("1"); ok {
		t.Error("the least recently used was kept")
	}
	c.Get("2") // used: now "3" is the least recently used
	c.Put("5", "v", 30)
	if _, ok := c.Get("3"); ok {
		t.Error(`"3" was kept though "2" was used after it`)
	}
	if v, ok := c.Get("2"); !ok || v != "v" {
		t.Error(`"2", used, was dropped`)
	}
	c.Put("2", "w", 10)
	if v, _ := c.Get("2"); v != "w" || c.Bytes() != 70 {
		t.Errorf("put again: %q, %d bytes; want w, 70", v, c.Bytes())
	}
	sum := 0
	for e := c.order.Front(); e != nil; e = e.Next() {
		sum += e.Value.(*entry[string]).size
	}
	if sum != c.Bytes() {
		t.Errorf("the sizes kept add up to %d, counted %d", sum, c.Bytes())
	}
	c.Put("huge", "v", 101)
	if _, ok := c.Get("huge"); ok || c.Bytes() > 100 {
		t.Errorf("a value over the bound was kept (%d bytes)", c.Bytes())
	}
	c.Clear()
	if c.Len() != 0 || c.Bytes() != 0 {
		t.Error("Clear kept something")
	}
}
