//go:build !unix

package ondisk

import "os"

// lockFolder is a no-op where flock is not available: one server to an index folder is then
// the operator's rule to keep.
func lockFolder(dir string) (*os.File, error) { return nil, nil }
