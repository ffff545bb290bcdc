package policycmp

import (
	"github.com/policycmp/policycmp/extract"
	"strings"
	"unicode/utf8"

	"github.com/policycmp/policycmp/structure"
)

// piece is a paragraph, or the part of a run-on paragraph from one chosen
// marker to the next, with its marker (nil when it has none).
type piece struct {
	text mtext
	mk   *structure.Marker
}

// splitPieces cuts paragraphs at the markers structure.Choose picks for the
// whole text, so a body pasted as one line gives the same pieces as the
// same body with its line breaks. strs[i] is paras[i] as a string.
func splitPieces(paras []mtext, strs []string) []piece {
	found := structure.Choose(strs)
	var out []piece
	k := 0
	for p, para := range paras {
		s := strs[p]
		var cuts []structure.Found
		for ; k < len(found) && found[k].Para == p; k++ {
			cuts = append(cuts, found[k])
		}
		at, atRune := 0, 0
		var mk *structure.Marker
		for _, c := range cuts {
			if c.Offset > at {
				r := atRune + utf8.RuneCountInString(s[at:c.Offset])
				if t := para.slice(atRune, r).trim(); t.Len() > 0 {
					out = append(out, piece{text: t, mk: mk})
				}
				at, atRune = c.Offset, r
			}
			m := c.Marker
			mk = &m
		}
		if t := para.slice(atRune, para.Len()).trim(); t.Len() > 0 {
			out = append(out, piece{text: t, mk: mk})
		}
	}
	return out
}

// node is an item of the numbering tree.
type node struct {
	m        structure.Marker
	full     mtext   // the numbered paragraph as written
	head     mtext   // the numbered paragraph without its marker
	body     []mtext // unnumbered paragraphs that continue it
	children []*node
	parent   *node
	closed   bool // later unnumbered text no longer belongs to it
	// resumes: the item goes on with a numbering begun under another
	// group (4. under 二、 after 1.–3. under 一、): numbering that runs
	// through the plan's groups counts its tasks, not one item's points.
	resumes bool
	context []string // unnumbered subheadings in force when it started
	loose   []mtext  // unnumbered text after it that does not continue it
}

func (n *node) headingLike() bool { return isHeadingLike(n.head) }

// isHeadingLike reports a short line without a sentence inside: 二、优化资源配置,提升服务能力.
func isHeadingLike(m mtext) bool { return structure.HeadingLike(m.String()) }

// MaxOwnHeading is the longest first sentence, in runes, that reads as an
// item's own heading (推进医联体建设。…) rather than the start of its text.
const MaxOwnHeading = 30

// hasOwnHeading reports an item that opens with a heading of its own: a
// short first sentence without a comma, or a heading line.
func (n *node) hasOwnHeading() bool {
	if n.headingLike() {
		return true
	}
	s := n.head.String()
	if i := strings.IndexAny(s, "。；;!?！？:"); i >= 0 {
		s = s[:i]
	}
	return utf8.RuneCountInString(s) <= MaxOwnHeading && !strings.ContainsAny(s, ",，")
}

// hasDuty reports an item whose text ends with a responsibility note of
// its own (…。（牵头单位：县医保局）).
func (n *node) hasDuty() bool {
	last := n.full
	if len(n.body) > 0 {
		last = n.body[len(n.body)-1]
	}
	return hasDeptTail(last)
}

// hasDeptTail reports whether a paragraph ends with a responsibility note.
func hasDeptTail(m mtext) bool {
	_, _, _, ok := splitDeptTail(m, m.String())
	return ok
}

// isSubheading reports an unnumbered line that reads as a heading and is
// not a sentence: a short sentence of a task's text set on a line of its
// own (成立卫生应急分队,由4—8名队员组成。) ends with a full stop, a
// subheading does not.
func isSubheading(m mtext) bool {
	s := strings.TrimSpace(m.String())
	return isHeadingLike(m) && !strings.HasSuffix(s, "。")
}

