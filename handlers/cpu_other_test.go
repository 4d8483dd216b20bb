//go:build !unix

package handlers_test

import "time"

// processCPU is not read on this system: the benchmark reports no CPU time.
func processCPU() (time.Duration, bool) { return 0, false }
