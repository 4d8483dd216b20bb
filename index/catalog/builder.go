package catalog

import (
	"slices"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/load"
	"github.com/readout/readout/index/registry"
)

// A Builder makes a catalog from the archive's files as they are read: NewBuilder for a new
// index, Catalog.Builder for an index changed in place, whose unchanged documents come from the
// catalog before. The caller hands it what reading each file gave (Read), asks for the ids once
// all are read (AssignIDs, Document), indexes the documents under them (Final), and takes the
// catalog.
type Builder struct {
	reg      *registry.Registry
	files    []load.File
	problems []index.Problem // the listing's, before the files' own
	ents     []*entry
	speakers [][]index.ActorInfo // by file: its speakers the registry does not know
	skipped  map[int]string      // by file: why it cannot be served
	old      *Catalog            // the catalog of the index being changed; nil for a new one

	asg    []docID
	shared map[string]bool
}

// NewBuilder starts the catalog of a new index of files; problems are the files the listing
// skipped.
func NewBuilder(reg *registry.Registry, files []load.File, problems []index.Problem) *Builder {
	return &Builder{
		reg: reg, files: files, problems: problems,
		ents: make([]*entry, len(files)), speakers: make([][]index.ActorInfo, len(files)), skipped: map[int]string{},
	}
}

// Builder starts the catalog of c's index changed in place: files is the archive's new list,
// its unchanged files as c has them. Only the files added or changed, and those that share a
// plain id with one, are read again (Read); the other documents are c's.
func (c *Catalog) Builder(files []load.File, problems []index.Problem) *Builder {
	b := NewBuilder(c.reg, files, problems)
	b.old = c
	return b
}

// Read takes what reading file i gave: its content's hash, and its article under its plain
// ids, whose plain id and the key of its text (ids.go) the file is given; or why it cannot be
// served.
func (b *Builder) Read(i int, l load.Loaded) {
	f := &b.files[i]
	f.Hash = l.Hash
	if l.Err != nil {
		f.Plain, f.Text = "", 0
		b.skipped[i] = l.Err.Error()
		return
	}
	art := l.Article
	f.Plain, f.Text = art.ID, textKey(art)
	b.ents[i] = entryOf(art, l.Sketches)
	b.speakers[i] = unknownSpeakers(art, b.reg)
}

// AssignIDs gives every file read its document's id, once all are read (ids.go).
func (b *Builder) AssignIDs() {
	b.asg = assignIDs(b.files)
	if b.old != nil {
		// The unchanged documents, as the catalog before has them.
		quotesOf := make(map[int][]QuoteRef, len(b.old.Articles))
		for _, q := range b.old.Quotes {
			quotesOf[q.Article] = append(quotesOf[q.Article], q)
		}
		for i, f := range b.files {
			if b.ents[i] == nil && b.asg[i].primary == i && f.Article != "" {
				oi := b.old.byID[f.Article]
				b.ents[i] = &entry{sum: b.old.Articles[oi], quotes: quotesOf[oi], final: true}
			}
		}
	}
	b.shared = sharedOf(b.asg, b.ents)
}

// Document returns the id of the document file i is served as ("" for a file not served), and
// whether the file is the document's first, the one it is read from and indexed.
func (b *Builder) Document(i int) (id string, first bool) {
	d := b.asg[i]
	return d.id, d.served() && d.primary == i
}

// QuoteIDs returns the plain ids of the quotes of the article added from file i.
func (b *Builder) QuoteIDs(i int) []string {
	var out []string
	for _, q := range b.ents[i].quotes {
		out = append(out, q.ID)
	}
	return out
}

// Final gives an article read from its file (with plain ids) the ids of its document, id.
func (b *Builder) Final(art *index.Article, id string) {
	finalise(art, id, func(q string) bool { return b.shared[q] })
}

// Catalog returns the catalog of the files, finished: every document once, in file order.
func (b *Builder) Catalog() *Catalog {
	c := &Catalog{Problems: b.problems}
	at := map[string]int{}         // an unregistered speaker's place in Extra
	reasons := map[string]string{} // the catalog before's skipped files
	if b.old != nil {
		for _, e := range b.old.Extra {
			e.Roles = slices.Clone(e.Roles) // titles are added to the copy, not the catalog serving
			at[e.ID] = len(c.Extra)
			c.Extra = append(c.Extra, e)
		}
		for _, p := range b.old.Problems {
			reasons[p.Path] = p.Reason
		}
	}
	for i, f := range b.files {
		for _, e := range b.speakers[i] {
			k, ok := at[e.ID]
			if !ok {
				at[e.ID] = len(c.Extra)
				c.Extra = append(c.Extra, e)
				continue
			}
			for _, r := range e.Roles {
				addTitle(&c.Extra[k], r.Title, r.From, r.To)
			}
		}
		if f.Plain != "" {
			continue
		}
		if reason, ok := b.skipped[i]; ok {
			c.Problems = append(c.Problems, index.Problem{Path: f.Path, Reason: reason})
		} else if b.old != nil {
			c.Problems = append(c.Problems, index.Problem{Path: f.Path, Reason: reasons[f.Path]})
		}
	}
	c.assemble(b.files, b.asg, b.ents, b.shared)
	c.Files = b.files
	c.Finish(b.reg)
	return c
}

// Stale returns the ids of the documents of the plain ids given, and of their quotes: what an
// index changed in place deletes before those plain ids' documents are indexed again.
func (c *Catalog) Stale(plain map[string]bool) (articles, quotes []string) {
	for _, s := range c.Articles {
		if p, _ := SplitID(s.ID); plain[p] {
			articles = append(articles, s.ID)
		}
	}
	for _, q := range c.Quotes {
		if p, _ := SplitID(c.Articles[q.Article].ID); plain[p] {
			quotes = append(quotes, q.ID)
		}
	}
	return articles, quotes
}