// parseTree builds the numbering tree over pieces. Pieces before the first
// number, and unnumbered text that cannot continue a task, go to loose
// (preamble and section prose).
func parseTree(pieces []piece) (roots []*node, preamble []mtext) {
	var stack []*node
	var context []string
	var current *node        // the item unnumbered paragraphs attach to
	inBox := false           // in a box (专栏1 …) set beside the text
	last := map[string]int{} // the last number of each scheme, in any group
	for _, pc := range pieces {
		p := pc.text
		s := p.String()
		// A box (专栏1 重点工程 / 1.… / 2.…) lists projects beside the text:
		// its lines are section prose, and its numbers are not the plan's,
		// until a marker continues a numbering the box interrupted.
		if pc.mk == nil && structure.IsBoxHeading(s) {
			if current != nil {
				current.closed = true
			}
			inBox = true
		}
		if inBox && (pc.mk == nil || !continuesStack(stack, pc.mk)) {
			if owner := top(stack); owner != nil {
				owner.loose = append(owner.loose, p)
			} else {
				preamble = append(preamble, p)
			}
			continue
		}
		inBox = false
		if pc.mk == nil {
			if current != nil && !current.closed {
				last := current.head
				if len(current.body) > 0 {
					last = current.body[len(current.body)-1]
				}
				if _, _, duty := extract.DutyLine(s); duty || isNote(p, s) {
					current.body = append(current.body, p) // 牵头单位:… / 完成时限:… / (…负责,…前完成) under a task
					continue
				}
				switch {
				case hasDeptTail(last) && hasDeptTail(p) && !isHeadingLike(p):
					// another measure with its own responsibility note: the
					// item lists several, each with who carries it out
					current.body = append(current.body, p)
					continue
				case hasDeptTail(last): // a responsibility note ends a task
					current.closed = true
				case isSubheading(p) && !current.headingLike(): // a subheading ends it
					current.closed = true
				default:
					current.body = append(current.body, p)
					continue
				}
			}
			if isHeadingLike(p) && !strings.ContainsAny(s, ",，、。:：") {
				context = []string{s}
			}
			if owner := top(stack); owner != nil {
				owner.loose = append(owner.loose, p)
			} else {
				preamble = append(preamble, p)
			}
			continue
		}
		mk := *pc.mk
		cut := utf8.RuneCountInString(s[:min(mk.Size, len(s))]) // a piece opens with its marker
		if mk.Keep {
			cut = 0 // 一是… : the numeral is a word of the sentence
		}
		n := &node{m: mk, full: p, head: p.slice(cut, p.Len()).trim(), context: context}
		placed := false
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].m.Kind == mk.Kind {
				n.parent = stack[i].parent
				stack = stack[:i]
				placed = true
				break
			}
		}
		// opens: the marker starts its numbering, or goes on with the
		// numbering of the group before (3. under (二) after 1.–2. under (一))
		resumes := !mk.IsFirst() && mk.Value > 1 && last[mk.Kind] == mk.Value-1
		opens := mk.IsFirst() || resumes
		last[mk.Kind] = mk.Value
		if !placed && len(stack) > 0 {
			t := stack[len(stack)-1]
			switch {
			case t.m.Keep && mk.Chinese:
				// 一是… is a point of a sentence: a numbering in Chinese
				// numerals after it ((一) after 六是 in a run-on body) is not
				// its points; (1) or ① after it may be
				n.parent = t.parent
				stack = stack[:len(stack)-1]
			case t.headingLike() && (len(t.body) == 0 || opens):
				// a heading opens a group; text under it before its first
				// item is the group's own prose
				n.parent = t
			case !t.closed && len(t.children) == 0 && opens && !t.headingLike():
				// 1. 2. … inside a task's text: sub-points, not tasks of their own.
				n.parent = t
			default:
				n.parent = t.parent
				stack = stack[:len(stack)-1]
			}
		}
		n.resumes = resumes && !placed
		if n.parent != nil {
			n.parent.children = append(n.parent.children, n)
		} else {
			roots = append(roots, n)
		}
		stack = append(stack, n)
		current = n
	}
	demote(roots)
	return roots, preamble
}

