package policycmp

import (
	"context"
	"fmt"
	"github.com/policycmp/policycmp/align"
	"io/fs"
	"slices"
	"strings"

	"github.com/policycmp/policycmp/internal/work"
	"github.com/policycmp/policycmp/taxonomy"
)

// Schema is the JSON schema identifier of Result.
const Schema = "policycmp/v1"

// Result is a comparison of documents: the analysed documents, their theme
// coverage and the alignments between them.
type Result struct {
	Schema         string      `json:"schema"`
	Documents      []*Document `json:"documents"`
	Alignments     []Link      `json:"alignments"`
	TaskAlignments []Link      `json:"task_alignments"`
	Reuse          []Reuse     `json:"reuse,omitempty"`

	Taxonomy *taxonomy.Taxonomy `json:"-"`
}

// Link joins a unit of one document to a unit of another.
type Link struct {
	A        string         `json:"a"`
	B        string         `json:"b"`
	Score    float64        `json:"score"`
	Kind     align.Kind     `json:"kind"`               // align.Equivalent or align.Related
	Relation align.Relation `json:"relation,omitempty"` // same, adapted, stronger, weaker; none for related links
	// Reason words Evidence in English.
	Reason string `json:"reason,omitempty"`
	// Evidence is why Relation, as values (report words it in Chinese or
	// English); nil for related links. Links with the same evidence may
	// share one value: treat it as read-only.
	Evidence *align.Evidence `json:"evidence,omitempty"`
}

// Reuse is a passage two documents share near-verbatim, found by local
// alignment of linked clauses.
type Reuse struct {
	A      string `json:"a"` // clause IDs
	B      string `json:"b"`
	ADoc   string `json:"a_doc"`
	BDoc   string `json:"b_doc"`
	AStart int    `json:"a_start"` // byte offsets into each document's Raw
	AEnd   int    `json:"a_end"`
	BStart int    `json:"b_start"`
	BEnd   int    `json:"b_end"`
	Text   string `json:"text"`
	Chars  int    `json:"chars"` // identical characters
}

// Config wires the stages of Compare. The zero value uses the default
// taxonomy, the dictionary classifier and the default aligner.
type Config struct {
	// Taxonomy to classify against; nil means taxonomy.Default().
	Taxonomy *taxonomy.Taxonomy
	// Classifier assigns themes; nil means a taxonomy.Dict over Taxonomy.
	Classifier taxonomy.Classifier
	// Aligner links clauses and tasks across documents; nil means the
	// default aligner (NewAligner(nil): jieba words, or character pairs in a
	// build without cgo).
	Aligner Aligner
	// NoAlign skips alignment: themes and coverage only.
	NoAlign bool
	// Workers bounds parallel work; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, is called after each stage step with done/total.
	Progress func(stage string, done, total int)
}

// Aligner finds links across documents. The align package provides the
// default implementation (align.New).
type Aligner interface {
	Align(ctx context.Context, docs []*Document) (clauses, tasks []Link, reuse []Reuse, err error)
}

// Compare classifies the documents' tasks and aligns them. Documents must
// have distinct IDs. Output order is deterministic: documents in the given
// order, links sorted by their IDs.
func Compare(ctx context.Context, docs []*Document, cfg Config) (*Result, error) {
	ids := map[string]bool{}
	for _, d := range docs {
		if ids[d.ID] {
			return nil, fmt.Errorf("policycmp: compare: duplicate document ID %q", d.ID)
		}
		ids[d.ID] = true
	}
	tax := cfg.Taxonomy
	if tax == nil {
		tax = taxonomy.Default()
	}
	cls := cfg.Classifier
	if cls == nil {
		cls = taxonomy.NewDict(tax, taxonomy.DictOptions{})
	}
	if err := parallel(ctx, len(docs), cfg.Workers, func(i int) { docs[i].Classify(cls) }); err != nil {
		return nil, err
	}
	if cfg.Progress != nil {
		cfg.Progress("classify", len(docs), len(docs))
	}
	res := &Result{Schema: Schema, Documents: docs, Alignments: []Link{}, TaskAlignments: []Link{}, Taxonomy: tax}
	if !cfg.NoAlign {
		al := cfg.Aligner
		if al == nil {
			al = NewAligner(nil)
		}
		if da, ok := al.(*DefaultAligner); ok && da.Classifier == nil {
			withThemes := *da
			withThemes.Classifier = cls
			al = &withThemes
		}
		cl, tl, reuse, err := al.Align(ctx, docs)
		if err != nil {
			return nil, fmt.Errorf("policycmp: compare: %w", err)
		}
		res.Alignments, res.TaskAlignments, res.Reuse = cl, tl, reuse
		if cfg.Progress != nil {
			cfg.Progress("align", len(docs), len(docs))
		}
	}
	return res, nil
}

// Parallel runs f(0..n-1) on up to workers goroutines (0: GOMAXPROCS)
// and stops handing out work when ctx is cancelled, returning its error.
func Parallel(ctx context.Context, n, workers int, f func(i int)) error {
	return parallel(ctx, n, workers, f)
}

func parallel(ctx context.Context, n, workers int, f func(i int)) error {
	return work.Do(ctx, n, workers, f)
}

// LoadFS ingests every named file of fsys (all .txt, .md and .html files at
// the top level when names is empty), in parallel, in name order.
func LoadFS(ctx context.Context, fsys fs.FS, names []string, opts Options) ([]*Document, error) {
	if len(names) == 0 {
		entries, err := fs.ReadDir(fsys, ".")
		if err != nil {
			return nil, fmt.Errorf("policycmp: load: %w", err)
		}
		for _, e := range entries {
			if !e.IsDir() && isTextFile(e.Name()) {
				names = append(names, e.Name())
			}
		}
		slices.Sort(names)
	}
	docs := make([]*Document, len(names))
	errs := make([]error, len(names))
	err := parallel(ctx, len(names), 0, func(i int) {
		data, err := fs.ReadFile(fsys, names[i])
		if err != nil {
			errs[i] = fmt.Errorf("policycmp: load %s: %w", names[i], err)
			return
		}
		docs[i], errs[i] = IngestContext(ctx, names[i], data, opts)
	})
	if err != nil {
		return nil, err
	}
	for _, e := range errs {
		if e != nil {
			return nil, e
		}
	}
	return docs, nil
}

// Document returns the document with the given ID, or nil.
func (r *Result) Document(id string) *Document {
	for _, d := range r.Documents {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// Clause returns the clause with the given ID (a link's A or B) and the
// task that holds it, or nils. A clause ID starts with its document's ID.
func (r *Result) Clause(id string) (*Clause, *Task) {
	doc, _, _ := strings.Cut(id, "/")
	if d := r.Document(doc); d != nil {
		return d.Clause(id)
	}
	return nil, nil
}
