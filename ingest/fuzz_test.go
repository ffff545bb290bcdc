package ingest_test

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/policycmp/policycmp/ingest"
	"github.com/policycmp/policycmp/internal/docxtest"
)

// FuzzDecode: any bytes give valid UTF-8 text or an error, never a panic;
// HTML reduction too.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{plan, "<html><head><meta charset=gbk><title>t</title></head><body><p>一、任务</p></body></html>",
		"\xff\xfe一\x00", "\xef\xbb\xbf<p>", "<script>", "<!doctype html><table><tr><td>序号", "\x1b[2J"} {
		f.Add([]byte(s), uint8(0))
		f.Add([]byte(s), uint8(1))
		f.Add([]byte(s), uint8(2))
	}
	if b, err := docxtest.Build(docxtest.ListPara("1", "0", "重点任务")+docxtest.Para("推进医联体建设"), docxtest.PlanNumbering); err == nil {
		f.Add(b, uint8(0))
	}
	x := excelize.NewFile()
	_ = x.SetCellValue("Sheet1", "A1", "序号")
	_ = x.MergeCell("Sheet1", "A2", "A3")
	var xb bytes.Buffer
	if x.Write(&xb) == nil {
		f.Add(xb.Bytes(), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		d, err := ingest.Decode(data, ingest.Kind(kind%3))
		if err != nil {
			return
		}
		if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
			t.Fatalf("invalid UTF-8 out of Decode")
		}
		for _, n := range d.Notes {
			if n.Offset < 0 || n.Offset > len(data) {
				t.Fatalf("note offset %d outside %d bytes", n.Offset, len(data))
			}
		}
	})
}
