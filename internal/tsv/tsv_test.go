package tsv_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/policycmp/policycmp/internal/tsv"
)

func TestRows(t *testing.T) {
	got := tsv.Rows("# a comment\n\na\tb c\r\n  \nd\n")
	assert.Equal(t, []tsv.Row{{Line: 3, Fields: []string{"a", "b c"}}, {Line: 5, Fields: []string{"d"}}}, got)
	assert.Empty(t, tsv.Rows(""))
}
