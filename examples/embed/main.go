// Command embed shows policycmp inside another Go tool: a checker that
// reads a local plan (a file, or standard input) and fails — exit status 1 —
// when the plan leaves out reform themes that the national seed document
// covers. A CI job can run it on every draft of a plan.
//
//	go run ./examples/embed plan.txt
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/taxonomy"
)

func main() {
	in := io.Reader(os.Stdin)
	name := "stdin.txt"
	if len(os.Args) > 1 {
		f, err := os.Open(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer f.Close()
		in, name = f, os.Args[1]
	}
	missing, err := check(context.Background(), name, in, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if missing > 0 {
		os.Exit(1)
	}
}

// check ingests the plan, classifies it next to the national seed and
// prints the themes it misses. It returns how many it misses.
func check(ctx context.Context, name string, plan io.Reader, w io.Writer) (int, error) {
	local, err := policycmp.IngestReader(name, plan, policycmp.Options{ID: "local"})
	if err != nil {
		return 0, err
	}
	national, err := policycmp.LoadFS(ctx, seeds.FS(), []string{"002_195f726d885ff568.txt"}, policycmp.Options{})
	if err != nil {
		return 0, err
	}
	res, err := policycmp.Compare(ctx, []*policycmp.Document{national[0], local}, policycmp.Config{NoAlign: true})
	if err != nil {
		return 0, err
	}
	tax := taxonomy.Default()
	missing := res.Coverage().Missing(local.ID, national[0].ID)
	for _, id := range missing {
		th, _ := tax.Theme(id)
		fmt.Fprintf(w, "missing %s (%s)\n", id, th.ZH)
	}
	fmt.Fprintf(w, "%d tasks; covers %d themes; misses %d of the national document's\n", len(local.Tasks), len(res.Coverage().Themes(local.ID)), len(missing))
	return len(missing), nil
}
