package catalog

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/echo"
	"github.com/readout/readout/index/load"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/index/registry"
)

// Catalog is what the archive keeps in memory about every article and quote: enough to list,
// count and find them, not their text, which pages read from the archive folder. It is built
// once and never changed; an update builds a new one.
type Catalog struct {
	Articles []index.Summary
	Quotes   []QuoteRef
	Files    []load.File       // every article file, for telling whether the archive changed
	Problems []index.Problem   // files skipped, and why
	Extra    []index.ActorInfo // speakers the registry does not know

	reg       *registry.Registry // the registry it was finished with
	byID      map[string]int
	quoteByID map[string]int
	// Plain ids that several documents share, and plain quote ids that several of their quotes
	// share (ids.go): each names them all.
	plainArticles map[string][]int
	plainQuotes   map[string][]int
	actors        map[string]*index.ActorInfo
	actorList     []*index.ActorInfo // most quoted first, merged actors left out
	namesOnce     sync.Once
	nameTab       *nameTable          // actors by the words of their names (names.go)
	canon         map[string]string   // a merged actor's id → the actor it was merged into (canon.go)
	members       map[string][]string // an actor's id → the ids merged into it, itself first
	topics        map[string]*index.TopicInfo
	topicList     []*index.TopicInfo
	first         time.Time
	last          time.Time

	hashOnce   sync.Once
	hashes     map[string]uint64 // by path: the content indexed
	browseOnce [3]sync.Once      // articles, quotes, quotes with the procedural turns
	browse     [3]browseView
	colsOnce   sync.Once
	cols       *columns // facets' values and dates by document, for searches (columns.go)
	actorsOnce sync.Once
	actorRows  *actorIndex // the actors ready to be listed (actors.go)
	byDateOnce sync.Once
	dated      []int32 // the dated articles, oldest first (neighbours.go)

	// EchoFound is what each document's scan found (echoes.go); the links are chosen from it
	// by the rules of a link once, when first asked for (so a warm start applies the rules of
	// the running version).
	EchoFound []echo.Link
	echoOnce  sync.Once
	echoes    []EchoLink       // every quote's statement found elsewhere, by quote
	echoFrom  map[int32][2]int // a quote's place → its links in echoes
}

// QuoteRef is what the catalog keeps of a quote.
type QuoteRef struct {
	ID       string
	Article  int // index in Articles
	Index    int // index in the article's quotes
	Speakers []string
	Topics   []string
	// Countries are the governments or organisations its speakers speak for.
	Countries []string `json:",omitempty"`
	Kind      quote.Kind
	// Procedural is set on a turn that carries no statement: not counted, nor listed unless
	// asked for.
	Procedural bool `json:",omitempty"`
	// Turn is set on a transcript's turn or a whole statement: the speaker's own words as the
	// record keeps them, not words a text quotes (echoes.go tells a statement said again by it).
	Turn bool `json:",omitempty"`
	// Start, End and Sketch find its statement in other texts (echoes.go): its place in its
	// article, and its sketch (load.Sketches).
	Start, End quote.Pos
	Sketch     echo.Sketch
}

// indexedHash returns the hash of the content a file had when it was indexed (computed once).
func (c *Catalog) indexedHash(path string) (uint64, bool) {
	c.hashOnce.Do(func() {
		c.hashes = make(map[string]uint64, len(c.Files))
		for _, f := range c.Files {
			if f.Article != "" {
				c.hashes[f.Path] = f.Hash
			}
		}
	})
	h, ok := c.hashes[path]
	return h, ok
}

