// Package bleveindex holds what Readout tells bleve: the explicit, versioned mapping (Version,
// the fields and document types), the text analysis (the word tokenizer, the accent fold, the
// cached Porter stems, and TermAnalyzer, which reads text for package highlight as the index
// reads it), creating and opening a scorch index with its on-disk write errors caught
// (PersistWatch), and the queries Readout adds to bleve's (TopicQuery, DeadlineQuery).
//
// TODO: building queries from a parsed search, the collector over the catalog's columns,
// suggestions from the index's dictionary and the documents indexed are still written against
// bleve in package archive; they belong here, behind types of package index, so that only
// this package imports bleve.
package bleveindex
