package main

import (
	"context"
	"fmt"
	"os"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/segment"
)

// compare loads the inputs and runs the pipeline.
func compare(ctx context.Context, e *env, c *common, args []string, align bool) (*policycmp.Result, error) {
	tax, err := c.taxonomy()
	if err != nil {
		return nil, err
	}
	docs, err := loadInputs(ctx, e, args)
	if err != nil {
		return nil, err
	}
	cfg := policycmp.Config{Taxonomy: tax}
	if align {
		seg, err := segment.Shared()
		if err != nil {
			return nil, err
		}
		cfg.Aligner = policycmp.NewAligner(seg)
	}
	res, err := policycmp.Compare(ctx, docs, cfg)
	if err != nil {
		return nil, err
	}
	if !c.quiet {
		for _, d := range docs {
			if n := len(d.Warnings); n > 0 {
				fmt.Fprintf(e.stderr, "%s: %d tasks, %d warnings\n", d.Source, len(d.Tasks), n)
			}
		}
	}
	return res, nil
}

func readFile(name string) ([]byte, error) { return os.ReadFile(name) }
