package extract_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/extract"
)

func TestTargets(t *testing.T) {
	cases := []struct {
		text      string
		value     float64
		unit, cmp string
		deadline  int
		indicator string
	}{
		{"到2025年,县域内就诊率达到90%以上", 90, "%", ">=", 2025, "县域内就诊率"},
		{"个人卫生支出占卫生总费用的比重控制在27%以内", 27, "%", "<=", 0, "个人卫生支出占卫生总费用的比重"},
		{"年底前每千人口注册护士数达到3.6人", 3.6, "人", ">=", 2024, "每千人口注册护士数"},
		// the noun after the number is what it counts
		{"市中心医院建设3个及以上标准化的重点实验室", 3, "个", ">=", 0, "市中心医院建设标准化的重点实验室"},
		{"每个县至少建设1支应急队伍", 1, "支", ">=", 0, "每个县至少建设应急队伍"},
		{"全年80%的村卫生室达到基本标准", 80, "%", "=", 0, "村卫生室达到基本标准"},
		// …but not the frame it is set in, and 个月 is one unit
		{"在医院总收入增幅不超过9%的前提下", 9, "%", "<=", 0, "在医院总收入增幅"},
		{"轮转培训时间不少于6个月", 6, "个月", ">=", 0, "轮转培训时间"},
		// an age that qualifies a noun is no target; an age reached is one
		{"到2025年,每千人口拥有3岁以下婴幼儿托位数达到4.5个", 4.5, "个", ">=", 2025, "每千人口拥有3岁以下婴幼儿托位数"},
		{"65岁及以上老年人健康管理率达到70%", 70, "%", ">=", 0, "65岁及以上老年人健康管理率"},
		{"人均预期寿命达到79岁以上", 79, "岁", ">=", 0, "人均预期寿命"},
		// list markers of goal lists, kept values and signs are not the metric
		{"7.县(区)远程医疗服务覆盖率80%", 80, "%", "=", 0, "县(区)远程医疗服务覆盖率"},
		{"(三)基本医保参保率稳定在99%以上", 99, "%", ">=", 0, "基本医保参保率"},
		{"4.城市全科医生签约服务覆盖率≥30%", 30, "%", ">=", 0, "城市全科医生签约服务覆盖率"},
		{"适龄儿童国家免疫规划疫苗接种率保持在90%以上", 90, "%", ">=", 0, "适龄儿童国家免疫规划疫苗接种率"},
		{"个人卫生支出占卫生总费用的比重下降到27%", 27, "%", "<=", 0, "个人卫生支出占卫生总费用的比重"},
		// rates per hundred thousand
		{"孕产妇死亡率控制在9/10万以下", 9, "/10万", "<=", 0, "孕产妇死亡率"},
		// a fall by so many points is no cap
		{"药占比下降5个百分点", 5, "个百分点", "=", 0, "药占比下降"},
		// a phrase that opens with a year sets its target for that year…
		{"2015年个人缴费增加到90元", 90, "元", ">=", 2015, "个人缴费"},
		{"2023年5月底前完成60%的村卫生室改造", 60, "%", "=", 2023, "完成村卫生室改造"},
		// …unless the year is a base or a start
		{"与2020年相比,孕产妇死亡率控制在9/10万以下", 9, "/10万", "<=", 0, "孕产妇死亡率"},
		{"2023年以来全市建成医共体15个", 15, "个", "=", 0, "全市建成医共体"},
		// shortened, staffed, funded
		{"平均住院日缩短至9天", 9, "天", "<=", 0, "平均住院日"},
		{"每个乡镇卫生院配备1名以上全科医生", 1, "名", ">=", 0, "每个乡镇卫生院配备全科医生"},
		{"投入资金2.3亿元", 2.3, "亿元", "=", 0, "投入资金"},
		// densities per head of population
		{"到2020年,每千常住人口医疗机构床位5.5张", 5.5, "张", "=", 2020, "每千常住人口医疗机构床位"},
		{"城乡每万名居民有2名合格的全科医生", 2, "名", "=", 0, "城乡每万名居民有合格的全科医生"},
	}
	for _, c := range cases {
		got := extract.Targets("c1", c.text, 2024)
		require.Len(t, got, 1, c.text)
		assert.Equal(t, c.value, got[0].Value, c.text)
		assert.Equal(t, c.unit, got[0].Unit, c.text)
		assert.Equal(t, c.cmp, got[0].Comparator, c.text)
		assert.Equal(t, c.deadline, got[0].Deadline, c.text)
		assert.Equal(t, c.indicator, got[0].Indicator, c.text)
		assert.Equal(t, "c1", got[0].ClauseID)
	}
	assert.Empty(t, extract.Targets("c", "印发《2025年工作要点》", 2024), "a year is not a target")
}

