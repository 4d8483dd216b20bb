// Package archive is the running archive: it lists and analyses the archive folder's files
// (load), indexes them in bleve (bleveindex; in memory, or in an -index folder kept by ondisk),
// keeps the catalog of every article's summary and quote in memory, and answers searches,
// lookups and the list of actors in the types of package index. It is constructed only by
// cmd/server (and tests); handlers see it through their own small interface.
//
// TODO: it still holds two jobs issue 15 gives packages of their own: the catalog with its
// browsing, columns, names and merged actors (catalog), and what is written against bleve's
// API here (query building, the collector, facets read through bleve's result type,
// suggestions from its dictionary, batches), which belongs in bleveindex.
package archive
