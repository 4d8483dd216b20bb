package catalog

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"slices"
	"strings"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/load"
)

// How articles get their ids.
//
// A file's plain id is what document.Parse gives it: its front matter's id, else its file name,
// as a slug of at most 160 characters. Files with the same plain id and the same text (the same
// date and the same paragraphs as a reader sees them, spacing aside: the title, tags,
// source_url and times may differ) are one document, filed twice: it is served once, read from
// the first of its files by path, and knows all of them (Summary.Also) and all their tags. Files
// with one plain id and different texts are different documents: each then takes the plain id,
// two hyphens and a suffix of its first file's path (a base32 hash, 6 letters or more, as many
// as it takes to tell the documents of that id apart); the plain id itself then names them all,
// and its address lists them. A slug never holds two hyphens in a row, so a suffixed id is never
// another file's plain id.
//
// Stable means:
//
//   - the ids are a function of the archive's files, not of the order they are read in, of
//     timing, of the machine or of what was indexed before: a fresh build, an index reused or
//     updated in place, and two replicas give every document the same id;
//   - a document's id depends only on the files of its plain id: adding, changing or removing any
//     other file changes no id;
//   - an id once given keeps leading to its document while one of the document's files is in the
//     archive. The plain id keeps leading to it when a file of another text under that id comes
//     (to a page listing both, not to the newcomer: a later file never takes an id from an
//     earlier one), and a suffixed id keeps leading to it when the other goes (plain id + "--" +
//     the suffix of any of its files' paths is read as the document, and answered with a
//     redirect to its id of the day).
//
// Quotes follow the same rule: a quote's plain id is a hash of its article's plain id and its
// words (model.go); when two documents of one plain id hold the same words, each one's quote
// takes the plain quote id, a hyphen and its document's suffix, and the plain quote id lists
// them.

// suffixSep joins a plain id and the suffix of a path; quoteSuffixSep a quote's plain id and its
// document's suffix.
const (
	suffixSep      = "--"
	quoteSuffixSep = "-"
	minSuffix      = 6
)

var suffixEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// pathSuffix is what suffixes are cut from: a hash of a file's path, in lower-case base32.
func pathSuffix(path string) string {
	sum := sha256.Sum256([]byte(path))
	return strings.ToLower(suffixEncoding.EncodeToString(sum[:]))
}

// SplitID returns the plain id and the suffix of an article id ("" when it has none).
func SplitID(id string) (plain, suffix string) {
	plain, suffix, _ = strings.Cut(id, suffixSep)
	return plain, suffix
}

// textKey is what makes two files with one plain id the same document: their date and their
// paragraphs, with spacing as a page shows it (a run of spaces, or a no-break space, is a space).
func textKey(art *index.Article) uint64 {
	h := sha256.New()
	h.Write([]byte(art.Date.ISO()))
	for _, p := range art.Paragraphs {
		h.Write([]byte{0, byte(p.Kind)})
		for i, w := range strings.Fields(p.Text) {
			if i > 0 {
				h.Write([]byte{' '})
			}
			h.Write([]byte(w))
		}
	}
	return binary.BigEndian.Uint64(h.Sum(nil))
}

// docID is a served file's place in the archive: the id of its document, and its document's
// first file (by path), the one it is read from.
type docID struct {
	id      string
	primary int // index in the file list of the document's first file
}

func (d docID) served() bool { return d.id != "" }

// assignIDs gives every served file (one with a plain id) its document's id, by the rule above.
// Skipped files get the zero docID.
func assignIDs(files []load.File) []docID {
	out := make([]docID, len(files))
	groups := map[string][]int{}
	for i, f := range files {
		if f.Plain != "" {
			groups[f.Plain] = append(groups[f.Plain], i)
		}
	}
	for plain, members := range groups {
		// The order of paths decides which file of a document is its first, not the order the
		// files were listed or read in.
		slices.SortFunc(members, func(x, y int) int { return strings.Compare(files[x].Path, files[y].Path) })
		var docs [][]int
		byText := map[uint64]int{}
		for _, i := range members {
			d, ok := byText[files[i].Text]
			if !ok {
				d = len(docs)
				byText[files[i].Text] = d
				docs = append(docs, nil)
			}
			docs[d] = append(docs[d], i)
		}
		ids := make([]string, len(docs))
		if len(docs) == 1 {
			ids[0] = plain
		} else {
			full := make([]string, len(docs))
			for d, doc := range docs {
				full[d] = pathSuffix(files[doc[0]].Path)
			}
			n := minSuffix
			for ; n < len(full[0]); n += 2 {
				cut := make([]string, len(full))
				for d := range full {
					cut[d] = full[d][:n]
				}
				slices.Sort(cut)
				if len(slices.Compact(cut)) == len(cut) {
					break
				}
			}
			for d := range docs {
				ids[d] = plain + suffixSep + full[d][:min(n, len(full[d]))]
			}
		}
		for d, doc := range docs {
			for _, i := range doc {
				out[i] = docID{id: ids[d], primary: doc[0]}
			}
		}
	}
	return out
}

// sharedQuotes returns the plain quote ids held by more than one of the documents given (the
// documents of one plain id): those quotes take their document's suffix.
func sharedQuotes(docs [][]string) map[string]bool {
	holders := map[string]int{}
	for _, quotes := range docs {
		seen := map[string]bool{}
		for _, q := range quotes {
			if !seen[q] {
				seen[q] = true
				holders[q]++
			}
		}
	}
	shared := map[string]bool{}
	for q, n := range holders {
		if n > 1 {
			shared[q] = true
		}
	}
	return shared
}

// finalQuoteID is a quote's id in a document whose id is docID: its plain id, with the
// document's suffix when the plain id is shared.
func finalQuoteID(plain, docID string, shared bool) string {
	if !shared {
		return plain
	}
	_, suffix := SplitID(docID)
	return plain + quoteSuffixSep + suffix
}

// finalise gives an article read from its file (with plain ids) the ids of its document.
func finalise(art *index.Article, id string, shared func(quoteID string) bool) {
	art.ID = id
	for k := range art.Quotes {
		q := &art.Quotes[k]
		q.Article = id
		q.ID = finalQuoteID(q.ID, id, shared(q.ID))
	}
}
