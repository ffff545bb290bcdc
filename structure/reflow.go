package structure

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policycmp/policycmp/internal/textcol"
)

// Line is one line of a text, trimmed, with whether blank lines stood
// before it.
type Line struct {
	Text        string
	BlankBefore bool
	// Width is the line's display width as written (in terminal columns:
	// a Han character takes two), measured on the input before full-width
	// punctuation folded to ASCII; 0 means the width of Text.
	Width int
}

func (l Line) width() int {
	if l.Width > 0 {
		return l.Width
	}
	return textcol.Width(l.Text)
}

// BlankShare is the share of line breaks followed by a blank line above
// which blank lines say nothing about paragraphs: a page that double-spaces
// every line, fragments included.
const BlankShare = 0.4

// Reflow decides which lines continue the line before them. Web pages that
// set numbers, years, percentages, quotation marks and brackets in spans of
// their own break a sentence into many lines ("到" / "2020" / "年"), and
// copies of them break a 文号 the same way ("国办发〔" / "2015" / "〕" / "38"
// / "号"). join[i] reports that lines i and i+1 are one paragraph. A real
// paragraph break — after a sentence end, before a numbered item, around a
// stand-alone date — is kept.
//
// Reflow looks at most at the five lines after each line, so it is linear.
func Reflow(lines []Line) []bool {
	if len(lines) < 2 {
		return nil
	}
	blanks := 0
	for _, l := range lines[1:] {
		if l.BlankBefore {
			blanks++
		}
	}
	blankMeans := float64(blanks) < BlankShare*float64(len(lines)-1)
	wrap := WrapWidth(lines)
	join := make([]bool, len(lines)-1)
	var para paraView // the paragraph line i ends, joined so far
	for i := range join {
		a, b := lines[i].Text, lines[i+1].Text
		if i == 0 || !join[i-1] {
			para.reset()
		}
		para.add(a)
		if a == "" || b == "" || (blankMeans && lines[i+1].BlankBefore) {
			continue
		}
		if strings.Trim(a, closers) == "" {
			a = para.String() // "”" alone: whether the sentence goes on is the paragraph's to say
		}
		join[i] = continues(a, b, lines[i+1:])
		if !join[i] && wrap > 0 && lines[i].width() >= wrap-WrapSlack && !strings.ContainsRune(terminators, lastRune(a)) && !MarkerOnly(b) {
			// a copy that breaks every line at one width (a PDF's): a
			// full line that stops mid-sentence goes on below, even
			// before a line that opens like a numbered item (…实行\n2、…)
			join[i] = true
		}
		if !join[i] && i > 0 && join[i-1] && !strings.ContainsAny(a, sentencePunct) && opensBracket(b) {
			// A gloss in brackets on a line of its own after a line that
			// continues a paragraph and holds no punctuation of its own
			// ("…推进县域医疗" / "三大平台" / "(医疗服务技术…)、"): the paragraph,
			// not that line, says whether its sentence goes on; an acronym
			// before its gloss ("…推进县乡医疗机构" / "C-DRG" / "(按疾病诊断相关
			// 分组)改革") does not end it either.
			p := para.String()
			join[i] = continues(p, b, lines[i+1:])
			if core := strings.TrimSuffix(p, a); !join[i] && isAcronym(a) && core != p && core != "" {
				join[i] = midSentence(core, lastRune(core))
			}
		}
	}
	return join
}

// paraViewBytes is how much of a paragraph's start and end paraView keeps
// once it is longer than twice that.
const paraViewBytes = 256

// paraView stands for a paragraph being joined line by line, in constant
// memory: the whole text while it is short, else its start and end with,
// between them, one character of each kind continues tests for (a
// period, other punctuation, Han, a digit, anything else a number line
// cannot hold) that the paragraph holds and the two ends lack. continues answers on it as on the whole paragraph,
// and joining stays linear however long the paragraph grows.
type paraView struct {
	full                      strings.Builder // while n ≤ 2·paraViewBytes
	head, tail                string
	n                         int
	period, punct, han, digit bool
	other                     bool // a rune no number line holds, of none of the kinds above
}

