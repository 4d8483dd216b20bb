// Package conns bounds the connections an HTTP server keeps open: in all, for each client, and
// idle. A client that opens connections and leaves them idle (keep-alive) cannot take all the
// files the process may open: the server keeps a reserve of them, closes idle connections when
// it needs room (sooner the more connections are open), and answers a connection it cannot
// keep with a short 503 rather than leaving it unanswered.
//
// Use New on the listener, and its ConnState as the http.Server's:
//
//	ln := conns.New(tcp, limits, log)
//	srv.ConnState = ln.ConnState
//	srv.Serve(ln)
package conns

import (
	"container/list"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"syscall"
	"time"
)

// Limits are the bounds on connections. Zero values take defaults from Max.
type Limits struct {
	// Max is how many connections may be open at once. At it, the oldest idle connection is
	// closed to make room for a new one, or, when none is idle, the new one gets a 503.
	Max int
	// PerClient is how many connections one client (an IP address) may have open; past it,
	// a new one gets a 503. Default: a quarter of Max.
	PerClient int
	// IdlePerClient is how many idle keep-alive connections one client may keep; past it,
	// its oldest idle one is closed. Default: a sixteenth of Max, at least 2.
	IdlePerClient int
	// MaxIdle is how many idle connections are kept in all; past it, the oldest is closed.
	// Default: half of Max.
	MaxIdle int
	// IdleTimeout is how long an idle connection is kept while few are open (the
	// http.Server's own IdleTimeout closes it then, too). PressureIdle is how long once more
	// than half of Max are open, and a tenth of it once more than three quarters are.
	IdleTimeout, PressureIdle time.Duration
	// Refusing bounds the connections being answered 503 at once (each holds a file for up to
	// half a second); past it, one is closed unanswered. Default: a sixteenth of Max, at least 4.
	Refusing int
}

func (l *Limits) defaults() {
	l.Max = max(l.Max, 4)
	if l.PerClient <= 0 {
		l.PerClient = max(l.Max/4, 1)
	}
	if l.IdlePerClient <= 0 {
		l.IdlePerClient = max(l.Max/16, 2)
	}
	if l.MaxIdle <= 0 {
		l.MaxIdle = max(l.Max/2, 1)
	}
	if l.IdleTimeout <= 0 {
		l.IdleTimeout = 2 * time.Minute
	}
	if l.PressureIdle <= 0 {
		l.PressureIdle = 10 * time.Second
	}
	if l.Refusing <= 0 {
		l.Refusing = max(l.Max/16, 4)
	}
}

// ForOpenFiles returns the limits for a process that may open nofile files: a reserve of them
// (an eighth, at least 64) is kept for the index, the archive's files, the log and the
// connections being refused, and at most 4,096 connections are kept (each costs some 20 KB of
// memory).
func ForOpenFiles(nofile uint64) Limits {
	reserve := max(nofile/8, 64)
	n := 4
	if nofile > reserve+4 {
		n = int(min(nofile-reserve, 4096))
	}
	l := Limits{Max: n, Refusing: int(reserve / 4)}
	l.defaults()
	return l
}

// Listener is a net.Listener that counts and bounds the connections it accepts.
type Listener struct {
	net.Listener
	lim Limits
	log *slog.Logger

	mu       sync.Mutex
	open     int
	clients  map[string]*client
	idle     *list.List // of *conn, oldest idle first
	refused  int        // since the last report
	shed     int        // idle connections closed to make room, since the last report
	refusing int        // refusals being written

	done chan struct{}
	once sync.Once
}

type client struct {
	open, idle int
}

// conn is an accepted connection, tracked until it is closed.
type conn struct {
	net.Conn
	l      *Listener
	client string
	idleAt *list.Element // in l.idle while idle
	since  time.Time     // when it went idle
	closed bool
}

func (c *conn) Close() error {
	c.l.forget(c)
	return c.Conn.Close()
}

