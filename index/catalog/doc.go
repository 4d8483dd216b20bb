// Package catalog is what the archive keeps in memory about every article and quote (their
// summaries, speakers, topics and ids, not their text), and the questions it answers without
// the index: the ids of documents and the files they are read from (ids.go), one actor per
// person (canon.go), names typed in the search box and a search's filters resolved to ids
// (names.go, resolve.go), the facets of a search counted from its matches and named
// (columns.go, collect.go, facets.go), the archive of one kind paged newest or oldest first
// when there is nothing to match (browse.go), and lookups and the list of actors (lookup.go,
// actors.go).
//
// A Builder makes a catalog as the archive's files are read; package archive indexes the same
// documents in bleve, saves the catalog beside the index (its exported lists are what is saved)
// and hands the catalog's numbers of the documents bleve matches to a Collector. The catalog
// imports neither bleve nor the index: its tests build catalogs from files alone.
package catalog
