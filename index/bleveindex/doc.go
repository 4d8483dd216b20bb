// Package bleveindex holds what Readout tells bleve: the explicit, versioned mapping (Version,
// the fields and document types), the text analysis (the word tokenizer, the accent fold, the
// cached Porter stems, and TermAnalyzer, which reads text for package highlight as the index
// reads it), creating and opening a scorch index with its on-disk write errors caught
// (PersistWatch), and the queries Readout adds to bleve's (TopicQuery, DeadlineQuery).
//
// It is the only package that imports bleve. The rest of the archive speaks to an Index in the
// types of package index and this package's own: batches of articles (Batch), the queries of a
// parsed search (Build, Query), the matches handed on in a catalog's numbers (Numbering,
// Collect, Count), and the dictionary's counts (Occurrences, Reader).
package bleveindex
