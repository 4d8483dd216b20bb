package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/readout/readout/index/highlight"
)

// Static holds the stylesheet, the script and the icons, served under /static/.
//
//go:embed static
var static embed.FS

// Static returns the static assets, rooted at their folder.
func Static() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the folder is embedded above: it exists
	}
	return sub
}

// versions holds a short hash of each asset, so its address changes when it does and it can be
// cached for good.
var versions = func() map[string]string {
	m := map[string]string{}
	fs.WalkDir(Static(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(Static(), p)
		if err == nil {
			sum := sha256.Sum256(b)
			m[p] = hex.EncodeToString(sum[:4])
		}
		return nil
	})
	return m
}()

// Asset returns the address of a static asset, with its version.
func Asset(name string) string {
	return "/static/" + name + "?v=" + versions[name]
}

func pageTitle(t string) string {
	if t == "" {
		return "Readout: who said what, when"
	}
	return t + " · Readout"
}

func itoa(n int) string { return strconv.Itoa(n) }

func periodsLabel(byMonth bool) string {
	if byMonth {
		return "Quotes by month"
	}
	return "Quotes by year"
}

func dateLabel(byMonth bool) string {
	if byMonth {
		return "By month"
	}
	return "By year"
}

// excerpt returns the text of a fragment, cut to about n characters at a word.
func excerpt(f highlight.Fragment, n int) string {
	t := strings.Join(strings.Fields(f.Text()), " ")
	if utf8.RuneCountInString(t) <= n {
		return t
	}
	r := []rune(t)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// ariaBool writes a state for an ARIA attribute such as aria-checked.
func ariaBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// hasEchoes reports whether a list holds echoes of the kind asked (in the official record or
// not).
func hasEchoes(echoes []Echo, group string) bool {
	for _, e := range echoes {
		if e.Group() == group {
			return true
		}
	}
	return false
}

// cutNote says that a wording is shown in part.
func cutNote(cut bool) string {
	if cut {
		return " (in part: the passage that carries the statement)"
	}
	return ""
}
