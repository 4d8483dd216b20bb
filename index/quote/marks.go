package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a quotation found between marks, in paragraph coordinates. Start is the first byte
// after the opening mark, End the first byte of the closing mark (or the paragraph's end when
// the quote is not closed).
type span struct {
	Start, End Pos
	open       int // byte offset of the opening mark in the first paragraph
	closeEnd   int // byte offset just past the closing mark in the last paragraph (End.Off if none)
	single     bool
	// label is where a turn's speaker label starts, inside the marks of a quoted transcript
	// ("“WALLACE: …"); 0 when there is none.
	label int
}

// markKind says what a quotation mark does at its place.
type markKind uint8

const (
	notMark markKind = iota
	opens
	closes
)

// classifyDouble reads a double quotation mark at s[i:i+n] by its shape or, for the straight
// mark, by its neighbours: after a space and before a word it opens, after a word and before a
// space or punctuation it closes.
func classifyDouble(s string, i, n int, r rune, depth int) markKind {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+n:])
	atStart, atEnd := i == 0, i+n == len(s)
	leftOpen := atStart || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:", prev)
	rightOpen := atEnd || unicode.IsSpace(next) || strings.ContainsRune(".,;:!?)]}—–-", next)
	// A curly mark of the wrong shape counts by its place: ” at a paragraph's start opens, “
	// after a word at its end closes.
	switch r {
	case '“', '„', '«':
		if depth > 0 && rightOpen && !leftOpen {
			return closes
		}
		return opens
	case '”', '»':
		if depth == 0 && (leftOpen && !rightOpen || atStart) {
			return opens // "” … he delivered" opening a paragraph: nothing is open for it to close
		}
		return closes
	}
	switch {
	case leftOpen && !rightOpen:
		return opens
	case rightOpen && !leftOpen:
		return closes
	case depth > 0:
		return closes
	default:
		return opens
	}
}

// isApostrophe reports whether a single mark at s[i:i+n] sits inside a word ("China’s",
// "don't") or ends a plural possessive ("allies’ security").
func isApostrophe(s string, i, n int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+n:])
	if i > 0 && i+n < len(s) && isWordRune(prev) && isWordRune(next) {
		return true
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// findSpans finds the quotations in paragraphs: double marks, straight or curly, nested ones
// kept inside; two apostrophes closing a double quote; single marks in headlines. A quote left
// open at a paragraph's end goes on into the next paragraph when that one opens with a mark
// (the convention for a quotation over several paragraphs), and ends with its paragraph
// otherwise.
func findSpans(paras []string, headline func(int) bool) []span {
	var out []span
	var cur *span
	depth := 0
	// A quotation that opens its paragraph with a speaker label ("“WALLACE: …"), kept until
	// the next paragraph shows whether a transcript is quoted.
	var firstTurn struct {
		at    Pos
		label int
	}
	for p := 0; p < len(paras); p++ {
		s := paras[p]
		i := 0
		if cur != nil {
			// A continued quotation: skip the opening mark that repeats at the paragraph's start.
			t := strings.TrimLeft(s, " ")
			r, n := utf8.DecodeRuneInString(t)
			if r == '"' || r == '“' || r == '„' || r == '«' {
				i = len(s) - len(t) + n
			} else if strings.HasPrefix(t, "''") {
				i = len(s) - len(t) + 2
			}
			depth = 1
			// A transcript quoted whole ("“WALLACE: …", "“PENCE: …"): each speaker's turn is a
			// quotation of its own, its label outside the words.
			if l := turnLabel(s[i:]); l > 0 {
				if cur.Start == firstTurn.at && firstTurn.label > 0 && cur.label == 0 {
					// The quoted transcript's first turn, now that a second shows it is one.
					cur.label, cur.Start.Off = cur.Start.Off, cur.Start.Off+firstTurn.label
				}
				prev := paras[p-1]
				cur.End, cur.closeEnd = Pos{p - 1, len(strings.TrimRight(prev, " "))}, len(strings.TrimRight(prev, " "))
				out = append(out, *cur)
				cur = &span{Start: Pos{p, i + l}, open: len(s) - len(t), label: i}
				i += l
			}
		}
		single := headline(p)
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf && c != '"' && c != '\'' {
				i++ // most of a text: no mark of any kind
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == '"' || r == '“' || r == '”' || r == '„' || r == '«' || r == '»':
				k := classifyDouble(s, i, n, r, depth)
				if k == opens {
					if depth == 0 {
						cur = &span{Start: Pos{p, i + n}, open: i}
						if strings.TrimSpace(s[:i]) == "" {
							firstTurn.at, firstTurn.label = cur.Start, turnLabel(s[i+n:])
						}
					}
					depth++
				} else if depth > 0 {
					depth--
					if depth == 0 {
						cur.End, cur.closeEnd = Pos{p, i}, i+n
						out = append(out, *cur)
						cur = nil
					}
				}
			case r == '\'' && strings.HasPrefix(s[i:], "''") && depth == 0 && opensTwoApostrophes(s, i):
				// "''It is a good plan,''": two apostrophes typed for an opening double mark.
				n = 2
				cur = &span{Start: Pos{p, i + n}, open: i}
				depth++
			case r == '\'' && strings.HasPrefix(s[i:], "''") && depth > 0:
				// "…these issues''": two apostrophes typed for a closing double mark.
				n = 2
				depth--
				if depth == 0 {
					cur.End, cur.closeEnd = Pos{p, i}, i+n
					out = append(out, *cur)
					cur = nil
				}
			case single && depth == 0 && (r == '‘' || r == '\''):
				if isApostrophe(s, i, n) {
					break
				}
				if end, endLen := closingSingle(s, i+n); end > 0 {
					out = append(out, span{Start: Pos{p, i + n}, End: Pos{p, end}, open: i, closeEnd: end + endLen, single: true})
					i = end + endLen
					continue
				}
			}
			i += n
		}
		if cur != nil && !continues(paras, p) {
			cur.End, cur.closeEnd = Pos{p, len(strings.TrimRight(s, " "))}, len(strings.TrimRight(s, " "))
			out = append(out, *cur)
			cur, depth = nil, 0
		}
	}
	closedTurns(paras, out)
	return out
}

