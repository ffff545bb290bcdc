package policycmp

import (
	"regexp"
	"slices"
	"unicode/utf8"
)

// mtext is text that remembers, for every rune, the byte span in the raw
// input it came from. Cleaning steps rewrite an mtext, so offsets survive
// width folding, pinyin removal, traditional→simplified conversion and
// re-joined lines.
type mtext struct {
	r    []rune
	s, e []int32 // source span of r[i] in Document.Raw
}

func newMtext(raw string) mtext {
	n := utf8.RuneCountInString(raw)
	m := mtext{r: make([]rune, 0, n), s: make([]int32, 0, n), e: make([]int32, 0, n)}
	for i, r := range raw {
		m.r = append(m.r, r)
		m.s = append(m.s, int32(i))
		m.e = append(m.e, int32(i+utf8.RuneLen(r)))
	}
	// utf8.RuneLen of U+FFFD from an invalid byte is 3, but the byte is 1: fix ends.
	for i := range m.e {
		if i+1 < len(m.s) && m.e[i] > m.s[i+1] {
			m.e[i] = m.s[i+1]
		}
	}
	if k := len(m.e) - 1; k >= 0 && int(m.e[k]) > len(raw) {
		m.e[k] = int32(len(raw))
	}
	return m
}

func (m mtext) Len() int       { return len(m.r) }
func (m mtext) String() string { return string(m.r) }
func (m mtext) slice(i, j int) mtext {
	return mtext{r: m.r[i:j:j], s: m.s[i:j:j], e: m.e[i:j:j]}
}

// span returns the raw byte span of runes [i, j).
func (m mtext) span(i, j int) (int, int) {
	if len(m.r) == 0 {
		return 0, 0
	}
	if i >= len(m.r) {
		return int(m.e[len(m.r)-1]), int(m.e[len(m.r)-1])
	}
	if j <= i {
		return int(m.s[i]), int(m.s[i])
	}
	return int(m.s[i]), int(m.e[j-1])
}

// rawSpans is the raw byte span of each rune of a finished text, kept
// compactly as runs: runes whose spans follow one another in the raw text
// with one width (a line of Chinese text, 3 bytes a rune, is one run; a
// number in it, a byte a digit, another). A clause keeps it instead of its
// mtext, so the cleaned paragraphs it was cut from can be freed.
type rawSpans struct {
	n    int32     // runes
	runs []spanRun // by first rune
}

// spanRun is runes [at, next run's at) whose k-th rune (from 0) spans raw
// bytes [start+k·width, start+(k+1)·width).
type spanRun struct {
	at, start, width int32
}

func (m mtext) rawSpans() rawSpans {
	r := rawSpans{n: int32(len(m.s))}
	for i := range m.s {
		w := m.e[i] - m.s[i]
		if k := len(r.runs) - 1; k >= 0 {
			run := r.runs[k]
			if w == run.width && m.s[i] == run.start+(int32(i)-run.at)*run.width {
				continue
			}
		}
		r.runs = append(r.runs, spanRun{at: int32(i), start: m.s[i], width: w})
	}
	r.runs = slices.Clip(r.runs)
	return r
}

func (r rawSpans) Len() int { return int(r.n) }

// of returns rune i's raw span.
func (r rawSpans) of(i int) (int, int) {
	k, found := slices.BinarySearchFunc(r.runs, int32(i), func(run spanRun, i int32) int { return int(run.at - i) })
	if !found {
		k--
	}
	run := r.runs[k]
	s := int(run.start) + (i-int(run.at))*int(run.width)
	return s, s + int(run.width)
}

// span returns the raw byte span of runes [i, j), as mtext.span does.
func (r rawSpans) span(i, j int) (int, int) {
	if r.n == 0 {
		return 0, 0
	}
	if i >= int(r.n) {
		_, e := r.of(int(r.n) - 1)
		return e, e
	}
	s, _ := r.of(i)
	if j <= i {
		return s, s
	}
	_, e := r.of(j - 1)
	return s, e
}

func (m *mtext) push(r rune, s, e int32) {
	m.r = append(m.r, r)
	m.s = append(m.s, s)
	m.e = append(m.e, e)
}

