package echo

import (
	"slices"
	"sync"
)

// SampleSize is how many of a statement's word pairs its sketch keeps: all of them for a short
// statement, the same random-looking choice of them for a long one (the pairs of smallest hash,
// a bottom-k sample). A text that holds a statement holds every pair of its sample, and one that
// holds a share of it holds about that share of the sample, so the share is estimated from a
// sketch of bounded size, whatever the statement's length.
const SampleSize = 48

// MinWords is the fewest words a statement has: below it, nothing is linked.
const MinWords = 4

// Sketch is what is kept of a statement to find it elsewhere.
type Sketch struct {
	Words   int32    // its words
	Pairs   int32    // its distinct pairs of words
	Content int32    // its words that are not stopwords
	Sample  []uint32 // hashes of its pairs of words, sorted: all of them, or the SampleSize smallest
	// Context is, for a short statement (ShortPairs or fewer), a sample of the particular words
	// around it (ContextWords either side, not its own, no stopwords): the ContextSize smallest
	// hashes. Two texts that use a short statement of the same thing speak of the same things
	// around it; a formula or a slogan is used around anything.
	Context []uint32
}

// Linkable reports whether the statement is long and particular enough to be looked for:
// four words at least, three of them more than stopwords, unless it is long.
func (s Sketch) Linkable() bool {
	return s.Words >= MinWords && (s.Content >= 3 || s.Words >= 12) && len(s.Sample) >= 3
}

// Exact reports whether the sample is every pair of the statement (a short statement).
func (s Sketch) Exact() bool { return int(s.Pairs) == len(s.Sample) }

// ContextWords is how many words either side of a statement are its context.
const ContextWords = 40

// ContextSize is how many of the context's words a sketch keeps.
const ContextSize = 32

var readers = sync.Pool{New: func() any { return new(Reader) }}

// NewSketch sketches a statement alone, without its context.
func NewSketch(text string) Sketch {
	r := readers.Get().(*Reader)
	defer readers.Put(r)
	r.Read(text)
	s := r.Sketch(0, r.Len())
	s.Context = nil
	return s
}

// Sketch sketches the words [i, j) of the text read as a statement, with its context from the
// words around it.
func (r *Reader) Sketch(i, j int) Sketch {
	i, j = max(i, 0), min(j, r.Len())
	if i >= j {
		return Sketch{}
	}
	pairs := r.Pairs(i, j)
	s := Sketch{Words: int32(j - i), Pairs: int32(len(pairs))}
	for _, h := range r.hashes[i:j] {
		if !stopHashes[h] {
			s.Content++
		}
	}
	s.Sample = slices.Clone(pairs[:min(len(pairs), SampleSize)])
	if s.Pairs <= ShortPairs {
		s.Context = r.context(i, j, nil, ContextSize)
	}
	return s
}

// context returns the distinct hashes of the particular words (not contextSkip) within
// ContextWords of the words [i, j), not among those words, sorted; the keep smallest.
func (r *Reader) context(i, j int, out []uint32, keep int) []uint32 {
	out = out[:0]
	own := r.hashes[i:j]
	add := func(lo, hi int) {
		for _, h := range r.hashes[max(lo, 0):min(hi, len(r.hashes))] {
			if !contextSkip[h] && !slices.Contains(own, h) {
				out = append(out, uint32(h>>32)^uint32(h))
			}
		}
	}
	add(i-ContextWords, i)
	add(j, j+ContextWords)
	slices.Sort(out)
	out = slices.Compact(out)
	return out[:min(len(out), keep)]
}

// ContextShared returns how many of a statement's context words are found within ContextWords
// of the words [i, j) of the text read.
func (r *Reader) ContextShared(ctx []uint32, i, j int) int {
	if len(ctx) == 0 {
		return 0
	}
	r.ctx = r.context(i, j, r.ctx, 1<<30)
	n := 0
	for _, h := range ctx {
		if _, ok := slices.BinarySearch(r.ctx, h); ok {
			n++
		}
	}
	return n
}

// hashWord is FNV-1a of the word, 64 bits: the same in every process, since sketches are kept on
// disk with the index.
func hashWord(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

func hashBytes(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// pairHash mixes two words' hashes into 32 bits (the finaliser of SplitMix64).
func pairHash(a, b uint64) uint32 {
	x := a*0x9e3779b97f4a7c15 ^ (b + 0x632be59bd9b4e019)
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return uint32(x)
}

// Pairs returns the distinct hashes of a text's pairs of consecutive words, unsorted.
func Pairs(words []string) []uint32 {
	if len(words) < 2 {
		return nil
	}
	out := make([]uint32, 0, len(words)-1)
	seen := make(map[uint32]struct{}, len(words))
	prev := hashWord(words[0])
	for _, w := range words[1:] {
		h := hashWord(w)
		p := pairHash(prev, h)
		prev = h
		if _, ok := seen[p]; ok {
			continue
		}
		seen[p] = struct{}{}
		out = append(out, p)
	}
	return out
}

// Reader reads texts into hashed words, to count statements' pairs in them and in stretches of
// them without reading a stretch again. A reader is used by one goroutine at a time, and reused
// from text to text.
type Reader struct {
	sc     scratch
	hashes []uint64
	starts []int32
	ends   []int32
	pairs  []uint32
	ctx    []uint32
	seq    []uint32 // the pair ending at each word (0 for the first)
}

// Read reads a text.
func (r *Reader) Read(text string) {
	r.hashes, r.starts, r.ends = r.hashes[:0], r.starts[:0], r.ends[:0]
	r.sc.words(text, func(w []byte, start, end int) {
		r.hashes = append(r.hashes, hashBytes(w))
		r.starts = append(r.starts, int32(start))
		r.ends = append(r.ends, int32(end))
	})
}

// Len returns the number of words read.
func (r *Reader) Len() int { return len(r.hashes) }

// PairSeq returns the hash of the pair of words ending at each word of the text read (the first
// word's is 0), in order: a text's pairs with their places, computed once; valid until the next
// Read.
func (r *Reader) PairSeq() []uint32 {
	r.seq = r.seq[:0]
	for k := range r.hashes {
		if k == 0 {
			r.seq = append(r.seq, 0)
			continue
		}
		r.seq = append(r.seq, pairHash(r.hashes[k-1], r.hashes[k]))
	}
	return r.seq
}

// Span returns the words [i, j) that lie within the bytes [start, end) of the text read.
func (r *Reader) Span(start, end int) (i, j int) {
	i, _ = slices.BinarySearch(r.starts, int32(start))
	j = i
	for j < len(r.ends) && r.ends[j] <= int32(end) {
		j++
	}
	return i, j
}

// Pairs returns the distinct hashes of the pairs of words [i, j), sorted; valid until the next
// call.
func (r *Reader) Pairs(i, j int) []uint32 {
	r.pairs = r.pairs[:0]
	for k := i + 1; k < j; k++ {
		r.pairs = append(r.pairs, pairHash(r.hashes[k-1], r.hashes[k]))
	}
	slices.Sort(r.pairs)
	r.pairs = slices.Compact(r.pairs)
	return r.pairs
}
