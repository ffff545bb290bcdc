// Command twodocs compares two documents clause by clause and prints the
// equivalent clauses with their character differences. With no arguments
// it compares the Zhejiang and Heyuan seeds.
//
//	go run ./examples/twodocs [A.txt B.txt]
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/segment"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func load(args []string) ([]*policycmp.Document, error) {
	if len(args) == 2 {
		var docs []*policycmp.Document
		for _, a := range args {
			d, err := policycmp.IngestFile(a, policycmp.Options{})
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
		}
		return docs, nil
	}
	return policycmp.LoadFS(context.Background(), seeds.FS(), []string{"000_4e055c043c33bc53.txt", "004_2e17b2282892fb0a.txt"}, policycmp.Options{})
}

func run(ctx context.Context, args []string, w io.Writer) error {
	docs, err := load(args)
	if err != nil {
		return err
	}
	seg, err := segment.Shared() // jieba, loaded once per process
	if err != nil {
		return err
	}
	res, err := policycmp.Compare(ctx, docs, policycmp.Config{Aligner: policycmp.NewAligner(seg)})
	if err != nil {
		return err
	}
	n := 0
	for _, l := range res.Alignments {
		if l.Kind != align.Equivalent {
			continue
		}
		ca, _ := docs[0].Clause(l.A)
		cb, _ := docs[1].Clause(l.B)
		a, b := align.Marked(align.Diff(ca.Text, cb.Text))
		fmt.Fprintf(w, "%s (%s)\n  %s\n  %s\n", l.Relation, l.Reason, a, b)
		n++
	}
	fmt.Fprintf(w, "%d equivalent clause pairs\n", n)
	return nil
}
