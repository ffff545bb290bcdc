package policycmp

import (
	"context"
	"fmt"
	"github.com/policycmp/policycmp/extract"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Options control ingest. The zero value is ready to use.
type Options struct {
	// ID names the document in task and clause IDs. Empty means the
	// source's base name without extension.
	ID string
	// Metadata overrides what ingest finds in the text: every non-zero
	// field replaces the extracted one.
	Metadata Metadata
	// MaxBytes limits the input size; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// Ingest decodes, cleans and parses one document. name is the source file
// name (only its base name is kept). Ingest fails only for input that holds
// no text: empty, binary, or over the size limit. Everything else it repairs
// or keeps, and says so in Document.Warnings.
func Ingest(name string, data []byte, opts Options) (*Document, error) {
	return IngestContext(context.Background(), name, data, opts)
}

// IngestContext is Ingest that stops when ctx is cancelled: between its
// stages and every few thousand lines inside them.
func IngestContext(ctx context.Context, name string, data []byte, opts Options) (*Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	limit := opts.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("ingest %s: %d bytes, limit %d: %w", name, len(data), limit, ErrTooLarge)
	}
	dec, warns, err := decode(data, name)
	if err != nil {
		return nil, fmt.Errorf("ingest %s: %w", name, err)
	}
	raw := dec.Text
	base := filepath.Base(filepath.ToSlash(name))
	if name == "" {
		base = ""
	}
	d := &Document{ID: reIDUnsafe.ReplaceAllString(opts.ID, "_"), Source: base, Raw: raw, Warnings: warns}
	if d.ID == "" {
		d.ID = docID(base)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c := &cleaner{doc: d, fields: map[string]string{}, ctx: ctx}
	paras := c.run(raw)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ingest %s: %w", name, err)
	}
	if _, ok := c.fields["标题"]; !ok && dec.Title != "" {
		c.fields["标题"] = NormalizeString(dec.Title) // a page's <title> is a title candidate
	}
	strs := bodyStrings(paras) // the paragraphs as strings, made once: each is read three times
	d.Text = strings.Join(strs, "\n")
	if strings.TrimSpace(d.Text) == "" && len(c.tables) == 0 { // a plan that is one table is no empty plan
		return nil, fmt.Errorf("ingest %s: nothing left after removing page chrome: %w", name, ErrEmpty)
	}
	d.Metadata = extract.Read(strs, c.fields)
	d.override(opts.Metadata)
	d.buildStructure(paras, strs, c.damaged)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ingest %s: %w", name, err)
	}
	d.addTables(c.tables)
	d.dutyConventions()
	if len(d.Tasks) == 0 {
		d.warn(WarnNoStructure, 0, "no numbered tasks found (一、/(一)/1./一是/第一条, or a task table); the whole text is kept as section text")
	}
	d.fillEmpty()
	return d, nil
}

// IngestReader reads r to the end (at most the size limit) and ingests it.
func IngestReader(name string, r io.Reader, opts Options) (*Document, error) {
	limit := opts.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("ingest %s: read: %w", name, err)
	}
	return Ingest(name, data, opts)
}

// IngestFile reads and ingests the file at path.
func IngestFile(path string, opts Options) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	defer f.Close()
	return IngestReader(path, f, opts)
}

// IngestString ingests a document held in a string.
func IngestString(name, text string) (*Document, error) {
	return Ingest(name, []byte(text), Options{})
}

// fillEmpty gives every list of the document a value, so the JSON holds
// [] where there is nothing, never null.
func (d *Document) fillEmpty() {
	d.Warnings = orEmpty(d.Warnings)
	d.Sections = orEmpty(d.Sections)
	d.Tables = orEmpty(d.Tables)
	d.Tasks = orEmpty(d.Tasks)
	for i := range d.Sections {
		d.Sections[i].Targets = orEmpty(d.Sections[i].Targets)
	}
	for i := range d.Tables {
		d.Tables[i].Targets = orEmpty(d.Tables[i].Targets)
	}
	for _, t := range d.Tasks {
		t.Path = orEmpty(t.Path)
		t.Clauses = orEmpty(t.Clauses)
		t.Targets = orEmpty(t.Targets)
		t.Departments.Lead = orEmpty(t.Departments.Lead)
		t.Departments.Support = orEmpty(t.Departments.Support)
	}
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Rename gives the document another ID, and its tasks, clauses, sections'
// targets and tables IDs under it: two inputs with the same base name.
func (d *Document) Rename(id string) {
	old := d.ID + "/"
	re := func(s string) string {
		if strings.HasPrefix(s, old) {
			return id + "/" + s[len(old):]
		}
		return s
	}
	d.ID = id
	for _, t := range d.Tasks {
		t.ID = re(t.ID)
		for i := range t.Clauses {
			t.Clauses[i].ID = re(t.Clauses[i].ID)
		}
		for i := range t.Targets {
			t.Targets[i].ClauseID = re(t.Targets[i].ClauseID)
		}
		for i := range t.Themes {
			for k := range t.Themes[i].Evidence {
				t.Themes[i].Evidence[k].ClauseID = re(t.Themes[i].Evidence[k].ClauseID)
			}
		}
	}
	for i := range d.Sections {
		for k := range d.Sections[i].Targets {
			d.Sections[i].Targets[k].ClauseID = re(d.Sections[i].Targets[k].ClauseID)
		}
	}
	for i := range d.Tables {
		d.Tables[i].ID = re(d.Tables[i].ID)
		for k := range d.Tables[i].Targets {
			d.Tables[i].Targets[k].ClauseID = re(d.Tables[i].Targets[k].ClauseID)
		}
	}
}

func (d *Document) override(m Metadata) {
	if m.Title != "" {
		d.Title = m.Title
	}
	if m.Region != "" {
		d.Region, d.Place, d.RegionCode = m.Region, m.Place, m.RegionCode
		if d.Place == "" {
			d.Place = m.Region
		}
	}
	if m.Level != "" {
		d.Level = m.Level
	}
	if m.Year != 0 {
		d.Year = m.Year
	}
	if m.Date != "" {
		d.Date = m.Date
	}
	if m.DocNumber != "" {
		d.DocNumber = m.DocNumber
	}
	if m.Issuer != "" {
		d.Issuer = m.Issuer
	}
}

// reIDUnsafe matches what an ID may not hold: IDs go into Markdown, HTML,
// CSV and terminal output, so they keep letters, digits and ._~- only.
var reIDUnsafe = regexp.MustCompile(`[^\p{L}\p{N}._~-]+`)

func docID(base string) string {
	id := strings.TrimSuffix(base, filepath.Ext(base))
	id = reIDUnsafe.ReplaceAllString(id, "_")
	if id == "" {
		id = "doc"
	}
	return id
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

func itoa(n int) string { return strconv.Itoa(n) }
