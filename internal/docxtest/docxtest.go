// Package docxtest builds small Word documents (.docx) from WordprocessingML
// paragraphs and tables: for tests, and for the docx perturbation of eval.
package docxtest

import (
	"archive/zip"
	"bytes"
)

// Build returns a .docx whose body is body (WordprocessingML elements) and,
// when numbering is not empty, whose word/numbering.xml holds numbering;
// extra are more parts, name and content.
func Build(body, numbering string, extra ...[2]string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`},
	}
	if numbering != "" {
		files = append(files, [2]string{"word/numbering.xml", `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` + numbering + `</w:numbering>`})
	}
	files = append(files, extra...)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Zip returns a ZIP archive holding one file.
func Zip(name, content string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write([]byte(content)); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Para is a paragraph of one run.
func Para(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }

// ListPara is a paragraph of list numID at level ilvl.
func ListPara(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// Row is a table row of one paragraph a cell.
func Row(cells ...string) string {
	s := `<w:tr>`
	for _, c := range cells {
		s += `<w:tc>` + Para(c) + `</w:tc>`
	}
	return s + `</w:tr>`
}

// PlanNumbering is a list of a plan's three levels: 一、 (一) 1.
const PlanNumbering = `<w:abstractNum w:abstractNumId="0">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>` +
	`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
