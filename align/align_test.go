package align_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/segment"
)

func units() []align.Unit {
	mk := func(id, doc, text string, themes ...string) align.Unit {
		return align.Unit{ID: id, Doc: doc, Text: text, Words: segment.Words(segment.Bigrams, text), Themes: themes}
	}
	return []align.Unit{
		mk("a1", "A", "深化药品和医用耗材集中带量采购改革", "pharma.procurement"),
		mk("a2", "A", "推进紧密型城市医疗集团建设试点", "delivery.consortia"),
		mk("a3", "A", "加强老年医学科规范化建设", "population.elderly"),
		mk("a4", "A", "深化公立医院薪酬制度改革,落实两个允许要求", "personnel.pay"),
		mk("b1", "B", "加强老年医学科建设", "population.elderly"),
		mk("b2", "B", "开展药品耗材集中带量采购工作", "pharma.procurement"),
		mk("b3", "B", "持续推进紧密型城市医疗集团建设", "delivery.consortia"),
		mk("b4", "B", "加强爱国卫生运动宣传", "publichealth.promotion"),
		mk("a5", "A", "深化药品和医用耗材集中带量采购改革的配套政策", "pharma.procurement"),
	}
}

func pairs(links []align.Link) map[string]align.Kind {
	m := map[string]align.Kind{}
	for _, l := range links {
		m[l.A+"-"+l.B] = l.Kind
	}
	return m
}

func TestAlignFindsCounterpartsInAnyOrder(t *testing.T) {
	links, err := align.New(align.Options{}).Align(context.Background(), units())
	require.NoError(t, err)
	got := pairs(links)
	assert.Equal(t, align.Equivalent, got["a1-b2"])
	assert.Equal(t, align.Equivalent, got["a2-b3"])
	assert.Equal(t, align.Equivalent, got["a3-b1"], "B lists it first: order does not matter")
	for k := range got {
		assert.NotEqual(t, k[0], k[strings.Index(k, "-")+1], "never within one document: %s", k)
	}
	_, linked := got["a4-b4"]
	assert.False(t, linked, "unrelated clauses are not linked")
	for _, l := range links {
		assert.True(t, l.Score > 0 && l.Score <= 1)
		if l.Kind == align.Equivalent {
			assert.NotEmpty(t, l.Relation)
			assert.NotEmpty(t, l.Evidence.String())
		}
	}

	// Shuffling the input changes nothing.
	us := units()
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(us), func(i, j int) { us[i], us[j] = us[j], us[i] })
	again, err := align.New(align.Options{}).Align(context.Background(), us)
	require.NoError(t, err)
	assert.Equal(t, unordered(links), unordered(again))
}

// unordered keys links by their unit pair, whichever side is A.
func unordered(links []align.Link) map[string]align.Kind {
	m := map[string]align.Kind{}
	for _, l := range links {
		a, b := l.A, l.B
		if a > b {
			a, b = b, a
		}
		m[a+"-"+b] = l.Kind
	}
	return m
}

func TestAlignOneToMany(t *testing.T) {
	links, err := align.New(align.Options{}).Align(context.Background(), units())
	require.NoError(t, err)
	got := pairs(links)
	_, one := got["a1-b2"]
	_, two := got["a5-b2"]
	assert.True(t, one && two, "a unit may link to several of another document")
}

func TestAlignCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := align.New(align.Options{}).Align(ctx, units())
	assert.ErrorIs(t, err, context.Canceled)
}

