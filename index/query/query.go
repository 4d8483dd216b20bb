// Package query reads the search box: words, "exact phrases", -exclusions, OR and the filters
// typed in it (actor:, topic:, source:, country:, from:, to:). It is pure: it knows nothing of the index
// that runs the search, and fails only for input too long or not UTF-8.
package query

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds on what a reader can type in the search box.
const (
	MaxLength      = 400 // characters
	MaxClauses     = 24  // words and phrases
	maxPhraseWords = 12
)

// ErrTooLong and the others are the search box's only failures; anything else typed is read as
// words.
var (
	ErrTooLong        = fmt.Errorf("the search is longer than %d characters", MaxLength)
	ErrNotUTF8        = errors.New("the search is not valid UTF-8 text")
	ErrTooManyClauses = fmt.Errorf("the search has more than %d words and phrases", MaxClauses)
)

// Clause is one part of a search: a word or an exact phrase, or several joined by OR.
type Clause struct {
	Text   string   // a word, or the words of a phrase
	Phrase bool     // the words must come together, in order
	Or     []Clause // alternatives; Text is empty when set
}

// Parsed is the search box read: what must match, what must not, the filters typed in it,
// and notes on how unusual input was read.
type Parsed struct {
	Must    []Clause
	Not     []Clause
	Actors  []string // actor: and speaker:
	Topics  []string
	Sources []string
	// Countries are the governments or organisations speakers speak for, as typed (ids or names).
	Countries []string
	From      string // as typed: YYYY, YYYY-MM or YYYY-MM-DD
	To        string
	Notes     []string
}

// Empty reports whether the query has no words or phrases to match.
func (p *Parsed) Empty() bool { return len(p.Must) == 0 }

// Parse reads the search box. Words must all match; "exact phrases" come in quotes;
// -word and -"phrase" exclude; OR between two parts makes either enough; actor:, speaker:,
// topic:, source:, country:, from: and to: filter. Syntax that cannot be read is read as plain words and
// noted; wildcards, fuzzy and regular expressions are not search syntax here and are dropped.
// It fails only for input too long or not UTF-8.
func Parse(s string) (Parsed, error) {
	var p Parsed
	if !utf8.ValidString(s) {
		return p, ErrNotUTF8
	}
	if utf8.RuneCountInString(s) > MaxLength {
		return p, ErrTooLong
	}
	toks, notes := lex(s)
	p.Notes = notes
	count := 0
	var pendingOr bool
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.or:
			if len(p.Must) == 0 || i+1 >= len(toks) || toks[i+1].or || toks[i+1].neg || toks[i+1].field != "" {
				p.Notes = AddNote(p.Notes, "OR needs a word or phrase on each side: read as nothing")
				continue
			}
			pendingOr = true
			continue
		case t.field != "":
			p.addFilter(t.field, t.text)
			continue
		}
		c := Clause{Text: t.text, Phrase: t.phrase}
		if count++; count > MaxClauses {
			return Parsed{}, ErrTooManyClauses
		}
		switch {
		case t.neg:
			p.Not = append(p.Not, c)
		case pendingOr:
			last := &p.Must[len(p.Must)-1]
			if last.Or == nil {
				*last = Clause{Or: []Clause{*last}}
			}
			last.Or = append(last.Or, c)
		default:
			p.Must = append(p.Must, c)
		}
		pendingOr = false
	}
	if len(p.Must) == 0 && len(p.Not) > 0 {
		p.Notes = AddNote(p.Notes, "a search of only excluded words excludes from everything")
	}
	return p, nil
}

func (p *Parsed) addFilter(field, value string) {
	switch field {
	case "actor", "speaker":
		p.Actors = append(p.Actors, value)
	case "topic":
		p.Topics = append(p.Topics, value)
	case "source":
		p.Sources = append(p.Sources, value)
	case "country":
		p.Countries = append(p.Countries, value)
	case "from":
		p.From = value
	case "to":
		p.To = value
	}
}

// HasFilters reports whether filters were typed in the box.
func (p *Parsed) HasFilters() bool {
	return len(p.Actors)+len(p.Topics)+len(p.Sources)+len(p.Countries) > 0 || p.From != "" || p.To != ""
}

// Words writes the words and phrases of the query, without its filters.
func (p *Parsed) Words() string {
	var parts []string
	for _, c := range p.Must {
		parts = append(parts, c.String())
	}
	for _, c := range p.Not {
		parts = append(parts, "-"+c.String())
	}
	return strings.Join(parts, " ")
}

// String writes the query back the way it was read.
func (p *Parsed) String() string {
	var parts []string
	if w := p.Words(); w != "" {
		parts = append(parts, w)
	}
	for _, a := range p.Actors {
		parts = append(parts, "actor:"+quoteIfSpaced(a))
	}
	for _, t := range p.Topics {
		parts = append(parts, "topic:"+quoteIfSpaced(t))
	}
	for _, s := range p.Sources {
		parts = append(parts, "source:"+quoteIfSpaced(s))
	}
	for _, c := range p.Countries {
		parts = append(parts, "country:"+quoteIfSpaced(c))
	}
	if p.From != "" {
		parts = append(parts, "from:"+p.From)
	}
	if p.To != "" {
		parts = append(parts, "to:"+p.To)
	}
	return strings.Join(parts, " ")
}

