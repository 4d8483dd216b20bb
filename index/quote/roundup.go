package quote

import (
	"strings"
	"unicode/utf8"
)

// Round-ups: pages of reactions, a line each ("Sen. Jim Banks (R-IN): “…”", "Moms for Liberty:
// “…”"), and of coverage, a source and its headline before a passage of its article ("WFTV
// (Orlando, Florida): Bill prompts …"). Their lines name who speaks by layout, not by a verb.

// roundup reports whether the text is a round-up of reactions: at least minRoundup paragraphs
// open with a name and a colon right before a quotation ("Amazon: “…”").
func (x *extractor) roundup() bool {
	if x.labelledLines < 0 {
		x.labelledLines = 0
		for p := range x.paras {
			s := x.paras[p].Text
			i := strings.Index(s, ": ")
			if i <= 0 || i > 120 || strings.ContainsAny(s[:i], "“”\".!?") {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(s[i+2:]); r == '“' || r == '"' {
				x.labelledLines++
			}
		}
	}
	return x.labelledLines >= minRoundup
}

// minRoundup is how many lines of a name and a colon before a quotation make a round-up.
const minRoundup = 4

// topicLabel reports whether the words before a quotation are what it is about, and a colon:
// "On pausing tariffs on certain imports:", "About the economy:".
func topicLabel(before string) bool {
	b := strings.TrimSpace(before)
	if !strings.HasSuffix(b, ":") || len(b) > 200 {
		return false
	}
	first, _, _ := strings.Cut(b, " ")
	switch first {
	case "On", "About", "Regarding", "Re":
		return true
	}
	return false
}

// labelName returns the words of a round-up's label, without a parenthesis after them
// ("Axios (9/10/25)" is Axios), when they have the shape of a name: one to six capitalised
// words, "of", "for", "and", "the" between them, no word of grammar, heading or speech; else "".
func (x *extractor) labelName(p int, label string) string {
	label = strings.TrimSpace(label)
	if i := strings.Index(label, " ("); i > 0 && strings.HasSuffix(label, ")") {
		label = label[:i]
	}
	toks := tokensIn(x.toks[p], 0, len(label))
	if len(toks) > 1 && toks[0].Text == "The" {
		toks = toks[1:] // "The Guardian"
	}
	if len(toks) == 0 || len(toks) > 6 || isUpper(label) && len(toks) > 1 {
		return ""
	}
	start := toks[0].Start
	for k, t := range toks {
		w := strings.ToLower(t.Text)
		if k > 0 && k < len(toks)-1 && (w == "of" || w == "for" || w == "and" || w == "the") {
			continue
		}
		if k > 0 && label[toks[k-1].End:t.Start] == "." && len(w) <= 4 && isLowerWord(t.Text) {
			continue // "MustReadAlaska.com"
		}
		if t.Text[0] >= '0' && t.Text[0] <= '9' {
			return "" // "23 State Attorneys General": a count of people
		}
		if _, given := x.reg.GivenName(t.Text); given && k > 0 && (k == len(toks)-2 || k == len(toks)-3) && nameCase(t.Text) && x.reg.IsTitleWord(toks[k-1].Text) {
			// "San Francisco, CA Mayor London Breed": what the person is, then the person, whose
			// words are read on (not "Congressman Hal Rogers said").
			start = t.Start
			continue
		}
		if !nameCase(t.Text) && !innerCapital(t.Text) && !isUpper(t.Text) || x.reg.IsFunctionWord(w) || x.reg.IsNotName(t.Text) || x.reg.IsSpeechVerb(w) || prepositions[w] || months[w] {
			return "" // not "April 2020:" either: a date is when, not who
		}
	}
	return strings.TrimRight(label[start:], "*_ ")
}

// months are the names of months and their short forms, in lower case.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
}

// plainName reports whether a mention has the shape of a name of a few capitalised words and
// no heading's: not in capitals, no word of grammar, no document's word ("Gecko Robotics",
// "Batya Ungar-Sargon"; not "PROMISE MADE", "What They Are Saying").
func (x *extractor) plainName(m mention) bool {
	if len(m.words) == 0 || len(m.words) > 5 || m.caps {
		return false
	}
	for i, w := range m.words {
		if inner := i > 0 && i < len(m.words)-1 && (w == "of" || w == "for" || w == "and" || w == "the"); inner {
			continue // "Moms for Liberty", "Alliance for Retired Americans"
		}
		if x.reg.IsFunctionWord(w) || x.reg.IsNotName(w) || x.reg.IsSpeechVerb(w) {
			return false
		}
	}
	return !x.reg.IsDocumentWord(m.words[len(m.words)-1])
}

// sourceLine reads a line that names a source and a colon before a headline ("WFTV (Orlando,
// Florida): Big Beautiful Bill Act prompts …", "Rep. Riley Moore: One Big Beautiful Bill
// Delivers"): ok when the line has that shape, with the source as the speaker when it is a name
// the text or the registry knows, or one of a few capitalised words, else nobody.
func (x *extractor) sourceLine(p int) ([]Speaker, bool) {
	t := x.paras[p].Text
	i := strings.Index(t, ": ")
	if i <= 0 || i > 100 || strings.ContainsAny(t[:i], "“”\"!?") {
		return nil, false
	}
	label := strings.TrimSpace(t[:i])
	if j := strings.Index(label, " ("); j > 0 && strings.HasSuffix(label, ")") {
		label = label[:j] // "ABC15 (Phoenix, Arizona)"
	}
	toks := tokensIn(x.toks[p], 0, len(label))
	if len(toks) == 0 || len(toks) > 8 {
		return nil, false
	}
	for _, m := range x.mentionsBetween(p, 0, len(label)) {
		if m.end == len(label) && (m.kind == mName || m.kind == mRole) && x.onlyTitleWords(p, 0, m.start) {
			return x.resolve(p, m), true
		}
	}
	if name := x.labelName(p, label); name != "" {
		return []Speaker{{Actor: -1, Name: name}}, true
	}
	return nil, true // not a name: the headline's own words before a colon
}