// demote folds numbered points back into the item that holds them when
// they are points of its text rather than tasks: none of them has a heading
// of its own (一是…二是… never count as one), or the item's own text is a
// sentence that introduces them.
// Where a numbered item's children have headings of their own, the
// children are the tasks and the item is a group. A plan numbers its tasks
// in one scheme at one depth, so a heading group without prose of its own
// keeps its items as tasks where a sibling group's items of that scheme
// are tasks (二、 whose 1.–3. open with sentences, beside 一、 whose 1.–3.
// open with headings). And where a scheme's numbering runs on through the
// groups ((三) under 二、 after (一)–(二) under 一、), that scheme counts the
// plan's tasks: the points under one of its items are the item's text,
// headings or not, and so is a responsibility note after them.
func demote(roots []*node) {
	tasky := map[groupKey]bool{}
	planWide := map[string]bool{} // schemes whose numbering runs on through groups
	var mark func(n *node, depth int)
	mark = func(n *node, depth int) {
		for _, c := range n.children {
			mark(c, depth+1)
		}
		if n.resumes {
			planWide[n.m.Kind] = true
		}
		if n.parent != nil && leaves(n) && n.keepsItems() {
			tasky[groupKey{depth, n.m.Kind, n.children[0].m.Kind}] = true
		}
	}
	var fold func(n *node, depth int)
	fold = func(n *node, depth int) {
		for _, c := range n.children {
			fold(c, depth+1)
		}
		if n.parent == nil || !leaves(n) {
			return // an item whose children have children is a group
		}
		counts := planWide[n.m.Kind] && !planWide[n.children[0].m.Kind] && !n.m.Keep
		if !counts && n.keepsItems() {
			return
		}
		if !counts && n.headingLike() && len(n.body) == 0 && !n.children[0].m.Keep && tasky[groupKey{depth, n.m.Kind, n.children[0].m.Kind}] {
			return
		}
		for _, c := range n.children {
			n.body = append(n.body, c.full)
			n.body = append(n.body, c.body...)
			n.body = append(n.body, c.loose...) // text after a point belongs with it
		}
		n.children = nil
	}
	for _, r := range roots {
		mark(r, 0)
	}
	for _, r := range roots {
		fold(r, 0)
	}
}

// groupKey names a level of the numbering tree: the depth of a group, its
// scheme and its items' scheme.
type groupKey struct {
	depth      int
	kind, item string
}

// leaves reports whether n has children and none of them has children of
// its own.
func leaves(n *node) bool {
	for _, c := range n.children {
		if len(c.children) > 0 {
			return false
		}
	}
	return len(n.children) > 0
}

// keepsItems reports whether n's numbered children (leaves) are tasks by
// their own look: some has a heading of its own, goes on with a numbering
// begun under another group or names who carries it out, and n is a group
// (a heading, or an item with a heading of its own).
func (n *node) keepsItems() bool {
	own := false
	for _, c := range n.children {
		// 一是…二是… are words of the item's sentences, never its tasks;
		// items whose numbering runs on from another group are the plan's,
		// and so are items that name who carries them out.
		own = own || (c.hasOwnHeading() || c.resumes || c.hasDuty()) && !c.m.Keep
	}
	return own && (n.headingLike() || n.hasOwnHeading() && !n.m.Keep) // 一是… is a point, never a group
}

// continuesStack reports a marker that continues the numbering of an item
// on the stack: the next number of the same scheme (（二） after （一）).
func continuesStack(stack []*node, mk *structure.Marker) bool {
	for _, n := range stack {
		if n.m.Kind == mk.Kind && mk.Value > 0 && mk.Value == n.m.Value+1 {
			return true
		}
	}
	return false
}

func top(stack []*node) *node {
	if len(stack) == 0 {
		return nil
	}
	return stack[len(stack)-1]
}

// MinAnnexShare is the share of the text, by characters, that must come
// before an annex heading for it to open an annex. An attachment line near
// the start belongs to the notice that carries the plan (附件: XX实施方案),
// and the plan follows it.
const MinAnnexShare = 0.25

