package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/eval"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/segment"
	"github.com/policycmp/policycmp/taxonomy"
)

func cmdAnalyze(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags("analyze", e, &c, "json|text")
	if err := parseFlags(fs, args, &c, "json|text"); err != nil {
		return err
	}
	res, err := compare(ctx, e, &c, fs.Args(), true)
	if err != nil {
		return err
	}
	return c.write(e, func(w io.Writer) error {
		if c.format == "json" {
			return policycmp.WriteJSON(w, res, " ", "", nil)
		}
		return writeText(w, res)
	})
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.SetIndent("", " ")
	return enc.Encode(v)
}

func writeText(w io.Writer, res *policycmp.Result) error {
	for _, d := range res.Documents {
		fmt.Fprintf(w, "%s  %s\n  region %s (%s), year %d, date %s, number %s, issuer %s\n", d.ID, d.Title, d.Region, d.Level, d.Year, d.Date, d.DocNumber, d.Issuer)
		for _, wn := range d.Warnings {
			fmt.Fprintf(w, "  warning [%s] %s\n", wn.Kind, wn.Detail)
		}
		for _, t := range d.Tasks {
			var themes []string
			for _, th := range t.Themes {
				themes = append(themes, fmt.Sprintf("%s %.2f", th.ID, th.Score))
			}
			fmt.Fprintf(w, "  %-28s %s  [%s]\n", t.ID, t.Heading, strings.Join(themes, ", "))
			if dep := t.Departments; len(dep.Lead)+len(dep.Support)+len(dep.Local) > 0 {
				fmt.Fprintf(w, "      lead %s; support %s", strings.Join(dep.Lead, "、"), strings.Join(dep.Support, "、"))
				if len(dep.Local) > 0 {
					fmt.Fprintf(w, "; local %s", strings.Join(dep.Local, "、"))
				}
				fmt.Fprintln(w)
			}
			if t.Deadline != "" {
				fmt.Fprintf(w, "      due %s\n", t.Deadline)
			}
			for _, tg := range t.Targets {
				fmt.Fprintf(w, "      target %s %g%s %s\n", tg.Comparator, tg.Value, tg.Unit, tg.Text)
			}
		}
		fmt.Fprintln(w)
	}
	_, err := fmt.Fprintf(w, "%d documents, %d clause links, %d task links\n", len(res.Documents), len(res.Alignments), len(res.TaskAlignments))
	return err
}

func cmdEval(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags("eval", e, &c, "text")
	goldFile := fs.String("gold", "", "gold file in the format of shared/gold/seeds-dev.json (default: the embedded seed dev gold)")
	verbose := fs.Bool("v", false, "list every miss")
	loo := fs.Bool("loo", false, "also score themes leave one document out: the classifier's thresholds chosen on the other documents")
	shared := fs.String("shared", "", "also score the real documents of a shared folder: DIR/real/*.txt with the seeds, against DIR/gold/real-dev.json")
	perturb := fs.Bool("perturb", false, "also score the seeds' structure and metadata (with --shared, the real documents' too) under each perturbation of their layout (line ends, brackets, spans, wraps, run-on, HTML, GB18030, no header)")
	fit := fs.String("fit", "", "fit the alignment model on the labelled pairs (seed gold, judged links, and with --shared the real gold) and write it to this file (align/model.json ships)")
	if err := parseFlags(fs, args, &c, "text"); err != nil {
		return err
	}
	gold := eval.DevGold()
	if *goldFile != "" {
		data, err := readFile(*goldFile)
		if err != nil {
			return err
		}
		if gold, err = eval.ParseGold(data); err != nil {
			return err
		}
	}
	res, err := compare(ctx, e, &c, fs.Args(), true)
	if err != nil {
		return err
	}
	return c.write(e, func(w io.Writer) error {
		eval.Evaluate(gold, res).Print(w, *verbose)
		if *perturb && *goldFile == "" {
			if err := evalPerturbedSeeds(ctx, &c, w, gold); err != nil {
				return err
			}
		}
		if *loo {
			tax, err := c.taxonomy()
			if err != nil {
				return err
			}
			l, err := eval.LeaveOneOut(ctx, gold, res.Documents, tax, eval.DefaultGrid())
			if err != nil {
				return err
			}
			fmt.Fprintln(w)
			l.Print(w)
		}
		var set *sharedSet
		if *shared != "" {
			if set, err = loadShared(ctx, e, *shared); err != nil {
				return err
			}
			if err := evalShared(ctx, e, &c, w, set, *verbose); err != nil {
				return err
			}
			if *perturb {
				if err := evalPerturbed(ctx, &c, w, *shared, set); err != nil {
					return err
				}
			}
		}
		if *loo || *fit != "" {
			return evalAlignModel(ctx, &c, w, set, *fit, *loo)
		}
		return nil
	})
}

