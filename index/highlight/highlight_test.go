package highlight

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// lowerWords is an analyzer for tests: runs of letters, lower-cased, with a trailing "s" taken
// off (a stem that is not a prefix of every word it comes from: "allies" gives "allie").
type lowerWords struct{}

func (lowerWords) Analyze(text string) []Token {
	var out []Token
	start := -1
	for i, r := range text + " " {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			term := strings.TrimSuffix(strings.ToLower(text[start:i]), "s")
			out = append(out, Token{Term: term, Start: start, End: i, Position: len(out) + 1})
			start = -1
		}
	}
	return out
}

// endChanging is an analyzer for tests that changes a word's end as English stemming does:
// "day" gives "dai", "hoping" gives "hope".
type endChanging struct{}

func (endChanging) Analyze(text string) []Token {
	toks := lowerWords{}.Analyze(text)
	for i := range toks {
		t := toks[i].Term
		switch {
		case strings.HasSuffix(t, "y"):
			t = strings.TrimSuffix(t, "y") + "i"
		case strings.HasSuffix(t, "ing"):
			t = strings.TrimSuffix(t, "ing") + "e"
		}
		toks[i].Term = t
	}
	return toks
}

// TestStemNotAPrefix: a word whose stem is not its beginning ("day" → "dai", "hoping" →
// "hope") is still marked, though the paragraph holds no other form of it.
func TestStemNotAPrefix(t *testing.T) {
	var got []string
	text := "Every day we are hoping."
	for _, m := range New(endChanging{}, []string{"day", "hope"}).Marks(text) {
		got = append(got, text[m[0]:m[1]])
	}
	if want := []string{"day", "hoping"}; !slices.Equal(got, want) {
		t.Errorf("marks %q, want %q", got, want)
	}
}

// TestMarks: words marked as the analyzer reads them, phrases only where their words come
// together, nothing for a nil or empty highlighter.
func TestMarks(t *testing.T) {
	tests := []struct {
		words []string
		text  string
		want  []string
	}{
		{[]string{"alliance"}, "Our ALLIANCES are vital; alliance.", []string{"ALLIANCES", "alliance"}},
		{[]string{"hong kong"}, "Hong Kong, not Hong or Kong alone; kong hong.", []string{"Hong Kong"}},
		{[]string{"integrated deterrence", "integrated"}, "Integrated deterrence and integrated.", []string{"Integrated deterrence", "integrated"}},
		{[]string{"russia"}, "Nothing here.", nil},
		{nil, "Anything at all.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range New(lowerWords{}, tt.words).Marks(tt.text) {
			got = append(got, tt.text[m[0]:m[1]])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q in %q: %q, want %q", tt.words, tt.text, got, tt.want)
		}
	}
	var none *Highlighter
	if !none.Empty() || none.Marks("text") != nil || none.Excerpt("text", 10).Text() != "text" {
		t.Error("a nil highlighter marks something")
	}
}

// TestMayMatch: the cheap look for a term's beginning never passes over a text a lower-case
// copy of it would have let through.
func TestMayMatch(t *testing.T) {
	h := New(lowerWords{}, []string{"Allies", "china", "us or them", "٣٤"})
	for _, text := range []string{"ALLIE", "the allied", "CHINA’s", "Us Or Them", "nothing", "Ⓐllies", "Ünited", "", "ch", "a\xffchina",
		"eight by eight, then Ü", "seventeen bytes!Ü", "sixteen bytes...—", "nine byteé", "\u212Ahina?", "the year ٣٤ of it", "١٢٣"} {
		lower := strings.ToLower(text)
		want := slices.ContainsFunc(h.prefixes, func(p string) bool { return strings.Contains(lower, p) })
		for _, r := range text {
			want = want || r >= 0x80 && unicode.IsLetter(r)
		}
		if got := h.mayMatch(text); got != want {
			t.Errorf("mayMatch(%q) = %v, a lower-case copy says %v", text, got, want)
		}
	}
}

// TestContainsFoldASCII: the look for a beginning in any case finds what comparing at every
// byte finds, with the first letter in either case, repeated, at the ends, or cut short.
func TestContainsFoldASCII(t *testing.T) {
	everyByte := func(s, lower string) bool {
		for i := 0; i+len(lower) <= len(s); i++ {
			if strings.EqualFold(s[i:i+len(lower)], lower) && isASCII(s[i:i+len(lower)]) {
				return true
			}
		}
		return false
	}
	texts := []string{"", "c", "C", "ch", "cHIN", "cCchin", "CcCHINA", "xxchi", "Chin", "the CHINA", "china", "a c h i n", "ccccccccchi", "CCCCCCCCCHIN", "\xffchin", "ÇHIN chin", "cHiN", "chiN."}
	for _, lower := range []string{"chin", "c", "ch", "us", "1945", "o'b", ""} {
		for _, text := range texts {
			if got, want := containsFoldASCII(text, lower), everyByte(text, lower); got != want {
				t.Errorf("containsFoldASCII(%q, %q) = %v, comparing at every byte %v", text, lower, got, want)
			}
		}
	}
}

// TestExcerpt: cuts at word boundaries with "…", around the densest marks, the text whole when
// it fits; Text and HTML write the pieces back.
func TestExcerpt(t *testing.T) {
	text := "one two three four five six seven eight nine ten eleven twelve"
	tests := []struct {
		name  string
		frag  Fragment
		plain string
	}{
		{"fits", Cut("one two", 20), "one two"},
		{"cut", Cut(text, 16), "one two three…"},
		{"around a mark", New(lowerWords{}, []string{"nine"}).Excerpt(text, 20), "…nine ten…"},
		{"a no-break space kept whole", Cut("ab\u00a0cd ef", 4), "ab…"},
	}
	for _, tt := range tests {
		if got := tt.frag.Text(); got != tt.plain {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.plain)
		}
	}
	f := Fragment{{Text: "a <b> "}, {Text: "Hong", Mark: true}, {Text: " & more"}}
	if got, want := f.HTML(), "a &lt;b&gt; <mark>Hong</mark> &amp; more"; got != want {
		t.Errorf("HTML: %q, want %q", got, want)
	}
	if !f.Marked() || Cut("x", 2).Marked() {
		t.Error("Marked is wrong")
	}
}
