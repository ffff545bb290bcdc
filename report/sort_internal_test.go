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
