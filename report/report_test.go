package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/report"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const provincial = `江苏省深化医药卫生体制改革2024年重点工作任务
一、深化医疗保障改革
（一）深化公立医院薪酬制度改革。公立医院人员支出占业务支出比重力争达44%。（省卫生健康委、省人力资源社会保障厅按职责分工负责）
（二）深化药品和医用耗材集中带量采购改革。落实集采医保资金结余留用政策。
（三）推进数字健康建设。建设互联网医院。`

const city = `苏州市深化医药卫生体制改革2024年重点工作任务
一、重点任务
（一）深化药品耗材集中带量采购工作。落实药品耗材集中采购医保资金结余留用政策。
（二）深化公立医院人事薪酬制度改革。年底前力争人员支出占业务支出比重达到42%。（市卫生健康委牵头；市财政局配合按职责分工负责）
（三）发展托育服务。建设普惠托育机构10所。`

func small(t testing.TB) *policycmp.Result {
	t.Helper()
	a, err := policycmp.IngestString("province.txt", provincial)
	require.NoError(t, err)
	b, err := policycmp.IngestString("city.txt", city)
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{a, b}, policycmp.Config{Aligner: policycmp.NewAligner(segment.Bigrams)})
	require.NoError(t, err)
	return res
}

func TestBuild(t *testing.T) {
	res := small(t)
	r := report.Build(res, report.Options{Reference: "province"})
	require.Len(t, r.Documents, 2)
	assert.Equal(t, "province", r.Reference)

	cov := map[string][]int{}
	for _, row := range r.Coverage {
		cov[row.Theme] = []int{row.Cells[0].Tasks, row.Cells[1].Tasks}
	}
	assert.Equal(t, []int{1, 1}, cov["pharma.procurement"])
	assert.Equal(t, []int{0, 1}, cov["population.maternalchild"])
	assert.Equal(t, []int{1, 0}, cov["digital.health"])

	require.Len(t, r.Gaps, 1)
	assert.Contains(t, r.Gaps[0].Themes, "digital.health", "the city leaves out what the province covers")
	assert.Equal(t, 3, r.Gaps[0].RefTasks)
	require.Len(t, r.Gaps[0].Tasks, 1, "the province's pay and procurement tasks have counterparts; digital health has none")
	assert.Equal(t, "province/一/(三)", r.Gaps[0].Tasks[0].ID)
	assert.Equal(t, "digital.health", r.Gaps[0].Tasks[0].Theme)

	var gaps bytes.Buffer
	require.NoError(t, r.CSV(&gaps, "gaps"))
	assert.Equal(t, "\uFEFFdoc,kind,id,name,theme,related\ncity,theme,digital.health,数字健康与信息化,digital.health,\ncity,task,province/一/(三),推进数字健康建设,digital.health,\n", gaps.String())

	// A related task link alone leaves the gap open, marked as a possible
	// counterpart; an equivalent one closes it.
	for _, kind := range []align.Kind{align.Related, align.Equivalent} {
		linked := *res
		linked.TaskAlignments = append(slices.Clone(res.TaskAlignments), policycmp.Link{A: "province/一/(三)", B: "city/一/(三)", Score: 0.5, Kind: kind})
		g := report.Build(&linked, report.Options{Reference: "province"}).Gaps[0]
		if kind == align.Related {
			require.Len(t, g.Tasks, 1)
			assert.True(t, g.Tasks[0].Related, "a related task only")
			var md bytes.Buffer
			require.NoError(t, report.Build(&linked, report.Options{Reference: "province"}).Markdown(&md))
			assert.Contains(t, md.String(), "推进数字健康建设(仅有相关任务)")
		} else {
			assert.Empty(t, g.Tasks, "an equivalent task link closes the gap")
		}
	}

	var ratio *report.TargetRow
	for i := range r.Targets {
		if r.Targets[i].Unit == "%" {
			ratio = &r.Targets[i]
		}
	}
	require.NotNil(t, ratio)
	require.Len(t, ratio.Cells, 2, "44%% and 42%% are one metric: %+v", r.Targets)
	assert.Equal(t, 44.0, ratio.Cells[0].Value)
	assert.Equal(t, 42.0, ratio.Cells[1].Value)

	var uniqueTexts []string
	for _, u := range r.Unique {
		uniqueTexts = append(uniqueTexts, u.Text)
	}
	assert.Contains(t, uniqueTexts, "建设普惠托育机构10所")

	relations := map[string]bool{}
	for _, p := range r.Pairs {
		relations[p.Relation] = true
		a, b := "", ""
		for _, op := range p.Diff {
			if op.Op != "insert" {
				a += op.Text
			}
			if op.Op != "delete" {
				b += op.Text
			}
		}
		assert.Equal(t, p.TextA, a)
		assert.Equal(t, p.TextB, b)
	}
	assert.True(t, relations["weaker"], "42%% against 44%% is weaker: %+v", r.Pairs)

	require.NotEmpty(t, r.Duties)
	assert.Equal(t, []string{"省卫生健康委", "省人力资源社会保障厅"}, r.Duties[0].Lead)
}

func TestMarkdownGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.Build(small(t), report.Options{Reference: "province"}).Markdown(&buf))
	golden := filepath.Join("testdata", "small.md.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String())
}

func TestEnglishLabels(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.Build(small(t), report.Options{Lang: "en"}).Markdown(&buf))
	assert.Contains(t, buf.String(), "Theme coverage")
	assert.Contains(t, buf.String(), "Volume-based procurement")
}

const hostile = `一、重点任务
（一）推进<script>alert("x")</script>医联体建设。=HYPERLINK("http://evil","click")|破坏表格|` + "`code`" + `。
（二）推进**医联体**建设。<img src=x onerror=alert(1)>
（三）=1+1<script>alert(2)</script>加强老年健康服务。`

func TestHostileTextIsEscaped(t *testing.T) {
	d, err := policycmp.IngestString("evil.txt", hostile)
	require.NoError(t, err)
	other, err := policycmp.IngestString("other.txt", "一、任务\n（一）推进医联体建设。")
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{d, other}, policycmp.Config{Aligner: policycmp.NewAligner(segment.Bigrams)})
	require.NoError(t, err)
	r := report.Build(res, report.Options{Reference: "evil"})
	require.Len(t, r.Gaps, 1)
	require.NotEmpty(t, r.Gaps[0].Tasks, "the hostile task the other document lacks is listed")

	var html bytes.Buffer
	require.NoError(t, r.HTML(&html))
	assert.NotContains(t, html.String(), "<script>alert")
	assert.NotContains(t, html.String(), "<img src=x")
	assert.Contains(t, html.String(), "&lt;script&gt;")

	var md bytes.Buffer
	require.NoError(t, r.Markdown(&md))
	assert.NotContains(t, md.String(), "<script>")
	assert.NotContains(t, md.String(), "<img")
	for _, line := range strings.Split(md.String(), "\n") {
		if strings.Contains(line, "破坏表格") && strings.HasPrefix(line, "|") {
			assert.Contains(t, line, `\|破坏表格\|`, "a | in the text cannot add table cells")
		}
	}

	var js bytes.Buffer
	require.NoError(t, r.JSON(&js))
	assert.NotContains(t, js.String(), "<script>")
	var out map[string]any
	require.NoError(t, json.Unmarshal(js.Bytes(), &out))
	assert.Equal(t, "policycmp/v1", out["schema"])
	assert.Contains(t, out, "report")

	for _, table := range report.TableNames() {
		var c bytes.Buffer
		require.NoError(t, r.CSV(&c, table), table)
		recs, err := csv.NewReader(&c).ReadAll()
		require.NoError(t, err, table)
		for _, rec := range recs {
			require.Len(t, rec, len(recs[0]), "%s: every row has the header's width", table)
			for _, cell := range rec {
				assert.False(t, strings.HasPrefix(cell, "="), "%s: formula cell %q", table, cell)
			}
		}
	}
	var c bytes.Buffer
	assert.Error(t, r.CSV(&c, "nope"))
}

func seedResult(t testing.TB) *policycmp.Result {
	t.Helper()
	docs, err := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), docs, policycmp.Config{Aligner: policycmp.NewAligner(segment.Bigrams)})
	require.NoError(t, err)
	return res
}

func TestSeedReport(t *testing.T) {
	res := seedResult(t)
	r := report.Build(res, report.Options{})
	assert.Contains(t, r.Reference, "002", "the national document is the default reference")
	assert.Len(t, r.Coverage, 28)
	for _, row := range r.Coverage {
		assert.Len(t, row.Cells, 5)
	}
	assert.NotEmpty(t, r.Pairs)
	assert.NotEmpty(t, r.Targets)
	var buf bytes.Buffer
	require.NoError(t, r.HTML(&buf))
	assert.Equal(t, 5, strings.Count(buf.String(), `<th class="doc"`))
	// Self-contained: no external resources (document text may quote a URL
	// as text, as a warning quotes a removed advertisement line).
	assert.NotRegexp(t, `(?i)(src|href|action)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//|@import`, buf.String())
}