func TestLabel(t *testing.T) {
	a := align.Unit{Text: "公立医院人员支出占业务支出比重力争达44%", Targets: []align.Target{{Indicator: "公立医院人员支出占业务支出比重", Value: 44, Unit: "%", Comparator: ">="}}}
	b := align.Unit{Text: "年底前力争人员支出占业务支出比重达到42%", Targets: []align.Target{{Indicator: "人员支出占业务支出比重", Value: 42, Unit: "%", Comparator: ">="}}}
	rel, why := align.Label(a, b)
	assert.Equal(t, align.Weaker, rel)
	assert.Equal(t, align.BasisTarget, why.Basis)
	require.NotNil(t, why.TargetA)
	require.NotNil(t, why.TargetB)
	assert.Equal(t, []float64{44, 42}, []float64{why.TargetA.Value, why.TargetB.Value}, "the two values travel as values")
	assert.Contains(t, why.String(), "42% vs ≥44%")
	rel, _ = align.Label(b, a)
	assert.Equal(t, align.Stronger, rel)

	c := align.Unit{Text: "调价评估周期最长不超过两年", Targets: []align.Target{{Indicator: "调价评估周期", Value: 2, Unit: "年", Comparator: "<="}}}
	d := align.Unit{Text: "调价评估周期不超过三年", Targets: []align.Target{{Indicator: "调价评估周期", Value: 3, Unit: "年", Comparator: "<="}}}
	rel, _ = align.Label(c, d)
	assert.Equal(t, align.Weaker, rel, "for a ceiling, a higher value is weaker")

	rel, _ = align.Label(align.Unit{Text: "支持国有企业办医疗机构高质量发展"}, align.Unit{Text: "支持推进国有企业办医疗机构高质量发展"})
	assert.Equal(t, align.Same, rel)
	rel, _ = align.Label(align.Unit{Text: "丰富商业健康保险产品供给"}, align.Unit{Text: "积极发展商业健康保险"})
	assert.Equal(t, align.Adapted, rel)
}

// One domain concept named in other words is one metric when the two
// indicators end in the same head: teams of 人 for emergency medical rescue
// and for medical emergencies (Unit.Concepts names the concept in each);
// without the shared concept, or with another head, they are two.
func TestLabelConceptMetric(t *testing.T) {
	team := align.Concept{ID: "publichealth.cdc/emergency_team"}
	a := align.Unit{Text: "建设1支不少于30人的综合类紧急医学救援队伍",
		Targets:  []align.Target{{Indicator: "综合类紧急医学救援队伍", Counted: "综合类紧急医学救援队伍", Value: 30, Unit: "人", Comparator: ">="}},
		Concepts: []align.Concept{{ID: team.ID, Form: "紧急医学救援"}}}
	b := align.Unit{Text: "各县市医疗应急队伍不少于13人",
		Targets:  []align.Target{{Indicator: "各县市医疗应急队伍", Value: 13, Unit: "人", Comparator: ">="}},
		Concepts: []align.Concept{{ID: team.ID, Form: "应急队伍"}}}
	rel, why := align.Label(a, b)
	assert.Equal(t, align.Weaker, rel)
	assert.Equal(t, align.BasisTarget, why.Basis)
	b.Concepts = nil
	_, why = align.Label(a, b)
	assert.NotEqual(t, align.BasisTarget, why.Basis, "without the concept the wordings share only their head")
	b.Concepts = []align.Concept{{ID: team.ID, Form: "应急队伍"}}
	b.Targets = []align.Target{{Indicator: "医疗应急队伍培训人员", Value: 13, Unit: "人", Comparator: ">="}}
	_, why = align.Label(a, b)
	assert.NotEqual(t, align.BasisTarget, why.Basis, "another head counts other things")
}

