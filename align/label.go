package align

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/policycmp/policycmp/internal/tsv"
)

// Basis names what a label stands on.
type Basis string

// The bases of a label.
const (
	BasisVerbatim     Basis = "verbatim"      // the two texts are identical
	BasisNearVerbatim Basis = "near-verbatim" // they share nearly all character pairs
	BasisWording      Basis = "wording"       // the same measure in local wording
	BasisTarget       Basis = "target"        // the same metric with another target value
)

// Evidence is the reason for a label as values a renderer can word in any
// language: its basis, the share of the shorter text's character pairs
// found in the other, and for a target comparison the metric and both
// targets (A's and B's).
type Evidence struct {
	Basis       Basis   `json:"basis"`
	SharedPairs float64 `json:"shared_pairs,omitempty"`
	Metric      string  `json:"metric,omitempty"`
	TargetA     *Target `json:"target_a,omitempty"`
	TargetB     *Target `json:"target_b,omitempty"`
	// Concept, for a pair in local wording, holds the two forms by which
	// A and B name one domain concept (总额控制, 总额预算) when no form of it
	// is common to them (Unit.Concepts).
	Concept []string `json:"concept,omitempty"`
}

// String words the evidence in English, as Link.Reason carries it.
func (e Evidence) String() string {
	switch e.Basis {
	case BasisVerbatim, BasisNearVerbatim:
		return string(e.Basis)
	case BasisTarget:
		if e.TargetA != nil && e.TargetB != nil {
			m := e.Metric
			if m == "" {
				m = "target"
			}
			return fmt.Sprintf("%s: %s vs %s", m, e.TargetB, e.TargetA)
		}
	case BasisWording:
		why := fmt.Sprintf("same measure in local wording; %.0f%% of the shorter clause's character pairs recur in the other", e.SharedPairs*100)
		if len(e.Concept) == 2 {
			why += fmt.Sprintf("; one concept named %s and %s", e.Concept[0], e.Concept[1])
		}
		return why
	}
	return ""
}

// String writes a target's comparator, value and unit: ≥90%, 3.6人.
func (t Target) String() string {
	return fmt.Sprintf("%s%g%s", cmpWord(t.Comparator), t.Value, t.Unit)
}

// Label says how B relates to A when the two are equivalent: same (near
// verbatim), stronger or weaker (a target on the same metric moves), or
// adapted (same measure, local wording), with the evidence for it.
func Label(a, b Unit) (Relation, Evidence) { return label(a, b, pairKeys) }

// Labeler is Label with memory: each distinct text's character pairs are
// computed once, for corpora that repeat their wording. The zero value is
// ready; it is safe for concurrent use, and holds what it has seen until
// dropped.
type Labeler struct {
	keys sync.Map // text → []uint64
}

// Label is Label.
func (l *Labeler) Label(a, b Unit) (Relation, Evidence) { return label(a, b, l.pairKeys) }

func (l *Labeler) pairKeys(s string) []uint64 {
	if k, ok := l.keys.Load(s); ok {
		return k.([]uint64)
	}
	k := pairKeys(s)
	l.keys.Store(s, k)
	return k
}

func label(a, b Unit, pairKeys func(string) []uint64) (Relation, Evidence) {
	if ta, tb, ok := sameMetricBy(a, b, pairKeys); ok && ta.Value != tb.Value {
		higherBetter := !(ta.Comparator == "<=" || ta.Comparator == "<")
		stronger := tb.Value > ta.Value
		if !higherBetter {
			stronger = !stronger
		}
		rel := Weaker
		if stronger {
			rel = Stronger
		}
		// Copies for the evidence: taking ta's address would put it on the
		// heap for every pair labelled, not only for these (200 MB at 1,000
		// documents).
		pa, pb := new(Target), new(Target)
		*pa, *pb = ta, tb
		return rel, Evidence{Basis: BasisTarget, Metric: metricName(ta, tb), TargetA: pa, TargetB: pb}
	}
	if a.Text == b.Text {
		return Same, Evidence{Basis: BasisVerbatim, SharedPairs: 1}
	}
	pa, pb := pairKeys(a.Text), pairKeys(b.Text)
	common := commonSorted(pa, pb)
	shared := 0.0
	if n := min(len(pa), len(pb)); n > 0 {
		shared = float64(common) / float64(n)
	}
	if len(pa)+len(pb) > 0 && 2*float64(common)/float64(len(pa)+len(pb)) >= NearVerbatimDice {
		return Same, Evidence{Basis: BasisNearVerbatim, SharedPairs: shared}
	}
	ev := Evidence{Basis: BasisWording, SharedPairs: shared}
	if fa, fb, ok := bridgeForms(a.Concepts, b.Concepts); ok {
		ev.Concept = []string{fa, fb}
	}
	return Adapted, ev
}

// written is the form as the text writes it.
func (c Concept) written() string {
	if c.Text != "" {
		return c.Text
	}
	return c.Form
}