// Finish builds the catalog's lookups and counts from its lists, once they are complete (made
// by a Builder, or read from disk): the lists are what is saved, the rest is worked out anew.
func (c *Catalog) Finish(reg *registry.Registry) {
	c.reg = reg
	c.byID = make(map[string]int, len(c.Articles))
	for i, a := range c.Articles {
		c.byID[a.ID] = i
		if d := a.Date.Start(); !d.IsZero() {
			if c.first.IsZero() || d.Before(c.first) {
				c.first = d
			}
			if d.After(c.last) {
				c.last = d
			}
		}
	}
	c.quoteByID = make(map[string]int, len(c.Quotes))
	for i, q := range c.Quotes {
		c.quoteByID[q.ID] = i
	}
	c.plainArticles, c.plainQuotes = map[string][]int{}, map[string][]int{}
	for i, a := range c.Articles {
		if plain, suffix := SplitID(a.ID); suffix != "" {
			c.plainArticles[plain] = append(c.plainArticles[plain], i)
		}
	}
	for i, q := range c.Quotes {
		if plain, _, ok := strings.Cut(q.ID, quoteSuffixSep); ok {
			c.plainQuotes[plain] = append(c.plainQuotes[plain], i)
		}
	}

	c.actors = map[string]*index.ActorInfo{}
	for _, a := range reg.Actors {
		info := &index.ActorInfo{
			ID: a.ID, Name: a.Name, Kind: string(a.Kind), Registered: true,
			Country: a.Country, Organisation: a.Organisation, Aliases: a.Aliases,
		}
		for _, r := range a.Roles {
			role := index.Role{Title: r.Title}
			if !r.From.IsZero() {
				role.From = r.From.Format(time.DateOnly)
			}
			if !r.To.IsZero() {
				role.To = r.To.Format(time.DateOnly)
			}
			info.Roles = append(info.Roles, role)
		}
		c.actors[a.ID] = info
	}
	for i := range c.Extra {
		if _, ok := c.actors[c.Extra[i].ID]; !ok {
			e := c.Extra[i]
			e.Articles, e.Quotes = 0, 0
			c.actors[e.ID] = &e
		}
	}
	for _, a := range c.Articles {
		for _, id := range a.Actors {
			if info := c.actors[id]; info != nil {
				info.Articles++
			}
		}
	}
	for _, q := range c.Quotes {
		if q.Procedural {
			continue // "Thank you", "Go ahead": no statement to count
		}
		for _, id := range q.Speakers {
			if info := c.actors[id]; info != nil {
				info.Quotes++
			}
		}
	}
	c.mergeActors(reg)
	for _, info := range c.actors {
		if (info.Articles > 0 || info.Quotes > 0) && info.Canonical == "" {
			c.actorList = append(c.actorList, info)
		}
	}
	slices.SortFunc(c.actorList, func(a, b *index.ActorInfo) int {
		return cmp.Or(cmp.Compare(b.Quotes, a.Quotes), cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Name, b.Name))
	})

	c.topics = map[string]*index.TopicInfo{}
	for _, t := range reg.Topics {
		info := &index.TopicInfo{ID: t.ID, Name: t.Name, Terms: append(slices.Clone(t.Terms), t.Cased...)}
		c.topics[t.ID] = info
		c.topicList = append(c.topicList, info)
	}
	for _, a := range c.Articles {
		for _, id := range a.Topics {
			if info := c.topics[id]; info != nil {
				info.Articles++
			}
		}
		for _, id := range a.About {
			if info := c.topics[id]; info != nil {
				info.About++
			}
		}
	}
	for _, q := range c.Quotes {
		for _, id := range q.Topics {
			if info := c.topics[id]; info != nil {
				info.Quotes++
			}
		}
	}
	slices.SortFunc(c.topicList, func(a, b *index.TopicInfo) int {
		return cmp.Or(cmp.Compare(b.Articles+b.Quotes, a.Articles+a.Quotes), cmp.Compare(a.Name, b.Name))
	})
}

// entry is what the catalog keeps of one file's document before the archive's ids are given.
type entry struct {
	sum    index.Summary
	quotes []QuoteRef // Article is set when the entry joins the catalog
	final  bool       // its ids are final: it comes from the catalog of an index being updated
}

// entryOf is the entry of an article just analysed, under its plain ids.
func entryOf(a *index.Article, sketches []echo.Sketch) *entry {
	e := &entry{sum: a.Summary, quotes: make([]QuoteRef, len(a.Quotes))}
	for k, q := range a.Quotes {
		ref := QuoteRef{ID: q.ID, Index: k, Topics: q.Topics, Kind: q.Kind, Procedural: q.Procedural, Turn: q.Turn, Start: q.Start, End: q.End}
		if k < len(sketches) {
			ref.Sketch = sketches[k]
		}
		for _, s := range q.Speakers {
			ref.Speakers = append(ref.Speakers, s.ID)
			if s.CountryID != "" && !slices.Contains(ref.Countries, s.CountryID) {
				ref.Countries = append(ref.Countries, s.CountryID)
			}
		}
		e.quotes[k] = ref
	}
	return e
}

