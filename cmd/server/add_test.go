package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildAdd builds cmd/readout-add into a folder of its own and returns the path a server's binary
// beside it would have.
func buildAdd(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build readout-add with")
	}
	bin := t.TempDir()
	if out, err := exec.Command(gobin, "build", "-o", filepath.Join(bin, addCommand), "../readout-add").CombinedOutput(); err != nil {
		t.Fatalf("building readout-add: %v\n%s", err, out)
	}
	return filepath.Join(bin, "readout")
}

// TestAddWhileServing: "readout add" (the server's binary running readout-add beside it) writes a
// page's article into the folder a server serves, and the server indexes it while it runs, says
// so in its log, and serves it: its page, a search asked before it came (the response cache) and
// the API. No restart.
func TestAddWhileServing(t *testing.T) {
	self := buildAdd(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "one.md"), []byte("---\ntitle: One\ndate: 2024-05-01\n---\nText about surveillance law.\n"), 0o644)
	base, logs := startServer(t, "-seeds", dir, "-rescan", "1s")
	waitReady(t, base)
	search := func() int {
		resp, err := http.Get(base + "/api/search?q=FISA")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var res struct{ Total int }
		json.NewDecoder(resp.Body).Decode(&res)
		return res.Total
	}
	if n := search(); n != 0 {
		t.Fatalf("%d hits for FISA before the statement was added", n)
	}

	page, err := os.ReadFile("../../ingest/testdata/wh-statement.html")
	if err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/statement" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer site.Close()
	var stdout, stderr bytes.Buffer
	if code := add(self, []string{"-seeds", dir, "-into", "statements", "-allow-private", site.URL + "/statement"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("readout add: exit %d\n%s%s", code, &stdout, &stderr)
	}
	const id = "2024-04-17-statement-by-national-security-advisor-jake-sullivan-on-the-upcoming-vote-on-reauthorization-and"
	if !strings.Contains(stdout.String(), "added   statements/"+id+".md") || !strings.Contains(stderr.String(), "1 added, 0 in the archive already, 0 failed") {
		t.Errorf("readout add said:\n%s%s", &stdout, &stderr)
	}

	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(base + "/articles/" + id)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 {
			if !strings.Contains(string(body), "electronic communications service provider") {
				t.Error("the article's page does not show its text")
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the added article was not served within 20 s (last answer %d)\n%s", resp.StatusCode, logs)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if n := search(); n != 1 {
		t.Errorf("%d hits for FISA after the statement was added, want 1", n)
	}
	if !strings.Contains(logs.String(), "msg=added file=statements/"+id+".md id="+id) ||
		!strings.Contains(logs.String(), `msg="archive updated" added=1`) {
		t.Errorf("the server's log does not say what it added:\n%s", logs)
	}
}

// TestAddNotInstalled: "readout add" without readout-add beside the server's binary says how to
// run it, with exit status 2; its exit status is readout-add's.
func TestAddNotInstalled(t *testing.T) {
	var stderr bytes.Buffer
	if code := add(filepath.Join(t.TempDir(), "readout"), []string{"-seeds", t.TempDir(), "x.html"}, nil, io.Discard, &stderr); code != 2 || !strings.Contains(stderr.String(), "go run ./cmd/readout-add") {
		t.Errorf("without readout-add: exit %d, %q; want 2 and how to run it", code, &stderr)
	}
	self := buildAdd(t)
	stderr.Reset()
	if code := add(self, []string{"x.html"}, nil, io.Discard, &stderr); code != 2 || !strings.Contains(stderr.String(), "-seeds DIR is needed") {
		t.Errorf("readout add without -seeds: exit %d, %q; want readout-add's 2 and message", code, &stderr)
	}
}
