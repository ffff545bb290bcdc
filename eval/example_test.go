package eval_test

import (
	"context"
	"fmt"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/eval"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/taxonomy"
)

func ExampleEvaluate() {
	gold, err := eval.ParseGold([]byte(`{
	  "documents": [{
	    "source": "plan.txt", "key": "plan",
	    "expect": {"task_count": 2, "region_contains": "宁波", "level_in": ["city"], "year_in": [2024]},
	    "tasks": [
	      {"loc": "深化医保支付方式改革", "primary": ["insurance.payment"]},
	      {"loc": "完善多层次医疗保障制度", "primary": ["insurance.multitier"], "also": ["insurance.basic"]}
	    ]
	  }]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := policycmp.IngestString("plan.txt", "宁波市深化医药卫生体制改革2024年重点工作任务\n一、深化医疗保障改革\n"+
		"（一）深化医保支付方式改革。全面推行按病种分值付费。\n（二）完善多层次医疗保障制度。发展商业健康保险。")
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{d}, policycmp.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	s := eval.Evaluate(gold, res)
	fmt.Printf("tasks exact %d/%d, top-1 %.2f, set P %.2f R %.2f\n", s.CountsExact, len(s.Docs), s.Top1(), s.SetP(), s.SetR())
	// Output: tasks exact 1/1, top-1 1.00, set P 1.00 R 0.67
}

func ExampleLeaveOneOut() {
	docs, err := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	l, err := eval.LeaveOneOut(context.Background(), eval.DevGold(), docs, taxonomy.Default(), eval.DefaultGrid())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d folds, top-1 %.3f, set F1 %.3f\n", len(l.Folds), l.Top1(), l.SetF1())
	// Output: 5 folds, top-1 0.991, set F1 0.872
}

func ExampleRelatedSample() {
	sample, err := eval.RelatedSample()
	if err != nil {
		fmt.Println(err)
		return
	}
	same := 0
	for _, j := range sample {
		if j.Same {
			same++
		}
	}
	fmt.Printf("%d related links judged, %d state the same measure\n", len(sample), same)
	// Output:
	// 150 related links judged, 26 state the same measure
}

// A copy of a plan as a web page or a PDF writes it differently; its tasks
// should not change. Perturbed scores a gold file's documents under each
// perturbation.
func ExamplePerturbations() {
	doc := []byte("某市医改重点工作任务\n一、重点任务\n(一)推进医联体建设。2024年试点,2025年推开。\n(二)完善医保支付。\n")
	for _, p := range eval.Perturbations() {
		if p.Name != "split-years" && p.Name != "run-on" {
			continue
		}
		copy := p.Apply(doc)
		d, err := policycmp.Ingest("plan.txt", copy, policycmp.Options{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %q → %d tasks\n", p.Name, copy, len(d.Tasks))
	}
	// Output:
	// split-years: "某市医改重点工作任务\n一、重点任务\n(一)推进医联体建设。2024年试点,2025\n年推开。\n(二)完善医保支付。\n" → 2 tasks
	// run-on: "某市医改重点工作任务一、重点任务(一)推进医联体建设。2024年试点,2025年推开。(二)完善医保支付。" → 2 tasks
}
