package main

import (
	"context"
	"fmt"
	"github.com/policycmp/policycmp/internal/textcol"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/report"
	"github.com/policycmp/policycmp/segment"
)

func cmdReport(ctx context.Context, e *env, args []string) error {
	var c common
	const formats = "md|html|json|csv"
	fs := newFlags("report", e, &c, formats)
	table := fs.String("table", "coverage", "CSV table: "+strings.Join(report.TableNames(), ", ")+", or all (one file a table in the folder --out names)")
	if err := parseFlags(fs, args, &c, formats); err != nil {
		return err
	}
	if c.format == "csv" && *table == "all" && (c.out == "" || c.out == "-") {
		fmt.Fprintln(e.stderr, "policycmp report: --table all writes one file a table: give the folder with --out")
		return errUsage
	}
	if c.format == "csv" && *table != "all" && !slices.Contains(report.TableNames(), *table) {
		fmt.Fprintf(e.stderr, "policycmp report: unknown --table %q (want %s)\n", *table, strings.Join(report.TableNames(), ", "))
		return errUsage
	}
	res, err := compare(ctx, e, &c, fs.Args(), true)
	if err != nil {
		return err
	}
	rep := report.Build(res, report.Options{Reference: c.reference, Lang: c.lang})
	if c.reference != "" && rep.Reference == "" {
		return fmt.Errorf("--reference %q names no input document", c.reference)
	}
	if c.format == "csv" && *table == "all" {
		return writeAllTables(e, &c, rep, res)
	}
	return c.write(e, func(w io.Writer) error {
		switch c.format {
		case "html":
			return rep.HTML(w)
		case "json":
			return rep.JSON(w)
		case "csv":
			return rep.CSV(w, *table)
		}
		return rep.Markdown(w)
	})
}

func cmdCoverage(ctx context.Context, e *env, args []string) error {
	var c common
	const formats = "text|csv|json"
	fs := newFlags("coverage", e, &c, formats)
	if err := parseFlags(fs, args, &c, formats); err != nil {
		return err
	}
	res, err := compare(ctx, e, &c, fs.Args(), false)
	if err != nil {
		return err
	}
	rep := report.Build(res, report.Options{Reference: c.reference, Lang: c.lang})
	return c.write(e, func(w io.Writer) error {
		switch c.format {
		case "csv":
			return rep.CSV(w, "coverage")
		case "json":
			return writeJSON(w, rep.Coverage)
		}
		// columns padded by display width, so Chinese headers line up
		tb := textcol.Table{Gap: 2}
		head := []string{"theme"}
		for _, d := range rep.Documents {
			head = append(head, rep.Short(d.ID))
		}
		tb.Row(head...)
		for _, row := range rep.Coverage {
			cells := []string{row.Theme + " " + row.Name}
			for _, cell := range row.Cells {
				if cell.Tasks == 0 {
					cells = append(cells, "·")
				} else {
					cells = append(cells, fmt.Sprintf("%d (%.2f)", cell.Tasks, cell.Score))
				}
			}
			tb.Row(cells...)
		}
		_, err := tb.WriteTo(w)
		return err
	})
}

func cmdAlign(ctx context.Context, e *env, args []string) error {
	var c common
	const formats = "text|json|csv"
	fs := newFlags("align", e, &c, formats)
	kind := fs.String("kind", "equivalent", "which links: equivalent, related or all")
	tasks := fs.Bool("tasks", false, "list task links instead of clause links")
	if err := parseFlags(fs, args, &c, formats); err != nil {
		return err
	}
	if !slices.Contains([]string{"equivalent", "related", "all"}, *kind) {
		fmt.Fprintf(e.stderr, "policycmp align: --kind must be equivalent, related or all\n")
		return errUsage
	}
	res, err := compare(ctx, e, &c, fs.Args(), true)
	if err != nil {
		return err
	}
	links := res.Alignments
	if *tasks {
		links = res.TaskAlignments
	}
	var keep []policycmp.Link
	for _, l := range links {
		if *kind == "all" || l.Kind.String() == *kind {
			keep = append(keep, l)
		}
	}
	text := texts(res)
	filtered := *res
	filtered.Alignments = keep
	rep := report.Build(&filtered, report.Options{Lang: c.lang, MaxDiffs: -1})
	return c.write(e, func(w io.Writer) error {
		switch c.format {
		case "json":
			return writeJSON(w, keep)
		case "csv":
			return rep.CSV(w, "alignments")
		}
		for _, l := range keep {
			rel := rep.L(l.Kind.String())
			if l.Relation != 0 {
				rel += " " + rep.L(l.Relation.String())
			}
			fmt.Fprintf(w, "%.3f %s  %s ↔ %s\n  A %s\n  B %s\n", l.Score, rel, l.A, l.B, text[l.A], text[l.B])
			if why := rep.Why(l.Evidence); why != "" {
				fmt.Fprintf(w, "  (%s)\n", why)
			}
		}
		fmt.Fprintf(w, "%d links\n", len(keep))
		return nil
	})
}

