package align_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/align"
)

// The pruned candidate search finds exactly what reading every posting
// finds, on a corpus with copies, near-copies, texts sharing only common
// pairs and texts in one document only.
func TestCandidatesAreExhaustive(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	alphabet := []rune("医保药价改革基层卫生服务公立医院管理体系建设推进完善健全县域")
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	var base []string
	for range 60 {
		base = append(base, word(6+r.IntN(30)))
	}
	var units []align.Unit
	for d := range 40 {
		for k := range 25 {
			text := base[r.IntN(len(base))]
			switch r.IntN(4) {
			case 0: // a near-copy
				rs := []rune(text)
				rs[r.IntN(len(rs))] = alphabet[r.IntN(len(alphabet))]
				text = string(rs)
			case 1: // new wording
				text = word(4 + r.IntN(40))
			}
			units = append(units, align.Unit{ID: string(rune('A'+d%26)) + string(rune('a'+d/26)) + "-" + string(rune('0'+k/10)) + string(rune('0'+k%10)), Doc: string(rune('A' + d)), Text: text})
		}
	}
	ix := align.NewIndex(units, 0.05)
	for _, k := range []int{1, 3, 10} {
		for i := range ix.Len() {
			want := ix.ExhaustiveCandidates(i, k)
			require.NotEmpty(t, want)
			assert.Equal(t, want, ix.Candidates(i, k, 1<<30), "unit %d, k %d", i, k)
		}
	}
}

// An index built without a model keeps less, and computes what Features
// needs from the units instead: the features are the same.
func TestFeaturesWithoutModelIndex(t *testing.T) {
	units := []align.Unit{
		{ID: "a1", Doc: "A", Text: "推进紧密型县域医共体建设", Words: []string{"推进", "紧密型", "县域", "医共体", "建设"}},
		{ID: "b1", Doc: "B", Text: "加快紧密型县域医疗卫生共同体建设", Words: []string{"加快", "紧密型", "县域", "医疗卫生", "共同体", "建设"}},
		{ID: "b2", Doc: "B", Text: "完善医保支付方式改革", Words: []string{"完善", "医保", "支付", "方式", "改革"}},
	}
	full := align.NewIndex(units, 0.05)
	lean := align.NewIndexFor(units, align.Options{})
	for i := range units {
		for j := range units {
			assert.Equal(t, full.Features(i, j), lean.Features(i, j), "%d %d", i, j)
		}
	}
}

// SortLinks orders by A, then B, keeping the input order of equal pairs.
func TestSortLinks(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var links []align.Link
	for i := range 500 {
		links = append(links, align.Link{A: string(rune('a' + r.IntN(5))), B: string(rune('a' + r.IntN(5))), Score: float64(i)})
	}
	want := slices.Clone(links)
	slices.SortStableFunc(want, func(x, y align.Link) int {
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
	align.SortLinks(links)
	assert.Equal(t, want, links)
}

// When a unit's strongest matches are all in its own document, the
// search reaches past them to the weaker ones in other documents, as
// exhaustive search does: here x and its nineteen near-variants fill the
// ranking's twenty places, and the other documents share only x's first
// pairs, which the bound leaves unread.
func TestCandidatesPastOwnDocument(t *testing.T) {
	base := []rune("推进紧密型县域医共体建设健全分级诊疗制度完善医保支付方式")
	alphabet := []rune("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥")
	units := []align.Unit{{ID: "x", Doc: "A", Text: string(base)}}
	for k := range 19 { // near-variants of x in its own document (with x, 20 contents)
		rs := append([]rune(nil), base...)
		rs[len(rs)-1-k] = alphabet[k]
		units = append(units, align.Unit{ID: "a" + string(alphabet[k]), Doc: "A", Text: string(rs)})
	}
	for d := range 40 { // elsewhere: x's first pairs only, with other text
		units = append(units, align.Unit{ID: "b" + string(rune('0'+d/10)) + string(rune('0'+d%10)), Doc: "D" + string(rune('0'+d/10)) + string(rune('0'+d%10)),
			Text: string(base[:3]) + string(alphabet[d%len(alphabet)]) + "加强基层卫生人才队伍建设" + string(alphabet[(d*7)%len(alphabet)])})
	}
	ix := align.NewIndex(units, 0.9)
	want := ix.ExhaustiveCandidates(0, 10)
	require.Len(t, want, 10)
	assert.Equal(t, want, ix.Candidates(0, 10, 1<<30))
}
