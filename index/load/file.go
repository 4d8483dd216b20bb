package load

// fileEntry is one file of the archive folder as it was when indexed.
type File struct {
	Path    string
	Size    int64
	ModTime int64  // Unix nanoseconds; 0 in an embedded archive
	Hash    uint64 // of the content
	Plain   string // the plain id it gives its document (ids.go); "" when the file was skipped
	Text    uint64 // textKey of its document
	Article string // the id of its document, "" when the file was skipped
}
