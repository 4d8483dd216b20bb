package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text copied from the web arrives with its accents in pieces: decomposed ("e" and a combining
// acute, as some systems store it), or UTF-8 read once or twice as Windows-1252 and written
// out again ("FranÃ§ois", "FranÃƒÂ§ois", "itâ€™s"). A reader sees "François" and "it’s", and
// so must search and attribution: a name in pieces is not the name. Mend composes the text
// and decodes each such sequence back, as often as it was encoded, up to three times.

// Mend returns s composed (NFC) and with UTF-8 sequences misread as Windows-1252 decoded.
func Mend(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	// Combining diacritical marks (U+0300 to U+036F, written with 0xCC or 0xCD first) are what
	// decomposed Latin text holds; a text without them is taken as composed, which spares
	// the normaliser's pass over every paragraph.
	combining := strings.IndexByte(s, 0xCC) >= 0 || strings.IndexByte(s, 0xCD) >= 0
	if combining && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s) // "A" and a combining tilde are the "Ã" of "FranÃ§ois"
	}
	// Every lead byte's character (U+00C2 to U+00F4) is written with the byte 0xC3 in UTF-8.
	for range 3 {
		if strings.IndexByte(s, 0xC3) < 0 {
			break
		}
		t, changed := demojibake(s)
		if !changed {
			break
		}
		s = t
	}
	if combining || strings.IndexByte(s, 0xCC) >= 0 || strings.IndexByte(s, 0xCD) >= 0 {
		if !norm.NFC.IsNormalString(s) {
			s = norm.NFC.String(s) // after decoding: "FrancÌ§ois" is a "c" and a combining cedilla
		}
	}
	return s
}

// demojibake decodes, once, each run of characters that are the bytes of one UTF-8 sequence
// read as Windows-1252: a lead byte's character (Â to ô) and as many continuation bytes'
// characters as it needs, decoding to a letter, a mark, a number, punctuation or a symbol.
func demojibake(s string) (string, bool) {
	var b strings.Builder
	changed := false
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		n := leadLength(r)
		if n == 0 {
			i += size
			continue
		}
		var seq [4]byte
		seq[0] = byte(r)
		j, k := i+size, 1
		for ; k < n && j < len(s); k++ {
			c, csize := utf8.DecodeRuneInString(s[j:])
			cb, ok := continuationByte(c)
			if !ok {
				break
			}
			seq[k] = cb
			j += csize
		}
		if k < n {
			i += size
			continue
		}
		dr, dsize := utf8.DecodeRune(seq[:n])
		if dr == utf8.RuneError || dsize != n || !printable(dr) || n == 2 && !likelyPair(dr) {
			i += size
			continue
		}
		if !changed {
			b.Grow(len(s))
			changed = true
		}
		b.WriteString(s[last:i])
		b.WriteRune(dr)
		i, last = j, j
	}
	if !changed {
		return s, false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// leadLength returns the length of the UTF-8 sequence whose lead byte reads as r in
// Windows-1252, or 0.
func leadLength(r rune) int {
	switch {
	case r >= 0xC2 && r <= 0xDF:
		return 2
	case r >= 0xE0 && r <= 0xEF:
		return 3
	case r >= 0xF0 && r <= 0xF4:
		return 4
	}
	return 0
}

// cp1252 maps the characters Windows-1252 gives bytes 0x80 to 0x9F back to those bytes.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
	'‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93,
	'”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B,
	'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// continuationByte returns the byte 0x80 to 0xBF that r stands for when UTF-8 was read as
// Windows-1252 (or Latin-1, whose control characters fill the bytes Windows-1252 leaves out).
func continuationByte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xBF {
		return byte(r), true
	}
	b, ok := cp1252[r]
	return b, ok
}

// likelyPair reports whether a character of two bytes in UTF-8 is one that text misread
// holds, not one that two characters of Latin-1 side by side would make by chance ("Ç»" is no
// "ǻ"): Latin-1 and Latin Extended-A, Romanian's letters with a comma below, combining marks
// and the alphabets from Greek on.
func likelyPair(r rune) bool {
	return r <= 0x17F || r >= 0x218 && r <= 0x21B || r >= 0x300
}

// printable reports whether a decoded character is one a text holds: not a control character
// nor a private or unassigned one.
func printable(r rune) bool {
	return r >= 0xA0 && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r))
}
