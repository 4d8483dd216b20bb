package handlers

import (
	"fmt"
	"net/http"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5/middleware"
)

// securityHeaders sets what every answer carries. The archive shows third-party text, so the
// content security policy allows nothing but this site's own files: no inline script, no inline
// style, no plugins, no framing.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// logRequests logs each request once it is answered, with its status, size and time.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		status := ww.Status()
		if status == 0 {
			status = http.StatusOK
		}
		attrs := []any{
			"method", r.Method,
			"path", r.URL.Path,
			"status", status,
			"bytes", ww.BytesWritten(),
			"took_ms", float64(time.Since(start).Microseconds()) / 1000,
			"request_id", middleware.GetReqID(r.Context()),
		}
		if r.Context().Err() != nil {
			// The client left before its answer (a closed tab, a load tester stopping): its
			// status was seen by nobody, and is no failure of ours.
			attrs = append(attrs, "client_gone", true)
		}
		s.log.Info("request", attrs...)
	})
}

// recoverPanics turns a panic in a handler into a logged 500, so one bad request cannot take the
// server down. No request should panic; this is the last line, not a way of handling input.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logger(r).Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				s.fail(w, r, htmlFormat, fmt.Errorf("panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// limiter bounds the work under way: a few requests a core are worked on at once, and a bounded
// number more wait their turn, each for a bounded time. Past either bound a request gets a 503
// with Retry-After at once, so that a flood of searches costs neither memory nor anyone's page
// view of a cached answer, a static file or a health check, while a busy but not flooded server
// makes readers wait a little rather than refusing them.
type limiter struct {
	slots     chan struct{}
	queued    atomic.Int64
	maxQueued int64
	wait      time.Duration
}

func newLimiter(n, queued int, wait time.Duration) *limiter {
	if n <= 0 {
		return nil
	}
	return &limiter{slots: make(chan struct{}, n), maxQueued: int64(max(queued, 0)), wait: wait}
}

var errBusy = &Error{Status: http.StatusServiceUnavailable, Msg: "Too many searches at once. Please try again in a second."}

// acquire takes a place, waiting for one if the queue has room; it returns errBusy, or the
// request's own error once its client has gone.
func (l *limiter) acquire(r *http.Request) error {
	select {
	case l.slots <- struct{}{}:
		return nil
	default:
	}
	if l.queued.Add(1) > l.maxQueued {
		l.queued.Add(-1)
		return errBusy
	}
	defer l.queued.Add(-1)
	t := time.NewTimer(l.wait)
	defer t.Stop()
	select {
	case l.slots <- struct{}{}:
		return nil
	case <-t.C:
		return errBusy
	case <-r.Context().Done():
		return r.Context().Err()
	}
}

func (l *limiter) release() { <-l.slots }

// limit applies the bound to the routes it wraps, answering in the route's format.
func (s *Server) limit(f format) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		if s.limiter == nil {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if err := s.limiter.acquire(r); err != nil {
				s.fail(w, r, f, err)
				return
			}
			defer s.limiter.release()
			next.ServeHTTP(w, r)
		})
	}
}
