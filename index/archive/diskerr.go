package archive

import (
	"errors"
)

// writeError is a failure to write the index on disk: a full disk, a quota, a file size
// limit, a read-only or failing disk. The archive is then served from an index in memory.
type writeError struct{ err error }

func (e *writeError) Error() string { return "writing the index on disk: " + e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// writing marks err, when not nil, as a failure to write the index on disk.
func writing(err error) error {
	if err == nil {
		return nil
	}
	var we *writeError
	if errors.As(err, &we) {
		return err
	}
	return &writeError{err}
}
