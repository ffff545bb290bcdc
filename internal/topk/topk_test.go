package topk_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/policycmp/policycmp/internal/topk"
)

// Push keeps the k best of a stream, with the worst kept at the root.
func TestPushKeepsTheBest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	greater := func(a, b int) bool { return a > b }
	for _, k := range []int{0, 1, 3, 10, 100} {
		var xs []int
		h := []int{}
		for range 60 {
			x := r.IntN(40)
			xs = append(xs, x)
			h = topk.Push(h, k, x, greater)
		}
		want := slices.Clone(xs)
		slices.SortFunc(want, func(a, b int) int { return b - a })
		want = want[:min(k, len(want))]
		if len(h) > 0 {
			assert.Equal(t, slices.Min(h), h[0], "k %d: the worst at the root", k)
		}
		slices.SortFunc(h, func(a, b int) int { return b - a })
		assert.Equal(t, want, h, "k %d", k)
	}
}
