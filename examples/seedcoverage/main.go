// Command seedcoverage shows the theme coverage of the five embedded seed
// documents: which reform themes each region covers, and what the regions
// leave out that the national document covers.
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/report"
	"github.com/policycmp/policycmp/seeds"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer) error {
	docs, err := policycmp.LoadFS(ctx, seeds.FS(), seeds.Names(), policycmp.Options{})
	if err != nil {
		return err
	}
	res, err := policycmp.Compare(ctx, docs, policycmp.Config{NoAlign: true}) // themes only, no alignment
	if err != nil {
		return err
	}
	r := report.Build(res, report.Options{Lang: "en"})
	for _, row := range r.Coverage {
		fmt.Fprintf(w, "%-26s", row.Theme)
		for _, c := range row.Cells {
			fmt.Fprintf(w, " %2d", c.Tasks)
		}
		fmt.Fprintln(w)
	}
	for _, g := range r.Gaps {
		fmt.Fprintf(w, "%s misses %d themes of the national document: %v\n", r.Short(g.Doc), len(g.Themes), g.Themes)
	}
	return nil
}
