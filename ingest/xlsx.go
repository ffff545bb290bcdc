package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// NoteXlsx is the note kind of a spreadsheet reduced to its text.
const NoteXlsx = "xlsx"

// MaxSheetCells bounds the cells a spreadsheet is read for: a sheet can
// address a million rows by sixteen thousand columns.
const MaxSheetCells = 4 << 20

// XlsxText reduces a spreadsheet (.xlsx) to its text, with excelize: each
// sheet's rows in order, one a line, cells separated by tabs (the form of
// table rows the structure stage reads), a blank line between sheets. A
// cell merged down a column (a 领域 spanning its rows) is written on every
// row it spans, so each row holds its cells; a cell merged across a row (a
// title) once. It unpacks at most MaxDocxXML bytes and reads at most
// MaxSheetCells cells.
func XlsxText(b []byte) (text string, err error) {
	defer func() {
		// excelize is a parser of its own: a file it cannot read is a
		// damaged spreadsheet, never a panic of ours
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("%w: a damaged spreadsheet: %v", ErrBinary, r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: MaxDocxXML, UnzipXMLSizeLimit: MaxDocxXML})
	if err != nil {
		if strings.Contains(err.Error(), "size limit") {
			return "", fmt.Errorf("a spreadsheet that unpacks past %d bytes: %w", MaxDocxXML, ErrTooLarge)
		}
		return "", fmt.Errorf("%w: a damaged spreadsheet: %v", ErrBinary, err)
	}
	defer f.Close()
	var out strings.Builder
	cells := 0
	for k, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return "", fmt.Errorf("%w: a damaged spreadsheet: sheet %s: %v", ErrBinary, sheet, err)
		}
		fillDown(f, sheet, rows)
		if k > 0 {
			out.WriteByte('\n')
		}
		for _, row := range rows {
			if cells += len(row); cells > MaxSheetCells {
				return "", fmt.Errorf("a spreadsheet of more than %d cells: %w", MaxSheetCells, ErrTooLarge)
			}
			for len(row) > 0 && strings.TrimSpace(row[len(row)-1]) == "" {
				row = row[:len(row)-1]
			}
			for i, c := range row {
				if i > 0 {
					out.WriteByte('\t')
				}
				out.WriteString(strings.Join(strings.Fields(c), " ")) // a cell's line breaks stay inside its cell
			}
			out.WriteByte('\n')
		}
	}
	return out.String(), nil
}

// fillDown writes the value of each cell merged down one column into every
// row of rows it spans.
func fillDown(f *excelize.File, sheet string, rows [][]string) {
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		return // the rows as read: a merge is an aid
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || c1 != c2 || r2 <= r1 {
			continue // across a row, or unreadable: written once
		}
		v := m.GetCellValue()
		for r := r1; r <= r2 && r-1 < len(rows); r++ {
			row := rows[r-1]
			for len(row) < c1 {
				row = append(row, "")
			}
			row[c1-1] = v
			rows[r-1] = row
		}
	}
}
