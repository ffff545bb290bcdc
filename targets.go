package policycmp

import "github.com/policycmp/policycmp/extract"

// extractTargets finds quantitative targets in a task's clauses.
func extractTargets(t *Task, docYear int) []Target {
	var out []Target
	for _, c := range t.Clauses {
		out = append(out, extract.Targets(c.ID, c.Text, docYear)...)
	}
	return out
}
