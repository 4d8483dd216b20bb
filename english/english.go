// Package english writes numbers, counts and lists as the archive's pages, feeds, citations
// and search notes say them in English: "14,396", "1 quote", "2 quotes", "A, B and C". Each
// rule has this one home, so that a page and the API's notes never say a thing two ways.
package english

import (
	"strconv"
	"strings"
)

// Number writes n with its thousands separated by commas: 14,396.
func Number(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Plural returns one when n is 1, else many: "article does" or "articles do".
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count writes n and the word for it: "1 quote", "14,396 quotes".
func Count(n int, one, many string) string { return Number(n) + " " + Plural(n, one, many) }

// Separator is what comes before the i-th of n items of a list (from 0): nothing before the
// first, " and " before the last, ", " before the others.
func Separator(i, n int) string {
	switch {
	case i == 0:
		return ""
	case i == n-1:
		return " and "
	}
	return ", "
}

// List joins items as a sentence does: "A", "A and B", "A, B and C".
func List(items []string) string {
	var b strings.Builder
	for i, s := range items {
		b.WriteString(Separator(i, len(items)))
		b.WriteString(s)
	}
	return b.String()
}
