package policycmp

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Numbering schemes, in no fixed order: a document decides which nests in which.
const (
	kindSection = "一、"
	kindParenCN = "(一)"
	kindArabic  = "1."
	kindParenAr = "(1)"
	kindCircled = "①"
	kindOrdinal = "一是"
	kindArticle = "第一条"
	kindChapter = "第一章"
)

const cnDigits = "〇零一二三四五六七八九十百两"

var (
	reSection = regexp.MustCompile(`^([` + cnDigits + `]{1,4})[、.．]`)
	reParenCN = regexp.MustCompile(`^\(([` + cnDigits + `]{1,4})\)[、.]?`)
	reArabic  = regexp.MustCompile(`^(\d{1,3})[、．.]`)
	reParenAr = regexp.MustCompile(`^\((\d{1,3})\)[、.]?`)
	reCircled = regexp.MustCompile(`^([①-⑳])`)
	reOrdinal = regexp.MustCompile(`^([一二三四五六七八九十]{1,3})是[,，:：]?`)
	reArticle = regexp.MustCompile(`^第([` + cnDigits + `\d]{1,5})条`)
	reChapter = regexp.MustCompile(`^第([` + cnDigits + `\d]{1,4})(章|部分|节)`)
)

type marker struct {
	kind, number string
	size         int // bytes of s taken by the marker
}

func parseMarker(s string) (marker, bool) {
	try := func(re *regexp.Regexp, kind string, format func(string) string) (marker, bool) {
		loc := re.FindStringSubmatchIndex(s)
		if loc == nil {
			return marker{}, false
		}
		size := loc[1]
		if kind == kindArabic && size < len(s) && s[size] >= '0' && s[size] <= '9' {
			return marker{}, false // 2.5亿: a number, not a list marker
		}
		return marker{kind: kind, number: format(s[loc[2]:loc[3]]), size: size}, true
	}
	id := func(x string) string { return x }
	if strings.HasPrefix(s, "第") {
		if m, ok := try(reChapter, kindChapter, func(x string) string { return "第" + x + "章" }); ok {
			return m, true
		}
		if m, ok := try(reArticle, kindArticle, func(x string) string { return "第" + x + "条" }); ok {
			return m, true
		}
	}
	if m, ok := try(reOrdinal, kindOrdinal, func(x string) string { return x + "是" }); ok {
		return m, true
	}
	if m, ok := try(reSection, kindSection, id); ok {
		return m, true
	}
	if m, ok := try(reParenCN, kindParenCN, func(x string) string { return "(" + x + ")" }); ok {
		return m, true
	}
	if m, ok := try(reParenAr, kindParenAr, func(x string) string { return "(" + x + ")" }); ok {
		return m, true
	}
	if m, ok := try(reArabic, kindArabic, id); ok {
		return m, true
	}
	if m, ok := try(reCircled, kindCircled, id); ok {
		return m, true
	}
	return marker{}, false
}

func matchMarker(s string) (string, string, bool) {
	m, ok := parseMarker(s)
	return m.kind, m.number, ok
}

// firstOfSequence reports whether number opens a numbering sequence.
func firstOfSequence(number string) bool {
	n := strings.Trim(number, "()")
	n = strings.TrimSuffix(strings.TrimPrefix(n, "第"), "条")
	n = strings.TrimSuffix(strings.TrimSuffix(n, "章"), "是")
	return n == "一" || n == "1" || n == "①"
}

// node is an item of the numbering tree.
type node struct {
	m        marker
	full     mtext   // the numbered paragraph as written
	head     mtext   // the numbered paragraph without its marker
	body     []mtext // unnumbered paragraphs that continue it
	children []*node
	parent   *node
	closed   bool     // later unnumbered text no longer belongs to it
	context  []string // unnumbered subheadings in force when it started
}

func (n *node) headingLike() bool { return isHeadingLike(n.head) }

// isHeadingLike reports a short line without a sentence inside: 二、优化资源配置,提升服务能力.
func isHeadingLike(m mtext) bool {
	s := strings.TrimRight(m.String(), "。 ")
	return utf8.RuneCountInString(s) <= 50 && !strings.ContainsAny(s, "。；;!?！？")
}

// hasDeptTail reports whether a paragraph ends with a responsibility note.
func hasDeptTail(m mtext) bool {
	_, _, ok := splitDeptTail(m)
	return ok
}

