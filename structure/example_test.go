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
