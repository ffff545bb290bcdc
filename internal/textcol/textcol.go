// Package textcol lays out text tables for a terminal by display width:
// a Chinese character takes two columns, a combining mark none, so columns
// of Chinese text line up (padding by rune count, as text/tabwriter does,
// leaves them ragged).
package textcol

import (
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Width is the number of terminal columns s takes.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == 0x200B:
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}

// Pad returns s followed by spaces up to n columns.
func Pad(s string, n int) string {
	if w := Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// Table collects rows and writes them with every column as wide as its
// widest cell, separated by gap spaces; numbers are best right-aligned by
// the caller with PadLeft.
type Table struct {
	Gap  int
	rows [][]string
}

// Row adds a row.
func (t *Table) Row(cells ...string) { t.rows = append(t.rows, cells) }

// PadLeft returns s preceded by spaces up to n columns.
func PadLeft(s string, n int) string {
	if w := Width(s); w < n {
		return strings.Repeat(" ", n-w) + s
	}
	return s
}

// WriteTo writes the table; the last cell of a row is not padded.
func (t *Table) WriteTo(w io.Writer) (int64, error) {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], Width(c))
		}
	}
	gap := strings.Repeat(" ", max(t.Gap, 1))
	var b strings.Builder
	for _, r := range t.rows {
		for i, c := range r {
			if i > 0 {
				b.WriteString(gap)
			}
			if i == len(r)-1 {
				b.WriteString(c)
			} else {
				b.WriteString(Pad(c, widths[i]))
			}
		}
		b.WriteByte('\n')
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}
