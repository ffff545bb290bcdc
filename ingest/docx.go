package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrTooLarge reports input larger than its limit: a file, or the text a
// compressed document (a .docx) would unpack to.
var ErrTooLarge = errors.New("policycmp: input larger than the size limit")

// NoteDocx is the note kind of a Word document reduced to its text.
const NoteDocx = "docx"

// MaxDocxXML is how many bytes a .docx's word/document.xml and
// word/numbering.xml may unpack to: a compressed file of a few kilobytes
// can hold gigabytes, so the limit holds before anything is unpacked.
const MaxDocxXML = 64 << 20

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	pdfMagic = []byte("%PDF-")
)

// unsupported returns ErrBinary, saying what the input is and how to
// convert it, for a format recognised by its first bytes that ingest does
// not read; nil for any other input.
func unsupported(b []byte) error {
	switch {
	case bytes.HasPrefix(b, pdfMagic):
		return fmt.Errorf("%w: a PDF; copy its text into a .txt file, or save it as .docx", ErrBinary)
	case bytes.HasPrefix(b, oleMagic):
		return fmt.Errorf("%w: a Word or Excel 97–2003 (.doc, .xls) or WPS file; save it as .docx, .xlsx or .txt", ErrBinary)
	case bytes.HasPrefix(b, zipMagic):
		return fmt.Errorf("%w: a ZIP archive, not a Word document (.docx) or a spreadsheet (.xlsx)", ErrBinary)
	}
	return nil
}

// openZip returns b as a ZIP archive, or nil when it is none.
func openZip(b []byte) *zip.Reader {
	if !bytes.HasPrefix(b, zipMagic) {
		return nil
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil
	}
	return zr
}

// holds reports whether archive zr holds a file named name.
func holds(zr *zip.Reader, name string) bool {
	for _, f := range zr.File {
		if f.Name == name {
			return true
		}
	}
	return false
}

// Office documents are told apart by the part they are read from.
const (
	docxPart = "word/document.xml"
	xlsxPart = "xl/workbook.xml"
)

// readZipFile returns the unpacked bytes of name in zr, at most MaxDocxXML,
// or nil when zr has no such file.
func readZipFile(zr *zip.Reader, name string) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		if f.UncompressedSize64 > MaxDocxXML {
			return nil, fmt.Errorf("%s unpacks to %d bytes, limit %d: %w", name, f.UncompressedSize64, MaxDocxXML, ErrTooLarge)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, MaxDocxXML+1))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(data) > MaxDocxXML {
			return nil, fmt.Errorf("%s unpacks to more than %d bytes: %w", name, MaxDocxXML, ErrTooLarge)
		}
		return data, nil
	}
	return nil, nil
}

// DocxText reduces a Word document (.docx, Office Open XML) to its text:
// one line a paragraph, a table row's cells on one line separated by tabs
// (the form of table rows the structure stage reads), and the numbers of
// automatically numbered paragraphs (一、 (一) 1.) written out in front of
// them, since plans number their sections and tasks so.
func DocxText(b []byte) (string, error) {
	zr := openZip(b)
	if zr == nil || !holds(zr, docxPart) {
		return "", fmt.Errorf("%w: not a Word document (.docx)", ErrBinary)
	}
	return docxText(zr)
}

func docxText(zr *zip.Reader) (string, error) {
	doc, err := readZipFile(zr, docxPart)
	if err != nil {
		return "", err
	}
	numData, err := readZipFile(zr, "word/numbering.xml")
	if err != nil {
		return "", err
	}
	nums := parseNumbering(numData)
	return docxBody(doc, nums)
}

// docxNotes counts the notes of a Word document that DocxText leaves out
// (footnotes and endnotes, which a plan rarely holds and whose place in
// the text is a mark), so that Decode can say so.
func docxNotes(zr *zip.Reader) (footnotes int) {
	for _, name := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		data, err := readZipFile(zr, name)
		if err != nil || data == nil {
			continue
		}
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			if t, ok := tok.(xml.StartElement); ok && (t.Name.Local == "footnote" || t.Name.Local == "endnote") {
				if attr(t, "type") == "" { // separators have a type
					footnotes++
				}
			}
		}
	}
	return footnotes
}