// Quantities that follow one another: coordinated ones share the cue and
// the noun (分别完成3个和1个…), and a count of things whose size is stated
// inside it (1支不少于30人的…队伍) counts the same noun as that size.
func TestTargetsInSequence(t *testing.T) {
	got := extract.Targets("c", "2016年不低于30%,2017年增加到不低于50%", 2016)
	require.Len(t, got, 2)
	assert.Equal(t, []int{2016, 2017}, []int{got[0].Deadline, got[1].Deadline}, "each target takes the year before it")
	// Items of one list share the first's cue: after 、, or after a noun
	// that closes with 和 (which counts the quantity before it).
	got = extract.Targets("c", "培训全科医生168人、住院医师(含中医类别)56人", 2024)
	require.Len(t, got, 2)
	assert.Equal(t, []any{56.0, "人", "住院医师(含中医类别)"}, []any{got[1].Value, got[1].Unit, got[1].Indicator})
	got = extract.Targets("c", "培养3名疫病高层次人才和10名临床骨干", 2024)
	require.Len(t, got, 2)
	assert.Equal(t, "培养疫病高层次人才", got[0].Indicator)
	assert.Equal(t, "临床骨干", got[1].Indicator)
	got = extract.Targets("c", "州、县两级疾控机构分别建成3个和1个生物安全实验室", 2024)
	require.Len(t, got, 2)
	for k, v := range []float64{3, 1} {
		assert.Equal(t, v, got[k].Value)
		assert.Equal(t, "个", got[k].Unit)
		assert.Equal(t, "州、县两级疾控机构分别建成生物安全实验室", got[k].Indicator)
	}
	got = extract.Targets("c", "检测项目分别不少于500项和300项", 2024)
	require.Len(t, got, 2)
	assert.Equal(t, ">=", got[1].Comparator, "the second shares the first's comparator")
	assert.Equal(t, got[0].Indicator, got[1].Indicator)
	got = extract.Targets("c", "每县至少组建1支不少于20人的卫生应急队伍", 2024)
	require.Len(t, got, 2)
	assert.Equal(t, []any{1.0, "支", "每县至少组建卫生应急队伍"}, []any{got[0].Value, got[0].Unit, got[0].Indicator})
	assert.Equal(t, []any{20.0, "人", ">=", "卫生应急队伍"}, []any{got[1].Value, got[1].Unit, got[1].Comparator, got[1].Indicator})
	got = extract.Targets("c", "县域内就诊率达到90%,基层就诊率达到65%", 2024)
	require.Len(t, got, 2)
	assert.NotEqual(t, got[0].Indicator, got[1].Indicator, "separated targets keep their own indicators")
}

