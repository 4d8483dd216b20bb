//go:build unix

package main

import "syscall"

// openFilesLimit is how many files the process may open (Go raises the soft limit to the hard
// one at start).
func openFilesLimit() uint64 {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return 1024
	}
	return l.Cur
}
