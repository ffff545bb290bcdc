package eval

import (
	"context"
	"fmt"
	"io"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/taxonomy"
)

// Fold is one round of a leave-one-document-out evaluation: the classifier
// options chosen on the other documents, their theme-set F1 there, and the
// held-out document's scores under those options.
type Fold struct {
	Held    string // the held-out document's key
	Options taxonomy.DictOptions
	TrainF1 float64
	Doc     DocScores
}

// LOO is the result of LeaveOneOut.
type LOO struct {
	Folds []Fold
	// Pooled sums the held-out documents' counts: each document scored
	// with options chosen without it.
	Tasks, Top1InSet, SetTP, SetFP, SetFN int
}

// Top1 is the pooled share of held-out tasks whose primary theme is in the
// gold set.
func (l *LOO) Top1() float64 { return ratio(l.Top1InSet, l.Tasks) }

// SetF1 is the pooled theme-set F1 of the held-out documents.
func (l *LOO) SetF1() float64 {
	return ratio(2*l.SetTP, 2*l.SetTP+l.SetFP+l.SetFN)
}

// DefaultGrid is the grid of dictionary-classifier thresholds LeaveOneOut
// chooses from: the thresholds the defaults were set with on the seeds.
func DefaultGrid() []taxonomy.DictOptions {
	var grid []taxonomy.DictOptions
	for _, hw := range []float64{2.5, 3.5, 4.5} {
		for _, keep := range []float64{0.25, 0.3, 0.35} {
			for _, minRaw := range []float64{0.9, 1.2} {
				for _, sure := range []float64{2.5, 3.0, 3.5} {
					for _, body := range []float64{-1, 0.4, 0.45, 0.5} {
						grid = append(grid, taxonomy.DictOptions{HeadingWeight: hw, Keep: keep, MinRaw: minRaw, Sure: sure, BodyKeep: body})
					}
				}
			}
		}
	}
	return grid
}

// LeaveOneOut measures how well the classifier's thresholds generalise:
// for each gold document it chooses from grid the options with the best
// theme-set F1 on the other documents (ties go to the earlier grid point)
// and scores the held-out document with them. It reclassifies docs, which
// afterwards carry the last grid point's themes.
func LeaveOneOut(ctx context.Context, g *Gold, docs []*policycmp.Document, tax *taxonomy.Taxonomy, grid []taxonomy.DictOptions) (*LOO, error) {
	if len(grid) == 0 {
		return nil, fmt.Errorf("eval: empty grid")
	}
	// Locate each gold task once: the task holding it, if exactly one.
	bySource := map[string]*policycmp.Document{}
	for _, d := range docs {
		bySource[d.Source] = d
	}
	located := make([][]*policycmp.Task, len(g.Documents))
	for k, gd := range g.Documents {
		located[k] = make([]*policycmp.Task, len(gd.Tasks))
		if d := bySource[gd.Source]; d != nil {
			for n, gt := range gd.Tasks {
				if ts := TasksContaining(d, gt.Loc); len(ts) > 0 {
					located[k][n] = ts[0]
				}
			}
		}
	}
	// Per grid point, the counts of every gold document.
	per := make([]map[string]DocScores, len(grid))
	for i, o := range grid {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("eval: leave-one-out: %w", err)
		}
		cls := taxonomy.NewDict(tax, o)
		for _, d := range docs {
			d.Classify(cls)
		}
		per[i] = map[string]DocScores{}
		for k, gd := range g.Documents {
			ds := DocScores{Source: gd.Source, Key: gd.Key, GoldTasks: len(gd.Tasks)}
			for n, gt := range gd.Tasks {
				t := located[k][n]
				if t == nil {
					ds.SetFN += len(gt.Primary) + len(gt.Also)
					continue
				}
				c := scoreThemes(gt, t)
				ds.Top1InSet += c.Top1InSet
				ds.Top1Prim += c.Top1Prim
				ds.SetTP, ds.SetFP, ds.SetFN = ds.SetTP+c.SetTP, ds.SetFP+c.SetFP, ds.SetFN+c.SetFN
			}
			per[i][gd.Key] = ds
		}
	}
	out := &LOO{}
	for _, gd := range g.Documents {
		best, bestF := 0, -1.0
		for i := range grid {
			var tp, fp, fn int
			for _, other := range g.Documents {
				if other.Key == gd.Key {
					continue
				}
				ds := per[i][other.Key]
				tp, fp, fn = tp+ds.SetTP, fp+ds.SetFP, fn+ds.SetFN
			}
			if f := ratio(2*tp, 2*tp+fp+fn); f > bestF {
				best, bestF = i, f
			}
		}
		ds := per[best][gd.Key]
		out.Folds = append(out.Folds, Fold{Held: gd.Key, Options: grid[best], TrainF1: bestF, Doc: ds})
		out.Tasks += ds.GoldTasks
		out.Top1InSet += ds.Top1InSet
		out.SetTP += ds.SetTP
		out.SetFP += ds.SetFP
		out.SetFN += ds.SetFN
	}
	return out, nil
}

// Print writes the folds and the pooled scores.
func (l *LOO) Print(w io.Writer) {
	fmt.Fprintln(w, "leave one document out (classifier thresholds chosen on the other documents):")
	for _, f := range l.Folds {
		d := f.Doc
		o := f.Options
		fmt.Fprintf(w, "  %-10s heading=%.1f keep=%.2f min=%.1f sure=%.1f body=%.2f  train F1 %.3f  held-out top1 %.3f F1 %.3f\n",
			f.Held, o.HeadingWeight, o.Keep, o.MinRaw, o.Sure, o.BodyKeep, f.TrainF1,
			ratio(d.Top1InSet, d.GoldTasks), ratio(2*d.SetTP, 2*d.SetTP+d.SetFP+d.SetFN))
	}
	fmt.Fprintf(w, "themes LOO: top-1 in gold set %.3f, set F1 %.3f (%d tasks)\n", l.Top1(), l.SetF1(), l.Tasks)
}
