package bleveindex

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/readout/readout/index"
)

// TestCompact: an index on disk written in several batches, each persisted apart (a segment
// each, bleve's own merging held back as a large index's tiers hold it), is one segment after
// Compact, with every document; an index in memory is left alone.
func TestCompact(t *testing.T) {
	plan := map[string]any{"maxSegmentsPerTier": 100, "segmentsPerMergeTask": 10, "floorSegmentSize": 1, "tierGrowth": 10.0, "maxSegmentSize": 1 << 20}
	x, err := create(filepath.Join(t.TempDir(), "bleve"), map[string]any{"scorchMergePlanOptions": plan})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	ctx := context.Background()
	for i := range 5 {
		b := x.NewBatch()
		for j := range 3 {
			art := &index.Article{Summary: index.Summary{ID: fmt.Sprintf("a%d-%d", i, j), Title: "Taiwan"}, Paragraphs: []index.Paragraph{{Text: "Words about Taiwan and China."}}}
			if err := b.Add(art); err != nil {
				t.Fatal(err)
			}
		}
		if err := x.Apply(b); err != nil {
			t.Fatal(err)
		}
		if err := x.WaitPersisted(ctx); err != nil {
			t.Fatal(err)
		}
	}
	before, all := x.Segments(), &Query{bleve.NewMatchAllQuery()}
	if before < 2 {
		t.Fatalf("%d segments before Compact: the test needs several", before)
	}
	if err := x.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if n := x.Segments(); n != 1 {
		t.Errorf("%d segments after Compact (%d before), want 1", n, before)
	}
	if n, err := x.Count(ctx, all); err != nil || n != 15 {
		t.Errorf("%d documents after Compact (%v), want 15", n, err)
	}

	mem, err := Create("")
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if err := mem.Compact(ctx); err != nil {
		t.Errorf("Compact in memory: %v", err)
	}
}
