package main

import (
	"bytes"
	"context"
	"errors"
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
	helpOut, helpStdout                   io.Writer // where -h prints the usage
	alignFlags
}

// alignFlags are the knobs of clause alignment.
type alignFlags struct {
	decide               string
	minScore, equivalent float64
}

// newFlags makes a command's flag set with the shared flags that apply to
// it (commands() says which); -h prints its usage line, what it does and
// its flags, on standard output.
func newFlags(name string, e *env, c *common, formats string) *flag.FlagSet {
	cmd, _ := lookupCommand(name)
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	c.format = strings.Split(formats, "|")[0]
	c.lang = "zh"
	for _, f := range cmd.shared {
		switch f {
		case "format":
			fs.StringVar(&c.format, "format", c.format, "output format: "+formats)
		case "out":
			fs.StringVar(&c.out, "out", "", "write output to this file instead of standard output")
		case "taxonomy":
			fs.StringVar(&c.taxFile, "taxonomy", "", "taxonomy file (JSON or YAML); default: the built-in codebook v1")
		case "reference":
			fs.StringVar(&c.reference, "reference", "", "reference document ID or source for gaps (default: the national document, if any)")
		case "lang":
			fs.StringVar(&c.lang, "lang", "zh", "labels: zh or en")
		case "q":
			fs.BoolVar(&c.quiet, "q", false, "no progress or warnings on standard error")
		case "align":
			fs.StringVar(&c.decide, "decide", "both", "who decides clause links: both (the fitted model and the rules), model or rules")
			fs.Float64Var(&c.minScore, "min-score", 0, "drop clause links scoring below this (scores are the model's probabilities, 0–1)")
			fs.Float64Var(&c.equivalent, "equivalent", 0, "when set, a clause link is equivalent exactly when its score reaches this")
		}
	}
	fs.Usage = func() {
		w := e.stderr
		if c.helpOut != nil {
			w = c.helpOut
		}
		fmt.Fprintf(w, "usage: policycmp %s [flags] %s\n\n%s\n\nflags:\n", name, cmd.args, cmd.summary)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(e.stderr)
	}
	c.helpStdout = e.stdout
	return fs
}

// parseFlags parses a command's flags wherever they stand among its
// arguments (policycmp diff 000 河源 --theme insurance.payment): flags are
// moved before the arguments, "--" ends them.
func parseFlags(fs *flag.FlagSet, args []string, c *common, formats string) error {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "--help" || a == "-help" {
			c.helpOut = c.helpStdout // help asked for goes to standard output
		}
	}
	if err := fs.Parse(intersperse(fs, args)); err != nil {
		if err == flag.ErrHelp {
			return errHelp
		}
		return errUsage
	}
	if c.format == "markdown" && slices.Contains(strings.Split(formats, "|"), "md") {
		c.format = "md"
	}
	if !slices.Contains(strings.Split(formats, "|"), c.format) {
		fmt.Fprintf(fs.Output(), "policycmp %s: unknown format %q (want %s)\n", fs.Name(), c.format, formats)
		return errUsage
	}
	if c.decide != "" && c.decide != "both" && c.decide != "model" && c.decide != "rules" {
		fmt.Fprintf(fs.Output(), "policycmp %s: --decide must be both, model or rules\n", fs.Name())
		return errUsage
	}
	if c.minScore < 0 || c.minScore > 1 || c.equivalent < 0 || c.equivalent > 1 {
		fmt.Fprintf(fs.Output(), "policycmp %s: --min-score and --equivalent are scores between 0 and 1\n", fs.Name())
		return errUsage
	}
	if c.lang != "zh" && c.lang != "en" {
		fmt.Fprintf(fs.Output(), "policycmp %s: --lang must be zh or en\n", fs.Name())
		return errUsage
	}
	return nil
}

// intersperse reorders args so that every flag (with its value) comes
// before the positional arguments.
func intersperse(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			f := fs.Lookup(name)
			if f == nil {
				continue
			}
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				continue
			}
			if i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			rest = append(rest, a)
		}
	}
	return append(append(flags, "--"), rest...)
}

func (c *common) taxonomy() (*taxonomy.Taxonomy, error) {
	if c.taxFile == "" {
		return taxonomy.Default(), nil
	}
	data, err := readFile(c.taxFile)
	if err != nil {
		return nil, err
	}
	return taxonomy.Load(bytes.NewReader(data))
}