func TestDepartments(t *testing.T) {
	at, d, ok := extract.Tail("推进医联体建设。(牵头部门:区卫生健康委;配合部门:区财政局、区医保局等)")
	require.True(t, ok)
	assert.Equal(t, 8, at, "the rune index where the note opens")
	assert.Equal(t, []string{"区卫生健康委"}, d.Lead)
	assert.Equal(t, []string{"区财政局", "区医保局"}, d.Support)
	_, d, ok = extract.Tail("完善医保支付。(市医保局、市卫生健康委,各县区政府按职责分工负责)")
	require.True(t, ok)
	assert.Equal(t, []string{"市医保局", "市卫生健康委"}, d.Lead)
	assert.Equal(t, []string{"各县区政府"}, d.Local)
	_, _, ok = extract.Tail("推进(试点)建设")
	assert.False(t, ok, "a parenthesis that names no department is no note")
	at, d, ok = extract.Tail("完善医保总额预算管理。牵头单位:县医保局;配合单位:县财政局")
	require.True(t, ok, "a labelled last sentence is a note")
	assert.Equal(t, 11, at)
	assert.Equal(t, []string{"县医保局"}, d.Lead)
	assert.Equal(t, []string{"县财政局"}, d.Support)
	_, _, ok = extract.Tail("完善医保总额预算管理。推进责任单位建设")
	assert.False(t, ok, "a last sentence that does not open with a label is no note")
	at, d, ok = extract.Tail("完善医保总额预算管理。市医保局牵头,市财政局、市卫健委配合。")
	require.True(t, ok, "a last sentence of roles alone is a note")
	assert.Equal(t, 11, at)
	assert.Equal(t, []string{"市医保局"}, d.Lead)
	assert.Equal(t, []string{"市财政局", "市卫健委"}, d.Support)
	_, _, ok = extract.Tail("完善医保总额预算管理。各地要加强协同配合。")
	assert.False(t, ok, "a sentence ending in 配合 is not a list of roles")

	// A note may close with its deadline, in () or 〔〕; 分工负责 is a duty
	// phrase, not part of the last name.
	at, d, due, ok := extract.Note("研究建立公共卫生临床中心。(市卫健委、发改委、财政局分工负责,2022年12月前完成)")
	require.True(t, ok)
	assert.Equal(t, 13, at)
	assert.Equal(t, []string{"市卫健委", "发改委", "财政局"}, d.Lead)
	assert.Equal(t, "2022年12月前完成", due)
	_, d, due, ok = extract.Note("加强基金监管。【责任单位:市医保局,市公安局;时间:全年】")
	require.True(t, ok)
	assert.Equal(t, []string{"市医保局", "市公安局"}, d.Lead)
	assert.Equal(t, "全年", due, "a deadline field labelled 时间, due all year")
	_, d, due, ok = extract.Note("〔市卫健委、科技局分工负责,2022年底前完成〕")
	require.True(t, ok)
	assert.Equal(t, []string{"市卫健委", "科技局"}, d.Lead)
	assert.Equal(t, "2022年底前完成", due)
	_, d, due, ok = extract.Note("(市医保局负责)")
	require.True(t, ok)
	assert.Equal(t, []string{"市医保局"}, d.Lead)
	assert.Empty(t, due)
	_, d, due, ok = extract.Note("〔各县(市、区)人民政府、市卫健委,市教育局分工负责,2021年12月前完成。以下各项任务均需各县(市、区)人民政府落实,不再列出〕")
	require.True(t, ok, "a remark after the note's sentence")
	assert.Equal(t, []string{"市卫健委"}, d.Lead)
	assert.Equal(t, []string{"各县(市、区)人民政府"}, d.Local)
	assert.Equal(t, "2021年12月前完成", due)
	for _, c := range []struct{ note, due string }{
		{"(市卫健委牵头,市发改委、市财政局等按职责分工负责,2023年6月底前完成)", "2023年6月底前完成"},
		{"(市医保局负责,2024年12月31日前)", "2024年12月31日前"},
		{"(市卫健委负责,长期坚持)", "长期坚持"},
		{"(市卫健委负责,2023年起)", "2023年起"},
	} {
		_, d, due, ok := extract.Note("推进改革。" + c.note)
		if assert.True(t, ok, c.note) {
			assert.Equal(t, c.due, due, c.note)
			assert.NotEmpty(t, d.Lead, c.note)
		}
	}
	_, d, _, _ = extract.Note("推进改革。(市卫健委牵头,市发改委、市财政局等按职责分工负责,2023年6月底前完成)")
	assert.Equal(t, []string{"市卫健委"}, d.Lead)
	assert.Equal(t, []string{"市发改委", "市财政局"}, d.Support)
	// Labelled notes name their deadline by label, at a semicolon or at a
	// comma before the label; roles alone are a duty phrase.
	for _, c := range []struct {
		note, due     string
		lead, support []string
	}{
		{"(牵头单位:市卫健委;配合单位:市财政局;完成时限:2023年底前)", "2023年底前", []string{"市卫健委"}, []string{"市财政局"}},
		{"(责任单位:市卫健委,完成时间:2024年6月)", "2024年6月", []string{"市卫健委"}, nil},
		{"(市卫健委牵头,市财政局配合,2023年底前完成)", "2023年底前完成", []string{"市卫健委"}, []string{"市财政局"}},
	} {
		_, d, due, ok := extract.Note("推进改革。" + c.note)
		if assert.True(t, ok, c.note) {
			assert.Equal(t, c.due, due, c.note)
			assert.Equal(t, c.lead, d.Lead, c.note)
			assert.Equal(t, len(c.support), len(d.Support), c.note)
		}
	}
	_, _, _, ok = extract.Note("推进改革。(市卫健委负责,完成)")
	assert.False(t, ok, "a deadline names a year, a month, a day or a span")
	_, _, _, ok = extract.Note("按规定办理报销手续(详见附件2,2021年完成)")
	assert.False(t, ok, "a deadline without a duty phrase is no note")
	_, _, _, ok = extract.Note("队伍延伸到基层,乡镇(社区)")
	assert.False(t, ok)
	// Labels in brackets, in a last sentence or on a line of their own.
	at, d, due, ok = extract.Note("推进改革。【牵头单位】县卫健局【配合单位】县医保局、县财政局【完成时限】2023年底前")
	require.True(t, ok)
	assert.Equal(t, len([]rune("推进改革。")), at)
	assert.Equal(t, []string{"县卫健局"}, d.Lead)
	assert.Equal(t, []string{"县医保局", "县财政局"}, d.Support)
	assert.Equal(t, "2023年底前", due)
	d, due, ok = extract.DutyLine("【责任单位】县医保局【完成时限】长期坚持")
	require.True(t, ok)
	assert.Equal(t, []string{"县医保局"}, d.Lead)
	assert.Equal(t, "长期坚持", due)
	_, _, ok = extract.DutyLine("【重点任务】推进改革")
	assert.False(t, ok, "a bracket of the text is no label")
	// labels whose separating spaces were squeezed out, and a role in brackets
	d, due, ok = extract.DutyLine("牵头单位:市卫健委配合单位:市医保局完成时限:2024年底")
	require.True(t, ok)
	assert.Equal(t, []string{"市卫健委"}, d.Lead)
	assert.Equal(t, []string{"市医保局"}, d.Support)
	assert.Equal(t, "2024年底", due)
	d, _, ok = extract.DutyLine("责任单位:市卫健委(牵头)、市医保局、市财政局")
	require.True(t, ok)
	assert.Equal(t, []string{"市卫健委"}, d.Lead)
	assert.Equal(t, []string{"市医保局", "市财政局"}, d.Support)
}

