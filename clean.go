package policycmp

import (
	"context"
	_ "embed"
	"fmt"
	"index/suffixarray"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/policycmp/policycmp/extract"
	"github.com/policycmp/policycmp/internal/textcol"
	tsvrows "github.com/policycmp/policycmp/internal/tsv"
	"github.com/policycmp/policycmp/structure"
)

// cleaner turns decoded text into clean paragraphs, recording what it
// repaired as warnings on doc and the fields of index tables and page headers
// in fields.
type cleaner struct {
	doc     *Document
	fields  map[string]string
	damaged [][2]int // raw byte spans
	tables  []rawTable
	ctx     context.Context // nil: never cancelled
}

// CheckEvery is how many lines the cleaner handles between looks at its
// context.
const CheckEvery = 4096

func (c *cleaner) cancelled() bool { return c.ctx != nil && c.ctx.Err() != nil }

var (
	reBookmark = regexp.MustCompile(`\[(?:bookmark|image|comment|footnote)\s*:[^\]\n]{0,200}\]`)
	// A pinyin syllable in parentheses; tone marks may be precomposed or
	// combining. A copy broken at one width may break the line inside it.
	rePinyinAnno = regexp.MustCompile(`\(((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ\x{0300}-\x{036F}]|\r?\n){1,9})\)`)
	// The tail of an annotation whose "(" was swallowed by a damaged span.
	rePinyinOrphan = regexp.MustCompile(`\?([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\x{0300}-\x{036F}]{1,8})\)`)
	rePinyinSyl    = regexp.MustCompile(`^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uai|iao|ian|uan|üan|van|ai|ei|ao|ou|an|en|in|un|ün|vn|er|ia|ie|iu|ua|uo|ui|ue|üe|ve|a|o|e|i|u|ü|v|ng|n|m)$`)
)

const toneMarks = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"

// stripTones maps tone-marked vowels to plain ones and reports whether any were found.
func stripTones(s string) (string, bool) {
	toned := false
	var b strings.Builder
	for _, r := range s {
		if r >= 0x0300 && r <= 0x036F {
			toned = true
			continue
		}
		if strings.ContainsRune(toneMarks, r) {
			toned = true
			switch {
			case strings.ContainsRune("āáǎà", r):
				r = 'a'
			case strings.ContainsRune("ēéěè", r):
				r = 'e'
			case strings.ContainsRune("īíǐì", r):
				r = 'i'
			case strings.ContainsRune("ōóǒò", r):
				r = 'o'
			case strings.ContainsRune("ūúǔù", r):
				r = 'u'
			case strings.ContainsRune("ǖǘǚǜ", r):
				r = 'ü'
			case strings.ContainsRune("ńňǹ", r):
				r = 'n'
			case r == 'ḿ':
				r = 'm'
			}
		}
		b.WriteRune(r)
	}
	return b.String(), toned
}

func isPinyin(s string, allowToneless bool) bool {
	if strings.ContainsAny(s, "\r\n") { // a line broken inside the annotation
		s = strings.NewReplacer("\r", "", "\n", "").Replace(s)
		if n := utf8.RuneCountInString(s); n == 0 || n > 8 {
			return false
		}
	}
	plain, toned := stripTones(s)
	if !toned && !allowToneless {
		return false
	}
	if plain != strings.ToLower(plain) && !toned {
		return false
	}
	return rePinyinSyl.MatchString(strings.ToLower(plain))
}

