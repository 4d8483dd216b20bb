package load

import (
	"io/fs"
	"time"
)

// racyWindow: a folder changed this close to the moment it was read may change again within the
// same tick of a coarse clock; it is read again at the next period whatever its time says.
const racyWindow = 2 * time.Second

// folderTimes are the archive's folders and their modification times (Unix nanoseconds); -1
// marks a folder to read again whatever its time.
type FolderTimes map[string]int64

func (f FolderTimes) note(p string, d fs.DirEntry) {
	info, err := d.Info()
	if err != nil || time.Since(info.ModTime()) < racyWindow {
		f[p] = -1
		return
	}
	f[p] = info.ModTime().UnixNano()
}

// Changed reports whether a folder's time is not what it was, or a folder is gone.
func (f FolderTimes) Changed(fsys fs.FS) bool {
	for p, t := range f {
		info, err := fs.Stat(fsys, p)
		if err != nil || t < 0 || info.ModTime().UnixNano() != t {
			return true
		}
	}
	return false
}
