package structure

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

var reDateOnly = regexp.MustCompile(`^(19|20)\d\d年\d{1,2}月\d{1,2}日$`)

// Found is a numbering marker chosen in a text: paragraph Para, byte Offset
// into it (0 at the paragraph's start).
type Found struct {
	Para, Offset int
	Marker
	// glued: inside a line without a sentence end before it, where the
	// scheme wants one (…推进支付改革三、保障措施): it may only continue a
	// sequence, or open one whose second number stands after a sentence end.
	glued bool
	// afterNote: right after a note in brackets that follows a sentence end
	// (…。（市卫健局负责） 5.…), spaces aside: the note closed the item before.
	afterNote bool
}

// Lookahead is how many later candidate markers an inline marker that
// opens a sequence may look through for its second number.
const Lookahead = 400

// Choose picks the numbering markers of a whole text. A marker at a
// paragraph's start is taken, except a sentence-word marker that continues
// nothing (二是 with no 一是 before it, deep inside other numbering). A marker inside a paragraph —
// a body pasted as one run-on line, "…方案。一、指导思想…三、主要任务(一)合理配置…" —
// is taken only by the sequence it belongs to: it continues an open
// sequence ((二) after (一), 3. after 2.), or it opens one whose next number
// follows before the enclosing numbering moves on. So "一、二级医院", "第1、2批"
// and a lone "(一)" in a sentence are not markers, and a run-on body gives
// the same markers as the same text with its line breaks.
//
// Candidates are gathered in one pass over the text, and each inline
// opener looks ahead at most Lookahead candidates: the choice is linear.
func Choose(paras []string) []Found {
	cands := candidates(paras)
	var out []Found
	var st stack
	ever := map[string]int{} // the last number taken of each kind, open or closed
	for i, c := range cands {
		d := st.find(c.Kind)
		_, seen := ever[c.Kind]
		continuous := seen && c.Value == ever[c.Kind]+1 // (九) after 二、 when (八) ended 一、
		switch {
		case c.Offset == 0 && (!c.Keep || d >= 0 || c.Value <= 1 || len(st) == 0 || continuous):
			// a line start: taken; a restart, a gap or a duplicate number is the tree's business
		case c.Offset == 0:
			continue // 二是 at a line start with nothing it continues: a word of the sentence
		case d >= 0 && c.Value == st[d].last+1, d < 0 && continuous:
		case d >= 0 && d == len(st)-1 && c.Value == st[d].last && c.Value > 0 && repeatsItem(paras[c.Para], c):
			// a number printed twice (two 5.) in a run-on body: a new item
			// when it follows a full stop and opens with a heading of its own
		case d < 0 && c.Value == 1 && st.secondFollows(cands[i+1:min(len(cands), i+1+Lookahead)], c.Kind, c.glued):
			// a glued opener (…工作要点一、推进…) needs a second that stands
			// after a sentence end
		default:
			continue
		}
		st.take(c.Marker)
		ever[c.Kind] = c.Value
		out = append(out, c)
	}
	return out
}

type open struct {
	kind string
	last int
}

// stack holds the open numbering sequences, outermost first.
type stack []open

func (s stack) find(kind string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].kind == kind {
			return i
		}
	}
	return -1
}

func (s *stack) take(m Marker) {
	if d := s.find(m.Kind); d >= 0 {
		*s = (*s)[:d+1]
		(*s)[d].last = m.Value
		return
	}
	*s = append(*s, open{m.Kind, m.Value})
}

// secondFollows reports whether number 2 of kind comes among later before
// any open sequence continues; unglued, when the opener is glued.
func (s stack) secondFollows(later []Found, kind string, glued bool) bool {
	for _, c := range later {
		if c.Kind == kind && c.Value == 2 {
			return !glued || !c.glued
		}
		if d := s.find(c.Kind); d >= 0 && c.Value == s[d].last+1 {
			return false
		}
	}
	return false
}