// splitTail separates the end of a document that holds no tasks: from the
// first closing sentence after the numbering has begun (本方案自印发之日起施行,
// 此件主动公开, 抄送 …), from a signature (the issuer's line and a date line),
// or from an annex heading in the later part of the text
// (附件1 …, whose tables and indicator rows restart numbering that looks like
// tasks). It returns the pieces before and the tail's pieces.
func splitTail(pieces []piece) (body, tail []piece) {
	total := 0
	for _, p := range pieces {
		total += p.text.Len()
	}
	// restarts[i] counts the numbered pieces from i on that open a
	// sequence (一、, (一), 1.): a plan of its own after a notice.
	restarts := make([]int, len(pieces)+1)
	for i := len(pieces) - 1; i >= 0; i-- {
		restarts[i] = restarts[i+1]
		if mk := pieces[i].mk; mk != nil && mk.IsFirst() && !mk.Keep {
			restarts[i]++
		}
	}
	// carriesPlan: what follows piece i is longer than what came before
	// and numbers its own items from the start, so the part before was the
	// notice that carries the plan (its own points, signature and 附件
	// line), not the plan's end.
	carriesPlan := func(i, seen int) bool {
		return total-seen > seen && restarts[i] >= 2
	}
	started := false
	seen := 0
	for i, p := range pieces {
		s := p.text.String()
		if started && p.mk == nil && carriesPlan(i, seen) &&
			(structure.IsAnnexHeading(s) || extract.IsDateLine(s) || closingAt(s, nil) >= 0) {
			// the wrapper ends here: its points are the notice's prose
			for k := range pieces[:i] {
				pieces[k].mk = nil
			}
			started = false
			seen += p.text.Len()
			continue
		}
		if started && p.mk == nil && structure.IsAnnexHeading(s) && float64(seen) >= MinAnnexShare*float64(total) {
			return pieces[:i], pieces[i:]
		}
		if started && p.mk == nil && extract.IsDateLine(s) {
			// a signature: the issuer's line and the date close the document
			if i > 0 && pieces[i-1].mk == nil && extract.IsIssuerLine(pieces[i-1].text.String()) {
				i--
			}
			return pieces[:i], pieces[i:]
		}
		if started {
			k := closingAt(s, p.mk)
			if a := annexAt(s); a > 0 && (k < 0 || a < k) && float64(seen+utf8.RuneCountInString(s[:a])) >= MinAnnexShare*float64(total) {
				k = a // a run-on body's annex list after its last sentence
			}
			if k >= 0 {
				r := utf8.RuneCountInString(s[:k])
				head := p
				head.text = p.text.slice(0, r).trim()
				rest := piece{text: p.text.slice(r, p.text.Len()).trim()}
				body = append(pieces[:i:i], head)
				if head.text.Len() == 0 {
					body = pieces[:i:i]
				}
				return body, append([]piece{rest}, pieces[i+1:]...)
			}
		}
		started = started || p.mk != nil
		seen += p.text.Len()
	}
	return pieces, nil
}

// annexAt returns the byte offset in s of the first sentence that opens an
// annex (…探索创新。附件:1.…), or -1.
func annexAt(s string) int {
	for i, r := range s {
		if r == '。' {
			k := i + utf8.RuneLen(r)
			if k < len(s) && structure.OpensAnnex(s[k:]) {
				return k
			}
		}
	}
	return -1
}

// closingAt returns the byte offset in s of the first sentence that closes
// the document, or -1. A piece numbered by mk closes it from its start when
// its text after the marker does (第四条 本方案自印发之日起施行).
func closingAt(s string, mk *structure.Marker) int {
	if structure.IsClosing(s) || mk != nil && !mk.Keep && mk.Size <= len(s) && structure.IsClosing(s[mk.Size:]) {
		return 0
	}
	for i, r := range s {
		if strings.ContainsRune("。；;", r) {
			k := i + utf8.RuneLen(r)
			if k < len(s) && structure.IsClosing(s[k:]) {
				return k
			}
		}
	}
	return -1
}

