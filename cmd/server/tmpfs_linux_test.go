package main

import "syscall"

// mountTmpfs mounts a tmpfs of size (such as "1m") on dir; it needs root (CAP_SYS_ADMIN).
func mountTmpfs(dir, size string) (unmount func(), err error) {
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		return nil, err
	}
	return func() { syscall.Unmount(dir, syscall.MNT_DETACH) }, nil
}

// freeBytes is the room left on dir's file system.
func freeBytes(dir string) int64 {
	var st syscall.Statfs_t
	if syscall.Statfs(dir, &st) != nil {
		return 0
	}
	return int64(st.Bavail) * st.Bsize
}
