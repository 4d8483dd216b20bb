package load

import (
	"context"
	"errors"
	"fmt"
	"hash/crc64"
	"io"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/echo"
	"github.com/readout/readout/index/registry"
)

var crcTable = crc64.MakeTable(crc64.ECMA)

// Hash is the hash of a file's content by which a file changed in place is told from one that
// is not.
func Hash(b []byte) uint64 { return crc64.Checksum(b, crcTable) }

// maxFolderDepth bounds how deep the archive folder is read.
const maxFolderDepth = 32

// isArticleName reports whether a file name is an article's, and if not why it is passed over.
// Hidden files and editors' working copies are skipped, registries and documentation ignored.
func isArticleName(name string) (ok bool, why string) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(name, "."):
		return false, "hidden file"
	case strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") || strings.HasSuffix(lower, ".swp") ||
		strings.HasSuffix(lower, ".swo") || strings.HasSuffix(lower, ".tmp") || strings.HasSuffix(lower, ".bak") ||
		strings.HasPrefix(name, ".#"):
		return false, "editor's working file"
	case lower == "readme.md":
		return false, "" // the folder's documentation
	case strings.HasSuffix(lower, ".md") || strings.HasSuffix(lower, ".markdown"):
		return true, ""
	}
	return false, ""
}

// listFiles walks the archive folder for article files, in lexical order. Files it passes over
// for a reason a reader of the log should know (hidden, editors' files, not regular files, too
// big, links leaving the folder) are returned as problems.
func List(fsys fs.FS) ([]File, []index.Problem) {
	files, problems, _ := ListWithFolders(fsys)
	return files, problems
}

// CountArticleFiles counts the files of an archive that would be read as articles, by the rules
// of the archive's walk (for a log line before it is opened).
func CountArticleFiles(fsys fs.FS) int {
	files, _ := List(fsys)
	return len(files)
}

// listArchive is listFiles that also returns the folders read, with their modification times
// (rescan.go).
func ListWithFolders(fsys fs.FS) ([]File, []index.Problem, FolderTimes) {
	var files []File
	var problems []index.Problem
	folders := FolderTimes{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, index.Problem{Path: p, Reason: "cannot be read: " + cleanErr(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != "." && strings.HasPrefix(name, ".") {
				problems = append(problems, index.Problem{Path: p + "/", Reason: "hidden folder, not read"})
				return fs.SkipDir
			}
			// Each level's path is built anew by the walk: a folder thousands deep would cost
			// time and memory growing with the square of its depth.
			if depth := strings.Count(p, "/") + 1; p != "." && depth > maxFolderDepth {
				problems = append(problems, index.Problem{Path: p + "/", Reason: fmt.Sprintf("more than %d folders deep, not read", maxFolderDepth)})
				return fs.SkipDir
			}
			folders.note(p, d)
			return nil
		}
		ok, why := isArticleName(name)
		if !ok {
			if why != "" {
				problems = append(problems, index.Problem{Path: p, Reason: why + ", skipped"})
			}
			return nil
		}
		// What the folder's listing says of a file, unless it is a link: Stat follows a link,
		// and fails for one that leaves the folder or loops. (Stat on every file took three
		// times as long, in a folder opened as a root.)
		info, err := d.Info()
		if err == nil && info.Mode()&fs.ModeSymlink != 0 {
			info, err = fs.Stat(fsys, p)
		}
		if err != nil {
			problems = append(problems, index.Problem{Path: p, Reason: "cannot be read: " + cleanErr(err)})
			return nil
		}
		switch {
		case info.IsDir():
			problems = append(problems, index.Problem{Path: p, Reason: "a link to a folder, not followed"})
			return nil
		case !info.Mode().IsRegular():
			problems = append(problems, index.Problem{Path: p, Reason: fmt.Sprintf("not a regular file (%s)", fileType(info.Mode()))})
			return nil
		case info.Size() > document.MaxSize:
			problems = append(problems, index.Problem{Path: p, Reason: fmt.Sprintf("%d bytes, more than the %d an article may have", info.Size(), document.MaxSize)})
			return nil
		}
		var mod int64
		if t := info.ModTime(); !t.IsZero() {
			mod = t.UnixNano()
		}
		files = append(files, File{Path: p, Size: info.Size(), ModTime: mod})
		return nil
	})
	if err != nil {
		problems = append(problems, index.Problem{Path: ".", Reason: "cannot be read: " + cleanErr(err)})
	}
	return files, problems, folders
}

func fileType(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a link"
	}
	return m.Type().String()
}

// cleanErr says what went wrong without the path, which the log line names already.
func cleanErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := err.Error()
	if strings.Contains(msg, "path escapes") {
		return "a link that leaves the archive folder"
	}
	if strings.Contains(msg, "too many levels of symbolic links") {
		return "a link that loops"
	}
	return msg
}

