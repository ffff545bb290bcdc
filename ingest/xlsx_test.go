package ingest_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/policycmp/policycmp/ingest"
)

// A spreadsheet is read row by row, cells separated by tabs; a cell merged
// down a column is on every row it spans, one merged across a row once;
// trailing empty cells are dropped, and a cell's line breaks stay inside
// it.
func TestXlsxText(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	set := func(cell string, v any) { require.NoError(t, f.SetCellValue("Sheet1", cell, v)) }
	set("A1", "某市2020年深化医改重点任务分工表")
	require.NoError(t, f.MergeCell("Sheet1", "A1", "E1"))
	for i, h := range []string{"序号", "领域", "重点任务", "牵头单位", "完成时限"} {
		set(string(rune('A'+i))+"2", h)
	}
	set("A3", 1)
	set("B3", "分级诊疗")
	set("C3", "推进医联体建设\n组建城市医疗集团")
	set("D3", "市卫健委")
	set("E3", "2020年底")
	set("A4", 2)
	set("C4", "做实家庭医生签约服务")
	set("D4", "市卫健委")
	require.NoError(t, f.MergeCell("Sheet1", "B3", "B4"))
	_, err := f.NewSheet("Sheet2")
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue("Sheet2", "A1", "说明"))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))

	d, err := ingest.Decode(buf.Bytes(), ingest.Unknown)
	require.NoError(t, err)
	assert.True(t, d.Xlsx)
	assert.Equal(t, "某市2020年深化医改重点任务分工表\n序号\t领域\t重点任务\t牵头单位\t完成时限\n1\t分级诊疗\t推进医联体建设 组建城市医疗集团\t市卫健委\t2020年底\n"+
		"2\t分级诊疗\t做实家庭医生签约服务\t市卫健委\n\n说明\n", d.Text)
	require.NotEmpty(t, d.Notes)
	assert.Equal(t, ingest.NoteXlsx, d.Notes[0].Kind)
}