func BenchmarkReport(b *testing.B) {
	res := seedResult(b)
	b.ReportAllocs()
	for b.Loop() {
		r := report.Build(res, report.Options{})
		var buf bytes.Buffer
		if err := r.HTML(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

func TestWordDiffs(t *testing.T) {
	seg, err := segment.Shared()
	if err != nil {
		t.Skipf("jieba dictionaries unavailable: %v", err)
	}
	a, err := policycmp.IngestString("a.txt", "一、重点任务\n（一）提高基层医疗卫生服务能力。加强乡镇卫生院标准化建设。")
	require.NoError(t, err)
	b, err := policycmp.IngestString("b.txt", "一、重点任务\n（一）提升基层医疗卫生服务能力。加强乡镇卫生院规范化建设。")
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{a, b}, policycmp.Config{Aligner: policycmp.NewAligner(segment.Bigrams)})
	require.NoError(t, err)
	r := report.Build(res, report.Options{Words: seg})
	require.NotEmpty(t, r.Pairs)
	bounds := func(s string) map[int]bool {
		m := map[int]bool{0: true}
		at := 0
		for _, p := range segment.Split(seg, s) {
			at += len(p)
			m[at] = true
		}
		return m
	}
	for _, p := range r.Pairs {
		ba, bb := bounds(p.TextA), bounds(p.TextB)
		var a, b int
		for _, op := range p.Diff {
			switch op.Op {
			case "delete":
				a += len(op.Text)
			case "insert":
				b += len(op.Text)
			default:
				a += len(op.Text)
				b += len(op.Text)
			}
			assert.True(t, ba[a] && bb[b], "%s ~ %s: an edit ends inside a word (%q)", p.TextA, p.TextB, op.Text)
		}
		assert.Equal(t, len(p.TextA), a)
		assert.Equal(t, len(p.TextB), b)
	}
}

// Two documents that would get the same label are told apart.
func TestSameLabelsToldApart(t *testing.T) {
	text := "国务院办公厅关于印发深化医药卫生体制改革2022年重点工作任务的通知\n一、重点任务\n（一）推进医联体建设。\n"
	a, err := policycmp.IngestString("a.txt", text)
	require.NoError(t, err)
	b, err := policycmp.IngestString("b.txt", text)
	require.NoError(t, err)
	require.Equal(t, policycmp.LevelNational, a.Level)
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{a, b}, policycmp.Config{})
	require.NoError(t, err)
	r := report.Build(res, report.Options{})
	assert.Equal(t, "全国 2022 (a)", r.Short("a"))
	assert.Equal(t, "全国 2022 (b)", r.Short("b"))
}

// The target table names a metric by its indicator and the words after
// its value, never by a unit found inside a word.
func TestTargetMetricNames(t *testing.T) {
	d, err := policycmp.IngestString("a.txt", "一、任务\n(一)加强护理队伍建设,每千人口注册护士数达到3.6人。\n(二)到2025年,建成90个站点。\n(三)基本医保参保率稳定在99%以上。\n(四)组建10支应急队伍和20支救援队伍。")
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{d}, policycmp.Config{})
	require.NoError(t, err)
	r := report.Build(res, report.Options{})
	var names []string
	for _, row := range r.Targets {
		names = append(names, row.Metric)
	}
	assert.Contains(t, names, "每千人口注册护士数")
	assert.Contains(t, names, "基本医保参保率", "no verb of a kept value, no lone stop")
	for _, n := range names {
		assert.NotEmpty(t, n, "no blank metric")
		assert.False(t, strings.HasSuffix(n, "和"), "%s: the conjunction before the next target is not the metric's", n)
		assert.NotContains(t, n, "口注册护士数口注册", "the unit inside 每千人口 is not the target's unit")
	}
}

