package policycmp

import (
	"fmt"
	"strings"

	"github.com/policycmp/policycmp/internal/work"
	"github.com/policycmp/policycmp/taxonomy"
)

// Classify assigns themes to every task of d with c. A task whose own text
// names no theme takes the theme of its group's heading, if that names
// one, or else of the plan's title (not for the items of its safeguards),
// with a warning; a task no theme fits either way gets the theme
// "unclassified" and a warning, not a guess.
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
			if ts, from, ok := d.groupTheme(c, t); ok {
				t.Themes = []ThemeScore{ts}
				d.warn(WarnUnclassified, t.Start, "task %s %q names no theme; it takes %s from %s", t.ID, t.Heading, ts.ID, from)
				continue
			}
			d.warn(WarnUnclassified, t.Start, "task %s %q matches no theme; marked unclassified", t.ID, t.Heading)
		}
	}
}

// GroupThemeWeight is the share of its score a theme keeps when a task
// that names none takes it from the heading of its group.
const GroupThemeWeight = 0.5

// groupTheme is the theme of a task that names none: the primary theme of
// the innermost heading of its groups that names one (完善药物政策体系 under
// 建立规范有序的药品供应保障制度), the plan's title the outermost, with the
// evidence in that heading (Evidence.Group) at GroupThemeWeight of its score.
// from says where the theme was taken from, for the warning.
func (d *Document) groupTheme(c taxonomy.Classifier, t *Task) (ts ThemeScore, from string, ok bool) {
	heads := t.Path
	if !t.Safeguard && d.Title != "" {
		// the plan's title is its outermost heading (a notice on one
		// instrument: 关于在定点民营医院试行按病种收付费的通知); the items that
		// organise the plan itself take nothing from it
		heads = append([]string{d.Title}, heads...)
	}
	for k := len(heads) - 1; k >= 0; k-- {
		h := heads[k]
		labels := c.Classify(taxonomy.Unit{ID: t.ID, Parts: []string{h}, HeadParts: 1})
		if len(labels) == 0 || labels[0].Theme == taxonomy.Unclassified {
			continue
		}
		l := labels[0]
		ts = ThemeScore{ID: l.Theme, Score: work.Round3(l.Score * GroupThemeWeight), Evidence: []Evidence{}}
		start := d.groupStart(h, t.Start)
		from = fmt.Sprintf("the heading of its group %q", h)
		if k == 0 && len(heads) > len(t.Path) {
			start = strings.Index(d.Raw[:max(t.Start, 0)], h) // the title as written, if it is
			from = fmt.Sprintf("the plan's title %q", h)
		}
		for _, hit := range l.Evidence {
			ev := Evidence{Term: hit.Term, Group: h, Heading: true, Start: max(start, 0), End: max(start, 0)}
			if start >= 0 {
				if i := strings.Index(d.Raw[start:t.Start], hit.Term); i >= 0 {
					ev.Start, ev.End = start+i, start+i+len(hit.Term)
				}
			}
			ts.Evidence = append(ts.Evidence, ev)
		}
		return ts, from, true
	}
	return ThemeScore{}, "", false
}

// groupStart is the offset in Raw of the last section headed h that opens
// before offset at, or -1.
func (d *Document) groupStart(h string, at int) int {
	start := -1
	for _, s := range d.Sections {
		if s.Heading == h && s.Start <= at {
			start = s.Start
		}
	}
	return start
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
