package ondisk

import (
	"bufio"
	"encoding"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// The catalog file's encoding. gob took 0.4 s of CPU to read the White House corpus's catalog
// back (22 MB), most of it growing slices and reading its one message in pieces; a warm start
// waits for it. This encoding is read in one pass over the file read whole: every string is
// written once, in a table read as one allocation, and each slice is made at its length.
//
//	magic, schema (8 bytes: the hash of the value's type, below), crc32c of the rest (4 bytes),
//	uvarint count of strings, uvarint length of each, their bytes, the value
//
// The value is its type's fields in order, as gob takes them: exported fields of structs
// (unexported ones are not saved), bools as a byte, signed integers zig-zag varints, unsigned
// ones varints, floats their IEEE bits, strings their number in the table, slices and maps their
// length plus one (0 for nil) then their elements (a []uint32's as 4 bytes each), pointers a byte (0 for nil) then the value,
// and a type that marshals itself (encoding.BinaryMarshaler: a date) its bytes. The schema
// names every field and type, so a catalog saved by a build whose types differ is refused
// (ErrLayout) and the index rebuilt, never read into the wrong fields.

var catalogMagic = []byte("readout-catalog\x01")

// ErrLayout is a catalog saved with other types than the ones it is read into.
var ErrLayout = errors.New("the catalog was saved with another layout")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// encodeCatalog writes the encoding of v to w.
func encodeCatalog(w io.Writer, v any) error {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	c, err := codecOf(rv.Type())
	if err != nil {
		return err
	}
	body, err := encodeBody(c, rv)
	if err != nil {
		return err
	}
	head := append(slices.Clip(catalogMagic), make([]byte, 12)...)
	binary.LittleEndian.PutUint64(head[len(catalogMagic):], c.schema)
	binary.LittleEndian.PutUint32(head[len(catalogMagic)+8:], crc32.Checksum(body, castagnoli))
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.Write(head)
	bw.Write(body)
	return bw.Flush()
}

// encodeBody returns the encoding of rv without a header: the string table, then the value.
func encodeBody(c *codec, rv reflect.Value) ([]byte, error) {
	e := &encoder{index: map[string]uint64{}}
	if err := c.enc(e, rv); err != nil {
		return nil, err
	}
	size := len(e.buf) + binary.MaxVarintLen64*(len(e.strs)+1)
	for _, s := range e.strs {
		size += len(s)
	}
	body := binary.AppendUvarint(make([]byte, 0, size), uint64(len(e.strs)))
	for _, s := range e.strs {
		body = binary.AppendUvarint(body, uint64(len(s)))
	}
	for _, s := range e.strs {
		body = append(body, s...)
	}
	return append(body, e.buf...), nil
}

// decodeCatalog reads data, written by encodeCatalog, into the value v points to.
func decodeCatalog(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("decoding a catalog into a value that is not a pointer")
	}
	rv = rv.Elem()
	c, err := codecOf(rv.Type())
	if err != nil {
		return err
	}
	head := len(catalogMagic) + 12
	if len(data) < head || string(data[:len(catalogMagic)]) != string(catalogMagic) {
		return errors.New("not a catalog file")
	}
	if binary.LittleEndian.Uint64(data[len(catalogMagic):]) != c.schema {
		return ErrLayout
	}
	if binary.LittleEndian.Uint32(data[head-4:]) != crc32.Checksum(data[head:], castagnoli) {
		return errors.New("the catalog file is damaged (its checksum differs)")
	}
	return decodeBody(data[head:], c, rv, false)
}

// decodeBody reads data, written by encodeBody, into rv. Its strings are copied out of data
// unless the caller owns data (it is never changed after): then they are cut from it.
func decodeBody(data []byte, c *codec, rv reflect.Value, owned bool) error {
	d := &decoder{data: data}
	n := d.length()
	lens := make([]int, n)
	total := 0
	for i := range lens {
		lens[i] = d.length()
		total += lens[i]
	}
	if d.err == nil && total > len(d.data)-d.pos {
		d.fail()
	}
	if d.err != nil {
		return d.err
	}
	var blob string
	if owned {
		blob = unsafe.String(unsafe.SliceData(d.data[d.pos:]), total)
	} else {
		blob = string(d.data[d.pos : d.pos+total]) // one allocation for every string
	}
	d.pos += total
	d.strs = make([]string, n)
	for i, l := range lens {
		d.strs[i], blob = blob[:l], blob[l:]
	}
	c.dec(d, rv)
	if d.err == nil && d.pos != len(d.data) {
		d.err = fmt.Errorf("the catalog file has %d bytes after its value", len(d.data)-d.pos)
	}
	return d.err
}

type encoder struct {
	buf   []byte
	strs  []string
	index map[string]uint64
}

