package policycmp_test

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/internal/docxtest"
	"github.com/policycmp/policycmp/structure"
	"github.com/policycmp/policycmp/taxonomy"
)

// ingestTasks ingests text as the file name and requires n tasks of it.
func ingestTasks(t *testing.T, name, text string, n int) *policycmp.Document {
	t.Helper()
	d, err := policycmp.IngestString(name, text)
	require.NoError(t, err)
	require.Len(t, d.Tasks, n, "%v", headings(d))
	return d
}

func headings(d *policycmp.Document) []string {
	var out []string
	for _, t := range d.Tasks {
		out = append(out, t.Number+" "+t.Heading)
	}
	return out
}

const withBreaks = `某市深化医药卫生体制改革实施方案
为推进改革，制定本方案。
一、工作目标
到2025年，县域内就诊率达到90%以上。
二、主要任务
（一）合理配置医疗资源
1.科学制定规划。加强区域规划。
2.优化资源布局。推进医联体建设。
（二）深化医保支付改革
3.推进按病种付费。覆盖率达到80%。
三、组织保障
（一）加强组织领导。各地要加强领导。
（二）强化考核评估。开展年度评估。
本方案自印发之日起施行。`

// withRunOn returns text as written and as a whole body on one line (its
// title line kept apart), by name.
func withRunOn(text string) map[string]string {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	return map[string]string{"lines": text, "run-on": lines[0] + "\n" + strings.Join(lines[1:], "")}
}

// assertTasksBothWays checks the task headings of text as written and as a
// whole body on one line.
func assertTasksBothWays(t *testing.T, text string, want []string) {
	t.Helper()
	for name, s := range withRunOn(text) {
		d, err := policycmp.IngestString("b.txt", s)
		require.NoError(t, err, name)
		assert.Equal(t, want, headings(d), name)
	}
}

// A body pasted as one run-on line gives the same tasks as the same body
// with its line breaks.
func TestRunOnBodyGivesSameTree(t *testing.T) {
	a, err := policycmp.IngestString("a.txt", withBreaks)
	require.NoError(t, err)
	lines := strings.Split(withBreaks, "\n")
	runOn := lines[0] + "\n" + strings.Join(lines[1:], "")
	b, err := policycmp.IngestString("b.txt", runOn)
	require.NoError(t, err)
	want := []string{"1 科学制定规划", "2 优化资源布局", "3 推进按病种付费", "(一) 加强组织领导", "(二) 强化考核评估"}
	assert.Equal(t, want, headings(a))
	assert.Equal(t, want, headings(b), "run-on body")
	for _, d := range []*policycmp.Document{a, b} {
		assert.False(t, d.Tasks[0].Safeguard)
		assert.True(t, d.Tasks[3].Safeguard, "items of 组织保障 are safeguard tasks")
		var framing, closing bool
		for _, s := range d.Sections {
			if s.Kind == policycmp.SectionFraming && strings.Contains(s.Text, "县域内就诊率") {
				framing = true
				require.NotEmpty(t, s.Targets, "a goal section's targets are extracted")
				assert.Equal(t, 90.0, s.Targets[0].Value)
			}
			if s.Kind == policycmp.SectionClosing && strings.Contains(s.Text, "本方案自印发之日起施行") {
				closing = true
			}
		}
		assert.True(t, framing, "工作目标 is framing section text: %+v", d.Sections)
		assert.True(t, closing, "the effective-date clause is closing text, not part of a task")
		assert.NotContains(t, d.Tasks[len(d.Tasks)-1].Text, "施行")
	}
}

// Numbers, years and 文号 split onto lines of their own, markers alone on
// their lines, numbering continued across groups and a duplicate number.
func TestSplitNumeralsAndNumbering(t *testing.T) {
	text := "某县医改重点任务\n根据《意见》（国办发〔\n2015\n〕\n38\n号），制定本任务。\n一、主要任务\n（一）健全服务体系\n1.\n构建监测体系。到\n2022\n年，建成\n30\n个站点。\n2.\n提升应急能力。\n（二）深化支付改革\n3.\n推进支付改革。\n3.\n完善价格机制。\n"
	d, err := policycmp.IngestString("c.txt", text)
	require.NoError(t, err)
	assert.Equal(t, []string{"1 构建监测体系", "2 提升应急能力", "3 推进支付改革", "3 完善价格机制"}, headings(d))
	assert.Contains(t, d.Tasks[0].Text, "到2022年,建成30个站点", "split numerals rejoined")
	assert.Contains(t, d.Text, "国办发〔2015〕38号")
	assert.NotEqual(t, d.Tasks[2].ID, d.Tasks[3].ID, "duplicate numbers get distinct IDs")
}

// A plan numbers its tasks in one scheme at one depth. Under a part
// heading (第二部分), items that open with a sentence rather than a heading
// of their own are still tasks when their numbering runs on through the
// groups (3.–4. under 二、 after 1.–2. under 一、), when each names who
// carries it out, or when a sibling group's items are tasks.
func TestPlanWideTaskNumbering(t *testing.T) {
	head := "某县深化医改重点工作任务\n第一部分　总体要求\n坚持以人民健康为中心。\n第二部分　重点任务\n" +
		"一、推动公立医院高质量发展\n1.深化公立医院综合改革。落实政府办医责任。\n2.完善薪酬制度。落实“两个允许”要求。\n"
	// items longer than a heading line, opening with a sentence
	for _, tc := range []struct{ name, rest string }{
		{"numbering runs on", "二、深化医保支付方式改革\n3.全面推行按疾病诊断相关分组付费，实现统筹地区、医疗机构、病种、医保基金全覆盖，推动医疗机构加强内部成本管控和精细化管理。\n4.开展药品和医用耗材集中带量采购，确保中选产品落地使用，完成国家和省级集采任务，落实医保资金结余留用政策，减轻群众就医负担。\n"},
		{"duty notes", "二、深化医保支付方式改革\n1.全面推行按疾病诊断相关分组付费，实现统筹地区、医疗机构、病种、医保基金全覆盖，推动医疗机构加强内部成本管控和精细化管理。（牵头单位：县医保局）\n2.开展药品和医用耗材集中带量采购，确保中选产品落地使用，完成国家和省级集采任务，落实医保资金结余留用政策，减轻群众就医负担。（牵头单位：县医保局）\n"},
		{"sibling groups", "二、深化医保支付方式改革\n1.全面推行按疾病诊断相关分组付费，实现统筹地区、医疗机构、病种、医保基金全覆盖，推动医疗机构加强内部成本管控和精细化管理。\n2.开展药品和医用耗材集中带量采购，确保中选产品落地使用，完成国家和省级集采任务，落实医保资金结余留用政策，减轻群众就医负担。\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := ingestTasks(t, "w.txt", head+tc.rest, 4)
			assert.Equal(t, "w/第二部分/二/"+d.Tasks[2].Number, d.Tasks[2].ID, "a part is numbered as written")
			assert.True(t, strings.HasPrefix(d.Tasks[2].Text, "全面推行按疾病诊断相关分组付费"), "%q", d.Tasks[2].Text)
			assert.True(t, strings.HasPrefix(d.Tasks[3].Text, "开展药品和医用耗材集中带量采购"), "%q", d.Tasks[3].Text)
		})
	}
}

