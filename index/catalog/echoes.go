package catalog

import (
	"cmp"
	"slices"
	"sync"
	"time"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/echo"
	"github.com/readout/readout/index/registry"
)

// The same statement elsewhere (index/echo): the catalog keeps what the archive's scans of its
// documents found (EchoFound, saved with it), and chooses the links from those records by the
// rules of a link (echo.Choose) once, when first asked for, so that a warm start applies the
// rules of the running version. The scans themselves read the documents' text, which the
// catalog does not hold: package archive makes them (its echoes.go).

// EchoLink is a quote's statement found in another text of the archive.
type EchoLink struct {
	Quote    int32 // the quote, by its place in the catalog
	Other    int32 // the other quote, or -1 for the text of a document that does not quote it
	Article  int32 // the other text's document
	Share    float32
	Verbatim bool
	// Repeated is set when the other text is its speaker's own words on another occasion (a
	// stump line at two rallies, talking points at two briefings), not a report or a copy of
	// the occasion the quote is from (said again).
	Repeated bool
}

// SetEchoFound replaces what the scans found; the links are chosen from it again.
func (c *Catalog) SetEchoFound(found []echo.Link) {
	c.EchoFound, c.echoOnce = found, sync.Once{}
}

// FirstQuotes returns where each document's quotes begin in Quotes, and, last, len(Quotes): the
// quotes of document i are Quotes[f[i]:f[i+1]] (assemble keeps them together, in order).
func (c *Catalog) FirstQuotes() []int {
	f := make([]int, len(c.Articles)+1)
	for i := range f {
		f[i] = len(c.Quotes)
	}
	for i := len(c.Quotes) - 1; i >= 0; i-- {
		f[c.Quotes[i].Article] = i
	}
	for i := len(c.Articles) - 1; i >= 0; i-- {
		f[i] = min(f[i], f[i+1])
	}
	return f
}

// KeptEchoes returns the records of old, the catalog an update replaces, between documents the
// update did not read again (reread, by path), in c's places, and the documents of c to scan:
// those read again, and any old did not have under the same path and id.
func (c *Catalog) KeptEchoes(old *Catalog, firstQuote []int, reread func(path string) bool) (kept []echo.Link, fresh []int) {
	byPath := make(map[string]int, len(c.Articles))
	isFresh := make([]bool, len(c.Articles))
	for ai, s := range c.Articles {
		byPath[s.Path] = ai
		isFresh[ai] = reread(s.Path)
	}
	// An old document's place in the new catalog, or -1 when it was read again or is gone.
	docOf := make([]int32, len(old.Articles))
	seen := make([]bool, len(c.Articles))
	for oi, s := range old.Articles {
		ai, ok := byPath[s.Path]
		if !ok || isFresh[ai] || c.Articles[ai].ID != s.ID {
			docOf[oi] = -1
			continue
		}
		docOf[oi] = int32(ai)
		seen[ai] = true
	}
	for ai := range c.Articles {
		if !seen[ai] {
			fresh = append(fresh, ai)
		}
	}
	quoteOf := func(oq int32) int32 {
		if oq < 0 || int(oq) >= len(old.Quotes) {
			return -1
		}
		r := old.Quotes[oq]
		d := docOf[r.Article]
		if d < 0 {
			return -1
		}
		qi := firstQuote[d] + r.Index
		if qi >= firstQuote[d+1] || c.Quotes[qi].ID != r.ID {
			return -1
		}
		return int32(qi)
	}
	for _, l := range old.EchoFound {
		st := quoteOf(l.Statement)
		if st < 0 || l.Document < 0 || int(l.Document) >= len(docOf) || docOf[l.Document] < 0 {
			continue
		}
		l.Statement, l.Document = st, docOf[l.Document]
		if l.Other >= 0 {
			if l.Other = quoteOf(l.Other); l.Other < 0 {
				continue
			}
		}
		kept = append(kept, l)
	}
	return kept, fresh
}

