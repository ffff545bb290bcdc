package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/policycmp/policycmp"
)

// TableNames lists the CSV tables a report can write.
func TableNames() []string {
	return []string{"coverage", "gaps", "alignments", "targets", "responsibilities", "unique"}
}

// cell guards a CSV cell against formula injection: a cell that a
// spreadsheet would evaluate (=, +, -, @, tab, CR) gets a leading quote.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// CSV writes one table of the report: coverage, gaps, alignments, targets,
// responsibilities or unique. It starts with a UTF-8 byte order mark, so a
// spreadsheet on a Chinese Windows reads the text as UTF-8, not as GBK.
// Coverage columns are headed by the documents' display names, with the
// IDs in a row of their own.
func (r *Report) CSV(w io.Writer, table string, res *policycmp.Result) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	write := func(rec ...string) {
		for i := range rec {
			rec[i] = cell(rec[i])
		}
		_ = cw.Write(rec) // the error is sticky and read by cw.Error below
	}
	switch table {
	case "coverage":
		head := []string{"theme", "name", "domain"}
		ids := []string{"", "", "id"}
		for _, d := range r.Documents {
			head = append(head, r.Short(d.ID)+" "+r.L("tasks"), r.Short(d.ID)+" "+r.L("theme_score"))
			ids = append(ids, d.ID, d.ID)
		}
		write(head...)
		write(ids...)
		for _, row := range r.Coverage {
			rec := []string{row.Theme, row.Name, row.Domain}
			for _, c := range row.Cells {
				rec = append(rec, strconv.Itoa(c.Tasks), num(c.Score))
			}
			write(rec...)
		}
	case "gaps":
		write("doc", "kind", "id", "name", "theme")
		for _, g := range r.Gaps {
			for _, th := range g.Themes {
				write(g.Doc, "theme", th, r.Name(th), th)
			}
			for _, t := range g.Tasks {
				write(g.Doc, "task", t.ID, t.Heading, t.Theme)
			}
		}
	case "alignments":
		write("a", "b", "score", "kind", "relation", "reason", "text_a", "text_b")
		text := clauseTexts(res)
		for _, l := range res.Alignments {
			write(l.A, l.B, num(l.Score), string(l.Kind), l.Relation, l.Reason, text[l.A], text[l.B])
		}
	case "targets":
		write("metric", "doc", "comparator", "value", "unit", "deadline", "text", "task")
		for _, row := range r.Targets {
			for _, c := range row.Cells {
				dl := ""
				if c.Deadline > 0 {
					dl = strconv.Itoa(c.Deadline)
				}
				write(row.Metric, c.Doc, c.Comparator, num(c.Value), c.Unit, dl, c.Text, c.Task)
			}
		}
	case "responsibilities":
		write("doc", "task", "heading", "theme", "lead", "support", "local")
		for _, d := range r.Duties {
			write(d.Doc, d.Task, d.Heading, d.Theme, strings.Join(d.Lead, "、"), strings.Join(d.Support, "、"), strings.Join(d.Local, "、"))
		}
	case "unique":
		write("doc", "clause", "task", "theme", "text")
		for _, u := range r.Unique {
			write(u.Doc, u.Clause, u.Task, u.Theme, u.Text)
		}
	default:
		return fmt.Errorf("report: unknown CSV table %q (want one of %s)", table, strings.Join(TableNames(), ", "))
	}
	cw.Flush()
	return cw.Error()
}

func clauseTexts(res *policycmp.Result) map[string]string {
	m := map[string]string{}
	for _, d := range res.Documents {
		for _, t := range d.Tasks {
			for _, c := range t.Clauses {
				m[c.ID] = c.Text
			}
		}
	}
	return m
}
