package eval

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/taxonomy"
)

func TestDebugThemes(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	docs, _ := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	res, _ := policycmp.Compare(context.Background(), docs, policycmp.Config{})
	g := DevGold()
	by := map[string]*policycmp.Document{}
	for _, d := range res.Documents {
		by[d.Source] = d
	}
	for _, gd := range g.Documents {
		for _, gt := range gd.Tasks {
			ts := TasksContaining(by[gd.Source], gt.Loc)
			if len(ts) == 0 {
				continue
			}
			tk := ts[0]
			gold := map[string]bool{}
			for _, x := range append(gt.Primary, gt.Also...) {
				gold[x] = true
			}
			var fp, got []string
			for _, th := range tk.Themes {
				got = append(got, fmt.Sprintf("%s:%.2f", th.ID, th.Score))
				if !gold[th.ID] {
					fp = append(fp, th.ID)
				}
			}
			var fn []string
			for x := range gold {
				if !tk.HasTheme(x) {
					fn = append(fn, x)
				}
			}
			if len(fp)+len(fn) > 0 {
				fmt.Printf("%s %q\n   got %v\n   FP %v FN %v\n", gd.Key, tk.Heading, got, fp, fn)
			}
		}
	}
}

func TestDebugGrid(t *testing.T) {
	if os.Getenv("GRID") == "" {
		t.Skip()
	}
	docs, _ := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	for _, hw := range []float64{1.5, 2.5, 3.5} {
		for _, keep := range []float64{0.25, 0.3, 0.4, 0.5} {
			for _, minraw := range []float64{0.6, 0.9, 1.2} {
				for _, sure := range []float64{1.6, 2.0, 3.0, 99} {
				for _, own := range []float64{0} {
					cls := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{HeadingWeight: hw, Keep: keep, MinRaw: minraw, Sure: sure})
					res, _ := policycmp.Compare(context.Background(), docs, policycmp.Config{Classifier: cls})
					s := Evaluate(DevGold(), res)
					fmt.Printf("own=%.1f hw=%.1f keep=%.2f min=%.1f sure=%.1f top1=%.3f prim=%.3f P=%.3f R=%.3f F1=%.3f\n", own, hw, keep, minraw, sure, s.Top1(), ratio(s.Top1Primary, s.ThemeTasks), s.SetP(), s.SetR(), s.SetF1())
				}
				}
			}
		}
	}
}

func TestDebugCeiling(t *testing.T) {
	if os.Getenv("GRID") == "" {
		t.Skip()
	}
	docs, _ := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	for _, minraw := range []float64{0.1, 0.3, 0.6, 0.9} {
		cls := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{Keep: 0.0001, MinRaw: minraw, Sure: 0.0001})
		res, _ := policycmp.Compare(context.Background(), docs, policycmp.Config{Classifier: cls})
		s := Evaluate(DevGold(), res)
		fmt.Printf("ceiling min=%.1f P=%.3f R=%.3f F1=%.3f\n", minraw, s.SetP(), s.SetR(), s.SetF1())
	}
}
