package load

import "io/fs"

// Diff is how the archive folder differs from the files an index was built from.
type Diff struct {
	Unchanged map[string]File // by path: the indexed entry, with the current time
	Changed   []int           // indexes in the current file list: changed or added
	Removed   []File
}

// None reports whether nothing changed.
func (d *Diff) None() bool { return len(d.Changed) == 0 && len(d.Removed) == 0 }

// Compare compares the files now in the archive folder with those an index was built from. A
// file with the same size and time is unchanged; one with another time but the same content
// (its hash) is unchanged too.
func Compare(fsys fs.FS, old []File, now []File) *Diff {
	d := &Diff{Unchanged: map[string]File{}}
	before := make(map[string]File, len(old))
	for _, f := range old {
		before[f.Path] = f
	}
	seen := make(map[string]bool, len(now))
	for i, f := range now {
		seen[f.Path] = true
		o, ok := before[f.Path]
		switch {
		case !ok:
			d.Changed = append(d.Changed, i)
			continue
		case o.Size == f.Size && o.ModTime == f.ModTime && f.ModTime != 0:
		default:
			b, err := ReadFile(fsys, f.Path)
			if err != nil || Hash(b) != o.Hash {
				d.Changed = append(d.Changed, i)
				continue
			}
		}
		o.ModTime = f.ModTime
		d.Unchanged[f.Path] = o
	}
	for _, f := range old {
		if !seen[f.Path] {
			d.Removed = append(d.Removed, f)
		}
	}
	return d
}
