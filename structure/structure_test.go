package structure_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/structure"
)

func lines(ss ...string) []structure.Line {
	out := make([]structure.Line, len(ss))
	for i, s := range ss {
		out[i] = structure.Line{Text: s}
	}
	return out
}

// reflowed joins the lines as Reflow says and returns the paragraphs.
func reflowed(ss ...string) []string {
	join := structure.Reflow(lines(ss...))
	var out []string
	cur := ss[0]
	for i := 1; i < len(ss); i++ {
		if join[i-1] {
			cur += ss[i]
			continue
		}
		out = append(out, cur)
		cur = ss[i]
	}
	return append(out, cur)
}

func TestReflow(t *testing.T) {
	cases := []struct {
		name string
		in   []string
		want []string
	}{
		{"split year and percentage", []string{"到", "2020", "年,县域内就诊率达到", "90%", "以上。"}, []string{"到2020年,县域内就诊率达到90%以上。"}},
		{"split 文号", []string{"根据《意见》(国办发〔", "2015", "〕", "38", "号)要求。"}, []string{"根据《意见》(国办发〔2015〕38号)要求。"}},
		{"number alone before its heading", []string{"(一)健全监测体系", "1.", "构建监测体系。加强能力建设。", "2.", "提升应急能力。"},
			[]string{"(一)健全监测体系", "1.构建监测体系。加强能力建设。", "2.提升应急能力。"}},
		{"quotes and ratios", []string{"接近“", "3", "∶", "2", "∶", "5", "”的结构。"}, []string{"接近“3∶2∶5”的结构。"}},
		{"a quoted term split across lines", []string{"以上。四是完善救助", "“", "一网通", "”", "即时结算服务,做好衔接。"}, []string{"以上。四是完善救助“一网通”即时结算服务,做好衔接。"}},
		{"an unclosed quote opening a line goes on", []string{"推进改革,落实", "“两个允许", "”要求。"}, []string{"推进改革,落实“两个允许”要求。"}},
		{"a pull-quote on its own line stays apart", []string{"推进医联体建设,", "“医联体是改革的重要抓手。”", "落实分级诊疗。"}, []string{"推进医联体建设,", "“医联体是改革的重要抓手。”", "落实分级诊疗。"}},
		{"word broken mid-sentence", []string{"(四)加强宣传教育。积极开", "展健康教育。"}, []string{"(四)加强宣传教育。积极开展健康教育。"}},
		{"a signature date stands apart", []string{"现印发给你们,请认真贯彻执行。", "三明市人民政府办公室", "2018", "年", "4", "月", "27", "日", "三明市规划"},
			[]string{"现印发给你们,请认真贯彻执行。", "三明市人民政府办公室", "2018年4月27日", "三明市规划"}},
		{"a date inside a sentence joins", []string{"本通知自", "2018", "年", "3", "月", "1", "日起执行。"}, []string{"本通知自2018年3月1日起执行。"}},
		{"headings and paragraphs stay apart", []string{"一、总体要求", "坚持以人民健康为中心。", "二、主要任务", "——坚持公平可及。"},
			[]string{"一、总体要求", "坚持以人民健康为中心。", "二、主要任务", "——坚持公平可及。"}},
		{"a heading with a comma is not cut off", []string{"二、优化资源配置,提升服务能力", "推进医联体建设。"}, []string{"二、优化资源配置,提升服务能力", "推进医联体建设。"}},
		{"but 一是… opens a sentence, not a heading", []string{"一是全面落实国家基本公共卫生服务项目,将基本公共", "卫生服务项目补助标准提高到35元。"},
			[]string{"一是全面落实国家基本公共卫生服务项目,将基本公共卫生服务项目补助标准提高到35元。"}},
		{"a sentence goes on after a gloss that closes a line", []string{"队伍延伸到基层,乡镇(社区)", "成立卫生应急分队,由4—8名队员组成。"}, []string{"队伍延伸到基层,乡镇(社区)成立卫生应急分队,由4—8名队员组成。"}},
		{"but not after a responsibility note", []string{"推进医联体建设,完善分级诊疗(牵头单位:市卫健委)", "完善医保支付方式改革。"}, []string{"推进医联体建设,完善分级诊疗(牵头单位:市卫健委)", "完善医保支付方式改革。"}},
		{"an acronym before its gloss", []string{"加强管理,深入推进县乡医疗机构", "C-DRG", "(按疾病诊断相关分组)改革,使患者就医同病同价。"}, []string{"加强管理,深入推进县乡医疗机构C-DRG(按疾病诊断相关分组)改革,使患者就医同病同价。"}},
		{"glosses in brackets on lines of their own", []string{"重点加强能力建设,推进县域医疗", "三大平台", "(医疗服务技术、协作和信息平台)、", "六大中心", "(县域消毒供应中心、心电诊断中心)以及手术室建设。"},
			[]string{"重点加强能力建设,推进县域医疗三大平台(医疗服务技术、协作和信息平台)、六大中心(县域消毒供应中心、心电诊断中心)以及手术室建设。"}},
		{"a numbered item in brackets after a sentence's fragment still opens a paragraph", []string{"重点加强能力建设,推进县域医疗", "三大平台建设", "(二)深化医保支付方式改革。"},
			[]string{"重点加强能力建设,推进县域医疗三大平台建设", "(二)深化医保支付方式改革。"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, reflowed(c.in...))
		})
	}
}

