package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/policycmp/policycmp/internal/gate"
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

// The shipped patterns' gates (internal/gate) never rule out a text that
// matches: a line without a pattern's required literal has no match, and on
// random texts drawn from the runes the patterns are made of, a text the
// pair gate rejects has none either.
func TestShippedGates(t *testing.T) {
	for name, re := range patternTable {
		need := gate.Literal(re)
		if need == "" {
			continue
		}
		for _, s := range []string{"到2025年底前完成", "力争达到90%", "2025", "年"} {
			if !strings.Contains(s, need) && re.MatchString(s) {
				t.Errorf("%s matches %q without its required %q", name, s, need)
			}
		}
	}
	alphabet := []rune("0123456789.一二两三十百千零个月万人次元名家年项%‰所张批天小时倍 \t到至底前以上下内左右提高达不低于,。𠀀x")
	rng := rand.New(rand.NewPCG(1, 2))
	for name, re := range patternTable {
		g := gate.NewPair(re)
		for range 20000 {
			b := make([]rune, 1+rng.IntN(12))
			for i := range b {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
			if s := string(b); !g.Admits(s) && re.MatchString(s) {
				t.Fatalf("%s: gate rejects %q, which matches", name, s)
			}
		}
	}
	if g := gate.NewPair(pattern("target_num")); !g.OK() {
		t.Error("target_num has no gate: its clauses all go to the regexp engine")
	}
	if deadlineNeeds != "年" {
		t.Errorf("deadlines need %q, want 年", deadlineNeeds)
	}
}
