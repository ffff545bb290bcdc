package ingest_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/ingest"
	"github.com/policycmp/policycmp/internal/docxtest"
)

func docx(t *testing.T, body, numbering string) []byte {
	t.Helper()
	b, err := docxtest.Build(body, numbering)
	require.NoError(t, err)
	return b
}

var (
	para     = docxtest.Para
	listPara = docxtest.ListPara
)

const planNumbering = docxtest.PlanNumbering

// A Word document is read as its text: paragraphs on lines, runs joined,
// tabs and breaks kept, automatic list numbers written out (a level
// restarts under the next item above it), table rows on one line with
// tab-separated cells.
func TestDocxText(t *testing.T) {
	body := para("某市深化医药卫生体制改革2020年重点工作任务") +
		listPara("1", "0", "重点任务") +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>推进医联体</w:t></w:r><w:r><w:t xml:space="preserve">建设。</w:t></w:r><w:r><w:t>组建医疗集团。</w:t></w:r></w:p>` +
		listPara("1", "1", "完善医保支付。") +
		listPara("1", "0", "保障措施") +
		listPara("1", "1", "加强组织领导。") +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>重点任务</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>牵头单位</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>推进医联体</w:t></w:r></w:p><w:p><w:r><w:t>建设</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>市卫健委</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>某市人民政府办公室</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>2020年5月1日</w:t></w:r></w:p>`
	text, err := ingest.DocxText(docx(t, body, planNumbering))
	require.NoError(t, err)
	want := "某市深化医药卫生体制改革2020年重点工作任务\n一、重点任务\n（一）推进医联体建设。组建医疗集团。\n（二）完善医保支付。\n二、保障措施\n（一）加强组织领导。\n" +
		"序号\t重点任务\t牵头单位\n1\t推进医联体 建设\t市卫健委\n某市人民政府办公室\n2020年5月1日\n"
	assert.Equal(t, want, text)

	d, err := ingest.Decode(docx(t, body, planNumbering), ingest.Unknown)
	require.NoError(t, err)
	assert.True(t, d.Docx)
	assert.Equal(t, want, d.Text)
	require.NotEmpty(t, d.Notes)
	assert.Equal(t, ingest.NoteDocx, d.Notes[0].Kind)

	// A text box inside a paragraph holds paragraphs of its own: both are
	// kept, the box's first.
	box, err := ingest.DocxText(docx(t, `<w:p><w:r><w:t>推进医联体建设,</w:t></w:r><w:r><w:drawing><w:txbxContent>`+para("专栏1 重点工程")+
		`</w:txbxContent></w:drawing></w:r><w:r><w:t>组建医疗集团。</w:t></w:r></w:p>`, ""))
	require.NoError(t, err)
	assert.Equal(t, "专栏1 重点工程\n推进医联体建设,组建医疗集团。\n", box)

	// Footnotes are not read, and the note says how many.
	withNotes, err := docxtest.Build(para("推进医联体建设。"), "", [2]string{"word/footnotes.xml", `<w:footnotes xmlns:w="x"><w:footnote w:type="separator" w:id="-1"/><w:footnote w:id="1"><w:p><w:r><w:t>注释</w:t></w:r></w:p></w:footnote></w:footnotes>`})
	require.NoError(t, err)
	fd, err := ingest.Decode(withNotes, ingest.Unknown)
	require.NoError(t, err)
	assert.Contains(t, fd.Notes[0].Detail, "its 1 footnotes and endnotes are not read")

	// Without numbering.xml the paragraphs are read without numbers.
	plain, err := ingest.DocxText(docx(t, listPara("1", "0", "重点任务"), ""))
	require.NoError(t, err)
	assert.Equal(t, "重点任务\n", plain)
}

// Formats ingest does not read say what they are; a document that would
// A short cell merged down its column (w:vMerge) is on every row it spans,
// so each row holds its cells; a cell spanning columns (w:gridSpan) moves
// the column count on.
func TestDocxMergedCells(t *testing.T) {
	cell := func(props, text string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + para(text) + `</w:tc>`
	}
	empty := func(props string) string { return `<w:tc><w:tcPr>` + props + `</w:tcPr><w:p/></w:tc>` }
	body := `<w:tbl>` +
		`<w:tr>` + cell(``, "1") + cell(`<w:vMerge w:val="restart"/>`, "医保") + cell(``, "推进按病种付费") + `</w:tr>` +
		`<w:tr>` + cell(``, "2") + empty(`<w:vMerge/>`) + cell(``, "开展集中带量采购") + `</w:tr>` +
		`<w:tr>` + cell(`<w:gridSpan w:val="2"/>`, "合计") + cell(``, "两项") + `</w:tr>` +
		`</w:tbl>`
	d, err := ingest.Decode(docx(t, body, ""), ingest.Unknown)
	require.NoError(t, err)
	assert.Equal(t, "1\t医保\t推进按病种付费\n2\t医保\t开展集中带量采购\n合计\t两项\n", d.Text)
}

// unpack past the limit is refused before it is unpacked whole.
func TestUnsupportedFormats(t *testing.T) {
	for name, b := range map[string][]byte{
		"PDF":  []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"),
		"DOC":  append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 64)...),
		"ZIP":  zipWith(t, "a.txt", "not a Word document"),
		"DOCX": zipWith(t, "word/document.xml", "<w:document><w:body><w:p>"),
	} {
		_, err := ingest.Decode(b, ingest.Unknown)
		require.Error(t, err, name)
		assert.True(t, errors.Is(err, ingest.ErrBinary), "%s: %v", name, err)
	}
	_, err := ingest.Decode([]byte("%PDF-1.4"), ingest.Unknown)
	assert.Contains(t, err.Error(), "a PDF")
	big := zipWith(t, "word/document.xml", strings.Repeat(" ", ingest.MaxDocxXML+1))
	_, err = ingest.DocxText(big)
	assert.True(t, errors.Is(err, ingest.ErrTooLarge), "%v", err)
	empty := docx(t, para("  "), "")
	_, err = ingest.Decode(empty, ingest.Unknown)
	assert.True(t, errors.Is(err, ingest.ErrEmpty), "%v", err)
}

func zipWith(t *testing.T, name, content string) []byte {
	t.Helper()
	b, err := docxtest.Zip(name, content)
	require.NoError(t, err)
	return b
}
