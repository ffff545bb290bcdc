// Package ingest turns input bytes into UTF-8 text: it detects the
// encoding (UTF-8 with or without BOM, UTF-16 with or without BOM,
// GB18030/GBK, Big5, an HTML page's declared charset), refuses empty and
// binary input (saying so when it is a PDF or a Word 97–2003 file), and
// reduces HTML pages, Word documents (.docx) and spreadsheets (.xlsx),
// recognised by their content, to their text. Every repair is a Note.
//
// It knows nothing of documents: the root package turns Notes into
// warnings and parses the text.
package ingest

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Errors of Decode.
var (
	ErrEmpty  = errors.New("policycmp: empty document")
	ErrBinary = errors.New("policycmp: input looks binary, not text")
)

// Note kinds: the same words as the warnings of package policycmp.
const (
	NoteEncoding     = "encoding"
	NoteInvalidBytes = "invalid_bytes"
	NoteHTML         = "html"
	NoteMarkdown     = "markdown"
)

// Note reports something Decode repaired.
type Note struct {
	Kind   string
	Detail string
	Offset int // byte offset into the input, when it has one
}

// Decoded is the input as text.
type Decoded struct {
	Text  string
	Notes []Note
	// HTML reports a page reduced to its text; Title is its <title>.
	HTML  bool
	Title string
	// Docx reports a Word document reduced to its text, Xlsx a spreadsheet.
	Docx, Xlsx bool
}

// MaxByteNotes caps the per-offset invalid-byte notes; the rest are summed up.
const MaxByteNotes = 10

// MaxControlShare is the share of control bytes (other than white space)
// above which input is binary.
const MaxControlShare = 0.1

// Kind is what a file name says its input is.
type Kind int

// Input kinds.
const (
	Unknown  Kind = iota // judged by content
	HTML                 // .html, .htm
	Markdown             // .md
)

// KindOf reads a file name's extension.
func KindOf(name string) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".shtml", ".xhtml":
		return HTML
	case ".md", ".markdown":
		return Markdown
	}
	return Unknown
}

// Decode turns input bytes into UTF-8 text. HTML is recognised by its
// content (a file name says nothing on standard input or for .jsp, .aspx
// or no extension), or taken as HTML when kind says so, decoded with its
// declared charset and reduced to its text; Markdown loses its markup.
func Decode(b []byte, kind Kind) (Decoded, error) {
	page := kind == HTML
	var d Decoded
	office := func(text string, err error, flag *bool, note, detail string) (Decoded, error) {
		if err != nil {
			return d, err
		}
		if strings.TrimSpace(text) == "" {
			return d, ErrEmpty
		}
		d.Text, *flag = text, true
		d.note(note, 0, detail+"; offsets point into that text")
		return d, nil
	}
	if zr := openZip(b); zr != nil {
		switch {
		case holds(zr, docxPart):
			detail := "Word document reduced to its text (automatic list numbers written out)"
			if n := docxNotes(zr); n > 0 {
				detail += fmt.Sprintf("; its %d footnotes and endnotes are not read", n)
			}
			text, err := docxText(zr)
			return office(text, err, &d.Docx, NoteDocx, detail)
		case holds(zr, xlsxPart):
			text, err := XlsxText(b)
			return office(text, err, &d.Xlsx, NoteXlsx, "spreadsheet reduced to its text (a row a line, cells separated by tabs, merged cells written on every row they span)")
		}
	}
	if err := unsupported(b); err != nil {
		return d, err
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
		d.note(NoteEncoding, 0, "UTF-8 byte order mark removed")
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder().Bytes(b)
		if err != nil {
			return d, fmt.Errorf("policycmp: decode UTF-16: %w", err)
		}
		d.note(NoteEncoding, 0, "decoded from UTF-16")
		b = out
	default:
		if e, name := utf16NoBOM(b, utf8.Valid(b)); e != nil {
			if out, err := e.NewDecoder().Bytes(b); err == nil {
				d.note(NoteEncoding, 0, "decoded from "+name+" (no byte order mark)")
				b = out
			}
		}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return d, ErrEmpty
	}
	if at := binaryAt(b); at >= 0 {
		return d, fmt.Errorf("%w (control bytes from offset %d)", ErrBinary, at)
	}
	page = page || looksHTML(b)
	switch {
	case utf8.Valid(b):
		d.Text = string(b)
	case page && declaredCharset(b) != nil:
		e := declaredCharset(b)
		out, _ := e.NewDecoder().Bytes(b)
		d.Text = string(out)
		d.note(NoteEncoding, 0, "decoded with the page's declared charset")
	default:
		s, bad := replaceInvalidUTF8(b)
		// A legacy encoding wins only when its text reads as Chinese better
		// than UTF-8 with its bad bytes replaced (a damaged UTF-8 file).
		if ls, name, score := legacyChinese(b); score > frequentShare(s) {
			d.Text = ls
			d.note(NoteEncoding, 0, "input is not UTF-8; decoded as "+name)
			break
		}
		for i, off := range bad {
			if i == MaxByteNotes {
				d.note(NoteInvalidBytes, 0, fmt.Sprintf("%d more invalid UTF-8 bytes replaced by U+FFFD", len(bad)-MaxByteNotes))
				break
			}
			d.note(NoteInvalidBytes, off, fmt.Sprintf("invalid UTF-8 byte 0x%02X at input offset %d replaced by U+FFFD", b[off], off))
		}
		d.Text = s
	}
	if kind == Markdown && !page {
		d.Text = MarkdownText(d.Text)
		d.note(NoteMarkdown, 0, "Markdown markup removed; offsets point into the text without it")
	}
	if page {
		d.HTML = true
		d.Text, d.Title = Text(d.Text)
		d.note(NoteHTML, 0, "HTML page reduced to its text; offsets point into that text")
		if strings.TrimSpace(d.Text) == "" {
			return d, ErrEmpty
		}
	}
	return d, nil
}

