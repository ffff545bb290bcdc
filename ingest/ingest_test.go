package ingest_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/policycmp/policycmp/ingest"
)

const plan = "一、深化医疗保障改革\n(一)深化医保支付方式改革,全面推行按病种分值付费,年底前覆盖率达到90%以上。\n(二)推进医联体建设,完善分级诊疗制度。\n"

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func TestEncodings(t *testing.T) {
	trad := "一、深化醫療保障改革\n(一)深化醫保支付方式改革,全面推行按病種分值付費,年底前覆蓋率達到90%以上。\n(二)推進醫聯體建設,完善分級診療制度。\n"
	ascii := strings.Repeat("Section 1. Policy text in English, numbers 2024 and 90%.\n", 40)
	cases := []struct {
		name  string
		in    []byte
		want  string
		notes string
	}{
		{"GBK", encode(t, simplifiedchinese.GBK, plan), plan, "GB18030"},
		{"mostly ASCII GBK", encode(t, simplifiedchinese.GBK, ascii+plan), ascii + plan, "GB18030"},
		{"Big5", encode(t, traditionalchinese.Big5, trad), trad, "Big5"},
		{"UTF-16LE without BOM", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), plan), plan, "UTF-16LE"},
		{"UTF-16BE without BOM", encode(t, xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "Plan 2024: "+plan), "Plan 2024: " + plan, "UTF-16BE"},
		{"UTF-16 with BOM", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), plan), plan, "UTF-16"},
		{"UTF-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, plan...), plan, "byte order mark"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := ingest.Decode(c.in, ingest.Unknown)
			require.NoError(t, err)
			assert.Equal(t, c.want, d.Text)
			require.NotEmpty(t, d.Notes)
			assert.Contains(t, d.Notes[0].Detail, c.notes)
		})
	}
}

func TestDamagedUTF8StaysUTF8(t *testing.T) {
	in := []byte(plan)
	in = append(in[:9:9], append([]byte{0xFF}, in[9:]...)...)
	d, err := ingest.Decode(in, ingest.Unknown)
	require.NoError(t, err)
	assert.Contains(t, d.Text, "\uFFFD")
	assert.Contains(t, d.Text, "深化医保支付方式改革", "a damaged UTF-8 file is not re-read as GBK")
	assert.Equal(t, ingest.NoteInvalidBytes, d.Notes[0].Kind)
	assert.Equal(t, 9, d.Notes[0].Offset)
}

func TestBinaryAnywhere(t *testing.T) {
	in := append([]byte(strings.Repeat(plan, 200)), bytes.Repeat([]byte{0x01, 0x02, 0x00, 0x03}, 4096)...)
	_, err := ingest.Decode(in, ingest.Unknown)
	assert.ErrorIs(t, err, ingest.ErrBinary, "binary bytes past the first 8 KiB are seen")
	_, err = ingest.Decode([]byte(" \n\t "), ingest.Unknown)
	assert.ErrorIs(t, err, ingest.ErrEmpty)
}

func TestHTMLByContent(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="gbk"><title>某市医改方案</title><style>p{}</style><script>var x="(一)假任务";</script></head>
<body><div class="nav">首页</div><p>一、任务</p><p>(一)推进医联体建设&amp;分级诊疗&#12290;</p><table><tr><td>序号</td><td>任务</td></tr></table></body></html>`
	d, err := ingest.Decode(encode(t, simplifiedchinese.GBK, page), ingest.Unknown)
	require.NoError(t, err)
	assert.True(t, d.HTML)
	assert.Equal(t, "某市医改方案", d.Title)
	assert.Contains(t, d.Text, "(一)推进医联体建设&分级诊疗。", "entities decoded after the charset")
	assert.NotContains(t, d.Text, "假任务", "scripts dropped")
	assert.True(t, strings.HasSuffix(d.Text, "\n序号\t任务"), "a row of short cells on one line: %q", d.Text)
	text, _ := ingest.Text("<p>a</p><p>b</p>")
	assert.Equal(t, "a\n\nb", text)
	d, err = ingest.Decode([]byte("<p>(一)推进改革</p>"), ingest.HTML)
	require.NoError(t, err)
	assert.Equal(t, "(一)推进改革", d.Text, "a page named .html without a head")
	d, err = ingest.Decode([]byte("a < b and c > d"), ingest.Unknown)
	require.NoError(t, err)
	assert.False(t, d.HTML, "a text with angle brackets is not HTML")
}

