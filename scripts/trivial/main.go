// Command trivial serves one short constant page: the baseline that scripts/bench.sh compares
// the archive's search page with.
package main

import (
	"flag"
	"log"
	"net/http"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18082", "listen on `host:port`")
	flag.Parse()
	page := []byte("<!doctype html><title>trivial</title><p>A short constant page.</p>\n")
	http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	log.Fatal(http.ListenAndServe(*addr, nil))
}
