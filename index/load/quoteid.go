package load

import (
	"crypto/sha256"
	"encoding/base32"
	"hash/fnv"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteID returns the stable id of a quote, a hash of its article's id and its normalised text
// (case, spacing, the shape of quotation marks and dashes folded), and a short key of the
// normalised text for telling repeats apart. The id does not depend on the quote's position, so
// editing other parts of the article, or adding other articles, keeps it.
func quoteID(articleID, text string) (id string, key uint64) {
	h := sha256.New()
	h.Write([]byte(articleID))
	h.Write([]byte{0})
	f := fnv.New64a()
	writeNormalised(io.MultiWriter(h, f), text)
	return encodeID(h.Sum(nil)), f.Sum64()
}

// repeatedQuoteID is the id of the n-th repeat (from 1) of the same words in an article: a
// transcript's "Yeah." can be said three times.
func repeatedQuoteID(articleID, text string, n int) string {
	h := sha256.New()
	h.Write([]byte(articleID))
	h.Write([]byte{0})
	writeNormalised(h, text)
	h.Write([]byte{0, byte(n), byte(n >> 8), byte(n >> 16)})
	return encodeID(h.Sum(nil))
}

func encodeID(sum []byte) string {
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:10]))[:14]
}

// writeNormalised writes the text with what does not change its words folded: case, spacing,
// the shape of quotation marks and apostrophes, dashes. It writes in small pieces, so no copy of
// a long quote is made.
func writeNormalised(w io.Writer, s string) {
	var buf [512]byte
	b := buf[:0]
	space := false
	started := false
	for _, r := range s {
		switch r {
		case '“', '”', '„', '«', '»':
			r = '"'
		case '‘', '’':
			r = '\''
		case '–', '—':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		started = true
		b = utf8.AppendRune(b, unicode.ToLower(r))
		if len(b) > len(buf)-8 {
			w.Write(b)
			b = b[:0]
		}
	}
	w.Write(b)
}
