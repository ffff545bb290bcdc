package policycmptest_test

import (
	"testing"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/policycmptest"
	"github.com/policycmp/policycmp/taxonomy"
)

// A Go test that pins the themes a plan must cover.
func ExampleAssertCovers() {
	testPlan := func(t *testing.T) {
		doc, err := policycmp.IngestString("plan.txt", "一、重点任务\n（一）深化药品耗材集中带量采购工作。\n（二）推进家庭医生签约服务。")
		if err != nil {
			t.Fatal(err)
		}
		doc.Classify(taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{}))
		policycmptest.AssertCovers(t, doc, "pharma.procurement", "delivery.familydoctor")
		policycmptest.AssertNotCovers(t, doc, "pricing.service")
	}
	_ = testPlan // in a _test.go file: func TestPlan(t *testing.T) { … }
}

// Load reads and classifies a plan in one call.
func ExampleLoad() {
	testPlan := func(t *testing.T) {
		doc := policycmptest.Load(t, "testdata/plan.txt")
		policycmptest.AssertCovers(t, doc, "insurance.payment")
	}
	_ = testPlan // in a _test.go file: func TestPlan(t *testing.T) { … }
}
