package segment_test

import (
	"fmt"

	"github.com/policycmp/policycmp/segment"
)

func ExampleFoldText() {
	// Longer variants fold inside running text; two-character ones (集采)
	// only as whole words, in Words.
	fmt.Println(segment.FoldText("推进县域医疗共同体建设,扩大集采范围"))
	// Output: 推进县域医共体建设,扩大集采范围
}

func ExampleShared() {
	seg, err := segment.Shared() // loads the dictionaries once per process
	if err != nil {
		fmt.Println(err)
		return
	}
	// Words segments, drops stop words and folds variants (集采 → 集中带量采购).
	fmt.Println(segment.Words(seg, "扩大集采范围,落实家庭医生签约服务"))
	// Output: [扩大 集中带量采购 范围 家庭医生 签约服务]
}

func ExampleConcepts() {
	// A 2014 plan and a 2023 plan name the global budget differently.
	for _, text := range []string{"完善医保付费总额控制", "完善总额预算管理"} {
		for _, m := range segment.Concepts(text) {
			fmt.Println(m.ID, m.Form)
		}
	}
	// Output:
	// insurance.payment/global_budget 总额控制
	// insurance.payment/global_budget 总额预算
}
