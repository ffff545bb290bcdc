package structure

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A scheme whose marker could start with any rune (or with none) is an
// error naming its line: the parser skips a scheme by its first rune.
func TestSchemeFirstRunes(t *testing.T) {
	_, err := parseSchemes("x\t^.(\\d)\t%s\tarabic\tno\tno\n")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "line 1")
	_, err = parseSchemes("x\t^(\\d*)\t%s\tarabic\tno\tno\n")
	require.Error(t, err, "a pattern that matches the empty text")
	// The shipped schemes: a text starting with a rune outside a scheme's
	// first runes never matches it, and the runes any marker can start
	// with are what the shipped schemes name.
	for _, sc := range schemes() {
		for _, s := range []string{"一、总体要求", "(三)推进", "第二章", "3.加强", "①完善", "二是", "1.2 目标", "12 项目", "加强", "(a)", "十)"} {
			if sc.re.MatchString(s) {
				assert.True(t, sc.first.Has([]rune(s)[0]), "%s's expression matches %q", sc.Kind, s)
			}
		}
	}
	for _, r := range "(第0123456789①⑳〇零一二三四五六七八九十百两" {
		assert.True(t, markerStarts().Has(r), "%q starts a marker", r)
	}
	for _, r := range "加A)、是" {
		assert.False(t, markerStarts().Has(r), "%q starts no marker", r)
	}
}