// NearDocuments returns the documents not fresh dated within echo.Reach days of one of the
// fresh ones: those that may hold their statements.
func (c *Catalog) NearDocuments(fresh []int, isFresh []bool) []int {
	type span struct{ from, to time.Time }
	var spans []span
	reach := time.Duration(echo.Reach+1) * 24 * time.Hour
	for _, ai := range fresh {
		if d := c.Articles[ai].Date; !d.IsZero() {
			spans = append(spans, span{d.Start().Add(-reach), d.End().Add(reach)})
		}
	}
	slices.SortFunc(spans, func(x, y span) int { return x.from.Compare(y.from) })
	var merged []span
	for _, s := range spans {
		if n := len(merged); n > 0 && !s.from.After(merged[n-1].to) {
			if s.to.After(merged[n-1].to) {
				merged[n-1].to = s.to
			}
			continue
		}
		merged = append(merged, s)
	}
	var out []int
	for ai, s := range c.Articles {
		if isFresh[ai] || s.Date.IsZero() {
			continue
		}
		from, to := s.Date.Start(), s.Date.End()
		// The last span that starts before the document ends is the only one it may meet.
		k, _ := slices.BinarySearchFunc(merged, to, func(x span, t time.Time) int {
			if x.from.After(t) {
				return 1
			}
			return -1
		})
		if k > 0 && !merged[k-1].to.Before(from) {
			out = append(out, ai)
		}
	}
	return out
}

// EchoLinks returns every quote's links, by quote (chosen once).
func (c *Catalog) EchoLinks() []EchoLink {
	c.echoOnce.Do(func() {
		c.echoes = chooseEchoes(c, c.EchoFound)
		c.echoFrom = make(map[int32][2]int, len(c.echoes)/2)
		for i := 0; i < len(c.echoes); {
			j := i
			for j < len(c.echoes) && c.echoes[j].Quote == c.echoes[i].Quote {
				j++
			}
			c.echoFrom[c.echoes[i].Quote] = [2]int{i, j}
			i = j
		}
	})
	return c.echoes
}

// chooseEchoes applies the rules of a link to the records: each quote's links, chosen; a link
// between two quotes is both quotes'.
func chooseEchoes(c *Catalog, found []echo.Link) []EchoLink {
	// Documents within a year of a statement that hold it in their text, and those within a
	// month where the words around it agree: a formula or boilerplate when many hold it.
	holding, agreeing := make(map[int32]int), make(map[int32]int)
	for _, l := range found {
		s := c.Quotes[l.Statement].Sketch
		if l.Other < 0 && l.GapDays >= 0 && float64(l.Share) >= echo.Need(s)-1e-6 {
			holding[l.Statement]++
			if l.GapDays <= echo.NearDays && int(l.Context) >= echo.ContextNeed(s) {
				agreeing[l.Statement]++
			}
		}
	}
	byStatement := slices.Clone(found)
	slices.SortFunc(byStatement, func(x, y echo.Link) int { return cmp.Compare(x.Statement, y.Statement) })
	pairs := map[[2]int32]EchoLink{}
	var out []EchoLink
	for i := 0; i < len(byStatement); {
		j := i
		for j < len(byStatement) && byStatement[j].Statement == byStatement[i].Statement {
			j++
		}
		q := byStatement[i].Statement
		if int(q) >= len(c.Quotes) {
			break // not this catalog's: a catalog on disk that does not match
		}
		for _, l := range echo.Choose(c.Quotes[q].Sketch, othersText(byStatement[i:j]), holding[q], agreeing[q]) {
			// Words the texts give no one, or only a role without a name, are nobody's statement
			// that the archive can name (a term, the text an order inserts in a law, a tariff
			// schedule's heading; a call's moderator, who opens every call alike and may be
			// anyone at each): linked only to a quote of someone named.
			if !c.named(q) && (l.Other < 0 || !c.named(l.Other)) || c.term(q) {
				continue
			}
			e := EchoLink{Quote: q, Other: l.Other, Article: l.Document, Share: l.Share, Verbatim: l.Verbatim}
			if l.Other < 0 {
				out = append(out, e)
				continue
			}
			key := [2]int32{min(e.Quote, e.Other), max(e.Quote, e.Other)}
			if p, ok := pairs[key]; ok {
				p.Share = max(p.Share, e.Share)
				p.Verbatim = p.Verbatim || e.Verbatim
				pairs[key] = p
				continue
			}
			pairs[key] = e
		}
		i = j
	}
	for key, l := range pairs {
		out = append(out,
			EchoLink{Quote: key[0], Other: key[1], Article: int32(c.Quotes[key[1]].Article), Share: l.Share, Verbatim: l.Verbatim},
			EchoLink{Quote: key[1], Other: key[0], Article: int32(c.Quotes[key[0]].Article), Share: l.Share, Verbatim: l.Verbatim})
	}
	// One link by document, as echo.Choose keeps for a quote's own: a link between two quotes
	// is both quotes', chosen from either side, so a quote may be linked to two quotes of one
	// document (a report that cuts a passage in two) or to a quote and to the text around it.
	// The quote of the most words in common is kept, before the text.
	slices.SortFunc(out, func(x, y EchoLink) int {
		return cmp.Or(cmp.Compare(x.Quote, y.Quote), cmp.Compare(x.Article, y.Article),
			echo.TrueFirst(x.Other >= 0, y.Other >= 0), cmp.Compare(y.Share, x.Share), cmp.Compare(x.Other, y.Other))
	})
	out = slices.CompactFunc(out, func(x, y EchoLink) bool { return x.Quote == y.Quote && x.Article == y.Article })
	markRepeated(c, out)
	return out
}

