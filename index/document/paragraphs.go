package document

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// wrapWidth is the longest line a hard-wrapped text has. Markdown converters wrap at 72
// columns; a block with a longer line was not wrapped, and each of its lines is a paragraph
// (the way scraped news pages print one paragraph per line).
const wrapWidth = 80

// unbreakable is the length from which a word is taken for an address or the like, which
// a converter puts on a line of its own whatever the width.
const unbreakable = 25

var (
	htmlBlockTag = regexp.MustCompile(`</?(?i:img|figure|figcaption|picture|source|video|audio|iframe|div|span|p|br|hr|table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col|sup|sub|u|s|strong|em|b|i|a|blockquote|center|font|section|article|header|footer|aside|nav|ul|ol|li)\b[^<>]*>|<!--[\s\S]*?-->`)
	htmlTag      = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->`)
	mdImage      = regexp.MustCompile(`!\[([^\]\n]*)\]\([^)\s]*(?:\s"[^"]*")?\)`)
	mdLink       = regexp.MustCompile(`\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s"[^"]*")?\)`)
	mdAutolink   = regexp.MustCompile(`<(https?://[^>\s]+)>`)
	// A converter's note of a link's address after its text ("[report](…) \[LINK: <…>\]"),
	// which no reader of the original saw: it goes, with the emphasis it was wrapped in.
	linkNote = regexp.MustCompile(`[ \t]*(?:\*\*)?(?:\\\[LINK:(?:[^\\]|\\[^\]])*\\\]|\[LINK:[^\[\]]*\])`)
)

// paragraphs turns the body as published into paragraphs: it drops page furniture and a line
// printed twice in a row, joins hard-wrapped lines, and takes away Markdown's marks.
func paragraphs(body string, rules Rules) ([]Paragraph, int) {
	if strings.Contains(body, "<") {
		// An HTML element can span lines (<img\nsrc="…"\nstyle="…">): its tags go before the
		// text is cut into lines, or its attributes would be read as text.
		body = htmlBlockTag.ReplaceAllString(body, "")
	}
	var out []Paragraph
	dropped := 0
	prev := "" // the last line kept from a block that was not wrapped
	var block []string
	flush := func() {
		if len(block) == 0 {
			return
		}
		if isWrapped(block) {
			out = appendBlock(out, block, true)
			prev = ""
		} else {
			// Each line stands alone: it may be furniture, or the line before printed again.
			kept := block[:0]
			for _, l := range block {
				trimmed := strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " "))
				switch {
				case rules != nil && rules.IsFurniture(trimmed):
					dropped++
					prev = ""
					out = appendBlock(out, kept, false)
					kept = kept[:0]
					continue
				case trimmed == prev:
					dropped++
					continue
				}
				prev = trimmed
				kept = append(kept, l)
			}
			out = appendBlock(out, kept, false)
		}
		block = block[:0]
	}
	for _, l := range strings.Split(body, "\n") {
		hardBreak := strings.HasSuffix(l, "  ") && strings.TrimSpace(l) != ""
		l = strings.TrimRight(l, " \t")
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		block = append(block, l)
		// Markdown's hard break (two spaces at a line's end) ends a line as a blank line would
		// not: what follows is a line of its own, so the lines before are judged apart.
		if hardBreak {
			flush()
		}
	}
	flush()
	return out, dropped
}

// isWrapped reports whether a block's lines are one paragraph broken to a width, as Markdown
// converters write it. A line broke there because the next word would not fit: so each line
// but the last is longer, with the next word, than the block's longest line. Lines one to a
// paragraph (scraped news pages) or a list of short links fail that test. A converter never
// breaks a link's address, so a line may pass the width by one long unbroken word.
func isWrapped(block []string) bool {
	if len(block) < 2 {
		return false
	}
	// A block quote's lines are judged without their "> ".
	if strings.HasPrefix(block[0], ">") {
		unquoted := make([]string, len(block))
		for i, l := range block {
			unquoted[i] = strings.TrimPrefix(strings.TrimPrefix(l, ">"), " ")
		}
		block = unquoted
	}
	longest := 0
	for _, l := range block {
		n, w := utf8.RuneCountInString(l), longestWord(l)
		switch {
		case n-w > wrapWidth:
			return false
		case w >= unbreakable:
			// A line with an address says nothing of the width the text was wrapped to.
		default:
			longest = max(longest, n)
		}
	}
	if longest == 0 {
		longest = wrapWidth
	}
	for i, l := range block[:len(block)-1] {
		next := block[i+1]
		if k, _ := lineMarker(next); k != Text {
			continue // a new item or heading starts on its own line anyway
		}
		word, _, _ := strings.Cut(strings.TrimLeft(next, " "), " ")
		if utf8.RuneCountInString(l)+1+utf8.RuneCountInString(word) <= longest {
			return false
		}
	}
	return true
}

