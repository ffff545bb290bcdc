package eval

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/segment"
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

func TestDebugAlign(t *testing.T) {
	if os.Getenv("ALIGN") == "" {
		t.Skip()
	}
	docs, _ := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	seg, err := segment.Shared()
	if err != nil {
		t.Fatal(err)
	}
	al := policycmp.NewAligner(seg)
	al.Clause = align.Options{Related: 0.15, Equivalent: 0.99, PerDoc: 50}
	res, _ := policycmp.Compare(context.Background(), docs, policycmp.Config{Aligner: al})
	by := map[string]*policycmp.Document{}
	for _, d := range res.Documents {
		by[d.Source] = d
	}
	score := map[[2]string]float64{}
	for _, l := range res.Alignments {
		score[[2]string{l.A, l.B}] = l.Score
		score[[2]string{l.B, l.A}] = l.Score
	}
	for _, p := range DevGold().ClausePairs {
		best := 0.0
		for _, a := range ClausesContaining(by[p.A.Source], p.A.Snippet) {
			for _, b := range ClausesContaining(by[p.B.Source], p.B.Snippet) {
				best = max(best, score[[2]string{a, b}])
			}
		}
		fmt.Printf("gold %s %.3f\n", p.ID, best)
	}
	hist := map[int]int{}
	for _, l := range res.Alignments {
		hist[int(l.Score*20)]++
	}
	for k := 0; k < 20; k++ {
		fmt.Printf("hist %.2f %d\n", float64(k)/20, hist[k])
	}
	if os.Getenv("ALIGN") == "2" {
		for _, l := range res.Alignments {
			if l.Score >= 0.35 && l.Score < 0.5 {
				ca, _ := docOf(res, l.A).Clause(l.A)
				cb, _ := docOf(res, l.B).Clause(l.B)
				fmt.Printf("L %.3f %s | %s\n", l.Score, ca.Text, cb.Text)
			}
		}
	}
}

func docOf(res *policycmp.Result, id string) *policycmp.Document {
	for _, d := range res.Documents {
		if len(id) > len(d.ID) && id[:len(d.ID)] == d.ID {
			return d
		}
	}
	return nil
}

func TestDebugAlignGrid(t *testing.T) {
	if os.Getenv("AGRID") == "" {
		t.Skip()
	}
	docs, _ := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	seg, _ := segment.Shared()
	for _, mu := range []float64{0.30, 0.33, 0.36, 0.40} {
		for _, eq := range []float64{0.65} {
			for _, rel := range []float64{6.0, 7.0, 8.0, 9.0} {
				al := policycmp.NewAligner(seg)
				al.Clause = align.Options{MutualSpecific: rel, Equivalent: eq, Mutual: mu}
				res, _ := policycmp.Compare(context.Background(), docs, policycmp.Config{Aligner: al})
				s := Evaluate(DevGold(), res)
				n, e := 0, 0
				for _, l := range res.Alignments {
					n++
					if l.Kind == "equivalent" {
						e++
					}
				}
				fmt.Printf("agrid mu=%.2f eq=%.2f spec=%.2f linked=%d equiv=%d links=%d eqlinks=%d\n", mu, eq, rel, s.PairsLinked, s.PairsEquivalent, n, e)
			}
		}
	}
}
