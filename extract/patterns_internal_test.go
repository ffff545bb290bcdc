package extract

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The embedded patterns compile, and a malformed or duplicated row is an
// error naming its line.
func TestParsePatternsErrors(t *testing.T) {
	_, err := parsePatterns(patternsTSV)
	assert.NoError(t, err)
	for _, bad := range []string{"no tab here\n", "a\t(\n", "a\tx\na\ty\n"} {
		_, err = parsePatterns("# comment\n" + bad)
		assert.ErrorContains(t, err, "line ", "%q", bad)
	}
	m, err := parsePatterns("year\t20\\d\\d\n")
	assert.NoError(t, err)
	assert.True(t, m["year"].MatchString("2025"))
}

func TestRequiredLiteral(t *testing.T) {
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
		if got := requiredLiteral(regexp.MustCompile(c.re)); got != c.want {
			t.Errorf("requiredLiteral(%s) = %q, want %q", c.re, got, c.want)
		}
	}
	// The shipped patterns: a line without the literal has no match.
	for name, re := range patternTable {
		need := requiredLiteral(re)
		if need == "" {
			continue
		}
		for _, s := range []string{"到2025年底前完成", "力争达到90%", "2025", "年"} {
			if !strings.Contains(s, need) && re.MatchString(s) {
				t.Errorf("%s matches %q without its required %q", name, s, need)
			}
		}
	}
}

func TestPairGate(t *testing.T) {
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
		{`x*(\d+)`, false, []string{"abc"}, nil},                                // nothing must follow A: no gate
		{`(\d+).(个)`, false, []string{"abc"}, nil},                              // any character between: no gate
		{`(\d+)(?i:k)`, false, []string{"abc"}, nil},                            // case folded: no gate
		{`(?:甲乙){2}丙`, true, []string{"甲乙甲乙丙"}, []string{"甲丙", "乙乙"}},           // A is the repeat: ends in 乙, then 丙
	} {
		g := newPairGate(regexp.MustCompile(c.re))
		if g.ok != c.ok {
			t.Errorf("%s: gate %v, want %v", c.re, g.ok, c.ok)
		}
		for _, s := range c.admit {
			if !g.admits(s) {
				t.Errorf("%s: gate rejects %q", c.re, s)
			}
		}
		for _, s := range c.rejects {
			if g.admits(s) {
				t.Errorf("%s: gate admits %q", c.re, s)
			}
		}
	}
	// The shipped patterns: a text the gate rejects has no match, on texts
	// drawn from the runes the patterns are made of.
	alphabet := []rune("0123456789.一二两三十百千零个月万人次元名家年项%‰所张批天小时倍 \t到至底前以上下内左右提高达不低于,。𠀀x")
	rng := rand.New(rand.NewPCG(1, 2))
	for name, re := range patternTable {
		g := newPairGate(re)
		for range 20000 {
			b := make([]rune, 1+rng.IntN(12))
			for i := range b {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
			if s := string(b); !g.admits(s) && re.MatchString(s) {
				t.Fatalf("%s: gate rejects %q, which matches", name, s)
			}
		}
	}
	if !newPairGate(pattern("target_num")).ok {
		t.Error("target_num has no gate: its clauses all go to the regexp engine")
	}
}
