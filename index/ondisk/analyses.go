package ondisk

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"os"
	"path/filepath"
	"reflect"
	"slices"
)

// The analyses file keeps, beside an index's catalog, each article file's analysis as it was
// when indexed, so that a page showing an article the cache of articles does not hold decodes
// it (tens of microseconds) instead of analysing its file again (a millisecond or more: under
// the soak, re-analysing hits' articles was two thirds of the server's CPU). An entry is found
// by the file's path and used only when the file's content hash is the one it was saved with:
// a file changed since (an update in place does not rewrite this file) is analysed again.
//
//	magic (16 bytes), schema (8: the hash of the value's type, as the catalog's)
//	each value: its encoding (codec.go, without a header)
//	the table: per entry, the hash of its path, its content hash, offset, length (8 bytes each)
//	and crc32c (4 bytes), sorted by path hash
//	the footer: the table's offset and its number of entries (8 bytes each), the table's crc32c
//
// It is read with pread, not mapped: a page of a mapping the kernel dropped is read back by a
// page fault, which stops the goroutine's thread with its processor; a read is a system call the
// scheduler works around.

const analysesFile = "analyses"

var analysesMagic = []byte("readout-analysed")

const (
	analysesHead  = 16 + 8
	analysesEntry = 8*4 + 4
	analysesFoot  = 8 + 8 + 4
)

type analysisEntry struct {
	key, hash uint64
	off, size uint64
	crc       uint32
}

func pathKey(path string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(path))
	return h.Sum64()
}

// AnalysesWriter writes an analyses file: Add each value, then Close.
type AnalysesWriter struct {
	f       *os.File
	w       *bufio.Writer
	c       *codec
	off     uint64
	entries []analysisEntry
}

// valueType is the type of v, or of what it points to.
func valueType(v any) reflect.Type {
	t := reflect.TypeOf(v)
	if t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// CreateAnalyses starts the analyses file of the index folder dir, for values of v's type (or
// of what v points to).
func CreateAnalyses(dir string, v any) (*AnalysesWriter, error) {
	c, err := codecOf(valueType(v))
	if err != nil {
		return nil, err
	}
	f, err := os.Create(filepath.Join(dir, analysesFile))
	if err != nil {
		return nil, err
	}
	w := &AnalysesWriter{f: f, w: bufio.NewWriterSize(f, 1<<20), c: c}
	w.w.Write(analysesMagic)
	w.w.Write(binary.LittleEndian.AppendUint64(nil, c.schema))
	w.off = analysesHead
	return w, nil
}

// Add saves v (or what it points to), the analysis of the file at path whose content hashes
// to hash.
func (w *AnalysesWriter) Add(path string, hash uint64, v any) error {
	rv := reflect.Indirect(reflect.ValueOf(v))
	if !rv.IsValid() || rv.Type() != w.c.typ {
		return fmt.Errorf("analyses: a %T among values of %s", v, w.c.typ)
	}
	body, err := encodeBody(w.c, rv)
	if err != nil {
		return err
	}
	if _, err := w.w.Write(body); err != nil {
		return err
	}
	w.entries = append(w.entries, analysisEntry{key: pathKey(path), hash: hash, off: w.off, size: uint64(len(body)), crc: crc32.Checksum(body, castagnoli)})
	w.off += uint64(len(body))
	return nil
}

// Close writes the table and syncs the file.
func (w *AnalysesWriter) Close() error {
	slices.SortFunc(w.entries, func(a, b analysisEntry) int { return compareKeys(a.key, b.key) })
	table := make([]byte, 0, len(w.entries)*analysesEntry)
	for _, e := range w.entries {
		for _, u := range []uint64{e.key, e.hash, e.off, e.size} {
			table = binary.LittleEndian.AppendUint64(table, u)
		}
		table = binary.LittleEndian.AppendUint32(table, e.crc)
	}
	foot := binary.LittleEndian.AppendUint64(nil, w.off)
	foot = binary.LittleEndian.AppendUint64(foot, uint64(len(w.entries)))
	foot = binary.LittleEndian.AppendUint32(foot, crc32.Checksum(table, castagnoli))
	w.w.Write(table)
	w.w.Write(foot)
	err := w.w.Flush()
	if err == nil {
		err = w.f.Sync()
	}
	return errors.Join(err, w.f.Close())
}

// Abort closes the file unfinished (its folder is being removed).
func (w *AnalysesWriter) Abort() { w.f.Close() }

func compareKeys(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Analyses is an analyses file open for reading; its methods may be called at once from any
// goroutine.
type Analyses struct {
	f       *os.File
	c       *codec
	entries []analysisEntry
}

// OpenAnalyses opens the analyses file of the index folder dir, saved with values of v's type;
// ErrLayout if they were of another layout.
func OpenAnalyses(dir string, v any) (*Analyses, error) {
	c, err := codecOf(valueType(v))
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, analysesFile))
	if err != nil {
		return nil, err
	}
	a, err := readAnalyses(f, c)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", analysesFile, err)
	}
	return a, nil
}

