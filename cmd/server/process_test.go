package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary run as the server itself, so tests can start it as a process,
// kill it, and start it again.
func TestMain(m *testing.M) {
	if args := os.Getenv("READOUT_TEST_SERVE"); args != "" {
		if name := os.Getenv("READOUT_TEST_SLOW_FILE"); name != "" {
			wrapSource = func(fsys fs.FS) fs.FS { return slowFS{fsys, name} }
		}
		if n, err := strconv.ParseUint(os.Getenv("READOUT_TEST_NOFILE"), 10, 64); err == nil {
			if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
				panic(err)
			}
		}
		if n, err := strconv.ParseUint(os.Getenv("READOUT_TEST_FSIZE"), 10, 64); err == nil {
			// Files the process writes may not grow past n bytes: a write past it fails
			// with EFBIG (Go ignores the SIGXFSZ that comes with it).
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
				panic(err)
			}
		}
		os.Exit(serve(strings.Split(args, "\x1f")))
	}
	os.Exit(m.Run())
}

// slowFS is an archive folder where reading one file takes ten minutes: the worker that
// analyses it is stuck there, as in the analysis of an article that takes that long.
type slowFS struct {
	fs.FS
	name string
}

func (s slowFS) Open(name string) (fs.File, error) {
	f, err := s.FS.Open(name)
	if err != nil || path.Base(name) != s.name {
		return f, err
	}
	return slowFile{f}, nil
}

type slowFile struct{ fs.File }

func (slowFile) Read([]byte) (int, error) {
	time.Sleep(10 * time.Minute)
	return 0, io.EOF
}

// process is the server running as a child process.
type process struct {
	cmd  *exec.Cmd
	addr string
	logs *syncBuffer
}

// startProcess starts the server as a process and returns once it listens.
func startProcess(t *testing.T, args ...string) *process {
	t.Helper()
	return startProcessEnv(t, nil, args...)
}

// startProcessEnv starts the server as a process with more environment variables.
func startProcessEnv(t *testing.T, env []string, args ...string) *process {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "READOUT_TEST_SERVE="+strings.Join(append([]string{"-addr", "127.0.0.1:0", "-log-level", "debug"}, args...), "\x1f"))
	cmd.Env = append(cmd.Env, env...)
	p := &process{cmd: cmd, logs: &syncBuffer{}}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		s := bufio.NewScanner(stderr)
		s.Buffer(make([]byte, 1<<20), 1<<20)
		for s.Scan() {
			line := s.Text()
			p.logs.Write([]byte(line + "\n"))
			if i := strings.Index(line, "addr="); i >= 0 && strings.Contains(line, "msg=listening") {
				a := strings.Fields(line[i+len("addr="):])[0]
				select {
				case addr <- a:
				default:
				}
			}
		}
	}()
	select {
	case a := <-addr:
		p.addr = "http://" + a
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the server did not start:\n%s", p.logs)
	}
	return p
}

func (p *process) kill()              { p.cmd.Process.Signal(syscall.SIGKILL); p.cmd.Wait() }
func (p *process) ready(t *testing.T) { t.Helper(); waitReady(t, p.addr) }

