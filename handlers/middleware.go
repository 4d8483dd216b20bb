package handlers

import (
	"fmt"
	"net/http"
	"runtime/debug"
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
		s.log.Info("request",
			"method", r.Method,
			"path", r.URL.Path,
			"status", status,
			"bytes", ww.BytesWritten(),
			"took_ms", float64(time.Since(start).Microseconds())/1000,
			"request_id", middleware.GetReqID(r.Context()),
		)
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

// limiter bounds the searches under way: past the bound a request waits a little for a place,
// then gets a 503 with Retry-After, so that a flood of searches slows nobody's page view of a
// cached answer, a static file or a health check.
type limiter struct {
	slots chan struct{}
	wait  time.Duration
}

func newLimiter(n int, wait time.Duration) *limiter {
	if n <= 0 {
		return nil
	}
	return &limiter{slots: make(chan struct{}, n), wait: wait}
}

// limit applies the bound to the routes it wraps, answering in the route's format.
func (s *Server) limit(f format) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		if s.limiter == nil {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select {
			case s.limiter.slots <- struct{}{}:
			default:
				t := time.NewTimer(s.limiter.wait)
				select {
				case s.limiter.slots <- struct{}{}:
					t.Stop()
				case <-t.C:
					s.fail(w, r, f, &Error{Status: http.StatusServiceUnavailable, Msg: "Too many searches at once. Please try again in a second."})
					return
				case <-r.Context().Done():
					t.Stop()
					return
				}
			}
			defer func() { <-s.limiter.slots }()
			next.ServeHTTP(w, r)
		})
	}
}
