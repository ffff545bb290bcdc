package policycmp_test

import (
	"testing"
	"unicode/utf8"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/seeds"
)

// FuzzIngest feeds arbitrary bytes to ingest and the structure parser:
// no panic, and every offset it reports lies inside the decoded input.
func FuzzIngest(f *testing.F) {
	for _, name := range seeds.Names() {
		data, err := seeds.Read(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[:min(len(data), 2000)])
	}
	for _, s := range []string{
		"一、总体要求\n(一)加强领导。(牵头部门:区卫生健康委;配合部门:区财政局等)\n1.落实。2.推进",
		"發(fā)布機(jī)構(gòu):??坡?lián)盟\n一是加强。二是推进\n第一条 总则",
		"(一)达到90%以上,不超过两年,到2025年底前培训1300名医学生。[bookmark: _GoBack]",
		"图片来源:摄图网\n“引用”\n探\n\n索\n①第一\n②第二",
		"序号\n任务\n牵头单位\n1\n推进\n卫健委\n2\n完善\n医保局", "…方案。一、目标(一)配置1.规划2.布局二、保障(一)领导。本方案自印发之日起施行。附件:表",
		"\xff\xfe\x00", "((((((((", "】】】】[[[[", "\uFFFD\uFFFD?", "一、\n(一)\n1.\n(1)\n①",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := policycmp.Ingest("fuzz.txt", data, policycmp.Options{})
		if err != nil {
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("clean text is not valid UTF-8")
		}
		if miss := uncovered(d); len(miss) > 0 {
			t.Fatalf("%d letters or digits in no task, section, table or warning, first at %d of %q", len(miss), miss[0], d.Raw)
		}
		for _, sec := range d.Sections {
			if sec.Start < 0 || sec.End > len(d.Raw) || sec.Start > sec.End {
				t.Fatalf("section span [%d,%d) outside raw of %d bytes", sec.Start, sec.End, len(d.Raw))
			}
		}
		for _, tb := range d.Tables {
			for _, row := range tb.Rows {
				for _, c := range row {
					if c.Start < 0 || c.End > len(d.Raw) || c.Start > c.End {
						t.Fatalf("cell span [%d,%d) outside raw of %d bytes", c.Start, c.End, len(d.Raw))
					}
				}
			}
		}
		seen := map[string]bool{}
		for _, task := range d.Tasks {
			if task.Start < 0 || task.End > len(d.Raw) || task.Start > task.End {
				t.Fatalf("task %s span [%d,%d) outside raw of %d bytes", task.ID, task.Start, task.End, len(d.Raw))
			}
			if seen[task.ID] {
				t.Fatalf("duplicate task ID %s", task.ID)
			}
			seen[task.ID] = true
			for _, c := range task.Clauses {
				if c.Start < 0 || c.End > len(d.Raw) || c.Start > c.End {
					t.Fatalf("clause %s span [%d,%d) outside raw of %d bytes", c.ID, c.Start, c.End, len(d.Raw))
				}
				if c.Text == "" || !utf8.ValidString(c.Text) {
					t.Fatalf("clause %s has empty or invalid text %q", c.ID, c.Text)
				}
			}
		}
	})
}
