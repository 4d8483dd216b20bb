package load

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/echo"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/index/registry"
)

var readers = sync.Pool{New: func() any { return new(echo.Reader) }}

// Sketches sketches an article's quotes for finding their statements elsewhere (index/echo),
// each with the words around it in the article: by quote, none for a quote that is not a
// statement (Statement) or whose place is not in the text. The article's text is read once.
func Sketches(a *index.Article, reg *registry.Registry) []echo.Sketch {
	if len(a.Quotes) == 0 {
		return nil
	}
	body, at := Text(a.Paragraphs)
	rd := readers.Get().(*echo.Reader)
	defer readers.Put(rd)
	rd.Read(body)
	out := make([]echo.Sketch, len(a.Quotes))
	for k, q := range a.Quotes {
		if !Statement(q, reg) || !ValidSpan(a.Paragraphs, q.Start, q.End) {
			continue
		}
		i, j := rd.Span(at[q.Start.Para]+q.Start.Off, at[q.End.Para]+q.End.Off)
		out[k] = rd.Sketch(i, j)
	}
	return out
}

// MinStatementWords is the fewest words, as written, of a quote that is a statement: fewer
// are a phrase ("rules-based international order"), which any two texts may share.
const MinStatementWords = 4

// Statement reports whether a quote is a statement that can be found elsewhere, and so is
// sketched and linked: not a procedural turn (thanks, "Go ahead, Ashley"); not fewer than
// MinStatementWords words as written; not a few words in quotation marks that are a name
// (nameLike); and not words that only pass the floor, made of the words of procedure,
// stopwords and names ("Let's go to Zeke Miller at the AP", "Our next question will go to
// Kayla with CNN"), which every briefing says of someone.
func Statement(q index.Quote, reg *registry.Registry) bool {
	if q.Procedural || len(strings.Fields(q.Text)) < MinStatementWords {
		return false
	}
	if q.Kind == quote.Fragment && nameLike(q.Text) {
		return false
	}
	return !passesFloor(q.Text, reg)
}

// nameLike reports whether a few words in quotation marks are a name: every word but stopwords
// capitalised, one at most excepted ("Bio-Circular-Green Economy model", "Freedom to Vote Act"),
// a term or a title two texts may both use, not a statement.
func nameLike(text string) bool {
	toks := registry.Tokenize(text)
	if len(toks) > 12 {
		return false
	}
	lower := 0
	for _, t := range toks {
		if r, _ := utf8.DecodeRuneInString(t.Text); !unicode.IsUpper(r) && !echo.Stopword(strings.ToLower(t.Text)) {
			lower++
		}
	}
	return lower <= 1
}

// passesFloor reports whether every word of a text is a word of procedure, a stopword or a
// name (capitalised, after the first word).
func passesFloor(text string, reg *registry.Registry) bool {
	toks := registry.Tokenize(text)
	if len(toks) > 24 {
		return false
	}
	for k, t := range toks {
		if reg.IsProceduralWord(t.Text) || echo.Stopword(strings.ToLower(t.Text)) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t.Text); k > 0 && unicode.IsUpper(r) {
			continue
		}
		return false
	}
	return true
}

// Text returns an article's paragraphs as one text, separated by blank lines, and where each
// starts in it.
func Text(paras []document.Paragraph) (string, []int) {
	var body strings.Builder
	at := make([]int, len(paras))
	for i, p := range paras {
		if i > 0 {
			body.WriteString("\n\n")
		}
		at[i] = body.Len()
		body.WriteString(p.Text)
	}
	return body.String(), at
}

// ValidSpan reports whether a quote's place is inside the paragraphs (a file changed since it
// was indexed may be shorter).
func ValidSpan(paras []document.Paragraph, s, e quote.Pos) bool {
	return s.Para >= 0 && e.Para < len(paras) && !e.Before(s) &&
		s.Off >= 0 && s.Off <= len(paras[s.Para].Text) && e.Off >= 0 && e.Off <= len(paras[e.Para].Text) &&
		(s.Para != e.Para || s.Off <= e.Off)
}
