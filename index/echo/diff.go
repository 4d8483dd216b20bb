package echo

import (
	"strings"
)

// Mark is what a piece of one wording is beside the other.
type Mark uint8

const (
	Same      Mark = iota // the same words
	Changed               // words the other wording lacks, or has otherwise
	Respelled             // the same words written otherwise ("It's my honor", "It is my honour")
)

// Segment is a piece of a wording: its text, as written, and its mark.
type Segment struct {
	Text string
	Mark Mark
}

// maxCells bounds the table of a word-by-word comparison; longer stretches are compared by the
// words that occur once in each (patience), then word by word between them.
const maxCells = 1 << 18

// Diff compares two wordings of a statement word by word (folded words, so that spelling and
// contractions are told apart from edits) and returns each as segments.
func Diff(a, b string) (left, right []Segment) {
	ta, tb := Tokens(a), Tokens(b)
	wa, wb := make([]string, len(ta)), make([]string, len(tb))
	for i, t := range ta {
		wa[i] = t.Word
	}
	for i, t := range tb {
		wb[i] = t.Word
	}
	ma, mb := make([]int, len(ta)), make([]int, len(tb)) // the matched token of the other side, or -1
	for i := range ma {
		ma[i] = -1
	}
	for i := range mb {
		mb[i] = -1
	}
	align(wa, wb, 0, 0, ma, mb, 0)
	left = segments(a, ta, tb, ma, b)
	right = segments(b, tb, ta, mb, a)
	return left, right
}

// align matches a[i] with b[j] along a longest common subsequence of a and b (offset by ia, ib
// in the whole), within bounds of time and memory.
func align(a, b []string, ia, ib int, ma, mb []int, depth int) {
	// Common ends first.
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		ma[ia], mb[ib] = ib, ia
		a, b, ia, ib = a[1:], b[1:], ia+1, ib+1
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		ma[ia+len(a)-1], mb[ib+len(b)-1] = ib+len(b)-1, ia+len(a)-1
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return
	}
	if (len(a)+1)*(len(b)+1) <= maxCells {
		lcs(a, b, ia, ib, ma, mb)
		return
	}
	if depth > 64 {
		return // left unmatched: marked as changed
	}
	// Patience: the words found once on each side, in an order both sides share, are anchors.
	count := map[string][2]int{}
	for _, w := range a {
		c := count[w]
		c[0]++
		count[w] = c
	}
	for _, w := range b {
		if c, ok := count[w]; ok {
			c[1]++
			count[w] = c
		}
	}
	posB := map[string]int{}
	for j, w := range b {
		if c := count[w]; c[0] == 1 && c[1] == 1 {
			posB[w] = j
		}
	}
	var pairs [][2]int
	for i, w := range a {
		if j, ok := posB[w]; ok {
			pairs = append(pairs, [2]int{i, j})
		}
	}
	anchors := increasing(pairs)
	if len(anchors) == 0 {
		return
	}
	pi, pj := 0, 0
	for _, p := range anchors {
		align(a[pi:p[0]], b[pj:p[1]], ia+pi, ib+pj, ma, mb, depth+1)
		ma[ia+p[0]], mb[ib+p[1]] = ib+p[1], ia+p[0]
		pi, pj = p[0]+1, p[1]+1
	}
	align(a[pi:], b[pj:], ia+pi, ib+pj, ma, mb, depth+1)
}

// lcs matches along a longest common subsequence, by the table of its lengths.
func lcs(a, b []string, ia, ib int, ma, mb []int) {
	n, m := len(a), len(b)
	t := make([]int32, (n+1)*(m+1))
	at := func(i, j int) *int32 { return &t[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				*at(i, j) = *at(i+1, j+1) + 1
			} else {
				*at(i, j) = max(*at(i+1, j), *at(i, j+1))
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			ma[ia+i], mb[ib+j] = ib+j, ia+i
			i++
			j++
		case *at(i+1, j) >= *at(i, j+1):
			i++
		default:
			j++
		}
	}
}

