// Package report turns a policycmp comparison into what an analyst reads
// and a tool consumes: a theme × document coverage matrix, gaps against a
// reference document, unique local measures, targets side by side,
// responsibilities, aligned clauses with character diffs, and a summary per
// document. One Report value renders as Markdown, self-contained HTML, JSON
// or CSV.
package report

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/internal/topk"
	"github.com/policycmp/policycmp/internal/work"
	"github.com/policycmp/policycmp/segment"
	"github.com/policycmp/policycmp/taxonomy"
)

// Options tune Build. The zero value is ready to use.
type Options struct {
	// Reference is the ID or source file name of the document that gaps are
	// measured against; empty means the national document, if any.
	Reference string
	// Lang is the label language of rendered reports: "zh" (default) or "en".
	Lang string
	// MaxDiffs caps the equivalent pairs that Markdown and the report's
	// JSON list with diffs, strongest first; 0 means 60. The HTML page
	// reaches every aligned pair, page by page.
	MaxDiffs int
	// Related puts related links in Pairs too, not only equivalent ones.
	Related bool
	// MaxUnique caps the unique measures listed per document in Markdown;
	// 0 means 25. HTML (page by page), JSON and CSV list them all.
	MaxUnique int
	// Sections chooses the sections Markdown and HTML show after the
	// summary, from SectionNames; empty means all.
	Sections []string
	// Compact writes JSON without indentation (for large corpora).
	Compact bool
	// Words, when set, makes the diffs word by word on its tokens
	// (segment.Split) instead of character by character.
	Words segment.Segmenter
}

// Report is everything a comparison report shows.
type Report struct {
	Lang       string        `json:"lang"`
	Reference  string        `json:"reference,omitempty"`
	Documents  []DocSummary  `json:"documents"`
	Coverage   []CoverageRow `json:"coverage"`
	Gaps       []Gap         `json:"gaps"`
	Unique     []Unique      `json:"unique"`
	Targets    []TargetRow   `json:"targets"`
	Duties     []Duty        `json:"responsibilities"`
	ThemeDuty  []ThemeDuty   `json:"responsibilities_by_theme"`
	Pairs      []Pair        `json:"pairs"`
	PairsTotal int           `json:"pairs_total"`
	Taxonomy   []ThemeInfo   `json:"-"`
	opts       Options
	byDoc      map[string]int
	short      map[string]string
	res        *policycmp.Result
	clause     map[string]clauseInfo // clause ID → its text, task and document
	clauses    int                   // how many clauses the documents hold (clauseInfo.at counts them)
	docOf      map[string]string     // clause or task ID → document ID
	task       map[string]*policycmp.Task
	diffs      sync.Map // [2]string → []align.Op: the pairs' diffs, made once for Pairs and the page
}

// clauseInfo is what the renderers need of a clause.
type clauseInfo struct {
	text string
	task *policycmp.Task
	at   int32 // the clause's place in document, task and clause order
}

// DocSummary describes one document.
type DocSummary struct {
	ID            string   `json:"id"`
	Source        string   `json:"source"`
	Title         string   `json:"title"`
	Region        string   `json:"region"`
	Place         string   `json:"place,omitempty"`
	Level         string   `json:"level"`
	Year          int      `json:"year"`
	Tasks         int      `json:"tasks"`
	Clauses       int      `json:"clauses"`
	ThemesCovered int      `json:"themes_covered"`
	ThemesTotal   int      `json:"themes_total"`
	ReusedShare   float64  `json:"reused_from_reference"` // share of the document's clause text found near-verbatim in the reference
	Warnings      []string `json:"warnings"`              // in English: "[kind] detail"
	warnings      []policycmp.Warning
}

// ThemeInfo is a theme's names and domain.
type ThemeInfo struct {
	ID, ZH, EN, Domain, DomainZH, DomainEN string
}

// CoverageRow is one theme across the documents.
type CoverageRow struct {
	Theme  string `json:"theme"`
	Name   string `json:"name"`
	Domain string `json:"domain"`
	Cells  []Cell `json:"cells"` // one per document, in document order
}

// Cell is one theme in one document.
type Cell struct {
	Doc     string   `json:"doc"`
	Tasks   int      `json:"tasks"`   // tasks carrying the theme
	Primary int      `json:"primary"` // tasks whose primary theme it is
	Score   float64  `json:"score"`   // the strongest task score
	TaskIDs []string `json:"task_ids"`
}

