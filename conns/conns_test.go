package conns_test

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/conns"
)

// server serves on 127.0.0.1 through a bounded listener; its handler answers at once, or
// waits for release when the path is /wait.
func server(t *testing.T, lim conns.Limits) (addr string, ln *conns.Listener, release chan struct{}) {
	t.Helper()
	tcp, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	release = make(chan struct{})
	ln = conns.New(tcp, lim, nil)
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/wait" {
				select {
				case <-release:
				case <-r.Context().Done():
				}
			}
			w.Write([]byte("ok\n"))
		}),
		ConnState:   ln.ConnState,
		IdleTimeout: time.Minute,
	}
	go srv.Serve(ln)
	t.Cleanup(func() {
		close(release)
		srv.Close()
	})
	return tcp.Addr().String(), ln, release
}

// client is a connection from a local address of its own (127.0.0.x: a client of its own).
type client struct {
	c net.Conn
	r *bufio.Reader
}

func dial(t *testing.T, addr, from string) *client {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp", addr)
	if err != nil && from != "127.0.0.1" && strings.Contains(err.Error(), "assign requested address") {
		t.Skipf("cannot connect from %s: this system's loopback has 127.0.0.1 alone", from)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &client{c, bufio.NewReader(c)}
}

// get sends a keep-alive request and reads the answer's status; the connection stays open.
func (c *client) get(t *testing.T, path string) int {
	t.Helper()
	c.c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c.c, "GET "+path+" HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		return 0
	}
	resp, err := http.ReadResponse(c.r, nil)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// send sends a request without waiting for its answer.
func (c *client) send(t *testing.T, path string) {
	t.Helper()
	io.WriteString(c.c, "GET "+path+" HTTP/1.1\r\nHost: x\r\n\r\n")
}

// closedByServer reports whether the server has closed the connection, waiting up to 5 s.
func (c *client) closedByServer() bool {
	c.c.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err := c.r.ReadByte()
	return err != nil && !errors.Is(err, os.ErrDeadlineExceeded)
}

func (c *client) stillOpen() bool {
	c.c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	_, err := c.r.ReadByte()
	return errors.Is(err, os.ErrDeadlineExceeded)
}

// countClosed counts the connections the server has closed, waiting up to 5 s for want.
func countClosed(cs []*client, want int) int {
	closed := map[*client]bool{}
	deadline := time.Now().Add(5 * time.Second)
	for len(closed) < want && time.Now().Before(deadline) {
		for _, c := range cs {
			if !closed[c] && !c.stillOpen() {
				closed[c] = true
			}
		}
	}
	for _, c := range cs {
		if !closed[c] && !c.stillOpen() {
			closed[c] = true
		}
	}
	return len(closed)
}

// waitIdle waits until the listener counts n idle connections.
func waitIdle(t *testing.T, ln *conns.Listener, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if _, idle := ln.Open(); idle == n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	open, idle := ln.Open()
	t.Fatalf("%d idle (%d open), want %d idle", idle, open, n)
}

// TestIdlePerClient: a client keeps at most IdlePerClient idle connections; past them its
// oldest are closed, and another client's are left alone.
func TestIdlePerClient(t *testing.T) {
	addr, ln, _ := server(t, conns.Limits{Max: 100, IdlePerClient: 2})
	other := dial(t, addr, "127.0.0.2")
	if other.get(t, "/") != 200 {
		t.Fatal("no answer")
	}
	var cs []*client
	for range 5 {
		c := dial(t, addr, "127.0.0.3")
		if c.get(t, "/") != 200 {
			t.Fatal("no answer")
		}
		cs = append(cs, c)
	}
	waitIdle(t, ln, 3)
	// The oldest were closed (give or take the order in which the server marked them idle).
	if closed := countClosed(cs, 3); closed != 3 {
		t.Errorf("%d of the client's 5 idle connections were closed, want 3", closed)
	}
	if !other.stillOpen() {
		t.Error("another client's idle connection was closed")
	}
}

// TestRoomForANewReader: with every connection the process may keep held idle by one client
// (from many addresses, as a botnet would), a new reader is answered: the oldest idle
// connection of the client with most is closed to make room.
func TestRoomForANewReader(t *testing.T) {
	addr, ln, _ := server(t, conns.Limits{Max: 8, PerClient: 8, IdlePerClient: 8, MaxIdle: 8, PressureIdle: time.Hour})
	var held []*client
	for i := range 8 {
		from := "127.0.0.3"
		if i == 7 {
			from = "127.0.0.4"
		}
		c := dial(t, addr, from)
		if c.get(t, "/") != 200 {
			t.Fatal("no answer")
		}
		held = append(held, c)
	}
	waitIdle(t, ln, 8)
	reader := dial(t, addr, "127.0.0.2")
	if got := reader.get(t, "/"); got != 200 {
		t.Fatalf("the new reader got %d", got)
	}
	// One of the idle connections of the client with most (the oldest, give or take the order
	// in which the server marked them idle) was closed.
	if closed := countClosed(held[:7], 1); closed != 1 {
		t.Errorf("%d idle connections of the client with most were closed, want 1", closed)
	}
	if !held[7].stillOpen() {
		t.Error("the other client's idle connection was closed")
	}
}

// TestBusy: when every connection is busy, a new one is answered 503 at once, not left waiting;
// a client past its share is answered 503 while others are served.
func TestBusy(t *testing.T) {
	t.Run("all busy", func(t *testing.T) {
		addr, ln, _ := server(t, conns.Limits{Max: 4, PerClient: 4})
		for range 4 {
			dial(t, addr, "127.0.0.3").send(t, "/wait")
		}
		deadline := time.Now().Add(5 * time.Second)
		for open, _ := ln.Open(); open < 4 && time.Now().Before(deadline); open, _ = ln.Open() {
			time.Sleep(5 * time.Millisecond)
		}
		reader := dial(t, addr, "127.0.0.2")
		if got := reader.get(t, "/"); got != 503 {
			t.Errorf("a new reader got %d, want 503", got)
		}
	})
	t.Run("one client's share", func(t *testing.T) {
		addr, _, _ := server(t, conns.Limits{Max: 20, PerClient: 3})
		for range 3 {
			dial(t, addr, "127.0.0.3").send(t, "/wait")
		}
		time.Sleep(100 * time.Millisecond)
		if got := dial(t, addr, "127.0.0.3").get(t, "/"); got != 503 {
			t.Errorf("a fourth connection of one client got %d, want 503", got)
		}
		if got := dial(t, addr, "127.0.0.2").get(t, "/"); got != 200 {
			t.Errorf("another client got %d, want 200", got)
		}
	})
}

// TestPressure: idle connections are kept IdleTimeout while few are open, and closed sooner once
// more than half of Max are open.
func TestPressure(t *testing.T) {
	addr, ln, _ := server(t, conns.Limits{Max: 10, PerClient: 10, IdlePerClient: 10, MaxIdle: 10, IdleTimeout: time.Minute, PressureIdle: 200 * time.Millisecond})
	first := dial(t, addr, "127.0.0.3")
	first.get(t, "/")
	waitIdle(t, ln, 1)
	if !first.stillOpen() {
		t.Fatal("one idle connection was closed at once")
	}
	time.Sleep(400 * time.Millisecond)
	if !first.stillOpen() {
		t.Fatal("one idle connection was closed before IdleTimeout, without pressure")
	}
	var more []*client
	for range 5 {
		c := dial(t, addr, "127.0.0.3")
		c.get(t, "/")
		more = append(more, c)
	}
	if !first.closedByServer() {
		t.Error("the oldest idle connection was kept past PressureIdle with 6 of 10 open")
	}
	// Once the pressure is off (half or fewer open), the newest are kept again.
	deadline := time.Now().Add(5 * time.Second)
	for open, _ := ln.Open(); open > 5 && time.Now().Before(deadline); open, _ = ln.Open() {
		time.Sleep(5 * time.Millisecond)
	}
	if open, _ := ln.Open(); open > 5 || !more[4].stillOpen() {
		t.Errorf("%d open; the newest idle connection closed: %v", open, !more[4].stillOpen())
	}
}

func TestForOpenFiles(t *testing.T) {
	for _, tt := range []struct {
		nofile uint64
		max    int
	}{{256, 192}, {1024, 896}, {1 << 20, 4096}, {10, 4}} {
		l := conns.ForOpenFiles(tt.nofile)
		if l.Max != tt.max || l.PerClient != max(tt.max/4, 1) || l.IdlePerClient < 2 {
			t.Errorf("%d files: %+v, want Max %d", tt.nofile, l, tt.max)
		}
	}
}