// framing headings introduce general requirements, not work items.
var reFraming = regexp.MustCompile(`^(总体要求|指导思想|基本原则|工作原则|总体目标|主要目标|工作目标|目标任务|发展目标|适用范围|编制依据)[。.]?$`)

// parseTree builds the numbering tree over clean paragraphs. Paragraphs
// before the first number, and unnumbered text that cannot continue a task,
// go to loose (preamble and section prose).
func parseTree(paras []mtext) (roots []*node, loose []looseText) {
	var stack []*node
	var context []string
	var current *node // the item unnumbered paragraphs attach to
	for _, p := range paras {
		s := p.String()
		mk, ok := parseMarker(s)
		if !ok {
			if current != nil && !current.closed {
				last := current.head
				if len(current.body) > 0 {
					last = current.body[len(current.body)-1]
				}
				switch {
				case hasDeptTail(last): // a responsibility note ends a task
					current.closed = true
				case isHeadingLike(p) && !current.headingLike(): // a subheading ends it
					current.closed = true
				default:
					current.body = append(current.body, p)
					continue
				}
			}
			if isHeadingLike(p) && !strings.ContainsAny(s, ",，、。:：") {
				context = []string{s}
			}
			loose = append(loose, looseText{owner: top(stack), text: p})
			continue
		}
		cut := utf8.RuneCountInString(s[:mk.size])
		if mk.kind == kindOrdinal {
			cut = 0 // 一是… : the numeral is a word of the sentence
		}
		n := &node{m: mk, full: p, head: p.slice(cut, p.Len()).trim(), context: context}
		placed := false
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].m.kind == mk.kind {
				n.parent = stack[i].parent
				stack = stack[:i]
				placed = true
				break
			}
		}
		if !placed && len(stack) > 0 {
			t := stack[len(stack)-1]
			switch {
			case t.headingLike() && len(t.body) == 0:
				n.parent = t
			case !t.closed && len(t.children) == 0 && firstOfSequence(mk.number) && !t.headingLike():
				// 1. 2. … inside a task's text: sub-points, not tasks of their own.
				t.body = append(t.body, p)
				continue
			default:
				n.parent = t.parent
				stack = stack[:len(stack)-1]
			}
		}
		if n.parent != nil {
			n.parent.children = append(n.parent.children, n)
		} else {
			roots = append(roots, n)
		}
		stack = append(stack, n)
		current = n
	}
	return roots, loose
}

type looseText struct {
	owner *node
	text  mtext
}

func top(stack []*node) *node {
	if len(stack) == 0 {
		return nil
	}
	return stack[len(stack)-1]
}

// buildStructure turns paragraphs into sections and tasks on doc.
func (d *Document) buildStructure(paras []mtext, damaged [][2]int) {
	roots, loose := parseTree(paras)
	// Top-level items are sections, not tasks, when any of them holds items.
	rootsAreSections := false
	for _, r := range roots {
		if len(r.children) > 0 {
			rootsAreSections = true
		}
	}
	looseBy := map[*node][]string{}
	for _, l := range loose {
		looseBy[l.owner] = append(looseBy[l.owner], l.text.String())
	}
	d.Sections = append(d.Sections, Section{Text: strings.Join(looseBy[nil], "\n")})
	seen := map[string]int{}
	var walk func(n *node, path []string, numbers []string, framing bool)
	walk = func(n *node, path, numbers []string, framing bool) {
		numbers = append(numbers[:len(numbers):len(numbers)], n.m.number)
		heading := headingOf(n.head)
		if n.m.kind == kindOrdinal {
			heading = strings.TrimPrefix(heading, n.m.number)
		}
		if len(n.children) > 0 {
			if n.parent == nil {
				d.Sections = append(d.Sections, Section{Number: n.m.number, Heading: heading,
					Text: strings.Join(append(bodyStrings(n.body), looseBy[n]...), "\n")})
			}
			framing = framing || reFraming.MatchString(heading)
			path = append(path[:len(path):len(path)], heading)
			for _, c := range n.children {
				walk(c, path, numbers, framing)
			}
			return
		}
		if (n.parent == nil && rootsAreSections) || framing || reFraming.MatchString(heading) {
			d.Sections = append(d.Sections, Section{Number: n.m.number, Heading: heading,
				Text: strings.Join(append(append([]string{n.head.String()}, bodyStrings(n.body)...), looseBy[n]...), "\n")})
			return
		}
		if n.parent == nil {
			path = append(path[:0:0], n.context...)
		}
		d.addTask(n, path, numbers, heading, damaged, seen)
		if extra := looseBy[n]; len(extra) > 0 {
			d.Sections = append(d.Sections, Section{Text: strings.Join(extra, "\n")})
		}
	}
	for _, r := range roots {
		walk(r, nil, nil, false)
	}
	if len(d.Tasks) == 0 {
		d.warn(WarnNoStructure, 0, "no numbered tasks found (一、/(一)/1./一是/第一条); the whole text is kept as section text")
	}
}

