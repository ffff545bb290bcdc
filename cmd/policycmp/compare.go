package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/segment"
	"github.com/policycmp/policycmp/taxonomy"
)

// compare loads the inputs and runs the pipeline.
func compare(ctx context.Context, e *env, c *common, args []string, align bool) (*policycmp.Result, error) {
	if align {
		go segment.Shared() // jieba's dictionaries load while the inputs are read (Shared loads once)
	}
	tax, err := c.taxonomy()
	if err != nil {
		return nil, err
	}
	docs, err := loadInputs(ctx, e, args)
	if err != nil {
		return nil, err
	}
	return compareDocs(ctx, e, c, tax, docs, align)
}

// compareDocs runs the pipeline on documents already loaded.
func compareDocs(ctx context.Context, e *env, c *common, tax *taxonomy.Taxonomy, docs []*policycmp.Document, align bool) (*policycmp.Result, error) {
	cfg, err := pipelineConfig(tax, align, c.alignFlags)
	if err != nil {
		return nil, err
	}
	if !c.quiet && isTerminal(e.stderr) {
		cfg.Progress = func(stage string, done, total int) {
			fmt.Fprintf(e.stderr, "\r%-10s %d/%d", stage, done, total)
			if done == total {
				fmt.Fprintln(e.stderr)
			}
		}
	}
	res, err := policycmp.Compare(ctx, docs, cfg)
	if err != nil {
		return nil, err
	}
	if !c.quiet {
		for _, d := range docs {
			if n := len(d.Warnings); n > 0 {
				fmt.Fprintf(e.stderr, "%s: %d tasks, %d ingest warnings\n", d.Source, len(d.Tasks), n)
			}
		}
	}
	return res, nil
}

// pipelineConfig wires the taxonomy and, when asked, the default aligner
// over the process-wide jieba segmenter.
func pipelineConfig(tax *taxonomy.Taxonomy, align bool, opts ...alignFlags) (policycmp.Config, error) {
	cfg := policycmp.Config{Taxonomy: tax, NoAlign: !align}
	if align {
		// The aligner takes the process-wide jieba when it starts, so
		// classification runs while the dictionaries load; missing
		// dictionaries fail there, with the fix.
		al := policycmp.NewAligner(nil)
		for _, o := range opts {
			switch o.decide {
			case "model":
				al.Decide = policycmp.DecideModel
			case "rules":
				al.Decide = policycmp.DecideRules
			}
			al.MinScore, al.Equivalent = o.minScore, o.equivalent
		}
		cfg.Aligner = al
	}
	return cfg, nil
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// write runs fn on the command's output and closes it.
func (c *common) write(e *env, fn func(w io.Writer) error) error {
	w, closeFn, err := c.output(e)
	if err != nil {
		return err
	}
	return closeFn(fn(w))
}
