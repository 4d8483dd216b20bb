package bleveindex

import (
	"github.com/blevesearch/bleve/v2/search/searcher"
)

func init() {
	// A query can never expand into more clauses than this: no search from the box does, and
	// the bound keeps a hostile one from using the server's memory.
	searcher.DisjunctionMaxClauseCount = 1024
}
