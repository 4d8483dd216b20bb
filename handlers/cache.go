package handlers

import (
	"bytes"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/lru"
)

// responseCache keeps whole answers to GET requests, by path and query, so a search asked again
// (the same page, its feed, the JSON) is answered without searching. An answer stays true while
// the archive is the same: when files are added, changed or removed while the server runs (the
// archive's generation changes), every answer kept is dropped. The cache is bounded in bytes
// and drops the least recently used answers first. Only 200 answers are kept.
type responseCache struct {
	mu      sync.Mutex // a generation's check and its answers' keeping, as one
	answers *lru.Cache[*cached]
	gen     uint64 // the archive's generation the answers kept are of
}

type cached struct {
	key    string
	header http.Header
	body   []byte
	at     time.Time
	gen    uint64 // the archive's generation when the answer was begun
}

// sync drops every answer kept when the archive has changed since.
func (c *responseCache) sync(gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		c.answers.Clear()
		c.gen = gen
	}
}

// cacheTTL bounds how long an answer is kept: a quote's citation carries the day it was read.
const cacheTTL = time.Hour

// maxCachedBody bounds one answer kept; bigger ones are answered each time.
const maxCachedBody = 1 << 20

func newResponseCache(maxBytes int) *responseCache {
	if maxBytes <= 0 {
		return nil
	}
	return &responseCache{answers: lru.New[*cached](maxBytes)}
}

func (c *responseCache) get(key string, now time.Time) (*cached, bool) {
	v, ok := c.answers.Get(key)
	if !ok || now.Sub(v.at) > cacheTTL {
		return nil, false
	}
	return v, true
}

func (c *responseCache) put(v *cached) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v.gen != c.gen {
		return // answered from an archive that has changed since
	}
	c.answers.Put(v.key, v, len(v.key)+len(v.body)+256)
}

// cacheKey is the request's path and its query in a canonical order, so that two addresses of
// one search share an entry. Parameters no route reads are left out: they change nothing in the
// answer, and an extra "&x=1" must not make a costly search new to the cache. A query that
// cannot be parsed is not cached (it gets a 400).
func cacheKey(r *http.Request) (string, bool) {
	// What readParams refuses is refused each time, never answered from the cache.
	if len(r.URL.RawQuery) > maxQueryString {
		return "", false
	}
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return "", false
	}
	keys := make([]string, 0, len(v))
	for k, vals := range v {
		for _, x := range vals {
			if !utf8.ValidString(k) || !utf8.ValidString(x) {
				return "", false
			}
		}
		if knownParams[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString(r.URL.Path)
	for _, k := range keys {
		for _, x := range v[k] {
			b.WriteByte('&')
			b.WriteString(url.QueryEscape(k))
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(x))
		}
	}
	return b.String(), true
}

// recorder keeps an answer while it is written, to cache it.
type recorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
	over   bool
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	if !r.over {
		if r.buf.Len()+len(b) > maxCachedBody {
			r.over = true
		} else {
			r.buf.Write(b)
		}
	}
	return r.ResponseWriter.Write(b)
}

// cacheResponses answers GET and HEAD requests from the cache when it can, and keeps the 200
// answers it writes. It is used only once the archive is ready: answers given while indexing
// (503) are never kept.
func (s *Server) cacheResponses(next http.Handler) http.Handler {
	if s.cache == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if (r.Method != http.MethodGet && r.Method != http.MethodHead) || !s.archive.Ready() {
			next.ServeHTTP(w, r)
			return
		}
		key, ok := cacheKey(r)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		// Whether an answer came from the cache is not said (no X-Cache header): it would tell
		// anyone whether someone else asked the same search within the hour.
		gen := s.archive.Generation()
		s.cache.sync(gen)
		if c, hit := s.cache.get(key, s.now()); hit {
			h := w.Header()
			for k, v := range c.header {
				h[k] = v
			}
			w.WriteHeader(http.StatusOK)
			if r.Method == http.MethodGet {
				w.Write(c.body)
			}
			return
		}
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == http.StatusOK && !rec.over && r.Method == http.MethodGet && s.archive.Ready() {
			h := w.Header().Clone()
			h.Del("X-Request-Id")
			s.cache.put(&cached{key: key, header: h, body: bytes.Clone(rec.buf.Bytes()), at: s.now(), gen: gen})
		}
	})
}
