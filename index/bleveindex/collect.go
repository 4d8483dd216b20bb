package bleveindex

import (
	"context"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"
)

// A search reads from bleve only the documents it matches and their scores: the order of its
// hits and its facets come from the caller's catalog, which numbers its documents itself.
// Numbering turns bleve's numbers into the catalog's; Collect hands every match to the caller
// as bleve's matching and scoring find it.

// noDoc is the number of a document the catalog does not have (a document indexed in the
// instant before its catalog replaces the old one): it is not handed on.
const noDoc = ^uint32(0)

// Numbering turns the numbers bleve gives documents into a catalog's numbers. A snapshot of
// the index numbers its segments' documents one segment after the other; segments never
// change once written, so what each holds is worked out once, by the ids it stores, and kept
// for the catalog's life.
type Numbering struct {
	doc func(id string, quote bool) (uint32, bool) // the catalog's number of an article's or a quote's id

	mu   sync.Mutex
	segs map[any][]uint32 // a segment of the index → its documents' catalog numbers
}

// NewNumbering returns the numbering of a catalog that numbers an article or a quote by its
// id with doc.
func NewNumbering(doc func(id string, quote bool) (uint32, bool)) *Numbering {
	return &Numbering{doc: doc, segs: map[any][]uint32{}}
}

// docOf is the catalog number of a bleve document id, noDoc for one the catalog does not have.
func (n *Numbering) docOf(id string) uint32 {
	if rest, ok := strings.CutPrefix(id, articlePrefix); ok {
		if d, ok := n.doc(rest, false); ok {
			return d
		}
	} else if rest, ok := strings.CutPrefix(id, quotePrefix); ok {
		if d, ok := n.doc(rest, true); ok {
			return d
		}
	}
	return noDoc
}

// docMap is a Numbering for one snapshot of the index.
type docMap struct {
	offsets []uint64 // the first number of each segment
	docs    [][]uint32
	reader  bindex.IndexReader // for an index of another kind: ids read one by one
	n       *Numbering
	seg     int // the segment of the last number asked: matches come in order
}

func (n *Numbering) snapshot(r bindex.IndexReader) *docMap {
	m := &docMap{n: n, reader: r}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return m
	}
	segs := snap.Segments()
	n.mu.Lock()
	defer n.mu.Unlock()
	var running uint64
	for _, ss := range segs {
		seg := ss.Segment()
		docs, ok := n.segs[seg]
		if !ok {
			docs = make([]uint32, seg.Count())
			for k := range docs {
				docs[k] = noDoc
				if id, err := seg.DocID(uint64(k)); err == nil && id != nil {
					docs[k] = n.docOf(string(id))
				}
			}
			n.segs[seg] = docs
		}
		m.offsets = append(m.offsets, running)
		m.docs = append(m.docs, docs)
		running += seg.Count()
	}
	// Segments merged away are forgotten.
	if len(n.segs) > 2*len(segs)+8 {
		keep := make(map[any][]uint32, len(segs))
		for _, ss := range segs {
			keep[ss.Segment()] = n.segs[ss.Segment()]
		}
		n.segs = keep
	}
	return m
}

// doc returns the catalog number of a document matched.
func (m *docMap) doc(id bindex.IndexInternalID) uint32 {
	if m.offsets == nil {
		ext, err := m.reader.ExternalID(id)
		if err != nil {
			return noDoc
		}
		return m.n.docOf(ext)
	}
	n := id.Value()
	if !m.in(m.seg, n) {
		lo, hi := 0, len(m.offsets)
		for lo < hi { // the last segment starting at or before n
			mid := (lo + hi) / 2
			if m.offsets[mid] <= n {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		m.seg = lo - 1
		if m.seg < 0 {
			return noDoc
		}
	}
	local := n - m.offsets[m.seg]
	if local >= uint64(len(m.docs[m.seg])) {
		return noDoc
	}
	return m.docs[m.seg][local]
}

func (m *docMap) in(seg int, n uint64) bool {
	return n >= m.offsets[seg] && n-m.offsets[seg] < uint64(len(m.docs[seg]))
}

// Collect runs a query and calls add with the catalog number and the score of every document
// it matches that the catalog has, in the order bleve finds them; it returns the number of
// matches.
func (x *Index) Collect(ctx context.Context, q *Query, n *Numbering, add func(doc uint32, score float64)) (int, error) {
	return x.collect(ctx, q, n, true, add)
}

// CountOf returns the number of documents a query matches that keep, given their catalog
// numbers, keeps; they are not scored.
func (x *Index) CountOf(ctx context.Context, q *Query, n *Numbering, keep func(doc uint32) bool) (int, error) {
	count := 0
	_, err := x.collect(ctx, q, n, false, func(doc uint32, _ float64) {
		if keep(doc) {
			count++
		}
	})
	return count, err
}

func (x *Index) collect(ctx context.Context, q *Query, n *Numbering, score bool, add func(doc uint32, score float64)) (int, error) {
	handler := func(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
		docs := n.snapshot(sctx.IndexReader)
		return func(d *search.DocumentMatch) error {
			if d == nil {
				return nil
			}
			doc, score := docs.doc(d.IndexInternalID), d.Score
			sctx.DocumentMatchPool.Put(d)
			if doc != noDoc {
				add(doc, score)
			}
			return nil
		}, false, nil
	}
	ctx = context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, search.MakeDocumentMatchHandler(handler))
	req := bleve.NewSearchRequestOptions(q.q, 0, 0, false)
	if !score {
		req.Score = bleve.ScoreNone
	}
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return 0, err
	}
	return int(res.Total), nil
}

// Count returns the number of documents a query matches, without scoring them.
func (x *Index) Count(ctx context.Context, q *Query) (int, error) {
	req := bleve.NewSearchRequestOptions(q.q, 0, 0, false)
	req.Score = bleve.ScoreNone
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return 0, err
	}
	return int(res.Total), nil
}

// Warm maps the index's segments for a numbering in the background, so that the first search
// of a catalog does not wait for it. It maps them through a search that matches nothing: bleve
// holds the index open for it.
func (x *Index) Warm(n *Numbering) {
	go func() {
		_, _ = x.Collect(context.Background(), &Query{bleve.NewMatchNoneQuery()}, n, func(uint32, float64) {}) // a closed index maps nothing
	}()
}
