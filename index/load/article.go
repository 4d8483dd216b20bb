package load

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/index/registry"
)

// Topic tagging thresholds: a topic named in the title, or often enough in the text, is what an
// article is about; a passing mention in a long briefing is not.
const (
	topicMentionsLong  = 2   // mentions that tag a long article
	topicShortArticle  = 400 // words below which one mention is enough
	maxQuotesInArticle = 5000
)

// Analyse reads one article file into an Article: the document, its quotes and speakers, the
// actors it names and the topics it is about. It is deterministic: the same bytes give the same
// article, quote ids included, which is what lets pages read an article again from its file.
func Analyse(reg *registry.Registry, path string, b []byte) (*index.Article, error) {
	doc, err := document.Parse(path, b, reg)
	if err != nil {
		return nil, err
	}
	res := quote.Extract(reg, doc.Title, doc.Date.Start(), doc.Paragraphs)
	a := &index.Article{
		Summary: index.Summary{
			ID: doc.ID, Title: doc.Title, TitleSupplied: doc.TitleSupplied, Date: doc.Date,
			Place: doc.Place, Source: doc.Source, URL: doc.URL, Tags: doc.Tags, Path: path,
		},
		Paragraphs: doc.Paragraphs,
	}

	// Topics: counted over the title and the text, and kept with their places for the quotes.
	words := 0
	counts := map[int]int{}
	titleToks := registry.Tokenize(doc.Title)
	inTitle := reg.TopicMatches(doc.Title, titleToks)
	topicsIn := make([][]registry.TopicMention, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		words += len(res.Tokens[i])
		topicsIn[i] = reg.TopicMentions(p.Text, res.Tokens[i])
		if p.Kind == document.Title {
			continue // counted as the title
		}
		for _, m := range topicsIn[i] {
			counts[m.Topic]++
		}
	}
	a.Words = words
	// Every topic named is the article's; those named in the title or often enough are what it
	// is about (topics.go).
	var named []int // indexes in reg.Topics, in its order
	for t := range reg.Topics {
		if inTitle[t]+counts[t] == 0 {
			continue
		}
		named = append(named, t)
		a.Topics = append(a.Topics, reg.Topics[t].ID)
		if inTitle[t] > 0 || counts[t] >= topicMentionsLong || words < topicShortArticle {
			a.About = append(a.About, reg.Topics[t].ID)
		}
	}

	// Actors: those the title and text name, and every speaker.
	seen := map[string]bool{}
	addActor := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			a.Actors = append(a.Actors, id)
		}
	}
	titleMentions := reg.Mentions(doc.Title, titleToks, doc.Date.Start())
	reg.ResolveMentions(titleMentions)
	for _, m := range titleMentions {
		if len(m.Actors) == 1 {
			addActor(reg.ActorAt(m.Actors[0]).ID)
		}
	}
	for _, i := range res.Mentioned {
		addActor(reg.ActorAt(i).ID)
	}

	// A statement's unregistered speaker speaks for the government that issued the document
	// (a UN General Debate statement's source is its government).
	issuer := reg.StateNamed(doc.Source)

	// Quotes, with ids that depend on the article and the words only.
	repeats := map[uint64]int{}
	for _, q := range res.Quotes[:min(len(res.Quotes), maxQuotesInArticle)] {
		text := q.Text(doc.Paragraphs)
		id, key := quoteID(doc.ID, text)
		if n := repeats[key]; n > 0 {
			id = repeatedQuoteID(doc.ID, text, n)
		}
		repeats[key]++
		qq := index.Quote{
			ID:         id,
			Article:    doc.ID,
			Text:       text,
			Kind:       q.Kind,
			Start:      q.Start,
			End:        q.End,
			Turn:       q.Turn,
			Procedural: q.Procedural,
			Date:       doc.Date,
		}
		for _, s := range q.Speakers {
			sp := speakerOf(reg, s, doc.Date.Start())
			if s.Actor < 0 && q.Turn && issuer != nil {
				sp.Country, sp.CountryID = issuer.Name, issuer.ID
			}
			if sp.ID == "" || slices.ContainsFunc(qq.Speakers, func(x index.Speaker) bool { return x.ID == sp.ID }) {
				continue
			}
			qq.Speakers = append(qq.Speakers, sp)
			addActor(sp.ID)
			if !slices.Contains(a.Speakers, sp.ID) {
				a.Speakers = append(a.Speakers, sp.ID)
			}
			if sp.CountryID != "" && !slices.Contains(a.Countries, sp.CountryID) {
				a.Countries = append(a.Countries, sp.CountryID)
			}
		}
		// The topics named inside the quote, from the paragraphs' matches.
		mentions := map[string]int{}
		for p := q.Start.Para; p <= q.End.Para; p++ {
			for _, m := range topicsIn[p] {
				if (p > q.Start.Para || m.Start >= q.Start.Off) && (p < q.End.Para || m.End <= q.End.Off) {
					id := reg.Topics[m.Topic].ID
					if mentions[id]++; mentions[id] == 1 {
						qq.Topics = append(qq.Topics, id)
					}
				}
			}
		}
		slices.Sort(qq.Topics)
		if len(qq.Topics) > 0 {
			weights := make([]int, len(qq.Topics))
			n := len(strings.Fields(text))
			for i, id := range qq.Topics {
				weights[i] = topicWeight(mentions[id], n, false, false, 0)
			}
			qq.TopicWeights = weights
		}
		a.Quotes = append(a.Quotes, qq)
	}
	a.Quotes = slices.Clip(a.Quotes)
	a.QuoteCount = len(a.Quotes)
	if len(named) > 0 {
		weights := make([]int, len(named))
		for i, t := range named {
			id := reg.Topics[t].ID
			quotes := 0
			for k := range a.Quotes {
				if slices.Contains(a.Quotes[k].Topics, id) {
					quotes++
				}
			}
			weights[i] = topicWeight(counts[t], words, slices.Contains(a.About, id), inTitle[t] > 0, quotes)
		}
		a.TopicWeights = weights
	}
	return a, nil
}

// speakerOf names a quote's speaker: a registered actor by its id, anyone else by a slug of the
// name the text gives.
func speakerOf(reg *registry.Registry, s quote.Speaker, day time.Time) index.Speaker {
	if s.Actor >= 0 {
		a := reg.ActorAt(s.Actor)
		sp := index.Speaker{ID: a.ID, Name: a.Name, Kind: string(a.Kind), Role: roleOn(a, day)}
		if c := reg.SpeaksFor(a, day); c != nil {
			sp.Country, sp.CountryID = c.Name, c.ID
		}
		return sp
	}
	name := strings.Join(strings.Fields(s.Name), " ")
	if utf8.RuneCountInString(name) > 80 {
		return index.Speaker{}
	}
	id := document.Slug(name)
	if _, taken := reg.Actor(id); taken {
		// "Lloyd Austin" in a text of 1946 is not the registered one: the registry said no.
		id += "-1"
	}
	return index.Speaker{ID: id, Name: name, Kind: string(s.Kind), Role: s.Role}
}

// roleOn returns the office a registered actor held on day: of those held then, the one
// begun last ("President of the United States" over an earlier senator's seat still listed).
func roleOn(a *registry.Actor, day time.Time) string {
	if day.IsZero() {
		return ""
	}
	title := ""
	var from time.Time
	for _, r := range a.Roles {
		if r.HeldOn(day) && (title == "" || r.From.After(from)) {
			title, from = r.Title, r.From.Time
		}
	}
	return title
}