// Counted things are compared by their heads: 名 and 人 both count
// people, so 1300名医学生 ~ 133人农村订单定向免费医学生 is one metric with
// another target; an investigation team of 30 people and one chief expert
// of investigation share modifiers, not what they count.
func TestLabelCountedHeads(t *testing.T) {
	students := align.Unit{Text: "定向招生培养1300名左右医学生", Targets: []align.Target{{Indicator: "定向招生培养医学生", Counted: "医学生", Value: 1300, Unit: "名", Comparator: "="}}}
	rural := align.Unit{Text: "年内培养农村订单定向免费医学生133人", Targets: []align.Target{{Indicator: "培养农村订单定向免费医学生", Counted: "农村订单定向免费医学生", Value: 133, Unit: "人", Comparator: "="}}}
	rel, why := align.Label(students, rural)
	assert.Equal(t, align.Weaker, rel)
	assert.Equal(t, align.BasisTarget, why.Basis)

	team := align.Unit{Text: "每个县(市、区)建立不少于30人的专业流行病学调查队伍", Targets: []align.Target{{Indicator: "每个县(市、区)建立专业流行病学调查队伍", Counted: "专业流行病学调查队伍", Value: 30, Unit: "人", Comparator: ">="}}}
	expert := align.Unit{Text: "至少1名具有较高水平现场流行病学调查能力的首席专家", Targets: []align.Target{{Indicator: "具有较高水平现场流行病学调查能力的首席专家", Counted: "具有较高水平现场流行病学调查能力的首席专家", Value: 1, Unit: "名", Comparator: ">="}}}
	_, why = align.Label(team, expert)
	assert.NotEqual(t, align.BasisTarget, why.Basis, "%+v", why)
	assert.Equal(t, "人", align.UnitFamily("名"))
	assert.Equal(t, "个", align.UnitFamily("个"))

	// A density and a count of the same people are two metrics.
	density := align.Unit{Text: "城乡每万名居民有2名合格的全科医生", Targets: []align.Target{{Indicator: "城乡每万名居民有合格的全科医生", Counted: "合格的全科医生", Value: 2, Unit: "名", Comparator: "="}}}
	trained := align.Unit{Text: "培训全科医生168人", Targets: []align.Target{{Indicator: "培训全科医生", Value: 168, Unit: "人", Comparator: "="}}}
	_, why = align.Label(density, trained)
	assert.NotEqual(t, align.BasisTarget, why.Basis, "%+v", why)
	beds := align.Unit{Text: "每千常住人口医疗机构床位5.5张", Targets: []align.Target{{Indicator: "每千常住人口医疗机构床位", Value: 5.5, Unit: "张", Comparator: "="}}}
	beds4 := align.Unit{Text: "每千常住人口医疗机构床位数达到4张", Targets: []align.Target{{Indicator: "每千常住人口医疗机构床位数", Value: 4, Unit: "张", Comparator: ">="}}}
	_, why = align.Label(beds, beds4)
	assert.Equal(t, align.BasisTarget, why.Basis, "two densities of one thing are one metric")
}

func TestDiffChinese(t *testing.T) {
	tests := []struct{ desc, a, b string }{
		{"insertion", "深化公立医院薪酬制度改革", "深化公立医院人事薪酬制度改革"},
		{"shared phrase inside long edits", "因地制宜学习借鉴三明医改经验,推进改革系统集成", "加大三明医改经验推广力度"},
		{"empty side", "", "加强老年医学科建设"},
		{"identical", "加强老年医学科建设", "加强老年医学科建设"},
		{"surrogates and symbols", "医保😀支付%", "医保支付‰"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			ops := align.Diff(tc.a, tc.b)
			a, b := align.Sides(ops)
			assert.Equal(t, tc.a, a, "the diff rebuilds A")
			assert.Equal(t, tc.b, b, "the diff rebuilds B")
			assert.Equal(t, ops, align.Diff(tc.a, tc.b), "deterministic")
		})
	}
	ops := align.Diff("因地制宜学习借鉴三明医改经验,推进改革系统集成", "加大三明医改经验推广力度")
	found := false
	for _, op := range ops {
		found = found || (op.Type == align.Equal && strings.Contains(op.Text, "三明医改经验"))
	}
	assert.True(t, found, "the shared phrase stays visible: %v", ops)
}

func TestDiffInvalidUTF8(t *testing.T) {
	ops := align.Diff("医保\xff\xfe支付", "医保支付\xc3")
	a, b := align.Sides(ops)
	assert.True(t, utf8.ValidString(a) && utf8.ValidString(b))
}

func TestDiffLongTextIsCapped(t *testing.T) {
	long := strings.Repeat("推进医联体建设", 2000)
	ops := align.Diff(long, long+"。")
	a, _ := align.Sides(ops)
	assert.LessOrEqual(t, utf8.RuneCountInString(a), align.MaxDiffRunes+1)
}

func TestLocalAlign(t *testing.T) {
	a := []rune("各地要加强组织领导,落实药品耗材集中采购医保资金结余留用政策,完善考核")
	b := []rune("我市将落实药品耗材集中采购医保资金结余留用政策。")
	as, ae, bs, be, score, ident := align.LocalAlign(a, b)
	assert.Equal(t, "落实药品耗材集中采购医保资金结余留用政策", string(a[as:ae]))
	assert.Equal(t, string(a[as:ae]), string(b[bs:be]))
	assert.Equal(t, 3*ident, score)
}

