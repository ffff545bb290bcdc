// Command customtaxonomy classifies the seed documents against a taxonomy
// of one's own — here three themes on the health workforce written as YAML
// — instead of the built-in codebook, and prints which tasks carry them
// with the terms that fired.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/taxonomy"
)

const workforce = `
name: workforce
version: "1"
domains:
  - {id: wf, zh: 人才, en: Workforce}
themes:
  - id: wf.gp
    domain: wf
    zh: 全科医生
    en: General practitioners
    terms: [全科医生, 全科医学, 转岗培训]
  - id: wf.rural
    domain: wf
    zh: 农村订单定向
    en: Targeted rural training
    terms: [订单定向, 定向培养, 乡村医生, 大学生乡村医生]
  - id: wf.pay
    domain: wf
    zh: 薪酬激励
    en: Pay and incentives
    terms: [薪酬, 绩效工资, 两个允许]
`

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer) error {
	tax, err := taxonomy.Load(strings.NewReader(workforce))
	if err != nil {
		return err
	}
	docs, err := policycmp.LoadFS(ctx, seeds.FS(), seeds.Names(), policycmp.Options{})
	if err != nil {
		return err
	}
	res, err := policycmp.Compare(ctx, docs, policycmp.Config{Taxonomy: tax, NoAlign: true})
	if err != nil {
		return err
	}
	for _, d := range res.Documents {
		for _, t := range d.Tasks {
			for _, th := range t.Themes {
				if th.ID == taxonomy.Unclassified {
					continue
				}
				var terms []string
				for _, e := range th.Evidence {
					terms = append(terms, e.Term)
				}
				fmt.Fprintf(w, "%-8s %s %s [%s]\n", th.ID, t.ID, t.Heading, strings.Join(terms, ","))
			}
		}
	}
	return nil
}