// Where the plan's numbering runs on through its groups ((三) under 二、
// after (一)–(二) under 一、), that numbering counts the tasks: the short
// points 1. 2. under (一) are its text, and the responsibility note after
// them is the whole task's.
func TestPlanWideTasksKeepTheirPoints(t *testing.T) {
	text := "某市深化医改重点工作任务\n一、加快构建有序就医格局\n（一）发挥区域医疗中心示范引领作用。\n1．推进国家区域医疗中心建设项目。\n2．支持市人民医院创建省级区域医疗中心。\n" +
		"牵头单位：市卫生健康委\n配合单位：市发展改革委、市财政局\n（二）推进县域医共体建设。\n1．完善县域医共体运行机制。\n2．推动县级医院提标扩能。\n牵头单位：市卫生健康委\n" +
		"二、深入推广三明医改经验\n（三）推进药品耗材集中带量采购。落实国家和省级集采中选结果。\n牵头单位：市医保局\n"
	d := ingestTasks(t, "pw.txt", text, 3)
	first := d.Tasks[0]
	assert.Equal(t, "pw/一/(一)", first.ID)
	assert.Contains(t, first.Text, "推进国家区域医疗中心建设项目")
	assert.Contains(t, first.Text, "创建省级区域医疗中心")
	assert.Equal(t, []string{"市卫生健康委"}, first.Departments.Lead)
	assert.Equal(t, []string{"市发展改革委", "市财政局"}, first.Departments.Support)
	assert.Equal(t, "pw/二/(三)", d.Tasks[2].ID)
}

// A body pasted as one line with its title: 一、 glued to the title opens
// the numbering because 二、 stands after a sentence end, and a marker after
// a bracketed note that follows a full stop (…。（牵头单位:…）二、) stands
// after a sentence end too.
func TestRunOnAfterTitleAndNotes(t *testing.T) {
	text := "某市2024年医改工作要点一、推进分级诊疗体系建设1.加快推进紧密型县域医共体建设，完善医共体内人员统筹使用机制。（牵头单位：市卫生健康局）" +
		"2.推进医共体内检查检验结果互认，减少重复检查。（牵头单位：市卫生健康局）二、深化医疗服务价格改革1.建立医疗服务价格动态调整机制，每年开展一次调价评估。（牵头单位：市医保局）2.规范医疗服务价格项目，做好新增项目受理。（牵头单位：市医保局）"
	d := ingestTasks(t, "ro.txt", text, 4)
	assert.Equal(t, "ro/一/1", d.Tasks[0].ID)
	assert.Equal(t, "ro/二/1", d.Tasks[2].ID)
	assert.Equal(t, []string{"市医保局"}, d.Tasks[2].Departments.Lead)
	// without a second after a sentence end, a glued 一、 is a word
	ingestTasks(t, "w.txt", "全市一、二级医院要加强管理，推进改革。", 0)
}

// In a body on one line, a number printed twice after a responsibility
// note (…。（市卫健局负责） 2.加强…) opens an item of its own, whatever its
// first sentence; the same number inside a sentence does not.
func TestDuplicateNumberAfterNote(t *testing.T) {
	text := "某市医改重点任务 一、推进分级诊疗制度建设 1.推进紧密型县域医共体建设，实现医共体内人员统一管理。（市卫健局负责） " +
		"2.做实家庭医生签约服务，重点人群签约率达到60%以上。（市卫健局负责） 2.加强基层医疗卫生人才队伍建设，为乡镇卫生院招聘医学类本科毕业生10名以上。（市卫健局、市人社局负责） " +
		"3.深化医保支付方式改革，推进按病种付费，病种数不少于100个，其中5.5%的病种实行日间手术。（市医保局负责）"
	d := ingestTasks(t, "dn.txt", text, 4)
	assert.True(t, strings.HasPrefix(d.Tasks[2].Text, "加强基层医疗卫生人才队伍建设"), "%q", d.Tasks[2].Text)
	assert.Equal(t, []string{"市卫健局", "市人社局"}, d.Tasks[2].Departments.Lead)
	assert.NotEqual(t, d.Tasks[1].ID, d.Tasks[2].ID)
	assert.Contains(t, d.Tasks[3].Text, "5.5%的病种")
}

// A body on one line pasted twice is merged by its sentences: one copy of
// each task, the sentence only the second copy has kept in its place, the
// dropped copy in a warning.
func TestRunOnPastedTwice(t *testing.T) {
	var b strings.Builder
	b.WriteString("某市医改重点任务一、深化医保改革（一）推进支付方式改革。全面推行按病种付费。扩大日间手术病种。")
	for i := 2; i <= 14; i++ { // a body the length of a plan's
		fmt.Fprintf(&b, "（%s）推进第%d项改革任务。完善第%d项工作机制，加强统筹协调，明确工作责任，确保各项任务按期完成，及时总结推广经验做法。", cnNum(i), i, i)
	}
	first := b.String()
	second := strings.Replace(first, "扩大日间手术病种。", "扩大日间手术病种。建立病种动态调整机制。", 1)
	d, err := policycmp.IngestString("twice.txt", first+second)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len([]rune(first+second)), structure.MinRunOnBody)
	require.Len(t, d.Tasks, 14, "%v", headings(d))
	assert.Contains(t, d.Tasks[0].Text, "建立病种动态调整机制", "the sentence only the second copy has")
	assert.Equal(t, 1, strings.Count(d.Tasks[0].Text, "全面推行按病种付费"))
	dup := 0
	for _, w := range d.Warnings {
		if w.Kind == policycmp.WarnDuplicate {
			dup++
			assert.Contains(t, w.Detail, "sentences")
		}
	}
	assert.Equal(t, 1, dup)
}

// Responsibility labels in brackets (【牵头单位】…), on lines of their own
// under a task or closing its last sentence, give it its departments and
// deadline; each such line stays a line of its own.
func TestBracketedDutyLabels(t *testing.T) {
	text := "某县医改重点任务\n一、重点任务\n（一）推进紧密型县域医共体建设。完善医共体内人财物统一管理。\n【牵头单位】县卫健局\n【配合单位】县医保局、县财政局\n【完成时限】2023年12月底前\n" +
		"（二）深化医保支付方式改革。推进按病种分值付费。【责任单位】县医保局【完成时限】长期坚持\n"
	d := ingestTasks(t, "bl.txt", text, 2)
	assert.Equal(t, []string{"县卫健局"}, d.Tasks[0].Departments.Lead)
	assert.Equal(t, []string{"县医保局", "县财政局"}, d.Tasks[0].Departments.Support)
	assert.Equal(t, "2023年12月底前", d.Tasks[0].Deadline)
	assert.Equal(t, []string{"县医保局"}, d.Tasks[1].Departments.Lead)
	assert.Equal(t, "长期坚持", d.Tasks[1].Deadline)
	for _, c := range d.Tasks[1].Clauses {
		assert.NotContains(t, c.Text, "责任单位", "the note is not a clause")
	}
}

// A notice on one instrument gives its title's theme to a task that names
// none and has no themed group, with the evidence in the title; an item of
// its safeguards takes nothing from the title.
func TestTitleTheme(t *testing.T) {
	d, err := policycmp.IngestString("n.txt", "关于在定点民营医院试行住院患者按病种收付费的通知\n一、工作要求\n（一）实行首诊医院责任制。首诊医院负责患者的诊治。\n二、保障措施\n（一）加强组织领导。各地要明确专人负责。\n")
	require.NoError(t, err)
	d.Classify(taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{}))
	require.Len(t, d.Tasks, 2, "%v", headings(d))
	first := d.Tasks[0]
	assert.Equal(t, "insurance.payment", first.PrimaryTheme())
	require.NotEmpty(t, first.Themes[0].Evidence)
	ev := first.Themes[0].Evidence[0]
	assert.Equal(t, d.Title, ev.Group)
	assert.Equal(t, ev.Term, d.Raw[ev.Start:ev.End], "the evidence points at the term in the title")
	assert.NotEqual(t, "insurance.payment", d.Tasks[1].PrimaryTheme(), "a safeguard item takes nothing from the title")
}

