package policycmp

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/seeds"
)

// The hand-written link encoding is byte for byte encoding/json's: on
// every link of the seeds and on links made to test its escapes.
func TestLinkEncoderMatchesEncodingJSON(t *testing.T) {
	docs, err := LoadFS(context.Background(), seeds.FS(), seeds.Names(), Options{})
	require.NoError(t, err)
	res, err := Compare(context.Background(), docs, Config{Aligner: NewAligner(nil)})
	require.NoError(t, err)
	links := append(append([]Link(nil), res.Alignments...), res.TaskAlignments...)
	require.NotEmpty(t, links)
	ev := &align.Evidence{Basis: align.BasisWording, SharedPairs: 0.5, Concept: []string{"总额<控制>", "总额&预算"}}
	for _, text := range []string{"", "a\"b", `a\b`, "<script>", "x&y", "行\u2028分\u2029段", "\x00\x1f\t\n", "bad\xffutf8", "医保\ufffd"} {
		links = append(links,
			Link{A: text, B: "b", Score: 0.5, Kind: align.Related},
			Link{A: "a", B: text, Score: 1, Kind: align.Equivalent, Relation: align.Same, Reason: text, Evidence: ev})
	}
	for _, s := range []float64{0, 1e-7, 5e-324, 1e21, 123456789, -0.25, 0.1 + 0.2} {
		links = append(links, Link{A: "a", B: "b", Score: s, Kind: align.Related})
	}
	links = append(links, Link{A: "a", B: "b", Score: math.NaN(), Kind: align.Related}, Link{A: "a", B: "b"})
	ref := newItemEncoder("", "")
	le := &linkEncoder{enc: newItemEncoder("", "")}
	for _, l := range links {
		want, werr := ref.encode(l)
		want = append([]byte(nil), want...)
		got, gerr := le.append(nil, &l)
		if werr != nil {
			assert.Error(t, gerr, "%+v", l)
			continue
		}
		require.NoError(t, gerr, "%+v", l)
		assert.Equal(t, string(want), string(got), "%+v", l)
	}
}
