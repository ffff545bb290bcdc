package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/taxonomy"
)

// common holds the flags most commands share.
type common struct {
	format, out, taxFile, reference, lang string
	quiet                                 bool
}

func newFlags(name string, e *env, c *common, formats string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&c.format, "format", strings.Split(formats, "|")[0], "output format: "+formats)
	fs.StringVar(&c.out, "out", "", "write output to this file instead of standard output")
	fs.StringVar(&c.taxFile, "taxonomy", "", "taxonomy file (JSON or YAML); default: the built-in codebook v1")
	fs.StringVar(&c.reference, "reference", "", "reference document ID or source for gaps (default: the national document, if any)")
	fs.StringVar(&c.lang, "lang", "zh", "report labels: zh or en")
	fs.BoolVar(&c.quiet, "q", false, "no progress or warnings on standard error")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: policycmp %s [flags] [FILE|DIR|-]...\n", name)
		fs.PrintDefaults()
	}
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string, c *common, formats string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return errUsage
		}
		return errUsage
	}
	if !slices.Contains(strings.Split(formats, "|"), c.format) {
		fmt.Fprintf(fs.Output(), "policycmp %s: unknown format %q (want %s)\n", fs.Name(), c.format, formats)
		return errUsage
	}
	if c.lang != "zh" && c.lang != "en" {
		fmt.Fprintf(fs.Output(), "policycmp %s: --lang must be zh or en\n", fs.Name())
		return errUsage
	}
	return nil
}

func (c *common) taxonomy() (*taxonomy.Taxonomy, error) {
	if c.taxFile == "" {
		return taxonomy.Default(), nil
	}
	f, err := os.Open(c.taxFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return taxonomy.Load(f)
}

// output opens the destination of a command.
func (c *common) output(e *env) (io.Writer, func() error, error) {
	if c.out == "" || c.out == "-" {
		return e.stdout, func() error { return nil }, nil
	}
	f, err := os.Create(c.out)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}

// loadInputs ingests the named files, directories and "-", or the seeds.
func loadInputs(ctx context.Context, e *env, args []string) ([]*policycmp.Document, error) {
	if len(args) == 0 {
		return policycmp.LoadFS(ctx, seeds.FS(), seeds.Names(), policycmp.Options{})
	}
	var docs []*policycmp.Document
	ids := map[string]int{}
	add := func(name string, data []byte) error {
		opts := policycmp.Options{}
		d, err := policycmp.Ingest(name, data, opts)
		if err != nil {
			return err
		}
		if n := ids[d.ID]; n > 0 { // same base name in two folders
			d, err = policycmp.Ingest(name, data, policycmp.Options{ID: fmt.Sprintf("%s~%d", d.ID, n+1)})
			if err != nil {
				return err
			}
		}
		ids[d.ID]++
		docs = append(docs, d)
		return nil
	}
	for _, a := range args {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if a == "-" {
			data, err := io.ReadAll(io.LimitReader(e.stdin, policycmp.DefaultMaxBytes+1))
			if err != nil {
				return nil, fmt.Errorf("read standard input: %w", err)
			}
			if err := add("stdin.txt", data); err != nil {
				return nil, err
			}
			continue
		}
		info, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			data, err := os.ReadFile(a)
			if err != nil {
				return nil, err
			}
			if err := add(a, data); err != nil {
				return nil, err
			}
			continue
		}
		var files []string
		err = filepath.WalkDir(a, func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !de.IsDir() && isInputName(p) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		slices.Sort(files)
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no .txt, .md or .html files", a)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			if err := add(f, data); err != nil {
				return nil, err
			}
		}
	}
	return docs, nil
}

func isHTMLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".html" || ext == ".htm"
}

func isInputName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".txt" || ext == ".md" || isHTMLName(name)
}
