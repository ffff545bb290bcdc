package taxonomy_test

import (
	"fmt"

	"github.com/policycmp/policycmp/taxonomy"
)

func ExampleDict_Classify() {
	d := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{})
	labels := d.Classify(taxonomy.Unit{
		Parts:     []string{"推进紧密型县域医共体建设", "实行医保总额付费,结余留用、合理超支分担"},
		HeadParts: 1, // the first part is the heading
	})
	for _, l := range labels {
		fmt.Print(l.Theme, ":")
		for _, h := range l.Evidence {
			fmt.Print(" ", h.Term)
		}
		fmt.Println()
	}
	// Output:
	// delivery.consortia: 紧密型 医共体
	// insurance.payment: 总额付费 结余留用 合理超支分担
}

func ExampleParse() {
	tax, err := taxonomy.Parse([]byte(`
version: "1"
domains:
  - {id: vax, zh: 免疫规划, en: Immunisation}
themes:
  - id: vax.coverage
    domain: vax
    zh: 疫苗接种率
    en: Vaccination coverage
    terms: [接种率, 疫苗接种]
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	d := taxonomy.NewDict(tax, taxonomy.DictOptions{})
	fmt.Println(d.Classify(taxonomy.Unit{Parts: []string{"提高儿童疫苗接种率"}, HeadParts: 1})[0].Theme)

	_, err = taxonomy.Parse([]byte(`{"domains": [{"id": "vax"}], "themes": [{"id": "vax.a", "domain": "vaxx"}]}`))
	fmt.Println(err)
	// Output:
	// vax.coverage
	// taxonomy: invalid taxonomy: theme "vax.a" refers to unknown domain "vaxx"; theme "vax.a" has no terms
}