func TestReflowBlankLines(t *testing.T) {
	// Blank lines between paragraphs are paragraph breaks …
	in := []structure.Line{{Text: "推进医联体建设,"}, {Text: "落实分级诊疗。", BlankBefore: true}, {Text: "完善医保。"}, {Text: "加强监管。"}}
	assert.Equal(t, []bool{false, false, false}, structure.Reflow(in))
	// … unless every line is double-spaced, fragments included.
	for i := range in {
		in[i].BlankBefore = i > 0
	}
	assert.True(t, structure.Reflow(in)[0])
}

func TestSpaceBreaks(t *testing.T) {
	body := strings.Repeat("推进医联体建设。", 40)
	s := "关于印发方案的通知 区直各有关单位:" + body + " 附件:方案.xls ICD 10"
	cuts := structure.SpaceBreaks(s)
	require.Len(t, cuts, 2, "spaces between Chinese text break a run-on line; a space between Latin words does not")
	assert.True(t, strings.HasPrefix(string([]rune(s)[cuts[0]:]), "区直"))
	assert.Empty(t, structure.SpaceBreaks("短 行"), "a short line is not a run-on body")
}

func markers(paras ...string) []string {
	var out []string
	for _, f := range structure.Choose(paras) {
		out = append(out, f.Number)
	}
	return out
}

func TestChooseRunOn(t *testing.T) {
	withBreaks := []string{"为推进改革,制定本方案。", "一、工作目标", "建立机制。", "二、主要任务", "(一)合理配置资源", "1.科学规划。", "2.优化布局。", "(二)推进支付改革", "三、保障措施", "(一)加强领导。", "(二)强化考核。"}
	runOn := strings.Join(withBreaks, "")
	assert.Equal(t, markers(withBreaks...), markers(runOn), "a body pasted as one line gives the same markers")
	assert.Equal(t, []string{"一", "二", "(一)", "1", "2", "(二)", "三", "(一)", "(二)"}, markers(runOn))
	// A bracketed marker after a word ending in 件 or 表 opens an item; a
	// bare number after one is a reference (附件2).
	assert.Equal(t, []string{"一", "(一)", "(二)", "二"}, markers("一、研究制定政策文件(一)制定《方案》。(二)制定《意见》。详见附件2。二、推进落实重点工作"))
}

func TestChooseRejects(t *testing.T) {
	assert.Empty(t, markers("推进一、二级医院建设。加强第1、2批试点,详见附件2。"), "enumerated numbers and references are not markers")
	assert.Equal(t, []string{"一"}, markers("一、任务", "推进(一)项工作。"), "a lone (一) in a sentence opens nothing")
	assert.Equal(t, []string{"(一)", "(二)", "(三)"}, markers("(一)推进。", "(二)落实。", "(三)完善。"))
	assert.Equal(t, []string{"一", "一)", "(二)"}, markers("一、任务", "一)制定方案。", "(二)制定办法。"),
		"the inside of (二) is no 二) marker, whatever 一) came before")
	// 二是 at a line start with no 一是 before it is a word of the sentence.
	assert.Equal(t, []string{"一", "(一)", "4"}, markers("一、任务", "(一)推进改革", "4.发展社会办医。一是放宽准入。", "二是优化环境。"))
}

func TestChooseContinuousAndDuplicate(t *testing.T) {
	// (一)…(三) numbered on across sections, and a duplicate 5.
	assert.Equal(t, []string{"一", "(一)", "(二)", "二", "(三)"}, markers("一、医院", "(一)调整布局。", "(二)推进改革。", "二、医保", "(三)整合制度。"))
	assert.Equal(t, []string{"4", "5", "5", "6"}, markers("4.深化支付。", "5.健全保障。", "5.完善价格。", "6.完善药物。"))
	// Continuous numbering inside one run-on line.
	assert.Equal(t, []string{"一", "1", "2", "二", "3"}, markers("一、监测1.构建体系。2.提升能力。二、救治3.建设基地。"))
}

