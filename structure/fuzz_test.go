package structure_test

import (
	"strings"
	"testing"

	"github.com/policycmp/policycmp/structure"
)

// FuzzStructure: reflow, marker choice and table detection on arbitrary
// lines never panic and report positions inside their input.
func FuzzStructure(f *testing.F) {
	for _, s := range []string{"一、任务\n(一)推进\n1.\n建立\n2020\n年", "序号\n任务\n1\n推进\n2\n完善", "…方案。一、目标(一)配置1.规划2.布局二、保障", "1、2、3、\n一、二级\n(一)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		meta := make([]structure.Line, len(lines))
		for i, l := range lines {
			meta[i] = structure.Line{Text: l, BlankBefore: l == ""}
		}
		if j := structure.Reflow(meta); len(lines) > 1 && len(j) != len(lines)-1 {
			t.Fatalf("Reflow gave %d joins for %d lines", len(j), len(lines))
		}
		for _, c := range structure.Choose(lines) {
			if c.Para < 0 || c.Para >= len(lines) || c.Offset < 0 || c.Offset+c.Size > len(lines[c.Para]) {
				t.Fatalf("marker %+v outside its paragraph", c)
			}
		}
		for _, tb := range structure.Tables(lines) {
			if tb.Start < 0 || tb.End > len(lines) || tb.Start >= tb.End {
				t.Fatalf("table span %+v outside %d lines", tb.Span, len(lines))
			}
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					if c.Start < tb.Start || c.End > tb.End || c.Start >= c.End {
						t.Fatalf("cell %+v outside table %+v", c, tb.Span)
					}
				}
			}
		}
		for _, l := range lines {
			for _, c := range structure.CellBreaks(l) {
				if c[0] < 0 || c[1] > len([]rune(l)) || c[0] >= c[1] {
					t.Fatalf("cell %v outside line of %d runes", c, len([]rune(l)))
				}
			}
		}
	})
}
