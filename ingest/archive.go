package ingest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/load"
)

// folder is the archive folder as adding sees it: what it holds already, by address, by text and
// by id, so that an article is added once and never takes another's name or id.
type folder struct {
	root  *os.Root
	rules document.Rules

	byURL  map[string]string // normalised address → the file that has it
	byText map[uint64]string // text key → the file that has it
	ids    map[string]string // plain id → a file that has it
	files  int
}

// openFolder reads every article file of the archive folder, by the archive's own rule of
// which files are articles (load): its id, its original's address and its text as the archive
// reads it.
func openFolder(dir string, rules document.Rules) (*folder, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	f := &folder{root: root, rules: rules, byURL: map[string]string{}, byText: map[uint64]string{}, ids: map[string]string{}}
	files, _ := load.List(root.FS()) // the archive reports what it cannot read; adding goes on
	err = load.ParseFiles(context.Background(), root.FS(), rules, files, func(i int, doc *document.Document, err error) error {
		p := files[i].Path
		if err != nil {
			f.note(p, document.Slug(strings.TrimSuffix(path.Base(p), path.Ext(p))), "", 0)
			return nil
		}
		f.note(p, doc.ID, normalURL(doc.URL), textKey(doc.Paragraphs))
		return nil
	})
	if err != nil {
		root.Close()
		return nil, err
	}
	f.files = len(files)
	return f, nil
}

func (f *folder) note(p, id, u string, text uint64) {
	if id != "" {
		if _, ok := f.ids[id]; !ok {
			f.ids[id] = p
		}
	}
	if u != "" {
		if _, ok := f.byURL[u]; !ok {
			f.byURL[u] = p
		}
	}
	if text != 0 {
		if _, ok := f.byText[text]; !ok {
			f.byText[text] = p
		}
	}
}

func (f *folder) close() error { return f.root.Close() }

// has says which file holds the article already, and how it knows: the same address, or the
// same text (spacing aside) under another address or none.
func (f *folder) has(addresses []string, text uint64) (file, why string) {
	for _, a := range addresses {
		if p, ok := f.byURL[normalURL(a)]; ok && a != "" {
			return p, "the same address"
		}
	}
	if p, ok := f.byText[text]; ok {
		return p, "the same text"
	}
	return "", ""
}

// write puts an article's file into the folder into, under its name or, when that name or its
// id is taken, the name with "-2", "-3"…: a file already there is never replaced. The file is
// written whole under a temporary name first and linked to its name, so a server rescanning the
// folder never reads half of it. It returns the path written, relative to the archive folder.
func (f *folder) write(into, name string, render func(id string) ([]byte, error)) (string, error) {
	if into != "" {
		if err := f.root.MkdirAll(into, 0o755); err != nil {
			return "", err
		}
	}
	var r [6]byte
	rand.Read(r[:])
	tmp := path.Join(into, ".readout-add-"+hex.EncodeToString(r[:])+".tmp")
	defer f.root.Remove(tmp)
	for n := 1; n < 1000; n++ {
		id := name
		if n > 1 {
			id = name + "-" + strconv.Itoa(n)
		}
		target := path.Join(into, id+".md")
		if _, taken := f.ids[id]; taken {
			continue
		}
		if _, err := f.root.Lstat(target); err == nil {
			continue
		}
		b, err := render(id)
		if err != nil {
			return "", err
		}
		if err := f.root.WriteFile(tmp, b, 0o644); err != nil {
			return "", err
		}
		if err := f.root.Link(tmp, target); err != nil {
			if errors.Is(err, fs.ErrExist) {
				f.root.Remove(tmp)
				continue // written by someone else since: take the next name
			}
			return "", err
		}
		return target, nil
	}
	return "", errors.New("no free name for the file")
}

// textKey identifies an article's text as the archive reads it, spacing aside (a paragraph's
// end too: a no-break space can keep the archive from joining a hard-wrapped paragraph's lines)
// and its headline line left out (a page prints it, a file may not): two files of one text have
// one key. It hashes the words as it reads them: it runs over every file of the archive folder.
func textKey(paras []document.Paragraph) uint64 {
	h := sha256.New()
	var buf []byte
	words := 0
	for _, p := range paras {
		if p.Kind == document.Title {
			continue
		}
		buf = buf[:0]
		space := true
		for _, r := range p.Text {
			if unicode.IsSpace(r) {
				space = true
				continue
			}
			if space {
				words++
				if words > 1 {
					buf = append(buf, ' ')
				}
				space = false
			}
			buf = utf8.AppendRune(buf, r)
		}
		h.Write(buf)
	}
	if words == 0 {
		return 0
	}
	return binary.BigEndian.Uint64(h.Sum(nil))
}

// trackers are query parameters that say how a reader came to a page, not which page it is.
var trackers = []string{"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid"}

// normalURL is an address as it names a page: without its scheme, "www.", default port,
// fragment, trailing slash or tracking parameters, its host in lower case.
func normalURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	q := u.Query()
	for k := range q {
		if slices.Contains(trackers, strings.ToLower(k)) {
			q.Del(k)
		}
	}
	out := host + strings.TrimSuffix(u.EscapedPath(), "/")
	if enc := q.Encode(); enc != "" {
		out += "?" + enc
	}
	return out
}