func TestParseSchemes(t *testing.T) {
	for s, want := range map[string]string{
		"一、": "一", "(三)": "(三)", "12.": "12", "1、": "1", "(4)": "(4)", "③": "③", "二是": "二是", "第三条": "第三条", "第二章": "第二章", "第一节": "第一节", "1000.": "1000",
	} {
		m, ok := structure.Parse(s + "推进改革")
		require.True(t, ok, s)
		assert.Equal(t, want, m.Number, s)
	}
	for _, s := range []string{"2.5亿元", "十三五规划", "一是"[:3], "(市)"} {
		_, ok := structure.Parse(s)
		assert.False(t, ok, s)
	}
	m, _ := structure.Parse("(三十二)加大宣传力度")
	assert.Equal(t, 32, m.Value)
	m, _ = structure.Parse("⑤推进")
	assert.Equal(t, 5, m.Value)
}

func TestSectionKinds(t *testing.T) {
	assert.Equal(t, structure.Framing, structure.SectionKind("指导思想"))
	assert.Equal(t, structure.Framing, structure.SectionKind("工作目标围绕“保障基本、建立机制”的原则"), "a run-on heading")
	assert.Equal(t, structure.Safeguard, structure.SectionKind("强化保障措施"))
	assert.Equal(t, structure.Safeguard, structure.SectionKind("加强组织管理"))
	assert.Equal(t, structure.Plain, structure.SectionKind("实施范围在区医院推出"))
	assert.Equal(t, structure.Plain, structure.SectionKind("加快推进公立医院改革,完善组织管理和运行机制,提升服务"), "a long sentence that mentions a safeguard word")
	assert.True(t, structure.IsClosing("本实施方案自印发之日起执行。"))
	assert.True(t, structure.IsClosing("本通知自2018年3月1日起执行。"))
	assert.True(t, structure.IsClosing("(此件主动公开)"))
	assert.False(t, structure.IsClosing("本方案要求各地加强组织领导。"))
	assert.True(t, structure.IsAnnexHeading("附件: 2017年分级诊疗工作考核评价标准"))
	assert.True(t, structure.IsAnnexHeading("附件1到2020年深化医药卫生体制改革主要指标"))
	assert.True(t, structure.IsAnnexHeading("附件"))
	assert.False(t, structure.IsAnnexHeading("附近医院"))
}

func TestCNNumber(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "十": 10, "十一": 11, "二十": 20, "三十二": 32, "两": 2, "一百二十": 120, "〇": 0} {
		n, ok := structure.CNNumber(s)
		assert.True(t, ok, s)
		assert.Equal(t, want, n, s)
	}
	_, ok := structure.CNNumber("年")
	assert.False(t, ok)
}

func TestWordLists(t *testing.T) {
	assert.Contains(t, structure.Words("framing"), "指导思想")
	w := structure.Words("safeguard")
	w[0] = "changed"
	assert.NotEqual(t, "changed", structure.Words("safeguard")[0], "Words returns a copy")
}

func TestTablesFlattened(t *testing.T) {
	lines := []string{
		"附件", "重点任务分工表",
		"序号", "重点任务", "牵头单位", "完成时限",
		"1", "推进紧密型县域医共体建设", "市卫生健康委", "2024年底",
		"2", "深化医保支付方式改革,按病种分值付费覆盖率达到", "90%", "以上", "市医保局", "2024年6月",
		"3", "完善分级诊疗", "市卫生健康委", "长期",
		"此后是正文。",
	}
	ts := structure.Tables(lines)
	require.Len(t, ts, 1)
	tb := ts[0]
	assert.Equal(t, structure.TaskTable, tb.Kind)
	assert.Equal(t, 2, tb.Start)
	assert.Equal(t, len(lines)-1, tb.End, "the table ends where its numbering stops")
	require.Len(t, tb.Rows, 3)
	assert.Len(t, tb.Header, 4)
	row := tb.Rows[1]
	require.Len(t, row.Cells, 3)
	assert.Equal(t, structure.Span{Start: 11, End: 14}, row.Cells[0], "a cell broken at its number is one cell")
}

func TestTablesRowNumbersInsideCells(t *testing.T) {
	// 5 / ∶ / 3 / ∶ / 2 is a ratio inside row 2, not rows 3…
	lines := []string{"序号", "指标内容", "1", "增幅控制在", "9%", "以内。", "2", "收入逐步达到", "5", "∶", "3", "∶", "2", "良性结构。", "3", "参保率稳定在", "99%", "以上。"}
	ts := structure.Tables(lines)
	require.Len(t, ts, 1)
	assert.Equal(t, structure.IndicatorTable, ts[0].Kind)
	require.Len(t, ts[0].Rows, 3)
	assert.Equal(t, structure.Span{Start: 7, End: 14}, ts[0].Rows[1].Cells[0])
	assert.Equal(t, len(lines), ts[0].End, "the last row takes its broken cell whole")
	assert.Empty(t, structure.Tables([]string{"序号", "内容", "1", "只有一行"}), "one row is no table")
	assert.Empty(t, structure.Tables([]string{"首批推出", "63", "个病种"}))
}

