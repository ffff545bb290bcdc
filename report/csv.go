package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// cell guards a CSV cell against formula injection: a cell that a
// spreadsheet would evaluate (=, +, -, @, tab, CR) gets a leading quote.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// CSV writes one table of the report (see TableNames). It starts with a
// UTF-8 byte order mark, so a spreadsheet on a Chinese Windows reads the
// text as UTF-8, not as GBK. Columns are headed in the report language;
// coverage columns by the documents' display names, with the IDs in a row
// of their own; IDs always keep columns of their own.
func (r *Report) CSV(w io.Writer, table string) error {
	s, ok := lookup(table)
	if !ok || s.csv == nil {
		return fmt.Errorf("report: unknown CSV table %q (want one of %s)", table, strings.Join(TableNames(), ", "))
	}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	s.csv(r, func(rec ...string) {
		for i := range rec {
			rec[i] = cell(rec[i])
		}
		_ = cw.Write(rec) // the error is sticky and read by cw.Error below
	})
	cw.Flush()
	return cw.Error()
}

func (r *Report) csvDocuments(row func(...string)) {
	row("id", r.L("doc"), r.L("region"), r.L("level"), r.L("year"), r.L("tasks"), r.L("clauses"), r.L("themes"), r.L("reused"), "source", "title")
	for _, d := range r.Documents {
		row(d.ID, r.Short(d.ID), d.Region, r.Level(d.Level), strconv.Itoa(d.Year), strconv.Itoa(d.Tasks), strconv.Itoa(d.Clauses),
			strconv.Itoa(d.ThemesCovered), num(d.ReusedShare), d.Source, d.Title)
	}
}

func (r *Report) csvCoverage(row func(...string)) {
	head := []string{"theme", r.L("theme"), r.L("domain")}
	ids := []string{"", "", "id"}
	for _, d := range r.Documents {
		head = append(head, r.Short(d.ID)+" "+r.L("tasks"), r.Short(d.ID)+" "+r.L("theme_score"))
		ids = append(ids, d.ID, d.ID)
	}
	row(head...)
	row(ids...)
	for _, cov := range r.Coverage {
		rec := []string{cov.Theme, cov.Name, cov.Domain}
		for _, c := range cov.Cells {
			rec = append(rec, strconv.Itoa(c.Tasks), num(c.Score))
		}
		row(rec...)
	}
}

func (r *Report) csvGaps(row func(...string)) {
	row("doc", "kind", "id", "name", "theme", "related")
	for _, g := range r.Gaps {
		for _, th := range g.Themes {
			row(g.Doc, "theme", th, r.Name(th), th, "")
		}
		for _, t := range g.Tasks {
			related := ""
			if t.Related {
				related = "1"
			}
			row(g.Doc, "task", t.ID, t.Heading, t.Theme, related)
		}
	}
}

func (r *Report) csvAlignments(row func(...string)) {
	row("a", "b", "doc_a", "doc_b", "score", "kind", "relation", "relation_label", "reason", "text_a", "text_b")
	for _, l := range r.res.Alignments {
		ca, cb := r.clause[l.A], r.clause[l.B]
		row(l.A, l.B, r.docOf[l.A], r.docOf[l.B], num(l.Score), l.Kind.String(), l.Relation.String(), r.L(relationKey(l.Relation.String(), l.Kind.String())), r.Why(l.Evidence), ca.text, cb.text)
	}
}

func (r *Report) csvTargets(row func(...string)) {
	row("metric", "doc", "comparator", "value", "unit", "deadline", "text", "task")
	for _, t := range r.Targets {
		for _, c := range t.Cells {
			dl := ""
			if c.Deadline > 0 {
				dl = strconv.Itoa(c.Deadline)
			}
			row(t.Metric, c.Doc, c.Comparator, num(c.Value), c.Unit, dl, c.Text, c.Task)
		}
	}
}

func (r *Report) csvDuties(row func(...string)) {
	row("doc", "task", "heading", "theme", "lead", "support", "local", "deadline")
	for _, d := range r.Duties {
		row(d.Doc, d.Task, d.Heading, d.Theme, strings.Join(d.Lead, "、"), strings.Join(d.Support, "、"), strings.Join(d.Local, "、"), d.Deadline)
	}
}

func (r *Report) csvUnique(row func(...string)) {
	row("doc", "clause", "task", "theme", "text")
	for _, u := range r.Unique {
		row(u.Doc, u.Clause, u.Task, u.Theme, u.Text)
	}
}

// relationKey is the label key of a link's relation: its relation when
// labelled, else its kind (related).
func relationKey(relation, kind string) string {
	if relation != "" {
		return relation
	}
	return kind
}