func (d *Decoded) note(kind string, off int, detail string) {
	d.Notes = append(d.Notes, Note{Kind: kind, Detail: detail, Offset: off})
}

// utf16NoBOM recognises UTF-16 without a byte order mark: NUL bytes at
// most odd (little-endian) or most even (big-endian) positions of text
// that is mostly ASCII, or Han with the other byte rarely NUL.
func utf16NoBOM(b []byte, validUTF8 bool) (encoding.Encoding, string) {
	n := min(len(b), 4096) &^ 1
	if n < 8 {
		return nil, ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*3 && even*20 < pairs:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "UTF-16LE"
	case even*10 >= pairs*3 && odd*20 < pairs:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "UTF-16BE"
	}
	// Han-only UTF-16 has no NUL bytes: check that it decodes to Han text
	// (never for input that is valid UTF-8).
	if validUTF8 {
		return nil, ""
	}
	for _, e := range []struct {
		enc  encoding.Encoding
		name string
	}{{xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "UTF-16LE"}, {xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "UTF-16BE"}} {
		out, err := e.enc.NewDecoder().Bytes(b[:n])
		if err == nil && frequentShare(string(out)) > 0.3 {
			return e.enc, e.name
		}
	}
	return nil, ""
}

// binaryAt returns the offset of the first 8 KiB window of b that holds a
// NUL byte or more than MaxControlShare control bytes, or -1. The whole
// input is checked, not only its start.
func binaryAt(b []byte) int {
	const window = 8192
	for start := 0; start < len(b); start += window {
		w := b[start:min(len(b), start+window)]
		ctrl := 0
		for _, c := range w {
			if c == 0 {
				return start
			}
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
				ctrl++
			}
		}
		if float64(ctrl) > MaxControlShare*float64(len(w)) {
			return start
		}
	}
	return -1
}

// legacyChinese decodes b as GB18030 and as Big5 and keeps the one whose
// text reads as Chinese: few replacement characters and the most frequent
// characters of policy text.
func legacyChinese(b []byte) (string, string, float64) {
	best, bestName, bestScore := "", "", 0.0
	for _, c := range []struct {
		enc  encoding.Encoding
		name string
	}{{simplifiedchinese.GB18030, "GB18030/GBK"}, {traditionalchinese.Big5, "Big5"}} {
		out, err := c.enc.NewDecoder().Bytes(b)
		if err != nil {
			continue
		}
		s := string(out)
		bad, total := 0, 0
		for _, r := range s {
			total++
			if r == utf8.RuneError {
				bad++
			}
		}
		if total == 0 || bad*100 > total {
			continue
		}
		if score := frequentShare(s); score > bestScore {
			best, bestName, bestScore = s, c.name, score
		}
	}
	return best, bestName, bestScore
}

//go:embed frequent.txt
var frequentTxt string

var frequent = sync.OnceValue(func() map[rune]bool {
	m := map[rune]bool{}
	for _, line := range strings.Split(frequentTxt, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, r := range line {
			m[r] = true
		}
	}
	return m
})

// frequentShare is the share of the Han characters of s (in its first
// 20,000 runes) that are among the frequent characters of policy text.
// Text decoded with the wrong legacy encoding scores near 0.
func frequentShare(s string) float64 {
	set := frequent()
	han, hit, n := 0, 0, 0
	for _, r := range s {
		if n++; n > 20000 {
			break
		}
		if unicode.Is(unicode.Han, r) {
			han++
			if set[r] {
				hit++
			}
		}
	}
	if han == 0 {
		return 0
	}
	return float64(hit) / float64(han)
}

// declaredCharset returns the encoding an HTML page declares in a <meta>
// tag, or nil.
func declaredCharset(b []byte) encoding.Encoding {
	e, _, certain := charset.DetermineEncoding(b[:min(len(b), 4096)], "")
	if !certain {
		return nil
	}
	return e
}

// replaceInvalidUTF8 replaces each invalid byte with U+FFFD and returns the
// offsets of the invalid bytes.
func replaceInvalidUTF8(b []byte) (string, []int) {
	var buf bytes.Buffer
	buf.Grow(len(b) + 16)
	var bad []int
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			bad = append(bad, i)
			buf.WriteRune(utf8.RuneError)
			i++
			continue
		}
		buf.Write(b[i : i+size])
		i += size
	}
	return buf.String(), bad
}