func TestRead(t *testing.T) {
	md := extract.Read([]string{"平潭综合实验区管委会关于印发方案的通知", "一、任务"},
		map[string]string{"标题": "平潭综合实验区管委会关于印发《区级公立医疗机构按病种收费实施方案》的通知(岚综管综〔2017〕249号)", "发布时间": "2017-12-22 09:12"})
	assert.Equal(t, "区级公立医疗机构按病种收费实施方案", md.Title)
	assert.Equal(t, "岚综管综〔2017〕249号", md.DocNumber)
	assert.Equal(t, "2017-12-22", md.Date)
	assert.Equal(t, 2017, md.Year)
	assert.Equal(t, "福建省福州市平潭综合实验区", md.Region)
	assert.Equal(t, "平潭综合实验区", md.Place)
	assert.Equal(t, extract.LevelDistrict, md.Level)
}

// A page copied without its header opens with the document number, the
// addressees, a covering sentence, the signature and a publication note:
// the title is the first line that can open one, a number cited inside a
// sentence is no document number, and a signature names the region when
// nothing before the plan does.
func TestReadWithoutHeader(t *testing.T) {
	md := extract.Read([]string{"各县(区)人民政府,市直有关单位:", "《某市推进分级诊疗制度建设实施方案》已经市政府同意,现印发给你们,请认真贯彻执行。",
		"莆田市人民政府办公室", "2016年6月21日", "(此件主动公开)", "莆田市推进分级诊疗", "制度建设实施方案",
		"为贯彻落实《国务院办公厅关于推进分级诊疗制度建设的指导意见》(国办发〔2015〕70号),制定本方案。", "一、任务"}, nil)
	assert.Equal(t, "莆田市推进分级诊疗制度建设实施方案", md.Title)
	assert.Equal(t, "", md.DocNumber, "a cited number is not the plan's")
	assert.Equal(t, "福建省莆田市", md.Region)
	md = extract.Read([]string{"明政办〔2018〕第35号", "三明市人民政府办公室关于印发方案的通知", "一、任务"}, nil)
	assert.Equal(t, "明政办〔2018〕第35号", md.DocNumber, "a number written with 第")
	md = extract.Read([]string{"莆政办〔2014〕131号", "莆田市人民政府办公室关于印发莆田市2014年深化医药卫生体制改革重点工作任务的通知", "一、任务"}, nil)
	assert.Equal(t, "莆田市2014年深化医药卫生体制改革重点工作任务", md.Title)
	assert.Equal(t, "莆政办〔2014〕131号", md.DocNumber)
	paras := []string{"各县(市、区)医改领导小组:", "为进一步深化我市医保支付方式改革,现就有关事项通知如下:", "一、实施项目"}
	for range 12 {
		paras = append(paras, "(一)实行按病种收付费。")
	}
	md = extract.Read(append(paras, "三明市医改办", "2018年2月26日"), nil)
	assert.Equal(t, "福建省三明市", md.Region, "the signature names the region")
}

