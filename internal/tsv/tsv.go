// Package tsv reads the project's embedded data tables: one row a line,
// fields separated by tabs; blank lines and lines starting with # are
// comments. Each table's own parser gives its fields their meaning.
package tsv

import "strings"

// Row is a data line of a table.
type Row struct {
	Line   int      // 1-based line number in the file, for error messages
	Fields []string // the line split at tabs
}

// Rows returns the data lines of a table, in file order.
func Rows(data string) []Row {
	var out []Row
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, Row{Line: n + 1, Fields: strings.Split(line, "\t")})
	}
	return out
}
