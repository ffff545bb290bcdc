package gate

import (
	"regexp"
	"testing"
)

func TestLiteral(t *testing.T) {
	for _, c := range []struct{ re, want string }{
		{`(?:到|至|于|在)?(20\d\d)年(?:底|末)?(?:前|以前|之前)?`, "年"},
		{`(\d+)\s*(个|人)`, ""},  // alternatives only
		{`x*abc(de)?`, "abc"},  // starred and optional parts are not required
		{`(?i)abc`, ""},        // case folded: a substring search would miss ABC
		{`(完成|开展)(工作)+`, "工作"}, // at least once
		{`(?:甲乙){2,3}丙`, "甲乙"}, // repeated at least twice
		{`(?:甲乙){0,3}丙`, "丙"},
		{`^(完成时限|时间节点)\s*[:：]\s*(.+)$`, ""}, // only the colon class, which is no literal
	} {
		if got := Literal(regexp.MustCompile(c.re)); got != c.want {
			t.Errorf("Literal(%s) = %q, want %q", c.re, got, c.want)
		}
	}
}

func TestPair(t *testing.T) {
	for _, c := range []struct {
		re      string
		ok      bool
		admit   []string
		rejects []string
	}{
		{`(\d+(?:\.\d+)?|[一二三]+)\s*(个月|个|%)(以上)?`, true,
			[]string{"建成3个", "达到 80 %", "三个月", "2.5%以上", "x1\t个"},
			[]string{"一体化", "3项", "个人3", "统一 建设"}},
		{`(?:到|至)?(20\d\d)年`, true, []string{"2025年"}, []string{"2025", "年20"}}, // A is (20\d\d), C is 年
		{`^(\d+)\b年`, true, []string{"3年"}, []string{"年3"}},                     // assertions hold no rune
		{`x*(\d+)`, false, []string{"abc"}, nil},                                // nothing must follow A: no gate
		{`(\d+).(个)`, false, []string{"abc"}, nil},                              // any character between: no gate
		{`(\d+)(?i:k)`, false, []string{"abc"}, nil},                            // case folded: no gate
		{`(?:甲乙){2}丙`, true, []string{"甲乙甲乙丙"}, []string{"甲丙", "乙乙"}},           // A is the repeat: ends in 乙, then 丙
		{`(\d)𠀀`, true, []string{"1𠀀"}, []string{"𠀀1", "1𠀁"}},                   // beyond the Basic Multilingual Plane
	} {
		g := NewPair(regexp.MustCompile(c.re))
		if g.OK() != c.ok {
			t.Errorf("%s: gate %v, want %v", c.re, g.OK(), c.ok)
		}
		for _, s := range c.admit {
			if !g.Admits(s) {
				t.Errorf("%s: gate rejects %q", c.re, s)
			}
		}
		for _, s := range c.rejects {
			if g.Admits(s) {
				t.Errorf("%s: gate admits %q", c.re, s)
			}
		}
	}
}

func TestFirst(t *testing.T) {
	for _, c := range []struct {
		re       string
		ok       bool
		has, not string
	}{
		{`^第([〇零一二\d]{1,4})(?:章|部分)`, true, "第", "一章"},
		{`^\((\d{1,4})\)[、.]?`, true, "(", "1)"},
		{`^([一二三]{1,3})是`, true, "一二三", "是四"},
		{`^(\d{1,2}(?:\.\d{1,2})+)(?:[、．.]\s*|\s+)`, true, "0123456789", ". "},
		{`^x?y`, true, "xy", "z"},        // an optional part and what follows it
		{`^(?:a|b*)c`, true, "abc", "d"}, // a part that may be empty
		{`^a*`, false, "", ""},           // matches the empty text: no set
		{`^.a`, false, "", ""},           // any character: no set
		{`^(?i)a`, false, "", ""},        // case folded: no set
	} {
		set, ok := First(regexp.MustCompile(c.re))
		if ok != c.ok {
			t.Errorf("%s: ok %v, want %v", c.re, ok, c.ok)
			continue
		}
		for _, r := range c.has {
			if !set.Has(r) {
				t.Errorf("%s: %q not among the first runes", c.re, r)
			}
		}
		for _, r := range c.not {
			if set.Has(r) {
				t.Errorf("%s: %q among the first runes", c.re, r)
			}
		}
	}
}
