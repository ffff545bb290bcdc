package policycmp

import (
	"unicode/utf8"

	"github.com/policycmp/policycmp/extract"
)

// Document is one policy document after ingest and structure parsing.
//
// All Start/End offsets are byte offsets into Raw, the input decoded to UTF-8
// (for valid UTF-8 input without a BOM, Raw is the input itself; for an
// HTML page, the page's text).
type Document struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Metadata

	// Raw is the decoded input that offsets point into.
	Raw string `json:"-"`
	// Text is the cleaned text: simplified Chinese, NFKC, chrome removed,
	// one paragraph a line.
	Text string `json:"-"`

	Warnings []Warning `json:"warnings"`
	Sections []Section `json:"sections"`
	// Tables are the tables found in the text (flattened one cell a line):
	// never tasks themselves; a task-division table gives tasks, an
	// indicator table targets.
	Tables []Table `json:"tables"`
	Tasks  []*Task `json:"tasks"`
}

// Metadata describes where a document comes from (package extract). Fields
// left empty were not found in the text; callers may override any of them
// (see Options.Metadata).
type Metadata = extract.Metadata

// Level is the administrative level of the issuing government.
type Level = extract.Level

// Administrative levels, from the top.
const (
	LevelNational   = extract.LevelNational
	LevelProvince   = extract.LevelProvince
	LevelPrefecture = extract.LevelPrefecture
	LevelCity       = extract.LevelCity
	LevelDistrict   = extract.LevelDistrict
	LevelCounty     = extract.LevelCounty
)

// Section is text of a document that is not part of any task: the
// preamble, a section's own prose, a framing section (指导思想, 工作目标 …),
// safeguard prose, closing clauses and annexes. Start and End span it in
// Raw (from its first paragraph to its last; the heading of a numbered
// section stands before Start).
type Section struct {
	Kind    SectionKind `json:"kind"`
	Number  string      `json:"number,omitempty"`
	Heading string      `json:"heading,omitempty"`
	Text    string      `json:"text"`
	Start   int         `json:"start"`
	End     int         `json:"end"`
	Targets []Target    `json:"targets,omitempty"`
}

// Table is a table of the document. Header and the cells of Rows hold the
// text of each cell with its span in Raw.
type Table struct {
	ID      string    `json:"id"`   // the document ID and /表N
	Kind    TableKind `json:"kind"` // indicator, tasks or other
	Header  []Cell    `json:"header"`
	Rows    [][]Cell  `json:"rows"`
	Start   int       `json:"start"`
	End     int       `json:"end"`
	Targets []Target  `json:"targets,omitempty"` // one or more a row of an indicator table
}

// Cell is one cell of a table.
type Cell struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// TableKind says what a table holds.
type TableKind string

// Table kinds.
const (
	TableIndicators TableKind = "indicators" // 指标 / 目标值: its rows are targets
	TableTasks      TableKind = "tasks"      // 任务 / 责任单位 / 完成时限: its rows are tasks
	TableOther      TableKind = "other"
)

// SectionKind says what a section holds.
type SectionKind string

// Section kinds.
const (
	SectionPreamble  SectionKind = "preamble"  // before the first numbered item
	SectionText      SectionKind = "text"      // a section's or group's own prose
	SectionFraming   SectionKind = "framing"   // 指导思想, 基本原则, 工作目标, 规划背景 …
	SectionSafeguard SectionKind = "safeguard" // prose of a safeguard section (组织保障 …)
	SectionClosing   SectionKind = "closing"   // effective date, disclosure and distribution notes, signature
	SectionAnnex     SectionKind = "annex"     // 附件: attachment lists, annex tables and indicator rows
)

// Task is a numbered work item: a leaf of the numbering tree.
type Task struct {
	ID      string   `json:"id"`
	Number  string   `json:"number"`
	Path    []string `json:"path"` // headings of the enclosing sections and groups
	Heading string   `json:"heading"`
	Text    string   `json:"text"`

	Themes      []ThemeScore `json:"themes"`
	Clauses     []Clause     `json:"clauses"`
	Departments Departments  `json:"departments"`
	Targets     []Target     `json:"targets"`
	// Deadline is when the task is due, as written (a task-division
	// table's 完成时限: 2024年12月底前).
	Deadline string `json:"deadline,omitempty"`
	// Safeguard marks a task of a safeguard section (组织保障, 保障措施 …):
	// organising the plan rather than a reform measure.
	Safeguard bool `json:"safeguard"`

	// Start and End span the whole task in Document.Raw.
	Start int `json:"-"`
	End   int `json:"-"`
	// NumberPath is the numbering of the task and its parents, e.g. ["二", "(一)", "1"].
	NumberPath []string `json:"-"`

	full string
}