func TestReuse(t *testing.T) {
	us := []align.Unit{
		{ID: "x", Doc: "X", Text: "各地要落实药品耗材集中采购医保资金结余留用政策,完善考核"},
		{ID: "y", Doc: "Y", Text: "我市将落实药品耗材集中采购医保资金结余留用政策。"},
	}
	byID := map[string]align.Unit{"x": us[0], "y": us[1]}
	ps, err := align.Reuse(context.Background(), byID, []align.Link{{A: "x", B: "y"}}, align.ReuseOptions{})
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, "落实药品耗材集中采购医保资金结余留用政策", ps[0].Text)
	assert.Equal(t, ps[0].Text, us[0].Text[ps[0].AStart:ps[0].AEnd])
	assert.Equal(t, ps[0].Text, us[1].Text[ps[0].BStart:ps[0].BEnd])
}

func TestPhrasesAndGroups(t *testing.T) {
	assert.Equal(t, []string{"强化州级医院支撑引领作用", "优化功能定位,明确职责"}, align.Phrases("强化州级医院支撑引领作用,优化功能定位,明确职责", 6))
	assert.Equal(t, []string{"完善分级诊疗技术标准和工作机制", "在医疗机构开展服务协调工作", "健全多学科联合诊疗和查房机制"},
		align.Phrases("完善分级诊疗技术标准和工作机制、在医疗机构开展服务协调工作、健全多学科联合诊疗和查房机制", 6), "long items of an enumeration split")
	assert.Equal(t, []string{"发展康复医院、护理院、医养结合机构"}, align.Phrases("发展康复医院、护理院、医养结合机构", 6), "a list of names stays whole")
	assert.Equal(t, []string{"到2020年,每千常住人口医疗机构床位5.5张", "基层医疗机构床位每千人口0.8张"},
		align.Phrases("到2020年,每千常住人口医疗机构床位5.5张,基层医疗机构床位每千人口0.8张", 6), "a lead-in of a date states no measure: it joins the next piece")

	assert.Equal(t, []string{"通过改革支付方式,采取总额包干机制", "促进分级诊疗"},
		align.Phrases("通过改革支付方式,采取总额包干机制,促进分级诊疗", 6), "a lead-in of means says how: it joins the piece after it, and only that one")
	assert.Equal(t, []string{"完善补偿机制", "通过改革支付方式"},
		align.Phrases("完善补偿机制,通过改革支付方式", 6), "a lead-in at the end has nothing to join")
	assert.Equal(t, []string{"健全经办机构和医疗卫生机构之间公开、平等的谈判协商机制和风险分担机制"},
		align.Phrases("健全经办机构和医疗卫生机构之间公开、平等的谈判协商机制和风险分担机制", 6), "、 between the modifiers of one noun (公开、平等的…) is no clause boundary")
	// Phrases of a clause carry the clause as their Group: links come out between clauses.
	mk := func(id, group, doc, text string) align.Unit {
		return align.Unit{ID: id, Group: group, Doc: doc, Text: text, Words: segment.Words(segment.Bigrams, text)}
	}
	units := []align.Unit{
		mk("a1#1", "a1", "A", "深化药品和医用耗材集中带量采购改革"),
		mk("a1#2", "a1", "A", "落实集采医保资金结余留用政策"),
		mk("b1#1", "b1", "B", "推进紧密型城市医疗集团建设"),
		mk("b1#2", "b1", "B", "落实药品耗材集中采购医保资金结余留用政策"),
	}
	links, err := align.New(align.Options{}).Align(context.Background(), units)
	require.NoError(t, err)
	require.Len(t, links, 1)
	assert.Equal(t, "a1", links[0].A)
	assert.Equal(t, "b1", links[0].B)
}