// candidates finds every place a marker could stand: each paragraph's
// start, and inside paragraphs where the scheme allows it.
func candidates(paras []string) []Found {
	var out []Found
	for p, s := range paras {
		if m, ok := Parse(s); ok {
			out = append(out, Found{Para: p, Marker: m})
		}
		prev := rune(-1)
		starts := markerStarts()
		body := len(s) >= MinRunOnBody && utf8.RuneCountInString(s) >= MinRunOnBody
		// A note in brackets after a sentence end (…。（牵头单位:县医保局）)
		// ends where the sentence did: what follows it stands after a
		// sentence end too.
		depth, note, afterNote := 0, false, false
		for i, r := range s {
			if i > 0 && starts.Has(r) {
				if m, glued, ok := parseInline(s[i:], prev, body); ok {
					out = append(out, Found{Para: p, Offset: i, Marker: m, glued: glued, afterNote: afterNote})
				}
			}
			switch r {
			case '(', '（':
				if depth == 0 {
					note = strings.ContainsRune(terminators, prev)
				}
				depth++
			case ')', '）':
				depth = max(depth-1, 0)
			}
			prev = r
			switch {
			case depth == 0 && note && (r == ')' || r == '）'):
				prev, note, afterNote = '。', false, true
			case r != ' ' && r != '　':
				afterNote = false
			}
		}
	}
	return out
}

// notBeforeMarker is the rune set of the not_before_marker word list,
// joined once.
var notBeforeMarker = sync.OnceValue(func() string { return words().list("not_before_marker") })

// notBeforeNumber is the rune set of the not_before_number word list.
var notBeforeNumber = sync.OnceValue(func() string { return words().list("not_before_number") })

// MinRunOnBody is the length, in runes, from which a paragraph is a whole
// body pasted as one line: there a sentence-word marker (一是, which
// otherwise numbers items only at a line start) also stands after a full
// stop. Task paragraphs that list 一是…二是… run to a few hundred runes.
const MinRunOnBody = 1500

// parseInline reads a marker inside a line, after rune prev. glued reports
// a scheme that wants a sentence end before it found without one.
func parseInline(s string, prev rune, body bool) (m Marker, glued, ok bool) {
	if isDigit(prev) || prev == '.' || (prev < 0x80 && unicode.IsLetter(prev)) || strings.ContainsRune(notBeforeMarker(), prev) {
		return Marker{}, false, false
	}
	if !opensBracket(s) && strings.ContainsRune(notBeforeNumber(), prev) {
		return Marker{}, false, false // 附件2, 表1: a reference
	}
	boundary := prev == ' ' || strings.ContainsRune(terminators+":：", prev)
	for _, sc := range schemes() {
		if sc.inline == inlineNo && !(body && sc.Keep && strings.ContainsRune(terminators, prev)) {
			continue // only at a line start, or after a full stop in a whole body on one line (…。二是…)
		}
		m, ok := sc.match(s)
		if !ok {
			continue
		}
		// 一、二级医院, 1、2批: an enumeration of numbers, not a list marker.
		next, _ := utf8.DecodeRuneInString(s[m.Size:])
		if isDigit(next) || (sc.digits == "cn" && strings.ContainsRune(cnNumerals, next)) {
			return Marker{}, false, false
		}
		return m, sc.inline == inlineBoundary && !boundary, true
	}
	return Marker{}, false, false
}

// MaxRepeatHeading is the longest first sentence, in runes, after an inline
// marker that repeats the number before it for the marker to open an item.
const MaxRepeatHeading = 20

// repeatsItem reports an inline marker that repeats the last number of the
// innermost open sequence and yet opens an item: it stands right after a
// full stop, and its text opens with a short sentence of its own, without
// a comma (5.健全重特大疾病保障机制。…); or it stands after a note in
// brackets that closes the item before it (…。（市卫健局负责） 5.加强…),
// which ends that item whatever follows.
func repeatsItem(para string, c Found) bool {
	if c.Offset == 0 || c.Keep {
		return false
	}
	if c.afterNote {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(strings.TrimRight(para[:c.Offset], " 　"))
	if prev != '。' {
		return false
	}
	rest := para[min(len(para), c.Offset+c.Size):]
	rest = rest[:min(len(rest), utf8.UTFMax*(MaxRepeatHeading+1))] // the heading is short: look no further
	i := strings.IndexRune(rest, '。')
	if i <= 0 {
		return false
	}
	head := rest[:i]
	return utf8.RuneCountInString(head) <= MaxRepeatHeading && !strings.ContainsAny(head, ",，;；:：")
}