// A plan pasted twice whose copies are broken into lines differently, and
// which says one sentence twice in each copy, is merged into one copy: the
// second copy starts where the plan's first repeating sentence comes
// again, not at the sentence the plan repeats.
func TestPastedTwiceBrokenDifferently(t *testing.T) {
	var b strings.Builder
	b.WriteString("某市医改重点任务\n一、深化医保改革\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "（%s）推进第%d项改革任务。完善第%d项工作机制，加强统筹协调。\n", cnNum(i), i, i)
		if i == 2 || i == 5 {
			b.WriteString("各地要结合实际认真组织实施。\n") // said twice in each copy
		}
	}
	first := b.String()
	// the second copy breaks its lines after other sentences
	second := strings.ReplaceAll(first, "改革任务。完善", "改革任务。\n完善")
	d := ingestTasks(t, "two.txt", first+second, 8)
	for i, task := range d.Tasks {
		assert.Equal(t, 1, strings.Count(task.Text, fmt.Sprintf("推进第%d项改革任务", i+1)), "%q", task.Text)
	}
	assert.Contains(t, d.Tasks[1].Text, "各地要结合实际认真组织实施", "the sentence the plan says twice stays in both its places")
	assert.Contains(t, d.Tasks[4].Text, "各地要结合实际认真组织实施")
}

// A document of articles (第一条 …) keeps the articles of its general
// provisions (总则: purpose and scope) as section text, not tasks.
func TestArticlesGeneralProvisions(t *testing.T) {
	d := ingestTasks(t, "art.txt", "某市医疗保障基金使用监督管理实施办法\n第一章 总则\n第一条 为加强医疗保障基金使用监督管理，保障基金安全，制定本办法。\n"+
		"第二章 基金使用\n第二条 定点医药机构应当建立医疗保障基金使用内部管理制度。\n第三条 参保人员应当持本人医疗保障凭证就医、购药。\n", 2)
	assert.Equal(t, "art/第二章/第二条", d.Tasks[0].ID)
	framing := false
	for _, s := range d.Sections {
		framing = framing || s.Kind == policycmp.SectionFraming && strings.Contains(s.Text, "制定本办法")
	}
	assert.True(t, framing, "%+v", d.Sections)
}

// A plan's implementation stages (实施步骤: 动员部署阶段, 全面推进阶段 …) are
// its schedule, section text with their dates, not reform tasks.
func TestImplementationStages(t *testing.T) {
	d := ingestTasks(t, "st.txt", "某县医共体建设实施方案\n一、主要任务\n（一）推进人财物统一管理。完善管理制度。\n（二）推进检查结果互认。\n"+
		"二、实施步骤\n（一）动员部署阶段（2024年1—2月）。制定实施方案，召开动员会。\n（二）全面推进阶段（2024年3—10月）。各成员单位按方案推进。\n三、保障措施\n（一）加强组织领导。\n", 3)
	assert.Equal(t, "st/三/(一)", d.Tasks[2].ID)
	assert.True(t, d.Tasks[2].Safeguard)
}

// A task is never deleted for holding a URL, a hotline or a file name; an
// annex that restarts numbering gives no tasks.
func TestChromeWordsInTasksAndAnnex(t *testing.T) {
	text := "一、主要任务\n（一）推进互联网医院建设，公布咨询热线12345和网址https://example.gov.cn，在线服务覆盖率达到90%。\n（二）公开《实施细则.pdf》，扫一扫二维码可查。\n二、保障措施\n（一）加强组织领导。各地要加强领导。\n" +
		strings.Repeat("各地要认真落实各项任务，确保取得实效。", 20) + "\n附件：考核指标\n（一）体系建设指标\n1.二级医院建设完成率≥95%；\n2.远程医疗覆盖率80%；\n"
	d := ingestTasks(t, "d.txt", text, 3)
	assert.Contains(t, d.Tasks[0].Text, "https://example.gov.cn")
	require.NotEmpty(t, d.Tasks[0].Targets)
	assert.Equal(t, 90.0, d.Tasks[0].Targets[0].Value)
	assert.Contains(t, d.Tasks[1].Text, "扫一扫")
	var annex *policycmp.Section
	for i := range d.Sections {
		if d.Sections[i].Kind == policycmp.SectionAnnex {
			annex = &d.Sections[i]
		}
	}
	require.NotNil(t, annex, "the annex is kept as section text")
	assert.Contains(t, annex.Text, "远程医疗覆盖率80%")
	assert.NotEmpty(t, annex.Targets)
}

// A task-division table flattened one cell a line gives tasks with their
// departments and deadlines; an indicator table gives targets.
func TestFlattenedTables(t *testing.T) {
	text := "某区医改重点任务分工\n为落实改革任务，制定本分工方案。\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n" +
		"1\n推进紧密型医共体建设\n区卫生健康委\n区财政局、区医保局\n2024年12月底前\n" +
		"2\n推行按病种分值付费，覆盖率达到\n90%\n以上\n区医保局\n区卫生健康委\n2024年6月\n" +
		"3\n完善家庭医生签约服务\n区卫生健康委\n各街镇\n长期\n" +
		"主要指标\n序号\n指标\n单位\n2023年\n2025年目标值\n1\n每千人口执业(助理)医师数\n人\n2.9\n3.2\n2\n县域内就诊率\n%\n85\n≥90\n"
	d, err := policycmp.IngestString("e.txt", text)
	require.NoError(t, err)
	require.Len(t, d.Tables, 2, "%+v %v", d.Tables, d.Warnings)
	assert.Equal(t, policycmp.TableTasks, d.Tables[0].Kind)
	assert.Equal(t, policycmp.TableIndicators, d.Tables[1].Kind)
	require.Len(t, d.Tasks, 3, "%v", headings(d))
	task := d.Tasks[1]
	assert.Contains(t, task.Text, "覆盖率达到90%以上")
	assert.Equal(t, []string{"区医保局"}, task.Departments.Lead)
	assert.Equal(t, []string{"区卫生健康委"}, task.Departments.Support)
	assert.Equal(t, "2024年6月", task.Deadline)
	assert.Equal(t, []string{"区财政局", "区医保局"}, d.Tasks[0].Departments.Support)
	assert.Equal(t, []string{"各街镇"}, d.Tasks[2].Departments.Local)
	tg := d.Tables[1].Targets
	require.Len(t, tg, 2)
	assert.Equal(t, "每千人口执业(助理)医师数", tg[0].Indicator)
	assert.Equal(t, 3.2, tg[0].Value)
	assert.Equal(t, "人", tg[0].Unit)
	assert.Equal(t, 2025, tg[0].Deadline)
	assert.Equal(t, ">=", tg[1].Comparator)
	cell := d.Tables[1].Rows[0][0]
	assert.Equal(t, "每千人口执业(助理)医师数", d.Raw[cell.Start:cell.End], "cells point into the input")
}