// closedTurns marks the labels of a transcript quoted a turn to a paragraph, each turn closed
// ("“KELLERMAN: Will you sign it?”", then "“KEANE: Not as it is.”"): two or more paragraphs in
// a row that are each one quotation opening with a speaker label.
func closedTurns(paras []string, spans []span) {
	turn := func(k int) int {
		sp := spans[k]
		if sp.label > 0 || sp.Start.Para != sp.End.Para || strings.TrimSpace(paras[sp.Start.Para][:sp.open]) != "" ||
			strings.Trim(paras[sp.End.Para][sp.closeEnd:], " .") != "" {
			return 0
		}
		return turnLabel(paras[sp.Start.Para][sp.Start.Off:sp.End.Off])
	}
	labels := make([]int, len(spans))
	for k := range spans {
		labels[k] = turn(k)
	}
	for k := range spans {
		if labels[k] == 0 {
			continue
		}
		prev := k > 0 && labels[k-1] > 0 && spans[k-1].Start.Para == spans[k].Start.Para-1
		next := k+1 < len(spans) && labels[k+1] > 0 && spans[k+1].Start.Para == spans[k].Start.Para+1
		if prev || next {
			spans[k].label = spans[k].Start.Off
			spans[k].Start.Off += labels[k]
		}
	}
}

// continues reports whether the paragraph after p opens with a quotation mark, continuing a
// quotation left open at the end of p.
func continues(paras []string, p int) bool {
	if p+1 >= len(paras) {
		return false
	}
	next := strings.TrimLeft(paras[p+1], " ")
	r, _ := utf8.DecodeRuneInString(next)
	return r == '"' || r == '“' || r == '„' || r == '«' || strings.HasPrefix(next, "''")
}

// closingSingle finds the single mark closing a headline quote opened before s[from:]: a ’ or '
// after a word and before a space, punctuation or the end. It returns its offset and length, or
// -1 when there is none.
func closingSingle(s string, from int) (int, int) {
	first, _ := utf8.DecodeRuneInString(s[from:])
	if first == utf8.RuneError || unicode.IsSpace(first) {
		return -1, 0
	}
	for i := from; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == '’' || r == '\'') && i > from {
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if i+n == len(s) || unicode.IsSpace(next) || unicode.IsPunct(next) {
				return i, n
			}
		}
		i += n
	}
	return -1, 0
}

// opensTwoApostrophes reports whether two apostrophes at s[i:] open a quotation: at the start of
// the text or after a space or an opening bracket or dash, and before a word.
func opensTwoApostrophes(s string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+2:])
	if i+2 >= len(s) || unicode.IsSpace(next) || next == '\'' {
		return false
	}
	return i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:", prev)
}

// turnLabel returns the length of a transcript's speaker label at the start of s, with the
// spaces after it: one or two words in capitals and a colon ("WALLACE: ", "MR. TRUMP: "). It
// returns 0 when there is none.
func turnLabel(s string) int {
	colon := strings.IndexByte(s, ':')
	if colon < 2 || colon > 24 {
		return 0
	}
	words := strings.Fields(s[:colon])
	if len(words) == 0 || len(words) > 3 {
		return 0
	}
	letters := 0
	for _, r := range s[:colon] {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == ' ' || r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return 0
		}
	}
	if letters < 2 || colon+1 < len(s) && s[colon+1] != ' ' {
		return 0
	}
	n := colon + 1
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}
