package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/policycmp/policycmp/align"
)

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "#", `\#`, "\n", " ", "\r", " ",
)

// md escapes document text for Markdown: it cannot open HTML, links or
// emphasis, nor break a table.
func md(s string) string { return mdEscaper.Replace(s) }

// Markdown writes the report as GitHub-flavoured Markdown: the document
// summary, then each chosen section that has a Markdown form.
func (r *Report) Markdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("# %s\n\n", r.L("title"))
	r.mdSummary(p)
	for _, s := range r.chosen() {
		if s.markdown == nil {
			continue
		}
		p("\n## %s\n\n", r.L(s.title))
		s.markdown(r, p)
	}
	return bw.Flush()
}

func (r *Report) mdSummary(p printer) {
	p("## %s\n\n| ID | %s | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|---|\n",
		r.L("summary"), r.L("region"), r.L("level"), r.L("year"), r.L("tasks"), r.L("clauses"), r.L("themes"), r.L("reused"))
	for _, d := range r.Documents {
		reused := "—"
		if r.Reference != "" && d.ID != r.Reference {
			reused = fmt.Sprintf("%.1f%%", d.ReusedShare*100)
		}
		p("| %s | %s | %s | %d | %d | %d | %d/%d | %s |\n", md(d.ID), md(d.Region), md(r.Level(d.Level)), d.Year, d.Tasks, d.Clauses, d.ThemesCovered, d.ThemesTotal, reused)
	}
	for _, d := range r.Documents {
		ws := r.Warnings(d.ID)
		if len(ws) == 0 {
			continue
		}
		p("\n<details><summary>%s: %s (%d)</summary>\n\n", md(d.ID), r.L("warnings"), len(ws))
		for _, wn := range ws {
			p("- %s\n", md(wn.Text))
		}
		p("\n</details>\n")
	}
}

func (r *Report) mdCoverage(p printer) {
	p("%s\n\n| %s | %s |", r.L("legend"), r.L("domain"), r.L("theme"))
	for _, d := range r.Documents {
		p(" %s |", md(r.Short(d.ID)))
	}
	p("\n|---|---|%s\n", strings.Repeat("---|", len(r.Documents)))
	for _, row := range r.Coverage {
		p("| %s | %s `%s` |", row.Domain, md(row.Name), row.Theme)
		for _, c := range row.Cells {
			if c.Tasks == 0 {
				p(" · |")
			} else {
				p(" %d (%.2f) |", c.Tasks, c.Score)
			}
		}
		p("\n")
	}
}

func (r *Report) mdGaps(p printer) {
	if r.Reference == "" {
		p("%s\n", r.L("no_ref"))
		return
	}
	p("%s: %s\n\n", r.L("reference"), md(r.Short(r.Reference)))
	for _, g := range r.Gaps {
		names := make([]string, len(g.Themes))
		for i, id := range g.Themes {
			names[i] = md(r.Name(id))
		}
		list := strings.Join(names, "、")
		if list == "" {
			list = r.L("none")
		}
		p("- **%s** — %s: %s\n", md(r.Short(g.Doc)), r.L("missing"), list)
		if len(g.Tasks) > 0 {
			heads := make([]string, len(g.Tasks))
			for i, t := range g.Tasks {
				heads[i] = md(t.Heading)
				if t.Related {
					heads[i] += "(" + r.L("related_only") + ")"
				}
			}
			p("  - %s (%d/%d): %s\n", r.L("ref_tasks"), len(g.Tasks), g.RefTasks, strings.Join(heads, "；"))
		}
	}
}

func (r *Report) mdTargets(p printer) {
	p("| %s | %s | %s |\n|---|---|---|\n", r.L("metric"), r.L("doc"), r.L("targets"))
	for _, row := range r.Targets {
		for i, c := range row.Cells {
			metric := ""
			if i == 0 {
				metric = md(row.Metric)
			}
			deadline := ""
			if c.Deadline > 0 {
				deadline = fmt.Sprintf(" (%s %d)", r.L("deadline"), c.Deadline)
			}
			p("| %s | %s | %s %g%s%s — %s |\n", metric, md(r.Short(c.Doc)), cmpSign(c.Comparator), c.Value, md(c.Unit), deadline, md(c.Text))
		}
	}
}

func (r *Report) mdUnique(p printer) {
	count := map[string]int{}
	for _, u := range r.Unique {
		count[u.Doc]++
	}
	shown := map[string]int{}
	last := ""
	for _, u := range r.Unique {
		if u.Doc != last {
			p("\n### %s (%d)\n\n", md(r.Short(u.Doc)), count[u.Doc])
			last = u.Doc
		}
		if shown[u.Doc] == r.opts.MaxUnique {
			p("- …"+r.L("more")+"\n", count[u.Doc]-r.opts.MaxUnique)
		}
		shown[u.Doc]++
		if shown[u.Doc] > r.opts.MaxUnique {
			continue
		}
		p("- `%s` %s — %s\n", u.Clause, md(r.Name(u.Theme)), md(u.Text))
	}
}

func (r *Report) mdDuties(p printer) {
	p("| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n", r.L("doc"), r.L("task"), r.L("theme"), r.L("lead"), r.L("support"), r.L("deadline"))
	for _, d := range r.Duties {
		p("| %s | %s | %s | %s | %s | %s |\n", md(r.Short(d.Doc)), md(d.Heading), md(r.Name(d.Theme)), md(strings.Join(d.Lead, "、")), md(strings.Join(append(append([]string{}, d.Support...), d.Local...), "、")), md(d.Deadline))
	}
	if len(r.ThemeDuty) > 0 {
		p("\n### %s\n\n", r.L("duty_theme"))
		for _, td := range r.ThemeDuty {
			var parts []string
			for _, dt := range td.Depts {
				parts = append(parts, fmt.Sprintf("%s (%s %d, %s %d)", md(dt.Name), r.L("lead"), dt.Lead, r.L("support"), dt.Support))
			}
			p("- **%s**: %s\n", md(r.Name(td.Theme)), strings.Join(parts, "; "))
		}
	}
}

func (r *Report) mdPairs(p printer) {
	p(r.L("shown")+"\n\n", r.PairsTotal, len(r.Pairs))
	p("%s %s\n\n", r.L("help_score"), r.L("help_eq")) // what a score means and which decisions depend on the documents compared
	for _, pr := range r.Pairs {
		p("- **%s** ↔ **%s** · %s · %s %.2f · %s", md(r.Short(pr.DocA)), md(r.Short(pr.DocB)), md(r.Name(pr.Theme)), r.L("score"), pr.Score, r.L(pr.Relation))
		if why := r.Why(pr.Evidence); why != "" {
			p(" (%s)", md(why))
		}
		p("\n  - ")
		for _, op := range pr.Diff {
			switch op.Op {
			case "delete":
				p("~~%s~~", md(op.Text))
			case "insert":
				p("**%s**", md(op.Text))
			default:
				p("%s", md(op.Text))
			}
		}
		p("\n")
	}
}

func cmpSign(c string) string { return align.ComparatorSymbol(c) }
