package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// addCommand is what "readout add" runs: the command of cmd/readout-add, installed beside the
// server's binary (as in the Docker image). It is a binary of its own so that the server does not
// start by initialising what reading web pages needs: go-dateparser's tables alone took 0.3 s of
// every start, and 78 MB, before main ran.
const addCommand = "readout-add"

// add runs "readout add ARGS…" as readout-add beside the binary self, with the server's standard
// streams, and returns its exit status; when readout-add is not there, it says how to run it.
func add(self string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	bin := filepath.Join(filepath.Dir(self), addCommand)
	if info, err := os.Stat(bin); err != nil || info.IsDir() {
		fmt.Fprintf(stderr, "readout add: it is the command %s, not installed beside %s: run it with go run ./cmd/readout-add, or build it beside the server (go build -o DIR/ ./cmd/server ./cmd/readout-add)\n", addCommand, self)
		return 2
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		if code := exit.ExitCode(); code > 0 {
			return code
		}
		return 1 // killed by a signal
	case err != nil:
		fmt.Fprintln(stderr, "readout add:", err)
		return 2
	}
	return 0
}
