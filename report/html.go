package report

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/internal/work"
)

// HTML writes the report as one self-contained page an analyst works in:
// styles, data and script are inline, nothing is loaded from the network.
// Filters by document, theme, relation and text apply to every section; a
// heatmap cell opens its tasks with the theme terms highlighted; every
// aligned pair is reachable page by page; two documents can be read side
// by side, task by task, with their diffs. All document text goes through
// html/template (markup) or the page data (JSON, set as text by the
// script), so a hostile document cannot inject markup or script.
func (r *Report) HTML(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10) // the template writes in hundreds of small pieces
	if err := pageTemplate().Execute(bw, r); err != nil {
		return err
	}
	return bw.Flush()
}

//go:embed page.html.tmpl
var pageHTML string

//go:embed page.js
var pageJS string

// pageTemplate parses the page; the template is built per call, so no
// package state is shared between reports.
func pageTemplate() *template.Template {
	t := template.New("page")
	return template.Must(t.Funcs(template.FuncMap{
		"heat":  heat,
		"pct":   func(f float64) string { return fmt.Sprintf("%.1f%%", f*100) },
		"join":  func(s []string) string { return strings.Join(s, "、") },
		"sign":  cmpSign,
		"num":   func(f float64) string { return fmt.Sprintf("%g", f) },
		"add":   func(a, b int) int { return a + b },
		"short": func(r *Report, id string) string { return r.Short(id) },
		"groups": func(r *Report) []domainGroup {
			return r.domainGroups()
		},
		"script": func() template.JS { return template.JS(pageJS) },
		"section": func(r *Report, name string) (template.HTML, error) {
			// Each section is its own template, run by name from the table
			// of sections; its output is already escaped by html/template.
			var buf bytes.Buffer
			err := t.ExecuteTemplate(&buf, name, r)
			return template.HTML(buf.String()), err
		},
	}).Parse(pageHTML))
}

// domainGroups returns the coverage rows grouped by domain, in taxonomy
// order, each row with its index in Report.Coverage.
func (r *Report) domainGroups() []domainGroup {
	var out []domainGroup
	for i, row := range r.Coverage {
		if n := len(out); n == 0 || out[n-1].ID != row.Domain {
			name := row.Domain
			for _, t := range r.Taxonomy {
				if t.Domain == row.Domain {
					name = t.DomainZH
					if r.Lang == "en" {
						name = t.DomainEN
					}
					break
				}
			}
			out = append(out, domainGroup{ID: row.Domain, Name: name})
		}
		g := &out[len(out)-1]
		g.Rows = append(g.Rows, heatRow{Index: i, CoverageRow: row})
	}
	return out
}

type domainGroup struct {
	ID, Name string
	Rows     []heatRow
}

type heatRow struct {
	Index int
	CoverageRow
}

// heat is the background of a heatmap cell: computed from numbers only.
func heat(c Cell) template.CSS {
	if c.Tasks == 0 {
		return template.CSS("background:#f7f7f5")
	}
	a := 0.2 + 0.8*min(1, float64(c.Tasks+c.Primary)/5)
	return template.CSS(fmt.Sprintf("background:rgba(29,78,216,%.2f);color:%s", a, map[bool]string{true: "#fff", false: "#111"}[a > 0.6]))
}

// CellTitle is a heatmap cell's tooltip: the headings of its tasks and the
// strongest theme score.
func (r *Report) CellTitle(c Cell) string {
	if c.Tasks == 0 {
		return ""
	}
	var heads []string
	for _, id := range c.TaskIDs {
		if t := r.task[id]; t != nil {
			heads = append(heads, t.Heading)
		}
	}
	return fmt.Sprintf("%s %.2f · %s", r.L("theme_score"), c.Score, strings.Join(heads, "；"))
}

// DocIndex is the position of document id in the report.
func (r *Report) DocIndex(id string) int { return r.byDoc[id] }

// ThemeIndex is the position of theme id in the taxonomy, or -1.
func (r *Report) ThemeIndex(id string) int {
	return slices.IndexFunc(r.Taxonomy, func(t ThemeInfo) bool { return t.ID == id })
}

// Chosen lists the sections the page shows, by template name.
func (r *Report) Chosen() []string {
	var out []string
	for _, s := range r.chosen() {
		if s.html != "" {
			out = append(out, s.html)
		}
	}
	return out
}

// PageData is what the page script works on: every task, clause and link
// of the result, by index, with diffs as run lengths. The page embeds it
// as JSON; its fields are the page's, not a stable API.
type PageData struct {
	Docs      []pageDoc     `json:"docs"`
	Themes    []pageTheme   `json:"themes"`
	Tasks     []pageTask    `json:"tasks"`
	Clauses   []pageClause  `json:"clauses"`
	Pairs     []pagePair    `json:"pairs"`
	TaskLinks []pageLink    `json:"tlinks"`
	Unique    []int         `json:"unique"`
	Labels    labelsForPage `json:"l"`
	Reference int           `json:"ref"`
}

type labelsForPage map[string]string

type pageDoc struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Title string `json:"title"`
}

