package ondisk

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"testing"
	"time"
)

type inner struct {
	Name   string
	Hashes []uint32
	Pos    struct{ Para, Off int }
}

type kinds struct {
	B        bool
	I        int
	I8       int8
	I64      int64
	U        uint
	U16      uint16
	U64      uint64
	F32      float32
	F64      float64
	S        string
	Named    namedString
	Strings  []string
	Empty    []string
	Nil      []string
	Bytes    []byte
	Structs  []inner
	Array    [3]int32
	Map      map[string][]int
	NilMap   map[string]int
	Ptr      *inner
	NilPtr   *inner
	When     time.Time
	private  int //lint:ignore U1000 an unexported field is not saved
	Repeated []string
}

type namedString string

func sample() kinds {
	return kinds{
		B: true, I: -42, I8: -128, I64: math.MinInt64, U: 7, U16: 65535, U64: math.MaxUint64,
		F32: -1.5, F64: math.Pi, S: "Xinjiang — «é»", Named: "full",
		Strings: []string{"a", "", "b", "a"}, Empty: []string{}, Bytes: []byte{0, 1, 255},
		Structs:  []inner{{Name: "x", Hashes: []uint32{0, 1, math.MaxUint32}}, {Pos: struct{ Para, Off int }{3, -1}}},
		Array:    [3]int32{1, -2, math.MaxInt32},
		Map:      map[string][]int{"one": {1}, "none": nil, "empty": {}},
		Ptr:      &inner{Name: "p"},
		When:     time.Date(2024, 5, 1, 12, 0, 0, 5, time.UTC),
		Repeated: []string{"Xinjiang — «é»", "a", "full"},
	}
}

func TestCodecRoundTrip(t *testing.T) {
	want := sample()
	var buf bytes.Buffer
	if err := encodeCatalog(&buf, &want); err != nil {
		t.Fatal(err)
	}
	var got kinds
	if err := decodeCatalog(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}
	if got.Empty == nil || got.Nil != nil || got.NilMap != nil || got.NilPtr != nil || got.Map["none"] != nil || got.Map["empty"] == nil {
		t.Error("nil and empty are not told apart")
	}
}

// TestCodecDamaged: a file cut short or with a byte changed anywhere is refused with an error,
// never a panic; one saved with another type is refused as ErrLayout.
func TestCodecDamaged(t *testing.T) {
	v := sample()
	var buf bytes.Buffer
	if err := encodeCatalog(&buf, &v); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	for n := range len(data) {
		var got kinds
		if err := decodeCatalog(data[:n], &got); err == nil {
			t.Fatalf("the file cut to %d of %d bytes was read", n, len(data))
		}
	}
	for i := range data {
		for _, x := range []byte{1, 0x80, 0xff} {
			bad := bytes.Clone(data)
			bad[i] ^= x
			var got kinds
			if err := decodeCatalog(bad, &got); err == nil {
				t.Fatalf("the file with byte %d changed (^%#x) was read", i, x)
			}
		}
	}
	var other struct{ S, T string }
	if err := decodeCatalog(data, &other); !errors.Is(err, ErrLayout) {
		t.Errorf("read into another type: %v, want ErrLayout", err)
	}
}

// TestCodecSchema: any change to a field's name, type or order changes the schema.
func TestCodecSchema(t *testing.T) {
	type a struct {
		X int
		Y string
	}
	type b struct {
		X int
		Z string
	}
	type c struct {
		Y string
		X int
	}
	type d struct {
		X uint
		Y string
	}
	seen := map[uint64]string{}
	for _, v := range []any{a{}, b{}, c{}, d{}, []a{}, struct{ A a }{}} {
		c, err := codecOf(reflect.TypeOf(v))
		if err != nil {
			t.Fatal(err)
		}
		if prev, ok := seen[c.schema]; ok {
			t.Errorf("%T has the schema of %s", v, prev)
		}
		seen[c.schema] = reflect.TypeOf(v).String()
	}
	if _, err := codecOf(reflect.TypeFor[struct{ F func() }]()); err == nil {
		t.Error("a func field was accepted")
	}
}
