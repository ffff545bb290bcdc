package report

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
)

// HTML writes the report as one self-contained page: styles and the small
// filter script are inline, nothing is loaded from the network. All
// document text goes through html/template, so a hostile document cannot
// inject markup or script.
func (r *Report) HTML(w io.Writer) error {
	return pageTmpl.Execute(w, r)
}

// Sections lists the sections the report shows, in order.
func (r *Report) Sections() []string {
	if len(r.opts.Sections) > 0 {
		return r.opts.Sections
	}
	return SectionNames()
}

// Show reports whether the report shows section name.
func (r *Report) Show(name string) bool { return slices.Contains(r.Sections(), name) }

// domainGroups returns the coverage rows grouped by domain, in taxonomy order.
func (r *Report) domainGroups() []domainGroup {
	var out []domainGroup
	for _, row := range r.Coverage {
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
		out[len(out)-1].Rows = append(out[len(out)-1].Rows, row)
	}
	return out
}

type domainGroup struct {
	ID, Name string
	Rows     []CoverageRow
}

// heat is the background of a heatmap cell: computed from numbers only.
func heat(c Cell) template.CSS {
	if c.Tasks == 0 {
		return template.CSS("background:#f7f7f5")
	}
	a := 0.2 + 0.8*min(1, float64(c.Tasks+c.Primary)/5)
	return template.CSS(fmt.Sprintf("background:rgba(29,78,216,%.2f);color:%s", a, map[bool]string{true: "#fff", false: "#111"}[a > 0.6]))
}

func pct(f float64) string { return fmt.Sprintf("%.1f%%", f*100) }

var pageTmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"heat":  heat,
	"pct":   pct,
	"join":  func(s []string) string { return strings.Join(s, "、") },
	"sign":  cmpSign,
	"num":   func(f float64) string { return fmt.Sprintf("%g", f) },
	"add":   func(a, b int) int { return a + b },
	"sub":   func(a, b int) int { return a - b },
	"short": func(r *Report, id string) string { return r.Short(id) },
	"more": func(r *Report, n int) string {
		return fmt.Sprintf(r.L("more"), n)
	},
	"uniqueBy": func(r *Report) []uniqueGroup {
		var out []uniqueGroup
		for _, u := range r.Unique {
			if n := len(out); n == 0 || out[n-1].Doc != u.Doc {
				out = append(out, uniqueGroup{Doc: u.Doc})
			}
			g := &out[len(out)-1]
			g.Total++
			if len(g.Items) < r.opts.MaxUnique {
				g.Items = append(g.Items, u)
			}
		}
		return out
	},
	"groups": func(r *Report) []domainGroup { return r.domainGroups() },
	"shown":  func(r *Report) string { return fmt.Sprintf(r.L("shown"), r.PairsTotal, len(r.Pairs)) },
	"cellTitle": func(c Cell) string {
		if c.Tasks == 0 {
			return ""
		}
		return fmt.Sprintf("%d · %.2f · %s", c.Tasks, c.Score, strings.Join(c.TaskIDs, " "))
	},
}).Parse(pageHTML))

type uniqueGroup struct {
	Doc   string
	Total int
	Items []Unique
}