func bodyStrings(ms []mtext) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.String()
	}
	return out
}

// headingOf returns the first sentence of a task when it is short enough to be its title.
func headingOf(m mtext) string {
	s := m.String()
	if i := strings.IndexAny(s, "。；;!?！？"); i >= 0 {
		s = s[:i]
	} else if d, _, ok := splitDeptTail(m); ok {
		s = d.String()
	}
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 80 {
		return string([]rune(s)[:80]) + "…"
	}
	return s
}

func (d *Document) addTask(n *node, path, numbers []string, heading string, damaged [][2]int, seen map[string]int) {
	id := d.ID + "/" + strings.Join(numbers, "/")
	seen[id]++
	if k := seen[id]; k > 1 {
		id += "~" + itoa(k)
	}
	t := &Task{ID: id, Number: n.m.number, Path: path, Heading: heading, NumberPath: numbers}
	paras := append([]mtext{n.head}, n.body...)
	var kept []mtext
	for _, p := range paras {
		if rest, depts, ok := splitDeptTail(p); ok {
			t.Departments.merge(depts)
			p = rest
		}
		kept = append(kept, p)
	}
	var text []string
	for _, p := range kept {
		if p.Len() > 0 {
			text = append(text, p.String())
		}
	}
	t.Text = strings.Join(text, "\n")
	t.full = strings.Join(append([]string{n.full.String()}, bodyStrings(n.body)...), "\n")
	t.Start, _ = n.head.span(0, 0)
	last := paras[len(paras)-1]
	_, t.End = last.span(0, last.Len())
	for _, p := range kept {
		for _, c := range splitClauses(p) {
			s, e := c.span(0, c.Len())
			cl := Clause{ID: id + "/c" + itoa(len(t.Clauses)+1), Text: c.String(), Start: s, End: e, m: c}
			for _, dm := range damaged {
				if dm[0] < e && dm[1] > s {
					cl.Damaged = true
				}
			}
			t.Clauses = append(t.Clauses, cl)
		}
	}
	if t.Heading == "" && len(t.Clauses) > 0 {
		t.Heading = excerpt(t.Clauses[0].Text, 40)
	}
	t.Targets = extractTargets(t, d.Year)
	d.Tasks = append(d.Tasks, t)
}

// splitClauses splits a paragraph into sentences at 。；！？ outside brackets
// and quotes; the delimiter is dropped.
func splitClauses(m mtext) []mtext {
	var out []mtext
	depth := 0
	start := 0
	emit := func(i int) {
		c := m.slice(start, i).trim()
		for c.Len() > 0 && (c.r[0] == ',' || c.r[0] == '、') {
			c = c.slice(1, c.Len())
		}
		if c.Len() > 0 && strings.TrimFunc(c.String(), func(r rune) bool { return isPunct(r) || isSpace(r) }) != "" {
			out = append(out, c)
		}
	}
	for i, r := range m.r {
		switch r {
		case '(', '[', '《', '“', '「', '『', '【', '〔':
			depth++
		case ')', ']', '》', '”', '」', '』', '】', '〕':
			if depth > 0 {
				depth--
			}
		case '?', '!':
			// ASCII marks inside Chinese text are mostly damage (醫?;): only
			// a mark that ends the text or precedes a space ends a sentence.
			if i+1 < m.Len() && !isSpace(m.r[i+1]) && m.r[i+1] != '”' {
				continue
			}
			if depth == 0 || i-start > 300 {
				emit(i)
				start = i + 1
				depth = 0
			}
		case '。', ';', '；', '！', '？':
			if depth == 0 || i-start > 300 {
				emit(i)
				start = i + 1
				depth = 0
			}
		}
	}
	emit(m.Len())
	return out
}
