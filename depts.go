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

// standingLocal gives every task after a note that names its local
// implementers once for all (以下各项任务均需各县(市、区)人民政府落实,不再列出)
// those governments as local implementers too; the safeguard items, which
// organise the plan itself, are not such tasks.
func (d *Document) standingLocal() {
	var local []string
	for _, t := range d.Tasks {
		if len(local) > 0 && !t.Safeguard {
			t.Departments.Merge(Departments{Local: local})
		}
		if l := extract.StandingLocal(t.FullText()); len(l) > 0 {
			local = l
		}
	}
}
