package align_test

import (
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/policycmp/policycmp/align"
)

// alignShapes are corpora shaped to defeat the candidate search: each
// builds n units spread over documents of 50 units.
var alignShapes = []struct {
	name  string
	build func(n int) []align.Unit
}{
	// One phrase copied into every document (one unit in 50): a single
	// content with n/50 copies, each the others' best candidate, among
	// distinct texts.
	{"one-text-in-every-document", func(n int) []align.Unit {
		alphabet := []rune("推进深化完善健全医疗保障服务药品价格改革基层卫生县域公立医院管理体系机制建设")
		return shapeUnits(n, func(i int, r *rand.Rand) string {
			if i%50 == 0 {
				return "推进紧密型县域医共体建设,健全分级诊疗制度"
			}
			var b strings.Builder
			for range 10 + r.IntN(30) {
				b.WriteRune(alphabet[r.IntN(len(alphabet))])
			}
			return b.String()
		})
	}},
	// Distinct texts from 40 characters: every unit shares character
	// pairs of like weight with thousands of others, so the bound prunes
	// little and the budget is what bounds the search.
	{"few-characters", func(n int) []align.Unit {
		alphabet := []rune("推进深化完善健全医疗保障服务药品价格改革基层卫生县域公立医院管理体系机制建设")
		return shapeUnits(n, func(_ int, r *rand.Rand) string {
			var b strings.Builder
			for range 12 + r.IntN(20) {
				b.WriteRune(alphabet[r.IntN(len(alphabet))])
			}
			return b.String()
		})
	}},
	// Near-copies of a few hundred texts: the shape of generated and of
	// real corpora, which repeat national wording with local edits.
	{"near-copies", func(n int) []align.Unit {
		alphabet := []rune("推进深化完善健全医疗保障服务药品价格改革基层卫生县域公立医院管理体系机制建设")
		var base []string
		r := rand.New(rand.NewPCG(1, 2))
		for range 300 {
			var b strings.Builder
			for range 10 + r.IntN(30) {
				b.WriteRune(alphabet[r.IntN(len(alphabet))])
			}
			base = append(base, b.String())
		}
		return shapeUnits(n, func(_ int, r *rand.Rand) string {
			rs := []rune(base[r.IntN(len(base))])
			rs[r.IntN(len(rs))] = alphabet[r.IntN(len(alphabet))]
			return string(rs)
		})
	}},
	// Concepts named all over the corpus in different forms: 21 concepts,
	// each in just under the posting cap's share of the units (1 in 21 <
	// 5 %), 8 forms each, so almost every pair of units naming one is
	// bridged and each unit's concept candidates are bounded by the budget.
	{"concepts-everywhere", func(n int) []align.Unit {
		us := shapeUnits(n, func(_ int, r *rand.Rand) string { return shapeText(r, 10, 30) })
		for i := range us {
			us[i].Concepts = []align.Concept{{ID: "c" + itoa(i%21), Form: "f" + itoa(i/21%8)}}
		}
		return us
	}},
	// Two documents of one clause each, split into n/2 distinct phrases:
	// rescoring the clause pair over all pairs of its phrases would be
	// quadratic (GroupRescorePairs bounds it).
	{"two-clauses-of-all-phrases", func(n int) []align.Unit {
		us := shapeUnits(n, func(_ int, r *rand.Rand) string { return shapeText(r, 10, 30) })
		for i := range us {
			d := "d" + itoa(i%2)
			us[i].Doc, us[i].Group = d, d+"/c1"
		}
		return us
	}},
}

// shapeAlphabet is the few characters shape texts are drawn from.
var shapeAlphabet = []rune("推进深化完善健全医疗保障服务药品价格改革基层卫生县域公立医院管理体系机制建设")

// shapeText draws from min to min+spread-1 characters of shapeAlphabet.
func shapeText(r *rand.Rand, min, spread int) string {
	var b strings.Builder
	for range min + r.IntN(spread) {
		b.WriteRune(shapeAlphabet[r.IntN(len(shapeAlphabet))])
	}
	return b.String()
}

func shapeUnits(n int, text func(int, *rand.Rand) string) []align.Unit {
	r := rand.New(rand.NewPCG(uint64(n), 7))
	out := make([]align.Unit, n)
	for i := range out {
		t := text(i, r)
		out[i] = align.Unit{ID: "u" + itoa(i), Doc: "d" + itoa(i/50), Text: t, Words: align.Bigrams(t)}
	}
	return out
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// BenchmarkAlignShapes aligns each shape at three sizes and reports the
// growth exponent between the smallest and the largest (1 is linear) and
// the links per unit at the largest: go test -run '^$' -bench AlignShapes ./align
func BenchmarkAlignShapes(b *testing.B) {
	sizes := []int{2000, 8000, 32000}
	al := align.New(align.Options{})
	for _, sh := range alignShapes {
		b.Run(sh.name, func(b *testing.B) {
			var secs []float64
			links := 0
			for b.Loop() {
				secs = secs[:0]
				for _, n := range sizes {
					us := sh.build(n)
					start := time.Now()
					ls, err := al.Align(context.Background(), us)
					if err != nil {
						b.Fatal(err)
					}
					secs = append(secs, time.Since(start).Seconds())
					links = len(ls)
				}
			}
			b.ReportMetric(math.Log(secs[2]/secs[0])/math.Log(float64(sizes[2])/float64(sizes[0])), "exponent")
			b.ReportMetric(secs[2], "s@32k")
			b.ReportMetric(float64(links)/float64(sizes[2]), "links/unit")
		})
	}
}

// phraseShapes are texts shaped to make Phrases quadratic: pieces too
// short to stand alone pile up (a flattened table of figures), or one
// enumeration of many short items.
var phraseShapes = []struct {
	name string
	text func(n int) string // about n runes
}{
	{"figures-and-commas", func(n int) string { return strings.Repeat("12,", n/3) }},
	{"short-pieces", func(n int) string { return strings.Repeat("医保,", n/3) }},
	{"long-enumeration", func(n int) string { return strings.Repeat("完善医疗服务价格机制、", n/11) }},
	{"clauses", func(n int) string { return strings.Repeat("推进紧密型县域医共体建设,", n/13) }},
}

// BenchmarkPhrasesShapes splits each shape at three sizes and reports the
// growth exponent (1 is linear): a run of pieces too short to be phrases
// once made the split quadratic (4.5 s for 120,000 runes).
func BenchmarkPhrasesShapes(b *testing.B) {
	sizes := []int{30000, 120000, 480000}
	for _, sh := range phraseShapes {
		b.Run(sh.name, func(b *testing.B) {
			var secs []float64
			for b.Loop() {
				secs = secs[:0]
				for _, n := range sizes {
					text := sh.text(n)
					start := time.Now()
					align.Phrases(text, 6)
					secs = append(secs, time.Since(start).Seconds())
				}
			}
			b.ReportMetric(math.Log(secs[2]/secs[0])/math.Log(float64(sizes[2])/float64(sizes[0])), "exponent")
			b.ReportMetric(secs[2], "s@480k")
		})
	}
}