// writeArchive writes n articles with quotes into dir.
func writeArchive(t *testing.T, dir string, n int, tag string) {
	t.Helper()
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("batch-%02d", i/100), fmt.Sprintf("2024-%02d-%02d-article-%04d.md", i%12+1, i%28+1, i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		body := fmt.Sprintf("---\ntitle: Article %d %s\ndate: 2024-%02d-%02d\n---\n", i, tag, i%12+1, i%28+1)
		for k := range 30 {
			body += fmt.Sprintf("“We will keep the Quad strong, and number %d matters,” Antony Blinken said in paragraph %d of %s. The alliance met in Tokyo.\n\n", i, k, tag)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func articleCount(t *testing.T, base string) int {
	t.Helper()
	resp, err := http.Get(base + "/api/articles?per_page=1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v struct{ Total int }
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v.Total
}

// TestKillDuringIndexing kills the server with SIGKILL at moments spread over a build and an
// update of an index on disk; each next start must repair or rebuild the index by itself and
// serve every article.
func TestKillDuringIndexing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the server many times")
	}
	archive := t.TempDir()
	idx := filepath.Join(t.TempDir(), "index")
	const n = 1500
	writeArchive(t, archive, n, "first")
	for _, delay := range []time.Duration{0, 50 * time.Millisecond, 300 * time.Millisecond, 800 * time.Millisecond, 1500 * time.Millisecond, 3 * time.Second} {
		p := startProcess(t, "-seeds", archive, "-index", idx)
		time.Sleep(delay)
		p.kill()
	}
	p := startProcess(t, "-seeds", archive, "-index", idx)
	p.ready(t)
	if got := articleCount(t, p.addr); got != n {
		t.Errorf("%d articles after the kills, want %d\n%s", got, n, p.logs)
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	p.cmd.Wait()

	// Now kill during an update in place: change a third of the files.
	for i := 0; i < n; i += 3 {
		p := filepath.Join(archive, fmt.Sprintf("batch-%02d", i/100), fmt.Sprintf("2024-%02d-%02d-article-%04d.md", i%12+1, i%28+1, i))
		b, _ := os.ReadFile(p)
		os.WriteFile(p, []byte(strings.ReplaceAll(string(b), "Tokyo", "Canberra")), 0o644)
	}
	for _, delay := range []time.Duration{100 * time.Millisecond, 600 * time.Millisecond} {
		p := startProcess(t, "-seeds", archive, "-index", idx)
		time.Sleep(delay)
		p.kill()
	}
	p = startProcess(t, "-seeds", archive, "-index", idx)
	p.ready(t)
	defer func() { p.cmd.Process.Signal(syscall.SIGTERM); p.cmd.Wait() }()
	if got := articleCount(t, p.addr); got != n {
		t.Errorf("%d articles after the kills during an update, want %d", got, n)
	}
	resp, err := http.Get(p.addr + "/api/search?q=Canberra&per_page=1")
	if err != nil {
		t.Fatal(err)
	}
	var v struct{ Total int }
	json.NewDecoder(resp.Body).Decode(&v)
	resp.Body.Close()
	if v.Total != (n+2)/3 {
		t.Errorf("%d articles mention Canberra, want %d: the changes were not all indexed", v.Total, (n+2)/3)
	}
	entries, _ := os.ReadDir(idx)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 3 || names[0] != "CURRENT" || names[1] != "LOCK" || !strings.HasPrefix(names[2], "index-") {
		t.Errorf("the index folder holds %q, want CURRENT, LOCK and one index", names)
	}
}

// TestGracefulShutdown sends SIGTERM while requests are under way: each gets a whole answer,
// the process exits by itself within 10 s, and then nothing answers.
func TestGracefulShutdown(t *testing.T) {
	p := startProcess(t)
	p.ready(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var broken []string
	client := &http.Client{Timeout: 20 * time.Second}
	stop := make(chan struct{})
	for w := range 8 {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := client.Get(fmt.Sprintf("%s/search?q=China&sort=%s", p.addr, []string{"relevance", "newest", "oldest"}[(w+i)%3]))
				if err != nil {
					return // refused once the server stopped listening
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 || !strings.HasSuffix(strings.TrimSpace(string(body)), "</html>") {
					mu.Lock()
					broken = append(broken, fmt.Sprintf("%d %v %d bytes", resp.StatusCode, err, len(body)))
					mu.Unlock()
				}
			}
		})
	}
	time.Sleep(300 * time.Millisecond)
	start := time.Now()
	p.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exited with %v", err)
		}
	case <-time.After(10 * time.Second):
		p.kill()
		t.Fatal("did not exit within 10 s of SIGTERM")
	}
	elapsed := time.Since(start)
	close(stop)
	wg.Wait()
	if len(broken) > 0 {
		t.Errorf("%d requests were cut: %q", len(broken), broken[:min(3, len(broken))])
	}
	if _, err := http.Get(p.addr + "/healthz"); err == nil {
		t.Error("the server still answers after it exited")
	}
	if !strings.Contains(p.logs.String(), "stopped") {
		t.Errorf("no shutdown in the log:\n%s", p.logs)
	}
	t.Logf("exited %v after SIGTERM", elapsed.Round(time.Millisecond))
}