// readArticleFile reads a regular file of at most document.MaxSize bytes.
func ReadFile(fsys fs.FS, p string) ([]byte, error) {
	// Stat before opening: opening a named pipe put where an article was would wait for a
	// writer, for ever.
	if info, err := fs.Stat(fsys, p); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", fileType(info.Mode()))
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", fileType(info.Mode()))
	}
	// Read into a buffer of the size stated (and a byte more, to see a file that grew), not
	// one grown from 512 bytes: pages read articles again all the time.
	b := make([]byte, 0, min(max(info.Size(), 0), document.MaxSize)+1)
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(b) > document.MaxSize {
			break
		}
		if len(b) == cap(b) {
			b = slices.Grow(b, min(cap(b), document.MaxSize+1-len(b)))
		}
	}
	if len(b) > document.MaxSize {
		return nil, fmt.Errorf("more than the %d bytes an article may have", document.MaxSize)
	}
	return b, nil
}

// loaded is one file read and analysed.
type Loaded struct {
	Article  *index.Article
	Sketches []echo.Sketch // of its quotes, for finding them elsewhere (Sketches)
	Hash     uint64        // of the file's content
	Err      error
}

// AnalyseFiles reads and analyses files on every core and hands the results to fn in the files'
// order, so that which of two files with the same id is served does not depend on timing.
func AnalyseFiles(ctx context.Context, fsys fs.FS, reg *registry.Registry, files []File, fn func(i int, l Loaded) error) error {
	return inOrder(ctx, len(files), func(i int) Loaded {
		l := AnalyseFile(fsys, reg, files[i].Path)
		if l.Article != nil {
			l.Sketches = Sketches(l.Article, reg)
		}
		return l
	}, fn)
}

// ParseFiles reads and parses files on every core, as the archive reads them but without their
// quotations, and hands each document (or why it could not be read) to fn in the files' order.
func ParseFiles(ctx context.Context, fsys fs.FS, rules document.Rules, files []File, fn func(i int, doc *document.Document, err error) error) error {
	type parsed struct {
		doc *document.Document
		err error
	}
	return inOrder(ctx, len(files), func(i int) parsed {
		b, err := ReadFile(fsys, files[i].Path)
		if err != nil {
			return parsed{nil, err}
		}
		doc, err := document.Parse(files[i].Path, b, rules)
		return parsed{doc, err}
	}, func(i int, p parsed) error { return fn(i, p.doc, p.err) })
}

// inOrder runs work(i) for i from 0 to n on every core and hands the results to fn in order. It
// keeps a bounded number of results in flight, so memory does not grow with the archive.
//
// Once ctx is done it returns at once, without waiting for the work under way: one article's
// analysis cannot be interrupted, and a server told to stop must not wait for it. Those workers
// finish their file, find no more work and end; what they read is dropped.
func inOrder[T any](ctx context.Context, n int, work func(i int) T, fn func(i int, v T) error) error {
	workers := runtime.GOMAXPROCS(0)
	// Files analysed ahead of the one indexed next: enough to keep the cores busy while the
	// indexer takes a batch, few enough to bound memory.
	window := 64 * workers
	slots := make([]chan T, n)
	for i := range slots {
		slots[i] = make(chan T, 1)
	}
	jobs := make(chan int)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				slots[i] <- work(i)
			}
		})
	}
	sem := make(chan struct{}, window)
	go func() {
		defer close(jobs)
		for i := range n {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var err error
	for i := range n {
		var v T
		select {
		case v = <-slots[i]:
		case <-ctx.Done():
			err = ctx.Err()
		}
		if err != nil {
			break
		}
		<-sem
		if err = fn(i, v); err != nil {
			break
		}
	}
	cancel()
	if err == nil {
		wg.Wait() // every result was handed over: the workers are ending
	}
	return err
}

func AnalyseFile(fsys fs.FS, reg *registry.Registry, p string) Loaded {
	return AnalyseFileOr(fsys, reg, p, nil)
}

// AnalyseFileOr is AnalyseFile, but takes the file's analysis from saved when saved has one of
// its content (the analysis made when it was indexed), rather than analysing it again.
func AnalyseFileOr(fsys fs.FS, reg *registry.Registry, p string, saved func(path string, hash uint64) *index.Article) (l Loaded) {
	defer func() {
		// A file must never take the archive down: whatever it holds, it is skipped with a reason.
		if r := recover(); r != nil {
			l = Loaded{Err: fmt.Errorf("could not be read (internal error: %v)", r)}
		}
	}()
	b, err := ReadFile(fsys, p)
	if err != nil {
		return Loaded{Err: errors.New(cleanErr(err))}
	}
	p, h := path.Clean(p), Hash(b)
	if saved != nil {
		if a := saved(p, h); a != nil {
			return Loaded{Article: a, Hash: h}
		}
	}
	a, err := Analyse(reg, p, b)
	return Loaded{Article: a, Hash: h, Err: err}
}
