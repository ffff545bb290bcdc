package structure

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TableKind says what a table holds.
type TableKind int

// Table kinds.
const (
	OtherTable     TableKind = iota
	IndicatorTable           // 指标 / 单位 / 基期值 / 目标值 / 属性: targets
	TaskTable                // 序号 / 任务 / 责任单位 / 完成时限: tasks with departments and deadlines
)

// Span is a range of lines [Start, End).
type Span struct{ Start, End int }

// Table is a table found in a text flattened to one cell per line: a
// header of short labels after 序号, then rows, each opened by its number
// on a line of its own.
type Table struct {
	Span          // every line of the table, header included
	Header []Span // the header's lines, one a column label
	Rows   []Row  // in order
	Kind   TableKind
}

// Row is one row: its number and its cells, each a span of lines (a cell
// the page broke over several lines spans them all).
type Row struct {
	Number int
	Cells  []Span
}

// lines counts the lines of the row's cells.
func (r Row) lines() int {
	n := 0
	for _, c := range r.Cells {
		n += c.End - c.Start
	}
	return n
}

// MaxHeaderLabel is the longest column label, in runes.
const MaxHeaderLabel = 20

// MinRowLines is how many lines a row may take at least before the next
// row number must appear: pages break a cell at every number.
const MinRowLines = 24

// MaxHeaderColumns is the most columns a flattened header may have.
const MaxHeaderColumns = 20

// Tables finds the flattened tables of a text given as lines. A table
// starts at a line 序号 (or 编号) followed by short labels and a line "1";
// each row runs from its number to the line that holds the next number.
// The last row takes at most as many lines as the header has columns, so a
// table ends where the numbering stops. It is linear in the lines.
func Tables(lines []string) []Table { return TablesOfRows(lines, nil) }

// TablesOfRows is Tables where some lines are the cells of a row written on
// one line (CellBreaks): row[i], when not 0, names the row line i was cut
// from. Such a row is its cells as written — the header too — and no
// cell joins another or takes a line after its row, whatever the lines
// read like. row may be nil.
func TablesOfRows(lines []string, row []int) []Table {
	var out []Table
	// written returns the end of the one-line row that line k opens, or 0
	// where line k was not cut from one.
	written := func(k int) int {
		if row == nil || row[k] == 0 {
			return 0
		}
		end := k + 1
		for end < len(lines) && row[end] == row[k] {
			end++
		}
		return end
	}
	var join []bool // which lines continue the one before, as Reflow decides; computed on first need
	for i := 0; i < len(lines); i++ {
		if !isRowNumberHeader(lines[i]) {
			continue
		}
		j := i + 1
		for j < len(lines) && j-i <= MaxHeaderColumns && !rowStart(lines, j, 1) {
			if utf8.RuneCountInString(lines[j]) > MaxHeaderLabel {
				break
			}
			j++
		}
		if w := written(i); w > 0 && w < j {
			j = w // the header's own line ends it
		}
		if j >= len(lines) || !rowStart(lines, j, 1) || j == i+1 {
			continue
		}
		if join == nil {
			meta := make([]Line, len(lines))
			for k, l := range lines {
				meta[k] = Line{Text: l}
			}
			join = append(Reflow(meta), false)
		}
		t := Table{Span: Span{Start: i}}
		for k := i; k < j; k++ {
			t.Header = append(t.Header, Span{k, k + 1})
		}
		readRows := func(cols int) ([]Row, int) {
			var rows []Row
			k := j
			for n := 1; k < len(lines) && rowStart(lines, k, n); n++ {
				if end := written(k); end > 0 {
					rows = append(rows, Row{Number: n, Cells: cells(nil, k+1, end, cols-1)})
					k = end
					continue
				}
				end := k + 1
				limit := min(len(lines), k+1+max(3*cols, MinRowLines))
				for end < limit && !rowStart(lines, end, n+1) {
					end++
				}
				if end == limit && !rowStart(lines, end, n+1) {
					end = lastRowEnd(join, k, limit, cols-1)
				}
				rows = append(rows, Row{Number: n, Cells: cells(join, k+1, end, cols-1)})
				k = end
			}
			return rows, k
		}
		var k int
		t.Rows, k = readRows(len(t.Header))
		if h := joinBrokenLabels(lines, t.Header, t.Rows); len(h) < len(t.Header) {
			t.Header = h // a header broken over lines: the rows read again under its labels
			t.Rows, k = readRows(len(t.Header))
		}
		t.Kind = tableKind(lines, t.Header)
		if len(t.Rows) < 2 && t.Kind == OtherTable || emptyRow(t.Rows) {
			continue // a list of numbers is no table; one row under the labels of a task or indicator table is one
		}
		t.End = k
		out = append(out, t)
		i = k - 1
	}
	return out
}

// cells groups the lines [a, b) of a row into at most n cells. A row with
// no more lines than cells has one line a cell; in a longer one, lines that
// continue one another (join; nil: none do) make one cell, and cells beyond
// n join the last.
func cells(join []bool, a, b, n int) []Span {
	var out []Span
	for k := a; k < b; k++ {
		if len(out) > 0 && ((join != nil && join[k-1] && b-a > n) || len(out) == max(n, 1)) {
			out[len(out)-1].End = k + 1
			continue
		}
		out = append(out, Span{k, k + 1})
	}
	return out
}