// TestStopDuringSlowAnalysis sends SIGTERM while the index is built, or updated in place, and
// one article's analysis takes ten minutes: the server stops within 10 s all the same, and an
// index on disk is left for the next start to repair.
func TestStopDuringSlowAnalysis(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the server several times")
	}
	archive := t.TempDir()
	const n = 300
	writeArchive(t, archive, n, "slow")
	add := func(name string) {
		os.WriteFile(filepath.Join(archive, "batch-00", name), []byte("---\ntitle: Slow\ndate: 2024-01-01\n---\nA slow article.\n"), 0o644)
	}
	idx := filepath.Join(t.TempDir(), "index")
	stop := func(slow string, args ...string) {
		t.Helper()
		p := startProcessEnv(t, []string{"READOUT_TEST_SLOW_FILE=" + slow}, args...)
		time.Sleep(500 * time.Millisecond)
		start := time.Now()
		p.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- p.cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%q: exited with %v\n%s", args, err, p.logs)
			}
		case <-time.After(10 * time.Second):
			p.kill()
			t.Fatalf("%q: did not exit within 10 s of SIGTERM\n%s", args, p.logs)
		}
		t.Logf("%q: exited %v after SIGTERM", args, time.Since(start).Round(time.Millisecond))
		if !strings.Contains(p.logs.String(), "indexing stopped") || strings.Contains(p.logs.String(), "level=ERROR") {
			t.Errorf("%q: the log does not say that indexing stopped, or has an error:\n%s", args, p.logs)
		}
	}
	count := func(want int) {
		t.Helper()
		p := startProcess(t, "-seeds", archive, "-index", idx)
		p.ready(t)
		if got := articleCount(t, p.addr); got != want {
			t.Errorf("%d articles after a stop, want %d", got, want)
		}
		p.cmd.Process.Signal(syscall.SIGTERM)
		p.cmd.Wait()
	}

	add("0000-slow.md") // read first: the build waits for it
	stop("0000-slow.md", "-seeds", archive)
	stop("0000-slow.md", "-seeds", archive, "-index", idx)
	count(n + 1)
	add("0001-slow.md") // an update in place, of this file alone
	stop("0001-slow.md", "-seeds", archive, "-index", idx)
	count(n + 2)
}

// TestIndexCannotBeWritten: the disk under -index fills up (a tmpfs of 1 MB, when the test may
// mount one), or the files the index writes may not grow (a limit on file size, for any user):
// the server says why in its log and serves the archive from memory, without spinning; the
// next start with room builds the index on disk.
func TestIndexCannotBeWritten(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the server several times")
	}
	archive := t.TempDir()
	const n = 300
	writeArchive(t, archive, n, "disk")
	cases := []struct {
		name   string
		setup  func(t *testing.T) (idx string, env []string)
		reason string
	}{
		{"a full disk", func(t *testing.T) (string, []string) {
			dir := t.TempDir()
			unmount, err := mountTmpfs(dir, "1m")
			if err != nil {
				t.Skipf("cannot mount a tmpfs of 1 MB (%v): it needs root", err)
			}
			t.Cleanup(unmount)
			return filepath.Join(dir, "index"), nil
		}, "no space left on device"},
		{"a limit on file size", func(t *testing.T) (string, []string) {
			return filepath.Join(t.TempDir(), "index"), []string{"READOUT_TEST_FSIZE=262144"}
		}, "file too large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			idx, env := c.setup(t)
			p := startProcessEnv(t, env, "-seeds", archive, "-index", idx)
			defer p.kill()
			p.ready(t)
			if got := articleCount(t, p.addr); got != n {
				t.Errorf("%d articles served, want %d", got, n)
			}
			logs := p.logs.String()
			if !strings.Contains(logs, "serving it from memory") || !strings.Contains(logs, c.reason) || !strings.Contains(logs, "index=\"built in memory\"") {
				t.Errorf("the log does not say that the index is served from memory, and why (%s):\n%s", c.reason, logs)
			}
			if strings.Contains(logs, "level=ERROR") {
				t.Errorf("an error in the log:\n%s", logs)
			}
			// Ready and idle, it must not spin: bleve's persister retried a failed write for ever.
			before := cpuTime(t, p.cmd.Process.Pid)
			time.Sleep(2 * time.Second)
			if used := cpuTime(t, p.cmd.Process.Pid) - before; used > time.Second {
				t.Errorf("idle, the server used %v of CPU in 2 s", used)
			}
			p.cmd.Process.Signal(syscall.SIGTERM)
			p.cmd.Wait()
		})
	}
	// A disk that fills up between two starts: the update in place fails, the archive is
	// served from memory, and once there is room again the next start rebuilds it on disk.
	t.Run("a disk full before an update", func(t *testing.T) {
		dir := t.TempDir()
		unmount, err := mountTmpfs(dir, "16m")
		if err != nil {
			t.Skipf("cannot mount a tmpfs of 16 MB (%v): it needs root", err)
		}
		defer unmount()
		idx := filepath.Join(dir, "index")
		p := startProcess(t, "-seeds", archive, "-index", idx)
		p.ready(t)
		p.cmd.Process.Signal(syscall.SIGTERM)
		p.cmd.Wait()
		filler := filepath.Join(dir, "filler")
		if err := os.WriteFile(filler, make([]byte, freeBytes(dir)), 0o644); err != nil && !errors.Is(err, syscall.ENOSPC) {
			t.Fatal(err)
		}
		touched := filepath.Join(archive, "batch-00", "2024-01-01-article-0000.md")
		b, _ := os.ReadFile(touched)
		os.WriteFile(touched, append(b, []byte("Added while the disk was full.\n")...), 0o644)
		defer os.WriteFile(touched, b, 0o644)
		p = startProcess(t, "-seeds", archive, "-index", idx)
		p.ready(t)
		if got := articleCount(t, p.addr); got != n {
			t.Errorf("%d articles served, want %d", got, n)
		}
		p.cmd.Process.Signal(syscall.SIGTERM)
		p.cmd.Wait()
		if logs := p.logs.String(); !strings.Contains(logs, "serving it from memory") || !strings.Contains(logs, "no space left on device") || strings.Contains(logs, "level=ERROR") {
			t.Errorf("the log does not say that the index is served from memory, and why:\n%s", logs)
		}
		os.Remove(filler)
		p = startProcess(t, "-seeds", archive, "-index", idx)
		p.ready(t)
		p.cmd.Process.Signal(syscall.SIGTERM)
		p.cmd.Wait()
		if logs := p.logs.String(); !strings.Contains(logs, "index=built") {
			t.Errorf("not rebuilt on disk once there was room:\n%s", logs)
		}
	})

	// With room, the next start builds the index on disk.
	idx := filepath.Join(t.TempDir(), "index")
	p := startProcess(t, "-seeds", archive, "-index", idx)
	p.ready(t)
	p.cmd.Process.Signal(syscall.SIGTERM)
	p.cmd.Wait()
	if !strings.Contains(p.logs.String(), "index=built") {
		t.Errorf("not built on disk:\n%s", p.logs)
	}
}

