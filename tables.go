package policycmp

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/policycmp/policycmp/extract"
	"github.com/policycmp/policycmp/structure"
)

// rawTable is a table the cleaner took out of the line flow, its cells as
// offset-mapped text.
type rawTable struct {
	span   [2]int // every line of the table in Raw, row numbers included
	kind   structure.TableKind
	header []mtext
	rows   []rawRow
}

type rawRow struct {
	number int
	cells  []mtext
}

// takeTables finds the flattened tables among the lines (structure.Tables),
// keeps them on c and returns the other lines. The line after a table
// starts a paragraph of its own.
func (c *cleaner) takeTables(lines []keptLine) []keptLine {
	texts := make([]string, len(lines))
	rows := make([]int, len(lines))
	for i, l := range lines {
		texts[i], rows[i] = l.m.String(), l.row
	}
	found := structure.TablesOfRows(texts, rows)
	if len(found) == 0 {
		return lines
	}
	join := func(sp structure.Span) mtext {
		var m mtext
		for k := sp.Start; k < sp.End; k++ {
			m.appendM(lines[k].m)
		}
		return m
	}
	var out []keptLine
	at := 0
	for _, t := range found {
		out = append(out, lines[at:t.Start]...)
		rt := rawTable{kind: t.Kind, span: [2]int{lines[t.Start].m.whole()[0], lines[t.End-1].m.whole()[1]}}
		for _, h := range t.Header {
			rt.header = append(rt.header, join(h))
		}
		for _, r := range t.Rows {
			row := rawRow{number: r.Number}
			for _, cell := range r.Cells {
				row.cells = append(row.cells, join(cell))
			}
			rt.rows = append(rt.rows, row)
		}
		c.tables = append(c.tables, rt)
		at = t.End
		if at < len(lines) {
			lines[at].blank = true
		}
	}
	return append(out, lines[at:]...)
}

// addTables records the tables on d: the rows of a task-division table as
// tasks, the rows of an indicator table as targets.
func (d *Document) addTables(tables []rawTable) {
	for k, rt := range tables {
		t := Table{ID: d.ID + "/表" + itoa(k+1), Kind: TableOther}
		switch rt.kind {
		case structure.IndicatorTable:
			t.Kind = TableIndicators
		case structure.TaskTable:
			t.Kind = TableTasks
		}
		var labels []string
		for _, h := range rt.header {
			t.Header = append(t.Header, cellOf(h))
			labels = append(labels, strings.ReplaceAll(h.String(), " ", ""))
		}
		for _, r := range rt.rows {
			var cells []Cell
			for _, c := range r.cells {
				cells = append(cells, cellOf(c))
			}
			t.Rows = append(t.Rows, cells)
		}
		t.Start, t.End = rt.span[0], rt.span[1]
		switch t.Kind {
		case TableTasks:
			// a table's tasks stand where the table does: a plan may set
			// its task table in its body, before its safeguards
			at := len(d.Tasks)
			for i, bt := range d.Tasks {
				if bt.Start > t.Start {
					at = i
					break
				}
			}
			d.Tasks = slices.Insert(d.Tasks, at, d.tableTasks(t.ID, labels, rt)...)
		case TableIndicators:
			t.Targets = d.tableTargets(t.ID, labels, rt)
		}
		d.Tables = append(d.Tables, t)
	}
}

func cellOf(m mtext) Cell {
	s, e := m.span(0, m.Len())
	return Cell{Text: m.String(), Start: s, End: e}
}

// cellAt returns the cell of row under the header label at col of ncols
// (the header counts the 序号 column, the row's cells do not). A row with
// fewer cells than the header lost its leftmost ones to cells merged
// across rows (a 领域 column), so its cells are aligned to the right.
func cellAt(r rawRow, col, ncols int) (mtext, bool) {
	i := col - 1
	if short := ncols - 1 - len(r.cells); short > 0 {
		i -= short
	}
	if col < 1 || i < 0 || i >= len(r.cells) {
		return mtext{}, false
	}
	return r.cells[i], true
}

// tableTasks returns a task for each row of a task-division table, with
// its departments and deadline.
//
// A plan often restates its numbered tasks in an annexed division-of-labour
// table (附件:重点任务分工表). A row whose task cell is a task of the body
// (its heading, or the start of its text) is that task's row, not a task
// of its own: its departments and deadline go to the body's task, and a
// warning says so (the row stays in the table).
func (d *Document) tableTasks(id string, labels []string, rt rawTable) []*Task {
	task := structure.ColumnOf(labels, "task_column")
	lead := structure.ColumnOf(labels, "lead_column")
	support := structure.ColumnOf(labels, "support_column")
	deadline := structure.ColumnOf(labels, "deadline_column")
	body := newRestated(d.Tasks)
	var out []*Task
	for _, r := range rt.rows {
		text, ok := cellAt(r, task, len(labels))
		if !ok {
			continue
		}
		num := itoa(r.number)
		deps, due := rowDuty(r, lead, support, deadline, len(labels))
		if bt := body.task(text.String()); bt != nil {
			bt.Departments.Merge(deps)
			if bt.Deadline == "" {
				bt.Deadline = due
			}
			s, _ := text.span(0, text.Len())
			d.warn(WarnDuplicate, s, "row %s of table %s restates task %s; its departments and deadline are that task's", num, strings.TrimPrefix(id, d.ID+"/"), bt.ID)
			continue
		}
		t := &Task{ID: id + "/" + num, Number: num, Path: []string{}, Heading: headingOf(text), Text: text.String(),
			NumberPath: []string{strings.TrimPrefix(id, d.ID+"/"), num}}
		t.full = t.Text
		t.Start, t.End = text.span(0, text.Len())
		for _, c := range splitClauses(text) {
			s, e := c.span(0, c.Len())
			t.Clauses = append(t.Clauses, Clause{ID: t.ID + "/c" + itoa(len(t.Clauses)+1), Text: c.String(), Start: s, End: e, spans: c.rawSpans()})
		}
		t.Departments.Merge(deps)
		t.Deadline = due
		t.Targets = extractTargets(t, d.Year)
		out = append(out, t)
	}
	return out
}