// New wraps ln. Its ConnState must be the http.Server's, for it to know idle connections.
func New(ln net.Listener, lim Limits, log *slog.Logger) *Listener {
	lim.defaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	l := &Listener{Listener: ln, lim: lim, log: log, clients: map[string]*client{}, idle: list.New(), done: make(chan struct{})}
	go l.sweep()
	return l
}

// Close closes the listener and stops its sweeping.
func (l *Listener) Close() error {
	l.once.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// Open reports how many connections are open, and how many of them idle.
func (l *Listener) Open() (open, idle int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.open, l.idle.Len()
}

// Accept accepts the next connection it may keep; one it may not is answered with a 503 and
// closed, without the server seeing it.
func (l *Listener) Accept() (net.Conn, error) {
	for {
		nc, err := l.Listener.Accept()
		if err != nil {
			if errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) {
				// Out of files all the same (the reserve was taken by something else): make
				// room, and let the server try again.
				l.closeIdle(l.lim.MaxIdle / 2)
			}
			return nil, err
		}
		c := &conn{Conn: nc, l: l, client: clientOf(nc)}
		var victim *conn
		refuse := ""
		l.mu.Lock()
		cl := l.clients[c.client]
		switch {
		case cl != nil && cl.open >= l.lim.PerClient:
			refuse = "This client has too many connections open. Close some, or try again later."
		case l.open >= l.lim.Max:
			if victim = l.victim(); victim == nil {
				refuse = "The server has as many connections as it may keep, all of them busy. Please try again in a few seconds."
			}
		}
		if refuse != "" {
			l.refused++
			answer := l.refusing < l.lim.Refusing
			if answer {
				l.refusing++
			}
			l.mu.Unlock()
			if answer {
				go l.refuse(nc, refuse)
			} else {
				nc.Close() // here, not later: its file is needed now
			}
			continue
		}
		if victim != nil {
			l.shed++
			l.dropIdle(victim)
		}
		if cl == nil {
			cl = &client{}
			l.clients[c.client] = cl
		}
		cl.open++
		l.open++
		l.mu.Unlock()
		if victim != nil {
			victim.Conn.Close()
		}
		return c, nil
	}
}

// ConnState follows the server's connections: it is the http.Server's ConnState.
func (l *Listener) ConnState(nc net.Conn, s http.ConnState) {
	c, ok := nc.(*conn)
	if !ok {
		return
	}
	switch s {
	case http.StateIdle:
		var close []*conn
		l.mu.Lock()
		if !c.closed && c.idleAt == nil {
			c.since = time.Now()
			c.idleAt = l.idle.PushBack(c)
			cl := l.clients[c.client]
			cl.idle++
			// Past a client's share of idle connections, or the process's, the oldest go.
			for cl.idle > l.lim.IdlePerClient {
				v := l.oldestIdleOf(c.client)
				l.dropIdle(v)
				close = append(close, v)
			}
			for l.idle.Len() > l.lim.MaxIdle {
				v := l.idle.Front().Value.(*conn)
				l.dropIdle(v)
				close = append(close, v)
			}
			l.shed += len(close)
		}
		l.mu.Unlock()
		for _, v := range close {
			v.Conn.Close()
		}
	case http.StateActive:
		l.mu.Lock()
		if c.idleAt != nil {
			l.dropIdle(c)
		}
		l.mu.Unlock()
	case http.StateHijacked, http.StateClosed:
		l.forget(c)
	}
}

// forget stops counting a connection once closed; it may be called more than once.
func (l *Listener) forget(c *conn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c.closed {
		return
	}
	c.closed = true
	if c.idleAt != nil {
		l.dropIdle(c)
	}
	l.open--
	if cl := l.clients[c.client]; cl != nil {
		if cl.open--; cl.open <= 0 {
			delete(l.clients, c.client)
		}
	}
}