// Gap lists what the reference has and a document lacks: the themes the
// reference covers and the document does not, and the reference's tasks
// that no task of the document is linked to as equivalent, out of
// RefTasks. A related task link alone does not close a gap: judged between
// two local plans, 12 of 13 equivalent task links join true counterparts
// and 6 of 32 related ones do; such tasks are listed with Related set.
type Gap struct {
	Doc      string    `json:"doc"`
	Themes   []string  `json:"themes"`
	Tasks    []GapTask `json:"tasks"`
	RefTasks int       `json:"reference_tasks"`
}

// GapTask is a task of the reference with no equivalent counterpart in a
// document.
type GapTask struct {
	ID      string `json:"id"`
	Heading string `json:"heading"`
	Theme   string `json:"theme"` // its primary theme
	// Related is set when a task of the document is linked to it as
	// related: a possible counterpart, for a reader to check.
	Related bool `json:"related,omitempty"`
}

// Unique is a clause with no counterpart in any other document.
type Unique struct {
	Doc    string `json:"doc"`
	Clause string `json:"clause"`
	Task   string `json:"task"`
	Theme  string `json:"theme"`
	Text   string `json:"text"`
}

// TargetRow is one metric across documents.
type TargetRow struct {
	Metric string        `json:"metric"`
	Unit   string        `json:"unit"`
	Cells  []TargetValue `json:"cells"`
}

// TargetValue is a document's target on a metric.
type TargetValue struct {
	Doc        string  `json:"doc"`
	Value      float64 `json:"value"`
	Unit       string  `json:"unit"`
	Comparator string  `json:"comparator"`
	Deadline   int     `json:"deadline,omitempty"`
	Text       string  `json:"text"`
	Task       string  `json:"task"`
}

// Duty is who is responsible for one task.
type Duty struct {
	Doc     string   `json:"doc"`
	Task    string   `json:"task"`
	Heading string   `json:"heading"`
	Theme   string   `json:"theme"`
	Lead    []string `json:"lead"`
	Support []string `json:"support"`
	Local   []string `json:"local,omitempty"`
	// Deadline is when the task is due, as the plan writes it (a
	// task-division table's 完成时限, a note's …前完成).
	Deadline string `json:"deadline,omitempty"`
}

// ThemeDuty counts how often each department leads or supports a theme's tasks.
type ThemeDuty struct {
	Theme string      `json:"theme"`
	Depts []DeptTally `json:"departments"`
}

// DeptTally is a department's share in a theme.
type DeptTally struct {
	Name    string `json:"name"`
	Lead    int    `json:"lead"`
	Support int    `json:"support"`
}

// Pair is an aligned pair of clauses with its diff.
type Pair struct {
	A        string  `json:"a"`
	B        string  `json:"b"`
	DocA     string  `json:"doc_a"`
	DocB     string  `json:"doc_b"`
	TextA    string  `json:"text_a"`
	TextB    string  `json:"text_b"`
	Theme    string  `json:"theme"`
	Score    float64 `json:"score"`
	Kind     string  `json:"kind"`
	Relation string  `json:"relation,omitempty"`
	Reason   string  `json:"reason,omitempty"` // Evidence in English
	// Evidence is why Relation, as values; Report.Why words it.
	Evidence *align.Evidence `json:"evidence,omitempty"`
	Diff     []DiffOp        `json:"diff"`
}