// cpuTime is the CPU a process has used, from /proc.
func cpuTime(t *testing.T, pid int) time.Duration {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	// The fields after the command's name, which is in parentheses: utime and stime are the
	// 12th and 13th, in clock ticks (100 a second on Linux).
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// TestIdleConnectionsCannotStarve: clients hold more idle keep-alive connections than the
// process may open files (256 here), from many addresses; a new reader is answered all the
// same, at once (it was left unanswered: "accept: too many open files").
func TestIdleConnectionsCannotStarve(t *testing.T) {
	p := startProcessEnv(t, []string{"READOUT_TEST_NOFILE=256"})
	defer func() { p.cmd.Process.Signal(syscall.SIGTERM); p.cmd.Wait() }()
	p.ready(t)
	addr := strings.TrimPrefix(p.addr, "http://")
	// The connections are opened at once, each asking one thing and then kept open, idle.
	var mu sync.Mutex
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	ok := 0
	var wg sync.WaitGroup
	for i := range 400 {
		wg.Go(func() {
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 1, byte(1+i/10))}, Timeout: time.Second}
			c, err := d.Dial("tcp", addr)
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c)
			mu.Unlock()
			c.SetDeadline(time.Now().Add(2 * time.Second))
			io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
			if resp, err := http.ReadResponse(bufio.NewReader(c), nil); err == nil {
				resp.Body.Close()
				if resp.StatusCode == 200 {
					mu.Lock()
					ok++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DialContext: (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}}).DialContext}}
	if ok == 0 {
		t.Skip("no connection from 127.0.1.x: this system's loopback has 127.0.0.1 alone")
	}
	for _, path := range []string{"/search?q=Quad", "/healthz", "/api/articles"} {
		resp, err := client.Get(p.addr + path)
		if err != nil {
			t.Fatalf("a new reader was not answered (%v), with %d connections opened and answered\n%s", err, ok, tail(p.logs.String(), 20))
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d for a new reader", path, resp.StatusCode)
		}
	}
	for _, line := range strings.Split(p.logs.String(), "\n") {
		if strings.Contains(line, "too many open files") {
			t.Errorf("the server ran out of files: %s", line)
			break
		}
	}
	t.Logf("%d of 400 connections answered 200", ok)
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
