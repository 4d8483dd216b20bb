// Package archive is the running archive: it lists and analyses the archive folder's files
// (load), indexes them in bleve through bleveindex (in memory, or in an -index folder kept by
// ondisk), keeps the catalog of every article's summary and quote in memory, and answers
// searches, lookups and the list of actors in the types of package index. Bleve matches and
// scores; the order of the hits, the facets, the browsing of the whole archive and every
// name come from the catalog. It imports no bleve. It is constructed only by cmd/server (and
// tests); handlers see it through their own small interface.
//
// TODO: the catalog (catalog.go, browse.go, columns.go, collect.go, facets.go, names.go,
// canon.go, ids.go) is still in this package, read by search, lookup, build and update through
// some 35 of its names; issue 15's index/catalog waits for the catalog to answer those callers
// with fewer, larger questions (resolve a search's filters, name its facets, page a kind).
package archive
