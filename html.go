package policycmp

import (
	"path/filepath"
	"strings"

	"github.com/policycmp/policycmp/ingest"
)

// HTMLText reduces an HTML page to its text: scripts, styles and comments
// dropped, block elements turned into line breaks, entities decoded.
func HTMLText(page string) string {
	text, _ := ingest.Text(page)
	return text
}

func isTextFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".html", ".htm":
		return true
	}
	return false
}