func (c *cleaner) run(raw string) []mtext {
	m := newMtext(raw)
	c.findDamage(m)
	if m2, spans := m.replace(reBookmark, func([]string) string { return "" }); len(spans) > 0 {
		m = m2
		c.doc.warnSpans(WarnBoilerplate, spans, "removed %d editor markers such as [bookmark: …]", len(spans))
	}
	m = c.dropControls(m)
	m = m.mapRunes(nfkcRune)
	m = c.removePinyin(m)
	m = c.simplify(m)

	var paras []mtext
	removed := map[string]int{}
	removedSpans := map[string][][2]int{}
	var removedExample = map[string]string{}
	var kept []keptLine
	blank, cut := false, false
	for i, raw := range m.lines() {
		if i%CheckEvery == 0 && c.cancelled() {
			return nil
		}
		raw = raw.trim()
		if raw.Len() == 0 {
			blank = true
			continue
		}
		if kind := c.indexLine(raw); kind != "" { // an index table's row: label | value | label | value
			removed[kind]++
			removedSpans[kind] = append(removedSpans[kind], raw.whole())
			cut = true
			continue
		}
		at, row := 0, 0
		parts := []mtext{}
		if cells := structure.CellBreaks(raw.String()); cells != nil {
			row = i + 1
			// a table row on one line: its cells go on as lines of their
			// own, as a flattened table
			for _, cell := range cells {
				if t := raw.slice(cell[0], cell[1]); strings.Trim(t.String(), "-:— ") != "" {
					parts = append(parts, t)
				}
			}
			at = raw.Len()
		} else {
			for _, k := range structure.SpaceBreaks(raw.String()) {
				parts = append(parts, raw.slice(at, k).trim())
				at = k
			}
		}
		if at < raw.Len() {
			parts = append(parts, raw.slice(at, raw.Len()).trim())
		}
		for _, ln := range parts {
			if kind := c.indexLine(ln); kind != "" {
				removed[kind]++
				removedSpans[kind] = append(removedSpans[kind], ln.whole())
				cut = true
				continue
			}
			ln = squeezeSpaces(ln)
			if ln.Len() == 0 {
				continue
			}
			if kind := chromeKind(ln.String()); kind != "" {
				removed[kind]++
				removedSpans[kind] = append(removedSpans[kind], ln.whole())
				cut = true
				if removed[kind] <= MaxChromeExamples {
					s, _ := ln.span(0, 0)
					if removedExample[kind] != "" {
						removedExample[kind] += ", "
					}
					removedExample[kind] += fmt.Sprintf("%q at offset %d", excerpt(ln.String(), 24), s)
				}
				continue
			}
			kept = append(kept, keptLine{m: ln, blank: blank, cut: cut, row: row})
			blank, cut = false, false
		}
	}
	kept = c.takeTables(kept)
	paras = c.reflow(kept)
	for _, kind := range slices.Sorted(maps.Keys(removed)) {
		if ex := removedExample[kind]; ex != "" {
			more := ""
			if removed[kind] > MaxChromeExamples {
				more = fmt.Sprintf(" and %d more", removed[kind]-MaxChromeExamples)
			}
			c.doc.warnSpans(WarnBoilerplate, removedSpans[kind], "removed %d %s line(s): %s%s", removed[kind], kind, ex, more)
		} else {
			c.doc.warnSpans(WarnBoilerplate, removedSpans[kind], "removed %d %s line(s); their fields went to the metadata", removed[kind], kind)
		}
	}
	paras = c.mergeRepeated(paras)
	paras = c.rejoin(paras)
	return paras
}

// MaxChromeExamples is how many removed lines of one kind a warning quotes
// with their offsets.
const MaxChromeExamples = 5

// keptLine is a line that survived chrome removal: whether blank lines
// stood before it, and whether removed chrome did.
type keptLine struct {
	m          mtext
	blank, cut bool
	row        int // not 0: the line is a cell of the row written on input line row-1 (structure.CellBreaks)
}

// reflow joins the lines that continue a sentence, a number or a 文号 broken
// across lines (structure.Reflow). A join across removed page chrome (a
// caption inside a sentence) is a warning of its own with its offset; the
// other joins are counted in one warning.
func (c *cleaner) reflow(lines []keptLine) []mtext {
	meta := make([]structure.Line, len(lines))
	for i, l := range lines {
		a, b := l.m.span(0, l.m.Len())
		meta[i] = structure.Line{Text: l.m.String(), BlankBefore: l.blank, Width: textcol.Width(c.doc.Raw[a:b])}
	}
	join := structure.Reflow(meta)
	var out []mtext
	joins := 0
	for i := 0; i < len(lines); i++ {
		p := lines[i].m
		if i < len(join) && join[i] {
			p = mtext{}
			p.appendM(lines[i].m)
			for i < len(join) && join[i] {
				i++
				next := lines[i].m
				if lines[i].cut {
					s, _ := next.span(0, 0)
					c.doc.warn(WarnRejoined, s, "re-joined a sentence split across lines: …%s|%s…",
						string(p.r[max(0, p.Len()-6):]), string(next.r[:min(6, next.Len())]))
				} else {
					joins++
				}
				p.appendM(next)
			}
		}
		out = append(out, p)
	}
	if joins > 0 {
		c.doc.warn(WarnReflowed, 0, "joined %d line breaks inside sentences, numbers, dates or document numbers", joins)
	}
	return out
}

