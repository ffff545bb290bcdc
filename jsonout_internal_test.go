package policycmp

import (
	"context"
	"errors"
	"math"
	"strings"
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

// failAfter fails every write once n bytes are written.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n < len(p) {
		return 0, errors.New("disk full")
	}
	f.n -= len(p)
	return len(p), nil
}

// A write error or an item that cannot be encoded, in the middle of a list
// of many batches, ends WriteJSON with that error (and no goroutine is left
// waiting: the test would hang).
func TestWriteJSONErrors(t *testing.T) {
	res := &Result{Schema: Schema}
	for i := range 20 * linkBatch {
		res.Alignments = append(res.Alignments, Link{A: "a" + itoa(i), B: "b", Score: 0.5, Kind: align.Related})
	}
	for _, indent := range []string{"", "  "} {
		err := WriteJSON(&failAfter{n: 200000}, res, indent, "", nil)
		assert.ErrorContains(t, err, "disk full", "indent %q", indent)
	}
	res.Alignments[7*linkBatch+3].Score = math.Inf(1) // encoding/json refuses it
	for _, indent := range []string{"", "  "} {
		var b strings.Builder
		err := WriteJSON(&b, res, indent, "", nil)
		assert.ErrorContains(t, err, "unsupported value", "indent %q", indent)
	}
	res.Alignments[7*linkBatch+3].Score = 0.5
	var b strings.Builder
	require.NoError(t, WriteJSON(&b, res, "", "", nil))
	assert.Equal(t, 20*linkBatch, strings.Count(b.String(), `"kind":"related"`))
}
