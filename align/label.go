package align

import (
	"fmt"
	"slices"
	"strings"
)

// Label says how B relates to A when the two are equivalent: same (near
// verbatim), stronger or weaker (a target on the same metric moves), or
// adapted (same measure, local wording), with the reason in words.
func Label(a, b Unit) (Relation, string) {
	if ta, tb, ok := sameMetric(a.Targets, b.Targets); ok && ta.Value != tb.Value {
		higherBetter := !(ta.Comparator == "<=" || ta.Comparator == "<")
		stronger := tb.Value > ta.Value
		if !higherBetter {
			stronger = !stronger
		}
		rel := Weaker
		if stronger {
			rel = Stronger
		}
		return rel, fmt.Sprintf("%s: %s%g%s vs %s%g%s", metricName(ta, tb), cmpWord(tb.Comparator), tb.Value, tb.Unit, cmpWord(ta.Comparator), ta.Value, ta.Unit)
	}
	if a.Text == b.Text {
		return Same, "verbatim"
	}
	pa, pb := pairKeys(a.Text), pairKeys(b.Text)
	common := commonSorted(pa, pb)
	if len(pa)+len(pb) > 0 && 2*float64(common)/float64(len(pa)+len(pb)) >= 0.8 {
		return Same, "near-verbatim"
	}
	shared := 0.0
	if n := min(len(pa), len(pb)); n > 0 {
		shared = float64(common) / float64(n)
	}
	return Adapted, fmt.Sprintf("same measure in local wording; %.0f%% of the shorter clause's character pairs recur in the other", shared*100)
}

// ComparatorSymbol writes a target comparator as a sign: ≥, ≤, >, < or =.
func ComparatorSymbol(c string) string {
	switch c {
	case ">=":
		return "≥"
	case "<=":
		return "≤"
	case ">", "<":
		return c
	}
	return "="
}

func cmpWord(c string) string { return strings.TrimPrefix(ComparatorSymbol(c), "=") }

func metricName(a, b Target) string {
	if len([]rune(b.Indicator)) > len([]rune(a.Indicator)) {
		return b.Indicator
	}
	if a.Indicator == "" {
		return "target"
	}
	return a.Indicator
}

// sameMetric finds a target of a and one of b on the same metric: the same
// unit and indicators that share most of their character bigrams.
func sameMetric(as, bs []Target) (Target, Target, bool) {
	best, bi, bj := 0.0, -1, -1
	for i, x := range as {
		for j, y := range bs {
			if x.Unit != y.Unit {
				continue
			}
			d, _ := PairOverlap(x.Indicator, y.Indicator)
			if d > best {
				best, bi, bj = d, i, j
			}
		}
	}
	if bi < 0 || best < 0.4 {
		return Target{}, Target{}, false
	}
	return as[bi], bs[bj], true
}

// pairKeys returns the content character pairs of s (as Bigrams) encoded
// as sorted integers: cheaper to compare than strings.
func pairKeys(s string) []uint64 {
	var out []uint64
	contentPairs(s, func(x, y rune) { out = append(out, uint64(x)<<32|uint64(y)) })
	slices.Sort(out)
	return out
}

// PairOverlap compares the content character pairs (Bigrams) of two texts:
// dice is twice the shared pairs over all pairs, over the shared pairs over
// the pairs of the shorter text.
func PairOverlap(a, b string) (dice, over float64) {
	pa, pb := pairKeys(a), pairKeys(b)
	if len(pa) == 0 || len(pb) == 0 {
		return 0, 0
	}
	c := float64(commonSorted(pa, pb))
	return 2 * c / float64(len(pa)+len(pb)), c / float64(min(len(pa), len(pb)))
}

// commonSorted counts the multiset intersection of two sorted slices.
func commonSorted(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
