//go:build !unix

package main

// openFilesLimit is how many files the process may open, where it cannot be asked.
func openFilesLimit() uint64 { return 8192 }