func (p *paraView) reset() { *p = paraView{} }

func (p *paraView) add(s string) {
	for _, r := range s {
		switch {
		case r == '。':
			p.period = true
		case strings.ContainsRune("，,、；;", r):
			p.punct = true
		case unicode.Is(unicode.Han, r):
			p.han = true
		case isDigit(r):
			p.digit = true
		case !strings.ContainsRune(".%‰％/-~:", r):
			p.other = true
		}
	}
	if p.n+len(s) <= 2*paraViewBytes {
		p.full.WriteString(s)
	} else if p.head == "" {
		whole := p.full.String() + s
		p.head, p.tail = runePrefix(whole, paraViewBytes), runeSuffix(whole, paraViewBytes)
		p.full.Reset()
	} else {
		p.tail = runeSuffix(p.tail+s, paraViewBytes)
	}
	p.n += len(s)
}

// String is the paragraph, or its stand-in once it is long.
func (p *paraView) String() string {
	if p.head == "" {
		return p.full.String()
	}
	ends := p.head + p.tail
	var mid strings.Builder
	for _, k := range []struct {
		has bool
		r   rune
		in  func(string) bool
	}{
		{p.period, '。', func(s string) bool { return strings.ContainsRune(s, '。') }},
		{p.punct, '，', func(s string) bool { return strings.ContainsAny(s, "，,、；;") }},
		{p.han, '汉', hasHan},
		{p.digit, '0', func(s string) bool { return strings.ContainsFunc(s, isDigit) }},
		{p.other, 'x', func(s string) bool { return !isNumberLine(s) }},
	} {
		if k.has && !k.in(ends) {
			mid.WriteRune(k.r)
		}
	}
	return p.head + mid.String() + p.tail
}

// runePrefix is s's first n bytes or fewer, cut at a rune boundary.
func runePrefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// runeSuffix is s's last n bytes or fewer, cut at a rune boundary.
func runeSuffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	k := len(s) - n
	for k < len(s) && !utf8.RuneStart(s[k]) {
		k++
	}
	return s[k:]
}

// continues reports whether b (the first of next) continues a.
func continues(a, b string, next []Line) bool {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	switch {
	case MarkerOnly(a):
		return true // "1." / "建立…": a number on its own line before its heading
	case MarkerOnly(b), startsDate(next), isNumberLine(a) && isNumberLine(b), reFieldLabel.MatchString(b):
		return false // two numbers on lines of their own are two cells
	case strings.ContainsRune("“「『\"", first) && (closesQuote(b) || strings.ContainsAny(b, terminators)):
		// A line opening with a quotation mark that it closes, or holding
		// a whole sentence, may be a pull-quote set inside the sentence,
		// which the cleaner's rejoin drops: joined only after an open bracket.
		return strings.ContainsRune("(（〔[【《", last)
	case strings.ContainsRune("“「『", first):
		// A quotation the line neither closes nor ends a sentence in ("“"
		// alone, "“医共体") goes on below: a quoted term split across
		// lines, not a pull-quote.
		return midSentence(a, last) || strings.ContainsRune(openers, last)
	case strings.ContainsRune(closers, first) && !(first == '—' && strings.HasPrefix(b, "——")):
		return true // "、" "。" "〕" "%": b cannot start a paragraph
	case strings.ContainsRune(openers, last):
		return true // "〔" "“" "、": a stops before its sentence does
	case isNumberLine(b):
		return !strings.ContainsRune(terminators, last) // "特别是" / "2012"
	case isNumberLine(a) || (isDigit(last) && strings.ContainsRune(unitStarts, first)):
		_, isMarker := Parse(b)
		return !isMarker // "2012" / "年以来", "30" / "人的队伍"
	case (isDigit(last) || strings.ContainsRune("%‰％", last)) && unicode.Is(unicode.Han, first) && hasHan(a):
		return true // "…实现100%" / "覆盖。": a sentence does not stop at a bare number
	}
	if _, isMarker := Parse(b); isMarker {
		return false
	}
	// A closing quotation mark ends a quoted term, not the sentence: the
	// sentence is mid-way when the text inside it is.
	if core := strings.TrimRight(a, "”’」』\""); core != a && core != "" {
		a, last = core, lastRune(core)
	}
	// So does a gloss in brackets (…基层,乡镇(社区) / 成立卫生应急分队…), unless
	// the bracket is a responsibility note.
	if core, ok := beforeGloss(a); ok {
		a, last = core, lastRune(core)
	}
	return midSentence(a, last) && (unicode.Is(unicode.Han, first) || unicode.IsLetter(first) || strings.ContainsRune("(〔[【《", first))
}