// A task table written a row a line (cells between tabs) keeps each row's
// cells as written: a cell that reads as going on into the next ("…达到省定
// 标准" then "县卫健局") is not joined to it, and the heading after the last
// row is not a cell. Its tasks stand where the table does, before the
// safeguards that follow it.
func TestTabbedTaskTableInBody(t *testing.T) {
	text := "某县深化医改重点工作任务\n为落实改革任务，制定本任务。\n一、重点任务\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n" +
		"1\t推进紧密型县域医共体建设，完善医共体内人员、财务统一管理\t县卫健局\t县医保局、县财政局\t2023年12月底前\n" +
		"2\t加强公共卫生服务体系建设，县疾控中心实验室检测能力达到省定标准\t县卫健局\t县发改局、县财政局\t2023年底前\n" +
		"二、保障措施\n（一）加强组织领导。县医改领导小组要定期研究医改工作。\n（二）强化考核评价。将医改任务完成情况纳入绩效考核。\n"
	d, err := policycmp.IngestString("tab.txt", text)
	require.NoError(t, err)
	require.Len(t, d.Tables, 1)
	require.Len(t, d.Tables[0].Rows, 2)
	last := d.Tables[0].Rows[1]
	require.Len(t, last, 4)
	assert.Equal(t, "县卫健局", last[1].Text)
	assert.Equal(t, "2023年底前", last[3].Text, "the heading after the table is not a cell")
	require.Len(t, d.Tasks, 4, "%v", headings(d))
	assert.Equal(t, "tab/表1/2", d.Tasks[1].ID)
	assert.Equal(t, []string{"县卫健局"}, d.Tasks[1].Departments.Lead)
	assert.Equal(t, []string{"县发改局", "县财政局"}, d.Tasks[1].Departments.Support)
	assert.Equal(t, "2023年底前", d.Tasks[1].Deadline)
	assert.Equal(t, "tab/二/(一)", d.Tasks[2].ID, "the safeguards follow the table's tasks")
}

// An annexed division-of-labour table that restates the body's tasks
// gives them their departments and deadlines, not a second copy of each;
// a row naming a task the body does not hold is a task of its own.
func TestTaskTableRestatesBody(t *testing.T) {
	text := "某市深化医改重点工作任务\n一、重点任务\n1.推进医疗联合体建设。每个县至少建成1个紧密型县域医共体。\n" +
		"2.做实家庭医生签约服务。\n3.加强医保基金监管。（市医保局负责）\n" +
		"附件：重点任务分工表\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n" +
		"1\n推进医疗联合体建设\n市卫健委\n市医保局、市财政局\n2024年12月底前\n" +
		"2\n做实家庭医生签约服务\n市卫健委\n各县（区）政府\n长期\n" +
		"3\n加强医保基金监管，开展专项行动\n市医保局\n市卫健委\n2024年6月\n" +
		"4\n推进医疗联合体\n市卫健委\n市财政局\n2024年\n"
	d, err := policycmp.IngestString("r.txt", text)
	require.NoError(t, err)
	require.Len(t, d.Tables, 1)
	assert.Len(t, d.Tables[0].Rows, 4, "the rows stay in the table")
	require.Len(t, d.Tasks, 4, "%v", headings(d))
	first := d.Tasks[0]
	assert.Equal(t, []string{"市卫健委"}, first.Departments.Lead)
	assert.Equal(t, []string{"市医保局", "市财政局"}, first.Departments.Support)
	assert.Equal(t, "2024年12月底前", first.Deadline)
	assert.Contains(t, first.Text, "紧密型县域医共体", "the body's text is the task's")
	assert.Equal(t, []string{"各县(区)政府"}, d.Tasks[1].Departments.Local)
	assert.Equal(t, "2024年6月", d.Tasks[2].Deadline, "a row that goes on past the heading restates the task too")
	assert.Equal(t, []string{"市医保局"}, d.Tasks[2].Departments.Lead, "the body's note and the row agree: named once")
	assert.Equal(t, []string{"市卫健委"}, d.Tasks[2].Departments.Support)
	assert.Equal(t, "推进医疗联合体", d.Tasks[3].Text, "a row that is only the start of a heading is a task of its own")
	n := 0
	for _, w := range d.Warnings {
		if w.Kind == policycmp.WarnDuplicate && strings.Contains(w.Detail, "restates") {
			n++
			assert.Contains(t, text, d.Raw[w.Offset:w.Offset+3], "the warning points into the input")
		}
	}
	assert.Equal(t, 3, n)
}

// Numbers written as one character of their own (⒈, ⑴, the forms of old
// word processors) number tasks like 1. and (1); circled numbers stay.
func TestEnclosedNumberMarkers(t *testing.T) {
	d := ingestTasks(t, "n.txt", "一、深化公立医院改革\n⒈推进薪酬制度改革。落实“两个允许”要求。\n⒉加强公立医院绩效考核。\n"+
		"二、推进分级诊疗\n⑴推进县域医共体建设。\n⑵做实家庭医生签约服务。\n", 4)
	assert.Equal(t, "推进薪酬制度改革", d.Tasks[0].Heading)
	assert.Equal(t, []string{"一", "2"}, d.Tasks[1].NumberPath)
	assert.Equal(t, "做实家庭医生签约服务", d.Tasks[3].Heading)
	assert.Equal(t, "①", policycmp.NormalizeString("①"))
	assert.Equal(t, "12.", policycmp.NormalizeString("⒓"))
}

// Under a plan's own convention that the department named first leads,
// a note listing departments gives one lead and the rest support; without
// it, all lead (as the plan wrote them).
func TestLeadFirstConvention(t *testing.T) {
	body := "一、重点任务\n1.推进医共体建设。（市卫健委、市医保局、市财政局负责）\n2.完善医保支付。（市医保局牵头，市卫健委配合）\n"
	d, err := policycmp.IngestString("l.txt", "某市医改重点工作任务\n（各项任务排在第一位的为牵头单位）\n"+body)
	require.NoError(t, err)
	require.Len(t, d.Tasks, 2)
	assert.Equal(t, []string{"市卫健委"}, d.Tasks[0].Departments.Lead)
	assert.Equal(t, []string{"市医保局", "市财政局"}, d.Tasks[0].Departments.Support)
	assert.Equal(t, []string{"市医保局"}, d.Tasks[1].Departments.Lead)
	p, err := policycmp.IngestString("m.txt", "某市医改重点工作任务\n"+body)
	require.NoError(t, err)
	require.Len(t, p.Tasks, 2)
	assert.Equal(t, []string{"市卫健委", "市医保局", "市财政局"}, p.Tasks[0].Departments.Lead)
}

// A run-on body whose groups open with prose of their own before their
// first item, and whose annex list follows the last sentence, gives the
// same tasks as with its line breaks: the items are the tasks, not points
// of the group, and the annex list is not a last task's points.
func TestRunOnGroupsWithProseAndAnnexList(t *testing.T) {
	text := "某市深化医药卫生体制改革规划\n为推进改革，制定本规划。\n一、重点任务\n（一）建立分级诊疗制度。\n以医联体为抓手，推动形成分级诊疗格局。\n" +
		"1.建设医联体。组建城市医疗集团。\n2.推进家庭医生签约。扩大签约覆盖面。\n（二）深化医保支付改革。\n到2020年，按病种付费覆盖所有公立医院。\n" +
		"3.推进按病种付费。覆盖率达到80%。\n4.完善总额预算。加强预算管理。\n二、保障措施\n（一）加强组织领导。各地要加强领导。\n" +
		"（二）鼓励探索创新。尊重基层首创精神。\n附件：1.主要指标2.各级医疗机构功能定位\n"
	restarted := strings.NewReplacer("3.推进", "1.推进", "4.完善", "2.完善").Replace(text)
	for numbering, text := range map[string]string{"continued": text, "restarted": restarted} {
		want := []string{"1 建设医联体", "2 推进家庭医生签约", "3 推进按病种付费", "4 完善总额预算", "(一) 加强组织领导", "(二) 鼓励探索创新"}
		if numbering == "restarted" {
			want[2], want[3] = "1 推进按病种付费", "2 完善总额预算"
		}
		for name, s := range withRunOn(text) {
			d, err := policycmp.IngestString("g.txt", s)
			require.NoError(t, err, name)
			assert.Equal(t, want, headings(d), numbering+", "+name)
			for _, task := range d.Tasks[:4] {
				assert.Len(t, task.Path, 2, "%s, %s: %s is an item of its group", numbering, name, task.ID)
			}
			for _, task := range d.Tasks {
				assert.NotContains(t, task.FullText(), "主要指标", name)
			}
		}
	}
}

