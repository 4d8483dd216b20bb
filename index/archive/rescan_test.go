package archive_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/archive"
)

// copySeeds writes the seed articles into a new folder, as files.
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for p, f := range seedFiles(t) {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func openFolder(t *testing.T, dir, indexPath string, rescan time.Duration, log *slog.Logger) *archive.Archive {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return mustOpen(t, archive.Options{Source: root.FS(), Registry: mustRegistry(t), Path: indexPath, Rescan: rescan, Logger: log})
}

// served lists an archive's documents as "id title date", sorted.
func served(t *testing.T, a *archive.Archive) []string {
	t.Helper()
	list, _, err := a.Articles(1, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range list {
		out = append(out, s.ID+" "+s.Title+" "+s.Date.ISO())
	}
	slices.Sort(out)
	return out
}

func writeArticle(t *testing.T, dir, name, title, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("---\ntitle: \""+title+"\"\ndate: 2024-05-07\n---\n"+text+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRescan: files added, changed and removed while the archive serves are indexed by a rescan,
// in memory and on disk, to the archive a fresh build of the folder gives, and pages read the
// new text at once.
func TestRescan(t *testing.T) {
	for _, onDisk := range []bool{false, true} {
		name := "memory"
		if onDisk {
			name = "disk"
		}
		t.Run(name, func(t *testing.T) {
			dir := copySeeds(t)
			indexPath := ""
			if onDisk {
				indexPath = filepath.Join(t.TempDir(), "index")
			}
			var logs syncBuffer
			a := openFolder(t, dir, indexPath, 0, slog.New(slog.NewTextHandler(&logs, nil)))
			rescan := func() *archive.Changes {
				t.Helper()
				ch, err := a.Rescan(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				return ch
			}
			if ch := rescan(); !ch.None() || a.Generation() != 0 {
				t.Fatalf("a rescan of an unchanged folder found %+v (generation %d)", ch, a.Generation())
			}

			// Added: served, found, logged.
			writeArticle(t, dir, "added/2024-05-07-romania-visit.md", "Readout of a meeting with Romania", "The leaders discussed the Black Sea and grain from Ukraine.")
			ch := rescan()
			if !slices.Equal(ch.Added, []string{"added/2024-05-07-romania-visit.md"}) || ch.Served["added/2024-05-07-romania-visit.md"] != "2024-05-07-romania-visit" {
				t.Fatalf("changes %+v", ch)
			}
			if a.Generation() != 1 {
				t.Errorf("generation %d after one change, want 1", a.Generation())
			}
			res, err := a.Search(context.Background(), index.Query{Text: "Romania grain", Kind: index.KindArticles, Page: 1, PerPage: 10})
			if err != nil || len(res.ArticleHits) != 1 || res.ArticleHits[0].ID != "2024-05-07-romania-visit" {
				t.Fatalf("a search for the added article: %v %+v", err, res)
			}
			if !strings.Contains(logs.String(), `msg=added file=added/2024-05-07-romania-visit.md id=2024-05-07-romania-visit`) ||
				!strings.Contains(logs.String(), `msg="archive updated" added=1 changed=0 removed=0 skipped=0 articles=6`) {
				t.Errorf("the log does not say what was added:\n%s", logs.String())
			}

			// Changed in place: the page reads the new text, not the one kept for pages.
			if _, err := a.Article("2024-05-07-romania-visit"); err != nil {
				t.Fatal(err)
			}
			writeArticle(t, dir, "added/2024-05-07-romania-visit.md", "Readout of a meeting with Romania", "The leaders discussed energy security.")
			os.Chtimes(filepath.Join(dir, "added/2024-05-07-romania-visit.md"), time.Now(), time.Now().Add(time.Hour))
			if ch := rescan(); !slices.Equal(ch.Changed, []string{"added/2024-05-07-romania-visit.md"}) {
				t.Fatalf("changes %+v", ch)
			}
			art, err := a.Article("2024-05-07-romania-visit")
			if err != nil || !strings.Contains(art.Paragraphs[0].Text, "energy security") {
				t.Fatalf("the changed article reads %v %v", art, err)
			}

			// Another text under the same plain id, and a file that cannot be served.
			writeArticle(t, dir, "other/2024-05-07-romania-visit.md", "Another readout", "A different text entirely.")
			os.WriteFile(filepath.Join(dir, "broken.md"), []byte("---\ntitle: x\n---\nNo date.\n"), 0o644)
			ch = rescan()
			if len(ch.Added) != 2 || len(ch.Skipped) != 1 || ch.Skipped[0].Path != "broken.md" || !strings.Contains(ch.Skipped[0].Reason, "no date") {
				t.Fatalf("changes %+v", ch)
			}
			var ambiguous *index.AmbiguousError
			if _, err := a.Article("2024-05-07-romania-visit"); !errors.As(err, &ambiguous) {
				t.Errorf("the plain id of two texts answers %v, want the choice of both", err)
			}

			// Removed.
			os.Remove(filepath.Join(dir, "other/2024-05-07-romania-visit.md"))
			os.Remove(filepath.Join(dir, "broken.md"))
			if ch := rescan(); len(ch.Removed) != 2 {
				t.Fatalf("changes %+v", ch)
			}
			if _, err := a.Article("2024-05-07-romania-visit"); err != nil {
				t.Errorf("the plain id, one text again: %v", err)
			}

			want := served(t, openFolder(t, dir, "", 0, nil))
			if got := served(t, a); !slices.Equal(got, want) {
				t.Errorf("after the rescans\n%q\na fresh build\n%q", got, want)
			}
			if onDisk {
				a.Close()
				var logs syncBuffer
				again := openFolder(t, dir, indexPath, 0, slog.New(slog.NewTextHandler(&logs, nil)))
				if !strings.Contains(logs.String(), "index=reused") {
					t.Errorf("the index updated while serving is not reused at the next start:\n%s", logs.String())
				}
				if got := served(t, again); !slices.Equal(got, want) {
					t.Errorf("reopened\n%q\na fresh build\n%q", got, want)
				}
			}
		})
	}
}

// TestFollow: with Options.Rescan, a file written into the folder is served within a few
// periods, without a call.
func TestFollow(t *testing.T) {
	dir := copySeeds(t)
	a := openFolder(t, dir, "", 20*time.Millisecond, nil)
	writeArticle(t, dir, "articles/2024-05-08-new.md", "A new statement", "The statement was written while the archive served.")
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := a.Article("2024-05-08-new"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the new file was not served within 20 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if a.Generation() == 0 {
		t.Error("the generation did not change")
	}
}

// syncBuffer is a buffer the archive's goroutines can log to while a test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