// beforeGloss returns the text before a bracketed gloss that closes s,
// when the gloss is no responsibility note (note_words).
func beforeGloss(s string) (string, bool) {
	if !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "）") {
		return "", false
	}
	open := strings.LastIndexAny(s, "(（")
	if open <= 0 {
		return "", false
	}
	inner := s[open:]
	for _, w := range Words("note_words") {
		if strings.Contains(inner, w) {
			return "", false
		}
	}
	return s[:open], true
}

// isAcronym reports a line of Latin letters, digits and hyphens that
// holds a letter (C-DRG, DRGs, 5G).
func isAcronym(s string) bool {
	letter := false
	for _, r := range s {
		switch {
		case r < 0x80 && unicode.IsLetter(r):
			letter = true
		case r < 0x80 && (unicode.IsDigit(r) || r == '-'):
		default:
			return false
		}
	}
	return letter
}

// opensBracket reports a line that opens with a bracket.
func opensBracket(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("(（〔[【", first)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// closesQuote reports whether s, which opens with a quotation mark, also
// closes it.
func closesQuote(s string) bool {
	open, size := utf8.DecodeRuneInString(s)
	closer := map[rune]rune{'“': '”', '「': '」', '『': '』', '"': '"'}[open]
	return strings.ContainsRune(s[size:], closer)
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// reFieldLabel opens a line that is a field of its own: 完成时限:…, 牵头单位:…,
// 【牵头单位】….
var reFieldLabel = regexp.MustCompile(`^(?:\p{Han}{2,6}[:：]|[【\[〔]\p{Han}{2,6}[】\]〕])`)

// IsFieldLine reports a line that opens with a short label and a colon
// (完成时限:…, 牵头单位:…): a field of its own, never the rest of a sentence.
func IsFieldLine(s string) bool { return reFieldLabel.MatchString(s) }

const (
	// sentencePunct is the punctuation inside or at the end of a sentence.
	sentencePunct = "，,、；;。！？!?：:"
	// terminators end a sentence.
	terminators = "。！？!?；;"
	// closers cannot start a paragraph: they close or continue what came before.
	closers = "、，,。．；;：:！!？?）)〕]】》”’」』%‰％∶…—~～+/"
	// openers cannot end a paragraph.
	openers = "(（〔[【《“‘「『、，,+-—~～/"
	// unitStarts follow a number: 2020年, 30人, 5.5张, 63个病种.
	unitStarts = "年月日号个万亿千百元人名家次项所张岁支种类倍批天周届轮期度级床位辆台套例"
)

// midSentence reports a line that has sentence punctuation inside but
// stops in the middle of a word ("…积极开" / "展…"). A numbered heading with
// a comma (二、优化资源配置,提升服务能力) is not cut off.
func midSentence(a string, last rune) bool {
	if !unicode.Is(unicode.Han, last) || !strings.ContainsAny(a, "，,、；;。") {
		return false
	}
	// a short numbered line without a full stop is a heading (二、优化资源配置,提升服务能力),
	// but 一是… opens a sentence, never a heading
	if m, ok := Parse(a); ok && !m.Keep && !strings.Contains(a, "。") && utf8.RuneCountInString(a) < 60 {
		return false
	}
	return true
}

// MarkerOnly reports a line that is nothing but a numbering marker: "1."
// "(一)" "二、".
func MarkerOnly(s string) bool {
	m, ok := Parse(s)
	return ok && strings.TrimSpace(s[m.Size:]) == "" && !m.Keep
}

// isNumberLine reports a line that is a number: 2018, 7.59%, 16/10, 5-10.
func isNumberLine(s string) bool {
	if s == "" || MarkerOnly(s) {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case isDigit(r):
			digits++
		case strings.ContainsRune(".%‰％/-~:", r):
		default:
			return false
		}
	}
	return digits > 0
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// startsDate reports whether the lines begin a date set on lines of its own
// ("2021" / "年" / "7" / "月" / "9" / "日"), which stands apart from the
// line before it (a signature), unlike a date inside a sentence ("本通知自"
// / "2018" / … / "日起执行。").
func startsDate(next []Line) bool {
	if len(next) == 0 || len(next[0].Text) != 4 || !isNumberLine(next[0].Text) {
		return false
	}
	var b strings.Builder
	for i := 0; i < len(next) && i < 6; i++ {
		b.WriteString(next[i].Text)
		if s := b.String(); strings.HasSuffix(s, "日") {
			return reDateOnly.MatchString(s)
		}
	}
	return false
}

// MinRunOn is the length, in runes, above which a line is read as a body
// pasted as one line, whose spaces between Chinese text are paragraph
// breaks ("…的通知 区直各有关单位:…", "…为准。 附件:…").
const MinRunOn = 300

// SpaceBreaks returns the rune indexes at which a run-on line starts a new
// paragraph: after each run of spaces between two non-ASCII runes. A line
// shorter than MinRunOn has none.
func SpaceBreaks(s string) []int {
	rs := []rune(s)
	if len(rs) < MinRunOn {
		return nil
	}
	var out []int
	for i := 1; i < len(rs); i++ {
		if rs[i] != ' ' || rs[i-1] == ' ' || rs[i-1] < 0x80 {
			continue
		}
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		if j < len(rs) && rs[j] >= 0x80 {
			out = append(out, j)
		}
		i = j - 1
	}
	return out
}

// Hard-wrapped text: a copy of a PDF or a fixed-width page breaks every line
// of a paragraph at one display width, wherever the sentence stands.
const (
	// MinWrapLines is how many full lines make a width a wrap width.
	MinWrapLines = 20
	// WrapShare is the share of the text's lines (those of at least
	// MinWrapWidth) that must be full for the text to be hard-wrapped.
	WrapShare = 0.5
	// MinWrapWidth is the narrowest wrap width, in display columns (a Han
	// character is two): shorter lines are headings and cells.
	MinWrapWidth = 30
	// WrapSlack is how many columns short of the width a line may end and
	// still be full (a wide character does not fit the last column).
	WrapSlack = 2
)

// WrapWidth returns the display width at which lines is hard-wrapped, or 0
// when it is not: the most common width of its lines, when at least
// MinWrapLines and a WrapShare of the lines of MinWrapWidth or more are
// that wide (within WrapSlack) and none is wider.
func WrapWidth(lines []Line) int {
	counts := map[int]int{}
	long, widest := 0, 0
	for _, l := range lines {
		w := l.width()
		if w < MinWrapWidth {
			continue
		}
		long++
		counts[w]++
		widest = max(widest, w)
	}
	best, n := 0, 0
	for w, c := range counts {
		if c > n || c == n && w > best {
			best, n = w, c
		}
	}
	if best == 0 || widest > best+WrapSlack {
		return 0
	}
	full := 0
	for w, c := range counts {
		if w >= best-WrapSlack {
			full += c
		}
	}
	if full < MinWrapLines || float64(full) < WrapShare*float64(long) {
		return 0
	}
	return best
}
