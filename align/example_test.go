package align_test

import (
	"context"
	"fmt"

	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/segment"
)

func ExampleAligner_Align() {
	// Words come from a segmenter (here character pairs; policycmp uses
	// jieba), themes from a classifier: agreeing themes raise the score.
	unit := func(id, doc, text, theme string) align.Unit {
		return align.Unit{ID: id, Doc: doc, Text: text, Words: segment.Words(segment.Bigrams, text), Themes: []string{theme}}
	}
	units := []align.Unit{
		unit("p1", "province", "深化药品和医用耗材集中带量采购改革", "pharma.procurement"),
		unit("p2", "province", "推进紧密型城市医疗集团建设试点", "delivery.consortia"),
		unit("c1", "city", "持续推进紧密型城市医疗集团建设", "delivery.consortia"),
		unit("c2", "city", "开展药品耗材集中带量采购工作", "pharma.procurement"),
	}
	links, err := align.New(align.Options{}).Align(context.Background(), units)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range links {
		fmt.Println(l.A, l.B, l.Kind, l.Relation)
	}
	// Output:
	// p1 c2 equivalent adapted
	// p2 c1 equivalent same
}

func ExampleDiff() {
	for _, op := range align.Diff("深化药品和医用耗材集中带量采购改革", "深化药品耗材集中带量采购工作") {
		switch op.Type {
		case align.Delete:
			fmt.Printf("[-%s]", op.Text)
		case align.Insert:
			fmt.Printf("[+%s]", op.Text)
		default:
			fmt.Print(op.Text)
		}
	}
	fmt.Println()
	// Output: 深化药品[-和医用]耗材集中带量采购[-改革][+工作]
}

func ExampleLabel() {
	a := align.Unit{Text: "公立医院人员支出占业务支出比重力争达44%",
		Targets: []align.Target{{Indicator: "人员支出占业务支出比重", Value: 44, Unit: "%", Comparator: ">="}}}
	b := align.Unit{Text: "年底前公立医院人员支出占业务支出比重达到42%",
		Targets: []align.Target{{Indicator: "人员支出占业务支出比重", Value: 42, Unit: "%", Comparator: ">="}}}
	rel, reason := align.Label(a, b)
	fmt.Println(rel)
	fmt.Println(reason)
	// Output:
	// weaker
	// 人员支出占业务支出比重: ≥42% vs ≥44%
}

func ExamplePhrases() {
	for _, p := range align.Phrases("强化州级医院支撑引领作用,优化功能定位,明确职责", 6) {
		fmt.Println(p)
	}
	// Output:
	// 强化州级医院支撑引领作用
	// 优化功能定位,明确职责
}

func ExampleDiffTokens() {
	// Words from a segmenter (segment.Split with jieba); a change never
	// ends inside a word.
	a := []string{"提高", "基层", "医疗卫生", "服务", "能力"}
	b := []string{"提升", "基层", "医疗卫生", "服务", "水平"}
	for _, op := range align.DiffTokens(a, b) {
		switch op.Type {
		case align.Delete:
			fmt.Printf("[-%s]", op.Text)
		case align.Insert:
			fmt.Printf("[+%s]", op.Text)
		default:
			fmt.Print(op.Text)
		}
	}
	fmt.Println()
	// Output: [-提高][+提升]基层医疗卫生服务[-能力][+水平]
}

func ExampleMarked() {
	a, b := align.Marked(align.Diff("提高基层服务能力", "提升基层服务能力"))
	fmt.Println(a)
	fmt.Println(b)
	// Output:
	// 提[-高-]基层服务能力
	// 提{+升+}基层服务能力
}

// The shipped pair model scores candidate pairs of an index; its
// probability is the link score.
func ExampleDefaultModel() {
	m, err := align.DefaultModel()
	if err != nil {
		fmt.Println(err)
		return
	}
	units := []align.Unit{
		{ID: "a", Doc: "province", Text: "落实政府对符合区域卫生规划的公立医院投入政策", Words: segment.Words(segment.Bigrams, "落实政府对符合区域卫生规划的公立医院投入政策")},
		{ID: "b", Doc: "city", Text: "落实政府对符合区域卫生规划公立医院的投入政策", Words: segment.Words(segment.Bigrams, "落实政府对符合区域卫生规划公立医院的投入政策")},
		{ID: "c", Doc: "city", Text: "推进普惠托育服务体系建设", Words: segment.Words(segment.Bigrams, "推进普惠托育服务体系建设")},
	}
	ix := align.NewIndexFor(units, align.Options{Model: m})
	// Without policycmp's reference weights (Options.PairIDF, WordIDF) the
	// probabilities are not calibrated, but they still order the pairs.
	near, far := m.Prob(ix.Features(0, 1)), m.Prob(ix.Features(0, 2))
	fmt.Println(near > far, far < m.Related)
	// Output: true true
}

func ExampleLabeler() {
	// A Labeler labels like Label, computing each distinct text's
	// character pairs once: for corpora that repeat their wording.
	var lb align.Labeler
	national := align.Unit{Text: "推进紧密型县域医共体建设"}
	for _, local := range []string{"推进紧密型县域医共体建设", "加快推进紧密型县域医疗卫生共同体建设"} {
		rel, ev := lb.Label(national, align.Unit{Text: local})
		fmt.Println(rel, ev.Basis)
	}
	// Output:
	// same verbatim
	// adapted wording
}

func ExampleIndex_ExhaustiveCandidates() {
	units := []align.Unit{
		{ID: "a", Doc: "A", Text: "推进紧密型县域医共体建设"},
		{ID: "b", Doc: "B", Text: "加快推进紧密型县域医共体建设"},
		{ID: "c", Doc: "C", Text: "完善医保支付方式改革"},
		{ID: "d", Doc: "D", Text: "推进县域医共体建设"},
	}
	ix := align.NewIndex(units, 0.5)
	// The pruned search finds what reading every posting finds.
	fmt.Println(ix.Candidates(0, 2, 1<<20), ix.ExhaustiveCandidates(0, 2))
	// Output:
	// [1 3] [1 3]
}

func ExampleConcept() {
	// A 2014 plan and a 2023 plan name the global budget differently; a
	// third clause shares more characters but no concept.
	gb := func(form string) []align.Concept {
		return []align.Concept{{ID: "insurance.payment/global_budget", Form: form}}
	}
	units := []align.Unit{
		{ID: "2014", Doc: "A", Text: "完善医保付费总额控制", Concepts: gb("总额控制")},
		{ID: "other", Doc: "B", Text: "完善医保付费方式"},
		{ID: "2023", Doc: "B", Text: "推行总额预算管理", Concepts: gb("总额预算")},
	}
	ix := align.NewIndexFor(units, align.Options{})
	for _, c := range ix.Candidates(0, 1, 1<<20) {
		fmt.Println(ix.Unit(c).ID) // the best by characters, then the one the concept bridges
	}
	// Output:
	// other
	// 2023
}

// Indicators compared many times are keyed once: 家庭医生签约服务覆盖率 and
// 家庭医生签约覆盖率 name one metric, 基层诊疗量占比 another.
func ExampleSameIndicatorKeys() {
	a := align.NewIndicatorKeys("家庭医生签约服务覆盖率")
	for _, s := range []string{"家庭医生签约覆盖率", "基层诊疗量占比"} {
		fmt.Println(s, align.SameIndicatorKeys(a, align.NewIndicatorKeys(s)), align.SameIndicator("家庭医生签约服务覆盖率", s))
	}
	// Output:
	// 家庭医生签约覆盖率 true true
	// 基层诊疗量占比 false false
}
