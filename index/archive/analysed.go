package archive

import (
	"slices"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/ondisk"
	"github.com/readout/readout/index/quote"
)

// An index on disk keeps each article's analysis as it was indexed (ondisk.Analyses), so that a
// page showing an article the article cache does not hold (a search's hits, mostly) decodes it
// rather than analysing its file again. The file is still read and hashed: the analysis is used
// only for the content it was made from.

// saveAnalysis adds an article, as load.Analyse made it, to the analyses being written.
func saveAnalysis(w *ondisk.AnalysesWriter, art *index.Article, hash uint64) error {
	if s := storedForm(art); s != nil {
		return w.Add(art.Path, hash, s)
	}
	return nil
}

// savedAnalysis returns the analysis of the file at path saved for its content hash, nil when
// there is none (or in memory: a is nil).
func savedAnalysis(a *ondisk.Analyses, path string, hash uint64) *index.Article {
	var art index.Article
	if !a.Read(path, hash, &art) || !restore(&art) {
		return nil
	}
	return &art
}

// storedForm is art as the analyses file keeps it: the text of a quote within one paragraph is
// cut from it again when read (as load.Analyse cuts it, without a copy), so it is left out; a
// quote over several paragraphs (a long turn) keeps its text, which would be joined anew. Nil
// when a text is not what its place gives.
func storedForm(art *index.Article) *index.Article {
	cp := *art
	cp.Quotes = slices.Clone(art.Quotes)
	for k := range cp.Quotes {
		q := &cp.Quotes[k]
		t, ok := quoteText(cp.Paragraphs, q.Start, q.End)
		if !ok || t != q.Text || t == "" {
			return nil
		}
		if q.Start.Para == q.End.Para {
			q.Text = ""
		}
	}
	return &cp
}

// restore puts back what storedForm left out; false when the places do not fit the paragraphs.
func restore(art *index.Article) bool {
	for k := range art.Quotes {
		q := &art.Quotes[k]
		if q.Text != "" {
			continue
		}
		t, ok := quoteText(art.Paragraphs, q.Start, q.End)
		if !ok {
			return false
		}
		q.Text = t
	}
	return true
}

// quoteText is the text between two places of paragraphs, as quote.Quote.Text cuts it; false for
// places outside them.
func quoteText(paras []index.Paragraph, s, e quote.Pos) (string, bool) {
	if s.Para < 0 || e.Para >= len(paras) || e.Para < s.Para ||
		s.Off < 0 || s.Off > len(paras[s.Para].Text) || e.Off < 0 || e.Off > len(paras[e.Para].Text) ||
		s.Para == e.Para && e.Off < s.Off {
		return "", false
	}
	return quote.Quote{Start: s, End: e}.Text(paras), true
}