// CopyShare is the share of each of two documents' statements linked to the other above which
// they are copies of one occasion (one briefing filed under two dates or two titles, a speech as
// prepared and as delivered), not two occasions: a briefing filed twice links nearly every
// statement of each (at least 0.41 in the samples judged), two rallies of one stump speech a
// part of each (0.32 at most on one side).
const CopyShare = 0.4

// markRepeated tells, among links (one by quote and document), the speaker's own words
// said again on another occasion: both wordings their speaker's record (a turn or a whole
// statement; for a document's text, a document where the speaker has turns), by the same
// speaker, in two documents that are not copies of one occasion (CopyShare).
func markRepeated(c *Catalog, links []EchoLink) {
	// Each document's statements that can be linked, and how many of them are linked to each
	// other document.
	statements := make(map[int32]int)
	for qi := range c.Quotes {
		if q := &c.Quotes[qi]; !q.Procedural && q.Sketch.Linkable() && c.named(int32(qi)) {
			statements[int32(q.Article)]++
		}
	}
	linked := make(map[[2]int32]int)
	for _, l := range links {
		linked[[2]int32{int32(c.Quotes[l.Quote].Article), l.Article}]++
	}
	share := func(a, b int32) float64 {
		if statements[a] == 0 {
			return 0
		}
		return float64(linked[[2]int32{a, b}]) / float64(statements[a])
	}
	// Copies of one occasion: each with a good share of its statements linked to the other, or,
	// the same days, one all linked to the other (a speech as prepared, one whole statement, and
	// as delivered, in turns between the applause).
	copies := func(a, b int32) bool {
		x, y := share(a, b), share(b, a)
		if x >= CopyShare && y >= CopyShare {
			return true
		}
		gap := DayGap(c.Articles[a].Date, c.Articles[b].Date)
		return gap >= 0 && gap <= echo.EventDays && max(x, y) >= 1
	}
	for i := range links {
		l := &links[i]
		q := &c.Quotes[l.Quote]
		a := int32(q.Article)
		if !q.Turn || copies(a, l.Article) {
			continue
		}
		if l.Other >= 0 {
			o := &c.Quotes[l.Other]
			l.Repeated = o.Turn && sameSpeaker(q.Speakers, o.Speakers)
			continue
		}
		l.Repeated = c.speaksIn(q.Speakers, int(l.Article))
	}
}

func sameSpeaker(a, b []string) bool {
	return slices.ContainsFunc(a, func(x string) bool { return slices.Contains(b, x) })
}

// speaksIn reports whether one of speakers has a turn or a whole statement in a document.
func (c *Catalog) speaksIn(speakers []string, ai int) bool {
	qi, _ := slices.BinarySearchFunc(c.Quotes, ai, func(q QuoteRef, ai int) int { return cmp.Compare(q.Article, ai) })
	for ; qi < len(c.Quotes) && c.Quotes[qi].Article == ai; qi++ {
		if c.Quotes[qi].Turn && sameSpeaker(speakers, c.Quotes[qi].Speakers) {
			return true
		}
	}
	return false
}

// othersText returns a statement's records, a document's text counted as the quote it lies in
// when one of its quotes holds it: the text of someone else's quote is someone else's words,
// which a statement of its length is not linked to (echo.Accept). A union's post on a nominee
// was linked to the press secretary's briefing, whose own turn said the same talking point. The
// records are sorted anew.
func othersText(records []echo.Link) []echo.Link {
	others := map[int32]bool{}
	for _, l := range records {
		if l.Other >= 0 && l.OtherSpeaker {
			others[l.Document] = true
		}
	}
	if len(others) == 0 {
		return records
	}
	out := records[:0:0]
	for _, l := range records {
		if l.Other < 0 && others[l.Document] {
			l.OtherSpeaker = true
		}
		out = append(out, l)
	}
	return out
}

