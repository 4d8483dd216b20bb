package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/readout/readout/index/document"
)

// frontMatter is an added article's front matter, in the archive's names (README "Adding an
// article"). author and retrieved are for readers; the archive reads neither.
type frontMatter struct {
	Title         string   `yaml:"title"`
	Date          string   `yaml:"date"`
	DatePrecision string   `yaml:"date_precision,omitempty"`
	Source        string   `yaml:"source,omitempty"`
	SourceURL     string   `yaml:"source_url,omitempty"`
	Author        string   `yaml:"author,omitempty"`
	Tags          []string `yaml:"tags,omitempty,flow"`
	ID            string   `yaml:"id"`
	Retrieved     string   `yaml:"retrieved"`
}

// markdown is the article's file: its front matter, then its paragraphs as published, one to a
// line with a blank line between, marked so that the archive reads back each paragraph's text
// and kind as they were (a heading's "#", an item's "-"; the characters Markdown would take for
// its own escaped).
func markdown(a *Article, id string, tags []string, retrieved time.Time) ([]byte, error) {
	fm := frontMatter{
		Title: a.Title, Date: document.Unknown, Source: a.Site, SourceURL: a.URL, Author: a.Author,
		Tags: tags, ID: id, Retrieved: retrieved.UTC().Format(time.DateOnly),
	}
	if !a.Date.IsZero() {
		fm.Date, fm.DatePrecision = a.Date.ISO(), string(a.Date.Precision)
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return nil, err
	}
	enc.Close()
	b.WriteString("---\n")
	for i, p := range a.Paragraphs {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(markParagraph(p, i == 0 && p.Kind == document.Heading))
		b.WriteString("\n")
	}
	return b.Bytes(), nil
}

// inline escapes what the archive's reading of a line would take for Markdown or HTML: a
// backslash, "&", "<" and ">" (as entities), and a link's "](".
var inline = strings.NewReplacer(`\`, `\\`, "&", "&amp;", "<", "&lt;", ">", "&gt;", "](", `]\(`)

func markParagraph(p document.Paragraph, headline bool) string {
	t := inline.Replace(p.Text)
	switch p.Kind {
	case document.Heading:
		if headline {
			return "# " + t
		}
		return "## " + t
	case document.ListItem:
		if document.ReadsAsItem(t) {
			return t // "1. …": the number is the item's mark
		}
		return "- " + t
	}
	if !document.ReadsAsText(t) {
		// A line Markdown would read as a heading, an item or a rule is marked as plain text:
		// a backslash before its first mark ("\# 1", "\- 5", "3\. "), which the archive removes.
		if i := strings.IndexAny(t, ".)"); t[0] >= '0' && t[0] <= '9' && i > 0 {
			return t[:i] + `\` + t[i:]
		}
		return `\` + t
	}
	return t
}

// maxSlug bounds the part of a file's name taken from its title: names stay readable, and ids
// (cut at 160 characters) stay whole.
const maxSlug = 100

// fileName is the name the archive gives an article's file: its date (to its precision) and its
// title's slug, as in seeds/articles and the White House corpus ("2024-04-17-statement-by-…",
// "2022-01-joe-biden-unveils-…"); an undated article's is its slug alone.
func fileName(a *Article) string {
	slug := document.Slug(a.Title)
	if slug == "" {
		if u, err := url.Parse(a.URL); err == nil {
			slug = document.Slug(strings.TrimSuffix(path.Base(u.Path), path.Ext(u.Path)))
		}
	}
	if slug == "" {
		slug = "article"
	}
	if len(slug) > maxSlug {
		slug = slug[:maxSlug]
		if i := strings.LastIndexByte(slug, '-'); i > maxSlug/2 {
			slug = slug[:i]
		}
		slug = strings.Trim(slug, "-")
	}
	if a.Date.IsZero() {
		return slug
	}
	return a.Date.ISO() + "-" + slug
}

// readBack checks that the archive reads the file's paragraphs as they were extracted (Markdown
// emphasis, "*word*", cannot be written so that it reads back as published). It returns what
// differs, for a note.
func readBack(file []byte, a *Article) (string, error) {
	doc, err := document.Parse("added.md", file, nil)
	if err != nil {
		return "", err
	}
	// The archive reads a line printed twice in a row once, as furniture.
	var want []document.Paragraph
	prev := ""
	for i, p := range a.Paragraphs {
		if line := markParagraph(p, i == 0 && p.Kind == document.Heading); line != prev {
			want = append(want, p)
			prev = line
		}
	}
	if len(doc.Paragraphs) != len(want) {
		return fmt.Sprintf("the archive reads %d paragraphs, not %d", len(doc.Paragraphs), len(want)), nil
	}
	for i, p := range doc.Paragraphs {
		if p.Text != want[i].Text {
			return fmt.Sprintf("paragraph %d reads %q", i+1, clip(p.Text, 80)), nil
		}
	}
	return "", nil
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
