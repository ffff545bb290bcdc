package structure

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// continues answers on a long paragraph's stand-in as on the paragraph.
func TestParaViewAsParagraph(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"推进医改", "，", "。", "2025", "年", "%", "“", "”", "一站式", "ab", "(一)", "1.", "——", ".", "、"}
	nexts := []string{"推进", "“一站式", "“一站式”。", "2025", "年以来", "(二)", "、", "ab", "——完成"}
	// Long runs of one kind with one piece of another in the middle, where
	// the stand-in's ends do not see it, and random mixtures.
	fillers := []string{"推进医改", "2025", "..", "ab"}
	for trial := range 3000 {
		var view paraView
		var full strings.Builder
		lines := 1 + r.IntN(400)
		filler := fillers[r.IntN(len(fillers))]
		for k := range lines {
			var line strings.Builder
			switch {
			case trial%2 == 0 && k == lines/2:
				line.WriteString(pieces[r.IntN(len(pieces))])
			case trial%2 == 0:
				line.WriteString(filler)
			default:
				for range 1 + r.IntN(4) {
					line.WriteString(pieces[r.IntN(len(pieces))])
				}
			}
			view.add(line.String())
			full.WriteString(line.String())
		}
		for _, b := range nexts {
			next := []Line{{Text: b}}
			assert.Equal(t, continues(full.String(), b, next), continues(view.String(), b, next), "trial %d: %q … then %q", trial, full.String()[max(0, full.Len()-60):], b)
		}
	}
}