// isControl reports a rune that must not reach any output: C0 and C1
// control characters other than line breaks and tabs (ESC starts the
// terminal sequences that set a window title or clear a screen), and the
// bidirectional embeddings, overrides and isolates (U+202E) that reorder
// what a reader sees.
func isControl(r rune) bool {
	switch {
	case r == '\n' || r == '\r' || r == '\t' || r == '\f' || r == '\v' || r == 0x85:
		return false
	case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// dropControls removes control characters and bidirectional overrides,
// and says where in a warning.
func (c *cleaner) dropControls(m mtext) mtext {
	var at []string
	var spans [][2]int
	n := 0
	out := m.mapRunes(func(r rune) (string, bool) {
		if !isControl(r) {
			return "", false
		}
		return "", true
	})
	if out.Len() == m.Len() {
		return m
	}
	for i, r := range m.r {
		if isControl(r) {
			n++
			spans = append(spans, [2]int{int(m.s[i]), int(m.e[i])})
			if len(at) < MaxChromeExamples {
				at = append(at, fmt.Sprintf("U+%04X at offset %d", r, m.s[i]))
			}
		}
	}
	c.doc.warnSpans(WarnControl, spans, "removed %d control or bidirectional-override characters: %s", n, strings.Join(at, ", "))
	return out
}

// findDamage records spans of mojibake: runs of '?' glued to Han text and
// U+FFFD replacement characters, with one neighbour on each side.
func (c *cleaner) findDamage(m mtext) {
	bad := func(i int) bool {
		r := m.r[i]
		if r == 0xFFFD {
			return true
		}
		if r != '?' {
			return false
		}
		for _, k := range []int{i - 1, i + 1} {
			if k >= 0 && k < m.Len() && (unicode.Is(unicode.Han, m.r[k]) || m.r[k] == '?' || m.r[k] > 0x2000) {
				return true
			}
		}
		return false
	}
	for i := 0; i < m.Len(); i++ {
		if !bad(i) {
			continue
		}
		j := i + 1
		for j < m.Len() {
			if bad(j) {
				j++
				continue
			}
			// merge runs separated by at most two non-space runes
			if j+2 < m.Len() && !isSpace(m.r[j]) && (bad(j+1) || (!isSpace(m.r[j+1]) && bad(j+2))) {
				j++
				continue
			}
			break
		}
		a, b := max(i-1, 0), min(j+1, m.Len())
		for a < i && (isSpace(m.r[a]) || isPunct(m.r[a])) {
			a++
		}
		for b > j && (isSpace(m.r[b-1]) || isPunct(m.r[b-1])) {
			b--
		}
		s, e := m.span(a, b)
		c.damaged = append(c.damaged, [2]int{s, e})
		c.doc.warn(WarnDamaged, s, "damaged text %q kept and flagged", string(m.r[a:b]))
		i = j
	}
}

func isPunct(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return false // CJK Unified Ideographs, letters all: most runes of a plan, answered before the tables
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// removePinyin deletes pinyin annotations after characters (醫(yī) → 醫). A
// parenthesised syllable with a tone mark is an annotation; once a document
// has several, toneless syllables count too. Real parentheses such as (市),
// (助理) or (Angel) are untouched.
func (c *cleaner) removePinyin(m mtext) mtext {
	toned := 0
	for _, sub := range rePinyinAnno.FindAllStringSubmatch(m.String(), -1) {
		if isPinyin(sub[1], false) {
			toned++
		}
	}
	if toned == 0 {
		return m
	}
	mode := toned >= 3
	n := 0
	m, spans := m.replace(rePinyinAnno, func(sub []string) string {
		if isPinyin(sub[1], mode) {
			n++
			return ""
		}
		return sub[0]
	})
	if mode {
		m, _ = m.replace(rePinyinOrphan, func(sub []string) string {
			if isPinyin(sub[1], true) {
				n++
				return "?"
			}
			return sub[0]
		})
	}
	c.doc.warnSpans(WarnPinyin, spans, "removed %d pinyin annotations after characters", n)
	return m
}

// simplify converts traditional text to simplified when the text is traditional.
func (c *cleaner) simplify(m mtext) mtext {
	share := traditionalShare(m.r)
	if share < 0.04 {
		return m
	}
	conv, err := t2s()
	if err != nil {
		c.doc.warn(WarnTraditional, 0, "text is traditional Chinese (%.0f%% of sampled characters), but the traditional→simplified conversion is unavailable: %v", share*100, err)
		return m
	}
	c.doc.warn(WarnTraditional, 0, "text is traditional Chinese (%.0f%% of sampled characters differ); converted to simplified", share*100)
	return toSimplifiedM(conv, m)
}

// squeezeSpaces drops spaces next to Chinese text and collapses the rest.
func squeezeSpaces(m mtext) mtext {
	out := mtext{r: make([]rune, 0, m.Len()), s: make([]int32, 0, m.Len()), e: make([]int32, 0, m.Len())}
	for i := 0; i < m.Len(); i++ {
		if m.r[i] != ' ' && m.r[i] != '\t' {
			out.push(m.r[i], m.s[i], m.e[i])
			continue
		}
		j := i
		for j < m.Len() && (m.r[j] == ' ' || m.r[j] == '\t') {
			j++
		}
		if i > 0 && j < m.Len() && (isLatin(m.r[i-1]) && isLatin(m.r[j]) || outlineNumber(m.r[:i])) {
			out.push(' ', m.s[i], m.e[i])
		}
		i = j - 1
	}
	return out
}

// outlineNumber reports a line start that is an outline number, 3 or 2.1
// (parts of one or two digits): the space after it marks it as a list
// marker (2.1 推进…), which structure's schemes read, so it is kept.
func outlineNumber(r []rune) bool {
	digits := 0
	for k, c := range r {
		switch {
		case c >= '0' && c <= '9':
			digits++
			if digits > 2 {
				return false
			}
		case c == '.' && digits > 0 && k < len(r)-1:
			digits = 0
		default:
			return false
		}
	}
	return digits > 0
}

func isLatin(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || unicode.Is(unicode.Latin, r)
}

// Index tables (索引号, 发布机构 …) and page headers (发表时间, 来源 …).
var indexLabels = []string{
	"索引号", "信息分类", "主题分类", "体裁分类", "组配分类", "服务对象分类", "发布机构", "发文机关", "发文单位",
	"发文日期", "成文日期", "发布日期", "名称", "标题", "文号", "发文字号", "是否有效", "有效性", "公开类型",
	"公开属性", "公开期限", "公开方式", "公开范围", "主题词", "关键词", "生成日期",
}

// Archive and site header labels whose values are page furniture, not
// metadata a reader would cite.
var archiveLabels = []string{"栏目", "原始链接", "原文链接", "本地目录", "附件与图片链接", "正文", "当前位置", "所属栏目", "来源网址"}

var headerLabels = []string{
	"提交者", "发表时间", "发布时间", "更新时间", "点击次数", "点击数", "浏览次数", "阅读次数", "访问次数", "来源",
	"文章来源", "信息来源", "作者", "责任编辑", "编辑", "审核", "校对", "字号", "字体",
}

var reIndexLabel, reHeaderLine = func() (*regexp.Regexp, *regexp.Regexp) {
	spaced := func(labels []string) string {
		var alts []string
		for _, l := range labels {
			rs := []string{}
			for _, r := range l {
				rs = append(rs, regexp.QuoteMeta(string(r)))
			}
			alts = append(alts, strings.Join(rs, ` ?`))
		}
		return strings.Join(alts, "|")
	}
	return regexp.MustCompile(`(` + spaced(indexLabels) + `) ?:`),
		regexp.MustCompile(`^(` + spaced(append(append([]string{}, headerLabels...), archiveLabels...)) + `) ?:(.*)$`)
}()

// indexLine parses a line of an index table or page header into c.fields
// and says which kind of line it is ("" for neither).
func (c *cleaner) indexLine(ln mtext) string {
	if ln.Len() > 300 || !maybeLabelled(ln) {
		return ""
	}
	s := ln.String()
	if sub := reHeaderLine.FindStringSubmatch(s); sub != nil && ln.Len() <= 60 {
		c.setField(strings.ReplaceAll(sub[1], " ", ""), sub[2])
		return "page header"
	}
	locs := reIndexLabel.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		return ""
	}
	if !(locs[0][0] == 0 || len(locs) >= 2) || (len(locs) == 1 && ln.Len() > 100) {
		return ""
	}
	for i, loc := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		c.setField(strings.ReplaceAll(s[loc[2]:loc[3]], " ", ""), s[loc[1]:end])
	}
	return "index table"
}

// labelEnds holds the last characters of the index and header labels.
var labelEnds = func() map[rune]bool {
	m := map[rune]bool{}
	for _, l := range append(append(append([]string{}, indexLabels...), headerLabels...), archiveLabels...) {
		r, _ := utf8.DecodeLastRuneInString(l)
		m[r] = true
	}
	return m
}()

// maybeLabelled is a quick test before the label expressions run: some
// colon follows a character that ends a label.
func maybeLabelled(m mtext) bool {
	for i, r := range m.r {
		if r != ':' && r != '：' {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if labelEnds[m.r[k]] {
				return true
			}
			if m.r[k] != ' ' {
				break
			}
		}
	}
	return false
}

func (c *cleaner) setField(label, value string) {
	value = strings.Trim(value, " |")
	if value == "" {
		return
	}
	if _, ok := c.fields[label]; !ok {
		c.fields[label] = value
	}
}

//go:embed chrome.tsv
var chromeTSV string

// chromeRule is a row of chrome.tsv.
type chromeRule struct {
	kind   string
	re     *regexp.Regexp
	maxLen int
	need   []string // the rule can only match a line holding one of these
}

// chromeRules parses chrome.tsv once, on first use.
var chromeRules = sync.OnceValue(func() []chromeRule {
	rules, err := parseChrome(chromeTSV)
	if err != nil {
		panic("policycmp: embedded chrome.tsv: " + err.Error()) // embedded data, checked by the tests
	}
	return rules
})

func parseChrome(tsv string) ([]chromeRule, error) {
	var out []chromeRule
	for _, row := range tsvrows.Rows(tsv) {
		f, n := row.Fields, row.Line
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: %d fields, want 4", n, len(f))
		}
		maxLen, err := strconv.Atoi(f[1])
		if err != nil {
			return nil, fmt.Errorf("line %d: longest line: %w", n, err)
		}
		re, err := regexp.Compile(f[3])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		r := chromeRule{kind: f[0], re: re, maxLen: maxLen}
		if f[2] != "-" {
			r.need = strings.Fields(f[2])
		}
		out = append(out, r)
	}
	return out, nil
}