// rowDuty reads a task-division row's departments (its lead and support
// columns) and deadline (its deadline column); a column the table lacks
// is -1.
func rowDuty(r rawRow, lead, support, deadline, ncols int) (Departments, string) {
	var deps Departments
	if c, ok := cellAt(r, lead, ncols); ok {
		deps.Merge(dutyCell(c.String(), true))
	}
	if c, ok := cellAt(r, support, ncols); ok && support != lead {
		deps.Merge(dutyCell(c.String(), false))
	}
	due := ""
	if c, ok := cellAt(r, deadline, ncols); ok {
		due = c.String()
	}
	return deps, due
}

// dutyCell reads the departments a responsibility cell names: with the
// grammar of responsibility notes when it has one (市卫健委牵头,市财政局配合),
// else all of them as lead (or support) departments.
func dutyCell(s string, lead bool) Departments {
	if dep, ok := extract.Parse(s); ok {
		return dep
	}
	if dep, ok := extract.Parse(s + "负责"); ok && lead {
		return dep
	}
	names, local := extract.SplitLocal(extract.SplitNames(s))
	if lead {
		return Departments{Lead: names, Local: local}
	}
	return Departments{Support: names, Local: local}
}

var reCellNumber = regexp.MustCompile(`([<>≤≥]|不低于|不高于|不少于|不超过)?\s*(\d+(?:\.\d+)?)\s*(%|‰|个百分点)?\s*(以上|以下|以内|左右)?`)

// tableTargets reads the targets of an indicator table: from its target
// column (目标值, 2025年 …) with the indicator and unit columns, or, where
// the table has none, from the sentence a row states (全市…增幅控制在9%以内).
func (d *Document) tableTargets(id string, labels []string, rt rawTable) []Target {
	ind := structure.ColumnOf(labels, "indicator_column")
	target := structure.ColumnOf(labels, "target_column")
	if target < 0 { // 2020年 | 2025年: the last year is the target
		for i, l := range labels {
			if reLabelYear.MatchString(l) {
				target = i
			}
		}
	}
	unit := -1
	for i, l := range labels {
		if l == "单位" || l == "计量单位" {
			unit = i
		}
	}
	var out []Target
	for _, r := range rt.rows {
		rowID := id + "/" + itoa(r.number)
		name, _ := cellAt(r, ind, len(labels))
		val, ok := cellAt(r, target, len(labels))
		if !ok {
			for _, c := range r.cells {
				for _, tg := range extract.Targets(rowID, c.String(), d.Year) {
					if tg.Indicator == "" {
						tg.Indicator = name.String()
					}
					out = append(out, tg)
				}
			}
			continue
		}
		m := reCellNumber.FindStringSubmatch(val.String())
		if m == nil {
			continue
		}
		v, _ := strconv.ParseFloat(m[2], 64)
		cue := strings.NewReplacer("≥", "不低于", "≤", "不超过", ">", "超过", "<", "低于").Replace(m[1])
		u := m[3]
		if c, ok := cellAt(r, unit, len(labels)); ok && u == "" {
			u = strings.TrimSpace(c.String())
		}
		out = append(out, Target{Text: strings.TrimSpace(name.String() + " " + val.String()), Value: v, Unit: u,
			Comparator: extract.Comparator(cue, m[4]), Deadline: yearOf(labels[target]), Indicator: name.String(), ClauseID: rowID})
	}
	return out
}

var reLabelYear = regexp.MustCompile(`(20\d\d)年`)

// yearOf reads a year in a column label (2025年目标值), or 0.
func yearOf(s string) int {
	if m := reLabelYear.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

// restated finds the body task a table row restates, by the row's text
// with spaces and punctuation left out: the task's heading, or a text
// that opens with the whole heading (推进医共体建设,开展试点 restates 推进医共体建设;
// 推进医共体 does not). A text that would name two tasks names none.
// Headings are looked up by the row's first restateMaxHead runes at most,
// so a row costs a bounded number of lookups whatever the document's size.
type restated struct {
	byHead map[string][]int // heading key → tasks
	tasks  []*Task
}

const (
	// restateMaxHead is the longest heading, in runes, a table row is
	// matched to by its start (a longer one only by the row's whole text).
	restateMaxHead = 40
	// restateMinHead is the shortest heading, in runes, a row that goes on
	// past it restates: a row opening with a two-word heading (强化保障) is
	// not that task's.
	restateMinHead = 4
)

func newRestated(tasks []*Task) restated {
	r := restated{byHead: map[string][]int{}, tasks: tasks}
	for i, t := range tasks {
		if h := stringKey(t.Heading); h != "" {
			r.byHead[h] = append(r.byHead[h], i)
		}
	}
	return r
}

func (r restated) task(row string) *Task {
	k := stringKey(row)
	if k == "" || len(r.tasks) == 0 {
		return nil
	}
	found := -1
	take := func(h string) bool { // false: two tasks
		for _, i := range r.byHead[h] {
			if found >= 0 && found != i {
				return false
			}
			found = i
		}
		return true
	}
	if !take(k) {
		return nil
	}
	if found < 0 {
		n := 0
		for end := range k {
			if n++; n > restateMaxHead+1 {
				break
			}
			if n > restateMinHead && !take(k[:end]) {
				return nil
			}
		}
	}
	if found < 0 {
		return nil
	}
	return r.tasks[found]
}
