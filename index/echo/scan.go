package echo

import (
	"cmp"
	"slices"
)

// MaxPosting bounds how many statements one pair of words may point to: a pair that more
// statements sample ("of the", "will not") says little about which statement a text holds: it
// is common. It also bounds the work: each pair of a text counts for at most this many
// statements. A common pair still counts for a statement found by its particular pairs (see
// Scanner.Scan), and a statement made only of common pairs is a formula, never found.
const MaxPosting = 64

// Index finds, for a text, the statements whose sampled pairs it holds.
type Index struct {
	rare     table   // pair → its place in keys, for the particular pairs
	offsets  []int32 // postings of keys[i]: postings[offsets[i]:offsets[i+1]]
	postings []int32
	common   table // the pairs left out as common
	sketches []Sketch
	sample   []int32 // by statement: how many of its sampled pairs are particular
}

// table is a set of pair hashes, each with a number: open addressing, no deletion.
type table struct {
	slots []int32 // 1 + the index of a key in keys, 0 for an empty slot
	keys  []uint32
	mask  uint32
}

func newTable(keys []uint32) table {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	t := table{slots: make([]int32, size), keys: keys, mask: uint32(size - 1)}
	for i, k := range keys {
		s := k & t.mask
		for t.slots[s] != 0 {
			s = (s + 1) & t.mask
		}
		t.slots[s] = int32(i + 1)
	}
	return t
}

// find returns the number of a key, or -1.
func (t *table) find(k uint32) int {
	if len(t.slots) == 0 {
		return -1
	}
	for s := k & t.mask; ; s = (s + 1) & t.mask {
		i := t.slots[s]
		if i == 0 {
			return -1
		}
		if t.keys[i-1] == k {
			return int(i - 1)
		}
	}
}

// NewIndex indexes the samples of the statements (by their place in sketches) for which want is
// true (nil: all); those not Linkable are left out. Common pairs are told by all the
// statements, wanted or not, so that an index of a few statements (an update's) counts pairs as
// an index of all does.
func NewIndex(sketches []Sketch, want func(int) bool) *Index {
	// Each sampled pair with its statement, packed in one word to sort fast: the key above.
	var all []uint64
	for i, s := range sketches {
		if !s.Linkable() {
			continue
		}
		for _, k := range s.Sample {
			all = append(all, uint64(k)<<32|uint64(i))
		}
	}
	slices.Sort(all)
	key := func(e uint64) uint32 { return uint32(e >> 32) }
	id := func(e uint64) int32 { return int32(uint32(e)) }
	ix := &Index{sketches: sketches, sample: make([]int32, len(sketches)), offsets: []int32{0}}
	var rare, common []uint32
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && key(all[j]) == key(all[i]) {
			j++
		}
		if j-i > MaxPosting {
			common = append(common, key(all[i]))
			i = j
			continue
		}
		n := 0
		for _, e := range all[i:j] {
			ix.sample[id(e)]++
			if want == nil || want(int(id(e))) {
				ix.postings = append(ix.postings, id(e))
				n++
			}
		}
		if n > 0 {
			rare = append(rare, key(all[i]))
			ix.offsets = append(ix.offsets, int32(len(ix.postings)))
		}
		i = j
	}
	ix.rare, ix.common = newTable(rare), newTable(common)
	return ix
}

// Sample returns how many of a statement's sampled pairs are particular: what a text's count
// of them is measured against.
func (ix *Index) Sample(statement int) int { return int(ix.sample[statement]) }

func (ix *Index) lookup(k uint32) []int32 {
	i := ix.rare.find(k)
	if i < 0 {
		return nil
	}
	return ix.postings[ix.offsets[i]:ix.offsets[i+1]]
}

// Span is the stretch of words a statement's pairs must be found within: its length and half
// again, for words an editor adds.
func Span(s Sketch) int { return int(s.Words) + int(s.Words)/2 + 4 }

// Found is a statement some of whose sampled pairs a text holds together.
type Found struct {
	Statement int
	Rare      int // its particular sampled pairs found together
	All       int // all its sampled pairs found together, common ones too
	Lo, Hi    int // the words where the first and last of them end
	group     int
}

type hit struct {
	stmt int32
	pos  int32
	key  uint32
}

type keyPos struct {
	key uint32
	pos int32
}

// Scanner finds, text by text, the statements a text holds. A text's pairs are looked up once,
// each with its place; every count after that (within a quote of the text, together within a
// statement's span) is made from the places recorded, never by reading the text again. One
// scanner is used by one goroutine at a time, and reused from text to text.
type Scanner struct {
	ix      *Index
	counts  []int32 // by statement: hits in the text (then where its group starts)
	touched []int32
	hits    []hit // the text's hits, then grouped by statement
	grouped []hit
	groups  [][2]int32 // of grouped, by group: [from, to)
	commons []keyPos   // the common pairs of the text, by key then place
	found   []Found
	seen    []int32 // by sample index, while counting
}

