package report_test

import (
	"context"
	"fmt"
	"io"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/report"
	"github.com/policycmp/policycmp/segment"
)

func ExampleBuild() {
	a, _ := policycmp.IngestString("province.txt", "江苏省深化医药卫生体制改革2024年重点工作任务\n一、重点任务\n"+
		"（一）深化公立医院薪酬制度改革。公立医院人员支出占业务支出比重力争达44%。\n（二）推进家庭医生签约服务。")
	b, _ := policycmp.IngestString("city.txt", "苏州市深化医药卫生体制改革2024年重点工作任务\n一、重点任务\n"+
		"（一）深化公立医院人事薪酬制度改革。年底前力争人员支出占业务支出比重达到42%。")
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{a, b}, policycmp.Config{
		Aligner: policycmp.NewAligner(segment.Bigrams), // nil: character pairs instead of jieba words
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := report.Build(res, report.Options{Lang: "en", Reference: "province"})
	for _, g := range r.Gaps {
		fmt.Println(g.Doc, "lacks", g.Themes)
	}
	for _, p := range r.Pairs {
		fmt.Println(p.A, "~", p.B, p.Kind, p.Relation)
	}
	// Markdown, HTML, JSON and CSV render the same report.
	if err := r.Markdown(io.Discard); err != nil {
		fmt.Println(err)
	}
	// Output:
	// city lacks [delivery.familydoctor]
	// province/一/(一)/c1 ~ city/一/(一)/c1 equivalent same
	// province/一/(一)/c2 ~ city/一/(一)/c2 equivalent weaker
}
