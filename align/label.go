package align

import (
	"fmt"
	"math"
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
	if Overlap(a.Text, b.Text) >= 0.85 {
		return Same, "near-verbatim"
	}
	return Adapted, fmt.Sprintf("same measure in local wording; %.0f%% of the shorter clause recurs in the other", Shared(Diff(a.Text, b.Text))*100)
}

func cmpWord(c string) string {
	switch c {
	case ">=":
		return "≥"
	case "<=":
		return "≤"
	case ">", "<":
		return c
	}
	return ""
}

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
			d := dice(Bigrams(x.Indicator), Bigrams(y.Indicator))
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

func dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, x := range a {
		count[x]++
	}
	common := 0
	for _, y := range b {
		if count[y] > 0 {
			count[y]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// Overlap is the share of characters two texts have in common: 1 minus the
// character edit distance over the longer length.
func Overlap(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	n := max(len(ra), len(rb))
	if n == 0 {
		return 1
	}
	d := Levenshtein(Diff(a, b))
	return math.Max(0, 1-float64(d)/float64(n))
}
