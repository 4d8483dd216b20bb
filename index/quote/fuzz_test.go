package quote_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
)

// FuzzExtract finds quotes in any text: it never panics, and every quote it finds lies inside
// its paragraphs, on character boundaries, with at least one letter.
func FuzzExtract(f *testing.F) {
	r := mustRegistry(f)
	f.Add("Statement from President Joe Biden", "“We will,” Blinken said.\n\nHe added: “Yes.\n\n“More.”")
	f.Add("Press Briefing", "MS. PSAKI:  Hi.\n\nQ    Why?\n\nMS. PSAKI:  Because.\n\nEND")
	f.Add("‘us and them’: Blinken", "\"Nested \"inner\" outer,'' said Borrell. They said “a” and ‘b’.")
	f.Add("Interview", "\"You knew,\" said Dolores \"Dee\" Kaminski, 74.")
	f.Add("", "The two secretaries wrote, \"x\". According to its state news agency, “y”.")
	// Mentions that overlap ("THE WHITE HOUSE COUNSEL" holds "THE WHITE HOUSE") once sliced
	// the text between them backwards.
	f.Add("Memorandum to Resolve the Backlog", "January 20, 2025\n\nMEMORANDUM TO THE WHITE HOUSE COUNSEL\n\nSUBJECT:      Memorandum to Resolve the Backlog")
	f.Fuzz(func(t *testing.T, title, text string) {
		if !utf8.ValidString(title) || !utf8.ValidString(text) {
			return // articles are checked for UTF-8 before they get here
		}
		var paras []document.Paragraph
		for _, p := range strings.Split(text, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, document.Paragraph{Text: p})
			}
		}
		res := quote.Extract(r, title, time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), paras)
		for _, q := range res.Quotes {
			if q.Start.Para < 0 || q.End.Para >= len(paras) || !q.Start.Before(q.End) {
				t.Fatalf("quote %+v outside %d paragraphs", q, len(paras))
			}
			s, e := paras[q.Start.Para].Text, paras[q.End.Para].Text
			if q.Start.Off > len(s) || q.End.Off > len(e) ||
				(q.Start.Off < len(s) && !utf8.RuneStart(s[q.Start.Off])) || (q.End.Off < len(e) && !utf8.RuneStart(e[q.End.Off])) {
				t.Fatalf("quote %+v cuts a character", q)
			}
			if q.Kind != quote.Full && q.Kind != quote.Fragment {
				t.Fatalf("kind %q", q.Kind)
			}
			if !strings.ContainsFunc(q.Text(paras), func(r rune) bool { return r >= 'A' }) {
				t.Fatalf("a quote of nothing: %q", q.Text(paras))
			}
		}
	})
}