// lastRowEnd is where the last row, opened at line k, ends: after n cells
// (runs of lines that continue one another), or at limit.
func lastRowEnd(join []bool, k, limit, n int) int {
	end, seen := k+1, 0
	for end < limit {
		if end == k+1 || !join[end-1] {
			if seen == max(n, 1) {
				break
			}
			seen++
		}
		end++
	}
	return end
}

// MaxLabelPart is the longest piece, in runes, of a column label a page
// broke over two lines (牵头 / 单位, 完成 / 时限).
const MaxLabelPart = 2

// joinBrokenLabels joins the pieces of column labels a page broke over
// lines when the header has more labels than the shortest row has lines:
// two labels of at most MaxLabelPart runes side by side are one label,
// from the left, until the labels are as many as that row's cells (the
// row number's column, the first, is never joined). It returns a new
// header; header is left as it is.
func joinBrokenLabels(lines []string, header []Span, rows []Row) []Span {
	fewest := -1
	for _, r := range rows {
		if n := r.lines(); fewest < 0 || n < fewest {
			fewest = n
		}
	}
	header = slices.Clone(header)
	short := func(h Span) bool { return h.End-h.Start == 1 && utf8.RuneCountInString(lines[h.Start]) <= MaxLabelPart }
	for k := 1; k+1 < len(header) && len(header)-1 > fewest; {
		if short(header[k]) && short(header[k+1]) {
			header[k].End = header[k+1].End
			header = append(header[:k+1], header[k+2:]...)
		}
		k++
	}
	return header
}

// ColumnOf returns the index of the first label that holds a word of the
// embedded list (task_column, lead_column, support_column,
// deadline_column, indicator_column, target_column), or -1.
func ColumnOf(labels []string, list string) int {
	for i, l := range labels {
		for _, w := range words()[list] {
			if strings.Contains(l, w) {
				return i
			}
		}
	}
	return -1
}

func emptyRow(rows []Row) bool {
	for _, r := range rows {
		if len(r.Cells) == 0 {
			return true
		}
	}
	return false
}

func isRowNumberHeader(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	return s == "序号" || s == "编号"
}

// rowStart reports whether line k opens row n: it is the number n alone,
// and the lines around it do not hold it inside an expression (5 / ∶ / 3 /
// ∶ / 2 in a ratio, 16 / % in a percentage).
func rowStart(lines []string, k, n int) bool {
	if k >= len(lines) || rowNumber(lines[k]) != n {
		return false
	}
	if k+1 < len(lines) {
		if first, _ := utf8.DecodeRuneInString(lines[k+1]); strings.ContainsRune(closers, first) {
			return false
		}
	}
	if k > 0 {
		if last, _ := utf8.DecodeLastRuneInString(lines[k-1]); strings.ContainsRune("∶:：+-—~～/、,，", last) {
			return false
		}
	}
	return true
}

// rowNumber reads a line that is nothing but a row number, or 0.
func rowNumber(s string) int {
	if s == "" || len(s) > 4 {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

func tableKind(lines []string, header []Span) TableKind {
	var labels []string
	for _, h := range header {
		labels = append(labels, strings.ReplaceAll(strings.Join(lines[h.Start:h.End], ""), " ", ""))
	}
	has := func(list string) bool { return ColumnOf(labels, list) >= 0 }
	switch {
	case has("task_column") && (has("lead_column") || has("support_column")):
		return TaskTable
	case has("indicator_column"):
		return IndicatorTable
	}
	return OtherTable
}

// MaxCell is the longest cell, in runes, of a row written on one line
// whose cells are not numbered.
const MaxCell = 60

// CellBreaks splits a table row written on one line — cells separated by
// tabs, vertical bars or runs of two or more spaces ("1\t推进…\t市卫健委\t
// 2024年底", "| 序号 | 任务 |") — into cells: it returns each cell as a
// rune range [start, end). A line that does not look like a row (fewer
// than three cells; or cells of prose length unless it starts with a row
// number or 序号) gives nil, so prose is never cut.
func CellBreaks(s string) [][2]int {
	rs := []rune(s)
	var cells [][2]int
	start, seps := 0, 0
	flush := func(end int) {
		a, b := start, end
		for a < b && rs[a] == ' ' {
			a++
		}
		for b > a && rs[b-1] == ' ' {
			b--
		}
		if b > a {
			cells = append(cells, [2]int{a, b})
		}
	}
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '\t' || rs[i] == '|' || rs[i] == '│' || rs[i] == '┃':
		case rs[i] == ' ' && i+1 < len(rs) && rs[i+1] == ' ':
			j := i
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			flush(i)
			seps++
			start, i = j, j-1
			continue
		default:
			continue
		}
		flush(i)
		seps++
		start = i + 1
	}
	flush(len(rs))
	if seps < 2 || len(cells) < 3 {
		return nil
	}
	first := string(rs[cells[0][0]:cells[0][1]])
	if rowNumber(first) > 0 || isRowNumberHeader(first) {
		return cells
	}
	for _, c := range cells {
		if c[1]-c[0] > MaxCell {
			return nil
		}
	}
	return cells
}
