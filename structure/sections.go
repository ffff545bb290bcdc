package structure

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Kind is what a section or item heading opens.
type Kind int

// Section kinds.
const (
	Plain     Kind = iota // work items
	Framing               // guiding thought, principles, goals, background: section text
	Safeguard             // organisation, funding and supervision of the plan: safeguard tasks
)

// MaxKindHeading is the longest heading, in runes, whose words decide a
// safeguard section; a longer one is a sentence that merely mentions them.
const MaxKindHeading = 16

// SectionKind tells what a heading opens. A heading starting with a
// framing word (总体要求, 指导思想, 工作目标 …, also when the text runs on
// after it, as in a run-on body: 工作目标围绕…) is Framing; a short heading
// holding a safeguard word (保障措施, 组织实施, 加强组织管理 …) is Safeguard.
func SectionKind(heading string) Kind {
	h := strings.TrimSpace(heading)
	for _, w := range words()["framing"] {
		if strings.HasPrefix(h, w) {
			return Framing
		}
	}
	if utf8.RuneCountInString(h) <= MaxKindHeading {
		for _, w := range words()["safeguard"] {
			if strings.Contains(h, w) {
				return Safeguard
			}
		}
	}
	return Plain
}

var (
	reEffective = regexp.MustCompile(`^本(?:实施)?(?:方案|通知|意见|办法|规定|规划|计划|细则|任务|要点|决定)(?:自|从).{0,40}(?:起|之日)(?:施行|执行|实施|生效)`)
	reAnnex     = regexp.MustCompile(`^(?:附件|附表)\s*[0-9一二三四五六七八九十]*\s*(?:[:：]|$|\p{Han})`)
)

// MaxAnnexHeading is the longest line, in runes, read as an annex heading
// (附件2 / 附件: 2017年分级诊疗工作考核评价标准).
const MaxAnnexHeading = 80

// IsClosing reports a sentence or paragraph that closes the document
// rather than stating a task: an effective-date clause (本方案自印发之日起施行)
// or a disclosure or distribution note (此件主动公开, 抄送: …).
func IsClosing(s string) bool {
	s = strings.TrimSpace(s)
	if reEffective.MatchString(s) {
		return true
	}
	for _, w := range words()["closing_lines"] {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// IsAnnexHeading reports a line that opens an annex or an attachment list.
func IsAnnexHeading(s string) bool {
	return utf8.RuneCountInString(s) <= MaxAnnexHeading && OpensAnnex(s)
}

// OpensAnnex reports a text that opens with an annex heading, whatever
// follows it: in a body pasted as one line, the annexes' list runs on
// after the plan's last sentence (…探索创新。附件:1.主要指标2.…).
func OpensAnnex(s string) bool {
	return reAnnex.MatchString(strings.TrimSpace(s))
}

// IsBoxHeading reports a line that opens a box set beside a plan's text
// (专栏1 医联体建设重点工程): its heading word (box_heading in words.tsv),
// then a number or a title, on a short line.
func IsBoxHeading(s string) bool {
	s = strings.TrimSpace(s)
	if !HeadingLike(s) {
		return false
	}
	for _, w := range Words("box_heading") {
		if rest, ok := strings.CutPrefix(s, w); ok && rest != "" {
			return true
		}
	}
	return false
}

// MaxHeadingLine is the longest line, in runes, that reads as a heading.
const MaxHeadingLine = 50

// HeadingLike reports a short line without a sentence inside:
// 二、优化资源配置,提升服务能力.
func HeadingLike(s string) bool {
	s = strings.TrimRight(s, "。 ")
	return utf8.RuneCountInString(s) <= MaxHeadingLine && !strings.ContainsAny(s, "。；;!?！？")
}