// increasing returns the longest run of pairs increasing in both places (pairs come sorted by
// the first).
func increasing(pairs [][2]int) [][2]int {
	if len(pairs) == 0 {
		return nil
	}
	tails := []int{} // index in pairs of the smallest tail of a run of each length
	prev := make([]int, len(pairs))
	for k, p := range pairs {
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if pairs[tails[mid]][1] < p[1] {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo > 0 {
			prev[k] = tails[lo-1]
		} else {
			prev[k] = -1
		}
		if lo == len(tails) {
			tails = append(tails, k)
		} else {
			tails[lo] = k
		}
	}
	out := make([][2]int, len(tails))
	for k, i := len(tails)-1, tails[len(tails)-1]; k >= 0; k, i = k-1, prev[i] {
		out[k] = pairs[i]
	}
	return out
}

// segments cuts a text into marked pieces: a word no token of the other side matches is
// changed; a matched one written otherwise there is respelled; what lies between words takes
// the mark of the words around it when both have it.
func segments(text string, toks, other []Token, match []int, otherText string) []Segment {
	marks := make([]Mark, len(toks))
	for i, t := range toks {
		switch o := match[i]; {
		case o < 0:
			marks[i] = Changed
		case !sameSurface(text[t.Start:t.End], otherText[other[o].Start:other[o].End]):
			marks[i] = Respelled
		}
	}
	// Tokens of one span (a contraction) share the strongest mark.
	for i := 1; i < len(toks); i++ {
		if toks[i].Start == toks[i-1].Start {
			m := max(marks[i], marks[i-1])
			if marks[i] == Changed || marks[i-1] == Changed {
				m = Changed
			}
			marks[i], marks[i-1] = m, m
		}
	}
	// Pieces are stretches of the text: each is cut from it once its mark changes.
	var out []Segment
	from, cur := 0, Same
	add := func(end int, m Mark) {
		if m != cur {
			if end > from && from < len(text) {
				out = append(out, Segment{text[from:end], cur})
			}
			from, cur = end, m
		}
	}
	pos := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Start < pos {
			continue // the second token of a contraction
		}
		gap := Same
		if i > 0 && marks[i-1] == marks[i] {
			gap = marks[i]
		}
		if t.Start > pos {
			add(pos, gap)
		}
		add(t.Start, marks[i])
		pos = t.End
	}
	add(pos, Same)
	if from < len(text) {
		out = append(out, Segment{text[from:], cur})
	}
	return out
}

// sameSurface reports whether two words are written alike, case and the shape of apostrophes
// aside.
func sameSurface(a, b string) bool {
	r := strings.NewReplacer("’", "'", "ʼ", "'")
	return strings.EqualFold(r.Replace(a), r.Replace(b))
}

// Locate returns where in text a statement is carried: the stretch of text's words that holds
// most of the statement's distinct pairs of words, widened to its sentence. Distinct: a refrain
// or a chant that repeats a few of its words ("We're not going back! We're not going back!")
// holds those pairs many times, not the statement. ok is false when the text holds none of them.
func Locate(statement, text string) (start, end int, ok bool) {
	want := map[uint32]bool{}
	for _, p := range Pairs(Words(statement)) {
		want[p] = true
	}
	toks := Tokens(text)
	if len(toks) < 2 || len(want) == 0 {
		return 0, 0, false
	}
	// The pair each word ends that the statement holds, 0 for the others.
	hit := make([]uint32, len(toks)-1)
	prev := hashWord(toks[0].Word)
	for i := 1; i < len(toks); i++ {
		h := hashWord(toks[i].Word)
		if p := pairHash(prev, h); want[p] {
			hit[i-1] = p | 1 // never 0
		}
		prev = h
	}
	// The window as long as the statement (and a fifth more) holding the most distinct pairs.
	n := min(len(hit), len(want)+len(want)/5+1)
	inWindow := map[uint32]int{}
	best, bestAt, cur := 0, 0, 0
	for i := range hit {
		if p := hit[i]; p != 0 {
			if inWindow[p]++; inWindow[p] == 1 {
				cur++
			}
		}
		if i >= n {
			if p := hit[i-n]; p != 0 {
				if inWindow[p]--; inWindow[p] == 0 {
					cur--
				}
			}
		}
		if cur > best {
			best, bestAt = cur, max(0, i-n+1)
		}
	}
	if best == 0 {
		return 0, 0, false
	}
	first, last := -1, -1
	for i := bestAt; i < bestAt+n && i < len(hit); i++ {
		if hit[i] != 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	start, end = toks[first].Start, toks[last+1].End
	return sentenceStart(text, start), sentenceEnd(text, end), true
}

// sentenceStart moves back to the start of the sentence (after ". ", "? ", "! " or a line
// break), at most 300 bytes.
func sentenceStart(text string, i int) int {
	for k := i - 1; k >= 0 && i-k < 300; k-- {
		if text[k] == '\n' {
			return k + 1
		}
		if (text[k] == '.' || text[k] == '?' || text[k] == '!') && k+1 < len(text) && text[k+1] == ' ' {
			k++
			for k < i && text[k] == ' ' {
				k++
			}
			return k
		}
	}
	if i < 300 {
		return 0
	}
	for i < len(text) && text[i]&0xC0 == 0x80 {
		i--
	}
	return i
}

// sentenceEnd moves on to the end of the sentence, at most 300 bytes.
func sentenceEnd(text string, i int) int {
	for k := i; k < len(text) && k-i < 300; k++ {
		if text[k] == '\n' {
			return k
		}
		if text[k] == '.' || text[k] == '?' || text[k] == '!' {
			if k+1 >= len(text) || text[k+1] == ' ' || text[k+1] == '"' || strings.HasPrefix(text[k+1:], "”") {
				return k + 1
			}
		}
	}
	if len(text)-i < 300 {
		return len(text)
	}
	for i > 0 && i < len(text) && text[i]&0xC0 == 0x80 {
		i++
	}
	return i
}
