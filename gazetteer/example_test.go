package gazetteer_test

import (
	"fmt"

	"github.com/policycmp/policycmp/gazetteer"
)

func ExampleGazetteer_Find() {
	g := gazetteer.Default()
	for _, s := range []string{"莆田市推进分级诊疗制度建设实施方案", "平潭综合实验区管委会关于印发方案的通知"} {
		m, _ := g.Find(s)
		fmt.Println(m.Code, m.Written, g.FullName(m))
	}
	// Output:
	// 3503 莆田市 福建省莆田市
	// 350128 平潭综合实验区 福建省福州市平潭综合实验区
}

// A 鼓楼区 plan is Fuzhou's when the plan names 福州市 elsewhere.
func ExampleGazetteer_FindIn() {
	g := gazetteer.Default()
	m, _ := g.FindIn("鼓楼区2019年深化医药卫生体制改革工作要点", "根据《福州市深化医药卫生体制改革实施方案》要求")
	fmt.Println(m.Code, g.FullName(m))
	// Output:
	// 350102 福建省福州市鼓楼区
}
