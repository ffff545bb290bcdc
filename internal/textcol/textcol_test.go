package textcol_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/policycmp/policycmp/internal/textcol"
)

func TestWidthAndTable(t *testing.T) {
	assert.Equal(t, 4, textcol.Width("河源"))
	assert.Equal(t, 7, textcol.Width("河源 ab"))
	assert.Equal(t, 2, textcol.Width("（"), "full-width punctuation takes two columns")
	var tb textcol.Table
	tb.Row("theme", "河源市 2023", "全国")
	tb.Row("insurance.payment", "1 (0.89)", "2")
	var buf bytes.Buffer
	_, err := tb.WriteTo(&buf)
	assert.NoError(t, err)
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	// the third column starts at the same display column on every line
	col := func(l, cell string) int { return textcol.Width(l[:strings.Index(l, cell)]) }
	assert.Equal(t, col(lines[0], "全国"), col(lines[1], "2"))
}
