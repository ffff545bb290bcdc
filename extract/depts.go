package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policycmp/policycmp/internal/gate"
)

// Departments names who is responsible for a task.
type Departments struct {
	Lead    []string `json:"lead"`
	Support []string `json:"support"`
	// Local lists lower-level governments named as implementers
	// (各县区政府, 江东新区管委会 …).
	Local []string `json:"local,omitempty"`
}

var (
	reDutyRole     = pattern("duty_role")   // the role that ends a group of a duty phrase (市卫健委牵头)
	reFieldStart   = pattern("field_start") // a label opening a field (完成时间:…)
	reOrganEnd     = pattern("organ_end")   // how the name of an organ ends (市财政局, 区卫生健康委)
	reDeptLabel    = pattern("dept_label")
	reDeptDuty     = pattern("dept_duty")
	reLocalGov     = pattern("local_gov")
	reNoteDeadline = pattern("note_deadline")
)

// Tail finds a responsibility note closing a paragraph —
// "(牵头部门:区医保局;配合部门:区卫生健康委、区财政局等)",
// "(市财政局、市医保局,各县区政府等按职责分工负责)" or a labelled last
// sentence, "。责任单位:县医保局、县财政局" — and returns the rune
// index where the note opens (the paragraph before it is the rest) and the
// departments it names.
func Tail(s string) (int, Departments, bool) {
	at, d, _, ok := Note(s)
	return at, d, ok
}

// Note is Tail with the deadline a bracketed note may close with:
// "(市卫健委、财政局分工负责,2021年12月前完成)" names its departments and
// is due "2021年12月前完成".
func Note(s string) (at int, d Departments, due string, ok bool) {
	r := []rune(s)
	end := len(r)
	for end > 0 && (r[end-1] == '。' || r[end-1] == '.' || unicode.IsSpace(r[end-1])) {
		end--
	}
	if end == 0 {
		return 0, Departments{}, "", false
	}
	if r[end-1] != ')' && r[end-1] != ']' && r[end-1] != '】' && r[end-1] != '〕' {
		// a labelled note as the last sentence (…管理。责任单位:市医保局), or
		// one of roles alone (…管理。市医保局牵头,市财政局配合)
		for i := end - 1; i > 0; i-- {
			if r[i-1] == '。' {
				rest := strings.TrimSpace(string(r[i:end]))
				if u, ok := unbracket(rest); ok { // …管理。【牵头单位】县卫健局【完成时限】…
					if depts, due, ok := labelledDuty(labelledParts(u)); ok {
						return i, depts, due, true
					}
				}
				if reDeptLabel.MatchString(rest) {
					if depts, ok := Parse(rest); ok {
						return i, depts, "", true
					}
				}
				if depts, ok := parseRoles(rest); ok {
					return i, depts, "", true
				}
				break
			}
		}
		return 0, Departments{}, "", false
	}
	depth := 0
	open := -1
	for i := end - 1; i >= 0; i-- {
		switch r[i] {
		case ')', ']', '】', '〕':
			depth++
		case '(', '[', '【', '〔':
			depth--
		}
		if depth == 0 {
			open = i
			break
		}
	}
	if open < 0 {
		return 0, Departments{}, "", false
	}
	d, due, ok = parseNote(strings.TrimSpace(string(r[open+1 : end-1])))
	if !ok {
		return 0, Departments{}, "", false
	}
	return open, d, due, true
}

// parseNote reads the inside of a bracketed note: labelled parts
// (牵头单位:…;配合单位:…;完成时限:…, the deadline by its label), a duty
// phrase (…按职责分工负责), or roles alone (市卫健委牵头,市财政局配合), the
// last two followed by a deadline or not (…分工负责,2022年12月前完成); a
// remark may follow the note's sentence (…前完成。以下各项任务均需…落实,不再列出).
func parseNote(s string) (Departments, string, bool) {
	if strings.ContainsAny(s, ":：") {
		return labelledDuty(labelledParts(s))
	}
	if first, rest, ok := strings.Cut(s, "。"); ok && strings.TrimSpace(rest) != "" {
		return parseNote(first)
	}
	head, due := s, ""
	if k := strings.LastIndexAny(s, ",，;；"); k >= 0 {
		_, size := utf8.DecodeRuneInString(s[k:])
		if d := strings.TrimSpace(s[k+size:]); reNoteDeadline.MatchString(d) {
			head, due = strings.TrimSpace(s[:k]), d
		}
	}
	if d, ok := Parse(head); ok {
		return d, due, true
	}
	if d, ok := parseRoles(head); ok {
		return d, due, true
	}
	return Departments{}, "", false
}

