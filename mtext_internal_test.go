package policycmp

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A clause's compact raw spans answer as its mtext does, for short spans
// (a byte of length each) and for a rune standing for a long raw run.
func TestRawSpansAsMtext(t *testing.T) {
	short := newMtext("推进ＡＢ医改，深化“三医联动”改革。")
	long := newMtext("前")
	long.pushString("后", 3, 3+400) // one rune for 400 raw bytes (a removed run)
	long.appendM(newMtext("文本"))
	gaps := newMtext("甲乙")
	gaps.pushString("丙", 20, 23) // after a removed run
	gaps.pushString("丁", 23, 23) // an inserted rune: no raw bytes
	gaps.pushString("戊", 23, 26)
	gaps.appendM(newMtext("2025年"))
	for _, m := range []mtext{short, long, gaps, {}} {
		r := m.rawSpans()
		assert.Equal(t, m.Len(), r.Len())
		for i := 0; i <= m.Len()+1; i++ {
			for j := 0; j <= m.Len()+1; j++ {
				if j > m.Len() {
					continue
				}
				ws, we := m.span(i, j)
				gs, ge := r.span(i, j)
				assert.Equal(t, [2]int{ws, we}, [2]int{gs, ge}, "%q [%d,%d)", strings.TrimSpace(m.String()), i, j)
			}
		}
	}
}

// A line of text is a few runs, not a span per rune.
func TestRawSpansAreRuns(t *testing.T) {
	r := newMtext("到2025年，全省二级以上公立医院全部开展绩效考核。").rawSpans()
	// 到 | 2025 | 年，全省…考核。: the full-width punctuation is 3 bytes a rune too.
	assert.Equal(t, 3, len(r.runs))
	assert.Equal(t, 26, r.Len())
}
