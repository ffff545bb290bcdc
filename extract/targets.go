package extract

import (
	"cmp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policycmp/policycmp/internal/gate"
	"github.com/policycmp/policycmp/structure"
)

// Target is a quantitative target stated in a sentence.
type Target struct {
	Text       string  `json:"text"`
	Value      float64 `json:"value"`
	Unit       string  `json:"unit"`
	Comparator string  `json:"comparator"`         // "=", ">=", ">", "<=", "<"
	Deadline   int     `json:"deadline,omitempty"` // year, 0 when not stated
	Indicator  string  `json:"indicator,omitempty"`
	// Counted is the noun the number counts when it follows the number
	// (建设3个标准化的生物安全实验室: 标准化的生物安全实验室), also the end of
	// Indicator; empty when the indicator comes before the number.
	Counted  string `json:"counted,omitempty"`
	ClauseID string `json:"clause_id,omitempty"`
}

var (
	reTargetNum = pattern("target_num")
	// targetGate tells at once most clauses without a number and its unit
	// (3个, 80%): the regexp engine would try every position.
	targetGate = gate.NewPair(reTargetNum)
	reDeadline = pattern("deadline")
	// deadlineNeeds is what every deadline contains (年): most clauses
	// have none, and a substring search rules them out at once.
	deadlineNeeds = gate.Literal(reDeadline)
	reCue         = pattern("cue")
)

// OpensWithCue reports whether s opens with the cue of a target (达到,
// 不低于, 提高到 …): the rest of a sentence whose indicator the line before
// holds (…重点人群签约率 / 达到70%以上), never the start of one.
func OpensWithCue(s string) bool {
	loc := reCue.FindStringIndex(s)
	return loc != nil && loc[0] == 0
}

// Targets finds the quantitative targets a sentence states: a number with
// its unit after a cue (达到, 不低于, 控制在 …), its comparator, the
// deadline the sentence names (到2025年, 年底前: docYear; else a year the
// phrase opens with, 2015年个人缴费增加到90元) and what it
// measures. clauseID is recorded on each target.
func Targets(clauseID, s string, docYear int) []Target {
	return targetsIn(clauseID, s, docYear)
}

