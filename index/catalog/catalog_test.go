package catalog_test

import (
	"context"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/readout/readout/index/catalog"
	"github.com/readout/readout/index/load"
	"github.com/readout/readout/index/registry"
	"github.com/readout/readout/seeds"
)

// mustCatalog makes the catalog of an archive folder as the archive does while it indexes it,
// without an index: the files listed, read and analysed, their ids given.
func mustCatalog(t testing.TB, fsys fs.FS) *catalog.Catalog {
	t.Helper()
	reg, err := registry.Load(seeds.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, problems := load.List(fsys)
	b := catalog.NewBuilder(reg, files, problems)
	err = load.AnalyseFiles(context.Background(), fsys, reg, files, func(i int, l load.Loaded) error {
		b.Read(i, l)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b.AssignIDs()
	return b.Catalog()
}

// article is a file of the archive folder with a date, a title and a text.
func article(date, title, text string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: " + date + "\n---\n\n" + text + "\n")}
}
