package extract

import (
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