// DiffOp is one piece of a character diff: "equal", "delete" (only in A) or "insert" (only in B).
type DiffOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Build assembles the report of res.
func Build(res *policycmp.Result, opts Options) *Report {
	work.Default(&opts.Lang, "zh")
	work.Default(&opts.MaxDiffs, 60)
	if opts.MaxDiffs < 0 {
		opts.MaxDiffs = 0 // no pairs with diffs: the caller wants labels only
	}
	work.Default(&opts.MaxUnique, 25)
	tax := res.Taxonomy
	if tax == nil {
		tax = taxonomy.Default()
	}
	nt, nc := 0, 0
	for _, d := range res.Documents {
		for _, t := range d.Tasks {
			nt, nc = nt+1, nc+len(t.Clauses)
		}
	}
	r := &Report{Lang: opts.Lang, opts: opts, byDoc: map[string]int{}, res: res,
		clause: make(map[string]clauseInfo, nc), docOf: make(map[string]string, nt+nc), task: make(map[string]*policycmp.Task, nt)}
	for _, d := range res.Documents {
		for _, t := range d.Tasks {
			r.docOf[t.ID] = d.ID
			r.task[t.ID] = t
			for _, c := range t.Clauses {
				r.clause[c.ID] = clauseInfo{text: c.Text, task: t, at: int32(r.clauses)}
				r.clauses++
				r.docOf[c.ID] = d.ID
			}
		}
	}
	for _, th := range tax.Themes {
		d, _ := tax.Domain(th.Domain)
		r.Taxonomy = append(r.Taxonomy, ThemeInfo{ID: th.ID, ZH: th.ZH, EN: th.EN, Domain: th.Domain, DomainZH: d.ZH, DomainEN: d.EN})
	}
	for i, d := range res.Documents {
		r.byDoc[d.ID] = i
	}
	r.Reference = reference(res.Documents, opts.Reference)
	var names []DocSummary
	for _, d := range res.Documents {
		names = append(names, DocSummary{ID: d.ID, Region: d.Region, Place: d.Place, Year: d.Year})
	}
	r.short = shortLabels(names)
	r.buildCoverage(res)
	r.buildGaps(res)
	r.buildUnique(res)
	r.buildTargets(res)
	r.buildDuties(res)
	r.buildPairs(res)
	r.buildSummaries(res)
	return r
}

// reference picks the reference document: the one named, else the national one.
func reference(docs []*policycmp.Document, want string) string {
	for _, d := range docs {
		if want != "" && (d.ID == want || d.Source == want) {
			return d.ID
		}
	}
	if want != "" {
		return ""
	}
	for _, d := range docs {
		if d.Level == policycmp.LevelNational {
			return d.ID
		}
	}
	return ""
}

// Name returns a theme's label in the report language.
func (r *Report) Name(id string) string {
	if id == taxonomy.Unclassified {
		return r.L("unclassified")
	}
	for _, t := range r.Taxonomy {
		if t.ID == id {
			if r.Lang == "en" {
				return t.EN
			}
			return t.ZH
		}
	}
	return id
}

func (r *Report) buildCoverage(res *policycmp.Result) {
	for _, th := range r.Taxonomy {
		row := CoverageRow{Theme: th.ID, Name: r.Name(th.ID), Domain: th.Domain}
		for _, d := range res.Documents {
			c := Cell{Doc: d.ID, TaskIDs: []string{}}
			for _, t := range d.Tasks {
				for k, ts := range t.Themes {
					if ts.ID != th.ID {
						continue
					}
					c.Tasks++
					c.TaskIDs = append(c.TaskIDs, t.ID)
					c.Score = max(c.Score, ts.Score)
					if k == 0 {
						c.Primary++
					}
				}
			}
			row.Cells = append(row.Cells, c)
		}
		r.Coverage = append(r.Coverage, row)
	}
}

func (r *Report) covers(docIdx int, theme string) bool {
	for _, row := range r.Coverage {
		if row.Theme == theme {
			return row.Cells[docIdx].Tasks > 0
		}
	}
	return false
}

func (r *Report) buildGaps(res *policycmp.Result) {
	r.Gaps = []Gap{}
	if r.Reference == "" {
		return
	}
	ref := r.byDoc[r.Reference]
	refDoc := res.Documents[ref]
	// Which documents each reference task is linked to, and how.
	linked := map[[2]string]align.Kind{} // reference task, other document
	for _, l := range res.TaskAlignments {
		for _, p := range [][2]string{{l.A, l.B}, {l.B, l.A}} {
			if k := [2]string{p[0], r.docOf[p[1]]}; r.docOf[p[0]] == refDoc.ID && linked[k] != align.Equivalent {
				linked[k] = l.Kind
			}
		}
	}
	for i, d := range res.Documents {
		if d.ID == r.Reference {
			continue
		}
		g := Gap{Doc: d.ID, Themes: []string{}, Tasks: []GapTask{}, RefTasks: len(refDoc.Tasks)}
		for _, th := range r.Taxonomy {
			if r.covers(ref, th.ID) && !r.covers(i, th.ID) {
				g.Themes = append(g.Themes, th.ID)
			}
		}
		for _, t := range refDoc.Tasks {
			if k := linked[[2]string{t.ID, d.ID}]; k != align.Equivalent {
				g.Tasks = append(g.Tasks, GapTask{ID: t.ID, Heading: t.Heading, Theme: t.PrimaryTheme(), Related: k == align.Related})
			}
		}
		r.Gaps = append(r.Gaps, g)
	}
}

