package policycmp_test

import (
	"context"
	"fmt"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/segment"
	"github.com/policycmp/policycmp/taxonomy"
)

func ExampleIngestString() {
	d, err := policycmp.IngestString("plan.txt", `宁波市深化医药卫生体制改革2024年重点工作任务
一、深化医疗保障改革
（一）深化医保支付方式改革。全面推行按病种分值付费，年底前覆盖率达到90%以上。（市医保局、市卫生健康委按职责分工负责）
（二）完善多层次医疗保障制度。发展商业健康保险。`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Region, d.Place, d.RegionCode, d.Level, d.Year)
	for _, t := range d.Tasks {
		fmt.Println(t.ID, t.Heading, t.Departments.Lead)
		for _, tg := range t.Targets {
			fmt.Println("  target:", tg.Comparator, tg.Value, tg.Unit, "by", tg.Deadline)
		}
	}
	// Output:
	// 浙江省宁波市 宁波市 3302 city 2024
	// plan/一/(一) 深化医保支付方式改革 [市医保局 市卫生健康委]
	//   target: >= 90 % by 2024
	// plan/一/(二) 完善多层次医疗保障制度 []
}

func ExampleNormalizeString() {
	fmt.Println(policycmp.NormalizeString("（一）医保支付　１００％"))
	// Output: (一)医保支付 100%
}

func ExampleCompare() {
	a, _ := policycmp.IngestString("province.txt", "一、重点任务\n（一）深化药品和医用耗材集中带量采购改革。落实集采医保资金结余留用政策。")
	b, _ := policycmp.IngestString("city.txt", "一、重点任务\n（一）开展药品耗材集中带量采购工作。落实药品耗材集中采购医保资金结余留用政策。")
	seg, err := segment.Shared() // jieba, loaded once per process
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{a, b}, policycmp.Config{
		Aligner: policycmp.NewAligner(seg),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Tasks[0].PrimaryTheme(), b.Tasks[0].PrimaryTheme())
	for _, l := range res.Alignments {
		if l.Kind == align.Equivalent {
			fmt.Println(l.A, "≡", l.B)
		}
	}
	// Output:
	// pharma.procurement pharma.procurement
	// province/一/(一)/c1 ≡ city/一/(一)/c1
	// province/一/(一)/c2 ≡ city/一/(一)/c2
}

func ExampleDocument_Classify() {
	d, _ := policycmp.IngestString("t.txt", "1.推进家庭医生签约服务。提高重点人群签约率。")
	d.Classify(taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{}))
	th := d.Tasks[0].Themes[0]
	fmt.Println(th.ID, th.Evidence[0].Term, th.Evidence[0].Heading)
	// Output: delivery.familydoctor 家庭医生 true
}

// Task links are tuned on the aligner: here each task may nominate any
// number of related task links (no bound), and a related clause pair links
// its tasks only from a score of 0.5. The two plans' counterpart tasks
// stand on equivalent clauses, so they are linked either way.
func ExampleTaskLinkOptions() {
	a, _ := policycmp.IngestString("province.txt", "一、重点任务\n（一）深化医保支付方式改革。推进按病种分值付费。\n（二）推进医共体建设。做实人财物一体化管理。")
	b, _ := policycmp.IngestString("city.txt", "一、重点任务\n（一）推进医保支付方式改革。全面推行按病种分值付费。\n（二）推进紧密型县域医共体建设。")
	seg, err := segment.Shared()
	if err != nil {
		fmt.Println(err)
		return
	}
	al := policycmp.NewAligner(seg)
	al.TaskLinks = policycmp.TaskLinkOptions{ClauseMinScore: 0.5, RelatedPerDoc: -1, RelatedPerTask: -1}
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{a, b}, policycmp.Config{Aligner: al})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range res.TaskAlignments {
		fmt.Println(l.A, l.Kind, l.B)
	}
	// Output:
	// province/一/(一) equivalent city/一/(一)
	// province/一/(二) equivalent city/一/(二)
}