// A Chinese report reads in Chinese: levels, warnings, relations and
// reasons; the English words stay in the English report and in JSON.
func TestChineseReportHasNoEnglishLabels(t *testing.T) {
	res := seedResult(t)
	var zh, en bytes.Buffer
	require.NoError(t, report.Build(res, report.Options{}).HTML(&zh))
	require.NoError(t, report.Build(res, report.Options{Lang: "en"}).HTML(&en))
	visible := func(page string) string {
		page = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`).ReplaceAllString(page, " ")
		return page
	}
	z := visible(zh.String())
	for _, english := range []string{"[boilerplate]", "removed", "province", "national", "unclassified", "same measure", "adapted"} {
		assert.NotContains(t, z, english)
	}
	assert.Contains(t, z, "省级")
	assert.Contains(t, z, "已删除网页杂项")
	assert.Contains(t, visible(en.String()), "[boilerplate]")
}

// One table of sections names every part once: a CSV table and the
// section Markdown and HTML show under the same name, chosen alone.
func TestOneNamePerSection(t *testing.T) {
	res := small(t)
	for _, name := range report.TableNames() {
		if name == "documents" { // the summary, which every page opens with
			continue
		}
		assert.Contains(t, report.SectionNames(), name, "CSV table %s is a section of the same name", name)
		r := report.Build(res, report.Options{Sections: []string{name}, Reference: "province"})
		assert.Equal(t, []string{name}, r.Sections())
		var md, html bytes.Buffer
		require.NoError(t, r.Markdown(&md))
		require.NoError(t, r.HTML(&html))
		assert.Contains(t, md.String(), "## "+r.Title(name), name)
		assert.Contains(t, html.String(), `<section id="`+name+`">`, name)
		for _, other := range report.SectionNames() {
			if other != name && other != "side" {
				assert.NotContains(t, md.String(), "## "+r.Title(other)+"\n", "%s alone shows no %s", name, other)
			}
		}
	}
	assert.NoError(t, report.CheckSections([]string{"duties", "pairs"}), "the older names still work")
	assert.Error(t, report.CheckSections([]string{"nope"}))
}

// Target rows: a value joins the first row on the same metric (the same
// indicator, in the same unit family) that holds none of its document's
// values, and opens a row otherwise.
func TestTargetRows(t *testing.T) {
	tg := func(ind string, v float64, unit string) policycmp.Target {
		return policycmp.Target{Indicator: ind, Value: v, Unit: unit, Comparator: ">=", Text: ind + "达到" + strconv.FormatFloat(v, 'f', -1, 64) + unit}
	}
	doc := func(id string, tgs ...policycmp.Target) *policycmp.Document {
		return &policycmp.Document{ID: id, Tasks: []*policycmp.Task{{ID: id + "/一", Targets: tgs}}}
	}
	res := &policycmp.Result{Documents: []*policycmp.Document{
		doc("a", tg("家庭医生签约覆盖率", 90, "%"), tg("家庭医生签约覆盖率", 95, "%"), tg("家庭医生签约覆盖率", 80, "%"), tg("基层诊疗量占比", 65, "%")),
		doc("b", tg("家庭医生签约服务覆盖率", 85, "%"), tg("家庭医生签约覆盖率", 70, "%"), tg("家庭医生签约覆盖率", 3, "个"), tg("家庭医生签约覆盖率", 60, "%"), tg("家庭医生签约覆盖率", 50, "%")),
	}}
	var got []string
	for _, row := range report.Build(res, report.Options{}).Targets {
		var cells []string
		for _, c := range row.Cells {
			cells = append(cells, c.Doc+strconv.FormatFloat(c.Value, 'f', -1, 64))
		}
		got = append(got, row.Metric+" "+row.Unit+": "+strings.Join(cells, " "))
	}
	assert.Equal(t, []string{
		"家庭医生签约覆盖率 %: a90 b85", // a near variant of the indicator joins the first free row
		"家庭医生签约覆盖率 %: a95 b70",
		"家庭医生签约覆盖率 %: a80 b60",
		// rows of one value after those of several, each in order of creation
		"基层诊疗量占比 %: a65",
		"家庭医生签约覆盖率 个: b3",  // another unit is another metric
		"家庭医生签约覆盖率 %: b50", // the fourth of b opens a row
	}, got)
}

// The responsibilities name each task's deadline where the plan states
// one (a 完成时限 line, a note closing with …前完成), in every format.
func TestDutiesCarryDeadlines(t *testing.T) {
	d, err := policycmp.IngestString("j.txt", "一、重点任务\n1.推进医共体建设。完善分级诊疗。\n牵头单位：县卫生健康局；配合单位：县财政局\n完成时限：2024年底前\n2.提升应急救援能力。建设救援基地。\n（县卫生健康局、县财政局分工负责，2025年6月前完成）\n")
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{d}, policycmp.Config{NoAlign: true})
	require.NoError(t, err)
	r := report.Build(res, report.Options{})
	require.Len(t, r.Duties, 2)
	assert.Equal(t, "2024年底前", r.Duties[0].Deadline)
	assert.Equal(t, "2025年6月前完成", r.Duties[1].Deadline)
	assert.Equal(t, []string{"县卫生健康局", "县财政局"}, r.Duties[1].Lead)
	var md, csv, page bytes.Buffer
	require.NoError(t, r.Markdown(&md))
	require.NoError(t, r.CSV(&csv, "duties"))
	require.NoError(t, r.HTML(&page))
	for name, out := range map[string]string{"markdown": md.String(), "csv": csv.String(), "html": page.String()} {
		assert.Contains(t, out, "2025年6月前完成", name)
	}
}