// A number printed twice (two 2.) is two items, on lines of their own or
// in a run-on body; a repeated number inside a sentence, or one whose text
// opens without a heading of its own, is not.
func TestRepeatedNumberInRunOnBody(t *testing.T) {
	text := "某市医改规划\n一、重点任务\n（一）健全医保制度。\n1.深化医保支付方式改革。推行按病种付费。\n2.健全重特大疾病保障机制。完善大病保险。\n" +
		"2.完善医疗服务价格调整机制。动态调整价格。\n（二）完善药品供应。\n1.推行两票制。规范购销。\n2.保障短缺药品。建立监测。\n"
	want := []string{"1 深化医保支付方式改革", "2 健全重特大疾病保障机制", "2 完善医疗服务价格调整机制", "1 推行两票制", "2 保障短缺药品"}
	assertTasksBothWays(t, text, want)
	d, err := policycmp.IngestString("s.txt", "某市医改规划\n一、重点任务\n1.推进医联体建设。组建医疗集团。2.完善家庭医生签约。签约率达到60%。2.5万人签约,覆盖面扩大。\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"1 推进医联体建设", "2 完善家庭医生签约"}, headings(d), "2.5万 is a number, and its sentence no heading")
}

// A body copied from a PDF breaks every line at one width, wherever the
// sentence stands: a break before 二、三级医院 inside an item's sentence
// is a wrap, not a new section.
func TestHardWrappedBody(t *testing.T) {
	item := func(n int, head string) string {
		return strconv.Itoa(n) + "." + head + "。各地要结合实际，认真组织实施，加强统筹协调，明确工作责任，" +
			"细化工作措施，完善配套政策，确保各项任务按期完成，取得实效；要及时总结经验做法，加强宣传推广，营造良好氛围。"
	}
	first := item(1, "推进医联体建设") + "重点支持"
	pad := (30 - utf8.RuneCountInString(first)%30) % 30 // so that the wrap falls right before 二、
	first = strings.Replace(first, "重点支持", "重点"+strings.Repeat("全", pad)+"支持", 1)
	body := "某市医改重点工作任务\n一、重点任务\n" + first + "二、三级医院牵头组建医联体。" +
		item(2, "做实家庭医生签约服务") + item(3, "深化医保支付方式改革") + item(4, "完善药品供应保障") + item(5, "加强综合监管") + item(6, "健全人才队伍")
	lines := strings.Split(body, "\n")
	var wrapped []string
	for _, l := range lines[2:] {
		r := []rune(l)
		for len(r) > 30 {
			wrapped = append(wrapped, string(r[:30]))
			r = r[30:]
		}
		wrapped = append(wrapped, string(r))
	}
	text := lines[0] + "\n" + lines[1] + "\n" + strings.Join(wrapped, "\n")
	require.Contains(t, text, "\n二、三级医院", "the test wraps a line right before 二、")
	d, err := policycmp.IngestString("w.txt", text)
	require.NoError(t, err)
	assert.Equal(t, []string{"1 推进医联体建设", "2 做实家庭医生签约服务", "3 深化医保支付方式改革", "4 完善药品供应保障", "5 加强综合监管", "6 健全人才队伍"}, headings(d))
	assert.Contains(t, d.Tasks[0].Text, "支持二、三级医院牵头组建医联体")
	for _, task := range d.Tasks {
		assert.Equal(t, []string{"重点任务"}, task.Path, task.ID)
	}
}

// A plan whose items are 一是…六是 at line starts, followed by a list
// (一)… after a subheading, gives the same tasks as a whole body on one
// line: there 一是… after a full stop numbers items too, and (一) after 六是
// is not its point.
func TestRunOnOrdinalItems(t *testing.T) {
	var b strings.Builder
	b.WriteString("2023年下半年医改重点工作\n国务院办公厅印发重点工作任务,部署六方面工作。\n")
	for _, h := range []string{"一是促进优质医疗资源扩容", "二是深化公立医院改革", "三是促进医疗保障衔接"} {
		b.WriteString(h + "。推进相关工作,加强统筹协调,明确工作责任,细化工作措施,完善配套政策,确保任务按期完成。" + strings.Repeat("持续深化改革,巩固改革成果,加强宣传引导。", 25) + "\n")
	}
	b.WriteString("基层仍是医改重心\n其中,基层重点工作任务为以下方面。\n(一)持续提升县级医疗水平。推进医共体建设。\n(二)加强社区卫生服务能力建设。拓展服务功能。\n")
	text := b.String()
	want := []string{"一是 促进优质医疗资源扩容", "二是 深化公立医院改革", "三是 促进医疗保障衔接", "(一) 持续提升县级医疗水平", "(二) 加强社区卫生服务能力建设"}
	assertTasksBothWays(t, text, want)
	// (1) after 一是… on lines of their own are its points.
	q, err := policycmp.IngestString("q.txt", "某市医改任务\n一、重点任务\n(一)调整医院布局。\n一是控制规模。具体包括:\n(1)严控床位。\n(2)严控设备。\n二是优化结构。\n(二)推进综合改革。\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"(一) 调整医院布局", "(二) 推进综合改革"}, headings(q))
	// Points 一是… inside a task's paragraph stay its points.
	d, err := policycmp.IngestString("p.txt", "某市医改任务\n一、重点任务\n(一)调整医院布局。一是控制规模。二是优化结构。\n(二)推进综合改革。\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"(一) 调整医院布局", "(二) 推进综合改革"}, headings(d))
}

// A plan written in Word: automatic list numbers are its tasks' numbers,
// an annexed division-of-labour table gives them their departments, and
// the document says it was reduced to its text.
func TestDocxPlan(t *testing.T) {
	body := docxtest.Para("某市深化医药卫生体制改革2020年重点工作任务") +
		docxtest.ListPara("1", "0", "重点任务") +
		docxtest.ListPara("1", "1", "推进医联体建设。组建城市医疗集团。") +
		docxtest.ListPara("1", "1", "完善医保支付。推行按病种付费。") +
		docxtest.ListPara("1", "0", "保障措施") +
		docxtest.ListPara("1", "1", "加强组织领导。各地要加强领导。") +
		docxtest.Para("附件：重点任务分工表") +
		`<w:tbl>` + docxtest.Row("序号", "重点任务", "牵头单位", "完成时限") + docxtest.Row("1", "推进医联体建设", "市卫健委", "2020年底") + docxtest.Row("2", "推进按病种分值付费", "市医保局", "2020年6月") + `</w:tbl>`
	data, err := docxtest.Build(body, docxtest.PlanNumbering)
	require.NoError(t, err)
	d, err := policycmp.Ingest("plan.docx", data, policycmp.Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"(一) 推进医联体建设", "(二) 完善医保支付", "(一) 加强组织领导", "2 推进按病种分值付费"}, headings(d), "the row the body lacks is a task of its own")
	assert.Equal(t, []string{"市卫健委"}, d.Tasks[0].Departments.Lead)
	assert.Equal(t, "2020年底", d.Tasks[0].Deadline)
	assert.True(t, d.Tasks[2].Safeguard)
	kinds := map[policycmp.WarningKind]bool{}
	for _, w := range d.Warnings {
		kinds[w.Kind] = true
	}
	assert.True(t, kinds[policycmp.WarnDocx], "%v", d.Warnings)
}

// A division-of-labour spreadsheet is a plan of its own: its rows are
// tasks with their departments and deadlines, a 领域 merged down its rows
// notwithstanding.
func TestXlsxTaskTable(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"某区2020年深化医改重点任务分工表"},
		{"序号", "领域", "重点任务", "牵头单位", "配合单位", "完成时限"},
		{1, "分级诊疗", "推进紧密型医共体建设", "区卫生健康委", "区医保局、区财政局", "2020年12月底前"},
		{2, "", "做实家庭医生签约服务", "区卫生健康委", "各街镇", "长期"},
		{3, "医疗保障", "推行按病种分值付费", "区医保局", "区卫生健康委", "2020年6月"},
	}
	for r, row := range rows {
		cell, err := excelize.CoordinatesToCellName(1, r+1)
		require.NoError(t, err)
		require.NoError(t, f.SetSheetRow("Sheet1", cell, &row))
	}
	require.NoError(t, f.MergeCell("Sheet1", "B3", "B4"))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	d, err := policycmp.Ingest("分工表.xlsx", buf.Bytes(), policycmp.Options{})
	require.NoError(t, err)
	require.Len(t, d.Tables, 1, "%v", d.Warnings)
	assert.Equal(t, policycmp.TableTasks, d.Tables[0].Kind)
	require.Len(t, d.Tasks, 3, "%v", headings(d))
	assert.Equal(t, "推进紧密型医共体建设", d.Tasks[0].Heading)
	assert.Equal(t, []string{"区卫生健康委"}, d.Tasks[0].Departments.Lead)
	assert.Equal(t, []string{"区医保局", "区财政局"}, d.Tasks[0].Departments.Support)
	assert.Equal(t, "2020年12月底前", d.Tasks[0].Deadline)
	assert.Equal(t, []string{"各街镇"}, d.Tasks[1].Departments.Local)
	assert.Equal(t, "区医保局", d.Tasks[2].Departments.Lead[0])
}

