package main

import (
	"context"
	"fmt"

	"github.com/policycmp/policycmp/segment"
)

// cmdDict installs jieba's dictionaries where the segmenter finds them, so
// a binary built with -trimpath or copied to another machine has them.
func cmdDict(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags("dict", e, &c, "text")
	if err := parseFlags(fs, args, &c, "text"); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 || rest[0] != "install" || len(rest) > 2 {
		fmt.Fprintln(e.stderr, "usage: policycmp dict install [DIR]")
		return errUsage
	}
	dest := ""
	if len(rest) == 2 {
		dest = rest[1]
	}
	dir, err := segment.InstallDict(ctx, dest)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "jieba dictionaries in %s\n", dir)
	if dest != "" {
		fmt.Fprintf(e.stdout, "set POLICYCMP_JIEBA_DICT=%s for policycmp to use them\n", dir)
	}
	return nil
}
