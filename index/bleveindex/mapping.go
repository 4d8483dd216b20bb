package bleveindex

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveregistry "github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"

	"github.com/readout/readout/index"
)

// Version changes whenever the mapping, the analysis, what is indexed or how the catalog is
// saved changes: an index on disk with another version is rebuilt, never read with the wrong
// assumptions. (5: dates in the saved catalog; 6: unknown speakers named without their titles;
// 7: speakers resolved from the document's own names before the registry; 8: documents of one
// plain id merged or given suffixed ids, files' plain ids and text keys in the catalog; 9: files
// dated "unknown", skipped before, are served; 10: attribution's later rules: names given in
// capitals, nicknames, offices before a name, sentences' openers; 11: genders learnt from the
// text's pronouns, lists of quotations after a sentence, titles' acronyms, nicknames used once;
// 12: every topic named tags an article, with its weight in topic_weight, and "[LINK: …]" marks
// of the source dropped; 13: doc values only on the fields counted or sorted, no term vectors on
// titles; 14: the catalog's summaries count their quotes in QuoteCount, not Quotes; 15: the
// governments speakers speak for, in the country field and the catalog; 16: attribution from
// given names counted from birth records, and descriptions named after the verb; 17: with them,
// unregistered speakers cut to the shape of a name, headlines as speakers dropped, a
// transcript's surname label given the full name the text writes; 18: laws and observances as
// speakers dropped, a scan's digits in names read as letters, a transcript label's title kept as
// its unregistered speaker's role, and the catalog's titles of unregistered speakers; 19: a
// person's office and an organisation's officer speak for them, a quoted transcript's first
// turn, titles inside names, round-ups' labels, no-break spaces; 20: accents in pieces mended
// (composed, and UTF-8 misread as Windows-1252 decoded), and speakers made of no office's
// domain, misspelt label or title's words; 21: the catalog keeps quotes' sketches and what the
// scans for the same statement elsewhere found; 22: a statement title's speaker read whole
// (syllables in small letters, words never names, long styles, a capital after a particle); 23:
// the catalog tells a quote that is a turn or a whole statement, so that a statement said
// again is told from one reported; 24: with it, the catalog saved in ondisk's own encoding,
// not gob (two branches each took 23), and this stop's later attribution; 25: attribution
// from batteries 19 and 20 (family names first, Jr. and Sr., back references, …); 26: each
// article's analysis saved beside the catalog, read back rather than made again for a page;
// 27: the attribution of batteries 21-24, which the saved analyses hold; 28: answers in an
// exchange, documents spoken in, ministries for their states, the news batteries 25-26.)
const Version = 28

// Names of the analyzer and the fields, shared by indexing, queries and highlighting.
const (
	TextAnalyzer = "readout_en"
	foldFilter   = "readout_fold"
	idsAnalyzer  = "readout_ids" // ids separated by spaces, each a term, as written

	FieldType    = "type"
	FieldTitle   = "title"
	FieldContent = "content"        // an article's title and text
	FieldText    = "text"           // a quote's words
	FieldActor   = index.FacetActor // articles: actors named or heard; quotes: speakers
	FieldTopic   = index.FacetTopic
	FieldSource  = index.FacetSource
	FieldCountry = index.FacetCountry // the governments or organisations the speakers speak for
	FieldKind    = "kind"
	// fieldProcedural is "yes" on a quote that carries no statement ("Thank you", "Go ahead"):
	// searches leave such quotes out unless asked for them.
	FieldProcedural = "procedural"
	FieldArticle    = "article"
	FieldDate       = "date"     // the first day of the date's period
	FieldDateEnd    = "date_end" // the last day: month- and year-dated articles match any day in them
	// fieldTopicWeight holds each topic's id as many times as the document's weight for it
	// (topics.go): the filter that ranks by it.
	FieldTopicWeight = "topic_weight"

	TypeArticle = "article"
	TypeQuote   = "quote"
)

func init() {
	// The fold filter is part of the analyzer stored in an index's mapping: registering it is
	// what lets an index on disk be opened again.
	if err := bleveregistry.RegisterTokenFilter(foldFilter, func(map[string]any, *bleveregistry.Cache) (analysis.TokenFilter, error) {
		return foldAccents{}, nil
	}); err != nil {
		panic(err)
	}
}

