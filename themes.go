package policycmp

import (
	"github.com/policycmp/policycmp/taxonomy"
)

// Classify assigns themes to every task of d with c. A task no theme fits
// gets the theme "unclassified" and a warning, not a guess.
func (d *Document) Classify(c taxonomy.Classifier) {
	for _, t := range d.Tasks {
		t.Themes = t.Themes[:0]
		labels := c.Classify(t.Unit())
		for _, l := range labels {
			ts := ThemeScore{ID: l.Theme, Score: l.Score, Evidence: []Evidence{}}
			for _, h := range l.Evidence {
				if h.Part < 0 || h.Part >= len(t.Clauses) {
					continue
				}
				cl := &t.Clauses[h.Part]
				s, e := cl.rawSpan(h.Start, h.End)
				ts.Evidence = append(ts.Evidence, Evidence{Term: h.Term, ClauseID: cl.ID, Start: s, End: e, Heading: h.Heading})
			}
			t.Themes = append(t.Themes, ts)
		}
		if len(t.Themes) == 0 || t.Themes[0].ID == taxonomy.Unclassified {
			d.warn(WarnUnclassified, t.Start, "task %s %q matches no theme; marked unclassified", t.ID, t.Heading)
		}
	}
}

// Unit returns the task as a classification unit: its clauses, the first
// being its heading.
func (t *Task) Unit() taxonomy.Unit {
	parts := make([]string, len(t.Clauses))
	for i, c := range t.Clauses {
		parts[i] = c.Text
	}
	head := 0
	if len(parts) > 0 {
		head = 1
	}
	return taxonomy.Unit{ID: t.ID, Parts: parts, HeadParts: head, Organising: t.Safeguard}
}

// PrimaryTheme returns the task's first theme, or "unclassified".
func (t *Task) PrimaryTheme() string {
	if len(t.Themes) == 0 {
		return taxonomy.Unclassified
	}
	return t.Themes[0].ID
}

// HasTheme reports whether the task carries theme id.
func (t *Task) HasTheme(id string) bool {
	for _, th := range t.Themes {
		if th.ID == id {
			return true
		}
	}
	return false
}