// bridgeForms finds a concept a and b both name with no form in common (no
// form of one equal to or inside a form of the other), and the first form
// of it in each.
func bridgeForms(a, b []Concept) (fa, fb string, ok bool) {
	for _, x := range a {
		meet, fy := false, ""
		for _, y := range b {
			if y.ID != x.ID {
				continue
			}
			if fy == "" {
				fy = y.written()
			}
			for _, x2 := range a {
				if x2.ID == x.ID && sameWording(x2.Form, y.Form) {
					meet = true
				}
			}
		}
		if fy != "" && !meet {
			return x.written(), fy, true
		}
	}
	return "", "", false
}

// NearVerbatimDice is the character-pair Dice from which two different
// texts are labelled the same (near verbatim).
const NearVerbatimDice = 0.8

// Two target indicators of the same unit name the same metric when their
// character pairs overlap by SameIndicatorDice (Dice), or when at least
// SameIndicatorContained of the shorter one's pairs recur in the longer
// and the Dice is at least SameIndicatorContainedDice (每千人口注册护士数 ~
// 每千常住人口注册护士数), and when they share their head (sameHead: the
// last character pair of one recurs in the other). An indicator ends in
// what it measures and opens with whom or what of: 基层医疗卫生机构建设达标率
// and …为基层医疗卫生机构预留门诊号源 share their subject, not their metric.
const (
	SameIndicatorDice          = 0.4
	SameIndicatorContained     = 0.5
	SameIndicatorContainedDice = 0.3
)

// SameIndicator reports whether two target indicators (or metric names)
// name the same metric; SameIndicatorDice says when.
func SameIndicator(a, b string) bool {
	return SameIndicatorKeys(NewIndicatorKeys(a), NewIndicatorKeys(b))
}

// IndicatorKeys are an indicator's character pairs (the Bigrams
// SameIndicator compares) as sorted keys, and its last pair: made once for
// many comparisons.
type IndicatorKeys struct {
	keys []uint64 // sorted
	last uint64   // the last pair in the text (its head); 0 without pairs
}

// NewIndicatorKeys returns the keys of indicator s.
func NewIndicatorKeys(s string) IndicatorKeys {
	pairs := appendPairs(nil, s)
	if len(pairs) == 0 {
		return IndicatorKeys{}
	}
	k := IndicatorKeys{last: pairs[len(pairs)-1]}
	slices.Sort(pairs)
	k.keys = pairs
	return k
}

// Pairs returns the indicator's character pairs as sorted keys (for an
// index of indicators); the caller must not change them.
func (k IndicatorKeys) Pairs() []uint64 { return k.keys }

// SameIndicatorKeys is SameIndicator over keys made by NewIndicatorKeys.
func SameIndicatorKeys(a, b IndicatorKeys) bool {
	return sameIndicator(keysOverlap(a.keys, b.keys)) && sameHeadKeys(a, b)
}

func sameIndicator(dice, over float64) bool {
	return dice >= SameIndicatorDice || (over >= SameIndicatorContained && dice >= SameIndicatorContainedDice)
}

// sameHeadKeys is sameHead over keys: the last pair of one is a pair of
// the other.
func sameHeadKeys(a, b IndicatorKeys) bool {
	if len(a.keys) == 0 || len(b.keys) == 0 {
		return false
	}
	_, inB := slices.BinarySearch(b.keys, a.last)
	_, inA := slices.BinarySearch(a.keys, b.last)
	return inA || inB
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
	return a.Indicator
}

//go:embed data/percapita.txt
var perCapitaTxt string

// perCapitaWords make an indicator a density (data/percapita.txt).
var perCapitaWords = sync.OnceValue(func() []string { return wordList(perCapitaTxt) })

// perCapita reports an indicator per head of population or per bed.
func perCapita(indicator string) bool {
	for _, w := range perCapitaWords() {
		if strings.Contains(indicator, w) {
			return true
		}
	}
	return false
}

//go:embed data/units.tsv
var unitsTSV string

// unitFamilies maps a unit to the name it is compared under (data/units.tsv).
var unitFamilies = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range tsv.Rows(unitsTSV) {
		if len(r.Fields) >= 2 {
			m[strings.TrimSpace(r.Fields[0])] = strings.TrimSpace(r.Fields[1])
		}
	}
	return m
})

// UnitFamily is the name under which targets in unit u are compared: 名
// counts as 人 (data/units.tsv); any other unit is its own.
func UnitFamily(u string) string {
	if f, ok := unitFamilies()[u]; ok {
		return f
	}
	return u
}

// sameMetricBy finds a target of a and one of b on the same metric: the
// same unit (UnitFamily) and indicators that share most of their character
// bigrams. The texts' pair keys come from pairKeys (a cache, or pairKeys
// itself).
func sameMetricBy(a, b Unit, pairKeys func(string) []uint64) (Target, Target, bool) {
	as, bs := a.Targets, b.Targets
	if len(as) == 0 || len(bs) == 0 {
		return Target{}, Target{}, false
	}
	var ba, bb [4]targetKeys // most clauses set a target or two: no heap for the lists
	return sameMetricKeyed(as, bs, appendTargetKeys(ba[:0], as, a.Concepts, pairKeys), appendTargetKeys(bb[:0], bs, b.Concepts, pairKeys))
}

