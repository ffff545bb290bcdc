package extract

import (
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