// A region whose name several divisions share is resolved by the names
// elsewhere in the document.
func TestReadRegionInContext(t *testing.T) {
	md := extract.Read([]string{"鼓楼区2019年深化医药卫生体制改革工作要点", "为贯彻落实《福州市深化医药卫生体制改革实施方案》,结合我区实际,制定本要点。", "一、重点任务"}, nil)
	assert.Equal(t, "福建省福州市鼓楼区", md.Region)
	assert.Equal(t, extract.LevelDistrict, md.Level)
	// A district under its former name has the level it had then; one
	// the table does not hold has no code.
	md = extract.Read([]string{"长乐市2015年深化医药卫生体制改革重点工作任务", "一、重点任务"}, nil)
	assert.Equal(t, "福建省福州市长乐区", md.Region)
	assert.Equal(t, "长乐市", md.Place)
	assert.Equal(t, extract.LevelCity, md.Level)
	md = extract.Read([]string{"三明市梅列区2019年深化医改工作要点", "一、重点任务"}, nil)
	assert.Equal(t, "福建省三明市梅列区", md.Region)
	assert.Equal(t, extract.LevelDistrict, md.Level)
	assert.Empty(t, md.RegionCode)
}

// A notice title broken across three short lines is read whole, and gives
// the plan's own title; a title that has ended takes no further line.
func TestReadTitleAcrossLines(t *testing.T) {
	md := extract.Read([]string{"某某市人民政府办公室关于印发", "某某市2025年深化医药卫生体制", "改革重点工作任务的通知", "某政办发〔2025〕12号", "一、任务"}, nil)
	assert.Equal(t, "某某市2025年深化医药卫生体制改革重点工作任务", md.Title)
	md = extract.Read([]string{"某市深化医改重点任务", "各县区卫生健康局", "一、任务"}, nil)
	assert.Equal(t, "某市深化医改重点任务", md.Title)
}

func ExampleTargets() {
	for _, tg := range extract.Targets("c1", "到2025年,县域内就诊率达到90%以上", 2024) {
		fmt.Println(tg.Indicator, tg.Comparator, tg.Value, tg.Unit, tg.Deadline)
	}
	// Output: 县域内就诊率 >= 90 % 2025
}