// term reports whether a quote is a few words in quotation marks that the text gives no one (a
// short statement: echo.ShortPairs): a term or a title ("tactics, techniques, and procedures" in
// a fact sheet, which a joint statement of the same day uses too; a law's name, which the
// President's statement on signing it gives), not a statement the archive can say is anyone's:
// its own links are not chosen (a campaign promise listed without its speaker is lost with
// them). A named statement held within it is still linked to it (a summit's summary that
// quotes the President's sentence).
func (c *Catalog) term(q int32) bool {
	r := &c.Quotes[q]
	return len(r.Speakers) == 0 && r.Sketch.Pairs <= echo.ShortPairs
}

// named reports whether a quote has a speaker the archive can name: a registered actor or a
// name the text gives, not a role without a name ("MODERATOR", "SENIOR ADMINISTRATION
// OFFICIAL").
func (c *Catalog) named(q int32) bool {
	for _, id := range c.Quotes[q].Speakers {
		if info := c.actors[id]; info == nil || info.Kind != string(registry.Unnamed) {
			return true
		}
	}
	return false
}

// echoesOf returns a quote's links, by its place in the catalog.
func (c *Catalog) echoesOf(qi int) []EchoLink {
	c.EchoLinks()
	r, ok := c.echoFrom[int32(qi)]
	if !ok {
		return nil
	}
	return c.echoes[r[0]:r[1]]
}

// Echoes returns where else a quote's statement is found: other quotes, and documents' texts
// that hold it without quoting it, the closest in time first.
func (c *Catalog) Echoes(id string) ([]index.Echo, error) {
	qi, err := c.ResolveQuote(id)
	if err != nil {
		return nil, err
	}
	links := c.echoesOf(qi)
	out := make([]index.Echo, 0, len(links))
	for _, l := range links {
		e := index.Echo{Article: c.canonicalSummary(c.Articles[l.Article]), Verbatim: l.Verbatim, Repeated: l.Repeated, Similarity: float64(l.Share)}
		if l.Other >= 0 {
			e.Quote = c.Quotes[l.Other].ID
		}
		out = append(out, e)
	}
	date := c.Articles[c.Quotes[qi].Article].Date
	slices.SortStableFunc(out, func(x, y index.Echo) int {
		return cmp.Or(cmp.Compare(dayGapOr(date, x.Article.Date), dayGapOr(date, y.Article.Date)),
			cmp.Compare(y.Similarity, x.Similarity))
	})
	return out, nil
}

// EchoCounts returns, for each quote of an article that is found elsewhere, in how many places.
func (c *Catalog) EchoCounts(articleID string) (map[string]int, error) {
	ai, err := c.ResolveArticle(articleID)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	qi, _ := slices.BinarySearchFunc(c.Quotes, ai, func(q QuoteRef, ai int) int { return cmp.Compare(q.Article, ai) })
	for ; qi < len(c.Quotes) && c.Quotes[qi].Article == ai; qi++ {
		if n := len(c.echoesOf(qi)); n > 0 {
			out[c.Quotes[qi].ID] = n
		}
	}
	return out, nil
}

// EchoedQuotes returns the ids of the quotes found elsewhere, in the catalog's order: a frame to
// draw samples of links from (scripts/echosample).
func (c *Catalog) EchoedQuotes() []string {
	var out []string
	links := c.EchoLinks()
	for i, l := range links {
		if i == 0 || links[i-1].Quote != l.Quote {
			out = append(out, c.Quotes[l.Quote].ID)
		}
	}
	return out
}

// DayGap is the number of days between two dates' periods (0 when they overlap), or -1 when one
// is unknown.
func DayGap(x, y index.Date) int {
	if x.IsZero() || y.IsZero() {
		return -1
	}
	xs, xe, ys, ye := x.Start(), x.End(), y.Start(), y.End()
	switch {
	case xe.Before(ys):
		return int(ys.Sub(xe).Hours() / 24)
	case ye.Before(xs):
		return int(xs.Sub(ye).Hours() / 24)
	}
	return 0
}

func dayGapOr(x, y index.Date) int {
	if g := DayGap(x, y); g >= 0 {
		return g
	}
	return 1 << 30
}
