package policycmp

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The embedded chrome rules parse; a malformed row is an error naming its
// line, never a rule silently dropped.
func TestParseChrome(t *testing.T) {
	rules, err := parseChrome(chromeTSV)
	require.NoError(t, err)
	assert.NotEmpty(t, rules)
	for _, bad := range []string{"kind\t20\t-\n", "kind\tmany\t-\tx\n", "kind\t20\t-\t(\n"} {
		_, err := parseChrome("# a comment\n" + bad)
		assert.ErrorContains(t, err, "line 2", "%q", bad)
	}
	r, err := parseChrome("page number\t20\t-\t^-\\d+-$\n")
	require.NoError(t, err)
	require.Len(t, r, 1)
	assert.Nil(t, r[0].need, "- is no words")
	assert.True(t, r[0].re.MatchString("-3-"))
}

// isPunct answers the ideographs before Unicode's tables; on every rune it
// says what the tables say.
func TestIsPunctIsUnicodes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isPunct(r), unicode.IsPunct(r) || unicode.IsSymbol(r); got != want {
			t.Fatalf("isPunct(%U) = %v, want %v", r, got, want)
		}
	}
}