func ExampleRead() {
	md := extract.Read([]string{"莆田市人民政府办公室关于印发莆田市推进分级诊疗制度建设实施方案的通知", "莆政办〔2016〕109号"}, nil)
	fmt.Println(md.Title)
	fmt.Println(md.Region, md.Level, md.DocNumber)
	// Output:
	// 莆田市推进分级诊疗制度建设实施方案
	// 福建省莆田市 city 莆政办〔2016〕109号
}

// A responsibility note closing an item names its departments and, when it
// closes with one, its deadline; the rune index says where the note opens.
func ExampleNote() {
	at, d, due, ok := extract.Note("建设市级应急救援基地。(市卫健委、发改委分工负责,2022年12月前完成)")
	fmt.Println(at, d.Lead, due, ok)
	// Output:
	// 11 [市卫健委 发改委] 2022年12月前完成 true
}

// Signature dates in Chinese numerals are dates: 二〇二三年五月十日.
func TestChineseNumeralDates(t *testing.T) {
	for s, want := range map[string]bool{"二〇二三年五月十日": true, "二〇二四年十二月三十一日": true, "二零二一年十月二十日": true, "2024年3月1日": true, "二〇二三年十三月一日": false, "二〇二三年五月": false, "二〇二三年五月十日前完成": false} {
		assert.Equal(t, want, extract.IsDateLine(s), s)
	}
	md := extract.Read([]string{"某市人民政府办公室关于印发某市2023年深化医改重点工作任务的通知", "某市人民政府办公室", "二〇二三年五月十日"}, nil)
	assert.Equal(t, "2023-05-10", md.Date)
	md = extract.Read([]string{"关于印发工作要点的通知", "二〇二四年十二月三十一日"}, nil)
	assert.Equal(t, "2024-12-31", md.Date)
}

// Joint issuers on a line before the title are the issuer.
func TestJointIssuers(t *testing.T) {
	md := extract.Read([]string{"浙江省卫生健康委员会 浙江省医疗保障局", "关于印发2023年深化医改工作要点的通知"}, nil)
	assert.Equal(t, "浙江省卫生健康委员会 浙江省医疗保障局", md.Issuer)
	assert.True(t, extract.IsIssuerLine("某市卫生健康局、某市医疗保障局"))
	assert.False(t, extract.IsIssuerLine("推进医疗保障局建设工作"), "a sentence is no issuer")
}

// A plan may say once that the department named first leads: its notes
// that list departments without roles then name one lead.
func TestLeadFirst(t *testing.T) {
	for _, s := range []string{"注：排在第一位的为牵头单位，其他为配合单位。", "各项任务中列第一位的部门为牵头部门", "（排在首位的为牵头单位）"} {
		assert.True(t, extract.LeadFirst(s), s)
	}
	for _, s := range []string{"市卫健委牵头，市财政局配合", "第一位的", "把群众健康放在第一位的要求"} {
		assert.False(t, extract.LeadFirst(s), s)
	}
	d := extract.Departments{Lead: []string{"市卫健委", "市财政局", "市医保局"}}
	assert.Equal(t, extract.Departments{Lead: []string{"市卫健委"}, Support: []string{"市财政局", "市医保局"}}, d.FirstLeads())
	assert.Len(t, d.Lead, 3, "the receiver is unchanged")
	stated := extract.Departments{Lead: []string{"市卫健委", "市医保局"}, Support: []string{"市财政局"}}
	assert.Equal(t, stated, stated.FirstLeads(), "roles stated are kept")
}

// A note naming the local implementers of every task after it.
func TestStandingLocal(t *testing.T) {
	assert.Equal(t, []string{"各县(市、区)人民政府"}, extract.StandingLocal("2021年12月前完成。以下各项任务均需各县(市、区)人民政府落实,不再列出"))
	assert.Equal(t, []string{"各乡镇人民政府"}, extract.StandingLocal("下列工作均由各乡镇人民政府负责落实,不再一一列出。"))
	assert.Empty(t, extract.StandingLocal("以下各项任务均需加强落实。"), "no 不再列出: a sentence of the plan")
	assert.Empty(t, extract.StandingLocal("市卫健委牵头,市财政局配合"))
}