func longestWord(l string) int {
	longest, n := 0, 0
	for _, r := range l {
		if r == ' ' || r == '\t' {
			n = 0
			continue
		}
		n++
		longest = max(longest, n)
	}
	return longest
}

// rule is the kind lineMarker gives a Markdown horizontal rule, which is no paragraph.
const rule Kind = 255

// lineMarker reads the Markdown mark a line starts with: a heading's "#", a list item's "-" or
// "1.", a block quote's ">" (dropped), or a horizontal rule. It returns the line's kind and the
// line without its mark. Numbered items keep their number, which a reader needs.
func lineMarker(l string) (Kind, string) {
	t := l
	for i := 0; i < 3 && strings.HasPrefix(t, " "); i++ {
		t = t[1:]
	}
	// A nested list item is indented further; its marker is followed by more than one space, as
	// converters write it ("    -   item").
	if indented := strings.TrimLeft(t, " "); len(t)-len(indented) > 0 && len(l)-len(indented) <= 16 &&
		len(indented) > 3 && strings.ContainsRune("-*+", rune(indented[0])) && strings.HasPrefix(indented[1:], "  ") {
		return ListItem, strings.TrimLeft(indented[1:], " ")
	}
	if strings.HasPrefix(t, ">") {
		t = strings.TrimPrefix(t[1:], " ")
		l = t
	}
	if t == "" {
		return Text, l
	}
	switch c := t[0]; {
	case c == '#':
		n := 0
		for n < len(t) && t[n] == '#' {
			n++
		}
		if n <= 6 && (n == len(t) || t[n] == ' ') {
			return Heading, strings.TrimLeft(t[n:], " ")
		}
	case c == '-' || c == '*' || c == '_' || c == '+':
		if c != '+' && isRule(t, c) {
			return rule, ""
		}
		if c != '_' && (len(t) == 1 || t[1] == ' ') {
			return ListItem, strings.TrimLeft(t[1:], " ")
		}
	case c >= '0' && c <= '9':
		n := 0
		for n < len(t) && n < 4 && t[n] >= '0' && t[n] <= '9' {
			n++
		}
		if n <= 3 && n < len(t) && (t[n] == '.' || t[n] == ')') {
			if next, _ := utf8.DecodeRuneInString(t[n+1:]); n+1 == len(t) || unicode.IsSpace(next) || next == '\u202f' {
				return ListItem, t
			}
		}
	case strings.HasPrefix(t, "• "):
		return ListItem, strings.TrimLeft(t[len("•"):], " ")
	}
	return Text, l
}

