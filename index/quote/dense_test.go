package quote_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
)

// denseShapes are articles of one paragraph, as long as asked, dense with quotations: the work
// a hostile or careless file may ask of the analysis (issue 18). Each must take time linear in
// its length.
var denseShapes = []struct {
	name  string
	unit  func(k int) string // the k-th sentence of the paragraph
	quote int                // quotes in each sentence, -1 when not counted
}{
	{"said", func(k int) string {
		return fmt.Sprintf("The ministers met in Brussels on day %d to discuss the alliance. “We will keep working with our allies on point %d,” Mr. %s said. ", k, k, surname(k))
	}, 1},
	{"marks", func(k int) string {
		return fmt.Sprintf("“Point %d” and “%s” ", k, surname(k))
	}, 0},
	{"pronouns", func(k int) string {
		return fmt.Sprintf("%s Smith spoke. “On day %d,” she said, “we met.” He added: “Yes.” ", surname(k), k)
	}, -1},
	{"unclosed", func(k int) string {
		return fmt.Sprintf("“%s %d said ", surname(k), k)
	}, -1},
	{"labels", func(k int) string {
		return fmt.Sprintf("MR. %s: We met on day %d.\n\nQ: And?\n\n", strings.ToUpper(surname(k)), k)
	}, 1},
}

// surname makes the k-th of distinct capitalised words: Ason, Bson, …, Aason, ….
func surname(k int) string {
	s := ""
	for k >= 0 {
		s = string(rune('a'+k%26)) + s
		k = k/26 - 1
	}
	return strings.ToUpper(s[:1]) + s[1:] + "son"
}

// denseParagraph writes sentences until size bytes, in paragraphs where a sentence ends one, and
// returns them with the count of sentences.
func denseParagraph(unit func(int) string, size int) ([]document.Paragraph, int) {
	var b strings.Builder
	k := 0
	for ; b.Len() < size; k++ {
		b.WriteString(unit(k))
	}
	var paras []document.Paragraph
	for _, p := range strings.Split(b.String(), "\n\n") {
		paras = append(paras, document.Paragraph{Text: p})
	}
	return paras, k
}

// TestDenseParagraph reads 1.9 MB of each shape (just under the 2 MB an article may have) and
// checks that every quotation is found. It bounds nothing by the clock: the suite's
// timeout does, where the analysis used to take hours.
func TestDenseParagraph(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 10 MB of text")
	}
	r := mustRegistry(t)
	for _, shape := range denseShapes {
		t.Run(shape.name, func(t *testing.T) {
			paras, n := denseParagraph(shape.unit, 1900<<10)
			got := quote.Extract(r, "", time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), paras).Quotes
			if want := n * shape.quote; shape.quote >= 0 && len(got) != want {
				t.Errorf("%d quotes, want %d", len(got), want)
			}
		})
	}
}

// BenchmarkDenseParagraph times the analysis of one paragraph dense with quotations at sizes
// doubling from 100 KB to 1.6 MB; ms/MB stays level when the work is linear.
//
//	go test ./index/quote -run '^$' -bench DenseParagraph -benchtime 3x
func BenchmarkDenseParagraph(b *testing.B) {
	r := mustRegistry(b)
	for _, shape := range denseShapes {
		for size := 100 << 10; size <= 1600<<10; size *= 2 {
			paras, _ := denseParagraph(shape.unit, size)
			b.Run(fmt.Sprintf("%s/%dKB", shape.name, size>>10), func(b *testing.B) {
				for b.Loop() {
					quote.Extract(r, "", time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), paras)
				}
				b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/(float64(size)/1e6), "ms/MB")
			})
		}
	}
}
