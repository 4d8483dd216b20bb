package highlight

import (
	"slices"
	"unsafe"
)

// Words are the words of some texts (an article's paragraphs), read once: each word's term and
// place. A Highlighter marks a text of them from its terms' numbers (Highlighter.WordMarks),
// without reading the text again: a hit shown again needs no analysis of its paragraphs, and
// looks at each word once, as a number.
type Words struct {
	vocab []string // the distinct terms, sorted
	words []word   // the texts' words, in order
	texts []int32  // text i's words are words[texts[i]:texts[i+1]]
}

// word is a word of a text: its term (an index of vocab) and its bytes in the text.
type word struct {
	term       int32
	start, end int32
}

// ReadWords reads texts' words as an analyzer reads them. It returns nil when the Words could
// not mark the texts as Highlighter.Marks does: the analyzer gives positions that are not one
// after the other (a phrase's words must be), or a text is too long to number its bytes.
func ReadWords(an Analyzer, texts []string) *Words {
	w := &Words{texts: make([]int32, 1, len(texts)+1)}
	ids := map[string]int32{}
	var toks []Token
	for _, text := range texts {
		if len(text) >= 1<<31-1 {
			return nil
		}
		if a, ok := an.(AppendAnalyzer); ok {
			toks = a.AppendTokens(toks[:0], text, nil)
		} else {
			toks = an.Analyze(text)
		}
		for i, t := range toks {
			if i > 0 && t.Position != toks[i-1].Position+1 {
				return nil
			}
			id, ok := ids[t.Term]
			if !ok {
				id = int32(len(w.vocab))
				ids[t.Term] = id
				w.vocab = append(w.vocab, t.Term)
			}
			w.words = append(w.words, word{term: id, start: int32(t.Start), end: int32(t.End)})
		}
		if len(w.words) >= 1<<31-1 {
			return nil
		}
		w.texts = append(w.texts, int32(len(w.words)))
	}
	// The terms sorted, so that a search's are found without a map kept for each article.
	order := make([]int32, len(w.vocab))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		if w.vocab[x] < w.vocab[y] {
			return -1
		}
		return 1 // the terms are distinct
	})
	renumber := make([]int32, len(order))
	sorted := make([]string, len(order))
	for to, from := range order {
		renumber[from] = int32(to)
		sorted[to] = w.vocab[from]
	}
	w.vocab = sorted
	for i := range w.words {
		w.words[i].term = renumber[w.words[i].term]
	}
	w.words = slices.Clip(w.words)
	return w
}

// Bytes estimates the memory the Words hold, their terms' text aside (an analyzer's terms are
// mostly shared with its memory of words).
func (w *Words) Bytes() int {
	if w == nil {
		return 0
	}
	return int(unsafe.Sizeof(*w)) + cap(w.vocab)*int(unsafe.Sizeof("")) + cap(w.words)*int(unsafe.Sizeof(word{})) + cap(w.texts)*4
}

// Len is the number of texts read.
func (w *Words) Len() int {
	if w == nil {
		return 0
	}
	return len(w.texts) - 1
}

// term returns the number of a term, -1 when none of the texts has it.
func (w *Words) term(t string) int32 {
	if i, ok := slices.BinarySearch(w.vocab, t); ok {
		return int32(i)
	}
	return -1
}

// WordMarks are the Highlighter's marks of the Words' texts: marks[i] is what Marks(texts[i])
// gives. Only a search's terms are looked up, once; each word is then a number compared.
type WordMarks struct {
	h       *Highlighter
	w       *Words
	single  []bool    // by term: a term of the search's words
	first   []bool    // by term: the first term of a phrase of them
	phrases [][]int32 // the phrases' terms, for those all of whose terms the texts have
}

// WordMarks prepares the marking of w's texts.
func (h *Highlighter) WordMarks(w *Words) *WordMarks {
	m := &WordMarks{h: h, w: w}
	if h.empty() || w == nil {
		return m
	}
	m.single, m.first = make([]bool, len(w.vocab)), make([]bool, len(w.vocab))
	for t := range h.terms {
		if id := w.term(t); id >= 0 {
			m.single[id] = true
		}
	}
	for _, p := range h.phrases {
		ids := make([]int32, len(p))
		for k, t := range p {
			if ids[k] = w.term(t); ids[k] < 0 {
				ids = nil
				break
			}
		}
		if ids != nil {
			m.phrases = append(m.phrases, ids)
			m.first[ids[0]] = true
		}
	}
	return m
}

// Marks returns the byte ranges of the words of text i that match, in order: what
// Highlighter.Marks gives for the text.
func (m *WordMarks) Marks(i int) [][2]int {
	if m.single == nil {
		return nil
	}
	ws := m.w.words[m.w.texts[i]:m.w.texts[i+1]]
	var out [][2]int
	for k := 0; k < len(ws); k++ {
		t := ws[k].term
		if !m.single[t] && !m.first[t] {
			continue
		}
		if n := m.phraseAt(ws, k); n > 0 {
			out = append(out, [2]int{int(ws[k].start), int(ws[k+n-1].end)})
			k += n - 1
			continue
		}
		if m.single[t] {
			out = append(out, [2]int{int(ws[k].start), int(ws[k].end)})
		}
	}
	return out
}

// phraseAt is Highlighter.phraseAt over numbered words: the number of words of the longest
// phrase that starts at ws[k], 0 when none does (positions are one after the other: ReadWords).
func (m *WordMarks) phraseAt(ws []word, k int) int {
	best := 0
	for _, p := range m.phrases {
		if len(p) <= best || k+len(p) > len(ws) {
			continue
		}
		ok := true
		for j, t := range p {
			if ws[k+j].term != t {
				ok = false
				break
			}
		}
		if ok {
			best = len(p)
		}
	}
	return best
}
