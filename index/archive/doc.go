// Package archive is the running archive: it reads the archive folder, analyses every article
// (quotes, speakers, topics, ids), indexes them in bleve (in memory, or in an -index folder
// kept by ondisk), keeps the catalog of every article's summary and quote in memory, and answers
// searches, lookups and the list of actors in the types of package index. It is constructed
// only by cmd/server (and tests); handlers see it through their own small interface.
//
// TODO: it still holds several jobs the layout of issue 15 gives packages of their own: bleve's
// mapping, analysis and query building (bindex), reading and analysing files (ingest), and
// the catalog with its browsing and names (catalog).
package archive