func (r *Report) buildUnique(res *policycmp.Result) {
	r.Unique = []Unique{}
	if len(res.Documents) < 2 {
		return
	}
	// The linked clauses, by their place: the links (a million at 1,000
	// documents) are read in parts on every core, each part marking its
	// own copy, and the copies joined.
	parts := work.InParts(len(res.Alignments), func(lo, hi int) []bool {
		marked := make([]bool, r.clauses)
		for _, l := range res.Alignments[lo:hi] {
			for _, id := range [2]string{l.A, l.B} {
				if c, ok := r.clause[id]; ok {
					marked[c.at] = true
				}
			}
		}
		return marked
	})
	linked := func(id string) bool {
		c, ok := r.clause[id]
		return ok && slices.ContainsFunc(parts, func(marked []bool) bool { return marked[c.at] })
	}
	for _, d := range res.Documents {
		for _, t := range d.Tasks {
			for _, c := range t.Clauses {
				if linked(c.ID) || utf8.RuneCountInString(c.Text) < 8 || c.Text == t.Heading {
					continue
				}
				r.Unique = append(r.Unique, Unique{Doc: d.ID, Clause: c.ID, Task: t.ID, Theme: t.PrimaryTheme(), Text: c.Text})
			}
		}
	}
}

// metric is the indicator of a target with the number taken out:
// 定向招生培养1300名左右医学生 → 定向招生培养医学生.
// metric names what a target measures: its indicator, with the words
// that follow its value and unit (达到90%的村卫生室 → …村卫生室); a target
// with no indicator is named by its text, so no row of the table is blank.
func metric(t policycmp.Target) string {
	m := t.Indicator
	if t.Unit != "" {
		// the unit right after the number, not the first 人 of 每千人口
		if at := unitAfterNumber(t.Text, t.Unit); at >= 0 {
			tail := strings.TrimLeft(t.Text[at+len(t.Unit):], "以上下内左右及的")
			// up to the first stop, without a conjunction that joins the next
			// target (…队伍和), and only words: not a lone stop (达到99%以上。)
			if k := strings.IndexAny(tail, "。；;，,：:"); k >= 0 {
				tail = tail[:k]
			}
			tail = strings.TrimRight(strings.TrimSpace(tail), "和及与或、并")
			// extract names the counted noun in the indicator already
			if n := utf8.RuneCountInString(tail); n >= 2 && n <= 12 && !strings.Contains(m, tail) {
				m += tail
			}
		}
	}
	if strings.TrimSpace(m) == "" {
		m = t.Text
	}
	return m
}

// unitAfterNumber returns the byte offset of the first occurrence of unit
// in s that follows a digit, or -1.
func unitAfterNumber(s, unit string) int {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], unit)
		if i < 0 {
			return -1
		}
		i += from
		if prev := strings.TrimRight(s[:i], " "); prev != "" && prev[len(prev)-1] >= '0' && prev[len(prev)-1] <= '9' {
			return i
		}
		from = i + len(unit)
	}
	return -1
}