// parseRoles reads roles alone (市卫健委牵头,市财政局配合) as the duty
// phrase they are (onlyRoles).
func parseRoles(s string) (Departments, bool) {
	if !onlyRoles(s) {
		return Departments{}, false
	}
	return Parse(s + "负责")
}

// onlyRoles reports a text whose comma-separated groups each end with a
// role (duty_role: 市卫健委牵头,市财政局配合).
func onlyRoles(s string) bool {
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ';' || r == '；' })
	if len(groups) == 0 {
		return false
	}
	for _, g := range groups {
		g = strings.TrimSpace(g)
		loc := reDutyRole.FindStringIndex(g)
		if loc == nil || loc[0] == 0 {
			return false
		}
		for _, n := range SplitNames(g[:loc[0]]) {
			if !reOrganEnd.MatchString(n) {
				return false // 各地要加强协同配合: no organ named
			}
		}
	}
	return true
}

// labelledParts splits a labelled note at ;；。 and at a comma before
// another label (责任单位:市卫健委,完成时间:2024年6月).
func labelledParts(s string) []string {
	var parts []string
	start := 0
	prev := rune(0)
	for i, r := range s {
		cut := r == ';' || r == '；' || r == '。'
		if (r == ',' || r == '，') && reFieldStart.MatchString(s[i+utf8.RuneLen(r):]) {
			cut = true
		}
		if cut {
			parts = append(parts, s[start:i])
			start = i + utf8.RuneLen(r)
		} else if i > start && unicode.Is(unicode.Han, prev) && len(s) <= MaxGluedDuty && opensWithLabel(s[i:]) {
			// 牵头单位:市卫健委配合单位:市医保局: labels the spaces between
			// them were squeezed out of
			parts = append(parts, s[start:i])
			start = i
		}
		prev = r
	}
	return append(parts, s[start:])
}

// MaxGluedDuty is the longest duty text, in bytes, in which labels glued to
// the part before them are looked for.
const MaxGluedDuty = 600

// opensWithLabel reports whether s opens with a department or deadline
// label, its colon and what it labels (配合单位:…, 完成时限:…).
func opensWithLabel(s string) bool {
	return reDeptLabel.MatchString(s) || reDeadlineLine.MatchString(s)
}

// roleNoted splits a department named with its role in brackets
// (市卫健委(牵头)) into the name and the role (duty_role); role is empty
// without one.
func roleNoted(n string) (name, role string) {
	i := strings.LastIndexAny(n, "(（")
	if i <= 0 || !strings.HasSuffix(n, ")") && !strings.HasSuffix(n, "）") {
		return n, ""
	}
	_, size := utf8.DecodeRuneInString(n[i:])
	inner := strings.TrimRight(n[i+size:], ")）")
	if loc := reDutyRole.FindStringIndex(inner); loc == nil || loc[0] != 0 {
		return n, ""
	}
	return strings.TrimSpace(n[:i]), inner
}