// buildStructure turns paragraphs into sections and tasks on doc.
func (d *Document) buildStructure(paras []mtext, strs []string, damaged [][2]int) {
	body, tail := splitTail(splitPieces(paras, strs))
	roots, preamble := parseTree(body)
	// Top-level items are sections, not tasks, when any of them holds items.
	rootsAreSections := false
	for _, r := range roots {
		if len(r.children) > 0 {
			rootsAreSections = true
		}
	}
	d.addSection(SectionPreamble, "", "", mtext{}, preamble)
	seen := map[string]int{}
	sh := &sharer{whole: d.Text}
	var walk func(n *node, path []string, numbers []string, kind structure.Kind)
	walk = func(n *node, path, numbers []string, kind structure.Kind) {
		numbers = append(numbers[:len(numbers):len(numbers)], n.m.Number)
		heading := headingOf(n.head)
		if n.m.Keep {
			heading = strings.TrimPrefix(heading, n.m.Number)
		}
		// A section or group heading decides what its items are; an item's
		// own heading can only make it framing (主要目标 under 总体要求).
		if k := structure.SectionKind(heading); k != structure.Plain && kind != structure.Framing &&
			(k == structure.Framing || len(n.children) > 0 || n.parent == nil) {
			kind = k
		}
		if len(n.children) > 0 {
			// a section or a group: its heading and own prose (a group's
			// opening targets) are section text
			d.addSection(sectionKind(kind), n.m.Number, heading, n.full, append(n.body, n.loose...))
			path = append(path[:len(path):len(path)], heading)
			for _, c := range n.children {
				walk(c, path, numbers, kind)
			}
			return
		}
		rootText := n.parent == nil && rootsAreSections && (kind != structure.Plain || (len(n.body) == 0 && isHeadingLike(n.head)))
		if kind == structure.Framing || rootText {
			d.addSection(sectionKind(kind), n.m.Number, heading, n.full, append(append([]mtext{n.head}, n.body...), n.loose...))
			return
		}
		if n.parent == nil {
			path = append(path[:0:0], n.context...)
		}
		d.addTask(n, path, numbers, heading, damaged, seen, sh)
		d.Tasks[len(d.Tasks)-1].Safeguard = kind == structure.Safeguard
		if extra := n.loose; len(extra) > 0 {
			d.addSection(SectionText, "", "", mtext{}, extra)
		}
	}
	for _, r := range roots {
		walk(r, nil, nil, structure.Plain)
	}
	d.addTail(tail)
}

func sectionKind(k structure.Kind) SectionKind {
	switch k {
	case structure.Framing:
		return SectionFraming
	case structure.Safeguard:
		return SectionSafeguard
	}
	return SectionText
}

// addSection records section text with its span in Raw, from the start
// of from (the numbered heading, when there is one) to its last paragraph.
func (d *Document) addSection(kind SectionKind, number, heading string, from mtext, paras []mtext) {
	if len(paras) == 0 && heading == "" && from.Len() == 0 {
		return
	}
	sec := Section{Kind: kind, Number: number, Heading: heading, Text: strings.Join(bodyStrings(paras), "\n")}
	id := d.ID + "/s" + itoa(len(d.Sections)+1)
	n := 0
	for _, p := range paras {
		for _, c := range splitClauses(p) {
			n++
			sec.Targets = append(sec.Targets, extract.Targets(id+"/c"+itoa(n), c.String(), d.Year)...)
		}
	}
	if len(paras) > 0 {
		sec.Start, _ = paras[0].span(0, 0)
		last := paras[len(paras)-1]
		_, sec.End = last.span(0, last.Len())
	}
	if from.Len() > 0 {
		s, e := from.span(0, from.Len())
		if len(paras) == 0 {
			sec.Start, sec.End = s, e
		}
		sec.Start, sec.End = min(sec.Start, s), max(sec.End, e)
	}
	d.Sections = append(d.Sections, sec)
}

// addTail records the closing and annex text after the tasks: an annex
// heading starts an annex section, anything else is closing text.
func (d *Document) addTail(tail []piece) {
	kind := SectionClosing
	var paras []mtext
	heading := ""
	var from mtext
	flush := func() {
		d.addSection(kind, "", heading, from, paras)
		paras, heading, from = nil, "", mtext{}
	}
	for _, p := range tail {
		if structure.IsAnnexHeading(p.text.String()) && p.mk == nil {
			flush()
			kind, heading, from = SectionAnnex, p.text.String(), p.text
			continue
		}
		paras = append(paras, p.text)
	}
	flush()
}

func bodyStrings(ms []mtext) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.String()
	}
	return out
}