// FullText is the task as written in the clean text: with its number and
// the responsibility note that Text leaves out.
func (t *Task) FullText() string {
	if t.full == "" {
		return t.Text
	}
	return t.full
}

// Clause is one sentence of a task.
type Clause struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Damaged bool   `json:"damaged"`

	spans rawSpans // the raw offsets of each rune of Text
}

// rawSpan maps a byte span of the clause text to raw offsets.
func (c *Clause) rawSpan(start, end int) (int, int) {
	if c.spans.Len() == 0 {
		return c.Start, c.End
	}
	start, end = min(max(start, 0), len(c.Text)), min(max(end, 0), len(c.Text))
	rs := utf8.RuneCountInString(c.Text[:start])
	return c.spans.span(rs, rs+utf8.RuneCountInString(c.Text[start:end]))
}

// Departments names who is responsible for a task (package extract).
type Departments = extract.Departments

// Target is a quantitative target (package extract).
type Target = extract.Target

// ThemeScore is one theme assigned to a task.
type ThemeScore struct {
	ID       string     `json:"id"`
	Score    float64    `json:"score"`
	Evidence []Evidence `json:"evidence"`
}

// Evidence is a term that fired for a theme, and where.
type Evidence struct {
	Term     string `json:"term"`
	ClauseID string `json:"clause_id"` // empty when the term stands in Group
	Start    int    `json:"start"`     // byte offset into Document.Raw
	End      int    `json:"end"`
	Heading  bool   `json:"heading,omitempty"`
	// Group is the heading of the task's group the term stands in, when
	// the task's own text names no theme and takes its group's.
	Group string `json:"group,omitempty"`
}

// Warning reports something ingest repaired or could not handle.
type Warning struct {
	Kind   WarningKind `json:"kind"`
	Detail string      `json:"detail"`
	Offset int         `json:"offset,omitempty"` // byte offset into Raw, when it has one
	// Spans are the byte ranges of Raw that a removal took out of the text
	// (page chrome, control characters, editor markers, pinyin, the second
	// copy of a pasted-twice document, pull-quotes): with the tasks,
	// sections and tables they account for every character of the input.
	Spans [][2]int `json:"spans,omitempty"`
}

// WarningKind classifies warnings.
type WarningKind string

// Warning kinds.
const (
	WarnEncoding     WarningKind = "encoding"
	WarnHTML         WarningKind = "html"
	WarnDocx         WarningKind = "docx"
	WarnXlsx         WarningKind = "xlsx"
	WarnMarkdown     WarningKind = "markdown"
	WarnControl      WarningKind = "control"
	WarnInvalidBytes WarningKind = "invalid_bytes"
	WarnTraditional  WarningKind = "traditional"
	WarnPinyin       WarningKind = "pinyin"
	WarnDamaged      WarningKind = "damaged"
	WarnBoilerplate  WarningKind = "boilerplate"
	WarnDuplicate    WarningKind = "duplicate"
	WarnRejoined     WarningKind = "rejoined"
	WarnReflowed     WarningKind = "reflowed"
	WarnPullQuote    WarningKind = "pull_quote"
	WarnNoStructure  WarningKind = "no_structure"
	WarnUnclassified WarningKind = "unclassified"
	WarnTruncated    WarningKind = "truncated"
)

func (d *Document) warn(kind WarningKind, offset int, format string, args ...any) {
	d.Warnings = append(d.Warnings, Warning{Kind: kind, Detail: sprintf(format, args...), Offset: offset})
}

// warnSpans records a removal and the spans it took out of the text.
func (d *Document) warnSpans(kind WarningKind, spans [][2]int, format string, args ...any) {
	off := 0
	if len(spans) > 0 {
		off = spans[0][0]
	}
	d.Warnings = append(d.Warnings, Warning{Kind: kind, Detail: sprintf(format, args...), Offset: off, Spans: spans})
}

// Task returns the task with the given ID, or nil.
func (d *Document) Task(id string) *Task {
	for _, t := range d.Tasks {
		if t.ID == id {
			return t
		}
	}
	return nil
}