// loadInputs ingests the named files, directories and "-", or the seeds.
// A file named on the command line that cannot be read or holds no text is
// an error; one found in a folder is skipped with a warning, so one bad
// file does not abort a run over a whole archive. The arguments are
// resolved first (standard input read, folders walked, seeds picked), then
// every file is read and ingested on every core at once, and the documents
// are kept in argument and walk order (IDs and warnings stay
// deterministic).
func loadInputs(ctx context.Context, e *env, args []string) ([]*policycmp.Document, error) {
	if len(args) == 0 {
		return policycmp.LoadFS(ctx, seeds.FS(), seeds.Names(), policycmp.Options{})
	}
	warn := func(format string, args ...any) {
		fmt.Fprintf(e.stderr, "policycmp: warning: "+format+"\n", args...)
	}
	// An input is one document to ingest: a file (named, or found in
	// the folder arg), standard input's bytes, or a seed already loaded.
	type input struct {
		name   string
		data   []byte // standard input, read before the rest
		folder string // the folder argument it was found in, if any
		seed   *policycmp.Document
		d      *policycmp.Document
		err    error
	}
	var ins []input
	folders := map[string]int{} // folder argument → its files
	for _, a := range args {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if a == "-" {
			data, err := io.ReadAll(io.LimitReader(e.stdin, policycmp.DefaultMaxBytes+1))
			if err != nil {
				return nil, fmt.Errorf("read standard input: %w", err)
			}
			ins = append(ins, input{name: "stdin.txt", data: data})
			continue
		}
		info, err := os.Stat(a) // follows a link to a folder
		if errors.Is(err, fs.ErrNotExist) {
			// not a file: a seed by ID, ID prefix, source or region (000, 河源)
			d, serr := seedArg(ctx, a)
			if serr != nil {
				return nil, fmt.Errorf("%w; and %w", err, serr)
			}
			ins = append(ins, input{name: a, seed: d})
			continue
		}
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			ins = append(ins, input{name: a})
			continue
		}
		files, err := walkInputs(ctx, a, warn)
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no .txt, .md, .html, .docx or .xlsx files", a)
		}
		for _, f := range files {
			ins = append(ins, input{name: f, folder: a})
		}
		folders[a] += len(files)
	}
	if err := policycmp.Parallel(ctx, len(ins), 0, func(i int) {
		in := &ins[i]
		if in.seed != nil {
			return
		}
		data := in.data
		if data == nil {
			data, in.err = readBounded(in.name, policycmp.DefaultMaxBytes)
		}
		if in.err == nil {
			in.d, in.err = policycmp.IngestContext(ctx, in.name, data, policycmp.Options{})
		}
	}); err != nil {
		return nil, err
	}
	var docs []*policycmp.Document
	ids := map[string]bool{}
	kept := map[string]int{} // folder argument → its documents kept
	for _, in := range ins {
		switch {
		case in.seed != nil:
			if ids[in.seed.ID] {
				return nil, fmt.Errorf("%s: the seed %s is given twice", in.name, in.seed.ID)
			}
			ids[in.seed.ID] = true
			docs = append(docs, in.seed)
			continue
		case errors.Is(in.err, context.Canceled), errors.Is(in.err, context.DeadlineExceeded):
			return nil, in.err
		case in.err != nil && in.folder == "":
			return nil, in.err
		case in.err != nil:
			warn("%v; skipped", in.err)
			continue
		}
		d := in.d
		if ids[d.ID] { // same base name in two folders, or x.txt beside x~2.txt
			base := d.ID
			for n := 2; ids[d.ID]; n++ {
				d.Rename(fmt.Sprintf("%s~%d", base, n))
			}
		}
		ids[d.ID] = true
		docs = append(docs, d)
		if in.folder != "" {
			kept[in.folder]++
		}
	}
	for _, a := range args {
		if folders[a] > 0 && kept[a] == 0 {
			return nil, fmt.Errorf("%s: no readable documents", a)
		}
	}
	return docs, nil
}

// seedArg resolves a seed by its ID, ID prefix, source name or region.
func seedArg(ctx context.Context, arg string) (*policycmp.Document, error) {
	docs, err := policycmp.LoadFS(ctx, seeds.FS(), seeds.Names(), policycmp.Options{})
	if err != nil {
		return nil, err
	}
	var match []*policycmp.Document
	for _, d := range docs {
		if d.ID == arg || d.Source == arg || strings.HasPrefix(d.ID, arg) || (arg != "" && (strings.Contains(d.Region, arg) || d.Place == arg)) {
			match = append(match, d)
		}
	}
	if len(match) != 1 {
		return nil, fmt.Errorf("%q matches %d seed documents; give a file, or a seed ID, prefix or region that names one", arg, len(match))
	}
	return match[0], nil
}

func isHTMLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".html" || ext == ".htm"
}

func isInputName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".txt" || ext == ".md" || ext == ".docx" || ext == ".xlsx" || isHTMLName(name)
}
