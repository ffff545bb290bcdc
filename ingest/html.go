package ingest

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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
// breaks, entities decoded (after the page was decoded to UTF-8, so a GBK
// page's entities come out right). A table row of short cells (a data
// table's row: 序号, 任务, 牵头单位 …) becomes one line, its cells between
// tabs, so the row is read as written; a row whose cells hold long text
// or many blocks (a page laid out in a table) gives its cells' text line
// by line. A short cell merged down its column (rowspan) is written on
// every row it spans, so each row holds its cells, as long as the text
// grows by no more than the page's own length.
func Text(page string) (text, title string) {
	z := html.NewTokenizer(strings.NewReader(page))
	var b, t strings.Builder
	var tables []*htmlTable // open tables, innermost last
	// put writes text where it belongs: into the innermost open cell, or
	// the page's text. brk is a block break; inside a cell a line break of
	// the page's source is kept apart from it (lineMark), since a browser
	// shows it as a space.
	put := func(s string, brk bool) {
		n := len(tables)
		if n == 0 || tables[n-1].cell == nil {
			if brk {
				s = "\n"
			}
			b.WriteString(s)
			return
		}
		c := tables[n-1].cell
		if brk {
			c.text.WriteString(blockMark)
			c.blocks++
			return
		}
		c.text.WriteString(strings.ReplaceAll(s, "\n", lineMark))
	}
	skip := 0
	deeper := 0       // tables open beyond MaxTableDepth
	fill := len(page) // bytes row spans may still write again: the text at most doubles
	inTitle := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			for len(tables) > 0 { // tables left open at the end
				out := tables[len(tables)-1].close()
				tables = tables[:len(tables)-1]
				put(out, false)
			}
			return tidy(b.String()), strings.TrimSpace(t.String())
		case html.TextToken:
			switch {
			case inTitle:
				t.Write(z.Text())
			case skip == 0:
				put(string(z.Text()), false)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			end := tt == html.EndTagToken
			var top *htmlTable
			if len(tables) > 0 {
				top = tables[len(tables)-1]
			}
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
				if a == atom.Head {
					continue // the title inside it is read
				}
				if tt == html.StartTagToken {
					skip++
				} else if end && skip > 0 {
					skip--
				}
			case atom.Title:
				inTitle = tt == html.StartTagToken
			case atom.Table:
				if tt == html.StartTagToken {
					put("", true)
					if len(tables) < MaxTableDepth {
						tables = append(tables, &htmlTable{fill: &fill})
					} else {
						deeper++ // read as part of the table it is in
					}
				} else if end && deeper > 0 {
					deeper--
					put("", true)
				} else if end && top != nil {
					tables = tables[:len(tables)-1]
					put(top.close(), false)
				}
			case atom.Tr:
				if top != nil {
					top.endRow()
				} else {
					put("", true)
				}
			case atom.Td, atom.Th:
				if top == nil {
					put("", true)
					break
				}
				top.endCell()
				if !end {
					top.cell = &htmlCell{rows: rowSpan(z, hasAttr)}
				}
			case atom.Br, atom.P, atom.Div, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Section, atom.Article, atom.Blockquote, atom.Pre, atom.Ul, atom.Ol, atom.Dd, atom.Dt, atom.Hr:
				put("", true)
			}
		}
	}
}

// MaxTableDepth is how many tables inside one another are read as tables;
// a table deeper still is read as part of the one it is in (its rows and
// cells become the rows and cells of that one), so each character of the
// page is copied a bounded number of times.
const MaxTableDepth = 4

// MaxRowCell and MaxRowCellBlocks bound the cells of a table row read as
// one line: a data table's cell holds a task, a department or a date, in
// at most a few paragraphs; a page laid out in a table holds its whole text
// in one cell.
const (
	MaxRowCell       = 400 // runes
	MaxRowCellBlocks = 6   // line breaks and blocks inside one cell
)

// MaxSpanCell is the longest cell, in runes, that a row span writes on
// every row it spans (a 领域 or 类别 label merged down its rows, as a
// spreadsheet's merged cells are); a longer one is written once.
const MaxSpanCell = 40

