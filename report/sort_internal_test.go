package report

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/policycmp/policycmp"
)

func TestCompareJoined(t *testing.T) {
	for _, c := range [][4]string{{"a/c1", "b/c2", "a/c12", "b/c1"}, {"x", "yz", "xy", "a"}, {"", "", "", "a"}, {"ab", "c", "a", "bc"}, {"医保", "改革", "医保改", "革新"}} {
		assert.Equal(t, strings.Compare(c[0]+c[1], c[2]+c[3]), compareJoined(c[0], c[1], c[2], c[3]), "%q", c)
		assert.Equal(t, strings.Compare(c[2]+c[3], c[0]+c[1]), compareJoined(c[2], c[3], c[0], c[1]), "%q", c)
	}
}

// strongest picks what a stable sort by score and a cut would.
func TestStrongest(t *testing.T) {
	scores := []float64{0.5, 0.9, 0.5, 0.7, 0.9, 0.1, 0.5, 0.7}
	links := make([]policycmp.Link, len(scores))
	var idx []int32
	for i, s := range scores {
		links[i].Score = s
		idx = append(idx, int32(i))
	}
	for k := 0; k <= len(scores)+1; k++ {
		want := slices.Clone(idx)
		slices.SortStableFunc(want, func(a, b int32) int { return cmp.Compare(links[b].Score, links[a].Score) })
		want = want[:min(k, len(want))]
		assert.Equal(t, want, strongest(idx, links, k), "k %d", k)
	}
}

// A target's metric names what it counts once: extract puts the counted
// noun in the indicator (80%的村卫生室达到基本标准), and the words after the
// unit are added only where the indicator lacks them.
func TestMetricNamesTheCountedOnce(t *testing.T) {
	for _, c := range []struct {
		tg   policycmp.Target
		want string
	}{
		{policycmp.Target{Text: "80%的村卫生室达到基本标准", Unit: "%", Indicator: "村卫生室达到基本标准"}, "村卫生室达到基本标准"},
		{policycmp.Target{Text: "定向招生培养1300名左右医学生", Unit: "名", Indicator: "定向招生培养"}, "定向招生培养医学生"},
		{policycmp.Target{Text: "县域就诊率达到90%", Unit: "%", Indicator: "县域就诊率"}, "县域就诊率"},
	} {
		if got := metric(c.tg); got != c.want {
			t.Errorf("metric(%q) = %q, want %q", c.tg.Text, got, c.want)
		}
	}
}