// foldAccents is a token filter that removes diacritics, so "Fernandez" finds "Fernández".
type foldAccents struct{}

func (foldAccents) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		ascii := true
		for _, b := range t.Term {
			if b >= utf8.RuneSelf {
				ascii = false
				break
			}
		}
		if ascii {
			continue
		}
		folded := make([]byte, 0, len(t.Term))
		for _, r := range norm.NFD.String(string(t.Term)) {
			if !unicode.Is(unicode.Mn, r) {
				folded = utf8.AppendRune(folded, r)
			}
		}
		t.Term = folded
	}
	return in
}

// NewMapping returns the index's explicit mapping: no dynamic fields, nothing stored (pages read
// articles from the archive, not from the index), term vectors on the texts searched for
// phrases, doc values on the fields of the facets and the date. Searches count and sort from
// the catalog (collect.go); bleve's own facets and sort on those fields are what the tests
// compare them with. The other fields only filter, and keep no doc values.
func NewMapping() (*mapping.IndexMappingImpl, error) {
	m := mapping.NewIndexMapping()
	if err := m.AddCustomAnalyzer(TextAnalyzer, map[string]any{
		"type":      custom.Name,
		"tokenizer": wordTokenizer,
		// No stop words: an archive of quotations must find "us or them" and "we will not" as
		// phrases; scoring already weighs common words down.
		"token_filters": []any{en.PossessiveName, lowercase.Name, foldFilter, stemFilter},
	}); err != nil {
		return nil, err
	}
	if err := m.AddCustomAnalyzer(idsAnalyzer, map[string]any{
		"type":      custom.Name,
		"tokenizer": whitespace.Name,
	}); err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = TextAnalyzer
	m.TypeField = FieldType
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	m.DefaultMapping = mapping.NewDocumentDisabledMapping()

	text := func(phrases bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = TextAnalyzer
		f.Store = false
		f.IncludeTermVectors = phrases // phrase queries need positions
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(docValues bool) *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}
	weights := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = idsAnalyzer
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	date := func(docValues bool) *mapping.FieldMapping {
		f := mapping.NewDateTimeFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}

	article := mapping.NewDocumentStaticMapping()
	article.AddFieldMappingsAt(FieldType, kw(false))
	article.AddFieldMappingsAt(FieldTitle, text(false)) // words only: phrases are searched in content
	article.AddFieldMappingsAt(FieldContent, text(true))
	article.AddFieldMappingsAt(FieldActor, kw(true))
	article.AddFieldMappingsAt(FieldTopic, kw(true))
	article.AddFieldMappingsAt(FieldTopicWeight, weights())
	article.AddFieldMappingsAt(FieldSource, kw(true))
	article.AddFieldMappingsAt(FieldCountry, kw(true))
	article.AddFieldMappingsAt(FieldDate, date(true))
	article.AddFieldMappingsAt(FieldDateEnd, date(false))
	m.AddDocumentMapping(TypeArticle, article)

	q := mapping.NewDocumentStaticMapping()
	q.AddFieldMappingsAt(FieldType, kw(false))
	q.AddFieldMappingsAt(FieldText, text(true))
	q.AddFieldMappingsAt(FieldActor, kw(true))
	q.AddFieldMappingsAt(FieldTopic, kw(true))
	q.AddFieldMappingsAt(FieldTopicWeight, weights())
	q.AddFieldMappingsAt(FieldSource, kw(true))
	q.AddFieldMappingsAt(FieldCountry, kw(true))
	q.AddFieldMappingsAt(FieldKind, kw(false))
	q.AddFieldMappingsAt(FieldProcedural, kw(false))
	q.AddFieldMappingsAt(FieldArticle, kw(false))
	q.AddFieldMappingsAt(FieldDate, date(true))
	q.AddFieldMappingsAt(FieldDateEnd, date(false))
	m.AddDocumentMapping(TypeQuote, q)

	if err := m.Validate(); err != nil {
		return nil, err
	}
	return m, nil
}
