package archive_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/catalog"
	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/ondisk"
)

// TestCatalogFile: every exported field of a catalog, each given a value, is read back from the
// index folder as it was saved (ondisk's encoding), so that a field added to the catalog or its
// types is saved with it, or its type refused when the index is saved.
func TestCatalogFile(t *testing.T) {
	var want catalog.Catalog
	n := 0
	fill(reflect.ValueOf(&want).Elem(), &n)
	f, err := ondisk.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dir, err := f.New()
	if err != nil {
		t.Fatal(err)
	}
	meta := ondisk.Meta{Version: 1, Registry: 2}
	if err := f.Commit(dir, meta, &want); err != nil {
		t.Fatal(err)
	}
	var got catalog.Catalog
	if _, err := f.Current(meta, &got); err != nil {
		t.Fatal(err)
	}
	sameDate := cmp.Comparer(func(a, b index.Date) bool { return a.Compare(b) == 0 && a.Precision == b.Precision })
	if d := cmp.Diff(&want, &got, cmpopts.IgnoreUnexported(catalog.Catalog{}), sameDate); d != "" {
		t.Errorf("the catalog read back differs (-saved +read):\n%s", d)
	}
}

// fill gives every exported field of v a value that is not its zero, distinct from the
// others' (*n counts them): two elements in each slice.
func fill(v reflect.Value, n *int) {
	*n++
	if v.Type() == reflect.TypeFor[index.Date]() {
		d, err := document.ParseDate(time.Date(2000+*n%30, time.Month(1+*n%12), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), "")
		if err != nil {
			panic(err)
		}
		v.Set(reflect.ValueOf(d))
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(-int64(*n % 100))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n%200 + 1))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) / 4)
	case reflect.String:
		v.SetString("s" + time.Duration(*n).String())
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), n)
		}
		v.Set(s)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	default:
		panic("fill: a field of kind " + v.Kind().String() + ": teach fill and the test its values")
	}
}
