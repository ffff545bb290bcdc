package ingest

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxSniff is how many bytes from the start looksHTML reads.
const MaxSniff = 4096

var reHTMLStart = regexp.MustCompile(`(?i)<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>`)

// looksHTML reports a page: its start holds a doctype, an html, head,
// body, meta or title tag.
func looksHTML(b []byte) bool {
	head := b[:min(len(b), MaxSniff)]
	return bytes.IndexByte(head, '<') >= 0 && reHTMLStart.Match(head)
}

// Text reduces an HTML page to its text and returns its <title>: scripts,
// styles and templates dropped, block elements and <br> turned into line
// breaks, table cells into lines of their own, entities decoded (after the
// page was decoded to UTF-8, so a GBK page's entities come out right).
func Text(page string) (text, title string) {
	z := html.NewTokenizer(strings.NewReader(page))
	var b, t strings.Builder
	skip := 0
	inTitle := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return tidy(b.String()), strings.TrimSpace(t.String())
		case html.TextToken:
			switch {
			case inTitle:
				t.Write(z.Text())
			case skip == 0:
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
				if a == atom.Head {
					continue // the title inside it is read
				}
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.Title:
				inTitle = tt == html.StartTagToken
			case atom.Br, atom.P, atom.Div, atom.Li, atom.Tr, atom.Td, atom.Th, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Table, atom.Section, atom.Article, atom.Blockquote, atom.Pre, atom.Ul, atom.Ol, atom.Dd, atom.Dt, atom.Hr:
				b.WriteByte('\n')
			}
		}
	}
}

var reBlankRuns = regexp.MustCompile(`\n[ \t\x{3000}\x{a0}]*\n(\s*\n)+`)

func tidy(s string) string {
	return strings.TrimSpace(reBlankRuns.ReplaceAllString(s, "\n\n"))
}

var (
	mdHeading = regexp.MustCompile(`(?m)^[ \t]{0,3}#{1,6}[ \t]+`)
	mdQuote   = regexp.MustCompile(`(?m)^[ \t]{0,3}>[ \t]?`)
	mdBullet  = regexp.MustCompile(`(?m)^[ \t]{0,3}[-*+][ \t]+`)
	mdFence   = regexp.MustCompile("(?m)^[ \t]{0,3}(```|~~~).*$")
	mdRule    = regexp.MustCompile(`(?m)^[ \t]{0,3}([-*_][ \t]*){3,}$`)
	mdImage   = regexp.MustCompile(`!\[([^\]\n]*)\]\([^)\n]*\)`)
	mdLink    = regexp.MustCompile(`\[([^\]\n]*)\]\([^)\n]*\)`)
	mdStrong  = regexp.MustCompile(`(\*\*|__)([^\n]+?)(\*\*|__)`)
	mdCode    = regexp.MustCompile("`([^`\n]+)`")
)

// MarkdownText removes Markdown markup and keeps the text: heading marks,
// quote marks, bullets, fences and rules go; links and images keep their
// text; bold and code marks go. Numbered lists keep their numbers (they
// are the plan's numbering), and tables are left to the table reader.
func MarkdownText(s string) string {
	s = mdFence.ReplaceAllString(s, "")
	s = mdRule.ReplaceAllString(s, "")
	s = mdHeading.ReplaceAllString(s, "")
	s = mdQuote.ReplaceAllString(s, "")
	s = mdBullet.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$2")
	s = mdCode.ReplaceAllString(s, "$1")
	return s
}