// A data table's rows are read as written, one line of tab-separated cells
// each, a cell's paragraphs and source line breaks joined; a page laid out
// in a table keeps its cells' text line by line, and a data table inside
// it its rows.
func TestHTMLTables(t *testing.T) {
	text, _ := ingest.Text("<table>\n<tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>\n<tr><td>1</td><td>\n  <p>推进医共体建设，</p><p>完善统一管理</p>\n</td><td>市卫生健康委</td></tr></table><p>二、保障措施</p>")
	assert.Equal(t, "序号\t工作任务\t牵头单位\n\n1\t推进医共体建设，完善统一管理\t市卫生健康委\n\n二、保障措施", text)
	long := strings.Repeat("各地要认真落实各项改革任务，确保取得实效。", 25)
	layout := "<table><tr><td>导航</td><td><p>一、重点任务</p><p>" + long + "</p>" +
		"<table><tr><td>序号</td><td>任务</td><td>牵头单位</td></tr><tr><td>1</td><td>推进医共体建设</td><td>市卫生健康委</td></tr></table>" +
		"<p>二、保障措施</p></td></tr></table>"
	text, _ = ingest.Text(layout)
	assert.Contains(t, text, "导航\n")
	assert.Contains(t, text, "一、重点任务\n")
	assert.Contains(t, text, "\n二、保障措施", "a layout cell's paragraphs stay lines")
	assert.Contains(t, text, "1\t推进医共体建设\t市卫生健康委\n", "the data table inside it keeps its rows")
	text, _ = ingest.Text("<table><tr><td>序号</td><td>任务")
	assert.Equal(t, "序号\t任务", text, "a table left open at the end is written")
	text, _ = ingest.Text(`<table><tr><td>1</td><td rowspan="2">医保</td><td>推进按病种付费</td></tr><tr><td>2</td><td>开展集中带量采购</td></tr><tr><td>3</td><td>医疗</td><td>推进医共体建设</td></tr></table>`)
	assert.Equal(t, "1\t医保\t推进按病种付费\n\n2\t医保\t开展集中带量采购\n\n3\t医疗\t推进医共体建设", text, "a cell merged down its column is on every row it spans")
	var page strings.Builder
	page.WriteString(`<table><tr><td>1</td><td rowspan="65534">` + strings.Repeat("类", 40) + `</td><td>a</td></tr>`)
	for range 5000 {
		page.WriteString("<tr><td>2</td><td>b</td></tr>")
	}
	text, _ = ingest.Text(page.String())
	assert.LessOrEqual(t, len(text), 2*page.Len(), "spans write at most the page's length again")
	assert.Contains(t, text, "2\t"+strings.Repeat("类", 40)+"\tb")
}

func TestMarkdown(t *testing.T) {
	md := "# 某市医改方案\n\n## 一、重点任务\n\n- (一)推进**医联体**建设,见[附件](http://x/a.pdf)。\n> (二)完善`医保`支付。\n\n---\n![图](a.png)\n1. 建立制度。\n"
	d, err := ingest.Decode([]byte(md), ingest.Markdown)
	require.NoError(t, err)
	assert.Equal(t, "某市医改方案\n\n一、重点任务\n\n(一)推进医联体建设,见附件。\n(二)完善医保支付。\n\n\n图\n1. 建立制度。\n", d.Text)
	assert.Equal(t, ingest.Markdown, ingest.KindOf("plan.MD"))
	assert.Equal(t, ingest.HTML, ingest.KindOf("a.shtml"))
}