func (m *mtext) appendM(o mtext) {
	m.r = append(m.r, o.r...)
	m.s = append(m.s, o.s...)
	m.e = append(m.e, o.e...)
}

// pushString appends s, every rune spanning raw bytes [s0, e0).
func (m *mtext) pushString(str string, s0, e0 int32) {
	for _, r := range str {
		m.push(r, s0, e0)
	}
}

// mapRunes rewrites each rune through f; the runes f returns share the
// source span of the rune they replace. f returning "" deletes the rune.
func (m mtext) mapRunes(f func(r rune) (string, bool)) mtext {
	out := mtext{r: make([]rune, 0, len(m.r)), s: make([]int32, 0, len(m.r)), e: make([]int32, 0, len(m.r))}
	for i, r := range m.r {
		rep, changed := f(r)
		if !changed {
			out.push(r, m.s[i], m.e[i])
			continue
		}
		out.pushString(rep, m.s[i], m.e[i])
	}
	return out
}

// runeIndex converts byte offsets of m.String() into rune indexes.
type runeIndex []int

func newRuneIndex(s string) runeIndex {
	idx := make(runeIndex, len(s)+1)
	n := -1
	for i := 0; i < len(s); i++ {
		if utf8.RuneStart(s[i]) {
			n++
		}
		idx[i] = n
	}
	idx[len(s)] = n + 1
	return idx
}

// replace rewrites every match of re. repl gets the submatches and returns
// the replacement. A replacement of the same rune length as the match keeps
// per-rune offsets; otherwise every new rune spans the whole match. It
// returns the raw spans of the matches it deleted (replaced by "").
func (m mtext) replace(re *regexp.Regexp, repl func(sub []string) string) (mtext, [][2]int) {
	str := m.String()
	locs := re.FindAllStringSubmatchIndex(str, -1)
	if len(locs) == 0 {
		return m, nil
	}
	var deleted [][2]int
	ri := newRuneIndex(str)
	out := mtext{}
	last := 0
	for _, loc := range locs {
		a, b := ri[loc[0]], ri[loc[1]]
		out.appendM(m.slice(last, a))
		sub := make([]string, len(loc)/2)
		for k := range sub {
			if loc[2*k] >= 0 {
				sub[k] = str[loc[2*k]:loc[2*k+1]]
			}
		}
		rep := repl(sub)
		if rep == "" && b > a {
			s0, e0 := m.span(a, b)
			deleted = append(deleted, [2]int{s0, e0})
		}
		rr := []rune(rep)
		if len(rr) == b-a {
			for k, r := range rr {
				out.push(r, m.s[a+k], m.e[a+k])
			}
		} else if b > a {
			s0, e0 := m.span(a, b)
			out.pushString(rep, int32(s0), int32(e0))
		} else {
			s0, _ := m.span(a, a)
			out.pushString(rep, int32(s0), int32(s0))
		}
		last = b
	}
	out.appendM(m.slice(last, len(m.r)))
	return out, deleted
}

// lines splits m at line breaks: LF, CRLF, CR alone, U+2028, U+2029,
// NEL, form feed and vertical tab.
func (m mtext) lines() []mtext {
	var out []mtext
	start := 0
	for i := 0; i < len(m.r); i++ {
		switch m.r[i] {
		case '\r':
			out = append(out, m.slice(start, i))
			if i+1 < len(m.r) && m.r[i+1] == '\n' {
				i++
			}
			start = i + 1
		case '\n', 0x2028, 0x2029, 0x85, '\f', '\v':
			out = append(out, m.slice(start, i))
			start = i + 1
		}
	}
	return append(out, m.slice(start, len(m.r)))
}

// trim removes leading and trailing white space.
func (m mtext) trim() mtext {
	i, j := 0, len(m.r)
	for i < j && isSpace(m.r[i]) {
		i++
	}
	for j > i && isSpace(m.r[j-1]) {
		j--
	}
	return m.slice(i, j)
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\f', '\v', 0xA0, 0x3000, 0xFEFF, 0x200B:
		return true
	}
	return false
}

// whole is the raw span of all of m.
func (m mtext) whole() [2]int {
	s, e := m.span(0, m.Len())
	return [2]int{s, e}
}