// String writes a clause as it would be typed.
func (c Clause) String() string {
	if c.Or != nil {
		alts := make([]string, len(c.Or))
		for i, a := range c.Or {
			alts[i] = a.String()
		}
		return "(" + strings.Join(alts, " OR ") + ")"
	}
	if c.Phrase {
		return `"` + c.Text + `"`
	}
	return c.Text
}

func quoteIfSpaced(s string) string {
	if strings.ContainsRune(s, ' ') {
		return `"` + s + `"`
	}
	return s
}

type qtoken struct {
	text   string
	phrase bool
	neg    bool
	or     bool
	field  string
}

var queryFields = map[string]bool{"actor": true, "speaker": true, "topic": true, "source": true, "country": true, "from": true, "to": true}

// lex splits the box into words, phrases, OR and field filters. It runs in one pass.
func lex(s string) ([]qtoken, []string) {
	var toks []qtoken
	var notes []string
	rs := []rune(strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '„', '«', '»':
			return '"'
		}
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s))
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		neg := false
		if rs[i] == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			neg = true
			i++
		} else if rs[i] == '+' {
			i++
			continue
		}
		// A field filter: name:value or name:"value".
		field := ""
		if j := fieldPrefix(rs, i); j > i {
			field = strings.ToLower(string(rs[i : j-1]))
			i = j
		}
		if i < len(rs) && rs[i] == '"' {
			end := indexRune(rs, i+1, '"')
			if end < 0 {
				notes = AddNote(notes, "an unclosed quotation mark: read as words")
				i++
				continue
			}
			words := cleanWords(string(rs[i+1:end]), &notes)
			i = end + 1
			switch {
			case field != "":
				if v := strings.Join(words, " "); v != "" {
					toks = append(toks, qtoken{text: v, field: field})
				}
			case len(words) == 1:
				toks = append(toks, qtoken{text: words[0], neg: neg})
			case len(words) > 1:
				if len(words) > maxPhraseWords {
					notes = AddNote(notes, fmt.Sprintf("a phrase of more than %d words: cut", maxPhraseWords))
					words = words[:maxPhraseWords]
				}
				toks = append(toks, qtoken{text: strings.Join(words, " "), phrase: true, neg: neg})
			}
			continue
		}
		j := i
		for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' {
			j++
		}
		raw := string(rs[i:j])
		i = j
		if field != "" {
			if v := cleanValue(raw); v != "" {
				toks = append(toks, qtoken{text: v, field: field})
			}
			continue
		}
		if raw == "OR" || raw == "|" || raw == "||" {
			toks = append(toks, qtoken{or: true})
			continue
		}
		if raw == "AND" || raw == "&&" {
			continue
		}
		if raw == "NOT" {
			if i < len(rs) {
				// NOT word means -word: mark the next token.
				next, n := lex(string(rs[i:]))
				notes = append(notes, n...)
				if len(next) > 0 && next[0].field == "" && !next[0].or {
					next[0].neg = true
				}
				return append(toks, next...), notes
			}
			continue
		}
		words := cleanWords(raw, &notes)
		switch {
		case len(words) == 1:
			toks = append(toks, qtoken{text: words[0], neg: neg})
		case len(words) > 1:
			// "U.S.-China" or "Biden's/Harris": the parts of one word are a phrase.
			toks = append(toks, qtoken{text: strings.Join(words, " "), phrase: true, neg: neg})
		}
	}
	return toks, notes
}

func fieldPrefix(rs []rune, i int) int {
	j := i
	for j < len(rs) && j-i < 8 && unicode.IsLetter(rs[j]) {
		j++
	}
	if j < len(rs) && rs[j] == ':' && queryFields[strings.ToLower(string(rs[i:j]))] && j+1 < len(rs) && !unicode.IsSpace(rs[j+1]) {
		return j + 1
	}
	return i
}

func indexRune(rs []rune, from int, r rune) int {
	for k := from; k < len(rs); k++ {
		if rs[k] == r {
			return k
		}
	}
	return -1
}

// cleanWords splits raw text into the words a search can match: letters and digits, with
// apostrophes and periods inside a word kept ("U.S.", "China's"). Other characters, wildcards
// and regular-expression syntax among them, separate words or are dropped, with a note.
func cleanWords(raw string, notes *[]string) []string {
	var words []string
	var b strings.Builder
	dropped := false
	flush := func() {
		w := strings.Trim(b.String(), ".'’-")
		if w != "" {
			words = append(words, w)
		}
		b.Reset()
	}
	for _, r := range raw {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		case r == '\'' || r == '’' || r == '.' || r == '-':
			b.WriteRune(r)
		case r == '*' || r == '?' || r == '~' || r == '/' || r == '^' || r == '\\' || r == '[' || r == ']' || r == '{' || r == '}' || r == '(' || r == ')' || r == ':' || r == '!':
			dropped = true
			flush()
		default:
			flush()
		}
	}
	flush()
	if dropped {
		*notes = AddNote(*notes, "wildcards and other search syntax are not supported: read as plain words")
	}
	return words
}

// cleanValue reads a filter's value: an id, a name, or a date.
func cleanValue(raw string) string {
	var b strings.Builder
	for _, r := range raw {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' || r == '\'' || r == '’' || r == '_' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// AddNote adds a note on how a search was read, once: the same slip typed twice is noted once.
func AddNote(notes []string, n string) []string {
	for _, x := range notes {
		if x == n {
			return notes
		}
	}
	return append(notes, n)
}
