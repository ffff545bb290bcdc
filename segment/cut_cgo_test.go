//go:build cgo

package segment_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/segment"
)

// Words takes jieba's words without their offsets (Cut); they are the
// tokens of Segment, on every line of the seeds.
func TestJiebaCutIsSegment(t *testing.T) {
	j := shared(t)
	lines := 0
	for _, name := range seeds.Names() {
		data, err := seeds.Read(name)
		require.NoError(t, err)
		for _, line := range strings.Split(string(data), "\n") {
			want := []string{}
			for _, tok := range j.Segment(line) {
				want = append(want, tok.Text)
			}
			got := append([]string{}, segment.CutWords(j, line)...)
			assert.Equal(t, want, got, "%s: %q", name, line)
			lines++
		}
	}
	assert.Greater(t, lines, 100)
}