// Parse reads the inside of a responsibility note: labelled
// (牵头部门:…;配合部门:…) or a duty phrase (…等按职责分工负责).
func Parse(s string) (Departments, bool) {
	var d Departments
	if strings.ContainsAny(s, ":：") {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' || r == '。' })
		hasLead := strings.Contains(s, "牵头") && !strings.Contains(s, "牵头)") && !strings.Contains(s, "牵头）") // a lead's label, not a role in brackets
		found := false
		for _, p := range parts {
			sub := reDeptLabel.FindStringSubmatch(strings.TrimSpace(p))
			if sub == nil {
				continue
			}
			found = true
			names := SplitNames(sub[2])
			var local []string
			names, local = SplitLocal(names)
			d.Local = append(d.Local, local...)
			lead := strings.HasPrefix(sub[1], "牵头") || strings.HasPrefix(sub[1], "主责") || strings.HasPrefix(sub[1], "负责") ||
				strings.HasPrefix(sub[1], "责任") && !hasLead
			if slices.ContainsFunc(names, func(n string) bool { _, r := roleNoted(n); return r == "牵头" }) {
				lead = false // 责任单位:市卫健委(牵头)、市医保局: the others support
			}
			for _, n := range names {
				// 市卫健委(牵头) names its own role, whatever the label
				switch name, role := roleNoted(n); {
				case role == "牵头":
					d.Lead = append(d.Lead, name)
				case role != "": // 配合, 参与 …
					d.Support = append(d.Support, name)
				default:
					if lead {
						d.Lead = append(d.Lead, n)
					} else {
						d.Support = append(d.Support, n)
					}
				}
			}
		}
		return d, found
	}
	if loc := reDeptDuty.FindStringIndex(s); loc != nil && loc[0] > 0 {
		groups := strings.FieldsFunc(s[:loc[0]], func(r rune) bool { return r == ',' || r == '，' || r == ';' || r == '；' })
		for i, g := range groups {
			g = strings.TrimSpace(g)
			role := ""
			if loc := reDutyRole.FindStringIndex(g); loc != nil {
				role, g = g[loc[0]:], g[:loc[0]]
			}
			names := SplitNames(g)
			if role == "" && !allLocal(names) {
				// 各县区政府 named beside departments implements locally
				var local []string
				names, local = SplitLocal(names)
				d.Local = append(d.Local, local...)
			}
			switch {
			case role == "牵头":
				d.Lead = append(d.Lead, names...)
			case role != "":
				d.Support = append(d.Support, names...)
			case i > 0 && allLocal(names):
				d.Local = append(d.Local, names...)
			case i == 0:
				d.Lead = append(d.Lead, names...)
			default:
				d.Support = append(d.Support, names...)
			}
		}
		return d, len(d.Lead)+len(d.Support)+len(d.Local) > 0
	}
	return d, false
}

// SplitLocal separates lower-level governments (各街镇, 各县区政府) from departments.
func SplitLocal(names []string) (depts, local []string) {
	for _, n := range names {
		if strings.HasPrefix(n, "各") && reLocalGov.MatchString(n) {
			local = append(local, n)
		} else {
			depts = append(depts, n)
		}
	}
	return depts, local
}

func allLocal(names []string) bool {
	for _, n := range names {
		if !reLocalGov.MatchString(n) {
			return false
		}
	}
	return len(names) > 0
}

// SplitNames splits "区卫生健康委、区财政局等" at 、 outside brackets.
func SplitNames(s string) []string {
	var out []string
	depth := 0
	start := 0
	rs := []rune(s)
	flush := func(i int) {
		n := strings.TrimSpace(string(rs[start:i]))
		n = strings.TrimSuffix(n, "等")
		n = strings.TrimSpace(n)
		if n != "" {
			out = append(out, n)
		}
	}
	for i, r := range rs {
		switch r {
		case '(', '[', '【':
			depth++
		case ')', ']', '】':
			depth--
		case '、', ',', '，':
			if depth == 0 {
				flush(i)
				start = i + 1
			}
		}
	}
	flush(len(rs))
	return out
}

// Merge adds the names of o that d lacks.
func (d *Departments) Merge(o Departments) {
	d.Lead = appendUnique(d.Lead, o.Lead...)
	d.Support = appendUnique(d.Support, o.Support...)
	d.Local = appendUnique(d.Local, o.Local...)
}

func appendUnique(list []string, items ...string) []string {
	for _, it := range items {
		dup := false
		for _, x := range list {
			if x == it {
				dup = true
			}
		}
		if !dup {
			list = append(list, it)
		}
	}
	return list
}

var (
	reDutyLine     = pattern("duty_line")
	reDeadlineLine = pattern("deadline_line")
	reBracketLabel = pattern("bracket_label")
)