// A note that names the local implementers once for all the tasks after
// it gives them to each (but the safeguard items).
func TestStandingLocalImplementers(t *testing.T) {
	text := "某市公共卫生应急管理体系建设行动计划\n一、主要任务\n1.健全监测预警体系。建设监测平台。（各区县人民政府、市卫健委负责，2024年12月前完成。以下各项任务均需各区县人民政府落实，不再列出）\n" +
		"2.提升检测能力。建设实验室。（市卫健委、财政局分工负责，2024年12月前完成）\n3.加强队伍建设。组建应急队伍。（市卫健委负责）\n" +
		"二、实施保障\n（一）加强组织领导。各地要加强领导。\n"
	d := ingestTasks(t, "s.txt", text, 4)
	for _, task := range d.Tasks[:3] {
		assert.Equal(t, []string{"各区县人民政府"}, task.Departments.Local, task.ID)
	}
	assert.Equal(t, []string{"市卫健委", "财政局"}, d.Tasks[1].Departments.Lead)
	assert.Empty(t, d.Tasks[3].Departments.Local, "a safeguard item")
	p, err := policycmp.IngestString("t.txt", strings.Replace(text, "以下各项任务均需各区县人民政府落实，不再列出", "", 1))
	require.NoError(t, err)
	assert.Empty(t, p.Tasks[1].Departments.Local, "without the note, only the tasks that name them")
}

// CR-only, CRLF, U+2028 and form feeds are line breaks.
func TestLineBreakKinds(t *testing.T) {
	for name, br := range map[string]string{"CR": "\r", "CRLF": "\r\n", "LS": "\u2028", "NEL": "\u0085", "FF": "\f"} {
		d, err := policycmp.IngestString("f.txt", strings.Join([]string{"一、任务", "（一）推进医联体建设。", "（二）完善医保支付。"}, br))
		require.NoError(t, err, name)
		assert.Len(t, d.Tasks, 2, name)
	}
}

// A signature after the last task closes the document.
func TestSignatureCloses(t *testing.T) {
	d, err := policycmp.IngestString("g.txt", "一、任务\n（一）推进医联体建设。\n（二）完善医保支付。\n某市人民政府办公室\n2024年3月1日\n")
	require.NoError(t, err)
	require.Len(t, d.Tasks, 2)
	assert.NotContains(t, d.Tasks[1].FullText(), "人民政府办公室")
	last := d.Sections[len(d.Sections)-1]
	assert.Equal(t, policycmp.SectionClosing, last.Kind)
	assert.Contains(t, last.Text, "2024年3月1日")
}

// A table whose rows are written on one line, cells separated by tabs or
// bars, and an indicator table whose first column spans several rows.
func TestDelimitedTablesAndSpannedCells(t *testing.T) {
	text := "重点任务分工\n序号\t重点任务\t牵头单位\t完成时限\n1\t推进医共体建设\t县卫生健康局\t2024年底\n2\t推行按病种分值付费\t县医保局\t2024年6月\n" +
		"| 序号 | 领域 | 指标 | 单位 | 2025年 |\n|---|---|---|---|---|\n| 1 | 医疗服务 | 县域内就诊率 | % | ≥90 |\n| 2 | 每千人口床位数 | 张 | 6.5 |\n"
	d, err := policycmp.IngestString("h.txt", text)
	require.NoError(t, err)
	require.Len(t, d.Tables, 2, "%+v", d.Tables)
	require.Len(t, d.Tasks, 2)
	assert.Equal(t, "推进医共体建设", d.Tasks[0].Text)
	assert.Equal(t, []string{"县卫生健康局"}, d.Tasks[0].Departments.Lead)
	tg := d.Tables[1].Targets
	require.Len(t, tg, 2)
	assert.Equal(t, "每千人口床位数", tg[1].Indicator, "a row that lacks the spanned 领域 cell is aligned to the right")
	assert.Equal(t, 6.5, tg[1].Value)
	assert.Equal(t, "张", tg[1].Unit)
	// Prose with double spaces is not cut into cells.
	p, err := policycmp.IngestString("i.txt", "一、任务\n(一)推进医联体建设,  完善分级诊疗,  加强基层能力建设。")
	require.NoError(t, err)
	require.Len(t, p.Tasks, 1)
	assert.Contains(t, p.Tasks[0].Text, "完善分级诊疗")
}