// docxBody walks document.xml. Paragraphs may nest (a text box inside a
// paragraph holds paragraphs of its own): each is kept on a stack and
// written when it closes, so no text is lost. A table row is one line, its
// cells between tabs; a short cell merged down its column (w:vMerge) is
// written on every row it spans, as HTML row spans and spreadsheets' merged
// cells are, so each row holds its cells.
func docxBody(doc []byte, nums *numbering) (string, error) {
	type openPara struct {
		text        strings.Builder
		numID, ilvl string
	}
	// table is an open table: the column of the open cell, where its text
	// starts in out, how it merges, and the text of each column's last
	// merge-opening cell.
	type table struct {
		col, start, span int
		open, cont       bool
		merged           map[int]string
	}
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var out []byte
	var stack []*openPara
	var tables []*table
	fill := len(doc) // bytes merged cells may still write again: the text grows by at most the document
	inText := false
	top := func() *openPara {
		if len(stack) == 0 {
			return nil
		}
		return stack[len(stack)-1]
	}
	cell := func() *table { // the table whose cell is open, if any
		if len(tables) == 0 || !tables[len(tables)-1].open {
			return nil
		}
		return tables[len(tables)-1]
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%w: a damaged Word document: word/document.xml: %v", ErrBinary, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			p := top()
			switch t.Name.Local {
			case "p":
				stack = append(stack, &openPara{})
			case "numId":
				if p != nil {
					p.numID = attr(t, "val")
				}
			case "ilvl":
				if p != nil {
					p.ilvl = attr(t, "val")
				}
			case "t":
				inText = true
			case "tab":
				if p != nil {
					p.text.WriteByte('\t')
				}
			case "br", "cr":
				if p != nil {
					p.text.WriteByte('\n')
				}
			case "tbl":
				tables = append(tables, &table{merged: map[int]string{}})
			case "tr":
				if tb := lastTable(tables); tb != nil {
					tb.col = 0
				}
			case "tc":
				if tb := lastTable(tables); tb != nil {
					tb.open, tb.cont, tb.span, tb.start = true, false, 1, len(out)
				}
			case "vMerge":
				if tb := cell(); tb != nil {
					switch attr(t, "val") {
					case "restart":
						tb.merged[tb.col] = "" // filled when the cell closes
					default:
						tb.cont = true
					}
				}
			case "gridSpan":
				if tb := cell(); tb != nil {
					if n, err := strconv.Atoi(attr(t, "val")); err == nil && n > 1 {
						tb.span = min(n, MaxDocxGridSpan)
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				p := top()
				if p == nil {
					continue
				}
				stack = stack[:len(stack)-1]
				text := strings.TrimRight(p.text.String(), " ")
				if p.numID != "" {
					text = nums.next(p.numID, p.ilvl) + text
				}
				if cell() != nil {
					// paragraphs of one cell stay on the row's line
					if text != "" {
						out = append(out, strings.ReplaceAll(text, "\n", " ")...)
						out = append(out, ' ')
					}
				} else {
					out = append(out, text...)
					out = append(out, '\n')
				}
			case "tc":
				tb := cell()
				if tb == nil {
					continue
				}
				out = bytes.TrimRight(out, " ")
				text := string(out[min(tb.start, len(out)):])
				switch _, opened := tb.merged[tb.col]; {
				case tb.cont && text == "":
					if again := tb.merged[tb.col]; len(again) <= fill {
						out = append(out, again...) // the merged cell again
						fill -= len(again)
					}
				case opened && !tb.cont && utf8.RuneCountInString(text) <= MaxSpanCell:
					tb.merged[tb.col] = text
				default:
					delete(tb.merged, tb.col)
				}
				out = append(out, '\t')
				tb.open = false
				tb.col += tb.span
			case "tr":
				out = bytes.TrimSuffix(out, []byte("\t"))
				out = append(out, '\n')
			case "tbl":
				if len(tables) > 0 {
					tables = tables[:len(tables)-1]
				}
			}
		case xml.CharData:
			if p := top(); inText && p != nil {
				p.text.Write(t)
			}
		}
	}
	return string(out), nil
}

// MaxDocxGridSpan bounds the columns one Word table cell may span.
const MaxDocxGridSpan = 64

func lastTable[T any](tables []*T) *T {
	if len(tables) == 0 {
		return nil
	}
	return tables[len(tables)-1]
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// numbering holds a document's list definitions: for each list (numId)
// its abstract definition's levels, and the counters of the lists met.
type numbering struct {
	abstractOf map[string]string              // numId → abstractNumId
	levels     map[string]map[string]numLevel // abstractNumId → ilvl → level
	counters   map[string][]int               // numId → counter per level
}

type numLevel struct {
	format string // numFmt: decimal, chineseCounting, …
	text   string // lvlText: "%1、", "(%1)", "%1."
	start  int
}

func parseNumbering(data []byte) *numbering {
	n := &numbering{abstractOf: map[string]string{}, levels: map[string]map[string]numLevel{}, counters: map[string][]int{}}
	if data == nil {
		return n
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var abs, lvl, num string
	var cur numLevel
	for {
		tok, err := dec.Token()
		if err != nil {
			return n // what was read so far: numbering is an aid, not the text
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "abstractNum":
				abs = attr(t, "abstractNumId")
				n.levels[abs] = map[string]numLevel{}
			case "lvl":
				lvl, cur = attr(t, "ilvl"), numLevel{start: 1, format: "decimal"}
			case "start":
				if v, err := strconv.Atoi(attr(t, "val")); err == nil {
					cur.start = v
				}
			case "numFmt":
				cur.format = attr(t, "val")
			case "lvlText":
				cur.text = attr(t, "val")
			case "num":
				num = attr(t, "numId")
			case "abstractNumId":
				if num != "" {
					n.abstractOf[num] = attr(t, "val")
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "lvl":
				if abs != "" {
					n.levels[abs][lvl] = cur
				}
			case "num":
				num = ""
			}
		}
	}
}

// MaxListLevels bounds the levels of a list ingest counts (Word has nine).
const MaxListLevels = 9

// next returns the number of the next paragraph of list numID at level
// ilvl, as its level writes it ("一、", "(一)", "1."), and counts it; a
// level restarts when a level above it moves on.
func (n *numbering) next(numID, ilvl string) string {
	if n == nil || numID == "0" {
		return ""
	}
	lv, err := strconv.Atoi(ilvl)
	if err != nil || lv < 0 || lv >= MaxListLevels {
		lv = 0
	}
	levels := n.levels[n.abstractOf[numID]]
	if levels == nil {
		return ""
	}
	c := n.counters[numID]
	if c == nil {
		c = make([]int, MaxListLevels)
		n.counters[numID] = c
	}
	def := levels[strconv.Itoa(lv)]
	if c[lv] == 0 {
		c[lv] = def.start
	} else {
		c[lv]++
	}
	for k := lv + 1; k < MaxListLevels; k++ {
		c[k] = 0
	}
	text := def.text
	for k := 0; k <= lv; k++ {
		d := levels[strconv.Itoa(k)]
		v := c[k]
		if v == 0 {
			v = d.start
		}
		text = strings.ReplaceAll(text, "%"+strconv.Itoa(k+1), formatNumber(v, d.format))
	}
	if def.format == "bullet" || def.format == "none" {
		return ""
	}
	return text
}

// formatNumber writes v as a list number of format (numFmt).
func formatNumber(v int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional", "taiwaneseCounting", "taiwaneseCountingThousand":
		return chineseNumber(v)
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if v >= 1 && v <= 20 {
			return string(rune(0x2460 + v - 1))
		}
	}
	return strconv.Itoa(v)
}

// chineseNumber writes 1–99 in Chinese numerals (一, 十一, 二十三), as list
// numbers are; larger values in digits.
func chineseNumber(v int) string {
	digits := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case v >= 1 && v <= 9:
		return digits[v]
	case v == 10:
		return "十"
	case v > 10 && v < 20:
		return "十" + digits[v-10]
	case v >= 20 && v < 100:
		s := digits[v/10] + "十"
		if v%10 != 0 {
			s += digits[v%10]
		}
		return s
	}
	return strconv.Itoa(v)
}
