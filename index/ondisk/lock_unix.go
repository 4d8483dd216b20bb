//go:build unix

package ondisk

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockFolder takes the index folder for this process alone, until the returned file is closed
// (or the process ends, however it ends). Two servers updating one index would damage it, and
// bleve would make the second wait for ever, without a word, for the first to let go.
func lockFolder(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("the index folder %s is in use by another process (another server with the same -index?): give each server its own folder", dir)
		}
		return nil, fmt.Errorf("locking the index folder %s: %w", dir, err)
	}
	return f, nil
}
