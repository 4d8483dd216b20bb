package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAddWhileServing: "readout add" writes a page's article into the folder a server serves,
// and the server indexes it while it runs, says so in its log, and serves it: its page, a search
// asked before it came (the response cache) and the API. No restart.
func TestAddWhileServing(t *testing.T) {
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
	if code := add(context.Background(), []string{"-seeds", dir, "-into", "statements", "-allow-private", site.URL + "/statement"}, func(string) string { return "" }, &stdout, &stderr); code != 0 {
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

// TestAddUsage: what cannot start says why, with exit status 2; a dry run writes nothing.
func TestAddUsage(t *testing.T) {
	dir := t.TempDir()
	none := func(string) string { return "" }
	for _, args := range [][]string{
		{"x.html"},
		{"-seeds", "archive.tar.gz", "x.html"},
		{"-seeds", dir},
		{"-seeds", "/no/such/folder", "x.html"},
		{"-seeds", dir, "-max-mb", "0", "x.html"},
		{"-seeds", dir, "-into", "../out", "x.html"},
	} {
		var stderr bytes.Buffer
		if code := add(context.Background(), args, none, io.Discard, &stderr); code != 2 || stderr.Len() == 0 {
			t.Errorf("%q: exit %d, %q; want 2 and a message", args, code, &stderr)
		}
	}
	var stdout bytes.Buffer
	if code := add(context.Background(), []string{"-seeds", dir, "-dry-run", "../../ingest/testdata/undated.html", "../../ingest/testdata/not-article.html"}, none, &stdout, io.Discard); code != 1 {
		t.Errorf("a dry run with a page that is no article: exit %d, want 1", code)
	}
	if !strings.Contains(stdout.String(), "added   joint-statement-on-the-northern-fisheries-dialogue.md") || !strings.Contains(stdout.String(), "failed  ../../ingest/testdata/not-article.html  not an article") {
		t.Errorf("the dry run said:\n%s", &stdout)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a dry run wrote %d files", len(entries))
	}
}