func (e *encoder) uint(u uint64) { e.buf = binary.AppendUvarint(e.buf, u) }
func (e *encoder) int(i int64)   { e.buf = binary.AppendVarint(e.buf, i) }

func (e *encoder) string(s string) {
	k, ok := e.index[s]
	if !ok {
		k = uint64(len(e.strs))
		e.index[s] = k
		e.strs = append(e.strs, s)
	}
	e.uint(k)
}

// decoder reads a value; its first error stops it (every read after returns zeros).
type decoder struct {
	data []byte
	pos  int
	strs []string
	err  error
	// The small slices of strings and hashes (a quote's speakers, a sketch's hashes: hundreds
	// of thousands) are cut from larger ones, each to its length and capacity, so that an
	// append to one makes a new array rather than writing over the next. The larger ones grow
	// from a few to chunkLen, so that a small value (an article's analysis) does not take a
	// chunk made for the catalog.
	strChunk []string
	u32Chunk []uint32
}

const chunkLen = 8192

// nextChunk is the length of the chunk after one of capacity c.
func nextChunk(c int) int { return min(max(2*c, 64), chunkLen) }

// strings returns a slice of n strings, not nil.
func (d *decoder) strings(n int) []string {
	if n == 0 {
		return []string{} // (a slice of a nil chunk would be nil)
	}
	if n > chunkLen/8 {
		return make([]string, n)
	}
	if cap(d.strChunk)-len(d.strChunk) < n {
		d.strChunk = make([]string, 0, max(n, nextChunk(cap(d.strChunk))))
	}
	i := len(d.strChunk)
	d.strChunk = d.strChunk[:i+n]
	return d.strChunk[i : i+n : i+n]
}