func targetsIn(clauseID, s string, docYear int) []Target {
	var out []Target
	deadline := 0
	var deadlines [][]int
	if strings.Contains(s, deadlineNeeds) {
		deadlines = reDeadline.FindAllStringSubmatchIndex(s, -1)
	}
	// bare holds the years named without 到 or 底前 that are no base year,
	// by where they end: a work plan's phrase that opens with a year sets
	// the targets after it for that year (2016年不低于30%,2017年增加到不低于50%),
	// unless the year is a base (与2020年相比, 较2019年) or a start
	// (2023年以来, 2023年起). A deadline the sentence marks comes first.
	var bare [][2]int // {end, year}
	for _, sub := range deadlines {
		y, _ := strconv.Atoi(s[sub[2]:sub[3]])
		prefix := s[sub[0]:sub[2]]
		suffix := s[sub[3]:sub[1]]
		if prefix != "" || strings.Contains(suffix, "底") || strings.Contains(suffix, "前") {
			deadline = y
		} else if !reYearBaseBefore.MatchString(s[:sub[0]]) && !reYearBaseAfter.MatchString(s[sub[1]:]) {
			bare = append(bare, [2]int{sub[1], y})
		}
	}
	yearBefore := func(at int) int {
		y := 0
		for _, b := range bare {
			if b[0] <= at {
				y = b[1]
			}
		}
		return y
	}
	if deadline == 0 && docYear > 0 && (strings.Contains(s, "年底前") || strings.Contains(s, "年内") || strings.Contains(s, "年底")) {
		deadline = docYear
	}
	prevEnd := 0  // where the previous target's quantity ends
	prevCue := "" // the cue phrase of the previous target
	// into[k] marks a target whose tail runs straight into the next one's
	// quantity (3个和1个…实验室, 1支不少于30人的…队伍): when it names no noun
	// of its own, it counts what the next one counts.
	var into []bool
	var nouns []string // what each target counts, when the noun follows its number
	var all [][]int
	if targetGate.Admits(s) {
		all = reTargetNum.FindAllStringSubmatchIndex(s, -1)
	}
	for li, loc := range all {
		numStr, unit := s[loc[2]:loc[3]], s[loc[4]:loc[5]]
		after := ""
		if loc[6] >= 0 {
			after = s[loc[6]:loc[7]]
		}
		if skipNumber(s, loc[0], loc[1], numStr, unit) {
			continue
		}
		arabic := numStr[0] >= '0' && numStr[0] <= '9'
		var v float64
		if arabic {
			v, _ = strconv.ParseFloat(numStr, 64)
		} else {
			n, ok := structure.CNNumber(numStr)
			if !ok {
				continue
			}
			v = float64(n)
		}
		// phrase start: the last comma before the number, or the previous
		// target's quantity (looked for after that quantity only, so a
		// text of many targets is read once)
		from := min(prevEnd, loc[0])
		start := from + lastSep(s[from:loc[0]], ",，;；:：")
		phrase := s[start:loc[0]]
		follows := len(out) > 0 && start == prevEnd // nothing but phrase since the previous quantity
		coordinated := follows && isConjunction(phrase)
		own := phrase // the words the indicator is read from
		switch {
		case coordinated:
			phrase = prevCue // 分别完成3个和1个: the second shares the first's cue
			own = phrase
		case follows && listedAfter(phrase):
			// 培训全科医生168人、住院医师56人 / 培养3名高层次人才和10名临床骨干:
			// an item of the same list shares the first's cue; a noun before
			// a closing conjunction counts the quantity before it
			own = strings.TrimLeft(phrase, "、")
			if reCountedEnd.MatchString(strings.TrimSpace(own)) {
				own = ""
			}
			phrase, coordinated = prevCue, true
		}
		// phrase end: the next separator after the number
		end := len(s)
		if k := firstSep(s[loc[1]:], ",，;；、"); k >= 0 {
			end = loc[1] + k
		}
		if li+1 < len(all) && all[li+1][0] < end {
			end = max(loc[1], all[li+1][0])
		}
		tail := s[loc[1]:end]
		cueLoc := reCue.FindAllStringIndex(phrase, -1)
		if len(cueLoc) == 0 && !(strings.HasPrefix(tail, "的") && reCue.MatchString(tail)) {
			continue
		}
		if !arabic && !reComparatorEnd.MatchString(phrase) {
			continue // Chinese numerals only right after a comparator: 不超过两年
		}
		textStart := start
		if coordinated {
			textStart = loc[0] // not the conjunction
		}
		text := strings.TrimLeft(s[textStart:end], "、,， ")
		if follows {
			rest := strings.TrimSpace(s[start:loc[0]])
			into[len(into)-1] = coordinated || rest != "" && indicator(rest) == ""
		}
		noun := counted(tail, after)
		into = append(into, false)
		nouns = append(nouns, noun)
		out = append(out, Target{
			Text:       text,
			Value:      v,
			Unit:       unit,
			Comparator: Comparator(phrase, after),
			Deadline:   cmp.Or(deadline, yearBefore(loc[0])),
			Indicator:  indicator(own) + noun,
			Counted:    noun,
			ClauseID:   clauseID,
		})
		prevEnd, prevCue = loc[1], phrase
		if loc[6] >= 0 {
			prevEnd = loc[7]
		}
	}
	for k := len(out) - 2; k >= 0; k-- {
		if into[k] && nouns[k] == "" && nouns[k+1] != "" {
			out[k].Indicator += nouns[k+1]
			out[k].Counted, nouns[k] = nouns[k+1], nouns[k+1]
		}
	}
	return out
}

var (
	reComparatorEnd  = pattern("comparator_end")
	reYearBaseBefore = pattern("year_base_before")
	reYearBaseAfter  = pattern("year_base_after")
)

// listedAfter reports the phrase between two quantities of one list: it
// opens with an enumeration comma (、住院医师) or closes with a conjunction
// (高层次人才和), and holds no separator of its own.
func listedAfter(phrase string) bool {
	p := strings.TrimSpace(phrase)
	if p == "" || strings.ContainsAny(p, ",，;；:：。") {
		return false
	}
	return strings.HasPrefix(p, "、") && utf8.RuneCountInString(p) > 1 || reCountedEnd.MatchString(p)
}

// isConjunction reports whether s is only a conjunction (和, 及, 、 …).
func isConjunction(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && reCountedEnd.ReplaceAllString(s, "") == ""
}

func lastSep(s, seps string) int {
	best := 0
	for _, r := range seps {
		if i := strings.LastIndex(s, string(r)); i >= 0 && i+len(string(r)) > best {
			best = i + len(string(r))
		}
	}
	return best
}

func firstSep(s, seps string) int {
	return strings.IndexAny(s, seps)
}

