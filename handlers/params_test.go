package handlers

import (
	"net/url"
	"testing"
)

// TestParamsReadOnlyWhatTheCacheKeys: a parameter the response cache does not key on cannot be
// read, lest two requests that differ in it share an answer.
func TestParamsReadOnlyWhatTheCacheKeys(t *testing.T) {
	p := params{v: url.Values{"q": {"Quad"}, "unkeyed": {"1"}}}
	if got, err := p.one("q"); err != nil || got != "Quad" {
		t.Fatalf(`one("q") = %q, %v`, got, err)
	}
	defer func() {
		if recover() == nil {
			t.Fatal(`reading "unkeyed" did not panic`)
		}
	}()
	_, _ = p.one("unkeyed")
}