// A text broken at one display width (a PDF's copy) is hard-wrapped; a text
// of paragraphs of many lengths is not, nor one with a line wider than the
// width, nor one with too few full lines.
func TestWrapWidth(t *testing.T) {
	var lines []structure.Line
	for i := range 24 {
		lines = append(lines, structure.Line{Text: strings.Repeat("医", 29) + "。"}) // 60 columns
		if i%6 == 5 {
			lines = append(lines, structure.Line{Text: "短行。"})
		}
	}
	assert.Equal(t, 60, structure.WrapWidth(lines))
	assert.Equal(t, 0, structure.WrapWidth(lines[:10]), "too few full lines")
	wider := append(append([]structure.Line{}, lines...), structure.Line{Text: strings.Repeat("医", 40)})
	assert.Equal(t, 0, structure.WrapWidth(wider), "a line wider than the width")
	var prose []structure.Line
	for i := range 40 {
		prose = append(prose, structure.Line{Text: strings.Repeat("医", 15+i%17) + "。"})
	}
	assert.Equal(t, 0, structure.WrapWidth(prose))
}

// One row under the labels of a task-division or indicator table is a
// table (a Word table of one task); one row under other labels is a list.
func TestOneRowTable(t *testing.T) {
	ts := structure.Tables([]string{"附件:重点任务分工表", "序号", "重点任务", "牵头单位", "完成时限", "1", "推进医联体建设", "市卫健委", "2020年底"})
	require.Len(t, ts, 1)
	assert.Equal(t, structure.TaskTable, ts[0].Kind)
	require.Len(t, ts[0].Rows, 1)
	assert.Len(t, ts[0].Rows[0].Cells, 3)
	assert.Empty(t, structure.Tables([]string{"序号", "名称", "1", "某某"}), "one row under other labels")
}

// Rows written a line each are their cells as written: the same lines
// read as a flattened table join a cell that goes on into the next and
// give the last row the line after the table.
func TestTablesOfRows(t *testing.T) {
	lines := []string{"序号", "工作任务", "牵头单位", "配合单位", "完成时限",
		"1", "推进紧密型县域医共体建设,完善医共体内人员、财务统一管理", "县卫健局", "县医保局、县财政局", "2023年12月底前",
		"2", "加强公共卫生服务体系建设,县疾控中心实验室检测能力达到省定标准", "县卫健局", "县发改局、县财政局", "2023年底前",
		"二、保障措施"}
	row := []int{1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 0}
	ts := structure.TablesOfRows(lines, row)
	require.Len(t, ts, 1)
	require.Len(t, ts[0].Rows, 2)
	assert.Equal(t, []structure.Span{{11, 12}, {12, 13}, {13, 14}, {14, 15}}, ts[0].Rows[1].Cells)
	assert.Equal(t, 15, ts[0].End, "the line after the last row is not the table's")
	flat := structure.Tables(lines)
	require.Len(t, flat, 1)
	assert.Equal(t, 16, flat[0].End, "read as flattened, the last row takes the heading after it")
}

// A header a page broke over lines (牵头 / 单位) is joined into its labels
// when the rows have fewer cells than it has lines, and the rows are read
// under the joined labels: a cell broken over two lines stays one cell.
func TestBrokenHeaderLabels(t *testing.T) {
	lines := []string{"序号", "重点任务", "牵头", "单位", "配合", "单位", "完成", "时限",
		"1", "推进医联体建设", "市卫健委", "市医保局、市财政局", "2019年底",
		"2", "完善医保支付方式,", "推行按病种付费", "市医保局", "市卫健委", "2019年6月"}
	ts := structure.Tables(lines)
	require.Len(t, ts, 1)
	tb := ts[0]
	assert.Equal(t, structure.TaskTable, tb.Kind)
	assert.Equal(t, []structure.Span{{0, 1}, {1, 2}, {2, 4}, {4, 6}, {6, 8}}, tb.Header)
	require.Len(t, tb.Rows, 2)
	assert.Equal(t, []structure.Span{{14, 16}, {16, 17}, {17, 18}, {18, 19}}, tb.Rows[1].Cells, "the task cell broken over two lines is one cell")
}