func chromeKind(s string) string {
	if m, numbered := structure.Parse(s); numbered && strings.IndexFunc(s[min(m.Size, len(s)):], unicode.IsLetter) >= 0 {
		return "" // a numbered item is content, whatever it mentions (a URL, a hotline, a file); "4 / 10" is no item
	}
	n := utf8.RuneCountInString(s)
	for _, r := range chromeRules() {
		if n > r.maxLen {
			continue
		}
		if r.need != nil && !slices.ContainsFunc(r.need, func(k string) bool { return strings.Contains(s, k) }) {
			continue
		}
		if r.re.MatchString(s) {
			return r.kind
		}
	}
	return ""
}

// stringKey is key of a string: s without spaces or punctuation.
func stringKey(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) || isPunct(r) {
			return -1
		}
		return r
	}, s)
}

// key is the comparison form of a paragraph: no spaces or punctuation.
func key(m mtext) string {
	n := 0 // the key's bytes, so that it is made at its size
	for _, r := range m.r {
		if !isSpace(r) && !isPunct(r) {
			n += utf8.RuneLen(r)
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, r := range m.r {
		if !isSpace(r) && !isPunct(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mergeRepeated finds a document pasted twice and merges the copies into
// one that holds the union of their sentences in order. Sentences, not
// lines, are compared — a sentence read across the line breaks inside it
// — so two copies broken into lines differently (a body on one line, lines
// cut at other places) are still found and merged; the merged text keeps
// the line breaks of the copy each sentence is taken from. A document of
// more than MaxRepeatUnits sentences is compared by its paragraphs.
func (c *cleaner) mergeRepeated(paras []mtext) []mtext {
	units := sentenceUnits(paras)
	what := "sentences"
	if len(units) > MaxRepeatUnits {
		units, what = units[:0], "paragraphs"
		for _, p := range paras {
			units = append(units, unit{pieces: []unitPiece{{p, true}}})
		}
	}
	keys := make([]string, len(units))
	for i, u := range units {
		keys[i] = u.key()
	}
	out, ok := c.mergeUnits(keys, func(i int) mtext { return units[i].text() }, what, func(order []int) []mtext {
		var out []mtext
		for _, k := range order {
			for _, pc := range units[k].pieces {
				if len(out) == 0 || pc.opens {
					out = append(out, mtext{})
				}
				out[len(out)-1].appendM(pc.text)
			}
		}
		return out
	})
	if !ok {
		return paras
	}
	return out
}

// unit is a sentence of the text as read across line breaks: the pieces
// of paragraphs it is made of, each marked when it opens its paragraph.
type unit struct {
	pieces []unitPiece
}

// key is the unit's comparison form (key), read across its pieces.
func (u unit) key() string {
	if len(u.pieces) == 1 {
		return key(u.pieces[0].text)
	}
	var b strings.Builder
	for _, pc := range u.pieces {
		b.WriteString(key(pc.text))
	}
	return b.String()
}

// text is the unit's text, its pieces joined.
func (u unit) text() mtext {
	if len(u.pieces) == 1 {
		return u.pieces[0].text
	}
	var m mtext
	for _, pc := range u.pieces {
		m.appendM(pc.text)
	}
	return m
}

// unitPiece is a piece of one paragraph in a sentence unit.
type unitPiece struct {
	text  mtext
	opens bool
}

// sentenceUnits cuts the paragraphs into sentences (after 。！？, with the
// closing quotes and brackets after them), reading on across paragraph
// breaks that no sentence end precedes (a line cut inside a sentence runs
// into its rest), except into a numbered paragraph (一、…, (一)…), which
// opens a sentence of its own.
func sentenceUnits(paras []mtext) []unit {
	var out []unit
	var cur unit
	add := func(t mtext, opens bool) {
		if t.Len() == 0 {
			return
		}
		cur.pieces = append(cur.pieces, unitPiece{t, opens})
	}
	closeUnit := func() {
		if len(cur.pieces) > 0 {
			out = append(out, cur)
			cur = unit{}
		}
	}
	for _, p := range paras {
		if _, ok := structure.Parse(string(p.r[:min(p.Len(), MaxMarkerRunes)])); ok {
			closeUnit() // a numbered paragraph opens a sentence of its own
		}
		at, opens := 0, true
		for i := 0; i < p.Len(); i++ {
			switch p.r[i] {
			case '。', '！', '？', '!', '?':
				j := i + 1
				for j < p.Len() && strings.ContainsRune("”’」』)）", p.r[j]) {
					j++
				}
				add(p.slice(at, j), opens)
				closeUnit()
				at, i, opens = j, j-1, false
			}
		}
		add(p.slice(at, p.Len()), opens)
	}
	closeUnit()
	return out
}

// MaxMarkerRunes is how much of a paragraph's start is read for its
// numbering marker (第一百二十三条 and the like are shorter).
const MaxMarkerRunes = 16

// MaxRepeatUnits is the most paragraphs (or sentences) a document pasted
// twice is looked for among: merging two copies is quadratic in them.
const MaxRepeatUnits = 5000

// mergeUnits looks for a document pasted twice among units (its sentences
// or paragraphs): a second copy that repeats at least three units and two
// fifths of the long ones, starting where the first long unit that
// repeats (in the order of the text) comes again — not at the first
// repeat, which may be a sentence a plan says twice. It merges the copies
// along their longest common subsequence, warns, and returns rebuild's
// paragraphs of the merged order (indexes into units); ok is false when
// there is no second copy.
func (c *cleaner) mergeUnits(keys []string, text func(i int) mtext, what string, rebuild func(order []int) []mtext) ([]mtext, bool) {
	if len(keys) < 6 || len(keys) > MaxRepeatUnits {
		return nil, false
	}
	count := map[string]int{}
	first := map[string]int{}
	long := 0
	for i := range keys {
		if utf8.RuneCountInString(keys[i]) < 8 {
			continue
		}
		long++
		count[keys[i]]++
		if _, ok := first[keys[i]]; !ok {
			first[keys[i]] = i
		}
	}
	twice := 0
	split := -1
	var opener string // the first long unit, in the text's order, that repeats
	for i, k := range keys {
		if count[k] < 2 {
			continue
		}
		if first[k] == i {
			twice++
			if opener == "" {
				opener = k
			}
		} else if k == opener && split < 0 {
			split = i
		}
	}
	if split < 0 || twice < 3 || twice*10 < long*4 {
		return nil, false
	}
	order, onlyA, onlyB, dropped := mergeLCS(text, keys[:split], keys[split:])
	c.doc.warnSpans(WarnDuplicate, dropped,
		"document appears twice (%d repeated %s); merged into one copy (%d %s only in the first copy, %d only in the second: %s)",
		twice, what, len(onlyA), what, len(onlyB), strings.Join(onlyB[:min(3, len(onlyB))], "; "))
	return rebuild(order), true
}

// mergeLCS merges two versions of a list, the units keyed ka and those
// after them keyed kb, along their longest common subsequence. The merged
// order indexes the units (text(i) is unit i's text); the units of the
// second version that the first already holds are dropped, and their spans
// returned.
func mergeLCS(text func(i int) mtext, ka, kb []string) (order []int, onlyA, onlyB []string, dropped [][2]int) {
	n, m := len(ka), len(kb)
	dp := make([][]int32, n+1)
	for i := range dp {
		dp[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ka[i] == kb[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && ka[i] == kb[j]:
			order = append(order, i)
			dropped = append(dropped, text(n+j).whole())
			i++
			j++
		case j == m || (i < n && dp[i+1][j] >= dp[i][j+1]):
			order = append(order, i)
			onlyA = append(onlyA, excerpt(text(i).String(), 16))
			i++
		default:
			order = append(order, n+j)
			onlyB = append(onlyB, excerpt(text(n+j).String(), 16))
			j++
		}
	}
	return order, onlyA, onlyB, dropped
}

// sentence follows a paragraph as pieces are joined to it, so whether it is
// still incomplete is answered from the piece added, not from the whole
// text again: rejoining a run of n pieces is linear, not quadratic.
type sentence struct {
	text         mtext // the joined text: the first piece itself, a copy of its own from the second on
	pieces       int
	punct, final bool // some piece has sentence punctuation; some has a full stop
}

func (st *sentence) add(p mtext) {
	switch st.pieces {
	case 0:
		st.text = p
	case 1:
		first := st.text
		st.text = mtext{}
		st.text.appendM(first) // a copy, which appending may grow
		fallthrough
	default:
		st.text.appendM(p)
	}
	st.pieces++
	for _, r := range p.r {
		switch r {
		case ',', '，', '、', ';', '；':
			st.punct = true
		case '。':
			st.punct, st.final = true, true
		}
	}
}

// state reports whether the text stops in the middle of a sentence (it
// has sentence punctuation but does not end with a sentence end), and
// whether it would, but for reading as a numbered heading with a comma
// (二、优化资源配置,提升服务能力).
func (st *sentence) state() (incomplete, heading bool) {
	p := st.text
	if p.Len() == 0 {
		return false, false
	}
	last := p.r[p.Len()-1]
	if isPunct(last) && last != '、' && last != ',' || !st.punct {
		return false, false
	}
	if p.Len() < 60 && !st.final {
		if _, ok := structure.Parse(p.String()); ok {
			return false, true
		}
	}
	return true, false
}

// quotes finds pull-quotes: paragraphs whose text stands inside a longer
// paragraph elsewhere in the document. One suffix array over all the
// paragraphs' keys answers each question in O(k log n), so the whole pass
// is n log n, not quadratic.
type quotes struct {
	keys   []string
	starts []int // where each key begins in the joined text
	index  *suffixarray.Index
}

func newQuotes(paras []mtext) *quotes {
	q := &quotes{keys: make([]string, len(paras)), starts: make([]int, len(paras))}
	for i, p := range paras {
		q.keys[i] = key(p)
	}
	return q
}

// build makes the suffix array on the first question that needs it: most
// documents ask none.
func (q *quotes) build() {
	var b strings.Builder
	for i, k := range q.keys {
		q.starts[i] = b.Len()
		b.WriteString(k)
		b.WriteByte(0) // keys hold no NUL: no match crosses two of them
	}
	q.index = suffixarray.New([]byte(b.String()))
}

// MinPullQuote is the shortest key, in runes, that counts as a pull-quote.
const MinPullQuote = 12

// pullQuote reports whether paragraph i repeats text found inside a longer
// paragraph elsewhere in the document.
func (q *quotes) pullQuote(paras []mtext, i int) bool {
	k := q.keys[i]
	if utf8.RuneCountInString(k) < MinPullQuote {
		return false
	}
	if _, ok := structure.Parse(paras[i].String()); ok {
		return false
	}
	if q.index == nil {
		q.build()
	}
	for _, at := range q.index.Lookup([]byte(k), -1) {
		j := sort.SearchInts(q.starts, at+1) - 1 // the key the match lies in
		if j != i && len(q.keys[j]) > len(k) {
			return true
		}
	}
	return false
}

// rejoin re-joins sentences cut in two by an inserted caption, pull-quote or
// page break, and drops pull-quotes that repeat text found elsewhere.
func (c *cleaner) rejoin(paras []mtext) []mtext {
	q := newQuotes(paras)
	drop := make([]bool, len(paras))
	var out []mtext
	for i := 0; i < len(paras); i++ {
		if drop[i] {
			continue
		}
		p := paras[i]
		if strings.ContainsAny(string(p.r[:min(1, p.Len())]), "“\"「『") && q.pullQuote(paras, i) {
			c.doc.warnSpans(WarnPullQuote, [][2]int{p.whole()}, "dropped pull-quote that repeats the text: %q", excerpt(p.String(), 24))
			continue
		}
		var st sentence
		st.add(p)
		for {
			incomplete, heading := st.state()
			if !incomplete && !heading {
				break
			}
			j := i + 1
			var quotes []int
			for j < len(paras) && q.pullQuote(paras, j) {
				quotes = append(quotes, j)
				j++
			}
			if j >= len(paras) {
				break
			}
			next := paras[j]
			ns := next.String()
			if _, ok := structure.Parse(ns); ok || next.Len() == 0 || !startsMidSentence(next) || structure.IsFieldLine(ns) {
				break
			}
			if !incomplete && !extract.OpensWithCue(ns) {
				break // a numbered heading, unless what follows goes on with its target (…签约率 / 达到70%以上)
			}
			for _, q := range quotes {
				drop[q] = true
				c.doc.warnSpans(WarnPullQuote, [][2]int{paras[q].whole()}, "dropped pull-quote that repeats the text: %q", excerpt(paras[q].String(), 24))
			}
			s, _ := next.span(0, 0)
			last := st.text
			c.doc.warn(WarnRejoined, s, "re-joined a sentence split across lines: …%s|%s…",
				string(last.r[max(0, last.Len()-6):]), string(next.r[:min(6, next.Len())]))
			st.add(next)
			drop[j] = true
			i = j
		}
		out = append(out, st.text)
	}
	return out
}

// startsMidSentence reports whether p can continue a sentence: it starts
// with a letter or digit, not with an opening quote or bracket of its own.
func startsMidSentence(p mtext) bool {
	r := p.r[0]
	return unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func excerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