// texts maps clause and task IDs to their text.
func texts(res *policycmp.Result) map[string]string {
	m := map[string]string{}
	for _, d := range res.Documents {
		for _, t := range d.Tasks {
			m[t.ID] = t.Heading
			for _, c := range t.Clauses {
				m[c.ID] = c.Text
			}
		}
	}
	return m
}

func cmdDiff(ctx context.Context, e *env, args []string) error {
	var c common
	const formats = "text|md|html|json"
	fs := newFlags("diff", e, &c, formats)
	theme := fs.String("theme", "", "only pairs whose task carries this theme ID")
	kind := fs.String("kind", "equivalent", "which links: equivalent, related or all")
	words := fs.Bool("words", false, "diff word by word (jieba) instead of character by character")
	if err := parseFlags(fs, args, &c, formats); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(e.stderr, "policycmp diff: want two documents, DOC_A and DOC_B")
		fs.Usage()
		return errUsage
	}
	docs, err := pickTwo(ctx, e, fs.Arg(0), fs.Arg(1))
	if err != nil {
		return err
	}
	tax, err := c.taxonomy()
	if err != nil {
		return err
	}
	if *theme != "" {
		if _, ok := tax.Theme(*theme); !ok {
			return fmt.Errorf("unknown theme %q (see policycmp taxonomy)", *theme)
		}
	}
	cfg, err := pipelineConfig(tax, true, c.alignFlags)
	if err != nil {
		return err
	}
	res, err := policycmp.Compare(ctx, docs, cfg)
	if err != nil {
		return err
	}
	var keep []policycmp.Link
	for _, l := range res.Alignments {
		if *kind != "all" && l.Kind.String() != *kind {
			continue
		}
		if *theme != "" {
			_, ta := docs[0].Clause(l.A)
			_, tb := docs[1].Clause(l.B)
			if (ta == nil || !ta.HasTheme(*theme)) && (tb == nil || !tb.HasTheme(*theme)) {
				continue
			}
		}
		keep = append(keep, l)
	}
	res.Alignments = keep
	opts := report.Options{Lang: c.lang, MaxDiffs: len(keep) + 1, Sections: []string{"alignments"}, Related: *kind != "equivalent"}
	if *words {
		seg, err := segment.Shared()
		if err != nil {
			return err
		}
		opts.Words = seg
	}
	rep := report.Build(res, opts)
	return c.write(e, func(w io.Writer) error {
		switch c.format {
		case "md":
			return rep.Markdown(w)
		case "html":
			return rep.HTML(w)
		case "json":
			return writeJSON(w, rep.Pairs)
		}
		for _, p := range rep.Pairs {
			rel := rep.L(p.Kind)
			if p.Relation != "" {
				rel = rep.L(p.Relation)
			}
			fmt.Fprintf(w, "%s ↔ %s  %.2f %s", p.A, p.B, p.Score, rel)
			if why := rep.Why(p.Evidence); why != "" {
				fmt.Fprintf(w, " (%s)", why)
			}
			a, b := p.Marked()
			fmt.Fprintf(w, "\n  A %s\n  B %s\n", a, b)
		}
		fmt.Fprintf(w, "%d pairs\n", len(rep.Pairs))
		return nil
	})
}

// pickTwo resolves the two documents of a diff: files, or seeds by ID,
// source, ID prefix or region.
func pickTwo(ctx context.Context, e *env, a, b string) ([]*policycmp.Document, error) {
	var out []*policycmp.Document
	for _, arg := range []string{a, b} {
		if st, err := os.Stat(arg); err == nil && !st.IsDir() {
			docs, err := loadInputs(ctx, e, []string{arg})
			if err != nil {
				return nil, err
			}
			out = append(out, docs[0])
			continue
		}
		d, err := seedArg(ctx, arg)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	if out[0].ID == out[1].ID {
		if filepath.Clean(a) == filepath.Clean(b) || out[0].Source != out[1].Source {
			return nil, fmt.Errorf("diff needs two different documents")
		}
		out[1].Rename(out[1].ID + "~2") // two files that share a base name
	}
	return out, nil
}

// writeAllTables writes every CSV table of the report into the folder
// c.out names (made if missing), one file a table, each written
// atomically.
func writeAllTables(e *env, c *common, rep *report.Report, res *policycmp.Result) error {
	dir := c.out
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, table := range report.TableNames() {
		one := *c
		one.out = filepath.Join(dir, table+".csv")
		if err := one.write(e, func(w io.Writer) error { return rep.CSV(w, table) }); err != nil {
			return err
		}
	}
	return nil
}