// targetKeys are a target's indicator (IndicatorKeys) and counted noun as
// sorted pair keys (pairKeys), made once per target rather than once per
// pair of targets, and the domain concepts its indicator names.
type targetKeys struct {
	indicator IndicatorKeys
	counted   []uint64
	concepts  []string // IDs, of the unit's concepts whose form the indicator holds
}

// appendTargetKeys appends the targetKeys of each target to dst, the texts'
// keys from pairKeys; concepts are the unit's (Unit.Concepts).
func appendTargetKeys(dst []targetKeys, ts []Target, concepts []Concept, pairKeys func(string) []uint64) []targetKeys {
	for _, t := range ts {
		k := targetKeys{indicator: IndicatorKeys{keys: pairKeys(t.Indicator), last: lastPair(t.Indicator)}}
		if t.Counted != "" {
			k.counted = pairKeys(t.Counted)
		}
		for _, c := range concepts {
			form := c.Text
			if form == "" {
				form = c.Form
			}
			if strings.Contains(t.Indicator, form) && !slices.Contains(k.concepts, c.ID) {
				k.concepts = append(k.concepts, c.ID)
			}
		}
		dst = append(dst, k)
	}
	return dst
}

// lastPair is the last content character pair of s as a key, 0 without one.
func lastPair(s string) uint64 {
	var buf [64]uint64
	if pairs := appendPairs(buf[:0], s); len(pairs) > 0 {
		return pairs[len(pairs)-1]
	}
	return 0
}

// sameMetricKeyed is sameMetricBy over the targets' keys (ka[i] those of
// as[i], kb[j] those of bs[j]).
func sameMetricKeyed(as, bs []Target, ka, kb []targetKeys) (Target, Target, bool) {
	best, bi, bj := 0.0, -1, -1
	for i, x := range as {
		for j, y := range bs {
			if UnitFamily(x.Unit) != UnitFamily(y.Unit) || perCapita(x.Indicator) != perCapita(y.Indicator) {
				continue // a density and a count are two metrics
			}
			d, over := keysOverlap(ka[i].indicator.keys, kb[j].indicator.keys)
			same := sameIndicator(d, over) && sameHeadKeys(ka[i].indicator, kb[j].indicator)
			if x.Counted != "" && y.Counted != "" && !same && sameHead(x.Counted, y.Counted) {
				d, over = keysOverlap(ka[i].counted, kb[j].counted) // the same things counted
				same = sameIndicator(d, over)
			}
			// one domain concept named in other words, the two indicators
			// ending in one head (紧急医学救援队伍 ~ 医疗应急队伍, both of 人)
			ends := ka[i].indicator.last != 0 && ka[i].indicator.last == kb[j].indicator.last
			same = same || ends && sharesAny(ka[i].concepts, kb[j].concepts)
			if !same {
				continue
			}
			if d+over > best {
				best, bi, bj = d+over, i, j
			}
		}
	}
	if bi < 0 {
		return Target{}, Target{}, false
	}
	return as[bi], bs[bj], true
}

// sharesAny reports whether a and b hold a common element.
func sharesAny(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// sameHead reports whether two counted nouns may name the same thing: a
// Chinese noun phrase ends in its head, so the last character pair of one
// recurs in the other (实验室 ~ 二级生物安全实验室建设, but not 调查队伍 ~
// 调查能力的首席专家, which share their modifiers only).
func sameHead(a, b string) bool {
	pa, pb := appendPairs(nil, a), appendPairs(nil, b)
	if len(pa) == 0 || len(pb) == 0 {
		return false
	}
	return slices.Contains(pb, pa[len(pa)-1]) || slices.Contains(pa, pb[len(pb)-1])
}

// pairKeys returns the content character pairs of s (as Bigrams) encoded
// as sorted integers: cheaper to compare than strings.
func pairKeys(s string) []uint64 { return appendPairKeys(nil, s) }

// appendPairKeys appends the sorted pair keys of s to dst.
func appendPairKeys(dst []uint64, s string) []uint64 {
	n := len(dst)
	dst = appendPairs(dst, s)
	slices.Sort(dst[n:])
	return dst
}

// PairOverlap compares the content character pairs (Bigrams) of two texts:
// dice is twice the shared pairs over all pairs, over the shared pairs over
// the pairs of the shorter text.
func PairOverlap(a, b string) (dice, over float64) {
	var ba, bb [64]uint64 // short texts (indicators, headings) stay off the heap
	return keysOverlap(appendPairKeys(ba[:0], a), appendPairKeys(bb[:0], b))
}

// keysOverlap is PairOverlap over sorted pair keys (0, 0 when either has none).
func keysOverlap(pa, pb []uint64) (dice, over float64) {
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