// Responsibility and deadline lines under each task of a task-division plan.
func TestDutyLines(t *testing.T) {
	d, err := policycmp.IngestString("j.txt", "一、重点任务\n1.推进医共体建设。完善分级诊疗。\n牵头单位：县卫生健康局；配合单位：县财政局、县医保局\n完成时限：2024年底前\n2.深化医保支付方式改革。\n责任单位：县医保局\n")
	require.NoError(t, err)
	require.Len(t, d.Tasks, 2)
	assert.Equal(t, []string{"县卫生健康局"}, d.Tasks[0].Departments.Lead)
	assert.Equal(t, []string{"县财政局", "县医保局"}, d.Tasks[0].Departments.Support)
	assert.Equal(t, "2024年底前", d.Tasks[0].Deadline)
	assert.NotContains(t, d.Tasks[0].Text, "牵头单位", "who and when are not clauses")
	assert.Contains(t, d.Tasks[0].FullText(), "牵头单位")
	assert.Equal(t, []string{"县医保局"}, d.Tasks[1].Departments.Lead)
}

// A notice with numbered points of its own, signed and dated, that carries
// a longer plan: the plan's tasks are not taken for the notice's tail.
func TestNoticeCarryingPlan(t *testing.T) {
	plan := strings.Repeat("推进医疗卫生服务体系建设,完善分级诊疗制度,提升基层服务能力。", 4)
	text := "关于印发某市医改实施方案的通知\n各县区人民政府:\n一、高度重视。各地要认真组织实施。\n二、加强领导。\n某市人民政府办公室\n2024年3月1日\n附件\n某市医改实施方案\n" +
		"一、主要任务\n(一)推进医联体建设。" + plan + "\n(二)深化医保支付方式改革。" + plan + "\n(三)完善药品供应保障。" + plan + "\n二、保障措施\n(一)加强组织领导。各地要加强领导。\n"
	d, err := policycmp.IngestString("k.txt", text)
	require.NoError(t, err)
	var hs []string
	for _, task := range d.Tasks {
		hs = append(hs, task.Heading)
	}
	assert.Contains(t, hs, "推进医联体建设")
	assert.Contains(t, hs, "完善药品供应保障")
	assert.Contains(t, hs, "加强组织领导")
	assert.NotContains(t, hs, "高度重视", "the notice's own points are its prose, not tasks")
}

// A plan that is nothing but a task-division table is a plan, not empty.
func TestTableOnlyPlan(t *testing.T) {
	d, err := policycmp.IngestString("t.txt", "序号\n重点任务\n牵头单位\n1\n推进医共体建设\n县卫生健康局\n2\n完善医保支付\n县医保局\n")
	require.NoError(t, err)
	require.Len(t, d.Tasks, 2)
	assert.Equal(t, []string{"县医保局"}, d.Tasks[1].Departments.Lead)
}

// Items numbered 1） under sections, and a plan in articles whose last
// article is its effective-date clause.
func TestCloseParenItemsAndClosingArticle(t *testing.T) {
	d, err := policycmp.IngestString("p.txt", "某市医改重点任务\n一、深化医保支付方式改革\n1）全面推进按病种分值付费改革。\n2）完善医保总额预算管理。\n二、推进医共体建设\n1）做实人财物一体化管理。\n2）推进县管乡用改革。\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"1) 全面推进按病种分值付费改革", "2) 完善医保总额预算管理", "1) 做实人财物一体化管理", "2) 推进县管乡用改革"}, headings(d),
		"1） items are tasks of their sections, not text folded into them")
	c, err := policycmp.IngestString("q.txt", "某市医改重点任务\n一、深化医保支付方式改革\n一）全面推进按病种分值付费改革。\n二）完善医保总额预算管理。\n二、推进医共体建设\n一）做实人财物一体化管理。\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"一) 全面推进按病种分值付费改革", "二) 完善医保总额预算管理", "一) 做实人财物一体化管理"}, headings(c), "and so are 一） items")

	a, err := policycmp.IngestString("a.txt", "某县深化医改实施方案\n第一条 深化医保支付方式改革。推进按病种分值付费。\n第二条 推进医共体建设。做实一体化管理。\n第三条 本方案自印发之日起施行。\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"第一条 深化医保支付方式改革", "第二条 推进医共体建设"}, headings(a), "the effective-date article is no task")
	assertClosesWith(t, a, "本方案自印发之日起施行")
}

// assertClosesWith checks that d's last section is closing text holding text.
func assertClosesWith(t *testing.T, d *policycmp.Document, text string) {
	t.Helper()
	last := d.Sections[len(d.Sections)-1]
	assert.Equal(t, policycmp.SectionClosing, last.Kind)
	assert.Contains(t, last.Text, text)
}

// An item that lists several measures, each with its own responsibility
// note: every measure stays in the item, none becomes section prose.
func TestSeveralMeasuresWithDutyTails(t *testing.T) {
	d, err := policycmp.IngestString("k.txt", "某市医改重点任务\n一、深化医保支付方式改革\n● 全面推进按病种分值付费改革。（牵头单位：市医保局）\n● 完善医保总额预算管理。（牵头单位：市医保局；配合单位：市卫健委）\n二、推进医共体建设\n做实人财物一体化管理。\n")
	require.NoError(t, err)
	require.Len(t, d.Tasks, 2)
	assert.Contains(t, d.Tasks[0].Text, "完善医保总额预算管理", "the second measure is the item's, not section text")
	assert.Equal(t, []string{"市医保局"}, d.Tasks[0].Departments.Lead)
	assert.Equal(t, []string{"市卫健委"}, d.Tasks[0].Departments.Support)
	for _, s := range d.Sections {
		assert.NotContains(t, s.Text, "总额预算", "no measure in section prose")
	}
}

// Responsibility notes that close with a deadline, on a line of their own
// under each item ((市卫健委、财政局分工负责，2021年12月前完成), split over
// lines as copied), name the item's departments and deadline and stay in
// its full text only; and a short sentence of an item set on a line of its
// own (成立卫生应急分队，由4—8名队员组成。, 二是优化办医环境。) continues the
// item, not section prose: only a line without a full stop reads as a
// subheading.
func TestNotesWithDeadlinesAndShortLines(t *testing.T) {
	text := "某市公共卫生应急行动方案\n二、主要任务\n（一）健全监测预警体系\n1.提升卫生应急综合能力。加强队伍建设；队伍延伸到基层，乡镇\n(\n社区\n)\n成立卫生应急分队，由\n4\n—\n8\n名队员组成。\n（市卫健委、财政局分工负责，\n2021\n年\n12\n月前完成）\n" +
		"2.提高中毒事件应急救援能力。建设市级应急救援基地。（市卫健委、发改委分工负责，2022年6月前完成）\n" +
		"〔市卫健委、科技局分工负责，2022年底前完成〕\n" +
		"3.加快发展社会力量办医。一是放宽准入。简化审批。\n二是优化办医环境。\n落实扶持政策。\n" +
		"健全应急物资保障\n4.完善物资储备。建设储备库。\n"
	d := ingestTasks(t, "n.txt", text, 4)
	assert.Equal(t, []string{"市卫健委", "财政局"}, d.Tasks[0].Departments.Lead)
	assert.Equal(t, "2021年12月前完成", d.Tasks[0].Deadline)
	assert.Contains(t, d.Tasks[0].Text, "成立卫生应急分队", "the short sentence on its own line is the item's")
	assert.NotContains(t, d.Tasks[0].Text, "分工负责", "the note is not a clause")
	assert.Contains(t, d.Tasks[0].FullText(), "分工负责", "but stays in the full text")
	assert.Equal(t, []string{"市卫健委", "发改委", "科技局"}, d.Tasks[1].Departments.Lead, "a note closing the paragraph and a note in 〔〕 on its own line")
	assert.Equal(t, "2022年6月前完成", d.Tasks[1].Deadline, "the first deadline stands")
	assert.Contains(t, d.Tasks[2].Text, "落实扶持政策", "二是… on a line of its own continues 一是…")
	assert.NotContains(t, d.Tasks[2].Text, "健全应急物资保障", "a line without a full stop is still a subheading: it ends the item")
	for _, s := range d.Sections {
		assert.NotContains(t, s.Text, "分工负责", "no note in section prose")
		assert.NotContains(t, s.Text, "名队员组成", "no measure in section prose")
	}
}