// sharer finds texts in a whole text (a document's, a task's) in their
// order, so that each shares the whole's memory.
type sharer struct {
	whole string
	at    int // where the last text found ends: the next is looked for after it
}

// shareSlack is how far beyond twice its own length a text is looked for
// after the last one found (the section text between two tasks, a
// department tail between two clauses): the
// search is bounded, so the whole document is read a constant number of
// times however many texts are not found.
const shareSlack = 4096

// share returns s as a substring of the whole text when it occurs soon
// after the last text found; s itself otherwise.
func (sh *sharer) share(s string) string {
	if s == "" {
		return s
	}
	w := sh.whole[sh.at:min(len(sh.whole), sh.at+2*len(s)+shareSlack)]
	k := strings.Index(w, s)
	if k < 0 {
		return s
	}
	sh.at += k + len(s)
	return sh.whole[sh.at-len(s) : sh.at]
}

// within returns s as a substring of whole when whole contains it, so that
// s shares whole's memory; s itself otherwise.
func within(whole, s string) string {
	if k := strings.Index(whole, s); k >= 0 && s != "" {
		return whole[k : k+len(s)]
	}
	return s
}

// headingOf returns the first sentence of a task when it is short enough to be its title.
func headingOf(m mtext) string {
	s := m.String()
	if i := strings.IndexAny(s, "。；;!?！？"); i >= 0 {
		s = s[:i]
	} else if d, _, _, ok := splitDeptTail(m, s); ok {
		s = d.String()
	}
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 80 {
		return string([]rune(s)[:80]) + "…"
	}
	return strings.Clone(s) // not the whole paragraph's memory
}

func (d *Document) addTask(n *node, path, numbers []string, heading string, damaged [][2]int, seen map[string]int, sh *sharer) {
	id := d.ID + "/" + strings.Join(numbers, "/")
	seen[id]++
	if k := seen[id]; k > 1 {
		id += "~" + itoa(k)
	}
	t := &Task{ID: id, Number: n.m.Number, Path: path, Heading: heading, NumberPath: numbers}
	paras := append([]mtext{n.head}, n.body...)
	strs := bodyStrings(paras) // each paragraph as a string, made once
	var kept []mtext
	var text []string
	for i, p := range paras {
		s := strs[i]
		if dep, due, ok := extract.DutyLine(s); ok && i > 0 {
			t.Departments.Merge(dep)
			if due != "" {
				t.Deadline = due
			}
			continue // who and when, not a measure: kept in the full text only
		}
		if rest, depts, due, ok := splitDeptTail(p, s); ok {
			t.Departments.Merge(depts)
			if due != "" && t.Deadline == "" {
				t.Deadline = due
			}
			p, s = rest, rest.String()
		}
		kept = append(kept, p)
		if p.Len() > 0 {
			text = append(text, s)
		}
	}
	// The full text shares the document text's memory where it recurs
	// there (it usually does: reflow and tails may change a line), and the
	// text, and so its clauses, and the heading share the full text's:
	// documents are most of the memory a large comparison keeps.
	t.full = sh.share(strings.Join(append([]string{n.full.String()}, strs[1:]...), "\n"))
	t.Text = within(t.full, strings.Join(text, "\n"))
	t.Heading = within(t.full, t.Heading)
	t.Start, _ = n.full.span(0, 0)
	last := paras[len(paras)-1]
	_, t.End = last.span(0, last.Len())
	if _, e := n.full.span(0, n.full.Len()); e > t.End {
		t.End = e // a marker with no text after it
	}
	clauseText := &sharer{whole: t.Text} // clause texts share the task text's memory where they recur in it, in order
	var split []mtext
	for _, p := range kept {
		split = append(split, splitClauses(p)...)
	}
	t.Clauses = make([]Clause, 0, len(split)) // at its size: documents are kept whole
	for _, c := range split {
		s, e := c.span(0, c.Len())
		text := clauseText.share(c.String())
		cl := Clause{ID: id + "/c" + itoa(len(t.Clauses)+1), Text: text, Start: s, End: e, spans: c.rawSpans()}
		for _, dm := range damaged {
			if dm[0] < e && dm[1] > s {
				cl.Damaged = true
			}
		}
		t.Clauses = append(t.Clauses, cl)
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