// evalAlignModel fits the alignment model on every labelled pair (and
// writes it with --fit) and, with --loo, cross-validates it by document:
// on the seeds, and with a shared folder on its real documents too.
func evalAlignModel(ctx context.Context, c *common, w io.Writer, set *sharedSet, fitOut string, cv bool) error {
	gold := eval.DevGold()
	pairs, judged := gold.ClausePairs, gold.Judged
	var docs []*policycmp.Document
	if set != nil {
		pairs = append(pairs, set.gold.ClausePairs...)
		docs = set.docs
		real, err := eval.RealJudgements(docs)
		if err != nil {
			return err
		}
		judged = append(slices.Clone(judged), real...)
	} else {
		var err error
		if docs, err = policycmp.LoadFS(ctx, seeds.FS(), seeds.Names(), policycmp.Options{}); err != nil {
			return err
		}
	}
	tax, err := c.taxonomy()
	if err != nil {
		return err
	}
	cls := taxonomy.NewDict(tax, taxonomy.DictOptions{})
	for _, d := range docs {
		d.Classify(cls)
	}
	seg, err := segment.Shared()
	if err != nil {
		return err
	}
	base := policycmp.DefaultAligner{Segmenter: seg, Classifier: cls}
	samples, labelled, err := eval.PairSamples(ctx, docs, &base, pairs, judged)
	if err != nil {
		return err
	}
	pos := 0
	for _, s := range samples {
		if s.Label {
			pos++
		}
	}
	m, err := align.Fit(samples, align.FitOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nalignment model: %d labelled phrase pairs (%d positive: gold pairs and links judged right; %d negative: links judged wrong and near misses), %d documents\n", len(samples), pos, len(samples)-pos, len(docs))
	for k, name := range m.Features {
		fmt.Fprintf(w, "  %-13s weight %+.3f\n", name, m.Weights[k])
	}
	fmt.Fprintf(w, "  thresholds: related at P ≥ %.3f; equivalent at P ≥ %.3f, or at P ≥ %.3f for mutual best matches (the model alone); beside the rules, equivalent at P ≥ %.3f, or at P ≥ %.3f for mutual best matches\n", m.Related, m.Equivalent, m.Mutual, m.Sure, m.MutualSure)
	if fitOut != "" {
		m.Fitted = fmt.Sprintf("policycmp eval --fit on %d labelled phrase pairs (%d positive) of %d documents", len(samples), pos, len(docs))
		data, err := json.MarshalIndent(m, "", " ")
		if err != nil {
			return err
		}
		if err := writeFileAtomic(fitOut, append(data, '\n')); err != nil {
			return err
		}
		fmt.Fprintf(w, "  written to %s; the near misses labelled negative: %d\n", fitOut, countFalse(labelled))
	}
	if !cv {
		return nil
	}
	semantic := map[string]bool{}
	for _, p := range pairs {
		if p.Difficulty == "semantic" {
			semantic[p.ID] = true
		}
	}
	res, err := eval.CrossValidate(ctx, docs, base, pairs, semantic, judged, align.FitOptions{})
	if err != nil {
		return err
	}
	res.Print(w)
	return nil
}

func countFalse(ps []eval.LabelledPair) int {
	n := 0
	for _, p := range ps {
		if !p.Label {
			n++
		}
	}
	return n
}

// sharedSet is a shared folder's dev material: its gold and its real
// documents, ingested with the seeds their clause pairs name.
type sharedSet struct {
	goldPath string
	gold     *eval.Gold
	docs     []*policycmp.Document // the real documents, then the seeds
}

// loadShared reads DIR/gold/real-dev.json and DIR/real/*.txt with the seeds.
func loadShared(ctx context.Context, e *env, dir string) (*sharedSet, error) {
	goldPath := filepath.Join(dir, "gold", "real-dev.json")
	data, err := readFile(goldPath)
	if err != nil {
		return nil, err
	}
	gold, err := eval.ParseGold(data)
	if err != nil {
		return nil, err
	}
	real, err := loadRealDocs(ctx, e, dir)
	if err != nil {
		return nil, err
	}
	sd, err := policycmp.LoadFS(ctx, seeds.FS(), seeds.Names(), policycmp.Options{})
	if err != nil {
		return nil, err
	}
	return &sharedSet{goldPath: goldPath, gold: gold, docs: append(real, sd...)}, nil
}

// evalShared scores the real documents of a shared folder.
func evalShared(ctx context.Context, e *env, c *common, w io.Writer, set *sharedSet, verbose bool) error {
	tax, err := c.taxonomy()
	if err != nil {
		return err
	}
	res, err := compareDocs(ctx, e, c, tax, set.docs, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nreal documents (%s, with the seeds):\n", set.goldPath)
	eval.Evaluate(set.gold, res).Print(w, verbose)
	return nil
}

// evalPerturbedSeeds scores the embedded seeds under each perturbation of
// their layout against the seed gold.
func evalPerturbedSeeds(ctx context.Context, c *common, w io.Writer, gold *eval.Gold) error {
	docs := map[string][]byte{}
	for _, n := range seeds.Names() {
		data, err := seeds.Read(n)
		if err != nil {
			return err
		}
		docs[n] = data
	}
	return printPerturbed(ctx, c, w, "seeds perturbed (structure and metadata of each copy)", gold, docs)
}

// evalPerturbed scores the shared folder's real documents under each
// perturbation of their layout (eval.Perturbations).
func evalPerturbed(ctx context.Context, c *common, w io.Writer, dir string, set *sharedSet) error {
	files, err := filepath.Glob(filepath.Join(dir, "real", "*.txt"))
	if err != nil {
		return err
	}
	docs := map[string][]byte{}
	for _, f := range files {
		data, err := readFile(f)
		if err != nil {
			return err
		}
		docs[filepath.Base(f)] = data
	}
	return printPerturbed(ctx, c, w, "real documents perturbed (structure and metadata of each copy, "+set.goldPath+")", set.gold, docs)
}

// printPerturbed scores docs (by file name) under each perturbation and
// writes the table under title.
func printPerturbed(ctx context.Context, c *common, w io.Writer, title string, gold *eval.Gold, docs map[string][]byte) error {
	tax, err := c.taxonomy()
	if err != nil {
		return err
	}
	rs, err := eval.Perturbed(ctx, gold, docs, tax)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s:\n", title)
	eval.PrintRobustness(w, rs)
	return nil
}

func cmdTaxonomy(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags("taxonomy", e, &c, "text|json")
	if err := parseFlags(fs, args, &c, "text|json"); err != nil {
		return err
	}
	tax, err := c.taxonomy()
	if err != nil {
		return err
	}
	w, closeFn, err := c.output(e)
	if err != nil {
		return err
	}
	if c.format == "json" {
		err = writeJSON(w, tax)
	} else {
		for _, th := range tax.Themes {
			name := th.ZH
			if c.lang == "en" {
				name = th.EN
			}
			fmt.Fprintf(w, "%-26s %s\n", th.ID, name)
		}
	}
	return closeFn(err)
}

// loadRealDocs ingests the real documents of a shared folder: DIR/real/*.txt
// (the folder's README, which describes their hazards, is not one).
func loadRealDocs(ctx context.Context, e *env, dir string) ([]*policycmp.Document, error) {
	files, err := filepath.Glob(filepath.Join(dir, "real", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no real documents (*.txt)", filepath.Join(dir, "real"))
	}
	return loadInputs(ctx, e, files)
}
