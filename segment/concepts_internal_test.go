package segment

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseConcepts(t *testing.T) {
	ix, err := parseConcepts("# a comment\nx/a\t甲乙 甲乙丙\n\ny/b\t丁戊\n")
	require.NoError(t, err)
	assert.Equal(t, []Mention{{"x/a", "甲乙丙"}, {"y/b", "丁戊"}, {"x/a", "甲乙"}}, ix.find("甲乙丙丁戊甲乙"),
		"longest form first, no overlap, each distinct form once")

	_, err = parseConcepts("x/a 甲乙\n")
	assert.ErrorContains(t, err, "want ID<TAB>FORM", "a line without a tab")
	_, err = parseConcepts("x/a\t\n")
	assert.ErrorContains(t, err, "want ID<TAB>FORM", "a concept without forms")
	_, err = parseConcepts("x/a\t甲乙\ny/b\t甲乙\n")
	assert.ErrorContains(t, err, "listed under x/a and y/b", "a form under two concepts")
}

// The embedded word lists parse, and no variant folds to another variant
// (folding is one step).
func TestEmbeddedLists(t *testing.T) {
	_, err := parseConcepts(conceptsTSV)
	require.NoError(t, err)
	lx := wordLists()
	assert.NotEmpty(t, lx.terms)
	assert.NotEmpty(t, lx.stop)
	for from, to := range lx.variants {
		_, chained := lx.variants[to]
		assert.False(t, chained && to != lx.variants[to], "%s folds to %s, itself a variant", from, to)
		assert.NotEqual(t, from, to)
	}
}