func TestKeyTermSoleMention(t *testing.T) {
	key := "公共卫生科"
	mk := func(id, doc, scope string, words ...string) align.Unit {
		return align.Unit{ID: id, Doc: doc, Scope: scope, Text: strings.Join(words, ""), Words: words}
	}
	units := []align.Unit{
		mk("a1", "A", "A/1", "推进", "公立", "医疗机构", "设立", key, "直接", "从事", "疾控", "工作"),
		mk("a2", "A", "A/2", "完善", "药品", "供应", "保障", "机制"),
		// B names the instrument once: A and B state their one measure on it.
		mk("b1", "B", "B/1", "二级", "以上", "医院", key, "全覆盖", "生物", "安全", "实验室"),
		mk("b2", "B", "B/2", "开展", "药品", "集中", "采购"),
		// C names it in two tasks: which one is A's counterpart is not known.
		mk("c1", "C", "C/1", "加强", key, "人员", "培训", "考核", "制度"),
		mk("c2", "C", "C/2", "落实", key, "经费", "保障", "投入", "政策"),
		// D only lists it among other departments.
		mk("d1", "D", "D/1", "发展", "康复科", "、", key, "、", "老年医学科", "服务", "能力"),
	}
	opts := align.Options{
		KeyTerm: func(w string) bool { return w == key },
		WordIDF: func(w string) (float64, bool) {
			if w == key {
				return 12, true
			}
			return 3, true
		},
	}
	links, err := align.New(opts).Align(context.Background(), units)
	require.NoError(t, err)
	got := unordered(links)
	assert.Equal(t, align.Equivalent, got["a1-b1"], "each document's sole mention")
	assert.Equal(t, align.Related, got["a1-c1"], "C mentions it twice")
	assert.Equal(t, align.Related, got["a1-c2"], "C mentions it twice")
	assert.Equal(t, align.Related, got["a1-d1"], "D only lists it")

	// The same units without scopes: C's mentions are two clauses, still two.
	for i := range units {
		units[i].Scope = ""
	}
	links, err = align.New(opts).Align(context.Background(), units)
	require.NoError(t, err)
	got = unordered(links)
	assert.Equal(t, align.Equivalent, got["a1-b1"])
	assert.Equal(t, align.Related, got["a1-c1"])

	// Two mentions within one scope count as one.
	units[4].Scope, units[5].Scope = "C/1", "C/1"
	links, err = align.New(opts).Align(context.Background(), units)
	require.NoError(t, err)
	got = unordered(links)
	assert.Equal(t, align.Equivalent, got["a1-c1"])
	assert.Equal(t, align.Equivalent, got["a1-c2"])
}

func TestDiffTokens(t *testing.T) {
	a := []string{"深化", "药品", "和", "医用", "耗材", "集中带量采购", "改革"}
	b := []string{"深化", "药品", "耗材", "集中带量采购", "工作"}
	ops := align.DiffTokens(a, b)
	sa, sb := align.Sides(ops)
	assert.Equal(t, strings.Join(a, ""), sa)
	assert.Equal(t, strings.Join(b, ""), sb)
	assert.Equal(t, []align.Op{
		{Type: align.Equal, Text: "深化药品"},
		{Type: align.Delete, Text: "和医用"},
		{Type: align.Equal, Text: "耗材集中带量采购"},
		{Type: align.Delete, Text: "改革"},
		{Type: align.Insert, Text: "工作"},
	}, ops, "whole words change, never half a word")

	// Tokens that are not valid UTF-8, or empty, do not break the diff.
	ops = align.DiffTokens([]string{"a\xff", "", "b"}, []string{"b"})
	sa, sb = align.Sides(ops)
	assert.True(t, utf8.ValidString(sa) && utf8.ValidString(sb))
	assert.Equal(t, "b", sb)
	assert.Empty(t, align.DiffTokens(nil, nil))
}

func TestSameIndicator(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"公立医院人员支出占业务支出比重", "人员支出占业务支出比重", true},
		{"每千人口注册护士数", "每千常住人口注册护士数", true},
		{"每千人口注册护士数", "县域就诊率", false},
		// the same subject, another metric: the heads (the ends) differ
		{"市属三级医院为县(区)级医院和基层医疗卫生机构预留门诊号源", "基层医疗卫生机构建设达标率", false},
		{"县(区)远程医疗服务覆盖率", "医疗服务收入占比", false},
		{"县(区)远程医疗服务覆盖率", "县(市、区)远程医疗服务和基层医疗机构分级诊疗信息系统覆盖率", true},
	} {
		assert.Equal(t, c.want, align.SameIndicator(c.a, c.b), "%s ~ %s", c.a, c.b)
	}
}
