package policycmp

import "github.com/policycmp/policycmp/extract"

// splitDeptTail finds a responsibility note closing a paragraph
// (extract.Tail) and returns the paragraph without it and the departments
// it names. s is m as a string (its callers have made it already).
func splitDeptTail(m mtext, s string) (mtext, Departments, bool) {
	at, depts, ok := extract.Tail(s)
	if !ok {
		return m, Departments{}, false
	}
	return m.slice(0, at).trim(), depts, true
}
