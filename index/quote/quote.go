// Package quote finds the quotations in an article and who said them. It reads a document's
// paragraphs and the registry, and returns spans with their speakers; it keeps no list of any
// article's quotes and no rule for one article's text.
//
// Three shapes of text are read. A transcript (a briefing, a gaggle, remarks) labels its
// speakers in capitals ("MS. PSAKI:"), and each turn of an official is a quote. A document
// whose title makes it one actor's statement is one quote of that actor. Everything else is
// read for quotation marks, and each quotation is attributed from the words around it: a verb
// of speech and its subject ("Blinken said", "said Blinken", "he told Reuters:"), "according
// to", a passive "by", a pronoun or description that points back to an earlier speaker, or the
// quotation before it in an unattributed paragraph.
package quote

import (
	"strings"
	"time"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/registry"
)

// Kind says whether a quote is a statement of its own or a few words inside reported speech.
type Kind string

// The kinds of quote.
const (
	Full     Kind = "full"
	Fragment Kind = "fragment"
)

// Pos is a place in an article: a paragraph's index and a byte offset in its text.
type Pos struct{ Para, Off int }

// Before reports whether p comes before q.
func (p Pos) Before(q Pos) bool { return p.Para < q.Para || p.Para == q.Para && p.Off < q.Off }

// Speaker is who said a quote: a registered actor (Actor is its index in the registry) or, when
// the registry does not know them, a name the text gives (Actor is -1).
type Speaker struct {
	Actor int
	Name  string
	// Kind is what the speaker is: a person, an organisation, a country or a role without a
	// name ("Senior Administration Official"); empty when the text does not tell.
	Kind registry.Kind
	// Role is the office the text gives an unregistered speaker ("Senator", "Executive
	// Director"); a registered actor's office on the date is the registry's to tell.
	Role string
}

// Quote is one quotation: the span of the quoted words (without the marks; End exclusive), its
// kind and its speakers, none when the text does not tell.
type Quote struct {
	Start, End Pos
	Kind       Kind
	Speakers   []Speaker
	// Turn is true for a transcript's turn or a whole document that is one actor's statement.
	Turn bool
	// Procedural is true for a turn that carries no statement: a greeting, thanks, "Go ahead,
	// Ashley", "Next question".
	Procedural bool
	// Via says how the speaker was found ("after name", "before pronoun", "continuation"), for
	// measuring each way apart.
	Via string
}

// Text returns the quote's words: its paragraphs' parts joined by a blank line.
func (q Quote) Text(paras []document.Paragraph) string {
	if q.Start.Para == q.End.Para {
		return paras[q.Start.Para].Text[q.Start.Off:q.End.Off]
	}
	var b strings.Builder
	b.WriteString(paras[q.Start.Para].Text[q.Start.Off:])
	for p := q.Start.Para + 1; p < q.End.Para; p++ {
		b.WriteString("\n\n")
		b.WriteString(paras[p].Text)
	}
	b.WriteString("\n\n")
	b.WriteString(paras[q.End.Para].Text[:q.End.Off])
	return b.String()
}

// Result is what Extract reads from a document.
type Result struct {
	Quotes []Quote
	// Mentioned are the registered actors the text names, as indexes in the registry, once each
	// in order of first mention.
	Mentioned []int
	// Tokens are the paragraphs' words, for callers that read them further (topic tagging).
	Tokens [][]registry.Token
}

// Extract finds the quotes of a document dated day (zero when unknown), in reading order.
func Extract(reg *registry.Registry, title string, day time.Time, paras []document.Paragraph) Result {
	x := newExtractor(reg, title, day, paras)
	if !x.transcript() && !x.statement() {
		x.analyse(0, len(paras))
		x.quotations(0, len(paras))
	}
	x.shapeSpeakers()
	for i := range x.out {
		// A turn of a few words: a longer one says something.
		if q := &x.out[i]; q.Turn && q.Start.Para == q.End.Para && q.End.Off-q.Start.Off <= 160 {
			q.Procedural = x.procedural(q.Text(paras))
		}
	}
	return Result{Quotes: x.out, Mentioned: x.mentioned, Tokens: x.toks}
}

// maxProcedural bounds the words of a procedural turn: a longer turn says something.
const maxProcedural = 16

// procedural reports whether a turn's words carry no statement: a few words, all of them thanks,
// greetings, the words that pass the floor, stage directions, or names ("Go ahead, Ashley.",
// "Thank you, Mr. President. (Applause.)").
func (x *extractor) procedural(text string) bool {
	toks := registry.Tokenize(text)
	if len(toks) == 0 || len(toks) > maxProcedural {
		return false
	}
	for k, t := range toks {
		if x.reg.IsProceduralWord(t.Text) {
			continue
		}
		// A name said to someone: a capitalised word that is not the turn's first.
		if k > 0 && nameCase(t.Text) {
			continue
		}
		return false
	}
	return true
}