func (r *Report) buildTargets(res *policycmp.Result) {
	r.Targets = []TargetRow{}
	// A target joins the first row (in order of creation) whose metric is
	// the same indicator in the same unit family and that holds no value
	// of its document yet; otherwise it opens a row. Rows are kept in
	// groups of one metric and unit family: a group's rows holding a
	// document's value are always its first ones (a value goes to the
	// first row without one, and a new row holds one), so the first row
	// free for a document is found by a count. The groups a target may
	// join share a character pair with its metric (an inverted index), and
	// each metric's pair keys are made once: a document of thousands of
	// targets on one metric no longer compares every pair of rows.
	type group struct {
		keys   align.IndicatorKeys
		family string
		rows   []int          // indexes into r.Targets, ascending
		taken  map[string]int // document → how many of rows hold its value
	}
	var groups []*group
	byMetric := map[[2]string]int{} // metric and unit family → group
	holding := map[uint64][]int32{} // character pair → groups whose metric holds it
	var seen []int32                // a stamp per group: the target that last saw it
	stamp := int32(0)
	for _, d := range res.Documents {
		add := func(tg policycmp.Target, where string) {
			m, fam := metric(tg), align.UnitFamily(tg.Unit)
			v := TargetValue{Doc: d.ID, Value: tg.Value, Unit: tg.Unit, Comparator: tg.Comparator, Deadline: tg.Deadline, Text: tg.Text, Task: where}
			keys := align.NewIndicatorKeys(m)
			stamp++
			best, bestG := -1, -1
			for _, k := range keys.Pairs() {
				for _, gi := range holding[k] {
					if seen[gi] == stamp {
						continue
					}
					seen[gi] = stamp
					g := groups[gi]
					if g.family != fam || !align.SameIndicatorKeys(g.keys, keys) {
						continue
					}
					if n := g.taken[d.ID]; n < len(g.rows) && (best < 0 || g.rows[n] < best) {
						best, bestG = g.rows[n], int(gi)
					}
				}
			}
			if best >= 0 {
				r.Targets[best].Cells = append(r.Targets[best].Cells, v)
				groups[bestG].taken[d.ID]++
				return
			}
			gi, ok := byMetric[[2]string{m, fam}]
			if !ok {
				gi = len(groups)
				byMetric[[2]string{m, fam}] = gi
				groups = append(groups, &group{keys: keys, family: fam, taken: map[string]int{}})
				seen = append(seen, 0)
				for k, key := range keys.Pairs() {
					if k == 0 || keys.Pairs()[k-1] != key {
						holding[key] = append(holding[key], int32(gi))
					}
				}
			}
			g := groups[gi]
			g.rows = append(g.rows, len(r.Targets))
			g.taken[d.ID]++
			r.Targets = append(r.Targets, TargetRow{Metric: m, Unit: tg.Unit, Cells: []TargetValue{v}})
		}
		for _, t := range d.Tasks {
			for _, tg := range t.Targets {
				add(tg, t.ID)
			}
		}
		// Targets of goal sections (工作目标) and indicator tables count too:
		// they are where a plan states most of its numbers.
		for _, sec := range d.Sections {
			for _, tg := range sec.Targets {
				add(tg, tg.ClauseID)
			}
		}
		for _, tb := range d.Tables {
			for _, tg := range tb.Targets {
				add(tg, tb.ID)
			}
		}
	}
	// Metrics shared by several documents first, then by first appearance.
	slices.SortStableFunc(r.Targets, func(a, b TargetRow) int {
		return cmp.Compare(min(len(b.Cells), 2), min(len(a.Cells), 2))
	})
}

func (r *Report) buildDuties(res *policycmp.Result) {
	r.Duties = []Duty{}
	tally := map[string]map[string]*DeptTally{}
	for _, d := range res.Documents {
		for _, t := range d.Tasks {
			dep := t.Departments
			if len(dep.Lead)+len(dep.Support)+len(dep.Local) == 0 && t.Deadline == "" {
				continue
			}
			th := t.PrimaryTheme()
			r.Duties = append(r.Duties, Duty{Doc: d.ID, Task: t.ID, Heading: t.Heading, Theme: th, Lead: nonNil(dep.Lead), Support: nonNil(dep.Support), Local: dep.Local, Deadline: t.Deadline})
			if tally[th] == nil {
				tally[th] = map[string]*DeptTally{}
			}
			for _, n := range dep.Lead {
				if tally[th][n] == nil {
					tally[th][n] = &DeptTally{Name: n}
				}
				tally[th][n].Lead++
			}
			for _, n := range dep.Support {
				if tally[th][n] == nil {
					tally[th][n] = &DeptTally{Name: n}
				}
				tally[th][n].Support++
			}
		}
	}
	r.ThemeDuty = []ThemeDuty{}
	for _, th := range r.Taxonomy {
		m := tally[th.ID]
		if len(m) == 0 {
			continue
		}
		td := ThemeDuty{Theme: th.ID}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			td.Depts = append(td.Depts, *m[k])
		}
		slices.SortStableFunc(td.Depts, func(a, b DeptTally) int {
			return cmp.Compare(b.Lead*2+b.Support, a.Lead*2+a.Support)
		})
		r.ThemeDuty = append(r.ThemeDuty, td)
	}
}

