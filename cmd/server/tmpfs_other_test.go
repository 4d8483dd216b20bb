//go:build !linux

package main

import "errors"

func mountTmpfs(dir, size string) (unmount func(), err error) {
	return nil, errors.New("a tmpfs is mounted on Linux only")
}

func freeBytes(dir string) int64 { return 0 }
