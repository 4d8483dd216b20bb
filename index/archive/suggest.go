package archive

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/bleveindex"
	"github.com/readout/readout/index/catalog"
	"github.com/readout/readout/index/query"
	"github.com/readout/readout/index/registry"
)

// Did you mean. A search that finds nothing because a word is misspelt ("Xinjang", "Blinkin")
// is offered the words the archive has: each word typed that no article holds is replaced by
// the closest that many do, an actor's surname first (as the registry writes it), else a term of
// the index's own dictionary, one letter away for words of up to five letters, two for longer,
// with the same first letter. Words the archive holds are left as typed.

// maxRespelled bounds the words looked up: a search of many unknown words is no slip.
const maxRespelled = 6

// DidYouMean returns the search text with its unknown words respelt, or nil when every word is
// known or none has a close match.
func (a *Archive) DidYouMean(ctx context.Context, text string) (*index.Respelling, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	p, err := query.Parse(text)
	if err != nil {
		return nil, nil // the search box's own error says what is wrong
	}
	var words []string
	for _, c := range p.Must {
		alts := c.Or
		if alts == nil {
			alts = []query.Clause{c}
		}
		for _, alt := range alts {
			words = append(words, strings.Fields(alt.Text)...)
		}
	}
	r, err := st.idx.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out := &index.Respelling{Text: text}
	looked := 0
	for _, w := range words {
		if looked == maxRespelled {
			break
		}
		terms := a.text.Analyze(w)
		if len(terms) != 1 {
			continue
		}
		term := terms[0].Term
		known, err := r.InArticles(ctx, term)
		if err != nil {
			return nil, err
		}
		if known {
			continue
		}
		looked++
		to, err := a.respell(ctx, st, r, w, term)
		if err != nil {
			return nil, err
		}
		if to == "" || strings.EqualFold(to, w) {
			continue
		}
		replaced, ok := replaceWord(out.Text, w, to)
		if !ok {
			continue
		}
		out.Text = replaced
		out.Changes = append(out.Changes, index.Change{From: w, To: to})
	}
	if len(out.Changes) == 0 {
		return nil, nil
	}
	return out, nil
}

// respell finds the word closest to w (term, analysed) that the archive holds.
func (a *Archive) respell(ctx context.Context, st *state, r *bleveindex.Reader, w, term string) (string, error) {
	// An actor's surname, spelt as the registry spells it.
	if name, ok := st.cat.Surname(w); ok {
		return name, nil
	}
	fuzziness := catalog.EditAllowance(term)
	if fuzziness == 0 {
		return "", nil
	}
	first, _ := utf8.DecodeRuneInString(term)
	best, bestDist, bestCount := "", fuzziness+1, uint64(0)
	err := r.Near(term, fuzziness, string(first), func(e bleveindex.TermCount) {
		d := registry.EditDistance(e.Term, term)
		if d < bestDist || d == bestDist && e.Count > bestCount {
			best, bestDist, bestCount = e.Term, d, e.Count
		}
	})
	if err != nil {
		return "", err
	}
	if best == "" {
		return "", nil
	}
	return a.surface(ctx, st, best, w)
}

// surface writes an index term as a word an article writes for it ("alliances" for
// "allianc"), of those the closest to the word typed, in the case typed.
func (a *Archive) surface(ctx context.Context, st *state, term, typed string) (string, error) {
	id, err := st.idx.ArticleWith(ctx, term)
	if err != nil || id == "" {
		return "", err
	}
	art, err := a.Article(id)
	if err != nil {
		return "", nil // a file gone since: no word to offer
	}
	lower := strings.ToLower(typed)
	word, dist := "", 0
	for i := -1; i < len(art.Paragraphs); i++ {
		text := art.Title
		if i >= 0 {
			text = art.Paragraphs[i].Text
		}
		for _, t := range a.text.Analyze(text) {
			if t.Term != term {
				continue
			}
			w := strings.ToLower(text[t.Start:t.End])
			if d := registry.EditDistance(w, lower); word == "" || d < dist {
				word, dist = w, d
			}
		}
	}
	if word == "" {
		return "", nil
	}
	if r, _ := utf8.DecodeRuneInString(typed); unicode.IsUpper(r) {
		f, size := utf8.DecodeRuneInString(word)
		word = string(unicode.ToUpper(f)) + word[size:]
	}
	return word, nil
}

// replaceWord replaces the first whole-word w in text with to.
func replaceWord(text, w, to string) (string, bool) {
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return text, false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if (i == 0 || !bleveindex.IsWordRune(before)) && (i+len(w) == len(text) || !bleveindex.IsWordRune(after)) {
			return text[:i] + to + text[i+len(w):], true
		}
		from = i + len(w)
	}
	return text, false
}
