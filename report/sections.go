package report

import (
	"fmt"
	"slices"
	"strings"
)

// section is one part of the report and how every renderer shows it. The
// table of sections (sections) is the one place a part is declared: its
// name is the Options.Sections entry, the CSV table name and the HTML
// anchor; a renderer with no function for it leaves it out.
type section struct {
	name  string // Options.Sections entry, CSV table and HTML anchor
	alias string // an older name still accepted
	title string // label key of its heading
	// html names the page template that shows it ("" for none).
	html string
	// markdown writes it; nil for none.
	markdown func(r *Report, p printer)
	// csv writes it as rows, header first; nil for none.
	csv func(r *Report, row func(cells ...string))
}

// printer writes formatted Markdown.
type printer func(format string, args ...any)

// sections lists the report's parts after the document summary, in order.
func sections() []section {
	return []section{
		{name: "coverage", title: "coverage", html: "coverage", markdown: (*Report).mdCoverage, csv: (*Report).csvCoverage},
		{name: "gaps", title: "gaps", html: "gaps", markdown: (*Report).mdGaps, csv: (*Report).csvGaps},
		{name: "targets", title: "targets", html: "targets", markdown: (*Report).mdTargets, csv: (*Report).csvTargets},
		{name: "unique", title: "unique", html: "unique", markdown: (*Report).mdUnique, csv: (*Report).csvUnique},
		{name: "responsibilities", alias: "duties", title: "duties", html: "duties", markdown: (*Report).mdDuties, csv: (*Report).csvDuties},
		{name: "alignments", alias: "pairs", title: "pairs", html: "pairs", markdown: (*Report).mdPairs, csv: (*Report).csvAlignments},
		{name: "side", title: "side", html: "side"},
		{name: "documents", title: "summary", csv: (*Report).csvDocuments},
	}
}

// SectionNames lists the sections that Options.Sections can choose for
// Markdown and HTML, after the document summary that always comes first.
func SectionNames() []string {
	var out []string
	for _, s := range sections() {
		if s.html != "" || s.markdown != nil {
			out = append(out, s.name)
		}
	}
	return out
}

// TableNames lists the CSV tables a report can write.
func TableNames() []string {
	var out []string
	for _, s := range sections() {
		if s.csv != nil {
			out = append(out, s.name)
		}
	}
	return out
}

// lookup finds a section by name or alias.
func lookup(name string) (section, bool) {
	for _, s := range sections() {
		if s.name == name || (s.alias != "" && s.alias == name) {
			return s, true
		}
	}
	return section{}, false
}

// chosen returns the sections the report shows, in table order.
func (r *Report) chosen() []section {
	var out []section
	for _, s := range sections() {
		if s.html == "" && s.markdown == nil {
			continue
		}
		if len(r.opts.Sections) == 0 || slices.ContainsFunc(r.opts.Sections, func(n string) bool { return n == s.name || n == s.alias }) {
			out = append(out, s)
		}
	}
	return out
}

// Sections lists the names of the sections the report shows, in order.
func (r *Report) Sections() []string {
	var out []string
	for _, s := range r.chosen() {
		out = append(out, s.name)
	}
	return out
}

// Show reports whether the report shows section name (or its older alias).
func (r *Report) Show(name string) bool {
	s, ok := lookup(name)
	return ok && slices.Contains(r.Sections(), s.name)
}

// CheckSections returns an error naming the first unknown entry of names.
func CheckSections(names []string) error {
	for _, n := range names {
		if _, ok := lookup(n); !ok {
			return fmt.Errorf("report: unknown section %q (want %s)", n, strings.Join(SectionNames(), ", "))
		}
	}
	return nil
}

// Title is the heading of section name in the report language.
func (r *Report) Title(name string) string {
	if s, ok := lookup(name); ok {
		return r.L(s.title)
	}
	return name
}