// dropIdle takes c out of the idle connections (l.mu held).
func (l *Listener) dropIdle(c *conn) {
	if c.idleAt == nil {
		return
	}
	l.idle.Remove(c.idleAt)
	c.idleAt = nil
	if cl := l.clients[c.client]; cl != nil {
		cl.idle--
	}
}

// victim returns the idle connection to close to make room: the oldest of the client with the
// most idle ones, so that one client's idle connections go before anyone else's (l.mu held).
func (l *Listener) victim() *conn {
	if l.idle.Len() == 0 {
		return nil
	}
	most, who := 0, ""
	for id, cl := range l.clients {
		if cl.idle > most {
			most, who = cl.idle, id
		}
	}
	return l.oldestIdleOf(who)
}

func (l *Listener) oldestIdleOf(client string) *conn {
	for e := l.idle.Front(); e != nil; e = e.Next() {
		if c := e.Value.(*conn); c.client == client {
			return c
		}
	}
	return nil
}

// closeIdle closes up to n of the oldest idle connections.
func (l *Listener) closeIdle(n int) {
	var close []*conn
	l.mu.Lock()
	for l.idle.Len() > 0 && len(close) < n {
		c := l.idle.Front().Value.(*conn)
		l.dropIdle(c)
		close = append(close, c)
	}
	l.shed += len(close)
	l.mu.Unlock()
	for _, c := range close {
		c.Conn.Close()
	}
}

// idleLimit is how long an idle connection is kept with open connections open.
func (l *Listener) idleLimit(open int) time.Duration {
	switch {
	case open > l.lim.Max*3/4:
		return l.lim.PressureIdle / 10
	case open > l.lim.Max/2:
		return l.lim.PressureIdle
	}
	return l.lim.IdleTimeout
}

// sweep closes, every tenth of the shorter idle time, the connections idle longer than the
// pressure allows, and logs what was refused and closed, at most every 10 s.
func (l *Listener) sweep() {
	tick := time.NewTicker(max(l.lim.PressureIdle/20, 10*time.Millisecond))
	defer tick.Stop()
	lastReport := time.Now()
	for {
		select {
		case <-l.done:
			return
		case now := <-tick.C:
			var close []*conn
			l.mu.Lock()
			limit := l.idleLimit(l.open)
			for l.idle.Len() > 0 {
				c := l.idle.Front().Value.(*conn)
				if now.Sub(c.since) < limit {
					break
				}
				l.dropIdle(c)
				close = append(close, c)
			}
			if limit < l.lim.IdleTimeout {
				l.shed += len(close)
			}
			refused, shed, open, idle := l.refused, l.shed, l.open, l.idle.Len()
			report := (refused > 0 || shed > 0) && now.Sub(lastReport) >= 10*time.Second
			if report {
				l.refused, l.shed = 0, 0
				lastReport = now
			}
			l.mu.Unlock()
			for _, c := range close {
				c.Conn.Close()
			}
			if report {
				l.log.Warn("connections bounded", "refused", refused, "idle_closed", shed, "open", open, "idle", idle, "max", l.lim.Max)
			}
		}
	}
}

// refuse answers a connection the server will not keep with a 503, and closes it.
func (l *Listener) refuse(nc net.Conn, msg string) {
	defer func() {
		nc.Close()
		l.mu.Lock()
		l.refusing--
		l.mu.Unlock()
	}()
	// Read what the client sent first, briefly, so that closing does not reset the
	// connection under the answer.
	nc.SetDeadline(time.Now().Add(500 * time.Millisecond))
	buf := make([]byte, 4096)
	nc.Read(buf)
	body := msg + "\n"
	fmt.Fprintf(nc, "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	if tc, ok := nc.(*net.TCPConn); ok {
		tc.CloseWrite()
	}
	io.Copy(io.Discard, io.LimitReader(nc, 64<<10))
}

// clientOf is the client's address without its port.
func clientOf(c net.Conn) string {
	host, _, err := net.SplitHostPort(c.RemoteAddr().String())
	if err != nil {
		return c.RemoteAddr().String()
	}
	return host
}
