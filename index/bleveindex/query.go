package bleveindex

import (
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/readout/readout/index"
	qtext "github.com/readout/readout/index/query"
	"github.com/readout/readout/index/quote"
)

// Query is what a search matches, as bleve runs it: the words typed over one kind's text, with
// the filters.
type Query struct{ q query.Query }

// Queries are the queries of one search.
type Queries struct {
	Match *Query // the documents of the kind asked for
	// Other counts the other tab's documents; nil when the search asks for hits only.
	Other *Query
	// Both, when not nil, matches the documents of both kinds Match and Other match, each
	// scored as Match would score a document of its kind: a search without words that ranks by
	// nothing (its score is the kind's alone) is one pass over its filters, not two.
	Both *Query
	// Words are the words and phrases to highlight; Ignored those the analysis leaves nothing of.
	Words, Ignored []string
}

// Build builds the queries of a parsed search and its filters (names resolved to ids), but for
// the filters its caller applies from its own columns to what they match: the dates, full quotes
// only and the procedural turns (see Reference for why). members gives the ids an actor stands
// for: itself and those merged into it.
func (t *TermAnalyzer) Build(p *qtext.Parsed, q index.Query, members func(id string) []string) Queries {
	return t.build(p, q, members, false)
}

// BuildReference builds the queries of a search with every filter bleve's: what the tests
// compare the caller's own filtering of Build's matches with. Bleve reads a date range as every
// term of its precision steps, each a list of documents to advance through beside the words'
// (half of the matching of a dated search, and most of making its searchers), where a catalog
// compares two numbers a document; a quote's kind and procedural turn are one value a quote.
func (t *TermAnalyzer) BuildReference(p *qtext.Parsed, q index.Query, members func(id string) []string) Queries {
	return t.build(p, q, members, true)
}

func (t *TermAnalyzer) build(p *qtext.Parsed, q index.Query, members func(id string) []string, all bool) Queries {
	textField, otherField := FieldContent, FieldText
	otherKind := index.KindQuotes
	if q.Kind == index.KindQuotes {
		textField, otherField = FieldText, FieldContent
		otherKind = index.KindArticles
	}
	var out Queries
	var match query.Query
	var positive bool
	out.Words, out.Ignored, match, positive = t.textQuery(p, textField, all)
	filters := filterQueries(q, p.Empty(), members)
	of := func(kind string, match query.Query) *Query {
		if !all {
			return &Query{withFilters(typeOf(kind), match, filters, true)}
		}
		return &Query{withFilters(typeOf(kind), match, kindFilters(q, kind, append(slices.Clip(filters), dateQueries(q)...)), q.Procedural)}
	}
	if !q.HitsOnly {
		_, _, otherMatch, positive := t.textQuery(p, otherField, all)
		out.Other = of(otherKind, otherMatch)
		if !all && positive {
			// A count scores nothing, and the words' field is the kind's alone (content an
			// article's, text a quote's): the kind's clause would only be advanced beside them.
			out.Other = &Query{withFilters("", otherMatch, filters, true)}
		}
	}
	out.Match = of(q.Kind, match)
	if !all && positive {
		// The kind's type term scored without reading it (kindQuery); the filters score
		// nothing, the words being there (filterQueries).
		out.Match = &Query{withFilters("", kindQuery{typeOf(q.Kind), match, false}, filters, true)}
		if len(filters) == 0 {
			out.Match = &Query{kindQuery{typeOf(q.Kind), match, true}}
		}
	}
	if !all && match == nil && !(p.Empty() && len(q.Topics) > 0) {
		// No words, and no topic to rank by (filterQueries): every filter scores nothing.
		var f query.Query
		if len(filters) > 0 {
			f = bleve.NewConjunctionQuery(filters...)
		}
		out.Both = &Query{filtersQuery{typeOf(q.Kind), f}}
	}
	return out
}

// Validate tells whether bleve can run the query.
func (q *Query) Validate() error {
	return bleve.NewSearchRequestOptions(q.q, 0, 0, false).Validate()
}

func typeOf(kind string) string {
	if kind == index.KindQuotes {
		return TypeQuote
	}
	return TypeArticle
}