func isRule(t string, c byte) bool {
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// appendBlock turns one block of lines into paragraphs: one per line, or, when the block is
// wrapped, one per run of lines up to the next list item or heading.
func appendBlock(out []Paragraph, block []string, wrapped bool) []Paragraph {
	if len(block) == 0 {
		return out
	}
	var cur strings.Builder
	kind := Text
	emit := func() {
		if p := clean(cur.String()); p != "" {
			out = append(out, Paragraph{Text: p, Kind: kind})
		}
		cur.Reset()
		kind = Text
	}
	for _, l := range block {
		startKind, rest := lineMarker(l)
		if startKind == rule {
			emit()
			continue
		}
		l = rest
		if startKind != Text || !wrapped || cur.Len() == 0 {
			emit()
			kind = startKind
			cur.WriteString(strings.TrimSpace(l))
			continue
		}
		// A hard-wrapped line continues the paragraph, unless the line before ends in
		// Markdown's hard break (a backslash): then it starts a new one.
		if prev := cur.String(); strings.HasSuffix(prev, "\\") && !strings.HasSuffix(prev, "\\\\") {
			cur.Reset()
			cur.WriteString(strings.TrimSuffix(prev, "\\"))
			emit()
		} else {
			cur.WriteString(" ")
		}
		cur.WriteString(strings.TrimSpace(l))
	}
	emit()
	return out
}

// clean takes away Markdown and HTML marks from a paragraph's text, leaving what a reader reads.
func clean(s string) string {
	if strings.Contains(s, "LINK:") {
		s = linkNote.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "<") {
		s = mdAutolink.ReplaceAllString(s, "$1")
		s = htmlTag.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "&") && strings.Contains(s, ";") {
		s = html.UnescapeString(s)
	}
	if strings.Contains(s, "](") {
		s = mdImage.ReplaceAllString(s, "$1")
		s = mdLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "*") || strings.Contains(s, "__") {
		// Two bold spans side by side ("**Name**" from a link, then "**:**") meet as "****".
		s = strings.ReplaceAll(s, "****", "")
		s = stripEmphasis(s)
	}
	if strings.Contains(s, "\\") {
		s = unescape(s)
	}
	s = Mend(s)
	if strings.Contains(s, "\u00a0") {
		// A no-break space is a space to every reader; left as it is, "Van Hollen:\u00a0“…"
		// is not a name and a colon before a quotation to anything that reads the text.
		s = strings.ReplaceAll(s, "\u00a0", " ")
	}
	return strings.TrimSpace(s)
}

// stripEmphasis removes Markdown's emphasis marks ("*word*", "**words**", "__words__") and
// keeps a lone asterisk ("5 * 3", a footnote's "*"). It runs in linear time.
func stripEmphasis(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '*' && c != '_' {
			b.WriteByte(c)
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		n := j - i
		// Strong emphasis may open inside a word, as CommonMark lets "**" do: "s**aid First
		// Lady Jill Biden**" is "said First Lady Jill Biden".
		intraword := c == '*' && n == 2 && j < len(s) && s[j] != ' ' && s[j] != '\t'
		if n > 3 || (c == '_' && n != 2) || !opensEmphasis(s, i, j) && !intraword {
			b.WriteString(s[i:j])
			i = j
			continue
		}
		end := closingRun(s, j, c, n)
		if end < 0 && n == 3 {
			// "***The Times’s* Lydia DePillis:**": strong and emphasis opened together and
			// closed apart.
			k1, k2 := closingRun(s, j, c, 1), closingRun(s, j, c, 2)
			if k1 > 0 && k2 > 0 {
				first, firstLen, second, secondLen := k1, 1, k2, 2
				if k2 < k1 {
					first, firstLen, second, secondLen = k2, 2, k1, 1
				}
				b.WriteString(stripEmphasis(s[j:first]))
				b.WriteString(stripEmphasis(s[first+firstLen : second]))
				i = second + secondLen
				continue
			}
		}
		if end < 0 {
			b.WriteString(s[i:j])
			i = j
			continue
		}
		b.WriteString(stripEmphasis(s[j:end]))
		i = end + n
	}
	return b.String()
}

// opensEmphasis reports whether the run s[i:j] of marks can open emphasis: it follows the start,
// a space or punctuation, and comes before a word.
func opensEmphasis(s string, i, j int) bool {
	if j >= len(s) || s[j] == ' ' || s[j] == '\t' {
		return false
	}
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r) || unicode.IsPunct(r)
}

// closingRun finds, from i, a run of exactly n marks c that follows a non-space: the end of the
// emphasis. It returns -1 when there is none.
func closingRun(s string, i int, c byte, n int) int {
	for k := i + 1; k < len(s); k++ {
		if s[k] != c {
			continue
		}
		e := k
		for e < len(s) && s[e] == c {
			e++
		}
		if e-k == n && s[k-1] != ' ' && s[k-1] != '\t' {
			return k
		}
		k = e
	}
	return -1
}

// unescape removes Markdown's backslash before ASCII punctuation: "\\$5" is "$5".
func unescape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// foldAccents removes diacritics: "Fernández" becomes "Fernandez".
func foldAccents(s string) string {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			goto fold
		}
	}
	return s
fold:
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ReadsAsText reports whether a line of an article file is read as plain text, its characters as
// they are: not a heading, a list item, a block quote's mark or a rule. A writer of article files
// escapes a line that is not.
func ReadsAsText(l string) bool {
	k, rest := lineMarker(l)
	return k == Text && rest == l
}

// ReadsAsItem reports whether a line is read as a list item ("- …", "1. …").
func ReadsAsItem(l string) bool {
	k, _ := lineMarker(l)
	return k == ListItem
}
