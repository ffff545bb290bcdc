package policycmp_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/segment"
)

// Tasks whose headings read nearly the same are counterparts even when no
// clause link joins them: the national plan's 健全公共卫生体系 summary and
// Changji's 健全公共卫生服务体系 share only general words (公共卫生, 体系),
// on which no clause link may rest.
func TestSeedHeadingCounterparts(t *testing.T) {
	seg, err := segment.Shared()
	if err != nil {
		t.Skipf("jieba dictionaries unavailable: %v", err)
	}
	docs, err := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), docs, policycmp.Config{Aligner: policycmp.NewAligner(seg)})
	require.NoError(t, err)
	heading := map[string]string{}
	for _, d := range res.Documents {
		for _, tk := range d.Tasks {
			heading[tk.ID] = tk.Heading
		}
	}
	linked := map[[2]string]bool{}
	for _, l := range res.TaskAlignments {
		linked[[2]string{heading[l.A], heading[l.B]}] = true
		linked[[2]string{heading[l.B], heading[l.A]}] = true
	}
	for _, p := range [][2]string{
		{"健全公共卫生服务体系", "健全公共卫生体系"},
		{"提高公共卫生服务能力", "提升公共卫生服务能力"},
		{"完善政府投入机制", "完善政府投入机制"},
	} {
		assert.True(t, linked[p], "%s ~ %s", p[0], p[1])
	}
}

func TestResultClause(t *testing.T) {
	a, err := policycmp.IngestString("a.txt", "一、任务\n(一)推进紧密型县域医共体建设。")
	require.NoError(t, err)
	b, err := policycmp.IngestString("b.txt", "一、任务\n(一)推进紧密型县域医共体建设工作。")
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{a, b}, policycmp.Config{Aligner: policycmp.NewAligner(nil)})
	require.NoError(t, err)
	require.NotEmpty(t, res.Alignments)
	c, task := res.Clause(res.Alignments[0].B)
	require.NotNil(t, c)
	assert.Equal(t, "b/一/(一)", task.ID)
	assert.Equal(t, b, res.Document("b"))
	c, _ = res.Clause("nosuch/1")
	assert.Nil(t, c)
}

// The zero Config aligns with the default aligner: it is not silently
// themes-only. NoAlign is the way to skip alignment.
func TestZeroConfigAligns(t *testing.T) {
	if _, err := segment.Shared(); err != nil {
		t.Skipf("jieba dictionaries unavailable: %v", err)
	}
	docs := loadSeeds(t)
	res, err := policycmp.Compare(context.Background(), docs, policycmp.Config{})
	require.NoError(t, err)
	want, err := policycmp.Compare(context.Background(), loadSeeds(t), policycmp.Config{Aligner: policycmp.NewAligner(shared(t))})
	require.NoError(t, err)
	assert.NotEmpty(t, res.Alignments)
	assert.Equal(t, want.Alignments, res.Alignments, "the zero Config is NewAligner over jieba")

	none, err := policycmp.Compare(context.Background(), loadSeeds(t), policycmp.Config{NoAlign: true})
	require.NoError(t, err)
	assert.Empty(t, none.Alignments)
}

// A segmenter swapped in without word weights keeps the specific-word
// gate: jieba's IDF table stands in, so the links equal jieba's own.
func TestSwappedSegmenterKeepsTheGate(t *testing.T) {
	j := shared(t)
	wrapped := segment.SegmenterFunc(j.Segment) // the same words, no IDF method
	a, err := policycmp.Compare(context.Background(), loadSeeds(t), policycmp.Config{Aligner: policycmp.NewAligner(wrapped)})
	require.NoError(t, err)
	b, err := policycmp.Compare(context.Background(), loadSeeds(t), policycmp.Config{Aligner: policycmp.NewAligner(j)})
	require.NoError(t, err)
	assert.Equal(t, len(b.Alignments), len(a.Alignments))
	assert.Equal(t, b.Alignments, a.Alignments)
}

func shared(t *testing.T) *segment.Jieba {
	t.Helper()
	j, err := segment.Shared()
	if err != nil {
		t.Skipf("jieba dictionaries unavailable: %v", err)
	}
	return j
}

