package structure_test

import (
	"fmt"

	"github.com/policycmp/policycmp/structure"
)

// A body pasted as one line: the markers are chosen by the sequences they
// belong to, and 一、二级医院 is no marker.
func ExampleChoose() {
	body := "为推进改革,制定本方案。一、主要任务(一)推进一、二级医院建设。(二)完善医保支付。二、保障措施(一)加强领导。(二)强化考核。"
	for _, m := range structure.Choose([]string{body}) {
		fmt.Println(m.Kind, m.Number)
	}
	// Output:
	// section 一
	// paren_cn (一)
	// paren_cn (二)
	// section 二
	// paren_cn (一)
	// paren_cn (二)
}

// Lines a web page broke inside a year and a percentage are one paragraph;
// the numbered heading before them is not.
func ExampleReflow() {
	lines := []string{"(一)健全服务体系", "到", "2025", "年,县域内就诊率达到", "90%", "以上。"}
	meta := make([]structure.Line, len(lines))
	for i, l := range lines {
		meta[i] = structure.Line{Text: l}
	}
	fmt.Println(structure.Reflow(meta))
	// Output: [false true true true true]
}

// A task table flattened one cell a line, its header broken over lines
// (牵头 / 单位): the labels are joined, and each row is its cells.
func ExampleTables() {
	lines := []string{"序号", "重点任务", "牵头", "单位", "完成", "时限",
		"1", "推进医联体建设", "市卫健委", "2024年底前",
		"2", "完善医保支付方式", "市医保局", "长期"}
	for _, t := range structure.Tables(lines) {
		fmt.Println(t.Kind == structure.TaskTable, len(t.Header), "columns")
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				fmt.Print(lines[c.Start], "|")
			}
			fmt.Println()
		}
	}
	// Output:
	// true 4 columns
	// 推进医联体建设|市卫健委|2024年底前|
	// 完善医保支付方式|市医保局|长期|
}

// Rows written a line each (cells between tabs, cut into lines by
// CellBreaks) are read as written: row names the line each cell came from,
// so the heading after the last row is no cell of it.
func ExampleTablesOfRows() {
	lines := []string{"序号", "重点任务", "牵头单位", "1", "推进医联体建设", "市卫健委", "2", "完善医保支付方式", "市医保局", "二、保障措施"}
	row := []int{1, 1, 1, 2, 2, 2, 3, 3, 3, 0}
	t := structure.TablesOfRows(lines, row)[0]
	fmt.Println(len(t.Rows), "rows, the table ends before line", t.End, lines[t.End])
	// Output: 2 rows, the table ends before line 9 二、保障措施
}
