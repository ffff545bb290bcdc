package policycmp

import "github.com/policycmp/policycmp/extract"

// splitDeptTail finds a responsibility note closing a paragraph
// (extract.Note) and returns the paragraph without it, the departments it
// names and the deadline it sets, if any. s is m as a string (its callers
// have made it already).
func splitDeptTail(m mtext, s string) (mtext, Departments, string, bool) {
	at, depts, due, ok := extract.Note(s)
	if !ok {
		return m, Departments{}, "", false
	}
	return m.slice(0, at).trim(), depts, due, true
}

// isNote reports a paragraph that is a responsibility note and nothing
// else: (市卫健委、财政局分工负责,2021年12月前完成) on a line of its own, which
// belongs to the task above it.
func isNote(m mtext, s string) bool {
	rest, _, _, ok := splitDeptTail(m, s)
	return ok && rest.Len() == 0
}

// dutyConventions applies what a plan says once for all its notes: a note
// that names the local implementers of every task after it
// (以下各项任务均需各县(市、区)人民政府落实,不再列出) gives them to each of those
// tasks but the safeguard items, which organise the plan itself; and under
// the convention that the department named first leads (extract.LeadFirst)
// a list of departments without roles names one lead.
func (d *Document) dutyConventions() {
	leadFirst := extract.LeadFirst(d.Text)
	var local []string
	for _, t := range d.Tasks {
		if len(local) > 0 && !t.Safeguard {
			t.Departments.Merge(Departments{Local: local})
		}
		if l := extract.StandingLocal(t.FullText()); len(l) > 0 {
			local = l
		}
		if leadFirst {
			t.Departments = t.Departments.FirstLeads()
		}
	}
}