// Page numbers of a copied PDF (- 3 -, 第 4 页 共 10 页, — 5 —) are page
// chrome: removed with a warning and their offsets, not task text; a lone
// number that a split sentence holds stays.
func TestPageNumbers(t *testing.T) {
	d, err := policycmp.IngestString("n.txt", "某市医改重点任务\n一、深化医保支付方式改革\n1.全面推进按病种分值付费改革。\n- 3 -\n2.完善医保总额预算管理。\n第 4 页 共 10 页\n3.推进按病种付费，覆盖率达到\n80\n%。\n— 5 —\n")
	require.NoError(t, err)
	require.Len(t, d.Tasks, 3)
	for _, tk := range d.Tasks {
		assert.NotRegexp(t, `页|-3-|—5—`, tk.FullText())
	}
	assert.Contains(t, d.Tasks[2].Text, "覆盖率达到80%")
	found := false
	for _, w := range d.Warnings {
		if w.Kind == policycmp.WarnBoilerplate && strings.Contains(w.Detail, "3 page number line(s)") {
			found = true
		}
	}
	assert.True(t, found, "the removal is a warning: %+v", d.Warnings)

	// a page number in the middle of a sentence: 4 / 10 (which reads like
	// an outline number 4) and ·5· go, and the sentence is one again; a
	// fraction on a line of its own stays
	d = ingestTasks(t, "m.txt", "某市医改重点任务\n一、重点任务\n（一）推进县域医共体建设。完善医共体内人财物统一管理，\n实现县域\n4 / 10\n全覆盖。\n"+
		"（二）做实家庭医生签约服务，重点人群签约率\n·5·\n达到70%以上。\n（三）提升基层服务能力，达标率达到\n2/3\n以上。\n", 3)
	assert.Contains(t, d.Tasks[0].Text, "实现县域全覆盖")
	assert.Contains(t, d.Tasks[1].Text, "重点人群签约率达到70%以上")
	assert.Contains(t, d.Tasks[2].Text, "2/3")
}

// Outline numbering (1 …, 1.1 …, 1.2 …): the space after the number marks
// it; a number at a line start without one (1.5亿元) is text.
func TestOutlineNumbering(t *testing.T) {
	d, err := policycmp.IngestString("o.txt", "某市医改重点任务\n1 深化医保支付方式改革\n1.1 全面推进按病种分值付费改革。\n1.2 完善医保总额预算管理，\n1.5亿元用于支付改革。\n2 推进医共体建设\n2.1 做实人财物一体化管理。\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"1.1 全面推进按病种分值付费改革", "1.2 完善医保总额预算管理,1.5亿元用于支付改革", "2.1 做实人财物一体化管理"}, headings(d))
	assert.Equal(t, []string{"深化医保支付方式改革"}, d.Tasks[0].Path)
}

// A signature dated in Chinese numerals closes the document and dates it.
func TestChineseNumeralSignature(t *testing.T) {
	d, err := policycmp.IngestString("s.txt", "某市深化医改重点任务\n一、重点任务\n（一）推进医联体建设。完善分级诊疗。\n（二）深化医保支付方式改革。推进按病种付费。\n某市卫生健康委员会\n二〇二三年五月十日\n")
	require.NoError(t, err)
	require.Len(t, d.Tasks, 2)
	assert.Equal(t, "2023-05-10", d.Date)
	assert.NotContains(t, d.Tasks[1].Text, "二〇二三")
	assertClosesWith(t, d, "二〇二三年五月十日")
}

// Items numbered 第一，第二，… at line starts are tasks, their ordinal cut
// from the heading.
func TestOrdinalCommaItems(t *testing.T) {
	d, err := policycmp.IngestString("o.txt", "某县2024年医改重点任务\n一、重点任务\n第一，推进紧密型县域医共体建设。完善一体化管理。\n第二，深化医保支付方式改革。推进按病种分值付费。\n第三，完善药品供应保障。落实集采政策。\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"第一 推进紧密型县域医共体建设", "第二 深化医保支付方式改革", "第三 完善药品供应保障"}, headings(d))
	c, err := policycmp.IngestString("p.txt", "一、重点任务\n（一）推进医共体建设。第一章的要求要落实，第一，做实管理。\n")
	require.NoError(t, err)
	assert.Len(t, c.Tasks, 1, "第一， inside a sentence is no marker")
}

// A box set beside the text (专栏1 … with its own 1. 2. list) is section
// prose: its numbers neither become tasks nor swallow the next item.
func TestBoxes(t *testing.T) {
	d, err := policycmp.IngestString("b.txt", "某市医改实施方案\n一、主要任务\n（一）推进医联体建设。完善分级诊疗制度。\n专栏1  医联体建设重点工程\n1.城市医疗集团建设工程\n2.县域医共体建设工程\n（二）深化医保支付方式改革。推进按病种付费。\n二、保障措施\n（一）加强组织领导。各地要加强领导。\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"(一) 推进医联体建设", "(二) 深化医保支付方式改革", "(一) 加强组织领导"}, headings(d))
	found := false
	for _, s := range d.Sections {
		if strings.Contains(s.Text, "城市医疗集团建设工程") {
			found = true
		}
	}
	assert.True(t, found, "the box's lines are section text")
	assert.Equal(t, []string{"主要任务"}, d.Tasks[1].Path, "the item after the box is the section's, not the box's")
}

// A task whose own text names no theme takes its group heading's, with the
// evidence in that heading and a warning; with no themed group it stays
// unclassified.
func TestGroupTheme(t *testing.T) {
	d, err := policycmp.IngestString("g.txt", "某市医改规划\n一、重点任务\n（一）建立规范有序的药品供应保障制度\n1.完善政策体系。彻底切断利益链条。\n2.加强短缺药品保障。建立监测预警。\n"+
		"（二）研究制定政策文件\n3.制定工作方案。按期报送。\n")
	require.NoError(t, err)
	d.Classify(taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{}))
	require.Len(t, d.Tasks, 3)
	first := d.Tasks[0]
	require.NotEmpty(t, first.Themes)
	assert.Equal(t, "pharma.supply", first.PrimaryTheme())
	require.NotEmpty(t, first.Themes[0].Evidence)
	ev := first.Themes[0].Evidence[0]
	assert.Equal(t, "建立规范有序的药品供应保障制度", ev.Group)
	assert.Empty(t, ev.ClauseID)
	assert.Equal(t, ev.Term, d.Raw[ev.Start:ev.End], "the evidence points at the term in the group's heading")
	assert.Less(t, first.Themes[0].Score, 0.5, "a group's theme weighs less")
	assert.Equal(t, "pharma.supply", d.Tasks[1].PrimaryTheme(), "a task that names its theme keeps it")
	assert.Empty(t, d.Tasks[1].Themes[0].Evidence[0].Group)
	assert.Equal(t, taxonomy.Unclassified, d.Tasks[2].PrimaryTheme())
	n := 0
	for _, w := range d.Warnings {
		if w.Kind == policycmp.WarnUnclassified {
			n++
		}
	}
	assert.Equal(t, 2, n, "both the group's theme and the unclassified task are reported")
}