// htmlTable is an open table: the row being read and its open cell, the
// cells of earlier rows that span down into the next ones, and the text of
// the rows done.
type htmlTable struct {
	out   strings.Builder
	row   []*htmlCell
	cell  *htmlCell
	spans []span
	fill  *int // the page's budget for cells written again (Text)
}

// span is a cell of an earlier row that goes on down column col for left
// more rows.
type span struct {
	col, left int
	cell      *htmlCell
}

// htmlCell is a table cell's text, with the blocks inside it counted and
// marked where they stand, and the rows it spans (its rowspan).
type htmlCell struct {
	text   strings.Builder
	blocks int
	rows   int
}

// rowSpan reads the rowspan of the cell tag z is at (1 without one).
func rowSpan(z *html.Tokenizer, hasAttr bool) int {
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		if string(k) == "rowspan" {
			n, err := strconv.Atoi(strings.TrimSpace(string(v)))
			if err == nil && n > 1 {
				return min(n, MaxRowSpan)
			}
		}
	}
	return 1
}

// MaxRowSpan bounds a rowspan as browsers do.
const MaxRowSpan = 65534

// withSpans returns the row's cells with the cells spanning down from
// earlier rows in their columns, and notes the row's own spanning cells.
func (t *htmlTable) withSpans(own []*htmlCell) []*htmlCell {
	var row []*htmlCell
	var next []span
	k := 0
	take := func() { // the row's next own cell, in the next column
		c := own[k]
		k++
		if c.rows > 1 && utf8.RuneCountInString(c.text.String()) <= MaxSpanCell {
			next = append(next, span{len(row), c.rows - 1, c})
		}
		row = append(row, c)
	}
	for _, sp := range t.spans {
		for k < len(own) && len(row) < sp.col {
			take()
		}
		if *t.fill -= sp.cell.text.Len(); *t.fill < 0 {
			continue // the budget is spent: written once, as without spans
		}
		row = append(row, sp.cell)
		if sp.left > 1 {
			next = append(next, span{len(row) - 1, sp.left - 1, sp.cell})
		}
	}
	for k < len(own) {
		take()
	}
	slices.SortFunc(next, func(a, b span) int { return a.col - b.col })
	t.spans = next
	return row
}

// blockMark and lineMark stand for a block break and a line break of the
// page's source inside a cell until its row is written. In a row read as
// one line a block break joins the two parts of the cell and a source line
// break is a space; in a row read line by line both are line breaks. The
// tokenizer yields neither rune (it replaces NUL, and U+0001 is not text).
const (
	blockMark = "\x00"
	lineMark  = "\x01"
)

func (t *htmlTable) endCell() {
	if t.cell != nil {
		t.row = append(t.row, t.cell)
		t.cell = nil
	}
}

// endRow writes the row read so far: one line of tab-separated cells when
// it has two or more and each is short, else each cell's text line by line.
func (t *htmlTable) endRow() {
	t.endCell()
	if len(t.row) == 0 {
		return
	}
	row := t.withSpans(t.row)
	oneLine := len(row) >= 2
	for _, c := range row {
		oneLine = oneLine && c.blocks <= MaxRowCellBlocks && utf8.RuneCountInString(c.text.String()) <= MaxRowCell
	}
	t.out.WriteByte('\n')
	for i, c := range row {
		s := c.text.String()
		if oneLine {
			if i > 0 {
				t.out.WriteByte('\t')
			}
			s = strings.ReplaceAll(strings.ReplaceAll(s, blockMark, ""), lineMark, " ")
			t.out.WriteString(strings.Join(strings.Fields(s), " "))
			continue
		}
		t.out.WriteString(strings.ReplaceAll(strings.ReplaceAll(s, blockMark, "\n"), lineMark, "\n"))
		t.out.WriteByte('\n')
	}
	t.out.WriteByte('\n')
	t.row = t.row[:0]
}

// close ends the table and returns its text.
func (t *htmlTable) close() string {
	t.endRow()
	return t.out.String() + "\n"
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