// skipNumber drops numbers that are not quantities: years, ordinals,
// ranges, numbers in titles and the like.
func skipNumber(s string, a, b int, num, unit string) bool {
	if unit == "年" && len(num) == 4 && num[0] == '2' {
		return true // 2025年: a year
	}
	if a > 0 {
		prev, _ := utf8.DecodeLastRuneInString(s[:a])
		if prev == '至' {
			if p2, _ := utf8.DecodeLastRuneInString(s[:a-len("至")]); p2 >= '0' && p2 <= '9' {
				return true // 1至2批: a range
			}
		}
		if prev == '第' || prev == '—' || prev == '-' || prev == '~' || prev == '.' {
			return true
		}
	}
	if b < len(s) {
		next, _ := utf8.DecodeRuneInString(s[b:])
		if next == '—' || next == '-' || next == '~' {
			return true
		}
		if unit == "岁" && unicode.Is(unicode.Han, next) {
			return true // 3岁以下婴幼儿, 65岁及以上老年人: an age that qualifies a noun
		}
	}
	if strings.Count(s[:a], "《") > strings.Count(s[:a], "》") {
		return true
	}
	return false
}

// Comparator reads the comparison a cue phrase before a number and a word
// after it state: "=", ">=", ">", "<=" or "<".
func Comparator(phrase, after string) string {
	switch after {
	case "以上", "及以上":
		return ">="
	case "以下", "以内":
		return "<="
	}
	tail := phrase
	if n := utf8.RuneCountInString(tail); n > 8 {
		tail = string([]rune(tail)[n-8:])
	}
	switch {
	case strings.HasSuffix(tail, "≥"):
		return ">="
	case strings.HasSuffix(tail, "≤"):
		return "<="
	case strings.Contains(tail, "不超过"), strings.Contains(tail, "不高于"), strings.Contains(tail, "控制在"), strings.Contains(tail, "下降到"), strings.Contains(tail, "下降至"),
		strings.Contains(tail, "最长"), strings.Contains(tail, "最多"), strings.Contains(tail, "降至"), strings.Contains(tail, "降低"),
		strings.Contains(tail, "缩短"), strings.Contains(tail, "减少到"), strings.Contains(tail, "减少至"):
		return "<="
	case strings.Contains(tail, "低于") && !strings.Contains(tail, "不低于"):
		return "<"
	case strings.Contains(tail, "超过"), strings.Contains(tail, "高于") && !strings.Contains(tail, "不高于"), strings.Contains(tail, "多于"):
		return ">"
	case strings.Contains(tail, "不少于"), strings.Contains(tail, "不低于"), strings.Contains(tail, "至少"), strings.Contains(tail, "达"),
		strings.Contains(tail, "提高至"), strings.Contains(tail, "提高到"), strings.Contains(tail, "提升至"), strings.Contains(tail, "提升到"), strings.Contains(tail, "增加到"), strings.Contains(tail, "增至"):
		return ">="
	}
	return "="
}

var (
	reCountedEnd   = pattern("counted_end")
	reCountedFrame = pattern("counted_frame")
)

// counted is what a number counts when the noun follows it (建设3个及以上
// 标准化的生物安全二级实验室, 不少于30人的应急队伍): the tail after the number,
// its unit and qualifier, up to the phrase's end, without a leading 的 or
// a trailing conjunction. A tail that opens with a cue or comparator, or
// holds fewer than two letters, counts nothing.
func counted(tail, after string) string {
	t := strings.TrimPrefix(tail, after)
	t = strings.TrimPrefix(strings.TrimSpace(t), "的")
	t = reCountedEnd.ReplaceAllString(strings.TrimSpace(t), "")
	if loc := reCue.FindStringIndex(t); loc != nil && loc[0] == 0 || reCountedFrame.MatchString(t) {
		return "" // a further target's cue, or the frame of this one (…的前提下)
	}
	han := 0
	for _, r := range t {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if han < 2 {
		return ""
	}
	return t
}

var reIndicatorTrim = pattern("indicator_trim")
var reIndicatorTail = pattern("indicator_tail")

// indicator is what a target measures: the phrase before the number
// without time words and comparators.
func indicator(phrase string) string {
	p := strings.TrimSpace(phrase)
	for range 3 {
		p = reIndicatorTrim.ReplaceAllString(p, "")
		p = strings.TrimLeft(p, ",，、 ")
	}
	for range 2 { // 稳定在≥, and its spaces and stops
		p = strings.TrimRight(p, "。.,，;；:： ")
		p = reIndicatorTail.ReplaceAllString(p, "")
	}
	return strings.TrimSpace(p)
}
