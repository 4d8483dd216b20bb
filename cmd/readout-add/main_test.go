package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"
)

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