// textQuery builds the query for what is typed, over a text field. It returns the words and
// phrases that highlight, those the analysis leaves nothing of, nil for a search without
// words (everything matches), and whether it matches only documents with one of its words (it
// has words to match, not only words to exclude).
//
// plain builds it as bleve's match queries would, for the reference (BuildReference): the
// same scores through more searchers.
func (t *TermAnalyzer) textQuery(p *qtext.Parsed, field string, plain bool) (words, ignored []string, _ query.Query, positive bool) {
	clause := func(c qtext.Clause) query.Query {
		terms := t.analyzer.Analyze([]byte(c.Text))
		if len(terms) == 0 {
			ignored = append(ignored, c.Text)
			return nil
		}
		if c.Phrase || len(terms) > 1 {
			mq := bleve.NewMatchPhraseQuery(c.Text)
			mq.SetField(field)
			return DeadlineQuery{Query: mq}
		}
		if plain {
			mq := bleve.NewMatchQuery(c.Text)
			mq.SetField(field)
			return mq
		}
		// The term analysed, as bleve's match query of one word would search it, without the
		// analysis again and the disjunction of one term it wraps it in (which score the same).
		tq := bleve.NewTermQuery(string(terms[0].Term))
		tq.SetField(field)
		return tq
	}
	var must, should, not []query.Query
	for _, c := range p.Must {
		if c.Or != nil {
			var alts []query.Query
			for _, alt := range c.Or {
				if q := clause(alt); q != nil {
					alts = append(alts, q)
					words = append(words, alt.Text)
				}
			}
			if len(alts) > 0 {
				must = append(must, bleve.NewDisjunctionQuery(alts...))
			}
			continue
		}
		if q := clause(c); q != nil {
			must = append(must, q)
			words = append(words, c.Text)
			if field == FieldContent {
				should = append(should, titleQuery(t.analyzer.Analyze([]byte(c.Text)), c.Text, plain))
			}
		}
	}
	for _, c := range p.Not {
		if q := clause(c); q != nil {
			not = append(not, q)
		}
	}
	if len(must) == 0 && len(not) == 0 {
		return nil, ignored, nil, false
	}
	bq := bleve.NewBooleanQuery()
	switch {
	case len(must) == 1 && !plain:
		bq.Must = must[0] // scored as the conjunction of one AddMust makes, without its searcher
	case len(must) > 0:
		bq.AddMust(must...)
	default:
		bq.AddMust(bleve.NewMatchAllQuery())
	}
	if len(should) > 0 {
		bq.AddShould(should...)
		bq.SetMinShould(0)
	}
	if len(not) > 0 {
		bq.AddMustNot(not...)
	}
	return words, ignored, bq, len(must) > 0
}

// titleQuery is the bonus of a title that has a clause's words: any of them, boosted. A
// clause of one term is that term, as bleve's match query would search it without the
// disjunction of one term it wraps it in (which scores the same).
func titleQuery(terms analysis.TokenStream, text string, plain bool) query.Query {
	if len(terms) == 1 && !plain {
		t := bleve.NewTermQuery(string(terms[0].Term))
		t.SetField(FieldTitle)
		t.SetBoost(2)
		return t
	}
	t := bleve.NewMatchQuery(text)
	t.SetField(FieldTitle)
	t.SetBoost(2)
	return t
}

// filterQueries turns the filters of actors, topics, sources and countries into queries.
// Filters do not score: what a document matches is ranked by the words alone, or, without
// words, by how much it is about the topics asked for (rankByTopics: TopicQuery), never by how
// many actors or topics it names, as a term's score on a field of many values would.
func filterQueries(q index.Query, rankByTopics bool, membersOf func(string) []string) []query.Query {
	var out []query.Query
	term := func(field, v string) query.Query {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		t.SetBoost(0)
		return t
	}
	for _, id := range q.Actors {
		// An actor stands for the ids merged into it.
		members := membersOf(id)
		if len(members) == 1 {
			out = append(out, term(FieldActor, id))
			continue
		}
		var any []query.Query
		for _, m := range members {
			any = append(any, term(FieldActor, m))
		}
		out = append(out, bleve.NewDisjunctionQuery(any...))
	}
	for _, id := range q.Topics {
		tq := TopicQuery{ID: id}
		if rankByTopics {
			tq.Boost = 1
		}
		out = append(out, tq)
	}
	for _, s := range q.Sources {
		out = append(out, term(FieldSource, s))
	}
	for _, c := range q.Countries {
		out = append(out, term(FieldCountry, c))
	}
	return out
}

// dateQueries are the date range's filters. A month- or year-dated article matches a date
// range when its period overlaps it: its first day is not after the range's end, its last day
// not before the range's start.
func dateQueries(q index.Query) []query.Query {
	var out []query.Query
	yes := true
	if !q.To.IsZero() {
		r := bleve.NewDateRangeInclusiveQuery(time.Time{}, q.To, nil, &yes)
		r.SetField(FieldDate)
		r.SetBoost(0)
		out = append(out, r)
	}
	if !q.From.IsZero() {
		r := bleve.NewDateRangeInclusiveQuery(q.From, time.Time{}, &yes, nil)
		r.SetField(FieldDateEnd)
		r.SetBoost(0)
		out = append(out, r)
	}
	return out
}

// kindFilters adds to the filters of every kind those of one kind: a search of quotes keeps
// only full quotes when asked.
func kindFilters(q index.Query, kind string, filters []query.Query) []query.Query {
	if kind != index.KindQuotes || !q.Full {
		return filters
	}
	t := bleve.NewTermQuery(string(quote.Full))
	t.SetField(FieldKind)
	t.SetBoost(0)
	return append(slices.Clip(filters), t)
}

// withFilters is the conjunction of the kind's type (none for typ ""), the match and the
// filters, without the procedural turns unless asked for.
func withFilters(typ string, match query.Query, filters []query.Query, procedural bool) query.Query {
	var parts []query.Query
	if typ != "" {
		t := bleve.NewTermQuery(typ)
		t.SetField(FieldType)
		parts = append(parts, t)
	}
	if match != nil {
		parts = append(parts, match)
	}
	parts = append(parts, filters...)
	all := bleve.NewConjunctionQuery(parts...)
	if typ != TypeQuote || procedural {
		return all
	}
	// The turns that carry no statement are left out unless asked for.
	not := bleve.NewTermQuery("yes")
	not.SetField(FieldProcedural)
	b := bleve.NewBooleanQuery()
	b.AddMust(all)
	b.AddMustNot(not)
	return b
}
