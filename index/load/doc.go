// Package load reads an archive folder: which of its files are articles and which are passed
// over, and why (List); reading one with its bounds (ReadFile); analysing it into an
// index.Article, deterministically, with its quotes and their ids, speakers, actors and topics
// and how much it is about each (Analyse); every file on every core in order (AnalyseFiles);
// and the folders' times by which a rescan sees a change (FolderTimes). It knows nothing of
// the search engine, and its tests build no index.
//
// It is the index/ingest, named so as not to be confused with the top-level ingest
// (readout add), which writes article files rather than reading them.
package load