func (r *Report) buildPairs(res *policycmp.Result) {
	r.Pairs = []Pair{}
	var shown []int32 // the links that may be shown, by index
	for k, l := range res.Alignments {
		if l.Kind == align.Equivalent || r.opts.Related {
			shown = append(shown, int32(k))
		}
	}
	r.PairsTotal = len(shown)
	// Show the strongest pairs, then keep the document order.
	var eq []policycmp.Link
	for _, k := range strongest(shown, res.Alignments, r.opts.MaxDiffs) {
		eq = append(eq, res.Alignments[k])
	}
	r.sortLinks(eq)
	// Their diffs on every core, then the pairs in order.
	pairs, ok := make([]Pair, len(eq)), make([]bool, len(eq))
	_ = work.Do(context.Background(), len(eq), 0, func(k int) { pairs[k], ok[k] = r.pair(eq[k]) })
	for k, p := range pairs {
		if ok[k] {
			r.Pairs = append(r.Pairs, p)
		}
	}
}

// strongest returns the k links of idx with the highest scores, ties in
// input order (the first k of a stable sort by score), with a heap of k:
// the links can number millions and k is a page.
func strongest(idx []int32, links []policycmp.Link, k int) []int32 {
	worse := func(a, b int32) bool { // a ranks below b
		sa, sb := links[a].Score, links[b].Score
		return sa < sb || (sa == sb && a > b)
	}
	h := make([]int32, 0, min(k, len(idx)))
	for _, x := range idx {
		h = topk.Push(h, k, x, func(a, b int32) bool { return worse(b, a) })
	}
	slices.SortFunc(h, func(a, b int32) int {
		if worse(b, a) {
			return -1
		}
		if worse(a, b) {
			return 1
		}
		return 0
	})
	return h
}

// sortLinks orders links by their documents' order, then by their IDs.
func (r *Report) sortLinks(ls []policycmp.Link) {
	slices.SortStableFunc(ls, func(a, b policycmp.Link) int {
		if c := cmp.Compare(r.byDoc[r.docOf[a.A]], r.byDoc[r.docOf[b.A]]); c != 0 {
			return c
		}
		if c := cmp.Compare(r.byDoc[r.docOf[a.B]], r.byDoc[r.docOf[b.B]]); c != 0 {
			return c
		}
		return compareJoined(a.A, a.B, b.A, b.B)
	})
}

// compareJoined compares a1+a2 with b1+b2 without building them (the sort
// above runs it n log n times).
func compareJoined(a1, a2, b1, b2 string) int {
	at := func(x1, x2 string, i int) byte {
		if i < len(x1) {
			return x1[i]
		}
		return x2[i-len(x1)]
	}
	na, nb := len(a1)+len(a2), len(b1)+len(b2)
	for i := range min(na, nb) {
		if x, y := at(a1, a2, i), at(b1, b2, i); x != y {
			return cmp.Compare(x, y)
		}
	}
	return cmp.Compare(na, nb)
}

// pair is a clause link with its texts and diff.
func (r *Report) pair(l policycmp.Link) (Pair, bool) {
	ca, okA := r.clause[l.A]
	cb, okB := r.clause[l.B]
	if !okA || !okB {
		return Pair{}, false
	}
	p := Pair{A: l.A, B: l.B, DocA: r.docOf[l.A], DocB: r.docOf[l.B], TextA: ca.text, TextB: cb.text,
		Theme: ca.task.PrimaryTheme(), Score: l.Score, Kind: l.Kind.String(), Relation: l.Relation.String(), Reason: l.Reason, Evidence: l.Evidence}
	for _, op := range r.diff(ca.text, cb.text) {
		p.Diff = append(p.Diff, DiffOp{Op: op.Type.String(), Text: op.Text})
	}
	return p, true
}

// Marked renders the pair's diff as two marked texts: A with its
// deletions as [-…-], B with its insertions as {+…+} (see align.Marked).
func (p Pair) Marked() (a, b string) {
	ops := make([]align.Op, len(p.Diff))
	for i, op := range p.Diff {
		ops[i] = align.Op{Type: align.Equal, Text: op.Text}
		switch op.Op {
		case align.Delete.String():
			ops[i].Type = align.Delete
		case align.Insert.String():
			ops[i].Type = align.Insert
		}
	}
	return align.Marked(ops)
}