// NewScanner returns a scanner of the index.
func (ix *Index) NewScanner() *Scanner {
	return &Scanner{ix: ix, counts: make([]int32, len(ix.sample))}
}

// Scan reads a text's pairs (PairSeq) and returns the statements of which it holds enough
// particular sampled pairs together (Particular), with how many of all their sampled pairs it holds
// with them; valid until the next call. The work is linear in the text and in its hits (each pair
// points to at most MaxPosting statements).
func (sc *Scanner) Scan(seq []uint32) []Found {
	sc.hits, sc.commons, sc.found = sc.hits[:0], sc.commons[:0], sc.found[:0]
	for pos, k := range seq {
		if pos == 0 {
			continue
		}
		for _, id := range sc.ix.lookup(k) {
			if sc.counts[id] == 0 {
				sc.touched = append(sc.touched, id)
			}
			sc.counts[id]++
			sc.hits = append(sc.hits, hit{id, int32(pos), k})
		}
		if sc.ix.common.find(k) >= 0 {
			sc.commons = append(sc.commons, keyPos{k, int32(pos)})
		}
	}
	slices.SortFunc(sc.commons, func(a, b keyPos) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.pos, b.pos)) })
	// Group the hits by statement (a counting sort: each group stays in text order), keeping
	// the statements hit twice at least.
	sc.groups = sc.groups[:0]
	n := int32(0)
	for _, id := range sc.touched {
		c := sc.counts[id]
		if c < 2 {
			sc.counts[id] = -1
			continue
		}
		sc.groups = append(sc.groups, [2]int32{n, n})
		sc.counts[id] = int32(len(sc.groups)) // 1 + its group
		n += c
	}
	sc.grouped = slices.Grow(sc.grouped[:0], int(n))[:n]
	for _, h := range sc.hits {
		if g := sc.counts[h.stmt]; g > 0 {
			at := &sc.groups[g-1][1]
			sc.grouped[*at] = h
			*at++
		}
	}
	for _, id := range sc.touched {
		sc.counts[id] = 0
	}
	sc.touched = sc.touched[:0]
	for g, r := range sc.groups {
		// Most statements a text touches share a pair or two with it: those that cannot hold
		// enough particular pairs are left before anything is counted.
		if !Particular(sc.ix.sketches[sc.grouped[r[0]].stmt], int(r[1]-r[0]), sc.ix.Sample(int(sc.grouped[r[0]].stmt))) {
			continue
		}
		if f := sc.count(g, 0, len(seq)); f.All > 0 {
			sc.found = append(sc.found, f)
		}
	}
	return sc.found
}

// Within counts a statement the last Scan found again, among the words [i, j) only (a quote of
// the text).
func (sc *Scanner) Within(f Found, i, j int) Found { return sc.count(f.group, i, j) }

// count finds where a statement's particular pairs come together most among the words [i, j),
// within its span, and, when they are enough, how many of its common pairs are found with them.
func (sc *Scanner) count(g, i, j int) Found {
	hits := sc.grouped[sc.groups[g][0]:sc.groups[g][1]]
	id := int(hits[0].stmt)
	s := sc.ix.sketches[id]
	f := Found{Statement: id, group: g}
	span := int32(Span(s))
	sc.seen = slices.Grow(sc.seen[:0], len(s.Sample))[:len(s.Sample)]
	clear(sc.seen)
	idx := func(k uint32) int { x, _ := slices.BinarySearch(s.Sample, k); return x }
	lo, distinct := 0, 0
	first := -1
	for k, h := range hits {
		if int(h.pos) < i+1 || int(h.pos) >= j {
			continue
		}
		if first < 0 {
			first, lo = k, k
		}
		if sc.seen[idx(h.key)]++; sc.seen[idx(h.key)] == 1 {
			distinct++
		}
		for h.pos-hits[lo].pos >= span {
			if sc.seen[idx(hits[lo].key)]--; sc.seen[idx(hits[lo].key)] == 0 {
				distinct--
			}
			lo++
		}
		if distinct > f.Rare {
			f.Rare, f.Lo, f.Hi = distinct, int(hits[lo].pos), int(h.pos)
		}
	}
	if !Particular(s, f.Rare, sc.ix.Sample(id)) {
		return f // not held: its common pairs are not counted (All is 0)
	}
	// The common pairs of its sample found in a span that holds the particular ones.
	from, to := max(int32(f.Hi)-span+1, int32(i+1)), min(int32(f.Lo)+span, int32(j))
	common := 0
	for _, k := range s.Sample {
		if sc.ix.common.find(k) < 0 {
			continue
		}
		x, _ := slices.BinarySearchFunc(sc.commons, keyPos{k, from}, func(a, b keyPos) int {
			return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.pos, b.pos))
		})
		if x < len(sc.commons) && sc.commons[x].key == k && sc.commons[x].pos < to {
			common++
		}
	}
	f.All = f.Rare + common
	return f
}
