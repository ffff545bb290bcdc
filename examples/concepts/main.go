// Command concepts compares a plan written in the words of 2014 with one
// written in the words of 2023: the same measures under other names
// (总额控制 ~ 总额预算, 对口支援 ~ 对口帮扶, 县乡一体化 ~ 县域医共体). It prints
// each clause link with the domain concept behind it, then the same
// comparison with a concept of one's own added to the built-in list.
//
//	go run ./examples/concepts
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/segment"
)

const plan2014 = `甲市2014年深化医药卫生体制改革重点工作任务
一、深化医保支付制度改革
1.完善医保付费总额控制，推进按病种付费。
2.开展县乡医疗卫生服务一体化管理试点。
3.落实市级三级医院对口支援县级医院制度。
4.推行医疗机构“阳光用药”公示制度。`

const plan2023 = `乙市2023年深化医药卫生体制改革重点工作任务
一、深化医保支付方式改革
1.完善总额预算管理，深化按病种分值付费改革。
2.做实县域医共体人财物一体化管理。
3.持续推进三级医院对口帮扶县级医院工作。
4.定期公开医疗机构抗菌药物使用排名。`

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer) error {
	seg, err := segment.Shared() // jieba, loaded once per process
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "with the built-in concepts:")
	if err := compare(ctx, w, policycmp.NewAligner(seg)); err != nil {
		return err
	}
	// A concept of one's own: a local plan's name for publishing how
	// hospitals prescribe, added to the built-in list.
	al := policycmp.NewAligner(seg)
	al.Concepts = func(text string) []segment.Mention {
		ms := segment.Concepts(text)
		for _, form := range []string{"阳光用药", "使用排名"} {
			if strings.Contains(text, form) {
				ms = append(ms, segment.Mention{ID: "pharma.supply/prescribing_disclosure", Form: form})
			}
		}
		return ms
	}
	fmt.Fprintln(w, "\nwith a concept of one's own (阳光用药 ~ 使用排名):")
	return compare(ctx, w, al)
}

func compare(ctx context.Context, w io.Writer, al *policycmp.DefaultAligner) error {
	var docs []*policycmp.Document
	for _, p := range [][2]string{{"2014.txt", plan2014}, {"2023.txt", plan2023}} {
		d, err := policycmp.IngestString(p[0], p[1])
		if err != nil {
			return err
		}
		docs = append(docs, d)
	}
	res, err := policycmp.Compare(ctx, docs, policycmp.Config{Aligner: al})
	if err != nil {
		return err
	}
	for _, l := range res.Alignments {
		a, _ := docs[0].Clause(l.A)
		b, _ := docs[1].Clause(l.B)
		fmt.Fprintf(w, "%-10s %.2f  %s ~ %s\n", l.Kind, l.Score, a.Text, b.Text)
		if c := conceptOf(l); c != "" {
			fmt.Fprintf(w, "           one concept: %s\n", c)
		}
	}
	return nil
}

// conceptOf is the concept a link's label names, if any (equivalent links
// in local wording).
func conceptOf(l policycmp.Link) string {
	if e := l.Evidence; e != nil && e.Basis == align.BasisWording && len(e.Concept) == 2 {
		return e.Concept[0] + " ~ " + e.Concept[1]
	}
	return ""
}