type pageTheme struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type pageTask struct {
	ID      string     `json:"id"`
	Doc     int        `json:"d"`
	Heading string     `json:"h"`
	Themes  []int      `json:"th"` // theme indices, primary first; -1 is unclassified
	Scores  []float64  `json:"sc"`
	Terms   [][]string `json:"ev"` // the terms that fired, per theme
	Clauses []int      `json:"c"`
}

type pageClause struct {
	ID   string `json:"id"`
	Task int    `json:"t"`
	Text string `json:"x"`
}

// pagePair is a clause link. Diff (equivalent pairs only) is run lengths in runes: pairs of
// (operation, length), 0 kept, 1 only in A, 2 only in B.
type pagePair struct {
	Score    float64 `json:"s"`
	Kind     string  `json:"k"`
	Relation string  `json:"r"`
	Why      string  `json:"w"`
	Diff     []int   `json:"d"`
	Ends     [2]int  `json:"ab"`
}

type pageLink struct {
	Ends  [2]int  `json:"ab"`
	Score float64 `json:"s"`
	Kind  string  `json:"k"`
}

// pageLabels are the labels the script shows.
var pageLabels = []string{"all", "prev", "next", "page_of", "nothing", "only_in", "no_counterpart", "cell_tasks", "close",
	"evidence", "score", "same", "adapted", "stronger", "weaker", "related", "equivalent", "task", "theme_score", "unclassified"}

// Data builds the page data the HTML report embeds.
func (r *Report) Data() PageData {
	pd := PageData{Labels: labelsForPage{}, Unique: []int{}, Pairs: []pagePair{}, TaskLinks: []pageLink{}, Reference: -1}
	for _, k := range pageLabels {
		pd.Labels[k] = r.L(k)
	}
	for _, t := range r.Taxonomy {
		pd.Themes = append(pd.Themes, pageTheme{ID: t.ID, Name: r.Name(t.ID)})
	}
	taskAt, clauseAt := map[string]int{}, map[string]int{}
	for i, d := range r.res.Documents {
		pd.Docs = append(pd.Docs, pageDoc{ID: d.ID, Label: r.Short(d.ID), Title: d.Title})
		if d.ID == r.Reference {
			pd.Reference = i
		}
		for _, t := range d.Tasks {
			pt := pageTask{ID: t.ID, Doc: i, Heading: t.Heading, Themes: []int{}, Scores: []float64{}, Terms: [][]string{}, Clauses: []int{}}
			for _, ts := range t.Themes {
				pt.Themes = append(pt.Themes, r.ThemeIndex(ts.ID))
				pt.Scores = append(pt.Scores, ts.Score)
				var terms []string
				for _, ev := range ts.Evidence {
					if !slices.Contains(terms, ev.Term) {
						terms = append(terms, ev.Term)
					}
				}
				pt.Terms = append(pt.Terms, append([]string{}, terms...))
			}
			taskAt[t.ID] = len(pd.Tasks)
			for _, c := range t.Clauses {
				clauseAt[c.ID] = len(pd.Clauses)
				pt.Clauses = append(pt.Clauses, len(pd.Clauses))
				pd.Clauses = append(pd.Clauses, pageClause{ID: c.ID, Task: len(pd.Tasks), Text: c.Text})
			}
			pd.Tasks = append(pd.Tasks, pt)
		}
	}
	links := slices.Clone(r.res.Alignments)
	slices.SortStableFunc(links, func(a, b policycmp.Link) int { return cmp.Compare(b.Score, a.Score) })
	for _, l := range links {
		a, okA := clauseAt[l.A]
		b, okB := clauseAt[l.B]
		if !okA || !okB {
			continue
		}
		pp := pagePair{Ends: [2]int{a, b}, Score: work.Round3(l.Score), Kind: l.Kind.String(), Relation: l.Relation.String(), Why: r.Why(l.Evidence), Diff: []int{}}
		pd.Pairs = append(pd.Pairs, pp)
	}
	// Equivalent pairs carry their diffs (computed in parallel); related
	// pairs show their two texts side by side.
	_ = work.Each(context.Background(), len(pd.Pairs), 0, func() func(int) {
		return func(k int) {
			p := &pd.Pairs[k]
			if p.Kind == align.Equivalent.String() {
				p.Diff = runs(r.diff(pd.Clauses[p.Ends[0]].Text, pd.Clauses[p.Ends[1]].Text))
			}
		}
	})
	for _, l := range r.res.TaskAlignments {
		a, okA := taskAt[l.A]
		b, okB := taskAt[l.B]
		if okA && okB {
			pd.TaskLinks = append(pd.TaskLinks, pageLink{Ends: [2]int{a, b}, Score: work.Round3(l.Score), Kind: l.Kind.String()})
		}
	}
	for _, u := range r.Unique {
		pd.Unique = append(pd.Unique, clauseAt[u.Clause])
	}
	return pd
}

// runs encodes a diff as (operation, rune count) pairs.
func runs(ops []align.Op) []int {
	out := make([]int, 0, 2*len(ops))
	for _, op := range ops {
		n := utf8.RuneCountInString(op.Text)
		if n == 0 {
			continue
		}
		out = append(out, int(op.Type), n)
	}
	return out
}
