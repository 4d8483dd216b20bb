// Package archive is the running archive: it lists and analyses the archive folder's files
// (load), indexes them in bleve through bleveindex (in memory, or in an -index folder kept by
// ondisk) while a catalog.Builder makes the catalog of the same documents, and answers
// searches, lookups and the list of actors in the types of package index. Bleve matches and
// scores; the catalog resolves a search's filters, orders the hits and counts and names the
// facets of bleve's matches, pages the archive when there is nothing to match, and answers
// every lookup by id or name; the archive reads the articles from the folder (and its cache)
// and marks them. It imports no bleve. It is constructed only by cmd/server (and tests);
// handlers see it through their own small interface.
package archive