// unbracket writes the labels of a duty text set in brackets
// (【牵头单位】市卫健委【完成时限】2024年底前) as labels with a colon, one part
// each (牵头单位:市卫健委;完成时限:2024年底前). ok says s opens with such a
// label: a label a duty line or note knows (dept_label, deadline_line).
func unbracket(s string) (string, bool) {
	locs := reBracketLabel.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 || locs[0][0] != 0 {
		return s, false
	}
	var b strings.Builder
	at := 0
	for _, m := range locs {
		label := s[m[2]:m[3]] + ":"
		if !opensWithLabel(label + s[m[1]:]) {
			continue // a bracket of the text, not a label
		}
		b.WriteString(s[at:m[0]])
		if m[0] > 0 {
			b.WriteByte(';')
		}
		b.WriteString(label)
		at = m[1]
	}
	if at == 0 {
		return s, false
	}
	b.WriteString(s[at:])
	return b.String(), true
}

// DutyLine reads a line of its own that states who is responsible or by
// when ("牵头单位:市卫健委;配合单位:市财政局", "完成时限:2024年底前", the
// label in brackets too: "【牵头单位】市卫健委"), as task-division plans
// write under each task.
func DutyLine(s string) (dep Departments, deadline string, ok bool) {
	s = strings.TrimRight(strings.TrimSpace(s), "。;；")
	if u, ok := unbracket(s); ok {
		s = u // 【牵头单位】…【配合单位】… reads as 牵头单位:…;配合单位:…
	}
	if m := reDeadlineLine.FindStringSubmatch(s); m != nil {
		return Departments{}, strings.TrimSpace(m[2]), true
	}
	if !reDutyLine.MatchString(s) {
		return Departments{}, "", false
	}
	// 牵头单位:…;配合单位:…;完成时限:… on one line
	return labelledDuty(labelledParts(s))
}

// labelledDuty reads the labelled parts of a duty line or note: the
// deadline by its label (完成时限:…), the departments from the rest.
func labelledDuty(parts []string) (Departments, string, bool) {
	var due string
	var rest []string
	for _, p := range parts {
		if m := reDeadlineLine.FindStringSubmatch(strings.TrimSpace(p)); m != nil {
			due = strings.TrimSpace(m[2])
			continue
		}
		rest = append(rest, p)
	}
	d, ok := Parse(strings.Join(rest, ";"))
	if !ok {
		return Departments{}, "", false
	}
	return d, due, true
}

var reLeadFirst = pattern("lead_first")

// LeadFirst reports a plan that says once for all its notes that the
// department named first leads and the others support (排在第一位的为牵头
// 单位): its notes that list departments without their roles
// (市卫健委、市财政局负责) then mean FirstLeads.
func LeadFirst(text string) bool {
	for _, w := range leadFirstNeeds {
		if strings.Contains(text, w) {
			return reLeadFirst.MatchString(text)
		}
	}
	return false // every statement of the convention names the lead's label
}

// leadFirstNeeds are the labels one of which every match of lead_first
// holds: a plan without them states no convention, and its text is not
// scanned.
var leadFirstNeeds = []string{"牵头部门", "牵头单位", "主责部门", "主责单位", "责任部门", "责任单位"}

// FirstLeads reads departments listed without their roles under the
// LeadFirst convention: the first lead department leads, the others
// support. Departments whose roles are stated (some support named) are
// returned as they are.
func (d Departments) FirstLeads() Departments {
	if len(d.Lead) < 2 || len(d.Support) > 0 {
		return d
	}
	d.Support = append([]string(nil), d.Lead[1:]...)
	d.Lead = d.Lead[:1:1]
	return d
}

var (
	reStandingLocal = pattern("standing_local")
	// standingNeeds is the literal every standing note holds (不再: the
	// governments are not listed again); a text without it is not scanned.
	standingNeeds = gate.Literal(reStandingLocal)
)

// StandingLocal reads a note that names, once for all the tasks after it,
// the lower-level governments that carry each out (以下各项任务均需各县(市、区)
// 人民政府落实,不再列出): the governments it names, or none.
func StandingLocal(text string) []string {
	if !strings.Contains(text, standingNeeds) {
		return nil
	}
	m := reStandingLocal.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	_, local := SplitLocal(SplitNames(m[1]))
	return local
}