func readAnalyses(f *os.File, c *codec) (*Analyses, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := uint64(info.Size())
	damaged := errors.New("the file is cut short or damaged")
	if size < analysesHead+analysesFoot {
		return nil, damaged
	}
	head := make([]byte, analysesHead)
	foot := make([]byte, analysesFoot)
	if _, err := f.ReadAt(head, 0); err != nil {
		return nil, err
	}
	if _, err := f.ReadAt(foot, int64(size-analysesFoot)); err != nil {
		return nil, err
	}
	if string(head[:len(analysesMagic)]) != string(analysesMagic) {
		return nil, errors.New("not an analyses file")
	}
	if binary.LittleEndian.Uint64(head[len(analysesMagic):]) != c.schema {
		return nil, ErrLayout
	}
	off, n := binary.LittleEndian.Uint64(foot), binary.LittleEndian.Uint64(foot[8:])
	if off < analysesHead || off > size-analysesFoot || n != (size-analysesFoot-off)/analysesEntry || (size-analysesFoot-off)%analysesEntry != 0 {
		return nil, damaged
	}
	table := make([]byte, n*analysesEntry)
	if _, err := f.ReadAt(table, int64(off)); err != nil {
		return nil, err
	}
	if crc32.Checksum(table, castagnoli) != binary.LittleEndian.Uint32(foot[16:]) {
		return nil, damaged
	}
	entries := make([]analysisEntry, n)
	for i := range entries {
		b := table[i*analysesEntry:]
		e := analysisEntry{
			key: binary.LittleEndian.Uint64(b), hash: binary.LittleEndian.Uint64(b[8:]),
			off: binary.LittleEndian.Uint64(b[16:]), size: binary.LittleEndian.Uint64(b[24:]),
			crc: binary.LittleEndian.Uint32(b[32:]),
		}
		if e.off < analysesHead || e.off > off || e.size > off-e.off || i > 0 && e.key < entries[i-1].key {
			return nil, damaged
		}
		entries[i] = e
	}
	return &Analyses{f: f, c: c, entries: entries}, nil
}

// Read decodes into v (a pointer) the analysis of the file at path whose content hashes to
// hash; false when there is none of that content, or it cannot be read (the caller analyses
// the file).
func (a *Analyses) Read(path string, hash uint64, v any) bool {
	if a == nil {
		return false
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Type() != a.c.typ {
		return false
	}
	key := pathKey(path)
	i, _ := slices.BinarySearchFunc(a.entries, key, func(e analysisEntry, k uint64) int { return compareKeys(e.key, k) })
	for ; i < len(a.entries) && a.entries[i].key == key; i++ {
		e := a.entries[i]
		if e.hash != hash {
			continue
		}
		body := make([]byte, e.size)
		if _, err := a.f.ReadAt(body, int64(e.off)); err != nil || crc32.Checksum(body, castagnoli) != e.crc {
			return false
		}
		rv.Elem().SetZero()
		// The strings decoded are cut from body, which nothing else holds.
		if decodeBody(body, a.c, rv.Elem(), true) != nil {
			rv.Elem().SetZero()
			return false
		}
		return true
	}
	return false
}

// Len is the number of analyses in the file.
func (a *Analyses) Len() int { return len(a.entries) }

// Close closes the file; a Read after it finds nothing.
func (a *Analyses) Close() error {
	if a == nil {
		return nil
	}
	return a.f.Close()
}