// unknownSpeakers returns the speakers of an article that the registry does not know, once
// each, with the titles the text gives them on its date ("Governor" for "GOVERNOR LITTLE:"):
// how one speaker's surname alone is told to be a full name's years apart (canon.go).
func unknownSpeakers(a *index.Article, reg *registry.Registry) []index.ActorInfo {
	var out []index.ActorInfo
	date := ""
	if day := a.Date.Start(); !day.IsZero() {
		date = day.Format(time.DateOnly)
	}
	for _, q := range a.Quotes {
		for _, s := range q.Speakers {
			if _, ok := reg.Actor(s.ID); ok {
				continue
			}
			i := slices.IndexFunc(out, func(e index.ActorInfo) bool { return e.ID == s.ID })
			if i < 0 {
				out = append(out, index.ActorInfo{ID: s.ID, Name: s.Name, Kind: s.Kind})
				i = len(out) - 1
			}
			if s.Role != "" {
				addTitle(&out[i], s.Role, date, date)
			}
		}
	}
	return out
}

// maxTitles bounds the titles kept of one unregistered speaker.
const maxTitles = 8

// addTitle adds a title the texts give an unregistered speaker, from one date to another, to
// its roles ("" when the text is undated).
func addTitle(e *index.ActorInfo, title, from, to string) {
	for k := range e.Roles {
		if r := &e.Roles[k]; strings.EqualFold(r.Title, title) {
			if from != "" && (r.From == "" || from < r.From) {
				r.From = from
			}
			if to > r.To {
				r.To = to
			}
			return
		}
	}
	if len(e.Roles) < maxTitles {
		e.Roles = append(e.Roles, index.Role{Title: title, From: from, To: to})
	}
}

// assemble puts the served files' documents in the catalog, in file order: each document once,
// from its first file, under the id assignIDs gave it, knowing the paths and tags of its other
// files. ents holds an entry for each document's first file, and for the other files of fresh
// documents (their tags); shared lists the plain quote ids that take their document's suffix.
// It sets each file's Article to its document's id.
func (c *Catalog) assemble(files []load.File, asg []docID, ents []*entry, shared map[string]bool) {
	at := map[string]int{} // document id → index in Articles
	for i := range files {
		d := asg[i]
		files[i].Article = d.id
		if !d.served() || d.primary != i {
			continue
		}
		e := ents[i]
		n := len(c.Articles)
		at[d.id] = n
		sum := e.sum
		sum.ID = d.id
		c.Articles = append(c.Articles, sum)
		for _, ref := range e.quotes {
			ref.Article = n
			if !e.final {
				ref.ID = finalQuoteID(ref.ID, d.id, shared[ref.ID])
			}
			c.Quotes = append(c.Quotes, ref)
		}
	}
	for i, d := range asg {
		if !d.served() || d.primary == i || ents[i] == nil || ents[i].final {
			continue // an index's own catalog has its other files' paths and tags already
		}
		s := &c.Articles[at[d.id]]
		s.Also = append(s.Also, files[i].Path)
		for _, t := range ents[i].sum.Tags {
			if !slices.Contains(s.Tags, t) {
				s.Tags = append(s.Tags, t)
			}
		}
	}
}

// sharedOf returns the plain quote ids held by two documents of one plain id, among the fresh
// entries of suffixed documents.
func sharedOf(asg []docID, ents []*entry) map[string]bool {
	groups := map[string][][]string{}
	for i, d := range asg {
		plain, suffix := SplitID(d.id)
		if suffix == "" || d.primary != i || ents[i] == nil || ents[i].final {
			continue
		}
		var ids []string
		for _, q := range ents[i].quotes {
			ids = append(ids, q.ID)
		}
		groups[plain] = append(groups[plain], ids)
	}
	shared := map[string]bool{}
	for _, docs := range groups {
		for q := range sharedQuotes(docs) {
			shared[q] = true
		}
	}
	return shared
}