const pageHTML = `<!DOCTYPE html>
<html lang="{{if eq .Lang "en"}}en{{else}}zh-CN{{end}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.L "title"}}</title>
<style>
:root { --ink:#1f2328; --muted:#59636e; --line:#d1d9e0; --del:#ffebe9; --delink:#82071e; --ins:#dafbe1; --insink:#116329; }
* { box-sizing: border-box; }
body { margin:0; font: 15px/1.6 "PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif; color:var(--ink); background:#fff; }
header { background:#0f2a5c; color:#fff; padding:18px 28px; }
header h1 { margin:0 0 6px; font-size:22px; }
nav a { color:#cfe0ff; margin-right:16px; text-decoration:none; font-size:14px; }
nav a:hover { text-decoration:underline; }
main { padding:8px 28px 48px; max-width:1400px; }
h2 { border-bottom:2px solid var(--line); padding-bottom:4px; margin-top:36px; font-size:19px; }
table { border-collapse:collapse; margin:10px 0; font-size:14px; }
th, td { border:1px solid var(--line); padding:4px 8px; vertical-align:top; text-align:left; }
th { background:#f6f8fa; }
.num { text-align:right; font-variant-numeric: tabular-nums; }
#heatmap td.cell { text-align:center; min-width:74px; }
#heatmap tr.domain th { background:#e8eef9; }
.muted { color:var(--muted); font-size:13px; }
.gap { margin:4px 0; }
.tag { display:inline-block; background:#eef2ff; border:1px solid #c7d2fe; border-radius:10px; padding:0 8px; margin:2px; font-size:13px; }
.pair { border:1px solid var(--line); border-radius:6px; margin:12px 0; }
.pair .meta { background:#f6f8fa; padding:6px 10px; font-size:13px; border-bottom:1px solid var(--line); }
.pair .sides { display:grid; grid-template-columns:1fr 1fr; }
.pair .side { padding:8px 10px; }
.pair .side + .side { border-left:1px solid var(--line); }
del { background:var(--del); color:var(--delink); text-decoration:line-through; }
ins { background:var(--ins); color:var(--insink); text-decoration:none; }
.rel-stronger { color:#116329; font-weight:bold; } .rel-weaker { color:#82071e; font-weight:bold; }
details { margin:6px 0; }
select { font-size:14px; }
</style>
</head>
<body>
<header>
<h1>{{.L "title"}}</h1>
<nav><a href="#summary">{{.L "summary"}}</a>{{range .Sections}}<a href="#{{.}}">{{$.L .}}</a>{{end}}</nav>
</header>
<main>
<section id="summary">
<h2>{{.L "summary"}}</h2>
<table>
<thead><tr><th>ID</th><th>{{.L "region"}}</th><th>{{.L "level"}}</th><th>{{.L "year"}}</th><th>{{.L "tasks"}}</th><th>{{.L "clauses"}}</th><th>{{.L "themes"}}</th><th>{{.L "reused"}}</th></tr></thead>
<tbody>
{{range .Documents}}<tr><td title="{{.Title}}">{{.ID}}<div class="muted">{{.Title}}</div></td><td>{{.Region}}</td><td>{{.Level}}</td><td class="num">{{.Year}}</td><td class="num">{{.Tasks}}</td><td class="num">{{.Clauses}}</td><td class="num">{{.ThemesCovered}}/{{.ThemesTotal}}</td><td class="num">{{if and $.Reference (ne .ID $.Reference)}}{{pct .ReusedShare}}{{else}}—{{end}}</td></tr>
{{end}}</tbody>
</table>
{{range .Documents}}{{if .Warnings}}<details><summary>{{.ID}}: {{$.L "warnings"}} ({{len .Warnings}})</summary><ul>{{range .Warnings}}<li>{{.}}</li>{{end}}</ul></details>{{end}}{{end}}
</section>

{{if .Show "coverage"}}<section id="coverage">
<h2>{{.L "coverage"}}</h2>
<p class="muted">{{.L "legend"}}</p>
<table id="heatmap">
<thead><tr><th>{{.L "theme"}}</th>{{range .Documents}}<th class="doc" title="{{.Title}}">{{short $ .ID}}</th>{{end}}</tr></thead>
<tbody>
{{range groups .}}<tr class="domain"><th colspan="{{add (len $.Documents) 1}}">{{.Name}}</th></tr>
{{range .Rows}}<tr><th scope="row">{{.Name}} <span class="muted">{{.Theme}}</span></th>{{range .Cells}}<td class="cell" data-tasks="{{.Tasks}}" style="{{heat .}}" title="{{cellTitle .}}">{{if .Tasks}}{{.Tasks}}{{else}}·{{end}}</td>{{end}}</tr>
{{end}}{{end}}</tbody>
</table>
</section>{{end}}

{{if .Show "gaps"}}<section id="gaps">
<h2>{{.L "gaps"}}</h2>
{{if .Reference}}<p>{{.L "reference"}}: <b>{{short . .Reference}}</b></p>
{{range .Gaps}}<div class="gap"><b>{{short $ .Doc}}</b> — {{$.L "missing"}}: {{range .Themes}}<span class="tag">{{$.Name .}}</span>{{else}}{{$.L "none"}}{{end}}
{{if .Tasks}}<details class="gap-tasks"><summary>{{$.L "ref_tasks"}} ({{len .Tasks}}/{{.RefTasks}})</summary><ul>{{range .Tasks}}<li>{{.Heading}} <span class="muted">{{$.Name .Theme}}</span></li>{{end}}</ul></details>{{end}}</div>
{{end}}{{else}}<p class="muted">{{.L "no_ref"}}</p>{{end}}
</section>{{end}}

{{if .Show "targets"}}<section id="targets">
<h2>{{.L "targets"}}</h2>
<table>
<thead><tr><th>{{.L "metric"}}</th><th>{{.L "doc"}}</th><th>{{.L "targets"}}</th><th>{{.L "deadline"}}</th></tr></thead>
<tbody>
{{range .Targets}}{{$m := .Metric}}{{range $i, $c := .Cells}}<tr><td>{{if eq $i 0}}{{$m}}{{end}}</td><td>{{short $ $c.Doc}}</td><td class="num">{{sign $c.Comparator}} {{num $c.Value}}{{$c.Unit}}</td><td class="num">{{if $c.Deadline}}{{$c.Deadline}}{{end}}</td></tr>
{{end}}{{end}}</tbody>
</table>
</section>{{end}}

{{if .Show "unique"}}<section id="unique">
<h2>{{.L "unique"}}</h2>
{{range uniqueBy .}}<details><summary><b>{{short $ .Doc}}</b> ({{.Total}})</summary><ul>{{range .Items}}<li><span class="tag">{{$.Name .Theme}}</span> {{.Text}} <span class="muted">{{.Clause}}</span></li>{{end}}{{if gt .Total (len .Items)}}<li class="muted">{{more $ (sub .Total (len .Items))}}</li>{{end}}</ul></details>
{{end}}
</section>{{end}}

{{if .Show "duties"}}<section id="duties">
<h2>{{.L "duties"}}</h2>
<table>
<thead><tr><th>{{.L "doc"}}</th><th>{{.L "task"}}</th><th>{{.L "theme"}}</th><th>{{.L "lead"}}</th><th>{{.L "support"}}</th><th>{{.L "local"}}</th></tr></thead>
<tbody>
{{range .Duties}}<tr><td>{{short $ .Doc}}</td><td>{{.Heading}}</td><td>{{$.Name .Theme}}</td><td>{{join .Lead}}</td><td>{{join .Support}}</td><td>{{join .Local}}</td></tr>
{{end}}</tbody>
</table>
</section>{{end}}

{{if .Show "pairs"}}<section id="pairs">
<h2>{{.L "pairs"}}</h2>
<p class="muted">{{shown .}} · <del>{{.L "diff_legend"}}</del> <ins>{{.L "diff_legend2"}}</ins></p>
<label>{{.L "doc"}}: <select id="docfilter"><option value="">—</option>{{range .Documents}}<option value="{{.ID}}">{{short $ .ID}}</option>{{end}}</select></label>
{{range .Pairs}}<div class="pair" data-docs="{{.DocA}} {{.DocB}}">
<div class="meta"><b>{{short $ .DocA}}</b> ↔ <b>{{short $ .DocB}}</b> · {{$.Name .Theme}} · {{$.L "score"}} {{printf "%.2f" .Score}} · <span class="rel-{{.Relation}}">{{$.L .Relation}}</span>{{with $.Reason .Reason}} <span class="muted">({{.}})</span>{{end}}</div>
<div class="sides"><div class="side">{{range .Diff}}{{if eq .Op "delete"}}<del>{{.Text}}</del>{{else if eq .Op "equal"}}{{.Text}}{{end}}{{end}}<div class="muted">{{.A}}</div></div><div class="side">{{range .Diff}}{{if eq .Op "insert"}}<ins>{{.Text}}</ins>{{else if eq .Op "equal"}}{{.Text}}{{end}}{{end}}<div class="muted">{{.B}}</div></div></div>
</div>
{{end}}
</section>{{end}}
</main>
<script>
(function () {
  var sel = document.getElementById("docfilter");
  if (sel) sel.addEventListener("change", function () {
    var v = sel.value;
    document.querySelectorAll(".pair").forEach(function (p) {
      p.style.display = (!v || p.getAttribute("data-docs").split(" ").indexOf(v) >= 0) ? "" : "none";
    });
  });
  document.body.setAttribute("data-ready", "1");
})();
</script>
</body>
</html>
`