// diff is the character diff of two texts, or the word diff with Options.Words.
func (r *Report) diff(a, b string) []align.Op {
	key := [2]string{a, b}
	if ops, ok := r.diffs.Load(key); ok {
		return ops.([]align.Op)
	}
	var ops []align.Op
	if r.opts.Words != nil {
		ops = align.DiffTokens(segment.Split(r.opts.Words, a), segment.Split(r.opts.Words, b))
	} else {
		ops = align.Diff(a, b)
	}
	r.diffs.Store(key, ops)
	return ops
}

func (r *Report) buildSummaries(res *policycmp.Result) {
	reused := map[string]int{}
	for _, rs := range res.Reuse {
		if r.Reference == "" {
			break
		}
		switch r.Reference {
		case rs.BDoc:
			reused[rs.ADoc] += rs.Chars
		case rs.ADoc:
			reused[rs.BDoc] += rs.Chars
		}
	}
	for i, d := range res.Documents {
		s := DocSummary{ID: d.ID, Source: d.Source, Title: d.Title, Region: d.Region, Place: d.Place, Level: string(d.Level), Year: d.Year,
			Tasks: len(d.Tasks), ThemesTotal: len(r.Taxonomy), Warnings: []string{}}
		chars := 0
		for _, t := range d.Tasks {
			s.Clauses += len(t.Clauses)
			for _, c := range t.Clauses {
				chars += utf8.RuneCountInString(c.Text)
			}
		}
		for _, th := range r.Taxonomy {
			if r.covers(i, th.ID) {
				s.ThemesCovered++
			}
		}
		if chars > 0 && d.ID != r.Reference {
			s.ReusedShare = min(1, float64(reused[d.ID])/float64(chars))
		}
		for _, w := range d.Warnings {
			s.Warnings = append(s.Warnings, fmt.Sprintf("[%s] %s", w.Kind, w.Detail))
		}
		s.warnings = d.Warnings
		r.Documents = append(r.Documents, s)
	}
}

// WarningLine is a warning as a report shows it: its kind, its text in
// the report language, and the English detail.
type WarningLine struct {
	Kind, Text, Detail string
}

// Warnings returns the warnings of document id in the report language:
// in Chinese, what was done and how often, with the English detail kept
// for a tooltip.
func (r *Report) Warnings(id string) []WarningLine {
	var out []WarningLine
	for _, w := range r.Doc(id).warnings {
		line := WarningLine{Kind: string(w.Kind), Detail: w.Detail}
		if r.Lang == "en" {
			line.Text = fmt.Sprintf("[%s] %s", w.Kind, w.Detail)
		} else {
			parts := []string{r.L("w_" + string(w.Kind))}
			if len(w.Spans) > 0 {
				parts = append(parts, r.Lf("lines_removed", len(w.Spans)))
			}
			if w.Offset > 0 {
				parts = append(parts, r.Lf("at_offset", w.Offset))
			}
			line.Text = strings.Join(parts, " · ")
		}
		out = append(out, line)
	}
	return out
}

// Doc returns the summary of document id.
func (r *Report) Doc(id string) DocSummary {
	if i, ok := r.byDoc[id]; ok && i < len(r.Documents) {
		return r.Documents[i]
	}
	return DocSummary{ID: id}
}

// Short is a document's short label: its place as the document writes it
// (or its region), with its year; or its ID. Two documents that would get
// the same label (全国 2022, 全国 2022) are told apart by their IDs.
func (r *Report) Short(id string) string {
	if s, ok := r.short[id]; ok {
		return s
	}
	return label(r.Doc(id))
}

// shortLabels gives every document a label no other document has.
func shortLabels(docs []DocSummary) map[string]string {
	count := map[string]int{}
	for _, d := range docs {
		count[label(d)]++
	}
	out := map[string]string{}
	for _, d := range docs {
		l := label(d)
		if count[l] > 1 {
			l += " (" + d.ID + ")"
		}
		out[d.ID] = l
	}
	return out
}

func label(d DocSummary) string {
	id := d.ID
	name := d.Place
	if name == "" {
		name = d.Region
	}
	if name != "" {
		if d.Year > 0 {
			return fmt.Sprintf("%s %d", name, d.Year)
		}
		return name
	}
	return id
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
