// Package index is the archive's vocabulary: articles, quotes, speakers, actors and topics as
// pages and the API show them (model.go), a search and its results with their facets and
// bounds (results.go), a page of the list of actors (actorlist.go), and the errors a caller
// tells apart (errors.go). It holds types and the few rules that belong to them, no search
// engine and no I/O, so that the handlers and the views import it without bleve.
//
// The packages below it each own one job: query reads the search box, highlight marks and
// cuts text, ondisk keeps an index folder, document and quote read an article file and its
// quotations, registry holds the actors and topics, tarfs and unionfs serve archives as file
// systems; archive assembles them into the running archive (Open, Search, the lookups), and
// is constructed only by cmd/server.
package index