// uint32s returns a slice of n numbers, not nil.
func (d *decoder) uint32s(n int) []uint32 {
	if n == 0 {
		return []uint32{}
	}
	if n > chunkLen/8 {
		return make([]uint32, n)
	}
	if cap(d.u32Chunk)-len(d.u32Chunk) < n {
		d.u32Chunk = make([]uint32, 0, max(n, nextChunk(cap(d.u32Chunk))))
	}
	i := len(d.u32Chunk)
	d.u32Chunk = d.u32Chunk[:i+n]
	return d.u32Chunk[i : i+n : i+n]
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errors.New("the file is cut short or damaged") // callers name the file
	}
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	u, n := binary.Uvarint(d.data[d.pos:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.pos += n
	return u
}

func (d *decoder) int() int64 {
	if d.err != nil {
		return 0
	}
	i, n := binary.Varint(d.data[d.pos:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.pos += n
	return i
}

// length reads a count of things each written in one byte at least: never more than the bytes
// left, so that a damaged file cannot make the decoder allocate more than the file's size allows.
func (d *decoder) length() int {
	u := d.uint()
	if u > uint64(len(d.data)-d.pos) {
		d.fail()
		return 0
	}
	return int(u)
}

// optional reads a length plus one (0: nil); ok is false for nil.
func (d *decoder) optional() (n int, ok bool) {
	u := d.uint()
	if u == 0 || d.err != nil {
		return 0, false
	}
	if u-1 > uint64(len(d.data)-d.pos) {
		d.fail()
		return 0, false
	}
	return int(u - 1), true
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil || n > len(d.data)-d.pos {
		d.fail()
		return nil
	}
	b := d.data[d.pos : d.pos+n]
	d.pos += n
	return b
}

func (d *decoder) string() string {
	k := d.uint()
	if k >= uint64(len(d.strs)) {
		d.fail()
		return ""
	}
	return d.strs[k]
}

// codec encodes and decodes values of one type; schema hashes the type's description.
type codec struct {
	typ    reflect.Type
	enc    func(*encoder, reflect.Value) error
	dec    func(*decoder, reflect.Value)
	schema uint64
}

var codecs sync.Map // reflect.Type → *codec

func codecOf(t reflect.Type) (*codec, error) {
	if c, ok := codecs.Load(t); ok {
		return c.(*codec), nil
	}
	var desc strings.Builder
	enc, dec, err := compile(t, &desc, map[reflect.Type]bool{})
	if err != nil {
		return nil, err
	}
	h := fnv.New64a()
	h.Write([]byte(desc.String()))
	c := &codec{typ: t, enc: enc, dec: dec, schema: h.Sum64()}
	codecs.Store(t, c)
	return c, nil
}

var (
	binaryMarshaler   = reflect.TypeFor[encoding.BinaryMarshaler]()
	binaryUnmarshaler = reflect.TypeFor[encoding.BinaryUnmarshaler]()
	stringSlice       = reflect.TypeFor[[]string]()
	uint32Slice       = reflect.TypeFor[[]uint32]()
)

// compile makes the encoder and the decoder of t, and writes its description to desc. open holds
// the types being compiled, to refuse a type that contains itself.
func compile(t reflect.Type, desc *strings.Builder, open map[reflect.Type]bool) (func(*encoder, reflect.Value) error, func(*decoder, reflect.Value), error) {
	if open[t] {
		return nil, nil, fmt.Errorf("catalog encoding: %s contains itself", t)
	}
	open[t] = true
	defer delete(open, t)
	if t.Name() != "" {
		fmt.Fprintf(desc, "%s.%s=", t.PkgPath(), t.Name())
	}
	if t.Kind() != reflect.Pointer && t.Implements(binaryMarshaler) && reflect.PointerTo(t).Implements(binaryUnmarshaler) {
		desc.WriteString("binary;")
		enc := func(e *encoder, v reflect.Value) error {
			b, err := v.Interface().(encoding.BinaryMarshaler).MarshalBinary()
			e.uint(uint64(len(b)))
			e.buf = append(e.buf, b...)
			return err
		}
		dec := func(d *decoder, v reflect.Value) {
			b := d.bytes(d.length())
			if d.err == nil {
				// A copy: the file's bytes may be a mapping, gone once read (map_linux.go).
				if err := v.Addr().Interface().(encoding.BinaryUnmarshaler).UnmarshalBinary(slices.Clone(b)); err != nil {
					d.err = fmt.Errorf("the catalog file: %s: %w", t, err)
				}
			}
		}
		return enc, dec, nil
	}
	switch t {
	case stringSlice: // the commonest slice (ids of actors, topics), made without reflection
		desc.WriteString("[]string;")
		enc := func(e *encoder, v reflect.Value) error {
			if v.IsNil() {
				e.uint(0)
				return nil
			}
			e.uint(uint64(v.Len()) + 1)
			for i := range v.Len() {
				e.string(v.Index(i).String())
			}
			return nil
		}
		dec := func(d *decoder, v reflect.Value) {
			p := v.Addr().Interface().(*[]string)
			n, ok := d.optional()
			if !ok {
				*p = nil
				return
			}
			s := d.strings(n)
			for i := range s {
				s[i] = d.string()
			}
			*p = s
		}
		return enc, dec, nil
	case uint32Slice: // the sketches' hashes: millions, written as they are (a varint is longer)
		desc.WriteString("[]uint32;")
		enc := func(e *encoder, v reflect.Value) error {
			if v.IsNil() {
				e.uint(0)
				return nil
			}
			e.uint(uint64(v.Len()) + 1)
			for i := range v.Len() {
				e.buf = binary.LittleEndian.AppendUint32(e.buf, uint32(v.Index(i).Uint()))
			}
			return nil
		}
		dec := func(d *decoder, v reflect.Value) {
			p := v.Addr().Interface().(*[]uint32)
			n, ok := d.optional()
			if !ok {
				*p = nil
				return
			}
			b := d.bytes(4 * n)
			if d.err != nil {
				return
			}
			s := d.uint32s(n)
			for i := range s {
				s[i] = binary.LittleEndian.Uint32(b[4*i:])
			}
			*p = s
		}
		return enc, dec, nil
	}
	switch t.Kind() {
	case reflect.Bool:
		desc.WriteString("bool;")
		return func(e *encoder, v reflect.Value) error {
				b := byte(0)
				if v.Bool() {
					b = 1
				}
				e.buf = append(e.buf, b)
				return nil
			}, func(d *decoder, v reflect.Value) {
				b := d.bytes(1)
				if d.err == nil {
					if b[0] > 1 {
						d.fail()
					}
					v.SetBool(b[0] == 1)
				}
			}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		desc.WriteString("int;")
		return func(e *encoder, v reflect.Value) error { e.int(v.Int()); return nil },
			func(d *decoder, v reflect.Value) {
				i := d.int()
				if v.OverflowInt(i) {
					d.fail()
					return
				}
				v.SetInt(i)
			}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		desc.WriteString("uint;")
		return func(e *encoder, v reflect.Value) error { e.uint(v.Uint()); return nil },
			func(d *decoder, v reflect.Value) {
				u := d.uint()
				if v.OverflowUint(u) {
					d.fail()
					return
				}
				v.SetUint(u)
			}, nil
	case reflect.Float32:
		desc.WriteString("float32;")
		return func(e *encoder, v reflect.Value) error {
				e.buf = binary.LittleEndian.AppendUint32(e.buf, math.Float32bits(float32(v.Float())))
				return nil
			}, func(d *decoder, v reflect.Value) {
				if b := d.bytes(4); d.err == nil {
					v.SetFloat(float64(math.Float32frombits(binary.LittleEndian.Uint32(b))))
				}
			}, nil
	case reflect.Float64:
		desc.WriteString("float64;")
		return func(e *encoder, v reflect.Value) error {
				e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(v.Float()))
				return nil
			}, func(d *decoder, v reflect.Value) {
				if b := d.bytes(8); d.err == nil {
					v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(b)))
				}
			}, nil
	case reflect.String:
		desc.WriteString("string;")
		return func(e *encoder, v reflect.Value) error { e.string(v.String()); return nil },
			func(d *decoder, v reflect.Value) { v.SetString(d.string()) }, nil
	case reflect.Slice:
		desc.WriteString("[]")
		elemEnc, elemDec, err := compile(t.Elem(), desc, open)
		if err != nil {
			return nil, nil, err
		}
		return func(e *encoder, v reflect.Value) error {
				if v.IsNil() {
					e.uint(0)
					return nil
				}
				e.uint(uint64(v.Len()) + 1)
				for i := range v.Len() {
					if err := elemEnc(e, v.Index(i)); err != nil {
						return err
					}
				}
				return nil
			}, func(d *decoder, v reflect.Value) {
				n, ok := d.optional()
				if !ok {
					v.SetZero()
					return
				}
				s := reflect.MakeSlice(t, n, n)
				for i := range n {
					elemDec(d, s.Index(i))
				}
				v.Set(s)
			}, nil
	case reflect.Array:
		fmt.Fprintf(desc, "[%d]", t.Len())
		elemEnc, elemDec, err := compile(t.Elem(), desc, open)
		if err != nil {
			return nil, nil, err
		}
		return func(e *encoder, v reflect.Value) error {
				for i := range v.Len() {
					if err := elemEnc(e, v.Index(i)); err != nil {
						return err
					}
				}
				return nil
			}, func(d *decoder, v reflect.Value) {
				for i := range v.Len() {
					elemDec(d, v.Index(i))
				}
			}, nil
	case reflect.Map:
		desc.WriteString("map[")
		keyEnc, keyDec, err := compile(t.Key(), desc, open)
		if err != nil {
			return nil, nil, err
		}
		desc.WriteString("]")
		valEnc, valDec, err := compile(t.Elem(), desc, open)
		if err != nil {
			return nil, nil, err
		}
		return func(e *encoder, v reflect.Value) error {
				if v.IsNil() {
					e.uint(0)
					return nil
				}
				e.uint(uint64(v.Len()) + 1)
				for it := v.MapRange(); it.Next(); {
					if err := keyEnc(e, it.Key()); err != nil {
						return err
					}
					if err := valEnc(e, it.Value()); err != nil {
						return err
					}
				}
				return nil
			}, func(d *decoder, v reflect.Value) {
				n, ok := d.optional()
				if !ok {
					v.SetZero()
					return
				}
				m := reflect.MakeMapWithSize(t, n)
				key, val := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
				for range n {
					key.SetZero()
					val.SetZero()
					keyDec(d, key)
					valDec(d, val)
					m.SetMapIndex(key, val)
				}
				v.Set(m)
			}, nil
	case reflect.Pointer:
		desc.WriteString("*")
		elemEnc, elemDec, err := compile(t.Elem(), desc, open)
		if err != nil {
			return nil, nil, err
		}
		return func(e *encoder, v reflect.Value) error {
				if v.IsNil() {
					e.buf = append(e.buf, 0)
					return nil
				}
				e.buf = append(e.buf, 1)
				return elemEnc(e, v.Elem())
			}, func(d *decoder, v reflect.Value) {
				b := d.bytes(1)
				if d.err != nil || b[0] == 0 {
					v.SetZero()
					return
				}
				p := reflect.New(t.Elem())
				elemDec(d, p.Elem())
				v.Set(p)
			}, nil
	case reflect.Struct:
		desc.WriteString("{")
		type field struct {
			index int
			enc   func(*encoder, reflect.Value) error
			dec   func(*decoder, reflect.Value)
		}
		var fields []field
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			desc.WriteString(f.Name + ":")
			enc, dec, err := compile(f.Type, desc, open)
			if err != nil {
				return nil, nil, err
			}
			fields = append(fields, field{i, enc, dec})
		}
		desc.WriteString("};")
		if len(fields) == 0 {
			return nil, nil, fmt.Errorf("catalog encoding: %s has no exported field", t)
		}
		return func(e *encoder, v reflect.Value) error {
				for _, f := range fields {
					if err := f.enc(e, v.Field(f.index)); err != nil {
						return err
					}
				}
				return nil
			}, func(d *decoder, v reflect.Value) {
				for _, f := range fields {
					f.dec(d, v.Field(f.index))
				}
			}, nil
	}
	return nil, nil, fmt.Errorf("catalog encoding: cannot encode %s (%s)", t, t.Kind())
}
