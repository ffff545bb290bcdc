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
	for _, m := range []mtext{short, long, {}} {
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
