package policycmp

import (
	"html"
	"path/filepath"
	"regexp"
	"strings"
)

var (
	reHTMLDrop  = regexp.MustCompile(`(?is)<(script|style|noscript|head|template)\b.*?</(script|style|noscript|head|template)\s*>|<!--.*?-->`)
	reHTMLBreak = regexp.MustCompile(`(?i)<br\s*/?>|</(p|div|li|tr|h[1-6]|table|section|article|blockquote|pre)\s*>|<(p|div|li|tr|h[1-6])\b[^>]*>`)
	reHTMLTag   = regexp.MustCompile(`(?s)<[^>]*>`)
	reBlankRuns = regexp.MustCompile(`\n[ \t\x{3000}]*\n(\s*\n)+`)
)

// HTMLText reduces an HTML page to its text: scripts, styles and comments
// dropped, block elements turned into line breaks, entities decoded.
func HTMLText(page string) string {
	s := reHTMLDrop.ReplaceAllString(page, "")
	s = reHTMLBreak.ReplaceAllString(s, "\n")
	s = reHTMLTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	s = reBlankRuns.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}

func isHTML(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return true
	}
	return false
}

func isTextFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".html", ".htm":
		return true
	}
	return false
}
