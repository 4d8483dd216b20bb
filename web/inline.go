package web

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"github.com/readout/readout/english"
	"github.com/readout/readout/index/highlight"
)

// The components in this file write running text: a paragraph cut into quotes and highlights,
// a marked excerpt. They are Go, not templ, because templ puts a space between an element and
// what follows it on the next line of the template, and inside a sentence that space changes
// the text ("Quad ," for "Quad,"). Every piece of text and every attribute is escaped here with
// templ's own escaping; no article or request text is written raw.

// writer collects the first error of a series of writes.
type writer struct {
	w   io.Writer
	err error
}

func (w *writer) s(s string) {
	if w.err == nil {
		_, w.err = io.WriteString(w.w, s)
	}
}

// text writes escaped text.
func (w *writer) text(s string) { w.s(templ.EscapeString(s)) }

// attr writes an escaped attribute value, quoted.
func (w *writer) attr(name, value string) {
	w.s(" " + name + `="` + templ.EscapeString(value) + `"`)
}

// href writes a link's address, sanitised as templ sanitises href attributes.
func (w *writer) href(u string) { w.attr("href", string(templ.URL(u))) }

// Marked writes highlighted text: marked pieces in <mark>, all of it escaped
// (highlight.Fragment.HTML, the one writer of marks).
func Marked(f highlight.Fragment) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, out io.Writer) error {
		w := &writer{w: out}
		w.s(f.HTML())
		return w.err
	})
}

// Segments writes a paragraph's pieces: quotes in marked spans carrying their anchors, searched
// words in <mark>, and after each quote's last piece who said it and a link to it.
func Segments(ss []Segment) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, out io.Writer) error {
		w := &writer{w: out}
		for _, s := range ss {
			if s.Quote != "" {
				w.s("<span")
				w.attr("class", "quote kind-"+s.QuoteKind)
				if s.Anchor {
					w.attr("id", "q-"+s.Quote)
				}
				w.attr("data-quote", s.Quote)
				w.s(">")
			}
			if s.Highlight {
				w.s("<mark")
				if s.MarkID > 0 {
					w.attr("id", "m-"+strconv.Itoa(s.MarkID))
				}
				w.s(">")
				w.text(s.Text)
				w.s("</mark>")
			} else {
				w.text(s.Text)
			}
			if s.Quote != "" {
				w.s("</span>")
			}
			if s.After != nil {
				writeAttribution(w, *s.After)
			}
		}
		return w.err
	})
}

// UnidentifiedSpeaker is who said a quote whose speaker the archive could not tell, wherever
// the speakers are written: after the quote, in a title, in a citation. Unsure means
// unidentified, and the reader is told so in these words.
const UnidentifiedSpeaker = "Speaker not identified"

// writeAttribution writes " — Name and Name ¶" after a quote.
func writeAttribution(w *writer, a Attribution) {
	w.s(`<span class="attribution"><span class="visually-hidden"> Quote by </span><span aria-hidden="true"> — </span>`)
	writeSpeakers(w, a.Speakers)
	w.s(`<a class="permalink"`)
	w.href(a.QuoteURL)
	w.s(` title="Link to this quote" aria-label="Link to this quote">¶</a> <a class="cite"`)
	w.href(a.QuoteURL + "#h-share")
	w.s(`>cite</a>`)
	writeEchoMark(w, a)
	w.s(`</span>`)
}

// Wording writes one of two wordings of a statement, its differences from the other marked:
// words the other lacks or words otherwise as ins (what the other wording brought: the
// other side) or del (what it took away: the quote's own side), words written otherwise in a
// span of their own. Paragraph breaks are kept as line breaks.
func Wording(changes []Change, changed string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, out io.Writer) error {
		w := &writer{w: out}
		for _, c := range changes {
			switch c.Mark {
			case "changed":
				w.s("<" + changed + ">")
			case "respelled":
				w.s(`<span class="respelled">`)
			}
			for i, line := range strings.Split(c.Text, "\n\n") {
				if i > 0 {
					w.s("<br><br>")
				}
				w.text(line)
			}
			switch c.Mark {
			case "changed":
				w.s("</" + changed + ">")
			case "respelled":
				w.s(`</span>`)
			}
		}
		return w.err
	})
}

// writeEchoMark writes, after a quote found elsewhere, a link to where: its page's list.
func writeEchoMark(w *writer, a Attribution) {
	if a.Echoes == 0 {
		return
	}
	w.s(` <a class="echo-mark"`)
	w.href(a.QuoteURL + "#h-echoes")
	w.s(`>`)
	w.text(echoMarkText(a.Echoes))
	w.s(`</a>`)
}

func echoMarkText(n int) string {
	if n == 1 {
		return "also in 1 other text"
	}
	return "also in " + strconv.Itoa(n) + " other texts"
}

func writeSpeakers(w *writer, speakers []Link) {
	if len(speakers) == 0 {
		w.s(`<span class="speaker unknown">` + UnidentifiedSpeaker + `</span>`)
		return
	}
	for i, s := range speakers {
		w.s(english.Separator(i, len(speakers)))
		w.s(`<a class="speaker"`)
		w.href(s.URL)
		w.s(">")
		w.text(s.Label)
		w.s("</a>")
		if s.Note != "" {
			w.s(`<span class="role">`)
			w.text(RoleAfter(s.Note, len(speakers)))
			w.s("</span>")
		}
	}
}

// RoleAfter writes an office after a name: "Antony Blinken, Secretary of State", or among
// several speakers, where commas join the names, "Antony Blinken (Secretary of State)".
func RoleAfter(role string, speakers int) string {
	if speakers == 1 {
		return ", " + role
	}
	return " (" + role + ")"
}

// Speakers writes who said a quote: linked names joined by commas and "and", each with the
// office it held on the quote's date when the link has it.
func Speakers(speakers []Link) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, out io.Writer) error {
		w := &writer{w: out}
		writeSpeakers(w, speakers)
		return w.err
	})
}

// speakerNamesText writes who said a quote, without links: "A, B and C", as Speakers does.
func speakerNamesText(speakers []Link) string {
	if len(speakers) == 0 {
		return UnidentifiedSpeaker
	}
	names := make([]string, len(speakers))
	for i, s := range speakers {
		names[i] = s.Label
	}
	return english.List(names)
}
