package policycmp

import "slices"

// Coverage answers which themes each document covers. Build it with
// Result.Coverage or NewCoverage; it does not change afterwards.
type Coverage struct {
	docs   []string
	themes map[string]map[string][]string // doc → theme → task IDs
}

// NewCoverage indexes the themes of the documents' tasks (classify first).
func NewCoverage(docs ...*Document) *Coverage {
	c := &Coverage{themes: map[string]map[string][]string{}}
	for _, d := range docs {
		c.docs = append(c.docs, d.ID)
		m := map[string][]string{}
		for _, t := range d.Tasks {
			for _, th := range t.Themes {
				m[th.ID] = append(m[th.ID], t.ID)
			}
		}
		c.themes[d.ID] = m
	}
	return c
}

// Coverage returns the coverage of the result's documents.
func (r *Result) Coverage() *Coverage { return NewCoverage(r.Documents...) }

// Has reports whether document docID has a task carrying themeID.
func (c *Coverage) Has(docID, themeID string) bool { return len(c.themes[docID][themeID]) > 0 }

// Tasks returns the IDs of docID's tasks that carry themeID.
func (c *Coverage) Tasks(docID, themeID string) []string {
	return slices.Clone(c.themes[docID][themeID])
}

// Themes lists the themes document docID covers, sorted.
func (c *Coverage) Themes(docID string) []string {
	out := make([]string, 0, len(c.themes[docID]))
	for th := range c.themes[docID] {
		out = append(out, th)
	}
	slices.Sort(out)
	return out
}

// Docs lists the documents that cover themeID, in input order.
func (c *Coverage) Docs(themeID string) []string {
	var out []string
	for _, d := range c.docs {
		if c.Has(d, themeID) {
			out = append(out, d)
		}
	}
	return out
}

// Missing lists the themes that ref covers and docID does not, sorted.
func (c *Coverage) Missing(docID, ref string) []string {
	var out []string
	for _, th := range c.Themes(ref) {
		if !c.Has(docID, th) {
			out = append(out, th)
		}
	}
	return out
}