// A pair's score comes from fixed reference weights, so it is the same
// whatever other documents are loaded.
func TestScoresDoNotDependOnTheOtherDocuments(t *testing.T) {
	j := shared(t)
	all := loadSeeds(t)
	five, err := policycmp.Compare(context.Background(), all, policycmp.Config{Aligner: policycmp.NewAligner(j)})
	require.NoError(t, err)
	two, err := policycmp.Compare(context.Background(), []*policycmp.Document{loadSeeds(t)[0], loadSeeds(t)[4]}, policycmp.Config{Aligner: policycmp.NewAligner(j)})
	require.NoError(t, err)
	scores := map[[2]string]float64{}
	for _, l := range five.Alignments {
		scores[[2]string{l.A, l.B}] = l.Score
	}
	same := 0
	for _, l := range two.Alignments {
		if s, ok := scores[[2]string{l.A, l.B}]; ok {
			assert.Equal(t, s, l.Score, "%s ~ %s scores the same among five documents and between two", l.A, l.B)
			same++
		}
	}
	assert.Greater(t, same, 10, "the two runs share links to compare")
}

// linkOfTwo aligns two documents given as text and returns the clause
// link whose two clauses together hold every one of marks.
func linkOfTwo(t *testing.T, a, b string, marks ...string) *policycmp.Link {
	t.Helper()
	j := shared(t)
	var docs []*policycmp.Document
	for k, text := range []string{a, b} {
		d, err := policycmp.IngestString([]string{"a.txt", "b.txt"}[k], text)
		require.NoError(t, err)
		docs = append(docs, d)
	}
	res, err := policycmp.Compare(context.Background(), docs, policycmp.Config{Aligner: policycmp.NewAligner(j)})
	require.NoError(t, err)
	for i, l := range res.Alignments {
		ca, _ := res.Clause(l.A)
		cb, _ := res.Clause(l.B)
		if ca != nil && cb != nil && !slices.ContainsFunc(marks, func(m string) bool { return !strings.Contains(ca.Text+cb.Text, m) }) {
			return &res.Alignments[i]
		}
	}
	require.Failf(t, "no link", "no clause link holds %q: %+v", marks, res.Alignments)
	return nil
}

// The same metric with another target always links as equivalent, labelled
// stronger or weaker with both values, whatever the wording around it.
func TestSameMetricOtherTargetLinks(t *testing.T) {
	found := linkOfTwo(t,
		"江苏省深化医药卫生体制改革2024年重点工作任务\n一、深化医疗保障改革\n（一）深化公立医院薪酬制度改革。公立医院人员支出占业务支出比重力争达44%。\n（二）推进数字健康建设。建设互联网医院。",
		"苏州市深化医药卫生体制改革2024年重点工作任务\n一、重点任务\n（一）深化公立医院人事薪酬制度改革。年底前力争人员支出占业务支出比重达到42%。\n（二）发展托育服务。建设普惠托育机构10所。",
		"44%", "42%")
	assert.Equal(t, align.Equivalent, found.Kind)
	assert.Equal(t, align.Weaker, found.Relation)
	require.NotNil(t, found.Evidence)
	assert.Equal(t, 44.0, found.Evidence.TargetA.Value)
	assert.Equal(t, 42.0, found.Evidence.TargetB.Value)
}

// A long clause is aligned phrase by phrase, and a target belongs to the
// phrase its text is in, even when its indicator (the text without the
// number) is no run of it: 建设3个标准化的生物安全二级实验室 ~
// 完成5个二级生物安全实验室建设 is the same metric with another target,
// equivalent however the wording around it differs.
func TestSameMetricInsideALongClause(t *testing.T) {
	found := linkOfTwo(t,
		"三明市公共卫生应急能力提升行动方案\n一、主要任务\n（一）加强疾控实验室建设。加强疾控机构病原微生物检测实验室网络建设,市疾控中心建设3个标准化的生物安全二级实验室,其中负压实验室2个。\n（二）发展托育服务。建设普惠托育机构10所。",
		"昌吉州公共卫生服务能力提升实施方案\n一、重点任务\n（一）提升疾控能力。到2025年,全州二级以上公立医院设置公共卫生科全覆盖,州疾病预防控制机构完成5个二级生物安全实验室建设,至少1名具有较高水平的首席专家。\n（二）推进数字健康建设。建设互联网医院。",
		"3个", "5个")
	assert.Equal(t, align.Equivalent, found.Kind)
	assert.Contains(t, []align.Relation{align.Stronger, align.Weaker}, found.Relation)
}
